// A message on a page: what went wrong and what to do, with an icon and words, not only colour.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: notice
    property string text
    property bool good: false
    visible: text.length > 0
    color: good ? Theme.successSurface : Theme.errorSurface
    border.color: good ? Theme.success : Theme.error
    border.width: Theme.borderWidth
    radius: Theme.radius
    implicitHeight: row.implicitHeight + 2 * Theme.gap
    Layout.fillWidth: true

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap
        Text {
            text: notice.good ? "✓" : "⚠"
            font.pixelSize: Theme.titleSize
            color: notice.good ? Theme.success : Theme.error
            Layout.alignment: Qt.AlignTop
        }
        Text {
            objectName: "noticeText"
            text: notice.text
            font.pixelSize: Theme.bodySize
            color: notice.good ? Theme.success : Theme.error
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
