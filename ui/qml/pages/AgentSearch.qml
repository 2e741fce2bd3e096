// Agent point: find a citizen's earlier dossiers by ID number or dossier code; from one result,
// print its receipt again (marked BẢN IN LẠI) or record the withdrawal of a consent.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property var search: agent.search
    readonly property var chosen: search.selected
    readonly property bool showingResult: chosen.clientId !== undefined
    // The purpose whose withdrawal waits for the agent's confirmation; "" otherwise.
    property string confirming: ""

    title: showingResult ? qsTr("Hồ sơ %1").arg(chosen.reference) : qsTr("Tìm hồ sơ của công dân")
    subtitle: showingResult ? chosen.procedure
              : search.canSearchById ? qsTr("Nhập số định danh cá nhân (số CCCD, 12 chữ số) hoặc mã hồ sơ trên biên nhận.")
              : qsTr("Nhập mã hồ sơ trên biên nhận của công dân.")
    showBack: true
    showHelp: false
    backAction: function() {
        if (page.showingResult) { page.confirming = ""; page.search.closeResult() }
        else agent.goHome()
    }
    primaryText: showingResult ? qsTr("In lại biên nhận") : qsTr("Tìm")
    primaryName: showingResult ? "reprintButton" : "searchGo"
    primaryEnabled: !search.busy && !search.printing && !(showingResult && chosen.purged)
    messageText: search.messageGood ? "" : search.message
    onPrimary: showingResult ? search.reprint() : search.search(query.text)

    Notice {
        objectName: "searchNote"
        visible: page.search.messageGood && text.length > 0
        good: true
        text: page.search.message
        Layout.fillWidth: true
    }

    // -- the search and its results --
    Field {
        id: query
        visible: !page.showingResult
        key: "searchText"
        label: page.search.canSearchById ? qsTr("Số định danh cá nhân hoặc mã hồ sơ") : qsTr("Mã hồ sơ")
        help: page.search.canSearchById ? qsTr("Số định danh chỉ gồm chữ số; mã hồ sơ như H01.99-260212-0004 hoặc TN-1A2B3C4D.")
                                        : qsTr("Ví dụ: H01.99-260212-0004 hoặc TN-1A2B3C4D.")
    }
    Text {
        visible: !page.showingResult && page.search.busy
        text: qsTr("Đang tìm…")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
    }
    Repeater {
        model: !page.showingResult && page.search.rows.length > 0
               ? [{ reference: qsTr("Mã hồ sơ"), procedure: qsTr("Thủ tục"), date: qsTr("Ngày nộp"),
                    stateText: qsTr("Trạng thái"), status: qsTr("Trên cổng"), appointment: qsTr("Hẹn trả"),
                    applicant: qsTr("Người nộp"), head: true }].concat(page.search.rows)
               : []
        Rectangle {
            objectName: modelData.head ? "resultHead" : "resultRow_" + modelData.reference
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
                       color: Theme.text; Layout.preferredWidth: Theme.mm(72) }
                Text { text: modelData.procedure; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                Text { text: modelData.date; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; Layout.preferredWidth: Theme.mm(28) }
                Text { text: modelData.applicant; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(45) }
                Text { text: modelData.stateText; font.pixelSize: Theme.smallSize; font.bold: true
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(40) }
                Text { text: modelData.status; font.pixelSize: Theme.smallSize; font.bold: !!modelData.head
                       color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: Theme.mm(40) }
                Text { text: modelData.appointment + (modelData.lateText ? "\n⚠ " + modelData.lateText : "")
                       font.pixelSize: Theme.smallSize; font.bold: !!modelData.head || !!modelData.lateText
                       color: modelData.lateText ? Theme.error : Theme.text; Layout.preferredWidth: Theme.mm(30) }
                Item {
                    Layout.preferredWidth: Theme.mm(30)
                    implicitHeight: openButton.visible ? openButton.implicitHeight : 0
                    BigButton {
                        id: openButton
                        objectName: "open_" + modelData.reference
                        visible: !modelData.head
                        text: qsTr("Xem")
                        width: parent.width
                        onClicked: { page.confirming = ""; page.search.open(modelData.clientId) }
                    }
                }
            }
        }
    }

    // -- one result --
    ColumnLayout {
        visible: page.showingResult
        spacing: Theme.gap / 2
        Layout.fillWidth: true
        Repeater {
            model: page.showingResult ? [
                { key: "date", label: qsTr("Ngày nộp"), value: page.chosen.date },
                { key: "applicant", label: qsTr("Người nộp"), value: page.chosen.applicant },
                { key: "state", label: qsTr("Trạng thái"), value: page.chosen.stateText },
                { key: "status", label: qsTr("Trên cổng"), value: page.chosen.status || "—" },
                { key: "appointment", label: qsTr("Hẹn trả"),
                  value: page.chosen.appointment + (page.chosen.lateText ? " — " + page.chosen.lateText : "") }
            ] : []
            Text {
                objectName: "detail_" + modelData.key
                text: modelData.label + ": " + modelData.value
                font.pixelSize: Theme.bodySize
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
    Notice {
        objectName: "purgedNote"
        visible: page.showingResult && !!page.chosen.purged
        good: false
        text: qsTr("Thông tin cá nhân của hồ sơ này đã được xóa theo thời hạn lưu (Nghị định 13/2023), nên không in lại biên nhận được.")
        Layout.fillWidth: true
    }
    Text {
        visible: page.showingResult
        text: qsTr("Sự đồng ý của công dân")
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.text
        Layout.topMargin: Theme.gap
    }
    Text {
        visible: page.showingResult && page.search.consents.length === 0
        text: qsTr("Không có sự đồng ý nào được ghi nhận cho hồ sơ này.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
    }
    Text {
        objectName: "noWithdrawNote"
        visible: page.showingResult && !page.search.canWithdraw && page.search.consents.length > 0
        text: qsTr("Chỉ cán bộ tiếp nhận hoặc người quản lý được ghi nhận việc rút lại đồng ý.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Repeater {
        model: page.showingResult ? page.search.consents : []
        Rectangle {
            objectName: "consent_" + modelData.purpose
            Layout.fillWidth: true
            implicitHeight: consentBox.implicitHeight + Theme.gap * 2
            color: Theme.surface
            border.color: Theme.muted
            border.width: 1
            radius: Theme.radius
            ColumnLayout {
                id: consentBox
                anchors.fill: parent
                anchors.margins: Theme.gap
                spacing: Theme.gap / 2
                Text {
                    text: modelData.label
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    objectName: "consentState_" + modelData.purpose
                    // Said in words: given, refused, or withdrawn and by whom.
                    text: modelData.withdrawn
                          ? qsTr("Đã rút lại lúc %1 (cán bộ %2)").arg(modelData.withdrawn).arg(modelData.withdrawnBy)
                          : modelData.granted ? qsTr("✓ Đồng ý lúc %1 (%2)").arg(modelData.given).arg(modelData.method)
                          : qsTr("Không đồng ý (%1)").arg(modelData.given)
                    font.pixelSize: Theme.smallSize
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    // Withdrawing is for what comes next (Decree 13/2023); it does not recall a dossier.
                    visible: modelData.purpose === "transmit" && modelData.inForce && page.chosen.state === "accepted"
                    text: qsTr("Hồ sơ đã đến cơ quan: rút lại đồng ý không rút được hồ sơ đã gửi. Muốn rút hồ sơ, công dân liên hệ cơ quan giải quyết.")
                    font.pixelSize: Theme.smallSize
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    visible: modelData.inForce && page.search.canWithdraw
                    spacing: Theme.gap * 2
                    BigButton {
                        objectName: "withdraw_" + modelData.purpose
                        visible: page.confirming !== modelData.purpose
                        text: qsTr("Rút lại đồng ý")
                        enabled: !page.search.busy
                        onClicked: page.confirming = modelData.purpose
                    }
                    BigButton {
                        objectName: "withdrawConfirm_" + modelData.purpose
                        visible: page.confirming === modelData.purpose
                        text: qsTr("Xác nhận công dân rút lại")
                        primary: true
                        enabled: !page.search.busy
                        onClicked: { page.search.withdraw(modelData.purpose); page.confirming = "" }
                    }
                    BigButton {
                        objectName: "withdrawCancel_" + modelData.purpose
                        visible: page.confirming === modelData.purpose
                        text: qsTr("Không")
                        onClicked: page.confirming = ""
                    }
                }
            }
        }
    }
}
