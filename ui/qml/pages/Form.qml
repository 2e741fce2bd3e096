// The procedure's e-form, drawn from its schema. At the kiosk one question a page (the title is
// the question, the on-screen keyboard below it); what the card told us is not asked again and
// shows on the check page. At the agent point the whole form at once, the card's answers marked.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    readonly property var spec: vm.question
    title: vm.oneQuestion ? (spec.label || qsTr("Tờ khai")) : qsTr("Tờ khai: %1").arg(vm.procedure.name || "")
    subtitle: !vm.oneQuestion ? qsTr("Các ô có dấu * là bắt buộc. Thông tin lấy từ thẻ đã được điền sẵn.")
              : vm.questionCount === 0 ? qsTr("Thẻ căn cước đã cho đủ thông tin của tờ khai. Bạn sẽ xem lại ở trang kiểm tra.")
              : qsTr("Câu %1/%2 của tờ khai %3.").arg(vm.questionNumber).arg(vm.questionCount).arg(vm.procedure.name || "")
                + " " + (spec.required ? qsTr("Bắt buộc phải trả lời.") : qsTr("Không bắt buộc: nếu không có, để trống và bấm “Tiếp tục”."))
    primaryText: qsTr("Tiếp tục ›")
    backAction: vm.oneQuestion ? function() { vm.previousQuestion() } : null
    onPrimary: vm.oneQuestion ? vm.nextQuestion() : vm.submitForm()

    // The one question: made anew for each, so its text field starts with that answer and the focus.
    Repeater {
        model: vm.oneQuestion && vm.questionCount > 0 ? [vm.question] : []
        Loader {
            Layout.fillWidth: true
            property var spec: modelData
            sourceComponent: spec.type === "choice" ? choiceField : questionField
        }
    }
    Component {
        id: questionField
        Field {
            key: spec.key
            label: ""
            help: spec.help
            error: spec.error
            text: spec.value
            inputMethodHints: (spec.type === "number" || spec.type === "id_number" || spec.type === "phone")
                              ? Qt.ImhDigitsOnly : spec.type === "date" ? Qt.ImhDate : Qt.ImhNone
            onEdited: (v) => vm.setField(spec.key, v)
            // Ready to type at once: the keyboard opens under the question without a first tap.
            Component.onCompleted: focusInput()
        }
    }

    Repeater {
        model: vm.oneQuestion ? [] : vm.formFields
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
                              ? Qt.ImhDigitsOnly : spec.type === "date" ? Qt.ImhDate : Qt.ImhNone
            onEdited: (v) => vm.setField(spec.key, v)
        }
    }
    Component {
        id: choiceField
        ChoiceRow {
            key: spec.key
            label: vm.oneQuestion ? "" : spec.label
            stacked: vm.oneQuestion
            required: spec.required
            error: spec.error
            choices: spec.choices
            value: spec.value
            onChosen: (v) => vm.setField(spec.key, v)
        }
    }
}
