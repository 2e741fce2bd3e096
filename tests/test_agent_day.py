"""A post-office agent's whole day through the real QML pages, on SQLite and on PostgreSQL.

Three citizens take numbers at the kiosk in the hall. The agent signs in, calls them one by one
from the queue page and takes their cases: the first with her chip card on a PC/SC reader (pcscd,
vpcd and the emulated CCCD speaking real APDUs), the second typed in by hand, the third brought by
his son with a written authorisation, after a marriage registration he asked for was blocked from
delegation. Fees are taken in cash and by VietQR. At the end of the day the report on screen and
`egov.reports` agree with the dossiers and payments in the store and at the portal.

The decisions a person makes are taps on the screen; steps covered tap by tap elsewhere (the form
fields, the scans) go through the view model's slots, which is what those taps call.
The people are fictional.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cardstack import PcscStack, reader_name  # noqa: E402
from test_ui_card import type_can  # noqa: E402
from test_ui_visit import admin_dossiers  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from agent_point.session_model import AgentSession  # noqa: E402
from config.settings import load_settings  # noqa: E402
from egov import accounts  # noqa: E402
from egov.fees import ChargeKind, Method  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.queue import take_ticket  # noqa: E402
from egov.reports import daily_report  # noqa: E402
from egov.store import DossierState  # noqa: E402
from egov.store.models import TicketRow, TicketState  # noqa: E402
from egov.store.payments import payments_of  # noqa: E402
from egov.training import example_answers  # noqa: E402
from hardware.card.emulator.profile import CardProfile  # noqa: E402
from hardware.card.emulator.run import card_from_profile  # noqa: E402
from hardware.card.service import bundled_profile  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.services import Services, build_services  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.staging import capture_all  # noqa: E402

OFFICE = "H01.99"
AGENT, PASSWORD = "buudien.hoa", "mat-khau-dai-2026"
RESIDENCE = "1.004194"  # đăng ký tạm trú: 15 000 đ at the desk
BIRTH = "1.001193"  # đăng ký khai sinh: no state fee
MARRIAGE = "1.000894"  # đăng ký kết hôn: both must come in person
SERVICE_CHARGE = 10_000


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def office(request, pcsc_stack: PcscStack, tmp_path: Path, monkeypatch, qapp) -> Iterator[Services]:  # noqa: ANN001
    """The post office's agent point: its own service charge, a PC/SC reader with the citizen's
    card on it, and its store on SQLite or on a PostgreSQL server of its own."""
    store = ""
    if request.param == "postgresql":
        store = f'[store]\nurl = "{request.getfixturevalue("fresh_postgres_url")}"\n'
    config = tmp_path / "office.toml"
    config.write_text(
        f'[office]\nmode = "agent"\nservice_charge = {SERVICE_CHARGE}\n'
        f'[identity]\nreader = "pcsc:{reader_name(0)}"\n' + store,
        encoding="utf-8",
    )
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
    services = build_services(load_settings(config))
    services.start_sender()
    accounts.create_account(
        services.store, AGENT, PASSWORD, accounts.Role.AGENT, display_name="Trần Thị Hoa", actor="test"
    )
    link = pcsc_stack.attach(card_from_profile(CardProfile.load(bundled_profile())), slot=0)
    yield services
    services.close()
    pcsc_stack.detach(link)


def call_next(qtbot, shell: Shell, label: str) -> None:  # noqa: ANN001
    queue = shell.agent.queue
    wait_until(lambda: shell.agent.page == "queue" and not queue.busy and not queue.serving)
    tap(qtbot, shell, "callNextButton")
    wait_until(lambda: queue.currentLabel == label and not queue.busy)
    tap(qtbot, shell, "serveTicketButton")
    wait_until(lambda: shell.visit.page == "identify")


def fill_form_and_papers(shell: Shell) -> None:
    """The form's answers and every required paper checked in and scanned (taps tested elsewhere)."""
    vm = shell.visit
    wait_until(lambda: vm.page == "form")
    visit = vm.visit
    for key, value in example_answers(visit.procedure.form, visit.form_values, date.today()).items():
        vm.setField(key, value)
    vm.submitForm()
    wait_until(lambda: vm.page == "checklist")
    capture_all(shell)
    wait_until(lambda: vm.page == "check")
    vm.confirmCheck()
    wait_until(lambda: vm.page == "consent")


def consent_and_submit(qtbot, shell: Shell) -> str:  # noqa: ANN001
    vm = shell.visit
    tap(qtbot, shell, "consent_transmit_yes")
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.page == "fee" and not vm.busy, timeout=60)
    return str(vm.visit.outcome.client_id)


def finish_case(qtbot, shell: Shell, rating: int | None) -> None:  # noqa: ANN001
    vm = shell.visit
    tap(qtbot, shell, "primaryButton")  # the fee page: the charges are recorded
    wait_until(lambda: vm.page == "receipt")
    wait_until(lambda: vm.printState in ("printed", "refused", "uncertain"), timeout=60)
    assert vm.printState == "printed"
    tap(qtbot, shell, "doneButton")
    wait_until(lambda: vm.page == "rating")
    tap(qtbot, shell, f"rate_{rating}" if rating else "skipRatingButton")
    if rating:
        tap(qtbot, shell, "skipReasonButton")  # the reason is optional


def test_an_agents_day_from_the_queue_to_the_end_of_day_report(qtbot, office: Services) -> None:  # noqa: ANN001
    store = office.store
    for _ in range(3):  # the morning's first three citizens, at the kiosk in the hall
        take_ticket(store, OFFICE, "A", "kiosk:Sảnh")

    shell = Shell(office, Mode.AGENT, width=1920, height=1080, session_factory=AgentSession)
    shell.window.show()
    vm, agent = shell.visit, shell.agent
    try:
        type_into(qtbot, shell, "field_username", AGENT)
        type_into(qtbot, shell, "field_password", PASSWORD)
        tap(qtbot, shell, "signInButton")
        wait_until(lambda: agent.page == "home")
        tap(qtbot, shell, "queueButton")
        wait_until(lambda: agent.queue.waitingCount == 3)

        # A001: Mrs Mẫu's chip card on the reader; the agent checks the photo and accepts.
        call_next(qtbot, shell, "A001")
        tap(qtbot, shell, "cardIdentityButton")
        type_can(qtbot, shell, "000000")
        tap(qtbot, shell, "readCardButton")
        wait_until(lambda: vm.cardState == "review", timeout=60)
        tap(qtbot, shell, "acceptCardButton")
        wait_until(lambda: vm.page == "procedure")
        vm.chooseProcedure(RESIDENCE)
        wait_until(lambda: vm.page == "delegate")
        tap(qtbot, shell, "choice_delegated_no")
        tap(qtbot, shell, "primaryButton")
        fill_form_and_papers(shell)
        chip_case = consent_and_submit(qtbot, shell)
        tap(qtbot, shell, "cash_state_fee")
        tap(qtbot, shell, "cash_service_charge")
        finish_case(qtbot, shell, rating=5)

        # A002: an old man whose card has no chip; the agent types his details from the card.
        call_next(qtbot, shell, "A002")
        vm.chooseManual()
        wait_until(lambda: vm.page == "identity_manual")
        vm.submitManual(
            {
                "id_number": "001050000123",
                "full_name": "Lê Văn Tám",
                "date_of_birth": "01/02/1950",
                "sex": "Nam",
            }
        )
        wait_until(lambda: vm.page == "procedure")
        vm.chooseProcedure(RESIDENCE)
        wait_until(lambda: vm.page == "delegate")
        tap(qtbot, shell, "choice_delegated_no")
        tap(qtbot, shell, "primaryButton")
        fill_form_and_papers(shell)
        manual_case = consent_and_submit(qtbot, shell)
        tap(qtbot, shell, "transfer_state_fee")  # he pays the state fee by the QR, on his phone
        tap(qtbot, shell, "confirmTransferButton")
        tap(qtbot, shell, "cash_service_charge")
        finish_case(qtbot, shell, rating=4)

        # A003: a son on behalf of his father. The marriage registration cannot be delegated.
        call_next(qtbot, shell, "A003")
        vm.useDemo()
        wait_until(lambda: vm.page == "procedure")
        vm.chooseProcedure(MARRIAGE)
        wait_until(lambda: vm.page == "delegate")
        tap(qtbot, shell, "choice_delegated_yes")
        assert "phải tự đến nộp" in wait_for(qtbot, shell, "delegationBlocked").property("text")
        assert not find(shell, "primaryButton").isEnabled()
        tap(qtbot, shell, "backButton")
        wait_until(lambda: vm.page == "procedure")
        # The birth registration of his new grandchild can be delegated, in writing.
        vm.chooseProcedure(BIRTH)
        wait_until(lambda: vm.page == "delegate")
        tap(qtbot, shell, "choice_delegated_yes")
        type_into(qtbot, shell, "field_auth_full_name", "Phạm Văn Ủy")
        type_into(qtbot, shell, "field_auth_id_number", "001090000321")
        tap(qtbot, shell, "choice_relationship_child")
        tap(qtbot, shell, "primaryButton")
        required = [d.code for d in vm.visit.documents() if d.required]
        assert f"{BIRTH}-UQ" in required, "the written authorisation is one of the papers"
        fill_form_and_papers(shell)
        delegated_case = consent_and_submit(qtbot, shell)
        tap(qtbot, shell, "cash_service_charge")
        finish_case(qtbot, shell, rating=None)
        wait_until(lambda: agent.page == "queue" and not agent.queue.busy)
        assert agent.queue.waitingCount == 0

        # Every ticket served, each with the dossier it led to.
        with store.read() as session:
            tickets = {t.number: (t.state, t.client_id, t.called_by) for t in session.query(TicketRow)}
        assert tickets == {
            1: (TicketState.DONE.value, chip_case, AGENT),
            2: (TicketState.DONE.value, manual_case, AGENT),
            3: (TicketState.DONE.value, delegated_case, AGENT),
        }

        # The portal holds each dossier once: identity by chip and by hand, and the authorised son.
        cases = (chip_case, manual_case, delegated_case)
        wait_until(
            lambda: all(store.outbox_entry(c).state is DossierState.ACCEPTED for c in cases), timeout=60
        )
        held = {record["client_id"]: record for record in admin_dossiers(office)}
        assert sorted(held) == sorted(cases)
        assert held[delegated_case]["authorised"]["full_name"] == "Phạm Văn Ủy"
        assert [store.dossier_summary(c).identity_source for c in cases] == ["chip", "manual", ""]
        assert held[manual_case]["applicant"]["full_name"] == "Lê Văn Tám"

        # The end-of-day report: on screen, and computed again from the store's dossiers and payments.
        tap(qtbot, shell, "backButton")
        wait_until(lambda: agent.page == "home")
        tap(qtbot, shell, "reportButton")
        report_vm = agent.report
        wait_until(lambda: agent.page == "report" and report_vm.ready and not report_vm.busy)
        paid = [p for c in cases for p in payments_of(store, c) if p is not None]
        state_fees = sum(p.amount or 0 for p in paid if p.kind is ChargeKind.STATE_FEE)
        charges = sum(p.amount or 0 for p in paid if p.kind is ChargeKind.SERVICE_CHARGE)
        cash = sum(p.amount or 0 for p in paid if p.method is Method.CASH and p.recorded_by == AGENT)
        assert (state_fees, charges, cash) == (30_000, 30_000, 45_000)
        figures = {row["key"]: row["value"] for row in report_vm.figures}
        assert figures["dossiers"] == "3"
        assert figures["stateFees"] == "30.000 đ" and figures["serviceCharges"] == "30.000 đ"
        assert figures["cash"] == "45.000 đ"
        assert figures["rating"] == "4,5 (2)"
        assert find(shell, "figure_cash") is not None

        report = daily_report(store, date.today(), OFFICE, agent=AGENT)
        assert report.dossiers == len(store.list_dossiers(day=date.today(), office_code=OFFICE)) == 3
        assert (report.state_fees, report.service_charges, report.cash) == (state_fees, charges, cash)
        assert report.by_state[DossierState.ACCEPTED] == 3
        assert report.identity.get("chip") == 1 and report.identity.get("manual") == 1
        assert report.queue is not None
        # The audit trail of the day is whole.
        assert store.verify_audit()
    finally:
        shell.close()
