"""Passive authentication on the emulated sample card and on damaged copies of it
(hardware/card/pa), and the sample profile itself (hardware/card/emulator/profile)."""

from __future__ import annotations

import datetime as dt
from datetime import date
from pathlib import Path

import pytest
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from egov.identity import demo_identity
from hardware.card import lds, tlv
from hardware.card.dg13 import parse_dg13
from hardware.card.emulator.profile import CARD_ACCESS, CardProfile, ProfileError
from hardware.card.pa import (
    CscaMasterList,
    CscaStore,
    PassiveAuthResult,
    Verdict,
    group_files,
    listed_groups,
    sign_sod,
    verify,
)

PROFILES = Path(__file__).resolve().parents[1] / "hardware" / "card" / "emulator" / "profiles"
TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def profile() -> CardProfile:
    return CardProfile.load(PROFILES / "mau" / "profile.json")


@pytest.fixture(scope="module")
def files(profile: CardProfile) -> dict[str, bytes]:
    return profile.build_files()


@pytest.fixture(scope="module")
def groups(files: dict[str, bytes]) -> dict[int, bytes]:
    return group_files(files)


@pytest.fixture(scope="module")
def store() -> CscaStore:
    return CscaStore.load(PROFILES / "test-csca")


def _ca(
    name: str, key: ec.EllipticCurvePrivateKey | None = None
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = key or ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "dvc-kiosk test PKI"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2060, 1, 1, tzinfo=dt.UTC))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _dsc(csca: x509.Certificate, csca_key: ec.EllipticCurvePrivateKey, key: object) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test DSC")]))
        .issuer_name(csca.subject)
        .public_key(key.public_key())  # type: ignore[attr-defined]
        .serial_number(x509.random_serial_number())
        .not_valid_before(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2040, 1, 1, tzinfo=dt.UTC))
        .sign(csca_key, hashes.SHA256())
    )


def _pem(obj: object) -> bytes:
    if isinstance(obj, x509.Certificate):
        return obj.public_bytes(serialization.Encoding.PEM)
    return obj.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


# -- the sample profile -------------------------------------------------------------------------


def test_profile_files(profile: CardProfile, files: dict[str, bytes]) -> None:
    assert list(files) == ["EF.CardAccess", "EF.COM", "DG1", "DG2", "DG13", "DG14", "DG15", "EF.SOD"]
    assert files["EF.CardAccess"] == CARD_ACCESS
    assert CARD_ACCESS.hex().upper().startswith("3134300D060804007F0007020202020101")
    assert lds.parse_com(files["EF.COM"]).data_groups == (1, 2, 13, 14, 15)
    for name, content in files.items():
        assert tlv.file_length_from_header(content[:8]) == len(content), name
    mrz = lds.parse_dg1(files["DG1"])
    assert mrz.all_check_digits_ok and mrz.never_expires and mrz.id_number == "001158000000"
    photo = lds.parse_dg2(files["DG2"])
    assert photo.format == "jpeg" and (photo.width, photo.height) == (240, 320)
    assert 10_000 < len(photo.data) < 25_000
    assert lds.has_chip_authentication(files["DG14"]) and lds.has_active_authentication(files["DG15"])
    assert profile.can == "000000"
    assert profile.mrz_information == "1580000000" + "5809057" + "<<<<<<0"
    assert profile.options.pace and profile.options.bac and profile.options.extended_length
    assert profile.build_files() == files  # deterministic: the same card on every start


def test_profile_is_the_demo_citizen(files: dict[str, bytes]) -> None:
    d = parse_dg13(files["DG13"])
    demo = demo_identity()
    assert d.id_number == demo.id_number
    assert d.full_name == demo.full_name
    assert d.date_of_birth == demo.date_of_birth
    assert d.sex == "female"
    assert (d.ethnicity, d.religion) == (demo.ethnicity, demo.religion)
    assert (d.place_of_origin, d.place_of_residence) == (demo.place_of_origin, demo.place_of_residence)
    assert d.date_of_issue == demo.date_of_issue
    assert d.date_of_expiry is None and d.never_expires and d.raw_fields[12] == ("Không thời hạn",)
    assert (d.father_name, d.mother_name, d.spouse_name) == (
        demo.father_name,
        demo.mother_name,
        demo.spouse_name,
    )


def test_profile_errors(tmp_path: Path) -> None:
    with pytest.raises(ProfileError):
        CardProfile.load(tmp_path / "missing.json")
    (tmp_path / "profile.json").write_text("{", encoding="utf-8")
    with pytest.raises(ProfileError):
        CardProfile.load(tmp_path)
    (tmp_path / "profile.json").write_text('{"format": 1, "identity": {}}', encoding="utf-8")
    with pytest.raises(ProfileError):
        CardProfile.load(tmp_path)


# -- passive authentication -----------------------------------------------------------------------


def test_all_ok_with_the_test_csca(
    files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore
) -> None:
    result = verify(files["EF.SOD"], groups, store, TODAY)
    assert result == PassiveAuthResult(Verdict.OK, Verdict.OK, Verdict.OK, (), (), "")
    assert result.ok
    assert listed_groups(files["EF.SOD"]) == (1, 2, 13, 14, 15)
    assert len(store) == 1
    assert len(CscaStore.load(PROFILES / "test-csca" / "csca.pem")) == 1


def test_chain_unknown_without_csca(files: dict[str, bytes], groups: dict[int, bytes]) -> None:
    result = verify(files["EF.SOD"], groups, CscaStore.empty(), TODAY)
    assert (result.data_groups, result.signature, result.chain) == (Verdict.OK, Verdict.OK, Verdict.UNKNOWN)
    assert not result.ok


def test_only_the_groups_read_are_checked(
    files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore
) -> None:
    some = {n: groups[n] for n in (1, 13)}
    assert verify(files["EF.SOD"], some, store, TODAY).data_groups is Verdict.OK
    assert verify(files["EF.SOD"], {}, store, TODAY).data_groups is Verdict.UNKNOWN


@pytest.mark.parametrize("number", [1, 2, 13, 14, 15])
def test_one_changed_byte_in_a_group(
    number: int, files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore
) -> None:
    changed = dict(groups)
    content = bytearray(changed[number])
    content[len(content) // 2] ^= 0x01
    changed[number] = bytes(content)
    result = verify(files["EF.SOD"], changed, store, TODAY)
    assert result.data_groups is Verdict.FAILED
    assert result.failed_groups == (number,)
    assert f"DG{number}" in result.detail
    assert (result.signature, result.chain) == (Verdict.OK, Verdict.OK)


def test_a_group_the_sod_does_not_list(
    files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore
) -> None:
    result = verify(files["EF.SOD"], {**groups, 3: b"\x63\x00"}, store, TODAY)
    assert result.data_groups is Verdict.FAILED
    assert result.missing_groups == (3,) and result.failed_groups == ()


def _signature(sod: bytes) -> bytes:
    info = cms.ContentInfo.load(tlv.decode(sod).value)
    return info["content"]["signer_infos"][0]["signature"].native


def test_changed_signature(files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore) -> None:
    sod = files["EF.SOD"]
    signature = _signature(sod)
    # The last byte of a DER ECDSA signature belongs to s: still well-formed, no longer valid.
    forged = signature[:-1] + bytes((signature[-1] ^ 0x01,))
    assert sod.count(signature) == 1
    result = verify(sod.replace(signature, forged), groups, store, TODAY)
    assert result.signature is Verdict.FAILED
    assert result.data_groups is Verdict.OK
    assert result.chain is Verdict.OK  # the DSC itself is still the CSCA's


def test_changed_hash_inside_the_sod(
    files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore
) -> None:
    import hashlib

    sod = files["EF.SOD"]
    dg13_hash = hashlib.sha256(groups[13]).digest()
    assert sod.count(dg13_hash) == 1
    result = verify(sod.replace(dg13_hash, bytes(32)), groups, store, TODAY)
    assert result.data_groups is Verdict.FAILED and result.failed_groups == (13,)
    assert result.signature is Verdict.FAILED  # messageDigest no longer matches
    assert "messageDigest" in result.detail


def test_a_different_csca(files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore) -> None:
    test_csca = store.certificates[0]
    common_name = test_csca.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    # Same name, another key (an impostor, or a key rollover we do not have): FAILED.
    impostor, _ = _ca(str(common_name))
    assert impostor.subject == test_csca.subject
    result = verify(files["EF.SOD"], groups, CscaStore([impostor]), TODAY)
    assert result.chain is Verdict.FAILED
    assert (result.data_groups, result.signature) == (Verdict.OK, Verdict.OK)
    # Another country's CSCA: UNKNOWN, nothing matches the DSC's issuer.
    other, _ = _ca("another TEST CSCA")
    assert verify(files["EF.SOD"], groups, CscaStore([other]), TODAY).chain is Verdict.UNKNOWN
    # Both present: the right one wins.
    assert verify(files["EF.SOD"], groups, CscaStore([impostor, other, test_csca]), TODAY).chain is Verdict.OK


def test_validity_dates(files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore) -> None:
    result = verify(files["EF.SOD"], groups, store, date(2075, 1, 1))
    assert result.chain is Verdict.FAILED and "not valid" in result.detail
    assert verify(files["EF.SOD"], groups, store, date(2019, 1, 1)).chain is Verdict.FAILED


@pytest.mark.parametrize(
    "sod",
    [
        b"",
        b"\x77\x00",
        b"\x77\x03\x30\x01\x00",
        tlv.encode(0x77, tlv.encode(0x30, tlv.encode(0x06, b"\x2a"))),
        b"\x61\x00",
    ],
)
def test_sod_that_does_not_parse(sod: bytes, groups: dict[int, bytes], store: CscaStore) -> None:
    result = verify(sod, groups, store, TODAY)
    assert (result.data_groups, result.signature, result.chain) == (Verdict.FAILED,) * 3
    assert result.detail.startswith("EF.SOD does not parse")
    assert listed_groups(sod) == ()


def test_truncated_sod(files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore) -> None:
    sod = files["EF.SOD"]
    for cut in (10, len(sod) // 2, len(sod) - 1):
        assert verify(sod[:cut], groups, store, TODAY).data_groups is Verdict.FAILED


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    flips=st.lists(st.tuples(st.integers(0, 1099), st.integers(0, 255)), min_size=1, max_size=4),
    junk=st.binary(max_size=80),
)
def test_verify_never_raises(
    files: dict[str, bytes],
    groups: dict[int, bytes],
    store: CscaStore,
    flips: list[tuple[int, int]],
    junk: bytes,
) -> None:
    sod = bytearray(files["EF.SOD"])
    for pos, value in flips:
        if pos < len(sod):
            sod[pos] = value
    for candidate in (bytes(sod), junk, tlv.encode(0x77, junk)):
        result = verify(candidate, groups, store, TODAY)
        assert isinstance(result, PassiveAuthResult)
        listed_groups(candidate)


# -- other signers and hashes -------------------------------------------------------------------


@pytest.mark.parametrize("hash_name", ["sha1", "sha256", "sha384", "sha512"])
def test_ecdsa_hashes(hash_name: str, groups: dict[int, bytes]) -> None:
    csca, csca_key = _ca("hash TEST CSCA")
    key = ec.generate_private_key(ec.SECP384R1())
    dsc = _dsc(csca, csca_key, key)
    sod = sign_sod(groups, _pem(dsc), _pem(key), hash_name)
    assert verify(sod, groups, CscaStore([csca]), TODAY).ok


def test_rsa_pkcs1_and_pss(groups: dict[int, bytes]) -> None:
    csca, csca_key = _ca("RSA TEST CSCA")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    dsc = _dsc(csca, csca_key, key)
    sod = sign_sod(groups, _pem(dsc), _pem(key))
    assert verify(sod, groups, CscaStore([csca]), TODAY).ok

    # RSASSA-PSS: same SOD, the signature algorithm and the signature replaced.
    info = cms.ContentInfo.load(tlv.decode(sod).value)
    signer = info["content"]["signer_infos"][0]
    to_sign = b"\x31" + signer["signed_attrs"].dump()[1:]
    pss_signature = key.sign(to_sign, padding.PSS(padding.MGF1(hashes.SHA256()), 32), hashes.SHA256())
    signer["signature_algorithm"] = {
        "algorithm": "rsassa_pss",
        "parameters": {
            "hash_algorithm": {"algorithm": "sha256"},
            "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": {"algorithm": "sha256"}},
            "salt_length": 32,
            "trailer_field": "trailer_field_bc",
        },
    }
    signer["signature"] = pss_signature
    pss_sod = tlv.encode(0x77, info.dump(force=True))
    result = verify(pss_sod, groups, CscaStore([csca]), TODAY)
    assert result.signature is Verdict.OK, result.detail
    signer["signature"] = pss_signature[:-1] + bytes((pss_signature[-1] ^ 1,))
    bad = verify(tlv.encode(0x77, info.dump(force=True)), groups, CscaStore([csca]), TODAY)
    assert bad.signature is Verdict.FAILED


def test_sign_sod_rejects_unknown_hash(groups: dict[int, bytes], profile: CardProfile) -> None:
    with pytest.raises(ValueError):
        sign_sod(groups, profile.dsc_cert.read_bytes(), profile.dsc_key.read_bytes(), "md5")


# -- trust anchors ------------------------------------------------------------------------------


def test_master_list(
    tmp_path: Path, files: dict[str, bytes], groups: dict[int, bytes], store: CscaStore
) -> None:
    other, _ = _ca("another TEST CSCA")
    certs = [
        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
        for c in (store.certificates[0], other)
    ]
    master_list = CscaMasterList({"version": 0, "cert_list": certs}).dump()
    signed = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [],
            "encap_content_info": {
                "content_type": "2.23.136.1.1.2",
                "content": cms.ParsableOctetString(master_list),
            },
            "signer_infos": [],
        }
    )
    (tmp_path / "icao.ml").write_bytes(
        cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()
    )
    loaded = CscaStore.load(tmp_path / "icao.ml")
    assert len(loaded) == 2
    assert verify(files["EF.SOD"], groups, loaded, TODAY).chain is Verdict.OK
    # In a folder, next to a DER certificate, a duplicate PEM and a file that is neither.
    (tmp_path / "other.der").write_bytes(other.public_bytes(serialization.Encoding.DER))
    (tmp_path / "dup.pem").write_bytes(_pem(other))
    (tmp_path / "junk.crt").write_bytes(b"not a certificate")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert len(CscaStore.load(tmp_path)) == 2
    with pytest.raises(ValueError):
        CscaStore.load(tmp_path / "junk.crt")
    with pytest.raises(FileNotFoundError):
        CscaStore.load(tmp_path / "nothing-here")
