"""The iGate connector against the training portal run in the iGate dialect, over real loopback sockets.

What an office running a provincial one-stop system would notice: a dossier goes in once however
often it is sent, its status reads back right for every one of the ten DVCQG statuses, the token
is fetched once and renewed when it runs out, wrong credentials stop sending until someone fixes
them, and a portal in trouble or talking nonsense is told apart from one that refuses the dossier.
The people in the dossiers are fictional.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote_plus

import pytest
import requests
from test_portal import ADMIN, FEES, make_dossier

from config.secrets import PortalSecrets
from config.settings import load_settings
from egov.dossier import Attachment, Channel, Person
from egov.portal.client import FailureKind, PortalClient, PortalFailure
from egov.portal.connector import PortalConnector, build_connector
from egov.portal.contract import DossierStatus, PortalStatus, SubmitReceipt
from egov.portal.igate import IgateConnector
from egov.portal.igate_contract import SEARCH_PATH, SUBMIT_PATH, TOKEN_PATH, encode_dossier
from egov.portal.server import TrainingPortal
from ui.services import portal_connector

CLIENT_ID, CLIENT_SECRET = "kiosk-h01-99", "bí-mật-đào-tạo"
LIFETIME = 300


class Clock:
    """A clock tests move by hand: the portal's (aware datetime) and the connector's (seconds)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        self.seconds = 1000.0

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        self.seconds += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def portal(tmp_path: Path, clock: Clock) -> Iterator[TrainingPortal]:
    server = TrainingPortal(
        tmp_path / "portal.sqlite3",
        fees=lambda code, channel: FEES.get((code, channel)),
        processing_days=lambda code, channel: 7,
        clock=lambda: clock.now,
        dialect="igate",
        clients={CLIENT_ID: CLIENT_SECRET},
        token_lifetime=LIFETIME,
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def connect(url: str, clock: Clock | None = None, secret: str = CLIENT_SECRET) -> IgateConnector:
    kiosk_clock = Clock() if clock is None else clock
    return IgateConnector(url, CLIENT_ID, secret, timeout=5, clock=lambda: kiosk_clock.seconds)


@pytest.fixture
def igate(portal: TrainingPortal, clock: Clock) -> Iterator[IgateConnector]:
    with connect(portal.url, clock) as connector:
        yield connector


def basic(client_id: str, secret: str) -> dict[str, str]:
    """An HTTP Basic header as RFC 6749 §2.3.1 builds it (requests' auth= cannot: Latin-1 only)."""
    pair = f"{quote_plus(client_id)}:{quote_plus(secret)}".encode()
    return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}


def fresh_token(portal: TrainingPortal) -> str:
    """A token from the portal's token endpoint, asked for by hand."""
    reply = requests.post(
        portal.url + TOKEN_PATH,
        data={"grant_type": "client_credentials"},
        headers=basic(CLIENT_ID, CLIENT_SECRET),
        timeout=5,
    )
    return str(reply.json()["access_token"])


def admin(portal: TrainingPortal) -> PortalClient:
    return PortalClient(portal.url, "training-token", timeout=5)


# ---- submitting -----------------------------------------------------------------------------


def test_a_dossier_reaches_the_store_whole(portal: TrainingPortal, igate: IgateConnector) -> None:
    dossier = make_dossier()
    dossier.authorised = Person("Trần Văn Mẫu", "001099000002", phone="0911111111", relationship="con")
    receipt = igate.submit(dossier)
    assert isinstance(receipt, SubmitReceipt), receipt
    assert receipt.client_id == dossier.client_id
    assert receipt.status is PortalStatus.NEW and not receipt.replayed
    assert receipt.dossier_code.startswith("H01.99-261123-")
    assert receipt.appointment_date is not None
    (record,) = admin(portal).admin_list(ADMIN)
    assert record["dossier_code"] == receipt.dossier_code
    assert record["applicant"]["full_name"] == "Nguyễn Thị Mẫu"
    assert record["authorised"]["relationship"] == "con"
    assert record["channel"] == "online" and record["fee"] == 10000
    assert record["form"] == dossier.form
    for index, attachment in enumerate(dossier.attachments):
        stored = admin(portal).admin_attachment(ADMIN, receipt.dossier_code, index)
        assert hashlib.sha256(stored).hexdigest() == attachment.sha256


def test_sending_again_gives_the_first_reply_not_a_second_dossier(
    portal: TrainingPortal, igate: IgateConnector
) -> None:
    dossier = make_dossier()
    first = igate.submit(dossier)
    again = igate.submit(dossier)
    assert isinstance(first, SubmitReceipt) and isinstance(again, SubmitReceipt)
    assert again.replayed and again.dossier_code == first.dossier_code
    assert portal.stored_count() == 1


def test_the_same_client_id_with_other_content_is_a_conflict(
    portal: TrainingPortal, igate: IgateConnector
) -> None:
    dossier = make_dossier()
    assert isinstance(igate.submit(dossier), SubmitReceipt)
    dossier.form["ly_do"] = "Khác"
    failure = igate.submit(dossier)
    assert isinstance(failure, PortalFailure)
    assert (failure.kind, failure.retryable) == (FailureKind.CONFLICT, False)
    assert portal.stored_count() == 1


def test_a_dossier_the_portal_refuses_is_not_retried_and_not_stored(
    portal: TrainingPortal, igate: IgateConnector
) -> None:
    dossier = make_dossier()
    dossier.applicant.id_number = "12345"  # not a 12-digit ID
    failure = igate.submit(dossier)
    assert isinstance(failure, PortalFailure)
    assert (failure.kind, failure.retryable, failure.error) == (FailureKind.REJECTED, False, "invalid_field")
    assert "DinhDanhCHS" in failure.reason  # named as the client sent it, not in v1's words
    assert portal.stored_count() == 0


def test_a_scan_that_is_not_a_pdf_is_refused(portal: TrainingPortal, igate: IgateConnector) -> None:
    dossier = make_dossier(attachments=0)
    dossier.attachments.append(Attachment("KQ1", "Ảnh", "anh.pdf", b"\xff\xd8\xff\xe0 not a pdf", pages=1))
    failure = igate.submit(dossier)
    assert isinstance(failure, PortalFailure) and failure.error == "attachment_type"
    assert "TaiLieuNop[0]" in failure.reason
    assert portal.stored_count() == 0


# ---- status -----------------------------------------------------------------------------------


def test_every_dvcqg_status_reads_back_as_itself(
    portal: TrainingPortal, igate: IgateConnector, clock: Clock
) -> None:
    dossier = make_dossier()
    receipt = igate.submit(dossier)
    assert isinstance(receipt, SubmitReceipt)
    for status in PortalStatus:
        clock.advance(60)
        moved = admin(portal).admin_set_status(
            ADMIN, receipt.dossier_code, status, note=f"bước {status.value}"
        )
        assert isinstance(moved, DossierStatus)
        seen = igate.status(receipt.dossier_code)
        assert isinstance(seen, DossierStatus), seen
        assert seen.status is status and seen.status_name == status.label
        assert seen.history[-1].note == f"bước {status.value}"
        assert seen.updated_at == clock.now
        assert seen == moved  # the dialect carries everything the v1 contract does
    found = igate.find_by_client_id(dossier.client_id)
    assert found == igate.status(receipt.dossier_code)


def test_unknown_dossiers(igate: IgateConnector) -> None:
    assert igate.find_by_client_id(uuid.uuid4()) is None
    missing = igate.status("H01.99-261123-9999")
    assert isinstance(missing, PortalFailure)
    assert (missing.kind, missing.retryable) == (FailureKind.NOT_FOUND, False)


def test_fees_by_channel(igate: IgateConnector) -> None:
    assert igate.fee("2.000815", Channel.DIRECT) == 2000
    assert igate.fee("1.004222", "online") == 10000
    unknown = igate.fee("1.004222", Channel.POSTAL)
    assert isinstance(unknown, PortalFailure) and unknown.kind is FailureKind.NOT_FOUND


# ---- the token --------------------------------------------------------------------------------


def test_one_token_serves_many_calls(portal: TrainingPortal, igate: IgateConnector) -> None:
    assert igate.health() is True
    for _ in range(3):
        assert isinstance(igate.submit(make_dossier()), SubmitReceipt)
    assert portal.tokens.issued == 1


@pytest.mark.parametrize(
    ("kiosk_seconds", "portal_seconds"),
    [
        (LIFETIME - 10, LIFETIME - 10),  # near its end by the kiosk's clock: renewed before use
        (0, LIFETIME + 1),  # expired at the portal only: the 401 makes the kiosk renew it once
    ],
)
def test_a_token_is_renewed_when_it_runs_out(
    portal: TrainingPortal, igate: IgateConnector, clock: Clock, kiosk_seconds: int, portal_seconds: int
) -> None:
    assert isinstance(igate.submit(make_dossier()), SubmitReceipt)
    clock.seconds += kiosk_seconds
    clock.now += timedelta(seconds=portal_seconds)
    assert isinstance(igate.submit(make_dossier()), SubmitReceipt)
    assert portal.tokens.issued == 2
    assert portal.stored_count() == 2


def test_wrong_credentials_need_an_officer_not_a_retry(portal: TrainingPortal, clock: Clock) -> None:
    with connect(portal.url, clock, secret="sai") as wrong:
        failure = wrong.submit(make_dossier())
        health = wrong.health()
    assert isinstance(failure, PortalFailure)
    assert (failure.kind, failure.retryable, failure.http_status) == (FailureKind.UNAUTHORISED, False, 401)
    assert failure.error == "invalid_client"
    assert isinstance(health, PortalFailure) and health.kind is FailureKind.UNAUTHORISED
    assert portal.stored_count() == 0 and portal.tokens.issued == 0


def test_an_expired_token_is_answered_401_with_the_oauth_challenge(
    portal: TrainingPortal, clock: Clock
) -> None:
    token = fresh_token(portal)
    clock.advance(LIFETIME)
    reply = requests.get(
        portal.url + SEARCH_PATH,
        params={"code": "X"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=5,
    )
    assert reply.status_code == 401
    assert 'error="invalid_token"' in reply.headers["WWW-Authenticate"]
    assert reply.json()["error_code"] == "invalid_token"


@pytest.mark.parametrize(
    ("form", "auth", "error"),
    [
        (
            {"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET},
            None,
            None,
        ),
        ({"grant_type": "password"}, (CLIENT_ID, CLIENT_SECRET), "unsupported_grant_type"),
        (
            {"grant_type": "client_credentials", "client_id": CLIENT_ID},
            (CLIENT_ID, CLIENT_SECRET),
            "invalid_request",
        ),
        ({"grant_type": "client_credentials"}, (CLIENT_ID, "sai"), "invalid_client"),
        ({}, (CLIENT_ID, CLIENT_SECRET), "invalid_request"),
    ],
)
def test_the_token_endpoint_speaks_oauth2(
    portal: TrainingPortal, form: dict[str, str], auth: tuple[str, str] | None, error: str | None
) -> None:
    reply = requests.post(portal.url + TOKEN_PATH, data=form, headers=basic(*auth) if auth else {}, timeout=5)
    body = reply.json()
    if error is None:
        assert reply.status_code == 200
        assert body["token_type"] == "Bearer" and body["expires_in"] == LIFETIME
    else:
        assert reply.status_code in (400, 401)
        assert body["error"] == error
        assert CLIENT_SECRET not in reply.text


# ---- what goes over the wire --------------------------------------------------------------------


def test_the_body_uses_dvcqg_names_and_vietnam_time() -> None:
    dossier = make_dossier(attachments=1)
    dossier.channel = Channel.POSTAL
    dossier.created_at = datetime(2026, 1, 2, 1, 30, 5, tzinfo=UTC)
    dossier.authorised = Person("Trần Văn Mẫu", "001099000002")
    body = encode_dossier(dossier)
    assert body["MaHoSoKhac"] == str(dossier.client_id)
    assert (body["MaTTHC"], body["MaDonVi"], body["KenhThucHien"]) == ("1.004222", "H01.99", "3")
    assert body["NgayNopHoSo"] == "20260102083005"  # 01:30:05 UTC is 08:30:05 in Hà Nội
    assert body["ChuHoSo"] == "Nguyễn Thị Mẫu"
    assert body["DinhDanhCHS"] == [{"LoaiDinhDanh": "1", "SoDinhDanh": "001199000001"}]
    assert (body["UyQuyen"], body["NguoiUyQuyen"], body["SoGiayToNguoiUyQuyen"]) == (
        "1",
        "Trần Văn Mẫu",
        "001099000002",
    )
    assert body["DanhSachLePhi"] == [{"TenPhiLePhi": "Lệ phí", "Gia": "10000"}]
    assert base64.b64decode(body["TaiLieuNop"][0]["NoiDungBase64"]) == dossier.attachments[0].data


def raw_submit(
    portal: TrainingPortal, body: object, headers: dict[str, str] | None = None
) -> requests.Response:
    token = fresh_token(portal)
    return requests.post(
        portal.url + SUBMIT_PATH,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", **(headers or {})},
        timeout=5,
    )


def test_a_body_without_the_client_code_is_refused_by_name(portal: TrainingPortal) -> None:
    body = encode_dossier(make_dossier())
    del body["MaHoSoKhac"]
    reply = raw_submit(portal, body)
    assert reply.status_code == 422
    assert (reply.json()["error_code"], reply.json()["field"]) == ("invalid_field", "MaHoSoKhac")
    assert portal.stored_count() == 0


def test_an_idempotency_key_that_is_not_the_client_code_is_refused(portal: TrainingPortal) -> None:
    reply = raw_submit(portal, encode_dossier(make_dossier()), {"Idempotency-Key": str(uuid.uuid4())})
    assert (reply.status_code, reply.json()["error_code"]) == (422, "idempotency_key_mismatch")
    assert portal.stored_count() == 0


# ---- a portal in trouble or talking nonsense --------------------------------------------------


class Stub:
    """A loopback server that gives a good token and then whatever the test sets per path."""

    def __init__(self) -> None:
        self.replies: dict[str, tuple[int, bytes]] = {}
        self.token_reply: tuple[int, bytes] = (
            200,
            json.dumps({"access_token": "t", "token_type": "bearer", "expires_in": 60}).encode(),
        )
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                path = self.path.split("?")[0]
                status, body = (
                    stub.token_reply if path == TOKEN_PATH else stub.replies.get(path, (404, b"{}"))
                )
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer  # noqa: N815 - BaseHTTPRequestHandler's names

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        serve = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        serve.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub() -> Iterator[Stub]:
    server = Stub()
    yield server
    server.close()


@pytest.mark.parametrize("status", [500, 502, 503, 429, 408])
def test_a_portal_in_trouble_is_retried_later(stub: Stub, status: int) -> None:
    stub.replies[SUBMIT_PATH] = (status, '{"error_code": "internal", "message": "Lỗi hệ thống"}'.encode())
    with connect(stub.url) as igate:
        failure = igate.submit(make_dossier())
    assert isinstance(failure, PortalFailure)
    assert failure.retryable and failure.http_status == status


def test_a_token_service_in_trouble_is_retried_later(stub: Stub) -> None:
    stub.token_reply = (503, b"<html>Service Unavailable</html>")
    with connect(stub.url) as igate:
        failure = igate.submit(make_dossier())
    assert isinstance(failure, PortalFailure)
    assert (failure.kind, failure.retryable) == (FailureKind.SERVER, True)


@pytest.mark.parametrize(
    "body",
    [
        b"<html>Bad gateway</html>",
        b'{"error_code": "0", "MaHoSo": "H01.99-261123-0001"}',
        b'{"error_code": "0", "MaHoSo": "X", "MaHoSoKhac": "%s", "TrangThaiHoSo": "11", '
        b'"NgayTiepNhan": "20261123090000", "NgayHenTra": ""}',
        b'{"error_code": "0", "MaHoSo": "X", "MaHoSoKhac": "%s", "TrangThaiHoSo": "1", '
        b'"NgayTiepNhan": "2026-11-23T09:00:00", "NgayHenTra": ""}',
    ],
)
def test_a_malformed_submit_reply_is_a_bad_reply(stub: Stub, body: bytes) -> None:
    dossier = make_dossier()
    stub.replies[SUBMIT_PATH] = (201, body.replace(b"%s", str(dossier.client_id).encode()))
    with connect(stub.url) as igate:
        failure = igate.submit(dossier)
    assert isinstance(failure, PortalFailure)
    assert (failure.kind, failure.retryable) == (FailureKind.BAD_REPLY, False)


def test_a_reply_for_another_dossier_is_a_bad_reply(stub: Stub) -> None:
    stub.replies[SUBMIT_PATH] = (
        201,
        json.dumps(
            {
                "error_code": "0",
                "message": "Thành công",
                "MaHoSo": "H01.99-261123-0001",
                "MaHoSoKhac": str(uuid.uuid4()),
                "TrangThaiHoSo": "1",
                "NgayTiepNhan": "20261123090000",
                "NgayHenTra": "",
            }
        ).encode(),
    )
    with connect(stub.url) as igate:
        failure = igate.submit(make_dossier())
    assert isinstance(failure, PortalFailure) and failure.kind is FailureKind.BAD_REPLY


@pytest.mark.parametrize(
    "body",
    [b"{}", b'{"access_token": "", "token_type": "Bearer", "expires_in": 60}', b'{"access_token": "t"}'],
)
def test_a_malformed_token_reply_is_a_bad_reply(stub: Stub, body: bytes) -> None:
    stub.token_reply = (200, body)
    with connect(stub.url) as igate:
        failure = igate.health()
    assert isinstance(failure, PortalFailure) and failure.kind is FailureKind.BAD_REPLY


def test_a_search_reply_that_is_not_a_page_is_a_bad_reply(stub: Stub) -> None:
    stub.replies[SEARCH_PATH] = (200, b'{"content": [{"MaHoSo": "H01.99-261123-0001"}]}')
    with connect(stub.url) as igate:
        failure = igate.status("H01.99-261123-0001")
    assert isinstance(failure, PortalFailure) and failure.kind is FailureKind.BAD_REPLY


def test_a_portal_that_is_down_is_offline_and_retried(tmp_path: Path) -> None:
    stub = Stub()
    url = stub.url
    stub.close()
    with connect(url) as igate:
        failure = igate.submit(make_dossier())
    assert isinstance(failure, PortalFailure)
    assert (failure.kind, failure.retryable) == (FailureKind.OFFLINE, True)


# ---- configured per office ----------------------------------------------------------------------


def test_an_office_set_to_igate_gets_the_igate_connector(
    portal: TrainingPortal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'client_id = "{CLIENT_ID}"\nclient_secret = "{CLIENT_SECRET}"\n', encoding="utf-8")
    secrets.chmod(0o600)
    office = tmp_path / "office.toml"
    office.write_text(
        f'[portal]\nkind = "igate"\nurl = "{portal.url}"\nsecrets_file = "{secrets.as_posix()}"\n',
        encoding="utf-8",
    )
    for variable in ("DVC_KIOSK_PORTAL_CLIENT_ID", "DVC_KIOSK_PORTAL_CLIENT_SECRET"):
        monkeypatch.delenv(variable, raising=False)
    connector: PortalConnector = portal_connector(load_settings(office))
    try:
        assert isinstance(connector, IgateConnector)
        receipt = connector.submit(make_dossier())
        assert isinstance(receipt, SubmitReceipt)
        assert isinstance(connector.status(receipt.dossier_code), DossierStatus)
    finally:
        connector.close()


def test_the_training_kind_keeps_the_v1_client(portal: TrainingPortal) -> None:
    settings = load_settings(None)
    connector = build_connector(settings.portal, PortalSecrets(token="training-token"), portal.url)
    assert type(connector) is PortalClient
    assert connector.health() is True
    connector.close()


def test_v1_and_igate_share_one_store(portal: TrainingPortal, igate: IgateConnector) -> None:
    by_igate = igate.submit(make_dossier())
    by_v1 = admin(portal).submit(make_dossier(attachments=1))
    assert isinstance(by_igate, SubmitReceipt) and isinstance(by_v1, SubmitReceipt)
    assert by_v1.dossier_code.endswith("-0002")  # one counter for both dialects
    assert isinstance(igate.status(by_v1.dossier_code), DossierStatus)
