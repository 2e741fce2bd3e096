"""The retention clock: personal data of accepted dossiers purged once `[retention]` days have passed.

`Purger` owns one thread that calls `Store.purge_expired` at start-up and then once a day, so a
kiosk left running for weeks keeps to the limit as well as one switched on each morning. Several
desks on one PostgreSQL store may all run it: purging an already purged dossier does nothing.
What a purge keeps and drops is the store's business (README, "Dữ liệu cá nhân"). The log holds
counts only, never a code or a name. No Qt here: the apps start it and stop it with the services.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from egov.feedback import purge_read_suggestions
from egov.store import Store

log = logging.getLogger(__name__)

DAY_SECONDS = 86_400.0


def purge_once(store: Store, after: timedelta) -> int:
    """Purge what is due now (dossiers, and suggestions read that long ago); the number of dossiers
    purged."""
    purged = len(store.purge_expired(after=after))
    suggestions = purge_read_suggestions(store, after=after)
    log.info("retention: %d dossier(s), %d suggestion(s) purged of personal data", purged, suggestions)
    return purged


class Purger:
    """`start()` and `stop(timeout)`; the first purge runs as soon as the thread starts."""

    def __init__(
        self, store: Store, after: timedelta, *, every: float = DAY_SECONDS, name: str = "dvc-retention"
    ) -> None:
        self._store = store
        self._after = after
        self._every = every
        self._name = name
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.rounds = 0  # purge rounds finished, failed or not

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("purger already started")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """End the thread; False if a purge is still running after `timeout` s."""
        self._stopping.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                purge_once(self._store, self._after)
            except Exception as exc:  # noqa: BLE001 - a store hiccup today must not end tomorrow's purge
                # The class only: a store error can quote a dossier's client id.
                log.error("retention purge failed: %s", exc.__class__.__name__)
            self.rounds += 1
            self._stopping.wait(self._every)
