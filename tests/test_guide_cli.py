"""`dvc-kiosk guide pdf|print` as an office technician runs it: the wall PDF read back with poppler's
pdftotext (the Vietnamese exactly, the font embedded), every procedure at once, and the printed
guide on emupos in text mode, decoded back with its steps and one picture per paper."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from test_cli import run

from egov.catalog import load_catalog
from egov.guides import GUIDE_TITLE, UNVERIFIED, guide_for

CATALOG = load_catalog()
RESIDENCE = "1.004222"


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext missing: setup.sh installs poppler-utils for the tests", pytrace=False)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    # Lines wrap where the page is narrow: compare words, not lines.
    return " ".join(unicodedata.normalize("NFC", done.stdout).split())


def pdf_info(path: Path, field: str) -> str:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return re.search(rf"^{field}:\s*(.*)$", done.stdout, re.MULTILINE).group(1)  # type: ignore[union-attr]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


def test_a_wall_pdf_of_one_procedure_reads_back_in_vietnamese(data_dir: Path) -> None:
    out = data_dir / "thuong-tru.pdf"
    done = run(data_dir, "guide", "pdf", "--procedure", RESIDENCE, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert pdf_info(out, "Pages") == "1"
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts and " yes " in fonts  # embedded: it reads the same anywhere
    text = pdf_text(out)
    guide = guide_for(CATALOG.get(RESIDENCE))
    for expected in (
        GUIDE_TITLE,
        "Đăng ký thường trú",
        "Mã thủ tục: 1.004222",
        "GIẤY TỜ CẦN MANG THEO",
        "CÁC BƯỚC TẠI MÁY",
        "SAU KHI NỘP HỒ SƠ",
        "1 bản chính · Bắt buộc",
        "Lệ phí: 20.000 đ.",
        UNVERIFIED,
        # The words inside the drawings are text too: the ID card's title.
        "CĂN CƯỚC",
    ):
        assert expected in text, expected
    for step in guide.steps:
        assert step.sentence.text() in text, step.sentence.text()
    for document in guide.documents:
        assert document.name in text, document.name


def test_every_procedure_in_one_pdf_each_from_its_own_page(data_dir: Path) -> None:
    out = data_dir / "tat-ca.pdf"
    done = run(data_dir, "guide", "pdf", "--all", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert int(pdf_info(out, "Pages")) == len(CATALOG)
    for number, procedure in enumerate(CATALOG.popular(), start=1):
        page = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(out), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        words = " ".join(unicodedata.normalize("NFC", page).split())
        assert f"Mã thủ tục: {procedure.code}" in words and procedure.name in words, procedure.code


def test_wrong_arguments_are_refused_in_vietnamese(data_dir: Path) -> None:
    done = run(data_dir, "guide", "pdf", "--procedure", "9.999999", "--out", str(data_dir / "x.pdf"))
    assert done.returncode == 1
    assert "Không có thủ tục mã 9.999999 trong danh mục" in done.stderr
    done = run(data_dir, "guide", "pdf", "--procedure", RESIDENCE)
    assert done.returncode == 2 and "Hãy cho biết tệp để lưu hướng dẫn" in done.stderr
    done = run(data_dir, "guide", "pdf", "--procedure", RESIDENCE, "--out", str(data_dir / "no" / "x.pdf"))
    assert done.returncode == 2 and "Thư mục để lưu hướng dẫn không tồn tại" in done.stderr
    done = run(data_dir, "guide", "print")
    assert done.returncode == 2  # --procedure or --all


def test_a_guide_printed_from_the_command_line_comes_back_from_the_printer(printers, data_dir: Path) -> None:  # noqa: ANN001
    config = data_dir / "office.toml"
    config.write_text('[printer]\nprofile = "tm-t20"\ntext_mode = true\n', encoding="utf-8")
    before = printers.receipt_ids("t80")
    done = run(
        data_dir,
        "--config",
        str(config),
        "guide",
        "print",
        "--procedure",
        RESIDENCE,
        "--printer",
        printers.uri("t80"),
    )
    assert done.returncode == 0, done.stderr
    receipt = printers.wait_for_receipt("t80", before)
    assert receipt["boundary"] == "cut"
    dump = unicodedata.normalize("NFC", printers.text("t80", receipt["id"]))
    words = " ".join(dump.split())
    assert "HƯỚNG DẪN THỦ TỤC" in words and "CÁC BƯỚC TẠI MÁY" in words
    assert "1. Chạm “Chạm vào đây để bắt đầu”" in words
    guide = guide_for(CATALOG.get(RESIDENCE))
    assert len(re.findall(r"\[image 576x\d+\]", dump)) == len(guide.documents)
    # On the preview printer (the default): one PNG, as long as a guide is.
    done = run(data_dir, "guide", "print", "--procedure", RESIDENCE)
    assert done.returncode == 0, done.stderr
    (png,) = (data_dir / "receipts").glob("receipt-*.png")
    assert str(png) in done.stdout
