"""The citizen's feedback in the store (egov.feedback, migration 0007), on SQLite and PostgreSQL.

Migration 0007 from a 0006 database with a rating whose reason was free text (it becomes "other";
free text is refused from then on) and back down; a suggestion sealed at rest (its words not in the
database's bytes, a ciphertext moved to another row refused); the supervisor's reading audited,
marking read, and the retention purge of what was read long enough ago (never of what nobody has
read); the reasons and the suggestions counted per office and day in egov.reports, its CSV and
PDF; and `dvc-kiosk feedback list`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the PDF test's QGuiApplication (qapp)

from test_cli import run  # noqa: E402
from test_reports import pdf_text, read_csv  # noqa: E402

import egov.store  # noqa: E402
from egov.feedback import (  # noqa: E402
    EMPTY_SUGGESTION,
    LONG_SUGGESTION,
    FeedbackError,
    Reason,
    add_suggestion,
    feedback_summary,
    list_suggestions,
    mark_read,
    purge_read_suggestions,
    record_rating,
)
from egov.reports import daily_report, report_tables, to_csv  # noqa: E402
from egov.retention import purge_once  # noqa: E402
from egov.store import Store, StoreError, load_or_create_key  # noqa: E402

KEY = bytes(range(32))
OFFICE, OTHER = "H01.99", "H01.98"
VN = timezone(timedelta(hours=7))
DAY = date(2026, 3, 12)
SECRET = "Chị Lành ở quầy 2 nói nặng lời, số tôi 0912345678"


class Clock:
    """The store's clock, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return str(request.getfixturevalue("fresh_postgres_url"))


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 12, 9, 0, tzinfo=VN))


@pytest.fixture
def store(url: str, clock: Clock) -> Iterator[Store]:
    opened = Store(url, KEY, clock=clock)
    yield opened
    opened.close()


def alembic(url: str, revision: str, *, down: bool = False) -> None:
    """Move the schema to `revision` the way the Store migrates (one connection, one transaction)."""
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(Path(egov.store.__file__).with_name("migrations")))
    config.set_main_option("path_separator", "os")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()


def raw(url: str, sql: str, **params: object) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(sql), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


# -- the migration --------------------------------------------------------------------------------


def test_migration_0007_from_0006_and_back(url: str) -> None:
    alembic(url, "0006")
    insert = "INSERT INTO ratings (office_code, score, reason, at) VALUES (:office, :score, :reason, :at)"
    moment = datetime(2026, 3, 1, 2, 0)
    raw(url, insert, office=OFFICE, score=2, reason="cán bộ Nguyễn Văn A chậm", at=moment)
    raw(url, insert, office=OFFICE, score=5, reason="", at=moment)

    Store(url, KEY).close()  # migrates to the head, 0007
    assert raw(url, "SELECT version_num FROM alembic_version") == [("0007",)]
    assert sorted(raw(url, "SELECT score, reason FROM ratings")) == [(2, "other"), (5, "")]
    with pytest.raises(DBAPIError):
        raw(url, insert, office=OFFICE, score=3, reason="free text in clear", at=moment)
    raw(url, insert, office=OFFICE, score=3, reason="wait", at=moment)
    assert raw(url, "SELECT count(*) FROM suggestions") == [(0,)]
    # The older constraint is still there after SQLite's copy-and-move of the table.
    with pytest.raises(DBAPIError):
        raw(url, insert, office=OFFICE, score=6, reason="", at=moment)

    alembic(url, "0006", down=True)
    raw(url, insert, office=OFFICE, score=3, reason="free text again", at=moment)
    with pytest.raises(DBAPIError):
        raw(url, "SELECT count(*) FROM suggestions")
    alembic(url, "head")
    assert sorted(raw(url, "SELECT reason FROM ratings WHERE score = 3")) == [("other",), ("wait",)]


def test_a_reason_is_a_code_never_free_text(store: Store) -> None:
    record_rating(store, OFFICE, 4, Reason.WAIT)
    record_rating(store, OFFICE, 5)
    with pytest.raises(StoreError):
        store.record_rating(office_code=OFFICE, score=2, reason="anh Bình chậm quá")
    assert store.ratings_summary(office_code=OFFICE).count == 2


# -- suggestions ----------------------------------------------------------------------------------


def database_bytes(url: str, store: Store) -> bytes:
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    with store.engine.connect() as conn:
        return b"".join(bytes(row[0]) for row in conn.execute(text("SELECT text_enc FROM suggestions")))


def test_a_suggestion_is_sealed_at_rest_and_bound_to_its_row(store: Store, url: str) -> None:
    first = add_suggestion(store, OFFICE, f"  {SECRET}  ")
    add_suggestion(store, OFFICE, "Nên có ghế chờ cho người già.")
    data = database_bytes(url, store)
    for clear in (SECRET, "Chị Lành", "0912345678", "ghế chờ"):
        assert clear.encode() not in data
    listed = list_suggestions(store, reader="quanly", office_code=OFFICE)
    assert [s.text for s in listed] == ["Nên có ghế chờ cho người già.", SECRET]  # newest first, trimmed
    # The audit trail knows a suggestion came and who read them, never what they say.
    trail = store.audit_trail()
    assert [e.action for e in trail] == ["suggestion.received", "suggestion.received", "suggestions.read"]
    assert trail[-1].actor == "quanly" and "shown=2" in trail[-1].detail
    assert all("Lành" not in e.detail and "[redacted]" not in e.detail for e in trail)
    # A ciphertext copied onto another row does not open there.
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE suggestions SET text_enc = (SELECT text_enc FROM suggestions WHERE uid = :u)"),
            {"u": first},
        )
    with pytest.raises(StoreError):
        list_suggestions(store, reader="quanly", office_code=OFFICE)


@pytest.mark.parametrize(("typed", "message"), [("   \n ", EMPTY_SUGGESTION), ("ý" * 1001, LONG_SUGGESTION)])
def test_an_empty_or_too_long_suggestion_is_refused_in_vietnamese(
    store: Store, typed: str, message: str
) -> None:
    with pytest.raises(FeedbackError) as refused:
        add_suggestion(store, OFFICE, typed)
    assert refused.value.message == message
    assert list_suggestions(store, reader="quanly") == []


def test_marking_read_then_the_retention_purge(store: Store, clock: Clock) -> None:
    read_one = add_suggestion(store, OFFICE, "Đã đọc từ lâu")
    add_suggestion(store, OFFICE, "Chưa ai đọc")
    add_suggestion(store, OTHER, "Của phường khác")
    assert [
        s.text for s in list_suggestions(store, reader="quanly", office_code=OFFICE, unread_only=True)
    ] == [
        "Chưa ai đọc",
        "Đã đọc từ lâu",
    ]
    assert mark_read(store, read_one, reader="quanly") is True
    assert mark_read(store, read_one, reader="quanly") is False
    with pytest.raises(StoreError):
        mark_read(store, "no-such-uid", reader="quanly")
    unread = list_suggestions(store, reader="quanly", office_code=OFFICE, unread_only=True)
    assert [s.text for s in unread] == ["Chưa ai đọc"]
    marked = [e for e in store.audit_trail(f"suggestion:{read_one}") if e.action == "suggestion.marked_read"]
    assert len(marked) == 1 and marked[0].actor == "quanly"

    clock.now += timedelta(days=29)
    assert purge_read_suggestions(store, after=timedelta(days=30)) == 0
    clock.now += timedelta(days=2)
    # The daily purger's round: dossiers and suggestions read 30 days ago.
    purge_once(store, timedelta(days=30))
    everything = list_suggestions(store, reader="quanly")
    assert sorted(s.text for s in everything) == ["Chưa ai đọc", "Của phường khác"]  # unread: kept
    assert purge_read_suggestions(store, after=timedelta(days=30)) == 0  # once only
    # The row stays for the counts, its text gone.
    assert feedback_summary(store, OFFICE, clock.now - timedelta(days=40), clock.now).suggestions == 2


# -- counted in the report ------------------------------------------------------------------------


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return datetime(2026, 3, 12, hour, minute, tzinfo=VN) + timedelta(days=days)


def test_reasons_and_suggestions_are_counted_per_office_and_day(
    store: Store, clock: Clock, qapp, tmp_path
) -> None:
    day_ratings = [
        (5, None),
        (4, Reason.WAIT),
        (4, Reason.GUIDANCE),
        (3, Reason.WAIT),
        (2, Reason.STAFF),
        (1, Reason.WAIT),
        (2, None),
    ]
    for n, (score, reason) in enumerate(day_ratings):
        clock.now = at(8 + n)
        record_rating(store, OFFICE, score, reason)
    for moment, office, score, reason in (
        (at(10, days=-1), OFFICE, 1, Reason.WAIT),  # yesterday
        (at(10), OTHER, 1, Reason.WAIT),  # another office
    ):
        clock.now = moment
        record_rating(store, office, score, reason)
    for moment, office in (
        (at(9), OFFICE),
        (at(16), OFFICE),
        (at(23, 59), OTHER),
        (at(0, 0, days=1), OFFICE),
    ):
        clock.now = moment
        add_suggestion(store, office, f"Nội dung riêng lúc {moment:%H:%M}")
    clock.now = at(18)

    report = daily_report(store, DAY, OFFICE, now=at(18))
    fb = report.feedback
    assert fb.reasons == {
        Reason.WAIT: 3,
        Reason.MACHINE: 0,
        Reason.GUIDANCE: 1,
        Reason.PAPERWORK: 0,
        Reason.STAFF: 1,
        Reason.OTHER: 0,
    }
    assert fb.low_reasons[Reason.WAIT] == 2 and fb.low_reasons[Reason.GUIDANCE] == 0
    assert fb.low_reasons[Reason.STAFF] == 1
    assert (fb.without_reason, fb.low_without_reason, fb.suggestions) == (2, 1, 2)
    # The existing figures stay as they were.
    assert report.ratings.count == 7 and report.ratings.by_score == {1: 1, 2: 2, 3: 1, 4: 2, 5: 1}

    tables = {t.key: t for t in report_tables(report)}
    rows = {row[0]: row[1:] for row in tables["feedback"].rows}
    assert rows["Phải chờ lâu"] == (3, 2)
    assert rows["Không chọn lý do"] == (2, 1)
    assert rows["Số góp ý bằng chữ đã nhận"] == (2, "—")
    ratings = dict(tables["ratings"].rows)
    assert ratings["5 – Rất hài lòng"] == 1 and ratings["2 – Không hài lòng"] == 2

    sections = read_csv(to_csv(report))
    feedback = sections["Điều cần làm tốt hơn (lý do chọn sau khi đánh giá) và góp ý"]
    assert feedback[0] == ["Lý do", "Số lượt", "Trong đó kèm mức Bình thường trở xuống"]
    assert ["Thái độ phục vụ", "1", "1"] in feedback and ["Số góp ý bằng chữ đã nhận", "2", "—"] in feedback
    # An agent's report shows the office's counts too (anonymous), never a suggestion's words.
    assert daily_report(store, DAY, OFFICE, agent="canbo.an", now=at(18)).feedback == fb
    assert "Nội dung riêng" not in to_csv(report).decode("utf-8-sig")

    from ui.report_pdf import write_pdf

    pdf = pdf_text(write_pdf(report, tmp_path / "bao-cao.pdf"))
    assert "Phải chờ lâu" in pdf and "Số góp ý bằng chữ đã nhận" in pdf and "Thái độ phục vụ" in pdf


# -- the command line -----------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_feedback_list_from_the_console(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if backend == "sqlite":
        url = f"sqlite:///{data_dir / 'dvc-kiosk.sqlite3'}"
    else:
        url = str(request.getfixturevalue("fresh_postgres_url"))
    config = tmp_path / "office.toml"
    config.write_text(f'[store]\nurl = "{url}"\n', encoding="utf-8")
    with Store(url, load_or_create_key(data_dir / "store.key")) as store:
        read_one = add_suggestion(store, OFFICE, "Đã đọc rồi")
        add_suggestion(store, OFFICE, "Nên mở cửa sớm hơn vào thứ Bảy.\nCảm ơn.")
        add_suggestion(store, OTHER, "Của phường khác")
        mark_read(store, read_one, reader="quanly")

    done = run(data_dir, "--config", str(config), "feedback", "list", "--office", OFFICE)
    assert done.returncode == 0, done.stderr
    assert f"{OFFICE}: 2 suggestion(s), 1 unread" in done.stdout
    assert "  Nên mở cửa sớm hơn vào thứ Bảy.\n  Cảm ơn." in done.stdout
    assert "by quanly" in done.stdout and "Của phường khác" not in done.stdout

    done = run(data_dir, "--config", str(config), "feedback", "list", "--office", OFFICE, "--unread")
    assert done.returncode == 0, done.stderr
    assert "1 suggestion(s), 1 unread" in done.stdout and "Đã đọc rồi" not in done.stdout

    with Store(url, load_or_create_key(data_dir / "store.key")) as store:
        reads = [e for e in store.audit_trail() if e.action == "suggestions.read"]
        # Listing does not mark anything read.
        assert len(list_suggestions(store, reader="test", office_code=OFFICE, unread_only=True)) == 1
    assert [(e.actor, e.detail) for e in reads] == [
        ("command-line", "shown=2; unread_only=False"),
        ("command-line", "shown=1; unread_only=True"),
    ]

    done = run(data_dir, "--config", str(config), "feedback", "list", "--office", " ")
    assert done.returncode == 2 and "Mã điểm tiếp nhận không hợp lệ" in done.stderr
