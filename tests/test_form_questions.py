"""The kiosk's form, one question a page, walked headless: what is asked, in what order, what the
card spares the citizen, and how "Quay lại" and the check page's "Sửa" move through it."""

from __future__ import annotations

import pytest

from egov.flow import Mode, Step
from egov.visit import VisitError
from tests.test_flow import TODAY, FakePage, new_visit

BIRTH = "1.001193"


@pytest.fixture(scope="module")
def catalog():
    from egov.catalog import load_catalog

    return load_catalog()


def at_form(catalog, mode: Mode = Mode.KIOSK):
    visit = new_visit(catalog, mode)
    visit.start()
    visit.use_demo_identity()
    visit.choose_procedure(BIRTH)
    assert visit.flow.current is Step.FORM
    return visit


def answer(visit) -> None:
    """Type the example answer of the question on the page, if it has one (else leave it empty)."""
    from egov.training import example_answers

    field = visit.question_field()
    value = example_answers(visit.procedure.form, {}, TODAY).get(field.key, "")
    visit.set_field(field.key, value)


def test_the_card_s_answers_are_not_asked_again(catalog) -> None:
    visit = at_form(catalog)
    asked = [f.key for f in visit.questions()]
    prefilled = visit.prefilled_keys()
    assert prefilled and not prefilled & set(asked)
    every = [f.key for f in visit.procedure.form.fields]
    assert asked == [k for k in every if k not in prefilled], "the rest in the form's order"


def test_each_answer_is_checked_on_its_own_page(catalog) -> None:
    visit = at_form(catalog)
    first = visit.question_field()
    assert first.required
    with pytest.raises(VisitError) as refused:
        visit.next_question()
    assert refused.value.field == first.key
    assert visit.question == 0 and visit.flow.current is Step.FORM
    answer(visit)
    assert visit.next_question() is None
    assert visit.question == 1 and first.key not in visit.form_errors


def test_the_last_answer_sends_the_form_on(catalog) -> None:
    visit = at_form(catalog)
    count = len(visit.questions())
    for _ in range(count - 1):
        answer(visit)
        assert visit.next_question() is None
    answer(visit)
    assert visit.next_question() is Step.DOCUMENTS
    assert not visit.form_errors


def test_back_goes_one_question_back_then_out_and_returns_to_the_last(catalog) -> None:
    visit = at_form(catalog)
    answer(visit)
    visit.next_question()
    assert visit.previous_question() and visit.question == 0
    assert not visit.previous_question(), "on the first question 'Quay lại' leaves the form"
    for _ in range(len(visit.questions())):
        answer(visit)
        step = visit.next_question()
    assert step is Step.DOCUMENTS
    assert visit.back() is Step.FORM
    assert visit.question == len(visit.questions()) - 1


def test_sua_on_the_check_page_opens_that_question_and_returns_to_the_check(catalog) -> None:
    visit = at_form(catalog)
    for _ in range(len(visit.questions())):
        answer(visit)
        visit.next_question()
    for doc in visit.documents():
        visit.add_page(doc.code, FakePage(b"JPEG"))
    assert visit.documents_done() is Step.CHECK
    row = next(r for r in visit.check_rows() if r.field == "requester_name")
    # A value the card gave: not among the questions until the citizen asks to change it.
    assert row.field not in [f.key for f in visit.questions()]
    assert visit.edit_field(row.field) is Step.FORM
    assert visit.question_field().key == "requester_name"
    assert not visit.previous_question(), "back from an edit leaves the form, not into other questions"
    visit.set_field("requester_name", "Nguyễn Thị Hường")
    assert visit.next_question() is Step.CHECK, "straight back, the papers are already photographed"
    assert visit.form_values["requester_name"] == "Nguyễn Thị Hường"


def test_a_wrong_answer_found_at_the_end_opens_its_question(catalog) -> None:
    visit = at_form(catalog)
    for _ in range(len(visit.questions())):
        answer(visit)
        visit.next_question()
    visit.back()
    # The citizen went back and emptied an earlier required answer behind the check's back.
    first = visit.questions()[0]
    visit.set_field(first.key, "")
    with pytest.raises(VisitError) as refused:
        visit.next_question()
    assert refused.value.field == first.key
    assert visit.question_field().key == first.key


def test_the_agent_point_keeps_the_whole_form(catalog) -> None:
    visit = new_visit(catalog, Mode.AGENT)
    assert not visit.one_question
    visit = at_form(catalog)
    assert visit.one_question
