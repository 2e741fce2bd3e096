"""The chip reader as the apps configure it: which reader, which trust anchors, one read at a time.

`[identity] reader` in the office config names the reader: "emulator" (the embedded default: the
built-in emulated card of the sample citizen, in process), "pcsc" (the first PC/SC reader with a
card), "pcsc:NAME" (that reader), or "none". No Qt here: the UI runs `read` on its card worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hardware.card.apdu import Transport
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.keys import CanKey, MrzKey
from hardware.card.pa import CscaStore
from hardware.card.reader import CardRead, ReadMode, read_card

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0


def bundled_profile() -> Path:
    """The sample citizen's card profile that ships with the code."""
    return Path(__file__).parent / "emulator" / "profiles" / "mau" / "profile.json"


@dataclass(frozen=True, slots=True)
class ReaderConfig:
    kind: str  # "emulator" | "pcsc" | "none"
    name: str = ""  # the PC/SC reader name, or "" for the first with a card
    profile: Path | None = None  # the emulator's card profile

    @classmethod
    def parse(cls, text: str, profile: str = "") -> ReaderConfig:
        text = text.strip()
        if text in ("", "none"):
            return cls("none")
        if text == "emulator":
            return cls("emulator", profile=Path(profile) if profile else bundled_profile())
        if text == "pcsc" or text.startswith("pcsc:"):
            return cls("pcsc", text.partition(":")[2])
        raise ValueError(f"unknown reader {text!r}: expected emulator, pcsc, pcsc:NAME or none")


class CardService:
    """Opens a connection per read, so that a card swapped between visits is read afresh."""

    def __init__(
        self,
        config: ReaderConfig,
        csca: CscaStore | None = None,
        today: Callable[[], date] = date.today,
        mode: ReadMode | None = None,
    ) -> None:
        self.config = config
        self.csca = csca or CscaStore.empty()
        self._today = today
        self.mode = mode or ReadMode()
        self._emulated: Transport | None = None

    @property
    def available(self) -> bool:
        return self.config.kind != "none"

    @property
    def emulated(self) -> bool:
        return self.config.kind == "emulator"

    def _emulator(self) -> Transport:
        # One emulated card for the life of the app: it keeps its try counter like a real one.
        if self._emulated is None:
            from hardware.card.emulator.card import EmulatorTransport
            from hardware.card.emulator.profile import CardProfile
            from hardware.card.emulator.run import card_from_profile

            assert self.config.profile is not None
            self._emulated = EmulatorTransport(card_from_profile(CardProfile.load(self.config.profile)))
        return self._emulated

    def connect(self) -> Transport:
        if self.config.kind == "emulator":
            return self._emulator()
        if self.config.kind == "pcsc":
            from hardware.card.pcsc import PcscTransport

            return PcscTransport.connect(self.config.name or None, timeout=CONNECT_TIMEOUT)
        raise CardError(CardErrorKind.NO_READER, "no reader configured")

    def read(
        self, keys: Sequence[CanKey | MrzKey], progress: Callable[[str], None] | None = None
    ) -> CardRead:
        transport = self.connect()
        try:
            return read_card(
                transport, keys, mode=self.mode, csca=self.csca, today=self._today(), progress=progress
            )
        finally:
            if transport is not self._emulated:
                transport.close()


def load_csca(path: str) -> CscaStore:
    """The trust anchors: a folder of CSCA certificates or an ICAO master list; none when empty."""
    if not path:
        return CscaStore.empty()
    return CscaStore.load(Path(path).expanduser())
