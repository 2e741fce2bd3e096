// Agent point: sign in with the account the supervisor created.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Đăng nhập điểm tiếp nhận")
    subtitle: qsTr("Dùng tài khoản do người quản lý cấp. Không dùng tài khoản VNeID của công dân.")
    primaryText: qsTr("Đăng nhập")
    primaryName: "signInButton"
    showBack: false
    showHelp: false
    messageText: agent.error
    onPrimary: agent.signIn(user.text, password.text)

    Field { id: user; key: "username"; label: qsTr("Tên đăng nhập") }
    Field { id: password; key: "password"; label: qsTr("Mật khẩu"); echoMode: 2 }
}
