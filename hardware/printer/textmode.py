"""Receipt blocks as ESC/POS text in code page CP1258, for printers configured to print
Vietnamese as text ([printer] text_mode = true on a profile with a CP1258 page).

Raster (hardware.raster) stays the default: CP1258 holds only 16 of the 120 tone-marked letters
precomposed, the rest are a base letter and a combining tone mark, and most firmware prints the
mark in a cell of its own instead of over the letter (/work/shared/facts/receipts-escpos.md §3).
Text mode is for a model known to overlay them: 402 bytes a slip instead of 20–30 KB, which
matters on a 9600-baud serial line.

Text is NFC-normalised, then each character CP1258 cannot encode is split into a base it can
encode (with its vowel mark: ă, â, ê, ô, ơ, ư) and the combining tone marks CP1258 has (U+0300,
U+0301, U+0303, U+0309, U+0323), so decoding the bytes as CP1258 and NFC-normalising gives the
text back exactly. A block holding a character that still cannot be encoded is never printed with
'?': it goes out as a raster image of that block, and the log says so.

TCVN-3 (the Epson TM-T20's pages 30/31) is not implemented: a profile offering only TCVN-3 is
refused with text mode on (`text_code_page`).

Commands (Epson ESC/POS reference pages): ESC t n (esc_lt) code page, GS ! n (gs_exclamation)
character size, ESC E n (esc_ce) bold, ESC a n (esc_la) justification, LF print and feed.
Font A is 12 dots wide: 32 columns on 384 dots, 48 on 576.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Sequence

from egov.receipt import QR, Block, Cut, KeyValue, Picture, Rule, Size, Spacer, Text, Title
from hardware.printer import escpos
from hardware.printer.profiles import PrinterProfile
from hardware.raster import render

log = logging.getLogger(__name__)

CODEC = "cp1258"
FONT_A_DOTS = 12
LF = b"\n"
# The combining marks CP1258 holds (0xCC, 0xEC, 0xDE, 0xD2, 0xF2): the five Vietnamese tones.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


class TextModeUnavailable(ValueError):
    """[printer] text_mode is on for a profile that cannot print Vietnamese as CP1258 text."""


def text_code_page(profile: PrinterProfile) -> int:
    """The ESC t page of CP1258 on `profile`. Raises TextModeUnavailable, in words for the
    technician, when the model has none (TCVN-3 alone is not enough: not implemented)."""
    if profile.vietnamese_text == "cp1258" and profile.code_page is not None:
        return profile.code_page
    if profile.cp1258_page is not None:
        return profile.cp1258_page
    if profile.vietnamese_text == "tcvn3":
        raise TextModeUnavailable(
            f"{profile.name} prints Vietnamese text only in TCVN-3, which text mode does not "
            "implement (CP1258 only); set [printer] text_mode = false to print receipts as images"
        )
    raise TextModeUnavailable(
        f"{profile.name} has no Vietnamese code page known to work; set [printer] text_mode = false "
        "to print receipts as images"
    )


def encode_text(text: str) -> bytes:
    """`text` in CP1258: NFC, then tone marks apart where CP1258 has no precomposed letter.
    Raises UnicodeEncodeError for a character that cannot be printed even so."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode(CODEC)
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in parts if mark in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(mark for mark in parts if mark not in TONE_MARKS))
        if not tones:
            raise UnicodeEncodeError(CODEC, char, 0, 1, "not in CP1258, even decomposed")
        out += (base + tones).encode(CODEC)  # raises for a base CP1258 does not hold either
    return bytes(out)


def _pieces(word: str) -> list[bytes]:
    """The encoded characters of `word`, one item per printed letter (its combining marks kept
    with it), so that a line is never broken between a letter and its tone mark."""
    return [encode_text(char) for char in unicodedata.normalize("NFC", word)]


Word = tuple[bytes, bool]  # encoded word, bold


def _wrap(runs: Sequence[tuple[str, bool]], columns: int) -> list[list[Word]]:
    """Words of `runs` in lines of at most `columns` bytes (each byte one Font A cell, combining
    marks included: a printer that does not overlay them gives each its own cell)."""
    words: list[Word] = []
    for text, bold in runs:
        for word in text.split():
            pieces = _pieces(word)
            chunk = b""
            for piece in pieces:  # a word longer than a line is cut between letters
                if len(chunk) + len(piece) > columns and chunk:
                    words.append((chunk, bold))
                    chunk = b""
                chunk += piece
            if chunk:
                words.append((chunk, bold))
    lines: list[list[Word]] = []
    line: list[Word] = []
    used = 0
    for word in words:
        extra = len(word[0]) + (1 if line else 0)
        if line and used + extra > columns:
            lines.append(line)
            line, used = [], 0
            extra = len(word[0])
        line.append(word)
        used += extra
    if line:
        lines.append(line)
    return lines


def _paragraph(runs: Sequence[tuple[str, bool]], columns: int, align: escpos.Align = "left") -> bytes:
    out = bytearray(escpos.justify(align))
    bold = False
    for line in _wrap(runs, columns):
        for i, (word, word_bold) in enumerate(line):
            if i:
                out += b" "
            if word_bold != bold:
                out += emphasis(word_bold)
                bold = word_bold
            out += word
        out += LF
    if bold:
        out += emphasis(False)
    if align != "left":
        out += escpos.justify("left")
    return bytes(out)


def select_code_page(page: int) -> bytes:
    """ESC t n (esc_lt)."""
    if not 0 <= page <= 255:
        raise ValueError(f"code page must be 0 to 255, got {page}")
    return bytes((escpos.ESC, 0x74, page))


def character_size(multiplier: int) -> bytes:
    """GS ! n (gs_exclamation): width and height both `multiplier` times, 1 to 8."""
    if not 1 <= multiplier <= 8:
        raise ValueError(f"character size is 1 to 8, got {multiplier}")
    return bytes((escpos.GS, 0x21, (multiplier - 1) << 4 | (multiplier - 1)))


def emphasis(on: bool) -> bytes:
    """ESC E n (esc_ce): bold on or off."""
    return bytes((escpos.ESC, 0x45, int(on)))


def _title(text: str, size: Size, columns: int) -> bytes:
    # The largest size up to the block's whose longest word still fits on a line.
    longest = max((len(encode_text(word)) for word in text.split()), default=0)
    multiplier = int(size)
    while multiplier > 1 and longest > columns // multiplier:
        multiplier -= 1
    body = _paragraph([(text, True)], columns // multiplier, "center")
    if multiplier == 1:
        return body
    return character_size(multiplier) + body + character_size(1)


def encode_block(block: Block, columns: int) -> bytes:
    """One text block as ESC/POS text. Raises UnicodeEncodeError when CP1258 cannot carry it;
    TypeError for QR and Cut, which are not text."""
    match block:
        case Title(text=text, size=size):
            return _title(text, size, columns)
        case KeyValue(key=key, value=value):
            # As hardware.raster draws it: the label plain, the value bold.
            return _paragraph([(key + ":", False), (value, True)], columns)
        case Text(text=text, bold=bold, align=align):
            return _paragraph([(text, bold)], columns, align)
        case Rule():
            return b"-" * columns + LF
        case Spacer(dots=dots):
            feeds = [escpos.feed_dots(min(255, dots - top)) for top in range(0, max(0, dots), 255)]
            return b"".join(feeds)
    raise TypeError(f"not a text block: {type(block).__name__}")


def encode_blocks(
    blocks: Sequence[Block],
    profile: PrinterProfile,
    native_qr: Callable[[QR], bytes],
    ending: bytes,
) -> bytes:
    """The whole job for `blocks` in text mode: ESC @, ESC t (CP1258), the blocks, `ending` (feed
    and cut per profile) at each Cut and at the end. QR codes go out through `native_qr` where the
    profile has GS ( k, else as a raster image of the QR block alone; so do pictures, and any block
    CP1258 cannot carry."""
    page = text_code_page(profile)
    width = profile.width_dots
    columns = width // FONT_A_DOTS
    job = bytearray(escpos.initialize() + select_code_page(page))

    def raster(block: Block) -> bytes:
        return b"".join(escpos.raster_bands(render([block], width)))  # type: ignore[arg-type]

    for block in blocks:
        if isinstance(block, Cut):
            job += ending
        elif isinstance(block, QR):
            job += native_qr(block) if profile.native_qr else raster(block)
        elif isinstance(block, Picture):
            job += raster(block)  # a drawing has no text form: GS v 0, as in raster mode
        else:
            try:
                job += encode_block(block, columns)
            except UnicodeEncodeError:
                # Never the characters themselves: they may be a citizen's name.
                log.warning(
                    "text mode: a %s block has characters code page CP1258 cannot print; "
                    "sent as an image instead",
                    type(block).__name__,
                )
                job += raster(block)
    if not blocks or not isinstance(blocks[-1], Cut):
        job += ending
    return bytes(job)
