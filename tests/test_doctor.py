"""The device checks of `dvc-kiosk doctor` answer quickly and never raise."""

from __future__ import annotations

import socket
import sys
import time
import types
from pathlib import Path

import pytest

from hardware import doctor


def test_reader_without_pcscd_is_missing_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    from smartcard.pcsc.PCSCExceptions import EstablishContextException

    def no_service() -> list[object]:
        # What pyscard raises when pcscd is not running (SCARD_E_NO_SERVICE).
        raise EstablishContextException(0x8010001D)

    monkeypatch.setattr("smartcard.System.readers", no_service)
    started = time.monotonic()
    check = doctor.check_reader()
    assert time.monotonic() - started < 3
    assert check.name == "reader"
    assert check.state == "missing"
    assert "pcscd" in check.detail and check.detail_vi


def test_reader_on_this_machine_answers_quickly() -> None:
    # Whatever this machine has (usually no pcscd in CI), the check returns, and fast.
    started = time.monotonic()
    check = doctor.check_reader(timeout=2)
    assert time.monotonic() - started < 3
    assert check.state in ("ok", "missing", "error")


def test_reader_that_hangs_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("smartcard.System.readers", lambda: time.sleep(10))
    started = time.monotonic()
    check = doctor.check_reader(timeout=0.5)
    assert time.monotonic() - started < 2
    assert check.state == "error"


def test_reader_without_pyscard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "smartcard.System", types.ModuleType("broken"))
    assert doctor.check_reader().state == "missing"


def test_sample_camera_is_ok() -> None:
    check = doctor.check_camera("samples")
    assert check.state == "ok"
    assert "4" in check.detail


def test_missing_device_camera() -> None:
    started = time.monotonic()
    check = doctor.check_camera("/nonexistent/video.avi", timeout=3)
    assert time.monotonic() - started < 4
    assert check.state in ("missing", "error")
    assert check.detail_vi


def test_preview_printer_is_ok(tmp_path: Path) -> None:
    check = doctor.check_printer("preview://", tmp_path / "receipts")
    assert check.state == "ok"
    assert (tmp_path / "receipts").is_dir()
    assert list((tmp_path / "receipts").iterdir()) == []  # the probe file is removed


def test_unwritable_preview_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert doctor.check_printer(f"preview://{blocker}/sub", tmp_path).state == "error"


def test_unreachable_printer_is_an_error(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a loopback port that nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    check = doctor.check_printer(f"tcp://127.0.0.1:{port}", tmp_path)
    assert time.monotonic() - started < 5
    assert check.state == "error"
    assert "refused" in check.detail.lower() and "Generic POS-80" in check.detail
    assert check.detail_vi


def test_malformed_printer_uri_is_an_error(tmp_path: Path) -> None:
    check = doctor.check_printer("lpt://1", tmp_path)
    assert check.state == "error"
    assert "tcp://" in check.detail
