"""The procedures' guides through the real QML pages, offscreen, by taps: from the welcome page
("Cần mang giấy tờ gì?") and from the procedure page ("Xem hướng dẫn"), the pictures loaded, the
way back to where the citizen came from, and "In hướng dẫn" on an ESC/POS printer (emupos),
decoded back with the steps and one picture per paper."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_ui_visit import make_shell  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from config.settings import load_settings  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.guides import guide_for  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.services import build_services  # noqa: E402

RESIDENCE, MARRIAGE = "1.004222", "1.000894"


def text_of(shell, name: str) -> str:  # noqa: ANN001
    item = find(shell, name)
    return item.property("text") if item is not None else ""


def drawn(shell, name: str) -> bool:  # noqa: ANN001
    """Whether the picture in the frame `name` has loaded and been drawn with a size."""
    frame = find(shell, name)
    return frame is not None and bool(frame.property("loaded"))


def test_from_the_welcome_page_to_a_guide_and_back(qtbot, services) -> None:  # noqa: ANN001
    shell = make_shell(services, Mode.KIOSK)
    try:
        tap(qtbot, shell, "guideButton")
        wait_until(lambda: shell.guides.page == "guide_list")
        assert text_of(shell, "pageTitle") == "Bạn cần hướng dẫn thủ tục nào?"
        tap(qtbot, shell, f"guideProcedure_{RESIDENCE}")
        wait_until(lambda: shell.guides.page == "guide")
        assert text_of(shell, "pageTitle") == "Hướng dẫn: Đăng ký thường trú"
        guide = guide_for(services.catalog.get(RESIDENCE))
        for number in range(1, len(guide.documents) + 1):
            wait_for(qtbot, shell, f"guideDocument_{number}")
            wait_until(lambda n=number: drawn(shell, f"guideDocumentPicture_{n}"))
        for number in range(1, len(guide.steps) + 1):
            wait_for(qtbot, shell, f"guideStep_{number}")
        assert find(shell, f"guideDocument_{len(guide.documents) + 1}") is None
        # The visit has not started: nothing of it moved while the guide was read.
        assert shell.visit.page == "welcome"

        tap(qtbot, shell, "backButton")
        wait_until(lambda: shell.guides.page == "guide_list")
        tap(qtbot, shell, "backButton")
        wait_for(qtbot, shell, "startButton")
        assert shell.guides.page == "" and shell.visit.page == "welcome"
    finally:
        shell.close()


def test_from_the_procedure_page_and_back_to_it(qtbot, services) -> None:  # noqa: ANN001
    shell = make_shell(services, Mode.KIOSK)
    try:
        vm = shell.visit
        tap(qtbot, shell, "startButton")
        wait_until(lambda: vm.page == "identify")
        tap(qtbot, shell, "demoIdentityButton")
        wait_until(lambda: vm.page == "procedure")
        tap(qtbot, shell, f"guide_{MARRIAGE}")
        wait_until(lambda: shell.guides.page == "guide")
        assert text_of(shell, "pageTitle") == "Hướng dẫn: Đăng ký kết hôn"
        # Both must come: said on the page, with its picture.
        guide = guide_for(services.catalog.get(MARRIAGE))
        last = len(guide.after) - 1
        assert guide.after[last].picture == "in_person"
        wait_for(qtbot, shell, f"guideAfter_{last}")

        # "Quay lại" is back to the procedure page, the visit as it was: the citizen still chooses.
        tap(qtbot, shell, "backButton")
        wait_for(qtbot, shell, f"procedure_{MARRIAGE}")
        assert shell.guides.page == "" and vm.page == "procedure"
        assert vm.visit.identity is not None

        # The guide again, then the visit ends (idle, or "Kết thúc"): the kiosk is back at rest.
        tap(qtbot, shell, f"guide_{RESIDENCE}")
        wait_until(lambda: shell.guides.page == "guide")
        vm.finish()
        wait_for(qtbot, shell, "startButton")
        assert shell.guides.page == "" and shell.at_rest()
    finally:
        shell.close()


def test_in_huong_dan_prints_the_guide_with_its_pictures(
    qtbot, printers, tmp_path: Path, monkeypatch, qapp
) -> None:  # noqa: ANN001
    config = tmp_path / "office.toml"
    config.write_text(
        f'[printer]\nuri = "{printers.uri("t80")}"\nprofile = "tm-t20"\ntext_mode = true\n'
        "poll_seconds = 1\nstatus_timeout_seconds = 1\njob_timeout_seconds = 5\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
    services = build_services(load_settings(config))
    shell = make_shell(services, Mode.KIOSK)
    try:
        wait_until(lambda: shell.printer.ready, timeout=15)
        before = printers.receipt_ids("t80")
        tap(qtbot, shell, "guideButton")
        tap(qtbot, shell, f"guideProcedure_{RESIDENCE}")
        wait_until(lambda: shell.guides.page == "guide")
        tap(qtbot, shell, "guidePrintButton")
        wait_until(lambda: not shell.guides.printing, timeout=30)
        assert shell.guides.printed
        assert text_of(shell, "pageMessage") == "✓ Đã in hướng dẫn. Mời bạn lấy phiếu ở khe máy in."
        receipt = printers.wait_for_receipt("t80", before)
        assert receipt["boundary"] == "cut"
        dump = unicodedata.normalize("NFC", printers.text("t80", receipt["id"]))
        words = " ".join(dump.split())
        guide = guide_for(services.catalog.get(RESIDENCE))
        for number, step in enumerate(guide.steps, start=1):
            assert f"{number}. {step.sentence.text()}" in words, step.sentence.text()
        assert len(re.findall(r"\[image 576x\d+\]", dump)) == len(guide.documents)
        assert printers.receipt_ids("t80") == before | {receipt["id"]}

        # The cover open: the page says what is wrong, nothing is lost, the button works again.
        printers.set_fault("t80", "cover-open")
        tap(qtbot, shell, "guidePrintButton")
        wait_until(lambda: not shell.guides.printing and bool(shell.guides.message), timeout=30)
        assert not shell.guides.printed
        assert text_of(shell, "pageMessage").startswith("Chưa in được hướng dẫn: ")
        assert find(shell, "guidePrintButton").property("enabled")
    finally:
        shell.close()
        services.close()
