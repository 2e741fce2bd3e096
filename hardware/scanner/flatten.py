"""Flatten and clean: from a camera still and the page's four corners to the page as a scanner
would give it, flat, upright, on white paper.

`scan_page` runs the steps a capture needs, in this order:

1. `flatten`: a perspective warp of the quad onto a rectangle of the paper's real size at the
   requested resolution (A4 at 200 dpi is 1654 × 2339 px), lying as the page lay.
2. `fix_orientation`: pages put down sideways or upside down are turned upright.
3. `clean`: uneven light is divided out and the paper's colour taken to white, keeping the colour of
   red seals and blue ink (COLOUR), or the same on luminance (GREY), or black and white for
   text-only forms (BW).

Timings and byte counts are in `benchmarks/scan_speed.py`; the facts they rest on are in
../shared/facts/document-capture.md §3 and §6.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from hardware.scanner.formats import A4, ID1, PaperFormat, rectangle_ratio, snap_format
from hardware.scanner.geometry import Quad, is_convex, side_lengths
from hardware.scanner.quality import Quality, assess_page


class ScanError(ValueError):
    """The image or the corners cannot make a page (empty image, crossed or tiny quad …)."""


class ColourMode(enum.StrEnum):
    """How the page is kept: full colour (seals and signatures keep their colour), grey, or black and
    white (text-only forms; smallest files, but a red seal turns into black marks)."""

    COLOUR = "colour"
    GREY = "grey"
    BW = "bw"


@dataclass(frozen=True, slots=True, eq=False)
class ScannedPage:
    """A flattened, upright, cleaned page: BGR for COLOUR, single-channel for GREY and BW."""

    image: np.ndarray
    format: PaperFormat | None  # None: no known format fitted, the page keeps its measured shape
    dpi: int
    rotation: int  # degrees clockwise the flattened page was turned to stand upright: 0/90/180/270
    # The gates judged on the flat page before cleaning: the white point that makes the paper
    # white would read as over-exposure, and dividing out the background would hide glare.
    quality: Quality = field(default_factory=Quality)

    def __repr__(self) -> str:
        # The pixels are a photo of someone's papers: keep them out of logs and tracebacks.
        height, width = self.image.shape[:2]
        key = self.format.key if self.format else "free"
        return f"ScannedPage({width}x{height}, {key}, {self.dpi} dpi, rotated {self.rotation})"


# ---- input checks ------------------------------------------------------------------------------


def _image(image: np.ndarray, what: str) -> np.ndarray:
    """`image` as 8-bit grey or BGR, or ScanError: never a cv2 traceback for odd input."""
    if not isinstance(image, np.ndarray) or image.size == 0:
        raise ScanError(f"{what}: expected an image, got nothing")
    if image.dtype != np.uint8:
        raise ScanError(f"{what}: expected 8-bit pixels, got {image.dtype}")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if not (image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 3)):
        raise ScanError(f"{what}: expected a grey or BGR image, got shape {image.shape}")
    return image


MIN_SIDE_PX = 8  # below this a quad holds no readable page, whatever it is


def _quad(quad: Quad) -> np.ndarray:
    q = np.asarray(quad, dtype=np.float64)
    if q.shape != (4, 2) or not np.all(np.isfinite(q)):
        raise ScanError("the page corners must be four finite (x, y) points")
    if not is_convex(q):
        raise ScanError("the page corners do not make a convex quadrilateral (TL, TR, BR, BL)")
    if float(side_lengths(q).min()) < MIN_SIDE_PX:
        raise ScanError(f"the page is too small to flatten (a side under {MIN_SIDE_PX} px)")
    return q


# ---- flatten -----------------------------------------------------------------------------------

# Linear, not cubic: flattening an A4 page to 200 dpi from a 1080p (4K) still, cubic took 83 (94) ms
# against 34 (41) ms on one core and came 0.6 (0.9) dB PSNR closer to the true page
# (benchmarks/scan_speed.py): a difference the eye cannot see, since a still that holds ~165 dpi
# is interpolated either way, against half of the 150 ms the whole flatten and clean may take.
WARP_INTERPOLATION = cv2.INTER_LINEAR
# Shrinking by more than this in one warp skips source pixels (bilinear reads 2 × 2 of them);
# shrink the still with INTER_AREA first so every pixel counts, as a scanner's optics would.
_MAX_WARP_SHRINK = 1.5


def _output_size(
    q: np.ndarray, image_size: tuple[int, int], dpi: int, fmt: PaperFormat | None
) -> tuple[int, int]:
    ratio = rectangle_ratio(q, image_size)  # width / height of the real page as it lies
    landscape = ratio > 1.0
    if fmt is not None:
        return fmt.size_px(dpi, landscape=landscape)
    # No format: the page keeps its measured shape at the resolution the still holds (its longest
    # side in pixels), never more than an A4 page at `dpi`: upscaling adds bytes, not detail.
    aspect = max(ratio, 1.0 / ratio)
    long_px = min(float(side_lengths(q).max()), max(A4.size_px(dpi)))
    long_side = max(1, round(long_px))
    short_side = max(1, round(long_px / aspect))
    return (long_side, short_side) if landscape else (short_side, long_side)


def flatten(
    image_bgr: np.ndarray,
    quad: Quad,
    *,
    dpi: int = 200,
    fmt: PaperFormat | None = None,
    image_size: tuple[int, int] | None = None,
) -> np.ndarray:
    """The page inside `quad` (TL, TR, BR, BL in `image_bgr`'s pixels) warped flat.

    With `fmt`, the page is that format's size at `dpi`, landscape if the quad's real rectangle is
    wider than tall (an ID card lying flat gives 674 × 425 px at 200 dpi). Without, it keeps its
    measured proportions at the still's own resolution, capped at A4 at `dpi`. `image_size` is the
    (width, height) of the camera image the quad was found in, whose centre is taken as the
    principal point for the perspective correction; by default `image_bgr`'s own size.
    Grey input gives grey output. Raises ScanError for an unusable image or quad.
    """
    image = _image(image_bgr, "flatten")
    q = _quad(quad)
    if not 50 <= dpi <= 1200:
        raise ScanError(f"dpi must be between 50 and 1200, got {dpi}")
    height, width = image.shape[:2]
    size = image_size or (width, height)
    out_w, out_h = _output_size(q, size, dpi, fmt)

    # Work only on the part of the still under the page, with a margin for the interpolation.
    x0 = max(0, math.floor(q[:, 0].min()) - 2)
    y0 = max(0, math.floor(q[:, 1].min()) - 2)
    x1 = min(width, math.ceil(q[:, 0].max()) + 3)
    y1 = min(height, math.ceil(q[:, 1].max()) + 3)
    if x1 - x0 < 2 or y1 - y0 < 2:
        raise ScanError("the page corners lie outside the image")
    source = image[y0:y1, x0:x1]
    local = q - (x0, y0)
    shrink = float(side_lengths(local).max()) / max(out_w, out_h)
    if shrink > _MAX_WARP_SHRINK:
        old_h, old_w = source.shape[:2]
        new_size = (max(2, round(old_w / shrink)), max(2, round(old_h / shrink)))
        source = cv2.resize(source, new_size, interpolation=cv2.INTER_AREA)
        # Pixel centres sit at integer coordinates: scaling by s maps x to (x + 0.5) · s − 0.5.
        local = (local + 0.5) * (new_size[0] / old_w, new_size[1] / old_h) - 0.5

    # The quad's corners are the paper's outer edges, which in the output are the outer edges of
    # the corner pixels: (−0.5, −0.5) … (w − 0.5, h − 0.5) with pixel centres on integers.
    target = np.array(
        [[-0.5, -0.5], [out_w - 0.5, -0.5], [out_w - 0.5, out_h - 0.5], [-0.5, out_h - 0.5]],
        dtype=np.float32,
    )
    matrix = cv2.getPerspectiveTransform(local.astype(np.float32), target)
    return cv2.warpPerspective(
        source,
        matrix,
        (out_w, out_h),
        flags=WARP_INTERPOLATION,
        # Corners a little outside the still (a page at the frame's edge) repeat the edge pixels
        # rather than paint black bars, which the cleaner would take for ink.
        borderMode=cv2.BORDER_REPLICATE,
    )


# ---- clean -------------------------------------------------------------------------------------

# The paper's brightness is estimated on a copy this many times smaller: 32 ms instead of 721 ms at
# full size for 3.8 grey levels' difference (facts §3).
_BACKGROUND_SCALE = 8
# Closing (max then min filter) erases dark marks narrower than this, in pixels of the small copy:
# 15 px × 8 = 120 px, 15 mm at 200 dpi, wider than a line of print and the rings and star of a seal,
# so none of them is mistaken for shading.
_BACKGROUND_KERNEL = 15
# Large dark areas (a photo, a filled box) pass the closing and look like shadow. Shadow never
# darkens paper to under 40 % of its lit brightness on the bed; capping the gain at 1 / 0.4 keeps
# such areas dark instead of washing them out.
_MIN_BACKGROUND_SHARE = 0.4
# Nor is any gain above 255 / 48 ≈ 5: a frame with no page in the light (a black bed) would turn its
# sensor noise into a white sheet.
_MIN_BACKGROUND_LEVEL = 48
# The white point, after division: levels 40 → 0 and 225 → 255 (the "magic colour" of phone
# scanning apps). Paper noise clips to white, which also makes JPEGs smaller (facts §4); faint blue
# ballpoint and a thin red seal keep their colour (checked on the sample pages in the tests).
BLACK_LEVEL = 40
WHITE_LEVEL = 225
# Sauvola's threshold T = m · (1 + k · (s / R − 1)) (Sauvola & Pietikäinen, Pattern Recognition 33,
# 2000), with the usual R = 128 for 8-bit images and k = 0.2 on a background already flattened by
# division; the window spans about two lines of print at 200 dpi.
_SAUVOLA_WINDOW = 41
_SAUVOLA_K = 0.2
_SAUVOLA_R = 128.0


def _levels_table() -> np.ndarray:
    levels = np.arange(256, dtype=np.float32)
    stretched = (levels - BLACK_LEVEL) * 255.0 / (WHITE_LEVEL - BLACK_LEVEL)
    return np.clip(np.rint(stretched), 0, 255).astype(np.uint8)


_LEVELS = _levels_table()


def _background(image: np.ndarray) -> np.ndarray:
    """The paper's brightness under the light, per channel, at full size (uint8, never zero)."""
    height, width = image.shape[:2]
    small_w = max(1, round(width / _BACKGROUND_SCALE))
    small_h = max(1, round(height / _BACKGROUND_SCALE))
    small = cv2.resize(image, (small_w, small_h), interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (_BACKGROUND_KERNEL, _BACKGROUND_KERNEL))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel, borderType=cv2.BORDER_REPLICATE)
    paper = cv2.GaussianBlur(paper, (0, 0), _BACKGROUND_KERNEL / 3, borderType=cv2.BORDER_REPLICATE)
    # The lit paper's level per channel: a high percentile, so that dark areas do not drag it down.
    flat = paper.reshape(-1, paper.shape[2] if paper.ndim == 3 else 1)
    lit = np.percentile(flat, 95, axis=0)
    floor = np.maximum(np.ceil(lit * _MIN_BACKGROUND_SHARE), _MIN_BACKGROUND_LEVEL).astype(np.uint8)
    paper = np.maximum(paper, floor.reshape((1, 1, -1)) if paper.ndim == 3 else floor[0])
    return cv2.resize(paper, (width, height), interpolation=cv2.INTER_LINEAR)


def _normalise(image: np.ndarray) -> np.ndarray:
    """Divide out the light and apply the white point: paper → 255, ink keeps its colour."""
    divided = cv2.divide(image, _background(image), scale=255.0)
    return cv2.LUT(divided, _LEVELS)


def sauvola(grey: np.ndarray, window: int = _SAUVOLA_WINDOW, k: float = _SAUVOLA_K) -> np.ndarray:
    """Black and white by Sauvola's local threshold: 0 ink, 255 paper. The local mean and deviation
    come from box filters (integral images inside OpenCV), so the cost does not grow with `window`."""
    image = _image(grey, "sauvola")
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    window = max(3, window | 1)
    values = image.astype(np.float32)
    box = (window, window)
    mean = cv2.boxFilter(values, cv2.CV_32F, box, borderType=cv2.BORDER_REPLICATE)
    mean_sq = cv2.sqrBoxFilter(values, cv2.CV_32F, box, borderType=cv2.BORDER_REPLICATE)
    # cv2 arithmetic in place of numpy's: the same sums with fewer full-page temporaries.
    variance = cv2.max(cv2.subtract(mean_sq, cv2.multiply(mean, mean)), 0.0)
    deviation = cv2.sqrt(variance)
    threshold = cv2.multiply(mean, cv2.add(deviation * (k / _SAUVOLA_R), 1.0 - k))
    return cv2.compare(values, threshold, cv2.CMP_GT)


def clean(
    page_bgr: np.ndarray, mode: ColourMode = ColourMode.COLOUR, *, even_light: bool = True
) -> np.ndarray:
    """The page with the light made even and the paper white.

    COLOUR returns 3-channel BGR (each channel divided by the paper's own colour, which also
    removes a warm or cool cast); GREY returns one channel, the same on luminance; BW returns one
    channel of 0 and 255, by Sauvola's threshold on the levelled luminance: for text-only forms,
    never for papers with seals or signatures in colour.

    `even_light=False` keeps the tones as photographed (COLOUR unchanged, GREY plain luminance):
    for cards, whose tinted security print and photo the division and white point would bleach,
    since on a card the "paper" the background estimate finds is the photo's light backdrop too.
    """
    image = _image(page_bgr, "clean")
    mode = ColourMode(mode)
    level = _normalise if even_light else (lambda unchanged: unchanged)
    if mode is ColourMode.COLOUR:
        if image.ndim == 2:
            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        return level(image)
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    levelled = level(grey)
    if mode is ColourMode.GREY:
        return levelled
    return sauvola(levelled)


# ---- orientation -------------------------------------------------------------------------------

# Orientation is judged on a copy whose long side is at most this (an A4 page at ~100 dpi): a
# 10-point line is still ~14 px tall, larger copies decided no better on the test pages, and the
# whole judgement takes ~25 ms on one core.
_ORIENT_LONG_SIDE = 1200
# Too little ink to judge (a blank page, a photo): leave the page as it is.
_MIN_INK_SHARE = 0.003
# Text lines across the page make the row profile of ink jagged and the column profile smooth; on
# the sample pages the ratio of the two sharpness scores is 7–12 for upright text and its inverse
# for text on its side. Below this factor in either direction there is no clear line direction.
_LINE_DIRECTION_FACTOR = 2.0
# Components smaller than this (px at the judging scale) are specks: dots of leaders, noise.
_MIN_GLYPH_AREA = 4
# A line votes upright (or upside down) when one side of its x-height band holds this many times
# the ink of the other.
_VOTE_MARGIN = 1.5
# A page is turned over only when this share of the voting lines, and at least this many, agree.
# On 80 test pages (sample-page lines in random order, flattened from 1080p and 4K frames) the
# share of upright votes was 0.69–0.75 at the lowest and ~0.92 typically.
_FLIP_SHARE = 0.65
_MIN_VOTES = 5
# Share of each side left out of the judgement, at the page's edges.
_RIM_SHARE = 0.03


def _ink(page: np.ndarray) -> np.ndarray:
    grey = page if page.ndim == 2 else cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    scale = min(1.0, _ORIENT_LONG_SIDE / max(grey.shape))
    if scale < 1.0:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    # A local threshold, so that shading on a page not yet cleaned does not read as ink.
    ink = cv2.adaptiveThreshold(grey, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    # The outer rim may hold a sliver of desk where the corners were found a pixel or two out: a
    # dark line the whole length of the page, which would pass for a line of text.
    rim_y, rim_x = (max(1, round(n * _RIM_SHARE)) for n in ink.shape)
    return ink[rim_y:-rim_y, rim_x:-rim_x]


def _profile_sharpness(profile: np.ndarray) -> float:
    values = profile.astype(np.float64)
    mean = float(values.mean())
    if mean <= 0:
        return 0.0
    return float(np.mean(np.diff(values) ** 2)) / (mean * mean)


def _line_bands(rows: np.ndarray) -> list[tuple[int, int]]:
    """Runs of rows that hold ink (`rows`: ink per row): the text lines of a page."""
    # A few pixels per row are specks, ruled verticals or the edge of a seal, not a line of text.
    inked = (rows > max(2.0, 0.04 * float(np.percentile(rows, 95)))).astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], inked, [0]))))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True))


def _line_votes(ink: np.ndarray) -> tuple[int, int]:
    """How many text lines look upright, and how many upside down.

    In each line, the rows where the ink is densest are the x-height band (the bodies of a, e, n,
    o …). Latin print has more ink above that band than below it: ascenders (b d h k l t), capitals
    and digits rise above, only g p q y hang below. Vietnamese adds tone marks and hats above and
    only the dot of the nặng tone below, which helps. A line votes when one side holds at least 1.5×
    the ink of the other. Specks (dotted leaders, noise) and anything much taller than a letter
    (a seal, a ruled box) are left out first: leaders sit under the baseline and would vote down.
    """
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return 0, 0
    area, height = stats[1:, cv2.CC_STAT_AREA], stats[1:, cv2.CC_STAT_HEIGHT]
    sized = area >= _MIN_GLYPH_AREA
    if not sized.any():
        return 0, 0
    letter = float(np.median(height[sized]))
    keep = sized & (height <= 3.0 * letter)
    text = np.concatenate(([0], keep.astype(np.uint8)))[labels]
    rows = text.sum(axis=1).astype(np.float64)
    upright = upside_down = 0
    for start, stop in _line_bands(rows):
        band = rows[start:stop]
        if stop - start < 4:
            continue
        body = np.flatnonzero(band >= 0.5 * band.max())
        above, below = float(band[: body[0]].sum()), float(band[body[-1] + 1 :].sum())
        if above > _VOTE_MARGIN * below:
            upright += 1
        elif below > _VOTE_MARGIN * above:
            upside_down += 1
    return upright, upside_down


def _rotate(page: np.ndarray, clockwise: int) -> np.ndarray:
    turns = {0: None, 90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    code = turns[clockwise % 360]
    return page if code is None else cv2.rotate(page, code)


def fix_orientation(page: np.ndarray) -> tuple[np.ndarray, int]:
    """The page turned upright, and the clockwise rotation applied (0, 90, 180 or 270 degrees).

    Two questions, two cues:

    - Do the lines run across or down? The ink's row profile is sharp (lines and gaps alternate)
      when lines run across, the column profile when they run down. This is reliable on any page
      with a few lines of text.
    - Which way is up? Each text line votes by where its ink lies around the x-height band
      (`_line_votes`). On the test pages at least 69 % of the lines voted the right way, typically
      92 %. A page whose lines already run across is turned over only when 65 % of at least five
      voting lines say it is upside down: people mostly lay papers the right way up, and turning a
      good page over is the worse mistake. A page on its side must be turned one way or the other,
      so there the majority decides (ties: a quarter turn clockwise).

    This is a heuristic tried on our rendered pages (DejaVu Sans, Vietnamese forms), not on real
    paper; pages with little text (a card, a photo, a blank page) come back as they are, rotation 0.
    """
    image = _image(page, "fix_orientation")
    ink = _ink(image)
    if ink.size == 0 or ink.mean() < _MIN_INK_SHARE:
        return image, 0
    across = _profile_sharpness(ink.sum(axis=1))
    down = _profile_sharpness(ink.sum(axis=0))
    if across >= down * _LINE_DIRECTION_FACTOR:
        upright, upside_down = _line_votes(ink)
        votes = upright + upside_down
        if votes >= _MIN_VOTES and upside_down >= _FLIP_SHARE * votes:
            return _rotate(image, 180), 180
        return image, 0
    if down >= across * _LINE_DIRECTION_FACTOR:
        # Lines run down: turn a quarter clockwise, then see which way up the letters stand.
        upright, upside_down = _line_votes(cv2.rotate(ink, cv2.ROTATE_90_CLOCKWISE))
        clockwise = 270 if upside_down > upright else 90
        return _rotate(image, clockwise), clockwise
    return image, 0


# ---- all in one --------------------------------------------------------------------------------


def scan_page(
    still_bgr: np.ndarray,
    quad: Quad,
    *,
    dpi: int = 200,
    mode: ColourMode = ColourMode.COLOUR,
    fmt: PaperFormat | None = None,
    px_per_mm: float | None = None,
) -> ScannedPage:
    """The page in a camera still, flattened, turned upright and cleaned.

    Without `fmt`, the format is snapped from the quad's shape (`snap_format`, with `px_per_mm`
    when the camera's scale on the bed is known); a page of no known shape keeps its measured
    proportions. Quality and orientation are judged before cleaning, on the flattened page. Cards
    (ID-1) keep their tones: see `clean`'s `even_light`.
    """
    image = _image(still_bgr, "scan_page")
    q = _quad(quad)
    height, width = image.shape[:2]
    chosen = fmt or snap_format(q, (width, height), px_per_mm=px_per_mm)
    flat = flatten(image, q, dpi=dpi, fmt=chosen)
    quality = assess_page(flat)
    upright, rotation = fix_orientation(flat)
    cleaned = clean(upright, mode, even_light=chosen is not ID1)
    return ScannedPage(image=cleaned, format=chosen, dpi=dpi, rotation=rotation, quality=quality)
