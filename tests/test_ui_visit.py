"""A whole visit through the real QML pages, offscreen, on the embedded defaults.

The kiosk and the agent point are each driven tap by tap; the training portal is then asked over
HTTP what it received, and the receipt preview is looked for on disk.
"""

from __future__ import annotations

import os
from datetime import date

import requests

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from uidriver import find, tap, type_into, wait_for  # noqa: E402

from agent_point.session_model import AgentSession  # noqa: E402
from egov import accounts  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.training import example_answers  # noqa: E402
from hardware.scanner.live import LIFT_PAGE  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.services import TRAINING_ADMIN_TOKEN  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.translation import tr  # noqa: E402

BIRTH = "1.001193"


AGENT_USER, AGENT_PASSWORD = "canbo.an", "mat-khau-dai-2026"


def add_agent(services) -> None:
    """The post-office agent the agent-point tests sign in as."""
    accounts.create_account(
        services.store,
        AGENT_USER,
        AGENT_PASSWORD,
        accounts.Role.AGENT,
        display_name="Lê Thị An",
        actor="test",
    )


def make_shell(services, mode: Mode) -> Shell:
    factory = AgentSession if mode is Mode.AGENT else None
    shell = Shell(services, mode, width=1920, height=1080, session_factory=factory)
    shell.window.show()
    return shell


def admin_dossiers(services) -> list[dict]:
    reply = requests.get(
        f"{services.portal.base_url}/api/v1/admin/dossiers",
        headers={"Authorization": f"Bearer {TRAINING_ADMIN_TOKEN}"},
        timeout=10,
    )
    reply.raise_for_status()
    return reply.json()


def attachment_bytes(services, code: str, index: int) -> bytes:
    reply = requests.get(
        f"{services.portal.base_url}/api/v1/admin/dossiers/{code}/attachments/{index}",
        headers={"Authorization": f"Bearer {TRAINING_ADMIN_TOKEN}"},
        timeout=10,
    )
    reply.raise_for_status()
    return reply.content


def fill_and_send(qtbot, shell: Shell) -> dict[str, str]:
    """From the procedure page to the receipt; returns the answers typed into the form."""
    vm = shell.visit
    type_into(qtbot, shell, "field_search", "khai sinh")
    wait_until(lambda: vm.procedures and vm.procedures[0]["code"] == BIRTH)
    tap(qtbot, shell, f"procedure_{BIRTH}")
    if vm.mode == "agent":
        wait_until(lambda: vm.page == "delegate")
        tap(qtbot, shell, "choice_delegated_yes")
        type_into(qtbot, shell, "field_auth_full_name", "Phạm Văn Ủy")
        type_into(qtbot, shell, "field_auth_id_number", "001090000321")
        tap(qtbot, shell, "choice_relationship_child")
        tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "form")
    visit = vm.visit
    answers = example_answers(visit.procedure.form, visit.form_values, date.today())
    answers = {k: ("Nguyễn Ngọc Ánh" if v == "Nguyễn Văn Mẫu" else v) for k, v in answers.items()}
    if vm.mode == "agent":
        for key, value in answers.items():
            answer_field(qtbot, shell, key, value)
        tap(qtbot, shell, "primaryButton")
    else:
        # The kiosk asks one question a page, in the form's order; optional ones left empty.
        for _ in range(vm.questionCount):
            key = vm.question["key"]
            if key in answers:
                answer_field(qtbot, shell, key, answers[key])
            tap(qtbot, shell, "primaryButton")
        assert vm.page != "form", vm.message
    required = [d for d in visit.documents() if d.required]
    if vm.mode == "agent":
        # The papers in hand, checked against the list before they are scanned (Decision 45).
        wait_until(lambda: vm.page == "checklist")
        for doc in required:
            tap(qtbot, shell, f"handed_{doc.code}")
        tap(qtbot, shell, "primaryButton")
        assert [code for code, _ in visit.paper.items()] == [d.code for d in required]
        # Delegated: the written authorisation is one of the papers to scan.
        assert [d.code for d in required][-1] == f"{BIRTH}-UQ"
    else:
        assert len(required) == 2, "birth registration asks for the form and the birth certificate"
    wait_until(lambda: vm.page == "documents")
    for doc in required:
        capture(qtbot, shell, doc.code)
        tap(qtbot, shell, "documentDoneButton")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "check")
    assert any(row["value"] == "Nguyễn Ngọc Ánh" for row in vm.checkRows)
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "consent")
    tap(qtbot, shell, "submitButton")
    # Without consent nothing is sent, and the page says why.
    wait_until(lambda: vm.messageField == "transmit")
    tap(qtbot, shell, "consent_transmit_yes")
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.page == "receipt", timeout=30)
    # Printed, or refused or left uncertain by a printer in trouble: either way the job has ended.
    wait_until(lambda: vm.printState in ("printed", "refused", "uncertain"), timeout=30)
    return answers


def answer_field(qtbot, shell: Shell, key: str, value: str) -> None:
    field = shell.visit.visit.procedure.form.field(key)
    if field.type == "choice":
        tap(qtbot, shell, f"choice_{key}_{value}")
    else:
        type_into(qtbot, shell, f"field_{key}", value)


def capture(qtbot, shell: Shell, code: str) -> None:
    """One page of document `code`: the sample camera lays a paper under the live view and it is
    taken once it lies still; at the agent point the corners are accepted."""
    vm = shell.visit
    pages = vm.visit.pages
    tap(qtbot, shell, f"capture_{code}")
    lift = tr("Scanner", LIFT_PAGE)
    wait_until(lambda: vm.scan.state in ("corners", "review") or vm.scan.liveMessage == lift, timeout=20)
    if vm.scan.liveMessage == lift and vm.scan.state == "camera":
        # The sample camera swapped the paper while the live view was off, so the view waits for
        # the last one to be lifted: "Chụp" takes the page, as the agent would.
        tap(qtbot, shell, "captureNowButton")
    if vm.mode == "agent":
        wait_until(lambda: vm.scan.state == "corners", timeout=20)
        tap(qtbot, shell, "acceptCornersButton")
    wait_until(lambda: len(pages.get(code, [])) == 1, timeout=20)


def check_portal_holds_one(services, answers: dict[str, str], code: str) -> dict:
    held = admin_dossiers(services)
    assert len(held) == 1
    record = held[0]
    assert record["procedure_code"] == BIRTH
    assert record["dossier_code"] == code
    form = record["form"]
    # Prefilled from the demo card, and typed on the form.
    assert "Nguyễn Thị Mẫu" in form.values() and "001158000000" in form.values()
    for key, value in answers.items():
        assert form[key] == value
    assert record["applicant"]["id_number"] == "001158000000"
    count = 3 if record["authorised"] else 2  # the written authorisation too
    assert len(record["attachments"]) == count
    for index in range(count):
        assert attachment_bytes(services, code, index).startswith(b"%PDF")
    return record


def test_a_citizen_completes_a_visit_at_the_kiosk(qtbot, services, tmp_path) -> None:
    shell = make_shell(services, Mode.KIOSK)
    vm = shell.visit
    assert find(shell, "catalogVersion").property("text").endswith(services.catalog.date.strftime("%d/%m/%Y"))
    tap(qtbot, shell, "startButton")
    wait_until(lambda: vm.page == "identify")
    assert "Bước 1/6" in wait_for(qtbot, shell, "stepIndicator").property("text")
    tap(qtbot, shell, "demoIdentityButton")
    wait_until(lambda: vm.page == "procedure")
    answers = fill_and_send(qtbot, shell)

    code = wait_for(qtbot, shell, "dossierCode").property("text")
    today = date.today().strftime("%y%m%d")
    assert code == f"H01.99-{today}-0001"
    record = check_portal_holds_one(services, answers, code)
    assert record["agent"] == "" and record["authorised"] is None
    receipt = vm.receiptPath
    assert os.path.isfile(receipt) and receipt.endswith(".png")
    assert os.path.dirname(receipt) == str(tmp_path / "receipts")

    tap(qtbot, shell, "doneButton")
    wait_until(lambda: vm.page == "rating")
    tap(qtbot, shell, "rate_5")
    tap(qtbot, shell, "skipReasonButton")  # the reason is optional
    wait_until(lambda: vm.page == "welcome")
    assert vm.visit.identity is None and vm.visit.pages == {}
    # Written off the GUI thread as the visit ends.
    wait_until(lambda: services.store.ratings_summary(office_code="H01.99").count == 1)
    shell.close()


def test_an_agent_takes_a_delegated_dossier(qtbot, services) -> None:
    add_agent(services)
    shell = make_shell(services, Mode.AGENT)
    vm, agent = shell.visit, shell.agent
    type_into(qtbot, shell, "field_username", AGENT_USER)
    type_into(qtbot, shell, "field_password", "sai-mat-khau")
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: bool(agent.error))
    assert agent.page == "signin"
    type_into(qtbot, shell, "field_password", AGENT_PASSWORD)
    tap(qtbot, shell, "signInButton")
    wait_until(lambda: agent.page == "home")
    tap(qtbot, shell, "newCaseButton")
    wait_until(lambda: vm.page == "identify")
    tap(qtbot, shell, "demoIdentityButton")
    wait_until(lambda: vm.page == "procedure")
    answers = fill_and_send(qtbot, shell)

    code = wait_for(qtbot, shell, "dossierCode").property("text")
    record = check_portal_holds_one(services, answers, code)
    assert record["agent"] == "canbo.an"
    assert record["authorised"]["full_name"] == "Phạm Văn Ủy"
    assert record["authorised"]["id_number"] == "001090000321"
    assert record["authorised"]["relationship"] == "Con"
    assert record["attachments"][2]["name"] == "Văn bản ủy quyền"

    tap(qtbot, shell, "doneButton")
    tap(qtbot, shell, "skipRatingButton")
    wait_until(lambda: agent.page == "home")
    wait_until(lambda: len(agent.cases) == 1)
    case = agent.cases[0]
    assert case["code"] == code and case["authorised"] == "Phạm Văn Ủy" and case["agent"] == "canbo.an"
    wait_for(qtbot, shell, "caseCode_1")

    # The end-of-day slip: on paper (a second PNG after the receipt), and said on the page.
    tap(qtbot, shell, "daySlipButton")
    wait_until(lambda: agent.dayMessage == "Đã in bảng kê cuối ngày.", timeout=30)
    assert wait_for(qtbot, shell, "daySlipMessage").property("text") == agent.dayMessage
    assert len(list(services.receipts_dir.glob("receipt-*.png"))) == 2
    shell.close()
