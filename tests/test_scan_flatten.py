"""Flatten and clean: a photographed page comes back flat, the right size, upright, on white paper,
with the red seal still red; odd input gives a clear error, never an OpenCV traceback.

The pages are the bundled sample papers (`hardware.samples.make_samples.draw_page`: Vietnamese
text, blue ballpoint answers, a red seal) laid into a 1080p frame by a pinhole camera, so the true
corners and the true page are known exactly.
"""

from __future__ import annotations

import math
from functools import lru_cache

import cv2
import numpy as np
import pytest

from hardware.samples.make_samples import PAPERS, draw_page
from hardware.scanner.flatten import (
    ColourMode,
    ScanError,
    clean,
    fix_orientation,
    flatten,
    scan_page,
)
from hardware.scanner.formats import (
    A4,
    A5,
    FORMATS,
    HOUSEHOLD_BOOK,
    ID1,
    format_by_key,
    measured_aspect,
    snap_format,
)
from hardware.scanner.synthetic import render_document

FRAME = (1920, 1080)
A4_200 = (1654, 2339)  # (width, height) of A4 at 200 dpi


@lru_cache(maxsize=4)
def sample_page(index: int) -> np.ndarray:
    """Sample paper `index` as a flat A4 page at 200 dpi, BGR (read-only: copy before changing)."""
    rgb = np.asarray(draw_page(PAPERS[index]))
    page = cv2.resize(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), A4_200, interpolation=cv2.INTER_CUBIC)
    page.flags.writeable = False
    return page


def rotation(ax: float, ay: float, az: float) -> np.ndarray:
    cx, sx, cy, sy, cz, sz = (f(a) for a in (ax, ay, az) for f in (math.cos, math.sin))
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rz = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return rz @ ry @ rx


def camera_quad(
    width_mm: float,
    height_mm: float,
    *,
    tilt_deg: tuple[float, float] = (0.0, 0.0),
    turn_deg: float = 0.0,
    shift_mm: tuple[float, float] = (0.0, 0.0),
    distance_mm: float = 450.0,
    focal_px: float = 1400.0,
) -> np.ndarray:
    """Where a pinhole camera (principal point at the frame's centre) sees the corners of a
    `width_mm` × `height_mm` rectangle: TL, TR, BR, BL."""
    w, h = width_mm / 2, height_mm / 2
    corners = np.array([[-w, -h, 0], [w, -h, 0], [w, h, 0], [-w, h, 0]], dtype=np.float64)
    turned = corners @ rotation(*(math.radians(a) for a in (*tilt_deg, turn_deg))).T
    world = turned + (shift_mm[0], shift_mm[1], distance_mm)
    xy = focal_px * world[:, :2] / world[:, 2:3]
    return xy + (FRAME[0] / 2, FRAME[1] / 2)


def photograph(
    page: np.ndarray, quad: np.ndarray, *, light: float = 0.0, size: tuple[int, int] = FRAME
) -> np.ndarray:
    """`page` laid on a dark desk at `quad`; `light` darkens the frame towards its right edge."""
    h, w = page.shape[:2]
    # The page's outer edges (pixel centres on integers, so edges at −0.5) go to the quad's corners.
    source = np.float32([[-0.5, -0.5], [w - 0.5, -0.5], [w - 0.5, h - 0.5], [-0.5, h - 0.5]])
    matrix = cv2.getPerspectiveTransform(source, np.float32(quad))
    frame = np.full((size[1], size[0], 3), (38, 42, 46), np.uint8)
    cv2.warpPerspective(
        page, matrix, size, dst=frame, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_TRANSPARENT
    )
    shaded = frame.astype(np.float32)
    if light:
        shaded *= (1.0 - light * np.linspace(0.0, 1.0, size[0], dtype=np.float32))[None, :, None]
    noise = np.random.default_rng(7).normal(0.0, 2.0, shaded.shape).astype(np.float32)
    return np.clip(cv2.GaussianBlur(shaded, (0, 0), 0.7) + noise, 0, 255).astype(np.uint8)


def red_mask(image: np.ndarray) -> np.ndarray:
    b, g, r = (image[:, :, i].astype(np.int16) for i in range(3))
    return (r > 140) & (r - g > 70) & (r - b > 60)


def centroid(mask: np.ndarray) -> np.ndarray:
    ys, xs = np.nonzero(mask)
    return np.array([xs.mean(), ys.mean()])


A4_QUAD = camera_quad(210, 297, tilt_deg=(6, -4), turn_deg=3, shift_mm=(8, 4))


# ---- formats -----------------------------------------------------------------------------------


def test_format_sizes_in_pixels() -> None:
    assert A4.size_px(200) == A4_200
    assert ID1.size_px(200, landscape=True) == (674, 425)
    assert all(f.width_mm <= f.height_mm for f in FORMATS)
    assert format_by_key("household_book") is HOUSEHOLD_BOOK
    with pytest.raises(KeyError):
        format_by_key("letter")


@pytest.mark.parametrize(("max_tilt", "limit"), [(5.0, 0.02), (10.0, 0.035)])
def test_measured_aspect_is_right_under_perspective(max_tilt: float, limit: float) -> None:
    # Side lengths alone are off by several per cent at these tilts; the focal-length method is not.
    rng = np.random.default_rng(3)
    for _ in range(60):
        tilt = tuple(rng.uniform(-max_tilt, max_tilt, 2))
        quad = camera_quad(
            210, 297, tilt_deg=tilt, turn_deg=rng.uniform(-20, 20), shift_mm=tuple(rng.uniform(-60, 60, 2))
        )
        quad += rng.normal(0, 1.0, quad.shape)
        assert abs(measured_aspect(quad, FRAME) / A4.aspect - 1) < limit


@pytest.mark.parametrize("focal", [1000.0, 1400.0, 2000.0])
def test_plain_keystone_is_corrected(focal: float) -> None:
    # A camera tilted about the page's own axis: top and bottom stay parallel in the image, so the
    # focal length cannot be measured and the nominal one (1322 px here) stands in.
    quad = camera_quad(210, 297, tilt_deg=(15, 0), distance_mm=450 * focal / 1400, focal_px=focal)
    top, bottom = np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[3])
    assert abs(bottom / top - 1) > 0.1  # one edge looks much longer than the other
    sides = (top + bottom) / (np.linalg.norm(quad[2] - quad[1]) + np.linalg.norm(quad[3] - quad[0]))
    assert abs(1 / sides / A4.aspect - 1) > 0.03  # …which fools the plain side lengths
    error = abs(measured_aspect(quad, FRAME) / A4.aspect - 1)
    assert error < (0.01 if focal == 1400.0 else 0.03)  # the nearer the real lens, the better
    # With the calibrated focal length it is exact.
    assert measured_aspect(quad, FRAME, focal_px=focal) == pytest.approx(A4.aspect, rel=1e-6)


def test_snap_names_the_paper() -> None:
    assert snap_format(A4_QUAD, FRAME) is A4
    card = camera_quad(85.6, 53.98, tilt_deg=(3, 2), turn_deg=-8, distance_mm=250)
    assert snap_format(card, FRAME) is ID1
    book = camera_quad(130, 190, tilt_deg=(-3, 4), distance_mm=350)
    assert snap_format(book, FRAME) is HOUSEHOLD_BOOK
    # 4:5 is nothing the kiosk knows: the page keeps its own shape.
    assert snap_format(camera_quad(160, 200, tilt_deg=(2, 2)), FRAME) is None


def test_a4_and_a5_differ_only_by_size() -> None:
    # Same ratio, √2: without the camera's scale A4 stands for both; with it, each is itself.
    distance, focal = 450.0, 1400.0
    scale = focal / distance  # px per mm on the bed, seen head-on
    a5 = camera_quad(148, 210, tilt_deg=(1, 1), distance_mm=distance, focal_px=focal)
    a4 = camera_quad(210, 297, tilt_deg=(1, 1), distance_mm=distance, focal_px=focal)
    assert snap_format(a5, FRAME) is A4
    assert snap_format(a5, FRAME, px_per_mm=scale) is A5
    assert snap_format(a4, FRAME, px_per_mm=scale) is A4
    # A √2 page of no listed size (a 100 × 141 mm slip) is not stretched into A5.
    slip = camera_quad(100, 141.4, distance_mm=distance, focal_px=focal)
    assert snap_format(slip, FRAME, px_per_mm=scale) is None


# ---- flatten -----------------------------------------------------------------------------------


def test_a4_page_flattens_back_and_lines_up() -> None:
    page = sample_page(1)
    frame = photograph(page, A4_QUAD)
    flat = flatten(frame, A4_QUAD, dpi=200, fmt=A4)
    assert flat.shape == (2339, 1654, 3)
    # The content is where it was: the seal's red centroid within a few pixels, and the page as a
    # whole correlates with the original (at a scale the 1080p frame actually resolves).
    shift = np.linalg.norm(centroid(red_mask(flat)) - centroid(red_mask(page)))
    assert shift < 4.0, shift
    small = (414, 585)
    grey = [
        cv2.resize(cv2.cvtColor(im, cv2.COLOR_BGR2GRAY), small, interpolation=cv2.INTER_AREA)
        for im in (page, flat)
    ]
    assert np.corrcoef(grey[0].ravel(), grey[1].ravel())[0, 1] > 0.9


def test_card_snaps_to_id1_and_stays_landscape() -> None:
    card = render_document("id1", 12.0, 5)
    quad = camera_quad(85.6, 53.98, tilt_deg=(4, -3), turn_deg=6, distance_mm=260)
    frame = photograph(card, quad)
    scanned = scan_page(frame, quad, dpi=200)
    assert scanned.format is ID1
    assert scanned.image.shape == (425, 674, 3)
    assert scanned.rotation == 0
    # A card keeps its tones: the tinted security print and the photo are not bleached to white.
    assert np.array_equal(scanned.image, flatten(frame, quad, fmt=ID1))
    assert clean(scanned.image, ColourMode.GREY, even_light=False).shape == (425, 674)


def test_without_format_the_page_keeps_its_shape_and_is_not_blown_up() -> None:
    quad = camera_quad(160, 200, tilt_deg=(3, -2))  # no listed format has this shape
    frame = photograph(sample_page(0), quad)
    flat = flatten(frame, quad, dpi=200)
    height, width = flat.shape[:2]
    assert height / width == pytest.approx(200 / 160, rel=0.02)
    # Its long side is what the frame holds (the longest side of the quad), no more.
    longest = float(np.max(np.linalg.norm(np.roll(quad, -1, axis=0) - quad, axis=1)))
    assert height == pytest.approx(longest, abs=2)


def test_a_big_still_is_shrunk_well_and_still_lines_up() -> None:
    # A 4K still holds ~160 dpi of an A4 page: flattened to 100 dpi it is shrunk with area averaging
    # before the warp, and the content must land where it would without that step.
    size = (3840, 2160)
    quad = camera_quad(210, 297, tilt_deg=(3, 2), focal_px=2800.0) + (960, 540)
    page = cv2.resize(sample_page(1), (2480, 3508), interpolation=cv2.INTER_CUBIC)
    frame = photograph(page, quad, size=size)
    flat = flatten(frame, quad, dpi=100, fmt=A4, image_size=size)
    assert flat.shape[:2] == (1169, 827)
    expected = (centroid(red_mask(page)) + 0.5) * 827 / 2480 - 0.5
    assert np.linalg.norm(centroid(red_mask(flat)) - expected) < 1.5


# ---- clean -------------------------------------------------------------------------------------


def test_clean_keeps_the_seal_red_the_pen_blue_and_makes_the_paper_white() -> None:
    page = sample_page(1)
    frame = photograph(page, A4_QUAD, light=0.4)  # the right edge gets 40 % less light
    flat = flatten(frame, A4_QUAD, fmt=A4)
    cleaned = clean(flat, ColourMode.COLOUR)
    assert cleaned.shape == flat.shape and cleaned.dtype == np.uint8

    # Paper: where the original is blank well away from any ink, in every quarter of the page,
    # including the dim one.
    blank = cv2.erode((cv2.cvtColor(page, cv2.COLOR_BGR2GRAY) > 235).astype(np.uint8), np.ones((25, 25)))
    blank[:80], blank[-80:], blank[:, :80], blank[:, -80:] = 0, 0, 0, 0  # the page's rim
    grey = cv2.cvtColor(cleaned, cv2.COLOR_BGR2GRAY)
    raw = cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY)
    h, w = grey.shape
    for ys in (slice(0, h // 2), slice(h // 2, h)):
        for xs in (slice(0, w // 2), slice(w // 2, w)):
            where = blank[ys, xs] > 0
            assert np.median(grey[ys, xs][where]) >= 240
    assert np.median(raw[blank > 0]) < 225  # …which it was not before cleaning

    # The seal: the pixels that are seal ink in the original are still red (hue near 0°, saturated).
    seal = cv2.erode(red_mask(page).astype(np.uint8), np.ones((3, 3))) > 0
    hsv = cv2.cvtColor(cleaned, cv2.COLOR_BGR2HSV)
    hue, saturation = hsv[:, :, 0][seal].astype(int), hsv[:, :, 1][seal]
    red_share = np.mean((hue <= 10) | (hue >= 170))
    assert red_share > 0.9 and np.median(saturation) > 120

    # The ballpoint answers stay blue.
    b, g, r = (page[:, :, i].astype(int) for i in range(3))
    pen = cv2.erode(((b > 120) & (b - r > 70)).astype(np.uint8), np.ones((2, 2))) > 0
    out_b, out_r = cleaned[:, :, 0][pen].astype(int), cleaned[:, :, 2][pen].astype(int)
    assert np.median(out_b - out_r) > 60


def test_grey_and_black_and_white_modes() -> None:
    flat = flatten(photograph(sample_page(0), A4_QUAD, light=0.3), A4_QUAD, fmt=A4)
    grey = clean(flat, ColourMode.GREY)
    assert grey.shape == flat.shape[:2]
    bw = clean(flat, "bw")  # the settings file gives the mode as text
    assert bw.shape == flat.shape[:2]
    assert set(np.unique(bw).tolist()) <= {0, 255}
    ink = np.mean(bw == 0)
    assert 0.005 < ink < 0.15  # text, not noise and not a black page


# ---- orientation -------------------------------------------------------------------------------


@pytest.mark.parametrize("turned", [0, 90, 180, 270])
def test_a_turned_page_is_turned_back(turned: int) -> None:
    # `turned`: degrees the page lies turned anticlockwise, so `turned` clockwise puts it right.
    page = sample_page(0)
    codes = {90: cv2.ROTATE_90_COUNTERCLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_CLOCKWISE}
    lying = page if turned == 0 else cv2.rotate(page, codes[turned])
    upright, applied = fix_orientation(lying)
    assert applied == turned
    assert np.array_equal(upright, page)


def test_a_page_laid_sideways_is_scanned_upright() -> None:
    sideways = cv2.rotate(sample_page(3), cv2.ROTATE_90_COUNTERCLOCKWISE)
    quad = camera_quad(297, 210, tilt_deg=(2, -3), turn_deg=2, distance_mm=520)
    scanned = scan_page(photograph(sideways, quad), quad)
    assert scanned.format is A4
    assert scanned.rotation == 90
    assert scanned.image.shape == (2339, 1654, 3)


def test_pages_without_text_are_left_as_they_are() -> None:
    blank = np.full((2339, 1654, 3), 245, np.uint8)
    assert fix_orientation(blank)[1] == 0
    card = render_document("id1", 8.0, 1)
    assert fix_orientation(card)[1] == 0


# ---- odd input ---------------------------------------------------------------------------------


def test_odd_images_and_corners_give_a_clear_error() -> None:
    frame = np.zeros((1080, 1920, 3), np.uint8)
    good = A4_QUAD
    crossed = good[[0, 2, 1, 3]]
    for image, quad in [
        (np.zeros((1, 1, 3), np.uint8), good),  # corners far outside a 1×1 image
        (np.zeros((0, 0, 3), np.uint8), good),
        (frame.astype(np.float32), good),
        (np.zeros((10, 10, 5), np.uint8), good),
        (frame, crossed),
        (frame, np.full((4, 2), np.nan)),
        (frame, np.array([[10, 10], [12, 10], [12, 12], [10, 12]], float)),  # a 2 px "page"
        (frame, good[:3]),
    ]:
        with pytest.raises(ScanError):
            flatten(image, quad)
    with pytest.raises(ScanError):
        flatten(frame, good, dpi=0)
    with pytest.raises(ScanError):
        clean(np.zeros((0, 5), np.uint8))


def test_tiny_and_black_pages_give_sane_results() -> None:
    one = np.full((1, 1, 3), 128, np.uint8)
    assert clean(one).shape == (1, 1, 3)
    assert clean(one, ColourMode.BW).shape == (1, 1)
    assert fix_orientation(one)[1] == 0
    black = np.zeros((300, 200, 3), np.uint8)
    assert clean(black).max() == 0  # no light at all stays black, rather than amplified noise
    assert fix_orientation(black)[1] == 0
    # An all-black frame with plausible corners flattens to a black page, no error.
    scanned = scan_page(np.zeros((1080, 1920, 3), np.uint8), A4_QUAD)
    assert scanned.image.shape == (2339, 1654, 3) and scanned.rotation == 0
    assert "ScannedPage(1654x2339, a4" in repr(scanned)
