"""An emulated CCCD chip: the card side of the protocol, answering real APDUs from its files.

It backs the embedded default (in process, through `EmulatorTransport`) and, through vpcd, appears
as a card in a real pcscd reader, so that every layer above it is exercised exactly as with a card
on a reader. It behaves as the fact sheet reports the real card does: `SELECT MF` answers 6D00,
EF.CardAccess is readable before authentication, everything else needs BAC or PACE and secure
messaging, DG3 answers 6982 even then, an absent file 6A82, a secure-messaging fault 6987/6988 and
the end of the session. Extended length and the access protocols can be switched off per card, to
test the reader's fallbacks.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from hardware.card import apdu
from hardware.card.apdu import Command, Response
from hardware.card.bac import BacResponder
from hardware.card.crypto import AuthenticationFailed
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.lds import EMRTD_AID, FILES_BY_FID
from hardware.card.pace import PaceResponder, PasswordKind
from hardware.card.sm import SecureMessaging, SmError, parse_tlvs

# FID → file name as in the profile; the SFI is the FID's low byte for all of them.
FILES: dict[int, str] = {fid: ef.name for fid, ef in FILES_BY_FID.items()}
_UNPROTECTED = {"EF.CardAccess"}  # readable before any authentication
_ALWAYS_DENIED = {"DG3", "DG4"}  # biometrics behind terminal authentication (EAC), which we never do
_MAX_OFFSET = 0x7FFF  # READ BINARY with a P1P2 offset reaches 32 KiB; our files are smaller


def _atr(extended: bool) -> bytes:
    """A contactless ATR as PC/SC part 3 builds it, whose historical bytes carry the ISO 7816-4
    card capabilities (tag 7, length 3): the third byte's bit 0x40 announces extended Lc/Le."""
    historical = bytes((0x80, 0x73, 0x00, 0x00, 0x40 if extended else 0x00))
    body = bytes((0x80 | len(historical), 0x80, 0x01)) + historical
    tck = 0
    for byte in body:
        tck ^= byte
    return b"\x3b" + body + bytes((tck,))


@dataclass
class CardStats:
    """What the card saw: the benchmark's APDU and byte counts come from the card side too."""

    apdus: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    by_ins: dict[int, int] = field(default_factory=dict)


class EmulatedCccd:
    """A CCCD chip. `files` are the profile's encoded files; `can` the 6-digit card access number;
    `mrz_information` the BAC key seed (document number, birth date, expiry date with check digits).

    `key_tries`: when set, the card counts wrong PACE passwords and says how many tries are left
    (63Cx), blocking at zero (6983) until `reset_tries()`; None answers a plain 6300 as most
    eMRTDs do. Thread-safe: the vpcd link and the tests may call from different threads.
    """

    def __init__(
        self,
        files: dict[str, bytes],
        can: str,
        mrz_information: str,
        *,
        pace: bool = True,
        bac: bool = True,
        extended_length: bool = True,
        key_tries: int | None = None,
        rng: Callable[[int], bytes] = os.urandom,
    ) -> None:
        self._files = dict(files)
        self._can = can
        self._mrz_information = mrz_information
        self.pace_enabled = pace and "EF.CardAccess" in files
        self.bac_enabled = bac
        self.extended_length = extended_length
        self._key_tries = key_tries
        self._tries_left = key_tries
        self._rng = rng
        self._lock = threading.Lock()
        self.stats = CardStats()
        self._powered = False
        self._reset_session()

    # -- the VirtualCard protocol of the vpcd link ------------------------------------------------

    def atr(self) -> bytes:
        return _atr(self.extended_length)

    def power_on(self) -> None:
        with self._lock:
            self._powered = True
            self._reset_session()

    def power_off(self) -> None:
        with self._lock:
            self._powered = False
            self._reset_session()

    def reset(self) -> None:
        self.power_on()

    def reset_tries(self) -> None:
        with self._lock:
            self._tries_left = self._key_tries

    def process(self, raw: bytes) -> bytes:
        """One command APDU in, one response APDU out; never raises."""
        with self._lock:
            self.stats.apdus += 1
            self.stats.bytes_in += len(raw)
            try:
                cmd = Command.parse(raw)
            except apdu.ApduFormatError:
                out = Response(b"", apdu.SW_WRONG_LENGTH).encode()
            else:
                self.stats.by_ins[cmd.ins] = self.stats.by_ins.get(cmd.ins, 0) + 1
                out = self._dispatch(cmd, raw).encode()
            self.stats.bytes_out += len(out)
            return out

    # -- state -------------------------------------------------------------------------------------

    def _reset_session(self) -> None:
        self._app_selected = False
        self._current: str | None = None
        self._sm: SecureMessaging | None = None
        self._bac: BacResponder | None = None
        self._pace: PaceResponder | None = None

    def _dispatch(self, cmd: Command, raw: bytes) -> Response:
        extended_on_wire = len(raw) > 5 and raw[4] == 0
        if extended_on_wire and not self.extended_length:
            return Response(b"", apdu.SW_WRONG_LENGTH)
        if cmd.cla & 0x0C == 0x0C:
            return self._protected(cmd)
        if self._sm is not None:
            # A plain command during a session ends it, as ICAO 9303-11 asks of the chip.
            self._sm = None
        return self._plain(cmd)

    def _protected(self, outer: Command) -> Response:
        sm = self._sm
        if sm is None:
            return Response(b"", apdu.SW_SM_DATA_MISSING)
        try:
            inner = sm.unwrap_command(outer)
        except SmError as exc:
            self._sm = None
            return Response(b"", exc.sw)
        if inner.le is not None and inner.le > apdu.SHORT_MAX_LE and not self.extended_length:
            return sm.wrap_response(Response(b"", apdu.SW_WRONG_LENGTH))
        return sm.wrap_response(self._command(inner, authenticated=True))

    def _plain(self, cmd: Command) -> Response:
        if cmd.ins == 0x84 and cmd.cla == 0x00:  # GET CHALLENGE
            if not self.bac_enabled or not self._app_selected:
                return Response(b"", apdu.SW_CONDITIONS_NOT_SATISFIED)
            if cmd.le != 8:
                return Response(b"", apdu.SW_WRONG_LENGTH)
            self._bac = BacResponder(self._mrz_information, rng=self._rng)
            return Response(self._bac.challenge(), apdu.SW_OK)
        if cmd.ins == 0x82 and cmd.cla == 0x00:  # MUTUAL AUTHENTICATE (BAC)
            if self._bac is None:
                return Response(b"", apdu.SW_CONDITIONS_NOT_SATISFIED)
            try:
                answer, sm = self._bac.mutual_authenticate(cmd.data)
            except AuthenticationFailed:
                self._bac = None
                return Response(b"", apdu.SW_SECURITY_NOT_SATISFIED)
            self._bac = None
            self._sm = sm
            return Response(answer, apdu.SW_OK)
        if cmd.ins == 0x22 and cmd.p1 == 0xC1 and cmd.p2 == 0xA4:  # MSE:Set AT for PACE
            return self._set_at(cmd)
        if cmd.ins == 0x86:  # GENERAL AUTHENTICATE (PACE), chained with CLA 10 for steps 1–3
            return self._general_authenticate(cmd)
        return self._command(cmd, authenticated=False)

    def _set_at(self, cmd: Command) -> Response:
        if not self.pace_enabled:
            return Response(b"", apdu.SW_INS_NOT_SUPPORTED)
        if self._tries_left == 0:
            return Response(b"", apdu.SW_AUTH_BLOCKED)
        try:
            fields = {tag: value for tag, value, _raw in parse_tlvs(cmd.data)}
        except ValueError:
            return Response(b"", apdu.SW_WRONG_DATA)
        kind = PasswordKind.MRZ if fields.get(0x83) == b"\x01" else PasswordKind.CAN
        password = self._can if kind is PasswordKind.CAN else self._mrz_information
        responder = PaceResponder(password, kind, rng=self._rng)
        try:
            responder.set_at(cmd.data)
        except AuthenticationFailed:
            return Response(b"", apdu.SW_WRONG_DATA)
        self._pace = responder
        self._sm = None
        return Response(b"", apdu.SW_OK)

    def _general_authenticate(self, cmd: Command) -> Response:
        if self._pace is None:
            return Response(b"", apdu.SW_CONDITIONS_NOT_SATISFIED)
        try:
            answer, sm = self._pace.general_authenticate(cmd.data)
        except AuthenticationFailed:
            self._pace = None
            if self._tries_left is None:
                return Response(b"", 0x6300)
            self._tries_left = max(self._tries_left - 1, 0)
            if self._tries_left == 0:
                return Response(b"", apdu.SW_AUTH_BLOCKED)
            return Response(b"", 0x63C0 | self._tries_left)
        if sm is not None:
            self._pace = None
            self._sm = sm
            self._tries_left = self._key_tries
        return Response(answer, apdu.SW_OK)

    # -- the file system ---------------------------------------------------------------------------

    def _command(self, cmd: Command, *, authenticated: bool) -> Response:
        if cmd.ins == 0xA4:
            return self._select(cmd, authenticated)
        if cmd.ins == 0xB0:
            return self._read_binary(cmd, authenticated)
        return Response(b"", apdu.SW_INS_NOT_SUPPORTED)

    def _select(self, cmd: Command, authenticated: bool) -> Response:
        if cmd.p1 == 0x04:  # by DF name
            if cmd.data != EMRTD_AID:
                return Response(b"", apdu.SW_FILE_NOT_FOUND)
            self._app_selected = True
            self._current = None
            return Response(b"", apdu.SW_OK)
        if cmd.p1 == 0x00 and cmd.data in (b"", b"\x3f\x00"):
            return Response(b"", apdu.SW_INS_NOT_SUPPORTED)  # what the real card answers to SELECT MF
        if cmd.p1 in (0x00, 0x02) and len(cmd.data) == 2:
            name = FILES.get(int.from_bytes(cmd.data, "big"))
            if name is None or (name not in self._files and name not in _ALWAYS_DENIED):
                return Response(b"", apdu.SW_FILE_NOT_FOUND)
            if name != "EF.CardAccess" and not self._app_selected:
                return Response(b"", apdu.SW_FILE_NOT_FOUND)
            self._current = name
            return Response(b"", apdu.SW_OK)
        return Response(b"", apdu.SW_WRONG_P1P2)

    def _read_binary(self, cmd: Command, authenticated: bool) -> Response:
        if cmd.p1 & 0x80:  # short file identifier in P1, offset in P2; the file becomes current
            sfi = cmd.p1 & 0x1F
            if cmd.p1 & 0x60:
                return Response(b"", apdu.SW_WRONG_P1P2)
            name = FILES.get(0x0100 | sfi)
            if name is None or (name not in self._files and name not in _ALWAYS_DENIED):
                return Response(b"", apdu.SW_FILE_NOT_FOUND)
            if name != "EF.CardAccess" and not self._app_selected:
                return Response(b"", apdu.SW_FILE_NOT_FOUND)
            self._current = name
            offset = cmd.p2
        else:
            if self._current is None:
                return Response(b"", apdu.SW_CONDITIONS_NOT_SATISFIED)
            name = self._current
            offset = (cmd.p1 << 8) | cmd.p2
        if name in _ALWAYS_DENIED or (not authenticated and name not in _UNPROTECTED):
            return Response(b"", apdu.SW_SECURITY_NOT_SATISFIED)
        content = self._files[name]
        if offset > len(content) or offset > _MAX_OFFSET:
            return Response(b"", apdu.SW_WRONG_P1P2)
        wanted = cmd.le or 0
        chunk = content[offset : offset + wanted]
        # Fewer bytes than asked for: ISO 7816-4's warning 6282, which readers take as the end.
        return Response(chunk, apdu.SW_OK if len(chunk) == wanted else apdu.SW_END_OF_FILE)


class EmulatorTransport:
    """The in-process transport to an emulated card: what the kiosk uses on its embedded defaults.
    `remove()` takes the card off the reader (the next transmit fails as a real one would)."""

    def __init__(self, card: EmulatedCccd, name: str = "Đầu đọc mô phỏng (emulated)") -> None:
        self._card = card
        self._name = name
        self._present = True
        card.power_on()

    @property
    def reader_name(self) -> str:
        return self._name

    @property
    def supports_extended(self) -> bool:
        return True

    @property
    def card(self) -> EmulatedCccd:
        return self._card

    def remove(self) -> None:
        self._present = False
        self._card.power_off()

    def insert(self) -> None:
        """Put the card back: powered afresh, no session, as after a real re-insertion."""
        self._present = True
        self._card.power_on()

    @property
    def present(self) -> bool:
        return self._present

    def transmit(self, raw: bytes) -> bytes:
        if not self._present:
            raise CardError(CardErrorKind.CARD_REMOVED, "emulated card removed")
        return self._card.process(raw)

    def close(self) -> None:
        self._card.power_off()
