"""Pages and PDFs: each page encoded once and embedded as it is, A4 pages come out A4, documents are
brought under the size limit without losing a page, and an impossible limit is said plainly.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

import cv2
import numpy as np
import pytest
from PIL import Image

from hardware.samples.make_samples import PAPERS, draw_page
from hardware.scanner.flatten import ColourMode, clean
from hardware.scanner.pack import (
    QUALITY_LADDER,
    Budget,
    BudgetError,
    PackError,
    Page,
    check_dossier,
    encode_page,
    pack_document,
    pdf_page_count,
    pdf_page_sizes_mm,
)

A4_MM = (210.0, 297.0)
MM_PER_POINT = 25.4 / 72


@lru_cache(maxsize=4)
def cleaned_page(index: int) -> np.ndarray:
    """Sample paper `index` as a cleaned colour A4 page at 200 dpi."""
    rgb = np.asarray(draw_page(PAPERS[index]))
    page = cv2.resize(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), (1654, 2339), interpolation=cv2.INTER_CUBIC)
    out = clean(page)
    out.flags.writeable = False
    return out


def busy_page(seed: int) -> np.ndarray:
    """An A4 page of fine colour texture: the kind of page (a photo, a patterned certificate) whose
    JPEG is large at any quality."""
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, (1170, 827, 3), dtype=np.uint8)
    return cv2.resize(small, (1654, 2339), interpolation=cv2.INTER_LINEAR)


def embedded_images(pdf: bytes) -> int:
    return len(re.findall(rb"/Subtype\s*/Image", pdf))


def decoded_size(page: Page) -> tuple[int, int]:
    with Image.open(io.BytesIO(page.data)) as image:
        return image.size


# ---- pages -------------------------------------------------------------------------------------


def test_colour_page_is_a_jpeg_that_says_200_dpi() -> None:
    page = encode_page(cleaned_page(1), dpi=200, quality=75, budget=Budget())
    assert page.kind == "jpeg" and page.quality == 75
    assert (page.width, page.height, page.dpi) == (1654, 2339, 200)
    assert page.data.startswith(b"\xff\xd8") and len(page.data) <= 400_000
    with Image.open(io.BytesIO(page.data)) as image:
        assert image.mode == "RGB" and image.size == (1654, 2339)
        assert image.info["dpi"] == pytest.approx((200, 200))
    assert page.size_mm == pytest.approx(A4_MM, abs=0.2)
    thumbnail = cv2.imdecode(np.frombuffer(page.thumbnail, np.uint8), cv2.IMREAD_COLOR)
    assert max(thumbnail.shape[:2]) == 320


def test_grey_page_is_a_grey_jpeg() -> None:
    grey = cv2.cvtColor(cleaned_page(0), cv2.COLOR_BGR2GRAY)
    page = encode_page(grey, dpi=200, quality=75, budget=Budget())
    assert page.kind == "jpeg"
    with Image.open(io.BytesIO(page.data)) as image:
        assert image.mode == "L"


def test_black_and_white_page_is_group_4_and_lossless() -> None:
    bw = clean(cleaned_page(0), ColourMode.BW)
    page = encode_page(bw, dpi=200, quality=75, budget=Budget())
    assert page.kind == "g4" and page.quality == 0
    with Image.open(io.BytesIO(page.data)) as image:
        assert image.info["compression"] == "group4"
        assert np.array_equal(np.asarray(image.convert("L")), bw)
    assert len(page.data) < 100_000  # a text page in G4 is tens of kB


def test_repr_shows_no_bytes() -> None:
    page = encode_page(cleaned_page(0), dpi=200, quality=75, budget=Budget())
    text = repr(page)
    assert text.startswith("Page(jpeg, 1654x2339, 200 dpi, q75,") and "\\x" not in text
    assert len(text) < 80


def test_a_large_page_steps_down_until_it_fits() -> None:
    image = busy_page(1)
    at_75 = encode_page(image, dpi=200, quality=75, budget=Budget(page_bytes=10_000_000))
    limit = len(at_75.data) * 3 // 4
    page = encode_page(image, dpi=200, quality=75, budget=Budget(page_bytes=limit))
    assert page.quality in QUALITY_LADDER and page.quality < 75
    assert len(page.data) <= limit
    assert (page.width, page.height) == (1654, 2339)  # the resolution is never lowered


def test_a_page_that_cannot_fit_says_so() -> None:
    with pytest.raises(BudgetError) as caught:
        encode_page(busy_page(2), dpi=200, quality=75, budget=Budget(page_bytes=50_000))
    assert caught.value.limit == 50_000 and caught.value.size > 50_000
    assert "50,000" in str(caught.value)


# ---- documents ---------------------------------------------------------------------------------


def test_pdf_has_every_page_in_order_at_a4_with_the_jpeg_bytes_as_they_are() -> None:
    pages = [encode_page(cleaned_page(i), dpi=200, quality=75, budget=Budget()) for i in range(3)]
    pdf = pack_document(pages, Budget())
    assert pdf.startswith(b"%PDF-")
    assert pdf_page_count(pdf) == 3
    for width, height in pdf_page_sizes_mm(pdf):
        # 595.3 × 841.9 pt, within a point.
        assert width / MM_PER_POINT == pytest.approx(595.3, abs=1)
        assert height / MM_PER_POINT == pytest.approx(841.9, abs=1)
    # Each page's JPEG is in the PDF byte for byte (no second encoding), in page order.
    offsets = [pdf.find(page.data) for page in pages]
    assert all(offset > 0 for offset in offsets)
    assert offsets == sorted(offsets)


def test_black_and_white_and_colour_pages_mix() -> None:
    bw = encode_page(clean(cleaned_page(0), ColourMode.BW), dpi=200, quality=75, budget=Budget())
    colour = encode_page(cleaned_page(1), dpi=200, quality=75, budget=Budget())
    pdf = pack_document([bw, colour], Budget())
    assert pdf_page_count(pdf) == 2 and b"/CCITTFaxDecode" in pdf and b"/DCTDecode" in pdf
    assert pdf_page_sizes_mm(pdf) == [pytest.approx(A4_MM, abs=0.4)] * 2


def test_a_document_over_budget_comes_back_under_it_with_every_page() -> None:
    pages = [
        encode_page(busy_page(seed), dpi=200, quality=85, budget=Budget(page_bytes=10**8))
        for seed in range(3)
    ]
    first = pack_document(pages, Budget(document_bytes=10**8))
    limit = len(first) * 2 // 3
    pdf = pack_document(pages, Budget(page_bytes=10**8, document_bytes=limit, dossier_bytes=10**8))
    assert len(pdf) <= limit
    assert pdf_page_count(pdf) == 3 and embedded_images(pdf) == 3
    assert pdf_page_sizes_mm(pdf) == [pytest.approx(A4_MM, abs=0.4)] * 3
    # The caller's pages are untouched: the smaller JPEGs exist only inside the PDF.
    assert all(page.quality == 85 and page.data in first for page in pages)


def test_an_impossible_document_budget_is_refused() -> None:
    pages = [
        encode_page(busy_page(seed), dpi=200, quality=75, budget=Budget(page_bytes=10**8))
        for seed in range(2)
    ]
    with pytest.raises(BudgetError) as caught:
        pack_document(pages, Budget(page_bytes=10**8, document_bytes=100_000, dossier_bytes=10**8))
    assert "2-page document" in str(caught.value)


def test_dossier_budget() -> None:
    assert (
        check_dossier(
            [b"x" * 400, b"y" * 600], Budget(page_bytes=100, document_bytes=600, dossier_bytes=1000)
        )
        == 1000
    )
    with pytest.raises(BudgetError):
        check_dossier(
            [b"x" * 400, b"y" * 601], Budget(page_bytes=100, document_bytes=601, dossier_bytes=1000)
        )


def test_budget_from_settings_units() -> None:
    assert Budget.from_kb(400, 1000, 10000) == Budget()
    with pytest.raises(ValueError):
        Budget(page_bytes=0)


# ---- odd input ---------------------------------------------------------------------------------


def test_tiny_and_black_images_encode() -> None:
    one = encode_page(np.full((1, 1, 3), 200, np.uint8), dpi=200, quality=75, budget=Budget())
    assert decoded_size(one) == (1, 1)
    black = encode_page(np.zeros((2339, 1654, 3), np.uint8), dpi=200, quality=75, budget=Budget())
    assert black.kind == "jpeg" and len(black.data) < 50_000
    # A black single-channel page is bilevel: G4, which a blank page costs almost nothing in.
    assert encode_page(np.zeros((100, 80), np.uint8), dpi=200, quality=75, budget=Budget()).kind == "g4"
    assert pdf_page_count(pack_document([one, black], Budget())) == 2


@pytest.mark.parametrize(
    "image",
    [np.zeros((0, 0, 3), np.uint8), np.zeros((10, 10, 3), np.float32), np.zeros((10, 10, 2), np.uint8)],
    ids=["empty", "float", "two-channel"],
)
def test_unusable_images_are_refused_plainly(image: np.ndarray) -> None:
    with pytest.raises(PackError):
        encode_page(image, dpi=200, quality=75, budget=Budget())


def test_bad_arguments_are_refused_plainly() -> None:
    image = np.full((20, 20, 3), 200, np.uint8)
    with pytest.raises(PackError):
        encode_page(image, dpi=0, quality=75, budget=Budget())
    with pytest.raises(PackError):
        encode_page(image, dpi=200, quality=101, budget=Budget())
    with pytest.raises(PackError):
        pack_document([], Budget())
    with pytest.raises(PackError):
        pack_document([b"not a page"], Budget())  # type: ignore[list-item]
    with pytest.raises(ValueError):
        pdf_page_count(b"GIF89a")
    with pytest.raises(ValueError):
        pdf_page_sizes_mm(b"")
