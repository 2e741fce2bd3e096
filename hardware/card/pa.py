"""Passive authentication (ICAO 9303-11 §5.1, 9303-10 §4.6.2): are the chip's data what the issuer
signed, and is the signer one we trust?

EF.SOD is `77 { ContentInfo }`: a CMS SignedData whose encapsulated content (type 2.23.136.1.1.1)
is the LDSSecurityObject, the hash of every data group (of the whole file, tag and length
included). Three separate questions, three verdicts:

- data_groups: does each group we read hash to the value the SOD lists for it?
- signature: does the SOD's messageDigest attribute match its content, and does the document
  signer certificate (DSC) in the SOD verify the signature over the signed attributes, DER-encoded
  as a SET OF (tag 31, not the [0] they carry in the SignerInfo)?
- chain: was the DSC issued by a country signing CA (CSCA) we were given, and are both valid today?
  UNKNOWN when no CSCA matches the DSC's issuer: no Vietnamese CSCA is published (fact sheet §5),
  so "integrity OK, trust anchor unknown" is the normal result until one is configured.

`verify` never raises on card data: whatever does not parse or check out is FAILED, with an English
detail that names groups and steps, never content. `sign_sod` builds an SOD for the emulated card.
"""

from __future__ import annotations

import enum
import hashlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from asn1crypto import algos, cms, core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

from hardware.card import tlv

log = logging.getLogger(__name__)

LDS_SECURITY_OBJECT_OID = "2.23.136.1.1.1"
CSCA_MASTER_LIST_OID = "2.23.136.1.1.2"
_BSI_PLAIN_ECDSA = "0.4.0.127.0.7.1.1.4.1."  # TR-03111 ecdsa-plain-SHAxxx: r || s, not DER
_BSI_PLAIN_HASHES = {"1": "sha1", "2": "sha224", "3": "sha256", "4": "sha384", "5": "sha512"}
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
CERT_SUFFIXES = (".pem", ".der", ".cer", ".crt")
MASTER_LIST_SUFFIXES = (".ml",)


class Verdict(enum.StrEnum):
    OK = "ok"
    FAILED = "failed"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PassiveAuthResult:
    data_groups: Verdict
    signature: Verdict
    chain: Verdict
    failed_groups: tuple[int, ...] = ()  # groups whose hash differs from the SOD's
    missing_groups: tuple[int, ...] = ()  # groups we read that the SOD does not list (unsigned data)
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.data_groups is self.signature is self.chain is Verdict.OK


# -- ASN.1 of the LDS (ICAO 9303-10 §4.6.2.2) and of the CSCA master list (9303-12 §8) -----------


class DataGroupHash(core.Sequence):
    _fields = [  # noqa: RUF012 - asn1crypto's declaration style
        ("data_group_number", core.Integer),
        ("data_group_hash_value", core.OctetString),
    ]


class DataGroupHashValues(core.SequenceOf):
    _child_spec = DataGroupHash


class LdsVersionInfo(core.Sequence):
    _fields = [  # noqa: RUF012
        ("lds_version", core.PrintableString),
        ("unicode_version", core.PrintableString),
    ]


class LdsSecurityObject(core.Sequence):
    _fields = [  # noqa: RUF012
        ("version", core.Integer),
        ("hash_algorithm", algos.DigestAlgorithm),
        ("data_group_hash_values", DataGroupHashValues),
        ("lds_version_info", LdsVersionInfo, {"optional": True}),
    ]


class _CertificateSet(core.SetOf):
    _child_spec = asn1_x509.Certificate


class CscaMasterList(core.Sequence):
    _fields = [  # noqa: RUF012
        ("version", core.Integer),
        ("cert_list", _CertificateSet),
    ]


class SodError(ValueError):
    """An EF.SOD that does not parse; the detail names the step."""


@dataclass(frozen=True, slots=True)
class _Sod:
    hash_name: str
    hashes: dict[int, bytes]
    econtent: bytes
    signed_data: cms.SignedData
    signer: cms.SignerInfo


def _hash_name(algorithm: algos.DigestAlgorithm) -> str:
    name = algorithm["algorithm"].native
    if name not in _HASHES:
        raise SodError(f"unsupported hash algorithm {name}")
    return str(name)


def _digest(name: str, data: bytes) -> bytes:
    return hashlib.new(name, data).digest()


def _parse_sod(sod: bytes) -> _Sod:
    try:
        outer = tlv.decode(sod)
    except tlv.TlvError as exc:
        raise SodError(exc.detail) from exc
    if outer.tag != 0x77:
        raise SodError(f"tag {outer.tag:X}, expected 77")
    info = cms.ContentInfo.load(outer.value, strict=True)
    if info["content_type"].native != "signed_data":
        raise SodError("not a CMS SignedData")
    signed = info["content"]
    encap = signed["encap_content_info"]
    if encap["content_type"].dotted != LDS_SECURITY_OBJECT_OID:
        raise SodError("encapsulated content is not an LDSSecurityObject")
    econtent = encap["content"].native
    if not isinstance(econtent, bytes):
        raise SodError("no encapsulated content")
    security_object = LdsSecurityObject.load(econtent, strict=True)
    hash_name = _hash_name(security_object["hash_algorithm"])
    listed: dict[int, bytes] = {}
    for entry in security_object["data_group_hash_values"]:
        number = entry["data_group_number"].native
        value = entry["data_group_hash_value"].native
        if not isinstance(number, int) or not 1 <= number <= 16:
            raise SodError("data group number out of range")
        if number in listed:
            raise SodError(f"DG{number} listed twice")
        listed[number] = value
    signers = signed["signer_infos"]
    if len(signers) != 1:
        raise SodError(f"{len(signers)} signer infos, expected 1")
    return _Sod(hash_name, listed, econtent, signed, signers[0])


def listed_groups(sod: bytes) -> tuple[int, ...]:
    """The data group numbers the SOD has hashes for; () when it does not parse."""
    try:
        return tuple(sorted(_parse_sod(sod).hashes))
    except Exception:  # card data: whatever is wrong with it, the answer is "none listed"
        return ()


# -- the signature ------------------------------------------------------------------------------


def _find_dsc(sod: _Sod) -> asn1_x509.Certificate | None:
    sid = sod.signer["sid"]
    candidates = [c.chosen for c in sod.signed_data["certificates"] or [] if c.name == "certificate"]
    for cert in candidates:
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if cert.issuer == wanted["issuer"] and cert.serial_number == wanted["serial_number"].native:
                return cert
        elif sid.name == "subject_key_identifier" and cert.key_identifier == sid.chosen.native:
            return cert
    return None


def _signed_bytes(signer: cms.SignerInfo, econtent: bytes) -> bytes:
    attrs = signer["signed_attrs"]
    if not attrs:
        return econtent  # CMS without signed attributes signs the content itself
    # The signature covers the attributes as a SET OF (tag 31), not with their [0] IMPLICIT tag;
    # the original bytes are kept, since re-encoding could change them.
    raw = attrs.dump()
    return b"\x31" + raw[1:]


def _check_signed_attrs(sod: _Sod) -> str | None:
    """None when contentType and messageDigest are right, else what is wrong."""
    attrs = sod.signer["signed_attrs"]
    if not attrs:
        return None
    digest_name = _hash_name(sod.signer["digest_algorithm"])
    digests = [a["values"] for a in attrs if a["type"].native == "message_digest"]
    if len(digests) != 1 or len(digests[0]) != 1:
        return "no single messageDigest attribute"
    if digests[0][0].native != _digest(digest_name, sod.econtent):
        return "messageDigest does not match the LDSSecurityObject"
    types = [a["values"] for a in attrs if a["type"].native == "content_type"]
    if len(types) != 1 or len(types[0]) != 1 or types[0][0].dotted != LDS_SECURITY_OBJECT_OID:
        return "contentType attribute is not the LDSSecurityObject"
    return None


def _verify_signature(
    public_key: object,
    algorithm: algos.SignedDigestAlgorithm,
    signature: bytes,
    data: bytes,
    digest_name: str,
) -> None:
    """Raise InvalidSignature (or SodError for what we do not support) unless it verifies."""
    dotted = algorithm["algorithm"].dotted
    if dotted.startswith(_BSI_PLAIN_ECDSA):
        # TR-03111 plain format: r and s as two fixed-size integers.
        name = _BSI_PLAIN_HASHES.get(dotted[len(_BSI_PLAIN_ECDSA) :])
        if name is None or not isinstance(public_key, ec.EllipticCurvePublicKey) or len(signature) % 2:
            raise SodError("unsupported plain ECDSA signature")
        half = len(signature) // 2
        der = utils.encode_dss_signature(
            int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big")
        )
        public_key.verify(der, data, ec.ECDSA(_HASHES[name]()))
        return
    algo = algorithm.signature_algo
    try:
        name = algorithm.hash_algo
    except ValueError:
        name = digest_name  # "rsassa_pkcs1v15" alone: the signer's digest algorithm says which
    if name not in _HASHES:
        raise SodError(f"unsupported hash {name}")
    chosen = _HASHES[name]()
    if algo == "ecdsa" and isinstance(public_key, ec.EllipticCurvePublicKey):
        public_key.verify(signature, data, ec.ECDSA(chosen))
    elif algo == "rsassa_pkcs1v15" and isinstance(public_key, rsa.RSAPublicKey):
        public_key.verify(signature, data, padding.PKCS1v15(), chosen)
    elif algo == "rsassa_pss" and isinstance(public_key, rsa.RSAPublicKey):
        params = algorithm["parameters"]
        mgf_hash = params["mask_gen_algorithm"]["parameters"]["algorithm"].native
        pss_hash = params["hash_algorithm"]["algorithm"].native
        if pss_hash not in _HASHES or mgf_hash not in _HASHES:
            raise SodError("unsupported RSASSA-PSS hash")
        pss = padding.PSS(mgf=padding.MGF1(_HASHES[mgf_hash]()), salt_length=params["salt_length"].native)
        public_key.verify(signature, data, pss, _HASHES[pss_hash]())
    else:
        raise SodError(f"unsupported signature algorithm {algo}")


# -- trust anchors ------------------------------------------------------------------------------


class CscaStore:
    """The CSCA certificates we trust: a folder of certificates, an ICAO master list, or nothing.

    A master list is taken as the operator's choice of trust anchors: its own signature (by a
    master list signer) is not checked here.
    """

    def __init__(self, certificates: Iterable[x509.Certificate] = ()) -> None:
        self._certs: list[x509.Certificate] = []
        seen: set[bytes] = set()
        for cert in certificates:
            fingerprint = cert.fingerprint(hashes.SHA256())
            if fingerprint not in seen:
                seen.add(fingerprint)
                self._certs.append(cert)

    @classmethod
    def empty(cls) -> CscaStore:
        return cls()

    @classmethod
    def load(cls, path: Path | str) -> CscaStore:
        """Certificates from a folder (.pem/.der/.cer/.crt and .ml files in it) or one file.
        A file that does not parse is skipped with a warning inside a folder, and raises
        ValueError when it was named on its own."""
        path = Path(path)
        if path.is_dir():
            certs: list[x509.Certificate] = []
            for item in sorted(path.iterdir()):
                if not item.is_file() or item.suffix.lower() not in CERT_SUFFIXES + MASTER_LIST_SUFFIXES:
                    continue
                try:
                    certs.extend(_load_file(item))
                except ValueError as exc:
                    log.warning("CSCA file %s skipped: %s", item.name, exc)
            return cls(certs)
        if path.is_file():
            return cls(_load_file(path))
        raise FileNotFoundError(f"no CSCA file or folder at {path}")

    @property
    def certificates(self) -> tuple[x509.Certificate, ...]:
        return tuple(self._certs)

    def __len__(self) -> int:
        return len(self._certs)

    def __bool__(self) -> bool:
        return bool(self._certs)

    def issuers_of(self, cert: x509.Certificate) -> list[x509.Certificate]:
        """The CSCAs that may have issued `cert`: same name as its issuer, or the key identifier
        its authority key identifier names (countries reuse names across key rollovers)."""
        try:
            aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
        except (x509.ExtensionNotFound, ValueError):
            aki = None
        found: list[x509.Certificate] = []
        for csca in self._certs:
            if csca.subject == cert.issuer:
                found.append(csca)
                continue
            if aki is not None:
                try:
                    ski = csca.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
                except (x509.ExtensionNotFound, ValueError):
                    continue
                if ski == aki:
                    found.append(csca)
        return found


def _load_file(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes()
    if b"-----BEGIN" in data:
        try:
            return list(x509.load_pem_x509_certificates(data))
        except ValueError as exc:
            raise ValueError(f"not PEM certificates ({exc})") from None
    if path.suffix.lower() not in MASTER_LIST_SUFFIXES:
        try:
            return [x509.load_der_x509_certificate(data)]
        except ValueError:
            pass  # perhaps a master list under another name
    return _load_master_list(data)


def _load_master_list(data: bytes) -> list[x509.Certificate]:
    try:
        info = cms.ContentInfo.load(data, strict=True)
        encap = info["content"]["encap_content_info"]
        if encap["content_type"].dotted != CSCA_MASTER_LIST_OID:
            raise ValueError("not a CSCA master list")
        master_list = CscaMasterList.load(encap["content"].native, strict=True)
        entries = list(master_list["cert_list"])
    except ValueError:
        raise
    except Exception as exc:  # asn1crypto raises several types on junk; one answer for the caller
        raise ValueError(f"not a certificate or master list ({type(exc).__name__})") from None
    certs: list[x509.Certificate] = []
    skipped = 0
    for entry in entries:
        try:
            certs.append(x509.load_der_x509_certificate(entry.dump()))
        except ValueError:
            skipped += 1  # master lists carry a few certificates with encodings OpenSSL refuses
    if skipped:
        log.info("master list: %d of %d certificates skipped", skipped, len(entries))
    return certs


def _valid_on(cert: x509.Certificate, today: date) -> bool:
    return cert.not_valid_before_utc.date() <= today <= cert.not_valid_after_utc.date()


def _check_chain(dsc: x509.Certificate, store: CscaStore, today: date) -> tuple[Verdict, str]:
    if not store:
        return Verdict.UNKNOWN, "no CSCA configured"
    issuers = store.issuers_of(dsc)
    if not issuers:
        return Verdict.UNKNOWN, "no CSCA matches the DSC's issuer"
    problem = "DSC signature does not verify with the CSCA"
    for csca in issuers:
        try:
            dsc.verify_directly_issued_by(csca)
        except (InvalidSignature, ValueError, TypeError):
            continue
        if not _valid_on(dsc, today):
            problem = "DSC not valid today"
        elif not _valid_on(csca, today):
            problem = "CSCA not valid today"
        else:
            return Verdict.OK, ""
    return Verdict.FAILED, problem


# -- verification -------------------------------------------------------------------------------


def _reason(exc: Exception) -> str:
    """Our own messages name steps; a library's might quote bytes, so only its type is kept."""
    return str(exc.args[0]) if isinstance(exc, SodError) and exc.args else type(exc).__name__


def verify(sod: bytes, groups: Mapping[int, bytes], store: CscaStore, today: date) -> PassiveAuthResult:
    """Passive authentication of the data groups `groups` (number → whole file) against `sod`."""
    try:
        parsed = _parse_sod(sod)
    except Exception as exc:  # card data: any failure to parse is a FAILED result, not a crash
        return PassiveAuthResult(
            Verdict.FAILED, Verdict.FAILED, Verdict.FAILED, (), (), f"EF.SOD does not parse: {_reason(exc)}"
        )
    notes: list[str] = []

    failed = tuple(
        n
        for n in sorted(groups)
        if n in parsed.hashes and _digest(parsed.hash_name, groups[n]) != parsed.hashes[n]
    )
    missing = tuple(n for n in sorted(groups) if n not in parsed.hashes)
    if failed or missing:
        data_verdict = Verdict.FAILED
        if failed:
            notes.append("hash mismatch: " + ", ".join(f"DG{n}" for n in failed))
        if missing:
            notes.append("not in EF.SOD: " + ", ".join(f"DG{n}" for n in missing))
    elif groups:
        data_verdict = Verdict.OK
    else:
        data_verdict = Verdict.UNKNOWN
        notes.append("no data groups to check")

    signature_verdict = Verdict.OK
    dsc: x509.Certificate | None = None
    try:
        problem = _check_signed_attrs(parsed)
        dsc_asn1 = _find_dsc(parsed)
        if problem:
            signature_verdict = Verdict.FAILED
            notes.append(problem)
        elif dsc_asn1 is None:
            signature_verdict = Verdict.UNKNOWN
            notes.append("no DSC in EF.SOD for the signer")
        if dsc_asn1 is not None:
            dsc = x509.load_der_x509_certificate(dsc_asn1.dump())
            if signature_verdict is Verdict.OK:
                _verify_signature(
                    dsc.public_key(),
                    parsed.signer["signature_algorithm"],
                    parsed.signer["signature"].native,
                    _signed_bytes(parsed.signer, parsed.econtent),
                    _hash_name(parsed.signer["digest_algorithm"]),
                )
    except InvalidSignature:
        signature_verdict = Verdict.FAILED
        notes.append("signature does not verify with the DSC")
    except Exception as exc:  # an unsupported algorithm or a malformed DSC: not a verified signature
        signature_verdict = Verdict.FAILED
        notes.append(f"signature not checked: {_reason(exc)}")

    if dsc is None:
        chain_verdict, chain_note = Verdict.UNKNOWN, "no DSC to check"
    else:
        try:
            chain_verdict, chain_note = _check_chain(dsc, store, today)
        except Exception as exc:  # a certificate cryptography cannot handle
            chain_verdict, chain_note = Verdict.FAILED, f"chain not checked: {type(exc).__name__}"
    if chain_note:
        notes.append(chain_note)
    return PassiveAuthResult(
        data_verdict, signature_verdict, chain_verdict, failed, missing, "; ".join(notes)
    )


# -- signing (the emulated card) ------------------------------------------------------------------


def _signature_algorithm(key: object, hash_name: str) -> str:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return f"{hash_name}_ecdsa"
    if isinstance(key, rsa.RSAPrivateKey):
        return f"{hash_name}_rsa"
    raise ValueError("the DSC key must be ECDSA or RSA")


def _sign(key: object, data: bytes, hash_name: str) -> bytes:
    chosen = _HASHES[hash_name]()
    if isinstance(key, ec.EllipticCurvePrivateKey):
        try:
            # RFC 6979 signatures make the emulated card's files the same on every build.
            return key.sign(data, ec.ECDSA(chosen, deterministic_signing=True))
        except (TypeError, ValueError):
            return key.sign(data, ec.ECDSA(chosen))  # cryptography < 44, or a backend without it
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), chosen)
    raise ValueError("the DSC key must be ECDSA or RSA")


def sign_sod(
    groups: Mapping[int, bytes],
    dsc_cert_pem: bytes,
    dsc_key_pem: bytes,
    hash_name: str = "sha256",
) -> bytes:
    """An EF.SOD over `groups` (number → whole file), signed with the DSC's key (ECDSA P-256 for
    the test PKI; RSA PKCS#1 v1.5 also works). The DSC goes into the SOD as on real cards."""
    if hash_name not in _HASHES:
        raise ValueError(f"unsupported hash {hash_name}")
    key = serialization.load_pem_private_key(dsc_key_pem, password=None)
    cert_der = x509.load_pem_x509_certificate(dsc_cert_pem).public_bytes(serialization.Encoding.DER)
    cert = asn1_x509.Certificate.load(cert_der)
    security_object = LdsSecurityObject(
        {
            "version": 0,
            "hash_algorithm": {"algorithm": hash_name},
            "data_group_hash_values": [
                {"data_group_number": n, "data_group_hash_value": _digest(hash_name, groups[n])}
                for n in sorted(groups)
            ],
        }
    ).dump()
    # contentType sorts before messageDigest in DER (shorter encoding), as a SET OF requires.
    signed_attrs = cms.CMSAttributes(
        [
            {"type": "content_type", "values": [LDS_SECURITY_OBJECT_OID]},
            {"type": "message_digest", "values": [_digest(hash_name, security_object)]},
        ]
    )
    signature = _sign(key, signed_attrs.dump(), hash_name)
    signer = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": {
                        "issuer": cert.issuer,
                        "serial_number": cert.serial_number,
                    }
                }
            ),
            "digest_algorithm": {"algorithm": hash_name},
            "signed_attrs": signed_attrs,
            "signature_algorithm": {"algorithm": _signature_algorithm(key, hash_name)},
            "signature": signature,
        }
    )
    signed_data = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [{"algorithm": hash_name}],
            "encap_content_info": {
                "content_type": LDS_SECURITY_OBJECT_OID,
                "content": cms.ParsableOctetString(security_object),
            },
            "certificates": [cert],
            "signer_infos": [signer],
        }
    )
    content_info = cms.ContentInfo({"content_type": "signed_data", "content": signed_data})
    return tlv.encode(0x77, content_info.dump())


def group_files(files: Mapping[str, bytes], numbers: Sequence[int] | None = None) -> dict[int, bytes]:
    """{"DG1": …, "DG13": …} → {1: …, 13: …}, optionally only `numbers`."""
    out: dict[int, bytes] = {}
    for name, content in files.items():
        if name.startswith("DG") and name[2:].isdigit():
            number = int(name[2:])
            if numbers is None or number in numbers:
                out[number] = content
    return out
