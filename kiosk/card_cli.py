"""`dvc-kiosk card …`: read a chip ID card (or a dump of one) from the command line, and run the
emulated card behind pcscd through vpcd.

What a technician uses to check a reader, and what the tests and the benchmark drive. The JSON is
documented in the README; it carries personal data, so it goes to standard output only, never to
the log.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from config.settings import Settings, load_settings


def _keys(args: argparse.Namespace) -> list[Any]:
    from hardware.card.keys import CanKey, MrzKey, keys_for

    if args.can:
        return [CanKey(args.can)]
    if args.mrz:
        parts = [p.strip() for p in args.mrz.split(",")]
        if len(parts) != 3:
            raise ValueError("--mrz expects DOCNO,YYMMDD,YYMMDD (document number, birth, expiry)")
        return [MrzKey(*parts)]
    if args.id:
        birth = date.fromisoformat(args.dob) if args.dob else None
        issued = date.fromisoformat(args.issued) if args.issued else None
        return list(keys_for(args.id, birth=birth, issued=issued))
    raise ValueError("give --can, --mrz or --id (with --dob and --issued), or --files")


def _csca(args: argparse.Namespace, settings: Settings) -> Any:
    from hardware.card.service import load_csca

    return load_csca(args.csca if args.csca is not None else settings.identity.csca)


def _service(args: argparse.Namespace, settings: Settings) -> Any:
    from hardware.card.service import CardService, ReaderConfig

    spec = settings.identity.reader
    if args.reader:
        spec = "emulator" if args.reader == "emulator" else f"pcsc:{args.reader}"
    return CardService(
        ReaderConfig.parse(spec, args.profile or settings.identity.card_profile), _csca(args, settings)
    )


def _print_human(data: dict[str, Any]) -> None:
    labels = {
        "id_number": "Số định danh",
        "full_name": "Họ và tên",
        "date_of_birth": "Ngày sinh",
        "sex": "Giới tính",
        "nationality": "Quốc tịch",
        "ethnicity": "Dân tộc",
        "religion": "Tôn giáo",
        "place_of_origin": "Quê quán",
        "place_of_residence": "Nơi thường trú",
        "identifying_marks": "Đặc điểm nhận dạng",
        "date_of_issue": "Ngày cấp",
        "date_of_expiry": "Có giá trị đến",
        "father_name": "Họ tên cha",
        "mother_name": "Họ tên mẹ",
        "spouse_name": "Họ tên vợ/chồng",
        "old_id_number": "Số CMND cũ",
    }
    for key, label in labels.items():
        value = data.get(key)
        if key == "date_of_expiry" and value is None and data.get("id_number"):
            value = "không thời hạn"
        print(f"{label:<20} {value if value is not None else '—'}")
    print(f"{'Ảnh chân dung':<20} {data['photo_jpeg_bytes']} byte")
    a = data["authenticity"]
    verdicts = f"nhóm dữ liệu {a['data_groups']}, chữ ký {a['signature']}, chuỗi CSCA {a['chain']}"
    print(f"{'Xác thực dữ liệu':<20} {verdicts}")


def cmd_card_read(args: argparse.Namespace) -> int:
    from hardware.card.errors import CardError
    from hardware.card.reader import card_json, read_files

    settings = load_settings(args.config)
    try:
        if args.files:
            read = read_files(Path(args.files), _csca(args, settings))
        else:
            keys = _keys(args)
            read = _service(args, settings).read(keys)
    except ValueError as exc:
        print(f"Tham số không hợp lệ / invalid argument: {exc}", file=sys.stderr)
        return 2
    except CardError as exc:
        tries = f" Còn {exc.tries_left} lần thử." if exc.tries_left is not None else ""
        print(f"{exc.message}{tries}\n({exc})", file=sys.stderr)
        return 1
    data = card_json(read)
    if args.dump:
        folder = Path(args.dump)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for name, content in read.files.items():
            (folder / name).write_bytes(content)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_human(data)
    if args.stats:
        s = read.stats
        print(
            f"access={s.access} apdus={s.apdus} sent={s.bytes_sent} received={s.bytes_received} "
            f"seconds={s.seconds:.3f} extended={s.extended_used}",
            file=sys.stderr,
        )
    read.wipe()
    return 0


def cmd_card_emulate(args: argparse.Namespace) -> int:
    from hardware.card.emulator.run import run_vpcd

    settings = load_settings(args.config)
    from hardware.card.service import bundled_profile

    profile = Path(args.profile or settings.identity.card_profile or bundled_profile())
    return run_vpcd(profile, args.host, args.port)


def add_card_commands(sub: Any) -> None:
    card = sub.add_parser("card", help="the chip ID card: read one, or emulate one").add_subparsers(
        dest="card_command", required=True
    )
    p = card.add_parser(
        "read",
        help="read a chip ID card (or a folder of dumped files) and print what it says",
        description="Keys, in the order the card is tried: --can (6 last digits of the ID number), "
        "--mrz, or --id with --dob and --issued (expiry dates computed from the law).",
    )
    p.add_argument("--reader", help='PC/SC reader name, or "emulator"; default: [identity] reader')
    p.add_argument("--profile", help="the emulated card's profile.json (with --reader emulator)")
    p.add_argument("--can", help="card access number: the last 6 digits of the ID number")
    p.add_argument("--mrz", help="DOCNO,YYMMDD,YYMMDD: document number, birth date, expiry date")
    p.add_argument("--id", help="the 12-digit ID number (with --dob and --issued)")
    p.add_argument("--dob", help="date of birth, YYYY-MM-DD")
    p.add_argument("--issued", help="date of issue, YYYY-MM-DD")
    p.add_argument("--files", help="read a card dumped as files (EF.COM, DG1, DG2, DG13, EF.SOD)")
    p.add_argument("--csca", help="CSCA certificates folder or ICAO master list; default: [identity] csca")
    p.add_argument("--dump", help="also write the raw files read into this folder")
    p.add_argument("--json", action="store_true")
    p.add_argument("--stats", action="store_true", help="print APDU count, bytes and time to stderr")
    p.set_defaults(func=cmd_card_read)
    p = card.add_parser("emulate", help="serve the emulated card to pcscd through vpcd")
    p.add_argument("--profile", help="profile.json; default: the sample citizen's")
    p.add_argument("--host", default="127.0.0.1", help="where vpcd listens (its DEVICENAME host)")
    p.add_argument("--port", type=int, default=0x8C7B, help="vpcd's port (35963 for slot 0)")
    p.set_defaults(func=cmd_card_emulate)
