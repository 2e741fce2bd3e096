"""Receipts printed over real TCP sockets to emupos, an independent ESC/POS printer emulator, and
read back from what it decoded: the paper image, the text dump, how the job ended, and its
answers under injected faults (tests/emupos_harness.py starts it; see the `emupos` fixture)."""

from __future__ import annotations

import socket
import time
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime

import numpy as np
import pytest
import zxingcpp
from PIL import Image
from tcpprinter import tcp_printer

from egov.receipt import QR, Block, Cut, dossier_receipt, tracking_url
from egov.text import format_vnd
from hardware.printer import PROFILES, EscPosPrinter, PrinterError, PrinterErrorKind, Timeouts
from hardware.printer.escpos import Paper
from hardware.printer.thermal import QR_QUIET_DOTS
from hardware.printer.transport import TcpTransport
from hardware.raster import render

DOSSIER = "H01.99-250305-0007"
URL = tracking_url("https://dichvucong.example.vn", DOSSIER)
# Every tone mark on every vowel, and đ: each must come out of the printer as drawn.
TONES = (
    "Ả Ã Á Ạ À ẳ ẵ ắ ặ ằ ẩ ẫ ấ ậ ầ ẻ ẽ é ẹ è ể ễ ế ệ ề ỉ ĩ í ị ì "
    "ỏ õ ó ọ ò ổ ỗ ố ộ ồ ở ỡ ớ ợ ờ ủ ũ ú ụ ù ử ữ ứ ự ừ ỷ ỹ ý ỵ ỳ Đđ"
)
# Short timeouts: every fault must end within a bounded time.
FAST = Timeouts(connect=2.0, write=5.0, status=1.0, job=5.0)
DEVICE_OF_WIDTH = {384: "p58", 576: "p80"}
CUTTER_OF_WIDTH = {384: "pos-58", 576: "tm-t20"}


def receipt_blocks() -> list[Block]:
    return dossier_receipt(
        office_name="UBND Phường Mẫu (đào tạo)",
        office_address="Số 1 Phố Mẫu, Phường Mẫu, Thành phố Hà Nội",
        hotline="1900 0000",
        dossier_code=DOSSIER,
        procedure_name=f"Đăng ký khai sinh — {TONES}",
        procedure_code="1.001193",
        applicant_name="Nguyễn Thị Hường",
        mask_name=False,
        documents=[("Tờ khai đăng ký khai sinh", 1, 0), ("Giấy chứng sinh", 1, 1)],
        received_at=datetime(2025, 3, 5, 14, 7),
        appointment=date(2025, 3, 6),
        fee_text=format_vnd(8000),
        tracking_url=URL,
    )


def pixels(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L")) < 128  # True: ink


def qr_texts(image: Image.Image) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(np.asarray(image.convert("L")))]


def printed(printers, device: str, before: set[str]) -> tuple[dict, Image.Image]:  # noqa: ANN001
    receipt = printers.wait_for_receipt(device, before)
    return receipt, printers.image(device, receipt["id"])


def assert_nothing_printed(printers, device: str, before: set[str]) -> None:  # noqa: ANN001
    # Past emupos's job idle time: a job sent and held would have completed by now.
    time.sleep(1.5)
    assert printers.receipt_ids(device) == before


# ---- receipts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [384, 576])
def test_receipt_comes_out_pixel_for_pixel_with_a_cut_and_a_readable_qr(printers, width: int) -> None:  # noqa: ANN001
    device = DEVICE_OF_WIDTH[width]
    printer = EscPosPrinter(printers.uri(device), PROFILES[CUTTER_OF_WIDTH[width]], FAST)
    image = render(receipt_blocks(), width)  # type: ignore[arg-type]
    before = printers.receipt_ids(device)
    assert printer.print_image(image) is None
    receipt, paper = printed(printers, device, before)
    assert receipt["boundary"] == "cut"
    assert paper.size == image.size == (width, receipt["height_dots"])
    assert np.array_equal(pixels(paper), pixels(image)), "the printed receipt differs from the rendered one"
    assert URL in qr_texts(paper)
    assert printer.last_status is not None
    assert (printer.last_status.online, printer.last_status.paper) == (True, Paper.OK)
    assert printers.receipt_ids(device) == before | {receipt["id"]}  # printed once


def test_native_qr_receipt(printers) -> None:  # noqa: ANN001
    """TM-T20: the QR is sent as GS ( k; the text around it is still the rendered raster."""
    blocks = receipt_blocks()
    printer = EscPosPrinter(printers.uri("p80"), PROFILES["tm-t20"], FAST)
    before = printers.receipt_ids("p80")
    printer.print_blocks(blocks)
    receipt, paper = printed(printers, "p80", before)
    assert receipt["boundary"] == "cut"
    assert f"[qr {URL}]" in printers.text("p80", receipt["id"])
    assert URL in qr_texts(paper)
    qr_at = next(i for i, block in enumerate(blocks) if isinstance(block, QR))
    above = render(blocks[:qr_at], 576)
    below = render([block for block in blocks[qr_at + 1 :] if not isinstance(block, Cut)], 576)
    ink = pixels(paper)
    assert np.array_equal(ink[: above.height], pixels(above))
    assert np.array_equal(ink[-below.height :], pixels(below))
    # Between them: a quiet zone, the printer's own QR code, a quiet zone, the caption.
    middle = ink[above.height : -below.height]
    assert not middle[:QR_QUIET_DOTS].any() and middle[QR_QUIET_DOTS:].any()


def test_tear_bar_printer_gets_no_cut(printers) -> None:  # noqa: ANN001
    printer = EscPosPrinter(printers.uri("p58"), PROFILES["xp-58"], FAST)
    image = render(receipt_blocks(), 384)
    before = printers.receipt_ids("p58")
    printer.print_image(image)
    receipt, paper = printed(printers, "p58", before)
    assert receipt["boundary"] == "connection-closed"  # fed past the tear bar, never cut
    assert np.array_equal(pixels(paper), pixels(image))


def test_status_of_a_ready_printer(printers) -> None:  # noqa: ANN001
    status = EscPosPrinter(printers.uri("p80"), PROFILES["tm-t20"], FAST).status()
    assert (status.online, status.cover_open, status.paper, status.error) == (True, False, Paper.OK, False)


# ---- faults --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "kind"),
    [
        ("paper-out", PrinterErrorKind.PAPER_OUT),
        ("cover-open", PrinterErrorKind.COVER_OPEN),
        ("offline", PrinterErrorKind.OFFLINE),
    ],
)
@pytest.mark.parametrize("profile", ["tm-t20", "pos-80"])
def test_job_refused_before_it_starts(printers, fault: str, kind: PrinterErrorKind, profile: str) -> None:  # noqa: ANN001
    printers.set_fault("p80", fault)
    printer = EscPosPrinter(printers.uri("p80"), PROFILES[profile], FAST)
    before = printers.receipt_ids("p80")
    started = time.monotonic()
    with pytest.raises(PrinterError) as caught:
        printer.print_image(render(receipt_blocks(), 576))
    assert time.monotonic() - started < 5
    assert caught.value.kind is kind
    assert caught.value.message  # the Vietnamese sentence for the screen
    assert DOSSIER not in str(caught.value)
    printers.set_fault("p80", fault, active=False)
    assert_nothing_printed(printers, "p80", before)  # nothing was sent, so nothing comes out later


def test_paper_near_end_prints_and_says_so(printers) -> None:  # noqa: ANN001
    printers.set_fault("p58", "paper-near-end")
    printer = EscPosPrinter(printers.uri("p58"), PROFILES["pos-58"], FAST)
    image = render(receipt_blocks(), 384)
    before = printers.receipt_ids("p58")
    printer.print_image(image)
    _, paper = printed(printers, "p58", before)
    assert np.array_equal(pixels(paper), pixels(image))
    assert printer.last_status is not None and printer.last_status.paper is Paper.NEAR_END
    assert printer.status().paper is Paper.NEAR_END


class _PaperRunsOut(TcpTransport):
    """Writes half the job, then the roll ends (through emupos's API), then the rest."""

    def __init__(self, printers, *args) -> None:  # noqa: ANN001, ANN002
        super().__init__(*args)
        self.printers = printers

    def write(self, data: bytes) -> None:
        if len(data) < 1000:  # status requests
            return super().write(data)
        super().write(data[: len(data) // 2])
        time.sleep(0.2)
        self.printers.set_fault("p80", "paper-out")
        super().write(data[len(data) // 2 :])


def test_paper_out_during_the_job(printers) -> None:  # noqa: ANN001
    """The printer holds what it could not print; GS r 1 stays unanswered; the printer is asked
    why and says paper out. Once a roll is in, the held job prints, once."""
    port = printers.ports["p80"]
    transport = _PaperRunsOut(printers, "127.0.0.1", port, FAST)
    printer = EscPosPrinter(printers.uri("p80"), PROFILES["tm-t20"], FAST, transport=transport)
    image = render(receipt_blocks(), 576)
    before = printers.receipt_ids("p80")
    started = time.monotonic()
    with pytest.raises(PrinterError) as caught:
        printer.print_image(image)
    assert caught.value.kind is PrinterErrorKind.PAPER_OUT
    assert "after the job" in str(caught.value)
    assert time.monotonic() - started < FAST.job + 3
    assert printers.receipt_ids("p80") == before
    printers.set_fault("p80", "paper-out", active=False)
    receipt, paper = printed(printers, "p80", before)
    assert np.array_equal(pixels(paper), pixels(image))
    assert_nothing_printed(printers, "p80", before | {receipt["id"]})


# ---- printers that cannot be reached or do not answer ---------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_nobody_listening_is_offline_at_once() -> None:
    printer = EscPosPrinter(f"tcp://127.0.0.1:{_closed_port()}", PROFILES["pos-80"], FAST)
    started = time.monotonic()
    with pytest.raises(PrinterError) as caught:
        printer.print_image(render(receipt_blocks(), 576))
    assert caught.value.kind is PrinterErrorKind.OFFLINE
    assert "ECONNREFUSED" in str(caught.value)
    assert time.monotonic() - started < 2


@pytest.fixture
def silent_printer() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP port that accepts and reads everything and never answers: a wedged printer, or one
    that does not speak DLE EOT."""
    with tcp_printer() as printer:
        yield printer.port, printer.received


def test_printer_that_never_answers_is_a_timeout_not_paper_ok(silent_printer) -> None:  # noqa: ANN001
    port, received = silent_printer
    printer = EscPosPrinter(f"tcp://127.0.0.1:{port}", PROFILES["pos-80"], FAST)
    started = time.monotonic()
    with pytest.raises(PrinterError) as caught:
        printer.print_image(render(receipt_blocks(), 576))
    assert caught.value.kind is PrinterErrorKind.TIMEOUT
    assert time.monotonic() - started < FAST.status + 1
    time.sleep(0.3)
    assert b"".join(received) == b"\x10\x04\x01"  # asked once, then nothing sent: no job
    with pytest.raises(PrinterError) as caught:
        printer.status()
    assert caught.value.kind is PrinterErrorKind.TIMEOUT


def test_text_mode_receipt_decodes_with_every_tone_and_is_cut(printers) -> None:  # noqa: ANN001
    """[printer] text_mode: the receipt as CP1258 text (ESC t 52 on a TM-T20 with WPC1258). emupos's
    text dump decodes the bytes with the page selected: the name and every tone mark come back."""
    blocks = receipt_blocks()
    printer = EscPosPrinter(printers.uri("t80"), PROFILES["tm-t20"], FAST, text_mode=True)
    before = printers.receipt_ids("t80")
    printer.print_blocks(blocks)
    receipt, _ = printed(printers, "t80", before)
    assert receipt["boundary"] == "cut"
    dump = unicodedata.normalize("NFC", printers.text("t80", receipt["id"]))
    for expected in ("Nguyễn Thị Hường", "PHIẾU TIẾP NHẬN", "Đăng ký khai sinh", DOSSIER, f"[qr {URL}]"):
        assert expected in dump, expected
    # Lines are wrapped at 48 columns, so the tones are checked word by word.
    assert set(TONES.split()) <= set(dump.split())
    assert "?" not in dump.replace(URL, "")
    assert "\ufffd" not in dump
    assert printers.receipt_ids("t80") == before | {receipt["id"]}
