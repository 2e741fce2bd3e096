"""Where the key that opens the chip comes from.

The card opens with PACE and its CAN (the last 6 digits of the 12-digit ID number, printed on the
front), or with BAC and an MRZ key (document number = last 9 digits of the ID, birth date, expiry
date). The citizen may type the ID number, or the kiosk may scan the QR code on the front of a 2021
CCCD, which holds the ID, the name, the birth and issue dates, but no expiry date. That date follows
from the law: a card is renewed at fixed ages (Law 59/2014 Art. 21: 25, 40 and 60; Law 26/2023
Art. 21: 14, 25, 40 and 60), a card issued within two years before such an age lasts until the next
one, and one issued at 58 or later never expires. `keys_for` puts it together in the order the
reader should try: CAN first, then the BAC keys.

Keys and QR contents are personal data: their reprs hide the values, and errors name fields only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from egov.identity import Sex
from egov.text import QT_TRANSLATE_NOOP
from hardware.card.mrz import NO_EXPIRY, Mrz, bac_key_fields, parse_mrz

LAW_2014_MILESTONES = (25, 40, 60)
LAW_2023_MILESTONES = (14, 25, 40, 60)
LAW_2023_FROM = date(2024, 7, 1)  # cards issued from this day on follow Law 26/2023
RENEW_WINDOW_YEARS = 2  # issued within this many years before a milestone: valid to the next one

_MRZ_FIELD = re.compile(r"[0-9A-Z<]+")


@dataclass(frozen=True, slots=True, repr=False)
class CanKey:
    """The card access number for PACE: exactly 6 digits."""

    can: str

    def __post_init__(self) -> None:
        if len(self.can) != 6 or not (self.can.isascii() and self.can.isdigit()):
            raise ValueError("a CAN has exactly 6 digits")

    def __repr__(self) -> str:
        return "CanKey(******)"


@dataclass(frozen=True, slots=True, repr=False)
class MrzKey:
    """The BAC key seed's three fields as the MRZ prints them (without their check digits)."""

    document_number: str
    birth_yymmdd: str
    expiry_yymmdd: str

    def __post_init__(self) -> None:
        if not _MRZ_FIELD.fullmatch(self.document_number) or len(self.document_number) < 9:
            raise ValueError("document number: at least 9 MRZ characters (0-9, A-Z, '<')")
        if len(self.birth_yymmdd) != 6 or not (self.birth_yymmdd.isascii() and self.birth_yymmdd.isdigit()):
            raise ValueError("birth date: YYMMDD")
        expiry_ok = self.expiry_yymmdd.isascii() and self.expiry_yymmdd.isdigit()
        if len(self.expiry_yymmdd) != 6 or not (expiry_ok or self.expiry_yymmdd == NO_EXPIRY):
            raise ValueError("expiry date: YYMMDD")

    def __repr__(self) -> str:
        return "MrzKey(*********, ******, ******)"


AccessKey = CanKey | MrzKey


def _id12(id12: str) -> str:
    value = id12.strip().replace(" ", "")
    if len(value) != 12 or not (value.isascii() and value.isdigit()):
        raise ValueError("the ID number has 12 digits")
    return value


def can_from_id(id12: str) -> str:
    """The CAN of a Vietnamese card: the last 6 digits of its 12-digit ID number."""
    return _id12(id12)[-6:]


def document_number_from_id(id12: str) -> str:
    """The MRZ document number: the last 9 digits of the ID number (not the first 9)."""
    return _id12(id12)[-9:]


# -- the QR code on the front of the 2021 CCCD ------------------------------------------------------


class QrError(ValueError):
    """A QR code that is not a CCCD's. str() is English for the log (field names only); `message`
    is the Vietnamese sentence for the screen."""

    def __init__(self, detail: str, message: str) -> None:
        super().__init__(detail)
        self.detail = detail
        self.message = message


_MSG_NOT_CARD = QT_TRANSLATE_NOOP(
    "Card", "Mã QR này không phải mã trên thẻ căn cước. Vui lòng quét mã QR ở mặt trước thẻ."
)
_MSG_UNREADABLE = QT_TRANSLATE_NOOP(
    "Card", "Không đọc được thông tin trong mã QR của thẻ. Vui lòng quét lại hoặc nhập số định danh."
)


@dataclass(frozen=True, slots=True, repr=False)
class CardQr:
    """The fields of the CCCD front QR: `ID12|old CMND|NAME|ddMMyyyy|Nam/Nữ|address|ddMMyyyy`."""

    id_number: str
    old_id_number: str  # "" when the holder had no 9-digit CMND
    full_name: str
    date_of_birth: date
    sex: Sex
    address: str
    date_of_issue: date
    extra: tuple[str, ...] = ()  # fields after the seventh, kept as they were

    def __repr__(self) -> str:
        return "CardQr(…)"


def _qr_date(text: str, name: str) -> date:
    if len(text) != 8 or not (text.isascii() and text.isdigit()):
        raise QrError(f"{name}: expected ddMMyyyy", _MSG_UNREADABLE)
    try:
        value = date(int(text[4:8]), int(text[2:4]), int(text[0:2]))
    except ValueError:
        raise QrError(f"{name}: not a calendar date", _MSG_UNREADABLE) from None
    if value.year < 1900:
        raise QrError(f"{name}: before 1900", _MSG_UNREADABLE)
    return value


def parse_card_qr(text: str) -> CardQr:
    """Parse the 2021 CCCD front QR. Raises QrError for anything else, including the 2024 card's
    QR (on its back, with relatives and old numbers, not dates)."""
    cleaned = unicodedata.normalize("NFC", text).strip().lstrip("\ufeff").strip()
    parts = [p.strip() for p in cleaned.split("|")]
    if len(parts) < 7:
        raise QrError(f"expected 7 fields separated by '|', got {len(parts)}", _MSG_NOT_CARD)
    id_number, old_id, name, born, sex_text, address, issued = parts[:7]
    if len(id_number) != 12 or not (id_number.isascii() and id_number.isdigit()):
        raise QrError(f"ID number: expected 12 digits, got {len(id_number)} characters", _MSG_NOT_CARD)
    if old_id and (len(old_id) not in (9, 12) or not (old_id.isascii() and old_id.isdigit())):
        raise QrError(
            f"old ID number: expected 9 digits or nothing, got {len(old_id)} characters", _MSG_UNREADABLE
        )
    full_name = " ".join(name.split())
    if len(full_name) < 2 or any(ch.isdigit() for ch in full_name):
        raise QrError("name: empty or with digits", _MSG_UNREADABLE)
    birth = _qr_date(born, "birth date")
    folded = "".join(
        c for c in unicodedata.normalize("NFD", sex_text.lower()) if not unicodedata.combining(c)
    )
    if folded == "nam":
        sex = Sex.MALE
    elif folded == "nu":
        sex = Sex.FEMALE
    else:
        raise QrError("sex: expected Nam or Nữ", _MSG_UNREADABLE)
    issue = _qr_date(issued, "issue date")
    if issue < birth:
        raise QrError("issue date before birth date", _MSG_UNREADABLE)
    return CardQr(
        id_number=id_number,
        old_id_number=old_id,
        full_name=full_name,
        date_of_birth=birth,
        sex=sex,
        address=" ".join(address.split()),
        date_of_issue=issue,
        extra=tuple(parts[7:]),
    )


# -- expiry dates from the law --------------------------------------------------------------------


def _add_years(day: date, years: int) -> date:
    """`day` in the year `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def expiry_under(birth: date, issued: date, milestones: tuple[int, ...]) -> date | None:
    """The expiry date under one law: the first milestone age m such that the card was issued
    before the holder turned m − 2 gives birth + m years; no such m: the card never expires."""
    for age in milestones:
        if issued < _add_years(birth, age - RENEW_WINDOW_YEARS):
            return _add_years(birth, age)
    return None


def expiry_candidates(birth: date, issued: date) -> list[date | None]:
    """Possible expiry dates, the law in force on the issue date first (Law 26/2023 from
    1 July 2024), without duplicates. None stands for a card that never expires."""
    laws = (
        (LAW_2023_MILESTONES, LAW_2014_MILESTONES)
        if issued >= LAW_2023_FROM
        else (LAW_2014_MILESTONES, LAW_2023_MILESTONES)
    )
    out: list[date | None] = []
    for milestones in laws:
        candidate = expiry_under(birth, issued, milestones)
        if candidate not in out:
            out.append(candidate)
    return out


def _yymmdd(day: date) -> str:
    return day.strftime("%y%m%d")


def keys_for(
    id12: str,
    birth: date | None = None,
    issued: date | None = None,
    mrz: Mrz | str | None = None,
) -> list[CanKey | MrzKey]:
    """The keys to try, in order: the CAN from the ID number; then the BAC key of a typed MRZ, or
    else one BAC key per expiry date the law allows for `birth` and `issued` (none for a card that
    never expires: that card opens with PACE only, unless its MRZ is typed)."""
    number = _id12(id12)
    keys: list[CanKey | MrzKey] = [CanKey(number[-6:])]
    if mrz is not None:
        parsed = parse_mrz(mrz) if isinstance(mrz, str) else mrz
        keys.append(MrzKey(*bac_key_fields(parsed)))
    elif birth is not None and issued is not None:
        for expiry in expiry_candidates(birth, issued):
            if expiry is not None:
                keys.append(MrzKey(number[-9:], _yymmdd(birth), _yymmdd(expiry)))
    unique: list[CanKey | MrzKey] = []
    for key in keys:
        if key not in unique:
            unique.append(key)
    return unique
