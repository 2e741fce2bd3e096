"""`dvc-kiosk vietqr`: a VietQR transfer payload from the command line, for staff and scripts.

    dvc-kiosk vietqr --bin B --account A [--amount N] [--purpose TEXT] [--card]
                     [--no-transliterate] [--png FILE] [--json]

Prints the payload (the text inside the QR), or with --json an object {"payload", "bin", "bank",
"bank_name", "account", "service", "amount", "purpose", "dynamic", "png"}; with --png also writes
the QR as a PNG image. Without --amount the QR is static: the payer types the amount. The purpose
loses its diacritics ("Lệ phí" → "Le phi"), or is refused with --no-transliterate.

Exit status: 0 when the payload was made; 1 when the PNG could not be written; 2 on a wrong
argument (a BIN not in the bank table, an amount that is not whole đồng, a purpose over 25
characters...), with the Vietnamese sentence and the English detail on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# Quiet zone of 4 modules, as ISO/IEC 18004 asks; 10 pixels a module prints and scans well.
_PNG_BOX_PIXELS = 10
_PNG_BORDER_MODULES = 4


def _amount(text: str | None) -> int | None:
    from egov.vietqr import Problem, VietQrError

    if text is None:
        return None
    # int() would also take "1_000", " 5" and non-ASCII digits: only plain ASCII digits are đồng.
    if not (text.isascii() and text.isdigit()):
        raise VietQrError(Problem.AMOUNT, "expected ASCII digits only")
    return int(text)


def write_png(payload: str, path: Path) -> None:
    """The QR of `payload` as a black-on-white PNG at `path` (error correction M)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(
        error_correction=ERROR_CORRECT_M, box_size=_PNG_BOX_PIXELS, border=_PNG_BORDER_MODULES
    )
    code.add_data(payload)
    code.make(fit=True)
    code.make_image().save(str(path), format="PNG")


def cmd_vietqr(args: argparse.Namespace) -> int:
    from egov.banks import load_banks
    from egov.vietqr import VietQrError, transfer_qr

    try:
        bank = load_banks().bank(args.bin)
        qr = transfer_qr(
            args.bin,
            args.account,
            amount=_amount(args.amount),
            purpose=args.purpose or "",
            card=args.card,
            transliterate=not args.no_transliterate,
        )
    except VietQrError as exc:
        print(f"{exc.message}\n{exc}", file=sys.stderr)
        return 2
    payload = qr.payload()
    if args.png:
        try:
            write_png(payload, Path(args.png))
        except OSError as exc:
            print(
                f"Không ghi được tệp ảnh mã QR / could not write the PNG: {exc.__class__.__name__}: {exc}",
                file=sys.stderr,
            )
            return 1
    if args.json:
        result: dict[str, Any] = {
            "payload": payload,
            "bin": qr.bin,
            "bank": bank.short_name,
            "bank_name": bank.name,
            "account": qr.account,
            "service": qr.service.value,
            "amount": qr.amount,
            "purpose": qr.purpose,
            "dynamic": qr.dynamic,
            "png": args.png,
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(payload)
    return 0


def add_vietqr_command(sub: Any) -> None:
    p = sub.add_parser(
        "vietqr",
        help="print a VietQR (NAPAS 247) transfer payload, and write it as a PNG",
        description="A VietQR transfer to an account (or a card with --card) at the bank whose "
        "6-digit BIN is given; without --amount the QR is static and the payer types the amount.",
    )
    p.add_argument("--bin", required=True, help="the bank's 6-digit NAPAS BIN, e.g. 970436 (Vietcombank)")
    p.add_argument("--account", required=True, help="account number, or card number with --card")
    p.add_argument("--amount", help="whole dong, digits only (no separators); omitted: a static QR")
    p.add_argument("--purpose", help="transfer description, at most 25 characters once without accents")
    p.add_argument("--card", action="store_true", help="the number is a card number (QRIBFTTC)")
    p.add_argument(
        "--no-transliterate",
        action="store_true",
        help="refuse a purpose with Vietnamese accents instead of removing them",
    )
    p.add_argument("--png", help="also write the QR code as a PNG image to this file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_vietqr)
