#!/usr/bin/env python3
"""Make the emulated card's sample profile: test PKI, synthetic portrait and profile.json.

    .venv/bin/python tools/make_card_profile.py [--force]

Writes, under hardware/card/emulator/profiles/:

- test-csca/csca.pem, csca-key.pem: a self-signed test CSCA (C=VN, CN "dvc-kiosk TEST CSCA — not
  valid", ECDSA P-256), kept when they exist unless --force;
- mau/: the sample citizen of egov.identity.demo_identity(): profile.json, face.jpg (a plain drawing
  of no one), dsc.pem and dsc-key.pem (a test DSC issued by the CSCA), csca.pem (a copy of the
  CSCA certificate), chip-auth-key.pem (brainpoolP256r1, for DG14) and active-auth-key.pem
  (P-256, for DG15).

Every key here is test material, committed on purpose; nothing signed by it proves anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path

import numpy as np
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from egov.identity import demo_identity  # noqa: E402 - after the path set-up above

PROFILES = ROOT / "hardware" / "card" / "emulator" / "profiles"
NOT_BEFORE = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
NOT_AFTER = dt.datetime(2069, 12, 31, tzinfo=dt.UTC)  # long: the sample card never expires
PHOTO_SIZE = (240, 320)  # width, height: the 3:4 portrait of ICAO 9303-3
PHOTO_TARGET_BYTES = 15_000


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")


def make_csca(folder: Path, force: bool) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    cert_path, key_path = folder / "csca.pem", folder / "csca-key.pem"
    if cert_path.exists() and key_path.exists() and not force:
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return x509.load_pem_x509_certificate(cert_path.read_bytes()), key
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "dvc-kiosk test PKI"),
            x509.NameAttribute(NameOID.COMMON_NAME, "dvc-kiosk TEST CSCA — not valid"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write(cert_path, _cert_pem(cert))
    _write(key_path, _key_pem(key))
    return cert, key


def make_dsc(folder: Path, csca: x509.Certificate, csca_key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "dvc-kiosk test PKI"),
            x509.NameAttribute(NameOID.COMMON_NAME, "dvc-kiosk TEST DSC — not valid"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(csca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(NOT_AFTER)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(csca_key.public_key()), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(csca_key, hashes.SHA256())
    )
    _write(folder / "dsc.pem", _cert_pem(cert))
    _write(folder / "dsc-key.pem", _key_pem(key))
    return cert


def draw_face(seed: int = 1958) -> bytes:
    """A plain drawing of a head and shoulders, no one in particular, as a JPEG of about 15 KB."""
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, (232, 236, 242))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a soft vertical gradient, like a studio backdrop
        shade = 236 - y // 12
        draw.line([(0, y), (width, y)], fill=(shade - 6, shade, shade + 6))
    draw.ellipse([30, 250, 210, 400], fill=(52, 64, 92))  # shoulders, dark jacket
    draw.polygon([(100, 250), (140, 250), (120, 290)], fill=(238, 238, 238))  # collar
    draw.rectangle([104, 200, 136, 262], fill=(222, 184, 150))  # neck
    draw.ellipse([66, 70, 174, 226], fill=(228, 190, 156))  # face
    draw.chord([60, 52, 180, 170], 180, 360, fill=(40, 32, 30))  # hair
    draw.ellipse([58, 80, 80, 190], fill=(40, 32, 30))
    draw.ellipse([160, 80, 182, 190], fill=(40, 32, 30))
    for x in (96, 144):  # eyes and brows
        draw.ellipse([x - 9, 134, x + 9, 144], fill=(250, 250, 250))
        draw.ellipse([x - 4, 135, x + 4, 143], fill=(50, 40, 35))
        draw.line([(x - 11, 124), (x + 11, 122)], fill=(60, 45, 40), width=3)
    draw.line([(120, 146), (116, 172), (124, 174)], fill=(190, 150, 120), width=2)  # nose
    draw.arc([102, 178, 138, 200], 20, 160, fill=(170, 90, 90), width=3)  # mouth
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    # Fine grain gives the JPEG the size of a real card's portrait, which matters for read timings.
    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.int16)
    grain = rng.normal(0, 3.0, pixels.shape[:2])[..., None]
    image = Image.fromarray(np.clip(pixels + grain, 0, 255).astype(np.uint8))
    best = b""
    for quality in range(40, 96, 5):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True)
        data = buffer.getvalue()
        if not best or abs(len(data) - PHOTO_TARGET_BYTES) < abs(len(best) - PHOTO_TARGET_BYTES):
            best = data
    return best


def profile_json() -> dict[str, object]:
    who = demo_identity()
    return {
        "format": 1,
        "description": "The fictional sample citizen (egov.identity.demo_identity), on an emulated card. "
        "Test data only: the number is not a real one and the keys are public.",
        "identity": {
            "id_number": who.id_number,
            "full_name": who.full_name,
            "date_of_birth": who.date_of_birth.isoformat(),
            "sex": who.sex.value,
            "nationality": who.nationality,
            "ethnicity": who.ethnicity,
            "religion": who.religion,
            "place_of_origin": who.place_of_origin,
            "place_of_residence": who.place_of_residence,
            "identifying_marks": "Nốt ruồi C:1cm trên trước đầu mày phải",
            "date_of_issue": who.date_of_issue.isoformat() if who.date_of_issue else None,
            "date_of_expiry": who.date_of_expiry.isoformat() if who.date_of_expiry else None,
            "father_name": who.father_name,
            "mother_name": who.mother_name,
            "spouse_name": who.spouse_name,
            "old_id_number": who.old_id_number,
            "unknown16": "MAU0000000000000",
        },
        "mrz": {"surname": "Nguyễn", "given_names": "Thị Mẫu"},
        "photo": "face.jpg",
        "pki": {"dsc_cert": "dsc.pem", "dsc_key": "dsc-key.pem", "csca_cert": "csca.pem"},
        "chip_keys": {
            "chip_authentication": "chip-auth-key.pem",
            "active_authentication": "active-auth-key.pem",
        },
        "options": {"extended_length": True, "pace": True, "bac": True, "key_tries": None},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="also make a new test CSCA")
    args = parser.parse_args()
    csca, csca_key = make_csca(PROFILES / "test-csca", args.force)
    folder = PROFILES / "mau"
    _write(folder / "csca.pem", _cert_pem(csca))
    make_dsc(folder, csca, csca_key)
    _write(folder / "chip-auth-key.pem", _key_pem(ec.generate_private_key(ec.BrainpoolP256R1())))
    _write(folder / "active-auth-key.pem", _key_pem(ec.generate_private_key(ec.SECP256R1())))
    _write(folder / "face.jpg", draw_face())
    text = json.dumps(profile_json(), ensure_ascii=False, indent=2) + "\n"
    _write(folder / "profile.json", text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
