"""The queue ticket as paper (phiếu số thứ tự): the blocks of egov.receipt, printed like any slip.

Short on purpose, it is thrown away within the hour: the office, the number as large as the paper
allows, the service, when it was taken and how many people wait before it. Nothing personal. Like
the receipt, the words stay Vietnamese whatever the screen language.
"""

from __future__ import annotations

from datetime import datetime

from egov.queue import Ticket
from egov.receipt import Block, Cut, KeyValue, Rule, Size, Spacer, Text, Title, clean

TICKET_TITLE = "SỐ THỨ TỰ"
PLEASE_WAIT = "Xin vui lòng chờ đến lượt"
LISTEN = "Khi số của bạn được gọi, mời đến quầy được báo trên loa hoặc màn hình."


def ticket_time(moment: datetime) -> str:
    """The time a ticket was taken, in the office's time: "08:05 ngày 23/11/2026"."""
    local = moment.astimezone()
    return f"{local:%H:%M} ngày {local:%d/%m/%Y}"


def ticket_slip(ticket: Ticket, *, office_name: str, ahead: int | None = None) -> list[Block]:
    """The slip for `ticket`; `ahead` (default: the ticket's own count) is how many wait before it."""
    waiting_before = ticket.ahead if ahead is None else ahead
    return [
        Text(clean(office_name) or "—", bold=True, align="center"),
        Rule(),
        Text(TICKET_TITLE, bold=True, align="center"),
        Title(ticket.label, Size.NUMBER),
        Title(clean(ticket.service_name), Size.LARGE),
        Spacer(8),
        KeyValue("Giờ lấy số", ticket_time(ticket.taken_at)),
        KeyValue("Số người đang chờ trước bạn", str(max(0, waiting_before))),
        Spacer(8),
        Text(PLEASE_WAIT, bold=True, align="center"),
        Text(LISTEN, align="center"),
        Spacer(24),
        Cut(),
    ]
