#!/usr/bin/env bash
# Regenerate the English translation of the kiosk.
#
#   1. pyside6-lupdate collects every qsTr("…") in ui/qml/**/*.qml (context = the file's base name)
#      and every QT_TRANSLATE_NOOP("Context", "…") in the Python sources into ui/i18n/dvc_en.ts.
#      Existing translations are kept; new or changed source texts come out as type="unfinished".
#   2. pyside6-lrelease compiles ui/i18n/dvc_en.ts into ui/i18n/dvc_en.qm, which
#      ui.shell.install_translator() loads when office.language = "en".
#
# Safe to run again and again: with unchanged sources the files do not change.
# After running it, translate the unfinished messages (Qt Linguist: .venv/bin/pyside6-linguist
# ui/i18n/dvc_en.ts, or edit the XML), run this script again, then `pytest tests/test_translation.py`.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-.venv/bin}"
TS=ui/i18n/dvc_en.ts
QM=ui/i18n/dvc_en.qm

# ui/translation.py has a helper `tr(context, text)`; lupdate would read it as Qt's tr(source,
# disambiguation) and invent messages such as "Flow" in an empty context. The alias makes lupdate
# recognise tr only under a name nobody uses; QML's qsTr and Python's QT_TRANSLATE_NOOP are unaffected.
"$BIN/pyside6-lupdate" -silent -no-obsolete -locations relative \
    -source-language vi -target-language en \
    -tr-function-alias tr=dvc_lupdate_ignores_tr \
    -extensions qml,py \
    ui egov hardware agent_point \
    -ts "$TS"

"$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"
