"""A private PC/SC stack for the card tests: pcscd with vpcd readers, cards emulated in Python.

What runs, and why it cannot disturb the machine's own pcscd:

- A "holder" process (`unshare --mount --net … sleep infinity`) owns a mount namespace with empty
  tmpfs over /run (pcscd's pid file and /run/pcscd) and over /usr/lib/pcsc/drivers (no USB
  drivers: our pcscd never opens a real reader), and a network namespace with only loopback.
- pcscd 1.9.9 has its socket path compiled in (/run/pcscd/pcscd.comm; only libpcsclite reads
  PCSCLITE_CSOCK_NAME, checked), so it is socket-activated instead: we bind the socket in a
  private temp dir and hand it over as fd 3 with LISTEN_FDS/LISTEN_PID, and it runs inside the
  holder's namespaces (`nsenter`), so stopping and restarting it keeps them.
- libpcsclite reads PCSCLITE_CSOCK_NAME once per process, at the first PC/SC call:
  `configure_client_socket()` must run before anything in the test process talks to PC/SC.
- vpcd (DEVICENAME /dev/null:PORT) listens on PORT + slot, on all interfaces of the holder's
  network namespace, which only has loopback; `attach()` connects a card from a socket created in
  that namespace. (vpcd's other mode, connecting out to the card, aborts pcscd when the card is
  not listening with Debian's vsmartcard 3.3: see hardware/card/emulator/vpcd.py.)

Needs root (namespaces, mounts), pcscd, vsmartcard-vpcd and util-linux's unshare/nsenter; the
ePass card also Debian's python3 with python3-virtualsmartcard, python3-pycryptodome and
python3-pil. Missing pieces skip the tests, except with CI=true, where they fail.
"""

from __future__ import annotations

import atexit
import ctypes
import errno
import fcntl
import glob
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NoReturn, TypeVar

import pytest

from hardware.card.emulator.vpcd import VPCD_PORT, VirtualCard, VpcdLink

SOCKET_ENV = "PCSCLITE_CSOCK_NAME"
READER_NAME = "Virtual PCD"  # vpcd's slots appear as "Virtual PCD 00 00", "Virtual PCD 00 01"
HERE = Path(__file__).resolve().parent
EPASS_HARNESS = HERE / "epass_harness.py"
SYSTEM_PYTHON = "/usr/bin/python3"
VPCD_DRIVERS = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so*"
DRIVERS_DIR = "/usr/lib/pcsc/drivers"
# The ICAO 9303 specimen (ERIKSSON ANNA MARIA, document L898902C3): a TD3 MRZ, as the ePass wants.
SPECIMEN_TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
SPECIMEN_MRZ_INFORMATION = "L898902C36" + "7408122" + "1204159"  # document no., DOB, DOE, with check digits

_T = TypeVar("_T")
_CLONE_NEWNET = 0x40000000
_SIOCGIFFLAGS = 0x8913
_SIOCSIFFLAGS = 0x8914
_IFF_UP = 0x1
_client_socket: Path | None = None
# Every process the stack starts goes through this: PR_SET_PDEATHSIG makes it die with the test
# process even when that is killed, so that no pcscd or emulator outlives a crashed session (the
# setting survives exec). With --listen-fd it also does systemd's socket activation, which pcscd
# supports: the listening socket as fd 3, LISTEN_FDS=1 and LISTEN_PID = pcscd's pid, which is this
# process's own (nsenter and pcscd are exec'd, never forked). In Python rather than sh: dash cannot
# redirect file descriptors above 9.
_EXEC_SHIM = """
import ctypes, os, signal, sys
ctypes.CDLL(None).prctl(1, signal.SIGTERM)
args = sys.argv[1:]
if args[0] == "--listen-fd":
    fd = int(args[1])
    args = args[2:]
    if fd != 3:
        os.dup2(fd, 3)
        os.close(fd)
    os.environ.update(LISTEN_PID=str(os.getpid()), LISTEN_FDS="1")
os.execvp(args[0], args)
"""


def _shim(*command: str) -> list[str]:
    return [sys.executable, "-c", _EXEC_SHIM, *command]


class StackError(RuntimeError):
    """The stack did not come up (or down) as it should: a failure, never a skip."""


def configure_client_socket() -> Path:
    """Point libpcsclite at the private pcscd's socket, in a fresh private temp dir; idempotent.

    Must run before the first PC/SC call in this process (pyscard's readers(), CardMonitor …):
    libpcsclite reads the variable once. tests/conftest.py calls it when it is imported.
    """
    global _client_socket
    if _client_socket is not None:
        return _client_socket
    base = tempfile.gettempdir()
    # Unix socket paths are limited to 108 bytes, and /run is hidden from pcscd (tmpfs above).
    if len(base) > 60 or base == "/run" or base.startswith("/run/"):
        base = "/tmp"
    root = Path(tempfile.mkdtemp(prefix="dvc-kiosk-pcsc-", dir=base))
    atexit.register(shutil.rmtree, root, True)
    _client_socket = root / "pcscd.comm"
    os.environ[SOCKET_ENV] = str(_client_socket)
    return _client_socket


def reader_name(slot: int) -> str:
    return f"{READER_NAME} 00 {slot:02d}"


def _vpcd_driver() -> Path | None:
    found = sorted(glob.glob(VPCD_DRIVERS))
    return Path(found[-1]) if found else None


def _tool(name: str) -> str | None:
    # pcscd is in /usr/sbin, which a non-login root shell may lack in PATH.
    return shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin")


def missing_components() -> list[str]:
    """Why the stack cannot run here; [] when it can."""
    problems = []
    if os.geteuid() != 0:
        problems.append("not root: pcscd runs in private mount and network namespaces")
    for tool in ("pcscd", "unshare", "nsenter", "mount", "sh", "sleep"):
        if _tool(tool) is None:
            problems.append(f"{tool} missing (apt-get install pcscd util-linux mount)")
    if _vpcd_driver() is None:
        problems.append("vpcd driver missing (apt-get install vsmartcard-vpcd)")
    if not problems:
        trial = subprocess.run(
            ["unshare", "--mount", "--net", "--propagation", "private", "--", "true"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if trial.returncode != 0:
            problems.append(
                f"cannot create namespaces ({trial.stderr.strip()}): a container without CAP_SYS_ADMIN?"
            )
    return problems


def epass_problem() -> str | None:
    """Why the vsmartcard ePass cannot run here, or None."""
    if not Path(SYSTEM_PYTHON).is_file():
        return f"{SYSTEM_PYTHON} missing"
    try:
        done = subprocess.run(
            [SYSTEM_PYTHON, str(EPASS_HARNESS), "--check", "--mrz", SPECIMEN_TD3],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "the ePass harness did not build its card within 60 s"
    if done.returncode != 0:
        return f"the ePass harness cannot run: {done.stderr.strip()[-400:]}"
    return None


def unavailable(reason: str) -> NoReturn:
    """Skip, except under CI=true, where the PC/SC tests must run and a missing piece fails."""
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail(f"{reason} (CI=true: the PC/SC stack tests may not be skipped)", pytrace=False)
    pytest.skip(reason)


def _polkit_option() -> list[str]:
    """pcscd built with polkit (Ubuntu's 2.x) asks polkit over the system D-Bus, whose socket under
    /run the holder hides: switch the check off where the option exists (Debian 12 has none)."""
    try:
        usage = subprocess.run(
            [_tool("pcscd") or "pcscd", "--help"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    return ["--disable-polkit"] if "--disable-polkit" in usage.stdout + usage.stderr else []


def _loopback_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("16sh", b"lo", 0)
        flags = struct.unpack("16sh", fcntl.ioctl(sock, _SIOCGIFFLAGS, request)[:18])[1]
        fcntl.ioctl(sock, _SIOCSIFFLAGS, struct.pack("16sh", b"lo", flags | _IFF_UP))


def _stop_process(process: subprocess.Popen[Any], timeout: float = 5.0) -> None:
    """SIGTERM, then SIGKILL; always reaped. Only ever our own child, by its pid."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


class EpassProcess:
    """tests/epass_harness.py serving the vsmartcard ePass in one vpcd slot."""

    def __init__(self, process: subprocess.Popen[str], log_path: Path, slot: int) -> None:
        self.process = process
        self.log_path = log_path
        self.slot = slot
        self.ready: dict[str, Any] = {}

    @property
    def reader(self) -> str:
        return reader_name(self.slot)

    def file(self, name: str) -> bytes:
        return bytes.fromhex(self.ready["files"][name])

    def wait_ready(self, timeout: float) -> None:
        assert self.process.stdout is not None
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(self.process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(timeout)
        if not line or not line[0].strip():
            raise StackError(f"the ePass harness did not attach within {timeout:g} s:\n{self.log()}")
        self.ready = json.loads(line[0])

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def stop(self) -> None:
        _stop_process(self.process)
        if self.process.stdout is not None:
            self.process.stdout.close()


class PcscStack:
    """pcscd with vpcd readers in private namespaces; see the module docstring."""

    def __init__(self, client_socket: Path) -> None:
        self.socket_path = client_socket
        self.root = client_socket.parent
        self.conf_dir = self.root / "reader.conf.d"
        self.log_path = self.root / "pcscd.log"
        self._holder: subprocess.Popen[str] | None = None
        self._daemon: subprocess.Popen[bytes] | None = None
        self._daemon_log: IO[bytes] | None = None
        self._links: list[VpcdLink] = []
        self._epass: list[EpassProcess] = []
        self._libc = ctypes.CDLL(None, use_errno=True)

    # -- life cycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        driver = _vpcd_driver()
        if driver is None:
            raise StackError("vpcd driver missing")
        self.conf_dir.mkdir(exist_ok=True)
        # A copy: the holder hides /usr/lib/pcsc/drivers from pcscd, so that it loads no USB driver.
        shutil.copyfile(driver, self.root / "libifdvpcd.so")
        self.write_reader_conf("vpcd", READER_NAME, VPCD_PORT)
        self._start_holder()
        self._in_netns(_loopback_up)
        self.start_daemon()

    def write_reader_conf(self, name: str, friendly: str, port: int) -> Path:
        """A reader.conf.d entry for vpcd's slots on port, port + 1, read when pcscd starts (1.9.9
        does not apply changes on SIGUSR1: "has been modified. Recheck canceled")."""
        path = self.conf_dir / name
        library = self.root / "libifdvpcd.so"
        path.write_text(
            f'FRIENDLYNAME "{friendly}"\nDEVICENAME /dev/null:{port}\nLIBPATH {library}\nCHANNELID {port}\n'
        )
        return path

    def _start_holder(self) -> None:
        script = (
            "mount -t tmpfs -o mode=0755,size=1m tmpfs /run && "
            f"{{ [ ! -d {DRIVERS_DIR} ] || mount -t tmpfs -o mode=0755,size=1m tmpfs {DRIVERS_DIR}; }} && "
            "echo ready && exec sleep infinity"
        )
        holder = subprocess.Popen(
            _shim("unshare", "--mount", "--net", "--propagation", "private", "--", "sh", "-c", script),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._holder = holder
        assert holder.stdout is not None
        line = holder.stdout.readline()
        if line.strip() != "ready":
            _stop_process(holder)
            raise StackError(f"namespace holder failed: {holder.stderr.read() if holder.stderr else ''}")

    def _namespace(self, kind: str) -> str:
        assert self._holder is not None
        return f"/proc/{self._holder.pid}/ns/{kind}"

    def _in_netns(self, call: Callable[[], _T]) -> _T:
        """`call()` on a fresh thread moved into the holder's network namespace (setns affects only
        the calling thread); a socket keeps the namespace it was created in."""
        result: list[_T] = []
        failure: list[BaseException] = []

        def run() -> None:
            try:
                fd = os.open(self._namespace("net"), os.O_RDONLY)
                try:
                    if self._libc.setns(fd, _CLONE_NEWNET) != 0:
                        code = ctypes.get_errno()
                        raise OSError(code, f"setns: {os.strerror(code)}")
                finally:
                    os.close(fd)
                result.append(call())
            except BaseException as exc:
                failure.append(exc)

        worker = threading.Thread(target=run, name="netns", daemon=True)
        worker.start()
        worker.join(10)
        if failure:
            raise failure[0]
        if not result:
            raise OSError(errno.ETIMEDOUT, "netns call did not finish")
        return result[0]

    def netns_socket(self) -> socket.socket:
        """A TCP socket in the holder's network namespace, where vpcd listens."""
        return self._in_netns(lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM))

    @property
    def daemon_running(self) -> bool:
        return self._daemon is not None and self._daemon.poll() is None

    def start_daemon(self, timeout: float = 15.0) -> None:
        """Start pcscd (again) and wait for its readers. Call it from a thread that outlives the
        daemon (the main thread): pcscd gets SIGTERM when the thread that started it ends."""
        if self.daemon_running:
            return
        self.socket_path.unlink(missing_ok=True)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(self.socket_path))
        listener.listen(64)
        fd = listener.fileno()
        self._daemon_log = open(self.log_path, "ab")  # closed in stop_daemon
        start_offset = self.log_path.stat().st_size
        try:
            self._daemon = subprocess.Popen(
                _shim(
                    "--listen-fd",
                    str(fd),
                    "nsenter",
                    f"--mount={self._namespace('mnt')}",
                    f"--net={self._namespace('net')}",
                    "--",
                    _tool("pcscd") or "pcscd",
                    "--foreground",
                    "--debug",
                    "--apdu",
                    *_polkit_option(),
                    "-c",
                    str(self.conf_dir),
                ),
                pass_fds=(fd,),
                stdin=subprocess.DEVNULL,
                stdout=self._daemon_log,
                stderr=subprocess.STDOUT,
            )
        finally:
            # Only pcscd holds the socket now: once it exits, clients are refused (NO_SERVICE)
            # instead of waiting on a socket nobody answers.
            listener.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "daemon ready" in self._log_since(start_offset):
                break
            if self._daemon.poll() is not None:
                raise StackError(f"pcscd exited ({self._daemon.returncode}):\n{self.log_tail()}")
            time.sleep(0.05)
        else:
            raise StackError(f"pcscd not ready within {timeout:g} s:\n{self.log_tail()}")
        self.wait_readers([reader_name(0), reader_name(1)], timeout=deadline - time.monotonic())

    def stop_daemon(self, timeout: float = 5.0) -> None:
        if self._daemon is not None:
            _stop_process(self._daemon, timeout)
            self._daemon = None
        if self._daemon_log is not None:
            self._daemon_log.close()
            self._daemon_log = None

    def pause_daemon(self) -> None:
        """SIGSTOP pcscd: a wedged daemon, which accepts connections and never answers."""
        assert self._daemon is not None
        os.kill(self._daemon.pid, signal.SIGSTOP)

    def resume_daemon(self) -> None:
        assert self._daemon is not None
        os.kill(self._daemon.pid, signal.SIGCONT)

    def close(self) -> None:
        for link in self._links:
            link.stop()
        self._links.clear()
        for epass in self._epass:
            epass.stop()
        self._epass.clear()
        self.stop_daemon()
        if self._holder is not None:
            _stop_process(self._holder)
            if self._holder.stdout is not None:
                self._holder.stdout.close()
            if self._holder.stderr is not None:
                self._holder.stderr.close()
            self._holder = None
        self.socket_path.unlink(missing_ok=True)

    def _log_since(self, offset: int) -> str:
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")

    def log_tail(self, size: int = 4000) -> str:
        try:
            return self.log_path.read_bytes()[-size:].decode(errors="replace")
        except OSError:
            return ""

    # -- readers and cards --------------------------------------------------------------------------

    def wait_readers(self, names: list[str], timeout: float = 10.0) -> list[str]:
        """Until pyscard (through libpcsclite and PCSCLITE_CSOCK_NAME) lists all `names`."""
        from hardware.card.errors import CardError
        from hardware.card.pcsc import list_readers

        seen: list[str] = []
        error = ""
        deadline = time.monotonic() + max(timeout, 0.5)
        while time.monotonic() < deadline:
            try:
                seen = list_readers(timeout=2.0)
                error = ""
            except CardError as exc:
                error = str(exc)
            if all(name in seen for name in names):
                return seen
            time.sleep(0.1)
        raise StackError(
            f"libpcsclite lists {seen} ({error or 'no error'}), expected {names}. "
            f"{SOCKET_ENV}={os.environ.get(SOCKET_ENV)!r} must be set before the process's first PC/SC "
            f"call (tests/conftest.py calls cardstack.configure_client_socket()).\n{self.log_tail(1500)}"
        )

    def card_present(self, reader: str) -> bool:
        from hardware.card.pcsc import SCARD_STATE_PRESENT, _Context

        context = _Context.establish(3.0)
        try:
            return bool(context.states([reader], 3.0).get(reader, 0) & SCARD_STATE_PRESENT)
        finally:
            context.release()

    def wait_card(self, reader: str, present: bool = True, timeout: float = 5.0) -> None:
        """Until pcscd reports a card on `reader` (or none): vpcd sees a card at its next poll."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.card_present(reader) == present:
                return
            time.sleep(0.05)
        raise StackError(f"pcscd did not report the card {'in' if present else 'out'} on {reader!r}")

    def attach(
        self, card: VirtualCard, slot: int = 0, *, wait: bool = True, timeout: float = 5.0
    ) -> VpcdLink:
        """Put `card` on the reader of `slot`; with `wait`, until pcscd reports it."""
        link = VpcdLink(
            card,
            "127.0.0.1",
            VPCD_PORT + slot,
            socket_factory=self.netns_socket,
            retry_interval=0.1,
            name=f"vpcd-slot{slot}",
        )
        link.start()
        self._links.append(link)
        if wait:
            self.wait_card(reader_name(slot), True, timeout)
        return link

    def detach(self, link: VpcdLink, *, wait: bool = True) -> None:
        link.stop()
        if link in self._links:
            self._links.remove(link)
        if wait and self.daemon_running:
            self.wait_card(reader_name(link.port - VPCD_PORT), False)

    def run_epass(self, mrz: str = SPECIMEN_TD3, slot: int = 1, timeout: float = 30.0) -> EpassProcess:
        """The vsmartcard ePass (tests/epass_harness.py, system python3) on the reader of `slot`."""
        log_path = self.root / f"epass-{slot}.log"
        env = dict(os.environ)
        env.pop("PYTHONHOME", None)
        package = Path("/usr/lib/python3/site-packages/virtualsmartcard")
        if package.is_dir():
            env["PYTHONPATH"] = str(package)
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                _shim(
                    "nsenter",
                    f"--net={self._namespace('net')}",
                    "--",
                    SYSTEM_PYTHON,
                    str(EPASS_HARNESS),
                    "--mrz",
                    mrz,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(VPCD_PORT + slot),
                ),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env=env,
            )
        epass = EpassProcess(process, log_path, slot)
        self._epass.append(epass)
        try:
            epass.wait_ready(timeout)
            self.wait_card(epass.reader, True, timeout)
        except BaseException:
            self.stop_epass(epass)
            raise
        return epass

    def stop_epass(self, epass: EpassProcess) -> None:
        epass.stop()
        if epass in self._epass:
            self._epass.remove(epass)


@pytest.fixture(scope="session")
def pcsc_stack() -> Iterator[PcscStack]:
    """The private pcscd with two vpcd readers (slots 0 and 1) for the whole session."""
    client_socket = configure_client_socket()
    problems = missing_components()
    if problems:
        unavailable("PC/SC stack: " + "; ".join(problems))
    stack = PcscStack(client_socket)
    try:
        stack.start()
    except StackError as exc:
        stack.close()
        pytest.fail(f"the private PC/SC stack did not start: {exc}", pytrace=False)
    try:
        yield stack
    finally:
        stack.close()
