"""The case at the agent point's desk through the real QML pages, offscreen: the paper check with
its counters, a procedure blocked from delegation, a signature drawn on the screen, the dossier
going by post with its consignment number, and the chip card's identity kept with the dossier.

Pages other than the one under test are passed through the view model's slots (the same calls a
tap makes); the page under test is driven tap by tap.
"""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from sqlalchemy import select  # noqa: E402
from test_ui_card import type_can  # noqa: E402
from test_ui_visit import AGENT_PASSWORD, AGENT_USER, add_agent, admin_dossiers, capture, make_shell  # noqa: E402
from uidriver import drag, find, tap, type_into, wait_for  # noqa: E402

from egov.flow import Mode  # noqa: E402
from egov.store.models import ConsentRow  # noqa: E402
from egov.training import example_answers  # noqa: E402
from ui.events import pump, wait_until  # noqa: E402
from ui.shell import Shell  # noqa: E402

BIRTH = "1.001193"
MARRIAGE = "1.000894"
TK, GCS = f"{BIRTH}-TK", f"{BIRTH}-GCS"


@pytest.fixture
def desk(qtbot, services):  # noqa: ANN001
    """An agent signed in with a new case open, on the identify page."""
    add_agent(services)
    shell = make_shell(services, Mode.AGENT)
    agent = shell.agent
    agent.signIn(AGENT_USER, AGENT_PASSWORD)
    wait_until(lambda: agent.page == "home")
    agent.newCase()
    wait_until(lambda: shell.visit.page == "identify")
    yield shell
    shell.close()


def to_checklist(shell: Shell, code: str = BIRTH) -> None:
    vm = shell.visit
    if vm.visit.identity is None:
        vm.useDemo()
    vm.chooseProcedure(code)
    vm.setDelegation(False, {})
    visit = vm.visit
    for key, value in example_answers(visit.procedure.form, visit.form_values, date.today()).items():
        vm.setField(key, value)
    vm.submitForm()
    assert vm.page == "checklist", vm.message


def to_consent(shell: Shell, qtbot) -> None:  # noqa: ANN001
    to_checklist(shell)
    to_consent_from_checklist(shell, qtbot)


def to_consent_from_checklist(shell: Shell, qtbot) -> None:  # noqa: ANN001
    vm = shell.visit
    for doc in vm.visit.documents():
        if doc.required:
            vm.tickDocument(doc.code, True)
    vm.checklistDone()
    wait_until(lambda: vm.page == "documents")
    for doc in vm.visit.documents():
        if doc.required:
            capture(qtbot, shell, doc.code)
            vm.scan.showList()
    vm.documentsDone()
    vm.confirmCheck()
    assert vm.page == "consent", vm.message


def count(shell: Shell, name: str) -> int:
    return int(wait_for(None, shell, name).property("text"))


def test_the_paper_check_counts_with_big_buttons_and_a_missing_paper_stops_the_case(qtbot, desk) -> None:  # noqa: ANN001
    shell, vm = desk, desk.visit
    to_checklist(shell)
    # "+" hands a paper over; "−" down to nought takes it back.
    tap(qtbot, shell, f"originals_plus_{TK}")
    wait_until(lambda: count(shell, f"originals_{TK}") == 1)
    assert find(shell, f"paperState_{TK}").property("text") == "✓ Đã nhận"
    tap(qtbot, shell, f"copies_plus_{TK}")
    tap(qtbot, shell, f"copies_plus_{TK}")
    wait_until(lambda: count(shell, f"copies_{TK}") == 2)
    tap(qtbot, shell, f"originals_minus_{TK}")
    tap(qtbot, shell, f"copies_minus_{TK}")
    tap(qtbot, shell, f"copies_minus_{TK}")
    wait_until(lambda: find(shell, f"paperState_{TK}").property("text") == "Chưa đánh dấu")
    assert not find(shell, f"copies_minus_{TK}").isEnabled(), "no count below nought"
    # "Đã nhận" starts from the catalogue's counts.
    tap(qtbot, shell, f"handed_{TK}")
    wait_until(lambda: count(shell, f"originals_{TK}") == 1 and count(shell, f"copies_{TK}") == 0)

    # The birth certificate is not there: confirmed missing, the case cannot go on.
    tap(qtbot, shell, f"missing_{GCS}")
    wait_for(qtbot, shell, "missingNotice")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.messageField == "missing")
    assert vm.page == "checklist" and "Giấy chứng sinh" in vm.message and "chưa nộp được" in vm.message
    # The papers to bring next time, on paper; then the case ends and the agent is home.
    tap(qtbot, shell, "printGuideButton")
    wait_until(lambda: vm.sideNote == "Đã in phiếu.", timeout=30)
    assert len(list(shell.services.receipts_dir.glob("*.png"))) == 1
    tap(qtbot, shell, "endCaseButton")
    wait_until(lambda: shell.agent.page == "home")
    assert vm.visit.procedure is None and vm.visit.paper == {}


def test_marriage_registration_is_blocked_from_delegation(qtbot, desk) -> None:  # noqa: ANN001
    shell, vm = desk, desk.visit
    vm.useDemo()
    vm.chooseProcedure(MARRIAGE)
    wait_until(lambda: vm.page == "delegate")
    assert wait_for(qtbot, shell, "notDelegableNote").property("text").startswith("Thủ tục này không")
    tap(qtbot, shell, "choice_delegated_yes")
    notice = wait_for(qtbot, shell, "delegationBlocked")
    assert "phải tự đến nộp" in notice.property("text") and "Kết thúc hồ sơ" in notice.property("text")
    assert find(shell, "field_auth_full_name") is None, "no authorised person to type in"
    assert not find(shell, "primaryButton").isEnabled()
    wait_for(qtbot, shell, "endCaseButton")
    # Refused in the view model too, not only hidden on the page.
    vm.setDelegation(True, {"full_name": "Phạm Văn Ủy", "id_number": "001090000321", "relationship": "child"})
    assert vm.messageField == "delegate" and "không được ủy quyền" in vm.message
    assert vm.page == "delegate" and vm.visit.authorised is None
    # The applicant is at the desk after all: the case goes on.
    tap(qtbot, shell, "choice_delegated_no")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "form")


def test_an_authorised_neighbour_needs_a_certified_authorisation(qtbot, desk) -> None:  # noqa: ANN001
    shell, vm = desk, desk.visit
    vm.useDemo()
    vm.chooseProcedure(BIRTH)
    tap(qtbot, shell, "choice_delegated_yes")
    type_into(qtbot, shell, "field_auth_full_name", "Đỗ Văn Hàng Xóm")
    type_into(qtbot, shell, "field_auth_id_number", "001090000999")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.messageField == "relationship")
    tap(qtbot, shell, "choice_relationship_other")
    assert "phải được chứng thực" in wait_for(qtbot, shell, "certificationNote").property("text")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.messageField == "certified")
    assert vm.page == "delegate"
    tap(qtbot, shell, "certifiedButton")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "form")
    assert vm.visit.authorisation_certified and vm.visit.authorised.relationship == "Người khác"


def stroke_by_touch(shell: Shell, name: str, points: list[tuple[int, int]]) -> None:
    """A finger on the screen: press, move through `points` (relative to item `name`), lift."""
    item = find(shell, name)
    origin = item.mapToScene(QPointF(0, 0)).toPoint()
    device = QTest.createTouchDevice()
    window = shell.window
    first = points[0]
    QTest.touchEvent(window, device).press(0, origin + QPoint(*first), window).commit()
    pump()
    for x, y in points[1:]:
        QTest.touchEvent(window, device).move(0, origin + QPoint(x, y), window).commit()
        pump()
    last = points[-1]
    QTest.touchEvent(window, device).release(0, origin + QPoint(*last), window).commit()
    pump()


def test_a_signature_drawn_on_the_screen_is_kept_sealed_with_the_consent(qtbot, desk) -> None:  # noqa: ANN001
    shell, vm = desk, desk.visit
    to_consent(shell, qtbot)
    tap(qtbot, shell, "choice_consent_method_signature")
    tap(qtbot, shell, "consent_transmit_yes")
    tap(qtbot, shell, "consent_contact_no")
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.messageField == "signature")
    assert vm.page == "consent", "nothing is sent without the signature"
    # Two strokes: one by mouse, one by touch.
    drag(qtbot, shell, "signatureArea", 260, -40)
    wait_until(lambda: len(vm.signatureStrokes) == 1)
    stroke_by_touch(shell, "signatureArea", [(40, 120), (90, 60), (150, 140), (220, 70), (300, 130)])
    wait_until(lambda: len(vm.signatureStrokes) == 2)
    # "Xóa chữ ký" starts again; the citizen signs once more.
    tap(qtbot, shell, "clearSignatureButton")
    wait_until(lambda: vm.signatureStrokes == [])
    drag(qtbot, shell, "signatureArea", 300, 30)
    stroke_by_touch(shell, "signatureArea", [(40, 120), (90, 60), (150, 140), (220, 70), (300, 130)])
    wait_until(lambda: len(vm.signatureStrokes) == 2)
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.page == "receipt", timeout=30)

    store = shell.services.store
    client_id = vm.visit.dossier.client_id
    records = {r.purpose: r for r in store.consents(client_id)}
    assert (records["transmit"].granted, records["transmit"].method) == (True, "signature")
    # A refusal keeps no signature: nothing to prove, less to keep.
    assert (records["contact"].granted, records["contact"].method) == (False, "screen")
    assert store.consent_signature(client_id, "contact") is None
    png = store.consent_signature(client_id, "transmit")
    assert png is not None and png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (900, 300)
    assert _ink(image) > 100, "the strokes are drawn"
    # Sealed in the store: the PNG is not there in the clear.
    with store.read() as session:
        sealed = session.scalars(
            select(ConsentRow.signature_enc).where(ConsentRow.signature_enc.is_not(None))
        )
        rows = list(sealed)
    assert len(rows) == 1 and b"\x89PNG" not in rows[0] and b"IHDR" not in rows[0]


def _ink(image: QImage) -> int:
    """Dark pixels, sampled every third pixel each way."""
    return sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).value() < 128
    )


def test_a_paper_consent_form_is_printed_and_confirmed(qtbot, desk) -> None:  # noqa: ANN001
    shell, vm = desk, desk.visit
    to_consent(shell, qtbot)
    tap(qtbot, shell, "choice_consent_method_paper")
    tap(qtbot, shell, "printConsentFormButton")
    wait_until(lambda: vm.sideNote == "Đã in phiếu.", timeout=30)
    tap(qtbot, shell, "consent_transmit_yes")
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.messageField == "paper")
    tap(qtbot, shell, "paperSignedButton")
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.page == "receipt", timeout=30)
    records = shell.services.store.consents(vm.visit.dossier.client_id)
    assert [(r.purpose, r.granted, r.method) for r in records] == [("transmit", True, "paper")]


def test_a_manual_identity_goes_by_post_with_its_consignment_number(qtbot, desk) -> None:  # noqa: ANN001
    shell, vm = desk, desk.visit
    vm.chooseManual()
    assert "Nhập tay" in wait_for(qtbot, shell, "manualAgentNote").property("text")
    vm.submitManual(
        {"id_number": "001050000123", "full_name": "Lê Văn Tám", "date_of_birth": "01/02/1950", "sex": "Nam"}
    )
    to_checklist(shell)
    tap(qtbot, shell, "choice_postal_yes")
    wait_until(lambda: vm.postal)
    to_consent_from_checklist(shell, qtbot)
    tap(qtbot, shell, "consent_transmit_yes")
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.page == "seal", timeout=30)
    assert not vm.canGoBack, "the dossier is sent: no way back into it"
    # A digit typed wrong is caught by the check digit; a barcode scanner types and presses Enter.
    type_into(qtbot, shell, "field_consignment", "EE123456784VN")
    tap(qtbot, shell, "sealDoneButton")
    wait_until(lambda: vm.messageField == "consignment")
    assert "số kiểm tra" in vm.message and vm.page == "seal"
    type_into(qtbot, shell, "field_consignment", "ee123456785vn")
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QGuiApplication.sendEvent(
            shell.window, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        )
    wait_until(lambda: vm.page == "receipt", timeout=30)
    wait_until(lambda: vm.printState in ("printed", "refused", "uncertain"), timeout=30)

    store = shell.services.store
    client_id = vm.visit.dossier.client_id
    summary = store.dossier_summary(client_id)
    assert summary.consignment == "EE123456785VN" and summary.identity_source == "manual"
    dossier = store.load_dossier(client_id)
    assert dossier.channel.value == "postal"
    assert [item.document_code for item in dossier.checklist] == [TK, GCS]
    (record,) = admin_dossiers(shell.services)
    assert record["channel"] == "postal"
    assert any(e.action == "dossier.consignment" for e in store.audit_trail())


def test_the_chip_cards_identity_is_kept_with_the_dossier(qtbot, desk) -> None:  # noqa: ANN001
    shell, vm = desk, desk.visit
    tap(qtbot, shell, "cardIdentityButton")
    wait_until(lambda: vm.page == "card")
    type_can(qtbot, shell, "000000")
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.cardState == "review", timeout=30)
    tap(qtbot, shell, "acceptCardButton")
    wait_until(lambda: vm.page == "procedure")
    to_checklist(shell)
    to_consent_from_checklist(shell, qtbot)
    assert {r["label"]: r["value"] for r in vm.checkRows}["Thông tin lấy từ"] == "Đọc từ chip thẻ căn cước"
    vm.setConsent("transmit", True)
    vm.submit()
    wait_until(lambda: vm.page == "receipt", timeout=30)
    assert shell.services.store.dossier_summary(vm.visit.dossier.client_id).identity_source == "chip"
