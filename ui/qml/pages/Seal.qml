// Agent point, a dossier going by post: the paper is put in the envelope and sealed in the
// citizen's presence (Decision 45/2016), then the consignment number is typed, or scanned with a
// barcode scanner (which types it and presses Enter), for the store and the intake slip.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    title: qsTr("Niêm phong và gửi hồ sơ giấy")
    subtitle: qsTr("Cho giấy tờ đã kiểm tra vào phong bì và niêm phong trước mặt người dân. Dán phiếu gửi, rồi nhập hoặc quét số hiệu bưu gửi.")
    primaryText: qsTr("Tiếp tục ›")
    primaryName: "sealDoneButton"
    primaryEnabled: entry.text.trim().length > 0
    onPrimary: vm.sealDone(entry.text)

    Text {
        text: qsTr("Số hiệu bưu gửi")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
    }
    BigEntry {
        id: entry
        objectName: "field_consignment"
        Layout.fillWidth: true
        error: vm.messageField === "consignment"
        focus: true
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
        placeholderText: qsTr("Ví dụ: EE123456785VN")
        Component.onCompleted: forceActiveFocus()
        onAccepted: if (text.trim().length > 0) vm.sealDone(text)
    }
    Text {
        text: qsTr("Mã hồ sơ: %1").arg(vm.delivered ? vm.dossierCode : vm.localReference)
        font.pixelSize: Theme.smallSize
        color: Theme.muted
    }
}
