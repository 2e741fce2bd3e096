// Agent point: the office's dossiers under four filters (today, waiting to be sent, needing a
// person, late), "Gửi lại" for one that needs attention and, for a supervisor, "Hủy hồ sơ" with a
// reason chosen from a list. Late is said in words, not colour.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property var list: agent.dossiers
    // The dossier a supervisor is giving up, while the reason is chosen; "" otherwise.
    property string rejecting: ""
    property string rejectingReference: ""
    property string rejectReason: ""
    title: qsTr("Danh sách hồ sơ")
    subtitle: list.busy ? qsTr("Đang tải…") : qsTr("%1 hồ sơ").arg(list.rows.length)
    showBack: true
    showHelp: false
    backAction: function() { agent.goHome() }
    messageText: list.messageGood ? "" : list.message

    RowLayout {
        spacing: Theme.gap
        Repeater {
            model: [
                { view: "today", label: qsTr("Hôm nay") },
                { view: "waiting", label: qsTr("Chờ gửi") },
                { view: "attention", label: qsTr("Cần xử lý") },
                { view: "late", label: qsTr("Quá hạn") }
            ]
            BigButton {
                objectName: "filter_" + modelData.view
                text: modelData.label
                selected: page.list.view === modelData.view
                onClicked: page.list.show(modelData.view)
            }
        }
    }
    Notice {
        objectName: "dossiersNote"
        visible: page.list.messageGood && text.length > 0
        good: true
        text: page.list.message
        Layout.fillWidth: true
    }
    Text {
        objectName: "noRetryNote"
        visible: page.list.view === "attention" && !page.list.canRetry
        text: qsTr("Chỉ cán bộ tiếp nhận hoặc người quản lý được gửi lại hồ sơ cần xử lý.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Rectangle {
        objectName: "rejectPanel"
        visible: page.rejecting.length > 0
        Layout.fillWidth: true
        implicitHeight: rejectBox.implicitHeight + Theme.gap * 2
        color: Theme.surface
        border.color: Theme.error
        border.width: Theme.borderWidth
        radius: Theme.radius
        ColumnLayout {
            id: rejectBox
            anchors.fill: parent
            anchors.margins: Theme.gap
            spacing: Theme.gap
            ChoiceRow {
                key: "rejectReason"
                label: qsTr("Hủy hồ sơ %1: hồ sơ sẽ không được gửi nữa. Lý do:").arg(page.rejectingReference)
                choices: page.list.rejectReasons
                value: page.rejectReason
                onChosen: function(value) { page.rejectReason = value }
            }
            RowLayout {
                spacing: Theme.gap * 2
                BigButton {
                    objectName: "rejectConfirm"
                    text: qsTr("Xác nhận hủy hồ sơ")
                    primary: true
                    enabled: page.rejectReason.length > 0 && !page.list.busy
                    onClicked: {
                        page.list.reject(page.rejecting, page.rejectReason)
                        page.rejecting = ""
                    }
                }
                BigButton {
                    objectName: "rejectCancel"
                    text: qsTr("Không hủy")
                    onClicked: page.rejecting = ""
                }
            }
        }
    }
    Text {
        objectName: "noDossiers"
        visible: !page.list.busy && page.list.rows.length === 0
        text: qsTr("Không có hồ sơ nào trong mục này.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
    }
    Repeater {
        model: page.list.rows.length > 0
               ? [{ reference: qsTr("Mã hồ sơ"), procedure: qsTr("Thủ tục"), applicant: qsTr("Người nộp"),
                    stateText: qsTr("Trạng thái"), status: qsTr("Trên cổng"), appointment: qsTr("Hẹn trả"),
                    lateText: "", head: true }].concat(page.list.rows)
               : []
        Rectangle {
            objectName: modelData.head ? "dossierHead" : "dossierRow_" + modelData.reference
            Layout.fillWidth: true
            implicitHeight: cells.implicitHeight + Theme.gap
            color: modelData.head ? Theme.pressed : (index % 2 ? Theme.background : Theme.surface)
            RowLayout {
                id: cells
                anchors.fill: parent
                anchors.leftMargin: Theme.gap
                anchors.rightMargin: Theme.gap
                spacing: Theme.gap * 2
                Text { text: modelData.reference; font.pixelSize: Theme.smallSize; font.bold: true
                       color: Theme.text; Layout.preferredWidth: Theme.mm(62) }
                Text { text: modelData.procedure; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                Text { text: modelData.applicant; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(50) }
                Text { objectName: modelData.head ? "" : "dossierState_" + modelData.reference
                       text: modelData.stateText + (modelData.reason ? "\n" + modelData.reason : "")
                       font.pixelSize: Theme.smallSize; font.bold: true; color: Theme.text
                       wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(45) }
                Text { text: modelData.status; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(45) }
                Text { objectName: modelData.head ? "" : "dossierAppointment_" + modelData.reference
                       // The word, not only the colour, says it is late.
                       text: modelData.appointment + (modelData.lateText ? "\n⚠ " + modelData.lateText : "")
                       font.pixelSize: Theme.smallSize; font.bold: !!modelData.head || !!modelData.lateText
                       color: modelData.lateText ? Theme.error : Theme.text
                       Layout.preferredWidth: Theme.mm(32) }
                ColumnLayout {
                    Layout.preferredWidth: Theme.mm(38)
                    spacing: Theme.gap / 2
                    BigButton {
                        objectName: "retry_" + modelData.reference
                        visible: !modelData.head && !!modelData.retriable && page.list.canRetry
                        enabled: !page.list.busy
                        text: qsTr("Gửi lại")
                        Layout.fillWidth: true
                        onClicked: page.list.retry(modelData.clientId)
                    }
                    BigButton {
                        objectName: "reject_" + modelData.reference
                        visible: !modelData.head && !!modelData.retriable && page.list.canReject
                        enabled: !page.list.busy
                        text: qsTr("Hủy hồ sơ")
                        Layout.fillWidth: true
                        onClicked: {
                            page.rejectReason = ""
                            page.rejectingReference = modelData.reference
                            page.rejecting = modelData.clientId
                        }
                    }
                }
            }
        }
    }
}
