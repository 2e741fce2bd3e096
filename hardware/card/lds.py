"""The logical data structure (ICAO 9303-10): which files the chip has, and what is in them.

The file table (FID, short file identifier, tag), EF.COM, DG1 (the MRZ), DG2 (the portrait in an
ISO/IEC 19794-5 facial record), DG14 and DG15 (chip and active authentication keys), and encoders
for each, which the emulated card's profile uses to build its files. DG13, the Vietnamese personal
data, has its own module (`dg13`), as does EF.SOD (`pa`).

Malformed files raise `LdsError` (a `CardError` of kind BAD_DATA); details name tags and offsets,
never content.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass

from hardware.card import tlv
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.mrz import Mrz, MrzError, parse_mrz


class LdsError(CardError):
    def __init__(self, detail: str) -> None:
        super().__init__(CardErrorKind.BAD_DATA, detail)


# -- files --------------------------------------------------------------------------------------

EMRTD_AID = bytes.fromhex("A0000002471001")  # the ICAO eMRTD application (LDS1)


@dataclass(frozen=True, slots=True)
class ElementaryFile:
    name: str
    fid: int
    sfi: int
    tag: int  # the tag the file's content starts with
    group: int | None = None  # the data group number, for DG1…DG16


# Data group n has FID 01nn and SFI nn; its tag is fixed by ICAO 9303-10 table 4.
DG_TAGS: dict[int, int] = {
    1: 0x61,
    2: 0x75,
    3: 0x63,
    4: 0x76,
    5: 0x65,
    6: 0x66,
    7: 0x67,
    8: 0x68,
    9: 0x69,
    10: 0x6A,
    11: 0x6B,
    12: 0x6C,
    13: 0x6D,
    14: 0x6E,
    15: 0x6F,
    16: 0x70,
}
_TAG_GROUPS = {tag: n for n, tag in DG_TAGS.items()}

EF_CARD_ACCESS = ElementaryFile("EF.CardAccess", 0x011C, 0x1C, 0x31)
EF_COM = ElementaryFile("EF.COM", 0x011E, 0x1E, 0x60)
EF_SOD = ElementaryFile("EF.SOD", 0x011D, 0x1D, 0x77)

FILES: dict[str, ElementaryFile] = {
    EF_CARD_ACCESS.name: EF_CARD_ACCESS,
    EF_COM.name: EF_COM,
    EF_SOD.name: EF_SOD,
    **{f"DG{n}": ElementaryFile(f"DG{n}", 0x0100 + n, n, tag, n) for n, tag in DG_TAGS.items()},
}
FILES_BY_FID: dict[int, ElementaryFile] = {f.fid: f for f in FILES.values()}


def dg_tag(group: int) -> int:
    return DG_TAGS[group]


def group_for_tag(tag: int) -> int | None:
    return _TAG_GROUPS.get(tag)


def _outer(data: bytes, tag: int, name: str) -> tlv.Tlv:
    try:
        element = tlv.decode(data)
    except tlv.TlvError as exc:
        raise LdsError(f"{name}: {exc.detail}") from exc
    if element.tag != tag:
        raise LdsError(f"{name}: tag {element.tag:X}, expected {tag:X}")
    return element


def _child(value: bytes, path: list[int], name: str) -> tlv.Tlv:
    try:
        found = tlv.find(value, path)
    except tlv.TlvError as exc:
        raise LdsError(f"{name}: {exc.detail}") from exc
    if found is None:
        raise LdsError(f"{name}: no {'/'.join(f'{t:X}' for t in path)}")
    return found


# -- EF.COM -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Com:
    lds_version: str  # "0107" = LDS 1.7
    unicode_version: str  # "040000" = Unicode 4.0.0
    data_groups: tuple[int, ...]  # the groups the chip says it has, in the order listed


def parse_com(data: bytes) -> Com:
    """EF.COM: `60 { 5F01 LDS version, 5F36 Unicode version, 5C tag list }`."""
    outer = _outer(data, 0x60, "EF.COM")
    try:
        items = {t.tag: t.value for t in tlv.iter_tlvs(outer.value)}
    except tlv.TlvError as exc:
        raise LdsError(f"EF.COM: {exc.detail}") from exc
    if 0x5C not in items:
        raise LdsError("EF.COM: no tag list (5C)")
    groups: list[int] = []
    for tag in items[0x5C]:
        group = group_for_tag(tag)
        if group is None:
            raise LdsError(f"EF.COM: unknown data group tag {tag:02X}")
        groups.append(group)

    def text(tag: int) -> str:
        return items.get(tag, b"").decode("ascii", "replace")

    return Com(text(0x5F01), text(0x5F36), tuple(groups))


def encode_com(groups: Iterable[int], lds_version: str = "0107", unicode_version: str = "040000") -> bytes:
    tag_list = bytes(DG_TAGS[n] for n in groups)
    return tlv.encode(
        0x60,
        tlv.encode(0x5F01, lds_version.encode("ascii"))
        + tlv.encode(0x5F36, unicode_version.encode("ascii"))
        + tlv.encode(0x5C, tag_list),
    )


# -- DG1 ----------------------------------------------------------------------------------------


def dg1_mrz_text(data: bytes) -> str:
    """The MRZ characters of DG1 (`61 { 5F1F MRZ }`), without line breaks."""
    outer = _outer(data, 0x61, "DG1")
    element = _child(outer.value, [0x5F1F], "DG1")
    try:
        return element.value.decode("ascii")
    except UnicodeDecodeError:
        raise LdsError("DG1: MRZ is not ASCII") from None


def parse_dg1(data: bytes) -> Mrz:
    """DG1 → the parsed MRZ (TD1 for the Vietnamese card). Raises LdsError or MrzError."""
    text = dg1_mrz_text(data)
    try:
        return parse_mrz(text)
    except MrzError as exc:
        raise MrzError(f"DG1: {exc.detail}") from exc


def encode_dg1(mrz_text: str) -> bytes:
    """DG1 from MRZ lines (line breaks and spaces are dropped, as the chip stores it)."""
    chars = "".join(mrz_text.split())
    if len(chars) not in (90, 88):
        raise ValueError("an MRZ has 90 (TD1) or 88 (TD3) characters")
    return tlv.encode(0x61, tlv.encode(0x5F1F, chars.encode("ascii")))


# -- DG2: the portrait --------------------------------------------------------------------------

_FAC = b"FAC\x00"
_FAC_VERSION = b"010\x00"
_FAC_HEADER = 14  # format identifier 4, version 4, record length 4, number of images 2
_FACIAL_INFO = 20  # block length 4, feature points 2, gender, eye, hair, mask 3, expression 2, pose 3+3
_FEATURE_POINT = 8
_IMAGE_INFO = 12  # face type, data type, width 2, height 2, colour space, source, device 2, quality 2

IMAGE_JPEG = 0  # image data type of ISO/IEC 19794-5 §5.7.2
IMAGE_JPEG2000 = 1
_JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_J2K_CODESTREAM = b"\xff\x4f\xff\x51"


@dataclass(frozen=True, slots=True)
class Dg2Image:
    """The first portrait of DG2. `format` is "jpeg" or "jpeg2000"; the bytes are the image file."""

    data: bytes
    format: str
    width: int
    height: int

    @property
    def mime_type(self) -> str:
        return "image/jpeg" if self.format == "jpeg" else "image/jp2"

    def __repr__(self) -> str:
        return f"Dg2Image({self.format}, {self.width}x{self.height}, {len(self.data)} bytes)"


def _image_format(image: bytes, declared: int) -> str:
    """Trust the image's own signature over the record's data type byte, which cards get wrong."""
    if image.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if image.startswith(_JP2_SIGNATURE) or image.startswith(_J2K_CODESTREAM):
        return "jpeg2000"
    if declared == IMAGE_JPEG:
        return "jpeg"
    if declared == IMAGE_JPEG2000:
        return "jpeg2000"
    raise LdsError(f"DG2: unknown image data type {declared}")


def parse_face_record(record: bytes) -> Dg2Image:
    """The first image of an ISO/IEC 19794-5 (2005) facial record."""
    if len(record) < _FAC_HEADER + _FACIAL_INFO + _IMAGE_INFO:
        raise LdsError(f"DG2: facial record of {len(record)} bytes is too short")
    if record[0:4] != _FAC:
        raise LdsError("DG2: not a facial record (no 'FAC' identifier)")
    count = int.from_bytes(record[12:14], "big")
    if count < 1:
        raise LdsError("DG2: facial record without images")
    pos = _FAC_HEADER
    block_length, points = struct.unpack_from(">IH", record, pos)
    pos += _FACIAL_INFO + points * _FEATURE_POINT
    if pos + _IMAGE_INFO > len(record):
        raise LdsError(f"DG2: {points} feature points overrun the record")
    _face_type, data_type, width, height = struct.unpack_from(">BBHH", record, pos)
    pos += _IMAGE_INFO
    # The block length counts the facial information block, the feature points, the image
    # information and the image; some cards put a wrong value there, so fall back on the rest.
    image_length = block_length - (pos - _FAC_HEADER)
    if not 0 < image_length <= len(record) - pos:
        image_length = len(record) - pos
    if image_length <= 0:
        raise LdsError("DG2: no image data")
    image = record[pos : pos + image_length]
    return Dg2Image(image, _image_format(image, data_type), width, height)


def parse_dg2(data: bytes) -> Dg2Image:
    """DG2 → the first portrait: `75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E record } } }`."""
    outer = _outer(data, 0x75, "DG2")
    group = _child(outer.value, [0x7F61], "DG2")
    template = _child(group.value, [0x7F60], "DG2")
    try:
        items = tlv.children(template.value)
    except tlv.TlvError as exc:
        raise LdsError(f"DG2: {exc.detail}") from exc
    # 5F2E is the plain biometric data block; 7F2E is meant for an enciphered one, but some
    # issuers put the plain record there.
    block = next((t for t in items if t.tag in (0x5F2E, 0x7F2E)), None)
    if block is None:
        raise LdsError("DG2: no biometric data block (5F2E)")
    return parse_face_record(block.value)


def encode_face_record(
    image: bytes, width: int, height: int, *, jpeg2000: bool = False, gender: int = 0
) -> bytes:
    """A one-image ISO/IEC 19794-5 facial record: full frontal, no feature points.
    `gender`: 0 unspecified, 1 male, 2 female."""
    image_info = struct.pack(
        ">BBHHBBHH",
        1,  # face image type: full frontal
        IMAGE_JPEG2000 if jpeg2000 else IMAGE_JPEG,
        width,
        height,
        1,  # colour space: 24-bit RGB
        2,  # source type: static photograph from a digital still camera
        0,  # device type: unspecified
        0,  # quality: unspecified
    )
    block_length = _FACIAL_INFO + len(image_info) + len(image)
    facial_info = struct.pack(">IHBBB", block_length, 0, gender, 0, 0) + bytes(3) + bytes(2) + bytes(6)
    record_length = _FAC_HEADER + block_length
    header = _FAC + _FAC_VERSION + struct.pack(">IH", record_length, 1)
    return header + facial_info + image_info + image


def encode_dg2(jpeg: bytes, width: int, height: int, *, gender: int = 0) -> bytes:
    """DG2 with one portrait, with the biometric header template ICAO 9303-10 §4.7.2 describes."""
    header = (
        tlv.encode(0x80, b"\x01\x01")  # ICAO header version 1.1
        + tlv.encode(0x81, b"\x02")  # biometric type: facial features
        + tlv.encode(0x87, b"\x01\x01")  # format owner: ISO/IEC JTC 1/SC 37
        + tlv.encode(0x88, b"\x00\x08")  # format type: face image (19794-5)
    )
    template = tlv.encode(0xA1, header) + tlv.encode(
        0x5F2E, encode_face_record(jpeg, width, height, gender=gender)
    )
    group = tlv.encode(0x02, b"\x01") + tlv.encode(0x7F60, template)
    return tlv.encode(0x75, tlv.encode(0x7F61, group))


# -- DG14 and DG15 ------------------------------------------------------------------------------

ID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2"
ID_CA_ECDH_AES_CBC_CMAC_128 = "0.4.0.127.0.7.2.2.3.2.2"


def _oid_der(dotted: str) -> bytes:
    return tlv.encode(0x06, tlv.encode_oid(dotted))


def security_info_protocols(data: bytes, outer_tag: int | None = None) -> tuple[str, ...]:
    """The protocol OIDs of a SET OF SecurityInfo (EF.CardAccess, or DG14 when `outer_tag` is 6E)."""
    name = "DG14" if outer_tag == 0x6E else "SecurityInfos"
    body = _outer(data, outer_tag, name).value if outer_tag is not None else data
    try:
        the_set = tlv.decode(body)
        if the_set.tag != 0x31:
            raise LdsError(f"{name}: not a SET")
        protocols: list[str] = []
        for info in the_set.children():
            if info.tag != 0x30:
                raise LdsError(f"{name}: SecurityInfo is not a SEQUENCE")
            first = info.children()
            if not first or first[0].tag != 0x06:
                raise LdsError(f"{name}: SecurityInfo without protocol")
            protocols.append(tlv.decode_oid(first[0].value))
    except tlv.TlvError as exc:
        raise LdsError(f"{name}: {exc.detail}") from exc
    return tuple(protocols)


def has_chip_authentication(dg14: bytes) -> bool:
    """DG14 offers chip authentication: a public key and a CA protocol."""
    protocols = security_info_protocols(dg14, 0x6E)
    return any(p.startswith("0.4.0.127.0.7.2.2.1.") for p in protocols) and any(
        p.startswith("0.4.0.127.0.7.2.2.3.") for p in protocols
    )


def dg15_public_key(dg15: bytes) -> bytes:
    """The active authentication public key (DER SubjectPublicKeyInfo) of DG15 (`6F`)."""
    outer = _outer(dg15, 0x6F, "DG15")
    try:
        spki = tlv.decode(outer.value)
    except tlv.TlvError as exc:
        raise LdsError(f"DG15: {exc.detail}") from exc
    if spki.tag != 0x30:
        raise LdsError("DG15: not a SubjectPublicKeyInfo")
    return outer.value


def has_active_authentication(dg15: bytes | None) -> bool:
    if not dg15:
        return False
    try:
        dg15_public_key(dg15)
    except LdsError:
        return False
    return True


def encode_dg14(ca_public_key_spki: bytes, key_id: int | None = None) -> bytes:
    """DG14 with one ChipAuthenticationPublicKeyInfo (id-PK-ECDH) and its ChipAuthenticationInfo
    (id-CA-ECDH-AES-CBC-CMAC-128, version 1), as EF.CardAccess advertises (BSI TR-03110-3 A.1.1)."""
    key_ref = tlv.encode(0x02, bytes((key_id,))) if key_id is not None else b""
    pk_info = tlv.encode(0x30, _oid_der(ID_PK_ECDH) + ca_public_key_spki + key_ref)
    ca_info = tlv.encode(0x30, _oid_der(ID_CA_ECDH_AES_CBC_CMAC_128) + tlv.encode(0x02, b"\x01") + key_ref)
    return tlv.encode(0x6E, tlv.encode(0x31, ca_info + pk_info))


def encode_dg15(aa_public_key_spki: bytes) -> bytes:
    return tlv.encode(0x6F, aa_public_key_spki)
