"""The receipt layout, its rendering to 1-bit images, and the PNG preview printer."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from PIL import Image

from egov.receipt import (
    QR,
    QUEUED_LINE,
    RECEIPT_TITLE,
    REPRINT_MARK,
    SAMPLE_MARK,
    Block,
    Cut,
    KeyValue,
    Text,
    Title,
    dossier_receipt,
    mask_name,
)
from egov.text import format_vnd
from hardware.printer import (
    EscPosPrinter,
    PreviewPrinter,
    PrinterError,
    PrinterErrorKind,
    printer_from_uri,
)
from hardware.raster import WIDTHS, render

TRACKING_URL = "https://dichvucong.example.vn/tra-cuu?ma=H01.99-250305-0007"


def _receipt(**changes: Any) -> list[Block]:
    arguments: dict[str, Any] = {
        "office_name": "UBND Phường Mẫu (đào tạo)",
        "office_address": "Số 1 Phố Mẫu, Phường Mẫu, Thành phố Hà Nội",
        "hotline": "1900 0000",
        "dossier_code": "H01.99-250305-0007",
        "procedure_name": "Đăng ký khai sinh",
        "procedure_code": "1.001193",
        "applicant_name": "Nguyễn Thị Mai",
        "mask_name": True,
        "documents": [("Tờ khai đăng ký khai sinh", 1, 0), ("Giấy chứng sinh", 1, 1)],
        "received_at": datetime(2025, 3, 5, 14, 7),
        "appointment": date(2025, 3, 6),
        "fee_text": format_vnd(8000),
        "tracking_url": TRACKING_URL,
    }
    arguments.update(changes)
    return dossier_receipt(**arguments)


def _all_text(blocks: list[Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        match block:
            case Title(text=text) | Text(text=text):
                parts.append(text)
            case KeyValue(key=key, value=value):
                parts.append(f"{key}: {value}")
            case QR(payload=payload, caption=caption):
                parts += [payload, caption]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Nguyễn Thị Mai", "Ng***n T** M**"),
        ("Lê Văn Tám", "L* V** T**"),
        ("Trần   Thị  Hường", "T*** T** Hư**g"),
        ("Phương", "Ph***g"),
        ("A", "A"),
        ("", ""),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_mask_name_counts_decomposed_letters_once() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Mai")
    assert mask_name(decomposed) == "Ng***n T** M**"


def test_receipt_content() -> None:
    text = _all_text(_receipt())
    assert RECEIPT_TITLE in text
    assert "Bộ phận tiếp nhận và trả kết quả" in text
    assert "H01.99-250305-0007" in text
    assert "Ng***n T** M**" in text and "Nguyễn Thị Mai" not in text
    assert "05/03/2025 14:07" in text and "06/03/2025" in text
    assert "8.000 đ" in text
    assert "Giấy chứng sinh (bản chính: 1, bản sao: 1)" in text
    assert "1900 0000" in text
    assert any(isinstance(block, QR) and block.payload == TRACKING_URL for block in _receipt())
    assert isinstance(_receipt()[-1], Cut)
    for mark in (REPRINT_MARK, SAMPLE_MARK, QUEUED_LINE):
        assert mark not in text


def test_receipt_variants() -> None:
    assert "Nguyễn Thị Mai" in _all_text(_receipt(mask_name=False))
    assert REPRINT_MARK in _all_text(_receipt(reprint=True))
    assert _all_text(_receipt(sample=True)).count(SAMPLE_MARK) == 2
    queued = _all_text(_receipt(queued=True, dossier_code="KIOSK-0042"))
    assert QUEUED_LINE in queued and "KIOSK-0042" in queued and "Mã hồ sơ" not in queued
    assert "Miễn phí" in _all_text(_receipt(fee_text=format_vnd(0)))
    assert "sẽ thông báo sau" in _all_text(_receipt(appointment=None))


def _decode_qr(image: Image.Image) -> str:
    grey = np.asarray(image.convert("L"))
    grey = cv2.resize(grey, None, fx=2, fy=2, interpolation=cv2.INTER_NEAREST)
    payload, _points, _code = cv2.QRCodeDetector().detectAndDecode(grey)
    return payload


@pytest.mark.parametrize("width", WIDTHS)
def test_render_width_mode_and_qr(width: int) -> None:
    image = render(_receipt(), width)
    assert image.mode == "1"
    assert image.width == width
    assert image.height > 600
    assert _decode_qr(image) == TRACKING_URL


@pytest.mark.parametrize("width", WIDTHS)
def test_long_text_wraps_inside_the_margins(width: int) -> None:
    short = render(_receipt(), width)
    long_name = "Đăng ký khai sinh, kết hôn, nhận cha mẹ con, thay đổi cải chính hộ tịch " * 6
    tall = render(_receipt(procedure_name=long_name, dossier_code="H01.99-250305-000700000"), width)
    assert tall.width == width
    assert tall.height > short.height + 100
    ink = np.asarray(tall.convert("L")) < 128
    margin = 6
    assert not ink[:, -margin:].any(), "text reaches the right edge"
    assert not ink[:, :margin].any(), "text reaches the left edge"


def test_render_rejects_other_widths() -> None:
    with pytest.raises(ValueError):
        render(_receipt(), 500)  # type: ignore[arg-type]


def test_render_is_threshold_not_dither() -> None:
    image = render([Text("Đường dây nóng")], 384)
    values = set(np.unique(np.asarray(image.convert("L"))).tolist())
    assert values <= {0, 255}


def test_preview_printer_writes_png(tmp_path: Path) -> None:
    moment = datetime(2025, 3, 5, 14, 7, 9)
    printer = PreviewPrinter(tmp_path / "receipts", clock=lambda: moment)
    image = render(_receipt(sample=True), 576)
    first = printer.print_image(image)
    second = printer.print_image(image)
    assert first.name == "receipt-20250305-140709-1.png"
    assert second.name == "receipt-20250305-140709-2.png"  # same second: never overwritten
    with Image.open(first) as reopened:
        assert reopened.size == image.size


def test_printer_from_uri(tmp_path: Path) -> None:
    default = printer_from_uri("preview://", tmp_path)
    assert isinstance(default, PreviewPrinter) and default.directory == tmp_path
    chosen = printer_from_uri(f"preview://{tmp_path}/elsewhere", Path("/unused"))
    assert isinstance(chosen, PreviewPrinter) and chosen.directory == tmp_path / "elsewhere"
    # ESC/POS printers are made without touching the device: nothing is opened before a job.
    for uri in ("tcp://127.0.0.1:9", "usb://0416:5011", "cups://Receipts", "file:///dev/usb/lp0"):
        assert isinstance(printer_from_uri(uri, tmp_path), EscPosPrinter)
    for uri in ("", "lpt://1", "tcp://", "usb://xyz"):
        with pytest.raises(PrinterError) as caught:
            printer_from_uri(uri, tmp_path)
        assert caught.value.kind is PrinterErrorKind.NOT_CONFIGURED
        assert caught.value.message
