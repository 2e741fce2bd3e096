"""Make the bundled photo of a sample card's front, with its QR code, as the kiosk camera sees it.

Run `python -m hardware.samples.make_card_sample` to regenerate `card/cccd-mau-mat-truoc.jpg`. The
output is deterministic (fixed seeds), like `make_samples.py`, and the JPEG is committed.

The card is the emulated card's citizen: every printed field and the QR payload are taken from
`hardware/card/emulator/profiles/mau/profile.json`, and the photo is that profile's face, so that in
the demo the QR gives the CAN that opens the emulated chip (last 6 digits of the ID number). It is a
2021 CCCD front in outline only (emblem, chip, photo, fields, QR at the top right), marked "MẪU"
across its face: nobody could take it for a real card.

Framing: the card fills about 60% of the frame width, as in an ID zone about 140 mm wide under the
camera, which gives ~4 pixels per QR module. A camera framing a whole A4 page sees a card's QR at
under 1.5 pixels per module, which only zxing-cpp on a frame scaled up twice reads at all
(hardware/qr.py).
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFont

from hardware.raster import find_font
from hardware.samples.make_samples import FRAME_H, FRAME_W, JPEG_QUALITY, desk

HERE = Path(__file__).resolve().parent
PROFILE = HERE.parent / "card" / "emulator" / "profiles" / "mau"
OUTPUT = HERE / "card" / "cccd-mau-mat-truoc.jpg"

PX_PER_MM = 12  # the flat card is drawn at ~305 dpi, then shrunk into the frame
CARD_MM = (85.6, 53.98)  # ID-1, ISO/IEC 7810
QR_MM = 17.0
SEED = 2021

INK = (25, 25, 25)
RED = (190, 30, 30)
SAMPLE = (150, 80, 0)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(find_font(bold)), size)


def _mm(value: float) -> int:
    return round(value * PX_PER_MM)


def load_identity() -> dict[str, str]:
    """The emulated card's identity fields, as the profile stores them."""
    data = json.loads((PROFILE / "profile.json").read_text(encoding="utf-8"))
    return data["identity"]


def _ddmmyyyy(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d%m%Y")


def qr_payload(identity: dict[str, str]) -> str:
    """The 2021 CCCD front QR: `ID|old CMND|name|ddMMyyyy|sex|address|issue ddMMyyyy`."""
    return "|".join(
        [
            identity["id_number"],
            identity.get("old_id_number") or "",
            identity["full_name"],
            _ddmmyyyy(identity["date_of_birth"]),
            identity["sex"],
            identity["place_of_residence"],
            _ddmmyyyy(identity["date_of_issue"]),
        ]
    )


def _qr(payload: str, side: int) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    modules = np.array(code.get_matrix(), dtype=bool)
    grey = np.where(modules, 20, 250).astype(np.uint8)
    # Nearest neighbour: crisp modules, as a card printer lays them down.
    return Image.fromarray(grey).resize((side, side), Image.Resampling.NEAREST).convert("RGB")


def _background(width: int, height: int) -> Image.Image:
    """Pale blue-green to cream, with the fine wavy lines that security printing has."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    t = xx / width
    base = np.stack(
        [(1 - t) * 236 + t * 246, (1 - t) * 244 + t * 240, (1 - t) * 240 + t * 222], axis=-1
    )  # RGB
    waves = np.zeros((height, width), np.float32)
    for k in range(0, height, 9):
        waves += np.exp(-(((yy - k - 4 * np.sin(xx / 37.0 + k)) / 0.9) ** 2))
    card = base - 16 * np.clip(waves, 0, 1)[..., None]
    return Image.fromarray(np.clip(card, 0, 255).astype(np.uint8))


def _emblem(draw: ImageDraw.ImageDraw, centre: tuple[int, int], radius: int) -> None:
    """A plain red disc with a gold star and rim: the national emblem's place, not a copy of it."""
    x, y = centre
    draw.ellipse(
        (x - radius, y - radius, x + radius, y + radius), fill=(200, 40, 35), outline=(215, 170, 40), width=6
    )
    star = [
        (
            x + (0.55 if k % 2 == 0 else 0.22) * radius * math.sin(math.pi * k / 5),
            y - (0.55 if k % 2 == 0 else 0.22) * radius * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=(245, 205, 50))


def draw_card(identity: dict[str, str]) -> Image.Image:
    """The flat card front, RGB, at PX_PER_MM."""
    width, height = _mm(CARD_MM[0]), _mm(CARD_MM[1])
    card = _background(width, height)
    draw = ImageDraw.Draw(card)

    _emblem(draw, (_mm(9), _mm(9)), _mm(6.5))
    # The chip's gold contact plate, under the emblem.
    draw.rounded_rectangle((_mm(3.5), _mm(17), _mm(14.5), _mm(25)), radius=_mm(1.2), fill=(214, 180, 90))
    face = (
        Image.open(PROFILE / "face.jpg").convert("RGB").resize((_mm(18), _mm(24)), Image.Resampling.LANCZOS)
    )
    card.paste(face, (_mm(3), _mm(26.5)))

    middle = _mm(40.5)
    draw.text(
        (middle, _mm(2.5)), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=_font(22, True), fill=INK, anchor="ma"
    )
    draw.text((middle, _mm(5.3)), "Độc lập - Tự do - Hạnh phúc", font=_font(21, True), fill=INK, anchor="ma")
    draw.text((middle, _mm(9.5)), "CĂN CƯỚC CÔNG DÂN", font=_font(38, True), fill=RED, anchor="ma")
    draw.text((middle, _mm(13.6)), "Citizen Identity Card", font=_font(20), fill=INK, anchor="ma")

    qr_side = _mm(QR_MM)
    card.paste(_qr(qr_payload(identity), qr_side), (width - qr_side - _mm(2.5), _mm(2.5)))

    left = _mm(23)
    label, value = _font(19), _font(25, True)
    born = date.fromisoformat(identity["date_of_birth"]).strftime("%d/%m/%Y")
    rows = [
        (18.5, "Số / No.:  ", identity["id_number"], _font(34, True), RED),
        (23.5, "Họ và tên / Full name:", "", value, INK),
        (26.3, "", identity["full_name"].upper(), value, INK),
        (30.3, "Ngày sinh / Date of birth:  ", born, value, INK),
        (
            33.6,
            "Giới tính / Sex:  ",
            f"{identity['sex']}     Quốc tịch / Nationality: {identity['nationality']}",
            value,
            INK,
        ),
        (37.3, "Quê quán / Place of origin:", "", value, INK),
        (40.0, "", identity["place_of_origin"], value, INK),
        (44.0, "Nơi thường trú / Place of residence:", "", value, INK),
        (46.8, "", identity["place_of_residence"], _font(23, True), INK),
    ]
    for top, caption, text, font, colour in rows:
        x = left
        if caption:
            draw.text((x, _mm(top) + 4), caption, font=label, fill=INK)
            x += round(draw.textlength(caption, font=label))
        if text:
            draw.text((x, _mm(top)), text, font=font, fill=colour)
    draw.text((_mm(3), _mm(51)), "Có giá trị đến: Không thời hạn", font=_font(15), fill=INK)

    # "MẪU" in outline across the middle: a sample, at a glance, yet the print under it stays legible.
    mark = Image.new("L", (width, height), 0)
    ImageDraw.Draw(mark).text((_mm(52), _mm(32)), "MẪU", font=_font(150, True), fill=90, anchor="mm")
    mark = mark.rotate(12, resample=Image.Resampling.BICUBIC, center=(_mm(52), _mm(32)))
    card.paste(Image.new("RGB", (width, height), SAMPLE), (0, 0), mark)
    return card


def photograph(card: Image.Image) -> np.ndarray:
    """The card lying on the desk under the camera: turned a little, slight perspective, soft, noisy."""
    rng = np.random.default_rng(SEED)
    flat = cv2.cvtColor(np.asarray(card), cv2.COLOR_RGB2BGR).astype(np.float32)
    scene = desk(rng)
    height, width = flat.shape[:2]
    span = FRAME_W * 0.6
    half_w, half_h = span / 2, span * height / width / 2
    keystone = half_w * 0.02
    corners = np.array(
        [(-half_w + keystone, -half_h), (half_w - keystone, -half_h), (half_w, half_h), (-half_w, half_h)],
        dtype=np.float32,
    )
    turn = math.radians(-7.0)
    rotation = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]], np.float32)
    corners = corners @ rotation.T + (FRAME_W / 2 + 30, FRAME_H / 2 - 20)
    source = np.array([(0, 0), (width, 0), (width, height), (0, height)], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners.astype(np.float32))
    size = (FRAME_W, FRAME_H)
    # Shrinking ~1.1× with a pre-blur stands in for the lens: no aliasing in the fine lines.
    warped = cv2.warpPerspective(cv2.GaussianBlur(flat, (0, 0), 0.6), matrix, size, flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((height, width), np.float32), matrix, size, flags=cv2.INTER_LINEAR)
    shadow = cv2.GaussianBlur(np.roll(mask, (8, 6), axis=(0, 1)), (0, 0), 7)
    scene *= 1 - 0.35 * shadow[..., None]
    scene = scene * (1 - mask[..., None]) + warped * mask[..., None]
    yy, xx = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    scene *= (1.04 - 0.12 * (xx / FRAME_W) - 0.06 * (yy / FRAME_H))[..., None]
    scene = cv2.GaussianBlur(scene, (0, 0), 0.7)
    scene += rng.normal(0, 2.5, scene.shape).astype(np.float32)
    return np.clip(scene, 0, 255).astype(np.uint8)


def main(path: Path = OUTPUT) -> Path:
    """Write the card photo to `path`; return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ok, data = cv2.imencode(
        ".jpg", photograph(draw_card(load_identity())), [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY]
    )
    if not ok:
        raise RuntimeError(f"could not encode {path.name}")
    path.write_bytes(data.tobytes())
    print(f"{path.name}: {len(data) // 1024} KB")
    return path


if __name__ == "__main__":
    main()
