"""Shared pytest fixtures.

Sections are delimited so that several people can add to this file without stepping on each other.
"""

from __future__ import annotations

# ---- PostgreSQL: a throwaway server for the store's tests ------------------------------------
# Self-contained: nothing outside this section uses its helpers, and it uses nothing outside it.
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

_PG_USER = "postgres"


def _pg_bin_dir() -> Path:
    # Highest version first, if several are installed.
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True
    )
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    pytest.fail(
        "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install them "
        "(apt-get install postgresql) as the README's test command does. The PostgreSQL tests are "
        "not skipped on purpose: CI must not pass silently without them.",
        pytrace=False,
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_command(args: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; drop to the postgres system user then.
    if os.geteuid() == 0:
        return ["runuser", "-u", _PG_USER, "--", *args]
    return args


def _pg_run(args: list[str]) -> None:
    done = subprocess.run(_pg_command(args), capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        pytest.fail(f"{Path(args[0]).name} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def _pg_execute(url: str, statement: str) -> None:
    import psycopg

    # CREATE/DROP DATABASE cannot run inside a transaction block.
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(statement)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server just for this test session: `postgresql+psycopg://postgres@127.0.0.1:PORT/DB`."""
    bin_dir = _pg_bin_dir()
    root = Path(tempfile.mkdtemp(prefix="dvc-kiosk-pg-"))
    data_dir = root / "data"
    if os.geteuid() == 0:
        owner = pwd.getpwnam(_PG_USER)
        os.chown(root, owner.pw_uid, owner.pw_gid)
    root.chmod(0o700)
    port = _free_port()
    started = False
    try:
        _pg_run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data_dir),
                "-U",
                _PG_USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ]
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
        _pg_run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data_dir),
                "-o",
                options,
                "-l",
                str(root / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
        started = True
        _pg_execute(f"postgresql://{_PG_USER}@127.0.0.1:{port}/postgres", "CREATE DATABASE dvc_kiosk_test")
        yield f"postgresql+psycopg://{_PG_USER}@127.0.0.1:{port}/dvc_kiosk_test"
    finally:
        if started:
            subprocess.run(
                _pg_command([str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", "fast", "-w", "stop"]),
                capture_output=True,
                timeout=120,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> Iterator[str]:
    """A new, empty database on the session's server for one test, dropped afterwards."""
    server, _, _ = postgres_url.rpartition("/")
    name = f"t_{uuid.uuid4().hex}"
    admin = f"{server}/postgres"
    _pg_execute(admin, f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        _pg_execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ---- end of PostgreSQL section ----------------------------------------------------------------


@pytest.fixture
def services(tmp_path, monkeypatch, qapp):
    """Both apps' working parts on the embedded defaults, with a data directory of the test's own."""
    from config.settings import load_settings
    from ui.services import build_services

    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
    built = build_services(load_settings())
    yield built
    built.close()


# ---- PC/SC: a private pcscd with vpcd readers for the card tests ------------------------------
# libpcsclite reads PCSCLITE_CSOCK_NAME once per process, at the first PC/SC call, so it is
# pointed here, before any test can talk to PC/SC, at the private pcscd of tests/cardstack.py:
# no test ever reaches the machine's own pcscd. `pcsc_stack` (session-scoped) for every module.
from cardstack import configure_client_socket, pcsc_stack  # noqa: E402, F401

configure_client_socket()


# ---- emupos: an independent ESC/POS printer emulator for the printer tests --------------------
# tests/emupos_harness.py finds a Python >= 3.13, installs emupos in a cached virtualenv and runs it
# on loopback. Where no Python >= 3.13 can be had the printer tests are skipped, with the reason.
@pytest.fixture(scope="session")
def emupos(tmp_path_factory):
    from emupos_harness import Emupos, EmuposUnavailable, prepare

    try:
        executable = prepare()
    except EmuposUnavailable as exc:
        pytest.skip(f"EMUPOS NOT RUN, printer emulator tests skipped: {exc}")
    server = Emupos(executable, tmp_path_factory.mktemp("emupos"))
    try:
        server.start()
    except EmuposUnavailable as exc:  # installed but will not run: a real failure
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def printers(emupos):
    """The running emupos with no fault on any printer, before and after the test."""
    from emupos_harness import PRINTERS

    for device in PRINTERS:
        emupos.clear_faults(device)
    yield emupos
    for device in PRINTERS:
        emupos.clear_faults(device)


# ---- end of emupos section ----------------------------------------------------------------------
