// Agent point: today's end-of-day report, the agent's own or (supervisor) the whole office's: the key
// figures, bars for dossiers by state and money by kind, the report's tables, "Lưu CSV" / "Lưu PDF"
// and the end-of-day slip. Every bar has its number written beside it: never length alone.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property var report: agent.report
    title: qsTr("Báo cáo cuối ngày")
    subtitle: report.busy && !report.ready ? qsTr("Đang lập báo cáo…") : report.subtitle
    showBack: true
    showHelp: false
    backAction: function() { agent.goHome() }
    messageText: report.messageGood ? "" : report.message
    primaryText: qsTr("In bảng kê cuối ngày")
    primaryName: "reportSlipButton"
    onPrimary: agent.printDaySlip()

    RowLayout {
        spacing: Theme.gap
        BigButton {
            objectName: "scope_agent"
            text: qsTr("Của tôi")
            selected: page.report.scope === "agent"
            onClicked: page.report.show("agent")
        }
        BigButton {
            objectName: "scope_office"
            visible: page.report.canOffice
            text: qsTr("Toàn điểm tiếp nhận")
            selected: page.report.scope === "office"
            onClicked: page.report.show("office")
        }
        Item { Layout.fillWidth: true }
        BigButton {
            objectName: "saveCsvButton"
            text: qsTr("Lưu CSV")
            enabled: page.report.ready && !page.report.busy
            onClicked: page.report.saveCsv()
        }
        BigButton {
            objectName: "savePdfButton"
            text: qsTr("Lưu PDF")
            enabled: page.report.ready && !page.report.busy
            onClicked: page.report.savePdf()
        }
    }
    Notice {
        objectName: "reportNote"
        visible: page.report.messageGood && text.length > 0
        good: true
        text: page.report.message
        Layout.fillWidth: true
    }
    Text {
        objectName: "daySlipMessage"
        visible: agent.dayMessage.length > 0
        text: agent.dayMessage
        font.pixelSize: Theme.bodySize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    GridLayout {
        objectName: "reportFigures"
        columns: 4
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        Layout.fillWidth: true
        Repeater {
            model: page.report.figures
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: figure.implicitHeight + Theme.gap * 2
                color: Theme.surface
                radius: Theme.radius
                ColumnLayout {
                    id: figure
                    anchors.fill: parent
                    anchors.margins: Theme.gap
                    spacing: Theme.gap / 2
                    Text {
                        text: modelData.label
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        objectName: "figure_" + modelData.key
                        text: modelData.value
                        font.pixelSize: modelData.key === "auditMark" ? Theme.smallSize : Theme.titleSize
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }

    RowLayout {
        spacing: Theme.gap * 3
        Layout.fillWidth: true
        Repeater {
            model: [
                { name: "stateChart", title: qsTr("Hồ sơ theo trạng thái"), bars: page.report.stateBars },
                { name: "feeChart", title: qsTr("Phí, lệ phí theo loại"), bars: page.report.feeBars }
            ]
            ColumnLayout {
                objectName: modelData.name
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.gap / 2
                Text {
                    text: modelData.title
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.text
                }
                Repeater {
                    model: modelData.bars
                    RowLayout {
                        spacing: Theme.gap
                        Layout.fillWidth: true
                        Text {
                            text: modelData.label
                            font.pixelSize: Theme.smallSize
                            color: Theme.text
                            Layout.preferredWidth: Theme.mm(55)
                        }
                        Item {
                            id: lane
                            Layout.fillWidth: true
                            implicitHeight: Theme.mm(7)
                            Rectangle {
                                anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
                                width: Math.max(modelData.fraction > 0 ? Theme.mm(1) : 0, lane.width * modelData.fraction)
                                color: Theme.primary
                                radius: Theme.mm(1)
                            }
                        }
                        Text {
                            objectName: "bar_" + modelData.key
                            text: modelData.text
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                            color: Theme.text
                            horizontalAlignment: Text.AlignRight
                            Layout.preferredWidth: Theme.mm(40)
                        }
                    }
                }
            }
        }
    }

    Repeater {
        model: page.report.tables
        ColumnLayout {
            id: section
            objectName: "reportTable_" + modelData.key
            readonly property var headers: modelData.headers
            Layout.fillWidth: true
            spacing: 0
            Text {
                text: modelData.title
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
                Layout.bottomMargin: Theme.gap / 2
            }
            Repeater {
                model: [section.headers].concat(modelData.rows)
                Rectangle {
                    id: line
                    readonly property bool head: index === 0
                    Layout.fillWidth: true
                    implicitHeight: cells.implicitHeight + Theme.gap / 2
                    color: head ? Theme.pressed : (index % 2 ? Theme.background : Theme.surface)
                    RowLayout {
                        id: cells
                        anchors.fill: parent
                        anchors.leftMargin: Theme.gap
                        anchors.rightMargin: Theme.gap
                        spacing: Theme.gap
                        Repeater {
                            model: modelData
                            Text {
                                text: modelData
                                font.pixelSize: Theme.smallSize
                                font.bold: line.head
                                color: Theme.text
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                            }
                        }
                    }
                }
            }
            Text {
                visible: modelData.rows.length === 0
                text: qsTr("Không có.")
                font.pixelSize: Theme.smallSize
                color: Theme.muted
            }
            Text {
                visible: modelData.note.length > 0
                text: modelData.note
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.topMargin: Theme.gap / 2
            }
        }
    }
}
