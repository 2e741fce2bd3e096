"""The document camera: small live frames for the preview, and full-resolution stills of each page.

`SampleCamera` plays the bundled sample photos as a bed a citizen lays papers on, so the kiosk runs
with no camera at all; `OpenCVCamera` drives a USB camera, a video file or a stream through
cv2.VideoCapture. A video file plays as a live camera would show it: at its own frame rate, with
time, not one frame per read. Every call that waits on a device has a finite timeout and fails
with `CameraError`, whose kind the UI turns into a plain Vietnamese sentence: a stuck camera must
never freeze the kiosk.
"""

from __future__ import annotations

import enum
import functools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol, TypeVar

import cv2
import numpy as np

from egov.text import QT_TRANSLATE_NOOP
from hardware.deadline import DeadlineExceeded, call_with_deadline
from hardware.errors import DeviceError

log = logging.getLogger(__name__)

PREVIEW_MAX_SIDE = 640  # enough to frame a page on screen, cheap to search every frame
OPEN_TIMEOUT = 5.0
PREVIEW_TIMEOUT = 1.0
STILL_TIMEOUT = 5.0

Frame = np.ndarray  # uint8 BGR, height × width × 3
Clock = Callable[[], float]

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


class CameraError(DeviceError[CameraErrorKind]):
    """A camera failure. `message` is the Vietnamese sentence for the screen (translate it with
    context "Camera"); str() is the English detail for the log."""

    device = "camera"
    messages = _MESSAGES


class Camera(Protocol):
    """What the scanner needs from a camera. Not thread-safe: use it from one worker, or share it
    through `SharedCamera`."""

    def open(self, timeout: float = OPEN_TIMEOUT) -> None: ...

    def preview_frame(self, timeout: float = PREVIEW_TIMEOUT) -> Frame:
        """A small BGR frame (long side at most PREVIEW_MAX_SIDE) of what is in view now; like a
        camera, it may wait up to a frame interval for the next frame."""
        ...

    def capture_still(self, timeout: float = STILL_TIMEOUT) -> Frame:
        """A full-resolution BGR frame of what is in view now."""
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


@functools.cache
def empty_desk() -> Frame:
    """The samples' wooden desk with no paper on it (deterministic; made once, ~0.3 s)."""
    from hardware.samples.make_samples import desk  # the generator pulls in PIL: only when asked

    return np.clip(desk(np.random.default_rng(20260)), 0, 255).astype(np.uint8)


def _check_frame(frame: Frame | None, where: str) -> Frame:
    if frame is None or frame.ndim != 3 or frame.shape[2] != 3 or frame.size == 0:
        raise CameraError(CameraErrorKind.BAD_FRAME, f"{where}: not a BGR image")
    return frame


class SampleCamera:
    """A camera over a document bed where the bundled sample papers are laid one after another.

    After open the bed is empty for `gap_seconds`, then the first paper lies on it and stays. A
    still of a paper 'lifts' it: the bed is empty again for `gap_seconds`, then the next paper
    appears, wrapping round, so a demo visit can capture as many pages as it likes and the live
    view sees what a real one would (a page appears, stays still, is taken, goes). With
    `gap_seconds=0` every still is the next paper at once.
    """

    GAP_SECONDS = 0.8  # about as long as a hand takes to swap a paper

    def __init__(
        self,
        paths: Sequence[Path | str] | None = None,
        *,
        gap_seconds: float = GAP_SECONDS,
        clock: Clock = time.monotonic,
    ) -> None:
        self.paths = [Path(p) for p in paths] if paths is not None else sample_paths()
        self.gap_seconds = gap_seconds
        self._clock = clock
        self._index = 0
        self._opened = False
        self._page_from = 0.0  # when the current paper lies on the bed
        self._cache: dict[int, Frame] = {}
        self._previews: dict[int, Frame] = {}

    def __len__(self) -> int:
        return len(self.paths)

    def open(self, timeout: float = OPEN_TIMEOUT) -> None:
        if not self.paths:
            raise CameraError(CameraErrorKind.NOT_FOUND, "no sample photos")
        missing = [p.name for p in self.paths if not p.is_file()]
        if missing:
            raise CameraError(CameraErrorKind.NOT_FOUND, f"sample photos missing: {', '.join(missing)}")
        self._opened = True
        self._page_from = self._clock() + self.gap_seconds

    def _photo(self, index: int) -> Frame:
        if index not in self._cache:
            frame = cv2.imread(str(self.paths[index]), cv2.IMREAD_COLOR)
            self._cache[index] = _check_frame(frame, self.paths[index].name)
        return self._cache[index]

    def _in_view(self) -> tuple[int, Frame]:
        """(index of the paper on the bed or -1 for the empty bed, the full-size frame)."""
        if not self._opened:
            raise CameraError(CameraErrorKind.NOT_FOUND, "camera not opened")
        if self._clock() >= self._page_from:
            return self._index, self._photo(self._index)
        height, width = self._photo(self._index).shape[:2]
        bed = empty_desk()
        if bed.shape[:2] != (height, width):
            bed = cv2.resize(bed, (width, height), interpolation=cv2.INTER_AREA)
        return -1, bed

    def preview_frame(self, timeout: float = PREVIEW_TIMEOUT) -> Frame:
        index, frame = self._in_view()
        if index not in self._previews:
            self._previews[index] = shrink(frame, PREVIEW_MAX_SIDE)
        return self._previews[index]

    def capture_still(self, timeout: float = STILL_TIMEOUT) -> Frame:
        index, frame = self._in_view()
        if index >= 0:
            self._index = (self._index + 1) % len(self.paths)
            self._page_from = self._clock() + self.gap_seconds
        # A copy: the caller may draw on or crop the still without spoiling the cached photo.
        return frame.copy()

    def close(self) -> None:
        self._opened = False
        self._cache.clear()
        self._previews.clear()


class SharedCamera:
    """One camera for several workers: the documents step's live scanner and the card's QR scan
    both use the kiosk's camera, each from its own thread.

    `open()` and `close()` count users: the device is opened by the first and released by the last,
    so one user closing cannot pull the camera from under another, and a close too many is
    harmless. Every call holds a lock, so two threads never talk to the device at once; a call
    that cannot get the camera within its own timeout fails with BUSY instead of waiting on.
    """

    def __init__(self, camera: Camera) -> None:
        self.inner = camera
        self._lock = threading.Lock()
        self._users = 0

    @property
    def users(self) -> int:
        return self._users

    def _hold(self, timeout: float, what: str) -> None:
        if not self._lock.acquire(timeout=max(0.0, timeout)):
            raise CameraError(CameraErrorKind.BUSY, f"{what}: the camera is in use by another worker")

    def open(self, timeout: float = OPEN_TIMEOUT) -> None:
        self._hold(timeout, "open")
        try:
            if self._users == 0:
                self.inner.open(timeout)
            self._users += 1  # only once the device is open: a failed open holds nothing
        finally:
            self._lock.release()

    def _read(self, read: Callable[[float], Frame], timeout: float, what: str) -> Frame:
        self._hold(timeout, what)
        try:
            return read(timeout)
        finally:
            self._lock.release()

    def preview_frame(self, timeout: float = PREVIEW_TIMEOUT) -> Frame:
        return self._read(self.inner.preview_frame, timeout, "preview")

    def capture_still(self, timeout: float = STILL_TIMEOUT) -> Frame:
        return self._read(self.inner.capture_still, timeout, "still")

    def close(self) -> None:
        """One user is done; the device is released when it was the last."""
        self._release(everyone=False)

    def release(self) -> None:
        """Release the device whoever still holds it: the app is closing."""
        self._release(everyone=True)

    def _release(self, *, everyone: bool) -> None:
        # Bounded too: a reader stuck in the driver has its own deadline, shorter than this.
        if not self._lock.acquire(timeout=STILL_TIMEOUT + 1.0):
            log.warning("camera close: still in use after %.0f s; left open", STILL_TIMEOUT + 1.0)
            return
        try:
            if self._users == 0:
                return
            self._users = 0 if everyone else self._users - 1
            if self._users == 0:
                self.inner.close()
        finally:
            self._lock.release()


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


@dataclass
class _Clip:
    """A video file being played as a live camera: where its clock started, where it is."""

    fps: float
    started: float
    frames: int  # as the container says; 0 when it does not know
    position: int = -1  # index of the frame decoded last
    last: Frame | None = None
    ended: bool = False


def _fourcc_text(value: float) -> str:
    code = int(value)
    return "".join(chr((code >> (8 * i)) & 0xFF) for i in range(4)).strip("\0") or "?"


class OpenCVCamera:
    """A camera through cv2.VideoCapture: a device index, a video file or a stream URL.

    A video file is played as a camera: the frame returned is the one due at the time elapsed since
    open, at the file's own frame rate (frames whose time has passed are skipped, and a read waits
    for the next frame rather than racing ahead). At the end the last frame stays in view, as if the
    camera went on looking at a bed nobody touches: a test clip that ends with a paper lying still
    leaves it lying there, and the live view takes exactly the pages the clip shows.
    """

    # Ask for far more than any document camera has: the driver picks its largest mode, and the
    # still needs every pixel (a 1080p frame gives only ~165 dpi across an A4 page).
    REQUEST_WIDTH = 4096
    REQUEST_HEIGHT = 3072
    DEFAULT_FPS = 25.0  # for a file that does not say its rate

    def __init__(self, source: int | str, *, clock: Clock = time.monotonic) -> None:
        self.source = source
        self.resolution: tuple[int, int] | None = None  # what the device really delivers
        self._clock = clock
        self._capture: cv2.VideoCapture | None = None
        self._clip: _Clip | None = None
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._capture is not None

    @property
    def is_file(self) -> bool:
        return isinstance(self.source, str) and "://" not in self.source and Path(self.source).is_file()

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

        capture = _with_timeout(connect, timeout, "open")
        self._capture = capture
        width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH))
        height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
        self.resolution = (width, height) if width > 0 and height > 0 else None
        rate = float(capture.get(cv2.CAP_PROP_FPS))
        if self.is_file:
            fps = rate if 0 < rate <= 240 else self.DEFAULT_FPS
            frames = max(0, int(capture.get(cv2.CAP_PROP_FRAME_COUNT)))
            self._clip = _Clip(fps=fps, started=self._clock(), frames=frames)
            log.info("camera %s: a %dx%d video at %.3g fps", self._describe(), width, height, fps)
        else:
            # The driver silently falls back to what it can do: the log says what the stills will be.
            log.info(
                "camera %s: asked for %dx%d MJPG, got %dx%d %s at %.3g fps",
                self._describe(),
                self.REQUEST_WIDTH,
                self.REQUEST_HEIGHT,
                width,
                height,
                _fourcc_text(capture.get(cv2.CAP_PROP_FOURCC)),
                rate,
            )

    def _read(self, timeout: float, fresh: bool) -> Frame:
        capture = self._capture
        if capture is None:
            raise CameraError(CameraErrorKind.NOT_FOUND, "camera not opened")
        if not self._lock.acquire(blocking=False):
            raise CameraError(CameraErrorKind.BUSY, "a read is still in progress")
        try:
            if self._reader is not None and self._reader.is_alive():
                raise CameraError(CameraErrorKind.BUSY, "an earlier read never returned")
            clip = self._clip

            def read() -> Frame:
                if clip is not None:
                    return self._clip_frame(capture, clip)
                if fresh:
                    capture.grab()  # drop the buffered frame
                ok, frame = capture.read()
                if not ok:
                    raise CameraError(CameraErrorKind.BAD_FRAME, f"no frame from {self._describe()}")
                return frame

            # Remember the reader: if it hangs, the capture is not ours to touch until it returns.
            frame = _with_timeout(read, timeout, "read", started=self._remember_reader)
            return _check_frame(frame, self._describe())
        finally:
            self._lock.release()

    def _clip_frame(self, capture: cv2.VideoCapture, clip: _Clip) -> Frame:
        interval = 1.0 / clip.fps
        if clip.ended and clip.last is not None:
            time.sleep(interval)  # a camera on a still scene still delivers at its frame rate
            return clip.last.copy()
        due = int((self._clock() - clip.started) / interval)
        if clip.frames:
            # Skipping past the end would lose the last frame, the one that must stay in view.
            due = min(due, clip.frames - 1)
        if clip.last is not None and due <= clip.position:
            # Asked before the next frame is due: wait for it, as a camera's read does.
            time.sleep(max(0.0, clip.started + (clip.position + 1) * interval - self._clock()))
            due = clip.position + 1
        while clip.position < due - 1 and capture.grab():  # frames whose time has passed
            clip.position += 1
        ok, frame = capture.read()
        if not ok:
            clip.ended = True
            if clip.last is None:
                raise CameraError(CameraErrorKind.BAD_FRAME, f"no frame in {self._describe()}")
            return clip.last.copy()
        clip.position += 1
        clip.last = frame
        return frame

    def _remember_reader(self, worker: threading.Thread) -> None:
        self._reader = worker

    def preview_frame(self, timeout: float = PREVIEW_TIMEOUT) -> Frame:
        return shrink(self._read(timeout, fresh=False), PREVIEW_MAX_SIDE)

    def capture_still(self, timeout: float = STILL_TIMEOUT) -> Frame:
        return self._read(timeout, fresh=True)

    def close(self) -> None:
        capture, self._capture = self._capture, None
        self._clip = None
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
