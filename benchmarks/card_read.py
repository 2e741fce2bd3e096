"""How many round trips, bytes and seconds a chip read takes, per access protocol and read mode.

Reads DG1, DG13, DG2 (the sample card's 14.6 KB photo) and EF.SOD from the emulated CCCD and
prints, for PACE and BAC, with READ BINARY by SFI or after SELECT, short or extended length: the
APDU count, the bytes each way and the time; next to it the minimum APDU count for that chunk size
(authentication + Σ ⌈file size / chunk⌉) and how far the mode is from it. On a real reader the
time is dominated by per-APDU latency: `--latency-ms` adds that much per APDU to show the effect
(no measured figure for a real CCCD is public; try 10–50 ms); `--pcsc READER` reads through pcscd
instead of in process (start `dvc-kiosk card emulate` first).

    python benchmarks/card_read.py [--latency-ms 20] [--repeat 3] [--pcsc "Virtual PCD 00 00"]
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from typing import Any

from hardware.card.emulator.card import EmulatorTransport
from hardware.card.emulator.profile import CardProfile
from hardware.card.emulator.run import card_from_profile
from hardware.card.keys import CanKey
from hardware.card.reader import DEFAULT_FILES, ReadMode, read_card
from hardware.card.service import bundled_profile

SHORT_AES, SHORT_3DES = 0xDF, 0xE7


class Delayed:
    """A transport that waits `latency` seconds per APDU, as a reader and the air interface do."""

    def __init__(self, inner: Any, latency: float) -> None:
        self.inner, self.latency = inner, latency
        self.reader_name, self.supports_extended = inner.reader_name, inner.supports_extended

    def transmit(self, raw: bytes) -> bytes:
        time.sleep(self.latency)
        return self.inner.transmit(raw)

    def close(self) -> None:
        self.inner.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pcsc", help="read through this PC/SC reader instead of in process")
    args = parser.parse_args()

    profile = CardProfile.load(bundled_profile())
    files = profile.build_files()
    sizes = {name: len(files[name]) for name in DEFAULT_FILES}
    print("files:", ", ".join(f"{n} {s} B" for n, s in sizes.items()))
    print(f"latency per APDU: {args.latency_ms:g} ms; {args.repeat} runs each, median time\n")
    columns = ("APDUs", "min", "over", "sent", "recv", "time s")
    header = f"{'access':<6} {'mode':<20} " + " ".join(
        f"{c:>{w}}" for c, w in zip(columns, (6, 5, 6, 7, 7, 8), strict=True)
    )
    print(header)
    print("-" * len(header))
    default_over = None
    for access, key in (("PACE", CanKey(profile.can)), ("BAC", profile.mrz_key)):
        for use_sfi in (True, False):
            for extended in (True, False):
                mode = ReadMode(use_sfi=use_sfi, extended=extended)
                times, stats = [], None
                for _ in range(args.repeat):
                    if args.pcsc:
                        from hardware.card.pcsc import PcscTransport

                        transport: Any = PcscTransport.connect(args.pcsc)
                    else:
                        transport = EmulatorTransport(card_from_profile(profile))
                    if args.latency_ms:
                        transport = Delayed(transport, args.latency_ms / 1000)
                    started = time.perf_counter()
                    read = read_card(transport, [key], mode=mode)
                    times.append(time.perf_counter() - started)
                    stats = read.stats
                    transport.close()
                    read.wipe()
                assert stats is not None
                if extended:
                    chunk = mode.extended_chunk
                else:
                    chunk = SHORT_AES if access == "PACE" else SHORT_3DES
                # The fewest APDUs any reader could use with this chunk: authentication, then each
                # file in ⌈size / chunk⌉ reads with no SELECT and no separate header read.
                minimum = stats.auth_apdus + sum(math.ceil(s / chunk) for s in sizes.values())
                over = stats.apdus / minimum - 1
                name = f"{'SFI' if use_sfi else 'SELECT'}+{'ext' if extended else 'short'} {chunk:#x}"
                if use_sfi and extended and access == "PACE":
                    default_over = over
                    name += " *"
                print(
                    f"{access:<6} {name:<20} {stats.apdus:>6} {minimum:>5} {over:>6.0%} "
                    f"{stats.bytes_sent:>7} {stats.bytes_received:>7} {statistics.median(times):>8.3f}"
                )
    print("\n* the default mode (PACE with the CAN, READ BINARY by SFI, extended length)")
    if default_over is not None:
        verdict = "within" if default_over <= 0.10 else "NOT within"
        print(f"default mode: {default_over:.0%} over the minimum APDU count, {verdict} 10 %")


if __name__ == "__main__":
    main()
