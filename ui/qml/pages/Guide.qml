// One procedure's guide with pictures (egov.guides): the papers to bring, the steps at the kiosk,
// what happens after. Large drawings beside plain sentences; "In hướng dẫn" prints it to take home.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property var guide: guides.guide
    // Pictures as large as the width allows beside their text: about a third of it, 45–75 mm.
    readonly property real pictureWidth: Math.max(Theme.mm(45), Math.min(Theme.mm(75), width / 3.2))

    title: qsTr("Hướng dẫn: %1").arg(guide.name || "")
    subtitle: qsTr("Mã thủ tục %1. Mang đủ giấy tờ dưới đây rồi làm theo từng bước.").arg(guide.code || "")
    showBack: true
    backAction: function() { guides.back() }
    messageText: guides.message
    primaryText: guides.printing ? qsTr("Đang in…") : qsTr("In hướng dẫn")
    primaryName: "guidePrintButton"
    primaryEnabled: !guides.printing
    onPrimary: guides.printGuide()

    component Heading: Text {
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.topMargin: Theme.gap
    }

    // A drawing on white in a thin frame: the same on every theme, as the paper itself would be.
    component Drawing: Rectangle {
        property alias source: picture.source
        property string description
        // Loaded and drawn (the tests read it: an SVG that failed shows an empty frame).
        readonly property bool loaded: picture.status === Image.Ready && picture.paintedWidth > 0
        color: "#FFFFFF"
        border.color: Theme.text
        border.width: Math.max(1, Theme.mm(0.3))
        radius: Theme.radius
        Layout.preferredWidth: page.pictureWidth
        Layout.preferredHeight: page.pictureWidth * 0.75
        Layout.alignment: Qt.AlignTop
        Image {
            id: picture
            anchors.fill: parent
            anchors.margins: Theme.mm(1.5)
            fillMode: Image.PreserveAspectFit
            sourceSize.width: width * 2
            sourceSize.height: height * 2
            asynchronous: false
            Accessible.name: parent.description
        }
    }

    component GuideRow: RowLayout {
        property var row
        property string numberText: ""
        spacing: Theme.gap
        Layout.fillWidth: true
        Drawing {
            source: row.picture
            description: row.pictureText
            Rectangle {
                visible: numberText.length > 0
                width: Theme.mm(12); height: width; radius: width / 2
                color: Theme.primary
                anchors { left: parent.left; top: parent.top; margins: -Theme.mm(2) }
                Text {
                    anchors.centerIn: parent
                    text: numberText
                    color: Theme.textOnPrimary
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                }
            }
        }
        ColumnLayout {
            spacing: Theme.mm(1.5)
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            Text {
                text: row.text
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                visible: row.detail.length > 0
                text: row.detail
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }

    Heading { objectName: "guideDocumentsHeading"; text: qsTr("1. Giấy tờ cần mang theo") }
    Repeater {
        model: guide.documents || []
        RowLayout {
            objectName: "guideDocument_" + modelData.number
            spacing: Theme.gap
            Layout.fillWidth: true
            Drawing {
                objectName: "guideDocumentPicture_" + modelData.number
                source: modelData.picture
                description: modelData.pictureText
            }
            ColumnLayout {
                spacing: Theme.mm(1.5)
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Text {
                    text: modelData.name
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    // Whether it is always needed, in words: never by colour alone.
                    text: modelData.counts + " · " + (modelData.required ? "✓ " : "") + modelData.need
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    visible: modelData.note.length > 0
                    text: modelData.note
                    font.pixelSize: Theme.smallSize
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }
    }
    Repeater {
        model: guide.notes || []
        Text {
            text: modelData
            font.pixelSize: Theme.smallSize
            color: Theme.muted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }

    Heading { objectName: "guideStepsHeading"; text: qsTr("2. Các bước làm tại máy") }
    Repeater {
        model: guide.steps || []
        GuideRow { objectName: "guideStep_" + modelData.number; row: modelData; numberText: String(modelData.number) }
    }

    Heading { objectName: "guideAfterHeading"; text: qsTr("3. Sau khi nộp hồ sơ") }
    Repeater {
        model: guide.after || []
        GuideRow { objectName: "guideAfter_" + index; row: modelData }
    }
    Text {
        text: guide.drawnNote || ""
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
