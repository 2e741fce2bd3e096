"""The visit walked headless, without Qt: the same steps a citizen and an agent take."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest

from egov.catalog import load_catalog
from egov.flow import Facts, Flow, Mode, Step
from egov.identity import Source
from egov.outbox import Delivery, Outcome
from egov.visit import Consent, Visit, VisitError

TODAY = date(2026, 11, 23)


@dataclass
class FakePage:
    data: bytes


def fake_pack(pages: list) -> bytes:
    return b"%PDF-1.4 " + b"|".join(p.data for p in pages)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def new_visit(catalog, mode: Mode = Mode.KIOSK) -> Visit:
    return Visit(
        mode=mode,
        catalog=catalog,
        office_code="H01.99",
        agent="canbo" if mode is Mode.AGENT else "",
        today=lambda: TODAY,
    )


def fill_required(visit: Visit) -> None:
    from egov.training import example_answers

    assert visit.procedure is not None
    for key, value in example_answers(visit.procedure.form, visit.form_values, TODAY).items():
        visit.set_field(key, value)


def hand_over_required(visit: Visit) -> None:
    """The agent ticks every required paper the citizen hands over."""
    for doc in visit.documents():
        if doc.required:
            visit.tick_document(doc.code, True)


def walk_to_consent(visit: Visit, code: str = "1.001193", delegate: dict[str, str] | None = None) -> None:
    assert visit.start() is Step.IDENTIFY
    assert visit.use_demo_identity() is Step.PROCEDURE
    visit.choose_procedure(code)
    if visit.flow.mode is Mode.AGENT:
        assert visit.flow.current is Step.DELEGATE
        visit.set_delegation(delegate)
    assert visit.flow.current is Step.FORM
    fill_required(visit)
    if visit.flow.mode is Mode.AGENT:
        assert visit.submit_form() is Step.CHECKLIST
        hand_over_required(visit)
        assert visit.checklist_done() is Step.DOCUMENTS
    else:
        assert visit.submit_form() is Step.DOCUMENTS
    for doc in visit.documents():
        visit.add_page(doc.code, FakePage(b"JPEG-" + doc.code.encode()))
    assert visit.documents_done() is Step.CHECK
    assert visit.confirm_check() is Step.CONSENT


def test_kiosk_visit_walks_every_step_in_order(catalog) -> None:
    visit = new_visit(catalog)
    walk_to_consent(visit)
    visit.set_consent(Consent.TRANSMIT, True)
    assert visit.confirm_consent() is Step.SUBMIT
    dossier = visit.build_dossier(fake_pack)
    assert dossier.procedure_code == "1.001193"
    assert dossier.applicant.full_name == "Nguyễn Thị Mẫu"
    assert len(dossier.attachments) == len([d for d in visit.procedure.documents])
    # Birth registration on time is free: no fee page.
    outcome = Outcome(dossier.client_id, Delivery.ACCEPTED, "H01.99-261123-0001", None, "ok")
    assert visit.submitted(outcome) is Step.RECEIPT
    assert visit.receipt_done() is Step.RATING
    assert visit.advance() is None


def test_the_form_is_prefilled_from_the_identity(catalog) -> None:
    visit = new_visit(catalog)
    visit.start()
    visit.use_demo_identity()
    visit.choose_procedure("1.001193")
    prefilled = visit.prefilled_keys()
    assert prefilled, "the birth form takes the requester's details from the card"
    values = set(visit.form_values.values())
    assert "Nguyễn Thị Mẫu" in values and "001158000000" in values


def test_a_procedure_with_a_fee_shows_the_fee_page(catalog) -> None:
    visit = new_visit(catalog)
    walk_to_consent(visit, "1.004194")
    visit.set_consent(Consent.TRANSMIT, True)
    visit.confirm_consent()
    outcome = Outcome(uuid.uuid4(), Delivery.QUEUED, None, None, "queued")
    assert visit.submitted(outcome) is Step.FEE


def test_back_returns_through_the_path_taken_and_edit_jumps_back(catalog) -> None:
    visit = new_visit(catalog)
    walk_to_consent(visit)
    assert visit.flow.back() is Step.CHECK
    assert visit.edit(Step.FORM) is Step.FORM
    assert visit.flow.back() is Step.PROCEDURE
    assert visit.flow.back() is Step.IDENTIFY
    assert visit.flow.back() is Step.WELCOME
    assert not visit.flow.can_go_back()


def test_no_way_back_into_a_submitted_dossier(catalog) -> None:
    visit = new_visit(catalog)
    walk_to_consent(visit)
    visit.set_consent(Consent.TRANSMIT, True)
    visit.confirm_consent()
    assert not visit.flow.can_go_back()
    assert visit.flow.back() is Step.SUBMIT
    with pytest.raises(ValueError):
        visit.edit(Step.FORM)
    first = visit.build_dossier(fake_pack)
    assert visit.build_dossier(fake_pack) is first, "a retry must reuse the same idempotency key"


def test_consent_to_transmit_is_required(catalog) -> None:
    visit = new_visit(catalog)
    walk_to_consent(visit)
    with pytest.raises(VisitError) as err:
        visit.confirm_consent()
    assert "đồng ý" in err.value.message
    visit.set_consent(Consent.TRANSMIT, False)
    with pytest.raises(VisitError):
        visit.confirm_consent()
    assert visit.flow.current is Step.CONSENT


def test_missing_pages_are_named(catalog) -> None:
    visit = new_visit(catalog)
    visit.start()
    visit.use_demo_identity()
    visit.choose_procedure("1.001193")
    fill_required(visit)
    visit.submit_form()
    with pytest.raises(VisitError) as err:
        visit.documents_done()
    first_required = next(d for d in visit.procedure.documents if d.required)
    assert first_required.name in err.value.message
    assert visit.flow.current is Step.DOCUMENTS


def test_manual_identity_reports_the_wrong_field_in_vietnamese(catalog) -> None:
    visit = new_visit(catalog)
    visit.start()
    assert visit.choose_manual_identity() is Step.IDENTITY_MANUAL
    with pytest.raises(VisitError) as err:
        visit.set_manual_identity(
            {"id_number": "12345", "full_name": "Lê Văn Tám", "date_of_birth": "01/02/1950", "sex": "Nam"}
        )
    assert err.value.field == "id_number" and "12 chữ số" in err.value.message
    with pytest.raises(VisitError) as err:
        visit.set_manual_identity(
            {
                "id_number": "001050000123",
                "full_name": "Lê Văn Tám",
                "date_of_birth": "31/02/1950",
                "sex": "Nam",
            }
        )
    assert err.value.field == "date_of_birth"
    step = visit.set_manual_identity(
        {
            "id_number": "001 050 000 123",
            "full_name": "  Lê   Văn Tám ",
            "date_of_birth": "01.02.1950",
            "sex": "nam",
        }
    )
    assert step is Step.PROCEDURE
    assert visit.identity.source is Source.MANUAL
    assert visit.identity.full_name == "Lê Văn Tám" and visit.identity.id_number == "001050000123"


def test_agent_records_the_authorised_person(catalog) -> None:
    visit = new_visit(catalog, Mode.AGENT)
    visit.start()
    visit.use_demo_identity()
    assert visit.choose_procedure("1.001193") is Step.DELEGATE
    with pytest.raises(VisitError):
        visit.set_delegation({"full_name": "Phạm Văn Con", "id_number": "123"})
    assert (
        visit.set_delegation(
            {"full_name": "Phạm Văn Con", "id_number": "001090000321", "relationship": "child"}
        )
        is Step.FORM
    )
    fill_required(visit)
    visit.submit_form()
    hand_over_required(visit)
    visit.checklist_done()
    for doc in visit.documents():
        visit.add_page(doc.code, FakePage(b"x"))
    visit.documents_done()
    rows = visit.check_rows()
    assert any(r.value == "Phạm Văn Con" and r.edit is Step.DELEGATE for r in rows)
    assert any(r.label == "Quan hệ với chủ hồ sơ" and r.value == "Con" for r in rows)
    visit.confirm_check()
    visit.set_consent(Consent.TRANSMIT, True)
    visit.confirm_consent()
    dossier = visit.build_dossier(fake_pack)
    assert dossier.agent == "canbo"
    assert dossier.authorised is not None and dossier.authorised.id_number == "001090000321"
    assert dossier.authorised.relationship == "Con"


def test_marriage_registration_cannot_be_delegated(catalog) -> None:
    visit = new_visit(catalog, Mode.AGENT)
    visit.start()
    visit.use_demo_identity()
    visit.choose_procedure("1.000894")
    with pytest.raises(VisitError) as err:
        visit.set_delegation({"full_name": "Phạm Văn Con", "id_number": "001090000321"})
    assert "không được ủy quyền" in err.value.message
    assert visit.flow.current is Step.DELEGATE
    assert visit.set_delegation(None) is Step.FORM


def test_stage_indicator_counts_stages_not_pages() -> None:
    flow = Flow(Mode.KIOSK)
    assert flow.stage()[0] == 0
    flow.next(Facts())
    assert flow.stage()[:2] == (1, 6)
    flow.next(Facts(manual_identity=True))
    assert flow.current is Step.IDENTITY_MANUAL and flow.stage()[0] == 1
    flow.next(Facts())
    assert flow.stage()[0] == 2


def test_wipe_forgets_everything_personal(catalog) -> None:
    visit = new_visit(catalog)
    walk_to_consent(visit)
    identity = visit.identity
    visit.wipe()
    assert visit.identity is None and visit.form_values == {} and visit.pages == {}
    assert identity.full_name == "" and identity.id_number == ""
    assert visit.flow.current is Step.WELCOME


def test_a_fee_set_by_the_province_shows_the_fee_page(catalog) -> None:
    visit = new_visit(catalog)
    walk_to_consent(visit, "1.004873")
    assert any(r.value == catalog.get("1.004873").fee_text("direct") for r in visit.check_rows())
    visit.set_consent(Consent.TRANSMIT, True)
    visit.confirm_consent()
    outcome = Outcome(uuid.uuid4(), Delivery.QUEUED, None, None, "queued")
    assert visit.submitted(outcome) is Step.FEE


def test_pages_are_removed_replaced_and_reordered_in_the_dossier(catalog) -> None:
    visit = new_visit(catalog)
    walk_to_consent(visit)
    code = visit.procedure.documents[0].code
    for name in (b"B", b"C", b"D"):
        visit.add_page(code, FakePage(name))
    visit.move_page(code, 3, 0)  # D to the front
    visit.move_page(code, 0, 9)  # out of range: nothing moves
    visit.replace_page(code, 2, FakePage(b"B2"))
    visit.remove_page(code, 1)
    assert [p.data for p in visit.pages[code]] == [b"D", b"B2", b"C"]
    visit.set_consent(Consent.TRANSMIT, True)
    visit.confirm_consent()
    attachment = visit.build_dossier(fake_pack).attachments[0]
    assert attachment.pages == 3 and attachment.data == b"%PDF-1.4 D|B2|C"
