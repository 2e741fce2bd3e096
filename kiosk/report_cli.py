"""`dvc-kiosk report daily` and `dvc-kiosk audit verify`: the end-of-day report to a file, and the
audit trail's check, for supervisors, technicians and whoever audits the office.

    dvc-kiosk report daily [--date YYYY-MM-DD] [--office CODE] [--agent USER] --format csv|pdf --out FILE
    dvc-kiosk audit verify [--anchor ID:HASH]

report daily: the day (default: today, this machine's local day) of the office ([office] code, or
--office), or of one staff account (--agent); see egov.reports for what it holds. CSV: UTF-8 with
a byte-order mark, ";" between fields, for Excel. Exit status: 0 written (the file's path on stdout);
1 the file could not be written; 2 a wrong argument, the Vietnamese sentence and the English detail
on stderr.

audit verify: walks the audit trail's hash chain and prints its head, the last entry's id and hash,
and the short mark ("Mã kiểm tra nhật ký") printed on end-of-day slips and reports, to be written
down. With --anchor ID:HASH (a mark from a slip, or a full hash), entry ID must still have that
hash: that catches a chain recomputed by someone with access to the database, which the chain
alone cannot. Exit status: 0 whole (and the anchor holds); 1 broken, with the first bad entry's id,
or the anchor does not hold; 2 a wrong anchor.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

FORMATS = ("csv", "pdf")
BAD_DATE = "Ngày không hợp lệ. Hãy viết theo dạng năm-tháng-ngày, ví dụ 2026-03-12."
BAD_FORMAT = "Định dạng báo cáo phải là csv hoặc pdf."
NO_OUT = "Hãy cho biết tệp để lưu báo cáo (--out)."
NO_FOLDER = "Thư mục để lưu báo cáo không tồn tại."
BAD_NAME = "Mã điểm tiếp nhận hoặc tên tài khoản không hợp lệ."
NOT_WRITTEN = "Không ghi được tệp báo cáo."
BAD_ANCHOR = "Mã kiểm tra không hợp lệ. Hãy viết theo dạng SỐ:MÃ, ví dụ 1234:0a1b2c3d4e5f6789."


def _refuse(sentence: str, detail: str) -> int:
    print(f"{sentence}\n{detail}", file=sys.stderr)
    return 2


def cmd_report_daily(args: argparse.Namespace) -> int:
    from config.settings import load_settings

    try:
        day = date.fromisoformat(args.date) if args.date else datetime.now().astimezone().date()
    except ValueError:
        return _refuse(BAD_DATE, f"invalid --date {args.date!r}: use YYYY-MM-DD")
    if args.format not in FORMATS:
        return _refuse(BAD_FORMAT, f"invalid --format {args.format!r}: csv or pdf")
    if not args.out:
        return _refuse(NO_OUT, "--out FILE is required")
    out = Path(args.out)
    if not out.parent.is_dir():
        return _refuse(NO_FOLDER, f"no such folder: {out.parent}")
    for value in (args.office, args.agent):
        if value is not None and not 0 < len(value.strip()) <= 64:
            return _refuse(BAD_NAME, "--office and --agent take 1 to 64 characters")
    settings = load_settings(args.config)
    office = args.office.strip() if args.office else settings.office.code
    agent = args.agent.strip() if args.agent else None

    from egov.reports import daily_report, to_csv
    from egov.store import open_store

    store = open_store(settings)
    try:
        report = daily_report(store, day, office, agent=agent)
    finally:
        store.close()
    try:
        if args.format == "csv":
            out.write_bytes(to_csv(report))
        else:
            _write_pdf(report, out)
    except (OSError, RuntimeError) as exc:
        print(f"{NOT_WRITTEN}\n{exc.__class__.__name__}: cannot write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0


def _write_pdf(report: Any, out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from ui.report_pdf import write_pdf

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts need one
    write_pdf(report, out)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from config.settings import load_settings
    from egov.audit import AnchorError, parse_anchor, verify
    from egov.store import open_store

    try:
        anchor = parse_anchor(args.anchor) if args.anchor is not None else None
    except AnchorError as exc:
        return _refuse(BAD_ANCHOR, str(exc))
    store = open_store(load_settings(args.config))
    try:
        verdict = verify(store, anchor)
    finally:
        store.close()
    if verdict.head is None:
        print("Nhật ký trống. / The audit trail is empty.")
    else:
        print(f"Mục cuối / head: {verdict.head.id} {verdict.head.hash}")
        print(f"Mã kiểm tra nhật ký / mark: {verdict.head.mark}")
    if not verdict.chain.ok:
        bad = verdict.chain.first_bad_id
        print(
            f"Nhật ký đã bị thay đổi từ mục {bad}. / Audit trail broken at entry {bad} "
            f"({verdict.chain.checked} entries whole before it).",
            file=sys.stderr,
        )
        return 1
    whole = verdict.chain.checked
    print(f"Nhật ký toàn vẹn: {whole} mục. / Audit trail whole: {whole} entries.")
    if anchor is not None:
        if not verdict.anchor_ok:
            print(
                f"Mục {anchor.id} không còn mã {anchor.hash_prefix}: nhật ký đã bị tính lại. / "
                f"Entry {anchor.id} no longer has hash {anchor.hash_prefix}: the chain was rewritten.",
                file=sys.stderr,
            )
            return 1
        print(f"Mục {anchor.id} khớp mã đã ghi. / Entry {anchor.id} matches the anchor.")
    return 0


def add_report_commands(sub: Any) -> None:
    report = sub.add_parser("report", help="end-of-day reports").add_subparsers(
        dest="report_command", required=True
    )
    p = report.add_parser("daily", help="the day's report of the office or of one account, as CSV or PDF")
    p.add_argument("--date", help="YYYY-MM-DD; default: today")
    p.add_argument("--office", help="the office's code; default: [office] code")
    p.add_argument("--agent", help="one staff account's user name; default: the whole office")
    p.add_argument("--format", metavar="csv|pdf", help="csv (for Excel) or pdf")
    p.add_argument("--out", metavar="FILE", help="where to write the report")
    p.set_defaults(func=cmd_report_daily)

    audit = sub.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", required=True
    )
    p = audit.add_parser("verify", help="check the hash chain; print its head to write down")
    p.add_argument(
        "--anchor", metavar="ID:HASH", help="a head written down earlier: entry ID must still have HASH"
    )
    p.set_defaults(func=cmd_audit_verify)
