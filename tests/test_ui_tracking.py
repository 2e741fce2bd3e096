"""Where is my dossier, through the real QML pages, offscreen, against the training portal.

At the kiosk a citizen looks a filed dossier up by typing its code and the last 4 digits of the ID
number, or by showing the receipt's QR to the camera; wrong digits get the one "not found"
sentence, and the idle timeout leaves nothing typed or found behind. At the agent point the list
sorts the office's dossiers under Hôm nay, Chờ gửi, Cần xử lý and Quá hạn, and "Gửi lại" sends a
needs-attention dossier back to the outbox, for agents, not for volunteers.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

import requests

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_ui_card_qr import DeskCamera  # noqa: E402
from test_ui_visit import AGENT_PASSWORD, AGENT_USER, add_agent, make_shell  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from egov import accounts  # noqa: E402
from egov.dossier import Attachment, Channel, Dossier, Person  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.outbox import local_reference  # noqa: E402
from egov.portal.contract import PortalStatus  # noqa: E402
from egov.receipt import tracking_url  # noqa: E402
from egov.store import DossierState  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.lookup_model import LookupModel  # noqa: E402
from ui.services import TRAINING_ADMIN_TOKEN  # noqa: E402

ID_NUMBER = "001199004321"
NAME = "Trần Văn Bình"
NOT_FOUND = "Không tìm thấy hồ sơ với mã và số cuối giấy tờ này."


def make_dossier(procedure: str = "1.004222", name: str = NAME) -> Dossier:
    return Dossier(
        procedure_code=procedure,
        procedure_name="Đăng ký thường trú",
        applicant=Person(full_name=name, id_number=ID_NUMBER, phone="0900000000"),
        office_code="H01.99",
        channel=Channel.DIRECT,
        form={"ho_ten": name},
        attachments=[Attachment("KQ001", "Tờ khai", "to-khai.pdf", b"%PDF-1.4\n1\n%%EOF", pages=1)],
        fee=0,
    )


def filed(services, actor: str = "kiosk", procedure: str = "1.004222") -> tuple[Dossier, str]:
    """A dossier sent through the services' outbox; its code, or its TN- reference if not accepted."""
    dossier = make_dossier(procedure)
    outcome = services.outbox(actor).submit(dossier, dossier.procedure_name)
    return dossier, outcome.dossier_code or outcome.local_reference


def text_of(shell, name: str) -> str:
    item = find(shell, name)
    return item.property("text") if item is not None else ""


# -- kiosk ------------------------------------------------------------------------------------------


def kiosk_at_code_page(qtbot, services):
    shell = make_shell(services, Mode.KIOSK)
    tap(qtbot, shell, "lookupButton")
    wait_until(lambda: shell.lookup.page == "lookup")
    tap(qtbot, shell, "lookupTypeButton")
    wait_until(lambda: shell.lookup.page == "lookup_code")
    return shell


def type_code_and_digits(qtbot, shell, code: str, digits: str) -> None:
    type_into(qtbot, shell, "lookupCodeField", code)
    tap(qtbot, shell, "lookupCodeNext")
    wait_until(lambda: shell.lookup.page == "lookup_digits")
    type_into(qtbot, shell, "lookupDigitsField", digits)
    tap(qtbot, shell, "lookupDigitsNext")
    wait_until(lambda: shell.lookup.page == "lookup_result" and not shell.lookup.busy, timeout=30)


def test_a_citizen_finds_a_filed_dossier_by_its_code_and_the_last_digits(qtbot, services) -> None:
    _, code = filed(services)
    assert code.startswith("H01.99-"), "accepted by the training portal"
    shell = kiosk_at_code_page(qtbot, services)
    # Typed as people do, in small letters: the code is read in capitals.
    type_code_and_digits(qtbot, shell, code.lower(), ID_NUMBER[-4:])
    assert text_of(shell, "pageTitle") == "Tình trạng hồ sơ"
    assert text_of(shell, "resultCode") == code
    assert text_of(shell, "result_procedure") == "Đăng ký thường trú"
    assert text_of(shell, "result_status") == "Mới đăng ký"
    assert text_of(shell, "result_statusDate") == date.today().strftime("%d/%m/%Y")
    assert "/" in text_of(shell, "result_appointment") and "QUÁ HẠN" not in text_of(
        shell, "result_appointment"
    )
    assert (
        wait_for(qtbot, shell, "resultMessage").property("text")
        == "Hồ sơ đã đến cơ quan và đang chờ tiếp nhận."
    )
    # The digits were checked: the masked name, never the name.
    assert text_of(shell, "result_applicant") == "T*** V** B***"
    assert text_of(shell, "resultFreshness") == "✓ Thông tin mới nhất từ cổng dịch vụ công."

    # "Quay lại" from the answer goes back to the two ways in, with nothing kept.
    tap(qtbot, shell, "backButton")
    wait_until(lambda: shell.lookup.page == "lookup")
    assert not shell.lookup.holds_personal_data()
    tap(qtbot, shell, "backButton")
    wait_for(qtbot, shell, "startButton")
    assert shell.visit.page == "welcome" and shell.lookup.page == ""
    shell.close()


def test_wrong_digits_get_the_same_not_found_sentence_as_an_unknown_code(qtbot, services) -> None:
    _, code = filed(services)
    shell = kiosk_at_code_page(qtbot, services)
    type_code_and_digits(qtbot, shell, code, "9999")
    assert text_of(shell, "pageTitle") == "Không tìm thấy hồ sơ"
    wrong_digits = wait_for(qtbot, shell, "pageMessage").property("text")
    assert wrong_digits.startswith(NOT_FOUND)
    assert find(shell, "resultCode") is None and code not in wrong_digits

    # "Thử lại" goes back to the code, kept to be corrected; an unknown code reads the same.
    tap(qtbot, shell, "lookupAgainButton")
    wait_until(lambda: shell.lookup.page == "lookup_code")
    assert wait_for(qtbot, shell, "lookupCodeField").property("text") == code
    type_code_and_digits(qtbot, shell, code[:-4] + "9999", ID_NUMBER[-4:])
    assert wait_for(qtbot, shell, "pageMessage").property("text") == wrong_digits

    # A code that cannot be one is said at once, before any digit is asked for.
    tap(qtbot, shell, "lookupAgainButton")
    type_into(qtbot, shell, "lookupCodeField", "12345")
    tap(qtbot, shell, "lookupCodeNext")
    wait_until(lambda: "Mã hồ sơ chưa đúng" in shell.lookup.message)
    assert shell.lookup.page == "lookup_code"
    shell.close()


def test_the_receipts_qr_under_the_camera_shows_the_dossier(qtbot, services, monkeypatch) -> None:
    _, code = filed(services)
    monkeypatch.setattr(LookupModel, "SCAN_SECONDS", 1.5)
    monkeypatch.setattr(LookupModel, "SCAN_TRIES", 3)
    monkeypatch.setattr(LookupModel, "SCAN_PAUSE", 0.05)
    services.camera = DeskCamera()
    shell = make_shell(services, Mode.KIOSK)
    tap(qtbot, shell, "lookupButton")
    tap(qtbot, shell, "lookupScanButton")
    wait_until(lambda: not shell.lookup.busy and bool(shell.lookup.message), timeout=30)
    assert "Chưa thấy mã QR. Đặt phiếu hẹn dưới máy ảnh" in text_of(shell, "pageMessage")
    assert shell.lookup.page == "lookup"

    # The receipt laid under the camera: its QR carries the tracking address with the code.
    camera = DeskCamera(tracking_url(services.portal.base_url, code))
    services.camera = camera
    tap(qtbot, shell, "lookupScanButton")
    wait_until(lambda: shell.lookup.page == "lookup_result" and not shell.lookup.busy, timeout=30)
    assert text_of(shell, "resultCode") == code
    assert text_of(shell, "result_status") == "Mới đăng ký"
    # Holding the receipt shows the dossier, not whose it is: no digits were checked.
    assert find(shell, "result_applicant") is None
    assert camera.opened == camera.closed == 1
    tap(qtbot, shell, "lookupDoneButton")
    wait_for(qtbot, shell, "startButton")
    shell.close()


def test_offline_the_last_known_status_is_shown_with_its_time_and_late_said_in_words(qtbot, services) -> None:
    dossier, code = filed(services)
    services.store.record_status(
        dossier.client_id,
        status=int(PortalStatus.PROCESSING),
        changed_at=datetime(2026, 11, 2, 3, 4, tzinfo=UTC),
        appointment=date.today() - timedelta(days=2),
    )
    # The network goes down: the portal stops, and the kiosk's kept-alive connection (which the
    # stopped server's handler thread would still answer) is dropped.
    services.training_portal.stop()
    services.portal.close()
    shell = kiosk_at_code_page(qtbot, services)
    type_code_and_digits(qtbot, shell, code, ID_NUMBER[-4:])
    assert text_of(shell, "result_status") == "Đang xử lý"
    assert text_of(shell, "result_appointment").endswith("ĐÃ QUÁ HẠN")
    assert wait_for(qtbot, shell, "resultMessage").property("text") == (
        "Hồ sơ đã quá ngày hẹn trả kết quả. Hãy hỏi cán bộ tại quầy tiếp nhận."
    )
    local = datetime(2026, 11, 2, 3, 4, tzinfo=UTC).astimezone()
    assert text_of(shell, "resultFreshness") == (
        "Chưa kết nối được cổng dịch vụ công. Đây là thông tin cập nhật lần cuối lúc "
        f"{local:%H:%M} ngày {local:%d/%m/%Y}."
    )
    shell.close()


def test_idle_on_the_answer_wipes_the_look_up(qtbot, services) -> None:
    _, code = filed(services)
    shell = kiosk_at_code_page(qtbot, services)
    type_code_and_digits(qtbot, shell, code, ID_NUMBER[-4:])
    assert text_of(shell, "resultCode") == code
    # The minute of no touch and the 30 s countdown, shortened: what they leave behind matters.
    idle = shell.idle
    idle._tick.setInterval(20)  # noqa: SLF001
    idle._idle.setInterval(100)  # noqa: SLF001
    idle._idle.start()  # noqa: SLF001
    wait_for(qtbot, shell, "idleOverlay")
    wait_for(qtbot, shell, "startButton", timeout=20)
    lookup = shell.lookup
    assert lookup.page == "" and shell.visit.page == "welcome"
    assert not lookup.holds_personal_data()
    assert lookup.code == "" and lookup.result == {} and lookup.notFound == ""
    shell.close()


# -- agent point ------------------------------------------------------------------------------------


def signed_in(qtbot, services, username: str, password: str):
    shell = make_shell(services, Mode.AGENT)
    type_into(qtbot, shell, "field_username", username)
    type_into(qtbot, shell, "field_password", password)
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: shell.agent.page == "home")
    tap(qtbot, shell, "dossiersButton")
    wait_until(lambda: shell.agent.page == "dossiers" and not shell.agent.dossiers.busy)
    return shell


def show(qtbot, shell, view: str) -> list[str]:
    """Tap a filter; the references listed under it."""
    tap(qtbot, shell, f"filter_{view}")
    dossiers = shell.agent.dossiers
    wait_until(lambda: dossiers.view == view and not dossiers.busy)
    wait_for(qtbot, shell, "dossierHead" if dossiers.rows else "noDossiers")
    return [row["reference"] for row in dossiers.rows]


def office_with_four_dossiers(services) -> dict[str, str]:
    """Accepted today, queued (not sent), refused by the portal, and accepted but late."""
    _, accepted = filed(services, "canbo.an")
    queued = make_dossier()
    services.store.save_dossier(queued, queued.procedure_name)  # no sender runs: it stays queued
    attention, attention_ref = filed(services, "canbo.an", procedure="1.23")  # the portal answers 422
    assert services.store.outbox_entry(attention.client_id).state is DossierState.NEEDS_ATTENTION
    late, late_code = filed(services, "canbo.an")
    services.store.record_status(
        late.client_id, status=int(PortalStatus.PROCESSING), appointment=date.today() - timedelta(days=3)
    )
    return {
        "accepted": accepted,
        "queued": local_reference(queued.client_id),
        "attention": attention_ref,
        "attention_id": str(attention.client_id),
        "late": late_code,
    }


def test_the_agent_sorts_the_offices_dossiers_and_sends_one_again(qtbot, services) -> None:
    add_agent(services)
    refs = office_with_four_dossiers(services)
    shell = signed_in(qtbot, services, AGENT_USER, AGENT_PASSWORD)
    assert text_of(shell, "pageTitle") == "Danh sách hồ sơ"

    today = show(qtbot, shell, "today")
    assert {refs["accepted"], refs["queued"], refs["attention"], refs["late"]} <= set(today)
    row = wait_for(qtbot, shell, f"dossierRow_{refs['accepted']}")
    assert row is not None and text_of(shell, f"dossierState_{refs['accepted']}") == "Đã gửi đến cơ quan"
    # Names are masked in the list.
    names = {r["applicant"] for r in shell.agent.dossiers.rows}
    assert names == {"T*** V** B***"}

    assert show(qtbot, shell, "waiting") == [refs["queued"]]
    assert text_of(shell, f"dossierState_{refs['queued']}") == "Chờ gửi"

    assert show(qtbot, shell, "late") == [refs["late"]]
    # Late in words, not only in red.
    assert "QUÁ HẠN" in text_of(shell, f"dossierAppointment_{refs['late']}")

    assert show(qtbot, shell, "attention") == [refs["attention"]]
    state = text_of(shell, f"dossierState_{refs['attention']}")
    assert state.startswith("Cần xử lý") and "rejected:invalid_field" in state
    tap(qtbot, shell, f"retry_{refs['attention']}")
    wait_until(lambda: "vào hàng đợi để gửi lại" in text_of(shell, "dossiersNote"))
    wait_until(lambda: not shell.agent.dossiers.busy)
    assert shell.agent.dossiers.rows == []
    assert wait_for(qtbot, shell, "noDossiers").isVisible()
    assert set(show(qtbot, shell, "waiting")) == {refs["queued"], refs["attention"]}
    trail = services.store.audit_trail(f"dossier:{refs['attention_id']}")
    assert trail[-1].actor == AGENT_USER and "needs_attention -> queued" in trail[-1].detail

    tap(qtbot, shell, "backButton")
    wait_until(lambda: shell.agent.page == "home")
    shell.close()


def test_a_volunteer_sees_the_list_but_cannot_send_again(qtbot, services) -> None:
    accounts.create_account(
        services.store, "tnv.binh", "mat-khau-dai-2026", accounts.Role.VOLUNTEER, "Vũ Bình", actor="test"
    )
    attention, reference = filed(services, "tnv.binh", procedure="1.23")
    shell = signed_in(qtbot, services, "tnv.binh", "mat-khau-dai-2026")
    assert show(qtbot, shell, "attention") == [reference]
    assert find(shell, f"retry_{reference}") is None
    assert "Chỉ cán bộ tiếp nhận hoặc người quản lý" in wait_for(qtbot, shell, "noRetryNote").property("text")
    # Refused by the model too, not only hidden on the page.
    shell.agent.dossiers.retry(str(attention.client_id))
    assert "Tình nguyện viên không được gửi lại" in text_of(shell, "pageMessage")
    assert services.store.outbox_entry(attention.client_id).state is DossierState.NEEDS_ATTENTION
    shell.close()


def test_the_apps_poller_brings_the_portals_news_to_the_list(qtbot, services) -> None:
    add_agent(services)
    _, code = filed(services, "canbo.an")
    # An officer at the agency moves the dossier on (the training portal's admin API).
    reply = requests.post(
        f"{services.portal.base_url}/api/v1/admin/dossiers/{code}/status",
        json={"status": int(PortalStatus.SUPPLEMENT)},
        headers={"Authorization": f"Bearer {TRAINING_ADMIN_TOKEN}"},
        timeout=10,
    )
    reply.raise_for_status()
    poller, purger = services.start_tracking(), services.start_retention()
    assert services.start_tracking() is poller and services.start_retention() is purger
    shell = signed_in(qtbot, services, AGENT_USER, AGENT_PASSWORD)

    def shown_status() -> str:
        show(qtbot, shell, "today")
        return next(row["status"] for row in shell.agent.dossiers.rows if row["reference"] == code)

    wait_until(lambda: shown_status() == "Yêu cầu bổ sung giấy tờ", timeout=30)
    wait_until(lambda: purger.rounds >= 1)
    # Nothing accepted 30 days ago: the start-up purge left the dossier whole.
    assert services.store.find_dossier(code).applicant_name == NAME
    shell.close()
    services.close()
    assert not poller._thread.is_alive()  # noqa: SLF001 - close() stopped it
