"""The kiosk's display modes, for QML: large text and high contrast, each one tap away.

Theme.qml reads `largeText` and `highContrast` (Main.qml binds them), and `capRatio`, the default
font's cap height over its pixel size, so that type is sized by the cap height a reader sees.
A citizen's choice lasts for their visit: `reset` (on the visit's end, which idle and "Kết thúc"
both reach) puts back the office's choice from `[kiosk] large_text` / `high_contrast`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QFont, QFontMetricsF

log = logging.getLogger(__name__)


def cap_ratio(font: QFont | None = None) -> float:
    """Cap height over pixel size of `font` (the application's default font when None)."""
    probe = QFont(font) if font is not None else QFont()
    probe.setPixelSize(100)  # large enough that the rounding of the cap height to pixels is noise
    ratio = QFontMetricsF(probe).capHeight() / 100
    # A font without usable metrics would make every size absurd; DejaVu Sans is 0.73.
    return ratio if 0.55 <= ratio <= 0.85 else 0.73


class DisplayModel(QObject):
    changed = Signal()

    def __init__(
        self, large_text: bool = False, high_contrast: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._defaults = (large_text, high_contrast)
        self._large_text, self._high_contrast = self._defaults
        self._cap_ratio = cap_ratio()

    def _get_large_text(self) -> bool:
        return self._large_text

    def _set_large_text(self, on: bool) -> None:
        if on != self._large_text:
            self._large_text = on
            log.info("display: large text %s", "on" if on else "off")
            self.changed.emit()

    def _get_high_contrast(self) -> bool:
        return self._high_contrast

    def _set_high_contrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            log.info("display: high contrast %s", "on" if on else "off")
            self.changed.emit()

    def _get_cap_ratio(self) -> float:
        return self._cap_ratio

    largeText = Property(bool, _get_large_text, _set_large_text, notify=changed)
    highContrast = Property(bool, _get_high_contrast, _set_high_contrast, notify=changed)
    capRatio = Property(float, _get_cap_ratio, constant=True)

    @Slot()
    def toggleLargeText(self) -> None:
        self._set_large_text(not self._large_text)

    @Slot()
    def toggleHighContrast(self) -> None:
        self._set_high_contrast(not self._high_contrast)

    @Slot()
    def reset(self) -> None:
        """Back to the office's modes, for the next citizen."""
        large_text, high_contrast = self._defaults
        self._set_large_text(large_text)
        self._set_high_contrast(high_contrast)
