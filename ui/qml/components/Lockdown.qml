// Over everything once the supervisor's gesture is done (ui/lockdown.py): the PIN pad, then the
// maintenance screen. Invisible otherwise, so it never stands in front of a citizen's page. The
// page under it is disabled meanwhile (Main.qml), so a tap beside the panel does nothing.
import QtQuick
import QtQuick.Layouts

Item {
    id: root
    readonly property string stage: lockdown ? lockdown.stage : ""
    anchors.fill: parent
    z: 300
    visible: stage !== ""

    Rectangle { anchors.fill: parent; color: "#E6000000" }

    Rectangle {
        objectName: "pinPanel"
        visible: root.stage === "pin"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.mm(200))
        height: pinColumn.implicitHeight + 2 * Theme.margin
        radius: Theme.radius * 2
        color: Theme.background
        border.color: Theme.text
        border.width: Theme.borderWidth
        ColumnLayout {
            id: pinColumn
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.gap
            Text {
                text: qsTr("Mã PIN quản lý")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
            }
            // How many digits are typed, never which: filled dots, and open ones up to the shortest PIN.
            Text {
                objectName: "pinDots"
                text: root.stage === "pin"
                      ? "●".repeat(lockdown.digits) + "○".repeat(Math.max(0, lockdown.minDigits - lockdown.digits))
                      : ""
                font.pixelSize: Theme.titleSize
                font.letterSpacing: Theme.mm(2)
                color: Theme.text
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.titleSize * 1.4
            }
            Text {
                objectName: "pinMessage"
                text: root.stage === "pin" ? (lockdown.busy ? qsTr("Đang kiểm tra…") : lockdown.message) : ""
                visible: text.length > 0
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.error
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            PinPad {
                enabled: root.stage === "pin" && !lockdown.busy && !lockdown.lockedOut
                Layout.fillWidth: true
                onDigit: (value) => lockdown.pressDigit(value)
                onErase: lockdown.erase()
                onConfirm: lockdown.submit()
            }
            BigButton {
                objectName: "pinCancel"
                text: qsTr("Hủy")
                Layout.fillWidth: true
                onClicked: lockdown.cancel()
            }
        }
    }

    Rectangle {
        objectName: "maintenancePanel"
        visible: root.stage === "maintenance"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.mm(240))
        height: maintenanceColumn.implicitHeight + 2 * Theme.margin
        radius: Theme.radius * 2
        color: Theme.background
        border.color: Theme.text
        border.width: Theme.borderWidth
        ColumnLayout {
            id: maintenanceColumn
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.gap * 1.5
            Text {
                text: qsTr("Bảo trì ki-ốt")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
            }
            Text {
                text: qsTr("Ki-ốt đang mở khóa. Màn hình tự khóa lại sau 2 phút không chạm.")
                font.pixelSize: Theme.bodySize
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            GridLayout {
                columns: 2
                rowSpacing: Theme.gap
                columnSpacing: Theme.gap
                Layout.fillWidth: true
                BigButton {
                    objectName: "maintenanceExit"
                    text: qsTr("Thoát ứng dụng")
                    Layout.fillWidth: true
                    onClicked: lockdown.exitApp()
                }
                BigButton {
                    objectName: "maintenanceRestart"
                    text: qsTr("Khởi động lại")
                    Layout.fillWidth: true
                    onClicked: lockdown.restartApp()
                }
                BigButton {
                    objectName: "maintenanceCheck"
                    text: qsTr("Kiểm tra thiết bị")
                    Layout.fillWidth: true
                    onClicked: lockdown.checkDevices()
                }
                BigButton {
                    objectName: "maintenanceClose"
                    text: qsTr("Đóng")
                    primary: true
                    Layout.fillWidth: true
                    onClicked: lockdown.closeMaintenance()
                }
            }
            // Each device in words, with a sign as well as a colour.
            Repeater {
                model: root.stage === "maintenance" ? lockdown.checks : []
                Text {
                    objectName: "deviceCheck" + index
                    text: (modelData.ok ? "✓ " : "✗ ") + modelData.title
                          + (modelData.detail ? ": " + modelData.detail : "")
                    font.pixelSize: Theme.smallSize
                    color: modelData.ok ? Theme.text : Theme.error
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }
    }
}
