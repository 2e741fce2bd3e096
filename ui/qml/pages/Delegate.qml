// Agent point: is the person at the desk the applicant, or someone they authorised? A procedure the
// law keeps personal (marriage registration…) is blocked from delegation, and the page says why and
// what to do. Otherwise the authorised person, their relationship to the applicant, and for anyone
// but a close relative, that the written authorisation is certified.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    property bool delegated: false
    property string relationship: ""
    property bool certified: false
    readonly property bool blocked: delegated && !vm.procedure.delegable

    // Coming back to change something: the person as recorded, read once (a binding would put
    // back the recorded text over what the agent is typing each time the page's message changes).
    Component.onCompleted: {
        var recorded = vm.authorisedPerson
        if (recorded.full_name === undefined)
            return
        delegated = true
        relationship = recorded.relationship
        certified = recorded.certified
        authName.text = recorded.full_name
        authId.text = recorded.id_number
        authPhone.text = recorded.phone
    }

    title: qsTr("Ai đang nộp hồ sơ tại quầy?")
    subtitle: qsTr("Thủ tục: %1").arg(vm.procedure.name || "")
    primaryText: qsTr("Tiếp tục ›")
    primaryEnabled: !page.blocked
    onPrimary: vm.setDelegation(page.delegated, {
        full_name: authName.text, id_number: authId.text, phone: authPhone.text,
        relationship: page.relationship, certified: page.certified ? "true" : "false"
    })

    Text {
        objectName: "notDelegableNote"
        visible: !vm.procedure.delegable && !page.delegated
        text: qsTr("Thủ tục này không được ủy quyền: chỉ chính chủ hồ sơ được nộp.")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    ChoiceRow {
        key: "delegated"
        label: qsTr("Người nộp")
        choices: [{ value: "no", label: qsTr("Chính chủ hồ sơ") }, { value: "yes", label: qsTr("Người được ủy quyền") }]
        value: page.delegated ? "yes" : "no"
        onChosen: (v) => page.delegated = (v === "yes")
    }

    // -- the block, in words, with what to do --------------------------------------------------
    Notice {
        objectName: "delegationBlocked"
        visible: page.blocked
        text: qsTr("Thủ tục này không được ủy quyền: người có tên trong hồ sơ phải tự đến nộp.") + "\n"
              + qsTr("Hãy hẹn chủ hồ sơ tự đến quầy. Nếu chính chủ đang ở đây, chọn “Chính chủ hồ sơ”; nếu không, bấm “Kết thúc hồ sơ”.")
    }
    BigButton {
        objectName: "endCaseButton"
        visible: page.blocked
        text: qsTr("Kết thúc hồ sơ")
        onClicked: vm.finish()
    }

    // -- the authorised person -----------------------------------------------------------------
    ColumnLayout {
        visible: page.delegated && vm.procedure.delegable
        spacing: Theme.gap
        Layout.fillWidth: true
        Field { id: authName; key: "auth_full_name"; label: qsTr("Họ tên người được ủy quyền"); required: true
                error: vm.messageField === "full_name" ? vm.message : "" }
        Field { id: authId; key: "auth_id_number"; label: qsTr("Số định danh người được ủy quyền"); required: true
                inputMethodHints: Qt.ImhDigitsOnly
                error: vm.messageField === "id_number" ? vm.message : "" }
        Field { id: authPhone; key: "auth_phone"; label: qsTr("Số điện thoại")
                inputMethodHints: Qt.ImhDialableCharactersOnly }
        ChoiceRow {
            key: "relationship"
            label: qsTr("Người được ủy quyền là gì của chủ hồ sơ?")
            required: true
            choices: vm.relationships
            value: page.relationship
            error: vm.messageField === "relationship" ? vm.message : ""
            onChosen: (v) => page.relationship = v
        }
        Text {
            objectName: "certificationNote"
            visible: page.relationship.length > 0
            text: page.relationship === "other"
                  ? qsTr("Không phải người thân: văn bản ủy quyền phải được chứng thực (công chứng hoặc chứng thực chữ ký).")
                  : qsTr("Người thân (ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột): văn bản ủy quyền không cần chứng thực.")
            font.pixelSize: Theme.smallSize
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        BigButton {
            objectName: "certifiedButton"
            visible: page.relationship === "other"
            text: qsTr("Văn bản ủy quyền đã được chứng thực")
            selected: page.certified
            onClicked: page.certified = !page.certified
        }
        Text {
            visible: vm.messageField === "certified"
            text: "⚠ " + vm.message
            font.pixelSize: Theme.smallSize
            font.bold: true
            color: Theme.error
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            text: qsTr("Văn bản ủy quyền được chụp cùng các giấy tờ khác ở bước sau.")
            font.pixelSize: Theme.smallSize
            color: Theme.muted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
