"""Golden images of the dossier receipt at 58 mm (384 dots) and 80 mm (576 dots), compared pixel
for pixel.

The goldens in tests/golden/ were checked by eye. When the rendering changes on purpose (layout,
font, wording), the test fails and writes what it drew next to the golden as `<name>.new.png`:
look at it, and if it is right, move it over the golden and commit it with a word on what
changed. The pixels depend on DejaVu Sans and FreeType as Debian 12 ships them.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from egov.banks import load_banks
from egov.catalog import load_catalog
from egov.fees import ChargeKind, Method, Payment, PaymentState, ReceivingAccount, fees_for
from egov.receipt import RETURN_METHODS, dossier_receipt, payment_line, tracking_url
from egov.text import format_vnd
from hardware.raster import render

GOLDEN = Path(__file__).with_name("golden")


def golden_receipt(reprint: bool = True) -> list:
    """A residence registration's receipt, as a reprint (the marks are part of what is checked);
    benchmarks/receipt.py times the first print of the same slip."""
    code = "H01.99-260211-0003"
    return dossier_receipt(
        office_name="UBND Phường Mẫu (đào tạo)",
        office_address="Số 1 Phố Mẫu, Phường Mẫu, Thành phố Hà Nội",
        hotline="1900 0000",
        dossier_code=code,
        procedure_name="Đăng ký thường trú",
        procedure_code="1.004222",
        applicant_name="Nguyễn Thị Hường",
        mask_name=True,
        documents=[
            ("Tờ khai thay đổi thông tin cư trú (CT01)", 1, 0),
            ("Giấy tờ chứng minh chỗ ở hợp pháp", 0, 1),
        ],
        received_at=datetime(2026, 2, 11, 9, 30),
        appointment=date(2026, 2, 27),
        fee_text=format_vnd(20000),
        tracking_url=tracking_url("https://dichvucong.example.vn", code),
        result="Thông tin cư trú được cập nhật vào Cơ sở dữ liệu về cư trú",
        return_method=RETURN_METHODS["direct"],
        reprint=reprint,
        reprinted_at=datetime(2026, 2, 11, 9, 42),
    )


def golden_fee_receipt() -> list:
    """A temporary residence's receipt at the kiosk where the citizen chose to pay the state fee
    by VietQR (a training account): the fee line says so, and the VietQR follows the tracking QR."""
    code = "H01.99-261123-0001"
    procedure = load_catalog().get("1.004194")
    assert procedure is not None
    agency = ReceivingAccount(load_banks().bank("970415"), "000000000000", "UBND PHUONG MAU (DAO TAO)", True)
    state_fee = fees_for(procedure, "direct", code, agency=agency).state_fee
    chosen = Payment(
        ChargeKind.STATE_FEE,
        state_fee.amount,
        Method.VIETQR,
        PaymentState.UNCONFIRMED,
        state_fee.reference,
        "kiosk",
        datetime(2026, 11, 23, 9, 31),
    )
    return dossier_receipt(
        office_name="UBND Phường Mẫu (đào tạo)",
        office_address="Số 1 Phố Mẫu, Phường Mẫu, Thành phố Hà Nội",
        hotline="1900 0000",
        dossier_code=code,
        procedure_name=procedure.name,
        procedure_code=procedure.code,
        applicant_name="Nguyễn Thị Hường",
        mask_name=True,
        documents=[("Tờ khai thay đổi thông tin cư trú (CT01)", 1, 0)],
        received_at=datetime(2026, 11, 23, 9, 30),
        appointment=date(2026, 11, 26),
        fee_text=format_vnd(state_fee.amount),
        tracking_url=tracking_url("https://dichvucong.example.vn", code),
        return_method=RETURN_METHODS["direct"],
        fee_lines=[payment_line(chosen)],
        transfer=state_fee,
    )


@pytest.mark.parametrize("width", [384, 576])
def test_receipt_matches_its_golden_image(width: int) -> None:
    drawn = render(golden_receipt(), width)  # type: ignore[arg-type]
    codes = [code.text for code in zxingcpp.read_barcodes(np.asarray(drawn.convert("L")))]
    assert codes == [tracking_url("https://dichvucong.example.vn", "H01.99-260211-0003")]
    assert_matches_golden(drawn, f"receipt-{width}.png")


@pytest.mark.parametrize("width", [384, 576])
def test_receipt_with_a_fee_to_transfer_matches_its_golden_image(width: int) -> None:
    drawn = render(golden_fee_receipt(), width)  # type: ignore[arg-type]
    codes = [code.text for code in zxingcpp.read_barcodes(np.asarray(drawn.convert("L")))]
    assert tracking_url("https://dichvucong.example.vn", "H01.99-261123-0001") in codes
    assert any(text.startswith("000201") for text in codes)  # the VietQR
    assert_matches_golden(drawn, f"receipt-fee-{width}.png")


def assert_matches_golden(drawn: Image.Image, name: str) -> None:
    golden_path = GOLDEN / name
    candidate = golden_path.with_suffix(".new.png")
    if golden_path.exists():
        with Image.open(golden_path) as golden:
            expected = np.asarray(golden.convert("1"))
        if expected.shape == np.asarray(drawn).shape and np.array_equal(expected, np.asarray(drawn)):
            candidate.unlink(missing_ok=True)
            return
        differing = (
            "size differs"
            if expected.shape != np.asarray(drawn).shape
            else (f"{int((expected != np.asarray(drawn)).sum())} pixels differ")
        )
    else:
        differing = "no golden image yet"
    drawn.save(candidate)
    pytest.fail(f"{golden_path.name}: {differing}; the new drawing is {candidate} — look at it")
