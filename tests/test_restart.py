"""Killing the app mid-visit and starting it again loses nothing that was submitted and keeps
nothing personal that was not. The child process is really SIGKILLed; the restart is the real
`dvc-kiosk kiosk` start-up, whose sender sends what was left queued. And the outbox alone, killed
at random points while it submits, 50 times in a row (benchmarks/crash_outbox.py does hundreds)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crash_child import OutboxCrashRig

from config.settings import load_settings
from egov.portal.client import PortalClient
from egov.portal.server import TrainingPortal
from egov.store import Store, open_store

HERE = Path(__file__).parent
ROOT = HERE.parent
NAME = "Nguyễn Thị Mẫu"
ID_NUMBER = "001158000000"
CHILD = "Trần Bé Mới Sinh"
ADMIN = "training-admin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_env(data_dir: Path, config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DVC_KIOSK_DATA_DIR=str(data_dir),
        DVC_KIOSK_CONFIG=str(config),
        QT_QPA_PLATFORM="offscreen",
        DVC_PORTAL_TOKEN="training-token",
        PYTHONPATH=f"{ROOT}{os.pathsep}{env.get('PYTHONPATH', '')}",
    )
    return env


def run_child(point: str, data_dir: Path, config: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(HERE / "crash_child.py"), point],
        env=child_env(data_dir, config),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-3000:]
    assert "dying" in done.stdout


def write_config(path: Path, portal_url: str) -> Path:
    path.write_text(
        f'[portal]\nkind = "http"\nurl = "{portal_url}"\ntimeout_seconds = 3.0\n', encoding="utf-8"
    )
    return path


@pytest.fixture
def portal(tmp_path):
    server = TrainingPortal(str(tmp_path / "portal.sqlite3"))
    url = server.start("127.0.0.1", 0)
    yield server, url
    server.stop()


def every_byte_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def open_office_store(data_dir: Path, config: Path, monkeypatch) -> Store:
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(data_dir))
    return open_store(load_settings(config))


def restart_kiosk_until_sent(data_dir: Path, config: Path, store: Store) -> None:
    """Start the real app; it must send the queued dossier by itself. Then stop it."""
    env = child_env(data_dir, config)
    app = subprocess.Popen(
        [str(Path(sys.executable).parent / "dvc-kiosk"), "kiosk"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while store.pending():
            assert app.poll() is None, app.stderr.read().decode()[-3000:]
            assert time.monotonic() < deadline, "the restarted app did not send the queued dossier"
            time.sleep(0.2)
    finally:
        app.terminate()
        app.wait(timeout=30)


def test_a_visit_killed_before_submission_leaves_nothing_personal(tmp_path, portal, monkeypatch) -> None:
    _, url = portal
    data_dir = tmp_path / "data"
    config = write_config(tmp_path / "office.toml", url)
    run_child("abandon", data_dir, config)
    stored = every_byte_under(data_dir)
    for secret in (NAME, ID_NUMBER, CHILD):
        assert secret.encode() not in stored
    store = open_office_store(data_dir, config, monkeypatch)
    assert store.list_dossiers() == [] and store.pending() == []
    store.close()


def test_a_dossier_queued_when_the_kill_came_is_sent_once_after_restart(tmp_path, monkeypatch) -> None:
    data_dir = tmp_path / "data"
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens: the portal is "down"
    run_child("queued", data_dir, write_config(tmp_path / "down.toml", dead))
    # Queued, and encrypted at rest: the name and number are nowhere in clear.
    stored = every_byte_under(data_dir)
    assert NAME.encode() not in stored and ID_NUMBER.encode() not in stored

    server = TrainingPortal(str(tmp_path / "portal.sqlite3"))
    url = server.start("127.0.0.1", 0)
    try:
        config = write_config(tmp_path / "up.toml", url)
        store = open_office_store(data_dir, config, monkeypatch)
        (queued,) = store.pending()
        expected = {a.sha256 for a in store.load_dossier(queued).attachments}
        restart_kiosk_until_sent(data_dir, config, store)
        held = PortalClient(url, "training-token").admin_list(ADMIN)
        assert len(held) == 1, [(r.state, r.dossier_code) for r in store.list_dossiers()]
        assert held[0]["client_id"] == str(queued)
        code = held[0]["dossier_code"]
        received = {
            hashlib.sha256(PortalClient(url, "training-token").admin_attachment(ADMIN, code, i)).hexdigest()
            for i in range(len(held[0]["attachments"]))
        }
        assert received == expected, "an attachment arrived corrupt"
        (row,) = store.list_dossiers()
        assert row.state == "accepted" and row.dossier_code == code
        store.close()
    finally:
        server.stop()


def test_a_kill_after_the_portal_stored_it_does_not_duplicate(tmp_path, portal, monkeypatch) -> None:
    server, url = portal
    data_dir = tmp_path / "data"
    config = write_config(tmp_path / "office.toml", url)
    run_child("after-send", data_dir, config)
    assert server.stored_count() == 1
    store = open_office_store(data_dir, config, monkeypatch)
    assert len(store.pending()) == 1, "the kiosk never learned the code, so it must try again"
    restart_kiosk_until_sent(data_dir, config, store)
    assert server.stored_count() == 1, "the retry carried the same idempotency key"
    (row,) = store.list_dossiers()
    held = PortalClient(url, "training-token").admin_list(ADMIN)
    assert row.state == "accepted" and row.dossier_code == held[0]["dossier_code"]
    store.close()


def test_sigkill_at_random_points_while_submitting_loses_and_doubles_nothing(tmp_path, portal) -> None:
    _, url = portal
    seed = random.randrange(1 << 32)
    rng = random.Random(seed)
    rig = OutboxCrashRig(tmp_path, url)
    try:
        for _ in range(50):
            rig.run(rng, max_delay=1.0)
    finally:
        rig.close()
    counts = rig.drain_and_check()
    # The kills hit the kiosk inside submissions, not only before or after them.
    assert counts.receipts > 0 and counts.submitting > counts.receipts, (seed, counts)
    assert counts.in_store >= counts.receipts
    problems = {
        "missing": counts.missing,
        "duplicated": counts.duplicated,
        "corrupt": counts.corrupt,
        "not_accepted": counts.not_accepted,
    }
    assert problems == dict.fromkeys(problems, 0), (seed, counts)
