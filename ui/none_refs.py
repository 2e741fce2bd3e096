"""Painting from Python without draining None: PySide6 6.12.0 drops one reference to None too many
on each call of a C++ method that returns nothing (QPainter.setFont, setPen, setBrush, drawLine,
fillRect, QSvgRenderer.render…: measured -100 after 100 calls of each). Python 3.11 does not make
None immortal: a PDF of every guide makes about 7,000 such calls, and a process whose None has
fewer references left than it lost aborts with "none_dealloc", at the latest at exit when the
interpreter frees everything (ui/events.py has the event-loop side of the same bug).

`keep_none(work)` runs a painting session: a cushion of references holds None up while it runs,
and what the session lost is given back for good afterwards with Py_IncRef, references nothing
releases, not even the interpreter's shutdown (a list of Nones would be freed there and the deficit
come back). The loss is counted with sys.getrefcount around the call in one frame: a `with` block
would count the Nones its own __exit__ is handed and give back too few, and `work` returns nothing
for the same reason. Other threads moving None's count meanwhile make the count a little off
either way; the cushion is far larger than that.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

CUSHION = 200_000
_NONE = ctypes.py_object(None)


def keep_none(work: Callable[[], None]) -> None:
    """Call `work`, then give None back the references it lost."""
    held = [None] * CUSHION
    before = sys.getrefcount(None)
    try:
        work()
    finally:
        lost = before - sys.getrefcount(None)
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(_NONE)
        del held
