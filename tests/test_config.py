"""Settings: the embedded defaults load, an office file overrides them, and a bad file is refused.

An office technician edits the TOML by hand; every mistake must stop the program with one sentence
naming the file and the key, never with a traceback or a half-configured kiosk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from config.secrets import CLIENT_ID_ENV, CLIENT_SECRET_ENV, TOKEN_ENV, PortalSecrets, load_portal_secrets
from config.settings import CONFIG_ENV, DATA_DIR_ENV, ConfigError, Settings, load_settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    # A developer's own DVC_KIOSK_CONFIG or token must not change what these tests see.
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    for variable in (TOKEN_ENV, CLIENT_ID_ENV, CLIENT_SECRET_ENV):
        monkeypatch.delenv(variable, raising=False)
    data = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    return data


def write(tmp_path: Path, text: str, name: str = "office.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    return caught.value


# ---- defaults and overrides --------------------------------------------------------------------


def test_embedded_defaults_load(tmp_path: Path) -> None:
    loaded = load_settings()
    assert loaded.source == "(embedded defaults)"
    assert loaded.office.mode == "kiosk"
    assert loaded.portal.kind == "training"
    # No store URL configured: SQLite in the data directory the environment names.
    data = (tmp_path / "data").resolve()
    assert loaded.store_url.startswith("sqlite:///")
    db_file = Path(loaded.store_url.removeprefix("sqlite:///")).resolve()
    assert db_file.parent == data
    assert data.is_dir()


def test_escpos_printer_settings(tmp_path: Path) -> None:
    text = (
        '[printer]\nuri = "tcp://quay1-printer:9100"\npaper_mm = 58\nprofile = "xp-58"\n'
        "timeout_seconds = 20.0\nstatus_timeout_seconds = 1\njob_timeout_seconds = 60.0\n"
    )
    printer = load_settings(write(tmp_path, text)).printer  # checked, never connected to
    assert (printer.uri, printer.profile, printer.timeout_seconds, printer.status_timeout_seconds) == (
        "tcp://quay1-printer:9100",
        "xp-58",
        20.0,
        1.0,
    )


def test_printer_text_mode_off_by_default_and_on_for_a_cp1258_profile(tmp_path: Path) -> None:
    assert load_settings().printer.text_mode is False
    text = '[printer]\nuri = "tcp://printer:9100"\nprofile = "tm-t20"\ntext_mode = true\n'
    assert load_settings(write(tmp_path, text)).printer.text_mode is True


def test_printer_poll_and_name_masking(tmp_path: Path) -> None:
    printer = load_settings(write(tmp_path, '[printer]\npoll_seconds = 2\nmask_name = "always"\n')).printer
    assert (printer.poll_seconds, printer.mask_name) == (2.0, "always")
    assert (load_settings().printer.poll_seconds, load_settings().printer.mask_name) == (5.0, "kiosk")
    for text, key in (("poll_seconds = 0.2", "poll_seconds"), ('mask_name = "yes"', "mask_name")):
        with pytest.raises(ConfigError) as caught:
            load_settings(write(tmp_path, f"[printer]\n{text}\n"))
        assert caught.value.key == f"[printer] {key}"


def test_outbox_backoff_defaults_and_override(tmp_path: Path) -> None:
    defaults = load_settings().outbox
    assert (defaults.backoff_base_seconds, defaults.backoff_cap_seconds) == (2.0, 300.0)
    assert defaults.lease_seconds > 2 * load_settings().portal.timeout_seconds
    text = "[outbox]\nbackoff_base_seconds = 0.5\nbackoff_cap_seconds = 8\nlease_seconds = 40\n"
    loaded = load_settings(write(tmp_path, text)).outbox
    assert (loaded.backoff_base_seconds, loaded.backoff_cap_seconds, loaded.lease_seconds) == (0.5, 8.0, 40.0)


def test_tracking_and_retention_defaults_and_override(tmp_path: Path) -> None:
    defaults = load_settings()
    assert (defaults.tracking.poll_minutes, defaults.tracking.round_seconds) == (60, 60)
    assert defaults.retention.purge_after_days == 30
    text = "[tracking]\npoll_minutes = 240\nround_seconds = 300\n[retention]\npurge_after_days = 90\n"
    loaded = load_settings(write(tmp_path, text))
    assert (loaded.tracking.poll_minutes, loaded.tracking.round_seconds) == (240, 300)
    assert loaded.retention.purge_after_days == 90


def test_agent_session_defaults_and_override(tmp_path: Path) -> None:
    defaults = load_settings().agent
    assert (defaults.session_minutes, defaults.session_warning_seconds) == (15, 60)
    loaded = load_settings(write(tmp_path, "[agent]\nsession_minutes = 5\nsession_warning_seconds = 30\n"))
    assert (loaded.agent.session_minutes, loaded.agent.session_warning_seconds) == (5, 30)


def test_override_changes_only_its_keys(tmp_path: Path) -> None:
    defaults = load_settings()
    path = write(tmp_path, '[office]\nmode = "agent"\n\n[printer]\npaper_mm = 58\n')
    loaded = load_settings(path)
    assert loaded.source == str(path)
    assert loaded.office.mode == "agent"
    assert loaded.printer.paper_mm == 58
    # Everything else is still the default.
    assert loaded.office.name == defaults.office.name
    assert loaded.office.language == defaults.office.language
    assert loaded.printer.uri == defaults.printer.uri
    assert loaded.portal == defaults.portal
    assert loaded.kiosk == defaults.kiosk


def test_whole_number_is_accepted_where_a_number_is_expected(tmp_path: Path) -> None:
    loaded = load_settings(write(tmp_path, "[portal]\ntimeout_seconds = 30\n"))
    assert loaded.portal.timeout_seconds == 30.0
    assert isinstance(loaded.portal.timeout_seconds, float)


def test_config_env_var_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[office]\ncode = "H99.01"\n')
    monkeypatch.setenv(CONFIG_ENV, str(path))
    loaded = load_settings()
    assert loaded.source == str(path)
    assert loaded.office.code == "H99.01"


def test_config_env_var_pointing_at_a_bad_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, '[office]\nmode = "tablet"\n')
    monkeypatch.setenv(CONFIG_ENV, str(path))
    with pytest.raises(ConfigError, match="mode"):
        load_settings()


# ---- bad files --------------------------------------------------------------------------------

BAD_FILES: list[tuple[str, str, list[str]]] = [
    # (id, file text, words the message must contain besides the file path)
    ("syntax", "[office\nmode = kiosk\n", ["(syntax)"]),
    ("unknown-section", '[offfice]\nmode = "kiosk"\n', ["[offfice]", "unknown section", "office"]),
    ("string-for-number", '[portal]\ntimeout_seconds = "abc"\n', ["[portal] timeout_seconds", "'abc'"]),
    ("int-for-bool", "[portal]\nverify_tls = 1\n", ["[portal] verify_tls", "true or false"]),
    ("bool-for-int", "[kiosk]\nidle_seconds = true\n", ["[kiosk] idle_seconds", "whole number"]),
    ("bool-for-number", "[portal]\ntimeout_seconds = false\n", ["[portal] timeout_seconds"]),
    ("float-for-int", "[printer]\npaper_mm = 80.0\n", ["[printer] paper_mm", "whole number"]),
    ("mode-out-of-range", '[office]\nmode = "tablet"\n', ["[office] mode", "kiosk", "agent", "tablet"]),
    ("paper-out-of-range", "[printer]\npaper_mm = 57\n", ["[printer] paper_mm", "58", "80", "57"]),
    ("negative", "[kiosk]\nidle_seconds = -5\n", ["[kiosk] idle_seconds", "negative"]),
    ("negative-timeout", "[portal]\ntimeout_seconds = -1.5\n", ["[portal] timeout_seconds", "negative"]),
    ("warning-too-short", "[kiosk]\nidle_warning_seconds = 19\n", ["[kiosk] idle_warning_seconds", "20"]),
    ("agent-session-zero", "[agent]\nsession_minutes = 0\n", ["[agent] session_minutes", "1", "480"]),
    (
        "agent-warning-over-session",
        "[agent]\nsession_minutes = 1\nsession_warning_seconds = 60\n",
        ["[agent] session_warning_seconds", "less than session_minutes x 60 (60)"],
    ),
    ("unknown-reader", '[identity]\nreader = "usb"\n', ["[identity] reader", "pcsc:NAME"]),
    ("http-without-url", '[portal]\nkind = "http"\n', ["[portal] url", "https://"]),
    ("http-ftp-url", '[portal]\nkind = "http"\nurl = "ftp://portal.example"\n', ["[portal] url"]),
    ("section-not-table", 'office = "x"\n', ["[office]", "table"]),
    ("nan-timeout", "[portal]\ntimeout_seconds = nan\n", ["[portal] timeout_seconds", "finite"]),
    ("inf-timeout", "[portal]\ntimeout_seconds = inf\n", ["[portal] timeout_seconds", "finite"]),
    ("huge-int-timeout", "[portal]\ntimeout_seconds = 1" + "0" * 400 + "\n", ["[portal] timeout_seconds"]),
    ("int-too-long-to-parse", "[kiosk]\nidle_seconds = 1" + "0" * 5000 + "\n", ["(syntax)"]),
    ("printer-profile-unknown", '[printer]\nprofile = "tm-t88"\n', ["[printer] profile", "tm-t88", "pos-58"]),
    ("printer-profile-paper", '[printer]\nprofile = "xp-58"\n', ["[printer] profile", "58 mm", "paper_mm"]),
    (
        "printer-text-mode-no-vietnamese",
        "[printer]\ntext_mode = true\n",
        ["[printer] text_mode", "Generic POS-80", "text_mode = false"],
    ),
    (
        "printer-text-mode-not-bool",
        '[printer]\ntext_mode = "yes"\n',
        ["[printer] text_mode", "true or false"],
    ),
    ("printer-uri-scheme", '[printer]\nuri = "lpt://1"\n', ["[printer] uri", "tcp://", "cups://"]),
    ("printer-uri-port", '[printer]\nuri = "tcp://printer:99999"\n', ["[printer] uri", "65535"]),
    ("printer-usb-ids", '[printer]\nuri = "usb://epson"\n', ["[printer] uri", "VID:PID"]),
    ("printer-timeout-zero", "[printer]\ntimeout_seconds = 0\n", ["[printer] timeout_seconds", "0.5", "120"]),
    ("printer-status-long", "[printer]\nstatus_timeout_seconds = 60\n", ["[printer] status_timeout_seconds"]),
    ("scan-dpi-too-low", "[scanner]\ndpi = 100\n", ["[scanner] dpi", "150", "400", "100"]),
    ("scan-dpi-too-high", "[scanner]\ndpi = 600\n", ["[scanner] dpi", "600"]),
    ("scan-dpi-float", "[scanner]\ndpi = 200.0\n", ["[scanner] dpi", "whole number"]),
    ("scan-colour-unknown", '[scanner]\ncolour = "color"\n', ["[scanner] colour", "grey", "bw", "color"]),
    ("scan-quality-too-low", "[scanner]\njpeg_quality = 30\n", ["[scanner] jpeg_quality", "45", "95"]),
    ("scan-quality-100", "[scanner]\njpeg_quality = 100\n", ["[scanner] jpeg_quality", "100"]),
    ("scan-page-zero", "[scanner]\npage_max_kb = 0\n", ["[scanner] page_max_kb", "20"]),
    ("scan-page-over-document", "[scanner]\npage_max_kb = 2000\n", ["[scanner] page_max_kb", "1000"]),
    (
        "scan-document-over-dossier",
        "[scanner]\ndocument_max_kb = 20000\n",
        ["[scanner] document_max_kb", "dossier_max_kb"],
    ),
    ("scan-auto-text", '[scanner]\nauto_capture = "yes"\n', ["[scanner] auto_capture", "true or false"]),
    ("scan-stable-negative", "[scanner]\nstable_ms = -1\n", ["[scanner] stable_ms", "negative"]),
    (
        "outbox-base-over-cap",
        "[outbox]\nbackoff_base_seconds = 60.0\nbackoff_cap_seconds = 30.0\n",
        ["[outbox] backoff_base_seconds", "backoff_cap_seconds", "60.0"],
    ),
    ("outbox-base-zero", "[outbox]\nbackoff_base_seconds = 0\n", ["[outbox] backoff_base_seconds", "0.01"]),
    (
        "outbox-lease-shorter-than-a-send",
        "[portal]\ntimeout_seconds = 30.0\n[outbox]\nlease_seconds = 45.0\n",
        ["[outbox] lease_seconds", "[portal] timeout_seconds", "60.0"],
    ),
    ("tracking-poll-too-often", "[tracking]\npoll_minutes = 1\n", ["[tracking] poll_minutes", "10"]),
    ("tracking-poll-text", '[tracking]\npoll_minutes = "hourly"\n', ["[tracking] poll_minutes", "whole"]),
    (
        "tracking-round-over-interval",
        "[tracking]\npoll_minutes = 10\nround_seconds = 900\n",
        ["[tracking] round_seconds", "poll_minutes", "600"],
    ),
    ("retention-zero-days", "[retention]\npurge_after_days = 0\n", ["[retention] purge_after_days", "1"]),
    ("retention-float", "[retention]\npurge_after_days = 7.5\n", ["[retention] purge_after_days", "whole"]),
]


@pytest.mark.parametrize(
    ("text", "words"), [(t, w) for _, t, w in BAD_FILES], ids=[i for i, _, _ in BAD_FILES]
)
def test_bad_file_is_refused_naming_file_and_key(tmp_path: Path, text: str, words: list[str]) -> None:
    path = write(tmp_path, text)
    error = refused(path)
    message = str(error)
    assert message.startswith(f"{path}: "), message
    assert error.file == str(path)
    for word in words:
        assert word in message, (word, message)


def test_unknown_key_lists_the_known_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "[kiosk]\nidle_secs = 90\n")
    error = refused(path)
    message = str(error)
    assert str(path) in message
    assert error.key == "[kiosk] idle_secs"
    assert "unknown key" in message
    assert "idle_seconds" in message and "idle_warning_seconds" in message


def test_scanner_defaults_and_override(tmp_path: Path) -> None:
    scanner = load_settings().scanner
    assert (scanner.dpi, scanner.colour, scanner.jpeg_quality) == (200, "colour", 75)
    assert (scanner.page_max_kb, scanner.document_max_kb, scanner.dossier_max_kb) == (400, 1000, 10000)
    assert scanner.auto_capture is True and scanner.stable_ms == 500
    text = '[scanner]\ndpi = 300\ncolour = "bw"\npage_max_kb = 1000\nauto_capture = false\n'
    loaded = load_settings(write(tmp_path, text)).scanner
    assert (loaded.dpi, loaded.colour, loaded.page_max_kb, loaded.auto_capture) == (300, "bw", 1000, False)
    # A page limit equal to the document limit is allowed: one page, one document.
    assert loaded.document_max_kb == 1000


def test_scanner_range_ends_are_allowed(tmp_path: Path) -> None:
    for text in ("dpi = 150", "dpi = 400", "jpeg_quality = 45", "jpeg_quality = 95", "stable_ms = 0"):
        load_settings(write(tmp_path, f"[scanner]\n{text}\n"))


def test_warning_of_exactly_twenty_seconds_is_allowed(tmp_path: Path) -> None:
    # WCAG 2.2.1 asks for at least 20 seconds, so 20 itself must pass.
    loaded = load_settings(write(tmp_path, "[kiosk]\nidle_warning_seconds = 20\n"))
    assert loaded.kiosk.idle_warning_seconds == 20


def test_http_portal_with_https_url_loads(tmp_path: Path) -> None:
    loaded = load_settings(write(tmp_path, '[portal]\nkind = "http"\nurl = "https://dvc.example.gov.vn"\n'))
    assert loaded.portal.kind == "http"
    assert loaded.portal.url == "https://dvc.example.gov.vn"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "office.toml"
    error = refused(path)
    assert str(path) in str(error)
    assert error.key == "(file)"
    assert "FileNotFoundError" in str(error)


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    # UTF-16 with a byte-order mark: what Notepad's "Unicode" encoding saves.
    path.write_bytes('[office]\nname = "Ph\u01b0\u1eddng"\n'.encode("utf-16"))
    error = refused(path)
    assert str(path) in str(error)
    assert error.key == "(file)"
    assert "UnicodeDecodeError" in str(error)


# ---- the portal credential --------------------------------------------------------------------


def portal_settings(tmp_path: Path, secrets: Path | None, kind: str = "http") -> Settings:
    lines = ["[portal]", f'kind = "{kind}"', 'url = "https://dvc.example.gov.vn"']
    if secrets is not None:
        lines.append(f'secrets_file = "{secrets.as_posix()}"')
    return load_settings(write(tmp_path, "\n".join(lines) + "\n"))


def secrets_file(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    path = write(tmp_path, text, "secrets.toml")
    path.chmod(mode)
    return path


def portal_token(settings: Settings) -> str:
    return load_portal_secrets(settings).token


def test_token_from_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = secrets_file(tmp_path, 'token = "from-file"\n')
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    assert portal_token(portal_settings(tmp_path, secrets)) == "from-env"


def test_token_read_from_secrets_file(tmp_path: Path) -> None:
    secrets = secrets_file(tmp_path, 'token = "from-file"\n')
    assert portal_token(portal_settings(tmp_path, secrets)) == "from-file"


def test_secrets_file_without_token_is_refused(tmp_path: Path) -> None:
    secrets = secrets_file(tmp_path, 'tokn = "typo"\n')
    with pytest.raises(ConfigError) as caught:
        portal_token(portal_settings(tmp_path, secrets))
    assert str(secrets) in str(caught.value)
    assert caught.value.key == "token"


def test_missing_secrets_file_is_refused(tmp_path: Path) -> None:
    secrets = tmp_path / "absent.toml"
    with pytest.raises(ConfigError) as caught:
        portal_token(portal_settings(tmp_path, secrets))
    assert str(secrets) in str(caught.value)


def test_secrets_file_token_never_reaches_the_error(tmp_path: Path) -> None:
    # A token of the wrong type: the message names the key, not what was written there.
    secrets = secrets_file(tmp_path, "token = 123456789\n")
    with pytest.raises(ConfigError) as caught:
        portal_token(portal_settings(tmp_path, secrets))
    assert "123456789" not in str(caught.value)


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660])
def test_secrets_file_others_can_read_is_refused_in_both_languages(tmp_path: Path, mode: int) -> None:
    secrets = secrets_file(tmp_path, 'token = "s3cr3t-value"\n', mode)
    with pytest.raises(ConfigError) as caught:
        portal_token(portal_settings(tmp_path, secrets))
    message = str(caught.value)
    assert str(secrets) in message
    assert f"chmod 600 {secrets}" in message
    assert "nhóm hoặc người khác" in message and "group or others" in message
    assert f"{mode:04o}" in message
    assert "s3cr3t-value" not in message


def test_igate_client_credentials_from_the_secrets_file(tmp_path: Path) -> None:
    secrets = secrets_file(tmp_path, 'client_id = "kiosk-h01"\nclient_secret = "s3cr3t-value"\n')
    loaded = load_portal_secrets(portal_settings(tmp_path, secrets, "igate"))
    assert (loaded.client_id, loaded.client_secret) == ("kiosk-h01", "s3cr3t-value")
    # Printed in a log line or a traceback, the credentials do not show the secret.
    assert "s3cr3t-value" not in repr(loaded)


def test_igate_client_credentials_from_the_environment_win(tmp_path: Path) -> None:
    secrets = secrets_file(tmp_path, 'client_id = "file-id"\nclient_secret = "file-secret"\n')
    env = {CLIENT_ID_ENV: "env-id", CLIENT_SECRET_ENV: "env-secret"}
    loaded = load_portal_secrets(portal_settings(tmp_path, secrets, "igate"), env)
    assert loaded == PortalSecrets(client_id="env-id", client_secret="env-secret")


def test_igate_without_credentials_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_portal_secrets(portal_settings(tmp_path, None, "igate"), {})
    assert caught.value.key == "[portal] secrets_file"
    assert CLIENT_ID_ENV in str(caught.value) and CLIENT_SECRET_ENV in str(caught.value)


def test_igate_secrets_file_missing_the_secret_is_refused(tmp_path: Path) -> None:
    secrets = secrets_file(tmp_path, 'client_id = "kiosk-h01"\n')
    with pytest.raises(ConfigError) as caught:
        load_portal_secrets(portal_settings(tmp_path, secrets, "igate"), {})
    assert caught.value.key == "client_secret"


@pytest.mark.parametrize(
    ("lines", "key"),
    [
        (['url = "http://dvc.example.gov.vn"'], "[portal] url"),
        (
            ['url = "https://dvc.example.gov.vn"', 'token_url = "http://sso.example.gov.vn/token"'],
            "[portal] token_url",
        ),
    ],
)
def test_igate_secrets_travel_only_over_tls(tmp_path: Path, lines: list[str], key: str) -> None:
    error = refused(write(tmp_path, "\n".join(["[portal]", 'kind = "igate"', *lines]) + "\n"))
    assert error.key == key


# ---- fuzz -------------------------------------------------------------------------------------

SECTION_KEYS = {
    "office": ["name", "code", "address", "hotline", "mode", "language", "service_charge"],
    "store": ["url", "data_dir"],
    "portal": ["kind", "url", "token_url", "secrets_file", "timeout_seconds", "verify_tls"],
    "training_portal": ["host", "port", "db"],
    "identity": ["demo", "reader", "card_profile", "csca"],
    "camera": ["source"],
    "scanner": [
        "dpi",
        "colour",
        "jpeg_quality",
        "page_max_kb",
        "document_max_kb",
        "dossier_max_kb",
        "auto_capture",
        "stable_ms",
    ],
    "printer": [
        "uri",
        "paper_mm",
        "profile",
        "timeout_seconds",
        "status_timeout_seconds",
        "job_timeout_seconds",
        "poll_seconds",
        "mask_name",
        "text_mode",
    ],
    "kiosk": ["idle_seconds", "idle_warning_seconds"],
    "fee_account": ["bin", "account", "name", "training"],
    "bogus": ["x"],
}

_scalar = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=10**308, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["kiosk", "agent", "http", "training", "https://x.example", "", "vi"]),
    st.text(max_size=20),
    st.sampled_from([58, 80, 20, 19, 0]),
    st.sampled_from([150, 200, 400, 45, 95, 1000, 10000, "grey", "bw"]),
)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text) + '"'


@st.composite
def plausible_toml(draw: st.DrawFn) -> str:
    # Mostly valid TOML with the real section and key names, so the fuzz gets past the parser.
    lines: list[str] = []
    for section in draw(st.lists(st.sampled_from(sorted(SECTION_KEYS)), unique=True, max_size=4)):
        lines.append(f"[{section}]")
        keys = draw(st.lists(st.sampled_from(SECTION_KEYS[section] + ["extra"]), unique=True, max_size=4))
        for key in keys:
            lines.append(f"{key} = {_toml_value(draw(_scalar))}")
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(), plausible_toml()))
def test_any_text_loads_or_is_refused_cleanly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.toml"
    # surrogatepass: lone surrogates become bytes that are not UTF-8, which must be refused too.
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        loaded = load_settings(path)
    except ConfigError as exc:
        assert str(path) in str(exc)
        return
    assert loaded.source == str(path)
    assert loaded.kiosk.idle_warning_seconds >= 20
    assert loaded.office.mode in ("kiosk", "agent")
    assert loaded.printer.paper_mm in (58, 80)
    scanner = loaded.scanner
    assert 150 <= scanner.dpi <= 400 and 45 <= scanner.jpeg_quality <= 95
    assert scanner.colour in ("colour", "grey", "bw")
    assert 20 <= scanner.page_max_kb <= scanner.document_max_kb <= scanner.dossier_max_kb


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://motcua.example.gov.vn", True),
        ("http://127.0.0.1:8700", True),
        ("http://localhost:8700", True),
        ("http://10.1.2.3:8700", False),  # the token would cross the office network in clear
        ("ftp://example", False),
    ],
)
def test_a_real_portal_needs_https_unless_on_loopback(tmp_path, url: str, ok: bool) -> None:
    file = tmp_path / "office.toml"
    file.write_text(f'[portal]\nkind = "http"\nurl = "{url}"\n', encoding="utf-8")
    if ok:
        assert load_settings(file).portal.url == url
    else:
        with pytest.raises(ConfigError) as err:
            load_settings(file)
        assert str(file) in str(err.value) and "[portal] url" in str(err.value)
