"""Document pages: a camera still made into a page image, and pages packed into one PDF.

Each required document (giấy tờ) becomes one PDF of its pages, the form the portal accepts. The
page is encoded as JPEG once, here, and the PDF embeds those very bytes: no second lossy pass, and
the file size the kiosk checks is the size that is uploaded.

For now a page is the whole still, scaled down; finding and flattening the paper in the still is a
later step and will plug in at `page_from_still`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import img2pdf
import numpy as np

from hardware.camera import shrink

A4_LONG_SIDE_200DPI = 2339  # 297 mm at 200 dpi, the resolution asked for digitised papers
JPEG_QUALITY = 85
THUMBNAIL_MAX_SIDE = 320  # the review screen shows several pages side by side
THUMBNAIL_QUALITY = 75


@dataclass(frozen=True, slots=True)
class Page:
    """One page image: its JPEG, its size in pixels, and a small JPEG for the review screen."""

    jpeg: bytes
    width: int
    height: int
    thumbnail: bytes

    def __repr__(self) -> str:
        # The bytes are a photo of someone's papers: keep them out of logs and tracebacks.
        return f"Page({self.width}x{self.height}, {len(self.jpeg)} bytes)"


class PageError(ValueError):
    """The still could not be made into a page (empty, wrong shape, encoder failure)."""


def _encode_jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise PageError("JPEG encoding failed")
    return data.tobytes()


def page_from_still(image_bgr: np.ndarray, max_side: int = A4_LONG_SIDE_200DPI) -> Page:
    """The page in a camera still: scaled to fit `max_side` (never up), as JPEG quality 85."""
    if image_bgr.ndim != 3 or image_bgr.shape[2] != 3 or image_bgr.size == 0:
        raise PageError("expected a BGR image")
    if image_bgr.dtype != np.uint8:
        raise PageError(f"expected 8-bit pixels, got {image_bgr.dtype}")
    page = shrink(image_bgr, max_side)
    height, width = page.shape[:2]
    return Page(
        jpeg=_encode_jpeg(page, JPEG_QUALITY),
        width=width,
        height=height,
        thumbnail=_encode_jpeg(shrink(page, THUMBNAIL_MAX_SIDE), THUMBNAIL_QUALITY),
    )


def pack_pdf(pages: Sequence[Page], dpi: int = 200) -> bytes:
    """One PDF of `pages` in order, each page sized from its pixels at `dpi`.

    img2pdf copies each JPEG into the PDF as it is (DCTDecode), so nothing is re-encoded.
    """
    if not pages:
        raise ValueError("a PDF needs at least one page")
    if dpi <= 0:
        raise ValueError(f"dpi must be positive, got {dpi}")
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    # The built-in engine, whatever else is installed: its output is plain and predictable.
    data = img2pdf.convert(
        [page.jpeg for page in pages],
        layout_fun=layout,
        engine=img2pdf.Engine.internal,
    )
    if data is None:  # img2pdf returns None only when given an output stream
        raise PageError("img2pdf produced no PDF")
    return data


# A page object, and not the page tree (/Type /Pages), whose name starts the same.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9])")


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF, by counting page objects: enough for the plain PDFs `pack_pdf` writes
    (no compressed object streams), not a general PDF parser."""
    if not data.startswith(b"%PDF-"):
        raise ValueError("not a PDF")
    return len(_PAGE_OBJECT.findall(data))
