"""The dossier (hồ sơ): what is submitted to the portal for one procedure on a citizen's behalf.

The client id (a UUID made when the dossier is created) is the idempotency key: every retry of the
same dossier carries it, so the portal stores it once however often it is sent.
"""

from __future__ import annotations

import enum
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime


class Channel(enum.Enum):
    """How the dossier reaches the agency (KenhThucHien): at the desk, online, or by post."""

    DIRECT = "direct"
    ONLINE = "online"
    POSTAL = "postal"


@dataclass(slots=True)
class Person:
    """The applicant (chủ hồ sơ) or the authorised person (người được ủy quyền)."""

    full_name: str
    id_number: str
    date_of_birth: str = ""
    phone: str = ""
    address: str = ""
    relationship: str = ""  # of the authorised person to the applicant

    def to_json(self) -> dict[str, str]:
        return {
            "full_name": self.full_name,
            "id_number": self.id_number,
            "date_of_birth": self.date_of_birth,
            "phone": self.phone,
            "address": self.address,
            "relationship": self.relationship,
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Person:
        return cls(**{k: str(data.get(k, "")) for k in cls.__slots__})  # type: ignore[attr-defined]


@dataclass(slots=True)
class Attachment:
    """One required document (thành phần hồ sơ) as one PDF."""

    document_code: str
    document_name: str
    filename: str
    data: bytes
    pages: int
    media_type: str = "application/pdf"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class IdentitySource(enum.StrEnum):
    """How the applicant's identity was taken: read from the chip, or typed by the agent (who is
    then accountable for having seen the card; the intake slip and the report say which)."""

    CHIP = "chip"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One line of the Decision 45/2016 check at the desk: a required document (by its catalogue
    code) and how many originals and copies the citizen handed over."""

    document_code: str
    originals: int = 0
    copies: int = 0

    def to_json(self) -> dict[str, str | int]:
        return {"document_code": self.document_code, "originals": self.originals, "copies": self.copies}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ChecklistItem:
        return cls(str(data["document_code"]), int(str(data["originals"])), int(str(data["copies"])))


@dataclass(slots=True)
class Dossier:
    """Everything the portal receives for one procedure."""

    procedure_code: str
    procedure_name: str
    applicant: Person
    office_code: str
    channel: Channel = Channel.DIRECT
    form: dict[str, str] = field(default_factory=dict)
    attachments: list[Attachment] = field(default_factory=list)
    authorised: Person | None = None
    agent: str = ""  # the agent's or volunteer's user name; empty at a kiosk
    fee: int = 0  # state fee (lệ phí) in đồng, from the catalogue
    client_id: uuid.UUID = field(default_factory=uuid.uuid4)
    created_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    identity_source: IdentitySource | None = None  # None: not recorded (kiosk dossiers before 0006)
    checklist: tuple[ChecklistItem, ...] = ()  # the desk's document check; empty at a kiosk

    def to_json(self) -> dict:
        """The body of the portal contract's submit call, attachments left out (sent as parts)."""
        return {
            "client_id": str(self.client_id),
            "procedure_code": self.procedure_code,
            "office_code": self.office_code,
            "channel": self.channel.value,
            "applicant": self.applicant.to_json(),
            "authorised": self.authorised.to_json() if self.authorised else None,
            "agent": self.agent,
            "form": dict(self.form),
            "fee": self.fee,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "attachments": [
                {
                    "document_code": a.document_code,
                    "name": a.document_name,
                    "filename": a.filename,
                    "media_type": a.media_type,
                    "pages": a.pages,
                    "size": len(a.data),
                    "sha256": a.sha256,
                }
                for a in self.attachments
            ],
        }
