// Agent point: is the person at the desk the applicant, or someone they authorised?
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    property bool delegated: false
    title: qsTr("Ai đang nộp hồ sơ tại quầy?")
    subtitle: qsTr("Thủ tục: %1").arg(vm.procedure.name || "")
    primaryText: qsTr("Tiếp tục ›")
    onPrimary: vm.setDelegation(page.delegated, {
        full_name: authName.text, id_number: authId.text, phone: authPhone.text, relationship: authRel.text
    })

    ChoiceRow {
        key: "delegated"
        label: qsTr("Người nộp")
        choices: [{ value: "no", label: qsTr("Chính chủ hồ sơ") }, { value: "yes", label: qsTr("Người được ủy quyền") }]
        value: page.delegated ? "yes" : "no"
        onChosen: (v) => page.delegated = (v === "yes")
    }
    Notice {
        visible: page.delegated && !vm.procedure.delegable
        text: qsTr("Thủ tục này không được ủy quyền: người có tên trong hồ sơ phải tự đến nộp.")
    }
    ColumnLayout {
        visible: page.delegated && vm.procedure.delegable
        spacing: Theme.gap
        Layout.fillWidth: true
        Field { id: authName; key: "auth_full_name"; label: qsTr("Họ tên người được ủy quyền"); required: true
                error: vm.messageField === "full_name" ? vm.message : "" }
        Field { id: authId; key: "auth_id_number"; label: qsTr("Số định danh người được ủy quyền"); required: true
                error: vm.messageField === "id_number" ? vm.message : "" }
        Field { id: authRel; key: "auth_relationship"; label: qsTr("Quan hệ với chủ hồ sơ") }
        Field { id: authPhone; key: "auth_phone"; label: qsTr("Số điện thoại") }
    }
}
