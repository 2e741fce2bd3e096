"""Tests of the portal contract: the training portal and the client, over real loopback sockets.

Everything here goes through HTTP on 127.0.0.1, as the kiosk does, so the tests cover the wire
format (multipart, headers, status codes) and not only the Python functions behind it. The people
in the dossiers are fictional.
"""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from egov.dossier import Attachment, Channel, Dossier, Person
from egov.portal import client as client_module
from egov.portal.client import FailureKind, PortalClient, PortalFailure
from egov.portal.contract import (
    ERRORS,
    ContractError,
    DossierStatus,
    PortalStatus,
    SubmitReceipt,
    add_working_days,
    encode_multipart,
    encode_submission,
    submission_parts,
)
from egov.portal.server import TrainingPortal

TOKEN = "training-token"
ADMIN = "training-admin"
VN = timezone(timedelta(hours=7))
CODE_RE = re.compile(r"H01\.99-(\d{6})-(\d{4})")

FEES = {("2.000815", "direct"): 2000, ("1.004222", "online"): 10000, ("1.001193", "direct"): 0}
DAYS = {"1.004222": 7}


def pdf(seed: int, size: int = 300) -> bytes:
    """Small deterministic bytes that look like a PDF; CR, LF and NUL included on purpose."""
    body = bytes((seed * 31 + i * 7) % 256 for i in range(size))
    return b"%PDF-1.4\n" + body + b"\r\n\r%%EOF"


def make_dossier(procedure: str = "1.004222", office: str = "H01.99", attachments: int = 2) -> Dossier:
    return Dossier(
        procedure_code=procedure,
        procedure_name="Đăng ký thường trú",
        applicant=Person(full_name="Nguyễn Thị Mẫu", id_number="001199000001", phone="0900000000"),
        office_code=office,
        channel=Channel.ONLINE,
        form={"ho_ten": "Nguyễn Thị Mẫu", "ly_do": "Chuyển đến ở cùng gia đình"},
        attachments=[
            Attachment(f"KQ00{i}", f"Giấy tờ số {i + 1}", f"giấy tờ {i + 1}.pdf", pdf(i), pages=1)
            for i in range(attachments)
        ],
        fee=10000,
    )


@contextmanager
def running(portal: TrainingPortal) -> Iterator[str]:
    url = portal.start()
    try:
        yield url
    finally:
        portal.stop()


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[TrainingPortal]:
    training = TrainingPortal(
        tmp_path / "portal.sqlite3",
        fees=lambda code, channel: FEES.get((code, channel)),
        processing_days=lambda code, channel: DAYS.get(code),
    )
    training.start()
    yield training
    training.stop()


@pytest.fixture
def client(portal: TrainingPortal) -> Iterator[PortalClient]:
    with PortalClient(portal.url, TOKEN, timeout=5.0) as portal_client:
        yield portal_client


def post_raw(
    url: str,
    body: bytes,
    content_type: str,
    key: str | None,
    token: str = TOKEN,
) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": content_type}
    if key is not None:
        headers["Idempotency-Key"] = key
    return requests.post(f"{url}/api/v1/dossiers", data=body, headers=headers, timeout=10)


def encode_with(dossier_json: dict, attachments: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    return encode_multipart(submission_parts(json.dumps(dossier_json).encode(), attachments))


# ---- submitting ---------------------------------------------------------------------------------


def test_submit_two_attachments(portal: TrainingPortal, client: PortalClient) -> None:
    dossier = make_dossier()
    receipt = client.submit(dossier)
    assert isinstance(receipt, SubmitReceipt), receipt
    match = CODE_RE.fullmatch(receipt.dossier_code)
    assert match is not None
    assert match.group(1) == receipt.received_at.strftime("%y%m%d")
    assert match.group(2) == "0001"
    assert receipt.status is PortalStatus.NEW and receipt.status_name == "Mới đăng ký"
    assert receipt.client_id == dossier.client_id and not receipt.replayed
    assert receipt.appointment_date == add_working_days(receipt.received_at.date(), 7)
    assert portal.stored_count() == 1
    # the attachments arrive byte for byte, in order
    for index, attachment in enumerate(dossier.attachments):
        assert client.admin_attachment(ADMIN, receipt.dossier_code, index) == attachment.data
    missing = client.admin_attachment(ADMIN, receipt.dossier_code, 2)
    assert isinstance(missing, PortalFailure) and missing.kind is FailureKind.NOT_FOUND
    # the admin record is the submitted JSON plus code and status
    records = client.admin_list(ADMIN)
    assert isinstance(records, list) and len(records) == 1
    record = records[0]
    assert {k: record[k] for k in dossier.to_json()} == dossier.to_json()
    assert record["dossier_code"] == receipt.dossier_code and record["status"] == 1


def test_codes_count_per_office_and_day(portal: TrainingPortal, client: PortalClient) -> None:
    first = client.submit(make_dossier())
    second = client.submit(make_dossier(attachments=0))
    other_office = client.submit(make_dossier(office="H56.14"))
    assert isinstance(first, SubmitReceipt) and isinstance(second, SubmitReceipt)
    assert isinstance(other_office, SubmitReceipt)
    assert first.dossier_code.endswith("-0001") and second.dossier_code.endswith("-0002")
    assert other_office.dossier_code.startswith("H56.14-") and other_office.dossier_code.endswith("-0001")
    assert portal.stored_count() == 3


def test_counter_resets_daily_and_survives_restart(tmp_path: Path) -> None:
    now = [datetime(2025, 2, 28, 16, 30, tzinfo=VN)]  # a Friday
    db = tmp_path / "portal.sqlite3"
    training = TrainingPortal(db, processing_days=lambda code, channel: 3, clock=lambda: now[0])
    with running(training) as url, PortalClient(url, TOKEN) as portal_client:
        receipt = portal_client.submit(make_dossier())
        assert isinstance(receipt, SubmitReceipt)
        assert receipt.dossier_code == "H01.99-250228-0001"
        assert receipt.appointment_date == date(2025, 3, 5)  # Mon 3, Tue 4, Wed 5
    now[0] = datetime(2025, 2, 28, 17, 0, tzinfo=VN)
    with running(TrainingPortal(db, clock=lambda: now[0])) as url, PortalClient(url, TOKEN) as portal_client:
        later = portal_client.submit(make_dossier())
        assert isinstance(later, SubmitReceipt) and later.dossier_code == "H01.99-250228-0002"
        assert later.appointment_date is None  # no processing_days given
        now[0] = datetime(2025, 3, 1, 8, 0, tzinfo=VN)
        next_day = portal_client.submit(make_dossier())
        assert isinstance(next_day, SubmitReceipt) and next_day.dossier_code == "H01.99-250301-0001"
        assert isinstance(portal_client.status("H01.99-250228-0001"), DossierStatus)


def test_resend_replays_the_first_reply(portal: TrainingPortal, client: PortalClient) -> None:
    dossier = make_dossier()
    first = client.submit(dossier)
    again = client.submit(dossier)
    assert isinstance(first, SubmitReceipt) and isinstance(again, SubmitReceipt)
    assert again.replayed and not first.replayed
    assert (again.dossier_code, again.received_at) == (first.dossier_code, first.received_at)
    assert portal.stored_count() == 1
    # the raw replay is the same JSON plus "replayed", with status 200
    body, content_type = encode_submission(dossier)
    reply = post_raw(portal.url, body, content_type, str(dossier.client_id))
    assert reply.status_code == 200
    assert reply.json() == {**json.loads(json.dumps(first_reply_json(first))), "replayed": True}


def first_reply_json(receipt: SubmitReceipt) -> dict:
    return {
        "dossier_code": receipt.dossier_code,
        "client_id": str(receipt.client_id),
        "status": 1,
        "status_name": "Mới đăng ký",
        "received_at": receipt.received_at.isoformat(),
        "appointment_date": receipt.appointment_date.isoformat() if receipt.appointment_date else None,
    }


def test_same_key_other_content_is_a_conflict(portal: TrainingPortal, client: PortalClient) -> None:
    dossier = make_dossier()
    assert isinstance(client.submit(dossier), SubmitReceipt)
    dossier.form["ly_do"] = "Nội dung khác"
    failure = client.submit(dossier)
    assert isinstance(failure, PortalFailure)
    assert failure.kind is FailureKind.CONFLICT and failure.http_status == 409 and not failure.retryable
    assert failure.error == "idempotency_conflict"
    dossier.form["ly_do"] = "Chuyển đến ở cùng gia đình"
    dossier.attachments[1].data = pdf(9)  # other bytes, same key: also a conflict
    changed = client.submit(dossier)
    assert isinstance(changed, PortalFailure) and changed.kind is FailureKind.CONFLICT
    assert portal.stored_count() == 1


def test_tokens(portal: TrainingPortal) -> None:
    with PortalClient(portal.url, "wrong-token") as wrong:
        failure = wrong.submit(make_dossier())
        assert isinstance(failure, PortalFailure)
        assert failure.kind is FailureKind.UNAUTHORISED and failure.http_status == 401
        assert not failure.retryable and failure.reason == ERRORS["unauthorised"][1]
        assert wrong.health() is True  # /health needs no token
    no_header = requests.get(f"{portal.url}/api/v1/dossiers/H01.99-250301-0001", timeout=5)
    assert no_header.status_code == 401
    assert set(no_header.json()) == {"error", "message", "message_en"}
    # the client token is not an admin token, nor the other way round
    with PortalClient(portal.url, TOKEN) as portal_client:
        admin_failure = portal_client.admin_list(TOKEN)
        assert isinstance(admin_failure, PortalFailure) and admin_failure.kind is FailureKind.UNAUTHORISED
    with PortalClient(portal.url, ADMIN) as admin_as_client:
        assert isinstance(admin_as_client.status("H01.99-250301-0001"), PortalFailure)
    assert portal.stored_count() == 0


def test_several_client_tokens(tmp_path: Path) -> None:
    training = TrainingPortal(tmp_path / "p.sqlite3", tokens=["kiosk-a", "kiosk-b"], admin_token="boss")
    with running(training) as url:
        for token in ("kiosk-a", "kiosk-b"):
            with PortalClient(url, token) as portal_client:
                assert isinstance(portal_client.submit(make_dossier()), SubmitReceipt)
        with PortalClient(url, "training-token") as portal_client:
            assert isinstance(portal_client.submit(make_dossier()), PortalFailure)
            assert isinstance(portal_client.admin_list("boss"), list)
    assert training.stored_count() == 2


def test_attachment_checks_store_nothing(portal: TrainingPortal) -> None:
    dossier = make_dossier()
    key = str(dossier.client_id)
    files = [(a.filename, a.data) for a in dossier.attachments]

    bad_hash = dossier.to_json()
    bad_hash["attachments"][1]["sha256"] = "0" * 64
    reply = post_raw(portal.url, *encode_with(bad_hash, files), key)
    assert reply.status_code == 422 and reply.json()["error"] == "attachment_mismatch"
    assert reply.json()["field"] == "attachments[1]"

    bad_size = dossier.to_json()
    bad_size["attachments"][0]["size"] += 1
    reply = post_raw(portal.url, *encode_with(bad_size, files), key)
    assert reply.status_code == 422 and reply.json()["error"] == "attachment_mismatch"

    reply = post_raw(portal.url, *encode_with(dossier.to_json(), files[:1]), key)
    assert reply.status_code == 422 and reply.json()["error"] == "attachment_count"

    not_pdf = make_dossier(attachments=0)
    not_pdf.attachments.append(Attachment("X", "Ảnh", "anh.pdf", b"\x89PNG\r\n", pages=1))
    reply = post_raw(portal.url, *encode_submission(not_pdf), str(not_pdf.client_id))
    assert reply.status_code == 422 and reply.json()["error"] == "attachment_type"

    wrong_part_type = encode_multipart(
        [("dossier", None, "application/json", json.dumps(dossier.to_json()).encode())]
        + [("attachment", name, "image/jpeg", data) for name, data in files]
    )
    assert post_raw(portal.url, *wrong_part_type, key).status_code == 422
    assert portal.stored_count() == 0


def test_request_checks(portal: TrainingPortal, client: PortalClient) -> None:
    dossier = make_dossier()
    body, content_type = encode_submission(dossier)
    key = str(dossier.client_id)
    cases: list[tuple[requests.Response, int, str]] = [
        (post_raw(portal.url, body, content_type, None), 400, "idempotency_key_missing"),
        (post_raw(portal.url, body, content_type, str(uuid.uuid4())), 422, "idempotency_key_mismatch"),
        (post_raw(portal.url, body, "application/json", key), 415, "unsupported_media_type"),
        (post_raw(portal.url, body, "multipart/form-data", key), 400, "bad_multipart"),
        (post_raw(portal.url, b"", content_type, key), 400, "bad_multipart"),
        (requests.delete(f"{portal.url}/api/v1/dossiers", timeout=5), 405, "method_not_allowed"),
        (requests.request("BREW", f"{portal.url}/health", timeout=5), 405, "method_not_allowed"),
        (requests.get(f"{portal.url}/api/v2/dossiers", timeout=5), 404, "not_found"),
    ]
    for response, status, error in cases:
        assert (response.status_code, response.json()["error"]) == (status, error)
    for field, value in [
        ("procedure_code", "1.00419"),
        ("procedure_code", "١.004222"),  # Arabic-Indic digit: \d would have let it through
        ("office_code", "h01 99"),
        ("channel", "fax"),
        ("fee", -1),
        ("client_id", key.upper()),
    ]:
        data = dossier.to_json()
        data[field] = value
        reply = post_raw(
            portal.url, *encode_with(data, [(a.filename, a.data) for a in dossier.attachments]), key
        )
        assert reply.status_code == 422, field
    files = [(a.filename, a.data) for a in dossier.attachments]
    lone_surrogate = json.dumps(dossier.to_json()).replace('"agent": ""', '"agent": "\\ud800"')
    assert "ud800" in lone_surrogate
    deep = json.dumps({**dossier.to_json(), "extra": [[[[[[[[]]]]]]]]}).replace("[[[[", "[" * 5000)
    deep = deep.replace("]]]]", "]" * 5000)
    for text in (lone_surrogate, deep, json.dumps(dossier.to_json()).replace("10000", "NaN")):
        parts = [("dossier", None, "application/json", text.encode())]
        parts += [("attachment", name, "application/pdf", blob) for name, blob in files]
        reply = post_raw(portal.url, *encode_multipart(parts), key)
        assert (reply.status_code, reply.json()["error"]) == (400, "bad_json")
    data = dossier.to_json()
    data["applicant"]["id_number"] = "12345678901"
    reply = post_raw(portal.url, *encode_with(data, [(a.filename, a.data) for a in dossier.attachments]), key)
    assert reply.json()["field"] == "applicant.id_number"
    assert "12345678901" not in reply.text  # the reply names the field, never echoes the value
    assert portal.stored_count() == 0
    assert isinstance(client.submit(dossier), SubmitReceipt)  # the connection pool survived all that


def test_chunked_and_too_large(tmp_path: Path) -> None:
    training = TrainingPortal(tmp_path / "p.sqlite3", max_body_bytes=64 * 1024)
    with running(training) as url:
        host, port = url.removeprefix("http://").split(":")
        # A chunked upload (RFC 9112 §7.1) is read like any other body: a dossier in two chunks
        # is stored; a chunk size that is not hex is a bad request, and nothing is stored.
        chunked = make_dossier()
        body, content_type = encode_submission(chunked)
        head = (
            "POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer training-token\r\n"
            f"Content-Type: {content_type}\r\nIdempotency-Key: {chunked.client_id}\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        ).encode()
        half = len(body) // 2
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:half], body[half:]))
        for payload, status in ((chunks + b"0\r\n\r\n", b"201"), (b"zz\r\nhello\r\n0\r\n\r\n", b"400")):
            with socket.create_connection((host, int(port)), timeout=5) as sock:
                sock.sendall(head + payload)
                assert sock.recv(4096).startswith(b"HTTP/1.1 " + status + b" ")
        big = make_dossier(attachments=0)
        big.attachments.append(
            Attachment("X", "Lớn", "lon.pdf", b"%PDF-1.4\n" + bytes(3 * 1024 * 1024), pages=9)
        )
        reply = post_raw(url, *encode_submission(big), str(big.client_id))
        assert reply.status_code == 413 and reply.json()["error"] == "too_large"
        with PortalClient(url, TOKEN) as portal_client:
            assert isinstance(portal_client.submit(make_dossier()), SubmitReceipt)
    assert training.stored_count() == 2  # the chunked one and the last one


def test_client_refuses_oversized_dossier_before_sending(
    client: PortalClient, portal: TrainingPortal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_module, "MAX_BODY_BYTES", 200)
    failure = client.submit(make_dossier())
    assert isinstance(failure, PortalFailure)
    assert failure.kind is FailureKind.TOO_LARGE and failure.http_status is None and not failure.retryable
    assert portal.stored_count() == 0


def test_concurrent_submits_get_distinct_codes(portal: TrainingPortal) -> None:
    barrier = threading.Barrier(8)
    results: list[SubmitReceipt | PortalFailure] = []
    lock = threading.Lock()

    def submit() -> None:
        with PortalClient(portal.url, TOKEN, timeout=20.0) as own_client:
            dossier = make_dossier()
            barrier.wait()
            result = own_client.submit(dossier)
        with lock:
            results.append(result)

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert all(isinstance(r, SubmitReceipt) for r in results), results
    codes = sorted(r.dossier_code for r in results if isinstance(r, SubmitReceipt))
    assert len(set(codes)) == 8
    assert [c[-4:] for c in codes] == [f"{n:04d}" for n in range(1, 9)]
    assert portal.stored_count() == 8


# ---- status, lookup, fees, admin -----------------------------------------------------------------


def test_status_moves_with_history(portal: TrainingPortal, client: PortalClient) -> None:
    receipt = client.submit(make_dossier())
    assert isinstance(receipt, SubmitReceipt)
    status = client.status(receipt.dossier_code)
    assert isinstance(status, DossierStatus)
    assert status.status is PortalStatus.NEW and [h.status for h in status.history] == [PortalStatus.NEW]
    raw = requests.get(
        f"{portal.url}/api/v1/dossiers/{receipt.dossier_code}",
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=5,
    ).json()
    assert "applicant" not in raw and "form" not in raw and "Mẫu" not in json.dumps(raw, ensure_ascii=False)

    moved = client.admin_set_status(
        ADMIN, receipt.dossier_code, PortalStatus.ACCEPTED, "Đã kiểm tra đủ giấy tờ"
    )
    assert isinstance(moved, DossierStatus) and moved.status is PortalStatus.ACCEPTED
    moved = client.admin_set_status(ADMIN, receipt.dossier_code, 4)
    assert isinstance(moved, DossierStatus)
    status = client.status(receipt.dossier_code)
    assert isinstance(status, DossierStatus)
    assert status.status is PortalStatus.PROCESSING and status.status_name == "Đang xử lý"
    assert [h.status for h in status.history] == [1, 2, 4]
    assert status.history[1].note == "Đã kiểm tra đủ giấy tờ"
    assert status.updated_at >= status.received_at

    for bad in (0, 11, True, "2"):
        reply = requests.post(
            f"{portal.url}/api/v1/admin/dossiers/{receipt.dossier_code}/status",
            json={"status": bad},
            headers={"Authorization": f"Bearer {ADMIN}"},
            timeout=5,
        )
        assert reply.status_code == 422, bad
    unknown = client.admin_set_status(ADMIN, "H01.99-990101-0001", 2)
    assert isinstance(unknown, PortalFailure) and unknown.kind is FailureKind.NOT_FOUND
    missing = client.status("H01.99-990101-0001")
    assert isinstance(missing, PortalFailure) and missing.kind is FailureKind.NOT_FOUND
    assert [r["status"] for r in client.admin_list(ADMIN)] == [4]  # type: ignore[index]


def test_find_by_client_id(client: PortalClient) -> None:
    dossier = make_dossier()
    receipt = client.submit(dossier)
    assert isinstance(receipt, SubmitReceipt)
    found = client.find_by_client_id(dossier.client_id)
    assert isinstance(found, DossierStatus) and found.dossier_code == receipt.dossier_code
    assert found.procedure_code == "1.004222" and found.client_id == dossier.client_id
    assert client.find_by_client_id(uuid.uuid4()) is None
    bad = client.find_by_client_id("not-a-uuid")
    assert isinstance(bad, PortalFailure) and bad.kind is FailureKind.REJECTED


def test_fees_and_admin_filter(client: PortalClient) -> None:
    assert client.fee("2.000815", Channel.DIRECT) == 2000
    assert client.fee("1.004222", "online") == 10000
    assert client.fee("1.001193") == 0
    unknown = client.fee("1.004222", Channel.POSTAL)
    assert isinstance(unknown, PortalFailure) and unknown.kind is FailureKind.NOT_FOUND
    bad_channel = client.fee("2.000815", "fax")
    assert isinstance(bad_channel, PortalFailure) and bad_channel.kind is FailureKind.REJECTED
    assert isinstance(client.submit(make_dossier("2.000815")), SubmitReceipt)
    assert isinstance(client.submit(make_dossier("1.004222")), SubmitReceipt)
    only = client.admin_list(ADMIN, "2.000815")
    assert isinstance(only, list) and [r["procedure_code"] for r in only] == ["2.000815"]


def test_fees_default_to_unknown(tmp_path: Path) -> None:
    with running(TrainingPortal(tmp_path / "p.sqlite3")) as url, PortalClient(url, TOKEN) as portal_client:
        failure = portal_client.fee("2.000815")
        assert isinstance(failure, PortalFailure) and failure.error == "fee_not_found"


def test_openapi_lists_every_path(portal: TrainingPortal) -> None:
    document = requests.get(f"{portal.url}/openapi.json", timeout=5).json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {
        "/health",
        "/openapi.json",
        "/api/v1/dossiers",
        "/api/v1/dossiers/{code}",
        "/api/v1/fees/{procedure_code}",
        "/api/v1/admin/dossiers",
        "/api/v1/admin/dossiers/{code}/status",
        "/api/v1/admin/dossiers/{code}/attachments/{index}",
    }
    schemas = document["components"]["schemas"]
    refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(document))
    assert refs and all(ref in schemas for ref in refs)
    assert set(schemas["Error"]["properties"]["error"]["enum"]) == set(ERRORS)


# ---- client failure mapping ----------------------------------------------------------------------


def test_stopped_portal_is_offline(tmp_path: Path) -> None:
    training = TrainingPortal(tmp_path / "p.sqlite3")
    url = training.start()
    training.stop()
    with PortalClient(url, TOKEN, timeout=2.0) as portal_client:
        failure = portal_client.submit(make_dossier())
    assert isinstance(failure, PortalFailure)
    assert failure.kind is FailureKind.OFFLINE and failure.retryable and failure.http_status is None
    assert failure.message.startswith("Không kết nối được với cổng dịch vụ công.")


def test_silent_server_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        held: list[socket.socket] = []
        stop = threading.Event()

        def accept() -> None:
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    held.append(listener.accept()[0])  # accept and never answer
                except OSError:
                    continue

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        port = listener.getsockname()[1]
        try:
            with PortalClient(f"http://127.0.0.1:{port}", TOKEN, timeout=0.5) as portal_client:
                failure = portal_client.health()
            assert isinstance(failure, PortalFailure)
            assert failure.kind is FailureKind.TIMEOUT and failure.retryable
            assert held, "the stub server should have accepted the connection"
        finally:
            stop.set()
            thread.join(2)
            for conn in held:
                conn.close()


@contextmanager
def stub(status: int, body: bytes, content_type: str = "application/json") -> Iterator[str]:
    """A tiny HTTP server that answers every request with the same reply."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer  # noqa: N815 - names required by BaseHTTPRequestHandler

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_server_errors_are_retryable() -> None:
    error_body = json.dumps({"error": "internal", "message": "Lỗi hệ thống", "message_en": "x"}).encode()
    with stub(500, error_body) as url:
        with PortalClient(url, TOKEN) as portal_client:
            failure = portal_client.submit(make_dossier())
    assert isinstance(failure, PortalFailure)
    assert (failure.kind, failure.http_status, failure.retryable) == (FailureKind.SERVER, 500, True)
    assert failure.reason == "Lỗi hệ thống"
    with stub(503, b"<html>down</html>", "text/html") as url, PortalClient(url, TOKEN) as portal_client:
        failure = portal_client.status("H01.99-250301-0001")
    assert isinstance(failure, PortalFailure) and failure.kind is FailureKind.SERVER and failure.retryable
    with stub(429, b"") as url, PortalClient(url, TOKEN) as portal_client:
        failure = portal_client.fee("2.000815")
    assert isinstance(failure, PortalFailure) and failure.retryable and failure.http_status == 429


def test_rejection_carries_the_portals_reason(client: PortalClient) -> None:
    failure = client.submit(make_dossier(procedure="1.00119"))
    assert isinstance(failure, PortalFailure)
    assert (failure.kind, failure.http_status, failure.retryable) == (FailureKind.REJECTED, 422, False)
    assert failure.reason == "Trường procedure_code không hợp lệ." and failure.error == "invalid_field"
    assert failure.message  # the citizen's sentence is always there
    with stub(422, json.dumps({"error": "x", "message": "Sai mẫu đơn", "message_en": "y"}).encode()) as url:
        with PortalClient(url, TOKEN) as portal_client:
            stubbed = portal_client.submit(make_dossier())
    assert isinstance(stubbed, PortalFailure) and stubbed.reason == "Sai mẫu đơn" and not stubbed.retryable


def test_malformed_replies_are_bad_replies() -> None:
    dossier = make_dossier()
    wrong_id = json.dumps(
        {**first_reply_json_for(uuid.uuid4()), "dossier_code": "H01.99-250301-0001"}
    ).encode()
    for status, body in [(201, b"not json"), (201, b'{"dossier_code": 5}'), (201, wrong_id), (302, b"")]:
        with stub(status, body) as url, PortalClient(url, TOKEN) as portal_client:
            failure = portal_client.submit(dossier)
        assert isinstance(failure, PortalFailure) and failure.kind is FailureKind.BAD_REPLY, (status, body)
        assert not failure.retryable
    with stub(200, b'{"ok": false}') as url, PortalClient(url, TOKEN) as portal_client:
        assert portal_client.health() is False


def first_reply_json_for(client_id: uuid.UUID) -> dict:
    return {
        "client_id": str(client_id),
        "status": 1,
        "status_name": "Mới đăng ký",
        "received_at": "2025-03-01T08:00:00+07:00",
        "appointment_date": None,
    }


def test_bad_url_and_tls() -> None:
    with PortalClient("not a url", TOKEN) as portal_client:
        failure = portal_client.health()
    assert (
        isinstance(failure, PortalFailure) and failure.kind is FailureKind.OFFLINE and not failure.retryable
    )
    # speaking TLS to a plain HTTP server fails the handshake
    with stub(200, b"{}") as url, PortalClient(url.replace("http://", "https://"), TOKEN, timeout=3) as tls:
        failure = tls.health()
    assert isinstance(failure, PortalFailure) and failure.kind is FailureKind.TLS
    assert failure.retryable  # a kiosk clock still in 1970 after boot: the outbox tries again later


# ---- contract pieces -----------------------------------------------------------------------------


def test_statuses_and_working_days() -> None:
    assert [s.value for s in PortalStatus] == list(range(1, 11))
    assert PortalStatus(1).label == "Mới đăng ký" and PortalStatus(10).label == "Đã trả kết quả"
    assert [s.dvcqg_key for s in PortalStatus] == [
        "receiving", "new", "denied", "processing", "waiting",
        "paying", "cancelled", "unresolved", "releasing", "done",
    ]  # fmt: skip
    assert add_working_days(date(2025, 2, 28), 0) == date(2025, 2, 28)
    assert add_working_days(date(2025, 2, 28), 1) == date(2025, 3, 3)
    assert add_working_days(date(2025, 3, 1), 5) == date(2025, 3, 7)  # from a Saturday
    assert ContractError("invalid_field", "fee").to_json()["message"] == "Trường fee không hợp lệ."


# ---- fuzzing: malformed bodies never cause a 5xx and never store anything ------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)

_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TrainingPortal]:
    training = TrainingPortal(tmp_path_factory.mktemp("fuzz") / "portal.sqlite3")
    training.start()
    yield training
    training.stop()


@_FUZZ
@given(
    dossier_part=st.one_of(st.binary(max_size=300), _json_values.map(lambda v: json.dumps(v).encode())),
    extra_parts=st.lists(
        st.tuples(st.sampled_from(["attachment", "dossier", "x"]), st.binary(max_size=50)), max_size=3
    ),
    key=st.sampled_from(["", "k", str(uuid.UUID(int=1))]),
)
def test_fuzz_random_parts(
    fuzz_portal: TrainingPortal, dossier_part: bytes, extra_parts: list[tuple[str, bytes]], key: str
) -> None:
    body, content_type = encode_multipart(
        [("dossier", None, "application/json", dossier_part)]
        + [(name, "a.pdf", "application/pdf", data) for name, data in extra_parts]
    )
    reply = post_raw(fuzz_portal.url, body, content_type, key or None)
    assert 400 <= reply.status_code < 500
    assert reply.json()["error"] in ERRORS
    assert fuzz_portal.stored_count() == 0


@_FUZZ
@given(
    body=st.binary(max_size=400),
    framed=st.booleans(),
    content_type=st.sampled_from(
        [
            "multipart/form-data; boundary=dvc-x",
            "multipart/form-data",
            "text/plain",
            'multipart/form-data; boundary=""',
            "multipart/form-data; boundary=dvc-x; boundary=y",
        ]
    ),
)
def test_fuzz_random_body(fuzz_portal: TrainingPortal, body: bytes, framed: bool, content_type: str) -> None:
    if framed:  # inside a valid frame, so the parser gets past the boundary and meets the noise
        body = b"--dvc-x\r\n" + body + b"\r\n--dvc-x--\r\n"
    reply = post_raw(fuzz_portal.url, body, content_type, str(uuid.UUID(int=2)))
    assert 400 <= reply.status_code < 500
    assert fuzz_portal.stored_count() == 0


@_FUZZ
@given(key=st.sampled_from(sorted(make_dossier().to_json())), value=_json_values)
def test_fuzz_one_field(fuzz_portal: TrainingPortal, key: str, value: object) -> None:
    # A valid dossier with one field replaced: some replacements stay valid (any agent name),
    # so the rule is "no 5xx, and stored exactly when the portal says 201".
    dossier = make_dossier()
    data = dossier.to_json()
    data[key] = value
    before = fuzz_portal.stored_count()
    reply = post_raw(
        fuzz_portal.url,
        *encode_with(data, [(a.filename, a.data) for a in dossier.attachments]),
        str(dossier.client_id),
    )
    assert reply.status_code in (201, 400, 422), reply.text
    assert fuzz_portal.stored_count() == before + (reply.status_code == 201)


def test_logs_carry_no_personal_data(client: PortalClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    dossier = make_dossier()
    receipt = client.submit(dossier)
    assert isinstance(receipt, SubmitReceipt)
    client.submit(dossier)
    client.status(receipt.dossier_code)
    client.admin_set_status(ADMIN, receipt.dossier_code, 2, "Ghi chú")
    client.admin_list(ADMIN)
    client.submit(make_dossier(procedure="bad"))
    assert receipt.dossier_code in caplog.text  # codes and ids are logged…
    for secret in ("Nguyễn", "Mẫu", "001199000001", "0900000000", "Chuyển đến", "Ghi chú"):
        assert secret not in caplog.text  # …personal data is not
