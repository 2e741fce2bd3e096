// A labelled text field with its help, its error in words, and a mark when the card filled it.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

ColumnLayout {
    id: field
    property string key
    property string label
    property string help
    property string error
    property bool required: false
    property bool prefilled: false
    property alias text: input.text
    property alias inputMethodHints: input.inputMethodHints
    property alias echoMode: input.echoMode
    signal edited(string value)
    function focusInput() { input.forceActiveFocus() }
    spacing: Theme.mm(1.5)
    Layout.fillWidth: true

    RowLayout {
        // No label when the page's title asks the question (the kiosk's one question a page).
        visible: field.label.length > 0 || field.prefilled
        spacing: Theme.gap
        Text {
            text: field.label + (field.required ? " *" : "")
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Rectangle {
            visible: field.prefilled
            color: Theme.successSurface
            border.color: Theme.success
            border.width: 1
            radius: Theme.radius
            implicitWidth: badge.implicitWidth + Theme.mm(4)
            implicitHeight: badge.implicitHeight + Theme.mm(1.5)
            Text {
                id: badge
                anchors.centerIn: parent
                text: qsTr("✓ Lấy từ thẻ")
                font.pixelSize: Theme.smallSize
                color: Theme.success
            }
        }
    }
    TextField {
        id: input
        objectName: "field_" + field.key
        Layout.fillWidth: true
        implicitHeight: Theme.targetHeight
        font.pixelSize: Theme.bodySize
        color: Theme.text
        leftPadding: Theme.mm(3)
        onTextEdited: field.edited(text)
        background: Rectangle {
            color: Theme.background
            radius: Theme.radius
            border.width: input.activeFocus ? Theme.borderWidth * 2 : Theme.borderWidth
            border.color: field.error ? Theme.error : (input.activeFocus ? Theme.primary : Theme.text)
        }
    }
    Text {
        visible: field.help.length > 0 && !field.error
        text: field.help
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Text {
        visible: field.error.length > 0
        text: "⚠ " + field.error
        font.pixelSize: Theme.smallSize
        font.bold: true
        color: Theme.error
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
