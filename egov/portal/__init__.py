"""The portal: the connectors the kiosk submits through, their wire formats and the training portal.

Real provincial one-stop systems publish no API. The kiosk speaks its own contract (version 1,
`contract.py`, docs/portal-api.md) to a province adapter or the training portal, and the iGate
dialect (`igate_contract.py`: OAuth2 client credentials, DVCQG field names) to a one-stop system
shaped like VNPT iGate. Both connectors satisfy `connector.PortalConnector`, and
`connector.build_connector` picks one per office from `[portal] kind`. The training portal
(`server.py`, `igate_server.py`) serves both on loopback for practice and tests.
"""

from __future__ import annotations

from egov.portal.client import FailureKind, PortalClient, PortalFailure
from egov.portal.connector import PortalConnector, build_connector
from egov.portal.contract import (
    API_VERSION,
    DossierStatus,
    HistoryEntry,
    PortalStatus,
    SubmitReceipt,
)
from egov.portal.igate import IgateConnector

__all__ = [
    "API_VERSION",
    "DossierStatus",
    "FailureKind",
    "HistoryEntry",
    "IgateConnector",
    "PortalClient",
    "PortalConnector",
    "PortalFailure",
    "PortalStatus",
    "SubmitReceipt",
    "build_connector",
]
