"""Quality gates: is this page worth sending? Each failed gate is one plain sentence on screen.

Two places ask. On the live preview, `assess_frame` says whether there is a page at all, whether it
is whole, large enough, still, and lit well enough to take. After the still is flattened,
`assess_page` measures sharpness on the flat page at a fixed width: a preview frame is too small to
show blur (and its scale changes with the paper's size), while the flat page is what the agency
will read.

Sharpness is the blur measure of Crété-Roffet et al. ("The blur effect: perception and estimation
with a new no-reference perceptual blur metric", SPIE 2007): re-blur the image and see how much of
its neighbour-to-neighbour variation survives. It is a ratio (0 sharp … 1 flat), so it depends far
less on how much ink a page carries than the variance of the Laplacian, whose value moves with
content, noise and scale (see ../shared/facts/document-capture.md §3).
"""

from __future__ import annotations

import enum
from collections import deque
from dataclasses import dataclass, field

import cv2
import numpy as np

from egov.text import QT_TRANSLATE_NOOP
from hardware.scanner.finder import Detection, as_bgr8
from hardware.scanner.geometry import Quad, area, max_corner_shift


class Gate(enum.StrEnum):
    """Why a frame or page is not good enough, in the order the screen should mention them."""

    NO_PAGE = "no_page"
    CUT_OFF = "cut_off"
    TOO_SMALL = "too_small"
    MOVING = "moving"
    TOO_DARK = "too_dark"
    TOO_BRIGHT = "too_bright"
    GLARE = "glare"
    BLURRED = "blurred"


_MESSAGES: dict[Gate, str] = {
    Gate.NO_PAGE: QT_TRANSLATE_NOOP("Scanner", "Chưa thấy giấy. Hãy đặt tờ giấy lên mặt bàn, dưới máy ảnh."),
    Gate.CUT_OFF: QT_TRANSLATE_NOOP(
        "Scanner", "Một phần tờ giấy nằm ngoài khung hình. Hãy đẩy tờ giấy vào giữa mặt bàn."
    ),
    Gate.TOO_SMALL: QT_TRANSLATE_NOOP(
        "Scanner", "Tờ giấy trông quá nhỏ. Hãy đặt tờ giấy vào giữa mặt bàn, dưới máy ảnh."
    ),
    Gate.MOVING: QT_TRANSLATE_NOOP("Scanner", "Hãy để yên tờ giấy và bỏ tay ra một chút."),
    Gate.TOO_DARK: QT_TRANSLATE_NOOP("Scanner", "Ảnh quá tối. Hãy bật đèn hoặc báo cán bộ hướng dẫn."),
    Gate.TOO_BRIGHT: QT_TRANSLATE_NOOP(
        "Scanner", "Ảnh quá sáng. Hãy tránh ánh nắng chiếu thẳng hoặc báo cán bộ hướng dẫn."
    ),
    Gate.GLARE: QT_TRANSLATE_NOOP(
        "Scanner", "Tờ giấy bị lóa sáng. Hãy bỏ lớp bọc nhựa hoặc xoay nhẹ tờ giấy."
    ),
    Gate.BLURRED: QT_TRANSLATE_NOOP("Scanner", "Ảnh bị mờ. Hãy để yên tờ giấy để chụp lại."),
}


def gate_message(gate: Gate) -> str:
    """The Vietnamese sentence for `gate` (translate it with context "Scanner")."""
    return _MESSAGES[gate]


@dataclass(frozen=True, slots=True)
class Quality:
    """The gates a frame or page failed (empty: good), and the figures they were judged on."""

    gates: tuple[Gate, ...] = ()
    measures: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.gates

    @property
    def message(self) -> str:
        """The sentence for the first failed gate, or "" when the page is good."""
        return gate_message(self.gates[0]) if self.gates else ""


# Live frame thresholds. A page whose area is under 3 % of the frame is a stray scrap or a card far
# away; an ID-1 card on the kiosk bed covers ~8 % of a 1080p frame at the synthetic set's smallest.
MIN_AREA_SHARE = 0.03
EDGE_MARGIN_SHARE = 0.004  # corners this close to the frame's edge are likely cut off
# The paper's bright level (90th percentile of luminance inside the page). White paper under the
# kiosk light sits at 170–240; under 80 the text will drown in noise.
DARK_PAPER = 80
# Clipped pixels (any channel ≥ 250) inside the page. When most of the page clips the exposure is
# too high; when a patch clips on a page that is otherwise not clipped, that patch is glare.
CLIP_LEVEL = 250
BRIGHT_SHARE = 0.5
GLARE_SHARE = 0.01

# The flat page is judged at this width: well under what a 1080p camera resolves across A4
# (~165 dpi, ~1360 px over 210 mm), so a sharp camera reads as sharp whatever the output dpi.
BLUR_WIDTH = 1000
# Crété-Roffet blur above which text is too soft to read reliably. The bundled sample photos
# (lens softness σ 0.8, noise) score ~0.6 at native scale; a further Gaussian σ 2 takes them to ~0.84.
BLUR_LIMIT = 0.75
# A page with less ink than this share (pixels well below the paper's level) cannot be judged for
# blur (a blank back side): it passes.
MIN_INK_SHARE = 0.002
INK_DEPTH = 60


def _page_mask(shape: tuple[int, int], quad: Quad) -> np.ndarray:
    mask = np.zeros(shape, np.uint8)
    cv2.fillConvexPoly(mask, np.round(quad).astype(np.int32), 255)
    return mask


def _exposure(bgr: np.ndarray, mask: np.ndarray | None) -> tuple[list[Gate], dict[str, float]]:
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    inside = grey[mask > 0] if mask is not None else grey.reshape(-1)
    if inside.size == 0:
        return [], {}
    paper = float(np.percentile(inside, 90))
    peak = bgr.max(axis=2)
    clipped = peak[mask > 0] if mask is not None else peak.reshape(-1)
    clip_share = float(np.count_nonzero(clipped >= CLIP_LEVEL)) / clipped.size
    gates: list[Gate] = []
    if paper < DARK_PAPER:
        gates.append(Gate.TOO_DARK)
    if clip_share >= BRIGHT_SHARE:
        gates.append(Gate.TOO_BRIGHT)
    elif clip_share >= GLARE_SHARE:
        gates.append(Gate.GLARE)
    return gates, {"paper_level": paper, "clipped_share": clip_share}


def assess_frame(frame: np.ndarray | None, detection: Detection | None) -> Quality:
    """Live checks on a preview frame and the page found in it (quad in the frame's pixels)."""
    image = as_bgr8(frame)
    if image is None or detection is None:
        return Quality((Gate.NO_PAGE,))
    height, width = image.shape[:2]
    quad = np.asarray(detection.quad, dtype=np.float64)
    gates: list[Gate] = []
    share = area(quad) / float(width * height)
    margin = EDGE_MARGIN_SHARE * max(width, height)
    near_edge = bool(
        np.any(quad[:, 0] < margin)
        or np.any(quad[:, 1] < margin)
        or np.any(quad[:, 0] > width - 1 - margin)
        or np.any(quad[:, 1] > height - 1 - margin)
    )
    if near_edge:
        gates.append(Gate.CUT_OFF)
    if share < MIN_AREA_SHARE:
        gates.append(Gate.TOO_SMALL)
    light, measures = _exposure(image, _page_mask((height, width), quad))
    gates.extend(light)
    measures["area_share"] = share
    return Quality(tuple(gates), measures)


def blur_measure(page: np.ndarray) -> float:
    """Blur of a page, 0 (sharp) to 1 (flat), per Crété-Roffet: re-blur with a 9-tap box along
    each axis and measure how much neighbour-to-neighbour variation the re-blur removes."""
    grey = page if page.ndim == 2 else cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    height, width = grey.shape[:2]
    if width > BLUR_WIDTH:
        grey = cv2.resize(grey, (BLUR_WIDTH, max(1, round(height * BLUR_WIDTH / width))), cv2.INTER_AREA)
    f = grey.astype(np.float32)
    scores = []
    for kernel in ((1, 9), (9, 1)):
        blurred = cv2.blur(f, kernel)
        axis = 1 if kernel == (1, 9) else 0
        d_f = np.abs(np.diff(f, axis=axis))
        d_b = np.abs(np.diff(blurred, axis=axis))
        s_f = float(d_f.sum())
        s_v = float(np.maximum(0.0, d_f - d_b).sum())
        scores.append((s_f - s_v) / s_f if s_f > 0 else 1.0)
    return max(scores)


def assess_page(flat: np.ndarray | None) -> Quality:
    """Checks on the flattened page: blur (at a fixed width), glare and exposure."""
    image = as_bgr8(flat)
    if image is None or min(image.shape[:2]) < 8:
        return Quality((Gate.NO_PAGE,))
    gates, measures = _exposure(image, None)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    ink = float(np.count_nonzero(grey < measures.get("paper_level", 255) - INK_DEPTH)) / grey.size
    blur = blur_measure(grey)
    measures["blur"] = blur
    measures["ink_share"] = ink
    if ink >= MIN_INK_SHARE and blur > BLUR_LIMIT:
        gates.append(Gate.BLURRED)
    ordered = tuple(g for g in Gate if g in gates)
    return Quality(ordered, measures)


class Stabilizer:
    """Says when the page has stayed put long enough to take: its corners have not moved more than
    `tolerance` × the frame diagonal for `hold_seconds`.

    Auto-capture waits for this so that a hand still placing the paper never triggers a shot; the
    ~0.5 s default is FairScan's and WeScan's order of magnitude (a few frames at 15–30 fps).
    """

    def __init__(self, hold_seconds: float = 0.5, tolerance: float = 0.015) -> None:
        self.hold_seconds = hold_seconds
        self.tolerance = tolerance
        self._window: deque[tuple[float, Quad]] = deque()
        self._since: float | None = None

    def reset(self) -> None:
        self._window.clear()
        self._since = None

    def update(self, quad: Quad | None, now: float, frame_size: tuple[int, int] | None = None) -> bool:
        """Feed the quad found at time `now` (seconds, monotonic); True when it is steady.

        `frame_size` (width, height) sets the scale of `tolerance`; without it the quad's own
        diagonal is used.
        """
        if quad is None:
            self.reset()
            return False
        q = np.asarray(quad, dtype=np.float64)
        if frame_size is not None:
            diagonal = float(np.hypot(*frame_size))
        else:
            diagonal = float(np.hypot(*(q.max(axis=0) - q.min(axis=0))))
        limit = self.tolerance * max(diagonal, 1.0)
        # Compared with every quad of the last hold_seconds, not only the previous one: a slow
        # slide moves little per frame but far over the window.
        while self._window and now - self._window[0][0] > self.hold_seconds:
            self._window.popleft()
        if self._since is None or any(max_corner_shift(old, q) > limit for _, old in self._window):
            self._since = now
            self._window.clear()
        self._window.append((now, q))
        return now - self._since >= self.hold_seconds
