"""The sender: one thread that empties the outbox into the portal, oldest dossier first.

It claims one due dossier at a time (a compare-and-set in the store, so other senders of the same
store never send it too), sends it through `Outbox.send` and goes on. When the portal is in trouble
(no network, timeouts, 429, 5xx) it stops sending altogether for a backoff that grows with each
failure in a row: during an outage one request per backoff goes out, not one per queued dossier.
The first answer after an outage makes every queued dossier due again, so the backlog drains at
once instead of each dossier waiting out its own backoff.

At start, and every quarter of the lease after, it puts back in the queue the dossiers left
`sending` by a sender that died (a crash, a power cut) or whose lease ran out. No Qt here: the
app starts it at start-up and stops it at exit; `wake()` is safe from any thread.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from datetime import timedelta

from egov.outbox import Outbox, sender_gone

log = logging.getLogger(__name__)

_IDLE_FLOOR = 0.05  # seconds: the shortest sleep when nothing could be claimed, against a busy loop


class Sender:
    """Owns one thread; `start()`, `wake()` and `stop(timeout)` are its whole interface.

    `lease` is how long a `sending` claim is honoured before another sender may take it back; it
    must outlast the longest send (connect and read timeouts plus the upload). `poll` is the
    longest sleep, so that dossiers queued by another process on a shared database are noticed.
    """

    def __init__(
        self,
        outbox: Outbox,
        *,
        lease: float = 300.0,
        poll: float = 10.0,
        rng: random.Random | None = None,
        name: str = "dvc-sender",
    ) -> None:
        self._outbox = outbox
        self._lease = lease
        self._poll = poll
        self._rng = rng or random.Random()
        self._name = name
        self._wakeup = threading.Event()
        self._stopping = threading.Event()
        self._portal_back = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("sender already started")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def wake(self, portal_up: bool = False) -> None:
        """Look at the queue now; `portal_up` says the portal just answered (the outage is over)."""
        if portal_up:
            self._portal_back.set()
        self._wakeup.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the thread to end and wait up to `timeout` s; False if it is still in a send.

        A send cannot be interrupted; the thread is a daemon, and a claim it leaves behind goes
        back to the queue at the next start.
        """
        self._stopping.set()
        self._wakeup.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- the loop, on the sender's thread --------------------------------------------------------

    def _run(self) -> None:
        store = self._outbox.store
        log.info("sender %s started", self._outbox.sender)
        streak = 0  # failures in a row that were the portal's or the network's
        paused_until = 0.0  # time.monotonic() before which nothing is sent
        next_recovery = 0.0
        while not self._stopping.is_set():
            self._wakeup.clear()
            try:
                now = time.monotonic()
                if now >= next_recovery:
                    store.requeue_sending(lease=timedelta(seconds=self._lease), gone=sender_gone)
                    next_recovery = now + self._lease / 4
                if self._portal_back.is_set():
                    self._portal_back.clear()
                    paused_until = 0.0
                    if streak:
                        streak = 0
                        store.make_due()
                if now < paused_until:
                    self._sleep(paused_until - now)
                    continue
                claim = store.claim_next(self._outbox.sender)
                if claim is None:
                    self._sleep(self._until_due())
                    continue
                attempt = self._outbox.send(claim)
                if attempt.retry_in is not None:
                    streak += 1
                    pause = self._outbox.backoff.delay(streak, self._rng, attempt.retry_after)
                    paused_until = time.monotonic() + pause
                    log.info("portal unavailable (%d in a row); sending paused for %.1f s", streak, pause)
                elif attempt.portal_up and streak:
                    log.info("portal answers again; every queued dossier is due")
                    streak = 0
                    store.make_due()
            except Exception:  # noqa: BLE001 - the loop must outlive a store or connector error
                log.exception("sender loop failed; trying again in %.0f s", self._poll)
                self._sleep(self._poll)
        log.info("sender %s stopped", self._outbox.sender)

    def _until_due(self) -> float:
        store = self._outbox.store
        due = store.next_due()
        if due is None:
            return self._poll
        return min(self._poll, max(_IDLE_FLOOR, (due - store.now()).total_seconds()))

    def _sleep(self, seconds: float) -> None:
        self._wakeup.wait(min(max(seconds, 0.0), self._poll))
