"""The live scanner without Qt: a video file played as the camera, auto-capture, the shutter, the
agent's corners, and a stop that never waits on a hung camera."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from scanclips import circling, desk, paper, still, write_clip

from hardware.scanner.camera import PREVIEW_MAX_SIDE, OpenCVCamera, SampleCamera
from hardware.scanner.live import Capture, LiveScanner, LiveState, ScanOptions
from hardware.scanner.pack import Budget, Page, encode_page
from hardware.scanner.quality import Gate


class Collector:
    """Captures and failures as the worker hands them over."""

    def __init__(self) -> None:
        self.captures: list[Capture] = []
        self.failures: list[tuple[int, BaseException]] = []
        self.lock = threading.Lock()

    def capture(self, capture: Capture) -> None:
        with self.lock:
            self.captures.append(capture)

    def failure(self, ticket: int, exc: BaseException) -> None:
        with self.lock:
            self.failures.append((ticket, exc))


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def encode(scanned, quality) -> Page:
    return encode_page(scanned.image, dpi=scanned.dpi, quality=75, budget=Budget())


@pytest.fixture(scope="module")
def laid_clip(tmp_path_factory) -> Path:
    """An empty desk for a second, then an A4 paper laid and left still for two seconds."""
    folder = tmp_path_factory.mktemp("clips")
    return write_clip(folder / "laid.avi", [(1.0, desk()), (2.0, still(paper(0)))])


def test_a_paper_laid_still_is_taken_once_and_flat(laid_clip: Path) -> None:
    got = Collector()
    camera = OpenCVCamera(str(laid_clip))
    scanner = LiveScanner(camera, got.capture, got.failure, encode=encode)
    states: list[LiveState] = []
    scanner.start()
    try:
        # Sample the slot as a screen would; the clip ends at 3 s and its last frame stays.
        deadline = time.monotonic() + 4.5
        while time.monotonic() < deadline:
            state = scanner.latest()
            if state is not None and (not states or state.seq != states[-1].seq):
                states.append(state)
            time.sleep(0.03)
    finally:
        assert scanner.stop()
    assert got.failures == []
    assert len(got.captures) == 1
    capture = got.captures[0]
    assert capture.detected and not capture.manual and capture.ticket == 0
    assert capture.quality.ok, capture.quality
    assert capture.scanned.format is not None and capture.scanned.format.key == "a4"
    width, height = capture.page.size_mm
    assert abs(width - 210) <= 1 and abs(height - 297) <= 1
    assert len(capture.page.data) <= Budget().page_bytes
    # The live view saw the empty desk first, then the page outlined, in preview pixels.
    assert states[0].quad is None and Gate.NO_PAGE in states[0].gates
    outlined = [s for s in states if s.quad is not None]
    assert outlined and max(outlined[-1].frame.shape[:2]) <= PREVIEW_MAX_SIDE
    assert outlined[-1].quad.max() <= PREVIEW_MAX_SIDE
    # After the capture the paper still lies there: the screen asks for it to be lifted.
    assert not states[-1].armed
    assert max(s.fps for s in states) >= 10


def test_a_moving_paper_is_never_taken(tmp_path: Path) -> None:
    clip = write_clip(tmp_path / "moving.avi", [(2.0, circling(paper(0)))])
    got = Collector()
    scanner = LiveScanner(OpenCVCamera(str(clip)), got.capture, got.failure)
    seen_moving = False
    scanner.start()
    try:
        deadline = time.monotonic() + 1.8  # the clip's last frame then stays still: stop before
        while time.monotonic() < deadline:
            state = scanner.latest()
            seen_moving |= bool(state and Gate.MOVING in state.gates)
            time.sleep(0.03)
    finally:
        assert scanner.stop()
    assert seen_moving
    assert got.captures == [] and got.failures == []


def test_the_next_paper_is_taken_after_the_first_is_lifted() -> None:
    got = Collector()
    scanner = LiveScanner(SampleCamera(gap_seconds=0.6), got.capture, got.failure)
    scanner.start()
    try:
        wait_for(lambda: len(got.captures) >= 2, timeout=10)
    finally:
        assert scanner.stop()
    first, second = got.captures[:2]
    assert first.scanned.image.shape == second.scanned.image.shape
    assert not np.array_equal(first.scanned.image, second.scanned.image)


def test_the_shutter_takes_the_bed_even_without_a_paper() -> None:
    got = Collector()
    scanner = LiveScanner(SampleCamera(gap_seconds=60), got.capture, got.failure)
    scanner.start()
    try:
        wait_for(lambda: scanner.latest() is not None)
        ticket = scanner.capture_now()
        wait_for(lambda: got.captures)
    finally:
        assert scanner.stop()
    capture = got.captures[0]
    assert capture.ticket == ticket and capture.manual
    assert not capture.detected and capture.quality.gates[0] is Gate.NO_PAGE


def test_the_agent_corners_flatten_the_last_still_again() -> None:
    got = Collector()
    scanner = LiveScanner(SampleCamera(gap_seconds=0), got.capture, got.failure)
    scanner.start()
    try:
        wait_for(lambda: got.captures)
        taken = got.captures[0]
        moved = taken.quad.copy()
        moved[0] += (40, 30)  # the agent drags the top-left corner in a little
        ticket = scanner.capture_with_quad(moved[[2, 0, 3, 1]])  # any order will do
        wait_for(lambda: any(c.ticket == ticket for c in got.captures))
    finally:
        assert scanner.stop()
    again = next(c for c in got.captures if c.ticket == ticket)
    assert np.allclose(again.quad, moved)
    assert again.still_size == taken.still_size
    with pytest.raises(ValueError):
        scanner.capture_with_quad(np.array([(0, 0), (10, 10), (10, 0), (0, 10)]) * [1, 0])


class HungCamera:
    """A camera whose reads never return (a wedged USB device with no read timeout)."""

    def __init__(self) -> None:
        self.forever = threading.Event()
        self.reading = threading.Event()
        self.closed = False

    def open(self, timeout: float = 5.0) -> None:
        pass

    def preview_frame(self, timeout: float = 1.0) -> np.ndarray:
        self.reading.set()
        self.forever.wait()
        raise AssertionError("released only at the end of the test")

    def capture_still(self, timeout: float = 5.0) -> np.ndarray:
        raise AssertionError("never asked")

    def close(self) -> None:
        self.closed = True


def test_stop_returns_in_time_even_when_the_camera_hangs() -> None:
    camera = HungCamera()
    scanner = LiveScanner(camera, lambda capture: None)
    scanner.start()
    assert camera.reading.wait(5)
    started = time.monotonic()
    assert scanner.stop(timeout=0.5) is False  # not released yet: the read is stuck
    assert time.monotonic() - started < 0.8
    assert scanner.latest() is None  # no frame kept for the screen after stop
    camera.forever.set()  # the read comes back at last: the worker closes the camera on its way out
    wait_for(lambda: camera.closed, timeout=5)


def test_stop_releases_the_camera_and_forgets_the_still() -> None:
    got = Collector()
    camera = SampleCamera(gap_seconds=0)
    scanner = LiveScanner(camera, got.capture)
    scanner.start()
    wait_for(lambda: got.captures)
    assert scanner.stop()
    with pytest.raises(Exception, match="not opened"):
        camera.preview_frame()
    with pytest.raises(RuntimeError):
        scanner.capture_with_quad(got.captures[0].quad)


def test_without_auto_capture_only_the_shutter_takes() -> None:
    got = Collector()
    options = ScanOptions(auto_capture=False)
    scanner = LiveScanner(SampleCamera(gap_seconds=0), got.capture, got.failure, options=options)
    scanner.start()
    try:
        wait_for(lambda: (state := scanner.latest()) is not None and state.steady, timeout=10)
        assert got.captures == []
        scanner.capture_now()
        wait_for(lambda: got.captures)
    finally:
        assert scanner.stop()
    assert got.captures[0].manual and got.captures[0].detected
