"""`dvc-kiosk kiosk set-pin`: the supervisor's PIN that unlocks the locked-down kiosk.

Asks for the PIN twice (or reads it once from standard input with --pin-stdin), refuses one that
is too short or guessable at once, and writes only its argon2id hash to the secrets file (config/
secrets.py says where). A new PIN also ends a lock-out left by wrong PINs. Audited, never the PIN.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from config.settings import load_settings


def add_lockdown_commands(kiosk_parser: argparse.ArgumentParser) -> None:
    kiosk_parser.add_argument(
        "--windowed",
        action="store_true",
        help="a normal window that closes as usual, for training and development (no lock-down)",
    )
    sub = kiosk_parser.add_subparsers(dest="kiosk_command", metavar="COMMAND")
    p = sub.add_parser(
        "set-pin",
        help="set the supervisor's PIN (6-12 digits) that unlocks the kiosk",
        description="The PIN opens the maintenance screen after the supervisor's gesture: hold the "
        "top-left corner 5 s, lift, then tap the bottom-right corner within 10 s.",
    )
    p.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")
    p.set_defaults(func=cmd_set_pin)


def cmd_set_pin(args: argparse.Namespace) -> int:
    from config.secrets import store_kiosk_pin_hash
    from egov.kiosk_pin import STATE_FILE, PinRefused, hash_pin
    from egov.store import open_store

    settings = load_settings(args.config)
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("Mã PIN mới, 6-12 chữ số / New PIN, 6-12 digits: ").strip()
        if pin != getpass.getpass("Nhập lại / Again: ").strip():
            print("Hai lần nhập không khớp / the two entries differ", file=sys.stderr)
            return 2
    try:
        pin_hash = hash_pin(pin)
    except PinRefused as exc:
        print(f"{exc.message} / a PIN is 6 to 12 digits, not one digit repeated nor a run", file=sys.stderr)
        return 2
    path = store_kiosk_pin_hash(settings, pin_hash)
    (settings.data_dir / STATE_FILE).unlink(missing_ok=True)
    store = open_store(settings)
    try:
        store.audit("command-line", "kiosk.pin_set", f"kiosk:{settings.office.code}")
    finally:
        store.close()
    print(f"Đã đặt mã PIN quản lý trong {path} / supervisor PIN set in {path}")
    return 0
