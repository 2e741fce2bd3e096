"""The tables of the store, as SQLAlchemy mapped classes.

The schema itself is created and changed by the Alembic migrations in `egov.store.migrations`;
these classes describe it to the code (and to autogenerate, which must find no difference). Columns
ending in `_enc` hold AES-GCM sealed values (see `egov.store.crypto`); everything else is in clear
and must never hold personal data.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class DossierState(enum.StrEnum):
    """Where a dossier is on its way to the portal (the outbox's states)."""

    QUEUED = "queued"  # saved, not yet sent
    SENDING = "sending"  # a send was started; after a crash it is resent (the client id dedupes)
    ACCEPTED = "accepted"  # the portal has it and gave a dossier code
    REJECTED = "rejected"  # the portal refused it for good
    NEEDS_ATTENTION = "needs_attention"  # a person must look at it (e.g. a validation error)


class PrintJobState(enum.StrEnum):
    """Where a slip is on its way to paper."""

    PENDING = "pending"  # saved, not yet sent
    PRINTING = "printing"  # being sent; found so after a crash, it may or may not have printed
    REFUSED = "refused"  # the printer said no before anything was sent: nothing printed
    UNCERTAIN = "uncertain"  # sent, not confirmed (timeout, unplugged, paper out mid-job)
    PRINTED = "printed"  # the printer confirmed the end of the job; the sealed slip is dropped


class Role(enum.StrEnum):
    """What a staff account may do; the UI decides the details."""

    SUPERVISOR = "supervisor"
    AGENT = "agent"
    VOLUNTEER = "volunteer"


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC, so SQLite and PostgreSQL agree and sort alike.

    SQLite has no time zone type; storing UTC everywhere avoids mixing offsets in one column.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        # A naive value is taken as local time, as datetime.astimezone does.
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


# Stable constraint names, so later migrations (batch mode on SQLite) can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DossierRow(Base):
    """One dossier of the outbox; personal fields sealed, codes and state in clear."""

    __tablename__ = "dossiers"
    __table_args__ = (
        CheckConstraint(
            "state IN ('queued', 'sending', 'accepted', 'rejected', 'needs_attention')", name="state"
        ),
        Index("ix_dossiers_state_created", "state", "created_at"),
        Index("ix_dossiers_created_day", "created_day"),
        Index("ix_dossiers_dossier_code", "dossier_code"),
        Index("ix_dossiers_id_index", "id_index"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    procedure_code: Mapped[str] = mapped_column(String(64))
    procedure_name: Mapped[str] = mapped_column(Text)
    office_code: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    agent: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    fee: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The office's calendar day of created_at, kept apart because "today" is local, not UTC.
    created_day: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    applicant_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    authorised_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    form_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The outbox's delivery bookkeeping (migration 0003), kept here so that backoff survives a
    # restart and several senders can share one database: how many sends were started, when the
    # next may start (None: now), who holds the `sending` claim and since when, and the last
    # failure as a machine code (never the portal's free text, which can quote personal data).
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reason: Mapped[str | None] = mapped_column(String(120))
    # Status tracking (migration 0004): the portal's status (1–10, PortalStatus) and since when,
    # when the poller last asked, the appointment date (hẹn trả), when the portal accepted the
    # dossier (the retention clock starts there), and an HMAC of the client id and the last four
    # digits of the applicant's ID number for a look-up by code (no personal data by itself).
    portal_status: Mapped[int | None] = mapped_column(Integer)
    portal_status_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    appointment: Mapped[date | None] = mapped_column(Date)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    holder_check: Mapped[str | None] = mapped_column(String(64))
    # The agent point's record of the case (migration 0006): how the identity was taken (chip,
    # manual), the Decision 45 document check as JSON (codes and counts only), the postal
    # consignment number, and a keyed HMAC of the ID number for the search (emptied on purge).
    identity_source: Mapped[str | None] = mapped_column(String(8))
    checklist: Mapped[str | None] = mapped_column(Text)
    consignment: Mapped[str | None] = mapped_column(String(32))
    id_index: Mapped[str | None] = mapped_column(String(64))

    attachments: Mapped[list[AttachmentRow]] = relationship(
        back_populates="dossier", order_by="AttachmentRow.position", cascade="all, delete-orphan"
    )


class AttachmentRow(Base):
    """One attachment: its bytes and file name sealed; size and sha256 in clear for checks."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_dossier", "dossier_id", "position", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    document_code: Mapped[str] = mapped_column(String(64))
    document_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # A scan's file name can carry the citizen's name, so it is sealed like the bytes.
    filename_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    data_enc: Mapped[bytes | None] = mapped_column(LargeBinary)

    dossier: Mapped[DossierRow] = relationship(back_populates="attachments")


class PrintJobRow(Base):
    """A slip to print, sealed (a receipt carries the applicant's name), until it has printed."""

    __tablename__ = "print_jobs"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'printing', 'refused', 'uncertain', 'printed')", name="state"),
        Index("ix_print_jobs_state", "state", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # receipt, checklist, day, test
    subject: Mapped[str] = mapped_column(String(128))  # a dossier's client id, a procedure code
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    blocks_enc: Mapped[bytes | None] = mapped_column(LargeBinary)


class ConsentRow(Base):
    """A consent asked for and the answer; client_id is empty for consents outside a dossier."""

    __tablename__ = "consents"
    __table_args__ = (Index("ix_consents_client_id", "client_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str | None] = mapped_column(String(36))
    purpose: Mapped[str] = mapped_column(String(64))
    granted: Mapped[bool] = mapped_column(Boolean)
    text_version: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    # How the citizen gave it (screen tick, signature on screen, signed paper form), and its
    # withdrawal (Decree 13/2023: withdrawable at any time; the row stays as the record).
    method: Mapped[str] = mapped_column(String(16), server_default=text("'screen'"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_by: Mapped[str | None] = mapped_column(String(64))
    signature_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # sealed PNG; method "signature"


class RatingReason(enum.StrEnum):
    """What most needs doing better, chosen after a rating (egov.feedback has the words and sources)."""

    WAIT = "wait"  # had to wait long
    MACHINE = "machine"  # the kiosk or the screen was hard to use
    GUIDANCE = "guidance"  # not enough guidance on what to do or bring
    PAPERWORK = "paperwork"  # the procedure's papers and steps are too many
    STAFF = "staff"  # the staff's manner
    OTHER = "other"


# The ratings.reason column's allowed values ("" = no reason chosen), as the migration checks them.
RATING_REASONS = ("", *(reason.value for reason in RatingReason))


class RatingRow(Base):
    """An anonymous satisfaction rating (1–5) of an office's service, with the reason chosen after it
    (a RatingReason code or ""; never free text, which could carry personal data in clear)."""

    __tablename__ = "ratings"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score"),
        CheckConstraint(
            "reason IN (" + ", ".join(f"'{code}'" for code in RATING_REASONS) + ")", name="reason"
        ),
        Index("ix_ratings_office_at", "office_code", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    office_code: Mapped[str] = mapped_column(String(64))
    score: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class SuggestionRow(Base):
    """A citizen's written suggestion ("Góp ý"), anonymous but free text, so sealed: the text is
    bound to `uid`; read by a supervisor (who, when) and dropped `[retention]` days after that."""

    __tablename__ = "suggestions"
    __table_args__ = (Index("ix_suggestions_office_at", "office_code", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    office_code: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    text_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # None once purged
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    read_by: Mapped[str | None] = mapped_column(String(64))
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AccountRow(Base):
    """A staff account; only the argon2id hash of the password is kept."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint("role IN ('supervisor', 'agent', 'volunteer')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean)
    failed_count: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditRow(Base):
    """One entry of the append-only audit trail, chained to the previous one by hash.

    The id is assigned by the store (previous id + 1) rather than by a sequence, so that a deleted
    row shows as a gap; PostgreSQL sequences leave gaps on rollback, which would hide that.
    Database triggers (created by the migration) refuse UPDATE and DELETE on this table.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_subject", "subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(128))
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class PaymentRow(Base):
    """How one charge of a dossier was paid (egov.fees.Payment): one row per dossier and charge.

    Amounts, the payment reference (the dossier code) and the staff account's user name only:
    nothing here is personal, so nothing is sealed, and it stays after the dossier is purged."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("kind IN ('state_fee', 'service_charge')", name="kind"),
        CheckConstraint("method IN ('vietqr', 'cash', 'at_counter_later', 'gateway')", name="method"),
        CheckConstraint("state IN ('unconfirmed', 'seen', 'received', 'due', 'paid')", name="state"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount"),
        Index("ix_payments_client_kind", "client_id", "kind", unique=True),
        Index("ix_payments_recorded_at", "recorded_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("dossiers.client_id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    # đồng; NULL for a fee the province sets whose amount nobody has confirmed yet. BigInteger:
    # VietQR allows amounts past 2^31.
    amount: Mapped[int | None] = mapped_column(BigInteger)
    method: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str] = mapped_column(String(25))  # VietQR's purpose: at most 25 characters
    transaction_id: Mapped[str | None] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TicketState(enum.StrEnum):
    """Where a queue ticket stands."""

    WAITING = "waiting"  # taken, not yet called
    CALLED = "called"  # called to a desk; the desk is serving it
    DONE = "done"  # served
    GONE = "gone"  # called and nobody came, or cancelled


class TicketRow(Base):
    """A queue ticket: a number per office and day, and the desk that called it. Nothing personal."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        CheckConstraint("state IN ('waiting', 'called', 'done', 'gone')", name="state"),
        CheckConstraint("number > 0", name="number"),
        Index("ix_queue_tickets_office_day_number", "office_code", "day", "number", unique=True),
        Index("ix_queue_tickets_office_day_state", "office_code", "day", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    office_code: Mapped[str] = mapped_column(String(64))
    day: Mapped[date] = mapped_column(Date)  # the office's local day: numbers start at 1 each day
    number: Mapped[int] = mapped_column(Integer)
    service: Mapped[str] = mapped_column(String(32))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    taken_where: Mapped[str] = mapped_column(String(64))  # "kiosk:…" or "desk:…"
    state: Mapped[str] = mapped_column(String(16))
    desk: Mapped[str | None] = mapped_column(String(32))
    called_by: Mapped[str | None] = mapped_column(String(64))
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    client_id: Mapped[str | None] = mapped_column(String(36))
