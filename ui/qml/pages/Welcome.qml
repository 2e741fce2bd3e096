// The first page: what this machine does, one big button to start, and plainer ones to look up a
// dossier already filed or to take a queue ticket.
import QtQuick
import QtQuick.Layouts
import "../components"

Rectangle {
    color: Theme.background
    PageHeader {
        id: band
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: implicitHeight
    }
    Item {
        id: middle
        anchors { left: parent.left; right: parent.right; top: band.bottom; bottom: catalogVersion.top }
    }
    // "Nghe lại" where the other pages have it: at the right, under the header.
    SpeakButton {
        anchors { right: parent.right; top: band.bottom; margins: Theme.margin }
        anchors.topMargin: Theme.gap * 2
        texts: [welcomeTitle.text, welcomeText.text]
    }
    ColumnLayout {
        anchors.centerIn: middle
        width: Math.min(parent.width - 2 * Theme.margin, Theme.mm(360))
        spacing: Theme.gap * 2
        Text {
            id: welcomeTitle
            text: qsTr("Dịch vụ công trực tuyến")
            font.pixelSize: Theme.heroSize
            font.bold: true
            color: Theme.heading
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            id: welcomeText
            text: vm.mode === "agent"
                  ? qsTr("Tiếp nhận hồ sơ cho công dân: xác định người nộp, chọn thủ tục, điền tờ khai, chụp giấy tờ và gửi.")
                  : qsTr("Xin chào! Máy này giúp bạn nộp hồ sơ thủ tục hành chính: đăng ký khai sinh, tạm trú, chứng thực và nhiều thủ tục khác.")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        BigButton {
            objectName: "startButton"
            text: vm.mode === "agent" ? qsTr("Bắt đầu tiếp nhận") : qsTr("Chạm vào đây để bắt đầu")
            primary: true
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.mm(190)
            minimumHeight: Theme.primaryHeight * 1.3
            onClicked: vm.start()
        }
        // The other reason to come to the kiosk, a step down from filing: big, but not the blue one.
        BigButton {
            objectName: "lookupButton"
            visible: vm.mode === "kiosk"
            text: qsTr("Tra cứu hồ sơ đã nộp")
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.mm(190)
            minimumHeight: Theme.primaryHeight
            onClicked: lookup.begin()
        }
        BigButton {
            objectName: "ticketButton"
            visible: vm.mode === "kiosk"
            text: qsTr("Lấy số thứ tự")
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.mm(190)
            minimumHeight: Theme.primaryHeight
            onClicked: tickets.begin()
        }
        // What to bring, before coming back with the papers: the procedures' guides with pictures.
        BigButton {
            objectName: "guideButton"
            visible: vm.mode === "kiosk"
            text: qsTr("Cần mang giấy tờ gì?")
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.mm(190)
            minimumHeight: Theme.primaryHeight
            onClicked: guides.begin()
        }
        Text {
            text: qsTr("Cần giúp đỡ? Hãy hỏi cán bộ tại quầy hoặc gọi %1.").arg(vm.hotline)
            font.pixelSize: Theme.smallSize
            color: Theme.muted
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
    Caption {
        id: catalogVersion
        objectName: "catalogVersion"
        anchors { left: parent.left; right: parent.right; bottom: footer.top; margins: Theme.margin }
        anchors.bottomMargin: Theme.gap
        text: qsTr("Danh mục thủ tục: phiên bản %1, cập nhật %2").arg(vm.catalogVersion).arg(vm.catalogDate)
    }
    // "Gọi nhân viên hỗ trợ" where it is on every other page (WCAG 3.2.6); nothing to go back to.
    PageFooter {
        id: footer
        visible: vm.mode === "kiosk"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: visible ? implicitHeight : 0
        showBack: false
        onHelp: vm.callHelp()
    }
}
