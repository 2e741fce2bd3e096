"""The procedure catalogue (thủ tục hành chính): what a ward handles, what it costs, what to bring.

The data lives in `config/catalog.json`, versioned and dated, because codes, fees and forms change
with every new decree and officials must be able to update them without a new program release.
`load_catalog` validates every field and refuses a bad file with a `CatalogError` that names the
file, the procedure code and the field, so a typo never reaches a citizen as a wrong fee.

Search is made for people typing on a touch screen, often without diacritics: "dang ky khai sinh",
"khai si" (still typing) and "1.001193" all find birth registration.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from egov.dossier import Channel
from egov.identity import IDENTITY_FIELDS
from egov.text import QT_TRANSLATE_NOOP, fold, format_vnd

PROVINCE_FEE = QT_TRANSLATE_NOOP("Money", "Theo mức thu do tỉnh quy định")
PROVINCE_FEE_ABOUT = QT_TRANSLATE_NOOP("Money", "Khoảng {amount} (theo mức thu do tỉnh quy định)")

CODE_PATTERN = re.compile(r"^\d\.\d{6}$")
CHANNELS = tuple(c.value for c in Channel)
FIELD_TYPES = ("text", "textarea", "date", "number", "choice", "id_number", "phone")
DEFAULT_FILE = "catalog.json"


class CatalogError(ValueError):
    """A catalogue file that cannot be used; the message names the file, the procedure and the field."""

    def __init__(self, file: str, code: str, field: str, problem: str) -> None:
        where = ": ".join(part for part in (file, code and f"procedure {code}", field) if part)
        super().__init__(f"{where}: {problem}")
        self.file = file
        self.code = code
        self.field = field
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ChannelInfo:
    """How one channel (at the desk, online, by post) costs and how long it takes."""

    channel: str
    fee: int  # state fee (lệ phí) in đồng; the base amount, fee_note explains per-page rules
    fee_note: str
    processing_days: int  # working days from acceptance; 0 = the same day
    time_note: str
    # The province's People's Council sets the amount, so `fee` is only indicative: the UI must
    # show fee_note rather than "Miễn phí" when fee is 0.
    fee_set_by_province: bool = False

    def fee_text(self) -> str:
        """The fee as the citizen reads it: never "Miễn phí" for an amount the province sets."""
        if not self.fee_set_by_province:
            return format_vnd(self.fee)
        if self.fee == 0:
            return PROVINCE_FEE
        return PROVINCE_FEE_ABOUT.format(amount=format_vnd(self.fee))

    @property
    def payable(self) -> bool:
        """Whether the citizen may have something to pay: the fee page is shown."""
        return self.fee > 0 or self.fee_set_by_province


@dataclass(frozen=True, slots=True)
class RequiredDocument:
    """One component of the dossier (thành phần hồ sơ): the capture checklist shows one line each."""

    code: str
    name: str
    name_en: str
    originals: int
    copies: int
    required: bool
    note: str


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    label_en: str


@dataclass(frozen=True, slots=True)
class FormField:
    """One input of an e-form; `egov.forms` prefills and validates it."""

    key: str
    label: str
    label_en: str
    type: str
    required: bool
    prefill: str | None  # a key of egov.identity.IDENTITY_FIELDS
    choices: tuple[Choice, ...]
    pattern: str | None  # must match the whole value
    max_length: int | None
    min: int | None
    max: int | None
    not_future: bool
    help: str

    def choice(self, value: str) -> Choice | None:
        for option in self.choices:
            if option.value == value:
                return option
        return None


@dataclass(frozen=True, slots=True)
class FormSchema:
    fields: tuple[FormField, ...]

    def field(self, key: str) -> FormField | None:
        for f in self.fields:
            if f.key == key:
                return f
        return None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


@dataclass(frozen=True, slots=True)
class Procedure:
    """One administrative procedure as the national TTHC database describes it, for the ward level."""

    code: str
    name: str
    name_en: str
    keywords: tuple[str, ...]
    popularity: int
    field: str  # lĩnh vực
    agency_level: str
    agency: str
    full_online: bool  # toàn trình: submission, payment and result all online or by post
    may_delegate: bool  # False: the citizen must come in person (marriage, signature certification)
    result: str
    channels: tuple[ChannelInfo, ...]
    documents: tuple[RequiredDocument, ...]
    form: FormSchema

    def channel(self, name: str | Channel) -> ChannelInfo | None:
        """The channel `name` ("direct", "online", "postal" or a `Channel`), or None if not offered."""
        key = name.value if isinstance(name, Channel) else name
        for info in self.channels:
            if info.channel == key:
                return info
        return None

    def fee_text(self, channel: str | Channel = "direct") -> str:
        return self._offered(channel).fee_text()

    def payable(self, channel: str | Channel = "direct") -> bool:
        return self._offered(channel).payable

    def fee(self, channel: str | Channel = "direct") -> int:
        """The state fee in đồng on `channel`; LookupError if the procedure is not offered there."""
        return self._offered(channel).fee

    def _offered(self, channel: str | Channel) -> ChannelInfo:
        info = self.channel(channel)
        if info is None:
            key = channel.value if isinstance(channel, Channel) else channel
            raise LookupError(f"procedure {self.code} is not offered on channel {key!r}")
        return info


# ---------------------------------------------------------------------------------------------
# Search


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _word_match(query: str, words: tuple[str, ...], prefix: bool) -> bool:
    # Prefix matching only at word starts: "sinh" finds "khai sinh", "inh" finds nothing.
    return any(w.startswith(query) if prefix else w == query for w in words)


def _contains_run(needle: tuple[str, ...], hay: tuple[str, ...]) -> bool:
    """Whether `needle` occurs as consecutive words in `hay`, its last word possibly unfinished."""
    n = len(needle)
    for start in range(len(hay) - n + 1):
        window = hay[start : start + n]
        if window[:-1] == needle[:-1] and window[-1].startswith(needle[-1]):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Index:
    """A procedure's text, folded once at load so that each keystroke's search stays cheap."""

    name: tuple[str, ...]
    keywords: tuple[tuple[str, ...], ...]
    # Word sets for the loosest match. Each keyword is its own pool, so that "khai sinh" does not
    # match "khai báo tạm trú" + "sinh viên" by taking one word from each.
    pools: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, p: Procedure) -> _Index:
        name = _words(p.name)
        keywords = tuple(_words(k) for k in p.keywords)
        general = name + _words(p.field) + _words(p.code) + _words(p.name_en)
        return cls(name, keywords, (general, *(name + k for k in keywords)))


_CODE_TYPED = re.compile(r"[0-9][0-9.]*", re.ASCII)
_CODE_EXTENDED = re.compile(r"([0-9]\.[0-9]{6})\.[0-9A-Za-z.]+", re.ASCII)

# Match quality, best first; ties are broken by popularity.
_CODE, _NAME_PHRASE, _NAME_WORDS, _KEYWORD_PHRASE, _PREFIXES = 5, 4, 3, 2, 1


def _score(query: tuple[str, ...], raw: str, p: Procedure, ix: _Index) -> int:
    # A code typed whole or in part ("1.0011"), or a provincial/service code that extends the
    # national one ("1.001193.000.00.00.H56"), as printed on a provincial portal's page.
    if _CODE_TYPED.fullmatch(raw) and p.code.startswith(raw):
        return _CODE
    extended = _CODE_EXTENDED.fullmatch(raw)
    if extended and extended.group(1) == p.code:
        return _CODE
    if not query:
        return 0
    # The last word may still be being typed, so it only has to start a word.
    last_ok = _word_match(query[-1], ix.name, prefix=True)
    if last_ok and all(_word_match(q, ix.name, prefix=False) for q in query[:-1]):
        return _NAME_PHRASE if _contains_run(query, ix.name) else _NAME_WORDS
    if any(_contains_run(query, k) for k in ix.keywords if len(k) >= len(query)):
        return _KEYWORD_PHRASE
    if any(all(_word_match(q, pool, prefix=True) for q in query) for pool in ix.pools):
        return _PREFIXES
    return 0


# ---------------------------------------------------------------------------------------------
# The catalogue


class Catalog:
    """The procedures of one catalogue version, looked up by code or found by what people type."""

    def __init__(self, version: str, date: date, procedures: Iterable[Procedure]) -> None:
        self.version = version
        self.date = date
        self.procedures: tuple[Procedure, ...] = tuple(procedures)
        self._by_code = {p.code: p for p in self.procedures}
        self._index = {p.code: _Index.of(p) for p in self.procedures}

    def __len__(self) -> int:
        return len(self.procedures)

    def get(self, code: str) -> Procedure | None:
        return self._by_code.get(code.strip())

    def popular(self, n: int | None = None) -> list[Procedure]:
        """Most-used first: the start screen's buttons."""
        ranked = sorted(self.procedures, key=lambda p: (-p.popularity, p.code))
        return ranked if n is None else ranked[: max(n, 0)]

    def search(self, text: str, limit: int | None = None) -> list[Procedure]:
        """Procedures matching `text`, best match first, then most used; [] when nothing matches.

        Diacritics and case are ignored ("dang ky khai sinh" = "Đăng ký khai sinh"); each word must
        start a word of the name, a keyword, the field or the code. An empty query lists everything.
        """
        raw = unicodedata.normalize("NFC", text).strip()
        query = _words(raw)
        if not query and not raw:
            results = self.popular()
        else:
            scored = []
            for p in self.procedures:
                score = _score(query, raw, p, self._index[p.code])
                if score:
                    scored.append((score, p))
            scored.sort(key=lambda sp: (-sp[0], -sp[1].popularity, sp[1].code))
            results = [p for _, p in scored]
        return results if limit is None else results[: max(limit, 0)]


# ---------------------------------------------------------------------------------------------
# Loading and validation


class _Reader:
    """Typed access to one JSON object, raising CatalogError with the path of the bad value."""

    def __init__(self, file: str, code: str, path: str, data: Any) -> None:
        self.file, self.code, self.path = file, code, path
        if not isinstance(data, dict):
            self.fail("", f"expected an object, got {type(data).__name__}")
        self.data: dict[str, Any] = data

    def fail(self, key: str, problem: str) -> NoReturn:
        field = f"{self.path}.{key}" if self.path and key else self.path or key
        raise CatalogError(self.file, self.code, field, problem)

    def only(self, allowed: set[str]) -> None:
        # Unknown keys are usually typos ("prefil"), which would otherwise be silently ignored.
        for key in self.data:
            if key not in allowed:
                self.fail(key, "unknown key")

    def _get(self, key: str) -> Any:
        if key not in self.data:
            self.fail(key, "missing")
        return self.data[key]

    def text(self, key: str, *, empty: bool = False) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            self.fail(key, f"expected text, got {json.dumps(value, ensure_ascii=False)}")
        if unicodedata.normalize("NFC", value) != value:
            # Decomposed accents look the same but break comparison, search and printing.
            self.fail(key, "text is not NFC-normalised")
        if not empty and not value.strip():
            self.fail(key, "must not be empty")
        return value

    def opt_text(self, key: str) -> str | None:
        if self.data.get(key) is None:
            return None
        return self.text(key)

    def integer(self, key: str, *, minimum: int | None = 0) -> int:
        value = self._get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(key, f"expected a whole number, got {json.dumps(value, ensure_ascii=False)}")
        if minimum is not None and value < minimum:
            self.fail(key, f"must be at least {minimum}, got {value}")
        return value

    def opt_integer(self, key: str, *, minimum: int | None = None) -> int | None:
        if self.data.get(key) is None:
            return None
        return self.integer(key, minimum=minimum)

    def flag(self, key: str, default: bool | None = None) -> bool:
        if default is not None and key not in self.data:
            return default
        value = self._get(key)
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, got {json.dumps(value, ensure_ascii=False)}")
        return value

    def items(self, key: str, *, empty: bool = False) -> list[Any]:
        value = self.data.get(key, []) if empty else self._get(key)
        if not isinstance(value, list):
            self.fail(key, "expected a list")
        if not empty and not value:
            self.fail(key, "must not be empty")
        return value

    def sub(self, key: str, index: int | None = None) -> _Reader:
        path = f"{self.path}.{key}" if self.path else key
        if index is not None:
            return _Reader(self.file, self.code, f"{path}[{index}]", self.data[key][index])
        return _Reader(self.file, self.code, path, self._get(key))


_CHANNEL_KEYS = {"channel", "fee", "fee_note", "processing_days", "time_note", "fee_set_by_province"}
_DOCUMENT_KEYS = {"code", "name", "name_en", "originals", "copies", "required", "note"}
_FIELD_KEYS = {
    "key",
    "label",
    "label_en",
    "type",
    "required",
    "prefill",
    "choices",
    "pattern",
    "max_length",
    "min",
    "max",
    "not_future",
    "help",
}
_PROCEDURE_KEYS = {
    "code",
    "name",
    "name_en",
    "keywords",
    "popularity",
    "field",
    "agency_level",
    "agency",
    "full_online",
    "may_delegate",
    "result",
    "channels",
    "documents",
    "form",
}


def _channel(r: _Reader) -> ChannelInfo:
    r.only(_CHANNEL_KEYS)
    name = r.text("channel")
    if name not in CHANNELS:
        r.fail("channel", f"unknown channel {name!r}; expected one of {', '.join(CHANNELS)}")
    return ChannelInfo(
        channel=name,
        fee=r.integer("fee"),
        fee_note=r.text("fee_note", empty=True),
        processing_days=r.integer("processing_days"),
        time_note=r.text("time_note", empty=True),
        fee_set_by_province=r.flag("fee_set_by_province", default=False),
    )


def _document(r: _Reader) -> RequiredDocument:
    r.only(_DOCUMENT_KEYS)
    doc = RequiredDocument(
        code=r.text("code"),
        name=r.text("name"),
        name_en=r.text("name_en"),
        originals=r.integer("originals"),
        copies=r.integer("copies"),
        required=r.flag("required"),
        note=r.text("note", empty=True),
    )
    if not doc.code.startswith(r.code + "-"):
        r.fail("code", f"document code {doc.code!r} should start with {r.code}-")
    return doc


def _form_field(r: _Reader) -> FormField:
    r.only(_FIELD_KEYS)
    key = r.text("key")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        r.fail("key", f"{key!r}: use lowercase letters, digits and _")
    kind = r.text("type")
    if kind not in FIELD_TYPES:
        r.fail("type", f"unknown type {kind!r}; expected one of {', '.join(FIELD_TYPES)}")
    prefill = r.opt_text("prefill")
    if prefill is not None and prefill not in IDENTITY_FIELDS:
        r.fail("prefill", f"{prefill!r} is not an identity field ({', '.join(IDENTITY_FIELDS)})")
    choices = []
    for i, _ in enumerate(r.items("choices", empty=True)):
        c = r.sub("choices", i)
        c.only({"value", "label", "label_en"})
        choices.append(Choice(c.text("value"), c.text("label"), c.text("label_en")))
    if kind == "choice" and not choices:
        r.fail("choices", "a choice field needs at least one choice")
    if kind != "choice" and choices:
        r.fail("choices", f"only choice fields have choices, this one is {kind!r}")
    if len({c.value for c in choices}) != len(choices):
        r.fail("choices", "duplicate choice value")
    pattern = r.opt_text("pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            r.fail("pattern", f"not a valid regular expression: {exc}")
    low, high = r.opt_integer("min"), r.opt_integer("max")
    if (low is not None or high is not None) and kind != "number":
        r.fail("min", "min and max apply to number fields only")
    if low is not None and high is not None and low > high:
        r.fail("max", f"max {high} is below min {low}")
    not_future = r.flag("not_future", default=False)
    if not_future and kind != "date":
        r.fail("not_future", "not_future applies to date fields only")
    max_length = r.opt_integer("max_length", minimum=1)
    return FormField(
        key=key,
        label=r.text("label"),
        label_en=r.text("label_en"),
        type=kind,
        required=r.flag("required"),
        prefill=prefill,
        choices=tuple(choices),
        pattern=pattern,
        max_length=max_length,
        min=low,
        max=high,
        not_future=not_future,
        help=r.text("help", empty=True) if "help" in r.data else "",
    )


def _procedure(file: str, index: int, data: Any) -> Procedure:
    code = data.get("code") if isinstance(data, dict) else None
    label = code if isinstance(code, str) else f"#{index + 1}"
    r = _Reader(file, label, "", data)
    r.only(_PROCEDURE_KEYS)
    code = r.text("code")
    if not CODE_PATTERN.match(code):
        r.fail("code", f"{code!r} is not a national procedure code like 1.001193")

    channels = tuple(_channel(r.sub("channels", i)) for i, _ in enumerate(r.items("channels")))
    names = [c.channel for c in channels]
    if len(set(names)) != len(names):
        r.fail("channels", "a channel is listed twice")

    documents = tuple(_document(r.sub("documents", i)) for i, _ in enumerate(r.items("documents")))
    if len({d.code for d in documents}) != len(documents):
        r.fail("documents", "duplicate document code")

    form = r.sub("form")
    form.only({"fields"})
    fields = tuple(_form_field(form.sub("fields", i)) for i, _ in enumerate(form.items("fields")))
    seen: set[str] = set()
    for i, f in enumerate(fields):
        if f.key in seen:
            r.fail(f"form.fields[{i}].key", f"duplicate form key {f.key!r}")
        seen.add(f.key)

    keywords = tuple(_keyword(r, i) for i in range(len(r.items("keywords", empty=True))))
    return Procedure(
        code=code,
        name=r.text("name"),
        name_en=r.text("name_en"),
        keywords=keywords,
        popularity=r.integer("popularity"),
        field=r.text("field"),
        agency_level=r.text("agency_level"),
        agency=r.text("agency"),
        full_online=r.flag("full_online"),
        may_delegate=r.flag("may_delegate"),
        result=r.text("result"),
        channels=channels,
        documents=documents,
        form=FormSchema(fields),
    )


def _keyword(r: _Reader, index: int) -> str:
    value = r.data["keywords"][index]
    if not isinstance(value, str) or not value.strip():
        r.fail(f"keywords[{index}]", "expected non-empty text")
    if unicodedata.normalize("NFC", value) != value:
        r.fail(f"keywords[{index}]", "text is not NFC-normalised")
    return value


def parse_catalog(text: str, file: str = DEFAULT_FILE) -> Catalog:
    """Build a catalogue from JSON text; `file` only names the source in errors."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(file, "", f"line {exc.lineno}", f"not valid JSON: {exc.msg}") from None
    top = _Reader(file, "", "", data)
    top.only({"version", "date", "source", "procedures"})
    version = top.text("version")
    date_text = top.text("date")
    try:
        dated = date.fromisoformat(date_text)
    except ValueError:
        top.fail("date", f"{date_text!r} is not a date like 2026-11-20")
    top.text("source")
    procedures = [_procedure(file, i, p) for i, p in enumerate(top.items("procedures"))]
    seen: set[str] = set()
    for p in procedures:
        if p.code in seen:
            raise CatalogError(file, p.code, "code", "duplicate procedure code")
        seen.add(p.code)
    return Catalog(version, dated, procedures)


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a catalogue file; the embedded `config/catalog.json` by default."""
    if path is None:
        resource = resources.files("config").joinpath(DEFAULT_FILE)
        name = DEFAULT_FILE
        try:
            text = resource.read_text(encoding="utf-8")
        except OSError as exc:
            raise CatalogError(name, "", "", f"cannot read: {exc.strerror or exc}") from None
    else:
        name = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogError(name, "", "", f"cannot read: {exc}") from None
    return parse_catalog(text, name)
