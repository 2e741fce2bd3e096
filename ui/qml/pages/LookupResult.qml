// Look-up, the answer: where the dossier is and what to do, with how fresh the news is; or the one
// "not found" sentence (the same for an unknown code and for wrong digits) and a way to try again.
import QtQuick
import QtQuick.Layouts
import "../components"

PageFrame {
    id: page
    readonly property bool found: lookup.notFound.length === 0
    readonly property var r: lookup.result
    title: found ? qsTr("Tình trạng hồ sơ") : qsTr("Không tìm thấy hồ sơ")
    primaryText: found ? qsTr("Xong") : qsTr("Thử lại")
    primaryName: found ? "lookupDoneButton" : "lookupAgainButton"
    showBack: true
    backAction: function() { lookup.back() }
    messageText: found ? "" : lookup.notFound
    onPrimary: found ? lookup.finish() : lookup.tryAgain()

    Text {
        objectName: "resultCode"
        visible: page.found
        text: page.r.code || ""
        font.pixelSize: Theme.heroSize
        font.bold: true
        color: Theme.text
        wrapMode: Text.WrapAnywhere
        Layout.fillWidth: true
    }
    ColumnLayout {
        visible: page.found
        spacing: Theme.gap
        Layout.fillWidth: true
        Repeater {
            model: page.found ? [
                { name: "procedure", label: qsTr("Thủ tục"), value: page.r.procedure },
                { name: "applicant", label: qsTr("Người nộp"), value: page.r.maskedName },
                { name: "status", label: qsTr("Tình trạng"), value: page.r.status },
                { name: "statusDate", label: qsTr("Từ ngày"), value: page.r.statusDate },
                { name: "appointment", label: qsTr("Ngày hẹn trả kết quả"),
                  value: page.r.appointment ? (page.r.late ? qsTr("%1 – ĐÃ QUÁ HẠN").arg(page.r.appointment)
                                                          : page.r.appointment) : "" }
            ].filter(function(row) { return !!row.value }) : []
            RowLayout {
                spacing: Theme.gap * 2
                Layout.fillWidth: true
                Text {
                    text: modelData.label
                    font.pixelSize: Theme.bodySize
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                    Layout.preferredWidth: Theme.mm(100)
                    Layout.alignment: Qt.AlignTop
                }
                Text {
                    objectName: "result_" + modelData.name
                    text: modelData.value
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    // The words say "late" too: never colour alone.
                    color: modelData.name === "appointment" && page.r.late ? Theme.error : Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }
    }
    Notice {
        objectName: "resultMessage"
        text: page.r.message || ""
        good: !page.r.needsPerson
    }
    Text {
        objectName: "resultFreshness"
        visible: page.found && text.length > 0
        text: page.r.freshness || ""
        font.pixelSize: Theme.smallSize
        font.bold: !page.r.fresh
        color: page.r.fresh ? Theme.success : Theme.muted
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
