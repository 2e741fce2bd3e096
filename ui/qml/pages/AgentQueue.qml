// Agent point: the office's queue. The ticket at this desk, large, with what can be done about
// it; tickets handed out at the desk; who waits and for how long. The list reads itself again
// every few seconds while the page is shown (agent_point/queue_model.py).
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property var q: agent.queue
    title: qsTr("Hàng đợi – %1").arg(q.deskName)
    subtitle: q.waitingCount === 0 ? qsTr("Không có ai đang chờ.")
              : qsTr("%1 người đang chờ.").arg(q.waitingCount) + (q.averageWait ? " " + q.averageWait : "")
    showBack: true
    showHelp: false
    backAction: function() { agent.goHome() }
    messageText: q.messageGood ? "" : q.message
    primaryText: qsTr("Gọi số tiếp theo")
    primaryName: "callNextButton"
    primaryEnabled: !q.busy
    onPrimary: q.callNext()

    Notice {
        objectName: "queueNote"
        visible: page.q.messageGood && text.length > 0
        good: true
        text: page.q.message
        Layout.fillWidth: true
    }

    // The ticket at this desk: its number as large as the page allows, and what to do with it.
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: currentBox.implicitHeight + 2 * Theme.gap
        color: Theme.surface
        border.color: Theme.text
        border.width: Theme.borderWidth
        radius: Theme.radius
        RowLayout {
            id: currentBox
            anchors.fill: parent
            anchors.margins: Theme.gap
            spacing: Theme.gap * 2
            ColumnLayout {
                spacing: 0
                Layout.preferredWidth: Theme.mm(90)
                Text {
                    text: qsTr("Đang phục vụ")
                    font.pixelSize: Theme.smallSize
                    color: Theme.muted
                }
                Text {
                    objectName: "queueCurrentLabel"
                    text: page.q.hasCurrent ? page.q.currentLabel : "—"
                    font.pixelSize: Theme.heroSize * 1.6
                    font.bold: true
                    color: Theme.primary
                }
            }
            ColumnLayout {
                spacing: Theme.gap
                Layout.fillWidth: true
                Text {
                    objectName: "queueCurrentText"
                    text: page.q.hasCurrent
                          ? qsTr("%1 – gọi lúc %2, đã chờ %3").arg(page.q.current.serviceName)
                                .arg(page.q.current.calledAt).arg(page.q.current.waitedText)
                          : qsTr("Chưa gọi số nào đến quầy này. Bấm “Gọi số tiếp theo”.")
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    spacing: Theme.gap
                    visible: page.q.hasCurrent
                    BigButton {
                        objectName: "serveTicketButton"
                        text: qsTr("Tiếp nhận")
                        primary: true
                        enabled: !page.q.busy
                        onClicked: agent.serveTicket()
                    }
                    BigButton {
                        objectName: "recallButton"
                        text: qsTr("Gọi lại")
                        enabled: !page.q.busy
                        onClicked: page.q.recall()
                    }
                    BigButton {
                        objectName: "noShowButton"
                        text: qsTr("Vắng mặt")
                        enabled: !page.q.busy
                        onClicked: page.q.noShow()
                    }
                    BigButton {
                        objectName: "finishTicketButton"
                        text: qsTr("Xong")
                        enabled: !page.q.busy
                        onClicked: page.q.finishCurrent()
                    }
                }
            }
        }
    }

    // A ticket for someone who came straight to the desk; the slip prints here.
    RowLayout {
        spacing: Theme.gap
        Text {
            text: qsTr("Phát số:")
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
        }
        Repeater {
            model: page.q.services
            BigButton {
                objectName: "issue_" + modelData.letter
                text: modelData.letter + " – " + modelData.name
                enabled: !page.q.busy
                onClicked: page.q.issueTicket(modelData.letter)
            }
        }
    }

    Text {
        objectName: "queueEmpty"
        visible: page.q.waitingCount === 0
        text: qsTr("Không có ai đang chờ.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
    }
    Repeater {
        model: page.q.waitingCount > 0
               ? [{ label: qsTr("Số"), serviceName: qsTr("Dịch vụ"), takenAt: qsTr("Lấy số lúc"),
                    waitedText: qsTr("Đã chờ"), head: true }].concat(page.q.waiting)
               : []
        Rectangle {
            objectName: modelData.head ? "queueHead" : "queueRow_" + modelData.label
            Layout.fillWidth: true
            implicitHeight: cells.implicitHeight + Theme.gap
            color: modelData.head ? Theme.pressed : (index % 2 ? Theme.background : Theme.surface)
            RowLayout {
                id: cells
                anchors.fill: parent
                anchors.leftMargin: Theme.gap
                anchors.rightMargin: Theme.gap
                spacing: Theme.gap * 2
                Text { text: modelData.label; font.pixelSize: Theme.bodySize; font.bold: true
                       color: Theme.text; Layout.preferredWidth: Theme.mm(30) }
                Text { text: modelData.serviceName; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                Text { text: modelData.takenAt; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; Layout.preferredWidth: Theme.mm(40) }
                Text { objectName: modelData.head ? "" : "queueWaited_" + modelData.label
                       text: modelData.waitedText; font.pixelSize: Theme.smallSize; font.bold: true
                       color: Theme.text; Layout.preferredWidth: Theme.mm(35) }
            }
        }
    }
}
