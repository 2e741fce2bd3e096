"""Waiting on the Qt event loop from Python (staging, tests, shutdown), without leaking.

PySide6 6.12.0's static `QCoreApplication.processEvents()`, `QCoreApplication.sendPostedEvents()`
and `QTest.qWait()` each release one reference to None too many per call (measured: -1000 after
1000 calls). Python 3.11 does not make None immortal, so a long wait drains it and the interpreter
aborts with "none_dealloc". The method of a `QEventLoop` instance does not leak; every wait in this
project goes through here. The running app is not affected: it spins in `exec()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop

_loop: QEventLoop | None = None


def pump(max_ms: int = 20) -> None:
    """Process pending events for up to `max_ms` milliseconds."""
    global _loop
    if _loop is None:
        _loop = QEventLoop()
    _loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, max_ms)


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Keep the event loop turning until `condition()` holds; TimeoutError after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the user interface did not reach the expected state")
        pump()
        # Let go of the GIL between looks. pump() returns at once when no event is pending, so
        # without this the loop spins; with a costly condition (a test walking the whole QML
        # tree) a worker thread got the GIL back only at each switch interval after every
        # SQLite call or file read, and the agent's reprint took 20-30 s instead of under one.
        time.sleep(0.005)
