"""A TCP fault proxy for the outbox tests: it sits on loopback between the kiosk and the training
portal and breaks the path the way ward offices see it break.

It understands just enough HTTP/1.1 to find where a request and a reply end (Content-Length, as
both the client and the training portal send it), so that a fault hits one request, not a whole
keep-alive connection. What it can do, per request or as the standing mode:

- PASS: forward the request, forward the reply;
- DOWN: reset the connection as soon as it is opened, nothing reaches the portal;
- SLOW: forward the request (the portal stores the dossier), hold the reply past the client's
  timeout, then give up on the client;
- CUT: forward the request, wait for the portal's reply (it has committed by then), and reset the
  client's connection instead of passing the reply on: accepted, but the reply lost;
- a canned reply (`Canned`): answered by the proxy itself, nothing reaches the portal (500, 429
  with Retry-After, a 422 whose message quotes a citizen).

It counts requests, connections refused, and, per Idempotency-Key, the submits that reached the
portal and any two that were in flight at the same time.
"""

from __future__ import annotations

import collections
import enum
import json
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import urlsplit

_MAX_HEAD = 64 * 1024


class Fault(enum.Enum):
    PASS = "pass"
    DOWN = "down"
    SLOW = "slow"
    CUT = "cut"


@dataclass(frozen=True)
class Canned:
    """A reply the proxy gives itself, with Connection: close."""

    status: int
    body: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def encode(self) -> bytes:
        body = json.dumps(self.body, ensure_ascii=False).encode("utf-8")
        lines = [f"HTTP/1.1 {self.status} Canned", "Content-Type: application/json; charset=utf-8"]
        lines += [f"Content-Length: {len(body)}", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


SERVER_ERROR = Canned(500, {"error": "internal", "message": "Lỗi hệ thống.", "message_en": "Internal error."})

Action = Fault | Canned


def _read_message(stream: BinaryIO) -> tuple[bytes, dict[str, str], bytes] | None:
    """One HTTP message (head, lower-cased headers, body) framed by Content-Length; None at EOF."""
    head = b""
    while True:
        line = stream.readline(_MAX_HEAD)
        if not line:
            return None
        head += line
        if line in (b"\r\n", b"\n") and head.strip():
            break
        if len(head) > _MAX_HEAD:
            raise ConnectionError("head too long")
    headers: dict[str, str] = {}
    for raw in head.decode("latin-1").split("\r\n")[1:]:
        name, sep, value = raw.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or "0")
    body = stream.read(length) if length else b""
    if len(body) != length:
        raise ConnectionError("message cut short")
    return head, headers, body


def _reset(sock: socket.socket) -> None:
    # SO_LINGER with a zero timeout makes close() send RST: the peer sees "connection reset".
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


class FaultProxy:
    """`start()` on 127.0.0.1 in front of `upstream` (a base URL); `url` is what the kiosk uses."""

    def __init__(self, upstream: str, slow_seconds: float = 3.0) -> None:
        parts = urlsplit(upstream)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.slow_seconds = slow_seconds
        self.mode: Fault = Fault.PASS
        self._plan: collections.deque[Action] = collections.deque()
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._listener: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._open: set[socket.socket] = set()
        self.requests = 0  # HTTP requests that reached the proxy
        self.refused = 0  # connections reset because the portal was "down"
        self.submits: collections.Counter[str] = (
            collections.Counter()
        )  # key -> submits that reached the portal
        self.overlapping: set[str] = set()  # keys with two submits in flight at once
        self._in_flight: collections.Counter[str] = collections.Counter()

    # -- control ---------------------------------------------------------------------------------

    def start(self) -> str:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        self._listener = listener
        self._spawn(self._accept_loop)
        return self.url

    @property
    def url(self) -> str:
        assert self._listener is not None
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def plan(self, *actions: Action) -> None:
        """The next requests meet these, one each, before the standing `mode` applies again."""
        with self._lock:
            self._plan.extend(actions)

    def stop(self) -> None:
        self._stopped.set()
        # close() alone does not wake a thread blocked in accept() or recv() on Linux; shutdown does.
        with self._lock:
            sockets = [self._listener, *self._open] if self._listener is not None else list(self._open)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- plumbing --------------------------------------------------------------------------------

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.mode is Fault.DOWN:
                with self._lock:
                    self.refused += 1
                _reset(client)
                continue
            with self._lock:
                self._open.add(client)
            self._spawn(self._serve, client)

    def _next_action(self) -> Action:
        with self._lock:
            self.requests += 1
            return self._plan.popleft() if self._plan else self.mode

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        upstream_reader: BinaryIO | None = None
        try:
            reader = client.makefile("rb")
            while not self._stopped.is_set():
                request = _read_message(reader)
                if request is None:
                    return
                head, headers, body = request
                action = self._next_action()
                if action is Fault.DOWN:
                    with self._lock:
                        self.refused += 1
                    return
                if isinstance(action, Canned):
                    client.sendall(action.encode())
                    return
                if upstream is None or upstream_reader is None:
                    upstream = socket.create_connection(self._upstream, timeout=60)
                    upstream_reader = upstream.makefile("rb")
                reply = self._forward(upstream, upstream_reader, head + body, headers)
                if reply is None or action is Fault.CUT:
                    return
                if action is Fault.SLOW and self._stopped.wait(self.slow_seconds):
                    return
                client.sendall(reply)
                if action is Fault.SLOW or b"connection: close" in reply.split(b"\r\n\r\n", 1)[0].lower():
                    return
        except OSError:
            return
        finally:
            with self._lock:
                self._open.discard(client)
            _reset(client)
            if upstream is not None:
                upstream.close()

    def _forward(
        self, upstream: socket.socket, reader: BinaryIO, request: bytes, headers: dict[str, str]
    ) -> bytes | None:
        key = headers.get("idempotency-key", "")
        with self._lock:
            if key:
                self.submits[key] += 1
                if self._in_flight[key]:
                    self.overlapping.add(key)
                self._in_flight[key] += 1
        try:
            upstream.sendall(request)
            reply = _read_message(reader)
        finally:
            with self._lock:
                if key:
                    self._in_flight[key] -= 1
        if reply is None:
            return None
        head, _, body = reply
        return head + body
