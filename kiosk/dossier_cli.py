"""`dvc-kiosk submit`, `dvc-kiosk outbox …` and `dvc-kiosk status`: dossiers from the command line.

For agents who submit in bulk or by script, and for technicians looking at a kiosk's outbox:

    dvc-kiosk submit --procedure CODE --form FORM.json [--attach DOC=FILE.pdf]... [--json]
    dvc-kiosk outbox list [--view today|waiting|attention|late|all] [--json]
    dvc-kiosk outbox show ID [--json]        ID: client id, local reference (TN-…) or dossier code
    dvc-kiosk outbox retry ID                send again a dossier that needed attention
    dvc-kiosk status CODE [--json]           the portal's status of a dossier (asked now)

FORM.json is one object: {"applicant": {"full_name", "id_number", "date_of_birth", "phone",
"address"}, "authorised": {…} or null, "channel": "direct" | "online" | "postal", "form": {field:
value}}; the form is checked against the procedure's e-form as at the kiosk. `--attach` names a
required document of the procedure by its code (`dvc-kiosk catalog search` lists them).

`submit` goes through the outbox like the kiosk: the dossier is committed to the store before it is
sent, and one the portal could not take now stays queued for the app's sender (or the next
`submit`). Exit status: 0 when the dossier was accepted or queued (it will not be lost), 1 when
the portal refused it (it needs a person: `outbox show`), 2 on a wrong argument or form, with the
Vietnamese sentence and the English detail on stderr. Output never holds personal data beyond the
masked name: logs and terminals outlive the visit.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from egov.text import QT_TRANSLATE_NOOP

PDF_MAGIC = b"%PDF-"


class CliError(Exception):
    """A wrong argument: `message` for the person at the terminal (Vietnamese), str() in English."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(detail)
        self.message = message


M_PROCEDURE = QT_TRANSLATE_NOOP("Cli", "Không có thủ tục mã {code} trong danh mục.")
M_FORM_FILE = QT_TRANSLATE_NOOP("Cli", "Không đọc được tệp tờ khai {path}.")
M_FORM_SHAPE = QT_TRANSLATE_NOOP("Cli", "Tệp tờ khai không đúng mẫu: {what}.")
M_ATTACH = QT_TRANSLATE_NOOP("Cli", "Giấy tờ đính kèm không hợp lệ: {what}.")
M_NOT_FOUND = QT_TRANSLATE_NOOP("Cli", "Không tìm thấy hồ sơ {code}.")
M_NOT_ATTENTION = QT_TRANSLATE_NOOP("Cli", "Hồ sơ {code} không ở trạng thái cần xử lý nên không gửi lại.")


@dataclass
class _Parts:
    settings: Any
    store: Any
    portal: Any
    catalog: Any


@contextmanager
def _parts(args: argparse.Namespace, need_portal: bool = True) -> Iterator[_Parts]:
    """The store and the office's portal connector (the training portal started on loopback for
    the duration of the command when the office has no real portal), closed afterwards."""
    from config.settings import load_settings
    from egov.catalog import load_catalog
    from egov.store import open_store
    from ui.services import portal_connector, start_training_portal

    settings = load_settings(args.config)
    catalog = load_catalog()
    closers: list[Callable[[], object]] = []
    try:
        portal = None
        if need_portal:
            url = None
            if settings.portal.kind == "training":
                training = start_training_portal(settings, catalog)
                url = training.start("127.0.0.1", 0)
                closers.append(training.stop)
            portal = portal_connector(settings, url)
            closers.append(portal.close)
        store = open_store(settings)
        closers.append(store.close)
        yield _Parts(settings, store, portal, catalog)
    finally:
        for close in reversed(closers):
            close()


def _fail(error: CliError) -> int:
    print(f"{error.message}\n{error}", file=sys.stderr)
    return 2


# -- submit ---------------------------------------------------------------------------------------


def _person(data: object, what: str) -> Any:
    from egov.dossier import Person
    from egov.identity import validate_id_number

    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise CliError(M_FORM_SHAPE.format(what=what), f"{what}: expected an object of strings")
    allowed = {"full_name", "id_number", "date_of_birth", "phone", "address", "relationship"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise CliError(M_FORM_SHAPE.format(what=what), f"{what}: unknown keys {unknown}")
    if not data.get("full_name", "").strip():
        raise CliError(M_FORM_SHAPE.format(what=f"{what}.full_name"), f"{what}: full_name is missing")
    try:
        validate_id_number(data.get("id_number", ""))
    except ValueError as exc:
        message = getattr(exc, "message", None) or M_FORM_SHAPE.format(what=f"{what}.id_number")
        raise CliError(message, f"{what}: id_number is not a 12-digit personal ID number") from None
    return Person.from_json(data)


def _read_form(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CliError(M_FORM_FILE.format(path=path), f"{path}: {type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise CliError(M_FORM_SHAPE.format(what="{…}"), "the form file must hold one JSON object")
    unknown = sorted(set(data) - {"applicant", "authorised", "channel", "form"})
    if unknown:
        raise CliError(M_FORM_SHAPE.format(what=", ".join(unknown)), f"unknown keys {unknown}")
    return data


def _attachment(spec: str, procedure: Any) -> Any:
    from egov.dossier import Attachment
    from hardware.scanner.pack import pdf_page_count

    code, sep, file = spec.partition("=")
    document = next((d for d in procedure.documents if d.code == code), None)
    if not sep or document is None:
        codes = ", ".join(d.code for d in procedure.documents)
        raise CliError(
            M_ATTACH.format(what=spec), f"--attach {spec!r}: expected DOC=FILE with DOC one of {codes}"
        )
    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        raise CliError(M_ATTACH.format(what=file), f"{file}: {exc.strerror}") from None
    if not data.startswith(PDF_MAGIC):
        raise CliError(M_ATTACH.format(what=file), f"{file}: not a PDF")
    return Attachment(
        document_code=document.code,
        document_name=document.name,
        filename=Path(file).name,
        data=data,
        pages=max(1, pdf_page_count(data)),
    )


def build_dossier(args: argparse.Namespace, catalog: Any, office_code: str, today: date) -> Any:
    """The dossier the arguments describe; CliError (Vietnamese + English) when they are wrong."""
    from egov import forms
    from egov.dossier import Channel, Dossier

    procedure = catalog.get(args.procedure)
    if procedure is None:
        raise CliError(M_PROCEDURE.format(code=args.procedure), f"no procedure {args.procedure!r}")
    data = _read_form(Path(args.form))
    try:
        channel = Channel(data.get("channel", "direct"))
    except ValueError:
        raise CliError(M_FORM_SHAPE.format(what="channel"), "channel: direct, online or postal") from None
    values = data.get("form", {})
    if not isinstance(values, dict) or not all(isinstance(v, str) for v in values.values()):
        raise CliError(M_FORM_SHAPE.format(what="form"), "form: expected an object of strings")
    errors = forms.validate(procedure.form, values, today)
    if errors:
        first = next(iter(errors))
        raise CliError(errors[first], f"form field {first!r} is not valid ({len(errors)} field(s))")
    authorised = data.get("authorised")
    return Dossier(
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        applicant=_person(data.get("applicant"), "applicant"),
        office_code=office_code,
        channel=channel,
        form=forms.clean(values),
        attachments=[_attachment(spec, procedure) for spec in args.attach],
        authorised=_person(authorised, "authorised") if authorised is not None else None,
        agent=args.agent,
        fee=procedure.fee(channel.value),
    )


def cmd_submit(args: argparse.Namespace) -> int:
    from egov.outbox import Delivery, Outbox

    with _parts(args) as parts:
        try:
            dossier = build_dossier(args, parts.catalog, parts.settings.office.code, date.today())
        except CliError as error:
            return _fail(error)
        outcome = Outbox(parts.store, parts.portal, args.agent or "command-line").submit(
            dossier, dossier.procedure_name
        )
    result = {
        "client_id": str(outcome.client_id),
        "delivery": outcome.delivery.value,
        "dossier_code": outcome.dossier_code,
        "local_reference": outcome.local_reference,
        "appointment": outcome.appointment.isoformat() if outcome.appointment else None,
        "message": outcome.message,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(outcome.dossier_code or outcome.local_reference)
        print(outcome.message)
    return 1 if outcome.delivery is Delivery.NEEDS_ATTENTION else 0


# -- outbox ---------------------------------------------------------------------------------------


def _find(store: Any, key: str) -> Any:
    """The dossier summary for a client id, a local reference or a dossier code."""
    from egov.store import DossierNotFound

    text = key.strip()
    try:
        client_id = uuid.UUID(text)
    except ValueError:
        try:
            return store.find_dossier(text.upper())
        except DossierNotFound:
            raise CliError(M_NOT_FOUND.format(code=text), f"no dossier {text}") from None
    try:
        return store.dossier_summary(client_id)
    except DossierNotFound:
        raise CliError(M_NOT_FOUND.format(code=text), f"no dossier {text}") from None


def _iso(moment: datetime | date | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _row(summary: Any, entry: Any | None = None) -> dict[str, Any]:
    from egov.outbox import local_reference
    from egov.receipt import mask_name

    row = {
        "client_id": str(summary.client_id),
        "reference": summary.dossier_code or local_reference(summary.client_id),
        "procedure_code": summary.procedure_code,
        "state": summary.state.value,
        "dossier_code": summary.dossier_code,
        "created_at": _iso(summary.created_at),
        "agent": summary.agent,
        "applicant": mask_name(summary.applicant_name) if summary.applicant_name else "",
        "portal_status": summary.portal_status,
        "appointment": _iso(summary.appointment),
        "reason": summary.reason,
    }
    if entry is not None:
        row |= {
            "attempts": entry.attempts,
            "next_attempt_at": _iso(entry.next_attempt_at),
            "claimed_by": entry.claimed_by,
        }
    return row


def cmd_outbox_list(args: argparse.Namespace) -> int:
    from egov.store import DossierView
    from egov.tracking import CLOSED

    with _parts(args, need_portal=False) as parts:
        view = DossierView(args.view)
        if view is DossierView.ALL:
            found = parts.store.list_dossiers()
        else:
            found = parts.store.dossiers_in_view(view, today=date.today(), closed=CLOSED)
        rows = [_row(d) for d in found]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        status = f" status={row['portal_status']}" if row["portal_status"] else ""
        reason = f" reason={row['reason']}" if row["reason"] else ""
        head = f"{row['reference']:<22} {row['state']:<16} {row['procedure_code']:<10}"
        print(f"{head} {row['created_at']}{status}{reason}")
    print(f"{len(rows)} dossier(s)", file=sys.stderr)
    return 0


def cmd_outbox_show(args: argparse.Namespace) -> int:
    with _parts(args, need_portal=False) as parts:
        try:
            summary = _find(parts.store, args.id)
        except CliError as error:
            return _fail(error)
        row = _row(summary, parts.store.outbox_entry(summary.client_id))
    if args.json:
        print(json.dumps(row, ensure_ascii=False, indent=2))
    else:
        for key, value in row.items():
            print(f"{key:<16} {'' if value is None else value}")
    return 0


def cmd_outbox_retry(args: argparse.Namespace) -> int:
    from egov.outbox import Outbox
    from egov.store import DossierState

    with _parts(args) as parts:
        try:
            summary = _find(parts.store, args.id)
            if summary.state is not DossierState.NEEDS_ATTENTION:
                raise CliError(M_NOT_ATTENTION.format(code=args.id), f"{args.id}: {summary.state.value}")
        except CliError as error:
            return _fail(error)
        outbox = Outbox(parts.store, parts.portal, "command-line")
        outbox.retry(summary.client_id)
        claim = parts.store.claim_next(outbox.sender)
        # Sends what is due now, oldest first: usually this one; the rest is the sender's.
        outcome = outbox.send(claim).outcome if claim is not None else None
    if outcome is not None and outcome.client_id == summary.client_id:
        print(outcome.dossier_code or outcome.local_reference)
        print(outcome.message)
    else:
        print(f"{args.id}: queued")
    return 0


# -- status ---------------------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace) -> int:
    from egov.store import DossierNotFound
    from egov.tracking import look_up

    with _parts(args) as parts:
        try:
            view = look_up(parts.store, parts.portal, args.code, today=date.today())
        except DossierNotFound:
            return _fail(CliError(M_NOT_FOUND.format(code=args.code), f"no dossier {args.code}"))
    result = {
        "code": view.code,
        "procedure": view.procedure_name,
        "state": view.state.value if view.state else None,
        "status": int(view.status) if view.status else None,
        "status_label": view.status_label,
        "status_at": _iso(view.status_at),
        "appointment": _iso(view.appointment),
        "late": view.late,
        "found": view.found.value,
        "message": view.message,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{view.code}  {view.status_label or (view.state.value if view.state else '')}")
        if view.appointment:
            print(f"Hẹn trả / appointment: {view.appointment.strftime('%d/%m/%Y')}")
        print(view.message)
    return 0


def add_dossier_commands(sub: Any) -> None:
    p = sub.add_parser(
        "submit",
        help="submit a dossier through the outbox (for scripts and bulk work)",
        description='FORM.json: {"applicant": {…}, "authorised": {…}|null, "channel": '
        '"direct"|"online"|"postal", "form": {…}}.',
    )
    p.add_argument("--procedure", required=True, help="the procedure's code, e.g. 1.001193")
    p.add_argument("--form", required=True, help="the JSON file described above")
    p.add_argument(
        "--attach", action="append", default=[], metavar="DOC=FILE.pdf", help="a required document's PDF"
    )
    p.add_argument("--agent", default="", help="the agent's user name, recorded with the dossier")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_submit)

    outbox = sub.add_parser("outbox", help="dossiers in this kiosk's or office's outbox").add_subparsers(
        dest="outbox_command", required=True
    )
    p = outbox.add_parser("list", help="dossiers, oldest first")
    p.add_argument("--view", choices=("today", "waiting", "attention", "late", "all"), default="all")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_outbox_list)
    p = outbox.add_parser("show", help="one dossier's delivery: state, attempts, next try, reason")
    p.add_argument("id", help="client id, local reference (TN-…) or dossier code")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_outbox_show)
    p = outbox.add_parser("retry", help="send again a dossier that needed attention")
    p.add_argument("id", help="client id, local reference (TN-…) or dossier code")
    p.set_defaults(func=cmd_outbox_retry)

    p = sub.add_parser("status", help="the portal's status of a dossier, asked now")
    p.add_argument("code", help="dossier code or local reference (TN-…)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
