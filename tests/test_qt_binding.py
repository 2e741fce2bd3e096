"""The Qt binding itself: a kiosk makes millions of calls into Qt over its months on a wall.

PySide6 6.12.0 dropped one reference to None on each Python call of a C++ method returning void;
Python 3.11's None is not immortal, so after a few thousand such calls (one per touch: the idle
watcher restarts its timer) the interpreter aborted with "none_dealloc". pyproject.toml excludes
that release; this test catches any binding that brings the leak back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer


def test_calls_of_void_qt_methods_keep_none_alive(qapp) -> None:
    timer, thing = QTimer(), QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        timer.start(1000)
        timer.stop()
        thing.setObjectName("x")
    lost = before - sys.getrefcount(None)
    # Other threads may hold or drop a few Nones meanwhile; the bug lost 3000 here.
    assert lost < 100, f"None lost {lost} references in 3000 calls: this PySide6 leaks (see pyproject.toml)"
