"""The printer worker against emupos with injected faults: what the screen says, what is kept in the
store, and what comes out of the printer, once."""

from __future__ import annotations

import errno
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from tcpprinter import TcpPrinter, tcp_printer  # noqa: E402
from test_printer_emupos import FAST, assert_nothing_printed, pixels, printed, receipt_blocks  # noqa: E402
from test_printer_transport import _Device, _fake_pyusb, _USBError  # noqa: E402

from egov.receipt import Block, Cut, mark_reprint, slip_from_bytes  # noqa: E402
from egov.store import PrintJobState, Store  # noqa: E402
from hardware.printer import PROFILES, EscPosPrinter, PreviewPrinter  # noqa: E402
from hardware.printer.station import (  # noqa: E402
    LOST_MID_JOB,
    PAPER_OUT_MID_JOB,
    JobOutcome,
    JobResult,
    PrinterState,
    PrinterStation,
)
from hardware.printer.transport import TcpTransport  # noqa: E402
from hardware.raster import render  # noqa: E402
from ui.printer_model import PrinterModel  # noqa: E402

POLL = 0.3  # seconds between status polls in these tests
WAIT_MS = 15_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'store.sqlite3'}", bytes(range(32)))
    yield opened
    opened.close()


@pytest.fixture
def models() -> Iterator[list[PrinterModel]]:
    made: list[PrinterModel] = []
    yield made
    for model in made:
        model.close()


def start(models: list[PrinterModel], printer, store: Store | None) -> PrinterModel:  # noqa: ANN001
    model = PrinterModel(PrinterStation(printer, 576), store, POLL)
    models.append(model)
    return model


def wait_state(qtbot, model: PrinterModel, state: PrinterState) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: model.state == state.value, timeout=WAIT_MS)


def run_job(qtbot, model: PrinterModel, blocks: list[Block]) -> tuple[str, JobResult]:  # noqa: ANN001
    with qtbot.waitSignal(model.jobEnded, timeout=WAIT_MS * 2) as ended:
        job_id = model.submit("receipt", "dossier-under-test", blocks)
    assert ended.args[0] == job_id
    result = model.take_result(job_id)
    assert result is not None and result.outcome.value == ended.args[1]
    return job_id, result


def drawn(blocks: list[Block]):  # noqa: ANN201
    """The slip as print_blocks puts it on paper: the cut is made, not drawn."""
    return render([block for block in blocks if not isinstance(block, Cut)], 576)


def p80(printers, transport: TcpTransport | None = None) -> EscPosPrinter:  # noqa: ANN001
    # A raster-only 80 mm profile, so that the paper can be compared with the rendered slip.
    return EscPosPrinter(printers.uri("p80"), PROFILES["pos-80"], FAST, transport=transport)


def test_state_follows_the_printer_while_idle(qtbot, printers, models) -> None:  # noqa: ANN001
    model = start(models, p80(printers), None)
    wait_state(qtbot, model, PrinterState.READY)
    assert model.ready and model.staffNote == "" and model.message == "Máy in sẵn sàng."
    steps = [
        ("paper-near-end", PrinterState.NEAR_END, "Máy in sắp hết giấy. Cán bộ hãy thay cuộn giấy mới."),
        ("paper-out", PrinterState.PAPER_OUT, "Máy in hết giấy. Vui lòng báo cán bộ hướng dẫn."),
        ("cover-open", PrinterState.COVER_OPEN, "Nắp máy in đang mở. Vui lòng báo cán bộ hướng dẫn."),
        ("offline", PrinterState.OFFLINE, "Máy in chưa sẵn sàng. Vui lòng báo cán bộ hướng dẫn."),
    ]
    for fault, state, sentence in steps:
        printers.set_fault("p80", fault)
        wait_state(qtbot, model, state)
        assert model.message == sentence and model.staffNote == sentence
        assert model.ready is (state is PrinterState.NEAR_END)
        printers.clear_faults("p80")
        wait_state(qtbot, model, PrinterState.READY)


def test_paper_out_before_a_job_prints_nothing_and_says_so(qtbot, printers, models, store) -> None:  # noqa: ANN001
    model = start(models, p80(printers), store)
    printers.set_fault("p80", "paper-out")
    wait_state(qtbot, model, PrinterState.PAPER_OUT)
    blocks = receipt_blocks()
    before = printers.receipt_ids("p80")
    job_id, result = run_job(qtbot, model, blocks)
    assert result.outcome is JobOutcome.REFUSED
    assert result.message == "Máy in hết giấy. Vui lòng báo cán bộ hướng dẫn."
    # Kept, whole, for when the paper is back; nothing of it reached the printer.
    assert store.print_job(job_id).state is PrintJobState.REFUSED
    assert slip_from_bytes(store.print_job_slip(job_id) or b"") == blocks
    printers.set_fault("p80", "paper-out", active=False)
    wait_state(qtbot, model, PrinterState.READY)
    assert_nothing_printed(printers, "p80", before)
    # Nothing came out, so it is printed as it is, not as a reprint.
    again, result = run_job(qtbot, model, blocks)
    assert result.outcome is JobOutcome.PRINTED
    _, paper = printed(printers, "p80", before)
    assert np.array_equal(pixels(paper), pixels(drawn(blocks)))
    assert store.print_job(again).state is PrintJobState.PRINTED
    assert store.print_job_slip(again) is None  # confirmed: the sealed slip is gone


class _PaperRunsOutOnce(TcpTransport):
    """The roll ends half-way through the first job (through emupos's API)."""

    def __init__(self, printers, *args) -> None:  # noqa: ANN001, ANN002
        super().__init__(*args)
        self.printers = printers
        self.armed = True

    def write(self, data: bytes) -> None:
        if len(data) < 1000 or not self.armed:
            return super().write(data)
        self.armed = False
        super().write(data[: len(data) // 2])
        time.sleep(0.2)
        self.printers.set_fault("p80", "paper-out")
        super().write(data[len(data) // 2 :])


def test_paper_out_during_a_job_is_never_printed_twice_silently(qtbot, printers, models, store) -> None:  # noqa: ANN001
    transport = _PaperRunsOutOnce(printers, "127.0.0.1", printers.ports["p80"], FAST)
    model = start(models, p80(printers, transport), store)
    wait_state(qtbot, model, PrinterState.READY)
    blocks = receipt_blocks()
    before = printers.receipt_ids("p80")
    job_id, result = run_job(qtbot, model, blocks)
    assert result.outcome is JobOutcome.UNCERTAIN and result.state is PrinterState.PAPER_OUT
    assert result.message == PAPER_OUT_MID_JOB
    assert store.print_job(job_id).state is PrintJobState.UNCERTAIN
    # A new roll: the printer finishes the job it held, once, by itself.
    printers.set_fault("p80", "paper-out", active=False)
    first, paper = printed(printers, "p80", before)
    assert np.array_equal(pixels(paper), pixels(drawn(blocks)))
    wait_state(qtbot, model, PrinterState.READY)
    assert_nothing_printed(printers, "p80", before | {first["id"]})
    # Asked for again, it comes out marked as a second copy.
    at = datetime(2025, 3, 5, 14, 30)
    _, result = run_job(qtbot, model, mark_reprint(blocks, at))
    assert result.outcome is JobOutcome.PRINTED
    _, copy = printed(printers, "p80", before | {first["id"]})
    assert np.array_equal(pixels(copy), pixels(drawn(mark_reprint(blocks, at))))
    assert len(printers.receipt_ids("p80") - before) == 2


def test_cover_open_refuses_the_job(qtbot, printers, models, store) -> None:  # noqa: ANN001
    model = start(models, p80(printers), store)
    printers.set_fault("p80", "cover-open")
    before = printers.receipt_ids("p80")
    job_id, result = run_job(qtbot, model, receipt_blocks())
    assert (result.outcome, result.state) == (JobOutcome.REFUSED, PrinterState.COVER_OPEN)
    assert result.message == "Nắp máy in đang mở. Vui lòng báo cán bộ hướng dẫn."
    assert model.state == "cover_open" and not model.ready
    printers.set_fault("p80", "cover-open", active=False)
    assert_nothing_printed(printers, "p80", before)
    assert store.print_job(job_id).state is PrintJobState.REFUSED


def test_offline_then_back_is_found_again_and_prints(qtbot, printers, models, store) -> None:  # noqa: ANN001
    model = start(models, p80(printers), store)
    wait_state(qtbot, model, PrinterState.READY)
    printers.set_fault("p80", "offline")
    wait_state(qtbot, model, PrinterState.OFFLINE)
    before = printers.receipt_ids("p80")
    _, result = run_job(qtbot, model, receipt_blocks())
    assert result.outcome is JobOutcome.REFUSED and result.state is PrinterState.OFFLINE
    printers.set_fault("p80", "offline", active=False)
    wait_state(qtbot, model, PrinterState.READY)  # polled again on a new connection
    _, result = run_job(qtbot, model, receipt_blocks())
    assert result.outcome is JobOutcome.PRINTED
    receipt, _ = printed(printers, "p80", before)
    assert printers.receipt_ids("p80") == before | {receipt["id"]}


def test_near_end_prints_and_warns_staff(qtbot, printers, models, store) -> None:  # noqa: ANN001
    model = start(models, p80(printers), store)
    printers.set_fault("p80", "paper-near-end")
    before = printers.receipt_ids("p80")
    _, result = run_job(qtbot, model, receipt_blocks())
    assert result.outcome is JobOutcome.PRINTED and result.message == ""
    assert result.state is PrinterState.NEAR_END
    printed(printers, "p80", before)
    wait_state(qtbot, model, PrinterState.NEAR_END)
    assert model.ready and model.staffNote == "Máy in sắp hết giấy. Cán bộ hãy thay cuộn giấy mới."
    assert [e.action for e in store.audit_trail("printer")] == ["printer.paper_near_end"]


@pytest.fixture
def silent_port() -> Iterator[int]:
    """Accepts connections and never answers: a wedged printer."""
    with tcp_printer() as printer:
        yield printer.port


def test_a_silent_printer_is_unknown_never_ready(qtbot, models, silent_port: int) -> None:  # noqa: ANN001
    printer = EscPosPrinter(f"tcp://127.0.0.1:{silent_port}", PROFILES["pos-80"], FAST)
    model = start(models, printer, None)
    time.sleep(POLL * 3 + FAST.status)
    qtbot.wait(100)
    assert model.state == "unknown" and not model.ready
    _, result = run_job(qtbot, model, receipt_blocks())
    assert result.outcome is JobOutcome.REFUSED  # asked before the job, no answer: nothing sent


def test_preview_printer_job_gives_its_file(qtbot, models, store, tmp_path: Path) -> None:  # noqa: ANN001
    model = start(models, PreviewPrinter(tmp_path / "receipts"), store)
    wait_state(qtbot, model, PrinterState.READY)
    job_id, result = run_job(qtbot, model, receipt_blocks())
    assert result.outcome is JobOutcome.PRINTED and Path(result.path).parent == tmp_path / "receipts"
    assert store.print_job(job_id).state is PrintJobState.PRINTED


def test_a_job_cut_short_by_a_crash_is_uncertain_at_the_next_start(
    qtbot, models, store, tmp_path: Path
) -> None:  # noqa: ANN001
    store.add_print_job(job_id="j-1", kind="receipt", subject="s", width=576, slip=b"[]")
    store.set_print_job_state("j-1", PrintJobState.PRINTING)
    start(models, PreviewPrinter(tmp_path), store)
    qtbot.waitUntil(lambda: store.print_job("j-1").state is PrintJobState.UNCERTAIN, timeout=WAIT_MS)
    assert [job.job_id for job in store.print_jobs(PrintJobState.UNCERTAIN)] == ["j-1"]


def test_unprinted_slips_are_dropped_after_a_day(store: Store) -> None:
    store.add_print_job(job_id="old", kind="receipt", subject="s", width=576, slip=b"[]")
    store.set_print_job_state("old", PrintJobState.UNCERTAIN)
    assert store.expire_print_jobs(timedelta(days=1)) == 0
    assert store.print_job_slip("old") == b"[]"
    assert store.expire_print_jobs(timedelta(0)) == 1
    assert store.print_job_slip("old") is None and store.print_job("old").state is PrintJobState.UNCERTAIN


def test_a_lost_job_says_it_may_have_printed() -> None:
    result = JobResult(JobOutcome.UNCERTAIN, PrinterState.OFFLINE)
    assert result.message == LOST_MID_JOB and "BẢN IN LẠI" in result.message


class _Unplugged(_Device):
    """A USB printer that answers every status request and is pulled out during the job."""

    def write(self, endpoint: int, data: bytes, timeout: int) -> int:
        if len(data) > 1000:
            raise _USBError(errno.ENODEV, "No such device (it may have been disconnected)")
        return super().write(endpoint, data, timeout)


def test_usb_unplugged_mid_job_then_plugged_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Station level (no Qt): the job is uncertain, the printer offline while it is out, and found
    again, on a new handle, once it is back."""
    plugged: list[_Device | None] = [_Unplugged(replies=1000)]
    _fake_pyusb(monkeypatch, None)
    sys.modules["usb.core"].find = lambda idVendor, idProduct: plugged[0]  # type: ignore[attr-defined]  # noqa: N803
    station = PrinterStation(EscPosPrinter("usb://0416:5011", PROFILES["pos-80"], FAST), 576)
    assert station.poll() is PrinterState.READY
    result = station.print_slip(receipt_blocks())
    assert (result.outcome, result.state) == (JobOutcome.UNCERTAIN, PrinterState.OFFLINE)
    assert "BẢN IN LẠI" in result.message and "No such device" in result.detail
    plugged[0] = None
    assert station.poll() is PrinterState.OFFLINE
    plugged[0] = _Device(replies=1000)
    assert station.poll() is PrinterState.READY
    assert station.print_slip(receipt_blocks()).outcome is JobOutcome.PRINTED


def answering_printer(port: int) -> AbstractContextManager[TcpPrinter]:
    """A network printer on `port` that says all is well to every DLE EOT."""
    return tcp_printer(port, answer=lambda data: b"\x12" * data.count(b"\x10\x04"))


def test_network_printer_switched_on_later_is_found() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    station = PrinterStation(EscPosPrinter(f"tcp://127.0.0.1:{port}", PROFILES["pos-80"], FAST), 576)
    assert station.poll() is PrinterState.OFFLINE  # nobody listening: switched off
    with answering_printer(port):
        assert station.poll() is PrinterState.READY
    assert station.poll() is PrinterState.OFFLINE
