// Consent, one purpose at a time, each answered on its own (Decree 13/2023: silence is not consent).
// At the agent point the agent also records how the answers were given: tapped here by the citizen,
// confirmed by a signature drawn on the screen, or on a signed paper form printed here.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    readonly property bool agentMode: vm.mode === "agent"
    readonly property string method: vm.consentMethod

    title: qsTr("Bạn có đồng ý không?")
    subtitle: method === "paper"
              ? qsTr("Chọn cho từng ý đúng như người dân đã đánh dấu trên phiếu.")
              : qsTr("Đọc từng ý và chọn Đồng ý hoặc Không đồng ý.")
    primaryText: qsTr("Nộp hồ sơ ›")
    primaryName: "submitButton"
    onPrimary: vm.submit()

    ChoiceRow {
        visible: agentMode
        key: "consent_method"
        label: qsTr("Người dân cho biết ý kiến bằng cách")
        choices: [{ value: "screen", label: qsTr("Bấm trên màn hình") },
                  { value: "signature", label: qsTr("Ký trên màn hình") },
                  { value: "paper", label: qsTr("Ký trên phiếu giấy") }]
        value: method
        onChosen: (v) => vm.setConsentMethod(v)
    }

    Repeater {
        model: vm.consents
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: consentBody.implicitHeight + Theme.gap * 2
            radius: Theme.radius
            color: Theme.surface
            border.color: vm.messageField === modelData.purpose ? Theme.error : Theme.text
            border.width: Theme.borderWidth
            ColumnLayout {
                id: consentBody
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                spacing: Theme.gap
                Text {
                    text: modelData.text + (modelData.required ? qsTr(" (bắt buộc để nộp hồ sơ)") : qsTr(" (không bắt buộc)"))
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    spacing: Theme.gap * 2
                    BigButton {
                        objectName: "consent_" + modelData.purpose + "_yes"
                        text: qsTr("Đồng ý")
                        selected: modelData.granted
                        onClicked: vm.setConsent(modelData.purpose, true)
                    }
                    BigButton {
                        objectName: "consent_" + modelData.purpose + "_no"
                        text: qsTr("Không đồng ý")
                        // A refusal is an answer too, and shown as one; no answer is not consent.
                        selected: modelData.answered && !modelData.granted
                        onClicked: vm.setConsent(modelData.purpose, false)
                    }
                }
            }
        }
    }

    // -- a signature drawn on the screen -------------------------------------------------------
    Text {
        visible: agentMode && method === "signature"
        text: qsTr("Mời người dân ký vào khung dưới đây để xác nhận các ý đã đồng ý.")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: vm.messageField === "signature" ? Theme.error : Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    SignaturePad {
        objectName: "signaturePad"
        visible: agentMode && method === "signature"
        // Wide enough to sign in, small enough to stay on the screen with the questions above it.
        Layout.preferredWidth: Theme.mm(200)
        Layout.maximumWidth: parent ? parent.width : Theme.mm(200)
        Layout.preferredHeight: width / 3
        strokes: vm.signatureStrokes
        border.color: vm.messageField === "signature" ? Theme.error : Theme.text
        onStroke: (points) => vm.addSignatureStroke(points)
    }
    BigButton {
        objectName: "clearSignatureButton"
        visible: agentMode && method === "signature"
        text: qsTr("Xóa chữ ký, ký lại")
        enabled: vm.signatureStrokes.length > 0
        onClicked: vm.clearSignature()
    }

    // -- a signed paper form -------------------------------------------------------------------
    RowLayout {
        visible: agentMode && method === "paper"
        spacing: Theme.gap * 2
        Layout.fillWidth: true
        BigButton {
            objectName: "printConsentFormButton"
            text: vm.sidePrinting ? qsTr("Đang in…") : qsTr("In phiếu đồng ý")
            enabled: !vm.sidePrinting
            onClicked: vm.printConsentForm()
        }
        BigButton {
            objectName: "paperSignedButton"
            text: qsTr("Đã nhận phiếu có chữ ký")
            selected: vm.paperConsentSigned
            onClicked: vm.setPaperConsentSigned(!vm.paperConsentSigned)
        }
    }
    Text {
        objectName: "sideNote"
        visible: agentMode && method === "paper" && vm.sideNote.length > 0
        text: vm.sideNote
        font.pixelSize: Theme.bodySize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Text {
        visible: agentMode && method === "paper"
        text: qsTr("Giữ phiếu đã ký cùng hồ sơ giấy. Người dân có thể rút lại sự đồng ý tại điểm tiếp nhận.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
