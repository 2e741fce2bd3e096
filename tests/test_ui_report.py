"""The end-of-day report through the real QML page, offscreen (AgentReport.qml, agent_point.report_model).

A working day is in the store (tests/report_day.py, today): the agent sees their own figures and
bars, prints the slip whose cash is the cash they recorded; the whole office's report is refused to
an agent and a volunteer in the view model itself (and the refusal audited), and shown to a
supervisor, who saves it as CSV and PDF to the data directory and finds the same totals in them.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from report_day import AN, build_day  # noqa: E402
from test_reports import all_text, pdf_text, read_csv  # noqa: E402
from test_ui_visit import AGENT_PASSWORD, make_shell  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from egov import accounts  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.permissions import NOT_ALLOWED  # noqa: E402
from egov.reports import daily_report  # noqa: E402
from ui.events import wait_until  # noqa: E402

OFFICE = "H01.99"


def signed_in(qtbot, services, username: str, role: accounts.Role):
    """A day's work in the store, and `username` signed in on the report page."""
    build_day(services.store, date.today(), datetime.now().astimezone().tzinfo)
    accounts.create_account(
        services.store, username, AGENT_PASSWORD, role, display_name="Lê Thị An", actor="test"
    )
    shell = make_shell(services, Mode.AGENT)
    type_into(qtbot, shell, "field_username", username)
    type_into(qtbot, shell, "field_password", AGENT_PASSWORD)
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: shell.agent.page == "home")
    tap(qtbot, shell, "reportButton")
    report = shell.agent.report
    wait_until(lambda: shell.agent.page == "report" and report.ready and not report.busy)
    return shell, report


def text_of(shell, name: str) -> str:
    wait_until(lambda: find(shell, name) is not None)
    return find(shell, name).property("text")


def test_the_agent_sees_their_own_day_and_prints_the_slip_from_it(qtbot, services) -> None:
    shell, report = signed_in(qtbot, services, AN, accounts.Role.AGENT)
    expected = daily_report(services.store, date.today(), OFFICE, agent=AN)
    assert report.scope == "agent"
    assert text_of(shell, "figure_dossiers") == "3"
    assert text_of(shell, "figure_cash") == "35.000 đ"
    assert text_of(shell, "figure_stateFees") == "30.000 đ"
    assert text_of(shell, "figure_online") == "66,7 %"
    assert text_of(shell, "figure_auditMark") == expected.audit_mark
    # The bars say their numbers in words beside them.
    assert text_of(shell, "bar_accepted") == "2" and text_of(shell, "bar_queued") == "1"
    assert (
        text_of(shell, "bar_state_fee") == "30.000 đ" and text_of(shell, "bar_service_charge") == "30.000 đ"
    )
    assert find(shell, "scope_office") is None  # not offered to an agent
    wait_for(qtbot, shell, "reportTable_procedures")

    printed: list[list] = []
    printer = shell.visit.printer
    submit = printer.submit

    def spy(kind, subject, blocks):  # noqa: ANN001, ANN202 - the printer model's own signature
        printed.append(list(blocks))
        return submit(kind, subject, blocks)

    printer.submit = spy
    tap(qtbot, shell, "reportSlipButton")
    wait_until(lambda: shell.agent.dayMessage == "Đã in bảng kê cuối ngày.", timeout=30)
    slip = all_text(printed[0])
    assert "Tiền mặt phải nộp: 35.000 đ" in slip  # the cash An recorded, not fee × dossiers
    assert "Lệ phí thu hộ cơ quan nhà nước: 30.000 đ" in slip
    assert "Mã kiểm tra nhật ký: " in slip
    shell.close()


@pytest.mark.parametrize("role", [accounts.Role.AGENT, accounts.Role.VOLUNTEER])
def test_the_office_report_is_refused_in_the_view_model(qtbot, services, role: accounts.Role) -> None:
    shell, report = signed_in(qtbot, services, "tnv.binh", role)
    report.show("office")  # what a hidden button, or a slot called some other way, would do
    assert report.message == NOT_ALLOWED
    assert report.scope == "agent"
    assert text_of(shell, "pageMessage") == NOT_ALLOWED

    def refused() -> bool:
        return any(
            e.action == "permission.denied" and e.actor == "tnv.binh" and "action=office_report" in e.detail
            for e in services.store.audit_trail()
        )

    wait_until(refused)
    # Their own report is still theirs to see: nothing of the office's appears.
    assert text_of(shell, "figure_dossiers") == "0"
    shell.close()


def test_a_supervisor_sees_the_whole_office_and_saves_it_as_csv_and_pdf(qtbot, services) -> None:
    shell, report = signed_in(qtbot, services, "quanly.mai", accounts.Role.SUPERVISOR)
    tap(qtbot, shell, "scope_office")
    wait_until(lambda: report.scope == "office" and report.ready and not report.busy)
    expected = daily_report(services.store, date.today(), OFFICE)
    assert (expected.dossiers, expected.cash) == (8, 70_000)
    assert text_of(shell, "figure_dossiers") == "8"
    assert text_of(shell, "figure_cash") == "70.000 đ"
    assert text_of(shell, "figure_serviceCharges") == "50.000 đ"
    assert text_of(shell, "figure_online") == "87,5 %"

    folder = Path(services.settings.data_dir) / "reports"
    tap(qtbot, shell, "saveCsvButton")
    wait_until(lambda: report.messageGood and not report.busy)
    (csv_file,) = folder.glob("*.csv")
    assert str(csv_file) in report.message
    summary = dict(row[:2] for row in read_csv(csv_file.read_bytes())["Thông tin chung"][1:])
    assert (summary["Tổng số hồ sơ"], summary["Tiền mặt phải nộp (đ)"]) == ("8", "70000")
    assert summary["Phạm vi"] == "Toàn điểm tiếp nhận"

    tap(qtbot, shell, "savePdfButton")
    wait_until(lambda: any(folder.glob("*.pdf")) and not report.busy, timeout=30)
    (pdf_file,) = folder.glob("*.pdf")
    text = pdf_text(pdf_file)
    assert "Tiền mặt phải nộp: 70.000 đ" in text and "Toàn điểm tiếp nhận" in text
    shell.close()
