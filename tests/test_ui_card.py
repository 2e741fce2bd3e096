"""The chip card on the identify step, through the real QML pages and the emulated card.

On the embedded defaults the reader is the built-in emulated card of the sample citizen: the
citizen taps the card access number on the keypad and the form fills itself from the chip. The
same through pcscd and vpcd is in test_card_stack.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_ui_visit import AGENT_PASSWORD, AGENT_USER, BIRTH, add_agent, make_shell  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from egov.flow import Mode  # noqa: E402
from egov.identity import Source  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.shell import Shell  # noqa: E402


def type_can(qtbot, shell: Shell, digits: str) -> None:
    tap(qtbot, shell, "key_clear")
    for digit in digits:
        tap(qtbot, shell, f"key_{digit}")


def to_card_page(qtbot, shell: Shell) -> None:
    vm = shell.visit
    tap(qtbot, shell, "cardIdentityButton")
    wait_until(lambda: vm.page == "card")


def kiosk_on_card_page(qtbot, services) -> Shell:  # noqa: ANN001
    """A citizen's visit at the kiosk, on the Card page."""
    shell = make_shell(services, Mode.KIOSK)
    tap(qtbot, shell, "startButton")
    wait_until(lambda: shell.visit.page == "identify")
    to_card_page(qtbot, shell)
    return shell


def agent_case_at_card_page(qtbot, services) -> Shell:  # noqa: ANN001
    """An agent signed in, a new case opened, on the Card page."""
    add_agent(services)
    shell = make_shell(services, Mode.AGENT)
    agent = shell.agent
    agent.signIn(AGENT_USER, AGENT_PASSWORD)
    wait_until(lambda: agent.page == "home")
    agent.newCase()
    wait_until(lambda: shell.visit.page == "identify")
    to_card_page(qtbot, shell)
    return shell


def test_a_citizen_reads_the_chip_and_the_form_fills_itself(qtbot, services) -> None:
    shell = kiosk_on_card_page(qtbot, services)
    vm = shell.visit
    assert not find(shell, "readCardButton").property("enabled"), "five digits are not a CAN"

    # A wrong CAN: the card refuses, the page says what to check, and the visit goes on.
    type_can(qtbot, shell, "123456")
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.cardState == "enter" and bool(vm.message), timeout=30)
    assert vm.page == "card" and "6 số cuối" in vm.message
    assert vm.visit.identity is None

    type_can(qtbot, shell, "000000")
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.page == "procedure", timeout=30)
    identity = vm.visit.identity
    assert identity.source is Source.CHIP
    assert identity.full_name == "Nguyễn Thị Mẫu" and identity.id_number == "001158000000"
    assert identity.place_of_residence.startswith("Số 1 Phố Mẫu")

    tap(qtbot, shell, f"procedure_{BIRTH}")
    wait_until(lambda: vm.page == "form")
    values = vm.visit.form_values
    assert "Nguyễn Thị Mẫu" in values.values() and "001158000000" in values.values()
    # The kiosk never shows the chip's photo: that is for an agent's eyes.
    assert not vm.cardHasPhoto
    shell.close()


def test_the_agent_sees_the_photo_and_the_checks_before_using_the_card(qtbot, services) -> None:
    shell = agent_case_at_card_page(qtbot, services)
    vm = shell.visit
    type_can(qtbot, shell, "000000")
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.cardState == "review", timeout=30)
    photo = wait_for(qtbot, shell, "cardPhoto")
    # The JPEG from DG2 decoded: the image knows its own size (240 × 320 on the sample card).
    wait_until(lambda: photo.property("implicitWidth") == 240)
    assert find(shell, "cardName").property("text") == "Nguyễn Thị Mẫu"
    states = [row["state"] for row in vm.cardChecks]
    # Hashes and signature check out; no CSCA is configured by default, so the chain is unknown.
    assert states == ["ok", "ok", "unknown", "ok"]
    assert vm.visit.identity is None, "nothing is used before the agent accepts"

    # "Not the right person": the read is dropped, the photo with it.
    tap(qtbot, shell, "rejectCardButton")
    wait_until(lambda: vm.cardState == "enter")
    assert not vm.cardHasPhoto and vm.visit.identity is None

    type_can(qtbot, shell, "000000")
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.cardState == "review", timeout=30)
    tap(qtbot, shell, "acceptCardButton")
    wait_until(lambda: vm.page == "procedure")
    assert vm.visit.identity.source is Source.CHIP
    assert not vm.cardHasPhoto, "the photo is not kept once the agent has looked"
    shell.close()


def test_a_visit_wiped_while_the_chip_is_read_keeps_nothing_of_it(qtbot, services) -> None:
    shell = kiosk_on_card_page(qtbot, services)
    vm = shell.visit
    type_can(qtbot, shell, "000000")
    # The read is queued on the card worker; the idle timeout ends the visit before it is back.
    shell.jobs.run("card", lambda: __import__("time").sleep(0.5), lambda _: None)
    vm.readCard("000000")
    vm.finish()
    wait_until(lambda: not vm.busy, timeout=30)
    assert vm.page == "welcome" and vm.visit.identity is None and vm.cardState == "enter"
    shell.close()
