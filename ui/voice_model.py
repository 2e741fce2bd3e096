"""The voice guidance behind "Nghe lại": what a page asks to be read, said off the GUI thread.

A page hands `say` a list: texts of its own (the title, the subtitle) and values of the visit as
maps, {"code": ...} spelled character by character, {"date": "25/11/2026"} and {"money": ...} in
Vietnamese words (egov/spoken.py). Only the program's fixed prompts (ui/voice_prompts.py) are
cached as WAV; a sentence completed at run time and every value is synthesised on demand and kept
in memory only, so that the disk never holds anything said about a visit. Whatever names
the citizen or holds an ID number is left out, whoever asked for it: the kiosk stands in a public
room. Speech stops when the page changes, when the visit ends (idle wipe) and on "Dừng đọc".

The engine is `[voice] engine`: espeak-ng played by aplay (when either is missing: silent, one log
line saying what to install, the button shown disabled), or, only when named, Qt TextToSpeech
through speech-dispatcher (ui/voice_qt.py says why it is not the default). The agent point is
silent unless `[voice] agent_point`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, SignalInstance, Slot

from config.settings import Settings, VoiceSettings
from egov import spoken
from egov.flow import Mode
from hardware.voice.engine import EspeakEngine, Segment, SilentEngine, SpeechEngine
from hardware.voice.espeak import Espeak
from hardware.voice.player import AplayPlayer
from ui.jobs import Jobs
from ui.voice_prompts import fixed_prompts

if TYPE_CHECKING:
    from egov.visit import Visit

log = logging.getLogger(__name__)

# How a value of the visit is said, by the key a page gives it under.
_SAYERS: dict[str, Callable[[Any], str]] = {
    "code": lambda v: spoken.spell(str(v)),
    "date": spoken.date_words,
    "money": spoken.money_words,
    "number": lambda v: spoken.number_words(int(v)),
}


class VoiceJobs(Jobs):
    """The voice's own worker thread: a long sentence never holds up the card or the portal."""

    LANES = ("voice",)


def cache_dir(settings: Settings) -> Path:
    return settings.data_dir / "voice"


def build_engine(voice: VoiceSettings, folder: Path) -> tuple[SpeechEngine, str]:
    """The engine `[voice] engine` names, and, when it is silent, why (English, for the log)."""
    if voice.engine == "none":
        return SilentEngine(), "[voice] engine is none"
    if voice.engine == "qt":
        from ui.voice_qt import QtSpeechEngine, qt_speech_missing

        missing = qt_speech_missing()
        return (SilentEngine(), missing) if missing else (QtSpeechEngine(voice.volume, voice.rate), "")
    espeak = EspeakEngine(Espeak(voice.voice, voice.rate), AplayPlayer(voice.device), folder, voice.volume)
    if espeak.available:
        return espeak, ""
    return SilentEngine(), f"{espeak.missing()} not installed (apt-get install espeak-ng alsa-utils)"


class VoiceModel(QObject):
    changed = Signal()

    def __init__(
        self,
        settings: Settings,
        mode: Mode,
        parent: QObject | None = None,
        *,
        engine: SpeechEngine | None = None,
        personal: Callable[[], Iterable[str]] = tuple,
        prompts: Iterable[str] = (),
    ) -> None:
        """`personal`: the visit's names and ID numbers at this moment, never to be said.
        `prompts`: the program's fixed prompts (ui/voice_prompts.py), the only texts cached on disk;
        anything else a page asks for (a sentence completed at run time) is synthesised each time."""
        super().__init__(parent)
        voice = settings.voice
        self._read_on_open = voice.read_on_open
        self._personal = personal
        self._prompts = frozenset(prompts)
        self._shown = voice.enabled and (mode is Mode.KIOSK or voice.agent_point)
        if self._shown and settings.office.language != "vi":
            # Its numbers, dates and letter names are Vietnamese words, and so is its voice.
            log.info(
                "voice guidance is off: it speaks Vietnamese only ([office] language = %s)",
                settings.office.language,
            )
            self._shown = False
        if engine is None:
            if self._shown:
                engine, why = build_engine(voice, cache_dir(settings))
            else:
                engine, why = SilentEngine(), ""
            if self._shown and not engine.available:
                log.warning("voice guidance unavailable: %s; the 'Nghe lại' button is disabled", why)
        self._engine = engine
        if self._shown and engine.available:
            log.info("voice guidance by %s", engine.name)
        self._jobs = VoiceJobs(self)
        self._speaking = False
        self._generation = 0  # bumped by every stop: a job of an older generation says nothing more
        self._where = ""

    shown = Property(bool, lambda self: self._shown, notify=changed)
    available = Property(bool, lambda self: self._shown and self._engine.available, notify=changed)
    speaking = Property(bool, lambda self: self._speaking, notify=changed)
    readOnOpen = Property(bool, lambda self: self._shown and self._read_on_open, notify=changed)
    engineName = Property(str, lambda self: self._engine.name, constant=True)

    def segments(self, items: Iterable[Any]) -> list[Segment]:
        """The page's list as segments to say, without anything naming the citizen."""
        personal = [p for p in self._personal() if p]
        out: list[Segment] = []
        for item in items:
            if isinstance(item, str):
                # The page's own sentence, its numbers in words: espeak-ng misreads digits.
                text, source = spoken.readable(item.strip()), item
                fixed = text in self._prompts
            elif isinstance(item, dict) and len(item) == 1:
                kind, value = next(iter(item.items()))
                if kind not in _SAYERS or value in (None, ""):
                    continue
                source = str(value)
                try:
                    text, fixed = _SAYERS[kind](value), False
                except ValueError:
                    log.warning("voice: a %s value could not be said in words; left out", kind)
                    continue
            else:
                continue
            if not text:
                continue
            if spoken.names_person(source, personal) or spoken.names_person(text, personal):
                log.warning("voice: a part naming a person or holding an ID number was left out")
                continue
            out.append(Segment(text, fixed))
        return out

    @Slot("QVariantList")
    def say(self, items: list[Any]) -> None:
        if not (self._shown and self._engine.available):
            return
        segments = self.segments(items)
        if not segments:
            return
        self._halt()
        generation = self._generation
        self._set_speaking(True)

        def work() -> None:
            self._engine.speak(segments, lambda: self._generation != generation)

        self._jobs.run(
            "voice", work, lambda _: self._ended(generation), lambda exc: self._failed(generation, exc)
        )

    @Slot()
    def stop(self) -> None:
        self._halt()
        self._set_speaking(False)

    def follow(self, signal: SignalInstance, where: Callable[[], str]) -> None:
        """Stop speaking whenever `where()` (the page on screen) changes after `signal`."""

        def check() -> None:
            now = where()
            if now != self._where:
                self._where = now
                if self._speaking:
                    self.stop()

        self._where = where()
        signal.connect(check)

    def close(self) -> None:
        self._halt()
        self._engine.close()
        self._jobs.shutdown()

    def _halt(self) -> None:
        self._generation += 1
        self._engine.stop()

    def _ended(self, generation: int) -> None:
        if generation == self._generation:
            self._set_speaking(False)

    def _failed(self, generation: int, exc: BaseException) -> None:
        # The words are never in the message: only what failed.
        log.warning("voice: %s", exc)
        self._ended(generation)

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self._speaking:
            self._speaking = speaking
            self.changed.emit()


def visit_personal(visit: Visit) -> list[str]:
    """The visit's names and ID numbers at this moment: never to be said aloud."""
    said: list[str] = []
    identity = visit.identity
    if identity is not None:
        said += [identity.full_name, identity.id_number, identity.old_id_number]
        said += [identity.father_name, identity.mother_name, identity.spouse_name]
    if visit.authorised is not None:
        said += [visit.authorised.full_name, visit.authorised.id_number]
    return said


def voice_for(shell: Any, settings: Settings, mode: Mode) -> VoiceModel:
    """The shell's voice: silent when the page on screen changes (or the form's question), and when
    the visit ends, idle wipe included."""
    voice = VoiceModel(
        settings,
        mode,
        shell,
        personal=lambda: visit_personal(shell.visit.visit),
        prompts=fixed_prompts(shell.services.catalog),
    )

    def where() -> str:
        agent_page = getattr(shell.agent, "page", "visit")
        page = (
            agent_page
            if agent_page != "visit"
            else shell.lookup.page or shell.tickets.page or shell.visit.page
        )
        return f"{page}/{shell.visit.visit.question}"

    for model in (shell.visit, shell.lookup, shell.tickets, shell.agent):
        if model is not None:
            voice.follow(model.changed, where)
    shell.visit.visitEnded.connect(voice.stop)
    return voice
