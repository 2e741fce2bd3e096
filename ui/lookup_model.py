"""The kiosk's "where is my dossier" for QML: a short flow of its own, beside the visit.

Not a step of the visit (egov.flow): nothing is filed, no card is read. One thing per page:

    lookup         two ways in: scan the receipt's QR, or type the code
    lookup_code    the dossier code (or the local reference TN-…) from the receipt
    lookup_digits  the last 4 digits of the applicant's ID number
    lookup_result  what egov.tracking.look_up found, or the one "not found" sentence

`page` is empty while the look-up is not on screen; Main.qml then shows the visit's page. The QR is
looked for on the camera worker, the look-up (which may ask the portal) on the network worker; the
GUI thread never waits. The typed code and digits and the answer are personal enough to be wiped
on idle (the visit's `visitEnded`, which the idle timeout and "Kết thúc" both end in) and whenever
the citizen leaves; a job still running when that happens is ignored on its return.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from egov.identity import format_date
from egov.portal.contract import DOSSIER_CODE_RE, PortalStatus
from egov.store import DossierNotFound, DossierState
from egov.text import QT_TRANSLATE_NOOP
from egov.tracking import (
    NOT_FOUND_TEXT,
    OFFLINE_NOT_FOUND_TEXT,
    STATE_LABELS,
    Found,
    PortalUnreachable,
    StatusView,
    look_up,
)
from hardware.qr import read_codes, receipt_reference
from hardware.scanner.camera import CameraError
from ui.jobs import Jobs
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

LOCAL_REFERENCE_RE = re.compile(r"TN-[0-9A-F]{8}")
# Statuses whose sentence sends the citizen to the counter: shown as a warning, not a tick.
ASK_A_PERSON = (PortalStatus.REFUSED, PortalStatus.SUPPLEMENT, PortalStatus.PAYMENT, PortalStatus.SUSPENDED)
HOLDER_DIGITS = 4

BAD_CODE = QT_TRANSLATE_NOOP(
    "Lookup",
    "Mã hồ sơ chưa đúng. Hãy gõ đúng như trên phiếu hẹn, ví dụ H01.99-261123-0001 hoặc TN-1A2B3C4D.",
)
BAD_DIGITS = QT_TRANSLATE_NOOP("Lookup", "Hãy nhập đủ 4 chữ số cuối của số định danh cá nhân.")
NO_QR = QT_TRANSLATE_NOOP(
    "Lookup",
    "Chưa thấy mã QR. Đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, giữ yên rồi bấm quét lại; "
    "hoặc bấm “Nhập mã hồ sơ”.",
)
OTHER_QR = QT_TRANSLATE_NOOP(
    "Lookup",
    "Mã QR vừa quét không phải mã trên phiếu hẹn. Hãy đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, "
    "rồi bấm quét lại.",
)
FRESH_TEXT = QT_TRANSLATE_NOOP("Lookup", "✓ Thông tin mới nhất từ cổng dịch vụ công.")
STORED_TEXT = QT_TRANSLATE_NOOP(
    "Lookup", "Chưa kết nối được cổng dịch vụ công. Đây là thông tin cập nhật lần cuối lúc %1."
)
STORED_NEVER_TEXT = QT_TRANSLATE_NOOP(
    "Lookup", "Chưa kết nối được cổng dịch vụ công, và máy chưa có thông tin mới về hồ sơ này."
)
FAILED_TEXT = QT_TRANSLATE_NOOP(
    "Lookup", "Chưa tra cứu được. Xin hãy thử lại hoặc bấm “Gọi nhân viên hỗ trợ”."
)


def _local_time(moment: datetime | None) -> str:
    """The moment as "14:05 ngày 23/11/2026", in the kiosk's time zone (the store keeps UTC)."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return (
        tr("Lookup", QT_TRANSLATE_NOOP("Lookup", "%1 ngày %2"))
        .replace("%1", local.strftime("%H:%M"))
        .replace("%2", format_date(local.date()))
    )


def result_rows(view: StatusView) -> dict[str, Any]:
    """The result page's values, translated: no personal data but the masked name, which the
    domain leaves empty unless the ID number's digits were checked."""
    if view.status_label:
        status = tr("PortalStatus", view.status_label)
    elif view.state is not None:
        status = tr("Tracking", STATE_LABELS[view.state])
    else:
        status = ""
    if view.found is Found.FRESH:
        freshness = tr("Lookup", FRESH_TEXT)
    elif view.found is Found.STORED:
        freshness = (
            tr("Lookup", STORED_TEXT).replace("%1", _local_time(view.status_at))
            if view.status_at
            else tr("Lookup", STORED_NEVER_TEXT)
        )
    else:
        freshness = ""  # not at the portal yet: the message says where it is
    return {
        "code": view.code,
        "procedure": view.procedure_name,
        "status": status,
        "statusDate": format_date(view.status_at.astimezone().date()) if view.status_at else "",
        "appointment": format_date(view.appointment),
        "late": view.late,
        "message": tr("Tracking", view.message),
        "maskedName": view.masked_name,
        "fresh": view.found is Found.FRESH,
        "freshness": freshness,
        "needsPerson": view.late
        or view.state in (DossierState.NEEDS_ATTENTION, DossierState.REJECTED)
        or view.status in ASK_A_PERSON,
    }


class LookupModel(QObject):
    changed = Signal()

    # The receipt may still be moving under the camera; a few stills over some seconds.
    SCAN_SECONDS = 10.0
    SCAN_TRIES = 8
    SCAN_PAUSE = 0.6

    def __init__(self, services: Services, jobs: Jobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._page = ""
        self._code = ""
        self._digits = ""
        self._message = ""
        self._busy = False
        self._scanning = False
        self._result: dict[str, Any] = {}
        self._not_found = ""
        self._by_qr = False
        # Bumped by every wipe: a job that returns after it belongs to nobody any more.
        self._generation = 0

    def _update(self, message: str = "") -> None:
        self._message = message
        self.changed.emit()

    page = Property(str, lambda self: self._page, notify=changed)
    active = Property(bool, lambda self: bool(self._page), notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    scanning = Property(bool, lambda self: self._scanning, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    code = Property(str, lambda self: self._code, notify=changed)
    result = Property("QVariantMap", lambda self: self._result, notify=changed)
    notFound = Property(str, lambda self: self._not_found, notify=changed)

    def holds_personal_data(self) -> bool:
        """Whether anything typed, scanned or found is still here (the idle wipe's test)."""
        return bool(self._code or self._digits or self._result)

    # -- navigation ----------------------------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        self.wipe()
        self._page = "lookup"
        self._update()

    @Slot()
    def chooseTyping(self) -> None:
        if self._busy:
            return
        self._page = "lookup_code"
        self._update()

    @Slot()
    def back(self) -> None:
        """One page back; from the first page, out to the welcome page with nothing kept."""
        if self._page in ("lookup", ""):
            self.finish()
            return
        if self._page == "lookup_digits":
            self._digits = ""
            self._page = "lookup_code"
        elif self._page == "lookup_code":
            self._page = "lookup"
        else:
            self._forget_answer()
            self._code = ""
            self._page = "lookup"
        self._update()

    @Slot()
    def tryAgain(self) -> None:
        """After "not found": the same way in again, the typed code kept to be corrected."""
        self._forget_answer()
        self._page = "lookup" if self._by_qr else "lookup_code"
        if self._by_qr:
            self._code = ""
        self._update()

    @Slot()
    def finish(self) -> None:
        """Back to the welcome page, forgetting everything."""
        self.wipe()

    @Slot()
    def wipe(self) -> None:
        self._generation += 1
        self._page = ""
        self._code = self._digits = ""
        self._busy = self._scanning = self._by_qr = False
        self._forget_answer()
        self._update()

    def _forget_answer(self) -> None:
        self._result = {}
        self._not_found = ""
        self._digits = ""

    # -- typing --------------------------------------------------------------------------------

    @Slot(str)
    def submitCode(self, text: str) -> None:
        code = re.sub(r"\s+", "", text).upper()
        # Only the form is checked here; whether such a dossier exists is never said before the
        # digits are checked too.
        if not (DOSSIER_CODE_RE.fullmatch(code) or LOCAL_REFERENCE_RE.fullmatch(code)):
            self._code = code
            self._update(tr("Lookup", BAD_CODE))
            return
        self._code = code
        self._page = "lookup_digits"
        self._update()

    @Slot(str)
    def submitDigits(self, text: str) -> None:
        if self._busy:
            return
        digits = text.strip()
        if len(digits) != HOLDER_DIGITS or not digits.isascii() or not digits.isdigit():
            self._update(tr("Lookup", BAD_DIGITS))
            return
        self._digits = digits
        self._by_qr = False
        self._look_up(self._code, digits)

    # -- the receipt's QR ----------------------------------------------------------------------

    @Slot()
    def scanQr(self) -> None:
        """Look for a receipt's QR under the camera, then look its code up."""
        if self._busy:
            return
        self._busy = self._scanning = True
        self._by_qr = True
        self._update()
        generation = self._generation
        camera = self._services.camera
        seconds, tries, pause = self.SCAN_SECONDS, self.SCAN_TRIES, self.SCAN_PAUSE

        def work() -> str | bool:
            """The receipt's code, or whether some other code was seen (True) or none (False)."""
            camera.open()
            deadline = time.monotonic() + seconds
            other = False
            try:
                for attempt in range(tries):
                    if attempt:
                        time.sleep(pause)
                    if generation != self._generation or time.monotonic() > deadline:
                        break
                    for found in read_codes(camera.capture_still()):
                        # Any portal's address will do: the code is only ever a key to this
                        # kiosk's store and portal, nothing is fetched from the URL, and the
                        # training portal's address changes with its port at every start.
                        reference = receipt_reference(found.text)
                        if reference is not None:
                            return reference
                        other = True
            finally:
                camera.close()
            return other

        def done(found: str | bool) -> None:
            if generation != self._generation:
                return
            self._scanning = False
            if isinstance(found, str):
                self._code = found
                self._look_up(found, None)
                return
            self._busy = False
            self._update(tr("Lookup", OTHER_QR if found else NO_QR))

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = self._scanning = False
            if isinstance(exc, CameraError):
                log.warning("receipt QR scan: %s", exc)
                self._update(tr("Camera", exc.message))
            else:
                log.error("receipt QR scan crashed: %s", exc.__class__.__name__)
                self._update(tr("Lookup", FAILED_TEXT))

        self._jobs.run("camera", work, done, failed)

    # -- the look-up ---------------------------------------------------------------------------

    def _look_up(self, code: str, digits: str | None) -> None:
        self._busy = True
        self._update()
        generation = self._generation
        store, portal = self._services.store, self._services.portal

        def work() -> StatusView:
            return look_up(store, portal, code, digits, today=date.today())

        def done(view: StatusView) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._digits = ""  # checked: no longer needed
            self._result = result_rows(view)
            self._page = "lookup_result"
            self._update()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._digits = ""
            if isinstance(exc, DossierNotFound):
                # The same sentence for an unknown code and for wrong digits; a receipt's code
                # the portal could not be asked about is "try later", not "no such dossier".
                unreachable = isinstance(exc, PortalUnreachable)
                self._not_found = tr("Tracking", OFFLINE_NOT_FOUND_TEXT if unreachable else NOT_FOUND_TEXT)
                self._page = "lookup_result"
                self._update()
                return
            log.error("look-up failed: %s", exc.__class__.__name__)
            self._update(tr("Lookup", FAILED_TEXT))

        self._jobs.run("network", work, done, failed)
