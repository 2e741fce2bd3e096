"""SampleCamera plays the bundled photos; camera_from_config picks the right camera."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from hardware.camera import (
    PREVIEW_MAX_SIDE,
    CameraError,
    CameraErrorKind,
    OpenCVCamera,
    SampleCamera,
    camera_from_config,
    sample_paths,
)


def test_four_samples_are_bundled_and_small() -> None:
    paths = sample_paths()
    assert len(paths) == 4
    for path in paths:
        assert path.stat().st_size < 200 * 1024, path.name


def test_sample_camera_returns_each_photo_in_turn() -> None:
    camera = SampleCamera()
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
    camera = SampleCamera()
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
