// Look-up by hand, second thing: the last 4 digits of the applicant's ID number, which show that
// the dossier is the citizen's own. Wrong digits and a wrong code get the same answer.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Nhập 4 số cuối của số định danh cá nhân")
    subtitle: lookup.busy ? qsTr("Đang tra cứu… Máy đang hỏi cổng dịch vụ công.")
            : qsTr("Số định danh cá nhân có 12 chữ số, in ở mặt trước thẻ căn cước của người nộp hồ sơ.")
    primaryText: qsTr("Tra cứu ›")
    primaryName: "lookupDigitsNext"
    primaryEnabled: digitsField.text.length === 4 && !lookup.busy
    showBack: true
    backAction: function() { lookup.back() }
    messageText: lookup.message
    onPrimary: lookup.submitDigits(digitsField.text)

    Text {
        objectName: "lookupCodeShown"
        text: qsTr("Mã hồ sơ: %1").arg(lookup.code)
        font.pixelSize: Theme.bodySize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    BigEntry {
        id: digitsField
        objectName: "lookupDigitsField"
        enabled: !lookup.busy
        error: lookup.message.length > 0
        maximumLength: 4
        validator: RegularExpressionValidator { regularExpression: /[0-9]{0,4}/ }
        inputMethodHints: Qt.ImhDigitsOnly
        font.pixelSize: Theme.heroSize
        font.letterSpacing: Theme.mm(3)
        horizontalAlignment: TextInput.AlignHCenter
        Layout.preferredWidth: Theme.mm(90)
        onAccepted: if (text.length === 4) lookup.submitDigits(text)
    }
}
