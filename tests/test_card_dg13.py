"""DG13, the Vietnamese personal data on the chip (hardware/card/dg13)."""

from __future__ import annotations

import random
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardware.card import tlv
from hardware.card.dg13 import (
    NEVER_EXPIRES_TEXT,
    Dg13Data,
    Dg13Error,
    dg13_fields,
    encode_dg13,
    parse_card_date,
    parse_dg13,
)
from hardware.card.errors import CardError, CardErrorKind

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def sample_values(**changes: object) -> dict[int, str | list[str]]:
    values: dict[str, object] = {
        "id_number": "001158000000",
        "full_name": "Nguyễn Thị Mẫu",
        "date_of_birth": date(1958, 9, 5),
        "sex": "Nữ",
        "nationality": "Việt Nam",
        "ethnicity": "Kinh",
        "religion": "Không",
        "place_of_origin": "Xã Mẫu Sơn, Tỉnh Lạng Sơn",
        "place_of_residence": "Số 1 Phố Mẫu, Phường Trúc Bạch, Thành phố Hà Nội",
        "identifying_marks": "Nốt ruồi C:1cm trên trước đầu mày phải",
        "date_of_issue": date(2021, 4, 1),
        "date_of_expiry": None,
        "father_name": "Nguyễn Văn Mẫu",
        "mother_name": "Trần Thị Mẫu",
        "spouse_name": "Lê Văn Mẫu",
        "old_id_number": "012345678",
        "unknown16": "MAU0000000000000",
    }
    values.update(changes)
    return dg13_fields(**values)  # type: ignore[arg-type]


SAMPLE = encode_dg13(sample_values())


def _field(number: int, *values: bytes) -> bytes:
    return tlv.encode(0x30, tlv.encode(0x02, bytes((number,))) + b"".join(values))


def _dg13(*fields: bytes) -> bytes:
    body = tlv.encode(0x02, b"\x01") + bytes.fromhex("060628D316010008") + tlv.encode(0x31, b"".join(fields))
    return tlv.encode(0x6D, tlv.encode(0x30, body))


def _utf8(text: str) -> bytes:
    return tlv.encode(0x0C, text.encode("utf-8"))


def _printable(text: str) -> bytes:
    return tlv.encode(0x13, text.encode("ascii"))


def _long_form(data: bytes) -> bytes:
    """The same tree with every length in the four-byte long form (84 …): valid BER, never DER."""
    out = b""
    for element in tlv.iter_tlvs(data):
        value = _long_form(element.value) if element.constructed else element.value
        out += tlv.encode_tag(element.tag) + b"\x84" + len(value).to_bytes(4, "big") + value
    return out


def test_round_trip_and_accessors() -> None:
    d = parse_dg13(SAMPLE)
    assert d.version == 1 and d.charset == "1.0.10646.1.0.8"
    assert d.id_number == "001158000000"
    assert d.full_name == "Nguyễn Thị Mẫu"
    assert d.date_of_birth == date(1958, 9, 5)
    assert d.sex == "female"
    assert (d.nationality, d.ethnicity, d.religion) == ("Việt Nam", "Kinh", "Không")
    assert d.place_of_origin == "Xã Mẫu Sơn, Tỉnh Lạng Sơn"
    assert d.place_of_residence == "Số 1 Phố Mẫu, Phường Trúc Bạch, Thành phố Hà Nội"
    assert d.identifying_marks == "Nốt ruồi C:1cm trên trước đầu mày phải"
    assert d.date_of_issue == date(2021, 4, 1)
    assert d.date_of_expiry is None and d.never_expires
    assert d.raw_fields[12] == (NEVER_EXPIRES_TEXT,)
    assert (d.father_name, d.mother_name, d.spouse_name) == ("Nguyễn Văn Mẫu", "Trần Thị Mẫu", "Lê Văn Mẫu")
    assert d.raw_fields[13] == ("Nguyễn Văn Mẫu", "Trần Thị Mẫu")
    assert d.old_id_number == "012345678"
    assert d.unknown16 == "MAU0000000000000"
    assert d.unknown_fields == {}
    assert "Mẫu" not in repr(d) and "001158000000" not in repr(d)


def test_real_card_byte_prefixes() -> None:
    # Fact sheet §3: the header is 6D 82 LL LL 30 82 LL LL 02 01 01 06 06 28D316010008 31 82 LL LL,
    # then field 1 as `30 11 02 01 01 13 0C` and the 12 digits from byte 30 on.
    assert SAMPLE[0:2] == b"\x6d\x82" and SAMPLE[4:6] == b"\x30\x82"
    assert SAMPLE[8:19] == bytes.fromhex("020101 0606 28D316010008")
    assert SAMPLE[19:21] == b"\x31\x82"
    assert SAMPLE[23:30] == bytes.fromhex("30110201011 30C".replace(" ", ""))
    assert SAMPLE[30:42] == b"001158000000"
    assert bytes.fromhex("300F020103130A") + b"05/09/1958" in SAMPLE  # dates are PrintableString
    assert bytes.fromhex("30090201040C04") + "Nữ".encode() in SAMPLE  # text is UTF8String
    assert bytes.fromhex("300E02010F1309") + b"012345678" in SAMPLE
    assert bytes.fromhex("301502011013 10") + b"MAU0000000000000" in SAMPLE
    # Field 13 as two SEQUENCEs with the real card's lengths: 30 36 02 01 0D 30 19 0C 17 … 30 16 0C 14 …
    father, mother = "Nguyen Van Cha Mau Test", "Tran Thi Me Mau Test"
    encoded = encode_dg13(sample_values(father_name=father, mother_name=mother))
    expected = (
        bytes.fromhex("3036 02010D 3019 0C17")
        + father.encode()
        + bytes.fromhex("3016 0C14")
        + mother.encode()
    )
    assert expected in encoded
    # An empty spouse is `30 03 02 01 0E`; so is an empty old ID number with 0F.
    empty = encode_dg13(sample_values(spouse_name="", old_id_number=""))
    assert bytes.fromhex("3003 02010E") in empty and bytes.fromhex("3003 02010F") in empty
    d = parse_dg13(empty)
    assert d.spouse_name is None and d.raw_fields[14] == () and d.old_id_number is None


def test_long_form_lengths_everywhere() -> None:
    data = _long_form(SAMPLE)
    assert len(data) > len(SAMPLE)
    assert parse_dg13(data).raw_fields == parse_dg13(SAMPLE).raw_fields


def test_fields_in_any_order() -> None:
    values = sample_values()
    order = list(values)
    random.Random(13).shuffle(order)
    shuffled = encode_dg13(values, order=order)
    assert shuffled != SAMPLE
    assert parse_dg13(shuffled).raw_fields == parse_dg13(SAMPLE).raw_fields
    assert parse_dg13(encode_dg13(values, order=sorted(values, reverse=True))).full_name == "Nguyễn Thị Mẫu"


def test_parents_as_one_nested_sequence() -> None:
    inline = _field(13, tlv.encode(0x30, _utf8("Cha") + _utf8("Mẹ")))
    nested = _field(13, tlv.encode(0x30, tlv.encode(0x30, _utf8("Cha")) + tlv.encode(0x30, _utf8("Mẹ"))))
    direct = _field(13, _utf8("Cha"), _utf8("Mẹ"))
    for variant in (inline, nested, direct):
        d = parse_dg13(_dg13(_field(1, _printable("001158000000")), variant))
        assert (d.father_name, d.mother_name) == ("Cha", "Mẹ")


def test_unknown_father_keeps_the_mother_in_place() -> None:
    d = parse_dg13(_dg13(_field(13, tlv.encode(0x30, b""), tlv.encode(0x30, _utf8("Mẹ")))))
    assert d.raw_fields[13] == ("", "Mẹ")
    assert d.father_name is None and d.mother_name == "Mẹ"


def test_spouse_encodings() -> None:
    for value in (_utf8("Vợ"), tlv.encode(0x30, _utf8("Vợ"))):
        assert parse_dg13(_dg13(_field(14, value))).spouse_name == "Vợ"
    assert parse_dg13(_dg13(_field(14))).spouse_name is None


def test_unknown_fields_kept_raw_and_other_string_types() -> None:
    extra = tlv.encode(0x30, tlv.encode(0x16, b"ia5") + tlv.encode(0x04, b"\x01\x02"))
    d = parse_dg13(_dg13(_field(1, _printable("001158000000")), _field(20, extra)))
    assert d.raw_fields[20] == ("ia5",)
    assert d.unknown_fields[20] == extra
    assert d.id_number == "001158000000"


def test_nfc_normalisation() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Mẫu")
    d = parse_dg13(_dg13(_field(2, _utf8(decomposed)), _field(4, _utf8(unicodedata.normalize("NFD", "Nữ")))))
    assert d.full_name == "Nguyễn Thị Mẫu" and d.full_name != decomposed
    assert d.sex == "female"


@pytest.mark.parametrize(
    ("text", "never", "expiry"),
    [
        ("Không thời hạn", True, None),
        ("KHÔNG THỜI HẠN", True, None),
        ("Vô thời hạn", True, None),
        ("05/09/2040", False, date(2040, 9, 5)),
        ("05-09-2040", False, date(2040, 9, 5)),
        ("31/02/2040", False, None),
        ("", False, None),
    ],
)
def test_expiry_text(text: str, never: bool, expiry: date | None) -> None:
    d = parse_dg13(_dg13(_field(12, _utf8(text))))
    assert d.never_expires is never
    assert d.date_of_expiry == expiry


def test_accessors_on_odd_values() -> None:
    d = parse_dg13(
        _dg13(_field(1, _printable("12345")), _field(4, _utf8("Khác")), _field(3, _printable("1958")))
    )
    assert d.id_number is None  # not 12 digits: never prefilled
    assert d.sex is None
    assert d.date_of_birth is None
    assert parse_dg13(_dg13(_field(4, _utf8(" nam ")))).sex == "male"
    empty = parse_dg13(_dg13())
    assert empty.raw_fields == {} and empty.full_name is None and not empty.never_expires
    assert parse_card_date("05091958") == date(1958, 9, 5)
    assert parse_card_date(None) is None


@pytest.mark.parametrize(
    "data",
    [
        b"",
        tlv.encode(0x6C, b""),  # another data group
        tlv.encode(0x6D, b""),  # no SEQUENCE
        tlv.encode(0x6D, tlv.encode(0x30, tlv.encode(0x02, b"\x01"))),  # no field SET
        _dg13(_field(2, _utf8("a")), _field(2, _utf8("b"))),  # a field twice
        _dg13(tlv.encode(0x31, b"")),  # a field that is not a SEQUENCE
        _dg13(tlv.encode(0x30, b"")),  # an empty field entry
        _dg13(tlv.encode(0x30, _utf8("no number"))),
        _dg13(_field(2, tlv.encode(0x0C, b"\xff\xfe"))),  # not UTF-8
        _dg13(tlv.encode(0x30, tlv.encode(0x02, b"\xff") + _utf8("x"))),  # negative field number
        _dg13(_field(2, _utf8("x"))) + b"\x00",  # trailing byte
        _dg13(
            _field(
                2,
                tlv.encode(
                    0x30,
                    tlv.encode(
                        0x30,
                        tlv.encode(
                            0x30,
                            tlv.encode(
                                0x30, tlv.encode(0x30, tlv.encode(0x30, tlv.encode(0x30, _utf8("deep"))))
                            ),
                        ),
                    ),
                ),
            )
        ),
    ],
)
def test_malformed(data: bytes) -> None:
    with pytest.raises(Dg13Error) as info:
        parse_dg13(data)
    assert isinstance(info.value, CardError) and info.value.kind is CardErrorKind.BAD_DATA
    assert "Mẫu" not in str(info.value)


def test_not_bytes() -> None:
    with pytest.raises(Dg13Error):
        parse_dg13("6D00")  # type: ignore[arg-type]


def _exercise(d: Dg13Data) -> None:
    for name in (
        "id_number",
        "full_name",
        "date_of_birth",
        "sex",
        "nationality",
        "ethnicity",
        "religion",
        "place_of_origin",
        "place_of_residence",
        "identifying_marks",
        "date_of_issue",
        "date_of_expiry",
        "never_expires",
        "father_name",
        "mother_name",
        "spouse_name",
        "old_id_number",
        "unknown16",
    ):
        getattr(d, name)
    repr(d)


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_random_bytes(data: bytes) -> None:
    try:
        _exercise(parse_dg13(data))
    except Dg13Error:
        pass


@FUZZ
@given(st.binary(max_size=200))
def test_fuzz_random_bytes_behind_a_valid_header(data: bytes) -> None:
    try:
        _exercise(parse_dg13(tlv.encode(0x6D, tlv.encode(0x30, tlv.encode(0x31, data)))))
    except Dg13Error:
        pass


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, len(SAMPLE) - 1), st.integers(0, 255)), min_size=1, max_size=8),
    st.integers(0, len(SAMPLE)),
    st.binary(max_size=8),
)
def test_fuzz_mutations_of_a_valid_encoding(flips: list[tuple[int, int]], cut: int, insert: bytes) -> None:
    data = bytearray(SAMPLE)
    for pos, value in flips:
        data[pos] = value
    data[cut:cut] = insert
    for candidate in (bytes(data), bytes(data[:cut])):
        try:
            _exercise(parse_dg13(candidate))
        except Dg13Error:
            pass


@FUZZ
@given(
    st.dictionaries(
        st.integers(1, 40),
        st.one_of(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=3)),
        max_size=20,
    )
)
def test_fuzz_encode_parse_round_trip(values: dict[int, str | list[str]]) -> None:
    parsed = parse_dg13(encode_dg13(values))
    for number, value in values.items():
        texts = [value] if isinstance(value, str) else value
        if (number in (13, 14) and texts == [""]) or (number == 15 and value == ""):
            texts = []  # an empty person or old ID number is left out, as the real card does
        assert parsed.raw_fields[number] == tuple(unicodedata.normalize("NFC", t) for t in texts)
