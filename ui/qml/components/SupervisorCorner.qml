// A faint ring in the bottom-right corner for the 10 s after the first half of the supervisor's
// gesture (ui/lockdown.py: hold the top-left corner 5 s and lift), where the tap must come next.
// Only a picture: the corners are watched in the window's input, not by an item a finger could hit.
import QtQuick

Rectangle {
    objectName: "lockHint"
    visible: !!lockdown && lockdown.armed
    width: Theme.mm(6)
    height: width
    radius: width / 2
    anchors.margins: Theme.mm(1.5)
    z: 200
    color: "transparent"
    border.color: Theme.muted
    border.width: Theme.borderWidth
}
