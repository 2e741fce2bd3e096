"""A dossier's receipt built again from what the store keeps: the agent's search ("In lại biên
nhận") and `dvc-kiosk print receipt`.

A slip that printed is not kept (the store drops it once the printer confirms it), so a receipt is
rebuilt from the dossier, its payments and the catalogue, and marked "BẢN IN LẠI" with the time of
the reprint: a second copy must never pass for the first. A state fee still waiting for its
transfer gets its VietQR again, to the account configured now. A dossier whose personal data the
retention purge removed has no receipt any more (PersonalDataPurged from the store).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from config.settings import Settings
from egov.catalog import Catalog
from egov.fees import Charge, ChargeKind, Method, Payment, PaymentState, ReceivingAccount
from egov.receipt import Block, mark_reprint, receipt_for_dossier
from egov.store import Store
from egov.store.payments import payments_of
from egov.workdays import load_holidays

__all__ = ["stored_receipt"]


def _transfer_due(payments: list[Payment], settings: Settings) -> Charge | None:
    for payment in payments:
        waiting = (payment.kind, payment.method, payment.state) == (
            ChargeKind.STATE_FEE,
            Method.VIETQR,
            PaymentState.UNCONFIRMED,
        )
        if waiting and payment.amount:
            account = ReceivingAccount.from_settings(settings.fee_account)
            return Charge(ChargeKind.STATE_FEE, payment.amount, payment.reference, account)
    return None


def stored_receipt(
    store: Store,
    client_id: uuid.UUID | str,
    *,
    catalog: Catalog,
    settings: Settings,
    tracking_base_url: str,
    mask_name: bool,
    reprinted_at: datetime | None,
) -> list[Block]:
    """The receipt of the stored dossier `client_id`; marked as a reprint at `reprinted_at` unless
    that is None. Raises DossierNotFound, or PersonalDataPurged once the names are gone."""
    summary = store.dossier_summary(client_id)
    dossier = store.load_dossier(client_id)
    payments = payments_of(store, client_id)
    blocks = receipt_for_dossier(
        dossier,
        procedure=catalog.get(dossier.procedure_code),
        office=settings.office,
        dossier_code=summary.dossier_code,
        tracking_base_url=tracking_base_url,
        calendar=load_holidays(),
        mask_name=mask_name,
        # The portal's date once the status poller has heard it; else counted from the catalogue.
        appointment=summary.appointment,
        payments=payments,
        transfer=_transfer_due(payments, settings),
    )
    return mark_reprint(blocks, reprinted_at) if reprinted_at is not None else blocks
