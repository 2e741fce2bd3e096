// The bottom of every kiosk page: "Quay lại" and "Gọi nhân viên hỗ trợ" always in the same two
// places of a screen (WCAG 3.2.6: both are placed from the bottom left, and help keeps its place
// when a page has no way back), and the page's main action. When the three do not fit side by
// side (a portrait screen), the main action takes the whole width above the other two.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: footer
    property bool showBack: true
    property bool showHelp: true
    property string primaryText
    property string primaryName: "primaryButton"
    property bool primaryEnabled: true
    signal back()
    signal help()
    signal primary()

    readonly property int pad: Theme.gap
    readonly property real sideWidth: backButton.implicitWidth + helpButton.implicitWidth + Theme.gap * 2
    // Decided by the screen and the mode, never by a page's words, so that every page of a screen
    // lays its footer out the same way.
    readonly property bool stacked: width - 2 * Theme.margin < sideWidth + Theme.gap * 2 + Theme.mm(100)
    readonly property bool hasPrimary: primaryText.length > 0

    implicitHeight: pad * 2 + (!hasPrimary ? backButton.height
                               : stacked ? backButton.height + Theme.gap * 2 + primaryButton.height
                               : Math.max(backButton.height, primaryButton.height))
    color: Theme.surface

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.highContrast ? Theme.borderWidth : 1
        color: Theme.highContrast ? Theme.text : Theme.muted
    }
    BigButton {
        id: primaryButton
        objectName: footer.primaryName
        visible: footer.hasPrimary
        text: footer.primaryText
        primary: true
        enabled: footer.primaryEnabled
        anchors.right: parent.right
        anchors.rightMargin: Theme.margin
        y: footer.stacked ? footer.pad : footer.height - footer.pad - height
        width: footer.stacked ? footer.width - 2 * Theme.margin
                              : Math.min(implicitWidth, footer.width - 2 * Theme.margin - footer.sideWidth - Theme.gap * 2)
        implicitWidth: Math.max(Theme.mm(70), implicitContentWidth + Theme.mm(12))
        onClicked: footer.primary()
    }
    BigButton {
        id: backButton
        objectName: "backButton"
        text: qsTr("‹ Quay lại")
        visible: footer.showBack
        x: Theme.margin
        y: footer.height - footer.pad - height
        minimumHeight: Theme.primaryHeight
        onClicked: footer.back()
    }
    BigButton {
        id: helpButton
        objectName: "helpButton"
        text: qsTr("Gọi nhân viên hỗ trợ")
        visible: footer.showHelp
        x: Theme.margin + backButton.implicitWidth + Theme.gap * 2
        y: footer.height - footer.pad - height
        minimumHeight: Theme.primaryHeight
        onClicked: footer.help()
    }
}
