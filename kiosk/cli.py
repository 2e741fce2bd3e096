"""The `dvc-kiosk` command: the two apps, the training portal, the catalogue, checks, screenshots."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from config.settings import ConfigError, Settings, load_settings

log = logging.getLogger("dvc_kiosk")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config)


def _choose_platform() -> None:
    """With no screen at all, serve the UI over VNC rather than fail to start."""
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    os.environ["QT_QPA_PLATFORM"] = "vnc:size=1280x800:port=5900"
    print(
        "No display found: the app is served over VNC on port 5900 (connect with any VNC viewer).",
        file=sys.stderr,
    )


def _run_app(args: argparse.Namespace, mode_name: str) -> int:
    settings = _settings(args)
    _choose_platform()
    from PySide6.QtGui import QGuiApplication

    from egov.flow import Mode
    from ui.services import build_services
    from ui.shell import Shell

    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("dvc-kiosk")
    services = build_services(settings)
    try:
        mode = Mode(mode_name)
        factory = None
        if mode is Mode.AGENT:
            from agent_point.app import ensure_supervisor
            from agent_point.session_model import AgentSession

            if not ensure_supervisor(services.store):
                return 2
            factory = AgentSession
        services.start_sender()
        services.start_tracking()
        services.start_retention()
        shell = Shell(services, mode, session_factory=factory)
        from kiosk.app import Supervision

        # A kiosk in a public room is locked down (full screen, no way out but the supervisor's):
        # [kiosk] lockdown, which deploy/kiosk.toml sets; --windowed overrides it for training.
        windowed = getattr(args, "windowed", False)
        locked = mode is Mode.KIOSK and settings.kiosk.lockdown and not windowed
        supervision = Supervision(app, shell, locked=locked)
        if args.fullscreen and not supervision.locked:
            shell.window.showFullScreen()
        code = app.exec()
        supervision.close(code)
        shell.close()
        return code
    finally:
        services.close()


def cmd_kiosk(args: argparse.Namespace) -> int:
    from kiosk.app import RESTART_EXIT, restart

    code = _run_app(args, "kiosk")
    if code == RESTART_EXIT:
        restart()  # "Khởi động lại" on the maintenance screen
    return code


def cmd_agent(args: argparse.Namespace) -> int:
    return _run_app(args, "agent")


def cmd_portal_serve(args: argparse.Namespace) -> int:
    from egov.catalog import load_catalog
    from egov.portal.server import DEFAULT_CLIENTS, serve
    from ui.services import TRAINING_ADMIN_TOKEN, TRAINING_TOKEN, catalog_lookups

    fee, days = catalog_lookups(load_catalog())
    db = args.db or str(_settings(args).data_dir / "training-portal.sqlite3")
    tokens = tuple(t for t in os.environ.get("DVC_PORTAL_TOKENS", TRAINING_TOKEN).split(",") if t)
    admin = os.environ.get("DVC_PORTAL_ADMIN_TOKEN", TRAINING_ADMIN_TOKEN)
    # iGate dialect: OAuth2 clients as "id:secret,id:secret"; the training client otherwise.
    pairs = [p.partition(":") for p in os.environ.get("DVC_PORTAL_CLIENTS", "").split(",") if p]
    clients = {cid: secret for cid, _, secret in pairs if cid and secret} or DEFAULT_CLIENTS
    print(
        f"Training portal ({args.dialect}) on http://{args.host}:{args.port} (database {db})", file=sys.stderr
    )
    serve(
        args.host,
        args.port,
        db,
        tokens=tokens,
        admin_token=admin,
        fees=fee,
        processing_days=days,
        dialect=args.dialect,
        clients=clients,
    )
    return 0


def cmd_catalog(args: argparse.Namespace) -> int:
    from egov.catalog import load_catalog

    catalog = load_catalog()
    found = (
        catalog.search(args.text)
        if args.action == "search"
        else list(catalog.popular(len(catalog.procedures)))
    )
    if args.json:
        rows = [
            {
                "code": p.code,
                "name": p.name,
                "name_en": p.name_en,
                "field": p.field,
                "fee": p.fee("direct"),
                "full_online": p.full_online,
                "may_delegate": p.may_delegate,
            }
            for p in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(f"# Danh mục phiên bản {catalog.version} ({catalog.date:%d/%m/%Y}): {len(found)} thủ tục")
        for p in found:
            print(f"{p.code}  {p.name}")
    return 0 if found or args.action == "list" else 1


def cmd_doctor(args: argparse.Namespace) -> int:
    from hardware.doctor import Check, check_camera, check_card_reader, check_printer

    settings = _settings(args)
    checks: list[Check] = [
        check_card_reader(settings.identity.reader),
        check_camera(settings.camera.source),
        check_printer(settings.printer, settings.data_dir / "receipts"),
        _check_portal(settings),
        _check_database(settings),
    ]
    if args.json:
        print(json.dumps([{"name": c.name, "state": c.state, "detail": c.detail} for c in checks], indent=2))
    else:
        for c in checks:
            print(f"{c.name:<10} {c.state:<8} {c.detail}")
    return 0 if all(c.state == "ok" for c in checks if c.name in ("portal", "database")) else 1


def _check_portal(settings: Settings):  # noqa: ANN202 - returns hardware.doctor.Check
    from egov.catalog import load_catalog
    from hardware.doctor import Check
    from ui.services import portal_connector, start_training_portal

    if settings.portal.kind == "training":
        with tempfile.TemporaryDirectory() as tmp:
            # A scratch database: the check must not leave a dossier counter behind.
            portal = start_training_portal(settings, load_catalog(), db=str(Path(tmp) / "doctor.sqlite3"))
            url = portal.start("127.0.0.1", 0)
            try:
                with closing(portal_connector(settings, url)) as connector:
                    ok = connector.health()
            finally:
                portal.stop()
        detail = "training portal answers on loopback" if ok is True else f"training portal: {ok}"
    else:
        with closing(portal_connector(settings)) as connector:
            ok = connector.health()
        kind = getattr(getattr(ok, "kind", None), "value", ok)
        detail = f"{settings.portal.url} ({settings.portal.kind}): " + (
            "answers" if ok is True else str(kind)
        )
    state = "ok" if ok is True else "error"
    vi = "Cổng dịch vụ công trả lời" if state == "ok" else "Không kết nối được cổng dịch vụ công"
    return Check("portal", state, detail, vi)


def _check_database(settings: Settings):  # noqa: ANN202
    from egov.store import open_store
    from hardware.doctor import Check

    try:
        store = open_store(settings)
        store.close()
    except Exception as exc:  # noqa: BLE001 - the doctor reports, it does not crash
        return Check("database", "error", f"{exc.__class__.__name__}: {exc}", "Không mở được cơ sở dữ liệu")
    where = "PostgreSQL" if settings.store.url.startswith("postgres") else "SQLite"
    return Check("database", "ok", f"{where} opened and migrated", "Cơ sở dữ liệu hoạt động")


def cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from egov.flow import Mode
    from ui.staging import pages_for

    mode = Mode(args.mode)
    if args.page not in pages_for(mode):
        print(
            f"unknown page {args.page!r} for {mode.value}; pages: {', '.join(pages_for(mode))}",
            file=sys.stderr,
        )
        return 2
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print("--size must look like 1920x1080", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as data_dir:
        # A throwaway data directory: screenshots never touch the office's store.
        os.environ["DVC_KIOSK_DATA_DIR"] = data_dir
        return _screenshot(args, mode, width, height)


def _screenshot(args: argparse.Namespace, mode: object, width: int, height: int) -> int:
    from PySide6.QtGui import QGuiApplication

    from agent_point.session_model import AgentSession
    from egov import accounts
    from egov.flow import Mode
    from ui.services import build_services
    from ui.shell import Shell
    from ui.staging import AGENT_PASSWORD, AGENT_USER, stage

    settings = load_settings(args.config)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    services = build_services(settings)
    try:
        factory = None
        if mode is Mode.AGENT:
            accounts.create_account(
                services.store,
                AGENT_USER,
                AGENT_PASSWORD,
                accounts.Role.AGENT,
                display_name="Trần Văn Cán Bộ",
                actor="screenshot",
            )
            factory = AgentSession
        shell = Shell(services, mode, width=width, height=height, session_factory=factory)  # type: ignore[arg-type]
        stage(shell, args.page)
        app.processEvents()
        image = shell.grab()
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        shell.close()
        print(out)
        return 0
    finally:
        services.close()


def cmd_account_add(args: argparse.Namespace) -> int:
    from egov import accounts
    from egov.store import open_store

    store = open_store(_settings(args))
    try:
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else _ask_password()
        accounts.create_account(
            store,
            args.username,
            password,
            accounts.Role(args.role),
            display_name=args.name or args.username,
            actor="command-line",
        )
        print(f"account {args.username} ({args.role}) created")
        return 0
    finally:
        store.close()


def cmd_account_list(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from egov import accounts
    from egov.store import open_store

    store = open_store(_settings(args))
    try:
        listed = accounts.list_accounts(store)
    finally:
        store.close()
    now = datetime.now(UTC)
    print(f"{'USER':<24} {'ROLE':<11} {'STATE':<20} {'LAST LOGIN':<17} NAME")
    for info in listed:
        if info.disabled:
            state = "disabled"
        elif info.locked(now) and info.locked_until is not None:
            state = f"locked until {info.locked_until.astimezone():%H:%M}"
        else:
            state = "active"
        last = f"{info.last_login_at.astimezone():%Y-%m-%d %H:%M}" if info.last_login_at else "-"
        print(f"{info.username:<24} {info.role.value:<11} {state:<20} {last:<17} {info.display_name}")
    return 0


def cmd_account_change(args: argparse.Namespace) -> int:
    """unlock, disable, enable: audited with "command-line" as who did it."""
    from egov import accounts
    from egov.store import StoreError, open_store

    store = open_store(_settings(args))
    try:
        if args.account_command == "unlock":
            was_locked = accounts.unlock_account(store, args.username, actor="command-line")
            print(f"account {args.username} " + ("unlocked" if was_locked else "was not locked"))
        else:
            disabled = args.account_command == "disable"
            accounts.disable_account(store, args.username, actor="command-line", disabled=disabled)
            print(f"account {args.username} {'disabled' if disabled else 'enabled'}")
        return 0
    except accounts.AccountError as exc:
        # The only refusal here: the last enabled supervisor.
        print(f"{exc.message} / the last enabled supervisor cannot be disabled", file=sys.stderr)
        return 1
    except StoreError:
        print(f"Không có tài khoản {args.username} / no such account", file=sys.stderr)
        return 1
    finally:
        store.close()


def _ask_password() -> str:
    first = getpass.getpass("Mật khẩu / Password: ")
    if first != getpass.getpass("Nhập lại / Again: "):
        raise SystemExit("Hai lần nhập không khớp / The two entries differ.")
    return first


def build_parser() -> argparse.ArgumentParser:
    from ui.staging_names import AGENT_PAGES, KIOSK_PAGES

    parser = argparse.ArgumentParser(
        prog="dvc-kiosk",
        description="Kiosk và điểm tiếp nhận dịch vụ công trực tuyến / "
        "online public-service kiosk and agent point.",
    )
    parser.add_argument(
        "--config", help="settings file (TOML); default: $DVC_KIOSK_CONFIG or the embedded defaults"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log debug details (never personal data)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "kiosk", help="the citizen's touch-screen app (default); locked down with [kiosk] lockdown = true"
    )
    p.add_argument("--fullscreen", action="store_true", help="full screen without the lock-down")
    p.set_defaults(func=cmd_kiosk)
    from kiosk.lockdown_cli import add_lockdown_commands

    add_lockdown_commands(p)
    p = sub.add_parser("agent", help="the agent point (post office, volunteer desk)")
    p.add_argument("--fullscreen", action="store_true")
    p.set_defaults(func=cmd_agent)

    portal = sub.add_parser("portal", help="the training portal").add_subparsers(
        dest="portal_command", required=True
    )
    p = portal.add_parser("serve", help="run the training portal standalone (HTTP)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8700)
    p.add_argument("--db", help="SQLite file; default: training-portal.sqlite3 in the data directory")
    p.add_argument(
        "--dialect",
        choices=("v1", "igate"),
        default="v1",
        help="v1: the kiosk's contract only; igate: also a provincial one-stop system's API "
        "(OAuth2 client credentials from DVC_PORTAL_CLIENTS=id:secret, DVCQG fields)",
    )
    p.set_defaults(func=cmd_portal_serve)

    catalog = sub.add_parser("catalog", help="the procedure catalogue").add_subparsers(
        dest="action", required=True
    )
    p = catalog.add_parser("list", help="every procedure, most used first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalog, text="")
    p = catalog.add_parser("search", help="find procedures; accents and case do not matter")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser("doctor", help="check reader, camera, printer, portal and database")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_doctor)

    p = sub.add_parser(
        "screenshot",
        help="render one page offscreen to PNG",
        description=f"Pages, kiosk: {', '.join(KIOSK_PAGES)}. Agent point: {', '.join(AGENT_PAGES)}.",
    )
    p.add_argument("--mode", choices=("kiosk", "agent"), default="kiosk")
    p.add_argument("--page", default="welcome", help="a page name (listed above)")
    p.add_argument("--size", default="1920x1080")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_screenshot)

    from kiosk.card_cli import add_card_commands

    add_card_commands(sub)

    from kiosk.scan_cli import add_scan_commands

    add_scan_commands(sub)

    from kiosk.print_cli import add_print_commands

    add_print_commands(sub)

    from kiosk.guide_cli import add_guide_commands

    add_guide_commands(sub)

    from kiosk.vietqr_cli import add_vietqr_command

    add_vietqr_command(sub)

    from kiosk.dossier_cli import add_dossier_commands

    add_dossier_commands(sub)

    from kiosk.queue_cli import add_queue_commands

    add_queue_commands(sub)

    from kiosk.report_cli import add_report_commands

    add_report_commands(sub)

    from kiosk.voice_cli import add_voice_commands

    add_voice_commands(sub)

    from kiosk.feedback_cli import add_feedback_commands

    add_feedback_commands(sub)

    account = sub.add_parser("account", help="agent-point accounts").add_subparsers(
        dest="account_command", required=True
    )
    p = account.add_parser("add", help="create an account (asks for the password)")
    p.add_argument("username")
    p.add_argument("--role", choices=("supervisor", "agent", "volunteer"), default="agent")
    p.add_argument("--name", help="display name")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.set_defaults(func=cmd_account_add)
    p = account.add_parser("list", help="every account: role, active, locked or disabled, last login")
    p.set_defaults(func=cmd_account_list)
    for name, text in (
        ("unlock", "end a lock for too many wrong passwords now"),
        ("disable", "stop logins to an account (not the last supervisor)"),
        ("enable", "allow logins to a disabled account again"),
    ):
        p = account.add_parser(name, help=text)
        p.add_argument("username")
        p.set_defaults(func=cmd_account_change)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    func = getattr(args, "func", None)
    if func is None:
        args.fullscreen = False
        func = cmd_kiosk
    try:
        return func(args)
    except ConfigError as exc:
        print(f"Cấu hình không hợp lệ / invalid configuration: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
