// One key of the on-screen keyboard (Keyboard.qml): as tall as the keyboard says (≥ 12 mm), a
// large label, and never the focus, so that the field being typed into keeps it. A key that is
// "on" (shift, Telex) is filled and says so in its words too: never by colour alone.
import QtQuick
import QtQuick.Controls.Basic

AbstractButton {
    id: key
    // A second word after the label: the tone's name after its mark ("à huyền").
    property string word
    property bool on: false
    property int labelSize: Theme.titleSize
    // Words squeezed into a narrow key (large text on a portrait screen) stop at the body size of
    // the normal mode: still a 6 mm capital.
    readonly property int smallest: Math.round(Theme.smallSize / Theme.textScale)
    readonly property int inner: Theme.mm(1.5)

    focusPolicy: Qt.NoFocus
    hoverEnabled: false

    contentItem: Item {
        id: inside
        TextMetrics { id: labelMetrics; font: label.font; text: key.text }
        TextMetrics { id: wordMetrics; font.pixelSize: Theme.buttonSize; text: key.word }
        // The tone's mark beside its name when both fit; else the name alone, which says it all.
        readonly property bool both: key.text.length > 0 && key.word.length > 0
            && labelMetrics.advanceWidth + key.inner + wordMetrics.advanceWidth <= width - key.inner * 2
        Row {
            anchors.centerIn: parent
            spacing: key.inner
            Text {
                id: label
                visible: key.text.length > 0 && (key.word.length === 0 || inside.both)
                anchors.verticalCenter: parent.verticalCenter
                width: Math.min(labelMetrics.advanceWidth + 1, inside.width - key.inner * 2)
                text: key.text
                font.pixelSize: key.labelSize
                font.bold: key.word.length > 0
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: key.smallest
                horizontalAlignment: Text.AlignHCenter
                color: key.on ? Theme.textOnPrimary : key.enabled ? Theme.text : Theme.muted
            }
            Text {
                visible: key.word.length > 0
                anchors.verticalCenter: parent.verticalCenter
                width: Math.min(wordMetrics.advanceWidth + 1,
                                inside.width - key.inner * 2 - (label.visible ? label.width + key.inner : 0))
                text: key.word
                font.pixelSize: Theme.buttonSize
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: key.smallest
                horizontalAlignment: Text.AlignHCenter
                color: key.on ? Theme.textOnPrimary : key.enabled ? Theme.text : Theme.muted
            }
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: key.down ? (key.on ? Theme.primaryDown : Theme.pressed) : key.on ? Theme.primary : Theme.background
        border.width: Theme.borderWidth
        border.color: key.on ? Theme.primary : Theme.text
    }
}
