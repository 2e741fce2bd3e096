// The fields printed on the front of the card, typed by hand when the chip cannot be read.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    title: qsTr("Nhập thông tin in trên thẻ căn cước")
    subtitle: qsTr("Nhìn mặt trước của thẻ và nhập đúng như trên thẻ.")
    primaryText: qsTr("Tiếp tục ›")
    property string sex: ""
    onPrimary: vm.submitManual({
        id_number: idNumber.text, full_name: fullName.text, date_of_birth: born.text,
        sex: page.sex, place_of_residence: residence.text
    })

    Text {
        objectName: "manualAgentNote"
        visible: vm.mode === "agent"
        text: qsTr("Cán bộ đối chiếu từng dòng với thẻ của người dân. Hồ sơ và phiếu tiếp nhận sẽ ghi “Nhập tay — cán bộ đã đối chiếu thẻ”.")
        font.pixelSize: Theme.smallSize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Field {
        id: idNumber
        key: "id_number"
        label: qsTr("Số định danh cá nhân (12 chữ số)")
        required: true
        inputMethodHints: Qt.ImhDigitsOnly
        error: vm.messageField === "id_number" ? vm.message : ""
    }
    Field {
        id: fullName
        key: "full_name"
        label: qsTr("Họ, chữ đệm và tên")
        required: true
        error: vm.messageField === "full_name" ? vm.message : ""
    }
    Field {
        id: born
        key: "date_of_birth"
        label: qsTr("Ngày sinh (ngày/tháng/năm)")
        help: qsTr("Ví dụ: 05/09/1958")
        required: true
        inputMethodHints: Qt.ImhDate  // the on-screen keyboard's number pad, with "/"
        error: vm.messageField === "date_of_birth" ? vm.message : ""
    }
    ChoiceRow {
        key: "sex"
        label: qsTr("Giới tính")
        required: true
        choices: [{ value: "Nam", label: qsTr("Nam") }, { value: "Nữ", label: qsTr("Nữ") }]
        value: page.sex
        onChosen: (v) => page.sex = v
        error: vm.messageField === "sex" ? vm.message : ""
    }
    Field {
        id: residence
        key: "place_of_residence"
        label: qsTr("Nơi thường trú")
    }
}
