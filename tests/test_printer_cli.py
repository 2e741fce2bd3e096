"""`dvc-kiosk print test` and `dvc-kiosk print status` as a technician runs them: the installed
console script against emupos (see test_printer_emupos.py) and against PNG previews."""

from __future__ import annotations

import json
import socket
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image
from test_cli import run

from config.settings import load_settings
from egov.dossier import Attachment, Dossier, Person
from egov.fees import ChargeKind, Method, Payment, PaymentState
from egov.receipt import REPRINT_MARK, Size, Title
from egov.store import open_store
from egov.store.payments import record_payments
from egov.vietqr import parse
from hardware.raster import render
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


# ---- print receipt, print checklist ----------------------------------------------------------


def stored_dossier(data_dir: Path, monkeypatch, code: str | None) -> Dossier:  # noqa: ANN001
    """A birth registration in the data directory's store, accepted as `code` (or still queued)."""
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(data_dir))
    monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
    dossier = Dossier(
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        applicant=Person(full_name="Nguyễn Thị Hường", id_number="001090000123"),
        office_code="H01.99",
        attachments=[Attachment("1.001193-GCS", "Giấy chứng sinh", "gcs.pdf", b"%PDF-1.4", 1)],
        created_at=datetime(2026, 2, 12, 16, 20).astimezone(),
    )
    with open_store(load_settings()) as store:
        store.save_dossier(dossier, dossier.procedure_name)
        if code:
            store.set_state(dossier.client_id, "accepted", actor="test", dossier_code=code)
    return dossier


def qr_texts(png: Path) -> list[str]:
    with Image.open(png) as image:
        return [code.text for code in zxingcpp.read_barcodes(np.asarray(image.convert("L")))]


def test_receipt_of_a_stored_dossier(data_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    stored_dossier(data_dir, monkeypatch, "H01.99-260212-0004")
    done = run(data_dir, "print", "receipt", "--dossier", "H01.99-260212-0004")
    assert done.returncode == 0, done.stderr
    (png,) = (data_dir / "receipts").glob("receipt-*.png")
    assert str(png) in done.stdout
    # No fixed portal address in the default config: the QR carries the code itself.
    assert qr_texts(png) == ["H01.99-260212-0004"]

    done = run(data_dir, "print", "receipt", "--dossier", "H01.99-260212-0004", "--reprint")
    assert done.returncode == 0, done.stderr
    first, second = sorted((data_dir / "receipts").glob("receipt-*.png"), key=lambda p: p.stat().st_mtime)
    with Image.open(first) as original, Image.open(second) as copy:
        mark = render([Title(REPRINT_MARK, Size.LARGE)], 576)
        assert copy.height > original.height
        assert np.array_equal(np.asarray(copy.convert("1"))[: mark.height], np.asarray(mark))


def test_a_reprint_keeps_the_fee_line_and_the_transfer_still_to_make(data_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    dossier = stored_dossier(data_dir, monkeypatch, "H01.99-260212-0004")
    chosen = Payment(
        ChargeKind.STATE_FEE,
        8_000,
        Method.VIETQR,
        PaymentState.UNCONFIRMED,
        "LE PHI H01.99-260212-0004",
        "kiosk",
        datetime(2026, 2, 12, 16, 25).astimezone(),
    )
    with open_store(load_settings()) as store:
        record_payments(store, dossier.client_id, [chosen])
    done = run(data_dir, "print", "receipt", "--dossier", "H01.99-260212-0004", "--reprint")
    assert done.returncode == 0, done.stderr
    (png,) = (data_dir / "receipts").glob("receipt-*.png")
    texts = qr_texts(png)
    assert len(texts) == 2 and "H01.99-260212-0004" in texts
    read = parse(next(text for text in texts if text != "H01.99-260212-0004"))
    assert (read.bin, read.account, read.amount) == ("970415", "000000000000", 8_000)
    assert read.purpose == "LE PHI H01.99-260212-0004"


def test_receipt_of_a_dossier_still_queued_by_its_local_reference(data_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    dossier = stored_dossier(data_dir, monkeypatch, None)
    reference = f"TN-{dossier.client_id.hex[:8].upper()}"
    done = run(data_dir, "print", "receipt", "--dossier", reference)
    assert done.returncode == 0, done.stderr
    (png,) = (data_dir / "receipts").glob("receipt-*.png")
    assert qr_texts(png) == [reference]


def test_unknown_dossier_says_so_in_both_languages(data_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    stored_dossier(data_dir, monkeypatch, "H01.99-260212-0004")
    done = run(data_dir, "print", "receipt", "--dossier", "H01.99-260212-0009")
    assert done.returncode == 1
    assert "Không tìm thấy hồ sơ có mã H01.99-260212-0009" in done.stderr
    assert "no dossier with code or local reference 'H01.99-260212-0009'" in done.stderr
    assert not (data_dir / "receipts").exists()


def test_receipt_on_an_escpos_printer(printers, data_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    stored_dossier(data_dir, monkeypatch, "H01.99-260212-0004")
    before = printers.receipt_ids("p80")
    done = run(
        data_dir, "print", "receipt", "--dossier", "H01.99-260212-0004", "--printer", printers.uri("p80")
    )
    assert done.returncode == 0, done.stderr
    receipt = printers.wait_for_receipt("p80", before)
    assert receipt["boundary"] == "cut"
    image = np.asarray(printers.image("p80", receipt["id"]).convert("L"))
    assert [code.text for code in zxingcpp.read_barcodes(image)] == ["H01.99-260212-0004"]


def test_checklist_of_a_procedure(printers, data_dir: Path) -> None:  # noqa: ANN001
    done = run(data_dir, "print", "checklist", "--procedure", "1.001193")
    assert done.returncode == 0, done.stderr
    (png,) = (data_dir / "receipts").glob("receipt-*.png")
    assert str(png) in done.stdout
    printers.set_fault("p58", "cover-open")
    config = data_dir / "office.toml"
    config.write_text("[printer]\npaper_mm = 58\n", encoding="utf-8")
    uri = printers.uri("p58")
    done = run(
        data_dir, "--config", str(config), "print", "checklist", "--procedure", "1.001193", "--printer", uri
    )
    assert done.returncode == 1
    assert "Nắp máy in đang mở" in done.stderr and "not printed" in done.stderr


def test_unknown_procedure_says_so_in_both_languages(data_dir: Path) -> None:
    done = run(data_dir, "print", "checklist", "--procedure", "9.999999")
    assert done.returncode == 1
    assert "Không có thủ tục mã 9.999999 trong danh mục" in done.stderr
    assert "no procedure '9.999999' in the catalogue" in done.stderr
