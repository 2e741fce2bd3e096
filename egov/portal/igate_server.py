"""The training portal's iGate dialect: an OAuth2 token endpoint and DVCQG-shaped dossier routes.

Run with `TrainingPortal(..., dialect="igate")` or `dvc-kiosk portal serve --dialect igate`. The
routes of `igate_contract.py` are served beside contract v1, over the same store: a dossier sent
in this dialect is translated to a v1 submission, checked by the same `validate_submission` and
`check_attachment`, and stored by the same `TrainingPortal.submit` (one transaction, the client id
as idempotency key), so the dialects cannot disagree about what is stored. The v1 admin routes
still let a trainer move a dossier through statuses 1–10.

Tokens are random, kept in memory only, and expire `token_lifetime` seconds after issue by the
portal's clock (tests move that clock to expire them). Client secrets and tokens are never logged.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
import secrets
import threading
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, unquote_plus

from egov.dossier import Channel
from egov.portal.contract import PROCEDURE_CODE_RE, ContractError, check_attachment, validate_submission
from egov.portal.igate_contract import (
    CHANNEL_OF,
    FEE_PATH,
    KENH_THUC_HIEN,
    OPENAPI_PATH,
    SEARCH_PATH,
    SUBMIT_PATH,
    TOKEN_PATH,
    IgateError,
    decode_dossier,
    error_body,
    fee_body,
    openapi_document,
    receipt_body,
    record_body,
)
from egov.portal.server import _ROUTES, _Handler, _load_json, _media_type

MAX_TOKEN_BODY = 4096  # a grant type and two credentials

IGATE_ROUTES = [
    (re.compile(re.escape(TOKEN_PATH)), {"POST": "igate_token"}),
    (re.compile(re.escape(OPENAPI_PATH)), {"GET": "igate_openapi"}),
    (re.compile(re.escape(SUBMIT_PATH)), {"POST": "igate_submit"}),
    (re.compile(re.escape(SEARCH_PATH)), {"GET": "igate_search"}),
    (re.compile(re.escape(FEE_PATH)), {"GET": "igate_fee"}),
]


class TokenIssuer:
    """Issues bearer tokens to known OAuth2 clients and tells whether a token is still valid."""

    def __init__(self, clients: Mapping[str, str], lifetime: int, clock: Callable[[], datetime]) -> None:
        if lifetime < 1:
            raise ValueError("token lifetime must be at least one second")
        self._clients = {cid.encode("utf-8"): secret.encode("utf-8") for cid, secret in clients.items()}
        self.lifetime = lifetime
        self._clock = clock
        self._tokens: dict[str, datetime] = {}
        self._lock = threading.Lock()
        self.issued = 0  # how many tokens were handed out (tests count refreshes with it)

    def issue(self, client_id: str, client_secret: str) -> str | None:
        """A new token for good credentials, None for bad ones."""
        given_id, given_secret = client_id.encode("utf-8"), client_secret.encode("utf-8")
        # Look at every client without stopping early, to leak no timing about which ids exist.
        matches = [
            hmac.compare_digest(given_id, cid) & hmac.compare_digest(given_secret, secret)
            for cid, secret in self._clients.items()
        ]
        if not any(matches):
            return None
        token = secrets.token_urlsafe(32)
        now = self._clock()
        with self._lock:
            self._tokens = {t: until for t, until in self._tokens.items() if until > now}
            self._tokens[token] = now + timedelta(seconds=self.lifetime)
            self.issued += 1
        return token

    def valid(self, header: str | None) -> bool:
        """Whether an Authorization header carries a token this issuer gave and that has not expired."""
        scheme, _, token = (header or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        with self._lock:
            until = self._tokens.get(token.strip())
        return until is not None and self._clock() < until


def _basic_credentials(header: str) -> tuple[str, str] | None:
    """(client id, secret) from an HTTP Basic header, form-decoded as RFC 6749 §2.3.1 asks."""
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip().encode("ascii"), validate=True).decode("utf-8")
    except (UnicodeError, binascii.Error):
        raise IgateError("invalid_client") from None
    client_id, colon, secret = decoded.partition(":")
    if not colon:
        raise IgateError("invalid_client")
    return unquote_plus(client_id), unquote_plus(secret)


class IgateHandler(_Handler):
    """Contract v1 plus the iGate dialect's routes, with OAuth2 bearer tokens and DVCQG-shaped errors."""

    routes = _ROUTES + IGATE_ROUTES
    public_routes = _Handler.public_routes | {"igate_token", "igate_openapi"}

    def _authorised(self, route: str) -> bool:
        if not route.startswith("igate_"):
            return super()._authorised(route)
        if not self.server.portal.tokens.valid(self.headers.get("Authorization")):
            raise IgateError("invalid_token")
        return True

    def _challenge(self, error: ContractError) -> dict[str, str]:
        if error.code == "invalid_token":
            return {"WWW-Authenticate": 'Bearer realm="dvc-portal", error="invalid_token"'}
        if error.code == "invalid_client":
            return {"WWW-Authenticate": 'Basic realm="dvc-portal"'}
        return super()._challenge(error)

    def _error_body(self, error: ContractError) -> dict[str, str]:
        if self._route_name == "igate_token":
            # RFC 6749 §5.2: the token endpoint answers errors in OAuth2's own shape.
            code = (
                error.code
                if error.code in ("invalid_client", "unsupported_grant_type")
                else "invalid_request"
            )
            return {"error": code, "error_description": error_body(error)["message_en"]}
        if self._route_name.startswith("igate_"):
            return error_body(error)
        return super()._error_body(error)

    # -- routes ---------------------------------------------------------------------------

    def _on_igate_openapi(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        self._send_json(200, openapi_document())

    def _on_igate_token(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        media_type, _ = _media_type(self.headers.get("Content-Type"))
        if media_type != "application/x-www-form-urlencoded":
            raise IgateError("invalid_request")
        try:
            form = parse_qs(
                self._read_body(MAX_TOKEN_BODY).decode("ascii"), strict_parsing=True, errors="strict"
            )
        except (UnicodeError, ValueError):
            raise IgateError("invalid_request") from None
        if any(len(values) != 1 for values in form.values()):
            raise IgateError("invalid_request")
        fields = {key: values[0] for key, values in form.items()}
        if fields.get("grant_type") != "client_credentials":
            raise IgateError("unsupported_grant_type" if "grant_type" in fields else "invalid_request")
        basic = _basic_credentials(self.headers.get("Authorization", ""))
        in_body = "client_id" in fields or "client_secret" in fields
        if basic is not None and in_body:
            raise IgateError("invalid_request")  # §2.3: one way of authenticating, not two
        client_id, secret = basic or (fields.get("client_id", ""), fields.get("client_secret", ""))
        token = self.server.portal.tokens.issue(client_id, secret)
        if token is None:
            raise IgateError("invalid_client")
        lifetime = self.server.portal.tokens.lifetime
        self._send_json(
            200,
            {"access_token": token, "token_type": "Bearer", "expires_in": lifetime},
            {"Pragma": "no-cache"},
        )

    def _on_igate_submit(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        portal = self.server.portal
        media_type, _ = _media_type(self.headers.get("Content-Type"))
        if media_type != "application/json":
            raise IgateError("unsupported_media_type")
        data, files = decode_dossier(_load_json(self._read_body(portal.max_body_bytes)))
        validate_submission(data)
        key = self.headers.get("Idempotency-Key")
        if key is not None and key.strip() != data["client_id"]:
            raise IgateError("idempotency_key_mismatch")
        for index, (meta, (_, blob)) in enumerate(zip(data["attachments"], files, strict=True)):
            check_attachment(index, meta, blob)
        status, reply = portal.submit(data, files)
        self._send_json(status, receipt_body(reply, replayed=status == 200))

    def _on_igate_search(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        # Exactly one of code= (mã hồ sơ) or other-code= (MaHoSoKhac), given once.
        by = [(name, values) for name, values in query.items() if name in ("code", "other-code")]
        if len(by) != 1 or len(by[0][1]) != 1:
            raise IgateError("invalid_query", "code")
        name, value = by[0][0], by[0][1][0]
        where: dict[str, Any] = {"code": value} if name == "code" else {"client_id": value}
        try:
            found = [record_body(self.server.portal.status(**where))]
        except ContractError as error:
            if error.code != "dossier_not_found":
                raise
            found = []
        self._send_json(200, {"content": found, "totalElements": len(found)})

    def _on_igate_fee(self, params: dict[str, str], query: dict[str, list[str]]) -> None:
        codes, kenh = query.get("MaTTHC", []), query.get("KenhThucHien", [KENH_THUC_HIEN[Channel.DIRECT]])
        if len(codes) != 1 or not PROCEDURE_CODE_RE.fullmatch(codes[0]):
            raise IgateError("invalid_query", "MaTTHC")
        if len(kenh) != 1 or kenh[0] not in CHANNEL_OF:
            raise IgateError("invalid_query", "KenhThucHien")
        fee = self.server.portal.fee(codes[0], CHANNEL_OF[kenh[0]].value)
        if fee is None:
            raise IgateError("fee_not_found")
        self._send_json(200, fee_body(codes[0], kenh[0], fee))
