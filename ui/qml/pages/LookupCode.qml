// Look-up by hand, one thing: the dossier code from the receipt. The digits come on the next page.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Nhập mã hồ sơ")
    subtitle: qsTr("Mã hồ sơ in trên phiếu hẹn, ví dụ H01.99-261123-0001. Hồ sơ chưa gửi được có số tham chiếu bắt đầu bằng TN-.")
    primaryText: qsTr("Tiếp tục ›")
    primaryName: "lookupCodeNext"
    primaryEnabled: codeField.text.trim().length > 0
    showBack: true
    backAction: function() { lookup.back() }
    messageText: lookup.message
    onPrimary: lookup.submitCode(codeField.text)

    Text {
        text: qsTr("Mã hồ sơ")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
    }
    BigEntry {
        id: codeField
        objectName: "lookupCodeField"
        text: lookup.code
        error: lookup.message.length > 0
        inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.mm(220)
        onAccepted: lookup.submitCode(text)
    }
}
