"""The portal: the documented HTTP contract, the training portal that serves it, and the client.

Real provincial one-stop systems publish no API, so the kiosk speaks one contract of its own
(version 1, described in `contract.py` and docs/portal-api.md). The training portal implements it
on loopback for practice and tests; a province adapter would implement it in front of the real
system. Only the client is needed by the kiosk at run time.
"""

from __future__ import annotations

from egov.portal.client import FailureKind, PortalClient, PortalFailure
from egov.portal.contract import (
    API_VERSION,
    DossierStatus,
    HistoryEntry,
    PortalStatus,
    SubmitReceipt,
)

__all__ = [
    "API_VERSION",
    "DossierStatus",
    "FailureKind",
    "HistoryEntry",
    "PortalClient",
    "PortalFailure",
    "PortalStatus",
    "SubmitReceipt",
]
