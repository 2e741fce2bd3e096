"""Measure a rendered QML window as an elderly user meets it: targets in mm, gaps, type, contrast.

`measure(window, px_per_mm)` walks the window's visual tree and grabs it, and returns a
`Measurement`: a `Finding` for each problem, naming the item and the figure, and the extremes seen.

- every visible, enabled interactive item (a button, a text field, a scroll bar, anything with a
  MouseArea or a TapHandler) not under a dimmed or opaque cover, at least 12 mm tall and wide, a
  primary button (BigButton with `primary`) at least 20 mm tall, and at least 3 mm from every
  other target it does not contain;
- every target inside the window (inside a scrolling list: inside the list's width, the list
  itself inside the window);
- every text's cap height (QFontMetricsF.capHeight for its font, in mm): 6 mm for body text, 4.5 mm
  for a `Caption` (the office's name, the catalogue's version: never needed to finish a visit);
- no Text `truncated`, no lines beyond the Text's own box, no text field's words wider than it,
  no ink outside the nearest rectangle or control drawn around the words;
- every text's contrast at least 7:1, measured from pixels: the window is grabbed as drawn, and
  again with every Text's opacity at 0, so that the text's colour (its fully covered glyph pixels)
  is compared with what is really drawn behind those same pixels. A text field's words cannot be
  hidden without hiding the field (its background is its child), so there, and for a Text with
  something drawn inside it, the background is the most common colour of the line.

A scrolling page is measured at each screenful (`scroll_views`), so that text below the fold is
measured too. Words and targets wholly under something painted later that is at least one-third
opaque (the page under the idle question or a supervisor's PIN pad, a list scrolled under the
footer) are not measured: they are not there to be read or touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow

from ui.events import pump

MIN_TARGET_MM = 12.0
MIN_PRIMARY_MM = 20.0
MIN_GAP_MM = 3.0
MIN_BODY_CAP_MM = 6.0
# Captions: 3/4 of body. At 50 cm a 4.5 mm capital subtends 31 arc-minutes, three times the
# 10-minute letter a person with 6/12 vision (the usual driving standard) can just read: readable
# without effort, and visibly a step below the text a visit needs.
MIN_CAPTION_CAP_MM = 4.5
MIN_CONTRAST = 7.0

# Differences in a channel below this are rendering noise, not a glyph.
_NOISE = 12


@dataclass(frozen=True)
class Finding:
    item: str
    problem: str

    def __str__(self) -> str:
        return f"{self.item}: {self.problem}"


@dataclass
class Figures:
    """The extremes seen, for the report: smallest target, lowest contrast, smallest body cap."""

    targets: int = 0
    texts: int = 0
    smallest_target: tuple[float, str] = (float("inf"), "")
    lowest_contrast: tuple[float, str] = (float("inf"), "")
    smallest_body_cap: tuple[float, str] = (float("inf"), "")

    def add(self, other: Figures) -> None:
        self.targets += other.targets
        self.texts += other.texts
        self.smallest_target = min(self.smallest_target, other.smallest_target)
        self.lowest_contrast = min(self.lowest_contrast, other.lowest_contrast)
        self.smallest_body_cap = min(self.smallest_body_cap, other.smallest_body_cap)


@dataclass
class Measurement:
    findings: list[Finding] = field(default_factory=list)
    figures: Figures = field(default_factory=Figures)
    # objectName -> scene rectangle, for the buttons that must keep their place (WCAG 3.2.6).
    landmarks: dict[str, QRectF] = field(default_factory=dict)


# -- the visual tree ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """An item with its ancestors, from the window's root down: known from the walk, because
    asking an item for a parent it does not have returns None, and PySide6 6.12 drops a reference
    to None each time (ui/events.py), which aborts a long run."""

    item: QQuickItem
    ancestors: tuple[QQuickItem, ...]

    @property
    def shown(self) -> bool:
        return all(_drawn(i) for i in (*self.ancestors, self.item))

    def clip_rect(self, window: QRectF) -> QRectF:
        """The part of the scene the item can be seen in: the window cut by each clipping ancestor."""
        rect = QRectF(window)
        for parent in self.ancestors:
            if parent.clip():
                rect = rect.intersected(scene_rect(parent))
        return rect

    def flickable(self) -> QQuickItem | None:
        for parent in reversed(self.ancestors):
            if parent.inherits("QQuickFlickable"):
                return parent
        return None


def walk(item: QQuickItem, ancestors: tuple[QQuickItem, ...] = ()):
    """Every item under `item` in the visual tree (a Repeater's items have no QObject parent), in
    the order they are painted: children of negative z (a control's background), the item, its
    other children; siblings by z, then as declared."""
    below = (*ancestors, item)
    children = sorted(item.childItems(), key=lambda c: c.z())
    for child in children:
        if child.z() < 0:
            yield from walk(child, below)
    yield Node(item, ancestors)
    for child in children:
        if child.z() >= 0:
            yield from walk(child, below)


def shown_nodes(root: QQuickItem) -> list[Node]:
    return [node for node in walk(root) if node.shown]


def _covered(nodes: list[Node], win: QRectF) -> set[int]:
    """The items wholly under something painted after them: a rectangle of colour at least
    one-third opaque (a dimmed page under a supervisor's PIN pad, a list scrolled under the
    footer). Their words are not meant to be read there, so they are not measured."""
    covers = [
        (index, scene_rect(node.item))
        for index, node in enumerate(nodes)
        if node.item.inherits("QQuickRectangle") and prop(node.item, "color").alphaF() >= 0.33
    ]
    hidden: set[int] = set()
    for index, node in enumerate(nodes):
        rect = (_painted_rect(node.item) if is_text(node.item) else scene_rect(node.item)).intersected(
            node.clip_rect(win)
        )
        if rect.isEmpty():
            continue
        if any(after > index and cover.contains(rect) for after, cover in covers):
            hidden.add(shiboken6.getCppPointer(node.item)[0])
    return hidden


def _drawn(item: QQuickItem) -> bool:
    return item.isVisible() and item.opacity() > 0.01


def prop(item: QObject, name: str, default: object = None) -> object:
    """A property's value, or `default` where the item has no such property (asked without
    getting None back: see Node)."""
    if item.metaObject().indexOfProperty(name) < 0:
        return default
    value = item.property(name)
    return default if value is None else value


def _class(item: QObject) -> str:
    return item.metaObject().className()


def _is_caption(item: QQuickItem) -> bool:
    return _class(item).startswith("Caption_QMLTYPE")


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _text_of(item: QObject) -> str:
    value = prop(item, "text", "")
    return value if isinstance(value, str) else ""


def describe(item: QQuickItem) -> str:
    """An item as a failure names it: its objectName, else its kind and its first words."""
    name = item.objectName()
    kind = _class(item).split("_QML")[0].removeprefix("QQuick")
    words = " ".join(_text_of(item).split())
    label = prop(item, "contentItem") if not words and item.inherits("QQuickAbstractButton") else None
    if label is not None:
        words = " ".join(_text_of(label).split())
    words = words[:40] + ("…" if len(words) > 40 else "")
    if name:
        return f"{name} ({kind}{': ' + repr(words) if words else ''})"
    return f"{kind} {words!r}" if words else kind


def _has_handler(item: QQuickItem) -> bool:
    for child in item.children():
        if (child.inherits("QQuickTapHandler") or child.inherits("QQuickDragHandler")) and prop(
            child, "enabled"
        ):
            return True
    return False


def is_target(item: QQuickItem) -> bool:
    """Something a finger is meant to touch."""
    if item.inherits("QQuickScrollBar"):
        # A bar with nothing to scroll (all of the list shows) is no target.
        return bool(prop(item, "interactive")) and float(prop(item, "size", 1.0)) < 1.0
    if item.inherits("QQuickAbstractButton") or item.inherits("QQuickMouseArea"):
        return True
    if item.inherits("QQuickTextInput") or item.inherits("QQuickTextEdit"):
        return not prop(item, "readOnly", False)
    return _has_handler(item)


def is_text(item: QQuickItem) -> bool:
    return item.inherits("QQuickText") or item.inherits("QQuickTextInput") or item.inherits("QQuickTextEdit")


# -- pixels --------------------------------------------------------------------------------------


def to_array(image: QImage) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    height, width, stride = rgb.height(), rgb.width(), rgb.bytesPerLine()
    data = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG 2 relative luminance of sRGB pixels (last axis: R, G, B in 0-255)."""
    c = rgb.astype(np.float64) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def contrast_ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    la, lb = luminance(a), luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def _pixel_box(rect: QRectF, image: np.ndarray) -> tuple[int, int, int, int] | None:
    h, w = image.shape[:2]
    x0, y0 = max(0, int(np.floor(rect.left()))), max(0, int(np.floor(rect.top())))
    x1, y1 = min(w, int(np.ceil(rect.right()))), min(h, int(np.ceil(rect.bottom())))
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    return x0, y0, x1, y1


def ink_box(drawn: np.ndarray, behind: np.ndarray) -> tuple[int, int, int, int] | None:
    """The bounding box (x0, y0, x1, y1) of the pixels the text changed, or None."""
    diff = np.abs(drawn.astype(np.int16) - behind.astype(np.int16)).max(axis=2) >= _NOISE
    rows, cols = np.flatnonzero(diff.any(axis=1)), np.flatnonzero(diff.any(axis=0))
    if rows.size == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def text_contrast(drawn: np.ndarray, behind: np.ndarray) -> float | None:
    """Contrast of the glyphs in `drawn` against `behind` (the same place without the text):
    the median over the fully covered glyph pixels. None when no pixel differs (no text there)."""
    diff = np.abs(drawn.astype(np.int16) - behind.astype(np.int16)).max(axis=2)
    top = int(diff.max())
    if top < _NOISE:
        return None
    core = diff >= max(_NOISE, 0.85 * top)
    return float(np.median(contrast_ratio(drawn[core], behind[core])))


def line_contrast(drawn: np.ndarray) -> float | None:
    """Contrast of a line of text whose background cannot be hidden: the background is the line's
    most common colour, the text its pixels furthest from it."""
    pixels = drawn.reshape(-1, 3)
    packed = pixels.astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.uint32)
    values, counts = np.unique(packed, return_counts=True)
    common = int(values[counts.argmax()])
    background = np.array([common >> 16, (common >> 8) & 0xFF, common & 0xFF], dtype=np.uint8)
    diff = np.abs(pixels.astype(np.int16) - background.astype(np.int16)).max(axis=1)
    top = int(diff.max())
    if top < _NOISE:
        return None
    core = pixels[diff >= max(_NOISE, 0.85 * top)]
    return float(np.median(contrast_ratio(core, np.broadcast_to(background, core.shape))))


# -- the measurement -------------------------------------------------------------------------------


def grab(window: QQuickWindow) -> QImage:
    """The window as drawn, after the layouts have settled."""
    for _ in range(3):
        pump()
        window.grabWindow()  # a frame polishes the layouts; the next shows where they ended
    pump()
    return window.grabWindow()


def measure(
    window: QQuickWindow,
    px_per_mm: float,
    *,
    landmarks: tuple[str, ...] = ("backButton", "helpButton"),
    scroll_views: bool = True,
    image_out: list[QImage] | None = None,
) -> Measurement:
    """Measure `window` as it is now (and, with `scroll_views`, each screenful of its scrolling
    lists). The first grab is appended to `image_out` when given."""
    result = Measurement()
    root = window.contentItem()
    first = grab(window)
    if image_out is not None:
        image_out.append(first)
    win = QRectF(0, 0, window.width(), window.height())
    nodes = shown_nodes(root)
    _measure_targets(nodes, win, px_per_mm, result, landmarks)
    _measure_type(nodes, px_per_mm, result)
    # Contrast and overflow at each screenful of the scrolling lists (the first one as it is).
    flicks = [n.item for n in nodes if n.item.inherits("QQuickFlickable")] if scroll_views else []
    positions = [(f, float(prop(f, "contentY", 0.0))) for f in flicks]
    seen: set[int] = set()
    _measure_pixels(window, nodes, win, result, seen, first)
    for flick, start in positions:
        span = float(prop(flick, "contentHeight", 0.0)) - flick.height()
        step = max(1.0, flick.height() * 0.8)
        y = start
        while y < span - 0.5:
            y = min(span, y + step)
            flick.setProperty("contentY", y)
            _measure_pixels(window, shown_nodes(root), win, result, seen, None)
        flick.setProperty("contentY", start)
    return result


def _measure_targets(
    nodes: list[Node], win: QRectF, px_per_mm: float, result: Measurement, landmarks: tuple[str, ...]
) -> None:
    for node in nodes:
        # Where they are even when the whole page is disabled (under a supervisor's PIN pad).
        if node.item.objectName() in landmarks and is_target(node.item):
            result.landmarks[node.item.objectName()] = scene_rect(node.item)
    covered = _covered(nodes, win)
    targets = [
        node
        for node in nodes
        if node.item.isEnabled()
        and is_target(node.item)
        and shiboken6.getCppPointer(node.item)[0] not in covered
        and not _blocker(node.item, win)
    ]
    rects = [scene_rect(node.item) for node in targets]
    figures = result.figures
    for node, rect in zip(targets, rects, strict=True):
        target = node.item
        name = describe(target)
        w, h = rect.width() / px_per_mm, rect.height() / px_per_mm
        figures.targets += 1
        figures.smallest_target = min(figures.smallest_target, (min(w, h), name))
        if w < MIN_TARGET_MM or h < MIN_TARGET_MM:
            result.findings.append(Finding(name, f"target {w:.1f} x {h:.1f} mm, under {MIN_TARGET_MM:g} mm"))
        if prop(target, "primary") is True and h < MIN_PRIMARY_MM:
            result.findings.append(
                Finding(name, f"primary button {h:.1f} mm tall, under {MIN_PRIMARY_MM:g} mm")
            )
        flick = node.flickable()
        if flick is not None:
            # A scrolling list brings its targets up and down, never sideways.
            room = scene_rect(flick)
            if rect.left() < room.left() - 0.5 or rect.right() > room.right() + 0.5:
                result.findings.append(
                    Finding(
                        name,
                        f"target reaches {rect.left():.0f}-{rect.right():.0f} px, "
                        f"outside its list ({room.left():.0f}-{room.right():.0f} px)",
                    )
                )
            outside = not win.adjusted(-0.5, -0.5, 0.5, 0.5).contains(room)
        else:
            outside = not node.clip_rect(win).adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect)
        if outside:
            result.findings.append(
                Finding(name, f"target at {_fmt(rect)} is not wholly inside the window ({_fmt(win)})")
            )
    # Between targets, what a finger can reach: the part of each a scrolling list shows now.
    reach = [rect.intersected(node.clip_rect(win)) for node, rect in zip(targets, rects, strict=True)]
    for i, a in enumerate(targets):
        for j in range(i + 1, len(targets)):
            b = targets[j]
            if a.item in b.ancestors or b.item in a.ancestors or reach[i].isEmpty() or reach[j].isEmpty():
                continue
            gap = _gap(reach[i], reach[j]) / px_per_mm
            if gap < MIN_GAP_MM:
                what = "overlaps" if gap <= 0 else f"is {gap:.1f} mm from"
                result.findings.append(
                    Finding(describe(a.item), f"{what} {describe(b.item)} (gap under {MIN_GAP_MM:g} mm)")
                )


def _blocker(item: QQuickItem, win: QRectF) -> bool:
    """A MouseArea over the whole window under a question (the idle warning): it only keeps
    touches from reaching the page behind, nothing to aim at."""
    return item.inherits("QQuickMouseArea") and scene_rect(item).contains(win)


def _gap(a: QRectF, b: QRectF) -> float:
    """Distance between two rectangles; 0 or less when they touch or overlap."""
    dx = max(b.left() - a.right(), a.left() - b.right())
    dy = max(b.top() - a.bottom(), a.top() - b.bottom())
    if dx > 0 and dy > 0:
        return float(np.hypot(dx, dy))
    return max(dx, dy)


def _fmt(rect: QRectF) -> str:
    return f"({rect.left():.0f},{rect.top():.0f} {rect.width():.0f}x{rect.height():.0f})"


def _scale(item: QQuickItem) -> float:
    return scene_rect(item).height() / item.height() if item.height() > 0 else 1.0


def _measure_type(nodes: list[Node], px_per_mm: float, result: Measurement) -> None:
    figures = result.figures
    for node in nodes:
        item = node.item
        if not is_text(item) or not _text_of(item).strip():
            continue
        name = describe(item)
        cap = QFontMetricsF(item.property("font")).capHeight() * _scale(item) / px_per_mm
        caption = _is_caption(item)
        floor = MIN_CAPTION_CAP_MM if caption else MIN_BODY_CAP_MM
        figures.texts += 1
        if not caption:
            figures.smallest_body_cap = min(figures.smallest_body_cap, (cap, name))
        if cap < floor - 1e-6:
            kind = "caption" if caption else "body text"
            result.findings.append(Finding(name, f"cap height {cap:.2f} mm, under {floor:g} mm for {kind}"))
        if prop(item, "truncated", False):
            result.findings.append(Finding(name, "text is truncated (elided or cut to its lines)"))


def _measure_pixels(
    window: QQuickWindow,
    nodes: list[Node],
    win: QRectF,
    result: Measurement,
    seen: set[int],
    drawn_image: QImage | None,
) -> None:
    covered = _covered(nodes, win)
    texts = [
        node
        for node in nodes
        if is_text(node.item)
        and _text_of(node.item).strip()
        and shiboken6.getCppPointer(node.item)[0] not in covered
    ]
    if not texts:
        return
    drawn = to_array(drawn_image if drawn_image is not None else grab(window))
    # Hiding a Text hides its children too: one with something drawn inside it is measured by
    # its line's colours, as a text field is.
    hideable = {shiboken6.getCppPointer(n.item)[0]: n.item.opacity() for n in texts if _hideable(n.item)}
    hidden = [n.item for n in texts if shiboken6.getCppPointer(n.item)[0] in hideable]
    for text in hidden:
        text.setProperty("opacity", 0.0)
    try:
        behind = to_array(grab(window))
    finally:
        for text in hidden:
            text.setProperty("opacity", hideable[shiboken6.getCppPointer(text)[0]])
    figures = result.figures
    for node in texts:
        text = node.item
        key = shiboken6.getCppPointer(text)[0]
        if key in seen:
            continue
        rect = _painted_rect(text)
        room = node.clip_rect(win)
        visible = rect.intersected(room)
        if visible.isEmpty():
            continue
        # Measured where it is whole, or where most of it shows when it is taller than the list.
        if visible.height() < rect.height() - 1 and visible.height() < 0.5 * room.height():
            continue
        seen.add(key)
        name = describe(text)
        _check_overflow(text, name, result)
        box = _pixel_box(visible, drawn)
        if box is None:
            continue
        x0, y0, x1, y1 = box
        if key in hideable:
            ratio = text_contrast(drawn[y0:y1, x0:x1], behind[y0:y1, x0:x1])
            ink = ink_box(drawn[y0:y1, x0:x1], behind[y0:y1, x0:x1])
            if ink is not None:
                _check_container(
                    node, QRectF(x0 + ink[0], y0 + ink[1], ink[2] - ink[0], ink[3] - ink[1]), name, result
                )
        else:
            ratio = line_contrast(drawn[y0:y1, x0:x1])
            _check_container(node, visible, name, result)
        if ratio is None:
            result.findings.append(Finding(name, "text not seen: no pixel differs from what is behind it"))
            continue
        figures.lowest_contrast = min(figures.lowest_contrast, (ratio, name))
        if ratio < MIN_CONTRAST:
            result.findings.append(Finding(name, f"contrast {ratio:.2f}:1, under {MIN_CONTRAST:g}:1"))


def _hideable(text: QQuickItem) -> bool:
    return text.inherits("QQuickText") and not any(_drawn(child) for child in text.childItems())


def _painted_rect(text: QQuickItem) -> QRectF:
    """Where the words are drawn, in the scene: a Text's laid-out lines; a text field's line
    between its paddings."""
    if text.inherits("QQuickText"):
        # A Text's bounding rectangle is its laid-out words, placed by its alignment.
        return text.mapRectToScene(text.boundingRect())
    w, h = text.width(), text.height()
    left, right = float(prop(text, "leftPadding", 0.0)), float(prop(text, "rightPadding", 0.0))
    ch = float(prop(text, "contentHeight", h))
    return text.mapRectToScene(QRectF(left, (h - ch) / 2, max(0.0, w - left - right), ch))


def _check_overflow(text: QQuickItem, name: str, result: Measurement) -> None:
    content_w = float(prop(text, "contentWidth", 0.0))
    content_h = float(prop(text, "contentHeight", 0.0))
    if text.inherits("QQuickText"):
        if content_h > text.height() + 1.5 or content_w > text.width() + 1.5:
            result.findings.append(
                Finding(
                    name,
                    f"words take {content_w:.0f}x{content_h:.0f} px in a box of "
                    f"{text.width():.0f}x{text.height():.0f} px: they spill out of it",
                )
            )
        return
    room = text.width() - float(prop(text, "leftPadding", 0.0)) - float(prop(text, "rightPadding", 0.0))
    if content_w > room + 1.5:
        result.findings.append(
            Finding(name, f"words {content_w:.0f} px wide in a field of {room:.0f} px: not all shown")
        )


def _check_container(node: Node, ink: QRectF, name: str, result: Measurement) -> None:
    """The words' ink inside the box drawn around them (a button, a badge, a notice, a digit's
    frame): the nearest drawn rectangle or control it sits in, short of the list it scrolls in."""
    for parent in reversed(node.ancestors):
        if parent.inherits("QQuickFlickable"):
            return
        if parent.inherits("QQuickControl") or (
            parent.inherits("QQuickRectangle")
            and (prop(parent, "color").alphaF() > 0 or float(prop(parent.property("border"), "width", 0)) > 0)
        ):
            if not scene_rect(parent).adjusted(-1, -1, 1, 1).contains(ink):
                where = _fmt(scene_rect(parent))
                result.findings.append(
                    Finding(name, f"words at {_fmt(ink)} reach outside {describe(parent)} {where}")
                )
            return
