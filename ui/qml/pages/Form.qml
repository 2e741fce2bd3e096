// The procedure's e-form, drawn from its schema; what the card told us is filled in and marked.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Tờ khai: %1").arg(vm.procedure.name || "")
    subtitle: qsTr("Các ô có dấu * là bắt buộc. Thông tin lấy từ thẻ đã được điền sẵn.")
    primaryText: qsTr("Tiếp tục ›")
    onPrimary: vm.submitForm()

    Repeater {
        model: vm.formFields
        Loader {
            Layout.fillWidth: true
            property var spec: modelData
            sourceComponent: spec.type === "choice" ? choiceField : textField
        }
    }

    Component {
        id: textField
        Field {
            key: spec.key
            label: spec.label
            help: spec.help
            required: spec.required
            prefilled: spec.prefilled
            error: spec.error
            text: spec.value
            inputMethodHints: (spec.type === "number" || spec.type === "id_number" || spec.type === "phone")
                              ? Qt.ImhDigitsOnly : Qt.ImhNone
            onEdited: (v) => vm.setField(spec.key, v)
        }
    }
    Component {
        id: choiceField
        ChoiceRow {
            key: spec.key
            label: spec.label
            required: spec.required
            error: spec.error
            choices: spec.choices
            value: spec.value
            onChosen: (v) => vm.setField(spec.key, v)
        }
    }
}
