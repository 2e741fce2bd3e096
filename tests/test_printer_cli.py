"""`dvc-kiosk print test` and `dvc-kiosk print status` as a technician runs them: the installed
console script against emupos (see test_printer_emupos.py) and against PNG previews."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from test_cli import run

from kiosk.print_cli import TEST_QR


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


def status(data_dir: Path, *args: str) -> tuple[int, dict]:
    done = run(data_dir, "print", "status", "--json", *args)
    return done.returncode, json.loads(done.stdout)


def test_status_of_the_preview_printer(data_dir: Path) -> None:
    code, result = status(data_dir)
    assert code == 0
    assert result == {
        "uri": "preview://",
        "profile": "preview",
        "online": True,
        "paper": "ok",
        "cover_open": False,
        "error": None,
    }


def test_test_slip_as_a_png(data_dir: Path) -> None:
    done = run(data_dir, "print", "test")
    assert done.returncode == 0, done.stderr
    (png,) = (data_dir / "receipts").glob("receipt-*.png")
    assert str(png) in done.stdout


def test_status_of_a_ready_printer(printers, data_dir: Path) -> None:  # noqa: ANN001
    code, result = status(data_dir, "--printer", printers.uri("p80"))
    assert code == 0
    assert result == {
        "uri": printers.uri("p80"),
        "profile": "pos-80",
        "online": True,
        "paper": "ok",
        "cover_open": False,
        "error": None,
    }


def test_status_with_faults(printers, data_dir: Path) -> None:  # noqa: ANN001
    uri = printers.uri("p80")
    printers.set_fault("p80", "paper-near-end")
    code, result = status(data_dir, "--printer", uri)
    assert (code, result["online"], result["paper"]) == (0, True, "near_end")  # still prints
    printers.set_fault("p80", "paper-out")
    code, result = status(data_dir, "--printer", uri)
    assert (code, result["online"], result["paper"], result["cover_open"]) == (1, False, "out", False)
    printers.clear_faults("p80")
    printers.set_fault("p80", "cover-open")
    code, result = status(data_dir, "--printer", uri)
    assert (code, result["online"], result["cover_open"]) == (1, False, True)


def test_status_of_an_unreachable_printer(data_dir: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = run(data_dir, "print", "status", "--json", "--printer", f"tcp://127.0.0.1:{port}")
    assert done.returncode == 1
    result = json.loads(done.stdout)
    assert (result["online"], result["paper"], result["cover_open"]) == (False, "unknown", None)
    assert "ECONNREFUSED" in result["error"]
    assert "Máy in chưa sẵn sàng" in done.stderr


def test_status_of_a_printer_that_never_answers(data_dir: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:  # accepts, never answers
        uri = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        done = run(data_dir, "print", "status", "--json", "--printer", uri)
    assert done.returncode == 1
    result = json.loads(done.stdout)
    assert (result["online"], result["paper"]) == (None, "unknown")  # unknown, never "ok"
    assert "no answer to DLE EOT" in result["error"]
    assert "Máy in không phản hồi" in done.stderr


def test_bad_printer_uri_is_a_usage_error(data_dir: Path) -> None:
    done = run(data_dir, "print", "status", "--printer", "lpt://1")
    assert done.returncode == 2
    assert "tcp://" in done.stderr


@pytest.mark.parametrize(("device", "paper_mm"), [("p58", 58), ("p80", 80)])
def test_test_slip_on_the_printer(printers, data_dir: Path, device: str, paper_mm: int) -> None:  # noqa: ANN001
    config = data_dir / "office.toml"
    config.write_text(f"[printer]\npaper_mm = {paper_mm}\n", encoding="utf-8")
    before = printers.receipt_ids(device)
    done = run(data_dir, "--config", str(config), "print", "test", "--printer", printers.uri(device))
    assert done.returncode == 0, done.stderr
    receipt = printers.wait_for_receipt(device, before)
    assert receipt["boundary"] == "cut" and receipt["width_dots"] == {58: 384, 80: 576}[paper_mm]
    image = np.asarray(printers.image(device, receipt["id"]).convert("L"))
    assert TEST_QR in [code.text for code in zxingcpp.read_barcodes(image)]


def test_test_slip_refused_when_out_of_paper(printers, data_dir: Path) -> None:  # noqa: ANN001
    printers.set_fault("p80", "paper-out")
    before = printers.receipt_ids("p80")
    done = run(data_dir, "print", "test", "--printer", printers.uri("p80"))
    assert done.returncode == 1
    assert "Máy in hết giấy" in done.stderr and "paper out" in done.stderr
    assert printers.receipt_ids("p80") == before
