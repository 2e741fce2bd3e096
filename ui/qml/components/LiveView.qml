// The live camera: the newest frame with the page's outline drawn over it, and what to do now in
// one big sentence. Frames come from the visit's image provider ("image://visit/live/N", a new N
// for each new frame); the outline is a list of the page's corners as shares of the frame.
import QtQuick
import QtQuick.Shapes

Rectangle {
    id: view
    property string source
    property var outline: []          // [x, y] × TL, TR, BR, BL, each 0–1 of the frame; [] none
    property string message
    property bool ready: false        // the page passes every gate: it is being taken
    color: Theme.liveBackground
    radius: Theme.radius

    Image {
        id: picture
        objectName: "liveFrame"
        anchors.fill: parent
        anchors.bottomMargin: banner.height
        source: view.source
        fillMode: Image.PreserveAspectFit
        // Every frame is new: nothing to cache, and a synchronous load never shows a blank between
        // two frames (the provider copies from memory, it never waits on the camera).
        cache: false
        asynchronous: false
    }

    Shape {
        id: outlineShape
        anchors.fill: picture
        visible: view.outline.length === 8 && picture.status === Image.Ready
        // The picture is letterboxed inside the Image item: map the frame's shares onto it.
        readonly property real originX: (picture.width - picture.paintedWidth) / 2
        readonly property real originY: (picture.height - picture.paintedHeight) / 2
        function corner(i) {
            return Qt.point(originX + view.outline[2 * i] * picture.paintedWidth,
                            originY + view.outline[2 * i + 1] * picture.paintedHeight)
        }
        ShapePath {
            strokeColor: view.ready ? Theme.liveReady : Theme.liveFound
            strokeWidth: Theme.mm(1.2)
            fillColor: "transparent"
            joinStyle: ShapePath.RoundJoin
            PathPolyline {
                path: outlineShape.visible
                      ? [outlineShape.corner(0), outlineShape.corner(1), outlineShape.corner(2),
                         outlineShape.corner(3), outlineShape.corner(0)]
                      : []
            }
        }
    }

    Rectangle {
        id: banner
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: sentence.implicitHeight + Theme.gap * 2
        radius: Theme.radius
        color: Theme.liveBanner
        Text {
            id: sentence
            objectName: "liveMessage"
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
            anchors.margins: Theme.gap
            text: (view.ready ? "✓ " : "") + view.message
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: "#FFFFFF"
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
