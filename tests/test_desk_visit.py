"""The case at the agent point's desk, walked headless: the paper check of Decision 45/2016, the
authorised person and their written authorisation, the paper going by post, how consent was given
and how the identity was taken."""

from __future__ import annotations

from datetime import date

import pytest
from test_flow import FakePage, fake_pack, fill_required, hand_over_required, new_visit, walk_to_consent

from egov.catalog import load_catalog
from egov.delegation import AUTHORISATION_NAME
from egov.dossier import Channel, ChecklistItem, IdentitySource
from egov.flow import Mode, Step
from egov.identity import Identity, Sex, Source
from egov.outbox import Delivery, Outcome
from egov.visit import Consent, ConsentMethod, VisitError, s10_check_digit

BIRTH = "1.001193"  # offered by post; its catalogue lists the authorisation (-UQ) as optional
PERMANENT_RESIDENCE = "1.004222"  # no authorisation in its catalogue entry, not offered by post
MARRIAGE = "1.000894"  # cannot be delegated
CHILD = {"full_name": "Phạm Văn Con", "id_number": "001090000321", "relationship": "child"}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def at_checklist(catalog, code: str = BIRTH, delegate: dict[str, str] | None = None):
    visit = new_visit(catalog, Mode.AGENT)
    visit.start()
    visit.use_demo_identity()
    visit.choose_procedure(code)
    visit.set_delegation(delegate)
    fill_required(visit)
    assert visit.submit_form() is Step.CHECKLIST
    return visit


def test_the_papers_are_checked_before_they_are_scanned(catalog) -> None:
    visit = at_checklist(catalog)
    form, certificate = (d for d in visit.documents() if d.required)
    marriage = next(d for d in visit.documents() if d.code == "1.001193-KH")
    with pytest.raises(VisitError) as err:
        visit.checklist_done()
    assert err.value.field == form.code and form.name in err.value.message
    # Ticked: the catalogue's counts to start from (the parents' marriage certificate is a copy).
    visit.tick_document(form.code, True)
    visit.tick_document(marriage.code, True)
    assert visit.paper[form.code] == ChecklistItem(form.code, 1, 0)
    assert visit.paper[marriage.code] == ChecklistItem(marriage.code, 0, 1)
    # The big +/− buttons: a count never goes below nought or past twenty, and a paper with no
    # original and no copy left is no longer handed over.
    visit.count_document(marriage.code, "copies", +1)
    visit.count_document(marriage.code, "originals", +1)
    assert visit.paper[marriage.code] == ChecklistItem(marriage.code, 1, 2)
    for _ in range(30):
        visit.count_document(marriage.code, "copies", +1)
    assert visit.paper[marriage.code].copies == 20
    for _ in range(25):
        visit.count_document(marriage.code, "copies", -1)
        visit.count_document(marriage.code, "originals", -1)
    assert marriage.code not in visit.paper
    # A "+" on a paper not ticked yet ticks it.
    visit.count_document(certificate.code, "originals", +1)
    assert visit.checklist_done() is Step.DOCUMENTS
    assert visit.checklist() == (ChecklistItem(form.code, 1, 0), ChecklistItem(certificate.code, 1, 0))


def test_a_required_paper_confirmed_missing_stops_the_case(catalog) -> None:
    visit = at_checklist(catalog)
    form, certificate = (d for d in visit.documents() if d.required)
    visit.tick_document(form.code, True)
    visit.mark_missing(certificate.code, True)
    with pytest.raises(VisitError) as err:
        visit.checklist_done()
    assert err.value.field == "missing"
    assert certificate.name in err.value.message and "chưa nộp được" in err.value.message
    assert visit.flow.current is Step.CHECKLIST
    # An optional paper is simply not ticked: it cannot be "missing".
    visit.mark_missing("1.001193-KH", True)
    assert visit.missing == {certificate.code}
    # The citizen found it after all: ticking it clears "missing".
    visit.tick_document(certificate.code, True)
    assert not visit.missing
    assert visit.checklist_done() is Step.DOCUMENTS


def test_the_check_is_kept_with_the_dossier_and_on_the_check_page(catalog) -> None:
    visit = new_visit(catalog, Mode.AGENT)
    walk_to_consent(visit)
    rows = visit.check_rows()
    papers = [r for r in rows if r.section == "Hồ sơ giấy đã nhận"]
    assert [(r.label, r.value) for r in papers[:2]] == [
        ("Tờ khai đăng ký khai sinh", "bản chính: 1, bản sao: 0"),
        ("Giấy chứng sinh", "bản chính: 1, bản sao: 0"),
    ]
    assert all(r.edit is Step.CHECKLIST for r in papers)
    visit.set_consent(Consent.TRANSMIT, True)
    visit.confirm_consent()
    dossier = visit.build_dossier(fake_pack)
    assert [item.document_code for item in dossier.checklist] == ["1.001193-TK", "1.001193-GCS"]
    # The kiosk has no desk check.
    kiosk = new_visit(catalog)
    walk_to_consent(kiosk)
    assert not any(r.section == "Hồ sơ giấy đã nhận" for r in kiosk.check_rows())


def test_a_delegated_dossier_needs_the_written_authorisation_scanned(catalog) -> None:
    # No authorisation in the catalogue entry: the delegated dossier gets one, required.
    visit = at_checklist(catalog, PERMANENT_RESIDENCE, CHILD)
    authorisation = visit.documents()[-1]
    assert (authorisation.code, authorisation.name) == (f"{PERMANENT_RESIDENCE}-UQ", AUTHORISATION_NAME)
    assert authorisation.required
    for doc in visit.documents():
        if doc.required and doc.code != authorisation.code:
            visit.tick_document(doc.code, True)
    with pytest.raises(VisitError) as err:
        visit.checklist_done()
    assert err.value.field == authorisation.code
    visit.tick_document(authorisation.code, True)
    assert visit.checklist_done() is Step.DOCUMENTS
    for doc in visit.documents()[:-1]:
        visit.add_page(doc.code, FakePage(b"page"))
    with pytest.raises(VisitError) as err:
        visit.documents_done()
    assert AUTHORISATION_NAME in err.value.message
    visit.add_page(authorisation.code, FakePage(b"authorisation"))
    assert visit.documents_done() is Step.CHECK
    visit.confirm_check()
    visit.set_consent(Consent.TRANSMIT, True)
    visit.confirm_consent()
    attachment = visit.build_dossier(fake_pack).attachments[-1]
    assert (attachment.document_code, attachment.document_name) == (authorisation.code, AUTHORISATION_NAME)
    # Birth registration lists the authorisation as "if any": delegated, it becomes required.
    birth = at_checklist(catalog, BIRTH, CHILD)
    assert [d.code for d in birth.documents() if d.required][-1] == "1.001193-UQ"
    assert not next(d for d in at_checklist(catalog).documents() if d.code == "1.001193-UQ").required


def test_only_a_close_relative_may_bring_an_uncertified_authorisation(catalog) -> None:
    visit = new_visit(catalog, Mode.AGENT)
    visit.start()
    visit.use_demo_identity()
    visit.choose_procedure(BIRTH)
    person = {"full_name": "Đỗ Văn Hàng Xóm", "id_number": "001090000999"}
    with pytest.raises(VisitError) as err:
        visit.set_delegation(person)
    assert err.value.field == "relationship"
    with pytest.raises(VisitError) as err:
        visit.set_delegation({**person, "relationship": "other"})
    assert err.value.field == "certified" and "chứng thực" in err.value.message
    assert visit.flow.current is Step.DELEGATE
    assert visit.set_delegation({**person, "relationship": "other", "certified": "true"}) is Step.FORM
    rows = {r.label: r.value for r in visit_rows(visit)}
    assert rows["Quan hệ với chủ hồ sơ"] == "Người khác" and rows["Chứng thực ủy quyền"] == "Đã chứng thực"
    for relationship, label in [
        ("spouse", "Vợ hoặc chồng"),
        ("parent", "Cha hoặc mẹ"),
        ("child", "Con"),
        ("sibling", "Anh, chị, em ruột"),
        ("grandparent", "Ông hoặc bà"),
    ]:
        visit.flow.back()
        assert visit.set_delegation({**person, "relationship": relationship}) is Step.FORM
        rows = {r.label: r.value for r in visit_rows(visit)}
        assert rows["Quan hệ với chủ hồ sơ"] == label
        assert rows["Chứng thực ủy quyền"] == "Không cần chứng thực (người thân)"
    assert not visit.authorisation_certified


def visit_rows(visit):
    fill_required(visit)
    return visit.check_rows()


def test_marriage_registration_is_blocked_from_delegation_whatever_the_relationship(catalog) -> None:
    visit = new_visit(catalog, Mode.AGENT)
    visit.start()
    visit.use_demo_identity()
    visit.choose_procedure(MARRIAGE)
    assert not visit.procedure.may_delegate
    with pytest.raises(VisitError) as err:
        visit.set_delegation({**CHILD, "relationship": "spouse"})
    assert err.value.field == "delegate" and "phải tự đến nộp" in err.value.message
    assert visit.authorised is None and visit.flow.current is Step.DELEGATE


def test_the_paper_goes_by_post_sealed_with_a_consignment_number(catalog) -> None:
    visit = at_checklist(catalog)
    assert visit.postal_offered()
    visit.set_postal(True)
    hand_over_required(visit)
    visit.checklist_done()
    for doc in visit.documents():
        visit.add_page(doc.code, FakePage(b"p"))
    visit.documents_done()
    assert any(r.value == "Gửi hồ sơ giấy qua bưu điện" for r in visit.check_rows())
    visit.confirm_check()
    visit.set_consent(Consent.TRANSMIT, True)
    visit.confirm_consent()
    dossier = visit.build_dossier(fake_pack)
    assert dossier.channel is Channel.POSTAL
    assert dossier.fee == catalog.get(BIRTH).fee(Channel.POSTAL)
    outcome = Outcome(dossier.client_id, Delivery.ACCEPTED, "H01.99-261123-0001", None, "ok")
    # Sealed after submission, before the fee and the slip; no way back into the dossier.
    assert visit.submitted(outcome) is Step.SEAL
    assert not visit.flow.can_go_back()
    for typed in ("", "E 1", "EE12345678/VN"):
        with pytest.raises(VisitError) as err:
            visit.check_consignment(typed)
        assert err.value.field == "consignment" and "4 đến 32" in err.value.message
    # A wrong check digit is said as such: a digit typed wrong, not a wrong kind of number.
    with pytest.raises(VisitError) as err:
        visit.check_consignment("EE123456784VN")
    assert "số kiểm tra" in err.value.message
    assert visit.check_consignment(" ee 123456785 vn ") == "EE123456785VN"
    assert visit.check_consignment("BD-2026-00417") == "BD-2026-00417"  # not S10: taken as it is
    assert visit.sealed("EE123456785VN") is Step.RECEIPT
    assert visit.consignment == "EE123456785VN"


def test_post_is_offered_only_where_the_procedure_takes_it(catalog) -> None:
    visit = at_checklist(catalog, PERMANENT_RESIDENCE)
    assert not visit.postal_offered()
    with pytest.raises(VisitError) as err:
        visit.set_postal(True)
    assert err.value.field == "postal" and visit.channel is Channel.DIRECT
    kiosk = new_visit(catalog)
    kiosk.start()
    kiosk.use_demo_identity()
    kiosk.choose_procedure(BIRTH)
    assert not kiosk.postal_offered()


def test_s10_check_digit() -> None:
    # The UPU S10 standard's own example, and the one the seal page shows.
    assert s10_check_digit("47312482") == 9
    assert s10_check_digit("12345678") == 5


def test_consent_by_signature_or_paper_needs_the_signature_or_the_form(catalog) -> None:
    visit = new_visit(catalog, Mode.AGENT)
    walk_to_consent(visit)
    visit.set_consent(Consent.TRANSMIT, True)
    visit.set_consent_method(ConsentMethod.SIGNATURE)
    with pytest.raises(VisitError) as err:
        visit.confirm_consent()
    assert err.value.field == "signature"
    visit.add_signature_stroke([(0.5, 0.5)])  # a tap is not a signature
    with pytest.raises(VisitError):
        visit.confirm_consent()
    visit.add_signature_stroke([(0.1, 0.6), (0.3, 0.4), (0.5, 0.7), (2.0, -1.0)])
    assert visit.signature[-1][-1] == (1.0, 0.0), "points are kept within the pad"
    visit.clear_signature()
    with pytest.raises(VisitError):
        visit.confirm_consent()
    visit.add_signature_stroke([(0.1, 0.6), (0.3, 0.4), (0.5, 0.7)])
    visit.set_consent_method(ConsentMethod.PAPER)
    with pytest.raises(VisitError) as err:
        visit.confirm_consent()
    assert err.value.field == "paper"
    visit.set_paper_consent_signed(True)
    assert visit.confirm_consent() is Step.SUBMIT
    visit.wipe()
    assert visit.signature == [] and visit.consent_method is ConsentMethod.SCREEN


def test_the_kiosk_takes_consent_on_the_screen_only(catalog) -> None:
    visit = new_visit(catalog)
    with pytest.raises(VisitError):
        visit.set_consent_method(ConsentMethod.SIGNATURE)
    assert visit.consent_method is ConsentMethod.SCREEN


def test_the_dossier_records_how_the_identity_was_taken(catalog) -> None:
    manual = new_visit(catalog, Mode.AGENT)
    manual.start()
    manual.choose_manual_identity()
    manual.set_manual_identity(
        {"id_number": "001050000123", "full_name": "Lê Văn Tám", "date_of_birth": "01/02/1950", "sex": "Nam"}
    )
    manual.choose_procedure(BIRTH)
    manual.set_delegation(None)
    rows = {r.label: r for r in visit_rows(manual)}
    source = rows["Thông tin lấy từ"]
    assert source.value == "Nhập tay — cán bộ đã đối chiếu thẻ" and source.edit is Step.IDENTITY_MANUAL
    assert manual.identity_source() is IdentitySource.MANUAL

    chip = new_visit(catalog, Mode.AGENT)
    chip.start()
    chip.choose_card_identity()
    chip.set_identity(Identity("001158000000", "Nguyễn Thị Mẫu", date(1958, 9, 5), Sex.FEMALE, Source.CHIP))
    assert chip.identity_source() is IdentitySource.CHIP
    chip.choose_procedure(BIRTH)
    chip.set_delegation(None)
    assert {r.label: r.value for r in visit_rows(chip)}["Thông tin lấy từ"] == "Đọc từ chip thẻ căn cước"

    demo = new_visit(catalog, Mode.AGENT)
    walk_to_consent(demo)
    demo.set_consent(Consent.TRANSMIT, True)
    demo.confirm_consent()
    assert demo.build_dossier(fake_pack).identity_source is None, "the fictional citizen is neither"


def test_the_agent_stage_names_the_paper_check() -> None:
    from egov.flow import Facts, Flow

    flow = Flow(Mode.AGENT)
    for facts in (Facts(), Facts(), Facts(), Facts(), Facts(has_documents=True)):
        flow.next(facts)
    assert flow.current is Step.CHECKLIST
    assert flow.stage() == (4, 6, "Kiểm tra và chụp giấy tờ")
