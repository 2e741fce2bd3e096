"""The card layer's cryptographic building blocks against published values.

ICAO 9303-11 appendix D (BAC: key derivation, cryptograms, session keys) and appendix G.1 (PACE
ECDH generic mapping on brainpoolP256r1) are reproduced byte for byte; the values were taken from
the appendices as transcribed in the test suites of several eMRTD libraries. AES-CMAC is checked
against RFC 4493, and the pure-Python curve arithmetic against `cryptography`.
"""

from __future__ import annotations

import hashlib
import os

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from hardware.card.bac import bac_keys, check_digit, mrz_information
from hardware.card.crypto import (
    adjust_parity,
    aes_cmac,
    decrypt_cbc,
    encrypt_block,
    encrypt_cbc,
    kdf,
    pad,
    retail_mac,
    sm_mac,
    unpad,
)
from hardware.card.pace import (
    BRAINPOOL_P256R1,
    CURVES,
    NIST_P256,
    PACE_ECDH_GM_AES_128,
    PaceInfo,
    PasswordKind,
    authentication_token,
    decode_oid,
    decode_point,
    encode_oid,
    encode_point,
    parse_card_access,
    password_key,
    point_add,
    random_scalar,
    scalar_mult,
)

H = bytes.fromhex

# ---- ICAO 9303-11 appendix D: BAC ---------------------------------------------------------------

D_MRZ_INFO = "L898902C<369080619406236"
D_KSEED = H("239AB9CB282DAF66231DC5A4DF6BFBAE")
D_KENC = H("AB94FDECF2674FDFB9B391F85D7F76F2")
D_KMAC = H("7962D9ECE03D1ACD4C76089DCE131543")
D_RND_IC = H("4608F91988702212")
D_RND_IFD = H("781723860C06C226")
D_K_IFD = H("0B795240CB7049B01C19B33E32804F0B")
D_K_IC = H("0B4F80323EB3191CB04970CB4052790B")
D_E_IFD = H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2")
D_M_IFD = H("5F1448EEA8AD90A7")
D_E_IC = H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F")
D_M_IC = H("2F2D235D074D7449")
D_KSEED_SESSION = H("0036D272F5C350ACAC50C3F572D23600")
D_KS_ENC = H("979EC13B1CBFE9DCD01AB0FED307EAE5")
D_KS_MAC = H("F1CB1F1FB5ADF208806B89DC579DC1F8")
D_SSC = H("887022120C06C226")

# ---- ICAO 9303-11 appendix G.1: PACE ECDH-GM, AES-128, brainpoolP256r1, MRZ password ----------

G_MRZ = ("T22000129", "640812", "101031")
G_K = H("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD")  # SHA-1 of the MRZ information
G_K_PI = H("89DED1B26624EC1E634C1989302849DD")
G_NONCE_Z = H("95A3A016522EE98D01E76CB6B98B42C3")
G_NONCE_S = H("3F00C4D39D153F2B2A214A078D899B22")
G_SK_MAP_IFD = 0x7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99
G_PK_MAP_IFD = H(
    "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
    "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D"
)
G_SK_MAP_IC = 0x498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560
G_PK_MAP_IC = H(
    "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
    "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54"
)
G_H = H(
    "0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5"
    "0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181"
)
G_G_HAT = H(
    "048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
    "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522"
)
G_SK_DH_IFD = 0xA73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595
G_PK_DH_IFD = H(
    "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
    "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462"
)
G_SK_DH_IC = 0x107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A
G_PK_DH_IC = H(
    "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
    "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094"
)
G_SHARED = H("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925")
G_KS_ENC = H("F5F0E35C0D7161EE6724EE513A0D9A7F")
G_KS_MAC = H("FE251C7858B356B24514B3BD5F4297D1")
G_OID = H("04007F00070202040202")
G_T_IFD_INPUT = H(
    "7F494F060A04007F000702020402028641049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65D"
    "F6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094"
)
G_T_IFD = H("C2B0BD78D94BA866")
G_T_IC = H("3ABB9674BCE93C08")

# EF.CardAccess of the CCCD, as several apps hard-code it (fact sheet §4.2).
CCCD_CARD_ACCESS = H(
    "3134"
    "300D060804007F0007020202020101"
    "300F060A04007F00070202030202020101"
    "3012060A04007F0007020204020202010202010D"
)


# ---- padding, parity, KDF -----------------------------------------------------------------------


def test_padding_method_2() -> None:
    assert pad(H("011E"), 8) == H("011E800000000000")
    assert pad(H("011E"), 16) == H("011E8000000000000000000000000000")
    assert pad(H("1122334455667788"), 8) == H("11223344556677888000000000000000")  # a whole block more
    assert pad(b"", 8) == H("8000000000000000")
    for data in (b"", b"\x00", b"\x80", bytes(7), bytes(range(40))):
        assert unpad(pad(data, 8)) == data
        assert unpad(pad(data, 16)) == data


@pytest.mark.parametrize("bad", [b"", bytes(8), H("0102030400000000"), H("0180000000000001")])
def test_unpad_rejects_bad_padding(bad: bytes) -> None:
    with pytest.raises(ValueError):
        unpad(bad)


def test_des_parity() -> None:
    assert adjust_parity(bytes(8)) == bytes((1,)) * 8
    assert adjust_parity(H("FE")) == H("FE")  # seven ones: already odd
    for byte in adjust_parity(os.urandom(64)):
        assert bin(byte).count("1") % 2 == 1


def test_kdf_document_basic_access_keys() -> None:
    assert hashlib.sha1(D_MRZ_INFO.encode()).digest()[:16] == D_KSEED
    assert kdf(D_KSEED, 1) == D_KENC
    assert kdf(D_KSEED, 2) == D_KMAC
    assert bac_keys(D_MRZ_INFO) == (D_KENC, D_KMAC)


def test_kdf_bac_session_keys() -> None:
    assert bytes(a ^ b for a, b in zip(D_K_IFD, D_K_IC, strict=True)) == D_KSEED_SESSION
    assert kdf(D_KSEED_SESSION, 1) == D_KS_ENC
    assert kdf(D_KSEED_SESSION, 2) == D_KS_MAC


def test_kdf_aes() -> None:
    assert kdf(G_K, 3, "aes", 16) == G_K_PI
    assert kdf(G_SHARED, 1, "aes", 16) == G_KS_ENC
    assert kdf(G_SHARED, 2, "aes", 16) == G_KS_MAC
    # AES-192/256 use SHA-256 (9303-11 §9.7.1).
    assert kdf(G_SHARED, 1, "aes", 32) == hashlib.sha256(G_SHARED + b"\x00\x00\x00\x01").digest()
    assert kdf(G_SHARED, 1, "aes", 24) == hashlib.sha256(G_SHARED + b"\x00\x00\x00\x01").digest()[:24]
    with pytest.raises(ValueError):
        kdf(G_SHARED, 1, "aes", 20)
    with pytest.raises(ValueError):
        kdf(G_SHARED, 1, "3des", 24)


# ---- ciphers and MACs ---------------------------------------------------------------------------


def test_bac_cryptograms() -> None:
    s = D_RND_IFD + D_RND_IC + D_K_IFD
    assert encrypt_cbc("3des", D_KENC, s) == D_E_IFD
    assert decrypt_cbc("3des", D_KENC, D_E_IFD) == s
    assert retail_mac(D_KMAC, pad(D_E_IFD, 8)) == D_M_IFD
    assert sm_mac("3des", D_KMAC, D_E_IFD) == D_M_IFD
    r = D_RND_IC + D_RND_IFD + D_K_IC
    assert encrypt_cbc("3des", D_KENC, r) == D_E_IC
    assert sm_mac("3des", D_KMAC, D_E_IC) == D_M_IC


def test_retail_mac_wants_padded_input() -> None:
    with pytest.raises(ValueError):
        retail_mac(D_KMAC, b"\x01\x02")
    with pytest.raises(ValueError):
        retail_mac(D_KMAC[:8], bytes(8))


def test_aes_cmac_rfc4493() -> None:
    key = H("2B7E151628AED2A6ABF7158809CF4F3C")
    assert aes_cmac(key, b"") == H("BB1D6929E9593728")
    assert aes_cmac(key, H("6BC1BEE22E409F96E93D7E117393172A")) == H("070A16B46B4D4144")


def test_aes_cbc_round_trip_and_ecb_block() -> None:
    key, iv = os.urandom(16), os.urandom(16)
    data = pad(b"hello", 16)
    assert decrypt_cbc("aes", key, encrypt_cbc("aes", key, data, iv), iv) == data
    block = os.urandom(16)
    assert encrypt_block("aes", key, block) == encrypt_cbc("aes", key, block)  # zero-IV CBC of one block
    with pytest.raises(ValueError):
        encrypt_cbc("aes", key, b"12345")


# ---- MRZ information ----------------------------------------------------------------------------


def test_check_digits() -> None:
    assert check_digit("L898902C<") == 3
    assert check_digit("690806") == 1
    assert check_digit("940623") == 6
    with pytest.raises(ValueError):
        check_digit("ab")


def test_mrz_information() -> None:
    assert mrz_information("L898902C", "690806", "940623") == D_MRZ_INFO
    assert mrz_information("l898902c<", "690806", "940623") == D_MRZ_INFO
    # Appendix D.2's document number longer than 9 characters is used whole.
    assert mrz_information("D23145890734", "340712", "950712") == "D23145890734934071279507122"
    # The CCCD's fact-sheet example: the last 9 digits of the personal number.
    assert mrz_information("093047064", "930105", "330105") == "093047064193010543301052"
    with pytest.raises(ValueError):
        mrz_information("L898902C", "69080", "940623")
    with pytest.raises(ValueError):
        mrz_information("L8989-02C", "690806", "940623")


def test_pace_password_keys() -> None:
    mrz = mrz_information(*G_MRZ)
    assert hashlib.sha1(mrz.encode()).digest() == G_K
    assert password_key(mrz, PasswordKind.MRZ) == G_K_PI
    assert password_key("123456", PasswordKind.CAN) == kdf(b"123456", 3, "aes", 16)
    assert password_key("123456", PasswordKind.CAN, "3des") == kdf(b"123456", 3, "3des")
    with pytest.raises(ValueError):
        password_key("12345a", PasswordKind.CAN)


# ---- elliptic curves ----------------------------------------------------------------------------

_REFERENCE_CURVES = {12: ec.SECP256R1(), 13: ec.BrainpoolP256R1()}


@pytest.mark.parametrize("parameter_id", sorted(CURVES))
def test_curve_arithmetic_matches_cryptography(parameter_id: int) -> None:
    c = CURVES[parameter_id]
    assert c.contains(c.g)
    assert scalar_mult(c, c.n, c.g) is None
    assert scalar_mult(c, c.n - 1, c.g) == (c.gx, (-c.gy) % c.p)
    for _ in range(3):
        k = random_scalar(c, os.urandom)
        reference = ec.derive_private_key(k, _REFERENCE_CURVES[parameter_id]).public_key().public_numbers()
        assert scalar_mult(c, k, c.g) == (reference.x, reference.y)
    a, b = random_scalar(c, os.urandom), random_scalar(c, os.urandom)
    assert point_add(c, scalar_mult(c, a, c.g), scalar_mult(c, b, c.g)) == scalar_mult(c, a + b, c.g)
    pa = scalar_mult(c, a, c.g)
    assert pa is not None
    assert point_add(c, pa, pa) == scalar_mult(c, 2 * a, c.g)  # addition falls back to doubling
    assert point_add(c, pa, (pa[0], (-pa[1]) % c.p)) is None
    assert point_add(c, None, pa) == pa


def test_ecdh_matches_cryptography() -> None:
    c = BRAINPOOL_P256R1
    ours = random_scalar(c, os.urandom)
    theirs = ec.generate_private_key(ec.BrainpoolP256R1())
    numbers = theirs.public_key().public_numbers()
    shared = scalar_mult(c, ours, (numbers.x, numbers.y))
    assert shared is not None
    mine = ec.derive_private_key(ours, ec.BrainpoolP256R1()).public_key()
    assert theirs.exchange(ec.ECDH(), mine) == shared[0].to_bytes(32, "big")


def test_point_validation() -> None:
    c = BRAINPOOL_P256R1
    good = encode_point(c, c.g)
    assert decode_point(c, good) == c.g
    with pytest.raises(ValueError):
        decode_point(c, b"\x00")  # the point at infinity
    with pytest.raises(ValueError):
        decode_point(c, b"\x02" + good[1:33])  # compressed
    with pytest.raises(ValueError):
        decode_point(c, good[:-1])
    off_curve = bytearray(good)
    off_curve[-1] ^= 1
    with pytest.raises(ValueError):
        decode_point(c, bytes(off_curve))
    with pytest.raises(ValueError):
        decode_point(NIST_P256, good)  # a brainpool point is not on P-256
    with pytest.raises(ValueError):
        decode_point(c, b"\x04" + c.p.to_bytes(32, "big") + bytes(32))  # coordinate out of range


def test_random_scalar_takes_the_rng_bytes_as_they_are() -> None:
    c = BRAINPOOL_P256R1
    draws = iter([b"\xff" * 32, bytes(32), G_SK_MAP_IFD.to_bytes(32, "big")])
    assert random_scalar(c, lambda n: next(draws)) == G_SK_MAP_IFD  # ≥ n and 0 are redrawn


# ---- PACE, appendix G.1 -------------------------------------------------------------------------


def test_pace_generic_mapping_worked_example() -> None:
    c = BRAINPOOL_P256R1
    assert decrypt_cbc("aes", G_K_PI, G_NONCE_Z) == G_NONCE_S
    assert encrypt_cbc("aes", G_K_PI, G_NONCE_S) == G_NONCE_Z

    pk_map_ifd = scalar_mult(c, G_SK_MAP_IFD, c.g)
    pk_map_ic = scalar_mult(c, G_SK_MAP_IC, c.g)
    assert pk_map_ifd is not None and pk_map_ic is not None
    assert encode_point(c, pk_map_ifd) == G_PK_MAP_IFD
    assert encode_point(c, pk_map_ic) == G_PK_MAP_IC
    h = scalar_mult(c, G_SK_MAP_IFD, decode_point(c, G_PK_MAP_IC))
    assert h is not None and encode_point(c, h) == G_H
    assert scalar_mult(c, G_SK_MAP_IC, pk_map_ifd) == h  # both sides find the same H
    g_hat = point_add(c, scalar_mult(c, int.from_bytes(G_NONCE_S, "big"), c.g), h)
    assert g_hat is not None and encode_point(c, g_hat) == G_G_HAT

    pk_dh_ifd = scalar_mult(c, G_SK_DH_IFD, g_hat)
    pk_dh_ic = scalar_mult(c, G_SK_DH_IC, g_hat)
    assert pk_dh_ifd is not None and pk_dh_ic is not None
    assert encode_point(c, pk_dh_ifd) == G_PK_DH_IFD
    assert encode_point(c, pk_dh_ic) == G_PK_DH_IC
    shared_ifd = scalar_mult(c, G_SK_DH_IFD, pk_dh_ic)
    shared_ic = scalar_mult(c, G_SK_DH_IC, pk_dh_ifd)
    assert shared_ifd == shared_ic
    assert shared_ifd is not None and shared_ifd[0].to_bytes(32, "big") == G_SHARED


def test_pace_authentication_tokens() -> None:
    assert encode_oid(PACE_ECDH_GM_AES_128) == G_OID
    assert aes_cmac(G_KS_MAC, G_T_IFD_INPUT) == G_T_IFD
    assert authentication_token("aes", G_KS_MAC, G_OID, G_PK_DH_IC) == G_T_IFD
    assert authentication_token("aes", G_KS_MAC, G_OID, G_PK_DH_IFD) == G_T_IC


# ---- EF.CardAccess ------------------------------------------------------------------------------


def test_oid_round_trip() -> None:
    for oid in ("0.4.0.127.0.7.2.2.4.2.2", "1.2.840.10045.2.1", "2.999.1", "0.4.0.127.0.7.2.2.3.2.2"):
        assert decode_oid(encode_oid(oid)) == oid
    with pytest.raises(ValueError):
        decode_oid(b"\x81")


def test_parse_cccd_card_access() -> None:
    infos = parse_card_access(CCCD_CARD_ACCESS)
    assert infos == [PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13)]
    info = infos[0]
    assert (info.mapping, info.cipher, info.key_length, info.supported) == ("ECDH-GM", "aes", 16, True)


def test_parse_card_access_keeps_only_what_we_run() -> None:
    data = H(
        "3161"
        "3012060A04007F0007020204020202010202010D"  # ECDH-GM AES-128 brainpoolP256r1
        "3012060A04007F00070202040204020102020110"  # ECDH-GM AES-256 brainpoolP384r1: no curve
        "3012060A04007F00070202040101020102020100"  # DH-GM
        "3012060A04007F00070202040604020102020110"  # ECDH-CAM
        "300F060A04007F00070202040201020102"  # ECDH-GM 3DES without a parameter ID
    )
    assert parse_card_access(data) == [PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13)]


@pytest.mark.parametrize("data", [b"", b"\x31", H("3003020101"), H("30020500"), os.urandom(40)])
def test_parse_card_access_of_garbage_is_empty(data: bytes) -> None:
    assert parse_card_access(data) == []
