"""The agent's search: a citizen's earlier dossiers, a receipt printed again, a consent withdrawn.

Typed digits only (9 or 12, spaces allowed) are an ID number, looked up through the store's keyed
index (`Store.find_by_id_number`), never compared in clear; anything else is a dossier code or a
local reference (TN-…, `Store.find_dossier`). Finding a person's dossiers by their ID number is
staff's work (`Action.SEARCH_DOSSIERS`): a volunteer is refused in this model, audited; a code is
on the citizen's own receipt, so anyone signed in may look it up. Every search is audited as
"dossier.searched" with how and how many were found, never with what was typed.

From a result: "In lại biên nhận" rebuilds the receipt from the stored dossier (`egov.reprint`),
marked "BẢN IN LẠI" with the time, and prints it (`Action.REPRINT_RECEIPT`, audited
"receipt.reprinted"); "Rút lại đồng ý" lists the dossier's consents and records the citizen's
withdrawal of one (`Action.WITHDRAW_CONSENT`, `Store.withdraw_consent`). A dossier past the
retention purge shows without names and cannot be reprinted: the page says why.

Store work runs on the network worker; names are masked there and never reach the GUI thread.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from agent_point.dossier_list import dossier_row, translated_row
from egov.accounts import Account
from egov.permissions import Action, allowed
from egov.reprint import stored_receipt
from egov.store import ConsentRecord, DossierNotFound, PersonalDataPurged
from egov.store.store import CONSENT_WITHDRAWN, dossier_subject
from egov.text import QT_TRANSLATE_NOOP
from ui.jobs import Jobs
from ui.permission_check import permitted, refusal_text
from ui.printer_model import PrinterModel
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

CONTEXT = "Search"
ID_LENGTHS = (9, 12)  # the old CMND, the CCCD / personal identification number

EMPTY = QT_TRANSLATE_NOOP("Search", "Hãy nhập số định danh cá nhân hoặc mã hồ sơ.")
BAD_ID = QT_TRANSLATE_NOOP(
    "Search", "Số định danh cá nhân (số CCCD) có 12 chữ số; số CMND cũ có 9 chữ số. Hãy kiểm tra lại."
)
ID_REFUSED = QT_TRANSLATE_NOOP(
    "Search",
    "Tình nguyện viên không được tìm hồ sơ theo số định danh. Hãy tìm theo mã hồ sơ trên biên nhận, "
    "hoặc nhờ cán bộ tiếp nhận.",
)
NOTHING_BY_ID = QT_TRANSLATE_NOOP(
    "Search",
    "Không có hồ sơ nào của số định danh này ở điểm tiếp nhận. Hồ sơ đã xóa theo thời hạn lưu "
    "không tìm được theo số định danh; hãy tìm theo mã hồ sơ.",
)
NOTHING_BY_CODE = QT_TRANSLATE_NOOP("Search", "Không có hồ sơ nào với mã này trên máy.")
FOUND = QT_TRANSLATE_NOOP("Search", "Tìm thấy %1 hồ sơ.")
FAILED = QT_TRANSLATE_NOOP("Search", "Không tìm được do lỗi hệ thống. Hãy thử lại.")
PURGED = QT_TRANSLATE_NOOP(
    "Search",
    "Thông tin cá nhân của hồ sơ này đã được xóa theo thời hạn lưu (Nghị định 13/2023), nên không in "
    "lại biên nhận được. Mã hồ sơ vẫn tra cứu được trên cổng dịch vụ công.",
)
REPRINTED = QT_TRANSLATE_NOOP("Search", "Đã in lại biên nhận, có dòng chữ BẢN IN LẠI.")
REPRINT_FAILED = QT_TRANSLATE_NOOP("Search", "Chưa in lại được biên nhận. Hãy thử lại.")
WITHDRAWN = QT_TRANSLATE_NOOP("Search", "Đã ghi nhận công dân rút lại đồng ý: %1.")
WITHDRAWN_UNSENT = QT_TRANSLATE_NOOP(
    "Search", "Đã ghi nhận công dân rút lại đồng ý: %1. Hồ sơ chưa gửi nên sẽ không được gửi đi nữa."
)
NOT_IN_FORCE = QT_TRANSLATE_NOOP("Search", "Không còn sự đồng ý nào có hiệu lực cho mục này.")
WITHDRAW_FAILED = QT_TRANSLATE_NOOP("Search", "Chưa ghi nhận được việc rút lại đồng ý. Hãy thử lại.")

# What each purpose of consent is about, as the agent reads it to the citizen (egov.visit.Consent).
PURPOSES = {
    "transmit": QT_TRANSLATE_NOOP("Search", "Gửi thông tin và giấy tờ đến cơ quan giải quyết"),
    "contact": QT_TRANSLATE_NOOP("Search", "Dùng số điện thoại để báo tình trạng hồ sơ"),
}
METHODS = {
    "screen": QT_TRANSLATE_NOOP("Search", "chọn trên màn hình"),
    "signature": QT_TRANSLATE_NOOP("Search", "ký trên màn hình"),
    "paper": QT_TRANSLATE_NOOP("Search", "ký trên giấy"),
}


def _time(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M %d/%m/%Y")


def _consent_row(record: ConsentRecord) -> dict[str, Any]:
    return {
        "purpose": record.purpose,
        "label": tr(CONTEXT, PURPOSES[record.purpose]) if record.purpose in PURPOSES else record.purpose,
        "granted": record.granted,
        "inForce": record.in_force,
        "given": _time(record.at),
        "method": tr(CONTEXT, METHODS.get(record.method, record.method)),
        "withdrawn": _time(record.withdrawn_at) if record.withdrawn_at else "",
        "withdrawnBy": record.withdrawn_by,
    }


class SearchModel(QObject):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        jobs: Jobs,
        printer: PrinterModel,
        account: Callable[[], Account | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._printer = printer
        self._account = account
        self._rows: list[dict[str, Any]] = []
        self._selected: dict[str, Any] = {}
        self._consents: list[dict[str, Any]] = []
        self._busy = False
        self._message = ""
        self._message_good = False
        self._print_job = ""
        self._asked = 0  # bumped by each search and by clear(): an older answer is dropped
        printer.jobEnded.connect(self._on_print_end)

    rows = Property("QVariantList", lambda self: self._rows, notify=changed)
    selected = Property("QVariantMap", lambda self: self._selected, notify=changed)
    consents = Property("QVariantList", lambda self: self._consents, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    printing = Property(bool, lambda self: bool(self._print_job), notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    messageGood = Property(bool, lambda self: self._message_good, notify=changed)

    def _may(self, action: Action) -> bool:
        account = self._account()
        return account is not None and allowed(account.role, action)

    canSearchById = Property(bool, lambda self: self._may(Action.SEARCH_DOSSIERS), notify=changed)
    canWithdraw = Property(bool, lambda self: self._may(Action.WITHDRAW_CONSENT), notify=changed)

    def _say(self, text: str, good: bool = False) -> None:
        self._message, self._message_good = text, good
        self.changed.emit()

    # -- search ---------------------------------------------------------------------------------

    @Slot(str)
    def search(self, text: str) -> None:
        """Find by ID number (digits only) or by dossier code / local reference."""
        account = self._account()
        if account is None or self._busy:
            return
        typed = text.strip()
        compact = re.sub(r"\s", "", typed)
        self._selected, self._consents = {}, []
        if not compact:
            self._rows = []
            self._say(tr(CONTEXT, EMPTY))
            return
        by_id = compact.isascii() and compact.isdigit()
        store, office = self._services.store, self._services.settings.office.code
        if by_id:
            if len(compact) not in ID_LENGTHS:
                self._rows = []
                self._say(tr(CONTEXT, BAD_ID))
                return
            if not permitted(account, Action.SEARCH_DOSSIERS, store, self._jobs, "search"):
                self._rows = []
                self._say(tr(CONTEXT, ID_REFUSED))
                return
        actor, today = account.username, date.today()

        def work() -> list[dict[str, Any]]:
            if by_id:
                found = store.find_by_id_number(compact, office_code=office)
                subject = "search"
            else:
                try:
                    found = [store.find_dossier(compact.upper())]
                except DossierNotFound:
                    found = []
                subject = dossier_subject(found[0].client_id) if found else "search"
            how = "id_number" if by_id else "code"
            store.audit(actor, "dossier.searched", subject, f"by={how}; found={len(found)}")
            return [dossier_row(summary, today) for summary in found]

        self._asked += 1
        asked = self._asked
        self._busy = True
        self._say("")

        def done(rows: list[dict[str, Any]]) -> None:
            if asked != self._asked:
                return
            self._busy = False
            self._rows = [translated_row(row) for row in rows]
            if rows:
                self._say(tr(CONTEXT, FOUND).replace("%1", str(len(rows))), good=True)
            else:
                self._say(tr(CONTEXT, NOTHING_BY_ID if by_id else NOTHING_BY_CODE))

        def failed(exc: BaseException) -> None:
            if asked != self._asked:
                return
            log.error("search failed: %s", exc.__class__.__name__)
            self._busy = False
            self._rows = []
            self._say(tr(CONTEXT, FAILED))

        self._jobs.run("network", work, done, failed)

    # -- one result -----------------------------------------------------------------------------

    @Slot(str)
    def open(self, client_id: str) -> None:
        """Show one result with its consents."""
        row = next((r for r in self._rows if r["clientId"] == client_id), None)
        if row is None:
            return
        self._selected, self._consents = row, []
        self._say("")
        self._load_consents()

    @Slot()
    def closeResult(self) -> None:
        self._selected, self._consents = {}, []
        self._say("")

    def _load_consents(self) -> None:
        store, client_id, asked = self._services.store, uuid.UUID(self._selected["clientId"]), self._asked

        def done(records: list[ConsentRecord]) -> None:
            if asked == self._asked and self._selected.get("clientId") == str(client_id):
                self._consents = [_consent_row(record) for record in records]
                self.changed.emit()

        def failed(exc: BaseException) -> None:
            log.error("consents not read: %s", exc.__class__.__name__)
            self._say(tr(CONTEXT, FAILED))

        self._jobs.run("network", lambda: store.consents(client_id), done, failed)

    @Slot()
    def reprint(self) -> None:
        """ "In lại biên nhận": the selected dossier's receipt, rebuilt and marked as a reprint."""
        account, row = self._account(), self._selected
        if not row or self._print_job or self._busy:
            return
        client_id = row["clientId"]
        store = self._services.store
        if not permitted(account, Action.REPRINT_RECEIPT, store, self._jobs, dossier_subject(client_id)):
            self._say(refusal_text())
            return
        assert account is not None
        if row.get("purged"):
            self._say(tr(CONTEXT, PURGED))
            return
        services, actor = self._services, account.username
        rule = services.settings.printer.mask_name

        def work() -> list[Any]:
            blocks = stored_receipt(
                store,
                client_id,
                catalog=services.catalog,
                settings=services.settings,
                tracking_base_url=services.portal.base_url,
                # Handed over in person at the agent point; [printer] mask_name = "always" masks it.
                mask_name=rule == "always",
                reprinted_at=datetime.now(),
            )
            store.audit(actor, "receipt.reprinted", dossier_subject(client_id))
            return blocks

        self._busy = True
        self._say("")

        def done(blocks: list[Any]) -> None:
            self._busy = False
            self._print_job = self._printer.submit("receipt", client_id, blocks)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self._busy = False
            if isinstance(exc, PersonalDataPurged):
                self._say(tr(CONTEXT, PURGED))
            else:
                log.error("reprint failed: %s", exc.__class__.__name__)
                self._say(tr(CONTEXT, REPRINT_FAILED))

        self._jobs.run("network", work, done, failed)

    @Slot(str, str)
    def _on_print_end(self, job_id: str, _outcome: str) -> None:
        if job_id != self._print_job:
            return
        self._print_job = ""
        result = self._printer.take_result(job_id)
        if result is None:
            self._say(tr(CONTEXT, REPRINT_FAILED))
        elif result.message:
            self._say(tr("Printer", result.message))
        else:
            self._say(tr(CONTEXT, REPRINTED), good=True)

    @Slot(str)
    def withdraw(self, purpose: str) -> None:
        """The citizen withdraws the consent given for `purpose` on the selected dossier."""
        account, row = self._account(), self._selected
        if not row or self._busy:
            return
        client_id = row["clientId"]
        store = self._services.store
        if not permitted(account, Action.WITHDRAW_CONSENT, store, self._jobs, dossier_subject(client_id)):
            self._say(refusal_text())
            return
        assert account is not None
        actor = account.username
        label = next((c["label"] for c in self._consents if c["purpose"] == purpose), purpose)
        self._busy = True
        self._say("")

        def work() -> tuple[bool, bool]:
            withdrawn = store.withdraw_consent(uuid.UUID(client_id), purpose, actor=actor)
            # Without the consent to send, the store gives up a dossier not yet sent.
            stopped = withdrawn and store.outbox_entry(client_id).reason == CONSENT_WITHDRAWN
            return withdrawn, stopped

        def done(result: tuple[bool, bool]) -> None:
            withdrawn, stopped = result
            self._busy = False
            if withdrawn:
                self._say(
                    tr(CONTEXT, WITHDRAWN_UNSENT if stopped else WITHDRAWN).replace("%1", label), good=True
                )
            else:
                self._say(tr(CONTEXT, NOT_IN_FORCE))
            if self._selected.get("clientId") == client_id:
                self._load_consents()

        def failed(exc: BaseException) -> None:
            self._busy = False
            log.error("consent withdrawal failed: %s", exc.__class__.__name__)
            self._say(tr(CONTEXT, WITHDRAW_FAILED))

        self._jobs.run("network", work, done, failed)

    def clear(self) -> None:
        """Signed out: nothing found stays on screen or in memory."""
        self._asked += 1
        self._rows, self._selected, self._consents = [], {}, []
        self._busy, self._print_job = False, ""
        self._message, self._message_good = "", False
        self.changed.emit()
