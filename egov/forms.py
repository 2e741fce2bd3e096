"""E-forms (tờ khai điện tử): prefill from the identity card, clean, validate, display.

The schema comes from the catalogue (`egov.catalog.FormSchema`). Every error message says what to do
next in plain Vietnamese, because the person at the kiosk may be elderly and unused to forms; the
templates are marked with QT_TRANSLATE_NOOP("Form", …) so that the English UI can translate them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from egov.catalog import FormField, FormSchema
from egov.identity import parse_date
from egov.text import QT_TRANSLATE_NOOP, fold, nfc

Translate = Callable[[str, str], str]  # (context, source text) -> text, e.g. QCoreApplication.translate

_EARLIEST_YEAR = 1900  # dates before this are typing mistakes in every form we have

# Whole numbers, optionally grouped by "." or " " the Vietnamese way (50.000.000); ASCII digits only,
# so that look-alike Unicode digits never reach int().
_NUMBER = re.compile(r"-?(?:[0-9]+|[0-9]{1,3}(?:[. ][0-9]{3})+)", re.ASCII)

# Vietnamese phone numbers once spaces, dots, dashes and brackets are removed: mobiles are 0 + 9
# digits (03x, 05x, 07x, 08x, 09x); landlines since 2017 are 02 + 9 digits; +84 or 84 replaces the 0.
_PHONE = re.compile(r"(?:0|\+84|84)(?:[35789][0-9]{8}|2[0-9]{9})", re.ASCII)
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")

M_REQUIRED = QT_TRANSLATE_NOOP("Form", "Hãy nhập {label}.")
M_REQUIRED_CHOICE = QT_TRANSLATE_NOOP("Form", "Hãy chọn {label}.")
M_TOO_LONG = QT_TRANSLATE_NOOP("Form", "{label} dài quá {max_length} ký tự. Hãy viết ngắn lại.")
M_DATE_FORMAT = QT_TRANSLATE_NOOP("Form", "Hãy nhập {label} theo dạng ngày/tháng/năm, ví dụ 05/09/2024.")
M_DATE_FUTURE = QT_TRANSLATE_NOOP("Form", "{label} không thể là ngày trong tương lai. Hãy kiểm tra lại.")
M_DATE_TOO_OLD = QT_TRANSLATE_NOOP("Form", "{label} không hợp lệ. Hãy kiểm tra lại năm.")
M_NUMBER = QT_TRANSLATE_NOOP("Form", "Hãy nhập {label} chỉ bằng chữ số, ví dụ 2.")
M_NUMBER_MIN = QT_TRANSLATE_NOOP("Form", "{label} phải từ {min} trở lên. Hãy nhập lại số này.")
M_NUMBER_MAX = QT_TRANSLATE_NOOP("Form", "{label} không được lớn hơn {max}. Hãy nhập lại số này.")
M_ID_NUMBER = QT_TRANSLATE_NOOP(
    "Form", "{label} gồm đúng 12 chữ số, in ở mặt trước thẻ căn cước. Hãy kiểm tra lại."
)
M_PHONE = QT_TRANSLATE_NOOP(
    "Form", "{label} chưa đúng. Hãy nhập số điện thoại 10 chữ số bắt đầu bằng 0, ví dụ 0912 345 678."
)
M_CHOICE = QT_TRANSLATE_NOOP("Form", "Hãy chọn {label} trong danh sách.")
M_PATTERN = QT_TRANSLATE_NOOP("Form", "{label} chưa đúng. Hãy kiểm tra lại.")


def _no_translation(context: str, text: str) -> str:
    return text


def clean(values: Mapping[str, str]) -> dict[str, str]:
    """NFC-normalise and strip every value, so that what is validated is what is submitted."""
    return {key: nfc(str(value)).strip() for key, value in values.items()}


def _prefill_choice(f: FormField, value: str) -> str | None:
    # The card says "Nữ"; a choice's value or label may differ in case or accents from it.
    wanted = fold(value)
    for option in f.choices:
        if option.value == value or fold(option.value) == wanted or fold(option.label) == wanted:
            return option.value
    return None


def prefill(schema: FormSchema, identity_fields: Mapping[str, str]) -> dict[str, str]:
    """Values for the fields that name an identity key, from `Identity.as_fields()`.

    Empty identity values are left out, so `values.update(prefill(...))` never blanks out what the
    citizen typed; a choice field is only filled when the card's value is one of its choices.
    """
    filled: dict[str, str] = {}
    for f in schema.fields:
        if f.prefill is None:
            continue
        value = nfc(str(identity_fields.get(f.prefill, ""))).strip()
        if not value:
            continue
        if f.type == "choice":
            chosen = _prefill_choice(f, value)
            if chosen is None:
                continue
            value = chosen
        filled[f.key] = value
    return filled


def parse_number(text: str) -> int | None:
    """A whole number as people type it ("3", "50.000.000", "50 000 000"); None if it is not one."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    return int(text.replace(".", "").replace(" ", ""))


def _group(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _check(f: FormField, value: str, today: date) -> str | None:
    """The message template for the first problem with a non-empty `value`, with its parameters."""
    if f.max_length is not None and len(value) > f.max_length:
        return M_TOO_LONG
    if f.type == "date":
        try:
            day = parse_date(value)
        except (ValueError, OverflowError):
            return M_DATE_FORMAT
        if day.year < _EARLIEST_YEAR:
            return M_DATE_TOO_OLD
        if f.not_future and day > today:
            return M_DATE_FUTURE
    elif f.type == "number":
        number = parse_number(value)
        if number is None:
            return M_NUMBER
        if f.min is not None and number < f.min:
            return M_NUMBER_MIN
        if f.max is not None and number > f.max:
            return M_NUMBER_MAX
    elif f.type == "id_number":
        digits = value.replace(" ", "")
        if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
            return M_ID_NUMBER
    elif f.type == "phone":
        if not _PHONE.fullmatch(_PHONE_SEPARATORS.sub("", value)):
            return M_PHONE
    elif f.type == "choice":
        if f.choice(value) is None:
            return M_CHOICE
    if f.pattern is not None and not re.fullmatch(f.pattern, value):
        return M_PATTERN
    return None


def validate(
    schema: FormSchema,
    values: Mapping[str, str],
    today: date,
    *,
    translate: Translate = _no_translation,
    english: bool = False,
) -> dict[str, str]:
    """Field key → a message saying what to fix; empty when the form can be submitted.

    Messages come formatted with the field's label, in Vietnamese unless `translate` (the UI passes
    QCoreApplication.translate) and `english` (English labels) say otherwise. Keys in `values`
    that the schema does not know are ignored.
    """
    cleaned = clean(values)
    errors: dict[str, str] = {}
    for f in schema.fields:
        value = cleaned.get(f.key, "")
        if not value:
            if f.required:
                template = M_REQUIRED_CHOICE if f.type == "choice" else M_REQUIRED
            else:
                continue
        else:
            template = _check(f, value, today)
            if template is None:
                continue
        label = f.label_en if english else f.label
        message = translate("Form", template).format(
            label=label,
            max_length=f.max_length,
            min=_group(f.min) if f.min is not None else "",
            max=_group(f.max) if f.max is not None else "",
        )
        if template == M_PATTERN and f.help:
            message = f"{message} {f.help}"
        # A message starting with the label keeps the label's capital; make sure it has one.
        errors[f.key] = message[:1].upper() + message[1:]
    return errors


def display_value(f: FormField, value: str, *, english: bool = False) -> str:
    """The text to show for a stored value: a choice's label rather than its code."""
    if f.type == "choice":
        option = f.choice(value)
        if option is not None:
            return option.label_en if english else option.label
    return nfc(value)
