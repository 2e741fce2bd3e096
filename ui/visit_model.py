"""The visit as Qt properties and slots for QML: a thin view model over `egov.visit.Visit`.

QML reads properties (all notified by one `changed` signal: pages re-read what they show) and calls
slots; device and network work goes to `Jobs`, never the GUI thread. Every sentence shown comes from
the domain's marked texts, translated here with the context they were marked with.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

from egov.consent_form import consent_form_slip
from egov.delegation import RELATIONSHIP_LABELS
from egov.dossier import Dossier
from egov.fees import Charge, Payment, ReceivingAccount
from egov.flow import Mode, Step
from egov.identity import Identity, format_date
from egov.intake_slip import intake_slip, mark_reprint_copies
from egov.outbox import Delivery, Outcome, local_reference
from egov.receipt import Block, checklist_slip, mask_name, receipt_for_dossier, tracking_url
from egov.store.models import Role
from egov.store.payments import record_payments
from egov.text import QT_TRANSLATE_NOOP
from egov.visit import CONSENT_TEXT_VERSION, CONSENT_TEXTS, Consent, ConsentMethod, Visit, VisitError
from egov.workdays import load_holidays
from hardware.card.errors import CardError
from hardware.card.keys import AccessKey, CanKey, CardQr, keys_for
from hardware.card.pa import Verdict
from hardware.card.reader import CardRead, to_identity
from hardware.printer.station import PrinterState
from hardware.qr import card_qr_in, read_codes
from hardware.samples import card_photos
from hardware.scanner.camera import Camera, CameraError, SampleCamera
from hardware.scanner.pack import BudgetError
from ui.card_watch import CardWatch
from ui.fee_model import FeeModel
from ui.feedback_model import FeedbackModel
from ui.jobs import Jobs
from ui.printer_model import PrinterModel
from ui.qr import qr_image
from ui.scan_model import TOO_BIG, ScanModel, dossier_packer
from ui.services import Services
from ui.signature import signature_png
from ui.translation import tr

log = logging.getLogger(__name__)

GENERIC_FAILURE = "Đã có lỗi. Xin hãy thử lại hoặc bấm “Gọi nhân viên hỗ trợ”."
SLIP_PRINTED = QT_TRANSLATE_NOOP("Visit", "Đã in phiếu.")


def _readonly(kind: type | str, getter: Callable[[Any], Any], notify: Signal) -> Property:
    return Property(kind, getter, notify=notify)


class VisitModel(QObject):
    changed = Signal()
    visitEnded = Signal()  # the agent point goes back to its case list

    def __init__(
        self,
        services: Services,
        mode: Mode,
        jobs: Jobs,
        printer: PrinterModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._mode = mode
        self._jobs = jobs
        self._printer = printer
        self.printer = printer  # the agent point prints its end-of-day slip through it too
        printer.jobEnded.connect(self._on_print_end)
        self._agent = ""
        self._agent_role: Role | None = None
        self._agent_name = ""  # as the account shows it: the intake slip names who received the dossier
        # Where state fees are paid by VietQR; checked when the settings were loaded.
        self._agency = ReceivingAccount.from_settings(services.settings.fee_account)
        self._search = ""
        self._message = ""
        self._message_field = ""
        self._busy = False
        self._receipt_path = ""
        # The visit's receipt as printed first, kept for a reprint until the visit ends; the job
        # in progress or last ended, and what became of it: printing | printed | refused | uncertain.
        self._receipt_slip: list[Block] = []
        self._receipt_job = ""
        self._print_state = ""
        # A slip printed beside the visit's own (the consent form, the papers to bring): its job
        # and what became of it, in words for the page.
        self._side_job = ""
        self._side_note = ""
        self._revision = 0
        self._help = False
        self._idle_left = 0
        # One hold on the shared camera per visit, taken by the first QR scan (a second scan then
        # needs no reopen) and let go when the visit ends; touched only on the jobs camera thread.
        self._camera_open = False
        # The card read in agent mode waits here for the agent to look at the photo and accept it.
        self._card_state = "enter"  # enter | scanning (the card's QR) | reading | review
        self._card_read: CardRead | None = None
        self._pending_identity: Identity | None = None
        self._card_qr_note = ""  # "the QR was read", with the name masked, while the chip is read
        # At the kiosk the chip's photo is kept, hidden, for the check page's "Xem ảnh": a copy we
        # can zero at the end (the read's own bytes are immutable and only dropped).
        self._face: bytearray | None = None
        self._face_shown = False
        # The receipt previews (preview:// printer) of this kiosk visit, deleted when it ends, and
        # receipts still printing when a visit ended, whose previews go as soon as they are written.
        self._slip_files: list[str] = []
        self._orphan_slips: set[str] = set()
        self._card_watch = CardWatch(services.card, self)
        self._card_watch.changed.connect(self.changed)
        self.visit = self._new_visit()
        self._scan = ScanModel(
            services.camera,
            services.settings,
            agent_mode=mode is Mode.AGENT,
            visit=lambda: self.visit,
            pages_changed=self._update,
            parent=self,
        )
        self.changed.connect(lambda: self._scan.follow(self.visit.flow.current))
        self._fee = FeeModel(
            services,
            mode,
            jobs,
            visit=lambda: self.visit,
            report=self._update,
            finish=self.feeDone,
            parent=self,
        )
        self._feedback = FeedbackModel(
            services, jobs, actor=lambda: self._agent or "kiosk", finish=self.finish, parent=self
        )

    def _new_visit(self) -> Visit:
        return Visit(
            mode=self._mode,
            catalog=self._services.catalog,
            office_code=self._services.settings.office.code,
            agent=self._agent,
            agent_role=self._agent_role,
            agency=self._agency,
            service_charge=self._services.settings.office.service_charge,
        )

    # -- plumbing ------------------------------------------------------------------------------

    def _update(self, message: str = "", field: str = "") -> None:
        self._message, self._message_field = message, field
        if self.visit.flow.current is not Step.CHECK:
            self._face_shown = False  # asked to be seen on the check page, hidden again off it
        self._revision += 1
        self.changed.emit()

    def _act(self, action: Callable[[], Any], context: str = "Visit") -> None:
        """Run a visit step; a VisitError becomes the page's message, never an exception in QML."""
        try:
            action()
        except VisitError as exc:
            self._update(tr(context, exc.message), exc.field)
            return
        self._update()

    def set_agent(self, username: str, role: Role | None = None, display_name: str = "") -> None:
        """The signed-in member of staff; the role decides what they may record (cash or not), the
        display name is the receiving employee on the intake slip."""
        self._agent, self._agent_role, self._agent_name = username, role, display_name
        self.visit.agent, self.visit.agent_role = username, role

    # -- properties ----------------------------------------------------------------------------

    _prop = functools.partial(_readonly, notify=changed)

    page = _prop(str, lambda self: self.visit.flow.current.value)
    mode = _prop(str, lambda self: self._mode.value)
    stageNumber = _prop(int, lambda self: self.visit.flow.stage()[0])
    stageCount = _prop(int, lambda self: self.visit.flow.stage()[1])
    stageName = _prop(str, lambda self: tr("Flow", self.visit.flow.stage()[2]))
    canGoBack = _prop(bool, lambda self: self.visit.flow.can_go_back())
    busy = _prop(bool, lambda self: self._busy)
    message = _prop(str, lambda self: self._message)
    messageField = _prop(str, lambda self: self._message_field)
    officeName = _prop(str, lambda self: self._services.settings.office.name)
    hotline = _prop(str, lambda self: self._services.settings.office.hotline)
    catalogVersion = _prop(str, lambda self: self._services.catalog.version)
    catalogDate = _prop(str, lambda self: format_date(self._services.catalog.date))
    demoAvailable = _prop(bool, lambda self: self._services.settings.identity.demo)
    isSample = _prop(bool, lambda self: bool(self.visit.identity and self.visit.identity.is_sample))
    agentName = _prop(str, lambda self: self._agent)
    helpRequested = _prop(bool, lambda self: self._help)
    searchText = _prop(str, lambda self: self._search)
    idleSecondsLeft = _prop(int, lambda self: self._idle_left)

    def _procedures(self) -> list[dict[str, Any]]:
        found = self.visit.search(self._search) if self._search.strip() else self._services.catalog.popular(8)
        return [self._procedure_row(p) for p in found[:12]]

    @staticmethod
    def _procedure_row(p: Any) -> dict[str, Any]:
        direct = p.channel("direct")
        days = direct.processing_days if direct else None
        return {
            "code": p.code,
            "name": p.name,
            "field": p.field,
            "fee": p.fee_text("direct"),
            "days": days if days is not None else -1,
            "delegable": p.may_delegate,
        }

    procedures = _prop("QVariantList", _procedures)

    def _procedure(self) -> dict[str, Any]:
        return self._procedure_row(self.visit.procedure) if self.visit.procedure else {}

    procedure = _prop("QVariantMap", _procedure)

    def _form_fields(self) -> list[dict[str, Any]]:
        proc = self.visit.procedure
        if proc is None:
            return []
        prefilled = self.visit.prefilled_keys()
        return [
            {
                "key": f.key,
                "label": f.label,
                "type": f.type,
                "required": f.required,
                "help": f.help or "",
                "value": self.visit.form_values.get(f.key, ""),
                "error": self.visit.form_errors.get(f.key, ""),
                "prefilled": f.key in prefilled,
                "choices": [{"value": c.value, "label": c.label} for c in (f.choices or ())],
            }
            for f in proc.form.fields
        ]

    formFields = _prop("QVariantList", _form_fields)

    def _question(self) -> dict[str, Any]:
        # The kiosk's one question on this page, shaped like a formFields entry.
        field = self.visit.question_field()
        if field is None:
            return {}
        return next(f for f in self._form_fields() if f["key"] == field.key)

    question = _prop("QVariantMap", _question)
    questionNumber = _prop(int, lambda self: self.visit.question + 1 if self.visit.question_field() else 0)
    questionCount = _prop(int, lambda self: len(self.visit.questions()))
    oneQuestion = _prop(bool, lambda self: self.visit.one_question)

    def _documents(self) -> list[dict[str, Any]]:
        return [
            {
                "code": d.code,
                "name": d.name,
                "originals": d.originals,
                "copies": d.copies,
                "required": d.required,
                "note": d.note or "",
                "pages": [
                    f"image://visit/thumb/{d.code}/{i}/{self._revision}"
                    for i in range(len(self.visit.pages.get(d.code, [])))
                ],
            }
            for d in self.visit.documents()
        ]

    documents = _prop("QVariantList", _documents)

    def _checklist(self) -> list[dict[str, Any]]:
        """The agent's paper check: one line per document, with what was handed over."""
        visit = self.visit
        rows = []
        for d in visit.documents():
            item = visit.paper.get(d.code)
            rows.append(
                {
                    "code": d.code,
                    "name": d.name,
                    "required": d.required,
                    "note": d.note or "",
                    "handed": item is not None,
                    "missing": d.code in visit.missing,
                    "originals": item.originals if item else 0,
                    "copies": item.copies if item else 0,
                    "listedOriginals": d.originals,
                    "listedCopies": d.copies,
                }
            )
        return rows

    checklist = _prop("QVariantList", _checklist)
    postalOffered = _prop(bool, lambda self: self.visit.postal_offered())
    postal = _prop(bool, lambda self: self.visit.postal)
    consignment = _prop(str, lambda self: self.visit.consignment)
    relationships = _prop(
        "QVariantList",
        lambda self: [
            {"value": r.value, "label": tr("Delegate", label)} for r, label in RELATIONSHIP_LABELS.items()
        ],
    )
    authorisedPerson = _prop("QVariantMap", lambda self: self._authorised_person())
    consentMethod = _prop(str, lambda self: self.visit.consent_method.value)
    signatureStrokes = _prop(
        "QVariantList", lambda self: [[list(p) for p in s] for s in self.visit.signature]
    )
    paperConsentSigned = _prop(bool, lambda self: self.visit.paper_consent_signed)
    sideNote = _prop(str, lambda self: self._side_note)
    sidePrinting = _prop(bool, lambda self: bool(self._side_job))
    scan = Property(QObject, lambda self: self._scan, constant=True)  # the documents step's camera
    fee = Property(QObject, lambda self: self._fee, constant=True)  # the fee step's charges and QR
    feedback = Property(QObject, lambda self: self._feedback, constant=True)  # the rating's screens

    def _authorised_person(self) -> dict[str, Any]:
        """The authorised person as recorded, for the delegate page when the agent comes back to it."""
        person, visit = self.visit.authorised, self.visit
        if person is None or visit.relationship is None:
            return {}
        return {
            "full_name": person.full_name,
            "id_number": person.id_number,
            "phone": person.phone,
            "relationship": visit.relationship.value,
            "certified": visit.authorisation_certified,
        }

    def _check_rows(self) -> list[dict[str, str]]:
        if self.visit.procedure is None or self.visit.identity is None:
            return []
        return [
            {
                "section": tr("Check", r.section),
                "label": tr(r.context, r.label),
                "value": tr(r.value_context, r.value) if r.value_context else r.value,
                "edit": r.edit.value if r.edit else "",
                "field": r.field,
            }
            for r in self.visit.check_rows()
        ]

    checkRows = _prop("QVariantList", _check_rows)

    def _consents(self) -> list[dict[str, Any]]:
        return [
            {
                "purpose": purpose.value,
                "text": tr("Consent", text),
                "required": required,
                "granted": self.visit.consents.get(purpose, False),
                "answered": purpose in self.visit.consents,
            }
            for purpose, (text, required) in CONSENT_TEXTS.items()
        ]

    consents = _prop("QVariantList", _consents)

    def _outcome(self) -> Outcome | None:
        return self.visit.outcome

    dossierCode = _prop(str, lambda self: (self._outcome() and self._outcome().dossier_code) or "")
    localReference = _prop(str, lambda self: self._outcome().local_reference if self._outcome() else "")
    delivered = _prop(
        bool, lambda self: bool(self._outcome() and self._outcome().delivery is Delivery.ACCEPTED)
    )
    outcomeMessage = _prop(str, lambda self: tr("Outbox", self._outcome().message) if self._outcome() else "")
    appointment = _prop(str, lambda self: format_date(self._outcome().appointment) if self._outcome() else "")
    qrUrl = _prop(str, lambda self: f"image://visit/qr/{self._revision}" if self._outcome() else "")
    receiptPath = _prop(str, lambda self: self._receipt_path)
    printState = _prop(str, lambda self: self._print_state)
    cardAvailable = _prop(bool, lambda self: self._services.card.available)
    cardEmulated = _prop(bool, lambda self: self._services.card.emulated)
    cardState = _prop(str, lambda self: self._card_state)
    cardReaderState = _prop(str, lambda self: self._card_watch.state)
    cardName = _prop(str, lambda self: self._card_name())
    cardChecks = _prop("QVariantList", lambda self: self._card_checks())
    cardHasPhoto = _prop(bool, lambda self: bool(self._card_read and self._card_read.photo))
    cardQrNote = _prop(str, lambda self: self._card_qr_note)
    faceAvailable = _prop(bool, lambda self: self._face is not None)
    faceShown = _prop(bool, lambda self: self._face_shown)
    faceUrl = _prop(str, lambda self: f"image://visit/face/{self._revision}" if self._face_shown else "")

    def _card_name(self) -> str:
        d = self._card_read.dg13 if self._card_read else None
        return (d.full_name or "") if d else ""

    def _card_checks(self) -> list[dict[str, Any]]:
        """Passive authentication for the agent: three checks, each with words, not only a colour."""
        read = self._card_read
        if read is None:
            return []
        words = {
            Verdict.OK: tr("Card", QT_TRANSLATE_NOOP("Card", "đạt")),
            Verdict.FAILED: tr("Card", QT_TRANSLATE_NOOP("Card", "KHÔNG ĐẠT")),
            Verdict.UNKNOWN: tr(
                "Card", QT_TRANSLATE_NOOP("Card", "chưa kiểm tra được (chưa cài chứng thư gốc CSCA)")
            ),
        }
        a = read.authenticity
        rows = [
            (tr("Card", QT_TRANSLATE_NOOP("Card", "Dữ liệu khớp chữ ký số trong thẻ")), a.data_groups),
            (tr("Card", QT_TRANSLATE_NOOP("Card", "Chữ ký của cơ quan cấp thẻ")), a.signature),
            (tr("Card", QT_TRANSLATE_NOOP("Card", "Chuỗi chứng thư đến CSCA Việt Nam")), a.chain),
        ]
        out = [{"label": label, "verdict": words[v], "state": v.value} for label, v in rows]
        consistent = Verdict.OK if read.consistent else Verdict.FAILED
        out.append(
            {
                "label": tr(
                    "Card", QT_TRANSLATE_NOOP("Card", "Số định danh và ngày sinh khớp giữa DG1 và DG13")
                ),
                "verdict": words[consistent],
                "state": consistent.value,
            }
        )
        return out

    def tracking_url(self) -> str:
        code = self.visit.outcome.dossier_code if self.visit.outcome else None
        if not code:
            return ""
        return tracking_url(self._services.portal.base_url, code)

    del _prop

    # -- slots: navigation ---------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        self._act(self.visit.start)

    @Slot()
    def back(self) -> None:
        self._forget_card()
        self._act(self.visit.back)

    @Slot(str)
    def edit(self, page: str) -> None:
        self._act(lambda: self.visit.edit(Step(page)))

    @Slot(str)
    def editField(self, key: str) -> None:
        self._act(lambda: self.visit.edit_field(key))

    @Slot()
    def callHelp(self) -> None:
        # Raises the help flag the page shows; the agent point's queue will receive it later.
        self._help = True
        store, office = self._services.store, self._services.settings.office.code

        def failed(exc: BaseException) -> None:
            log.error("help request not audited: %s", exc.__class__.__name__)

        audit = functools.partial(store.audit, "kiosk", "help_requested", office)
        self._jobs.run("network", audit, lambda _: None, failed)
        self._update(self._message, self._message_field)

    @Slot()
    def dismissHelp(self) -> None:
        self._help = False
        self._update()

    # -- identify ------------------------------------------------------------------------------

    @Slot()
    def chooseCard(self) -> None:
        self._drop_face()
        self._card_state = "enter"
        self._card_qr_note = ""
        self._act(self.visit.choose_card_identity)

    @Slot(str)
    def readCard(self, can: str) -> None:
        """Read the chip with the typed CAN on the card worker; the GUI thread never waits on it."""
        if self._busy:
            return
        try:
            key = CanKey(can)
        except ValueError:
            self._update(
                tr("Card", QT_TRANSLATE_NOOP("Card", "Vui lòng nhập đủ 6 chữ số cuối của số định danh.")),
                "can",
            )
            return
        self._card_qr_note = ""
        self._read_chip([key])

    def _read_chip(self, keys: list[AccessKey]) -> None:
        """Read the chip with `keys` (typed or from the card's QR), in order, on the card worker."""
        self._busy = True
        self._card_state = "reading"
        self._update()
        service = self._services.card
        visit = self.visit

        def done(read: CardRead) -> None:
            self._busy = False
            if visit is not self.visit or self.visit.flow.current is not Step.CARD:
                # The visit ended (idle wipe, "Kết thúc") or moved on while the chip was read: the
                # data belong to nobody now.
                read.wipe()
                self._card_state = "enter"
                self._update()
                return
            try:
                identity = to_identity(read)
            except CardError as exc:
                log.warning("card read not usable: %s", exc)
                read.wipe()
                self._card_state = "enter"
                self._update(tr("Card", exc.message), "can")
                return
            if self._mode is Mode.AGENT:
                # The agent compares the face with the person at the desk before the data is used.
                self._card_read = read
                self._pending_identity = identity
                self._card_state = "review"
                self._update()
                return
            if read.photo is not None:
                self._face = bytearray(read.photo.data)
            read.wipe()
            self._card_state = "enter"
            self._act(lambda: self.visit.set_identity(identity), "Card")

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._card_state = "enter"
            if isinstance(exc, CardError):
                log.info("card read failed: %s", exc)
                text = tr("Card", exc.message)
                if exc.tries_left is not None:
                    text += " " + tr(
                        "Card", QT_TRANSLATE_NOOP("Card", "Thẻ cho phép thử thêm %1 lần.")
                    ).replace("%1", str(exc.tries_left))
                self._update(text, "can")
            else:
                log.error("card read crashed", exc_info=exc)
                self._update(tr("Visit", GENERIC_FAILURE))

        self._jobs.run("card", lambda: service.read(keys), done, failed)

    # The scan takes a few stills over some seconds: the citizen may still be laying the card down.
    QR_SCAN_SECONDS = 10.0
    QR_SCAN_TRIES = 8
    QR_SCAN_PAUSE = 0.6  # between stills; a real still takes 0.1–0.5 s more

    def _card_camera(self) -> tuple[Camera, bool]:
        """The camera that looks at the card's front, and whether it is the kiosk's shared one.

        With the sample camera there is no card to lay under it: a second sample camera over the
        bundled photo of the sample card stands for it, so the documents' sample pages keep their
        order and the shared camera is not touched.
        """
        camera = self._services.camera
        if isinstance(getattr(camera, "inner", camera), SampleCamera):
            return SampleCamera(card_photos()), False
        return camera, True

    @Slot()
    def scanCardQr(self) -> None:
        """Look for the QR on the front of the card under the camera, then read the chip with the
        keys it gives (the CAN from the ID number, then BAC keys from the dates)."""
        if self._busy:
            return
        self._busy = True
        self._card_state = "scanning"
        self._card_qr_note = ""
        self._update()
        visit = self.visit
        camera, shared = self._card_camera()
        seconds, tries, pause = self.QR_SCAN_SECONDS, self.QR_SCAN_TRIES, self.QR_SCAN_PAUSE

        def work() -> CardQr | bool:
            """The card's QR, or whether some other code was seen (True) or none at all (False)."""
            if shared:
                # Opened once per visit and released when it ends, as the documents step does.
                if not self._camera_open:
                    camera.open()
                    self._camera_open = True
            else:
                camera.open()
            deadline = time.monotonic() + seconds
            other = False
            try:
                for attempt in range(tries):
                    if attempt:
                        time.sleep(pause)
                    # Stop once the visit has ended or the time is up: the documents step's live
                    # view shares this camera and waits for each still.
                    if visit is not self.visit or time.monotonic() > deadline:
                        break
                    codes = read_codes(camera.capture_still())
                    found = card_qr_in(codes)
                    if found is not None:
                        return found
                    other = other or bool(codes)
            finally:
                if not shared:
                    camera.close()
            return other

        def done(found: CardQr | bool) -> None:
            self._busy = False
            self._card_state = "enter"
            if visit is not self.visit or self.visit.flow.current is not Step.CARD:
                self._update()
                return
            if isinstance(found, CardQr):
                # Masked as on the receipt: enough for the citizen to know the card, not for a
                # passer-by to read the name off the screen.
                self._card_qr_note = tr(
                    "Card", QT_TRANSLATE_NOOP("Card", "✓ Đã đọc mã QR trên thẻ của %1.")
                ).replace("%1", mask_name(found.full_name))
                self._read_chip(keys_for(found.id_number, found.date_of_birth, found.date_of_issue))
                return
            if found:
                text = QT_TRANSLATE_NOOP(
                    "Card",
                    "Mã QR vừa quét không phải mã trên thẻ căn cước. "
                    "Hãy đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên, rồi bấm quét lại.",
                )
            else:
                text = QT_TRANSLATE_NOOP(
                    "Card",
                    "Chưa thấy mã QR. Đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên, giữ yên "
                    "rồi bấm quét lại; hoặc nhập 6 số cuối của số định danh.",
                )
            self._update(tr("Card", text), "qr")

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._card_state = "enter"
            if isinstance(exc, CameraError):
                log.warning("card QR scan: %s", exc)
                self._update(tr("Camera", exc.message), "qr")
            else:
                log.error("card QR scan crashed", exc_info=exc)
                self._update(tr("Visit", GENERIC_FAILURE))

        self._jobs.run("camera", work, done, failed)

    @Slot()
    def acceptCard(self) -> None:
        identity, self._pending_identity = self._pending_identity, None
        self._drop_card()
        if identity is not None:
            self._act(lambda: self.visit.set_identity(identity), "Card")

    @Slot()
    def rejectCard(self) -> None:
        """The agent does not accept the read (another person's card, failed checks)."""
        self._forget_card()
        self._update()

    def _forget_card(self) -> None:
        if self._pending_identity is not None:
            self._pending_identity.wipe()
        self._pending_identity = None
        self._drop_card()

    def _drop_card(self) -> None:
        if self._card_read is not None:
            self._card_read.wipe()
        self._card_read = None
        self._card_state = "enter"
        self._card_qr_note = ""

    def close_devices(self) -> None:
        """Stop watching the reader and release the camera; the app is closing."""
        self._card_watch.stop()
        self._scan.end_visit(wait=2.0)

    def card_photo(self) -> bytes | bytearray | None:
        """The chip's photo: the agent's read under review, or at the kiosk the photo the citizen
        asked to see ("Xem ảnh"); never a photo nobody asked for."""
        read = self._card_read
        if read is not None and read.photo is not None:
            return read.photo.data
        return self._face if self._face_shown else None

    @Slot(bool)
    def showFace(self, shown: bool) -> None:
        self._face_shown = shown and self._face is not None and self.visit.flow.current is Step.CHECK
        self._update(self._message, self._message_field)

    def _drop_face(self) -> None:
        if self._face is not None:
            self._face[:] = bytes(len(self._face))
        self._face = None
        self._face_shown = False

    @Slot()
    def useDemo(self) -> None:
        self._drop_face()
        self._act(self.visit.use_demo_identity)

    @Slot()
    def chooseManual(self) -> None:
        self._drop_face()
        self._act(self.visit.choose_manual_identity)

    @Slot("QVariantMap")
    def submitManual(self, values: dict[str, Any]) -> None:
        self._act(lambda: self.visit.set_manual_identity({k: str(v) for k, v in values.items()}), "Identity")

    # -- procedure -----------------------------------------------------------------------------

    @Slot(str)
    def setSearch(self, text: str) -> None:
        self._search = text
        self._update()

    @Slot(str)
    def chooseProcedure(self, code: str) -> None:
        self._act(lambda: self.visit.choose_procedure(code), "Procedure")

    @Slot(bool, "QVariantMap")
    def setDelegation(self, delegated: bool, person: dict[str, Any]) -> None:
        values = {k: str(v) for k, v in person.items()} if delegated else None
        self._act(lambda: self.visit.set_delegation(values), "Delegate")

    # -- form ----------------------------------------------------------------------------------

    @Slot(str, str)
    def setField(self, key: str, value: str) -> None:
        # No `changed` here: the field already shows what was typed, and a re-render would move
        # the cursor. Errors are cleared on the next submit.
        self.visit.set_field(key, value)

    @Slot()
    def submitForm(self) -> None:
        self._act(self.visit.submit_form, "Form")

    @Slot()
    def nextQuestion(self) -> None:
        self._act(self.visit.next_question, "Form")

    @Slot()
    def previousQuestion(self) -> None:
        # On the first question "Quay lại" leaves the form, as on any page.
        if self.visit.previous_question():
            self._update()
        else:
            self.back()

    # -- documents -----------------------------------------------------------------------------

    def _release_camera(self) -> None:
        if self._camera_open:
            self._services.camera.close()
            self._camera_open = False

    @Slot()
    def documentsDone(self) -> None:
        self._act(self.visit.documents_done, "Documents")

    # -- the paper check (agent point) ---------------------------------------------------------

    @Slot(str, bool)
    def tickDocument(self, code: str, handed: bool) -> None:
        self._act(lambda: self.visit.tick_document(code, handed), "Checklist")

    @Slot(str, str, int)
    def countDocument(self, code: str, kind: str, delta: int) -> None:
        if kind in ("originals", "copies"):
            self._act(lambda: self.visit.count_document(code, kind, delta), "Checklist")  # type: ignore[arg-type]

    @Slot(str, bool)
    def markMissing(self, code: str, missing: bool) -> None:
        self._act(lambda: self.visit.mark_missing(code, missing), "Checklist")

    @Slot(bool)
    def setPostal(self, postal: bool) -> None:
        self._act(lambda: self.visit.set_postal(postal), "Checklist")

    @Slot()
    def checklistDone(self) -> None:
        self._act(self.visit.checklist_done, "Checklist")

    @Slot()
    def printGuide(self) -> None:
        """The papers the procedure asks for (phiếu hướng dẫn), for a citizen sent home to fetch
        what is missing; nothing personal is on it."""
        procedure = self.visit.procedure
        if procedure is None:
            return
        catalog, office = self._services.catalog, self._services.settings.office
        self._print_side(
            "guide",
            checklist_slip(
                procedure,
                office_name=office.name,
                office_address=office.address,
                hotline=office.hotline,
                catalog_version=catalog.version,
                catalog_date=catalog.date,
                printed_at=datetime.now(),
            ),
        )

    def _print_side(self, kind: str, slip: list[Block]) -> None:
        if self._side_job:
            return
        self._side_note = ""
        self._side_job = self._printer.submit(kind, kind, slip)
        self._update()

    def page_thumbnail(self, document_code: str, index: int) -> bytes | None:
        pages = self.visit.pages.get(document_code, [])
        return getattr(pages[index], "thumbnail", None) if 0 <= index < len(pages) else None

    # -- check, consent, submit ----------------------------------------------------------------

    @Slot()
    def confirmCheck(self) -> None:
        self._act(self.visit.confirm_check)

    @Slot(str, bool)
    def setConsent(self, purpose: str, granted: bool) -> None:
        self.visit.set_consent(Consent(purpose), granted)
        self._update()

    @Slot(str)
    def setConsentMethod(self, method: str) -> None:
        self._act(lambda: self.visit.set_consent_method(ConsentMethod(method)), "Consent")

    @Slot("QVariantList")
    def addSignatureStroke(self, points: list[Any]) -> None:
        """One stroke of the pad: [[x, y], …] relative to the pad's size."""
        try:
            stroke = [(float(p[0]), float(p[1])) for p in points]
        except (TypeError, ValueError, IndexError):
            return
        self.visit.add_signature_stroke(stroke)
        self._update()

    @Slot()
    def clearSignature(self) -> None:
        self.visit.clear_signature()
        self._update()

    @Slot(bool)
    def setPaperConsentSigned(self, signed: bool) -> None:
        self.visit.set_paper_consent_signed(signed)
        self._update()

    @Slot()
    def printConsentForm(self) -> None:
        """The consent texts on paper, with boxes to tick and a line to sign."""
        procedure = self.visit.procedure
        self._print_side(
            "consent_form",
            consent_form_slip(
                list(CONSENT_TEXTS.values()),
                office_name=self._services.settings.office.name,
                procedure_name=procedure.name if procedure is not None else "",
                text_version=CONSENT_TEXT_VERSION,
                printed_at=datetime.now(),
            ),
        )

    @Slot()
    def submit(self) -> None:
        """Confirm consent and send; the page shows progress until the outcome is known."""
        if self._busy:
            return  # a second tap must not send a second dossier
        try:
            self.visit.confirm_consent()
        except VisitError as exc:
            self._update(tr("Consent", exc.message), exc.field)
            return
        self._send()

    @Slot()
    def retrySubmit(self) -> None:
        if not self._busy and self.visit.outcome is None and self.visit.flow.current is Step.SUBMIT:
            self._send()

    def _send(self) -> None:
        self._busy = True
        self._update()
        visit = self.visit
        actor = self._agent or "kiosk"
        outbox = self._services.outbox(actor)
        store = self._services.store
        consents = dict(visit.consents)
        method, strokes = visit.consent_method, list(visit.signature)
        # With a fee page next, the receipt waits for it: it says how each charge is paid; with
        # the seal page next, for the consignment number.
        facts = visit.facts()
        slip_now = not (facts.has_fee or facts.postal)

        def work() -> tuple[Outcome, list[Block]]:
            dossier = visit.build_dossier(dossier_packer(self._services.settings))
            assert visit.procedure is not None
            outcome = outbox.submit(dossier, visit.procedure.name)
            signature = signature_png(strokes) if method is ConsentMethod.SIGNATURE else None
            for purpose, granted in consents.items():
                # The signature confirms what was agreed. A refusal, given on the same screen,
                # needs no proof, and keeping the signature with it would keep more than it needs.
                signed = signature is not None and granted
                how = ConsentMethod.SCREEN if signature is not None and not granted else method
                store.record_consent(
                    client_id=dossier.client_id,
                    purpose=purpose.value,
                    granted=granted,
                    text_version=CONSENT_TEXT_VERSION,
                    actor=actor,
                    method=how.value,
                    signature_png=signature if signed else None,
                )
            return outcome, self._receipt(dossier, outcome) if slip_now else []

        def done(result: tuple[Outcome, list[Block]]) -> None:
            self._busy = False
            outcome, slip = result
            if visit is self.visit:
                visit.submitted(outcome)
                self._drop_face()  # the check page, the only place it could be seen, is behind us
                self._fee.reset()
                if slip:
                    self._receipt_slip = slip
                    self._print(slip)
            self._update()

        def failed(exc: BaseException) -> None:
            self._busy = False
            if isinstance(exc, BudgetError):
                # Over the portal's size limits even at the lowest JPEG quality: pages must go.
                log.warning("dossier over budget: %s", exc)
                self._update(tr("Scanner", TOO_BIG), "submit")
                return
            log.error("submission failed before it was stored", exc_info=exc)
            self._update(GENERIC_FAILURE, "submit")

        self._jobs.run("network", work, done, failed)

    # -- the sealed envelope (agent point, by post) ---------------------------------------------

    @Slot(str)
    def sealDone(self, text: str) -> None:
        """The consignment number of the sealed envelope, typed or from a barcode scanner (which
        types it): kept in the store with the dossier, then on to the fee or the slip."""
        visit = self.visit
        if self._busy or visit.dossier is None or visit.outcome is None:
            return
        try:
            number = visit.check_consignment(text)
        except VisitError as exc:
            self._update(tr("Seal", exc.message), exc.field)
            return
        dossier, outcome = visit.dossier, visit.outcome
        store, actor = self._services.store, self._agent or "kiosk"
        slip_now = not visit.facts().has_fee
        self._busy = True
        self._update()

        def work() -> list[Block]:
            store.set_consignment(dossier.client_id, number, actor=actor)
            return self._receipt(dossier, outcome, consignment=number) if slip_now else []

        def done(slip: list[Block]) -> None:
            self._busy = False
            if visit is self.visit and visit.flow.current is Step.SEAL:
                self._act(lambda: visit.sealed(number), "Seal")
                if slip:
                    self._receipt_slip = slip
                    self._print(slip)
            self._update()

        def failed(exc: BaseException) -> None:
            self._busy = False
            log.error("recording the consignment number failed", exc_info=exc)
            self._update(tr("Visit", GENERIC_FAILURE), "consignment")

        self._jobs.run("network", work, done, failed)

    # -- fee, receipt, rating ------------------------------------------------------------------

    @Slot()
    def feeDone(self) -> None:
        """Keep how each charge is paid (store and audit trail), then print the receipt that says
        so; both on the network worker."""
        visit = self.visit
        if self._busy or visit.dossier is None or visit.outcome is None:
            return
        try:
            visit.check_fee()
        except VisitError as exc:
            self._update(tr("Fee", exc.message), exc.field)
            return
        dossier, outcome = visit.dossier, visit.outcome
        payments, transfer = list(visit.payments.values()), visit.transfer_to_print()
        consignment = visit.consignment
        store = self._services.store
        self._busy = True
        self._update()

        def work() -> list[Block]:
            record_payments(store, dossier.client_id, payments)
            return self._receipt(dossier, outcome, payments, transfer, consignment)

        def done(slip: list[Block]) -> None:
            self._busy = False
            if visit is self.visit and visit.flow.current is Step.FEE:
                self._fee.reset()
                self._act(visit.fee_done, "Fee")
                self._receipt_slip = slip
                self._print(slip)
            self._update()

        def failed(exc: BaseException) -> None:
            self._busy = False
            log.error("recording the payments failed", exc_info=exc)
            self._update(tr("Visit", GENERIC_FAILURE), "fee")

        self._jobs.run("network", work, done, failed)

    def _receipt(
        self,
        dossier: Dossier,
        outcome: Outcome,
        payments: list[Payment] | None = None,
        transfer: Charge | None = None,
        consignment: str = "",
    ) -> list[Block]:
        """The visit's receipt, built from the dossier as stored (on the network worker). At the
        agent point, the intake slip of Decision 45/2016 in its place, in two copies for both to
        sign: it carries everything the receipt does, the charges with how each was paid too."""
        services = self._services
        rule = services.settings.printer.mask_name
        procedure = services.catalog.get(dossier.procedure_code)
        dossier_code = outcome.dossier_code if outcome.delivery is Delivery.ACCEPTED else None
        # Masked at the kiosk, where a slip left behind is read by the next citizen; the agent
        # hands it over in person. [printer] mask_name changes that.
        masked = rule == "always" or (rule == "kiosk" and self._mode is Mode.KIOSK)
        if self._mode is Mode.AGENT:
            return intake_slip(
                dossier,
                procedure=procedure,
                office=services.settings.office,
                agent_name=self._agent_name or self._agent,
                dossier_code=dossier_code,
                tracking_base_url=services.portal.base_url,
                calendar=load_holidays(),
                mask_name=masked,
                appointment=outcome.appointment,
                payments=payments or (),
                consignment=consignment,
            )
        return receipt_for_dossier(
            dossier,
            procedure=procedure,
            office=services.settings.office,
            dossier_code=dossier_code,
            tracking_base_url=services.portal.base_url,
            calendar=load_holidays(),
            mask_name=masked,
            appointment=outcome.appointment,
            payments=payments or (),
            transfer=transfer,
        )

    def _print(self, slip: list[Block]) -> None:
        assert self.visit.outcome is not None
        self._print_state = "printing"
        self._receipt_job = self._printer.submit("receipt", str(self.visit.outcome.client_id), slip)

    @Slot(str, str)
    def _on_print_end(self, job_id: str, outcome: str) -> None:
        if job_id in self._orphan_slips:
            self._orphan_slips.discard(job_id)
            orphan = self._printer.take_result(job_id)
            self._delete_slip_files([orphan.path] if orphan is not None and orphan.path else [])
            return
        if job_id and job_id == self._side_job:
            self._side_job = ""
            side = self._printer.take_result(job_id)
            if side is None or side.message:
                self._side_note = tr("Printer", side.message) if side else tr("Visit", GENERIC_FAILURE)
            else:
                self._side_note = tr("Visit", SLIP_PRINTED)
            self._update(self._message, self._message_field)
            return
        if job_id != self._receipt_job:
            return  # another slip, or the visit it belonged to has ended
        result = self._printer.take_result(job_id)
        self._print_state = outcome
        if result is None:
            self._update(tr("Visit", GENERIC_FAILURE), "printer")
            return
        self._receipt_path = result.path
        if result.path and self._mode is Mode.KIOSK:
            self._slip_files.append(result.path)
        if result.message:
            self._update(tr("Printer", result.message), "printer")
        elif result.state is PrinterState.NEAR_END and self._mode is Mode.AGENT:
            # Printed; the agent changes the roll before the next citizen's slip runs short.
            self._update(tr("Printer", PrinterState.NEAR_END.message), "printer")
        else:
            self._update()

    @Slot()
    def reprint(self) -> None:
        """Print the receipt again: as it was when the printer refused it (nothing came out), marked
        "BẢN IN LẠI" when it printed or may have (never a silent second copy)."""
        if not self._receipt_slip or self._print_state in ("", "printing"):
            return
        slip = self._receipt_slip
        if self._print_state != "refused":
            slip = mark_reprint_copies(slip, datetime.now())
        self._print(slip)
        self._update()

    @Slot()
    def receiptDone(self) -> None:
        self._act(self.visit.receipt_done)

    @Slot(int)
    def rate(self, score: int) -> None:
        try:
            self.visit.rate(score)
        except VisitError as exc:
            self._update(tr("Rating", exc.message), exc.field)
            return
        # The reason's screen; the rating is written off the GUI thread when the visit ends.
        self._feedback.rated(score)

    @Slot()
    def finish(self) -> None:
        """End the visit: wipe everything personal and start over."""
        self.visit.wipe()
        self._forget_card()
        self._drop_face()
        if self._receipt_job and self._print_state == "printing" and self._mode is Mode.KIOSK:
            self._orphan_slips.add(self._receipt_job)
        self._delete_slip_files(self._slip_files)
        self._slip_files = []
        self.visit = self._new_visit()
        self._search = ""
        self._help = False
        self._receipt_path = ""
        self._receipt_slip = []
        self._receipt_job = ""
        self._print_state = ""
        self._side_job = ""
        self._side_note = ""
        self._idle_left = 0
        self._fee.reset()
        self._feedback.end_visit()
        self._scan.end_visit()
        self._jobs.run("camera", self._release_camera, lambda _: None)
        self._update()
        self.visitEnded.emit()

    def _delete_slip_files(self, paths: list[str]) -> None:
        """At the kiosk a receipt's preview is the paper the citizen took away: the next citizen
        must not find it in the data directory. Deleted on the network worker (disk I/O)."""
        if not paths:
            return
        paths = list(paths)

        def work() -> None:
            for path in paths:
                try:
                    os.unlink(path)
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    log.error("a receipt preview was not deleted: %s", exc.strerror)

        self._jobs.run("network", work, lambda _: None)

    # -- idle ----------------------------------------------------------------------------------

    def set_idle_left(self, seconds: int) -> None:
        self._idle_left = seconds
        self.changed.emit()


class VisitImages(QQuickImageProvider):
    """Page thumbnails and the receipt QR for QML, served from the visit in memory only."""

    def __init__(self, model: VisitModel) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._model = model

    def requestImage(self, image_id: str, size: Any, requested: Any) -> QImage:  # noqa: N802
        parts = image_id.split("/")
        image = QImage()
        if parts[0] == "thumb" and len(parts) >= 3:
            data = self._model.page_thumbnail(parts[1], int(parts[2]))
            if data:
                image.loadFromData(data)
        elif parts[0] == "face":
            # The chip's photo for the agent's review, or the one the citizen asked to see. Qt copies
            # it to decode: those copies are freed with the image, not zeroed.
            face = self._model.card_photo()
            if face:
                image.loadFromData(bytes(face))
        elif parts[0] in ("live", "edit"):
            image = self._model.scan.image(parts[0])
        elif parts[0] == "payqr":
            text = self._model.fee.qr_text()
            if text:
                image = qr_image(text)
        elif parts[0] == "qr":
            url = self._model.tracking_url() or (
                self._model.visit.outcome and local_reference(self._model.visit.outcome.client_id)
            )
            if url:
                image = qr_image(url)
        if size is not None and not image.isNull():
            size.setWidth(image.width())
            size.setHeight(image.height())
        return image
