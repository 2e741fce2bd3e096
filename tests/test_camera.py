"""SampleCamera plays the bundled photos as papers laid on a bed; OpenCVCamera plays a video file as
a live camera; camera_from_config picks the right camera; SharedCamera lets two workers use one."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from hardware.scanner.camera import (
    PREVIEW_MAX_SIDE,
    CameraError,
    CameraErrorKind,
    OpenCVCamera,
    SampleCamera,
    SharedCamera,
    camera_from_config,
    sample_paths,
)
from hardware.scanner.finder import find_page


def test_four_samples_are_bundled_and_small() -> None:
    paths = sample_paths()
    assert len(paths) == 4
    for path in paths:
        assert path.stat().st_size < 200 * 1024, path.name


def test_sample_camera_returns_each_photo_in_turn() -> None:
    camera = SampleCamera(gap_seconds=0)
    camera.open()
    try:
        stills = [camera.capture_still() for _ in range(5)]
    finally:
        camera.close()
    for still in stills:
        assert still.shape == (1200, 1600, 3)
        assert still.dtype == np.uint8
    # Four different photos, then round again to the first.
    for first in range(4):
        for second in range(first + 1, 4):
            assert not np.array_equal(stills[first], stills[second])
    assert np.array_equal(stills[4], stills[0])


def test_preview_is_the_next_still_made_small() -> None:
    camera = SampleCamera(gap_seconds=0)
    camera.open()
    preview = camera.preview_frame()
    assert max(preview.shape[:2]) == PREVIEW_MAX_SIDE
    assert preview.shape[2] == 3
    still = camera.capture_still()
    # Same picture: the preview's mean colour matches the still's.
    assert np.allclose(preview.mean(axis=(0, 1)), still.mean(axis=(0, 1)), atol=2)
    camera.close()


def test_stills_are_copies() -> None:
    camera = SampleCamera([sample_paths()[0]])
    camera.open()
    first = camera.capture_still()
    first[:] = 0
    assert camera.capture_still().any()


def test_not_opened_and_missing_files_raise() -> None:
    camera = SampleCamera()
    with pytest.raises(CameraError) as caught:
        camera.capture_still()
    assert caught.value.kind is CameraErrorKind.NOT_FOUND
    with pytest.raises(CameraError) as caught:
        SampleCamera([Path("/nonexistent/photo.jpg")]).open()
    assert caught.value.kind is CameraErrorKind.NOT_FOUND
    assert caught.value.message  # a Vietnamese sentence for the screen


def test_camera_from_config() -> None:
    assert isinstance(camera_from_config("samples"), SampleCamera)
    device = camera_from_config("2")
    assert isinstance(device, OpenCVCamera) and device.source == 2
    stream = camera_from_config("rtsp://cam.local/stream")
    assert isinstance(stream, OpenCVCamera) and stream.source == "rtsp://cam.local/stream"
    with pytest.raises(CameraError):
        camera_from_config("")


def test_missing_device_fails_quickly() -> None:
    camera = OpenCVCamera("/nonexistent/video.avi")
    started = time.monotonic()
    with pytest.raises(CameraError) as caught:
        camera.open(timeout=3)
    assert time.monotonic() - started < 4
    assert caught.value.kind in (CameraErrorKind.NOT_FOUND, CameraErrorKind.TIMEOUT)
    camera.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_sample_camera_lays_a_paper_that_stays_until_taken() -> None:
    clock = FakeClock()
    camera = SampleCamera(gap_seconds=0.8, clock=clock)
    camera.open()
    # The bed is empty at first: no page to find, and a still of it is not a paper.
    assert find_page(camera.preview_frame(), refine=False) is None
    assert find_page(camera.capture_still()) is None
    clock.now += 0.8
    first = camera.preview_frame()
    assert find_page(first, refine=False) is not None
    clock.now += 5
    assert camera.preview_frame() is first  # it stays, unchanged, until it is taken
    still = camera.capture_still()
    assert still.shape == (1200, 1600, 3)
    # Taking it lifts the paper; the next one is laid a moment later.
    assert find_page(camera.preview_frame(), refine=False) is None
    clock.now += 0.8
    second = camera.preview_frame()
    assert find_page(second, refine=False) is not None
    assert not np.array_equal(first, second)
    camera.close()


def _clip(path: Path, frames: int, fps: float) -> Path:
    """A small MJPG clip whose frame n is uniformly grey at level 6 × n."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (160, 120))
    assert writer.isOpened()
    for n in range(frames):
        writer.write(np.full((120, 160, 3), 6 * n, np.uint8))
    writer.release()
    return path


def _frame_number(frame: np.ndarray) -> int:
    return round(float(frame.mean()) / 6)


def test_a_video_file_plays_with_time_and_its_last_frame_stays(tmp_path: Path) -> None:
    clock = FakeClock()
    camera = OpenCVCamera(str(_clip(tmp_path / "clip.avi", frames=20, fps=10)), clock=clock)
    camera.open()
    assert camera.is_file and camera.resolution == (160, 120)
    assert _frame_number(camera.preview_frame()) == 0
    clock.now += 0.55  # frames 1 to 4 went by unseen, as they would on a camera
    assert _frame_number(camera.preview_frame()) == 5
    clock.now += 0.3
    assert _frame_number(camera.capture_still()) == 8
    clock.now += 10  # long past the end: the last frame stays in view
    assert _frame_number(camera.preview_frame()) == 19
    assert _frame_number(camera.capture_still()) == 19
    camera.close()


def test_a_video_file_is_not_read_faster_than_its_frame_rate(tmp_path: Path) -> None:
    camera = OpenCVCamera(str(_clip(tmp_path / "clip.avi", frames=40, fps=20)))
    camera.open()
    started = time.monotonic()
    numbers = [_frame_number(camera.preview_frame()) for _ in range(8)]
    elapsed = time.monotonic() - started
    camera.close()
    # Each read waits for the next frame (50 ms apart), as a camera's read does.
    assert numbers == sorted(numbers) and len(set(numbers)) == 8
    assert elapsed >= 0.3


class CountingCamera(SampleCamera):
    """The sample camera, counting how often the device is opened and released."""

    def __init__(self, still_seconds: float = 0.0) -> None:
        super().__init__(gap_seconds=0)
        self.opens = self.closes = 0
        self.still_seconds = still_seconds

    def open(self, timeout: float = 5.0) -> None:
        super().open(timeout)
        self.opens += 1

    def capture_still(self, timeout: float = 5.0) -> np.ndarray:
        time.sleep(self.still_seconds)  # a camera that focuses and exposes before it answers
        return super().capture_still(timeout)

    def close(self) -> None:
        super().close()
        self.closes += 1


def test_a_shared_camera_stays_open_until_its_last_user_is_done() -> None:
    device = CountingCamera()
    camera = SharedCamera(device)
    camera.open()  # the card's QR scan
    camera.open()  # the documents step
    assert device.opens == 1 and camera.users == 2
    camera.close()
    # One user done: the other still reads frames.
    assert device.closes == 0 and camera.preview_frame().size
    camera.close()
    assert device.closes == 1 and camera.users == 0
    camera.close()  # a close too many does not reach the device
    assert device.closes == 1
    with pytest.raises(CameraError):
        camera.capture_still()  # released: the device says it is not open


def test_a_failed_open_holds_nothing_and_release_ends_every_use() -> None:
    camera = SharedCamera(SampleCamera([Path("/nonexistent/photo.jpg")]))
    with pytest.raises(CameraError):
        camera.open()
    assert camera.users == 0
    device = CountingCamera()
    camera = SharedCamera(device)
    camera.open()
    camera.open()
    camera.release()  # the app is closing
    assert device.closes == 1 and camera.users == 0


def test_a_worker_waits_for_the_camera_at_most_its_own_timeout() -> None:
    device = CountingCamera(still_seconds=1.0)
    camera = SharedCamera(device)
    camera.open()
    slow = threading.Thread(target=camera.capture_still)
    slow.start()
    time.sleep(0.2)  # the still is being taken
    # BUSY, not a frame after the still: the preview gave up when its own time was up.
    with pytest.raises(CameraError) as caught:
        camera.preview_frame(timeout=0.1)
    slow.join()
    assert caught.value.kind is CameraErrorKind.BUSY and "bận" in caught.value.message
    assert camera.preview_frame(timeout=1.0).size  # and gets the camera once the still is done
    camera.close()
