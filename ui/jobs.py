"""The one way work leaves the GUI thread and comes back.

Each device class gets its own single worker thread (PC/SC and cameras are not thread-safe;
Electrum's `hwd_comms_thread`; the printer has a thread of its own in ui.printer_model, which also
polls it), the portal and the store share a "network" worker.
A job's result or exception is delivered to the GUI thread by a queued signal; nothing that runs in
a worker touches a QObject of the UI (Picard's `run_task`/`to_main`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Jobs(QObject):
    """Create on the GUI thread; `run` may be called from it only."""

    # Only the job id crosses threads. PySide6 6.12 mis-counts references of Python objects carried
    # by a queued `object` signal (seen as "none_dealloc" crashes), so results wait in a dict.
    _finished = Signal(int)

    # "render": drawings rasterised for the printer (ui.guide_model), kept off the devices' lanes.
    LANES = ("camera", "network", "card", "render")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes = {
            lane: ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"dvc-{lane}") for lane in self.LANES
        }
        self._callbacks: dict[int, tuple[Done, Failed | None]] = {}
        self._results: dict[int, tuple[Any, BaseException | None]] = {}
        self._results_lock = threading.Lock()
        self._next_id = 0
        # The receiver (self) lives on the GUI thread, so a signal emitted from a worker is queued.
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> int:
        return len(self._callbacks)

    def run(self, lane: str, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        self._next_id += 1
        job_id = self._next_id
        self._callbacks[job_id] = (done, failed)

        def call() -> None:
            try:
                outcome: tuple[Any, BaseException | None] = (work(), None)
            except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI as a value
                outcome = (None, exc)
            with self._results_lock:
                self._results[job_id] = outcome
            self._finished.emit(job_id)

        self._lanes[lane].submit(call)

    @Slot(int)
    def _deliver(self, job_id: int) -> None:
        with self._results_lock:
            result, exc = self._results.pop(job_id)
        done, failed = self._callbacks.pop(job_id)
        if exc is None:
            done(result)
        elif failed is not None:
            failed(exc)
        else:
            log.error("background job failed", exc_info=exc)

    def shutdown(self) -> None:
        for executor in self._lanes.values():
            executor.shutdown(wait=True, cancel_futures=True)
