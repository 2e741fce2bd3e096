// Which procedure? Search by any words, with or without accents; the most used come first.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import "../components"

PageFrame {
    title: qsTr("Bạn muốn làm thủ tục gì?")
    subtitle: vm.searchText.length > 0 ? "" : qsTr("Các thủ tục được làm nhiều nhất. Hoặc gõ tên thủ tục, có dấu hay không dấu đều được.")

    Field {
        key: "search"
        label: qsTr("Tìm thủ tục")
        text: vm.searchText
        onEdited: (v) => vm.setSearch(v)
    }
    Text {
        visible: vm.procedures.length === 0
        text: qsTr("Không tìm thấy thủ tục nào. Hãy thử gõ ngắn hơn, ví dụ “khai sinh”, hoặc bấm “Gọi nhân viên hỗ trợ”.")
        font.pixelSize: Theme.bodySize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Repeater {
        model: vm.procedures
        // The procedure to choose, and beside it, apart, what to bring and do for it.
        RowLayout {
            spacing: Theme.gap
            Layout.fillWidth: true
            Button {
                id: row
                objectName: "procedure_" + modelData.code
                Layout.fillWidth: true
                implicitHeight: Math.max(Theme.primaryHeight, rowText.implicitHeight + Theme.gap * 2)
                onClicked: vm.chooseProcedure(modelData.code)
                background: Rectangle {
                    radius: Theme.radius
                    color: row.down ? Theme.pressed : Theme.surface
                    border.color: Theme.text
                    border.width: Theme.borderWidth
                }
                contentItem: ColumnLayout {
                    id: rowText
                    spacing: Theme.mm(1)
                    Text {
                        text: modelData.name
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.gap
                    }
                    Text {
                        text: qsTr("Lệ phí: %1 · %2 · Mã %3").arg(modelData.fee)
                              .arg(modelData.days === 0 ? qsTr("Trả kết quả trong ngày")
                                   : modelData.days > 0 ? qsTr("%1 ngày làm việc").arg(modelData.days) : "")
                              .arg(modelData.code)
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.gap
                    }
                }
            }
            BigButton {
                objectName: "guide_" + modelData.code
                text: qsTr("Xem hướng dẫn")
                // On one line beside the procedure: as wide as its words.
                Layout.preferredWidth: implicitWidth
                Layout.fillHeight: true
                onClicked: guides.open(modelData.code)
            }
        }
    }
}
