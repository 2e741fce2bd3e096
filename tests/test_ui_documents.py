"""The documents step through the real QML pages, offscreen, with a video file as the camera:
the acceptance test of "lay a paper under the camera, the screen outlines it, takes it by itself
when it lies still, and the dossier carries it as an A4 PDF page".

The kiosk run lays two papers one after the other (auto-captured), reorders them, takes two more
with "Chụp ngay" and deletes one, then submits and reads the PDFs back from the training portal.
The agent run drags a corner in the corner editor and checks the page was flattened with it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from scanclips import desk, paper, still, write_clip  # noqa: E402
from test_ui_visit import (  # noqa: E402
    AGENT_PASSWORD,
    AGENT_USER,
    BIRTH,
    add_agent,
    admin_dossiers,
    attachment_bytes,
    make_shell,
)
from uidriver import drag, find, tap, wait_for  # noqa: E402

from agent_point.session_model import AgentSession  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.training import example_answers  # noqa: E402
from hardware.scanner.pack import pdf_page_count, pdf_page_sizes_mm  # noqa: E402
from ui.events import wait_until  # noqa: E402

FRAME = (1600, 1200)  # the clips' frame size: the stills' size


@pytest.fixture
def camera_services(tmp_path, monkeypatch, qapp):
    """Build the services with `[camera] source` set to a clip, as an office's config file would."""
    from config.settings import load_settings
    from ui.services import build_services

    built = []

    def build(clip: Path):
        config = tmp_path / "office.toml"
        config.write_text(f'[camera]\nsource = "{clip}"\n', encoding="utf-8")
        monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setenv("DVC_KIOSK_CONFIG", str(config))
        built.append(build_services(load_settings()))
        return built[-1]

    yield build
    for services in built:
        services.close()


def to_documents(shell) -> list[str]:
    """From a new visit to the documents step through the view model (the pages before it are the
    subject of test_ui_visit); the codes of the required documents."""
    vm = shell.visit
    vm.useDemo()
    vm.chooseProcedure(BIRTH)
    if vm.mode == "agent":
        vm.setDelegation(False, {})
    visit = vm.visit
    for key, value in example_answers(visit.procedure.form, visit.form_values, date.today()).items():
        vm.setField(key, value)
    vm.submitForm()
    required = [d.code for d in visit.documents() if d.required]
    if vm.mode == "agent":
        # The paper check at the desk comes first (test_ui_desk).
        for code in required:
            vm.tickDocument(code, True)
        vm.checklistDone()
    wait_until(lambda: vm.page == "documents")
    return required


def test_papers_laid_at_the_kiosk_become_a4_pdf_pages(qtbot, camera_services, tmp_path) -> None:
    # An empty desk, paper A laid and left, lifted, paper B laid and left (it stays at the end).
    # The clip plays in real time: the desk between the papers lasts long enough (2 s, as a hand
    # swapping papers does) to be seen on a loaded machine, where a capture and its review page
    # can take a second before the scanner looks again.
    clip = write_clip(
        tmp_path / "two-papers.avi",
        [(1.0, desk()), (1.6, still(paper(0))), (2.0, desk()), (1.5, still(paper(1)))],
    )
    services = camera_services(clip)
    shell = make_shell(services, Mode.KIOSK)
    vm, scan = shell.visit, shell.visit.scan
    vm.start()
    form, certificate = to_documents(shell)
    pages = vm.visit.pages

    tap(qtbot, shell, f"capture_{form}")
    wait_until(lambda: scan.state == "camera")
    # The empty desk first: the sentence says to lay a paper; then the paper, outlined.
    wait_until(lambda: "Chưa thấy giấy" in find(shell, "liveMessage").property("text"), timeout=10)
    wait_until(lambda: len(scan.outline) == 8, timeout=10)
    wait_until(lambda: len(pages.get(form, [])) == 1, timeout=15)
    assert scan.state == "review"  # taken by itself, and shown at once
    wait_for(qtbot, shell, "pageImage_0")

    # The next paper: the first still lies there, so nothing is taken until it is swapped.
    tap(qtbot, shell, "addPageButton")
    wait_until(lambda: len(pages.get(form, [])) == 2, timeout=15)
    first, second = pages[form]
    tap(qtbot, shell, "movePageRight_0")
    wait_until(lambda: pages[form] == [second, first])
    tap(qtbot, shell, "documentDoneButton")
    wait_until(lambda: scan.state == "list")

    # Paper B stays on the bed: auto-capture waits for a new paper, "Chụp ngay" takes it anyway.
    tap(qtbot, shell, f"capture_{certificate}")
    wait_until(lambda: "lấy tờ giấy ra" in scan.liveMessage, timeout=10)
    tap(qtbot, shell, "captureNowButton")
    wait_until(lambda: len(pages.get(certificate, [])) == 1, timeout=15)
    tap(qtbot, shell, "addPageButton")
    tap(qtbot, shell, "captureNowButton")
    wait_until(lambda: len(pages.get(certificate, [])) == 2, timeout=15)
    kept = pages[certificate][1]
    tap(qtbot, shell, "deletePage_0")
    wait_until(lambda: pages[certificate] == [kept])
    tap(qtbot, shell, "documentDoneButton")

    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "check")
    tap(qtbot, shell, "primaryButton")
    wait_until(lambda: vm.page == "consent")
    tap(qtbot, shell, "consent_transmit_yes")
    tap(qtbot, shell, "submitButton")
    wait_until(lambda: vm.page == "receipt", timeout=30)

    record = admin_dossiers(services)[0]
    attachments = {a["document_code"]: i for i, a in enumerate(record["attachments"])}
    assert set(attachments) == {form, certificate}
    code = record["dossier_code"]
    form_pdf = attachment_bytes(services, code, attachments[form])
    certificate_pdf = attachment_bytes(services, code, attachments[certificate])
    assert pdf_page_count(form_pdf) == 2 and pdf_page_count(certificate_pdf) == 1
    for width, height in pdf_page_sizes_mm(form_pdf) + pdf_page_sizes_mm(certificate_pdf):
        assert abs(width - 210) <= 1 and abs(height - 297) <= 1
    # The pages' own JPEG bytes are in the PDF, in the order the citizen set: B, then A.
    assert 0 < form_pdf.find(second.data) < form_pdf.find(first.data)
    assert kept.data in certificate_pdf
    shell.close()


def test_the_agent_drags_a_corner_and_the_page_is_flattened_with_it(qtbot, camera_services, tmp_path) -> None:
    clip = write_clip(tmp_path / "one-paper.avi", [(0.6, desk()), (1.0, still(paper(2)))])
    services = camera_services(clip)
    add_agent(services)
    shell = make_shell(services, Mode.AGENT)
    vm, scan, agent = shell.visit, shell.visit.scan, shell.agent
    assert isinstance(agent, AgentSession)
    agent.signIn(AGENT_USER, AGENT_PASSWORD)
    wait_until(lambda: agent.page == "home")
    agent.newCase()
    wait_until(lambda: vm.page == "identify")
    form = to_documents(shell)[0]

    tap(qtbot, shell, f"capture_{form}")
    wait_until(lambda: scan.state == "corners", timeout=15)
    found = np.array(scan.editCorners).reshape(4, 2) * FRAME
    handle = wait_for(qtbot, shell, "corner_0")
    picture = find(shell, "cornerPicture")
    wait_until(lambda: picture.property("paintedWidth") > 0)
    screen_to_still = FRAME[0] / picture.property("paintedWidth")
    before = np.array([handle.property("x"), handle.property("y")])
    # The agent pulls the top-left corner about 40 px right and 30 px down on the screen.
    drag(qtbot, shell, "corner_0", 40, 30)
    moved = np.array([handle.property("x"), handle.property("y")]) - before
    assert moved[0] > 25 and moved[1] > 15
    tap(qtbot, shell, "acceptCornersButton")
    wait_until(lambda: scan.state == "review", timeout=15)
    assert len(vm.visit.pages[form]) == 1
    used = scan.kept_quad
    assert np.allclose(used[0], found[0] + moved * screen_to_still, atol=1)
    assert np.allclose(used[1:], found[1:], atol=1)
    shell.close()


def test_the_dossier_is_packed_within_the_configured_budget(tmp_path, monkeypatch) -> None:
    from config.settings import load_settings
    from hardware.scanner.pack import Budget, BudgetError, encode_page
    from ui.scan_model import dossier_packer, scan_options

    config = tmp_path / "office.toml"
    config.write_text(
        "[scanner]\npage_max_kb = 40\ndocument_max_kb = 50\ndossier_max_kb = 60\n"
        'stable_ms = 800\ncolour = "grey"\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    options = scan_options(settings)
    assert options.hold_seconds == 0.8 and options.colour == "grey"
    noise = np.random.default_rng(1).integers(0, 255, (300, 200), np.uint8)
    page = encode_page(noise, dpi=200, quality=75, budget=Budget())
    pack = dossier_packer(settings)
    first = pack([page])
    assert pdf_page_count(first) == 1 and len(first) < 60_000
    with pytest.raises(BudgetError):
        pack([page])  # the second document takes the dossier over 60 kB


def test_the_card_qr_scan_and_the_documents_step_share_the_camera(
    qtbot, camera_services, tmp_path, monkeypatch
) -> None:
    from ui.visit_model import VisitModel

    monkeypatch.setattr(VisitModel, "QR_SCAN_SECONDS", 1.0)
    monkeypatch.setattr(VisitModel, "QR_SCAN_TRIES", 2)
    monkeypatch.setattr(VisitModel, "QR_SCAN_PAUSE", 0.05)
    clip = write_clip(tmp_path / "paper.avi", [(0.6, desk()), (1.5, still(paper(0)))])
    services = camera_services(clip)
    device = services.camera.inner
    opens: list[int] = []
    real_open = device.open
    monkeypatch.setattr(device, "open", lambda *a, **k: (real_open(*a, **k), opens.append(1))[0])
    shell = make_shell(services, Mode.KIOSK)
    vm = shell.visit
    vm.start()
    vm.scanCardQr()  # no card under the camera: it looks, finds no QR, and keeps the camera
    wait_until(lambda: not vm.busy, timeout=30)
    form, _ = to_documents(shell)
    tap(qtbot, shell, f"capture_{form}")
    wait_until(lambda: len(vm.visit.pages.get(form, [])) == 1, timeout=15)
    # The live scanner used the camera the QR scan had opened: opened once, and still open.
    assert len(opens) == 1 and device.is_open and services.camera.users == 2
    vm.finish()
    # Both let go at the end of the visit, and the device was released.
    wait_until(lambda: services.camera.users == 0 and not device.is_open, timeout=15)
    assert len(opens) == 1
    shell.close()
