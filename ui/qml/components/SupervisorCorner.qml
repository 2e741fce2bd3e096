// One of the two hidden corners of the supervisor's gesture (ui/lockdown.py): hold the top-left one
// for 5 s and lift, then tap the bottom-right one within 10 s. Nothing shows but a faint ring in
// the second corner while it waits for the tap; at the agent point (no lock-down) there is nothing.
import QtQuick

MouseArea {
    id: corner
    property bool holdCorner: true
    objectName: holdCorner ? "lockHoldCorner" : "lockTapCorner"
    visible: !!lockdown && lockdown.stage === ""
    width: Theme.mm(9)
    height: Theme.mm(9)
    z: 200
    onPressed: if (holdCorner) lockdown.holdStarted()
    onReleased: if (holdCorner) lockdown.holdEnded()
    onCanceled: if (holdCorner) lockdown.holdCancelled()
    onClicked: if (!holdCorner) lockdown.cornerTapped()

    Rectangle {
        visible: !corner.holdCorner && !!lockdown && lockdown.armed
        anchors.centerIn: parent
        width: parent.width * 0.7
        height: width
        radius: width / 2
        color: "transparent"
        border.color: Theme.muted
        border.width: Theme.borderWidth
    }
}
