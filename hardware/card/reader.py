"""One read of a chip ID card, from the access key to a checked identity.

`read_card` opens the card with the first key that works (PACE with the CAN when the card offers
PACE, else BAC with an MRZ key), reads DG1, DG13, DG2 and EF.SOD under secure messaging with as few
round trips as the card allows (READ BINARY by short file identifier, extended length, falling back
on short reads on 6700), parses them, cross-checks DG13 against DG1 and runs passive
authentication. `read_files` does the same from a folder of files dumped from a card.

What comes back is personal data: the caller shows it, maps it to an `Identity` and drops it; it
is never logged (`CardRead.__repr__` says only what was read, not what it says).
"""

from __future__ import annotations

import logging
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from egov.identity import Identity, Sex, Source
from hardware.card import apdu
from hardware.card.apdu import Command, Response, Transport
from hardware.card.bac import establish_bac, mrz_information
from hardware.card.dg13 import Dg13Data, parse_dg13
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.keys import CanKey, MrzKey
from hardware.card.lds import EMRTD_AID, FILES, Dg2Image, parse_dg1, parse_dg2
from hardware.card.mrz import Mrz
from hardware.card.pa import CscaStore, PassiveAuthResult, Verdict, listed_groups, verify
from hardware.card.pace import PasswordKind, establish_pace, parse_card_access
from hardware.card.sm import SecureMessaging
from hardware.card.tlv import TlvError, file_length_from_header

log = logging.getLogger(__name__)

HEADER_BYTES = 8  # enough for any tag and a four-byte length
DEFAULT_EXTENDED_CHUNK = 0x0800  # 2 KiB per READ BINARY when the card takes extended length
DEFAULT_FILES = ("DG1", "DG13", "DG2", "EF.SOD")

Key = CanKey | MrzKey
_P = TypeVar("_P")


@dataclass(frozen=True, slots=True)
class ReadMode:
    """How files are read. The default is the fastest the card accepts; the others exist for the
    benchmark and for cards that need them."""

    use_sfi: bool = True  # READ BINARY by short file identifier instead of SELECT + READ
    extended: bool = True  # try extended-length reads first
    extended_chunk: int = DEFAULT_EXTENDED_CHUNK
    short_chunk: int | None = None  # None: the most a short protected response can carry


@dataclass(slots=True)
class ReadStats:
    apdus: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    seconds: float = 0.0
    access: str = ""  # "PACE" | "BAC"
    extended_used: bool = False
    auth_apdus: int = 0


@dataclass(eq=False)
class CardRead:
    """What a card said. `files` holds the raw bytes by name ("DG1", "DG13", "DG2", "EF.SOD" …)."""

    files: dict[str, bytes]
    mrz: Mrz | None
    dg13: Dg13Data | None
    photo: Dg2Image | None
    authenticity: PassiveAuthResult
    consistent: bool  # DG13's ID number and birth date agree with DG1's MRZ
    present_groups: tuple[int, ...]
    stats: ReadStats = field(default_factory=ReadStats)

    @property
    def trusted_for_prefill(self) -> bool:
        """Prefill only from data whose hashes match the signed SOD and whose DG1 and DG13 agree;
        an unknown chain (no CSCA configured) is shown to the agent but does not block."""
        a = self.authenticity
        return (
            a.data_groups is Verdict.OK
            and a.signature is Verdict.OK
            and a.chain is not Verdict.FAILED
            and self.consistent
            and self.dg13 is not None
        )

    def wipe(self) -> None:
        """Drop every reference to the card's data. Python cannot overwrite immutable bytes; what
        it can do is make sure nothing of ours keeps them alive."""
        self.files.clear()
        self.mrz = None
        self.dg13 = None
        self.photo = None

    def __repr__(self) -> str:
        return f"CardRead(files={sorted(self.files)}, access={self.stats.access})"


class _Channel:
    """The transport with counting, and secure messaging once a session is up."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.sm: SecureMessaging | None = None
        self.stats = ReadStats()

    def plain(self, cmd: Command) -> Response:
        raw = cmd.encode()
        self.stats.apdus += 1
        self.stats.bytes_sent += len(raw)
        answer = self.transport.transmit(raw)
        self.stats.bytes_received += len(answer)
        try:
            return Response.parse(answer)
        except apdu.ApduFormatError as exc:
            raise CardError(CardErrorKind.PROTOCOL, str(exc)) from exc

    def send(self, cmd: Command) -> Response:
        if self.sm is None:
            return self.plain(cmd)
        response = self.plain(self.sm.wrap(cmd))
        if not response.data and response.sw != apdu.SW_OK:
            self.sm = None
            raise _SessionLost(response.sw)
        return self.sm.unwrap(response)


class _SessionLost(CardError):
    """The card answered a protected command in plain: ICAO 9303-11 says it has ended the session."""

    def __init__(self, sw: int) -> None:
        super().__init__(CardErrorKind.PROTOCOL, "secure messaging session lost", sw=sw)


class _FileReader:
    def __init__(self, channel: _Channel, mode: ReadMode, reopen: Callable[[], None] | None = None) -> None:
        self.channel = channel
        self.mode = mode
        self.reopen = reopen
        self.use_sfi = mode.use_sfi
        self.extended = mode.extended and channel.transport.supports_extended

    def _chunk(self) -> int:
        if self.extended:
            return self.mode.extended_chunk
        if self.mode.short_chunk is not None:
            return self.mode.short_chunk
        return self.channel.sm.max_short_read if self.channel.sm else apdu.SHORT_MAX_LE

    def _read(self, p1: int, p2: int, want: int) -> Response:
        while True:
            le = min(want, self._chunk())
            try:
                response = self.channel.send(Command(0x00, 0xB0, p1, p2, le=le))
            except _SessionLost as lost:
                # Some cards refuse an extended APDU before secure messaging sees it, in plain, which
                # ends the session: open the card again and go on with short reads.
                if lost.sw != apdu.SW_WRONG_LENGTH or le <= apdu.SHORT_MAX_LE or self.reopen is None:
                    raise
                log.info("extended length refused in plain (SW 6700); reopening for short reads")
                self.extended = False
                self.reopen()
                continue
            if response.sw == apdu.SW_WRONG_LENGTH and le > apdu.SHORT_MAX_LE:
                # The card or the reader refuses extended length: short reads from now on.
                log.info("extended length refused (SW 6700); falling back on short reads")
                self.extended = False
                continue
            if response.sw1 == 0x6C and 0 < response.sw2 < le:
                want = response.sw2  # the card names the exact length it can give
                continue
            if le > apdu.SHORT_MAX_LE and response.sw in (apdu.SW_OK, apdu.SW_END_OF_FILE):
                self.channel.stats.extended_used = True
            return response

    def read(self, name: str) -> bytes | None:
        """The whole file, or None when the card does not have it or does not let us read it."""
        ef = FILES[name]
        first: Response | None = None
        if self.use_sfi:
            first = self._read(0x80 | ef.sfi, 0, self._chunk())
            if first.sw not in (apdu.SW_OK, apdu.SW_END_OF_FILE, apdu.SW_SECURITY_NOT_SATISFIED):
                # ICAO makes short file identifiers optional for the chip: try SELECT before
                # calling the file absent, and keep to SELECT if that is what the card knows.
                log.info("READ BINARY by SFI refused (SW %04X); trying SELECT", first.sw)
                first = None
        if first is None:
            selected = self.channel.send(Command(0x00, 0xA4, 0x02, 0x0C, ef.fid.to_bytes(2, "big")))
            if not selected.ok:
                return self._absent(name, selected)
            first = self._read(0, 0, self._chunk())
            if self.use_sfi and first.sw in (apdu.SW_OK, apdu.SW_END_OF_FILE):
                self.use_sfi = False
        if first.sw not in (apdu.SW_OK, apdu.SW_END_OF_FILE):
            return self._absent(name, first)
        content = bytearray(first.data)
        try:
            if len(content) < HEADER_BYTES and first.sw == apdu.SW_OK:
                more = self._read(0, len(content), HEADER_BYTES)
                content += more.data
            total = file_length_from_header(bytes(content[:HEADER_BYTES]))
        except TlvError as exc:
            raise CardError(CardErrorKind.BAD_DATA, f"{name}: {exc.detail}") from exc
        while len(content) < total:
            offset = len(content)
            if offset > 0x7FFF:
                raise CardError(CardErrorKind.UNSUPPORTED, f"{name} larger than 32 KiB")
            part = self._read(offset >> 8, offset & 0xFF, total - offset)
            if part.sw not in (apdu.SW_OK, apdu.SW_END_OF_FILE) or not part.data:
                raise CardError(
                    CardErrorKind.PROTOCOL, f"{name} ends early at {offset} of {total}", sw=part.sw
                )
            content += part.data
        return bytes(content[:total])

    @staticmethod
    def _absent(name: str, response: Response) -> None:
        if response.sw in (apdu.SW_FILE_NOT_FOUND, apdu.SW_SECURITY_NOT_SATISFIED):
            log.info("%s not readable (SW %04X)", name, response.sw)
            return None
        raise CardError(CardErrorKind.PROTOCOL, f"reading {name}", sw=response.sw)


def _select_application(channel: _Channel) -> None:
    response = channel.send(Command(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID))
    if not response.ok:
        raise CardError(CardErrorKind.UNSUPPORTED, "no eMRTD application", sw=response.sw)


def _card_access(channel: _Channel, mode: ReadMode) -> bytes | None:
    """EF.CardAccess, readable before authentication; None when the card offers no PACE."""
    try:
        return _FileReader(channel, ReadMode(use_sfi=mode.use_sfi, extended=False)).read("EF.CardAccess")
    except CardError as exc:
        if exc.kind in (CardErrorKind.PROTOCOL, CardErrorKind.BAD_DATA):
            return None  # a card without PACE may answer anything here; BAC is still possible
        raise


def _open(channel: _Channel, keys: Sequence[Key], mode: ReadMode) -> Callable[[], None]:
    """Authenticate with the first key that works; the first refusal is what the user sees.
    Returns how to open the card again with that key (after the card dropped the session)."""
    if not keys:
        raise CardError(CardErrorKind.WRONG_KEY, "no access key given")
    pace_info = None
    if any(isinstance(k, CanKey) for k in keys):
        access = _card_access(channel, mode)
        if access:
            infos = parse_card_access(access)
            pace_info = infos[0] if infos else None
    first_error: CardError | None = None

    def authenticate(key: Key) -> None:
        if isinstance(key, CanKey):
            assert pace_info is not None
            channel.sm = establish_pace(channel.plain, key.can, PasswordKind.CAN, pace_info)
            channel.stats.access = "PACE"
            _select_application(channel)
        else:
            _select_application(channel)
            info = mrz_information(key.document_number, key.birth_yymmdd, key.expiry_yymmdd)
            channel.sm = establish_bac(channel.plain, info)
            channel.stats.access = "BAC"

    for key in keys:
        if isinstance(key, CanKey) and pace_info is None:
            continue
        try:
            authenticate(key)
            if not channel.stats.auth_apdus:
                channel.stats.auth_apdus = channel.stats.apdus
            return lambda: authenticate(key)
        except CardError as exc:
            channel.sm = None
            if exc.kind not in (CardErrorKind.WRONG_KEY, CardErrorKind.UNSUPPORTED):
                raise
            first_error = first_error or exc
            if exc.kind is CardErrorKind.WRONG_KEY and exc.tries_left is not None:
                break  # the card counts tries: do not spend them on keys the user did not type
    if first_error is None:
        raise CardError(
            CardErrorKind.UNSUPPORTED, "the card offers none of the access protocols we have keys for"
        )
    raise first_error


def read_card(
    transport: Transport,
    keys: Sequence[Key],
    *,
    files: Sequence[str] = DEFAULT_FILES,
    mode: ReadMode | None = None,
    csca: CscaStore | None = None,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> CardRead:
    """Open the card with `keys` (tried in order) and read `files`; see the module docstring."""
    mode = mode or ReadMode()
    channel = _Channel(transport)
    started = time.perf_counter()
    reopen = _open(channel, keys, mode)
    reader = _FileReader(channel, mode, reopen)
    raw: dict[str, bytes] = {}
    for name in files:
        if progress is not None:
            progress(name)
        content = reader.read(name)
        if content is not None:
            raw[name] = content
    channel.stats.seconds = time.perf_counter() - started
    result = interpret(raw, csca or CscaStore.empty(), today or date.today())
    result.stats = channel.stats
    return result


def _group_number(name: str) -> int | None:
    return int(name[2:]) if name.startswith("DG") and name[2:].isdigit() else None


def interpret(raw: dict[str, bytes], csca: CscaStore, today: date) -> CardRead:
    """Parse and check files read from a card (or a dump)."""
    mrz = _parse_or_none("DG1", parse_dg1, raw)
    dg13 = _parse_or_none("DG13", parse_dg13, raw)
    photo = _parse_or_none("DG2", parse_dg2, raw)
    groups = {n: content for name, content in raw.items() if (n := _group_number(name)) is not None}
    if "EF.SOD" in raw:
        authenticity = verify(raw["EF.SOD"], groups, csca, today)
        present = listed_groups(raw["EF.SOD"])
    else:
        authenticity = PassiveAuthResult(Verdict.FAILED, Verdict.FAILED, Verdict.UNKNOWN, (), (), "no EF.SOD")
        present = tuple(sorted(groups))
    return CardRead(
        files=raw,
        mrz=mrz,
        dg13=dg13,
        photo=photo,
        authenticity=authenticity,
        consistent=_consistent(mrz, dg13),
        present_groups=present,
    )


def _parse_or_none(name: str, parse: Callable[[bytes], _P], raw: dict[str, bytes]) -> _P | None:
    """A file that does not parse is reported, not fatal: the rest of the card may still be shown to
    the agent, and prefill is refused anyway (see `trusted_for_prefill`)."""
    if name not in raw:
        return None
    try:
        return parse(raw[name])
    except CardError as exc:
        log.warning("%s does not parse: %s", name, exc.detail)
        return None


def _consistent(mrz: Mrz | None, dg13: Dg13Data | None) -> bool:
    """DG13 and DG1 are signed separately; a card whose two copies disagree is not one to trust."""
    if mrz is None or dg13 is None or dg13.id_number is None:
        return False
    if not mrz.all_check_digits_ok:
        return False
    if mrz.id_number is not None:
        if mrz.id_number != dg13.id_number:
            return False
    elif not dg13.id_number.endswith(mrz.document_number.rstrip("<")[-9:]):
        return False
    return mrz.birth_date is None or dg13.date_of_birth is None or mrz.birth_date == dg13.date_of_birth


FILE_NAMES = ("EF.COM", "DG1", "DG2", "DG13", "DG14", "DG15", "EF.SOD")


def read_files(folder: Path, csca: CscaStore | None = None, today: date | None = None) -> CardRead:
    """A card dumped as files named EF.COM, DG1, DG2, DG13, EF.SOD (with or without .bin)."""
    raw: dict[str, bytes] = {}
    for name in FILE_NAMES:
        for candidate in (folder / name, folder / f"{name}.bin"):
            if candidate.is_file():
                raw[name] = candidate.read_bytes()
                break
    if "DG1" not in raw and "DG13" not in raw:
        raise CardError(CardErrorKind.BAD_DATA, f"no DG1 or DG13 in {folder}")
    return interpret(raw, csca or CscaStore.empty(), today or date.today())


def _text(value: str | None) -> str:
    return unicodedata.normalize("NFC", value) if value else ""


def to_identity(read: CardRead) -> Identity:
    """The card holder as the visit needs them; raises CardError(TAMPERED) when the data must not
    be used to fill a form."""
    d = read.dg13
    if d is None or d.id_number is None or d.full_name is None or d.date_of_birth is None:
        raise CardError(CardErrorKind.BAD_DATA, "DG13 lacks the ID number, name or birth date")
    if not read.trusted_for_prefill:
        raise CardError(
            CardErrorKind.TAMPERED, f"passive authentication {read.authenticity.data_groups.value}"
        )
    return Identity(
        id_number=d.id_number,
        full_name=_text(d.full_name),
        date_of_birth=d.date_of_birth,
        sex=Sex.FEMALE if d.sex == "female" else Sex.MALE,
        source=Source.CHIP,
        nationality=_text(d.nationality) or "Việt Nam",
        ethnicity=_text(d.ethnicity),
        religion=_text(d.religion),
        place_of_origin=_text(d.place_of_origin),
        place_of_residence=_text(d.place_of_residence),
        date_of_issue=d.date_of_issue,
        date_of_expiry=d.date_of_expiry,
        old_id_number=d.old_id_number or "",
        father_name=_text(d.father_name),
        mother_name=_text(d.mother_name),
        spouse_name=_text(d.spouse_name),
    )


def card_json(read: CardRead) -> dict[str, Any]:
    """The `dvc-kiosk card read --json` object (the photo as its length only)."""
    d = read.dg13

    def iso(value: date | None) -> str | None:
        return value.isoformat() if value else None

    def text(value: str | None) -> str | None:
        return _text(value) or None

    return {
        "id_number": d.id_number if d else None,
        "full_name": text(d.full_name) if d else None,
        "date_of_birth": iso(d.date_of_birth) if d else None,
        "sex": d.sex if d else None,
        "nationality": text(d.nationality) if d else None,
        "ethnicity": text(d.ethnicity) if d else None,
        "religion": text(d.religion) if d else None,
        "place_of_origin": text(d.place_of_origin) if d else None,
        "place_of_residence": text(d.place_of_residence) if d else None,
        "identifying_marks": text(d.identifying_marks) if d else None,
        "date_of_issue": iso(d.date_of_issue) if d else None,
        "date_of_expiry": iso(d.date_of_expiry) if d else None,
        "father_name": text(d.father_name) if d else None,
        "mother_name": text(d.mother_name) if d else None,
        "spouse_name": text(d.spouse_name) if d else None,
        "old_id_number": text(d.old_id_number) if d else None,
        "mrz": read.mrz.raw if read.mrz else None,
        "photo_jpeg_bytes": len(read.photo.data) if read.photo else 0,
        "authenticity": {
            "data_groups": read.authenticity.data_groups.value,
            "signature": read.authenticity.signature.value,
            "chain": read.authenticity.chain.value,
        },
        "consistent": read.consistent,
        "access": read.stats.access or None,
    }
