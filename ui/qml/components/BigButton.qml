// A button big enough for an unsteady finger; primary ones are the single main action of a page.
import QtQuick
import QtQuick.Controls.Basic

Button {
    id: control
    property bool primary: false
    property bool selected: false

    // The least height a page asks for; taller when the words need it (large text, a narrow
    // screen) rather than spill out of the button.
    property int minimumHeight: primary ? Theme.primaryHeight : Theme.targetHeight

    implicitHeight: Math.max(minimumHeight, label.implicitHeight + topPadding + bottomPadding)
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
        // A disabled button has a thin border as well as its grey: not by colour alone.
        border.width: control.visualFocus ? Theme.borderWidth * 2 : control.enabled ? Theme.borderWidth : 1
        border.color: control.visualFocus ? Theme.focus : (control.primary ? Theme.primary : Theme.text)
    }
}
