"""The queue of an office (hàng đợi, số thứ tự): tickets taken at the kiosk or a desk, called to desks.

A ticket is a number per office and local day, starting at 1 each morning, with the letter of the
service it is for in front ("A012": the twelfth ticket of the day, for handing in a dossier). The
numbers form one sequence whatever the service, so that a number called out loud never means two
people. Nothing personal is on a ticket: a number, a service, times, the desk and the account that
called it, and in the end the client id of the dossier it led to.

Every change runs inside `Store.write()`, which holds the store's write lock (BEGIN IMMEDIATE on
SQLite, an advisory lock on PostgreSQL): two kiosks or desks of one office taking tickets at the
same moment get consecutive numbers, and two desks calling at the same moment get different
tickets. The unique index on (office, day, number) and the compare-and-set on the state stay as
the backstop should anything ever write around the lock.

The clock is a parameter (`now`, an aware local time) so that tests can move across midnight;
the local day is the date of that moment in its own time zone, as for dossiers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from egov.store.models import DossierRow, TicketRow, TicketState
from egov.store.store import Store
from egov.text import QT_TRANSLATE_NOOP

__all__ = [
    "SERVICES",
    "QueueDay",
    "QueueError",
    "Service",
    "Ticket",
    "average_wait",
    "call_next",
    "day_summary",
    "desk_ticket",
    "finish",
    "local_now",
    "no_show",
    "recall",
    "service",
    "take_ticket",
    "waiting",
]


@dataclass(frozen=True, slots=True)
class Service:
    """What a ticket is for; `letter` is printed before the number and kept in the store."""

    letter: str
    name: str  # Vietnamese, marked for translation (context "Queue"); the slip keeps it Vietnamese


SERVICES: tuple[Service, ...] = (
    Service("A", QT_TRANSLATE_NOOP("Queue", "Nộp hồ sơ")),
    Service("B", QT_TRANSLATE_NOOP("Queue", "Nhận kết quả")),
    Service("C", QT_TRANSLATE_NOOP("Queue", "Hỏi đáp, tra cứu")),
)
_BY_LETTER = {s.letter: s for s in SERVICES}

UNKNOWN_SERVICE = QT_TRANSLATE_NOOP(
    "Queue", "Không có dịch vụ này. Hãy chọn một trong các dịch vụ trên màn hình."
)
NOT_CALLED = QT_TRANSLATE_NOOP(
    "Queue", "Số %1 không còn đang được gọi (đã xong hoặc đã báo vắng). Danh sách đã được cập nhật."
)
UNKNOWN_DOSSIER = QT_TRANSLATE_NOOP("Queue", "Không tìm thấy hồ sơ để ghi vào số thứ tự này.")
BAD_PLACE = QT_TRANSLATE_NOOP("Queue", "Tên quầy hoặc máy không hợp lệ.")


class QueueError(Exception):
    """A queue action that cannot be done; `message` is the Vietnamese sentence for the screen."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(detail)
        self.message = message


def service(letter: str) -> Service:
    """The service of `letter` ("A", "b" …); QueueError when there is none."""
    found = _BY_LETTER.get(letter.strip().upper())
    if found is None:
        raise QueueError(UNKNOWN_SERVICE, f"unknown service {letter!r}; known: {', '.join(_BY_LETTER)}")
    return found


@dataclass(frozen=True, slots=True)
class Ticket:
    """A ticket as the store has it; `ahead` is filled where it was counted (taking, the list)."""

    id: int
    office_code: str
    day: date
    number: int
    service: str  # the service's letter
    taken_at: datetime
    taken_where: str  # "kiosk:<name>" or "desk:<name>"
    state: TicketState
    desk: str | None = None
    called_by: str | None = None
    called_at: datetime | None = None
    finished_at: datetime | None = None
    client_id: str | None = None
    ahead: int = 0  # tickets still waiting that were taken before this one

    @property
    def label(self) -> str:
        """What is printed and called: the service letter and three digits, "A012"."""
        return f"{self.service}{self.number:03d}"

    @property
    def service_name(self) -> str:
        known = _BY_LETTER.get(self.service)
        return known.name if known else self.service

    @property
    def subject(self) -> str:
        """The audit trail's subject: which ticket of which office and day."""
        return f"ticket:{self.office_code}/{self.day.isoformat()}/{self.label}"

    def waited(self, now: datetime) -> timedelta:
        """How long the holder has waited: until called, or until `now` while still waiting."""
        end = self.called_at or now
        return max(timedelta(0), end - self.taken_at)


@dataclass(frozen=True, slots=True)
class QueueDay:
    """An office's queue over one day, for the screen and the end-of-day report."""

    taken: int
    waiting: int
    called: int  # being served at a desk now
    done: int
    gone: int  # called and nobody came
    average_wait: timedelta | None  # from taking to the first call, over the tickets called


def local_now() -> datetime:
    """The machine's local time, aware: the default clock of the queue."""
    return datetime.now().astimezone()


def _moment(now: datetime | None) -> datetime:
    if now is None:
        return local_now()
    return now if now.tzinfo is not None else now.astimezone()


def _ticket(row: TicketRow, ahead: int = 0) -> Ticket:
    return Ticket(
        id=row.id,
        office_code=row.office_code,
        day=row.day,
        number=row.number,
        service=row.service,
        taken_at=row.taken_at,
        taken_where=row.taken_where,
        state=TicketState(row.state),
        desk=row.desk,
        called_by=row.called_by,
        called_at=row.called_at,
        finished_at=row.finished_at,
        client_id=row.client_id,
        ahead=ahead,
    )


def _check_name(value: str, limit: int, what: str) -> str:
    text = value.strip()
    if not text or len(text) > limit or any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise QueueError(BAD_PLACE, f"{what} must be 1..{limit} printable characters")
    return text


def _waiting_before(session: Session, office_code: str, day: date, number: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(TicketRow)
            .where(
                TicketRow.office_code == office_code,
                TicketRow.day == day,
                TicketRow.state == TicketState.WAITING.value,
                TicketRow.number < number,
            )
        )
        or 0
    )


def take_ticket(
    store: Store,
    office_code: str,
    service_letter: str,
    where: str,
    now: datetime | None = None,
    *,
    actor: str | None = None,
) -> Ticket:
    """A new ticket for `service_letter` at `office_code`, the next number of the local day.

    `where` says where it was taken ("kiosk:Sảnh" or "desk:Quầy 1"); `actor`, the account that
    handed it out at a desk (the audit trail's actor; `where` when none). The returned ticket's
    `ahead` counts the tickets still waiting before it.
    """
    chosen = service(service_letter)
    place = _check_name(where, 64, "where")
    office = _check_name(office_code, 64, "office code")
    moment = _moment(now)
    day = moment.date()
    with store.write() as session:
        # Under the write lock nobody else numbers in between; the unique index would refuse a twin.
        last = session.scalar(
            select(func.max(TicketRow.number)).where(TicketRow.office_code == office, TicketRow.day == day)
        )
        row = TicketRow(
            office_code=office,
            day=day,
            number=(last or 0) + 1,
            service=chosen.letter,
            taken_at=moment,
            taken_where=place,
            state=TicketState.WAITING.value,
        )
        session.add(row)
        session.flush()
        ticket = _ticket(row, _waiting_before(session, office, day, row.number))
        store.audit_in(
            session,
            actor=actor or place,
            action="ticket.taken",
            subject=ticket.subject,
            detail=f"service={chosen.letter}; ahead={ticket.ahead}",
        )
    return ticket


def call_next(
    store: Store,
    office_code: str,
    desk: str,
    actor: str,
    services: Iterable[str] | None = None,
    now: datetime | None = None,
) -> Ticket | None:
    """Call the oldest ticket of the day still waiting (of `services`, letters, if given) to `desk`;
    None when nobody waits. No ticket is ever called twice, whichever desks call at once."""
    desk_name = _check_name(desk, 32, "desk")
    moment = _moment(now)
    day = moment.date()
    letters = [service(letter).letter for letter in services] if services is not None else None
    query = (
        select(TicketRow)
        .where(
            TicketRow.office_code == office_code,
            TicketRow.day == day,
            TicketRow.state == TicketState.WAITING.value,
        )
        .order_by(TicketRow.number)
        .limit(8)
    )
    if letters is not None:
        query = query.where(TicketRow.service.in_(letters))
    with store.write() as session:
        for row in session.scalars(query).all():
            taken = session.execute(
                update(TicketRow)
                .where(TicketRow.id == row.id, TicketRow.state == TicketState.WAITING.value)
                .values(
                    state=TicketState.CALLED.value,
                    desk=desk_name,
                    called_by=actor,
                    called_at=moment,
                )
                .execution_options(synchronize_session=False)
            )
            if taken.rowcount != 1:
                continue  # another desk got it first: the next one
            session.refresh(row)
            ticket = _ticket(row)
            minutes = int(ticket.waited(moment).total_seconds() // 60)
            store.audit_in(
                session,
                actor=actor,
                action="ticket.called",
                subject=ticket.subject,
                detail=f"desk={desk_name}; waited_minutes={minutes}",
            )
            return ticket
    return None


def _move(
    store: Store,
    ticket: Ticket,
    actor: str,
    to: TicketState,
    action: str,
    now: datetime | None,
    client_id: str | None = None,
) -> Ticket:
    """Move a called ticket on (done or gone), compare-and-set on `called`."""
    moment = _moment(now)
    with store.write() as session:
        if client_id is not None:
            cid = str(uuid.UUID(client_id))
            if session.scalar(select(DossierRow.id).where(DossierRow.client_id == cid)) is None:
                raise QueueError(UNKNOWN_DOSSIER, f"dossier {cid}: not in the store")
            client_id = cid
        moved = session.execute(
            update(TicketRow)
            .where(TicketRow.id == ticket.id, TicketRow.state == TicketState.CALLED.value)
            .values(state=to.value, finished_at=moment, client_id=client_id)
            .execution_options(synchronize_session=False)
        )
        if moved.rowcount != 1:
            raise QueueError(NOT_CALLED, f"ticket {ticket.label} is not called any more")
        row = session.get_one(TicketRow, ticket.id)
        detail = f"desk={row.desk}" + (f"; dossier={client_id}" if client_id else "")
        store.audit_in(session, actor=actor, action=action, subject=ticket.subject, detail=detail)
        return _ticket(row)


def finish(
    store: Store, ticket: Ticket, actor: str, client_id: str | None = None, now: datetime | None = None
) -> Ticket:
    """The holder was served; `client_id` links the dossier the visit filed, when there was one."""
    return _move(store, ticket, actor, TicketState.DONE, "ticket.done", now, client_id)


def no_show(store: Store, ticket: Ticket, actor: str, now: datetime | None = None) -> Ticket:
    """Called, and nobody came to the desk: the ticket is gone, the desk may call the next."""
    return _move(store, ticket, actor, TicketState.GONE, "ticket.gone", now)


def recall(store: Store, ticket: Ticket, actor: str) -> Ticket:
    """Call a ticket again to its desk (the holder did not hear); it stays with that desk."""
    with store.write() as session:
        row = session.get(TicketRow, ticket.id)
        if row is None or row.state != TicketState.CALLED.value:
            raise QueueError(NOT_CALLED, f"ticket {ticket.label} is not called any more")
        store.audit_in(
            session, actor=actor, action="ticket.recalled", subject=ticket.subject, detail=f"desk={row.desk}"
        )
        return _ticket(row)


def waiting(store: Store, office_code: str, day: date) -> list[Ticket]:
    """The tickets of `day` still waiting, in the order they will be called; each with `ahead`."""
    with store.read() as session:
        rows = session.scalars(
            select(TicketRow)
            .where(
                TicketRow.office_code == office_code,
                TicketRow.day == day,
                TicketRow.state == TicketState.WAITING.value,
            )
            .order_by(TicketRow.number)
        ).all()
        return [_ticket(row, ahead) for ahead, row in enumerate(rows)]


def desk_ticket(store: Store, office_code: str, day: date, desk: str) -> Ticket | None:
    """The ticket `desk` is serving now (called, not yet done or gone), the latest if several."""
    with store.read() as session:
        row = session.scalars(
            select(TicketRow)
            .where(
                TicketRow.office_code == office_code,
                TicketRow.day == day,
                TicketRow.desk == desk,
                TicketRow.state == TicketState.CALLED.value,
            )
            .order_by(TicketRow.called_at.desc(), TicketRow.number.desc())
            .limit(1)
        ).first()
        return _ticket(row) if row is not None else None


def day_summary(store: Store, office_code: str, day: date, *, called_by: str | None = None) -> QueueDay:
    """How many tickets of `day` are in each state, and the average wait until called; with
    `called_by`, only the tickets that account called (an agent's own day)."""
    query = select(TicketRow.state, TicketRow.taken_at, TicketRow.called_at).where(
        TicketRow.office_code == office_code, TicketRow.day == day
    )
    if called_by is not None:
        query = query.where(TicketRow.called_by == called_by)
    with store.read() as session:
        rows = session.execute(query).all()
    counts = {state: 0 for state in TicketState}
    waits: list[timedelta] = []
    for state, taken_at, called_at in rows:
        counts[TicketState(state)] += 1
        if called_at is not None:
            waits.append(max(timedelta(0), called_at - taken_at))
    average = sum(waits, timedelta(0)) / len(waits) if waits else None
    return QueueDay(
        taken=len(rows),
        waiting=counts[TicketState.WAITING],
        called=counts[TicketState.CALLED],
        done=counts[TicketState.DONE],
        gone=counts[TicketState.GONE],
        average_wait=average,
    )


def average_wait(store: Store, office_code: str, day: date) -> timedelta | None:
    """The day's average time from taking a ticket to its first call; None before the first call."""
    return day_summary(store, office_code, day).average_wait
