"""Privacy at the kiosk's screen: the chip's photo only when the citizen asks, and the help call
audited without holding the screen.

The photo is read from the built-in emulated card of the sample citizen (the same view-model code
as through pcscd: tests/test_idle_wipe.py reads a card that way). What the idle wipe leaves behind
is tested in tests/test_idle_wipe.py.
"""

from __future__ import annotations

import os
import threading
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtQml import QQmlComponent  # noqa: E402
from test_ui_card import kiosk_on_card_page, type_can  # noqa: E402
from test_ui_visit import capture, make_shell  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from egov.flow import Mode  # noqa: E402
from egov.training import example_answers  # noqa: E402
from ui.events import pump, wait_until  # noqa: E402
from ui.shell import Shell  # noqa: E402

BIRTH = "1.001193"


def face_width(shell: Shell) -> int:
    """What the image provider gives QML for the photo now (0: nothing)."""
    component = QQmlComponent(shell.engine)
    component.setData(b"import QtQuick\nImage { cache: false; source: 'image://visit/face/probe' }", QUrl())
    image = component.create()
    pump()
    width = int(image.property("implicitWidth"))
    image.deleteLater()
    pump()
    return width


def to_the_check_page_with_the_chip(qtbot, services) -> Shell:  # noqa: ANN001
    shell = kiosk_on_card_page(qtbot, services)
    vm = shell.visit
    type_can(qtbot, shell, "000000")
    tap(qtbot, shell, "readCardButton")
    wait_until(lambda: vm.page == "procedure", timeout=30)
    vm.chooseProcedure(BIRTH)
    wait_until(lambda: vm.page == "form")
    visit = vm.visit
    for key, value in example_answers(visit.procedure.form, visit.form_values, date.today()).items():
        vm.setField(key, value)
    vm.submitForm()
    wait_until(lambda: vm.page == "documents")
    for doc in [d for d in visit.documents() if d.required]:
        capture(qtbot, shell, doc.code)
        tap(qtbot, shell, "documentDoneButton")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "check")
    return shell


def test_the_photo_shows_only_when_the_citizen_asks(qtbot, services) -> None:  # noqa: ANN001
    shell = to_the_check_page_with_the_chip(qtbot, services)
    vm = shell.visit
    try:
        # Read from the chip and kept, but not on the screen, nor given to anyone who asks for it.
        assert vm.faceAvailable and not vm.faceShown
        assert find(shell, "facePhoto") is None and face_width(shell) == 0
        button = wait_for(qtbot, shell, "faceButton")
        assert button.property("text") == "Xem ảnh"

        tap(qtbot, shell, "faceButton")
        photo = wait_for(qtbot, shell, "facePhoto")
        wait_until(lambda: photo.property("implicitWidth") == 240)  # the sample card's JPEG
        assert button.property("text") == "Ẩn ảnh"

        tap(qtbot, shell, "faceButton")  # "Ẩn ảnh"
        wait_until(lambda: find(shell, "facePhoto") is None)
        assert face_width(shell) == 0 and button.property("text") == "Xem ảnh"

        # Shown, then the page is left ("Sửa" the procedure's form): hidden on the way back.
        tap(qtbot, shell, "faceButton")
        wait_for(qtbot, shell, "facePhoto")
        tap(qtbot, shell, "primaryButton")
        wait_until(lambda: vm.page == "consent")
        assert not vm.faceShown and face_width(shell) == 0
        tap(qtbot, shell, "backButton")
        wait_until(lambda: vm.page == "check")
        assert find(shell, "facePhoto") is None and vm.faceAvailable

        # Sent: the check page is behind her for good, and the photo is dropped.
        tap(qtbot, shell, "primaryButton")
        tap(qtbot, shell, "consent_transmit_yes")
        tap(qtbot, shell, "submitButton")
        wait_until(lambda: vm.page == "receipt", timeout=30)
        assert not vm.faceAvailable and face_width(shell) == 0
    finally:
        shell.close()


def test_no_photo_without_a_chip(qtbot, services) -> None:  # noqa: ANN001
    shell = make_shell(services, Mode.KIOSK)
    vm = shell.visit
    try:
        vm.start()
        vm.useDemo()
        vm.chooseProcedure(BIRTH)
        wait_until(lambda: vm.page == "form")
        assert not vm.faceAvailable
        vm.showFace(True)  # called directly: nothing to show, and not on the check page anyway
        assert not vm.faceShown and face_width(shell) == 0
    finally:
        shell.close()


def test_calling_for_help_is_audited_off_the_gui_thread(qtbot, services) -> None:  # noqa: ANN001
    shell = make_shell(services, Mode.KIOSK)
    store = services.store
    threads: list[threading.Thread] = []
    audit = store.audit

    def watched(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        return audit(*args, **kwargs)

    store.audit = watched  # type: ignore[method-assign]
    try:
        tap(qtbot, shell, "startButton")
        tap(qtbot, shell, "helpButton")
        wait_for(qtbot, shell, "helpOverlay")
        wait_until(lambda: "help_requested" in [e.action for e in store.audit_trail()])
        assert threads and threading.main_thread() not in threads
    finally:
        store.audit = audit  # type: ignore[method-assign]
        shell.close()
