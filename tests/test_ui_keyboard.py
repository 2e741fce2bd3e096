"""The on-screen keyboard through the real QML pages, offscreen, by taps on its keys only.

A citizen at the kiosk's form types the child's name and place of birth with Telex, or with the
tone row and the marked letters if they do not know Telex, and the date on the number pad; what
the view model stores is exactly the NFC string shown. The focused field stays above the
keyboard, in landscape and portrait. The look-up's big fields (the dossier code, the last 4
digits) take the keyboard too. When the visit ends the keyboard keeps nothing of what was typed.
No key event is ever sent: every character comes from a tap on a key (tests/uidriver.py).
"""

from __future__ import annotations

import os
import unicodedata
from datetime import date, timedelta

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from test_ui_tracking import filed  # noqa: E402
from test_ui_visit import make_shell  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from agent_point.session_model import AgentSession  # noqa: E402
from egov.flow import Mode  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.staging import answer_until, stage  # noqa: E402

NAME = "Nguyễn Thị Hường"
ADDRESS = "đường Trần Hưng Đạo"
SPECIAL = {" ": "key_space", "/": "key_slash", "-": "key_dash", ".": "key_dot", ",": "key_comma"}


def keys_for(typed: str) -> list[str]:
    """The keys a person taps for `typed` (Telex letters, capitals with shift, digits on the pad)."""
    names: list[str] = []
    for char in typed:
        if char.isupper():
            names += ["key_shift", "key_" + char.lower()]
        elif char in SPECIAL:
            names.append(SPECIAL[char])
        else:
            names.append("key_" + char)
    return names


def tap_keys(qtbot, shell: Shell, names: list[str]) -> int:
    for name in names:
        tap(qtbot, shell, name)
    return len(names)


def rect(item) -> tuple[float, float]:
    """Top and bottom of an item in the window."""
    top = item.mapToScene(QPointF(0, 0)).y()
    return top, top + item.height()


def kiosk_at_question(qtbot, services, key: str, size: tuple[int, int]) -> Shell:
    shell = Shell(services, Mode.KIOSK, width=size[0], height=size[1])
    shell.window.show()
    stage(shell, "form")
    answer_until(shell, key)
    return shell


def stored(shell: Shell, key: str) -> str:
    return shell.visit.visit.form_values.get(key, "")


def assert_field_in_sight(qtbot, shell: Shell, field_name: str) -> None:
    field = wait_for(qtbot, shell, field_name)
    keyboard = wait_for(qtbot, shell, "keyboard")
    scroller = wait_for(qtbot, shell, "pageScroller")
    wait_until(lambda: shell.keyboard.panelHeight > 0)
    field_top, field_bottom = rect(field)
    keyboard_top, _ = rect(keyboard)
    scroller_top, scroller_bottom = rect(scroller)
    assert field_bottom <= keyboard_top, "the field is behind the keyboard"
    assert scroller_bottom <= keyboard_top, "the page's scroll area ends above the keyboard"
    assert scroller_top <= field_top, "the field is scrolled out of sight above"


def type_on_question(qtbot, shell: Shell, key: str, names: list[str]) -> int:
    field_name = f"field_{key}"
    tap(qtbot, shell, field_name)
    wait_until(lambda: find(shell, field_name).hasActiveFocus())
    assert_field_in_sight(qtbot, shell, field_name)
    taps = tap_keys(qtbot, shell, names)
    assert_field_in_sight(qtbot, shell, field_name)
    return taps


def next_question(qtbot, shell: Shell, key: str) -> None:
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: shell.visit.question.get("key") == key and not shell.visit.message)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_name_a_date_and_an_address_typed_with_telex(qtbot, services, size) -> None:
    shell = kiosk_at_question(qtbot, services, "child_full_name", size)
    taps = {}
    # Telex is on at the kiosk, and says so on its key.
    assert wait_for(qtbot, shell, "key_telex").property("text") == "Telex: Bật"
    taps[NAME] = type_on_question(qtbot, shell, "child_full_name", keys_for("Nguyeenx Thij Huowngf"))
    assert find(shell, "field_child_full_name").property("text") == NAME
    assert stored(shell, "child_full_name") == NAME == unicodedata.normalize("NFC", NAME)

    # The date question brings the number pad, with "/" and no letters.
    next_question(qtbot, shell, "child_date_of_birth")
    born = (date.today() - timedelta(days=9)).strftime("%d/%m/%Y")
    wait_for(qtbot, shell, "key_slash")
    assert find(shell, "key_a") is None and find(shell, "key_telex") is None
    taps[born] = type_on_question(qtbot, shell, "child_date_of_birth", keys_for(born))
    assert stored(shell, "child_date_of_birth") == born
    next_question(qtbot, shell, "child_sex")

    answer_until(shell, "child_place_of_birth")
    typed = keys_for("dduowngf Traanf Hwng Ddaoj")
    taps[ADDRESS] = type_on_question(qtbot, shell, "child_place_of_birth", typed)
    assert find(shell, "field_child_place_of_birth").property("text") == ADDRESS
    assert stored(shell, "child_place_of_birth") == ADDRESS == unicodedata.normalize("NFC", ADDRESS)
    print(f"\ntaps with Telex at {size[0]}x{size[1]}: {taps}")
    assert taps == {NAME: 24, born: 10, ADDRESS: 29}

    # "Xong" puts the keyboard away; the page's scroll area takes the room back.
    tap(qtbot, shell, "key_done")
    wait_until(lambda: find(shell, "keyboard") is None and shell.keyboard.panelHeight == 0)
    assert stored(shell, "child_place_of_birth") == ADDRESS

    # The idle wipe (the visit's end) leaves nothing in the keyboard.
    tap(qtbot, shell, "field_child_place_of_birth")
    tap_keys(qtbot, shell, keys_for(" Haf"))
    assert shell.keyboard.holds_personal_data() and shell.keyboard.shift is False
    tap(qtbot, shell, "key_shift")
    tap(qtbot, shell, "key_telex")
    shell.visit.finish()
    wait_until(lambda: shell.visit.page == "welcome")
    assert not shell.keyboard.holds_personal_data()
    assert find(shell, "keyboard") is None
    assert (shell.keyboard.telex, shell.keyboard.shift, shell.keyboard.layout) == (True, False, "letters")
    shell.close()


def test_the_same_words_with_the_tone_row_and_telex_off(qtbot, services) -> None:
    shell = kiosk_at_question(qtbot, services, "child_full_name", (1080, 1920))
    tap(qtbot, shell, "key_telex")
    assert wait_for(qtbot, shell, "key_telex").property("text") == "Telex: Tắt"
    name = [
        *keys_for("Nguyen"), "mark_ee", "tone_nga", "key_space",
        *keys_for("Thi"), "tone_nang", "key_space",
        *keys_for("Huong"), "mark_uw", "mark_ow", "tone_huyen",
    ]  # fmt: skip
    taps = {NAME: type_on_question(qtbot, shell, "child_full_name", name)}
    assert stored(shell, "child_full_name") == NAME == unicodedata.normalize("NFC", NAME)

    # A wrong tone is replaced by tapping the right one, or taken away with "xóa dấu".
    tap_keys(qtbot, shell, ["tone_sac", "tone_none", "tone_huyen"])
    assert stored(shell, "child_full_name") == NAME

    answer_until(shell, "child_place_of_birth")
    address = [
        *keys_for("duong"), "mark_dd", "mark_uw", "mark_ow", "tone_huyen", "key_space",
        *keys_for("Tran"), "mark_aa", "tone_huyen", "key_space",
        *keys_for("Hung"), "mark_uw", "key_space",
        *keys_for("Dao"), "mark_dd", "tone_nang",
    ]  # fmt: skip
    taps[ADDRESS] = type_on_question(qtbot, shell, "child_place_of_birth", address)
    assert stored(shell, "child_place_of_birth") == ADDRESS == unicodedata.normalize("NFC", ADDRESS)
    print(f"\ntaps with the tone row: {taps}")
    assert taps == {NAME: 25, ADDRESS: 31}

    # Backspace takes one letter, and the form follows.
    tap(qtbot, shell, "key_backspace")
    assert stored(shell, "child_place_of_birth") == ADDRESS[:-1]
    shell.close()


def test_the_lookup_code_and_digits_by_taps(qtbot, services) -> None:
    _, code = filed(services)
    shell = make_shell(services, Mode.KIOSK)
    tap(qtbot, shell, "lookupButton")
    tap(qtbot, shell, "lookupTypeButton")
    tap(qtbot, shell, "lookupCodeField")
    # The code field asks for capitals: the letter keys show them without shift.
    assert wait_for(qtbot, shell, "key_h").property("text") == "H"
    # A code is typed letter for letter whatever the Telex switch says: "AF" is no "À", "DD" no "Đ".
    assert wait_for(qtbot, shell, "key_telex").property("text") == "Telex: Tắt"
    tap_keys(qtbot, shell, code_keys("TN-AAF0DD1E"))
    assert find(shell, "lookupCodeField").property("text") == "TN-AAF0DD1E"
    tap_keys(qtbot, shell, ["key_backspace"] * len("TN-AAF0DD1E"))
    tap_keys(qtbot, shell, code_keys(code))
    assert find(shell, "lookupCodeField").property("text") == code
    tap(qtbot, shell, "lookupCodeNext")
    wait_until(lambda: shell.lookup.page == "lookup_digits")
    # The 4 digits: the number pad alone, and a fifth digit is refused by the field.
    tap(qtbot, shell, "lookupDigitsField")
    wait_for(qtbot, shell, "key_0")
    assert find(shell, "key_slash") is None and find(shell, "key_letters") is None
    tap_keys(qtbot, shell, ["key_4", "key_3", "key_2", "key_1", "key_9"])
    assert find(shell, "lookupDigitsField").property("text") == "4321"
    tap(qtbot, shell, "lookupDigitsNext")
    wait_until(lambda: shell.lookup.page == "lookup_result" and not shell.lookup.busy, timeout=30)
    assert wait_for(qtbot, shell, "resultCode").property("text") == code
    shell.close()


def code_keys(code: str) -> list[str]:
    """Letters on the letter keys, digits and . - on the number pad: "123" and "ABC" switch."""
    names: list[str] = []
    on_pad = False
    for char in code:
        if char.isalpha() == on_pad:
            names.append("key_letters" if on_pad else "key_numbers")
            on_pad = not on_pad
        names.append(SPECIAL.get(char, "key_" + char.lower()))
    if on_pad:
        names.append("key_letters")
    return names


def test_no_on_screen_keyboard_at_the_agent_point(qtbot, services) -> None:
    from egov import accounts
    from ui.staging import AGENT_PASSWORD, AGENT_USER

    accounts.create_account(
        services.store, AGENT_USER, AGENT_PASSWORD, accounts.Role.AGENT, "Trần Văn Cán Bộ", actor="test"
    )
    shell = Shell(services, Mode.AGENT, width=1920, height=1080, session_factory=AgentSession)
    shell.window.show()
    stage(shell, "form")
    tap(qtbot, shell, "field_child_full_name")
    wait_until(lambda: find(shell, "field_child_full_name").hasActiveFocus())
    assert find(shell, "keyboard") is None and shell.keyboard.panelHeight == 0
    shell.close()
