"""The kiosk's client for the portal contract (version 1), over HTTPS with `requests`.

Every call returns either its result or a `PortalFailure`; none raises for network or portal
trouble, because the kiosk must always be able to tell the citizen what happens next. A failure
says what went wrong (`kind`), whether sending again can help (`retryable`: network trouble,
timeouts, 429 and 5xx only), the portal's own explanation (`reason`, for staff and logs) and a
plain Vietnamese sentence for the citizen (`message`, marked for translation).

Submitting is safe to retry: the dossier's client_id is sent as the Idempotency-Key, so a resend
after a lost reply gets the first reply back instead of a second dossier. After a lost reply the
kiosk may also ask `find_by_client_id`.

Logs carry client ids, dossier codes and HTTP statuses only, never personal data.
"""

from __future__ import annotations

import email.utils
import enum
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Self, TypeVar
from urllib.parse import quote

import requests
from urllib3.exceptions import ReadTimeoutError

from egov.dossier import Channel, Dossier
from egov.portal.contract import (
    API_PREFIX,
    MAX_BODY_BYTES,
    DossierStatus,
    PortalStatus,
    SubmitReceipt,
    encode_submission,
)
from egov.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

T = TypeVar("T")


class FailureKind(enum.Enum):
    """What kind of trouble a portal call met."""

    OFFLINE = "offline"  # no connection (network down, portal stopped, DNS)
    TIMEOUT = "timeout"  # connected, or tried to, but no reply in time
    TLS = "tls"  # the secure connection failed (certificate, clock, proxy)
    UNAUTHORISED = "unauthorised"  # 401/403: the kiosk's token is missing, wrong or revoked
    REJECTED = "rejected"  # 400/405/411/415/422 and other 4xx: the portal refuses this request
    NOT_FOUND = "not_found"  # 404
    CONFLICT = "conflict"  # 409: the client_id was used for different content
    TOO_LARGE = "too_large"  # 413, or refused locally before sending
    SERVER = "server"  # 5xx or 429: the portal's own trouble, try later
    BAD_REPLY = "bad_reply"  # a reply that does not follow the contract


_CITIZEN_MESSAGES: dict[FailureKind, str] = {
    FailureKind.OFFLINE: QT_TRANSLATE_NOOP(
        "Portal",
        "Không kết nối được với cổng dịch vụ công. Hồ sơ của bạn đã được lưu và sẽ được gửi khi có mạng.",
    ),
    FailureKind.TIMEOUT: QT_TRANSLATE_NOOP(
        "Portal",
        "Cổng dịch vụ công chưa trả lời kịp. Hồ sơ của bạn đã được lưu và sẽ được gửi lại tự động.",
    ),
    FailureKind.TLS: QT_TRANSLATE_NOOP(
        "Portal",
        "Không tạo được kết nối an toàn với cổng dịch vụ công. Hồ sơ của bạn đã được lưu. "
        "Xin vui lòng báo nhân viên hỗ trợ.",
    ),
    FailureKind.UNAUTHORISED: QT_TRANSLATE_NOOP(
        "Portal",
        "Máy này chưa được phép gửi hồ sơ lên cổng dịch vụ công. Hồ sơ của bạn đã được lưu. "
        "Xin vui lòng báo nhân viên hỗ trợ.",
    ),
    FailureKind.REJECTED: QT_TRANSLATE_NOOP(
        "Portal",
        "Cổng dịch vụ công chưa nhận hồ sơ vì có thông tin chưa hợp lệ. "
        "Xin vui lòng nhờ nhân viên hỗ trợ kiểm tra.",
    ),
    FailureKind.NOT_FOUND: QT_TRANSLATE_NOOP(
        "Portal",
        "Không tìm thấy thông tin này trên cổng dịch vụ công. Xin vui lòng kiểm tra lại mã hồ sơ.",
    ),
    FailureKind.CONFLICT: QT_TRANSLATE_NOOP(
        "Portal",
        "Hồ sơ này đã được gửi trước đó với nội dung khác. Xin vui lòng nhờ nhân viên hỗ trợ kiểm tra.",
    ),
    FailureKind.TOO_LARGE: QT_TRANSLATE_NOOP(
        "Portal",
        "Hồ sơ quá lớn để gửi. Xin vui lòng nhờ nhân viên hỗ trợ bớt số trang hoặc chụp lại giấy tờ.",
    ),
    FailureKind.SERVER: QT_TRANSLATE_NOOP(
        "Portal",
        "Cổng dịch vụ công đang gặp sự cố. Hồ sơ của bạn đã được lưu và sẽ được gửi lại sau.",
    ),
    FailureKind.BAD_REPLY: QT_TRANSLATE_NOOP(
        "Portal",
        "Cổng dịch vụ công trả lời không đúng quy định. Xin vui lòng báo nhân viên hỗ trợ.",
    ),
}


@dataclass(frozen=True, slots=True)
class PortalFailure:
    """Why a portal call did not give its result. `message` is for the citizen, `reason` for staff."""

    kind: FailureKind
    http_status: int | None
    reason: str
    retryable: bool
    message: str = ""
    error: str = ""  # the portal's machine code ("invalid_field", …), if it sent one
    retry_after: float | None = None  # seconds the portal asked us to wait (Retry-After), if it did

    def __post_init__(self) -> None:
        if not self.message:
            # frozen: the default message is filled in through object.__setattr__
            object.__setattr__(self, "message", _CITIZEN_MESSAGES[self.kind])


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if absent or
    unreadable (the caller's own backoff applies then)."""
    text = (value or "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(int(text))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000" dates: RFC 5322 says the zone is unknown; HTTP dates are GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _kind_for_status(status: int) -> tuple[FailureKind, bool]:
    if status in (401, 403):
        return FailureKind.UNAUTHORISED, False
    if status == 404:
        return FailureKind.NOT_FOUND, False
    if status == 409:
        return FailureKind.CONFLICT, False
    if status == 413:
        return FailureKind.TOO_LARGE, False
    if status == 408:
        return FailureKind.TIMEOUT, True  # the portal gave up waiting for our request: sending again may work
    if status == 429:
        return FailureKind.SERVER, True  # the portal asks us to slow down: later is fine
    if status >= 500:
        return FailureKind.SERVER, True
    if 400 <= status < 500:
        return FailureKind.REJECTED, False
    return FailureKind.BAD_REPLY, False  # 1xx/3xx (redirects are not followed) or an unexpected 2xx


def _fee_amount(data: object) -> int:
    fee = data.get("fee") if isinstance(data, dict) else None
    if not isinstance(fee, int) or isinstance(fee, bool) or fee < 0:
        raise ValueError("fee")
    return fee


def _records(data: object) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ValueError("records")
    return data


class HttpPortal:
    """The HTTP side every connector shares: one session, timeouts, TLS, and trouble as PortalFailure.

    A connector subclasses it with its own authentication and wire format (`PortalClient` for
    contract v1, `igate.IgateConnector` for the iGate dialect), so both turn exceptions and HTTP
    statuses into the same failure kinds and the same retry rules.
    """

    error_key = "error"  # where an error reply carries its machine code

    def __init__(
        self,
        base_url: str,
        timeout: float = 15.0,
        verify_tls: bool = True,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        # (connect, read): each phase gets the full timeout
        self._timeout = (timeout, timeout)
        self._verify = verify_tls
        self._own_session = session is None
        self._session = session or requests.Session()

    def close(self) -> None:
        """Close the HTTP session if this client made it."""
        if self._own_session:
            self._session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        *,
        params: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> requests.Response | PortalFailure:
        """One HTTP exchange; network, TLS and timeout trouble come back as a PortalFailure."""
        try:
            return self._session.request(
                method,
                url,
                params=params,
                data=body,
                headers=headers,
                timeout=self._timeout,
                verify=self._verify,
                allow_redirects=False,  # a redirected POST could be replayed elsewhere; the contract has none
            )
        except requests.exceptions.SSLError as exc:
            # Retryable: the commonest cause at a kiosk is its own clock (a board with no RTC
            # battery boots in 1970 until NTP answers, and every certificate looks not yet valid),
            # or a captive network in between; both pass, and a resend is safe (idempotency key).
            return PortalFailure(FailureKind.TLS, None, type(exc).__name__, True)
        except requests.exceptions.Timeout as exc:
            return PortalFailure(FailureKind.TIMEOUT, None, type(exc).__name__, True)
        except requests.exceptions.InvalidHeader as exc:
            # the only configured headers are credentials: one with a line break is a bad credential
            return PortalFailure(FailureKind.UNAUTHORISED, None, type(exc).__name__, False)
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
        ) as exc:
            return PortalFailure(
                FailureKind.OFFLINE, None, f"invalid portal URL ({type(exc).__name__})", False
            )
        except requests.exceptions.ConnectionError as exc:
            # a read timeout while the body streams in arrives wrapped as a ConnectionError
            if exc.args and isinstance(exc.args[0], ReadTimeoutError):
                return PortalFailure(FailureKind.TIMEOUT, None, "ReadTimeout", True)
            return PortalFailure(FailureKind.OFFLINE, None, type(exc).__name__, True)
        except (requests.exceptions.RequestException, OSError, ValueError) as exc:
            return PortalFailure(FailureKind.OFFLINE, None, type(exc).__name__, True)

    @staticmethod
    def _json(response: requests.Response) -> Any:
        """The reply's JSON, or raise ValueError."""
        return json.loads(response.content.decode("utf-8"))

    def _failure(self, response: requests.Response, error_key: str | None = None) -> PortalFailure:
        """The failure an HTTP error reply stands for, with the reply's machine code and message."""
        kind, retryable = _kind_for_status(response.status_code)
        reason, error = response.reason or f"HTTP {response.status_code}", ""
        try:
            data = self._json(response)
        except ValueError:
            data = None
        if isinstance(data, dict):
            if isinstance(data.get("message"), str) and data["message"]:
                reason = data["message"]
            key = error_key or self.error_key
            if isinstance(data.get(key), str):
                error = data[key]
        return PortalFailure(
            kind,
            response.status_code,
            reason,
            retryable,
            error=error,
            retry_after=_retry_after(response.headers.get("Retry-After")) if retryable else None,
        )

    def _bad_reply(self, response: requests.Response, what: str) -> PortalFailure:
        log.warning("portal reply to %s does not follow the contract (HTTP %d)", what, response.status_code)
        return PortalFailure(FailureKind.BAD_REPLY, response.status_code, f"malformed reply to {what}", False)

    def _read(
        self, response: requests.Response | PortalFailure, what: str, read: Callable[[Any], T]
    ) -> T | PortalFailure:
        """`read` of a 200 reply's JSON (it raises ValueError if the JSON is not as agreed);
        the failure the call or the reply stands for otherwise."""
        if isinstance(response, PortalFailure):
            return response
        if response.status_code != 200:
            return self._failure(response)
        try:
            return read(self._json(response))
        except ValueError:
            return self._bad_reply(response, what)

    def _bearer(self, renew: bool) -> str | PortalFailure | None:
        """The bearer token to send; with `renew`, a new one after a 401, or None if there is none."""
        raise NotImplementedError

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        token: str | None = None,
    ) -> requests.Response | PortalFailure:
        """One call to `path` under the base URL with the connector's bearer token (or `token`).

        After a 401 the connector is asked once for a new token, and the call is made once more.
        """
        bearer = token if token is not None else self._bearer(renew=False)
        for attempt in (1, 2):
            if isinstance(bearer, PortalFailure):
                return bearer
            all_headers = {
                "Authorization": f"Bearer {bearer}",
                "Accept": "application/json",
                **(headers or {}),
            }
            response = self._send(method, self.base_url + path, all_headers, params=params, body=body)
            if isinstance(response, PortalFailure) or response.status_code != 401 or token is not None:
                return response
            renewed = self._bearer(renew=True) if attempt == 1 else None
            if renewed is None:
                return response
            log.info("portal refused the token (HTTP 401); asking for a new one")
            bearer = renewed
        return response

    def _deliver(
        self,
        dossier: Dossier,
        path: str,
        body: bytes,
        headers: dict[str, str],
        read: Callable[[requests.Response], SubmitReceipt],
    ) -> SubmitReceipt | PortalFailure:
        """POST a dossier's encoded body and read the receipt with `read` (ValueError if malformed)."""
        if len(body) > MAX_BODY_BYTES:
            # refuse here: the portal would answer 413 only after the whole upload
            log.info("dossier %s too large to submit (%d bytes)", dossier.client_id, len(body))
            return PortalFailure(
                FailureKind.TOO_LARGE, None, f"body of {len(body)} bytes exceeds the limit", False
            )
        response = self._request("POST", path, body=body, headers=headers)
        if isinstance(response, PortalFailure):
            log.info("submit of %s failed: %s", dossier.client_id, response.kind.value)
            return response
        if response.status_code not in (200, 201):
            failure = self._failure(response)
            log.info(
                "submit of %s refused: HTTP %d %s", dossier.client_id, response.status_code, failure.error
            )
            return failure
        try:
            receipt = read(response)
        except ValueError:
            return self._bad_reply(response, "submit")
        if receipt.client_id != dossier.client_id:
            return self._bad_reply(response, "submit")
        log.info(
            "dossier %s submitted as %s%s",
            dossier.client_id,
            receipt.dossier_code,
            " (replayed)" if receipt.replayed else "",
        )
        return receipt


class PortalClient(HttpPortal):
    """Talks to one portal of contract v1 with one client token. Thread-safe as far as the session is."""

    def __init__(
        self,
        base_url: str,
        token: str,
        timeout: float = 15.0,
        verify_tls: bool = True,
        session: requests.Session | None = None,
    ) -> None:
        super().__init__(base_url, timeout, verify_tls, session)
        self._token = token

    def _bearer(self, renew: bool) -> str | None:
        return None if renew else self._token  # one fixed token: nothing new to try after a 401

    def _status_call(
        self, path: str, params: dict[str, str] | None, what: str
    ) -> DossierStatus | PortalFailure:
        return self._read(self._request("GET", path, params=params), what, DossierStatus.from_json)

    # -- the contract ---------------------------------------------------------------------

    def submit(self, dossier: Dossier) -> SubmitReceipt | PortalFailure:
        """Send a dossier with its attachments; safe to call again for the same dossier."""
        body, content_type = encode_submission(dossier)
        return self._deliver(
            dossier,
            f"{API_PREFIX}/dossiers",
            body,
            {"Content-Type": content_type, "Idempotency-Key": str(dossier.client_id)},
            lambda response: SubmitReceipt.from_json(self._json(response)),
        )

    def status(self, code: str) -> DossierStatus | PortalFailure:
        """Where the dossier with this code (mã hồ sơ) stands."""
        return self._status_call(f"{API_PREFIX}/dossiers/{quote(code, safe='')}", None, "status")

    def find_by_client_id(self, client_id: uuid.UUID | str) -> DossierStatus | None | PortalFailure:
        """The dossier submitted under this client id, or None if the portal never stored it."""
        result = self._status_call(f"{API_PREFIX}/dossiers", {"client_id": str(client_id)}, "find")
        # only the portal's "no such dossier" means None; a bare 404 (wrong base URL) stays a failure
        if isinstance(result, PortalFailure) and result.error == "dossier_not_found":
            return None
        return result

    def fee(self, procedure_code: str, channel: Channel | str = Channel.DIRECT) -> int | PortalFailure:
        """The state fee (lệ phí) in đồng for a procedure and channel."""
        channel_value = channel.value if isinstance(channel, Channel) else channel
        response = self._request(
            "GET", f"{API_PREFIX}/fees/{quote(procedure_code, safe='')}", params={"channel": channel_value}
        )
        return self._read(response, "fee", _fee_amount)

    def health(self) -> bool | PortalFailure:
        """True if the portal answers and says it is fine."""
        return self._read(
            self._request("GET", "/health"),
            "health",
            lambda data: isinstance(data, dict) and data.get("ok") is True,
        )

    # -- training helpers (admin token) -----------------------------------------------------

    def admin_list(
        self, admin_token: str, procedure_code: str | None = None
    ) -> list[dict[str, Any]] | PortalFailure:
        """Every stored dossier with its personal data: for training tools and tests only."""
        params = {"procedure_code": procedure_code} if procedure_code is not None else None
        response = self._request("GET", f"{API_PREFIX}/admin/dossiers", token=admin_token, params=params)
        return self._read(response, "admin list", _records)

    def admin_set_status(
        self, admin_token: str, code: str, status: PortalStatus | int, note: str = ""
    ) -> DossierStatus | PortalFailure:
        """Move a dossier to another status (what an officer would do), appending to its history."""
        body = json.dumps({"status": int(status), "note": note}, ensure_ascii=False).encode("utf-8")
        response = self._request(
            "POST",
            f"{API_PREFIX}/admin/dossiers/{quote(code, safe='')}/status",
            token=admin_token,
            body=body,
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        return self._read(response, "admin status", DossierStatus.from_json)

    def admin_attachment(self, admin_token: str, code: str, index: int) -> bytes | PortalFailure:
        """The bytes of one stored attachment (0-based, in submit order)."""
        response = self._request(
            "GET",
            f"{API_PREFIX}/admin/dossiers/{quote(code, safe='')}/attachments/{int(index)}",
            token=admin_token,
        )
        if isinstance(response, PortalFailure):
            return response
        if response.status_code != 200:
            return self._failure(response)
        return response.content


__all__ = ["FailureKind", "HttpPortal", "PortalClient", "PortalFailure"]
