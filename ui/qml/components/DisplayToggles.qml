// "Chữ to" and "Tương phản cao": the display modes, one tap away on every kiosk page. Each shows its
// state as a box ticked or not and as a filled button, not by colour alone.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

RowLayout {
    spacing: Theme.gap

    component ModeToggle: Button {
        id: toggle
        checkable: true
        font.pixelSize: Theme.smallSize
        font.bold: checked
        focusPolicy: Qt.StrongFocus
        implicitHeight: Math.max(Theme.mm(13), label.implicitHeight + topPadding + bottomPadding)
        implicitWidth: label.implicitWidth + leftPadding + rightPadding + Theme.mm(4)
        Accessible.role: Accessible.CheckBox
        Accessible.name: text
        contentItem: Text {
            id: label
            text: (toggle.checked ? "☑ " : "☐ ") + toggle.text
            font: toggle.font
            color: toggle.checked ? Theme.textOnPrimary : Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: Theme.radius
            color: toggle.checked ? (toggle.down ? Theme.primaryDown : Theme.primary)
                                  : (toggle.down ? Theme.pressed : Theme.background)
            border.width: toggle.visualFocus ? Theme.borderWidth * 2 : Theme.borderWidth
            border.color: toggle.visualFocus ? Theme.focus : Theme.textOnHeader
        }
    }

    ModeToggle {
        objectName: "largeTextToggle"
        text: qsTr("Chữ to")
        checked: displayModes.largeText
        onClicked: displayModes.toggleLargeText()
    }
    ModeToggle {
        objectName: "highContrastToggle"
        text: qsTr("Tương phản cao")
        checked: displayModes.highContrast
        onClicked: displayModes.toggleHighContrast()
    }
}
