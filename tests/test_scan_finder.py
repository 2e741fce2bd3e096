"""The page finder: finds the paper in the bundled photos to a pixel, hands out only ordered, convex
quads, and never crashes on a frame however odd (the issue's "no frame crashes the finder")."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import hardware.samples
from hardware.scanner.finder import as_bgr8, find_page
from hardware.scanner.geometry import corner_angles, is_convex, order_corners
from hardware.scanner.resample import downscale
from hardware.scanner.synthetic import make_sample


def _page_frame(corners: np.ndarray, size: tuple[int, int] = (1280, 720)) -> np.ndarray:
    """A white sheet with lines of 'print' on a dark desk, its corners exactly at `corners`."""
    page = np.full((594, 420, 3), 245, np.uint8)
    for y in range(60, 540, 24):
        cv2.putText(page, "Ho va ten: Nguyen Van An", (40, y), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (30, 30, 30), 1)
    cv2.circle(page, (300, 480), 50, (40, 40, 210), 6)  # a red seal
    src = np.float32([[0, 0], [420, 0], [420, 594], [0, 594]])
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    frame = np.full((size[1], size[0], 3), (40, 55, 70), np.uint8)
    warped = cv2.warpPerspective(page, matrix, size, flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((594, 420), 255, np.uint8), matrix, size)
    frame[mask > 127] = warped[mask > 127]
    return frame


def test_finds_a_tilted_page_to_within_two_pixels() -> None:
    truth = np.array([[420.0, 80.0], [850.0, 110.0], [880.0, 650.0], [380.0, 640.0]])
    found = find_page(_page_frame(truth))
    assert found is not None
    assert np.max(np.linalg.norm(found.quad - truth, axis=1)) < 2.0
    assert 0.5 < found.score <= 1.0


def test_finds_the_page_in_every_bundled_sample_photo() -> None:
    for path in sorted(Path(hardware.samples.__file__).parent.glob("*.jpg")):
        image = cv2.imread(str(path))
        found = find_page(image)
        assert found is not None, path.name
        # The samples are an A4 page filling ~83 % of the frame height.
        height = found.quad[:, 1].max() - found.quad[:, 1].min()
        assert 0.75 * image.shape[0] < height < 0.9 * image.shape[0], path.name
        assert is_convex(found.quad)


def test_an_empty_desk_has_no_page() -> None:
    rng = np.random.default_rng(3)
    desk = np.clip(rng.normal((40, 55, 70), 6, (720, 1280, 3)), 0, 255).astype(np.uint8)
    assert find_page(desk) is None


@pytest.mark.parametrize(
    "frame",
    [
        np.zeros((1080, 1920, 3), np.uint8),
        np.full((1080, 1920, 3), 255, np.uint8),
        np.zeros((1, 1, 3), np.uint8),
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((5, 3000), np.uint8),
        np.full((480, 640), 40000, np.uint16),
        np.full((480, 640, 4), 128, np.uint8),
        np.full((480, 640, 3), np.nan, np.float32),
        np.zeros((480, 640, 2), np.uint8),
        np.zeros((4, 4, 4, 4), np.uint8),
    ],
    ids=["black", "white", "1x1", "empty", "strip", "16-bit", "BGRA", "nan", "2-channel", "4-d"],
)
def test_odd_frames_give_no_page_or_a_sane_one(frame: np.ndarray) -> None:
    found = find_page(frame)
    assert found is None or is_convex(found.quad)


def test_a_16_bit_frame_is_read_like_its_8_bit_self() -> None:
    truth = np.array([[420.0, 80.0], [850.0, 110.0], [880.0, 650.0], [380.0, 640.0]])
    frame = _page_frame(truth)
    deep = frame.astype(np.uint16) * 257
    found = find_page(deep)
    assert found is not None
    assert np.max(np.linalg.norm(found.quad - truth, axis=1)) < 2.0


def test_a_corrupt_jpeg_decodes_to_nothing_and_the_finder_says_no_page() -> None:
    ok, data = cv2.imencode(".jpg", _page_frame(np.array([[400.0, 80], [850, 80], [850, 650], [400, 650]])))
    assert ok
    broken = data.tobytes()[:2000] + b"\x00" * 500
    image = cv2.imdecode(np.frombuffer(broken, np.uint8), cv2.IMREAD_UNCHANGED)
    found = find_page(image)
    assert found is None or is_convex(found.quad)
    assert find_page(None) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hnp.arrays(
        dtype=st.sampled_from([np.uint8, np.uint16, np.float32, np.int32]),
        shape=hnp.array_shapes(min_dims=2, max_dims=3, min_side=1, max_side=90),
    )
)
def test_fuzzed_frames_never_crash(frame: np.ndarray) -> None:
    found = find_page(frame)
    assert found is None or is_convex(found.quad)
    converted = as_bgr8(frame)
    assert converted is None or (converted.dtype == np.uint8 and converted.shape[2] == 3)


@settings(max_examples=200, deadline=None)
@given(hnp.arrays(np.float64, (4, 2), elements=st.floats(-1e4, 1e4)))
def test_order_corners_never_crosses_a_convex_quad(points: np.ndarray) -> None:
    hull = cv2.convexHull(points.astype(np.float32))
    if hull is None or len(hull) != 4 or cv2.contourArea(hull) < 1.0:
        return
    if not is_convex(hull.reshape(4, 2).astype(np.float64)) or corner_angles(hull.reshape(4, 2)).max() > 179:
        return  # three corners (nearly) in a line: not a quadrilateral
    ordered = order_corners(points)
    assert is_convex(ordered)
    # TL is one of the two highest corners, and the leftmost of them.
    top_two = ordered[np.argsort(ordered[:, 1])[:2]]
    assert ordered[0, 0] == top_two[:, 0].min()


@pytest.mark.parametrize(
    ("source", "target", "worst"),
    [
        ((1920, 1080), (480, 270), 1),
        ((3840, 2160), (480, 270), 1),
        ((1280, 720), (480, 270), 0),
        ((1921, 1079), (480, 270), 0),
        ((480, 270), (192, 112), 0),
    ],
)
def test_downscale_is_one_area_resize_within_rounding(
    source: tuple[int, int], target: tuple[int, int], worst: int
) -> None:
    # The finder's small copy is made in halving steps for speed where the factor allows it; it
    # must be the same picture as one area-averaging step (but for rounding), or the finder and
    # its model would see another frame than the one they were tuned and trained on.
    camera = make_sample(5, "cloth", "a4").frame  # print, a seal and a checked cloth: fine detail
    frame = cv2.resize(camera, source, interpolation=cv2.INTER_LINEAR)
    fast = downscale(frame, target)
    exact = cv2.resize(frame, target, interpolation=cv2.INTER_AREA)
    assert fast.shape == exact.shape
    assert np.abs(fast.astype(np.int16) - exact).max() <= worst
