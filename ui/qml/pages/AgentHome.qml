// Agent point: today's cases and the button that starts a new intake.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Hồ sơ tiếp nhận hôm nay")
    subtitle: qsTr("Cán bộ: %1").arg(agent.userName)
    primaryText: qsTr("Tiếp nhận hồ sơ mới")
    primaryName: "newCaseButton"
    showBack: false
    showHelp: false
    messageText: agent.error
    onPrimary: agent.newCase()

    // Paper near its end, out, the cover open, the printer off: the agent sees it before a slip fails.
    Notice {
        objectName: "printerNote"
        visible: printer.staffNote.length > 0
        good: false
        text: printer.staffNote
        Layout.fillWidth: true
    }
    // Wraps onto a second line on a narrow screen rather than push buttons out of sight.
    Flow {
        spacing: Theme.gap
        Layout.fillWidth: true
        BigButton {
            objectName: "signOutButton"
            text: qsTr("Đăng xuất")
            onClicked: agent.signOut()
        }
        BigButton {
            objectName: "queueButton"
            text: qsTr("Hàng đợi")
            onClicked: agent.showQueue()
        }
        BigButton {
            objectName: "dossiersButton"
            text: qsTr("Danh sách hồ sơ")
            onClicked: agent.showDossiers()
        }
        BigButton {
            objectName: "searchButton"
            text: qsTr("Tìm hồ sơ")
            onClicked: agent.showSearch()
        }
        BigButton {
            objectName: "accountsButton"
            visible: agent.canManage
            text: qsTr("Tài khoản")
            onClicked: agent.showAccounts()
        }
        BigButton {
            objectName: "feedbackButton"
            visible: agent.canReadFeedback
            text: qsTr("Góp ý")
            onClicked: agent.showFeedback()
        }
        BigButton {
            objectName: "reportButton"
            text: qsTr("Báo cáo cuối ngày")
            onClicked: agent.showReport()
        }
        BigButton {
            objectName: "daySlipButton"
            text: qsTr("In bảng kê cuối ngày")
            onClicked: agent.printDaySlip()
        }
    }
    Text {
        objectName: "daySlipMessage"
        visible: agent.dayMessage.length > 0
        text: agent.dayMessage
        font.pixelSize: Theme.bodySize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Text {
        visible: agent.cases.length === 0
        text: qsTr("Chưa có hồ sơ nào hôm nay.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
    }
    Repeater {
        model: agent.cases.length > 0 ? [{ time: qsTr("Giờ"), procedure: qsTr("Thủ tục"), applicant: qsTr("Người nộp"),
                                           state: qsTr("Trạng thái"), code: qsTr("Mã hồ sơ"), head: true }].concat(agent.cases) : []
        Rectangle {
            objectName: "caseRow_" + index
            Layout.fillWidth: true
            implicitHeight: caseRow.implicitHeight + Theme.gap
            color: modelData.head ? Theme.pressed : (index % 2 ? Theme.background : Theme.surface)
            RowLayout {
                id: caseRow
                anchors.fill: parent
                anchors.leftMargin: Theme.gap
                spacing: Theme.gap * 2
                Text { text: modelData.time; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; Layout.preferredWidth: Theme.mm(20) }
                Text { text: modelData.procedure; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                Text { text: modelData.applicant + (modelData.authorised ? qsTr(" (ủy quyền: %1)").arg(modelData.authorised) : "")
                       font.pixelSize: Theme.smallSize; font.bold: !!modelData.head; color: Theme.text
                       wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(90) }
                Text { text: modelData.state; font.pixelSize: Theme.smallSize; font.bold: true; color: Theme.text
                       Layout.preferredWidth: Theme.mm(35) }
                Text { objectName: "caseCode_" + index; text: modelData.code; font.pixelSize: Theme.smallSize
                       font.bold: !!modelData.head; color: Theme.text; Layout.preferredWidth: Theme.mm(60) }
            }
        }
    }
}
