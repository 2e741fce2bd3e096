// Look-up of a dossier already filed, first page: the two ways in, the receipt's QR under the
// camera or the code typed by hand. Not a step of the visit: "Quay lại" goes back to the start.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property bool scanning: lookup.scanning
    title: scanning ? qsTr("Đang tìm mã QR trên phiếu hẹn…")
         : lookup.busy ? qsTr("Đang tra cứu…") : qsTr("Tra cứu hồ sơ đã nộp")
    subtitle: scanning ? qsTr("Giữ yên phiếu hẹn dưới máy ảnh, mã QR hướng lên.")
            : lookup.busy ? qsTr("Máy đang hỏi cổng dịch vụ công. Xin chờ một chút.")
            : qsTr("Bạn cần phiếu hẹn đã nhận khi nộp hồ sơ.")
    showBack: true
    backAction: function() { lookup.back() }
    messageText: lookup.message

    BigButton {
        objectName: "lookupScanButton"
        text: qsTr("Quét mã QR trên phiếu hẹn")
        primary: true
        enabled: !lookup.busy
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.mm(220)
        onClicked: lookup.scanQr()
    }
    Text {
        text: qsTr("Đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, rồi chạm vào nút trên.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Item { implicitHeight: Theme.gap }
    BigButton {
        objectName: "lookupTypeButton"
        text: qsTr("Nhập mã hồ sơ")
        enabled: !lookup.busy
        minimumHeight: Theme.primaryHeight
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.mm(220)
        onClicked: lookup.chooseTyping()
    }
    Text {
        text: qsTr("Gõ mã hồ sơ in trên phiếu hẹn, rồi 4 số cuối của số định danh cá nhân.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
