"""A throwaway PostgreSQL server on loopback, for the store's tests and for benchmarks.

`PostgresServer().start()` runs initdb in a temporary folder and starts the server on a free port
(as the postgres user when run as root: initdb refuses root), `url(name)` gives a SQLAlchemy URL,
`stop()` stops it and removes the folder. Raises `PostgresUnavailable` with the reason when the
server binaries are missing or a step fails; tests/conftest.py turns that into a test failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "postgres"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL could not be started; the message says why."""


def bin_dir() -> Path:
    # Highest version first, if several are installed.
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True
    )
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    raise PostgresUnavailable(
        "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install them "
        "(apt-get install postgresql) as the README's test command does."
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command(args: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; drop to the postgres system user then.
    if os.geteuid() == 0:
        return ["runuser", "-u", USER, "--", *args]
    return args


def _run(args: list[str]) -> None:
    done = subprocess.run(_command(args), capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise PostgresUnavailable(
            f"{Path(args[0]).name} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        )


def execute(url: str, statement: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE cannot run inside one)."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(statement)


class PostgresServer:
    def __init__(self) -> None:
        self._bin = bin_dir()
        self._root = Path(tempfile.mkdtemp(prefix="dvc-kiosk-pg-"))
        self._data = self._root / "data"
        self._port = _free_port()
        self._started = False

    def start(self) -> PostgresServer:
        if os.geteuid() == 0:
            owner = pwd.getpwnam(USER)
            os.chown(self._root, owner.pw_uid, owner.pw_gid)
        self._root.chmod(0o700)
        try:
            _run(
                [
                    str(self._bin / "initdb"),
                    "-D",
                    str(self._data),
                    "-U",
                    USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                ]
            )
            options = f"-c listen_addresses=127.0.0.1 -p {self._port} -k {self._root} -c fsync=off"
            log = str(self._root / "server.log")
            _run(
                [
                    str(self._bin / "pg_ctl"),
                    "-D",
                    str(self._data),
                    "-o",
                    options,
                    "-l",
                    log,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            )
            self._started = True
        except BaseException:
            self.stop()
            raise
        return self

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self._port}/{database}"

    def create_database(self, name: str) -> str:
        execute(self.url("postgres"), f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self._started:
            subprocess.run(
                _command([str(self._bin / "pg_ctl"), "-D", str(self._data), "-m", "fast", "-w", "stop"]),
                capture_output=True,
                timeout=120,
                check=False,
            )
            self._started = False
        shutil.rmtree(self._root, ignore_errors=True)
