"""The paper formats a scanned page snaps to, and the true shape of the rectangle a quad shows.

A page photographed at a slant is a quadrilateral in the image; its pixel side lengths do not give
the paper's proportions, because the far edge is foreshortened. `measured_aspect` recovers the
real long/short ratio with the method of Zhang and He ("Whiteboard scanning and image
enhancement", Digital Signal Processing 17(2), 2007): the four corners of a rectangle fix the
camera's focal length (taking the principal point at the image centre), and with it the ratio of
the rectangle's sides.

The focal length cannot always be found: when a pair of the quad's sides is (nearly) parallel in
the image, as it is for a camera tilted about one of the page's axes, a plain keystone, it is
unobservable and corner noise decides. There the ratio is computed with a nominal focal length
(0.6 × the image diagonal, a 72° horizontal field of view at 16:9, typical of USB cameras; or the
caller's calibrated `focal_px`). That beats the mean of opposite sides everywhere we measured: on
simulated pinhole views of an A4 page in a 1080p frame, 1 px of corner noise, true focal lengths
1000–2000 px, the 99th-percentile error of the ratio was 0.6–0.7 % (sides: 1.0–1.8 %) for tilts up
to 5°, 1.0–1.3 % (sides 2.6–3.6 %) up to 10° and 1.4–4.2 % (sides 7–9 %) up to 20°. The worst
case is the plain keystone, where everything rests on the nominal lens: at 15° the error is 0.4 %
for a lens near nominal and 2–2.5 % for one a third shorter or longer (sides: 3 %). A fixed kiosk
camera can be calibrated once and its `focal_px` passed in, which makes the ratio exact.
`tests/test_scan_flatten.py` checks a sample of such views.

`hardware.scanner.synthetic` jitters each corner independently, which no camera does: those quads
are not views of a rectangle, and no method recovers their ratio to better than a few per cent.

`snap_format` names the paper by that ratio. A4, A5 and B5 share one ratio (√2, the ISO 216
series), so the ratio alone cannot tell them apart: only the physical size can, and that needs the
camera's scale on the document bed (`px_per_mm`). The kiosk's camera sits at a fixed height, so the
scale is a constant an installer can measure once. Without it, A4 stands for the whole family.

The list is short on purpose; each entry is a paper citizens bring to the counter:

- A4 (210 × 297 mm): forms, certificates, printed confirmations. Vietnamese administrative papers
  are printed on A4.
- B5 (176 × 250 mm) and A5 (148 × 210 mm): certificates and slips smaller than A4 (which papers
  use them was not checked). Same ratio as A4, told apart only with `px_per_mm`.
- ID-1 (85.60 × 53.98 mm, ISO/IEC 7810): the citizen identity card (CCCD), the driving licence, bank
  and health-insurance cards.
- The household book (sổ hộ khẩu), one opened page, taken as 130 × 190 mm. No official size was
  found (Thông tư 36/2014/TT-BCA describes the form, not its dimensions in any source we could
  read): measure a real book before relying on it. Household books lost their legal force on
  1 January 2023 (Luật Cư trú 2020, Article 38(3)), but may still turn up among the papers people
  bring.

Left out: US Letter (8.5 × 11 in; Vietnamese offices print on A4, and a Letter page would simply
fail to snap and keep its measured shape) and A6 (√2 again, indistinguishable without a scale).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from egov.text import QT_TRANSLATE_NOOP
from hardware.scanner.geometry import Quad, area, side_lengths

MM_PER_INCH = 25.4

# Corner noise makes the focal-length estimate meaningless when the quad is nearly a parallelogram:
# with 1 px of noise on a 1080p frame, the relative depth difference along a side (k − 1 below) must
# exceed ~1 % before the estimate beats a nominal focal length (measured on 1,000 random views).
_MIN_DEPTH_STEP = 0.01
# Focal lengths of real cameras, as multiples of the image diagonal: ~0.3 is a 120° wide angle,
# ~3 a mild telephoto. An estimate outside this is noise, not a lens.
_FOCAL_RANGE = (0.3, 3.0)
# The focal length assumed when it cannot be estimated, × the image diagonal (see above).
NOMINAL_FOCAL = 0.6
# A focal-length estimate whose ratio differs from the nominal one's by more than this is taken for
# corners found wrong (the estimate amplifies such errors): on true views the two agree far better.
_MAX_DISAGREEMENT = 0.12
# Two formats whose ratios differ by less than this cannot be told apart by shape alone (A4 vs A5:
# 0.3 %), while the household book (3.3 % from A4) can.
_SAME_SHAPE = 0.015


@dataclass(frozen=True)
class PaperFormat:
    """A paper size, stored portrait (width ≤ height), with its Vietnamese name for the screen."""

    key: str
    name: str
    width_mm: float
    height_mm: float

    def __post_init__(self) -> None:
        if not 0 < self.width_mm <= self.height_mm:
            raise ValueError(f"{self.key}: store formats portrait, with positive sides")

    @property
    def aspect(self) -> float:
        """Long side over short side (≥ 1)."""
        return self.height_mm / self.width_mm

    def size_px(self, dpi: float, *, landscape: bool = False) -> tuple[int, int]:
        """(width, height) in pixels at `dpi`; A4 at 200 dpi is (1654, 2339)."""
        if dpi <= 0:
            raise ValueError(f"dpi must be positive, got {dpi}")
        short = max(1, round(self.width_mm / MM_PER_INCH * dpi))
        long = max(1, round(self.height_mm / MM_PER_INCH * dpi))
        return (long, short) if landscape else (short, long)


A4 = PaperFormat("a4", QT_TRANSLATE_NOOP("Scanner", "Khổ A4"), 210.0, 297.0)
B5 = PaperFormat("b5", QT_TRANSLATE_NOOP("Scanner", "Khổ B5"), 176.0, 250.0)
A5 = PaperFormat("a5", QT_TRANSLATE_NOOP("Scanner", "Khổ A5"), 148.0, 210.0)
ID1 = PaperFormat("id1", QT_TRANSLATE_NOOP("Scanner", "Thẻ (căn cước, giấy phép lái xe)"), 53.98, 85.6)
HOUSEHOLD_BOOK = PaperFormat("household_book", QT_TRANSLATE_NOOP("Scanner", "Trang sổ hộ khẩu"), 130.0, 190.0)

# Order matters: of formats with the same shape, the first listed wins when the scale is unknown.
FORMATS: tuple[PaperFormat, ...] = (A4, B5, A5, ID1, HOUSEHOLD_BOOK)


def format_by_key(key: str) -> PaperFormat:
    """The format called `key` ("a4", "id1" …); KeyError if there is none."""
    for fmt in FORMATS:
        if fmt.key == key:
            return fmt
    raise KeyError(key)


def _checked_quad(quad: Quad) -> np.ndarray:
    q = np.asarray(quad, dtype=np.float64)
    if q.shape != (4, 2) or not np.all(np.isfinite(q)):
        raise ValueError("a quad needs four finite (x, y) corners")
    return q


def _sides_ratio(q: np.ndarray) -> float:
    # Width over height from the mean of opposite sides: only for quads too odd for the camera model.
    top, right, bottom, left = side_lengths(q)
    height = (left + right) / 2
    if height <= 0:
        raise ValueError("the quad has no height")
    return float((top + bottom) / 2 / height)


def _ratio_at(n2: np.ndarray, n3: np.ndarray, focal: float) -> float | None:
    # |A⁻¹·n2| / |A⁻¹·n3| with A the camera matrix (square pixels, centred principal point).
    across = (n2[0] ** 2 + n2[1] ** 2) / (focal * focal) + n2[2] ** 2
    down = (n3[0] ** 2 + n3[1] ** 2) / (focal * focal) + n3[2] ** 2
    if not (across > 0 and down > 0):
        return None
    return math.sqrt(across / down)


def _perspective_ratio(q: np.ndarray, image_size: tuple[int, int], focal_px: float | None) -> float | None:
    """Width over height of the imaged rectangle (Zhang & He), or None if the quad is degenerate."""
    width, height = image_size
    centre = np.array([width / 2.0, height / 2.0])
    # Homogeneous corners about the principal point. The paper numbers the rectangle's corners
    # (0,0), (w,0), (0,h), (w,h), i.e. TL, TR, BL, BR; our quads run TL, TR, BR, BL.
    tl, tr, br, bl = (np.append(p - centre, 1.0) for p in q)
    m1, m2, m3, m4 = tl, tr, bl, br
    d2 = float(np.dot(np.cross(m2, m4), m3))
    d3 = float(np.dot(np.cross(m3, m4), m2))
    if abs(d2) < 1e-12 or abs(d3) < 1e-12:
        return None
    # k2, k3: depth of TR and BL relative to TL (λ2/λ1, λ3/λ1 in the paper).
    k2 = float(np.dot(np.cross(m1, m4), m3)) / d2
    k3 = float(np.dot(np.cross(m1, m4), m2)) / d3
    n2 = k2 * m2 - m1  # ∝ A·r1 (the rectangle's x axis seen through the camera)
    n3 = k3 * m3 - m1  # ∝ A·r2
    diagonal = math.hypot(width, height)
    if focal_px is not None and math.isfinite(focal_px) and focal_px > 0:
        return _ratio_at(n2, n3, focal_px)
    nominal = _ratio_at(n2, n3, NOMINAL_FOCAL * diagonal)
    if min(abs(k2 - 1), abs(k3 - 1)) < _MIN_DEPTH_STEP:
        return nominal
    # r1 ⊥ r2 gives the focal length.
    f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2])
    if not (f2 > 0 and _FOCAL_RANGE[0] * diagonal < math.sqrt(f2) < _FOCAL_RANGE[1] * diagonal):
        return nominal
    estimated = _ratio_at(n2, n3, math.sqrt(f2))
    if estimated is None or nominal is None or abs(math.log(estimated / nominal)) > _MAX_DISAGREEMENT:
        return nominal
    return estimated


def rectangle_ratio(quad: Quad, image_size: tuple[int, int], *, focal_px: float | None = None) -> float:
    """Width over height of the real rectangle the quad images, width being the TL→TR side: above
    1 the page lies landscape as seen, below 1 portrait. `image_size` is (width, height) of the
    image the quad was found in (its centre is taken as the principal point); `focal_px`, the
    camera's calibrated focal length in pixels of that image, if known."""
    q = _checked_quad(quad)
    if image_size[0] <= 0 or image_size[1] <= 0:
        raise ValueError(f"image size must be positive, got {image_size}")
    ratio = _perspective_ratio(q, image_size, focal_px)
    return ratio if ratio is not None else _sides_ratio(q)


def measured_aspect(quad: Quad, image_size: tuple[int, int], *, focal_px: float | None = None) -> float:
    """The long/short ratio (≥ 1) of the rectangle the quad images, corrected for perspective."""
    ratio = rectangle_ratio(quad, image_size, focal_px=focal_px)
    return max(ratio, 1.0 / ratio)


def _same_shape_as_earlier(fmt: PaperFormat) -> bool:
    for other in FORMATS:
        if other is fmt:
            return False
        if abs(math.log(fmt.aspect / other.aspect)) < _SAME_SHAPE:
            return True
    return False


def snap_format(
    quad: Quad,
    image_size: tuple[int, int],
    tolerance: float = 0.06,
    *,
    px_per_mm: float | None = None,
    size_tolerance: float = 0.10,
    focal_px: float | None = None,
) -> PaperFormat | None:
    """The known format the quad shows, or None when none is close enough.

    A format qualifies when its long/short ratio is within `tolerance` (relative) of the measured
    one. Without `px_per_mm`, the closest ratio wins and A4 stands for B5 and A5 (same ratio).
    With `px_per_mm` (the camera's scale on the bed, pixels per millimetre in `image_size`'s
    image), the paper's size is estimated from the quad's area and the closest size among the
    qualifying formats wins, if within `size_tolerance`; a page of a known ratio but an unknown
    size then gives None.
    `focal_px` is passed on to `measured_aspect`.
    """
    aspect = measured_aspect(quad, image_size, focal_px=focal_px)
    fitting = [f for f in FORMATS if abs(aspect / f.aspect - 1) <= tolerance]
    if not fitting:
        return None
    if px_per_mm is None or not math.isfinite(px_per_mm) or px_per_mm <= 0:
        by_shape = [f for f in fitting if not _same_shape_as_earlier(f)]
        return min(by_shape or fitting, key=lambda f: abs(math.log(aspect / f.aspect)))
    # The bed is a plane at a known distance: its scale turns the quad's area into square millimetres.
    # Perspective makes the near half look bigger and the far half smaller; for the small tilts of a
    # document camera the two nearly cancel.
    area_mm2 = area(_checked_quad(quad)) / (px_per_mm * px_per_mm)
    short_mm = math.sqrt(area_mm2 / aspect)
    best = min(fitting, key=lambda f: abs(math.log(short_mm / f.width_mm)))
    return best if abs(short_mm / best.width_mm - 1) <= size_tolerance else None
