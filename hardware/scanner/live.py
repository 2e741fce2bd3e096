"""The live document camera: the workers behind the live view and auto-capture.

`LiveScanner` runs two threads. The camera thread owns the camera (nothing else touches it): it
reads small preview frames as fast as the camera gives them (at most `max_fps`) and takes the
full-resolution stills. The analyser thread takes the newest preview frame, finds the page on it
cheaply, checks the live gates and feeds the corners to the stabiliser; frames that arrive while it
works are skipped, never queued. Splitting the two keeps the preview smooth (≥ 15 fps) even when
finding the page costs more than a frame's time on a small CPU.

Both publish into one slot that the next state overwrites: the newest frame with the newest
outline and gates. The screen takes the latest when it wants one; nothing queues up behind a slow
consumer. When the page has been still for the hold time and every gate passes, the analyser asks
the camera thread for a still, finds the page on it again (refined, at full resolution), flattens
and judges it, and hands the result to a callback, on the analyser thread.

After a capture the page lying on the bed must not be taken again: auto-capture is disarmed until
the paper is lifted (no page seen for `REARM_SECONDS`) or laid somewhere else (its corners moved
more than `MOVED_SHARE` of the frame's diagonal from where they were when taken). "Capture now"
(the kiosk's fallback button, the agent's shutter) takes a still whatever the gates say, and
`capture_with_quad` flattens the last still again with corners an agent has dragged into place.

No Qt here: the view model adapts the callback and the slot to the GUI thread.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from egov.text import QT_TRANSLATE_NOOP
from hardware.scanner.camera import Camera, CameraError, CameraErrorKind, Clock, Frame, shrink
from hardware.scanner.finder import find_page
from hardware.scanner.flatten import ColourMode, ScannedPage, scan_page
from hardware.scanner.geometry import Quad, is_convex, max_corner_shift, order_corners
from hardware.scanner.quality import Gate, Quality, Stabilizer, assess_frame, gate_message

log = logging.getLogger(__name__)

REARM_SECONDS = 0.3  # no page for this long: the paper was lifted, the next one may be taken
MOVED_SHARE = 0.05  # corners moved this far (share of the diagonal): a paper laid anew
# The still's own detection is trusted unless a corner lies further than this (share of the
# still's diagonal) from the live corners scaled up: the live corners held still for the hold time
# and passed the gates, while a lone detection on the still may have caught a hand or the bed's edge.
DISAGREE_SHARE = 0.03
EDIT_MAX_SIDE = 1280  # the still as the agent's corner editor shows it
RETRY_SECONDS = 1.0  # wait after a camera failure before trying again
STOP_TIMEOUT = 2.0

TAKING = QT_TRANSLATE_NOOP("Scanner", "Đang chụp, xin giữ yên…")
HOLD_STILL = QT_TRANSLATE_NOOP("Scanner", "Đã thấy giấy. Xin giữ yên…")
LIFT_PAGE = QT_TRANSLATE_NOOP("Scanner", "Đã chụp trang này. Hãy lấy tờ giấy ra rồi đặt trang tiếp theo vào.")


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How pages are taken and made. Built from the [scanner] settings by the app."""

    dpi: int = 200
    colour: ColourMode = ColourMode.COLOUR
    auto_capture: bool = True
    hold_seconds: float = 0.5
    max_fps: float = 20.0  # the camera is never read faster: the screen needs no more, the CPU is shared


@dataclass(frozen=True, slots=True, repr=False)
class LiveState:
    """What the camera sees now, as the screen shows it."""

    seq: int  # grows with every published state
    frame: Frame | None  # the newest preview frame (BGR); None before the first one
    quad: Quad | None  # the page's corners in that frame's pixels
    gates: tuple[Gate, ...]  # what stops a capture now
    steady: bool  # the page has lain still for the hold time
    armed: bool  # False after a capture, until the paper is lifted or moved
    capturing: bool
    error: CameraError | None
    fps: float  # preview frames over the last second
    analysed_fps: float  # frames searched for the page over the last second

    def __repr__(self) -> str:
        return f"LiveState(seq={self.seq}, gates={self.gates}, armed={self.armed}, fps={self.fps:.0f})"

    @property
    def message(self) -> tuple[str, str]:
        """(translation context, sentence) for the screen: what to do now, or what is happening."""
        if self.error is not None:
            return "Camera", self.error.message
        if self.capturing:
            return "Scanner", TAKING
        if not self.armed and self.quad is not None:
            return "Scanner", LIFT_PAGE
        if self.gates:
            return "Scanner", gate_message(self.gates[0])
        return "Scanner", TAKING if self.steady else HOLD_STILL


@dataclass(frozen=True, slots=True, repr=False)
class Capture:
    """One page taken: the flat page, how good it is, and where its corners were."""

    page: object  # what `encode` made of the page (for the dossier); None without an encoder
    scanned: ScannedPage  # flat, upright, clean
    quality: Quality  # judged on the flat page before cleaning
    quad: Quad  # the corners used, in the still's pixels
    detected: bool  # whether the corners were found (False: the whole still was taken)
    still_size: tuple[int, int]  # (width, height)
    view: Frame  # the still made small, for the agent's corner editor
    ticket: int  # the request it answers; 0 for an auto-capture
    manual: bool

    def __repr__(self) -> str:
        # A photo of someone's papers: keep pixels out of logs and tracebacks.
        return f"Capture(ticket={self.ticket}, gates={self.quality.gates}, still={self.still_size})"


OnCapture = Callable[[Capture], None]
OnFailure = Callable[[int, BaseException], None]
Encode = Callable[[ScannedPage, Quality], object]


def _whole_frame(width: int, height: int) -> Quad:
    return np.array([(0, 0), (width - 1, 0), (width - 1, height - 1), (0, height - 1)], np.float64)


def _rate(times: deque[float], now: float) -> float:
    """Events in the last second, dropping the older ones from `times`."""
    while times and now - times[0] > 1.0:
        times.popleft()
    return float(len(times))


@dataclass(frozen=True, slots=True)
class _Analysis:
    quad: Quad | None = None
    size: tuple[int, int] = (0, 0)  # (width, height) of the frame the quad was found on
    gates: tuple[Gate, ...] = (Gate.NO_PAGE,)
    steady: bool = False


class LiveScanner:
    """The camera's workers: live frames in the slot, captures to `on_capture`.

    Create, `start()`, read `latest()` as often as the screen likes, `capture_now()` for the
    shutter, `pause()` while the camera is not on screen, `stop()` at the end of the visit (it
    releases the camera and forgets the last still). `encode` turns each flat page into what the
    dossier keeps (JPEG within the size budget) on the analyser thread, where `on_capture` and
    `on_failure` are called too.
    """

    def __init__(
        self,
        camera: Camera,
        on_capture: OnCapture,
        on_failure: OnFailure | None = None,
        *,
        options: ScanOptions | None = None,
        encode: Encode | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self.camera = camera
        self.options = options or ScanOptions()
        self._encode = encode
        self._on_capture = on_capture
        self._on_failure = on_failure
        self._clock = clock
        self._stopping = threading.Event()
        self._camera_wake = threading.Event()
        self._threads: list[threading.Thread] = []
        # Shared between the threads, guarded by `_lock` (also the analyser's wake-up call).
        self._lock = threading.Condition()
        self._state: LiveState | None = None
        self._seq = 0
        self._frame: Frame | None = None
        self._incoming: Frame | None = None  # the newest frame not yet analysed
        self._analysis = _Analysis()
        self._error: CameraError | None = None
        self._paused = False
        self._armed = True
        self._capturing = 0  # stills asked for and not yet delivered
        self._tickets = 0
        self._stills: deque[int] = deque()  # tickets for the camera thread to take a still for
        self._jobs: deque[tuple] = deque()  # work for the analyser besides frames
        self._shown: deque[float] = deque()
        self._analysed: deque[float] = deque()
        # The camera thread's own.
        self._opened = False
        # The analyser's own.
        self._stabilizer = Stabilizer(hold_seconds=self.options.hold_seconds)
        self._taken_quad: Quad | None = None  # where the paper taken last lay, preview pixels
        self._absent_since: float | None = None
        self._seen_since: float | None = None  # when the page in view was first seen
        self._still: Frame | None = None

    # -- the consumer's side (any thread) --------------------------------------------------------

    def start(self) -> None:
        if self._threads:
            return
        self._threads = [
            threading.Thread(target=self._camera_loop, name="dvc-camera", daemon=True),
            threading.Thread(target=self._analyser_loop, name="dvc-scan-live", daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def latest(self) -> LiveState | None:
        """The newest state; None before the first frame and after stop."""
        with self._lock:
            return self._state

    def capture_now(self) -> int:
        """Take a still now, whatever the gates say; returns the ticket the result will carry."""
        with self._lock:
            ticket = self._ticket()
            self._capturing += 1
            self._stills.append(ticket)
            self._publish()
        self._camera_wake.set()
        return ticket

    def capture_with_quad(self, quad: Quad) -> int:
        """Flatten the last still again with these corners (the still's pixels, any order)."""
        corners = order_corners(quad)
        if not is_convex(corners):
            raise ValueError("the corners do not make a page (crossed or folded)")
        with self._lock:
            ticket = self._ticket()
            self._jobs.append(("corners", ticket, corners))
            self._lock.notify_all()
        return ticket

    def _ticket(self) -> int:
        if self._stopping.is_set():
            raise RuntimeError("the scanner has stopped")
        self._tickets += 1
        return self._tickets

    def pause(self) -> None:
        """Stop reading frames (the camera stays open); stills asked for are still taken."""
        with self._lock:
            self._paused = True

    def resume(self) -> None:
        with self._lock:
            if self._paused:
                self._paused = False
                # Frames from before the pause say nothing about whether the page is still now.
                self._jobs.append(("resumed",))
                self._lock.notify_all()
        self._camera_wake.set()

    def stop(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Release the camera and end; True if both threads ended within `timeout` seconds.

        Never waits longer: a camera stuck in a read is left to its own deadline, and the camera
        thread releases it on its way out. `timeout=0` only asks (for the GUI thread).
        """
        self._stopping.set()
        self._camera_wake.set()
        with self._lock:
            self._state = self._frame = self._incoming = None
            self._lock.notify_all()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in self._threads)

    # -- shared ----------------------------------------------------------------------------------

    def _publish(self) -> None:
        """Make the slot show the newest of everything (call with `_lock` held)."""
        if self._stopping.is_set():
            return
        analysis, frame, quad = self._analysis, self._frame, None
        if frame is not None and analysis.quad is not None:
            height, width = frame.shape[:2]
            if (width, height) == analysis.size:
                quad = analysis.quad
            else:  # found on a frame of another size (the camera was reopened)
                quad = analysis.quad * (width / analysis.size[0], height / analysis.size[1])
        now = self._clock()
        self._seq += 1
        self._state = LiveState(
            seq=self._seq,
            frame=frame,
            quad=quad,
            gates=analysis.gates,
            steady=analysis.steady,
            armed=self._armed,
            capturing=self._capturing > 0,
            error=self._error,
            fps=_rate(self._shown, now),
            analysed_fps=_rate(self._analysed, now),
        )

    # -- the camera thread -----------------------------------------------------------------------

    def _camera_loop(self) -> None:
        try:
            while not self._stopping.is_set():
                with self._lock:
                    ticket = self._stills.popleft() if self._stills else None
                    paused = self._paused
                if ticket is not None:
                    self._take(ticket)
                elif paused:
                    self._camera_wake.wait(0.5)
                    self._camera_wake.clear()
                elif self._ensure_open():
                    self._read_frame()
        except Exception:  # noqa: BLE001 - the thread must end cleanly, releasing the camera
            log.exception("the camera thread stopped on an error")
        finally:
            self._close()

    def _ensure_open(self) -> bool:
        if self._opened:
            return True
        try:
            self.camera.open()
        except CameraError as exc:
            self._camera_failed(exc)
            return False
        self._opened = True
        return True

    def _close(self) -> None:
        if self._opened:
            self._opened = False
            try:
                self.camera.close()
            except Exception:  # noqa: BLE001 - nothing more can be done with a camera that will not close
                log.exception("camera close failed")

    def _camera_failed(self, exc: CameraError) -> None:
        log.warning("camera failed: %s", exc)
        with self._lock:
            self._error = exc
            self._publish()
        # A camera that timed out may be wedged: open it afresh next time round.
        self._close()
        self._camera_wake.wait(RETRY_SECONDS)
        self._camera_wake.clear()

    def _read_frame(self) -> None:
        started = self._clock()
        try:
            frame = self.camera.preview_frame()
        except CameraError as exc:
            self._camera_failed(exc)
            return
        with self._lock:
            self._frame = self._incoming = frame
            self._error = None
            self._shown.append(self._clock())
            self._publish()
            self._lock.notify_all()
        # Sleep off the rest of the frame time; a still asked for or a stop wakes the thread at once.
        rest = 1.0 / self.options.max_fps - (self._clock() - started)
        if rest > 0 and self._camera_wake.wait(rest):
            self._camera_wake.clear()

    def _take(self, ticket: int) -> None:
        if not self._ensure_open():
            error = self._error or CameraError(CameraErrorKind.NOT_FOUND, "not open")
            self._post(("failed", ticket, error))
            return
        with self._lock:
            analysis = self._analysis  # the corners the page had when the still was taken
        try:
            still = self.camera.capture_still()
        except CameraError as exc:
            self._camera_failed(exc)
            self._post(("failed", ticket, exc))
            return
        self._post(("still", ticket, still, analysis))

    def _post(self, job: tuple) -> None:
        with self._lock:
            self._jobs.append(job)
            self._lock.notify_all()

    # -- the analyser thread ---------------------------------------------------------------------

    def _analyser_loop(self) -> None:
        try:
            while True:
                with self._lock:
                    while not self._stopping.is_set() and not self._jobs and self._incoming is None:
                        self._lock.wait(0.5)
                    if self._stopping.is_set():
                        return
                    job = self._jobs.popleft() if self._jobs else None
                    frame = None
                    if job is None:
                        frame, self._incoming = self._incoming, None
                if job is not None:
                    self._do(job)
                elif frame is not None:
                    self._analyse(frame)
        except Exception:  # noqa: BLE001 - logged; the camera thread goes on releasing the camera
            log.exception("the live analyser stopped on an error")
        finally:
            self._still = None

    def _analyse(self, frame: Frame) -> None:
        detection = find_page(frame, refine=False)
        quality = assess_frame(frame, detection)
        now = self._clock()
        height, width = frame.shape[:2]
        quad = detection.quad if detection is not None else None
        stable = self._stabilizer.update(quad, now, (width, height))
        if quad is None:
            self._seen_since = None
        elif self._seen_since is None:
            self._seen_since = now
        gates = set(quality.gates)
        # A page just laid is given the hold time to settle ("hold still"); one still not steady
        # after that is being moved ("leave it alone").
        if self._seen_since is not None and not stable and now - self._seen_since > self.options.hold_seconds:
            gates.add(Gate.MOVING)
        ordered = tuple(g for g in Gate if g in gates)
        with self._lock:
            self._track_paper(quad, now, stable, math.hypot(width, height))
            self._analysis = _Analysis(quad, (width, height), ordered, stable)
            self._analysed.append(now)
            ready = not ordered and stable
            fire = ready and self._armed and self.options.auto_capture and not self._capturing
            if fire:
                self._armed = False  # at once: the next frame must not ask again
                self._capturing += 1
                self._stills.append(0)
            self._publish()
        if fire:
            self._camera_wake.set()

    def _track_paper(self, quad: Quad | None, now: float, stable: bool, diagonal: float) -> None:
        """Re-arm auto-capture once the paper taken last has gone or been laid elsewhere."""
        if quad is None:
            if self._absent_since is None:
                self._absent_since = now
            if now - self._absent_since >= REARM_SECONDS:
                self._armed = True
            return
        self._absent_since = None
        taken = self._taken_quad
        if not self._armed and stable and taken is not None:
            if max_corner_shift(taken, quad) > MOVED_SHARE * diagonal:
                self._armed = True

    def _do(self, job: tuple) -> None:
        kind = job[0]
        if kind == "resumed":
            self._stabilizer.reset()
            self._absent_since = self._seen_since = None
        elif kind == "failed":
            _, ticket, exc = job
            self._captured()
            self._fail(ticket, exc)
        elif kind == "still":
            _, ticket, still, analysis = job
            self._still = still
            quad = self._still_quad(still, analysis)
            with self._lock:
                # Whatever comes of it, this paper has been taken: not again as it lies.
                self._armed = False
            self._taken_quad = analysis.quad
            self._stabilizer.reset()
            height, width = still.shape[:2]
            self._deliver(ticket, quad if quad is not None else _whole_frame(width, height), quad is not None)
            self._captured()
        elif kind == "corners":
            _, ticket, quad = job
            if self._still is None:
                self._fail(ticket, ValueError("no still to flatten again"))
            else:
                self._deliver(ticket, quad, detected=True)

    def _captured(self) -> None:
        with self._lock:
            self._capturing = max(0, self._capturing - 1)
            self._publish()

    def _fail(self, ticket: int, exc: BaseException) -> None:
        if self._on_failure is not None:
            self._on_failure(ticket, exc)
        else:
            log.error("capture failed", exc_info=exc)

    def _still_quad(self, still: Frame, analysis: _Analysis) -> Quad | None:
        height, width = still.shape[:2]
        scaled = None
        if analysis.quad is not None:
            scaled = analysis.quad * (width / analysis.size[0], height / analysis.size[1])
        detection = find_page(still, refine=True)
        if detection is None:
            return scaled
        if scaled is not None:
            shift = max_corner_shift(detection.quad, scaled)
            if shift > DISAGREE_SHARE * math.hypot(width, height):
                log.info("the still's page is %.0f px off the live one; the live corners are used", shift)
                return scaled
        return detection.quad

    def _deliver(self, ticket: int, quad: Quad, detected: bool) -> None:
        still = self._still
        assert still is not None
        try:
            scanned = scan_page(still, quad, dpi=self.options.dpi, mode=self.options.colour)
            quality = scanned.quality
            page = self._encode(scanned, quality) if self._encode is not None else None
        except Exception as exc:  # noqa: BLE001 - a page that cannot be made is reported, not raised
            log.exception("making the page failed")
            self._fail(ticket, exc)
            return
        if not detected:
            quality = Quality((Gate.NO_PAGE, *quality.gates), quality.measures)
        height, width = still.shape[:2]
        capture = Capture(
            page=page,
            scanned=scanned,
            quality=quality,
            quad=np.asarray(quad, np.float64),
            detected=detected,
            still_size=(width, height),
            view=shrink(still, EDIT_MAX_SIDE),
            ticket=ticket,
            manual=ticket != 0,
        )
        self._on_capture(capture)
