// The fee step. The state fee (lệ phí) goes to the agency; an agent point's service charge (phí
// dịch vụ) is its own, shown and settled apart. At the kiosk the citizen picks a transfer by QR or
// paying at the desk; at the agent point the agent records how each charge was paid. The QR comes
// with everything needed to type the transfer by hand. Nothing here says the money arrived: no
// bank tells this machine.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property bool agentMode: vm.mode === "agent"
    readonly property bool qrShown: vm.fee.showing.length > 0
    readonly property var stateFee: vm.fee.lines.length > 0 ? vm.fee.lines[0] : ({})

    title: qrShown ? qsTr("Chuyển khoản bằng mã QR")
           : agentMode ? qsTr("Lệ phí và phí dịch vụ") : qsTr("Lệ phí")
    subtitle: qrShown || agentMode ? "" : qsTr("Thủ tục: %1").arg(vm.procedure.name || "")
    // "Nghe lại" says the amount too, in words ("mười lăm nghìn đồng": ui/voice_model.py).
    spoken: qrShown || agentMode ? [title, subtitle] : [title, subtitle, stateFee.amount || ""]
    // After submission there is no way back into the dossier; from the QR, back to the choice.
    showBack: qrShown
    backAction: function() { vm.fee.hideQr() }
    primaryName: qrShown ? "confirmTransferButton" : "primaryButton"
    primaryText: qrShown ? (agentMode ? qsTr("Đã thấy chuyển khoản thành công ›") : qsTr("In phiếu hẹn ›"))
                 : (agentMode || stateFee.indicative) ? qsTr("Tiếp tục ›") : ""
    primaryEnabled: !vm.fee.asking && (!qrShown || vm.fee.qrUrl.length > 0)
    onPrimary: {
        if (qrShown)
            vm.fee.confirmTransfer()
        else if (agentMode)
            vm.feeDone()
        else
            vm.fee.choose("state_fee", "at_counter_later")
    }

    // -- the kiosk: the state fee, and how the citizen wants to pay it ------------------------------
    ColumnLayout {
        visible: !page.agentMode && !page.qrShown
        spacing: Theme.gap
        Layout.fillWidth: true
        Text {
            text: qsTr("Lệ phí nộp cho cơ quan nhà nước")
            font.pixelSize: Theme.bodySize
            color: Theme.muted
        }
        Text {
            objectName: "feeAmount"
            text: page.stateFee.amount || ""
            font.pixelSize: Theme.heroSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            visible: !!page.stateFee.indicative
            text: qsTr("Lệ phí này do tỉnh quy định. Cán bộ sẽ báo số tiền, và bạn nộp tại quầy khi nhận kết quả.")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            visible: !page.stateFee.indicative
            text: qsTr("Bạn muốn nộp lệ phí bằng cách nào?")
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        BigButton {
            objectName: "payByQrButton"
            visible: !page.stateFee.indicative && !!page.stateFee.canTransfer
            primary: true
            text: qsTr("Chuyển khoản bằng mã QR")
            Layout.fillWidth: true
            minimumHeight: Theme.primaryHeight * 1.2
            onClicked: vm.fee.choose("state_fee", "vietqr")
        }
        BigButton {
            objectName: "payAtCounterButton"
            visible: !page.stateFee.indicative
            text: qsTr("Nộp tại quầy khi nhận kết quả")
            Layout.fillWidth: true
            minimumHeight: Theme.primaryHeight * 1.2
            onClicked: vm.fee.choose("state_fee", "at_counter_later")
        }
    }

    // -- the agent point: each charge on its own, with how it was paid ------------------------------
    Repeater {
        model: page.agentMode && !page.qrShown ? vm.fee.lines : []
        Rectangle {
            id: line
            Layout.fillWidth: true
            implicitHeight: lineBody.implicitHeight + Theme.gap * 2
            radius: Theme.radius
            color: Theme.surface
            border.color: vm.messageField === modelData.kind ? Theme.error : Theme.text
            border.width: Theme.borderWidth
            ColumnLayout {
                id: lineBody
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                spacing: Theme.gap
                RowLayout {
                    spacing: Theme.gap
                    Layout.fillWidth: true
                    Text {
                        text: modelData.label
                        font.pixelSize: Theme.titleSize
                        font.bold: true
                        color: Theme.text
                    }
                    Text {
                        text: "(" + modelData.note + ")"
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        objectName: "feeAmount_" + modelData.kind
                        text: modelData.amount
                        font.pixelSize: Theme.titleSize
                        font.bold: true
                        color: Theme.text
                    }
                }
                RowLayout {
                    visible: modelData.indicative
                    spacing: Theme.gap
                    Layout.fillWidth: true
                    Field {
                        id: amountField
                        key: "fee_amount"
                        label: qsTr("Số tiền lệ phí đã xác nhận (đồng)")
                        inputMethodHints: Qt.ImhDigitsOnly
                        error: vm.messageField === "amount" ? vm.message : ""
                    }
                    BigButton {
                        objectName: "confirmAmountButton"
                        text: qsTr("Xác nhận số tiền")
                        Layout.alignment: Qt.AlignBottom
                        onClicked: vm.fee.confirmAmount(amountField.text)
                    }
                }
                Text {
                    objectName: "feeStatus_" + modelData.kind
                    visible: modelData.status.length > 0 || !modelData.due
                    text: modelData.due ? modelData.status : qsTr("Không thu khoản này.")
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Flow {
                    visible: modelData.due
                    spacing: Theme.gap
                    Layout.fillWidth: true
                    BigButton {
                        objectName: "cash_" + modelData.kind
                        visible: modelData.canCash
                        text: qsTr("Thu tiền mặt")
                        selected: modelData.method === "cash"
                        onClicked: vm.fee.choose(modelData.kind, "cash")
                    }
                    BigButton {
                        objectName: "transfer_" + modelData.kind
                        visible: modelData.canTransfer
                        text: qsTr("Chuyển khoản bằng mã QR")
                        selected: modelData.method === "vietqr" || modelData.method === "gateway"
                        onClicked: vm.fee.choose(modelData.kind, vm.fee.remote ? "gateway" : "vietqr")
                    }
                    BigButton {
                        objectName: "later_" + modelData.kind
                        text: qsTr("Nộp khi nhận kết quả")
                        selected: modelData.method === "at_counter_later"
                        onClicked: vm.fee.choose(modelData.kind, "at_counter_later")
                    }
                }
            }
        }
    }
    Text {
        objectName: "noCashNote"
        visible: page.agentMode && !page.qrShown && !vm.fee.cashAllowed
        text: qsTr("Tình nguyện viên không thu tiền mặt: người dân chuyển khoản bằng mã QR, hoặc nộp khi nhận kết quả.")
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    // -- the QR, and the same transfer in words ------------------------------------------------------
    Notice {
        objectName: "trainingAccount"
        visible: page.qrShown && !!vm.fee.shown.training
        text: qsTr("Tài khoản đào tạo — không chuyển tiền thật")
    }
    Text {
        visible: page.qrShown && vm.fee.asking
        text: qsTr("Đang tạo mã thanh toán…")
        font.pixelSize: Theme.bodySize
        color: Theme.text
    }
    GridLayout {
        // The QR beside the transfer in words, or above it on a narrow (portrait) screen, where the
        // words then have the whole width.
        visible: page.qrShown
        columns: width >= Theme.mm(75 + 160) + columnSpacing ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.gap * 2
        Layout.fillWidth: true
        Image {
            objectName: "feeQr"
            source: vm.fee.qrUrl
            Layout.preferredWidth: Theme.mm(75)
            Layout.preferredHeight: Layout.preferredWidth
            Layout.alignment: Qt.AlignTop
            fillMode: Image.PreserveAspectFit
            smooth: false
            cache: false
        }
        ColumnLayout {
            spacing: Theme.gap
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            Repeater {
                // The gateway's QR pays wherever the gateway says: only the amount and purpose are ours.
                model: [
                    { name: "amount", label: qsTr("Số tiền"), value: vm.fee.shown.amount || "", big: true },
                    { name: "bank", label: qsTr("Ngân hàng"), value: vm.fee.shown.bank || "", big: false },
                    { name: "account", label: qsTr("Số tài khoản"), value: vm.fee.shown.accountNumber || "", big: true },
                    { name: "holder", label: qsTr("Chủ tài khoản"), value: vm.fee.shown.accountName || "", big: false },
                    { name: "purpose", label: qsTr("Nội dung chuyển khoản"), value: vm.fee.shown.purpose || "", big: true }
                ]
                ColumnLayout {
                    visible: modelData.value.length > 0
                    spacing: 0
                    Layout.fillWidth: true
                    Text {
                        text: modelData.label
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                    }
                    Text {
                        // An account number or a transfer's words are typed into a bank's app as
                        // they are: kept on one line by a smaller size where one (never under body
                        // text) fits, broken anywhere only when none does.
                        id: payee
                        readonly property int fullSize: modelData.big ? Theme.titleSize : Theme.bodySize
                        objectName: "payee_" + modelData.name
                        text: modelData.value
                        font.pixelSize: width <= 0 || oneLine.advanceWidth <= width ? fullSize
                                        : Math.max(Theme.bodySize, Math.floor(fullSize * width / oneLine.advanceWidth))
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                        TextMetrics {
                            id: oneLine
                            font.pixelSize: payee.fullSize
                            font.bold: true
                            text: modelData.value
                        }
                    }
                }
            }
        }
    }
    Text {
        visible: page.qrShown
        text: page.agentMode
              ? qsTr("Người dân quét mã bằng ứng dụng ngân hàng. Chỉ bấm “Đã thấy chuyển khoản thành công” sau khi đã xem màn hình báo thành công trên điện thoại của người dân.")
              : qsTr("Mở ứng dụng ngân hàng và quét mã. Nếu không quét được, hãy nhập số tài khoản và nội dung như trên. Máy không biết được tiền đã đến hay chưa: phiếu hẹn ghi “chưa xác nhận” và in mã QR này để bạn nộp sau.")
        font.pixelSize: Theme.smallSize
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    BigButton {
        objectName: "checkPaymentButton"
        visible: page.qrShown && vm.fee.remote
        enabled: !vm.fee.asking
        text: qsTr("Kiểm tra đã nộp chưa")
        onClicked: vm.fee.checkStatus()
    }
}
