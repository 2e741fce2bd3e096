"""The machine-readable zone (ICAO 9303 parts 3, 4 and 5): check digits, parsing, and a generator.

The chip holds the MRZ in DG1; the card's back prints it. The Vietnamese ID card uses the TD1
format (three lines of 30): the document number is the last 9 digits of the 12-digit ID number,
and optional data 1 carries the whole ID number, two fillers and the ID's own check digit
(`IDVNM0930470641001093047064<<2`). TD3 (two lines of 44, passports) is parsed too, because the
vsmartcard ePass emulator only speaks it.

A card that never expires ("Không thời hạn", issued at 58 or later) has no expiry date to print.
ICAO 9303 defines no "no expiry" value; what Vietnam prints there is not documented anywhere we
found. We follow the practice of other TD1 cards without expiry (Moldova's ID cards for seniors):
six fillers `<<<<<<` with the check digit `0`, which is what the 7-3-1 rule gives for fillers, so
every reader that recomputes the check digit (and BAC's key derivation) agrees. When parsing,
`<` is accepted as that check digit too.

Errors never quote the MRZ: it is personal data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from hardware.card.errors import CardError, CardErrorKind

_WEIGHTS = (7, 3, 1)
_ALPHABET = re.compile(r"[0-9A-Z<]*")
NO_EXPIRY = "<<<<<<"  # the expiry field of a card that never expires (see the module docstring)


class MrzError(CardError):
    """An MRZ of the wrong length or with characters outside 0-9, A-Z and '<'."""

    def __init__(self, detail: str) -> None:
        super().__init__(CardErrorKind.BAD_DATA, detail)


MRZ_ALPHABET = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<")


def _value(ch: str) -> int:
    if "0" <= ch <= "9":
        return ord(ch) - 48
    if "A" <= ch <= "Z":
        return ord(ch) - 55  # A = 10 … Z = 35
    if ch == "<":
        return 0
    raise MrzError("character outside the MRZ alphabet")


def check_digit(field: str) -> str:
    """The 7-3-1 check digit of `field` (ICAO 9303-3 §4.9)."""
    return str(sum(_value(ch) * _WEIGHTS[i % 3] for i, ch in enumerate(field)) % 10)


def check_digit_ok(field: str, digit: str) -> bool:
    """Whether `digit` is the check digit of `field`. A field of fillers only may carry '<' as its
    check digit (ICAO allows it for the TD3 personal number; we allow it for a missing expiry)."""
    if digit == "<" and set(field) <= {"<"}:
        return True
    return digit.isdigit() and check_digit(field) == digit


def _parse_yymmdd(text: str, century_pivot: int | None) -> date | None:
    """YYMMDD → date; None when the field is not a real date (fillers for an unknown part, or
    nonsense). `century_pivot`: two-digit years above it are 19xx, others 20xx; None: always 20xx."""
    if len(text) != 6 or not text.isdigit():
        return None
    yy, mm, dd = int(text[0:2]), int(text[2:4]), int(text[4:6])
    year = 1900 + yy if century_pivot is not None and yy > century_pivot else 2000 + yy
    try:
        return date(year, mm, dd)
    except ValueError:
        return None


def _names(field: str) -> tuple[str, str]:
    """'UNG<<HOANG<HIEP<<<' → ('UNG', 'HOANG HIEP')."""
    surname, _, given = field.partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


@dataclass(frozen=True, slots=True)
class Mrz:
    """A parsed MRZ. Text fields have their fillers removed; the yymmdd fields keep the printed
    characters (the BAC key is made of those). `raw` is the lines joined with newlines."""

    format: str  # "TD1" | "TD3"
    document_type: str
    issuing_state: str
    document_number: str
    birth_yymmdd: str
    birth_date: date | None
    expiry_yymmdd: str
    expiry_date: date | None
    sex: str  # "M", "F" or "" (unspecified)
    nationality: str
    surname: str
    given_names: str
    optional_data: str  # TD1: optional data 1 (after a long document number); TD3: personal number
    optional_data_2: str  # TD1 only
    id_number: str | None  # the 12-digit ID number in optional data 1 of a Vietnamese card
    raw: str
    document_number_ok: bool
    birth_date_ok: bool
    expiry_date_ok: bool
    optional_data_ok: bool  # TD3 personal number check digit; True for TD1
    composite_ok: bool
    id_number_ok: bool | None  # None when there is no ID number in optional data 1

    @property
    def names(self) -> str:
        """Surname and given names as one line, in the Vietnamese order (the MRZ's order)."""
        return f"{self.surname} {self.given_names}".strip()

    @property
    def never_expires(self) -> bool:
        return self.expiry_yymmdd == NO_EXPIRY

    @property
    def all_check_digits_ok(self) -> bool:
        return (
            self.document_number_ok
            and self.birth_date_ok
            and self.expiry_date_ok
            and self.optional_data_ok
            and self.composite_ok
            and self.id_number_ok is not False
        )

    def __repr__(self) -> str:
        # Personal data stays out of logs and tracebacks.
        return f"Mrz(format={self.format}, all_check_digits_ok={self.all_check_digits_ok})"


def _clean(text: str) -> list[str]:
    """The MRZ lines from text as typed, printed or stored: spaces and blank lines dropped."""
    text = unicodedata.normalize("NFKC", text).upper()
    lines = [line.replace(" ", "").replace("\t", "") for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1:
        joined = lines[0]
        if len(joined) == 90:
            lines = [joined[0:30], joined[30:60], joined[60:90]]
        elif len(joined) == 88:
            lines = [joined[0:44], joined[44:88]]
    for line in lines:
        if not _ALPHABET.fullmatch(line):
            raise MrzError("character outside the MRZ alphabet")
    return lines


def parse_mrz(text: str, today: date | None = None) -> Mrz:
    """Parse a TD1 or TD3 MRZ (with or without line breaks). `today` sets the century of the birth
    date: a two-digit year above this year's is 19xx. Raises MrzError on a malformed MRZ; wrong
    check digits do not raise, they are reported in the result."""
    lines = _clean(text)
    if [len(line) for line in lines] == [30, 30, 30]:
        return _parse_td1(lines, today or date.today())
    if [len(line) for line in lines] == [44, 44]:
        return _parse_td3(lines, today or date.today())
    raise MrzError(f"not a TD1 or TD3 MRZ (line lengths {[len(line) for line in lines]})")


_VN_ID = re.compile(r"(\d{12})(<*)(\d)(<*)")


def _parse_td1(lines: list[str], today: date) -> Mrz:
    l1, l2, l3 = lines
    number, number_cd = l1[5:14], l1[14]
    optional_1 = l1[15:30]
    if number_cd == "<" and optional_1[0] != "<":
        # ICAO 9303-5 note j: a number longer than 9 characters continues in optional data 1,
        # ending with its check digit, then a filler.
        extension = optional_1.split("<", 1)[0]
        if len(extension) < 2:
            raise MrzError("long document number without its check digit")
        number += extension[:-1]
        number_cd = extension[-1]
        optional_1 = optional_1[len(extension) :]
    id_number: str | None = None
    id_ok: bool | None = None
    match = _VN_ID.fullmatch(optional_1)
    if match:
        # A Vietnamese card: the whole ID number, fillers, and the ID's own check digit.
        id_number = match.group(1)
        id_ok = check_digit_ok(id_number, match.group(3))
    pivot = today.year % 100
    composite = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
    surname, given = _names(l3)
    return Mrz(
        format="TD1",
        document_type=l1[0:2].replace("<", ""),
        issuing_state=l1[2:5].replace("<", ""),
        document_number=number.replace("<", ""),
        birth_yymmdd=l2[0:6],
        birth_date=_parse_yymmdd(l2[0:6], pivot),
        expiry_yymmdd=l2[8:14],
        expiry_date=_parse_yymmdd(l2[8:14], None),
        sex=l2[7] if l2[7] in "MF" else "",
        nationality=l2[15:18].replace("<", ""),
        surname=surname,
        given_names=given,
        optional_data=optional_1.rstrip("<") if id_number is None else id_number,
        optional_data_2=l2[18:29].rstrip("<"),
        id_number=id_number,
        raw="\n".join(lines),
        document_number_ok=check_digit_ok(number, number_cd) and number_cd != "<",
        birth_date_ok=check_digit_ok(l2[0:6], l2[6]),
        expiry_date_ok=check_digit_ok(l2[8:14], l2[14]),
        optional_data_ok=True,
        composite_ok=check_digit_ok(composite, l2[29]) and l2[29] != "<",
        id_number_ok=id_ok,
    )


def _parse_td3(lines: list[str], today: date) -> Mrz:
    l1, l2 = lines
    surname, given = _names(l1[5:44])
    composite = l2[0:10] + l2[13:20] + l2[21:43]
    return Mrz(
        format="TD3",
        document_type=l1[0:2].replace("<", ""),
        issuing_state=l1[2:5].replace("<", ""),
        document_number=l2[0:9].replace("<", ""),
        birth_yymmdd=l2[13:19],
        birth_date=_parse_yymmdd(l2[13:19], today.year % 100),
        expiry_yymmdd=l2[21:27],
        expiry_date=_parse_yymmdd(l2[21:27], None),
        sex=l2[20] if l2[20] in "MF" else "",
        nationality=l2[10:13].replace("<", ""),
        surname=surname,
        given_names=given,
        optional_data=l2[28:42].rstrip("<"),
        optional_data_2="",
        id_number=None,
        raw="\n".join(lines),
        document_number_ok=check_digit_ok(l2[0:9], l2[9]) and l2[9] != "<",
        birth_date_ok=check_digit_ok(l2[13:19], l2[19]),
        expiry_date_ok=check_digit_ok(l2[21:27], l2[27]),
        optional_data_ok=check_digit_ok(l2[28:42], l2[42]),
        composite_ok=check_digit_ok(composite, l2[43]) and l2[43] != "<",
        id_number_ok=None,
    )


def bac_key_fields(mrz: Mrz) -> tuple[str, str, str]:
    """(document number, birth YYMMDD, expiry YYMMDD) as BAC's key seed takes them (ICAO 9303-11
    §9.7.1): the whole document number, padded with fillers to at least 9 characters."""
    number = mrz.document_number
    if len(number) < 9:
        number = number.ljust(9, "<")
    return number, mrz.birth_yymmdd, mrz.expiry_yymmdd


# -- generating a Vietnamese TD1 MRZ (the emulator's DG1, test fixtures) ---------------------------


def transliterate(text: str) -> str:
    """Vietnamese text → MRZ characters: no diacritics, Đ → D, upper case, other characters as
    fillers ('Nguyễn Thị Mẫu' → 'NGUYEN<THI<MAU')."""
    text = text.replace("Đ", "D").replace("đ", "d")
    folded = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).upper()
    out = "".join(c if ("A" <= c <= "Z" or "0" <= c <= "9") else "<" for c in folded)
    return re.sub(r"<+", "<", out).strip("<")


def _sex_code(sex: str) -> str:
    value = unicodedata.normalize("NFC", str(getattr(sex, "value", sex))).strip().lower()
    if value in ("m", "male", "nam"):
        return "M"
    if value in ("f", "female", "nữ", "nu"):
        return "F"
    if value in ("", "<", "x"):
        return "<"
    raise ValueError("sex must be M/F, male/female or Nam/Nữ")


def _yymmdd(value: date) -> str:
    return value.strftime("%y%m%d")


def td1_for(
    id12: str,
    birth: date,
    sex: str,
    expiry: date | None,
    surname: str,
    given_names: str,
) -> str:
    """The TD1 MRZ of a Vietnamese ID card, as three lines joined by newlines. `expiry` None: the
    card never expires (six fillers, see the module docstring)."""
    if len(id12) != 12 or not id12.isdigit():
        raise ValueError("the ID number has 12 digits")
    number = id12[-9:]
    line1 = "IDVNM" + number + check_digit(number) + id12 + "<<" + check_digit(id12)
    birth_field = _yymmdd(birth)
    expiry_field = _yymmdd(expiry) if expiry else NO_EXPIRY
    line2 = (
        birth_field
        + check_digit(birth_field)
        + _sex_code(sex)
        + expiry_field
        + check_digit(expiry_field)
        + "VNM"
        + "<" * 11
    )
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    line2 += check_digit(composite)
    name = transliterate(surname) + "<<" + transliterate(given_names)
    # ICAO truncates long names; Vietnamese names rarely reach 30 characters.
    line3 = name[:30].ljust(30, "<")
    return "\n".join((line1, line2, line3))
