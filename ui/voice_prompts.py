"""The fixed prompts "Nghe lại" can read, gathered for `dvc-kiosk voice prepare` to synthesise ahead.

They are the pages' own words: the `qsTr("…")` texts of each page's `title`, `subtitle` and
`spoken` (the Welcome page's `texts`, through the ids it names), and the catalogue's form
questions, which the kiosk asks one a page as the title. A text with a placeholder ("%1") is
completed at run time and cached at its first use instead. No Qt is needed to read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from egov.catalog import Catalog
from egov.spoken import readable

PAGES_DIR = Path(__file__).parent / "qml" / "pages"

_QSTR = re.compile(r'qsTr\("((?:[^"\\]|\\.)*)"\)')
# A property's value runs until the next line that starts another property, an item or a brace.
_PROPERTY = re.compile(r"^\s*(?:[A-Za-z_][\w.]*\s*:|[A-Z]\w*\s*\{|\}|//|function\b|signal\b|property\b)")
_SPOKEN_KEYS = ("title", "subtitle", "spoken", "texts")


def _values(lines: list[str], key: str) -> Iterable[str]:
    """The text of every `key: …` value in a QML file, continuation lines included."""
    start = re.compile(rf"^\s*{key}\s*:")
    for i, line in enumerate(lines):
        if not start.match(line):
            continue
        value = [line.split(":", 1)[1]]
        for following in lines[i + 1 :]:
            if _PROPERTY.match(following):
                break
            value.append(following)
        yield "\n".join(value)


def _texts_of_ids(lines: list[str], ids: set[str]) -> Iterable[str]:
    """The `text:` values of the items with these ids (the Welcome page reads its own texts)."""
    for i, line in enumerate(lines):
        match = re.match(r"^\s*id:\s*(\w+)\s*$", line)
        if match and match.group(1) in ids:
            block = lines[i + 1 : i + 12]
            yield from _values(block, "text")


def qml_prompts(folder: Path = PAGES_DIR) -> list[str]:
    found: list[str] = []
    for path in sorted(folder.glob("*.qml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for key in _SPOKEN_KEYS:
            for value in _values(lines, key):
                found += _QSTR.findall(value)
                if key == "texts":
                    ids = set(re.findall(r"(\w+)\.text\b", value))
                    for text in _texts_of_ids(lines, ids):
                        found += _QSTR.findall(text)
    # The only escapes in the pages' texts: a line break (read as a pause) and a quotation mark.
    return [t.replace("\\n", " ").replace('\\"', '"') for t in found]


def fixed_prompts(catalog: Catalog) -> list[str]:
    """Every fixed prompt, once each, in a stable order, as the voice says it (numbers in words)."""
    texts = qml_prompts()
    for procedure in catalog.procedures:
        texts += [f.label for f in procedure.form.fields]
    return [readable(t) for t in dict.fromkeys(t.strip() for t in texts) if t and "%" not in t]
