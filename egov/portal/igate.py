"""The iGate connector: the kiosk's side of a provincial one-stop system (`igate_contract.py`).

It signs in with OAuth2 client credentials (RFC 6749 §4.4: a form-encoded
`grant_type=client_credentials` POST, the client id and secret as HTTP Basic), keeps the token
until shortly before its `expires_in`, and fetches a new one once when the system answers 401
(a token revoked or expired early). Dossiers go out as DVCQG-named JSON with their attachments
inline; the client id travels as `MaHoSoKhac` and as the `Idempotency-Key` header, so a resend
after a lost reply gets the first reply back ("đã tồn tại") instead of a second dossier.

Every call returns its result or a `PortalFailure` with the same kinds and retry rules as the v1
client (it shares `HttpPortal`): network trouble, timeouts, 408, 429 and 5xx may be retried; other
4xx may not. Credentials the token endpoint refuses are UNAUTHORISED, not retryable: the dossier
needs an officer, not another try. A reply that does not follow the dialect is BAD_REPLY.

Logs carry client ids, dossier codes and HTTP statuses only: never personal data, the client
secret or a token.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from urllib.parse import quote_plus

import requests

from egov.dossier import Channel, Dossier
from egov.portal.client import FailureKind, HttpPortal, PortalFailure
from egov.portal.contract import DossierStatus, SubmitReceipt
from egov.portal.igate_contract import (
    FEE_PATH,
    KENH_THUC_HIEN,
    SEARCH_PATH,
    SUBMIT_PATH,
    TOKEN_PATH,
    encode_dossier,
    read_fee,
    read_receipt,
    read_search,
)

log = logging.getLogger(__name__)

# Renew this long before the token's end (at most a tenth of its life), so that a request in
# flight never carries a token that expires on the way.
RENEW_MARGIN_SECONDS = 30.0


def _one_or_none(data: object) -> DossierStatus | None:
    found = read_search(data)
    if len(found) > 1:
        raise ValueError("content")  # one code, one dossier
    return found[0] if found else None


class IgateConnector(HttpPortal):
    """Talks to one iGate-style system with one OAuth2 client. Thread-safe as far as the session is."""

    error_key = "error_code"  # DVCQG's name for the machine code of a refusal

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        token_url: str = "",
        timeout: float = 15.0,
        verify_tls: bool = True,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(base_url, timeout, verify_tls, session)
        self.token_url = token_url or self.base_url + TOKEN_PATH
        # RFC 6749 §2.3.1: id and secret are form-encoded before they are joined for Basic.
        pair = f"{quote_plus(client_id)}:{quote_plus(client_secret)}".encode()
        self._basic = "Basic " + base64.b64encode(pair).decode("ascii")
        self._clock = clock
        self._token: str | None = None
        self._token_until = 0.0
        self._token_lock = threading.Lock()

    # -- the token -------------------------------------------------------------------------

    def _fetch_token(self) -> str | PortalFailure:
        response = self._send(
            "POST",
            self.token_url,
            {
                "Authorization": self._basic,
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
            body=b"grant_type=client_credentials",
        )
        if isinstance(response, PortalFailure):
            log.info("token request failed: %s", response.kind.value)
            return response
        if response.status_code != 200:
            failure = self._failure(response, error_key="error")  # OAuth2's name (RFC 6749 §5.2)
            if not failure.retryable:
                # Refused credentials (400 invalid_client, 401, …) are the office's to fix.
                failure = PortalFailure(
                    FailureKind.UNAUTHORISED, failure.http_status, failure.reason, False, error=failure.error
                )
            log.warning("token request refused: HTTP %d %s", response.status_code, failure.error)
            return failure
        try:
            data = self._json(response)
            token, kind, lifetime = data["access_token"], data["token_type"], data["expires_in"]
        except (ValueError, KeyError, TypeError):
            return self._bad_reply(response, "token")
        if (
            not isinstance(token, str)
            or not token
            or not isinstance(kind, str)
            or kind.lower() != "bearer"
            or not isinstance(lifetime, int)
            or isinstance(lifetime, bool)
            or lifetime < 1
        ):
            return self._bad_reply(response, "token")
        self._token = token
        self._token_until = self._clock() + lifetime - min(RENEW_MARGIN_SECONDS, lifetime / 10)
        log.info("portal token obtained, valid %d s", lifetime)
        return token

    def _bearer(self, renew: bool) -> str | PortalFailure:
        with self._token_lock:
            if not renew and self._token is not None and self._clock() < self._token_until:
                return self._token
            self._token = None
            return self._fetch_token()

    # -- the connector ----------------------------------------------------------------------

    def submit(self, dossier: Dossier) -> SubmitReceipt | PortalFailure:
        """Send a dossier with its attachments; safe to call again for the same dossier."""
        return self._deliver(
            dossier,
            SUBMIT_PATH,
            json.dumps(encode_dossier(dossier), ensure_ascii=False).encode("utf-8"),
            {"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": str(dossier.client_id)},
            lambda response: read_receipt(self._json(response), replayed=response.status_code == 200),
        )

    def _search(self, params: dict[str, str], what: str) -> DossierStatus | None | PortalFailure:
        return self._read(self._request("GET", SEARCH_PATH, params=params), what, _one_or_none)

    def status(self, code: str) -> DossierStatus | PortalFailure:
        """Where the dossier with this code (mã hồ sơ) stands."""
        result = self._search({"code": code}, "status")
        if result is None:
            return PortalFailure(
                FailureKind.NOT_FOUND, 200, "no dossier with this code", False, error="dossier_not_found"
            )
        if not isinstance(result, PortalFailure) and result.dossier_code != code:
            return PortalFailure(FailureKind.BAD_REPLY, 200, "malformed reply to status", False)
        return result

    def find_by_client_id(self, client_id: uuid.UUID | str) -> DossierStatus | None | PortalFailure:
        """The dossier submitted under this client id, or None if the system never stored it."""
        result = self._search({"other-code": str(client_id)}, "find")
        if isinstance(result, DossierStatus) and str(result.client_id) != str(client_id):
            return PortalFailure(FailureKind.BAD_REPLY, 200, "malformed reply to find", False)
        return result

    def fee(self, procedure_code: str, channel: Channel | str = Channel.DIRECT) -> int | PortalFailure:
        """The state fee (lệ phí) in đồng for a procedure and channel."""
        chosen = channel if isinstance(channel, Channel) else Channel(channel)
        response = self._request(
            "GET", FEE_PATH, params={"MaTTHC": procedure_code, "KenhThucHien": KENH_THUC_HIEN[chosen]}
        )
        return self._read(response, "fee", read_fee)

    def health(self) -> bool | PortalFailure:
        """True if the system answers and the kiosk's credentials get a token."""
        token = self._bearer(renew=False)
        return token if isinstance(token, PortalFailure) else True


__all__ = ["IgateConnector"]
