"""Puts an emulated card written in Python into a PC/SC reader, through vsmartcard's vpcd driver.

vpcd (`libifdvpcd`, package vsmartcard-vpcd) is a pcscd reader driver whose "card" is whatever
is at the other end of a TCP connection. Each message, both ways, is a 2-byte big-endian length
and a payload. A 1-byte payload from vpcd is a control message (0 power off, 1 power on, 2 reset,
4 "send your ATR", the only one answered); anything longer is a command APDU, answered with the
response APDU. The card is present while the connection is up: vpcd asks for the ATR on every
presence poll of pcscd (about every 400 ms) and reports the card removed once the connection is
gone, so closing it is pulling the card out and connecting again is putting it back.

Two ways to connect, chosen by the reader.conf DEVICENAME (vsmartcard `ifd-vpcd.c`):

- `/dev/null:PORT` (Debian's default, PORT 0x8C7B = 35963): vpcd listens on PORT + slot on all
  interfaces (`INADDR_ANY`) and the card connects to it: `VpcdLink(listen=False)`, the default.
  The test stack runs pcscd in its own network namespace, so that nothing is reachable from
  outside, and hands this module a socket created in that namespace (`socket_factory`).
- `HOST:PORT` ("reversed"): vpcd connects to a card listening on HOST:PORT + slot:
  `VpcdLink(listen=True)`, which listens on loopback only. Checked with Debian 12's vsmartcard
  3.3 (Ubuntu 24.04 ships the same 3.3): this mode aborts pcscd as soon as no card is listening
  ("bit out of range 0 - FD_SETSIZE on fd_set": its `vicc_present` hands fd -1 to select()), so
  pulling the card out kills the daemon. Use it only with a vpcd where that is fixed.

Standard library only, Python 3.11+: tests/epass_harness.py loads this file by path in Debian's
system python3 to serve the vsmartcard ePass emulator.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger(__name__)

VPCD_PORT = 0x8C7B  # 35963, slot 0 of Debian's /etc/reader.conf.d/vpcd; slot n is VPCD_PORT + n

CTRL_POWER_OFF = 0
CTRL_POWER_ON = 1
CTRL_RESET = 2
CTRL_ATR = 4

_SW_NO_PRECISE_DIAGNOSIS = b"\x6f\x00"
_POLL = 0.2  # how often a blocked socket call looks at stop/remove requests
_MESSAGE_TIMEOUT = 5.0  # the rest of a message, once its length has arrived


class VirtualCard(Protocol):
    """An emulated card as vpcd sees it. `process` takes one command APDU and returns the response
    APDU (data + SW1 SW2); it should not raise (the link answers 6F00 if it does)."""

    def atr(self) -> bytes: ...

    def power_on(self) -> None: ...

    def power_off(self) -> None: ...

    def reset(self) -> None: ...

    def process(self, apdu: bytes) -> bytes: ...


class _Closed(Exception):
    """The connection ended, or the link was told to drop it."""


def _tcp_socket() -> socket.socket:
    return socket.socket(socket.AF_INET, socket.SOCK_STREAM)


class VpcdLink:
    """One card in one vpcd slot, served on a daemon thread until `stop()`.

    `listen=False`: connect to vpcd at host:port (retrying every `retry_interval` until it
    answers). `listen=True`: listen on host:port (keep host a loopback address) for vpcd to
    connect. `socket_factory` makes the unconnected TCP socket, e.g. one created inside another
    network namespace. `remove_card()` / `insert_card()` simulate taking the card off the reader
    and putting it back; `connected` says whether vpcd is attached right now.
    """

    def __init__(
        self,
        card: VirtualCard,
        host: str = "127.0.0.1",
        port: int = VPCD_PORT,
        *,
        listen: bool = False,
        socket_factory: Callable[[], socket.socket] = _tcp_socket,
        retry_interval: float = 0.2,
        name: str = "vpcd-link",
    ) -> None:
        self.card = card
        self.host = host
        self.port = port
        self.listen = listen
        self._socket_factory = socket_factory
        self._retry_interval = retry_interval
        self._name = name
        self._lock = threading.Condition()
        self._stopping = False
        self._inserted = True
        self._connected = False
        self._conn: socket.socket | None = None
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.connections = 0  # how many times vpcd was attached: tests wait on it

    # -- state ---------------------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        with self._lock:
            return self._connected

    @property
    def inserted(self) -> bool:
        with self._lock:
            return self._inserted

    def wait_connected(self, timeout: float) -> bool:
        """Whether vpcd is attached within `timeout` seconds."""
        with self._lock:
            return self._lock.wait_for(lambda: self._connected or self._stopping, timeout) and self._connected

    # -- control -------------------------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Drop the connection and end the thread; whether it ended within `timeout`."""
        with self._lock:
            self._stopping = True
            self._drop_connection()
            self._lock.notify_all()
            thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        if thread.is_alive():
            return False
        with self._lock:
            self._thread = None
        return True

    def remove_card(self, timeout: float = 2.0) -> bool:
        """Take the card away: the connection closes (and, listening, the port too), so vpcd
        reports no card at pcscd's next poll. Whether the link let go within `timeout`."""
        with self._lock:
            self._inserted = False
            self._drop_connection()
            self._lock.notify_all()
            return (
                self._lock.wait_for(lambda: not self._connected and self._listener is None, timeout)
                or self._thread is None
            )

    def insert_card(self) -> None:
        """Put the card back: the link reconnects (or listens again) on its thread."""
        with self._lock:
            self._inserted = True
            self._lock.notify_all()

    def _drop_connection(self) -> None:
        # Called with the lock held. shutdown() wakes the thread's recv() at once; the thread
        # closes the socket itself, so no file descriptor is closed under a running call.
        if self._conn is not None:
            try:
                self._conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    # -- the thread ----------------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    if self._stopping:
                        return
                    if not self._inserted:
                        self._close_listener()
                        self._lock.notify_all()
                        self._lock.wait(_POLL)
                        continue
                conn = self._accept() if self.listen else self._connect()
                if conn is None:
                    continue
                self._serve(conn)
        except Exception:  # never out of the thread: log and end
            log.exception("vpcd link %s failed", self._name)
        finally:
            with self._lock:
                self._close_listener()
                self._connected = False
                self._lock.notify_all()

    def _wait_retry(self) -> None:
        with self._lock:
            self._lock.wait_for(lambda: self._stopping or not self._inserted, self._retry_interval)

    def _connect(self) -> socket.socket | None:
        sock = self._socket_factory()
        try:
            sock.settimeout(2.0)
            sock.connect((self.host, self.port))
        except OSError:
            sock.close()
            self._wait_retry()
            return None
        return sock

    def _close_listener(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _accept(self) -> socket.socket | None:
        with self._lock:
            listener = self._listener
        if listener is None:
            listener = self._socket_factory()
            try:
                # SO_REUSEADDR: listen again on the same port right after a simulated removal,
                # while the previous connection is still in TIME_WAIT.
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                listener.bind((self.host, self.port))
                listener.listen(1)
                listener.settimeout(_POLL)
            except OSError as exc:
                listener.close()
                log.warning("vpcd link %s cannot listen on %s:%d: %s", self._name, self.host, self.port, exc)
                self._wait_retry()
                return None
            with self._lock:
                self._listener = listener
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            return None
        except OSError:
            self._wait_retry()
            return None
        return conn

    def _serve(self, conn: socket.socket) -> None:
        with self._lock:
            if self._stopping or not self._inserted:
                conn.close()
                return
            self._conn = conn
            self._connected = True
            self.connections += 1
            self._lock.notify_all()
        log.info("vpcd link %s: card attached", self._name)
        try:
            conn.settimeout(_POLL)
            while True:
                message = self._receive(conn)
                answer = self._handle(message)
                if answer is not None:
                    conn.settimeout(_MESSAGE_TIMEOUT)
                    conn.sendall(len(answer).to_bytes(2, "big") + answer)
                    conn.settimeout(_POLL)
        except (_Closed, OSError):
            pass
        finally:
            with self._lock:
                self._conn = None
                self._connected = False
                self._lock.notify_all()
            conn.close()
            # Out of the field, a card loses power; the next attach starts a fresh session.
            self._safely(self.card.power_off)
            log.info("vpcd link %s: card detached", self._name)

    def _receive(self, conn: socket.socket) -> bytes:
        header = self._read_exact(conn, 2, idle_ok=True)
        return self._read_exact(conn, int.from_bytes(header, "big"), idle_ok=False)

    def _read_exact(self, conn: socket.socket, size: int, *, idle_ok: bool) -> bytes:
        data = b""
        deadline = None if idle_ok else time.monotonic() + _MESSAGE_TIMEOUT
        while len(data) < size:
            with self._lock:
                if self._stopping or not self._inserted:
                    raise _Closed
            try:
                chunk = conn.recv(size - len(data))
            except TimeoutError:
                if data and deadline is None:
                    deadline = time.monotonic() + _MESSAGE_TIMEOUT
                if deadline is not None and time.monotonic() > deadline:
                    raise _Closed from None
                continue
            if not chunk:
                raise _Closed
            data += chunk
        return data

    def _handle(self, message: bytes) -> bytes | None:
        if not message:
            return None
        if len(message) == 1:
            control = message[0]
            if control == CTRL_ATR:
                return self._safely(self.card.atr) or b""
            if control == CTRL_POWER_ON:
                self._safely(self.card.power_on)
            elif control == CTRL_POWER_OFF:
                self._safely(self.card.power_off)
            elif control == CTRL_RESET:
                self._safely(self.card.reset)
            else:
                log.warning("vpcd link %s: unknown control message %d", self._name, control)
            return None
        try:
            return bytes(self.card.process(message))
        except Exception:
            # Never the APDU in the log: it may carry keys or personal data.
            log.exception("vpcd link %s: the card failed on an APDU", self._name)
            return _SW_NO_PRECISE_DIAGNOSIS

    def _safely(self, call: Callable[[], bytes | None]) -> bytes | None:
        try:
            return call()
        except Exception:
            log.exception("vpcd link %s: the card failed", self._name)
            return None


def emulate(
    card: VirtualCard,
    host: str,
    port: int,
    stop_event: threading.Event,
    *,
    listen: bool = False,
) -> None:
    """Serve `card` to vpcd until `stop_event` is set; for `dvc-kiosk card emulate`.

    By default connect to vpcd listening at host:port (Debian's reader.conf: 127.0.0.1, 35963 for
    slot 0), reconnecting whenever pcscd restarts. `listen=True` waits for vpcd to connect
    instead (reader.conf DEVICENAME `HOST:PORT`; see the module docstring before using it).
    """
    link = VpcdLink(card, host, port, listen=listen, name=f"vpcd-{host}:{port}")
    link.start()
    try:
        while not stop_event.wait(0.5):
            pass
    finally:
        link.stop()
