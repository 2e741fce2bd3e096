"""`dvc-kiosk print …`: the receipt printer from the command line, for technicians and scripts.

- `print test [--printer URI]`: a test slip (every Vietnamese tone mark, a rule, a QR code, a cut)
  on the configured printer, or on URI with the configured profile and paper width.
- `print status [--printer URI] [--json]`: what the printer says about itself. JSON:
  {"uri", "profile", "online", "paper": "ok|near_end|out|unknown", "cover_open", "error"}, with
  null for what the printer did not say.
- `print receipt --dossier CODE [--printer URI] [--reprint]`: the receipt of a dossier in this
  kiosk's store, by its dossier code or its local reference (TN-…), as the visit printed it;
  `--reprint` marks it "BẢN IN LẠI". The appointment is counted in working days from the day it
  was received (egov.workdays).
- `print checklist --procedure CODE [--printer URI]`: the documents to bring for a procedure of
  the catalogue.

Exit status: 0 when the slip printed / the printer said it is ready (online, cover closed, paper
present); 1 when it did not, or the dossier or procedure is unknown (the Vietnamese sentence and
the English detail on stderr); 2 on a usage or configuration error. A printer that gives no status
(CUPS, no DLE EOT) is never reported ready: "unknown" is not "ok".
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


def _not_found(vietnamese: str, english: str) -> int:
    print(f"{vietnamese}\n{english}", file=sys.stderr)
    return 1


def _print_slip(args: argparse.Namespace, blocks: list[Any], what: str) -> int:
    """Print `blocks` on the configured (or --printer) printer and say what became of them."""
    from hardware.printer import PAPER_NEAR_END_NOTE, PrinterError
    from hardware.printer.station import JobOutcome, PrinterState, PrinterStation

    try:
        printer, settings = _printer(args)
    except (ValueError, PrinterError) as exc:
        return _usage_error(exc)
    result = PrinterStation(printer, 576 if settings.paper_mm == 80 else 384).print_slip(blocks)
    if result.outcome is not JobOutcome.PRINTED:
        word = "not printed" if result.outcome is JobOutcome.REFUSED else "may or may not have printed"
        print(f"{result.message}\n{what}: {word}: {result.detail}", file=sys.stderr)
        return 1
    print(f"Đã in / printed: {what}: {result.path or printer.uri}")
    if result.state is PrinterState.NEAR_END:
        print(f"{PAPER_NEAR_END_NOTE}\npaper near end", file=sys.stderr)
    return 0


def _tracking_base(settings: Any) -> str:
    """The portal's address for the receipt's QR; none for a training portal on a passing port."""
    if settings.portal.kind == "http":
        return str(settings.portal.url)
    portal = settings.training_portal
    return f"http://{portal.host}:{portal.port}" if portal.port else ""


def cmd_print_receipt(args: argparse.Namespace) -> int:
    from config.settings import load_settings
    from egov.catalog import load_catalog
    from egov.reprint import stored_receipt
    from egov.store import DossierNotFound, PersonalDataPurged, StoreError, open_store

    settings = load_settings(args.config)
    code = args.dossier.strip()
    try:
        store = open_store(settings)
    except StoreError as exc:
        return _not_found("Không mở được cơ sở dữ liệu của máy.", f"store: {exc}")
    rule = settings.printer.mask_name
    try:
        found = store.find_dossier(code)
        blocks = stored_receipt(
            store,
            found.client_id,
            catalog=load_catalog(),
            settings=settings,
            tracking_base_url=_tracking_base(settings),
            mask_name=rule == "always" or (rule == "kiosk" and settings.office.mode == "kiosk"),
            reprinted_at=datetime.now() if args.reprint else None,
        )
    except DossierNotFound:
        return _not_found(
            f"Không tìm thấy hồ sơ có mã {code} trên máy này.",
            f"no dossier with code or local reference {code!r} in this kiosk's store",
        )
    except PersonalDataPurged:
        return _not_found(
            f"Hồ sơ {code} đã được xóa thông tin cá nhân sau khi cơ quan nhận; không in lại phiếu được.",
            f"dossier {code}: personal data purged after the portal accepted it; no receipt can be printed",
        )
    finally:
        store.close()
    return _print_slip(args, blocks, f"receipt of {found.dossier_code or code}")


def cmd_print_checklist(args: argparse.Namespace) -> int:
    from config.settings import load_settings
    from egov.catalog import load_catalog
    from egov.receipt import checklist_slip

    settings = load_settings(args.config)
    catalog = load_catalog()
    code = args.procedure.strip()
    procedure = catalog.get(code)
    if procedure is None:
        return _not_found(
            f"Không có thủ tục mã {code} trong danh mục (phiên bản {catalog.version}). "
            "Tìm mã bằng: dvc-kiosk catalog search TÊN_THỦ_TỤC",
            f"no procedure {code!r} in the catalogue version {catalog.version}; "
            "find codes with: dvc-kiosk catalog search WORDS",
        )
    blocks = checklist_slip(
        procedure,
        office_name=settings.office.name,
        office_address=settings.office.address,
        hotline=settings.office.hotline,
        catalog_version=catalog.version,
        catalog_date=catalog.date,
        printed_at=datetime.now(),
    )
    return _print_slip(args, blocks, f"checklist of {procedure.code}")


def add_print_commands(sub: Any) -> None:
    group = sub.add_parser(
        "print", help="the receipt printer: receipts, checklists, test slip, status"
    ).add_subparsers(dest="print_command", required=True)
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
    p = group.add_parser("receipt", help="print the receipt of a dossier kept on this kiosk")
    p.add_argument("--dossier", metavar="CODE", required=True, help="dossier code, or local reference TN-…")
    p.add_argument("--printer", metavar="URI", help=uri_help)
    p.add_argument("--reprint", action="store_true", help='mark the slip "BẢN IN LẠI" (a second copy)')
    p.set_defaults(func=cmd_print_receipt)
    p = group.add_parser("checklist", help="print the documents to bring for a procedure")
    p.add_argument("--procedure", metavar="CODE", required=True, help="procedure code, e.g. 1.001193")
    p.add_argument("--printer", metavar="URI", help=uri_help)
    p.set_defaults(func=cmd_print_checklist)
