"""The store of egov: what must outlive a visit, personal fields encrypted at rest.

Dossiers wait here until the portal has them (the outbox); consents, ratings, staff accounts and
an append-only, hash-chained audit trail are kept here too. Open it with `open_store(settings)`.
"""

from egov.store.crypto import KeyFileError, StoreError, load_or_create_key
from egov.store.models import DossierState, PrintJobState, Role
from egov.store.store import (
    AuditCheck,
    AuditEntry,
    Claim,
    ConsentRecord,
    DossierNotFound,
    DossierSummary,
    DossierView,
    OutboxEntry,
    PersonalDataPurged,
    PrintJob,
    RatingsSummary,
    Store,
    open_store,
)

__all__ = [
    "AuditCheck",
    "AuditEntry",
    "Claim",
    "ConsentRecord",
    "DossierNotFound",
    "DossierState",
    "DossierSummary",
    "DossierView",
    "KeyFileError",
    "OutboxEntry",
    "PersonalDataPurged",
    "PrintJob",
    "PrintJobState",
    "RatingsSummary",
    "Role",
    "Store",
    "StoreError",
    "load_or_create_key",
    "open_store",
]
