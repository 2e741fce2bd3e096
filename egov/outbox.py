"""Submission that never loses a dossier: write it to the store, then deliver it to the portal.

The dossier is committed (encrypted) before the first byte leaves; delivery carries the client id
as the idempotency key, so sending again after a lost reply or a crash cannot make a second dossier.
What could not be sent stays queued and is sent again at the next start or by a later sender.
The full sender worker with backoff comes with the outbox issue; this is its core.
"""

from __future__ import annotations

import enum
import logging
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from egov.dossier import Dossier
from egov.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class Delivery(enum.StrEnum):
    ACCEPTED = "accepted"
    QUEUED = "queued"
    NEEDS_ATTENTION = "needs_attention"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the citizen is told after "Nộp hồ sơ"."""

    client_id: uuid.UUID
    delivery: Delivery
    dossier_code: str | None
    appointment: date | None
    message: str  # plain Vietnamese, for the screen

    @property
    def local_reference(self) -> str:
        """A short reference printed on a receipt for a dossier not yet accepted by the portal."""
        return local_reference(self.client_id)


def local_reference(client_id: uuid.UUID) -> str:
    return "TN-" + client_id.hex[:8].upper()


class PortalPort(Protocol):
    def submit(self, dossier: Dossier) -> Any: ...


class StorePort(Protocol):
    def save_dossier(self, d: Dossier, procedure_name: str, state: str = "queued") -> None: ...
    def load_dossier(self, client_id: uuid.UUID) -> Dossier: ...
    def set_state(
        self,
        client_id: uuid.UUID,
        state: str,
        *,
        actor: str,
        dossier_code: str | None = None,
        reason: str = "",
    ) -> None: ...
    def pending(self) -> list[uuid.UUID]: ...


ACCEPTED_TEXT = QT_TRANSLATE_NOOP("Outbox", "Hồ sơ đã được gửi đến cơ quan giải quyết.")
QUEUED_TEXT = QT_TRANSLATE_NOOP(
    "Outbox", "Đã ghi nhận hồ sơ. Hiện chưa kết nối được cổng dịch vụ công; hồ sơ sẽ tự gửi khi có mạng."
)
ATTENTION_TEXT = QT_TRANSLATE_NOOP(
    "Outbox", "Cổng dịch vụ công chưa nhận hồ sơ này. Cán bộ sẽ kiểm tra và liên hệ lại với bạn."
)


class Outbox:
    """Saves then delivers; `deliver` may be called again at any time for the same dossier."""

    def __init__(self, store: StorePort, portal: PortalPort, actor: str) -> None:
        self._store = store
        self._portal = portal
        self._actor = actor

    def submit(self, dossier: Dossier, procedure_name: str) -> Outcome:
        self._store.save_dossier(dossier, procedure_name, state="queued")
        return self.deliver(dossier.client_id, dossier)

    def deliver(self, client_id: uuid.UUID, dossier: Dossier | None = None) -> Outcome:
        dossier = dossier or self._store.load_dossier(client_id)
        self._store.set_state(client_id, "sending", actor=self._actor)
        reply = self._portal.submit(dossier)
        code = getattr(reply, "dossier_code", None)
        if code:
            self._store.set_state(client_id, "accepted", actor=self._actor, dossier_code=code)
            log.info("dossier %s accepted as %s", client_id, code)
            return Outcome(
                client_id, Delivery.ACCEPTED, code, getattr(reply, "appointment_date", None), ACCEPTED_TEXT
            )
        retryable = bool(getattr(reply, "retryable", True))
        kind = getattr(getattr(reply, "kind", None), "name", "unknown")
        if retryable:
            self._store.set_state(client_id, "queued", actor=self._actor, reason=kind)
            log.warning("dossier %s queued again: %s", client_id, kind)
            return Outcome(client_id, Delivery.QUEUED, None, None, QUEUED_TEXT)
        # The portal's machine code only: its free text may quote what the citizen typed.
        code = str(getattr(reply, "error", "") or getattr(reply, "http_status", ""))[:80]
        self._store.set_state(client_id, "needs_attention", actor=self._actor, reason=f"{kind}: {code}")
        log.warning("dossier %s refused by the portal: %s", client_id, kind)
        return Outcome(client_id, Delivery.NEEDS_ATTENTION, None, None, ATTENTION_TEXT)

    def resend_pending(self) -> list[Outcome]:
        """Deliver what a crash or an outage left behind, oldest first."""
        return [self.deliver(client_id) for client_id in self._store.pending()]
