"""How long a receipt takes to draw and how many bytes go to the printer, per paper width and QR mode.

For the dossier receipt of a typical visit (the golden receipt of tests/test_receipt_golden.py, not
marked as a reprint), at 384 dots (58 mm) and 576 dots (80 mm), with the QR drawn into the raster
image or sent as a native GS ( k code, prints:

- render: the whole slip drawn to a 1-bit image (what the screen preview and PNG files get);
- encode: the job as sent, ESC @ to the cut (raster bands drawn and packed, native QR commands);
- bytes: the job's size, and how long it takes on a 9600 and a 115200 baud serial line;
- send: the job written over loopback TCP to a sink that reads everything (no status asked: the
  sink is not a printer), i.e. the kiosk's share of the time on a network printer.

Median of --repeat runs. The machine's load shows in the times, not in the bytes.

    python benchmarks/receipt.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import dataclasses
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_receipt_golden import golden_receipt  # noqa: E402

from hardware.printer import PROFILES, EscPosPrinter, Timeouts  # noqa: E402
from hardware.raster import render  # noqa: E402

BASE_PROFILE = {384: "pos-58", 576: "pos-80"}


class Sink:
    """A TCP port that reads and counts every byte, as a printer's network card does."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.server.settimeout(0.2)
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            with connection:
                while data := connection.recv(65536):
                    self.received += len(data)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.server.close()


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    blocks = golden_receipt(reprint=False)
    render(blocks, 384)  # fonts loaded and cached before anything is timed
    sink = Sink()
    rows = []
    try:
        for width in (384, 576):
            render_ms = median_ms(lambda w=width: render(blocks, w), args.repeat)
            for native in (False, True):
                # No status requests: the sink reads, it does not answer like a printer.
                profile = dataclasses.replace(
                    PROFILES[BASE_PROFILE[width]], native_qr=native, dle_eot=False, gs_r=False
                )
                printer = EscPosPrinter(f"tcp://127.0.0.1:{sink.port}", profile, Timeouts())
                job = printer.encode_blocks(blocks)
                encode_ms = median_ms(lambda p=printer: p.encode_blocks(blocks), args.repeat)
                send_ms = median_ms(lambda p=printer: p.print_blocks(blocks), args.repeat)
                mode = "native" if native else "raster"
                rows.append((width, mode, render_ms, encode_ms, len(job), send_ms))
    finally:
        sink.close()
    header = ("dots", "QR", "render ms", "encode ms", "bytes", "9600 Bd s", "115200 Bd s", "TCP send ms")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for width, mode, render_ms, encode_ms, size, send_ms in rows:
        # 10 bits a byte on the wire (start, 8 data, stop).
        cells = (
            str(width),
            mode,
            f"{render_ms:.1f}",
            f"{encode_ms:.1f}",
            f"{size:,}",
            f"{size * 10 / 9600:.1f}",
            f"{size * 10 / 115200:.2f}",
            f"{send_ms:.1f}",
        )
        print(" | ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
