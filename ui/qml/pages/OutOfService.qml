// Shown instead of the welcome page while a device the office needs is missing (ui/outage.py):
// what is wrong in a word, and what to do instead. It goes away by itself when the device is back.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    objectName: "outOfServicePage"
    title: qsTr("Máy tạm ngừng phục vụ")
    subtitle: qsTr("Xin lỗi, máy đang thiếu %1.").arg(outage ? outage.missingText : "")
    showBack: false
    messageText: ""

    Text {
        text: qsTr("Xin mời ông/bà đến quầy tiếp nhận hồ sơ: cán bộ sẽ giúp làm thủ tục.")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Text {
        objectName: "outOfServiceHotline"
        text: qsTr("Đường dây nóng: %1").arg(vm.hotline)
        font.pixelSize: Theme.bodySize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Text {
        text: qsTr("Máy sẽ tự hoạt động lại khi thiết bị sẵn sàng.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
