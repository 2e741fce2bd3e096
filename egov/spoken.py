"""Values as a Vietnamese voice should say them: numbers, dates and money in words, codes spelled.

A speech synthesiser reads "25/11/2026" as a fraction and "H01.99" as a word; the kiosk's voice
guidance hands it these words instead. Northern usage: "linh" for a zero tens ("một trăm linh
năm"), "mốt", "tư" and "lăm" for 1, 4 and 5 after a tens of twenty or more, "tháng tư" for April.
Only values that are not personal are ever spoken (a dossier code, a date, an amount): never a
name or an ID number, in a public room.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from egov.text import fold

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Powers of a thousand, read after each group of three digits.
_SCALES = ("", "nghìn", "triệu")

# How each character of a dossier code (H01.99-261123-0001, TN-...) is named aloud, one by one.
_LETTERS = {
    "A": "a",
    "B": "bê",
    "C": "xê",
    "D": "dê",
    "Đ": "đê",
    "E": "e",
    "F": "ép",
    "G": "giê",
    "H": "hát",
    "I": "i",
    "J": "gi",
    "K": "ca",
    "L": "e-lờ",
    "M": "em-mờ",
    "N": "en-nờ",
    "O": "o",
    "P": "pê",
    "Q": "quy",
    "R": "e-rờ",
    "S": "ét-xì",
    "T": "tê",
    "U": "u",
    "V": "vê",
    "W": "vê kép",
    "X": "ích-xì",
    "Y": "i dài",
    "Z": "dét",
}
_SIGNS = {".": "chấm", "-": "gạch ngang", "/": "gạch chéo", "_": "gạch dưới", " ": ""}


def _below_hundred(n: int, *, after_hundreds: bool) -> list[str]:
    tens, ones = divmod(n, 10)
    if tens == 0:
        if ones == 0:
            return []
        # 105 is "một trăm linh năm": a zero tens is said when hundreds come before.
        return ["linh", DIGITS[ones]] if after_hundreds else [DIGITS[ones]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if ones == 1:
        words.append("mốt" if tens >= 2 else "một")
    elif ones == 4:
        words.append("tư" if tens >= 2 else "bốn")
    elif ones == 5:
        words.append("lăm")
    elif ones:
        words.append(DIGITS[ones])
    return words


def _below_thousand(n: int, *, full: bool) -> list[str]:
    """`full`: a group after a larger one says its hundreds even when zero (2026: "không trăm")."""
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    return words + _below_hundred(rest, after_hundreds=bool(words))


def number_words(n: int) -> str:
    """A whole number in words: 2026 → "hai nghìn không trăm hai mươi sáu"."""
    if n < 0:
        return "âm " + number_words(-n)
    if n == 0:
        return DIGITS[0]
    return " ".join(_words(n, leading=True))


def _words(n: int, *, leading: bool) -> list[str]:
    # Past the tỷ the scale words start again ("nghìn tỷ"): what is above it is read as a number.
    high, low = divmod(n, 1000**3)
    words: list[str] = []
    if high:
        words += [*_words(high, leading=leading), "tỷ"]
        leading = False
    groups: list[int] = []
    while low:
        low, group = divmod(low, 1000)
        groups.append(group)
    for scale in range(len(groups) - 1, -1, -1):
        if groups[scale] == 0:
            continue  # "một triệu không trăm linh năm": an empty group is not said
        words += _below_thousand(groups[scale], full=not (leading and scale == len(groups) - 1))
        if _SCALES[scale]:
            words.append(_SCALES[scale])
    return words


def _day_or_month(n: int, *, month: bool) -> str:
    # April is "tháng tư", never "tháng bốn"; 24 is "hai mươi tư" by the same habit.
    if month and n == 4:
        return "tư"
    return number_words(n)


def date_words(value: date | str) -> str:
    """A date as said aloud: "25/11/2026" → "ngày hai mươi lăm tháng mười một năm hai nghìn ..."."""
    day = value if isinstance(value, date) else _parse_date(value)
    return (
        f"ngày {_day_or_month(day.day, month=False)} tháng {_day_or_month(day.month, month=True)} "
        f"năm {number_words(day.year)}"
    )


def _parse_date(text: str) -> date:
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", text)
    if not match:
        raise ValueError("expected a date as dd/mm/yyyy")
    d, m, y = (int(g) for g in match.groups())
    return date(y, m, d)


def money_words(value: int | str) -> str:
    """An amount in đồng: "30.000 đ" (or 30000) → "ba mươi nghìn đồng"."""
    if isinstance(value, str):
        digits = re.sub(r"(?i)\s*(đồng|đ|vnd)\s*$", "", value.strip())
        if not re.fullmatch(r"\d{1,3}([.,\s]?\d{3})*", digits):
            raise ValueError("expected an amount in đồng such as 30.000 đ")
        value = int(re.sub(r"\D", "", digits))
    return f"{number_words(value)} đồng"


def spell(code: str) -> str:
    """Each character named in turn, with a pause between: "H01" → "hát, không, một"."""
    names: list[str] = []
    for char in code.upper():
        if char.isdigit() and char.isascii():
            names.append(DIGITS[int(char)])
        elif char in _LETTERS:
            names.append(_LETTERS[char])
        elif char in _SIGNS:
            if _SIGNS[char]:
                names.append(_SIGNS[char])
        else:
            raise ValueError(f"no spoken name for the character {char!r}")
    return ", ".join(names)


# Nine digits or more in a row (spaces between groups ignored): an old ID (9), a CCCD (12), a phone
# number (10). Dossier codes and dates never have such a run.
_ID_LIKE = re.compile(r"\d{9,}")


def names_person(text: str, personal: Iterable[str]) -> bool:
    """Whether `text` holds an ID-like number or one of `personal` (the visit's names and ID
    numbers), compared without case or accents: such text is never said aloud."""
    if _ID_LIKE.search(re.sub(r"\s+", "", text)):
        return True
    words = f" {fold(text)} "
    # Five letters at least: a name folded shorter ("An") would match ordinary words.
    return any(len(f := fold(p)) >= 5 and f" {f} " in words for p in personal)


# Numbers inside the program's own sentences, in the order they are tried. espeak-ng reads "15" as
# "mười năm", drops the "/" of "3/15" and of dates, and "20.000 đ" as "... không trăm đê": every
# number is turned into words here first.
_IN_TEXT = re.compile(
    r"""
    (?P<code>\b[A-ZĐ]{1,3}\d*(?:[.\-][A-Z0-9]+)+\b)        # H01.99-261123-0001, TN-...
    |(?P<date>\b\d{1,2}/\d{1,2}/\d{4}\b)
    |(?P<money>\b\d{1,3}(?:\.\d{3})*\s?(?:đồng|đ)(?!\w))
    |(?P<ratio>\b\d{1,4}/\d{1,4}\b)                        # Câu 3/15, Bước 2/6
    |(?P<thousands>\b\d{1,3}(?:\.\d{3})+(?![\d.]))         # 20.000
    |(?P<digits>\b\d+(?:[ .]\d+)+\b|\b\d{5,}\b)            # 1900 0000, 1.001193: one by one
    |(?P<number>\b\d{1,4}\b)
    """,
    re.VERBOSE,
)


def _in_words(match: re.Match[str]) -> str:
    kind, text = match.lastgroup, match.group()
    if kind in ("code", "digits"):
        return spell(text)
    if kind == "date":
        return date_words(text)
    if kind == "money":
        return money_words(text)
    if kind == "ratio":
        top, bottom = text.split("/")
        return f"{number_words(int(top))} trên {number_words(int(bottom))}"
    return number_words(int(text.replace(".", "")))


def readable(sentence: str) -> str:
    """A sentence of the program with its numbers, dates, amounts and codes in words, for a
    synthesiser: "Câu 3/15" → "Câu ba trên mười lăm"."""
    return _IN_TEXT.sub(_in_words, sentence)
