"""Render receipt blocks (egov.receipt) to a 1-bit image as wide as the thermal print head.

Vietnamese prints as an image: thermal printers' code pages drop or misplace the tone marks, so
the text is drawn here with DejaVu Sans and sent as raster. The same image feeds the printer, the
screen preview and PNG files, so what the applicant sees is what is printed.

Text is thresholded, never dithered (dithering frays letter strokes), and wrapped at word
boundaries within the margins: nothing is ever clipped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import qrcode
import qrcode.constants
import qrcode.exceptions
from PIL import Image, ImageDraw, ImageFont

from egov.receipt import QR, Block, Cut, KeyValue, Picture, Rule, Size, Spacer, Text, Title
from egov.text import nfc

WidthDots = Literal[384, 576]
WIDTHS: tuple[int, ...] = (384, 576)  # 58 mm and 80 mm paper at 203 dpi

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian and Ubuntu (fonts-dejavu-core)
    Path("/usr/share/fonts/dejavu"),  # Fedora, Arch
    Path("/usr/local/share/fonts"),
)

# Grey levels below this become ink. Above mid-grey, so that anti-aliased edges of thin strokes
# (the hook of ỷ, the dot of ạ) survive as ink rather than vanish.
_INK_THRESHOLD = 160

# Never fewer than two dots per QR module: one-dot modules smear on thermal paper.
_MIN_MODULE = 2
_MAX_MODULE = 8
_QR_BORDER = 4  # modules of quiet zone, as the QR standard asks


@dataclass(frozen=True, slots=True)
class _Metrics:
    """Dots for one paper width."""

    margin: int
    sizes: dict[Size, int]
    caption: int


def _metrics(width: int) -> _Metrics:
    # 22–26 px body and 28–32 px bold titles hold their strokes at 203 dpi in one bit.
    if width >= 576:
        return _Metrics(
            margin=12, sizes={Size.NORMAL: 24, Size.LARGE: 30, Size.HUGE: 44, Size.NUMBER: 150}, caption=22
        )
    return _Metrics(
        margin=8, sizes={Size.NORMAL: 22, Size.LARGE: 26, Size.HUGE: 36, Size.NUMBER: 120}, caption=20
    )


class FontMissingError(RuntimeError):
    """DejaVu Sans is not installed (Debian: apt install fonts-dejavu-core)."""


def find_font(bold: bool = False) -> Path:
    """The DejaVu Sans file: it covers all 146 Vietnamese letters, unlike DejaVu Sans Mono."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in _FONT_DIRS:
        path = folder / name
        if path.is_file():
            return path
    raise FontMissingError(f"{name} not found in {', '.join(map(str, _FONT_DIRS))}")


@cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(find_font(bold)), size)


def render(blocks: Sequence[Block], width_dots: WidthDots) -> Image.Image:
    """The receipt as a mode "1" image exactly `width_dots` wide, as tall as it needs."""
    if width_dots not in WIDTHS:
        raise ValueError(f"width_dots must be one of {WIDTHS}, got {width_dots}")
    metrics = _metrics(width_dots)
    strips = [_render_block(block, width_dots, metrics) for block in blocks]
    strips = [strip for strip in strips if strip.height > 0]
    height = max(1, sum(strip.height for strip in strips))
    sheet = Image.new("L", (width_dots, height), 255)
    y = 0
    for strip in strips:
        sheet.paste(strip, (0, y))
        y += strip.height
    return sheet.point(lambda level: 0 if level < _INK_THRESHOLD else 255, mode="1")


def _with_caption(image: Image.Image, caption: str, width: int, metrics: _Metrics) -> Image.Image:
    """A QR code or a drawing, centred, with its caption under it in the caption's size."""
    parts = [image]
    if caption:
        parts.append(
            _paragraph(
                [(nfc(caption), _font(metrics.caption, False))],
                width,
                metrics.margin,
                "center",
                metrics.caption,
            )
        )
    return _stack(parts, width, center=True)


def _render_block(block: Block, width: int, metrics: _Metrics) -> Image.Image:
    normal = metrics.sizes[Size.NORMAL]
    match block:
        case Title(text=text, size=size):
            px = _title_size(nfc(text), metrics.sizes[size], normal, width - 2 * metrics.margin)
            return _paragraph([(nfc(text), _font(px, True))], width, metrics.margin, "center", px)
        case KeyValue(key=key, value=value):
            # The label plain and the value bold: the eye finds the value, the label says what it is.
            runs = [(nfc(key) + ":", _font(normal, False)), (nfc(value), _font(normal, True))]
            return _paragraph(runs, width, metrics.margin, "left", normal)
        case Text(text=text, bold=bold, align=align):
            return _paragraph([(nfc(text), _font(normal, bold))], width, metrics.margin, align, normal)
        case Rule():
            strip = Image.new("L", (width, 14), 255)
            ImageDraw.Draw(strip).rectangle((metrics.margin, 6, width - metrics.margin - 1, 7), fill=0)
            return strip
        case QR(payload=payload, caption=caption):
            try:
                code = _qr(payload, width - 2 * metrics.margin)
            except (ValueError, qrcode.exceptions.DataOverflowError):
                # Too long for the paper: the slip still prints, the caption's text stands in.
                return _render_block(Text(caption, align="center"), width, metrics)
            return _with_caption(code, caption, width, metrics)
        case Picture(caption=caption):
            try:
                drawing = _picture(block, width - 2 * metrics.margin)  # type: ignore[arg-type]
            except ValueError:
                # A damaged drawing must not cost the citizen the slip: its caption stands in.
                return _render_block(Text(caption, align="center"), width, metrics)
            return _with_caption(drawing, caption, width, metrics)
        case Spacer(dots=dots):
            return Image.new("L", (width, max(0, dots)), 255)
        case Cut():
            # Dashes show the cut on screen and in PNG previews; a printer cuts here instead.
            strip = Image.new("L", (width, 20), 255)
            draw = ImageDraw.Draw(strip)
            for x in range(metrics.margin, width - metrics.margin, 16):
                draw.rectangle((x, 9, min(x + 7, width - metrics.margin - 1), 10), fill=0)
            return strip
    raise TypeError(f"not a receipt block: {type(block).__name__}")


Run = tuple[str, ImageFont.FreeTypeFont]


def _paragraph(runs: Sequence[Run], width: int, margin: int, align: str, px: int) -> Image.Image:
    """Lay the words of `runs` out in lines no wider than the space between the margins."""
    room = width - 2 * margin
    words: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for text, font in runs:
        for word in text.split():
            words.extend((piece, font) for piece in _split_long(word, font, room))
    lines: list[list[tuple[str, ImageFont.FreeTypeFont, float]]] = []
    line: list[tuple[str, ImageFont.FreeTypeFont, float]] = []
    used = 0.0
    for word, font in words:
        length = font.getlength(word)
        gap = font.getlength(" ") if line else 0.0
        if line and used + gap + length > room:
            lines.append(line)
            line, used, gap = [], 0.0, 0.0
        line.append((word, font, used + gap))
        used += gap + length
    if line:
        lines.append(line)
    if not lines:
        return Image.new("L", (width, 0), 255)
    # 1.45× the size leaves room for stacked marks (Ễ, ẫ) above and descenders below.
    line_height = math.ceil(px * 1.45)
    baseline = math.ceil(px * 1.1)
    strip = Image.new("L", (width, line_height * len(lines)), 255)
    draw = ImageDraw.Draw(strip)
    for row, placed in enumerate(lines):
        word, font, start = placed[-1]
        line_width = start + font.getlength(word)
        offset = margin + {"center": (room - line_width) / 2, "right": room - line_width}.get(align, 0)
        for word, font, start in placed:
            draw.text((offset + start, row * line_height + baseline), word, font=font, fill=0, anchor="ls")
    return strip


def _title_size(text: str, px: int, smallest: int, room: int) -> int:
    """Shrink a title until its longest word fits: a dossier code split over two lines misreads."""
    words = text.split()
    while px > smallest and any(_font(px, True).getlength(word) > room for word in words):
        px -= 1
    return px


def _split_long(word: str, font: ImageFont.FreeTypeFont, room: int) -> list[str]:
    """Break a word wider than the paper (a long URL) into pieces that fit, rather than clip it."""
    if font.getlength(word) <= room:
        return [word]
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and font.getlength(current + char) > room:
            pieces.append(current)
            current = ""
        current += char
    if current:
        pieces.append(current)
    return pieces


def _qr(payload: str, room: int) -> Image.Image:
    """The QR code at the largest whole number of dots per module that fits, quiet zone kept."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=_QR_BORDER)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    matrix = np.array(code.get_matrix(), dtype=bool)
    modules = matrix.shape[0]
    # Whole dots per module: a fractional scale makes uneven modules that scanners misread.
    scale = min(_MAX_MODULE, room // modules)
    if scale < _MIN_MODULE:
        raise ValueError(f"QR payload too long for the paper: {len(payload)} characters")
    pixels = np.where(matrix, 0, 255).astype(np.uint8)
    pixels = np.kron(pixels, np.ones((scale, scale), dtype=np.uint8))
    return Image.fromarray(pixels)


def _picture(block: Picture, room: int) -> Image.Image:
    """The drawing's dots as grey levels (0 ink), scaled down to `room` if drawn wider."""
    ink = block.ink()
    # Mode "1" packs rows the way GS v 0 does, but with 1 as white: flip every bit.
    dots = Image.frombytes("1", (block.width, block.height), bytes(b ^ 0xFF for b in ink)).convert("L")
    if dots.width > room:
        # Smoothly, then the sheet's threshold: thin lines stay lines rather than vanish.
        dots = dots.resize((room, max(1, round(dots.height * room / dots.width))), Image.Resampling.LANCZOS)
    return dots


def _stack(parts: Sequence[Image.Image], width: int, center: bool) -> Image.Image:
    strip = Image.new("L", (width, sum(part.height for part in parts)), 255)
    y = 0
    for part in parts:
        x = (width - part.width) // 2 if center else 0
        strip.paste(part, (x, y))
        y += part.height
    return strip
