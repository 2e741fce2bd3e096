"""Quadrilaterals: the four corners of a page in an image.

A quad is a float64 array of shape (4, 2), (x, y) in pixels, in the order top-left, top-right,
bottom-right, bottom-left as seen in the image. Every quad this package hands out is convex and
never self-crossing: a crossed quad would fold the page over itself when flattened.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

Quad = np.ndarray  # float64, shape (4, 2): TL, TR, BR, BL


def order_corners(points: np.ndarray | Sequence[Sequence[float]]) -> Quad:
    """Four points in TL, TR, BR, BL order, whatever order they came in.

    The points are sorted by angle round their centroid, which never crosses two sides (unlike the
    sum/difference trick, which fails for a page turned near 45°); the start is the corner nearest
    the image's top-left among the two topmost, so a page turned a little keeps its own TL.
    """
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if pts.shape != (4, 2) or not np.all(np.isfinite(pts)):
        raise ValueError("a quad needs four finite points")
    centre = pts.mean(axis=0)
    # Image y grows downwards, so increasing atan2 angle runs clockwise on screen: TL → TR → BR → BL.
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    ring = pts[np.argsort(angles)]
    # Of the two corners highest in the image, the leftmost is top-left.
    top_two = np.argsort(ring[:, 1])[:2]
    first = int(min(top_two, key=lambda i: ring[i, 0]))
    return np.roll(ring, -first, axis=0)


def is_convex(quad: Quad) -> bool:
    """True when the quad is a proper convex quadrilateral (no crossing, no collinear corners)."""
    q = np.asarray(quad, dtype=np.float64)
    if q.shape != (4, 2) or not np.all(np.isfinite(q)):
        return False
    signs = []
    for i in range(4):
        a, b, c = q[i], q[(i + 1) % 4], q[(i + 2) % 4]
        cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
        signs.append(cross)
    return all(s > 1e-9 for s in signs) or all(s < -1e-9 for s in signs)


def area(quad: Quad) -> float:
    """The quad's area in square pixels (shoelace)."""
    q = np.asarray(quad, dtype=np.float64)
    x, y = q[:, 0], q[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def side_lengths(quad: Quad) -> np.ndarray:
    """Lengths of the sides top, right, bottom, left."""
    q = np.asarray(quad, dtype=np.float64)
    return np.linalg.norm(np.roll(q, -1, axis=0) - q, axis=1)


def corner_angles(quad: Quad) -> np.ndarray:
    """Interior angles in degrees at TL, TR, BR, BL."""
    q = np.asarray(quad, dtype=np.float64)
    out = np.empty(4)
    for i in range(4):
        a = q[i - 1] - q[i]
        b = q[(i + 1) % 4] - q[i]
        cos = float(np.dot(a, b) / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-12))
        out[i] = math.degrees(math.acos(max(-1.0, min(1.0, cos))))
    return out


def max_corner_shift(a: Quad, b: Quad) -> float:
    """The largest distance between matching corners of two quads, in pixels."""
    return float(np.max(np.linalg.norm(np.asarray(a, float) - np.asarray(b, float), axis=1)))
