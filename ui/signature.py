"""A signature drawn on the screen, as a PNG to keep with the consent it confirms.

The pad in QML hands over each stroke as points relative to its own size (0..1 across and down);
the visit keeps them in memory with the rest of the visit, and this draws them, black on white, at
a fixed size when the consent is recorded. QImage and QPainter work off the GUI thread, so the
network worker renders it next to the store call.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

# The pad is three times as wide as it is high (Consent.qml); 900 × 300 keeps a signature legible
# at a few kilobytes.
WIDTH, HEIGHT = 900, 300
PEN_WIDTH = 5.0

Stroke = Sequence[tuple[float, float]]


def signature_png(strokes: Sequence[Stroke], width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """The strokes drawn on a white `width` × `height` image, as PNG bytes."""
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("black"), PEN_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in strokes:
            points = [QPointF(x * (width - 1), y * (height - 1)) for x, y in stroke]
            if len(points) == 1:
                painter.drawPoint(points[0])
            else:
                painter.drawPolyline(QPolygonF(points))
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
