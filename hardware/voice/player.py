"""Plays speech on the kiosk's sound card through ALSA's `aplay`, and stops it at once when asked.

Why aplay: the kiosk runs as a system service in a cage session, with no desktop and no
guarantee of a PulseAudio or PipeWire server; ALSA is always there, and where such a server does
run, ALSA's default device leads to it. alsa-utils is about 1 MB; Qt Multimedia would bring
PySide6-Addons (59 MB to download, 156 MB installed). The samples go in on standard input, so no
sound of a visit is ever written to disk; stopping kills the process.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Callable

from hardware.voice.espeak import SpeechError
from hardware.voice.wav import Pcm

COMMAND = "aplay"
# Beyond the sound's own length: opening the device, and a sound server's buffering.
SLACK_SECONDS = 10.0


class AplayPlayer:
    def __init__(self, device: str = "default", command: str = COMMAND) -> None:
        self.device = device
        self.path = shutil.which(command)
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return self.path is not None

    def argv(self) -> list[str]:
        assert self.path is not None
        return [self.path, "-q", "-D", self.device, "-"]

    def play(self, pcm: Pcm, cancelled: Callable[[], bool]) -> None:
        """Play to the end, or until `stop()`; `cancelled()` true before the start plays nothing."""
        if not self.path:
            raise SpeechError("aplay is not installed")
        with self._lock:
            if cancelled():
                return
            try:
                process = subprocess.Popen(
                    self.argv(), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
                )
            except OSError as exc:
                raise SpeechError(f"aplay could not start: {exc.strerror}") from None
            self._process = process
        try:
            _, err = process.communicate(pcm.to_wav(), timeout=pcm.seconds + SLACK_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise SpeechError(f"aplay did not finish within {pcm.seconds + SLACK_SECONDS:.0f} s") from None
        finally:
            with self._lock:
                self._process = None
        if process.returncode != 0 and not cancelled():
            last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise SpeechError(f"aplay exited with {process.returncode}: {last[0]}")

    def stop(self) -> None:
        """From any thread; returns at once."""
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                self._process.kill()
