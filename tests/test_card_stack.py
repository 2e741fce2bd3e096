"""The kiosk reads the chip through the real PC/SC stack: pcscd, vpcd, pyscard, our emulated CCCD.

The citizen's taps on the card page go to the view model, the read runs on the card worker
through PcscTransport, pcscd and vpcd to the emulated chip, and the identity lands in the form.
Then what happens at a real kiosk: a wrong CAN, the card pulled away mid-read, the reader gone.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cardstack import PcscStack, reader_name  # noqa: E402
from test_ui_card import BIRTH, to_card_page, type_can  # noqa: E402
from uidriver import tap  # noqa: E402

from config.settings import load_settings  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.identity import Source  # noqa: E402
from hardware.card.emulator.card import EmulatedCccd  # noqa: E402
from hardware.card.emulator.profile import CardProfile  # noqa: E402
from hardware.card.emulator.run import card_from_profile  # noqa: E402
from hardware.card.emulator.vpcd import VpcdLink  # noqa: E402
from hardware.card.service import bundled_profile  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.services import build_services  # noqa: E402
from ui.shell import Shell  # noqa: E402


class PulledAway:
    """The emulated chip, lifted off the reader after `after` APDUs, in the middle of a read."""

    def __init__(self, card: EmulatedCccd) -> None:
        self.card = card
        self.after: int | None = None
        self.link: VpcdLink | None = None

    def atr(self) -> bytes:
        return self.card.atr()

    def power_on(self) -> None:
        self.card.power_on()

    def power_off(self) -> None:
        self.card.power_off()

    def reset(self) -> None:
        self.card.reset()

    def process(self, apdu: bytes) -> bytes:
        if self.after is not None:
            self.after -= 1
            if self.after < 0 and self.link is not None:
                self.after = None
                # The link's own thread is in here: lift the card from another one, and answer
                # too late for the connection that no longer exists.
                threading.Thread(target=self.link.remove_card, daemon=True).start()
                time.sleep(0.5)
        return self.card.process(apdu)


@pytest.fixture
def kiosk(pcsc_stack: PcscStack, tmp_path: Path, monkeypatch, qapp):
    config = tmp_path / "office.toml"
    config.write_text(f'[identity]\nreader = "pcsc:{reader_name(0)}"\n', encoding="utf-8")
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path))
    services = build_services(load_settings(config))
    shell = Shell(services, Mode.KIOSK, width=1920, height=1080)
    shell.window.show()
    chip = PulledAway(card_from_profile(CardProfile.load(bundled_profile())))
    chip.link = pcsc_stack.attach(chip, slot=0)
    yield shell, chip
    shell.close()
    services.close()
    if pcsc_stack.daemon_running:
        pcsc_stack.detach(chip.link)
    else:
        chip.link.stop()
        pcsc_stack.start_daemon()


def read_with(qtbot, shell: Shell, can: str) -> None:
    vm = shell.visit
    type_can(qtbot, shell, can)
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.cardState != "reading" and not vm.busy, timeout=60)


def test_the_form_fills_itself_from_a_card_on_a_pcsc_reader(qtbot, kiosk) -> None:
    shell, _ = kiosk
    vm = shell.visit
    tap(qtbot, shell, "startButton")
    wait_until(lambda: vm.page == "identify")
    to_card_page(qtbot, shell)
    for _ in range(3):  # a wrong CAN three times: refused each time, the kiosk stays usable
        read_with(qtbot, shell, "000001")
        assert vm.page == "card" and "6 số cuối" in vm.message and vm.visit.identity is None
    read_with(qtbot, shell, "000000")
    wait_until(lambda: vm.page == "procedure")
    identity = vm.visit.identity
    assert identity.source is Source.CHIP and identity.full_name == "Nguyễn Thị Mẫu"
    tap(qtbot, shell, f"procedure_{BIRTH}")
    wait_until(lambda: vm.page == "form")
    assert "001158000000" in vm.visit.form_values.values()


def test_a_card_pulled_mid_read_then_put_back(qtbot, kiosk, pcsc_stack) -> None:
    shell, chip = kiosk
    vm = shell.visit
    tap(qtbot, shell, "startButton")
    to_card_page(qtbot, shell)
    chip.after = 12  # after PACE, while DG2 is coming in
    read_with(qtbot, shell, "000000")
    assert vm.page == "card" and "nhấc ra" in vm.message, vm.message
    assert vm.visit.identity is None
    wait_until(lambda: vm.cardReaderState == "no_card", timeout=15)
    chip.link.insert_card()
    pcsc_stack.wait_card(reader_name(0))
    wait_until(lambda: vm.cardReaderState == "card", timeout=15)
    read_with(qtbot, shell, "000000")
    wait_until(lambda: vm.page == "procedure")


def test_the_reader_gone_while_idle_then_back(qtbot, kiosk, pcsc_stack) -> None:
    shell, chip = kiosk
    vm = shell.visit
    tap(qtbot, shell, "startButton")
    to_card_page(qtbot, shell)
    wait_until(lambda: vm.cardReaderState == "card", timeout=15)  # the page says a card is there
    pcsc_stack.stop_daemon()  # as good as the reader's USB cable pulled: no PC/SC reader at all
    wait_until(lambda: vm.cardReaderState == "no_reader", timeout=15)
    read_with(qtbot, shell, "000000")
    assert "Không tìm thấy đầu đọc thẻ" in vm.message and vm.page == "card"
    # The citizen can still go on without the chip.
    tap(qtbot, shell, "backButton")
    wait_until(lambda: vm.page == "identify")
    pcsc_stack.start_daemon()
    pcsc_stack.wait_card(reader_name(0), timeout=15)
    to_card_page(qtbot, shell)
    read_with(qtbot, shell, "000000")
    wait_until(lambda: vm.page == "procedure")


def test_card_emulate_and_card_read_commands_over_pcsc(pcsc_stack: PcscStack, tmp_path: Path) -> None:
    """`dvc-kiosk card emulate` puts the sample card on vpcd's second reader (run where vpcd
    listens: inside the stack's network namespace); `dvc-kiosk card read --reader` reads it back
    through pcscd, as a technician would check a kiosk's reader."""
    import json
    import subprocess
    import sys

    from hardware.card.emulator.vpcd import VPCD_PORT

    cli = str(Path(sys.executable).parent / "dvc-kiosk")
    env = dict(os.environ, DVC_KIOSK_DATA_DIR=str(tmp_path))
    emulator = subprocess.Popen(
        [
            "nsenter",
            f"--net={pcsc_stack._namespace('net')}",
            cli,
            "card",
            "emulate",
            "--port",
            str(VPCD_PORT + 1),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        pcsc_stack.wait_card(reader_name(1), timeout=30)
        done = subprocess.run(
            [cli, "card", "read", "--reader", reader_name(1), "--can", "000000", "--json", "--stats"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert data["full_name"] == "Nguyễn Thị Mẫu" and data["access"] == "PACE"
        assert data["authenticity"]["data_groups"] == "ok"
        assert "apdus=18" in done.stderr  # PACE + DG1, DG13, DG2 and EF.SOD in 2 KiB reads
    finally:
        emulator.terminate()
        emulator.wait(10)
    pcsc_stack.wait_card(reader_name(1), present=False, timeout=10)
