"""QR codes as QImages for the screen (the receipt's tracking code), drawn from `qrcode`'s matrix."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(payload: str, module_px: int = 10, quiet: int = 4) -> QImage:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    side = (len(matrix) + 2 * quiet) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    (x + quiet) * module_px, (y + quiet) * module_px, module_px, module_px, black
                )
    painter.end()
    return image
