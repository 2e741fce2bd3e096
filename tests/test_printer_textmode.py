"""Text mode (hardware.printer.textmode): receipt blocks as CP1258 ESC/POS text, byte for byte;
every Vietnamese letter round-trips; what CP1258 cannot carry goes out as an image, never '?'.
The end-to-end print to emupos is in test_printer_emupos.py."""

from __future__ import annotations

import dataclasses
import logging
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from egov.receipt import QR, Cut, KeyValue, Rule, Size, Spacer, Text, Title
from hardware.printer import PROFILES, EscPosPrinter, printer_from_settings
from hardware.printer.textmode import (
    TextModeUnavailable,
    encode_block,
    encode_blocks,
    encode_text,
    text_code_page,
)

ESC_AT = b"\x1b@"
TM_T20 = PROFILES["tm-t20"]

# The 12 vowels, each bare and with the five tones, and đ: 73 letters, 146 with the capitals, of
# which 134 are not ASCII (a e i o u y, A E I O U Y are).
VOWELS = "aăâeêioôơuưy"
TONES = "\u0300\u0301\u0303\u0309\u0323"
LOWER = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in ("", *TONES)] + ["đ"]
LETTERS = LOWER + [letter.upper() for letter in LOWER]


def test_the_letters_are_all_the_vietnamese_letters() -> None:
    assert len(set(LETTERS)) == 146
    assert len([letter for letter in LETTERS if not letter.isascii()]) == 134
    assert all(len(letter) == 1 for letter in LETTERS)  # each one precomposed code point


def test_dang_ky_in_cp1258() -> None:
    # Đ D0, ă E3, "ng k", y then U+0301 (EC): CP1258 has no precomposed ý.
    assert encode_text("Đăng ký") == b"\xd0\xe3ng ky\xec"


def test_tone_marks_are_split_off_only_where_needed() -> None:
    # ư FD, ơ F5, U+0300 CC; ê EA, U+0303 DE; ặ is ă (E3) with U+0323 (F2) after it.
    assert encode_text("Hường") == b"H\xfd\xf5\xccng"
    assert encode_text("Nguyễn Thị") == b"Nguy\xea\xden Thi\xf2"
    assert encode_text("Ặ ặ") == b"\xc3\xf2 \xe3\xf2"
    assert encode_text("Ẩ") == b"\xc2\xd2"  # Â C2, hook above D2
    assert encode_text("Ô ó") == b"\xd4 \xf3"  # the few CP1258 has precomposed stay one byte


def test_decomposed_input_is_normalised_first() -> None:
    assert encode_text(unicodedata.normalize("NFD", "Hường")) == encode_text("Hường")


@given(st.lists(st.sampled_from([*LETTERS, " ", "-", "0", "H", "n", "g"]), max_size=40).map("".join))
def test_every_vietnamese_letter_round_trips(text: str) -> None:
    decoded = encode_text(text).decode("cp1258")
    assert unicodedata.normalize("NFC", decoded) == text


def test_each_letter_round_trips() -> None:
    for letter in LETTERS:
        assert unicodedata.normalize("NFC", encode_text(letter).decode("cp1258")) == letter, letter


def test_what_cp1258_cannot_carry_raises_instead_of_question_marks() -> None:
    for text in ("Hà Nội ✓", "東京", "Ł"):
        with pytest.raises(UnicodeEncodeError):
            encode_text(text)
    # A letter with no CP1258 form but a base and a tone mark it has still round-trips: ǹ = n + U+0300.
    assert encode_text("ǹ") == b"n\xcc"


# ---- blocks --------------------------------------------------------------------------------------


def test_blocks_bytes() -> None:
    assert encode_block(Rule(), 32) == b"-" * 32 + b"\n"
    # The label plain, the value bold (as the raster draws it), left justified.
    assert encode_block(KeyValue("Phí", "0 đ"), 48) == (b"\x1ba\x00Ph\xed: \x1bE\x010 \xf0\n\x1bE\x00")
    assert encode_block(Text("Đăng ký", bold=True, align="center"), 32) == (
        b"\x1ba\x01\x1bE\x01\xd0\xe3ng ky\xec\n\x1bE\x00\x1ba\x00"
    )
    # Titles: GS ! double width and height, centred, bold, wrapped at half the columns.
    assert encode_block(Title("Đăng ký", Size.LARGE), 48) == (
        b"\x1d!\x11\x1ba\x01\x1bE\x01\xd0\xe3ng ky\xec\n\x1bE\x00\x1ba\x00\x1d!\x00"
    )
    assert encode_block(Spacer(300), 32) == b"\x1bJ\xff\x1bJ\x2d"


def test_wrapping_counts_bytes_and_never_splits_a_letter_from_its_tone() -> None:
    text = "Người nộp hồ sơ: Nguyễn Thị Hường, số nhà 1 phố Mẫu"
    lines = encode_block(Text(text), 32).removeprefix(b"\x1ba\x00").split(b"\n")[:-1]
    assert all(len(line) <= 32 for line in lines)
    assert len(lines) > 1
    assert unicodedata.normalize("NFC", b" ".join(lines).decode("cp1258")) == text
    # A word longer than the line is cut between letters, never before a combining mark.
    long = encode_block(Text("ễ" * 20), 32).removeprefix(b"\x1ba\x00").split(b"\n")[:-1]
    assert [len(line) for line in long] == [32, 8]
    assert all(line[0] != 0xDE for line in long)


def test_title_shrinks_to_fit_a_long_word() -> None:
    code = "H01.99-250305-0007"  # 18 columns: ×2 fits 48 columns (24), ×3 would not (16)
    assert encode_block(Title(code, Size.HUGE), 48).startswith(b"\x1d!\x11")
    assert encode_block(Title(code, Size.HUGE), 32).startswith(b"\x1ba\x01")  # ×1 on 58 mm


def test_job_has_code_page_native_qr_and_cut() -> None:
    job = EscPosPrinter("tcp://127.0.0.1:9", TM_T20, text_mode=True).encode_blocks(
        [Title("PHIẾU"), Rule(), QR("https://x.example/a", "A"), Cut()]
    )
    assert job.startswith(ESC_AT + b"\x1bt\x34")  # ESC t 52: WPC1258 on the TM-T20
    assert b"\x1d(k" in job  # GS ( k
    assert b"-" * 48 + b"\n" in job
    assert job.endswith(b"\x1bd\x04\x1dV\x01")  # feed, partial cut, once
    assert job.count(b"\x1dV") == 1


def test_raster_qr_where_the_profile_has_no_native_qr() -> None:
    profile = dataclasses.replace(PROFILES["pos-58"], vietnamese_text="cp1258", code_page=27)
    job = encode_blocks([Text("Mã"), QR("https://x.example/a")], profile, lambda _: b"NATIVE", b"END")
    assert job.startswith(ESC_AT + b"\x1bt\x1b\x1ba\x00Ma\xde\n")  # no ã in CP1258: a + U+0303
    assert b"\x1dv0\x00" in job and b"NATIVE" not in job  # GS v 0 of the QR alone
    assert job.endswith(b"END")


def test_unencodable_block_falls_back_to_raster_and_logs_without_the_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="hardware.printer.textmode"):
        job = encode_blocks([Text("Tên: 東京"), Text("ổn")], TM_T20, lambda _: b"", b"")
    # The first block as an image, not as text with '?' for what CP1258 lacks.
    assert job.startswith(ESC_AT + b"\x1bt\x34\x1dv0\x00")
    assert b"T\xean" not in job
    assert b"\xf4\xd2n\n" in job  # ô F4 + hook D2: the second still text
    assert "Text block" in caplog.text and "CP1258" in caplog.text
    assert "東" not in caplog.text and "Tên" not in caplog.text


# ---- which profiles may use it -------------------------------------------------------------------


def test_code_page_per_profile() -> None:
    assert text_code_page(TM_T20) == 52
    assert text_code_page(dataclasses.replace(TM_T20, vietnamese_text="cp1258", code_page=27)) == 27
    tcvn3_only = dataclasses.replace(TM_T20, cp1258_page=None)
    with pytest.raises(TextModeUnavailable, match="TCVN-3.*text_mode = false"):
        text_code_page(tcvn3_only)
    with pytest.raises(TextModeUnavailable, match="Generic POS-80"):
        EscPosPrinter("tcp://127.0.0.1:9", PROFILES["pos-80"], text_mode=True)


@dataclasses.dataclass
class _Settings:
    uri: str = "tcp://printer:9100"
    paper_mm: int = 80
    profile: str = "tm-t20"
    timeout_seconds: float = 5.0
    status_timeout_seconds: float = 1.0
    job_timeout_seconds: float = 5.0
    text_mode: bool = True


def test_printer_from_settings_carries_text_mode(tmp_path) -> None:  # noqa: ANN001
    printer = printer_from_settings(_Settings(), tmp_path)
    assert isinstance(printer, EscPosPrinter) and printer.text_mode
    assert not printer_from_settings(_Settings(text_mode=False), tmp_path).text_mode  # type: ignore[union-attr]
    with pytest.raises(TextModeUnavailable):
        printer_from_settings(_Settings(profile="xp-80"), tmp_path)
