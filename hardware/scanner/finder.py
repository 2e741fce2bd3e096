"""Find the page: the four corners of the paper in a camera frame.

(First version: a plain contour finder; the robust finder replaces its insides, not its interface.)
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from hardware.scanner.geometry import Quad, area, is_convex, order_corners

WORK_WIDTH = 640


@dataclass(frozen=True, slots=True)
class Detection:
    """The page found in a frame: its corners (TL, TR, BR, BL, in the frame's pixels) and how sure
    the finder is (0–1)."""

    quad: Quad
    score: float


def as_bgr8(frame: np.ndarray | None) -> np.ndarray | None:
    """Any image a camera or file gives (grey, BGRA, 16-bit, float) as 8-bit BGR; None if empty
    or not an image at all."""
    if frame is None or not isinstance(frame, np.ndarray) or frame.size == 0 or frame.ndim not in (2, 3):
        return None
    image = frame
    if image.dtype != np.uint8:
        if image.dtype == np.uint16:
            image = (image >> 8).astype(np.uint8)
        elif np.issubdtype(image.dtype, np.floating):
            finite = np.nan_to_num(image.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0)
            top = float(finite.max()) if finite.size else 0.0
            scale = 255.0 if top <= 1.0 else 1.0
            image = np.clip(finite * scale, 0, 255).astype(np.uint8)
        else:
            image = np.clip(image, 0, 255).astype(np.uint8)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    channels = image.shape[2]
    if channels == 1:
        return cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2BGR)
    if channels == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if channels == 3:
        return image
    return None


def find_page(frame: np.ndarray | None, *, refine: bool = True) -> Detection | None:
    """The page in `frame`, or None when there is none to be sure of. Never raises on odd input."""
    image = as_bgr8(frame)
    if image is None or min(image.shape[:2]) < 16:
        return None
    height, width = image.shape[:2]
    scale = min(1.0, WORK_WIDTH / width)
    small = cv2.resize(
        image, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA
    )
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    grey = cv2.GaussianBlur(grey, (5, 5), 0)
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    best: Quad | None = None
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        hull = cv2.convexHull(contour)
        approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
        if len(approx) == 4:
            quad = order_corners(approx.reshape(4, 2)) / scale
            if is_convex(quad) and area(quad) > 0.05 * width * height:
                best = quad
                break
    if best is None:
        return None
    return Detection(quad=best, score=0.5)
