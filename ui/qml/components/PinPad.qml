// The supervisor's PIN pad: ten big digit keys, "Xóa" and "Xác nhận", nothing typed on a physical
// keyboard. It only says which key was tapped; the digits are kept by ui/lockdown.py.
import QtQuick
import QtQuick.Layouts

GridLayout {
    id: pad
    signal digit(string value)
    signal erase()
    signal confirm()

    columns: 3
    rowSpacing: Theme.gap
    columnSpacing: Theme.gap

    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        BigButton {
            objectName: "pinKey" + modelData
            text: modelData
            font.pixelSize: Theme.titleSize
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.mm(38)  // the same for every key: three equal columns
            minimumHeight: Theme.primaryHeight
            onClicked: pad.digit(modelData)
        }
    }
    BigButton {
        objectName: "pinErase"
        text: qsTr("Xóa")
        Layout.fillWidth: true
        Layout.preferredWidth: Theme.mm(38)
        minimumHeight: Theme.primaryHeight
        onClicked: pad.erase()
    }
    BigButton {
        objectName: "pinKey0"
        text: "0"
        font.pixelSize: Theme.titleSize
        Layout.fillWidth: true
        Layout.preferredWidth: Theme.mm(38)
        minimumHeight: Theme.primaryHeight
        onClicked: pad.digit("0")
    }
    BigButton {
        objectName: "pinOk"
        text: qsTr("Xác nhận")
        primary: true
        Layout.fillWidth: true
        Layout.preferredWidth: Theme.mm(38)
        minimumHeight: Theme.primaryHeight
        onClicked: pad.confirm()
    }
}
