// Sending: the dossier is already saved on this machine; this page waits for the portal's answer.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import "../components"

PageFrame {
    title: vm.busy ? qsTr("Đang gửi hồ sơ…") : qsTr("Chưa gửi được hồ sơ")
    subtitle: vm.busy ? qsTr("Xin chờ một chút, không cần bấm gì.") : ""
    primaryText: vm.busy ? "" : qsTr("Thử gửi lại")
    primaryName: "retryButton"
    onPrimary: vm.retrySubmit()

    BusyIndicator {
        running: vm.busy
        visible: vm.busy
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: Theme.mm(30)
        Layout.preferredHeight: Theme.mm(30)
    }
}
