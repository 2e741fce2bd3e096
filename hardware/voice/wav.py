"""Speech as 16-bit PCM: read from a synthesiser's WAV, joined, made quieter, written back as WAV.

espeak-ng writing to a pipe cannot go back to fill in the sizes of its WAV header (it leaves
0x7FFFF000 there), so the reader trusts the bytes it has, not the header's lengths. The office's
volume is applied to the samples, not to a mixer, so that it holds whatever the sound card's
mixer is set to, and the cached prompts stay the same at every volume.
"""

from __future__ import annotations

import io
import struct
import wave
from dataclasses import dataclass

import numpy as np


class WavError(ValueError):
    """Bytes that are not 16-bit PCM WAV."""


@dataclass(frozen=True, slots=True)
class Pcm:
    rate: int
    channels: int
    data: bytes  # 16-bit little-endian samples, interleaved

    @property
    def seconds(self) -> float:
        return len(self.data) / (2 * self.channels * self.rate)

    def samples(self) -> np.ndarray:
        return np.frombuffer(self.data, dtype="<i2")

    def loudness(self) -> float:
        """Root mean square of the samples, 0 for silence (full scale is 32767)."""
        samples = self.samples().astype(np.float64)
        return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0

    def scaled(self, volume: int) -> Pcm:
        """At `volume` percent (0-100) of the synthesised loudness."""
        if volume >= 100:
            return self
        quieter = (self.samples().astype(np.int32) * max(volume, 0)) // 100
        return Pcm(self.rate, self.channels, quieter.astype("<i2").tobytes())

    def to_wav(self) -> bytes:
        out = io.BytesIO()
        with wave.open(out, "wb") as writer:
            writer.setnchannels(self.channels)
            writer.setsampwidth(2)
            writer.setframerate(self.rate)
            writer.writeframes(self.data)
        return out.getvalue()


def read_wav(blob: bytes) -> Pcm:
    """The PCM of a RIFF/WAVE file, its data chunk cut to the bytes present."""
    if len(blob) < 12 or blob[:4] != b"RIFF" or blob[8:12] != b"WAVE":
        raise WavError("not a RIFF/WAVE file")
    pos, fmt = 12, None
    while pos + 8 <= len(blob):
        chunk, size = struct.unpack_from("<4sI", blob, pos)
        body = pos + 8
        if chunk == b"fmt ":
            if size < 16:
                raise WavError("short fmt chunk")
            tag, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", blob, body)
            if tag != 1 or bits != 16 or channels < 1 or rate < 1:
                raise WavError(f"not 16-bit PCM (format {tag}, {bits} bits)")
            fmt = (rate, channels)
        elif chunk == b"data":
            if fmt is None:
                raise WavError("data before fmt")
            data = blob[body : body + size]
            frame = 2 * fmt[1]
            return Pcm(fmt[0], fmt[1], data[: len(data) - len(data) % frame])
        pos = body + size + (size & 1)
    raise WavError("no data chunk")


def join(parts: list[Pcm], gap_seconds: float = 0.0) -> Pcm:
    """One after the other with `gap_seconds` of silence between; all of one rate and layout."""
    if not parts:
        raise ValueError("nothing to join")
    first = parts[0]
    if any((p.rate, p.channels) != (first.rate, first.channels) for p in parts):
        raise WavError("the parts differ in rate or channels")
    gap = bytes(2 * first.channels * round(first.rate * gap_seconds))
    return Pcm(first.rate, first.channels, gap.join(p.data for p in parts))
