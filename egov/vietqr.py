"""VietQR: the QR code a citizen scans with any Vietnamese banking app to pay a fee by transfer.

VietQR is NAPAS's profile of the EMVCo Merchant-Presented Mode QR for NAPAS 247 transfers. The
payload is a string of fields, each a 2-digit ID, a 2-digit length (01-99) and the value:

    00 "01" payload format · 01 "11" static (no amount) / "12" dynamic (with amount)
    38 template: 00 GUID "A000000727" · 01 beneficiary (00 bank BIN, 01 account or card number)
                 · 02 service "QRIBFTTA" (to an account) / "QRIBFTTC" (to a card)
    53 "704" (VND) · 54 amount in whole đồng · 58 "VN" · 62 template: 08 purpose of transaction
    63 CRC-16/CCITT-FALSE of everything before its value, "6304" included, 4 upper-case hex digits

`transfer_qr` builds a checked `VietQr` (its `payload()` is the text to put in the QR) and
`parse` reads a payload back into one, checking the CRC and every length. Every value is printable
ASCII (EMVCo's "ans" set), so a length counts characters and bytes alike: a purpose with Vietnamese
diacritics is transliterated ("Lệ phí" → "Le phi") before it is measured, or refused on request.

Any failure is a `VietQrError`: `message` is the plain Vietnamese sentence for the screen
(translate it with context "Payment"), `str()` the English detail for the log. The detail never
quotes the input: a scanned text may be someone's card QR, with a name and an address in it.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from egov.text import QT_TRANSLATE_NOOP

GUID = "A000000727"  # NAPAS's application identifier: marks field 38 as a NAPAS 247 transfer
PAYLOAD_FORMAT = "01"
STATIC = "11"  # the same QR for many payments; the payer types the amount
DYNAMIC = "12"  # one QR for one payment, amount included
CURRENCY_VND = "704"  # ISO 4217
COUNTRY_VN = "VN"  # ISO 3166-1 alpha-2

# The limits of the NAPAS QR specification (v1.5.2, after EMVCo MPM): any value at most 99
# characters; the consumer's account or card number at most 19; the purpose, like every field of
# the additional data template, at most 25; the amount at most 13 characters, and VND has no minor
# unit, so whole đồng with no decimal point.
MAX_VALUE = 99
MAX_ACCOUNT = 19
MAX_PURPOSE = 25
MAX_AMOUNT = 10**13 - 1
# Domestic NAPAS card numbers are 16 to 19 digits (the BIN, then the bank's own digits).
CARD_DIGITS = (16, 19)

_ROOT_FORMAT, _ROOT_INITIATION, _ROOT_NAPAS = "00", "01", "38"
_ROOT_CURRENCY, _ROOT_AMOUNT, _ROOT_COUNTRY, _ROOT_ADDITIONAL, _ROOT_CRC = "53", "54", "58", "62", "63"
_NAPAS_GUID, _NAPAS_BENEFICIARY, _NAPAS_SERVICE = "00", "01", "02"
_BENEFICIARY_BIN, _BENEFICIARY_ACCOUNT = "00", "01"
_ADDITIONAL_PURPOSE = "08"
# The CRC's own ID and length: part of what the CRC covers, only its 4 hex digits are not.
CRC_HEAD = _ROOT_CRC + "04"

_BIN = re.compile(r"[0-9]{6}", re.ASCII)
_ACCOUNT = re.compile(rf"[0-9A-Za-z]{{1,{MAX_ACCOUNT}}}", re.ASCII)
_CARD = re.compile(rf"[0-9]{{{CARD_DIGITS[0]},{CARD_DIGITS[1]}}}", re.ASCII)
_AMOUNT = re.compile(r"[1-9][0-9]{0,12}", re.ASCII)
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}", re.ASCII)
_PRINTABLE = re.compile(r"[ -~]*", re.ASCII)  # EMVCo's "ans": 0x20 to 0x7E


class Service(enum.Enum):
    """What the number in the QR is: NAPAS 247 transfer to an account, or to a card."""

    ACCOUNT = "QRIBFTTA"
    CARD = "QRIBFTTC"


class Problem(enum.Enum):
    BIN = "bin"
    UNKNOWN_BANK = "unknown_bank"
    ACCOUNT = "account"
    CARD = "card"
    AMOUNT = "amount"
    PURPOSE_CHARACTERS = "purpose_characters"
    PURPOSE_TOO_LONG = "purpose_too_long"
    MALFORMED = "malformed"
    NOT_TRANSFER = "not_transfer"
    CRC = "crc"


_MESSAGES: dict[Problem, str] = {
    Problem.BIN: QT_TRANSLATE_NOOP("Payment", "Mã ngân hàng (BIN) phải gồm đúng 6 chữ số."),
    Problem.UNKNOWN_BANK: QT_TRANSLATE_NOOP(
        "Payment", "Không có ngân hàng nào mang mã BIN này trong danh sách ngân hàng. Hãy kiểm tra lại mã."
    ),
    Problem.ACCOUNT: QT_TRANSLATE_NOOP(
        "Payment", "Số tài khoản không hợp lệ: chỉ gồm chữ và số, không dấu cách, tối đa 19 ký tự."
    ),
    Problem.CARD: QT_TRANSLATE_NOOP("Payment", "Số thẻ không hợp lệ: phải gồm từ 16 đến 19 chữ số."),
    Problem.AMOUNT: QT_TRANSLATE_NOOP(
        "Payment", "Số tiền phải là một số nguyên đồng, từ 1 đồng đến 9.999.999.999.999 đồng."
    ),
    Problem.PURPOSE_CHARACTERS: QT_TRANSLATE_NOOP(
        "Payment",
        "Nội dung chuyển khoản chỉ được có chữ không dấu, chữ số, dấu cách và các dấu câu thông thường.",
    ),
    Problem.PURPOSE_TOO_LONG: QT_TRANSLATE_NOOP(
        "Payment", "Nội dung chuyển khoản quá dài: tối đa 25 ký tự, tính sau khi bỏ dấu."
    ),
    Problem.MALFORMED: QT_TRANSLATE_NOOP("Payment", "Mã QR này không phải mã VietQR chuyển khoản hợp lệ."),
    Problem.NOT_TRANSFER: QT_TRANSLATE_NOOP(
        "Payment", "Mã QR này không phải mã chuyển khoản VietQR (NAPAS 247) bằng tiền đồng."
    ),
    Problem.CRC: QT_TRANSLATE_NOOP(
        "Payment", "Mã QR chuyển khoản bị sai mã kiểm tra. Hãy quét lại, hoặc tạo lại mã QR."
    ),
}


class VietQrError(ValueError):
    """A VietQR that cannot be built or read. `message` is the Vietnamese sentence for the screen
    (context "Payment"); str() is the English detail for the log, without the input's content."""

    def __init__(self, problem: Problem, detail: str) -> None:
        super().__init__(f"vietqr {problem.value}: {detail}")
        self.problem = problem
        self.detail = detail

    @property
    def message(self) -> str:
        return _MESSAGES[self.problem]


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
        crc &= 0xFFFF
    return crc


def _crc_text(body: str) -> str:
    return f"{crc16_ccitt_false(body.encode('ascii')):04X}"


# ---------------------------------------------------------------------------------------------
# The purpose of the transfer


# Đ and đ, and the Icelandic eth that old-encoding converters and some keyboards put in their place.
_D_WITH_STROKE = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d"})


def purpose_text(text: str, *, transliterate: bool = True) -> str:
    """`text` as the ASCII the QR carries: runs of white space made one space, ends trimmed, and
    with `transliterate` đ/Đ made d/D and every tone and vowel mark dropped ("Lệ phí hồ sơ" →
    "Le phi ho so"). Without it, any letter outside ASCII is refused. Raises VietQrError when a
    character is still outside printable ASCII (an emoji, a Chinese character) or the result is
    over 25 characters; the length is that of the ASCII result, so it is also its byte count."""
    if transliterate:
        # NFKD splits a precomposed letter into its base and its marks (and folds look-alikes such
        # as full-width letters); đ has no decomposition, being a letter of its own.
        decomposed = unicodedata.normalize("NFKD", text.translate(_D_WITH_STROKE))
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = " ".join(text.split())
    if not _PRINTABLE.fullmatch(cleaned):
        outside = sum(1 for ch in cleaned if not " " <= ch <= "~")
        raise VietQrError(Problem.PURPOSE_CHARACTERS, f"{outside} characters outside printable ASCII")
    if len(cleaned) > MAX_PURPOSE:
        raise VietQrError(Problem.PURPOSE_TOO_LONG, f"{len(cleaned)} characters, at most {MAX_PURPOSE}")
    return cleaned


# ---------------------------------------------------------------------------------------------
# The QR


def _tlv(tag: str, value: str) -> str:
    # Every value reaching here was checked to be ASCII and at most 99 long; this only guards
    # against a change that would silently write a wrong length.
    if not 1 <= len(value) <= MAX_VALUE:
        raise VietQrError(Problem.MALFORMED, f"field {tag}: length {len(value)} outside 1-{MAX_VALUE}")
    return f"{tag}{len(value):02d}{value}"


@dataclass(frozen=True, slots=True)
class VietQr:
    """A checked NAPAS 247 transfer: the bank's BIN, the account (or card) number, the amount in
    đồng (None: a static QR, the payer types the amount) and the purpose, already ASCII."""

    bin: str
    account: str
    service: Service = Service.ACCOUNT
    amount: int | None = None
    purpose: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.bin, str) or not _BIN.fullmatch(self.bin):
            raise VietQrError(Problem.BIN, "expected 6 ASCII digits")
        if not isinstance(self.service, Service):
            raise VietQrError(Problem.NOT_TRANSFER, "unknown service")
        if self.service is Service.CARD:
            if not isinstance(self.account, str) or not _CARD.fullmatch(self.account):
                raise VietQrError(Problem.CARD, f"expected {CARD_DIGITS[0]}-{CARD_DIGITS[1]} ASCII digits")
        elif not isinstance(self.account, str) or not _ACCOUNT.fullmatch(self.account):
            raise VietQrError(Problem.ACCOUNT, f"expected 1-{MAX_ACCOUNT} ASCII letters or digits")
        if self.amount is not None:
            # bool is an int in Python; True đồng is a programming error, not an amount.
            if not isinstance(self.amount, int) or isinstance(self.amount, bool):
                raise VietQrError(Problem.AMOUNT, "expected a whole number of dong")
            if not 1 <= self.amount <= MAX_AMOUNT:
                raise VietQrError(Problem.AMOUNT, f"must be from 1 to {MAX_AMOUNT} dong")
        if not isinstance(self.purpose, str) or not _PRINTABLE.fullmatch(self.purpose):
            raise VietQrError(Problem.PURPOSE_CHARACTERS, "purpose outside printable ASCII")
        if len(self.purpose) > MAX_PURPOSE:
            raise VietQrError(
                Problem.PURPOSE_TOO_LONG, f"{len(self.purpose)} characters, at most {MAX_PURPOSE}"
            )

    @property
    def dynamic(self) -> bool:
        """Whether the QR carries the amount (point of initiation "12")."""
        return self.amount is not None

    def payload(self) -> str:
        """The text to encode in the QR, CRC included."""
        beneficiary = _tlv(_BENEFICIARY_BIN, self.bin) + _tlv(_BENEFICIARY_ACCOUNT, self.account)
        napas = (
            _tlv(_NAPAS_GUID, GUID)
            + _tlv(_NAPAS_BENEFICIARY, beneficiary)
            + _tlv(_NAPAS_SERVICE, self.service.value)
        )
        initiation = DYNAMIC if self.dynamic else STATIC
        body = _tlv(_ROOT_FORMAT, PAYLOAD_FORMAT) + _tlv(_ROOT_INITIATION, initiation)
        body += _tlv(_ROOT_NAPAS, napas) + _tlv(_ROOT_CURRENCY, CURRENCY_VND)
        if self.amount is not None:
            body += _tlv(_ROOT_AMOUNT, str(self.amount))
        body += _tlv(_ROOT_COUNTRY, COUNTRY_VN)
        if self.purpose:
            body += _tlv(_ROOT_ADDITIONAL, _tlv(_ADDITIONAL_PURPOSE, self.purpose))
        body += CRC_HEAD
        return body + _crc_text(body)


def transfer_qr(
    bin: str,
    account: str,
    *,
    amount: int | None = None,
    purpose: str = "",
    card: bool = False,
    transliterate: bool = True,
) -> VietQr:
    """A checked VietQR for a transfer of `amount` đồng (None: static, no amount) to `account`
    (a card number with `card`) at the bank `bin`, with `purpose` made ASCII by `purpose_text`.
    The BIN is checked for its form only: look the bank up in `egov.banks` to know it exists."""
    return VietQr(
        bin=bin,
        account=account,
        service=Service.CARD if card else Service.ACCOUNT,
        amount=amount,
        purpose=purpose_text(purpose, transliterate=transliterate) if purpose else "",
    )


# ---------------------------------------------------------------------------------------------
# Reading a payload back


def _fields(text: str, where: str) -> list[tuple[str, str]]:
    """The ID-length-value fields of `text`, in order; every length must fit exactly."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    at = 0
    while at < len(text):
        head = text[at : at + 4]
        if len(head) < 4 or not head.isdigit():
            raise VietQrError(Problem.MALFORMED, f"{where}: no ID and length at offset {at}")
        tag, size = head[:2], int(head[2:])
        end = at + 4 + size
        if size == 0:
            raise VietQrError(Problem.MALFORMED, f"{where}: field {tag} is empty")
        if end > len(text):
            raise VietQrError(Problem.MALFORMED, f"{where}: field {tag} runs past the end")
        if tag in seen:
            raise VietQrError(Problem.MALFORMED, f"{where}: field {tag} appears twice")
        seen.add(tag)
        found.append((tag, text[at + 4 : end]))
        at = end
    return found


def parse(text: str) -> VietQr:
    """The transfer in a VietQR payload. Checks that the text is printable ASCII made of whole
    fields (format indicator first, CRC last, no field twice, every template too), the CRC, that
    it is a NAPAS 247 transfer in VND, and every value as `VietQr` does; raises VietQrError,
    and nothing else, for any text. Fields a transfer does not need (merchant name, city, bill
    number...) are checked for length only and left out of the result."""
    if not isinstance(text, str) or not text:
        raise VietQrError(Problem.MALFORMED, "no text")
    if not _PRINTABLE.fullmatch(text):
        raise VietQrError(Problem.MALFORMED, "characters outside printable ASCII")
    root = _fields(text, "root")
    if root[0] != (_ROOT_FORMAT, PAYLOAD_FORMAT):
        raise VietQrError(Problem.MALFORMED, "does not start with payload format indicator 01")
    tag, check = root[-1]
    if tag != _ROOT_CRC or len(check) != 4:
        raise VietQrError(Problem.MALFORMED, "does not end with a 4-character CRC field")
    if not _HEX4.fullmatch(check):
        raise VietQrError(Problem.MALFORMED, "CRC is not 4 hexadecimal digits")
    if check.upper() != _crc_text(text[:-4]):
        raise VietQrError(Problem.CRC, "CRC does not match the payload")
    fields = dict(root)
    if fields.get(_ROOT_INITIATION, STATIC) not in (STATIC, DYNAMIC):
        raise VietQrError(Problem.MALFORMED, "point of initiation is neither 11 nor 12")
    if _ROOT_NAPAS not in fields:
        raise VietQrError(Problem.NOT_TRANSFER, "no NAPAS field 38")
    napas = dict(_fields(fields[_ROOT_NAPAS], "38"))
    if napas.get(_NAPAS_GUID) != GUID:
        raise VietQrError(Problem.NOT_TRANSFER, "field 38 is not NAPAS's (GUID)")
    service = next((s for s in Service if s.value == napas.get(_NAPAS_SERVICE)), None)
    if service is None:
        raise VietQrError(Problem.NOT_TRANSFER, "service is neither QRIBFTTA nor QRIBFTTC")
    if _NAPAS_BENEFICIARY not in napas:
        raise VietQrError(Problem.MALFORMED, "no beneficiary in field 38")
    beneficiary = dict(_fields(napas[_NAPAS_BENEFICIARY], "38.01"))
    if _BENEFICIARY_BIN not in beneficiary or _BENEFICIARY_ACCOUNT not in beneficiary:
        raise VietQrError(Problem.MALFORMED, "beneficiary lacks the BIN or the account")
    if fields.get(_ROOT_CURRENCY) != CURRENCY_VND or fields.get(_ROOT_COUNTRY) != COUNTRY_VN:
        raise VietQrError(Problem.NOT_TRANSFER, "not in VND or not in VN")
    amount = None
    if _ROOT_AMOUNT in fields:
        if not _AMOUNT.fullmatch(fields[_ROOT_AMOUNT]):
            raise VietQrError(Problem.AMOUNT, "amount is not a whole number of dong from 1")
        amount = int(fields[_ROOT_AMOUNT])
    purpose = ""
    if _ROOT_ADDITIONAL in fields:
        purpose = dict(_fields(fields[_ROOT_ADDITIONAL], "62")).get(_ADDITIONAL_PURPOSE, "")
    return VietQr(
        bin=beneficiary[_BENEFICIARY_BIN],
        account=beneficiary[_BENEFICIARY_ACCOUNT],
        service=service,
        amount=amount,
        purpose=purpose,
    )
