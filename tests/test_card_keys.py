"""Access keys from the ID number, the card's QR code and the law (hardware/card/keys)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from egov.identity import Sex
from hardware.card.keys import (
    CanKey,
    MrzKey,
    QrError,
    can_from_id,
    document_number_from_id,
    expiry_candidates,
    expiry_under,
    keys_for,
    parse_card_qr,
)

VN_SAMPLE = "IDVNM0930470641001093047064<<2\n9301054M3301052VNM<<<<<<<<<<<8\nUNG<<HOANG<HIEP<<<<<<<<<<<<<<<"
MAU_QR = "001158000000||Nguyễn Thị Mẫu|05091958|Nữ|Số 1 Phố Mẫu, Phường Trúc Bạch, Thành phố Hà Nội|01042021"


def test_can_and_document_number_from_the_id() -> None:
    assert can_from_id("001158000000") == "000000"
    assert can_from_id(" 001093047064 ") == "047064"
    assert document_number_from_id("001093047064") == "093047064"  # the last 9 digits, not the first
    with pytest.raises(ValueError):
        can_from_id("12345678901")


def test_key_validation_and_reprs() -> None:
    assert CanKey("123456").can == "123456"
    for bad in ("12345", "1234567", "12345a", "١٢٣٤٥٦"):
        with pytest.raises(ValueError):
            CanKey(bad)
    key = MrzKey("093047064", "930105", "330105")
    assert "093047064" not in repr(key) and "123456" not in repr(CanKey("123456"))
    assert MrzKey("158000000", "580905", "<<<<<<").expiry_yymmdd == "<<<<<<"
    with pytest.raises(ValueError):
        MrzKey("09304706", "930105", "330105")
    with pytest.raises(ValueError):
        MrzKey("093047064", "93015", "330105")
    with pytest.raises(ValueError):
        MrzKey("093047064", "930105", "33O105")
    assert CanKey("123456") == CanKey("123456")


def test_qr_of_the_sample_citizen() -> None:
    qr = parse_card_qr(MAU_QR)
    assert qr.id_number == "001158000000"
    assert qr.old_id_number == ""
    assert qr.full_name == "Nguyễn Thị Mẫu"
    assert qr.date_of_birth == date(1958, 9, 5)
    assert qr.sex is Sex.FEMALE
    assert qr.address == "Số 1 Phố Mẫu, Phường Trúc Bạch, Thành phố Hà Nội"
    assert qr.date_of_issue == date(2021, 4, 1)
    assert qr.extra == ()
    assert "001158000000" not in repr(qr)


def test_qr_defensive_cleaning() -> None:
    text = "\ufeff  " + unicodedata.normalize("NFD", MAU_QR.replace("||", "|012345678|")) + "|extra|more\r\n"
    qr = parse_card_qr(text)
    assert qr.full_name == "Nguyễn Thị Mẫu"  # NFC again
    assert qr.old_id_number == "012345678"
    assert qr.sex is Sex.FEMALE
    assert qr.extra == ("extra", "more")
    male = parse_card_qr("001090012345|| Trần  Văn Nam |15031990|Nam||01062021")
    assert (male.full_name, male.sex, male.address) == ("Trần Văn Nam", Sex.MALE, "")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "https://dichvucong.gov.vn",
        "001158000000||Nguyễn Thị Mẫu|05091958|Nữ|Hà Nội",  # six fields
        "00115800000||Nguyễn Thị Mẫu|05091958|Nữ|Hà Nội|01042021",  # 11-digit ID
        "001158000000|12345678|Nguyễn Thị Mẫu|05091958|Nữ|Hà Nội|01042021",  # 8-digit CMND
        "001158000000||N|05091958|Nữ|Hà Nội|01042021",  # no real name
        "001158000000||Nguyễn Thị Mẫu|31021958|Nữ|Hà Nội|01042021",  # 31 February
        "001158000000||Nguyễn Thị Mẫu|1958-09-05|Nữ|Hà Nội|01042021",
        "001158000000||Nguyễn Thị Mẫu|05091958|X|Hà Nội|01042021",
        "001158000000||Nguyễn Thị Mẫu|05091958|Nữ|Hà Nội|01041950",  # issued before birth
    ],
)
def test_bad_qr(text: str) -> None:
    with pytest.raises(QrError) as info:
        parse_card_qr(text)
    assert isinstance(info.value, ValueError)
    assert info.value.message  # a Vietnamese sentence for the screen
    assert "001158000000" not in str(info.value) and "Mẫu" not in str(info.value)


# Expiry dates worked by hand from the two laws (milestones 25/40/60 and 14/25/40/60; a card issued
# within two years before a milestone lasts to the next one; none left: no expiry).
@pytest.mark.parametrize(
    ("birth", "issued", "expected"),
    [
        # Age 31: the next milestone is 40 (birth + 38 = 2028-03-15 is after the issue) → 2030-03-15.
        (date(1990, 3, 15), date(2021, 6, 1), [date(2030, 3, 15)]),
        # Age 22: 25 − 2 = 23 → 2013-03-15 is after the issue → 2015-03-15 under both laws.
        (date(1990, 3, 15), date(2013, 1, 10), [date(2015, 3, 15)]),
        # Age 38 and a bit: within two years of 40 → valid to 60.
        (date(1990, 3, 15), date(2028, 5, 1), [date(2050, 3, 15)]),
        # One day before the window opens: still to 40; on the day it opens: to 60.
        (date(1990, 3, 15), date(2028, 3, 14), [date(2030, 3, 15)]),
        (date(1990, 3, 15), date(2028, 3, 15), [date(2050, 3, 15)]),
        # Issued at 62 (the sample citizen): never expires.
        (date(1958, 9, 5), date(2021, 4, 1), [None]),
        # Issued on the 58th birthday: never; the day before: to 60.
        (date(1963, 6, 1), date(2021, 6, 1), [None]),
        (date(1963, 6, 1), date(2021, 5, 31), [date(2023, 6, 1)]),
        # A child of 10 under the 2023 law renews at 14; the 2014 law would say 25. Law of the
        # issue date first.
        (date(2014, 1, 10), date(2024, 9, 1), [date(2028, 1, 10), date(2039, 1, 10)]),
        (date(2014, 1, 10), date(2024, 6, 30), [date(2039, 1, 10), date(2028, 1, 10)]),
        # Born on 29 February: 28 February in common years, 29 in leap years.
        (date(2000, 2, 29), date(2021, 1, 10), [date(2025, 2, 28)]),
        (date(1980, 2, 29), date(2016, 3, 1), [date(2020, 2, 29)]),
        (date(1980, 2, 29), date(2018, 2, 28), [date(2040, 2, 29)]),  # on the window's first day
    ],
)
def test_expiry_candidates(birth: date, issued: date, expected: list[date | None]) -> None:
    assert expiry_candidates(birth, issued) == expected


def test_expiry_under_one_law() -> None:
    assert expiry_under(date(2014, 1, 10), date(2024, 9, 1), (14, 25, 40, 60)) == date(2028, 1, 10)
    assert expiry_under(date(2014, 1, 10), date(2024, 9, 1), (25, 40, 60)) == date(2039, 1, 10)


def test_keys_for_id_only() -> None:
    assert keys_for("001158000000") == [CanKey("000000")]


def test_keys_for_a_card_that_never_expires() -> None:
    assert keys_for("001158000000", date(1958, 9, 5), date(2021, 4, 1)) == [CanKey("000000")]


def test_keys_for_computed_dates() -> None:
    keys = keys_for("001090012345", birth=date(1990, 3, 15), issued=date(2021, 6, 1))
    assert keys == [CanKey("012345"), MrzKey("090012345", "900315", "300315")]
    child = keys_for("001214012345", birth=date(2014, 1, 10), issued=date(2024, 9, 1))
    assert child == [
        CanKey("012345"),
        MrzKey("214012345", "140110", "280110"),
        MrzKey("214012345", "140110", "390110"),
    ]


def test_keys_for_a_typed_mrz() -> None:
    keys = keys_for("001093047064", birth=date(1993, 1, 5), issued=date(2021, 1, 1), mrz=VN_SAMPLE)
    assert keys == [CanKey("047064"), MrzKey("093047064", "930105", "330105")]


def test_keys_for_bad_id() -> None:
    with pytest.raises(ValueError):
        keys_for("0011580000")
