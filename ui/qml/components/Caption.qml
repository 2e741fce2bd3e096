// Secondary text a visit never needs (the office's name, the catalogue's version): a step down from
// body text, with a floor of its own (4.5 mm cap height) in tests/test_ui_accessibility.py.
import QtQuick

Text {
    font.pixelSize: Theme.captionSize
    color: Theme.muted
    wrapMode: Text.WordWrap
}
