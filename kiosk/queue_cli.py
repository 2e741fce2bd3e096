"""`dvc-kiosk queue …`: the office's queue from the command line, for technicians and tests.

    dvc-kiosk queue take --service A [--print [--printer URI]] [--json]   a ticket, as at the kiosk
    dvc-kiosk queue call [--desk NAME] [--service A]... [--json]           the next ticket to a desk
    dvc-kiosk queue list [--date YYYY-MM-DD] [--json]                      who is waiting, and how long

The office is [office] code, the desk [desk] name (or --desk); the day is this machine's local
day. Tickets taken here are marked "desk:<name>" like those handed out at a desk. JSON: one object
per ticket, {"label", "number", "service", "service_name", "state", "taken_at", "desk",
"waited_minutes", "ahead"}. Exit status: 0 done; 1 nobody waiting (call) or the slip did not print;
2 a wrong argument or setting, the Vietnamese sentence and the English detail on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

NOBODY = "Không còn ai đang chờ."


def _ticket_json(ticket: Any, now: datetime) -> dict[str, Any]:
    return {
        "label": ticket.label,
        "number": ticket.number,
        "service": ticket.service,
        "service_name": ticket.service_name,
        "state": ticket.state.value,
        "taken_at": ticket.taken_at.astimezone().isoformat(timespec="seconds"),
        "desk": ticket.desk,
        "waited_minutes": int(ticket.waited(now).total_seconds() // 60),
        "ahead": ticket.ahead,
    }


def _with_store(args: argparse.Namespace, work: Any) -> int:
    from config.settings import load_settings
    from egov.queue import QueueError
    from egov.store import open_store

    settings = load_settings(args.config)
    store = open_store(settings)
    try:
        return int(work(settings, store))
    except QueueError as exc:
        print(f"{exc.message}\n{exc}", file=sys.stderr)
        return 2
    finally:
        store.close()


def cmd_queue_take(args: argparse.Namespace) -> int:
    from egov.queue import local_now, take_ticket
    from egov.ticket_slip import ticket_slip

    def work(settings: Any, store: Any) -> int:
        now = local_now()
        ticket = take_ticket(store, settings.office.code, args.service, f"desk:{settings.desk.name}", now)
        if args.json:
            print(json.dumps(_ticket_json(ticket, now), ensure_ascii=False))
        else:
            print(f"{ticket.label}  {ticket.service_name}  ({ticket.ahead} người chờ trước / ahead)")
        if args.print:
            from kiosk.print_cli import _print_slip

            return _print_slip(args, ticket_slip(ticket, office_name=settings.office.name), ticket.label)
        return 0

    return _with_store(args, work)


def cmd_queue_call(args: argparse.Namespace) -> int:
    from egov.queue import call_next, local_now

    def work(settings: Any, store: Any) -> int:
        now = local_now()
        desk = args.desk or settings.desk.name
        ticket = call_next(store, settings.office.code, desk, args.actor, args.service or None, now)
        if ticket is None:
            print(f"{NOBODY}\nnobody waiting", file=sys.stderr)
            return 1
        if args.json:
            print(json.dumps(_ticket_json(ticket, now), ensure_ascii=False))
        else:
            print(f"Mời số {ticket.label} đến {desk} / {ticket.label} called to {desk}")
        return 0

    return _with_store(args, work)


def cmd_queue_list(args: argparse.Namespace) -> int:
    from egov.queue import local_now, waiting

    def work(settings: Any, store: Any) -> int:
        now = local_now()
        day = args.date or now.date()
        tickets = waiting(store, settings.office.code, day)
        if args.json:
            print(json.dumps([_ticket_json(t, now) for t in tickets], ensure_ascii=False, indent=2))
            return 0
        print(f"# {settings.office.code} {day:%d/%m/%Y}: {len(tickets)} số đang chờ / waiting")
        for t in tickets:
            minutes = int(t.waited(now).total_seconds() // 60)
            print(f"{t.label}  {t.taken_at.astimezone():%H:%M}  {minutes:>3} phút  {t.service_name}")
        return 0

    return _with_store(args, work)


def add_queue_commands(sub: Any) -> None:
    queue = sub.add_parser("queue", help="the office's queue: take, call, list tickets").add_subparsers(
        dest="queue_command", required=True
    )
    p = queue.add_parser("take", help="take a ticket (A: nộp hồ sơ, B: nhận kết quả, C: hỏi đáp)")
    p.add_argument("--service", required=True, help="the service's letter: A, B or C")
    p.add_argument("--print", action="store_true", help="print the ticket slip")
    p.add_argument("--printer", help="with --print: this printer URI instead of [printer] uri")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_queue_take)
    p = queue.add_parser("call", help="call the oldest waiting ticket to a desk")
    p.add_argument("--desk", help="the desk's name; default: [desk] name")
    p.add_argument("--service", action="append", help="call only tickets of this service (repeatable)")
    p.add_argument("--actor", default="command-line", help="who calls, for the audit trail")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_queue_call)
    p = queue.add_parser("list", help="the tickets still waiting, oldest first")
    p.add_argument("--date", type=date.fromisoformat, help="YYYY-MM-DD; default: today")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_queue_list)
