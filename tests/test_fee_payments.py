"""How a dossier's charges are paid (egov.visit's fee rules, egov.store.payments): what a citizen,
an agent or an auditor would notice.

A kiosk never takes cash and never calls a transfer paid; a volunteer is refused cash whatever the
screen shows; an agent's cash is recorded under their account; a fee the province sets is not
collected before staff confirm the amount; the receipt's second QR is only offered for a transfer
nobody has seen made; every payment is kept per dossier and charge with a line in the audit trail,
and nothing personal goes into the payment records.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from egov.banks import load_banks
from egov.catalog import load_catalog
from egov.dossier import Channel, Dossier, Person
from egov.fees import ChargeKind, Method, Payment, PaymentState, ReceivingAccount
from egov.flow import Mode
from egov.outbox import Delivery, Outcome
from egov.store import Store, StoreError
from egov.store.models import Role
from egov.store.payments import payments_of, record_payments
from egov.visit import (
    CHOOSE_METHOD,
    CONFIRM_AMOUNT_FIRST,
    NO_CASH_KIOSK,
    NO_CASH_VOLUNTEER,
    Visit,
    VisitError,
)

CODE = "H01.99-261123-0001"
RESIDENCE = "1.004194"  # đăng ký tạm trú: 15 000 đ at the desk
BIRTH = "1.001193"  # free
MARRIAGE_STATUS = "1.004873"  # the province sets the fee, amount unknown
BUSINESS = "1.001612"  # the province sets the fee, about 100 000 đ
KEY = bytes(range(32))
APPLICANT, APPLICANT_ID = "Nguyễn Thị Mẫu", "001158000000"


def agency() -> ReceivingAccount:
    return ReceivingAccount(load_banks().bank("970415"), "112233445566", "UBND PHUONG MAU")


def submitted_visit(
    procedure: str, mode: Mode, *, role: Role | None = None, agent: str = "", service_charge: int = 0
) -> Visit:
    """A visit whose dossier the portal accepted as CODE, on the fee page's doorstep."""
    visit = Visit(
        mode=mode,
        catalog=load_catalog(),
        office_code="H01.99",
        agent=agent,
        agent_role=role,
        agency=agency(),
        service_charge=service_charge,
    )
    visit.use_demo_identity()
    visit.choose_procedure(procedure)
    visit.outcome = Outcome(uuid.uuid4(), Delivery.ACCEPTED, CODE, None, "")
    return visit


def test_the_kiosk_takes_no_cash_and_never_calls_a_transfer_paid() -> None:
    visit = submitted_visit(RESIDENCE, Mode.KIOSK, service_charge=10_000)
    assert [c.kind for c in visit.due()] == [ChargeKind.STATE_FEE]  # a kiosk charges nothing of its own
    with pytest.raises(VisitError) as refused:
        visit.record_payment(ChargeKind.STATE_FEE, Method.CASH)
    assert refused.value.message == NO_CASH_KIOSK
    assert visit.payments == {}

    payment = visit.record_payment(ChargeKind.STATE_FEE, Method.VIETQR)
    assert (payment.state, payment.amount, payment.recorded_by) == (PaymentState.UNCONFIRMED, 15_000, "kiosk")
    assert payment.reference == f"LE PHI {CODE}"
    # Not seen paid: the receipt carries the QR so the citizen can still pay from it.
    transfer = visit.transfer_to_print()
    assert transfer is not None and transfer.vietqr() is not None


def test_a_volunteer_is_refused_cash_and_can_still_finish() -> None:
    visit = submitted_visit(RESIDENCE, Mode.AGENT, role=Role.VOLUNTEER, agent="tnv.binh")
    with pytest.raises(VisitError) as refused:
        visit.record_payment(ChargeKind.STATE_FEE, Method.CASH)
    assert refused.value.message == NO_CASH_VOLUNTEER
    assert "Tình nguyện viên không được thu tiền mặt" in refused.value.message
    assert ChargeKind.STATE_FEE not in visit.payments
    visit.record_payment(ChargeKind.STATE_FEE, Method.AT_COUNTER_LATER)
    visit.check_fee()


def test_an_agent_without_a_known_role_takes_no_cash() -> None:
    visit = submitted_visit(RESIDENCE, Mode.AGENT, role=None, agent="someone")
    with pytest.raises(VisitError):
        visit.record_payment(ChargeKind.STATE_FEE, Method.CASH)


def test_an_agent_records_cash_and_a_transfer_seen_on_the_phone() -> None:
    visit = submitted_visit(RESIDENCE, Mode.AGENT, role=Role.AGENT, agent="canbo.an", service_charge=10_000)
    assert [(c.kind, c.amount) for c in visit.due()] == [
        (ChargeKind.STATE_FEE, 15_000),
        (ChargeKind.SERVICE_CHARGE, 10_000),
    ]
    with pytest.raises(VisitError) as missing:
        visit.check_fee()
    assert missing.value.message == CHOOSE_METHOD[ChargeKind.STATE_FEE]

    cash = visit.record_payment(ChargeKind.SERVICE_CHARGE, Method.CASH)
    assert (cash.state, cash.amount, cash.recorded_by) == (PaymentState.RECEIVED, 10_000, "canbo.an")
    assert cash.reference == f"PHI DV {CODE}"
    seen = visit.record_payment(ChargeKind.STATE_FEE, Method.VIETQR)
    assert seen.state is PaymentState.SEEN
    # The service charge has no account here: it is never paid by the agency's QR.
    with pytest.raises(VisitError):
        visit.record_payment(ChargeKind.SERVICE_CHARGE, Method.VIETQR)
    # Already seen paid: a QR on the receipt would invite a second payment.
    assert visit.transfer_to_print() is None
    visit.check_fee()


def test_a_free_procedure_at_an_agent_point_only_asks_for_the_service_charge() -> None:
    visit = submitted_visit(BIRTH, Mode.AGENT, role=Role.AGENT, agent="canbo.an", service_charge=10_000)
    assert visit.facts().has_fee
    assert [c.kind for c in visit.due()] == [ChargeKind.SERVICE_CHARGE]
    fees = visit.fees()
    assert fees is not None and fees.state_fee.amount == 0 and fees.state_fee.vietqr() is None


@pytest.mark.parametrize("procedure, indicative", [(MARRIAGE_STATUS, 0), (BUSINESS, 100_000)])
def test_a_fee_the_province_sets_waits_for_staff_to_confirm_it(procedure: str, indicative: int) -> None:
    visit = submitted_visit(procedure, Mode.AGENT, role=Role.AGENT, agent="canbo.an")
    (charge,) = visit.due()
    assert charge.indicative and charge.amount == indicative and charge.vietqr() is None
    for method in (Method.CASH, Method.VIETQR):
        with pytest.raises(VisitError) as refused:
            visit.record_payment(ChargeKind.STATE_FEE, method)
        assert refused.value.message == CONFIRM_AMOUNT_FIRST
    later = visit.record_payment(ChargeKind.STATE_FEE, Method.AT_COUNTER_LATER)
    assert later.amount is None and later.state is PaymentState.DUE

    for wrong in ("", "mười nghìn", "-5", "0"):
        with pytest.raises(VisitError):
            visit.confirm_fee_amount(wrong)
    visit.confirm_fee_amount("120.000")
    assert ChargeKind.STATE_FEE not in visit.payments  # recorded at an unknown amount: asked again
    cash = visit.record_payment(ChargeKind.STATE_FEE, Method.CASH)
    assert cash.amount == 120_000
    qr = visit.due()[0].vietqr()
    assert qr is not None and qr.amount == 120_000


def test_a_kiosk_visit_forgets_its_payments_when_wiped() -> None:
    visit = submitted_visit(RESIDENCE, Mode.KIOSK)
    visit.record_payment(ChargeKind.STATE_FEE, Method.AT_COUNTER_LATER)
    visit.wipe()
    assert visit.payments == {} and visit.fees() is None


# ---- the store ----------------------------------------------------------------------------------


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = str(request.getfixturevalue("fresh_postgres_url"))
    opened = Store(url, KEY)
    yield opened
    opened.close()


def stored_dossier(store: Store) -> Dossier:
    dossier = Dossier(
        procedure_code=RESIDENCE,
        procedure_name="Đăng ký tạm trú",
        applicant=Person(full_name=APPLICANT, id_number=APPLICANT_ID),
        office_code="H01.99",
        channel=Channel.DIRECT,
        agent="canbo.an",
        fee=15_000,
    )
    store.save_dossier(dossier)
    return dossier


def payment(kind: ChargeKind, method: Method, state: PaymentState, amount: int | None) -> Payment:
    words = "LE PHI" if kind is ChargeKind.STATE_FEE else "PHI DV"
    return Payment(
        kind=kind,
        amount=amount,
        method=method,
        state=state,
        reference=f"{words} {CODE}",
        recorded_by="canbo.an",
        recorded_at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
    )


def test_payments_are_kept_per_dossier_and_charge_and_audited(store: Store) -> None:
    dossier = stored_dossier(store)
    later = payment(ChargeKind.STATE_FEE, Method.AT_COUNTER_LATER, PaymentState.DUE, None)
    cash = payment(ChargeKind.SERVICE_CHARGE, Method.CASH, PaymentState.RECEIVED, 10_000)
    record_payments(store, dossier.client_id, [cash, later])
    assert payments_of(store, dossier.client_id) == [later, cash]  # the state fee first

    # The citizen came back and paid the state fee in cash: the record changes, the trail keeps both.
    paid = payment(ChargeKind.STATE_FEE, Method.CASH, PaymentState.RECEIVED, 15_000)
    record_payments(store, dossier.client_id, [paid])
    assert payments_of(store, dossier.client_id) == [paid, cash]
    trail = [e for e in store.audit_trail(f"dossier:{dossier.client_id}") if e.action == "payment.recorded"]
    assert [e.actor for e in trail] == ["canbo.an"] * 3
    assert "kind=state_fee; method=at_counter_later; state=due; amount=unknown" in trail[1].detail
    assert "kind=state_fee; method=cash; state=received; amount=15000" in trail[2].detail
    assert f"reference=LE PHI {CODE}" in trail[2].detail
    assert store.verify_audit()

    with store.engine.connect() as connection:
        cells = [str(v) for row in connection.execute(text("SELECT * FROM payments")) for v in row]
    assert not any(APPLICANT in cell or APPLICANT_ID in cell for cell in cells)


def test_a_payment_for_a_dossier_the_store_does_not_hold_is_refused(store: Store) -> None:
    cash = payment(ChargeKind.SERVICE_CHARGE, Method.CASH, PaymentState.RECEIVED, 10_000)
    with pytest.raises(StoreError):
        record_payments(store, uuid.uuid4(), [cash])


def test_a_payment_cannot_claim_what_its_method_cannot_know() -> None:
    with pytest.raises(ValueError):
        payment(ChargeKind.STATE_FEE, Method.CASH, PaymentState.UNCONFIRMED, 15_000)
    with pytest.raises(ValueError):
        payment(ChargeKind.STATE_FEE, Method.VIETQR, PaymentState.PAID, 15_000)
    with pytest.raises(ValueError):
        payment(ChargeKind.STATE_FEE, Method.CASH, PaymentState.RECEIVED, None)
