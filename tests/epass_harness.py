"""Serves vsmartcard's ePass emulator (`vicc -t ePass`) as a card in a vpcd reader, for the PC/SC tests.

Run with the system python3 of Debian 12 or Ubuntu 24.04 (python3-virtualsmartcard 3.3,
python3-pycryptodome, python3-pil), not the project's virtualenv:

    python3 tests/epass_harness.py --mrz "$TD3_MRZ" --host 127.0.0.1 --port 35963

It is an independent eMRTD implementation (BAC, 3DES secure messaging, EF.COM, DG1) to check our
reader against. The package does not run under Python 3 as shipped, so this script fixes it in
memory at start-up, never touching files under /usr:

- `Crypto` is aliased to `Cryptodome` (Debian ships PyCryptodome under that name);
- the MRZ prompt (`raw_input`, which Python 3 lacks) is answered from --mrz, the photo prompt with
  os.devnull (the generator cannot build DG2 under Python 3, so the card has none);
- `TLVutils.pack` is replaced (as shipped it ends in `b"".join(bytes)` and fails on every call);
- `CryptoUtils.operation_on_string` XORs bytes (it used chr/ord, which fails during BAC);
- the DF name and empty files the generator leaves as str are made bytes;
- fixes a–e of the fact sheet (/work/shared/facts/cccd-chip.md §7), as edits of single
  functions, each checked to apply exactly once: (a) `stringtoint(value[0:1])`, (b) DO'87'/DO'97'
  packed as tuples so they enter the MAC, (c) bytes for `return_data`/`to_authenticate`,
  (d) `inttostring(ssc, 8)`, (e) DO'99' in every protected response, and a MAC on warnings and
  errors too (ICAO 9303-11), not only on 9000.

The ePass derives the BAC key from TD3 offsets (`mrz2[0:10] + mrz2[13:20] + mrz2[21:28]`), so
--mrz is a 2 × 44-character TD3 MRZ. The card connects to vpcd through
hardware/card/emulator/vpcd.py, loaded by path (standard library only). When it is attached it
prints one JSON line, {"ready": true, "atr": hex, "files": {"EF.COM": hex, "DG1": hex}}, and
serves until SIGTERM or SIGINT. `--check` only builds the card and prints the same line.
"""

from __future__ import annotations

import argparse
import builtins
import importlib
import importlib.util
import inspect
import json
import logging
import os
import signal
import sys
import textwrap
import threading
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
VPCD_MODULE = REPO / "hardware" / "card" / "emulator" / "vpcd.py"
# Where Debian and Ubuntu put the package: it is not on python3's sys.path there.
PACKAGE_DIRS = (
    "/usr/lib/python3/site-packages/virtualsmartcard",
    "/usr/lib/python3/dist-packages/virtualsmartcard",
    "/usr/lib/python3/dist-packages",
)
EPASS_AID = bytes.fromhex("A0000002471001")

log = logging.getLogger("epass-harness")


class PatchError(RuntimeError):
    """The installed virtualsmartcard is not the version these fixes were written for."""


# -- making the package importable --------------------------------------------------------------


def _find_package(explicit: str | None) -> None:
    candidates = [explicit] if explicit else []
    candidates += [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    candidates += list(PACKAGE_DIRS)
    for candidate in candidates:
        if (Path(candidate) / "virtualsmartcard" / "VirtualSmartcard.py").is_file():
            if candidate not in sys.path:
                sys.path.insert(0, candidate)
            return
    raise PatchError("virtualsmartcard not found (apt-get install python3-virtualsmartcard)")


def _alias_crypto() -> None:
    try:
        import Cryptodome
    except ImportError as exc:
        raise PatchError("Cryptodome missing (apt-get install python3-pycryptodome)") from exc
    sys.modules.setdefault("Crypto", Cryptodome)
    # Alias the subpackages too, so that `from Crypto.Cipher import DES3` does not load a second
    # copy of Cryptodome.Cipher under another name.
    for sub in ("Cipher", "Hash", "PublicKey", "Random", "Signature", "Util"):
        try:
            sys.modules.setdefault(f"Crypto.{sub}", importlib.import_module(f"Cryptodome.{sub}"))
        except ImportError:
            pass


def _shim_readline() -> None:
    # CardGenerator imports readline at the top (for tab completion of the photo path) and falls
    # back on pyreadline; a Python built without readline has neither.
    try:
        import readline  # noqa: F401
    except ImportError:
        stub = types.ModuleType("readline")
        stub.set_completer_delims = lambda *_: None  # type: ignore[attr-defined]
        stub.parse_and_bind = lambda *_: None  # type: ignore[attr-defined]
        sys.modules["readline"] = stub


def _answer_prompts(mrz: str) -> None:
    def raw_input(prompt: str = "") -> str:
        if "MRZ" in prompt:
            return mrz
        if "image" in prompt:
            return os.devnull  # PIL cannot identify it: the generator logs a warning, no DG2
        raise PatchError(f"unexpected prompt from virtualsmartcard: {prompt!r}")

    builtins.raw_input = raw_input  # type: ignore[attr-defined]


# -- the fixes ----------------------------------------------------------------------------------


def _int_bytes(value: int) -> bytes:
    return value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")


def _pack(tlv_data: Iterable[Any], recalculate_length: bool = False) -> bytes:
    """BER-TLV encoding of [(tag, length, value), ...], value bytes, str or nested triples."""
    out = b""
    for item in tlv_data:
        tag, length, value = item[0], item[1], item[2]
        if tag in (0x00, 0xFF):
            out += bytes((tag,))  # padding bytes, as the original
            continue
        if isinstance(value, str):
            value = value.encode("latin-1")
        elif not isinstance(value, bytes | bytearray):
            value = _pack(value, recalculate_length)
        if recalculate_length:
            length = len(value)
        if length < 0x80:
            encoded_length = bytes((length,))
        else:
            digits = _int_bytes(length)
            encoded_length = bytes((0x80 | len(digits),)) + digits
        out += _int_bytes(tag) + encoded_length + bytes(value)
    return out


def _xor(a: bytes, b: bytes, op: Callable[[int, int], int]) -> bytes:
    if len(a) != len(b):
        raise ValueError("string1 and string2 must be of equal length")
    return bytes(op(x, y) for x, y in zip(a, b, strict=True))


def _patch_function(owner: Any, name: str, edits: list[tuple[str, str]]) -> None:
    """Recompile one function of the package with textual edits, each of which must match once."""
    function = inspect.unwrap(owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name))
    source = textwrap.dedent(inspect.getsource(function))
    for old, new in edits:
        found = source.count(old)
        if found != 1:
            raise PatchError(f"{function.__qualname__}: {old!r} found {found} times, expected once")
        source = source.replace(old, new)
    module = sys.modules[function.__module__]
    namespace: dict[str, Any] = {}
    code = compile(source, f"<{module.__name__}.{function.__qualname__}, patched>", "exec")
    exec(code, module.__dict__, namespace)
    setattr(owner, name, namespace[name])


def patch_virtualsmartcard(mrz: str) -> None:
    _alias_crypto()
    _shim_readline()
    _answer_prompts(mrz)
    modules = [
        "virtualsmartcard.utils",
        "virtualsmartcard.TLVutils",
        "virtualsmartcard.CryptoUtils",
        "virtualsmartcard.SEutils",
        "virtualsmartcard.SmartcardFilesystem",
        "virtualsmartcard.SmartcardSAM",
        "virtualsmartcard.CardGenerator",
        "virtualsmartcard.cards.ePass",
        "virtualsmartcard.VirtualSmartcard",
    ]
    for name in modules:
        importlib.import_module(name)
    tlv = sys.modules["virtualsmartcard.TLVutils"]
    original_pack = tlv.pack
    for name, module in list(sys.modules.items()):
        if name.startswith("virtualsmartcard") and getattr(module, "pack", None) is original_pack:
            module.pack = _pack  # the modules that did `from TLVutils import pack` (or *)
    crypto = sys.modules["virtualsmartcard.CryptoUtils"]
    crypto.operation_on_string = _xor
    _patch_function(crypto, "crypto_checksum", [("inttostring(ssc) + data", "inttostring(ssc, 8) + data")])
    se = sys.modules["virtualsmartcard.SEutils"].Security_Environment
    _patch_function(
        se,
        "parse_SM_CAPDU",
        [
            ('return_data = ["", ]', 'return_data = [b"", ]'),
            ('to_authenticate = ""', 'to_authenticate = b""'),
            ("bertlv_pack([[tag, length, value]])", "bertlv_pack([(tag, length, value)])"),
            ("stringtoint(value[0])", "stringtoint(value[0:1])"),
            ('data="".join(return_data)', 'data=b"".join(return_data)'),
        ],
    )
    _patch_function(
        se,
        "protect_response",
        [
            ('return_data = ""', 'return_data = b""'),
            ('if result != "":', "if result:"),
            ('encrypted = "\\x01" + encrypted', 'encrypted = b"\\x01" + encrypted'),
            (
                'if sw == SW["NORMAL"]:\n        if self.cct.algorithm is None:',
                "return_data += pack([(0x99, 2, inttostring(sw, 2))])\n"
                "    if self.cct.key is not None:\n        if self.cct.algorithm is None:",
            ),
        ],
    )


def _bytes_everywhere(node: Any) -> None:
    """The generator leaves the DF name and empty files as str; SELECT compares them with bytes."""
    if isinstance(getattr(node, "dfname", None), str):
        node.dfname = node.dfname.encode("latin-1")
    if isinstance(getattr(node, "data", None), str):
        node.data = node.data.encode("latin-1")
    for child in getattr(node, "content", None) or []:
        _bytes_everywhere(child)


# -- the card -----------------------------------------------------------------------------------


class EpassCard:
    """The vicc ePass operating system as a `VirtualCard` of hardware/card/emulator/vpcd.py."""

    def __init__(self, mrz: str) -> None:
        from virtualsmartcard.CardGenerator import CardGenerator
        from virtualsmartcard.VirtualSmartcard import Iso7816OS

        mf, sam = CardGenerator("ePass").getCard()
        _bytes_everywhere(mf)
        self.mf = mf
        self.os = Iso7816OS(mf, sam)
        self._lock = threading.Lock()

    def file(self, fid: int) -> bytes:
        for df in self.mf.content:
            if getattr(df, "dfname", None) == EPASS_AID:
                for ef in df.content:
                    if ef.fid == fid:
                        return bytes(ef.data)
        raise KeyError(hex(fid))

    def atr(self) -> bytes:
        return bytes(self.os.getATR())

    def power_on(self) -> None:
        with self._lock:
            self.os.powerUp()

    def power_off(self) -> None:
        with self._lock:
            self.os.powerDown()

    def reset(self) -> None:
        with self._lock:
            self.os.reset()

    def process(self, apdu: bytes) -> bytes:
        with self._lock:
            try:
                return bytes(self.os.execute(apdu))
            except Exception:
                # vicc lets anything but SwError out of execute(), which would end its loop.
                log.exception("the ePass failed on an APDU")
                return b"\x6f\x00"


def _load_vpcd() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("dvc_vpcd", VPCD_MODULE)
    if spec is None or spec.loader is None:
        raise PatchError(f"cannot load {VPCD_MODULE}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and typing look modules up by name
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mrz", required=True, help="TD3 MRZ, both lines joined (88 characters)")
    parser.add_argument("--host", default="127.0.0.1", help="where vpcd listens")
    parser.add_argument("--port", type=int, default=0x8C7B, help="vpcd's port for the slot")
    parser.add_argument("--listen", action="store_true", help="listen for vpcd instead (reversed mode)")
    parser.add_argument("--package-dir", help="directory holding the virtualsmartcard package")
    parser.add_argument("--check", action="store_true", help="build the card, print it, exit")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="epass-harness %(levelname)s %(message)s",
    )
    mrz = args.mrz.replace("\n", "")
    if len(mrz) != 88:
        parser.error(f"--mrz must be a TD3 MRZ of 88 characters, got {len(mrz)}")
    try:
        _find_package(args.package_dir)
        patch_virtualsmartcard(mrz)
        card = EpassCard(mrz)
        vpcd = _load_vpcd()
    except PatchError as exc:
        print(f"epass-harness: {exc}", file=sys.stderr)
        return 3
    ready = {
        "ready": True,
        "atr": card.atr().hex(),
        "files": {"EF.COM": card.file(0x011E).hex(), "DG1": card.file(0x0101).hex()},
    }
    if args.check:
        print(json.dumps(ready), flush=True)
        return 0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    link = vpcd.VpcdLink(card, args.host, args.port, listen=args.listen, name="epass")
    link.start()
    try:
        while not stop.is_set():
            if link.wait_connected(0.5):
                break
        if link.connected:
            print(json.dumps(ready), flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        link.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
