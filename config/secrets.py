"""The portal's and the payment gateway's credentials: from the environment or a private secrets
file, nowhere else.

Credentials never come from the catalogue, the UI or the main configuration file, which many
people may read. A secrets file (`[portal] secrets_file`, e.g. /etc/dvc-kiosk/secrets.toml) is
refused unless only its owner can read it, the way ssh treats a private key. Error messages name
the file and the key, never the value, and nothing here logs.

    token = "…"            # [portal] kind = "http": the bearer token of the v1 contract
    client_id = "…"        # [portal] kind = "igate": OAuth2 client credentials
    client_secret = "…"
    payment_token = "…"    # [payment] kind = "gateway": the payment gateway's bearer token
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from config.settings import ConfigError, Settings

TOKEN_ENV = "DVC_PORTAL_TOKEN"
CLIENT_ID_ENV = "DVC_KIOSK_PORTAL_CLIENT_ID"
CLIENT_SECRET_ENV = "DVC_KIOSK_PORTAL_CLIENT_SECRET"
PAYMENT_TOKEN_ENV = "DVC_KIOSK_PAYMENT_TOKEN"

# Which keys each kind of portal needs, and the environment variable that may give each one.
_NEEDED: dict[str, tuple[tuple[str, str], ...]] = {
    "training": (),
    "http": (("token", TOKEN_ENV),),
    "igate": (("client_id", CLIENT_ID_ENV), ("client_secret", CLIENT_SECRET_ENV)),
}


@dataclass(frozen=True, slots=True)
class PortalSecrets:
    """What the connector presents to the portal. repr() leaves the secrets out, for logs and tracebacks."""

    token: str = field(default="", repr=False)
    client_id: str = ""
    client_secret: str = field(default="", repr=False)


def _read_private_toml(path: Path) -> dict[str, object]:
    try:
        info = path.stat()
    except OSError as exc:
        raise ConfigError(
            str(path),
            "(file)",
            f"không đọc được tệp bí mật / cannot read the secrets file: {type(exc).__name__}",
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(str(path), "(file)", "không phải tệp thường / not a regular file")
    if info.st_mode & 0o077:
        mode = stat.S_IMODE(info.st_mode)
        raise ConfigError(
            str(path),
            "(file)",
            f"nhóm hoặc người khác đọc được tệp bí mật (quyền {mode:04o}); hãy chạy: chmod 600 {path} / "
            f"the secrets file is open to group or others (mode {mode:04o}); run: chmod 600 {path}",
        )
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        # The decoder's message can quote the line, and the line may hold the secret.
        raise ConfigError(
            str(path),
            "(file)",
            f"không đọc được tệp bí mật / cannot read the secrets file: {type(exc).__name__}",
        ) from None


def load_portal_secrets(settings: Settings, environ: Mapping[str, str] | None = None) -> PortalSecrets:
    """The credentials `[portal] kind` needs: each from its environment variable, else the secrets file."""
    env = os.environ if environ is None else environ
    needed = _NEEDED[settings.portal.kind]
    values = {key: env.get(variable, "") for key, variable in needed}
    missing = [key for key, value in values.items() if not value]
    if missing:
        file = settings.portal.secrets_file
        if not file:
            if settings.portal.kind == "http":
                return PortalSecrets()  # a portal on loopback may need no token
            variables = ", ".join(variable for key, variable in needed if key in missing)
            raise ConfigError(
                settings.source,
                "[portal] secrets_file",
                f"thiếu thông tin đăng nhập cổng: đặt secrets_file hoặc biến {variables} / "
                f"no portal credentials: set secrets_file or {variables}",
            )
        data = _read_private_toml(Path(file))
        for key in missing:
            value = data.get(key)
            if not isinstance(value, str) or not value:
                raise ConfigError(file, key, "cần một chuỗi không rỗng / expected a non-empty text")
            values[key] = value
    return PortalSecrets(**values)


def load_payment_token(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The payment gateway's bearer token for `[payment] kind = "gateway"`: $DVC_KIOSK_PAYMENT_TOKEN,
    else `payment_token` in the secrets file; empty without a gateway, or when neither gives one
    (a gateway on loopback may need none)."""
    if settings.payment.kind != "gateway":
        return ""
    env = os.environ if environ is None else environ
    token = env.get(PAYMENT_TOKEN_ENV, "")
    file = settings.portal.secrets_file
    if token or not file:
        return token
    value = _read_private_toml(Path(file)).get("payment_token", "")
    if not isinstance(value, str):
        raise ConfigError(file, "payment_token", "cần một chuỗi / expected a text")
    return value


# -- the kiosk's supervisor PIN ------------------------------------------------------------------
# Kept as an argon2id hash (egov/kiosk_pin.py), `kiosk_pin = "$argon2id$…"`, in the same secrets
# file, or in secrets.toml in the data directory when the office has no secrets file.

KIOSK_PIN_KEY = "kiosk_pin"


def secrets_path(settings: Settings) -> Path:
    """The secrets file: `[portal] secrets_file`, else secrets.toml in the data directory."""
    return (
        Path(settings.portal.secrets_file)
        if settings.portal.secrets_file
        else settings.data_dir / "secrets.toml"
    )


def load_kiosk_pin_hash(settings: Settings) -> str:
    """The PIN's hash, "" when none was set (or no secrets file exists yet)."""
    path = secrets_path(settings)
    if not path.exists():
        return ""
    value = _read_private_toml(path).get(KIOSK_PIN_KEY, "")
    if not isinstance(value, str):
        raise ConfigError(str(path), KIOSK_PIN_KEY, "cần một chuỗi / expected a text")
    return value


def store_kiosk_pin_hash(settings: Settings, pin_hash: str) -> Path:
    """Write the PIN's hash into the secrets file, keeping its other lines, its owner and its mode
    (0600 for a new file). Refuses a file that others can read, as reading does."""
    path = secrets_path(settings)
    lines: list[str] = []
    if path.exists():
        _read_private_toml(path)  # the same checks as reading: private, regular, valid TOML
        lines = path.read_text(encoding="utf-8").splitlines()
    # A PHC string holds "$", "=", "," and letters, never a quote or a backslash: a basic TOML string.
    entry = f'{KIOSK_PIN_KEY} = "{pin_hash}"'
    kept = [line for line in lines if line.split("=", 1)[0].strip() != KIOSK_PIN_KEY]
    # Top-level keys must come before any [table]; the secrets file has none, but stay safe.
    first_table = next((i for i, line in enumerate(kept) if line.lstrip().startswith("[")), len(kept))
    kept.insert(first_table, entry)
    text = "\n".join(kept) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written in place, not renamed over: the file keeps its owner when root sets the PIN for the
    # kiosk's account, and a secrets file in /etc need not sit in a folder the kiosk can write.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
    return path
