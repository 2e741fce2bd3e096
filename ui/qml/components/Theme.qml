// Every size and colour of both apps, in one place. Sizes are in millimetres of the real screen
// (pxPerMm comes from the screen's physical DPI), so a button is as big under an old finger on a
// 21-inch kiosk as on a 15-inch one. The agent point uses the denser set.
pragma Singleton
import QtQuick

QtObject {
    property real pxPerMm: 4.0
    property bool dense: false
    property bool largeText: false

    function mm(x) { return Math.round(x * pxPerMm) }

    // Targets: primary ≥ 20 mm tall, others ≥ 12 mm, gaps ≥ 3 mm (elderly-first guidance).
    readonly property int primaryHeight: dense ? mm(14) : mm(20)
    readonly property int targetHeight: dense ? mm(12) : mm(15)
    readonly property int gap: dense ? mm(3) : mm(4)
    readonly property int margin: dense ? mm(6) : mm(10)
    readonly property int radius: mm(2)
    readonly property int borderWidth: Math.max(2, mm(0.6))

    // Body text ≥ 6 mm cap height on the kiosk (cap height ≈ 0.7 × pixel size).
    readonly property real textScale: largeText ? 1.25 : 1.0
    readonly property int bodySize: Math.round((dense ? mm(6.5) : mm(8.6)) * textScale)
    readonly property int smallSize: Math.round((dense ? mm(5.5) : mm(6.5)) * textScale)
    readonly property int buttonSize: Math.round((dense ? mm(6.5) : mm(8.6)) * textScale)
    readonly property int titleSize: Math.round((dense ? mm(9.5) : mm(12)) * textScale)
    readonly property int heroSize: Math.round((dense ? mm(12) : mm(18)) * textScale)
    readonly property int headerHeight: dense ? mm(14) : mm(18)
    readonly property int footerHeight: primaryHeight + 2 * gap

    // Colours: text on background ≥ 7:1 (WCAG 1.4.6); state never by colour alone.
    readonly property color background: "#FFFFFF"
    readonly property color surface: "#F2F4F7"
    readonly property color text: "#111111"            // 18.9:1 on white
    readonly property color muted: "#3D3D3D"           // 10.9:1 on white
    readonly property color primary: "#0B3D91"         // white on it: 10.6:1
    readonly property color primaryDown: "#072A66"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color pressed: "#D9DEE6"
    readonly property color disabled: "#C9CDD3"
    readonly property color header: "#8E0B0B"          // white on it: 9.6:1
    readonly property color textOnHeader: "#FFFFFF"
    readonly property color error: "#8B0000"           // 10.2:1 on white
    readonly property color errorSurface: "#FDECEC"
    readonly property color success: "#0B5D1E"         // 7.9:1 on white
    readonly property color successSurface: "#E8F5EA"
    readonly property color sample: "#6B3E00"          // "MẪU" badge text
    readonly property color sampleSurface: "#FFE7A8"
    readonly property color focus: "#E0A100"
    // Over camera pictures (any colour behind): a page found but not yet taken, and being taken;
    // the sentence under the picture says the same in words.
    readonly property color liveFound: "#FFC400"
    readonly property color liveReady: "#00E060"
    readonly property color liveBackground: "#1A1A1A"
    readonly property color liveBanner: "#E6000000"
    readonly property int handleSize: mm(14)           // corner handles: ≥ 12 mm under a finger
}
