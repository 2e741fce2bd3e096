"""The ESC/POS bytes the kiosk sends, and the status bytes the printer sends back.

Our own encoder of the few commands a receipt needs, each with the page of Epson's "ESC/POS
Command Reference for TM printers" (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/
<page>.html) it follows. python-escpos is not used: its 3.1 release answers "paper adequate" when
the printer says nothing, dithers images it is given, and its stock 58 mm profiles drop the cut
(/work/shared/facts/receipts-escpos.md §2); twenty byte layouts are easier to check than those
traps are to work around.

Status replies are parsed into a `PrinterStatus` whose every field may be unknown: a printer that
does not answer is not a printer with paper.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from PIL import Image

ESC = 0x1B
GS = 0x1D
DLE = 0x10
EOT = 0x04

# gs_lv_0: bands of at most 255 rows (yH = 0). Cheap printers' receive buffers are a few KB and
# some drop or misprint larger images (python-escpos #631, #662); 576 × 255 / 8 = 18 KB per band.
MAX_BAND_ROWS = 255

QrLevel = Literal["L", "M", "Q", "H"]
Align = Literal["left", "center", "right"]


def initialize() -> bytes:
    """ESC @ (esc_atsign): clear the print buffer, settings back to power-on defaults."""
    return bytes((ESC, 0x40))


def feed_lines(lines: int) -> bytes:
    """ESC d n (esc_ld): print the buffer and feed n lines, 0 ≤ n ≤ 255."""
    return bytes((ESC, 0x64, _byte(lines, "lines")))


def feed_dots(dots: int) -> bytes:
    """ESC J n (esc_cj): print the buffer and feed n motion units (dots at 203 dpi), 0 ≤ n ≤ 255."""
    return bytes((ESC, 0x4A, _byte(dots, "dots")))


def justify(align: Align) -> bytes:
    """ESC a n (esc_la): 0 left, 1 centre, 2 right; takes effect at the start of a line."""
    return bytes((ESC, 0x61, ("left", "center", "right").index(align)))


def raster_bands(image: Image.Image, max_rows: int = MAX_BAND_ROWS) -> Iterator[bytes]:
    """The image as GS v 0 (gs_lv_0) commands of at most `max_rows` rows each.

    GS v 0 m xL xH yL yH d1…dk: m = 0 (normal size), x = bytes per row (1–128 on TM printers),
    y = rows (1–4095), then x × y bytes, each row left to right, most significant bit the leftmost
    dot, a 1 bit a printed (black) dot. `image` must be mode "1" and a whole number of bytes wide.
    """
    if image.mode != "1":
        raise ValueError(f"raster images must be mode '1' (thresholded, never dithered), got {image.mode}")
    if image.width % 8 or not 0 < image.width <= 128 * 8:
        raise ValueError(f"raster width must be a multiple of 8 up to 1024 dots, got {image.width}")
    if not 1 <= max_rows <= MAX_BAND_ROWS:
        raise ValueError(f"bands are 1 to {MAX_BAND_ROWS} rows, got {max_rows}")
    row_bytes = image.width // 8
    # PIL packs mode "1" with 1 = white; ESC/POS wants 1 = black.
    packed = bytes(b ^ 0xFF for b in image.tobytes())
    for top in range(0, image.height, max_rows):
        rows = min(max_rows, image.height - top)
        header = bytes((GS, 0x76, 0x30, 0, row_bytes & 0xFF, row_bytes >> 8, rows & 0xFF, rows >> 8))
        yield header + packed[top * row_bytes : (top + rows) * row_bytes]


def _qr_function(fn: int, parameters: bytes) -> bytes:
    # GS ( k pL pH cn fn [parameters] (gs_lparen_lk): pL + 256 pH counts cn, fn and the parameters.
    size = len(parameters) + 2
    return bytes((GS, 0x28, 0x6B, size & 0xFF, size >> 8, 49, fn)) + parameters


# 7089 numeric characters is the QR maximum; the store function's own limit is 7092 - 3 bytes.
MAX_QR_BYTES = 7089


def qr_code(payload: bytes, module_dots: int, level: QrLevel = "M") -> bytes:
    """A native QR code (model 2) of `payload`, printed at the current justification.

    gs_lparen_lk_fn165 (model: 49 = model 1, 50 = model 2), fn167 (module size 1–16 dots), fn169
    (error correction 48–51 = L, M, Q, H), fn180 (store: m = 48, then the data), fn181 (print the
    stored symbol: m = 48).
    """
    if not 1 <= module_dots <= 16:
        raise ValueError(f"QR module size is 1 to 16 dots, got {module_dots}")
    if not 0 < len(payload) <= MAX_QR_BYTES:
        raise ValueError(f"QR payload must be 1 to {MAX_QR_BYTES} bytes, got {len(payload)}")
    return b"".join(
        (
            _qr_function(65, bytes((50, 0))),
            _qr_function(67, bytes((module_dots,))),
            _qr_function(69, bytes((48 + "LMQH".index(level),))),
            _qr_function(80, bytes((48,)) + payload),
            _qr_function(81, bytes((48,))),
        )
    )


def cut(partial: bool, feed_dots: int | None = None) -> bytes:
    """GS V (gs_cv). Function A (feed_dots None): GS V m, m = 0 full, 1 partial, cut where the paper
    is. Function B: GS V m n, m = 65 full, 66 partial: feed to the cutting position plus n dots,
    then cut, so that the last printed line clears the cutter."""
    if feed_dots is None:
        return bytes((GS, 0x56, 1 if partial else 0))
    return bytes((GS, 0x56, 66 if partial else 65, _byte(feed_dots, "feed_dots")))


def status_request(n: int) -> bytes:
    """DLE EOT n (dle_eot), answered in real time even when the printer is offline: 1 printer,
    2 offline cause, 3 error cause, 4 roll paper sensor. One byte comes back."""
    if n not in (1, 2, 3, 4):
        raise ValueError(f"DLE EOT n is 1 to 4, got {n}")
    return bytes((DLE, EOT, n))


def paper_status_request() -> bytes:
    """GS r 1 (gs_lr): the paper sensors, answered only once everything sent before it has been
    processed, so its reply marks the end of a job. Not answered while printing is stopped."""
    return bytes((GS, 0x72, 1))


def _byte(value: int, name: str) -> int:
    if not 0 <= value <= 255:
        raise ValueError(f"{name} must be 0 to 255, got {value}")
    return value


# ---- status ------------------------------------------------------------------------------------


class Paper(enum.Enum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class DleEotReply:
    """The flags of one DLE EOT reply; each field is False for the requests that do not carry it.

    Bits per dle_eot, every reply 0xx1xx10 (bits 0, 1, 4 and 7 fixed):
    n = 1: bit 2 drawer pin 3 high, bit 3 offline, bit 5 waiting for online recovery, bit 6 paper
           feed button pressed;
    n = 2: bit 2 cover open, bit 3 paper being fed by the button, bit 5 printing stopped by paper
           end, bit 6 error;
    n = 3: bit 2 recoverable error, bit 3 autocutter error, bit 5 unrecoverable error, bit 6
           automatically recoverable error (head temperature);
    n = 4: bits 2 and 3 roll paper near end, bits 5 and 6 roll paper end.
    """

    n: int
    offline: bool = False
    waiting_recovery: bool = False
    cover_open: bool = False
    stopped_by_paper_end: bool = False
    error: bool = False
    cutter_error: bool = False
    unrecoverable_error: bool = False
    auto_recoverable_error: bool = False
    near_end: bool = False
    paper_end: bool = False


_FIXED_MASK = 0b1001_0011
_FIXED_VALUE = 0b0001_0010


def parse_dle_eot(n: int, byte: int) -> DleEotReply | None:
    """The reply to DLE EOT n, or None when `byte` cannot be one (its fixed bits are wrong): line
    noise, an ASB byte or a late reply to something else is never read as a status."""
    if n not in (1, 2, 3, 4):
        raise ValueError(f"DLE EOT n is 1 to 4, got {n}")
    if byte & _FIXED_MASK != _FIXED_VALUE:
        return None

    def bit(i: int) -> bool:
        return bool(byte >> i & 1)

    match n:
        case 1:
            return DleEotReply(1, offline=bit(3), waiting_recovery=bit(5))
        case 2:
            return DleEotReply(2, cover_open=bit(2), stopped_by_paper_end=bit(5), error=bit(6))
        case 3:
            return DleEotReply(
                3,
                error=bit(2) or bit(3) or bit(5) or bit(6),
                cutter_error=bit(3),
                unrecoverable_error=bit(5),
                auto_recoverable_error=bit(6),
            )
    # n = 4: Epson sets both bits of a pair; either one is taken as the sensor's word.
    return DleEotReply(4, near_end=bit(2) or bit(3), paper_end=bit(5) or bit(6))


def parse_paper_status(byte: int) -> Paper | None:
    """The reply to GS r 1 (gs_lr): bits 0–1 near end, bits 2–3 paper end, bits 4 and 7 fixed 0.
    None when the byte cannot be such a reply."""
    if byte & 0b1001_0000:
        return None
    if byte & 0b1100:
        return Paper.OUT
    if byte & 0b0011:
        return Paper.NEAR_END
    return Paper.OK


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What the printer said about itself; None (or Paper.UNKNOWN) where it said nothing."""

    online: bool | None = None
    cover_open: bool | None = None
    paper: Paper = Paper.UNKNOWN
    error: bool | None = None  # cutter, head or other mechanical errors (DLE EOT 2 bit 6, DLE EOT 3)

    @property
    def known(self) -> bool:
        return self.online is not None

    @classmethod
    def from_replies(
        cls,
        printer: DleEotReply | None,
        offline_cause: DleEotReply | None,
        paper: DleEotReply | None,
        error_cause: DleEotReply | None = None,
    ) -> PrinterStatus:
        if paper is None:
            state = Paper.UNKNOWN
        elif paper.paper_end:
            state = Paper.OUT
        elif paper.near_end:
            state = Paper.NEAR_END
        else:
            state = Paper.OK
        if offline_cause is not None and offline_cause.stopped_by_paper_end:
            # Printing stopped for want of paper: out, whatever the roll sensor said.
            state = Paper.OUT
        error: bool | None = None
        if offline_cause is not None:
            error = offline_cause.error
        if error_cause is not None:
            error = bool(error) or error_cause.error
        return cls(
            online=None if printer is None else not printer.offline,
            cover_open=None if offline_cause is None else offline_cause.cover_open,
            paper=state,
            error=error,
        )
