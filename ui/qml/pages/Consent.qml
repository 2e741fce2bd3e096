// Consent, one purpose at a time, each answered on its own (Decree 13/2023: silence is not consent).
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Bạn có đồng ý không?")
    subtitle: qsTr("Đọc từng ý và chọn Đồng ý hoặc Không đồng ý.")
    primaryText: qsTr("Nộp hồ sơ ›")
    primaryName: "submitButton"
    onPrimary: vm.submit()

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
                        onClicked: vm.setConsent(modelData.purpose, false)
                    }
                }
            }
        }
    }
}
