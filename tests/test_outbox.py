"""The outbox under the faults a ward office meets, against the real training portal over real
loopback sockets, with tests/faultproxy.py in between: the portal down for a minute, 500 then 200,
429 with Retry-After, a reply slower than the timeout, a reply lost after the portal committed, a
4xx refusal. Each ends with exactly one dossier at the portal and the right state and dossier code
at the kiosk. Also: backoff that survives a restart, claims a dead sender left behind, and several
senders on one store (SQLite and PostgreSQL) never sending one dossier twice.

Backoff is set small here (tens of milliseconds) so that the tests stay fast; the people in the
dossiers are fictional.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from faultproxy import SERVER_ERROR, Canned, Fault, FaultProxy

from egov.dossier import Attachment, Channel, Dossier, Person
from egov.outbox import Backoff, Delivery, Outbox, new_sender_id
from egov.portal.client import PortalClient
from egov.portal.server import TrainingPortal
from egov.sender import Sender
from egov.store import DossierState, Store, StoreError

TOKEN = "training-token"
ADMIN = "training-admin"
KEY = bytes(range(32))
NAME = "Nguyễn Thị Mẫu"
ID_NUMBER = "001199000001"
FAST = Backoff(base=0.05, cap=0.5)


def scan(seed: int, size: int = 20_000) -> bytes:
    body = bytes((seed * 131 + i * 7) % 256 for i in range(size))
    return b"%PDF-1.7\n" + body + b"\n%%EOF"


def make_dossier(seed: int = 0, procedure: str = "1.001193") -> Dossier:
    return Dossier(
        procedure_code=procedure,
        procedure_name="Đăng ký khai sinh",
        applicant=Person(full_name=NAME, id_number=ID_NUMBER, phone="0900000000"),
        office_code="H01.99",
        channel=Channel.DIRECT,
        form={"ho_ten_tre": "Trần Bé Mẫu", "noi_sinh": "Phường Mẫu"},
        attachments=[
            Attachment("TP1", "Tờ khai", "to-khai.pdf", scan(seed), 1),
            Attachment("TP2", "Giấy chứng sinh", "chung-sinh.pdf", scan(seed + 1000), 1),
        ],
    )


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[TrainingPortal]:
    server = TrainingPortal(tmp_path / "portal.sqlite3")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def proxy(portal: TrainingPortal) -> Iterator[FaultProxy]:
    with FaultProxy(portal.url, slow_seconds=3.0) as running:
        yield running


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'kiosk.sqlite3'}", KEY)
    yield opened
    opened.close()


class Kiosk:
    """An outbox and its sender on one store, talking to the portal through the proxy."""

    def __init__(self, store: Store, url: str, backoff: Backoff = FAST, lease: float = 60.0) -> None:
        self.client = PortalClient(url, TOKEN, timeout=1.0)
        self.sender: Sender | None = None
        self.outbox = Outbox(store, self.client, "kiosk", backoff=backoff, wake=self._wake)
        self.lease = lease

    def _wake(self, portal_up: bool) -> None:
        if self.sender is not None:
            self.sender.wake(portal_up)

    def start(self) -> Kiosk:
        self.sender = Sender(self.outbox, lease=self.lease, poll=0.2)
        self.sender.start()
        return self

    def close(self) -> None:
        if self.sender is not None:
            assert self.sender.stop(timeout=10)
        self.client.close()


@pytest.fixture
def kiosks() -> Iterator[list[Kiosk]]:
    made: list[Kiosk] = []
    yield made
    for kiosk in made:
        kiosk.close()


def open_kiosk(kiosks: list[Kiosk], store: Store, url: str, **options: object) -> Kiosk:
    kiosk = Kiosk(store, url, **options)  # type: ignore[arg-type]
    kiosks.append(kiosk)
    return kiosk


def accepted(store: Store, *dossiers: Dossier) -> bool:
    return all(store.outbox_entry(d.client_id).state is DossierState.ACCEPTED for d in dossiers)


def assert_once_at_portal(
    portal: TrainingPortal, store: Store, proxy: FaultProxy, *dossiers: Dossier
) -> None:
    """Each dossier is at the portal exactly once, under the code the kiosk recorded, with the
    attachments the kiosk saved; no two sends of one dossier were ever in flight together."""
    held = {r["client_id"]: r for r in PortalClient(portal.url, TOKEN).admin_list(ADMIN)}  # type: ignore[union-attr]
    assert portal.stored_count() == len(dossiers) == len(held)
    for dossier in dossiers:
        entry = store.outbox_entry(dossier.client_id)
        record = held[str(dossier.client_id)]
        assert entry.state is DossierState.ACCEPTED
        assert entry.dossier_code == record["dossier_code"]
        assert [a["sha256"] for a in record["attachments"]] == [a.sha256 for a in dossier.attachments]
    assert not proxy.overlapping, "two sends of one dossier were in flight at the same time"
    assert store.verify_audit()


def trail(store: Store, dossier: Dossier) -> list[str]:
    return [e.detail for e in store.audit_trail(f"dossier:{dossier.client_id}")]


# -- the faults ----------------------------------------------------------------------------------


def test_portal_down_for_a_minute_then_every_dossier_arrives_once(
    portal: TrainingPortal, proxy: FaultProxy, store: Store, kiosks: list[Kiosk]
) -> None:
    kiosk = open_kiosk(kiosks, store, proxy.url, backoff=Backoff(base=0.5, cap=8.0)).start()
    proxy.mode = Fault.DOWN
    dossiers = [make_dossier(seed) for seed in range(3)]
    outcomes = [kiosk.outbox.submit(d, d.procedure_name) for d in dossiers]
    # The citizen leaves with a receipt: recorded, to be sent when the network is back.
    assert [o.delivery for o in outcomes] == [Delivery.QUEUED] * 3
    assert store.find_dossier(outcomes[0].local_reference).dossier_code is None

    time.sleep(60)
    refused_while_down = proxy.refused
    proxy.mode = Fault.PASS
    wait_until(lambda: accepted(store, *dossiers), 60, "the queued dossiers to be accepted")

    assert_once_at_portal(portal, store, proxy, *dossiers)
    # It kept trying through the outage, backing off instead of hammering the portal: with full
    # jitter capped at 8 s, a minute holds about 15 tries; one a second per dossier would be 180.
    assert 3 < refused_while_down < 60, refused_while_down
    code = store.outbox_entry(dossiers[0].client_id).dossier_code
    assert store.find_dossier(outcomes[0].local_reference).dossier_code == code
    assert any(detail.startswith("sending -> queued; reason=offline") for detail in trail(store, dossiers[0]))


def test_500_then_200(portal: TrainingPortal, proxy: FaultProxy, store: Store, kiosks: list[Kiosk]) -> None:
    kiosk = open_kiosk(kiosks, store, proxy.url).start()
    proxy.plan(SERVER_ERROR, SERVER_ERROR)
    dossier = make_dossier()
    outcome = kiosk.outbox.submit(dossier, dossier.procedure_name)
    assert outcome.delivery is Delivery.QUEUED
    wait_until(lambda: accepted(store, dossier), 30, "the dossier to be accepted")

    assert_once_at_portal(portal, store, proxy, dossier)
    assert proxy.requests == 3 and proxy.submits[str(dossier.client_id)] == 1
    details = trail(store, dossier)
    assert sum("reason=server:internal" in d for d in details) == 2
    assert store.outbox_entry(dossier.client_id).attempts == 3


@pytest.mark.parametrize("retry_after", ["2", "HTTP-date"])
def test_429_waits_as_long_as_the_portal_asks(
    portal: TrainingPortal, proxy: FaultProxy, store: Store, kiosks: list[Kiosk], retry_after: str
) -> None:
    from email.utils import format_datetime

    kiosk = open_kiosk(kiosks, store, proxy.url, backoff=Backoff(base=0.01, cap=0.02))
    before = store.now()
    header = "2" if retry_after == "2" else format_datetime(before + timedelta(seconds=3), usegmt=True)
    proxy.plan(Canned(429, {"error": "rate_limited"}, {"Retry-After": header}))
    dossier = make_dossier()
    assert kiosk.outbox.submit(dossier, dossier.procedure_name).delivery is Delivery.QUEUED

    entry = store.outbox_entry(dossier.client_id)
    assert entry.reason == "server:rate_limited"
    # Our own backoff would have said 20 ms at most; the portal's 2 s (or its date) wins.
    assert entry.next_attempt_at is not None and entry.next_attempt_at >= before + timedelta(seconds=1.5)
    kiosk.start()
    wait_until(lambda: accepted(store, dossier), 30, "the dossier to be accepted")
    assert_once_at_portal(portal, store, proxy, dossier)


def test_a_reply_slower_than_the_timeout_is_not_a_second_dossier(
    portal: TrainingPortal, proxy: FaultProxy, store: Store, kiosks: list[Kiosk]
) -> None:
    kiosk = open_kiosk(kiosks, store, proxy.url).start()
    proxy.plan(Fault.SLOW)
    dossier = make_dossier()
    outcome = kiosk.outbox.submit(dossier, dossier.procedure_name)
    assert outcome.delivery is Delivery.QUEUED
    assert portal.stored_count() == 1, "the portal stored it; only its reply was late"
    wait_until(lambda: accepted(store, dossier), 30, "the dossier to be accepted")

    assert_once_at_portal(portal, store, proxy, dossier)
    assert proxy.submits[str(dossier.client_id)] == 2
    assert any("reason=timeout" in detail for detail in trail(store, dossier))


def test_a_reply_lost_after_the_portal_committed_is_not_a_second_dossier(
    portal: TrainingPortal, proxy: FaultProxy, store: Store, kiosks: list[Kiosk]
) -> None:
    kiosk = open_kiosk(kiosks, store, proxy.url).start()
    proxy.plan(Fault.CUT)
    dossier = make_dossier()
    outcome = kiosk.outbox.submit(dossier, dossier.procedure_name)
    assert outcome.delivery is Delivery.QUEUED
    assert portal.stored_count() == 1
    wait_until(lambda: accepted(store, dossier), 30, "the dossier to be accepted")

    assert_once_at_portal(portal, store, proxy, dossier)
    assert proxy.submits[str(dossier.client_id)] == 2


def test_a_4xx_needs_attention_with_the_portals_reason_and_is_not_retried(
    portal: TrainingPortal, proxy: FaultProxy, store: Store, kiosks: list[Kiosk]
) -> None:
    kiosk = open_kiosk(kiosks, store, proxy.url).start()
    dossier = make_dossier(procedure="1.23")  # not a procedure code: the portal answers 422
    outcome = kiosk.outbox.submit(dossier, dossier.procedure_name)
    assert outcome.delivery is Delivery.NEEDS_ATTENTION

    for _ in range(10):  # many backoff periods: a retryable failure would have been sent again
        kiosk.sender.wake()  # type: ignore[union-attr]
        time.sleep(0.1)
    assert proxy.requests == 1
    entry = store.outbox_entry(dossier.client_id)
    assert (entry.state, entry.reason, entry.dossier_code) == (
        DossierState.NEEDS_ATTENTION,
        "rejected:invalid_field",
        None,
    )
    assert portal.stored_count() == 0

    # The agent's two answers: send it again (refused again, still no loop), or give it up.
    kiosk.outbox.retry(dossier.client_id)
    wait_until(lambda: proxy.requests == 2, 10, "the retry by staff to be sent")
    wait_until(
        lambda: store.outbox_entry(dossier.client_id).state is DossierState.NEEDS_ATTENTION, 10, "the refusal"
    )
    kiosk.outbox.reject(dossier.client_id, "staff: wrong procedure")
    assert store.outbox_entry(dossier.client_id).state is DossierState.REJECTED
    with pytest.raises(StoreError, match="rejected, not needs_attention"):
        kiosk.outbox.retry(dossier.client_id)


def test_a_refusal_quoting_the_citizen_keeps_only_the_code(
    proxy: FaultProxy, store: Store, kiosks: list[Kiosk], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    kiosk = open_kiosk(kiosks, store, proxy.url)
    quoting = {"error": "invalid_field", "message": f"Họ tên {NAME}, số {ID_NUMBER} không khớp"}
    proxy.plan(Canned(422, quoting))
    dossier = make_dossier()
    assert kiosk.outbox.submit(dossier, dossier.procedure_name).delivery is Delivery.NEEDS_ATTENTION

    assert store.outbox_entry(dossier.client_id).reason == "rejected:invalid_field"
    kept = " ".join(trail(store, dossier)) + caplog.text
    assert NAME not in kept and ID_NUMBER not in kept


# -- restarts, claims and several senders --------------------------------------------------------


def test_backoff_survives_a_restart_and_a_rebooted_kiosk_does_not_hammer(
    portal: TrainingPortal, proxy: FaultProxy, tmp_path: Path, kiosks: list[Kiosk]
) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    first = Store(url, KEY)
    kiosk = open_kiosk(kiosks, first, proxy.url).start()
    proxy.plan(Canned(503, {"error": "internal"}, {"Retry-After": "30"}))
    dossier = make_dossier()
    assert kiosk.outbox.submit(dossier, dossier.procedure_name).delivery is Delivery.QUEUED
    kiosk.close()
    kiosks.remove(kiosk)
    first.close()

    rebooted = Store(url, KEY)
    try:
        again = open_kiosk(kiosks, rebooted, proxy.url).start()
        for _ in range(10):
            again.sender.wake()  # type: ignore[union-attr]
            time.sleep(0.1)
        assert proxy.requests == 1, "the portal asked for 30 s; the reboot did not forget it"
        assert rebooted.outbox_entry(dossier.client_id).state is DossierState.QUEUED
        again.sender.wake(portal_up=True)  # type: ignore[union-attr]
        rebooted.make_due()  # what the first answer after an outage does
        wait_until(lambda: accepted(rebooted, dossier), 30, "the dossier to be accepted")
        assert_once_at_portal(portal, rebooted, proxy, dossier)
    finally:
        for kiosk in kiosks:
            kiosk.close()
        kiosks.clear()
        rebooted.close()


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_claims_left_by_a_dead_sender_or_past_their_lease_are_sent_once(
    portal: TrainingPortal, proxy: FaultProxy, store: Store, kiosks: list[Kiosk]
) -> None:
    here = new_sender_id().rsplit("/", 2)[0]
    crashed, stale, busy = make_dossier(1), make_dossier(2), make_dossier(3)
    store.save_dossier(crashed, claimed_by=f"{here}/{dead_pid()}/1")  # this machine, process gone
    store.save_dossier(stale, claimed_by="other-desk.0/boot/77/1")  # another machine, long ago
    store.save_dossier(busy, claimed_by="other-desk.0/boot/78/1")  # another machine, sending now
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE dossiers SET claimed_at = ? WHERE client_id = ?",
            ((store.now() - timedelta(minutes=5)).replace(tzinfo=None), str(stale.client_id)),
        )

    open_kiosk(kiosks, store, proxy.url, lease=120.0).start()
    wait_until(lambda: accepted(store, crashed, stale), 30, "the abandoned claims to be sent")
    time.sleep(0.5)
    assert proxy.submits[str(busy.client_id)] == 0, "a live claim within its lease is left alone"
    assert store.outbox_entry(busy.client_id).state is DossierState.SENDING
    assert "sending -> queued; reason=sender_gone" in trail(store, crashed)
    assert "sending -> queued; reason=lease_expired" in trail(store, stale)
    assert proxy.submits[str(crashed.client_id)] == proxy.submits[str(stale.client_id)] == 1


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.sqlite3'}"
    return str(request.getfixturevalue("fresh_postgres_url"))


def test_several_senders_on_one_store_never_send_a_dossier_twice(
    portal: TrainingPortal, proxy: FaultProxy, store_url: str, kiosks: list[Kiosk]
) -> None:
    desks = [Store(store_url, KEY) for _ in range(3)]  # three desks: three connections, as processes
    try:
        dossiers = [make_dossier(seed) for seed in range(30)]
        for n, dossier in enumerate(dossiers):
            desks[n % 3].save_dossier(dossier)
        started = [open_kiosk(kiosks, desk, proxy.url) for desk in desks]
        go = threading.Barrier(len(started))

        def start(kiosk: Kiosk) -> None:
            go.wait()
            kiosk.start()

        threads = [threading.Thread(target=start, args=(k,)) for k in started]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # Meanwhile a citizen submits at one desk: saved already claimed, never picked by another.
        extra = make_dossier(99)
        started[0].outbox.submit(extra, extra.procedure_name)
        wait_until(lambda: accepted(desks[1], *dossiers, extra), 60, "all dossiers to be accepted")

        assert_once_at_portal(portal, desks[2], proxy, *dossiers, extra)
        assert set(proxy.submits.values()) == {1}, "a dossier was sent twice"
        assert proxy.submits.keys() == {str(d.client_id) for d in [*dossiers, extra]}
    finally:
        for kiosk in kiosks:
            kiosk.close()
        kiosks.clear()
        for desk in desks:
            desk.close()


DESK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from egov.outbox import Backoff, Outbox
    from egov.portal.client import PortalClient
    from egov.sender import Sender
    from egov.store import Store
    url, portal, go = sys.argv[1:4]
    store = Store(url, bytes(range(32)))
    client = PortalClient(portal, "training-token", timeout=5.0)
    outbox = Outbox(store, client, "desk", backoff=Backoff(0.05, 0.5))
    sender = Sender(outbox, lease=60.0, poll=0.1)
    while not Path(go).exists():
        time.sleep(0.005)
    sender.start()
    while store.pending():
        time.sleep(0.05)
    assert sender.stop(timeout=10)
    store.close()
    """
)


@pytest.mark.postgres
def test_two_processes_on_one_postgresql_never_send_a_dossier_twice(
    portal: TrainingPortal, proxy: FaultProxy, fresh_postgres_url: str, tmp_path: Path
) -> None:
    with Store(fresh_postgres_url, KEY) as office:
        dossiers = [make_dossier(seed) for seed in range(30)]
        for dossier in dossiers:
            office.save_dossier(dossier)
        go = tmp_path / "go"
        desks = [
            subprocess.Popen(
                [sys.executable, "-c", DESK, fresh_postgres_url, proxy.url, str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(2)
        ]
        time.sleep(1.0)  # both interpreters up and waiting at the line
        go.touch()
        for desk in desks:
            _, err = desk.communicate(timeout=120)
            assert desk.returncode == 0, err.decode()[-3000:]
        assert_once_at_portal(portal, office, proxy, *dossiers)
        assert set(proxy.submits.values()) == {1}, "a dossier was sent twice"


def test_stop_returns_while_idle_and_a_second_start_is_refused(store: Store, proxy: FaultProxy) -> None:
    outbox = Outbox(store, PortalClient(proxy.url, TOKEN, timeout=1.0), "kiosk", backoff=FAST)
    sender = Sender(outbox, lease=60.0, poll=30.0)
    sender.start()
    with pytest.raises(RuntimeError):
        sender.start()
    assert sender.running
    assert sender.stop(timeout=5), "an idle sender stops at once, not after its 30 s poll"
    assert not sender.running
