"""The paper consent form (phiếu đồng ý xử lý dữ liệu cá nhân), printed on the slip printer for a
citizen who would rather sign on paper than on the screen.

Decree 13/2023/NĐ-CP asks for consent per purpose, explicit and kept verifiable: the form has each
purpose's text as the screen shows it (same version), two boxes to tick, and a line to sign. The
agent keeps the signed form and records the answers on the screen as given on paper. Nothing
personal is printed: the citizen writes their name by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from egov.receipt import Block, Cut, KeyValue, Rule, Size, Spacer, Text, Title, clean, format_datetime

FORM_TITLE = "PHIẾU ĐỒNG Ý XỬ LÝ DỮ LIỆU CÁ NHÂN"
BOXES = "[  ] Đồng ý        [  ] Không đồng ý"
WITHDRAW = (
    "Người đồng ý có thể rút lại từng sự đồng ý bất cứ lúc nào tại điểm tiếp nhận; việc rút lại "
    "không làm mất hiệu lực những gì đã làm trước đó."
)
SIGNER = "NGƯỜI ĐỒNG Ý (ký, ghi rõ họ tên)"


def consent_form_slip(
    purposes: Sequence[tuple[str, bool]],
    *,
    office_name: str,
    procedure_name: str,
    text_version: str,
    printed_at: datetime,
) -> list[Block]:
    """The form for `purposes`, each (text, required to submit) in the order the screen asks."""
    blocks: list[Block] = [
        Text(clean(office_name) or "—", bold=True, align="center"),
        Rule(),
        Title(FORM_TITLE, Size.LARGE),
        KeyValue("Thủ tục", clean(procedure_name) or "—"),
        Text("Đánh dấu vào một ô cho từng ý dưới đây. Không đánh dấu là không đồng ý."),
        Rule(),
    ]
    for number, (text, required) in enumerate(purposes, start=1):
        need = "bắt buộc để nộp hồ sơ" if required else "không bắt buộc"
        blocks += [Text(f"{number}. {clean(text)} ({need})"), Text(BOXES, bold=True), Spacer(8)]
    blocks += [
        Rule(),
        Text(WITHDRAW),
        Spacer(8),
        Text("Ngày ...... tháng ...... năm ..........", align="center"),
        Text(SIGNER, bold=True, align="center"),
        Spacer(112),
        Text(
            f"Nội dung phiên bản {clean(text_version)} — in lúc {format_datetime(printed_at)}", align="center"
        ),
        Spacer(24),
        Cut(),
    ]
    return blocks
