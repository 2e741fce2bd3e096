// Agent point: the papers checked with the citizen against the published list (Decision 45/2016)
// before any is scanned. Each paper: handed over (with how many originals and copies, big − and +)
// or, for a required one, confirmed missing, which stops the case: it cannot be submitted.
// Then how the paper travels: kept here, or sealed and sent to the agency by post.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property bool anyMissing: vm.checklist.some(function(row) { return row.missing })

    title: qsTr("Kiểm tra giấy tờ với người dân")
    subtitle: qsTr("Đối chiếu từng giấy tờ theo danh mục của thủ tục: đánh dấu đã nhận, số bản chính và bản sao.")
    primaryText: qsTr("Tiếp tục ›")
    onPrimary: vm.checklistDone()

    // A − or + and the count between them, each big enough for a thumb.
    component Counter: RowLayout {
        id: counter
        property string code
        property string kind
        property string label
        property int count
        spacing: Theme.mm(1.5)
        Text {
            text: counter.label
            font.pixelSize: Theme.smallSize
            color: Theme.text
            Layout.preferredWidth: implicitWidth
        }
        BigButton {
            objectName: counter.kind + "_minus_" + counter.code
            text: "−"
            implicitWidth: Theme.primaryHeight * 1.3
            implicitHeight: Theme.primaryHeight
            font.pixelSize: Theme.titleSize
            enabled: counter.count > 0
            Accessible.name: qsTr("Bớt một %1").arg(counter.label)
            onClicked: vm.countDocument(counter.code, counter.kind, -1)
        }
        Text {
            objectName: counter.kind + "_" + counter.code
            text: counter.count
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            Layout.preferredWidth: Theme.mm(12)
        }
        BigButton {
            objectName: counter.kind + "_plus_" + counter.code
            text: "+"
            implicitWidth: Theme.primaryHeight * 1.3
            implicitHeight: Theme.primaryHeight
            font.pixelSize: Theme.titleSize
            Accessible.name: qsTr("Thêm một %1").arg(counter.label)
            onClicked: vm.countDocument(counter.code, counter.kind, 1)
        }
    }

    // -- a required paper is missing: what the agent can do ------------------------------------
    Notice {
        objectName: "missingNotice"
        // Once "Tiếp tục" has said it at the top of the page, not twice.
        visible: page.anyMissing && vm.messageField !== "missing"
        text: qsTr("Thiếu giấy tờ bắt buộc thì hồ sơ chưa nộp được. In phiếu hướng dẫn để người dân mang đủ giấy tờ lần sau.")
    }
    RowLayout {
        visible: page.anyMissing
        spacing: Theme.gap * 2
        BigButton {
            objectName: "printGuideButton"
            text: vm.sidePrinting ? qsTr("Đang in…") : qsTr("In phiếu hướng dẫn")
            enabled: !vm.sidePrinting
            onClicked: vm.printGuide()
        }
        BigButton {
            objectName: "endCaseButton"
            text: qsTr("Kết thúc hồ sơ")
            onClicked: vm.finish()
        }
    }
    Text {
        objectName: "sideNote"
        visible: vm.sideNote.length > 0
        text: vm.sideNote
        font.pixelSize: Theme.bodySize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Repeater {
        model: vm.checklist
        Rectangle {
            id: card
            property var doc: modelData
            Layout.fillWidth: true
            implicitHeight: cardBody.implicitHeight + Theme.gap * 2
            radius: Theme.radius
            color: doc.missing ? Theme.errorSurface : doc.handed ? Theme.successSurface : Theme.surface
            border.color: vm.messageField === doc.code || doc.missing ? Theme.error : Theme.text
            border.width: Theme.borderWidth
            ColumnLayout {
                id: cardBody
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                spacing: Theme.mm(1.5)
                Text {
                    text: doc.name + (doc.required ? qsTr(" (bắt buộc)") : qsTr(" (nếu có)"))
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    visible: doc.note.length > 0
                    text: doc.note
                    font.pixelSize: Theme.smallSize
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    text: qsTr("Theo danh mục: %1 bản chính, %2 bản sao").arg(doc.listedOriginals).arg(doc.listedCopies)
                    font.pixelSize: Theme.smallSize
                    color: Theme.muted
                    Layout.fillWidth: true
                }
                Text {
                    objectName: "paperState_" + doc.code
                    // In words and with a mark, not by colour alone.
                    text: doc.missing ? qsTr("✗ Thiếu — hồ sơ chưa nộp được")
                        : doc.handed ? qsTr("✓ Đã nhận") : qsTr("Chưa đánh dấu")
                    font.pixelSize: Theme.smallSize
                    font.bold: doc.missing || doc.handed
                    color: doc.missing ? Theme.error : doc.handed ? Theme.success : Theme.muted
                    Layout.fillWidth: true
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.gap * 2
                    BigButton {
                        objectName: "handed_" + doc.code
                        implicitHeight: Theme.primaryHeight
                        text: qsTr("Đã nhận")
                        selected: doc.handed
                        onClicked: vm.tickDocument(doc.code, !doc.handed)
                    }
                    Counter { code: doc.code; kind: "originals"; label: qsTr("Bản chính"); count: doc.originals }
                    Counter { code: doc.code; kind: "copies"; label: qsTr("Bản sao"); count: doc.copies }
                    BigButton {
                        objectName: "missing_" + doc.code
                        implicitHeight: Theme.primaryHeight
                        visible: doc.required
                        text: qsTr("Thiếu")
                        selected: doc.missing
                        onClicked: vm.markMissing(doc.code, !doc.missing)
                    }
                }
            }
        }
    }

    // -- how the paper reaches the agency --------------------------------------------------------
    ChoiceRow {
        visible: vm.postalOffered
        key: "postal"
        label: qsTr("Hồ sơ giấy")
        choices: [{ value: "no", label: qsTr("Không gửi qua bưu điện") },
                  { value: "yes", label: qsTr("Gửi hồ sơ giấy qua bưu điện") }]
        value: vm.postal ? "yes" : "no"
        error: vm.messageField === "postal" ? vm.message : ""
        onChosen: (v) => vm.setPostal(v === "yes")
    }
    Text {
        visible: vm.postalOffered && vm.postal
        text: qsTr("Sau khi nộp, cho giấy tờ vào phong bì, niêm phong trước mặt người dân và nhập số hiệu bưu gửi.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
