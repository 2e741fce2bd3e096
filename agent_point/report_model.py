"""The agent's end-of-day report on the screen (ui/qml/pages/AgentReport.qml), saved as CSV or PDF.

Today's report of the signed-in account, and for a supervisor the whole office's: the office's
report holds every account's takings, so asking for it is checked here (`Action.OFFICE_REPORT`,
refused and audited through ui.permission_check, whatever the page shows). The report is built on
the network worker (egov.reports, store reads only) and shown as key figures, two bar charts the
page draws (dossiers by state, money by kind) and the report's tables; "Lưu CSV" and "Lưu PDF" write
the report on screen to the folder "reports" of the data directory, off the GUI thread. The slip is
printed by the session (AgentSession.printDaySlip).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from egov.accounts import Account
from egov.fees import CHARGE_LABELS, ChargeKind
from egov.permissions import Action, allowed
from egov.receipt import format_money
from egov.reports import (
    AUDIT_MARK,
    STATES,
    WHOLE_OFFICE,
    DailyReport,
    cell_text,
    daily_report,
    format_percent,
    report_tables,
    to_csv,
)
from egov.text import QT_TRANSLATE_NOOP
from egov.tracking import STATE_LABELS
from ui.jobs import Jobs
from ui.permission_check import permitted, refusal_text
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

REPORTS_FOLDER = "reports"  # in the data directory
SCOPES = ("agent", "office")
LOAD_FAILED = QT_TRANSLATE_NOOP("Report", "Không lập được báo cáo. Hãy thử lại.")
SAVED = QT_TRANSLATE_NOOP("Report", "Đã lưu báo cáo vào %1")
SAVE_FAILED = QT_TRANSLATE_NOOP("Report", "Không lưu được báo cáo. Hãy kiểm tra ổ đĩa rồi thử lại.")


class ReportModel(QObject):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        jobs: Jobs,
        account: Callable[[], Account | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._account = account
        self._scope = "agent"
        self._report: DailyReport | None = None
        self._busy = False
        self._message = ""
        self._message_good = False
        self._loaded = 0  # bumped by each load asked for: an older answer is dropped

    scope = Property(str, lambda self: self._scope, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    ready = Property(bool, lambda self: self._report is not None, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    messageGood = Property(bool, lambda self: self._message_good, notify=changed)

    def _may_see_office(self) -> bool:
        account = self._account()
        return account is not None and allowed(account.role, Action.OFFICE_REPORT)

    canOffice = Property(bool, _may_see_office, notify=changed)

    def _subtitle(self) -> str:
        report = self._report
        if report is None:
            return ""
        who = report.agent if report.agent is not None else tr("Report", WHOLE_OFFICE)
        return f"{report.day:%d/%m/%Y} — {report.office_code} — {who}"

    subtitle = Property(str, _subtitle, notify=changed)

    def _figures(self) -> list[dict[str, str]]:
        report = self._report
        if report is None:
            return []
        average = report.ratings.average
        rows = [
            ("dossiers", QT_TRANSLATE_NOOP("Report", "Tổng số hồ sơ"), str(report.dossiers)),
            ("stateFees", QT_TRANSLATE_NOOP("Report", "Lệ phí"), format_money(report.state_fees)),
            (
                "serviceCharges",
                QT_TRANSLATE_NOOP("Report", "Phí dịch vụ"),
                format_money(report.service_charges),
            ),
            ("cash", QT_TRANSLATE_NOOP("Report", "Tiền mặt phải nộp"), format_money(report.cash)),
            ("late", QT_TRANSLATE_NOOP("Report", "Hồ sơ quá hạn"), str(len(report.late))),
            (
                "online",
                QT_TRANSLATE_NOOP("Report", "Tỷ lệ hồ sơ trực tuyến"),
                format_percent(report.online_share),
            ),
            (
                "rating",
                QT_TRANSLATE_NOOP("Report", "Đánh giá trung bình"),
                "—" if average is None else f"{average:.1f}".replace(".", ",") + f" ({report.ratings.count})",
            ),
            ("auditMark", AUDIT_MARK, report.audit_mark or "—"),
        ]
        return [{"key": key, "label": tr("Report", label), "value": value} for key, label, value in rows]

    figures = Property("QVariantList", _figures, notify=changed)

    def _state_bars(self) -> list[dict[str, Any]]:
        report = self._report
        if report is None:
            return []
        largest = max(report.by_state.values(), default=0) or 1
        return [
            {
                "key": state.value,
                "label": tr("Tracking", STATE_LABELS[state]),
                "text": str(report.by_state[state]),
                "fraction": report.by_state[state] / largest,
            }
            for state in STATES
        ]

    stateBars = Property("QVariantList", _state_bars, notify=changed)

    def _fee_bars(self) -> list[dict[str, Any]]:
        report = self._report
        if report is None:
            return []
        amounts = {ChargeKind.STATE_FEE: report.state_fees, ChargeKind.SERVICE_CHARGE: report.service_charges}
        largest = max(amounts.values()) or 1
        return [
            {
                "key": kind.value,
                "label": tr("Money", CHARGE_LABELS[kind]),
                "text": format_money(amount),
                "fraction": amount / largest,
            }
            for kind, amount in amounts.items()
        ]

    feeBars = Property("QVariantList", _fee_bars, notify=changed)

    def _tables(self) -> list[dict[str, Any]]:
        if self._report is None:
            return []
        return [
            {
                "key": table.key,
                "title": tr("Report", table.title),
                "headers": [tr("Report", h) for h in table.headers],
                "rows": [
                    [tr("Report", c) if isinstance(c, str) else cell_text(c) for c in row]
                    for row in table.rows
                ],
                "note": tr("Report", table.note) if table.note else "",
            }
            # The summary's lines are the figures above.
            for table in report_tables(self._report)
            if table.key != "summary"
        ]

    tables = Property("QVariantList", _tables, notify=changed)

    def _say(self, text: str, good: bool = False) -> None:
        self._message, self._message_good = text, good
        self.changed.emit()

    @Slot(str)
    def show(self, scope: str) -> None:
        """Load today's report: "agent" (the signed-in account's) or "office" (a supervisor's)."""
        if scope not in SCOPES:
            raise ValueError(f"not a report scope: {scope}")
        account = self._account()
        if account is None:
            return
        if scope == "office" and not permitted(
            account, Action.OFFICE_REPORT, self._services.store, self._jobs, "report:office"
        ):
            self._say(refusal_text())
            return
        self._scope = scope
        self._report = None
        self._message = ""
        self._loaded += 1
        ticket = self._loaded
        self._busy = True
        self.changed.emit()
        store, office = self._services.store, self._services.settings.office.code
        agent = account.username if scope == "agent" else None
        today = date.today()

        def done(report: DailyReport) -> None:
            if ticket != self._loaded:
                return
            self._busy = False
            self._report = report
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if ticket != self._loaded:
                return
            log.error("report not made: %s", exc.__class__.__name__)
            self._busy = False
            self._say(tr("Report", LOAD_FAILED))

        self._jobs.run("network", lambda: daily_report(store, today, office, agent=agent), done, failed)

    @Slot()
    def saveCsv(self) -> None:
        self._save("csv")

    @Slot()
    def savePdf(self) -> None:
        self._save("pdf")

    def _save(self, kind: str) -> None:
        report = self._report
        if report is None or self._busy:
            return
        folder = self._services.settings.data_dir / REPORTS_FOLDER
        who = report.agent or "toan-diem"
        path = (
            folder
            / f"bao-cao-{report.office_code}-{report.day.isoformat()}-{who}-{datetime.now():%H%M%S}.{kind}"
        )
        if kind == "pdf":
            from ui.report_pdf import report_font_family, write_pdf

            report_font_family()  # the font is registered on the GUI thread, once

        def work() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            if kind == "csv":
                path.write_bytes(to_csv(report))
                return path
            return write_pdf(report, path)

        def done(written: Path) -> None:
            self._busy = False
            self._say(tr("Report", SAVED).replace("%1", str(written)), good=True)

        def failed(exc: BaseException) -> None:
            log.error("report not saved: %s", exc.__class__.__name__)
            self._busy = False
            self._say(tr("Report", SAVE_FAILED))

        self._busy = True
        self.changed.emit()
        self._jobs.run("network", work, done, failed)

    def clear(self) -> None:
        """Signed out: nothing of the report stays."""
        self._loaded += 1
        self._report = None
        self._busy = False
        self._message = ""
        self._scope = "agent"
        self.changed.emit()
