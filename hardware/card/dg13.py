"""DG13 of the Vietnamese ID card: the holder's personal data, parsed by structure.

The layout (fact sheet §3; ICAO leaves DG13 to the issuer):

    6D { 30 { 02 version, 06 1.0.10646.1.0.8 (UTF-8), 31 { 30 { 02 n, value … } … } } }

Each field is a SEQUENCE of its number and one or more values: strings (`0C` UTF8String, `13`
PrintableString, `16` IA5String) or nested SEQUENCEs of strings. Parsers that cut at fixed offsets
or assume one-byte lengths break on the next card, so this one walks the tree: any field order,
long-form lengths, unknown field numbers kept. Fields 13 (father, mother) and 14 (spouse) hold one
name per value, so they come out as lists; field 13 is two SEQUENCEs on real cards, but one SEQUENCE
holding both names is accepted too.

The input is untrusted and will be fuzzed: a malformed DG13 raises `Dg13Error` and nothing else.
Error details name field numbers and lengths, never the content. `encode_dg13` writes the real
card's encodings for the emulated card.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from hardware.card import tlv
from hardware.card.errors import CardError, CardErrorKind

UTF8_OID = "1.0.10646.1.0.8"
_UTF8_OID_DER = bytes.fromhex("0606 28D316010008")
NEVER_EXPIRES_TEXT = "Không thời hạn"  # what the card says in field 12 when it never expires

_STRING_TAGS = {0x0C: "utf8", 0x13: "printable", 0x16: "ia5"}
_MAX_DEPTH = 6  # values nest two levels on real cards; deeper is junk, and recursion stays bounded
_MAX_FIELD_NUMBER_BYTES = 2
PERSON_FIELDS = (13, 14)  # one name per value

FIELD_NAMES: dict[int, str] = {
    1: "id_number",
    2: "full_name",
    3: "date_of_birth",
    4: "sex",
    5: "nationality",
    6: "ethnicity",
    7: "religion",
    8: "place_of_origin",
    9: "place_of_residence",
    10: "identifying_marks",
    11: "date_of_issue",
    12: "date_of_expiry",
    13: "parents",
    14: "spouse",
    15: "old_id_number",
    16: "unknown16",
}

# Digits and dates go in PrintableString on the real card, text in UTF8String.
_PRINTABLE_FIELDS = frozenset({1, 3, 11, 15, 16})
_PRINTABLE = re.compile(r"[A-Za-z0-9 '()+,\-./:=?]*")


class Dg13Error(CardError):
    """A DG13 that does not parse."""

    def __init__(self, detail: str) -> None:
        super().__init__(CardErrorKind.BAD_DATA, f"DG13: {detail}")


def _fold(text: str) -> str:
    """Lower-case ASCII without diacritics, for comparing words like 'Không thời hạn'."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})|(\d{2})(\d{2})(\d{4})")


def parse_card_date(text: str | None) -> date | None:
    """dd/mm/yyyy as the card writes dates ('-' and '.' and ddmmyyyy tolerated); None otherwise."""
    if not text:
        return None
    match = _DATE.fullmatch(text.strip())
    if not match:
        return None
    parts = [g for g in match.groups() if g is not None]
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True, repr=False)
class Dg13Data:
    """DG13's fields. `raw_fields` maps each field number to its strings, NFC-normalised (for 13 and
    14: one name per person, "" for an empty entry); `unknown_fields` keeps the encoded values of
    numbers outside 1–16 as they were. Every value is personal data: never log it."""

    raw_fields: dict[int, tuple[str, ...]]
    unknown_fields: dict[int, bytes] = field(default_factory=dict)
    version: int | None = None
    charset: str | None = None

    def text(self, number: int) -> str | None:
        """The first string of field `number`, trimmed; None when absent or empty."""
        values = self.raw_fields.get(number)
        if not values:
            return None
        return values[0].strip() or None

    def _person(self, number: int, index: int) -> str | None:
        values = self.raw_fields.get(number, ())
        return (values[index].strip() or None) if index < len(values) else None

    @property
    def id_number(self) -> str | None:
        """The 12-digit personal identification number; None when absent or not 12 digits."""
        value = self.text(1)
        return value if value and len(value) == 12 and value.isascii() and value.isdigit() else None

    @property
    def full_name(self) -> str | None:
        return self.text(2)

    @property
    def date_of_birth(self) -> date | None:
        return parse_card_date(self.text(3))

    @property
    def sex(self) -> str | None:
        """ "male" for Nam, "female" for Nữ, None for anything else."""
        value = _fold(self.text(4) or "")
        return {"nam": "male", "nu": "female"}.get(value)

    @property
    def nationality(self) -> str | None:
        return self.text(5)

    @property
    def ethnicity(self) -> str | None:
        return self.text(6)

    @property
    def religion(self) -> str | None:
        return self.text(7)

    @property
    def place_of_origin(self) -> str | None:
        return self.text(8)

    @property
    def place_of_residence(self) -> str | None:
        return self.text(9)

    @property
    def identifying_marks(self) -> str | None:
        return self.text(10)

    @property
    def date_of_issue(self) -> date | None:
        return parse_card_date(self.text(11))

    @property
    def date_of_expiry(self) -> date | None:
        """None both when the card never expires (see `never_expires`) and when the field is absent."""
        return parse_card_date(self.text(12))

    @property
    def never_expires(self) -> bool:
        """Field 12 says "Không thời hạn" (or "Vô thời hạn"): the card is valid for life."""
        value = _fold(self.text(12) or "")
        return value in ("khong thoi han", "vo thoi han", "khong co thoi han", "vinh vien", "khong")

    @property
    def father_name(self) -> str | None:
        return self._person(13, 0)

    @property
    def mother_name(self) -> str | None:
        return self._person(13, 1)

    @property
    def spouse_name(self) -> str | None:
        return self._person(14, 0)

    @property
    def old_id_number(self) -> str | None:
        return self.text(15)

    @property
    def unknown16(self) -> str | None:
        return self.text(16)

    def __repr__(self) -> str:
        return f"Dg13Data(fields={sorted(self.raw_fields)})"


# -- parsing -------------------------------------------------------------------------------------


def _decode_string(element: tlv.Tlv, number: int) -> str:
    try:
        text = element.value.decode("utf-8")
    except UnicodeDecodeError:
        if number in FIELD_NAMES:
            raise Dg13Error(f"field {number}: text of {element.length} bytes is not UTF-8") from None
        # A field we do not use: keep what can be read rather than reject the card for it.
        text = element.value.decode("utf-8", "replace")
    return unicodedata.normalize("NFC", text)


def _strings(elements: Sequence[tlv.Tlv], number: int, depth: int) -> list[str]:
    """Every string in `elements`, depth first; other primitive types are skipped."""
    if depth > _MAX_DEPTH:
        raise Dg13Error(f"field {number}: nested deeper than {_MAX_DEPTH}")
    out: list[str] = []
    for element in elements:
        if element.tag in _STRING_TAGS:
            out.append(_decode_string(element, number))
        elif element.constructed:
            out.extend(_strings(element.children(), number, depth + 1))
    return out


def _persons(values: Sequence[tlv.Tlv], number: int) -> list[str]:
    """One name per value: a string, or the first string inside a SEQUENCE ("" when it has none)."""
    if len(values) == 1 and values[0].constructed:
        # One SEQUENCE around all the names (the other reading of field 13): look inside it.
        values = values[0].children()
    names: list[str] = []
    for value in values:
        if value.tag in _STRING_TAGS:
            names.append(_decode_string(value, number))
        elif value.constructed:
            found = _strings(value.children(), number, 2)
            names.append(found[0] if found else "")
    return names


def _small_int(element: tlv.Tlv, what: str) -> int:
    if element.tag != 0x02 or not 1 <= element.length <= _MAX_FIELD_NUMBER_BYTES:
        raise Dg13Error(f"{what} is not a small INTEGER")
    value = int.from_bytes(element.value, "big", signed=True)
    if value < 0:
        raise Dg13Error(f"{what} is negative")
    return value


def _oid_text(raw: bytes) -> str:
    try:
        return tlv.decode_oid(raw)
    except tlv.TlvError:
        raise Dg13Error("malformed character set identifier") from None


def _parse(data: bytes) -> Dg13Data:
    outer = tlv.decode(data)
    if outer.tag != 0x6D:
        raise Dg13Error(f"tag {outer.tag:X}, expected 6D")
    sequence = next((t for t in outer.children() if t.tag == 0x30), None)
    if sequence is None:
        raise Dg13Error("no SEQUENCE inside 6D")
    version: int | None = None
    charset: str | None = None
    field_set: tlv.Tlv | None = None
    for element in sequence.children():
        if element.tag == 0x02 and version is None:
            version = _small_int(element, "version")
        elif element.tag == 0x06 and charset is None:
            charset = _oid_text(element.value)
        elif element.tag == 0x31:
            if field_set is not None:
                raise Dg13Error("two field SETs")
            field_set = element
    if field_set is None:
        raise Dg13Error("no field SET")
    raw: dict[int, tuple[str, ...]] = {}
    unknown: dict[int, bytes] = {}
    for item in field_set.children():
        if item.tag != 0x30:
            raise Dg13Error(f"field entry with tag {item.tag:X}, expected 30")
        parts = item.children()
        if not parts:
            raise Dg13Error("empty field entry")
        number = _small_int(parts[0], "field number")
        if number in raw:
            # Two values for one field would leave us guessing which one the card means.
            raise Dg13Error(f"field {number} appears twice")
        values = parts[1:]
        if number in PERSON_FIELDS:
            raw[number] = tuple(_persons(values, number))
        else:
            raw[number] = tuple(_strings(values, number, 1))
        if number not in FIELD_NAMES:
            unknown[number] = b"".join(v.encode() for v in values)
    return Dg13Data(raw, unknown, version, charset)


def parse_dg13(data: bytes) -> Dg13Data:
    """Parse DG13. Raises Dg13Error, and only Dg13Error, when it is malformed."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise Dg13Error("not bytes")
    try:
        return _parse(bytes(data))
    except Dg13Error:
        raise
    except tlv.TlvError as exc:
        raise Dg13Error(exc.detail) from exc
    except Exception as exc:  # the promise to callers (and the fuzzer): one error type, whatever slipped
        raise Dg13Error(f"unexpected {type(exc).__name__}") from exc


# -- encoding (the emulated card) -----------------------------------------------------------------


def _encode_string(text: str, number: int) -> bytes:
    text = unicodedata.normalize("NFC", text)
    if number in _PRINTABLE_FIELDS and _PRINTABLE.fullmatch(text):
        return tlv.encode(0x13, text.encode("ascii"))
    return tlv.encode(0x0C, text.encode("utf-8"))


def _encode_field(number: int, value: str | Sequence[str]) -> bytes:
    if not 0 <= number <= 0x7F:
        raise ValueError("field numbers go up to 127")
    head = tlv.encode(0x02, bytes((number,)))
    if number in PERSON_FIELDS:
        names = [value] if isinstance(value, str) else list(value)
        names = [] if names == [""] else names
        # Each person is its own SEQUENCE, as on the real card: `30 L 0C L <name>`.
        body = b"".join(tlv.encode(0x30, _encode_string(name, number)) for name in names)
    elif isinstance(value, str):
        # An empty old ID number is left out altogether, like an empty spouse (`30 03 02 01 0F`).
        body = b"" if (number == 15 and not value) else _encode_string(value, number)
    else:
        body = b"".join(_encode_string(v, number) for v in value)
    return tlv.encode(0x30, head + body)


def encode_dg13(
    values: Mapping[int, str | Sequence[str]], *, order: Sequence[int] | None = None, version: int = 1
) -> bytes:
    """DG13 from field values (see `dg13_fields`), in `order` (default: by number, as real cards
    list them). Lengths are minimal, so large fields get long-form lengths as on the card."""
    numbers = list(order) if order is not None else sorted(values)
    fields = b"".join(_encode_field(n, values[n]) for n in numbers)
    body = tlv.encode(0x02, bytes((version,))) + _UTF8_OID_DER + tlv.encode(0x31, fields)
    return tlv.encode(0x6D, tlv.encode(0x30, body))


def _card_date(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def dg13_fields(
    *,
    id_number: str,
    full_name: str,
    date_of_birth: date,
    sex: str,
    nationality: str = "Việt Nam",
    ethnicity: str = "",
    religion: str = "",
    place_of_origin: str = "",
    place_of_residence: str = "",
    identifying_marks: str = "",
    date_of_issue: date | None = None,
    date_of_expiry: date | None = None,
    father_name: str = "",
    mother_name: str = "",
    spouse_name: str = "",
    old_id_number: str = "",
    unknown16: str = "",
) -> dict[int, str | list[str]]:
    """The field values of a card, written as the card writes them. `sex` is "Nam" or "Nữ";
    `date_of_expiry` None means the card never expires ("Không thời hạn")."""
    values: dict[int, str | list[str]] = {
        1: id_number,
        2: full_name,
        3: _card_date(date_of_birth),
        4: unicodedata.normalize("NFC", sex),
        5: nationality,
        6: ethnicity,
        7: religion,
        8: place_of_origin,
        9: place_of_residence,
        10: identifying_marks,
        11: _card_date(date_of_issue) if date_of_issue else "",
        12: _card_date(date_of_expiry) if date_of_expiry else NEVER_EXPIRES_TEXT,
        13: [father_name, mother_name],
        14: [spouse_name] if spouse_name else [],
        15: old_id_number,
    }
    if unknown16:
        values[16] = unknown16
    return values
