"""The printer of the embedded default: each receipt becomes a PNG file, so that the kiosk runs and
can be demonstrated with no printer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PIL import Image

from hardware.printer.errors import PrinterError, PrinterErrorKind

PREVIEW_SCHEME = "preview://"


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
