"""One agent point's working day in the store, for the end-of-day report's tests.

Two agents and the kiosk, four procedures, every outbox state, charges paid in cash, by VietQR,
through the gateway and "at the desk later", a fee the province sets recorded without an amount,
a postal dossier with its consignment number, chip and typed identities, ratings and a queue. And
around the day, what must stay out of its report: yesterday's dossier and payment, another office's
dossier, rating and late dossier, a rating of the day before, a closed dossier past its date.

Everything goes through the store's own calls (save, state, status, payments, queue), except the
ratings' time, which `Store.record_rating` takes from the clock: they are added with the store's
session at the moment wanted. `Day` lists what was made, for the tests to sum on their own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from egov.dossier import Channel, Dossier, IdentitySource, Person
from egov.fees import ChargeKind, Method, Payment, PaymentState
from egov.portal.contract import PortalStatus
from egov.queue import call_next, finish, no_show, take_ticket
from egov.store import DossierState, Store
from egov.store.models import RatingRow
from egov.store.payments import record_payments

OFFICE, OTHER_OFFICE = "H01.99", "H01.98"
AN, BINH = "canbo.an", "canbo.binh"
KIOSK = "kiosk"
RESIDENCE = ("1.004194", "Đăng ký tạm trú")
BIRTH = ("1.001193", "Đăng ký khai sinh")
COPY = ("2.000815", "Chứng thực bản sao từ bản chính")
MARRIAGE_STATUS = ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân")
STATE, SERVICE = ChargeKind.STATE_FEE, ChargeKind.SERVICE_CHARGE


@dataclass(frozen=True)
class Made:
    client_id: uuid.UUID
    procedure_code: str
    office: str
    agent: str  # "" for the kiosk
    state: DossierState
    channel: Channel
    identity: str  # "chip", "manual", ""
    created: datetime
    code: str | None


@dataclass(frozen=True)
class Paid:
    client_id: uuid.UUID
    office: str
    kind: ChargeKind
    amount: int | None
    method: Method
    recorded_by: str
    recorded_at: datetime


@dataclass
class Day:
    day: date
    tz: tzinfo
    dossiers: list[Made] = field(default_factory=list)
    payments: list[Paid] = field(default_factory=list)
    late: list[str] = field(default_factory=list)  # dossier codes late on the day, office OFFICE
    late_by: dict[str, str] = field(default_factory=dict)  # code -> agent
    ratings: list[int] = field(default_factory=list)  # the day's, office OFFICE
    consignment: str = "EB123456789VN"

    def of_day(self, agent: str | None = None) -> list[Made]:
        return [
            d
            for d in self.dossiers
            if d.office == OFFICE and d.created.date() == self.day and (agent is None or d.agent == agent)
        ]

    def paid_on_day(self, agent: str | None = None) -> list[Paid]:
        return [
            p
            for p in self.payments
            if p.office == OFFICE
            and p.recorded_at.astimezone(self.tz).date() == self.day
            and (agent is None or p.recorded_by == agent)
        ]


def _at(day: date, tz: tzinfo, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=tz)


def build_day(store: Store, day: date, tz: tzinfo) -> Day:
    """Fill `store` with the working day `day` (local times in `tz`) of office OFFICE."""
    made = Day(day, tz)
    serial = iter(range(1, 100))

    def dossier(
        procedure: tuple[str, str],
        agent: str,
        state: DossierState,
        *,
        created: datetime,
        channel: Channel = Channel.DIRECT,
        identity: IdentitySource | None = IdentitySource.CHIP,
        office: str = OFFICE,
        appointment: date | None = None,
        status: PortalStatus | None = None,
    ) -> uuid.UUID:
        d = Dossier(
            procedure_code=procedure[0],
            procedure_name=procedure[1],
            # Made-up people: the report must not carry them anywhere.
            applicant=Person(full_name="Nguyễn Thị Mẫu", id_number=f"0011580{next(serial):05d}"),
            office_code=office,
            channel=channel,
            agent=agent,
            created_at=created,
            identity_source=identity,
        )
        store.save_dossier(d, procedure[1])
        code = None
        actor = agent or KIOSK
        if state is DossierState.ACCEPTED:
            code = f"{office}-{created:%y%m%d}-{next(serial):04d}"
            store.set_state(d.client_id, state, actor="outbox", dossier_code=code)
            if appointment is not None or status is not None:
                store.record_status(
                    d.client_id, status=int(status or PortalStatus.ACCEPTED), appointment=appointment
                )
        elif state is not DossierState.QUEUED:
            store.set_state(d.client_id, state, actor=actor)
        if channel is Channel.POSTAL:
            store.set_consignment(d.client_id, made.consignment, actor=actor)
        made.dossiers.append(
            Made(
                d.client_id,
                procedure[0],
                office,
                agent,
                state,
                channel,
                identity.value if identity else "",
                created,
                code,
            )
        )
        return d.client_id

    def pay(
        client_id: uuid.UUID,
        *charges: tuple[ChargeKind, int | None, Method, str, datetime],
        office: str = OFFICE,
    ) -> None:
        states = {
            Method.CASH: PaymentState.RECEIVED,
            Method.VIETQR: PaymentState.UNCONFIRMED,
            Method.AT_COUNTER_LATER: PaymentState.DUE,
            Method.GATEWAY: PaymentState.PAID,
        }
        payments = []
        for kind, amount, method, who, at in charges:
            payments.append(
                Payment(
                    kind=kind,
                    amount=amount,
                    method=method,
                    state=states[method],
                    reference=f"{'LE PHI' if kind is STATE else 'PHI DV'} {str(client_id)[:8].upper()}",
                    recorded_by=who,
                    recorded_at=at,
                    transaction_id="GW-0001" if method is Method.GATEWAY else "",
                )
            )
            made.payments.append(Paid(client_id, office, kind, amount, method, who, at))
        record_payments(store, client_id, payments)

    def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
        return _at(day + timedelta(days=days), tz, hour, minute)

    # -- the day at the office ----------------------------------------------------------------------
    one = dossier(
        RESIDENCE, AN, DossierState.ACCEPTED, created=at(8, 15), appointment=day + timedelta(days=3)
    )
    pay(one, (STATE, 15_000, Method.CASH, AN, at(8, 20)), (SERVICE, 10_000, Method.CASH, AN, at(8, 20)))
    two = dossier(BIRTH, AN, DossierState.QUEUED, created=at(9, 0), identity=IdentitySource.MANUAL)
    pay(two, (SERVICE, 10_000, Method.VIETQR, AN, at(9, 5)))
    three = dossier(RESIDENCE, AN, DossierState.ACCEPTED, created=at(10, 0), channel=Channel.POSTAL)
    pay(three, (STATE, 15_000, Method.VIETQR, AN, at(10, 5)), (SERVICE, 10_000, Method.CASH, AN, at(10, 5)))
    four = dossier(COPY, BINH, DossierState.NEEDS_ATTENTION, created=at(9, 30))
    pay(
        four,
        (STATE, 6_000, Method.AT_COUNTER_LATER, BINH, at(9, 35)),
        (SERVICE, 10_000, Method.CASH, BINH, at(9, 35)),
    )
    five = dossier(
        MARRIAGE_STATUS, BINH, DossierState.SENDING, created=at(11, 0), identity=IdentitySource.MANUAL
    )
    pay(
        five,
        (STATE, None, Method.AT_COUNTER_LATER, BINH, at(11, 5)),
        (SERVICE, 10_000, Method.CASH, BINH, at(11, 5)),
    )
    dossier(RESIDENCE, BINH, DossierState.REJECTED, created=at(13, 0))
    seven = dossier(BIRTH, "", DossierState.ACCEPTED, created=at(14, 0), channel=Channel.ONLINE)
    eight = dossier(
        RESIDENCE, "", DossierState.QUEUED, created=at(15, 0), channel=Channel.ONLINE, identity=None
    )
    pay(eight, (STATE, 15_000, Method.GATEWAY, KIOSK, at(15, 10)))
    pay(seven, (STATE, 0, Method.VIETQR, KIOSK, at(14, 5)))

    # -- around the day -----------------------------------------------------------------------------
    # Yesterday's dossier: its fee was due at the desk, and today Bình took it in cash.
    old = dossier(RESIDENCE, AN, DossierState.ACCEPTED, created=at(16, 0, days=-1))
    pay(
        old,
        (STATE, 15_000, Method.AT_COUNTER_LATER, AN, at(16, 5, days=-1)),
        (SERVICE, 10_000, Method.CASH, AN, at(16, 5, days=-1)),
    )
    pay(old, (STATE, 15_000, Method.CASH, BINH, at(16, 30)))
    made.payments = [
        p
        for p in made.payments
        if not (p.client_id == old and p.kind is STATE and p.method is Method.AT_COUNTER_LATER)
    ]
    # Late: accepted ten days ago, due two days ago, still being processed.
    late = dossier(
        COPY,
        AN,
        DossierState.ACCEPTED,
        created=at(9, 0, days=-10),
        appointment=day - timedelta(days=2),
        status=PortalStatus.PROCESSING,
    )
    late_code = next(d.code for d in made.dossiers if d.client_id == late)
    assert late_code is not None
    made.late.append(late_code)
    made.late_by[late_code] = AN
    # Past its date but returned to the citizen: closed, not late.
    dossier(
        COPY,
        BINH,
        DossierState.ACCEPTED,
        created=at(9, 0, days=-10),
        appointment=day - timedelta(days=3),
        status=PortalStatus.RETURNED,
    )
    # Due today: not late yet.
    dossier(
        COPY,
        BINH,
        DossierState.ACCEPTED,
        created=at(9, 0, days=-5),
        appointment=day,
        status=PortalStatus.PROCESSING,
    )
    # Another office, the same day: a cash payment, a late dossier.
    elsewhere = dossier(RESIDENCE, "canbo.xa", DossierState.ACCEPTED, created=at(9, 0), office=OTHER_OFFICE)
    pay(elsewhere, (STATE, 50_000, Method.CASH, "canbo.xa", at(9, 5)), office=OTHER_OFFICE)
    dossier(
        COPY,
        "canbo.xa",
        DossierState.ACCEPTED,
        created=at(9, 0, days=-10),
        office=OTHER_OFFICE,
        appointment=day - timedelta(days=2),
        status=PortalStatus.PROCESSING,
    )

    # -- ratings and the queue ----------------------------------------------------------------------
    with store.write() as session:
        for score, moment, office in (
            (5, at(8, 30), OFFICE),
            (4, at(10, 30), OFFICE),
            (4, at(11, 30), OFFICE),
            (2, at(15, 30), OFFICE),
            (1, at(17, 0, days=-1), OFFICE),
            (3, at(10, 0), OTHER_OFFICE),
        ):
            session.add(RatingRow(office_code=office, score=score, reason="", at=moment))
    made.ratings = [5, 4, 4, 2]
    first = take_ticket(store, OFFICE, "A", "kiosk:Sảnh", at(8, 0))
    take_ticket(store, OFFICE, "B", "kiosk:Sảnh", at(8, 5))
    called = call_next(store, OFFICE, "Quầy 1", AN, now=at(8, 10))
    assert called is not None and called.number == first.number
    finish(store, called, AN, str(one), now=at(8, 20))
    called = call_next(store, OFFICE, "Quầy 2", BINH, now=at(8, 20))
    assert called is not None
    finish(store, called, BINH, now=at(8, 40))
    take_ticket(store, OFFICE, "A", "kiosk:Sảnh", at(8, 30))
    called = call_next(store, OFFICE, "Quầy 1", AN, now=at(8, 31))
    assert called is not None
    no_show(store, called, AN, now=at(8, 35))
    take_ticket(store, OFFICE, "C", "kiosk:Sảnh", at(9, 0))
    return made
