"""Payment connectors (egov.payment): the VietQR-only default and a payment gateway over HTTP.

The gateway here is a real HTTP server on a loopback socket, written for these tests, that answers
as told: a payment request, a status, a 5xx, a 429, a 4xx, a reply too slow for the client's
timeout, or something that is not the contract. What a kiosk would notice: the QR pays the right
amount with the dossier in its purpose, "paid" is only ever the gateway's word, a gateway in
trouble is a retryable error with a Vietnamese sentence rather than a hang or a crash, and the
token never comes from the settings file.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from config.secrets import PAYMENT_TOKEN_ENV, load_payment_token
from config.settings import CONFIG_ENV, DATA_DIR_ENV, ConfigError, Settings, load_settings
from egov.banks import load_banks
from egov.catalog import load_catalog
from egov.fees import ReceivingAccount, fees_for
from egov.payment import (
    GatewayClient,
    NoGateway,
    PaymentError,
    PaymentStatus,
    Problem,
    connector_from_settings,
)
from egov.vietqr import parse

CODE = "H01.99-261123-0001"
RESIDENCE = "1.004194"  # 15 000 đ at the desk
BIRTH = "1.001193"  # free
GATEWAY_QR = "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704"


def charges(procedure: str = RESIDENCE):
    account = ReceivingAccount(load_banks().bank("970415"), "112233445566", "UBND PHUONG MAU")
    found = load_catalog().get(procedure)
    assert found is not None
    return fees_for(found, "direct", CODE, agency=account, service_charge=10_000)


@dataclass
class Gateway:
    """What the loopback gateway answers next, and what it was asked."""

    answers: list[tuple[int, Any]] = field(default_factory=list)  # (status, JSON body or raw bytes)
    seen: list[dict[str, Any]] = field(default_factory=list)
    stall: threading.Event = field(default_factory=threading.Event)  # set: a stalled reply may go
    url: str = ""

    def answer(self, status: int, body: Any) -> None:
        self.answers.append((status, body))


def _handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            gateway.seen.append(
                {
                    "method": self.command,
                    "path": self.path,
                    "headers": dict(self.headers),
                    "json": json.loads(body) if body else None,
                }
            )
            status, payload = gateway.answers.pop(0) if gateway.answers else (500, {"error": "no answer"})
            if payload == "stall":
                gateway.stall.wait(timeout=10)
                status, payload = 200, {"status": "paid"}
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the client gave up waiting: that is what the stall was for

        do_GET = _reply  # noqa: N815 - http.server's naming
        do_POST = _reply  # noqa: N815

    return Handler


@contextmanager
def serve_gateway() -> Iterator[Gateway]:
    """The loopback gateway, listening until the block ends."""
    state = Gateway()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/pay"
    try:
        yield state
    finally:
        state.stall.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with serve_gateway() as state:
        yield state


# ---- no gateway: the agency's VietQR ------------------------------------------------------------


def test_without_a_gateway_the_qr_is_the_agency_vietqr_and_never_paid() -> None:
    connector = NoGateway()
    assert not connector.remote
    request = connector.create(CODE, charges().state_fee)
    read = parse(request.qr)
    assert (read.bin, read.account, read.amount) == ("970415", "112233445566", 15_000)
    assert CODE in read.purpose
    assert request.status is PaymentStatus.UNCONFIRMED
    assert connector.status(request.transaction_id) is PaymentStatus.UNCONFIRMED


def test_without_a_gateway_there_is_no_qr_for_what_has_no_account_or_amount() -> None:
    connector = NoGateway()
    for charge in (charges(BIRTH).state_fee, charges().service_charge):
        with pytest.raises(PaymentError) as refused:
            connector.create(CODE, charge)
        assert refused.value.problem is Problem.NOTHING_TO_PAY and not refused.value.retryable
        assert refused.value.message.startswith("Khoản này chưa nộp được bằng chuyển khoản")


# ---- a gateway over HTTP ------------------------------------------------------------------------


def test_a_gateway_request_carries_the_charge_and_is_idempotent_by_reference(gateway: Gateway) -> None:
    client = GatewayClient(gateway.url, token="payment-test-token", timeout=5)
    gateway.answer(201, {"transaction_id": "GD-0001", "payment_url": "https://pay.example.vn/GD-0001"})
    gateway.answer(200, {"transaction_id": "GD-0001", "qr": GATEWAY_QR})
    first = client.create(CODE, charges().state_fee)
    again = client.create(CODE, charges().state_fee)
    assert first.transaction_id == again.transaction_id == "GD-0001"
    assert first.qr == "https://pay.example.vn/GD-0001"  # no QR of its own: the page's address
    assert again.qr == GATEWAY_QR
    asked = gateway.seen[0]
    assert (asked["method"], asked["path"]) == ("POST", "/pay/payments")
    assert asked["json"] == {
        "dossier": CODE,
        "charge": "state_fee",
        "amount": 15_000,
        "reference": f"LE PHI {CODE}",
    }
    assert asked["headers"]["Authorization"] == "Bearer payment-test-token"
    assert gateway.seen[1]["headers"]["Idempotency-Key"] == asked["headers"]["Idempotency-Key"]


def test_paid_is_only_ever_the_gateway_word(gateway: Gateway) -> None:
    client = GatewayClient(gateway.url, timeout=5)
    for word in ("pending", "paid", "failed", "expired"):
        gateway.answer(200, {"status": word})
        assert client.status("GD/0001") is PaymentStatus(word)
    assert gateway.seen[0]["path"] == "/pay/payments/GD%2F0001"
    assert "Authorization" not in gateway.seen[0]["headers"]  # no token configured, none sent
    gateway.answer(404, {"error": "unknown"})
    with pytest.raises(PaymentError) as unknown:
        client.status("GD-9999")
    assert unknown.value.problem is Problem.UNKNOWN_TRANSACTION


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_a_gateway_in_trouble_is_a_retryable_error(gateway: Gateway, status: int) -> None:
    gateway.answer(status, {"error": "busy"})
    with pytest.raises(PaymentError) as trouble:
        GatewayClient(gateway.url, timeout=5).create(CODE, charges().state_fee)
    assert trouble.value.problem is Problem.SERVER and trouble.value.retryable
    assert "thử lại" in trouble.value.message


def test_a_request_the_gateway_refuses_is_not_retried(gateway: Gateway) -> None:
    gateway.answer(400, {"error": "amount"})
    with pytest.raises(PaymentError) as refused:
        GatewayClient(gateway.url, timeout=5).create(CODE, charges().state_fee)
    assert refused.value.problem is Problem.REFUSED and not refused.value.retryable


def test_a_gateway_too_slow_for_the_timeout_is_a_retryable_error(gateway: Gateway) -> None:
    gateway.answer(200, "stall")
    with pytest.raises(PaymentError) as slow:
        GatewayClient(gateway.url, timeout=0.3).status("GD-0001")
    assert slow.value.problem is Problem.TIMEOUT and slow.value.retryable


def test_no_gateway_listening_is_a_retryable_error() -> None:
    import socket

    with socket.socket() as sock:  # a port with nothing behind it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(PaymentError) as down:
        GatewayClient(f"http://127.0.0.1:{port}", timeout=2).create(CODE, charges().state_fee)
    assert down.value.problem is Problem.UNREACHABLE and down.value.retryable


@pytest.mark.parametrize(
    "reply",
    [
        b"<html>proxy error</html>",
        {"payment_url": "https://pay.example.vn/x"},  # no transaction id
        {"transaction_id": "GD 1\n", "qr": GATEWAY_QR},  # not a plain token
        {"transaction_id": "GD-1", "payment_url": "http://pay.example.vn/x"},  # a payer sent over http
        {"transaction_id": "GD-1"},  # nothing to show the payer
        {"transaction_id": "GD-1", "qr": "Lệ phí"},  # not ASCII
    ],
)
def test_a_reply_outside_the_contract_is_refused(gateway: Gateway, reply: Any) -> None:
    gateway.answer(201, reply)
    with pytest.raises(PaymentError) as bad:
        GatewayClient(gateway.url, timeout=5).create(CODE, charges().state_fee)
    assert bad.value.problem is Problem.BAD_REPLY and not bad.value.retryable
    assert "Lệ phí" not in str(bad.value) and "proxy" not in str(bad.value)  # the log never quotes it


def test_an_unknown_status_word_is_refused(gateway: Gateway) -> None:
    gateway.answer(200, {"status": "unconfirmed"})
    with pytest.raises(PaymentError) as bad:
        GatewayClient(gateway.url, timeout=5).status("GD-1")
    assert bad.value.problem is Problem.BAD_REPLY


def test_the_gateway_is_not_asked_for_what_has_no_amount(gateway: Gateway) -> None:
    with pytest.raises(PaymentError):
        GatewayClient(gateway.url, timeout=5).create(CODE, charges(BIRTH).state_fee)
    assert gateway.seen == []


# ---- settings -----------------------------------------------------------------------------------


@pytest.fixture
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    monkeypatch.delenv(PAYMENT_TOKEN_ENV, raising=False)
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))


@pytest.mark.usefixtures("_clean_env")
def test_the_default_is_vietqr_without_a_gateway() -> None:
    assert isinstance(connector_from_settings(load_settings().payment), NoGateway)


def gateway_settings(tmp_path: Path, secrets: str | None, mode: int = 0o600) -> Settings:
    config = tmp_path / "office.toml"
    lines = '[payment]\nkind = "gateway"\nurl = "https://pay.example.vn/api"\ntimeout_seconds = 5.0\n'
    if secrets is not None:
        file = tmp_path / "secrets.toml"
        file.write_text(secrets)
        file.chmod(mode)
        lines += f'[portal]\nsecrets_file = "{file}"\n'
    config.write_text(lines)
    return load_settings(config)


@pytest.mark.usefixtures("_clean_env")
def test_a_gateway_takes_its_token_from_the_environment_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = gateway_settings(tmp_path, 'payment_token = "from-the-file"\n')
    monkeypatch.setenv(PAYMENT_TOKEN_ENV, "from-the-environment")
    connector = connector_from_settings(settings.payment, load_payment_token(settings))
    assert isinstance(connector, GatewayClient) and connector.remote
    assert (connector.url, connector.timeout, connector.token) == (
        "https://pay.example.vn/api",
        5.0,
        "from-the-environment",
    )
    assert "from-the-environment" not in repr(connector)


@pytest.mark.usefixtures("_clean_env")
def test_a_gateway_token_may_come_from_the_private_secrets_file(tmp_path: Path) -> None:
    settings = gateway_settings(tmp_path, 'payment_token = "from-the-file"\n')
    assert load_payment_token(settings) == "from-the-file"
    assert load_payment_token(gateway_settings(tmp_path, None)) == ""  # a gateway on loopback may need none


@pytest.mark.usefixtures("_clean_env")
def test_a_secrets_file_others_can_read_is_refused(tmp_path: Path) -> None:
    settings = gateway_settings(tmp_path, 'payment_token = "from-the-file"\n', mode=0o644)
    with pytest.raises(ConfigError) as refused:
        load_payment_token(settings)
    assert "chmod 600" in str(refused.value) and "from-the-file" not in str(refused.value)


@pytest.mark.usefixtures("_clean_env")
def test_without_a_gateway_no_token_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PAYMENT_TOKEN_ENV, "from-the-environment")
    assert load_payment_token(load_settings()) == ""


@pytest.mark.usefixtures("_clean_env")
@pytest.mark.parametrize(
    "lines, key",
    [
        ('kind = "gateway"\nurl = "http://pay.example.vn"', "[payment] url"),
        ('kind = "gateway"', "[payment] url"),
        ('kind = "paygov"', "[payment] kind"),
        ("timeout_seconds = 0", "[payment] timeout_seconds"),
        ('token = "secret"', "[payment] token"),
    ],
)
def test_a_bad_payment_section_stops_the_kiosk(tmp_path: Path, lines: str, key: str) -> None:
    config = tmp_path / "office.toml"
    config.write_text(f"[payment]\n{lines}\n")
    with pytest.raises(ConfigError) as bad:
        load_settings(config)
    assert bad.value.key == key
