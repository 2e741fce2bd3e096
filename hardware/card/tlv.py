"""BER-TLV as the eMRTD files use it (ICAO 9303-10, ISO/IEC 7816-4 and X.690).

Every file on the chip is one TLV whose value is more TLVs: EF.COM `60`, DG1 `61`, DG13 `6D`, EF.SOD
`77` … This module decodes one element (tags of up to four bytes, definite lengths in short form or
long form `81`…`84`), lists the children of a constructed value, finds an element by a path of tags,
encodes an element with minimal lengths, and tells the length of a whole file from its first bytes,
so that the reader can ask the card for exactly what is left.

Card data is untrusted: every offset is checked against the buffer before it is used, nothing here
recurses, and a malformed encoding raises `TlvError` (a `CardError` of kind BAD_DATA), never
IndexError or ValueError. Tags are plain integers of their bytes: `0x5F1F`, `0x7F61`, `0x61`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from hardware.card.errors import CardError, CardErrorKind

MAX_TAG_BYTES = 4  # the eMRTD uses at most two (5F1F, 7F61); four leaves room without allowing junk
MAX_LENGTH_BYTES = 4  # 84 LL LL LL LL: larger than any chip's memory
HEADER_MAX = 1 + (MAX_TAG_BYTES - 1) + 1 + MAX_LENGTH_BYTES  # the most bytes a header can take


class TlvError(CardError):
    """Bytes that are not well-formed BER-TLV. The detail names the position, never the content."""

    def __init__(self, detail: str) -> None:
        super().__init__(CardErrorKind.BAD_DATA, detail)


@dataclass(frozen=True, slots=True)
class Tlv:
    """One decoded element. `offset` is where it starts in the buffer it was decoded from and
    `header_length` the size of its tag and length octets; `value` is a copy of its value."""

    tag: int
    value: bytes
    offset: int = 0
    header_length: int = 0

    @property
    def constructed(self) -> bool:
        """Bit 6 of the first tag byte: the value is itself a sequence of TLVs."""
        return bool(_first_tag_byte(self.tag) & 0x20)

    @property
    def length(self) -> int:
        return len(self.value)

    @property
    def end(self) -> int:
        """The offset just after this element in the buffer it came from."""
        return self.offset + self.header_length + len(self.value)

    def children(self) -> list[Tlv]:
        """The elements of a constructed value (offsets relative to the value)."""
        if not self.constructed:
            raise TlvError(f"tag {self.tag:X} is primitive and has no children")
        return list(iter_tlvs(self.value))

    def encode(self) -> bytes:
        return encode(self.tag, self.value)


def _first_tag_byte(tag: int) -> int:
    """The first byte of a tag given as the integer of its bytes."""
    while tag > 0xFF:
        tag >>= 8
    return tag


def decode_tag(data: bytes, offset: int = 0) -> tuple[int, int]:
    """The tag at `offset` and the offset just after it."""
    if offset >= len(data):
        raise TlvError(f"tag expected at {offset}, data ends")
    first = data[offset]
    tag = first
    pos = offset + 1
    if first & 0x1F == 0x1F:
        # High tag number form: subsequent bytes carry 7 bits each, bit 8 set on all but the last.
        while True:
            if pos >= len(data):
                raise TlvError(f"tag at {offset} truncated")
            if pos - offset >= MAX_TAG_BYTES:
                raise TlvError(f"tag at {offset} longer than {MAX_TAG_BYTES} bytes")
            byte = data[pos]
            tag = (tag << 8) | byte
            pos += 1
            if not byte & 0x80:
                break
    return tag, pos


def decode_length(data: bytes, offset: int) -> tuple[int, int]:
    """The definite length at `offset` and the offset just after it."""
    if offset >= len(data):
        raise TlvError(f"length expected at {offset}, data ends")
    first = data[offset]
    if first < 0x80:
        return first, offset + 1
    count = first & 0x7F
    if count == 0:
        # Indefinite length is BER but never DER, and no eMRTD file uses it.
        raise TlvError(f"indefinite length at {offset}")
    if count > MAX_LENGTH_BYTES:
        raise TlvError(f"length at {offset} takes {count} bytes")
    end = offset + 1 + count
    if end > len(data):
        raise TlvError(f"length at {offset} truncated")
    return int.from_bytes(data[offset + 1 : end], "big"), end


def decode_header(data: bytes, offset: int = 0) -> tuple[int, int, int]:
    """(tag, length, offset of the value) of the element at `offset`; the value need not be there."""
    tag, pos = decode_tag(data, offset)
    length, pos = decode_length(data, pos)
    return tag, length, pos


def decode_one(data: bytes, offset: int = 0) -> Tlv:
    """The element at `offset`, whose value must lie inside `data`."""
    tag, length, start = decode_header(data, offset)
    if length > len(data) - start:
        raise TlvError(f"tag {tag:X} at {offset}: length {length} exceeds the {len(data) - start} bytes left")
    return Tlv(tag, bytes(data[start : start + length]), offset, start - offset)


def decode(data: bytes) -> Tlv:
    """Exactly one element filling `data`, as a whole file is."""
    tlv = decode_one(data, 0)
    if tlv.end != len(data):
        raise TlvError(f"{len(data) - tlv.end} bytes after tag {tlv.tag:X}")
    return tlv


def iter_tlvs(data: bytes) -> Iterator[Tlv]:
    """The elements that follow each other in `data` (the value of a constructed element)."""
    pos = 0
    while pos < len(data):
        tlv = decode_one(data, pos)
        yield tlv
        pos = tlv.end


def children(data: bytes) -> list[Tlv]:
    return list(iter_tlvs(data))


def find(data: bytes, path: Sequence[int]) -> Tlv | None:
    """Follow `path` from the top level of `data`: the first element with path[0], then the first
    child of it with path[1], and so on. None when a step is missing; TlvError when the bytes on
    the way are malformed. The walk goes down one level per step, so it is bounded by the path."""
    if not path:
        raise ValueError("empty tag path")
    level = data
    found: Tlv | None = None
    for depth, tag in enumerate(path):
        found = next((t for t in iter_tlvs(level) if t.tag == tag), None)
        if found is None:
            return None
        if depth < len(path) - 1:
            if not found.constructed:
                return None
            level = found.value
    return found


def find_all(data: bytes, tag: int) -> list[Tlv]:
    """Every top-level element of `data` with `tag`."""
    return [t for t in iter_tlvs(data) if t.tag == tag]


def encode_tag(tag: int) -> bytes:
    if tag < 0:
        raise ValueError("negative tag")
    raw = tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
    if len(raw) > MAX_TAG_BYTES:
        raise ValueError(f"tag {tag:X} too long")
    return raw


def encode_length(length: int) -> bytes:
    """Minimal definite length: short form below 128, else 81…84 and the big-endian length."""
    if length < 0:
        raise ValueError("negative length")
    if length < 0x80:
        return bytes((length,))
    raw = length.to_bytes((length.bit_length() + 7) // 8, "big")
    if len(raw) > MAX_LENGTH_BYTES:
        raise ValueError("length too large")
    return bytes((0x80 | len(raw),)) + raw


def encode(tag: int, value: bytes) -> bytes:
    return encode_tag(tag) + encode_length(len(value)) + bytes(value)


def encode_constructed(tag: int, *parts: bytes) -> bytes:
    """A constructed element whose value is the concatenation of already encoded `parts`."""
    return encode(tag, b"".join(parts))


def file_length_from_header(head: bytes) -> int:
    """The total size (tag, length and value) of the file that starts with `head`.

    The reader reads a few bytes first and then asks for exactly the rest. Six bytes always suffice
    for an eMRTD file (a one- or two-byte tag and a length of up to five bytes); fewer raise
    TlvError when they do not hold the whole header.
    """
    tag, length, start = decode_header(head, 0)
    if not tag or tag == 0xFF:
        # 00 and FF are padding or erased memory, not a file.
        raise TlvError(f"no file tag (first byte {tag:02X})")
    return start + length


def decode_oid(raw: bytes) -> str:
    """The contents of a DER OBJECT IDENTIFIER as dotted text (X.690 §8.19)."""
    if not raw or raw[-1] & 0x80 or len(raw) > 64:
        raise TlvError("malformed object identifier")
    arcs: list[int] = []
    value = 0
    for byte in raw:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    first = min(arcs[0] // 40, 2)  # the first subidentifier packs two arcs: 40 × X + Y
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first, *arcs[1:]])


def encode_oid(dotted: str) -> bytes:
    """The DER contents (no tag, no length) of an OBJECT IDENTIFIER given as dotted text."""
    arcs = [int(a) for a in dotted.split(".")]
    if len(arcs) < 2:
        raise ValueError("an OID has at least two arcs")
    out = bytearray()
    for arc in [40 * arcs[0] + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return bytes(out)
