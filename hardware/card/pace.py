"""PACE with ECDH Generic Mapping (ICAO 9303-11 §4.4, appendix G.1): how the CCCD wants to be opened.

The card advertises its protocol in EF.CardAccess (`parse_card_access`); the CCCD offers
id-PACE-ECDH-GM-AES-CBC-CMAC-128 on brainpoolP256r1 (standardized domain parameters 13) and takes
the CAN (the last 6 digits of the personal number) or the MRZ information as the password. The
terminal (`establish_pace`) and the emulated card (`PaceResponder`) run the four GENERAL
AUTHENTICATE steps: the card sends a nonce encrypted under the password key, both sides map it to
a fresh generator with an ECDH exchange, run a second ECDH on that generator, and prove they got
the same keys with MACs over each other's public key. Also supported: the 3DES and AES-192/256
variants of ECDH-GM, and NIST P-256 (parameters 12).

`cryptography` cannot add two points or multiply a point that is not a key, which the mapping
needs, so the elliptic-curve arithmetic is written out here (Jacobian coordinates, a Montgomery
ladder). It is not constant-time: Python integers are not. Every key it handles is ephemeral and
used once, which limits what a timing observer could learn to one session.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass

from hardware.card import apdu
from hardware.card import tlv as ber
from hardware.card.apdu import Command, Response
from hardware.card.crypto import (
    KDF_ENC,
    KDF_MAC,
    KDF_PI,
    AuthenticationFailed,
    CipherName,
    aes_cmac,
    block_size,
    decrypt_cbc,
    encrypt_cbc,
    kdf,
    pad,
    retail_mac,
)
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.sm import SecureMessaging, parse_tlvs, tlv

Point = tuple[int, int]  # affine (x, y); None stands for the point at infinity


# ---- elliptic curves ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Curve:
    """A short Weierstrass curve y² = x³ + ax + b over GF(p) with a base point G of prime order n
    (cofactor 1 for the curves here, so any point on the curve other than ∞ is in the group)."""

    name: str
    p: int
    a: int
    b: int
    gx: int
    gy: int
    n: int

    @property
    def g(self) -> Point:
        return (self.gx, self.gy)

    @property
    def size(self) -> int:
        """Bytes of a field element, and of each coordinate in an encoded point."""
        return (self.p.bit_length() + 7) // 8

    def contains(self, point: Point) -> bool:
        x, y = point
        return (
            0 <= x < self.p and 0 <= y < self.p and (y * y - (x * x * x + self.a * x + self.b)) % self.p == 0
        )


# RFC 5639 §3.4.
BRAINPOOL_P256R1 = Curve(
    "brainpoolP256r1",
    p=0xA9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377,
    a=0x7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9,
    b=0x26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6,
    gx=0x8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262,
    gy=0x547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997,
    n=0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7,
)

# FIPS 186-4 D.1.2.3 (secp256r1).
NIST_P256 = Curve(
    "P-256",
    p=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
    a=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC,
    b=0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
    gx=0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
    gy=0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
    n=0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
)

# Standardized domain parameters (9303-11 §9.5.1, table of parameter IDs) that we implement.
CURVES: dict[int, Curve] = {12: NIST_P256, 13: BRAINPOOL_P256R1}

_Jacobian = tuple[int, int, int]  # (X, Y, Z) for x = X/Z², y = Y/Z³; Z = 0 is ∞
_INFINITY: _Jacobian = (1, 1, 0)


def _double(c: Curve, pt: _Jacobian) -> _Jacobian:
    x, y, z = pt
    if z == 0 or y == 0:
        return _INFINITY
    p = c.p
    yy = y * y % p
    s = 4 * x * yy % p
    zz = z * z % p
    m = (3 * x * x + c.a * zz * zz) % p
    x3 = (m * m - 2 * s) % p
    y3 = (m * (s - x3) - 8 * yy * yy) % p
    return x3, y3, 2 * y * z % p


def _add(c: Curve, p1: _Jacobian, p2: _Jacobian) -> _Jacobian:
    x1, y1, z1 = p1
    x2, y2, z2 = p2
    if z1 == 0:
        return p2
    if z2 == 0:
        return p1
    p = c.p
    z1z1 = z1 * z1 % p
    z2z2 = z2 * z2 % p
    u1 = x1 * z2z2 % p
    u2 = x2 * z1z1 % p
    s1 = y1 * z2 * z2z2 % p
    s2 = y2 * z1 * z1z1 % p
    if u1 == u2:
        return _double(c, p1) if s1 == s2 else _INFINITY
    h = (u2 - u1) % p
    r = (s2 - s1) % p
    hh = h * h % p
    hhh = h * hh % p
    v = u1 * hh % p
    x3 = (r * r - hhh - 2 * v) % p
    y3 = (r * (v - x3) - s1 * hhh) % p
    return x3, y3, h * z1 * z2 % p


def _affine(c: Curve, pt: _Jacobian) -> Point | None:
    x, y, z = pt
    if z == 0:
        return None
    zi = pow(z, -1, c.p)
    zi2 = zi * zi % c.p
    return x * zi2 % c.p, y * zi2 * zi % c.p


def scalar_mult(c: Curve, k: int, point: Point) -> Point | None:
    """k·P by a Montgomery ladder (one addition and one doubling per bit, whatever the bit)."""
    k %= c.n
    r0, r1 = _INFINITY, (point[0], point[1], 1)
    for i in range(k.bit_length() - 1, -1, -1):
        if (k >> i) & 1:
            r0, r1 = _add(c, r0, r1), _double(c, r1)
        else:
            r0, r1 = _double(c, r0), _add(c, r0, r1)
    return _affine(c, r0)


def point_add(c: Curve, p1: Point | None, p2: Point | None) -> Point | None:
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    return _affine(c, _add(c, (p1[0], p1[1], 1), (p2[0], p2[1], 1)))


def encode_point(c: Curve, point: Point) -> bytes:
    """Uncompressed encoding 04 ‖ X ‖ Y, each coordinate on the field's length."""
    return b"\x04" + point[0].to_bytes(c.size, "big") + point[1].to_bytes(c.size, "big")


def decode_point(c: Curve, data: bytes) -> Point:
    """Decode and validate a received public point: uncompressed, on the curve, not ∞ (which has
    no uncompressed encoding). A point off the curve would let a peer probe our private key."""
    if len(data) != 1 + 2 * c.size or data[0] != 0x04:
        raise ValueError("not an uncompressed point of this curve")
    point = (int.from_bytes(data[1 : 1 + c.size], "big"), int.from_bytes(data[1 + c.size :], "big"))
    if not c.contains(point):
        raise ValueError("point is not on the curve")
    return point


def public_key(c: Curve, k: int, base: Point) -> Point:
    """k·base for a private key 0 < k < n on a generator of order n, which is never ∞."""
    point = scalar_mult(c, k, base)
    if point is None:
        raise ValueError("the public key is the point at infinity")
    return point


def random_scalar(c: Curve, rng: Callable[[int], bytes]) -> int:
    """A private key in [1, n-1] by rejection sampling, so that it is uniform and so that a test's
    rng can hand over a known key byte for byte."""
    length = (c.n.bit_length() + 7) // 8
    for _ in range(256):
        k = int.from_bytes(rng(length), "big")
        if 0 < k < c.n:
            return k
    raise RuntimeError("the random source keeps giving out-of-range keys")


# ---- EF.CardAccess ------------------------------------------------------------------------------

ID_PACE = "0.4.0.127.0.7.2.2.4"
_MAPPINGS = {1: "DH-GM", 2: "ECDH-GM", 3: "DH-IM", 4: "ECDH-IM", 6: "ECDH-CAM"}
# The last arc of the protocol OID: cipher and key length of the session.
_CIPHERS: dict[int, tuple[CipherName, int]] = {
    1: ("3des", 16),
    2: ("aes", 16),
    3: ("aes", 24),
    4: ("aes", 32),
}
_ECDH_GM = 2

PACE_ECDH_GM_3DES = f"{ID_PACE}.2.1"
PACE_ECDH_GM_AES_128 = f"{ID_PACE}.2.2"
PACE_ECDH_GM_AES_192 = f"{ID_PACE}.2.3"
PACE_ECDH_GM_AES_256 = f"{ID_PACE}.2.4"


def decode_oid(data: bytes) -> str:
    try:
        return ber.decode_oid(data)
    except ber.TlvError as exc:
        raise ValueError(exc.detail) from None


encode_oid = ber.encode_oid


@dataclass(frozen=True)
class PaceInfo:
    """One PACEInfo of EF.CardAccess: the protocol OID (id-PACE-…), its version (2 in 9303-11)
    and the standardized domain parameter ID (None: the card uses its own parameters)."""

    protocol_oid: str
    version: int
    parameter_id: int | None

    @property
    def mapping(self) -> str:
        """ "ECDH-GM", "DH-IM" …; ValueError if the OID is not a PACE protocol."""
        return _MAPPINGS[_pace_arcs(self.protocol_oid)[0]]

    @property
    def cipher(self) -> CipherName:
        return _CIPHERS[_pace_arcs(self.protocol_oid)[1]][0]

    @property
    def key_length(self) -> int:
        return _CIPHERS[_pace_arcs(self.protocol_oid)[1]][1]

    @property
    def supported(self) -> bool:
        """Whether `establish_pace` can run it: ECDH generic mapping on a curve we have."""
        try:
            mapping = _pace_arcs(self.protocol_oid)[0]
        except ValueError:
            return False
        return mapping == _ECDH_GM and self.parameter_id in CURVES and self.version == 2


def _pace_arcs(oid: str) -> tuple[int, int]:
    """(mapping, cipher) arcs of an id-PACE-… protocol OID; ValueError for anything else."""
    prefix = ID_PACE + "."
    if not oid.startswith(prefix):
        raise ValueError("not a PACE protocol")
    parts = oid[len(prefix) :].split(".")
    if len(parts) != 2:
        raise ValueError("not a PACE protocol")
    mapping, cipher = int(parts[0]), int(parts[1])
    if mapping not in _MAPPINGS or cipher not in _CIPHERS:
        raise ValueError("unknown PACE protocol")
    return mapping, cipher


def _der_int(value: bytes) -> int:
    if not value:
        raise ValueError("empty INTEGER")
    return int.from_bytes(value, "big", signed=True)


def parse_card_access(data: bytes) -> list[PaceInfo]:
    """The PACEInfos of EF.CardAccess (a DER SET OF SecurityInfo) that we can run, in the card's
    order, so the first one is the one to use.

    Everything else is left out: other SecurityInfos (terminal and chip authentication),
    PACEDomainParameterInfos, PACE variants we do not implement (DH, integrated or chip
    authentication mapping, unknown curves). A file that does not parse yields no PACEInfo, which
    leaves BAC to try: a card whose EF.CardAccess is garbage cannot be opened with PACE anyway."""
    try:
        top = parse_tlvs(data)
    except ValueError:
        return []
    if not top or top[0][0] != 0x31:
        return []
    try:
        infos = parse_tlvs(top[0][1])
    except ValueError:
        return []
    out: list[PaceInfo] = []
    for tag, value, _raw in infos:
        if tag != 0x30:
            continue
        try:
            fields = parse_tlvs(value)
            if len(fields) < 2 or fields[0][0] != 0x06 or fields[1][0] != 0x02:
                continue  # not a PACEInfo (e.g. PACEDomainParameterInfo has a SEQUENCE second)
            oid = decode_oid(fields[0][1])
            _pace_arcs(oid)
            parameter_id = None
            if len(fields) > 2 and fields[2][0] == 0x02:
                parameter_id = _der_int(fields[2][1])
            info = PaceInfo(oid, _der_int(fields[1][1]), parameter_id)
        except ValueError:
            continue
        if info.supported:
            out.append(info)
    return out


# ---- passwords and tokens -----------------------------------------------------------------------


class PasswordKind(enum.IntEnum):
    """The password reference of MSE:Set AT (tag 83)."""

    MRZ = 1
    CAN = 2


def password_key(
    password: str, kind: PasswordKind, cipher: CipherName = "aes", key_length: int = 16
) -> bytes:
    """K_π = KDF(f(π), 3) (9303-11 §9.7.3): f(π) is SHA-1 of the MRZ information for MRZ (as from
    `bac.mrz_information`), the CAN's ASCII digits for CAN."""
    if kind is PasswordKind.MRZ:
        secret = hashlib.sha1(password.encode("ascii")).digest()
    elif kind is PasswordKind.CAN:
        if not (password.isascii() and password.isdigit()):
            raise ValueError("the CAN is digits")
        secret = password.encode("ascii")
    else:
        raise ValueError(f"unsupported password kind {kind!r}")
    return kdf(secret, KDF_PI, cipher, key_length)


def authentication_token(cipher: CipherName, ks_mac: bytes, oid: bytes, public_point: bytes) -> bytes:
    """T = MAC(KSmac, 7F49{06 OID, 86 point}) over the other party's ephemeral public key
    (9303-11 §4.4.3.4). AES: CMAC over the object as it is; 3DES: the retail MAC, padded."""
    data = tlv(0x7F49, tlv(0x06, oid) + tlv(0x86, public_point))
    if cipher == "3des":
        return retail_mac(ks_mac, pad(data, 8))
    return aes_cmac(ks_mac, data)


def _dynamic(tag: int, value: bytes) -> bytes:
    return tlv(0x7C, tlv(tag, value) if tag else b"")


def _dynamic_field(data: bytes, tag: int) -> bytes:
    """The value of `tag` inside the dynamic authentication data 7C{…}; ValueError otherwise."""
    outer = parse_tlvs(data)
    if len(outer) != 1 or outer[0][0] != 0x7C:
        raise ValueError("not dynamic authentication data (7C)")
    for inner_tag, value, _raw in parse_tlvs(outer[0][1]):
        if inner_tag == tag:
            return value
    raise ValueError(f"no tag {tag:02X} in the dynamic authentication data")


@dataclass(frozen=True)
class _Suite:
    oid: bytes
    cipher: CipherName
    key_length: int
    curve: Curve


def _suite(protocol_oid: str, parameter_id: int | None) -> _Suite:
    mapping, cipher_arc = _pace_arcs(protocol_oid)
    if mapping != _ECDH_GM or parameter_id not in CURVES:
        raise ValueError("unsupported PACE protocol or domain parameters")
    cipher, key_length = _CIPHERS[cipher_arc]
    return _Suite(encode_oid(protocol_oid), cipher, key_length, CURVES[parameter_id])


def _session_keys(suite: _Suite, shared: Point) -> tuple[bytes, bytes]:
    # K is the x coordinate of the shared point, on the field's length (9303-11 §4.4.3.3.2).
    secret = shared[0].to_bytes(suite.curve.size, "big")
    ks_enc = kdf(secret, KDF_ENC, suite.cipher, suite.key_length)
    ks_mac = kdf(secret, KDF_MAC, suite.cipher, suite.key_length)
    return ks_enc, ks_mac


def _mapped_generator(c: Curve, nonce: bytes, h: Point | None) -> Point | None:
    """Generic mapping: Ĝ = s·G + H, with H the ECDH point of the mapping keys."""
    if h is None:
        return None
    return point_add(c, scalar_mult(c, int.from_bytes(nonce, "big"), c.g), h)


# ---- terminal side ------------------------------------------------------------------------------


def _step(send: Callable[[Command], Response], data: bytes, *, last: bool, what: str) -> Response:
    # Steps 1–3 are chained (CLA 10): the card keeps the protocol state between them.
    resp = send(Command(0x00 if last else 0x10, 0x86, 0x00, 0x00, data, le=apdu.SHORT_MAX_LE))
    if resp.sw == apdu.SW_AUTH_BLOCKED:
        raise CardError(CardErrorKind.KEY_BLOCKED, "PACE password blocked", sw=resp.sw)
    if last and resp.sw in (0x6300, apdu.SW_SECURITY_NOT_SATISFIED):
        raise CardError(CardErrorKind.WRONG_KEY, "PACE password refused", sw=resp.sw)
    if last and resp.sw & 0xFFF0 == 0x63C0:
        # 63C1 can also mean "suspended: authenticate with the CAN first" (BSI TR-03110, for
        # PINs); with the CAN or MRZ as password it is simply one try left.
        raise CardError(
            CardErrorKind.WRONG_KEY, "PACE password refused", sw=resp.sw, tries_left=resp.sw & 0x0F
        )
    if resp.sw != apdu.SW_OK:
        raise CardError(CardErrorKind.PROTOCOL, f"GENERAL AUTHENTICATE ({what}) failed", sw=resp.sw)
    return resp


def _field(resp: Response, tag: int, what: str) -> bytes:
    try:
        return _dynamic_field(resp.data, tag)
    except ValueError as exc:
        raise CardError(CardErrorKind.PROTOCOL, f"PACE {what}: {exc}") from exc


def _point(c: Curve, data: bytes, what: str) -> Point:
    try:
        return decode_point(c, data)
    except ValueError as exc:
        raise CardError(CardErrorKind.PROTOCOL, f"PACE {what}: {exc}") from exc


def establish_pace(
    send: Callable[[Command], Response],
    password: str,
    kind: PasswordKind,
    info: PaceInfo,
    rng: Callable[[int], bytes] = os.urandom,
    *,
    send_parameter_id: bool = False,
) -> SecureMessaging:
    """Run PACE with the card behind `send` (plain APDUs) and return the new secure-messaging
    session (SSC 0). `password` is the CAN, or the MRZ information for `PasswordKind.MRZ`.

    `rng` gives the terminal's two private keys (mapping, then key agreement); tests pass the
    worked example's. `send_parameter_id` adds tag 84 to MSE:Set AT, which 9303-11 asks for only
    when the card offers several domain parameters; cards with one (the CCCD) do without.

    Raises CardError: UNSUPPORTED when the protocol is not one we run or the card refuses it in
    MSE:Set AT; WRONG_KEY when the card refuses our token (tries_left on 63Cx); KEY_BLOCKED on
    6983; PROTOCOL on malformed answers, invalid points or a card token that does not verify."""
    try:
        suite = _suite(info.protocol_oid, info.parameter_id)
    except ValueError as exc:
        raise CardError(CardErrorKind.UNSUPPORTED, str(exc)) from exc
    c = suite.curve
    k_pi = password_key(password, kind, suite.cipher, suite.key_length)

    at = tlv(0x80, suite.oid) + tlv(0x83, bytes((int(kind),)))
    if send_parameter_id and info.parameter_id is not None:
        at += tlv(0x84, bytes((info.parameter_id,)))
    resp = send(Command(0x00, 0x22, 0xC1, 0xA4, at))
    if resp.sw == apdu.SW_AUTH_BLOCKED:
        raise CardError(CardErrorKind.KEY_BLOCKED, "PACE password blocked", sw=resp.sw)
    # Some cards report the password's retry counter here as 63Cx; that is not a refusal.
    if resp.sw != apdu.SW_OK and resp.sw & 0xFFF0 != 0x63C0:
        # 6A80/6A88/6D00 …: the card does not do this protocol or this password; BAC may still work.
        raise CardError(CardErrorKind.UNSUPPORTED, "MSE:Set AT refused", sw=resp.sw)

    # 1. The encrypted nonce.
    z = _field(_step(send, _dynamic(0, b""), last=False, what="nonce"), 0x80, "nonce")
    try:
        nonce = decrypt_cbc(suite.cipher, k_pi, z)
    except ValueError as exc:
        raise CardError(CardErrorKind.PROTOCOL, f"PACE nonce: {exc}") from exc

    # 2. Mapping: Ĝ = s·G + SK_map,IFD · PK_map,IC.
    sk_map = random_scalar(c, rng)
    pk_map = public_key(c, sk_map, c.g)
    resp = _step(send, _dynamic(0x81, encode_point(c, pk_map)), last=False, what="mapping")
    pk_map_ic = _point(c, _field(resp, 0x82, "mapping"), "mapping key")
    g_hat = _mapped_generator(c, nonce, scalar_mult(c, sk_map, pk_map_ic))
    if g_hat is None:
        raise CardError(CardErrorKind.PROTOCOL, "PACE mapping gave the point at infinity")

    # 3. Key agreement on Ĝ.
    sk_dh = random_scalar(c, rng)
    pk_dh = public_key(c, sk_dh, g_hat)
    pk_dh_bytes = encode_point(c, pk_dh)
    resp = _step(send, _dynamic(0x83, pk_dh_bytes), last=False, what="key agreement")
    pk_dh_ic_bytes = _field(resp, 0x84, "key agreement")
    pk_dh_ic = _point(c, pk_dh_ic_bytes, "ephemeral key")
    if pk_dh_ic == pk_dh:  # 9303-11 asks the terminal to check this: a reflected key
        raise CardError(CardErrorKind.PROTOCOL, "PACE: the card sent our own key back")
    shared = scalar_mult(c, sk_dh, pk_dh_ic)
    if shared is None:
        raise CardError(CardErrorKind.PROTOCOL, "PACE key agreement gave the point at infinity")
    ks_enc, ks_mac = _session_keys(suite, shared)

    # 4. Mutual authentication.
    token = authentication_token(suite.cipher, ks_mac, suite.oid, pk_dh_ic_bytes)
    resp = _step(send, _dynamic(0x85, token), last=True, what="authentication")
    card_token = _field(resp, 0x86, "authentication")
    expected = authentication_token(suite.cipher, ks_mac, suite.oid, pk_dh_bytes)
    if not hmac.compare_digest(card_token, expected):
        raise CardError(CardErrorKind.PROTOCOL, "the card's PACE token does not verify")
    return SecureMessaging(suite.cipher, ks_enc, ks_mac, 0)


# ---- card side ----------------------------------------------------------------------------------


class _Step(enum.Enum):
    SET_AT = 0
    NONCE = 1
    MAP = 2
    AGREE = 3
    TOKEN = 4
    DONE = 5


class PaceResponder:
    """The card side of PACE for one password: `set_at` with the MSE:Set AT data, then
    `general_authenticate` four times with each command's data. `rng` gives the nonce, the
    mapping key and the key-agreement key, in that order. Any failure raises AuthenticationFailed
    and resets the responder to expect MSE:Set AT again."""

    def __init__(
        self,
        password: str,
        kind: PasswordKind,
        parameter_id: int = 13,
        rng: Callable[[int], bytes] = os.urandom,
    ) -> None:
        if parameter_id not in CURVES:
            raise ValueError(f"no curve for domain parameters {parameter_id}")
        self._password = password
        self.kind = kind
        self.parameter_id = parameter_id
        self._rng = rng
        self._step = _Step.SET_AT
        self._suite: _Suite | None = None
        self._k_pi = b""
        self._nonce = b""
        self._g_hat: Point | None = None
        self._pk_dh_ifd = b""
        self._pk_dh_ic = b""
        self._ks: tuple[bytes, bytes] | None = None

    def __repr__(self) -> str:  # never the password or keys
        return f"PaceResponder({self.kind.name}, parameters={self.parameter_id}, step={self._step.name})"

    def _fail(self, why: str) -> AuthenticationFailed:
        self._step = _Step.SET_AT
        self._ks = None
        return AuthenticationFailed(why)

    def set_at(self, data: bytes) -> None:
        """MSE:Set AT: accept an ECDH-GM protocol (any of its ciphers) on our domain parameters,
        for our kind of password."""
        self._step = _Step.SET_AT
        try:
            fields = {tag: value for tag, value, _raw in parse_tlvs(data)}
            oid = decode_oid(fields[0x80])
            suite = _suite(oid, self.parameter_id)
        except (ValueError, KeyError) as exc:
            raise self._fail("unknown or missing protocol") from exc
        if fields.get(0x83) != bytes((int(self.kind),)):
            raise self._fail("not the password this card was given")
        if 0x84 in fields and fields[0x84] != bytes((self.parameter_id,)):
            raise self._fail("other domain parameters")
        self._suite = suite
        self._k_pi = password_key(self._password, self.kind, suite.cipher, suite.key_length)
        self._step = _Step.NONCE

    def general_authenticate(self, data: bytes) -> tuple[bytes, SecureMessaging | None]:
        """One GENERAL AUTHENTICATE step: the response data, and after the last step, when the
        terminal's token verifies, the new secure-messaging session (SSC 0)."""
        suite = self._suite
        if suite is None or self._step in (_Step.SET_AT, _Step.DONE):
            raise self._fail("GENERAL AUTHENTICATE out of turn")
        c = suite.curve
        try:
            if self._step is _Step.NONCE:
                outer = parse_tlvs(data)
                if len(outer) != 1 or outer[0][0] != 0x7C or outer[0][1]:
                    raise ValueError("step 1 carries empty dynamic authentication data")
                self._nonce = self._rng(block_size(suite.cipher))
                self._step = _Step.MAP
                return _dynamic(0x80, encrypt_cbc(suite.cipher, self._k_pi, self._nonce)), None

            if self._step is _Step.MAP:
                pk_map_ifd = decode_point(c, _dynamic_field(data, 0x81))
                sk_map = random_scalar(c, self._rng)
                pk_map = public_key(c, sk_map, c.g)
                self._g_hat = _mapped_generator(c, self._nonce, scalar_mult(c, sk_map, pk_map_ifd))
                if self._g_hat is None:
                    raise ValueError("mapping gave the point at infinity")
                self._step = _Step.AGREE
                return _dynamic(0x82, encode_point(c, pk_map)), None

            if self._step is _Step.AGREE:
                if self._g_hat is None:
                    raise ValueError("no mapped generator")
                self._pk_dh_ifd = _dynamic_field(data, 0x83)
                pk_dh_ifd = decode_point(c, self._pk_dh_ifd)
                sk_dh = random_scalar(c, self._rng)
                pk_dh = public_key(c, sk_dh, self._g_hat)
                if pk_dh == pk_dh_ifd:  # 9303-11: the chip checks the keys differ
                    raise ValueError("the terminal sent our own key back")
                shared = scalar_mult(c, sk_dh, pk_dh_ifd)
                if shared is None:
                    raise ValueError("key agreement gave the point at infinity")
                self._ks = _session_keys(suite, shared)
                self._pk_dh_ic = encode_point(c, pk_dh)
                self._step = _Step.TOKEN
                return _dynamic(0x84, self._pk_dh_ic), None

            if self._ks is None:
                raise ValueError("no session keys")
            ks_enc, ks_mac = self._ks
            expected = authentication_token(suite.cipher, ks_mac, suite.oid, self._pk_dh_ic)
            if not hmac.compare_digest(_dynamic_field(data, 0x85), expected):
                raise ValueError("the terminal's token does not verify: wrong password")
            token = authentication_token(suite.cipher, ks_mac, suite.oid, self._pk_dh_ifd)
            self._step = _Step.DONE
            self._ks = None
            return _dynamic(0x86, token), SecureMessaging(suite.cipher, ks_enc, ks_mac, 0)
        except ValueError as exc:
            raise self._fail(str(exc)) from exc
