"""Pages from stills, and PDFs that embed each page's JPEG without re-encoding it."""

from __future__ import annotations

import re

import cv2
import numpy as np
import pytest

from hardware.camera import SampleCamera
from hardware.pages import Page, pack_pdf, page_from_still, pdf_page_count


def _media_boxes(data: bytes) -> list[tuple[float, float]]:
    found = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return [(float(width), float(height)) for width, height in found]


@pytest.fixture(scope="module")
def stills() -> list[np.ndarray]:
    camera = SampleCamera()
    camera.open()
    return [camera.capture_still() for _ in range(2)]


def test_page_fits_max_side_and_decodes(stills: list[np.ndarray]) -> None:
    page = page_from_still(stills[0], max_side=1000)
    assert (page.width, page.height) == (1000, 750)
    decoded = cv2.imdecode(np.frombuffer(page.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert decoded.shape == (750, 1000, 3)
    thumbnail = cv2.imdecode(np.frombuffer(page.thumbnail, np.uint8), cv2.IMREAD_COLOR)
    assert max(thumbnail.shape[:2]) <= 320
    assert "bytes" in repr(page) and len(repr(page)) < 80  # no image bytes in logs


def test_small_stills_are_not_enlarged(stills: list[np.ndarray]) -> None:
    page = page_from_still(stills[0])
    assert (page.width, page.height) == (1600, 1200)


def test_pdf_of_two_pages_embeds_the_jpegs_unchanged(stills: list[np.ndarray]) -> None:
    pages = [page_from_still(still) for still in stills]
    data = pack_pdf(pages)
    assert data.startswith(b"%PDF-")
    assert pdf_page_count(data) == 2
    for page in pages:
        assert page.jpeg in data
    # 1600 × 1200 px at 200 dpi is 8 × 6 inches = 576 × 432 points.
    assert _media_boxes(data) == [(576, 432), (576, 432)]


def test_page_size_follows_dpi(stills: list[np.ndarray]) -> None:
    page = page_from_still(stills[0])
    assert _media_boxes(pack_pdf([page], dpi=100)) == [(1152, 864)]


def test_empty_and_bad_input() -> None:
    with pytest.raises(ValueError):
        pack_pdf([])
    with pytest.raises(ValueError):
        page_from_still(np.zeros((10, 10), np.uint8))
    with pytest.raises(ValueError):
        pdf_page_count(b"not a pdf")


def test_page_is_a_plain_value() -> None:
    page = Page(jpeg=b"x", width=1, height=1, thumbnail=b"y")
    assert page == Page(jpeg=b"x", width=1, height=1, thumbnail=b"y")
