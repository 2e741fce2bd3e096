"""The agent's search through the real QML pages, offscreen, against the training portal.

An agent finds a citizen's earlier dossiers by ID number (typed with spaces, as read off a card),
opens one, prints its receipt again on an ESC/POS printer (emupos, decoded back: marked BẢN IN
LẠI with the time) and records the withdrawal of a consent. A dossier past the retention purge
is found by its code only, shows without names, and is not reprinted, with the reason said.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_ui_tracking import ID_NUMBER, NAME, filed, make_dossier  # noqa: E402
from test_ui_visit import AGENT_PASSWORD, AGENT_USER, add_agent, make_shell  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from config.settings import load_settings  # noqa: E402
from egov import accounts  # noqa: E402
from egov.dossier import Person  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.outbox import local_reference  # noqa: E402
from egov.receipt import REPRINT_MARK  # noqa: E402
from egov.store.store import dossier_subject  # noqa: E402
from egov.visit import CONSENT_TEXT_VERSION  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.services import build_services  # noqa: E402

MASKED = "T*** V** B***"


def text_of(shell, name: str) -> str:
    item = find(shell, name)
    return item.property("text") if item is not None else ""


def signed_in_at_search(qtbot, services, username: str = AGENT_USER):
    shell = make_shell(services, Mode.AGENT)
    type_into(qtbot, shell, "field_username", username)
    type_into(qtbot, shell, "field_password", AGENT_PASSWORD)
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: shell.agent.page == "home")
    tap(qtbot, shell, "searchButton")
    wait_until(lambda: shell.agent.page == "search")
    return shell


def search_for(qtbot, shell, typed: str) -> list[dict]:
    search = shell.agent.search
    type_into(qtbot, shell, "field_searchText", typed)
    tap(qtbot, shell, "searchGo")
    wait_until(lambda: not search.busy and bool(search.message))
    return list(search.rows)


def test_the_agent_finds_a_citizens_dossiers_and_reprints_a_receipt_marked_as_such(
    qtbot, printers, tmp_path: Path, monkeypatch, qapp
) -> None:  # noqa: ANN001
    config = tmp_path / "office.toml"
    # A TM-T20 printing text (CP1258): emupos's dump gives the slip's words back.
    config.write_text(
        f'[printer]\nuri = "{printers.uri("t80")}"\nprofile = "tm-t20"\ntext_mode = true\n'
        "poll_seconds = 1\nstatus_timeout_seconds = 1\njob_timeout_seconds = 5\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
    services = build_services(load_settings(config))
    shell = None
    try:
        add_agent(services)
        store = services.store
        accepted, code = filed(services, AGENT_USER)
        waiting = make_dossier("1.004194")
        store.save_dossier(waiting, "Đăng ký tạm trú")  # no sender runs: it stays queued
        someone_else = make_dossier()
        someone_else.applicant = Person(full_name="Lê Văn Khác", id_number="001199009999")
        store.save_dossier(someone_else, someone_else.procedure_name)
        for purpose in ("transmit", "contact"):
            store.record_consent(
                client_id=accepted.client_id,
                purpose=purpose,
                granted=True,
                text_version=CONSENT_TEXT_VERSION,
                actor=AGENT_USER,
            )
        shell = signed_in_at_search(qtbot, services)
        search = shell.agent.search

        # Typed as read off the card, in groups: both of the citizen's dossiers, newest first.
        rows = search_for(qtbot, shell, "001 199 004 321")
        assert [row["reference"] for row in rows] == [local_reference(waiting.client_id), code]
        assert text_of(shell, "searchNote") == "Tìm thấy 2 hồ sơ."
        assert {row["applicant"] for row in rows} == {MASKED}  # names masked in the list
        wait_for(qtbot, shell, f"resultRow_{code}")
        searched = [e for e in store.audit_trail() if e.action == "dossier.searched"]
        assert [(e.actor, e.subject, e.detail) for e in searched] == [
            (AGENT_USER, "search", "by=id_number; found=2")
        ]
        assert not any(ID_NUMBER in f"{e.subject} {e.detail}" for e in store.audit_trail())

        tap(qtbot, shell, f"open_{code}")
        wait_until(lambda: len(search.consents) == 2)
        assert text_of(shell, "pageTitle") == f"Hồ sơ {code}"
        assert text_of(shell, "detail_applicant") == f"Người nộp: {MASKED}"
        assert text_of(shell, "detail_state") == "Trạng thái: Đã gửi đến cơ quan"

        # "In lại biên nhận": the receipt again, rebuilt from the store, and it says it is a copy.
        before = printers.receipt_ids("t80")
        tap(qtbot, shell, "reprintButton")
        wait_until(lambda: text_of(shell, "searchNote") == "Đã in lại biên nhận, có dòng chữ BẢN IN LẠI.", 30)
        receipt = printers.wait_for_receipt("t80", before)
        assert receipt["boundary"] == "cut"
        dump = unicodedata.normalize("NFC", printers.text("t80", receipt["id"]))
        words = " ".join(dump.split())
        assert words.count(REPRINT_MARK) == 2  # at the top and above the cut: either half says it
        assert "In lại lúc" in words and "PHIẾU TIẾP NHẬN HỒ SƠ" in words
        assert f"Mã tra cứu: {code}" in words and "Đăng ký thường trú" in words
        assert NAME in words  # handed over in person at the agent point: the name in full
        assert printers.receipt_ids("t80") == before | {receipt["id"]}  # one copy, not two
        reprinted = store.audit_trail(dossier_subject(accepted.client_id))[-1]
        assert (reprinted.actor, reprinted.action) == (AGENT_USER, "receipt.reprinted")

        # "Rút lại đồng ý", confirmed: the phone may no longer be used; sending stays agreed.
        assert text_of(shell, "consentState_contact").startswith("✓ Đồng ý lúc")
        tap(qtbot, shell, "withdraw_contact")
        tap(qtbot, shell, "withdrawConfirm_contact")
        wait_until(lambda: text_of(shell, "consentState_contact").startswith("Đã rút lại lúc"))
        assert text_of(shell, "consentState_contact").endswith(f"(cán bộ {AGENT_USER})")
        assert find(shell, "withdraw_contact") is None and find(shell, "withdraw_transmit") is not None
        kept = {c.purpose: c for c in store.consents(accepted.client_id)}
        assert not kept["contact"].in_force and kept["contact"].withdrawn_by == AGENT_USER
        assert kept["transmit"].in_force

        # Back to the results, then home: "Quay lại" everywhere.
        tap(qtbot, shell, "backButton")
        wait_for(qtbot, shell, f"resultRow_{code}")
        tap(qtbot, shell, "backButton")
        wait_until(lambda: shell.agent.page == "home")
        assert store.verify_audit()
    finally:
        if shell is not None:
            shell.close()
        services.close()


def test_a_purged_dossier_shows_without_names_and_is_not_reprinted(qtbot, services) -> None:
    add_agent(services)
    accepted, code = filed(services, AGENT_USER)
    services.store.purge_personal(accepted.client_id)
    shell = signed_in_at_search(qtbot, services)
    search = shell.agent.search

    # The ID-number index went with the names: only the code finds it now.
    assert search_for(qtbot, shell, ID_NUMBER) == []
    assert text_of(shell, "pageMessage").startswith("Không có hồ sơ nào của số định danh này")
    (row,) = search_for(qtbot, shell, code.lower())  # typed in small letters
    assert row["applicant"] == "(đã xóa theo thời hạn lưu)" and row["purged"]
    tap(qtbot, shell, f"open_{code}")
    assert "đã được xóa theo thời hạn lưu" in wait_for(qtbot, shell, "purgedNote").property("text")
    assert not wait_for(qtbot, shell, "reprintButton").property("enabled")
    search.reprint()  # called directly: refused with the reason, nothing printed
    assert "không in lại biên nhận được" in search.message
    assert not search.printing
    assert not [e for e in services.store.audit_trail() if e.action == "receipt.reprinted"]

    # What cannot be found says what to do.
    tap(qtbot, shell, "backButton")
    assert search_for(qtbot, shell, "12345") == []
    assert "12 chữ số" in text_of(shell, "pageMessage")
    assert search_for(qtbot, shell, "H01.99-000000-9999") == []
    assert text_of(shell, "pageMessage") == "Không có hồ sơ nào với mã này trên máy."
    shell.close()


def test_a_volunteer_searches_by_code_only(qtbot, services) -> None:
    accounts.create_account(
        services.store, "tnv.binh", AGENT_PASSWORD, accounts.Role.VOLUNTEER, "Vũ Bình", actor="test"
    )
    _, code = filed(services, "tnv.binh")
    shell = signed_in_at_search(qtbot, services, "tnv.binh")
    assert not shell.agent.search.canSearchById
    assert text_of(shell, "pageTitle") == "Tìm hồ sơ của công dân"
    assert [row["reference"] for row in search_for(qtbot, shell, code)] == [code]
    assert search_for(qtbot, shell, ID_NUMBER) == []
    assert "Tình nguyện viên không được tìm hồ sơ theo số định danh" in text_of(shell, "pageMessage")
    shell.close()
