"""The on-screen keyboard's state for QML (context property `keyboard`), and its Telex buffer.

Keyboard.qml owns the keys and the focused field; for each key it hands this model the text
before the field's cursor and applies the edit it gets back: `{"remove": n, "insert": text}`,
that is, remove the n characters before the cursor and insert `text` there. The field's own
insert/remove emit `textEdited` as typing does, so a form's value follows (Field.qml → vm.setField).

What was typed lives in the field and, for the word being composed, in the Telex composer here;
`wipe()` (connected to the visit's end, which the idle timeout reaches) forgets it and puts the
keyboard back as the next citizen should find it.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from ui.telex import MARKS, Composer, Tone, add_mark, append_letter, set_tone, word_before

log = logging.getLogger(__name__)

LETTERS = "letters"
NUMBERS = "numbers"
TONE_NAMES = {
    "sac": Tone.SAC,
    "huyen": Tone.HUYEN,
    "hoi": Tone.HOI,
    "nga": Tone.NGA,
    "nang": Tone.NANG,
    "none": None,
}


def _edit(before: str, word: str, new: str) -> dict[str, Any]:
    """Replace `word` (the end of `before`) with `new`, touching only what changed."""
    new = unicodedata.normalize("NFC", new)
    same = 0
    while same < min(len(word), len(new)) and word[same] == new[same]:
        same += 1
    return {"remove": len(word) - same, "insert": new[same:]}


class KeyboardModel(QObject):
    changed = Signal()
    # Its own signal: the keyboard's visibility is bound to `shown` and sets the height.
    panelHeightChanged = Signal()

    def __init__(self, shown: bool = True, telex: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._defaults = (shown, telex)
        self._shown, self._telex = self._defaults
        self._shift = False
        self._layout = LETTERS
        self._panel_height = 0.0
        self._composer = Composer()

    # -- state -------------------------------------------------------------------------------------

    def _get_shown(self) -> bool:
        return self._shown

    def _set_shown(self, on: bool) -> None:
        if on != self._shown:
            self._shown = on
            self.changed.emit()

    def _get_telex(self) -> bool:
        return self._telex

    def _get_shift(self) -> bool:
        return self._shift

    def _get_layout(self) -> str:
        return self._layout

    def _get_panel_height(self) -> float:
        return self._panel_height

    def _set_panel_height(self, height: float) -> None:
        if height != self._panel_height:
            self._panel_height = height
            self.panelHeightChanged.emit()

    # Whether the keyboard comes up when a text field has the focus (off where there is a real one).
    shown = Property(bool, _get_shown, _set_shown, notify=changed)
    telex = Property(bool, _get_telex, notify=changed)
    shift = Property(bool, _get_shift, notify=changed)
    layout = Property(str, _get_layout, notify=changed)
    # The height the open keyboard takes above the page's footer: PageFrame's scroll area ends there.
    panelHeight = Property(float, _get_panel_height, _set_panel_height, notify=panelHeightChanged)

    @Slot()
    def toggleTelex(self) -> None:
        self._telex = not self._telex
        self._composer.reset()
        log.info("keyboard: telex %s", "on" if self._telex else "off")
        self.changed.emit()

    @Slot()
    def toggleShift(self) -> None:
        self._shift = not self._shift
        self.changed.emit()

    @Slot(str)
    def setLayout(self, layout: str) -> None:
        if layout in (LETTERS, NUMBERS) and layout != self._layout:
            self._layout = layout
            self.changed.emit()

    def _release_shift(self) -> None:
        if self._shift:
            self._shift = False
            self.changed.emit()

    # -- keys: each returns the edit for the text before the cursor ----------------------------------

    @Slot(str, str, bool, result="QVariantMap")
    def letter(self, key: str, before: str, telex: bool) -> dict[str, Any]:
        """A letter key, already in the case shown on it (QML knows shift and the field's hints);
        `telex` is false for a field whose letters are a code or a password, whatever the switch."""
        self._release_shift()
        word = word_before(before)
        if self._telex and telex:
            return _edit(before, word, self._composer.key(word, key))
        self._composer.reset()
        return _edit(before, word, append_letter(word, key))

    @Slot(str, str, result="QVariantMap")
    def tone(self, name: str, before: str) -> dict[str, Any]:
        """A key of the tone row (sac, huyen, hoi, nga, nang; none takes the tone away)."""
        word = word_before(before)
        self._composer.reset()
        if name not in TONE_NAMES:
            return _edit(before, word, word)
        return _edit(before, word, set_tone(word, TONE_NAMES[name]))

    @Slot(str, str, bool, result="QVariantMap")
    def mark(self, letter: str, before: str, upper: bool) -> dict[str, Any]:
        """A mark key (â ê ô ơ ư ă đ): on the word's own letter, else typed."""
        word = word_before(before)
        self._composer.reset()
        if letter not in MARKS:
            return _edit(before, word, word)
        self._release_shift()
        return _edit(before, word, add_mark(word, letter, upper))

    @Slot(str, result="QVariantMap")
    def text(self, text: str) -> dict[str, Any]:
        """A key that types itself (space, digit, / - , .): it ends the word being composed."""
        self._composer.reset()
        return {"remove": 0, "insert": text}

    @Slot()
    def forget(self) -> None:
        """The cursor left the word (backspace, a tap elsewhere, another field): start afresh."""
        self._composer.reset()

    # -- privacy -------------------------------------------------------------------------------------

    @Slot()
    def wipe(self) -> None:
        """Forget every trace of what was typed and put the keyboard back for the next citizen."""
        self._composer.reset()
        self._shown, self._telex = self._defaults
        self._shift = False
        self._layout = LETTERS
        self.changed.emit()

    def holds_personal_data(self) -> bool:
        return self._composer.holding
