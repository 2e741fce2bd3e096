"""The documents step for QML: the live camera, the capture sub-flow and the review of pages.

One thing per screen, for citizens alone at the kiosk: the list of papers the procedure asks for
("list") → the live camera for one of them ("camera") → its pages, to delete, retake or reorder
("review") → back to the list. At the agent point each capture first opens the corner editor
("corners"), where the agent drags the page's corners into place before the page is kept.

The camera lives in a `LiveScanner` (threads of its own). A GUI-thread timer reads the scanner's
latest-state slot ~30 times a second while the camera is on screen and bumps `frameNumber` when a
new frame is there; QML's Image then asks the visit's image provider for "image://visit/live/N",
served from the frame this model holds (a copy into a QImage, well under a millisecond): the GUI
thread never waits on the camera. Captures come back from the scanner's thread through a queued
signal that carries nothing (ui/jobs.py says why); the results wait in a locked inbox.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from config.settings import Settings
from egov.flow import Step
from egov.text import QT_TRANSLATE_NOOP
from egov.visit import Visit
from hardware.scanner.camera import Camera, CameraError
from hardware.scanner.flatten import ColourMode, ScannedPage
from hardware.scanner.live import Capture, LiveScanner, LiveState, ScanOptions
from hardware.scanner.pack import Budget, BudgetError, Page, check_dossier, encode_page, pack_document
from hardware.scanner.quality import Gate, Quality, gate_message
from ui.translation import tr

log = logging.getLogger(__name__)

POLL_MS = 30  # faster than any camera here delivers, so no frame waits long for the screen
SAME_CORNERS = 0.005  # corners moved less than this share of the diagonal: the agent left them
CLOSE_TIMEOUT = 2.0

PAGE_FAILED = QT_TRANSLATE_NOOP("Scanner", "Không làm được ảnh trang này. Xin hãy chụp lại.")
TOO_BIG = QT_TRANSLATE_NOOP(
    "Scanner", "Ảnh giấy tờ quá nặng để gửi. Hãy xóa bớt trang thừa hoặc báo cán bộ hướng dẫn."
)


def scan_options(settings: Settings) -> ScanOptions:
    """The scanner's options from the [scanner] settings."""
    scanner = settings.scanner
    return ScanOptions(
        dpi=scanner.dpi,
        colour=ColourMode(scanner.colour),
        auto_capture=scanner.auto_capture,
        hold_seconds=scanner.stable_ms / 1000,
    )


def budget(settings: Settings) -> Budget:
    scanner = settings.scanner
    return Budget.from_kb(scanner.page_max_kb, scanner.document_max_kb, scanner.dossier_max_kb)


def page_encoder(settings: Settings) -> Callable[[ScannedPage, Quality], Page]:
    """How a flat page becomes the page the dossier keeps: JPEG (or G4) within the page budget."""
    limits, quality = budget(settings), settings.scanner.jpeg_quality
    return lambda scanned, _quality: encode_page(
        scanned.image, dpi=scanned.dpi, quality=quality, budget=limits
    )


def dossier_packer(settings: Settings) -> Callable[[Sequence[Page]], bytes]:
    """One PDF per document within the document budget, the documents together within the
    dossier's; a fresh packer for each dossier (it counts what the dossier holds so far)."""
    limits = budget(settings)
    packed: list[bytes] = []

    def pack(pages: Sequence[Page]) -> bytes:
        packed.append(pack_document(pages, limits))
        check_dossier(packed, limits)
        return packed[-1]

    return pack


def to_qimage(image: np.ndarray) -> QImage:
    """A QImage copy of an 8-bit BGR or grey image."""
    pixels = np.ascontiguousarray(image)
    height, width = pixels.shape[:2]
    fmt = QImage.Format.Format_Grayscale8 if pixels.ndim == 2 else QImage.Format.Format_BGR888
    # The copy detaches the QImage from the numpy buffer, which Python may free at any time.
    return QImage(pixels.data, width, height, pixels.strides[0], fmt).copy()


@dataclass(frozen=True, slots=True)
class _Arrival:
    scanner: LiveScanner
    ticket: int
    capture: Capture | None
    error: BaseException | None


class ScanModel(QObject):
    changed = Signal()  # the sub-page, the document, its pages: what the page re-reads
    frameChanged = Signal()  # a new live frame or outline: up to ~30 times a second while live
    _arrived = Signal()  # from the scanner's thread; queued to the GUI thread

    def __init__(
        self,
        camera: Camera,
        settings: Settings,
        *,
        agent_mode: bool,
        visit: Callable[[], Visit],
        pages_changed: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._camera = camera
        self._options = scan_options(settings)
        self._encode = page_encoder(settings)
        self._agent = agent_mode
        self._visit = visit
        self._pages_changed = pages_changed
        self._scanner: LiveScanner | None = None
        self._state = "list"
        self._code = ""
        self._retake = -1  # the page the next capture replaces; -1: it is added at the end
        self._editing: Capture | None = None  # the capture whose corners the agent is checking
        self._waiting = 0  # the ticket of the capture the screen waits for; 0: none
        self._live: LiveState | None = None
        self._frames = 0
        self._revision = 0
        self._notes: dict[int, tuple[Gate, ...]] = {}  # id(page) → the gates its flat page failed
        self._message = ""
        self._inbox: list[_Arrival] = []
        self._inbox_lock = threading.Lock()
        self._arrived.connect(self._collect)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.kept_quad: np.ndarray | None = None  # the corners (still pixels) of the page kept last

    # -- properties ------------------------------------------------------------------------------

    def _document_name(self) -> str:
        found = next((d for d in self._visit().documents() if d.code == self._code), None)
        return found.name if found else ""

    def _pages(self) -> list[Any]:
        return self._visit().pages.get(self._code, []) if self._code else []

    def _page_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "url": f"image://visit/thumb/{self._code}/{i}/{self._revision}",
                "note": self._note(self._notes.get(id(page), ())),
            }
            for i, page in enumerate(self._pages())
        ]

    @staticmethod
    def _note(gates: tuple[Gate, ...]) -> str:
        return tr("Scanner", gate_message(gates[0])) if gates else ""

    def _live_message(self) -> str:
        if self._live is None:
            return tr("Scanner", QT_TRANSLATE_NOOP("Scanner", "Đang mở máy ảnh…"))
        context, text = self._live.message
        return tr(context, text)

    def _outline(self) -> list[float]:
        live = self._live
        if live is None or live.quad is None or live.frame is None:
            return []
        height, width = live.frame.shape[:2]
        return [float(v) for v in (live.quad / (width, height)).reshape(-1)]

    def _edit_corners(self) -> list[float]:
        editing = self._editing
        if editing is None:
            return []
        return [float(v) for v in (editing.quad / editing.still_size).reshape(-1)]

    state = Property(str, lambda self: self._state, notify=changed)
    agentMode = Property(bool, lambda self: self._agent, notify=changed)
    autoCapture = Property(bool, lambda self: self._options.auto_capture, notify=changed)
    documentCode = Property(str, lambda self: self._code, notify=changed)
    documentName = Property(str, _document_name, notify=changed)
    pages = Property("QVariantList", _page_rows, notify=changed)
    pageCount = Property(int, lambda self: len(self._pages()), notify=changed)
    retakeNumber = Property(int, lambda self: self._retake + 1, notify=changed)
    busy = Property(bool, lambda self: self._waiting != 0, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    editUrl = Property(
        str, lambda self: f"image://visit/edit/{self._revision}" if self._editing else "", notify=changed
    )
    editCorners = Property("QVariantList", _edit_corners, notify=changed)
    editNote = Property(
        str, lambda self: self._note(self._editing.quality.gates) if self._editing else "", notify=changed
    )

    frameNumber = Property(int, lambda self: self._frames, notify=frameChanged)
    frameUrl = Property(
        str,
        lambda self: (
            f"image://visit/live/{self._frames}" if self._live and self._live.frame is not None else ""
        ),
        notify=frameChanged,
    )
    outline = Property("QVariantList", _outline, notify=frameChanged)
    liveMessage = Property(str, _live_message, notify=frameChanged)
    # Outlined in green: the page passes every gate and is being taken.
    ready = Property(
        bool,
        lambda self: bool(
            self._live
            and not self._live.error
            and (self._live.capturing or (not self._live.gates and self._live.steady and self._live.armed))
        ),
        notify=frameChanged,
    )
    capturing = Property(bool, lambda self: bool(self._live and self._live.capturing), notify=frameChanged)
    fps = Property(float, lambda self: self._live.fps if self._live else 0.0, notify=frameChanged)

    # -- images for the provider (GUI thread) ----------------------------------------------------

    def image(self, kind: str) -> QImage:
        """The live frame ("live") or the still under the corner editor ("edit")."""
        if kind == "live" and self._live is not None and self._live.frame is not None:
            return to_qimage(self._live.frame)
        if kind == "edit" and self._editing is not None:
            return to_qimage(self._editing.view)
        return QImage()

    # -- the sub-flow ----------------------------------------------------------------------------

    def _go(self, state: str, message: str = "") -> None:
        self._state = state
        self._message = message
        live = state == "camera"
        if self._scanner is not None and not live:
            self._scanner.pause()
        if live:
            self._live = None
            self._scanner_for_visit().resume()
            self._timer.start()
        else:
            self._timer.stop()
            self._live = None  # the last frame need not outlive the camera screen
        self._revision += 1
        self.changed.emit()
        self.frameChanged.emit()

    @Slot(str)
    def openDocument(self, code: str) -> None:  # noqa: N802 - QML's name
        """The live camera for document `code`."""
        self._code, self._retake = code, -1
        self._go("camera")

    @Slot(str)
    def reviewDocument(self, code: str) -> None:  # noqa: N802
        self._code = code
        self._go("review")

    @Slot()
    def addPage(self) -> None:  # noqa: N802
        self._retake = -1
        self._go("camera")

    @Slot(int)
    def retakePage(self, index: int) -> None:  # noqa: N802
        if 0 <= index < len(self._pages()):
            self._retake = index
            self._go("camera")

    @Slot(int)
    def deletePage(self, index: int) -> None:  # noqa: N802
        pages = self._pages()
        if 0 <= index < len(pages):
            self._notes.pop(id(pages[index]), None)
            self._visit().remove_page(self._code, index)
            self._pages_updated()

    @Slot(int, int)
    def movePage(self, index: int, step: int) -> None:  # noqa: N802
        """Move page `index` one place left (step -1) or right (+1)."""
        self._visit().move_page(self._code, index, index + step)
        self._pages_updated()

    @Slot()
    def captureNow(self) -> None:  # noqa: N802
        if self._state != "camera" or self._waiting:
            return
        self._waiting = self._scanner_for_visit().capture_now()
        self.changed.emit()

    @Slot("QVariantList")
    def acceptCorners(self, corners: list[float]) -> None:  # noqa: N802
        """The agent's corners (normalised x, y for TL, TR, BR, BL): keep the page, flattened
        again first if they moved."""
        editing = self._editing
        if self._state != "corners" or editing is None or self._waiting:
            return
        quad = np.asarray(corners, np.float64).reshape(4, 2) * editing.still_size
        diagonal = float(np.hypot(*editing.still_size))
        if float(np.max(np.linalg.norm(quad - editing.quad, axis=1))) < SAME_CORNERS * diagonal:
            self._keep(editing)
            return
        try:
            self._waiting = self._scanner_for_visit().capture_with_quad(quad)
        except ValueError:
            self._message = tr(
                "Scanner",
                QT_TRANSLATE_NOOP(
                    "Scanner", "Bốn góc này không tạo thành một tờ giấy. Hãy kéo lại cho đúng."
                ),
            )
        self.changed.emit()

    @Slot()
    def retakeCorners(self) -> None:  # noqa: N802
        """The agent drops the capture being checked and takes the page again."""
        self._editing = None
        self._waiting = 0
        self._go("camera")

    @Slot()
    def showList(self) -> None:  # noqa: N802
        self._editing, self._waiting, self._retake = None, 0, -1
        self._go("list")

    @Slot()
    def back(self) -> None:
        if self._state == "corners":
            self.retakeCorners()
        elif self._state == "camera" and self._pages():
            self._retake = -1
            self._waiting = 0
            self._go("review")
        else:
            self.showList()

    def follow(self, step: Step) -> None:
        """The visit moved to `step`: the camera is only on while the documents step shows it."""
        if step is not Step.DOCUMENTS and self._state != "list":
            self.showList()

    def end_visit(self, wait: float = 0.0) -> None:
        """Forget the visit's pages and frames and release the camera (waiting up to `wait` s)."""
        self._timer.stop()
        scanner, self._scanner = self._scanner, None
        if scanner is not None and not scanner.stop(timeout=wait) and wait:
            log.warning("the camera did not stop within %.1f s", wait)
        with self._inbox_lock:
            self._inbox.clear()
        self._live = self._editing = None
        self._notes.clear()
        self._state, self._code, self._retake, self._waiting, self._message = "list", "", -1, 0, ""
        self.kept_quad = None
        self.changed.emit()
        self.frameChanged.emit()

    # -- the scanner -----------------------------------------------------------------------------

    def _scanner_for_visit(self) -> LiveScanner:
        if self._scanner is None:
            scanner: LiveScanner | None = None

            def captured(capture: Capture) -> None:
                self._post(_Arrival(scanner, capture.ticket, capture, None))  # type: ignore[arg-type]

            def failed(ticket: int, exc: BaseException) -> None:
                self._post(_Arrival(scanner, ticket, None, exc))  # type: ignore[arg-type]

            scanner = LiveScanner(self._camera, captured, failed, options=self._options, encode=self._encode)
            scanner.start()
            self._scanner = scanner
        return self._scanner

    def _post(self, arrival: _Arrival) -> None:
        """On the scanner's thread: leave the result and call the GUI thread over."""
        with self._inbox_lock:
            self._inbox.append(arrival)
        self._arrived.emit()

    @Slot()
    def _poll(self) -> None:
        scanner = self._scanner
        live = scanner.latest() if scanner is not None else None
        if live is None or live is self._live:
            return
        if self._live is None or live.frame is not self._live.frame:
            self._frames += 1
        self._live = live
        self.frameChanged.emit()

    @Slot()
    def _collect(self) -> None:
        with self._inbox_lock:
            arrivals, self._inbox = self._inbox, []
        for arrival in arrivals:
            if arrival.scanner is not self._scanner:
                continue  # from a visit that has ended
            if arrival.error is not None:
                self._failed(arrival)
            elif arrival.capture is not None:
                self._arrive(arrival.capture)

    def _failed(self, arrival: _Arrival) -> None:
        exc = arrival.error
        log.warning("capture failed: %s", exc.__class__.__name__)
        if arrival.ticket == self._waiting:
            self._waiting = 0
        if isinstance(exc, CameraError):
            self._message = tr("Camera", exc.message)
        elif isinstance(exc, BudgetError):
            self._message = tr("Scanner", TOO_BIG)
        else:
            self._message = tr("Scanner", PAGE_FAILED)
        self.changed.emit()

    def _arrive(self, capture: Capture) -> None:
        wanted = self._state == "camera" and capture.ticket in (0, self._waiting)
        corrected = self._state == "corners" and capture.ticket == self._waiting
        if not (wanted or corrected):
            return  # the screen moved on while the page was being made
        self._waiting = 0
        if self._agent and wanted:
            self._editing = capture
            self._go("corners")
            return
        self._keep(capture)

    def _keep(self, capture: Capture) -> None:
        visit, page = self._visit(), capture.page
        pages = self._pages()
        if 0 <= self._retake < len(pages):
            self._notes.pop(id(pages[self._retake]), None)
            visit.replace_page(self._code, self._retake, page)
        else:
            visit.add_page(self._code, page)
        self._notes[id(page)] = capture.quality.gates
        self.kept_quad = capture.quad
        self._editing, self._retake = None, -1
        note = self._note(capture.quality.gates)
        self._go("review", note)
        self._pages_changed()

    def _pages_updated(self) -> None:
        self._revision += 1
        self.changed.emit()
        self._pages_changed()
