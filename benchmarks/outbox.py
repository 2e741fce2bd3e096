"""Figures for the outbox: dossiers per second through it to the training portal with about 1 MB of
attachments each, and how long a backlog left by an outage takes to drain once the portal is back.

The training portal runs as its own process (`dvc-kiosk portal serve`), as it would for staff
practice, so that its parsing does not share the kiosk's interpreter. The outage is made by
tests/faultproxy.py refusing connections while the backlog is submitted (each dossier is saved and
tried once, as at a kiosk); then the proxy passes again and the sender drains the queue. Both run
on a SQLite store and, when a PostgreSQL server can be started as the tests do
(tests/pgserver.py), on PostgreSQL. Nothing is asserted: machines are shared and noisy.

Run: .venv/bin/python benchmarks/outbox.py [--count 50] [--backlog 500] [--senders 1]
     [--base 0.5] [--cap 5] [--no-postgres]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from faultproxy import Fault, FaultProxy  # noqa: E402
from pgserver import PostgresServer, PostgresUnavailable  # noqa: E402

from egov.dossier import Attachment, Channel, Dossier, Person  # noqa: E402
from egov.outbox import Backoff, Delivery, Outbox  # noqa: E402
from egov.portal.client import PortalClient  # noqa: E402
from egov.sender import Sender  # noqa: E402
from egov.store import Store  # noqa: E402

TOKEN = "training-token"
KEY = bytes(range(32))
SCAN_BYTES = 512 * 1024  # two scans a dossier: about 1 MB, a typical visit's documents


def dossier(rng: random.Random) -> Dossier:
    return Dossier(
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        applicant=Person(full_name="Nguyễn Thị Mẫu", id_number="001199000001"),
        office_code="H01.99",
        channel=Channel.DIRECT,
        form={"ho_ten_tre": "Trần Bé Mẫu", "so": str(rng.randrange(10**6))},
        attachments=[
            Attachment(
                f"TP{i}", f"Giấy tờ {i}", f"giay-to-{i}.pdf", b"%PDF-1.7\n" + rng.randbytes(SCAN_BYTES), 1
            )
            for i in range(2)
        ],
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def training_portal(folder: Path) -> Iterator[str]:
    """`dvc-kiosk portal serve` on a free port, until the block ends."""
    folder.mkdir()
    port = free_port()
    command = [str(Path(sys.executable).parent / "dvc-kiosk"), "portal", "serve", "--port", str(port)]
    env = dict(os.environ, DVC_KIOSK_DATA_DIR=str(folder))
    server = subprocess.Popen(
        [*command, "--db", str(folder / "portal.sqlite3")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        client = PortalClient(url, TOKEN, timeout=2.0)
        deadline = time.monotonic() + 30
        while client.health() is not True:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the training portal did not start")
            time.sleep(0.1)
        client.close()
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_drained(stores: list[Store], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while stores[0].pending():
        if time.monotonic() > deadline:
            raise SystemExit(f"backlog not drained in {timeout:.0f} s")
        time.sleep(0.05)


def measure(name: str, url: str, portal_url: str, args: argparse.Namespace) -> None:
    rng = random.Random(7)
    backoff = Backoff(args.base, args.cap)
    stores = [Store(url, KEY) for _ in range(args.senders)]
    proxy = FaultProxy(portal_url)
    proxy.start()
    clients = [PortalClient(proxy.url, TOKEN, timeout=15.0) for _ in stores]
    outboxes = [
        Outbox(store, client, "bench", backoff=backoff) for store, client in zip(stores, clients, strict=True)
    ]
    senders: list[Sender] = []
    try:
        # Submitting while the portal answers: what a citizen waits for after "Nộp hồ sơ".
        made = [dossier(rng) for _ in range(args.count)]
        times = []
        start = time.perf_counter()
        for item in made:
            began = time.perf_counter()
            outcome = outboxes[0].submit(item, item.procedure_name)
            times.append(time.perf_counter() - began)
            assert outcome.delivery is Delivery.ACCEPTED, outcome
        elapsed = time.perf_counter() - start
        megabytes = sum(len(a.data) for d in made for a in d.attachments) / 1e6
        print(
            f"{name:<11} submit, saved then sent: {args.count / elapsed:6.1f} dossiers/s, "
            f"{megabytes / elapsed:6.1f} MB/s, median {statistics.median(times) * 1e3:.0f} ms a dossier"
        )

        # An outage: every submit is saved and tried once, then waits in the queue.
        proxy.mode = Fault.DOWN
        senders = [
            Sender(outbox, lease=300.0, poll=1.0, name=f"bench-sender-{n}")
            for n, outbox in enumerate(outboxes)
        ]
        for sender in senders:
            sender.start()
        start = time.perf_counter()
        for n in range(args.backlog):
            item = dossier(rng)
            assert outboxes[n % len(outboxes)].submit(item, item.procedure_name).delivery is Delivery.QUEUED
        queued_in = time.perf_counter() - start
        refused = proxy.refused
        proxy.mode = Fault.PASS
        back = time.perf_counter()
        first = None
        while first is None:
            if len(stores[0].pending()) < args.backlog:
                first = time.perf_counter() - back
            time.sleep(0.02)
        wait_drained(stores, timeout=3600)
        drained = time.perf_counter() - back
        print(
            f"{name:<11} backlog of {args.backlog}: queued in {queued_in:.1f} s ({refused} connections "
            f"refused meanwhile); after the portal came back, first accepted in {first:.1f} s, "
            f"all in {drained:.1f} s ({args.backlog / (drained - first):.1f} dossiers/s once sending)"
        )
    finally:
        for sender in senders:
            sender.stop(timeout=30)
        proxy.stop()
        for client in clients:
            client.close()
        for store in stores:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50, help="dossiers submitted while the portal answers")
    parser.add_argument("--backlog", type=int, default=500, help="dossiers queued during the outage")
    parser.add_argument("--senders", type=int, default=1, help="senders sharing the store (desks)")
    parser.add_argument("--base", type=float, default=0.5, help="backoff base, seconds")
    parser.add_argument("--cap", type=float, default=5.0, help="backoff cap, seconds")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(
        f"outbox: {args.count} dossiers and a backlog of {args.backlog}, each with two scans of "
        f"{SCAN_BYTES // 1024} KiB; backoff base {args.base} s, cap {args.cap} s; {args.senders} sender(s)"
    )
    with tempfile.TemporaryDirectory(prefix="dvc-bench-outbox-") as folder:
        work = Path(folder)
        with training_portal(work / "portal-1") as portal_url:
            measure("sqlite", f"sqlite:///{work / 'kiosk.sqlite3'}", portal_url, args)
        if args.no_postgres:
            return
        try:
            server = PostgresServer().start()
        except PostgresUnavailable as exc:
            print(f"postgresql  not measured: {str(exc).splitlines()[0]}")
            return
        try:
            with training_portal(work / "portal-2") as portal_url:
                measure("postgresql", server.create_database("bench"), portal_url, args)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
