"""`dvc-kiosk print …`: the receipt printer from the command line, for technicians and scripts.

- `print test [--printer URI]`: a test slip (every Vietnamese tone mark, a rule, a QR code, a cut)
  on the configured printer, or on URI with the configured profile and paper width.
- `print status [--printer URI] [--json]`: what the printer says about itself. JSON:
  {"uri", "profile", "online", "paper": "ok|near_end|out|unknown", "cover_open", "error"}, with
  null for what the printer did not say.

Exit status: 0 when the slip printed / the printer said it is ready (online, cover closed, paper
present); 1 when it did not (the Vietnamese sentence and the English detail on stderr); 2 on a
usage or configuration error. A printer that gives no status (CUPS, no DLE EOT) is never reported
ready: "unknown" is not "ok".
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hardware.printer import PrinterError

TEST_QR = "DVC-KIOSK PRINT TEST"
# Every tone mark on a, ă, â, e, ê, i, o, ô, ơ, u, ư, y, and đ: a printer that prints these as
# drawn prints any Vietnamese name.
TONE_LINES = (
    "a á à ả ã ạ  ă ắ ằ ẳ ẵ ặ  â ấ ầ ẩ ẫ ậ",
    "e é è ẻ ẽ ẹ  ê ế ề ể ễ ệ  i í ì ỉ ĩ ị",
    "o ó ò ỏ õ ọ  ô ố ồ ổ ỗ ộ  ơ ớ ờ ở ỡ ợ",
    "u ú ù ủ ũ ụ  ư ứ ừ ử ữ ự  y ý ỳ ỷ ỹ ỵ",
    "Đ đ  NGUYỄN THỊ HƯỜNG  Trần Văn Ổn",
)


def _printer(args: argparse.Namespace):  # noqa: ANN202 - PreviewPrinter | EscPosPrinter
    from config.settings import load_settings
    from hardware.printer import printer_from_settings

    settings = load_settings(args.config)
    printer_settings = settings.printer
    if args.printer:
        printer_settings = dataclasses.replace(printer_settings, uri=args.printer)
    return printer_from_settings(printer_settings, settings.data_dir / "receipts"), printer_settings


def _usage_error(exc: Exception) -> int:
    from hardware.printer import PrinterError

    detail = exc.detail if isinstance(exc, PrinterError) else str(exc)
    print(f"Máy in chưa được cài đặt đúng / printer not configured: {detail}", file=sys.stderr)
    return 2


def _report(exc: PrinterError) -> int:
    print(f"{exc.message}\n{exc}", file=sys.stderr)
    return 1


def printer_test_slip(profile_name: str, uri: str) -> list[Any]:
    """The blocks of the test slip; nothing personal, nothing that passes for a receipt."""
    from egov.receipt import QR, Cut, Rule, Spacer, Text, Title, format_datetime

    return [
        Title("IN THỬ MÁY IN"),
        Text(f"{profile_name} · {uri}", align="center"),
        Text(format_datetime(datetime.now()), align="center"),
        Rule(),
        *(Text(line) for line in TONE_LINES),
        Rule(),
        QR(TEST_QR, "Mã QR thử"),
        Text("Không phải phiếu hẹn — chỉ để thử máy in.", bold=True, align="center"),
        Spacer(16),
        Cut(),
    ]


def cmd_print_test(args: argparse.Namespace) -> int:
    from hardware.printer import PAPER_NEAR_END_NOTE, EscPosPrinter, PrinterError
    from hardware.printer.escpos import Paper
    from hardware.raster import render

    try:
        printer, settings = _printer(args)
    except (ValueError, PrinterError) as exc:
        return _usage_error(exc)
    width = 576 if settings.paper_mm == 80 else 384
    try:
        if isinstance(printer, EscPosPrinter):
            printer.print_blocks(printer_test_slip(printer.profile.name, printer.uri))
            written = None
        else:
            written = printer.print_image(render(printer_test_slip("PNG", settings.uri), width))
    except PrinterError as exc:
        return _report(exc)
    print(f"Đã in phiếu thử / test slip printed: {written or printer.uri}")
    status = getattr(printer, "last_status", None)
    if status is not None and status.paper is Paper.NEAR_END:
        print(f"{PAPER_NEAR_END_NOTE}\npaper near end", file=sys.stderr)
    return 0


def cmd_print_status(args: argparse.Namespace) -> int:
    from hardware.printer import EscPosPrinter, PrinterError, PrinterErrorKind
    from hardware.printer.escpos import Paper

    try:
        printer, settings = _printer(args)
    except (ValueError, PrinterError) as exc:
        return _usage_error(exc)
    result: dict[str, Any] = {"uri": settings.uri, "profile": "preview"}
    message = ""
    if isinstance(printer, EscPosPrinter):
        result["profile"] = printer.profile.key
        try:
            status = printer.status()
            error = "printer reports an error (cutter or head)" if status.error else None
            result.update(
                online=status.online, paper=status.paper.value, cover_open=status.cover_open, error=error
            )
        except PrinterError as exc:
            online = False if exc.kind is PrinterErrorKind.OFFLINE else None
            result.update(online=online, paper=Paper.UNKNOWN.value, cover_open=None, error=str(exc))
            message = exc.message
    else:
        try:
            printer.directory.mkdir(parents=True, exist_ok=True)
            result.update(online=True, paper=Paper.OK.value, cover_open=False, error=None)
        except OSError as exc:
            result.update(online=False, paper=Paper.UNKNOWN.value, cover_open=None, error=str(exc))
    ready = (
        result["online"] is True
        and result["cover_open"] is False
        and result["paper"] in (Paper.OK.value, Paper.NEAR_END.value)
        and result["error"] is None
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:<11} {'null' if value is None else value}")
    if message:
        print(message, file=sys.stderr)
    return 0 if ready else 1


def add_print_commands(sub: Any) -> None:
    group = sub.add_parser("print", help="the receipt printer: test slip, status").add_subparsers(
        dest="print_command", required=True
    )
    uri_help = (
        "printer URI (tcp://HOST:9100, serial://, file://, usb://VID:PID, cups://, preview://); "
        "default: [printer] uri"
    )
    p = group.add_parser("test", help="print a test slip: every tone mark, a QR code, a cut")
    p.add_argument("--printer", metavar="URI", help=uri_help)
    p.set_defaults(func=cmd_print_test)
    p = group.add_parser("status", help="ask the printer whether it is online, has paper, has its cover shut")
    p.add_argument("--printer", metavar="URI", help=uri_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_print_status)
