"""Security of the agent point, as an attacker at the desk or with the database would try it.

- A volunteer's forbidden actions (cash, sending again, giving a dossier up, finding a citizen by
  ID number, the office's report, the accounts page, managing accounts, withdrawing a consent) are
  refused by the view models when their slots are called directly, not only hidden in QML; each
  refusal is audited.
- Wrong passwords lock the account (the right one is then refused until the lock ends); an unknown
  user name answers like a wrong password; a disabled account cannot sign in.
- A desk left alone signs its member of staff out, dropping the visit in progress.
- The audit trail of a case cannot be edited behind the store's back, on SQLite or PostgreSQL,
  without `Store.verify_audit` pointing at the entry.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_ui_tracking import filed, make_dossier  # noqa: E402
from test_ui_visit import AGENT_PASSWORD, AGENT_USER, add_agent, make_shell  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from config.settings import AgentSettings  # noqa: E402
from egov import accounts  # noqa: E402
from egov.accounts import MAX_FAILURES, LoginFailure  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.permissions import NOT_ALLOWED  # noqa: E402
from egov.store import DossierState, Store  # noqa: E402
from egov.store.store import dossier_subject  # noqa: E402
from egov.visit import CONSENT_TEXT_VERSION, NO_CASH_VOLUNTEER  # noqa: E402
from ui.events import wait_until  # noqa: E402

VOLUNTEER = "tnv.binh"
SUPERVISOR = "quanly.ha"
KEY = bytes(range(32))


def add_staff(services, username: str, role: accounts.Role) -> None:
    accounts.create_account(services.store, username, AGENT_PASSWORD, role, username.title(), actor="test")


def signed_in(services, username: str, password: str = AGENT_PASSWORD):
    shell = make_shell(services, Mode.AGENT)
    shell.agent.signIn(username, password)
    wait_until(lambda: shell.agent.page == "home")
    return shell


def refusals(store: Store, actor: str) -> list[str]:
    """The actions refused to `actor`, in the order the audit trail has them."""
    return [
        entry.detail.split(";")[0].removeprefix("action=")
        for entry in store.audit_trail()
        if entry.action == "permission.denied" and entry.actor == actor
    ]


def text_of(shell, name: str) -> str:
    item = find(shell, name)
    return item.property("text") if item is not None else ""


# -- roles -------------------------------------------------------------------------------------------


def test_a_volunteers_forbidden_slots_are_refused_in_the_view_models_and_audited(qtbot, services) -> None:
    add_agent(services)
    add_staff(services, VOLUNTEER, accounts.Role.VOLUNTEER)
    store = services.store
    attention, _ = filed(services, AGENT_USER, procedure="1.23")  # the portal refuses it: needs attention
    accepted, code = filed(services, AGENT_USER)
    store.record_consent(
        client_id=accepted.client_id,
        purpose="transmit",
        granted=True,
        text_version=CONSENT_TEXT_VERSION,
        actor=AGENT_USER,
    )
    shell = signed_in(services, VOLUNTEER)
    agent, vm = shell.agent, shell.visit
    # Hidden on the page...
    wait_for(qtbot, shell, "searchButton")
    assert find(shell, "accountsButton") is None

    # ...and refused by every slot, called as a script in the page could call it.
    vm.fee.choose("state_fee", "cash")
    assert vm.message == NO_CASH_VOLUNTEER
    agent.dossiers.retry(str(attention.client_id))
    agent.dossiers.reject(str(attention.client_id), "duplicate")
    assert agent.dossiers.message == NOT_ALLOWED
    agent.search.search("001 199 004 321")
    assert "không được tìm hồ sơ theo số định danh" in agent.search.message and agent.search.rows == []
    agent.report.show("office")  # every account's takings: a supervisor's
    assert agent.report.message == NOT_ALLOWED
    agent.showAccounts()
    assert agent.page == "home" and agent.error == NOT_ALLOWED
    accounts_page = agent.accounts
    accounts_page.add("moi.vao", "Người Mới", "supervisor", "mat-khau-moi-2026", "mat-khau-moi-2026")
    accounts_page.unlock(AGENT_USER)
    accounts_page.setDisabled(AGENT_USER, True)
    accounts_page.reload()
    assert accounts_page.message == NOT_ALLOWED and accounts_page.rows == []

    # A code is on the citizen's receipt: a volunteer finds it, and may not withdraw its consent.
    agent.search.search(code)
    wait_until(lambda: len(agent.search.rows) == 1 and not agent.search.busy)
    agent.search.open(str(accepted.client_id))
    wait_until(lambda: len(agent.search.consents) == 1)
    agent.search.withdraw("transmit")
    assert agent.search.message == NOT_ALLOWED

    expected = [
        "take_cash",
        "retry_dossier",
        "reject_dossier",
        "search_dossiers",
        "office_report",
        "change_settings",
        *["manage_accounts"] * 4,
        "withdraw_consent",
    ]
    wait_until(lambda: len(refusals(store, VOLUNTEER)) == len(expected))
    assert refusals(store, VOLUNTEER) == expected
    # Nothing was done: the dossier still needs attention, nobody new, nobody disabled, consent in force.
    assert store.outbox_entry(attention.client_id).state is DossierState.NEEDS_ATTENTION
    assert [a.username for a in accounts.list_accounts(store)] == [AGENT_USER, VOLUNTEER]
    assert not any(a.disabled for a in accounts.list_accounts(store))
    assert store.consents(accepted.client_id)[0].in_force
    # The one search allowed is audited, the refused one is not a search.
    searches = [e for e in store.audit_trail() if e.action == "dossier.searched"]
    assert [(e.actor, e.detail) for e in searches] == [(VOLUNTEER, "by=code; found=1")]
    assert store.verify_audit()
    shell.close()


def test_an_agent_may_send_again_but_not_give_up_a_dossier_nor_manage_accounts(qtbot, services) -> None:
    add_agent(services)
    attention, reference = filed(services, AGENT_USER, procedure="1.23")
    shell = signed_in(services, AGENT_USER)
    agent = shell.agent
    assert find(shell, "accountsButton") is None
    agent.showAccounts()
    agent.accounts.add("moi.vao", "Người Mới", "agent", "mat-khau-moi-2026", "mat-khau-moi-2026")
    tap(qtbot, shell, "dossiersButton")
    tap(qtbot, shell, "filter_attention")
    wait_for(qtbot, shell, f"retry_{reference}")
    assert find(shell, f"reject_{reference}") is None
    agent.dossiers.reject(str(attention.client_id), "duplicate")
    assert agent.dossiers.message == NOT_ALLOWED
    wait_until(lambda: len(refusals(services.store, AGENT_USER)) == 3)
    assert refusals(services.store, AGENT_USER) == ["change_settings", "manage_accounts", "reject_dossier"]
    assert services.store.outbox_entry(attention.client_id).state is DossierState.NEEDS_ATTENTION
    shell.close()


def test_a_supervisor_gives_up_a_dossier_with_a_reason_chosen_from_the_list(qtbot, services) -> None:
    add_staff(services, SUPERVISOR, accounts.Role.SUPERVISOR)
    attention, reference = filed(services, SUPERVISOR, procedure="1.23")
    shell = signed_in(services, SUPERVISOR)
    tap(qtbot, shell, "dossiersButton")
    tap(qtbot, shell, "filter_attention")
    tap(qtbot, shell, f"reject_{reference}")
    confirm = wait_for(qtbot, shell, "rejectConfirm")
    assert not confirm.property("enabled")  # no reason, no giving up
    tap(qtbot, shell, "choice_rejectReason_duplicate")
    tap(qtbot, shell, "rejectConfirm")
    wait_until(lambda: "Đã hủy hồ sơ" in text_of(shell, "dossiersNote"))
    assert services.store.outbox_entry(attention.client_id).state is DossierState.REJECTED
    last = services.store.audit_trail(dossier_subject(attention.client_id))[-1]
    assert last.actor == SUPERVISOR and "needs_attention -> rejected; reason=staff:duplicate" in last.detail
    shell.close()


# -- passwords ---------------------------------------------------------------------------------------


def test_wrong_passwords_lock_the_account_and_an_unknown_name_reads_the_same(qtbot, services) -> None:
    add_agent(services)
    shell = make_shell(services, Mode.AGENT)
    agent = shell.agent

    def sign_in(username: str, password: str) -> str:
        agent.signIn(username, password)
        wait_until(lambda: shell.jobs.busy == 0)  # the answer has reached the page
        return agent.error

    type_into(qtbot, shell, "field_username", AGENT_USER)
    type_into(qtbot, shell, "field_password", "sai-mat-khau-1")
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: bool(agent.error))
    wrong = agent.error
    assert wrong == LoginFailure.UNKNOWN_OR_WRONG.message
    assert wait_for(qtbot, shell, "pageMessage").property("text") == wrong
    assert sign_in("khong.co.ai", AGENT_PASSWORD) == wrong  # nobody learns which names exist
    answers = [sign_in(AGENT_USER, f"sai-mat-khau-{n}") for n in range(2, MAX_FAILURES + 1)]
    assert answers == [wrong] * (MAX_FAILURES - 2) + [LoginFailure.LOCKED.message]
    # Locked: the right password is refused too, until the lock ends.
    assert sign_in(AGENT_USER, AGENT_PASSWORD) == LoginFailure.LOCKED.message
    assert agent.page == "signin"
    failures = [
        e.detail for e in services.store.audit_trail(f"account:{AGENT_USER}") if e.action == "login.failed"
    ]
    assert len(failures) == MAX_FAILURES and "locked for" in failures[-1]
    assert all("sai-mat-khau" not in f"{e.actor}{e.detail}" for e in services.store.audit_trail())
    shell.close()


def test_a_disabled_account_cannot_sign_in(qtbot, services) -> None:
    add_agent(services)
    accounts.disable_account(services.store, AGENT_USER, actor="test")
    shell = make_shell(services, Mode.AGENT)
    shell.agent.signIn(AGENT_USER, AGENT_PASSWORD)
    wait_until(lambda: bool(shell.agent.error))
    assert shell.agent.error == LoginFailure.DISABLED.message and shell.agent.page == "signin"
    shell.close()


# -- the desk left alone -----------------------------------------------------------------------------


def test_the_session_times_out_and_drops_the_visit_in_progress(qtbot, services) -> None:
    add_agent(services)
    # Two seconds: one quiet, one of warning (the settings allow whole minutes; the watcher does not care).
    services.settings = dataclasses.replace(
        services.settings,
        agent=AgentSettings(session_minutes=2 / 60, session_warning_seconds=1),  # type: ignore[arg-type]
    )
    shell = signed_in(services, AGENT_USER)
    agent, vm = shell.agent, shell.visit
    tap(qtbot, shell, "newCaseButton")
    wait_until(lambda: vm.page == "identify")
    tap(qtbot, shell, "demoIdentityButton")
    wait_until(lambda: vm.page == "procedure")
    assert vm.visit.identity is not None

    # The warning comes; "Tiếp tục làm việc" keeps the session and the visit.
    wait_for(qtbot, shell, "sessionOverlay", timeout=20)
    tap(qtbot, shell, "keepWorkingButton")
    wait_until(lambda: agent.timeout.secondsLeft == 0)
    assert agent.page == "visit" and vm.page == "procedure" and vm.visit.identity is not None
    assert not [e for e in services.store.audit_trail() if e.action == "session.timeout"]

    # No answer this time: signed out, the visit dropped as "Đăng xuất" drops it.
    wait_for(qtbot, shell, "sessionOverlay", timeout=20)
    wait_until(lambda: agent.page == "signin", timeout=20)
    assert vm.page == "welcome" and vm.visit.identity is None
    assert "Đã tự đăng xuất" in wait_for(qtbot, shell, "pageMessage").property("text")
    wait_until(lambda: any(e.action == "session.timeout" for e in services.store.audit_trail()))
    (entry,) = [e for e in services.store.audit_trail() if e.action == "session.timeout"]
    assert entry.actor == AGENT_USER and entry.subject == f"account:{AGENT_USER}"
    # Nobody signed in: nothing runs, nothing warns.
    assert find(shell, "sessionOverlay") is None and agent.timeout.secondsLeft == 0
    shell.close()


# -- the audit trail ---------------------------------------------------------------------------------


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = str(request.getfixturevalue("fresh_postgres_url"))
    opened = Store(url, KEY)
    yield opened
    opened.close()


def a_case(store: Store) -> list[int]:
    """A dossier taken, consented to, sent and accepted: the ids of its audit entries."""
    dossier = make_dossier()
    store.save_dossier(dossier, dossier.procedure_name)
    store.record_consent(
        client_id=dossier.client_id, purpose="transmit", granted=True, text_version="v1", actor=AGENT_USER
    )
    store.set_state(dossier.client_id, DossierState.SENDING, actor="outbox")
    store.set_state(
        dossier.client_id, DossierState.ACCEPTED, actor="outbox", dossier_code="H01.99-261123-0001"
    )
    store.audit("canbo.binh", "receipt.reprinted", dossier_subject(dossier.client_id))
    return [entry.id for entry in store.audit_trail(dossier_subject(dossier.client_id))]


def drop_append_only_triggers(store: Store) -> None:
    """What someone with the database file or a superuser login can do."""
    with store.engine.begin() as conn:
        if store.engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_no_change ON audit_log"))


def test_the_database_refuses_changes_to_the_audit_trail(store: Store) -> None:
    ids = a_case(store)
    for statement in (
        "UPDATE audit_log SET actor = 'someone' WHERE id = :id",
        "DELETE FROM audit_log WHERE id = :id",
    ):
        with pytest.raises(DBAPIError), store.engine.begin() as conn:
            conn.execute(text(statement), {"id": ids[1]})
    assert store.verify_audit()


def test_an_edited_entry_of_a_case_is_found_at_that_entry(store: Store) -> None:
    ids = a_case(store)
    a_case(store)  # entries after it, as on any working day
    assert store.verify_audit()
    drop_append_only_triggers(store)
    # Who sent the dossier, rewritten to hide it.
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'canbo.khac' WHERE id = :id"), {"id": ids[2]})
    check = store.verify_audit()
    assert not check and check.first_bad_id == ids[2] and check.checked == ids[2] - 1


def test_a_deleted_or_rehashed_entry_is_found_where_the_chain_breaks(store: Store) -> None:
    ids = a_case(store)
    a_case(store)
    drop_append_only_triggers(store)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": ids[-1]})
    assert store.verify_audit().first_bad_id == ids[-1] + 1  # the gap shows at the next entry
    # A careful attacker recomputes the edited entry's own hash: the next entry no longer links to it.
    from egov.store.models import AuditRow
    from egov.store.store import _chain_hash

    with store.write() as session:
        row = session.get(AuditRow, ids[1])
        assert row is not None
        row.detail = "purpose=transmit; text_version=v0"
        row.hash = _chain_hash(row.prev_hash, row)
    assert store.verify_audit().first_bad_id == ids[2]
