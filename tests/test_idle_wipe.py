"""The kiosk's idle wipe leaves nothing of the citizen behind (issue 8, part 7).

A citizen of our own (a card profile made here, with her own photo) does a whole visit at the
kiosk with the real parts: her chip card read through pcscd and vpcd, her papers photographed by
the sample camera, the form typed, the dossier sent to the training portal, the fee's VietQR on
screen; then she walks away. A second citizen looks the dossier up by its code and her last four
digits, and walks away too. Once the idle watcher's countdown has run out, every place a value
could hide is searched for hers: every Q_PROPERTY of every view model (read through QMetaObject,
into lists, maps and QObjects), every property of every QML object in the window (visible or not),
the image provider, and the files written during the visit under the data directory and the
system temp dir; and the camera must be closed. The search itself is shown to find a value left
behind, so that a pass means something.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import shiboken6

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cardstack import PcscStack, reader_name  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from PySide6.QtCore import QByteArray, QObject, QUrl  # noqa: E402
from PySide6.QtQml import QJSValue, QQmlComponent  # noqa: E402
from PySide6.QtQuick import QQuickItem  # noqa: E402
from test_ui_card import type_can  # noqa: E402
from test_ui_keyboard import keys_for, tap_keys  # noqa: E402
from test_ui_visit import capture  # noqa: E402
from uidriver import find, tap, type_into, wait_for  # noqa: E402

from config.settings import load_settings  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.text import fold  # noqa: E402
from hardware.card.emulator.profile import CardProfile  # noqa: E402
from hardware.card.emulator.run import card_from_profile  # noqa: E402
from hardware.card.service import bundled_profile  # noqa: E402
from ui.events import pump, wait_until  # noqa: E402
from ui.services import Services, build_services  # noqa: E402
from ui.shell import Shell  # noqa: E402

RESIDENCE = "1.004194"  # đăng ký tạm trú: 15 000 đ, two papers, the card fills half the form

CITIZEN = {
    "id_number": "079147637251",
    "full_name": "Hoàng Thị Xuân Hường",
    "date_of_birth": "1947-03-12",
    "sex": "Nữ",
    "nationality": "Việt Nam",
    "ethnicity": "Kinh",
    "religion": "Không",
    "place_of_origin": "Xã Kỳ Phong, Huyện Kỳ Anh, Tỉnh Hà Tĩnh",
    "place_of_residence": "Số 27 ngách 14 ngõ Văn Chương, Phường Văn Miếu, Thành phố Hà Nội",
    "identifying_marks": "Sẹo chấm C:2cm dưới sau cánh mũi trái",
    "date_of_issue": "2022-06-20",
    "date_of_expiry": None,
    "father_name": "Hoàng Văn Quỳnh",
    "mother_name": "Lương Thị Nhàn",
    "spouse_name": "Đinh Công Thoại",
    "old_id_number": "183004417",
    "unknown16": "",
}
# What she types on the form (the card told the rest); choices are tapped.
TYPED = {
    "phone": "0978215463",
    "email": "xuanhuong.vanchuong@example.vn",
    "head_full_name": "Đinh Công Thoại",
    "temporary_address": "Phòng 1204 nhà B3, ngõ 47 phố Lý Thái Tổ, Phường Hoàn Kiếm",
    "duration_months": "7",
}
CHOSEN = {"residence_case": "so_huu"}


@dataclass(frozen=True)
class Citizen:
    profile: Path
    photo: bytes  # the JPEG in her chip's DG2

    @property
    def can(self) -> str:
        return CITIZEN["id_number"][-6:]

    def values(self) -> list[str]:
        """Everything personal about her, as text: searched for on screen and in the models."""
        born = date.fromisoformat(CITIZEN["date_of_birth"])
        fields = (
            "id_number",
            "full_name",
            "place_of_origin",
            "place_of_residence",
            "identifying_marks",
            "father_name",
            "mother_name",
            "spouse_name",
            "old_id_number",
        )
        texts = [CITIZEN[f] for f in fields]
        texts += [born.strftime("%d/%m/%Y"), born.isoformat(), born.strftime("%y%m%d") + "1"]
        # The chip's access number. Her name as the MRZ writes it (HOANG<<THI<XUAN<HUONG) is found
        # as her name: the search folds accents, case and punctuation away.
        texts.append(self.can)
        texts += [v for k, v in TYPED.items() if k != "duration_months"]  # "7" is no one's own
        return texts


def make_citizen(folder: Path) -> Citizen:
    """Her card: the sample profile's test PKI, her identity and a portrait no other test uses."""
    shutil.copytree(bundled_profile().parent, folder)
    data = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
    data["identity"] = CITIZEN
    data["mrz"] = {"surname": "Hoàng", "given_names": "Thị Xuân Hường"}
    # Shapes of random colours: a JPEG of its own, small enough for a chip (DG2 under 32 KiB).
    rng = random.Random(1947)
    portrait = Image.new("RGB", (240, 320), (236, 232, 226))
    draw = ImageDraw.Draw(portrait)
    for _ in range(40):
        x, y = rng.randrange(240), rng.randrange(320)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x, y, x + rng.randrange(10, 60), y + rng.randrange(10, 60)), fill=colour)
    buffer = BytesIO()
    portrait.save(buffer, format="JPEG", quality=75)
    (folder / "face.jpg").write_bytes(buffer.getvalue())
    (folder / "profile.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return Citizen(folder / "profile.json", buffer.getvalue())


# -- the search -------------------------------------------------------------------------------------


def _contains(text: str, needles: Iterable[str]) -> list[str]:
    """The needles in `text`, compared folded (no accents, no case, words only): a name typed
    without accents or in capitals is still her name."""
    haystack = f" {fold(text)} "
    return [n for n in needles if f" {fold(n)} " in haystack or (n.isdigit() and n in text)]


def _values_in(value: Any, needles: list[str], where: str, seen: set[int]) -> Iterator[str]:
    if isinstance(value, QJSValue):
        value = value.toVariant()
    if isinstance(value, QByteArray):
        value = value.data()
    if isinstance(value, bytes | bytearray):
        value = value.decode("utf-8", "replace")
    if isinstance(value, QUrl):
        value = value.toString()
    if isinstance(value, str):
        for found in _contains(value, needles):
            yield f"{where}: {found!r}"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _values_in(item, needles, f"{where}[{key!r}]", seen)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _values_in(item, needles, f"{where}[{index}]", seen)
    elif isinstance(value, QObject):
        yield from properties_holding(value, needles, where, seen)


# What a QML object's text can be held in: strings, and `var` properties holding them (a JS value,
# a list, a map). Other types are left: a QObject* property is an object of the tree, searched on
# its own, and reading some (QQmlDelegateModel's `parts`) from Python crashes.
TEXT_TYPES = {"QString", "QStringList", "QVariant", "QVariantList", "QVariantMap", "QJSValue", "QUrl"}


def meta_properties(obj: QObject) -> tuple[str, list[tuple[str, str]]]:
    """The class name and the (name, type) of every Q_PROPERTY of `obj`, QML's own included.

    PySide keeps the QMetaObject wrapper alive with the object's, and a QML object's metaobject
    is freed with it: a wrapper left in PySide's map under that address is then handed out for
    the next object created there (seen as "'QMetaObject' object has no attribute 'objectName'"
    in a later test). So it is invalidated at once.
    """
    meta = obj.metaObject()
    try:
        props = [meta.property(i) for i in range(meta.propertyCount())]
        return meta.className(), [(p.name(), p.typeName()) for p in props]
    finally:
        shiboken6.invalidate(meta)


def properties_holding(
    obj: QObject, needles: list[str], where: str, seen: set[int], *, types: set[str] | None = None
) -> Iterator[str]:
    """Every Q_PROPERTY of `obj` (of the types named, or all) that holds a needle, looking into
    the QObjects, lists and maps it holds."""
    key = shiboken6.getCppPointer(obj)[0]
    if key in seen:
        return
    seen.add(key)
    for name, kind in meta_properties(obj)[1]:
        if types is not None and kind not in types:
            continue
        try:
            value = obj.property(name)
        except Exception:  # noqa: BLE001, S112 - a property Python cannot convert holds no text we can read
            continue
        yield from _values_in(value, needles, f"{where}.{name}", seen)


def view_models(shell: Shell) -> list[QObject]:
    """The shell and every QObject it owns, but the QML engine's (searched as QML objects)."""
    engine = shell.engine
    owned = [shell]
    for child in shell.findChildren(QObject):
        parent = child
        while parent is not None and parent is not engine:
            parent = parent.parent()
        if parent is None:
            owned.append(child)
    return owned


def qml_objects(shell: Shell) -> list[QObject]:
    """The window and everything in it: the QObject tree and the visual tree (a Repeater's items
    have no QObject parent), visible or not."""
    found: dict[int, QObject] = {}
    window = shell.window
    stack: list[QObject] = [window, window.contentItem(), *window.findChildren(QObject)]
    while stack:
        obj = stack.pop()
        if id(obj) in found:
            continue
        found[id(obj)] = obj
        stack.extend(obj.findChildren(QObject))
        if isinstance(obj, QQuickItem):
            stack.extend(obj.childItems())
    return list(found.values())


def left_in_memory(shell: Shell, needles: list[str]) -> list[str]:
    pump()
    seen: set[int] = set()
    hits = []
    for model in view_models(shell):
        hits += properties_holding(model, needles, type(model).__name__, seen)
    for obj in qml_objects(shell):
        name = obj.objectName() or meta_properties(obj)[0]
        hits += properties_holding(obj, needles, f"QML {name}", seen, types=TEXT_TYPES)
    return hits


@dataclass
class Snapshot:
    """The files under some folders as they were, to find what a visit wrote."""

    folders: tuple[Path, ...]
    before: dict[Path, tuple[float, int]]

    @classmethod
    def take(cls, *folders: Path) -> Snapshot:
        return cls(folders, dict(cls._files(folders)))

    @staticmethod
    def _files(folders: tuple[Path, ...]) -> Iterator[tuple[Path, tuple[float, int]]]:
        for folder in folders:
            for root, _dirs, names in os.walk(folder):
                for name in names:
                    path = Path(root) / name
                    try:
                        stat = path.stat()
                    except OSError:
                        continue
                    yield path, (stat.st_mtime, stat.st_size)

    def written(self) -> list[Path]:
        return [p for p, state in self._files(self.folders) if self.before.get(p) != state]


def _encodings(text: str) -> list[bytes]:
    forms = {unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)}
    out = []
    for form in forms:
        out += [form.encode("utf-8"), form.encode("utf-16-le")]
    return out


def files_holding(paths: Iterable[Path], needles: list[str], blobs: list[bytes]) -> list[str]:
    """The files that hold a needle (UTF-8 or UTF-16, NFC or NFD) or a piece of a blob, as bytes."""
    patterns = [(n, e) for n in needles for e in _encodings(n)]
    # A piece from the middle of each blob: JPEG headers are alike, entropy-coded data is not.
    pieces = [(f"{len(b)}-byte blob", b[len(b) // 2 : len(b) // 2 + 64]) for b in blobs]
    hits = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for name, pattern in patterns + pieces:
            if pattern in data:
                hits.append(f"{path}: {name!r}")
    return hits


# -- the image provider ------------------------------------------------------------------------------


def visit_image_urls(shell: Shell) -> set[str]:
    """The visit's images the window shows now (pages, QRs, the photo, the camera)."""
    urls = set()
    for obj in qml_objects(shell):
        if isinstance(obj, QQuickItem) and ("source", "QUrl") in meta_properties(obj)[1]:
            source = obj.property("source")
            text = source.toString() if isinstance(source, QUrl) else str(source or "")
            if text.startswith("image://visit/"):
                urls.add(text)
    return urls


def image_width(shell: Shell, url: str, *, cache: bool) -> int:
    """The width of the image QML gets for `url` (0: none). With `cache`, from the engine's
    pixmap cache when it holds one, as any Image asking for that URL again would get it."""
    component = QQmlComponent(shell.engine)
    component.setData(f"import QtQuick\nImage {{ cache: {str(cache).lower()} }}".encode(), QUrl())
    image = component.create()
    assert image is not None, component.errorString()
    image.setProperty("source", url)
    for _ in range(20):
        pump()
    width = int(image.property("implicitWidth"))
    image.deleteLater()
    pump()
    return width


# -- the kiosk -------------------------------------------------------------------------------------


@pytest.fixture
def citizen(tmp_path: Path) -> Citizen:
    return make_citizen(tmp_path / "card")


@pytest.fixture
def kiosk(pcsc_stack: PcscStack, citizen: Citizen, tmp_path: Path, monkeypatch, qapp) -> Iterator[Services]:  # noqa: ANN001
    """A kiosk with a PC/SC reader holding her card, a data directory and a system temp dir of its
    own (Qt and Python both read TMPDIR), and the shortest warning the settings allow."""
    systemp = tmp_path / "tmp"
    systemp.mkdir()
    monkeypatch.setenv("TMPDIR", str(systemp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[identity]\nreader = "pcsc:{reader_name(0)}"\n'
        "[kiosk]\nidle_seconds = 600\nidle_warning_seconds = 20\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DVC_KIOSK_CONFIG", raising=False)
    services = build_services(load_settings(config))
    link = pcsc_stack.attach(card_from_profile(CardProfile.load(citizen.profile)), slot=0)
    yield services
    services.close()
    pcsc_stack.detach(link)


@dataclass
class Visit:
    """A kiosk, her visit on it, and what to search once it is over."""

    shell: Shell
    services: Services
    citizen: Citizen
    files: Snapshot
    shown: set[str]  # the visit's image URLs seen on screen

    @property
    def vm(self):  # noqa: ANN201
        return self.shell.visit

    def look(self) -> None:
        """Note the images on screen now, to ask for them again after the wipe."""
        self.shown |= visit_image_urls(self.shell)


@pytest.fixture
def visit(kiosk: Services, citizen: Citizen, tmp_path: Path) -> Iterator[Visit]:
    files = Snapshot.take(tmp_path / "data", tmp_path / "tmp")
    shell = Shell(kiosk, Mode.KIOSK, width=1920, height=1080)
    shell.window.show()
    yield Visit(shell, kiosk, citizen, files, set())
    shell.close()


def read_her_card(qtbot, visit: Visit) -> None:  # noqa: ANN001
    shell, vm = visit.shell, visit.vm
    tap(qtbot, shell, "startButton")
    wait_until(lambda: vm.page == "identify")
    tap(qtbot, shell, "cardIdentityButton")
    wait_until(lambda: vm.page == "card")
    type_can(qtbot, shell, visit.citizen.can)
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.page == "procedure" or (vm.cardState == "enter" and bool(vm.message)), timeout=60)
    assert vm.page == "procedure", vm.message
    assert vm.visit.identity.full_name == CITIZEN["full_name"]


def fill_the_form(qtbot, visit: Visit, stop_at: str = "") -> None:  # noqa: ANN001
    """Whatever the form page shows (all fields, or one question a page): type or tap her answers,
    then "Tiếp tục", until the form is done; or leave it once `stop_at` has been typed."""
    shell, vm = visit.shell, visit.vm
    wait_until(lambda: vm.page == "form")
    for _ in range(40):
        if vm.page != "form":
            return
        for key, value in TYPED.items():
            field = find(shell, f"field_{key}")
            if field is not None and field.property("text") != value:
                type_into(qtbot, shell, f"field_{key}", value)
                if key == stop_at:
                    return
        for key, value in CHOSEN.items():
            if find(shell, f"choice_{key}_{value}") is not None:
                tap(qtbot, shell, f"choice_{key}_{value}")
        tap(qtbot, shell, "primaryButton")
        pump()
    raise AssertionError(f"the form did not end: {vm.message}")


def to_the_form(qtbot, visit: Visit) -> None:  # noqa: ANN001
    read_her_card(qtbot, visit)
    type_into(qtbot, visit.shell, "field_search", "tạm trú")
    wait_until(lambda: any(p["code"] == RESIDENCE for p in visit.vm.procedures))
    tap(qtbot, visit.shell, f"procedure_{RESIDENCE}")


def to_the_check_page(qtbot, visit: Visit) -> None:  # noqa: ANN001
    shell, vm = visit.shell, visit.vm
    to_the_form(qtbot, visit)
    fill_the_form(qtbot, visit)
    wait_until(lambda: vm.page == "documents")
    for doc in [d for d in vm.visit.documents() if d.required]:
        capture(qtbot, shell, doc.code)
        visit.look()  # the page's thumbnail
        tap(qtbot, shell, "documentDoneButton")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "check")


def to_the_fee_qr(qtbot, visit: Visit) -> None:  # noqa: ANN001
    shell, vm = visit.shell, visit.vm
    to_the_check_page(qtbot, visit)
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "consent")
    tap(qtbot, shell, "consent_transmit_yes")
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.page == "fee" and not vm.busy, timeout=60)
    tap(qtbot, shell, "payByQrButton")
    qr = wait_for(qtbot, shell, "feeQr")
    wait_until(lambda: qr.property("implicitWidth") > 0)  # the QR drawn
    visit.look()


def walk_away(qtbot, shell: Shell) -> list[int]:  # noqa: ANN001
    """No touch: the quiet time runs out, the warning counts down, the wipe. Returns the seconds
    the warning showed."""
    idle, vm = shell.idle, shell.visit
    shown: list[int] = []
    vm.changed.connect(lambda: shown.append(vm.idleSecondsLeft) if vm.idleSecondsLeft else None)
    # A second of the countdown lasts 50 ms here and the quiet minutes 200 ms: what is left behind
    # matters, not how long it takes. The count itself is the settings'.
    idle._tick.setInterval(50)  # noqa: SLF001
    idle._idle.setInterval(200)  # noqa: SLF001
    idle._idle.start()  # noqa: SLF001
    overlay = wait_for(qtbot, shell, "idleOverlay")
    wait_until(lambda: not overlay.isVisible(), timeout=30)
    wait_for(qtbot, shell, "startButton")
    return sorted(set(shown), reverse=True)


def assert_nothing_left(visit: Visit, *also: str) -> list[Path]:
    """Her values nowhere in memory we can reach, on screen or in files; the camera closed.
    Returns the files the visit wrote (searched)."""
    shell, citizen = visit.shell, visit.citizen
    needles = citizen.values()
    wait_until(lambda: visit.services.camera.users == 0, timeout=10)
    assert shell.visit.page == "welcome" and shell.lookup.page == "" and shell.tickets.page == ""
    assert left_in_memory(shell, [*needles, *also]) == []
    # What is held outside Q_PROPERTYs (the keyboard's Telex word, the look-up's answer) is asked.
    holding = [
        type(m).__name__ for m in view_models(shell) if getattr(m, "holds_personal_data", lambda: False)()
    ]
    assert holding == []
    # Asked for again, with the engine's pixmap cache allowed: nothing comes back.
    assert {url: image_width(shell, url, cache=True) for url in visit.shown} == dict.fromkeys(visit.shown, 0)
    for kind in ("face/0", "payqr/0", "qr/0", "live/0", "edit/0"):
        assert image_width(shell, f"image://visit/{kind}", cache=False) == 0, kind
    # The training portal's database stands for the province's system, where her dossier is meant to be.
    written = [p for p in visit.files.written() if not p.name.startswith("training-portal.sqlite3")]
    assert files_holding(written, needles, [citizen.photo]) == []
    return written


def test_walking_away_from_a_half_typed_answer(qtbot, visit: Visit) -> None:  # noqa: ANN001
    to_the_form(qtbot, visit)
    fill_the_form(qtbot, visit, stop_at="temporary_address")
    # One more word on the on-screen keyboard, by Telex: "Xuaan" is "Xuân", still being composed.
    tap_keys(qtbot, visit.shell, keys_for(" Xuaan"))
    wait_until(lambda: visit.vm.visit.form_values["temporary_address"].endswith(" Xuân"))
    assert visit.shell.keyboard.holds_personal_data(), "the keyboard holds the word she was typing"
    typed = left_in_memory(visit.shell, [TYPED["temporary_address"]])
    assert any(hit.startswith("QML") for hit in typed), "in the field on screen until she goes"
    assert walk_away(qtbot, visit.shell)[0] == 20
    assert_nothing_left(visit)


def test_walking_away_from_the_camera_releases_it(qtbot, visit: Visit) -> None:  # noqa: ANN001
    shell, vm = visit.shell, visit.vm
    to_the_form(qtbot, visit)
    fill_the_form(qtbot, visit)
    wait_until(lambda: vm.page == "documents")
    first, second = [d.code for d in vm.visit.documents() if d.required]
    capture(qtbot, shell, first)
    visit.look()
    tap(qtbot, shell, "documentDoneButton")
    tap(qtbot, shell, f"capture_{second}")
    wait_until(lambda: vm.scan.state == "camera" and bool(vm.scan.frameUrl), timeout=20)
    visit.look()
    assert visit.services.camera.users > 0, "the live view holds the camera"
    walk_away(qtbot, shell)
    assert vm.scan.frameUrl == ""
    assert_nothing_left(visit)


def test_walking_away_from_the_fee_qr(qtbot, visit: Visit) -> None:  # noqa: ANN001
    to_the_fee_qr(qtbot, visit)
    code = visit.vm.dossierCode
    assert code and any(image_width(visit.shell, url, cache=False) for url in visit.shown)
    walk_away(qtbot, visit.shell)
    written = assert_nothing_left(visit, code)
    assert any(p.name.startswith("dvc-kiosk.sqlite3") for p in written), "her dossier, in the store, searched"


def test_walking_away_after_the_receipt_then_from_a_look_up(qtbot, visit: Visit) -> None:  # noqa: ANN001
    shell, vm, lookup = visit.shell, visit.vm, visit.shell.lookup
    to_the_fee_qr(qtbot, visit)
    code = vm.dossierCode
    tap(qtbot, shell, "confirmTransferButton")  # "In phiếu hẹn": she will pay from the slip's QR
    wait_until(lambda: vm.page == "receipt")
    wait_until(lambda: vm.printState == "printed", timeout=30)
    preview = Path(vm.receiptPath)
    assert preview.is_file()
    visit.look()
    walk_away(qtbot, shell)
    # The preview printer's PNG was her slip of paper: the next citizen finds no copy.
    wait_until(lambda: not preview.exists(), timeout=10)
    assert_nothing_left(visit, code)

    # Later she looks the dossier up with its code and her last four digits, and walks away.
    tap(qtbot, shell, "lookupButton")
    tap(qtbot, shell, "lookupTypeButton")
    type_into(qtbot, shell, "lookupCodeField", code)
    tap(qtbot, shell, "lookupCodeNext")
    type_into(qtbot, shell, "lookupDigitsField", CITIZEN["id_number"][-4:])
    tap(qtbot, shell, "lookupDigitsNext")
    wait_until(lambda: lookup.page == "lookup_result" and not lookup.busy, timeout=30)
    assert left_in_memory(shell, [code]), "the answer is on screen until she goes"
    walk_away(qtbot, shell)
    assert_nothing_left(visit, code)


def test_more_time_keeps_everything_and_walking_away_drops_the_photo_too(qtbot, visit: Visit) -> None:  # noqa: ANN001
    shell, vm = visit.shell, visit.vm
    to_the_check_page(qtbot, visit)
    tap(qtbot, shell, "faceButton")  # "Xem ảnh"
    photo = wait_for(qtbot, shell, "facePhoto")
    wait_until(lambda: photo.property("implicitWidth") == 240)  # her chip's JPEG, decoded
    visit.look()
    kept = vm._face  # noqa: SLF001 - the copy the wipe must zero
    assert bytes(kept) == visit.citizen.photo
    answers, pages = dict(vm.visit.form_values), {k: len(v) for k, v in vm.visit.pages.items()}

    # The quiet time is over: the warning, from the settings' 20 seconds, counting real seconds.
    shown: list[int] = []
    vm.changed.connect(lambda: shown.append(vm.idleSecondsLeft))
    shell.idle._idle.setInterval(200)  # noqa: SLF001
    shell.idle._idle.start()  # noqa: SLF001
    overlay = wait_for(qtbot, shell, "idleOverlay")
    wait_until(lambda: vm.idleSecondsLeft == 19, timeout=10)
    assert max(shown) == 20
    assert "sau 19 giây" in find(shell, "idleOverlay").property("text")
    tap(qtbot, shell, "moreTimeButton")  # "Có, tôi cần thêm thời gian"
    wait_until(lambda: not overlay.isVisible())
    assert vm.idleSecondsLeft == 0 and vm.page == "check"
    assert vm.visit.identity.full_name == CITIZEN["full_name"] and vm.visit.form_values == answers
    assert {k: len(v) for k, v in vm.visit.pages.items()} == pages
    assert vm.faceShown and find(shell, "facePhoto") is not None and bytes(kept) == visit.citizen.photo

    walk_away(qtbot, shell)
    assert not any(kept), "the photo's copy is zeroed, not only dropped"
    assert not vm.faceAvailable
    assert_nothing_left(visit)


def test_the_search_finds_what_is_left_behind(qtbot, visit: Visit, tmp_path: Path) -> None:  # noqa: ANN001
    """Each place searched, with one of her values left there on purpose: the search says where."""
    shell, vm, citizen = visit.shell, visit.vm, visit.citizen
    name, address = CITIZEN["full_name"], CITIZEN["place_of_residence"]
    assert left_in_memory(shell, citizen.values()) == []

    vm.setSearch("HOANG THI XUAN HUONG")  # a view model's property, typed without accents
    assert left_in_memory(shell, citizen.values()) == [f"VisitModel.searchText: {name!r}"]
    vm.setSearch("")
    shell.lookup._result = {"rows": [{"name": "holder", "value": address}]}  # noqa: SLF001 - in a list in a map
    assert left_in_memory(shell, citizen.values()) == [f"LookupModel.result['rows'][0]['value']: {address!r}"]
    shell.lookup.wipe()

    # A QML item nobody sees, in the page the Loader keeps.
    component = QQmlComponent(shell.engine)
    component.setData(b"import QtQuick\nItem { visible: false; Text { objectName: 'forgotten' } }", QUrl())
    hidden = component.create()
    hidden.setParentItem(shell.window.findChild(QObject, "pageLoader").property("item"))
    hidden.findChild(QObject, "forgotten").setProperty("text", f"Bà {name}")
    assert left_in_memory(shell, citizen.values()) == [f"QML forgotten.text: {name!r}"]
    hidden.deleteLater()
    pump()

    # The image provider, asked for the photo a view model still holds.
    vm._face, vm._face_shown = bytearray(citizen.photo), True  # noqa: SLF001
    assert image_width(shell, "image://visit/face/0", cache=False) == 240
    vm._face, vm._face_shown = None, False  # noqa: SLF001

    # Files written under the temp dir: her address as text, her photo's bytes inside another file.
    (tmp_path / "tmp" / "note.txt").write_text(f"{address}\n", encoding="utf-8")
    (tmp_path / "tmp" / "blob.bin").write_bytes(b"\0" * 100 + citizen.photo + b"\0")
    hits = files_holding(visit.files.written(), citizen.values(), [citizen.photo])
    assert sorted(hits) == [
        f"{tmp_path / 'tmp' / 'blob.bin'}: '{len(citizen.photo)}-byte blob'",
        f"{tmp_path / 'tmp' / 'note.txt'}: {address!r}",
    ]
