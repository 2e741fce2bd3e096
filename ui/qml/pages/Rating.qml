// The visit's last page, three screens (ui/feedback_model.py): five faces drawn here, each with its
// words (never a colour or a face alone), one tap each; then "what most needs doing better?" with a
// few big answers and "Bỏ qua"; "Góp ý" from either opens a text field and comes back. Skipping is
// fine everywhere. Five faces side by side on a wide screen, one under another on a portrait one.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Shapes
import "../components"

PageFrame {
    id: page
    readonly property var fb: vm.feedback
    readonly property string screen: fb.screen
    readonly property bool portrait: height > width
    // The faces take the room the page has, within sizes that still read as buttons.
    readonly property real faceRoom: bodyHeight - Theme.targetHeight - Theme.gap * 3
    readonly property real faceButtonHeight: portrait
        ? Math.max(Theme.mm(24), Math.min(Theme.mm(46), (faceRoom - Theme.gap * 4) / 5))
        : Math.max(Theme.mm(50), Math.min(Theme.mm(90), faceRoom))

    title: screen === "reason" ? qsTr("Điều gì chúng tôi cần làm tốt hơn?")
           : screen === "suggestion" ? qsTr("Góp ý của bạn")
           : qsTr("Bạn có hài lòng với dịch vụ hôm nay không?")
    subtitle: screen === "reason" ? qsTr("Chọn một điều, hoặc bấm “Bỏ qua”.")
              : screen === "suggestion" ? qsTr("Viết điều bạn muốn góp ý, rồi bấm “Gửi góp ý”. Không cần ghi tên hay số điện thoại.")
              : qsTr("Chạm vào một khuôn mặt. Không bắt buộc.")
    showBack: screen !== "faces"
    backAction: screen === "reason" ? function() { fb.back() } : function() { fb.closeSuggestion() }
    primaryText: screen === "reason" ? qsTr("Bỏ qua")
                 : screen === "suggestion" ? qsTr("Gửi góp ý")
                 : qsTr("Bỏ qua và kết thúc")
    primaryName: screen === "reason" ? "skipReasonButton"
                 : screen === "suggestion" ? "sendSuggestionButton"
                 : "skipRatingButton"
    primaryEnabled: !fb.sending
    onPrimary: {
        if (screen === "reason")
            fb.skipReason()
        else if (screen === "suggestion")
            fb.sendSuggestion(suggestion.item ? suggestion.item.text : "")
        else
            vm.finish()
    }

    // A face drawn from lines, no font needed: the mouth bends from a frown (1) to a grin (5).
    component Face: Item {
        id: face
        property int score: 3
        readonly property real mood: (score - 3) / 2
        readonly property real line: Math.max(2, width * 0.045)
        readonly property real mouthY: height * (0.68 - mood * 0.04)
        readonly property color fill: Theme.highContrast === true ? Theme.background
                                      : ["#FFD3D3", "#FFE0C7", "#FFF1BF", "#E2F2CF", "#CFEFD6"][score - 1]
        implicitWidth: Theme.mm(30)
        implicitHeight: implicitWidth
        Shape {
            anchors.fill: parent
            antialiasing: true
            ShapePath {
                strokeColor: Theme.text
                strokeWidth: face.line
                fillColor: face.fill
                PathAngleArc {
                    centerX: face.width / 2; centerY: face.height / 2
                    radiusX: face.width / 2 - face.line; radiusY: face.height / 2 - face.line
                    startAngle: 0; sweepAngle: 360
                }
            }
            ShapePath {
                strokeColor: "transparent"
                fillColor: Theme.text
                PathAngleArc {
                    centerX: face.width * 0.35; centerY: face.height * 0.4
                    radiusX: face.width * 0.055; radiusY: face.height * 0.07
                    startAngle: 0; sweepAngle: 360
                }
            }
            ShapePath {
                strokeColor: "transparent"
                fillColor: Theme.text
                PathAngleArc {
                    centerX: face.width * 0.65; centerY: face.height * 0.4
                    radiusX: face.width * 0.055; radiusY: face.height * 0.07
                    startAngle: 0; sweepAngle: 360
                }
            }
            // Brows drawn down at the sides on the unhappiest face only.
            ShapePath {
                strokeColor: face.score === 1 ? Theme.text : "transparent"
                strokeWidth: face.line
                fillColor: "transparent"
                capStyle: ShapePath.RoundCap
                startX: face.width * 0.24; startY: face.height * 0.3
                PathLine { x: face.width * 0.42; y: face.height * 0.24 }
                PathMove { x: face.width * 0.58; y: face.height * 0.24 }
                PathLine { x: face.width * 0.76; y: face.height * 0.3 }
            }
            ShapePath {
                strokeColor: Theme.text
                strokeWidth: face.line * 1.2
                fillColor: face.score === 5 ? Theme.text : "transparent"
                capStyle: ShapePath.RoundCap
                joinStyle: ShapePath.RoundJoin
                startX: face.width * 0.3; startY: face.mouthY
                PathQuad {
                    x: face.width * 0.7; y: face.mouthY
                    controlX: face.width * 0.5; controlY: face.mouthY + face.mood * face.height * 0.24
                }
                PathLine { x: face.score === 5 ? face.width * 0.3 : face.width * 0.7; y: face.mouthY }
            }
        }
    }

    component FaceButton: Button {
        id: faceButton
        property int score
        property bool across: false  // face beside its words (portrait) rather than above them
        property real faceSize: Theme.mm(30)
        focusPolicy: Qt.StrongFocus
        padding: Theme.gap
        contentItem: Item {
            GridLayout {
                // The face and its words in the middle of the button, faces in one line across the
                // buttons whether the words under them take one line or two.
                anchors.centerIn: parent
                width: parent.width
                columns: faceButton.across ? 2 : 1
                columnSpacing: Theme.gap * 2
                rowSpacing: Theme.gap
                Face {
                    score: faceButton.score
                    Layout.preferredWidth: faceButton.faceSize
                    Layout.preferredHeight: faceButton.faceSize
                    Layout.alignment: faceButton.across ? Qt.AlignVCenter : Qt.AlignHCenter
                }
                Text {
                    text: faceButton.text
                    font.pixelSize: Theme.buttonSize
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    maximumLineCount: faceButton.across ? 3 : 2
                    horizontalAlignment: faceButton.across ? Text.AlignLeft : Text.AlignHCenter
                    verticalAlignment: faceButton.across ? Text.AlignVCenter : Text.AlignTop
                    Layout.fillWidth: true
                    Layout.preferredHeight: faceButton.across ? implicitHeight : fontInfo.pixelSize * 2.6
                    Layout.alignment: Qt.AlignVCenter
                }
            }
        }
        background: Rectangle {
            radius: Theme.radius
            color: faceButton.down ? Theme.pressed : Theme.surface
            border.width: faceButton.visualFocus ? Theme.borderWidth * 2 : Theme.borderWidth
            border.color: faceButton.visualFocus ? Theme.focus : Theme.text
        }
    }

    // -- the five faces ---------------------------------------------------------------------------
    GridLayout {
        objectName: "faces"
        visible: page.screen === "faces"
        columns: page.portrait ? 1 : 5
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        Layout.fillWidth: true
        Repeater {
            model: page.screen === "faces" ? page.fb.scores : []
            FaceButton {
                objectName: "rate_" + modelData.score
                score: modelData.score
                text: modelData.label
                across: page.portrait
                faceSize: page.portrait ? Math.min(Theme.mm(32), page.faceButtonHeight - Theme.gap * 2)
                                        : Math.min(Theme.mm(44), page.faceButtonHeight * 0.5)
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: page.faceButtonHeight
                onClicked: vm.rate(modelData.score)
            }
        }
    }

    // -- the reason -------------------------------------------------------------------------------
    RowLayout {
        visible: page.screen === "reason"
        spacing: Theme.gap * 2
        Face {
            score: Math.max(1, page.fb.score)
            Layout.preferredWidth: Theme.mm(16)
            Layout.preferredHeight: Theme.mm(16)
        }
        Text {
            objectName: "chosenScore"
            text: qsTr("Bạn đã chọn: %1").arg(page.fb.scoreText)
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
    GridLayout {
        objectName: "reasons"
        visible: page.screen === "reason"
        columns: page.portrait ? 2 : 3
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        Layout.fillWidth: true
        Repeater {
            model: page.screen === "reason" ? page.fb.reasons : []
            BigButton {
                objectName: "reason_" + modelData.code
                text: modelData.label
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                // Two lines of large text on a narrow screen still fit inside.
                Layout.preferredHeight: Math.max(Theme.mm(28), implicitContentHeight + Theme.mm(8))
                onClicked: page.fb.chooseReason(modelData.code)
            }
        }
    }

    // -- "Góp ý": from the faces or the reason ----------------------------------------------------
    Notice {
        objectName: "suggestionSent"
        visible: page.screen !== "suggestion" && page.fb.sent
        good: true
        text: qsTr("Cảm ơn bạn! Góp ý đã được gửi đến người quản lý.")
    }
    BigButton {
        objectName: "suggestButton"
        visible: page.screen !== "suggestion" && !page.fb.sent
        text: qsTr("✎ Góp ý bằng chữ")
        onClicked: page.fb.openSuggestion()
    }
    // Made when the screen opens and gone when it closes: nothing typed outlives it.
    Loader {
        id: suggestion
        active: page.screen === "suggestion"
        visible: active
        Layout.fillWidth: true
        sourceComponent: Field {
            key: "suggestion"
            label: qsTr("Nội dung góp ý")
            help: qsTr("Góp ý được gửi đến người quản lý của điểm tiếp nhận, không kèm tên bạn.")
            error: page.fb.message
        }
    }
}
