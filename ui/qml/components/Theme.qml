// Every size and colour of both apps, in one place. Sizes are in millimetres of the real screen
// (pxPerMm comes from the screen's physical DPI), so a button is as big under an old finger on a
// 21-inch kiosk as on a 15-inch one. The agent point uses the denser set.
//
// Two display modes, one tap away on every kiosk page (DisplayToggles) and held by ui/display_model.py:
// large text scales every type size by 1.25; high contrast swaps the palette for light on black with
// thicker borders. tests/test_ui_accessibility.py measures the rendered pages in all three modes.
pragma Singleton
import QtQuick

QtObject {
    property real pxPerMm: 4.0
    property bool dense: false
    property bool largeText: false
    property bool highContrast: false
    // The default font's cap height over its pixel size (ui/display_model.py measures it): type is
    // sized for the cap height the reader sees, whatever sans-serif font the kiosk has.
    property real capRatio: 0.73

    function mm(x) { return Math.round(x * pxPerMm) }
    function capPx(capMm) { return Math.ceil(capMm * pxPerMm / capRatio) }

    // Targets: primary ≥ 20 mm tall, others ≥ 12 mm, gaps ≥ 3 mm (elderly-first guidance).
    readonly property int primaryHeight: dense ? mm(14) : mm(20)
    readonly property int targetHeight: dense ? mm(12) : mm(15)
    readonly property int gap: dense ? mm(3) : mm(4)
    readonly property int margin: dense ? mm(6) : mm(10)
    readonly property int radius: mm(2)
    readonly property int borderWidth: highContrast ? Math.max(3, mm(1)) : Math.max(2, mm(0.6))

    // Kiosk type by cap height: body ≥ 6 mm (help text under a field too: the citizen needs it to
    // answer), captions 4.5 mm (the office's name, the catalogue's version: never needed to finish).
    readonly property real textScale: largeText ? 1.25 : 1.0
    readonly property int bodySize: Math.round((dense ? mm(6.5) : capPx(6.2)) * textScale)
    readonly property int smallSize: Math.round((dense ? mm(5.5) : capPx(6.0)) * textScale)
    readonly property int captionSize: Math.round((dense ? mm(5.5) : capPx(4.5)) * textScale)
    readonly property int buttonSize: Math.round((dense ? mm(6.5) : capPx(6.2)) * textScale)
    readonly property int titleSize: Math.round((dense ? mm(9.5) : capPx(8.7)) * textScale)
    readonly property int heroSize: Math.round((dense ? mm(12) : capPx(13)) * textScale)
    readonly property int scrollBarWidth: dense ? mm(5) : mm(13)      // ≥ 12 mm whatever the rounding
    readonly property int headerHeight: dense ? mm(14) : mm(18)
    readonly property int footerHeight: primaryHeight + 2 * gap

    // Colours: text on background ≥ 7:1 (WCAG 1.4.6) in both palettes; state never by colour alone.
    // Normal: dark on white. High contrast: light on black, yellow for the main action.
    readonly property color background: highContrast ? "#000000" : "#FFFFFF"
    readonly property color surface: highContrast ? "#141414" : "#F2F4F7"
    readonly property color text: highContrast ? "#FFFFFF" : "#111111"            // 21:1, 18.9:1
    readonly property color muted: highContrast ? "#E6E6E6" : "#3D3D3D"           // 16.9:1, 10.9:1
    readonly property color heading: highContrast ? "#FFE14D" : "#8E0B0B"         // 16.1:1, 9.5:1
    readonly property color primary: highContrast ? "#FFE14D" : "#0B3D91"
    readonly property color primaryDown: highContrast ? "#E6C200" : "#072A66"
    readonly property color textOnPrimary: highContrast ? "#000000" : "#FFFFFF"   // 16.1:1, 10.0:1
    readonly property color pressed: highContrast ? "#3A3A3A" : "#D9DEE6"
    // A disabled button keeps readable words (muted on it: 12.1:1, 8.2:1) and a thin border.
    readonly property color disabled: highContrast ? "#262626" : "#DDE0E4"
    readonly property color header: highContrast ? "#000000" : "#8E0B0B"
    readonly property color textOnHeader: "#FFFFFF"                               // 21:1, 9.5:1
    readonly property color headerRule: highContrast ? "#FFFFFF" : "#8E0B0B"
    readonly property color error: highContrast ? "#FF9A9A" : "#8B0000"           // 10.3:1, 10.2:1 (8.8 on its surface)
    readonly property color errorSurface: highContrast ? "#000000" : "#FDECEC"
    readonly property color success: highContrast ? "#7CE08A" : "#07501A"         // 12.9:1, 9.7:1
    readonly property color successSurface: highContrast ? "#000000" : "#E8F5EA"
    readonly property color sample: highContrast ? "#FFE7A8" : "#5C3400"          // on its badge: 17.3:1, 8.9:1
    readonly property color sampleSurface: highContrast ? "#000000" : "#FFE7A8"
    readonly property color focus: highContrast ? "#00E5FF" : "#E0A100"
    // Over camera pictures (any colour behind): a page found but not yet taken, and being taken;
    // the sentence under the picture says the same in words.
    readonly property color liveFound: "#FFC400"
    readonly property color liveReady: "#00E060"
    readonly property color liveBackground: "#1A1A1A"
    readonly property color liveBanner: "#E6000000"
    readonly property int handleSize: mm(14)           // corner handles: ≥ 12 mm under a finger
}
