"""Kiosk processes that are killed (SIGKILL) at a chosen or a random point, and the rig that drives them.

Run by tests/test_restart.py as `python crash_child.py POINT`, with DVC_KIOSK_DATA_DIR and
DVC_KIOSK_CONFIG set by the test. Points of the visit (the whole Qt app, the demo citizen):
- abandon: the visit reaches the check-answers page, then the process dies before submitting;
- queued: the portal is unreachable, the dossier is queued, then the process dies;
- after-send: the portal has stored the dossier, then the process dies before recording it.

And `outbox-fork`, for killing the outbox many times at random points: a fork server that imports
the kiosk's modules once, then for each `run SEED` line on stdin forks a kiosk process that opens
the store, starts the sender (which sends what earlier runs left) and submits dossiers with about
1 MB of attachments each, until `OutboxCrashRig` (below) kills it after a random delay. Forking
keeps a run to the kill delay instead of a second of interpreter start-up, so that 50 runs fit in
a test; what is killed is still a real process in the middle of real SQLite and socket I/O.
"""

from __future__ import annotations

import hashlib
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from egov.portal.client import PortalClient
    from egov.store import DossierState, Store

HERE = Path(__file__).parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script, the tests folder is sys.path[0], not the root

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOKEN = "training-token"
ADMIN = "training-admin"
ATTACHMENT_BYTES = 512 * 1024  # two per dossier: about 1 MB of scans, as a real visit has
DOSSIERS_PER_RUN = 4


def die() -> None:
    sys.stdout.write("dying\n")
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def visit(point: str) -> None:
    from PySide6.QtGui import QGuiApplication

    from config.settings import load_settings
    from egov.flow import Mode
    from egov.training import example_answers
    from ui.services import build_services
    from ui.shell import Shell
    from ui.staging import capture_all, wait_until

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - must exist for the shell
    services = build_services(load_settings())
    if point == "after-send":
        real_submit = services.portal.submit

        def submit_then_die(dossier):  # type: ignore[no-untyped-def]
            reply = real_submit(dossier)
            assert getattr(reply, "dossier_code", None), reply
            die()

        services.portal.submit = submit_then_die  # type: ignore[method-assign]
    shell = Shell(services, Mode.KIOSK)
    vm = shell.visit
    vm.start()
    vm.useDemo()
    vm.chooseProcedure("1.001193")
    current = vm.visit
    for key, value in example_answers(current.procedure.form, current.form_values, date.today()).items():
        vm.setField(key, "Trần Bé Mới Sinh" if value == "Nguyễn Văn Mẫu" else value)
    vm.submitForm()
    capture_all(shell)
    vm.confirmCheck()
    assert vm.page == "consent", vm.page
    if point == "abandon":
        die()
    vm.setConsent("transmit", True)
    vm.submit()
    wait_until(lambda: vm.page in ("receipt", "fee") and not vm.busy, timeout=60)
    assert not vm.delivered
    die()


# -- the outbox under random kills: the forked kiosk ----------------------------------------------


def say(line: str) -> None:
    # One write per line, below PIPE_BUF: lines of the fork server and its child never interleave,
    # and nothing waits in a stdio buffer that SIGKILL would throw away.
    os.write(1, (line + "\n").encode("ascii"))


def submit_until_killed(seed: int) -> None:
    """A kiosk's life cut short: open the store, start the sender, submit dossiers one by one."""
    from config.settings import load_settings
    from egov.dossier import Attachment, Channel, Dossier, Person
    from egov.outbox import Backoff, Outbox
    from egov.portal.client import PortalClient
    from egov.sender import Sender
    from egov.store import open_store

    settings = load_settings()
    store = open_store(settings)
    client = PortalClient(settings.portal.url, TOKEN, timeout=settings.portal.timeout_seconds)
    backoff = Backoff(settings.outbox.backoff_base_seconds, settings.outbox.backoff_cap_seconds)
    sender: list[Sender] = []
    outbox = Outbox(store, client, "kiosk", backoff=backoff, wake=lambda up: sender[0].wake(up))
    sender.append(Sender(outbox, lease=settings.outbox.lease_seconds, poll=settings.outbox.poll_seconds))
    sender[0].start()
    say("ready")
    rng = random.Random(seed)
    for n in range(DOSSIERS_PER_RUN):
        scans = [os.urandom(ATTACHMENT_BYTES - 16 - rng.randrange(4096)) for _ in range(2)]
        dossier = Dossier(
            procedure_code="1.001193",
            procedure_name="Đăng ký khai sinh",
            applicant=Person(full_name="Nguyễn Thị Mẫu", id_number="001199000001"),
            office_code="H01.99",
            channel=Channel.DIRECT,
            form={"lan": str(n), "hat_giong": str(seed)},
            attachments=[
                Attachment(f"TP{i}", f"Giấy tờ {i}", f"giay-to-{i}.pdf", b"%PDF-1.7\n" + data + b"\n%%EOF", 1)
                for i, data in enumerate(scans)
            ],
        )
        say(f"submitting {dossier.client_id} {' '.join(a.sha256 for a in dossier.attachments)}")
        outbox.submit(dossier, dossier.procedure_name)
        say(f"saved {dossier.client_id}")
    while True:  # the sender goes on; the kill comes
        time.sleep(1)


def fork_server() -> None:
    """Import once, then fork one kiosk per `run SEED` line; report `pid P` and `end P STATUS`."""
    import config.settings  # noqa: F401 - imported here so that each fork starts warm
    import egov.outbox  # noqa: F401
    import egov.sender  # noqa: F401
    import egov.store  # noqa: F401

    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command != "run":
            return
        pid = os.fork()
        if pid == 0:
            try:
                submit_until_killed(int(argument))
            except BaseException:
                import traceback

                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"end {pid} {status}")


# -- the outbox under random kills: the test's side ----------------------------------------------


@dataclass
class CrashCounts:
    """What the runs did and what the portal ended up with; the last four must be zero."""

    runs: int = 0
    killed_before_ready: int = 0
    submitting: int = 0  # dossiers whose submit started (the kill may have come before the save)
    receipts: int = 0  # dossiers whose submit returned: the citizen was given a receipt
    in_store: int = 0
    at_portal: int = 0
    missing: int = 0  # a receipt was given, or the kiosk stored it, but the portal never got it
    duplicated: int = 0  # a dossier the portal holds more than once, or one the kiosk never stored
    corrupt: int = 0  # an attachment whose sha256 at the portal is not what the kiosk made
    not_accepted: int = 0  # stored at the kiosk but not accepted with the portal's code
    kill_delays: list[float] = field(default_factory=list)


class OutboxCrashRig:
    """Runs the fork server against a store in `workdir` and a portal at `portal_url`."""

    def __init__(self, workdir: Path, portal_url: str) -> None:
        self.data_dir = workdir / "kiosk-data"
        self.config = workdir / "kiosk.toml"
        self.config.write_text(
            f'[store]\ndata_dir = "{self.data_dir}"\n'
            f'[portal]\nkind = "http"\nurl = "{portal_url}"\ntimeout_seconds = 3.0\n'
            "[outbox]\nbackoff_base_seconds = 0.05\nbackoff_cap_seconds = 0.5\n"
            "lease_seconds = 10.0\npoll_seconds = 0.2\n",
            encoding="utf-8",
        )
        self.stderr_path = workdir / "fork-server.stderr"
        self.portal_url = portal_url
        env = dict(os.environ, DVC_KIOSK_CONFIG=str(self.config), PYTHONPATH=str(ROOT))
        env.pop("DVC_KIOSK_DATA_DIR", None)
        self._stderr = self.stderr_path.open("wb")
        self._server = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "outbox-fork"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
        )
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.counts = CrashCounts()
        self.made: dict[str, list[str]] = {}  # client id -> sha256 of each attachment as made
        self.receipts: set[str] = set()

    def _read(self) -> None:
        assert self._server.stdout is not None
        for raw in self._server.stdout:
            self._lines.put(raw.decode("ascii").strip())

    def _line(self) -> str:
        try:
            return self._lines.get(timeout=60)
        except queue.Empty:
            raise AssertionError(f"fork server silent; stderr: {self.stderr()}") from None

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")[-3000:]

    def _take(self, line: str) -> None:
        kind, _, rest = line.partition(" ")
        if kind == "submitting":
            client_id, *hashes = rest.split()
            self.made[client_id] = hashes
            self.counts.submitting += 1
        elif kind == "saved":
            self.receipts.add(rest)
            self.counts.receipts += 1

    def run(self, rng: random.Random, max_delay: float) -> None:
        """One kiosk life: fork, kill after a random delay, collect what it said."""
        assert self._server.stdin is not None
        self._server.stdin.write(f"run {rng.randrange(1 << 30)}\n".encode())
        self._server.stdin.flush()
        pid, ready = None, False
        while pid is None:
            line = self._line()
            if line.startswith("pid "):
                pid = int(line.split()[1])
            ready |= line == "ready"
            self._take(line)
        delay = rng.uniform(0.0, max_delay)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        while True:
            line = self._line()
            if line.startswith("end "):
                status = int(line.split()[2])
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                    f"the kiosk process ended by itself (status {status}): {self.stderr()}"
                )
                break
            ready |= line == "ready"
            self._take(line)
        self.counts.runs += 1
        self.counts.killed_before_ready += not ready
        self.counts.kill_delays.append(delay)

    def close(self) -> None:
        if self._server.poll() is None:
            assert self._server.stdin is not None
            self._server.stdin.close()
            self._server.wait(timeout=30)
        self._stderr.close()

    def drain_and_check(self, timeout: float = 120.0) -> CrashCounts:
        """Restart the kiosk (its sender, in this process) until the outbox is empty; then count
        what the portal holds against what the kiosk made, stored and gave receipts for."""
        from config.settings import load_settings
        from egov.outbox import Backoff, Outbox
        from egov.portal.client import PortalClient
        from egov.sender import Sender
        from egov.store import DossierState, open_store

        settings = load_settings(self.config)
        store = open_store(settings)
        client = PortalClient(self.portal_url, TOKEN, timeout=settings.portal.timeout_seconds)
        try:
            outbox = Outbox(store, client, "kiosk", backoff=Backoff(0.05, 0.5))
            sender = Sender(outbox, lease=settings.outbox.lease_seconds, poll=0.2)
            sender.start()
            deadline = time.monotonic() + timeout
            while store.pending() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert sender.stop(timeout=30)
            assert store.verify_audit(), "the audit chain broke under the kills"
            return self._count(store, client, DossierState.ACCEPTED)
        finally:
            client.close()
            store.close()

    def _count(self, store: Store, client: PortalClient, accepted: DossierState) -> CrashCounts:
        counts = self.counts
        kiosk = {str(row.client_id): row for row in store.list_dossiers()}
        held = client.admin_list(ADMIN)
        assert isinstance(held, list), held
        at_portal = Counter(record["client_id"] for record in held)
        counts.in_store, counts.at_portal = len(kiosk), len(held)
        counts.missing = len((self.receipts | kiosk.keys()) - at_portal.keys())
        counts.duplicated = sum(n - 1 for n in at_portal.values()) + len(at_portal.keys() - kiosk.keys())
        counts.not_accepted = sum(
            1
            for record in held
            if (row := kiosk.get(record["client_id"])) is not None
            and (row.state != accepted or row.dossier_code != record["dossier_code"])
        )
        counts.not_accepted += sum(1 for cid, row in kiosk.items() if cid not in at_portal)
        for record in held:
            made = self.made.get(record["client_id"])
            for index, meta in enumerate(record["attachments"]):
                data = client.admin_attachment(ADMIN, record["dossier_code"], index)
                digest = hashlib.sha256(data).hexdigest() if isinstance(data, bytes) else ""
                counts.corrupt += digest != meta["sha256"] or made is None or made[index] != digest
        return counts


if __name__ == "__main__":
    if sys.argv[1] == "outbox-fork":
        fork_server()
    else:
        visit(sys.argv[1])
