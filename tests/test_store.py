"""Tests of egov.store on SQLite and PostgreSQL: round trip, encryption at rest, tampering,
the outbox after a restart, purging, the append-only audit trail, the key file and migrations."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

import egov.store
from egov.dossier import Attachment, Channel, Dossier, Person
from egov.store import (
    Claim,
    DossierNotFound,
    DossierState,
    KeyFileError,
    PersonalDataPurged,
    Store,
    StoreError,
    load_or_create_key,
)
from egov.store.models import Base

KEY = bytes(range(32))
NAME = "Nguyễn Thị Mẫu"
ID_NUMBER = "001158000000"
PROXY_NAME = "Lê Văn Ủy"
PROXY_ID = "001090000001"
SCAN = b"%PDF-1.7 SECRET-SCAN-PAYLOAD-A " * 40
SCAN_2 = b"%PDF-1.7 SECRET-SCAN-PAYLOAD-B " * 40
FORM_SECRET = "Số 1 Phố Mẫu, Phường Trúc Bạch"
VN = timezone(timedelta(hours=7))


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return str(request.getfixturevalue("fresh_postgres_url"))


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    opened = Store(url, KEY)
    yield opened
    opened.close()


def make_dossier(
    name: str = NAME, id_number: str = ID_NUMBER, created_at: datetime | None = None, **kwargs: object
) -> Dossier:
    dossier = Dossier(
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        applicant=Person(full_name=name, id_number=id_number, phone="0912345678", address=FORM_SECRET),
        office_code="H01.99",
        channel=Channel.DIRECT,
        form={"noi_cu_tru": FORM_SECRET, "ghi_chu": "không"},
        attachments=[
            Attachment("TP1", "Tờ khai", f"to-khai-{name}.pdf", SCAN, 2),
            Attachment("TP2", "Giấy chứng sinh", "chung-sinh.pdf", SCAN_2, 1),
        ],
        authorised=Person(full_name=PROXY_NAME, id_number=PROXY_ID, relationship="con"),
        agent="agent1",
        fee=10000,
        **kwargs,  # type: ignore[arg-type]
    )
    if created_at is not None:
        dossier.created_at = created_at
    return dossier


def raw_values(store: Store, table: str) -> list[object]:
    with store.engine.connect() as conn:
        return [value for row in conn.execute(text(f"SELECT * FROM {table}")) for value in row]


def contains(value: object, needle: str | bytes) -> bool:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return (needle if isinstance(needle, bytes) else needle.encode()) in value
    if isinstance(value, str):
        return (needle if isinstance(needle, str) else needle.decode("latin-1")) in value
    return False


SECRETS: list[str | bytes] = [
    NAME,
    ID_NUMBER,
    PROXY_NAME,
    PROXY_ID,
    FORM_SECRET,
    "0912345678",
    SCAN[:40],
    SCAN_2[:40],
    b"SECRET-SCAN-PAYLOAD",
]
TABLES = ("dossiers", "attachments", "audit_log", "consents")


def assert_no_secrets_in_columns(store: Store) -> None:
    for table in TABLES:
        for value in raw_values(store, table):
            for secret in SECRETS:
                assert not contains(value, secret), f"{table} holds a personal value in clear"


def assert_no_secrets_in_files(db_file: Path) -> None:
    files = [p for p in db_file.parent.iterdir() if p.name.startswith(db_file.name)]
    assert files
    for path in files:
        blob = path.read_bytes()
        for secret in SECRETS:
            needle = secret if isinstance(secret, bytes) else secret.encode()
            assert needle not in blob, f"{path.name} holds a personal value in clear"


def sqlite_file(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def update_raw(store: Store, sql: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def read_raw(store: Store, sql: str, **params: object) -> object:
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


# -- round trip and encryption at rest ----------------------------------------------------------


def test_round_trip_with_two_attachments(store: Store) -> None:
    dossier = make_dossier(created_at=datetime(2025, 3, 4, 8, 30, 15, 123456, tzinfo=VN))
    store.save_dossier(dossier, "Đăng ký khai sinh")
    loaded = store.load_dossier(dossier.client_id)
    assert loaded == dossier
    assert loaded.created_at.utcoffset() == timedelta(hours=7)
    assert [a.data for a in loaded.attachments] == [SCAN, SCAN_2]
    assert [a.filename for a in loaded.attachments] == [f"to-khai-{NAME}.pdf", "chung-sinh.pdf"]


def test_round_trip_without_authorised_person_or_attachments(store: Store) -> None:
    dossier = make_dossier()
    dossier.authorised = None
    dossier.attachments = []
    store.save_dossier(dossier)
    assert store.load_dossier(dossier.client_id) == dossier


def test_saving_the_same_dossier_twice_is_refused(store: Store) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier)
    with pytest.raises(StoreError, match="already stored"):
        store.save_dossier(dossier)


def test_unknown_dossier(store: Store) -> None:
    with pytest.raises(DossierNotFound):
        store.load_dossier(uuid.uuid4())


def test_personal_data_is_not_in_clear(store: Store, url: str) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier, "Đăng ký khai sinh")
    store.set_state(dossier.client_id, "sending", actor="worker")
    store.record_consent(
        client_id=dossier.client_id, purpose="use_chip_data", granted=True, text_version="v1", actor="kiosk"
    )
    # The clear columns are there, so the check is looking at the right rows.
    assert read_raw(store, "SELECT procedure_code FROM dossiers") == "1.001193"
    assert read_raw(store, "SELECT count(*) FROM attachments") == 2
    assert_no_secrets_in_columns(store)
    db_file = sqlite_file(url)
    if db_file is not None:
        store.close()  # checkpoints the WAL into the main file
        assert_no_secrets_in_files(db_file)


# -- tampering ----------------------------------------------------------------------------------


def flip_byte(blob: bytes, index: int) -> bytes:
    return blob[:index] + bytes([blob[index] ^ 0x01]) + blob[index + 1 :]


@pytest.mark.parametrize("column", ["applicant_enc", "authorised_enc", "form_enc"])
def test_tampered_field_is_refused(store: Store, column: str) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier)
    cid = str(dossier.client_id)
    sealed = read_raw(store, f"SELECT {column} FROM dossiers WHERE client_id = :c", c=cid)
    tampered = flip_byte(bytes(sealed), 20)  # type: ignore[arg-type]
    update_raw(store, f"UPDATE dossiers SET {column} = :v WHERE client_id = :c", v=tampered, c=cid)
    with pytest.raises(StoreError, match="failed authentication"):
        store.load_dossier(dossier.client_id)


def test_tampered_attachment_is_refused(store: Store) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier)
    sealed = bytes(read_raw(store, "SELECT data_enc FROM attachments WHERE position = 1"))  # type: ignore[arg-type]
    update_raw(store, "UPDATE attachments SET data_enc = :v WHERE position = 1", v=flip_byte(sealed, -5))
    with pytest.raises(StoreError, match="failed authentication"):
        store.load_dossier(dossier.client_id)


def test_changed_hash_or_clear_column_or_deleted_attachment_is_refused(store: Store) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier)
    update_raw(store, "UPDATE attachments SET sha256 = :h WHERE position = 0", h="0" * 64)
    with pytest.raises(StoreError, match="sha256"):
        store.load_dossier(dossier.client_id)

    other = make_dossier()
    store.save_dossier(other)
    update_raw(store, "UPDATE dossiers SET fee = 1 WHERE client_id = :c", c=str(other.client_id))
    with pytest.raises(StoreError, match="clear columns"):
        store.load_dossier(other.client_id)

    third = make_dossier()
    store.save_dossier(third)
    update_raw(
        store,
        "DELETE FROM attachments WHERE position = 1 AND dossier_id = "
        "(SELECT id FROM dossiers WHERE client_id = :c)",
        c=str(third.client_id),
    )
    with pytest.raises(StoreError, match="attachment rows"):
        store.load_dossier(third.client_id)


def test_ciphertext_swapped_between_rows_is_refused(store: Store) -> None:
    first, second = make_dossier(), make_dossier(name="Trần Văn Khác", id_number="002099000002")
    store.save_dossier(first)
    store.save_dossier(second)
    a, b = str(first.client_id), str(second.client_id)
    sealed_a = read_raw(store, "SELECT applicant_enc FROM dossiers WHERE client_id = :c", c=a)
    sealed_b = read_raw(store, "SELECT applicant_enc FROM dossiers WHERE client_id = :c", c=b)
    update_raw(store, "UPDATE dossiers SET applicant_enc = :v WHERE client_id = :c", v=sealed_b, c=a)
    update_raw(store, "UPDATE dossiers SET applicant_enc = :v WHERE client_id = :c", v=sealed_a, c=b)
    for cid in (first.client_id, second.client_id):
        with pytest.raises(StoreError, match="failed authentication"):
            store.load_dossier(cid)
    with pytest.raises(StoreError):
        store.list_dossiers()


def test_ciphertext_moved_between_columns_is_refused(store: Store) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier)
    cid = str(dossier.client_id)
    update_raw(store, "UPDATE dossiers SET authorised_enc = applicant_enc WHERE client_id = :c", c=cid)
    with pytest.raises(StoreError, match="authorised failed authentication"):
        store.load_dossier(dossier.client_id)


def test_wrong_key_is_refused(store: Store, url: str) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier)
    other = Store(url, bytes(32))
    try:
        with pytest.raises(StoreError, match="failed authentication"):
            other.load_dossier(dossier.client_id)
    finally:
        other.close()


# -- states, the outbox and the day's list -------------------------------------------------------


def test_state_changes_are_audited(store: Store) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier, "Đăng ký khai sinh")
    store.set_state(dossier.client_id, "sending", actor="outbox")
    store.set_state(
        dossier.client_id, DossierState.ACCEPTED, actor="outbox", dossier_code="H01.99-250304-0001"
    )
    trail = store.audit_trail(f"dossier:{dossier.client_id}")
    assert [(e.action, e.actor, e.detail) for e in trail] == [
        ("dossier.saved", "agent1", "state=queued; attachments=2"),
        ("dossier.state", "outbox", "queued -> sending"),
        ("dossier.state", "outbox", "sending -> accepted; dossier_code=H01.99-250304-0001"),
    ]
    summary = store.list_dossiers()[0]
    assert (summary.state, summary.dossier_code) == (DossierState.ACCEPTED, "H01.99-250304-0001")
    assert store.verify_audit()


def test_final_states_and_unknown_states_are_refused(store: Store) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier)
    with pytest.raises(StoreError, match="unknown dossier state"):
        store.set_state(dossier.client_id, "lost", actor="x")
    store.set_state(dossier.client_id, "rejected", actor="outbox", reason="portal: procedure closed")
    with pytest.raises(StoreError, match="final"):
        store.set_state(dossier.client_id, "queued", actor="outbox")


def test_pending_survives_a_restart(store: Store, url: str) -> None:
    base = datetime(2025, 3, 4, 8, 0, tzinfo=VN)
    dossiers = [make_dossier(created_at=base + timedelta(minutes=m)) for m in (30, 10, 20, 40)]
    for dossier in dossiers:
        store.save_dossier(dossier)
    store.set_state(dossiers[1].client_id, "sending", actor="outbox")  # crashed mid-send
    store.set_state(dossiers[2].client_id, "sending", actor="outbox")
    store.set_state(dossiers[2].client_id, "accepted", actor="outbox", dossier_code="C-1")
    store.set_state(dossiers[3].client_id, "needs_attention", actor="outbox")
    store.close()

    reopened = Store(url, KEY)
    try:
        assert reopened.pending() == [dossiers[1].client_id, dossiers[0].client_id]
        assert reopened.load_dossier(dossiers[1].client_id) == dossiers[1]
    finally:
        reopened.close()


def test_claims_are_compare_and_set_oldest_first_and_end_only_by_their_holder(store: Store) -> None:
    base = datetime(2025, 3, 4, 8, 0, tzinfo=VN)
    older, newer = make_dossier(created_at=base), make_dossier(created_at=base + timedelta(minutes=5))
    store.save_dossier(newer)
    store.save_dossier(older)

    first = store.claim_next("kiosk-a")
    second = store.claim_next("kiosk-b")
    assert first is not None and second is not None
    assert (first.client_id, first.attempts, second.client_id) == (older.client_id, 1, newer.client_id)
    assert store.claim_next("kiosk-c") is None, "a dossier being sent is claimed by nobody else"
    assert store.finish(first, DossierState.QUEUED) and store.claim_next("kiosk-c") is not None

    stolen = Claim(second.client_id, second.attempts, "kiosk-z")
    assert not store.finish(stolen, DossierState.NEEDS_ATTENTION, reason="rejected:invalid_field")
    assert store.outbox_entry(newer.client_id).state is DossierState.SENDING
    # The portal's dossier code is kept whoever learned it.
    assert store.finish(stolen, DossierState.ACCEPTED, dossier_code="H01.99-250304-0001")
    entry = store.outbox_entry(newer.client_id)
    assert (entry.state, entry.dossier_code, entry.claimed_by) == (
        DossierState.ACCEPTED,
        "H01.99-250304-0001",
        None,
    )
    assert not store.finish(second, DossierState.QUEUED), "accepted is final"
    assert store.verify_audit()


def test_backoff_is_kept_in_the_store_across_a_restart(store: Store, url: str) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier, claimed_by="kiosk-a")
    later = store.now() + timedelta(hours=1)
    claim = Claim(dossier.client_id, 1, "kiosk-a")
    assert store.finish(claim, DossierState.QUEUED, reason="timeout", next_attempt_at=later)
    store.close()

    reopened = Store(url, KEY)
    try:
        assert reopened.claim_next("kiosk-a") is None, "not due before the backoff ends"
        assert reopened.next_due() == later
        entry = reopened.outbox_entry(dossier.client_id)
        assert (entry.state, entry.attempts, entry.reason) == (DossierState.QUEUED, 1, "timeout")
        assert reopened.make_due() == 1
        again = reopened.claim_next("kiosk-b")
        assert again is not None and again.attempts == 2
    finally:
        reopened.close()


def test_failure_reasons_keep_the_code_and_lose_sentences_and_numbers(store: Store) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier, claimed_by="kiosk-a")
    claim = Claim(dossier.client_id, 1, "kiosk-a")
    store.finish(claim, DossierState.NEEDS_ATTENTION, reason=f"rejected:invalid_field {NAME} {ID_NUMBER}")
    reason = store.outbox_entry(dossier.client_id).reason
    assert reason.startswith("rejected:invalid_field")
    assert ID_NUMBER not in reason and "Mẫu" not in reason
    assert_no_secrets_in_columns(store)


def test_sending_claims_of_dead_senders_go_back_to_the_queue(store: Store) -> None:
    dossiers = [make_dossier() for _ in range(3)]
    for dossier, sender in zip(dossiers, ("alive", "dead", "old"), strict=True):
        store.save_dossier(dossier, claimed_by=sender)
    update_raw(
        store,
        "UPDATE dossiers SET claimed_at = :at WHERE claimed_by = 'old'",
        at=(store.now() - timedelta(minutes=10)).replace(tzinfo=None),
    )
    back = store.requeue_sending(lease=timedelta(minutes=5), gone=lambda sender: sender == "dead")
    assert sorted(back) == sorted([dossiers[1].client_id, dossiers[2].client_id])
    states = {d.client_id: store.outbox_entry(d.client_id).state for d in dossiers}
    assert states[dossiers[0].client_id] is DossierState.SENDING
    details = [e.detail for d in dossiers[1:] for e in store.audit_trail(f"dossier:{d.client_id}")]
    assert "sending -> queued; reason=sender_gone" in details
    assert "sending -> queued; reason=lease_expired" in details


def test_list_dossiers_filters(store: Store) -> None:
    late_evening = datetime(2025, 3, 4, 23, 30, tzinfo=VN)  # 16:30 UTC on the same day
    early_morning = datetime(2025, 3, 5, 6, 0, tzinfo=VN)  # 23:00 UTC on the day before
    first = make_dossier(created_at=late_evening)
    second = make_dossier(name="Trần Văn Khác", id_number="002099000002", created_at=early_morning)
    second.agent, second.office_code, second.authorised = "agent2", "H01.98", None
    store.save_dossier(first, "Đăng ký khai sinh")
    store.save_dossier(second, "Đăng ký khai sinh")

    assert [s.client_id for s in store.list_dossiers()] == [first.client_id, second.client_id]
    (only,) = store.list_dossiers(day=date(2025, 3, 5))  # the office's local day, not UTC's
    assert (only.applicant_name, only.authorised_name, only.agent) == ("Trần Văn Khác", "", "agent2")
    (mine,) = store.list_dossiers(agent="agent1")
    assert (mine.applicant_name, mine.authorised_name) == (NAME, PROXY_NAME)
    assert mine.procedure_name == "Đăng ký khai sinh" and mine.created_at == late_evening
    assert [s.client_id for s in store.list_dossiers(office_code="H01.98")] == [second.client_id]
    assert store.list_dossiers(day=date(2025, 3, 4), agent="agent2") == []


def test_purge_keeps_codes_and_drops_personal_data(store: Store, url: str) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier, "Đăng ký khai sinh")
    with pytest.raises(StoreError, match="still queued"):
        store.purge_personal(dossier.client_id)
    store.set_state(dossier.client_id, "accepted", actor="outbox", dossier_code="H01.99-1")
    store.purge_personal(dossier.client_id)
    store.purge_personal(dossier.client_id)  # idempotent

    with pytest.raises(PersonalDataPurged):
        store.load_dossier(dossier.client_id)
    (summary,) = store.list_dossiers()
    assert (summary.dossier_code, summary.state, summary.procedure_code) == (
        "H01.99-1",
        DossierState.ACCEPTED,
        "1.001193",
    )
    assert (summary.applicant_name, summary.authorised_name) == ("", "")
    assert read_raw(store, "SELECT count(*) FROM attachments WHERE data_enc IS NULL") == 2
    with store.engine.connect() as conn:
        hashes = conn.execute(text("SELECT sha256 FROM attachments ORDER BY position")).scalars().all()
    assert hashes == [a.sha256 for a in dossier.attachments]
    assert [e.action for e in store.audit_trail(f"dossier:{dossier.client_id}")][-1] == "dossier.purged"
    assert_no_secrets_in_columns(store)


# -- consents and ratings -----------------------------------------------------------------------


def test_consents(store: Store) -> None:
    cid = uuid.uuid4()
    for client_id, purpose, granted, version in (
        (cid, "use_chip_data", True, "v1"),
        (cid, "sms", False, "v1"),
        (None, "camera", True, "v2"),
    ):
        store.record_consent(
            client_id=client_id, purpose=purpose, granted=granted, text_version=version, actor="kiosk"
        )
    assert [(c.purpose, c.granted) for c in store.consents(cid)] == [("use_chip_data", True), ("sms", False)]
    assert [c.purpose for c in store.consents(None)] == ["camera"]
    assert [e.action for e in store.audit_trail(f"dossier:{cid}")] == ["consent.granted", "consent.refused"]


def test_ratings(store: Store) -> None:
    for score in (5, 5, 4, 1):
        store.record_rating(office_code="H01.99", score=score, reason="" if score > 3 else "wait")
    store.record_rating(office_code="H01.98", score=3)
    summary = store.ratings_summary(office_code="H01.99")
    assert (summary.count, summary.average) == (4, 3.75)
    assert summary.by_score == {1: 1, 2: 0, 3: 0, 4: 1, 5: 2}
    assert store.ratings_summary().count == 5
    assert store.ratings_summary(office_code="nowhere").average is None
    for bad in (0, 6, True, 2.5):
        with pytest.raises(StoreError):
            store.record_rating(office_code="H01.99", score=bad)  # type: ignore[arg-type]


# -- the audit trail ----------------------------------------------------------------------------


def test_audit_rows_cannot_be_updated_or_deleted(store: Store) -> None:
    store.audit("supervisor", "settings.changed", "settings", "printer")
    for statement in ("UPDATE audit_log SET detail = 'nothing happened'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            update_raw(store, statement)
    assert [e.detail for e in store.audit_trail()] == ["printer"]


@pytest.mark.postgres
def test_audit_table_cannot_be_truncated_on_postgresql(fresh_postgres_url: str) -> None:
    with Store(fresh_postgres_url, KEY) as store:
        store.audit("supervisor", "x", "y")
        with pytest.raises(DBAPIError, match="append-only"):
            update_raw(store, "TRUNCATE audit_log")


def drop_audit_triggers(store: Store) -> None:
    if store.engine.dialect.name == "sqlite":
        update_raw(store, "DROP TRIGGER audit_log_no_update")
        update_raw(store, "DROP TRIGGER audit_log_no_delete")
    else:
        update_raw(store, "DROP TRIGGER audit_log_no_change ON audit_log")


def test_hash_chain_detects_an_altered_row(store: Store) -> None:
    for n in range(5):
        store.audit("agent1", "test.event", "subject", f"n={n}")
    assert store.verify_audit().checked == 5
    drop_audit_triggers(store)
    update_raw(store, "UPDATE audit_log SET detail = 'n=99' WHERE id = 3")
    check = store.verify_audit()
    assert not check
    assert check.first_bad_id == 3


def test_hash_chain_detects_a_deleted_or_rehashed_row(store: Store) -> None:
    for n in range(4):
        store.audit("agent1", "test.event", "subject", f"n={n}")
    drop_audit_triggers(store)
    update_raw(store, "DELETE FROM audit_log WHERE id = 2")
    assert store.verify_audit().first_bad_id == 3
    # Renumbering to hide the gap breaks the chain too.
    update_raw(store, "UPDATE audit_log SET id = id - 1 WHERE id > 2")
    assert store.verify_audit().first_bad_id == 2


def test_audit_chain_continues_across_restarts(store: Store, url: str) -> None:
    store.audit("a", "one", "s")
    store.close()
    reopened = Store(url, KEY)
    try:
        reopened.audit("a", "two", "s")
        assert [e.id for e in reopened.audit_trail()] == [1, 2]
        assert reopened.verify_audit()
    finally:
        reopened.close()


def test_audit_details_lose_id_and_phone_numbers(store: Store) -> None:
    entry = store.audit("agent1", "note", "s", f"id {ID_NUMBER} phone 0912345678 code H01.99-250304-0001")
    assert entry.detail == "id [redacted] phone [redacted] code H01.99-250304-0001"
    with pytest.raises(StoreError):
        store.audit("", "note", "s")


# -- migrations ---------------------------------------------------------------------------------


def test_migration_matches_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_reopening_does_not_migrate_again(store: Store, url: str) -> None:
    # The store is at the newest migration, the single head of the migrations folder.
    scripts = ScriptDirectory(str(Path(egov.store.__file__).with_name("migrations")))
    assert read_raw(store, "SELECT version_num FROM alembic_version") == scripts.get_current_head()
    Store(url, KEY).close()
    assert read_raw(store, "SELECT count(*) FROM alembic_version") == 1


OPEN_AND_WRITE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from egov.store import Store
    url, go, tag = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    while not go.exists():
        time.sleep(0.001)
    store = Store(url, bytes(range(32)))
    store.audit("test", "opened", "race", tag)
    store.close()
    """
)


def test_two_processes_opening_a_fresh_database_at_once(url: str, tmp_path: Path) -> None:
    for attempt in range(3):
        race_url = url
        if url.startswith("sqlite"):
            race_url = f"sqlite:///{tmp_path / f'race-{attempt}.sqlite3'}"
        elif attempt > 0:
            break  # a fresh PostgreSQL database per test; one race there is enough
        go = tmp_path / f"go-{attempt}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_AND_WRITE, race_url, str(go), str(n)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for n in range(2)
        ]
        time.sleep(1.0)  # let both interpreters start and wait at the line
        go.touch()
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err.decode()
        with Store(race_url, KEY) as store:
            assert sorted(e.detail for e in store.audit_trail("race")) == ["0", "1"]
            assert store.verify_audit()


# -- the key file and opening -------------------------------------------------------------------


def test_key_file_is_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "store.key"
    key = load_or_create_key(path)
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_key(path) == key
    assert [p.name for p in tmp_path.iterdir()] == ["store.key"]  # no temporary file left


def test_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.key"
    path.write_bytes(os.urandom(32))
    path.chmod(0o644)
    with pytest.raises(KeyFileError, match="0644"):
        load_or_create_key(path)
    path.chmod(0o600)
    assert load_or_create_key(path) == path.read_bytes()


def test_key_file_of_wrong_length_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.key"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, b"short")
    os.close(fd)
    with pytest.raises(KeyFileError, match="expected 32 bytes"):
        load_or_create_key(path)


def test_bad_key_or_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="32 bytes"):
        Store(f"sqlite:///{tmp_path / 'x.sqlite3'}", b"short")
    with pytest.raises(StoreError, match="unsupported database"):
        Store("mysql://user:secret@localhost/db", KEY)
    with pytest.raises(StoreError) as caught:
        Store("not a url with secret", KEY)
    assert "secret" not in str(caught.value)


def test_open_store_uses_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import DATA_DIR_ENV, load_settings
    from egov.store import open_store

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
    with open_store(load_settings()) as store:
        store.audit("test", "opened", "store")
    assert stat.S_IMODE((tmp_path / "store.key").stat().st_mode) == 0o600
    assert (tmp_path / "dvc-kiosk.sqlite3").exists()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 's.sqlite3'}", KEY) as store, store.engine.connect() as conn:

        def pragma(name: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 15000


def test_clock_is_used_for_timestamps(tmp_path: Path) -> None:
    moment = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    with Store(f"sqlite:///{tmp_path / 's.sqlite3'}", KEY, clock=lambda: moment) as store:
        assert store.audit("a", "b", "c").at == moment


def test_desk_record_round_trips_and_the_search_index_goes_with_the_purge(store: Store) -> None:
    from egov.dossier import ChecklistItem, IdentitySource

    dossier = make_dossier(
        identity_source=IdentitySource.MANUAL,
        checklist=(ChecklistItem("TP1", 1, 0), ChecklistItem("TP2", 0, 2)),
    )
    store.save_dossier(dossier)
    loaded = store.load_dossier(dossier.client_id)
    assert loaded.identity_source is IdentitySource.MANUAL
    assert loaded.checklist == dossier.checklist
    # Found by the ID number however it was typed; another number finds nothing.
    assert [s.client_id for s in store.find_by_id_number("001 158 000 000")] == [dossier.client_id]
    assert store.find_by_id_number("001158000001") == []
    assert store.find_by_id_number("12") == []
    with store.read() as session:
        column = session.execute(text("SELECT id_index FROM dossiers")).scalar_one()
    assert ID_NUMBER not in column  # the index is keyed, not the number

    store.set_consignment(dossier.client_id, "ee123456789vn", actor="agent1")
    assert store.dossier_summary(dossier.client_id).consignment == "EE123456789VN"
    with pytest.raises(StoreError):
        store.set_consignment(dossier.client_id, "x", actor="agent1")

    store.set_state(
        dossier.client_id, DossierState.ACCEPTED, actor="outbox", dossier_code="H01.99-261123-0001"
    )
    store.purge_personal(dossier.client_id)
    assert store.find_by_id_number(ID_NUMBER) == []


def test_consent_by_signature_is_sealed_withdrawable_and_purged(store: Store) -> None:
    dossier = make_dossier()
    store.save_dossier(dossier)
    signature = b"\x89PNG\r\n\x1a\n" + b"strokes" * 20
    store.record_consent(
        client_id=dossier.client_id,
        purpose="transmit",
        granted=True,
        text_version="2026-11-1",
        actor="agent1",
        method="signature",
        signature_png=signature,
    )
    with pytest.raises(StoreError):  # a signature without a dossier to seal it to
        store.record_consent(
            client_id=None,
            purpose="p",
            granted=True,
            text_version="v",
            actor="a",
            method="signature",
            signature_png=signature,
        )
    assert store.consent_signature(dossier.client_id, "transmit") == signature
    with store.read() as session:
        sealed = session.execute(text("SELECT signature_enc FROM consents")).scalar_one()
    assert b"strokes" not in bytes(sealed)
    (record,) = store.consents(dossier.client_id)
    assert record.in_force and record.method == "signature"

    store.set_state(
        dossier.client_id, DossierState.ACCEPTED, actor="outbox", dossier_code="H01.99-261123-0002"
    )
    assert store.withdraw_consent(dossier.client_id, "transmit", actor="agent1")
    assert not store.withdraw_consent(dossier.client_id, "transmit", actor="agent1")  # nothing left
    (record,) = store.consents(dossier.client_id)
    assert not record.in_force and record.withdrawn_by == "agent1"
    assert [e.action for e in store.audit_trail(f"dossier:{dossier.client_id}")][-1] == "consent.withdrawn"

    store.set_state(
        dossier.client_id, DossierState.ACCEPTED, actor="outbox", dossier_code="H01.99-261123-0002"
    )
    store.purge_personal(dossier.client_id)
    assert store.consent_signature(dossier.client_id, "transmit") is None


def test_withdrawing_the_consent_to_send_stops_a_dossier_not_yet_sent(store: Store) -> None:
    waiting, sent = make_dossier(), make_dossier()
    for dossier in (waiting, sent):
        store.save_dossier(dossier)
        store.record_consent(
            client_id=dossier.client_id, purpose="transmit", granted=True, text_version="v", actor="agent1"
        )
    store.set_state(sent.client_id, DossierState.ACCEPTED, actor="outbox", dossier_code="H01.99-261123-0003")

    assert store.withdraw_consent(waiting.client_id, "transmit", actor="agent1")
    entry = store.outbox_entry(waiting.client_id)
    assert entry.state is DossierState.REJECTED and entry.reason == "withdrawn:consent"
    assert store.claim_next("sender-1") is None, "the sender must not take it any more"
    # Already at the portal: the withdrawal is recorded, the dossier's state is the portal's.
    assert store.withdraw_consent(sent.client_id, "transmit", actor="agent1")
    assert store.outbox_entry(sent.client_id).state is DossierState.ACCEPTED
