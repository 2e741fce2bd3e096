// The band at the top of every kiosk page: where (the office, a sample's badge), who (the agent),
// which step, and the display modes one tap away at its top right. It grows to fit rather than cut
// a word off: where one line is not enough (a portrait screen, large text) the step goes on a line
// of its own under the rest, and long names wrap.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: header
    readonly property int pad: Theme.mm(2.5)
    readonly property bool showStep: vm.stageNumber > 0
    readonly property bool wide: width - 2 * Theme.margin
                                 >= (toggles.visible ? toggles.implicitWidth + Theme.gap : 0)
                                    + officeName.implicitWidth
                                    + (sample.visible ? sample.width + Theme.gap : 0)
                                    + (agentName.visible ? agentName.implicitWidth + Theme.gap : 0)
                                    + (showStep ? step.implicitWidth + Theme.gap : 0)
    color: Theme.header
    implicitHeight: Math.max(Theme.headerHeight, column.implicitHeight + 2 * pad)

    // Light on black needs the band's edge drawn: the page below is black too.
    Rectangle {
        visible: Theme.highContrast
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.borderWidth
        color: Theme.headerRule
    }
    GridLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top }
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        // In the middle of a band at its least height (the agent point's one line), else at the top.
        anchors.topMargin: Math.max(header.pad, (Theme.headerHeight - implicitHeight) / 2)
        columnSpacing: Theme.gap
        rowSpacing: Theme.mm(1.5)
        Flow {
            id: where
            Layout.row: 0
            Layout.column: 0
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.gap
            Caption {
                id: officeName
                objectName: "officeName"
                width: Math.min(implicitWidth, where.width)
                text: vm.officeName
                color: Theme.textOnHeader
                font.bold: true
            }
            Rectangle {
                id: sample
                visible: vm.isSample
                color: Theme.sampleSurface
                border.color: Theme.sample
                border.width: Theme.highContrast ? Theme.borderWidth : 0
                radius: Theme.radius
                width: sampleText.width + Theme.mm(6)
                height: sampleText.height + Theme.mm(2)
                Caption {
                    id: sampleText
                    anchors.centerIn: parent
                    width: Math.min(implicitWidth, where.width - Theme.mm(6))
                    text: qsTr("MẪU – dữ liệu thử")
                    color: Theme.sample
                    font.bold: true
                }
            }
            Caption {
                id: agentName
                visible: vm.agentName.length > 0
                width: Math.min(implicitWidth, where.width)
                text: qsTr("Cán bộ: %1").arg(vm.agentName)
                color: Theme.textOnHeader
            }
        }
        Text {
            id: step
            objectName: "stepIndicator"
            visible: header.showStep
            Layout.row: header.wide ? 0 : 1
            Layout.column: header.wide ? 1 : 0
            Layout.columnSpan: header.wide ? 1 : 2
            Layout.fillWidth: !header.wide
            Layout.alignment: Qt.AlignVCenter
            text: qsTr("Bước %1/%2 – %3").arg(vm.stageNumber).arg(vm.stageCount).arg(vm.stageName)
            color: Theme.textOnHeader
            font.pixelSize: Theme.smallSize
            font.bold: true
            wrapMode: Text.WordWrap
        }
        DisplayToggles {
            id: toggles
            visible: vm.mode === "kiosk"
            Layout.row: 0
            Layout.column: header.wide ? 2 : 1
            Layout.alignment: Qt.AlignTop
        }
    }
}
