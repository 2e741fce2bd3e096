"""The Store: what must outlive a visit, in SQLite (one kiosk) or PostgreSQL (an office).

It keeps the outbox of dossiers until the portal has them, consent records, ratings, staff accounts
(see `egov.accounts`) and an append-only audit trail. Personal fields are sealed with AES-256-GCM
(`egov.store.crypto`) bound to the dossier's client id and the field's name; codes, states, times
and attachment hashes stay in clear so that the outbox and the day's list work without the key.

Every write takes the database's write lock first (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
transaction-scoped advisory lock), so writers queue instead of failing half-way, the audit chain
never forks, and two processes migrating a fresh database at once do it one after the other.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
import logging
import re
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, func, or_, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from egov.dossier import Attachment, Channel, ChecklistItem, Dossier, IdentitySource, Person
from egov.store.crypto import SealError, StoreError, check_key, load_or_create_key, seal, unseal
from egov.store.models import (
    RATING_REASONS,
    AttachmentRow,
    AuditRow,
    ConsentRow,
    DossierRow,
    DossierState,
    PrintJobRow,
    PrintJobState,
    RatingRow,
)

if TYPE_CHECKING:
    from config.settings import Settings

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000  # how long a SQLite writer waits for another before giving up
PENDING_STATES = (DossierState.QUEUED, DossierState.SENDING)
FINAL_STATES = (DossierState.ACCEPTED, DossierState.REJECTED)
# The consent without which a dossier may not be sent (egov.visit.Consent.TRANSMIT), and the
# reason code of a dossier given up because the citizen withdrew it before it was sent.
TRANSMIT_PURPOSE = "transmit"
CONSENT_WITHDRAWN = "withdrawn:consent"
GENESIS_HASH = "0" * 64  # the "previous hash" of the first audit entry
# pg_advisory_xact_lock key shared by every writer of this schema ("dvckiosk" in ASCII).
_PG_WRITE_LOCK = int.from_bytes(b"dvckiosk", "big") & 0x7FFF_FFFF_FFFF_FFFF
_READ_ONLY = "egov_store_read_only"  # execution option: a SQLite read needs no write lock
# Runs of 9+ digits look like ID card (9 or 12 digits) or phone numbers; never let them into the
# audit trail. Digits inside a longer token (a UUID's last group, a code) are left alone.
_LONG_DIGITS = re.compile(r"(?<![0-9A-Za-z-])\d{9,}(?![0-9A-Za-z-])")
# A failure reason is a machine code ("timeout", "rejected:invalid_field"); anything else in it is
# replaced, so that no sentence (which could quote a citizen's answer) reaches the column or the trail.
_NOT_CODE = re.compile(r"[^A-Za-z0-9_.:=\-]")
_CLAIM_CANDIDATES = 8  # due dossiers looked at per claim; one is taken


HOLDER_DIGITS = 4  # the ID number's last digits a citizen types to look a dossier up by its code


class DossierView(enum.StrEnum):
    """The agent's filters of the dossier list."""

    TODAY = "today"
    WAITING = "waiting"  # not yet at the portal
    ATTENTION = "attention"  # refused or needing a person
    LATE = "late"  # past the appointment date and not closed
    ALL = "all"


class DossierNotFound(StoreError):
    """No dossier with that client id."""


class PersonalDataPurged(StoreError):
    """The dossier's personal data was purged; only codes, states and times are left."""


@dataclass(frozen=True, slots=True)
class DossierSummary:
    """One line of the day's list; the names are decrypted, empty once purged."""

    client_id: uuid.UUID
    procedure_code: str
    procedure_name: str
    office_code: str
    state: DossierState
    dossier_code: str | None
    created_at: datetime
    agent: str
    applicant_name: str
    authorised_name: str
    fee: int = 0  # the state fee (lệ phí) in đồng
    portal_status: int | None = None  # PortalStatus 1–10, as last heard from the portal
    portal_status_at: datetime | None = None
    appointment: date | None = None  # hẹn trả kết quả
    accepted_at: datetime | None = None
    reason: str = ""  # the last failure's machine code (needs attention: why)
    channel: str = "direct"  # Channel value: direct (desk), online (kiosk), postal
    identity_source: str = ""  # "chip", "manual", or "" when not recorded
    consignment: str = ""  # the postal consignment number, when the paper goes by post


@dataclass(frozen=True, slots=True)
class Claim:
    """A dossier a sender has moved to `sending`; `attempts` counts this send."""

    client_id: uuid.UUID
    attempts: int
    sender: str


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """A dossier's delivery bookkeeping; `reason` is a machine code ("rejected:invalid_field")."""

    client_id: uuid.UUID
    state: DossierState
    dossier_code: str | None
    attempts: int
    next_attempt_at: datetime | None
    claimed_by: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class PrintJob:
    """A slip in the store, without its content (see `Store.print_job_slip`)."""

    job_id: str
    kind: str
    subject: str
    state: PrintJobState
    attempts: int
    width: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    client_id: uuid.UUID | None
    purpose: str
    granted: bool
    text_version: str
    actor: str
    at: datetime
    method: str = "screen"  # CONSENT_METHODS
    withdrawn_at: datetime | None = None
    withdrawn_by: str = ""

    @property
    def in_force(self) -> bool:
        """Granted and not withdrawn: what may be relied on now."""
        return self.granted and self.withdrawn_at is None


# How a consent was given: a tick on the screen, a signature drawn on the screen, a signed paper form.
CONSENT_METHODS = frozenset({"screen", "signature", "paper"})


@dataclass(frozen=True, slots=True)
class RatingsSummary:
    count: int
    average: float | None  # None when there are no ratings
    by_score: dict[int, int]  # score 1..5 -> how many


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


@dataclass(frozen=True, slots=True)
class AuditCheck:
    """The result of `verify_audit`: true when the chain is whole, else the first bad entry's id.

    The chain shows altered, inserted, reordered or deleted entries; entries cut off at the end
    leave a shorter but valid chain, which only a copy of the last hash kept elsewhere can show.
    """

    ok: bool
    first_bad_id: int | None
    checked: int

    def __bool__(self) -> bool:
        return self.ok


def dossier_subject(client_id: uuid.UUID | str) -> str:
    """The audit subject naming a dossier."""
    return f"dossier:{client_id}"


def redact(detail: str) -> str:
    """`detail` with ID- or phone-number-like digit runs replaced; a net, not a licence to log."""
    return _LONG_DIGITS.sub("[redacted]", detail)


def _checklist_json(items: tuple[ChecklistItem, ...]) -> str | None:
    # Canonical (sorted keys, no spaces) because the sealed manifest repeats it for comparison.
    if not items:
        return None
    return json.dumps([item.to_json() for item in items], sort_keys=True, separators=(",", ":"))


def _reason_code(reason: str) -> str:
    return redact(_NOT_CODE.sub("_", reason))[:120]


def _as_state(state: str | DossierState) -> DossierState:
    try:
        return DossierState(state)
    except ValueError:
        raise StoreError(f"unknown dossier state {state!r}") from None


def _aware(moment: datetime) -> datetime:
    # Dossier.created_at is aware; a naive one is taken as the kiosk's local time.
    return moment if moment.tzinfo is not None else moment.astimezone()


def _chain_hash(prev_hash: str, row: AuditRow) -> str:
    canonical = json.dumps(
        {
            "id": row.id,
            "at": row.at.astimezone(UTC).isoformat(),
            "actor": row.actor,
            "action": row.action,
            "subject": row.subject,
            "detail": row.detail,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(prev_hash.encode("ascii") + canonical.encode("utf-8")).hexdigest()


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook issue BEGIN itself (pysqlite's own would be DEFERRED).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # busy_timeout first, so that switching to WAL waits for a concurrent opener.
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _retry_while_busy(lambda: cursor.execute("PRAGMA journal_mode = WAL"))
        cursor.execute("PRAGMA foreign_keys = ON")
        # FULL: a dossier reported as saved survives a power cut, which NORMAL does not promise in WAL.
        cursor.execute("PRAGMA synchronous = FULL")
        # Purged personal data is overwritten with zeros rather than left in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _retry_while_busy(step: Callable[[], object]) -> None:
    # Switching a fresh file to WAL needs an exclusive lock, and SQLite may answer SQLITE_BUSY
    # at once instead of calling the busy handler when another opener is doing the same.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _db_error(exc: SQLAlchemyError) -> str:
    """The error's class and code, never its message: drivers quote statements and parameters."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlite_errorname", None) or getattr(orig, "sqlstate", None)
    return f"{exc.__class__.__name__}{f' {code}' if code else ''}"


def _sqlite_on_begin(connection: Connection) -> None:
    # IMMEDIATE takes the write lock up front: a later upgrade from read to write lock could fail
    # with SQLITE_BUSY without waiting, and concurrent migrations must run one after the other.
    read_only = connection.get_execution_options().get(_READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - the URL may hold a password: never echo it
        raise StoreError("store url: not a database URL") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = create_engine(
            parsed,
            # The outbox worker may use the store from another thread than the one that opened it.
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if backend == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise StoreError(f"store url: unsupported database {backend!r} (use sqlite or postgresql+psycopg)")


class Store:
    """The durable state of a kiosk or an office. Thread-safe; open one per process."""

    def __init__(self, url: str, key: bytes, *, clock: Callable[[], datetime] | None = None) -> None:
        check_key(key)
        self._key = key
        self._clock = clock or (lambda: datetime.now(UTC))
        self._engine = _make_engine(url)
        self._dialect = self._engine.dialect.name
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self._engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        )
        try:
            self._upgrade()
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise StoreError(
                f"store: cannot open or migrate the {self._dialect} database ({_db_error(exc)})"
            ) from None
        log.info("store opened (%s)", self._dialect)

    # -- plumbing -------------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine; for tools and tests, not for writing around the Store."""
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def now(self) -> datetime:
        return self._clock()

    def _upgrade(self) -> None:
        config = Config()
        location = Path(__file__).with_name("migrations")
        # Config values go through configparser interpolation, where "%" is special.
        config.set_main_option("script_location", str(location).replace("%", "%%"))
        config.set_main_option("path_separator", "os")
        with self._engine.begin() as connection:
            # SQLite: the BEGIN IMMEDIATE from the begin hook is the migration lock.
            if self._dialect == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction holding the store's write lock; for egov modules with tables here."""
        try:
            with self._sessions.begin() as session:
                if self._dialect == "postgresql":
                    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})
                yield session
        except SQLAlchemyError as exc:
            # The driver's message can quote the statement's parameters: keep it out of the error.
            raise StoreError(f"store: database write failed ({_db_error(exc)})") from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction (one consistent view on SQLite); nothing written in it is kept."""
        try:
            with self._read_sessions() as session, session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"store: database read failed ({_db_error(exc)})") from None

    def _seal(self, client_id: str, field: str, value: bytes) -> bytes:
        return seal(self._key, value, f"{client_id}|{field}".encode())

    def _unseal(self, client_id: str, field: str, value: bytes | None) -> bytes:
        if value is None:
            raise StoreError(f"dossier {client_id}: sealed field {field} is missing")
        try:
            return unseal(self._key, value, f"{client_id}|{field}".encode())
        except SealError:
            raise StoreError(
                f"dossier {client_id}: field {field} failed authentication (tampered, moved or wrong key)"
            ) from None

    def seal_field(self, subject: str, field: str, value: bytes) -> bytes:
        """`value` sealed with the store's key, bound to `subject` and `field`: for the egov modules
        that keep personal free text in tables of their own (egov.feedback's suggestions)."""
        return self._seal(subject, field, value)

    def unseal_field(self, subject: str, field: str, value: bytes) -> bytes:
        """The value `seal_field` sealed for this `subject` and `field`; StoreError if it was altered,
        moved to another row or sealed with another key."""
        try:
            return unseal(self._key, value, f"{subject}|{field}".encode())
        except SealError:
            raise StoreError(f"{subject}: field {field} failed authentication") from None

    def _unseal_json(self, client_id: str, field: str, value: bytes | None) -> Any:
        return json.loads(self._unseal(client_id, field, value).decode("utf-8"))

    # -- dossiers -------------------------------------------------------------------------------

    def save_dossier(
        self,
        d: Dossier,
        procedure_name: str | None = None,
        state: str | DossierState = DossierState.QUEUED,
        *,
        claimed_by: str | None = None,
    ) -> None:
        """Put a dossier and all its attachments in the outbox, in one transaction.

        With `claimed_by`, the dossier is saved already claimed by that sender (state `sending`,
        first attempt), so that no other sender can take it between the save and the first send.
        """
        new_state = DossierState.SENDING if claimed_by is not None else _as_state(state)
        cid = str(d.client_id)
        created = _aware(d.created_at)
        now = self.now()
        # The sealed manifest repeats the clear columns and the attachments' hashes, so that a
        # changed fee or a deleted attachment row is caught on load, not sent to the portal.
        manifest = {
            "form": dict(d.form),
            "meta": {
                "procedure_code": d.procedure_code,
                "office_code": d.office_code,
                "channel": d.channel.value,
                "agent": d.agent,
                "fee": d.fee,
                "created_at": created.isoformat(),
                "identity_source": d.identity_source.value if d.identity_source else None,
                "checklist": _checklist_json(d.checklist),
            },
            "attachments": [{"sha256": a.sha256, "size": len(a.data)} for a in d.attachments],
        }
        row = DossierRow(
            client_id=cid,
            procedure_code=d.procedure_code,
            procedure_name=procedure_name if procedure_name is not None else d.procedure_name,
            office_code=d.office_code,
            channel=d.channel.value,
            agent=d.agent,
            state=new_state.value,
            dossier_code=None,
            fee=d.fee,
            created_at=created,
            created_day=created.date(),
            updated_at=now,
            applicant_enc=self._seal(cid, "applicant", json.dumps(d.applicant.to_json()).encode()),
            authorised_enc=self._seal(
                cid, "authorised", json.dumps(d.authorised.to_json() if d.authorised else None).encode()
            ),
            form_enc=self._seal(cid, "form", json.dumps(manifest).encode()),
            attempts=1 if claimed_by is not None else 0,
            claimed_by=claimed_by,
            claimed_at=now if claimed_by is not None else None,
            holder_check=self._holder_check(cid, d.applicant.id_number),
            identity_source=d.identity_source.value if d.identity_source else None,
            checklist=_checklist_json(d.checklist),
            id_index=self.id_index(d.applicant.id_number),
        )
        for position, attachment in enumerate(d.attachments):
            row.attachments.append(
                AttachmentRow(
                    position=position,
                    document_code=attachment.document_code,
                    document_name=attachment.document_name,
                    media_type=attachment.media_type,
                    pages=attachment.pages,
                    size=len(attachment.data),
                    sha256=attachment.sha256,
                    filename_enc=self._seal(
                        cid, f"attachment/{position}/filename", attachment.filename.encode()
                    ),
                    data_enc=self._seal(cid, f"attachment/{position}/data", attachment.data),
                )
            )
        with self.write() as session:
            if session.scalar(select(DossierRow.id).where(DossierRow.client_id == cid)) is not None:
                raise StoreError(f"dossier {cid}: already stored")
            session.add(row)
            session.flush()
            self.audit_in(
                session,
                actor=d.agent or "kiosk",
                action="dossier.saved",
                subject=dossier_subject(cid),
                detail=f"state={new_state.value}; attachments={len(d.attachments)}",
            )
        log.info("dossier %s saved (%d attachments)", cid, len(d.attachments))

    def _get_row(self, session: Session, client_id: uuid.UUID | str) -> DossierRow:
        row = session.scalar(
            select(DossierRow)
            .where(DossierRow.client_id == str(client_id))
            .options(selectinload(DossierRow.attachments))
        )
        if row is None:
            raise DossierNotFound(f"dossier {client_id}: not found")
        return row

    def load_dossier(self, client_id: uuid.UUID | str) -> Dossier:
        """The dossier as saved, decrypted; StoreError if anything was altered."""
        with self.read() as session:
            row = self._get_row(session, client_id)
        cid = row.client_id
        if row.purged_at is not None:
            raise PersonalDataPurged(f"dossier {cid}: personal data purged")
        applicant = Person.from_json(self._unseal_json(cid, "applicant", row.applicant_enc))
        authorised_json = self._unseal_json(cid, "authorised", row.authorised_enc)
        manifest = self._unseal_json(cid, "form", row.form_enc)
        meta = manifest["meta"]
        clear = {
            "procedure_code": row.procedure_code,
            "office_code": row.office_code,
            "channel": row.channel,
            "agent": row.agent,
            "fee": row.fee,
            "identity_source": row.identity_source,
            "checklist": row.checklist,
        }
        # .get: dossiers saved before migration 0006 have neither key, and None in both places.
        if any(meta.get(name) != value for name, value in clear.items()):
            raise StoreError(f"dossier {cid}: clear columns differ from the sealed copy (tampered)")
        if len(manifest["attachments"]) != len(row.attachments):
            raise StoreError(f"dossier {cid}: attachment rows missing or added (tampered)")
        attachments = []
        for expected_position, (att, sealed) in enumerate(
            zip(row.attachments, manifest["attachments"], strict=True)
        ):
            prefix = f"attachment/{att.position}"
            data = self._unseal(cid, f"{prefix}/data", att.data_enc)
            digest = hashlib.sha256(data).hexdigest()
            if att.position != expected_position or digest != att.sha256 or digest != sealed["sha256"]:
                raise StoreError(f"dossier {cid}: attachment {att.position} does not match its sha256")
            attachments.append(
                Attachment(
                    document_code=att.document_code,
                    document_name=att.document_name,
                    filename=self._unseal(cid, f"{prefix}/filename", att.filename_enc).decode("utf-8"),
                    data=data,
                    pages=att.pages,
                    media_type=att.media_type,
                )
            )
        return Dossier(
            procedure_code=row.procedure_code,
            procedure_name=row.procedure_name,
            applicant=applicant,
            office_code=row.office_code,
            channel=Channel(row.channel),
            form={str(k): str(v) for k, v in manifest["form"].items()},
            attachments=attachments,
            authorised=Person.from_json(authorised_json) if authorised_json is not None else None,
            agent=row.agent,
            fee=row.fee,
            client_id=uuid.UUID(cid),
            # The sealed copy keeps the kiosk's UTC offset; the column is UTC.
            created_at=datetime.fromisoformat(meta["created_at"]),
            identity_source=IdentitySource(row.identity_source) if row.identity_source else None,
            checklist=tuple(ChecklistItem.from_json(item) for item in json.loads(row.checklist or "[]")),
        )

    def set_state(
        self,
        client_id: uuid.UUID | str,
        state: str | DossierState,
        *,
        actor: str,
        dossier_code: str | None = None,
        reason: str = "",
    ) -> None:
        """Move a dossier to `state` (audited). Accepted and rejected are final."""
        new_state = _as_state(state)
        with self.write() as session:
            row = self._get_row(session, client_id)
            old_state = DossierState(row.state)
            if old_state in FINAL_STATES and new_state is not old_state:
                raise StoreError(f"dossier {row.client_id}: state {old_state.value} is final")
            row.state = new_state.value
            row.updated_at = self.now()
            if new_state is not DossierState.SENDING:
                row.claimed_by = row.claimed_at = None
            if new_state is DossierState.QUEUED:
                # Queued again by a person (or a tool): a fresh start, due now, no backoff left.
                row.attempts, row.next_attempt_at, row.reason = 0, None, None
            if dossier_code is not None:
                row.dossier_code = dossier_code
            if new_state is DossierState.ACCEPTED and row.accepted_at is None:
                row.accepted_at = row.updated_at  # the retention clock starts here
            detail = f"{old_state.value} -> {new_state.value}"
            if dossier_code is not None:
                detail += f"; dossier_code={dossier_code}"
            if reason:
                detail += f"; reason={reason[:500]}"
            self.audit_in(
                session,
                actor=actor,
                action="dossier.state",
                subject=dossier_subject(row.client_id),
                detail=detail,
            )

    def pending(self) -> list[uuid.UUID]:
        """Client ids of dossiers still to send (queued or sending), oldest first."""
        with self.read() as session:
            ids = session.scalars(
                select(DossierRow.client_id)
                .where(DossierRow.state.in_([s.value for s in PENDING_STATES]))
                .order_by(DossierRow.created_at, DossierRow.id)
            ).all()
        return [uuid.UUID(cid) for cid in ids]

    # -- outbox delivery: claims, outcomes, backoff ---------------------------------------------

    def claim_next(self, sender: str, *, actor: str = "outbox") -> Claim | None:
        """Claim the oldest queued dossier that is due, for `sender`; None when none is due.

        The claim is a compare-and-set (UPDATE ... WHERE state = 'queued'), so two senders, in
        two threads or two processes on one database, can never both move a dossier to sending.
        """
        now = self.now()
        due = or_(DossierRow.next_attempt_at.is_(None), DossierRow.next_attempt_at <= now)
        with self.write() as session:
            candidates = session.execute(
                select(DossierRow.id, DossierRow.client_id, DossierRow.attempts)
                .where(DossierRow.state == DossierState.QUEUED.value, due)
                .order_by(DossierRow.created_at, DossierRow.id)
                .limit(_CLAIM_CANDIDATES)
            ).all()
            for row_id, cid, attempts in candidates:
                taken = session.execute(
                    update(DossierRow)
                    .where(DossierRow.id == row_id, DossierRow.state == DossierState.QUEUED.value)
                    .values(
                        state=DossierState.SENDING.value,
                        claimed_by=sender,
                        claimed_at=now,
                        attempts=DossierRow.attempts + 1,
                        updated_at=now,
                    )
                    .execution_options(synchronize_session=False)
                )
                if taken.rowcount != 1:
                    continue
                self.audit_in(
                    session,
                    actor=actor,
                    action="dossier.state",
                    subject=dossier_subject(cid),
                    detail=f"queued -> sending; attempt={attempts + 1}",
                )
                return Claim(uuid.UUID(cid), attempts + 1, sender)
        return None

    def finish(
        self,
        claim: Claim,
        state: DossierState,
        *,
        actor: str = "outbox",
        dossier_code: str | None = None,
        reason: str = "",
        next_attempt_at: datetime | None = None,
    ) -> bool:
        """End `claim` in `state` (audited); False if the claim was lost and nothing changed.

        Only the claim's holder may end it, unless the dossier was accepted: the portal's dossier
        code is a fact whoever learned it, so it is kept even after the claim was taken back.
        """
        if state is DossierState.SENDING:
            raise StoreError("finish: a claim ends in another state than sending")
        cid = str(claim.client_id)
        code = _reason_code(reason)
        now = self.now()
        if state is DossierState.ACCEPTED:
            held = DossierRow.state.in_([DossierState.QUEUED.value, DossierState.SENDING.value])
        else:
            held = (DossierRow.state == DossierState.SENDING.value) & (DossierRow.claimed_by == claim.sender)
        values: dict[str, Any] = {
            "state": state.value,
            "claimed_by": None,
            "claimed_at": None,
            "updated_at": now,
            "reason": code or None,
            "next_attempt_at": next_attempt_at if state is DossierState.QUEUED else None,
        }
        if dossier_code is not None:
            values["dossier_code"] = dossier_code
        if state is DossierState.ACCEPTED:
            values["accepted_at"] = func.coalesce(DossierRow.accepted_at, now)  # retention starts
        with self.write() as session:
            old = session.scalar(select(DossierRow.state).where(DossierRow.client_id == cid, held))
            if old is None:
                return False
            session.execute(
                update(DossierRow)
                .where(DossierRow.client_id == cid, held)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            detail = f"{old} -> {state.value}"
            if dossier_code is not None:
                detail += f"; dossier_code={dossier_code}"
            if code:
                detail += f"; reason={code}"
            if state is DossierState.QUEUED and next_attempt_at is not None:
                detail += f"; retry_in={max(0.0, (next_attempt_at - now).total_seconds()):.1f}s"
            self.audit_in(
                session, actor=actor, action="dossier.state", subject=dossier_subject(cid), detail=detail
            )
        return True

    def requeue_sending(
        self,
        *,
        lease: timedelta,
        gone: Callable[[str], bool] = lambda _sender: False,
        actor: str = "outbox",
    ) -> list[uuid.UUID]:
        """Put back in the queue the dossiers left `sending` by a sender that died: those whose
        claim is older than `lease`, has no holder, or whose holder `gone(sender)` says is dead.
        Sending them again is safe: the portal knows them by their client id. Returns their ids.
        """
        now = self.now()
        cutoff = now - lease
        back: list[uuid.UUID] = []
        with self.write() as session:
            rows = session.execute(
                select(DossierRow.id, DossierRow.client_id, DossierRow.claimed_by, DossierRow.claimed_at)
                .where(DossierRow.state == DossierState.SENDING.value)
                .order_by(DossierRow.created_at, DossierRow.id)
            ).all()
            for row_id, cid, sender, since in rows:
                if sender is None or since is None:
                    why = "unclaimed"
                elif since < cutoff:
                    why = "lease_expired"
                elif gone(sender):
                    why = "sender_gone"
                else:
                    continue
                session.execute(
                    update(DossierRow)
                    .where(
                        DossierRow.id == row_id,
                        DossierRow.state == DossierState.SENDING.value,
                        DossierRow.claimed_by.is_not_distinct_from(sender),
                    )
                    .values(state=DossierState.QUEUED.value, claimed_by=None, claimed_at=None, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                self.audit_in(
                    session,
                    actor=actor,
                    action="dossier.state",
                    subject=dossier_subject(cid),
                    detail=f"sending -> queued; reason={why}",
                )
                back.append(uuid.UUID(cid))
        if back:
            log.info("%d dossiers left sending were queued again", len(back))
        return back

    def next_due(self) -> datetime | None:
        """When the earliest queued dossier may be sent (now or earlier if one is due); None if
        nothing is queued."""
        with self.read() as session:
            waiting, earliest = session.execute(
                select(
                    func.count().filter(DossierRow.next_attempt_at.is_(None)),
                    func.min(DossierRow.next_attempt_at),
                ).where(DossierRow.state == DossierState.QUEUED.value)
            ).one()
        if waiting:
            return self.now()
        return cast(datetime | None, earliest)

    def make_due(self) -> int:
        """Make every queued dossier due now (the portal answers again: no reason to wait out
        backoff that was about its outage). Returns how many were waiting."""
        with self.write() as session:
            done = session.execute(
                update(DossierRow)
                .where(DossierRow.state == DossierState.QUEUED.value, DossierRow.next_attempt_at.is_not(None))
                .values(next_attempt_at=None)
                .execution_options(synchronize_session=False)
            )
        return int(done.rowcount)

    def outbox_entry(self, client_id: uuid.UUID | str) -> OutboxEntry:
        """Where a dossier is in the outbox: state, code, attempts, next attempt, claim, reason."""
        with self.read() as session:
            row = session.scalar(select(DossierRow).where(DossierRow.client_id == str(client_id)))
        if row is None:
            raise DossierNotFound(f"dossier {client_id}: not found")
        return OutboxEntry(
            client_id=uuid.UUID(row.client_id),
            state=DossierState(row.state),
            dossier_code=row.dossier_code,
            attempts=row.attempts,
            next_attempt_at=row.next_attempt_at,
            claimed_by=row.claimed_by,
            reason=row.reason or "",
        )

    def list_dossiers(
        self,
        *,
        day: date | None = None,
        office_code: str | None = None,
        agent: str | None = None,
    ) -> list[DossierSummary]:
        """The dossiers matching every filter given, oldest first; `day` is the kiosk's local day."""
        query = select(DossierRow).order_by(DossierRow.created_at, DossierRow.id)
        if day is not None:
            query = query.where(DossierRow.created_day == day)
        if office_code is not None:
            query = query.where(DossierRow.office_code == office_code)
        if agent is not None:
            query = query.where(DossierRow.agent == agent)
        with self.read() as session:
            rows = session.scalars(query).all()
        return [self._summary(row) for row in rows]

    def _summary(self, row: DossierRow) -> DossierSummary:
        applicant_name = authorised_name = ""
        if row.purged_at is None:
            applicant_name = self._unseal_json(row.client_id, "applicant", row.applicant_enc)["full_name"]
            authorised = self._unseal_json(row.client_id, "authorised", row.authorised_enc)
            authorised_name = authorised["full_name"] if authorised else ""
        return DossierSummary(
            client_id=uuid.UUID(row.client_id),
            procedure_code=row.procedure_code,
            procedure_name=row.procedure_name,
            office_code=row.office_code,
            state=DossierState(row.state),
            dossier_code=row.dossier_code,
            created_at=row.created_at,
            agent=row.agent,
            applicant_name=applicant_name,
            authorised_name=authorised_name,
            fee=row.fee,
            portal_status=row.portal_status,
            portal_status_at=row.portal_status_at,
            appointment=row.appointment,
            accepted_at=row.accepted_at,
            reason=row.reason or "",
            channel=row.channel,
            identity_source=row.identity_source or "",
            consignment=row.consignment or "",
        )

    def id_index(self, id_number: str) -> str | None:
        """The keyed HMAC of an ID number that the search compares; None for too few digits.

        Only digits count, so "001 088 012 345" finds "001088012345". Keyed by a key derived from
        the store's: a stolen database alone does not let anyone try the 10^12 numbers offline."""
        digits = re.sub(r"[^0-9]", "", id_number or "")
        if len(digits) < 9:  # the old 9-digit CMND is the shortest number a dossier can carry
            return None
        key = hashlib.sha256(b"dvc-kiosk id index\0" + self._key).digest()
        return hmac.new(key, digits.encode("ascii"), hashlib.sha256).hexdigest()

    def find_by_id_number(self, id_number: str, *, office_code: str | None = None) -> list[DossierSummary]:
        """The dossiers whose applicant has this ID number, newest first; purged ones are not found."""
        index = self.id_index(id_number)
        if index is None:
            return []
        query = (
            select(DossierRow)
            .where(DossierRow.id_index == index)
            .order_by(DossierRow.created_at.desc(), DossierRow.id.desc())
        )
        if office_code is not None:
            query = query.where(DossierRow.office_code == office_code)
        with self.read() as session:
            rows = session.scalars(query).all()
        return [self._summary(row) for row in rows]

    def set_consignment(self, client_id: uuid.UUID | str, consignment: str, *, actor: str) -> None:
        """Record the postal consignment (seal) number of the paper dossier; audited."""
        number = consignment.strip().upper()
        if not re.fullmatch(r"[A-Z0-9-]{4,32}", number):
            raise StoreError("consignment: 4..32 letters, digits or '-'")
        with self.write() as session:
            row = self._get_row(session, client_id)
            row.consignment = number
            row.updated_at = self.now()
            self.audit_in(
                session,
                actor=actor,
                action="dossier.consignment",
                subject=dossier_subject(row.client_id),
                detail=f"consignment={number}",
            )

    def purge_personal(self, client_id: uuid.UUID | str, *, actor: str = "retention") -> None:
        """Drop the attachments' bytes and the sealed personal fields; keep codes, states, hashes.

        A dossier still waiting to be sent is refused: purging it would lose it silently.
        """
        with self.write() as session:
            row = self._get_row(session, client_id)
            if row.purged_at is not None:
                return
            if DossierState(row.state) in PENDING_STATES:
                raise StoreError(f"dossier {row.client_id}: still {row.state}; not purged")
            row.applicant_enc = row.authorised_enc = row.form_enc = None
            row.id_index = None  # the dossier can no longer be found by the citizen's ID number
            session.execute(
                update(ConsentRow).where(ConsentRow.client_id == row.client_id).values(signature_enc=None)
            )
            for att in row.attachments:
                att.data_enc = att.filename_enc = None
            row.purged_at = row.updated_at = self.now()
            self.audit_in(
                session,
                actor=actor,
                action="dossier.purged",
                subject=dossier_subject(row.client_id),
                detail=f"attachments={len(row.attachments)}",
            )

    def dossier_summary(self, client_id: uuid.UUID | str) -> DossierSummary:
        """The dossier with this client id; DossierNotFound if there is none."""
        with self.read() as session:
            row = session.scalar(select(DossierRow).where(DossierRow.client_id == str(client_id)))
        if row is None:
            raise DossierNotFound(f"dossier {client_id}: not found")
        return self._summary(row)

    def find_dossier(self, code: str) -> DossierSummary:
        """The dossier with dossier code `code`, or with local reference `code` ("TN-1A2B3C4D", the
        first eight hex digits of its client id) while the portal has not accepted it."""
        return self._summary(self._row_by_code(code))

    def _row_by_code(self, code: str) -> DossierRow:
        text = code.strip()
        local = re.fullmatch(r"TN-([0-9A-Fa-f]{8})", text)
        if local:
            query = select(DossierRow).where(DossierRow.client_id.like(f"{local[1].lower()}-%"))
        else:
            query = select(DossierRow).where(DossierRow.dossier_code == text)
        with self.read() as session:
            rows = session.scalars(query.order_by(DossierRow.id)).all()
        if len(rows) != 1:
            raise DossierNotFound(f"dossier {text}: {'not found' if not rows else 'ambiguous'}")
        return rows[0]

    # -- status tracking and look-up ------------------------------------------------------------

    def _holder_check(self, client_id: str, id_number: str) -> str | None:
        """The HMAC that lets the owner of the ID number show a dossier is theirs by its last
        HOLDER_DIGITS digits, after the sealed personal data is gone. Keyed by a key derived from
        the store's, so the value alone tells nothing and cannot be tried offline without it."""
        digits = re.sub(r"[^0-9]", "", id_number or "")
        if len(digits) < HOLDER_DIGITS:
            return None
        key = hashlib.sha256(b"dvc-kiosk holder check\0" + self._key).digest()
        message = f"{client_id}|{digits[-HOLDER_DIGITS:]}".encode()
        return hmac.new(key, message, hashlib.sha256).hexdigest()

    def look_up(self, code: str, last_digits: str) -> DossierSummary:
        """The dossier with dossier code (or local reference) `code` whose applicant's ID number
        ends in `last_digits`. DossierNotFound alike for an unknown code and for wrong digits,
        so that trying codes at a kiosk tells nobody which ones exist."""
        try:
            row = self._row_by_code(code)
        except DossierNotFound:
            raise DossierNotFound("dossier: not found or digits do not match") from None
        expected = self._holder_check(row.client_id, last_digits)
        digits = re.sub(r"[^0-9]", "", last_digits)
        if (
            row.holder_check is None
            or expected is None
            or len(digits) != HOLDER_DIGITS
            or not hmac.compare_digest(row.holder_check, expected)
        ):
            raise DossierNotFound("dossier: not found or digits do not match")
        return self._summary(row)  # names unsealed only once the digits matched

    def to_track(
        self, *, older_than: timedelta, closed: Iterable[int], limit: int = 20
    ) -> list[tuple[uuid.UUID, str]]:
        """(client id, dossier code) of accepted dossiers whose portal status is not one of
        `closed` and was last asked about `older_than` ago or never, least recently asked first."""
        cutoff = self.now() - older_than
        query = (
            select(DossierRow.client_id, DossierRow.dossier_code)
            .where(
                DossierRow.state == DossierState.ACCEPTED.value,
                DossierRow.dossier_code.is_not(None),
                or_(DossierRow.portal_status.is_(None), DossierRow.portal_status.not_in(list(closed))),
                or_(DossierRow.status_checked_at.is_(None), DossierRow.status_checked_at <= cutoff),
            )
            .order_by(DossierRow.status_checked_at.is_not(None), DossierRow.status_checked_at, DossierRow.id)
            .limit(limit)
        )
        with self.read() as session:
            rows = session.execute(query).all()
        return [(uuid.UUID(cid), code) for cid, code in rows]

    def record_status(
        self,
        client_id: uuid.UUID | str,
        *,
        status: int | None,
        changed_at: datetime | None = None,
        appointment: date | None = None,
        actor: str = "tracking",
    ) -> bool:
        """Keep what the portal said of a dossier; True when its status or appointment changed
        (audited). `status` None records only that it was asked (the portal did not answer), so
        that the dossier waits its turn again instead of being asked at every round."""
        now = self.now()
        with self.write() as session:
            row = self._get_row(session, client_id)
            row.status_checked_at = now
            if status is None:
                return False
            changes = []
            if row.portal_status != status:
                changes.append(f"portal_status {row.portal_status or '-'} -> {status}")
                row.portal_status = status
                row.portal_status_at = _aware(changed_at) if changed_at else now
            if appointment is not None and row.appointment != appointment:
                changes.append(f"appointment -> {appointment.isoformat()}")
                row.appointment = appointment
            if changes:
                self.audit_in(
                    session,
                    actor=actor,
                    action="dossier.portal_status",
                    subject=dossier_subject(row.client_id),
                    detail="; ".join(changes),
                )
            return bool(changes)

    def dossiers_in_view(
        self, view: DossierView, *, today: date, closed: Iterable[int] = (), office_code: str | None = None
    ) -> list[DossierSummary]:
        """The agent's list: today's dossiers, those waiting to be sent, those a person must look
        at, or those past their appointment date and not closed (`closed`: PortalStatus values
        after which nothing more happens), oldest first."""
        query = select(DossierRow).order_by(DossierRow.created_at, DossierRow.id)
        if view is DossierView.TODAY:
            query = query.where(DossierRow.created_day == today)
        elif view is DossierView.WAITING:
            query = query.where(DossierRow.state.in_([s.value for s in PENDING_STATES]))
        elif view is DossierView.ATTENTION:
            query = query.where(
                DossierRow.state.in_([DossierState.NEEDS_ATTENTION.value, DossierState.REJECTED.value])
            )
        elif view is DossierView.LATE:
            query = query.where(
                DossierRow.state == DossierState.ACCEPTED.value,
                DossierRow.appointment < today,
                or_(DossierRow.portal_status.is_(None), DossierRow.portal_status.not_in(list(closed))),
            )
        if office_code is not None:
            query = query.where(DossierRow.office_code == office_code)
        with self.read() as session:
            rows = session.scalars(query).all()
        return [self._summary(row) for row in rows]

    def purge_expired(self, *, after: timedelta, actor: str = "retention") -> list[uuid.UUID]:
        """Purge the personal data (attachments, chip data, form) of every dossier the portal
        accepted more than `after` ago; what stays is listed in the README (Retention)."""
        cutoff = self.now() - after
        with self.read() as session:
            ids = session.scalars(
                select(DossierRow.client_id).where(
                    DossierRow.state == DossierState.ACCEPTED.value,
                    DossierRow.accepted_at.is_not(None),
                    DossierRow.accepted_at <= cutoff,
                    DossierRow.purged_at.is_(None),
                )
            ).all()
        for cid in ids:
            self.purge_personal(cid, actor=actor)
        return [uuid.UUID(cid) for cid in ids]

    # -- print jobs -----------------------------------------------------------------------------

    def add_print_job(self, *, job_id: str, kind: str, subject: str, width: int, slip: bytes) -> None:
        """Keep a slip (its layout as bytes, sealed) until the printer confirms it printed."""
        now = self.now()
        with self.write() as session:
            session.add(
                PrintJobRow(
                    job_id=job_id,
                    kind=kind,
                    subject=subject,
                    state=PrintJobState.PENDING.value,
                    attempts=0,
                    width=width,
                    created_at=now,
                    updated_at=now,
                    blocks_enc=self._seal(job_id, "slip", slip),
                )
            )
            self.audit_in(
                session,
                actor="printer",
                action="print.queued",
                subject=f"print:{job_id}",
                detail=f"kind={kind}; subject={subject}",
            )

    def set_print_job_state(self, job_id: str, state: PrintJobState, reason: str = "") -> None:
        """Move a job on (audited). PRINTING counts an attempt; PRINTED drops the sealed slip."""
        with self.write() as session:
            row = session.scalar(select(PrintJobRow).where(PrintJobRow.job_id == job_id))
            if row is None:
                raise StoreError(f"print job {job_id}: not found")
            old = row.state
            row.state = state.value
            row.updated_at = self.now()
            if state is PrintJobState.PRINTING:
                row.attempts += 1
            if state is PrintJobState.PRINTED:
                row.blocks_enc = None
            detail = f"{old} -> {state.value}" + (f"; reason={reason[:200]}" if reason else "")
            self.audit_in(
                session, actor="printer", action="print.state", subject=f"print:{job_id}", detail=detail
            )

    def print_job(self, job_id: str) -> PrintJob:
        with self.read() as session:
            row = session.scalar(select(PrintJobRow).where(PrintJobRow.job_id == job_id))
        if row is None:
            raise StoreError(f"print job {job_id}: not found")
        return _print_job(row)

    def print_job_slip(self, job_id: str) -> bytes | None:
        """The slip of a job as it was added; None once it has printed."""
        with self.read() as session:
            row = session.scalar(select(PrintJobRow).where(PrintJobRow.job_id == job_id))
        if row is None:
            raise StoreError(f"print job {job_id}: not found")
        return None if row.blocks_enc is None else self._unseal(job_id, "slip", row.blocks_enc)

    def print_jobs(self, *states: PrintJobState) -> list[PrintJob]:
        """The jobs in any of `states` (all when none given), oldest first."""
        query = select(PrintJobRow).order_by(PrintJobRow.created_at, PrintJobRow.id)
        if states:
            query = query.where(PrintJobRow.state.in_([state.value for state in states]))
        with self.read() as session:
            return [_print_job(row) for row in session.scalars(query).all()]

    def expire_print_jobs(self, older_than: timedelta) -> int:
        """Drop the sealed slips of jobs that never printed and are older than `older_than`: a
        receipt nobody reprinted by then will not be, and it carries a name. Returns how many."""
        cutoff = self.now() - older_than
        unfinished = [PrintJobState.PENDING.value, PrintJobState.REFUSED.value, PrintJobState.UNCERTAIN.value]
        with self.write() as session:
            rows = session.scalars(
                select(PrintJobRow).where(
                    PrintJobRow.state.in_(unfinished),
                    PrintJobRow.created_at < cutoff,
                    PrintJobRow.blocks_enc.is_not(None),
                )
            ).all()
            for row in rows:
                row.blocks_enc = None
                row.updated_at = self.now()
                self.audit_in(
                    session,
                    actor="printer",
                    action="print.expired",
                    subject=f"print:{row.job_id}",
                    detail=row.state,
                )
        return len(rows)

    def recover_print_jobs(self) -> list[str]:
        """After a crash: jobs left PRINTING may have printed, so they become UNCERTAIN (offered
        as a marked reprint, never sent again as they are). Returns their ids."""
        stuck = [job.job_id for job in self.print_jobs(PrintJobState.PRINTING)]
        for job_id in stuck:
            self.set_print_job_state(job_id, PrintJobState.UNCERTAIN, "interrupted")
        return stuck

    # -- consents and ratings -------------------------------------------------------------------

    def record_consent(
        self,
        *,
        client_id: uuid.UUID | None,
        purpose: str,
        granted: bool,
        text_version: str,
        actor: str,
        method: str = "screen",
        signature_png: bytes | None = None,
    ) -> None:
        """Keep the citizen's answer to a consent question, the version of the text shown and how
        it was given (`CONSENT_METHODS`)."""
        if not purpose or not text_version:
            raise StoreError("consent: purpose and text_version are required")
        if method not in CONSENT_METHODS:
            raise StoreError(f"consent: unknown method {method!r}")
        if (signature_png is not None) != (method == "signature") or (
            signature_png is not None and client_id is None
        ):
            raise StoreError("consent: a signature goes with method 'signature' and a dossier")
        cid = str(client_id) if client_id is not None else None
        with self.write() as session:
            session.add(
                ConsentRow(
                    client_id=cid,
                    purpose=purpose,
                    granted=bool(granted),
                    text_version=text_version,
                    actor=actor,
                    at=self.now(),
                    method=method,
                    signature_enc=(
                        self._seal(str(client_id), "consent/signature", signature_png)
                        if signature_png is not None
                        else None
                    ),
                )
            )
            self.audit_in(
                session,
                actor=actor,
                action="consent.granted" if granted else "consent.refused",
                subject=dossier_subject(cid) if cid else "consent",
                detail=f"purpose={purpose}; text_version={text_version}; method={method}",
            )

    def consent_signature(self, client_id: uuid.UUID | str, purpose: str) -> bytes | None:
        """The PNG of the latest signature drawn for this dossier and purpose, if any is kept."""
        with self.read() as session:
            sealed = session.scalar(
                select(ConsentRow.signature_enc)
                .where(ConsentRow.client_id == str(client_id), ConsentRow.purpose == purpose)
                .where(ConsentRow.signature_enc.is_not(None))
                .order_by(ConsentRow.id.desc())
                .limit(1)
            )
        return self._unseal(str(client_id), "consent/signature", sealed) if sealed is not None else None

    def withdraw_consent(self, client_id: uuid.UUID | str, purpose: str, *, actor: str) -> bool:
        """Withdraw the consent in force for this dossier and purpose (audited); False if none was."""
        with self.write() as session:
            rows = session.scalars(
                select(ConsentRow).where(
                    ConsentRow.client_id == str(client_id),
                    ConsentRow.purpose == purpose,
                    ConsentRow.granted.is_(True),
                    ConsentRow.withdrawn_at.is_(None),
                )
            ).all()
            if not rows:
                return False
            now = self.now()
            for row in rows:
                row.withdrawn_at, row.withdrawn_by = now, actor
            self.audit_in(
                session,
                actor=actor,
                action="consent.withdrawn",
                subject=dossier_subject(client_id),
                detail=f"purpose={purpose}",
            )
            if purpose == TRANSMIT_PURPOSE:
                self._stop_unsent(session, str(client_id), actor)
        return True

    def _stop_unsent(self, session: Session, client_id: str, actor: str) -> None:
        # Without the consent to send, a dossier not yet sent must not leave: it is given up in
        # the same transaction, so the sender's next claim cannot take it. One being sent right
        # now (claimed) cannot be called back; the portal's answer decides, as for a sent one.
        dossier = session.scalar(select(DossierRow).where(DossierRow.client_id == client_id))
        if dossier is None or dossier.state not in (DossierState.QUEUED, DossierState.NEEDS_ATTENTION):
            return
        old_state = dossier.state
        dossier.state, dossier.reason = DossierState.REJECTED.value, CONSENT_WITHDRAWN
        dossier.next_attempt_at = None
        dossier.updated_at = self.now()
        self.audit_in(
            session,
            actor=actor,
            action="dossier.state",
            subject=dossier_subject(client_id),
            detail=f"{old_state} -> rejected; reason={CONSENT_WITHDRAWN}",
        )

    def consents(self, client_id: uuid.UUID | None) -> list[ConsentRecord]:
        """The consents recorded for a dossier (or, for None, outside any dossier), oldest first."""
        query = select(ConsentRow).order_by(ConsentRow.at, ConsentRow.id)
        if client_id is None:
            query = query.where(ConsentRow.client_id.is_(None))
        else:
            query = query.where(ConsentRow.client_id == str(client_id))
        with self.read() as session:
            rows = session.scalars(query).all()
        return [
            ConsentRecord(
                client_id=uuid.UUID(r.client_id) if r.client_id else None,
                purpose=r.purpose,
                granted=r.granted,
                text_version=r.text_version,
                actor=r.actor,
                at=r.at,
                method=r.method,
                withdrawn_at=r.withdrawn_at,
                withdrawn_by=r.withdrawn_by or "",
            )
            for r in rows
        ]

    def record_rating(self, *, office_code: str, score: int, reason: str = "") -> None:
        """Keep an anonymous rating; `reason` is a `RatingReason` code or "" (never free text)."""
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise StoreError(f"rating: score must be a whole number 1..5, got {score!r}")
        if reason not in RATING_REASONS:
            raise StoreError("rating: reason must be one of the RatingReason codes")
        with self.write() as session:
            session.add(RatingRow(office_code=office_code, score=score, reason=reason[:500], at=self.now()))

    def ratings_summary(
        self,
        *,
        office_code: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> RatingsSummary:
        """How many ratings of each score, and their average, in [since, until)."""
        query = select(RatingRow.score, func.count()).group_by(RatingRow.score)
        if office_code is not None:
            query = query.where(RatingRow.office_code == office_code)
        if since is not None:
            query = query.where(RatingRow.at >= since)
        if until is not None:
            query = query.where(RatingRow.at < until)
        with self.read() as session:
            counts = {int(score): int(n) for score, n in session.execute(query).all()}
        by_score = {score: counts.get(score, 0) for score in range(1, 6)}
        total = sum(by_score.values())
        average = sum(s * n for s, n in by_score.items()) / total if total else None
        return RatingsSummary(count=total, average=average, by_score=by_score)

    # -- audit trail ----------------------------------------------------------------------------

    def audit(self, actor: str, action: str, subject: str, detail: str = "") -> AuditEntry:
        """Append an entry to the audit trail. `detail` must not hold personal data."""
        with self.write() as session:
            row = self.audit_in(session, actor=actor, action=action, subject=subject, detail=detail)
        return _entry(row)

    def audit_in(
        self, session: Session, *, actor: str, action: str, subject: str, detail: str = ""
    ) -> AuditRow:
        """Append an audit entry inside a `write()` transaction, so it commits with the change."""
        for name, value, limit in (("actor", actor, 64), ("action", action, 64), ("subject", subject, 128)):
            if not value or len(value) > limit:
                raise StoreError(f"audit: {name} must be 1..{limit} characters")
        # The write lock is held (BEGIN IMMEDIATE / advisory lock), so nobody appends in between.
        last = session.execute(
            select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)
        ).first()
        prev_id, prev_hash = (last[0], last[1]) if last else (0, GENESIS_HASH)
        row = AuditRow(
            id=prev_id + 1,
            # Whole microseconds in UTC: what both databases store and give back, so the hash holds.
            at=self.now().astimezone(UTC),
            actor=actor,
            action=action,
            subject=subject,
            detail=redact(detail),
            prev_hash=prev_hash,
        )
        row.hash = _chain_hash(prev_hash, row)
        session.add(row)
        session.flush()
        return row

    def audit_trail(self, subject: str | None = None) -> list[AuditEntry]:
        """The audit entries (about `subject`, if given), oldest first."""
        query = select(AuditRow).order_by(AuditRow.id)
        if subject is not None:
            query = query.where(AuditRow.subject == subject)
        with self.read() as session:
            return [_entry(row) for row in session.scalars(query).all()]

    def verify_audit(self) -> AuditCheck:
        """Walk the hash chain from the first entry; report the first entry that does not fit."""
        expected_id, prev_hash, checked = 1, GENESIS_HASH, 0
        with self.read() as session:
            rows = session.scalars(select(AuditRow).order_by(AuditRow.id).execution_options(yield_per=500))
            for row in rows:
                if (
                    row.id != expected_id
                    or row.prev_hash != prev_hash
                    or row.hash != _chain_hash(prev_hash, row)
                ):
                    log.warning("audit chain broken at entry %d", row.id)
                    return AuditCheck(ok=False, first_bad_id=row.id, checked=checked)
                expected_id, prev_hash, checked = row.id + 1, row.hash, checked + 1
        return AuditCheck(ok=True, first_bad_id=None, checked=checked)


def _print_job(row: PrintJobRow) -> PrintJob:
    return PrintJob(
        job_id=row.job_id,
        kind=row.kind,
        subject=row.subject,
        state=PrintJobState(row.state),
        attempts=row.attempts,
        width=row.width,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id, at=row.at, actor=row.actor, action=row.action, subject=row.subject, detail=row.detail
    )


def open_store(settings: Settings) -> Store:
    """The store named by the settings, with its key in the data directory (made on first use)."""
    key = load_or_create_key(settings.data_dir / "store.key")
    return Store(settings.store_url, key)
