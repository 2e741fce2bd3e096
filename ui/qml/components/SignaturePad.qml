// A box to sign in with a finger, a stylus or the mouse. Each stroke is handed over when the
// finger lifts, as points relative to the box (0..1 across and down); the box draws the strokes
// it is given back (`strokes`) and the one being drawn.
import QtQuick

Rectangle {
    id: pad
    property var strokes: []
    property var current: []
    signal stroke(var points)

    implicitHeight: width / 3          // ui/signature.py draws the PNG at the same 3:1
    color: Theme.background
    border.color: Theme.text
    border.width: Theme.borderWidth
    radius: Theme.radius

    onStrokesChanged: canvas.requestPaint()

    Text {
        // Where to sign, under the ink: a line and a word, faint so the ink stands out.
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.gap }
        text: qsTr("Ký ở đây")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        visible: pad.strokes.length === 0 && pad.current.length === 0
    }
    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        anchors { leftMargin: Theme.gap; rightMargin: Theme.gap; bottomMargin: parent.height / 4 }
        height: 1
        color: Theme.muted
    }

    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            var ctx = getContext("2d")
            ctx.reset()
            ctx.strokeStyle = Theme.text
            ctx.lineWidth = Math.max(2, Theme.mm(0.8))
            ctx.lineCap = "round"
            ctx.lineJoin = "round"
            var all = pad.strokes.concat(pad.current.length ? [pad.current] : [])
            for (var i = 0; i < all.length; i++) {
                var points = all[i]
                ctx.beginPath()
                ctx.moveTo(points[0][0] * width, points[0][1] * height)
                for (var j = 1; j < points.length; j++)
                    ctx.lineTo(points[j][0] * width, points[j][1] * height)
                if (points.length === 1)
                    ctx.lineTo(points[0][0] * width + 0.5, points[0][1] * height)
                ctx.stroke()
            }
        }
    }

    MouseArea {
        // Touch reaches a MouseArea as mouse events; a stylus too.
        objectName: "signatureArea"
        anchors.fill: parent
        preventStealing: true       // the page must not scroll while the citizen signs
        function at(mouse) {
            return [Math.min(1, Math.max(0, mouse.x / width)), Math.min(1, Math.max(0, mouse.y / height))]
        }
        onPressed: (mouse) => { pad.current = [at(mouse)]; canvas.requestPaint() }
        onPositionChanged: (mouse) => {
            var points = pad.current
            points.push(at(mouse))
            pad.current = points
            canvas.requestPaint()
        }
        onReleased: (mouse) => {
            var points = pad.current
            pad.current = []
            if (points.length > 0)
                pad.stroke(points)
        }
    }
}
