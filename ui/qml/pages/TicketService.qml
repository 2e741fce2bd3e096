// Kiosk: taking a queue ticket, first and only choice: what the citizen has come for. Nothing is
// asked about them; "Quay lại" goes back to the start.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Lấy số thứ tự")
    subtitle: tickets.busy ? qsTr("Đang lấy số…") : qsTr("Bạn đến để làm gì? Chạm vào một ô.")
    showBack: true
    backAction: function() { tickets.back() }
    messageText: tickets.message

    Repeater {
        model: tickets.services
        BigButton {
            objectName: "ticketService_" + modelData.letter
            text: modelData.name
            primary: index === 0
            enabled: !tickets.busy
            minimumHeight: Theme.primaryHeight * 1.2
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.mm(240)
            onClicked: tickets.take(modelData.letter)
        }
    }
    Text {
        text: qsTr("Máy sẽ in phiếu có số thứ tự. Khi số của bạn được gọi, mời đến quầy được báo.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
