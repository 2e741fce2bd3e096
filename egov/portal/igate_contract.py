"""The iGate dialect: a provincial one-stop system's API shape, with DVCQG field names.

Provinces run their one-stop system (hệ thống thông tin giải quyết TTHC cấp tỉnh), often VNPT
iGate, behind an OAuth2 token service, and sync dossiers to the national portal (DVCQG) in a JSON
format with Vietnamese field names. No province publishes its API, so this module fixes one
plausible dialect from what public code shows, for the iGate connector (`igate.py`) and the
training portal's iGate routes (`igate_server.py`) to share; a province's own specification
replaces the details, not the shape. Like `contract.py`, it is plain data and pure functions.

What comes from where (all public code; the fact sheet shared/facts/vn-egov-domain.md sums it up):
- Token: Keycloak realm "digo", `POST /auth/realms/digo/protocol/openid-connect/token`,
  form-encoded `grant_type=client_credentials`, client id and secret as HTTP Basic; iGate's API
  then takes `Authorization: Bearer`, and its search answers `{"content": [...]}` for `code=`
  (phake-studio/mcp-dichvucong `operations/briefcase.ts`, HCMC; the same Basic client-credentials
  call in a Gia Lai iGate tool, which also shows `GET /pa/dossier/{id}/--online` with `eForm.data`).
- Dossier fields `MaHoSo`, `MaTTHC`, `KenhThucHien`, `ChuHoSo` (the owner's name, a string),
  `LoaiDoiTuong` (1 = citizen), `DinhDanhCHS[]` {`LoaiDinhDanh` 1 = 12-digit ID, `SoDinhDanh`},
  `NgayNopHoSo`, `NgayTiepNhan`, `NgayHenTra`, `TrangThaiHoSo`, `TaiLieuNop[]` {`TepDinhKemId`,
  `TenTepDinhKem`, `MaThanhPhanHoSo`, `DuocSoHoa`}, `DanhSachLePhi[]` {`TenPhiLePhi`, `Gia`},
  progress `{MaHoSo, TrangThai, ThoiDiemXuLy, NoiDungXuLy}`, replies `{"error_code": "0",
  "message": ...}` and "đã tồn tại" for a dossier sent twice: the DVCQG sync of Thanh Hóa's
  one-stop system (HuanVu201/DichVuCong_KhoaLuan_PASETO, `SyncLocalDataToDVCQGService.cs` and its
  `SyncDataToDVCQG` DTOs) and, independently, VietOpenCPS/opencps-v2
  (`DVCQGIntegrationActionImpl.java`).
- `KenhThucHien` 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích (BCCI): the same system's
  `TiepNhanHoSoTrucTuyenConstants` (the fact sheet gives only 1 and 2 and "else BCCI").
- `UyQuyen` and `NguoiUyQuyen`, `SoGiayToNguoiUyQuyen`, `NgaySinhNguoiUyQuyen`,
  `SoDienThoaiNguoiUyQuyen`, `DiaChiNguoiUyQuyen`, and the owner's `NgaySinhChuHoSo`,
  `SoDienThoaiChuHoSo`, `DiaChiChuHoSo`, `MaHoSoKhac` (the dossier's code in another system):
  that system's `HoSo` entity. `UyQuyen` is a bit there; here "0"/"1" like DVCQG's other flags.
- Dates `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh time: both sync implementations (OpenCPS sets the zone).
- Status 1–10 and their DVCQG keys: `PortalStatus` in `contract.py`.

This dialect's own choices, where no public source says: the paths `/pa/dossier` (submit),
`/pa/dossier/search` (`code=` or `other-code=`), `/pa/fee`; `MaDonVi` for the receiving agency
(the name DVCQG's payment platform uses); attachments inline as base64 in `TaiLieuNop[].NoiDungBase64`
with `SoTrang` (DVCQG sync only links files by URL, `DuongDanTaiTepTin`, which a kiosk cannot
serve; one JSON request also keeps a dossier whole or absent); the e-form values in `eForm.data`
(as iGate returns them); `QuanHeVoiChuHoSo` and `NguoiTiepNhan`. The kiosk's client id travels
as `MaHoSoKhac` and in the `Idempotency-Key` header: a resend never makes a second dossier.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any

from egov.dossier import Channel, Dossier
from egov.portal.contract import (
    ERRORS,
    MAX_ATTACHMENTS,
    ContractError,
    DossierStatus,
    HistoryEntry,
    PortalStatus,
    SubmitReceipt,
)

TOKEN_PATH = "/auth/realms/digo/protocol/openid-connect/token"
SUBMIT_PATH = "/pa/dossier"
SEARCH_PATH = "/pa/dossier/search"
FEE_PATH = "/pa/fee"
OPENAPI_PATH = "/pa/openapi.json"

# Asia/Ho_Chi_Minh has kept UTC+7 all year since 1975: a fixed offset needs no tz database.
VN_TIME = timezone(timedelta(hours=7), "ICT")
TIME_FORMAT = "%Y%m%d%H%M%S"

KENH_THUC_HIEN: dict[Channel, str] = {Channel.DIRECT: "1", Channel.ONLINE: "2", Channel.POSTAL: "3"}
CHANNEL_OF: dict[str, Channel] = {code: channel for channel, code in KENH_THUC_HIEN.items()}
ID_12_DIGITS = "1"  # LoaiDinhDanh: 12-digit personal ID (2 would be the old 9-digit card)
CITIZEN = "1"  # LoaiDoiTuong: 1 citizen, 2 enterprise, 3 state body, 4 other
FEE_NAME = "Lệ phí"

# Where a v1 field name (what validate_submission reports) lives in this dialect, so that an
# error names the field the client actually sent.
FIELD_NAMES = {
    "dossier": "body",
    "client_id": "MaHoSoKhac",
    "procedure_code": "MaTTHC",
    "office_code": "MaDonVi",
    "channel": "KenhThucHien",
    "applicant": "ChuHoSo",
    "applicant.full_name": "ChuHoSo",
    "applicant.id_number": "DinhDanhCHS",
    "applicant.date_of_birth": "NgaySinhChuHoSo",
    "applicant.phone": "SoDienThoaiChuHoSo",
    "applicant.address": "DiaChiChuHoSo",
    "authorised": "NguoiUyQuyen",
    "authorised.full_name": "NguoiUyQuyen",
    "authorised.id_number": "SoGiayToNguoiUyQuyen",
    "authorised.date_of_birth": "NgaySinhNguoiUyQuyen",
    "authorised.phone": "SoDienThoaiNguoiUyQuyen",
    "authorised.address": "DiaChiNguoiUyQuyen",
    "authorised.relationship": "QuanHeVoiChuHoSo",
    "agent": "NguoiTiepNhan",
    "form": "eForm",
    "fee": "DanhSachLePhi",
    "created_at": "NgayNopHoSo",
    "attachments": "TaiLieuNop",
}
ATTACHMENT_FIELD_NAMES = {
    "document_code": "MaThanhPhanHoSo",
    "name": "TenThanhPhanHoSo",
    "filename": "TenTepDinhKem",
    "pages": "SoTrang",
}

# Codes this dialect adds to contract.ERRORS; "{field}" is a field name, never a value.
IGATE_ERRORS: dict[str, tuple[int, str, str]] = {
    "invalid_request": (
        400,
        "Yêu cầu cấp mã truy cập không hợp lệ.",
        "The token request is malformed.",
    ),
    "unsupported_grant_type": (
        400,
        "Chỉ hỗ trợ grant_type=client_credentials.",
        "Only grant_type=client_credentials is supported.",
    ),
    "invalid_client": (401, "Sai mã ứng dụng hoặc khoá bí mật.", "Wrong client id or secret."),
    "invalid_token": (
        401,
        "Mã truy cập không hợp lệ hoặc đã hết hạn.",
        "The access token is invalid or expired.",
    ),
    "idempotency_key_mismatch": (
        422,
        "Idempotency-Key phải trùng với MaHoSoKhac của hồ sơ.",
        "Idempotency-Key must equal the dossier's MaHoSoKhac.",
    ),
}
ALL_ERRORS = {**ERRORS, **IGATE_ERRORS}


class IgateError(ContractError):
    """A refusal in this dialect: v1's codes plus IGATE_ERRORS, answered with `error_code`."""

    @property
    def http_status(self) -> int:
        return ALL_ERRORS[self.code][0]


def error_body(error: ContractError) -> dict[str, str]:
    """The dialect's error reply: DVCQG's `error_code` and `message`, an English sentence, the field."""
    _, vi, en = ALL_ERRORS[error.code]
    field = dialect_field(error.field)
    body = {
        "error_code": error.code,
        "message": vi.format(field=field),
        "message_en": en.format(field=field),
    }
    if field:
        body["field"] = field
    return body


def dialect_field(field: str) -> str:
    """This dialect's name for a v1 field name: "attachments[2].filename" → "TaiLieuNop[2].TenTepDinhKem"."""
    if field.startswith("attachments["):
        index, dot, inner = field.removeprefix("attachments").partition(".")
        return "TaiLieuNop" + index + (dot + ATTACHMENT_FIELD_NAMES.get(inner, inner) if dot else "")
    return FIELD_NAMES.get(field, field)


def format_time(moment: datetime) -> str:
    """`yyyyMMddHHmmss` in Vietnam's time: 2026-11-23 10:05:00+07:00 → "20261123100500"."""
    return moment.astimezone(VN_TIME).strftime(TIME_FORMAT)


def parse_time(text: object) -> datetime:
    """The aware datetime of a `yyyyMMddHHmmss` string in Vietnam's time; ValueError otherwise."""
    if not isinstance(text, str) or len(text) != 14 or not text.isascii() or not text.isdigit():
        raise ValueError("time")
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=VN_TIME)


def _appointment_text(day: date | str | None) -> str:
    # DVCQG's NgayHenTra is a time; the training portal promises a day, given here at midnight.
    if day is None:
        return ""
    return f"{date.fromisoformat(day) if isinstance(day, str) else day:%Y%m%d}000000"


# ---------------------------------------------------------------------------------------------
# The submit body: Dossier → dialect (client), dialect → contract v1 submission (server)


def encode_dossier(dossier: Dossier) -> dict[str, Any]:
    """The JSON body of `POST /pa/dossier` for a dossier, attachments inline."""
    applicant, authorised = dossier.applicant, dossier.authorised
    return {
        "MaHoSoKhac": str(dossier.client_id),
        "MaTTHC": dossier.procedure_code,
        "TenTTHC": dossier.procedure_name,
        "MaDonVi": dossier.office_code,
        "KenhThucHien": KENH_THUC_HIEN[dossier.channel],
        "LoaiDoiTuong": CITIZEN,
        "ChuHoSo": applicant.full_name,
        "DinhDanhCHS": [{"LoaiDinhDanh": ID_12_DIGITS, "SoDinhDanh": applicant.id_number}],
        "NgaySinhChuHoSo": applicant.date_of_birth,
        "SoDienThoaiChuHoSo": applicant.phone,
        "DiaChiChuHoSo": applicant.address,
        "UyQuyen": "1" if authorised else "0",
        "NguoiUyQuyen": authorised.full_name if authorised else "",
        "SoGiayToNguoiUyQuyen": authorised.id_number if authorised else "",
        "NgaySinhNguoiUyQuyen": authorised.date_of_birth if authorised else "",
        "SoDienThoaiNguoiUyQuyen": authorised.phone if authorised else "",
        "DiaChiNguoiUyQuyen": authorised.address if authorised else "",
        "QuanHeVoiChuHoSo": authorised.relationship if authorised else "",
        "NguoiTiepNhan": dossier.agent,
        "NgayNopHoSo": format_time(dossier.created_at),
        "DanhSachLePhi": [{"TenPhiLePhi": FEE_NAME, "Gia": str(dossier.fee)}] if dossier.fee else [],
        "eForm": {"data": dict(dossier.form)},
        "TaiLieuNop": [
            {
                "TepDinhKemId": str(index + 1),
                "TenTepDinhKem": a.filename,
                "MaThanhPhanHoSo": a.document_code,
                "TenThanhPhanHoSo": a.document_name,
                "DuocSoHoa": "1",
                "SoTrang": a.pages,
                "NoiDungBase64": base64.b64encode(a.data).decode("ascii"),
            }
            for index, a in enumerate(dossier.attachments)
        ],
    }


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise IgateError("invalid_field", key)
    return value


def _person(data: dict[str, Any], who: str, id_number: str, relationship: str) -> dict[str, str]:
    # `who` is the suffix of the person's fields: ChuHoSo (the owner) or NguoiUyQuyen.
    return {
        "full_name": _text(data, who),
        "id_number": id_number,
        "date_of_birth": _text(data, f"NgaySinh{who}"),
        "phone": _text(data, f"SoDienThoai{who}"),
        "address": _text(data, f"DiaChi{who}"),
        "relationship": relationship,
    }


def _owner_id(data: dict[str, Any]) -> str:
    ids = data.get("DinhDanhCHS")
    if not isinstance(ids, list) or len(ids) != 1 or not isinstance(ids[0], dict):
        raise IgateError("invalid_field", "DinhDanhCHS")
    if ids[0].get("LoaiDinhDanh") != ID_12_DIGITS or not isinstance(ids[0].get("SoDinhDanh"), str):
        raise IgateError("invalid_field", "DinhDanhCHS")
    return ids[0]["SoDinhDanh"]


def _fee(data: dict[str, Any]) -> int:
    fees = data.get("DanhSachLePhi", [])
    if not isinstance(fees, list) or len(fees) > 1:
        raise IgateError("invalid_field", "DanhSachLePhi")
    if not fees:
        return 0
    amount = fees[0].get("Gia") if isinstance(fees[0], dict) else None
    if not isinstance(amount, str) or not amount.isascii() or not amount.isdigit() or len(amount) > 12:
        raise IgateError("invalid_field", "DanhSachLePhi")
    return int(amount)


def _attachments(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[tuple[str, bytes]]]:
    items = data.get("TaiLieuNop", [])
    if not isinstance(items, list) or len(items) > MAX_ATTACHMENTS:
        raise IgateError("invalid_field", "TaiLieuNop")
    metas: list[dict[str, Any]] = []
    files: list[tuple[str, bytes]] = []
    for index, item in enumerate(items):
        where = f"TaiLieuNop[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("NoiDungBase64"), str):
            raise IgateError("invalid_field", where)
        try:
            blob = base64.b64decode(item["NoiDungBase64"].encode("ascii"), validate=True)
        except (UnicodeEncodeError, binascii.Error):
            raise IgateError("invalid_field", f"{where}.NoiDungBase64") from None
        pages = item.get("SoTrang")
        if not isinstance(pages, int) or isinstance(pages, bool):
            raise IgateError("invalid_field", f"{where}.SoTrang")
        filename = _text(item, "TenTepDinhKem")
        metas.append(
            {
                "document_code": _text(item, "MaThanhPhanHoSo"),
                "name": _text(item, "TenThanhPhanHoSo"),
                "filename": filename,
                "media_type": "application/pdf",
                "pages": pages,
                "size": len(blob),
                "sha256": hashlib.sha256(blob).hexdigest(),
            }
        )
        files.append((filename, blob))
    return metas, files


def decode_dossier(data: object) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
    """The contract-v1 submission and the attachment bytes a `POST /pa/dossier` body stands for.

    Only the shape of this dialect is checked here; the caller runs the body through
    `contract.validate_submission` and `contract.check_attachment`, the same checks as v1, so the
    two dialects cannot accept different dossiers. Raises IgateError naming the field.
    """
    if not isinstance(data, dict):
        raise IgateError("invalid_field", "body")
    kenh = data.get("KenhThucHien")
    channel = CHANNEL_OF.get(kenh) if isinstance(kenh, str) else None
    if channel is None:
        raise IgateError("invalid_field", "KenhThucHien")
    if data.get("LoaiDoiTuong", CITIZEN) != CITIZEN:
        raise IgateError("invalid_field", "LoaiDoiTuong")  # the kiosk serves citizens only
    delegated = data.get("UyQuyen")
    if delegated not in ("0", "1"):
        raise IgateError("invalid_field", "UyQuyen")
    try:
        created_at = parse_time(data.get("NgayNopHoSo")).isoformat()
    except ValueError:
        raise IgateError("invalid_field", "NgayNopHoSo") from None
    form = data.get("eForm", {"data": {}})
    if not isinstance(form, dict) or set(form) != {"data"}:
        raise IgateError("invalid_field", "eForm")
    metas, files = _attachments(data)
    submission = {
        "client_id": data.get("MaHoSoKhac"),
        "procedure_code": _text(data, "MaTTHC"),
        "office_code": _text(data, "MaDonVi"),
        "channel": channel.value,
        "applicant": _person(data, "ChuHoSo", _owner_id(data), ""),
        "authorised": (
            _person(
                data, "NguoiUyQuyen", _text(data, "SoGiayToNguoiUyQuyen"), _text(data, "QuanHeVoiChuHoSo")
            )
            if delegated == "1"
            else None
        ),
        "agent": _text(data, "NguoiTiepNhan"),
        "form": form["data"],
        "fee": _fee(data),
        "created_at": created_at,
        "attachments": metas,
    }
    return submission, files


# ---------------------------------------------------------------------------------------------
# Replies: built by the server from the training portal's v1 records, read by the connector


def receipt_body(reply: dict[str, Any], replayed: bool) -> dict[str, Any]:
    """The reply to `POST /pa/dossier` from the store's v1 receipt; "đã tồn tại" on a resend."""
    return {
        "error_code": "0",
        "message": "Hồ sơ đã tồn tại" if replayed else "Thành công",
        "MaHoSo": reply["dossier_code"],
        "MaHoSoKhac": reply["client_id"],
        "TrangThaiHoSo": str(reply["status"]),
        "NgayTiepNhan": format_time(datetime.fromisoformat(reply["received_at"])),
        "NgayHenTra": _appointment_text(reply["appointment_date"]),
    }


def record_body(status: dict[str, Any]) -> dict[str, Any]:
    """One dossier in a search reply, from the store's v1 status."""
    return {
        "MaHoSo": status["dossier_code"],
        "MaHoSoKhac": status["client_id"],
        "MaTTHC": status["procedure_code"],
        "TrangThaiHoSo": str(status["status"]),
        "NgayTiepNhan": format_time(datetime.fromisoformat(status["received_at"])),
        "NgayHenTra": _appointment_text(status["appointment_date"]),
        "QuaTrinhXuLy": [
            {
                "MaHoSo": status["dossier_code"],
                "TrangThai": str(entry["status"]),
                "ThoiDiemXuLy": format_time(datetime.fromisoformat(entry["at"])),
                "NoiDungXuLy": entry["note"],
            }
            for entry in status["history"]
        ],
    }


def _status(value: object) -> PortalStatus:
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        raise ValueError("TrangThaiHoSo")
    return PortalStatus(int(value))  # ValueError outside 1–10


def _appointment(value: object) -> date | None:
    if value in ("", None):
        return None
    return parse_time(value).date()


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(key)
    return value


def read_receipt(data: object, replayed: bool) -> SubmitReceipt:
    """A SubmitReceipt from a submit reply; ValueError if it does not follow the dialect."""
    if not isinstance(data, dict) or data.get("error_code") != "0":
        raise ValueError("reply")
    status = _status(data.get("TrangThaiHoSo"))
    return SubmitReceipt(
        dossier_code=_str(data, "MaHoSo"),
        client_id=uuid.UUID(_str(data, "MaHoSoKhac")),
        status=status,
        status_name=status.label,
        received_at=parse_time(data.get("NgayTiepNhan")),
        appointment_date=_appointment(data.get("NgayHenTra")),
        replayed=replayed,
    )


def read_record(data: object) -> DossierStatus:
    """A DossierStatus from one search record; ValueError if it does not follow the dialect."""
    if not isinstance(data, dict):
        raise ValueError("record")
    steps = data.get("QuaTrinhXuLy")
    if not isinstance(steps, list) or not steps:
        raise ValueError("QuaTrinhXuLy")
    history = []
    for step in steps:
        if not isinstance(step, dict) or not isinstance(step.get("NoiDungXuLy", ""), str):
            raise ValueError("QuaTrinhXuLy")
        history.append(
            HistoryEntry(
                _status(step.get("TrangThai")),
                parse_time(step.get("ThoiDiemXuLy")),
                step.get("NoiDungXuLy", ""),
            )
        )
    status = _status(data.get("TrangThaiHoSo"))
    return DossierStatus(
        dossier_code=_str(data, "MaHoSo"),
        client_id=uuid.UUID(_str(data, "MaHoSoKhac")),
        procedure_code=_str(data, "MaTTHC"),
        status=status,
        status_name=status.label,
        received_at=parse_time(data.get("NgayTiepNhan")),
        updated_at=max(entry.at for entry in history),
        appointment_date=_appointment(data.get("NgayHenTra")),
        history=tuple(history),
    )


def read_search(data: object) -> list[DossierStatus]:
    """The dossiers of a search reply (`{"content": [...]}`); ValueError if it is malformed."""
    if not isinstance(data, dict) or not isinstance(data.get("content"), list):
        raise ValueError("content")
    return [read_record(item) for item in data["content"]]


def read_fee(data: object) -> int:
    """The state fee in đồng from a fee reply: the sum of its DanhSachLePhi; ValueError if malformed."""
    if not isinstance(data, dict) or data.get("error_code") != "0":
        raise ValueError("reply")
    fees = data.get("DanhSachLePhi")
    if not isinstance(fees, list):
        raise ValueError("DanhSachLePhi")
    total = 0
    for item in fees:
        amount = item.get("Gia") if isinstance(item, dict) else None
        if not isinstance(amount, str) or not amount.isascii() or not amount.isdigit():
            raise ValueError("Gia")
        total += int(amount)
    return total


def fee_body(procedure_code: str, kenh: str, fee: int) -> dict[str, Any]:
    """The reply to `GET /pa/fee`: the fee as one DanhSachLePhi line, none when it is free."""
    return {
        "error_code": "0",
        "MaTTHC": procedure_code,
        "KenhThucHien": kenh,
        "DanhSachLePhi": [{"TenPhiLePhi": FEE_NAME, "Gia": str(fee)}] if fee else [],
    }


# ---------------------------------------------------------------------------------------------
# OpenAPI 3.1 of the dialect, served at GET /pa/openapi.json


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description of this dialect as the training portal serves it."""
    text = {"type": "string"}
    # yyyyMMddHHmmss with each part in its range (a 30 February still passes the pattern).
    moment = r"[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]"
    time = {"type": "string", "pattern": f"^{moment}$", "description": "yyyyMMddHHmmss, giờ Việt Nam"}
    time_or_empty = {"type": "string", "pattern": f"^({moment})?$"}
    status = {"type": "string", "enum": [str(s.value) for s in PortalStatus]}

    def json_body(schema: dict[str, Any]) -> dict[str, Any]:
        return {"application/json": {"schema": schema}}

    def errors(*codes: int) -> dict[str, Any]:
        return {str(c): {"description": "Error", "content": json_body(_ref("Error"))} for c in codes}

    dossier = {
        "type": "object",
        "required": ["MaHoSoKhac", "MaTTHC", "MaDonVi", "KenhThucHien", "ChuHoSo", "DinhDanhCHS", "UyQuyen"]
        + ["NgayNopHoSo"],
        "properties": {
            "MaHoSoKhac": {"type": "string", "format": "uuid", "description": "The kiosk's client id"},
            "MaTTHC": {"type": "string", "pattern": r"^[0-9]\.[0-9]{6}$"},
            "TenTTHC": text,
            "MaDonVi": {"type": "string", "pattern": r"^[A-Z0-9]{1,10}(\.[A-Z0-9]{1,10}){0,5}$"},
            "KenhThucHien": {"enum": list(CHANNEL_OF), "description": "1 trực tiếp, 2 trực tuyến, 3 BCCI"},
            "LoaiDoiTuong": {"const": CITIZEN},
            "ChuHoSo": {"type": "string", "minLength": 1, "maxLength": 200},
            "DinhDanhCHS": {
                "type": "array",
                "minItems": 1,
                "maxItems": 1,
                "items": {
                    "type": "object",
                    "required": ["LoaiDinhDanh", "SoDinhDanh"],
                    "properties": {
                        "LoaiDinhDanh": {"const": ID_12_DIGITS},
                        "SoDinhDanh": {"type": "string", "pattern": "^[0-9]{12}$"},
                    },
                },
            },
            "NgaySinhChuHoSo": text,
            "SoDienThoaiChuHoSo": text,
            "DiaChiChuHoSo": text,
            "UyQuyen": {"enum": ["0", "1"]},
            "NguoiUyQuyen": text,
            "SoGiayToNguoiUyQuyen": text,
            "NgaySinhNguoiUyQuyen": text,
            "SoDienThoaiNguoiUyQuyen": text,
            "DiaChiNguoiUyQuyen": text,
            "QuanHeVoiChuHoSo": text,
            "NguoiTiepNhan": text,
            "NgayNopHoSo": time,
            "DanhSachLePhi": {
                "type": "array",
                "maxItems": 1,
                "items": {
                    "type": "object",
                    "required": ["Gia"],
                    "properties": {
                        "TenPhiLePhi": text,
                        "Gia": {"type": "string", "pattern": "^[0-9]{1,12}$"},
                    },
                },
            },
            "eForm": {
                "type": "object",
                "required": ["data"],
                "additionalProperties": False,
                "properties": {"data": {"type": "object", "additionalProperties": text}},
            },
            "TaiLieuNop": {
                "type": "array",
                "maxItems": MAX_ATTACHMENTS,
                "items": {
                    "type": "object",
                    "required": ["TenTepDinhKem", "SoTrang", "NoiDungBase64"],
                    "properties": {
                        "TepDinhKemId": text,
                        "TenTepDinhKem": {"type": "string", "minLength": 1},
                        "MaThanhPhanHoSo": text,
                        "TenThanhPhanHoSo": text,
                        "DuocSoHoa": text,
                        "SoTrang": {"type": "integer", "minimum": 1},
                        "NoiDungBase64": {"type": "string", "contentEncoding": "base64"},
                    },
                },
            },
        },
    }
    receipt = {
        "type": "object",
        "required": [
            "error_code",
            "message",
            "MaHoSo",
            "MaHoSoKhac",
            "TrangThaiHoSo",
            "NgayTiepNhan",
            "NgayHenTra",
        ],
        "properties": {
            "error_code": {"const": "0"},
            "message": {"type": "string", "description": '"Hồ sơ đã tồn tại" on a resend (HTTP 200)'},
            "MaHoSo": text,
            "MaHoSoKhac": {"type": "string", "format": "uuid"},
            "TrangThaiHoSo": status,
            "NgayTiepNhan": time,
            "NgayHenTra": time_or_empty,
        },
    }
    record = {
        "type": "object",
        "required": ["MaHoSo", "MaHoSoKhac", "MaTTHC", "TrangThaiHoSo", "NgayTiepNhan", "NgayHenTra"]
        + ["QuaTrinhXuLy"],
        "properties": {
            "MaHoSo": text,
            "MaHoSoKhac": {"type": "string", "format": "uuid"},
            "MaTTHC": text,
            "TrangThaiHoSo": status,
            "NgayTiepNhan": time,
            "NgayHenTra": time_or_empty,
            "QuaTrinhXuLy": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["MaHoSo", "TrangThai", "ThoiDiemXuLy", "NoiDungXuLy"],
                    "properties": {
                        "MaHoSo": text,
                        "TrangThai": status,
                        "ThoiDiemXuLy": time,
                        "NoiDungXuLy": text,
                    },
                },
            },
        },
    }
    bearer = [{"bearer": []}]
    paths: dict[str, Any] = {
        TOKEN_PATH: {
            "post": {
                "summary": "OAuth2 client credentials (RFC 6749 §4.4): id and secret by HTTP Basic or form",
                "security": [],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "required": ["grant_type"],
                                "additionalProperties": False,
                                "properties": {
                                    "grant_type": {"const": "client_credentials"},
                                    "client_id": text,
                                    "client_secret": text,
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "A bearer token",
                        "content": json_body(
                            {
                                "type": "object",
                                "required": ["access_token", "token_type", "expires_in"],
                                "properties": {
                                    "access_token": text,
                                    "token_type": {"const": "Bearer"},
                                    "expires_in": {"type": "integer", "minimum": 1},
                                },
                            }
                        ),
                    },
                    **{
                        str(code): {"description": "OAuth2 error", "content": json_body(_ref("OAuthError"))}
                        for code in (400, 401, 411, 413)
                    },
                },
            }
        },
        SUBMIT_PATH: {
            "post": {
                "summary": "Nộp hồ sơ; a resend with the same MaHoSoKhac answers 200 with the first reply",
                "security": bearer,
                "parameters": [
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": False,
                        "description": "MaHoSoKhac again",
                        "schema": {"type": "string", "format": "uuid"},
                    }
                ],
                "requestBody": {"required": True, "content": json_body(dossier)},
                "responses": {
                    "201": {"description": "Stored", "content": json_body(receipt)},
                    "200": {
                        "description": "Đã tồn tại: the first reply again",
                        "content": json_body(receipt),
                    },
                    **errors(400, 401, 409, 411, 413, 415, 422),
                },
            }
        },
        SEARCH_PATH: {
            "get": {
                "summary": "Tra cứu hồ sơ by code (mã hồ sơ) or other-code (MaHoSoKhac): exactly one",
                "security": bearer,
                "parameters": [
                    {"name": "code", "in": "query", "required": False, "schema": text},
                    {"name": "other-code", "in": "query", "required": False, "schema": text},
                ],
                "responses": {
                    "200": {
                        "description": "The dossier, or none",
                        "content": json_body(
                            {
                                "type": "object",
                                "required": ["content", "totalElements"],
                                "properties": {
                                    "content": {"type": "array", "maxItems": 1, "items": record},
                                    "totalElements": {"type": "integer", "minimum": 0},
                                },
                            }
                        ),
                    },
                    **errors(400, 401),
                },
            }
        },
        FEE_PATH: {
            "get": {
                "summary": "Lệ phí of a procedure and channel, in đồng",
                "security": bearer,
                "parameters": [
                    {
                        "name": "MaTTHC",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string", "pattern": r"^[0-9]\.[0-9]{6}$"},
                    },
                    {
                        "name": "KenhThucHien",
                        "in": "query",
                        "required": False,
                        "schema": {"enum": list(CHANNEL_OF)},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "Known fee",
                        "content": json_body(
                            {
                                "type": "object",
                                "required": ["error_code", "MaTTHC", "KenhThucHien", "DanhSachLePhi"],
                                "properties": {
                                    "error_code": {"const": "0"},
                                    "MaTTHC": text,
                                    "KenhThucHien": text,
                                    "DanhSachLePhi": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["TenPhiLePhi", "Gia"],
                                            "properties": {"TenPhiLePhi": text, "Gia": text},
                                        },
                                    },
                                },
                            }
                        ),
                    },
                    **errors(400, 401, 404),
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "dvc-kiosk training portal, iGate dialect",
            "version": "1",
            "description": "A provincial one-stop system's shape with DVCQG field names "
            "(egov/portal/igate_contract.py).",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error_code", "message", "message_en"],
                    "properties": {
                        "error_code": {"enum": sorted(ALL_ERRORS)},
                        "message": {"type": "string", "description": "Vietnamese"},
                        "message_en": text,
                        "field": text,
                    },
                },
                "OAuthError": {
                    "type": "object",
                    "required": ["error", "error_description"],
                    "properties": {
                        "error": {"enum": ["invalid_request", "invalid_client", "unsupported_grant_type"]},
                        "error_description": text,
                    },
                },
            },
        },
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


__all__ = [
    "CHANNEL_OF",
    "FEE_PATH",
    "KENH_THUC_HIEN",
    "OPENAPI_PATH",
    "SEARCH_PATH",
    "SUBMIT_PATH",
    "TOKEN_PATH",
    "IgateError",
    "decode_dossier",
    "encode_dossier",
    "error_body",
    "fee_body",
    "format_time",
    "openapi_document",
    "parse_time",
    "read_fee",
    "read_receipt",
    "read_record",
    "read_search",
    "receipt_body",
    "record_body",
]
