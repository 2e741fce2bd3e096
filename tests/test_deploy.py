"""The deployment files under deploy/ are well formed and say what the README says.

The systemd unit goes through `systemd-analyze verify` (a copy whose two programs point at ones
that exist here: a stand-in for cage, this checkout's dvc-kiosk) where systemd-analyze exists;
its keys are checked in any case. The command it runs must parse as `dvc-kiosk kiosk`, locked down.
The udev rules are parsed line by line; the sysusers file goes through `systemd-sysusers --dry-run`
into an empty root; the example office settings load.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from config.settings import load_settings
from kiosk.cli import build_parser, cmd_kiosk

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "systemd" / "dvc-kiosk.service"
DVC_KIOSK = Path(sys.executable).parent / "dvc-kiosk"


def unit_keys(text: str) -> dict[str, dict[str, list[str]]]:
    """Sections → keys → values (a key may repeat), as systemd reads them."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        assert current is not None, line
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def test_the_unit_is_a_watched_notify_service_of_its_own_user() -> None:
    service = unit_keys(UNIT.read_text(encoding="utf-8"))["Service"]
    one = {key: values[-1] for key, values in service.items()}
    assert one["Type"] == "notify" and one["NotifyAccess"] == "all"
    assert one["Restart"] == "on-failure"
    assert int(one["WatchdogSec"]) >= 10  # the app pings every half of it, from its GUI thread
    assert one["User"] == "dvc-kiosk" and one["PAMName"] == "dvc-kiosk" and one["TTYPath"] == "/dev/tty1"
    assert one["NoNewPrivileges"] == "yes" and one["ProtectSystem"] == "strict"
    # What must not be there: each would cut the kiosk off its devices or its QML engine.
    for key in ("PrivateDevices", "DevicePolicy", "PrivateNetwork", "MemoryDenyWriteExecute"):
        assert key not in service, key
    assert "AF_UNIX" in one["RestrictAddressFamilies"]  # pcscd, the notify socket, Wayland


def test_the_unit_runs_the_locked_down_kiosk_in_cage() -> None:
    service = unit_keys(UNIT.read_text(encoding="utf-8"))["Service"]
    words = shlex.split(service["ExecStart"][-1])
    assert words[0] == "/usr/bin/cage" and "--" in words
    app = words[words.index("--") + 1 :]
    # WATCHDOG_PID names cage, the main process: the app must not see it (kiosk/sdnotify.py).
    assert app[:3] == ["/usr/bin/env", "-u", "WATCHDOG_PID"]
    assert app[3].endswith("/dvc-kiosk")
    args = build_parser().parse_args(app[4:])
    assert args.func is cmd_kiosk and not args.windowed
    assert args.config == "/etc/dvc-kiosk/kiosk.toml"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_analyze_verify(tmp_path: Path) -> None:
    cage = tmp_path / "cage"
    cage.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    cage.chmod(0o755)
    text = UNIT.read_text(encoding="utf-8")
    text = text.replace("/usr/bin/cage", str(cage)).replace(
        "/opt/dvc-kiosk/.venv/bin/dvc-kiosk", str(DVC_KIOSK)
    )
    unit = tmp_path / UNIT.name
    unit.write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr


_RULE_TOKEN = re.compile(r'^(?P<key>[A-Z_]+)(\{(?P<attr>[^}]+)\})?(?P<op>==|!=|\+=|:=|=)"(?P<value>[^"]*)"$')


def test_the_udev_rules_are_well_formed() -> None:
    rules = sorted((DEPLOY / "udev").glob("*.rules"))
    assert [r.name for r in rules] == ["69-dvc-kiosk-card-readers.rules", "70-dvc-kiosk-printers.rules"]
    for path in rules:
        labels, gotos, vendors = set(), set(), []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            for token in line.split(", "):
                match = _RULE_TOKEN.match(token)
                assert match, f"{path.name}: {token!r}"
                key, attr, value = match["key"], match["attr"], match["value"]
                if key == "LABEL":
                    labels.add(value)
                elif key == "GOTO":
                    gotos.add(value)
                elif key == "ATTR" and attr in ("idVendor", "idProduct"):
                    assert re.fullmatch(r"[0-9a-f]{4}", value), f"{path.name}: {token}"
                    vendors.append(value)
                elif key == "GROUP":
                    assert value == "dvc-kiosk"
        assert gotos == labels, path.name  # every jump lands
        if path.name.startswith("70"):
            assert "04b8" in vendors and "0416" in vendors  # Epson, and the common POS-58 controller
    # The reader rule must come before systemd's uaccess rule, which reads what it sets.
    assert rules[0].name < "70-uaccess.rules"


@pytest.mark.skipif(shutil.which("systemd-sysusers") is None, reason="no systemd-sysusers here")
def test_the_account_can_be_created(tmp_path: Path) -> None:
    folder = tmp_path / "etc" / "sysusers.d"
    folder.mkdir(parents=True)
    shutil.copy(DEPLOY / "sysusers.d" / "dvc-kiosk.conf", folder)
    done = subprocess.run(
        ["systemd-sysusers", "--dry-run", f"--root={tmp_path}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Creating user 'dvc-kiosk'" in done.stdout + done.stderr


def test_the_example_office_settings_load() -> None:
    settings = load_settings(DEPLOY / "kiosk.toml")
    assert settings.kiosk.required_devices == ("printer", "card_reader", "camera")
    assert settings.portal.secrets_file == "/etc/dvc-kiosk/secrets.toml"


def test_the_office_config_locks_the_kiosk_down_and_the_embedded_defaults_do_not() -> None:
    # A kiosk in a public room: no way out but the supervisor's. The defaults, which `bash setup.sh
    # run` opens on anyone's machine, give an ordinary window.
    assert load_settings(DEPLOY / "kiosk.toml").kiosk.lockdown is True
    assert load_settings(None).kiosk.lockdown is False
