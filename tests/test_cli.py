"""The `dvc-kiosk` command as an office technician runs it: the installed console script, end to end.

Each test starts the real entry point in a subprocess with its own data directory, so that what
is checked is what a shell user sees: exit codes, JSON on stdout, sentences on stderr, files.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

DVC_KIOSK = Path(sys.executable).parent / "dvc-kiosk"
TIMEOUT = 120  # seconds for one command; generous, only there so that a hang fails instead of blocking
BIRTH_REGISTRATION = "1.001193"


def env_for(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DVC_KIOSK_CONFIG", "DVC_PORTAL_TOKEN")}
    env["DVC_KIOSK_DATA_DIR"] = str(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(
    data_dir: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(DVC_KIOSK), *args],
        env=env_for(data_dir) | (env or {}),
        cwd=data_dir,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


def test_console_script_is_installed() -> None:
    assert DVC_KIOSK.exists(), f"{DVC_KIOSK} missing: pip install -e . in the virtual environment"


def test_help_lists_every_command(data_dir: Path) -> None:
    done = run(data_dir, "--help")
    assert done.returncode == 0, done.stderr
    for command in ("kiosk", "agent", "portal", "catalog", "doctor", "screenshot", "account"):
        assert command in done.stdout, command


# ---- catalog ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "khai sinh", "Đăng ký khai sinh"]
)
def test_catalog_search_finds_birth_registration_first(data_dir: Path, query: str) -> None:
    done = run(data_dir, "catalog", "search", query, "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert isinstance(rows, list) and rows
    assert rows[0]["code"] == BIRTH_REGISTRATION
    assert "khai sinh" in rows[0]["name"].lower()


def test_catalog_search_without_match_is_empty_and_fails(data_dir: Path) -> None:
    done = run(data_dir, "catalog", "search", "zzzzqqq", "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout) == []


def test_catalog_list_has_the_whole_catalogue(data_dir: Path) -> None:
    done = run(data_dir, "catalog", "list", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) >= 15
    codes = [row["code"] for row in rows]
    assert len(set(codes)) == len(codes), "a procedure is listed twice"
    assert BIRTH_REGISTRATION in codes
    assert all(row["name"] for row in rows)


def test_catalog_search_text_output_names_the_procedure(data_dir: Path) -> None:
    done = run(data_dir, "catalog", "search", "khai sinh")
    assert done.returncode == 0, done.stderr
    assert f"{BIRTH_REGISTRATION}  Đăng ký khai sinh" in done.stdout


# ---- doctor -----------------------------------------------------------------------------------


def test_doctor_json_reports_all_five_checks(data_dir: Path) -> None:
    done = run(data_dir, "doctor", "--json")
    checks = json.loads(done.stdout)
    by_name = {c["name"]: c for c in checks}
    assert [c["name"] for c in checks] == ["reader", "camera", "printer", "portal", "database"]
    for check in checks:
        assert check["state"] in ("ok", "missing", "error"), check
        assert isinstance(check["detail"], str) and check["detail"]
    assert by_name["portal"]["state"] == "ok", by_name["portal"]
    assert by_name["database"]["state"] == "ok", by_name["database"]
    assert by_name["camera"]["state"] == "ok", by_name["camera"]  # the sample photos
    # The embedded default reads the built-in emulated card: no reader needed.
    assert by_name["reader"]["state"] == "ok" and "emulated" in by_name["reader"]["detail"]
    assert done.returncode == 0, done.stderr


def test_doctor_checks_a_pcsc_reader_when_configured(data_dir: Path) -> None:
    config = data_dir / "office.toml"
    config.write_text('[identity]\nreader = "pcsc"\n', encoding="utf-8")
    done = run(data_dir, "--config", str(config), "doctor", "--json")
    reader = {c["name"]: c for c in json.loads(done.stdout)}["reader"]
    # Whatever pcscd this machine has (the tests' own, or none): a state and a reason, quickly.
    assert reader["state"] in ("ok", "missing", "error") and "emulated" not in reader["detail"]


def test_corrupt_config_exits_2_naming_file_and_key(data_dir: Path) -> None:
    config = data_dir / "office.toml"
    config.write_text('[portal]\ntimeout_seconds = "abc"\n', encoding="utf-8")
    done = run(data_dir, "--config", str(config), "doctor", "--json")
    assert done.returncode == 2
    assert str(config) in done.stderr
    assert "[portal] timeout_seconds" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_config_from_environment_is_used(data_dir: Path) -> None:
    config = data_dir / "office.toml"
    config.write_text('[office]\nmode = "tablet"\n', encoding="utf-8")
    done = subprocess.run(
        [str(DVC_KIOSK), "doctor", "--json"],
        env={**env_for(data_dir), "DVC_KIOSK_CONFIG": str(config)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 2
    assert str(config) in done.stderr and "[office] mode" in done.stderr


# ---- screenshot -------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as image:
        assert image.format == "PNG"
        return image.size


def test_screenshot_writes_a_png_of_the_requested_size(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots" / "procedure.png"
    done = run(
        data_dir,
        "screenshot",
        "--mode",
        "kiosk",
        "--page",
        "procedure",
        "--size",
        "1280x720",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert png_size(out) == (1280, 720)


def test_screenshot_of_an_unknown_page_lists_the_pages(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.png"
    done = run(data_dir, "screenshot", "--page", "nosuchpage", "--out", str(out))
    assert done.returncode == 2
    assert "nosuchpage" in done.stderr
    for page in ("welcome", "procedure", "receipt"):
        assert page in done.stderr
    assert not out.exists()


def test_agent_screenshot_of_home(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "agent-home.png"
    done = run(
        data_dir, "screenshot", "--mode", "agent", "--page", "home", "--size", "1280x720", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert png_size(out) == (1280, 720)


def test_screenshot_does_not_touch_the_office_store(data_dir: Path, tmp_path: Path) -> None:
    # Staging creates a demo account and maybe a dossier: they belong in a throwaway directory.
    done = run(
        data_dir,
        "screenshot",
        "--mode",
        "agent",
        "--page",
        "signin",
        "--size",
        "800x600",
        "--out",
        str(tmp_path / "signin.png"),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert not (data_dir / "dvc-kiosk.sqlite3").exists()


# ---- accounts ---------------------------------------------------------------------------------


def test_account_add_creates_an_account_that_can_log_in(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password = "mật-khẩu-dài-2026"
    done = run(
        data_dir,
        "account",
        "add",
        "truong.phong",
        "--role",
        "supervisor",
        "--password-stdin",
        stdin=password + "\n",
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "truong.phong" in done.stdout

    from config.settings import load_settings
    from egov.accounts import Account, Role, verify_login
    from egov.store import open_store

    monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(data_dir))
    store = open_store(load_settings())
    try:
        now = datetime.now(UTC)
        account = verify_login(store, "truong.phong", password, now)
        assert isinstance(account, Account), account
        assert account.role == Role.SUPERVISOR
        # The password is the one given, not something else that happened to be read.
        assert not isinstance(verify_login(store, "truong.phong", password + "x", now), Account)
    finally:
        store.close()


def test_account_list_unlock_disable_enable(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import load_settings
    from egov.accounts import MAX_FAILURES, LoginFailure, create_account, verify_login
    from egov.store import open_store

    password = "mat-khau-dai-2026"
    monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(data_dir))
    store = open_store(load_settings())
    try:
        create_account(store, "quanly", password, "supervisor", "Quản lý", actor="first-run")
        create_account(store, "canbo.an", password, "agent", "Lê Thị An", actor="quanly")
        now = datetime.now(UTC)
        for _ in range(MAX_FAILURES):
            verify_login(store, "canbo.an", "wrong", now)
    finally:
        store.close()

    listed = run(data_dir, "account", "list")
    assert listed.returncode == 0, listed.stderr[-3000:]
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert "locked until" in rows["canbo.an"] and "Lê Thị An" in rows["canbo.an"]
    assert " active " in rows["quanly"] and "supervisor" in rows["quanly"]
    assert password not in listed.stdout

    assert run(data_dir, "account", "unlock", "canbo.an").stdout.strip() == "account canbo.an unlocked"
    assert run(data_dir, "account", "disable", "canbo.an").returncode == 0
    assert " disabled " in run(data_dir, "account", "list").stdout
    last = run(data_dir, "account", "disable", "quanly")
    assert last.returncode == 1 and "quản lý cuối cùng" in last.stderr
    unknown = run(data_dir, "account", "enable", "nobody")
    assert unknown.returncode == 1 and "no such account" in unknown.stderr

    store = open_store(load_settings())
    try:
        assert verify_login(store, "canbo.an", password, datetime.now(UTC)) is LoginFailure.DISABLED
        assert run(data_dir, "account", "enable", "canbo.an").returncode == 0
        assert verify_login(store, "canbo.an", password, datetime.now(UTC)).username == "canbo.an"
        actions = [(e.actor, e.action) for e in store.audit_trail("account:canbo.an")]
        assert ("command-line", "account.unlocked") in actions
        assert actions.index(("command-line", "account.disabled")) < actions.index(
            ("command-line", "account.enabled")
        )
    finally:
        store.close()


# ---- the standalone training portal -------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(url: str, process: subprocess.Popen[str], attempts: int = 300) -> None:
    for _ in range(attempts):
        if process.poll() is not None:
            pytest.fail(f"portal serve exited early with {process.returncode}")
        try:
            if requests.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    pytest.fail("portal serve did not answer /health")


@pytest.mark.parametrize("dialect", ["v1", "igate"])
def test_portal_serve_takes_a_dossier_and_stops_on_ctrl_c(
    data_dir: Path, tmp_path: Path, dialect: str
) -> None:
    from egov.dossier import Channel, Dossier, Person
    from egov.portal.client import PortalClient
    from egov.portal.contract import SubmitReceipt
    from egov.portal.igate import IgateConnector

    port = free_port()
    db = tmp_path / "portal.sqlite3"
    env = env_for(data_dir)
    env.pop("DVC_PORTAL_TOKENS", None)
    env.pop("DVC_PORTAL_ADMIN_TOKEN", None)
    env["DVC_PORTAL_CLIENTS"] = "kiosk-cli:bí-mật"
    process = subprocess.Popen(
        [str(DVC_KIOSK), "portal", "serve", "--port", str(port), "--db", str(db), "--dialect", dialect],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for_health(url, process)
        dossier = Dossier(
            procedure_code=BIRTH_REGISTRATION,
            procedure_name="Đăng ký khai sinh",
            applicant=Person(full_name="Nguyễn Thị Mẫu", id_number="001199000001"),
            office_code="H01.99",
            channel=Channel.DIRECT,
            form={"ho_ten_tre": "Nguyễn Văn Bé"},
        )
        connector = (
            PortalClient(url, "training-token", timeout=10)
            if dialect == "v1"
            else IgateConnector(url, "kiosk-cli", "bí-mật", timeout=10)
        )
        with connector as client:
            receipt = client.submit(dossier)
            assert isinstance(receipt, SubmitReceipt), receipt
            assert receipt.dossier_code.startswith("H01.99-")
            assert receipt.client_id == dossier.client_id
            # The dossier is really stored: its code can be looked up.
            status = client.status(receipt.dossier_code)
            assert not hasattr(status, "kind"), status
        assert db.exists()
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        assert process.returncode == 0, stderr[-3000:]
        assert "Traceback" not in stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=30)
