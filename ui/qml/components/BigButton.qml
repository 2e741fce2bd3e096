// A button big enough for an unsteady finger; primary ones are the single main action of a page.
import QtQuick
import QtQuick.Controls.Basic

Button {
    id: control
    property bool primary: false
    property bool selected: false

    implicitHeight: primary ? Theme.primaryHeight : Theme.targetHeight
    implicitWidth: Math.max(Theme.mm(38), label.implicitWidth + Theme.mm(12))
    font.pixelSize: Theme.buttonSize
    font.bold: primary || selected
    focusPolicy: Qt.StrongFocus

    contentItem: Text {
        id: label
        // A selected choice shows a tick as well as a colour: state is never colour alone.
        text: (control.selected ? "✓ " : "") + control.text
        font: control.font
        color: !control.enabled ? Theme.muted : (control.primary || control.selected) ? Theme.textOnPrimary : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.disabled
             : (control.primary || control.selected) ? (control.down ? Theme.primaryDown : Theme.primary)
             : (control.down ? Theme.pressed : Theme.surface)
        border.width: control.visualFocus ? Theme.borderWidth * 2 : Theme.borderWidth
        border.color: control.visualFocus ? Theme.focus : (control.primary ? Theme.primary : Theme.text)
    }
}
