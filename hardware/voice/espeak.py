"""espeak-ng as the kiosk's synthesiser: text in, a WAV of it out, with a deadline.

Debian 12 ships espeak-ng 1.51 with three Vietnamese voices (vi: Northern, vi-vn-x-central,
vi-vn-x-south). A page title takes about 10 ms to synthesise on the kiosk's two cores, so nothing
needs to be streamed: the whole WAV comes back at once. The text goes in on standard input, never
on the command line (where `ps` would show it, and a leading "-" would be read as an option).
"""

from __future__ import annotations

import logging
import shutil
import subprocess

from hardware.voice.wav import Pcm, WavError, read_wav

log = logging.getLogger(__name__)

COMMAND = "espeak-ng"
# A title is synthesised in about 10 ms; a hung process must not hold the voice's thread longer.
TIMEOUT_SECONDS = 10.0


class SpeechError(Exception):
    """Speech could not be made or played; the text is English, for the log, without the words."""


class Espeak:
    def __init__(self, voice: str, rate: int, command: str = COMMAND) -> None:
        self.voice = voice
        self.rate = rate
        self.path = shutil.which(command)
        self._version = ""

    @property
    def available(self) -> bool:
        return self.path is not None

    def version(self) -> str:
        """espeak-ng's version line: the cache keys on it, so that an upgrade speaks anew."""
        if not self._version and self.path:
            done = self._run(["--version"], b"")
            self._version = done.decode("utf-8", "replace").strip().splitlines()[0]
        return self._version

    def synthesise(self, text: str) -> Pcm:
        if not self.path:
            raise SpeechError("espeak-ng is not installed")
        out = self._run(
            ["-v", self.voice, "-s", str(self.rate), "-b", "1", "--stdin", "--stdout"], text.encode()
        )
        try:
            pcm = read_wav(out)
        except WavError as exc:
            raise SpeechError(f"espeak-ng wrote no usable WAV: {exc}") from None
        if not pcm.data:
            raise SpeechError("espeak-ng wrote no sound")
        return pcm

    def _run(self, args: list[str], stdin: bytes) -> bytes:
        assert self.path is not None
        try:
            done = subprocess.run(
                [self.path, *args], input=stdin, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise SpeechError(f"espeak-ng took longer than {TIMEOUT_SECONDS:g} s") from None
        except OSError as exc:
            raise SpeechError(f"espeak-ng could not start: {exc.strerror}") from None
        if done.returncode != 0:
            last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise SpeechError(f"espeak-ng exited with {done.returncode}: {last[0]}")
        return done.stdout
