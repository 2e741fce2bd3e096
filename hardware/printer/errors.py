"""What can go wrong with the receipt printer, as kinds with a plain Vietnamese sentence each.

The transports (hardware.printer.transport) and the ESC/POS printer map every OS, socket, USB and
status failure to one of these kinds; the English detail names the device and the cause for the
log, never a receipt's content.
"""

from __future__ import annotations

import enum

from egov.text import QT_TRANSLATE_NOOP
from hardware.errors import DeviceError


class PrinterErrorKind(enum.Enum):
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    TIMEOUT = "timeout"
    NOT_CONFIGURED = "not_configured"


_MESSAGES: dict[PrinterErrorKind, str] = {
    PrinterErrorKind.OFFLINE: QT_TRANSLATE_NOOP(
        "Printer", "Máy in chưa sẵn sàng. Vui lòng báo cán bộ hướng dẫn."
    ),
    PrinterErrorKind.PAPER_OUT: QT_TRANSLATE_NOOP(
        "Printer", "Máy in hết giấy. Vui lòng báo cán bộ hướng dẫn."
    ),
    PrinterErrorKind.COVER_OPEN: QT_TRANSLATE_NOOP(
        "Printer", "Nắp máy in đang mở. Vui lòng báo cán bộ hướng dẫn."
    ),
    PrinterErrorKind.TIMEOUT: QT_TRANSLATE_NOOP(
        "Printer", "Máy in không phản hồi. Phiếu có thể chưa được in; bạn có thể in lại."
    ),
    PrinterErrorKind.NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "Printer", "Máy in chưa được cài đặt. Vui lòng báo cán bộ hướng dẫn."
    ),
}

# Not a failure: the slip printed, but the roll is nearly used up. For the staff, not the citizen.
PAPER_NEAR_END_NOTE = QT_TRANSLATE_NOOP("Printer", "Máy in sắp hết giấy. Cán bộ hãy thay cuộn giấy mới.")


class PrinterError(DeviceError[PrinterErrorKind]):
    """A printer failure. `message` is the Vietnamese sentence for the screen (translate it with
    context "Printer"); str() is the English detail for the log. `maybe_printed` is True once any
    byte of the job has left: the slip may be on paper, or come out later, so printing it again
    must be a marked reprint."""

    device = "printer"
    messages = _MESSAGES
    maybe_printed = False
