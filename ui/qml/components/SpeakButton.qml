// "Nghe lại": reads the page's question aloud in Vietnamese; while it speaks, the same button says
// "Dừng đọc" and stops it (the state in words and a symbol, not by colour alone). Hidden where the
// office has no voice guidance (the agent point, by default); greyed when no speech engine is
// installed. `texts`: what is read, the page's own texts and {code:}, {date:}, {money:} values.
import QtQuick
import QtQuick.Controls.Basic

BigButton {
    id: button
    property var texts: []

    objectName: voice.speaking ? "stopSpeakingButton" : "speakButton"
    visible: voice.shown
    enabled: voice.available
    primary: voice.speaking
    text: voice.speaking ? qsTr("■ Dừng đọc") : qsTr("▶ Nghe lại")
    minimumHeight: Theme.targetHeight  // the same while it speaks (primary), so nothing moves
    onClicked: voice.speaking ? voice.stop() : voice.say(texts)

    // With [voice] read_on_open, the question is read as the page opens, and again when the page
    // asks the next one (the form's one question a page keeps its page).
    function readIfAsked() { if (voice.readOnOpen && button.texts.length > 0) voice.say(button.texts) }
    Component.onCompleted: Qt.callLater(readIfAsked)
    property string firstText: texts.length > 0 && typeof texts[0] === "string" ? texts[0] : ""
    onFirstTextChanged: Qt.callLater(readIfAsked)
}
