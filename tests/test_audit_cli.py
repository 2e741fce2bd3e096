"""`dvc-kiosk audit verify`: an audit trail changed behind the store's back shows, from the console.

The store's audit table refuses UPDATE and DELETE with triggers; someone with database access can
drop them, as these tests do first, exactly as an attacker would. An entry's detail rewritten in
place breaks the hash chain at that entry (exit 1, naming it); a deleted entry leaves a gap; a
chain recomputed from the changed entry onwards passes the chain check, and only a head written
down earlier (the "Mã kiểm tra nhật ký" of an end-of-day slip) given as --anchor catches it.
On SQLite and on PostgreSQL, through the installed console script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta, timezone
from pathlib import Path

import pytest
from report_day import build_day
from sqlalchemy import select, text
from test_cli import run

from egov.audit import audit_head
from egov.store import Store, load_or_create_key
from egov.store.models import AuditRow
from egov.store.store import _chain_hash

VN = timezone(timedelta(hours=7))


@dataclass
class Office:
    """A data directory and settings whose store the console script opens, and the store itself."""

    data_dir: Path
    config: Path
    store: Store

    def verify(self, *args: str):  # noqa: ANN201 - subprocess.CompletedProcess[str]
        return run(self.data_dir, "--config", str(self.config), "audit", "verify", *args)

    def attack(self, *statements: str) -> None:
        """Run SQL straight on the database, around the store: no lock, no audit, no checks."""
        with self.store.engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Office]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if request.param == "sqlite":
        url = f"sqlite:///{data_dir / 'dvc-kiosk.sqlite3'}"
    else:
        url = str(request.getfixturevalue("fresh_postgres_url"))
    config = tmp_path / "office.toml"
    config.write_text(f'[store]\nurl = "{url}"\n', encoding="utf-8")
    store = Store(url, load_or_create_key(data_dir / "store.key"))
    build_day(store, date(2026, 3, 12), VN)  # a day's work: dossiers, payments, queue, all audited
    yield Office(data_dir, config, store)
    store.close()


def drop_triggers(office: Office) -> None:
    if office.store.engine.dialect.name == "sqlite":
        office.attack("DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete")
    else:
        office.attack("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")


def payment_entry(office: Office) -> int:
    """The id of an entry an attacker would change: a cash payment of 15 000 đ (to make it 0)."""
    with office.store.read() as session:
        found = session.scalars(
            select(AuditRow.id)
            .where(
                AuditRow.action == "payment.recorded",
                AuditRow.detail.contains("method=cash; state=received; amount=15000"),
            )
            .order_by(AuditRow.id)
        ).first()
    assert found is not None
    return found


def test_a_whole_trail_passes_and_prints_its_head(office: Office) -> None:
    head = audit_head(office.store)
    assert head is not None and head.id > 20
    done = office.verify()
    assert done.returncode == 0, done.stderr
    assert f"Mục cuối / head: {head.id} {head.hash}" in done.stdout
    assert f"Mã kiểm tra nhật ký / mark: {head.id}:{head.hash[:16]}" in done.stdout
    assert f"Nhật ký toàn vẹn: {head.id} mục" in done.stdout
    # The mark from a slip, given back, holds while nothing changed; so does the full hash.
    assert office.verify("--anchor", head.mark).returncode == 0
    assert office.verify("--anchor", f"{head.id}:{head.hash}").returncode == 0


def test_the_database_itself_refuses_to_change_an_entry(office: Office) -> None:
    with pytest.raises(Exception, match="append-only|audit"):
        office.attack("UPDATE audit_log SET detail = 'x' WHERE id = 1")
    assert office.verify().returncode == 0


def test_an_entry_changed_behind_the_stores_back_is_named(office: Office) -> None:
    target = payment_entry(office)
    drop_triggers(office)
    office.attack(
        f"UPDATE audit_log SET detail = replace(detail, 'amount=15000', 'amount=0') WHERE id = {target}"
    )
    with office.store.read() as session:
        assert "amount=0" in session.scalar(select(AuditRow.detail).where(AuditRow.id == target))
    done = office.verify()
    assert done.returncode == 1
    assert f"Nhật ký đã bị thay đổi từ mục {target}." in done.stderr
    assert f"Audit trail broken at entry {target} " in done.stderr


def test_a_deleted_entry_leaves_a_gap_that_shows(office: Office) -> None:
    target = payment_entry(office)
    drop_triggers(office)
    office.attack(f"DELETE FROM audit_log WHERE id = {target}")
    done = office.verify()
    assert done.returncode == 1
    assert f"entry {target + 1} " in done.stderr  # the next one no longer follows its predecessor


def test_a_recomputed_chain_passes_alone_but_not_against_the_written_down_head(office: Office) -> None:
    written_down = audit_head(office.store)
    assert written_down is not None
    target = payment_entry(office)
    drop_triggers(office)
    # The attacker changes an amount and recomputes every hash from there, as the store's code would.
    with office.store.engine.begin() as connection:
        rows = connection.execute(
            select(AuditRow).where(AuditRow.id >= target - 1).order_by(AuditRow.id)
        ).all()
        prev_hash = rows[0].hash
        for row in rows[1:]:
            detail = row.detail.replace("amount=15000", "amount=0") if row.id == target else row.detail
            entry = AuditRow(
                id=row.id,
                at=row.at,
                actor=row.actor,
                action=row.action,
                subject=row.subject,
                detail=detail,
                prev_hash=prev_hash,
            )
            new_hash = _chain_hash(prev_hash, entry)
            connection.execute(
                text("UPDATE audit_log SET detail = :d, prev_hash = :p, hash = :h WHERE id = :i"),
                {"d": detail, "p": prev_hash, "h": new_hash, "i": row.id},
            )
            prev_hash = new_hash
    plain = office.verify()
    assert plain.returncode == 0, plain.stderr  # the chain alone cannot tell
    assert written_down.hash not in plain.stdout
    anchored = office.verify("--anchor", written_down.mark)
    assert anchored.returncode == 1
    assert f"Mục {written_down.id} không còn mã {written_down.hash[:16]}" in anchored.stderr
    assert "the chain was rewritten" in anchored.stderr
    # An entry before the change still holds its hash: the anchor checks the very entry named.
    with office.store.read() as session:
        before = session.scalar(select(AuditRow.hash).where(AuditRow.id == target - 1))
    assert office.verify("--anchor", f"{target - 1}:{before[:16]}").returncode == 0


@pytest.mark.parametrize("anchor", ["12", "12:xyz0123456789abcd", "12:0123", "-1:0123456789abcdef"])
def test_a_malformed_anchor_is_refused_in_vietnamese(tmp_path: Path, anchor: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    done = run(data_dir, "audit", "verify", f"--anchor={anchor}")
    assert done.returncode == 2
    assert "Mã kiểm tra không hợp lệ" in done.stderr
    assert re.search(r"not an anchor ID:HASH", done.stderr)
