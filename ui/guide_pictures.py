"""The guides' drawings (config/guides/*.svg, egov.guides.PICTURES) drawn by Qt: as a file URL for
QML's Image, and as the 1-bit bitmap of a `Picture` block for the receipt printer.

egov and hardware have no SVG renderer (no Qt there), so the printed guide gets its pictures here,
already thresholded: QSvgRenderer draws onto a white grey-scale QImage and every dot darker than
mid-grey becomes ink, the way hardware.raster thresholds text (line drawings are never dithered).
Painting onto a QImage is allowed off the GUI thread, so the guide page renders them on a worker.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from egov.guides import picture_path
from egov.receipt import Picture
from ui.none_refs import keep_none

# Dots high on the paper (203 dpi): about 20 mm, enough to know the paper, short enough to spare it.
PRINT_HEIGHT_DOTS = 160
_INK_THRESHOLD = 160  # as hardware.raster's: anti-aliased edges of thin lines stay ink


def picture_url(picture: str) -> str:
    """The drawing's file URL for QML (the Qt SVG image plug-in loads it)."""
    return QUrl.fromLocalFile(str(picture_path(picture))).toString()


def renderer(picture: str) -> QSvgRenderer:
    """The drawing's renderer; ValueError when the file is missing or not a valid SVG."""
    svg = QSvgRenderer(str(picture_path(picture)))
    if not svg.isValid():
        raise ValueError(f"guide picture {picture!r} is not a valid SVG: {picture_path(picture)}")
    return svg


def render_picture(picture: str, height: int) -> QImage:
    """The drawing `height` pixels high, its own proportions kept, on white (grey scale)."""
    svg = renderer(picture)
    size = svg.defaultSize()
    width = max(1, round(height * size.width() / max(1, size.height())))
    image = QImage(width, height, QImage.Format.Format_Grayscale8)

    def paint() -> None:
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        svg.render(painter, QRectF(0, 0, width, height))
        painter.end()

    keep_none(paint)
    return image


def picture_block(picture: str, height: int = PRINT_HEIGHT_DOTS, caption: str = "") -> Picture:
    """The drawing as a receipt block: `height` dots high, thresholded, packed as GS v 0 packs it."""
    image = render_picture(picture, height)
    width = image.width()
    # Rows of a QImage are padded to 4 bytes: read them through the stride, then cut the padding.
    grey = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    grey = grey.reshape(image.height(), image.bytesPerLine())[:, :width]
    ink = grey < _INK_THRESHOLD
    packed = np.packbits(ink, axis=1)  # most significant bit leftmost, rows padded to whole bytes
    return Picture(base64.b64encode(packed.tobytes()).decode("ascii"), width, height, caption)


def print_blocks(pictures: Iterable[str], height: int = PRINT_HEIGHT_DOTS) -> dict[str, Picture]:
    """The printed guide's pictures by id, for egov.guides.guide_slip. No caption: the document's
    name follows each picture on the slip."""
    return {p: picture_block(p, height) for p in dict.fromkeys(pictures)}
