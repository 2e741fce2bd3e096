#!/usr/bin/env bash
# Sets up dvc-kiosk on a fresh Debian 12 / Ubuntu 24.04 machine (as root) and then either runs the
# app on its embedded defaults (`bash setup.sh run`) or runs the whole test suite
# (`bash setup.sh test`). Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")"
what="${1:-run}"
shift || true

# System packages: a C toolchain and PC/SC headers for pyscard (PyPI ships it as source only),
# the libraries the PySide6 wheels load but do not bundle, a font with full Vietnamese coverage,
# and PostgreSQL, which the tests start for real.
packages=(
  python3 python3-venv python3-dev build-essential swig libpcsclite-dev pcscd
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xkb1 libxcb-randr0 libpulse0 libglib2.0-0 fonts-dejavu-core
)
# Voice guidance ("Nghe lại"): espeak-ng speaks Vietnamese, ALSA's aplay (alsa-utils) plays it.
packages+=(espeak-ng alsa-utils)
[ "$what" = test ] && packages+=(postgresql)
# pdftotext and pdffonts read the end-of-day report's PDF back in its tests: a reader that is not Qt.
[ "$what" = test ] && packages+=(poppler-utils)
# The card tests' own PC/SC stack (tests/cardstack.py): vpcd readers in a private pcscd, set up with
# util-linux's unshare/nsenter and mount, and Debian's python3 running vsmartcard's ePass emulator
# (tests/epass_harness.py). On Ubuntu the vsmartcard packages are in universe.
[ "$what" = test ] && packages+=(
  vsmartcard-vpcd vsmartcard-vpicc python3-virtualsmartcard python3-pycryptodome python3-pil util-linux mount
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$what" = test ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
  # emupos, the printer emulator of the tests, runs on Python >= 3.13: find one (PATH, pyenv) or
  # install one with uv, and emupos beside it in a cached virtualenv. Where none can be had the
  # printer emulator tests are skipped and say why.
  .venv/bin/python tests/emupos_harness.py --prepare ||
    echo "setup.sh: emupos could not be prepared; its printer tests will be skipped" >&2
else
  .venv/bin/python -m pip install -q -e .
fi

case "$what" in
  run)  exec .venv/bin/dvc-kiosk "$@" ;;
  test) exec .venv/bin/python -m pytest "$@" ;;
  *)    echo "usage: bash setup.sh run|test [arguments]" >&2; exit 2 ;;
esac
