"""The Qt TextToSpeech engine (ui/voice_qt.py), where PySide6-Addons is installed.

The project does not install the Addons (espeak-ng is the engine; see ui/voice_qt.py for why), so
these run only where an office added them: with Qt's own "mock" plugin, which speaks silently
word by word, the engine's speaking, its stop from another thread and its deadline are real.
"""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6.QtTextToSpeech", reason="PySide6-Addons is not installed (not a dependency)")

from hardware.voice.engine import Segment  # noqa: E402
from hardware.voice.espeak import SpeechError  # noqa: E402
from ui import voice_qt  # noqa: E402
from ui.voice_qt import QtSpeechEngine, qt_speech_missing  # noqa: E402

SENTENCE = [Segment("Bạn muốn làm thủ tục gì", True), Segment("Các thủ tục được làm nhiều nhất", True)]


def test_the_mock_plugin_is_there() -> None:
    assert qt_speech_missing("mock") == ""
    assert "no-such-engine" in qt_speech_missing("no-such-engine")


def test_speak_returns_once_the_sentence_is_said(qapp) -> None:
    engine = QtSpeechEngine(80, 140, engine="mock")
    try:
        engine.speak(SENTENCE, lambda: False)  # returns: Ready came back
        engine.speak(SENTENCE, lambda: False)  # and again, on the same QTextToSpeech
    finally:
        engine.close()


def test_stop_from_another_thread_ends_speaking(qapp) -> None:
    engine = QtSpeechEngine(80, 140, engine="mock")
    stopped = threading.Event()
    long_text = [Segment(" ".join(["một"] * 400), True)]
    thread = threading.Thread(target=engine.speak, args=(long_text, stopped.is_set))
    try:
        thread.start()
        thread.join(timeout=0.5)
        assert thread.is_alive()  # 400 words take the mock far longer than that
        stopped.set()
        engine.stop()
        thread.join(timeout=10)
        assert not thread.is_alive()
    finally:
        engine.close()


def test_a_sentence_that_never_ends_is_given_up(qapp, monkeypatch) -> None:
    monkeypatch.setattr(voice_qt, "START_SECONDS", 0.2)
    monkeypatch.setattr(voice_qt, "SECONDS_PER_CHARACTER", 0.0)
    engine = QtSpeechEngine(80, 140, engine="mock")
    try:
        with pytest.raises(SpeechError, match="did not finish in time"):
            engine.speak([Segment(" ".join(["một"] * 400), True)], lambda: False)
    finally:
        engine.close()
