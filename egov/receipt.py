"""The receipt and appointment slip (phiếu tiếp nhận hồ sơ và hẹn trả kết quả) as layout data.

A receipt is a list of blocks (title, key and value, text, rule, QR, spacer, cut) that says what is
printed, never how: `hardware.raster` turns the blocks into pixels for 58 or 80 mm paper, the
screen preview and PNG files alike. Keeping the layout as data lets the domain build and test a
receipt with no printer, no font and no Qt.

The printed words stay Vietnamese whatever the screen language: the slip is an administrative
paper handed over by a Vietnamese agency, so its sentences are not marked for translation.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from egov.text import nfc

Align = Literal["left", "center", "right"]


class Size(enum.IntEnum):
    """Relative text sizes; the renderer maps them to dots for the paper width."""

    NORMAL = 1
    LARGE = 2
    HUGE = 3


@dataclass(frozen=True, slots=True)
class Title:
    """A bold centred heading."""

    text: str
    size: Size = Size.LARGE


@dataclass(frozen=True, slots=True)
class KeyValue:
    """A label and its value on one wrapped paragraph: 'Lệ phí: 10.000 đ'."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph, wrapped at word boundaries to the paper width."""

    text: str
    bold: bool = False
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line across the paper."""


@dataclass(frozen=True, slots=True)
class QR:
    """A QR code of `payload` with a short caption under it."""

    payload: str
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Spacer:
    """Blank paper, `dots` high (203 dpi: 8 dots per millimetre)."""

    dots: int


@dataclass(frozen=True, slots=True)
class Cut:
    """Where the paper is cut; the end of one slip."""


Block = Title | KeyValue | Text | Rule | QR | Spacer | Cut

RECEIPT_TITLE = "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
ONE_STOP_DESK = "Bộ phận tiếp nhận và trả kết quả"
REPRINT_MARK = "BẢN IN LẠI"
SAMPLE_MARK = "MẪU — không có giá trị"
QUEUED_LINE = "Đã ghi nhận, sẽ gửi khi có mạng"

_STAR = "*"


# The receipt's QR: `<portal base URL>/tra-cuu?MHS=<dossier code>`. Built here, read back from the
# camera by hardware.qr.receipt_reference.
TRACKING_PATH = "/tra-cuu"
TRACKING_PARAMETER = "MHS"


def tracking_url(base_url: str, dossier_code: str) -> str:
    """The address a receipt's QR carries, to look the dossier up on the portal."""
    return f"{base_url.rstrip('/')}{TRACKING_PATH}?{TRACKING_PARAMETER}={dossier_code}"


def mask_name(full_name: str) -> str:
    """Hide most letters of a name, keeping enough for its owner to recognise it.

    'Nguyễn Thị Mai' → 'Ng***n T** M**': words of five letters or more keep their first two and
    last letters, shorter words only their first; one star stands for each hidden letter. A slip
    left on the counter then does not hand a stranger the applicant's full name.
    """
    # NFC first, so that a letter with its tone marks counts (and is hidden) as one character.
    words = nfc(full_name).split()
    masked: list[str] = []
    for word in words:
        if len(word) >= 5:
            masked.append(word[:2] + _STAR * (len(word) - 3) + word[-1])
        elif len(word) >= 2:
            masked.append(word[0] + _STAR * (len(word) - 1))
        else:
            masked.append(word)
    return " ".join(masked)


def format_datetime(moment: datetime) -> str:
    """Vietnamese order, 24-hour clock: 05/03/2025 14:07."""
    return moment.strftime("%d/%m/%Y %H:%M")


def format_date(day: date) -> str:
    """Vietnamese order: 05/03/2025."""
    return day.strftime("%d/%m/%Y")


def dossier_receipt(
    *,
    office_name: str,
    office_address: str,
    hotline: str,
    dossier_code: str,
    procedure_name: str,
    procedure_code: str,
    applicant_name: str,
    mask_name: bool,
    documents: Sequence[tuple[str, int, int]],
    received_at: datetime,
    appointment: date | None,
    fee_text: str,
    tracking_url: str,
    reprint: bool = False,
    sample: bool = False,
    queued: bool = False,
) -> list[Block]:
    """The slip handed to the applicant when a dossier is received.

    `documents` holds (name, originals, copies). When `queued` the portal has not yet given a
    dossier code, so `dossier_code` carries the kiosk's local reference and the slip says the
    dossier will be sent once the network is back.
    """
    blocks: list[Block] = []
    if sample:
        # Top and bottom, so that neither half of a torn slip passes for a real one.
        blocks.append(Text(SAMPLE_MARK, bold=True, align="center"))
    if reprint:
        blocks.append(Title(REPRINT_MARK, Size.NORMAL))
    blocks += [
        Text(office_name, bold=True, align="center"),
        Text(ONE_STOP_DESK, align="center"),
        Text(office_address, align="center"),
        Rule(),
        Title(RECEIPT_TITLE, Size.LARGE),
        Spacer(8),
    ]
    if queued:
        blocks += [
            Text(QUEUED_LINE, bold=True, align="center"),
            Text("Số tham chiếu tại chỗ", align="center"),
        ]
    else:
        blocks.append(Text("Mã hồ sơ", align="center"))
    # Large and plain ASCII: the one thing staff must be able to read from across the counter.
    blocks += [Title(dossier_code, Size.HUGE), Spacer(8)]
    shown_name = _mask(applicant_name) if mask_name else nfc(applicant_name)
    blocks += [
        KeyValue("Thủ tục", procedure_name),
        KeyValue("Mã thủ tục", procedure_code),
        KeyValue("Người nộp", shown_name),
    ]
    if documents:
        blocks.append(Text("Giấy tờ đã nhận:", bold=True))
        for number, (name, originals, copies) in enumerate(documents, start=1):
            blocks.append(Text(f"{number}. {name} (bản chính: {originals}, bản sao: {copies})"))
    blocks += [
        KeyValue("Nhận lúc", format_datetime(received_at)),
        KeyValue(
            "Hẹn trả kết quả",
            format_date(appointment) if appointment is not None else "sẽ thông báo sau",
        ),
        KeyValue("Lệ phí", fee_text),
        Rule(),
        QR(tracking_url, "Quét mã để tra cứu hồ sơ"),
        # The address in words too: a QR that will not scan must not strand the applicant.
        Text(tracking_url, align="center"),
        Text(f"Đường dây nóng: {hotline}", align="center"),
    ]
    if sample:
        blocks.append(Text(SAMPLE_MARK, bold=True, align="center"))
    blocks += [Spacer(24), Cut()]
    return blocks


# The keyword argument `mask_name` shadows the function inside `dossier_receipt`.
_mask = mask_name
