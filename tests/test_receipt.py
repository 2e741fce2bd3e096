"""The receipt layout, its rendering to 1-bit images, and the PNG preview printer."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import cv2
import numpy as np
import pytest
from PIL import Image

from egov.catalog import load_catalog
from egov.dossier import Attachment, Dossier, Person
from egov.receipt import (
    CHECKLIST_TITLE,
    QR,
    QUEUED_LINE,
    RECEIPT_TITLE,
    REPRINT_MARK,
    RETURN_METHODS,
    SAMPLE_MARK,
    Block,
    Cut,
    DayLine,
    DayMoney,
    KeyValue,
    Size,
    Spacer,
    Text,
    Title,
    checklist_slip,
    day_slip,
    dossier_receipt,
    format_money,
    mark_reprint,
    mask_name,
    receipt_for_dossier,
)
from egov.text import format_vnd
from egov.workdays import load_holidays
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


# ---- the complete receipt, the checklist and the end-of-day slip ---------------------------------


def _is_nfc(blocks: list[Block]) -> bool:
    text = _all_text(blocks)
    return unicodedata.normalize("NFC", text) == text


def test_receipt_says_where_the_result_comes_back_and_the_code_in_words() -> None:
    blocks = _receipt(result="Giấy khai sinh (bản chính)", return_method=RETURN_METHODS["postal"])
    text = _all_text(blocks)
    assert "Kết quả: Giấy khai sinh (bản chính)" in text
    assert "Nhận kết quả: Qua dịch vụ bưu chính công ích" in text
    assert "Mã tra cứu: H01.99-250305-0007" in text
    # Where to type it, for a QR that will not scan.
    assert "Tra cứu tại: dichvucong.example.vn/tra-cuu\n" in text
    assert "https://" not in text.replace(TRACKING_URL, "")


def test_reprint_is_marked_at_both_ends_with_the_time() -> None:
    blocks = _receipt(reprint=True, reprinted_at=datetime(2025, 3, 6, 8, 15))
    assert blocks[0] == Title(REPRINT_MARK, Size.LARGE)
    assert "In lại lúc 06/03/2025 08:15" in _all_text(blocks[:3])
    above_cut = [b for b in blocks if not isinstance(b, Spacer | Cut)][-1]
    assert above_cut == Text(REPRINT_MARK, bold=True, align="center")
    assert isinstance(blocks[-1], Cut)
    assert mark_reprint(blocks) == blocks  # marked once, however often it is reprinted


def test_bad_or_missing_data_still_makes_a_slip() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    blocks = dossier_receipt(
        office_name=None,  # type: ignore[arg-type]
        office_address="",
        hotline="",
        dossier_code="",
        procedure_name=unicodedata.normalize("NFD", "Đăng ký\tkhai  sinh\x00"),
        procedure_code=None,  # type: ignore[arg-type]
        applicant_name=decomposed,
        mask_name=False,
        documents=[(None, 1, 0), ("Giấy chứng sinh", None, -2)],  # type: ignore[list-item]
        received_at=None,
        appointment=None,
        fee_text=None,  # type: ignore[arg-type]
        tracking_url="",
    )
    text = _all_text(blocks)
    assert _is_nfc(blocks)
    assert "Thủ tục: Đăng ký khai sinh" in text
    assert "Người nộp: Nguyễn Thị Hường" in text
    assert "1. Giấy chứng sinh (bản chính: 0, bản sao: 0)" in text
    assert "Nhận lúc: —" in text and "Hẹn trả kết quả: sẽ thông báo sau" in text
    assert not any(isinstance(block, QR) for block in blocks)
    for width in WIDTHS:
        assert render(blocks, width).width == width
    # A payload no QR can hold: the slip prints without the code rather than not at all.
    assert render([QR("x" * 8000, "Quét mã")], 384).height > 0


def test_receipt_from_a_stored_dossier_counts_the_appointment_across_tet() -> None:
    catalog = load_catalog()
    residence = catalog.get("1.004222")  # Đăng ký thường trú: 7 working days
    assert residence is not None
    document = residence.documents[0]
    dossier = Dossier(
        procedure_code=residence.code,
        procedure_name=residence.name,
        applicant=Person(full_name="Trần Văn Ổn", id_number="001090000123"),
        office_code="H01.99",
        attachments=[Attachment(document.code, document.name, "a.pdf", b"%PDF-1.4", 1)],
        fee=residence.fee("direct"),
        created_at=datetime(2026, 2, 11, 9, 30),
    )
    office = SimpleNamespace(name="UBND Phường Mẫu", address="Số 1 Phố Mẫu", hotline="1900 0000")
    blocks = receipt_for_dossier(
        dossier,
        procedure=residence,
        office=office,
        dossier_code="H01.99-260211-0003",
        tracking_base_url="https://dichvucong.example.vn",
        calendar=load_holidays(),
        mask_name=True,
    )
    text = _all_text(blocks)
    # Wednesday 11/2: Thursday 12, Friday 13, then Tết (14–22/2), then 23, 24, 25, 26, 27.
    assert "Hẹn trả kết quả: 27/02/2026" in text
    assert "Người nộp: T*** V** Ổ*" in text and "Trần Văn Ổn" not in text
    assert f"1. {document.name} (bản chính: {document.originals}, bản sao: {document.copies})" in text
    assert f"Lệ phí: {residence.fee_text('direct')}" in text
    assert "Nhận kết quả: Tại bộ phận tiếp nhận và trả kết quả" in text
    assert SAMPLE_MARK not in text
    qr = next(block for block in blocks if isinstance(block, QR))
    assert qr.payload == "https://dichvucong.example.vn/tra-cuu?MHS=H01.99-260211-0003"

    unmasked = _all_text(
        receipt_for_dossier(
            dossier,
            procedure=residence,
            office=office,
            dossier_code=None,
            tracking_base_url="https://dichvucong.example.vn",
            calendar=load_holidays(),
            mask_name=False,
        )
    )
    # Not yet accepted: the local reference, no appointment, the name in full.
    assert f"TN-{dossier.client_id.hex[:8].upper()}" in unmasked and QUEUED_LINE in unmasked
    assert "Hẹn trả kết quả: sẽ thông báo sau" in unmasked
    assert "Người nộp: Trần Văn Ổn" in unmasked


def test_checklist_of_a_procedure() -> None:
    catalog = load_catalog()
    birth = catalog.get("1.001193")
    assert birth is not None
    blocks = checklist_slip(
        birth,
        office_name="UBND Phường Mẫu",
        office_address="Số 1 Phố Mẫu",
        hotline="1900 0000",
        catalog_version=catalog.version,
        catalog_date=catalog.date,
        printed_at=datetime(2026, 11, 20, 10, 0),
    )
    text = _all_text(blocks)
    assert CHECKLIST_TITLE in text and "Mã thủ tục: 1.001193" in text
    for number, document in enumerate(birth.documents, start=1):
        need = "bắt buộc" if document.required else "nếu có"
        assert f"[  ] {number}. {document.name} (bản chính: {document.originals}, " in text
        assert need in text
    assert "Thời hạn giải quyết: trong ngày" in text
    assert f"Lệ phí: {birth.fee_text('direct')}" in text
    assert f"phiên bản {catalog.version}" in text
    assert isinstance(blocks[-1], Cut) and _is_nfc(blocks)
    marriage = catalog.get("1.000894")
    assert marriage is not None and not marriage.may_delegate
    assert "không ủy quyền được" in _all_text(
        checklist_slip(
            marriage,
            office_name="",
            office_address="",
            hotline="",
            catalog_version="",
            catalog_date=None,
            printed_at=datetime(2026, 11, 20, 10, 0),
        )
    )


def test_end_of_day_slip_keeps_state_fees_and_service_charges_apart() -> None:
    lines = [
        DayLine("1.004222", "Đăng ký thường trú", 2),
        DayLine("1.001193", "Đăng ký khai sinh", 1),
        DayLine("2.000815", "Chứng thực bản sao từ bản chính", 1),
    ]
    # Of 46 000 đ in state fees and 60 000 đ in service charges, only the cash is in the agent's hands.
    money = DayMoney(
        state_fees=46000,
        service_charges=60000,
        cash_state_fees=26000,
        cash_service_charges=45000,
        transfers=20000,
        later=15000,
    )
    blocks = day_slip(
        lines,
        money,
        office_name="Bưu điện Văn hóa xã Mẫu",
        office_address="",
        agent="canbo.an",
        day=date(2026, 11, 20),
        printed_at=datetime(2026, 11, 20, 17, 5),
        audit_mark="42:0123456789abcdef",
    )
    text = _all_text(blocks)
    assert "Đăng ký thường trú (1.004222): 2 hồ sơ" in text
    assert "Tổng số hồ sơ: 4" in text
    assert "Lệ phí thu hộ cơ quan nhà nước: 46.000 đ" in text
    assert "Phí dịch vụ của điểm tiếp nhận: 60.000 đ" in text
    assert "Chuyển khoản (chưa đối soát): 20.000 đ" in text
    assert "Nộp khi nhận kết quả: 15.000 đ" in text
    assert "Tiền mặt phải nộp: 71.000 đ" in text
    assert "Mã kiểm tra nhật ký: 42:0123456789abcdef" in text
    assert "Ngày 20/11/2026" in text and "Cán bộ: canbo.an" in text
    nothing = day_slip(
        [],
        DayMoney(0, 0, 0, 0),
        office_name="",
        office_address="",
        agent="",
        day=date(2026, 11, 21),
        printed_at=datetime.now(),
    )
    empty = _all_text(nothing)
    assert "Không có hồ sơ nào" in empty and "Tiền mặt phải nộp: 0 đ" in empty
    assert "Mã kiểm tra nhật ký" not in empty


def test_money_is_written_with_dots() -> None:
    assert format_money(10000) == "10.000 đ"
    assert format_money(0) == "0 đ"
    assert format_money(1250000) == "1.250.000 đ"
