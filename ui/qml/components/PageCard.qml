// One page in the review of a document: its picture, its number, what is wrong with it if
// anything, and buttons to move it earlier or later, take it again, or delete it.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: card
    property int index
    property int count
    property string source
    property string note
    signal move(int step)
    signal retake()
    signal remove()

    implicitWidth: column.implicitWidth + Theme.gap * 2
    implicitHeight: column.implicitHeight + Theme.gap * 2
    radius: Theme.radius
    color: Theme.surface
    border.color: note.length > 0 ? Theme.error : Theme.text
    border.width: Theme.borderWidth

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        spacing: Theme.mm(2)
        Text {
            text: qsTr("Trang %1").arg(card.index + 1)
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
        }
        Image {
            objectName: "pageImage_" + card.index
            source: card.source
            Layout.preferredWidth: Theme.dense ? Theme.mm(50) : Theme.mm(60)
            Layout.preferredHeight: Math.round(Layout.preferredWidth * 297 / 210)
            Layout.alignment: Qt.AlignHCenter
            fillMode: Image.PreserveAspectFit
            cache: false
        }
        Text {
            visible: card.note.length > 0
            text: "⚠ " + card.note
            font.pixelSize: Theme.smallSize
            font.bold: true
            color: Theme.error
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.maximumWidth: buttons.implicitWidth
        }
        GridLayout {
            id: buttons
            columns: 2
            columnSpacing: Theme.mm(3)
            rowSpacing: Theme.mm(3)
            BigButton {
                objectName: "movePageLeft_" + card.index
                text: qsTr("‹ Lên trước")
                enabled: card.index > 0
                Layout.fillWidth: true
                onClicked: card.move(-1)
            }
            BigButton {
                objectName: "movePageRight_" + card.index
                text: qsTr("Ra sau ›")
                enabled: card.index < card.count - 1
                Layout.fillWidth: true
                onClicked: card.move(1)
            }
            BigButton {
                objectName: "retakePage_" + card.index
                text: qsTr("Chụp lại")
                Layout.fillWidth: true
                onClicked: card.retake()
            }
            BigButton {
                objectName: "deletePage_" + card.index
                text: qsTr("Xóa")
                Layout.fillWidth: true
                onClicked: card.remove()
            }
        }
    }
}
