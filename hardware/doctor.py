"""The device checks of `dvc-kiosk doctor`: is the chip reader, the camera, the printer usable?

Each check returns a `Check` instead of raising, and finishes within its timeout even when a
service or device hangs, so that the doctor can always print its whole table. Details name what
was found, never whose data: no card contents, no URLs with credentials.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hardware.deadline import DeadlineExceeded, call_with_deadline
from hardware.printer import (
    PreviewPrinter,
    PrinterError,
    PrinterSettings,
    printer_from_settings,
    printer_from_uri,
)
from hardware.printer.escpos import Paper
from hardware.scanner.camera import CameraError, CameraErrorKind, SampleCamera, camera_from_config

State = Literal["ok", "missing", "error"]

READER_TIMEOUT = 3.0
CAMERA_TIMEOUT = 5.0


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the doctor's table: English `detail` for the CLI and logs, `detail_vi` for staff."""

    name: str
    state: State
    detail: str
    detail_vi: str


def check_reader(timeout: float = READER_TIMEOUT) -> Check:
    """The PC/SC chip-card reader, through pyscard and the pcscd service."""
    name = "reader"
    try:
        # Imported here: pyscard loads libpcsclite, which a kiosk without a reader may lack.
        from smartcard.pcsc.PCSCExceptions import EstablishContextException
        from smartcard.System import readers
    except ImportError as exc:
        return Check(
            name,
            "missing",
            f"pyscard or libpcsclite not installed ({exc.__class__.__name__})",
            "Chưa cài thư viện đọc thẻ (pyscard/libpcsclite).",
        )
    try:
        found = call_with_deadline(readers, timeout, f"doctor-{name}")
    except DeadlineExceeded:
        return Check(
            name,
            "error",
            f"the PC/SC service did not answer within {timeout:g} s",
            "Dịch vụ đọc thẻ (pcscd) không phản hồi.",
        )
    except EstablishContextException:
        return Check(
            name,
            "missing",
            "the PC/SC service (pcscd) is not running: sudo systemctl enable --now pcscd.socket",
            "Dịch vụ đọc thẻ (pcscd) chưa chạy.",
        )
    except Exception as exc:
        return Check(
            name,
            "error",
            f"listing readers failed: {exc.__class__.__name__}",
            "Không liệt kê được đầu đọc thẻ.",
        )
    if not found:
        return Check(name, "missing", "no smart-card reader connected", "Chưa cắm đầu đọc thẻ.")
    names = ", ".join(str(reader) for reader in found)
    return Check(name, "ok", f"{len(found)} reader(s): {names}", f"Có {len(found)} đầu đọc thẻ: {names}")


def check_card_reader(reader: str, timeout: float = READER_TIMEOUT) -> Check:
    """The chip reader as `[identity] reader` names it: the built-in emulated card needs no device,
    "none" is off, a PC/SC reader is looked for through pcscd."""
    reader = reader.strip()
    if reader == "emulator":
        return Check(
            "reader",
            "ok",
            "built-in emulated card of the sample citizen ([identity] reader = emulator)",
            "Dùng thẻ mô phỏng có sẵn (công dân MẪU), không cần đầu đọc.",
        )
    if reader in ("", "none"):
        return Check(
            "reader", "missing", "chip reading is off ([identity] reader = none)", "Không dùng đầu đọc thẻ."
        )
    return check_reader(timeout)


def check_camera(source: str, timeout: float = CAMERA_TIMEOUT) -> Check:
    """The camera in [camera] source: the sample photos are there, or a device gives a frame."""
    name = "camera"
    try:
        camera = camera_from_config(source)
    except CameraError as exc:
        return Check(name, "missing", exc.detail or str(exc), exc.message)
    if isinstance(camera, SampleCamera):
        try:
            camera.open()
        except CameraError as exc:
            return Check(name, "error", exc.detail, "Thiếu ảnh mẫu của máy ảnh.")
        finally:
            camera.close()
        count = len(camera)
        return Check(name, "ok", f"sample photos ({count})", f"Dùng {count} ảnh mẫu (không có máy ảnh thật).")
    try:
        # Open and read one frame: some cameras open fine and then never deliver a picture.
        camera.open(timeout)
        frame = camera.capture_still(timeout)
    except CameraError as exc:
        state: State = "missing" if exc.kind is CameraErrorKind.NOT_FOUND else "error"
        return Check(name, state, exc.detail or str(exc), exc.message)
    finally:
        camera.close()
    height, width = frame.shape[:2]
    return Check(name, "ok", f"{width}x{height} still", f"Máy ảnh hoạt động, ảnh {width}x{height}.")


def check_printer(printer_config: str | PrinterSettings, default_dir: Path) -> Check:
    """The printer in [printer] (or a bare URI, with the generic profile): for PNG previews, that
    the folder can be written; for an ESC/POS printer, that it answers and is ready to print."""
    name = "printer"
    try:
        if isinstance(printer_config, str):
            printer = printer_from_uri(printer_config, default_dir)
        else:
            printer = printer_from_settings(printer_config, default_dir)
    except (PrinterError, ValueError) as exc:
        detail = exc.detail if isinstance(exc, PrinterError) else str(exc)
        return Check(name, "error", detail or str(exc), "Máy in chưa được cài đặt đúng.")
    if isinstance(printer, PreviewPrinter):
        folder = printer.directory
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # A real write, not os.access: it also catches a full disk or a read-only mount.
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-", suffix=".tmp"):
                pass
        except OSError as exc:
            return Check(
                name,
                "error",
                f"preview folder {folder} is not writable ({exc.strerror})",
                f"Không ghi được vào thư mục {folder}.",
            )
        return Check(
            name,
            "ok",
            f"PNG previews in {folder}",
            f"Không có máy in: phiếu được lưu thành ảnh PNG trong {folder}.",
        )
    model = printer.profile.name
    try:
        status = printer.status()
    except PrinterError as exc:
        return Check(name, "error", f"{model}: {exc.detail}", exc.message)
    if not status.known:
        return Check(
            name,
            "ok",
            f"{model}: connected; it gives no status over this link",
            f"{model}: đã kết nối; máy in không báo trạng thái qua đường này.",
        )
    problems = [
        text
        for flag, text in (
            (status.online is False, "offline"),
            (bool(status.cover_open), "cover open"),
            (status.paper is Paper.OUT, "paper out"),
            (bool(status.error), "error"),
        )
        if flag
    ]
    if problems:
        return Check(name, "error", f"{model}: {', '.join(problems)}", "Máy in chưa sẵn sàng.")
    near_end = status.paper is Paper.NEAR_END
    return Check(
        name,
        "ok",
        f"{model}: ready" + (", paper near end" if near_end else ""),
        f"{model}: sẵn sàng" + (", sắp hết giấy." if near_end else "."),
    )
