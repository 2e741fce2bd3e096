// The documents the procedure asks for, one by one: lay the paper under the camera, tap, check.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Chụp giấy tờ")
    subtitle: qsTr("Đặt từng tờ giấy lên mặt bàn dưới máy ảnh, rồi bấm “Chụp trang”. Mỗi giấy tờ có thể có nhiều trang.")
    primaryText: qsTr("Tiếp tục ›")
    onPrimary: vm.documentsDone()

    Repeater {
        model: vm.documents
        Rectangle {
            id: card
            property var doc: modelData
            Layout.fillWidth: true
            implicitHeight: cardBody.implicitHeight + Theme.gap * 2
            radius: Theme.radius
            color: Theme.surface
            border.color: vm.messageField === doc.code ? Theme.error : Theme.text
            border.width: Theme.borderWidth
            ColumnLayout {
                id: cardBody
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                spacing: Theme.gap
                Text {
                    text: (doc.required ? "" : qsTr("(Nếu có) ")) + doc.name
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    text: qsTr("Bản chính: %1 · Bản sao: %2 · Đã chụp: %3 trang").arg(doc.originals).arg(doc.copies).arg(doc.pages.length)
                    font.pixelSize: Theme.smallSize
                    color: Theme.muted
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    Repeater {
                        model: doc.pages
                        Column {
                            spacing: Theme.mm(1)
                            Image {
                                source: modelData
                                width: Theme.mm(36)
                                height: Theme.mm(48)
                                fillMode: Image.PreserveAspectFit
                                cache: false
                            }
                            BigButton {
                                objectName: "removePage_" + card.doc.code + "_" + index
                                text: qsTr("Xóa trang %1").arg(index + 1)
                                implicitWidth: Theme.mm(36)
                                font.pixelSize: Theme.smallSize
                                onClicked: vm.removePage(card.doc.code, index)
                            }
                        }
                    }
                    BigButton {
                        objectName: "capture_" + card.doc.code
                        text: vm.busy ? qsTr("Đang chụp…") : qsTr("Chụp trang")
                        enabled: !vm.busy
                        onClicked: vm.capture(card.doc.code)
                    }
                }
            }
        }
    }
}
