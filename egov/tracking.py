"""Where is my dossier: the portal's status of accepted dossiers, kept fresh, and the look-up.

Two parts, no Qt:

- `StatusPoller`, one thread that asks the portal about accepted dossiers whose status is still
  open, a few at a time, each no more often than every `interval`, and keeps the answer in the
  store (audited when it changes). The kiosk then answers "where is my dossier" from the store
  even while the network is down, and the agent's list shows which ones are late.
- `look_up`, what the kiosk's look-up page and `dvc-kiosk status` call: by the receipt's QR
  (holding the receipt is the proof) or by the code and the last four digits of the applicant's
  ID number; it asks the portal once for the newest status and falls back on the stored one.

A look-up never shows personal data: the procedure, the status, the dates and a plain sentence
on what to do next. The masked name (as on the receipt) only when the digits were checked.
"""

from __future__ import annotations

import enum
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from egov.outbox import local_reference
from egov.portal.client import PortalFailure
from egov.portal.contract import DOSSIER_CODE_RE, DossierStatus, PortalStatus
from egov.receipt import mask_name
from egov.store import DossierNotFound, DossierState, DossierSummary, Store
from egov.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# After these the portal changes nothing more: no need to keep asking.
CLOSED = (PortalStatus.REFUSED, PortalStatus.WITHDRAWN, PortalStatus.RETURNED)
DEFAULT_INTERVAL = timedelta(hours=1)


class PortalUnreachable(DossierNotFound):
    """A receipt's code this office does not hold, and the portal (which may) did not answer:
    not "no such dossier" but "try again later" (OFFLINE_NOT_FOUND_TEXT)."""


class StatusPort(Protocol):
    def status(self, code: str) -> DossierStatus | PortalFailure: ...


class Found(enum.StrEnum):
    """How sure the look-up is of what it shows."""

    FRESH = "fresh"  # the portal just answered
    STORED = "stored"  # the portal did not answer: the last status the kiosk heard
    LOCAL = "local"  # not at the portal yet (queued, or needs a person)


@dataclass(frozen=True, slots=True)
class StatusView:
    """What the citizen (or the agent) is shown of one dossier. No personal data but the masked
    name, which is empty unless the ID number's digits were checked."""

    code: str  # the portal's dossier code, or the local reference while not yet sent
    procedure_name: str
    state: DossierState | None  # None: not a dossier of this kiosk or office
    status: PortalStatus | None
    status_label: str
    status_at: datetime | None
    appointment: date | None
    late: bool
    message: str  # plain Vietnamese: where it is and what to do
    found: Found
    masked_name: str = ""


NOT_FOUND_TEXT = QT_TRANSLATE_NOOP(
    "Tracking",
    "Không tìm thấy hồ sơ với mã và số cuối giấy tờ này. Hãy kiểm tra lại mã trên phiếu hẹn "
    "và 4 số cuối của số định danh cá nhân.",
)
OFFLINE_NOT_FOUND_TEXT = QT_TRANSLATE_NOOP(
    "Tracking",
    "Chưa kết nối được cổng dịch vụ công để tra cứu hồ sơ này. Hãy thử lại sau ít phút "
    "hoặc hỏi cán bộ tại quầy.",
)
_LOCAL_TEXT = {
    DossierState.QUEUED: QT_TRANSLATE_NOOP(
        "Tracking", "Hồ sơ đã được ghi nhận tại đây và sẽ tự gửi đến cơ quan giải quyết khi có mạng."
    ),
    DossierState.SENDING: QT_TRANSLATE_NOOP("Tracking", "Hồ sơ đang được gửi đến cơ quan giải quyết."),
    DossierState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP(
        "Tracking", "Hồ sơ cần cán bộ kiểm tra trước khi gửi. Hãy hỏi cán bộ tại quầy tiếp nhận."
    ),
    DossierState.REJECTED: QT_TRANSLATE_NOOP(
        "Tracking", "Cổng dịch vụ công không nhận hồ sơ này. Hãy hỏi cán bộ tại quầy tiếp nhận."
    ),
}
_STATUS_TEXT = {
    PortalStatus.NEW: QT_TRANSLATE_NOOP("Tracking", "Hồ sơ đã đến cơ quan và đang chờ tiếp nhận."),
    PortalStatus.ACCEPTED: QT_TRANSLATE_NOOP("Tracking", "Cơ quan đã tiếp nhận hồ sơ."),
    PortalStatus.REFUSED: QT_TRANSLATE_NOOP(
        "Tracking", "Cơ quan không tiếp nhận hồ sơ. Hãy hỏi cán bộ tại quầy để biết lý do."
    ),
    PortalStatus.PROCESSING: QT_TRANSLATE_NOOP("Tracking", "Hồ sơ đang được giải quyết."),
    PortalStatus.SUPPLEMENT: QT_TRANSLATE_NOOP(
        "Tracking", "Cơ quan cần bạn bổ sung giấy tờ. Hãy đến quầy tiếp nhận hoặc gọi nhân viên hỗ trợ."
    ),
    PortalStatus.PAYMENT: QT_TRANSLATE_NOOP(
        "Tracking", "Cần nộp phí, lệ phí trước khi nhận kết quả. Hãy hỏi cán bộ tại quầy."
    ),
    PortalStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Tracking", "Hồ sơ đã được rút theo yêu cầu."),
    PortalStatus.SUSPENDED: QT_TRANSLATE_NOOP(
        "Tracking", "Cơ quan đã dừng giải quyết hồ sơ. Hãy hỏi cán bộ tại quầy để biết lý do."
    ),
    PortalStatus.DONE: QT_TRANSLATE_NOOP(
        "Tracking", "Đã có kết quả. Bạn mang phiếu hẹn và giấy tờ tùy thân đến nhận kết quả."
    ),
    PortalStatus.RETURNED: QT_TRANSLATE_NOOP("Tracking", "Đã trả kết quả."),
}
# A dossier's state in a word or two, beside the portal's status label (which only accepted ones have).
STATE_LABELS = {
    DossierState.QUEUED: QT_TRANSLATE_NOOP("Tracking", "Chờ gửi"),
    DossierState.SENDING: QT_TRANSLATE_NOOP("Tracking", "Đang gửi"),
    DossierState.ACCEPTED: QT_TRANSLATE_NOOP("Tracking", "Đã gửi đến cơ quan"),
    DossierState.REJECTED: QT_TRANSLATE_NOOP("Tracking", "Cổng không nhận"),
    DossierState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP("Tracking", "Cần xử lý"),
}
LATE_TEXT = QT_TRANSLATE_NOOP(
    "Tracking", "Hồ sơ đã quá ngày hẹn trả kết quả. Hãy hỏi cán bộ tại quầy tiếp nhận."
)
ACCEPTED_UNKNOWN_TEXT = QT_TRANSLATE_NOOP(
    "Tracking", "Hồ sơ đã được gửi đến cơ quan giải quyết; chưa có thông tin mới."
)


def is_late(appointment: date | None, status: PortalStatus | None, today: date) -> bool:
    """Past the appointment date and not closed: the citizen is waiting on the agency."""
    return appointment is not None and appointment < today and status not in CLOSED


def _view_of(summary: DossierSummary, today: date, found: Found, masked: bool) -> StatusView:
    status = PortalStatus(summary.portal_status) if summary.portal_status else None
    late = summary.state is DossierState.ACCEPTED and is_late(summary.appointment, status, today)
    if summary.state is not DossierState.ACCEPTED:
        message = _LOCAL_TEXT[summary.state]
    elif late:
        message = LATE_TEXT
    elif status is not None:
        message = _STATUS_TEXT[status]
    else:
        message = ACCEPTED_UNKNOWN_TEXT
    code = summary.dossier_code or local_reference(summary.client_id)
    return StatusView(
        code=code,
        procedure_name=summary.procedure_name,
        state=summary.state,
        status=status,
        status_label=status.label if status else "",
        status_at=summary.portal_status_at,
        appointment=summary.appointment,
        late=late,
        message=message,
        found=found if summary.state is DossierState.ACCEPTED else Found.LOCAL,
        masked_name=mask_name(summary.applicant_name) if masked and summary.applicant_name else "",
    )


def _portal_only_view(status: DossierStatus, today: date) -> StatusView:
    """A dossier this office does not hold (sent from elsewhere): what the portal says, no more."""
    late = is_late(status.appointment_date, status.status, today)
    return StatusView(
        code=status.dossier_code,
        procedure_name="",
        state=None,
        status=status.status,
        status_label=status.status.label,
        status_at=status.updated_at,
        appointment=status.appointment_date,
        late=late,
        message=LATE_TEXT if late else _STATUS_TEXT[status.status],
        found=Found.FRESH,
    )


def refresh(store: Store, portal: StatusPort, client_id: uuid.UUID, code: str) -> bool | None:
    """Ask the portal about one accepted dossier and keep the answer; True if it changed, None
    if the portal did not answer (the ask is recorded, so the poller waits its turn)."""
    reply = portal.status(code)
    if isinstance(reply, PortalFailure):
        log.info("status of %s not refreshed: %s", code, reply.kind.value)
        store.record_status(client_id, status=None)
        return None
    return store.record_status(
        client_id,
        status=int(reply.status),
        changed_at=reply.updated_at,
        appointment=reply.appointment_date,
    )


def look_up(
    store: Store,
    portal: StatusPort | None,
    code: str,
    last_digits: str | None = None,
    *,
    today: date,
) -> StatusView:
    """The dossier behind `code` (a dossier code or a local reference). With `last_digits` the
    applicant's ID number must end in them (a code typed at the kiosk); without, the code came
    from the receipt's QR, which only its holder has. Raises DossierNotFound when there is no
    such dossier, here or (for a code scanned from a receipt) at the portal."""
    text = code.strip().upper()
    try:
        summary = store.look_up(text, last_digits) if last_digits is not None else store.find_dossier(text)
    except DossierNotFound:
        if last_digits is not None or portal is None or not DOSSIER_CODE_RE.fullmatch(text):
            raise
        # A receipt of another kiosk of the province: the portal knows it, this store does not.
        reply = portal.status(text)
        if isinstance(reply, PortalFailure):
            raise PortalUnreachable(f"dossier {text}: not here, portal {reply.kind.value}") from None
        return _portal_only_view(reply, today)
    found = Found.STORED
    if summary.state is DossierState.ACCEPTED and summary.dossier_code and portal is not None:
        if refresh(store, portal, summary.client_id, summary.dossier_code) is not None:
            found = Found.FRESH
        summary = store.find_dossier(summary.dossier_code)
    return _view_of(summary, today, found, masked=last_digits is not None)


def poll_once(store: Store, portal: StatusPort, *, interval: timedelta, limit: int = 20) -> tuple[int, int]:
    """One round: ask about up to `limit` dossiers due for it; (asked, changed). Stops the round
    at the first failure: when the portal is down, one request per round is enough to know."""
    asked = changed = 0
    for client_id, code in store.to_track(older_than=interval, closed=[int(s) for s in CLOSED], limit=limit):
        result = refresh(store, portal, client_id, code)
        asked += 1
        if result is None:
            break
        changed += bool(result)
    return asked, changed


class StatusPoller:
    """Owns one thread that runs `poll_once` every `every` seconds until stopped."""

    def __init__(
        self,
        store: Store,
        portal: StatusPort,
        *,
        interval: timedelta = DEFAULT_INTERVAL,
        every: float = 60.0,
        on_change: Callable[[], None] | None = None,
        name: str = "dvc-status",
    ) -> None:
        self._store = store
        self._portal = portal
        self._interval = interval
        self._every = every
        self._on_change = on_change
        self._name = name
        self._stopping = threading.Event()
        self._wakeup = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("status poller already started")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wakeup.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """End the thread; False if it is still inside a portal call after `timeout` s (the
        call has its own timeout; the thread is a daemon)."""
        self._stopping.set()
        self._wakeup.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                _, changed = poll_once(self._store, self._portal, interval=self._interval)
                if changed and self._on_change is not None:
                    self._on_change()
            except Exception:  # noqa: BLE001 - a store hiccup must not end tracking for the day
                log.exception("status poll round failed")
            self._wakeup.wait(self._every)
            self._wakeup.clear()
