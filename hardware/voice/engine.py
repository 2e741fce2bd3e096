"""What speaks: the small interface every speech engine offers, and the espeak-ng one.

An utterance is a list of segments. A fixed segment is the program's own text (a page title, a
question): the espeak-ng engine takes it from the prompt cache. A dynamic one is a value of the
visit said in words (the dossier code spelled, the appointment date): synthesised on demand, kept
in memory only. `speak` blocks until the sound has played or was stopped, and is called on the
voice's own worker thread; `stop` may be called from any thread and returns at once. Both
engines give every call a deadline. The Qt TextToSpeech engine (speech-dispatcher), chosen only
by `[voice] engine = "qt"`, is in ui/voice_qt.py, as it needs Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hardware.voice.cache import PromptCache
from hardware.voice.espeak import Espeak
from hardware.voice.player import AplayPlayer
from hardware.voice.wav import join

# Between a title and its subtitle, or a label and its value: a breath, as a person reading would.
GAP_SECONDS = 0.35


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    fixed: bool  # the program's own words (cached), not a value of the visit


class SpeechEngine(Protocol):
    name: str

    @property
    def available(self) -> bool: ...

    def speak(self, segments: Sequence[Segment], cancelled: Callable[[], bool]) -> None:
        """Say the segments in order; raise SpeechError when it cannot. Stops early once
        `cancelled()` is true or `stop()` was called."""
        ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


class EspeakEngine:
    """espeak-ng to WAV (fixed prompts cached on disk), played by aplay at the office's volume."""

    name = "espeak-ng"

    def __init__(self, synthesiser: Espeak, player: AplayPlayer, cache_dir: Path, volume: int) -> None:
        self.synthesiser = synthesiser
        self.player = player
        self.cache = PromptCache(cache_dir, synthesiser)
        self.volume = volume

    @property
    def available(self) -> bool:
        return self.synthesiser.available and self.player.available

    def missing(self) -> str:
        """What is not installed, for the log ("" when nothing is)."""
        return " and ".join(
            name
            for name, there in (("espeak-ng", self.synthesiser.available), ("aplay", self.player.available))
            if not there
        )

    def speak(self, segments: Sequence[Segment], cancelled: Callable[[], bool]) -> None:
        parts = []
        for segment in segments:
            if cancelled():
                return
            parts.append(
                self.cache.get(segment.text) if segment.fixed else self.synthesiser.synthesise(segment.text)
            )
        if parts:
            self.player.play(join(parts, GAP_SECONDS).scaled(self.volume), cancelled)

    def stop(self) -> None:
        self.player.stop()

    def close(self) -> None:
        self.player.stop()


class SilentEngine:
    """No engine could be had: nothing is said, and the "Nghe lại" button shows disabled."""

    name = "none"
    available = False

    def speak(self, segments: Sequence[Segment], cancelled: Callable[[], bool]) -> None:
        return None

    def stop(self) -> None:
        return None

    def close(self) -> None:
        return None
