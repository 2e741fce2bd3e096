"""The wire to the printer, chosen by the URI in [printer] uri, with a finite timeout on every step.

- `tcp://HOST[:PORT]`: raw TCP, port 9100 by default (Epson, Xprinter and most network printers);
- `serial:///dev/ttyUSB0?baud=115200&flow=dsrdtr`: a serial line through pyserial (flow: none,
  rtscts, dsrdtr (default, as Epson ships), xonxoff);
- `file:///dev/usb/lp0`: a device node (Linux usblp), opened non-blocking and polled;
- `usb://VID:PID`: the printer's bulk endpoints through pyusb and libusb, the kernel driver
  detached;
- `cups://NAME`: a raw job through `lp -d NAME -o raw`; CUPS gives no status back.

Connect, every write and every read has its own deadline (`Timeouts`): a wedged printer, a cable
pulled mid-job or a silent serial line ends as a PrinterError, never as a hung kiosk. Every OS,
socket and USB error becomes a kind (unreachable, missing or gone: OFFLINE; no progress in time:
TIMEOUT; usblp's "out of paper": PAPER_OUT; a missing library, a bad URI or no permission:
NOT_CONFIGURED) with an English detail naming the device, never what was printed.
"""

from __future__ import annotations

import errno
import os
import re
import select
import shutil
import socket
import stat
import subprocess
import time
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from hardware.printer.errors import PrinterError, PrinterErrorKind

DEFAULT_TCP_PORT = 9100
DEFAULT_BAUD = 9600
# Writes go out in pieces, each with its own deadline: a 30 KB receipt at 9600 baud takes 30 s in
# all, but 4 KB never takes more than 4.3 s, so a stall is told from a slow line.
CHUNK_BYTES = 4096

SCHEMES = ("tcp", "serial", "file", "usb", "cups", "preview")


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. `write` is per chunk of CHUNK_BYTES; `job` is how long a printer may take to
    confirm the end of a job after its last byte was written."""

    connect: float = 5.0
    write: float = 10.0
    status: float = 2.0
    job: float = 30.0

    def __post_init__(self) -> None:
        for name in ("connect", "write", "status", "job"):
            value = getattr(self, name)
            if not 0 < value < float("inf"):
                raise ValueError(f"timeout {name} must be a finite number above 0, got {value!r}")


class Transport(Protocol):
    """A connection to one printer. Not thread-safe: one worker owns it."""

    description: str  # for logs: "tcp 192.0.2.7:9100", never a receipt's content
    can_read: bool  # False: the printer cannot answer (CUPS, a write-only node)

    def open(self) -> None: ...

    def write(self, data: bytes) -> None: ...

    def read(self, size: int, timeout: float) -> bytes:
        """Up to `size` bytes; b"" when nothing came within `timeout` seconds."""
        ...

    def flush(self) -> None:
        """The job is complete: hand it over (CUPS submits it here)."""
        ...

    def close(self) -> None: ...


# ---- errors ------------------------------------------------------------------------------------

_ERRNO_KINDS: dict[int, PrinterErrorKind] = {
    errno.EACCES: PrinterErrorKind.NOT_CONFIGURED,  # udev rule or group (lp, dialout) missing
    errno.EPERM: PrinterErrorKind.NOT_CONFIGURED,
    errno.EBUSY: PrinterErrorKind.NOT_CONFIGURED,  # another program (CUPS's usb backend) owns it
    errno.EISDIR: PrinterErrorKind.NOT_CONFIGURED,
    errno.ETIMEDOUT: PrinterErrorKind.TIMEOUT,
    errno.EAGAIN: PrinterErrorKind.TIMEOUT,
    # Linux usblp answers a write with ENOSPC when the printer reports paper out
    # (drivers/usb/class/usblp.c, usblp_wwait).
    errno.ENOSPC: PrinterErrorKind.PAPER_OUT,
}


def os_error(exc: OSError, what: str, default: PrinterErrorKind = PrinterErrorKind.OFFLINE) -> PrinterError:
    """`exc` as a PrinterError: ENOENT, ENODEV, ENXIO, EIO, refused, reset and unreachable are
    OFFLINE (unplugged, switched off, gone mid-job)."""
    if isinstance(exc, TimeoutError) and exc.errno is None:
        return PrinterError(PrinterErrorKind.TIMEOUT, f"{what}: no progress in time")
    code = exc.errno
    kind = _ERRNO_KINDS.get(code, default) if code is not None else default
    name = errno.errorcode.get(code, str(code)) if code is not None else type(exc).__name__
    reason = exc.strerror or str(exc) or type(exc).__name__
    return PrinterError(kind, f"{what}: {name} ({reason})")


# ---- TCP ---------------------------------------------------------------------------------------


class TcpTransport:
    can_read = True

    def __init__(self, host: str, port: int, timeouts: Timeouts) -> None:
        self.host, self.port, self.timeouts = host, port, timeouts
        self.description = f"tcp {host}:{port}"
        self._sock: socket.socket | None = None

    def open(self) -> None:
        try:
            self._sock = socket.create_connection((self.host, self.port), timeout=self.timeouts.connect)
        except socket.gaierror as exc:
            raise PrinterError(
                PrinterErrorKind.NOT_CONFIGURED, f"{self.description}: cannot resolve host ({exc.strerror})"
            ) from exc
        except TimeoutError as exc:
            raise PrinterError(
                PrinterErrorKind.TIMEOUT,
                f"{self.description}: no answer to connect within {self.timeouts.connect:g} s",
            ) from exc
        except OSError as exc:
            raise os_error(exc, f"{self.description}: connect") from exc
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _socket(self) -> socket.socket:
        if self._sock is None:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: not open")
        return self._sock

    def write(self, data: bytes) -> None:
        sock = self._socket()
        sock.settimeout(self.timeouts.write)
        for start in range(0, len(data), CHUNK_BYTES):
            try:
                sock.sendall(data[start : start + CHUNK_BYTES])
            except TimeoutError as exc:
                raise PrinterError(
                    PrinterErrorKind.TIMEOUT,
                    f"{self.description}: write stalled for {self.timeouts.write:g} s after {start} bytes",
                ) from exc
            except OSError as exc:
                raise os_error(exc, f"{self.description}: write") from exc

    def read(self, size: int, timeout: float) -> bytes:
        sock = self._socket()
        try:
            ready, _, _ = select.select([sock], [], [], max(0.0, timeout))
            if not ready:
                return b""
            data = sock.recv(size)
        except OSError as exc:
            raise os_error(exc, f"{self.description}: read") from exc
        if not data:
            raise PrinterError(
                PrinterErrorKind.OFFLINE, f"{self.description}: the printer closed the connection"
            )
        return data

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self._sock is not None:
            sock, self._sock = self._sock, None
            try:
                # Half-close first so that the printer sees the end of the job before the reset.
                sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            sock.close()


# ---- device nodes ------------------------------------------------------------------------------


class FileTransport:
    """A character device such as /dev/usb/lp0 (read and write), or a FIFO or plain file (write
    only). Non-blocking, so that a printer that stops taking data is a timeout, not a hang."""

    def __init__(self, path: str, timeouts: Timeouts) -> None:
        self.path, self.timeouts = path, timeouts
        self.description = f"file {path}"
        self.can_read = False
        self._fd: int | None = None

    def open(self) -> None:
        flags = os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
        try:
            mode = os.stat(self.path).st_mode
            # A FIFO opened read-write never fails and reads back its own bytes; a plain file has
            # nothing to say. Only a device node is asked for status.
            self.can_read = stat.S_ISCHR(mode)
            flags |= os.O_RDWR if self.can_read else os.O_WRONLY | os.O_APPEND
            self._fd = os.open(self.path, flags)
        except OSError as exc:
            raise os_error(exc, f"{self.description}: open") from exc

    def _descriptor(self) -> int:
        if self._fd is None:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: not open")
        return self._fd

    def write(self, data: bytes) -> None:
        fd = self._descriptor()
        view = memoryview(data)
        sent = 0
        deadline = time.monotonic() + self.timeouts.write
        while sent < len(view):
            try:
                count = os.write(fd, view[sent : sent + CHUNK_BYTES])
            except BlockingIOError:
                count = 0
            except OSError as exc:
                raise os_error(exc, f"{self.description}: write") from exc
            if count:
                sent += count
                deadline = time.monotonic() + self.timeouts.write  # progress: a new deadline
                continue
            left = deadline - time.monotonic()
            if left <= 0:
                raise PrinterError(
                    PrinterErrorKind.TIMEOUT,
                    f"{self.description}: write stalled for {self.timeouts.write:g} s after {sent} bytes",
                )
            poller = select.poll()
            poller.register(fd, select.POLLOUT)
            events = poller.poll(max(1, int(left * 1000)))
            if any(mask & (select.POLLERR | select.POLLHUP) for _, mask in events):
                raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: device gone during write")

    def read(self, size: int, timeout: float) -> bytes:
        fd = self._descriptor()
        if not self.can_read:
            return b""
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        if not poller.poll(max(0, int(timeout * 1000))):
            return b""
        try:
            return os.read(fd, size)
        except BlockingIOError:
            return b""
        except OSError as exc:
            raise os_error(exc, f"{self.description}: read") from exc

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)


# ---- serial ------------------------------------------------------------------------------------

FLOW_CONTROLS = ("none", "rtscts", "dsrdtr", "xonxoff")


class SerialTransport:
    can_read = True

    def __init__(self, path: str, baud: int, flow: str, timeouts: Timeouts) -> None:
        self.path, self.baud, self.flow, self.timeouts = path, baud, flow, timeouts
        self.description = f"serial {path} {baud} baud"
        self._port: Any = None
        self._serial: Any = None

    def open(self) -> None:
        try:
            import serial  # pyserial: optional, only kiosks with a serial printer need it
        except ImportError as exc:
            raise PrinterError(
                PrinterErrorKind.NOT_CONFIGURED, "serial:// needs pyserial: pip install pyserial"
            ) from exc
        self._serial = serial
        try:
            self._port = serial.Serial(
                self.path,
                baudrate=self.baud,
                timeout=self.timeouts.status,
                write_timeout=self.timeouts.write,
                rtscts=self.flow == "rtscts",
                dsrdtr=self.flow == "dsrdtr",
                xonxoff=self.flow == "xonxoff",
                exclusive=True,
            )
        except (ValueError, serial.SerialException) as exc:
            raise self._error(exc, "open") from exc

    def _error(self, exc: Exception, what: str) -> PrinterError:
        where = f"{self.description}: {what}"
        if self._serial is not None and isinstance(exc, self._serial.SerialTimeoutException):
            return PrinterError(PrinterErrorKind.TIMEOUT, f"{where}: stalled for {self.timeouts.write:g} s")
        if isinstance(exc, OSError) and exc.errno is not None:
            return os_error(exc, where)
        if isinstance(exc, ValueError):
            return PrinterError(PrinterErrorKind.NOT_CONFIGURED, f"{where}: {exc}")
        return PrinterError(PrinterErrorKind.OFFLINE, f"{where}: {exc}")

    def write(self, data: bytes) -> None:
        if self._port is None:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: not open")
        try:
            for start in range(0, len(data), CHUNK_BYTES):
                self._port.write(data[start : start + CHUNK_BYTES])
            self._port.flush()
        except (OSError, self._serial.SerialException) as exc:
            raise self._error(exc, "write") from exc

    def read(self, size: int, timeout: float) -> bytes:
        if self._port is None:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: not open")
        try:
            self._port.timeout = max(0.0, timeout)
            return bytes(self._port.read(size))
        except (OSError, self._serial.SerialException) as exc:
            raise self._error(exc, "read") from exc

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self._port is not None:
            port, self._port = self._port, None
            port.close()


# ---- USB ---------------------------------------------------------------------------------------


class UsbTransport:
    """The printer class interface's bulk endpoints, found from the descriptors rather than
    assumed (cheap printers use 0x81/0x02/0x03 where Epson uses 0x82/0x01)."""

    def __init__(self, vendor: int, product: int, timeouts: Timeouts) -> None:
        self.vendor, self.product, self.timeouts = vendor, product, timeouts
        self.description = f"usb {vendor:04x}:{product:04x}"
        self.can_read = False
        self._usb: Any = None
        self._device: Any = None
        self._out: int | None = None
        self._in: int | None = None

    @staticmethod
    def _ms(seconds: float) -> int:
        # pyusb reads a timeout of 0 as "wait forever": never pass it.
        return max(1, int(seconds * 1000))

    def open(self) -> None:
        try:
            import usb.core  # pyusb: optional, only kiosks with a USB printer need it
            import usb.util
        except ImportError as exc:
            raise PrinterError(
                PrinterErrorKind.NOT_CONFIGURED, "usb:// needs pyusb and libusb: pip install pyusb"
            ) from exc
        self._usb = usb
        try:
            device = usb.core.find(idVendor=self.vendor, idProduct=self.product)
        except usb.core.NoBackendError as exc:
            raise PrinterError(
                PrinterErrorKind.NOT_CONFIGURED, "libusb not found: apt-get install libusb-1.0-0"
            ) from exc
        if device is None:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: not connected or switched off")
        try:
            if device.is_kernel_driver_active(0):
                device.detach_kernel_driver(0)  # usblp holds the interface otherwise
            configuration = device.get_active_configuration()
            if configuration is None:
                device.set_configuration()
                configuration = device.get_active_configuration()
            interface = configuration[(0, 0)]
            direction, bulk = usb.util.endpoint_direction, usb.util.endpoint_type
            for endpoint in interface:
                address = endpoint.bEndpointAddress
                if bulk(endpoint.bmAttributes) != usb.util.ENDPOINT_TYPE_BULK:
                    continue
                if direction(address) == usb.util.ENDPOINT_OUT and self._out is None:
                    self._out = address
                elif direction(address) == usb.util.ENDPOINT_IN and self._in is None:
                    self._in = address
        except usb.core.USBError as exc:
            raise self._error(exc, "open") from exc
        if self._out is None:
            raise PrinterError(PrinterErrorKind.NOT_CONFIGURED, f"{self.description}: no bulk OUT endpoint")
        self._device = device
        self.can_read = self._in is not None

    def _error(self, exc: Exception, what: str) -> PrinterError:
        where = f"{self.description}: {what}"
        if isinstance(exc, self._usb.core.USBTimeoutError):
            return PrinterError(PrinterErrorKind.TIMEOUT, f"{where}: USB transfer timed out")
        code = getattr(exc, "errno", None)
        if code == errno.ETIMEDOUT:
            return PrinterError(PrinterErrorKind.TIMEOUT, f"{where}: USB transfer timed out")
        if code in (errno.EACCES, errno.EPERM):
            return PrinterError(
                PrinterErrorKind.NOT_CONFIGURED, f"{where}: permission denied (udev rule for the printer?)"
            )
        # ENODEV, EIO, EPIPE: unplugged or reset mid-job.
        return PrinterError(PrinterErrorKind.OFFLINE, f"{where}: {exc}")

    def write(self, data: bytes) -> None:
        if self._device is None:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: not open")
        sent = 0
        try:
            while sent < len(data):
                count = self._device.write(
                    self._out, data[sent : sent + CHUNK_BYTES], timeout=self._ms(self.timeouts.write)
                )
                if count <= 0:
                    raise PrinterError(PrinterErrorKind.TIMEOUT, f"{self.description}: printer took no data")
                sent += count
        except self._usb.core.USBError as exc:
            raise self._error(exc, "write") from exc

    def read(self, size: int, timeout: float) -> bytes:
        if self._device is None:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: not open")
        if self._in is None:
            return b""
        try:
            return bytes(self._device.read(self._in, size, timeout=self._ms(timeout)))
        except self._usb.core.USBTimeoutError:
            return b""
        except self._usb.core.USBError as exc:
            if getattr(exc, "errno", None) == errno.ETIMEDOUT:
                return b""
            raise self._error(exc, "read") from exc

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self._device is not None:
            device, self._device = self._device, None
            self._usb.util.dispose_resources(device)


# ---- CUPS --------------------------------------------------------------------------------------

# CUPS queue names: printable characters other than space, tab, "/", "\\", "'", '"' and "#";
# a leading "-" is refused too, so that a name is never read as an option of lp.
_CUPS_NAME = re.compile(r"[^\s/\\'\"#-][^\s/\\'\"#]{0,126}")


class CupsTransport:
    """A raw job through CUPS's `lp`. The printer's answers do not come back through CUPS."""

    can_read = False

    def __init__(self, name: str, timeouts: Timeouts, lp: str = "lp") -> None:
        self.name, self.timeouts, self.lp = name, timeouts, lp
        self.description = f"cups {name}"
        self._job = bytearray()
        self._open = False

    def open(self) -> None:
        if shutil.which(self.lp) is None:
            raise PrinterError(
                PrinterErrorKind.NOT_CONFIGURED, "cups:// needs lp: apt-get install cups-client"
            )
        self._job.clear()
        self._open = True

    def write(self, data: bytes) -> None:
        if not self._open:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{self.description}: not open")
        self._job += data

    def read(self, size: int, timeout: float) -> bytes:
        return b""

    def flush(self) -> None:
        if not self._job:
            return
        command = [self.lp, "-d", self.name, "-o", "raw", "-t", "dvc-kiosk"]
        try:
            done = subprocess.run(
                command,
                input=bytes(self._job),
                capture_output=True,
                timeout=self.timeouts.write + self.timeouts.connect,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PrinterError(PrinterErrorKind.TIMEOUT, f"{self.description}: lp did not return") from exc
        except OSError as exc:
            raise os_error(exc, f"{self.description}: lp", PrinterErrorKind.NOT_CONFIGURED) from exc
        finally:
            self._job.clear()
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1] or ["no message"]
            raise PrinterError(
                PrinterErrorKind.OFFLINE, f"{self.description}: lp exited with {done.returncode}: {reason[0]}"
            )

    def close(self) -> None:
        self._job.clear()
        self._open = False


# ---- URIs --------------------------------------------------------------------------------------


def _not_configured(uri: str, problem: str) -> PrinterError:
    return PrinterError(PrinterErrorKind.NOT_CONFIGURED, f"printer URI {uri!r}: {problem}")


def transport_from_uri(uri: str, timeouts: Timeouts) -> Transport:
    """The transport named by `uri` (not yet opened); PrinterError NOT_CONFIGURED when malformed."""
    text = uri.strip()
    scheme, sep, rest = text.partition("://")
    if not sep or scheme not in SCHEMES or scheme == "preview":
        raise _not_configured(text, f"expected one of {', '.join(s + '://' for s in SCHEMES)}")
    try:
        parts = urlsplit(text)
    except ValueError as exc:  # an unbalanced "[" in the host, for one
        raise _not_configured(text, str(exc)) from None
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    match scheme:
        case "tcp":
            try:
                host, port = parts.hostname, parts.port or DEFAULT_TCP_PORT
            except ValueError:
                raise _not_configured(text, "the port must be a number from 1 to 65535") from None
            if not host:
                raise _not_configured(text, "no host: tcp://HOST:9100")
            return TcpTransport(host, port, timeouts)
        case "serial":
            if not parts.path:
                raise _not_configured(text, "no device: serial:///dev/ttyUSB0?baud=115200")
            try:
                baud = int(query.get("baud", DEFAULT_BAUD))
            except ValueError:
                raise _not_configured(text, "baud must be a number") from None
            flow = query.get("flow", "dsrdtr")
            if flow not in FLOW_CONTROLS:
                raise _not_configured(text, f"flow must be one of {', '.join(FLOW_CONTROLS)}")
            return SerialTransport(parts.path, baud, flow, timeouts)
        case "file":
            if not parts.path:
                raise _not_configured(text, "no path: file:///dev/usb/lp0")
            return FileTransport(parts.path, timeouts)
        case "usb":
            match = re.fullmatch(r"([0-9a-fA-F]{4}):([0-9a-fA-F]{4})", rest.split("?", 1)[0].rstrip("/"))
            if match is None:
                raise _not_configured(text, "expected usb://VID:PID in hexadecimal, e.g. usb://0416:5011")
            return UsbTransport(int(match[1], 16), int(match[2], 16), timeouts)
    name = rest.rstrip("/")
    if not _CUPS_NAME.fullmatch(name):
        raise _not_configured(text, "not a CUPS queue name")
    return CupsTransport(name, timeouts)
