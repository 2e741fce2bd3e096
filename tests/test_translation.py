"""The English translation: complete, up to date with the sources, and loadable by the shell.

Vietnamese is the source language. Every qsTr("…") in ui/qml and every QT_TRANSLATE_NOOP("Context", "…")
in the Python sources must have a finished English translation in ui/i18n/dvc_en.ts, compiled into
ui/i18n/dvc_en.qm. When a test here fails after a text was added or changed, run
tools/update_translations.sh, translate the new messages (see ui/i18n/README.md), and run it again.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "ui" / "i18n"
TS = I18N / "dvc_en.ts"
QM = I18N / "dvc_en.qm"
QML_DIR = ROOT / "ui" / "qml"
PY_DIRS = ("egov", "hardware", "ui", "agent_point")

Message = tuple[str, str]  # (context, source text)


# ---- reading the .ts ----------------------------------------------------------------------------


def _ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def _translation(message: ET.Element) -> ET.Element:
    translation = message.find("translation")
    assert translation is not None
    return translation


# ---- scanning the sources -----------------------------------------------------------------------

# One string literal, either quote, no triple quotes (neither lupdate nor the sources use them here).
_LIT = r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
# Python: QT_TRANSLATE_NOOP("Context", "text" "more text",) and QCoreApplication.translate("C", "text").
# Adjacent literals (implicit concatenation over several lines) are one message, as for lupdate.
_PY_CALL = re.compile(
    rf"\b(?:QT_TRANSLATE_NOOP|QCoreApplication\.translate)\(\s*({_LIT})\s*,\s*((?:{_LIT}\s*)+),?\s*\)"
)
# QML: qsTr("text") with optional disambiguation/plural arguments; qsTranslate("Context", "text").
_QS_TR = re.compile(rf"\bqsTr\(\s*({_LIT})\s*[,)]")
_QS_TRANSLATE = re.compile(rf"\bqsTranslate\(\s*({_LIT})\s*,\s*({_LIT})\s*[,)]")
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _js_string(literal: str) -> str:
    body = literal[1:-1]

    def unescape(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        char = m.group(2)
        return _JS_ESCAPES.get(char, char)

    return re.sub(r"\\(?:u([0-9a-fA-F]{4})|(.))", unescape, body, flags=re.S)


def _python_files() -> list[Path]:
    return sorted(p for d in PY_DIRS for p in (ROOT / d).rglob("*.py"))


def _qml_files() -> list[Path]:
    return sorted(QML_DIR.rglob("*.qml"))


def _python_messages() -> set[Message]:
    found: set[Message] = set()
    for path in _python_files():
        for m in _PY_CALL.finditer(path.read_text(encoding="utf-8")):
            context = ast.literal_eval(m.group(1))
            text = ast.literal_eval("(" + m.group(2) + ")")
            found.add((context, text))
    return found


def _qml_messages() -> set[Message]:
    found: set[Message] = set()
    for path in _qml_files():
        source = path.read_text(encoding="utf-8")
        found.update((path.stem, _js_string(m.group(1))) for m in _QS_TR.finditer(source))
        found.update((_js_string(m.group(1)), _js_string(m.group(2))) for m in _QS_TRANSLATE.finditer(source))
    return found


def _source_messages() -> set[Message]:
    return _python_messages() | _qml_messages()


# ---- 1. the .ts is complete ---------------------------------------------------------------------


def test_ts_has_every_message_finished() -> None:
    messages = _ts_messages()
    assert len(messages) > 100, "ui/i18n/dvc_en.ts looks empty; run tools/update_translations.sh"
    problems = []
    for context, source, message in messages:
        translation = _translation(message)
        kind = translation.get("type")
        if kind is not None:
            problems.append(f"{context}: {source!r} is marked {kind}")
        elif not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} has an empty translation")
    assert not problems, "\n".join(problems)


def test_ts_has_no_empty_context() -> None:
    # A message without a context cannot be what the code looks up (lupdate misreading a tr() helper).
    assert not [source for context, source, _ in _ts_messages() if not context]


def test_translations_keep_placeholders_and_decorations() -> None:
    problems = []
    for context, source, message in _ts_messages():
        english = _translation(message).text or ""
        for pattern in (r"%\d+", r"\{[a-z_]+\}"):
            if Counter(re.findall(pattern, source)) != Counter(re.findall(pattern, english)):
                problems.append(f"{context}: placeholders differ: {source!r} → {english!r}")
        for prefix in ("✓ ", "‹ "):
            if source.startswith(prefix) and not english.startswith(prefix):
                problems.append(f"{context}: {english!r} lost the leading {prefix!r}")
        if source.endswith("›") and not english.endswith("›"):
            problems.append(f"{context}: {english!r} lost the trailing '›'")
        if source != source.strip() and (source[0].isspace(), source[-1].isspace()) != (
            english[:1].isspace(),
            english[-1:].isspace(),
        ):
            problems.append(f"{context}: {english!r} does not keep the spaces around {source!r}")
    assert not problems, "\n".join(problems)


# ---- 2. every source string is in the .ts -------------------------------------------------------


def test_scanners_find_the_marked_strings() -> None:
    python, qml = _python_messages(), _qml_messages()
    assert ("Flow", "Chọn thủ tục") in python
    assert ("Welcome", "Chạm vào đây để bắt đầu") in qml
    # Implicit concatenation over lines is one message.
    assert any(
        c == "Consent" and s.startswith("Tôi đồng ý gửi") and s.endswith("nhận hồ sơ.") for c, s in python
    )


def test_every_python_call_is_literal_and_scanned() -> None:
    # lupdate reads only literal arguments; a variable or f-string would never reach the .ts.
    scanned = _python_messages()
    problems = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name | ast.Attribute):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if name != "QT_TRANSLATE_NOOP":
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            args = node.args
            literal = all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args)
            if len(args) != 2 or not literal:
                problems.append(f"{where}: QT_TRANSLATE_NOOP needs two string literals")
            elif (args[0].value, args[1].value) not in scanned:
                problems.append(f"{where}: the scanner missed {args[1].value!r}")
    assert not problems, "\n".join(problems)


def test_every_qml_qstr_is_literal_and_scanned() -> None:
    problems = []
    for path in _qml_files():
        source = path.read_text(encoding="utf-8")
        calls = len(re.findall(r"\bqsTr\(", source))
        literal = len(_QS_TR.findall(source))
        if calls != literal:
            where = path.relative_to(ROOT)
            problems.append(f"{where}: {calls - literal} qsTr() call(s) without a literal text")
    assert not problems, "\n".join(problems)


def test_every_source_string_is_in_the_ts() -> None:
    in_ts = {(context, source) for context, source, _ in _ts_messages()}
    missing = sorted(_source_messages() - in_ts)
    assert not missing, (
        "not in ui/i18n/dvc_en.ts (run tools/update_translations.sh and translate them):\n"
        + "\n".join(f"  {context}: {text!r}" for context, text in missing)
    )


def test_ts_has_no_stale_messages() -> None:
    # Everything lupdate put in the .ts should still be in the sources (-no-obsolete drops the rest).
    stale = sorted({(c, s) for c, s, _ in _ts_messages()} - _source_messages())
    assert not stale, "in the .ts but no longer in the sources:\n" + "\n".join(map(repr, stale))


# ---- 3. source strings are NFC ------------------------------------------------------------------


def test_source_strings_are_nfc() -> None:
    texts = {text for _, text in _source_messages()} | {source for _, source, _ in _ts_messages()}
    bad = sorted(t for t in texts if not unicodedata.is_normalized("NFC", t))
    assert not bad, "not NFC-normalised (retype with precomposed letters, e.g. egov.text.nfc):\n" + "\n".join(
        repr(t) for t in bad
    )


# ---- 4. the compiled .qm translates at run time -------------------------------------------------


def _lrelease() -> str:
    candidate = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(candidate) if candidate.exists() else shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease not found; it ships with PySide6"
    return found


def test_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "dvc_en.qm"
    subprocess.run([_lrelease(), "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
    assert QM.read_bytes() == fresh.read_bytes(), (
        "ui/i18n/dvc_en.qm is out of date; run tools/update_translations.sh"
    )


@pytest.mark.parametrize(
    ("context", "source", "english"),
    [
        ("Flow", "Chọn thủ tục", "Choose the procedure"),
        ("Welcome", "Chạm vào đây để bắt đầu", "Touch here to start"),
        (
            "Welcome",
            "Cần giúp đỡ? Hãy hỏi cán bộ tại quầy hoặc gọi %1.",
            "Need help? Ask the staff at the counter or call %1.",
        ),
        ("PageFooter", "‹ Quay lại", "‹ Back"),
    ],
)
def test_qm_translates(qapp, context: str, source: str, english: str) -> None:
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate(context, source) == english
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate(context, source) == source  # Vietnamese again without it


def test_shell_installs_the_english_translation(qapp) -> None:
    from ui.shell import I18N_DIR, install_translator

    assert (I18N_DIR / "dvc_en.qm").resolve() == QM.resolve()
    assert install_translator(qapp, "vi") is None
    translator = install_translator(qapp, "en")
    assert translator is not None, "install_translator did not find ui/i18n/dvc_en.qm"
    try:
        assert QCoreApplication.translate("Flow", "Chọn thủ tục") == "Choose the procedure"
    finally:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
