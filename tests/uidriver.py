"""Drive the QML window as a finger would: find items by objectName, scroll them into view, tap."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

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
    # A Repeater rebuilt by a model change leaves its old items to deleteLater: flush them, or a
    # tap could aim at a row that is about to vanish.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    for item in _walk(shell.window.contentItem()):
        if item.objectName() == name and _visible(item):
            return item
    return None


def wait_for(qtbot, shell: Shell, name: str, timeout: int = 10000) -> QQuickItem:
    qtbot.waitUntil(lambda: find(shell, name) is not None, timeout=timeout)
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
        QCoreApplication.processEvents()
        here = item.mapToScene(QPointF(0, 0))
        if here == last:
            return
        last = here


def tap(qtbot, shell: Shell, name: str) -> None:
    item = wait_for(qtbot, shell, name)
    qtbot.waitUntil(lambda: item.isEnabled(), timeout=10000)
    _scroll_into_view(item)
    _settle(item)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    assert 0 <= centre.x() < shell.window.width() and 0 <= centre.y() < shell.window.height(), name
    QTest.mouseClick(shell.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def type_into(qtbot, shell: Shell, name: str, text: str) -> None:
    tap(qtbot, shell, name)
    field = find(shell, name)
    qtbot.waitUntil(lambda: field.hasActiveFocus(), timeout=5000)
    field.setProperty("text", "")
    for ch in text:
        # One key press a character, carrying its text: what an on-screen or USB keyboard sends.
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QGuiApplication.sendEvent(shell.window, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    assert field.property("text") == text
