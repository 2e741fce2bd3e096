"""Our own client of systemd's notification protocol (sd_notify), for `Type=notify` and the watchdog.

systemd hands a service the address of a datagram socket in $NOTIFY_SOCKET: a file system path, or
an abstract socket written with a leading "@". Each datagram is a few "KEY=value" lines:
READY=1 once the service serves, STATUS=… for `systemctl status`, WATCHDOG=1 to feed the watchdog,
STOPPING=1 on the way out. With `WatchdogSec=` set, systemd puts the interval in $WATCHDOG_USEC and
the main process's id in $WATCHDOG_PID; a process whose id is not that one must not feed it (it
would keep a dead main process looking alive), so the watchdog is off for it.

Without $NOTIFY_SOCKET (run by hand, in tests) every call is a no-op that returns False. Nothing
here raises for a socket that went away: the app must never stop serving because systemd did not
listen. No message carries personal data.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"
WATCHDOG_PID = "WATCHDOG_PID"


def socket_address(value: str) -> str | None:
    """The address to send to for a $NOTIFY_SOCKET value, or None for one we cannot use."""
    if value.startswith("@") and len(value) > 1:
        return "\0" + value[1:]  # Linux abstract namespace: no file, a leading NUL byte
    if value.startswith("/"):
        return value
    # "vsock:…" (systemd ≥ 254, for virtual machines) and anything else: not for a kiosk.
    return None


def watchdog_seconds(environ: Mapping[str, str], pid: int) -> float | None:
    """The watchdog interval systemd asks this process to honour, or None when it has none."""
    owner = environ.get(WATCHDOG_PID, "")
    if owner:
        try:
            if int(owner) != pid:
                return None  # the watchdog belongs to another process of the service
        except ValueError:
            return None
    try:
        usec = int(environ.get(WATCHDOG_USEC, ""))
    except ValueError:
        return None
    return usec / 1_000_000 if usec > 0 else None


class Notifier:
    """Sends notifications to the service manager; a no-op when there is none."""

    def __init__(self, environ: Mapping[str, str] | None = None, pid: int | None = None) -> None:
        env = os.environ if environ is None else environ
        raw = env.get(NOTIFY_SOCKET, "")
        self._address = socket_address(raw) if raw else None
        if raw and self._address is None:
            log.warning("NOTIFY_SOCKET of an unsupported kind; systemd will not hear from the app")
        self._socket: socket.socket | None = None
        self._failed = False
        self.watchdog = watchdog_seconds(env, os.getpid() if pid is None else pid)

    @property
    def enabled(self) -> bool:
        return self._address is not None

    def notify(self, *lines: str) -> bool:
        """Send one datagram of `lines` ("READY=1", "STATUS=…"); True when it was sent."""
        if self._address is None:
            return False
        message = "\n".join(lines).encode("utf-8")
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            self._socket.sendto(message, self._address)
        except OSError as exc:
            if not self._failed:
                # Once: a watchdog ping every few seconds must not flood the log.
                log.warning("cannot notify the service manager: %s", exc.strerror or exc)
                self._failed = True
            return False
        if self._failed:
            log.info("the service manager hears the app again")
            self._failed = False
        return True

    def ready(self, status: str = "") -> bool:
        return self.notify("READY=1", *([f"STATUS={status}"] if status else []))

    def status(self, text: str) -> bool:
        return self.notify(f"STATUS={text}")

    def ping(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self, status: str = "") -> bool:
        return self.notify("STOPPING=1", *([f"STATUS={status}"] if status else []))

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
