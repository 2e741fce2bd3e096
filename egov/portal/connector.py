"""One interface for every portal the kiosk can submit to, and the factory that picks one per office.

An office sets `[portal] kind`: "training" (the training portal the app starts on loopback, contract
v1), "http" (a server of contract v1, e.g. a province adapter) or "igate" (a provincial one-stop
system in the iGate dialect). The outbox, the status poller and the apps only see `PortalConnector`,
so they work the same whichever it is. Credentials are passed in by the caller, who reads them from
the environment or a private secrets file (`config/secrets.py`), never from the catalogue or the UI.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from egov.dossier import Channel, Dossier
from egov.portal.client import PortalClient, PortalFailure
from egov.portal.contract import DossierStatus, SubmitReceipt
from egov.portal.igate import IgateConnector

KINDS = ("training", "http", "igate")


class PortalConnector(Protocol):
    """What the kiosk needs from a portal. No method raises for network or portal trouble."""

    base_url: str  # where citizens look their dossier up (the receipt's QR points there)

    def submit(self, dossier: Dossier) -> SubmitReceipt | PortalFailure:
        """Send a dossier; calling again for the same dossier never makes a second one."""
        ...

    def status(self, code: str) -> DossierStatus | PortalFailure:
        """Where the dossier with this code (mã hồ sơ) stands."""
        ...

    def find_by_client_id(self, client_id: uuid.UUID | str) -> DossierStatus | None | PortalFailure:
        """The dossier sent under this client id, None if the portal never stored it."""
        ...

    def fee(self, procedure_code: str, channel: Channel | str = Channel.DIRECT) -> int | PortalFailure:
        """The state fee (lệ phí) in đồng."""
        ...

    def health(self) -> bool | PortalFailure:
        """True if the portal answers and accepts the kiosk's credentials."""
        ...

    def close(self) -> None: ...


class PortalSettings(Protocol):
    """The `[portal]` section of the settings, as far as the factory reads it."""

    kind: str
    url: str
    token_url: str
    timeout_seconds: float
    verify_tls: bool


class Credentials(Protocol):
    """What `config.secrets.load_portal_secrets` gives: the token (v1) or the OAuth2 client (igate)."""

    token: str
    client_id: str
    client_secret: str


def build_connector(
    portal: PortalSettings, credentials: Credentials, url: str | None = None
) -> PortalConnector:
    """The connector for an office's `[portal]` settings; `url` overrides `[portal] url`.

    The "training" kind has no url of its own: the caller starts the training portal and passes
    its loopback address, with the training token as the credential.
    """
    base_url = url if url is not None else portal.url
    if portal.kind in ("training", "http"):
        return PortalClient(
            base_url, credentials.token, timeout=portal.timeout_seconds, verify_tls=portal.verify_tls
        )
    if portal.kind == "igate":
        return IgateConnector(
            base_url,
            credentials.client_id,
            credentials.client_secret,
            token_url=portal.token_url,
            timeout=portal.timeout_seconds,
            verify_tls=portal.verify_tls,
        )
    raise ValueError(f"unknown [portal] kind {portal.kind!r}; known: {', '.join(KINDS)}")


__all__ = ["KINDS", "Credentials", "PortalConnector", "PortalSettings", "build_connector"]
