"""The payment records of the store: how each charge of a dossier was paid, and the audit of it.

One record per dossier and charge kind (state fee, service charge); recording a charge again (an
agent who changed the method, a gateway that later says "paid") replaces it, and every recording
is a line of the audit trail, so the history is kept there. The records hold no personal data
(amounts, the payment reference, the staff account), so they are in clear and outlive the purge of
the dossier's personal fields: they are what an agency reconciles its bank statement against.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select

from egov.fees import ChargeKind, Method, Payment, PaymentState
from egov.store.crypto import StoreError
from egov.store.models import DossierRow, PaymentRow
from egov.store.store import Store, dossier_subject

__all__ = ["payments_of", "record_payments"]


def record_payments(store: Store, client_id: uuid.UUID | str, payments: Iterable[Payment]) -> None:
    """Keep how each charge of the dossier `client_id` was paid, in one transaction, each in the
    audit trail under the staff account that recorded it. StoreError when the dossier is unknown."""
    cid = str(client_id)
    with store.write() as session:
        if session.scalar(select(DossierRow.id).where(DossierRow.client_id == cid)) is None:
            raise StoreError(f"dossier {cid}: not found")
        for payment in payments:
            row = session.scalar(
                select(PaymentRow).where(PaymentRow.client_id == cid, PaymentRow.kind == payment.kind.value)
            )
            if row is None:
                row = PaymentRow(client_id=cid, kind=payment.kind.value)
                session.add(row)
            row.amount = payment.amount
            row.method = payment.method.value
            row.state = payment.state.value
            row.reference = payment.reference
            row.transaction_id = payment.transaction_id or None
            row.recorded_by = payment.recorded_by
            row.recorded_at = payment.recorded_at
            amount = "unknown" if payment.amount is None else str(payment.amount)
            store.audit_in(
                session,
                actor=payment.recorded_by,
                action="payment.recorded",
                subject=dossier_subject(cid),
                detail=(
                    f"kind={payment.kind.value}; method={payment.method.value}; "
                    f"state={payment.state.value}; amount={amount}; reference={payment.reference}"
                ),
            )


def payments_of(store: Store, client_id: uuid.UUID | str) -> list[Payment]:
    """How the charges of the dossier were paid: the state fee first, then the service charge."""
    with store.read() as session:
        rows = session.scalars(select(PaymentRow).where(PaymentRow.client_id == str(client_id))).all()
    order = list(ChargeKind)
    found = [
        Payment(
            kind=ChargeKind(row.kind),
            amount=row.amount,
            method=Method(row.method),
            state=PaymentState(row.state),
            reference=row.reference,
            recorded_by=row.recorded_by,
            recorded_at=row.recorded_at,
            transaction_id=row.transaction_id or "",
        )
        for row in rows
    ]
    return sorted(found, key=lambda p: order.index(p.kind))
