"""A kiosk process that walks a visit with the demo citizen and is killed (SIGKILL) at a chosen point.

Run by tests/test_restart.py as `python crash_child.py POINT`, with DVC_KIOSK_DATA_DIR and
DVC_KIOSK_CONFIG set by the test. Points:
- abandon: the visit reaches the check-answers page, then the process dies before submitting;
- queued: the portal is unreachable, the dossier is queued, then the process dies;
- after-send: the portal has stored the dossier, then the process dies before recording it.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from config.settings import load_settings  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.training import example_answers  # noqa: E402
from ui.services import build_services  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.staging import capture_all, wait_until  # noqa: E402


def die() -> None:
    sys.stdout.write("dying\n")
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def main(point: str) -> None:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - must exist for the shell
    services = build_services(load_settings())
    if point == "after-send":
        real_submit = services.portal.submit

        def submit_then_die(dossier):  # type: ignore[no-untyped-def]
            reply = real_submit(dossier)
            assert getattr(reply, "dossier_code", None), reply
            die()

        services.portal.submit = submit_then_die  # type: ignore[method-assign]
    shell = Shell(services, Mode.KIOSK)
    vm = shell.visit
    vm.start()
    vm.useDemo()
    vm.chooseProcedure("1.001193")
    visit = vm.visit
    for key, value in example_answers(visit.procedure.form, visit.form_values, date.today()).items():
        vm.setField(key, "Trần Bé Mới Sinh" if value == "Nguyễn Văn Mẫu" else value)
    vm.submitForm()
    capture_all(shell)
    vm.confirmCheck()
    assert vm.page == "consent", vm.page
    if point == "abandon":
        die()
    vm.setConsent("transmit", True)
    vm.submit()
    wait_until(lambda: vm.page in ("receipt", "fee") and not vm.busy, timeout=60)
    assert not vm.delivered
    die()


if __name__ == "__main__":
    main(sys.argv[1])
