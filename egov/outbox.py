"""Submission that never loses or doubles a dossier: the outbox's rules for saving and sending one.

A dossier is committed to the store (personal fields and attachments sealed) before the first byte
leaves, and every send carries its client id as the idempotency key, so sending again after a lost
reply, a timeout or a crash gets the portal's first reply back instead of a second dossier.

`Outbox.submit` saves the dossier already claimed and tries once while the citizen waits. What could
not be sent stays queued with the time of its next attempt (in the store, so a restart keeps it);
`egov.sender.Sender` sends it then, oldest first. Network errors, timeouts, 429 and 5xx are tried
again after an exponential backoff with full jitter, or after the portal's Retry-After if longer.
Any other refusal (4xx) is never resent as it is: the dossier needs a person ("cần xử lý"), with the
portal's machine reason code and never its free text, which can quote what the citizen typed.

Several senders may share one store (threads, or processes on one PostgreSQL): a dossier is sent
only by the sender whose claim moved it to `sending` (see `Store.claim_next`), and a claim left by
a sender that died goes back to the queue (`Store.requeue_sending`, with `sender_gone`).
"""

from __future__ import annotations

import enum
import itertools
import logging
import os
import random
import re
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from egov.dossier import Dossier
from egov.portal.client import PortalFailure
from egov.portal.contract import SubmitReceipt
from egov.store import Claim, DossierState, Store, StoreError
from egov.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# A Retry-After is honoured up to this; a portal asking for more is treated as asking for an hour,
# so that a wrong header cannot park a citizen's dossier for days without anyone noticing.
RETRY_AFTER_MAX_SECONDS = 3600.0


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
    """ "TN-" and the first eight hex digits of the client id; `Store.find_dossier` resolves it to
    the dossier, and so to the portal's dossier code once accepted."""
    return "TN-" + client_id.hex[:8].upper()


class PortalPort(Protocol):
    """What the outbox needs of a portal connector: one idempotent submit that never raises for
    network or portal trouble."""

    def submit(self, dossier: Dossier) -> SubmitReceipt | PortalFailure: ...


ACCEPTED_TEXT = QT_TRANSLATE_NOOP("Outbox", "Hồ sơ đã được gửi đến cơ quan giải quyết.")
QUEUED_TEXT = QT_TRANSLATE_NOOP(
    "Outbox", "Đã ghi nhận hồ sơ. Hiện chưa kết nối được cổng dịch vụ công; hồ sơ sẽ tự gửi khi có mạng."
)
ATTENTION_TEXT = QT_TRANSLATE_NOOP(
    "Outbox", "Cổng dịch vụ công chưa nhận hồ sơ này. Cán bộ sẽ kiểm tra và liên hệ lại với bạn."
)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with full jitter: the n-th wait is uniform in [0, min(cap, base·2ⁿ⁻¹)].

    Full jitter spreads the kiosks of a province that lost the portal together, so that they do
    not all come back in the same second when it returns.
    """

    base: float = 2.0
    cap: float = 300.0

    def delay(self, attempt: int, rng: random.Random, retry_after: float | None = None) -> float:
        """Seconds to wait after failed attempt number `attempt` (1 for the first)."""
        ceiling = min(self.cap, self.base * 2.0 ** min(max(attempt, 1) - 1, 60))
        wait = rng.uniform(0.0, ceiling)
        if retry_after is not None:
            wait = max(wait, min(retry_after, RETRY_AFTER_MAX_SECONDS))
        return wait


@dataclass(frozen=True, slots=True)
class Attempt:
    """The result of one send, for the sender's own pacing."""

    outcome: Outcome
    retry_in: float | None = None  # seconds to the next try, when the failure is worth retrying
    retry_after: float | None = None  # what the portal asked for (429, 503), if it did
    portal_up: bool = False  # the portal answered: accepted, or refused for good


# -- who holds a claim --------------------------------------------------------------------------


def _first_line(path: str) -> str:
    try:
        return Path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def _clean(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


# This machine (host name and systemd machine id, since two kiosks may share a host name) and this
# boot: a claim made on this machine in an earlier boot belongs to a process that is surely gone.
_MACHINE = _clean(f"{socket.gethostname()[:24]}.{_first_line('/etc/machine-id')[:8]}")
_BOOT = _clean(_first_line("/proc/sys/kernel/random/boot_id")[:8])
_SENDERS = itertools.count(1)


def new_sender_id() -> str:
    """A name for one sender, unique among the processes sharing a store: machine/boot/pid/n."""
    return f"{_MACHINE}/{_BOOT}/{os.getpid()}/{next(_SENDERS)}"[:64]


def sender_gone(sender: str) -> bool:
    """Whether the process that holds a claim is known to be dead. Only a claim made on this
    machine can be judged; the others wait for their lease to run out."""
    parts = sender.split("/")
    if len(parts) != 4 or parts[0] != _MACHINE or not parts[2].isdigit():
        return False
    if parts[1] != _BOOT:
        return True
    pid = int(parts[2])
    if pid == os.getpid():
        return False  # another sender of this process: alive as long as we are
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, under another user
    # A killed child its parent has not reaped yet still answers kill(0), as a zombie.
    stat = _first_line(f"/proc/{pid}/stat")
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def failure_code(failure: PortalFailure) -> str:
    """The machine reason of a failure ("rejected:invalid_field", "server:503", "timeout"): what
    the store and the agent see; the portal's sentence stays out, it can quote personal data."""
    detail = failure.error or (str(failure.http_status) if failure.http_status is not None else "")
    return f"{failure.kind.value}:{detail}" if detail else failure.kind.value


class Outbox:
    """Saves, then sends; each send is recorded in the store under the sender's claim."""

    def __init__(
        self,
        store: Store,
        portal: PortalPort,
        actor: str,
        *,
        backoff: Backoff | None = None,
        sender: str | None = None,
        wake: Callable[[bool], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self.backoff = backoff or Backoff()
        self.sender = sender or new_sender_id()
        self._portal = portal
        self._actor = actor
        self._wake = wake
        self._rng = rng or random.Random()

    def submit(self, dossier: Dossier, procedure_name: str) -> Outcome:
        """Commit the dossier, then try to send it once; a failure leaves it to the sender."""
        self.store.save_dossier(dossier, procedure_name, claimed_by=self.sender)
        attempt = self.send(Claim(dossier.client_id, 1, self.sender), dossier)
        if self._wake is not None:
            self._wake(attempt.portal_up)
        return attempt.outcome

    def send(self, claim: Claim, dossier: Dossier | None = None) -> Attempt:
        """Send a claimed dossier once and record what happened; never raises for portal trouble."""
        cid = claim.client_id
        if dossier is None:
            try:
                dossier = self.store.load_dossier(cid)
            except StoreError as exc:
                # Tampered, sealed with another key, or purged: it cannot go out as it was saved.
                log.error("dossier %s cannot be read back to send (%s)", cid, type(exc).__name__)
                self._finish(claim, DossierState.NEEDS_ATTENTION, reason="store:unreadable")
                return Attempt(Outcome(cid, Delivery.NEEDS_ATTENTION, None, None, ATTENTION_TEXT))
        try:
            reply = self._portal.submit(dossier)
        except Exception as exc:  # noqa: BLE001 - a connector's bug must not lose the claim
            log.error("portal connector failed on dossier %s (%s)", cid, type(exc).__name__)
            return self._again(claim, f"error:{type(exc).__name__}", None)
        if isinstance(reply, SubmitReceipt):
            self._finish(claim, DossierState.ACCEPTED, dossier_code=reply.dossier_code)
            log.info("dossier %s accepted as %s (attempt %d)", cid, reply.dossier_code, claim.attempts)
            outcome = Outcome(
                cid, Delivery.ACCEPTED, reply.dossier_code, reply.appointment_date, ACCEPTED_TEXT
            )
            return Attempt(outcome, portal_up=True)
        reason = failure_code(reply)
        if reply.retryable:
            return self._again(claim, reason, reply.retry_after)
        self._finish(claim, DossierState.NEEDS_ATTENTION, reason=reason)
        log.warning("dossier %s refused by the portal (%s): needs attention", cid, reason)
        outcome = Outcome(cid, Delivery.NEEDS_ATTENTION, None, None, ATTENTION_TEXT)
        return Attempt(outcome, portal_up=reply.http_status is not None)

    def retry(self, client_id: uuid.UUID) -> None:
        """A person has looked at a dossier that needed attention: send it again, as new."""
        self._expect(client_id, DossierState.NEEDS_ATTENTION)
        self.store.set_state(client_id, DossierState.QUEUED, actor=self._actor, reason="retry_by_staff")
        if self._wake is not None:
            self._wake(False)

    def reject(self, client_id: uuid.UUID, reason: str) -> None:
        """A person has decided a dossier that needed attention will not be sent (final)."""
        self._expect(client_id, DossierState.NEEDS_ATTENTION)
        self.store.set_state(client_id, DossierState.REJECTED, actor=self._actor, reason=reason[:120])

    def _expect(self, client_id: uuid.UUID, state: DossierState) -> None:
        found = self.store.outbox_entry(client_id).state
        if found is not state:
            raise StoreError(f"dossier {client_id}: {found.value}, not {state.value}")

    def _again(self, claim: Claim, reason: str, retry_after: float | None) -> Attempt:
        delay = self.backoff.delay(claim.attempts, self._rng, retry_after)
        next_at = self.store.now() + timedelta(seconds=delay)
        self._finish(claim, DossierState.QUEUED, reason=reason, next_attempt_at=next_at)
        log.info(
            "dossier %s not sent (%s, attempt %d); next try in %.1f s",
            claim.client_id,
            reason,
            claim.attempts,
            delay,
        )
        outcome = Outcome(claim.client_id, Delivery.QUEUED, None, None, QUEUED_TEXT)
        return Attempt(outcome, retry_in=delay, retry_after=retry_after)

    def _finish(
        self,
        claim: Claim,
        state: DossierState,
        *,
        dossier_code: str | None = None,
        reason: str = "",
        next_attempt_at: datetime | None = None,
    ) -> None:
        recorded = self.store.finish(
            claim,
            state,
            actor=self._actor,
            dossier_code=dossier_code,
            reason=reason,
            next_attempt_at=next_attempt_at,
        )
        if not recorded:
            # Our lease ran out and another sender has it now; it will record its own outcome.
            log.warning("dossier %s: claim of %s lost before it ended", claim.client_id, claim.sender)
