"""The receipt printer: takes the receipt from `hardware.raster` and puts it on paper.

- `preview.PreviewPrinter` writes PNG files (preview://DIR, the embedded default);
- `thermal.EscPosPrinter` drives an ESC/POS thermal printer over a transport chosen by URI
  (`transport`: tcp://, serial://, file://, usb://, cups://), with the bytes of `escpos` and the
  model's abilities from `profiles`;
- `station.PrinterStation` says what state the printer is in and what became of a slip (printed,
  refused before anything was sent, or uncertain), for the printer's worker thread.

Failures carry a kind (`errors.PrinterErrorKind`) that the UI turns into a plain Vietnamese
sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PIL import Image

from hardware.printer.errors import PAPER_NEAR_END_NOTE, PrinterError, PrinterErrorKind
from hardware.printer.preview import PREVIEW_SCHEME, PreviewPrinter, preview_directory
from hardware.printer.profiles import GENERIC_BY_PAPER, PROFILES, PrinterProfile, select_profile
from hardware.printer.textmode import TextModeUnavailable, text_code_page
from hardware.printer.thermal import EscPosPrinter
from hardware.printer.transport import Timeouts, transport_from_uri

__all__ = [
    "PAPER_NEAR_END_NOTE",
    "PREVIEW_SCHEME",
    "PROFILES",
    "EscPosPrinter",
    "PreviewPrinter",
    "Printer",
    "TextModeUnavailable",
    "PrinterError",
    "PrinterErrorKind",
    "PrinterProfile",
    "PrinterSettings",
    "Timeouts",
    "preview_directory",
    "printer_from_settings",
    "printer_from_uri",
    "select_profile",
]


class Printer(Protocol):
    """What the receipt step needs from a printer. Blocking: call it from a worker thread."""

    def print_image(self, image: Image.Image) -> Path | None:
        """Print `image` (mode "1", as wide as the head). Returns the file written, for printers
        that write files, else None; raises PrinterError."""
        ...


def printer_from_uri(
    uri: str,
    default_dir: Path,
    profile: PrinterProfile | None = None,
    timeouts: Timeouts | None = None,
    text_mode: bool = False,
) -> PreviewPrinter | EscPosPrinter:
    """The printer named in [printer] uri: preview:// or an ESC/POS printer of `profile` (the
    generic 80 mm one when None), printing text as CP1258 text when `text_mode`. A malformed URI
    raises PrinterError NOT_CONFIGURED at once, text mode on a profile without CP1258
    TextModeUnavailable (a ValueError); nothing is opened until the first job or status request."""
    directory = preview_directory(uri, default_dir)
    if directory is not None:
        return PreviewPrinter(directory)
    text = uri.strip()
    if not text:
        raise PrinterError(PrinterErrorKind.NOT_CONFIGURED, "no printer URI configured")
    chosen_timeouts = timeouts or Timeouts()
    transport_from_uri(text, chosen_timeouts)  # checks the URI; the printer opens its own
    return EscPosPrinter(
        text, profile or PROFILES[GENERIC_BY_PAPER[80]], chosen_timeouts, text_mode=text_mode
    )


class PrinterSettings(Protocol):
    """The [printer] section of the settings (config.settings.Printer), as this layer reads it."""

    uri: str
    paper_mm: int
    profile: str
    timeout_seconds: float
    status_timeout_seconds: float
    job_timeout_seconds: float
    text_mode: bool


def printer_from_settings(settings: PrinterSettings, default_dir: Path) -> PreviewPrinter | EscPosPrinter:
    """The configured printer. ValueError for an unknown profile or one for other paper,
    TextModeUnavailable (a ValueError) for text mode on a profile without CP1258; PrinterError
    NOT_CONFIGURED for a malformed URI."""
    profile = select_profile(settings.profile, settings.paper_mm)
    timeouts = Timeouts(
        connect=settings.timeout_seconds,
        write=settings.timeout_seconds,
        status=settings.status_timeout_seconds,
        job=settings.job_timeout_seconds,
    )
    if settings.text_mode:
        text_code_page(profile)  # even for preview://: the setting is wrong for this model
    return printer_from_uri(settings.uri, default_dir, profile, timeouts, settings.text_mode)
