"""The end-of-day report as an A4 PDF, drawn with Qt's QPdfWriter: Vietnamese text and simple bars.

The text is set in DejaVu Sans, the font the receipts use (hardware.raster.find_font; setup.sh
installs fonts-dejavu-core), loaded from its file so that no fallback font without Vietnamese
letters can be picked; Qt embeds the subset it used, with its Unicode map, so the PDF reads and
searches the same on a machine without the font. The pages carry the report's tables
(egov.reports.report_tables) after two bar charts (dossiers by state, money by kind), the heading
with the audit trail's head ("Mã kiểm tra nhật ký") and, at the foot of each page, its number.

Needs a QGuiApplication (fonts); the command line makes an offscreen one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from egov.fees import CHARGE_LABELS, ChargeKind
from egov.receipt import format_money
from egov.reports import (
    AUDIT_MARK,
    REPORT_TITLE,
    STATES,
    DailyReport,
    Table,
    cell_text,
    format_percent,
    report_tables,
    scope_text,
)
from egov.tracking import STATE_LABELS
from hardware.raster import find_font

RESOLUTION = 300  # dots per inch of the PDF's coordinate space
_INK = QColor("#111111")
_BAR = QColor("#0B3D91")
_RULE = QColor("#8A8A8A")
_HEAD = QColor("#D9DEE6")
_family: str | None = None


class PdfError(RuntimeError):
    """The PDF could not be written (the folder is not writable, the disk is full)."""


def report_font_family() -> str:
    """DejaVu Sans, registered from its file once per process."""
    global _family
    if _family is None:
        families: list[str] = []
        for bold in (False, True):
            font_id = QFontDatabase.addApplicationFont(str(find_font(bold)))
            if font_id < 0:
                raise PdfError(f"font not loadable: {find_font(bold)}")
            families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0]
    return _family


def _mm(millimetres: float) -> float:
    return millimetres * RESOLUTION / 25.4


class _Pages:
    """A cursor down the page that starts a new page when the next thing would not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, family: str) -> None:
        self.writer, self.painter, self.family = writer, painter, family
        self.width = float(writer.width())
        self.height = float(writer.height()) - _mm(8)  # room for the page number
        self.y = 0.0
        self.page = 1

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        # Measured on the PDF itself: the screen's resolution would give a third of the size.
        return QFontMetricsF(font, self.writer)

    def need(self, height: float) -> None:
        if self.y + height > self.height and self.y > 0:
            self._foot()
            self.writer.newPage()
            self.page += 1
            self.y = 0.0

    def _foot(self) -> None:
        self.painter.setFont(self.font(8))
        self.painter.setPen(_INK)
        rect = QRectF(0, self.height + _mm(2), self.width, _mm(6))
        self.painter.drawText(rect, Qt.AlignmentFlag.AlignRight, f"Trang {self.page}")

    def finish(self) -> None:
        self._foot()

    def text(
        self, text: str, points: float, *, bold: bool = False, centre: bool = False, gap: float = 1.5
    ) -> None:
        font = self.font(points, bold)
        flags = Qt.TextFlag.TextWordWrap | (
            Qt.AlignmentFlag.AlignHCenter if centre else Qt.AlignmentFlag.AlignLeft
        )
        bounds = self.metrics(font).boundingRect(QRectF(0, 0, self.width, 1e6), int(flags), text)
        self.need(bounds.height())
        self.painter.setFont(font)
        self.painter.setPen(_INK)
        self.painter.drawText(QRectF(0, self.y, self.width, bounds.height()), int(flags), text)
        self.y += bounds.height() + _mm(gap)

    def bars(self, title: str, items: Sequence[tuple[str, int, str]]) -> None:
        """A horizontal bar per item (label, value, value as written), scaled to the largest."""
        font = self.font(9)
        metrics = self.metrics(font)
        row = metrics.height() * 1.6
        self.need(metrics.height() * 2 + row * len(items))
        self.text(title, 11, bold=True, gap=1)
        label_width = max(metrics.horizontalAdvance(label) for label, _, _ in items) + _mm(3)
        value_width = max(metrics.horizontalAdvance(written) for _, _, written in items) + _mm(3)
        room = self.width - label_width - value_width
        largest = max((value for _, value, _ in items), default=0) or 1
        self.painter.setFont(font)
        for label, value, written in items:
            self.painter.setPen(_INK)
            self.painter.drawText(
                QRectF(0, self.y, label_width, row), int(Qt.AlignmentFlag.AlignVCenter), label
            )
            length = room * value / largest
            self.painter.fillRect(QRectF(label_width, self.y + row * 0.2, length, row * 0.6), _BAR)
            self.painter.drawText(
                QRectF(label_width + length + _mm(2), self.y, value_width, row),
                int(Qt.AlignmentFlag.AlignVCenter),
                written,
            )
            self.y += row
        self.y += _mm(4)

    def table(self, table: Table) -> None:
        font, head_font = self.font(8.5), self.font(8.5, bold=True)
        metrics, head_metrics = self.metrics(font), self.metrics(head_font)
        pad = _mm(1.2)
        texts = [[cell_text(cell) for cell in row] for row in table.rows]
        numeric = [
            bool(table.rows) and all(isinstance(row[i], int) or row[i] in ("", "—") for row in table.rows)
            for i in range(len(table.headers))
        ]
        widths = self._widths(table.headers, texts, numeric, metrics, head_metrics, pad)
        self.need(head_metrics.height() * 4)
        self.text(table.title, 11, bold=True, gap=1)

        def line(cells: Sequence[str], bold: bool) -> None:
            use = head_font if bold else font
            use_metrics = head_metrics if bold else metrics
            heights = [
                use_metrics.boundingRect(
                    QRectF(0, 0, w - 2 * pad, 1e6), int(Qt.TextFlag.TextWordWrap), text
                ).height()
                for text, w in zip(cells, widths, strict=True)
            ]
            height = max(heights, default=use_metrics.height()) + 2 * pad
            if self.y + height > self.height:
                self.need(height)
                if not bold:
                    line(table.headers, True)  # the header again at the top of the new page
            x = 0.0
            if bold:
                self.painter.fillRect(QRectF(0, self.y, sum(widths), height), _HEAD)
            self.painter.setFont(use)
            for i, (text, w) in enumerate(zip(cells, widths, strict=True)):
                align = Qt.AlignmentFlag.AlignRight if numeric[i] else Qt.AlignmentFlag.AlignLeft
                self.painter.setPen(_INK)
                self.painter.drawText(
                    QRectF(x + pad, self.y + pad, w - 2 * pad, height - 2 * pad),
                    int(Qt.TextFlag.TextWordWrap | align | Qt.AlignmentFlag.AlignTop),
                    text,
                )
                x += w
            self.painter.setPen(_RULE)
            self.painter.drawLine(0, int(self.y + height), int(sum(widths)), int(self.y + height))
            self.y += height

        line(table.headers, True)
        for cells in texts:
            line(cells, False)
        if not texts:
            self.y += _mm(1)
            self.text("Không có.", 8.5)
        if table.note:
            self.y += _mm(1)
            self.text(table.note, 8)
        self.y += _mm(4)

    def _widths(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        numeric: Sequence[bool],
        metrics: QFontMetricsF,
        head_metrics: QFontMetricsF,
        pad: float,
    ) -> list[float]:
        # Each column as wide as its widest cell, its header allowed to wrap at spaces; when they do
        # not fit, the widest columns give up room and their text wraps.
        natural = []
        for i, header in enumerate(headers):
            words = max(head_metrics.horizontalAdvance(word) for word in header.split() or [""])
            cells = max((metrics.horizontalAdvance(row[i]) for row in rows), default=0.0)
            natural.append(max(words, cells, min(head_metrics.horizontalAdvance(header), _mm(30))) + 2 * pad)
        widths = list(natural)
        while sum(widths) > self.width:
            widest = max(range(len(widths)), key=lambda i: widths[i])
            widths[widest] -= min(sum(widths) - self.width, widths[widest] * 0.1)
        text_columns = [i for i, is_number in enumerate(numeric) if not is_number]
        if sum(widths) < self.width and len(headers) > 2 and text_columns:
            # A wide table fills the page, its text columns taking the room; a two-column one stays compact.
            extra = (self.width - sum(widths)) / len(text_columns)
            widths = [w + extra if i in text_columns else w for i, w in enumerate(widths)]
        return widths


def write_pdf(report: DailyReport, path: Path | str) -> Path:
    """Write `report` to `path` as an A4 PDF; PdfError when it cannot be written."""
    out = Path(path)
    family = report_font_family()
    writer = QPdfWriter(str(out))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{REPORT_TITLE} {report.office_code} {report.day.isoformat()}")
    writer.setCreator("dvc-kiosk")
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError(f"cannot write {out}")
    try:
        pages = _Pages(writer, painter, family)
        pages.text(REPORT_TITLE, 16, bold=True, centre=True, gap=1)
        pages.text(
            f"Điểm tiếp nhận {report.office_code} — Ngày {report.day:%d/%m/%Y} — {scope_text(report)}",
            10,
            centre=True,
            gap=1,
        )
        pages.text(f"{AUDIT_MARK}: {report.audit_mark or '—'}", 10, bold=True, centre=True, gap=4)
        pages.text(
            f"Tổng số hồ sơ: {report.dossiers}    Hồ sơ quá hạn: {len(report.late)}    "
            f"Tỷ lệ hồ sơ trực tuyến: {format_percent(report.online_share)}",
            10,
            gap=1,
        )
        pages.text(
            f"Lệ phí: {format_money(report.state_fees)}    "
            f"Phí dịch vụ: {format_money(report.service_charges)}    "
            f"Tiền mặt phải nộp: {format_money(report.cash)}",
            10,
            bold=True,
            gap=4,
        )
        pages.bars(
            "Hồ sơ theo trạng thái",
            [(STATE_LABELS[s], report.by_state[s], str(report.by_state[s])) for s in STATES],
        )
        pages.bars(
            "Phí, lệ phí theo loại",
            [
                (CHARGE_LABELS[ChargeKind.STATE_FEE], report.state_fees, format_money(report.state_fees)),
                (
                    CHARGE_LABELS[ChargeKind.SERVICE_CHARGE],
                    report.service_charges,
                    format_money(report.service_charges),
                ),
            ],
        )
        for table in report_tables(report):
            pages.table(table)
        pages.finish()
    finally:
        painter.end()
    if not out.is_file() or out.stat().st_size == 0:
        raise PdfError(f"cannot write {out}")
    return out
