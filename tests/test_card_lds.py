"""BER-TLV, the MRZ and the LDS files of the chip ID card (hardware/card/tlv, mrz, lds)."""

from __future__ import annotations

import struct
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardware.card import lds, tlv
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.mrz import (
    Mrz,
    MrzError,
    bac_key_fields,
    check_digit,
    check_digit_ok,
    parse_mrz,
    td1_for,
    transliterate,
)

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The eKYC mock of the fact sheet §2: every check digit verifies.
VN_SAMPLE = "IDVNM0930470641001093047064<<2\n9301054M3301052VNM<<<<<<<<<<<8\nUNG<<HOANG<HIEP<<<<<<<<<<<<<<<"
# ICAO 9303 specimens.
ICAO_TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
ICAO_TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TODAY = date(2025, 6, 1)


# -- TLV ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "tag", "length"),
    [
        ("6103010203", 0x61, 3),
        ("5F1F024142", 0x5F1F, 2),
        ("7F6100", 0x7F61, 0),
        ("6D8103010203", 0x6D, 3),
        ("6D820003010203", 0x6D, 3),
        ("6D83000003010203", 0x6D, 3),
        ("6D8400000003010203", 0x6D, 3),
    ],
)
def test_tlv_decodes_short_and_long_forms(encoded: str, tag: int, length: int) -> None:
    element = tlv.decode(bytes.fromhex(encoded))
    assert (element.tag, element.length) == (tag, length)
    assert element.end == len(bytes.fromhex(encoded))


@pytest.mark.parametrize(
    "encoded",
    [
        "",  # nothing
        "61",  # no length
        "61050102",  # value shorter than the length
        "61800000",  # indefinite length
        "61850000000001",  # five length bytes
        "5F",  # tag cut short
        "5F808080800100",  # tag longer than four bytes
        "61010102",  # a byte after the element
    ],
)
def test_tlv_rejects_malformed(encoded: str) -> None:
    with pytest.raises(tlv.TlvError) as info:
        tlv.decode(bytes.fromhex(encoded))
    assert info.value.kind is CardErrorKind.BAD_DATA
    assert isinstance(info.value, CardError)


@pytest.mark.parametrize(
    ("length", "header"),
    [(0, "00"), (127, "7F"), (128, "8180"), (255, "81FF"), (256, "820100"), (65536, "83010000")],
)
def test_tlv_encodes_minimal_lengths(length: int, header: str) -> None:
    encoded = tlv.encode(0x04, bytes(length))
    assert encoded[1 : 1 + len(bytes.fromhex(header))] == bytes.fromhex(header)
    assert tlv.decode(encoded).value == bytes(length)


def test_tlv_multibyte_tags_round_trip() -> None:
    for tag in (0x5F1F, 0x7F61, 0x5F2E, 0x7F2E, 0x5F36):
        assert tlv.decode(tlv.encode(tag, b"xy")).tag == tag


def test_tlv_children_and_find() -> None:
    data = tlv.encode(0x75, tlv.encode(0x7F61, tlv.encode(0x02, b"\x01") + tlv.encode(0x7F60, b"")))
    outer = tlv.decode(data)
    assert outer.constructed
    assert [c.tag for c in outer.children()] == [0x7F61]
    found = tlv.find(data, [0x75, 0x7F61, 0x02])
    assert found is not None and found.value == b"\x01"
    assert tlv.find(data, [0x75, 0x7F61, 0x5F2E]) is None
    assert tlv.find(data, [0x75, 0x7F61, 0x02, 0x30]) is None  # a primitive has no children
    with pytest.raises(tlv.TlvError):
        tlv.decode(tlv.encode(0x02, b"\x01")).children()


@pytest.mark.parametrize(
    ("head", "total"),
    [
        ("615D5F1F5A494456", 0x5D + 2),  # DG1
        ("6D8201C3308201BF", 0x1C3 + 4),  # DG13 with a two-byte length
        ("77820448308204", 0x448 + 4),
        ("6E7C", 0x7C + 2),
        ("31 34", 0x34 + 2),  # EF.CardAccess
        ("75 83 012345", 0x012345 + 5),
        ("75 84 00012345", 0x12345 + 6),  # six bytes: the most the reader ever needs
    ],
)
def test_file_length_from_header(head: str, total: int) -> None:
    assert tlv.file_length_from_header(bytes.fromhex(head)) == total


@pytest.mark.parametrize("head", ["", "77", "7782", "778204", "75840001", "00", "FF05"])
def test_file_length_from_header_needs_the_whole_header(head: str) -> None:
    with pytest.raises(tlv.TlvError):
        tlv.file_length_from_header(bytes.fromhex(head))


@FUZZ
@given(st.binary(max_size=64))
def test_tlv_fuzz_random_bytes(data: bytes) -> None:
    for call in (
        tlv.decode,
        tlv.children,
        tlv.file_length_from_header,
        lambda d: tlv.find(d, [0x61, 0x5F1F]),
    ):
        try:
            call(data)
        except tlv.TlvError:
            pass


# -- MRZ ----------------------------------------------------------------------------------------


def test_check_digits_of_the_fact_sheet() -> None:
    # §4.1: 090123456 2 900315 2 300315 0
    assert check_digit("090123456") == "2"
    assert check_digit("900315") == "2"
    assert check_digit("300315") == "0"
    assert check_digit("<<<<<<") == "0"
    assert check_digit("D23145890") == "7"  # letters count 10…35
    assert check_digit_ok("<<<<<<", "<") and check_digit_ok("<<<<<<", "0")
    assert not check_digit_ok("900315", "<")


def test_vietnamese_td1_sample() -> None:
    mrz = parse_mrz(VN_SAMPLE, TODAY)
    assert mrz.format == "TD1"
    assert mrz.all_check_digits_ok
    assert (mrz.document_type, mrz.issuing_state, mrz.nationality) == ("ID", "VNM", "VNM")
    assert mrz.document_number == "093047064"
    assert mrz.id_number == "001093047064" and mrz.id_number_ok is True
    assert mrz.birth_date == date(1993, 1, 5)
    assert mrz.expiry_date == date(2033, 1, 5)
    assert mrz.sex == "M"
    assert (mrz.surname, mrz.given_names) == ("UNG", "HOANG HIEP")
    assert mrz.names == "UNG HOANG HIEP"
    assert bac_key_fields(mrz) == ("093047064", "930105", "330105")
    assert mrz.raw == VN_SAMPLE
    assert "093047064" not in repr(mrz)  # personal data stays out of logs


def test_td1_without_line_breaks_and_lower_case() -> None:
    assert parse_mrz(VN_SAMPLE.replace("\n", "").lower(), TODAY).all_check_digits_ok


def test_icao_specimens() -> None:
    td1 = parse_mrz(ICAO_TD1, TODAY)
    assert td1.all_check_digits_ok
    assert td1.document_number == "D23145890"
    assert td1.id_number is None and td1.id_number_ok is None
    assert td1.birth_date == date(1974, 8, 12) and td1.expiry_date == date(2012, 4, 15)
    assert (td1.surname, td1.given_names, td1.sex) == ("ERIKSSON", "ANNA MARIA", "F")
    td3 = parse_mrz(ICAO_TD3, TODAY)
    assert td3.format == "TD3" and td3.all_check_digits_ok
    assert td3.document_number == "L898902C3"
    assert td3.optional_data == "ZE184226B"
    assert bac_key_fields(td3) == ("L898902C3", "740812", "120415")


def test_long_document_number() -> None:
    # ICAO 9303-5 note j: 12 characters, 9 in place, '<', the rest and the check digit in optional data.
    number = "D23145890734"
    line1 = "I<UTO" + number[:9] + "<" + number[9:] + check_digit(number)
    line1 = line1.ljust(30, "<")
    line2 = "7408122F1204159UTO<<<<<<<<<<<"
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    mrz = parse_mrz("\n".join((line1, line2, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")), TODAY)
    assert mrz.document_number == number
    assert mrz.all_check_digits_ok
    assert bac_key_fields(mrz)[0] == number


def test_wrong_check_digits_are_reported_not_raised() -> None:
    lines = VN_SAMPLE.split("\n")
    broken = parse_mrz("\n".join((lines[0][:14] + "9" + lines[0][15:], lines[1], lines[2])), TODAY)
    assert not broken.document_number_ok and not broken.composite_ok
    assert not broken.all_check_digits_ok
    bad_id = parse_mrz("\n".join((lines[0][:29] + "7", lines[1], lines[2])), TODAY)
    assert bad_id.id_number_ok is False and not bad_id.all_check_digits_ok


def test_birth_century() -> None:
    mrz = parse_mrz(td1_for("001158000000", date(1958, 9, 5), "F", None, "Nguyen", "Thi Mau"), TODAY)
    assert mrz.birth_date == date(1958, 9, 5)
    young = parse_mrz(td1_for("001215000000", date(2015, 1, 1), "F", date(2029, 1, 1), "A", "B"), TODAY)
    assert young.birth_date == date(2015, 1, 1)
    assert young.expiry_date == date(2029, 1, 1)


def test_td1_for_reproduces_the_sample() -> None:
    text = td1_for("001093047064", date(1993, 1, 5), "Nam", date(2033, 1, 5), "Ưng", "Hoàng Hiệp")
    assert text == VN_SAMPLE


def test_td1_for_a_card_that_never_expires() -> None:
    text = td1_for("001158000000", date(1958, 9, 5), "Nữ", None, "Nguyễn", "Thị Mẫu")
    assert text.split("\n") == [
        "IDVNM1580000000001158000000<<1",
        "5809057F<<<<<<0VNM<<<<<<<<<<<4",
        "NGUYEN<<THI<MAU<<<<<<<<<<<<<<<",
    ]
    mrz = parse_mrz(text, TODAY)
    assert mrz.all_check_digits_ok and mrz.never_expires and mrz.expiry_date is None
    assert bac_key_fields(mrz) == ("158000000", "580905", "<<<<<<")
    # A filler as the expiry check digit is accepted too (composite recomputed over it).
    lines = text.split("\n")
    line2 = lines[1][:14] + "<" + lines[1][15:29]
    line2 += check_digit(lines[0][5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    assert parse_mrz("\n".join((lines[0], line2, lines[2])), TODAY).all_check_digits_ok


def test_transliterate() -> None:
    assert transliterate("Nguyễn Thị Mẫu") == "NGUYEN<THI<MAU"
    assert transliterate("Đặng Đức") == "DANG<DUC"
    assert transliterate("  Lê-Văn  ") == "LE<VAN"


@pytest.mark.parametrize(
    "text",
    ["", "IDVNM", "X" * 89, VN_SAMPLE.replace("UNG", "UN?"), VN_SAMPLE + "\nEXTRA", "Ư" * 90],
)
def test_malformed_mrz(text: str) -> None:
    with pytest.raises(MrzError):
        parse_mrz(text, TODAY)


_MRZ_CHARS = st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<<<<<a?é \n")


@FUZZ
@given(st.text(max_size=120))
def test_mrz_fuzz_random_text(text: str) -> None:
    try:
        assert isinstance(parse_mrz(text, TODAY), Mrz)
    except MrzError:
        pass


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 89), _MRZ_CHARS), max_size=6))
def test_mrz_fuzz_mutations(changes: list[tuple[int, str]]) -> None:
    chars = list(VN_SAMPLE.replace("\n", ""))
    for pos, ch in changes:
        chars[pos] = ch
    try:
        mrz = parse_mrz("".join(chars), TODAY)
    except MrzError:
        return
    bac_key_fields(mrz)
    assert isinstance(mrz.all_check_digits_ok, bool)


# -- LDS files ----------------------------------------------------------------------------------


def test_file_table() -> None:
    assert (lds.EF_CARD_ACCESS.fid, lds.EF_CARD_ACCESS.sfi) == (0x011C, 0x1C)
    assert (lds.EF_COM.fid, lds.EF_COM.sfi) == (0x011E, 0x1E)
    assert (lds.EF_SOD.fid, lds.EF_SOD.sfi) == (0x011D, 0x1D)
    assert (lds.FILES["DG1"].fid, lds.FILES["DG1"].sfi, lds.FILES["DG1"].tag) == (0x0101, 0x01, 0x61)
    assert (lds.FILES["DG13"].fid, lds.FILES["DG13"].sfi, lds.FILES["DG13"].tag) == (0x010D, 0x0D, 0x6D)
    assert lds.FILES["DG16"].fid == 0x0110
    assert lds.FILES_BY_FID[0x010F].name == "DG15"
    assert lds.group_for_tag(0x75) == 2 and lds.group_for_tag(0x77) is None


def test_ef_com_round_trip() -> None:
    # The Vietnamese card lists DG1, DG2, DG3, DG13, DG14 and DG15.
    data = lds.encode_com([1, 2, 3, 13, 14, 15])
    assert data == bytes.fromhex("6018 5F0104 30313037 5F3606 303430303030 5C06 617563 6D6E6F")
    com = lds.parse_com(data)
    assert com == lds.Com("0107", "040000", (1, 2, 3, 13, 14, 15))


def test_ef_com_rejects_junk() -> None:
    with pytest.raises(lds.LdsError):
        lds.parse_com(tlv.encode(0x60, tlv.encode(0x5F01, b"0107")))  # no tag list
    with pytest.raises(lds.LdsError):
        lds.parse_com(tlv.encode(0x60, tlv.encode(0x5C, b"\x77")))  # not a data group tag
    with pytest.raises(lds.LdsError):
        lds.parse_com(tlv.encode(0x61, b""))


def test_dg1_round_trip() -> None:
    data = lds.encode_dg1(VN_SAMPLE)
    assert data[:4] == bytes.fromhex("615D5F1F") and data[4] == 90  # 61 5D 5F1F 5A <90 characters>
    mrz = lds.parse_dg1(data)
    assert mrz.all_check_digits_ok and mrz.id_number == "001093047064"
    with pytest.raises(MrzError):
        lds.parse_dg1(tlv.encode(0x61, tlv.encode(0x5F1F, b"IDVNM")))
    with pytest.raises(lds.LdsError):
        lds.parse_dg1(tlv.encode(0x61, tlv.encode(0x5F2E, b"")))


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(200)) + b"\xff\xd9"


def test_dg2_round_trip() -> None:
    data = lds.encode_dg2(JPEG, 240, 320, gender=2)
    image = lds.parse_dg2(data)
    assert (image.data, image.format, image.width, image.height) == (JPEG, "jpeg", 240, 320)
    assert image.mime_type == "image/jpeg"
    record = tlv.find(data, [0x75, 0x7F61, 0x7F60, 0x5F2E])
    assert record is not None
    assert record.value[:8] == b"FAC\x00010\x00"
    assert struct.unpack(">IH", record.value[8:14]) == (len(record.value), 1)
    assert struct.unpack(">I", record.value[14:18])[0] == len(record.value) - 14


def _record_with_points(image: bytes, points: int, data_type: int) -> bytes:
    info = struct.pack(">BBHHBBHH", 1, data_type, 100, 120, 1, 2, 0, 0)
    block = 20 + 8 * points + len(info) + len(image)
    facial = struct.pack(">IHBBB", block, points, 1, 0, 0) + bytes(11)
    feature = b"".join(struct.pack(">BBHHH", 1, 0x12, 10 * i, 20 * i, 0) for i in range(points))
    return b"FAC\x00010\x00" + struct.pack(">IH", 14 + block, 1) + facial + feature + info + image


def test_dg2_skips_feature_points_and_reads_jpeg2000() -> None:
    jp2 = b"\x00\x00\x00\x0cjP  \r\n\x87\n" + bytes(50)
    record = _record_with_points(jp2, 3, lds.IMAGE_JPEG2000)
    data = tlv.encode(
        0x75,
        tlv.encode(
            0x7F61,
            tlv.encode(0x02, b"\x01")
            + tlv.encode(0x7F60, tlv.encode(0xA1, b"") + tlv.encode(0x5F2E, record)),
        ),
    )
    image = lds.parse_dg2(data)
    assert (image.data, image.format, image.width, image.height) == (jp2, "jpeg2000", 100, 120)
    assert image.mime_type == "image/jp2"
    # The image's own signature wins over a wrong data type byte.
    wrong = _record_with_points(JPEG, 0, lds.IMAGE_JPEG2000)
    assert lds.parse_face_record(wrong).format == "jpeg"


@pytest.mark.parametrize(
    "record",
    [
        b"",
        b"FAC\x00010\x00" + bytes(10),
        b"XYZ\x00" + bytes(60),
        b"FAC\x00010\x00" + struct.pack(">IH", 60, 0) + bytes(60),  # no images
        b"FAC\x00010\x00"
        + struct.pack(">IH", 60, 1)
        + struct.pack(">IH", 40, 500)
        + bytes(60),  # points overrun
    ],
)
def test_dg2_malformed_records(record: bytes) -> None:
    with pytest.raises(lds.LdsError):
        lds.parse_face_record(record)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 399), st.integers(0, 255)), max_size=4), st.integers(0, 420))
def test_dg2_fuzz_mutations(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(lds.encode_dg2(JPEG, 240, 320))
    for pos, value in flips:
        if pos < len(data):
            data[pos] = value
    try:
        lds.parse_dg2(bytes(data[: max(cut, 1)] if cut < len(data) else data))
    except CardError as exc:
        assert exc.kind is CardErrorKind.BAD_DATA


def test_security_infos_and_dg14_dg15() -> None:
    card_access = bytes.fromhex(
        "3134300D060804007F0007020202020101300F060A04007F00070202030202020101"
        "3012060A04007F00070202040202020102"
        "02010D"
    )
    assert lds.security_info_protocols(card_access) == (
        "0.4.0.127.0.7.2.2.2",
        lds.ID_CA_ECDH_AES_CBC_CMAC_128,
        "0.4.0.127.0.7.2.2.4.2.2",
    )
    algorithm = tlv.encode(0x30, bytes.fromhex("06072A8648CE3D0201 06082A8648CE3D030107"))
    spki = tlv.encode(0x30, algorithm + tlv.encode(0x03, b"\x00\x04" + bytes(64)))
    dg14 = lds.encode_dg14(spki)
    assert dg14[0] == 0x6E
    assert lds.has_chip_authentication(dg14)
    assert lds.security_info_protocols(dg14, 0x6E) == (lds.ID_CA_ECDH_AES_CBC_CMAC_128, lds.ID_PK_ECDH)
    dg15 = lds.encode_dg15(spki)
    assert lds.dg15_public_key(dg15) == spki
    assert lds.has_active_authentication(dg15)
    assert not lds.has_active_authentication(None)
    assert not lds.has_active_authentication(b"\x6f\x02\x04\x00")
    with pytest.raises(lds.LdsError):
        lds.security_info_protocols(tlv.encode(0x31, tlv.encode(0x30, tlv.encode(0x02, b"\x01"))))
