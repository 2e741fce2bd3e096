"""The supervisor's PIN that unlocks a locked-down kiosk: its rules, its hash, and the lock-out.

The PIN is 6 to 12 digits, typed on the kiosk's own on-screen pad, and kept only as an argon2id
hash in the secrets file (config/secrets.py, `kiosk_pin`), set with `dvc-kiosk kiosk set-pin`.
After `MAX_FAILURES` wrong PINs in a row the pad refuses every PIN, the right one too, for
`LOCK_DURATION`. The count and the end of the lock are kept in a small file in the data directory,
so that pulling the plug does not give a guesser five more tries. Nothing here logs or keeps a PIN.
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from egov.text import QT_TRANSLATE_NOOP

MIN_LENGTH = 6
MAX_LENGTH = 12
MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=5)
# In the data directory: the count of wrong PINs and the end of the lock.
STATE_FILE = "kiosk-pin.json"

# argon2-cffi's defaults (RFC 9106 low-memory argon2id), as for the staff passwords.
_hasher = PasswordHasher()


class PinRefused(ValueError):
    """A PIN not fit to be set; `message` is the Vietnamese sentence (context "KioskPin")."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


TOO_SHORT_OR_LONG = QT_TRANSLATE_NOOP("KioskPin", "Mã PIN phải có từ 6 đến 12 chữ số.")
TOO_EASY = QT_TRANSLATE_NOOP(
    "KioskPin", "Mã PIN quá dễ đoán (một số lặp lại hoặc các số liền nhau). Hãy chọn mã khác."
)


def check_new_pin(pin: str) -> None:
    """Raise PinRefused for a PIN that must not be set: not 6-12 ASCII digits, or guessable at once."""
    if not (MIN_LENGTH <= len(pin) <= MAX_LENGTH) or not (pin.isascii() and pin.isdigit()):
        raise PinRefused(TOO_SHORT_OR_LONG)
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    if steps in ({0}, {1}, {9}):  # 000000, 123456, 987654 (and their wrap-arounds)
        raise PinRefused(TOO_EASY)


def hash_pin(pin: str) -> str:
    check_new_pin(pin)
    return _hasher.hash(pin)


class PinOutcome(enum.Enum):
    OPENED = "opened"
    WRONG = "wrong"
    LOCKED = "locked"  # too many wrong PINs: no PIN is tried until `locked_until`
    NOT_SET = "not_set"  # no PIN in the secrets file: the kiosk cannot be unlocked on screen


@dataclass(frozen=True, slots=True)
class PinCheck:
    outcome: PinOutcome
    tries_left: int = MAX_FAILURES
    locked_until: datetime | None = None
    just_locked: bool = False  # this wrong PIN was the one that locked the pad


class PinGate:
    """Checks PINs against the hash `load_hash()` gives ("" for none), counting failures in `state_file`.

    Slow on purpose (argon2): call it off the GUI thread.
    """

    def __init__(
        self,
        load_hash: Callable[[], str],
        state_file: Path,
        *,
        max_failures: int = MAX_FAILURES,
        lock_duration: timedelta = LOCK_DURATION,
    ) -> None:
        self._load_hash = load_hash
        self._state_file = state_file
        self._max = max_failures
        self._lock = lock_duration

    def locked_until(self, now: datetime) -> datetime | None:
        _, until = self._read()
        return until if until is not None and until > now else None

    def attempt(self, pin: str, now: datetime) -> PinCheck:
        failures, until = self._read()
        if until is not None and until > now:
            return PinCheck(PinOutcome.LOCKED, 0, until)
        if until is not None:
            failures = 0  # the lock has run out: a fresh set of tries
        stored = self._load_hash()
        if not stored:
            return PinCheck(PinOutcome.NOT_SET)
        if _verify(stored, pin):
            self._write(0, None)
            return PinCheck(PinOutcome.OPENED)
        failures += 1
        if failures >= self._max:
            locked = now + self._lock
            self._write(failures, locked)
            return PinCheck(PinOutcome.LOCKED, 0, locked, just_locked=True)
        self._write(failures, None)
        return PinCheck(PinOutcome.WRONG, self._max - failures)

    def _read(self) -> tuple[int, datetime | None]:
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
            failures = int(data.get("failures", 0))
            until = datetime.fromisoformat(data["locked_until"]) if data.get("locked_until") else None
        except FileNotFoundError:
            return 0, None
        except (OSError, ValueError, TypeError, AttributeError):
            # A damaged file counts as a full set of failures, never as none: it cannot be a way in.
            return self._max, None
        return max(0, failures), until

    def _write(self, failures: int, until: datetime | None) -> None:
        text = json.dumps({"failures": failures, "locked_until": until.isoformat() if until else None})
        temporary = self._state_file.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self._state_file)


def _verify(stored: str, pin: str) -> bool:
    try:
        return _hasher.verify(stored, pin)
    except VerifyMismatchError:
        return False
    except (InvalidHashError, VerificationError):
        return False
