"""Video clips of a document bed for the live-scanner tests: an empty desk, papers laid on it,
a paper sliding about. Written as MJPG .avi, which OpenCVCamera plays as a live camera.

The papers are synthetic Vietnamese A4 pages (`hardware.scanner.synthetic`) laid on the bundled
samples' empty desk, turned a little and seen square-on, so that they measure as A4 exactly. Each
frame gets fresh sensor noise, as a camera's do.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

import cv2
import numpy as np

from hardware.scanner.camera import empty_desk
from hardware.scanner.synthetic import place_on, render_document

FPS = 15
Scene = tuple[float, Callable[[float], np.ndarray]]  # (seconds, frame at time t into the scene)


def paper(seed: int, turn_deg: float = 3.0, height_share: float = 0.85) -> np.ndarray:
    """Synthetic A4 page `seed` lying on the empty desk, `turn_deg` off square, centred."""
    page = render_document("a4", 6.0, seed)  # finer than the frame: the warp averages it down
    height, width = page.shape[:2]
    bed = empty_desk()
    frame_h, frame_w = bed.shape[:2]
    scale = height_share * frame_h / height
    turn = math.radians(turn_deg)
    rotation = scale * np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    corners = np.array([(0, 0), (width, 0), (width, height), (0, height)], float) - (width / 2, height / 2)
    quad = corners @ rotation.T + (frame_w / 2, frame_h / 2)
    # White paper under the kiosk's lamp, exposed as a camera would (not clipped), through a lens
    # that is never perfectly sharp.
    lit = cv2.convertScaleAbs(place_on(bed, page, quad), alpha=0.92)
    return cv2.GaussianBlur(lit, (0, 0), 0.5)


def still(frame: np.ndarray) -> Callable[[float], np.ndarray]:
    return lambda _t: frame


def desk() -> Callable[[float], np.ndarray]:
    return still(empty_desk())


def circling(frame: np.ndarray, radius: float = 60, period: float = 2.0) -> Callable[[float], np.ndarray]:
    """The scene sliding round a circle: a paper pushed about by a hand that never lets go."""

    def at(t: float) -> np.ndarray:
        angle = 2 * math.pi * t / period
        shift = np.float32([[1, 0, radius * math.cos(angle)], [0, 1, radius * math.sin(angle)]])
        return cv2.warpAffine(frame, shift, frame.shape[1::-1], borderMode=cv2.BORDER_REPLICATE)

    return at


def write_clip(path: Path, scenes: Sequence[Scene], fps: int = FPS, noise: float = 2.0) -> Path:
    cv2.setRNGSeed(4)
    writer: cv2.VideoWriter | None = None
    grain: np.ndarray | None = None
    for seconds, frame_at in scenes:
        for n in range(round(seconds * fps)):
            frame = frame_at(n / fps)
            if writer is None or grain is None:
                height, width = frame.shape[:2]
                writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (width, height))
                assert writer.isOpened(), "OpenCV cannot write MJPG here"
                grain = np.empty(frame.shape, np.int16)
            cv2.randn(grain, 0, noise)
            writer.write(np.clip(frame.astype(np.int16) + grain, 0, 255).astype(np.uint8))
    assert writer is not None, "a clip needs at least one frame"
    writer.release()
    return path
