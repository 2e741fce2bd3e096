"""The Trúc Bạch day: a volunteer team goes door to door with a laptop and no network at all.

The agent point's own parts (`ui.services.build_services` from an office.toml, the sender, the
status poller, the retention purger: what the app starts) run against the real training portal
behind tests/faultproxy.py, which refuses every request all day. The laptop is shut at lunch and
its battery dies in the afternoon (the services are closed, or just dropped, and built again on
the same data directory). Back at the ward office the network answers, and every dossier of the
day must reach the portal exactly once, each with its dossier code at the desk.

The people in the dossiers are fictional.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import requests
from faultproxy import Fault, FaultProxy
from test_outbox import make_dossier, wait_until

from config.settings import load_settings
from egov.outbox import Delivery
from egov.portal.server import TrainingPortal
from egov.store import DossierState, DossierView
from ui.services import TRAINING_ADMIN_TOKEN, TRAINING_TOKEN, Services, build_services

VOLUNTEER = "tinhnguyen.lan"


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[TrainingPortal]:
    server = TrainingPortal(
        tmp_path / "portal.sqlite3", tokens=(TRAINING_TOKEN,), admin_token=TRAINING_ADMIN_TOKEN
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def network(portal: TrainingPortal) -> Iterator[FaultProxy]:
    """The way from the laptop to the portal; down until the test says otherwise."""
    with FaultProxy(portal.url) as proxy:
        proxy.mode = Fault.DOWN
        yield proxy


def laptop(tmp_path: Path, network: FaultProxy, monkeypatch: pytest.MonkeyPatch) -> Services:
    """The agent point as it starts on the team's laptop: settings from its office.toml, the
    sender, the status poller and the retention purger running, as `dvc-kiosk agent` starts them."""
    config = tmp_path / "office.toml"
    config.write_text(
        "[portal]\n"
        'kind = "http"\n'
        f'url = "{network.url}"\n'
        "timeout_seconds = 2.0\n"
        "[outbox]\n"
        "backoff_base_seconds = 0.05\n"
        "backoff_cap_seconds = 0.5\n"
        "poll_seconds = 0.2\n"
        "lease_seconds = 10\n"
        "[tracking]\n"
        "round_seconds = 10\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "laptop"))
    monkeypatch.setenv("DVC_KIOSK_CONFIG", str(config))
    monkeypatch.setenv("DVC_PORTAL_TOKEN", TRAINING_TOKEN)
    services = build_services(load_settings())
    services.start_sender()
    services.start_tracking()
    services.start_retention()
    return services


def take_cases(services: Services, seeds: range) -> list[uuid.UUID]:
    """Dossiers taken at doorsteps: each is kept on the laptop, told "queued", never lost."""
    taken = []
    for seed in seeds:
        dossier = make_dossier(seed)
        dossier.agent = VOLUNTEER
        outcome = services.outbox(VOLUNTEER).submit(dossier, dossier.procedure_name)
        assert outcome.delivery is Delivery.QUEUED, outcome
        assert outcome.dossier_code is None
        taken.append(dossier.client_id)
    return taken


def admin_dossiers(portal: TrainingPortal) -> list[dict]:
    reply = requests.get(
        f"{portal.url}/api/v1/admin/dossiers",
        headers={"Authorization": f"Bearer {TRAINING_ADMIN_TOKEN}"},
        timeout=10,
    )
    reply.raise_for_status()
    return reply.json()


def test_a_day_without_network_then_every_dossier_arrives_once(
    tmp_path: Path, portal: TrainingPortal, network: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Morning: four households. The sender keeps trying in the background and keeps failing.
    morning = laptop(tmp_path, network, monkeypatch)
    taken = take_cases(morning, range(0, 4))
    refused_before = network.refused
    wait_until(lambda: network.refused >= refused_before + 4, 20, "the sender trying again while offline")
    waiting = morning.store.dossiers_in_view(DossierView.WAITING, today=date.today())
    assert {s.client_id for s in waiting} == set(taken), "all four wait; none 'needs attention'"
    morning.close()  # lunch: the laptop is shut properly

    # Afternoon: three more, then the battery dies (nothing closed, the process just stops using it).
    afternoon = laptop(tmp_path, network, monkeypatch)
    taken += take_cases(afternoon, range(4, 7))
    refused_before = network.refused
    wait_until(lambda: network.refused >= refused_before + 3, 20, "the sender trying again after a restart")
    assert all(afternoon.store.outbox_entry(cid).state is DossierState.QUEUED for cid in taken)
    assert admin_dossiers(portal) == [], "nothing reached the portal all day"
    afternoon.sender.stop(timeout=5)  # the battery: no clean shutdown of the store or the rest
    for poller in (afternoon.poller, afternoon.purger):
        poller.stop(timeout=5)

    # Back at the ward office: the network answers, the laptop starts, the day goes out.
    network.mode = Fault.PASS
    office = laptop(tmp_path, network, monkeypatch)
    try:
        wait_until(
            lambda: all(office.store.outbox_entry(cid).state is DossierState.ACCEPTED for cid in taken),
            60,
            "every dossier of the day accepted",
        )
        held = admin_dossiers(portal)
        client_ids = [record["client_id"] for record in held]
        assert sorted(client_ids) == sorted(str(cid) for cid in taken), "each exactly once"
        codes = {record["client_id"]: record["dossier_code"] for record in held}
        for cid in taken:
            entry = office.store.outbox_entry(cid)
            assert entry.dossier_code == codes[str(cid)]
            assert office.store.dossier_summary(cid).agent == VOLUNTEER
        # Sent once each: the portal's codes are distinct, and no dossier is left to send.
        assert len(set(codes.values())) == len(taken)
        assert office.store.dossiers_in_view(DossierView.WAITING, today=date.today()) == []
        assert office.store.dossiers_in_view(DossierView.ATTENTION, today=date.today()) == []
    finally:
        office.close()
        afternoon.close()
