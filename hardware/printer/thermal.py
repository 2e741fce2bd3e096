"""An ESC/POS receipt printer: asks its status, refuses a job it cannot print, sends the job, and
checks again afterwards.

One job is one connection: open, DLE EOT 1/2/4 (real-time, answered even when offline), the job
(ESC @, the receipt as GS v 0 raster bands, native QR codes where the profile has them, feed, cut),
GS r 1 where the profile answers it (its reply comes only once the job has been processed), DLE
EOT again, close. A printer that does not answer is not a printer with paper: when the profile
and the wire can carry status, silence is a TIMEOUT, never a go-ahead. Where they cannot (CUPS, a
write-only node, a model without DLE EOT), the job is sent and the status stays unknown.

Blocking, like every device call: run it on the printer's worker thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

import qrcode
import qrcode.constants
from PIL import Image

from egov.receipt import QR, Block, Cut
from hardware.printer import escpos, textmode
from hardware.printer.errors import PrinterError, PrinterErrorKind
from hardware.printer.escpos import Paper, PrinterStatus
from hardware.printer.profiles import PrinterProfile
from hardware.printer.transport import Timeouts, Transport, transport_from_uri
from hardware.raster import render

log = logging.getLogger(__name__)

_R = TypeVar("_R")

# 4 mm of blank paper above and below a native QR code: the quiet zone the standard asks for.
QR_QUIET_DOTS = 32
_QR_MARGIN_DOTS = 24  # kept clear at each side of a native QR code
_MIN_MODULE, _MAX_MODULE = 3, 8


class EscPosPrinter:
    """The Printer protocol over ESC/POS. `last_status` is what the printer said after the last
    job (or status request): a job on a roll near its end succeeds with paper NEAR_END there.

    `text_mode`: blocks go out as CP1258 text (hardware.printer.textmode) rather than raster; a
    profile without CP1258 raises textmode.TextModeUnavailable (a ValueError) here."""

    def __init__(
        self,
        uri: str,
        profile: PrinterProfile,
        timeouts: Timeouts | None = None,
        transport: Transport | None = None,
        text_mode: bool = False,
    ) -> None:
        if text_mode:
            textmode.text_code_page(profile)
        self.uri = uri.strip()
        self.profile = profile
        self.text_mode = text_mode
        self.timeouts = timeouts or Timeouts()
        self._transport = transport
        self.last_status: PrinterStatus | None = None

    @property
    def width_dots(self) -> int:
        return self.profile.width_dots

    # ---- the Printer protocol ------------------------------------------------------------------

    def print_image(self, image: Image.Image) -> None:
        """Print a receipt already drawn (QR codes included) as one raster image, then cut."""
        self._check_width(image)
        self._run_job(escpos.initialize() + b"".join(escpos.raster_bands(image)) + self._ending())

    def print_blocks(self, blocks: Sequence[Block]) -> None:
        """Print receipt blocks: raster for text, native QR codes where the profile has them, a
        cut at each Cut block (and at the end)."""
        self._run_job(self.encode_blocks(blocks))

    def status(self) -> PrinterStatus:
        """Ask the printer how it is, without printing. Raises PrinterError when it cannot be
        reached or, able to answer, says nothing (TIMEOUT); returns an all-unknown status when it
        cannot answer at all (CUPS, a model without DLE EOT)."""
        transport = self._open()
        try:
            status = self._ask_status(transport)
            if not status.known and self._can_ask(transport):
                raise PrinterError(
                    PrinterErrorKind.TIMEOUT,
                    f"{transport.description}: no answer to DLE EOT within {self.timeouts.status:g} s",
                )
        finally:
            self._close(transport)
        self.last_status = status
        return status

    # ---- encoding ------------------------------------------------------------------------------

    def encode_blocks(self, blocks: Sequence[Block]) -> bytes:
        """The whole job for `blocks`, as sent."""
        if self.text_mode:
            return textmode.encode_blocks(blocks, self.profile, self._native_qr, self._ending())
        width = self.profile.width_dots
        job = bytearray(escpos.initialize())
        run: list[Block] = []

        def flush_raster() -> None:
            if run:
                job.extend(b"".join(escpos.raster_bands(render(run, width))))  # type: ignore[arg-type]
                run.clear()

        for block in blocks:
            if isinstance(block, Cut):
                flush_raster()
                job.extend(self._ending())
            elif isinstance(block, QR) and self.profile.native_qr:
                flush_raster()
                job.extend(self._native_qr(block))
            else:
                run.append(block)
        if not blocks or not isinstance(blocks[-1], Cut):  # every slip ends cut (or torn off)
            flush_raster()
            job.extend(self._ending())
        return bytes(job)

    def _native_qr(self, block: QR) -> bytes:
        payload = block.payload.encode("utf-8")
        parts = [
            escpos.feed_dots(QR_QUIET_DOTS),
            escpos.justify("center"),
            escpos.qr_code(payload, self._module_dots(payload), "M"),
            escpos.justify("left"),
            escpos.feed_dots(QR_QUIET_DOTS),
        ]
        if block.caption:
            parts.extend(escpos.raster_bands(qr_caption(block, self.profile.width_dots)))
        return b"".join(parts)

    def _module_dots(self, payload: bytes) -> int:
        """The largest module, up to 8 dots, that keeps the symbol and its 4-module quiet zone on
        the paper; the printer picks the version, which byte mode bounds from above."""
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        code.add_data(payload)
        code.make(fit=True)
        modules = code.modules_count + 8
        room = self.profile.width_dots - 2 * _QR_MARGIN_DOTS
        return max(_MIN_MODULE, min(_MAX_MODULE, room // modules))

    def _ending(self) -> bytes:
        end = escpos.feed_lines(self.profile.feed_lines)
        if self.profile.cut != "none":
            end += escpos.cut(partial=self.profile.cut == "partial")
        return end

    def _check_width(self, image: Image.Image) -> None:
        if image.width != self.profile.width_dots:
            raise PrinterError(
                PrinterErrorKind.NOT_CONFIGURED,
                f"receipt drawn {image.width} dots wide for a {self.profile.width_dots}-dot "
                f"{self.profile.name}: check [printer] paper_mm and profile",
            )

    # ---- the job -------------------------------------------------------------------------------

    def _open(self) -> Transport:
        transport = self._transport or transport_from_uri(self.uri, self.timeouts)
        transport.open()
        return transport

    def _close(self, transport: Transport) -> None:
        try:
            # Unread replies left in a TCP socket turn close() into a reset, which some printers
            # answer by dropping what they have not printed yet.
            self._drain(transport)
        except PrinterError:
            pass
        transport.close()

    def _run_job(self, job: bytes) -> None:
        transport = self._open()
        try:
            before = self._ask_status(transport)
            self.last_status = before
            self._refuse_unless_ready(before, transport, "before the job")
            try:
                transport.write(job)
                transport.flush()
                self.last_status = self._confirm_end(transport)
            except PrinterError as exc:
                exc.maybe_printed = True
                raise
        finally:
            self._close(transport)
        log.info("printed %d bytes on %s", len(job), transport.description)

    def _can_ask(self, transport: Transport) -> bool:
        return self.profile.dle_eot and transport.can_read

    def _refuse_unless_ready(self, status: PrinterStatus, transport: Transport, when: str) -> None:
        where = f"{transport.description} {when}"
        if status.cover_open:
            raise PrinterError(PrinterErrorKind.COVER_OPEN, f"{where}: cover open")
        if status.paper is Paper.OUT:
            raise PrinterError(PrinterErrorKind.PAPER_OUT, f"{where}: paper out")
        if status.online is False:
            raise PrinterError(PrinterErrorKind.OFFLINE, f"{where}: printer reports offline")
        if status.error:
            raise PrinterError(
                PrinterErrorKind.OFFLINE, f"{where}: printer reports an error (cutter or head)"
            )
        if not status.known and self._can_ask(transport):
            raise PrinterError(
                PrinterErrorKind.TIMEOUT,
                f"{where}: no answer to DLE EOT within {self.timeouts.status:g} s",
            )

    def _confirm_end(self, transport: Transport) -> PrinterStatus:
        if not self._can_ask(transport):
            return PrinterStatus()
        if self.profile.gs_r:
            # GS r replies have bit 4 off and DLE EOT replies bit 4 on: a late or stray status
            # byte (a printer that acts on 10 04 n inside raster data) is never taken for it.
            transport.write(escpos.paper_status_request())
            confirmed = self._read_reply(transport, self.timeouts.job, escpos.parse_paper_status)
            after = self._ask_status(transport)
            # A stop for paper or cover during the job explains the silence: say that, not "timeout".
            self._refuse_unless_ready(after, transport, "after the job")
            if confirmed is None:
                raise PrinterError(
                    PrinterErrorKind.TIMEOUT,
                    f"{transport.description}: end of job not confirmed within {self.timeouts.job:g} s",
                )
            return after
        after = self._ask_status(transport)
        self._refuse_unless_ready(after, transport, "after the job")
        return after

    # ---- status --------------------------------------------------------------------------------

    def _ask_status(self, transport: Transport) -> PrinterStatus:
        if not self._can_ask(transport):
            return PrinterStatus()
        self._drain(transport)
        replies: dict[int, escpos.DleEotReply | None] = {}
        for n in (1, 2, 4):
            transport.write(escpos.status_request(n))
            replies[n] = self._read_reply(
                transport, self.timeouts.status, lambda byte, n=n: escpos.parse_dle_eot(n, byte)
            )
            if replies[n] is None:
                break  # silent once, silent again: do not wait three times
        cause = replies.get(2)
        error_cause = None
        if cause is not None and cause.error:
            transport.write(escpos.status_request(3))
            error_cause = self._read_reply(
                transport, self.timeouts.status, lambda byte: escpos.parse_dle_eot(3, byte)
            )
        return PrinterStatus.from_replies(replies.get(1), cause, replies.get(4), error_cause)

    def _read_reply(
        self, transport: Transport, timeout: float, parse: Callable[[int], _R | None]
    ) -> _R | None:
        """The first byte within `timeout` that `parse` accepts, parsed; None if none came."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            data = transport.read(1, left)
            if data:
                parsed = parse(data[0])
                if parsed is not None:
                    return parsed
        return None

    def _drain(self, transport: Transport) -> None:
        if not transport.can_read:
            return
        for _ in range(64):  # stale replies or ASB bytes; a bounded loop even on a chatty line
            if not transport.read(256, 0):
                return


def qr_caption(block: QR, width_dots: int) -> Image.Image:
    """The caption under a QR block exactly as hardware.raster draws it: the rows of the rendered
    block below the code."""
    whole = render([block], width_dots)  # type: ignore[arg-type]
    code = render([QR(block.payload)], width_dots)  # type: ignore[arg-type]
    return whole.crop((0, code.height, width_dots, whole.height))
