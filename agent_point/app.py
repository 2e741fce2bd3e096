"""Agent-point start-up: the first run creates the supervisor account on the command line."""

from __future__ import annotations

import getpass
import sys

from egov import accounts


def ensure_supervisor(store: accounts.AccountStore) -> bool:
    """True when a supervisor exists or was just created; False (with a message) otherwise."""
    if accounts.has_any_supervisor(store):
        return True
    if not sys.stdin.isatty():
        print(
            "Chưa có tài khoản quản lý. Tạo bằng: dvc-kiosk account add TEN --role supervisor\n"
            "No supervisor account yet. Create one with: dvc-kiosk account add NAME --role supervisor",
            file=sys.stderr,
        )
        return False
    print("Lần chạy đầu: tạo tài khoản quản lý / first run: create the supervisor account")
    username = input("Tên đăng nhập / user name: ").strip()
    password = getpass.getpass("Mật khẩu / password: ")
    if password != getpass.getpass("Nhập lại / again: "):
        print("Hai lần nhập không khớp / the two entries differ", file=sys.stderr)
        return False
    accounts.create_account(
        store, username, password, accounts.Role.SUPERVISOR, display_name=username, actor="first-run"
    )
    return True
