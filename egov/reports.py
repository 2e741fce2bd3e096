"""The end-of-day report of an agent point, for one member of staff or the whole office. No Qt.

`daily_report` reads the store's clear columns only (codes, states, counts, money, staff user
names): nothing personal is read, so nothing personal can reach the report, and the store's key
is not needed. What it holds, for one office and one local day (the machine's calendar day):

- the dossiers received that day, by procedure and by the outbox's state;
- the money, FROM THE PAYMENT RECORDS (`egov.store.payments`), not fee × dossiers: every charge
  recorded that day, by kind (lệ phí, the agency's state fee; phí dịch vụ, the agent point's own
  charge) and by method (cash, VietQR, at the desk when the result is collected, the gateway);
  a charge the province sets whose amount nobody confirmed is counted, never summed;
- the cash each member of staff hands over: the cash payments recorded under their account that
  day, whoever received the dossier;
- the dossiers past their appointment date and not closed on that day (`egov.tracking.is_late`);
- the satisfaction ratings given that day (anonymous, per office: the same on every agent's report),
  the reasons chosen after them (all, and with a rating of "Bình thường" or below) and how many
  written suggestions came (egov.feedback: a count only, never their text);
- how each applicant's identity was taken: read from the chip, or typed (the agent answers for it);
- the queue, when the office used one: tickets taken, served, gone, still waiting, average wait
  (an agent's report: the tickets that agent called);
- the ONLINE SHARE, which a ward's targets are measured by. Definition used here: the dossiers
  received that day that went to the portal electronically, i.e. filed through this program at the
  desk (channel "direct") or by the citizen at the kiosk ("online"), divided by all dossiers
  received that day. A postal dossier (`Channel.POSTAL`: the paper goes to the agency by post with
  a consignment number, Decision 45/2016) counts as received but not online. A dossier still
  waiting in the outbox counts as online: it goes to the portal as soon as the network is back.

An office's report covers every account (the kiosk's dossiers and payments included, under "kiosk");
an agent's covers what that account did. `report_tables` lays the report out as tables with
Vietnamese headers, shared by the CSV here (`to_csv`), the PDF (ui.report_pdf) and the screen.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from egov.audit import audit_head
from egov.dossier import Channel, IdentitySource
from egov.feedback import REASON_LABELS, SCORE_LABELS, FeedbackSummary, feedback_summary
from egov.fees import CHARGE_LABELS, ChargeKind, Method
from egov.outbox import local_reference
from egov.portal.contract import PortalStatus
from egov.queue import QueueDay, day_summary
from egov.receipt import Block, DayLine, DayMoney, day_slip, format_money
from egov.store.models import DossierRow, DossierState, PaymentRow
from egov.store.store import RatingsSummary, Store
from egov.text import QT_TRANSLATE_NOOP
from egov.tracking import STATE_LABELS, is_late

__all__ = [
    "AgentLine",
    "DailyReport",
    "Money",
    "MoneyLine",
    "ProcedureLine",
    "QueueFigures",
    "Table",
    "daily_report",
    "report_tables",
    "to_csv",
]

KIOSK = "kiosk"  # the account name of whatever a kiosk did on its own (no member of staff)
STATES = tuple(DossierState)
# Cash first: the money in the agents' hands.
METHODS = (Method.CASH, Method.VIETQR, Method.GATEWAY, Method.AT_COUNTER_LATER)
METHOD_LABELS: dict[Method, str] = {
    Method.CASH: QT_TRANSLATE_NOOP("Report", "Tiền mặt"),
    Method.VIETQR: QT_TRANSLATE_NOOP("Report", "Chuyển khoản VietQR"),
    Method.AT_COUNTER_LATER: QT_TRANSLATE_NOOP("Report", "Nộp khi nhận kết quả"),
    Method.GATEWAY: QT_TRANSLATE_NOOP("Report", "Cổng thanh toán"),
}
REPORT_TITLE = QT_TRANSLATE_NOOP("Report", "BÁO CÁO CUỐI NGÀY")
AUDIT_MARK = QT_TRANSLATE_NOOP("Report", "Mã kiểm tra nhật ký")
WHOLE_OFFICE = QT_TRANSLATE_NOOP("Report", "Toàn điểm tiếp nhận")
ONLINE_DEFINITION = QT_TRANSLATE_NOOP(
    "Report",
    "Tỷ lệ hồ sơ trực tuyến = số hồ sơ nhận trong ngày được gửi điện tử lên cổng dịch vụ công "
    "(nộp tại quầy hoặc tại ki-ốt) / tổng số hồ sơ nhận trong ngày. Hồ sơ gửi bản giấy qua bưu chính "
    "không tính là trực tuyến.",
)
UNPRICED_NOTE = QT_TRANSLATE_NOOP("Report", "Khoản lệ phí do tỉnh quy định, chưa xác nhận số tiền")


@dataclass(frozen=True, slots=True)
class ProcedureLine:
    """The dossiers of one procedure received that day, by state."""

    code: str
    name: str
    by_state: dict[DossierState, int]

    @property
    def total(self) -> int:
        return sum(self.by_state.values())


@dataclass(frozen=True, slots=True)
class MoneyLine:
    """The charges recorded that day by one method: how many, and the đồng of each kind."""

    method: Method
    count: int
    state_fees: int
    service_charges: int

    @property
    def total(self) -> int:
        return self.state_fees + self.service_charges


@dataclass(frozen=True, slots=True)
class AgentLine:
    """One account's day: the dossiers it received, the charges it recorded, the cash it holds."""

    username: str
    dossiers: int
    state_fees: int
    service_charges: int
    cash_state_fees: int
    cash_service_charges: int

    @property
    def cash(self) -> int:
        """The cash this account hands over: both kinds, recorded by it that day."""
        return self.cash_state_fees + self.cash_service_charges


@dataclass(frozen=True, slots=True)
class LateLine:
    """A dossier past its appointment date and not closed, by its dossier code (nothing personal)."""

    reference: str
    procedure_code: str
    appointment: date
    days_late: int
    agent: str


@dataclass(frozen=True, slots=True)
class QueueFigures:
    taken: int
    served: int
    gone: int  # called and nobody came
    waiting: int  # still waiting or being served at the end of the figures
    average_wait: timedelta | None  # from taking the ticket to its first call

    @property
    def average_wait_minutes(self) -> float | None:
        return None if self.average_wait is None else self.average_wait.total_seconds() / 60


@dataclass(frozen=True, slots=True)
class DailyReport:
    day: date
    office_code: str
    agent: str | None  # None: the whole office
    generated_at: datetime
    audit_mark: str  # "ID:16 hex" of the audit trail's head when the report was made ("" if empty)
    procedures: tuple[ProcedureLine, ...]
    money: tuple[MoneyLine, ...]  # one per method, in METHODS order
    unpriced: int  # charges recorded with no amount (a fee the province sets, not yet confirmed)
    agents: tuple[AgentLine, ...]
    late: tuple[LateLine, ...]
    ratings: RatingsSummary
    identity: dict[str, int]  # "chip", "manual", "" (not recorded) -> dossiers
    channels: dict[Channel, int]
    queue: QueueFigures | None
    feedback: FeedbackSummary = field(default_factory=FeedbackSummary)
    by_state: dict[DossierState, int] = field(init=False)

    def __post_init__(self) -> None:
        totals = {state: sum(p.by_state[state] for p in self.procedures) for state in STATES}
        object.__setattr__(self, "by_state", totals)

    @property
    def dossiers(self) -> int:
        return sum(self.by_state.values())

    @property
    def state_fees(self) -> int:
        return sum(line.state_fees for line in self.money)

    @property
    def service_charges(self) -> int:
        return sum(line.service_charges for line in self.money)

    @property
    def cash(self) -> int:
        """The cash to hand over: the agent's, or every account's for the office."""
        return sum(line.cash for line in self.agents)

    @property
    def online(self) -> int:
        return self.channels[Channel.DIRECT] + self.channels[Channel.ONLINE]

    @property
    def online_share(self) -> float | None:
        """Online dossiers over all dossiers received (see the module's docstring); None with none."""
        received = sum(self.channels.values())
        return self.online / received if received else None


def _day_bounds(day: date, now: datetime) -> tuple[datetime, datetime]:
    # The machine's local day, in the time zone of `now` (Việt Nam keeps no summer time).
    start = datetime.combine(day, time(), tzinfo=now.tzinfo)
    return start, start + timedelta(days=1)


def daily_report(
    store: Store, day: date, office_code: str, agent: str | None = None, now: datetime | None = None
) -> DailyReport:
    """The report of `day` for the office `office_code`, or for the account `agent` only."""
    now = now if now is not None and now.tzinfo is not None else (now or datetime.now()).astimezone()
    start, end = _day_bounds(day, now)
    dossier_query = select(
        DossierRow.procedure_code,
        DossierRow.procedure_name,
        DossierRow.state,
        DossierRow.channel,
        DossierRow.identity_source,
        DossierRow.agent,
    ).where(DossierRow.created_day == day, DossierRow.office_code == office_code)
    payment_query = (
        select(PaymentRow.kind, PaymentRow.amount, PaymentRow.method, PaymentRow.recorded_by)
        .join(DossierRow, DossierRow.client_id == PaymentRow.client_id)
        .where(
            DossierRow.office_code == office_code,
            PaymentRow.recorded_at >= start,
            PaymentRow.recorded_at < end,
        )
    )
    late_query = select(
        DossierRow.client_id,
        DossierRow.dossier_code,
        DossierRow.procedure_code,
        DossierRow.appointment,
        DossierRow.portal_status,
        DossierRow.agent,
    ).where(
        DossierRow.office_code == office_code,
        DossierRow.state == DossierState.ACCEPTED.value,
        DossierRow.appointment < day,
    )
    if agent is not None:
        dossier_query = dossier_query.where(DossierRow.agent == agent)
        payment_query = payment_query.where(PaymentRow.recorded_by == agent)
        late_query = late_query.where(DossierRow.agent == agent)
    with store.read() as session:
        dossiers = session.execute(dossier_query.order_by(DossierRow.created_at, DossierRow.id)).all()
        payments = session.execute(payment_query.order_by(PaymentRow.recorded_at, PaymentRow.id)).all()
        overdue = session.execute(late_query.order_by(DossierRow.appointment, DossierRow.id)).all()
    ratings = store.ratings_summary(office_code=office_code, since=start, until=end)
    feedback = feedback_summary(store, office_code, start, end)
    head = audit_head(store)
    tickets = day_summary(store, office_code, day, called_by=agent)

    procedures: dict[str, ProcedureLine] = {}
    identity: Counter[str] = Counter({IdentitySource.CHIP.value: 0, IdentitySource.MANUAL.value: 0, "": 0})
    channels: Counter[Channel] = Counter({c: 0 for c in Channel})
    received: Counter[str] = Counter()
    for code, name, state, channel, source, who in dossiers:
        line = procedures.get(code)
        if line is None:
            line = procedures[code] = ProcedureLine(code, name, {s: 0 for s in STATES})
        line.by_state[DossierState(state)] += 1
        identity[source or ""] += 1
        channels[Channel(channel)] += 1
        received[who or KIOSK] += 1

    money = {m: [0, 0, 0] for m in METHODS}  # count, state fees, service charges
    by_agent: dict[str, list[int]] = defaultdict(
        lambda: [0, 0, 0, 0]
    )  # fees, charges, cash fees, cash charges
    unpriced = 0
    for kind, amount, method, who in payments:
        cell = money[Method(method)]
        cell[0] += 1
        if amount is None:
            unpriced += 1
            continue
        column = 1 if kind == ChargeKind.STATE_FEE.value else 2
        cell[column] += amount
        sums = by_agent[who]
        sums[column - 1] += amount
        if method == Method.CASH.value:
            sums[column + 1] += amount

    late = []
    for client_id, code, procedure_code, appointment, status, who in overdue:
        if is_late(appointment, PortalStatus(status) if status else None, day):
            reference = code or local_reference(client_id)
            late.append(
                LateLine(reference, procedure_code, appointment, (day - appointment).days, who or KIOSK)
            )

    return DailyReport(
        day=day,
        office_code=office_code,
        agent=agent,
        generated_at=now,
        audit_mark=head.mark if head is not None else "",
        procedures=tuple(sorted(procedures.values(), key=lambda p: (-p.total, p.code))),
        money=tuple(MoneyLine(m, *money[m]) for m in METHODS),
        unpriced=unpriced,
        agents=tuple(
            AgentLine(name, received[name], *by_agent[name])
            for name in sorted(set(received) | set(by_agent) if agent is None else {agent})
        ),
        late=tuple(late),
        ratings=ratings,
        identity=dict(identity),
        channels=dict(channels),
        queue=_queue_figures(tickets),
        feedback=feedback,
    )


def _queue_figures(summary: QueueDay) -> QueueFigures | None:
    if not summary.taken:
        return None
    return QueueFigures(
        taken=summary.taken,
        served=summary.done,
        gone=summary.gone,
        waiting=summary.waiting + summary.called,
        average_wait=summary.average_wait,
    )


# -- layout as tables ------------------------------------------------------------------------------


class Money(int):
    """An amount in đồng in a table: the CSV writes its digits, the PDF and the screen "15.000 đ"."""

    __slots__ = ()


Cell = str | int  # an int that is not Money is a count


@dataclass(frozen=True, slots=True)
class Table:
    """One section of the report: a title, Vietnamese column headers, rows, and a note under them."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


def cell_text(cell: Cell) -> str:
    """A cell as the PDF and the screen show it."""
    return format_money(cell) if isinstance(cell, Money) else str(cell)


def format_percent(share: float | None) -> str:
    """66.66… → "66,7 %" (Vietnamese decimal comma); "—" when there is nothing to divide."""
    if share is None:
        return "—"
    return f"{share * 100:.1f}".replace(".", ",") + " %"


def format_minutes(minutes: float | None) -> str:
    return "—" if minutes is None else f"{minutes:.1f}".replace(".", ",")


def scope_text(report: DailyReport) -> str:
    return report.agent if report.agent is not None else WHOLE_OFFICE


def report_tables(report: DailyReport) -> list[Table]:
    """The report as tables, in the order of the CSV and the PDF. Vietnamese, untranslated."""
    fee, charge = CHARGE_LABELS[ChargeKind.STATE_FEE], CHARGE_LABELS[ChargeKind.SERVICE_CHARGE]
    tables = [
        Table(
            "summary",
            QT_TRANSLATE_NOOP("Report", "Thông tin chung"),
            (QT_TRANSLATE_NOOP("Report", "Mục"), QT_TRANSLATE_NOOP("Report", "Giá trị")),
            (
                (QT_TRANSLATE_NOOP("Report", "Mã điểm tiếp nhận"), report.office_code),
                (QT_TRANSLATE_NOOP("Report", "Ngày"), report.day.strftime("%d/%m/%Y")),
                (QT_TRANSLATE_NOOP("Report", "Phạm vi"), scope_text(report)),
                (QT_TRANSLATE_NOOP("Report", "Lập lúc"), report.generated_at.strftime("%d/%m/%Y %H:%M")),
                (AUDIT_MARK, report.audit_mark or "—"),
                (QT_TRANSLATE_NOOP("Report", "Tổng số hồ sơ"), report.dossiers),
                (QT_TRANSLATE_NOOP("Report", "Tổng lệ phí (đ)"), Money(report.state_fees)),
                (QT_TRANSLATE_NOOP("Report", "Tổng phí dịch vụ (đ)"), Money(report.service_charges)),
                (QT_TRANSLATE_NOOP("Report", "Tiền mặt phải nộp (đ)"), Money(report.cash)),
                (QT_TRANSLATE_NOOP("Report", "Hồ sơ quá hạn"), len(report.late)),
                (QT_TRANSLATE_NOOP("Report", "Tỷ lệ hồ sơ trực tuyến"), format_percent(report.online_share)),
            ),
        ),
        Table(
            "procedures",
            QT_TRANSLATE_NOOP("Report", "Hồ sơ theo thủ tục và trạng thái"),
            (
                QT_TRANSLATE_NOOP("Report", "Mã thủ tục"),
                QT_TRANSLATE_NOOP("Report", "Tên thủ tục"),
                *(STATE_LABELS[s] for s in STATES),
                QT_TRANSLATE_NOOP("Report", "Tổng"),
            ),
            (
                *((p.code, p.name, *(p.by_state[s] for s in STATES), p.total) for p in report.procedures),
                (
                    "",
                    QT_TRANSLATE_NOOP("Report", "Tổng cộng"),
                    *(report.by_state[s] for s in STATES),
                    report.dossiers,
                ),
            ),
        ),
        Table(
            "money",
            QT_TRANSLATE_NOOP("Report", "Phí, lệ phí theo hình thức nộp (theo các khoản đã ghi nhận)"),
            (
                QT_TRANSLATE_NOOP("Report", "Hình thức"),
                QT_TRANSLATE_NOOP("Report", "Số khoản"),
                f"{fee} (đ)",
                f"{charge} (đ)",
                QT_TRANSLATE_NOOP("Report", "Cộng (đ)"),
            ),
            (
                *(
                    (
                        METHOD_LABELS[m.method],
                        m.count,
                        Money(m.state_fees),
                        Money(m.service_charges),
                        Money(m.total),
                    )
                    for m in report.money
                ),
                (
                    QT_TRANSLATE_NOOP("Report", "Tổng cộng"),
                    sum(m.count for m in report.money),
                    Money(report.state_fees),
                    Money(report.service_charges),
                    Money(report.state_fees + report.service_charges),
                ),
            ),
            note=f"{UNPRICED_NOTE}: {report.unpriced}" if report.unpriced else "",
        ),
        Table(
            "agents",
            QT_TRANSLATE_NOOP("Report", "Theo cán bộ: tiền mặt phải nộp"),
            (
                QT_TRANSLATE_NOOP("Report", "Tài khoản"),
                QT_TRANSLATE_NOOP("Report", "Số hồ sơ"),
                f"{fee} (đ)",
                f"{charge} (đ)",
                QT_TRANSLATE_NOOP("Report", "Lệ phí tiền mặt (đ)"),
                QT_TRANSLATE_NOOP("Report", "Phí dịch vụ tiền mặt (đ)"),
                QT_TRANSLATE_NOOP("Report", "Tiền mặt phải nộp (đ)"),
            ),
            tuple(
                (
                    a.username,
                    a.dossiers,
                    Money(a.state_fees),
                    Money(a.service_charges),
                    Money(a.cash_state_fees),
                    Money(a.cash_service_charges),
                    Money(a.cash),
                )
                for a in report.agents
            ),
        ),
        Table(
            "late",
            QT_TRANSLATE_NOOP("Report", "Hồ sơ quá hạn trả kết quả"),
            (
                QT_TRANSLATE_NOOP("Report", "Mã hồ sơ"),
                QT_TRANSLATE_NOOP("Report", "Mã thủ tục"),
                QT_TRANSLATE_NOOP("Report", "Ngày hẹn trả"),
                QT_TRANSLATE_NOOP("Report", "Số ngày quá hạn"),
                QT_TRANSLATE_NOOP("Report", "Tài khoản"),
            ),
            tuple(
                (x.reference, x.procedure_code, x.appointment.strftime("%d/%m/%Y"), x.days_late, x.agent)
                for x in report.late
            ),
        ),
        Table(
            "ratings",
            QT_TRANSLATE_NOOP("Report", "Đánh giá mức độ hài lòng (cả điểm tiếp nhận)"),
            (QT_TRANSLATE_NOOP("Report", "Mức đánh giá"), QT_TRANSLATE_NOOP("Report", "Số lượt")),
            (
                *(
                    (f"{score} – {SCORE_LABELS[score]}", report.ratings.by_score[score])
                    for score in range(5, 0, -1)
                ),
                (QT_TRANSLATE_NOOP("Report", "Tổng số lượt"), report.ratings.count),
                (
                    QT_TRANSLATE_NOOP("Report", "Điểm trung bình"),
                    "—"
                    if report.ratings.average is None
                    else f"{report.ratings.average:.2f}".replace(".", ","),
                ),
            ),
        ),
        _feedback_table(report.feedback),
        Table(
            "identity",
            QT_TRANSLATE_NOOP("Report", "Cách lấy thông tin người nộp"),
            (QT_TRANSLATE_NOOP("Report", "Cách lấy"), QT_TRANSLATE_NOOP("Report", "Số hồ sơ")),
            (
                (QT_TRANSLATE_NOOP("Report", "Đọc chip CCCD"), report.identity[IdentitySource.CHIP.value]),
                (QT_TRANSLATE_NOOP("Report", "Nhập tay"), report.identity[IdentitySource.MANUAL.value]),
                (QT_TRANSLATE_NOOP("Report", "Không ghi nhận"), report.identity[""]),
            ),
        ),
        Table(
            "online",
            QT_TRANSLATE_NOOP("Report", "Tỷ lệ hồ sơ trực tuyến"),
            (QT_TRANSLATE_NOOP("Report", "Kênh"), QT_TRANSLATE_NOOP("Report", "Số hồ sơ")),
            (
                (QT_TRANSLATE_NOOP("Report", "Nộp tại quầy, gửi điện tử"), report.channels[Channel.DIRECT]),
                (QT_TRANSLATE_NOOP("Report", "Nộp tại ki-ốt, gửi điện tử"), report.channels[Channel.ONLINE]),
                (QT_TRANSLATE_NOOP("Report", "Gửi bản giấy qua bưu chính"), report.channels[Channel.POSTAL]),
                (QT_TRANSLATE_NOOP("Report", "Tỷ lệ trực tuyến"), format_percent(report.online_share)),
            ),
            note=ONLINE_DEFINITION,
        ),
    ]
    if report.queue is not None:
        q = report.queue
        tables.append(
            Table(
                "queue",
                QT_TRANSLATE_NOOP("Report", "Hàng đợi"),
                (QT_TRANSLATE_NOOP("Report", "Mục"), QT_TRANSLATE_NOOP("Report", "Giá trị")),
                (
                    (QT_TRANSLATE_NOOP("Report", "Số thứ tự đã phát"), q.taken),
                    (QT_TRANSLATE_NOOP("Report", "Đã phục vụ"), q.served),
                    (QT_TRANSLATE_NOOP("Report", "Gọi nhưng vắng mặt"), q.gone),
                    (QT_TRANSLATE_NOOP("Report", "Còn chờ hoặc đang phục vụ"), q.waiting),
                    (
                        QT_TRANSLATE_NOOP("Report", "Thời gian chờ trung bình (phút)"),
                        format_minutes(q.average_wait_minutes),
                    ),
                ),
            )
        )
    return tables


def _feedback_table(feedback: FeedbackSummary) -> Table:
    # egov.feedback.LOW_SCORE is "Bình thường"; the third header says so in words.
    return Table(
        "feedback",
        QT_TRANSLATE_NOOP("Report", "Điều cần làm tốt hơn (lý do chọn sau khi đánh giá) và góp ý"),
        (
            QT_TRANSLATE_NOOP("Report", "Lý do"),
            QT_TRANSLATE_NOOP("Report", "Số lượt"),
            QT_TRANSLATE_NOOP("Report", "Trong đó kèm mức Bình thường trở xuống"),
        ),
        (
            *((label, feedback.reasons[r], feedback.low_reasons[r]) for r, label in REASON_LABELS.items()),
            (
                QT_TRANSLATE_NOOP("Report", "Không chọn lý do"),
                feedback.without_reason,
                feedback.low_without_reason,
            ),
            (QT_TRANSLATE_NOOP("Report", "Số góp ý bằng chữ đã nhận"), feedback.suggestions, "—"),
        ),
        note=QT_TRANSLATE_NOOP(
            "Report", "Nội dung góp ý chỉ người quản lý xem được, trong mục “Góp ý” của điểm tiếp nhận."
        ),
    )


# -- CSV -------------------------------------------------------------------------------------------

# Excel opens a .csv with the list separator of Windows' regional format: ";" under the Vietnamese
# format (whose decimal mark is ","), so numbers stay plain digits and text with commas stays whole.
CSV_DELIMITER = ";"


def to_csv(report: DailyReport) -> bytes:
    """The report as CSV: UTF-8 with a byte-order mark (without it Excel reads the bytes as the
    Windows code page and breaks every Vietnamese letter), one section per table: its title on a
    line, its header row, its rows, an empty line. Money in whole đồng, without separators."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([REPORT_TITLE, report.office_code, report.day.isoformat(), scope_text(report)])
    writer.writerow([])
    for table in report_tables(report):
        writer.writerow([table.title])
        writer.writerow(table.headers)
        writer.writerows(table.rows)
        if table.note:
            writer.writerow([table.note])
        writer.writerow([])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# -- the end-of-day slip ---------------------------------------------------------------------------


def day_slip_for(
    report: DailyReport, *, office_name: str, office_address: str, agent_name: str, printed_at: datetime
) -> list[Block]:
    """The agent's end-of-day slip (egov.receipt.day_slip) from an agent's report."""
    by_method = {line.method: line for line in report.money}
    money = DayMoney(
        state_fees=report.state_fees,
        service_charges=report.service_charges,
        cash_state_fees=sum(a.cash_state_fees for a in report.agents),
        cash_service_charges=sum(a.cash_service_charges for a in report.agents),
        transfers=by_method[Method.VIETQR].total + by_method[Method.GATEWAY].total,
        later=by_method[Method.AT_COUNTER_LATER].total,
        unpriced=report.unpriced,
    )
    return day_slip(
        [DayLine(p.code, p.name, p.total) for p in report.procedures],
        money,
        office_name=office_name,
        office_address=office_address,
        agent=agent_name,
        day=report.day,
        printed_at=printed_at,
        audit_mark=report.audit_mark,
    )
