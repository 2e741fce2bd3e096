"""`dvc-kiosk submit`, `outbox` and `status` as an agent's script runs them: the installed console
script in a subprocess, its own data directory, the training portal it starts on loopback (or a
portal that is not there), exit codes, JSON on stdout and Vietnamese sentences on stderr."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from test_cli import run

ID_NUMBER = "001199004321"
FORM = {
    "applicant": {"full_name": "Phạm Thị Hoà", "id_number": ID_NUMBER, "phone": "0900000001"},
    "channel": "direct",
    "form": {
        "requester_name": "Phạm Thị Hoà",
        "requester_id_number": ID_NUMBER,
        "document_name": "Giấy khai sinh",
        "pages": "1",
        "copies": "2",
    },
}
CERTIFY = "2.000815"  # Chứng thực bản sao: a short form and one document to attach


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def pdf(path: Path, pages: int = 2) -> Path:
    body = b"".join(b"%d 0 obj << /Type /Page >> endobj\n" % (i + 3) for i in range(pages))
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n" + body + b"%%EOF\n")
    return path


def outbox_rows(data_dir: Path, *args: str) -> list[dict]:
    done = run(data_dir, "outbox", "list", "--json", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_submit_then_status_and_outbox_without_personal_data(data_dir: Path, tmp_path: Path) -> None:
    form = write(tmp_path / "form.json", FORM)
    scan = pdf(tmp_path / "ban-chinh.pdf")
    done = run(data_dir, "submit", "--procedure", CERTIFY, "--form", str(form),
               "--attach", f"{CERTIFY}-BC={scan}", "--agent", "buudien01", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["delivery"] == "accepted" and result["dossier_code"].startswith("H01.99-")
    code = result["dossier_code"]

    done = run(data_dir, "status", code, "--json")
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert status["state"] == "accepted" and status["status"] == 1 and status["found"] == "fresh"
    assert status["procedure"] == "Chứng thực bản sao từ bản chính giấy tờ, văn bản"

    rows = outbox_rows(data_dir)
    assert [r["dossier_code"] for r in rows] == [code]
    assert rows[0]["applicant"] == "P*** T** H**" and rows[0]["agent"] == "buudien01"
    shown = run(data_dir, "outbox", "show", code, "--json")
    assert json.loads(shown.stdout)["attempts"] == 1
    # Terminals and logs outlive the visit: never the full name or the ID number.
    for output in (done.stdout, shown.stdout, json.dumps(rows)):
        assert ID_NUMBER not in output and "Phạm Thị Hoà" not in output


@pytest.mark.parametrize(
    ("change", "attach", "says"),
    [
        ({"form": {**FORM["form"], "copies": ""}}, True, "Số bản sao"),
        ({"applicant": {"full_name": "Phạm Thị Hoà", "id_number": "12345"}}, True, "12 chữ số"),
        ({"channel": "fax"}, True, "không đúng mẫu"),
        ({}, False, "Giấy tờ đính kèm không hợp lệ"),
    ],
)
def test_a_wrong_form_or_attachment_says_what_to_fix_and_stores_nothing(
    data_dir: Path, tmp_path: Path, change: dict, attach: bool, says: str
) -> None:
    form = write(tmp_path / "form.json", {**FORM, **change})
    scan = pdf(tmp_path / "scan.pdf")
    spec = f"{CERTIFY}-BC={scan}" if attach else f"{CERTIFY}-XX={scan}"
    done = run(data_dir, "submit", "--procedure", CERTIFY, "--form", str(form), "--attach", spec)
    assert done.returncode == 2
    assert says in done.stderr
    assert outbox_rows(data_dir) == []


def test_with_the_portal_unreachable_the_dossier_is_queued_under_its_local_reference(
    data_dir: Path, tmp_path: Path
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "office.toml"
    config.write_text(f'[portal]\nkind = "http"\nurl = "http://127.0.0.1:{port}"\ntimeout_seconds = 2.0\n')
    form = write(tmp_path / "form.json", FORM)
    scan = pdf(tmp_path / "scan.pdf")
    args = ("--config", str(config), "submit", "--procedure", CERTIFY, "--form", str(form))
    done = run(data_dir, *args, "--attach", f"{CERTIFY}-BC={scan}", "--json",
               env={"DVC_PORTAL_TOKEN": "training-token"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["delivery"] == "queued" and result["dossier_code"] is None
    assert "sẽ tự gửi khi có mạng" in result["message"]
    shown = run(data_dir, "--config", str(config), "outbox", "show", result["local_reference"], "--json")
    entry = json.loads(shown.stdout)
    assert entry["state"] == "queued" and entry["reason"] == "offline" and entry["attempts"] == 1
    waiting = outbox_rows(data_dir, "--view", "waiting")
    assert [r["reference"] for r in waiting] == [result["local_reference"]]
