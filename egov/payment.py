"""Payment connectors: how the kiosk asks for a charge to be paid, and whether it was.

Some provinces put a payment gateway in front of their one-stop system (the national public-service
payment platform, "PayGov", or a provincial one): the kiosk asks it for a payment request for one
charge of one dossier and gets back a page address or a QR to pay with, and a transaction id to ask
about later. `PaymentConnector` is what such a gateway must offer; `GatewayClient` speaks a small
JSON contract of this project over HTTP(S):

    POST {url}/payments          Authorization: Bearer TOKEN   Idempotency-Key: REFERENCE
         {"dossier": "H01.99-261123-0001", "charge": "state_fee", "amount": 15000,
          "reference": "LE PHI H01.99-261123-0001"}
      → 200/201 {"transaction_id": "…", "payment_url": "https://…", "qr": "…" (optional)}
    GET  {url}/payments/{transaction_id}
      → 200 {"status": "pending" | "paid" | "failed" | "expired"}

A province's own dialect (PayGov's INIT and status messages, signed with a SHA-256 `MaXacThuc`)
would be one more class of the same protocol. The payment reference is the idempotency key: asking
twice for the same charge of the same dossier must give the same request, not a second bill.

Where there is no gateway, the default, `NoGateway` hands out the charge's VietQR to the agency's
own account (egov.fees). A bank transfer gives no callback, so its status is always UNCONFIRMED:
the agency reconciles its bank statement by the payment reference.

Every failure is a `PaymentError`: `message` is the plain Vietnamese sentence for the screen
(context "Payment"), `retryable` says whether asking again later may work (no connection, a
timeout, 429, a 5xx), and str() is an English detail for the log that never quotes the gateway's
reply. `GatewayClient` does network I/O: call it from a worker, never from the GUI thread.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

import requests

from egov.fees import Charge
from egov.text import QT_TRANSLATE_NOOP

# What a transaction id and a QR from the gateway may be: printable ASCII, of sane length, since
# they go into a URL path, the store (64 characters) and a QR code.
_TRANSACTION_ID = re.compile(r"[!-~]{1,64}", re.ASCII)
_QR_TEXT = re.compile(r"[ -~]{1,512}", re.ASCII)
_RETRY_STATUSES = frozenset({408, 425, 429})


class PaymentStatus(enum.StrEnum):
    """Where a payment request stands, as its connector knows it."""

    PENDING = "pending"  # asked for, not paid yet
    PAID = "paid"
    FAILED = "failed"
    EXPIRED = "expired"  # the request ran out; a new one is needed
    UNCONFIRMED = "unconfirmed"  # a transfer nobody can see arrive (VietQR without a gateway)


class Problem(enum.Enum):
    NOTHING_TO_PAY = "nothing_to_pay"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    SERVER = "server"
    REFUSED = "refused"
    BAD_REPLY = "bad_reply"
    UNKNOWN_TRANSACTION = "unknown_transaction"


_MESSAGES: dict[Problem, str] = {
    Problem.NOTHING_TO_PAY: QT_TRANSLATE_NOOP(
        "Payment", "Khoản này chưa nộp được bằng chuyển khoản. Hãy nộp tại quầy khi nhận kết quả."
    ),
    Problem.UNREACHABLE: QT_TRANSLATE_NOOP(
        "Payment", "Chưa kết nối được cổng thanh toán. Hãy thử lại sau ít phút, hoặc nộp tại quầy."
    ),
    Problem.TIMEOUT: QT_TRANSLATE_NOOP(
        "Payment", "Cổng thanh toán trả lời quá chậm. Hãy thử lại sau ít phút, hoặc nộp tại quầy."
    ),
    Problem.SERVER: QT_TRANSLATE_NOOP(
        "Payment", "Cổng thanh toán đang gặp sự cố. Hãy thử lại sau ít phút, hoặc nộp tại quầy."
    ),
    Problem.REFUSED: QT_TRANSLATE_NOOP(
        "Payment", "Cổng thanh toán không nhận yêu cầu này. Hãy báo cán bộ, hoặc nộp tại quầy."
    ),
    Problem.BAD_REPLY: QT_TRANSLATE_NOOP(
        "Payment", "Cổng thanh toán trả lời không đúng quy định. Hãy báo cán bộ, hoặc nộp tại quầy."
    ),
    Problem.UNKNOWN_TRANSACTION: QT_TRANSLATE_NOOP(
        "Payment", "Cổng thanh toán không tìm thấy giao dịch này. Hãy tạo lại mã thanh toán."
    ),
}


class PaymentError(Exception):
    """A payment request that could not be made or asked about. `message`: the Vietnamese
    sentence (context "Payment"); `retryable`: asking again later may work."""

    def __init__(self, problem: Problem, detail: str, *, retryable: bool = False) -> None:
        super().__init__(f"payment {problem.value}: {detail}")
        self.problem = problem
        self.retryable = retryable

    @property
    def message(self) -> str:
        return _MESSAGES[self.problem]


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    """What to show the payer: `qr`, the text of the QR to scan (a VietQR, or the gateway's page
    address), and the id to ask about the payment later."""

    transaction_id: str
    qr: str
    payment_url: str = ""
    status: PaymentStatus = PaymentStatus.PENDING


class PaymentConnector(Protocol):
    """What the fee page needs of a way to pay. `remote`: calls go over the network, so only from
    a worker thread."""

    remote: bool

    def create(self, dossier_reference: str, charge: Charge) -> PaymentRequest:
        """A payment request for `charge` of the dossier `dossier_reference` (its code, or the
        local reference while the portal has not given one); asking again gives the same one."""
        ...

    def status(self, transaction_id: str) -> PaymentStatus:
        """Where the request `transaction_id` stands now."""
        ...


class NoGateway:
    """The default: the charge's VietQR to the agency's own account, and no way to know whether
    the money arrived. The transaction id is the payment reference, what a bank statement shows."""

    remote = False

    def create(self, dossier_reference: str, charge: Charge) -> PaymentRequest:
        qr = charge.vietqr()
        if qr is None:
            raise PaymentError(Problem.NOTHING_TO_PAY, f"{charge.kind.value} has no VietQR")
        return PaymentRequest(charge.reference, qr.payload(), status=PaymentStatus.UNCONFIRMED)

    def status(self, transaction_id: str) -> PaymentStatus:
        return PaymentStatus.UNCONFIRMED


@dataclass
class GatewayClient:
    """A payment gateway over HTTP(S) with the contract in the module's docstring. `timeout` (s)
    bounds the connection and each read; `token`, when given, is sent as a bearer token."""

    url: str
    token: str = field(default="", repr=False)
    timeout: float = 10.0
    verify_tls: bool = True
    session: requests.Session = field(default_factory=requests.Session, repr=False)
    remote: bool = field(default=True, init=False)

    def create(self, dossier_reference: str, charge: Charge) -> PaymentRequest:
        if charge.amount <= 0 or charge.indicative:
            raise PaymentError(Problem.NOTHING_TO_PAY, f"{charge.kind.value} has no amount to ask for")
        body = {
            "dossier": dossier_reference,
            "charge": charge.kind.value,
            "amount": charge.amount,
            "reference": charge.reference,
        }
        reply = self._call("POST", "/payments", json=body, headers={"Idempotency-Key": charge.reference})
        if reply.status_code not in (200, 201):
            raise self._unexpected(reply)
        data = self._json(reply)
        transaction_id, url, qr = data.get("transaction_id"), data.get("payment_url", ""), data.get("qr", "")
        if not isinstance(transaction_id, str) or not _TRANSACTION_ID.fullmatch(transaction_id):
            raise PaymentError(Problem.BAD_REPLY, "transaction_id missing or not a short ASCII text")
        if not isinstance(url, str) or (url and not _safe_address(url)):
            raise PaymentError(Problem.BAD_REPLY, "payment_url is not an https:// address")
        if not isinstance(qr, str) or (qr and not _QR_TEXT.fullmatch(qr)):
            raise PaymentError(Problem.BAD_REPLY, "qr is not printable ASCII of at most 512 characters")
        if not (qr or url):
            raise PaymentError(Problem.BAD_REPLY, "neither qr nor payment_url")
        return PaymentRequest(transaction_id, qr or url, url)

    def status(self, transaction_id: str) -> PaymentStatus:
        if not _TRANSACTION_ID.fullmatch(transaction_id):
            raise PaymentError(Problem.UNKNOWN_TRANSACTION, "transaction id is not a short ASCII text")
        reply = self._call("GET", f"/payments/{quote(transaction_id, safe='')}")
        if reply.status_code == 404:
            raise PaymentError(Problem.UNKNOWN_TRANSACTION, "the gateway does not know the transaction")
        if reply.status_code != 200:
            raise self._unexpected(reply)
        status = self._json(reply).get("status")
        known = {s.value: s for s in PaymentStatus if s is not PaymentStatus.UNCONFIRMED}
        if status not in known:
            raise PaymentError(Problem.BAD_REPLY, "status is not pending, paid, failed or expired")
        return known[status]

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Accept": "application/json", **kwargs.pop("headers", {})}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            return self.session.request(
                method,
                self.url.rstrip("/") + path,
                headers=headers,
                timeout=self.timeout,
                verify=self.verify_tls,
                allow_redirects=False,
                **kwargs,
            )
        except requests.Timeout:
            raise PaymentError(
                Problem.TIMEOUT, f"{method} {path}: no reply in time", retryable=True
            ) from None
        except requests.RequestException as exc:
            # The exception's text can carry the URL with its query; the class name is enough.
            raise PaymentError(
                Problem.UNREACHABLE, f"{method} {path}: {exc.__class__.__name__}", retryable=True
            ) from None

    @staticmethod
    def _unexpected(reply: requests.Response) -> PaymentError:
        code = reply.status_code
        if code >= 500 or code in _RETRY_STATUSES:
            return PaymentError(Problem.SERVER, f"HTTP {code}", retryable=True)
        return PaymentError(Problem.REFUSED, f"HTTP {code}")

    @staticmethod
    def _json(reply: requests.Response) -> dict[str, Any]:
        try:
            data = reply.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise PaymentError(Problem.BAD_REPLY, f"HTTP {reply.status_code} without a JSON object")
        return data


def _safe_address(url: str) -> bool:
    # A payer is sent to this address: https only, plain http only to this machine (tests).
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https":
        return bool(host)
    return parts.scheme == "http" and (host in ("localhost", "::1") or host.startswith("127."))


class PaymentSettings(Protocol):
    """The shape of config.settings.PaymentSettings, so that the domain needs no import of config."""

    kind: str
    url: str
    timeout_seconds: float
    verify_tls: bool


def connector_from_settings(section: PaymentSettings, token: str = "") -> PaymentConnector:
    """The connector `[payment]` names: `NoGateway` for kind = "vietqr"; for "gateway", a
    `GatewayClient` presenting `token` (from config.secrets.load_payment_token: the environment or
    the private secrets file, never the settings file, the catalogue or the screen)."""
    if section.kind == "vietqr":
        return NoGateway()
    if section.kind != "gateway":
        raise ValueError(f"[payment] kind: unknown {section.kind!r}")
    return GatewayClient(
        url=section.url,
        token=token,
        timeout=section.timeout_seconds,
        verify_tls=section.verify_tls,
    )
