// Kiosk: the number just taken, as large as the screen allows, while its slip prints. A slip that
// did not print says so, and the number stays on the screen to be remembered.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Số của bạn")
    showBack: false
    messageText: tickets.printing || tickets.printed ? "" : tickets.message
    primaryText: qsTr("Xong")
    primaryName: "ticketDoneButton"
    onPrimary: tickets.finish()

    Text {
        objectName: "ticketNumber"
        text: tickets.label
        font.pixelSize: Theme.heroSize * 3
        font.bold: true
        color: Theme.primary
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Text {
        objectName: "ticketService"
        text: tickets.serviceName
        font.pixelSize: Theme.titleSize
        font.bold: true
        color: Theme.text
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Text {
        objectName: "ticketAhead"
        text: tickets.ahead === 0 ? qsTr("Không có ai chờ trước bạn.")
                                  : qsTr("Có %1 người đang chờ trước bạn.").arg(tickets.ahead)
        font.pixelSize: Theme.bodySize
        color: Theme.text
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Notice {
        objectName: "ticketPrintNote"
        visible: tickets.printing || tickets.printed
        good: true
        text: tickets.message
        Layout.fillWidth: true
    }
    Text {
        text: qsTr("Xin vui lòng chờ đến lượt.")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
}
