"""The kiosk's receipt step on an ESC/POS printer (emupos) that is out of paper when the dossier
is sent: what the citizen reads, what the buttons offer, and what comes out, once."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from test_printer_emupos import assert_nothing_printed, pixels, printed  # noqa: E402
from test_ui_visit import fill_and_send, make_shell  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from config.settings import load_settings  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.receipt import REPRINT_MARK, Cut, Size, Title  # noqa: E402
from hardware.raster import render  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.services import build_services  # noqa: E402

PAPER_OUT = "Máy in hết giấy. Vui lòng báo cán bộ hướng dẫn."


def test_paper_out_at_the_receipt_step(qtbot, printers, tmp_path: Path, monkeypatch, qapp) -> None:  # noqa: ANN001
    config = tmp_path / "office.toml"
    config.write_text(
        f'[printer]\nuri = "{printers.uri("p80")}"\nprofile = "pos-80"\npoll_seconds = 1\n'
        "status_timeout_seconds = 1\njob_timeout_seconds = 5\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
    services = build_services(load_settings(config))
    printers.set_fault("p80", "paper-out")
    before = printers.receipt_ids("p80")
    shell = make_shell(services, Mode.KIOSK)
    try:
        vm = shell.visit
        tap(qtbot, shell, "startButton")
        wait_until(lambda: vm.page == "identify")
        tap(qtbot, shell, "demoIdentityButton")
        wait_until(lambda: vm.page == "procedure")
        fill_and_send(qtbot, shell)
        while vm.page != "receipt":
            tap(qtbot, shell, "primaryButton")  # the fee page, where there is one
            wait_until(lambda: vm.page in ("fee", "receipt"))

        # Refused before a byte was sent: the citizen is told, and nothing is offered yet.
        assert vm.printState == "refused"
        assert wait_for(qtbot, shell, "pageMessage").property("text") == PAPER_OUT
        button = wait_for(qtbot, shell, "reprintButton")
        assert button.property("text") == "In phiếu hẹn" and not button.property("enabled")
        assert_nothing_printed(printers, "p80", before)

        # A new roll: the poll finds the printer ready, the stale sentence goes, the button works.
        printers.set_fault("p80", "paper-out", active=False)
        wait_until(lambda: button.property("enabled"), timeout=15)
        assert find(shell, "pageMessage") is None
        tap(qtbot, shell, "reprintButton")
        wait_until(lambda: vm.printState == "printed", timeout=30)
        first, paper = printed(printers, "p80", before)
        slip = [block for block in vm._receipt_slip if not isinstance(block, Cut)]
        # Nothing had come out, so this is the slip itself, not marked as a reprint.
        assert np.array_equal(pixels(paper), pixels(render(slip, 576)))
        assert printers.receipt_ids("p80") == before | {first["id"]}

        # Asked again: a second copy, and it says so.
        assert button.property("text") == "In lại phiếu hẹn"
        tap(qtbot, shell, "reprintButton")
        wait_until(lambda: vm.printState == "printed", timeout=30)
        wait_until(lambda: len(printers.receipt_ids("p80") - before) == 2, timeout=20)
        (second,) = printers.receipt_ids("p80") - before - {first["id"]}
        copy = printers.image("p80", second)
        assert copy.height > paper.height  # "BẢN IN LẠI" and its time, top and bottom
        mark = render([Title(REPRINT_MARK, Size.LARGE)], 576)
        assert np.array_equal(pixels(copy)[: mark.height], pixels(mark))
    finally:
        shell.close()
        services.close()
