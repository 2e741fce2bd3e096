// Who is the dossier for? The chip card first (the form fills itself), else the card's printed
// fields typed by hand, or the demo citizen.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Thông tin của người nộp hồ sơ")
    subtitle: qsTr("Chọn một cách dưới đây.")

    BigButton {
        objectName: "cardIdentityButton"
        visible: vm.cardAvailable
        primary: true
        text: qsTr("Đọc thẻ căn cước gắn chip")
        Layout.fillWidth: true
        minimumHeight: Theme.primaryHeight * 1.2
        onClicked: vm.chooseCard()
    }
    BigButton {
        objectName: "manualIdentityButton"
        text: qsTr("Nhập thông tin in trên thẻ căn cước")
        Layout.fillWidth: true
        minimumHeight: Theme.primaryHeight * 1.2
        onClicked: vm.chooseManual()
    }
    BigButton {
        objectName: "demoIdentityButton"
        visible: vm.demoAvailable
        text: qsTr("Dùng công dân MẪU (để thử, không phải người thật)")
        Layout.fillWidth: true
        minimumHeight: Theme.primaryHeight * 1.2
        onClicked: vm.useDemo()
    }
    Text {
        text: qsTr("Máy không hỏi và không lưu mật khẩu VNeID của bạn.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
