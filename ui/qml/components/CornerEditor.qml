// The agent's corner editor: the still with the page's four corners as big round handles to drag
// into place. Tapping a spot on the picture moves the nearest corner there, for a hand that
// cannot drag (WCAG 2.5.7). `normalised()` gives the corners back as shares of the still.
import QtQuick
import QtQuick.Shapes

Rectangle {
    id: editor
    property string source
    property var corners: []          // [x, y] × TL, TR, BR, BL, each 0–1 of the still
    color: Theme.liveBackground
    radius: Theme.radius

    // The picture as painted inside the Image item (letterboxed).
    readonly property real originX: picture.x + (picture.width - picture.paintedWidth) / 2
    readonly property real originY: picture.y + (picture.height - picture.paintedHeight) / 2
    readonly property real paintedWidth: Math.max(1, picture.paintedWidth)
    readonly property real paintedHeight: Math.max(1, picture.paintedHeight)

    function normalised() {
        var out = []
        for (var i = 0; i < 4; ++i) {
            var handle = handles.itemAt(i)
            out.push((handle.x + handle.width / 2 - originX) / paintedWidth)
            out.push((handle.y + handle.height / 2 - originY) / paintedHeight)
        }
        return out
    }

    Image {
        id: picture
        objectName: "cornerPicture"
        anchors.fill: parent
        anchors.margins: Theme.handleSize / 2    // room for a handle on a corner at the edge
        source: editor.source
        fillMode: Image.PreserveAspectFit
        cache: false
    }

    MouseArea {
        anchors.fill: picture
        onClicked: (mouse) => {
            var point = mapToItem(editor, mouse.x, mouse.y)
            var nearest = null, best = Infinity
            for (var i = 0; i < 4; ++i) {
                var handle = handles.itemAt(i)
                var d = Math.hypot(handle.x + handle.width / 2 - point.x, handle.y + handle.height / 2 - point.y)
                if (d < best) { best = d; nearest = handle }
            }
            nearest.x = point.x - nearest.width / 2
            nearest.y = point.y - nearest.height / 2
        }
    }

    Shape {
        id: sides
        anchors.fill: parent
        visible: picture.status === Image.Ready && handles.count === 4
        // The handles, read through properties that depend on the Repeater's count, so that the
        // sides are drawn once the handles exist and follow every drag.
        readonly property Item h0: handles.count === 4 ? handles.itemAt(0) : editor
        readonly property Item h1: handles.count === 4 ? handles.itemAt(1) : editor
        readonly property Item h2: handles.count === 4 ? handles.itemAt(2) : editor
        readonly property Item h3: handles.count === 4 ? handles.itemAt(3) : editor
        function centre(h) { return Qt.point(h.x + h.width / 2, h.y + h.height / 2) }
        ShapePath {
            strokeColor: Theme.liveFound
            strokeWidth: Theme.mm(0.8)
            fillColor: "transparent"
            PathPolyline {
                path: [sides.centre(sides.h0), sides.centre(sides.h1), sides.centre(sides.h2),
                       sides.centre(sides.h3), sides.centre(sides.h0)]
            }
        }
    }

    Repeater {
        id: handles
        model: 4
        Rectangle {
            id: handle
            objectName: "corner_" + index
            width: Theme.handleSize
            height: Theme.handleSize
            radius: width / 2
            color: drag.pressed ? Theme.liveReady : "#D9FFFFFF"
            border.color: Theme.primary
            border.width: Theme.borderWidth * 2
            // Placed from the given corners until the agent moves it; a drag takes over from there.
            x: editor.originX + (editor.corners[2 * index] || 0) * editor.paintedWidth - width / 2
            y: editor.originY + (editor.corners[2 * index + 1] || 0) * editor.paintedHeight - height / 2
            Text {
                anchors.centerIn: parent
                text: index + 1
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: Theme.primary
            }
            MouseArea {
                id: drag
                anchors.fill: parent
                drag.target: handle
                drag.threshold: 0
                drag.minimumX: editor.originX - handle.width / 2
                drag.maximumX: editor.originX + editor.paintedWidth - handle.width / 2
                drag.minimumY: editor.originY - handle.height / 2
                drag.maximumY: editor.originY + editor.paintedHeight - handle.height / 2
            }
        }
    }
}
