"""Status tracking against the training portal over loopback: the poller keeps the portal's status
in the store, the kiosk's look-up answers by receipt QR or by code + the ID number's last digits,
a wrong guess learns nothing, late dossiers show up in the agent's list, and retention purges the
personal data while the look-up keeps working."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from test_outbox import wait_until

from egov.dossier import Attachment, Channel, Dossier, Person
from egov.outbox import Delivery, Outbox, local_reference
from egov.portal.client import PortalClient
from egov.portal.contract import PortalStatus
from egov.portal.server import TrainingPortal
from egov.retention import Purger
from egov.store import DossierNotFound, DossierState, DossierView, Store
from egov.tracking import CLOSED, Found, PortalUnreachable, StatusPoller, look_up, poll_once

TOKEN, ADMIN = "training-token", "training-admin"
KEY = bytes(range(32))
ID_NUMBER = "001199004321"
HOUR = timedelta(hours=1)


class Clock:
    """The store's clock, moved by the test (retention and polling intervals are days and hours)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_dossier(name: str = "Trần Văn Bình", id_number: str = ID_NUMBER) -> Dossier:
    return Dossier(
        procedure_code="1.004222",
        procedure_name="Đăng ký thường trú",
        applicant=Person(full_name=name, id_number=id_number, phone="0900000000"),
        office_code="H01.99",
        channel=Channel.ONLINE,
        form={"ho_ten": name},
        attachments=[Attachment("KQ001", "Tờ khai", "tờ khai.pdf", b"%PDF-1.4\n1\n%%EOF", pages=1)],
        fee=0,
    )


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[TrainingPortal]:
    training = TrainingPortal(tmp_path / "portal.sqlite3", processing_days=lambda code, channel: 5)
    training.start()
    yield training
    training.stop()


@pytest.fixture
def client(portal: TrainingPortal) -> Iterator[PortalClient]:
    with PortalClient(portal.url, TOKEN, timeout=5.0) as portal_client:
        yield portal_client


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[Store]:
    # The look-up and the agent's lists are queries: both databases must answer them alike.
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    else:
        url = str(request.getfixturevalue("fresh_postgres_url"))
    with Store(url, KEY, clock=clock) as opened:
        yield opened


def submit(store: Store, client: PortalClient, dossier: Dossier | None = None) -> tuple[Dossier, str]:
    dossier = dossier or make_dossier()
    outcome = Outbox(store, client, "kiosk-test").submit(dossier, dossier.procedure_name)
    assert outcome.delivery is Delivery.ACCEPTED and outcome.dossier_code
    return dossier, outcome.dossier_code


def trail(store: Store, dossier: Dossier) -> list[str]:
    return [
        e.detail
        for e in store.audit_trail(f"dossier:{dossier.client_id}")
        if e.action == "dossier.portal_status"
    ]


def test_code_and_last_digits_find_the_dossier_and_wrong_digits_find_nothing(
    store: Store, client: PortalClient
) -> None:
    _, code = submit(store, client)
    view = look_up(store, client, code, ID_NUMBER[-4:], today=date(2026, 11, 23))
    assert view.code == code and view.procedure_name == "Đăng ký thường trú"
    assert view.status is PortalStatus.NEW and view.found is Found.FRESH
    assert view.message == "Hồ sơ đã đến cơ quan và đang chờ tiếp nhận."
    assert view.masked_name == "T*** V** B***"
    assert view.appointment is not None and not view.late
    # Wrong digits and an unknown code fail alike: a guesser cannot tell which codes exist.
    with pytest.raises(DossierNotFound) as wrong_digits:
        look_up(store, client, code, "9999", today=date(2026, 11, 23))
    with pytest.raises(DossierNotFound) as unknown:
        look_up(store, client, "H01.99-261123-9999", ID_NUMBER[-4:], today=date(2026, 11, 23))
    assert str(wrong_digits.value) == str(unknown.value)
    for typo in ("", "432", "43210", "abcd"):
        with pytest.raises(DossierNotFound):
            look_up(store, client, code, typo, today=date(2026, 11, 23))


def test_the_poller_keeps_the_portals_status_and_the_lookup_still_answers_offline(
    portal: TrainingPortal, store: Store, client: PortalClient, clock: Clock
) -> None:
    dossier, code = submit(store, client)
    assert client.admin_set_status(ADMIN, code, PortalStatus.PROCESSING).status is PortalStatus.PROCESSING
    clock.now += 2 * HOUR
    assert poll_once(store, client, interval=HOUR) == (1, 1)
    # Never asked before: the first answer brings the status and the appointment date.
    assert trail(store, dossier)[-1].startswith("portal_status - -> 4; appointment -> 2026-")
    # Asked again within the interval: nothing to do.
    assert poll_once(store, client, interval=HOUR) == (0, 0)
    url = portal.url
    portal.stop()
    with PortalClient(url, TOKEN, timeout=1.0) as offline:
        view = look_up(store, offline, code, ID_NUMBER[-4:], today=date(2026, 11, 23))
    assert view.status is PortalStatus.PROCESSING and view.found is Found.STORED
    assert view.message == "Hồ sơ đang được giải quyết."


def test_an_outage_costs_one_request_a_round_not_one_per_dossier(
    portal: TrainingPortal, store: Store, client: PortalClient, clock: Clock
) -> None:
    for i in range(3):
        submit(store, client, make_dossier(id_number=f"00119900000{i}"))
    url = portal.url
    portal.stop()
    calls: list[str] = []
    with PortalClient(url, TOKEN, timeout=1.0) as offline:

        class Counting:
            def status(self, code: str):  # noqa: ANN202 - the StatusPort shape
                calls.append(code)
                return offline.status(code)

        clock.now += 2 * HOUR
        assert poll_once(store, Counting(), interval=HOUR) == (1, 0)
    assert len(calls) == 1
    # The one asked waits its turn; the next round asks the next one.
    assert len(store.to_track(older_than=HOUR, closed=[int(s) for s in CLOSED])) == 2


def test_late_dossiers_are_listed_until_the_result_is_returned(
    store: Store, client: PortalClient, clock: Clock
) -> None:
    dossier, code = submit(store, client)
    poll_once(store, client, interval=HOUR)
    appointment = store.find_dossier(code).appointment
    assert appointment is not None
    after = appointment + timedelta(days=1)
    assert [d.client_id for d in store.dossiers_in_view(DossierView.LATE, today=after, closed=CLOSED)] == [
        dossier.client_id
    ]
    late = look_up(store, client, code, ID_NUMBER[-4:], today=after)
    assert (
        late.late and late.message == "Hồ sơ đã quá ngày hẹn trả kết quả. Hãy hỏi cán bộ tại quầy tiếp nhận."
    )
    client.admin_set_status(ADMIN, code, PortalStatus.DONE)
    client.admin_set_status(ADMIN, code, PortalStatus.RETURNED)
    clock.now += 2 * HOUR
    assert poll_once(store, client, interval=HOUR) == (1, 1)
    assert store.dossiers_in_view(DossierView.LATE, today=after, closed=CLOSED) == []
    # Returned is closed: the poller stops asking.
    clock.now += 2 * HOUR
    assert poll_once(store, client, interval=HOUR) == (0, 0)
    assert trail(store, dossier)[-1] == "portal_status 1 -> 10"


def test_a_queued_dossier_is_found_by_its_local_reference_and_later_by_the_portals_code(
    tmp_path: Path, store: Store, clock: Clock
) -> None:
    # The portal is down when the citizen submits: the receipt carries the local reference.
    dead = TrainingPortal(tmp_path / "later.sqlite3")
    dead.start()
    url = dead.url
    dead.stop()
    dossier = make_dossier()
    with PortalClient(url, TOKEN, timeout=1.0) as offline:
        outcome = Outbox(store, offline, "kiosk-test").submit(dossier, dossier.procedure_name)
        assert outcome.delivery is Delivery.QUEUED
        reference = local_reference(dossier.client_id)
        view = look_up(store, offline, reference, ID_NUMBER[-4:], today=date(2026, 11, 23))
    assert view.code == reference and view.state is DossierState.QUEUED and view.found is Found.LOCAL
    assert "sẽ tự gửi" in view.message
    # The network is back; the sender delivers it; the same reference now shows the portal's code.
    later = TrainingPortal(tmp_path / "later.sqlite3")
    later.start(port=int(url.rsplit(":", 1)[1]))
    clock.now += HOUR  # past the sender's backoff
    try:
        with PortalClient(later.url, TOKEN, timeout=5.0) as online:
            outbox = Outbox(store, online, "kiosk-test")
            claim = store.claim_next(outbox.sender)
            assert claim is not None and outbox.send(claim).outcome.delivery is Delivery.ACCEPTED
            view = look_up(store, online, reference.lower(), ID_NUMBER[-4:], today=date(2026, 11, 23))
    finally:
        later.stop()
    assert view.code.startswith("H01.99-") and view.status is PortalStatus.NEW


def test_a_receipt_qr_of_another_kiosk_is_answered_by_the_portal_alone(
    store: Store, client: PortalClient
) -> None:
    elsewhere = make_dossier(name="Lê Thị Cúc")
    reply = client.submit(elsewhere)  # sent by another kiosk: this store never saw it
    view = look_up(store, client, reply.dossier_code, today=date(2026, 11, 23))
    assert view.state is None and view.status is PortalStatus.NEW
    assert view.masked_name == "" and view.procedure_name == ""
    # Typed with digits, it is not found: the digits cannot be checked here.
    with pytest.raises(DossierNotFound):
        look_up(store, client, reply.dossier_code, ID_NUMBER[-4:], today=date(2026, 11, 23))


def test_a_receipt_qr_not_held_here_while_the_portal_is_down_says_try_later(
    portal: TrainingPortal, store: Store, client: PortalClient
) -> None:
    reply = client.submit(make_dossier(name="Lê Thị Cúc"))
    url = portal.url
    portal.stop()
    with PortalClient(url, TOKEN, timeout=1.0) as offline:
        with pytest.raises(PortalUnreachable):
            look_up(store, offline, reply.dossier_code, today=date(2026, 11, 23))
        # A typed code never reaches the portal: unknown, whatever the network.
        with pytest.raises(DossierNotFound) as typed:
            look_up(store, offline, reply.dossier_code, ID_NUMBER[-4:], today=date(2026, 11, 23))
    assert not isinstance(typed.value, PortalUnreachable)


def test_retention_purges_personal_data_and_the_lookup_still_works(
    store: Store, client: PortalClient, clock: Clock
) -> None:
    dossier, code = submit(store, client)
    assert store.purge_expired(after=timedelta(days=30)) == []
    clock.now += timedelta(days=31)
    assert store.purge_expired(after=timedelta(days=30)) == [dossier.client_id]
    view = look_up(store, client, code, ID_NUMBER[-4:], today=date(2026, 12, 24))
    assert view.code == code and view.masked_name == ""
    with pytest.raises(DossierNotFound):
        look_up(store, client, code, "0000", today=date(2026, 12, 24))


def test_the_poller_thread_follows_the_portal_and_stops(store: Store, client: PortalClient) -> None:
    dossier, code = submit(store, client)
    changed = threading.Event()
    poller = StatusPoller(store, client, interval=timedelta(0), every=30.0, on_change=changed.set)
    poller.start()
    try:
        wait_until(lambda: store.find_dossier(code).portal_status == PortalStatus.NEW, 20, "first status")
        client.admin_set_status(ADMIN, code, PortalStatus.SUPPLEMENT)
        changed.clear()
        poller.wake()
        wait_until(
            lambda: store.find_dossier(code).portal_status == PortalStatus.SUPPLEMENT, 20, "new status"
        )
        assert changed.wait(5.0)
    finally:
        assert poller.stop(timeout=10.0)
    assert "portal_status 1 -> 5" in trail(store, dossier)


def test_the_purger_purges_at_start_and_logs_counts_only(
    store: Store, client: PortalClient, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    dossier, code = submit(store, client)
    clock.now += timedelta(days=31)
    caplog.set_level("INFO", logger="egov.retention")
    purger = Purger(store, timedelta(days=30), every=3600.0)
    purger.start()
    try:
        wait_until(lambda: purger.rounds >= 1, 20, "a purge round")
    finally:
        assert purger.stop(timeout=10.0)
    assert store.find_dossier(code).applicant_name == ""
    assert "retention: 1 dossier(s), 0 suggestion(s) purged of personal data" in caplog.messages
    logged = " ".join(caplog.messages)
    assert code not in logged and "Bình" not in logged and str(dossier.client_id) not in logged
