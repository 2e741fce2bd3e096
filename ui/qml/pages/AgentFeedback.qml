// Agent point, supervisors only: the citizens' written suggestions ("Góp ý"), unread first. Each
// says when it came and whether it was read, in words; "Đánh dấu đã đọc" marks it read (audited).
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property var inbox: agent.feedback
    title: qsTr("Góp ý của người dân")
    subtitle: inbox.busy ? qsTr("Đang tải…")
              : inbox.filter === "unread" ? qsTr("%1 góp ý chưa đọc").arg(inbox.rows.length)
              : qsTr("%1 góp ý, %2 chưa đọc").arg(inbox.rows.length).arg(inbox.unreadShown)
    showBack: true
    showHelp: false
    backAction: function() { agent.goHome() }
    messageText: inbox.message

    RowLayout {
        spacing: Theme.gap
        BigButton {
            objectName: "filter_unread"
            text: qsTr("Chưa đọc")
            selected: page.inbox.filter === "unread"
            onClicked: page.inbox.show("unread")
        }
        BigButton {
            objectName: "filter_all"
            text: qsTr("Tất cả")
            selected: page.inbox.filter === "all"
            onClicked: page.inbox.show("all")
        }
    }
    Text {
        visible: !page.inbox.busy && page.inbox.rows.length === 0
        text: qsTr("Không có góp ý nào.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
    }
    Repeater {
        model: page.inbox.rows
        Rectangle {
            objectName: "suggestion_" + index
            Layout.fillWidth: true
            implicitHeight: body.implicitHeight + Theme.gap * 2
            radius: Theme.radius
            color: modelData.read ? Theme.background : Theme.surface
            border.color: Theme.text
            border.width: modelData.read ? 1 : Theme.borderWidth
            RowLayout {
                id: body
                anchors.fill: parent
                anchors.margins: Theme.gap
                spacing: Theme.gap * 2
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.gap / 2
                    Text {
                        objectName: "suggestionState_" + index
                        text: modelData.at + " — " + modelData.stateText
                        font.pixelSize: Theme.smallSize
                        font.bold: !modelData.read
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        objectName: "suggestionText_" + index
                        text: modelData.text
                        textFormat: Text.PlainText
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                BigButton {
                    objectName: "markRead_" + index
                    visible: !modelData.read
                    text: qsTr("Đánh dấu đã đọc")
                    enabled: !page.inbox.busy
                    onClicked: page.inbox.markRead(modelData.uid)
                }
            }
        }
    }
}
