// The frame of every page: who and where at the top with the step ("Bước 2/6") and the display
// modes (PageHeader), one question as the title, the page's content (scrolling when long), and at
// the bottom, always in the same places, "Quay lại", "Gọi nhân viên hỗ trợ" and the page's one
// main action (PageFooter).
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

Rectangle {
    id: frame
    property string title
    property string subtitle
    property string primaryText
    property string primaryName: "primaryButton"
    property bool primaryEnabled: true
    property bool showBack: vm.canGoBack
    property bool showHelp: true
    property bool scrollable: true
    property string messageText: vm.message
    // A page with screens of its own (the documents step) goes back among them first.
    property var backAction: null
    // What "Nghe lại" reads: the question, unless the page says more (ui/voice_model.py).
    property var spoken: [title, subtitle]
    // The height the page's content can fill without scrolling (for a camera view).
    readonly property real bodyHeight: scroller.height - Theme.gap * 2
    default property alias contents: body.data
    // Main.qml docks the on-screen keyboard on top of the footer.
    readonly property real footerHeight: footer.height
    signal primary()

    color: Theme.background

    PageHeader {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: implicitHeight
    }

    ColumnLayout {
        id: heading
        anchors { left: parent.left; right: parent.right; top: header.bottom }
        anchors.margins: Theme.margin
        anchors.topMargin: Theme.gap * 2
        spacing: Theme.gap
        RowLayout {
            spacing: Theme.gap
            Layout.fillWidth: true
            Text {
                objectName: "pageTitle"
                text: frame.title
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            SpeakButton { texts: frame.spoken; Layout.alignment: Qt.AlignTop }
        }
        Text {
            visible: frame.subtitle.length > 0
            text: frame.subtitle
            font.pixelSize: Theme.bodySize
            color: Theme.muted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Notice {
            objectName: "pageMessage"
            text: frame.messageText
        }
    }

    Flickable {
        id: scroller
        objectName: "pageScroller"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: footer.top }
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.topMargin: Theme.gap * 2
        // The on-screen keyboard is open above the footer: the scroll area ends above it, and the
        // focused field is scrolled into sight.
        anchors.bottomMargin: keyboard.panelHeight
        onHeightChanged: Qt.callLater(frame.revealFocus)
        contentWidth: width
        contentHeight: body.implicitHeight + Theme.gap * 2
        interactive: frame.scrollable && contentHeight > height
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // Wide enough to be taken by a finger (≥ 12 mm) on the kiosk, who may not know to swipe.
        ScrollBar.vertical: ScrollBar {
            id: scrollBar
            objectName: "pageScrollBar"
            policy: scroller.interactive ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            width: Theme.scrollBarWidth
            padding: Theme.mm(1)
            contentItem: Rectangle {
                implicitWidth: Theme.scrollBarWidth - 2 * scrollBar.padding
                radius: Theme.radius
                color: scrollBar.pressed ? Theme.text : Theme.muted
            }
            background: Rectangle {
                color: Theme.surface
                radius: Theme.radius
                border.color: Theme.muted
                border.width: 1
            }
        }
        ColumnLayout {
            id: body
            width: scroller.width - Theme.scrollBarWidth - Theme.gap
            spacing: Theme.gap * 1.5
        }
    }

    function revealFocus() {
        var item = Window.activeFocusItem
        var inside = item
        while (inside && inside !== body)
            inside = inside.parent
        if (!inside)
            return
        // The whole field (its label above, its help or error below) when it fits.
        var box = item.parent !== body && item.parent.height + Theme.gap * 2 <= scroller.height ? item.parent : item
        var top = box.mapToItem(body, 0, 0).y - Theme.gap
        var bottom = box.mapToItem(body, 0, box.height).y + Theme.gap
        var furthest = Math.max(0, scroller.contentHeight - scroller.height)
        if (bottom > scroller.contentY + scroller.height)
            scroller.contentY = Math.min(furthest, bottom - scroller.height)
        if (top < scroller.contentY)
            scroller.contentY = Math.max(0, top)
    }
    Connections {
        target: frame.Window.window
        function onActiveFocusItemChanged() { Qt.callLater(frame.revealFocus) }
    }

    PageFooter {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: implicitHeight
        showBack: frame.showBack
        showHelp: frame.showHelp
        primaryText: frame.primaryText
        primaryName: frame.primaryName
        primaryEnabled: frame.primaryEnabled && !vm.busy
        onBack: frame.backAction ? frame.backAction() : vm.back()
        onHelp: vm.callHelp()
        onPrimary: frame.primary()
    }
}
