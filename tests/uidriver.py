"""Drive the QML window as a finger would: find items by objectName, scroll them into view, tap."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtQuick import QQuickItem

from ui.events import pump, wait_until
from ui.shell import Shell


def _visible(item: QQuickItem) -> bool:
    while item is not None:
        if not item.isVisible():
            return False
        item = item.parentItem()
    return True


def _walk(item: QQuickItem):
    # The visual tree, not the QObject tree: a Repeater's items have no QObject parent.
    yield item
    for child in item.childItems():
        yield from _walk(child)


def find(shell: Shell, name: str) -> QQuickItem | None:
    pump()
    for item in _walk(shell.window.contentItem()):
        if item.objectName() == name and _visible(item):
            return item
    return None


def wait_for(qtbot, shell: Shell, name: str, timeout: float = 10) -> QQuickItem:
    wait_until(lambda: find(shell, name) is not None, timeout=timeout)
    item = find(shell, name)
    assert item is not None
    return item


def _scroll_into_view(item: QQuickItem) -> None:
    parent = item.parentItem()
    while parent is not None and not parent.inherits("QQuickFlickable"):
        parent = parent.parentItem()
    if parent is None:
        return
    content = parent.property("contentItem")
    top = item.mapToItem(content, QPointF(0, 0)).y()
    height = parent.height()
    span = max(0.0, parent.property("contentHeight") - height)
    current = parent.property("contentY")
    if top < current or top + item.height() > current + height:
        parent.setProperty("contentY", max(0.0, min(top - 20, span)))


def _settle(item: QQuickItem) -> None:
    """Wait until layouts have been polished and the item stays where it is (no fixed sleep)."""
    last = None
    for _ in range(200):
        pump()
        here = item.mapToScene(QPointF(0, 0))
        if here == last:
            return
        last = here


def _deepest_at(item: QQuickItem, scene: QPointF) -> QQuickItem:
    local = item.mapFromScene(scene)
    child = item.childAt(local.x(), local.y())
    return item if child is None else _deepest_at(child, scene)


def _hits(shell: Shell, item: QQuickItem, scene: QPointF) -> bool:
    """Whether a finger at `scene` would touch `item` (or something inside it), not a neighbour."""
    hit: QQuickItem | None = _deepest_at(shell.window.contentItem(), scene)
    while hit is not None:
        if hit == item:
            return True
        hit = hit.parentItem()
    return False


def tap(qtbot, shell: Shell, name: str) -> None:
    item = wait_for(qtbot, shell, name)
    wait_until(lambda: item.isEnabled(), timeout=10)
    # Layouts can still move after the item looked still for two frames (an image above it that
    # finishes loading): aim again until the point under the finger really is the item.
    for _ in range(100):
        _scroll_into_view(item)
        _settle(item)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        if _hits(shell, item, QPointF(centre)):
            break
        pump()
    else:
        raise AssertionError(f"{name} is covered or keeps moving; cannot tap it")
    assert 0 <= centre.x() < shell.window.width() and 0 <= centre.y() < shell.window.height(), name
    # Press and release sent as events: QTest.mouseClick leaks a reference to None per call
    # in PySide6 6.12 (see ui/events.py).
    point = QPointF(centre)
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind,
            point,
            shell.window.mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QGuiApplication.sendEvent(shell.window, event)


def type_into(qtbot, shell: Shell, name: str, text: str) -> None:
    tap(qtbot, shell, name)
    field = find(shell, name)
    wait_until(lambda: field.hasActiveFocus(), timeout=5)
    field.setProperty("text", "")
    for ch in text:
        # One key press a character, carrying its text: what an on-screen or USB keyboard sends.
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QGuiApplication.sendEvent(shell.window, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    assert field.property("text") == text


def drag(qtbot, shell: Shell, name: str, dx: float, dy: float, steps: int = 8) -> None:
    """Press on the middle of item `name`, move the finger by (dx, dy) in a few steps, lift it."""
    item = wait_for(qtbot, shell, name)
    _settle(item)
    start = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    assert _hits(shell, item, start), f"{name} is covered; cannot drag it"
    moves = [QPointF(start.x() + dx * i / steps, start.y() + dy * i / steps) for i in range(1, steps + 1)]
    events = [(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)]
    events += [(QEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton) for point in moves]
    events.append((QEvent.Type.MouseButtonRelease, moves[-1], Qt.MouseButton.NoButton))
    for kind, point, buttons in events:
        event = QMouseEvent(
            kind,
            point,
            shell.window.mapToGlobal(point),
            Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QGuiApplication.sendEvent(shell.window, event)
        pump()
