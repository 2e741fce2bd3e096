// The chip card: put the card on the reader, type the 6 last digits of the ID number (the card
// access number) on a big keypad, and the form fills itself; or lay the card's front under the
// camera and let the kiosk read the number from its QR code. At the agent point the agent then
// sees the chip's photo and the authenticity checks, and accepts the read or not.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    property string digits: ""
    readonly property bool review: vm.cardState === "review"
    readonly property bool reading: vm.cardState === "reading"
    readonly property bool scanning: vm.cardState === "scanning"

    title: review ? qsTr("Kiểm tra thẻ vừa đọc") : reading ? qsTr("Đang đọc thẻ…")
         : scanning ? qsTr("Đang tìm mã QR trên thẻ…") : qsTr("Đặt thẻ căn cước lên đầu đọc")
    subtitle: review ? qsTr("So ảnh trong chip với người đang ngồi trước quầy.")
             : reading ? qsTr("Xin giữ yên thẻ trên đầu đọc cho đến khi xong.")
             : scanning ? qsTr("Giữ yên mặt trước của thẻ dưới máy ảnh, mã QR hướng lên.")
             : qsTr("Rồi nhập 6 số cuối của số định danh, in ở mặt trước thẻ.")
    primaryText: review ? qsTr("Đúng người, dùng dữ liệu ›") : qsTr("Đọc thẻ ›")
    primaryName: review ? "acceptCardButton" : "readCardButton"
    primaryEnabled: review || (digits.length === 6 && !reading && !scanning)
    onPrimary: review ? vm.acceptCard() : vm.readCard(digits)

    // -- entering the card access number ------------------------------------------------------
    Text {
        visible: !page.review && vm.cardEmulated
        text: qsTr("Máy đang dùng thẻ mô phỏng (không phải thẻ thật): công dân MẪU, 6 số cuối là 000000.")
        font.pixelSize: Theme.smallSize
        color: Theme.sample
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Text {
        objectName: "readerState"
        readonly property string state: vm.cardReaderState
        visible: !page.review && (state === "card" || state === "no_card" || state === "no_reader")
        text: state === "card" ? qsTr("✓ Đã thấy thẻ trên đầu đọc.")
            : state === "no_card" ? qsTr("Chưa có thẻ trên đầu đọc.")
            : qsTr("⚠ Chưa thấy đầu đọc thẻ. Vui lòng báo cán bộ hướng dẫn.")
        font.pixelSize: Theme.bodySize
        font.bold: state !== "no_card"
        color: state === "card" ? Theme.success : state === "no_reader" ? Theme.error : Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Rectangle {
        visible: !page.review
        objectName: "canDisplay"
        Layout.alignment: Qt.AlignHCenter
        implicitWidth: Math.max(Theme.mm(120), digitRow.implicitWidth + Theme.mm(8))
        implicitHeight: Math.max(Theme.primaryHeight, digitRow.implicitHeight + Theme.mm(4))
        radius: Theme.radius
        color: Theme.surface
        border.color: vm.messageField === "can" ? Theme.error : Theme.muted
        border.width: Theme.borderWidth
        Row {
            id: digitRow
            anchors.centerIn: parent
            spacing: Theme.mm(4)
            Repeater {
                model: 6
                Text {
                    // Typed digits stay visible: the citizen checks them against the card.
                    text: index < page.digits.length ? page.digits[index] : "_"
                    font.pixelSize: Theme.heroSize
                    font.bold: true
                    color: Theme.text
                }
            }
        }
    }
    Text {
        // Which card the QR came from, the name masked: the chip read that follows uses its number.
        objectName: "cardQrNote"
        visible: vm.cardQrNote.length > 0
        text: vm.cardQrNote
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.success
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    GridLayout {
        // The keypad and, beside it where it stays in view, the other way in: the card's QR (under
        // it on a screen too narrow for both, a portrait kiosk).
        visible: !page.review
        Layout.alignment: Qt.AlignHCenter
        Layout.fillWidth: false
        columns: parent.width >= keypad.implicitWidth + qrWay.Layout.preferredWidth + columnSpacing ? 2 : 1
        columnSpacing: Theme.gap * 4
        rowSpacing: Theme.gap * 2
        GridLayout {
            id: keypad
            enabled: !page.reading && !page.scanning
            columns: 3
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "clear"]
                BigButton {
                    objectName: "key_" + modelData
                    text: modelData === "erase" ? qsTr("⌫ Xóa số") : modelData === "clear" ? qsTr("Xóa hết") : modelData
                    font.pixelSize: modelData.length === 1 ? Theme.titleSize : Theme.buttonSize
                    implicitWidth: Theme.mm(46)
                    minimumHeight: Theme.primaryHeight
                    onClicked: {
                        if (modelData === "erase") page.digits = page.digits.slice(0, -1)
                        else if (modelData === "clear") page.digits = ""
                        else if (page.digits.length < 6) page.digits += modelData
                    }
                }
            }
        }

        // -- or the QR on the card's front, under the camera --------------------------------------
        ColumnLayout {
            id: qrWay
            Layout.alignment: Qt.AlignVCenter
            Layout.fillWidth: false
            Layout.preferredWidth: Theme.mm(95)
            spacing: Theme.gap
            Text {
                text: qsTr("hoặc")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
            }
            BigButton {
                objectName: "scanCardQrButton"
                text: qsTr("Quét mã QR trên thẻ")
                enabled: !page.reading && !page.scanning && !vm.busy
                minimumHeight: Theme.primaryHeight
                Layout.fillWidth: true
                onClicked: { page.digits = ""; vm.scanCardQr() }
            }
            Text {
                text: qsTr("Đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên.")
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }

    // -- the agent's review ----------------------------------------------------------------------
    RowLayout {
        visible: page.review
        spacing: Theme.gap * 2
        Layout.fillWidth: true
        Image {
            objectName: "cardPhoto"
            visible: vm.cardHasPhoto
            source: page.review && vm.cardHasPhoto ? "image://visit/face/" + vm.cardName.length : ""
            cache: false
            fillMode: Image.PreserveAspectFit
            Layout.preferredWidth: Theme.mm(45)
            Layout.preferredHeight: Theme.mm(60)
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Text {
                objectName: "cardName"
                text: vm.cardName
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Repeater {
                model: vm.cardChecks
                Text {
                    objectName: "cardCheck_" + index
                    text: (modelData.state === "ok" ? "✓ " : modelData.state === "failed" ? "✗ " : "? ")
                          + modelData.label + ": " + modelData.verdict
                    font.pixelSize: Theme.bodySize
                    color: modelData.state === "failed" ? Theme.error : modelData.state === "ok" ? Theme.success : Theme.muted
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
            BigButton {
                objectName: "rejectCardButton"
                text: qsTr("Không đúng người, đọc lại")
                onClicked: { page.digits = ""; vm.rejectCard() }
            }
        }
    }
}
