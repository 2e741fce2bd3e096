"""The symmetric cryptography of ICAO 9303-11 that BAC, PACE and secure messaging share.

ISO/IEC 9797-1 padding method 2, the key derivation function KDF(K, c) of 9303-11 §9.7.1, the
two MAC algorithms of secure messaging (the DES "retail MAC", ISO/IEC 9797-1 MAC algorithm 3, for
3DES; AES-CMAC truncated to 8 bytes for AES) and CBC encryption with either cipher. The block
ciphers and CMAC come from `cryptography`; this module only arranges them as the standard asks.

Nothing here logs, and nothing keeps a key beyond the call that uses it.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

try:  # cryptography ≥ 43 moved the legacy ciphers out of the main namespace
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
except ImportError:  # pragma: no cover - older cryptography
    from cryptography.hazmat.primitives.ciphers.algorithms import TripleDES

CipherName = Literal["3des", "aes"]

DES_BLOCK = 8
AES_BLOCK = 16
MAC_LENGTH = 8  # both MACs are 8 bytes in ICAO secure messaging and in the PACE tokens

# The counters c of KDF(K, c), 9303-11 §9.7.1.
KDF_ENC = 1
KDF_MAC = 2
KDF_PI = 3  # PACE: the password key K_π


class AuthenticationFailed(Exception):
    """Card side: the terminal did not prove knowledge of the access key (BAC or PACE), or spoke
    out of turn. The emulated card turns this into a status word; the message never holds key
    material."""


def block_size(cipher: CipherName) -> int:
    if cipher == "3des":
        return DES_BLOCK
    if cipher == "aes":
        return AES_BLOCK
    raise ValueError(f"unknown cipher {cipher!r}")


# ---- padding ------------------------------------------------------------------------------------


def pad(data: bytes, block: int) -> bytes:
    """ISO/IEC 9797-1 padding method 2: one 80 byte, then zeros up to a multiple of `block`.
    A whole block is added when `data` is already aligned, so padding is always removable."""
    padded = data + b"\x80"
    return padded + b"\x00" * (-len(padded) % block)


def unpad(data: bytes) -> bytes:
    """Undo `pad`. Raises ValueError when the trailing bytes are not 80 00…00, which after a
    decryption means a wrong key or tampered data (callers map it to their own error)."""
    stripped = data.rstrip(b"\x00")
    if not stripped or stripped[-1] != 0x80:
        raise ValueError("bad ISO 9797-1 padding")
    return stripped[:-1]


# ---- keys ---------------------------------------------------------------------------------------


def adjust_parity(key: bytes) -> bytes:
    """Set each byte's lowest bit so that the byte has odd parity, as DES keys have. The cipher
    ignores these bits; ICAO's worked examples print the adjusted keys, so we produce the same."""
    out = bytearray(key)
    for i, byte in enumerate(out):
        high = byte & 0xFE
        out[i] = high | ((bin(high).count("1") + 1) % 2)
    return bytes(out)


def kdf(secret: bytes, counter: int, cipher: CipherName = "3des", key_length: int = 16) -> bytes:
    """KDF(K, c) of ICAO 9303-11 §9.7.1: a hash of K ‖ c (c as a 32-bit big-endian integer).

    3DES (two-key, 16 bytes): SHA-1, the first 16 bytes, DES parity adjusted. AES-128: SHA-1,
    first 16 bytes. AES-192 and AES-256: SHA-256, first 24 or all 32 bytes."""
    data = secret + counter.to_bytes(4, "big")
    if cipher == "3des":
        if key_length != 16:
            raise ValueError("3DES keys are 16 bytes (two-key 3DES)")
        return adjust_parity(hashlib.sha1(data).digest()[:16])
    if cipher == "aes":
        if key_length == 16:
            return hashlib.sha1(data).digest()[:16]
        if key_length in (24, 32):
            return hashlib.sha256(data).digest()[:key_length]
        raise ValueError(f"AES keys are 16, 24 or 32 bytes, not {key_length}")
    raise ValueError(f"unknown cipher {cipher!r}")


# ---- block ciphers ------------------------------------------------------------------------------


def _algorithm(cipher: CipherName, key: bytes) -> algorithms.AES | TripleDES:
    if cipher == "3des":
        if len(key) != 16:
            raise ValueError("3DES keys are 16 bytes")
        # Two-key 3DES is K1 K2 K1; spelled out because `cryptography` deprecates short keys.
        return TripleDES(key + key[:8])
    if cipher == "aes":
        return algorithms.AES(key)
    raise ValueError(f"unknown cipher {cipher!r}")


def encrypt_cbc(cipher: CipherName, key: bytes, data: bytes, iv: bytes | None = None) -> bytes:
    """CBC encryption without padding (the callers pad as the standard asks); zero IV by default,
    which is what BAC, the PACE nonce and 3DES secure messaging use."""
    size = block_size(cipher)
    if len(data) % size:
        raise ValueError(f"{len(data)} bytes is not a multiple of the {size}-byte block")
    encryptor = Cipher(_algorithm(cipher, key), modes.CBC(iv or bytes(size))).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def decrypt_cbc(cipher: CipherName, key: bytes, data: bytes, iv: bytes | None = None) -> bytes:
    size = block_size(cipher)
    if len(data) % size or not data:
        raise ValueError(f"{len(data)} bytes is not a whole number of {size}-byte blocks")
    decryptor = Cipher(_algorithm(cipher, key), modes.CBC(iv or bytes(size))).decryptor()
    return decryptor.update(data) + decryptor.finalize()


def encrypt_block(cipher: CipherName, key: bytes, block: bytes) -> bytes:
    """One block in ECB, for the AES secure-messaging IV E(KSenc, SSC)."""
    if len(block) != block_size(cipher):
        raise ValueError("not one block")
    encryptor = Cipher(_algorithm(cipher, key), modes.ECB()).encryptor()
    return encryptor.update(block) + encryptor.finalize()


# ---- MACs ---------------------------------------------------------------------------------------


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 with DES (the "retail MAC"), key Ka ‖ Kb of 16 bytes.

    `data` must already be padded to a multiple of 8 bytes: ICAO pads before MACing (method 2),
    and secure messaging pads twice (the header, then the whole MAC input), so padding is left
    to the caller. Single-DES CBC with Ka over all blocks, then the last one decrypted with Kb and
    encrypted again with Ka, which is the same as 3DES-EDE(Ka, Kb, Ka) of the last chaining input."""
    if len(key) != 16:
        raise ValueError("the retail MAC key is 16 bytes")
    if not data or len(data) % DES_BLOCK:
        raise ValueError("retail MAC input must be padded to whole 8-byte blocks")
    ka = key[:8]
    chain = bytes(DES_BLOCK)
    if len(data) > DES_BLOCK:
        # 3DES with K1 = K2 = K3 is single DES.
        head = Cipher(TripleDES(ka * 3), modes.CBC(chain)).encryptor()
        chain = (head.update(data[:-DES_BLOCK]) + head.finalize())[-DES_BLOCK:]
    last = bytes(a ^ b for a, b in zip(chain, data[-DES_BLOCK:], strict=True))
    final = Cipher(TripleDES(key + ka), modes.ECB()).encryptor()  # EDE with Ka, Kb, Ka
    return final.update(last) + final.finalize()


def aes_cmac(key: bytes, data: bytes) -> bytes:
    """AES-CMAC (NIST SP 800-38B) truncated to 8 bytes, as ICAO uses it (9303-11 §9.8.6.2)."""
    mac = CMAC(algorithms.AES(key))
    mac.update(data)
    return mac.finalize()[:MAC_LENGTH]


def sm_mac(cipher: CipherName, key: bytes, data: bytes) -> bytes:
    """The MAC of secure messaging and of BAC: pad (method 2), then the cipher's MAC. ICAO pads
    the MAC input for AES too, even though CMAC would not need it; cards insist (6988 otherwise)."""
    padded = pad(data, block_size(cipher))
    if cipher == "3des":
        return retail_mac(key, padded)
    return aes_cmac(key, padded)
