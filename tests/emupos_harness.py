"""Runs emupos, an independent ESC/POS printer emulator (PyPI, Apache-2.0), for the printer tests.

emupos needs Python ≥ 3.13, which the project's own environment may not be. This module finds
one (DVC_EMUPOS_PYTHON, then python3.14/python3.13/python3 on PATH, then pyenv's versions, then
`uv python find` and `uv python install 3.13`), makes a virtual environment with emupos pinned
in the user's cache folder (once; DVC_EMUPOS_CACHE moves it), and starts `emupos run` with a
configuration of its own: two printers on free loopback ports,

- `p58`: a generic 58 mm printer (384 dots; a profile file written here, emupos ships only 80 mm
  ones),
- `p80`: emupos's Epson TM-T20III (576 dots),
- `t80`: a TM-T20 with WPC1258 at ESC t 52, as the TM-T20II has it (a profile file written here:
  emupos's TM-T20III lists no Vietnamese page), for text mode,

and the control API (http://127.0.0.1:PORT/api/v1) on a third port. What the tests read back
from that API: `GET /devices/{id}/receipts` (completed jobs, newest first, each with its
`boundary`: "cut", "idle-timeout" or "connection-closed"), `GET /devices/{id}/receipts/{rid}/image`
(the decoded paper as a 1-bit PNG) and `.../text` (the text dump: "[image 576x226]",
"[qr https://…]"). Faults: `PUT` and `DELETE /devices/{id}/faults/{paper-near-end | paper-out |
cover-open | offline}`.

`python tests/emupos_harness.py --prepare` does the finding and installing ahead of the tests
(setup.sh test runs it); `--serve` also starts emupos and prints its endpoints until Ctrl+C.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EMUPOS_VERSION = "0.4.0"
MIN_PYTHON = (3, 13)
PRINTERS = {"p58": 384, "p80": 576, "t80": 576}
FAULTS = ("paper-near-end", "paper-out", "cover-open", "offline")
JOB_IDLE_MS = 1000

_PROFILE_58 = """\
# A generic 58 mm printer for dvc-kiosk's tests: emupos ships 80 mm profiles only.
type: printer
name: Generic POS-58
dpi: 203
width_dots: 384
font_a: { width: 12, height: 24 }
font_b: { width: 9, height: 17 }
code_pages: { 0: PC437 }
default_code_page: 0
drawer_sensor_open_level: high
"""

_PROFILE_80_CP1258 = """\
# An Epson TM-T20 with Vietnamese CP1258 at ESC t 52 (TM-T20II), for dvc-kiosk's text-mode tests.
type: printer
name: Epson TM-T20 CP1258
dpi: 203
width_dots: 576
font_a: { width: 12, height: 24 }
font_b: { width: 9, height: 17 }
code_pages: { 0: PC437, 52: WPC1258 }
default_code_page: 0
drawer_sensor_open_level: high
"""
_PROFILE_FILES = {"p58": "./pos58.yaml", "p80": "epson-tm-t20iii", "t80": "./tm-t20-cp1258.yaml"}


class EmuposUnavailable(RuntimeError):
    """No Python ≥ 3.13 could be found or installed, or emupos would not install: the reason."""


# ---- finding a Python ≥ 3.13 ------------------------------------------------------------------


def _version(python: str) -> tuple[int, int] | None:
    try:
        done = subprocess.run(
            [python, "-c", "import sys, venv, ensurepip; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    major, minor = done.stdout.split()
    return int(major), int(minor)


def _pyenv_candidates() -> list[str]:
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    found = []
    for folder in root.glob("3.*"):
        match = re.fullmatch(r"3\.(\d+)\.(\d+)", folder.name)
        if match and (3, int(match[1])) >= MIN_PYTHON and (folder / "bin" / "python").exists():
            found.append(((int(match[1]), int(match[2])), str(folder / "bin" / "python")))
    # 3.13 before 3.14: the release emupos 0.4.0 was tested on first.
    return [python for _, python in sorted(found)]


def _uv() -> str | None:
    beside = Path(sys.executable).parent / "uv"
    return str(beside) if beside.exists() else shutil.which("uv")


def _uv_python(uv: str, tried: list[str]) -> str | None:
    def find() -> str | None:
        done = subprocess.run(
            [uv, "python", "find", "--no-project", ">=3.13"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0:
            return None
        return done.stdout.strip() or None

    found = find()
    if found:
        return found
    done = subprocess.run(
        [uv, "python", "install", "3.13"], capture_output=True, text=True, timeout=900, check=False
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        tried.append(f"`uv python install 3.13` failed: {last}")
        return None
    return find()


def find_python() -> tuple[str, str]:
    """A Python ≥ 3.13 with venv, and how it was found. Raises EmuposUnavailable naming all tried."""
    tried: list[str] = []
    explicit = os.environ.get("DVC_EMUPOS_PYTHON")
    candidates: list[tuple[str, str]] = []
    if explicit:
        candidates.append((explicit, "DVC_EMUPOS_PYTHON"))
    for name in ("python3.13", "python3.14", "python3"):
        path = shutil.which(name)
        if path:
            candidates.append((path, f"{name} on PATH"))
    candidates += [(path, "pyenv") for path in _pyenv_candidates()]
    for python, how in candidates:
        version = _version(python)
        if version is not None and version >= MIN_PYTHON:
            return python, how
        found = "not runnable" if version is None else f"{version[0]}.{version[1]}"
        tried.append(f"{python} ({how}): {found}")
    uv = _uv()
    if uv is None:
        tried.append("uv not installed (pip install uv)")
    else:
        python = _uv_python(uv, tried)
        if python and (_version(python) or (0, 0)) >= MIN_PYTHON:
            return python, "uv"
    raise EmuposUnavailable(
        "emupos needs Python >= 3.13 and none was found: " + "; ".join(tried or ["nothing to try"])
    )


# ---- the virtual environment ------------------------------------------------------------------


def cache_dir() -> Path:
    explicit = os.environ.get("DVC_EMUPOS_CACHE")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dvc-kiosk"


def prepare(log: Any = None) -> Path:
    """The `emupos` command of a virtual environment with emupos installed, made if needed."""
    python, how = find_python()
    major, minor = _version(python) or (0, 0)
    venv = cache_dir() / f"emupos-{EMUPOS_VERSION}-py{major}.{minor}"
    executable = venv / "bin" / "emupos"
    ready = venv / ".ready"
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / f"{venv.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second test run waits rather than half-installs
        if ready.exists() and executable.exists():
            return executable
        if log:
            print(f"emupos: Python {major}.{minor} from {how} ({python}); installing into {venv}", file=log)
        shutil.rmtree(venv, ignore_errors=True)
        steps = [
            [python, "-m", "venv", str(venv)],
            [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
             f"emupos=={EMUPOS_VERSION}"],
        ]  # fmt: skip
        for step in steps:
            done = subprocess.run(step, capture_output=True, text=True, timeout=900, check=False)
            if done.returncode != 0:
                last = (done.stderr.strip().splitlines() or ["no message"])[-1]
                raise EmuposUnavailable(f"{' '.join(step[:4])} failed: {last}")
        ready.write_text(f"{python}\n")
    return executable


# ---- the running emulator ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Emupos:
    """One `emupos run` on loopback with the printers of PRINTERS."""

    def __init__(self, executable: Path, workdir: Path) -> None:
        self.executable = executable
        self.workdir = workdir
        self.api_port = free_port()
        self.ports = {device: free_port() for device in PRINTERS}
        self._process: subprocess.Popen[bytes] | None = None
        self._log = workdir / "emupos.log"

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.api_port}/api/v1"

    def uri(self, device: str) -> str:
        return f"tcp://127.0.0.1:{self.ports[device]}"

    def _config(self) -> str:
        devices = [
            {
                "id": device,
                "type": "printer",
                "profile": _PROFILE_FILES[device],
                "connections": [{"tcp": {"host": "127.0.0.1", "port": self.ports[device]}}],
                "job_idle_timeout_ms": JOB_IDLE_MS,
                "receipts_dir": f"./receipts-{device}",
            }
            for device in PRINTERS
        ]
        # JSON is YAML: no YAML writer needed on this side.
        return json.dumps(
            {"schema": 1, "api": {"host": "127.0.0.1", "port": self.api_port}, "devices": devices}
        )

    def start(self, timeout: float = 90.0) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "pos58.yaml").write_text(_PROFILE_58, encoding="utf-8")
        (self.workdir / "tm-t20-cp1258.yaml").write_text(_PROFILE_80_CP1258, encoding="utf-8")
        config = self.workdir / "emupos.yaml"
        config.write_text(self._config(), encoding="utf-8")
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "160"}
        with open(self._log, "wb") as log:
            self._process = subprocess.Popen(
                [str(self.executable), "run", "--config", str(config)],
                cwd=self.workdir,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise EmuposUnavailable(f"emupos exited with {self._process.returncode}: {self.log_tail()}")
            if self._healthy() and all(self._listening(port) for port in self.ports.values()):
                return
            time.sleep(0.2)
        self.stop()
        raise EmuposUnavailable(f"emupos did not come up within {timeout:g} s: {self.log_tail()}")

    def _healthy(self) -> bool:
        import requests

        try:
            return requests.get(f"{self.api}/health", timeout=2).ok
        except requests.RequestException:
            return False

    @staticmethod
    def _listening(port: int) -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
        return False

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self._log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)  # Ctrl+C: emupos closes its ports and exits
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(15)

    # ---- the control API --------------------------------------------------------------------

    def _call(self, method: str, path: str) -> Any:
        import requests

        response = requests.request(method, f"{self.api}{path}", timeout=10)
        response.raise_for_status()
        return response

    def set_fault(self, device: str, fault: str, active: bool = True) -> None:
        self._call("PUT" if active else "DELETE", f"/devices/{device}/faults/{fault}")

    def clear_faults(self, device: str) -> None:
        for fault in FAULTS:
            self.set_fault(device, fault, active=False)

    def faults(self, device: str) -> list[str]:
        return list(self._call("GET", f"/devices/{device}").json()["state"]["faults"])

    def receipts(self, device: str) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/devices/{device}/receipts").json())

    def receipt_ids(self, device: str) -> set[str]:
        return {receipt["id"] for receipt in self.receipts(device)}

    def wait_for_receipt(self, device: str, before: set[str], timeout: float = 20.0) -> dict[str, Any]:
        """The first receipt completed since `before` was listed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = [r for r in self.receipts(device) if r["id"] not in before]
            if new:
                return new[-1]  # newest first: the last of the new ones is the oldest
            time.sleep(0.1)
        raise AssertionError(f"{device}: no receipt completed within {timeout:g} s\n{self.log_tail()}")

    def image(self, device: str, receipt_id: str) -> Any:
        from PIL import Image

        data = self._call("GET", f"/devices/{device}/receipts/{receipt_id}/image").content
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return image.copy()

    def text(self, device: str, receipt_id: str) -> str:
        return str(self._call("GET", f"/devices/{device}/receipts/{receipt_id}/text").text)


@contextlib.contextmanager
def running(workdir: Path, log: Any = None) -> Iterator[Emupos]:
    server = Emupos(prepare(log), workdir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--prepare", action="store_true", help="find Python >= 3.13 and install emupos")
    group.add_argument("--serve", metavar="DIR", help="also run emupos with its files in DIR until Ctrl+C")
    args = parser.parse_args()
    try:
        if args.prepare:
            print(prepare(sys.stderr))
            return 0
        with running(Path(args.serve), sys.stderr) as server:
            print(json.dumps({"api": server.api, "printers": {d: server.uri(d) for d in PRINTERS}}))
            with contextlib.suppress(KeyboardInterrupt):
                signal.pause()
        return 0
    except EmuposUnavailable as exc:
        print(f"emupos unavailable: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
