"""Synthetic camera frames of Vietnamese papers on desks, with exact corners: the finder's test set.

No public set of annotated photos shows Vietnamese papers (SmartDoc 2015 films 30 English-language
A4 pages on 5 backgrounds), and real annotated kiosk frames do not exist yet, so this module draws
them: a flat document (an A4 paper from `hardware.samples.make_samples`, an A5 receipt slip, an
ID-1 card, a household-book page), laid by a random homography on a desk (dark wood, grey, white,
cluttered, checked cloth, the kiosk's dark bed), with a soft shadow, then degraded the way a camera
degrades it (uneven light, a hand's shadow, glare, blur, noise, JPEG). Because the program placed
the page, the ground-truth quad is exact, which hand annotation never is.

Everything is a pure function of the seed (numpy Generators; OpenCV's noise generator is reseeded
from them just before use), so a failing frame can be redrawn from its seed alone. Rendered
documents and desk textures are cached, so a 1920×1080 frame costs 0.1–0.2 s on one core.

The SmartDoc 2015 Challenge 1 accuracy metric is here too: `jaccard` maps the found quad into the
document's own frame (0.1 mm a pixel) through the homography that flattens the true quad, and takes
the intersection over union with the document's rectangle; `corner_error_mm` is the worst corner's
distance in that frame. Measuring on the document makes scores comparable across zoom levels: a
1 mm miss costs the same whether a card fills the frame or a page lies far off.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
import qrcode
import qrcode.constants
from PIL import Image, ImageDraw, ImageFont

from hardware.raster import find_font
from hardware.samples.make_samples import PAPERS, Line, Paper, draw_page, stamp
from hardware.scanner.geometry import Quad, is_convex

BACKGROUNDS: tuple[str, ...] = ("wood", "grey", "white", "clutter", "cloth", "bed")
DOCUMENTS: tuple[str, ...] = ("a4", "a5", "id1", "household")

# Real sizes (width, height) in mm. ID-1 is ISO/IEC 7810's 85.60 × 53.98 mm, landscape as the card
# is read; the household book page is the old sổ hộ khẩu's roughly 13 × 19 cm.
SIZE_MM: dict[str, tuple[float, float]] = {
    "a4": (210.0, 297.0),
    "a5": (148.0, 210.0),
    "id1": (85.6, 53.98),
    "household": (130.0, 190.0),
}
CARD_CORNER_MM = 3.18  # ISO/IEC 7810 corner radius: the card's corners are round, the quad's are not

# The dataset's document mix, repeated along each background: half A4 (most papers the kiosk sees
# are A4 forms and certificates), the rest shared by the card, the A5 slip and the household book.
_MIX = ("a4", "id1", "a4", "a5", "a4", "household", "a4", "id1", "a4", "a5", "a4", "household")

_TEXTURE_VARIANTS = 2  # cached desk textures per background; each frame crops and flips one
_TEXTURE_MARGIN = 16  # textures are 1/16 larger than the frame on each side, for the random crop

INK = (20, 20, 20)
PEN = (25, 45, 150)


@dataclass(frozen=True, eq=False)
class Sample:
    """One synthetic camera frame and its truth.

    `quad` is the document's own TL, TR, BR, BL corners in frame pixels (pixel centres at integer
    coordinates, so a corner at (0, 0) lies on the first pixel's centre); `size_mm` is the
    document's (width, height). `make_sample(seed, background, document)` redraws it exactly.
    """

    frame: np.ndarray
    quad: Quad
    size_mm: tuple[float, float]
    background: str
    document: str
    seed: int


# ---- metric -------------------------------------------------------------------------------------


def _homography(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """The 3×3 homography taking four points onto four others, solved in float64.

    cv2.getPerspectiveTransform takes float32 points, whose rounding alone moves a JI in its
    sixth decimal; the metric should not.
    """
    a = np.zeros((8, 8))
    b = np.zeros(8)
    for i, ((x, y), (u, v)) in enumerate(zip(np.asarray(src, float), np.asarray(dst, float), strict=True)):
        a[2 * i] = (x, y, 1, 0, 0, 0, -u * x, -u * y)
        a[2 * i + 1] = (0, 0, 0, x, y, 1, -v * x, -v * y)
        b[2 * i], b[2 * i + 1] = u, v
    try:
        h = np.linalg.solve(a, b)
    except np.linalg.LinAlgError as error:
        raise ValueError("degenerate quad: three corners on a line") from error
    return np.append(h, 1.0).reshape(3, 3)


def _reference(size_mm: tuple[float, float]) -> np.ndarray:
    # SmartDoc's reference frame: the document's rectangle at 10 px per mm (A4: 2100 × 2970).
    w, h = size_mm[0] * 10.0, size_mm[1] * 10.0
    return np.array([(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)])


def _to_document(truth: Quad, points: np.ndarray, size_mm: tuple[float, float]) -> np.ndarray | None:
    """`points` (frame pixels) in the reference frame of the document whose true corners are
    `truth`; None when a point lies on or beyond the homography's horizon (maps to infinity)."""
    truth = np.asarray(truth, dtype=np.float64).reshape(4, 2)
    matrix = _homography(truth, _reference(size_mm))
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    mapped = np.c_[pts, np.ones(len(pts))] @ matrix.T
    # The homogeneous w has one sign all over the document's side of the horizon line (the image of
    # the plane's line at infinity); a point where it is zero or flipped is on the horizon or past it.
    side = np.sign(np.c_[truth, np.ones(4)] @ matrix[2])
    if np.any(mapped[:, 2] * side[0] <= 1e-12):
        return None
    return mapped[:, :2] / mapped[:, 2:]


def _shoelace(poly: np.ndarray) -> float:
    if len(poly) < 3:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def _clip(poly: np.ndarray, axis: int, bound: float, keep_above: bool) -> np.ndarray:
    """Sutherland–Hodgman against one axis-aligned half-plane; any vertex order works."""
    if len(poly) == 0:
        return poly
    out: list[np.ndarray] = []
    for i in range(len(poly)):
        cur, nxt = poly[i], poly[(i + 1) % len(poly)]
        cur_in = cur[axis] >= bound if keep_above else cur[axis] <= bound
        nxt_in = nxt[axis] >= bound if keep_above else nxt[axis] <= bound
        if cur_in:
            out.append(cur)
        if cur_in != nxt_in:
            t = (bound - cur[axis]) / (nxt[axis] - cur[axis])
            out.append(cur + t * (nxt - cur))
    return np.array(out).reshape(-1, 2)


def jaccard(truth: Quad, found: Quad | None, size_mm: tuple[float, float]) -> float:
    """SmartDoc 2015 Challenge 1's Jaccard index of a found quad against the truth.

    Both quads go into the document's reference frame (the homography that maps `truth` onto the
    size_mm × 10 rectangle); the score is the intersection over union there. A missing, non-convex
    or self-crossing quad scores 0, as a rejected frame does in SmartDoc. The corner order of
    `found` does not matter (the polygon is the same whichever corner comes first).
    """
    if found is None:
        return 0.0
    quad = np.asarray(found, dtype=np.float64)
    if quad.shape != (4, 2) or not is_convex(quad):
        return 0.0
    mapped = _to_document(truth, quad, size_mm)
    if mapped is None:
        return 0.0  # the found quad reaches past the horizon: its mapped area is unbounded
    width, height = size_mm[0] * 10.0, size_mm[1] * 10.0
    inside = mapped
    for axis, bound, above in ((0, 0.0, True), (0, width, False), (1, 0.0, True), (1, height, False)):
        inside = _clip(inside, axis, bound, above)
    intersection = _shoelace(inside)
    union = width * height + _shoelace(mapped) - intersection
    return float(intersection / union) if union > 0 else 0.0


def corner_error_mm(truth: Quad, found: Quad | None, size_mm: tuple[float, float]) -> float:
    """The worst corner's distance from its true place, in mm on the document (inf if None).

    Corners are paired by the cyclic shift (either direction round the quad) that pairs them
    best, so a quad that starts at another corner is judged on its geometry, as `jaccard` is.
    """
    if found is None:
        return math.inf
    quad = np.asarray(found, dtype=np.float64)
    if quad.shape != (4, 2) or not np.all(np.isfinite(quad)):
        return math.inf
    mapped = _to_document(truth, quad, size_mm)
    if mapped is None:
        return math.inf
    reference = _reference(size_mm)
    best = math.inf
    for ring in (mapped, mapped[::-1]):
        for shift in range(4):
            worst = float(np.max(np.linalg.norm(np.roll(ring, -shift, axis=0) - reference, axis=1)))
            best = min(best, worst)
    return best / 10.0


# ---- fonts and small drawing helpers ----------------------------------------------------------


@lru_cache(maxsize=128)
def _font(size: int, style: str = "regular") -> ImageFont.FreeTypeFont:
    path = find_font(style == "bold")
    if style == "oblique":
        # The oblique face stands in for handwriting at camera resolution, as in make_samples.
        oblique = path.with_name("DejaVuSans-Oblique.ttf")
        path = oblique if oblique.is_file() else path
    return ImageFont.truetype(str(path), max(6, size))


def _text(
    draw: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    size: float,
    *,
    style: str = "regular",
    fill: tuple[int, int, int] = INK,
    anchor: str = "la",
    max_width: float | None = None,
) -> None:
    """Draw text, shrinking the font until it fits `max_width` (PIL never wraps nor clips)."""
    px = round(size)
    font = _font(px, style)
    while max_width is not None and px > 6 and draw.textlength(text, font=font) > max_width:
        px -= 1
        font = _font(px, style)
    draw.text(xy, text, font=font, fill=fill, anchor=anchor)


def _smooth_noise(rng: np.random.Generator, h: int, w: int, cell_y: float, cell_x: float) -> np.ndarray:
    """Unit-ish smooth random field: normal noise on a coarse grid, upscaled with cubic
    interpolation. Different cells along x and y give streaks (wood grain, fibres)."""
    rows, cols = max(2, round(h / cell_y) + 2), max(2, round(w / cell_x) + 2)
    coarse = rng.standard_normal((rows, cols)).astype(np.float32)
    return cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)


def _rounded_rect(w: float, h: float, r: float, steps: int = 6) -> np.ndarray:
    """A rounded rectangle centred on the origin, as a polygon (clockwise on screen)."""
    r = min(r, w / 2, h / 2)
    pts: list[tuple[float, float]] = []
    for cx, cy, start in (
        (w / 2 - r, -h / 2 + r, -90),
        (w / 2 - r, h / 2 - r, 0),
        (-w / 2 + r, h / 2 - r, 90),
        (-w / 2 + r, -h / 2 + r, 180),
    ):
        for k in range(steps + 1):
            a = math.radians(start + 90 * k / steps)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return np.array(pts)


def _pose(poly: np.ndarray, angle_deg: float, centre: Sequence[float]) -> np.ndarray:
    a = math.radians(angle_deg)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    return np.asarray(poly, float) @ rot.T + np.asarray(centre, float)


def _readonly(array: np.ndarray) -> np.ndarray:
    # Cached renders are shared between frames: make accidental in-place edits fail loudly.
    array.flags.writeable = False
    return array


# ---- documents ----------------------------------------------------------------------------------

# The A5 slip the one-stop desk hands back: drawn by make_samples' page drawer (A5 has A4's aspect,
# so its 1240 × 1754 canvas is A5 at 8.4 px/mm), with type sized for the smaller sheet.
_A5_SLIP = Paper(
    "a5-giay-hen.jpg",
    [
        Line("UBND PHƯỜNG MẪU", bold=True, size=30),
        Line("BỘ PHẬN MỘT CỬA", bold=True, size=30),
        Line("", size=12),
        Line("GIẤY TIẾP NHẬN HỒ SƠ", bold=True, center=True, size=46),
        Line("VÀ HẸN TRẢ KẾT QUẢ", bold=True, center=True, size=46),
        Line("Mã hồ sơ: ", "H26.25-0310-0001", size=32),
        Line("Tiếp nhận của: ", "Nguyễn Văn An", size=32),
        Line("Địa chỉ: ", "Số 1 Phố Mẫu", size=32),
        Line("Điện thoại: ", "0900 000 000", size=32),
        Line("Yêu cầu: ", "Đăng ký khai sinh", size=32),
        Line("Thành phần hồ sơ gồm:", bold=True, size=32),
        Line("1. Tờ khai đăng ký khai sinh", size=30),
        Line("2. Giấy chứng sinh (bản chính)", size=30),
        Line("Ngày hẹn trả: ", "12/03/2025", size=32),
        Line("NGƯỜI TIẾP NHẬN", bold=True, center=True, size=32),
        Line("", size=70),
        Line("", "                  Lê Thị Mai", size=32),
    ],
    seal="ỦY BAN NHÂN DÂN PHƯỜNG MẪU",
    footer=["Mẫu số 01"],
)

_PEOPLE = (
    ("001099000000", "NGUYỄN VĂN A", "01/01/1999", "Nam"),
    ("001199000001", "TRẦN THỊ BÌNH", "15/06/1999", "Nữ"),
    ("079090000002", "LÊ HOÀNG CƯỜNG", "30/04/1990", "Nam"),
    ("048185000003", "PHẠM THỊ DUNG", "02/09/1985", "Nữ"),
)

_VARIANTS = {"a4": len(PAPERS), "a5": 1, "id1": len(_PEOPLE), "household": 2}


def _variant(document: str, seed: int) -> int:
    """Which drawing of `document` a seed shows (which A4 paper, which cardholder)."""
    return int(np.random.default_rng([seed, 0xD0C]).integers(_VARIANTS[document]))


def _pil_to_bgr(image: Image.Image) -> np.ndarray:
    return cv2.cvtColor(np.asarray(image.convert("RGB")), cv2.COLOR_RGB2BGR)


def _qr_modules(payload: str) -> np.ndarray:
    """The QR symbol as a bool array, True = dark, with a 2-module quiet zone (cards print it on a
    white patch that small)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=2)
    code.add_data(payload)
    code.make(fit=True)
    return np.array(code.get_matrix(), dtype=bool)


_CARD_PPM = 14.0  # px per mm of the cached card: 60% of a 1080p frame needs 12


def _draw_card(variant: int) -> tuple[np.ndarray, np.ndarray]:
    """An invented "CĂN CƯỚC" card front: guilloche ground, emblem, photo box, fields, QR."""
    ppm = _CARD_PPM
    w, h = round(SIZE_MM["id1"][0] * ppm), round(SIZE_MM["id1"][1] * ppm)
    number, name, born, sex = _PEOPLE[variant]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) / ppm  # mm
    # Ground: pale green fading to pale blue, under two families of fine light lines (a wavy
    # field and a rosette), as security printing does; RGB here, BGR at the end.
    t = (xx / SIZE_MM["id1"][0])[..., None]
    ground = (1 - t) * np.array([220, 238, 222], np.float32) + t * np.array([212, 228, 242], np.float32)
    waves = np.cos(2 * np.pi * (xx * 0.9 + 1.3 * np.sin(2 * np.pi * yy / 9.0)) / 1.2)
    radius = np.hypot(xx - 58.0, yy - 32.0)
    theta = np.arctan2(yy - 32.0, xx - 58.0)
    rosette = np.cos(2 * np.pi * (radius / 1.4 + 0.5 * np.sin(12 * theta)))
    wave_line = np.clip((waves - 0.75) / 0.25, 0, 1)[..., None]
    rose_line = (np.clip((rosette - 0.75) / 0.25, 0, 1) * (radius < 30))[..., None]
    ground = ground * (1 - 0.22 * wave_line) + wave_line * 0.22 * np.array([120, 190, 150], np.float32)
    ground = ground * (1 - 0.25 * rose_line) + rose_line * 0.25 * np.array([110, 160, 215], np.float32)
    card = Image.fromarray(np.clip(ground, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(card)

    def mm(x: float, y: float) -> tuple[float, float]:
        return (x * ppm, y * ppm)

    # The emblem: gold rim, red disc, yellow star.
    cx, cy = 10.5, 10.0
    draw.ellipse((*mm(cx - 7, cy - 7), *mm(cx + 7, cy + 7)), fill=(222, 170, 40))
    draw.ellipse((*mm(cx - 5.6, cy - 5.6), *mm(cx + 5.6, cy + 5.6)), fill=(205, 35, 35))
    star = [
        mm(
            cx + (3.6 if k % 2 == 0 else 1.45) * math.sin(math.pi * k / 5),
            cy - (3.6 if k % 2 == 0 else 1.45) * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=(250, 215, 40))
    # Header between emblem and QR, title under it.
    middle, span = 43.0 * ppm, 46.0 * ppm
    _text(
        draw,
        mm(43, 3.2),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        2.3 * ppm,
        style="bold",
        anchor="ma",
        max_width=span,
    )
    _text(draw, mm(43, 6.3), "SOCIALIST REPUBLIC OF VIET NAM", 1.7 * ppm, anchor="ma", max_width=span)
    _text(
        draw, mm(43, 8.7), "Độc lập - Tự do - Hạnh phúc", 2.0 * ppm, style="bold", anchor="ma", max_width=span
    )
    _text(draw, mm(43, 11.4), "Independence - Freedom - Happiness", 1.5 * ppm, anchor="ma", max_width=span)
    red = (200, 30, 40)
    for top, title, size in ((14.0, "CĂN CƯỚC", 4.2), (19.0, "IDENTITY CARD", 1.7)):
        at = (middle, top * ppm)
        _text(draw, at, title, size * ppm, style="bold", fill=red, anchor="ma", max_width=span)
    # The QR, on its white patch at the top right; the payload follows the CCCD layout
    # (number|old number|name|birth|sex|address|issued), all invented.
    payload = f"{number}||{name}|{born.replace('/', '')}|{sex}|Số 1 Phố Mẫu, Phường Mẫu, Hà Nội|01072024"
    modules = _qr_modules(payload)
    side = round(15.0 * ppm)
    symbol = cv2.resize(
        np.where(modules, 20, 255).astype(np.uint8), (side, side), interpolation=cv2.INTER_NEAREST
    )
    card.paste(Image.fromarray(symbol, "L").convert("RGB"), (round(68.6 * ppm), round(2.6 * ppm)))
    # The photo box with a plain silhouette.
    box = (round(4 * ppm), round(23 * ppm), round(22 * ppm), round(47 * ppm))
    photo = Image.new("RGB", (box[2] - box[0], box[3] - box[1]), (196, 210, 228))
    pdraw = ImageDraw.Draw(photo)
    pw, ph = photo.size
    pdraw.ellipse((pw * 0.25, ph * 0.68, pw * 0.75 + pw * 0.5, ph * 1.4), fill=(60, 62, 80))
    pdraw.ellipse((-pw * 0.25, ph * 0.68, pw * 1.25, ph * 1.45), fill=(60, 62, 80))
    pdraw.ellipse((pw * 0.28, ph * 0.16, pw * 0.72, ph * 0.66), fill=(214, 178, 150))
    pdraw.chord((pw * 0.26, ph * 0.12, pw * 0.74, ph * 0.5), 180, 360, fill=(35, 30, 30))
    card.paste(photo, box[:2])
    draw.rectangle(box, outline=(90, 100, 120), width=2)
    # Fields, Vietnamese first as on the card.
    x0, small, big = 25.0, 1.55 * ppm, 2.6 * ppm
    right = (84.0 - x0) * ppm
    _text(draw, mm(x0, 23.0), "Số định danh cá nhân / Personal identification number", small, max_width=right)
    _text(draw, mm(x0, 25.6), number, 3.2 * ppm, style="bold", fill=(20, 20, 20), max_width=right)
    _text(draw, mm(x0, 31.0), "Họ, chữ đệm và tên khai sinh / Full name", small, max_width=right)
    _text(draw, mm(x0, 33.4), name, big, style="bold", max_width=right)
    _text(draw, mm(x0, 38.4), f"Ngày sinh / Date of birth: {born}", small * 1.15, max_width=right)
    _text(
        draw,
        mm(x0, 41.4),
        f"Giới tính / Sex: {sex}      Quốc tịch / Nationality: Việt Nam",
        small * 1.1,
        max_width=right,
    )
    _text(draw, mm(x0, 44.6), "Nơi đăng ký khai sinh / Place of birth registration:", small, max_width=right)
    _text(draw, mm(x0, 47.2), "Phường Mẫu, Thành phố Hà Nội", small * 1.25, max_width=right)
    # Round corners: the alpha mask, drawn 4× larger and shrunk so its edge is anti-aliased.
    big_mask = Image.new("L", (w * 4, h * 4), 0)
    ImageDraw.Draw(big_mask).rounded_rectangle(
        (0, 0, w * 4 - 1, h * 4 - 1), radius=CARD_CORNER_MM * ppm * 4, fill=255
    )
    alpha = np.asarray(big_mask.resize((w, h), Image.Resampling.BOX))
    return _pil_to_bgr(card), alpha.copy()


_BOOK_PPM = 8.0


def _draw_household(variant: int) -> np.ndarray:
    """A household-book page: pale blue security-tinted paper, printed border, a members' table
    filled in by hand in blue, the police seal."""
    ppm = _BOOK_PPM
    w, h = round(SIZE_MM["household"][0] * ppm), round(SIZE_MM["household"][1] * ppm)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) / ppm
    tint = np.cos(2 * np.pi * (xx + 0.8 * np.sin(2 * np.pi * yy / 14.0)) / 2.2)
    line = np.clip((tint - 0.8) / 0.2, 0, 1)[..., None]
    paper = np.array([214, 228, 242], np.float32) * (1 - 0.06 * line)
    page = Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(page)
    navy = (35, 55, 115)

    def mm(x: float, y: float) -> tuple[float, float]:
        return (x * ppm, y * ppm)

    # A printed double border: a false rectangle a few mm inside the real edge, as such books have.
    draw.rectangle((*mm(5, 5), *mm(125, 185)), outline=navy, width=3)
    draw.rectangle((*mm(6.5, 6.5), *mm(123.5, 183.5)), outline=navy, width=1)
    _text(draw, mm(10, 10), "Số: 0100" + ("01234" if variant == 0 else "05678"), 3.2 * ppm, fill=navy)
    _text(draw, mm(120, 10), f"Trang {3 + variant}", 3.2 * ppm, fill=navy, anchor="ra")
    _text(draw, mm(65, 18), "NHỮNG NGƯỜI TRONG HỘ", 5.0 * ppm, style="bold", fill=navy, anchor="ma")
    # The table: number, name, relation to the head, date of birth.
    columns = [10.0, 20.0, 66.0, 94.0, 120.0]
    top, header, row, rows = 28.0, 11.0, 11.5, 8
    bottom = top + header + row * rows
    for x in columns:
        draw.line((*mm(x, top), *mm(x, bottom)), fill=navy, width=2)
    for y in [top, top + header, *(top + header + row * k for k in range(1, rows + 1))]:
        draw.line((*mm(columns[0], y), *mm(columns[-1], y)), fill=navy, width=2)
    for (left, right), title in zip(
        zip(columns, columns[1:], strict=False),
        ("TT", "Họ và tên", "Quan hệ với chủ hộ", "Ngày sinh"),
        strict=True,
    ):
        _text(
            draw,
            mm((left + right) / 2, top + 3.5),
            title,
            3.0 * ppm,
            style="bold",
            fill=navy,
            anchor="ma",
            max_width=(right - left - 1.5) * ppm,
        )
    members = [
        ("Nguyễn Văn An", "Chủ hộ", "12/08/1994"),
        ("Trần Thị Hường", "Vợ", "20/11/1996"),
        ("Nguyễn Minh Khôi", "Con", "05/03/2025"),
    ]
    if variant == 1:
        members = [("Lê Văn Bình", "Chủ hộ", "03/02/1970"), ("Lê Thị Cúc", "Con", "14/07/2001")]
    for k, (name, relation, born) in enumerate(members):
        y = top + header + row * k + 3.0
        _text(draw, mm(15, y), str(k + 1), 3.6 * ppm, fill=navy, anchor="ma")
        _text(draw, mm(21.5, y - 0.5), name, 4.0 * ppm, style="oblique", fill=PEN, max_width=43 * ppm)
        _text(draw, mm(68, y - 0.5), relation, 4.0 * ppm, style="oblique", fill=PEN, max_width=25 * ppm)
        _text(draw, mm(96, y - 0.5), born, 3.6 * ppm, style="oblique", fill=PEN, max_width=23 * ppm)
    _text(draw, mm(88, 150), "Ngày 10 tháng 03 năm 2025", 3.2 * ppm, fill=navy, anchor="ma")
    _text(draw, mm(88, 155), "TRƯỞNG CÔNG AN", 3.4 * ppm, style="bold", fill=navy, anchor="ma")
    stamp(page, "CÔNG AN PHƯỜNG MẪU", (round(84 * ppm), round(166 * ppm)))
    _text(draw, mm(88, 176), "Trần Văn Mẫu", 4.0 * ppm, style="oblique", fill=PEN, anchor="ma")
    return _pil_to_bgr(page)


@lru_cache(maxsize=16)
def _base(document: str, variant: int) -> tuple[np.ndarray, np.ndarray | None]:
    """The cached flat document at its drawing resolution, BGR, and its alpha (None: opaque)."""
    if document == "a4":
        return _readonly(_pil_to_bgr(draw_page(PAPERS[variant]))), None
    if document == "a5":
        return _readonly(_pil_to_bgr(draw_page(_A5_SLIP))), None
    if document == "id1":
        card, alpha = _draw_card(variant)
        return _readonly(card), _readonly(alpha)
    if document == "household":
        return _readonly(_draw_household(variant)), None
    raise ValueError(f"unknown document {document!r}; choose from {DOCUMENTS}")


def _scaled(document: str, variant: int, px_per_mm: float) -> tuple[np.ndarray, np.ndarray | None]:
    """The document at exactly `px_per_mm` (render_document's picture)."""
    base, alpha = _base(document, variant)
    w_mm, h_mm = SIZE_MM[document]
    size = (max(2, round(w_mm * px_per_mm)), max(2, round(h_mm * px_per_mm)))
    flags = cv2.INTER_AREA if size[0] < base.shape[1] else cv2.INTER_LINEAR
    image = cv2.resize(base, size, interpolation=flags)
    return image, (None if alpha is None else cv2.resize(alpha, size, interpolation=flags))


@lru_cache(maxsize=48)
def _level(document: str, variant: int, step: int) -> tuple[np.ndarray, np.ndarray | None]:
    """The document shrunk by 2^(-step/2): a cached pyramid in half-octave steps."""
    base, alpha = _base(document, variant)
    if step == 0:
        return base, alpha
    factor = 2 ** (-step / 2)
    size = (max(2, round(base.shape[1] * factor)), max(2, round(base.shape[0] * factor)))
    image = _readonly(cv2.resize(base, size, interpolation=cv2.INTER_AREA))
    return image, (
        None if alpha is None else _readonly(cv2.resize(alpha, size, interpolation=cv2.INTER_AREA))
    )


def _at_least(document: str, variant: int, px_per_mm: float) -> tuple[np.ndarray, np.ndarray | None]:
    """The cached pyramid level with at least `px_per_mm`: the warp then shrinks it by no more than
    √2, which bilinear sampling does without visible aliasing. (Resizing the 1240 × 1754 page to
    the exact scale for every frame cost more than all the rest of the frame.)"""
    base = _base(document, variant)[0]
    base_ppm = base.shape[1] / SIZE_MM[document][0]
    step = math.floor(2 * math.log2(base_ppm / px_per_mm)) if px_per_mm > 0 else 0
    return _level(document, variant, min(max(step, 0), 12))


def render_document(document: str, px_per_mm: float, seed: int) -> np.ndarray:
    """The flat document `make_sample(seed, …, document)` photographs, BGR, at `px_per_mm`.

    The card's round corners are filled white here (the frame shows the desk through them).
    """
    if document not in DOCUMENTS:
        raise ValueError(f"unknown document {document!r}; choose from {DOCUMENTS}")
    image, alpha = _scaled(document, _variant(document, seed), px_per_mm)
    if alpha is None:
        return image
    a = alpha.astype(np.float32)[..., None] / 255
    return np.clip(image * a + 255 * (1 - a), 0, 255).astype(np.uint8)


# ---- desks --------------------------------------------------------------------------------------


def _wood(rng: np.random.Generator, h: int, w: int, colour: Sequence[float], contrast: float) -> np.ndarray:
    """Boards running along x: growth rings bent by a grain field, fibres, plank seams."""
    plank = rng.uniform(0.17, 0.28) * h
    shift = rng.uniform(0, plank)
    y = np.arange(h, dtype=np.float32)[:, None]
    x = np.arange(w, dtype=np.float32)[None, :]
    index = ((y + shift) // plank).astype(int)
    count = int(index.max()) + 1
    tone = rng.uniform(0.82, 1.12, count).astype(np.float32)[index]
    phase = rng.uniform(0, 2 * np.pi, count).astype(np.float32)[index]
    bend = _smooth_noise(rng, h, w, 24, 260)
    rings = np.sin(2 * np.pi * y / rng.uniform(9, 15) + 3.2 * bend + phase + 0.002 * x)
    fibre = _smooth_noise(rng, h, w, 1.5, 45)
    shade = tone * (1 + contrast * (0.55 * rings + 0.35 * fibre))
    # Seams between boards: a dark groove two pixels wide, and one butt joint per board.
    seam = (y + shift) % plank
    shade = shade * np.where((seam < 2.0) | (seam > plank - 1.0), 0.55, 1.0)
    joints = rng.uniform(0, w, count).astype(np.float32)[index]
    shade = shade * np.where(np.abs(x - joints) < 1.2, 0.6, 1.0)
    speck = rng.normal(0, 2.0, (h, w, 3)).astype(np.float32)
    return shade[..., None] * np.asarray(colour, np.float32) + speck


def _plain(
    rng: np.random.Generator, h: int, w: int, colour: Sequence[float], mottle: float, grain: float
) -> np.ndarray:
    """A flat surface: slow mottling (a few percent) and fine grain (laminate, felt, matte paint)."""
    slow = 1 + mottle * (_smooth_noise(rng, h, w, 220, 220) + 0.5 * _smooth_noise(rng, h, w, 40, 40))
    fine = cv2.GaussianBlur(rng.standard_normal((h, w)).astype(np.float32), (0, 0), 0.9) * grain
    return slow[..., None] * np.asarray(colour, np.float32) + fine[..., None]


def _cloth(rng: np.random.Generator, h: int, w: int, variant: int) -> np.ndarray:
    """A gingham tablecloth: two crossed stripe sets (dark where both cross, half where one),
    bent by folds that also shade it, with a fine weave."""
    dark = [(40, 40, 190), (150, 85, 25)][variant % 2]  # red or blue, BGR
    light = np.array([236, 238, 240], np.float32)
    dark_f = np.asarray(dark, np.float32)
    check = rng.uniform(18, 34)
    turn = rng.uniform(-0.25, 0.25)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    height = _smooth_noise(rng, h, w, 180, 180) * rng.uniform(5, 10)
    u = xx * math.cos(turn) + yy * math.sin(turn) + 0.6 * height + 4 * _smooth_noise(rng, h, w, 90, 90)
    v = -xx * math.sin(turn) + yy * math.cos(turn) + 0.4 * height
    su = 0.5 + 0.5 * np.tanh(4 * np.sin(np.pi * u / check))
    sv = 0.5 + 0.5 * np.tanh(4 * np.sin(np.pi * v / check))
    t = (0.5 * (su + sv))[..., None]
    colour = light + (dark_f - light) * t
    gy, gx = np.gradient(height)
    fold = 1 + 0.9 * (0.6 * gx + 0.8 * gy)  # light from one side: slopes facing it are brighter
    weave = 1 + 0.05 * np.sin(2 * np.pi * xx / 3.1) * np.sin(2 * np.pi * yy / 3.1)
    threads = cv2.GaussianBlur(rng.standard_normal((h, w)).astype(np.float32), (0, 0), 0.7) * 0.03
    return colour * (fold * weave + threads)[..., None]


def _bed(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """The kiosk's matte dark document bed, with faint guide marks near its corners."""
    surface = _plain(rng, h, w, (34, 33, 32), 0.03, 1.5)
    marks = np.zeros((h, w), np.uint8)
    inset, arm = round(0.09 * h), round(0.05 * h)
    for cx, dx in ((inset, 1), (w - 1 - inset, -1)):
        for cy, dy in ((inset, 1), (h - 1 - inset, -1)):
            cv2.line(marks, (cx, cy), (cx + dx * arm, cy), 255, 3, cv2.LINE_AA)
            cv2.line(marks, (cx, cy), (cx, cy + dy * arm), 255, 3, cv2.LINE_AA)
    return surface + (marks.astype(np.float32) / 255 * 28)[..., None]


@lru_cache(maxsize=_TEXTURE_VARIANTS * len(BACKGROUNDS))
def _texture(name: str, variant: int, width: int, height: int) -> np.ndarray:
    """A desk texture somewhat larger than the frame (each frame crops its own piece), uint8."""
    h, w = height + 2 * (height // _TEXTURE_MARGIN), width + 2 * (width // _TEXTURE_MARGIN)
    rng = np.random.default_rng([BACKGROUNDS.index(name), variant, 0x7E47])
    if name == "wood":  # dark walnut, or a reddish dark stain
        colour = [(30, 48, 74), (34, 42, 88)][variant % 2]
        image = _wood(rng, h, w, colour, 0.28)
    elif name == "grey":
        image = _plain(rng, h, w, [(128, 126, 122), (146, 144, 142)][variant % 2], 0.04, 4.0)
    elif name == "white":
        # A white laminate desk: a few levels greyer than paper, barely textured. Paper (BGR
        # 244, 249, 250) stands out by ~10 levels and its shadow, no more.
        image = _plain(rng, h, w, [(236, 238, 238), (232, 236, 238)][variant % 2], 0.012, 1.4)
    elif name == "clutter":  # an everyday desk under the clutter: light oak or beige laminate
        image = (
            _wood(rng, h, w, (118, 158, 190), 0.12)
            if variant % 2 == 0
            else _plain(rng, h, w, (150, 162, 172), 0.03, 2.5)
        )
    elif name == "cloth":
        image = _cloth(rng, h, w, variant)
    elif name == "bed":
        image = _bed(rng, h, w)
    else:
        raise ValueError(f"unknown background {name!r}; choose from {BACKGROUNDS}")
    return _readonly(np.clip(image, 0, 255).astype(np.uint8))


def _desk(rng: np.random.Generator, name: str, width: int, height: int) -> np.ndarray:
    """This frame's piece of desk: a random crop of a cached texture, maybe flipped, a little
    lighter or darker."""
    texture = _texture(name, int(rng.integers(_TEXTURE_VARIANTS)), width, height)
    oy = int(rng.integers(texture.shape[0] - height + 1))
    ox = int(rng.integers(texture.shape[1] - width + 1))
    piece = texture[oy : oy + height, ox : ox + width]
    if rng.random() < 0.5:
        piece = piece[:, ::-1]
    if rng.random() < 0.5:
        piece = piece[::-1, :]
    gain = rng.uniform(0.95, 1.05)
    return cv2.convertScaleAbs(np.ascontiguousarray(piece), alpha=gain)


# ---- compositing --------------------------------------------------------------------------------


def _bbox(points: np.ndarray, pad: float, width: int, height: int) -> tuple[int, int, int, int] | None:
    x0 = max(0, math.floor(points[:, 0].min() - pad))
    y0 = max(0, math.floor(points[:, 1].min() - pad))
    x1 = min(width, math.ceil(points[:, 0].max() + pad) + 1)
    y1 = min(height, math.ceil(points[:, 1].max() + pad) + 1)
    return None if x1 <= x0 or y1 <= y0 else (x0, y0, x1, y1)


def _shadow(
    canvas: np.ndarray, polygon: np.ndarray, offset: Sequence[float], sigma: float, strength: float
) -> None:
    """Darken the canvas under a soft shadow of `polygon` moved by `offset` (in place).

    The mask is drawn and blurred at 1/f scale (f ≈ σ/2) and stretched back: a blur that wide
    hides the coarser grid, and a page-sized full-resolution blur cost 10 ms.
    """
    moved = np.asarray(polygon, float) + np.asarray(offset, float)
    box = _bbox(moved, 3 * sigma + 2, canvas.shape[1], canvas.shape[0])
    if box is None or strength <= 0:
        return
    x0, y0, x1, y1 = box
    f = max(1, int(sigma // 2))
    small = np.zeros((math.ceil((y1 - y0) / f), math.ceil((x1 - x0) / f)), np.float32)
    # Pixel centres: full-resolution coordinate p sits at (p + 0.5) / f - 0.5 on the coarse grid.
    pts = np.round(((moved - (x0, y0) + 0.5) / f - 0.5) * 16).astype(np.int32)
    cv2.fillPoly(small, [pts], 1.0, cv2.LINE_AA, shift=4)
    if sigma / f > 0.3:
        small = cv2.GaussianBlur(small, (0, 0), sigma / f)
    mask = cv2.resize(small, (x1 - x0, y1 - y0), interpolation=cv2.INTER_LINEAR) if f > 1 else small
    keep = 1 - strength * mask
    region = canvas[y0:y1, x0:x1]
    canvas[y0:y1, x0:x1] = cv2.blendLinear(region, np.zeros_like(region), keep, 1 - keep)


def _paint(canvas: np.ndarray, polygon: np.ndarray, colour: Sequence[float], opacity: float = 1.0) -> None:
    """Fill a polygon in a flat colour, anti-aliased, `opacity` < 1 to tint (in place)."""
    box = _bbox(np.asarray(polygon, float), 2, canvas.shape[1], canvas.shape[0])
    if box is None:
        return
    x0, y0, x1, y1 = box
    mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
    pts = np.round((np.asarray(polygon, float) - (x0, y0)) * 16).astype(np.int32)
    cv2.fillPoly(mask, [pts], 255, cv2.LINE_AA, shift=4)
    cover = mask.astype(np.float32) * (opacity / 255)
    solid = np.empty((y1 - y0, x1 - x0, 3), np.uint8)
    solid[:] = np.clip(np.round(np.asarray(colour, float)), 0, 255).astype(np.uint8)
    canvas[y0:y1, x0:x1] = cv2.blendLinear(solid, canvas[y0:y1, x0:x1], cover, 1 - cover)


def _warp_into(canvas: np.ndarray, image: np.ndarray, alpha: np.ndarray | None, quad: np.ndarray) -> None:
    """Lay `image` onto the canvas so that its outer corners land on `quad` (in place).

    The image's outer boundary (pixel edges, not centres) maps onto the quad, and the coverage is
    the warped all-ones mask, which is 0.5 exactly on the quad's sides: the drawn edge is where
    the truth says it is, to a fraction of a pixel. Only the quad's bounding box is warped.
    """
    h, w = image.shape[:2]
    quad = np.asarray(quad, float)
    box = _bbox(quad, 2, canvas.shape[1], canvas.shape[0])
    if box is None:
        return
    x0, y0, x1, y1 = box
    src = np.array([(-0.5, -0.5), (w - 0.5, -0.5), (w - 0.5, h - 0.5), (-0.5, h - 0.5)])
    matrix = _homography(src, quad - (x0, y0))
    size = (x1 - x0, y1 - y0)
    # Replicated border for colour (no dark fringe), zero border for coverage (the anti-aliased edge).
    colour = cv2.warpPerspective(image, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    ones = alpha if alpha is not None else np.full((h, w), 255, np.uint8)
    cover = (
        cv2.warpPerspective(
            ones, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0
        ).astype(np.float32)
        / 255
    )
    region = canvas[y0:y1, x0:x1]
    canvas[y0:y1, x0:x1] = cv2.blendLinear(colour, region, cover, 1 - cover)


def place_on(background: np.ndarray, document: np.ndarray, quad: Quad) -> np.ndarray:
    """A copy of `background` (uint8 BGR) with the flat `document` laid onto `quad` (TL, TR, BR, BL
    of the document, frame pixels). No shadow and no camera effects: the bare composite."""
    frame = np.ascontiguousarray(background, dtype=np.uint8).copy()
    _warp_into(frame, np.ascontiguousarray(document, dtype=np.uint8), None, np.asarray(quad, float))
    return frame


def _document_ppm(quad: np.ndarray, size_mm: tuple[float, float]) -> tuple[float, float]:
    """(mean, largest) px per mm of a placed document: the mean sizes the clutter round it, the
    largest the resolution its texture must have so the warp only ever shrinks it."""
    sides = np.linalg.norm(np.roll(quad, -1, axis=0) - quad, axis=1)
    mm = np.array([size_mm[0], size_mm[1], size_mm[0], size_mm[1]])
    return float(np.mean(sides / mm)), float(np.max(sides / mm))


# ---- placement ----------------------------------------------------------------------------------


def _place(rng: np.random.Generator, document: str, width: int, height: int) -> np.ndarray:
    """A random pose for the document, wholly inside the frame: height 45–85% of the frame's (cards
    30–60%), turned up to ±15°, each corner jittered by up to 6% of the side (perspective)."""
    w_mm, h_mm = SIZE_MM[document]
    low, high = (0.30, 0.60) if document == "id1" else (0.45, 0.85)
    margin = 0.01 * height
    for attempt in range(200):
        # After many misses (a big page turned far cannot fit), shrink the range rather than loop.
        top = high - (high - low) * min(1.0, attempt / 100)
        scale = rng.uniform(low, max(low, top)) * height / h_mm
        w_px, h_px = w_mm * scale, h_mm * scale
        corners = np.array([(-w_px, -h_px), (w_px, -h_px), (w_px, h_px), (-w_px, h_px)]) / 2
        corners += rng.uniform(-0.06, 0.06, (4, 2)) * (w_px, h_px)
        corners = _pose(corners, rng.uniform(-15, 15), (0, 0))
        if not is_convex(corners):
            continue
        lo_xy, hi_xy = corners.min(axis=0), corners.max(axis=0)
        room = np.array([width, height]) - 2 * margin - (hi_xy - lo_xy)
        if np.any(room < 0):
            continue
        offset = margin - lo_xy + rng.uniform(0, 1, 2) * room
        return corners + offset
    raise RuntimeError(f"could not place a {document} in a {width}×{height} frame")


# ---- clutter ------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _scrap(kind: str) -> np.ndarray:
    """Text fragments lying about: a shop receipt or a torn newspaper piece, BGR, at 6 px/mm."""
    ppm = 6.0
    if kind == "receipt":
        page = Image.new("RGB", (round(78 * ppm), round(150 * ppm)), (248, 247, 242))
        draw = ImageDraw.Draw(page)
        rows = [
            "VĂN PHÒNG PHẨM MẪU",
            "HÓA ĐƠN BÁN LẺ",
            "",
            "Bút bi xanh x2      10.000",
            "Giấy A4 1 ram       75.000",
            "Kẹp giấy              5.000",
            "Phong bì x5        12.000",
            "",
            "TỔNG CỘNG         102.000",
            "Tiền mặt           110.000",
            "Tiền thừa            8.000",
            "",
            "Cảm ơn quý khách!",
        ]
        for k, row in enumerate(rows):
            _text(
                draw,
                (5 * ppm, (6 + 8.5 * k) * ppm),
                row,
                3.4 * ppm,
                style="bold" if k < 2 else "regular",
                fill=(40, 40, 40),
                max_width=68 * ppm,
            )
    else:
        page = Image.new("RGB", (round(130 * ppm), round(95 * ppm)), (226, 224, 216))
        draw = ImageDraw.Draw(page)
        _text(
            draw,
            (4 * ppm, 3 * ppm),
            "Người dân làm thủ tục trực tuyến",
            6.5 * ppm,
            style="bold",
            fill=(30, 30, 30),
            max_width=122 * ppm,
        )
        words = (
            "Theo Sở Thông tin và Truyền thông, số hồ sơ nộp qua cổng dịch vụ công tăng mạnh "
            "trong quý này; nhiều phường đã đặt máy tự phục vụ tại bộ phận một cửa để người dân "
            "quét giấy tờ, tra cứu và nộp hồ sơ mà không phải xếp hàng chờ đợi."
        ).split()
        y = 16.0
        for column in (4.0, 68.0):
            line, y = "", 16.0
            for word in words:
                if len(line) + len(word) > 30:
                    _text(draw, (column * ppm, y * ppm), line, 3.3 * ppm, fill=(50, 50, 50))
                    line, y = "", y + 5.0
                line = f"{line} {word}".strip()
            _text(draw, (column * ppm, y * ppm), line, 3.3 * ppm, fill=(50, 50, 50))
    return _readonly(_pil_to_bgr(page))


def _corner_distance(corners: np.ndarray, polygon: np.ndarray) -> float:
    """The smallest distance from any document corner to an item's outline (negative: inside)."""
    contour = np.asarray(polygon, np.float32).reshape(-1, 1, 2)
    return min(-cv2.pointPolygonTest(contour, (float(x), float(y)), True) for x, y in corners)


def _sides_covered(quad: np.ndarray, polygon: np.ndarray) -> int:
    """How many of the document's sides an item lies across (any of 33 points on a side inside)."""
    contour = np.asarray(polygon, np.float32).reshape(-1, 1, 2)
    count = 0
    for a, b in zip(quad, np.roll(quad, -1, axis=0), strict=True):
        points = a + np.linspace(0, 1, 33)[:, None] * (b - a)
        count += any(cv2.pointPolygonTest(contour, (float(x), float(y)), False) >= 0 for x, y in points)
    return count


def _lay_image(canvas: np.ndarray, rng: np.random.Generator, image: np.ndarray, quad: np.ndarray) -> None:
    """Lay a flat sheet (another paper, a scrap) on the desk at `quad`, with its shadow."""
    _shadow(canvas, quad, rng.uniform(1, 4, 2), rng.uniform(2, 6), rng.uniform(0.1, 0.3))
    shrink = float(np.linalg.norm(quad[2] - quad[0])) / math.hypot(*image.shape[:2])
    if shrink < 0.7:  # small scraps only: pages come in at the right scale from the pyramid
        image = cv2.resize(image, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
    _warp_into(canvas, image, None, quad)


def _item(
    canvas: np.ndarray, rng: np.random.Generator, kind: str, centre: np.ndarray, ppm: float, angle: float
) -> np.ndarray:
    """Draw one desk object; return its outline (for the keep-off-the-corners test)."""
    shade = rng.uniform(1, 4, 2) * max(1.0, ppm / 3)
    if kind == "note":  # a sticky note, maybe with a scribble
        side = rng.choice([51.0, 76.0]) * ppm
        outline = _pose(_rounded_rect(side, side, 0.5 * ppm), angle, centre)
        colour = [(120, 240, 255), (200, 170, 255), (150, 240, 180), (90, 180, 255)][int(rng.integers(4))]
        _shadow(canvas, outline, shade, 3, 0.2)
        _paint(canvas, outline, colour)
        for k in range(int(rng.integers(0, 4))):
            y = (-0.3 + 0.2 * k) * side
            stroke = _pose(
                np.array([(-0.35 * side, y), (0.3 * side, y + rng.uniform(-3, 3) * ppm)]), angle, centre
            )
            cv2.line(
                canvas,
                tuple(np.round(stroke[0]).astype(int)),
                tuple(np.round(stroke[1]).astype(int)),
                PEN[::-1],
                max(1, round(0.6 * ppm)),
                cv2.LINE_AA,
            )
        return outline
    if kind == "phone":
        outline = _pose(_rounded_rect(71 * ppm, 147 * ppm, 9 * ppm), angle, centre)
        _shadow(canvas, outline, shade * 1.5, 6, 0.35)
        _paint(canvas, outline, (28, 26, 26))
        _paint(canvas, _pose(_rounded_rect(66 * ppm, 140 * ppm, 6 * ppm), angle, centre), (42, 34, 30))
        glint = np.array([(-33, -70), (-5, -70), (33, 10), (33, 40)]) * ppm
        _paint(canvas, _pose(glint, angle, centre), (120, 115, 110), 0.12)
        return outline
    if kind == "notebook":
        outline = _pose(_rounded_rect(150 * ppm, 210 * ppm, 3 * ppm), angle, centre)
        colour = [(120, 50, 20), (40, 40, 160), (60, 110, 40), (35, 35, 35)][int(rng.integers(4))]
        _shadow(canvas, outline, shade * 1.5, 5, 0.3)
        _paint(canvas, outline, colour)
        band = _pose(np.array([(55, -105), (60, -105), (60, 105), (55, 105)]) * ppm, angle, centre)
        _paint(canvas, band, (25, 25, 25))
        return outline
    if kind == "mug":
        rim = cv2.ellipse2Poly((0, 0), (400, 400), 0, 0, 360, 8).astype(float) / 400 * 42 * ppm
        handle = np.array([(38, -10), (62, -10), (62, 10), (38, 10)]) * ppm
        outline = _pose(rim, angle, centre)
        colour = [(235, 235, 235), (50, 50, 180), (150, 90, 30)][int(rng.integers(3))]
        _shadow(canvas, outline, shade * 2, 8, 0.35)
        _paint(canvas, _pose(handle, angle, centre), colour)
        _paint(canvas, outline, colour)
        _paint(canvas, _pose(rim * 0.86, angle, centre), (30, 45, 70))
        return np.vstack([outline, _pose(handle, angle, centre)])
    if kind == "coin":
        rim = cv2.ellipse2Poly((0, 0), (400, 400), 0, 0, 360, 10).astype(float) / 400 * 11.5 * ppm
        outline = _pose(rim, angle, centre)
        _shadow(canvas, outline, shade, 2, 0.3)
        _paint(canvas, outline, [(60, 150, 195), (170, 170, 165)][int(rng.integers(2))])
        return outline
    if kind == "shape":  # an eraser, a tape dispenser, a box of clips: a coloured block
        size = rng.uniform((20, 14), (70, 45)) * ppm
        outline = _pose(_rounded_rect(size[0], size[1], rng.uniform(0.5, 6) * ppm), angle, centre)
        _shadow(canvas, outline, shade, 4, 0.3)
        _paint(canvas, outline, rng.uniform(20, 230, 3))
        return outline
    if kind == "pen":
        length, width = 140 * ppm, 9 * ppm
        outline = _pose(_rounded_rect(length, width, width / 2), angle, centre)
        body = [(150, 60, 20), (30, 30, 30), (40, 40, 190)][int(rng.integers(3))]
        _shadow(canvas, outline, shade, 2.5, 0.4)
        _paint(canvas, outline, body)
        cap = _pose(
            np.array([(0.28, -0.5), (0.5, -0.5), (0.5, 0.5), (0.28, 0.5)]) * (length, width), angle, centre
        )
        _paint(canvas, cap, np.asarray(body) * 0.6)
        highlight = _pose(
            np.array([(-0.45, -0.25), (0.25, -0.25), (0.25, -0.1), (-0.45, -0.1)]) * (length, width),
            angle,
            centre,
        )
        _paint(canvas, highlight, (255, 255, 255), 0.25)
        return outline
    raise ValueError(kind)


def _near_edge(rng: np.random.Generator, quad: np.ndarray, low: float, high: float) -> np.ndarray:
    """A point by the document's outline: on a side, pushed outwards by `low`–`high` pixels
    (negative: inwards, for flat things that slip under the page)."""
    side = int(rng.integers(4))
    a, b = quad[side], quad[(side + 1) % 4]
    point = a + rng.uniform(0.15, 0.85) * (b - a)
    normal = np.array([b[1] - a[1], a[0] - b[0]])  # outward for a clockwise-on-screen quad
    return point + normal / max(1e-9, float(np.linalg.norm(normal))) * rng.uniform(low, high)


# Things too thick for a page to lie on, with the radius (mm) of a circle round each: they may come
# close to the document but never under it.
_THICK_MM = {"phone": 82.0, "mug": 62.0, "coin": 12.0, "shape": 40.0}


def _clutter_under(
    canvas: np.ndarray, rng: np.random.Generator, quad: np.ndarray, ppm: float, document: str, variant: int
) -> None:
    """Things on the desk under and round the document: other papers (some reaching under it),
    text scraps, sticky notes, a phone, a notebook, a mug, coins, coloured shapes."""
    height, width = canvas.shape[:2]

    def anywhere() -> np.ndarray:
        return rng.uniform((-0.1 * width, -0.1 * height), (1.1 * width, 1.1 * height))

    outline = quad.astype(np.float32).reshape(-1, 1, 2)

    def partial(sheet: np.ndarray) -> bool:
        # Another whole sheet in view would make "the page" ambiguous (a finder choosing it is not
        # wrong), so every other sheet runs off the frame or has a corner under the document.
        off = bool(np.any((sheet < 0) | (sheet > (width - 1, height - 1))))
        return off or any(cv2.pointPolygonTest(outline, (float(x), float(y)), True) > 4 for x, y in sheet)

    sheets: list[tuple[np.ndarray, tuple[float, float], float]] = []
    for _ in range(int(rng.integers(1, 3))):  # other papers, often peeking out from under ours
        other = (variant + 1 + int(rng.integers(len(PAPERS) - 1))) % len(PAPERS)
        sheets.append((_at_least("a4", other, ppm)[0], SIZE_MM["a4"], 150 * ppm))
    for kind, size in (("receipt", (78.0, 150.0)), ("news", (130.0, 95.0))):
        if rng.random() < 0.6:
            sheets.append((_scrap(kind), size, 90 * ppm))
    for image, (w_mm, h_mm), reach in sheets:
        w, h = w_mm * ppm, h_mm * ppm
        for _attempt in range(20):
            centre = _near_edge(rng, quad, -0.2 * reach, reach) if rng.random() < 0.6 else anywhere()
            sheet = _pose(np.array([(-w, -h), (w, -h), (w, h), (-w, h)]) / 2, rng.uniform(0, 360), centre)
            if partial(sheet):
                _lay_image(canvas, rng, image, sheet)
                break
    kinds = ["note", "note", "phone", "notebook", "mug", "coin", "coin", "shape", "shape"]
    for kind in map(str, rng.permutation(kinds)[: int(rng.integers(4, 8))]):
        clearance = _THICK_MM.get(kind, -1.0) * ppm
        for _attempt in range(12):
            if rng.random() < 0.4:
                centre = _near_edge(rng, quad, max(-15 * ppm, clearance + 2 * ppm), clearance + 60 * ppm)
            else:
                centre = anywhere()
            # pointPolygonTest: the signed distance, negative outside the document.
            if -cv2.pointPolygonTest(outline, (float(centre[0]), float(centre[1])), True) > clearance:
                _item(canvas, rng, kind, centre, ppm, rng.uniform(0, 360))
                break


def _clutter_over(canvas: np.ndarray, rng: np.random.Generator, quad: np.ndarray, ppm: float) -> None:
    """Pens lying on top, some across one of the document's sides, but never within 8 mm of a
    corner nor across two sides: the corners must stay visible (SmartDoc's frames all show four),
    and most of each side too."""
    for _ in range(int(rng.integers(1, 3))):
        for _attempt in range(20):
            centre = (
                _near_edge(rng, quad, -40 * ppm, 40 * ppm)
                if rng.random() < 0.6
                else rng.uniform((0, 0), (canvas.shape[1], canvas.shape[0]))
            )
            angle = rng.uniform(0, 360)
            length, width = 140 * ppm, 9 * ppm
            outline = _pose(_rounded_rect(length, width, width / 2), angle, centre)
            if _corner_distance(quad, outline) > 8 * ppm + 4 and _sides_covered(quad, outline) <= 1:
                _item(canvas, rng, "pen", centre, ppm, angle)
                break


# ---- camera -------------------------------------------------------------------------------------


def _light_field(rng: np.random.Generator, quad: np.ndarray, width: int, height: int) -> np.ndarray:
    """Multiplicative light over the frame, returned at 1/8 scale: a gradient of ±(5–25)% in a random
    direction, lens vignetting, an exposure change and, half the time, a hand's soft shadow."""
    sw, sh = max(2, width // 8), max(2, height // 8)
    ys, xs = np.mgrid[0:sh, 0:sw].astype(np.float32)
    nx, ny = (xs + 0.5) / sw * 2 - 1, (ys + 0.5) / sh * 2 - 1
    direction = rng.uniform(0, 2 * np.pi)
    spread = rng.uniform(0.05, 0.25)
    along = (nx * math.cos(direction) + ny * math.sin(direction)) / (
        abs(math.cos(direction)) + abs(math.sin(direction))
    )
    field = (1 + spread * along) * (1 - rng.uniform(0.05, 0.2) * (nx**2 + ny**2) / 2)
    # Auto-exposure keeps the brightest part of the frame from clipping: white paper under the
    # bright end of the gradient stays just under 255 (glare still clips, as it does).
    field *= rng.uniform(0.86, 1.0) / (1 + spread)
    if rng.random() < 0.5:
        # A forearm entering from one edge towards the document, ending in a rounder hand.
        edge = int(rng.integers(4))
        t = rng.uniform(0.1, 0.9)
        start = [(t * sw, -0.1 * sh), (1.1 * sw, t * sh), (t * sw, 1.1 * sh), (-0.1 * sw, t * sh)][edge]
        target = quad[int(rng.integers(4))] / 8 + rng.normal(0, 0.08 * sh, 2)
        reach = rng.uniform(0.5, 1.0)
        end = np.asarray(start) + reach * (target - np.asarray(start))
        arm = np.zeros((sh, sw), np.float32)
        # An arm held well above the desk under broad light: wide, with a very soft penumbra.
        thick = max(2, round(rng.uniform(0.16, 0.28) * sh))
        cv2.line(
            arm, tuple(np.round(start).astype(int)), tuple(np.round(end).astype(int)), 1.0, thick, cv2.LINE_AA
        )
        cv2.circle(arm, tuple(np.round(end).astype(int)), round(thick * 0.9), 1.0, -1, cv2.LINE_AA)
        arm = cv2.GaussianBlur(arm, (0, 0), rng.uniform(4, 9))
        field *= 1 - rng.uniform(0.25, 0.5) * np.clip(arm / max(1e-6, float(arm.max())), 0, 1)
    return field


def _glare(frame: np.ndarray, rng: np.random.Generator, quad: np.ndarray) -> None:
    """A bright soft ellipse (a lamp's reflection) somewhere on the document, in place (float32)."""
    height = frame.shape[0]
    weights = rng.dirichlet(np.ones(4))
    centre = weights @ quad
    axes = np.array([rng.uniform(0.04, 0.12), rng.uniform(0.02, 0.07)]) * height
    box = _bbox(centre[None, :], 3 * axes.max(), frame.shape[1], frame.shape[0])
    if box is None:
        return
    x0, y0, x1, y1 = box
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    angle = rng.uniform(0, np.pi)
    dx, dy = xs - centre[0], ys - centre[1]
    u = (dx * math.cos(angle) + dy * math.sin(angle)) / axes[0]
    v = (-dx * math.sin(angle) + dy * math.cos(angle)) / axes[1]
    spot = (np.exp(-(u**2 + v**2) / 2) * rng.uniform(0.6, 1.0))[..., None]
    region = frame[y0:y1, x0:x1]
    frame[y0:y1, x0:x1] = region + spot * (262 - region)


def _camera(canvas: np.ndarray, rng: np.random.Generator, quad: np.ndarray) -> np.ndarray:
    """Light, optics, sensor and codec, in the order they act on a real photo."""
    height, width = canvas.shape[:2]
    field = _light_field(rng, quad, width, height)
    balance = rng.uniform(0.96, 1.04, 3).astype(np.float32)  # white balance is never exact
    light = cv2.resize(
        cv2.merge([field * b for b in balance]), (width, height), interpolation=cv2.INTER_LINEAR
    )
    frame = cv2.multiply(canvas, light, dtype=cv2.CV_32F)
    if rng.random() < 0.3:
        _glare(frame, rng, quad)
    sigma = rng.uniform(0, 1.5)
    if sigma > 0.2:
        frame = cv2.GaussianBlur(frame, (0, 0), sigma)
    if rng.random() < 0.2:
        length = int(rng.integers(5, 14))
        kernel = np.zeros((length, length), np.float32)
        angle = rng.uniform(0, np.pi)
        mid = (length - 1) / 2
        dx, dy = mid * math.cos(angle), mid * math.sin(angle)
        ends = (round(mid - dx), round(mid - dy)), (round(mid + dx), round(mid + dy))
        cv2.line(kernel, ends[0], ends[1], 1.0, 1, cv2.LINE_AA)
        frame = cv2.filter2D(frame, -1, kernel / kernel.sum())
    # Sensor noise. OpenCV's generator, seeded from ours just before use (so the frame is still a
    # function of the seed alone), fills 6 M normals three times faster than numpy's.
    noise = float(rng.uniform(1.5, 5.0))
    grain = np.empty_like(frame)
    cv2.setRNGSeed(int(rng.integers(2**31 - 1)))
    cv2.randn(grain, (0.0, 0.0, 0.0), (noise, noise, noise))
    frame = cv2.add(frame, grain)
    image = cv2.convertScaleAbs(cv2.max(frame, 0.0))  # rounds and saturates at 255
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(60, 93))])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


# ---- frames -------------------------------------------------------------------------------------


def make_sample(
    seed: int, background: str, document: str, *, size: tuple[int, int] = (1920, 1080), degrade: bool = True
) -> Sample:
    """One frame: `document` lying on `background`, as the camera sees it (`size` = width, height).

    The seed fixes everything; the pose does not depend on the background or on `degrade`, so the
    same seed lays the same page the same way on every desk, clean or degraded.
    """
    if background not in BACKGROUNDS:
        raise ValueError(f"unknown background {background!r}; choose from {BACKGROUNDS}")
    if document not in DOCUMENTS:
        raise ValueError(f"unknown document {document!r}; choose from {DOCUMENTS}")
    width, height = size
    pose_rng, scene_rng, camera_rng = (
        np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(3)
    )
    quad = _place(pose_rng, document, width, height)
    variant = _variant(document, seed)
    size_mm = SIZE_MM[document]
    mean_ppm, top_ppm = _document_ppm(quad, size_mm)

    canvas = np.ascontiguousarray(_desk(scene_rng, background, width, height))
    if background == "clutter":
        _clutter_under(canvas, scene_rng, quad, mean_ppm, document, variant)
    # The page lies flat, so its drop shadow is narrow: a few px offset, soft, lighter on white.
    offset = scene_rng.uniform(-1, 1, 2) * scene_rng.uniform(1.5, 6)
    strength = scene_rng.uniform(0.08, 0.2) if background == "white" else scene_rng.uniform(0.15, 0.35)
    _shadow(canvas, quad, offset, scene_rng.uniform(2.5, 9), strength)
    image, alpha = _at_least(document, variant, top_ppm)
    _warp_into(canvas, image, alpha, quad)
    if background == "clutter":
        _clutter_over(canvas, scene_rng, quad, mean_ppm)
    frame = _camera(canvas, camera_rng, quad) if degrade else canvas
    return Sample(
        frame=frame, quad=quad, size_mm=size_mm, background=background, document=document, seed=seed
    )


def dataset(per_background: int, seed: int = 0, backgrounds: Iterable[str] = BACKGROUNDS) -> Iterator[Sample]:
    """`per_background` frames on each background, documents mixed (half A4, the rest ID-1 cards,
    A5 slips and household-book pages, interleaved). Sample i on background b has the seed
    seed·1 000 000 + BACKGROUNDS.index(b)·10 000 + i, so any frame can be redrawn alone."""
    if per_background > 10_000:
        raise ValueError("at most 10 000 frames per background (the seed layout has room for no more)")
    for background in backgrounds:
        index = BACKGROUNDS.index(background)
        for i in range(per_background):
            frame_seed = seed * 1_000_000 + index * 10_000 + i
            yield make_sample(frame_seed, background, _MIX[i % len(_MIX)])
