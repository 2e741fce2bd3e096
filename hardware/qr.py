"""Reading QR codes and barcodes in camera frames: the QR on the front of a citizen's card, and the
tracking QR on this kiosk's own receipts.

zxing-cpp reads first: in 1080p frames it decodes a card's QR at 2 px per module, where OpenCV
needs 2.5–3, and in 5–20 ms where OpenCV takes 150–300 (measured on the frames of tests/test_qr.py;
the same order as the project's document-capture fact sheet, §5). OpenCV's `QRCodeDetectorAruco`
runs only when zxing finds nothing, as a second opinion on a frame that would otherwise be thrown
away. When both fail on a frame of at most `UPSCALE_MAX_SIDE` pixels, zxing gets one more try on a
copy scaled up twice (bicubic). A symbol under ~2 pixels per module (a card's 17–20 mm QR in a
frame that takes in a whole A4 page) is where zxing's binariser and sampling grid start to miss
modules; the interpolated copy gives them sub-pixel edges to work with (measured at 1.5 px/module:
9 of 16 frames alone, 16 of 16 with the retry).

Frames come from cameras and files, so nothing about them is trusted: an empty, 1×1, 16-bit,
four-channel or `None` frame gives no codes, never an exception. Decoded texts are outside data
too: `receipt_reference` and `read_card_qr` check them before anything uses them. A card's QR
holds the holder's name, birth date and address, so `Code`'s repr never shows the text.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import cv2
import numpy as np
import zxingcpp

from egov.receipt import TRACKING_PARAMETER, TRACKING_PATH
from hardware.card.keys import CardQr, QrError, parse_card_qr

Point = tuple[float, float]
Corners = tuple[Point, Point, Point, Point]

# The smallest QR (version 1) is 21 modules wide; a frame narrower than that cannot hold one at
# even one pixel per module, and the decoders' own guards are not all to be relied on.
MIN_SIDE = 21
# Scaling up a 1080p frame twice costs 20–300 ms of zxing (more on busy, codeless frames); an
# 8–13 MP still already has the pixels that scaling would invent, at four times the cost.
UPSCALE_MAX_SIDE = 2600
QR_FORMAT = "QRCode"


class Formats(enum.Enum):
    """Which symbologies `read_codes` looks for."""

    QR = "qr"  # QR codes only: the card, the receipt; fewer false finds, and faster
    ALL = "all"  # every symbology zxing-cpp reads (EAN, Code 128, DataMatrix, PDF417…)


@dataclass(frozen=True, slots=True, repr=False)
class Code:
    """One decoded symbol: its text (NFC), its symbology's name (zxing-cpp's, e.g. "QRCode") and
    its corners in frame pixels, clockwise from the symbol's own top left."""

    text: str
    format: str
    corners: Corners

    def __repr__(self) -> str:
        # The text may be a card's QR: name, birth date, address. Only its length is logged.
        return f"Code({self.format}, {len(self.text)} characters)"


# -- frames ---------------------------------------------------------------------------------------


def _to_uint8(image: np.ndarray) -> np.ndarray | None:
    if image.dtype == np.uint8:
        return image
    if image.dtype == np.bool_:
        return image.astype(np.uint8) * 255
    if np.issubdtype(image.dtype, np.integer):
        info = np.iinfo(image.dtype)
        # A 16-bit camera or TIFF spans the whole range; scale it, do not clip it.
        scaled = (image.astype(np.float64) - max(info.min, 0)) * (255.0 / info.max)
        return np.clip(scaled, 0, 255).astype(np.uint8)
    if np.issubdtype(image.dtype, np.floating):
        finite = np.nan_to_num(image.astype(np.float64), nan=0.0, posinf=255.0, neginf=0.0).clip(0.0, 255.0)
        # Float images come as 0..1 (scikit-image, OpenCV's normalised frames) or as 0..255.
        if finite.max() <= 1.0:
            finite *= 255.0
        return finite.astype(np.uint8)
    return None


def as_grey(image: Any) -> np.ndarray | None:
    """`image` as a contiguous 8-bit grey array, or None when it cannot be a photograph.

    Both decoders turn colour into luminance first anyway; doing it once here lets the zxing pass,
    the OpenCV pass and the scaled-up retry share the work.
    """
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3) or image.size == 0:
        return None
    if image.shape[0] < MIN_SIDE or image.shape[1] < MIN_SIDE:
        return None
    pixels = _to_uint8(image)
    if pixels is None:
        return None
    if pixels.ndim == 3:
        channels = pixels.shape[2]
        if channels == 1:
            pixels = pixels[:, :, 0]
        elif channels == 3:
            pixels = cv2.cvtColor(np.ascontiguousarray(pixels), cv2.COLOR_BGR2GRAY)
        elif channels == 4:
            pixels = cv2.cvtColor(np.ascontiguousarray(pixels), cv2.COLOR_BGRA2GRAY)
        else:
            return None
    return np.ascontiguousarray(pixels)


# -- decoders -------------------------------------------------------------------------------------


def _corners(points: list[tuple[float, float]]) -> Corners:
    a, b, c, d = ((float(x), float(y)) for x, y in points)
    return (a, b, c, d)


def _zxing(grey: np.ndarray, formats: Formats, scale: float = 1.0) -> list[Code]:
    try:
        if formats is Formats.QR:
            found = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)
        else:
            found = zxingcpp.read_barcodes(grey)
    except (ValueError, TypeError, RuntimeError):
        # What the binding raises for an image it cannot view; as_grey should have caught it.
        return []
    codes = []
    for barcode in found:
        # `valid` is always there in zxing-cpp 2.2 and 3.x; without return_errors it is True anyway.
        if not getattr(barcode, "valid", True) or not barcode.text:
            continue
        p = barcode.position
        corners = _corners(
            [(q.x / scale, q.y / scale) for q in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]
        )
        name = getattr(barcode.format, "name", None) or str(barcode.format)
        codes.append(Code(barcode.text, name, corners))
    return codes


_aruco: Any = None


def _opencv(grey: np.ndarray) -> list[Code]:
    """QR codes by OpenCV's Aruco-based detector, for the frames zxing gives up on."""
    global _aruco
    try:
        if _aruco is None:
            _aruco = cv2.QRCodeDetectorAruco()
        ok, texts, points, _ = _aruco.detectAndDecodeMulti(grey)
    except Exception:  # noqa: BLE001 - cv2.error on odd symbols (OpenCV 5 "mode 14"), bad UTF-8 text
        return []
    if not ok or points is None:
        return []
    codes = []
    for text, quad in zip(texts, points, strict=False):
        # Symbols that were found but not decoded come back as empty texts.
        if not text:
            continue
        xy = np.asarray(quad, dtype=np.float64).reshape(-1, 2)
        if xy.shape[0] == 4:
            codes.append(Code(text, QR_FORMAT, _corners([(x, y) for x, y in xy.tolist()])))
    return codes


def _unique(codes: Iterable[Code]) -> list[Code]:
    seen: set[tuple[str, str]] = set()
    out = []
    for code in codes:
        normalised = Code(unicodedata.normalize("NFC", code.text), code.format, code.corners)
        key = (normalised.text, normalised.format)
        if key not in seen:
            seen.add(key)
            out.append(normalised)
    return out


def read_codes(image: Any, *, formats: Formats = Formats.QR, upscale: bool = True) -> list[Code]:
    """The codes in a BGR, BGRA or grey frame, each once, texts NFC-normalised; [] for a frame
    that holds none or is not an image.

    A 1080p frame with a code takes 5–20 ms; one without takes 0.1–0.5 s, most of it in the
    fallback and the scaled-up retry. A loop over live frames should pass `upscale=False`.
    """
    grey = as_grey(image)
    if grey is None:
        return []
    codes = _zxing(grey, formats)
    if not codes and formats is Formats.QR:
        codes = _opencv(grey)
    if not codes and upscale and max(grey.shape) <= UPSCALE_MAX_SIDE:
        # Bicubic, not nearest: the in-between pixels are what gives the binariser its edges.
        larger = cv2.resize(grey, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        codes = _zxing(larger, formats, scale=2.0)
    return _unique(codes)


def read_opencv_only(image: Any) -> list[Code]:
    """QR codes by OpenCV alone, as the fallback sees them (for tests and measurements)."""
    grey = as_grey(image)
    return _unique(_opencv(grey)) if grey is not None else []


# -- the card's QR --------------------------------------------------------------------------------


def card_qr_in(codes: Iterable[Code]) -> CardQr | None:
    """The first of `codes` that is the QR on the front of a 2021 CCCD, parsed; None if none is."""
    for code in codes:
        try:
            return parse_card_qr(code.text)
        except QrError:
            continue
    return None


def read_card_qr(image: Any) -> CardQr | None:
    """The card-front QR in a frame, parsed; None when the frame holds no card's QR."""
    return card_qr_in(read_codes(image))


# -- this kiosk's receipts ------------------------------------------------------------------------

# The receipt's QR is egov.receipt.tracking_url, or the bare local reference while the dossier
# waits in the outbox (egov.outbox.local_reference).
# egov.portal.contract.format_dossier_code: `H56.14-250301-0001`; the pattern the contract checks.
_DOSSIER_CODE = re.compile(r"[A-Z0-9.]+-[0-9]{6}-[0-9]{4,}", re.ASCII)
_LOCAL_REFERENCE = re.compile(r"TN-[0-9A-F]{8}", re.ASCII)
MAX_RECEIPT_TEXT = 2048  # a URL longer than this was not printed by the kiosk


def _same_site(url: Any, base_url: str) -> bool:
    base = urlsplit(base_url.strip().rstrip("/"))
    return (
        url.scheme.lower() == base.scheme.lower()
        and url.netloc.lower() == base.netloc.lower()
        and url.path == base.path + TRACKING_PATH
    )


def receipt_reference(text: str, base_url: str | None = None) -> str | None:
    """The dossier code (or the local reference) that one of this kiosk's receipt QRs carries;
    None for any other text. With `base_url`, only a tracking URL of that portal is accepted.

    Never raises: the text came from a camera. The code is a key to look up on the kiosk's own
    portal; nothing is ever fetched from the URL in the code.
    """
    if not isinstance(text, str) or len(text) > MAX_RECEIPT_TEXT:
        return None
    value = unicodedata.normalize("NFC", text).strip().removeprefix("\ufeff").strip()
    # urlsplit silently drops tabs and newlines inside a URL; the kiosk never prints them.
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in value):
        return None
    if _LOCAL_REFERENCE.fullmatch(value):
        return value
    try:
        url = urlsplit(value)
        if url.scheme.lower() not in ("http", "https") or not url.hostname or url.fragment:
            return None
        if base_url is not None:
            if not _same_site(url, base_url):
                return None
        elif not url.path.endswith(TRACKING_PATH):
            return None
        pairs = parse_qsl(url.query, keep_blank_values=True, strict_parsing=True, max_num_fields=4)
    except ValueError:  # a malformed IPv6 host, a query that is not key=value
        return None
    if len(pairs) != 1 or pairs[0][0] != TRACKING_PARAMETER:
        return None
    code = pairs[0][1]
    return code if _DOSSIER_CODE.fullmatch(code) else None
