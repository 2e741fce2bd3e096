// "Cần mang giấy tờ gì?": the procedures, most used first; one tap opens that procedure's guide.
// Beside the visit (ui/guide_model.py): nothing is filed, "Quay lại" goes back to the start.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Bạn cần hướng dẫn thủ tục nào?")
    subtitle: qsTr("Chọn một thủ tục để xem giấy tờ cần mang theo và các bước làm tại máy.")
    showBack: true
    backAction: function() { guides.back() }
    messageText: ""

    Repeater {
        model: guides.procedures
        BigButton {
            objectName: "guideProcedure_" + modelData.code
            text: modelData.name
            Layout.fillWidth: true
            implicitHeight: Math.max(Theme.targetHeight, contentItem.implicitHeight + Theme.gap * 2)
            onClicked: guides.choose(modelData.code)
        }
    }
}
