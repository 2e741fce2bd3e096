""" "Nghe lại" through the real QML pages, offscreen: a finger taps it, the page's question is read.

The speech is real (espeak-ng writes the WAV, the prompt cache keeps it); the sound card is not:
an `aplay` placed first on PATH takes the sound as aplay would (a WAV on standard input), keeps
it for the test, and then "plays" for a while, so that stopping can be seen.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_ui_visit import make_shell  # noqa: E402
from test_voice import holding_player, played  # noqa: E402
from uidriver import find, tap, wait_for  # noqa: E402

from config.settings import load_settings  # noqa: E402
from egov.flow import Mode  # noqa: E402
from egov.identity import demo_identity  # noqa: E402
from egov.spoken import date_words, money_words, names_person, spell  # noqa: E402
from hardware.voice.cache import PromptCache  # noqa: E402
from hardware.voice.espeak import Espeak  # noqa: E402
from hardware.voice.wav import read_wav  # noqa: E402
from ui import voice_model  # noqa: E402
from ui.events import wait_until  # noqa: E402
from ui.services import build_services  # noqa: E402
from ui.staging import stage  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is installed by setup.sh (apt: espeak-ng)"
)

PROCEDURE_TITLE = "Bạn muốn làm thủ tục gì?"


class Kiosk:
    """A shell on the embedded defaults plus `[voice]` lines, the fake sound card, what was said."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, voice: str, espeak: bool, hold: int):
        self.sink = tmp_path / "sound"
        self.sink.mkdir()
        holding_player(self.sink, hold)
        # Without espeak-ng: a PATH that has the sound card's aplay and nothing else.
        monkeypatch.setenv("PATH", f"{self.sink}:{os.environ['PATH']}" if espeak else str(self.sink))
        config = tmp_path / "office.toml"
        config.write_text(f"[voice]\n{voice}\n")
        data = tmp_path / "data"
        monkeypatch.setenv("DVC_KIOSK_DATA_DIR", str(data))
        monkeypatch.setenv("DVC_KIOSK_CONFIG", str(config))
        self.said: list[list[str]] = []
        build = voice_model.build_engine

        def recording(settings, folder):  # noqa: ANN001, ANN202
            engine, why = build(settings, folder)
            speak = engine.speak

            def record(segments, cancelled):  # noqa: ANN001, ANN202
                self.said.append([s.text for s in segments])
                speak(segments, cancelled)

            engine.speak = record
            return engine, why

        monkeypatch.setattr(voice_model, "build_engine", recording)
        self.settings = load_settings()
        self.services = build_services(self.settings)
        self.cache_dir = data / "voice"

    def shell(self, mode: Mode = Mode.KIOSK):
        self.opened = make_shell(self.services, mode)
        return self.opened

    def played_wavs(self) -> list[Path]:
        return played(self.sink)

    def close(self) -> None:
        if getattr(self, "opened", None) is not None:
            self.opened.close()
        self.services.close()


@pytest.fixture
def kiosk_voice(tmp_path, monkeypatch, qapp):
    made: list[Kiosk] = []

    def make(voice: str = "", *, espeak: bool = True, hold: int = 60) -> Kiosk:
        made.append(Kiosk(tmp_path, monkeypatch, voice, espeak, hold))
        return made[-1]

    yield make
    for kiosk in made:
        kiosk.close()


def pid_of(wav: Path) -> int:
    return int(wav.stem.split("-")[1])


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_nghe_lai_reads_the_page_question_and_dung_doc_stops_it(qtbot, kiosk_voice) -> None:
    kiosk = kiosk_voice()
    shell = kiosk.shell()
    stage(shell, "procedure")
    button = wait_for(qtbot, shell, "speakButton")
    assert button.property("text") == "▶ Nghe lại"
    assert button.height() >= 12 * 4  # ≥ 12 mm at the offscreen 4 px/mm
    tap(qtbot, shell, "speakButton")

    stop = wait_for(qtbot, shell, "stopSpeakingButton")
    assert stop.property("text") == "■ Dừng đọc"
    wait_until(lambda: len(kiosk.played_wavs()) == 1)
    subtitle = "Các thủ tục được làm nhiều nhất. Hoặc gõ tên thủ tục, có dấu hay không dấu đều được."
    assert kiosk.said == [[PROCEDURE_TITLE, subtitle]]
    # The title and the subtitle were synthesised by espeak-ng into the cache, and what reached the
    # sound card is both, one after the other, at the office's volume.
    cache = PromptCache(kiosk.cache_dir, Espeak("vi", kiosk.settings.voice.rate))
    title, sub = cache.get(PROCEDURE_TITLE), cache.get(subtitle)
    sound = read_wav(kiosk.played_wavs()[0].read_bytes())
    assert sound.seconds > title.seconds + sub.seconds
    assert 0 < sound.loudness() < title.loudness()  # volume 80 of 100

    tap(qtbot, shell, "stopSpeakingButton")
    wait_for(qtbot, shell, "speakButton")
    assert not shell.voice.speaking
    pid = pid_of(kiosk.played_wavs()[0])
    wait_until(lambda: gone(pid), timeout=10)


def test_a_second_tap_uses_the_cache_not_the_synthesiser(qtbot, kiosk_voice) -> None:
    kiosk = kiosk_voice(hold=0)
    shell = kiosk.shell()
    stage(shell, "procedure")
    tap(qtbot, shell, "speakButton")
    wait_until(lambda: len(kiosk.played_wavs()) == 1 and not shell.voice.speaking)
    files = {p: p.stat().st_mtime_ns for p in kiosk.cache_dir.iterdir()}
    assert len(files) == 2  # the title and the subtitle
    tap(qtbot, shell, "speakButton")
    wait_until(lambda: len(kiosk.played_wavs()) == 2 and not shell.voice.speaking)
    assert {p: p.stat().st_mtime_ns for p in kiosk.cache_dir.iterdir()} == files
    first, second = (p.read_bytes() for p in kiosk.played_wavs())
    assert first == second


def test_speech_stops_when_the_page_changes_and_when_the_visit_is_wiped(qtbot, kiosk_voice) -> None:
    kiosk = kiosk_voice()
    shell = kiosk.shell()
    stage(shell, "procedure")
    tap(qtbot, shell, "speakButton")
    wait_until(lambda: len(kiosk.played_wavs()) == 1)
    tap(qtbot, shell, "backButton")
    wait_until(lambda: shell.visit.page != "procedure")
    assert not shell.voice.speaking
    wait_until(lambda: gone(pid_of(kiosk.played_wavs()[0])), timeout=10)

    # The idle wipe ends the visit the way "Kết thúc" does (ui/idle.py calls finish()).
    tap(qtbot, shell, "speakButton")
    wait_until(lambda: len(kiosk.played_wavs()) == 2)
    assert shell.voice.speaking
    shell.visit.finish()
    assert not shell.voice.speaking
    wait_until(lambda: gone(pid_of(kiosk.played_wavs()[1])), timeout=10)
    wait_for(qtbot, shell, "speakButton")


def test_the_receipt_spells_the_code_and_says_the_date_but_never_the_name(qtbot, kiosk_voice) -> None:
    kiosk = kiosk_voice(hold=0)
    shell = kiosk.shell()
    stage(shell, "receipt")
    code, appointment = shell.visit.dossierCode, shell.visit.appointment
    assert code and appointment
    tap(qtbot, shell, "speakButton")
    wait_until(lambda: len(kiosk.played_wavs()) == 1 and not shell.voice.speaking)
    title = find(shell, "pageTitle").property("text")
    assert kiosk.said == [
        [title, "Mã hồ sơ của bạn", spell(code), "Ngày hẹn trả kết quả", date_words(appointment)]
    ]
    said = " ".join(kiosk.said[0])
    assert "ngày " in date_words(appointment) and not any(ch.isdigit() for ch in said)
    citizen = demo_identity()
    assert not names_person(said, [citizen.full_name, citizen.id_number])
    assert read_wav(kiosk.played_wavs()[0].read_bytes()).loudness() > 0
    # The code and the date are not kept: the cache holds the program's fixed prompts only.
    assert len(list(kiosk.cache_dir.iterdir())) == 3


def test_a_name_a_page_would_read_is_left_out(kiosk_voice, caplog) -> None:
    kiosk = kiosk_voice()
    citizen = demo_identity()
    voice = voice_model.VoiceModel(kiosk.settings, Mode.KIOSK, personal=lambda: [citizen.full_name])
    with caplog.at_level(logging.WARNING, logger="ui.voice_model"):
        segments = voice.segments(
            [
                "Xin chào",
                f"Bạn là {citizen.full_name}",
                {"code": "H01.99-261123-0001"},
                {"number": citizen.id_number},
            ]
        )
    voice.close()
    assert [s.text for s in segments] == ["Xin chào", spell("H01.99-261123-0001")]
    assert not segments[1].fixed
    assert caplog.text.count("left out") == 2
    assert citizen.full_name not in caplog.text and citizen.id_number not in caplog.text


def test_read_on_open_reads_each_new_page(qtbot, kiosk_voice) -> None:
    kiosk = kiosk_voice("read_on_open = true", hold=0)
    shell = kiosk.shell()
    wait_until(lambda: len(kiosk.played_wavs()) == 1)  # the welcome page, untouched
    assert kiosk.said[0][0] == "Dịch vụ công trực tuyến"
    stage(shell, "procedure")
    wait_until(lambda: any(s[0] == PROCEDURE_TITLE for s in kiosk.said))


def test_the_agent_point_is_silent_by_default(qtbot, kiosk_voice) -> None:
    kiosk = kiosk_voice()
    shell = kiosk.shell(Mode.AGENT)
    wait_for(qtbot, shell, "pageTitle")
    assert find(shell, "speakButton") is None
    assert not shell.voice.shown and shell.voice.engineName == "none"
    assert kiosk.said == []


def test_the_agent_point_speaks_when_the_office_says_so(qtbot, kiosk_voice) -> None:
    kiosk = kiosk_voice("agent_point = true", hold=0)
    shell = kiosk.shell(Mode.AGENT)
    tap(qtbot, shell, "speakButton")
    wait_until(lambda: len(kiosk.played_wavs()) == 1)
    assert kiosk.said == [
        [
            "Đăng nhập điểm tiếp nhận",
            "Dùng tài khoản do người quản lý cấp. Không dùng tài khoản VNeID của công dân.",
        ]
    ]


def test_without_espeak_ng_the_button_is_disabled_and_the_log_says_what_to_install(
    qtbot, kiosk_voice, caplog
) -> None:
    kiosk = kiosk_voice(espeak=False)
    with caplog.at_level(logging.WARNING, logger="ui.voice_model"):
        shell = kiosk.shell()
    assert "voice guidance unavailable: espeak-ng not installed (apt-get install espeak-ng alsa-utils)" in (
        caplog.text
    )
    assert "the 'Nghe lại' button is disabled" in caplog.text
    stage(shell, "procedure")
    button = wait_for(qtbot, shell, "speakButton")
    assert button.isVisible() and not button.isEnabled()
    shell.voice.say([PROCEDURE_TITLE])  # as a tap would, were it enabled: nothing, and no crash
    assert not shell.voice.speaking and kiosk.said == []


def test_the_fee_page_says_the_amount_in_words(qtbot, kiosk_voice) -> None:
    kiosk = kiosk_voice(hold=0)
    shell = kiosk.shell()
    stage(shell, "fee")
    amount = shell.visit.fee.lines[0]["amount"]
    assert amount.endswith(" đ")
    tap(qtbot, shell, "speakButton")
    wait_until(lambda: len(kiosk.played_wavs()) == 1 and not shell.voice.speaking)
    title, subtitle, said = kiosk.said[0]
    assert (title, said) == ("Lệ phí", money_words(amount))
    assert subtitle.startswith("Thủ tục: ")
    # Only "Lệ phí" is one of the program's fixed prompts: the sentence with the procedure's name
    # and the amount were synthesised for this time only.
    assert len(list(kiosk.cache_dir.iterdir())) == 1
