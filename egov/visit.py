"""One citizen's visit, as data: the object that owns everything personal about it.

Identity, form answers, page images, the authorised person and the consent answers live here and
nowhere else in memory. `wipe()` at the end of a visit (finish, cancel, idle) drops them all; what
must outlive the visit is in the store. The UI renders the current step of `flow` and calls the
methods here; nothing here knows of Qt or devices (pages arrive as objects with their encoded bytes,
and PDF packing is a function handed in).
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal, Protocol

from egov import forms
from egov.catalog import Catalog, FormField, FormSchema, Procedure, RequiredDocument
from egov.delegation import Relationship, certification_words, documents_for
from egov.dossier import Attachment, Channel, ChecklistItem, Dossier, IdentitySource, Person
from egov.fees import Charge, ChargeKind, Fees, Method, Payment, PaymentState, ReceivingAccount, fees_for
from egov.flow import Facts, Flow, Mode, Step
from egov.identity import (
    IDENTITY_FIELDS,
    Identity,
    IdentityError,
    Source,
    demo_identity,
    identity_from_manual,
)
from egov.intake_slip import paper_counts
from egov.outbox import Outcome
from egov.permissions import ALLOWED, Action
from egov.store.models import Role
from egov.text import QT_TRANSLATE_NOOP, fold, nfc
from egov.vietqr import MAX_AMOUNT


class PageImage(Protocol):
    """A page taken from the camera, encoded (hardware.scanner.pack.Page satisfies this)."""

    data: bytes


PackPdf = Callable[[Sequence[PageImage]], bytes]


class Consent(enum.StrEnum):
    """Purposes the citizen agrees to one by one (Decree 13/2023: explicit, per purpose)."""

    TRANSMIT = "transmit"  # required: without it there is nothing to submit
    CONTACT = "contact"  # optional: the phone number used for news of the dossier


CONSENT_TEXT_VERSION = "2026-11-1"
CONSENT_TEXTS: dict[Consent, tuple[str, bool]] = {
    Consent.TRANSMIT: (
        QT_TRANSLATE_NOOP(
            "Consent",
            "Tôi đồng ý gửi thông tin cá nhân và giấy tờ trong hồ sơ này đến cơ quan giải quyết thủ tục. "
            "Ảnh giấy tờ được xóa khỏi máy sau khi cơ quan đã nhận hồ sơ.",
        ),
        True,
    ),
    Consent.CONTACT: (
        QT_TRANSLATE_NOOP(
            "Consent", "Tôi đồng ý để cơ quan dùng số điện thoại của tôi để báo tình trạng hồ sơ."
        ),
        False,
    ),
}

NEED_TRANSMIT_CONSENT = QT_TRANSLATE_NOOP(
    "Consent", "Cần có sự đồng ý gửi hồ sơ thì mới nộp được. Nếu chưa muốn nộp, hãy bấm Quay lại."
)
NEED_PAGES = QT_TRANSLATE_NOOP("Documents", "Hãy chụp ít nhất một trang cho: {name}")
NOT_DELEGABLE = QT_TRANSLATE_NOOP(
    "Delegate", "Thủ tục này không được ủy quyền: người có tên trong hồ sơ phải tự đến nộp."
)
CHOOSE_RELATIONSHIP = QT_TRANSLATE_NOOP("Delegate", "Hãy chọn người được ủy quyền là gì của chủ hồ sơ.")
NEED_CERTIFIED = QT_TRANSLATE_NOOP(
    "Delegate",
    "Người được ủy quyền không phải người thân: văn bản ủy quyền phải được chứng thực. "
    "Nếu văn bản chưa được chứng thực thì chưa nhận hồ sơ được.",
)

# The desk's paper check (Decision 45/2016): each required paper handed over, or confirmed missing.
CHECK_OR_MISSING = QT_TRANSLATE_NOOP("Checklist", "Hãy đánh dấu “Đã nhận” hoặc “Thiếu” cho: {name}")
CANNOT_SUBMIT = QT_TRANSLATE_NOOP(
    "Checklist",
    "Thiếu giấy tờ bắt buộc: {names}. Hồ sơ chưa nộp được. Hãy hướng dẫn người dân bổ sung "
    "(in phiếu hướng dẫn), rồi bấm “Kết thúc hồ sơ”.",
)
MAX_COUNT = 20  # originals or copies of one paper; a bigger number is a slip of the finger
NO_POSTAL = QT_TRANSLATE_NOOP("Checklist", "Thủ tục này không nhận hồ sơ qua bưu điện.")
BAD_CONSIGNMENT = QT_TRANSLATE_NOOP(
    "Seal",
    "Số hiệu bưu gửi gồm 4 đến 32 chữ cái hoặc chữ số (ví dụ EE123456785VN). "
    "Hãy nhập lại hoặc quét mã vạch trên phiếu gửi.",
)
BAD_CHECK_DIGIT = QT_TRANSLATE_NOOP(
    "Seal", "Số hiệu bưu gửi này sai số kiểm tra: có thể gõ nhầm một chữ số. Hãy nhập lại hoặc quét mã vạch."
)
# The shape of the international item identifier (UPU S10): two letters, eight digits and a check
# digit, the country. Other numbers are taken as they are; these can be checked.
S10 = re.compile(r"[A-Z]{2}(\d{8})(\d)[A-Z]{2}")
S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


class ConsentMethod(enum.StrEnum):
    """How the answers were given (the store's CONSENT_METHODS): tapped on the screen, confirmed
    by a signature drawn on the screen, or on a signed paper form the agent keeps."""

    SCREEN = "screen"
    SIGNATURE = "signature"
    PAPER = "paper"


NEED_SIGNATURE = QT_TRANSLATE_NOOP(
    "Consent", "Hãy mời người dân ký vào khung chữ ký, hoặc chọn cách ghi nhận khác."
)
NEED_PAPER = QT_TRANSLATE_NOOP(
    "Consent", "Hãy xác nhận đã nhận phiếu đồng ý có chữ ký của người dân, hoặc chọn cách ghi nhận khác."
)
SCREEN_ONLY = QT_TRANSLATE_NOOP("Consent", "Ở ki-ốt, người dân chọn đồng ý ngay trên màn hình.")
# A signature is a line, not a tap: its strokes together must run this far (the pad's width is 1).
MIN_SIGNATURE_LENGTH = 0.3
MAX_STROKES = 200
MAX_STROKE_POINTS = 2000

# How the applicant's identity was taken, as the dossier records it. The demo citizen is neither.
IDENTITY_SOURCES = {Source.CHIP: IdentitySource.CHIP, Source.MANUAL: IdentitySource.MANUAL}
IDENTITY_SOURCE_WORDS = {
    IdentitySource.CHIP: QT_TRANSLATE_NOOP("Check", "Đọc từ chip thẻ căn cước"),
    IdentitySource.MANUAL: QT_TRANSLATE_NOOP("Check", "Nhập tay — cán bộ đã đối chiếu thẻ"),
}

# Who may take cash: staff the office has made accountable for money. A volunteer helps with the
# papers but does not handle the citizen's money; a kiosk has no one to take it.
CASH_ROLES = ALLOWED[Action.TAKE_CASH]
NO_CASH_VOLUNTEER = QT_TRANSLATE_NOOP(
    "Fee",
    "Tình nguyện viên không được thu tiền mặt. Hãy để người dân chuyển khoản bằng mã QR, "
    "hoặc nộp khi nhận kết quả.",
)
NO_CASH_KIOSK = QT_TRANSLATE_NOOP(
    "Fee", "Ki-ốt không nhận tiền mặt. Hãy chuyển khoản bằng mã QR, hoặc nộp tại quầy khi nhận kết quả."
)
NO_TRANSFER = QT_TRANSLATE_NOOP(
    "Fee", "Khoản này không nộp được bằng chuyển khoản ở đây. Hãy chọn cách nộp khác."
)
CONFIRM_AMOUNT_FIRST = QT_TRANSLATE_NOOP(
    "Fee", "Lệ phí này do tỉnh quy định: hãy nhập số tiền đã xác nhận trước khi thu."
)
BAD_AMOUNT = QT_TRANSLATE_NOOP("Fee", "Hãy nhập số tiền bằng chữ số, ví dụ 100000.")
NO_AMOUNT_TO_CONFIRM = QT_TRANSLATE_NOOP("Fee", "Số tiền của khoản này đã biết, không cần nhập.")
CHOOSE_METHOD: dict[ChargeKind, str] = {
    ChargeKind.STATE_FEE: QT_TRANSLATE_NOOP("Fee", "Hãy chọn cách nộp lệ phí."),
    ChargeKind.SERVICE_CHARGE: QT_TRANSLATE_NOOP("Fee", "Hãy chọn cách nộp phí dịch vụ."),
}


@dataclass(frozen=True, slots=True)
class CheckRow:
    """One answer on the check-answers page, with the page where it can be changed."""

    section: str
    label: str
    value: str
    edit: Step | None
    context: str = "Check"  # where the label was marked for translation
    value_context: str = ""  # where the value was marked, when it is a fixed sentence; else shown as is
    field: str = ""  # a form answer: the kiosk's "Sửa" opens that one question


class VisitError(ValueError):
    """A step cannot be completed yet; `message` says what to do, `field` names what is wrong."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(field or "visit")
        self.message = message
        self.field = field


class Visit:
    """The visit. Create a new one for every citizen; call wipe() when it ends."""

    def __init__(
        self,
        *,
        mode: Mode,
        catalog: Catalog,
        office_code: str,
        agent: str = "",
        agent_role: Role | None = None,
        agency: ReceivingAccount | None = None,
        service_charge: int = 0,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.flow = Flow(mode)
        self.catalog = catalog
        self.office_code = office_code
        self.agent = agent
        self.agent_role = agent_role
        # Where state fees go ([fee_account]) and the agent point's own charge; a kiosk belongs
        # to the agency and charges nothing of its own.
        self.agency = agency
        self.service_charge = service_charge if mode is Mode.AGENT else 0
        self._today = today
        self.identity: Identity | None = None
        self.procedure: Procedure | None = None
        self.authorised: Person | None = None
        self.relationship: Relationship | None = None
        self.authorisation_certified = False
        self.form_values: dict[str, str] = {}
        self.form_errors: dict[str, str] = {}
        # The kiosk asks the form one question a page: which one, the card's answers that must be
        # asked after all (wrong, or the citizen wants to change them), and whether "Sửa" on the
        # check page brought us here (then the answer goes straight back there).
        self.question = 0
        self._ask_again: set[str] = set()
        self._return_to_check = False
        self.pages: dict[str, list[PageImage]] = {}
        self.consents: dict[Consent, bool] = {}
        self.consent_method = ConsentMethod.SCREEN
        self.signature: list[tuple[tuple[float, float], ...]] = []  # strokes, pad-relative (0..1)
        self.paper_consent_signed = False
        # The paper check: what was handed over (by document code) and what is confirmed missing.
        self.paper: dict[str, ChecklistItem] = {}
        self.missing: set[str] = set()
        self.postal = False
        self.consignment = ""
        self.dossier: Dossier | None = None
        self.outcome: Outcome | None = None
        self.payments: dict[ChargeKind, Payment] = {}
        self._confirmed_fee: int | None = None
        self.rating: int | None = None
        self._manual = False
        self._card = False

    # -- navigation ----------------------------------------------------------------------------

    def facts(self) -> Facts:
        proc = self.procedure
        return Facts(
            manual_identity=self._manual,
            card_identity=self._card,
            has_documents=bool(proc and proc.documents),
            has_fee=bool(proc and (proc.payable(self.channel) or self.service_charge > 0)),
            delegated=self.authorised is not None,
            postal=self.postal,
        )

    @property
    def channel(self) -> Channel:
        """How the dossier reaches the agency: by post when the agent sends the paper that way."""
        return Channel.POSTAL if self.postal else Channel.DIRECT

    def documents(self) -> tuple[RequiredDocument, ...]:
        """The papers this dossier needs: the procedure's, with the written authorisation among the
        required ones when an authorised person submits it."""
        if self.procedure is None:
            return ()
        return documents_for(self.procedure, delegated=self.authorised is not None)

    def advance(self) -> Step | None:
        return self.flow.next(self.facts())

    # -- identify ------------------------------------------------------------------------------

    def start(self) -> Step | None:
        return self.advance()

    def use_demo_identity(self) -> Step | None:
        self._manual, self._card = False, False
        self._set_identity(demo_identity())
        return self.advance()

    def choose_manual_identity(self) -> Step | None:
        self._manual, self._card = True, False
        return self.advance()

    def choose_card_identity(self) -> Step | None:
        """The chip card: the card page asks for the access number and reads it."""
        self._manual, self._card = False, True
        return self.advance()

    def set_manual_identity(self, values: dict[str, str]) -> Step | None:
        try:
            identity = identity_from_manual(values, self._today())
        except IdentityError as exc:
            raise VisitError(exc.message, exc.field) from None
        self._set_identity(identity)
        return self.advance()

    def set_identity(self, identity: Identity) -> Step | None:
        """An identity read by a device (chip, card QR): move on from the identify page."""
        self._set_identity(identity)
        return self.advance()

    def _set_identity(self, identity: Identity) -> None:
        if self.identity is not None and self.identity is not identity:
            self.identity.wipe()
        self.identity = identity
        if self.procedure is not None:
            self._prefill()

    # -- procedure -----------------------------------------------------------------------------

    def search(self, text: str) -> list[Procedure]:
        return self.catalog.search(text)

    def choose_procedure(self, code: str) -> Step | None:
        procedure = self.catalog.get(code)
        if procedure is None:
            raise VisitError(
                QT_TRANSLATE_NOOP(
                    "Procedure", "Không tìm thấy thủ tục này. Hãy chọn một thủ tục trong danh sách."
                ),
                "procedure",
            )
        if self.procedure is not None and self.procedure.code != code:
            self.form_values = {}
            self.pages = {}
            self.paper, self.missing, self.postal = {}, set(), False
        self.procedure = procedure
        self.question, self._ask_again, self._return_to_check = 0, set(), False
        self._prefill()
        return self.advance()

    def _prefill(self) -> None:
        assert self.procedure is not None
        if self.identity is None:
            return
        filled = forms.prefill(self.procedure.form, self.identity.as_fields())
        for key, value in filled.items():
            self.form_values.setdefault(key, value)
        # A card value the form refuses (too long, an old format) is asked like any other.
        errors = forms.validate(self.procedure.form, self.form_values, self._today())
        self._ask_again |= {key for key in filled if key in errors}

    def prefilled_keys(self) -> set[str]:
        if self.procedure is None or self.identity is None:
            return set()
        return {f.key for f in self.procedure.form.fields if f.prefill and self.identity.value(f.prefill)}

    # -- authorised person (agent point) -------------------------------------------------------

    def set_delegation(self, person: dict[str, str] | None) -> Step | None:
        """None: the applicant is at the desk. Otherwise the authorised person's details, their
        `relationship` to the applicant (a `Relationship` value) and, for anyone but a close
        relative, `certified` ("true") once the agent has seen the authorisation certified."""
        if person is None:
            self.authorised, self.relationship, self.authorisation_certified = None, None, False
            return self.advance()
        assert self.procedure is not None
        if not self.procedure.may_delegate:
            raise VisitError(NOT_DELEGABLE, "delegate")
        name = " ".join(nfc(person.get("full_name", "")).split())
        id_number = person.get("id_number", "").strip()
        if len(name) < 2:
            raise VisitError(
                QT_TRANSLATE_NOOP("Delegate", "Hãy nhập họ tên người được ủy quyền."), "full_name"
            )
        if len(id_number) != 12 or not id_number.isdigit():
            raise VisitError(
                QT_TRANSLATE_NOOP("Delegate", "Số định danh của người được ủy quyền gồm 12 chữ số."),
                "id_number",
            )
        try:
            relationship = Relationship(person.get("relationship", ""))
        except ValueError:
            raise VisitError(CHOOSE_RELATIONSHIP, "relationship") from None
        certified = person.get("certified", "") == "true"
        if not relationship.close_relative and not certified:
            raise VisitError(NEED_CERTIFIED, "certified")
        self.relationship = relationship
        self.authorisation_certified = certified and not relationship.close_relative
        self.authorised = Person(
            full_name=name,
            id_number=id_number,
            phone=person.get("phone", "").strip(),
            relationship=relationship.label,
        )
        return self.advance()

    # -- form ----------------------------------------------------------------------------------

    def set_field(self, key: str, value: str) -> None:
        self.form_values[key] = value
        self.form_errors.pop(key, None)

    def submit_form(self) -> Step | None:
        assert self.procedure is not None
        self.form_values = forms.clean(self.form_values)
        self.form_errors = forms.validate(self.procedure.form, self.form_values, self._today())
        if self.form_errors:
            first = next(iter(self.form_errors))
            raise VisitError(self.form_errors[first], first)
        return self.advance()

    # -- one question a page (the kiosk) -------------------------------------------------------

    @property
    def one_question(self) -> bool:
        """The kiosk asks the form one question a page, with the keyboard under it; the agent
        point, with a real keyboard and a trained hand, gets the whole form at once."""
        return self.flow.mode is Mode.KIOSK

    def questions(self) -> list[FormField]:
        """The fields the kiosk asks, in the form's order: all but what the card already told us
        (WCAG 3.3.7), which shows on the check page with its own "Sửa"."""
        if self.procedure is None:
            return []
        prefilled = self.prefilled_keys()
        return [f for f in self.procedure.form.fields if f.key not in prefilled or f.key in self._ask_again]

    def question_field(self) -> FormField | None:
        asked = self.questions()
        if not asked:
            return None
        self.question = max(0, min(self.question, len(asked) - 1))
        return asked[self.question]

    def next_question(self) -> Step | None:
        """Check this page's answer alone; then the next question, or the form is done."""
        field = self.question_field()
        if field is not None:
            self.form_values[field.key] = forms.clean({field.key: self.form_values.get(field.key, "")})[
                field.key
            ]
            errors = forms.validate(FormSchema((field,)), self.form_values, self._today())
            if field.key in errors:
                self.form_errors[field.key] = errors[field.key]
                raise VisitError(errors[field.key], field.key)
            self.form_errors.pop(field.key, None)
            if self.question + 1 < len(self.questions()) and not self._return_to_check:
                self.question += 1
                return None
        try:
            step = self.submit_form()
        except VisitError as exc:
            self._show_question(exc.field)
            raise
        if self._return_to_check:
            self._return_to_check = False
            # Back to the check page the citizen came from: the papers are already photographed.
            if step is Step.DOCUMENTS and not self._documents_missing():
                step = self.advance()
        return step

    def previous_question(self) -> bool:
        """One question back; False on the first, where "Quay lại" leaves the form."""
        if self.question > 0 and not self._return_to_check:
            self.question -= 1
            return True
        return False

    def edit_field(self, key: str) -> Step:
        """ "Sửa" beside a form answer on the check page: that question, then back to the check."""
        step = self.edit(Step.FORM)
        if self.one_question:
            self._show_question(key)
            self._return_to_check = True
        return step

    def _show_question(self, key: str) -> None:
        if self.procedure is None or self.procedure.form.field(key) is None:
            return
        if key not in [f.key for f in self.questions()]:
            self._ask_again.add(key)
        self.question = [f.key for f in self.questions()].index(key)

    def back(self) -> Step:
        """ "Quay lại": into the form, at its last question."""
        step = self.flow.back()
        if step is Step.FORM:
            self._return_to_check = False
            self.question = max(0, len(self.questions()) - 1)
        return step

    # -- the paper check at the desk (agent point) ---------------------------------------------

    def _document(self, code: str) -> RequiredDocument:
        for document in self.documents():
            if document.code == code:
                return document
        raise ValueError(f"{code} is not a document of this dossier")

    def tick_document(self, code: str, handed: bool) -> None:
        """The citizen handed this paper over (with the catalogue's counts to start from), or not."""
        document = self._document(code)
        if not handed:
            self.paper.pop(code, None)
            return
        self.missing.discard(code)
        if code not in self.paper:
            originals, copies = document.originals, document.copies
            self.paper[code] = ChecklistItem(code, originals or (0 if copies else 1), copies)

    def count_document(self, code: str, kind: Literal["originals", "copies"], delta: int) -> None:
        """One more or one fewer original or copy of a paper; none of either means not handed over."""
        self._document(code)
        item = self.paper.get(code, ChecklistItem(code))
        counted = replace(item, **{kind: max(0, min(MAX_COUNT, getattr(item, kind) + delta))})
        if counted.originals + counted.copies == 0:
            self.paper.pop(code, None)
        else:
            self.paper[code] = counted
            self.missing.discard(code)

    def mark_missing(self, code: str, missing: bool) -> None:
        """The agent confirms a required paper is not there (an optional one is simply not ticked)."""
        if not missing:
            self.missing.discard(code)
        elif self._document(code).required:
            self.missing.add(code)
            self.paper.pop(code, None)

    def postal_offered(self) -> bool:
        return (
            self.flow.mode is Mode.AGENT
            and self.procedure is not None
            and self.procedure.channel(Channel.POSTAL) is not None
        )

    def set_postal(self, postal: bool) -> None:
        """The paper dossier goes to the agency by post (Channel.POSTAL, KenhThucHien 3)."""
        if postal and not self.postal_offered():
            raise VisitError(NO_POSTAL, "postal")
        self.postal = postal

    def checklist(self) -> tuple[ChecklistItem, ...]:
        """What was handed over, in the order of the documents."""
        return tuple(self.paper[d.code] for d in self.documents() if d.code in self.paper)

    def checklist_done(self) -> Step | None:
        """Every required paper handed over: on to the scans. One the agent confirmed missing
        stops the case here: a dossier without it would be refused, so it is not submitted."""
        required = [d for d in self.documents() if d.required]
        for document in required:
            if document.code not in self.paper and document.code not in self.missing:
                raise VisitError(CHECK_OR_MISSING.format(name=document.name), document.code)
        absent = [d.name for d in required if d.code in self.missing]
        if absent:
            raise VisitError(CANNOT_SUBMIT.format(names="; ".join(absent)), "missing")
        return self.advance()

    # -- documents -----------------------------------------------------------------------------

    def add_page(self, document_code: str, page: PageImage) -> None:
        self.pages.setdefault(document_code, []).append(page)

    def remove_page(self, document_code: str, index: int) -> None:
        pages = self.pages.get(document_code, [])
        if 0 <= index < len(pages):
            del pages[index]

    def replace_page(self, document_code: str, index: int, page: PageImage) -> None:
        """A page taken again in place of page `index`."""
        pages = self.pages.get(document_code, [])
        if 0 <= index < len(pages):
            pages[index] = page

    def move_page(self, document_code: str, index: int, to: int) -> None:
        """Move page `index` to position `to` (both within the document's pages; else nothing)."""
        pages = self.pages.get(document_code, [])
        if 0 <= index < len(pages) and 0 <= to < len(pages):
            pages.insert(to, pages.pop(index))

    def documents_done(self) -> Step | None:
        assert self.procedure is not None
        missing = self._documents_missing()
        if missing is not None:
            raise VisitError(NEED_PAGES.format(name=missing.name), missing.code)
        return self.advance()

    def _documents_missing(self) -> RequiredDocument | None:
        """The first required paper without a photographed page."""
        return next((d for d in self.documents() if d.required and not self.pages.get(d.code)), None)

    # -- check answers and consent -------------------------------------------------------------

    def check_rows(self) -> list[CheckRow]:
        assert self.procedure is not None and self.identity is not None
        who = QT_TRANSLATE_NOOP("Check", "Người nộp hồ sơ")
        rows = [
            CheckRow(
                who,
                IDENTITY_FIELDS[key],
                self.identity.value(key),
                Step.IDENTITY_MANUAL if self._manual else None,
                context="Identity",
            )
            for key in ("full_name", "id_number", "date_of_birth")
        ]
        source = self.identity_source()
        if self.flow.mode is Mode.AGENT and source is not None:
            rows.append(
                CheckRow(
                    who,
                    QT_TRANSLATE_NOOP("Check", "Thông tin lấy từ"),
                    IDENTITY_SOURCE_WORDS[source],
                    Step.IDENTITY_MANUAL if self._manual else None,
                    value_context="Check",
                )
            )
        if self.authorised is not None:
            section = QT_TRANSLATE_NOOP("Check", "Người được ủy quyền")
            rows += [
                CheckRow(
                    section, QT_TRANSLATE_NOOP("Check", "Họ và tên"), self.authorised.full_name, Step.DELEGATE
                ),
                CheckRow(
                    section,
                    QT_TRANSLATE_NOOP("Check", "Số định danh"),
                    self.authorised.id_number,
                    Step.DELEGATE,
                ),
                CheckRow(
                    section,
                    QT_TRANSLATE_NOOP("Check", "Quan hệ với chủ hồ sơ"),
                    self.authorised.relationship,
                    Step.DELEGATE,
                    value_context="Delegate",
                ),
                CheckRow(
                    section,
                    QT_TRANSLATE_NOOP("Check", "Chứng thực ủy quyền"),
                    certification_words(self.relationship),
                    Step.DELEGATE,
                    value_context="Delegate",
                ),
            ]
        proc_section = QT_TRANSLATE_NOOP("Check", "Thủ tục")
        rows.append(
            CheckRow(
                proc_section, QT_TRANSLATE_NOOP("Check", "Tên thủ tục"), self.procedure.name, Step.PROCEDURE
            )
        )
        rows.append(
            CheckRow(
                proc_section,
                QT_TRANSLATE_NOOP("Check", "Lệ phí"),
                self.procedure.fee_text(self.channel),
                None,
            )
        )
        form_section = QT_TRANSLATE_NOOP("Check", "Tờ khai")
        for field in self.procedure.form.fields:
            value = self.form_values.get(field.key, "")
            if value:
                rows.append(
                    CheckRow(
                        form_section,
                        field.label,
                        forms.display_value(field, value),
                        Step.FORM,
                        field=field.key,
                    )
                )
        doc_section = QT_TRANSLATE_NOOP("Check", "Giấy tờ")
        for doc in self.documents():
            count = len(self.pages.get(doc.code, []))
            rows.append(
                CheckRow(
                    doc_section,
                    doc.name,
                    QT_TRANSLATE_NOOP("Check", "{n} trang").format(n=count),
                    Step.DOCUMENTS,
                )
            )
        if self.flow.mode is Mode.AGENT and self.procedure.documents:
            rows += self._paper_rows()
        return rows

    def _paper_rows(self) -> list[CheckRow]:
        """The agent's paper check on the check page: what was handed over and how it travels."""
        section = QT_TRANSLATE_NOOP("Check", "Hồ sơ giấy đã nhận")
        names = {d.code: d.name for d in self.documents()}
        rows = [
            CheckRow(
                section,
                names[item.document_code],
                paper_counts(item.originals, item.copies),
                Step.CHECKLIST,
            )
            for item in self.checklist()
        ]
        sending = (
            QT_TRANSLATE_NOOP("Check", "Gửi hồ sơ giấy qua bưu điện")
            if self.postal
            else QT_TRANSLATE_NOOP("Check", "Không gửi qua bưu điện")
        )
        rows.append(
            CheckRow(
                section,
                QT_TRANSLATE_NOOP("Check", "Cách gửi"),
                sending,
                Step.CHECKLIST,
                value_context="Check",
            )
        )
        return rows

    def edit(self, step: Step) -> Step:
        return self.flow.jump_back_to(step)

    def confirm_check(self) -> Step | None:
        return self.advance()

    def set_consent(self, purpose: Consent, granted: bool) -> None:
        self.consents[purpose] = granted

    def set_consent_method(self, method: ConsentMethod) -> None:
        if method is not ConsentMethod.SCREEN and self.flow.mode is not Mode.AGENT:
            raise VisitError(SCREEN_ONLY, "consent_method")
        self.consent_method = method

    def add_signature_stroke(self, points: Sequence[tuple[float, float]]) -> None:
        """One stroke of the signature, in pad-relative coordinates (0..1 across and down)."""
        if len(self.signature) >= MAX_STROKES:
            return
        stroke = tuple((min(1.0, max(0.0, x)), min(1.0, max(0.0, y))) for x, y in points[:MAX_STROKE_POINTS])
        if stroke:
            self.signature.append(stroke)

    def clear_signature(self) -> None:
        self.signature.clear()

    def signature_length(self) -> float:
        return sum(
            math.dist(a, b) for stroke in self.signature for a, b in zip(stroke, stroke[1:], strict=False)
        )

    def set_paper_consent_signed(self, signed: bool) -> None:
        self.paper_consent_signed = signed

    def confirm_consent(self) -> Step | None:
        if not self.consents.get(Consent.TRANSMIT):
            raise VisitError(NEED_TRANSMIT_CONSENT, Consent.TRANSMIT.value)
        if self.consent_method is ConsentMethod.SIGNATURE and self.signature_length() < MIN_SIGNATURE_LENGTH:
            raise VisitError(NEED_SIGNATURE, "signature")
        if self.consent_method is ConsentMethod.PAPER and not self.paper_consent_signed:
            raise VisitError(NEED_PAPER, "paper")
        return self.advance()

    # -- submission ----------------------------------------------------------------------------

    def build_dossier(self, pack_pdf: PackPdf) -> Dossier:
        """The dossier, made once: building it again returns the same one (same idempotency key)."""
        if self.dossier is not None:
            return self.dossier
        assert self.procedure is not None and self.identity is not None
        attachments = []
        for doc in self.documents():
            pages = self.pages.get(doc.code, [])
            if not pages:
                continue
            attachments.append(
                Attachment(
                    document_code=doc.code,
                    document_name=doc.name,
                    filename=f"{_slug(doc.name)}.pdf",
                    data=pack_pdf(pages),
                    pages=len(pages),
                )
            )
        applicant = Person(
            full_name=self.identity.full_name,
            id_number=self.identity.id_number,
            date_of_birth=self.identity.value("date_of_birth"),
            address=self.identity.place_of_residence,
        )
        self.dossier = Dossier(
            procedure_code=self.procedure.code,
            procedure_name=self.procedure.name,
            applicant=applicant,
            office_code=self.office_code,
            channel=self.channel,
            form=dict(self.form_values),
            attachments=attachments,
            authorised=self.authorised,
            agent=self.agent,
            fee=self.procedure.fee(self.channel),
            identity_source=self.identity_source(),
            checklist=self.checklist() if self.flow.mode is Mode.AGENT else (),
        )
        return self.dossier

    def identity_source(self) -> IdentitySource | None:
        return IDENTITY_SOURCES.get(self.identity.source) if self.identity is not None else None

    # -- the sealed envelope (agent point, by post) --------------------------------------------

    def check_consignment(self, text: str) -> str:
        """The consignment (seal) number as typed or scanned, normalised; VisitError if it cannot be
        one. Kept once the store has it (`sealed`)."""
        number = "".join(text.split()).upper()
        if not re.fullmatch(r"[A-Z0-9-]{4,32}", number):
            raise VisitError(BAD_CONSIGNMENT, "consignment")
        s10 = S10.fullmatch(number)
        if s10 and s10_check_digit(s10.group(1)) != int(s10.group(2)):
            raise VisitError(BAD_CHECK_DIGIT, "consignment")
        return number

    def sealed(self, number: str) -> Step | None:
        self.consignment = number
        return self.advance()

    def submitted(self, outcome: Outcome) -> Step | None:
        self.outcome = outcome
        return self.advance()

    # -- fee -----------------------------------------------------------------------------------

    def fees(self) -> Fees | None:
        """The dossier's charges, once it is submitted: their payment references name it (by its
        code, or by the local reference while the portal has not given one)."""
        if self.procedure is None or self.outcome is None:
            return None
        reference = self.outcome.dossier_code or self.outcome.local_reference
        fees = fees_for(
            self.procedure,
            self.channel,
            reference,
            agency=self.agency,
            service_charge=self.service_charge,
        )
        if self._confirmed_fee is not None and fees.state_fee.indicative:
            fees = replace(fees, state_fee=fees.state_fee.confirmed(self._confirmed_fee))
        return fees

    def due(self) -> list[Charge]:
        """The charges the fee page asks about: a state fee to pay (or one the province sets,
        amount unknown), and an agent point's service charge."""
        fees = self.fees()
        if fees is None:
            return []
        state, service = fees.state_fee, fees.service_charge
        return [c for c in (state, service) if c.amount > 0 or c.indicative]

    def _due(self, kind: ChargeKind) -> Charge:
        for charge in self.due():
            if charge.kind is kind:
                return charge
        raise ValueError(f"no {kind.value} is due on this visit")

    def confirm_fee_amount(self, text: str) -> None:
        """The amount staff confirmed for a fee the province sets ("100.000" or "100000" đồng).
        A payment recorded before at another amount no longer holds and is dropped."""
        charge = self._due(ChargeKind.STATE_FEE)
        if not (charge.indicative or self._confirmed_fee is not None):
            raise VisitError(NO_AMOUNT_TO_CONFIRM, "amount")
        digits = "".join(text.split()).replace(".", "")
        if not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) <= MAX_AMOUNT:
            raise VisitError(BAD_AMOUNT, "amount")
        self._confirmed_fee = int(digits)
        self.payments.pop(ChargeKind.STATE_FEE, None)

    def record_payment(
        self,
        kind: ChargeKind,
        method: Method,
        *,
        paid: bool = False,
        transaction_id: str = "",
        now: datetime | None = None,
    ) -> Payment:
        """How a charge is paid, as chosen by the citizen or recorded by the agent. A transfer
        recorded at the agent point is one the agent saw succeed on the citizen's phone; at the
        kiosk nobody sees it. `paid`: the payment gateway said so. Cash only where an accountable
        member of staff takes it (never a kiosk, never a volunteer)."""
        charge = self._due(kind)
        agent_mode = self.flow.mode is Mode.AGENT
        if method is Method.CASH:
            if not agent_mode:
                raise VisitError(NO_CASH_KIOSK, "cash")
            if self.agent_role not in CASH_ROLES:
                raise VisitError(NO_CASH_VOLUNTEER, "cash")
        if charge.indicative and method is not Method.AT_COUNTER_LATER:
            raise VisitError(CONFIRM_AMOUNT_FIRST, "amount")
        # A VietQR needs the agency's account; a gateway only an amount to ask for.
        if (method is Method.VIETQR and charge.vietqr() is None) or (
            method is Method.GATEWAY and charge.amount <= 0
        ):
            raise VisitError(NO_TRANSFER, method.value)
        if method is Method.CASH:
            state = PaymentState.RECEIVED
        elif method is Method.AT_COUNTER_LATER:
            state = PaymentState.DUE
        elif method is Method.GATEWAY:
            state = PaymentState.PAID if paid else PaymentState.UNCONFIRMED
        else:
            state = PaymentState.SEEN if agent_mode else PaymentState.UNCONFIRMED
        payment = Payment(
            kind=kind,
            amount=None if charge.indicative else charge.amount,
            method=method,
            state=state,
            reference=charge.reference,
            recorded_by=self.agent or "kiosk",
            recorded_at=now or datetime.now().astimezone(),
            transaction_id=transaction_id,
        )
        self.payments[kind] = payment
        return payment

    def check_fee(self) -> None:
        """Every charge due has a way of payment; VisitError naming the first that has none."""
        for charge in self.due():
            if charge.kind not in self.payments:
                raise VisitError(CHOOSE_METHOD[charge.kind], charge.kind.value)

    def transfer_to_print(self) -> Charge | None:
        """The state fee whose VietQR the receipt carries: chosen at the kiosk and not seen paid,
        so the citizen can still pay it from the slip. Never one already seen or paid, which a
        second scan would pay twice."""
        payment = self.payments.get(ChargeKind.STATE_FEE)
        if payment is None or (payment.method, payment.state) != (Method.VIETQR, PaymentState.UNCONFIRMED):
            return None
        return self._due(ChargeKind.STATE_FEE)

    def fee_done(self) -> Step | None:
        self.check_fee()
        return self.advance()

    def receipt_done(self) -> Step | None:
        return self.advance()

    def rate(self, score: int) -> None:
        if not 1 <= score <= 5:
            raise VisitError(QT_TRANSLATE_NOOP("Rating", "Hãy chọn một mức từ 1 đến 5."), "rating")
        self.rating = score

    # -- the end -------------------------------------------------------------------------------

    def wipe(self) -> None:
        """Forget everything personal; the object is unusable afterwards but safe to keep."""
        if self.identity is not None:
            self.identity.wipe()
        self.identity = None
        self.authorised = None
        self.relationship = None
        self.authorisation_certified = False
        self.form_values.clear()
        self.form_errors.clear()
        self.pages.clear()
        self.consents.clear()
        self.consent_method = ConsentMethod.SCREEN
        self.signature.clear()
        self.paper_consent_signed = False
        self.paper.clear()
        self.missing.clear()
        self.postal = False
        self.consignment = ""
        self.dossier = None
        self.outcome = None
        self.payments.clear()
        self._confirmed_fee = None
        self.procedure = None
        self.flow.reset()


def s10_check_digit(serial: str) -> int:
    """The check digit of an S10 item identifier's eight-digit serial number (UPU S10)."""
    remainder = 11 - sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True)) % 11
    return {10: 0, 11: 5}.get(remainder, remainder)


def _slug(name: str) -> str:
    return fold(name).replace(" ", "-")[:60] or "giay-to"
