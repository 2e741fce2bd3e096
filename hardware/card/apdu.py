"""ISO/IEC 7816-4 command and response APDUs as values, and what a card transport must do.

Everything above this module speaks `Command` and `Response`; how the bytes reach a card (PC/SC
through pyscard, the in-process emulated card, a recorded trace) is a `Transport`. Status words
are plain integers (0x9000, 0x6982 …) so that callers compare them instead of parsing strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

SW_OK = 0x9000
SW_END_OF_FILE = 0x6282  # fewer bytes than Le: the end of the file was reached
SW_WRONG_LENGTH = 0x6700  # Lc/Le not accepted (e.g. extended length refused)
SW_SECURITY_NOT_SATISFIED = 0x6982
SW_AUTH_BLOCKED = 0x6983
SW_SM_DATA_MISSING = 0x6987
SW_SM_DATA_INCORRECT = 0x6988
SW_FILE_NOT_FOUND = 0x6A82
SW_WRONG_P1P2 = 0x6B00
SW_INS_NOT_SUPPORTED = 0x6D00
SW_CLA_NOT_SUPPORTED = 0x6E00
SW_WRONG_DATA = 0x6A80
SW_CONDITIONS_NOT_SATISFIED = 0x6985
SW_UNKNOWN = 0x6F00

SHORT_MAX_LC = 255
SHORT_MAX_LE = 256
EXTENDED_MAX_LE = 65536


class ApduFormatError(ValueError):
    """Bytes that are not a well-formed command APDU (card side) or response (terminal side)."""


@dataclass(frozen=True, slots=True)
class Command:
    """A command APDU. `le` is the number of bytes expected, 1…65536, or None for no Le field;
    256 (short) and 65536 (extended) are encoded as zeros, as ISO 7816-4 says."""

    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None
    extended: bool = False  # force the extended form even when the short one would do

    def __post_init__(self) -> None:
        for name in ("cla", "ins", "p1", "p2"):
            if not 0 <= getattr(self, name) <= 0xFF:
                raise ValueError(f"{name} out of range")
        if self.le is not None and not 1 <= self.le <= EXTENDED_MAX_LE:
            raise ValueError(f"le {self.le} out of range")
        if len(self.data) > 65535:
            raise ValueError("data too long for any APDU")

    @property
    def is_extended(self) -> bool:
        return (
            self.extended or len(self.data) > SHORT_MAX_LC or (self.le is not None and self.le > SHORT_MAX_LE)
        )

    def encode(self) -> bytes:
        header = bytes((self.cla, self.ins, self.p1, self.p2))
        if not self.is_extended:
            body = b""
            if self.data:
                body += bytes((len(self.data),)) + self.data
            if self.le is not None:
                body += bytes((self.le % 256,))
            return header + body
        # Extended: one 00 byte, then Lc on two bytes; Le on two bytes (three when there is no Lc).
        body = b""
        if self.data:
            body += b"\x00" + len(self.data).to_bytes(2, "big") + self.data
        if self.le is not None:
            le = (self.le % 65536).to_bytes(2, "big")
            body += le if self.data else b"\x00" + le
        return header + body

    @classmethod
    def parse(cls, raw: bytes) -> Command:
        """The four cases of ISO 7816-4 §5.1, short and extended; what a card does on receipt."""
        if len(raw) < 4:
            raise ApduFormatError(f"command of {len(raw)} bytes")
        cla, ins, p1, p2 = raw[:4]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, le=body[0] or 256)
        if body[0] != 0:  # short Lc
            lc = body[0]
            if len(body) == 1 + lc:
                return cls(cla, ins, p1, p2, body[1:])
            if len(body) == 2 + lc:
                return cls(cla, ins, p1, p2, body[1 : 1 + lc], le=body[-1] or 256)
            raise ApduFormatError(f"Lc {lc} does not match {len(body) - 1} bytes")
        if len(body) == 3:  # extended, Le only
            return cls(cla, ins, p1, p2, le=int.from_bytes(body[1:3], "big") or 65536, extended=True)
        if len(body) < 3:
            raise ApduFormatError("truncated extended length")
        lc = int.from_bytes(body[1:3], "big")
        if lc == 0:
            raise ApduFormatError("extended Lc of zero")
        rest = body[3:]
        if len(rest) == lc:
            return cls(cla, ins, p1, p2, rest, extended=True)
        if len(rest) == lc + 2:
            le = int.from_bytes(rest[lc:], "big") or 65536
            return cls(cla, ins, p1, p2, rest[:lc], le=le, extended=True)
        raise ApduFormatError(f"extended Lc {lc} does not match {len(rest)} bytes")

    def __repr__(self) -> str:  # never the data: it may carry keys or personal data
        le = "" if self.le is None else f" le={self.le}"
        return (
            f"Command({self.cla:02X} {self.ins:02X} {self.p1:02X} {self.p2:02X}"
            f" lc={len(self.data)}{le}{' ext' if self.is_extended else ''})"
        )


@dataclass(frozen=True, slots=True)
class Response:
    """A response APDU: data and the status word SW1SW2 as one integer."""

    data: bytes
    sw: int

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    def encode(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")

    @classmethod
    def parse(cls, raw: bytes) -> Response:
        if len(raw) < 2:
            raise ApduFormatError(f"response of {len(raw)} bytes")
        return cls(bytes(raw[:-2]), int.from_bytes(raw[-2:], "big"))

    def __repr__(self) -> str:
        return f"Response({len(self.data)} bytes, sw={self.sw:04X})"


class Transport(Protocol):
    """A connection to one card. `transmit` sends one command APDU and returns the raw response
    (data + SW1 SW2); it raises `hardware.card.errors.CardError` when the card is gone or the
    reader does not answer within the transport's timeout."""

    @property
    def reader_name(self) -> str: ...

    @property
    def supports_extended(self) -> bool:
        """Whether the reader is known to carry extended-length APDUs (the card may still refuse)."""
        ...

    def transmit(self, apdu: bytes) -> bytes: ...

    def close(self) -> None: ...
