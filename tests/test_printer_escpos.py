"""The ESC/POS encoder against hand-computed bytes (Epson's command reference) and against
python-escpos as a second, independent encoder; the status parser on every byte value."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from egov.receipt import QR, Cut, Rule, Spacer, Text, Title
from hardware.printer import PROFILES, EscPosPrinter, escpos
from hardware.printer.escpos import DleEotReply, Paper, PrinterStatus, parse_dle_eot, parse_paper_status
from hardware.raster import render

# ---- commands -----------------------------------------------------------------------------------


def test_simple_commands() -> None:
    assert escpos.initialize() == bytes.fromhex("1B 40")
    assert escpos.feed_lines(4) == bytes.fromhex("1B 64 04")
    assert escpos.feed_dots(32) == bytes.fromhex("1B 4A 20")
    assert escpos.justify("left") == bytes.fromhex("1B 61 00")
    assert escpos.justify("center") == bytes.fromhex("1B 61 01")
    assert escpos.justify("right") == bytes.fromhex("1B 61 02")
    for n in (1, 2, 3, 4):
        assert escpos.status_request(n) == bytes((0x10, 0x04, n))
    assert escpos.paper_status_request() == bytes.fromhex("1D 72 01")


def test_cut_functions_a_and_b() -> None:
    assert escpos.cut(partial=False) == bytes.fromhex("1D 56 00")
    assert escpos.cut(partial=True) == bytes.fromhex("1D 56 01")
    assert escpos.cut(partial=False, feed_dots=0) == bytes.fromhex("1D 56 41 00")
    assert escpos.cut(partial=True, feed_dots=24) == bytes.fromhex("1D 56 42 18")


def test_raster_header_of_a_384_by_10_image() -> None:
    image = Image.new("1", (384, 10), 1)
    image.putpixel((0, 0), 0)  # top left: the most significant bit of the first byte
    image.putpixel((383, 9), 0)  # bottom right: the least significant bit of the last byte
    (band,) = list(escpos.raster_bands(image))
    assert band[:8] == bytes.fromhex("1D 76 30 00 30 00 0A 00")
    data = band[8:]
    assert len(data) == 480  # 48 bytes a row, 10 rows
    assert data[0] == 0x80 and data[-1] == 0x01
    assert not any(data[1:-1])  # white is 0: nothing else is burnt


def test_raster_bands_never_exceed_255_rows() -> None:
    image = Image.new("1", (576, 600), 0)  # all black
    bands = list(escpos.raster_bands(image))
    assert [band[:8].hex(" ") for band in bands] == [
        "1d 76 30 00 48 00 ff 00",
        "1d 76 30 00 48 00 ff 00",
        "1d 76 30 00 48 00 5a 00",
    ]
    assert [len(band) for band in bands] == [8 + 72 * 255, 8 + 72 * 255, 8 + 72 * 90]
    assert all(byte == 0xFF for band in bands for byte in band[8:])
    assert [band[6] for band in escpos.raster_bands(image, max_rows=100)] == [100] * 6


def test_raster_refuses_what_would_misprint() -> None:
    with pytest.raises(ValueError, match="mode"):
        list(escpos.raster_bands(Image.new("L", (384, 10), 255)))  # would need dithering
    with pytest.raises(ValueError, match="multiple of 8"):
        list(escpos.raster_bands(Image.new("1", (380, 10), 1)))
    with pytest.raises(ValueError, match="255"):
        list(escpos.raster_bands(Image.new("1", (384, 10), 1), max_rows=256))


def test_native_qr_bytes() -> None:
    assert escpos.qr_code(b"ABC", 6, "M") == bytes.fromhex(
        "1D 28 6B 04 00 31 41 32 00"  # fn 165: model 2
        "1D 28 6B 03 00 31 43 06"  # fn 167: 6-dot modules
        "1D 28 6B 03 00 31 45 31"  # fn 169: level M
        "1D 28 6B 06 00 31 50 30 41 42 43"  # fn 180: store "ABC" (3 + 3 bytes)
        "1D 28 6B 03 00 31 51 30"  # fn 181: print
    )
    long = escpos.qr_code(b"x" * 300, 3, "H")
    assert bytes.fromhex("1D 28 6B 2F 01 31 50 30") in long  # 303 = 0x012F
    assert bytes.fromhex("1D 28 6B 03 00 31 45 33") in long
    for bad in ((b"", 6), (b"x", 0), (b"x", 17), (b"x" * 7090, 4)):
        with pytest.raises(ValueError):
            escpos.qr_code(*bad)


def test_byte_parameters_are_checked() -> None:
    for call in (lambda: escpos.feed_lines(256), lambda: escpos.feed_dots(-1), lambda: escpos.cut(True, 300)):
        with pytest.raises(ValueError):
            call()
    with pytest.raises(ValueError):
        escpos.status_request(5)


# ---- python-escpos as a second encoder ---------------------------------------------------------


@pytest.fixture
def python_escpos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """python-escpos's Dummy printer, its import's leftovers kept in the test's own folder.

    Its 3.1 import calls mkdtemp() whatever ESCPOS_CAPABILITIES_PICKLE_DIR says (the default of
    environ.get is evaluated first) and fails when that folder does not exist.
    """
    (tmp_path / "escpos-pickle").mkdir()
    monkeypatch.setenv("ESCPOS_CAPABILITIES_PICKLE_DIR", str(tmp_path / "escpos-pickle"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    printer = pytest.importorskip("escpos.printer")
    constants = pytest.importorskip("escpos.escpos")
    return printer.Dummy, constants


def test_raster_matches_python_escpos(python_escpos) -> None:  # noqa: ANN001
    dummy_class, _ = python_escpos
    generator = random.Random(5)
    for width, height in ((384, 600), (576, 255), (576, 256), (384, 1)):
        image = Image.new("1", (width, height), 1)
        for _ in range(width * height // 20):
            image.putpixel((generator.randrange(width), generator.randrange(height)), 0)
        dummy = dummy_class()
        dummy.image(image, impl="bitImageRaster", fragment_height=255, center=False)
        assert dummy.output == b"".join(escpos.raster_bands(image)), (width, height)


def test_native_qr_matches_python_escpos(python_escpos) -> None:  # noqa: ANN001
    dummy_class, constants = python_escpos
    levels = {"L": constants.QR_ECLEVEL_L, "M": constants.QR_ECLEVEL_M, "H": constants.QR_ECLEVEL_H}
    for payload, size, level in (("https://dichvucong.example.vn/tra-cuu?MHS=H01.99-250305-0007", 6, "M"),
                                 ("Nguyễn", 3, "H"), ("x" * 300, 8, "L")):  # fmt: skip
        dummy = dummy_class()
        dummy.qr(payload, ec=levels[level], size=size, native=True)
        assert dummy.output == escpos.qr_code(payload.encode("utf-8"), size, level)  # type: ignore[arg-type]


def test_python_escpos_import_and_its_temp_folders(tmp_path: Path) -> None:
    """Each 3.1 import makes a temp folder; without ESCPOS_CAPABILITIES_PICKLE_DIR it writes a
    70 KB pickle there, with it the folder stays empty and one pickle is reused. That is why the
    kiosk does not import python-escpos, and the tests above confine it to their own folder."""
    pytest.importorskip("escpos")
    scratch, pickles = tmp_path / "tmp", tmp_path / "pickles"
    scratch.mkdir()
    pickles.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "ESCPOS_CAPABILITIES_PICKLE_DIR": str(pickles)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", "import escpos.printer"], env=env, check=True, timeout=120)
    assert [list(folder.iterdir()) for folder in scratch.iterdir()] == [[], []]
    assert len(list(pickles.iterdir())) == 1
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR")
    subprocess.run([sys.executable, "-c", "import escpos.printer"], env=env, check=True, timeout=120)
    leftovers = sorted(path.stat().st_size for path in scratch.glob("*/*"))
    assert len(leftovers) == 1 and leftovers[0] > 10_000


# ---- status bytes ------------------------------------------------------------------------------


def _bit(byte: int, i: int) -> bool:
    return bool(byte >> i & 1)


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_dle_eot_parser_on_every_byte(n: int) -> None:
    accepted = 0
    for byte in range(256):
        reply = parse_dle_eot(n, byte)
        # 0xx1xx10: bits 0 and 7 off, bits 1 and 4 on; anything else is noise, never a status.
        if (_bit(byte, 0), _bit(byte, 1), _bit(byte, 4), _bit(byte, 7)) != (False, True, True, False):
            assert reply is None, hex(byte)
            continue
        accepted += 1
        assert isinstance(reply, DleEotReply) and reply.n == n
        b2, b3, b5, b6 = (_bit(byte, i) for i in (2, 3, 5, 6))
        if n == 1:
            assert (reply.offline, reply.waiting_recovery) == (b3, b5)
        elif n == 2:
            assert (reply.cover_open, reply.stopped_by_paper_end, reply.error) == (b2, b5, b6)
        elif n == 3:
            assert (reply.cutter_error, reply.unrecoverable_error, reply.auto_recoverable_error) == (
                b3,
                b5,
                b6,
            )
            assert reply.error == (b2 or b3 or b5 or b6)
        else:
            assert (reply.near_end, reply.paper_end) == (b2 or b3, b5 or b6)
        status = PrinterStatus.from_replies(
            reply if n == 1 else None, reply if n == 2 else None, reply if n == 4 else None
        )
        assert status.paper is not Paper.OK or n == 4  # a paper state only from the paper sensor
    assert accepted == 16


def test_dle_eot_values_an_epson_printer_sends() -> None:
    ready = PrinterStatus.from_replies(parse_dle_eot(1, 0x12), parse_dle_eot(2, 0x12), parse_dle_eot(4, 0x12))
    assert ready == PrinterStatus(online=True, cover_open=False, paper=Paper.OK, error=False)
    near = PrinterStatus.from_replies(parse_dle_eot(1, 0x12), parse_dle_eot(2, 0x12), parse_dle_eot(4, 0x1E))
    assert near.paper is Paper.NEAR_END and near.online
    out = PrinterStatus.from_replies(parse_dle_eot(1, 0x1A), parse_dle_eot(2, 0x32), parse_dle_eot(4, 0x7E))
    assert out == PrinterStatus(online=False, cover_open=False, paper=Paper.OUT, error=False)
    cover = PrinterStatus.from_replies(parse_dle_eot(1, 0x1A), parse_dle_eot(2, 0x16), parse_dle_eot(4, 0x12))
    assert cover.cover_open and cover.online is False and cover.paper is Paper.OK
    # Paper-end stop reported by DLE EOT 2 wins over a roll sensor that still says "paper".
    assert PrinterStatus.from_replies(None, parse_dle_eot(2, 0x32), parse_dle_eot(4, 0x12)).paper is Paper.OUT
    cutter = PrinterStatus.from_replies(
        parse_dle_eot(1, 0x1A), parse_dle_eot(2, 0x52), None, parse_dle_eot(3, 0x1A)
    )
    assert cutter.error is True and cutter.paper is Paper.UNKNOWN


def test_silence_is_unknown_not_paper_ok() -> None:
    silent = PrinterStatus.from_replies(None, None, None)
    assert silent == PrinterStatus()
    assert silent.paper is Paper.UNKNOWN and silent.online is None and not silent.known


def test_gs_r_paper_status_on_every_byte() -> None:
    for byte in range(256):
        paper = parse_paper_status(byte)
        if byte & 0x90:
            assert paper is None, hex(byte)
        elif byte & 0x0C:
            assert paper is Paper.OUT
        elif byte & 0x03:
            assert paper is Paper.NEAR_END
        else:
            assert paper is Paper.OK


# ---- whole jobs --------------------------------------------------------------------------------


def _blocks() -> list:
    return [
        Title("IN THỬ"),
        Rule(),
        Text("Nguyễn Thị Hường"),
        QR("https://x.vn/tra-cuu?MHS=1", "Quét mã"),
        Spacer(8),
        Cut(),
    ]


def test_job_with_raster_qr_is_one_image_then_cut() -> None:
    printer = EscPosPrinter("tcp://127.0.0.1:9", PROFILES["pos-58"])
    job = printer.encode_blocks(_blocks())
    image = render([block for block in _blocks() if not isinstance(block, Cut)], 384)
    expected = (
        escpos.initialize()
        + b"".join(escpos.raster_bands(image))
        + escpos.feed_lines(PROFILES["pos-58"].feed_lines)
        + escpos.cut(partial=True)
    )
    assert job == expected
    assert b"\x1d\x28\x6b" not in job  # no native QR on a generic POS-58


def test_job_with_native_qr() -> None:
    profile = PROFILES["tm-t20"]
    job = EscPosPrinter("tcp://127.0.0.1:9", profile).encode_blocks(_blocks())
    assert job.startswith(escpos.initialize())
    store = bytes.fromhex("1D 28 6B 1D 00 31 50 30") + b"https://x.vn/tra-cuu?MHS=1"
    assert job.count(store) == 1
    assert job.index(escpos.justify("center")) < job.index(store) < job.index(escpos.justify("left"))
    assert job.endswith(escpos.feed_lines(profile.feed_lines) + escpos.cut(partial=True))
    assert job.count(b"\x1d\x56") == 1  # one cut, at the Cut block


def test_tear_bar_profile_sends_no_cut_and_blocks_without_cut_still_end_the_slip() -> None:
    job = EscPosPrinter("tcp://127.0.0.1:9", PROFILES["xp-58"]).encode_blocks([Text("a")])
    assert job.endswith(escpos.feed_lines(PROFILES["xp-58"].feed_lines))
    assert b"\x1d\x56" not in job
    two = EscPosPrinter("tcp://127.0.0.1:9", PROFILES["pos-80"]).encode_blocks(
        [Text("a"), Cut(), Text("b"), Cut()]
    )
    assert two.count(escpos.cut(partial=True)) == 2
