// One tap to say how it went; skipping is fine.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Bạn có hài lòng với dịch vụ hôm nay không?")
    showBack: false
    primaryText: qsTr("Bỏ qua và kết thúc")
    primaryName: "skipRatingButton"
    onPrimary: vm.finish()

    Flow {
        Layout.fillWidth: true
        spacing: Theme.gap * 2
        Repeater {
            model: [
                { score: 5, face: "★★★★★", label: qsTr("Rất hài lòng") },
                { score: 4, face: "★★★★", label: qsTr("Hài lòng") },
                { score: 3, face: "★★★", label: qsTr("Bình thường") },
                { score: 2, face: "★★", label: qsTr("Không hài lòng") },
                { score: 1, face: "★", label: qsTr("Rất không hài lòng") }
            ]
            BigButton {
                objectName: "rate_" + modelData.score
                text: modelData.face + "\n" + modelData.label
                implicitWidth: Theme.mm(62)
                implicitHeight: Theme.mm(38)
                onClicked: vm.rate(modelData.score)
            }
        }
    }
}
