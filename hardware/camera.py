"""The document camera: a small live view for framing, and full-resolution stills of each page.

`SampleCamera` plays the bundled sample photos, so the kiosk runs with no camera at all;
`OpenCVCamera` drives a USB camera, a video file or a stream through cv2.VideoCapture. Every call
that waits on a device has a finite timeout and fails with `CameraError`, whose kind the UI turns
into a plain Vietnamese sentence: a stuck camera must never freeze the kiosk.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Protocol, TypeVar

import cv2
import numpy as np

from egov.text import QT_TRANSLATE_NOOP
from hardware.deadline import DeadlineExceeded, call_with_deadline

PREVIEW_MAX_SIDE = 640  # enough to frame a page on screen, cheap to convert every frame
OPEN_TIMEOUT = 5.0
PREVIEW_TIMEOUT = 1.0
STILL_TIMEOUT = 5.0

Frame = np.ndarray  # uint8 BGR, height × width × 3


_T = TypeVar("_T")


class CameraErrorKind(enum.Enum):
    NOT_FOUND = "not_found"
    BUSY = "busy"
    TIMEOUT = "timeout"
    BAD_FRAME = "bad_frame"


_MESSAGES: dict[CameraErrorKind, str] = {
    CameraErrorKind.NOT_FOUND: QT_TRANSLATE_NOOP(
        "Camera", "Không tìm thấy máy ảnh. Vui lòng báo cán bộ hướng dẫn."
    ),
    CameraErrorKind.BUSY: QT_TRANSLATE_NOOP("Camera", "Máy ảnh đang bận. Vui lòng chờ một lát rồi thử lại."),
    CameraErrorKind.TIMEOUT: QT_TRANSLATE_NOOP(
        "Camera", "Máy ảnh không phản hồi. Vui lòng thử lại hoặc báo cán bộ hướng dẫn."
    ),
    CameraErrorKind.BAD_FRAME: QT_TRANSLATE_NOOP("Camera", "Ảnh chụp bị lỗi. Vui lòng chụp lại."),
}


class CameraError(Exception):
    """A camera failure. `message` is the Vietnamese sentence for the screen (translate it with
    context "Camera"); str() is the English detail for the log."""

    def __init__(self, kind: CameraErrorKind, detail: str = "") -> None:
        super().__init__(f"camera {kind.value}: {detail}" if detail else f"camera {kind.value}")
        self.kind = kind
        self.detail = detail

    @property
    def message(self) -> str:
        return _MESSAGES[self.kind]


class Camera(Protocol):
    """What the capture screen needs from a camera. Not thread-safe: use it from one worker."""

    def open(self, timeout: float = OPEN_TIMEOUT) -> None: ...

    def preview_frame(self, timeout: float = PREVIEW_TIMEOUT) -> Frame:
        """A small BGR frame (long side at most PREVIEW_MAX_SIDE) for the live view."""
        ...

    def capture_still(self, timeout: float = STILL_TIMEOUT) -> Frame:
        """A full-resolution BGR frame of the page in view."""
        ...

    def close(self) -> None: ...


def shrink(frame: Frame, max_side: int) -> Frame:
    """`frame` scaled down so that its long side is at most `max_side`; never scaled up."""
    height, width = frame.shape[:2]
    scale = max_side / max(height, width)
    if scale >= 1:
        return frame
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # INTER_AREA averages the pixels it drops, so fine print does not shimmer in the preview.
    return cv2.resize(frame, size, interpolation=cv2.INTER_AREA)


def sample_paths() -> list[Path]:
    """The bundled sample photos, in their play order."""
    folder = resources.files("hardware.samples")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.lower().endswith(".jpg"))


def _check_frame(frame: Frame | None, where: str) -> Frame:
    if frame is None or frame.ndim != 3 or frame.shape[2] != 3 or frame.size == 0:
        raise CameraError(CameraErrorKind.BAD_FRAME, f"{where}: not a BGR image")
    return frame


class SampleCamera:
    """A camera that 'photographs' the bundled sample papers in turn.

    The preview shows the photo the next still will return, and each still moves on to the next
    photo, wrapping round: a demo visit can capture as many pages as it likes.
    """

    def __init__(self, paths: Sequence[Path | str] | None = None) -> None:
        self.paths = [Path(p) for p in paths] if paths is not None else sample_paths()
        self._index = 0
        self._opened = False
        self._cache: dict[int, Frame] = {}

    def __len__(self) -> int:
        return len(self.paths)

    def open(self, timeout: float = OPEN_TIMEOUT) -> None:
        if not self.paths:
            raise CameraError(CameraErrorKind.NOT_FOUND, "no sample photos")
        missing = [p.name for p in self.paths if not p.is_file()]
        if missing:
            raise CameraError(CameraErrorKind.NOT_FOUND, f"sample photos missing: {', '.join(missing)}")
        self._opened = True

    def _photo(self, index: int) -> Frame:
        if index not in self._cache:
            frame = cv2.imread(str(self.paths[index]), cv2.IMREAD_COLOR)
            self._cache[index] = _check_frame(frame, self.paths[index].name)
        return self._cache[index]

    def _require_open(self) -> None:
        if not self._opened:
            raise CameraError(CameraErrorKind.NOT_FOUND, "camera not opened")

    def preview_frame(self, timeout: float = PREVIEW_TIMEOUT) -> Frame:
        self._require_open()
        return shrink(self._photo(self._index), PREVIEW_MAX_SIDE)

    def capture_still(self, timeout: float = STILL_TIMEOUT) -> Frame:
        self._require_open()
        frame = self._photo(self._index)
        self._index = (self._index + 1) % len(self.paths)
        # A copy: the caller may draw on or crop the still without spoiling the cached photo.
        return frame.copy()

    def close(self) -> None:
        self._opened = False
        self._cache.clear()


def _with_timeout(
    call: Callable[[], _T],
    timeout: float,
    what: str,
    started: Callable[[threading.Thread], None] | None = None,
) -> _T:
    try:
        return call_with_deadline(call, timeout, f"camera-{what}", started)
    except DeadlineExceeded:
        raise CameraError(CameraErrorKind.TIMEOUT, f"{what} took longer than {timeout:g} s") from None


class OpenCVCamera:
    """A camera through cv2.VideoCapture: a device index, a video file or a stream URL."""

    # Ask for far more than any document camera has: the driver picks its largest mode, and the
    # still needs every pixel (a 1080p frame gives only ~165 dpi across an A4 page).
    REQUEST_WIDTH = 4096
    REQUEST_HEIGHT = 3072

    def __init__(self, source: int | str) -> None:
        self.source = source
        self._capture: cv2.VideoCapture | None = None
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()

    def open(self, timeout: float = OPEN_TIMEOUT) -> None:
        self.close()
        milliseconds = max(1, int(timeout * 1000))
        # Honoured by the FFmpeg, GStreamer and (recent) V4L2 backends; the thread covers the rest.
        params = [
            cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
            milliseconds,
            cv2.CAP_PROP_READ_TIMEOUT_MSEC,
            milliseconds,
        ]

        def connect() -> cv2.VideoCapture:
            capture = cv2.VideoCapture(self.source, cv2.CAP_ANY, params)
            if not capture.isOpened():
                capture.release()
                raise CameraError(CameraErrorKind.NOT_FOUND, f"cannot open {self._describe()}")
            if isinstance(self.source, int):
                # MJPG first: uncompressed YUYV at high resolution crawls at a few fps over USB 2.
                capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
                capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.REQUEST_WIDTH)
                capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.REQUEST_HEIGHT)
                # Keep one frame in the queue, so that a still shows the page now, not seconds ago.
                capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
            return capture

        self._capture = _with_timeout(connect, timeout, "open")

    def _read(self, timeout: float, fresh: bool) -> Frame:
        capture = self._capture
        if capture is None:
            raise CameraError(CameraErrorKind.NOT_FOUND, "camera not opened")
        if not self._lock.acquire(blocking=False):
            raise CameraError(CameraErrorKind.BUSY, "a read is still in progress")
        try:
            if self._reader is not None and self._reader.is_alive():
                raise CameraError(CameraErrorKind.BUSY, "an earlier read never returned")

            def read() -> Frame:
                if fresh:
                    capture.grab()  # drop the buffered frame
                ok, frame = capture.read()
                if not ok:
                    raise CameraError(CameraErrorKind.BAD_FRAME, f"no frame from {self._describe()}")
                return _check_frame(frame, self._describe())

            # Remember the reader: if it hangs, the capture is not ours to touch until it returns.
            return _with_timeout(read, timeout, "read", started=self._remember_reader)
        finally:
            self._lock.release()

    def _remember_reader(self, worker: threading.Thread) -> None:
        self._reader = worker

    def preview_frame(self, timeout: float = PREVIEW_TIMEOUT) -> Frame:
        return shrink(self._read(timeout, fresh=False), PREVIEW_MAX_SIDE)

    def capture_still(self, timeout: float = STILL_TIMEOUT) -> Frame:
        return self._read(timeout, fresh=True)

    def close(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None and (self._reader is None or not self._reader.is_alive()):
            capture.release()

    def _describe(self) -> str:
        # A stream URL may carry a password (rtsp://user:pass@host): log only its scheme.
        if isinstance(self.source, str) and "://" in self.source:
            return self.source.split("://", 1)[0] + "://…"
        return f"camera {self.source!r}"


SAMPLES = "samples"


def camera_from_config(source: str) -> Camera:
    """The camera named in [camera] source: "samples", a device index ("0") or a file or URL."""
    chosen = source.strip()
    if chosen == SAMPLES:
        return SampleCamera()
    if chosen.isdigit():
        return OpenCVCamera(int(chosen))
    if not chosen:
        raise CameraError(CameraErrorKind.NOT_FOUND, "no camera source configured")
    return OpenCVCamera(chosen)
