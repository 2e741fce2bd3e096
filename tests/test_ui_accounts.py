"""The supervisor's accounts page through the real QML pages, offscreen: unlock an agent locked by
wrong passwords, add a volunteer (the password typed twice), stop and allow an account again, each
audited with the supervisor as actor; an agent never sees the page."""

from __future__ import annotations

import os
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_ui_visit import AGENT_PASSWORD, AGENT_USER, add_agent, make_shell  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from egov import accounts  # noqa: E402
from egov.accounts import MAX_FAILURES, Account, LoginFailure, Role, verify_login  # noqa: E402
from egov.flow import Mode  # noqa: E402
from ui.events import wait_until  # noqa: E402

SUPERVISOR = "quanly.ha"


def text_of(shell, name: str) -> str:
    item = find(shell, name)
    return item.property("text") if item is not None else ""


def state_of(shell, username: str) -> str:
    return text_of(shell, f"accountState_{username}")


def test_the_supervisor_unlocks_adds_and_disables_accounts(qtbot, services) -> None:
    store = services.store
    accounts.create_account(
        store, SUPERVISOR, AGENT_PASSWORD, Role.SUPERVISOR, "Đỗ Thu Hà", actor="first-run"
    )
    add_agent(services)
    for _ in range(MAX_FAILURES):
        verify_login(store, AGENT_USER, "sai-mat-khau", datetime.now(UTC))
    shell = make_shell(services, Mode.AGENT)
    type_into(qtbot, shell, "field_username", SUPERVISOR)
    type_into(qtbot, shell, "field_password", AGENT_PASSWORD)
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: shell.agent.page == "home")
    tap(qtbot, shell, "accountsButton")
    model = shell.agent.accounts
    wait_until(lambda: shell.agent.page == "accounts" and len(model.rows) == 2)
    assert text_of(shell, "pageTitle") == "Tài khoản nhân viên"
    assert state_of(shell, AGENT_USER).startswith("⚠ Tạm khóa đến")
    assert find(shell, f"disable_{SUPERVISOR}") is None  # nobody stops their own account here

    tap(qtbot, shell, f"unlock_{AGENT_USER}")
    wait_until(lambda: state_of(shell, AGENT_USER) == "Đang dùng")
    assert text_of(shell, "accountsNote") == f"Đã mở khóa tài khoản {AGENT_USER}."
    assert isinstance(verify_login(store, AGENT_USER, AGENT_PASSWORD, datetime.now(UTC)), Account)

    # A volunteer, the password typed twice: a mismatch is said under the second field.
    tap(qtbot, shell, "addAccountButton")
    type_into(qtbot, shell, "field_newUsername", "tnv.lan")
    type_into(qtbot, shell, "field_newName", "Hoàng Thị Lan")
    tap(qtbot, shell, "choice_newRole_volunteer")
    type_into(qtbot, shell, "field_newPassword", "mat-khau-tnv-2026")
    type_into(qtbot, shell, "field_newAgain", "mat-khau-tnv-2027")
    tap(qtbot, shell, "createAccountButton")
    wait_until(lambda: model.messageField == "again")
    assert "Hai lần nhập mật khẩu không khớp" in model.message
    assert text_of(shell, "pageMessage") == ""  # said at the field, not at the top
    type_into(qtbot, shell, "field_newAgain", "mat-khau-tnv-2026")
    tap(qtbot, shell, "createAccountButton")
    wait_until(lambda: len(model.rows) == 3)
    assert text_of(shell, "accountsNote") == "Đã tạo tài khoản tnv.lan."
    assert find(shell, "field_newUsername") is None  # the form is gone, the list is back
    assert state_of(shell, "tnv.lan") == "Đang dùng"
    new = verify_login(store, "tnv.lan", "mat-khau-tnv-2026", datetime.now(UTC))
    assert new == Account("tnv.lan", "Hoàng Thị Lan", Role.VOLUNTEER)

    # A short password is refused at its field; the form keeps what was typed.
    tap(qtbot, shell, "addAccountButton")
    type_into(qtbot, shell, "field_newUsername", "tnv.minh")
    type_into(qtbot, shell, "field_newName", "Lý Minh")
    type_into(qtbot, shell, "field_newPassword", "ngan")
    type_into(qtbot, shell, "field_newAgain", "ngan")
    tap(qtbot, shell, "createAccountButton")
    wait_until(lambda: model.messageField == "password")
    assert model.message == "Mật khẩu cần ít nhất 8 ký tự."
    assert wait_for(qtbot, shell, "field_newUsername").property("text") == "tnv.minh"
    tap(qtbot, shell, "backButton")

    tap(qtbot, shell, f"disable_{AGENT_USER}")
    wait_until(lambda: state_of(shell, AGENT_USER) == "⚠ Ngừng sử dụng")
    assert verify_login(store, AGENT_USER, AGENT_PASSWORD, datetime.now(UTC)) is LoginFailure.DISABLED
    tap(qtbot, shell, f"enable_{AGENT_USER}")
    wait_until(lambda: state_of(shell, AGENT_USER) == "Đang dùng")
    assert text_of(shell, "accountsNote") == f"Đã cho dùng lại tài khoản {AGENT_USER}."

    done = [
        (e.action, e.subject)
        for e in store.audit_trail()
        if e.actor == SUPERVISOR and e.action.startswith("account.")
    ]
    assert done == [
        ("account.unlocked", f"account:{AGENT_USER}"),
        ("account.created", "account:tnv.lan"),
        ("account.disabled", f"account:{AGENT_USER}"),
        ("account.enabled", f"account:{AGENT_USER}"),
    ]
    assert not any("mat-khau" in f"{e.subject} {e.detail}" for e in store.audit_trail())
    tap(qtbot, shell, "backButton")
    wait_until(lambda: shell.agent.page == "home")
    shell.close()
