"""The fee page through the real QML, offscreen, against the training portal and the preview printer.

The visit is brought to the fee page through the view model's slots (as ui/staging.py does), then
the page is driven by taps. What is checked is what a citizen or an agent would notice: the QR on
the screen pays the state fee to the agency's account with the dossier code in its purpose (read
back from the screen's pixels), the training account says so, cash is recorded under the agent's
account in the store and on the printed receipt, a volunteer is refused cash with a sentence, and
the printed receipt's second QR is the VietQR to pay with.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from test_payment import GATEWAY_QR, serve_gateway  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from agent_point.session_model import AgentSession  # noqa: E402
from config.settings import load_settings  # noqa: E402
from egov import accounts  # noqa: E402
from egov.fees import ChargeKind, Method, PaymentState  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.receipt import QR, KeyValue  # noqa: E402
from egov.store.payments import payments_of  # noqa: E402
from egov.training import example_answers  # noqa: E402
from egov.vietqr import parse  # noqa: E402
from egov.visit import NO_CASH_VOLUNTEER  # noqa: E402
from hardware.qr import read_codes  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.fee_model import NOT_PAID_YET  # noqa: E402
from ui.services import Services, build_services  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.staging import capture_all  # noqa: E402

RESIDENCE = "1.004194"  # đăng ký tạm trú: 15 000 đ at the desk
MARRIAGE_STATUS = "1.004873"  # the province sets the fee
AGENT, VOLUNTEER, PASSWORD = "canbo.an", "tnv.binh", "mat-khau-dai-2026"
TRAINING_ACCOUNT = ("970415", "000000000000")  # [fee_account] of the embedded defaults


@pytest.fixture
def agent_services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> Iterator[Services]:  # noqa: ANN001
    """An agent point that charges 10 000 đ of its own, with an agent and a volunteer."""
    config = tmp_path / "office.toml"
    config.write_text('[office]\nmode = "agent"\nservice_charge = 10000\n', encoding="utf-8")
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
    built = build_services(load_settings(config))
    for user, role, name in (
        (AGENT, accounts.Role.AGENT, "Lê Thị An"),
        (VOLUNTEER, accounts.Role.VOLUNTEER, "Hà Văn Bình"),
    ):
        accounts.create_account(built.store, user, PASSWORD, role, display_name=name, actor="test")
    yield built
    built.close()


def open_shell(services: Services, mode: Mode) -> Shell:
    factory = AgentSession if mode is Mode.AGENT else None
    shell = Shell(services, mode, width=1920, height=1080, session_factory=factory)
    shell.window.show()
    return shell


def to_fee_page(shell: Shell, procedure: str, user: str = "") -> None:
    """Sign in (agent point), then take the demo citizen's dossier for `procedure` up to the fee page."""
    vm, agent = shell.visit, shell.agent
    if agent is not None:
        agent.signIn(user, PASSWORD)
        wait_until(lambda: agent.page == "home")
        agent.newCase()
    else:
        vm.start()
    vm.useDemo()
    vm.chooseProcedure(procedure)
    if agent is not None:
        vm.setDelegation(False, {})
    visit = vm.visit
    assert visit.procedure is not None
    for key, value in example_answers(visit.procedure.form, visit.form_values, date.today()).items():
        vm.setField(key, value)
    vm.submitForm()
    capture_all(shell)
    vm.confirmCheck()
    vm.setConsent("transmit", True)
    vm.submit()
    wait_until(lambda: vm.page == "fee" and not vm.busy, timeout=30)


def codes_on_screen(shell: Shell, name: str) -> list[str]:
    """The codes a phone held to the screen would read in item `name`: from the window's pixels."""
    item = wait_for(None, shell, name)
    wait_until(lambda: item.property("progress") == 1.0 and item.property("paintedWidth") > 0)
    frame = shell.grab().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(frame.constBits(), np.uint8).reshape(frame.height(), frame.bytesPerLine())
    corner = item.mapToScene(QPointF(0, 0))
    x, y = int(corner.x()), int(corner.y())
    crop = pixels[y : y + int(item.height()), x : x + int(item.width())].copy()
    return [code.text for code in read_codes(crop)]


def printed_codes(path: str) -> list[str]:
    """The codes on the printed slip (the preview printer's PNG), top to bottom."""
    with Image.open(path) as slip:
        codes = read_codes(np.asarray(slip.convert("L")))
    return [code.text for code in sorted(codes, key=lambda code: min(y for _, y in code.corners))]


def slip_lines(shell: Shell) -> dict[str, str]:
    return {block.key: block.value for block in shell.visit._receipt_slip if isinstance(block, KeyValue)}  # noqa: SLF001


def test_a_citizen_pays_the_state_fee_by_the_qr_on_the_kiosk_screen(qtbot, services) -> None:  # noqa: ANN001
    shell = open_shell(services, Mode.KIOSK)
    try:
        vm = shell.visit
        to_fee_page(shell, RESIDENCE)
        code = vm.dossierCode
        assert code and wait_for(qtbot, shell, "feeAmount").property("text") == "15.000 đ"

        tap(qtbot, shell, "payByQrButton")
        (payload,) = codes_on_screen(shell, "feeQr")
        transfer = parse(payload)
        assert (transfer.bin, transfer.account) == TRAINING_ACCOUNT
        assert transfer.amount == 15_000 and code in transfer.purpose
        # The same transfer in words, and the training account said plainly.
        assert wait_for(qtbot, shell, "payee_purpose").property("text") == transfer.purpose
        assert wait_for(qtbot, shell, "payee_bank").property("text") == "VietinBank"
        training = wait_for(qtbot, shell, "trainingAccount").property("text")
        assert training == "Tài khoản đào tạo — không chuyển tiền thật"

        # "Quay lại" goes back to the choice; the dossier stays submitted.
        tap(qtbot, shell, "backButton")
        wait_for(qtbot, shell, "payAtCounterButton")
        assert find(shell, "feeQr") is None and vm.page == "fee"

        tap(qtbot, shell, "payByQrButton")
        tap(qtbot, shell, "confirmTransferButton")
        wait_until(lambda: vm.page == "receipt")
        wait_until(lambda: bool(vm.receiptPath), timeout=30)

        (payment,) = payments_of(services.store, vm.visit.outcome.client_id)
        assert (payment.kind, payment.method, payment.state) == (
            ChargeKind.STATE_FEE,
            Method.VIETQR,
            PaymentState.UNCONFIRMED,
        )
        assert payment.recorded_by == "kiosk" and payment.amount == 15_000
        assert slip_lines(shell)["Lệ phí"] == "15.000 đ (chuyển khoản — chưa xác nhận)"
        tracking, vietqr = printed_codes(vm.receiptPath)
        assert code in tracking
        assert parse(vietqr) == transfer  # the slip's second QR pays the same as the screen's
    finally:
        shell.close()


def test_paying_at_the_desk_is_one_tap_and_prints_no_payment_qr(qtbot, services) -> None:  # noqa: ANN001
    shell = open_shell(services, Mode.KIOSK)
    try:
        vm = shell.visit
        to_fee_page(shell, RESIDENCE)
        tap(qtbot, shell, "payAtCounterButton")
        wait_until(lambda: vm.page == "receipt")
        wait_until(lambda: bool(vm.receiptPath), timeout=30)
        assert slip_lines(shell)["Lệ phí"] == "15.000 đ (nộp khi nhận kết quả)"
        assert len(printed_codes(vm.receiptPath)) == 1  # the tracking QR alone
        assert not any(
            isinstance(block, QR) and block.payload.startswith("000201") for block in vm._receipt_slip
        )  # noqa: SLF001
    finally:
        shell.close()


def test_a_fee_the_province_sets_is_paid_at_the_desk_without_a_qr(qtbot, services) -> None:  # noqa: ANN001
    shell = open_shell(services, Mode.KIOSK)
    try:
        vm = shell.visit
        to_fee_page(shell, MARRIAGE_STATUS)
        assert wait_for(qtbot, shell, "feeAmount").property("text") == "Theo mức thu do tỉnh quy định"
        assert find(shell, "payByQrButton") is None and find(shell, "payAtCounterButton") is None
        tap(qtbot, shell, "primaryButton")
        wait_until(lambda: vm.page == "receipt")
        (payment,) = payments_of(services.store, vm.visit.outcome.client_id)
        assert payment.method is Method.AT_COUNTER_LATER and payment.amount is None
    finally:
        shell.close()


def test_an_agent_takes_the_service_charge_in_cash_and_sees_the_transfer(qtbot, agent_services) -> None:  # noqa: ANN001
    shell = open_shell(agent_services, Mode.AGENT)
    try:
        vm = shell.visit
        to_fee_page(shell, RESIDENCE, AGENT)
        code = vm.dossierCode
        assert wait_for(qtbot, shell, "feeAmount_state_fee").property("text") == "15.000 đ"
        assert wait_for(qtbot, shell, "feeAmount_service_charge").property("text") == "10.000 đ"
        # The service charge is the point's own: never paid into the agency's account by its QR.
        assert find(shell, "transfer_service_charge") is None

        tap(qtbot, shell, "primaryButton")  # nothing recorded yet: the page says what is missing
        wait_until(lambda: vm.message == "Hãy chọn cách nộp lệ phí.")

        tap(qtbot, shell, "cash_service_charge")
        status = wait_for(qtbot, shell, "feeStatus_service_charge")
        assert status.property("text") == f"✓ Đã thu tiền mặt — {AGENT}"

        tap(qtbot, shell, "transfer_state_fee")
        (payload,) = codes_on_screen(shell, "feeQr")
        transfer = parse(payload)
        assert (transfer.bin, transfer.account, transfer.amount) == (*TRAINING_ACCOUNT, 15_000)
        assert code in transfer.purpose
        tap(qtbot, shell, "confirmTransferButton")
        status = wait_for(qtbot, shell, "feeStatus_state_fee")
        assert status.property("text") == f"✓ Chuyển khoản — cán bộ {AGENT} đã xem trên điện thoại"

        tap(qtbot, shell, "primaryButton")
        wait_until(lambda: vm.page == "receipt")
        wait_until(lambda: bool(vm.receiptPath), timeout=30)

        client_id = vm.visit.outcome.client_id
        state, service = payments_of(agent_services.store, client_id)
        assert (service.method, service.amount, service.recorded_by) == (Method.CASH, 10_000, AGENT)
        assert (state.method, state.state, state.recorded_by) == (Method.VIETQR, PaymentState.SEEN, AGENT)
        lines = slip_lines(shell)
        assert lines["Phí dịch vụ"] == f"10.000 đ (đã thu tiền mặt — {AGENT})"
        assert lines["Lệ phí"] == f"15.000 đ (chuyển khoản — {AGENT} đã xem trên điện thoại)"
        assert len(printed_codes(vm.receiptPath)) == 1  # seen paid: no QR to pay it twice
        trail = agent_services.store.audit_trail(f"dossier:{client_id}")
        assert [e.actor for e in trail if e.action == "payment.recorded"] == [AGENT, AGENT]
    finally:
        shell.close()


def test_a_volunteer_is_refused_cash_with_a_sentence(qtbot, agent_services) -> None:  # noqa: ANN001
    shell = open_shell(agent_services, Mode.AGENT)
    try:
        vm = shell.visit
        to_fee_page(shell, RESIDENCE, VOLUNTEER)
        wait_for(qtbot, shell, "feeAmount_state_fee")
        assert find(shell, "cash_state_fee") is None and find(shell, "cash_service_charge") is None
        assert wait_for(qtbot, shell, "noCashNote").property("visible")

        # Not only hidden: the view model refuses it, as a tap that got through would be.
        vm.fee.choose("state_fee", "cash")
        assert vm.message == NO_CASH_VOLUNTEER and vm.messageField == "cash"
        assert wait_for(qtbot, shell, "pageMessage").property("text") == NO_CASH_VOLUNTEER
        assert vm.visit.payments == {}

        tap(qtbot, shell, "later_state_fee")
        tap(qtbot, shell, "later_service_charge")
        assert wait_for(qtbot, shell, "feeStatus_state_fee").property("text") == "Nộp khi nhận kết quả"
        tap(qtbot, shell, "primaryButton")
        wait_until(lambda: vm.page == "receipt")
        assert all(
            p.method is Method.AT_COUNTER_LATER and p.recorded_by == VOLUNTEER
            for p in payments_of(agent_services.store, vm.visit.outcome.client_id)
        )
    finally:
        shell.close()


def test_a_province_gateway_is_asked_off_the_screen_and_only_its_word_makes_it_paid(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp,  # noqa: ANN001
) -> None:
    with serve_gateway() as gateway:
        config = tmp_path / "office.toml"
        config.write_text(f'[payment]\nkind = "gateway"\nurl = "{gateway.url}"\ntimeout_seconds = 5.0\n')
        monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
        services = build_services(load_settings(config))
        shell = open_shell(services, Mode.KIOSK)
        try:
            vm = shell.visit
            to_fee_page(shell, RESIDENCE)
            gateway.answer(201, {"transaction_id": "GD-0001", "qr": GATEWAY_QR})
            gateway.answer(200, {"status": "pending"})
            gateway.answer(200, {"status": "paid"})

            tap(qtbot, shell, "payByQrButton")
            assert codes_on_screen(shell, "feeQr") == [GATEWAY_QR]  # the gateway's QR, not ours
            asked = gateway.seen[0]["json"]
            assert asked["amount"] == 15_000 and asked["dossier"] == vm.dossierCode
            # Only our own VietQR names the account: no bank details, no training mark here.
            assert find(shell, "payee_bank") is None and find(shell, "trainingAccount") is None

            tap(qtbot, shell, "checkPaymentButton")
            wait_until(lambda: vm.message == NOT_PAID_YET)
            assert vm.page == "fee"
            tap(qtbot, shell, "checkPaymentButton")
            wait_until(lambda: vm.page == "receipt")
            wait_until(lambda: bool(vm.receiptPath), timeout=30)
            (payment,) = payments_of(services.store, vm.visit.outcome.client_id)
            assert (payment.method, payment.state, payment.transaction_id) == (
                Method.GATEWAY,
                PaymentState.PAID,
                "GD-0001",
            )
            assert slip_lines(shell)["Lệ phí"] == "15.000 đ (đã nộp qua cổng thanh toán)"
        finally:
            shell.close()
            services.close()
