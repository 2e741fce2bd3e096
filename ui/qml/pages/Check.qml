// Check answers before sending (WCAG 3.3.4): every answer, with "Sửa" where it can be changed.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Kiểm tra lại trước khi nộp")
    subtitle: qsTr("Nếu có thông tin chưa đúng, bấm “Sửa” ở dòng đó.")
    primaryText: qsTr("Thông tin đã đúng ›")
    onPrimary: vm.confirmCheck()

    // The chip's photo stays hidden at the kiosk (anyone behind her sees the screen) until she
    // asks to see it, and hides again with one more tap or when she leaves this page.
    RowLayout {
        visible: vm.faceAvailable
        spacing: Theme.gap * 2
        Layout.fillWidth: true
        Text {
            text: qsTr("Ảnh trong chip thẻ căn cước")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        BigButton {
            objectName: "faceButton"
            text: vm.faceShown ? qsTr("Ẩn ảnh") : qsTr("Xem ảnh")
            onClicked: vm.showFace(!vm.faceShown)
        }
    }
    Image {
        objectName: "facePhoto"
        visible: vm.faceShown
        source: vm.faceUrl
        cache: false
        fillMode: Image.PreserveAspectFit
        Layout.preferredWidth: Theme.mm(45)
        Layout.preferredHeight: Theme.mm(60)
    }

    Repeater {
        model: vm.checkRows
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.mm(1)
            Text {
                visible: index === 0 || vm.checkRows[index - 1].section !== modelData.section
                text: modelData.section
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.heading
                Layout.topMargin: index === 0 ? 0 : Theme.gap
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: Math.max(Theme.targetHeight, rowLayout.implicitHeight + Theme.gap)
                color: index % 2 ? Theme.background : Theme.surface
                RowLayout {
                    id: rowLayout
                    anchors.fill: parent
                    anchors.leftMargin: Theme.gap
                    spacing: Theme.gap
                    Text {
                        text: modelData.label
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        Layout.preferredWidth: parent.width * 0.33
                    }
                    Text {
                        text: modelData.value
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    BigButton {
                        objectName: "edit_" + index
                        visible: modelData.edit.length > 0
                        text: qsTr("Sửa")
                        implicitWidth: Theme.mm(30)
                        onClicked: modelData.field ? vm.editField(modelData.field) : vm.edit(modelData.edit)
                    }
                }
            }
        }
    }
}
