"""Secure messaging of ICAO 9303-11 §9.8: the encrypted, MACed channel after BAC or PACE.

One `SecureMessaging` holds a session's keys and its send sequence counter (SSC). The terminal
`wrap`s each plain command and `unwrap`s the card's answer; the emulated card does the mirror
image with `unwrap_command` and `wrap_response`. Both sides advance the SSC before every MAC, so
one command–response pair uses two values, and a session survives only as long as both agree.

Protected command (ISO/IEC 7816-4 §10, 9303-11 figure 4/5):

    CLA|0C INS P1 P2 Lc  [87 L 01 ‖ E(pad(data))  (odd INS: 85 L E(pad(data)))]
                         [97 L Le]  8E 08 MAC(pad(SSC ‖ pad(header) ‖ DO'87' ‖ DO'97'))  Le'

Protected response: [87 L 01 ‖ E(pad(data))] 99 02 SW  8E 08 MAC(pad(SSC ‖ DO'87' ‖ DO'99')) SW.

3DES: an 8-byte SSC, a zero IV, the retail MAC. AES: a 16-byte SSC, IV = E(KSenc, SSC), CMAC.

A few BER-TLV helpers live here too because PACE speaks the same data-object language.
"""

from __future__ import annotations

import hmac

from hardware.card import apdu
from hardware.card import tlv as ber
from hardware.card.apdu import Command, Response
from hardware.card.crypto import (
    CipherName,
    block_size,
    decrypt_cbc,
    encrypt_block,
    encrypt_cbc,
    pad,
    sm_mac,
    unpad,
)
from hardware.card.errors import CardError, CardErrorKind

# Secure-messaging data objects (ISO/IEC 7816-4 table 48).
DO_CRYPTOGRAM_ODD = 0x85  # cryptogram of data that are BER-TLV already: no padding-indicator byte
DO_CRYPTOGRAM = 0x87  # padding-content indicator byte, then the cryptogram
DO_LE = 0x97
DO_STATUS = 0x99
DO_MAC = 0x8E

PADDING_INDICATOR = 0x01  # "padded as ISO/IEC 9797-1 method 2" (9303-11 §9.8.4)

# The interindustry class bits b4 b3 = 11: "SM, command header authenticated".
CLA_SM = 0x0C


# ---- BER-TLV ------------------------------------------------------------------------------------


def tlv(tag: int, value: bytes) -> bytes:
    """One BER-TLV data object; `tag` is the whole tag as an integer (0x87, 0x7F49 …)."""
    return ber.encode(tag, value)


def parse_tlvs(data: bytes) -> list[tuple[int, bytes, bytes]]:
    """Split `data` into consecutive BER-TLV objects: (tag, value, the object's raw bytes).

    Raises ValueError on anything malformed (truncated, indefinite length, too long), which the
    callers turn into their own protocol error."""
    try:
        return [(t.tag, t.value, data[t.offset : t.end]) for t in ber.iter_tlvs(data)]
    except ber.TlvError as exc:
        raise ValueError(exc.detail) from None


# ---- the session --------------------------------------------------------------------------------


class SmError(Exception):
    """Card side: a protected command that does not verify. `sw` is what the card answers, without
    secure messaging, before it drops the session: 6987 when expected SM data objects are missing,
    6988 when they are incorrect (a wrong MAC, a bad cryptogram)."""

    def __init__(self, sw: int, detail: str) -> None:
        super().__init__(f"{detail} (SW {sw:04X})")
        self.sw = sw
        self.detail = detail


class SecureMessaging:
    """One secure-messaging session: the session keys, the cipher and the SSC.

    `cipher` is "3des" (after BAC, or PACE with 3DES) or "aes" (PACE with AES; 16-, 24- or 32-byte
    keys). `ssc` is the counter as an integer: BAC starts it at RND.IC[4:8] ‖ RND.IFD[4:8], PACE at
    zero. It wraps around at 2^64 (3DES) or 2^128 (AES); no session gets anywhere near that.
    """

    def __init__(self, cipher: CipherName, ks_enc: bytes, ks_mac: bytes, ssc: int = 0) -> None:
        self.cipher: CipherName = cipher
        self._block = block_size(cipher)
        if cipher == "3des" and (len(ks_enc) != 16 or len(ks_mac) != 16):
            raise ValueError("3DES session keys are 16 bytes")
        if cipher == "aes" and (len(ks_enc) not in (16, 24, 32) or len(ks_mac) != len(ks_enc)):
            raise ValueError("AES session keys are 16, 24 or 32 bytes")
        self._ks_enc = ks_enc
        self._ks_mac = ks_mac
        self._modulus = 1 << (8 * self._block)
        self.ssc = ssc % self._modulus
        self._last_ins_odd = False  # card side: answer with DO'85' to an odd-INS command

    def __repr__(self) -> str:  # never the keys
        return f"SecureMessaging({self.cipher}, ssc={self.ssc:0{2 * self._block}X})"

    @property
    def max_short_read(self) -> int:
        """The largest Le of a protected READ BINARY whose answer still fits a short response
        (256 bytes): 87 81 L 01 ‖ pad(n), 99 02 SW, 8E 08 MAC. 0xE7 for 3DES, 0xDF for AES."""
        return 0xE7 if self.cipher == "3des" else 0xDF

    # -- the primitives both sides share ---------------------------------------------------------

    def _next_ssc(self) -> bytes:
        self.ssc = (self.ssc + 1) % self._modulus
        return self.ssc.to_bytes(self._block, "big")

    def _iv(self, ssc: bytes) -> bytes:
        # 3DES SM uses a zero IV; AES SM encrypts the SSC under KSenc (9303-11 §9.8.6.1).
        if self.cipher == "3des":
            return bytes(self._block)
        return encrypt_block(self.cipher, self._ks_enc, ssc)

    def _mac(self, ssc: bytes, message: bytes) -> bytes:
        return sm_mac(self.cipher, self._ks_mac, ssc + message)

    def _encrypt(self, ssc: bytes, data: bytes) -> bytes:
        return encrypt_cbc(self.cipher, self._ks_enc, pad(data, self._block), self._iv(ssc))

    def _decrypt(self, ssc: bytes, cryptogram: bytes) -> bytes:
        """Raises ValueError on a cryptogram that is not whole blocks or does not unpad."""
        return unpad(decrypt_cbc(self.cipher, self._ks_enc, cryptogram, self._iv(ssc)))

    def _cryptogram_do(self, ssc: bytes, data: bytes, odd_ins: bool) -> bytes:
        if not data:
            return b""
        cryptogram = self._encrypt(ssc, data)
        if odd_ins:
            return tlv(DO_CRYPTOGRAM_ODD, cryptogram)
        return tlv(DO_CRYPTOGRAM, bytes((PADDING_INDICATOR,)) + cryptogram)

    # -- terminal side ---------------------------------------------------------------------------

    def wrap(self, cmd: Command) -> Command:
        """Protect a plain command. The result asks for the longest answer (Le 00, or 00 00 when
        extended) because the protected response is longer than the plain one.

        The protected command is extended when the plain one is (or has to be: Le > 256, more
        than 255 bytes of data) or when the data objects outgrow a short Lc; DO'97' then holds a
        two-byte Le."""
        if cmd.cla & 0xE0:
            raise ValueError(f"CLA {cmd.cla:02X}: only the first interindustry class carries SM here")
        if cmd.cla & CLA_SM:
            raise ValueError("command is already protected")
        ssc = self._next_ssc()
        cla = cmd.cla | CLA_SM
        header = bytes((cla, cmd.ins, cmd.p1, cmd.p2))
        do87 = self._cryptogram_do(ssc, cmd.data, odd_ins=bool(cmd.ins & 1))
        short_do97 = 3 if cmd.le is not None else 0
        extended = cmd.is_extended or len(do87) + short_do97 + 10 > apdu.SHORT_MAX_LC
        do97 = b""
        if cmd.le is not None:
            # 256 and 65536 are encoded as zeros, as in a plain Le.
            le = cmd.le.to_bytes(3, "big")[-2:] if extended else bytes((cmd.le % 256,))
            do97 = tlv(DO_LE, le)
        body = do87 + do97
        mac = self._mac(ssc, pad(header, self._block) + body)
        data = body + tlv(DO_MAC, mac)
        le_out = apdu.EXTENDED_MAX_LE if extended else apdu.SHORT_MAX_LE
        return Command(cla, cmd.ins, cmd.p1, cmd.p2, data, le=le_out, extended=extended)

    def unwrap(self, resp: Response) -> Response:
        """Check and decrypt the card's answer to the last `wrap`ped command.

        A response without any data and a status word other than 9000 is returned as it is: that
        is how a card reports a secure-messaging fault (6987, 6988) or an error it did not protect
        (6982 …), and per ICAO 9303-11 the card has then ended the session: its SSC no longer
        counts, so the caller must authenticate again before sending anything protected.

        Raises CardError(PROTOCOL) on a MAC that does not verify, a missing DO'8E', a missing
        DO'99' on success, or a cryptogram that does not decrypt."""
        ssc = self._next_ssc()
        if not resp.data:
            if resp.sw == apdu.SW_OK:
                raise CardError(CardErrorKind.PROTOCOL, "unprotected success in a protected session")
            return resp
        try:
            objects = parse_tlvs(resp.data)
        except ValueError as exc:
            raise CardError(CardErrorKind.PROTOCOL, f"protected response: {exc}", sw=resp.sw) from exc
        cryptogram: tuple[int, bytes] | None = None
        status: bytes | None = None
        mac: bytes | None = None
        covered = b""
        for tag, value, raw in objects:
            if mac is not None:
                raise CardError(CardErrorKind.PROTOCOL, "data objects after the MAC", sw=resp.sw)
            if tag in (DO_CRYPTOGRAM, DO_CRYPTOGRAM_ODD) and cryptogram is None and status is None:
                cryptogram = (tag, value)
            elif tag == DO_STATUS and status is None:
                status = value
            elif tag == DO_MAC:
                mac = value
                continue
            else:
                raise CardError(CardErrorKind.PROTOCOL, f"unexpected data object {tag:02X}", sw=resp.sw)
            covered += raw
        if mac is None:
            raise CardError(CardErrorKind.PROTOCOL, "protected response without a MAC", sw=resp.sw)
        if not hmac.compare_digest(mac, self._mac(ssc, covered)):
            raise CardError(CardErrorKind.PROTOCOL, "the card's MAC does not verify", sw=resp.sw)
        if status is None:
            # DO'99' is mandatory (9303-11 §9.8.5); without it only an error outcome is believable.
            if resp.sw == apdu.SW_OK:
                raise CardError(CardErrorKind.PROTOCOL, "protected response without a status (DO'99')")
            sw = resp.sw
        elif len(status) != 2:
            raise CardError(CardErrorKind.PROTOCOL, "DO'99' is not two bytes", sw=resp.sw)
        else:
            sw = int.from_bytes(status, "big")  # the MACed status, not the trailer
        data = b""
        if cryptogram is not None:
            tag, value = cryptogram
            if tag == DO_CRYPTOGRAM:
                if not value or value[0] != PADDING_INDICATOR:
                    raise CardError(CardErrorKind.PROTOCOL, "unknown padding indicator in DO'87'")
                value = value[1:]
            try:
                data = self._decrypt(ssc, value)
            except ValueError as exc:
                raise CardError(CardErrorKind.PROTOCOL, f"protected data: {exc}") from exc
        return Response(data, sw)

    # -- card side -------------------------------------------------------------------------------

    def unwrap_command(self, cmd: Command) -> Command:
        """The card's check of a protected command: verify the MAC, decrypt, give the plain command.

        Raises SmError(0x6987) when the command is not protected or lacks DO'8E', SmError(0x6988)
        when a data object is malformed or the MAC or cryptogram is wrong. Either way the card
        answers that status word unprotected and forgets the session."""
        if cmd.cla & CLA_SM != CLA_SM:
            raise SmError(apdu.SW_SM_DATA_MISSING, "command without secure messaging")
        ssc = self._next_ssc()
        try:
            objects = parse_tlvs(cmd.data)
        except ValueError as exc:
            raise SmError(apdu.SW_SM_DATA_INCORRECT, f"protected command: {exc}") from exc
        cryptogram: tuple[int, bytes] | None = None
        le_value: bytes | None = None
        mac: bytes | None = None
        covered = b""
        for tag, value, raw in objects:
            if mac is not None:
                raise SmError(apdu.SW_SM_DATA_INCORRECT, "data objects after the MAC")
            if tag in (DO_CRYPTOGRAM, DO_CRYPTOGRAM_ODD) and cryptogram is None and le_value is None:
                cryptogram = (tag, value)
            elif tag == DO_LE and le_value is None:
                le_value = value
            elif tag == DO_MAC:
                mac = value
                continue
            else:
                raise SmError(apdu.SW_SM_DATA_INCORRECT, f"unexpected data object {tag:02X}")
            covered += raw
        if mac is None:
            raise SmError(apdu.SW_SM_DATA_MISSING, "no MAC (DO'8E')")
        header = bytes((cmd.cla, cmd.ins, cmd.p1, cmd.p2))
        if not hmac.compare_digest(mac, self._mac(ssc, pad(header, self._block) + covered)):
            raise SmError(apdu.SW_SM_DATA_INCORRECT, "MAC does not verify")
        data = b""
        if cryptogram is not None:
            tag, value = cryptogram
            if tag == DO_CRYPTOGRAM:
                if not value or value[0] != PADDING_INDICATOR:
                    raise SmError(apdu.SW_SM_DATA_INCORRECT, "unknown padding indicator")
                value = value[1:]
            try:
                data = self._decrypt(ssc, value)
            except ValueError as exc:
                raise SmError(apdu.SW_SM_DATA_INCORRECT, f"cryptogram: {exc}") from exc
        le: int | None = None
        two_byte_le = False
        if le_value is not None:
            if len(le_value) == 1:
                le = le_value[0] or apdu.SHORT_MAX_LE
            elif len(le_value) == 2:
                le = int.from_bytes(le_value, "big") or apdu.EXTENDED_MAX_LE
                two_byte_le = True
            elif le_value:
                raise SmError(apdu.SW_SM_DATA_INCORRECT, "DO'97' longer than two bytes")
        self._last_ins_odd = bool(cmd.ins & 1)
        try:
            plain = Command(cmd.cla & ~CLA_SM & 0xFF, cmd.ins, cmd.p1, cmd.p2, data, le=le)
            if two_byte_le and not plain.is_extended:
                # A two-byte Le that fits a short one: the terminal asked for the extended form.
                plain = Command(plain.cla, plain.ins, plain.p1, plain.p2, data, le=le, extended=True)
            return plain
        except ValueError as exc:
            raise SmError(apdu.SW_SM_DATA_INCORRECT, str(exc)) from exc

    def wrap_response(self, resp: Response) -> Response:
        """The card's protection of its answer to the last `unwrap_command`: DO'87' (DO'85' after an
        odd INS) when there are data, always DO'99' with the status word, then DO'8E'. The trailer
        repeats the status word, as 9303-11 figure 4 carries SW1-SW2 over unchanged; the terminal
        trusts only the MACed copy in DO'99'."""
        ssc = self._next_ssc()
        body = self._cryptogram_do(ssc, resp.data, odd_ins=self._last_ins_odd)
        body += tlv(DO_STATUS, resp.sw.to_bytes(2, "big"))
        return Response(body + tlv(DO_MAC, self._mac(ssc, body)), resp.sw)
