// The kiosk's own on-screen keyboard (Qt Virtual Keyboard is GPL-3 and has no Telex): letters
// with Telex, a tone row and the marked letters for people who do not know Telex, and a number pad
// for numbers and dates. Main.qml docks it above the page's footer while a text field has the
// focus. It types into that field (`target`) with the field's own insert and remove, which emit
// textEdited as typing does, so a form's value is always the text shown; the Vietnamese is done
// by ui/keyboard_model.py (`keyboard`), which hands back each key's edit.
import QtQuick
import QtQuick.Controls.Basic

Rectangle {
    id: panel
    property Item target: null

    readonly property bool editable: isEditable(target)
    readonly property int hints: editable ? target.inputMethodHints : 0
    readonly property bool caps: keyboard.shift !== ((hints & Qt.ImhPreferUppercase) !== 0)
    readonly property bool numericField: isNumeric(hints)
    readonly property bool dateField: (hints & Qt.ImhDate) !== 0
    readonly property bool letters: keyboard.layout === "letters"
    // A code, a password, an address on the web: typed letter for letter, never composed by Telex
    // (a dossier reference's "AF" or "DD" must not become "À" or "Đ").
    readonly property bool plainField: (hints & (Qt.ImhLatinOnly | Qt.ImhPreferUppercase | Qt.ImhHiddenText
                                                 | Qt.ImhSensitiveData | Qt.ImhEmailCharactersOnly
                                                 | Qt.ImhUrlCharactersOnly)) !== 0
    readonly property bool telex: keyboard.telex && !plainField

    // Keys ≥ 12 mm tall (taller when the type is large) with ≥ 3 mm between them.
    readonly property int gap: Theme.mm(3.5)
    readonly property int pad: Theme.mm(3)
    readonly property int keyHeight: Math.max(Theme.mm(14), Math.round(Theme.titleSize * 1.3))
    readonly property real fullWidth: width - 2 * pad
    // Letters: ten units a row, no wider than an arm's easy reach on a landscape screen.
    readonly property real rowWidth: Math.min(fullWidth, Theme.mm(360))
    readonly property int unit: Math.floor((rowWidth - 9 * gap) / 10)
    // Landscape: the tone row and the marked letters share one row.
    readonly property bool wide: fullWidth >= Theme.mm(400)
    readonly property int markWidth: wide ? Math.min(unit, Theme.mm(26)) : Math.floor((fullWidth - 6 * gap) / 7)
    readonly property int toneWidth: Math.floor(wide ? (fullWidth - 7 * markWidth - 13 * gap) / 6 : (fullWidth - 5 * gap) / 6)
    // The same height for letters and numbers: switching never moves a key under the finger, and
    // the number pad's keys are the bigger for it.
    readonly property int letterRows: wide ? 5 : 6
    readonly property real keysHeight: letterRows * keyHeight + (letterRows - 1) * gap
    readonly property int padKeyWidth: Math.min(Math.floor((fullWidth - 3 * gap) / 4), Theme.mm(55))
    readonly property int padKeyHeight: Math.floor((keysHeight - 3 * gap) / 4)

    // Each tone's mark beside its name where every tone key has room for both, else names alone.
    TextMetrics { id: toneMark; font.pixelSize: Theme.titleSize; font.bold: true; text: "à" }
    TextMetrics { id: toneName; font.pixelSize: Theme.buttonSize; text: qsTr("huyền") }
    readonly property bool toneMarks: toneMark.advanceWidth + toneName.advanceWidth + Theme.mm(6) <= toneWidth
    readonly property var tones: [
        { name: "sac", sample: "á", word: qsTr("sắc") },
        { name: "huyen", sample: "à", word: qsTr("huyền") },
        { name: "hoi", sample: "ả", word: qsTr("hỏi") },
        { name: "nga", sample: "ã", word: qsTr("ngã") },
        { name: "nang", sample: "ạ", word: qsTr("nặng") },
        { name: "none", sample: "", word: qsTr("xóa dấu") }
    ]
    // Named by their Telex keys, so tests and people reading the code know each one.
    readonly property var marks: [
        { name: "aa", letter: "â" }, { name: "ee", letter: "ê" }, { name: "oo", letter: "ô" },
        { name: "ow", letter: "ơ" }, { name: "uw", letter: "ư" }, { name: "aw", letter: "ă" },
        { name: "dd", letter: "đ" }
    ]

    function isEditable(item) {
        return item !== null && (item instanceof TextInput || item instanceof TextEdit) && !item.readOnly
    }
    function isNumeric(h) {
        return (h & (Qt.ImhDigitsOnly | Qt.ImhFormattedNumbersOnly | Qt.ImhDialableCharacters
                     | Qt.ImhDate | Qt.ImhTime)) !== 0
    }
    function span(units) { return Math.round(unit * units + gap * (units - 1)) }
    function before() { return target.text.substring(0, target.cursorPosition) }
    function dropSelection() {
        if (target.selectionStart !== target.selectionEnd) {
            target.remove(target.selectionStart, target.selectionEnd)
            keyboard.forget()
        }
    }
    // Remove `edit.remove` characters before the cursor and insert `edit.insert` there. A field
    // that refuses the new text (its validator, its length) keeps what it had.
    function apply(edit) {
        var at = target.cursorPosition
        var start = at - edit.remove
        var removed = target.text.substring(start, at)
        if (edit.remove > 0)
            target.remove(start, at)
        if (edit.insert.length > 0) {
            target.insert(start, edit.insert)
            if (target.text.substring(start, start + edit.insert.length) !== edit.insert) {
                if (removed.length > 0)
                    target.insert(start, removed)
                keyboard.forget()
            }
        }
    }
    function typeLetter(letter) { dropSelection(); apply(keyboard.letter(caps ? letter.toUpperCase() : letter, before(), telex)) }
    function typeText(text) { dropSelection(); apply(keyboard.text(text)) }
    function putTone(name) { apply(keyboard.tone(name, before())) }
    function putMark(letter) { dropSelection(); apply(keyboard.mark(letter, before(), caps)) }
    function backspace() {
        keyboard.forget()
        if (target.selectionStart !== target.selectionEnd)
            target.remove(target.selectionStart, target.selectionEnd)
        else if (target.cursorPosition > 0)
            target.remove(target.cursorPosition - 1, target.cursorPosition)
    }
    function done() { target.focus = false }

    visible: keyboard.shown && editable
    height: keysHeight + 2 * pad
    color: Theme.surface
    onTargetChanged: {
        keyboard.forget()
        if (isEditable(target))
            keyboard.setLayout(isNumeric(target.inputMethodHints) ? "numbers" : "letters")
    }
    Binding { target: keyboard; property: "panelHeight"; value: panel.visible ? panel.height : 0 }

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.highContrast ? Theme.borderWidth : 1
        color: Theme.highContrast ? Theme.text : Theme.muted
    }

    // Letters and the number pad in the same place, each shown alone: nothing else moves when
    // the layout changes.
    Column {
        visible: panel.letters
        anchors.horizontalCenter: parent.horizontalCenter
        y: panel.pad
        spacing: panel.gap

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: panel.gap
            Repeater {
                model: panel.tones
                KeyboardKey {
                    objectName: "tone_" + modelData.name
                    text: panel.toneMarks ? modelData.sample : ""
                    word: modelData.word
                    width: panel.toneWidth
                    height: panel.keyHeight
                    onClicked: panel.putTone(modelData.name)
                }
            }
            Item { visible: panel.wide; width: panel.gap; height: 1 }
            Repeater {
                model: panel.wide ? panel.marks : []
                KeyboardKey {
                    objectName: "mark_" + modelData.name
                    text: panel.caps ? modelData.letter.toUpperCase() : modelData.letter
                    width: panel.markWidth
                    height: panel.keyHeight
                    onClicked: panel.putMark(modelData.letter)
                }
            }
        }
        Row {
            visible: !panel.wide
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: panel.gap
            Repeater {
                model: panel.wide ? [] : panel.marks
                KeyboardKey {
                    objectName: "mark_" + modelData.name
                    text: panel.caps ? modelData.letter.toUpperCase() : modelData.letter
                    width: panel.markWidth
                    height: panel.keyHeight
                    onClicked: panel.putMark(modelData.letter)
                }
            }
        }
        Repeater {
            model: ["qwertyuiop", "asdfghjkl"]
            Row {
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: panel.gap
                Repeater {
                    model: modelData.split("")
                    KeyboardKey {
                        objectName: "key_" + modelData
                        text: panel.caps ? modelData.toUpperCase() : modelData
                        width: panel.unit
                        height: panel.keyHeight
                        onClicked: panel.typeLetter(modelData)
                    }
                }
            }
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: panel.gap
            KeyboardKey {
                objectName: "key_shift"
                text: keyboard.shift ? qsTr("⇧ HOA") : qsTr("⇧ Hoa")
                labelSize: Theme.buttonSize
                on: keyboard.shift
                width: panel.span(1.5)
                height: panel.keyHeight
                onClicked: keyboard.toggleShift()
            }
            Repeater {
                model: "zxcvbnm".split("")
                KeyboardKey {
                    objectName: "key_" + modelData
                    text: panel.caps ? modelData.toUpperCase() : modelData
                    width: panel.unit
                    height: panel.keyHeight
                    onClicked: panel.typeLetter(modelData)
                }
            }
            KeyboardKey {
                objectName: "key_backspace"
                text: qsTr("⌫ Xóa")
                labelSize: Theme.buttonSize
                width: panel.span(1.5)
                height: panel.keyHeight
                onClicked: panel.backspace()
            }
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: panel.gap
            KeyboardKey {
                objectName: "key_numbers"
                text: "123"
                labelSize: Theme.buttonSize
                width: panel.span(1.5)
                height: panel.keyHeight
                onClicked: keyboard.setLayout("numbers")
            }
            KeyboardKey {
                objectName: "key_telex"
                text: panel.telex ? qsTr("Telex: Bật") : qsTr("Telex: Tắt")
                enabled: !panel.plainField
                labelSize: Theme.buttonSize
                on: panel.telex
                width: panel.span(2.5)
                height: panel.keyHeight
                onClicked: keyboard.toggleTelex()
            }
            KeyboardKey {
                objectName: "key_space"
                text: qsTr("dấu cách")
                labelSize: Theme.buttonSize
                width: panel.span(2.5)
                height: panel.keyHeight
                onClicked: panel.typeText(" ")
            }
            KeyboardKey {
                objectName: "key_comma"
                text: ","
                width: panel.unit
                height: panel.keyHeight
                onClicked: panel.typeText(",")
            }
            KeyboardKey {
                objectName: "key_dot"
                text: "."
                width: panel.unit
                height: panel.keyHeight
                onClicked: panel.typeText(".")
            }
            KeyboardKey {
                objectName: "key_done"
                text: qsTr("Xong")
                labelSize: Theme.buttonSize
                width: panel.span(1.5)
                height: panel.keyHeight
                onClicked: panel.done()
            }
        }
    }

    // The number pad: digits for numbers, "/" for dates; a text field also gets - . and its letters back.
    Grid {
        visible: !panel.letters
        anchors.horizontalCenter: parent.horizontalCenter
        y: panel.pad
        columns: 4
        spacing: panel.gap
        Repeater {
            model: [
                { name: "1", text: "1" }, { name: "2", text: "2" }, { name: "3", text: "3" },
                { name: "backspace", text: qsTr("⌫ Xóa"), word: true },
                { name: "4", text: "4" }, { name: "5", text: "5" }, { name: "6", text: "6" },
                { name: "slash", text: "/", shown: panel.dateField || !panel.numericField },
                { name: "7", text: "7" }, { name: "8", text: "8" }, { name: "9", text: "9" },
                { name: "dash", text: "-", shown: !panel.numericField },
                { name: "letters", text: "ABC", word: true, shown: !panel.numericField },
                { name: "0", text: "0" },
                { name: "dot", text: ".", shown: !panel.numericField },
                { name: "done", text: qsTr("Xong"), word: true }
            ]
            // A cell keeps its place when its key is not wanted, so digits never move.
            Item {
                width: panel.padKeyWidth
                height: panel.padKeyHeight
                KeyboardKey {
                    anchors.fill: parent
                    visible: modelData.shown !== false
                    objectName: "key_" + modelData.name
                    text: modelData.text
                    labelSize: modelData.word ? Theme.buttonSize : Theme.titleSize
                    onClicked: {
                        if (modelData.name === "backspace")
                            panel.backspace()
                        else if (modelData.name === "done")
                            panel.done()
                        else if (modelData.name === "letters")
                            keyboard.setLayout("letters")
                        else
                            panel.typeText(modelData.text)
                    }
                }
            }
        }
    }
}
