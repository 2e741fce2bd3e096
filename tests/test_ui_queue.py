"""The queue through the real QML pages, offscreen: the agent's desk and the kiosk's ticket.

At the agent point the queue page lists who waits, "Gọi số tiếp theo" calls the oldest ticket to
this desk, "Gọi lại" and "Vắng mặt" act on it, "Phát số" prints a ticket for a walk-in, and
"Tiếp nhận" opens a case whose dossier, once filed, is written to the ticket. At the kiosk a
citizen takes a number with two taps and sees it large, printed or not.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_ui_visit import AGENT_PASSWORD, AGENT_USER, add_agent, fill_and_send, make_shell  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from egov.flow import Mode  # noqa: E402
from egov.queue import desk_ticket, local_now, take_ticket, waiting  # noqa: E402
from egov.store.models import TicketState  # noqa: E402
from ui.events import wait_until  # noqa: E402

OFFICE = "H01.99"


def text_of(shell, name: str) -> str:
    item = find(shell, name)
    return item.property("text") if item is not None else ""


def at_queue(qtbot, services):
    """Signed in as the agent, on the queue page with its list read."""
    add_agent(services)
    shell = make_shell(services, Mode.AGENT)
    type_into(qtbot, shell, "field_username", AGENT_USER)
    type_into(qtbot, shell, "field_password", AGENT_PASSWORD)
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: shell.agent.page == "home")
    tap(qtbot, shell, "queueButton")
    queue = shell.agent.queue
    wait_until(lambda: shell.agent.page == "queue" and queue.refreshing)
    return shell, queue


def ticket_state(services, label: str):
    today = local_now().date()
    from sqlalchemy import select

    from egov.store.models import TicketRow

    with services.store.read() as session:
        row = session.scalars(
            select(TicketRow).where(
                TicketRow.office_code == OFFICE, TicketRow.day == today, TicketRow.number == int(label[1:])
            )
        ).one()
        return TicketState(row.state), row.client_id, row.desk


# -- agent point --------------------------------------------------------------------------------------


def test_the_desk_calls_recalls_and_marks_a_no_show(qtbot, services) -> None:
    for letter in "ABA":
        take_ticket(services.store, OFFICE, letter, "kiosk:Sảnh")
    shell, queue = at_queue(qtbot, services)
    wait_for(qtbot, shell, "queueRow_A003")
    assert text_of(shell, "pageTitle") == "Hàng đợi – Quầy 1"
    assert text_of(shell, "queueWaited_A001") == "0 phút"
    assert text_of(shell, "queueCurrentLabel") == "—"

    tap(qtbot, shell, "callNextButton")
    wait_until(lambda: queue.currentLabel == "A001" and not queue.busy)
    assert text_of(shell, "queueCurrentLabel") == "A001"
    assert queue.message == "Mời số A001 đến Quầy 1."
    wait_until(lambda: find(shell, "queueRow_A001") is None)
    assert [t.label for t in queue.waiting_tickets] == ["B002", "A003"]
    assert ticket_state(services, "A001") == (TicketState.CALLED, None, "Quầy 1")

    tap(qtbot, shell, "recallButton")
    wait_until(lambda: queue.message == "Đã gọi lại số A001." and not queue.busy)
    tap(qtbot, shell, "noShowButton")
    wait_until(lambda: not queue.hasCurrent and not queue.busy)
    assert queue.message.startswith("Số A001 vắng mặt.")
    assert ticket_state(services, "A001")[0] is TicketState.GONE
    assert text_of(shell, "queueCurrentLabel") == "—"

    # Another desk of the office calls B002 meanwhile: this desk gets A003 next, never B002.
    other = take_ticket(services.store, OFFICE, "C", "kiosk:Sảnh")
    from egov.queue import call_next

    assert call_next(services.store, OFFICE, "Quầy 2", "canbo.binh").label == "B002"
    tap(qtbot, shell, "callNextButton")
    wait_until(lambda: queue.currentLabel == "A003" and not queue.busy)
    # Calling on with A003 still at the desk: A003 counts as served.
    tap(qtbot, shell, "callNextButton")
    wait_until(lambda: queue.currentLabel == other.label and not queue.busy)
    assert ticket_state(services, "A003")[0] is TicketState.DONE
    tap(qtbot, shell, "finishTicketButton")
    wait_until(lambda: not queue.hasCurrent and not queue.busy)
    tap(qtbot, shell, "callNextButton")
    wait_until(lambda: queue.message == "Không còn ai đang chờ." and not queue.busy)
    assert wait_for(qtbot, shell, "queueEmpty").property("visible")

    # Leaving the page stops the list's timer; signed out, the model refuses to call.
    tap(qtbot, shell, "backButton")
    wait_until(lambda: shell.agent.page == "home")
    assert not queue.refreshing
    take_ticket(services.store, OFFICE, "A", "kiosk:Sảnh")
    shell.agent.signOut()
    queue.callNext()
    wait_until(lambda: not queue.busy and bool(queue.message))
    assert queue.message.startswith("Tài khoản của bạn không được làm việc này")
    assert [t.label for t in waiting(services.store, OFFICE, local_now().date())] == ["A005"]
    shell.close()


def test_tiep_nhan_opens_a_case_and_the_filed_dossier_ends_the_ticket(qtbot, services) -> None:
    take_ticket(services.store, OFFICE, "A", "kiosk:Sảnh")
    shell, queue = at_queue(qtbot, services)
    vm = shell.visit
    tap(qtbot, shell, "callNextButton")
    wait_until(lambda: queue.currentLabel == "A001" and not queue.busy)

    tap(qtbot, shell, "serveTicketButton")
    wait_until(lambda: shell.agent.page == "visit" and vm.page == "identify")
    assert queue.serving and not queue.refreshing
    tap(qtbot, shell, "demoIdentityButton")
    wait_until(lambda: vm.page == "procedure")
    fill_and_send(qtbot, shell)
    wait_for(qtbot, shell, "dossierCode")
    client_id = str(vm.visit.outcome.client_id)
    tap(qtbot, shell, "doneButton")
    tap(qtbot, shell, "skipRatingButton")

    # Back on the queue page, not home: the next citizen is a tap away.
    wait_until(lambda: shell.agent.page == "queue" and not queue.serving)
    wait_until(lambda: ticket_state(services, "A001")[0] is TicketState.DONE and not queue.busy)
    assert ticket_state(services, "A001") == (TicketState.DONE, client_id, "Quầy 1")
    assert queue.message == "Số A001 đã nộp hồ sơ. Đã phục vụ xong."
    assert not queue.hasCurrent and queue.refreshing
    trail = services.store.audit_trail(f"ticket:{OFFICE}/{local_now().date().isoformat()}/A001")
    assert [e.action for e in trail] == ["ticket.taken", "ticket.called", "ticket.done"]
    assert trail[-1].actor == AGENT_USER and client_id in trail[-1].detail
    shell.close()


def test_a_case_given_up_leaves_the_ticket_at_the_desk(qtbot, services) -> None:
    take_ticket(services.store, OFFICE, "B", "kiosk:Sảnh")
    shell, queue = at_queue(qtbot, services)
    tap(qtbot, shell, "callNextButton")
    wait_until(lambda: queue.currentLabel == "B001" and not queue.busy)
    tap(qtbot, shell, "serveTicketButton")
    wait_until(lambda: shell.agent.page == "visit")
    shell.visit.finish()  # the agent ends the visit without filing anything
    wait_until(lambda: shell.agent.page == "queue" and not queue.busy)
    wait_until(lambda: queue.currentLabel == "B001")
    assert ticket_state(services, "B001")[0] is TicketState.CALLED
    assert desk_ticket(services.store, OFFICE, local_now().date(), "Quầy 1").label == "B001"
    shell.close()


def test_phat_so_prints_a_ticket_at_the_desk(qtbot, services) -> None:
    shell, queue = at_queue(qtbot, services)
    before = set(services.receipts_dir.glob("receipt-*.png"))
    tap(qtbot, shell, "issue_C")
    wait_until(lambda: queue.message == "Đã phát số C001. Phiếu đã in.", timeout=30)
    assert len(set(services.receipts_dir.glob("receipt-*.png")) - before) == 1
    wait_for(qtbot, shell, "queueRow_C001")
    ticket = waiting(services.store, OFFICE, local_now().date())[0]
    assert ticket.taken_where == "desk:Quầy 1"
    trail = services.store.audit_trail(ticket.subject)
    assert [(e.action, e.actor) for e in trail] == [("ticket.taken", AGENT_USER)]
    shell.close()


# -- kiosk ----------------------------------------------------------------------------------------------


def test_a_citizen_takes_a_number_with_two_taps(qtbot, services) -> None:
    take_ticket(services.store, OFFICE, "A", "kiosk:Sảnh")
    shell = make_shell(services, Mode.KIOSK)
    tickets = shell.tickets
    before = set(services.receipts_dir.glob("receipt-*.png"))
    tap(qtbot, shell, "ticketButton")
    wait_until(lambda: tickets.page == "ticket_service")
    assert text_of(shell, "pageTitle") == "Lấy số thứ tự"
    assert shell.visit.page == "welcome"  # no dossier started
    tap(qtbot, shell, "ticketService_B")
    wait_until(lambda: tickets.page == "ticket_taken")
    assert text_of(shell, "pageTitle") == "Số của bạn"
    assert text_of(shell, "ticketNumber") == "B002"
    assert text_of(shell, "ticketService") == "Nhận kết quả"
    assert text_of(shell, "ticketAhead") == "Có 1 người đang chờ trước bạn."
    wait_until(lambda: tickets.printed, timeout=30)
    assert wait_for(qtbot, shell, "ticketPrintNote").property("text") == "Mời bạn nhận phiếu ở khe máy in."
    assert len(set(services.receipts_dir.glob("receipt-*.png")) - before) == 1
    assert [t.label for t in waiting(services.store, OFFICE, local_now().date())] == ["A001", "B002"]
    assert waiting(services.store, OFFICE, local_now().date())[1].taken_where == "kiosk:Quầy 1"

    tap(qtbot, shell, "ticketDoneButton")
    wait_until(lambda: tickets.page == "")
    wait_for(qtbot, shell, "startButton")

    # Walking away on the services page: the idle wipe (the visit's end) brings the welcome back.
    tap(qtbot, shell, "ticketButton")
    wait_until(lambda: tickets.page == "ticket_service")
    tap(qtbot, shell, "backButton")
    wait_until(lambda: tickets.page == "")
    tap(qtbot, shell, "ticketButton")
    wait_until(lambda: tickets.page == "ticket_service")
    shell.visit.finish()
    wait_until(lambda: tickets.page == "")
    shell.close()


@pytest.fixture
def services_without_printer(tmp_path: Path, monkeypatch, qapp):
    """The embedded defaults but a receipt printer nobody answers at (a closed loopback port)."""
    from config.settings import load_settings
    from ui.services import build_services

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    office = tmp_path / "office.toml"
    office.write_text(f'[printer]\nuri = "tcp://127.0.0.1:{port}"\nprofile = "tm-t20"\n', encoding="utf-8")
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
    built = build_services(load_settings(office))
    yield built
    built.close()


def test_a_slip_that_does_not_print_leaves_the_number_on_the_screen(qtbot, services_without_printer) -> None:
    services = services_without_printer
    shell = make_shell(services, Mode.KIOSK)
    tickets = shell.tickets
    tap(qtbot, shell, "ticketButton")
    wait_until(lambda: tickets.page == "ticket_service")
    tap(qtbot, shell, "ticketService_A")
    wait_until(lambda: tickets.page == "ticket_taken" and not tickets.printing, timeout=30)
    assert text_of(shell, "ticketNumber") == "A001"
    assert not tickets.printed
    note = wait_for(qtbot, shell, "pageMessage").property("text")
    assert note.startswith("Phiếu chưa in được: ") and note.endswith("Xin hãy ghi nhớ số của bạn.")
    # The ticket is in the queue all the same.
    assert [t.label for t in waiting(services.store, OFFICE, local_now().date())] == ["A001"]
    shell.close()
