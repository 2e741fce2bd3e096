// Agent point, supervisor only: the staff accounts of this point. Add one (role, password twice),
// unlock one locked by wrong passwords, stop or allow logins. Each action is audited with who did it.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property var model: agent.accounts
    property bool adding: false
    property int seenCreated: -1  // the model's count of accounts added, when last looked at
    property string role: "agent"

    function fieldError(key) {
        return !page.model.messageGood && page.model.messageField === key ? page.model.message : ""
    }

    title: adding ? qsTr("Thêm tài khoản") : qsTr("Tài khoản nhân viên")
    subtitle: adding ? qsTr("Mật khẩu ít nhất 8 ký tự. Người dùng nên đổi mật khẩu sau lần đăng nhập đầu.")
                     : qsTr("Mở khóa, ngừng hoặc cho dùng lại tài khoản. Mọi thao tác đều được ghi vào nhật ký.")
    showBack: true
    showHelp: false
    backAction: function() {
        if (page.adding) page.adding = false
        else agent.goHome()
    }
    primaryText: adding ? qsTr("Tạo tài khoản") : qsTr("Thêm tài khoản")
    primaryName: adding ? "createAccountButton" : "addAccountButton"
    primaryEnabled: !model.busy && model.canManage
    messageText: !model.messageGood && model.messageField === "" ? model.message : ""
    onPrimary: {
        if (!adding) { adding = true; return }
        model.add(newUsername.text, newName.text, page.role, newPassword.text, newAgain.text)
    }

    Component.onCompleted: seenCreated = model.created
    Connections {
        target: page.model
        function onChanged() {
            if (page.model.created !== page.seenCreated) {
                // Created: the form empties and the list shows the new account.
                page.seenCreated = page.model.created
                newUsername.text = ""; newName.text = ""; newPassword.text = ""; newAgain.text = ""
                page.role = "agent"
                page.adding = false
            }
        }
    }

    Notice {
        objectName: "accountsNote"
        visible: page.model.messageGood && text.length > 0
        good: true
        text: page.model.message
        Layout.fillWidth: true
    }

    // -- the new account --
    Field { id: newUsername; visible: page.adding; key: "newUsername"; label: qsTr("Tên đăng nhập"); required: true
            help: qsTr("3–32 chữ cái không dấu, chữ số, dấu chấm hoặc gạch ngang, ví dụ canbo.an")
            error: page.fieldError("username") }
    Field { id: newName; visible: page.adding; key: "newName"; label: qsTr("Họ tên"); required: true
            error: page.fieldError("display_name") }
    ChoiceRow {
        visible: page.adding
        key: "newRole"
        label: qsTr("Vai trò")
        required: true
        choices: page.model.roles
        value: page.role
        error: page.fieldError("role")
        onChosen: function(value) { page.role = value }
    }
    Text {
        visible: page.adding
        text: page.role === "volunteer" ? qsTr("Tình nguyện viên giúp công dân làm hồ sơ; không thu tiền, không tìm hồ sơ theo số định danh.")
              : page.role === "supervisor" ? qsTr("Người quản lý làm được mọi việc, kể cả quản lý tài khoản và hủy hồ sơ.")
              : qsTr("Cán bộ tiếp nhận hồ sơ, thu lệ phí và phí dịch vụ.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Field { id: newPassword; visible: page.adding; key: "newPassword"; label: qsTr("Mật khẩu"); echoMode: 2; required: true
            error: page.fieldError("password") }
    Field { id: newAgain; visible: page.adding; key: "newAgain"; label: qsTr("Nhập lại mật khẩu"); echoMode: 2; required: true
            error: page.fieldError("again") }

    // -- the accounts --
    Repeater {
        model: !page.adding && page.model.rows.length > 0
               ? [{ username: qsTr("Tên đăng nhập"), name: qsTr("Họ tên"), roleText: qsTr("Vai trò"),
                    stateText: qsTr("Tình trạng"), lastLogin: qsTr("Đăng nhập gần nhất"), head: true }]
                 .concat(page.model.rows)
               : []
        Rectangle {
            objectName: modelData.head ? "accountHead" : "accountRow_" + modelData.username
            Layout.fillWidth: true
            implicitHeight: cells.implicitHeight + Theme.gap
            color: modelData.head ? Theme.pressed : (index % 2 ? Theme.background : Theme.surface)
            RowLayout {
                id: cells
                anchors.fill: parent
                anchors.leftMargin: Theme.gap
                anchors.rightMargin: Theme.gap
                spacing: Theme.gap * 2
                Text { text: modelData.username + (modelData.me ? qsTr(" (bạn)") : ""); font.pixelSize: Theme.smallSize
                       font.bold: true; color: Theme.text; wrapMode: Text.WrapAnywhere; Layout.preferredWidth: Theme.mm(58) }
                Text { text: modelData.name; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                Text { text: modelData.roleText; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(50) }
                Text { objectName: modelData.head ? "" : "accountState_" + modelData.username
                       // In words, not only colour: a locked or stopped account says so.
                       text: (modelData.state === "locked" || modelData.state === "disabled" ? "⚠ " : "") + modelData.stateText
                       font.pixelSize: Theme.smallSize; font.bold: true
                       color: modelData.state === "locked" || modelData.state === "disabled" ? Theme.error : Theme.text
                       wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(50) }
                Text { text: modelData.lastLogin; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(35) }
                Item {
                    Layout.preferredWidth: Theme.mm(62)
                    implicitHeight: actionButton.visible ? actionButton.implicitHeight : 0
                    BigButton {
                        id: actionButton
                        objectName: modelData.head ? "" : (modelData.state === "locked" ? "unlock_"
                                    : modelData.state === "disabled" ? "enable_" : "disable_") + modelData.username
                        // Nobody stops their own account from here: they would be locked out mid-session.
                        visible: !modelData.head && !(modelData.me && modelData.state === "active")
                        enabled: !page.model.busy
                        text: modelData.state === "locked" ? qsTr("Mở khóa")
                              : modelData.state === "disabled" ? qsTr("Cho dùng lại") : qsTr("Ngừng sử dụng")
                        width: parent.width
                        onClicked: {
                            if (modelData.state === "locked") page.model.unlock(modelData.username)
                            else page.model.setDisabled(modelData.username, modelData.state !== "disabled")
                        }
                    }
                }
            }
        }
    }
}
