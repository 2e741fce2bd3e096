"""The outbox killed with SIGKILL at random points while submitting, a few hundred times, then
restarted: prints how many dossiers were made, stored and given a receipt, and how many the portal
holds, misses, holds twice or holds corrupt (the last three should be 0).

The same rig as the 50-run test in tests/test_restart.py (tests/crash_child.py: a fork server
starts a kiosk per run, which sends what earlier runs left and submits dossiers of about 1 MB until
it is killed), against the training portal on loopback.

Run: .venv/bin/python benchmarks/crash_outbox.py [--runs 300] [--max-delay 1.0] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from crash_child import OutboxCrashRig  # noqa: E402

from egov.portal.server import TrainingPortal  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--max-delay", type=float, default=1.0, help="kill after 0 to this many seconds")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="dvc-bench-crash-") as folder:
        work = Path(folder)
        portal = TrainingPortal(work / "portal.sqlite3")
        url = portal.start()
        try:
            rig = OutboxCrashRig(work, url)
            start = time.perf_counter()
            try:
                for n in range(args.runs):
                    rig.run(rng, args.max_delay)
                    if (n + 1) % 50 == 0:
                        print(f"  {n + 1} runs, {time.perf_counter() - start:.0f} s", flush=True)
            finally:
                rig.close()
            killing = time.perf_counter() - start
            start = time.perf_counter()
            counts = rig.drain_and_check(timeout=600)
            checking = time.perf_counter() - start
        finally:
            portal.stop()
    print(
        f"seed {seed}: {counts.runs} runs killed in {killing:.1f} s; drained and checked in {checking:.1f} s"
    )
    print(
        f"kills: {counts.killed_before_ready} before the kiosk was ready, median delay "
        f"{statistics.median(counts.kill_delays):.2f} s"
    )
    print(
        f"dossiers: {counts.submitting} submits started, {counts.receipts} receipts given, "
        f"{counts.in_store} in the kiosk's store, {counts.at_portal} at the portal"
    )
    print(
        f"problems: {counts.missing} missing, {counts.duplicated} duplicated, {counts.corrupt} corrupt, "
        f"{counts.not_accepted} not accepted with the portal's code"
    )
    if counts.missing or counts.duplicated or counts.corrupt or counts.not_accepted:
        sys.exit(1)


if __name__ == "__main__":
    main()
