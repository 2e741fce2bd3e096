"""Where the page is, roughly: a small neural network's per-pixel "this is the document" map.

The line finder (`finder.py`) places a page's sides to a fraction of a pixel, but it cannot tell
the page's own outline from a straight line inside it or beside it: a hand shadow's edge across a
slip, the photo box on a card, a heading rule, a neighbouring paper's edge. Those are the finder's
remaining failures on white desks, cloth and clutter (benchmarks/scan_accuracy.py). A network that
has seen thousands of papers on desks answers the other question, "which region is the document",
at a coarse 1/4 resolution: the finder uses the map to choose among its exact candidates and to
propose one where the edges alone give none, never as the corners themselves.

The model is a small encoder-decoder (~117 k weights, 0.47 MB ONNX), trained by
`tools/train_page_model.py` on frames of `hardware.scanner.synthetic` whose seeds do not overlap the
benchmark's, and run by OpenCV's own dnn module: no extra runtime, nothing downloaded. Where the
model file is missing or OpenCV cannot load it, `page_map` returns None and the finder works on
edges alone, as it did before the model existed.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from pathlib import Path

import cv2
import numpy as np

from hardware.scanner.resample import downscale

INPUT_SIZE = (192, 112)  # width, height: a 16:9 frame keeps its shape; 4:3 is squeezed a little
OUTPUT_STRIDE = 4  # the map is 48 × 28 for the input above
MODEL_PATH = Path(__file__).with_name("models") / "page_mask.onnx"
# BGR input scaled to 0–1 then centred, as in training (tools/train_page_model.py).
INPUT_MEAN = 0.5

_log = logging.getLogger(__name__)
_local = threading.local()  # cv2.dnn nets are not safe to share between threads


@cache
def _model_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as error:
        _log.warning("page model not loaded (%s): finding pages from edges only", error.strerror)
        return None


def _net(path: Path) -> cv2.dnn.Net | None:
    nets: dict[Path, cv2.dnn.Net | None] = getattr(_local, "nets", None) or {}
    _local.nets = nets
    if path not in nets:
        data = _model_bytes(path)
        net = None
        if data is not None:
            try:
                net = cv2.dnn.readNetFromONNX(np.frombuffer(data, np.uint8))
            except cv2.error as error:
                _log.warning("page model at %s unreadable (%s): edges only", path, str(error)[:120])
                net = None
        nets[path] = net
    return nets[path]


def network_input(image: np.ndarray) -> np.ndarray:
    """The 8-bit BGR image as the network sees it: INPUT_SIZE, area-averaged."""
    return downscale(image, INPUT_SIZE)


def page_map(
    image: np.ndarray, path: Path | None = None, size: tuple[int, int] | None = None
) -> np.ndarray | None:
    """0–1 per pixel of `image` (8-bit BGR, any size): how sure the model is that the pixel belongs
    to the document; None when there is no usable model (`path`, by default MODEL_PATH). The map
    has the image's size, or `size` (width, height): the model's own output is far coarser than
    either, so a caller that needs less resolution should not pay for more."""
    net = _net(MODEL_PATH if path is None else path)
    if net is None:
        return None
    blob = cv2.dnn.blobFromImage(
        network_input(image), 1 / 255.0, INPUT_SIZE, (INPUT_MEAN * 255,) * 3, swapRB=False, crop=False
    )
    net.setInput(blob)
    try:
        logits = net.forward()
    except cv2.error as error:
        _log.warning("page model failed on a frame (%s): edges only", str(error)[:120])
        return None
    logits = np.asarray(logits, dtype=np.float32).reshape(logits.shape[-2], logits.shape[-1])
    probability = 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))
    height, width = image.shape[:2]
    return cv2.resize(probability, size or (width, height), interpolation=cv2.INTER_LINEAR)
