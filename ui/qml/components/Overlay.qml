// A question over the whole page (idle warning, help called) that only big buttons can answer.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: overlay
    property string title
    property string text
    default property alias buttons: buttonRow.data
    anchors.fill: parent
    color: "#CC000000"
    z: 100
    MouseArea { anchors.fill: parent }   // nothing behind the question can be touched

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.mm(260))
        height: box.implicitHeight + 2 * Theme.margin
        radius: Theme.radius * 2
        color: Theme.background
        border.color: Theme.text
        border.width: Theme.borderWidth
        ColumnLayout {
            id: box
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.gap * 2
            Text {
                text: overlay.title
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                text: overlay.text
                font.pixelSize: Theme.bodySize
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                id: buttonRow
                spacing: Theme.gap * 2
                Layout.fillWidth: true
            }
        }
    }
}
