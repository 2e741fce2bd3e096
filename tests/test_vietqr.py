"""VietQR (egov.vietqr, egov.banks, `dvc-kiosk vietqr`): the payload a citizen's banking app reads.

What a citizen would notice is a QR their bank refuses, or one that pays the wrong account, the
wrong amount or with a purpose that no longer names the dossier. So the payloads are compared byte
for byte with an independent encoder (vietnam-qr-pay from PyPI, in the tests only), read back by
our parser and by that package's, drawn as a PNG and decoded by the kiosk's own QR reader; the
parser is fed anything a camera could decode and must answer with a VietQrError or a transfer,
never anything else.
"""

from __future__ import annotations

import binascii
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import cv2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vietnam_qr_pay import QRPay
from vietnam_qr_pay.constants import VietQRService
from vietnam_qr_pay.constants.banks import BanksObject
from vietnam_qr_pay.crc16 import crc16ccitt

from egov.banks import BankTableError, load_banks
from egov.vietqr import (
    MAX_AMOUNT,
    Problem,
    Service,
    VietQr,
    VietQrError,
    crc16_ccitt_false,
    parse,
    purpose_text,
    transfer_qr,
)
from hardware.qr import read_codes
from kiosk.cli import main

DVC_KIOSK = Path(sys.executable).parent / "dvc-kiosk"
VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]")


def independent(qr: VietQr) -> str:
    """The payload vietnam-qr-pay builds for the same transfer (with our ASCII purpose)."""
    return QRPay.init_viet_qr(
        bank_bin=qr.bin,
        bank_number=qr.account,
        amount=None if qr.amount is None else str(qr.amount),
        purpose=qr.purpose or None,
        service=VietQRService.BY_CARD_NUMBER if qr.service is Service.CARD else None,
    ).build()


def tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def with_crc(body: str) -> str:
    """`body` closed with a correct CRC field, the CRC computed by the other package."""
    body += "6304"
    return body + f"{crc16ccitt(body):04X}"


def napas(bin_: str = "970436", account: str = "0011001234567", service: str = "QRIBFTTA") -> str:
    beneficiary = tlv("00", bin_) + tlv("01", account)
    return tlv("38", tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", service))


# ---- CRC ------------------------------------------------------------------------------------------


def test_crc_check_value() -> None:
    # The catalogue check value of CRC-16/CCITT-FALSE, the one EMVCo's CRC must give.
    assert crc16_ccitt_false(b"123456789") == 0x29B1


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300))
def test_crc_agrees_with_the_standard_library(data: bytes) -> None:
    # binascii.crc_hqx is the same polynomial, unreflected, with the initial value given.
    assert crc16_ccitt_false(data) == binascii.crc_hqx(data, 0xFFFF)


# ---- payloads, byte for byte --------------------------------------------------------------------

VCB, VTB, BIDV = "970436", "970415", "970418"
FEE_PURPOSE = "LE PHI H01.99-261123-0001"  # 25 characters: the limit, with a whole dossier code

# (id, arguments of transfer_qr, the purpose it must carry, written here by hand)
CASES: list[tuple[str, dict[str, object], str]] = [
    ("static", {"bin": VCB, "account": "0011001234567"}, ""),
    ("static-with-purpose", {"bin": VTB, "account": "1234567890", "purpose": "Ung ho"}, "Ung ho"),
    ("one-dong", {"bin": BIDV, "account": "1234567890", "amount": 1}, ""),
    (
        "state-fee",
        {"bin": VCB, "account": "0011001234567", "amount": 20_000, "purpose": FEE_PURPOSE},
        FEE_PURPOSE,
    ),
    ("largest-amount", {"bin": VCB, "account": "1", "amount": MAX_AMOUNT}, ""),
    ("account-19-alphanumeric", {"bin": "970454", "account": "99MM24011M348750801"}, ""),
    ("card-16", {"bin": VCB, "account": "9704360000000001", "card": True, "amount": 8_000}, ""),
    ("card-19", {"bin": BIDV, "account": "9704180000000000001", "card": True}, ""),
    (
        "purpose-vietnamese",
        {"bin": VCB, "account": "1234567890", "amount": 50_000, "purpose": "Lệ phí hồ sơ H01.99"},
        "Le phi ho so H01.99",
    ),
    (
        "purpose-every-tone",
        {"bin": VTB, "account": "1234567890", "amount": 2_000, "purpose": "Nguyễn Thị Hường nộp"},
        "Nguyen Thi Huong nop",
    ),
    (
        "purpose-capital-d",
        {"bin": VTB, "account": "1234567890", "purpose": "ĐĂNG KÝ KHAI SINH"},
        "DANG KY KHAI SINH",
    ),
    (
        "purpose-decomposed",
        {"bin": VTB, "account": "1234567890", "purpose": unicodedata.normalize("NFD", "Chứng thực bản sao")},
        "Chung thuc ban sao",
    ),
    (
        # 25 letters once plain, 36 bytes of UTF-8 before: fits, because the ASCII is what counts.
        "purpose-at-limit-with-diacritics",
        {"bin": VCB, "account": "1234567890", "amount": 20_000, "purpose": "Lệ phí đăng ký thường trú"},
        "Le phi dang ky thuong tru",
    ),
    (
        "purpose-white-space",
        {"bin": VCB, "account": "1234567890", "amount": 15_000, "purpose": "  LE   PHI\tTN-1A2B3C4D \n"},
        "LE PHI TN-1A2B3C4D",
    ),
]


@pytest.mark.parametrize(("arguments", "purpose"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_payload_matches_the_independent_encoder_byte_for_byte(arguments: dict, purpose: str) -> None:
    qr = transfer_qr(**arguments)  # type: ignore[arg-type]
    assert qr.purpose == purpose
    payload = qr.payload()
    assert payload == independent(qr)
    assert payload.isascii()
    # Static without an amount, dynamic with one: whether the banking app lets the payer type it.
    assert payload[:12] == "0002010102" + ("12" if "amount" in arguments else "11")
    assert payload[-8:-4] == "6304" and re.fullmatch("[0-9A-F]{4}", payload[-4:])


@pytest.mark.parametrize(("arguments", "purpose"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_payload_reads_back_the_same(arguments: dict, purpose: str) -> None:
    qr = transfer_qr(**arguments)  # type: ignore[arg-type]
    assert parse(qr.payload()) == qr
    theirs = QRPay(qr.payload())
    assert theirs.is_valid
    assert (theirs.consumer.bank_bin, theirs.consumer.bank_number) == (qr.bin, qr.account)
    assert theirs.provider.service == qr.service.value
    assert theirs.amount == (None if qr.amount is None else str(qr.amount))
    assert (theirs.additional_data.purpose or "") == purpose


def test_the_worked_fee_example_reads_back_field_by_field() -> None:
    qr = transfer_qr(VCB, "0011001234567", amount=50_000, purpose="LE PHI H56.14-250301-0001")
    assert qr.payload() == (
        "000201"
        "010212"
        "3857"
        "0010A000000727"
        "0127"
        "0006970436"
        "01130011001234567"
        "0208QRIBFTTA"
        "5303704"
        "540550000"
        "5802VN"
        "6229"
        "0825LE PHI H56.14-250301-0001"
        "6304" + qr.payload()[-4:]
    )
    assert qr.payload()[-4:] == f"{crc16ccitt(qr.payload()[:-4]):04X}"


@settings(max_examples=300, deadline=None)
@given(
    bin_=st.sampled_from([bank.bin for bank in load_banks()]),
    account=st.from_regex(r"[0-9A-Za-z]{1,19}", fullmatch=True),
    amount=st.none() | st.integers(min_value=1, max_value=MAX_AMOUNT),
    purpose=st.text(max_size=40),
)
def test_any_accepted_transfer_matches_and_reads_back(bin_: str, account: str, amount, purpose: str) -> None:
    try:
        qr = transfer_qr(bin_, account, amount=amount, purpose=purpose)
    except VietQrError as exc:
        assert exc.problem in (Problem.PURPOSE_CHARACTERS, Problem.PURPOSE_TOO_LONG)
        return
    assert qr.purpose.isascii() and len(qr.purpose.encode("utf-8")) <= 25
    assert qr.payload() == independent(qr)
    assert parse(qr.payload()) == qr


# ---- what is refused ------------------------------------------------------------------------------

REFUSED: list[tuple[str, dict[str, object], Problem]] = [
    ("purpose-26", {"purpose": "LE PHI H01.99-261123-00012"}, Problem.PURPOSE_TOO_LONG),
    ("purpose-26-once-plain", {"purpose": "Lệ phí đăng ký thường trúx"}, Problem.PURPOSE_TOO_LONG),
    ("purpose-emoji", {"purpose": "Lệ phí 🙂"}, Problem.PURPOSE_CHARACTERS),
    ("purpose-chinese", {"purpose": "手续费"}, Problem.PURPOSE_CHARACTERS),
    ("purpose-accents-refused", {"purpose": "Lệ phí", "transliterate": False}, Problem.PURPOSE_CHARACTERS),
    ("amount-zero", {"amount": 0}, Problem.AMOUNT),
    ("amount-negative", {"amount": -5_000}, Problem.AMOUNT),
    ("amount-14-digits", {"amount": MAX_AMOUNT + 1}, Problem.AMOUNT),
    ("amount-true", {"amount": True}, Problem.AMOUNT),
    ("amount-decimal", {"amount": 1.5}, Problem.AMOUNT),
    ("bin-5-digits", {"bin": "97043"}, Problem.BIN),
    ("bin-7-digits", {"bin": "9704366"}, Problem.BIN),
    ("bin-arabic-digits", {"bin": "٩٧٠٤٣٦"}, Problem.BIN),
    ("account-empty", {"account": ""}, Problem.ACCOUNT),
    ("account-20", {"account": "1" * 20}, Problem.ACCOUNT),
    ("account-space", {"account": "0011 0012"}, Problem.ACCOUNT),
    ("account-accent", {"account": "sô123"}, Problem.ACCOUNT),
    ("card-15", {"account": "970436000000001", "card": True}, Problem.CARD),
    ("card-20", {"account": "97043600000000000001", "card": True}, Problem.CARD),
    ("card-letters", {"account": "97043600000000AB", "card": True}, Problem.CARD),
]


@pytest.mark.parametrize(("change", "problem"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_bad_input_is_refused_with_a_vietnamese_sentence(change: dict, problem: Problem) -> None:
    arguments = {"bin": VCB, "account": "1234567890", "amount": 10_000, **change}
    with pytest.raises(VietQrError) as caught:
        transfer_qr(**arguments)  # type: ignore[arg-type]
    assert caught.value.problem is problem
    assert VIETNAMESE.search(caught.value.message.lower())
    assert str(caught.value).isascii()


def test_a_static_qr_has_no_amount_and_a_zero_fee_makes_none() -> None:
    static = transfer_qr(VCB, "1234567890")
    assert not static.dynamic and "5405" not in static.payload() and static.payload()[10:12] == "11"
    with pytest.raises(VietQrError):
        transfer_qr(VCB, "1234567890", amount=0)


def test_transliteration_keeps_ascii_as_it_is() -> None:
    text = "LE PHI H01.99-261123-0001"
    assert purpose_text(text) == purpose_text(text, transliterate=False) == text


def test_a_naive_encoder_that_counts_characters_is_caught() -> None:
    # Fed "Lệ phí" as it is, the other package writes length 06 for 8 bytes of UTF-8: a bank
    # would read the wrong field boundaries. Our parser refuses such a payload outright.
    naive = QRPay.init_viet_qr(
        bank_bin=VCB, bank_number="1234567890", amount="20000", purpose="Lệ phí"
    ).build()
    assert not naive.isascii()
    with pytest.raises(VietQrError) as caught:
        parse(naive)
    assert caught.value.problem is Problem.MALFORMED


# ---- reading payloads -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        # Published by other generators: a bill number beside the purpose, a static QR.
        (
            "00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN"
            "62340107NPS68690819TRANSFER TO SOMEONE6304AC13",
            VietQr("970416", "224528479", amount=10_000, purpose="TRANSFER TO SOMEONE"),
        ),
        (
            "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F",
            VietQr("970416", "257678859"),
        ),
    ],
    ids=["bill-and-purpose", "static"],
)
def test_payloads_of_other_generators_are_read(payload: str, expected: VietQr) -> None:
    assert parse(payload) == expected
    assert parse(payload[:-4] + payload[-4:].lower()) == expected  # a lower-case CRC is the same CRC


def test_the_fact_sheets_example_is_refused_for_its_28_character_purpose() -> None:
    # Its CRC is right (the other package accepts it), but "LE PHI HS H56.14-250301-0001" is over
    # the 25 characters NAPAS allows: refused as too long, not reported as a damaged code.
    example = (
        "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA53037045405500005802VN"
        "62320828LE PHI HS H56.14-250301-00016304FA89"
    )
    assert QRPay(example).is_valid
    with pytest.raises(VietQrError) as caught:
        parse(example)
    assert caught.value.problem is Problem.PURPOSE_TOO_LONG


GOOD = transfer_qr(VCB, "0011001234567", amount=50_000, purpose="LE PHI H01.99-261123-0001").payload()
ROOT_TAIL = tlv("53", "704") + tlv("54", "50000") + tlv("58", "VN")

DAMAGED: list[tuple[str, str, Problem]] = [
    ("crc-changed", GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1"), Problem.CRC),
    ("amount-changed", GOOD.replace("540550000", "540590000"), Problem.CRC),
    ("cut-short", GOOD[:-1], Problem.MALFORMED),
    ("empty", "", Problem.MALFORMED),
    ("crc-not-hex", GOOD[:-4] + "12G4", Problem.MALFORMED),
    ("no-format-first", with_crc(tlv("01", "12") + tlv("00", "01") + napas() + ROOT_TAIL), Problem.MALFORMED),
    (
        "field-twice",
        with_crc(tlv("00", "01") + tlv("01", "12") + napas() + napas() + ROOT_TAIL),
        Problem.MALFORMED,
    ),
    ("length-past-end", with_crc(tlv("00", "01") + "0199" + "12"), Problem.MALFORMED),
    ("empty-field", with_crc(tlv("00", "01") + "0100" + napas() + ROOT_TAIL), Problem.MALFORMED),
    ("initiation-13", with_crc(tlv("00", "01") + tlv("01", "13") + napas() + ROOT_TAIL), Problem.MALFORMED),
    (
        "other-guid",
        with_crc(tlv("00", "01") + tlv("38", tlv("00", "A000000775") + tlv("01", "X")) + ROOT_TAIL),
        Problem.NOT_TRANSFER,
    ),
    ("merchant-push", with_crc(tlv("00", "01") + napas(service="QRPUSH") + ROOT_TAIL), Problem.NOT_TRANSFER),
    ("no-field-38", with_crc(tlv("00", "01") + ROOT_TAIL), Problem.NOT_TRANSFER),
    (
        "dollars",
        with_crc(tlv("00", "01") + napas() + tlv("53", "840") + tlv("58", "VN")),
        Problem.NOT_TRANSFER,
    ),
    (
        "no-account",
        with_crc(
            tlv("00", "01")
            + tlv("38", tlv("00", "A000000727") + tlv("01", tlv("00", VCB)) + tlv("02", "QRIBFTTA"))
            + ROOT_TAIL
        ),
        Problem.MALFORMED,
    ),
    (
        "amount-decimals",
        with_crc(tlv("00", "01") + napas() + tlv("53", "704") + tlv("54", "50000.00") + tlv("58", "VN")),
        Problem.AMOUNT,
    ),
    (
        "amount-leading-zero",
        with_crc(tlv("00", "01") + napas() + tlv("53", "704") + tlv("54", "050") + tlv("58", "VN")),
        Problem.AMOUNT,
    ),
    (
        "amount-zero",
        with_crc(tlv("00", "01") + napas() + tlv("53", "704") + tlv("54", "0") + tlv("58", "VN")),
        Problem.AMOUNT,
    ),
    ("bin-letters", with_crc(tlv("00", "01") + napas(bin_="97043A") + ROOT_TAIL), Problem.BIN),
    ("account-20", with_crc(tlv("00", "01") + napas(account="1" * 20) + ROOT_TAIL), Problem.ACCOUNT),
]


@pytest.mark.parametrize(("payload", "problem"), [d[1:] for d in DAMAGED], ids=[d[0] for d in DAMAGED])
def test_damaged_or_foreign_payloads_are_refused(payload: str, problem: Problem) -> None:
    with pytest.raises(VietQrError) as caught:
        parse(payload)
    assert caught.value.problem is problem
    assert VIETNAMESE.search(caught.value.message.lower())


def test_a_refusal_never_repeats_what_was_scanned() -> None:
    # A citizen may hold up their ID card's QR instead: its name and number must not reach the log.
    card = "001099012345|123456789|NGUYỄN VĂN MẪU|01011990|Nam|Số 1 Phố Mẫu, Hà Nội|01012021"
    for text in (card, unicodedata.normalize("NFD", card).encode("ascii", "ignore").decode()):
        with pytest.raises(VietQrError) as caught:
            parse(text)
        assert "001099012345" not in str(caught.value) and "NGUY" not in str(caught.value)


# ---- fuzz -----------------------------------------------------------------------------------------

_TLV_ALPHABET = "0123456789" * 4 + "ABCDEFQRTV.- "


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A good payload with a few characters replaced, inserted or deleted, the CRC often fixed so
    that the parser gets past it to the fields."""
    body = GOOD[:-8]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(body)))
        edit = draw(st.sampled_from(["replace", "insert", "delete"]))
        char = draw(st.sampled_from(_TLV_ALPHABET))
        if edit == "replace" and at < len(body):
            body = body[:at] + char + body[at + 1 :]
        elif edit == "insert":
            body = body[:at] + char + body[at:]
        else:
            body = body[:at] + body[at + 1 :]
    return with_crc(body) if draw(st.booleans()) else body + GOOD[-8:]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text() | st.text(alphabet=_TLV_ALPHABET) | mutated())
def test_the_parser_answers_anything_with_a_transfer_or_a_vietqr_error(text: str) -> None:
    try:
        qr = parse(text)
    except VietQrError as exc:
        assert exc.message and str(exc).isascii()
        return
    # Whatever it accepts is a transfer it can write again, and read again the same.
    assert parse(qr.payload()) == qr


# ---- the bank table -------------------------------------------------------------------------------

BIG_BANKS = {
    "Vietcombank": "970436",
    "VietinBank": "970415",
    "BIDV": "970418",
    "Agribank": "970405",
    "Techcombank": "970407",
    "MB": "970422",
    "ACB": "970416",
    "VPBank": "970432",
    "Sacombank": "970403",
    "TPBank": "970423",
    "BVBank": "970454",
}


def test_the_shipped_table_has_the_big_banks() -> None:
    banks = load_banks()
    for short_name, bin_ in BIG_BANKS.items():
        assert banks.bank(bin_).short_name == short_name
    assert len(banks) >= 40


def test_every_shipped_bin_is_in_an_independent_list() -> None:
    theirs = {bank.bin for bank in BanksObject.values()}
    assert {bank.bin for bank in load_banks()} <= theirs


@pytest.mark.parametrize(("bin_", "problem"), [("970499", Problem.UNKNOWN_BANK), ("97043", Problem.BIN)])
def test_an_unknown_bin_is_a_vietnamese_error(bin_: str, problem: Problem) -> None:
    with pytest.raises(VietQrError) as caught:
        load_banks().bank(bin_)
    assert caught.value.problem is problem and VIETNAMESE.search(caught.value.message.lower())


def _table(*banks: object, **top: object) -> dict:
    return {"version": "test", "date": "2026-01-01", "banks": list(banks), **top}


VCB_ENTRY = {"bin": "970436", "short_name": "Vietcombank", "name": "Ngân hàng TMCP Ngoại thương Việt Nam"}


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        (_table(VCB_ENTRY, {**VCB_ENTRY, "short_name": "VCB"}), "banks[1]", "listed twice"),
        (_table({**VCB_ENTRY, "bin": "97043"}), "banks[0]", "6 digits"),
        (_table({"bin": "970436", "short_name": "Vietcombank"}), "banks[0]", "name"),
        (_table({**VCB_ENTRY, "swift": "BFTVVNVX"}), "banks[0]", "unknown key"),
        (_table({**VCB_ENTRY, "name": unicodedata.normalize("NFD", VCB_ENTRY["name"])}), "banks[0]", "NFC"),
        (_table(), "banks", "non-empty"),
        (_table(VCB_ENTRY, extra=1), "(top)", "unknown key"),
        ("not a table", "(top)", "object"),
    ],
    ids=["bin-twice", "bin-5", "no-name", "unknown-key", "decomposed", "no-banks", "top-key", "not-object"],
)
def test_a_bad_table_is_refused_naming_the_entry(
    tmp_path: Path, data: object, where: str, words: str
) -> None:
    path = tmp_path / "banks.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BankTableError) as caught:
        load_banks(path)
    assert str(path) in str(caught.value) and where in str(caught.value) and words in str(caught.value)


def test_a_table_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "banks.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(BankTableError, match="cannot read"):
        load_banks(path)


# ---- the command line -----------------------------------------------------------------------------


def test_the_png_decodes_to_the_payload(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The longest payload the kiosk makes: a 19-character account, 13 digits, 25 characters.
    png = tmp_path / "fee.png"
    code = main(
        [
            "vietqr",
            "--bin", VCB,
            "--account", "A1B2C3D4E5F6G7H8I9J",
            "--amount", str(MAX_AMOUNT),
            "--purpose", "Lệ phí đăng ký thường trú",
            "--png", str(png),
        ]
    )  # fmt: skip
    assert code == 0
    payload = capsys.readouterr().out.strip()
    assert parse(payload).purpose == "Le phi dang ky thuong tru"
    image = cv2.imread(str(png))
    assert [c.text for c in read_codes(image)] == [payload]


def test_the_console_script_prints_json() -> None:
    done = subprocess.run(
        [str(DVC_KIOSK), "vietqr", "--bin", VTB, "--account", "1234567890", "--amount", "20000",
         "--purpose", "Lệ phí H01.99-261123-0001", "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    expected = transfer_qr(VTB, "1234567890", amount=20_000, purpose="Le phi H01.99-261123-0001")
    assert result["payload"] == expected.payload() == independent(expected)
    assert result["bank"] == "VietinBank" and result["bank_name"] == "Ngân hàng TMCP Công thương Việt Nam"
    assert (result["amount"], result["purpose"], result["dynamic"]) == (
        20_000,
        "Le phi H01.99-261123-0001",
        True,
    )
    assert result["service"] == "QRIBFTTA" and result["png"] is None


def test_a_card_and_a_static_qr_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vietqr", "--bin", BIDV, "--account", "9704180000000000001", "--card"]) == 0
    payload = capsys.readouterr().out.strip()
    assert parse(payload) == VietQr(BIDV, "9704180000000000001", Service.CARD)


@pytest.mark.parametrize(
    ("extra", "sentence"),
    [
        (["--bin", "970499"], "Không có ngân hàng nào mang mã BIN này"),
        (["--amount", "20.000"], "Số tiền phải là một số nguyên đồng"),
        (["--amount", "0"], "Số tiền phải là một số nguyên đồng"),
        (["--purpose", "Lệ phí đăng ký thường trú tạm"], "Nội dung chuyển khoản quá dài"),
        (["--purpose", "Lệ phí", "--no-transliterate"], "chỉ được có chữ không dấu"),
        (["--card"], "Số thẻ không hợp lệ"),
    ],
    ids=["unknown-bin", "thousands-dot", "zero", "long-purpose", "accents-refused", "account-as-card"],
)
def test_wrong_arguments_exit_2_with_a_vietnamese_sentence(
    extra: list[str], sentence: str, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["vietqr", "--bin", VCB, "--account", "1234567890", *extra]
    # argparse keeps the last of a repeated option, so --bin in `extra` wins.
    assert main(arguments) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert sentence in captured.err and "vietqr " in captured.err  # Vietnamese, then the English detail


def test_an_unwritable_png_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no such folder" / "qr.png"
    assert main(["vietqr", "--bin", VCB, "--account", "1234567890", "--png", str(missing)]) == 1
    assert "Không ghi được tệp ảnh mã QR" in capsys.readouterr().err
