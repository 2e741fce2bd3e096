"""The receipt's fee lines and its second QR (egov.receipt with egov.fees payments).

What the citizen holding the slip would notice: the state fee and the service charge on lines of
their own, each saying how it was paid and by whom, nothing called paid that nobody saw paid, and
when the transfer is still to be made, a second QR below the tracking QR that pays exactly the
state fee into the agency's account with the dossier in its purpose, plus the same in words.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from types import SimpleNamespace

import numpy as np
import pytest

from egov.banks import load_banks
from egov.catalog import load_catalog
from egov.dossier import Attachment, Dossier, Person
from egov.fees import Charge, ChargeKind, Method, Payment, PaymentState, ReceivingAccount, fees_for
from egov.receipt import (
    QR,
    TRAINING_ACCOUNT,
    TRANSFER_CAPTION,
    Block,
    KeyValue,
    Size,
    Text,
    Title,
    payment_line,
    receipt_for_dossier,
)
from egov.vietqr import parse
from egov.workdays import load_holidays
from hardware.qr import read_codes
from hardware.raster import render

CODE = "H01.99-261123-0001"
RESIDENCE = "1.004194"  # đăng ký tạm trú, 15 000 đ
BIRTH = "1.001193"  # free
MARRIAGE_STATUS = "1.004873"  # the province sets the fee
BASE_URL = "https://dichvucong.example.vn"
AT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def account(training: bool = False) -> ReceivingAccount:
    return ReceivingAccount(load_banks().bank("970415"), "112233445566", "UBND PHUONG MAU", training)


def paid(
    kind: ChargeKind, method: Method, state: PaymentState, amount: int | None, by: str = "canbo.an"
) -> Payment:
    words = "LE PHI" if kind is ChargeKind.STATE_FEE else "PHI DV"
    return Payment(kind, amount, method, state, f"{words} {CODE}", by, AT)


def receipt(
    procedure_code: str, payments: list[Payment], transfer: Charge | None = None, **kw: object
) -> list[Block]:
    procedure = load_catalog().get(procedure_code)
    assert procedure is not None
    dossier = Dossier(
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        applicant=Person(full_name="Trần Văn Ổn", id_number="001090000123"),
        office_code="H01.99",
        attachments=[
            Attachment(procedure.documents[0].code, procedure.documents[0].name, "a.pdf", b"%PDF", 1)
        ],
        fee=procedure.fee("direct"),
        client_id=uuid.uuid4(),
    )
    office = SimpleNamespace(name="UBND Phường Mẫu", address="Số 1 Phố Mẫu", hotline="1900 0000")
    return receipt_for_dossier(
        dossier,
        procedure=procedure,
        office=office,
        dossier_code=CODE,
        tracking_base_url=BASE_URL,
        calendar=load_holidays(),
        mask_name=True,
        payments=payments,
        transfer=transfer,
        **kw,  # type: ignore[arg-type]
    )


def lines(blocks: list[Block]) -> dict[str, str]:
    return {block.key: block.value for block in blocks if isinstance(block, KeyValue)}


def state_fee_charge(training: bool = False) -> Charge:
    procedure = load_catalog().get(RESIDENCE)
    assert procedure is not None
    return fees_for(procedure, "direct", CODE, agency=account(training)).state_fee


def test_each_charge_has_its_own_line_saying_how_it_was_paid() -> None:
    blocks = receipt(
        RESIDENCE,
        [
            paid(ChargeKind.SERVICE_CHARGE, Method.CASH, PaymentState.RECEIVED, 10_000),
            paid(ChargeKind.STATE_FEE, Method.VIETQR, PaymentState.SEEN, 15_000),
        ],
    )
    found = lines(blocks)
    assert found["Lệ phí"] == "15.000 đ (chuyển khoản — canbo.an đã xem trên điện thoại)"
    assert found["Phí dịch vụ"] == "10.000 đ (đã thu tiền mặt — canbo.an)"
    keys = [block.key for block in blocks if isinstance(block, KeyValue)]
    assert keys.index("Lệ phí") + 1 == keys.index("Phí dịch vụ")
    # Seen paid: no second QR that would pay it twice.
    assert [block.payload for block in blocks if isinstance(block, QR)] == [f"{BASE_URL}/tra-cuu?MHS={CODE}"]


@pytest.mark.parametrize(
    "method, state, amount, words",
    [
        (Method.VIETQR, PaymentState.UNCONFIRMED, 15_000, "15.000 đ (chuyển khoản — chưa xác nhận)"),
        (Method.AT_COUNTER_LATER, PaymentState.DUE, 15_000, "15.000 đ (nộp khi nhận kết quả)"),
        (
            Method.AT_COUNTER_LATER,
            PaymentState.DUE,
            None,
            "theo mức thu do tỉnh quy định (nộp khi nhận kết quả)",
        ),
        (Method.GATEWAY, PaymentState.UNCONFIRMED, 15_000, "15.000 đ (qua cổng thanh toán — chưa xác nhận)"),
        (Method.GATEWAY, PaymentState.PAID, 15_000, "15.000 đ (đã nộp qua cổng thanh toán)"),
    ],
)
def test_nothing_is_called_paid_that_nobody_saw_paid(
    method: Method, state: PaymentState, amount: int | None, words: str
) -> None:
    assert payment_line(paid(ChargeKind.STATE_FEE, method, state, amount, "kiosk")) == ("Lệ phí", words)


def test_a_free_state_fee_still_says_so_beside_the_service_charge() -> None:
    found = lines(
        receipt(BIRTH, [paid(ChargeKind.SERVICE_CHARGE, Method.CASH, PaymentState.RECEIVED, 10_000)])
    )
    assert found["Lệ phí"] == "Miễn phí"
    assert found["Phí dịch vụ"] == "10.000 đ (đã thu tiền mặt — canbo.an)"


def test_without_payments_the_receipt_keeps_the_catalogue_fee() -> None:
    found = lines(receipt(MARRIAGE_STATUS, []))
    assert found["Lệ phí"] == "Theo mức thu do tỉnh quy định" and "Phí dịch vụ" not in found


def test_a_transfer_to_make_is_a_second_qr_after_the_tracking_qr() -> None:
    unconfirmed = paid(ChargeKind.STATE_FEE, Method.VIETQR, PaymentState.UNCONFIRMED, 15_000, "kiosk")
    blocks = receipt(RESIDENCE, [unconfirmed], transfer=state_fee_charge(training=True))
    codes = [block for block in blocks if isinstance(block, QR)]
    assert [qr.caption for qr in codes] == ["Quét mã để tra cứu hồ sơ", TRANSFER_CAPTION]
    assert codes[0].payload == f"{BASE_URL}/tra-cuu?MHS={CODE}"
    transfer = parse(codes[1].payload)
    assert (transfer.bin, transfer.account, transfer.amount) == ("970415", "112233445566", 15_000)
    assert CODE in transfer.purpose
    # The same in words, for a QR that will not scan; and a training account says so.
    found = lines(blocks)
    assert found["Số tiền"] == "15.000 đ" and found["Ngân hàng"] == "VietinBank"
    assert found["Số tài khoản"] == "112233445566" and found["Chủ tài khoản"] == "UBND PHUONG MAU"
    purpose = blocks.index(Text("Nội dung chuyển khoản:", align="center")) + 1
    assert blocks[purpose] == Title(f"LE PHI {CODE}", Size.LARGE)
    assert any(isinstance(b, Text) and b.text == TRAINING_ACCOUNT for b in blocks)
    assert not any(
        isinstance(b, Text) and b.text == TRAINING_ACCOUNT
        for b in receipt(RESIDENCE, [unconfirmed], transfer=state_fee_charge())
    )


@pytest.mark.parametrize("width", [384, 576])
def test_both_qr_codes_of_the_printed_slip_read_back(width: int) -> None:
    unconfirmed = paid(ChargeKind.STATE_FEE, Method.VIETQR, PaymentState.UNCONFIRMED, 15_000, "kiosk")
    drawn = render(receipt(RESIDENCE, [unconfirmed], transfer=state_fee_charge()), width)  # type: ignore[arg-type]
    codes = read_codes(np.asarray(drawn.convert("L")))
    by_height = [code.text for code in sorted(codes, key=lambda code: min(y for _, y in code.corners))]
    assert by_height[0] == f"{BASE_URL}/tra-cuu?MHS={CODE}"  # the tracking QR first
    transfer = parse(by_height[1])
    assert transfer.amount == 15_000 and transfer.purpose == f"LE PHI {CODE}"
