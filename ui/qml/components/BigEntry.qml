// One big text field, for a page that asks one short thing (a dossier code, a few digits): large
// type, a thick border while it has the focus, a red one (with the page's sentence) when wrong.
import QtQuick
import QtQuick.Controls.Basic

TextField {
    id: entry
    property bool error: false
    implicitHeight: Theme.primaryHeight
    font.pixelSize: Theme.titleSize
    font.bold: true
    color: Theme.text
    leftPadding: Theme.mm(4)
    rightPadding: Theme.mm(4)
    inputMethodHints: Qt.ImhNoPredictiveText
    background: Rectangle {
        color: Theme.background
        radius: Theme.radius
        border.width: entry.activeFocus || entry.error ? Theme.borderWidth * 2 : Theme.borderWidth
        border.color: entry.error ? Theme.error : (entry.activeFocus ? Theme.primary : Theme.text)
    }
}
