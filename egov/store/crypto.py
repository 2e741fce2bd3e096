"""Encryption at rest for the store: the key file and AES-256-GCM sealing of single values.

A sealed value is `version byte || 96-bit random nonce || ciphertext and 16-byte tag`. The
associated data names where the value belongs (the dossier's client id and the field), so a value
copied into another row or another column fails to open instead of showing the wrong person's data.

`StoreError` lives here, the lowest layer of the package, so that a bad key file or a tampered value
is a store error like any other for the code that opens the store.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32  # AES-256
NONCE_BYTES = 12  # 96 bits, the size GCM is designed for
FORMAT_V1 = 0x01  # bump when the layout or algorithm changes, so old values still open


class StoreError(Exception):
    """The store cannot do what was asked. The message is English, for logs, and never personal."""


class KeyFileError(StoreError):
    """The key file is missing, malformed, or readable by others."""


class SealError(StoreError):
    """A sealed value does not open: tampered with, moved to another row, or sealed with another key."""


def load_or_create_key(path: Path) -> bytes:
    """The store key in `path`, made (32 random bytes, mode 0600) if there is none yet.

    Creation is race-free: the key is written to a private temporary file, then hard-linked to
    `path`, which fails if another process won the race; that process's key is then read instead.
    """
    path = Path(path)
    if not path.exists():
        _create_key_file(path)
    return _read_key_file(path)


def _create_key_file(path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(os.urandom(KEY_BYTES))
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process created it first; use theirs
        else:
            _fsync_dir(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _fsync_dir(directory: Path) -> None:
    # Without this a power cut can lose the new directory entry, and with it the only key.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_key_file(path: Path) -> bytes:
    try:
        info = path.stat()
    except OSError as exc:
        raise KeyFileError(f"store key file {path}: cannot stat ({exc.__class__.__name__})") from None
    if not stat.S_ISREG(info.st_mode):
        raise KeyFileError(f"store key file {path}: not a regular file")
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError(
            f"store key file {path}: mode {stat.S_IMODE(info.st_mode):04o} lets group or others read it; "
            f"run `chmod 600 {path}` if this file is trusted"
        )
    key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise KeyFileError(f"store key file {path}: expected {KEY_BYTES} bytes, found {len(key)}")
    return key


def check_key(key: bytes) -> None:
    """Raise KeyFileError unless `key` is a usable AES-256 key."""
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise KeyFileError(f"store key: expected {KEY_BYTES} bytes")


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    """Encrypt and authenticate `plaintext`, bound to `associated_data`."""
    nonce = os.urandom(NONCE_BYTES)
    return bytes([FORMAT_V1]) + nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data)


def unseal(key: bytes, sealed: bytes, associated_data: bytes) -> bytes:
    """The plaintext of a `seal`ed value; SealError if it was altered, moved or is unknown."""
    if len(sealed) < 1 + NONCE_BYTES + 16 or sealed[0] != FORMAT_V1:
        raise SealError("sealed value: unknown format or truncated")
    nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, associated_data)
    except InvalidTag:
        raise SealError("sealed value: authentication failed (tampered, moved or wrong key)") from None
