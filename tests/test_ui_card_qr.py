"""The card's QR on the identify step: tap "Quét mã QR trên thẻ", and the chip opens with its keys.

On the embedded defaults the camera is the sample camera, which shows the bundled photo of the
sample card for the scan, and the reader is the emulated card of the same citizen: the QR's ID
number gives the CAN that opens the chip, and no digit is typed. A camera that sees no card's QR
leaves the page with a sentence saying what to do.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import qrcode  # noqa: E402
from test_ui_card import agent_case_at_card_page, kiosk_on_card_page  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from egov.identity import Source  # noqa: E402
from hardware.card.keys import CanKey  # noqa: E402
from hardware.scanner.camera import CameraError, CameraErrorKind  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.visit_model import VisitModel  # noqa: E402

MASKED = "Ng***n T** M**"  # egov.receipt.mask_name("Nguyễn Thị Mẫu")


class DeskCamera:
    """A shared camera over a bare desk, or over a desk with `payload` as a QR on a slip."""

    def __init__(self, payload: str = "", fail_open: bool = False) -> None:
        self.payload = payload
        self.fail_open = fail_open
        self.opened = 0
        self.closed = 0
        self.stills = 0
        self.is_open = False

    def open(self, timeout: float = 5.0) -> None:
        if self.fail_open:
            raise CameraError(CameraErrorKind.NOT_FOUND, "test camera")
        self.opened += 1
        self.is_open = True

    def preview_frame(self, timeout: float = 1.0) -> np.ndarray:
        return self.capture_still()[::3, ::3].copy()

    def capture_still(self, timeout: float = 5.0) -> np.ndarray:
        assert self.is_open, "a still from a closed camera"
        self.stills += 1
        frame = np.full((1080, 1920, 3), (60, 100, 140), np.uint8)
        if self.payload:
            code = qrcode.QRCode(border=4, box_size=6)
            code.add_data(self.payload)
            code.make(fit=True)
            slip = np.where(np.array(code.get_matrix(), bool), 0, 255).astype(np.uint8)
            slip = cv2.resize(slip, None, fx=6, fy=6, interpolation=cv2.INTER_NEAREST)
            frame[200 : 200 + slip.shape[0], 300 : 300 + slip.shape[1]] = slip[..., None]
        return frame

    def close(self) -> None:
        self.closed += 1
        self.is_open = False


def recording_reads(services) -> list[list]:
    """The keys the card service is asked to read with, call by call."""
    calls: list[list] = []
    read = services.card.read

    def spy(keys, progress=None):
        calls.append(list(keys))
        return read(keys, progress)

    services.card.read = spy
    return calls


def short_scan(monkeypatch) -> None:
    # A camera that never shows the card would keep the scan going for 10 s; the tests need less.
    monkeypatch.setattr(VisitModel, "QR_SCAN_SECONDS", 1.5)
    monkeypatch.setattr(VisitModel, "QR_SCAN_TRIES", 3)
    monkeypatch.setattr(VisitModel, "QR_SCAN_PAUSE", 0.05)


def test_the_card_qr_opens_the_chip_with_no_digit_typed(qtbot, services, monkeypatch) -> None:
    calls = recording_reads(services)
    documents_stills: list[int] = []
    monkeypatch.setattr(services.camera, "capture_still", lambda *_a, **_k: documents_stills.append(1))
    shell = kiosk_on_card_page(qtbot, services)
    vm = shell.visit
    tap(qtbot, shell, "scanCardQrButton")
    wait_until(lambda: vm.page == "procedure", timeout=30)
    # The QR's ID number gave the CAN; the born-1958 card never expires, so no BAC key follows.
    assert calls == [[CanKey("000000")]]
    identity = vm.visit.identity
    assert identity.source is Source.CHIP
    assert identity.full_name == "Nguyễn Thị Mẫu" and identity.id_number == "001158000000"
    assert vm.cardQrNote.endswith(f"{MASKED}.") and "Mẫu" not in vm.cardQrNote
    # The documents' sample camera was not used: its pages are still in their order for later.
    assert documents_stills == []
    shell.close()


def test_the_agent_reviews_the_citizen_read_through_the_card_qr(qtbot, services) -> None:
    shell = agent_case_at_card_page(qtbot, services)
    vm = shell.visit
    tap(qtbot, shell, "scanCardQrButton")
    wait_until(lambda: vm.cardState == "review", timeout=30)
    assert find(shell, "cardName").property("text") == "Nguyễn Thị Mẫu"
    assert MASKED in wait_for(qtbot, shell, "cardQrNote").property("text")
    assert [row["state"] for row in vm.cardChecks] == ["ok", "ok", "unknown", "ok"]
    tap(qtbot, shell, "acceptCardButton")
    wait_until(lambda: vm.page == "procedure")
    assert vm.visit.identity.id_number == "001158000000" and not vm.cardQrNote
    shell.close()


def test_no_qr_in_view_says_what_to_do_and_keeps_the_shared_camera(qtbot, services, monkeypatch) -> None:
    short_scan(monkeypatch)
    camera = DeskCamera()
    services.camera = camera
    calls = recording_reads(services)
    shell = kiosk_on_card_page(qtbot, services)
    vm = shell.visit
    tap(qtbot, shell, "scanCardQrButton")
    wait_until(lambda: vm.cardState == "enter" and bool(vm.message), timeout=30)
    assert "Đặt mặt trước của thẻ dưới máy ảnh" in vm.message
    assert vm.messageField == "qr" and vm.page == "card" and vm.visit.identity is None
    assert find(shell, "pageMessage").property("text") == vm.message
    assert calls == [] and camera.stills == 3 and not vm.cardQrNote

    # Tried again: the camera the documents step shares is opened once per visit, not per scan.
    tap(qtbot, shell, "scanCardQrButton")
    wait_until(lambda: vm.cardState == "enter" and not vm.busy, timeout=30)
    assert camera.opened == 1 and camera.closed == 0 and camera.stills == 6
    # Typing the CAN still works after a scan that found nothing.
    for digit in "000000":
        tap(qtbot, shell, f"key_{digit}")
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.page == "procedure", timeout=30)
    vm.finish()
    wait_until(lambda: camera.closed == 1)
    shell.close()


def test_another_qr_or_a_missing_camera_is_said_plainly(qtbot, services, monkeypatch) -> None:
    short_scan(monkeypatch)
    services.camera = DeskCamera(fail_open=True)
    shell = kiosk_on_card_page(qtbot, services)
    vm = shell.visit
    tap(qtbot, shell, "scanCardQrButton")
    wait_until(lambda: vm.cardState == "enter" and bool(vm.message), timeout=30)
    assert "Không tìm thấy máy ảnh" in vm.message and vm.page == "card"

    # The camera never opened, so the next scan opens the one now plugged in.
    services.camera = DeskCamera("https://dichvucong.example.vn/tra-cuu?MHS=H01.99-250305-0007")
    tap(qtbot, shell, "scanCardQrButton")
    wait_until(lambda: vm.cardState == "enter" and "QR" in vm.message, timeout=30)
    assert "không phải mã trên thẻ căn cước" in vm.message and vm.visit.identity is None
    shell.close()
