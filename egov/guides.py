"""A procedure's guide (hướng dẫn) with pictures: what to bring, what to do at the kiosk, what happens
after. The Trúc Bạch teams drew such guides by hand and pinned them up; this builds them from the
catalogue so that they change when the catalogue does.

`guide_for(procedure)` gives the guide as data, no Qt: the documents to bring (the chip ID card the
kiosk reads, then the catalogue's papers with their original and copy counts), the steps at the
kiosk, and what follows (the appointment, where the result is collected, the fee). Every item names
a picture: a line drawing of ours, `config/guides/<picture id>.svg`, drawn from no real person's
papers. `picture_for(document)` picks a document's picture from its name, so that a paper added to
the catalogue gets a fitting one (or the plain sheet of paper) without a code change.

What the guide states comes from the catalogue (names, counts, notes, fees, times, `may_delegate`),
from the kiosk's own pages (the buttons quoted are the pages' labels), or from
/work/shared/facts/vn-egov-domain.md. A rule that no public source confirmed carries
`unverified`, and is shown and printed with "(chưa kiểm chứng)".

Sentences are Vietnamese sources marked for translation (context "Guide") with %1, %2 for the
values; the screen translates them, the printed guide and the PDF stay Vietnamese as every slip
does (egov.receipt). `guide_slip` lays a guide out for the receipt printer: the documents with their
pictures, the steps and what follows as text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from egov.catalog import Procedure, RequiredDocument
from egov.dossier import Channel
from egov.receipt import (
    MISSING,
    Block,
    Cut,
    Picture,
    Rule,
    Size,
    Spacer,
    Text,
    Title,
    clean,
    format_date,
    format_datetime,
)
from egov.text import QT_TRANSLATE_NOOP, fold

CONTEXT = "Guide"
GUIDE_TITLE = "HƯỚNG DẪN THỦ TỤC"
UNVERIFIED = QT_TRANSLATE_NOOP("Guide", "(chưa kiểm chứng)")
DRAWN_NOTE = QT_TRANSLATE_NOOP("Guide", "Hình vẽ chỉ để minh họa, không phải giấy tờ thật.")

# ---- pictures ----------------------------------------------------------------------------------

PICTURE_PACKAGE = "config"
PICTURE_FOLDER = "guides"
FALLBACK_PICTURE = "paper"

# Every drawing, with what it shows (its caption and its text for a screen reader).
PICTURES: dict[str, str] = {
    "id_card": QT_TRANSLATE_NOOP("Guide", "Thẻ căn cước gắn chip, mặt trước"),
    "birth_paper": QT_TRANSLATE_NOOP("Guide", "Giấy chứng sinh của bệnh viện"),
    "marriage_certificate": QT_TRANSLATE_NOOP("Guide", "Giấy chứng nhận kết hôn"),
    "authorisation": QT_TRANSLATE_NOOP("Guide", "Văn bản ủy quyền"),
    "photo_4x6": QT_TRANSLATE_NOOP("Guide", "Ảnh 4x6"),
    "ct01_form": QT_TRANSLATE_NOOP("Guide", "Tờ khai thay đổi thông tin cư trú (mẫu CT01)"),
    "declaration_form": QT_TRANSLATE_NOOP("Guide", "Tờ khai"),
    "death_notice": QT_TRANSLATE_NOOP("Guide", "Giấy báo tử"),
    "court_decision": QT_TRANSLATE_NOOP("Guide", "Bản án, quyết định của Tòa án"),
    "land_certificate": QT_TRANSLATE_NOOP("Guide", "Giấy chứng nhận quyền sử dụng đất, nhà ở"),
    "contract": QT_TRANSLATE_NOOP("Guide", "Hợp đồng"),
    "marital_status": QT_TRANSLATE_NOOP("Guide", "Giấy xác nhận tình trạng hôn nhân"),
    "birth_certificate_copy": QT_TRANSLATE_NOOP("Guide", "Bản sao giấy khai sinh"),
    "original_and_copy": QT_TRANSLATE_NOOP("Guide", "Bản chính và bản sao"),
    "signed_statement": QT_TRANSLATE_NOOP("Guide", "Văn bản có chữ ký"),
    "paper": QT_TRANSLATE_NOOP("Guide", "Giấy tờ"),
    "step_card": QT_TRANSLATE_NOOP("Guide", "Đặt thẻ căn cước lên đầu đọc"),
    "step_choose": QT_TRANSLATE_NOOP("Guide", "Chạm vào màn hình để chọn"),
    "step_form": QT_TRANSLATE_NOOP("Guide", "Tờ khai trên màn hình"),
    "step_camera": QT_TRANSLATE_NOOP("Guide", "Giấy tờ dưới máy ảnh"),
    "step_check": QT_TRANSLATE_NOOP("Guide", "Kiểm tra lại thông tin"),
    "step_fee": QT_TRANSLATE_NOOP("Guide", "Nộp lệ phí"),
    "step_receipt": QT_TRANSLATE_NOOP("Guide", "Phiếu hẹn in ra"),
    "after_appointment": QT_TRANSLATE_NOOP("Guide", "Ngày hẹn trả kết quả"),
    "after_collect": QT_TRANSLATE_NOOP("Guide", "Quầy trả kết quả"),
    "after_post": QT_TRANSLATE_NOOP("Guide", "Nhận qua bưu điện"),
    "in_person": QT_TRANSLATE_NOOP("Guide", "Phải tự đến"),
}

# A document's picture from its name (folded: no accents, lower case), first match wins. The
# form to fill comes before the topics, so that "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"
# is a form, and CT01 before any form.
_PICTURE_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("can cuoc", "tuy than"), "id_card"),
    (("ct01",), "ct01_form"),
    (("to khai", "giay de nghi", "de nghi"), "declaration_form"),
    (("chung sinh",), "birth_paper"),
    (("chung nhan ket hon",), "marriage_certificate"),
    (("uy quyen",), "authorisation"),
    (("anh 4x6", "anh 4 x 6", "anh chan dung"), "photo_4x6"),
    (("bao tu",), "death_notice"),
    (("ly hon", "ban an"), "court_decision"),
    (("tinh trang hon nhan",), "marital_status"),
    (("quyen su dung dat", "so huu nha", "cho o hop phap"), "land_certificate"),
    (("hop dong",), "contract"),
    (("giay khai sinh",), "birth_certificate_copy"),
    (("ban chinh", "ban sao"), "original_and_copy"),
    (("cam doan", "dong y", "bien ban", "chung cu", "van ban"), "signed_statement"),
)


def picture_for(document: RequiredDocument | str) -> str:
    """The picture of a catalogue document (or of a document's name); the plain paper if none fits."""
    name = document if isinstance(document, str) else document.name
    words = f" {fold(name)} "
    for needles, picture in _PICTURE_RULES:
        if any(f" {needle} " in words for needle in needles):
            return picture
    return FALLBACK_PICTURE


def picture_path(picture: str) -> Path:
    """The SVG file of `picture`; KeyError for a picture we did not draw."""
    if picture not in PICTURES:
        raise KeyError(picture)
    return Path(str(resources.files(PICTURE_PACKAGE).joinpath(PICTURE_FOLDER, f"{picture}.svg")))


# ---- the guide as data -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """A Vietnamese source sentence with %1, %2… for its values, marked in context "Guide"."""

    template: str
    args: tuple[str, ...] = ()
    unverified: bool = False

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        """The sentence with its values in, translated by `translate` (the Vietnamese if None)."""
        words = translate(self.template) if translate else self.template
        # Highest number first: "%1" must not eat the start of "%10".
        for number in range(len(self.args), 0, -1):
            words = words.replace(f"%{number}", self.args[number - 1])
        if self.unverified:
            words += " " + (translate(UNVERIFIED) if translate else UNVERIFIED)
        return clean(words)


@dataclass(frozen=True, slots=True)
class GuideItem:
    """One step, or one thing that happens after: what it says, more detail, its picture."""

    sentence: Sentence
    picture: str
    detail: Sentence | None = None


@dataclass(frozen=True, slots=True)
class GuideDocument:
    """A paper to bring. `name` and `note` are the catalogue's (Vietnamese data, not translated)."""

    name: str
    originals: int
    copies: int
    required: bool
    note: str
    picture: str
    code: str = ""  # the catalogue's document code; empty for the ID card the kiosk asks for

    @property
    def counts(self) -> Sentence:
        if self.originals and self.copies:
            return Sentence(
                QT_TRANSLATE_NOOP("Guide", "%1 bản chính và %2 bản sao"),
                (str(self.originals), str(self.copies)),
            )
        if self.originals:
            return Sentence(QT_TRANSLATE_NOOP("Guide", "%1 bản chính"), (str(self.originals),))
        if self.copies:
            return Sentence(QT_TRANSLATE_NOOP("Guide", "%1 bản sao"), (str(self.copies),))
        return Sentence(QT_TRANSLATE_NOOP("Guide", "Mang theo để xuất trình"))

    @property
    def need(self) -> Sentence:
        if self.required:
            return Sentence(QT_TRANSLATE_NOOP("Guide", "Bắt buộc"))
        return Sentence(QT_TRANSLATE_NOOP("Guide", "Nếu có"))


@dataclass(frozen=True, slots=True)
class Guide:
    """Everything the guide page, the printed guide and the wall PDF show for one procedure."""

    code: str
    name: str
    agency: str
    documents: tuple[GuideDocument, ...]
    document_notes: tuple[Sentence, ...]
    steps: tuple[GuideItem, ...]
    after: tuple[GuideItem, ...]

    def pictures(self) -> tuple[str, ...]:
        """Every picture the guide shows, each once, in order."""
        found: list[str] = []
        for picture in (
            *(d.picture for d in self.documents),
            *(s.picture for s in self.steps),
            *(a.picture for a in self.after),
        ):
            if picture not in found:
                found.append(picture)
        return tuple(found)


ID_CARD_NAME = QT_TRANSLATE_NOOP("Guide", "Thẻ căn cước của người nộp hồ sơ")
ID_CARD_NOTE = QT_TRANSLATE_NOOP(
    "Guide", "Máy đọc chip trên thẻ để điền sẵn họ tên, ngày sinh và nơi cư trú vào tờ khai."
)


def _kiosk_card() -> GuideDocument:
    return GuideDocument(ID_CARD_NAME, 1, 0, True, ID_CARD_NOTE, "id_card")


def _documents(procedure: Procedure) -> tuple[GuideDocument, ...]:
    papers = [
        GuideDocument(d.name, d.originals, d.copies, d.required, d.note, picture_for(d), d.code)
        for d in procedure.documents
    ]
    # The kiosk starts from the card; where the catalogue lists it already, once is enough.
    if not any(p.picture == "id_card" for p in papers):
        papers.insert(0, _kiosk_card())
    return tuple(papers)


def _steps(procedure: Procedure) -> tuple[GuideItem, ...]:
    """The kiosk's pages in order; the buttons quoted are the pages' own labels (a test checks)."""
    steps = [
        GuideItem(
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "Chạm “Chạm vào đây để bắt đầu”, chọn “Đọc thẻ căn cước gắn chip” rồi đặt thẻ "
                    "lên đầu đọc.",
                )
            ),
            "step_card",
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "Nhập 6 số cuối của số định danh in ở mặt trước thẻ. Không có thẻ gắn chip thì "
                    "chọn “Nhập thông tin in trên thẻ căn cước”.",
                )
            ),
        ),
        GuideItem(
            Sentence(QT_TRANSLATE_NOOP("Guide", "Chọn thủ tục “%1”."), (procedure.name,)),
            "step_choose",
            Sentence(QT_TRANSLATE_NOOP("Guide", "Có thể gõ tên thủ tục, có dấu hay không dấu đều được.")),
        ),
        GuideItem(
            Sentence(QT_TRANSLATE_NOOP("Guide", "Trả lời từng câu hỏi của tờ khai trên màn hình.")),
            "step_form",
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Guide", "Thông tin trên thẻ đã được điền sẵn; bấm “Tiếp tục” sau mỗi trang."
                )
            ),
        ),
    ]
    if procedure.documents:
        steps.append(
            GuideItem(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "Guide",
                        "Đặt từng giấy tờ lên mặt bàn dưới máy ảnh, mặt có chữ hướng lên.",
                    )
                ),
                "step_camera",
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "Guide", "Máy tự chụp khi tờ giấy nằm yên. Giấy tờ nhiều trang thì chụp từng trang."
                    )
                ),
            )
        )
    steps.append(
        GuideItem(
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "Xem lại thông tin, chạm “Thông tin đã đúng”, đồng ý cho gửi hồ sơ rồi chạm “Nộp hồ sơ”.",
                )
            ),
            "step_check",
        )
    )
    direct = procedure.channel(Channel.DIRECT)
    if direct is not None and direct.payable:
        if direct.fee_set_by_province:
            fee_step = Sentence(
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "Lệ phí do tỉnh quy định: cán bộ báo số tiền, bạn nộp tại quầy khi nhận kết quả.",
                )
            )
        else:
            fee_step = Sentence(
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "Nộp lệ phí %1: quét mã QR bằng ứng dụng ngân hàng, hoặc chọn “Nộp tại quầy khi "
                    "nhận kết quả”.",
                ),
                (direct.fee_text(),),
            )
        steps.append(GuideItem(fee_step, "step_fee"))
    steps.append(
        GuideItem(
            Sentence(QT_TRANSLATE_NOOP("Guide", "Lấy phiếu hẹn máy in ra và giữ lại.")),
            "step_receipt",
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Guide", "Trên phiếu có mã hồ sơ, ngày hẹn trả kết quả và mã QR để tra cứu."
                )
            ),
        )
    )
    return tuple(steps)


# Who must come in person: the fact sheet confirms it for signature certification (the signer signs
# before the certifier); for marriage and recognition of parentage it rests on Circular 04/2020/TT-BTP
# Art. 2, which no public source confirmed, and for the rest on the catalogue alone.
IN_PERSON_CONFIRMED = frozenset({"2.000884"})


def _after(procedure: Procedure) -> tuple[GuideItem, ...]:
    after: list[GuideItem] = []
    direct = procedure.channel(Channel.DIRECT)
    if direct is not None:
        if direct.processing_days:
            when = Sentence(
                QT_TRANSLATE_NOOP(
                    "Guide", "Cơ quan giải quyết trong %1 ngày làm việc; ngày hẹn in trên phiếu hẹn."
                ),
                (str(direct.processing_days),),
            )
        else:
            when = Sentence(QT_TRANSLATE_NOOP("Guide", "Có kết quả trong ngày."))
        detail = Sentence("%1", (direct.time_note,)) if clean(direct.time_note) else None
        after.append(GuideItem(when, "after_appointment", detail))
    after.append(
        GuideItem(
            Sentence(
                QT_TRANSLATE_NOOP("Guide", "Nhận kết quả tại bộ phận tiếp nhận và trả kết quả của %1."),
                (procedure.agency,),
            ),
            "after_collect",
            Sentence(
                QT_TRANSLATE_NOOP("Guide", "Kết quả: %1. Mang theo phiếu hẹn và thẻ căn cước khi đến nhận."),
                (procedure.result,),
            ),
        )
    )
    # Decision 45/2016/QĐ-TTg: the public post returns results; the catalogue says where it does.
    if procedure.channel(Channel.POSTAL) is not None:
        after.append(
            GuideItem(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "Guide",
                        "Muốn nhận kết quả tại nhà qua bưu điện thì báo cán bộ; cước bưu chính tính riêng.",
                    )
                ),
                "after_post",
            )
        )
    if direct is not None:
        after.append(
            GuideItem(
                Sentence(QT_TRANSLATE_NOOP("Guide", "Lệ phí: %1."), (direct.fee_text(),)),
                "step_fee",
                Sentence("%1", (direct.fee_note,)) if clean(direct.fee_note) else None,
            )
        )
    if not procedure.may_delegate:
        after.append(
            GuideItem(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "Guide", "Người có tên trong hồ sơ phải tự đến; không nhờ người khác làm thay được."
                    ),
                    unverified=procedure.code not in IN_PERSON_CONFIRMED,
                ),
                "in_person",
            )
        )
    return tuple(after)


# Not in the fact sheet: how ward offices are said to treat a plain photocopy.
COPY_NOTE = QT_TRANSLATE_NOOP(
    "Guide", "Bản sao không có chứng thực thì mang theo bản chính để cán bộ đối chiếu."
)


def guide_for(procedure: Procedure) -> Guide:
    """The guide of one catalogue procedure."""
    documents = _documents(procedure)
    notes: list[Sentence] = []
    if any(d.copies for d in documents):
        notes.append(Sentence(COPY_NOTE, unverified=True))
    return Guide(
        code=procedure.code,
        name=procedure.name,
        agency=procedure.agency,
        documents=documents,
        document_notes=tuple(notes),
        steps=_steps(procedure),
        after=_after(procedure),
    )


# ---- the guide on the receipt printer ----------------------------------------------------------


def print_pictures(guide: Guide) -> tuple[str, ...]:
    """The pictures the printed guide carries: the documents' only (paper is not free)."""
    found: list[str] = []
    for document in guide.documents:
        if document.picture not in found:
            found.append(document.picture)
    return tuple(found)


def guide_slip(
    guide: Guide,
    *,
    office_name: str,
    office_address: str,
    hotline: str,
    catalog_version: str,
    catalog_date: date | None,
    printed_at: datetime,
    pictures: Mapping[str, Picture],
) -> list[Block]:
    """The guide on thermal paper. `pictures` holds the drawings already rasterised (the UI does it:
    the domain has no SVG renderer); a document whose picture is missing prints without it."""
    blocks: list[Block] = [
        Text(clean(office_name) or MISSING, bold=True, align="center"),
        Text(clean(office_address), align="center"),
        Rule(),
        Title(GUIDE_TITLE, Size.LARGE),
        Text(clean(guide.name), bold=True, align="center"),
        Text(f"Mã thủ tục: {clean(guide.code)}", align="center"),
        Rule(),
        Text("GIẤY TỜ CẦN MANG THEO", bold=True),
    ]
    for number, document in enumerate(guide.documents, start=1):
        picture = pictures.get(document.picture)
        if picture is not None:
            blocks += [Spacer(8), picture]
        blocks.append(Text(f"{number}. {clean(document.name)}", bold=True))
        blocks.append(Text(f"{document.counts.text()} · {document.need.text()}"))
        if clean(document.note):
            blocks.append(Text(f"– {clean(document.note)}"))
    blocks += [Text(note.text()) for note in guide.document_notes]
    blocks += [Rule(), Text("CÁC BƯỚC TẠI MÁY", bold=True)]
    for number, step in enumerate(guide.steps, start=1):
        blocks.append(Text(f"{number}. {step.sentence.text()}"))
    blocks += [Rule(), Text("SAU KHI NỘP HỒ SƠ", bold=True)]
    for item in guide.after:
        blocks.append(Text(f"• {item.sentence.text()}"))
        if item.detail is not None:
            blocks.append(Text(f"  {item.detail.text()}"))
    blocks.append(Rule())
    version = f"Theo danh mục thủ tục phiên bản {clean(catalog_version) or MISSING}"
    if catalog_date is not None:
        version += f" ngày {format_date(catalog_date)}"
    blocks += [
        Text(version, align="center"),
        Text(DRAWN_NOTE, align="center"),
        Text(f"In lúc {format_datetime(printed_at)}", align="center"),
    ]
    if clean(hotline):
        blocks.append(Text(f"Đường dây nóng: {clean(hotline)}", align="center"))
    blocks += [Spacer(24), Cut()]
    return blocks
