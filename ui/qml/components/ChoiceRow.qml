// A question answered by tapping one of a few big buttons (sex, relationship, yes/no).
import QtQuick
import QtQuick.Layouts

ColumnLayout {
    id: row
    property string key
    property string label
    property string error
    property bool required: false
    property var choices: []          // [{value, label}]
    property string value
    // One choice a line, the width of the page: the kiosk's one question a page.
    property bool stacked: false
    signal chosen(string value)
    spacing: Theme.mm(1.5)
    Layout.fillWidth: true

    Text {
        visible: row.label.length > 0
        text: row.label + (row.required ? " *" : "")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Flow {
        id: flow
        Layout.fillWidth: true
        spacing: Theme.gap
        Repeater {
            model: row.choices
            BigButton {
                objectName: "choice_" + row.key + "_" + modelData.value
                width: row.stacked ? Math.min(flow.width, Theme.mm(200)) : implicitWidth
                text: modelData.label
                selected: row.value === modelData.value
                onClicked: { row.value = modelData.value; row.chosen(modelData.value) }
            }
        }
    }
    Text {
        visible: row.error.length > 0
        text: "⚠ " + row.error
        font.pixelSize: Theme.smallSize
        font.bold: true
        color: Theme.error
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
