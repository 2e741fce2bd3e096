// The documents the procedure asks for, one thing per screen: the list of papers → the live camera
// for one paper (it takes the page by itself when the paper lies still; "Chụp ngay" if it will
// not) → that paper's pages, to check, reorder, retake or delete → back to the list. At the agent
// point each capture first shows the corner editor.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property var scan: vm.scan
    readonly property string step: scan.state

    title: step === "camera"
           ? (scan.retakeNumber > 0 ? qsTr("Chụp lại trang %1: %2").arg(scan.retakeNumber).arg(scan.documentName)
                                    : qsTr("Chụp: %1").arg(scan.documentName))
           : step === "corners" ? qsTr("Chỉnh bốn góc tờ giấy")
           : step === "review" ? qsTr("Xem lại: %1").arg(scan.documentName)
           : qsTr("Chụp giấy tờ")
    subtitle: step === "camera"
              ? (scan.agentMode ? qsTr("Đặt tờ giấy dưới máy ảnh. Máy tự chụp khi tờ giấy nằm yên, hoặc bấm “Chụp”.")
                                : qsTr("Đặt tờ giấy lên mặt bàn dưới máy ảnh, mặt có chữ hướng lên. Máy sẽ tự chụp khi tờ giấy nằm yên."))
              : step === "corners" ? qsTr("Kéo bốn chấm tròn vào đúng bốn góc tờ giấy (hoặc chạm vào chỗ góc đúng), rồi bấm “Dùng ảnh này”.")
              : step === "review" ? qsTr("Xem lại từng trang. Nếu ảnh mờ hoặc thiếu chữ, bấm “Chụp lại”.")
              : qsTr("Chọn từng giấy tờ để chụp. Máy ảnh tự chụp khi tờ giấy nằm yên.")
    messageText: scan.message.length > 0 ? scan.message : vm.message
    scrollable: step === "list" || step === "review"
    backAction: step === "list" ? null : function() { scan.back() }
    primaryText: step === "camera" ? (scan.agentMode ? qsTr("Chụp") : qsTr("Chụp ngay"))
                 : step === "corners" ? qsTr("Dùng ảnh này ›")
                 : step === "review" ? qsTr("Xong giấy tờ này ›")
                 : qsTr("Tiếp tục ›")
    primaryName: step === "camera" ? "captureNowButton"
                 : step === "corners" ? "acceptCornersButton"
                 : step === "review" ? "documentDoneButton"
                 : "primaryButton"
    primaryEnabled: !scan.busy && !(step === "camera" && scan.capturing)
    onPrimary: {
        if (step === "camera")
            scan.captureNow()
        else if (step === "corners")
            scan.acceptCorners(editor.item.normalised())
        else if (step === "review")
            scan.showList()
        else
            vm.documentsDone()
    }

    // -- the list of papers ------------------------------------------------------------------------
    Repeater {
        model: page.step === "list" ? vm.documents : []
        Rectangle {
            id: card
            property var doc: modelData
            readonly property bool taken: doc.pages.length > 0
            Layout.fillWidth: true
            implicitHeight: cardBody.implicitHeight + Theme.gap * 2
            radius: Theme.radius
            color: Theme.surface
            border.color: vm.messageField === doc.code ? Theme.error : Theme.text
            border.width: Theme.borderWidth
            RowLayout {
                id: cardBody
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                spacing: Theme.gap
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.mm(1.5)
                    Text {
                        text: (doc.required ? "" : qsTr("(Nếu có) ")) + doc.name
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        text: qsTr("Bản chính: %1 · Bản sao: %2").arg(doc.originals).arg(doc.copies)
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        objectName: "pagesTaken_" + doc.code
                        // In words and with a mark, not by colour alone.
                        text: card.taken ? qsTr("✓ Đã chụp %1 trang").arg(doc.pages.length) : qsTr("Chưa chụp")
                        font.pixelSize: Theme.smallSize
                        font.bold: card.taken
                        color: card.taken ? Theme.success : Theme.muted
                        Layout.fillWidth: true
                    }
                }
                Image {
                    visible: card.taken
                    source: card.taken ? doc.pages[0] : ""
                    Layout.preferredWidth: Theme.mm(24)
                    Layout.preferredHeight: Theme.mm(34)
                    fillMode: Image.PreserveAspectFit
                    cache: false
                }
                BigButton {
                    objectName: (card.taken ? "review_" : "capture_") + doc.code
                    text: card.taken ? qsTr("Xem lại") : qsTr("Chụp")
                    primary: !card.taken && doc.required
                    onClicked: card.taken ? page.scan.reviewDocument(doc.code) : page.scan.openDocument(doc.code)
                }
            }
        }
    }

    // -- the live camera ---------------------------------------------------------------------------
    LiveView {
        objectName: "liveView"
        visible: page.step === "camera"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(Theme.mm(60), page.bodyHeight - takenLine.implicitHeight - Theme.gap * 1.5)
        source: visible ? page.scan.frameUrl : ""
        outline: page.scan.outline
        message: page.scan.liveMessage
        ready: page.scan.ready
    }
    Text {
        id: takenLine
        visible: page.step === "camera"
        text: page.scan.pageCount > 0 ? qsTr("Đã chụp %1 trang của giấy tờ này.").arg(page.scan.pageCount)
                                      : qsTr("Chưa chụp trang nào của giấy tờ này.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        Layout.fillWidth: true
    }

    // -- the agent's corner editor -----------------------------------------------------------------
    Loader {
        id: editor
        objectName: "cornerEditor"
        // A fresh editor for each capture: its handles start on the corners found.
        active: page.step === "corners"
        visible: active
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(Theme.mm(60), page.bodyHeight - cornerRow.implicitHeight - Theme.gap * 1.5)
        sourceComponent: CornerEditor {
            source: page.scan.editUrl
            corners: page.scan.editCorners
        }
    }
    RowLayout {
        id: cornerRow
        visible: page.step === "corners"
        Layout.fillWidth: true
        spacing: Theme.gap
        Text {
            text: page.scan.editNote.length > 0 ? "⚠ " + page.scan.editNote : qsTr("✓ Ảnh đạt yêu cầu.")
            font.pixelSize: Theme.smallSize
            font.bold: true
            color: page.scan.editNote.length > 0 ? Theme.error : Theme.success
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        BigButton {
            objectName: "retakeCornersButton"
            text: qsTr("Chụp lại")
            onClicked: page.scan.retakeCorners()
        }
    }

    // -- the pages of one paper --------------------------------------------------------------------
    Flow {
        visible: page.step === "review"
        Layout.fillWidth: true
        spacing: Theme.gap
        Repeater {
            model: page.step === "review" ? page.scan.pages : []
            PageCard {
                index: model.index
                count: page.scan.pageCount
                source: modelData.url
                note: modelData.note
                onMove: (step) => page.scan.movePage(index, step)
                onRetake: page.scan.retakePage(index)
                onRemove: page.scan.deletePage(index)
            }
        }
    }
    Text {
        visible: page.step === "review" && page.scan.pageCount === 0
        text: qsTr("Giấy tờ này chưa có trang nào.")
        font.pixelSize: Theme.bodySize
        color: Theme.text
        Layout.fillWidth: true
    }
    BigButton {
        objectName: "addPageButton"
        visible: page.step === "review"
        text: qsTr("+ Chụp thêm trang")
        onClicked: page.scan.addPage()
    }
}
