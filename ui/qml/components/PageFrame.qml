// The frame of every page: who and where at the top with the step ("Bước 2/6"), one question as
// the title, and at the bottom, always in the same places, "Quay lại", "Gọi nhân viên hỗ trợ"
// and the page's one main action.
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

    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.headerHeight
        color: Theme.header
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            spacing: Theme.gap
            Text {
                text: vm.officeName
                color: Theme.textOnHeader
                font.pixelSize: Theme.smallSize
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Rectangle {
                visible: vm.isSample
                color: Theme.sampleSurface
                radius: Theme.radius
                implicitWidth: sampleText.implicitWidth + Theme.mm(6)
                implicitHeight: sampleText.implicitHeight + Theme.mm(2)
                Text {
                    id: sampleText
                    anchors.centerIn: parent
                    text: qsTr("MẪU – dữ liệu thử")
                    color: Theme.sample
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                }
            }
            Text {
                visible: vm.agentName.length > 0
                text: qsTr("Cán bộ: %1").arg(vm.agentName)
                color: Theme.textOnHeader
                font.pixelSize: Theme.smallSize
            }
            Text {
                objectName: "stepIndicator"
                visible: vm.stageNumber > 0
                text: qsTr("Bước %1/%2 – %3").arg(vm.stageNumber).arg(vm.stageCount).arg(vm.stageName)
                color: Theme.textOnHeader
                font.pixelSize: Theme.smallSize
                font.bold: true
            }
        }
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
        ScrollBar.vertical: ScrollBar {
            policy: scroller.interactive ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            width: Theme.mm(5)
        }
        ColumnLayout {
            id: body
            width: scroller.width - Theme.mm(8)
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

    Rectangle {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.footerHeight
        color: Theme.surface
        Rectangle { anchors { left: parent.left; right: parent.right; top: parent.top } height: 1; color: Theme.muted }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            spacing: Theme.gap * 2
            BigButton {
                objectName: "backButton"
                text: qsTr("‹ Quay lại")
                visible: frame.showBack
                primary: false
                implicitHeight: Theme.primaryHeight
                onClicked: frame.backAction ? frame.backAction() : vm.back()
            }
            BigButton {
                objectName: "helpButton"
                text: qsTr("Gọi nhân viên hỗ trợ")
                visible: frame.showHelp
                implicitHeight: Theme.primaryHeight
                onClicked: vm.callHelp()
            }
            Item { Layout.fillWidth: true }
            BigButton {
                objectName: frame.primaryName
                visible: frame.primaryText.length > 0
                text: frame.primaryText
                primary: true
                enabled: frame.primaryEnabled && !vm.busy
                implicitWidth: Math.max(Theme.mm(70), implicitContentWidth + Theme.mm(12))
                onClicked: frame.primary()
            }
        }
    }
}
