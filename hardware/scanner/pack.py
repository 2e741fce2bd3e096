"""Pages as compressed images, and each document's pages as one PDF within the portal's size budget.

A page is encoded once, here: colour and grey pages as JPEG, black-and-white pages as CCITT Group 4
in a TIFF. The PDF embeds those very bytes (img2pdf: /DCTDecode, /CCITTFaxDecode), so the size the
kiosk checks is the size that is uploaded and there is no second lossy pass in the normal case.

No portal publishes an authoritative per-file limit (../shared/facts/document-capture.md §4), so the
budget is configuration (`[scanner]` in config/defaults.toml): by default ≤ 400 KB a page, ≤ 1 MB a
document, ≤ 10 MB a dossier. When a document is over, every JPEG page steps down the same quality
ladder until it fits; a page is never dropped and the resolution never goes below what was asked
(200 dpi is the floor the digitisation rules ask for). When even the lowest quality does not fit,
`BudgetError` says so and by how much: changing a colour page to grey would lose the colour of a
red seal, which the agency may need to see, so that choice is left to the office's configuration
(`[scanner] colour = "grey"`), never made silently.

Stepping down re-encodes each page from its own first JPEG (decoded one page at a time), not from
the cleaned pixels: keeping those would hold ~11.6 MB per A4 colour page at 200 dpi for the whole
visit, while decoding and re-encoding at a lower quality costs little beyond what the lower quality
costs anyway: against the cleaned page, q55 at once gave 41.7 dB PSNR and q85 then q55 40.5 dB
(benchmarks/scan_speed.py), both far above visible loss on text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import cv2
import img2pdf
import numpy as np
from PIL import Image

MM_PER_POINT = 25.4 / 72
# The JPEG qualities a page may take, best first. 85 is past the point where more bytes buy visible
# detail on a 200 dpi page; under 45 blocks show round the letters.
QUALITY_LADDER = (85, 75, 65, 55, 45)
THUMBNAIL_LONG_SIDE = 320  # the review screen shows several pages side by side
THUMBNAIL_QUALITY = 75


class PackError(ValueError):
    """A page cannot be encoded or a PDF cannot be made (bad image, no pages, encoder failure)."""


class BudgetError(PackError):
    """A page, document or dossier stays over its size limit even at the lowest quality allowed."""

    def __init__(self, what: str, size: int, limit: int) -> None:
        super().__init__(
            f"{what} is {size:,} bytes, over the {limit:,}-byte limit even at the lowest quality"
        )
        self.what = what
        self.size = size
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Budget:
    """Size limits in bytes: one page, one document (one PDF), the whole dossier.

    The dossier's 10 MB is ten documents at the 1 MB limit, a third of the 30 MB request caps seen
    on a provincial one-stop system (../shared/facts/document-capture.md §4) and well inside the
    50 MiB submit body our portal contract accepts (egov/portal/contract.py), for an upload that
    must also get through a ward office's connection. All three are `[scanner]` settings.
    """

    page_bytes: int = 400_000
    document_bytes: int = 1_000_000
    dossier_bytes: int = 10_000_000

    @classmethod
    def from_kb(cls, page_kb: int, document_kb: int, dossier_kb: int) -> Budget:
        """The budget from the `[scanner] *_max_kb` settings (1 kB = 1000 bytes)."""
        return cls(page_kb * 1000, document_kb * 1000, dossier_kb * 1000)

    def __post_init__(self) -> None:
        for name in ("page_bytes", "document_bytes", "dossier_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")


Kind = Literal["jpeg", "g4"]


@dataclass(frozen=True, slots=True)
class Page:
    """One page, encoded: JPEG (colour or grey) or a CCITT G4 TIFF (black and white), its size in
    pixels, its resolution, the JPEG quality used (0 for G4, which is lossless), and a small JPEG
    for the review screen."""

    data: bytes
    kind: Kind
    width: int
    height: int
    dpi: int
    thumbnail: bytes
    quality: int

    def __repr__(self) -> str:
        # The bytes are a photo of someone's papers: keep them out of logs and tracebacks.
        return (
            f"Page({self.kind}, {self.width}x{self.height}, {self.dpi} dpi, q{self.quality}, "
            f"{len(self.data)} bytes)"
        )

    @property
    def size_mm(self) -> tuple[float, float]:
        """(width, height) of the paper in millimetres, from pixels and resolution."""
        return (self.width * 25.4 / self.dpi, self.height * 25.4 / self.dpi)


# ---- encoding ----------------------------------------------------------------------------------


def _checked(image: np.ndarray) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.size == 0:
        raise PackError("expected a page image, got nothing")
    if image.dtype != np.uint8:
        raise PackError(f"expected 8-bit pixels, got {image.dtype}")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if not (image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 3)):
        raise PackError(f"expected a grey or BGR page, got shape {image.shape}")
    return image


def _is_bilevel(image: np.ndarray) -> bool:
    # Only 0 and 255: the output of clean(…, ColourMode.BW). inRange counts in one pass, no temporaries.
    return image.ndim == 2 and cv2.countNonZero(cv2.inRange(image, 1, 254)) == 0


def _with_density(jpeg: bytes, dpi: int) -> bytes:
    """The JPEG with its JFIF header saying `dpi`, so that img2pdf, viewers and printers all size
    the page right (OpenCV writes density 1:1 with no unit, which readers take as 72 or 96 dpi)."""
    # JFIF APP0: FF D8 FF E0, length, "JFIF\0", version (2 bytes), units, X density, Y density.
    if len(jpeg) < 18 or jpeg[2:4] != b"\xff\xe0" or jpeg[6:11] != b"JFIF\x00" or not 0 < dpi < 65536:
        return jpeg
    density = dpi.to_bytes(2, "big")
    return jpeg[:13] + b"\x01" + density + density + jpeg[18:]


def jpeg_bytes(image: np.ndarray, quality: int, dpi: int) -> bytes:
    """`image` (grey or BGR) as JPEG at `quality`, its header saying `dpi`: what pages are made of."""
    # OpenCV's encoder with optimised Huffman tables: the same bytes as Pillow's optimize=True,
    # 17–32 % smaller than without on cleaned pages, ~5 ms more (benchmarks/scan_speed.py), and no
    # BGR→RGB copy of the page first.
    params = [cv2.IMWRITE_JPEG_QUALITY, quality, cv2.IMWRITE_JPEG_OPTIMIZE, 1]
    try:
        ok, data = cv2.imencode(".jpg", image, params)
    except cv2.error as exc:
        raise PackError("JPEG encoding failed") from exc
    if not ok:
        raise PackError("JPEG encoding failed")
    return _with_density(data.tobytes(), dpi)


def _g4(image: np.ndarray, dpi: int) -> bytes:
    buffer = io.BytesIO()
    # One strip for the whole page: img2pdf then copies the G4 data into the PDF as it is.
    Image.fromarray(image).convert("1").save(
        buffer, "TIFF", compression="group4", dpi=(dpi, dpi), strip_size=1 << 30
    )
    return buffer.getvalue()


def _thumbnail(image: np.ndarray) -> bytes:
    height, width = image.shape[:2]
    scale = min(1.0, THUMBNAIL_LONG_SIDE / max(height, width))
    small = image
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, THUMBNAIL_QUALITY])
    if not ok:
        raise PackError("thumbnail encoding failed")
    return data.tobytes()


def _steps(quality: int) -> list[int]:
    if not 1 <= quality <= 100:
        raise PackError(f"JPEG quality must be between 1 and 100, got {quality}")
    return [quality, *(q for q in QUALITY_LADDER if q < quality)]


def encode_page(image: np.ndarray, *, dpi: int, quality: int, budget: Budget) -> Page:
    """The page image encoded within `budget.page_bytes`.

    A single-channel image holding only 0 and 255 (black and white) becomes a G4 TIFF; any other
    grey or BGR image a JPEG at `quality`, then down the ladder (85, 75, 65, 55, 45) until it fits.
    Raises BudgetError when the lowest quality is still over, PackError for an unusable image.
    """
    page = _checked(image)
    if not 1 <= dpi <= 65535:
        raise PackError(f"dpi must be between 1 and 65535, got {dpi}")
    height, width = page.shape[:2]
    thumbnail = _thumbnail(page)
    if _is_bilevel(page):
        data = _g4(page, dpi)
        if len(data) > budget.page_bytes:
            raise BudgetError("the black-and-white page", len(data), budget.page_bytes)
        return Page(data, "g4", width, height, dpi, thumbnail, 0)
    data = b""
    for step in _steps(quality):
        data = jpeg_bytes(page, step, dpi)
        if len(data) <= budget.page_bytes:
            return Page(data, "jpeg", width, height, dpi, thumbnail, step)
    raise BudgetError("the page", len(data), budget.page_bytes)


def _reencoded(page: Page, quality: int) -> Page:
    """`page` at a lower JPEG quality, from its own decoded JPEG (one page in memory at a time)."""
    if page.kind != "jpeg" or page.quality <= quality:
        return page
    pixels = cv2.imdecode(np.frombuffer(page.data, np.uint8), cv2.IMREAD_UNCHANGED)
    if pixels is None:
        raise PackError("a page's JPEG could not be decoded")
    data = jpeg_bytes(pixels, quality, page.dpi)
    if len(data) >= len(page.data):
        return page
    return Page(data, "jpeg", page.width, page.height, page.dpi, page.thumbnail, quality)


# ---- PDF ---------------------------------------------------------------------------------------


def _pdf(pages: Sequence[Page]) -> bytes:
    # Page size comes from each image's own resolution (JFIF density, TIFF resolution), so an A4
    # page at 200 dpi is 210 × 297 mm. The built-in engine, whatever else is installed: its output
    # is plain (no object streams), which pdf_page_count and pdf_page_sizes_mm rely on.
    try:
        data = img2pdf.convert([page.data for page in pages], engine=img2pdf.Engine.internal)
    except Exception as exc:  # img2pdf raises its own and Pillow's errors for bad image data
        raise PackError(f"the PDF could not be made: {exc.__class__.__name__}") from exc
    if not data:
        raise PackError("img2pdf produced no PDF")
    return bytes(data)


def pack_document(pages: Sequence[Page], budget: Budget) -> bytes:
    """One PDF of `pages` in order, within `budget.document_bytes`.

    Each page is embedded as encoded. When the PDF is over the limit, every JPEG page above the next
    quality on the ladder is re-encoded at it (never upwards, never dropped), until the PDF fits.
    Raises BudgetError when it does not fit even at the lowest quality, PackError for no pages.
    """
    if not pages:
        raise PackError("a document needs at least one page")
    if not all(isinstance(page, Page) for page in pages):
        raise PackError("pack_document takes pages made by encode_page")
    current = list(pages)
    data = _pdf(current)
    if len(data) <= budget.document_bytes:
        return data
    top = max((p.quality for p in current if p.kind == "jpeg"), default=0)
    for step in (q for q in QUALITY_LADDER if q < top):
        # Always from the caller's pages, so a page is decoded and re-encoded once, not at each step.
        current = [_reencoded(page, step) for page in pages]
        data = _pdf(current)
        if len(data) <= budget.document_bytes:
            return data
    raise BudgetError(f"the {len(pages)}-page document", len(data), budget.document_bytes)


def check_dossier(documents: Sequence[bytes], budget: Budget) -> int:
    """The dossier's total size in bytes; BudgetError when it is over `budget.dossier_bytes`."""
    total = sum(len(document) for document in documents)
    if total > budget.dossier_bytes:
        raise BudgetError(f"the dossier of {len(documents)} documents", total, budget.dossier_bytes)
    return total


# A page object, and not the page tree (/Type /Pages), whose name starts the same.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9])")
_NUMBER = rb"\s*([-+]?(?:\d+\.?\d*|\.\d+))"
_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[" + _NUMBER * 4 + rb"\s*\]")


def _plain_pdf(data: bytes) -> bytes:
    if not isinstance(data, bytes | bytearray) or not data.startswith(b"%PDF-"):
        raise ValueError("not a PDF")
    return bytes(data)


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF, by counting page objects: enough for the plain PDFs `pack_document` writes
    (no compressed object streams), not a general PDF parser."""
    return len(_PAGE_OBJECT.findall(_plain_pdf(data)))


def pdf_page_sizes_mm(data: bytes) -> list[tuple[float, float]]:
    """(width, height) in millimetres of each page's MediaBox, in file order (which is page order
    in what img2pdf writes); for the plain PDFs `pack_document` writes, like `pdf_page_count`."""
    sizes = []
    for match in _MEDIA_BOX.finditer(_plain_pdf(data)):
        x0, y0, x1, y1 = (float(value) for value in match.groups())
        sizes.append((abs(x1 - x0) * MM_PER_POINT, abs(y1 - y0) * MM_PER_POINT))
    return sizes
