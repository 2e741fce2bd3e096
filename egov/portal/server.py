"""The training portal: a small, real HTTP server implementing the portal contract (version 1).

It stands in for a provincial one-stop system so that staff can practise and tests can run
end to end over a real loopback socket. It keeps its own SQLite file (WAL mode, a new connection
per request, so handler threads never share one) with attachments stored as blobs.

Guarantees the client relies on:
- a dossier is stored whole or not at all: parsing and every check happen before the one
  BEGIN IMMEDIATE transaction that allocates the code and writes the rows;
- the client_id is the idempotency key: the same key with the same content replays the first
  reply (200, "replayed": true); with different content it is refused (409);
- malformed input is answered 4xx, never 5xx, and never stored.

Logs carry route names, status codes and dossier codes only: never names, ID numbers or form values.
"""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import hmac
import json
import logging
import os
import re
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from email.message import EmailMessage, Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, unquote, urlsplit

from egov.portal.contract import (
    API_PREFIX,
    API_VERSION,
    CHANNELS,
    MAX_BODY_BYTES,
    MAX_NOTE,
    PROCEDURE_CODE_RE,
    SERVER_VERSION,
    ContractError,
    PortalStatus,
    add_working_days,
    ascii_filename,
    canonical_json,
    check_attachment,
    format_dossier_code,
    is_canonical_uuid,
    openapi_document,
    validate_submission,
)

log = logging.getLogger(__name__)

FeeLookup = Callable[[str, str], int | None]
DaysLookup = Callable[[str, str], int | None]

DEFAULT_TOKENS = ("training-token",)
DEFAULT_ADMIN_TOKEN = "training-admin"
# The iGate dialect's OAuth2 client (client id → secret) for practice; tests and offices set their own.
DEFAULT_CLIENTS = {"training-client": "training-secret"}
DIALECTS = ("v1", "igate")
MAX_JSON_BODY = 64 * 1024  # the admin status call carries a number and a note

# RFC 2046 boundary characters; checked before the boundary is put into a header we parse.
_BOUNDARY_RE = re.compile(r"[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS dossiers (
    code TEXT PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,
    procedure_code TEXT NOT NULL,
    office_code TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    reply TEXT NOT NULL,
    status INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    appointment_date TEXT
);
CREATE INDEX IF NOT EXISTS dossiers_procedure ON dossiers (procedure_code);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL REFERENCES dossiers (code),
    status INTEGER NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_code ON history (code);
CREATE TABLE IF NOT EXISTS attachments (
    code TEXT NOT NULL REFERENCES dossiers (code),
    idx INTEGER NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (code, idx)
);
CREATE TABLE IF NOT EXISTS counters (
    office_code TEXT NOT NULL,
    day TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (office_code, day)
);
"""

# (path pattern, {method: route name}); the route name is what gets logged, never the raw path.
Routes = list[tuple[re.Pattern[str], dict[str, str]]]
_ROUTES: Routes = [
    (re.compile(r"/health"), {"GET": "health"}),
    (re.compile(r"/openapi\.json"), {"GET": "openapi"}),
    (re.compile(API_PREFIX + r"/dossiers"), {"GET": "find", "POST": "submit"}),
    (re.compile(API_PREFIX + r"/dossiers/(?P<code>[^/]+)"), {"GET": "status"}),
    (re.compile(API_PREFIX + r"/fees/(?P<procedure_code>[^/]+)"), {"GET": "fee"}),
    (re.compile(API_PREFIX + r"/admin/dossiers"), {"GET": "admin_list"}),
    (re.compile(API_PREFIX + r"/admin/dossiers/(?P<code>[^/]+)/status"), {"POST": "admin_status"}),
    (
        re.compile(API_PREFIX + r"/admin/dossiers/(?P<code>[^/]+)/attachments/(?P<index>[0-9]{1,4})"),
        {"GET": "admin_attachment"},
    ),
]
_PUBLIC_ROUTES = {"health", "openapi"}


class _ClientGone(Exception):
    """The client closed the connection or stalled mid-request: nothing to answer."""


def _no_constants(name: str) -> Any:
    # NaN and Infinity are not JSON; Python's json module would accept them by default
    raise ValueError(name)


def _load_json(data: bytes) -> Any:
    try:
        value = json.loads(data.decode("utf-8"), parse_constant=_no_constants)
        # Encode once more: "\ud800" escapes decode to lone surrogates, which cannot be stored or
        # hashed as UTF-8, and nesting deep enough to break json.dumps must fail here, not later.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        raise ContractError("bad_json") from None
    return value


def _media_type(header: str | None) -> tuple[str, Message]:
    """Split a Content-Type header into its lowercased media type and a message to read params from."""
    holder = Message()
    holder["Content-Type"] = (header or "").replace("\r", " ").replace("\n", " ")
    return holder.get_content_type(), holder


class TrainingPortal:
    """The training portal: `start()` on loopback for the app and tests, `serve_forever()` standalone.

    `fees(procedure_code, channel)` and `processing_days(procedure_code, channel)` come from the
    catalogue (the caller wires them); without them every fee is unknown (404) and no appointment
    date is given. `clock` returns the current aware datetime; tests inject it to cross midnight.

    `dialect="igate"` adds the routes of a provincial one-stop system (`igate_server.py`: OAuth2
    client credentials from `clients`, tokens valid `token_lifetime` seconds by `clock`, DVCQG
    field names) beside the v1 contract, over the same store.
    """

    def __init__(
        self,
        db_path: str | os.PathLike[str],
        tokens: Iterable[str] = DEFAULT_TOKENS,
        admin_token: str = DEFAULT_ADMIN_TOKEN,
        fees: FeeLookup | None = None,
        processing_days: DaysLookup | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        dialect: str = "v1",
        clients: Mapping[str, str] = DEFAULT_CLIENTS,
        token_lifetime: int = 300,
    ) -> None:
        if dialect not in DIALECTS:
            raise ValueError(f"unknown portal dialect {dialect!r}; known: {', '.join(DIALECTS)}")
        self.db_path = os.fspath(db_path)
        self._tokens = tuple(t.encode("utf-8") for t in tokens if t)
        self._admin_token = admin_token.encode("utf-8")
        self._fees: FeeLookup = fees or (lambda _code, _channel: None)
        self._processing_days = processing_days
        self._clock = clock or (lambda: datetime.now().astimezone())
        self.max_body_bytes = max_body_bytes
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.dialect = dialect
        self.handler: type[_Handler] = _Handler
        if dialect == "igate":
            # Imported here: the dialect's module builds on this one.
            from egov.portal.igate_server import IgateHandler, TokenIssuer

            self.handler = IgateHandler
            self.tokens = TokenIssuer(clients, token_lifetime, self._clock)
        self._init_db()

    # -- lifecycle -------------------------------------------------------------------------

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve from a daemon thread; return the base URL with the port actually bound."""
        if self._server is not None:
            raise RuntimeError("training portal already started")
        server = _Server(host, port, self)
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="training-portal", daemon=True
        )
        self._thread.start()
        log.info("training portal listening on %s", self.url)
        return self.url

    @property
    def url(self) -> str:
        """The base URL, e.g. http://127.0.0.1:54321 (only while started)."""
        if self._server is None:
            raise RuntimeError("training portal not started")
        host, port = self._server.server_address[:2]
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1" if host == "0.0.0.0" else "::1"
        return f"http://[{host}]:{port}" if ":" in str(host) else f"http://{host}:{port}"

    def stop(self) -> None:
        """Stop serving and free the port; requests in progress finish on their daemon threads."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)
        log.info("training portal stopped")

    def serve_forever(self, host: str = "127.0.0.1", port: int = 8765) -> None:
        """Serve on the calling thread until Ctrl-C (for `dvc-kiosk portal serve`)."""
        server = _Server(host, port, self)
        self._server = server
        log.info("training portal listening on %s", self.url)
        try:
            server.serve_forever(poll_interval=0.5)
        except KeyboardInterrupt:
            log.info("training portal interrupted")
        finally:
            self._server = None
            server.server_close()

    # -- storage ---------------------------------------------------------------------------

    def _init_db(self) -> None:
        with self._connect() as conn:
            # WAL lets status reads go on while a submit holds the write lock
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # One connection per request: sqlite3 connections must not be shared between threads,
        # and the busy timeout makes concurrent writers queue instead of failing.
        conn = sqlite3.connect(self.db_path, timeout=30.0, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as conn:
            # IMMEDIATE takes the write lock up front, so reading the counter and writing it
            # back cannot interleave with another submit: no two dossiers share a code.
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def stored_count(self) -> int:
        """How many dossiers are stored (for tests and the training tools)."""
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0])

    # -- operations (called by the handler with validated input) -----------------------------

    def authorised(self, header: str | None, admin: bool) -> bool:
        """Whether an Authorization header carries a client token (or the admin token if `admin`)."""
        if not header:
            return False
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        # header values arrive decoded as Latin-1, so this round-trips any byte the client sent
        given = token.strip().encode("latin-1", "replace")
        if admin:
            return hmac.compare_digest(given, self._admin_token)
        # compare against every token, without stopping early, to leak no timing
        matches = [hmac.compare_digest(given, t) for t in self._tokens]
        return any(matches)

    def _appointment(self, procedure_code: str, channel: str, received: datetime) -> str | None:
        if self._processing_days is None:
            return None
        try:
            days = self._processing_days(procedure_code, channel)
        except Exception:  # a catalogue bug must not block submissions: the date is advisory
            log.exception("processing_days failed for procedure %s", procedure_code)
            return None
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            return None
        return add_working_days(received.date(), days).isoformat()

    def submit(
        self, data: dict[str, Any], attachments: list[tuple[str, bytes]]
    ) -> tuple[int, dict[str, Any]]:
        """Store a validated dossier, or replay/refuse by its client_id; return (HTTP status, reply)."""
        client_id = data["client_id"]
        content_hash = hashlib.sha256(canonical_json(data)).hexdigest()
        received = self._clock()
        appointment = self._appointment(data["procedure_code"], data["channel"], received)
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT content_hash, reply, code FROM dossiers WHERE client_id = ?", (client_id,)
            ).fetchone()
            if row is not None:
                if hmac.compare_digest(row[0], content_hash):
                    log.info("submit replayed: dossier %s", row[2])
                    return 200, {**json.loads(row[1]), "replayed": True}
                log.info("submit refused: client_id %s reused with other content", client_id)
                raise ContractError("idempotency_conflict")
            office = data["office_code"]
            day = received.date()
            conn.execute(
                "INSERT INTO counters (office_code, day, last) VALUES (?, ?, 1) "
                "ON CONFLICT (office_code, day) DO UPDATE SET last = last + 1",
                (office, day.isoformat()),
            )
            number = conn.execute(
                "SELECT last FROM counters WHERE office_code = ? AND day = ?", (office, day.isoformat())
            ).fetchone()[0]
            code = format_dossier_code(office, day, number)
            received_at = received.isoformat(timespec="seconds")
            reply = {
                "dossier_code": code,
                "client_id": client_id,
                "status": int(PortalStatus.NEW),
                "status_name": PortalStatus.NEW.label,
                "received_at": received_at,
                "appointment_date": appointment,
            }
            conn.execute(
                "INSERT INTO dossiers (code, client_id, procedure_code, office_code, content_hash, body,"
                " reply, status, received_at, updated_at, appointment_date)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    code,
                    client_id,
                    data["procedure_code"],
                    office,
                    content_hash,
                    json.dumps(data, ensure_ascii=False),
                    json.dumps(reply, ensure_ascii=False),
                    int(PortalStatus.NEW),
                    received_at,
                    received_at,
                    appointment,
                ),
            )
            conn.execute(
                "INSERT INTO history (code, status, at, note) VALUES (?, ?, ?, '')",
                (code, int(PortalStatus.NEW), received_at),
            )
            conn.executemany(
                "INSERT INTO attachments (code, idx, filename, media_type, data) VALUES (?, ?, ?, ?, ?)",
                [(code, i, name, "application/pdf", blob) for i, (name, blob) in enumerate(attachments)],
            )
        log.info("dossier %s stored (%d attachments)", code, len(attachments))
        return 201, reply

    def _status_json(self, conn: sqlite3.Connection, row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
        code, client_id, procedure_code, status, received_at, updated_at, appointment = row
        history = [
            {"status": s, "at": at, "note": note}
            for s, at, note in conn.execute(
                "SELECT status, at, note FROM history WHERE code = ? ORDER BY id", (code,)
            )
        ]
        return {
            "dossier_code": code,
            "client_id": client_id,
            "procedure_code": procedure_code,
            "status": status,
            "status_name": PortalStatus(status).label,
            "received_at": received_at,
            "updated_at": updated_at,
            "appointment_date": appointment,
            "history": history,
        }

    _STATUS_COLUMNS = "code, client_id, procedure_code, status, received_at, updated_at, appointment_date"

    def status(self, *, code: str | None = None, client_id: str | None = None) -> dict[str, Any]:
        """The public status of one dossier, by code or by client_id; ContractError if unknown."""
        column, value = ("code", code) if code is not None else ("client_id", client_id)
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {self._STATUS_COLUMNS} FROM dossiers WHERE {column} = ?", (value,)
            ).fetchone()
            if row is None:
                raise ContractError("dossier_not_found")
            return self._status_json(conn, row)

    def fee(self, procedure_code: str, channel: str) -> int | None:
        """The fee from the injected lookup; a lookup returning nonsense is a server bug (500)."""
        fee = self._fees(procedure_code, channel)
        if fee is not None and (not isinstance(fee, int) or isinstance(fee, bool) or fee < 0):
            raise TypeError("fees callable returned a value that is not a non-negative int")
        return fee

    def set_status(self, code: str, status: PortalStatus, note: str) -> dict[str, Any]:
        """Move a dossier to `status`, appending to its history (training volunteers' tool)."""
        now = self._clock().isoformat(timespec="seconds")
        with self._transaction() as conn:
            updated = conn.execute(
                "UPDATE dossiers SET status = ?, updated_at = ? WHERE code = ?", (int(status), now, code)
            ).rowcount
            if not updated:
                raise ContractError("dossier_not_found")
            conn.execute(
                "INSERT INTO history (code, status, at, note) VALUES (?, ?, ?, ?)",
                (code, int(status), now, note),
            )
            row = conn.execute(
                f"SELECT {self._STATUS_COLUMNS} FROM dossiers WHERE code = ?", (code,)
            ).fetchone()
            result = self._status_json(conn, row)
        log.info("dossier %s moved to status %d", code, int(status))
        return result

    def admin_records(self, procedure_code: str | None) -> list[dict[str, Any]]:
        """Full stored records, personal data included: for the admin token only."""
        query = "SELECT body, code, status, received_at, updated_at, appointment_date FROM dossiers"
        params: tuple[str, ...] = ()
        if procedure_code is not None:
            query += " WHERE procedure_code = ?"
            params = (procedure_code,)
        with self._connect() as conn:
            rows = conn.execute(query + " ORDER BY received_at, code", params).fetchall()
        return [
            {
                **json.loads(body),
                "dossier_code": code,
                "status": status,
                "status_name": PortalStatus(status).label,
                "received_at": received_at,
                "updated_at": updated_at,
                "appointment_date": appointment,
            }
            for body, code, status, received_at, updated_at, appointment in rows
        ]

    def attachment(self, code: str, index: int) -> tuple[str, str, bytes]:
        """(filename, media type, bytes) of one stored attachment; ContractError if there is none."""
        with self._connect() as conn:
            row = conn.execute(
                "SELECT filename, media_type, data FROM attachments WHERE code = ? AND idx = ?", (code, index)
            ).fetchone()
        if row is None:
            raise ContractError("attachment_not_found")
        return row[0], row[1], bytes(row[2])


class _Server(ThreadingHTTPServer):
    # Handler threads are daemons so that a stalled client can never keep the kiosk from exiting.
    daemon_threads = True

    def __init__(self, host: str, port: int, portal: TrainingPortal) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.portal = portal
        super().__init__((host, port), portal.handler)


class _Handler(BaseHTTPRequestHandler):
    """Contract v1. A dialect subclasses it with more `routes` and its own auth and error shape."""

    server: _Server
    routes: ClassVar[Routes] = _ROUTES
    public_routes: ClassVar[frozenset[str]] = frozenset(_PUBLIC_ROUTES)
    server_version = f"dvc-training-portal/{SERVER_VERSION}"
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may stall mid-request before its thread gives up
    _route_name = "?"
    _allow = ""
    _body_read = False
    _linger = False

    # -- plumbing ------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - name required by BaseHTTPRequestHandler
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch()

    def __getattr__(self, name: str) -> Any:
        # BaseHTTPRequestHandler answers 501 for a method without a do_X; the contract wants
        # 404/405 for any method (a 5xx would tell the client to retry a hopeless request).
        if name.startswith("do_"):
            return self._dispatch
        raise AttributeError(name)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log.debug("%s %s -> %s", self.command, getattr(self, "_route_name", "?"), code)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        # The base class logs the raw request line, which could carry anything a client sent.
        log.debug("http: %s", format.split(" ", 1)[0])

    def _dispatch(self) -> None:
        self._route_name = "?"
        self._body_read = False
        self._linger = False
        try:
            route, params, query = self._route()
            self._route_name = route
            if route not in self.public_routes and not self._authorised(route):
                raise ContractError("unauthorised")
            getattr(self, f"_on_{route}")(params, query)
        except ContractError as error:
            extra = self._challenge(error)
            if error.code == "method_not_allowed":
                extra["Allow"] = self._allow
            self._send_error(error, extra)
        except (_ClientGone, OSError):
            self.close_connection = True
        except Exception:
            log.exception("internal error on route %s", self._route_name)
            self._send_error(ContractError("internal"), {})

    def _authorised(self, route: str) -> bool:
        """Whether the request may use `route` (public routes never ask)."""
        return self.server.portal.authorised(
            self.headers.get("Authorization"), admin=route.startswith("admin")
        )

    def _challenge(self, error: ContractError) -> dict[str, str]:
        """Extra headers of an error reply: how to authenticate, after a 401."""
        return {"WWW-Authenticate": 'Bearer realm="dvc-portal"'} if error.code == "unauthorised" else {}

    def _error_body(self, error: ContractError) -> dict[str, str]:
        return error.to_json()

    def _route(self) -> tuple[str, dict[str, str], dict[str, list[str]]]:
        split = urlsplit(self.path)
        path = split.path.rstrip("/") or "/"
        for pattern, methods in self.routes:
            match = pattern.fullmatch(path)
            if match is None:
                continue
            if self.command not in methods:
                self._allow = ", ".join(methods)
                raise ContractError("method_not_allowed")
            try:
                params = {k: unquote(v, errors="strict") for k, v in match.groupdict().items()}
            except UnicodeDecodeError:
                raise ContractError("not_found") from None
            try:
                query = parse_qs(split.query, keep_blank_values=True, errors="strict")
            except (UnicodeDecodeError, ValueError):
                raise ContractError("invalid_query", "query") from None
            return methods[self.command], params, query
        raise ContractError("not_found")

    def _chunked(self) -> bool:
        return "chunked" in self.headers.get("Transfer-Encoding", "").lower()

    def _content_length(self) -> int:
        if self._chunked():
            raise ContractError("length_required")  # the size is only known once the body is read
        value = self.headers.get("Content-Length")
        if value is None:
            # RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding has no body.
            return 0
        if not value.strip().isdigit() or not value.strip().isascii():
            raise ContractError("bad_request")
        return int(value.strip())

    def _read_chunked(self, limit: int) -> bytes:
        """A body sent with Transfer-Encoding: chunked (RFC 9112 §7.1), at most `limit` bytes.

        HTTP/1.1 clients may send one (a streaming upload, some HTTP libraries for an empty or
        generated body); refusing it with 411 is allowed but leaves such a client no way in."""
        body = bytearray()
        while True:
            line = self.rfile.readline(1024)
            if not line.endswith(b"\n"):
                raise _ClientGone() if not line else ContractError("bad_request")
            size_text = line.split(b";", 1)[0].strip()
            if (
                not size_text
                or len(size_text) > 16
                or not all(c in b"0123456789abcdefABCDEF" for c in size_text)
            ):
                raise ContractError("bad_request")
            size = int(size_text, 16)
            if size == 0:
                break
            if len(body) + size > limit:
                raise ContractError("too_large")
            chunk = self.rfile.read(size)
            if len(chunk) != size:
                raise _ClientGone()
            body += chunk
            if self.rfile.readline(3) not in (b"\r\n", b"\n"):
                raise ContractError("bad_request")
        while True:  # trailer fields, ignored, up to the empty line
            line = self.rfile.readline(8192)
            if not line:
                raise _ClientGone()
            if line in (b"\r\n", b"\n"):
                break
        self._body_read = True
        return bytes(body)

    def _read_body(self, limit: int) -> bytes:
        if self._chunked():
            return self._read_chunked(limit)
        length = self._content_length()
        if length > limit:
            raise ContractError("too_large")
        data = self.rfile.read(length)
        if len(data) != length:
            raise _ClientGone()
        self._body_read = True
        return data

    def _discard_body(self) -> None:
        """Before an error reply, read the unread body so the connection stays in step.

        Closing a socket with unread data makes the kernel send a reset, and the client may then
        lose our reply; a body that is too large is left to the lingering close instead.
        """
        if self._body_read:
            return
        self._body_read = True
        if self.command == "GET" and "Content-Length" not in self.headers:
            return
        try:
            length = self._content_length()
        except ContractError:
            self.close_connection = True
            self._linger = "Transfer-Encoding" in self.headers
            return
        if length > self.server.portal.max_body_bytes:
            self.close_connection = True
            self._linger = True
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 1 << 16))
            if not chunk:
                raise _ClientGone()
            length -= len(chunk)

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status: int, data: Any, extra: dict[str, str] | None = None) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", extra)

    def _send_error(self, error: ContractError, extra: dict[str, str]) -> None:
        try:
            self._discard_body()
        except (_ClientGone, OSError):
            self.close_connection = True
            return
        if self.command == "HEAD":
            self.close_connection = True
        try:
            self._send_json(error.http_status, self._error_body(error), extra)
            if self._linger:
                self._lingering_close()
        except OSError:
            self.close_connection = True

    def _lingering_close(self) -> None:
        # Half-close, then swallow what the client is still sending for a moment, so that it
        # reads our 413 instead of a connection reset.
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_WR)
        self.connection.settimeout(2.0)
        received = 0
        try:
            while received < 4 * self.server.portal.max_body_bytes:
                chunk = self.connection.recv(1 << 16)
                if not chunk:
                    break
                received += len(chunk)
        except OSError:
            pass

    # -- routes ---------------------------------------------------------------------------

    def _on_health(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        self._send_json(200, {"ok": True, "version": SERVER_VERSION, "api_version": API_VERSION})

    def _on_openapi(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        self._send_json(200, openapi_document())

    def _on_submit(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        portal = self.server.portal
        media_type, holder = _media_type(self.headers.get("Content-Type"))
        if media_type != "multipart/form-data":
            raise ContractError("unsupported_media_type")
        boundary = holder.get_param("boundary")
        if not isinstance(boundary, str) or not _BOUNDARY_RE.fullmatch(boundary):
            raise ContractError("bad_multipart")
        key = self.headers.get("Idempotency-Key")
        if not key:
            raise ContractError("idempotency_key_missing")
        body = self._read_body(portal.max_body_bytes)
        parts = self._parse_multipart(boundary, body)
        first = parts[0] if parts else None
        if first is None or first[0] != "dossier":
            raise ContractError("missing_dossier_part")
        if first[1] != "application/json":
            raise ContractError("unsupported_media_type")
        data = validate_submission(_load_json(first[3]))
        if key.strip() != data["client_id"]:
            raise ContractError("idempotency_key_mismatch")
        metas = data.get("attachments", [])
        files = parts[1:]
        for position, (name, _, _, _) in enumerate(files, start=1):
            if name != "attachment":
                raise ContractError("unexpected_part", f"#{position}")
        if len(files) != len(metas):
            raise ContractError("attachment_count")
        for index, ((_, content_type, _, blob), meta) in enumerate(zip(files, metas, strict=True)):
            if content_type != "application/pdf":
                raise ContractError("attachment_type", f"attachments[{index}]")
            check_attachment(index, meta, blob)
        status, reply = portal.submit(
            data, [(meta["filename"], blob) for (_, _, _, blob), meta in zip(files, metas, strict=True)]
        )
        self._send_json(status, reply)

    @staticmethod
    def _parse_multipart(boundary: str, body: bytes) -> list[tuple[str, str, str | None, bytes]]:
        """Parse multipart/form-data with the email package: (name, content type, filename, bytes)."""
        header = f'Content-Type: multipart/form-data; boundary="{boundary}"\r\n\r\n'.encode("ascii")
        try:
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
        except Exception:  # the parser is lenient, but any surprise here is the client's malformed body
            raise ContractError("bad_multipart") from None
        if not isinstance(message, EmailMessage) or not message.is_multipart() or message.defects:
            raise ContractError("bad_multipart")
        parts: list[tuple[str, str, str | None, bytes]] = []
        for part in message.iter_parts():
            if part.defects or part.is_multipart() or part.get_content_disposition() != "form-data":
                raise ContractError("bad_multipart")
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if not isinstance(name, str) or not isinstance(payload, bytes):
                raise ContractError("bad_multipart")
            filename = part.get_filename()
            parts.append(
                (name, part.get_content_type(), filename if isinstance(filename, str) else None, payload)
            )
        return parts

    def _on_find(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        values = query.get("client_id", [])
        if len(values) != 1 or not is_canonical_uuid(values[0]):
            raise ContractError("invalid_query", "client_id")
        self._send_json(200, self.server.portal.status(client_id=values[0]))

    def _on_status(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        self._send_json(200, self.server.portal.status(code=params["code"]))

    def _on_fee(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        procedure_code = params["procedure_code"]
        if not PROCEDURE_CODE_RE.fullmatch(procedure_code):
            raise ContractError("invalid_query", "procedure_code")
        channels = query.get("channel", ["direct"])
        if len(channels) != 1 or channels[0] not in CHANNELS:
            raise ContractError("invalid_query", "channel")
        fee = self.server.portal.fee(procedure_code, channels[0])
        if fee is None:
            raise ContractError("fee_not_found")
        self._send_json(200, {"procedure_code": procedure_code, "channel": channels[0], "fee": fee})

    def _on_admin_list(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        codes = query.get("procedure_code")
        if codes is not None and len(codes) != 1:
            raise ContractError("invalid_query", "procedure_code")
        self._send_json(200, self.server.portal.admin_records(codes[0] if codes else None))

    def _on_admin_status(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        media_type, _ = _media_type(self.headers.get("Content-Type"))
        if media_type != "application/json":
            raise ContractError("unsupported_media_type")
        data = _load_json(self._read_body(MAX_JSON_BODY))
        if not isinstance(data, dict):
            raise ContractError("invalid_field", "body")
        status = data.get("status")
        if isinstance(status, float) and status.is_integer():
            # JSON has one kind of number: 5.0 is the integer 5 (JSON Schema and the OpenAPI
            # document agree), so an officer's tool that writes it so is not refused.
            status = int(status)
        if (
            not isinstance(status, int)
            or isinstance(status, bool)
            or status not in PortalStatus._value2member_map_
        ):
            raise ContractError("invalid_status")
        note = data.get("note", "")
        if not isinstance(note, str) or len(note) > MAX_NOTE:
            raise ContractError("invalid_field", "note")
        self._send_json(200, self.server.portal.set_status(params["code"], PortalStatus(status), note))

    def _on_admin_attachment(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        filename, media_type, data = self.server.portal.attachment(params["code"], int(params["index"]))
        disposition = f'attachment; filename="{ascii_filename(filename, int(params["index"]))}"'
        self._send(200, data, media_type, {"Content-Disposition": disposition})


def serve(
    host: str,
    port: int,
    db: str | os.PathLike[str],
    tokens: Iterable[str] = DEFAULT_TOKENS,
    admin_token: str = DEFAULT_ADMIN_TOKEN,
    *,
    fees: FeeLookup | None = None,
    processing_days: DaysLookup | None = None,
    dialect: str = "v1",
    clients: Mapping[str, str] = DEFAULT_CLIENTS,
) -> None:
    """Run the training portal in the foreground until Ctrl-C (the `dvc-kiosk portal serve` command)."""
    TrainingPortal(
        db, tokens, admin_token, fees, processing_days, dialect=dialect, clients=clients
    ).serve_forever(host, port)
