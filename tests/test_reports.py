"""The end-of-day report (egov.reports), its CSV and PDF, the agent's slip and `dvc-kiosk report daily`.

A whole working day is built in the store (tests/report_day.py): two agents and the kiosk, every
outbox state, cash, VietQR, gateway and "later" payments, a fee nobody priced, a postal dossier,
a late dossier, ratings and a queue, with yesterday's and another office's records around it. The
report's figures must equal what the test sums itself over the dossiers and payments it made, on
SQLite and on PostgreSQL; the CSV is parsed back as Excel would split it, the PDF is read back
with poppler's pdftotext (an independent reader) and must show the Vietnamese totals.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the PDF test's QGuiApplication (qapp)

from report_day import AN, BINH, KIOSK, OFFICE, Day, build_day
from test_cli import run

from egov.audit import audit_head
from egov.dossier import Channel
from egov.fees import ChargeKind, Method
from egov.receipt import KeyValue, Text, Title, format_money
from egov.reports import DailyReport, daily_report, day_slip_for, format_percent, report_tables, to_csv
from egov.store import DossierState, Store, load_or_create_key

KEY = bytes(range(32))
VN = timezone(timedelta(hours=7))
DAY = date(2026, 3, 12)
EVENING = datetime(2026, 3, 12, 18, 0, tzinfo=VN)


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = str(request.getfixturevalue("fresh_postgres_url"))
    opened = Store(url, KEY)
    yield opened
    opened.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def day(store: Store) -> Day:
    return build_day(store, DAY, VN)


def expected_money(made: Day, agent: str | None = None) -> dict[tuple[ChargeKind, Method], int]:
    sums: Counter[tuple[ChargeKind, Method]] = Counter()
    for p in made.paid_on_day(agent):
        sums[(p.kind, p.method)] += p.amount or 0
    return dict(sums)


def check_against(report: DailyReport, made: Day, agent: str | None) -> None:
    """Every figure of `report` equals the sum over what `made` holds for the day (and `agent`)."""
    dossiers = made.of_day(agent)
    payments = made.paid_on_day(agent)
    money = expected_money(made, agent)
    assert report.dossiers == len(dossiers)
    assert report.by_state == {s: sum(d.state is s for d in dossiers) for s in DossierState}
    assert {p.code: p.total for p in report.procedures} == dict(Counter(d.procedure_code for d in dossiers))
    for line in report.procedures:
        assert line.by_state == {
            s: sum(d.procedure_code == line.code and d.state is s for d in dossiers) for s in DossierState
        }
    assert report.state_fees == sum(v for (kind, _), v in money.items() if kind is ChargeKind.STATE_FEE)
    assert report.service_charges == sum(
        v for (kind, _), v in money.items() if kind is ChargeKind.SERVICE_CHARGE
    )
    for line in report.money:
        assert line.count == sum(p.method is line.method for p in payments)
        assert line.state_fees == money.get((ChargeKind.STATE_FEE, line.method), 0)
        assert line.service_charges == money.get((ChargeKind.SERVICE_CHARGE, line.method), 0)
    assert report.unpriced == sum(p.amount is None for p in payments)
    for account in report.agents:
        cash = [p for p in payments if p.recorded_by == account.username and p.method is Method.CASH]
        assert account.cash == sum(p.amount or 0 for p in cash)
        assert account.dossiers == sum((d.agent or KIOSK) == account.username for d in dossiers)
    assert report.cash == sum(p.amount or 0 for p in payments if p.method is Method.CASH)
    assert report.identity == {k: sum(d.identity == k for d in dossiers) for k in ("chip", "manual", "")}
    assert report.channels == {c: sum(d.channel is c for d in dossiers) for c in Channel}
    online = sum(d.channel is not Channel.POSTAL for d in dossiers)
    assert report.online_share == pytest.approx(online / len(dossiers))
    late = [code for code in made.late if agent is None or made.late_by[code] == agent]
    assert [x.reference for x in report.late] == late


def test_the_office_report_adds_up_to_the_dossiers_and_payments_of_the_day(store: Store, day: Day) -> None:
    report = daily_report(store, DAY, OFFICE, now=EVENING)
    check_against(report, day, None)
    # The figures a supervisor reads first, written out: a test of the test's own sums.
    assert (report.dossiers, report.state_fees, report.service_charges, report.cash) == (
        8,
        66_000,
        50_000,
        70_000,
    )
    assert report.unpriced == 1  # the marriage-status fee the province sets, recorded with no amount
    # Bình took yesterday's fee in cash today: it is in his cash, not in An's.
    cash = {a.username: a.cash for a in report.agents}
    assert cash == {AN: 35_000, BINH: 35_000, KIOSK: 0}
    assert report.by_state[DossierState.ACCEPTED] == 3 and report.by_state[DossierState.NEEDS_ATTENTION] == 1
    assert report.online_share == 7 / 8  # the postal dossier is the one not online
    assert (report.ratings.count, report.ratings.average) == (4, 3.75)
    assert report.ratings.by_score == {1: 0, 2: 1, 3: 0, 4: 2, 5: 1}
    assert report.identity == {"chip": 5, "manual": 2, "": 1}
    queue = report.queue
    assert queue is not None
    assert (queue.taken, queue.served, queue.gone, queue.waiting) == (4, 2, 1, 1)
    assert queue.average_wait == timedelta(minutes=(10 + 15 + 1) / 3)
    head = audit_head(store)
    assert head is not None and report.audit_mark == f"{head.id}:{head.hash[:16]}"


def test_an_agents_report_holds_only_what_that_account_did(store: Store, day: Day) -> None:
    report = daily_report(store, DAY, OFFICE, agent=AN, now=EVENING)
    check_against(report, day, AN)
    assert [a.username for a in report.agents] == [AN]
    assert (report.dossiers, report.cash) == (3, 35_000)
    queue = report.queue
    assert queue is not None and (queue.taken, queue.served, queue.gone) == (2, 1, 1)
    bình = daily_report(store, DAY, OFFICE, agent=BINH, now=EVENING)
    check_against(bình, day, BINH)
    assert bình.late == ()  # his dossier past its date was returned to the citizen: closed


def test_a_day_with_nothing_in_it_reports_zeros(store: Store) -> None:
    report = daily_report(store, DAY, OFFICE, now=EVENING)
    assert (report.dossiers, report.state_fees, report.cash, report.late, report.queue) == (0, 0, 0, (), None)
    assert report.online_share is None and format_percent(report.online_share) == "—"
    assert report.audit_mark == ""
    assert to_csv(report).startswith("\ufeff".encode())


def read_csv(data: bytes) -> dict[str, list[list[str]]]:
    """The CSV as Excel splits it (";"), by section title: the header row first, then the rows."""
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: Excel would garble the letters"
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    sections: dict[str, list[list[str]]] = {}
    title = None
    for row in lines[2:]:
        if not row:
            title = None
        elif title is None:
            title = row[0]
            sections[title] = []
        else:
            sections[title].append(row)
    return sections


@pytest.mark.parametrize("agent", [None, AN])
def test_the_csv_reads_back_section_by_section(tmp_path: Path, agent: str | None) -> None:
    with Store(f"sqlite:///{tmp_path / 's.sqlite3'}", KEY) as store:
        made = build_day(store, DAY, VN)
        report = daily_report(store, DAY, OFFICE, agent=agent, now=EVENING)
    sections = read_csv(to_csv(report))
    assert list(sections) == [t.title for t in report_tables(report)]
    summary = dict(row[:2] for row in sections["Thông tin chung"][1:])
    assert summary["Tổng số hồ sơ"] == str(len(made.of_day(agent)))
    assert summary["Tổng lệ phí (đ)"] == str(report.state_fees)
    assert summary["Tiền mặt phải nộp (đ)"] == str(report.cash)
    assert summary["Mã kiểm tra nhật ký"] == report.audit_mark
    money = sections["Phí, lệ phí theo hình thức nộp (theo các khoản đã ghi nhận)"]
    assert money[0] == ["Hình thức", "Số khoản", "Lệ phí (đ)", "Phí dịch vụ (đ)", "Cộng (đ)"]
    by_method = {row[0]: [int(v) for v in row[1:]] for row in money[1:] if len(row) == 5}
    assert by_method["Tiền mặt"][1:3] == [
        expected_money(made, agent).get((ChargeKind.STATE_FEE, Method.CASH), 0),
        expected_money(made, agent).get((ChargeKind.SERVICE_CHARGE, Method.CASH), 0),
    ]
    procedures = sections["Hồ sơ theo thủ tục và trạng thái"]
    assert procedures[0][:3] == ["Mã thủ tục", "Tên thủ tục", "Chờ gửi"]
    assert int(procedures[-1][-1]) == report.dossiers
    # Staff user names, codes, counts and money only: no applicant's name, no ID number.
    text = to_csv(report).decode("utf-8-sig")
    assert "Nguyễn Thị Mẫu" not in text and "0011580" not in text


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (Debian: poppler-utils, installed by setup.sh test) is missing")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_the_pdf_shows_the_vietnamese_totals_in_an_embedded_font(qapp, tmp_path: Path) -> None:
    from ui.report_pdf import write_pdf

    with Store(f"sqlite:///{tmp_path / 's.sqlite3'}", KEY) as store:
        build_day(store, DAY, VN)
        report = daily_report(store, DAY, OFFICE, now=EVENING)
    path = write_pdf(report, tmp_path / "bao-cao.pdf")
    text = pdf_text(path)
    assert "BÁO CÁO CUỐI NGÀY" in text
    assert "Điểm tiếp nhận H01.99 — Ngày 12/03/2026 — Toàn điểm tiếp nhận" in text
    assert f"Mã kiểm tra nhật ký: {report.audit_mark}" in text
    assert "Tiền mặt phải nộp: 70.000 đ" in text
    assert "Lệ phí: 66.000 đ" in text and "Phí dịch vụ: 50.000 đ" in text
    assert "Tỷ lệ hồ sơ trực tuyến: 87,5 %" in text
    assert "Chứng thực bản sao" in text and "Đã gửi đến cơ quan" in text
    assert report.late[0].reference in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    embedded = [line.split() for line in fonts.splitlines()[2:]]
    assert embedded and all(line[0].startswith("DejaVuSans") or "+DejaVuSans" in line[0] for line in embedded)
    assert all(line[-5] == "yes" for line in embedded), fonts  # the "emb" column


def all_text(blocks: list) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, KeyValue):
            parts.append(f"{block.key}: {block.value}")
        elif isinstance(block, Text | Title):
            parts.append(block.text)
    return "\n".join(parts)


def test_the_agents_slip_takes_its_money_from_the_payment_records(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 's.sqlite3'}", KEY) as store:
        made = build_day(store, DAY, VN)
        report = daily_report(store, DAY, OFFICE, agent=AN, now=EVENING)
    slip = all_text(
        day_slip_for(
            report,
            office_name="Bưu điện xã Mẫu",
            office_address="",
            agent_name="Lê Thị An",
            printed_at=EVENING,
        )
    )
    money = expected_money(made, AN)
    cash = money.get((ChargeKind.STATE_FEE, Method.CASH), 0) + money.get(
        (ChargeKind.SERVICE_CHARGE, Method.CASH), 0
    )
    assert cash == 35_000
    # Not fee × dossiers (3 × 15 000 + 3 × 10 000): what An recorded, and the cash only in hand.
    assert "Lệ phí thu hộ cơ quan nhà nước: 30.000 đ" in slip
    assert "Phí dịch vụ của điểm tiếp nhận: 30.000 đ" in slip
    assert f"Tiền mặt phải nộp: {format_money(cash)}" in slip
    assert "Chuyển khoản (chưa đối soát): 25.000 đ" in slip
    assert "Tổng số hồ sơ: 3" in slip
    assert f"Mã kiểm tra nhật ký: {report.audit_mark}" in slip


# -- the console script ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "backend", [pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_report_daily_writes_csv_and_pdf_from_the_console(
    request: pytest.FixtureRequest, data_dir: Path, tmp_path: Path, backend: str
) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{data_dir / 'dvc-kiosk.sqlite3'}"
    else:
        url = str(request.getfixturevalue("fresh_postgres_url"))
    config = tmp_path / "office.toml"
    config.write_text(f'[store]\nurl = "{url}"\n', encoding="utf-8")
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    with Store(url, load_or_create_key(data_dir / "store.key")) as store:
        build_day(store, DAY, local)
    out = data_dir / "bao-cao.csv"
    common = ("--config", str(config), "report", "daily", "--date", "2026-03-12", "--office", OFFICE)
    done = run(data_dir, *common, "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    summary = dict(row[:2] for row in read_csv(out.read_bytes())["Thông tin chung"][1:])
    assert (summary["Tổng số hồ sơ"], summary["Tiền mặt phải nộp (đ)"], summary["Phạm vi"]) == (
        "8",
        "70000",
        "Toàn điểm tiếp nhận",
    )
    pdf = data_dir / "an.pdf"
    done = run(data_dir, *common, "--agent", AN, "--format", "pdf", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    text = pdf_text(pdf)
    assert "Tiền mặt phải nộp: 35.000 đ" in text and "canbo.an" in text


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("--date", "12/03/2026", "--format", "csv", "--out", "r.csv"), "Ngày không hợp lệ"),
        (("--format", "xlsx", "--out", "r.xlsx"), "Định dạng báo cáo phải là csv hoặc pdf"),
        (("--format", "csv"), "Hãy cho biết tệp để lưu báo cáo"),
        (("--format", "csv", "--out", "khong-co/r.csv"), "Thư mục để lưu báo cáo không tồn tại"),
    ],
)
def test_report_daily_refuses_bad_input_in_vietnamese(
    data_dir: Path, args: tuple[str, ...], sentence: str
) -> None:
    done = run(data_dir, "report", "daily", *args)
    assert done.returncode == 2
    assert sentence in done.stderr
    assert not any(data_dir.glob("r.*"))
