"""The watchdog restarts a frozen kiosk: the real app under a fake systemd.

`FakeSystemd` is what a `Type=notify` service with `WatchdogSec=` and `Restart=on-failure` meets:
an AF_UNIX datagram socket in $NOTIFY_SOCKET, read with the sender's credentials as systemd reads
them (so a message counts only from the process it names), $WATCHDOG_USEC and $WATCHDOG_PID set
for the process it starts, SIGABRT when no WATCHDOG=1 came for a whole interval, and a new start
after a death by signal. The app is started for real (`dvc-kiosk kiosk`, offscreen, its own data
directory), frozen through its test-only hook (DVC_KIOSK_TEST_FREEZE=1, then SIGUSR1 makes the GUI
thread sleep), killed, started again.

No timing is asserted beyond the watchdog's own rule (no ping for a whole interval means hung);
the waits are generous for two shared cores. Also the notify client itself (kiosk/sdnotify.py).
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import struct
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.sdnotify import Notifier, socket_address, watchdog_seconds

DVC_KIOSK = Path(sys.executable).parent / "dvc-kiosk"
WATCHDOG_USEC = 4_000_000  # WatchdogSec=4: a ping every 2 s from the app
START_TIMEOUT = 180.0  # two shared cores, the training portal and the QML engine to start
_UCRED = struct.Struct("iII")  # struct ucred: pid, uid, gid


@dataclass
class Message:
    pid: int  # the sender, from the kernel (SCM_CREDENTIALS), not from what it says
    fields: dict[str, str]


class FakeSystemd:
    """The service manager's side of sd_notify, the watchdog and Restart=on-failure."""

    def __init__(self, folder: Path, watchdog_usec: int) -> None:
        self.path = folder / "notify.sock"
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(self.path))
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.watchdog_usec = watchdog_usec
        self.folder = folder

    def close(self) -> None:
        self.socket.close()

    def start(self, data_dir: Path) -> subprocess.Popen[bytes]:
        """Start the kiosk as systemd would, WATCHDOG_PID naming the process itself (the shell
        execs into the app, keeping its id)."""
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("DVC_KIOSK_", "NOTIFY_", "WATCHDOG_"))
        }
        env |= {
            "QT_QPA_PLATFORM": "offscreen",
            "DVC_KIOSK_DATA_DIR": str(data_dir),
            "DVC_KIOSK_TEST_FREEZE": "1",
            "NOTIFY_SOCKET": str(self.path),
            "WATCHDOG_USEC": str(self.watchdog_usec),
        }
        script = 'WATCHDOG_PID=$$; export WATCHDOG_PID; exec "$@"'
        return subprocess.Popen(
            ["/bin/sh", "-c", script, "sh", str(DVC_KIOSK), "kiosk"],
            env=env,
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=open(self.folder / "app.log", "ab"),  # noqa: SIM115 - the child keeps it
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)),  # no core file
        )

    def receive(self, timeout: float) -> Message | None:
        self.socket.settimeout(timeout)
        try:
            data, ancillary, _, _ = self.socket.recvmsg(4096, socket.CMSG_SPACE(_UCRED.size))
        except TimeoutError:
            return None
        pid = 0
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = _UCRED.unpack(payload[: _UCRED.size])[0]
        fields = dict(line.split("=", 1) for line in data.decode().splitlines() if "=" in line)
        return Message(pid, fields)

    def wait_for(self, app: subprocess.Popen[bytes], key: str, timeout: float) -> Message:
        """The next message from `app` carrying `key`; fails if the app dies or it never comes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert app.poll() is None, f"the app exited ({app.returncode}): {self.log_tail()}"
            message = self.receive(1.0)
            if message is not None and message.pid == app.pid and key in message.fields:
                return message
        raise AssertionError(f"no {key} from the app within {timeout:.0f} s: {self.log_tail()}")

    def watch_until_hung(self, app: subprocess.Popen[bytes], give_up: float) -> None:
        """systemd's watchdog: return once a whole interval went by without WATCHDOG=1."""
        interval = self.watchdog_usec / 1_000_000
        deadline = time.monotonic() + give_up
        while time.monotonic() < deadline:
            message = self.receive(interval)
            if message is None:
                return  # WatchdogSec passed without a ping
        raise AssertionError("the frozen app went on feeding the watchdog")

    def log_tail(self) -> str:
        return (self.folder / "app.log").read_text(errors="replace")[-3000:]


@pytest.fixture
def systemd(tmp_path: Path):
    manager = FakeSystemd(tmp_path, WATCHDOG_USEC)
    yield manager
    manager.close()


def stop(app: subprocess.Popen[bytes]) -> None:
    if app.poll() is None:
        app.kill()
        app.wait(30)


def test_a_frozen_kiosk_is_killed_by_the_watchdog_and_started_again(systemd: FakeSystemd, tmp_path) -> None:
    data_dir = tmp_path / "data"
    first = systemd.start(data_dir)
    try:
        ready = systemd.wait_for(first, "READY", START_TIMEOUT)
        assert ready.fields["READY"] == "1" and ready.fields.get("STATUS") == "Serving"
        for _ in range(2):
            systemd.wait_for(first, "WATCHDOG", 60)

        first.send_signal(signal.SIGUSR1)  # the GUI thread sleeps for good
        systemd.watch_until_hung(first, give_up=60)
        assert first.poll() is None, "the app died instead of hanging"
        first.send_signal(signal.SIGABRT)  # WatchdogSignal= default
        assert first.wait(30) == -signal.SIGABRT
    finally:
        stop(first)

    # Restart=on-failure: a death by signal is a failure, so systemd starts the service again.
    second = systemd.start(data_dir)
    try:
        assert second.pid != first.pid
        systemd.wait_for(second, "READY", START_TIMEOUT)
        systemd.wait_for(second, "WATCHDOG", 60)
        # A stop (SIGTERM) is a clean one: STOPPING=1, exit status 0, nothing for Restart= to do.
        second.terminate()
        stopping = _until_exit(systemd, second, "STOPPING")
        assert stopping, "no STOPPING=1 on SIGTERM"
        assert second.wait(60) == 0, systemd.log_tail()
    finally:
        stop(second)


def _until_exit(systemd: FakeSystemd, app: subprocess.Popen[bytes], key: str) -> bool:
    """Whether `app` sent `key` before it exited (read until then, within a minute)."""
    deadline = time.monotonic() + 60
    seen = False
    while time.monotonic() < deadline:
        message = systemd.receive(0.5)
        if message is not None and message.pid == app.pid and key in message.fields:
            seen = True
        if app.poll() is not None and message is None:
            break
    return seen


# -- the notify client ------------------------------------------------------------------------------


def test_without_a_notify_socket_every_call_is_a_no_op() -> None:
    notifier = Notifier(environ={}, pid=1234)
    assert not notifier.enabled and notifier.watchdog is None
    assert notifier.ready("Serving") is False
    assert notifier.ping() is False and notifier.stopping() is False


def test_messages_reach_an_abstract_socket() -> None:
    name = f"dvc-kiosk-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as manager:
        manager.bind("\0" + name)
        manager.settimeout(5)
        notifier = Notifier(environ={"NOTIFY_SOCKET": "@" + name}, pid=os.getpid())
        assert notifier.enabled
        assert notifier.ready("Serving")
        assert manager.recv(4096) == b"READY=1\nSTATUS=Serving"
        assert notifier.ping() and manager.recv(4096) == b"WATCHDOG=1"
        assert notifier.status("Out of service: missing printer")
        assert manager.recv(4096) == b"STATUS=Out of service: missing printer"
        assert notifier.stopping() and manager.recv(4096) == b"STOPPING=1"
        notifier.close()


def test_a_socket_that_went_away_is_not_an_error(tmp_path: Path, caplog) -> None:
    path = tmp_path / "gone.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as manager:
        manager.bind(str(path))
    path.unlink()
    notifier = Notifier(environ={"NOTIFY_SOCKET": str(path)}, pid=1)
    assert notifier.enabled
    assert notifier.ping() is False and notifier.ping() is False
    assert len([r for r in caplog.records if "cannot notify" in r.getMessage()]) == 1  # said once


def test_the_watchdog_is_honoured_only_for_the_process_it_names() -> None:
    assert watchdog_seconds({"WATCHDOG_USEC": "4000000"}, pid=10) == 4.0
    assert watchdog_seconds({"WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "10"}, pid=10) == 4.0
    # systemd names the main process; a child (cage's client, without `env -u WATCHDOG_PID`) must not feed it.
    assert watchdog_seconds({"WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "11"}, pid=10) is None
    assert watchdog_seconds({"WATCHDOG_USEC": "0"}, pid=10) is None
    assert watchdog_seconds({"WATCHDOG_USEC": "soon"}, pid=10) is None
    assert watchdog_seconds({}, pid=10) is None


def test_socket_addresses() -> None:
    assert socket_address("/run/systemd/notify") == "/run/systemd/notify"
    assert socket_address("@/org/freedesktop/systemd1/notify") == "\0/org/freedesktop/systemd1/notify"
    assert socket_address("vsock:2:1234") is None
    assert socket_address("@") is None
