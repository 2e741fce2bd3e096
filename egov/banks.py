"""The banks a VietQR can name, by their NAPAS BIN: what the payment page shows under the QR.

The table is data (`config/banks.json`), not code, because banks merge and rename (a renamed bank
keeps its BIN) and an office whose bank is missing must be able to add it without a new release.
`load_banks` validates every entry and refuses a bad file with a `BankTableError` naming the file,
the entry and the field. Looking up a BIN that is not in the table raises `VietQrError` with
`Problem.UNKNOWN_BANK`, whose Vietnamese sentence the screen shows.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from egov.vietqr import Problem, VietQrError

DEFAULT_FILE = "banks.json"
_BIN_DIGITS = 6
_TOP_KEYS = {"version", "date", "note", "banks"}
_BANK_KEYS = {"bin", "short_name", "name"}


class BankTableError(ValueError):
    """A bank table that cannot be used; the message names the file, the entry and the field."""

    def __init__(self, file: str, where: str, problem: str) -> None:
        super().__init__(f"{file}: {where}: {problem}")
        self.file = file
        self.where = where
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Bank:
    bin: str  # 6 digits, assigned by the State Bank of Vietnam
    short_name: str  # what people call it: "Vietcombank"
    name: str  # the legal name: "Ngân hàng TMCP Ngoại thương Việt Nam"


class Banks:
    """The bank table of one version."""

    def __init__(self, version: str, banks: Iterable[Bank]) -> None:
        self.version = version
        self._by_bin = {bank.bin: bank for bank in banks}

    def __len__(self) -> int:
        return len(self._by_bin)

    def __iter__(self) -> Iterator[Bank]:
        return iter(self._by_bin.values())

    def get(self, bin: str) -> Bank | None:
        return self._by_bin.get(bin)

    def bank(self, bin: str) -> Bank:
        """The bank with this BIN; VietQrError (BIN when it is not 6 digits, UNKNOWN_BANK when no
        bank of the table has it) otherwise."""
        if not (isinstance(bin, str) and len(bin) == _BIN_DIGITS and bin.isascii() and bin.isdigit()):
            raise VietQrError(Problem.BIN, "expected 6 ASCII digits")
        found = self._by_bin.get(bin)
        if found is None:
            raise VietQrError(Problem.UNKNOWN_BANK, f"BIN {bin} is not in bank table {self.version}")
        return found


def _text(file: str, where: str, entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise BankTableError(file, where, f"{key}: expected non-empty text")
    if value != value.strip() or unicodedata.normalize("NFC", value) != value:
        # Decomposed accents or stray spaces look right on screen but break comparison and search.
        raise BankTableError(file, where, f"{key}: not NFC-normalised or has spaces at its ends")
    return value


def parse_banks(file: str, data: Any) -> Banks:
    """The bank table in `data` (the parsed JSON of `file`); BankTableError when anything is off."""
    if not isinstance(data, dict):
        raise BankTableError(file, "(top)", "expected an object")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise BankTableError(file, "(top)", f"unknown key {unknown[0]!r}")
    version = _text(file, "(top)", data, "version")
    entries = data.get("banks")
    if not isinstance(entries, list) or not entries:
        raise BankTableError(file, "banks", "expected a non-empty list")
    banks: list[Bank] = []
    bins: set[str] = set()
    short_names: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"banks[{index}]"
        if not isinstance(entry, dict):
            raise BankTableError(file, where, "expected an object")
        unknown = sorted(set(entry) - _BANK_KEYS)
        if unknown:
            raise BankTableError(file, where, f"unknown key {unknown[0]!r}")
        bin_ = _text(file, where, entry, "bin")
        if len(bin_) != _BIN_DIGITS or not (bin_.isascii() and bin_.isdigit()):
            raise BankTableError(file, where, f"bin: expected 6 digits, got {bin_!r}")
        if bin_ in bins:
            # Two banks on one BIN would send a citizen's money to whichever the scanner's bank picks.
            raise BankTableError(file, where, f"bin: {bin_} is listed twice")
        short_name = _text(file, where, entry, "short_name")
        if short_name.casefold() in short_names:
            raise BankTableError(file, where, f"short_name: {short_name!r} is listed twice")
        bins.add(bin_)
        short_names.add(short_name.casefold())
        banks.append(Bank(bin_, short_name, _text(file, where, entry, "name")))
    return Banks(version, banks)


def load_banks(path: str | Path | None = None) -> Banks:
    """The bank table in `path`, or the one shipped in config/banks.json."""
    if path is None:
        return _shipped()
    file = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BankTableError(file, "(file)", f"cannot read: {exc.__class__.__name__}") from None
    return parse_banks(file, data)


@cache
def _shipped() -> Banks:
    text = resources.files("config").joinpath(DEFAULT_FILE).read_text(encoding="utf-8")
    return parse_banks(DEFAULT_FILE, json.loads(text))
