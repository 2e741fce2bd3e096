"""Feedback through the real QML pages, offscreen (Rating.qml, AgentFeedback.qml).

At the kiosk, from the rating page on, by taps: a suggestion typed and sent, a face, a reason; the
store then holds the rating with its reason and the suggestion sealed (its words not in the
database file's bytes). A suggestion half typed when the idle wipe comes is gone: not stored, not
on any page. At the agent point a supervisor reads the suggestions (the read audited), marks one
read, and finds them counted in the end-of-day report on screen; an agent and a volunteer are
refused in the view model, whatever the page shows, and the refusals are audited.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtQuick import QQuickItem  # noqa: E402
from test_ui_visit import AGENT_PASSWORD, make_shell  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from egov import accounts  # noqa: E402
from egov.feedback import Reason, add_suggestion, feedback_summary, list_suggestions  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.permissions import NOT_ALLOWED  # noqa: E402
from egov.queue import local_now  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.staging import stage  # noqa: E402

OFFICE = "H01.99"
WRITTEN = "Nên có ghế chờ cho người già, và chữ trên máy to hơn"
HALF_TYPED = "Chị Hoa ở quầy hai nói"


def rating_page(services):
    """A kiosk visit walked to its last page (ui.staging drives the earlier pages)."""
    shell = make_shell(services, Mode.KIOSK)
    stage(shell, "rating")
    wait_until(lambda: shell.visit.page == "rating")
    return shell


def database_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.glob("*.sqlite3*")))


def texts_on_screen(shell) -> list[str]:
    found = []

    def walk(item: QQuickItem) -> None:
        value = item.property("text")
        if isinstance(value, str) and value:
            found.append(value)
        for child in item.childItems():
            walk(child)

    walk(shell.window.contentItem())
    return found


def test_a_rating_with_a_reason_and_a_suggestion_by_taps(qtbot, services, tmp_path: Path) -> None:
    shell = rating_page(services)
    vm, feedback = shell.visit, shell.visit.feedback
    try:
        tap(qtbot, shell, "suggestButton")
        wait_until(lambda: feedback.screen == "suggestion")
        tap(qtbot, shell, "sendSuggestionButton")  # nothing typed yet: said at the field
        assert "Hãy viết vài chữ góp ý" in feedback.message
        type_into(qtbot, shell, "field_suggestion", WRITTEN)
        tap(qtbot, shell, "sendSuggestionButton")
        wait_for(qtbot, shell, "suggestionSent")  # back on the faces, with the thanks
        assert feedback.screen == "faces" and find(shell, "suggestButton") is None

        tap(qtbot, shell, "rate_2")
        wait_until(lambda: feedback.screen == "reason")
        assert wait_for(qtbot, shell, "chosenScore").property("text") == "Bạn đã chọn: Không hài lòng"
        tap(qtbot, shell, "backButton")  # changed their mind
        wait_until(lambda: feedback.screen == "faces")
        tap(qtbot, shell, "rate_3")
        tap(qtbot, shell, "reason_staff")
        wait_until(lambda: vm.page == "welcome")

        store = services.store
        wait_until(lambda: store.ratings_summary(office_code=OFFICE).count == 1)
        assert store.ratings_summary(office_code=OFFICE).by_score[3] == 1
        today = local_now()
        day = today.replace(hour=0, minute=0, second=0, microsecond=0)
        counted = feedback_summary(store, OFFICE, day, today.replace(hour=23, minute=59))
        assert counted.reasons[Reason.STAFF] == counted.low_reasons[Reason.STAFF] == 1
        assert counted.suggestions == 1
        assert [s.text for s in list_suggestions(store, reader="test", office_code=OFFICE)] == [WRITTEN]
        data = database_bytes(tmp_path)
        assert data, "the kiosk's SQLite store was not found in the data directory"
        for clear in (WRITTEN, "ghế chờ cho người già"):
            assert clear.encode() not in data
    finally:
        shell.close()


def test_the_idle_wipe_drops_a_half_typed_suggestion(qtbot, services) -> None:
    shell = rating_page(services)
    vm, feedback = shell.visit, shell.visit.feedback
    try:
        tap(qtbot, shell, "rate_5")
        tap(qtbot, shell, "suggestButton")
        type_into(qtbot, shell, "field_suggestion", HALF_TYPED)
        # The citizen walks away: the real idle watcher, its minutes made milliseconds.
        for timer in shell.idle.findChildren(QTimer):
            timer.setInterval(20)
        wait_until(lambda: vm.page == "welcome", timeout=20)
        assert feedback.screen == "faces" and not feedback.sent and feedback.message == ""
        assert find(shell, "field_suggestion") is None
        assert not any(HALF_TYPED in text for text in texts_on_screen(shell))
        # The face tapped still counts, without a reason; the suggestion was never sent.
        store = services.store
        wait_until(lambda: store.ratings_summary(office_code=OFFICE).count == 1)
        assert list_suggestions(store, reader="test") == []
        assert not any(e.action == "suggestion.received" for e in store.audit_trail())
    finally:
        shell.close()


def sign_in(qtbot, services, username: str, role: accounts.Role):
    accounts.create_account(
        services.store, username, AGENT_PASSWORD, role, display_name=username, actor="test"
    )
    shell = make_shell(services, Mode.AGENT)
    type_into(qtbot, shell, "field_username", username)
    type_into(qtbot, shell, "field_password", AGENT_PASSWORD)
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: shell.agent.page == "home")
    return shell


def test_a_supervisor_reads_marks_read_and_finds_them_in_the_report(qtbot, services) -> None:
    store = services.store
    for text in ("Máy in hết giấy từ sáng.", "Cảm ơn chị hướng dẫn tận tình."):
        add_suggestion(store, OFFICE, text)
    add_suggestion(store, "H01.98", "Của phường khác")
    shell = sign_in(qtbot, services, "quanly.an", accounts.Role.SUPERVISOR)
    agent = shell.agent
    inbox = agent.feedback
    try:
        tap(qtbot, shell, "feedbackButton")
        wait_until(lambda: agent.page == "feedback" and not inbox.busy and len(inbox.rows) == 2)
        assert wait_for(qtbot, shell, "suggestionText_0").property("text") == "Cảm ơn chị hướng dẫn tận tình."
        assert "Chưa đọc" in find(shell, "suggestionState_1").property("text")
        reads = [e for e in store.audit_trail() if e.action == "suggestions.read"]
        assert [(e.actor, e.detail) for e in reads] == [("quanly.an", "shown=2; unread_only=True")]

        tap(qtbot, shell, "markRead_1")
        wait_until(
            lambda: not inbox.busy and [r["text"] for r in inbox.rows] == ["Cảm ơn chị hướng dẫn tận tình."]
        )
        marked = [e for e in store.audit_trail() if e.action == "suggestion.marked_read"]
        assert len(marked) == 1 and marked[0].actor == "quanly.an"
        tap(qtbot, shell, "filter_all")
        wait_until(lambda: not inbox.busy and len(inbox.rows) == 2)
        assert "Đã đọc lúc" in wait_for(qtbot, shell, "suggestionState_1").property("text")
        assert find(shell, "markRead_1") is None

        tap(qtbot, shell, "backButton")
        wait_until(lambda: agent.page == "home")
        tap(qtbot, shell, "reportButton")
        report = agent.report
        wait_until(lambda: agent.page == "report" and report.ready and not report.busy)
        tap(qtbot, shell, "scope_office")
        wait_until(lambda: report.scope == "office" and report.ready and not report.busy)
        wait_for(qtbot, shell, "reportTable_feedback")
        table = next(t for t in report.tables if t["key"] == "feedback")
        assert ["Số góp ý bằng chữ đã nhận", "2", "—"] in table["rows"]
        # Counted, never quoted.
        assert not any("Máy in hết giấy" in text for text in texts_on_screen(shell))
    finally:
        shell.close()


@pytest.mark.parametrize("role", [accounts.Role.AGENT, accounts.Role.VOLUNTEER])
def test_agents_and_volunteers_are_refused_and_the_refusal_audited(qtbot, services, role) -> None:
    store = services.store
    add_suggestion(store, OFFICE, "Cán bộ quầy 1 đến muộn.")
    shell = sign_in(qtbot, services, "nguoi.thu", role)
    agent = shell.agent
    try:
        assert find(shell, "feedbackButton") is None  # not offered
        agent.showFeedback()  # and refused if reached anyway
        assert agent.page == "home"
        assert agent.error == NOT_ALLOWED
        wait_for(qtbot, shell, "pageMessage")
        agent.feedback.show("all")
        agent.feedback.markRead("any")
        assert agent.feedback.rows == [] and agent.feedback.message == NOT_ALLOWED

        def refusals() -> list:
            return [e for e in store.audit_trail() if e.action == "permission.denied"]

        wait_until(lambda: len(refusals()) == 3)
        assert {e.actor for e in refusals()} == {"nguoi.thu"}
        assert all(f"action=read_suggestions; role={role.value}" == e.detail for e in refusals())
        assert not any(e.action == "suggestions.read" for e in store.audit_trail())
        assert not any("đến muộn" in text for text in texts_on_screen(shell))
    finally:
        shell.close()
