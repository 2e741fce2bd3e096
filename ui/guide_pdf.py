"""The procedures' guides as an A4 PDF for the office wall, one procedure to a page, pictures drawn.

Drawn with QPdfWriter in DejaVu Sans, embedded as ui.report_pdf embeds it (the font the receipts
use, registered from its file, so Vietnamese never falls back to a font without its letters). The
drawings go in as vectors straight from their SVG files (QSvgRenderer paints onto the PDF), so a
printed A4 sheet is as sharp as the screen.

A page: the office, "HƯỚNG DẪN THỦ TỤC" and the procedure's name across the top; on the left the
papers to bring (picture, name, how many, whether always needed, the catalogue's note), on the
right the steps at the kiosk, numbered, each with its picture, and what happens after under the
shorter of the two; at the foot
the catalogue's version, that the drawings are illustrations, and the page number. A column that
does not fit goes on over the next page, the other column's side of it left blank.

Needs a QGuiApplication (fonts); the command line makes an offscreen one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from egov.guides import DRAWN_NOTE, GUIDE_TITLE, Guide, GuideItem, picture_path
from egov.receipt import clean, format_date, format_datetime
from ui.none_refs import keep_none
from ui.report_pdf import RESOLUTION, PdfError, report_font_family

_INK = QColor("#111111")
_BAND = QColor("#8E0B0B")  # the kiosk's header colour; white on it is 9.6:1
_RULE = QColor("#8A8A8A")
_MARGIN_MM = 12
_GUTTER_MM = 7
_SCALES = (1.0, 0.95, 0.9, 0.85, 0.8)


def _mm(millimetres: float) -> float:
    return millimetres * RESOLUTION / 25.4


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    points: float
    bold: bool = False


@dataclass(frozen=True, slots=True)
class _Row:
    """One thing in a column: a heading (no picture) or a picture with its lines beside it."""

    lines: tuple[_Line, ...]
    picture: str = ""
    number: int = 0


class _Sheet:
    """Measures and paints rows on the writer's pages."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, family: str) -> None:
        self.writer, self.painter, self.family = writer, painter, family
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.column = (self.width - _mm(_GUTTER_MM)) / 2
        self.scale = 1.0
        self._renderers: dict[str, QSvgRenderer] = {}

    @property
    def picture_width(self) -> float:
        return _mm(30) * self.scale

    @property
    def picture_height(self) -> float:
        return self.picture_width * 0.75

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text_height(self, line: _Line, width: float) -> float:
        metrics = QFontMetricsF(self.font(line.points * self.scale, line.bold), self.writer)
        bounds = metrics.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), line.text)
        return bounds.height()

    def draw_text(self, line: _Line, x: float, y: float, width: float, centre: bool = False) -> float:
        height = self.text_height(line, width)
        flags = Qt.TextFlag.TextWordWrap | (
            Qt.AlignmentFlag.AlignHCenter if centre else Qt.AlignmentFlag.AlignLeft
        )
        self.painter.setFont(self.font(line.points * self.scale, line.bold))
        self.painter.setPen(_INK)
        self.painter.drawText(QRectF(x, y, width, height), int(flags), line.text)
        return height

    def _text_width(self, row: _Row) -> float:
        if not row.picture:
            return self.column
        return self.column - self.picture_width - _mm(3)

    def row_height(self, row: _Row) -> float:
        lines = sum(self.text_height(line, self._text_width(row)) + _mm(0.8) for line in row.lines)
        return max(lines, self.picture_height if row.picture else 0.0) + _mm(3)

    def draw_row(self, row: _Row, x: float, y: float) -> None:
        text_x = x
        if row.picture:
            frame = QRectF(x, y, self.picture_width, self.picture_height)
            self._renderer(row.picture).render(self.painter, frame)
            if row.number:
                # The step's number on the picture's corner, big: the order is what matters.
                badge = QRectF(x - _mm(2), y - _mm(2), _mm(8), _mm(8))
                self.painter.setBrush(_BAND)
                self.painter.setPen(Qt.PenStyle.NoPen)
                self.painter.drawEllipse(badge)
                self.painter.setFont(self.font(12, bold=True))
                self.painter.setPen(QColor("white"))
                self.painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(row.number))
                self.painter.setBrush(Qt.BrushStyle.NoBrush)
            text_x = x + self.picture_width + _mm(3)
        for line in row.lines:
            y += self.draw_text(line, text_x, y, self._text_width(row)) + _mm(0.8)

    def _renderer(self, picture: str) -> QSvgRenderer:
        if picture not in self._renderers:
            svg = QSvgRenderer(str(picture_path(picture)))
            if not svg.isValid():
                raise PdfError(f"guide picture {picture!r} is not a valid SVG")
            self._renderers[picture] = svg
        return self._renderers[picture]


def _item_row(item: GuideItem, number: int = 0) -> _Row:
    lines = [_Line(item.sentence.text(), 11, bold=True)]
    if item.detail is not None:
        lines.append(_Line(item.detail.text(), 9.5))
    return _Row(tuple(lines), item.picture, number)


def _arrangements(guide: Guide) -> list[tuple[list[_Row], list[_Row]]]:
    """The papers on the left, the steps on the right, and what happens after under either."""
    papers = [_Row((_Line("GIẤY TỜ CẦN MANG THEO", 13, bold=True),))]
    for number, document in enumerate(guide.documents, start=1):
        lines = [
            _Line(f"{number}. {clean(document.name)}", 11, bold=True),
            _Line(f"{document.counts.text()} · {document.need.text()}", 10.5),
        ]
        if clean(document.note):
            lines.append(_Line(clean(document.note), 9.5))
        papers.append(_Row(tuple(lines), document.picture))
    papers += [_Row((_Line(note.text(), 9.5),)) for note in guide.document_notes]
    steps = [_Row((_Line("CÁC BƯỚC TẠI MÁY", 13, bold=True),))]
    steps += [_item_row(step, number) for number, step in enumerate(guide.steps, start=1)]
    after = [_Row((_Line("SAU KHI NỘP HỒ SƠ", 13, bold=True),))]
    after += [_item_row(item) for item in guide.after]

    return [(papers + after, steps), (papers, steps + after)]


def _paginate(
    sheet: _Sheet, rows: Sequence[_Row], room: float, scale: float | None = None
) -> list[list[_Row]]:
    if scale is not None:
        sheet.scale = scale
    pages: list[list[_Row]] = [[]]
    used = 0.0
    for row in rows:
        height = sheet.row_height(row)
        if used + height > room and pages[-1]:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += height
    return pages


def _guide_pages(
    sheet: _Sheet,
    guide: Guide,
    office_name: str,
    footer: str,
    new_page: Callable[[], None],
    page_number: int,
) -> int:
    """Paint one guide from the top of the current page; returns the last page's number."""
    sheet.scale = 1.0  # the heading keeps its size whatever the last guide's columns needed
    width = sheet.width
    band = QRectF(0, 0, width, _mm(9))
    sheet.painter.fillRect(band, _BAND)
    sheet.painter.setFont(sheet.font(11, bold=True))
    sheet.painter.setPen(QColor("white"))
    sheet.painter.drawText(
        band.adjusted(_mm(3), 0, -_mm(3), 0), int(Qt.AlignmentFlag.AlignVCenter), office_name
    )
    y = band.height() + _mm(3)
    y += sheet.draw_text(_Line(GUIDE_TITLE, 14, bold=True), 0, y, width, centre=True)
    y += sheet.draw_text(_Line(clean(guide.name), 20, bold=True), 0, y, width, centre=True)
    y += sheet.draw_text(_Line(f"Mã thủ tục: {guide.code}", 10), 0, y, width, centre=True) + _mm(3)
    sheet.painter.setPen(_RULE)
    sheet.painter.drawLine(0, int(y), int(width), int(y))
    y += _mm(4)
    foot = _mm(10)
    room_first = sheet.height - foot - y
    room_next = sheet.height - foot
    # What happens after under the papers or under the steps, whichever fits one sheet at the
    # larger size; smaller, down to four fifths, rather than a second sheet for a few lines.
    arrangements = _arrangements(guide)
    fits = (
        (scale, left, right)
        for scale in _SCALES
        for left, right in arrangements
        if len(_paginate(sheet, left, room_first, scale))
        == 1
        == len(_paginate(sheet, right, room_first, scale))
    )
    scale, left, right = next(fits, (_SCALES[-1], *arrangements[0]))
    sheet.scale = scale
    left_pages = _paginate(sheet, left, room_first)
    # A column that went on over a page gets the whole next page's height, not the first page's.
    left_pages = left_pages[:1] + _paginate(sheet, [r for p in left_pages[1:] for r in p], room_next)
    right_pages = _paginate(sheet, right, room_first)
    right_pages = right_pages[:1] + _paginate(sheet, [r for p in right_pages[1:] for r in p], room_next)
    pages = max(len([p for p in left_pages if p]), len([p for p in right_pages if p]))
    for index in range(pages):
        if index:
            new_page()
            page_number += 1
            y = 0.0
        for column, column_pages in ((0.0, left_pages), (sheet.column + _mm(_GUTTER_MM), right_pages)):
            row_y = y
            for row in column_pages[index] if index < len(column_pages) else []:
                sheet.draw_row(row, column, row_y)
                row_y += sheet.row_height(row)
        _foot(sheet, footer, page_number)
    return page_number


def _foot(sheet: _Sheet, footer: str, page_number: int) -> None:
    top = sheet.height - _mm(8)
    sheet.painter.setPen(_RULE)
    sheet.painter.drawLine(0, int(top), int(sheet.width), int(top))
    sheet.painter.setFont(sheet.font(8.5))
    sheet.painter.setPen(_INK)
    number = _mm(18)  # room for "Trang 12" at the right, apart from the wrapped footer
    rect = QRectF(0, top + _mm(1), sheet.width - number, _mm(7))
    sheet.painter.drawText(rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), footer)
    corner = QRectF(sheet.width - number, top + _mm(1), number, _mm(7))
    sheet.painter.drawText(
        corner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), f"Trang {page_number}"
    )


def write_guides_pdf(
    guides: Sequence[Guide],
    path: Path | str,
    *,
    office_name: str,
    hotline: str,
    catalog_version: str,
    catalog_date: date | None,
    printed_at: datetime,
) -> Path:
    """Write `guides`, each from a new page, to `path` as an A4 PDF; PdfError when it cannot."""
    if not guides:
        raise PdfError("no guide to write")
    out = Path(path)
    keep_none(lambda: _paint(guides, out, office_name, hotline, catalog_version, catalog_date, printed_at))
    if not out.is_file() or out.stat().st_size == 0:
        raise PdfError(f"cannot write {out}")
    return out


def _paint(
    guides: Sequence[Guide],
    out: Path,
    office_name: str,
    hotline: str,
    catalog_version: str,
    catalog_date: date | None,
    printed_at: datetime,
) -> None:
    family = report_font_family()
    writer = QPdfWriter(str(out))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    margin = float(_MARGIN_MM)
    writer.setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{GUIDE_TITLE}: {guides[0].name}" if len(guides) == 1 else GUIDE_TITLE)
    writer.setCreator("dvc-kiosk")
    version = f"Theo danh mục thủ tục phiên bản {clean(catalog_version) or '—'}"
    if catalog_date is not None:
        version += f" ngày {format_date(catalog_date)}"
    parts = [version, DRAWN_NOTE, f"In lúc {format_datetime(printed_at)}"]
    if clean(hotline):
        parts.append(f"Đường dây nóng: {clean(hotline)}")
    footer = " · ".join(parts)
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError(f"cannot write {out}")
    try:
        sheet = _Sheet(writer, painter, family)
        page = 0
        for index, guide in enumerate(guides):
            if index:
                writer.newPage()
            page = _guide_pages(sheet, guide, clean(office_name), footer, writer.newPage, page + 1)
    finally:
        painter.end()
