"""Bundled sample photos of paper documents, played by `hardware.camera.SampleCamera`.

A package (not a bare folder) so that the JPEGs ship as package data and are found with
`importlib.resources` in an installed kiosk. `make_samples.py` regenerates them.

The photo of the sample card's front lies in `card/`, out of the documents' play list: the card
QR scan plays it (`card_photos`), the documents step never shows it. `make_card_sample.py` makes it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CARD_FOLDER = "card"


def card_photos() -> list[Path]:
    """The bundled photos of the sample card's front, in play order; [] if they are missing."""
    folder = resources.files(__name__) / CARD_FOLDER
    if not folder.is_dir():
        return []
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.lower().endswith(".jpg"))
