"""Fixed prompts (page titles, questions) synthesised once and kept as WAV files.

The file's name is a hash of the synthesiser's version, the voice, the rate and the text: a change
of any of them speaks anew, and the text itself is nowhere in a file name. Only fixed text from
the program goes here, never a value of the visit (a dossier code, a date), so that the cache
holds nothing about any citizen. `dvc-kiosk voice prepare` fills it at install time; a prompt
missing from it is synthesised on first use and kept.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from hardware.voice.espeak import Espeak
from hardware.voice.wav import Pcm, WavError, read_wav


class PromptCache:
    def __init__(self, folder: Path, synthesiser: Espeak) -> None:
        self.folder = folder
        self.synthesiser = synthesiser

    def path_for(self, text: str) -> Path:
        s = self.synthesiser
        key = "\n".join((s.version(), s.voice, str(s.rate), text))
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()[:40]}.wav"

    def get(self, text: str) -> Pcm:
        """The prompt from its file, or synthesised now and written for next time."""
        path = self.path_for(text)
        try:
            return read_wav(path.read_bytes())
        except (OSError, WavError):
            pass  # not there yet, or cut short by a power cut: made again
        pcm = self.synthesiser.synthesise(text)
        self._write(path, pcm.to_wav())
        return pcm

    def has(self, text: str) -> bool:
        return self.path_for(text).is_file()

    def _write(self, path: Path, blob: bytes) -> None:
        # Written aside and renamed: a reader never sees half a file, and two writers agree.
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
