"""`dvc-kiosk guide print|pdf`: the procedures' guides with pictures (egov.guides), on the receipt
printer or as an A4 PDF for the office wall.

    dvc-kiosk guide print (--procedure CODE | --all) [--printer URI]
    dvc-kiosk guide pdf (--procedure CODE | --all) --out FILE

print: the guide on the configured printer (or URI), its papers' pictures as raster images; with
--all every procedure of the catalogue, most used first, each cut apart. pdf: one procedure to a
page (or more where a guide is long), DejaVu Sans embedded, the drawings as vectors.

Exit status: 0 printed / written (the PDF's path on stdout); 1 not printed or not written, or the
procedure is not in the catalogue (the Vietnamese sentence and the English detail on stderr); 2 a
usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

NO_OUT = "Hãy cho biết tệp để lưu hướng dẫn (--out)."
NO_FOLDER = "Thư mục để lưu hướng dẫn không tồn tại."
NOT_WRITTEN = "Không ghi được tệp hướng dẫn."


def _qt() -> Any:
    """An offscreen QGuiApplication: the drawings' words need fonts, fonts need one."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def _guides(args: argparse.Namespace) -> tuple[list[Any], Any] | int:
    """The guides asked for and the catalogue, or the exit status of an unknown procedure."""
    from egov.catalog import load_catalog
    from egov.guides import guide_for

    catalog = load_catalog()
    if args.all:
        return [guide_for(p) for p in catalog.popular()], catalog
    code = args.procedure.strip()
    procedure = catalog.get(code)
    if procedure is None:
        print(
            f"Không có thủ tục mã {code} trong danh mục (phiên bản {catalog.version}). "
            "Tìm mã bằng: dvc-kiosk catalog search TÊN_THỦ_TỤC\n"
            f"no procedure {code!r} in the catalogue version {catalog.version}; "
            "find codes with: dvc-kiosk catalog search WORDS",
            file=sys.stderr,
        )
        return 1
    return [guide_for(procedure)], catalog


def cmd_guide_print(args: argparse.Namespace) -> int:
    from config.settings import load_settings
    from egov.guides import guide_slip, print_pictures
    from kiosk.print_cli import _print_slip

    found = _guides(args)
    if isinstance(found, int):
        return found
    guides, catalog = found
    office = load_settings(args.config).office
    _app = _qt()
    from ui.guide_pictures import print_blocks

    blocks = []
    printed_at = datetime.now()
    for guide in guides:
        blocks += guide_slip(
            guide,
            office_name=office.name,
            office_address=office.address,
            hotline=office.hotline,
            catalog_version=catalog.version,
            catalog_date=catalog.date,
            printed_at=printed_at,
            pictures=print_blocks(print_pictures(guide)),
        )
    what = "guides of every procedure" if args.all else f"guide of {guides[0].code}"
    return _print_slip(args, blocks, what)


def cmd_guide_pdf(args: argparse.Namespace) -> int:
    from config.settings import load_settings

    if not args.out:
        print(f"{NO_OUT}\n--out FILE is required", file=sys.stderr)
        return 2
    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"{NO_FOLDER}\nno such folder: {out.parent}", file=sys.stderr)
        return 2
    found = _guides(args)
    if isinstance(found, int):
        return found
    guides, catalog = found
    office = load_settings(args.config).office
    _app = _qt()
    from ui.guide_pdf import write_guides_pdf
    from ui.report_pdf import PdfError

    try:
        write_guides_pdf(
            guides,
            out,
            office_name=office.name,
            hotline=office.hotline,
            catalog_version=catalog.version,
            catalog_date=catalog.date,
            printed_at=datetime.now(),
        )
    except (OSError, PdfError) as exc:
        print(f"{NOT_WRITTEN}\n{exc.__class__.__name__}: cannot write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0


def add_guide_commands(sub: Any) -> None:
    group = sub.add_parser(
        "guide", help="procedure guides with pictures: on the receipt printer or as an A4 PDF"
    ).add_subparsers(dest="guide_command", required=True)

    def which(p: argparse.ArgumentParser) -> None:
        choice = p.add_mutually_exclusive_group(required=True)
        choice.add_argument("--procedure", metavar="CODE", help="procedure code, e.g. 1.001193")
        choice.add_argument("--all", action="store_true", help="every procedure of the catalogue")

    p = group.add_parser("print", help="print a procedure's guide on the receipt printer")
    which(p)
    p.add_argument(
        "--printer", metavar="URI", help="printer URI (tcp://HOST:9100, preview://…); default: [printer] uri"
    )
    p.set_defaults(func=cmd_guide_print)
    p = group.add_parser("pdf", help="write guides as an A4 PDF for the office wall")
    which(p)
    p.add_argument("--out", metavar="FILE", help="where to write the PDF")
    p.set_defaults(func=cmd_guide_pdf)
