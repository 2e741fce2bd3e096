"""Plain-language sentences shown to people, marked for Qt's translation tools.

The domain has no Qt, yet its sentences must reach the translation files. `QT_TRANSLATE_NOOP` here
only marks a string (pyside6-lupdate finds it by name); the UI translates it at display time with
`QCoreApplication.translate(context, text)`. Source texts are Vietnamese: the kiosk falls back to
Vietnamese when a translation is missing, never to English.
"""

from __future__ import annotations

import re
import unicodedata


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation in `context`; return it unchanged."""
    return text


def nfc(text: str) -> str:
    """NFC-normalise: precomposed letters, so that comparisons and printing see one code point."""
    return unicodedata.normalize("NFC", text)


_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Fold to lowercase ASCII words for search: 'Đăng ký KHAI SINH' → 'dang ky khai sinh'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).lower()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).strip()


def format_vnd(amount: int) -> str:
    """Format đồng the Vietnamese way: 10000 → '10.000 đ'; 0 → 'Miễn phí'."""
    if amount == 0:
        return QT_TRANSLATE_NOOP("Money", "Miễn phí")
    return f"{amount:,}".replace(",", ".") + " đ"
