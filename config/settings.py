"""The program's settings: TOML over the embedded defaults, validated on load.

A bad file never starts a half-configured kiosk: `load_settings` raises `ConfigError` naming the
file and the key, e.g. `office.toml: [portal] timeout_seconds: expected a number, got "abc"`.
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs

CONFIG_ENV = "DVC_KIOSK_CONFIG"
DATA_DIR_ENV = "DVC_KIOSK_DATA_DIR"


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        super().__init__(f"{file}: {key}: {problem}")
        self.file = file
        self.key = key
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Office:
    name: str
    code: str
    address: str
    hotline: str
    mode: str
    language: str
    service_charge: int


@dataclass(frozen=True, slots=True)
class FeeAccount:
    """The agency's account that receives state fees (lệ phí) by VietQR."""

    bin: str
    account: str
    name: str
    training: bool  # a made-up account for training: the payment page must say not to pay into it


@dataclass(frozen=True, slots=True)
class PaymentSettings:
    """How the state fee is asked for: the VietQR of [fee_account], or a payment gateway."""

    kind: str
    url: str
    timeout_seconds: float
    verify_tls: bool


@dataclass(frozen=True, slots=True)
class Store:
    url: str
    data_dir: str


@dataclass(frozen=True, slots=True)
class Portal:
    kind: str
    url: str
    token_url: str
    secrets_file: str
    timeout_seconds: float
    verify_tls: bool


@dataclass(frozen=True, slots=True)
class OutboxSettings:
    backoff_base_seconds: float
    backoff_cap_seconds: float
    lease_seconds: float
    poll_seconds: float


@dataclass(frozen=True, slots=True)
class TrackingSettings:
    """How the status poller asks the portal about accepted dossiers (egov/tracking.py)."""

    poll_minutes: int  # one dossier is asked about no more often than this
    round_seconds: int  # the poller looks for dossiers due to be asked this often


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    purge_after_days: int  # personal data kept this long after the portal accepted the dossier


@dataclass(frozen=True, slots=True)
class TrainingPortal:
    host: str
    port: int
    db: str


@dataclass(frozen=True, slots=True)
class IdentitySettings:
    demo: bool
    reader: str
    card_profile: str
    csca: str


@dataclass(frozen=True, slots=True)
class Camera:
    source: str


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    dpi: int
    colour: str
    jpeg_quality: int
    page_max_kb: int
    document_max_kb: int
    dossier_max_kb: int
    auto_capture: bool
    stable_ms: int


@dataclass(frozen=True, slots=True)
class Printer:
    uri: str
    paper_mm: int
    profile: str
    timeout_seconds: float
    status_timeout_seconds: float
    job_timeout_seconds: float
    poll_seconds: float
    mask_name: str
    text_mode: bool


@dataclass(frozen=True, slots=True)
class KioskSettings:
    idle_seconds: int
    idle_warning_seconds: int
    large_text: bool  # the display mode each visit starts in; the citizen can change it with a tap
    high_contrast: bool
    required_devices: tuple[str, ...]  # without one of these the kiosk shows "Máy tạm ngừng phục vụ"
    device_check_seconds: int  # how often they are looked for
    lockdown: bool  # full screen, closed only through the supervisor's gesture + PIN


@dataclass(frozen=True, slots=True)
class AgentSettings:
    session_minutes: int  # no input for this long signs the member of staff out
    session_warning_seconds: int  # the warning comes this long before


@dataclass(frozen=True, slots=True)
class DeskSettings:
    """This machine's place in the office's queue: the desk tickets are called to, or the kiosk."""

    name: str


@dataclass(frozen=True, slots=True)
class VoiceSettings:
    """Spoken guidance: "Nghe lại" reads a page's question aloud (hardware/voice, ui/voice_model.py)."""

    enabled: bool
    engine: str  # espeak | qt | none
    volume: int  # 0-100, the office's loudness, applied to the samples
    rate: int  # words a minute
    voice: str  # espeak-ng's Vietnamese voice
    device: str  # the ALSA device aplay plays to
    read_on_open: bool  # read each page's question as it opens
    agent_point: bool  # the agent point is silent unless this is true


@dataclass(frozen=True, slots=True)
class Settings:
    office: Office
    fee_account: FeeAccount
    payment: PaymentSettings
    store: Store
    portal: Portal
    outbox: OutboxSettings
    tracking: TrackingSettings
    retention: RetentionSettings
    training_portal: TrainingPortal
    identity: IdentitySettings
    camera: Camera
    scanner: ScannerSettings
    printer: Printer
    kiosk: KioskSettings
    agent: AgentSettings
    desk: DeskSettings
    voice: VoiceSettings
    source: str  # the file the settings came from, or "(embedded defaults)"

    @property
    def data_dir(self) -> Path:
        """Where the store, keys and previews live; created on first use, private to the user."""
        chosen = (
            self.store.data_dir or os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir("dvc-kiosk")
        )
        path = Path(chosen).expanduser()
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    @property
    def store_url(self) -> str:
        return self.store.url or f"sqlite:///{self.data_dir / 'dvc-kiosk.sqlite3'}"


_SECTIONS: dict[str, type] = {
    "office": Office,
    "fee_account": FeeAccount,
    "payment": PaymentSettings,
    "store": Store,
    "portal": Portal,
    "outbox": OutboxSettings,
    "tracking": TrackingSettings,
    "retention": RetentionSettings,
    "training_portal": TrainingPortal,
    "identity": IdentitySettings,
    "camera": Camera,
    "scanner": ScannerSettings,
    "printer": Printer,
    "kiosk": KioskSettings,
    "agent": AgentSettings,
    "desk": DeskSettings,
    "voice": VoiceSettings,
}

# Values a key may take, where the set is closed.
_CHOICES: dict[tuple[str, str], tuple[Any, ...]] = {
    ("office", "mode"): ("kiosk", "agent"),
    ("office", "language"): ("vi", "en"),
    ("payment", "kind"): ("vietqr", "gateway"),
    ("portal", "kind"): ("training", "http", "igate"),
    ("printer", "paper_mm"): (58, 80),
    ("printer", "mask_name"): ("kiosk", "always", "never"),
    ("scanner", "colour"): ("colour", "grey", "bw"),
    ("voice", "engine"): ("espeak", "qt", "none"),
    ("voice", "voice"): ("vi", "vi-vn-x-central", "vi-vn-x-south"),
    ("kiosk", "required_devices"): ("printer", "card_reader", "camera"),
}

# Inclusive bounds for numbers whose useful range is known.
_RANGES: dict[tuple[str, str], tuple[float, float]] = {
    # 200 dpi is the resolution asked of digitised papers (Nghị định 30/2020, to be confirmed); under
    # 150 small print blurs, over 400 the camera only interpolates (1080p holds ~165 dpi across A4).
    ("scanner", "dpi"): (150, 400),
    # The bottom of the quality ladder the packer steps down (hardware/scanner/pack.py); above 95
    # JPEG files grow fast for nothing the eye sees.
    ("scanner", "jpeg_quality"): (45, 95),
    # A page under 20 KB is not readable at 200 dpi, even as black and white.
    ("scanner", "page_max_kb"): (20, 1_000_000),
    ("scanner", "document_max_kb"): (20, 1_000_000),
    ("scanner", "dossier_max_kb"): (20, 1_000_000),
    ("scanner", "stable_ms"): (0, 10_000),
    # Printer timeouts are never 0 (pyusb and sockets read 0 as "wait forever" or "do not wait").
    # 9600 baud moves 4 KB, one write, in 4.3 s; a 30 KB receipt needs 30 s to reach the printer.
    ("printer", "timeout_seconds"): (0.5, 120),
    ("printer", "status_timeout_seconds"): (0.1, 30),
    ("printer", "job_timeout_seconds"): (1, 600),
    # Each poll opens the printer and asks DLE EOT 1/2/4: under a second keeps a serial line busy.
    ("printer", "poll_seconds"): (1, 300),
    # Retries sooner than every 10 ms are hammering; a cap over a day leaves dossiers unnoticed.
    ("outbox", "backoff_base_seconds"): (0.01, 3600),
    ("outbox", "backoff_cap_seconds"): (0.01, 86_400),
    ("outbox", "lease_seconds"): (1, 86_400),
    ("outbox", "poll_seconds"): (0.1, 3600),
    # Statuses change over days: asking about each dossier more than every 10 minutes only loads
    # the portal; less than weekly leaves the agent's "late" list stale.
    ("tracking", "poll_minutes"): (10, 10_080),
    ("tracking", "round_seconds"): (10, 3600),
    # Decree 13/2023: no longer than needed. At least a day, so that a receipt can still be
    # reprinted on the day; ten years is past any use the kiosk has for the data.
    ("retention", "purge_after_days"): (1, 3650),
    # An agent's desk left unattended with a citizen's dossier open: a working day at most; under a
    # minute signs a busy agent out while they talk to the citizen.
    ("agent", "session_minutes"): (1, 480),
    ("agent", "session_warning_seconds"): (20, 600),
    # Never 0 (requests reads it as "do not wait"); a citizen does not wait minutes at a kiosk.
    ("payment", "timeout_seconds"): (0.5, 120),
    # espeak-ng's words a minute: under 80 words fall apart, over 300 nobody follows.
    ("voice", "rate"): (80, 300),
    ("voice", "volume"): (0, 100),
    # A device check opens the camera and asks pcscd: not more often than every 5 s; an hour at most
    # before a kiosk that lost its printer says so.
    ("kiosk", "device_check_seconds"): (5, 3600),
}

_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _defaults_text() -> str:
    return resources.files("config").joinpath("defaults.toml").read_text(encoding="utf-8")


def _check(file: str, section: str, key: str, value: Any, expected: type) -> Any:
    where = f"[{section}] {key}"
    if expected is tuple:
        return _check_words(file, where, _CHOICES.get((section, key), ()), value)
    # bool is an int in Python; TOML keeps them apart, so must we.
    ok = isinstance(value, expected) and not (expected is not bool and isinstance(value, bool))
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        # TOML integers have no size limit in tomllib; float() of a huge one raises OverflowError.
        value, ok = (float(value), True) if abs(value) < 10**300 else (value, False)
    if not ok:
        raise ConfigError(file, where, f"expected {_TYPE_NAMES[expected]}, got {value!r}")
    if expected is float and not math.isfinite(value):
        # nan and inf are valid TOML, but requests raises ValueError/OverflowError on such a timeout.
        raise ConfigError(file, where, f"expected a finite number, got {value!r}")
    choices = _CHOICES.get((section, key))
    if choices and value not in choices:
        raise ConfigError(file, where, f"expected one of {', '.join(map(str, choices))}, got {value!r}")
    if expected in (int, float) and value < 0:
        raise ConfigError(file, where, f"must not be negative, got {value!r}")
    bounds = _RANGES.get((section, key))
    if bounds and not bounds[0] <= value <= bounds[1]:
        raise ConfigError(file, where, f"must be from {bounds[0]} to {bounds[1]}, got {value!r}")
    return value


def _check_words(file: str, where: str, choices: tuple[Any, ...], value: Any) -> tuple[str, ...]:
    # A TOML list of words from a closed set, e.g. required_devices = ["printer", "camera"].
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise ConfigError(file, where, f"expected a list of texts, got {value!r}")
    for word in value:
        if choices and word not in choices:
            raise ConfigError(file, where, f"expected some of {', '.join(choices)}, got {word!r}")
    return tuple(dict.fromkeys(value))


def _merge(file: str, base: dict[str, dict[str, Any]], override: dict[str, Any]) -> None:
    for section, table in override.items():
        if section not in _SECTIONS:
            raise ConfigError(file, f"[{section}]", f"unknown section; known: {', '.join(_SECTIONS)}")
        if not isinstance(table, dict):
            raise ConfigError(file, f"[{section}]", "expected a table")
        for key, value in table.items():
            if key not in base[section]:
                known = ", ".join(base[section])
                raise ConfigError(file, f"[{section}] {key}", f"unknown key; known: {known}")
            base[section][key] = value


def _parse(file: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except ValueError as exc:  # TOMLDecodeError, or plain ValueError for an integer over 4300 digits
        raise ConfigError(file, "(syntax)", str(exc)) from None


def load_settings(path: str | Path | None = None) -> Settings:
    """The embedded defaults, overridden by `path` (or $DVC_KIOSK_CONFIG) when given."""
    merged = _parse("defaults.toml", _defaults_text())
    chosen = path or os.environ.get(CONFIG_ENV) or None
    source = "(embedded defaults)"
    if chosen:
        file = Path(chosen)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(str(file), "(file)", f"cannot read: {exc.__class__.__name__}") from None
        _merge(str(file), merged, _parse(str(file), text))
        source = str(file)
    built: dict[str, Any] = {}
    for section, cls in _SECTIONS.items():
        types = {f.name: f.type for f in fields(cls)}
        values = {
            key: _check(source, section, key, merged[section][key], _resolve(types[key])) for key in types
        }
        built[section] = cls(**values)
    settings = Settings(source=source, **built)
    portal = settings.portal
    if portal.kind in ("http", "igate") and not _secure_or_local(portal.url):
        # The portal token travels in every request: plain HTTP only where it never leaves the machine.
        raise ConfigError(
            source,
            "[portal] url",
            f'kind = "{portal.kind}" needs a url starting with https:// (http:// only to loopback)',
        )
    if portal.kind == "igate" and portal.token_url and not _secure_or_local(portal.token_url):
        # The client secret goes to the token endpoint.
        raise ConfigError(
            source, "[portal] token_url", "needs to start with https:// (http:// only to loopback)"
        )
    reader = settings.identity.reader.strip()
    if reader not in ("emulator", "pcsc", "none", "") and not reader.startswith("pcsc:"):
        raise ConfigError(
            source, "[identity] reader", f"expected emulator, pcsc, pcsc:NAME or none, got {reader!r}"
        )
    scanner = settings.scanner
    # A page must fit in a document, and a document in the dossier.
    if scanner.page_max_kb > scanner.document_max_kb:
        raise ConfigError(
            source,
            "[scanner] page_max_kb",
            f"must not be more than document_max_kb ({scanner.document_max_kb}), got {scanner.page_max_kb}",
        )
    if scanner.document_max_kb > scanner.dossier_max_kb:
        raise ConfigError(
            source,
            "[scanner] document_max_kb",
            f"must not be more than dossier_max_kb ({scanner.dossier_max_kb}), got {scanner.document_max_kb}",
        )
    _check_printer(source, settings.printer)
    _check_outbox(source, settings.outbox, settings.portal)
    _check_fee_account(source, settings.fee_account)
    tracking = settings.tracking
    if tracking.round_seconds > tracking.poll_minutes * 60:
        # A round is when dossiers get asked: rounds further apart than the interval stretch it.
        raise ConfigError(
            source,
            "[tracking] round_seconds",
            f"must not be more than poll_minutes x 60 ({tracking.poll_minutes * 60}), "
            f"got {tracking.round_seconds}",
        )
    if settings.payment.kind == "gateway" and not _secure_or_local(settings.payment.url):
        # The gateway's token travels in every request, and payers are sent where it says.
        raise ConfigError(
            source,
            "[payment] url",
            'kind = "gateway" needs a url starting with https:// (http:// only to loopback)',
        )
    if settings.kiosk.idle_warning_seconds < 20:
        # WCAG 2.2.1: at least 20 seconds to extend a time limit with a simple action.
        raise ConfigError(source, "[kiosk] idle_warning_seconds", "must be at least 20 (WCAG 2.2.1)")
    agent = settings.agent
    if agent.session_warning_seconds >= agent.session_minutes * 60:
        # The warning must come after some quiet time, not at once on signing in.
        raise ConfigError(
            source,
            "[agent] session_warning_seconds",
            f"must be less than session_minutes x 60 ({agent.session_minutes * 60}), "
            f"got {agent.session_warning_seconds}",
        )
    _check_desk(source, settings.desk)
    return settings


def _check_desk(source: str, desk: DeskSettings) -> None:
    # Called out and printed for citizens, and kept with each ticket (32 characters in the store).
    name = desk.name
    if not name.strip() or name != name.strip() or len(name) > 32 or not name.isprintable():
        raise ConfigError(
            source,
            "[desk] name",
            "tên quầy phải có từ 1 đến 32 ký tự in được, không có khoảng trắng ở đầu hay cuối / "
            f"must be 1 to 32 printable characters, no leading or trailing space, got {name!r}",
        )


def _check_printer(source: str, printer: Printer) -> None:
    # The device layer knows its models and URI forms; nothing is opened here.
    from hardware.printer import PrinterError, TextModeUnavailable, printer_from_settings

    try:
        printer_from_settings(printer, Path("."))
    except TextModeUnavailable as exc:
        raise ConfigError(source, "[printer] text_mode", str(exc)) from None
    except ValueError as exc:
        raise ConfigError(source, "[printer] profile", str(exc)) from None
    except PrinterError as exc:
        raise ConfigError(source, "[printer] uri", exc.detail) from None


def _check_fee_account(source: str, fee_account: FeeAccount) -> None:
    # The payment layer knows the BIN table and what a VietQR can carry; a bad account must stop
    # the kiosk here rather than show citizens a QR their bank refuses.
    from egov.banks import load_banks
    from egov.vietqr import VietQr, VietQrError

    try:
        load_banks().bank(fee_account.bin)
    except VietQrError as exc:
        raise ConfigError(source, "[fee_account] bin", str(exc)) from None
    try:
        VietQr(fee_account.bin, fee_account.account)
    except VietQrError as exc:
        raise ConfigError(source, "[fee_account] account", str(exc)) from None
    if not fee_account.name.strip():
        raise ConfigError(source, "[fee_account] name", "must not be empty")


def _check_outbox(source: str, outbox: OutboxSettings, portal: Portal) -> None:
    if outbox.backoff_base_seconds > outbox.backoff_cap_seconds:
        raise ConfigError(
            source,
            "[outbox] backoff_base_seconds",
            f"must not be more than backoff_cap_seconds ({outbox.backoff_cap_seconds}), "
            f"got {outbox.backoff_base_seconds}",
        )
    # A lease shorter than one send (connect and read timeouts) would let a second sender take a
    # dossier back and send it while the first is still sending it.
    if outbox.lease_seconds <= 2 * portal.timeout_seconds:
        raise ConfigError(
            source,
            "[outbox] lease_seconds",
            f"must be more than twice [portal] timeout_seconds ({2 * portal.timeout_seconds}), "
            f"got {outbox.lease_seconds}",
        )


def _secure_or_local(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https":
        return bool(host)
    return parts.scheme == "http" and (host in ("localhost", "::1") or host.startswith("127."))


def _resolve(annotation: Any) -> type:
    # `from __future__ import annotations` turns field types into strings.
    return {"str": str, "int": int, "float": float, "bool": bool, "tuple[str, ...]": tuple}[annotation]
