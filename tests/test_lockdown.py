"""Lock-down, through the real QML window offscreen, by taps: the window will not close; the
supervisor's gesture (hold the top-left corner 5 s, lift, tap the bottom-right one) opens the PIN
pad; wrong PINs are refused and audited, five lock the pad; the right one opens the maintenance
screen. The PIN is never in the audit trail or the log. `dvc-kiosk kiosk set-pin` writes only a
hash. And the out-of-service page: a required printer at a closed port turns citizens away, the
printer switched on brings the kiosk back by itself.

The gesture's clock is the lock-down's own (monotonic) clock, moved forward by the test instead
of waiting five real seconds; everything else runs on the event loop as the app does.
"""

from __future__ import annotations

import logging
import os
import socket
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QWindow  # noqa: E402
from tcpprinter import tcp_printer  # noqa: E402
from test_cli import run  # noqa: E402
from test_ui_visit import make_shell  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from config.secrets import load_kiosk_pin_hash, secrets_path, store_kiosk_pin_hash  # noqa: E402
from config.settings import load_settings  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.kiosk_pin import (  # noqa: E402
    LOCK_DURATION,
    MAX_FAILURES,
    STATE_FILE,
    PinGate,
    PinOutcome,
    PinRefused,
    check_new_pin,
    hash_pin,
)
from ui.events import pump, wait_until  # noqa: E402
from ui.lockdown import HOLD_SECONDS, RESTART_EXIT  # noqa: E402
from ui.services import build_services  # noqa: E402

PIN = "246813"
WRONG_PIN = "975310"
SUBJECT = "kiosk:H01.99"
MM = 4.0  # pixels a millimetre offscreen (ui/shell.py DEFAULT_PX_PER_MM)


class Clock:
    """The lock-down's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def shell(services, qtbot, monkeypatch):
    shell = make_shell(services, Mode.KIOSK)
    monkeypatch.setattr(shell.lockdown, "_clock", Clock())
    yield shell
    shell.close()


def press_and_release(shell, point: QPointF, clock: Clock, held: float) -> None:
    """A finger at `point` of the window for `held` seconds of the lock-down's clock."""
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        if kind == QEvent.Type.MouseButtonRelease:
            clock.now += held
        event = QMouseEvent(
            kind,
            point,
            shell.window.mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QGuiApplication.sendEvent(shell.window, event)
        pump()


def top_left(shell) -> QPointF:
    return QPointF(MM * 3, MM * 3)  # well inside the 9 mm corner


def bottom_right(shell) -> QPointF:
    return QPointF(shell.window.width() - MM * 3, shell.window.height() - MM * 3)


def gesture(qtbot, shell, held: float = HOLD_SECONDS, late: float = 2) -> None:
    clock = shell.lockdown._clock  # noqa: SLF001 - the test's Clock
    press_and_release(shell, top_left(shell), clock, held)
    clock.now += late  # the hand goes to the other corner
    press_and_release(shell, bottom_right(shell), clock, 0.2)


def type_pin(qtbot, shell, pin: str) -> None:
    for digit in pin:
        tap(qtbot, shell, f"pinKey{digit}")
    assert shell.lockdown.digits == len(pin)
    tap(qtbot, shell, "pinOk")
    wait_until(lambda: not shell.lockdown.busy, timeout=30)


def message(shell) -> str:
    return find(shell, "pinMessage").property("text")


def audit(services, action: str) -> list:
    return [e for e in services.store.audit_trail(SUBJECT) if e.action == action]


def press_key(shell, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QGuiApplication.sendEvent(shell.window, QKeyEvent(kind, key, modifiers))
    pump()


# -- the window --------------------------------------------------------------------------------


def test_the_locked_window_is_full_screen_and_will_not_close(qtbot, shell) -> None:
    window = shell.window
    shell.lockdown.arm(window)
    wait_until(lambda: window.visibility() == QWindow.Visibility.FullScreen)
    assert window.flags() & Qt.WindowType.FramelessWindowHint
    assert window.close() is False
    press_key(shell, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    press_key(shell, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    press_key(shell, Qt.Key.Key_Escape)
    window.showNormal()  # as a compositor or a stray key might
    wait_until(lambda: window.visibility() == QWindow.Visibility.FullScreen)
    assert window.isVisible()
    assert find(shell, "startButton") is not None  # still the welcome page, nothing happened


# -- the gesture and the PIN --------------------------------------------------------------------


def test_a_short_hold_or_a_lone_tap_opens_nothing(qtbot, shell) -> None:
    clock = shell.lockdown._clock  # noqa: SLF001
    press_and_release(shell, bottom_right(shell), clock, 0.2)
    gesture(qtbot, shell, held=HOLD_SECONDS - 1.5)
    assert find(shell, "pinPanel") is None
    # Held long enough, but the other corner tapped too late.
    gesture(qtbot, shell, late=11)
    assert find(shell, "pinPanel") is None and shell.lockdown.stage == ""
    # Held long enough in the middle of the screen: nothing either.
    press_and_release(shell, QPointF(shell.window.width() / 2, MM * 3), clock, HOLD_SECONDS)
    press_and_release(shell, bottom_right(shell), clock, 0.2)
    assert find(shell, "pinPanel") is None
    # The corners take no tap from the page: the welcome page's buttons still work as before.
    tap(qtbot, shell, "startButton")
    wait_until(lambda: shell.visit.page != "welcome")


def test_wrong_pins_are_refused_audited_and_lock_the_pad(qtbot, shell, services, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    store_kiosk_pin_hash(services.settings, hash_pin(PIN))
    shell.lockdown.arm(shell.window)
    gesture(qtbot, shell)
    wait_for(qtbot, shell, "pinPanel")
    type_pin(qtbot, shell, WRONG_PIN)
    assert message(shell) == "Mã PIN không đúng. Còn 4 lần thử."
    assert shell.lockdown.stage == "pin" and shell.window.close() is False
    tap(qtbot, shell, "pinKey1")
    tap(qtbot, shell, "pinErase")
    assert shell.lockdown.digits == 0
    for _ in range(MAX_FAILURES - 1):
        type_pin(qtbot, shell, WRONG_PIN)
    assert message(shell).startswith("Nhập sai quá nhiều lần. Bàn phím bị khóa đến ")
    assert not find(shell, "pinKey2").isEnabled() and not find(shell, "pinOk").isEnabled()

    # Cancelled and the gesture done again (or the app restarted): still locked, from the data dir.
    tap(qtbot, shell, "pinCancel")
    assert find(shell, "pinPanel") is None
    gesture(qtbot, shell)
    wait_until(lambda: shell.lockdown.lockedOut, timeout=30)
    wait_for(qtbot, shell, "pinMessage")  # the pad opens a moment after the check says locked
    assert message(shell).startswith("Nhập sai quá nhiều lần.")
    assert not find(shell, "pinKey2").isEnabled()

    failed = audit(services, "kiosk.pin_failed")
    assert [e.detail for e in failed] == [
        "tries_left=4",
        "tries_left=3",
        "tries_left=2",
        "tries_left=1",
        "tries_left=0",
    ]
    assert len(audit(services, "kiosk.pin_locked")) == 1
    assert audit(services, "kiosk.unlocked") == []
    trail = " ".join(f"{e.actor} {e.action} {e.subject} {e.detail}" for e in services.store.audit_trail())
    for secret in (WRONG_PIN, PIN):
        assert secret not in trail and secret not in caplog.text


def test_the_right_pin_opens_the_maintenance_screen(qtbot, shell, services) -> None:
    store_kiosk_pin_hash(services.settings, hash_pin(PIN))
    shell.lockdown.arm(shell.window)
    gesture(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    wait_for(qtbot, shell, "maintenancePanel")
    assert len(audit(services, "kiosk.unlocked")) == 1
    assert not shell.lockdown.locked  # unlocked: the window may close now

    tap(qtbot, shell, "maintenanceCheck")
    wait_until(lambda: find(shell, "deviceCheck2") is not None, timeout=30)
    lines = [find(shell, f"deviceCheck{i}").property("text") for i in range(3)]
    assert lines[0].startswith("✓ Máy in") and lines[1].startswith("✓ Đầu đọc thẻ")
    assert lines[2].startswith("✓ Máy ảnh")

    tap(qtbot, shell, "maintenanceClose")
    assert find(shell, "maintenancePanel") is None and shell.lockdown.locked
    assert shell.window.close() is False
    wait_until(lambda: len(audit(services, "kiosk.locked")) == 1, timeout=30)

    # Again, and "Thoát ứng dụng" / "Khởi động lại" end the event loop with their exit status,
    # each audited before.
    for button, code, action in (
        ("maintenanceRestart", RESTART_EXIT, "kiosk.restart"),
        ("maintenanceExit", 0, "kiosk.exit"),
    ):
        gesture(qtbot, shell)
        type_pin(qtbot, shell, PIN)
        wait_for(qtbot, shell, "maintenancePanel")
        with qtbot.waitSignal(shell.lockdown.exitRequested, timeout=30_000) as sent:
            tap(qtbot, shell, button)
        assert sent.args == [code]
        assert len(audit(services, action)) == 1
        shell.lockdown._released = False  # noqa: SLF001 - the app would have gone; lock again for the next
        shell.lockdown.closeMaintenance()


def test_without_a_pin_the_pad_says_how_to_set_one(qtbot, shell, services) -> None:
    gesture(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    assert message(shell) == "Máy chưa có mã PIN quản lý. Đặt mã bằng lệnh: dvc-kiosk kiosk set-pin"
    assert shell.lockdown.stage == "pin"
    assert [e.detail for e in audit(services, "kiosk.pin_refused")] == ["no PIN set"]


def test_a_short_pin_is_not_even_checked(qtbot, shell, services) -> None:
    store_kiosk_pin_hash(services.settings, hash_pin(PIN))
    gesture(qtbot, shell)
    for digit in "2468":
        tap(qtbot, shell, f"pinKey{digit}")
    tap(qtbot, shell, "pinOk")
    assert message(shell) == "Mã PIN có từ 6 đến 12 chữ số."
    assert audit(services, "kiosk.pin_failed") == []


# -- the PIN's rules and lock-out, headless ------------------------------------------------------


def test_pin_rules() -> None:
    for bad in ("12345", "1234567890123", "12a456", "٣٣٣٣٣٣", "000000", "123456", "987654", "890123"):
        with pytest.raises(PinRefused):
            check_new_pin(bad)
    check_new_pin("246813")
    assert hash_pin("246813").startswith("$argon2id$")


def test_the_lock_runs_out_and_a_damaged_count_is_no_way_in(tmp_path: Path) -> None:
    stored = hash_pin(PIN)
    gate = PinGate(lambda: stored, tmp_path / STATE_FILE)
    now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    for _ in range(MAX_FAILURES):
        result = gate.attempt(WRONG_PIN, now)
    assert result.outcome is PinOutcome.LOCKED and result.just_locked
    assert gate.attempt(PIN, now + LOCK_DURATION - timedelta(seconds=1)).outcome is PinOutcome.LOCKED
    assert gate.attempt(PIN, now + LOCK_DURATION).outcome is PinOutcome.OPENED
    # A count file someone damaged: one more wrong PIN locks at once, the right one still opens.
    (tmp_path / STATE_FILE).write_text("{broken", encoding="utf-8")
    assert gate.attempt(WRONG_PIN, now).outcome is PinOutcome.LOCKED


# -- dvc-kiosk kiosk set-pin ---------------------------------------------------------------------


def test_set_pin_writes_only_a_private_hash(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / STATE_FILE).write_text('{"failures": 5, "locked_until": null}', encoding="utf-8")
    weak = run(data_dir, "kiosk", "set-pin", "--pin-stdin", stdin="123456\n")
    assert weak.returncode == 2 and "quá dễ đoán" in weak.stderr
    done = run(data_dir, "kiosk", "set-pin", "--pin-stdin", stdin=f"{PIN}\n")
    assert done.returncode == 0, done.stderr
    os.environ["DVC_KIOSK_DATA_DIR"] = str(data_dir)
    try:
        settings = load_settings()
        path = secrets_path(settings)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert PIN not in path.read_text(encoding="utf-8")
        assert load_kiosk_pin_hash(settings).startswith("$argon2id$")
        assert not (data_dir / STATE_FILE).exists()  # a new PIN ends the lock-out
        services = build_services(settings)
        try:
            assert [e.action for e in services.store.audit_trail(SUBJECT)] == ["kiosk.pin_set"]
        finally:
            services.close()
    finally:
        del os.environ["DVC_KIOSK_DATA_DIR"]
    assert PIN not in done.stdout + done.stderr


# -- out of service ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_missing_printer_turns_citizens_away_until_it_is_back(qtbot, tmp_path, monkeypatch) -> None:
    port = free_port()  # nothing listens: the printer is switched off
    config = tmp_path / "office.toml"
    config.write_text(
        f'[printer]\nuri = "tcp://127.0.0.1:{port}"\npoll_seconds = 1\ntimeout_seconds = 2.0\n'
        'status_timeout_seconds = 1.0\n\n[kiosk]\nrequired_devices = ["printer"]\ndevice_check_seconds = 5\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
    services = build_services(load_settings(config))
    shell = make_shell(services, Mode.KIOSK)
    try:
        page = wait_for(qtbot, shell, "outOfServicePage", timeout=60)
        assert page.property("title") == "Máy tạm ngừng phục vụ"
        assert page.property("subtitle") == "Xin lỗi, máy đang thiếu máy in phiếu."
        assert find(shell, "outOfServiceHotline").property("text") == "Đường dây nóng: 1900 0000"
        assert find(shell, "startButton") is None
        wait_until(lambda: len(audit(services, "kiosk.out_of_service")) == 1, timeout=30)
        assert audit(services, "kiosk.out_of_service")[0].detail == "missing=printer"

        # The printer is switched on (it answers DLE EOT: all well): the kiosk serves again by itself.
        with tcp_printer(port, answer=lambda data: b"\x12" * data.count(b"\x10\x04")):
            wait_for(qtbot, shell, "startButton", timeout=60)
            assert find(shell, "outOfServicePage") is None
            wait_until(lambda: len(audit(services, "kiosk.back_in_service")) == 1, timeout=30)
    finally:
        shell.close()
        services.close()
