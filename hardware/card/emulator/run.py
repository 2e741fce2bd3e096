"""Putting an emulated card on a reader: in process (the embedded default) or behind pcscd.

`card_from_profile` builds the chip from a card profile (put it on the in-process reader with
`EmulatorTransport`); `run_vpcd` serves it to a real pcscd through the vpcd driver until Ctrl-C, so
that any PC/SC program (ours through pyscard, or another reader) can read it.
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

from hardware.card.emulator.card import EmulatedCccd
from hardware.card.emulator.profile import CardProfile


def card_from_profile(profile: CardProfile) -> EmulatedCccd:
    options = profile.options
    return EmulatedCccd(
        profile.build_files(),
        profile.can,
        profile.mrz_information,
        pace=options.pace,
        bac=options.bac,
        extended_length=options.extended_length,
        key_tries=options.key_tries,
    )


def run_vpcd(profile_path: Path, host: str, port: int) -> int:
    """Serve the card to vpcd until interrupted; the exit status of `dvc-kiosk card emulate`."""
    from hardware.card.emulator.vpcd import emulate

    card = card_from_profile(CardProfile.load(profile_path))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(f"Emulated card on vpcd {host}:{port}; Ctrl-C to stop.", file=sys.stderr)
    try:
        emulate(card, host, port, stop)
    except KeyboardInterrupt:
        stop.set()
    return 0
