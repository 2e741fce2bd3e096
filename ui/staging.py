"""Drive a visit to a named page with the demo citizen: for `dvc-kiosk screenshot` and the tests.

Everything goes through the same view-model slots a finger would reach, and the real services
(sample camera, training portal over HTTP, store, preview printer), waiting on the event loop
without blocking it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QObject

from egov.flow import Mode
from egov.tracking import poll_once
from egov.training import example_answers
from hardware.scanner.live import LIFT_PAGE
from ui.events import wait_until
from ui.shell import Shell
from ui.staging_names import (
    AGENT_PAGES,
    CASE_SCREENS,
    KEYBOARD_SCREENS,
    KIOSK_PAGES,
    LOCKDOWN_PAGES,
    RATING_SCREENS,
)
from ui.translation import tr

BIRTH = "1.001193"
TEMPORARY_RESIDENCE = "1.004194"  # has a fee: the fee page shows
MARRIAGE = "1.000894"  # cannot be delegated


def pages_for(mode: Mode) -> list[str]:
    return AGENT_PAGES if mode is Mode.AGENT else KIOSK_PAGES


def stage(shell: Shell, page: str) -> None:
    """Bring the shell to `page` (a name from pages_for)."""
    vm = shell.visit
    agent = shell.agent
    if agent is not None:
        if page == "signin":
            return
        agent.signIn(AGENT_USER, AGENT_PASSWORD)
        wait_until(lambda: agent.page == "home")
        if page == "queue":
            _stage_queue(shell)
            return
        if page.startswith("report"):
            _stage_report(shell, page)
            return
        if page in ("search", "search_result", "accounts"):
            _stage_search_or_accounts(shell, page)
            return
        if page == "feedback":
            _stage_feedback(shell)
            return
        if page in ("home", "dossiers"):
            # One real intake first, so that today's list has a case to show.
            agent.newCase()
            _walk_visit(shell, "receipt")
            vm.finish()
            wait_until(lambda: agent.page == "home" and bool(agent.cases))
            if page == "dossiers":
                # The status poller's round, run here: the list shows the portal's status and the
                # appointment as it does in the app a round after the intake.
                poll_once(shell.services.store, shell.services.portal, interval=timedelta(0))
                dossiers = agent.dossiers
                agent.showDossiers()
                wait_until(lambda: agent.page == "dossiers" and bool(dossiers.rows) and not dossiers.busy)
            return
        agent.newCase()
        if page == "welcome":
            vm.back()
            return
    else:
        if page == "welcome":
            return
        if page.startswith("lookup"):
            _stage_lookup(shell, page)
            return
        if page.startswith("ticket"):
            _stage_ticket(shell, page)
            return
        if page.startswith("guide"):
            _stage_guide(shell, page)
            return
        if page in LOCKDOWN_PAGES:
            _stage_lockdown(shell, page)
            return
        vm.start()
    _walk_visit(shell, page)


def _stage_search_or_accounts(shell: Shell, page: str) -> None:
    """The agent's search for the demo citizen's two dossiers (one sent, one waiting), one result
    with its consents, or the supervisor's accounts page with a locked and a disabled account."""
    from datetime import UTC, datetime

    from egov import accounts
    from egov.dossier import Attachment, Dossier, IdentitySource, Person
    from egov.identity import demo_identity
    from egov.visit import CONSENT_TEXT_VERSION

    agent, services = shell.agent, shell.services
    store = services.store
    if page == "accounts":
        for username, role, name in (
            ("quanly.mau", accounts.Role.SUPERVISOR, "Nguyễn Thị Quản Lý"),
            ("tnv.mau", accounts.Role.VOLUNTEER, "Phạm Tình Nguyện"),
            ("canbo.nghi", accounts.Role.AGENT, "Đỗ Văn Nghỉ"),
        ):
            accounts.create_account(store, username, AGENT_PASSWORD, role, name, actor="screenshot")
        for _ in range(accounts.MAX_FAILURES):
            accounts.verify_login(store, "tnv.mau", "sai-mat-khau", datetime.now(UTC))
        accounts.disable_account(store, "canbo.nghi", actor="quanly.mau")
        agent.signOut()
        agent.signIn("quanly.mau", AGENT_PASSWORD)
        wait_until(lambda: agent.page == "home")
        agent.showAccounts()
        wait_until(lambda: agent.page == "accounts" and len(agent.accounts.rows) == 4)
        return
    citizen = demo_identity()
    for code, send in ((TEMPORARY_RESIDENCE, False), (BIRTH, True)):
        procedure = services.catalog.get(code)
        assert procedure is not None
        document = procedure.documents[0]
        dossier = Dossier(
            procedure_code=code,
            procedure_name=procedure.name,
            applicant=Person(full_name=citizen.full_name, id_number=citizen.id_number),
            office_code=services.settings.office.code,
            attachments=[Attachment(document.code, document.name, "1.pdf", b"%PDF-1.4", pages=1)],
            agent=AGENT_USER,
            identity_source=IdentitySource.CHIP,
        )
        if send:
            services.outbox(AGENT_USER).submit(dossier, procedure.name)
        else:
            store.save_dossier(dossier, procedure.name)
        for purpose in ("transmit", "contact"):
            store.record_consent(
                client_id=dossier.client_id,
                purpose=purpose,
                granted=True,
                text_version=CONSENT_TEXT_VERSION,
                actor=AGENT_USER,
            )
    poll_once(store, services.portal, interval=timedelta(0))
    search = agent.search
    agent.showSearch()
    search.search(citizen.id_number)
    wait_until(lambda: agent.page == "search" and len(search.rows) == 2 and not search.busy)
    if page == "search_result":
        search.open(search.rows[0]["clientId"])
        wait_until(lambda: len(search.consents) == 2)


def _stage_queue(shell: Shell) -> None:
    """The agent's queue: tickets taken at the kiosk over the morning, one called to this desk."""
    from egov.queue import local_now, take_ticket

    store, office = shell.services.store, shell.services.settings.office.code
    now = local_now()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    for minutes, letter in ((34, "A"), (27, "B"), (21, "A"), (12, "C"), (5, "A"), (1, "B")):
        # Never yesterday's: the list shows today's tickets only.
        take_ticket(store, office, letter, "kiosk:Sảnh", max(midnight, now - timedelta(minutes=minutes)))
    queue = shell.agent.queue
    shell.agent.showQueue()
    queue.callNext()
    wait_until(lambda: queue.hasCurrent and not queue.busy and queue.waitingCount == 5)


def _stage_ticket(shell: Shell, page: str) -> None:
    """The kiosk's queue ticket: the services, or a number just taken (two people before it)."""
    from egov.queue import take_ticket

    tickets = shell.tickets
    if page == "ticket_taken":
        store, office = shell.services.store, shell.services.settings.office.code
        for letter in "BC":
            take_ticket(store, office, letter, "kiosk:Sảnh")
    tickets.begin()
    if page == "ticket_taken":
        tickets.take("A")
        wait_until(lambda: tickets.page == "ticket_taken" and not tickets.printing)


def _stage_guide(shell: Shell, page: str) -> None:
    """The guides: the list from the welcome page, or birth registration's guide (five papers)."""
    shell.guides.begin()
    if page == "guide":
        shell.guides.choose(BIRTH)


def _stage_lookup(shell: Shell, page: str) -> None:
    """The look-up pages, for a dossier the demo citizen has just filed (ID number ending 0000)."""
    lookup = shell.lookup
    code = ""
    if page in ("lookup_digits", "lookup_result", "lookup_not_found"):
        shell.visit.start()
        _walk_visit(shell, "receipt")
        code = shell.visit.dossierCode or shell.visit.localReference
        shell.visit.finish()
    lookup.begin()
    if page == "lookup":
        return
    lookup.chooseTyping()
    if page == "lookup_code":
        return
    lookup.submitCode(code)
    if page == "lookup_digits":
        return
    lookup.submitDigits("0000" if page == "lookup_result" else "9999")
    wait_until(lambda: lookup.page == "lookup_result" and not lookup.busy, timeout=30)


def _walk_visit(shell: Shell, page: str) -> None:
    if page.startswith("documents"):
        _walk_steps(shell, "documents")
        _documents_screen(shell, page)
    elif page in CASE_SCREENS:
        _case_screen(shell, page)
    elif page in KEYBOARD_SCREENS:
        _walk_steps(shell, "form")
        _keyboard_screen(shell, page)
    elif page in RATING_SCREENS:
        _walk_steps(shell, "rating")
        _rating_screen(shell, page)
    else:
        _walk_steps(shell, page)


def _walk_steps(shell: Shell, page: str) -> None:
    vm = shell.visit
    agent = shell.agent
    steps: list[tuple[str, Callable[[], None]]] = []
    procedure = TEMPORARY_RESIDENCE if page.startswith("fee") else BIRTH
    if page == "identity_manual":
        vm.chooseManual()
        return
    if page == "card":
        vm.chooseCard()
        if agent is not None:
            # The agent's page is most telling after a read: the chip's photo and the checks.
            vm.readCard("000000")
            wait_until(lambda: vm.cardState != "reading", timeout=30)
        return
    steps.append(("procedure", vm.useDemo))
    steps.append(("delegate" if agent else "form", lambda: vm.chooseProcedure(procedure)))
    if agent is not None:
        steps.append(("form", lambda: vm.setDelegation(False, {})))

    def fill_form() -> None:
        _fill_form(shell)

    if agent is not None:
        steps.append(("checklist", fill_form))
        steps.append(("documents", lambda: hand_over_all(shell, postal=page == "seal")))
    else:
        steps.append(("documents", fill_form))
    steps.append(("check", lambda: capture_all(shell)))
    steps.append(("consent", vm.confirmCheck))
    for target, action in steps:
        if vm.page == page:
            return
        action()
        if vm.message:
            raise RuntimeError(f"staging stopped before {target}: {vm.messageField}")
    if page == "consent":
        return
    vm.setConsent("transmit", True)
    if page == "submit":
        vm.visit.confirm_consent()  # show the sending page without sending
        vm._busy = True  # noqa: SLF001 - a still picture of the waiting state
        vm.changed.emit()
        return
    vm.submit()
    wait_until(lambda: vm.page in ("seal", "fee", "receipt") and not vm.busy)
    if page == "seal":
        return
    if vm.page == "seal":
        vm.sealDone("EE123456785VN")
        wait_until(lambda: vm.page != "seal" and not vm.busy)
    if page == "fee_qr":
        vm.fee.choose("state_fee", "vietqr")
        return
    if vm.page == "fee" and page != "fee":
        # Every charge paid at the desk later: the kiosk moves on at the choice, the agent on "Tiếp tục".
        for line in vm.fee.lines:
            if line["due"]:
                vm.fee.choose(line["kind"], "at_counter_later")
        if vm.page == "fee" and not vm.busy:
            vm.feeDone()
        wait_until(lambda: vm.page != "fee" and not vm.busy)
    if page in ("receipt", "rating"):
        wait_until(lambda: bool(vm.receiptPath))
    if page == "rating":
        vm.receiptDone()


def _fill_form(shell: Shell) -> None:
    vm = shell.visit
    visit = vm.visit
    assert visit.procedure is not None
    for key, value in example_answers(visit.procedure.form, visit.form_values, date.today()).items():
        vm.setField(key, value)
    vm.submitForm()


def answer_until(shell: Shell, key: str) -> None:
    """The kiosk's form answered one question a page, with the example answers, up to `key`'s."""
    vm = shell.visit
    visit = vm.visit
    assert visit.procedure is not None
    answers = example_answers(visit.procedure.form, visit.form_values, date.today())
    while vm.question.get("key") != key:
        here = vm.question["key"]
        vm.setField(here, visit.form_values.get(here) or answers.get(here, ""))
        vm.nextQuestion()
        if vm.message or vm.page != "form":
            raise RuntimeError(f"staging stopped before the question {key}: {vm.messageField}")


def _keyboard_screen(shell: Shell, screen: str) -> None:
    """The question with the keyboard open under it (the page gives its field the focus)."""
    if screen == "form_name":
        shell.visit.setField("child_full_name", "Nguyễn Thị Hư")
        answer_until(shell, "child_full_name")
    else:
        answer_until(shell, "child_date_of_birth")


def _required_codes(shell: Shell) -> list[str]:
    return [doc.code for doc in shell.visit.visit.documents() if doc.required]


def hand_over_all(shell: Shell, postal: bool = False) -> None:
    """The agent's paper check: every required paper handed over, the paper by post or not."""
    vm = shell.visit
    for code in _required_codes(shell):
        vm.tickDocument(code, True)
    if postal:
        vm.setPostal(True)
    vm.checklistDone()


def capture_page(shell: Shell, code: str) -> None:
    """Take one page of document `code` through the live camera, as a citizen would: the camera
    opens, the sample camera lays a paper, it is taken by itself (the agent accepts its corners)."""
    scan = shell.visit.scan
    pages = shell.visit.visit.pages
    before = len(pages.get(code, []))
    if scan.state == "review" and scan.documentCode == code:
        scan.addPage()
    else:
        scan.openDocument(code)
    lift = tr("Scanner", LIFT_PAGE)
    wait_until(
        lambda: scan.state == "corners" or len(pages.get(code, [])) > before or scan.liveMessage == lift,
        timeout=30,
    )
    if scan.state == "camera" and len(pages.get(code, [])) == before:
        # The sample camera laid the next paper while the live view was off, so the view still
        # waits for the last one to be lifted: "Chụp" takes it, as a person would press it.
        scan.captureNow()
        wait_until(lambda: scan.state == "corners" or len(pages.get(code, [])) > before, timeout=30)
    if scan.state == "corners":
        scan.acceptCorners(scan.editCorners)
        wait_until(lambda: len(pages.get(code, [])) > before, timeout=30)


def capture_all(shell: Shell, pages_each: int = 1) -> None:
    """Every required paper scanned; at the agent point checked in at the desk first if the visit
    is still on the paper check."""
    if shell.visit.page == "checklist":
        hand_over_all(shell)
    for code in _required_codes(shell):
        for _ in range(pages_each):
            capture_page(shell, code)
        shell.visit.scan.showList()
    shell.visit.documentsDone()


def _case_screen(shell: Shell, screen: str) -> None:
    vm = shell.visit
    if screen == "delegate_blocked":
        vm.useDemo()
        vm.chooseProcedure(MARRIAGE)
        # The agent has just tapped "Người được ủy quyền": the page's own choice, before any slot.
        loader = shell.window.findChild(QObject, "pageLoader")
        wait_until(lambda: loader.property("item") is not None and vm.page == "delegate")
        loader.property("item").setProperty("delegated", True)
        return
    if screen == "delegate_person":
        _walk_steps(shell, "delegate")
        person = {"full_name": "Phạm Văn Ủy", "id_number": "001090000321", "phone": "0912345678"}
        vm.setDelegation(True, {**person, "relationship": "other", "certified": "true"})
        vm.back()  # the page as the agent finds it on coming back to change something
        return
    if screen.startswith("check_case"):
        # A manual identity, an authorised son, the paper by post: every row the desk adds.
        vm.chooseManual()
        vm.submitManual(
            {
                "id_number": "001050000123",
                "full_name": "Lê Văn Tám",
                "date_of_birth": "01/02/1950",
                "sex": "Nam",
                "place_of_residence": "Số 3 Ngõ Mẫu, Phường Trúc Bạch, Thành phố Hà Nội",
            }
        )
        vm.chooseProcedure(BIRTH)
        vm.setDelegation(
            True, {"full_name": "Lê Văn Ủy", "id_number": "001090000321", "relationship": "child"}
        )
        for action in (lambda: _fill_form(shell), lambda: hand_over_all(shell, postal=True)):
            action()
            if vm.message:
                raise RuntimeError(f"staging stopped at {vm.page}: {vm.messageField}")
        capture_all(shell)
        if screen == "check_case_end":
            page = shell.window.findChild(QObject, "pageLoader").property("item")
            wait_until(lambda: vm.page == "check" and page.findChild(QObject, "pageScroller") is not None)
            flick = page.findChild(QObject, "pageScroller")
            wait_until(lambda: flick.property("contentHeight") > flick.property("height"))
            flick.setProperty("contentY", flick.property("contentHeight") - flick.property("height"))
        return
    if screen == "checklist_missing":
        _walk_steps(shell, "checklist")
        first, second = _required_codes(shell)[:2]
        vm.tickDocument(first, True)
        vm.countDocument(first, "copies", 1)
        vm.markMissing(second, True)
        vm.checklistDone()
        return
    _walk_steps(shell, "consent")
    vm.setConsent("transmit", True)
    vm.setConsent("contact", False)
    if screen == "consent_paper":
        vm.setConsentMethod("paper")
        return
    vm.setConsentMethod("signature")
    for stroke in SAMPLE_SIGNATURE:
        vm.addSignatureStroke([list(point) for point in stroke])


# A signature to show on the pad: a looped initial and an underline, pad-relative.
SAMPLE_SIGNATURE = (
    tuple((0.12 + 0.02 * i, 0.62 - 0.3 * math.sin(i / 3)) for i in range(19)),
    tuple((0.3 + 0.025 * i, 0.5 + 0.12 * math.sin(i / 1.5)) for i in range(16)),
    ((0.1, 0.8), (0.35, 0.78), (0.7, 0.76)),
)


def _documents_screen(shell: Shell, screen: str) -> None:
    scan = shell.visit.scan
    code = _required_codes(shell)[0]
    if screen == "documents":
        # The list is most telling with one paper taken and the other not yet.
        capture_page(shell, code)
        scan.showList()
        return
    if screen == "documents_review":
        for _ in range(2):
            capture_page(shell, code)
        return
    scan.openDocument(code)
    if screen == "documents_corners":
        wait_until(lambda: scan.state == "corners", timeout=30)
        return
    # The camera as it sees the paper laid, outlined, before it is taken: freeze the view there.
    wait_until(lambda: bool(scan.outline), timeout=30)
    scan._scanner.pause()  # noqa: SLF001 - a still picture of the live view


AGENT_USER = "canbo.mau"
AGENT_PASSWORD = "mau-dao-tao-2026"


def _stage_report(shell: Shell, page: str) -> None:
    """The end-of-day report after a morning's work: this agent's four dossiers and a colleague's
    one, paid in cash, by VietQR and at the desk later, two ratings; "report_office" is the
    supervisor's view of the whole office."""
    from datetime import datetime

    from egov.dossier import Channel, Dossier, IdentitySource, Person
    from egov.fees import ChargeKind, Method, Payment, PaymentState
    from egov.store import DossierState
    from egov.store.payments import record_payments

    agent, services = shell.agent, shell.services
    store, office = services.store, services.settings.office.code
    now = datetime.now().astimezone()
    received = PaymentState.RECEIVED
    work = [
        (AGENT_USER, TEMPORARY_RESIDENCE, DossierState.ACCEPTED, Channel.DIRECT, Method.CASH, received),
        (AGENT_USER, BIRTH, DossierState.ACCEPTED, Channel.DIRECT, Method.CASH, received),
        (
            AGENT_USER,
            TEMPORARY_RESIDENCE,
            DossierState.QUEUED,
            Channel.POSTAL,
            Method.VIETQR,
            PaymentState.SEEN,
        ),
        (
            AGENT_USER,
            TEMPORARY_RESIDENCE,
            DossierState.NEEDS_ATTENTION,
            Channel.DIRECT,
            Method.AT_COUNTER_LATER,
            PaymentState.DUE,
        ),
        ("canbo.khac", BIRTH, DossierState.ACCEPTED, Channel.DIRECT, Method.CASH, received),
    ]
    for number, (who, code, state, channel, method, paid) in enumerate(work, start=1):
        procedure = services.catalog.get(code)
        assert procedure is not None
        dossier = Dossier(
            procedure_code=code,
            procedure_name=procedure.name,
            applicant=Person(full_name="Nguyễn Thị Mẫu", id_number=f"0011580000{number:02d}"),
            office_code=office,
            channel=channel,
            agent=who,
            created_at=now,
            identity_source=IdentitySource.CHIP if number % 2 else IdentitySource.MANUAL,
        )
        store.save_dossier(dossier, procedure.name)
        if state is DossierState.ACCEPTED:
            store.set_state(
                dossier.client_id, state, actor="outbox", dossier_code=f"{office}-{now:%y%m%d}-{number:04d}"
            )
        elif state is not DossierState.QUEUED:
            store.set_state(dossier.client_id, state, actor=who)
        fee = procedure.fee("direct")
        charges = [
            (ChargeKind.STATE_FEE, fee, method, paid),
            (ChargeKind.SERVICE_CHARGE, 10_000, Method.CASH, received),
        ]
        record_payments(
            store,
            dossier.client_id,
            [
                Payment(kind, amount, how, state_of, f"REF {number:04d}", who, now)
                for kind, amount, how, state_of in charges
            ],
        )
    for score in (5, 4):
        store.record_rating(office_code=office, score=score)
    if page == "report_office":
        _sign_in_supervisor(shell)
    report = agent.report
    agent.showReport()
    wait_until(lambda: agent.page == "report" and report.ready)
    if page == "report_office":
        report.show("office")
        wait_until(lambda: report.scope == "office" and report.ready)


STAGING_PIN = "246813"


def _stage_lockdown(shell: Shell, page: str) -> None:
    """The out-of-service page for a required printer found offline; the PIN pad after the
    supervisor's gesture with three digits typed; the maintenance screen after the right PIN, with
    the devices checked."""
    from config.secrets import store_kiosk_pin_hash
    from egov.kiosk_pin import hash_pin
    from hardware.doctor import Check
    from ui.lockdown import HOLD_SECONDS

    if page == "out_of_service":
        outage = shell.outage
        # A still picture: the printer required and its thread's last answer "offline".
        outage._required = ("printer",)  # noqa: SLF001
        outage._found["printer"] = Check("printer", "missing", "printer offline", "")  # noqa: SLF001
        outage._conclude()  # noqa: SLF001
        wait_until(lambda: outage.page == page)
        return
    lockdown = shell.lockdown
    lockdown.holdStarted()
    lockdown._hold_started -= HOLD_SECONDS  # noqa: SLF001 - the five seconds' hold, without waiting
    lockdown.holdEnded()
    lockdown.cornerTapped()
    if page == "lockdown_pin":
        for digit in STAGING_PIN[:3]:
            lockdown.pressDigit(digit)
        return
    store_kiosk_pin_hash(shell.services.settings, hash_pin(STAGING_PIN))
    for digit in STAGING_PIN:
        lockdown.pressDigit(digit)
    lockdown.submit()
    wait_until(lambda: lockdown.stage == "maintenance", timeout=30)
    lockdown.checkDevices()
    wait_until(lambda: len(lockdown.checks) == 3, timeout=30)


def _sign_in_supervisor(shell: Shell) -> None:
    """The office's supervisor (made here) takes over the desk from the staged agent."""
    from egov import accounts

    agent = shell.agent
    assert agent is not None
    accounts.create_account(
        shell.services.store,
        "quanly.mau",
        AGENT_PASSWORD,
        accounts.Role.SUPERVISOR,
        "Nguyễn Thị Quản Lý",
        actor="screenshot",
    )
    agent.signOut()
    agent.signIn("quanly.mau", AGENT_PASSWORD)
    wait_until(lambda: agent.page == "home")


def _rating_screen(shell: Shell, screen: str) -> None:
    """After "Hài lòng" was tapped: the reason's question, or the suggestion's empty field."""
    feedback = shell.visit.feedback
    shell.visit.rate(4)
    if screen == "rating_suggestion":
        feedback.openSuggestion()


def _stage_feedback(shell: Shell) -> None:
    """The supervisor's suggestions: three of this morning's, one already read."""
    from egov.feedback import add_suggestion, list_suggestions, mark_read

    agent, services = shell.agent, shell.services
    store, office = services.store, services.settings.office.code
    for text in (
        "Nên có thêm ghế chờ cho người già ở sảnh.",
        "Máy in phiếu hết giấy từ sáng, phải hỏi mãi mới có người thay.",
        "Cán bộ hướng dẫn rất nhiệt tình, cảm ơn phường.",
    ):
        add_suggestion(store, office, text)
    oldest = list_suggestions(store, reader="screenshot")[-1]
    mark_read(store, oldest.uid, reader="quanly.mau")
    _sign_in_supervisor(shell)
    inbox = agent.feedback
    agent.showFeedback()
    wait_until(lambda: agent.page == "feedback" and not inbox.busy and len(inbox.rows) == 2)
    inbox.show("all")  # the one read shows how a read suggestion looks
    wait_until(lambda: not inbox.busy and len(inbox.rows) == 3)
