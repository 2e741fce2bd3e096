"""The intake slip of the agent point (phiếu tiếp nhận hồ sơ), as receipt blocks.

Decision 45/2016/QĐ-TTg asks the postal employee who receives a dossier to check the papers with
the citizen against the published list, fill a slip that both sign, seal the envelope in the
citizen's presence and take the fee with a receipt. At the agent point this slip takes the place
of the kiosk's receipt: it carries everything the receipt does (code, tracking QR, appointment,
each charge and how it was paid) and what only a desk records: who received the dossier, how the
applicant's identity was taken, the authorised person, the papers handed over with their original
and copy counts, the consignment number, and the two signature lines. It is printed in two copies,
one kept by each side.

Like every slip, its words stay Vietnamese whatever the screen language. The applicant's name is
masked by the same rule as the receipt's, and no digit of an ID number is printed: the kiosk's
look-up asks for the last digits as proof of holding the slip's code.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from egov.catalog import Procedure
from egov.delegation import Relationship, certification_words, documents_for
from egov.dossier import Channel, Dossier, IdentitySource
from egov.fees import Payment
from egov.receipt import (
    MISSING,
    NOT_YET,
    QR,
    SAMPLE_MARK,
    Block,
    Cut,
    KeyValue,
    OfficeLines,
    Rule,
    Size,
    Spacer,
    Text,
    Title,
    clean,
    dossier_terms,
    format_date,
    format_datetime,
    is_sample,
    mark_reprint,
    mask_name,
)
from egov.workdays import WorkCalendar

INTAKE_TITLE = "PHIẾU TIẾP NHẬN HỒ SƠ"
COPIES = ("Liên 1: người nộp hồ sơ giữ", "Liên 2: lưu tại điểm tiếp nhận")
APPLICANT_SIGNS = "NGƯỜI NỘP HỒ SƠ (ký, ghi rõ họ tên)"
AGENT_SIGNS = "NHÂN VIÊN TIẾP NHẬN (ký, ghi rõ họ tên)"
SIGNATURE_SPACE = 112  # dots: 14 mm of paper for a hand-written signature and name
IDENTITY_WORDS = {
    IdentitySource.CHIP: "Đọc từ chip thẻ căn cước",
    IdentitySource.MANUAL: "Nhập tay — cán bộ đã đối chiếu thẻ",
}
POSTAL_LINE = "Gửi hồ sơ giấy qua bưu điện"


def intake_slip(
    dossier: Dossier,
    *,
    procedure: Procedure | None,
    office: OfficeLines,
    agent_name: str,
    dossier_code: str | None,
    tracking_base_url: str,
    calendar: WorkCalendar,
    mask_name: bool,
    appointment: date | None = None,
    payments: Sequence[Payment] = (),
    consignment: str = "",
    copies: Sequence[str] = COPIES,
) -> list[Block]:
    """The slip for `dossier`, once per entry of `copies` (each ending in its own cut).

    `agent_name` is the receiving employee's name as the account shows it; `consignment` the
    postal consignment number of a dossier whose paper goes by post. Any value may be empty: the
    slip then says "—" rather than fail, as the receipt does.
    """
    body = _body(
        dossier,
        procedure=procedure,
        office=office,
        agent_name=agent_name,
        dossier_code=dossier_code,
        tracking_base_url=tracking_base_url,
        calendar=calendar,
        masked=mask_name,
        appointment=appointment,
        payments=payments,
        consignment=consignment,
    )
    sample = [Text(SAMPLE_MARK, bold=True, align="center")] if is_sample(dossier) else []
    blocks: list[Block] = []
    for label in copies:
        # The sample mark top and bottom of each copy: neither half of a torn slip passes for real.
        blocks += [*sample, *body[:1], Text(label, align="center"), *body[1:], *sample, Spacer(24), Cut()]
    return blocks


def _body(
    dossier: Dossier,
    *,
    procedure: Procedure | None,
    office: OfficeLines,
    agent_name: str,
    dossier_code: str | None,
    tracking_base_url: str,
    calendar: WorkCalendar,
    masked: bool,
    appointment: date | None,
    payments: Sequence[Payment],
    consignment: str,
) -> list[Block]:
    terms = dossier_terms(
        dossier,
        procedure=procedure,
        dossier_code=dossier_code,
        tracking_base_url=tracking_base_url,
        calendar=calendar,
        appointment=appointment,
        payments=payments,
    )
    blocks: list[Block] = [Title(INTAKE_TITLE, Size.LARGE), *_office(office)]
    blocks += [
        KeyValue("Nhân viên tiếp nhận", _value(agent_name)),
        KeyValue("Nhận lúc", format_datetime(terms.received)),
        Rule(),
        Text("Số tham chiếu tại chỗ" if terms.queued else "Mã hồ sơ", align="center"),
        Title(terms.code, Size.HUGE),
        KeyValue("Thủ tục", _value(procedure.name if procedure is not None else dossier.procedure_name)),
        KeyValue("Mã thủ tục", _value(dossier.procedure_code)),
        Rule(),
        KeyValue("Chủ hồ sơ", _name(dossier.applicant.full_name, masked)),
        KeyValue("Thông tin lấy từ", IDENTITY_WORDS.get(dossier.identity_source, MISSING)),
    ]
    if dossier.authorised is not None:
        relationship_text = clean(dossier.authorised.relationship)
        relationship = Relationship.from_label(relationship_text)
        blocks += [
            KeyValue("Người được ủy quyền", _name(dossier.authorised.full_name, masked)),
            KeyValue("Quan hệ với chủ hồ sơ", relationship_text or MISSING),
            KeyValue("Văn bản ủy quyền", certification_words(relationship)),
        ]
    blocks += [Rule(), *_papers(dossier, procedure), Rule()]
    if consignment or dossier.channel is Channel.POSTAL:
        blocks += [
            Text(POSTAL_LINE, bold=True),
            KeyValue("Số hiệu bưu gửi", _value(consignment)),
        ]
    blocks.append(
        KeyValue("Hẹn trả kết quả", format_date(terms.appointment) if terms.appointment else NOT_YET)
    )
    if clean(terms.return_method):
        blocks.append(KeyValue("Nhận kết quả", clean(terms.return_method)))
    fee_lines = terms.fee_lines or [("Lệ phí", terms.fee_text)]
    blocks += [KeyValue(clean(key), _value(value)) for key, value in fee_lines]
    blocks += [
        Rule(),
        QR(terms.tracking, "Quét mã để tra cứu hồ sơ"),
        Text(f"Mã tra cứu: {terms.code}", bold=True, align="center"),
        Spacer(16),
        Text(APPLICANT_SIGNS, bold=True, align="center"),
        Spacer(SIGNATURE_SPACE),
        Text(AGENT_SIGNS, bold=True, align="center"),
        Spacer(SIGNATURE_SPACE),
    ]
    if clean(office.hotline):
        blocks.append(Text(f"Đường dây nóng: {clean(office.hotline)}", align="center"))
    return blocks


def paper_counts(originals: int, copies: int) -> str:
    """How many originals and copies of a paper, as the slip and the check page say it."""
    return f"bản chính: {originals}, bản sao: {copies}"


def _office(office: OfficeLines) -> list[Block]:
    # Not the receipt's masthead: an agent point is not the agency's one-stop desk.
    return [Text(_value(office.name), bold=True, align="center"), Text(clean(office.address), align="center")]


def _papers(dossier: Dossier, procedure: Procedure | None) -> list[Block]:
    """The papers checked at the desk with their counts; without a check (a dossier from before
    it was kept), the documents scanned."""
    names = {a.document_code: a.document_name for a in dossier.attachments}
    if procedure is not None:
        names |= {d.code: d.name for d in documents_for(procedure, delegated=dossier.authorised is not None)}
    if not dossier.checklist:
        scanned = dict.fromkeys(a.document_name for a in dossier.attachments)
        return [Text("Giấy tờ đã chụp:", bold=True), *(Text(f"– {clean(n)}") for n in scanned)]
    blocks: list[Block] = [Text("Giấy tờ đã nhận (đối chiếu danh mục):", bold=True)]
    for number, item in enumerate(dossier.checklist, start=1):
        name = _value(names.get(item.document_code, item.document_code))
        blocks.append(Text(f"{number}. {name} ({paper_counts(item.originals, item.copies)})"))
    return blocks


def mark_reprint_copies(blocks: Sequence[Block], at: datetime | None = None) -> list[Block]:
    """Each copy of a slip (cut from the next) marked "BẢN IN LẠI", top and bottom."""
    marked: list[Block] = []
    start = 0
    for end, block in enumerate(blocks, start=1):
        if isinstance(block, Cut):
            marked += mark_reprint(blocks[start:end], at)  # type: ignore[arg-type]
            start = end
    if start < len(blocks):
        marked += mark_reprint(blocks[start:], at)  # type: ignore[arg-type]
    return marked


def _name(full_name: str, masked: bool) -> str:
    name = clean(full_name)
    return (mask_name(name) if masked else name) or MISSING


def _value(value: object) -> str:
    return clean(value) or MISSING
