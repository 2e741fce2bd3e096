"""Shared pytest fixtures.

Sections are delimited so that several people can add to this file without stepping on each other.
"""

from __future__ import annotations

# ---- PostgreSQL: a throwaway server for the store's tests ------------------------------------
# The server itself is tests/pgserver.py (benchmarks start it too); nothing else here uses it.
import uuid
from collections.abc import Iterator

import pytest
from pgserver import PostgresServer, PostgresUnavailable, execute


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server just for this test session: `postgresql+psycopg://postgres@127.0.0.1:PORT/DB`."""
    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        # Not skipped on purpose: CI must not pass silently without the PostgreSQL tests.
        pytest.fail(f"{exc} The PostgreSQL tests are not skipped on purpose.", pytrace=False)
    try:
        yield server.create_database("dvc_kiosk_test")
    finally:
        server.stop()


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> Iterator[str]:
    """A new, empty database on the session's server for one test, dropped afterwards."""
    server, _, _ = postgres_url.rpartition("/")
    name = f"t_{uuid.uuid4().hex}"
    admin = f"{server}/postgres"
    execute(admin, f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
