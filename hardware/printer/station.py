"""One printer, as the kiosk sees it between jobs and after each: its state in a word and a
sentence, and what became of a slip (printed, refused before anything was sent, or uncertain).

The difference between "refused" and "uncertain" is what keeps a slip from being printed twice
without anyone knowing: a refused slip never reached the printer and may simply be sent again; an
uncertain one may be on paper already, or come out by itself once paper is back (printers hold
what they could not print), so it is only ever printed again marked "BẢN IN LẠI".

Blocking and not thread-safe: the printer's worker thread (ui.printer_model) is its only user.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from egov.receipt import Block
from egov.text import QT_TRANSLATE_NOOP
from hardware.printer.errors import PAPER_NEAR_END_NOTE, PrinterError, PrinterErrorKind
from hardware.printer.escpos import Paper, PrinterStatus
from hardware.printer.preview import PreviewPrinter
from hardware.printer.thermal import EscPosPrinter
from hardware.raster import render

log = logging.getLogger(__name__)


class PrinterState(enum.Enum):
    READY = "ready"
    NEAR_END = "near_end"  # prints; the roll needs changing soon
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"  # unreachable, switched off, unplugged, or reporting an error
    UNKNOWN = "unknown"  # not asked yet, silent, or a printer that cannot tell: never "ready"

    @property
    def can_print(self) -> bool:
        return self in (PrinterState.READY, PrinterState.NEAR_END)

    @property
    def message(self) -> str:
        """The Vietnamese sentence for the screen; translate it with context "Printer"."""
        return _STATE_MESSAGES[self]


_STATE_MESSAGES = {
    PrinterState.READY: QT_TRANSLATE_NOOP("Printer", "Máy in sẵn sàng."),
    PrinterState.NEAR_END: PAPER_NEAR_END_NOTE,
    PrinterState.PAPER_OUT: PrinterError.messages[PrinterErrorKind.PAPER_OUT],
    PrinterState.COVER_OPEN: PrinterError.messages[PrinterErrorKind.COVER_OPEN],
    PrinterState.OFFLINE: PrinterError.messages[PrinterErrorKind.OFFLINE],
    PrinterState.UNKNOWN: QT_TRANSLATE_NOOP(
        "Printer", "Chưa biết máy in có sẵn sàng không. Nếu phiếu không ra, vui lòng báo cán bộ."
    ),
}

_STATE_OF_KIND = {
    PrinterErrorKind.PAPER_OUT: PrinterState.PAPER_OUT,
    PrinterErrorKind.COVER_OPEN: PrinterState.COVER_OPEN,
    PrinterErrorKind.OFFLINE: PrinterState.OFFLINE,
    PrinterErrorKind.NOT_CONFIGURED: PrinterState.OFFLINE,
    PrinterErrorKind.TIMEOUT: PrinterState.UNKNOWN,
}

PAPER_OUT_MID_JOB = QT_TRANSLATE_NOOP(
    "Printer",
    "Máy in hết giấy khi đang in. Khi có giấy, phiếu có thể tự in tiếp; nếu không thấy phiếu, "
    "bấm “In lại phiếu hẹn” (phiếu in lại ghi “BẢN IN LẠI”).",
)
LOST_MID_JOB = QT_TRANSLATE_NOOP(
    "Printer",
    "Máy in không xác nhận đã in xong. Nếu không thấy phiếu, bấm “In lại phiếu hẹn” "
    "(phiếu in lại ghi “BẢN IN LẠI”).",
)


def state_of(status: PrinterStatus | None) -> PrinterState:
    """The state a status reply says; what it leaves out counts against it, never for it."""
    if status is None or not status.known:
        return PrinterState.UNKNOWN
    if status.cover_open:
        return PrinterState.COVER_OPEN
    if status.paper is Paper.OUT:
        return PrinterState.PAPER_OUT
    if status.online is False or status.error:
        return PrinterState.OFFLINE
    if status.paper is Paper.NEAR_END:
        return PrinterState.NEAR_END
    if status.paper is Paper.OK and status.cover_open is False:
        return PrinterState.READY
    return PrinterState.UNKNOWN


class JobOutcome(enum.Enum):
    PRINTED = "printed"
    REFUSED = "refused"  # nothing was sent: safe to send again as it is
    UNCERTAIN = "uncertain"  # sent, not confirmed: only a marked reprint


@dataclass(frozen=True, slots=True)
class JobResult:
    outcome: JobOutcome
    state: PrinterState  # the printer's state as the job left it
    error: PrinterErrorKind | None = None
    path: str = ""  # the file written, for printers that write files
    detail: str = ""  # English, for the log; never the slip's content

    @property
    def message(self) -> str:
        """The Vietnamese sentence for the screen (context "Printer"), empty when all went well."""
        if self.outcome is JobOutcome.UNCERTAIN:
            return PAPER_OUT_MID_JOB if self.error is PrinterErrorKind.PAPER_OUT else LOST_MID_JOB
        if self.outcome is JobOutcome.REFUSED:
            return PrinterError.messages[self.error or PrinterErrorKind.OFFLINE]
        return ""


class PrinterStation:
    """The configured printer with the width its slips are drawn at."""

    def __init__(self, printer: EscPosPrinter | PreviewPrinter, width: int) -> None:
        self.printer = printer
        self.width = printer.width_dots if isinstance(printer, EscPosPrinter) else width
        self.state = PrinterState.UNKNOWN

    @property
    def description(self) -> str:
        if isinstance(self.printer, EscPosPrinter):
            return f"{self.printer.profile.key} {self.printer.uri}"
        return f"preview {self.printer.directory}"

    def poll(self) -> PrinterState:
        """Ask the printer how it is (a new connection each time, so a printer unplugged or
        switched off and back is simply found again)."""
        printer = self.printer
        if isinstance(printer, EscPosPrinter):
            try:
                state = state_of(printer.status())
            except PrinterError as exc:
                log.debug("printer status: %s", exc)
                state = _STATE_OF_KIND[exc.kind]
        else:
            try:
                printer.directory.mkdir(parents=True, exist_ok=True)
                state = PrinterState.READY
            except OSError:
                state = PrinterState.OFFLINE
        self._note(state)
        return state

    def print_slip(self, blocks: Sequence[Block]) -> JobResult:
        """Print `blocks`; never raises for a printer failure, says what happened instead."""
        printer = self.printer
        try:
            if isinstance(printer, EscPosPrinter):
                printer.print_blocks(blocks)
                path = ""
                state = state_of(printer.last_status)  # UNKNOWN where the model cannot tell
            else:
                path = str(printer.print_image(render(blocks, self.width)))  # type: ignore[arg-type]
                state = PrinterState.READY
        except PrinterError as exc:
            outcome = JobOutcome.UNCERTAIN if exc.maybe_printed else JobOutcome.REFUSED
            state = _STATE_OF_KIND[exc.kind]
            self._note(state)
            log.warning("print job %s: %s", outcome.value, exc)
            return JobResult(outcome, state, exc.kind, detail=str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug mid-job: it may have printed, say so
            log.exception("print job failed unexpectedly")
            self._note(PrinterState.UNKNOWN)
            return JobResult(JobOutcome.UNCERTAIN, PrinterState.UNKNOWN, detail=exc.__class__.__name__)
        self._note(state)
        return JobResult(JobOutcome.PRINTED, state, path=path)

    def _note(self, state: PrinterState) -> None:
        if state is not self.state:
            log.info("printer %s: %s -> %s", self.description, self.state.value, state.value)
        self.state = state
