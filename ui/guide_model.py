"""The kiosk's "Hướng dẫn" for QML: a procedure's guide with pictures, beside the visit.

Not a step of the visit (egov.flow), nothing personal: like the look-up (ui/lookup_model.py) it has
a `page` of its own that Main.qml shows instead of the visit's while it is not empty.

    guide_list   "Cần mang giấy tờ gì?" on the welcome page: the procedures, most used first
    guide        one procedure's guide: papers to bring, the steps at the kiosk, what follows

Opened from the procedure page ("Xem hướng dẫn"), "Quay lại" goes back to that page, where the
visit waits as it was; opened from the list, back to the list. "In hướng dẫn" rasterises the
papers' drawings on the "render" worker (ui.guide_pictures) and hands the slip to the printer's
own thread (ui.printer_model); the GUI thread never waits. The visit's end (idle, "Kết thúc")
closes the guide too, so the kiosk is back at rest.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from egov.guides import CONTEXT, DRAWN_NOTE, PICTURES, Guide, GuideItem, guide_for, guide_slip, print_pictures
from egov.receipt import Block
from egov.text import QT_TRANSLATE_NOOP
from ui.guide_pictures import PRINT_HEIGHT_DOTS, picture_url, print_blocks
from ui.jobs import Jobs
from ui.printer_model import PrinterModel
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

PRINTING = QT_TRANSLATE_NOOP("Guide", "Đang in hướng dẫn…")
PRINTED = QT_TRANSLATE_NOOP("Guide", "✓ Đã in hướng dẫn. Mời bạn lấy phiếu ở khe máy in.")
NOT_PRINTED = QT_TRANSLATE_NOOP("Guide", "Chưa in được hướng dẫn: %1")
PRINT_UNKNOWN = QT_TRANSLATE_NOOP(
    "Guide", "Không biết phiếu đã in ra hay chưa. Vui lòng báo cán bộ hướng dẫn."
)
PRINT_FAILED = QT_TRANSLATE_NOOP("Guide", "Chưa in được hướng dẫn. Vui lòng báo cán bộ hướng dẫn.")

RENDER_LANE = "render"


def _t(text: str) -> str:
    return tr(CONTEXT, text)


def _item(item: GuideItem, number: int = 0) -> dict[str, Any]:
    return {
        "number": number,
        "text": item.sentence.text(_t),
        "detail": item.detail.text(_t) if item.detail is not None else "",
        "picture": picture_url(item.picture),
        "pictureText": _t(PICTURES[item.picture]),
    }


def guide_rows(guide: Guide) -> dict[str, Any]:
    """The guide page's values, translated (the catalogue's names and notes stay as they are)."""
    return {
        "code": guide.code,
        "name": guide.name,
        "documents": [
            {
                "number": number,
                "name": document.name,
                "counts": document.counts.text(_t),
                "need": document.need.text(_t),
                "required": document.required,
                "note": document.note,
                "picture": picture_url(document.picture),
                "pictureText": _t(PICTURES[document.picture]),
            }
            for number, document in enumerate(guide.documents, start=1)
        ],
        "notes": [note.text(_t) for note in guide.document_notes],
        "steps": [_item(step, number) for number, step in enumerate(guide.steps, start=1)],
        "after": [_item(item) for item in guide.after],
        "drawnNote": _t(DRAWN_NOTE),
    }


class GuideModel(QObject):
    changed = Signal()

    def __init__(
        self, services: Services, jobs: Jobs, printer: PrinterModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._printer = printer
        self._page = ""
        self._from_list = False
        self._guide: Guide | None = None
        self._rows: dict[str, Any] = {}
        self._message = ""
        self._printed = False
        self._busy = False  # drawing the pictures, or the printer's thread at work
        self._job = ""
        self._generation = 0  # bumped when the guide closes: a drawing that returns later is dropped
        printer.jobEnded.connect(self._on_print_end)

    page = Property(str, lambda self: self._page, notify=changed)
    active = Property(bool, lambda self: bool(self._page), notify=changed)
    guide = Property("QVariantMap", lambda self: self._rows, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    printed = Property(bool, lambda self: self._printed, notify=changed)
    printing = Property(bool, lambda self: self._busy, notify=changed)

    def _procedures(self) -> list[dict[str, str]]:
        return [{"code": p.code, "name": p.name} for p in self._services.catalog.popular()]

    procedures = Property("QVariantList", _procedures, constant=True)

    # -- navigation ----------------------------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        """“Cần mang giấy tờ gì?” on the welcome page: the list of procedures."""
        self._close()
        self._page = "guide_list"
        self.changed.emit()

    @Slot(str)
    def choose(self, code: str) -> None:
        """A procedure picked from the list."""
        if self._show(code):
            self._from_list = True

    @Slot(str)
    def open(self, code: str) -> None:
        """“Xem hướng dẫn” beside a procedure on the procedure page: back returns there."""
        if self._show(code):
            self._from_list = False

    def _show(self, code: str) -> bool:
        procedure = self._services.catalog.get(code)
        if procedure is None:
            return False
        self._forget_print()
        self._guide = guide_for(procedure)
        self._rows = guide_rows(self._guide)
        self._page = "guide"
        self.changed.emit()
        return True

    @Slot()
    def back(self) -> None:
        """“Quay lại”: from a guide to the list it was chosen from, else out to the page below."""
        if self._page == "guide" and self._from_list:
            self._forget_print()
            self._guide, self._rows = None, {}
            self._page = "guide_list"
            self.changed.emit()
            return
        self._close()
        self.changed.emit()

    @Slot()
    def wipe(self) -> None:
        """The visit ended (idle or “Kết thúc”): the kiosk goes back to rest."""
        self._close()
        self.changed.emit()

    def _close(self) -> None:
        self._forget_print()
        self._page = ""
        self._from_list = False
        self._guide, self._rows = None, {}

    def _forget_print(self) -> None:
        self._generation += 1
        self._job = ""
        self._busy = False
        self._message = ""
        self._printed = False

    # -- printing ------------------------------------------------------------------------------

    @Slot()
    def printGuide(self) -> None:
        """“In hướng dẫn”: the guide on the receipt printer, its papers' pictures drawn on a worker."""
        guide = self._guide
        if guide is None or self._busy:
            return
        self._busy, self._printed = True, False
        self._message = _t(PRINTING)
        self.changed.emit()
        generation = self._generation
        office, catalog = self._services.settings.office, self._services.catalog
        printed_at = datetime.now()

        def work() -> list[Block]:
            return guide_slip(
                guide,
                office_name=office.name,
                office_address=office.address,
                hotline=office.hotline,
                catalog_version=catalog.version,
                catalog_date=catalog.date,
                printed_at=printed_at,
                pictures=print_blocks(print_pictures(guide), PRINT_HEIGHT_DOTS),
            )

        def done(blocks: list[Block]) -> None:
            if generation != self._generation:
                return
            self._job = self._printer.submit("guide", guide.code, blocks)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            log.error("guide %s not drawn for printing: %s", guide.code, exc.__class__.__name__)
            self._busy = False
            self._message = _t(PRINT_FAILED)
            self.changed.emit()

        self._jobs.run(RENDER_LANE, work, done, failed)

    @Slot(str, str)
    def _on_print_end(self, job_id: str, _outcome: str) -> None:
        if not job_id or job_id != self._job:
            return
        self._job = ""
        self._busy = False
        result = self._printer.take_result(job_id)
        if result is None:
            self._message = _t(PRINT_UNKNOWN)
        elif result.message:
            self._message = _t(NOT_PRINTED).replace("%1", tr("Printer", result.message))
        else:
            self._printed = True
            self._message = _t(PRINTED)
        self.changed.emit()
