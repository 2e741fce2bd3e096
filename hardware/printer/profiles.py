"""What each supported receipt printer model can do, as data of our own.

Chosen with [printer] profile (empty: the generic profile for [printer] paper_mm). Stock
profiles elsewhere are not used: escpos-printer-db's POS-5890 has no cut and no QR, its TM-T20II
a different set of code pages, and one wrong flag there silently drops a cut or prints image data
as text. Where a model's manual was not at hand the value is the safe one (raster QR rather than
native, no Vietnamese text mode) and the comment says so.

Vietnamese prints as a raster image (hardware.raster) unless [printer] text_mode is on:
`vietnamese_text` records which code page could print it as text on that model, and
`cp1258_page` where the model also has CP1258, the only page text mode implements
(hardware.printer.textmode).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CutKind = Literal["full", "partial", "none"]
TextEncoding = Literal["tcvn3", "cp1258", "none"]


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    key: str  # the name in [printer] profile
    name: str
    width_dots: int  # printable width at 203 dpi: 384 on 58 mm paper, 576 on 80 mm
    cut: CutKind  # "none": a tear bar, the slip is fed past it
    native_qr: bool  # GS ( k model 2; otherwise the QR is drawn into the raster image
    vietnamese_text: TextEncoding
    code_page: int | None  # ESC t n of `vietnamese_text`
    dle_eot: bool  # answers DLE EOT 1–4 in real time
    asb: bool  # Automatic Status Back (GS a)
    gs_r: bool  # answers GS r 1 after the data before it: the end-of-job marker
    feed_lines: int  # lines fed before the cut (or tear), so the last line clears the blade
    cp1258_page: int | None = None  # ESC t n of CP1258 (WPC1258), when not `vietnamese_text`

    @property
    def paper_mm(self) -> int:
        return 58 if self.width_dots <= 384 else 80


PROFILES: dict[str, PrinterProfile] = {
    profile.key: profile
    for profile in (
        # Epson TM-T20II/III technical reference: 576 dots on 80 mm, autocutter (partial cut),
        # QR via GS ( k, ASB, DLE EOT, GS r. Code pages: TCVN-3 at 30/31, WPC1258 at 52.
        # Whether its ROM font overlays CP1258's combining tone marks was not checked on paper.
        PrinterProfile(
            key="tm-t20",
            name="Epson TM-T20",
            width_dots=576,
            cut="partial",
            native_qr=True,
            vietnamese_text="tcvn3",
            code_page=30,
            dle_eot=True,
            asb=True,
            gs_r=True,
            feed_lines=4,
            cp1258_page=52,
        ),
        # Epson TM-T82II/III: the same command set and mechanism class as the TM-T20. Its
        # Vietnamese code pages were not checked: no text mode.
        PrinterProfile(
            key="tm-t82",
            name="Epson TM-T82",
            width_dots=576,
            cut="partial",
            native_qr=True,
            vietnamese_text="none",
            code_page=None,
            dle_eot=True,
            asb=True,
            gs_r=True,
            feed_lines=4,
        ),
        # Xprinter XP-58 series (XP-58IIH, XP-58IIL): 384 dots, tear bar, no cutter. DLE EOT is in
        # the programming manual; native QR is missing on older firmware, so the QR is raster.
        PrinterProfile(
            key="xp-58",
            name="Xprinter XP-58",
            width_dots=384,
            cut="none",
            native_qr=False,
            vietnamese_text="none",
            code_page=None,
            dle_eot=True,
            asb=False,
            gs_r=False,
            feed_lines=5,
        ),
        # Xprinter XP-80 series (XP-80C, XP-N160II): 576 dots, autocutter, GS ( k QR. "Page 27
        # Vietnam" is TCVN-3 on some firmware and CP1258 on others: no text mode.
        PrinterProfile(
            key="xp-80",
            name="Xprinter XP-80",
            width_dots=576,
            cut="partial",
            native_qr=True,
            vietnamese_text="none",
            code_page=None,
            dle_eot=True,
            asb=False,
            gs_r=False,
            feed_lines=4,
        ),
        # Unbranded "POS-58"/"POS-5890" clones: 384 dots, raster QR. Sold with and without a
        # cutter: GS V is sent anyway, as a printer with no cutter ignores it while a cutter that
        # is never sent GS V never cuts (python-escpos's POS-5890 profile drops cut() so).
        PrinterProfile(
            key="pos-58",
            name="Generic POS-58",
            width_dots=384,
            cut="partial",
            native_qr=False,
            vietnamese_text="none",
            code_page=None,
            dle_eot=True,
            asb=False,
            gs_r=False,
            feed_lines=5,
        ),
        # Unbranded "POS-80" clones with an autocutter: raster QR, to be safe.
        PrinterProfile(
            key="pos-80",
            name="Generic POS-80",
            width_dots=576,
            cut="partial",
            native_qr=False,
            vietnamese_text="none",
            code_page=None,
            dle_eot=True,
            asb=False,
            gs_r=False,
            feed_lines=4,
        ),
    )
}

GENERIC_BY_PAPER = {58: "pos-58", 80: "pos-80"}


def select_profile(name: str, paper_mm: int) -> PrinterProfile:
    """The profile named `name`, or the generic one for `paper_mm` when `name` is empty.

    Raises ValueError, in words for the technician, for an unknown name or a model whose paper
    width is not `paper_mm` (the receipt would be drawn for the wrong width).
    """
    key = name.strip().lower() or GENERIC_BY_PAPER.get(paper_mm, "")
    profile = PROFILES.get(key)
    if profile is None:
        raise ValueError(f"unknown printer profile {name!r}; known: {', '.join(PROFILES)}")
    if profile.paper_mm != paper_mm:
        raise ValueError(
            f"{profile.name} prints on {profile.paper_mm} mm paper, but [printer] paper_mm is {paper_mm}"
        )
    return profile
