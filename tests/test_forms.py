"""E-forms: prefill from the card, the messages a citizen sees when something is wrong, and robustness."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov.catalog import Choice, FormField, FormSchema, Procedure, load_catalog
from egov.forms import clean, display_value, parse_number, prefill, validate
from egov.identity import demo_identity

TODAY = date(2026, 11, 20)
CATALOG = load_catalog()


def _procedure(code: str) -> Procedure:
    p = CATALOG.get(code)
    assert p is not None
    return p


BIRTH = _procedure("1.001193")
RESIDENCE = _procedure("1.004222")


def _field(key: str, type: str = "text", **kw: object) -> FormField:
    params: dict[str, object] = {
        "key": key,
        "label": "Số lượng",
        "label_en": "Quantity",
        "type": type,
        "required": True,
        "prefill": None,
        "choices": (),
        "pattern": None,
        "max_length": None,
        "min": None,
        "max": None,
        "not_future": False,
        "help": "",
    }
    params.update(kw)
    return FormField(**params)  # type: ignore[arg-type]


def _complete_birth() -> dict[str, str]:
    values = prefill(BIRTH.form, demo_identity().as_fields())
    values.update(
        requester_relationship="me",
        child_full_name="Nguyễn Minh Mẫu",
        child_date_of_birth="15/11/2026",
        child_sex="Nam",
        child_place_of_birth="Bệnh viện Phụ sản Mẫu, Phường Trúc Bạch, Thành phố Hà Nội",
        child_ethnicity="Kinh",
        child_nationality="Việt Nam",
        mother_full_name="Nguyễn Thị Mẫu",
        phone="0912 345 678",
    )
    return values


# ---- Prefill -------------------------------------------------------------------------------


def test_birth_form_prefills_the_requester_from_the_card() -> None:
    filled = prefill(BIRTH.form, demo_identity().as_fields())
    assert filled["requester_name"] == "Nguyễn Thị Mẫu"
    assert filled["requester_id_number"] == "001158000000"
    assert filled["requester_residence"].startswith("Số 1 Phố Mẫu")
    # Nothing about the child comes from the parent's card.
    assert not any(key.startswith("child_") for key in filled)


def test_residence_form_prefills_date_of_birth_and_sex_as_choice_values() -> None:
    filled = prefill(RESIDENCE.form, demo_identity().as_fields())
    assert filled["date_of_birth"] == "05/09/1958"
    assert filled["sex"] == "Nữ"
    assert filled["id_number"] == "001158000000"


def test_empty_identity_values_never_blank_what_was_typed() -> None:
    fields = demo_identity().as_fields()
    fields["place_of_residence"] = "   "
    typed = {"requester_residence": "Thôn Mẫu, Xã Mẫu, Tỉnh Mẫu"}
    typed.update(prefill(BIRTH.form, fields))
    assert typed["requester_residence"] == "Thôn Mẫu, Xã Mẫu, Tỉnh Mẫu"


def test_a_card_value_that_is_not_a_choice_is_not_prefilled() -> None:
    schema = FormSchema((_field("sex", "choice", prefill="sex", choices=(Choice("Nam", "Nam", "Male"),)),))
    assert prefill(schema, {"sex": "Khác"}) == {}
    assert prefill(schema, {"sex": "NAM"}) == {"sex": "Nam"}


# ---- Validation: what the citizen is told ---------------------------------------------------


def test_complete_birth_form_has_no_errors() -> None:
    assert validate(BIRTH.form, _complete_birth(), TODAY) == {}


def test_missing_child_name_says_what_to_enter() -> None:
    values = _complete_birth()
    del values["child_full_name"]
    errors = validate(BIRTH.form, values, TODAY)
    assert errors == {"child_full_name": "Hãy nhập Họ, chữ đệm và tên của trẻ."}


def test_blank_spaces_count_as_missing() -> None:
    values = _complete_birth() | {"child_full_name": "   "}
    assert "child_full_name" in validate(BIRTH.form, values, TODAY)


def test_missing_choice_says_choose() -> None:
    values = _complete_birth()
    del values["child_sex"]
    assert validate(BIRTH.form, values, TODAY)["child_sex"] == "Hãy chọn Giới tính của trẻ."


def test_future_birth_date_is_refused() -> None:
    values = _complete_birth() | {"child_date_of_birth": "21/11/2026"}
    message = validate(BIRTH.form, values, TODAY)["child_date_of_birth"]
    assert "tương lai" in message
    assert message.startswith("Ngày, tháng, năm sinh của trẻ")
    # Today itself is fine: babies are registered on the day they are born.
    assert validate(BIRTH.form, _complete_birth() | {"child_date_of_birth": "20/11/2026"}, TODAY) == {}


@pytest.mark.parametrize("text", ["2026-11-15x", "15/11", "31/02/2026", "mười lăm", "11/15/2026"])
def test_badly_written_date_asks_for_day_month_year(text: str) -> None:
    message = validate(BIRTH.form, _complete_birth() | {"child_date_of_birth": text}, TODAY)
    assert "ngày/tháng/năm" in message["child_date_of_birth"]


@pytest.mark.parametrize("text", ["15-11-2026", "15.11.2026", "5/9/2026"])
def test_common_date_spellings_are_accepted(text: str) -> None:
    assert validate(BIRTH.form, _complete_birth() | {"child_date_of_birth": text}, TODAY) == {}


@pytest.mark.parametrize("text", ["12345", "00115800000a", "0011580000001", "００１１５８０００００"])
def test_bad_id_number_explains_twelve_digits(text: str) -> None:
    errors = validate(BIRTH.form, _complete_birth() | {"requester_id_number": text}, TODAY)
    assert "12 chữ số" in errors["requester_id_number"]


def test_id_number_with_spaces_is_accepted() -> None:
    assert validate(BIRTH.form, _complete_birth() | {"requester_id_number": "001 158 000 000"}, TODAY) == {}


@pytest.mark.parametrize(
    "text", ["0912345678", "0912 345 678", "091.234.5678", "+84912345678", "02438123456"]
)
def test_vietnamese_phone_numbers_are_accepted(text: str) -> None:
    assert validate(BIRTH.form, _complete_birth() | {"phone": text}, TODAY) == {}


@pytest.mark.parametrize("text", ["12345", "912345678", "0112345678", "09123456789", "phone"])
def test_bad_phone_numbers_are_refused(text: str) -> None:
    message = validate(BIRTH.form, _complete_birth() | {"phone": text}, TODAY)["phone"]
    assert "0912 345 678" in message


def test_unknown_choice_value_is_refused() -> None:
    errors = validate(BIRTH.form, _complete_birth() | {"child_sex": "X"}, TODAY)
    assert errors["child_sex"] == "Hãy chọn Giới tính của trẻ trong danh sách."


def test_number_limits() -> None:
    schema = FormSchema((_field("copies", "number", min=1, max=20),))
    assert validate(schema, {"copies": "3"}, TODAY) == {}
    assert "từ 1 trở lên" in validate(schema, {"copies": "0"}, TODAY)["copies"]
    assert "lớn hơn 20" in validate(schema, {"copies": "21"}, TODAY)["copies"]
    assert "chữ số" in validate(schema, {"copies": "ba"}, TODAY)["copies"]


def test_money_may_be_typed_with_thousand_dots() -> None:
    assert parse_number("50.000.000") == 50_000_000
    assert parse_number("50 000") == 50_000
    assert parse_number("5.0") is None
    assert parse_number("٣") is None  # look-alike digits are not numbers here
    business = _procedure("1.001612")
    errors = validate(business.form, {"capital": "50.000.000"}, TODAY)
    assert "capital" not in errors


def test_too_long_text_says_how_long() -> None:
    schema = FormSchema((_field("note", max_length=5),))
    message = validate(schema, {"note": "123456"}, TODAY)["note"]
    assert message == "Số lượng dài quá 5 ký tự. Hãy viết ngắn lại."


def test_pattern_failure_adds_the_help_hint() -> None:
    values = _complete_birth() | {"child_full_name": "Bé 2"}
    message = validate(BIRTH.form, values, TODAY)["child_full_name"]
    assert message.startswith("Họ, chữ đệm và tên của trẻ chưa đúng.")
    assert "có dấu" in message  # the field's help text


def test_optional_empty_field_is_not_an_error() -> None:
    values = _complete_birth()
    values.pop("father_full_name", None)
    assert "father_full_name" not in validate(BIRTH.form, values, TODAY)


def test_english_labels_and_translation_hook() -> None:
    values = _complete_birth()
    del values["child_full_name"]
    catalogue = {"Hãy nhập {label}.": "Please enter {label}."}

    def translate(context: str, text: str) -> str:
        assert context == "Form"
        return catalogue.get(text, text)

    english = validate(BIRTH.form, values, TODAY, translate=translate, english=True)
    assert english["child_full_name"] == "Please enter Child's full name."


def test_clean_normalises_and_strips() -> None:
    decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" with combining marks, as some keyboards send it
    assert clean({"a": f"  {decomposed}  "}) == {"a": "Nguyễn"}


def test_display_value_shows_choice_labels() -> None:
    relationship = BIRTH.form.field("requester_relationship")
    assert relationship is not None
    assert display_value(relationship, "ong_ba") == "Ông/bà"
    assert display_value(relationship, "ong_ba", english=True) == "Grandparent"
    assert display_value(relationship, "unknown") == "unknown"
    name = BIRTH.form.field("child_full_name")
    assert name is not None and display_value(name, "Mẫu") == "Mẫu"


def test_demo_citizen_prefills_validly_in_every_form() -> None:
    # Whatever the card fills must itself pass validation, or the citizen is blamed for our data.
    identity = demo_identity().as_fields()
    for p in CATALOG.procedures:
        filled = prefill(p.form, identity)
        errors = validate(p.form, filled, TODAY)
        assert not (set(errors) & set(filled)), p.code


# ---- Robustness ----------------------------------------------------------------------------

_KEYS = st.sampled_from([f.key for p in CATALOG.procedures for f in p.form.fields] + ["other"])


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CATALOG.procedures),
    st.dictionaries(_KEYS, st.text(max_size=40), max_size=12),
    st.dates(),
)
def test_validate_never_raises(procedure: Procedure, values: dict[str, str], today: date) -> None:
    errors = validate(procedure.form, values, today)
    assert set(errors) <= set(procedure.form.keys)
    assert all(isinstance(m, str) and m for m in errors.values())
