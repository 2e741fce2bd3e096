"""Find the page: the four corners of the paper in a camera frame.

Why not the tutorial finder (Canny, largest contour with four corners): it needs the paper to stand
out as one closed blob. On a white desk the blob never closes, on a patterned cloth or a cluttered
desk it merges with whatever touches it, and a hand or a glare spot breaks it (the complaints of
OpenNoteScanner, jscanify and every SDK issue tracker; see ../shared/facts/document-capture.md §1).

What this finder does instead, on a copy ~480 px wide:

1. **Candidates from two independent sources.** (a) Regions: the paper is the bright, unsaturated
   part of the frame; Otsu masks of brightness and of "whiteness" (brightness minus saturation),
   closed to erase the print, give contours whose hulls are cut down to four corners. (b) Lines:
   straight segments on a colour edge map (Hough), merged into long lines; every pair of roughly
   horizontal lines with every pair of roughly vertical ones makes a quad. A page that merges with
   clutter still has four straight sides; a page the edge map cannot close still has a bright body.
2. **One score for every candidate**, measured on the image, not on how it was found: along each
   side, how much of it has an edge across it (gradient perpendicular to the side), and whether the
   two sides of that edge differ (a page edge separates paper from desk; a printed table rule has
   paper on both sides). The weakest side counts most: three real sides and one invented one make
   a wrong quad. Bigger pages win ties, so the page beats the table printed on it.
   With the page model (`pagemask.py`) at hand, a third source and a second opinion: a small
   network's map of where the document is. Quads cut from the map join the candidates, and every
   candidate's score takes in how well it overlaps the map. Edges place the sides; the map says
   which region they must enclose, which edges cannot: a hand shadow's edge or a photo box inside
   the page, another paper's edge beside it, and a page on a white desk that shows no edge at all.
3. **Refit at full resolution.** Each side is re-found in a narrow band of the full frame: the
   strongest edge across ~40 profiles, fitted with a robust (Huber) line; the corners are where the
   four lines meet. Corner error drops from a few pixels of the small copy to a fraction of a pixel.

Everything is plain OpenCV and numpy; the model is a 0.5 MB file in the package, run by OpenCV's
dnn module, and the finder works on edges alone when it is missing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np

from hardware.scanner import pagemask
from hardware.scanner.formats import FORMATS
from hardware.scanner.geometry import Quad, is_convex, order_corners
from hardware.scanner.resample import downscale

WORK_WIDTH = 480  # wide enough for a card a third of the frame high; ~25 ms a frame on one core
MIN_AREA_SHARE = 0.02
MAX_AREA_SHARE = 0.985
MIN_SCORE = 0.30
SAMPLES_PER_SIDE = 28
MAX_LINES = 16
# The proportions of what the kiosk scans (A4, B5, A5, household page, ID-1): a quad far outside
# them is more likely a table or a photo box than a page. Log of long side over short side.
_ASPECT_LOG = (min(np.log(f.aspect) for f in FORMATS), max(np.log(f.aspect) for f in FORMATS))
_ASPECT_SLACK = 0.1  # what perspective does to a side ratio in the benchmark's frames, at most
SHAPE_WEIGHT = 0.2  # a hint, not a rule: a folded form or a receipt has its own shape
REFIT_KEEP = 0.95  # the refit is kept only if the small copy still scores it this well
# The page model's region (pagemask.py): its share of a quad's score, the exponent that makes a
# near miss count little (overlap 0.7 earns half of 0.95's), and where its map is cut to propose
# quads of its own.
REGION_WEIGHT = 0.4
REGION_POWER = 2.0
REGION_LEVELS = (0.35, 0.5, 0.65)
REGION_ACCEPT = 0.85  # a quad overlapping the region this well is a page whatever its edges
REGION_GRID = 10  # samples per side of the grid that measures a quad's overlap with the region
OVERLAP_FIRST = 32  # quads whose overlap is measured before the others are weighed against them
SNAP = 0.04  # of the diagonal: how far from the best quad a better-edged one may take its place


@dataclass(frozen=True, slots=True)
class Detection:
    """The page found in a frame: its corners (TL, TR, BR, BL, in the frame's pixels) and how sure
    the finder is (0–1)."""

    quad: Quad
    score: float


def as_bgr8(frame: np.ndarray | None) -> np.ndarray | None:
    """Any image a camera or file gives (grey, BGRA, 16-bit, float) as 8-bit BGR; None if empty
    or not an image at all."""
    if frame is None or not isinstance(frame, np.ndarray) or frame.size == 0 or frame.ndim not in (2, 3):
        return None
    image = frame
    if image.dtype != np.uint8:
        if image.dtype == np.uint16:
            image = (image >> 8).astype(np.uint8)
        elif np.issubdtype(image.dtype, np.floating):
            finite = np.nan_to_num(image.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0)
            top = float(finite.max()) if finite.size else 0.0
            scale = 255.0 if top <= 1.0 else 1.0
            image = np.clip(finite * scale, 0, 255).astype(np.uint8)
        elif np.issubdtype(image.dtype, np.integer) or image.dtype == np.bool_:
            image = np.clip(image.astype(np.int64), 0, 255).astype(np.uint8)
        else:
            return None
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    channels = image.shape[2]
    if channels == 1:
        return cv2.cvtColor(np.ascontiguousarray(image[:, :, 0]), cv2.COLOR_GRAY2BGR)
    if channels == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if channels == 3:
        return np.ascontiguousarray(image)
    return None


_CLOSE_KERNEL = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
_PLAIN_KERNEL = cv2.getStructuringElement(cv2.MORPH_RECT, (11, 11))


@dataclass(slots=True)
class _Cues:
    """What the small copy tells: colour, grey, the colour gradient (at each pixel the channel with
    the strongest step) of the image as it is and of a copy with the print erased, and how strong
    an edge must be to count on this frame."""

    small: np.ndarray
    grey: np.ndarray
    gx: np.ndarray
    gy: np.ndarray
    clean_gx: np.ndarray
    clean_gy: np.ndarray
    plain: np.ndarray
    plain_gx: np.ndarray
    plain_gy: np.ndarray
    paperness: np.ndarray
    full_credit: float
    width: int
    height: int
    region: np.ndarray | None = None  # the page model's 0–1 map, None without a model
    region_area: float = 0.0  # in pixels of the small copy
    region_scale: tuple[float, float] = (1.0, 1.0)  # pixels of the small copy per pixel of the map


def _colour_gradient(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    gx3 = cv2.Sobel(image, cv2.CV_16S, 1, 0, ksize=3)
    gy3 = cv2.Sobel(image, cv2.CV_16S, 0, 1, ksize=3)
    # Per pixel, the channel with the largest step: brown wood against white paper differs most in
    # blue, a grey desk in all three, a blue household book in red. Picked with masked copies per
    # channel (the first largest wins, as argmax would): numpy's argmax and take_along_axis on the
    # interleaved channels cost four times as much, a tenth of the finder's time.
    xs, ys = cv2.split(gx3), cv2.split(gy3)
    # |gx| + |gy| ≤ 2 × 1020 for a 3×3 Sobel of 8-bit input: no overflow in 16 bits.
    magnitudes = [cv2.add(np.abs(x), np.abs(y)) for x, y in zip(xs, ys, strict=True)]
    gx, gy, strongest = xs[0], ys[0], magnitudes[0]
    for channel in range(1, len(xs)):
        stronger = cv2.compare(magnitudes[channel], strongest, cv2.CMP_GT)
        cv2.copyTo(xs[channel], stronger, gx)
        cv2.copyTo(ys[channel], stronger, gy)
        strongest = cv2.max(strongest, magnitudes[channel])
    return gx, gy


def _cues(small: np.ndarray, use_model: bool = True) -> _Cues:
    blurred = cv2.GaussianBlur(small, (5, 5), 1.0)
    gx, gy = _colour_gradient(blurred)
    # Closing (max then min filter) erases dark print thinner than the kernel, so text, table rules
    # and wood grain stop making line segments, while a page's outline, a convex corner of a
    # bright region, stays where it is. Used to find lines only: it also erases the thin shadow
    # that is often the only trace of a page lying on another paper, which scoring needs.
    clean = cv2.morphologyEx(blurred, cv2.MORPH_CLOSE, _CLOSE_KERNEL)
    clean_gx, clean_gy = _colour_gradient(clean)
    # Opening then closing with a kernel as big as a cloth's checks or a wood's knots removes every
    # small bright and dark thing: a patterned desk turns into flat colour, the page (far bigger
    # than the kernel) stays a bright body with its corners.
    plain = cv2.morphologyEx(
        cv2.morphologyEx(blurred, cv2.MORPH_OPEN, _PLAIN_KERNEL), cv2.MORPH_CLOSE, _PLAIN_KERNEL
    )
    plain_gx, plain_gy = _colour_gradient(plain)
    grey = cv2.cvtColor(blurred, cv2.COLOR_BGR2GRAY)
    height, width = grey.shape
    # Sobel 3×3 on a clean step of 12 grey levels gives ~48: full credit for an edge that strong,
    # less on a quiet frame (a white desk, where the page stands out by a few levels only).
    typical = float(np.median(np.abs(gx[::4, ::4]).astype(np.float32) + np.abs(gy[::4, ::4])))
    full_credit = float(np.clip(4.0 * typical, 16.0, 48.0))
    # The map has 1/40 of the small copy's resolution: at half the small copy's size it loses
    # nothing for cutting quads and measuring overlaps, and costs a quarter.
    region_size = (max(1, width // 2), max(1, height // 2))
    region_scale = (width / region_size[0], height / region_size[1])
    region = pagemask.page_map(small, size=region_size) if use_model else None
    region_area = 0.0 if region is None else float(region.sum()) * region_scale[0] * region_scale[1]
    if region_area < MIN_AREA_SHARE * width * height:
        # The model sees no page: the edges alone decide, as without a model.
        region, region_area = None, 0.0
    return _Cues(
        blurred,
        grey,
        gx,
        gy,
        clean_gx,
        clean_gy,
        plain,
        plain_gx,
        plain_gy,
        # Judged on the pattern-free copy, so that a cloth's white checks do not pass for paper.
        # Its opening greys a printed page somewhat (print spreads before the closing erases it),
        # which still counts as light.
        _paperness(plain),
        full_credit,
        width,
        height,
        region,
        region_area,
        region_scale,
    )


def _paperness(plain: np.ndarray) -> np.ndarray:
    """0–1 per pixel: how much the pattern-free copy looks like paper or a card there:
    light (near the frame's brightest) and not strongly coloured. A phone, a dark folder or a
    green notebook cover is straight-edged too, but is not what the citizen wants scanned."""
    hsv = cv2.cvtColor(plain, cv2.COLOR_BGR2HSV).astype(np.float32)
    bright = max(float(np.percentile(hsv[::4, ::4, 2], 99)), 1.0)
    light = np.clip((hsv[:, :, 2] / bright - 0.35) / 0.3, 0.0, 1.0)
    pale = np.clip((130.0 - hsv[:, :, 1]) / 70.0, 0.0, 1.0)
    return light * pale


# --- candidates from regions -------------------------------------------------------------------


def _quad_from_contour(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    if perimeter <= 0:
        return None
    for share in (0.01, 0.02, 0.03, 0.045, 0.06, 0.08):
        approx = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float64)
        if len(approx) < 4:
            return None
    return None


def _region_candidates(cues: _Cues) -> list[np.ndarray]:
    hsv = cv2.cvtColor(cues.small, cv2.COLOR_BGR2HSV)
    value = hsv[:, :, 2]
    whiteness = cv2.subtract(value, hsv[:, :, 1])
    # A closing wider than a line of print turns the page into one bright body.
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    candidates: list[np.ndarray] = []
    min_area = MIN_AREA_SHARE * cues.width * cues.height
    plain_grey = cv2.cvtColor(cues.plain, cv2.COLOR_BGR2GRAY)
    for channel in (cues.grey, whiteness, plain_grey):
        closed = cv2.morphologyEx(channel, cv2.MORPH_CLOSE, kernel)
        _, mask = cv2.threshold(closed, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        # Opening cuts thin bridges to bright things that touch the page.
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
            if cv2.contourArea(contour) < min_area:
                break
            quad = _quad_from_contour(contour)
            if quad is not None:
                candidates.append(quad)
    return candidates


def _model_candidates(cues: _Cues) -> list[np.ndarray]:
    """Quads cut from the page model's map at a few levels (none without a model)."""
    if cues.region is None:
        return []
    quads = (_quad_from_region(cues.region, level) for level in REGION_LEVELS)
    return [quad * cues.region_scale for quad in quads if quad is not None]


def _quad_from_region(region: np.ndarray, level: float) -> np.ndarray | None:
    """The quad of the model's region cut at `level`. The map is coarse, so the region's corners
    are rounded and a four-vertex polygon would cut them off with chords: instead the outline is
    cut into a finer polygon, its four longest edges are taken as the sides, each fitted to the
    outline points along it, and the corners are where they meet."""
    mask = (region >= level).astype(np.uint8)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    contour = max(contours, key=cv2.contourArea)
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    if perimeter < 20:
        return None
    polygon = cv2.approxPolyDP(hull, 0.01 * perimeter, True).reshape(-1, 2).astype(np.float64)
    if len(polygon) < 4:
        return None
    following = np.roll(polygon, -1, axis=0)
    longest = np.sort(np.argsort(-np.linalg.norm(following - polygon, axis=1))[:4])  # ring order
    points = contour.reshape(-1, 2).astype(np.float64)
    lines = []
    for i in longest:
        a, b = polygon[i], following[i]
        length = float(np.hypot(*(b - a)))
        unit = (b - a) / max(length, 1e-9)
        along = (points - a) @ unit / max(length, 1e-9)
        off = np.abs((points - a) @ np.array([-unit[1], unit[0]]))
        near = points[(along > 0.1) & (along < 0.9) & (off < 2.0)]
        if len(near) < 5:
            near = np.array([a, b])
        vx, vy, x0, y0 = cv2.fitLine(near.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).reshape(4)
        lines.append(np.array([-vy, vx, -vy * x0 + vx * y0], dtype=np.float64))
    corners = [_intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(c is None for c in corners):
        return None
    quad = np.array(corners)
    # Four sides that meet far outside the region (a blob with no four clear sides) are no page.
    x, y, w, h = cv2.boundingRect(contour)
    slack = 0.25 * max(w, h)
    if (
        not is_convex(quad)
        or np.any(quad < (x - slack, y - slack))
        or np.any(quad > (x + w + slack, y + h + slack))
    ):
        return None
    return quad


# --- candidates from lines ---------------------------------------------------------------------


def _segments(
    gx: np.ndarray,
    gy: np.ndarray,
    low: float,
    high: float,
    short: int,
    *,
    least: float = 1 / 8,
) -> np.ndarray:
    """Straight segments (x1, y1, x2, y2) of at least `least` × the frame's short side on the
    Canny edges of a gradient."""
    edges = cv2.Canny(gx, gy, low, high, L2gradient=True)
    found = cv2.HoughLinesP(
        edges,
        1,
        np.pi / 360,
        threshold=max(12, short // 12),
        minLineLength=max(4, int(short * least)),
        maxLineGap=short // 40,
    )
    return np.empty((0, 4)) if found is None else found.reshape(-1, 4).astype(np.float64)


def _merge(seg: np.ndarray) -> np.ndarray:
    """Segments (x1, y1, x2, y2) merged into lines (nx, ny, c, length, t0, t1): nx·x + ny·y = c
    with a unit normal; t0–t1 the span the segments cover along the direction (-ny, nx)."""
    if not len(seg):
        return np.empty((0, 6))
    x1, y1, x2, y2 = seg.T
    length = np.maximum(np.hypot(x2 - x1, y2 - y1), 1e-9)
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    # One orientation per line, so that equal lines have equal parameters.
    flip = (ny < 0) | ((ny == 0) & (nx < 0))
    nx[flip], ny[flip] = -nx[flip], -ny[flip]
    c = nx * x1 + ny * y1
    ta, tb = -ny * x1 + nx * y1, -ny * x2 + nx * y2
    # Longest first, so that each line keeps the direction of its best segment. A segment joins
    # the first line within 3° and 3 px of its midpoint; a line keeps the direction and offset of
    # the segment that started it, so whether segment i would join the line segment j started is
    # known before the walk: one matrix of pairs, and the walk only picks, for each segment, the
    # first earlier one that started a line. (A cloth's checks give hundreds of segments; one
    # numpy step per segment took a third of the finder's time there.)
    order = np.argsort(-length)
    nx, ny, c, length = nx[order], ny[order], c[order], length[order]
    low, high = np.minimum(ta, tb)[order], np.maximum(ta, tb)[order]
    mid_x, mid_y = ((x1 + x2) / 2)[order], ((y1 + y2) / 2)[order]
    count = len(order)
    pairs_i, pairs_j = [], []
    for start in range(0, count, _MERGE_BLOCK):  # rows in blocks: memory stays small
        rows, before = (
            slice(start, min(count, start + _MERGE_BLOCK)),
            slice(0, min(count, start + _MERGE_BLOCK)),
        )
        parallel = np.abs(np.outer(nx[rows], nx[before]) + np.outer(ny[rows], ny[before])) > _SAME_ANGLE
        near = np.abs(np.outer(mid_x[rows], nx[before]) + np.outer(mid_y[rows], ny[before]) - c[before]) < 3.0
        earlier = np.arange(rows.start, rows.stop)[:, None] > np.arange(before.stop)[None, :]
        i, j = np.nonzero(parallel & near & earlier)  # row-major: by segment, then by line age
        pairs_i.append(i + start)
        pairs_j.append(j)
    joins = np.concatenate(pairs_j).tolist()
    bounds = np.searchsorted(np.concatenate(pairs_i), np.arange(count + 1)).tolist()
    line_of, starts_line = list(range(count)), [True] * count
    for i in range(count):
        for k in range(bounds[i], bounds[i + 1]):
            if starts_line[joins[k]]:
                line_of[i], starts_line[i] = joins[k], False
                break
    founders = np.flatnonzero(starts_line)
    row = np.searchsorted(founders, line_of)
    merged = np.zeros((len(founders), 6))
    merged[:, 0], merged[:, 1], merged[:, 2] = nx[founders], ny[founders], c[founders]
    merged[:, 4], merged[:, 5] = np.inf, -np.inf
    np.add.at(merged[:, 3], row, length)
    np.minimum.at(merged[:, 4], row, low)
    np.maximum.at(merged[:, 5], row, high)
    return merged


_MERGE_BLOCK = 512
_SAME_ANGLE = float(np.cos(np.radians(3)))


def _lines(cues: _Cues) -> np.ndarray:
    """The lines most likely to be a page's sides, as rows (nx, ny, c, …): nx·x + ny·y = c.

    Segments come from three edge maps: the print-free copy (exact outlines), the pattern-free
    copy (outlines on a patterned desk; it has no texture left, so it can afford a sensitive edge
    detector), and the image as it is, sensitive too but for long segments only. The last is for a
    page on a white desk, whose outline is often only the thin shadow line along its edge: both
    closings erase exactly that, and text, wood grain and checks rarely run straight for half the
    frame's height. Lines are then ranked by how much the span they were
    seen on looks like a page's side, not by length: a cloth's hundred straight checks and a
    notebook's long edges would otherwise crowd out a page's four sides.
    """
    short = min(cues.width, cues.height)
    high = 2.2 * cues.full_credit
    segments = np.concatenate(
        [
            _segments(cues.clean_gx, cues.clean_gy, 0.4 * high, high, short),
            _segments(cues.plain_gx, cues.plain_gy, 0.15 * high, 0.4 * high, short),
            _segments(cues.gx, cues.gy, 0.15 * high, 0.4 * high, short, least=1 / 2),
        ]
    )
    lines = _merge(segments)
    if len(lines) <= MAX_LINES:
        return lines
    normal = lines[:, 0:2]
    direction = np.stack([-lines[:, 1], lines[:, 0]], axis=1)
    base = normal * lines[:, 2:3]
    start, end = base + direction * lines[:, 4:5], base + direction * lines[:, 5:6]
    side = _score_sides(cues, start, end)
    # Paper on one side of it, at least.
    middle = (start + end) / 2
    unit_normal = normal
    paper = np.zeros(len(lines))
    for offset in (-6.0, 6.0):
        p = middle[:, None, :] + np.linspace(-0.4, 0.4, 9)[None, :, None] * (end - start)[:, None, :]
        p = p + offset * unit_normal[:, None, :]
        px = np.clip(np.rint(p[..., 0]).astype(np.intp), 0, cues.width - 1)
        py = np.clip(np.rint(p[..., 1]).astype(np.intp), 0, cues.height - 1)
        paper = np.maximum(paper, cues.paperness[py, px].mean(axis=1))
    span = np.clip((lines[:, 5] - lines[:, 4]) / (0.25 * short), 0.0, 1.0)
    rank = side * (0.3 + 0.7 * paper) * (0.5 + 0.5 * span)
    return lines[np.argsort(-rank)[:MAX_LINES]]


def _intersect(a: np.ndarray, b: np.ndarray) -> np.ndarray | None:
    det = a[0] * b[1] - a[1] * b[0]
    if abs(det) < 1e-6:
        return None
    return np.array([(a[2] * b[1] - a[1] * b[2]) / det, (a[0] * b[2] - a[2] * b[0]) / det])


def _crossings(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Where each line of `first` meets each line of `second`: (len(first), len(second), 2); NaN
    for parallel lines."""
    a = first[:, None, :]
    b = second[None, :, :]
    det = a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        x = (a[..., 2] * b[..., 1] - a[..., 1] * b[..., 2]) / det
        y = (a[..., 0] * b[..., 2] - a[..., 2] * b[..., 0]) / det
    out = np.stack([x, y], axis=-1)
    out[np.abs(det) < 1e-6] = np.nan
    return out


def _line_quads(cues: _Cues) -> tuple[np.ndarray, np.ndarray]:
    """Every quad made of two roughly horizontal and two roughly vertical lines (N, 4, 2), and
    which of them have four finite corners."""
    lines = _lines(cues)
    across = lines[np.abs(lines[:, 1]) >= np.abs(lines[:, 0])] if len(lines) else lines
    down = lines[np.abs(lines[:, 1]) < np.abs(lines[:, 0])] if len(lines) else lines
    if len(across) < 2 or len(down) < 2:
        return np.empty((0, 4, 2)), np.zeros(0, dtype=bool)
    cross = _crossings(across, down)  # (A, D, 2)
    a_pairs = np.array(list(itertools.combinations(range(len(across)), 2)))
    d_pairs = np.array(list(itertools.combinations(range(len(down)), 2)))
    a1, a2 = a_pairs[:, 0][:, None], a_pairs[:, 1][:, None]
    d1, d2 = d_pairs[:, 0][None, :], d_pairs[:, 1][None, :]
    quads = np.stack([cross[a1, d1], cross[a1, d2], cross[a2, d2], cross[a2, d1]], axis=2).reshape(-1, 4, 2)
    return quads, np.isfinite(quads).all(axis=(1, 2))


# --- scoring -----------------------------------------------------------------------------------


def _areas(quads: np.ndarray) -> np.ndarray:
    x, y = quads[..., 0], quads[..., 1]
    return np.abs((x * np.roll(y, -1, axis=1) - y * np.roll(x, -1, axis=1)).sum(axis=1)) / 2


def _plausible(quads: np.ndarray, width: int, height: int) -> np.ndarray:
    """Which quads (N, 4, 2) could be a page: convex, a sane size, inside the frame, no corner far
    from square (±35° covers a page turned and seen at an angle)."""
    edges = np.roll(quads, -1, axis=1) - quads
    following = np.roll(edges, -1, axis=1)
    cross = edges[..., 0] * following[..., 1] - edges[..., 1] * following[..., 0]
    convex = np.all(cross > 1e-6, axis=1) | np.all(cross < -1e-6, axis=1)
    share = _areas(quads) / (width * height)
    sized = (share >= MIN_AREA_SHARE) & (share <= MAX_AREA_SHARE)
    slack = 0.03 * max(width, height)
    inside = (
        np.all(quads[..., 0] >= -slack, axis=1)
        & np.all(quads[..., 1] >= -slack, axis=1)
        & np.all(quads[..., 0] <= width + slack, axis=1)
        & np.all(quads[..., 1] <= height + slack, axis=1)
    )
    lengths = np.linalg.norm(edges, axis=2) * np.linalg.norm(following, axis=2)
    cosine = -(edges * following).sum(axis=2) / np.maximum(lengths, 1e-9)
    square = np.all(np.abs(cosine) < np.cos(np.radians(55)), axis=1)
    return convex & sized & inside & square


def _order_all(quads: np.ndarray) -> np.ndarray:
    """order_corners for many quads at once: by angle round the centroid, starting from the
    leftmost of the two highest corners."""
    centre = quads.mean(axis=1, keepdims=True)
    angles = np.arctan2(quads[..., 1] - centre[..., 1], quads[..., 0] - centre[..., 0])
    ring = np.take_along_axis(quads, np.argsort(angles, axis=1)[..., None], axis=1)
    rows = np.arange(len(quads))
    top_two = np.argsort(ring[..., 1], axis=1)[:, :2]
    first = np.where(
        ring[rows, top_two[:, 0], 0] <= ring[rows, top_two[:, 1], 0], top_two[:, 0], top_two[:, 1]
    )
    index = (first[:, None] + np.arange(4)[None, :]) % 4
    return np.take_along_axis(ring, index[..., None], axis=1)


def _score_sides(cues: _Cues, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """How much each side (start → end, (M, 2) each) looks like a page edge, 0–1.

    Three things along the side: an edge across it (the gradient's component along the side's
    normal, at the side and a pixel either side, since the small copy is only good to a pixel);
    two different things either side of it (a printed rule has paper on both sides); and on one
    side a smooth strip (the page's blank margin) rather than a pattern cut across.
    """
    t = np.linspace(0.08, 0.92, SAMPLES_PER_SIDE)
    direction = end - start
    length = np.maximum(np.linalg.norm(direction, axis=1, keepdims=True), 1e-9)
    unit = direction / length
    normal = np.stack([-unit[:, 1], unit[:, 0]], axis=1)[:, None, :]  # (M, 1, 2)
    points = start[:, None, :] + t[None, :, None] * direction[:, None, :]  # (M, S, 2)

    def sample(image: np.ndarray, offset: float) -> np.ndarray:
        p = points + offset * normal
        x = np.clip(np.rint(p[..., 0]).astype(np.intp), 0, cues.width - 1)
        y = np.clip(np.rint(p[..., 1]).astype(np.intp), 0, cues.height - 1)
        return image[y, x].astype(np.float32)

    best = np.zeros(points.shape[:2], np.float32)
    for offset in (-1.0, 0.0, 1.0):
        gx, gy = sample(cues.gx, offset), sample(cues.gy, offset)
        across = np.abs(gx * normal[..., 0] + gy * normal[..., 1])
        aligned = across >= 0.85 * np.hypot(gx, gy)
        best = np.maximum(best, np.where(aligned, across, 0.0))
    support = np.clip(best / cues.full_credit, 0.0, 1.0).mean(axis=1)

    left, right = sample(cues.grey, 4.0), sample(cues.grey, -4.0)
    step = np.abs(np.median(left - right, axis=1))
    contrast = np.clip(step / 8.0, 0.0, 1.0)
    # Roughness along each strip: a page margin changes slowly (light, shadow), a cloth's checks
    # or a wood grain cut across jump from sample to sample.
    rough = np.minimum(
        np.median(np.abs(np.diff(left, axis=1)), axis=1), np.median(np.abs(np.diff(right, axis=1)), axis=1)
    )
    smooth = np.clip(1.25 - rough / 16.0, 0.0, 1.0)
    return support * (0.5 + 0.5 * contrast) * smooth


def _score_quads(cues: _Cues, quads: np.ndarray) -> np.ndarray:
    """Score ordered quads (N, 4, 2): how they look from the edges, and with a model, how well
    they overlap its region."""
    edges = _edge_scores(cues, quads)
    if cues.region is None or not len(quads):
        return edges
    # Overlap with the model's region: the share of it the quad covers (mean inside × area)
    # over the union. A strip cut off by a line inside the page, or a quad taking in the
    # neighbouring paper, overlaps less than the page does. Added, not multiplied: on a white
    # desk a page may show no edge at all, and the region alone must be able to find it.
    score = (1.0 - REGION_WEIGHT) * edges
    # Measuring overlap is most of the model's cost in the finder. A quad that would lose even
    # with a perfect overlap is left without it: the best edged few give a score to beat first.
    # The winner is the same as with every overlap measured.
    first = np.argsort(-edges)[:OVERLAP_FIRST]
    score[first] += REGION_WEIGHT * _overlaps(cues, quads[first]) ** REGION_POWER
    rest = np.ones(len(quads), dtype=bool)
    rest[first] = False
    rest &= score + REGION_WEIGHT > score[first].max()
    if np.any(rest):
        score[rest] += REGION_WEIGHT * _overlaps(cues, quads[rest]) ** REGION_POWER
    return score


def _edge_scores(cues: _Cues, quads: np.ndarray) -> np.ndarray:
    """Score ordered quads (N, 4, 2) on the image alone: their sides' scores, the weakest counting
    most, paper inside, size and shape."""
    if not len(quads):
        return np.empty(0)
    sides = _score_sides(cues, quads.reshape(-1, 2), np.roll(quads, -1, axis=1).reshape(-1, 2))
    sides = sides.reshape(-1, 4)
    shares = _areas(quads) / (cues.width * cues.height)
    size = 0.75 + 0.25 * np.sqrt(np.clip(shares / 0.4, 0.0, 1.0))
    # Paper inside: sampled on a grid spanning the quad (bilinear in its corners).
    u = np.linspace(0.1, 0.9, 7)
    uu, vv = np.meshgrid(u, u)
    uu, vv = uu.reshape(1, -1, 1), vv.reshape(1, -1, 1)
    tl, tr, br, bl = (quads[:, i, None, :] for i in range(4))
    grid = (1 - vv) * ((1 - uu) * tl + uu * tr) + vv * ((1 - uu) * bl + uu * br)
    gx = np.clip(np.rint(grid[..., 0]).astype(np.intp), 0, cues.width - 1)
    gy = np.clip(np.rint(grid[..., 1]).astype(np.intp), 0, cues.height - 1)
    paper = cues.paperness[gy, gx].mean(axis=1)
    sides_score = 0.4 * sides.mean(axis=1) + 0.6 * sides.min(axis=1)
    return sides_score * size * (0.3 + 0.7 * paper) * _shape_prior(quads)


def _overlaps(cues: _Cues, quads: np.ndarray) -> np.ndarray:
    """Intersection over union of each quad with the model's region (0 without a model)."""
    if cues.region is None:
        return np.zeros(len(quads))
    areas = _areas(quads)
    inside = _mean_inside(cues.region, quads / cues.region_scale, REGION_GRID) * areas
    union = areas + cues.region_area - inside
    return np.clip(inside / np.maximum(union, 1e-9), 0.0, 1.0)


def _mean_inside(image: np.ndarray, quads: np.ndarray, n: int) -> np.ndarray:
    """The mean of `image` over each quad (N, 4, 2, ordered), sampled at the centres of an n × n
    grid of cells spanning it: the whole quad, borders included, so that a quad a strip too big
    reads a strip of what lies outside the page."""
    u = (np.arange(n) + 0.5) / n
    uu, vv = np.meshgrid(u, u)
    uu, vv = uu.reshape(1, -1, 1), vv.reshape(1, -1, 1)
    tl, tr, br, bl = (quads[:, i, None, :] for i in range(4))
    grid = (1 - vv) * ((1 - uu) * tl + uu * tr) + vv * ((1 - uu) * bl + uu * br)
    height, width = image.shape[:2]
    x = np.clip(np.rint(grid[..., 0]).astype(np.intp), 0, width - 1)
    y = np.clip(np.rint(grid[..., 1]).astype(np.intp), 0, height - 1)
    return image[y, x].mean(axis=1)


def _shape_prior(quads: np.ndarray) -> np.ndarray:
    """1 for quads (N, 4, 2) with the proportions of a known format, down to 1 - SHAPE_WEIGHT for
    far-off ones. The side ratio is taken from the mean of opposite sides, which perspective
    bends a little; the slack covers that."""
    lengths = np.linalg.norm(np.roll(quads, -1, axis=1) - quads, axis=2)
    across = np.maximum(lengths[:, 0] + lengths[:, 2], 1e-9)
    down = np.maximum(lengths[:, 1] + lengths[:, 3], 1e-9)
    ratio = np.abs(np.log(across / down))
    off = np.maximum(0.0, np.maximum(_ASPECT_LOG[0] - ratio, ratio - _ASPECT_LOG[1]))
    return (1.0 - SHAPE_WEIGHT) + SHAPE_WEIGHT * np.exp(-((off / _ASPECT_SLACK) ** 2))


# --- refinement at full resolution -------------------------------------------------------------


def _refit(image: np.ndarray, quad: np.ndarray, band: float) -> np.ndarray | None:
    """Re-find each side of `quad` (full-frame pixels) within ±band pixels on the full frame."""
    height, width = image.shape[:2]
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    offsets = np.arange(-band, band + 1.0, 1.0, dtype=np.float32)
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        direction = b - a
        length = float(np.hypot(*direction))
        if length < 8:
            return None
        unit = direction / length
        normal = np.array([-unit[1], unit[0]])
        count = int(np.clip(length / 6, 12, 80))
        t = np.linspace(0.06, 0.94, count)
        centres = a[None, :] + t[:, None] * direction[None, :]
        px = (centres[:, None, 0] + offsets[None, :] * normal[0]).astype(np.float32)
        py = (centres[:, None, 1] + offsets[None, :] * normal[1]).astype(np.float32)
        profiles = cv2.remap(grey, px, py, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        # A smoothed derivative along each profile: the edge is where it peaks.
        profiles = cv2.GaussianBlur(profiles, (1, 5), 0, sigmaY=0) if profiles.shape[1] >= 5 else profiles
        derivative = np.abs(np.diff(profiles, axis=1))
        peak = np.argmax(derivative, axis=1)
        strength = derivative[np.arange(count), peak]
        # Sub-pixel position from a parabola through the peak and its neighbours.
        left = derivative[np.arange(count), np.clip(peak - 1, 0, derivative.shape[1] - 1)]
        right = derivative[np.arange(count), np.clip(peak + 1, 0, derivative.shape[1] - 1)]
        denom = left - 2 * strength + right
        shift = np.where(np.abs(denom) > 1e-6, 0.5 * (left - right) / np.where(denom == 0, 1, denom), 0.0)
        position = offsets[0] + peak + 0.5 + np.clip(shift, -0.5, 0.5)
        keep = strength >= max(2.0, 0.35 * float(np.median(strength)))
        inside = (position > offsets[0] + 1) & (position < offsets[-1] - 1)
        keep &= inside
        if np.count_nonzero(keep) < max(6, count // 4):
            return None
        points = centres[keep] + position[keep, None] * normal[None, :]
        vx, vy, x0, y0 = cv2.fitLine(points.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).reshape(4)
        nx, ny = -vy, vx
        lines.append(np.array([nx, ny, nx * x0 + ny * y0], dtype=np.float64))
    corners = []
    for i in range(4):
        point = _intersect(lines[i - 1], lines[i])
        if point is None:
            return None
        corners.append(point)
    refined = np.array(corners)
    if not is_convex(refined) or np.max(np.linalg.norm(refined - quad, axis=1)) > 2.5 * band:
        return None
    del width, height
    return refined


def find_page(frame: np.ndarray | None, *, refine: bool = True, use_model: bool = True) -> Detection | None:
    """The page in `frame`, or None when there is none to be sure of. Never raises on odd input.

    `refine=False` skips the full-resolution refit (the corners are then good to a pixel of the
    ~480 px working copy): for previews already small, or when only the outline on screen matters.
    """
    image = as_bgr8(frame)
    if image is None or min(image.shape[:2]) < 16:
        return None
    height, width = image.shape[:2]
    scale = min(1.0, WORK_WIDTH / width)
    small_size = (max(16, round(width * scale)), max(16, round(height * scale)))
    small = downscale(image, small_size) if scale < 1 else image
    cues = _cues(small, use_model)
    line_quads, finite = _line_quads(cues)
    from_edges = [line_quads[finite], np.array(_region_candidates(cues)).reshape(-1, 4, 2)]
    from_model = np.array(_model_candidates(cues)).reshape(-1, 4, 2)
    stack = np.concatenate([*from_edges, from_model])
    if not len(stack):
        return None
    by_model = np.arange(len(stack)) >= len(stack) - len(from_model)
    stack = _order_all(stack)
    keep = _plausible(stack, cues.width, cues.height)
    stack, by_model = stack[keep], by_model[keep]
    if not len(stack):
        return None
    scores = _score_quads(cues, stack)
    best = int(np.argmax(scores))
    if cues.region is not None:
        # The model's map is coarse: it says which page, not where its sides are to the pixel.
        # Among the quads that are all but the winner (every corner within SNAP of it), the one the
        # edges like best places the sides, and one found on the edges beats one cut from the map.
        snap = SNAP * np.linalg.norm(stack[best, 2] - stack[best, 0])
        near = np.max(np.linalg.norm(stack - stack[best], axis=2), axis=1) <= snap
        if np.any(near & ~by_model):
            near &= ~by_model
        near_index = np.flatnonzero(near)
        best = int(near_index[np.argmax(_edge_scores(cues, stack[near_index]))])
    # A quad with weak edges still counts when it is the region the model is sure of: a page on a
    # white desk or a checked cloth may show no clean edge to the camera at all.
    if scores[best] < MIN_SCORE and _overlaps(cues, stack[best : best + 1])[0] < REGION_ACCEPT:
        return None
    sx, sy = width / cues.width, height / cues.height
    quad = stack[best] * (sx, sy)
    if refine and scale < 1:
        # A quad cut from the model's map may be a few pixels of the small copy off: look wider.
        refined = _refit(image, quad, band=max(4.0, (6.0 if by_model[best] else 2.5) * sx))
        # The refit looks at a narrow band only: a pen or another paper's edge in it can pull a
        # side off. The small copy, which sees the whole side, has the last word.
        if refined is not None:
            refined = order_corners(refined)
            if _score_quads(cues, refined[None] / (sx, sy))[0] >= REFIT_KEEP * scores[best]:
                quad = refined
    return Detection(quad=quad, score=float(min(1.0, scores[best])))
