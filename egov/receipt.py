"""The receipt and appointment slip (phiếu tiếp nhận hồ sơ và hẹn trả kết quả) as layout data, and
the other slips the printer gives out: a procedure's checklist of documents (phiếu hướng dẫn) and
the agent point's end-of-day slip.

A receipt is a list of blocks (title, key and value, text, rule, QR, picture, spacer, cut) that says
what is printed, never how: `hardware.raster` turns the blocks into pixels for 58 or 80 mm paper, the
screen preview and PNG files alike. Keeping the layout as data lets the domain build and test a
receipt with no printer, no font and no Qt.

The printed words stay Vietnamese whatever the screen language: the slip is an administrative
paper handed over by a Vietnamese agency, so its sentences are not marked for translation.
"""

from __future__ import annotations

import base64
import binascii
import enum
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal, Protocol

from egov.fees import Charge, ChargeKind, Method, Payment, PaymentState
from egov.identity import demo_identity
from egov.outbox import local_reference
from egov.text import nfc

if TYPE_CHECKING:
    from egov.catalog import Procedure
    from egov.dossier import Dossier
    from egov.workdays import WorkCalendar

Align = Literal["left", "center", "right"]


class Size(enum.IntEnum):
    """Relative text sizes; the renderer maps them to dots for the paper width."""

    NORMAL = 1
    LARGE = 2
    HUGE = 3
    NUMBER = 4  # a queue ticket's number, read at arm's length


@dataclass(frozen=True, slots=True)
class Title:
    """A bold centred heading."""

    text: str
    size: Size = Size.LARGE


@dataclass(frozen=True, slots=True)
class KeyValue:
    """A label and its value on one wrapped paragraph: 'Lệ phí: 10.000 đ'."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph, wrapped at word boundaries to the paper width."""

    text: str
    bold: bool = False
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line across the paper."""


@dataclass(frozen=True, slots=True)
class QR:
    """A QR code of `payload` with a short caption under it."""

    payload: str
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Picture:
    """A line drawing printed as a raster bitmap (ESC/POS GS v 0), centred, a caption under it.

    `bits` is base64 of the rows top to bottom, each ceil(width / 8) bytes, the most significant bit
    the leftmost dot, 1 a dot of ink: the bytes GS v 0 itself carries, so the slip keeps (and the
    store seals) exactly what is printed. Drawn wider than the paper, it is scaled down to fit.
    """

    bits: str
    width: int
    height: int
    caption: str = ""

    @property
    def row_bytes(self) -> int:
        return (self.width + 7) // 8

    def ink(self) -> bytes:
        """The packed rows; ValueError when they do not make a `width` × `height` picture."""
        try:
            data = base64.b64decode(self.bits, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("picture bits are not base64") from None
        if self.width <= 0 or self.height <= 0 or len(data) != self.row_bytes * self.height:
            raise ValueError(f"picture bits do not make {self.width} x {self.height} dots")
        return data


@dataclass(frozen=True, slots=True)
class Spacer:
    """Blank paper, `dots` high (203 dpi: 8 dots per millimetre)."""

    dots: int


@dataclass(frozen=True, slots=True)
class Cut:
    """Where the paper is cut; the end of one slip."""


Block = Title | KeyValue | Text | Rule | QR | Picture | Spacer | Cut

RECEIPT_TITLE = "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
CHECKLIST_TITLE = "PHIẾU HƯỚNG DẪN THÀNH PHẦN HỒ SƠ"
DAY_TITLE = "BẢNG KÊ CUỐI NGÀY"
ONE_STOP_DESK = "Bộ phận tiếp nhận và trả kết quả"
REPRINT_MARK = "BẢN IN LẠI"
SAMPLE_MARK = "MẪU — không có giá trị"
QUEUED_LINE = "Đã ghi nhận, sẽ gửi khi có mạng"
TRANSFER_TITLE = "NỘP LỆ PHÍ BẰNG CHUYỂN KHOẢN"
TRANSFER_CAPTION = "Quét bằng ứng dụng ngân hàng để nộp lệ phí"
TRAINING_ACCOUNT = "TÀI KHOẢN ĐÀO TẠO — KHÔNG CHUYỂN TIỀN THẬT"
PROVINCE_SET = "theo mức thu do tỉnh quy định"
CHARGE_NAMES = {ChargeKind.STATE_FEE: "Lệ phí", ChargeKind.SERVICE_CHARGE: "Phí dịch vụ"}
NOT_YET = "sẽ thông báo sau"
MISSING = "—"

# How the result reaches the applicant, by the dossier's channel (KenhThucHien).
RETURN_METHODS = {
    "direct": "Tại bộ phận tiếp nhận và trả kết quả",
    "postal": "Qua dịch vụ bưu chính công ích, đến địa chỉ đã đăng ký",
    "online": "Trực tuyến, trên Cổng dịch vụ công (bản điện tử)",
}

_STAR = "*"
DEMO_ID_NUMBER = demo_identity().id_number  # the fictional citizen: its slips are marked MẪU

# The receipt's QR: `<portal base URL>/tra-cuu?MHS=<dossier code>`. Built here, read back from the
# camera by hardware.qr.receipt_reference.
TRACKING_PATH = "/tra-cuu"
TRACKING_PARAMETER = "MHS"


def tracking_url(base_url: str, dossier_code: str) -> str:
    """The address a receipt's QR carries, to look the dossier up on the portal."""
    return f"{base_url.rstrip('/')}{TRACKING_PATH}?{TRACKING_PARAMETER}={dossier_code}"


def mask_name(full_name: str) -> str:
    """Hide most letters of a name, keeping enough for its owner to recognise it.

    'Nguyễn Thị Mai' → 'Ng***n T** M**': words of five letters or more keep their first two and
    last letters, shorter words only their first; one star stands for each hidden letter. A slip
    left on the counter then does not hand a stranger the applicant's full name.
    """
    # NFC first, so that a letter with its tone marks counts (and is hidden) as one character.
    words = nfc(full_name).split()
    masked: list[str] = []
    for word in words:
        if len(word) >= 5:
            masked.append(word[:2] + _STAR * (len(word) - 3) + word[-1])
        elif len(word) >= 2:
            masked.append(word[0] + _STAR * (len(word) - 1))
        else:
            masked.append(word)
    return " ".join(masked)


def clean(value: object) -> str:
    """Text fit for paper: None as empty, NFC, control characters and runs of spaces as one space.

    Every string that reaches a block goes through here, so that a missing field, a decomposed
    name typed on another keyboard or a stray tab never breaks a slip or its rendering.
    """
    if value is None:
        return ""
    text = nfc(value if isinstance(value, str) else str(value))
    return " ".join(_CONTROL.sub(" ", text).split())


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


def format_datetime(moment: datetime) -> str:
    """Vietnamese order, 24-hour clock: 05/03/2025 14:07."""
    return moment.strftime("%d/%m/%Y %H:%M")


def format_date(day: date) -> str:
    """Vietnamese order: 05/03/2025."""
    return day.strftime("%d/%m/%Y")


def format_money(amount: int) -> str:
    """Đồng with dots between thousands, as on every Vietnamese price: 10000 → '10.000 đ'."""
    return f"{amount:,}".replace(",", ".") + " đ"


def payment_words(payment: Payment) -> str:
    """How a charge was paid, as the slip says it: "đã thu tiền mặt — canbo.an", "chuyển khoản —
    chưa xác nhận", "nộp khi nhận kết quả". Nothing is called paid that no one saw paid."""
    who = clean(payment.recorded_by)
    if payment.method is Method.CASH:
        return f"đã thu tiền mặt — {who}"
    if payment.method is Method.AT_COUNTER_LATER:
        return "nộp khi nhận kết quả"
    if payment.method is Method.GATEWAY:
        paid = payment.state is PaymentState.PAID
        return "đã nộp qua cổng thanh toán" if paid else "qua cổng thanh toán — chưa xác nhận"
    if payment.state is PaymentState.SEEN:
        # The agent's word on what the citizen's banking app showed; no bank has confirmed it.
        return f"chuyển khoản — {who} đã xem trên điện thoại"
    return "chuyển khoản — chưa xác nhận"


def payment_line(payment: Payment) -> tuple[str, str]:
    """A charge's line on the receipt: ("Lệ phí", "15.000 đ (chuyển khoản — chưa xác nhận)")."""
    amount = PROVINCE_SET if payment.amount is None else format_money(payment.amount)
    return CHARGE_NAMES[payment.kind], f"{amount} ({payment_words(payment)})"


def _transfer(charge: Charge) -> list[Block]:
    """The state fee's VietQR, below the tracking QR and apart from it, with everything a citizen
    needs to type the transfer by hand when the QR will not scan."""
    qr = charge.vietqr()
    account = charge.account
    if qr is None or account is None:
        return []
    blocks: list[Block] = [Rule(), Text(TRANSFER_TITLE, bold=True, align="center")]
    if account.training:
        # Above the QR: whoever scans first must read it first.
        blocks += [Spacer(8), Text(TRAINING_ACCOUNT, bold=True, align="center")]
    return [
        *blocks,
        QR(qr.payload(), TRANSFER_CAPTION),
        KeyValue("Số tiền", format_money(charge.amount)),
        KeyValue("Ngân hàng", _value(account.bank.short_name)),
        KeyValue("Số tài khoản", _value(account.account)),
        KeyValue("Chủ tài khoản", _value(account.name)),
        Text("Nội dung chuyển khoản:", align="center"),
        # Large and on a line of its own: the words a citizen types when the QR will not scan.
        Title(_value(charge.reference), Size.LARGE),
    ]


def _masthead(office_name: str, office_address: str) -> list[Block]:
    return [
        Text(clean(office_name) or MISSING, bold=True, align="center"),
        Text(ONE_STOP_DESK, align="center"),
        Text(clean(office_address), align="center"),
        Rule(),
    ]


def _value(value: object) -> str:
    return clean(value) or MISSING


def dossier_receipt(
    *,
    office_name: str,
    office_address: str,
    hotline: str,
    dossier_code: str,
    procedure_name: str,
    procedure_code: str,
    applicant_name: str,
    mask_name: bool,
    documents: Sequence[tuple[str, int, int]],
    received_at: datetime | None,
    appointment: date | None,
    fee_text: str,
    tracking_url: str,
    result: str = "",
    return_method: str = "",
    reprint: bool = False,
    reprinted_at: datetime | None = None,
    sample: bool = False,
    queued: bool = False,
    fee_lines: Sequence[tuple[str, str]] = (),
    transfer: Charge | None = None,
) -> list[Block]:
    """The slip handed to the applicant when a dossier is received.

    `documents` holds (name, originals, copies); a negative or missing count prints as none.
    `fee_lines`, when given, replace the one "Lệ phí" line: each charge with how it was paid
    (`payment_line`). `transfer`: the state fee to pay by VietQR, printed as a second QR after
    the tracking QR, with the account and the transfer's purpose in words.
    When `queued` the portal has not yet given a dossier code, so `dossier_code` carries the kiosk's
    local reference and the slip says the dossier will be sent once the network is back. Any value
    may be empty or None: the slip then says "—" (or "sẽ thông báo sau" for the appointment)
    rather than fail, because a citizen must never leave without paper over a missing field.
    """
    code = clean(dossier_code) or MISSING
    blocks: list[Block] = []
    if sample:
        # Top and bottom, so that neither half of a torn slip passes for a real one.
        blocks.append(Text(SAMPLE_MARK, bold=True, align="center"))
    blocks += [*_masthead(office_name, office_address), Title(RECEIPT_TITLE, Size.LARGE), Spacer(8)]
    if queued:
        blocks += [
            Text(QUEUED_LINE, bold=True, align="center"),
            Text("Số tham chiếu tại chỗ", align="center"),
        ]
    else:
        blocks.append(Text("Mã hồ sơ", align="center"))
    # Large and plain ASCII: the one thing staff must be able to read from across the counter.
    blocks += [Title(code, Size.HUGE), Spacer(8)]
    name = clean(applicant_name)
    blocks += [
        KeyValue("Thủ tục", _value(procedure_name)),
        KeyValue("Mã thủ tục", _value(procedure_code)),
        KeyValue("Người nộp", (_mask(name) if mask_name else name) or MISSING),
    ]
    rows = [(clean(n), originals, copies) for n, originals, copies in documents or () if clean(n)]
    if rows:
        blocks.append(Text("Giấy tờ đã nhận:", bold=True))
        for number, (doc_name, originals, copies) in enumerate(rows, start=1):
            counts = f"bản chính: {_count(originals)}, bản sao: {_count(copies)}"
            blocks.append(Text(f"{number}. {doc_name} ({counts})"))
    blocks += [
        KeyValue("Nhận lúc", format_datetime(received_at) if received_at is not None else MISSING),
        KeyValue("Hẹn trả kết quả", format_date(appointment) if appointment is not None else NOT_YET),
    ]
    if clean(result):
        blocks.append(KeyValue("Kết quả", clean(result)))
    if clean(return_method):
        blocks.append(KeyValue("Nhận kết quả", clean(return_method)))
    if fee_lines:
        blocks += [KeyValue(clean(key), _value(value)) for key, value in fee_lines]
    else:
        blocks.append(KeyValue("Lệ phí", _value(fee_text)))
    blocks.append(Rule())
    url = clean(tracking_url)
    if url:
        blocks.append(QR(url, "Quét mã để tra cứu hồ sơ"))
    # The code to type in words too: a QR that will not scan must not strand the applicant.
    blocks.append(Text(f"Mã tra cứu: {code}", bold=True, align="center"))
    if url and url != code:
        blocks.append(Text(f"Tra cứu tại: {_short_address(url)}", align="center"))
    if transfer is not None:
        blocks += _transfer(transfer)
    if clean(hotline):
        blocks.append(Text(f"Đường dây nóng: {clean(hotline)}", align="center"))
    if sample:
        blocks.append(Text(SAMPLE_MARK, bold=True, align="center"))
    blocks += [Spacer(24), Cut()]
    return mark_reprint(blocks, reprinted_at) if reprint else blocks


def mark_reprint(blocks: Sequence[Block], at: datetime | None = None) -> list[Block]:
    """`blocks` as a second copy: "BẢN IN LẠI" (and when) at the top and again above the cut, so
    that either half of the slip says it. A slip already marked is returned as it is."""
    body = list(blocks)
    if Title(REPRINT_MARK, Size.LARGE) in body:
        return body
    head: list[Block] = [Title(REPRINT_MARK, Size.LARGE)]
    if at is not None:
        head.append(Text(f"In lại lúc {format_datetime(at)}", align="center"))
    end = len(body)
    while end and isinstance(body[end - 1], Spacer | Cut):
        end -= 1
    return [*head, *body[:end], Text(REPRINT_MARK, bold=True, align="center"), *body[end:]]


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _short_address(url: str) -> str:
    """The tracking page without scheme and query: the code is printed above it, and an address
    split over two lines half-way through the code would be misread."""
    return url.split("://", 1)[-1].split("?", 1)[0]


def checklist_slip(
    procedure: Procedure,
    *,
    office_name: str,
    office_address: str,
    hotline: str,
    catalog_version: str,
    catalog_date: date | None,
    printed_at: datetime,
    channel: str = "direct",
) -> list[Block]:
    """The papers to bring for `procedure` (phiếu hướng dẫn), printed before a visit.

    Nothing personal is on it. Each document has a box to tick at home, its original and copy
    counts and whether it is always needed; the fee, time and result come from the catalogue.
    """
    blocks: list[Block] = [*_masthead(office_name, office_address), Title(CHECKLIST_TITLE, Size.LARGE)]
    blocks += [
        Spacer(8),
        Text(_value(procedure.name), bold=True, align="center"),
        Text(f"Mã thủ tục: {_value(procedure.code)}", align="center"),
        Spacer(8),
        Text("Giấy tờ cần mang theo:", bold=True),
    ]
    for number, document in enumerate(procedure.documents, start=1):
        need = "bắt buộc" if document.required else "nếu có"
        counts = f"bản chính: {_count(document.originals)}, bản sao: {_count(document.copies)}"
        blocks.append(Text(f"[  ] {number}. {_value(document.name)} ({counts}; {need})"))
        if clean(document.note):
            blocks.append(Text(f"– {clean(document.note)}"))
    if not procedure.may_delegate:
        blocks.append(Text("Người có tên trong hồ sơ phải tự đến nộp, không ủy quyền được.", bold=True))
    blocks.append(Rule())
    info = procedure.channel(channel)
    if info is not None:
        blocks.append(KeyValue("Lệ phí", info.fee_text()))
        if clean(info.fee_note):
            blocks.append(Text(clean(info.fee_note)))
        days = info.processing_days
        blocks.append(KeyValue("Thời hạn giải quyết", f"{days} ngày làm việc" if days else "trong ngày"))
        if clean(info.time_note):
            blocks.append(Text(clean(info.time_note)))
    if clean(procedure.result):
        blocks.append(KeyValue("Kết quả", clean(procedure.result)))
    blocks.append(Rule())
    version = f"Theo danh mục thủ tục phiên bản {clean(catalog_version) or MISSING}"
    if catalog_date is not None:
        version += f" ngày {format_date(catalog_date)}"
    blocks += [Text(version, align="center"), Text(f"In lúc {format_datetime(printed_at)}", align="center")]
    if clean(hotline):
        blocks.append(Text(f"Đường dây nóng: {clean(hotline)}", align="center"))
    blocks += [Spacer(24), Cut()]
    return blocks


@dataclass(frozen=True, slots=True)
class DayLine:
    """One procedure on the agent point's end-of-day slip: the dossiers taken."""

    procedure_code: str
    procedure_name: str
    dossiers: int


@dataclass(frozen=True, slots=True)
class DayMoney:
    """The money on the end-of-day slip, from the payment records the agent made that day (egov.reports):
    state fees (the agency's) and service charges (the point's own) apart, and the cash of each."""

    state_fees: int
    service_charges: int
    cash_state_fees: int
    cash_service_charges: int
    transfers: int = 0  # VietQR and the gateway: not in the agent's hands
    later: int = 0  # to be paid at the desk when the result is collected
    unpriced: int = 0  # fees the province sets, recorded without a confirmed amount

    @property
    def cash(self) -> int:
        """What the agent hands over: the cash actually recorded, both kinds."""
        return self.cash_state_fees + self.cash_service_charges


def day_slip(
    lines: Sequence[DayLine],
    money: DayMoney,
    *,
    office_name: str,
    office_address: str,
    agent: str,
    day: date,
    printed_at: datetime,
    audit_mark: str = "",
) -> list[Block]:
    """The agent point's end-of-day slip: dossiers per procedure, the state fees and the service
    charges apart (the first belong to the agency, the second are the point's own), the cash the
    agent hands over, with room for both signatures, and the audit trail's head to write down."""
    blocks: list[Block] = [*_masthead(office_name, office_address), Title(DAY_TITLE, Size.LARGE)]
    blocks += [
        Text(f"Ngày {format_date(day)}", align="center"),
        KeyValue("Cán bộ", _value(agent)),
        Rule(),
    ]
    if not lines:
        blocks.append(Text("Không có hồ sơ nào trong ngày.", align="center"))
    for line in lines:
        name = f"{_value(line.procedure_name)} ({_value(line.procedure_code)})"
        blocks.append(KeyValue(name, f"{line.dossiers} hồ sơ"))
    blocks += [
        Rule(),
        KeyValue("Tổng số hồ sơ", str(sum(line.dossiers for line in lines))),
        KeyValue("Lệ phí thu hộ cơ quan nhà nước", format_money(money.state_fees)),
        KeyValue("  trong đó tiền mặt", format_money(money.cash_state_fees)),
        KeyValue("Phí dịch vụ của điểm tiếp nhận", format_money(money.service_charges)),
        KeyValue("  trong đó tiền mặt", format_money(money.cash_service_charges)),
    ]
    if money.transfers:
        blocks.append(KeyValue("Chuyển khoản (chưa đối soát)", format_money(money.transfers)))
    if money.later:
        blocks.append(KeyValue("Nộp khi nhận kết quả", format_money(money.later)))
    if money.unpriced:
        blocks.append(KeyValue("Lệ phí chưa xác nhận số tiền", f"{money.unpriced} khoản"))
    blocks += [
        Title(f"Tiền mặt phải nộp: {format_money(money.cash)}", Size.NORMAL),
        Spacer(16),
        Text("Người nộp tiền (ký, ghi rõ họ tên)", align="center"),
        Spacer(96),
        Text("Người nhận tiền (ký, ghi rõ họ tên)", align="center"),
        Spacer(96),
    ]
    if audit_mark:
        # Written down or kept with the signed slip, it later shows a recomputed audit trail.
        blocks.append(KeyValue("Mã kiểm tra nhật ký", clean(audit_mark)))
    blocks += [
        Text(f"In lúc {format_datetime(printed_at)}", align="center"),
        Spacer(24),
        Cut(),
    ]
    return blocks


class OfficeLines(Protocol):
    """What a slip prints of the office ([office] in the settings)."""

    name: str
    address: str
    hotline: str


@dataclass(frozen=True, slots=True)
class DossierTerms:
    """What every slip of a received dossier says the same way: its code (or local reference while
    the portal has not accepted it), the appointment, the charges and where to look it up."""

    code: str
    queued: bool
    received: datetime
    appointment: date | None
    fee_text: str
    fee_lines: list[tuple[str, str]]
    tracking: str  # the QR's payload
    result: str
    return_method: str


def dossier_terms(
    dossier: Dossier,
    *,
    procedure: Procedure | None,
    dossier_code: str | None,
    tracking_base_url: str,
    calendar: WorkCalendar,
    appointment: date | None = None,
    payments: Sequence[Payment] = (),
) -> DossierTerms:
    """Without a dossier code the portal has not accepted it yet: the local reference and no
    appointment. With one and no `appointment` from the portal, the date is counted here, in
    working days from the day the dossier was received (`calendar`). With `payments`, the state fee
    and the service charge are apart, each with how it was paid (a state fee nobody was asked to
    pay, being free, keeps the catalogue's words)."""
    queued = not dossier_code
    code = dossier_code or local_reference(dossier.client_id)
    channel = dossier.channel.value
    info = procedure.channel(channel) if procedure is not None else None
    received = dossier.created_at
    if appointment is None and not queued and info is not None:
        appointment = calendar.add_working_days(received.date(), info.processing_days)
    fee_text = info.fee_text() if info is not None else format_money(dossier.fee)
    paid = {payment.kind: payment for payment in payments}
    fee_lines: list[tuple[str, str]] = []
    if paid:
        state = paid.get(ChargeKind.STATE_FEE)
        fee_lines.append(payment_line(state) if state else (CHARGE_NAMES[ChargeKind.STATE_FEE], fee_text))
        if ChargeKind.SERVICE_CHARGE in paid:
            fee_lines.append(payment_line(paid[ChargeKind.SERVICE_CHARGE]))
    return DossierTerms(
        code=code,
        queued=queued,
        received=received,
        appointment=appointment,
        fee_text=fee_text,
        fee_lines=fee_lines,
        # No portal address (a training portal on a passing port): the code alone, which staff
        # and hardware.qr look up as well.
        tracking=tracking_url(tracking_base_url, code) if tracking_base_url and not queued else code,
        result=procedure.result if procedure is not None else "",
        return_method=RETURN_METHODS.get(channel, ""),
    )


def receipt_for_dossier(
    dossier: Dossier,
    *,
    procedure: Procedure | None,
    office: OfficeLines,
    dossier_code: str | None,
    tracking_base_url: str,
    calendar: WorkCalendar,
    mask_name: bool,
    appointment: date | None = None,
    reprint: bool = False,
    reprinted_at: datetime | None = None,
    payments: Sequence[Payment] = (),
    transfer: Charge | None = None,
) -> list[Block]:
    """The receipt of a dossier as the store keeps it: at the end of a visit, and again from the
    command line or a reprint. `dossier_terms` says what the code, the appointment and the charges
    become; `transfer` adds the state fee's VietQR.
    """
    terms = dossier_terms(
        dossier,
        procedure=procedure,
        dossier_code=dossier_code,
        tracking_base_url=tracking_base_url,
        calendar=calendar,
        appointment=appointment,
        payments=payments,
    )
    counts = {d.code: (d.originals, d.copies) for d in procedure.documents} if procedure else {}
    documents: list[tuple[str, int, int]] = []
    for attachment in dossier.attachments:
        if attachment.document_name not in (name for name, _, _ in documents):
            originals, copies = counts.get(attachment.document_code, (0, 0))
            documents.append((attachment.document_name, originals, copies))
    return dossier_receipt(
        office_name=office.name,
        office_address=office.address,
        hotline=office.hotline,
        dossier_code=terms.code,
        procedure_name=procedure.name if procedure is not None else dossier.procedure_name,
        procedure_code=dossier.procedure_code,
        applicant_name=dossier.applicant.full_name,
        mask_name=mask_name,
        documents=documents,
        received_at=terms.received,
        appointment=terms.appointment,
        fee_text=terms.fee_text,
        tracking_url=terms.tracking,
        result=terms.result,
        return_method=terms.return_method,
        reprint=reprint,
        reprinted_at=reprinted_at,
        sample=is_sample(dossier),
        queued=terms.queued,
        fee_lines=terms.fee_lines,
        transfer=transfer,
    )


def is_sample(dossier: Dossier) -> bool:
    """The fictional demo citizen's dossier: its slips are marked MẪU."""
    return dossier.applicant.id_number == DEMO_ID_NUMBER


_BLOCK_TYPES: dict[str, type] = {
    cls.__name__: cls for cls in (Title, KeyValue, Text, Rule, QR, Picture, Spacer, Cut)
}


def slip_to_bytes(blocks: Sequence[Block]) -> bytes:
    """A slip as JSON, to keep it (sealed) in the store until it has printed."""
    rows = []
    for block in blocks:
        fields = {name: getattr(block, name) for name in block.__slots__}  # type: ignore[union-attr]
        rows.append({"type": type(block).__name__, **fields})
    return json.dumps(rows, ensure_ascii=False).encode("utf-8")


def slip_from_bytes(data: bytes) -> list[Block]:
    """The slip `slip_to_bytes` made; ValueError for anything else."""
    blocks: list[Block] = []
    try:
        for row in json.loads(data.decode("utf-8")):
            cls = _BLOCK_TYPES[row.pop("type")]
            if cls is Title:
                row["size"] = Size(row["size"])
            blocks.append(cls(**row))
    except (KeyError, TypeError, AttributeError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a stored slip: {exc.__class__.__name__}") from None
    return blocks


# The keyword argument `mask_name` shadows the function inside `dossier_receipt`.
_mask = mask_name
