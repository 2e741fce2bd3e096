"""Card failures as kinds, each with the plain Vietnamese sentence the citizen or agent reads.

str() of a CardError is English for the log and never carries card data; `message` is the
sentence for the screen (translate with context "Card").
"""

from __future__ import annotations

import enum

from egov.text import QT_TRANSLATE_NOOP
from hardware.errors import DeviceError


class CardErrorKind(enum.Enum):
    NO_READER = "no_reader"  # PC/SC has no reader, or pcscd is not running
    NO_CARD = "no_card"  # the reader is there, no card on it
    CARD_REMOVED = "card_removed"  # the card left the field during the read
    READER_TIMEOUT = "reader_timeout"  # the reader or card did not answer in time
    WRONG_KEY = "wrong_key"  # CAN or MRZ key refused by the card
    KEY_BLOCKED = "key_blocked"  # too many wrong keys: the card refuses further tries
    UNSUPPORTED = "unsupported"  # not an ICAO eMRTD / not a CCCD, or no access protocol we speak
    PROTOCOL = "protocol"  # the card answered something the standard does not allow
    TAMPERED = "tampered"  # passive authentication: the data do not match the signed hashes
    BAD_DATA = "bad_data"  # a file that does not parse


_MESSAGES: dict[CardErrorKind, str] = {
    CardErrorKind.NO_READER: QT_TRANSLATE_NOOP(
        "Card", "Không tìm thấy đầu đọc thẻ. Vui lòng báo cán bộ hướng dẫn."
    ),
    CardErrorKind.NO_CARD: QT_TRANSLATE_NOOP(
        "Card", "Chưa có thẻ trên đầu đọc. Vui lòng đặt thẻ căn cước lên đầu đọc."
    ),
    CardErrorKind.CARD_REMOVED: QT_TRANSLATE_NOOP(
        "Card", "Thẻ đã bị nhấc ra trước khi đọc xong. Vui lòng đặt lại thẻ và giữ yên."
    ),
    CardErrorKind.READER_TIMEOUT: QT_TRANSLATE_NOOP(
        "Card", "Đầu đọc thẻ không phản hồi. Vui lòng đặt lại thẻ rồi thử lại."
    ),
    CardErrorKind.WRONG_KEY: QT_TRANSLATE_NOOP(
        "Card", "Thẻ không chấp nhận mã vừa nhập. Vui lòng kiểm tra 6 số cuối của số định danh."
    ),
    CardErrorKind.KEY_BLOCKED: QT_TRANSLATE_NOOP(
        "Card", "Thẻ đã tạm khóa do nhập sai nhiều lần. Vui lòng nhờ cán bộ hỗ trợ."
    ),
    CardErrorKind.UNSUPPORTED: QT_TRANSLATE_NOOP(
        "Card", "Không đọc được loại thẻ này. Vui lòng dùng thẻ căn cước gắn chip."
    ),
    CardErrorKind.PROTOCOL: QT_TRANSLATE_NOOP("Card", "Đọc thẻ bị lỗi. Vui lòng đặt lại thẻ rồi thử lại."),
    CardErrorKind.TAMPERED: QT_TRANSLATE_NOOP(
        "Card", "Dữ liệu trong thẻ không khớp chữ ký số. Không dùng được dữ liệu này; vui lòng báo cán bộ."
    ),
    CardErrorKind.BAD_DATA: QT_TRANSLATE_NOOP(
        "Card", "Dữ liệu trong thẻ không đọc được. Vui lòng báo cán bộ hướng dẫn."
    ),
}


class CardError(DeviceError[CardErrorKind]):
    """A failure reading the card. `sw` is the status word when the card gave one; `tries_left`
    is set when the card said how many key attempts remain (SW 63Cx)."""

    device = "card"
    messages = _MESSAGES

    def __init__(
        self,
        kind: CardErrorKind,
        detail: str = "",
        *,
        sw: int | None = None,
        tries_left: int | None = None,
    ) -> None:
        super().__init__(kind, detail, note="" if sw is None else f" (SW {sw:04X})")
        self.sw = sw
        self.tries_left = tries_left
