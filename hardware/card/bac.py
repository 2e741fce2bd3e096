"""Basic Access Control (ICAO 9303-11 §4.3, appendix D): the MRZ-keyed fallback to PACE.

The access key comes from the document number, date of birth and date of expiry (the "MRZ
information"); the terminal and the card prove knowledge of it to each other with GET CHALLENGE
and MUTUAL AUTHENTICATE and agree on 3DES session keys, after which everything runs under secure
messaging. `establish_bac` is the terminal side; `BacResponder` is the card side, for the
emulated card.

On the CCCD the document number is the last 9 digits of the 12-digit personal number.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable

from hardware.card import apdu, mrz
from hardware.card.apdu import Command, Response
from hardware.card.crypto import (
    KDF_ENC,
    KDF_MAC,
    AuthenticationFailed,
    decrypt_cbc,
    encrypt_cbc,
    kdf,
    sm_mac,
)
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.mrz import MRZ_ALPHABET
from hardware.card.sm import SecureMessaging

CHALLENGE_LENGTH = 8
KEY_MATERIAL_LENGTH = 16
_AUTH_LENGTH = 40  # E (32 bytes) ‖ M (8 bytes)


def check_digit(field: str) -> int:
    """The MRZ check digit (ICAO 9303-3 §4.9) as a number; ValueError outside the MRZ alphabet."""
    try:
        return int(mrz.check_digit(field))
    except mrz.MrzError as exc:
        raise ValueError(exc.detail) from None


def _is_date(value: str) -> bool:
    return len(value) == 6 and value.isascii() and value.isdigit()


def mrz_information(document_number: str, birth_yymmdd: str, expiry_yymmdd: str) -> str:
    """The BAC/PACE password: document number (filled with '<' to 9 characters), date of birth and
    date of expiry, each followed by its check digit (9303-11 §4.3.2; appendix D.2). A document
    number longer than 9 characters is used whole, as the appendix shows for TD1 cards."""
    number = document_number.strip().upper()
    if not number or not set(number) <= MRZ_ALPHABET:
        raise ValueError("document number must be MRZ characters (0-9, A-Z, '<')")
    # A card that never expires carries fillers in the MRZ's expiry field; they key BAC as printed.
    if not (_is_date(birth_yymmdd) and (_is_date(expiry_yymmdd) or expiry_yymmdd == "<<<<<<")):
        raise ValueError("dates are YYMMDD")
    number = number.ljust(9, "<")
    return "".join(f"{part}{check_digit(part)}" for part in (number, birth_yymmdd, expiry_yymmdd))


def bac_keys(mrz_info: str) -> tuple[bytes, bytes]:
    """The document basic access keys (Kenc, Kmac): Kseed = SHA-1(MRZ information)[:16], then
    KDF(Kseed, 1) and KDF(Kseed, 2) for 3DES."""
    seed = hashlib.sha1(mrz_info.encode("ascii")).digest()[:16]
    return kdf(seed, KDF_ENC), kdf(seed, KDF_MAC)


def _session(k_ifd: bytes, k_ic: bytes, rnd_ic: bytes, rnd_ifd: bytes) -> SecureMessaging:
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
    ssc = int.from_bytes(rnd_ic[4:8] + rnd_ifd[4:8], "big")
    return SecureMessaging("3des", kdf(seed, KDF_ENC), kdf(seed, KDF_MAC), ssc)


def _key_refused(sw: int) -> CardError | None:
    """What a refusal of MUTUAL AUTHENTICATE means. 6300 and 6982 are what cards answer to a
    wrong MRZ key; 63Cx says x tries are left; 6983 that the key is blocked. 6988 comes from
    chips that check the cryptogram's MAC first (vsmartcard's ePass): a wrong key as well."""
    if sw == apdu.SW_AUTH_BLOCKED:
        return CardError(CardErrorKind.KEY_BLOCKED, "BAC key blocked", sw=sw)
    if sw in (0x6300, apdu.SW_SECURITY_NOT_SATISFIED, apdu.SW_SM_DATA_INCORRECT):
        return CardError(CardErrorKind.WRONG_KEY, "BAC key refused", sw=sw)
    if sw & 0xFFF0 == 0x63C0:
        return CardError(CardErrorKind.WRONG_KEY, "BAC key refused", sw=sw, tries_left=sw & 0x0F)
    return None


def establish_bac(
    send: Callable[[Command], Response],
    mrz_info: str,
    rng: Callable[[int], bytes] = os.urandom,
) -> SecureMessaging:
    """Run BAC with the card behind `send` (plain APDUs; the eMRTD application already selected)
    and return the secure-messaging session.

    `rng` gives RND.IFD (8 bytes) and then K.IFD (16 bytes); tests pass the worked example's.
    Raises CardError: WRONG_KEY (tries_left set on 63Cx), KEY_BLOCKED, UNSUPPORTED when the card
    knows no GET CHALLENGE, PROTOCOL when its answers are malformed or fail verification."""
    k_enc, k_mac = bac_keys(mrz_info)

    challenge = send(Command(0x00, 0x84, 0x00, 0x00, le=CHALLENGE_LENGTH))
    if challenge.sw in (apdu.SW_INS_NOT_SUPPORTED, apdu.SW_CLA_NOT_SUPPORTED):
        raise CardError(CardErrorKind.UNSUPPORTED, "no GET CHALLENGE: not a BAC card", sw=challenge.sw)
    if challenge.sw != apdu.SW_OK or len(challenge.data) != CHALLENGE_LENGTH:
        raise CardError(CardErrorKind.PROTOCOL, "GET CHALLENGE failed", sw=challenge.sw)
    rnd_ic = challenge.data

    rnd_ifd = rng(CHALLENGE_LENGTH)
    k_ifd = rng(KEY_MATERIAL_LENGTH)
    cryptogram = encrypt_cbc("3des", k_enc, rnd_ifd + rnd_ic + k_ifd)
    data = cryptogram + sm_mac("3des", k_mac, cryptogram)
    answer = send(Command(0x00, 0x82, 0x00, 0x00, data, le=_AUTH_LENGTH))
    if answer.sw != apdu.SW_OK:
        raise _key_refused(answer.sw) or CardError(
            CardErrorKind.PROTOCOL, "MUTUAL AUTHENTICATE failed", sw=answer.sw
        )
    if len(answer.data) != _AUTH_LENGTH:
        raise CardError(CardErrorKind.PROTOCOL, f"MUTUAL AUTHENTICATE gave {len(answer.data)} bytes")
    e_ic, m_ic = answer.data[:32], answer.data[32:]
    if not hmac.compare_digest(m_ic, sm_mac("3des", k_mac, e_ic)):
        raise CardError(CardErrorKind.PROTOCOL, "the card's BAC MAC does not verify")
    plain = decrypt_cbc("3des", k_enc, e_ic)
    # R = RND.IC ‖ RND.IFD ‖ K.IC: the card must echo both challenges, or it is not the card we
    # think (or a replay).
    if not (hmac.compare_digest(plain[:8], rnd_ic) and hmac.compare_digest(plain[8:16], rnd_ifd)):
        raise CardError(CardErrorKind.PROTOCOL, "the card's BAC cryptogram does not match the challenges")
    return _session(k_ifd, plain[16:], rnd_ic, rnd_ifd)


class BacResponder:
    """The card side of BAC for one attempt: `challenge` (GET CHALLENGE), then
    `mutual_authenticate` with the terminal's 40 bytes. `rng` gives RND.IC (8 bytes) and K.IC
    (16 bytes), in that order."""

    def __init__(self, mrz_info: str, rng: Callable[[int], bytes] = os.urandom) -> None:
        self._k_enc, self._k_mac = bac_keys(mrz_info)
        self._rng = rng
        self._rnd_ic: bytes | None = None

    def __repr__(self) -> str:  # never the keys
        return f"BacResponder(challenged={self._rnd_ic is not None})"

    def challenge(self) -> bytes:
        self._rnd_ic = self._rng(CHALLENGE_LENGTH)
        return self._rnd_ic

    def mutual_authenticate(self, data: bytes) -> tuple[bytes, SecureMessaging]:
        """Verify the terminal's E.IFD ‖ M.IFD and answer E.IC ‖ M.IC with the new session.
        The challenge is used once: a second attempt needs a new GET CHALLENGE."""
        rnd_ic, self._rnd_ic = self._rnd_ic, None
        if rnd_ic is None:
            raise AuthenticationFailed("MUTUAL AUTHENTICATE without a challenge")
        if len(data) != _AUTH_LENGTH:
            raise AuthenticationFailed("MUTUAL AUTHENTICATE data is not 40 bytes")
        e_ifd, m_ifd = data[:32], data[32:]
        if not hmac.compare_digest(m_ifd, sm_mac("3des", self._k_mac, e_ifd)):
            raise AuthenticationFailed("terminal MAC does not verify")
        plain = decrypt_cbc("3des", self._k_enc, e_ifd)  # RND.IFD ‖ RND.IC ‖ K.IFD
        if not hmac.compare_digest(plain[8:16], rnd_ic):
            raise AuthenticationFailed("terminal cryptogram is not for this challenge")
        rnd_ifd, k_ifd = plain[:8], plain[16:]
        k_ic = self._rng(KEY_MATERIAL_LENGTH)
        e_ic = encrypt_cbc("3des", self._k_enc, rnd_ic + rnd_ifd + k_ic)
        return e_ic + sm_mac("3des", self._k_mac, e_ic), _session(k_ifd, k_ic, rnd_ic, rnd_ifd)
