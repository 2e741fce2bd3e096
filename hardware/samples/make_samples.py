"""Make the bundled sample photos: Vietnamese papers on a desk, as a document camera sees them.

Run `python -m hardware.samples.make_samples` to regenerate the JPEGs next to this file. The output
is deterministic (fixed seeds), so a rerun changes no bytes unless this script or the libraries do.
The JPEGs are committed, so the kiosk never draws them at start.

Each photo is a white A4 page drawn with DejaVu Sans (a form, a birth certificate with a red seal,
a residence paper, a form's second page), warped by a mild perspective onto a wood-coloured desk,
with a soft shadow, uneven light, lens softness and sensor noise, like a real still. All names
and numbers on the papers are invented.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from hardware.raster import find_font

FRAME_W, FRAME_H = 1600, 1200
PAGE_W, PAGE_H = 1240, 1754  # A4 at 150 dpi: sharp enough once shrunk into the frame
JPEG_QUALITY = 82  # keeps each photo under 200 KB despite the noise
HERE = Path(__file__).resolve().parent

INK = (20, 20, 20)
PEN = (25, 45, 150)  # ballpoint blue for the filled-in answers
SEAL_RED = (205, 30, 35)


@dataclass(frozen=True)
class Line:
    """One line of the page: printed text, with an optional handwritten-looking answer after it."""

    text: str
    answer: str = ""
    bold: bool = False
    center: bool = False
    size: int = 26


@dataclass(frozen=True)
class Paper:
    """A sample document and how it lies on the desk."""

    filename: str
    lines: list[Line]
    seal: str = ""  # the agency written round the seal; empty: no seal
    seed: int = 0
    tilt_deg: float = 0.0
    offset: tuple[int, int] = (0, 0)
    footer: list[str] = field(default_factory=list)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(find_font(bold)), size)


def _pen_font(size: int) -> ImageFont.FreeTypeFont:
    # The oblique face passes for handwriting at camera resolution and keeps every Vietnamese letter.
    path = find_font(False).with_name("DejaVuSans-Oblique.ttf")
    return ImageFont.truetype(str(path if path.is_file() else find_font(False)), size)


NATIONAL_HEADER = [
    Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True, size=30),
    Line("Độc lập - Tự do - Hạnh phúc", bold=True, center=True, size=28),
    Line("", size=14),
]

PAPERS = [
    Paper(
        "01-to-khai-khai-sinh.jpg",
        [
            *NATIONAL_HEADER,
            Line("TỜ KHAI ĐĂNG KÝ KHAI SINH", bold=True, center=True, size=40),
            Line("Kính gửi: Ủy ban nhân dân Phường Mẫu", center=True),
            Line("", size=10),
            Line("Họ, chữ đệm, tên người yêu cầu: ", "Nguyễn Văn An"),
            Line("Nơi cư trú: ", "Số 1 Phố Mẫu, Phường Mẫu, Hà Nội"),
            Line("Giấy tờ tùy thân: ", "CCCD số 001099000000"),
            Line("Quan hệ với người được khai sinh: ", "Cha"),
            Line("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:", bold=True),
            Line("Họ, chữ đệm, tên: ", "Nguyễn Minh Khôi"),
            Line("Ngày, tháng, năm sinh: ", "05/03/2025"),
            Line("Giới tính: ", "Nam      Dân tộc: Kinh"),
            Line("Quốc tịch: ", "Việt Nam"),
            Line("Nơi sinh: ", "Bệnh viện Phụ sản Mẫu"),
            Line("Quê quán: ", "Xã Mẫu Sơn, tỉnh Mẫu"),
            Line("Họ, chữ đệm, tên người mẹ: ", "Trần Thị Hường"),
            Line("Năm sinh: ", "1996      Dân tộc: Kinh"),
            Line("Nơi cư trú: ", "Số 1 Phố Mẫu, Phường Mẫu"),
            Line("Họ, chữ đệm, tên người cha: ", "Nguyễn Văn An"),
        ],
        seed=11,
        tilt_deg=-2.5,
        offset=(-20, 6),
        footer=["Trang 1/2"],
    ),
    Paper(
        "02-giay-chung-sinh.jpg",
        [
            Line("BỆNH VIỆN PHỤ SẢN MẪU", bold=True, size=26),
            Line("Số: 1234/GCS", size=24),
            *NATIONAL_HEADER,
            Line("GIẤY CHỨNG SINH", bold=True, center=True, size=44),
            Line("", size=10),
            Line("Họ và tên mẹ: ", "Trần Thị Hường"),
            Line("Năm sinh: ", "1996"),
            Line("Nơi đăng ký thường trú: ", "Phường Mẫu, Hà Nội"),
            Line("Số CCCD: ", "001196000000"),
            Line("Dân tộc: ", "Kinh"),
            Line("Đã sinh con vào lúc: ", "08 giờ 30 phút, ngày 05/03/2025"),
            Line("Tại: ", "Bệnh viện Phụ sản Mẫu"),
            Line("Số con trong lần sinh này: ", "01"),
            Line("Giới tính của con: ", "Nam"),
            Line("Cân nặng: ", "3.200 gam"),
            Line("Dự định đặt tên con là: ", "Nguyễn Minh Khôi"),
            Line("", size=20),
            Line("Ngày 06 tháng 03 năm 2025", center=True, size=24),
            Line("GIÁM ĐỐC", bold=True, center=True, size=26),
        ],
        seal="BỆNH VIỆN PHỤ SẢN MẪU",
        seed=22,
        tilt_deg=3.0,
        offset=(24, -4),
    ),
    Paper(
        "03-xac-nhan-cu-tru.jpg",
        [
            Line("CÔNG AN PHƯỜNG MẪU", bold=True, size=26),
            Line("Số: 567/XN", size=24),
            *NATIONAL_HEADER,
            Line("GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ", bold=True, center=True, size=36),
            Line("", size=10),
            Line("Công an Phường Mẫu xác nhận thông tin về cư trú như sau:"),
            Line("Họ, chữ đệm và tên: ", "Nguyễn Văn An"),
            Line("Ngày, tháng, năm sinh: ", "12/08/1994"),
            Line("Số định danh cá nhân: ", "001094000000"),
            Line("Nơi thường trú: ", "Số 1 Phố Mẫu, Phường Mẫu, Hà Nội"),
            Line("Họ tên chủ hộ: ", "Nguyễn Văn An"),
            Line("Quan hệ với chủ hộ: ", "Chủ hộ"),
            Line("Thành viên hộ gia đình:", bold=True),
            Line("1. ", "Trần Thị Hường - Vợ"),
            Line("2. ", "Nguyễn Minh Khôi - Con"),
            Line("Giấy này có giá trị 30 ngày kể từ ngày cấp."),
            Line("", size=20),
            Line("Phường Mẫu, ngày 10 tháng 03 năm 2025", center=True, size=24),
            Line("TRƯỞNG CÔNG AN PHƯỜNG", bold=True, center=True, size=26),
        ],
        seal="CÔNG AN PHƯỜNG MẪU",
        seed=33,
        tilt_deg=-1.2,
        offset=(8, 12),
    ),
    Paper(
        "04-to-khai-trang-2.jpg",
        [
            Line("Họ, chữ đệm, tên người cha (tiếp): ", "Nguyễn Văn An"),
            Line("Năm sinh: ", "1994      Dân tộc: Kinh"),
            Line("Nơi cư trú: ", "Số 1 Phố Mẫu, Phường Mẫu"),
            Line("", size=10),
            Line("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là"),
            Line("đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan"),
            Line("theo quy định pháp luật."),
            Line("Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung"),
            Line("cam đoan của mình."),
            Line("", size=10),
            Line("Đề nghị cấp bản sao: ", "Có, số lượng: 02 bản"),
            Line("", size=20),
            Line("Làm tại: Phường Mẫu, ngày 10 tháng 03 năm 2025", center=True, size=24),
            Line("Người yêu cầu", bold=True, center=True),
            Line("(Ký, ghi rõ họ, chữ đệm, tên)", center=True, size=22),
            Line("", size=40),
            Line("", "                       Nguyễn Văn An"),
        ],
        seed=44,
        tilt_deg=1.8,
        offset=(-10, -10),
        footer=["Trang 2/2"],
    ),
]


def draw_page(paper: Paper) -> Image.Image:
    """The flat page, as if scanned: white paper, black print, blue answers, red seal."""
    page = Image.new("RGB", (PAGE_W, PAGE_H), (250, 249, 244))
    draw = ImageDraw.Draw(page)
    left, right, y = 110, PAGE_W - 110, 120
    for line in paper.lines:
        font = _font(line.size, line.bold)
        if line.center:
            draw.text((PAGE_W / 2, y), line.text, font=font, fill=INK, anchor="ma")
        else:
            draw.text((left, y), line.text, font=font, fill=INK)
        if line.answer:
            start = left + draw.textlength(line.text, font=font)
            # Dotted leaders, as printed forms have, then the answer written over them.
            for x in range(int(start), right, 9):
                draw.point((x, y + line.size + 2), fill=(90, 90, 90))
            draw.text((start + 8, y - 2), line.answer, font=_pen_font(line.size + 2), fill=PEN)
        y += int(line.size * 1.75)
    for text in paper.footer:
        draw.text((PAGE_W / 2, PAGE_H - 90), text, font=_font(22), fill=INK, anchor="ma")
    if paper.seal:
        stamp(page, paper.seal, (int(PAGE_W * 0.62), min(y + 40, PAGE_H - 260)))
    return page


def stamp(page: Image.Image, agency: str, centre: tuple[int, int]) -> None:
    """A round red seal: two rings, the agency's name round the edge and a star in the middle."""
    size = 300
    seal = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(seal)
    mid = size / 2
    draw.ellipse((6, 6, size - 6, size - 6), outline=255, width=7)
    draw.ellipse((58, 58, size - 58, size - 58), outline=255, width=3)
    star = [
        (
            mid + (34 if k % 2 == 0 else 14) * math.sin(math.pi * k / 5),
            mid - (34 if k % 2 == 0 else 14) * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=255)
    font = _font(24, bold=True)
    radius = mid - 32
    span = 300.0  # degrees of the circle the name covers, centred on the top
    step = span / max(1, len(agency))
    for index, char in enumerate(agency):
        angle = -span / 2 + step * (index + 0.5)
        glyph = Image.new("L", (40, 40), 0)
        ImageDraw.Draw(glyph).text((20, 20), char, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-angle, resample=Image.Resampling.BICUBIC)
        x = mid + radius * math.sin(math.radians(angle)) - 20
        y = mid - radius * math.cos(math.radians(angle)) - 20
        seal.paste(255, (int(x), int(y)), glyph)
    # Stamp ink is never solid: thin it with a fixed pattern of speckles.
    rng = np.random.default_rng(7)
    ink = np.asarray(seal, dtype=np.float32) / 255 * rng.uniform(0.55, 0.9, (size, size))
    alpha = Image.fromarray((ink * 255).astype(np.uint8))
    corner = (centre[0] - size // 2, centre[1] - size // 2)
    page.paste(Image.new("RGB", (size, size), SEAL_RED), corner, alpha)


def desk(rng: np.random.Generator) -> np.ndarray:
    """A wood-coloured desk, BGR: long grain streaks of brown with colour noise."""
    rows = rng.normal(0, 1, (FRAME_H // 3, 24)).astype(np.float32)
    # Stretched along x, so that the streaks run the length of the board like grain.
    grain = cv2.resize(rows, (FRAME_W, FRAME_H), interpolation=cv2.INTER_CUBIC)
    ys = np.arange(FRAME_H, dtype=np.float32)[:, None]
    rings = np.sin(ys / 11.0 + grain * 1.6) * 0.5 + grain * 0.35
    shade = 0.82 + 0.12 * rings
    base = np.array([52, 92, 140], dtype=np.float32)  # BGR of a mid-brown veneer
    colour = rng.normal(0, 3.0, (FRAME_H, FRAME_W, 3)).astype(np.float32)
    return np.clip(shade[..., None] * base + colour, 0, 255)


def photograph(paper: Paper) -> np.ndarray:
    """The page on the desk through a lens: perspective, shadow, uneven light, blur and noise."""
    rng = np.random.default_rng(paper.seed)
    page = cv2.cvtColor(np.asarray(draw_page(paper)), cv2.COLOR_RGB2BGR).astype(np.float32)
    scene = desk(rng)

    # Where the corners land: an upright A4 filling ~83% of the frame height, turned a little.
    height = FRAME_H * 0.83
    width = height * PAGE_W / PAGE_H
    cx, cy = FRAME_W / 2 + paper.offset[0], FRAME_H / 2 + paper.offset[1]
    # No keystone: a kiosk's document camera looks straight down, and a trapezoid drawn without the
    # foreshortening a real tilt brings would measure as a page of the wrong proportions.
    half_w, half_h, keystone = width / 2, height / 2, 0.0
    corners = np.array(
        [
            (-half_w + keystone, -half_h),
            (half_w - keystone, -half_h),
            (half_w, half_h),
            (-half_w, half_h),
        ],
        dtype=np.float32,
    )
    turn = math.radians(paper.tilt_deg)
    rotation = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]], np.float32)
    corners = corners @ rotation.T + (cx, cy)
    corners += rng.uniform(-6, 6, corners.shape).astype(np.float32)
    source = np.array([(0, 0), (PAGE_W, 0), (PAGE_W, PAGE_H), (0, PAGE_H)], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners.astype(np.float32))

    size = (FRAME_W, FRAME_H)
    warped = cv2.warpPerspective(page, matrix, size, flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((PAGE_H, PAGE_W), np.float32), matrix, size, flags=cv2.INTER_LINEAR)

    # A soft shadow down and right of the page, where the desk lamp cannot reach.
    shadow = cv2.GaussianBlur(np.roll(mask, (10, 8), axis=(0, 1)), (0, 0), 9)
    scene *= 1 - 0.35 * shadow[..., None]
    scene = scene * (1 - mask[..., None]) + warped * mask[..., None]

    # Light falls off from the upper left, and towards the frame's corners (lens vignetting).
    yy, xx = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    light = 1.04 - 0.14 * (xx / FRAME_W) - 0.08 * (yy / FRAME_H)
    light *= 1 - 0.18 * (((xx - FRAME_W / 2) / FRAME_W) ** 2 + ((yy - FRAME_H / 2) / FRAME_H) ** 2)
    scene *= light[..., None]

    scene = cv2.GaussianBlur(scene, (0, 0), 0.8)
    scene += rng.normal(0, 2.5, scene.shape).astype(np.float32)
    return np.clip(scene, 0, 255).astype(np.uint8)


def main(directory: Path = HERE) -> list[Path]:
    """Write the sample photos into `directory`; return their paths."""
    written = []
    for paper in PAPERS:
        path = directory / paper.filename
        ok, data = cv2.imencode(".jpg", photograph(paper), [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        if not ok:
            raise RuntimeError(f"could not encode {paper.filename}")
        path.write_bytes(data.tobytes())
        written.append(path)
        print(f"{path.name}: {len(data) // 1024} KB")
    return written


if __name__ == "__main__":
    main()
