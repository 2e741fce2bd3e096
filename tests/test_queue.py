"""The office's queue (egov.queue): numbers per office and day, calls to desks, the end of a ticket,
the waiting list and its times, the ticket slip on paper, the desk setting and the command line.

Each store test runs on SQLite and on a real PostgreSQL server; the concurrency tests open one
Store per desk and per kiosk, as separate machines of one office would, and run them at once.
"""

from __future__ import annotations

import json
import threading
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from test_cli import run

from config.settings import ConfigError, load_settings
from egov.dossier import Attachment, Channel, Dossier, Person
from egov.queue import (
    SERVICES,
    QueueError,
    Ticket,
    average_wait,
    call_next,
    day_summary,
    desk_ticket,
    finish,
    no_show,
    recall,
    service,
    take_ticket,
    waiting,
)
from egov.receipt import Size, Title
from egov.store import Store
from egov.store.models import TicketState
from egov.ticket_slip import PLEASE_WAIT, ticket_slip

KEY = bytes(range(32))
VN = timezone(timedelta(hours=7))
OFFICE = "H01.99"
MORNING = datetime(2026, 11, 23, 7, 30, tzinfo=VN)
KIOSK = "kiosk:Sảnh"


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


def at(minutes: float, start: datetime = MORNING) -> datetime:
    return start + timedelta(minutes=minutes)


def take(store: Store, letter: str, minutes: float = 0, office: str = OFFICE) -> Ticket:
    return take_ticket(store, office, letter, KIOSK, at(minutes))


def saved_dossier(store: Store) -> str:
    dossier = Dossier(
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        applicant=Person(full_name="Nguyễn Thị Mẫu", id_number="001158000000"),
        office_code=OFFICE,
        channel=Channel.DIRECT,
        form={},
        attachments=[Attachment("TK", "Tờ khai", "tk.pdf", b"%PDF-1.4\n%%EOF", pages=1)],
    )
    store.save_dossier(dossier)
    return str(dossier.client_id)


# ---- numbering -------------------------------------------------------------------------------------


def test_numbers_start_at_one_and_run_on_whatever_the_service(store: Store) -> None:
    tickets = [take(store, letter, i) for i, letter in enumerate("ABACb")]
    assert [t.label for t in tickets] == ["A001", "B002", "A003", "C004", "B005"]
    assert [t.ahead for t in tickets] == [0, 1, 2, 3, 4]
    assert {t.state for t in tickets} == {TicketState.WAITING}
    assert tickets[0].service_name == "Nộp hồ sơ" and tickets[1].service_name == "Nhận kết quả"
    assert tickets[3].service_name == "Hỏi đáp, tra cứu"


def test_the_next_day_starts_again_at_one_and_each_office_counts_alone(store: Store) -> None:
    take(store, "A")
    take(store, "A", 1)
    assert take(store, "B", 2, office="H01.50").label == "B001"
    # One minute after midnight in Hà Nội (17:01 UTC): a new local day.
    midnight = datetime(2026, 11, 24, 0, 1, tzinfo=VN)
    tomorrow = take_ticket(store, OFFICE, "A", KIOSK, midnight)
    assert (tomorrow.label, tomorrow.day, tomorrow.ahead) == ("A001", date(2026, 11, 24), 0)
    # Yesterday's tickets still waiting are not in today's list, nor called today.
    assert [t.label for t in waiting(store, OFFICE, date(2026, 11, 24))] == ["A001"]
    called = call_next(store, OFFICE, "Quầy 1", "canbo.an", now=midnight)
    assert called is not None and called.day == date(2026, 11, 24)
    assert call_next(store, OFFICE, "Quầy 1", "canbo.an", now=midnight) is None


def test_an_unknown_service_or_a_blank_place_is_refused_in_words(store: Store) -> None:
    with pytest.raises(QueueError) as caught:
        take(store, "Z")
    assert "Không có dịch vụ này" in caught.value.message
    with pytest.raises(QueueError):
        take_ticket(store, OFFICE, "A", "  ", MORNING)
    with pytest.raises(QueueError):
        call_next(store, OFFICE, "x" * 33, "canbo.an", now=MORNING)
    assert waiting(store, OFFICE, MORNING.date()) == []
    assert service("c") is SERVICES[2]


# ---- calling -----------------------------------------------------------------------------------------


def test_calls_go_oldest_first_each_to_the_desk_that_called(store: Store) -> None:
    for i, letter in enumerate("ABC"):
        take(store, letter, i)
    first = call_next(store, OFFICE, "Quầy 1", "canbo.an", now=at(10))
    second = call_next(store, OFFICE, "Quầy 2", "canbo.binh", now=at(11))
    assert first is not None and second is not None
    assert (first.label, first.desk, first.called_by, first.state) == ("A001", "Quầy 1", "canbo.an", "called")
    assert (second.label, second.desk) == ("B002", "Quầy 2")
    assert first.waited(at(99)) == timedelta(minutes=10)  # until called, not until now
    assert desk_ticket(store, OFFICE, MORNING.date(), "Quầy 1") == first
    left = waiting(store, OFFICE, MORNING.date())
    assert [(t.label, t.ahead) for t in left] == [("C003", 0)]
    assert left[0].waited(at(12)) == timedelta(minutes=10)


def test_a_desk_may_call_only_the_services_it_serves(store: Store) -> None:
    take(store, "A")
    take(store, "B", 1)
    called = call_next(store, OFFICE, "Quầy trả kết quả", "canbo.an", services=["B"], now=at(5))
    assert called is not None and called.label == "B002"
    assert call_next(store, OFFICE, "Quầy trả kết quả", "canbo.an", services=["B"], now=at(6)) is None
    assert [t.label for t in waiting(store, OFFICE, MORNING.date())] == ["A001"]


def test_recall_no_show_and_finish_with_the_dossier_it_led_to(store: Store) -> None:
    for i in range(3):
        take(store, "A", i)
    first = call_next(store, OFFICE, "Quầy 1", "canbo.an", now=at(5))
    assert first is not None
    assert recall(store, first, "canbo.an").state is TicketState.CALLED
    gone = no_show(store, first, "canbo.an", now=at(8))
    assert (gone.state, gone.finished_at) == (TicketState.GONE, at(8))
    with pytest.raises(QueueError):
        recall(store, first, "canbo.an")  # gone: nobody to call again
    with pytest.raises(QueueError) as caught:
        finish(store, first, "canbo.an")
    assert caught.value.message.startswith("Số %1 không còn")

    second = call_next(store, OFFICE, "Quầy 1", "canbo.an", now=at(9))
    assert second is not None and second.label == "A002"
    client_id = saved_dossier(store)
    done = finish(store, second, "canbo.an", client_id=client_id, now=at(30))
    assert (done.state, done.client_id, done.finished_at) == (TicketState.DONE, client_id, at(30))
    assert desk_ticket(store, OFFICE, MORNING.date(), "Quầy 1") is None

    third = call_next(store, OFFICE, "Quầy 1", "canbo.an", now=at(31))
    assert third is not None
    with pytest.raises(QueueError):
        finish(store, third, "canbo.an", client_id=str(uuid.uuid4()))  # no such dossier here
    assert finish(store, third, "canbo.an", now=at(40)).client_id is None  # a question, no dossier


def test_the_day_in_figures_and_the_average_wait(store: Store) -> None:
    day = MORNING.date()
    assert average_wait(store, OFFICE, day) is None
    for i in range(4):
        take(store, "A", i)  # taken at 0, 1, 2, 3 minutes
    one = call_next(store, OFFICE, "Quầy 1", "a", now=at(10))  # waited 10
    two = call_next(store, OFFICE, "Quầy 2", "b", now=at(5))  # waited 4
    assert one is not None and two is not None
    finish(store, one, "a", now=at(20))
    no_show(store, two, "b", now=at(21))
    call_next(store, OFFICE, "Quầy 1", "a", now=at(22))  # waited 20
    summary = day_summary(store, OFFICE, day)
    assert (summary.taken, summary.waiting, summary.called, summary.done, summary.gone) == (4, 1, 1, 1, 1)
    assert summary.average_wait == timedelta(minutes=(10 + 4 + 20) / 3)
    assert average_wait(store, OFFICE, day) == summary.average_wait


def test_every_step_is_in_the_audit_trail_without_personal_data(store: Store) -> None:
    ticket = take(store, "A")
    called = call_next(store, OFFICE, "Quầy 1", "canbo.an", now=at(3))
    assert called is not None
    recall(store, called, "canbo.an")
    client_id = saved_dossier(store)
    finish(store, called, "canbo.an", client_id=client_id, now=at(9))
    trail = store.audit_trail(ticket.subject)
    assert [e.action for e in trail] == ["ticket.taken", "ticket.called", "ticket.recalled", "ticket.done"]
    assert trail[0].actor == KIOSK and trail[1].actor == "canbo.an"
    assert trail[1].detail == "desk=Quầy 1; waited_minutes=3"
    assert trail[3].detail == f"desk=Quầy 1; dossier={client_id}"
    assert ticket.subject == "ticket:H01.99/2026-11-23/A001"
    assert not any("Nguyễn" in e.detail or "001158000000" in e.detail for e in store.audit_trail())
    assert store.verify_audit()


# ---- several machines at once -----------------------------------------------------------------------


def test_two_desks_and_three_kiosks_at_once_never_share_or_skip_a_ticket(url: str) -> None:
    """Two desks call while three kiosks hand out tickets, each machine with its own Store (its
    own connections): every ticket is called exactly once, and the numbers are 1..N without gaps."""
    kiosks, per_kiosk = 3, 12
    total = kiosks * per_kiosk
    Store(url, KEY).close()  # migrated once, before the machines start
    taken: list[Ticket] = []
    called: dict[str, list[Ticket]] = {"Quầy 1": [], "Quầy 2": []}
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(kiosks + len(called))
    kiosks_done = threading.Event()
    remaining = threading.Semaphore(0)

    def kiosk(n: int) -> None:
        try:
            with Store(url, KEY) as own:
                start.wait()
                for _ in range(per_kiosk):
                    ticket = take_ticket(own, OFFICE, "ABC"[n], f"kiosk:K{n}")
                    with lock:
                        taken.append(ticket)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            remaining.release()

    def desk(name: str) -> None:
        try:
            with Store(url, KEY) as own:
                start.wait()
                while True:
                    ticket = call_next(own, OFFICE, name, f"agent.{name[-1]}")
                    if ticket is not None:
                        called[name].append(ticket)
                    elif kiosks_done.is_set():
                        # The kiosks have finished: one more look, then nothing can come.
                        ticket = call_next(own, OFFICE, name, f"agent.{name[-1]}")
                        if ticket is None:
                            return
                        called[name].append(ticket)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=kiosk, args=(n,)) for n in range(kiosks)]
    threads += [threading.Thread(target=desk, args=(name,)) for name in called]
    for thread in threads:
        thread.start()
    for _ in range(kiosks):
        remaining.acquire(timeout=120)
    kiosks_done.set()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)

    assert sorted(t.number for t in taken) == list(range(1, total + 1))
    calls = called["Quầy 1"] + called["Quầy 2"]
    assert len(calls) == total, "every ticket called"
    assert len({t.id for t in calls}) == total, "no ticket called twice"
    assert {t.id for t in calls} == {t.id for t in taken}
    # Each desk called in number order (oldest first).
    for tickets in called.values():
        assert [t.number for t in tickets] == sorted(t.number for t in tickets)
    with Store(url, KEY) as check:
        summary = day_summary(check, OFFICE, taken[0].day)
        assert (summary.taken, summary.called, summary.waiting) == (total, total, 0)
        assert check.verify_audit()


# ---- the slip --------------------------------------------------------------------------------------


def test_the_slip_says_number_service_time_and_people_ahead(store: Store) -> None:
    take(store, "A")
    ticket = take(store, "B", 5)
    blocks = ticket_slip(ticket, office_name="UBND Phường Mẫu (đào tạo)")
    titles = [b for b in blocks if isinstance(b, Title)]
    assert titles[0] == Title("B002", Size.NUMBER)
    assert titles[1].text == "Nhận kết quả"
    texts = " ".join(getattr(b, "text", "") + getattr(b, "value", "") for b in blocks)
    assert PLEASE_WAIT in texts and "UBND Phường Mẫu (đào tạo)" in texts
    pairs = {b.key: b.value for b in blocks if hasattr(b, "key")}
    assert pairs["Số người đang chờ trước bạn"] == "1"
    local = ticket.taken_at.astimezone()  # the office's clock: the machine's time zone
    assert pairs["Giờ lấy số"] == f"{local:%H:%M} ngày {local:%d/%m/%Y}"


def test_the_slip_printed_by_a_real_escpos_printer_decodes_to_the_number_and_service(
    printers,  # noqa: ANN001
) -> None:
    """Text mode (CP1258 on a TM-T20 in emupos): the printer's own decoding of the bytes gives back
    the number and the service's Vietnamese name; the raster print of the same slip is cut."""
    from hardware.printer import PROFILES, EscPosPrinter, Timeouts

    ticket = Ticket(
        id=1,
        office_code=OFFICE,
        day=MORNING.date(),
        number=12,
        service="C",
        taken_at=MORNING,
        taken_where=KIOSK,
        state=TicketState.WAITING,
        ahead=3,
    )
    blocks = ticket_slip(ticket, office_name="UBND Phường Mẫu (đào tạo)")
    fast = Timeouts(connect=2.0, write=5.0, status=1.0, job=5.0)
    printer = EscPosPrinter(printers.uri("t80"), PROFILES["tm-t20"], fast, text_mode=True)
    before = printers.receipt_ids("t80")
    printer.print_blocks(blocks)
    receipt = printers.wait_for_receipt("t80", before)
    assert receipt["boundary"] == "cut"
    dump = unicodedata.normalize("NFC", printers.text("t80", receipt["id"]))
    for expected in ("C012", "Hỏi đáp, tra cứu", "SỐ THỨ TỰ", PLEASE_WAIT, "UBND Phường Mẫu"):
        assert expected in dump, expected
    assert "Số người đang chờ trước bạn: 3" in " ".join(dump.split())

    raster = EscPosPrinter(printers.uri("p80"), PROFILES["tm-t20"], fast)
    before = printers.receipt_ids("p80")
    raster.print_blocks(blocks)
    assert printers.wait_for_receipt("p80", before)["boundary"] == "cut"


# ---- settings --------------------------------------------------------------------------------------


def test_the_desk_name_comes_from_the_settings(tmp_path: Path) -> None:
    assert load_settings().desk.name == "Quầy 1"
    office = tmp_path / "office.toml"
    office.write_text('[desk]\nname = "Quầy 3 – Bưu điện"\n', encoding="utf-8")
    assert load_settings(office).desk.name == "Quầy 3 – Bưu điện"


@pytest.mark.parametrize("bad", ['""', '"   "', '" Quầy 1"', '"' + "x" * 33 + '"', '"Quầy\\t1"', "1"])
def test_a_bad_desk_name_is_refused_with_a_vietnamese_sentence(tmp_path: Path, bad: str) -> None:
    office = tmp_path / "office.toml"
    office.write_text(f"[desk]\nname = {bad}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(office)
    assert caught.value.key == "[desk] name"
    if bad != "1":
        assert "tên quầy phải có từ 1 đến 32 ký tự" in caught.value.problem


# ---- command line ----------------------------------------------------------------------------------


def test_take_call_and_list_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    taken = run(data, "queue", "take", "--service", "A", "--json")
    assert taken.returncode == 0, taken.stderr
    first = json.loads(taken.stdout)
    assert (first["label"], first["service_name"], first["ahead"]) == ("A001", "Nộp hồ sơ", 0)
    second = run(data, "queue", "take", "--service", "c")
    assert second.returncode == 0 and "C002" in second.stdout
    listed = json.loads(run(data, "queue", "list", "--json").stdout)
    assert [(t["label"], t["ahead"]) for t in listed] == [("A001", 0), ("C002", 1)]
    called = run(data, "queue", "call", "--desk", "Quầy 2")
    assert called.returncode == 0 and "A001" in called.stdout and "Quầy 2" in called.stdout
    assert [t["label"] for t in json.loads(run(data, "queue", "list", "--json").stdout)] == ["C002"]
    assert run(data, "queue", "call", "--desk", "Quầy 2").returncode == 0
    empty = run(data, "queue", "call", "--desk", "Quầy 2")
    assert empty.returncode == 1 and "Không còn ai đang chờ" in empty.stderr
    wrong = run(data, "queue", "take", "--service", "Z")
    assert wrong.returncode == 2 and "Không có dịch vụ này" in wrong.stderr
