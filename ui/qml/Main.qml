// The one window of both apps: it shows the page the view models name, and the overlays that can
// interrupt any page (idle warning, help called).
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import "components"

ApplicationWindow {
    id: window
    visible: true
    width: initialWidth
    height: initialHeight
    title: qsTr("Dịch vụ công trực tuyến")
    color: Theme.background

    Binding { target: Theme; property: "pxPerMm"; value: screenPxPerMm }
    Binding { target: Theme; property: "dense"; value: vm.mode === "agent" }
    Binding { target: Theme; property: "largeText"; value: displayModes.largeText }
    Binding { target: Theme; property: "highContrast"; value: displayModes.highContrast }
    Binding { target: Theme; property: "capRatio"; value: displayModes.capRatio }

    readonly property var pageFiles: ({
        search: "AgentSearch", accounts: "AgentAccounts", report: "AgentReport",
        feedback: "AgentFeedback",
        welcome: "Welcome", identify: "Identify", card: "Card", identity_manual: "IdentityManual",
        procedure: "Procedure", delegate: "Delegate", form: "Form", documents: "Documents",
        checklist: "Checklist", seal: "Seal",
        check: "Check", consent: "Consent", submit: "Submit", fee: "Fee", receipt: "Receipt",
        rating: "Rating", signin: "SignIn", home: "AgentHome", dossiers: "AgentDossiers",
        lookup: "Lookup", lookup_code: "LookupCode", lookup_digits: "LookupDigits",
        guide_list: "GuideList", guide: "Guide",
        lookup_result: "LookupResult", queue: "AgentQueue", ticket_service: "TicketService",
        ticket_taken: "TicketTaken",
        out_of_service: "OutOfService"
    })
    // The agent's own pages, else the citizen's look-up or queue ticket (flows beside the visit),
    // else the visit.
    // At a kiosk missing a device the office needs (ui/outage.py), the out-of-service page first.
    readonly property string shownPage: (outage && outage.page !== "") ? outage.page
                                        : (agent && agent.page !== "visit") ? agent.page
                                        : lookup.page !== "" ? lookup.page
                                        : tickets.page !== "" ? tickets.page
                                        : guides.page !== "" ? guides.page : vm.page

    Loader {
        id: pageLoader
        objectName: "pageLoader"
        anchors.fill: parent
        // Nothing on the page answers while the supervisor's PIN pad or maintenance screen is up.
        enabled: !lockdown || lockdown.stage === ""
        source: "pages/" + window.pageFiles[window.shownPage] + ".qml"
    }

    // The on-screen keyboard while a text field has the focus (kiosk; off where there is a real
    // keyboard): above the page's footer, so "Quay lại", help and the page's action stay in place.
    Keyboard {
        objectName: "keyboard"
        target: window.activeFocusItem
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        anchors.bottomMargin: pageLoader.item && pageLoader.item.footerHeight !== undefined
                              ? pageLoader.item.footerHeight : 0
    }

    Overlay {
        objectName: "idleOverlay"
        visible: vm.idleSecondsLeft > 0
        title: qsTr("Bạn có cần thêm thời gian không?")
        text: qsTr("Nếu không, sau %1 giây máy sẽ xóa thông tin bạn đã nhập và trở về trang đầu.").arg(vm.idleSecondsLeft)
        BigButton {
            objectName: "moreTimeButton"
            text: qsTr("Có, tôi cần thêm thời gian")
            primary: true
            Layout.fillWidth: true
            onClicked: idle.extend()
        }
        BigButton {
            objectName: "endNowButton"
            text: qsTr("Kết thúc")
            onClicked: vm.finish()
        }
    }

    // The agent's session ends after [agent] session_minutes without input; this asks first.
    Overlay {
        objectName: "sessionOverlay"
        visible: !!agent && agent.timeout.secondsLeft > 0
        title: qsTr("Phiên làm việc sắp kết thúc")
        text: agent ? qsTr("Không có thao tác nào trong một lúc. Sau %1 giây máy sẽ đăng xuất và bỏ hồ sơ đang nhập dở.")
                      .arg(agent.timeout.secondsLeft) : ""
        BigButton {
            objectName: "keepWorkingButton"
            text: qsTr("Tiếp tục làm việc")
            primary: true
            Layout.fillWidth: true
            onClicked: agent.timeout.extend()
        }
        BigButton {
            objectName: "signOutNowButton"
            text: qsTr("Đăng xuất")
            onClicked: agent.signOut()
        }
    }

    Overlay {
        objectName: "helpOverlay"
        visible: vm.helpRequested
        title: qsTr("Đã báo nhân viên hỗ trợ")
        text: qsTr("Xin vui lòng chờ, nhân viên sẽ đến ngay. Thông tin bạn đã nhập vẫn được giữ nguyên.")
        BigButton {
            objectName: "helpOkButton"
            text: qsTr("Đã hiểu")
            primary: true
            Layout.fillWidth: true
            onClicked: vm.dismissHelp()
        }
    }

    // The supervisor's way out of the locked-down kiosk (ui/lockdown.py): the hint of the gesture's
    // second corner, then the PIN pad and the maintenance screen over everything.
    SupervisorCorner { anchors { right: parent.right; bottom: parent.bottom } }
    Lockdown { }
}
