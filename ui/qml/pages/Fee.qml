// The state fee (lệ phí) of the procedure and how it is paid here.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Lệ phí")
    primaryText: qsTr("Tiếp tục ›")
    onPrimary: vm.feeDone()

    Text {
        objectName: "feeAmount"
        text: vm.feeText
        font.pixelSize: Theme.heroSize
        font.bold: true
        color: Theme.text
        Layout.alignment: Qt.AlignHCenter
    }
    Text {
        text: vm.mode === "agent"
              ? qsTr("Thu lệ phí của công dân và ghi vào sổ thu. Lệ phí là của cơ quan nhà nước, tách riêng với phí dịch vụ.")
              : qsTr("Bạn nộp lệ phí này tại quầy tiếp nhận khi nhận kết quả. Hãy giữ phiếu hẹn để đối chiếu.")
        font.pixelSize: Theme.bodySize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
