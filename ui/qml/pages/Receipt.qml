// Done: the dossier code big, its QR, the date to come back, and what happens next.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: vm.delivered ? qsTr("Đã nộp hồ sơ") : qsTr("Đã ghi nhận hồ sơ")
    showBack: false
    primaryText: qsTr("Hoàn tất ›")
    primaryName: "doneButton"
    // Read aloud: the code spelled and the date in words (ui/voice_model.py); never a name.
    spoken: vm.delivered
            ? [title, qsTr("Mã hồ sơ của bạn"), { code: vm.dossierCode }, qsTr("Ngày hẹn trả kết quả"), { date: vm.appointment }]
            : [title, qsTr("Số tham chiếu tạm"), { code: vm.localReference }]
    onPrimary: vm.receiptDone()
    // The printer's sentence, until a printer that refused the slip is ready again.
    messageText: vm.messageField === "printer" && !(vm.printState === "refused" && printer.ready) ? vm.message : ""

    Notice {
        good: vm.delivered
        text: vm.outcomeMessage
    }
    RowLayout {
        spacing: Theme.margin
        Layout.fillWidth: true
        ColumnLayout {
            spacing: Theme.gap
            Layout.fillWidth: true
            Text {
                text: vm.delivered ? qsTr("Mã hồ sơ của bạn") : qsTr("Số tham chiếu tạm")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
            }
            Text {
                objectName: "dossierCode"
                text: vm.delivered ? vm.dossierCode : vm.localReference
                font.pixelSize: Theme.heroSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
            Text {
                visible: vm.appointment.length > 0
                text: qsTr("Ngày hẹn trả kết quả: %1").arg(vm.appointment)
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
            }
            Text {
                text: qsTr("Tiếp theo:\n• Cơ quan sẽ xem xét hồ sơ và báo nếu cần bổ sung.\n• Dùng mã hồ sơ hoặc quét mã QR trên phiếu để tra cứu.\n• Mang theo phiếu này và thẻ căn cước khi đến nhận kết quả.")
                font.pixelSize: Theme.smallSize
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
        Image {
            objectName: "receiptQr"
            source: vm.qrUrl
            Layout.preferredWidth: Theme.mm(70)
            Layout.preferredHeight: Theme.mm(70)
            fillMode: Image.PreserveAspectFit
            smooth: false
            cache: false
        }
    }
    Text {
        objectName: "signBothNote"
        visible: vm.mode === "agent"
        text: qsTr("Phiếu tiếp nhận in hai liên: người nộp hồ sơ và cán bộ cùng ký cả hai liên; đưa người nộp liên 1, lưu liên 2.")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    // A refused slip never reached the paper: it is printed as it is. One that printed, or may
    // have, comes out again only marked "BẢN IN LẠI".
    BigButton {
        objectName: "reprintButton"
        // At the agent point the slip is the intake slip, in two copies for both to sign.
        text: vm.mode === "agent"
              ? (vm.printState === "printing" ? qsTr("Đang in phiếu tiếp nhận…")
                 : vm.printState === "refused" ? qsTr("In phiếu tiếp nhận") : qsTr("In lại phiếu tiếp nhận"))
              : (vm.printState === "printing" ? qsTr("Đang in phiếu hẹn…")
                 : vm.printState === "refused" ? qsTr("In phiếu hẹn") : qsTr("In lại phiếu hẹn"))
        enabled: vm.printState !== "printing" && vm.printState !== "" && (printer.ready || vm.printState !== "refused")
        onClicked: vm.reprint()
    }
}
