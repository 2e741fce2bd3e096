"""`dvc-kiosk feedback list`: the citizens' written suggestions, for the supervisor at a terminal.

    dvc-kiosk feedback list [--unread] [--office CODE]

The office's suggestions ([office] code, or --office) whose text is still kept, newest first: when
each came, whether a supervisor has read it (when, who) and the text. The listing is in the audit
trail under "command-line"; it does not mark anything read (that is the agent point's "Góp ý"
page, where a supervisor signs in). Suggestions are anonymous; whoever can run this can read the
store's key in the data directory anyway, which is why the screens keep them to supervisors and
this command is for the machine's administrator. Exit status: 0 listed (also when there is none);
2 a wrong argument, the Vietnamese sentence and the English detail on stderr.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

BAD_OFFICE = "Mã điểm tiếp nhận không hợp lệ."


def cmd_feedback_list(args: argparse.Namespace) -> int:
    from config.settings import load_settings

    if args.office is not None and not 0 < len(args.office.strip()) <= 64:
        print(f"{BAD_OFFICE}\n--office takes 1 to 64 characters", file=sys.stderr)
        return 2
    settings = load_settings(args.config)
    office = args.office.strip() if args.office else settings.office.code

    from egov.feedback import list_suggestions
    from egov.store import open_store

    store = open_store(settings)
    try:
        listed = list_suggestions(store, reader="command-line", office_code=office, unread_only=args.unread)
    finally:
        store.close()
    unread = sum(not item.read for item in listed)
    print(f"{office}: {len(listed)} suggestion(s), {unread} unread")
    for item in listed:
        state = (
            f"read {item.read_at.astimezone():%Y-%m-%d %H:%M} by {item.read_by}" if item.read_at else "UNREAD"
        )
        print(f"\n{item.at.astimezone():%Y-%m-%d %H:%M}  {state}")
        for line in item.text.splitlines() or [""]:
            print(f"  {line}")
    return 0


def add_feedback_commands(sub: Any) -> None:
    feedback = sub.add_parser("feedback", help="the citizens' written suggestions").add_subparsers(
        dest="feedback_command", required=True
    )
    p = feedback.add_parser("list", help="the suggestions whose text is kept, newest first (audited)")
    p.add_argument("--unread", action="store_true", help="only those no supervisor has read yet")
    p.add_argument("--office", help="office code; default: [office] code of the settings")
    p.set_defaults(func=cmd_feedback_list)
