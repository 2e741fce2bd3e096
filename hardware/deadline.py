"""Calls into device libraries that may never return, given a deadline.

cv2.VideoCapture.open/read and PC/SC context set-up can block forever on a wedged device or a
dead daemon, and not every backend honours its own timeout settings. The call runs on a daemon
thread; after the deadline the caller moves on and the thread is left to finish, or not.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")


class DeadlineExceeded(Exception):
    """The call did not return in time; it may still be running on its abandoned thread."""


def call_with_deadline(
    call: Callable[[], _T],
    timeout: float,
    name: str,
    started: Callable[[threading.Thread], None] | None = None,
) -> _T:
    """`call()` on a daemon thread named `name`; its result, its exception, or DeadlineExceeded."""
    result: list[_T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:  # handed back to the caller below
            failure.append(exc)

    worker = threading.Thread(target=run, name=name, daemon=True)
    worker.start()
    if started is not None:
        started(worker)
    worker.join(timeout)
    if worker.is_alive():
        raise DeadlineExceeded(f"{name} took longer than {timeout:g} s")
    if failure:
        raise failure[0]
    return result[0]
