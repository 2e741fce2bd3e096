"""An emulated card's profile: who is on the card, its photo, its test PKI, and how the chip behaves.

A profile is a folder with a `profile.json`, a portrait JPEG and the PEM files of a test document
signer (DSC) and its test CSCA, plus the chip's own keys for chip and active authentication.
`CardProfile.build_files` encodes everything as a real CCCD chip holds it: EF.CardAccess (PACE-GM
AES-128 on brainpoolP256r1, CA and TA, the bytes several apps hard-code), EF.COM, DG1 (a TD1 MRZ),
DG2 (an ISO/IEC 19794-5 portrait), DG13 (with the real card's string types), DG14, DG15 and an
EF.SOD over DG1, DG2, DG13, DG14 and DG15 signed by the test DSC.

The bundled profile `profiles/mau` is the fictional sample citizen of `egov.identity.demo_identity`.
Everything in these profiles is test material, including the private keys (see profiles/README.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from egov.identity import Identity, Sex, Source
from egov.text import nfc
from hardware.card import lds
from hardware.card.dg13 import dg13_fields, encode_dg13
from hardware.card.keys import MrzKey, can_from_id
from hardware.card.mrz import Mrz, bac_key_fields, check_digit, parse_mrz, td1_for
from hardware.card.pa import CscaStore, sign_sod

PROFILE_FORMAT = 1

# EF.CardAccess as the real card answers it (fact sheet §4.2): TerminalAuthenticationInfo v1,
# ChipAuthenticationInfo id-CA-ECDH-AES-CBC-CMAC-128 v1, PACEInfo id-PACE-ECDH-GM-AES-CBC-CMAC-128
# v2 with standardized domain parameters 13 (brainpoolP256r1).
CARD_ACCESS = bytes.fromhex(
    "3134"
    "300D 0608 04007F0007020202 020101"
    "300F 060A 04007F00070202030202 020101"
    "3012 060A 04007F00070202040202 020102 02010D"
)

SIGNED_GROUPS = (1, 2, 13, 14, 15)


class ProfileError(ValueError):
    """A profile.json that is missing, malformed, or points at files that are not there."""


@dataclass(frozen=True, slots=True)
class CardOptions:
    """How the emulated chip behaves; switches exist to test the reader's fallbacks."""

    extended_length: bool = True
    pace: bool = True
    bac: bool = True
    key_tries: int | None = None  # None: a plain 6300 on a wrong key; n: count down and block


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a JPEG's start-of-frame segment."""
    if not data.startswith(b"\xff\xd8"):
        raise ProfileError("the photo is not a JPEG")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ProfileError("the photo's JPEG markers are malformed")
        marker = data[pos + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        # SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and pos + 9 <= len(data):
            height = int.from_bytes(data[pos + 5 : pos + 7], "big")
            width = int.from_bytes(data[pos + 7 : pos + 9], "big")
            return width, height
        pos += 2 + length
    raise ProfileError("the photo has no JPEG frame header")


def _date(value: Any, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ProfileError(f"{name}: expected YYYY-MM-DD") from None


@dataclass(eq=False)
class CardProfile:
    folder: Path
    identity: Identity
    identifying_marks: str
    unknown16: str
    mrz_surname: str
    mrz_given_names: str
    photo: Path
    dsc_cert: Path
    dsc_key: Path
    csca_cert: Path
    chip_authentication_key: Path | None
    active_authentication_key: Path | None
    options: CardOptions = field(default_factory=CardOptions)
    _files: dict[str, bytes] | None = field(default=None, init=False, repr=False)

    # -- loading ----------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | str) -> CardProfile:
        """Load `path` (a profile.json, or the folder holding one)."""
        path = Path(path)
        if path.is_dir():
            path = path / "profile.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ProfileError(f"cannot read {path}: {exc.strerror}") from None
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{path.name}: not JSON (line {exc.lineno})") from None
        if not isinstance(data, dict) or data.get("format") != PROFILE_FORMAT:
            raise ProfileError(f"{path.name}: expected a profile of format {PROFILE_FORMAT}")
        return cls.from_dict(data, path.parent)

    @classmethod
    def from_dict(cls, data: dict[str, Any], folder: Path) -> CardProfile:
        try:
            who = data["identity"]
            sex_text = nfc(str(who["sex"])).strip()
            sex = {"Nam": Sex.MALE, "Nữ": Sex.FEMALE}.get(sex_text)
            if sex is None:
                raise ProfileError("identity.sex: expected Nam or Nữ")
            born = _date(who["date_of_birth"], "identity.date_of_birth")
            if born is None:
                raise ProfileError("identity.date_of_birth is required")
            identity = Identity(
                id_number=str(who["id_number"]),
                full_name=nfc(str(who["full_name"])),
                date_of_birth=born,
                sex=sex,
                source=Source.DEMO,
                nationality=nfc(str(who.get("nationality", "Việt Nam"))),
                ethnicity=nfc(str(who.get("ethnicity", ""))),
                religion=nfc(str(who.get("religion", ""))),
                place_of_origin=nfc(str(who.get("place_of_origin", ""))),
                place_of_residence=nfc(str(who.get("place_of_residence", ""))),
                date_of_issue=_date(who.get("date_of_issue"), "identity.date_of_issue"),
                date_of_expiry=_date(who.get("date_of_expiry"), "identity.date_of_expiry"),
                old_id_number=str(who.get("old_id_number", "")),
                father_name=nfc(str(who.get("father_name", ""))),
                mother_name=nfc(str(who.get("mother_name", ""))),
                spouse_name=nfc(str(who.get("spouse_name", ""))),
            )
            can_from_id(identity.id_number)  # validates the 12 digits
            mrz_names = data.get("mrz", {})
            pki = data["pki"]
            chip_keys = data.get("chip_keys", {})
            options = CardOptions(**data.get("options", {}))
            profile = cls(
                folder=folder,
                identity=identity,
                identifying_marks=nfc(str(who.get("identifying_marks", ""))),
                unknown16=str(who.get("unknown16", "")),
                mrz_surname=str(mrz_names.get("surname", "")),
                mrz_given_names=str(mrz_names.get("given_names", "")),
                photo=folder / data["photo"],
                dsc_cert=folder / pki["dsc_cert"],
                dsc_key=folder / pki["dsc_key"],
                csca_cert=folder / pki["csca_cert"],
                chip_authentication_key=(
                    folder / chip_keys["chip_authentication"]
                    if chip_keys.get("chip_authentication")
                    else None
                ),
                active_authentication_key=(
                    folder / chip_keys["active_authentication"]
                    if chip_keys.get("active_authentication")
                    else None
                ),
                options=options,
            )
        except ProfileError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise ProfileError(f"profile: {type(exc).__name__} {exc}") from None
        if not profile.mrz_surname:
            # Vietnamese names put the family name first: the first word is the MRZ surname.
            words = identity.full_name.split()
            profile.mrz_surname, profile.mrz_given_names = words[0], " ".join(words[1:])
        for needed in (profile.photo, profile.dsc_cert, profile.dsc_key, profile.csca_cert):
            if not needed.is_file():
                raise ProfileError(f"profile: missing file {needed.name}")
        return profile

    # -- keys the card opens with -----------------------------------------------------------------

    @property
    def can(self) -> str:
        return can_from_id(self.identity.id_number)

    @property
    def mrz_text(self) -> str:
        i = self.identity
        return td1_for(
            i.id_number,
            i.date_of_birth,
            i.sex.value,
            i.date_of_expiry,
            self.mrz_surname,
            self.mrz_given_names,
        )

    @property
    def mrz(self) -> Mrz:
        return parse_mrz(self.mrz_text)

    @property
    def mrz_key(self) -> MrzKey:
        return MrzKey(*bac_key_fields(self.mrz))

    @property
    def mrz_information(self) -> str:
        """BAC's key seed input: document number, birth date, expiry date, each with its check digit."""
        key = self.mrz_key
        return "".join(
            part + check_digit(part) for part in (key.document_number, key.birth_yymmdd, key.expiry_yymmdd)
        )

    def csca_store(self) -> CscaStore:
        return CscaStore.load(self.csca_cert)

    # -- the chip's files -------------------------------------------------------------------------

    def dg13_values(self) -> dict[int, str | list[str]]:
        i = self.identity
        return dg13_fields(
            id_number=i.id_number,
            full_name=i.full_name,
            date_of_birth=i.date_of_birth,
            sex=i.sex.value,
            nationality=i.nationality,
            ethnicity=i.ethnicity,
            religion=i.religion,
            place_of_origin=i.place_of_origin,
            place_of_residence=i.place_of_residence,
            identifying_marks=self.identifying_marks,
            date_of_issue=i.date_of_issue,
            date_of_expiry=i.date_of_expiry,
            father_name=i.father_name,
            mother_name=i.mother_name,
            spouse_name=i.spouse_name,
            old_id_number=i.old_id_number,
            unknown16=self.unknown16,
        )

    @staticmethod
    def _public_key_der(path: Path) -> bytes:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        return key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def build_files(self) -> dict[str, bytes]:
        """The chip's files by name: "EF.CardAccess", "EF.COM", "DG1", "DG2", "DG13", "DG14",
        "DG15", "EF.SOD". Built once per profile (the SOD signature is deterministic anyway)."""
        if self._files is not None:
            return dict(self._files)
        photo = self.photo.read_bytes()
        width, height = _jpeg_size(photo)
        gender = 1 if self.identity.sex is Sex.MALE else 2
        groups: dict[int, bytes] = {
            1: lds.encode_dg1(self.mrz_text),
            2: lds.encode_dg2(photo, width, height, gender=gender),
            13: encode_dg13(self.dg13_values()),
        }
        if self.chip_authentication_key is not None:
            groups[14] = lds.encode_dg14(self._public_key_der(self.chip_authentication_key))
        if self.active_authentication_key is not None:
            groups[15] = lds.encode_dg15(self._public_key_der(self.active_authentication_key))
        sod = sign_sod(
            {n: groups[n] for n in SIGNED_GROUPS if n in groups},
            self.dsc_cert.read_bytes(),
            self.dsc_key.read_bytes(),
        )
        files = {"EF.CardAccess": CARD_ACCESS, "EF.COM": lds.encode_com(sorted(groups))}
        files.update({f"DG{n}": groups[n] for n in sorted(groups)})
        files["EF.SOD"] = sod
        self._files = files
        return dict(files)
