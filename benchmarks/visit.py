"""Figures for one visit on the embedded defaults: search, page capture, PDF packing, submission.

Run on demand: `.venv/bin/python benchmarks/visit.py`. Prints medians over repeated runs and the
peak resident memory; nothing here is asserted (machines are shared and noisy).
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config.settings import load_settings  # noqa: E402
from egov.catalog import load_catalog  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.training import example_answers  # noqa: E402
from egov.visit import Consent, Visit  # noqa: E402
from hardware.scanner.camera import SampleCamera  # noqa: E402
from hardware.scanner.finder import find_page  # noqa: E402
from hardware.scanner.flatten import scan_page  # noqa: E402
from hardware.scanner.pack import Budget, encode_page, pack_document  # noqa: E402
from ui.services import build_services  # noqa: E402


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    os.environ["DVC_KIOSK_DATA_DIR"] = tempfile.mkdtemp(prefix="dvc-bench-")
    catalog = load_catalog()
    queries = [
        "đăng ký khai sinh",
        "dang ky khai sinh",
        "khai si",
        "tam tru",
        "chứng thực",
        "1.001193",
        "zzzz",
    ]
    per_query = timed(lambda: [catalog.search(q) for q in queries], 200) / len(queries)
    print(f"catalogue search: {per_query * 1e6:8.1f} µs per query ({len(catalog)} procedures)")

    camera = SampleCamera(gap_seconds=0)
    camera.open()
    budget = Budget()

    def page_from_still():  # noqa: ANN202 - a hardware.scanner.pack.Page
        still = camera.capture_still()
        found = find_page(still)
        assert found is not None, "no page in the sample photo"
        return encode_page(scan_page(still, found.quad).image, dpi=200, quality=75, budget=budget)

    capture = timed(page_from_still, 10)
    print(f"page found, flattened, cleaned and encoded from a 1600x1200 still: {capture * 1e3:8.1f} ms")
    pages = [page_from_still() for _ in range(2)]

    def pack_pdf(chosen: list) -> bytes:
        return pack_document(chosen, budget)

    pack = timed(lambda: pack_pdf(pages), 50)
    print(f"two pages packed as PDF: {pack * 1e3:8.1f} ms, {len(pack_pdf(pages)) / 1024:.0f} KiB")

    services = build_services(load_settings())
    outbox = services.outbox("bench")

    def one_visit() -> None:
        visit = Visit(mode=Mode.KIOSK, catalog=services.catalog, office_code="H01.99")
        visit.start()
        visit.use_demo_identity()
        visit.choose_procedure("1.001193")
        for key, value in example_answers(visit.procedure.form, visit.form_values, date.today()).items():
            visit.set_field(key, value)
        visit.submit_form()
        for doc in visit.procedure.documents:
            if doc.required:
                visit.add_page(doc.code, pages[0])
        visit.documents_done()
        visit.confirm_check()
        visit.set_consent(Consent.TRANSMIT, True)
        visit.confirm_consent()
        outbox.submit(visit.build_dossier(pack_pdf), visit.procedure.name)
        visit.wipe()

    submit = timed(one_visit, 30)
    print(f"visit from identity to accepted dossier (store + HTTP): {submit * 1e3:8.1f} ms")
    services.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
