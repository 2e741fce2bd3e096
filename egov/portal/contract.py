"""Version 1 of the portal HTTP contract: statuses, codes, validation, wire shapes and OpenAPI.

Both sides import this module, so the training portal (`server.py`) and the client (`client.py`)
cannot drift apart: the submit body is checked by `validate_submission`, the multipart body is built
by `encode_submission`, replies are read by the `from_json` constructors, and the OpenAPI document
served at /openapi.json is `openapi_document()`. docs/portal-api.md is the human version.

No Qt and no network here: this is plain data and pure functions.
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
import secrets
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from egov.dossier import Dossier
from egov.text import QT_TRANSLATE_NOOP
from egov.workdays import load_holidays

API_VERSION = 1
API_PREFIX = "/api/v1"
SERVER_VERSION = "1.0.0"

# A dossier of a dozen scanned documents is a few MB; 50 MB leaves room while keeping one
# request from filling the training portal's disk or memory.
MAX_BODY_BYTES = 50 * 1024 * 1024
MAX_ATTACHMENTS = 50
MAX_FORM_FIELDS = 500
MAX_TEXT = 10_000  # one form value; longer text is a mistake or an attack, not a citizen's answer
MAX_NOTE = 1_000

# fullmatch with explicit [0-9]: `\d` would also accept Arabic-Indic and other Unicode digits, and
# `$` would accept a trailing newline.
PROCEDURE_CODE_RE = re.compile(r"[0-9]\.[0-9]{6}")
# Agency codes seen in the wild: H56, H56.14, G01, 000.00.00.G15.
OFFICE_CODE_RE = re.compile(r"[A-Z0-9]{1,10}(?:\.[A-Z0-9]{1,10}){0,5}")
ID_NUMBER_RE = re.compile(r"[0-9]{12}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")
# {office}-{yyMMdd}-{NNNN}; the counter grows past four digits rather than wrapping.
DOSSIER_CODE_RE = re.compile(
    r"(?P<office>[A-Z0-9]{1,10}(?:\.[A-Z0-9]{1,10}){0,5})-(?P<day>[0-9]{6})-(?P<n>[0-9]{4,})"
)
CHANNELS = ("direct", "online", "postal")
PDF_MAGIC = b"%PDF-"


class PortalStatus(enum.IntEnum):
    """The dossier statuses of the national portal (DVCQG), numbered as the one-stop systems do."""

    NEW = 1
    ACCEPTED = 2
    REFUSED = 3
    PROCESSING = 4
    SUPPLEMENT = 5
    PAYMENT = 6
    WITHDRAWN = 7
    SUSPENDED = 8
    DONE = 9
    RETURNED = 10

    @property
    def label(self) -> str:
        """The Vietnamese name shown to people (translate with context "PortalStatus")."""
        return _STATUS_LABELS[self]

    @property
    def dvcqg_key(self) -> str:
        """The key DVCQG's sync format uses for this status (note: 1 is "receiving", 2 is "new")."""
        return _DVCQG_KEYS[self]


_STATUS_LABELS: dict[PortalStatus, str] = {
    PortalStatus.NEW: QT_TRANSLATE_NOOP("PortalStatus", "Mới đăng ký"),
    PortalStatus.ACCEPTED: QT_TRANSLATE_NOOP("PortalStatus", "Được tiếp nhận"),
    PortalStatus.REFUSED: QT_TRANSLATE_NOOP("PortalStatus", "Không được tiếp nhận"),
    PortalStatus.PROCESSING: QT_TRANSLATE_NOOP("PortalStatus", "Đang xử lý"),
    PortalStatus.SUPPLEMENT: QT_TRANSLATE_NOOP("PortalStatus", "Yêu cầu bổ sung giấy tờ"),
    PortalStatus.PAYMENT: QT_TRANSLATE_NOOP("PortalStatus", "Yêu cầu thực hiện nghĩa vụ tài chính"),
    PortalStatus.WITHDRAWN: QT_TRANSLATE_NOOP("PortalStatus", "Công dân yêu cầu rút hồ sơ"),
    PortalStatus.SUSPENDED: QT_TRANSLATE_NOOP("PortalStatus", "Dừng xử lý"),
    PortalStatus.DONE: QT_TRANSLATE_NOOP("PortalStatus", "Đã xử lý xong"),
    PortalStatus.RETURNED: QT_TRANSLATE_NOOP("PortalStatus", "Đã trả kết quả"),
}

_DVCQG_KEYS: dict[PortalStatus, str] = {
    PortalStatus.NEW: "receiving",
    PortalStatus.ACCEPTED: "new",
    PortalStatus.REFUSED: "denied",
    PortalStatus.PROCESSING: "processing",
    PortalStatus.SUPPLEMENT: "waiting",
    PortalStatus.PAYMENT: "paying",
    PortalStatus.WITHDRAWN: "cancelled",
    PortalStatus.SUSPENDED: "unresolved",
    PortalStatus.DONE: "releasing",
    PortalStatus.RETURNED: "done",
}


# Error code → (HTTP status, Vietnamese message, English message). "{field}" is filled with a field
# name or an attachment position, never with a value: replies and logs must not carry personal data.
ERRORS: dict[str, tuple[int, str, str]] = {
    "bad_request": (400, "Yêu cầu không hợp lệ.", "Malformed request."),
    "bad_multipart": (
        400,
        "Dữ liệu gửi lên không đúng định dạng multipart/form-data.",
        "The body is not valid multipart/form-data.",
    ),
    "bad_json": (400, "Dữ liệu không phải JSON UTF-8 hợp lệ.", "The JSON is not valid UTF-8 JSON."),
    "missing_dossier_part": (
        400,
        'Thiếu phần "dossier" (JSON hồ sơ) ở đầu yêu cầu.',
        'The first part must be named "dossier" and hold the dossier JSON.',
    ),
    "unexpected_part": (
        400,
        'Phần dữ liệu {field} không đúng hợp đồng (chỉ có "dossier" rồi các "attachment").',
        'Part {field} is unexpected: only "dossier" then "attachment" parts are allowed.',
    ),
    "idempotency_key_missing": (
        400,
        "Thiếu tiêu đề Idempotency-Key.",
        "The Idempotency-Key header is missing.",
    ),
    "invalid_query": (400, "Tham số {field} không hợp lệ.", "Query parameter {field} is invalid."),
    "unauthorised": (401, "Thiếu hoặc sai mã truy cập.", "Missing or wrong bearer token."),
    "not_found": (404, "Không có địa chỉ này.", "No such resource."),
    "dossier_not_found": (404, "Không tìm thấy hồ sơ.", "No such dossier."),
    "attachment_not_found": (404, "Không tìm thấy tệp đính kèm.", "No such attachment."),
    "fee_not_found": (
        404,
        "Không có thông tin lệ phí cho thủ tục và hình thức nộp này.",
        "No fee is known for this procedure and channel.",
    ),
    "method_not_allowed": (405, "Phương thức không được hỗ trợ.", "Method not allowed."),
    "idempotency_conflict": (
        409,
        "Mã client_id này đã được dùng cho một hồ sơ khác nội dung.",
        "This client_id was already used for a dossier with different content.",
    ),
    "length_required": (411, "Yêu cầu phải có Content-Length.", "Content-Length is required."),
    "too_large": (413, "Dữ liệu gửi lên vượt quá dung lượng cho phép.", "The body is too large."),
    "unsupported_media_type": (
        415,
        "Kiểu dữ liệu không được hỗ trợ.",
        "Unsupported content type.",
    ),
    "idempotency_key_mismatch": (
        422,
        "Idempotency-Key phải trùng với client_id của hồ sơ.",
        "Idempotency-Key must equal the dossier's client_id.",
    ),
    "invalid_field": (422, "Trường {field} không hợp lệ.", "Field {field} is invalid."),
    "attachment_count": (
        422,
        "Số tệp đính kèm không khớp với danh sách giấy tờ trong hồ sơ.",
        "The number of attachment parts does not match the attachments list.",
    ),
    "attachment_mismatch": (
        422,
        "Tệp đính kèm {field} không khớp kích thước hoặc mã SHA-256 đã khai.",
        "Attachment {field} does not match its declared size or SHA-256.",
    ),
    "attachment_type": (422, "Tệp đính kèm {field} phải là PDF.", "Attachment {field} must be a PDF."),
    "invalid_status": (
        422,
        "Trạng thái phải là một số từ 1 đến 10.",
        "status must be an integer from 1 to 10.",
    ),
    "internal": (500, "Lỗi hệ thống của cổng dịch vụ công.", "Internal portal error."),
}


class ContractError(Exception):
    """A request breaks the contract; `code` is a key of ERRORS, `field` names the culprit."""

    def __init__(self, code: str, field: str = "") -> None:
        super().__init__(f"{code}: {field}" if field else code)  # names only, safe to log
        self.code = code
        self.field = field

    @property
    def http_status(self) -> int:
        return ERRORS[self.code][0]

    def to_json(self) -> dict[str, str]:
        """The error body of the contract: machine code plus a Vietnamese and an English sentence."""
        _, vi, en = ERRORS[self.code]
        body = {
            "error": self.code,
            "message": vi.format(field=self.field),
            "message_en": en.format(field=self.field),
        }
        if self.field:
            body["field"] = self.field
        return body


# ---------------------------------------------------------------------------------------------
# Validation of the submit body (what Dossier.to_json() produces)


def _is_int(value: object) -> bool:
    # bool is an int subclass in Python, but `true` is not a number in the contract
    return isinstance(value, int) and not isinstance(value, bool)


def _text(
    data: dict[str, Any], key: str, where: str, *, required: bool = False, limit: int = MAX_TEXT
) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise ContractError("invalid_field", where + key)
    return value


def _person(value: object, where: str) -> None:
    if not isinstance(value, dict):
        raise ContractError("invalid_field", where.rstrip("."))
    _text(value, "full_name", where, required=True, limit=200)
    if not ID_NUMBER_RE.fullmatch(_text(value, "id_number", where, required=True, limit=12)):
        raise ContractError("invalid_field", where + "id_number")
    for key in ("date_of_birth", "phone", "address", "relationship"):
        _text(value, key, where, limit=500)


def is_canonical_uuid(text: object) -> bool:
    """True for a UUID in its canonical lowercase hyphenated form, the only form used as a key."""
    if not isinstance(text, str):
        return False
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def validate_submission(data: object) -> dict[str, Any]:
    """Check the dossier JSON of a submit call; return it, or raise ContractError naming the field.

    Unknown keys are kept (a newer client may send more), but every key the contract defines must
    have the right type and format.
    """
    if not isinstance(data, dict):
        raise ContractError("invalid_field", "dossier")
    if not is_canonical_uuid(data.get("client_id")):
        raise ContractError("invalid_field", "client_id")
    if not PROCEDURE_CODE_RE.fullmatch(_text(data, "procedure_code", "", required=True, limit=20)):
        raise ContractError("invalid_field", "procedure_code")
    if not OFFICE_CODE_RE.fullmatch(_text(data, "office_code", "", required=True, limit=70)):
        raise ContractError("invalid_field", "office_code")
    if data.get("channel") not in CHANNELS:
        raise ContractError("invalid_field", "channel")
    _person(data.get("applicant"), "applicant.")
    if data.get("authorised") is not None:
        _person(data["authorised"], "authorised.")
    _text(data, "agent", "", limit=100)
    form = data.get("form", {})
    if not isinstance(form, dict) or len(form) > MAX_FORM_FIELDS:
        raise ContractError("invalid_field", "form")
    for key, value in form.items():
        if not isinstance(value, str) or len(key) > 200 or len(value) > MAX_TEXT:
            raise ContractError("invalid_field", "form")  # the key may itself be personal: not echoed
    fee = data.get("fee", 0)
    if not _is_int(fee) or fee < 0:
        raise ContractError("invalid_field", "fee")
    created_at = _text(data, "created_at", "", required=True, limit=40)
    try:
        datetime.fromisoformat(created_at)
    except ValueError:
        raise ContractError("invalid_field", "created_at") from None
    attachments = data.get("attachments", [])
    if not isinstance(attachments, list) or len(attachments) > MAX_ATTACHMENTS:
        raise ContractError("invalid_field", "attachments")
    for index, meta in enumerate(attachments):
        where = f"attachments[{index}]."
        if not isinstance(meta, dict):
            raise ContractError("invalid_field", where.rstrip("."))
        _text(meta, "document_code", where, limit=100)
        _text(meta, "name", where, limit=500)
        _text(meta, "filename", where, required=True, limit=255)
        if meta.get("media_type") != "application/pdf":
            raise ContractError("invalid_field", where + "media_type")
        for key in ("pages", "size"):
            if not _is_int(meta.get(key)) or meta[key] < 1:
                raise ContractError("invalid_field", where + key)
        if not isinstance(meta.get("sha256"), str) or not SHA256_RE.fullmatch(meta["sha256"]):
            raise ContractError("invalid_field", where + "sha256")
    return data


def check_attachment(index: int, meta: dict[str, Any], data: bytes) -> None:
    """Check one attachment part against its metadata (already validated): size, hash, PDF magic."""
    if len(data) != meta["size"] or hashlib.sha256(data).hexdigest() != meta["sha256"]:
        raise ContractError("attachment_mismatch", f"attachments[{index}]")
    if not data.startswith(PDF_MAGIC):
        raise ContractError("attachment_type", f"attachments[{index}]")


def canonical_json(data: object) -> bytes:
    """One byte string per JSON value, whatever the key order: what "same content" means."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def format_dossier_code(office_code: str, day: date, number: int) -> str:
    """The dossier code (mã hồ sơ): `H56.14-250301-0001`."""
    return f"{office_code}-{day:%y%m%d}-{number:04d}"


def add_working_days(start: date, days: int) -> date:
    """`days` working days after `start`, by the embedded holiday table (egov.workdays)."""
    return load_holidays().add_working_days(start, days)


# ---------------------------------------------------------------------------------------------
# The multipart body of the submit call


MultipartPart = tuple[str, str | None, str, bytes]  # (name, filename or None, content type, data)

_SAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def ascii_filename(filename: str, index: int) -> str:
    """A filename safe in a multipart header: 'Giấy khai sinh.pdf' → 'Giay_khai_sinh.pdf'.

    The real name travels in the JSON metadata; the header only needs something harmless, and
    servers disagree about non-ASCII filenames in multipart headers.
    """
    folded = unicodedata.normalize("NFKD", filename.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    safe = _SAFE_FILENAME.sub("_", folded).strip("._")[:100]
    return safe or f"attachment-{index + 1}.pdf"


def encode_multipart(parts: Sequence[MultipartPart]) -> tuple[bytes, str]:
    """Encode multipart/form-data; return the body and the Content-Type header value."""
    while True:
        boundary = "dvc-" + secrets.token_hex(16)
        marker = boundary.encode("ascii")
        # a random 128-bit boundary practically never occurs in data, but checking costs little
        if not any(marker in data for _, _, _, data in parts):
            break
    chunks: list[bytes] = []
    for name, filename, content_type, data in parts:
        disposition = f'form-data; name="{name}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: {content_type}\r\n\r\n"
        chunks.append(head.encode("utf-8"))  # what browsers send; our own names are ASCII anyway
        chunks.append(data)
        chunks.append(b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode("ascii"))
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def submission_parts(dossier_json: bytes, attachments: Sequence[tuple[str, bytes]]) -> list[MultipartPart]:
    """The parts of a submit call: "dossier" JSON first, then one "attachment" per (filename, data)."""
    parts: list[MultipartPart] = [("dossier", None, "application/json; charset=utf-8", dossier_json)]
    for index, (filename, data) in enumerate(attachments):
        parts.append(("attachment", ascii_filename(filename, index), "application/pdf", data))
    return parts


def encode_submission(dossier: Dossier) -> tuple[bytes, str]:
    """The multipart body of POST /api/v1/dossiers for `dossier`, and its Content-Type."""
    body = json.dumps(dossier.to_json(), ensure_ascii=False).encode("utf-8")
    return encode_multipart(submission_parts(body, [(a.filename, a.data) for a in dossier.attachments]))


# ---------------------------------------------------------------------------------------------
# Reply shapes, as the client reads them


def _str(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise ValueError(key)
    return value


def _status(value: object) -> PortalStatus:
    if not _is_int(value):
        raise ValueError("status")
    return PortalStatus(value)  # ValueError for a status outside 1–10


def _optional_date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("date")
    return date.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class SubmitReceipt:
    """The portal's acknowledgement of a submitted dossier; `replayed` is true for a resend."""

    dossier_code: str
    client_id: uuid.UUID
    status: PortalStatus
    status_name: str
    received_at: datetime
    appointment_date: date | None
    replayed: bool = False

    @classmethod
    def from_json(cls, data: object) -> SubmitReceipt:
        """Read a 200/201 reply; ValueError if it does not follow the contract."""
        if not isinstance(data, dict):
            raise ValueError("reply")
        try:
            return cls(
                dossier_code=_str(data, "dossier_code"),
                client_id=uuid.UUID(_str(data, "client_id")),
                status=_status(data["status"]),
                status_name=_str(data, "status_name"),
                received_at=datetime.fromisoformat(_str(data, "received_at")),
                appointment_date=_optional_date(data.get("appointment_date")),
                replayed=data.get("replayed") is True,
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(str(exc)) from None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One step of a dossier's progress (tiến trình xử lý)."""

    status: PortalStatus
    at: datetime
    note: str


@dataclass(frozen=True, slots=True)
class DossierStatus:
    """Where a dossier stands; holds no personal data, so a kiosk may show and keep it."""

    dossier_code: str
    client_id: uuid.UUID
    procedure_code: str
    status: PortalStatus
    status_name: str
    received_at: datetime
    updated_at: datetime
    appointment_date: date | None
    history: tuple[HistoryEntry, ...]

    @classmethod
    def from_json(cls, data: object) -> DossierStatus:
        """Read a status reply; ValueError if it does not follow the contract."""
        if not isinstance(data, dict):
            raise ValueError("reply")
        try:
            history = data["history"]
            if not isinstance(history, list):
                raise ValueError("history")
            entries = []
            for item in history:
                if not isinstance(item, dict) or not isinstance(item.get("note", ""), str):
                    raise ValueError("history")
                entries.append(
                    HistoryEntry(
                        _status(item["status"]),
                        datetime.fromisoformat(_str(item, "at")),
                        item.get("note", ""),
                    )
                )
            return cls(
                dossier_code=_str(data, "dossier_code"),
                client_id=uuid.UUID(_str(data, "client_id")),
                procedure_code=_str(data, "procedure_code"),
                status=_status(data["status"]),
                status_name=_str(data, "status_name"),
                received_at=datetime.fromisoformat(_str(data, "received_at")),
                updated_at=datetime.fromisoformat(_str(data, "updated_at")),
                appointment_date=_optional_date(data.get("appointment_date")),
                history=tuple(entries),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(str(exc)) from None


# ---------------------------------------------------------------------------------------------
# OpenAPI 3.1


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _error_responses(*statuses: int) -> dict[str, Any]:
    return {str(s): {"description": "Error", "content": _json_content(_ref("Error"))} for s in statuses}


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description of contract version 1, served at GET /openapi.json."""
    person = {
        "type": "object",
        "required": ["full_name", "id_number"],
        "properties": {
            "full_name": {"type": "string", "minLength": 1, "maxLength": 200},
            "id_number": {"type": "string", "pattern": "^[0-9]{12}$", "description": "Số định danh cá nhân"},
            "date_of_birth": {"type": "string"},
            "phone": {"type": "string"},
            "address": {"type": "string"},
            "relationship": {"type": "string"},
        },
    }
    attachment_meta = {
        "type": "object",
        "required": ["filename", "media_type", "pages", "size", "sha256"],
        "properties": {
            "document_code": {"type": "string", "description": "Mã thành phần hồ sơ"},
            "name": {"type": "string"},
            "filename": {"type": "string"},
            "media_type": {"const": "application/pdf"},
            "pages": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 1},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        },
    }
    submission = {
        "type": "object",
        "description": "Exactly Dossier.to_json(): the hồ sơ without the attachment bytes.",
        "required": ["client_id", "procedure_code", "office_code", "channel", "applicant", "created_at"],
        "properties": {
            "client_id": {"type": "string", "format": "uuid"},
            "procedure_code": {"type": "string", "pattern": r"^[0-9]\.[0-9]{6}$", "description": "Mã TTHC"},
            "office_code": {
                "type": "string",
                "pattern": f"^{OFFICE_CODE_RE.pattern}$",
                "examples": ["H56.14"],
                "description": "Mã cơ quan",
            },
            "channel": {"enum": list(CHANNELS)},
            "applicant": _ref("Person"),
            "authorised": {"oneOf": [_ref("Person"), {"type": "null"}]},
            "agent": {"type": "string"},
            "form": {"type": "object", "additionalProperties": {"type": "string"}},
            "fee": {"type": "integer", "minimum": 0},
            "created_at": {"type": "string", "format": "date-time"},
            "attachments": {"type": "array", "items": _ref("AttachmentMeta"), "maxItems": MAX_ATTACHMENTS},
        },
    }
    receipt = {
        "type": "object",
        "required": ["dossier_code", "client_id", "status", "status_name", "received_at", "appointment_date"],
        "properties": {
            "dossier_code": {"type": "string", "pattern": r"^[A-Z0-9.]+-[0-9]{6}-[0-9]{4,}$"},
            "client_id": {"type": "string", "format": "uuid"},
            "status": {"const": 1},
            "status_name": {"type": "string"},
            "received_at": {"type": "string", "format": "date-time"},
            "appointment_date": {"type": ["string", "null"], "format": "date"},
            "replayed": {"type": "boolean", "description": "Present and true on a 200 replay."},
        },
    }
    history_entry = {
        "type": "object",
        "required": ["status", "at", "note"],
        "properties": {
            "status": _ref("Status"),
            "at": {"type": "string", "format": "date-time"},
            "note": {"type": "string"},
        },
    }
    dossier_status = {
        "type": "object",
        "required": [
            "dossier_code",
            "client_id",
            "procedure_code",
            "status",
            "status_name",
            "received_at",
            "updated_at",
            "appointment_date",
            "history",
        ],
        "properties": {
            "dossier_code": {"type": "string"},
            "client_id": {"type": "string", "format": "uuid"},
            "procedure_code": {"type": "string"},
            "status": _ref("Status"),
            "status_name": {"type": "string"},
            "received_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
            "appointment_date": {"type": ["string", "null"], "format": "date"},
            "history": {"type": "array", "items": _ref("HistoryEntry")},
        },
    }
    admin_record = {
        "allOf": [
            _ref("DossierSubmission"),
            {
                "type": "object",
                "required": ["dossier_code", "status"],
                "properties": {
                    "dossier_code": {"type": "string"},
                    "status": _ref("Status"),
                    "status_name": {"type": "string"},
                    "received_at": {"type": "string", "format": "date-time"},
                    "updated_at": {"type": "string", "format": "date-time"},
                    "appointment_date": {"type": ["string", "null"], "format": "date"},
                },
            },
        ]
    }
    code_param = {"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}
    client_auth = [{"clientToken": []}]
    admin_auth = [{"adminToken": []}]
    paths: dict[str, Any] = {
        "/health": {
            "get": {
                "summary": "Liveness check",
                "security": [],
                "responses": {
                    "200": {
                        "description": "The portal is up",
                        "content": _json_content(
                            {
                                "type": "object",
                                "properties": {"ok": {"const": True}, "version": {"type": "string"}},
                            }
                        ),
                    }
                },
            }
        },
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "security": [],
                "responses": {
                    "200": {"description": "OpenAPI 3.1", "content": _json_content({"type": "object"})}
                },
            }
        },
        f"{API_PREFIX}/dossiers": {
            "post": {
                "summary": "Submit a dossier (nộp hồ sơ)",
                "security": client_auth,
                "parameters": [
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": True,
                        "description": "The dossier's client_id",
                        "schema": {"type": "string", "format": "uuid"},
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["dossier"],
                                "additionalProperties": False,
                                "properties": {
                                    "dossier": _ref("DossierSubmission"),
                                    "attachment": {
                                        "type": "array",
                                        "items": {"type": "string", "contentMediaType": "application/pdf"},
                                    },
                                },
                            },
                            "encoding": {
                                "dossier": {"contentType": "application/json"},
                                "attachment": {"contentType": "application/pdf"},
                            },
                        }
                    },
                },
                "responses": {
                    "201": {"description": "Stored", "content": _json_content(_ref("SubmitReceipt"))},
                    "200": {
                        "description": "Replay of a stored dossier",
                        "content": _json_content(_ref("SubmitReceipt")),
                    },
                    **_error_responses(400, 401, 409, 411, 413, 415, 422),
                },
            },
            "get": {
                "summary": "Find a dossier by its client_id (after a lost reply)",
                "security": client_auth,
                "parameters": [
                    {
                        "name": "client_id",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string", "format": "uuid"},
                    }
                ],
                "responses": {
                    "200": {"description": "Found", "content": _json_content(_ref("DossierStatus"))},
                    **_error_responses(400, 401, 404),
                },
            },
        },
        f"{API_PREFIX}/dossiers/{{code}}": {
            "get": {
                "summary": "Dossier status (tra cứu hồ sơ)",
                "security": client_auth,
                "parameters": [code_param],
                "responses": {
                    "200": {"description": "Found", "content": _json_content(_ref("DossierStatus"))},
                    **_error_responses(401, 404),
                },
            }
        },
        f"{API_PREFIX}/fees/{{procedure_code}}": {
            "get": {
                "summary": "State fee (lệ phí) of a procedure for a channel, in đồng",
                "security": client_auth,
                "parameters": [
                    {
                        "name": "procedure_code",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "pattern": f"^{PROCEDURE_CODE_RE.pattern}$"},
                    },
                    {"name": "channel", "in": "query", "required": False, "schema": {"enum": list(CHANNELS)}},
                ],
                "responses": {
                    "200": {"description": "Known fee", "content": _json_content(_ref("Fee"))},
                    **_error_responses(400, 401, 404),
                },
            }
        },
        f"{API_PREFIX}/admin/dossiers": {
            "get": {
                "summary": "All stored dossiers with personal data (training volunteers only)",
                "security": admin_auth,
                "parameters": [
                    {"name": "procedure_code", "in": "query", "required": False, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "Records",
                        "content": _json_content({"type": "array", "items": _ref("AdminRecord")}),
                    },
                    **_error_responses(400, 401),
                },
            }
        },
        f"{API_PREFIX}/admin/dossiers/{{code}}/status": {
            "post": {
                "summary": "Move a dossier to another status, appending to its history",
                "security": admin_auth,
                "parameters": [code_param],
                "requestBody": {"required": True, "content": _json_content(_ref("StatusChange"))},
                "responses": {
                    "200": {"description": "Updated", "content": _json_content(_ref("DossierStatus"))},
                    **_error_responses(400, 401, 404, 411, 413, 415, 422),
                },
            }
        },
        f"{API_PREFIX}/admin/dossiers/{{code}}/attachments/{{index}}": {
            "get": {
                "summary": "The bytes of one attachment (0-based, in submit order)",
                "security": admin_auth,
                "parameters": [
                    code_param,
                    {
                        "name": "index",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0},
                    },
                ],
                "responses": {
                    "200": {"description": "The PDF", "content": {"application/pdf": {}}},
                    **_error_responses(401, 404),
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "dvc-kiosk portal contract",
            "version": f"{API_VERSION}",
            "description": "The HTTP contract between the kiosk and a one-stop portal (cổng dịch vụ công). "
            "See docs/portal-api.md.",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {
                "clientToken": {"type": "http", "scheme": "bearer"},
                "adminToken": {"type": "http", "scheme": "bearer"},
            },
            "schemas": {
                "Status": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 10,
                    "description": "; ".join(f"{s.value} {s.label} ({s.dvcqg_key})" for s in PortalStatus),
                },
                "Person": person,
                "AttachmentMeta": attachment_meta,
                "DossierSubmission": submission,
                "SubmitReceipt": receipt,
                "HistoryEntry": history_entry,
                "DossierStatus": dossier_status,
                "AdminRecord": admin_record,
                "StatusChange": {
                    "type": "object",
                    "required": ["status"],
                    "properties": {
                        "status": _ref("Status"),
                        "note": {"type": "string", "maxLength": MAX_NOTE},
                    },
                },
                "Fee": {
                    "type": "object",
                    "required": ["procedure_code", "channel", "fee"],
                    "properties": {
                        "procedure_code": {"type": "string"},
                        "channel": {"enum": list(CHANNELS)},
                        "fee": {"type": "integer", "minimum": 0, "description": "đồng"},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "message", "message_en"],
                    "properties": {
                        "error": {"enum": sorted(ERRORS)},
                        "message": {"type": "string", "description": "Vietnamese"},
                        "message_en": {"type": "string"},
                        "field": {"type": "string"},
                    },
                },
            },
        },
    }
