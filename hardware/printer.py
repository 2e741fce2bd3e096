"""The receipt printer: takes the 1-bit receipt image from `hardware.raster` and puts it on paper.

`PreviewPrinter` writes PNG files instead, so that the kiosk runs and can be demonstrated with no
printer. Real printers (ESC/POS over USB, serial or the network) come later behind the same
`Printer` protocol and are chosen by URI in [printer] uri; until then such URIs are refused with
NOT_CONFIGURED rather than silently dropped. Failures carry a kind the UI turns into a plain
Vietnamese sentence.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PIL import Image

from egov.text import QT_TRANSLATE_NOOP
from hardware.errors import DeviceError

PREVIEW_SCHEME = "preview://"


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


class PrinterError(DeviceError[PrinterErrorKind]):
    """A printer failure. `message` is the Vietnamese sentence for the screen (translate it with
    context "Printer"); str() is the English detail for the log."""

    device = "printer"
    messages = _MESSAGES


class Printer(Protocol):
    """What the receipt step needs from a printer. Blocking: call it from a worker thread."""

    def print_image(self, image: Image.Image) -> Path | None:
        """Print `image` (mode "1", as wide as the head). Returns the file written, for printers
        that write files, else None; raises PrinterError."""
        ...


class PreviewPrinter:
    """A printer that writes each receipt as `receipt-YYYYmmdd-HHMMSS-<n>.png` in `directory`."""

    def __init__(self, directory: Path | str, clock: Callable[[], datetime] = datetime.now) -> None:
        self.directory = Path(directory).expanduser()
        self._clock = clock

    def print_image(self, image: Image.Image) -> Path:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PrinterError(
                PrinterErrorKind.OFFLINE, f"cannot create {self.directory}: {exc.strerror}"
            ) from exc
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        number = 1
        while True:
            path = self.directory / f"receipt-{stamp}-{number}.png"
            try:
                # "x" creates the file or fails: two receipts in one second never overwrite.
                with path.open("xb") as file:
                    image.save(file, format="PNG")
                return path
            except FileExistsError:
                number += 1
            except OSError as exc:
                path.unlink(missing_ok=True)
                raise PrinterError(PrinterErrorKind.OFFLINE, f"cannot write {path}: {exc.strerror}") from exc


def preview_directory(uri: str, default_dir: Path) -> Path | None:
    """The folder of a preview:// URI ('preview://' → `default_dir`), or None for other URIs."""
    text = uri.strip()
    if not text.startswith(PREVIEW_SCHEME):
        return None
    rest = text[len(PREVIEW_SCHEME) :]
    # preview:///srv/receipts is an absolute path; preview://receipts one relative to the cwd.
    return Path(rest).expanduser() if rest else default_dir


def printer_from_uri(uri: str, default_dir: Path) -> Printer:
    """The printer named in [printer] uri. Only preview:// is supported so far."""
    directory = preview_directory(uri, default_dir)
    if directory is not None:
        return PreviewPrinter(directory)
    text = uri.strip()
    if not text:
        raise PrinterError(PrinterErrorKind.NOT_CONFIGURED, "no printer URI configured")
    scheme = text.split("://", 1)[0] if "://" in text else text
    raise PrinterError(
        PrinterErrorKind.NOT_CONFIGURED,
        f"printer scheme {scheme!r} is not yet supported (use preview:// or preview:///a/folder)",
    )
