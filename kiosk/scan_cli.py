"""`dvc-kiosk scan …`: the document scanner on image files, for technicians, scripts and tests.

- `scan detect IMAGE... [--json]`: where the page is in each photo, its format and its quality.
- `scan pages IMAGE... --out FILE.pdf [--dpi N] [--colour MODE] [--max-bytes N]`: each photo's page
  found, flattened and cleaned, and all of them packed into one PDF within the size budget.
- `scan qr IMAGE... [--json]`: the QR codes and barcodes in each photo.

Exit status: 0 when every file gave what was asked, 1 when some did not (no page, no code), 2 on a
usage error. A file that cannot be read is reported in the output, never a traceback. QR texts can
carry personal data (the ID card's QR), so they go to standard output only, never to the log.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np


def _load(path: str) -> np.ndarray | None:
    import cv2

    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError:
        return None
    if data.size == 0:
        return None
    # UNCHANGED keeps 16-bit and alpha as the file has them: the finder copes with both.
    return cv2.imdecode(data, cv2.IMREAD_UNCHANGED)


def _round_quad(quad: np.ndarray) -> list[list[float]]:
    return [[round(float(x), 1), round(float(y), 1)] for x, y in quad]


def _detect_one(path: str, dpi: int) -> dict[str, Any]:
    from hardware.scanner.finder import as_bgr8, find_page
    from hardware.scanner.flatten import scan_page
    from hardware.scanner.formats import snap_format
    from hardware.scanner.quality import assess_frame

    image = as_bgr8(_load(path))
    if image is None:
        return {"file": path, "quad": None, "format": None, "error": "cannot read image"}
    detection = find_page(image)
    live = assess_frame(image, detection)
    result: dict[str, Any] = {"file": path, "quad": None, "format": None}
    gates = list(live.gates)
    measures = dict(live.measures)
    if detection is not None:
        height, width = image.shape[:2]
        fmt = snap_format(detection.quad, (width, height))
        result["quad"] = _round_quad(detection.quad)
        result["format"] = fmt.key if fmt else None
        result["score"] = round(detection.score, 3)
        page = scan_page(image, detection.quad, dpi=dpi, fmt=fmt).quality
        gates += [g for g in page.gates if g not in gates]
        measures.update(page.measures)
    result["quality"] = {
        "ok": not gates,
        "gates": [g.value for g in gates],
        "measures": {k: round(float(v), 4) for k, v in measures.items()},
    }
    return result


def cmd_scan_detect(args: argparse.Namespace) -> int:
    results = [_detect_one(path, args.dpi) for path in args.images]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for r in results:
            where = " ".join(f"{x:.0f},{y:.0f}" for x, y in r["quad"]) if r["quad"] else "no page"
            gates = ", ".join(r.get("quality", {}).get("gates", [])) or "ok"
            print(f"{r['file']}: {where}  format={r['format']}  quality={r.get('error', gates)}")
    return 0 if all(r["quad"] is not None for r in results) else 1


def cmd_scan_pages(args: argparse.Namespace) -> int:
    from config.settings import load_settings
    from hardware.scanner.finder import as_bgr8, find_page
    from hardware.scanner.flatten import ColourMode, scan_page
    from hardware.scanner.formats import snap_format
    from hardware.scanner.pack import Budget, BudgetError, encode_page, pack_document

    # Defaults from the [scanner] settings, so that the command makes what the kiosk would.
    scanner = load_settings(args.config).scanner
    configured = Budget.from_kb(scanner.page_max_kb, scanner.document_max_kb, scanner.dossier_max_kb)
    budget = Budget(
        page_bytes=args.max_page_bytes or configured.page_bytes,
        document_bytes=args.max_bytes or configured.document_bytes,
        dossier_bytes=configured.dossier_bytes,
    )
    dpi = args.dpi or scanner.dpi
    colour = args.colour or scanner.colour
    quality = args.quality or scanner.jpeg_quality
    pages = []
    for path in args.images:
        image = as_bgr8(_load(path))
        if image is None:
            print(f"{path}: cannot read image", file=sys.stderr)
            return 1
        detection = find_page(image)
        if detection is None:
            print(f"{path}: no page found", file=sys.stderr)
            return 1
        height, width = image.shape[:2]
        scanned = scan_page(
            image,
            detection.quad,
            dpi=dpi,
            mode=ColourMode(colour),
            fmt=snap_format(detection.quad, (width, height)),
        )
        for gate in scanned.quality.gates:
            print(f"{path}: warning: {gate.value}", file=sys.stderr)
        try:
            pages.append(encode_page(scanned.image, dpi=dpi, quality=quality, budget=budget))
        except BudgetError as exc:
            print(f"{path}: over the page size budget: {exc}", file=sys.stderr)
            return 1
    try:
        pdf = pack_document(pages, budget)
    except BudgetError as exc:
        print(f"over the size budget: {exc}", file=sys.stderr)
        return 1
    Path(args.out).write_bytes(pdf)
    print(f"{args.out}: {len(pages)} pages, {len(pdf)} bytes")
    return 0


def cmd_scan_qr(args: argparse.Namespace) -> int:
    from hardware.qr import read_codes

    results = []
    for path in args.images:
        image = _load(path)
        if image is None:
            results.append({"file": path, "codes": [], "error": "cannot read image"})
            continue
        codes = read_codes(image, formats="all" if args.all else "qr")
        results.append(
            {
                "file": path,
                "codes": [
                    {"text": c.text, "format": c.format, "corners": [list(map(float, p)) for p in c.corners]}
                    for c in codes
                ],
            }
        )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for r in results:
            if not r["codes"]:
                print(f"{r['file']}: {r.get('error', 'no code found')}")
            for c in r["codes"]:
                print(f"{r['file']}: {c['format']}: {c['text']}")
    return 0 if all(r["codes"] for r in results) else 1


def add_scan_commands(sub: Any) -> None:
    scan = sub.add_parser("scan", help="the document scanner on image files").add_subparsers(
        dest="scan_command", required=True
    )
    p = scan.add_parser("detect", help="find the page in each photo: corners, format and quality")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--dpi", type=int, default=200, help="dpi of the flat page the quality is judged on")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_scan_detect)
    p = scan.add_parser("pages", help="flatten and clean each photo's page and pack them into one PDF")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--dpi", type=int, default=None, help="default: [scanner] dpi")
    p.add_argument(
        "--colour", choices=("colour", "grey", "bw"), default=None, help="default: [scanner] colour"
    )
    p.add_argument("--quality", type=int, default=None, help="JPEG quality to start from; default: [scanner]")
    p.add_argument("--max-bytes", type=int, default=None, help="size budget of the PDF")
    p.add_argument("--max-page-bytes", type=int, default=None, help="size budget of one page")
    p.set_defaults(func=cmd_scan_pages)
    p = scan.add_parser("qr", help="read the QR codes (and with --all, barcodes) in each photo")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--all", action="store_true", help="every barcode format, not only QR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_scan_qr)
