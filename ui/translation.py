"""`tr(context, text)`: a Vietnamese source text in the interface's language, for the view models.

Python sources mark their texts with `QT_TRANSLATE_NOOP(context, text)` (egov.text), which lupdate
reads; this looks them up when they are shown, so a language switch needs no restart of the models.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
