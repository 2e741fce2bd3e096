"""Who the citizen is: the fields of the chip ID card (CCCD / thẻ căn cước), however they arrived.

An `Identity` comes from the chip (later), the card-front QR, manual entry of the printed fields
(when a card cannot be read), or the built-in demo citizen, who is fictional and always marked
"MẪU". Prefill uses the keys of `IDENTITY_FIELDS`; the catalogue's e-forms name them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from datetime import date

from egov.text import QT_TRANSLATE_NOOP, nfc


class Source(enum.Enum):
    """Where the identity's data came from; shown to the agent and kept with the dossier."""

    CHIP = "chip"
    CARD_QR = "card_qr"
    MANUAL = "manual"
    DEMO = "demo"


class Sex(enum.Enum):
    MALE = "Nam"
    FEMALE = "Nữ"


# Keys an e-form may prefill from, with their Vietnamese labels (marked for translation).
IDENTITY_FIELDS: dict[str, str] = {
    "id_number": QT_TRANSLATE_NOOP("Identity", "Số định danh cá nhân"),
    "full_name": QT_TRANSLATE_NOOP("Identity", "Họ, chữ đệm và tên"),
    "date_of_birth": QT_TRANSLATE_NOOP("Identity", "Ngày, tháng, năm sinh"),
    "sex": QT_TRANSLATE_NOOP("Identity", "Giới tính"),
    "nationality": QT_TRANSLATE_NOOP("Identity", "Quốc tịch"),
    "ethnicity": QT_TRANSLATE_NOOP("Identity", "Dân tộc"),
    "religion": QT_TRANSLATE_NOOP("Identity", "Tôn giáo"),
    "place_of_origin": QT_TRANSLATE_NOOP("Identity", "Quê quán"),
    "place_of_residence": QT_TRANSLATE_NOOP("Identity", "Nơi thường trú"),
    "date_of_issue": QT_TRANSLATE_NOOP("Identity", "Ngày cấp"),
    "date_of_expiry": QT_TRANSLATE_NOOP("Identity", "Có giá trị đến"),
    "old_id_number": QT_TRANSLATE_NOOP("Identity", "Số CMND cũ"),
    "father_name": QT_TRANSLATE_NOOP("Identity", "Họ tên cha"),
    "mother_name": QT_TRANSLATE_NOOP("Identity", "Họ tên mẹ"),
    "spouse_name": QT_TRANSLATE_NOOP("Identity", "Họ tên vợ/chồng"),
}


class IdentityError(ValueError):
    """A field the citizen or agent typed is not valid; `field` names it, `message` says what to do."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: invalid")  # English and free of personal data, for logs
        self.field = field_name
        self.message = message


def format_date(value: date | None) -> str:
    """dd/mm/yyyy, as printed on the card; empty for no date."""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_date(text: str) -> date:
    """Parse dd/mm/yyyy (also with '-' or '.'), the way Vietnamese people write dates."""
    parts = text.strip().replace("-", "/").replace(".", "/").split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise ValueError("expected dd/mm/yyyy")
    day, month, year = (int(p) for p in parts)
    return date(year, month, day)


@dataclass(slots=True, repr=False)
class Identity:
    """The card holder. Every field is personal data: never log it, wipe it at the end of a visit."""

    id_number: str
    full_name: str
    date_of_birth: date
    sex: Sex
    source: Source
    nationality: str = "Việt Nam"
    ethnicity: str = ""
    religion: str = ""
    place_of_origin: str = ""
    place_of_residence: str = ""
    date_of_issue: date | None = None
    date_of_expiry: date | None = None
    old_id_number: str = ""
    father_name: str = ""
    mother_name: str = ""
    spouse_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:  # a stray log line or traceback must not carry the citizen's data
        return f"Identity(source={self.source.value})"

    @property
    def is_sample(self) -> bool:
        """The demo citizen: shown with the "MẪU" mark wherever it appears."""
        return self.source is Source.DEMO

    def value(self, key: str) -> str:
        """The field `key` of IDENTITY_FIELDS as the text a form shows."""
        raw = getattr(self, key)
        if isinstance(raw, date):
            return format_date(raw)
        if isinstance(raw, Sex):
            return raw.value
        return str(raw)

    def as_fields(self) -> dict[str, str]:
        return {key: self.value(key) for key in IDENTITY_FIELDS}

    def wipe(self) -> None:
        """Overwrite every field, so that a reference kept by mistake shows nothing personal.

        Python strings are immutable, so this drops our references rather than zeroing memory;
        the visit owns the only strong reference, and dropping it is the real wipe.
        """
        for f in fields(self):
            if f.name == "source":
                continue
            current = getattr(self, f.name)
            if isinstance(current, str):
                setattr(self, f.name, "")
            elif isinstance(current, dict):
                current.clear()
            elif f.name in ("date_of_issue", "date_of_expiry"):
                setattr(self, f.name, None)
        self.date_of_birth = date.min


def validate_id_number(text: str) -> str:
    """The 12-digit personal identification number (số định danh cá nhân)."""
    digits = text.strip().replace(" ", "")
    if len(digits) != 12 or not digits.isdigit():
        raise IdentityError(
            "id_number",
            QT_TRANSLATE_NOOP("Identity", "Số định danh cá nhân gồm đúng 12 chữ số, in ở mặt trước thẻ."),
        )
    return digits


def identity_from_manual(values: dict[str, str], today: date) -> Identity:
    """Build an identity from the fields of the card typed by hand; raises IdentityError."""
    id_number = validate_id_number(values.get("id_number", ""))
    full_name = " ".join(nfc(values.get("full_name", "")).split())
    if len(full_name) < 2:
        raise IdentityError("full_name", QT_TRANSLATE_NOOP("Identity", "Hãy nhập họ và tên như in trên thẻ."))
    try:
        born = parse_date(values.get("date_of_birth", ""))
    except ValueError:
        raise IdentityError(
            "date_of_birth",
            QT_TRANSLATE_NOOP("Identity", "Hãy nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 05/09/1958."),
        ) from None
    if born > today or born.year < 1900:
        raise IdentityError(
            "date_of_birth", QT_TRANSLATE_NOOP("Identity", "Ngày sinh không hợp lệ. Hãy kiểm tra lại.")
        )
    sex_text = nfc(values.get("sex", "")).strip().lower()
    if sex_text in ("nam", "male", "m"):
        sex = Sex.MALE
    elif sex_text in ("nữ", "nu", "female", "f"):
        sex = Sex.FEMALE
    else:
        raise IdentityError("sex", QT_TRANSLATE_NOOP("Identity", "Hãy chọn giới tính: Nam hoặc Nữ."))
    return Identity(
        id_number=id_number,
        full_name=full_name,
        date_of_birth=born,
        sex=sex,
        source=Source.MANUAL,
        place_of_residence=" ".join(nfc(values.get("place_of_residence", "")).split()),
        place_of_origin=" ".join(nfc(values.get("place_of_origin", "")).split()),
    )


def demo_identity() -> Identity:
    """A fictional citizen for training and the embedded default; the number is not a real one.

    The ID number is shaped like a real one (province 001 = Hà Nội; 1 = female born in the 1900s;
    58 = the year of birth) so validators see a well-formed number, but serial 000000 is never issued.
    """
    return Identity(
        id_number="001158000000",
        full_name="Nguyễn Thị Mẫu",
        date_of_birth=date(1958, 9, 5),
        sex=Sex.FEMALE,
        source=Source.DEMO,
        ethnicity="Kinh",
        religion="Không",
        place_of_origin="Xã Mẫu Sơn, Tỉnh Lạng Sơn",
        place_of_residence="Số 1 Phố Mẫu, Phường Trúc Bạch, Thành phố Hà Nội",
        date_of_issue=date(2021, 4, 1),
        date_of_expiry=None,
        father_name="Nguyễn Văn Mẫu",
        mother_name="Trần Thị Mẫu",
        spouse_name="Lê Văn Mẫu",
    )
