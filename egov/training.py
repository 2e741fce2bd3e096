"""Training data: plausible answers to an e-form, so volunteers in training, screenshots and tests
can walk a whole visit with the demo citizen without inventing values each time."""

from __future__ import annotations

from datetime import date, timedelta

from egov.catalog import FormSchema


def example_answers(schema: FormSchema, filled: dict[str, str], today: date) -> dict[str, str]:
    """Answers for the required fields the card did not fill."""
    answers: dict[str, str] = {}
    for field in schema.fields:
        if not field.required or filled.get(field.key):
            continue
        if field.type == "choice" and field.choices:
            answers[field.key] = field.choices[0].value
        elif field.type == "date":
            answers[field.key] = (today - timedelta(days=3)).strftime("%d/%m/%Y")
        elif field.type == "number":
            answers[field.key] = str(int(field.min) if field.min is not None else 1)
        elif field.type == "id_number":
            answers[field.key] = "001158000000"
        elif field.type == "phone":
            answers[field.key] = "0912345678"
        else:
            answers[field.key] = "Nguyễn Văn Mẫu"
    return answers
