"""The synthetic scanner test set and its SmartDoc metric: the metric scores what it should, the
frames are reproducible and their truth is where the document is, and the finder passes easy ones."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from hardware.scanner.finder import find_page
from hardware.scanner.geometry import area, is_convex, order_corners
from hardware.scanner.synthetic import (
    BACKGROUNDS,
    DOCUMENTS,
    SIZE_MM,
    Sample,
    corner_error_mm,
    dataset,
    jaccard,
    make_sample,
    place_on,
    render_document,
)

A4 = SIZE_MM["a4"]
# A page seen in strong perspective: the far side shorter, turned a little. Image-space ratios
# differ from document-space ones here, so a metric computed in the image would fail the tests.
TRUTH = np.array([(700.0, 120.0), (1180.0, 160.0), (1320.0, 980.0), (560.0, 940.0)])


def _homography(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    return cv2.getPerspectiveTransform(src.astype(np.float32), dst.astype(np.float32)).astype(np.float64)


def _from_document(points_mm: np.ndarray, truth: np.ndarray = TRUTH, size_mm=A4) -> np.ndarray:
    """Points given in mm on the document, in the frame where `truth` shows it."""
    w, h = size_mm
    page = np.array([(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)])
    matrix = _homography(page, truth)
    pts = np.c_[points_mm, np.ones(len(points_mm))] @ matrix.T
    return pts[:, :2] / pts[:, 2:]


def _rect(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    return np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


# ---- the metric --------------------------------------------------------------------------------


def test_truth_against_itself_scores_one() -> None:
    assert jaccard(TRUTH, TRUTH, A4) == pytest.approx(1.0, abs=1e-9)
    assert corner_error_mm(TRUTH, TRUTH, A4) == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize("shift", [1, 2, 3])
def test_the_same_polygon_from_another_corner_scores_one(shift: int) -> None:
    rolled = np.roll(TRUTH, shift, axis=0)
    assert jaccard(TRUTH, rolled, A4) == pytest.approx(1.0, abs=1e-9)
    assert jaccard(TRUTH, rolled[::-1], A4) == pytest.approx(1.0, abs=1e-9)
    assert corner_error_mm(TRUTH, rolled, A4) == pytest.approx(0.0, abs=1e-6)


def test_inner_half_of_the_page_scores_a_quarter_in_the_documents_frame() -> None:
    w, h = A4
    inner = _from_document(_rect(w / 4, h / 4, 3 * w / 4, 3 * h / 4))
    assert jaccard(TRUTH, inner, A4) == pytest.approx(0.25, abs=1e-9)
    # In the image the same quad covers a different share: the metric must not be image-based.
    assert abs(area(inner) / area(TRUTH) - 0.25) > 0.005


def test_half_overlap_scores_a_third() -> None:
    w, h = A4
    shifted = _from_document(_rect(w / 2, 0, 3 * w / 2, h))  # slid half a page to the right
    assert jaccard(TRUTH, shifted, A4) == pytest.approx(1 / 3, abs=1e-9)


def test_crossed_missing_or_dented_quads_score_zero() -> None:
    crossed = TRUTH[[0, 2, 1, 3]]  # a bow tie
    dented = TRUTH.copy()
    dented[1] = TRUTH.mean(axis=0)  # TR pulled into the middle: a non-convex dart
    assert jaccard(TRUTH, crossed, A4) == 0.0
    assert jaccard(TRUTH, dented, A4) == 0.0
    assert jaccard(TRUTH, None, A4) == 0.0
    assert corner_error_mm(TRUTH, None, A4) == math.inf


def test_corner_error_is_in_mm_on_the_document() -> None:
    w, h = A4
    moved = _from_document(_rect(3, -2, w + 3, h - 2))  # every corner 3 mm right, 2 mm up
    assert corner_error_mm(TRUTH, moved, A4) == pytest.approx(math.hypot(3, 2), abs=1e-6)
    one = _from_document(np.array([(0.0, 0.0), (w, 0.0), (w + 5, h), (0.0, h)]))  # BR 5 mm out
    assert corner_error_mm(TRUTH, one, A4) == pytest.approx(5.0, abs=1e-6)
    assert corner_error_mm(TRUTH, np.roll(one, 2, axis=0), A4) == pytest.approx(5.0, abs=1e-6)


def test_place_on_draws_the_edge_where_the_quad_is() -> None:
    # A white sheet on black: the coverage summed over the frame is the quad's area to a fraction
    # of the perimeter, so the drawn edge sits on the truth to well under a pixel.
    quad = np.array([(100.3, 80.6), (500.2, 95.1), (470.8, 420.4), (120.5, 390.9)])
    frame = place_on(np.zeros((480, 640, 3), np.uint8), np.full((300, 212, 3), 255, np.uint8), quad)
    covered = frame[..., 1].astype(np.float64).sum() / 255
    perimeter = np.linalg.norm(np.roll(quad, -1, axis=0) - quad, axis=1).sum()
    assert abs(covered - area(quad)) < 0.05 * perimeter


# ---- the frames --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    # One frame per background and document: the whole grid, degraded, at full size.
    return [
        make_sample(1000 + 10 * i + j, background, document)
        for i, background in enumerate(BACKGROUNDS)
        for j, document in enumerate(DOCUMENTS)
    ]


def test_same_seed_same_bytes_other_seed_other_frame() -> None:
    first = make_sample(7, "clutter", "a4")
    again = make_sample(7, "clutter", "a4")
    other = make_sample(8, "clutter", "a4")
    assert first.frame.tobytes() == again.frame.tobytes()
    assert np.array_equal(first.quad, again.quad)
    assert first.frame.tobytes() != other.frame.tobytes()


def test_every_frame_has_its_truth_inside_and_in_order(samples: list[Sample]) -> None:
    for sample in samples:
        label = f"{sample.background}/{sample.document}"
        assert sample.frame.shape == (1080, 1920, 3) and sample.frame.dtype == np.uint8, label
        assert sample.quad.shape == (4, 2) and sample.quad.dtype == np.float64, label
        assert sample.size_mm == SIZE_MM[sample.document], label
        assert is_convex(sample.quad), label
        assert np.all(sample.quad >= 0) and np.all(sample.quad <= (1919, 1079)), label
        assert np.array_equal(order_corners(sample.quad), sample.quad), label  # TL, TR, BR, BL
        # The document's own top side comes first: its length matches the document's width.
        top, left = (
            np.linalg.norm(sample.quad[1] - sample.quad[0]),
            np.linalg.norm(sample.quad[3] - sample.quad[0]),
        )
        w, h = sample.size_mm
        assert abs(math.log((top / left) / (w / h))) < 0.3, label


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation of the print: grey, lightly smoothed, with the slow light (gradient, hand
    shadow, glare) taken out by subtracting a wide blur."""

    def detail(image: np.ndarray) -> np.ndarray:
        grey = cv2.GaussianBlur(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32), (0, 0), 1.5)
        return (grey - cv2.GaussianBlur(grey, (0, 0), 12)).ravel()

    return float(np.corrcoef(detail(a), detail(b))[0, 1])


def test_the_truth_is_where_the_document_is(samples: list[Sample]) -> None:
    # Flatten each frame by its truth and compare with the flat render at the same scale; a quad
    # slid by a fifth of the page must match clearly worse.
    for sample in samples:
        w_mm, h_mm = sample.size_mm
        ppm = 320 / max(w_mm, h_mm)
        flat = render_document(sample.document, ppm, sample.seed)
        size = (flat.shape[1], flat.shape[0])
        corners = np.array(
            [(-0.5, -0.5), (size[0] - 0.5, -0.5), (size[0] - 0.5, size[1] - 0.5), (-0.5, size[1] - 0.5)]
        )

        def unwarp(
            quad: np.ndarray, sample: Sample = sample, corners: np.ndarray = corners, size=size
        ) -> np.ndarray:
            matrix = _homography(quad, corners)
            return cv2.warpPerspective(sample.frame, matrix, size, flags=cv2.INTER_AREA)

        right = _correlation(unwarp(sample.quad), flat)
        slid = sample.quad + (sample.quad[1] - sample.quad[0]) * 0.2
        wrong = _correlation(unwarp(slid), flat)
        label = f"{sample.background}/{sample.document}: {right:.2f} vs {wrong:.2f}"
        assert right > 0.4, label  # the lowest seen is ~0.6, on a cluttered desk
        assert right > wrong + 0.2, label


def test_dataset_mixes_documents_and_numbers_seeds() -> None:
    two = list(dataset(2, seed=3, backgrounds=("bed",)))
    assert [s.document for s in two] == ["a4", "id1"]
    assert [s.seed for s in two] == [3_050_000, 3_050_001]
    assert all(s.background == "bed" for s in two)


@pytest.mark.parametrize("seed", [11, 12])
def test_finder_finds_an_easy_page_on_the_bed(seed: int) -> None:
    sample = make_sample(seed, "bed", "a4", degrade=False)
    found = find_page(sample.frame)
    assert found is not None
    assert jaccard(sample.quad, found.quad, sample.size_mm) > 0.9
