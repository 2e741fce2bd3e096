"""Transports by URI, each failure mapped to a kind within its timeout: device nodes and FIFOs,
a pseudo-terminal for serial, a stand-in `lp` for CUPS, a stand-in pyusb for USB; and the
printer profiles."""

from __future__ import annotations

import errno
import os
import select
import stat
import sys
import threading
import time
import types
from pathlib import Path

import pytest

from hardware.printer import PROFILES, EscPosPrinter, PrinterError, PrinterErrorKind, select_profile
from hardware.printer.escpos import Paper
from hardware.printer.transport import (
    CupsTransport,
    FileTransport,
    SerialTransport,
    TcpTransport,
    Timeouts,
    UsbTransport,
    os_error,
    transport_from_uri,
)

FAST = Timeouts(connect=1.0, write=0.5, status=0.3, job=1.0)

# ---- URIs ----------------------------------------------------------------------------------------


def test_uris_choose_transports() -> None:
    tcp = transport_from_uri("tcp://printer.lan", FAST)
    assert isinstance(tcp, TcpTransport) and (tcp.host, tcp.port) == ("printer.lan", 9100)
    tcp6 = transport_from_uri("tcp://[::1]:9101", FAST)
    assert isinstance(tcp6, TcpTransport) and (tcp6.host, tcp6.port) == ("::1", 9101)
    serial = transport_from_uri("serial:///dev/ttyUSB0?baud=115200&flow=rtscts", FAST)
    assert isinstance(serial, SerialTransport)
    assert (serial.path, serial.baud, serial.flow) == ("/dev/ttyUSB0", 115200, "rtscts")
    default_serial = transport_from_uri("serial:///dev/ttyS0", FAST)
    assert isinstance(default_serial, SerialTransport) and (default_serial.baud, default_serial.flow) == (
        9600,
        "dsrdtr",
    )
    node = transport_from_uri("file:///dev/usb/lp0", FAST)
    assert isinstance(node, FileTransport) and node.path == "/dev/usb/lp0"
    usb = transport_from_uri("usb://04b8:0e15", FAST)
    assert isinstance(usb, UsbTransport) and (usb.vendor, usb.product) == (0x04B8, 0x0E15)
    cups = transport_from_uri("cups://Quay_1", FAST)
    assert isinstance(cups, CupsTransport) and cups.name == "Quay_1"


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("lpt://1", "tcp://"),
        ("preview://", "tcp://"),  # preview is not a transport: printer_from_uri handles it
        ("/dev/usb/lp0", "tcp://"),
        ("tcp://", "no host"),
        ("tcp://printer:70000", "65535"),
        ("tcp://[::1", "tcp://[::1"),
        ("serial://", "no device"),
        ("serial:///dev/ttyS0?baud=fast", "baud"),
        ("serial:///dev/ttyS0?flow=magic", "flow"),
        ("file://", "no path"),
        ("usb://epson", "VID:PID"),
        ("usb://4b8:e15", "VID:PID"),
        ("cups://-o", "CUPS queue"),
        ("cups://two words", "CUPS queue"),
        ("cups://", "CUPS queue"),
    ],
)
def test_bad_uris_are_not_configured(uri: str, words: str) -> None:
    with pytest.raises(PrinterError) as caught:
        transport_from_uri(uri, FAST)
    assert caught.value.kind is PrinterErrorKind.NOT_CONFIGURED
    assert words in str(caught.value)


def test_timeouts_are_finite_and_positive() -> None:
    for bad in (0.0, -1.0, float("inf"), float("nan")):
        with pytest.raises(ValueError):
            Timeouts(status=bad)


def test_os_errors_map_to_kinds() -> None:
    cases = {
        errno.ENOENT: PrinterErrorKind.OFFLINE,
        errno.ENODEV: PrinterErrorKind.OFFLINE,
        errno.EIO: PrinterErrorKind.OFFLINE,
        errno.ECONNREFUSED: PrinterErrorKind.OFFLINE,
        errno.EHOSTUNREACH: PrinterErrorKind.OFFLINE,
        errno.ECONNRESET: PrinterErrorKind.OFFLINE,
        errno.EPIPE: PrinterErrorKind.OFFLINE,
        errno.EACCES: PrinterErrorKind.NOT_CONFIGURED,
        errno.EBUSY: PrinterErrorKind.NOT_CONFIGURED,
        errno.ETIMEDOUT: PrinterErrorKind.TIMEOUT,
        errno.ENOSPC: PrinterErrorKind.PAPER_OUT,
    }
    for code, kind in cases.items():
        error = os_error(OSError(code, os.strerror(code)), "file /dev/usb/lp0: write")
        assert error.kind is kind, errno.errorcode[code]
        assert errno.errorcode[code] in str(error) and "/dev/usb/lp0" in str(error)
    assert os_error(TimeoutError(), "tcp x").kind is PrinterErrorKind.TIMEOUT


# ---- device nodes, FIFOs and files ---------------------------------------------------------------


def test_missing_device_node_is_offline(tmp_path: Path) -> None:
    transport = FileTransport(str(tmp_path / "lp0"), FAST)
    with pytest.raises(PrinterError) as caught:
        transport.open()
    assert caught.value.kind is PrinterErrorKind.OFFLINE and "ENOENT" in str(caught.value)


def test_fifo_without_reader_is_offline(tmp_path: Path) -> None:
    fifo = tmp_path / "printer"
    os.mkfifo(fifo)
    with pytest.raises(PrinterError) as caught:
        FileTransport(str(fifo), FAST).open()
    assert caught.value.kind is PrinterErrorKind.OFFLINE and "ENXIO" in str(caught.value)


def test_fifo_that_stops_reading_is_a_timeout(tmp_path: Path) -> None:
    fifo = tmp_path / "printer"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # opened, never read: the pipe fills up
    try:
        transport = FileTransport(str(fifo), FAST)
        transport.open()
        assert not transport.can_read  # a FIFO is never asked for status
        started = time.monotonic()
        with pytest.raises(PrinterError) as caught:
            transport.write(b"\0" * 1_000_000)
        assert caught.value.kind is PrinterErrorKind.TIMEOUT
        assert FAST.write <= time.monotonic() - started < FAST.write + 1
        transport.close()
    finally:
        os.close(reader)


def test_fifo_with_a_slow_reader_gets_everything(tmp_path: Path) -> None:
    fifo = tmp_path / "printer"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    received = bytearray()
    payload = bytes(range(256)) * 2000  # 512 KB: many times the pipe's buffer

    def drain() -> None:
        deadline = time.monotonic() + 10
        while len(received) < len(payload) and time.monotonic() < deadline:
            select.select([reader], [], [], 0.1)
            try:
                received.extend(os.read(reader, 7000))
            except BlockingIOError:
                pass
            time.sleep(0.002)  # slower than the writer: it must wait, not fail

    thread = threading.Thread(target=drain)
    try:
        transport = FileTransport(str(fifo), FAST)
        transport.open()
        thread.start()
        transport.write(payload)
        thread.join(15)
        transport.close()
    finally:
        os.close(reader)
    assert bytes(received) == payload


def test_plain_file_collects_the_job(tmp_path: Path) -> None:
    job = tmp_path / "job.bin"
    job.write_bytes(b"")
    printer = EscPosPrinter(f"file://{job}", PROFILES["pos-58"], FAST)
    printer.print_blocks([])
    assert job.read_bytes().startswith(b"\x1b@")
    assert printer.last_status is not None and printer.last_status.paper is Paper.UNKNOWN  # never "ok"


def test_character_device_is_read_for_status() -> None:
    transport = FileTransport("/dev/null", FAST)
    transport.open()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and transport.can_read
    assert transport.read(1, 0.05) == b""  # /dev/null: end of file, no status byte
    transport.close()


# ---- serial, on a pseudo-terminal -------------------------------------------------------------


def test_serial_without_pyserial_is_not_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "serial", None)  # import serial → ImportError
    with pytest.raises(PrinterError) as caught:
        SerialTransport("/dev/ttyUSB0", 9600, "none", FAST).open()
    assert caught.value.kind is PrinterErrorKind.NOT_CONFIGURED and "pyserial" in str(caught.value)


def test_serial_printer_on_a_pty_answers_status() -> None:
    pytest.importorskip("serial")
    controller, terminal = os.openpty()
    path = os.ttyname(terminal)
    answers = {1: 0x12, 2: 0x12, 4: 0x1E}  # online, cover closed, paper near end
    received = bytearray()
    stop = threading.Event()

    def printer() -> None:
        while not stop.is_set():
            if not select.select([controller], [], [], 0.05)[0]:
                continue
            data = os.read(controller, 4096)
            received.extend(data)
            for i in range(len(data) - 2):
                if data[i : i + 2] == b"\x10\x04" and data[i + 2] in answers:
                    os.write(controller, bytes((answers[data[i + 2]],)))

    thread = threading.Thread(target=printer, daemon=True)
    thread.start()
    try:
        status = EscPosPrinter(f"serial://{path}?baud=115200&flow=none", PROFILES["pos-58"], FAST).status()
    finally:
        stop.set()
        thread.join(2)
        os.close(controller)
        os.close(terminal)
    assert (status.online, status.cover_open, status.paper) == (True, False, Paper.NEAR_END)
    assert bytes(received) == b"\x10\x04\x01\x10\x04\x02\x10\x04\x04"


def test_missing_serial_port_is_offline() -> None:
    pytest.importorskip("serial")
    with pytest.raises(PrinterError) as caught:
        SerialTransport("/dev/ttyDOESNOTEXIST", 9600, "none", FAST).open()
    assert caught.value.kind is PrinterErrorKind.OFFLINE


# ---- CUPS, with a stand-in lp ---------------------------------------------------------------


def _fake_lp(folder: Path, body: str) -> str:
    lp = folder / "lp"
    lp.write_text("#!/bin/sh\n" + body)
    lp.chmod(0o755)
    return str(lp)


def test_cups_sends_one_raw_job(tmp_path: Path) -> None:
    lp = _fake_lp(tmp_path, f'echo "$@" > {tmp_path}/args\ncat > {tmp_path}/job\necho "request id is Q-1"\n')
    printer = EscPosPrinter(
        "cups://Quay_1", PROFILES["pos-80"], FAST, transport=CupsTransport("Quay_1", FAST, lp)
    )
    printer.print_blocks([])
    assert (tmp_path / "args").read_text().split() == ["-d", "Quay_1", "-o", "raw", "-t", "dvc-kiosk"]
    job = (tmp_path / "job").read_bytes()
    assert job.startswith(b"\x1b@") and job.endswith(b"\x1dV\x01")  # one job: init to cut
    assert b"\x10\x04" not in job  # CUPS cannot carry the answer back: never asked
    assert printer.last_status is not None and printer.last_status.paper is Paper.UNKNOWN


def test_cups_failures(tmp_path: Path) -> None:
    missing = CupsTransport("Quay_1", FAST, str(tmp_path / "no-lp"))
    with pytest.raises(PrinterError) as caught:
        missing.open()
    assert caught.value.kind is PrinterErrorKind.NOT_CONFIGURED and "cups-client" in str(caught.value)

    refused = CupsTransport(
        "Quay_9", FAST, _fake_lp(tmp_path, 'echo "lp: The printer or class does not exist." >&2\nexit 1\n')
    )
    refused.open()
    refused.write(b"\x1b@")
    with pytest.raises(PrinterError) as caught:
        refused.flush()
    assert caught.value.kind is PrinterErrorKind.OFFLINE and "does not exist" in str(caught.value)

    (tmp_path / "slow").mkdir()
    slow = CupsTransport("Quay_1", FAST, _fake_lp(tmp_path / "slow", "sleep 30\n"))
    slow.open()
    slow.write(b"\x1b@")
    started = time.monotonic()
    with pytest.raises(PrinterError) as caught:
        slow.flush()
    assert caught.value.kind is PrinterErrorKind.TIMEOUT
    assert time.monotonic() - started < FAST.write + FAST.connect + 2


# ---- USB, with a stand-in pyusb ----------------------------------------------------------------


class _USBError(OSError):
    pass


class _USBTimeoutError(_USBError):
    pass


class _Endpoint:
    def __init__(self, address: int) -> None:
        self.bEndpointAddress = address
        self.bmAttributes = 0x02  # bulk


class _Device:
    """A USB printer that answers its first `replies` DLE EOT requests with 0x12 (all well)."""

    def __init__(self, replies: int = 0, write_error: Exception | None = None) -> None:
        self.timeouts: list[int] = []
        self.written = bytearray()
        self.replies = replies
        self.pending = bytearray()
        self.write_error = write_error
        self.detached = False

    def is_kernel_driver_active(self, interface: int) -> bool:
        return not self.detached

    def detach_kernel_driver(self, interface: int) -> None:
        self.detached = True

    def get_active_configuration(self) -> dict:
        return {(0, 0): [_Endpoint(0x03), _Endpoint(0x81)]}

    def write(self, endpoint: int, data: bytes, timeout: int) -> int:
        assert endpoint == 0x03
        self.timeouts.append(timeout)
        if self.write_error is not None:
            raise self.write_error
        self.written += data
        for _ in range(data.count(b"\x10\x04")):
            if self.replies > 0:
                self.replies -= 1
                self.pending.append(0x12)
        return len(data)

    def read(self, endpoint: int, size: int, timeout: int) -> bytes:
        assert endpoint == 0x81
        self.timeouts.append(timeout)
        if not self.pending:
            raise _USBTimeoutError(errno.ETIMEDOUT, "Operation timed out")
        answer = bytes(self.pending[:size])
        del self.pending[:size]
        return answer


def _fake_pyusb(monkeypatch: pytest.MonkeyPatch, device: _Device | None) -> None:
    usb = types.ModuleType("usb")
    core = types.ModuleType("usb.core")
    util = types.ModuleType("usb.util")
    core.find = lambda idVendor, idProduct: device  # type: ignore[attr-defined]  # noqa: N803
    core.USBError = _USBError  # type: ignore[attr-defined]
    core.USBTimeoutError = _USBTimeoutError  # type: ignore[attr-defined]
    core.NoBackendError = type("NoBackendError", (Exception,), {})  # type: ignore[attr-defined]
    util.ENDPOINT_TYPE_BULK, util.ENDPOINT_OUT, util.ENDPOINT_IN = 0x02, 0x00, 0x80  # type: ignore[attr-defined]
    util.endpoint_type = lambda attributes: attributes & 0x03  # type: ignore[attr-defined]
    util.endpoint_direction = lambda address: address & 0x80  # type: ignore[attr-defined]
    util.dispose_resources = lambda device: None  # type: ignore[attr-defined]
    usb.core, usb.util = core, util  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "usb", usb)
    monkeypatch.setitem(sys.modules, "usb.core", core)
    monkeypatch.setitem(sys.modules, "usb.util", util)


def test_usb_without_pyusb_is_not_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "usb", None)
    with pytest.raises(PrinterError) as caught:
        UsbTransport(0x0416, 0x5011, FAST).open()
    assert caught.value.kind is PrinterErrorKind.NOT_CONFIGURED and "pyusb" in str(caught.value)


def test_usb_printer_not_plugged_in_is_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pyusb(monkeypatch, None)
    with pytest.raises(PrinterError) as caught:
        UsbTransport(0x0416, 0x5011, FAST).open()
    assert caught.value.kind is PrinterErrorKind.OFFLINE and "0416:5011" in str(caught.value)


def test_usb_job_has_a_timeout_on_every_transfer(monkeypatch: pytest.MonkeyPatch) -> None:
    device = _Device(replies=6)  # DLE EOT 1, 2, 4 before and after: ready
    _fake_pyusb(monkeypatch, device)
    printer = EscPosPrinter("usb://0416:5011", PROFILES["pos-80"], FAST)
    printer.print_blocks([])
    assert device.detached  # the kernel's usblp let go of the interface
    assert device.written.startswith(b"\x10\x04\x01\x10\x04\x02\x10\x04\x04\x1b@")
    # Every transfer had a finite timeout, never pyusb's 0 ("forever"), even the drain reads.
    assert device.timeouts and all(0 < timeout <= FAST.write * 1000 for timeout in device.timeouts)
    assert printer.last_status is not None and printer.last_status.online is True


def test_usb_printer_silent_after_the_job_is_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pyusb(monkeypatch, _Device(replies=3))  # ready, then wedged mid-job
    with pytest.raises(PrinterError) as caught:
        EscPosPrinter("usb://0416:5011", PROFILES["pos-80"], FAST).print_blocks([])
    assert caught.value.kind is PrinterErrorKind.TIMEOUT and "after the job" in str(caught.value)


def test_usb_unplugged_mid_job_is_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pyusb(monkeypatch, _Device(write_error=_USBError(errno.ENODEV, "No such device")))
    with pytest.raises(PrinterError) as caught:
        EscPosPrinter("usb://0416:5011", PROFILES["pos-80"], FAST).print_blocks([])
    assert caught.value.kind is PrinterErrorKind.OFFLINE


def test_usb_write_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pyusb(monkeypatch, _Device(write_error=_USBTimeoutError(errno.ETIMEDOUT, "timed out")))
    transport = UsbTransport(0x0416, 0x5011, FAST)
    transport.open()
    with pytest.raises(PrinterError) as caught:
        transport.write(b"\x1b@")
    assert caught.value.kind is PrinterErrorKind.TIMEOUT


# ---- profiles ----------------------------------------------------------------------------------


def test_profiles() -> None:
    assert set(PROFILES) == {"tm-t20", "tm-t82", "xp-58", "xp-80", "pos-58", "pos-80"}
    for key, profile in PROFILES.items():
        assert profile.key == key
        assert profile.width_dots in (384, 576)
        assert (profile.code_page is None) == (profile.vietnamese_text == "none")
    assert select_profile("", 58) is PROFILES["pos-58"]
    assert select_profile("", 80) is PROFILES["pos-80"]
    assert select_profile(" TM-T20 ", 80) is PROFILES["tm-t20"]
    with pytest.raises(ValueError, match="58 mm"):
        select_profile("xp-58", 80)
    with pytest.raises(ValueError, match="known: tm-t20"):
        select_profile("tm-t88", 80)


def test_image_of_the_wrong_width_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    from PIL import Image

    job = tmp_path / "job.bin"
    job.write_bytes(b"")
    with pytest.raises(PrinterError) as caught:
        EscPosPrinter(f"file://{job}", PROFILES["pos-58"], FAST).print_image(Image.new("1", (576, 10), 1))
    assert caught.value.kind is PrinterErrorKind.NOT_CONFIGURED and "paper_mm" in str(caught.value)
    assert job.read_bytes() == b""
