"""Qt TextToSpeech as a speech engine: speech-dispatcher and its espeak-ng module, via PySide6-Addons.

Only when an office sets `[voice] engine = "qt"`; the default is espeak-ng itself. Measured on
Debian 12 with PySide6-Addons 6.12.0 (a 59 MB wheel, 156 MB installed): its only Linux plugins are
speechd and mock (no flite); speechd cannot synthesise to a file (Speak and PauseResume only), so
nothing can be cached; with no sound device speech-dispatcher stays "Speaking" for ever, and once
it is in that state constructing a QTextToSpeech("speechd") did not return in 120 s, holding
Python's GIL: the whole app, GUI thread included, stops, whatever thread the call is on. What can
be done here is done: the QTextToSpeech lives on a thread of its own, calls reach it queued,
and `speak` gives up after a deadline, so a sentence that never ends is survived.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, QObject, QThread, Signal, Slot

from hardware.voice.engine import Segment
from hardware.voice.espeak import SpeechError

# speech-dispatcher's words a minute at Qt's rate 0, as espeak-ng's.
NORMAL_RATE = 175
# Time to start, then time per character (a slow 140 words a minute is about 12 characters a second).
START_SECONDS = 5.0
SECONDS_PER_CHARACTER = 0.2


def qt_speech_missing(engine: str = "speechd") -> str:
    """Why Qt TextToSpeech cannot speak here ("" when it can), for the log."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return "Qt TextToSpeech not installed (PySide6-Addons)"
    if engine not in QTextToSpeech.availableEngines():
        return f"Qt TextToSpeech has no {engine} plugin"
    return ""


class _Speaker(QObject):
    """On the speech thread: owns the QTextToSpeech, made at the first sentence."""

    def __init__(self, engine: str, volume: int, rate: int) -> None:
        super().__init__()
        self._engine, self._volume, self._rate = engine, volume, rate
        self._tts = None
        self.idle = threading.Event()
        self.idle.set()
        self.error = ""

    @Slot(str)
    def say(self, text: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts is None:
            tts = QTextToSpeech(self._engine, self)
            tts.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
            tts.setVolume(self._volume / 100)
            tts.setRate(max(-1.0, min(1.0, (self._rate - NORMAL_RATE) / NORMAL_RATE)))
            tts.stateChanged.connect(self._state)
            self._tts = tts
        self._tts.say(text)

    @Slot()
    def halt(self) -> None:
        if self._tts is not None:
            self._tts.stop()
        self.idle.set()

    def _state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Error:
            self.error = self._tts.errorString() if self._tts is not None else "error"
        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self.idle.set()


class QtSpeechEngine(QObject):
    name = "qt-texttospeech"
    _say = Signal(str)
    _halt = Signal()

    def __init__(self, volume: int, rate: int, engine: str = "speechd") -> None:
        super().__init__()
        self._thread = QThread()
        self._thread.setObjectName("dvc-voice-qt")
        self._speaker = _Speaker(engine, volume, rate)
        self._speaker.moveToThread(self._thread)
        self._say.connect(self._speaker.say)
        self._halt.connect(self._speaker.halt)
        self._thread.start()

    @property
    def available(self) -> bool:
        return True

    def speak(self, segments: Sequence[Segment], cancelled: Callable[[], bool]) -> None:
        text = ". ".join(s.text.rstrip(".") for s in segments)
        speaker = self._speaker
        speaker.idle.clear()
        speaker.error = ""
        self._say.emit(text)
        deadline = time.monotonic() + START_SECONDS + SECONDS_PER_CHARACTER * len(text)
        # Ready comes once the sentence has been said; the wait looks up now and then for a stop.
        while not speaker.idle.wait(0.1):
            if cancelled():
                self._halt.emit()
                return
            if time.monotonic() > deadline:
                self._halt.emit()
                raise SpeechError("Qt TextToSpeech did not finish in time; is a sound device there?")
        if speaker.error:
            raise SpeechError(f"Qt TextToSpeech: {speaker.error}")

    def stop(self) -> None:
        self._halt.emit()

    def close(self) -> None:
        self._halt.emit()
        self._thread.quit()
        self._thread.wait(2000)
