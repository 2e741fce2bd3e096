"""Voice guidance without the UI: Vietnamese words for values, the real espeak-ng, the prompt
cache, ALSA's aplay, and `dvc-kiosk voice prepare`.

espeak-ng and aplay are Debian's (setup.sh installs espeak-ng and alsa-utils). This machine has no
sound card: aplay plays to ALSA's "null" device, which takes the samples and discards them.
"""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pytest
from test_cli import run

from egov.spoken import date_words, money_words, names_person, number_words, readable, spell
from hardware.voice.cache import PromptCache
from hardware.voice.engine import EspeakEngine, Segment
from hardware.voice.espeak import Espeak, SpeechError
from hardware.voice.player import AplayPlayer
from hardware.voice.wav import Pcm, read_wav

TITLE = "Bạn muốn làm thủ tục gì?"

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("aplay") is None,
    reason="espeak-ng and aplay are installed by setup.sh (apt: espeak-ng alsa-utils)",
)


# -- words -----------------------------------------------------------------------------------------

NUMBERS = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (1000, "một nghìn"),
    (1005, "một nghìn không trăm linh năm"),
    (2000, "hai nghìn"),
    (2010, "hai nghìn không trăm mười"),
    (2026, "hai nghìn không trăm hai mươi sáu"),
    (30_000, "ba mươi nghìn"),
    (150_000, "một trăm năm mươi nghìn"),
    (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_500_000, "một triệu năm trăm nghìn"),
    (12_345_678, "mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám"),
    (1_000_000_000, "một tỷ"),
    (2_000_000_021, "hai tỷ không trăm hai mươi mốt"),
]


@pytest.mark.parametrize(("number", "words"), NUMBERS)
def test_numbers_in_words(number: int, words: str) -> None:
    assert number_words(number) == words


DATES = [
    ("25/11/2026", "ngày hai mươi lăm tháng mười một năm hai nghìn không trăm hai mươi sáu"),
    ("01/01/2025", "ngày một tháng một năm hai nghìn không trăm hai mươi lăm"),
    ("04/04/2030", "ngày bốn tháng tư năm hai nghìn không trăm ba mươi"),
    ("24/12/2027", "ngày hai mươi tư tháng mười hai năm hai nghìn không trăm hai mươi bảy"),
    ("5/3/2026", "ngày năm tháng ba năm hai nghìn không trăm hai mươi sáu"),
]


@pytest.mark.parametrize(("text", "words"), DATES)
def test_dates_in_words(text: str, words: str) -> None:
    assert date_words(text) == words


MONEY = [
    ("30.000 đ", "ba mươi nghìn đồng"),
    ("30.000đ", "ba mươi nghìn đồng"),
    ("1.500.000 đ", "một triệu năm trăm nghìn đồng"),
    ("2.000 đồng", "hai nghìn đồng"),
    (15000, "mười lăm nghìn đồng"),
]


@pytest.mark.parametrize(("value", "words"), MONEY)
def test_money_in_words(value: int | str, words: str) -> None:
    assert money_words(value) == words


def test_codes_are_spelled_character_by_character() -> None:
    assert spell("H01.99-261123-0001") == (
        "hát, không, một, chấm, chín, chín, gạch ngang, hai, sáu, một, một, hai, ba, "
        "gạch ngang, không, không, không, một"
    )
    assert spell("TN-5") == "tê, en-nờ, gạch ngang, năm"


@pytest.mark.parametrize("bad", ["25-11-2026", "32/01/2026", "hôm nay"])
def test_a_date_that_is_not_one_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        date_words(bad)


def test_names_and_id_numbers_are_recognised_as_unsayable() -> None:
    personal = ["Trần Văn Bình", "001199004321"]
    assert names_person("Xin chào Trần Văn Bình", personal)
    assert names_person("xin chao TRAN VAN BINH", personal)  # typed without accents
    assert names_person("Số 001 199 004 321", [])  # an ID number, whoever's
    assert not names_person("Bạn muốn làm thủ tục gì?", personal)
    assert not names_person("H01.99-261123-0001", personal)  # a dossier code is not an ID


# -- espeak-ng, the WAV, the cache ------------------------------------------------------------------


@needs_espeak
def test_espeak_ng_speaks_a_vietnamese_sentence() -> None:
    pcm = Espeak("vi", 140).synthesise(TITLE)
    # Six syllables at 140 words a minute: about two seconds, not a click and not a minute.
    assert 1.0 < pcm.seconds < 6.0
    assert pcm.loudness() > 500  # full scale is 32767; silence is 0
    again = read_wav(pcm.to_wav())
    assert again == pcm


@needs_espeak
def test_the_header_espeak_ng_leaves_in_a_pipe_is_read_by_the_bytes_present() -> None:
    raw = subprocess.run(
        ["espeak-ng", "-v", "vi", "--stdout", "xin chào"], capture_output=True, check=True
    ).stdout
    assert raw[40:44] == b"\x00\xf0\xff\x7f"  # the data size it could not go back to write
    pcm = read_wav(raw)
    assert len(pcm.data) == len(raw) - 44


def test_volume_scales_the_samples() -> None:
    loud = Pcm(22050, 1, (b"\x00\x40" + b"\x00\xc0") * 1000)  # ±16384
    assert loud.scaled(50).loudness() == pytest.approx(loud.loudness() / 2, rel=0.01)
    assert loud.scaled(0).loudness() == 0
    assert loud.scaled(100) == loud


def counting_espeak(folder: Path) -> tuple[Path, Path]:
    """An espeak-ng on PATH's place that notes each synthesis, then runs the real one."""
    log = folder / "runs.log"
    wrapper = folder / "espeak-ng"
    real = shutil.which("espeak-ng")
    wrapper.write_text(
        f'#!/bin/sh\ncase "$*" in *--stdout*) echo run >> "{log}";; esac\nexec "{real}" "$@"\n'
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper, log


def runs(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


@needs_espeak
def test_a_cached_prompt_is_not_synthesised_again(tmp_path: Path) -> None:
    wrapper, log = counting_espeak(tmp_path)
    cache = PromptCache(tmp_path / "voice", Espeak("vi", 140, command=str(wrapper)))
    first = cache.get(TITLE)
    assert runs(log) == 1
    assert cache.get(TITLE) == first
    # A new cache over the same folder (the app started again) still finds it.
    again = PromptCache(tmp_path / "voice", Espeak("vi", 140, command=str(wrapper)))
    assert again.get(TITLE) == first
    assert runs(log) == 1
    # The file names say nothing of the words.
    names = [p.name for p in (tmp_path / "voice").iterdir()]
    assert len(names) == 1 and "thủ" not in names[0] and names[0].endswith(".wav")
    # Another rate is another sound.
    PromptCache(tmp_path / "voice", Espeak("vi", 175, command=str(wrapper))).get(TITLE)
    assert runs(log) == 2


@needs_espeak
def test_dynamic_values_are_synthesised_each_time_and_never_cached(tmp_path: Path) -> None:
    wrapper, log = counting_espeak(tmp_path)
    engine = EspeakEngine(Espeak("vi", 140, command=str(wrapper)), AplayPlayer("null"), tmp_path / "v", 80)
    segments = [Segment(TITLE, fixed=True), Segment(spell("H01.99-261123-0001"), fixed=False)]
    engine.speak(segments, lambda: False)
    engine.speak(segments, lambda: False)
    assert runs(log) == 3  # the title once, the code twice
    assert len(list((tmp_path / "v").iterdir())) == 1


# -- aplay ------------------------------------------------------------------------------------------


@needs_espeak
def test_aplay_plays_to_an_alsa_device_and_a_missing_device_is_an_error() -> None:
    pcm = Espeak("vi", 140).synthesise("xin chào")
    AplayPlayer("null").play(pcm, lambda: False)
    with pytest.raises(SpeechError, match="aplay exited"):
        AplayPlayer("hw:CARD=NoSuchCard").play(pcm, lambda: False)


def holding_player(folder: Path, hold_seconds: int = 60) -> Path:
    """An `aplay` that takes the sound, then plays for `hold_seconds`: a sound card, slowly. Each
    sound it took is kept whole (written aside, then renamed) as played-<pid>.wav."""
    script = folder / "aplay"
    part = f'"{folder}/played-$$.part"'
    script.write_text(
        f'#!/bin/sh\ncat > {part}\nmv {part} "{folder}/played-$$.wav"\nexec sleep {hold_seconds}\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def played(folder: Path) -> list[Path]:
    return sorted(folder.glob("played-*.wav"))


def test_stop_ends_playing_at_once(tmp_path: Path) -> None:
    player = AplayPlayer("default", command=str(holding_player(tmp_path)))
    pcm = Pcm(22050, 1, b"\x00\x10" * 22050)
    stopped = threading.Event()
    thread = threading.Thread(target=player.play, args=(pcm, stopped.is_set))
    thread.start()
    wait_until_played(tmp_path)
    assert thread.is_alive()  # still "playing"
    stopped.set()
    player.stop()
    thread.join(timeout=10)
    assert not thread.is_alive(), "play() did not return after stop()"
    assert read_wav(played(tmp_path)[0].read_bytes()).seconds == pytest.approx(1.0)


def wait_until_played(folder: Path, count: int = 1) -> None:
    for _ in range(1000):
        if len(played(folder)) >= count:
            return
        threading.Event().wait(0.01)
    raise AssertionError("the player never got the sound")


def test_missing_programs_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    engine = EspeakEngine(Espeak("vi", 140), AplayPlayer(), tmp_path / "v", 80)
    assert not engine.available
    assert engine.missing() == "espeak-ng and aplay"
    with pytest.raises(SpeechError, match="espeak-ng is not installed"):
        engine.synthesiser.synthesise(TITLE)


# -- dvc-kiosk voice ----------------------------------------------------------------------------------


@needs_espeak
def test_voice_prepare_fills_the_cache_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    first = run(data, "voice", "prepare", "--json")
    assert first.returncode == 0, first.stderr
    made = json.loads(first.stdout)
    # Every kiosk page's title is among the prompts, and the catalogue's form questions.
    assert made["prompts"] > 100 and made["synthesised"] == made["prompts"]
    assert made["synthesiser"].startswith("eSpeak NG")
    folder = Path(made["cache"])
    assert folder.is_relative_to(data)
    assert len(list(folder.glob("*.wav"))) == made["prompts"]
    cache = PromptCache(folder, Espeak("vi", 140))
    assert (
        cache.has(TITLE) and cache.has("Kiểm tra lại trước khi nộp") and cache.has("Dịch vụ công trực tuyến")
    )
    second = json.loads(run(data, "voice", "prepare", "--json").stdout)
    assert second["synthesised"] == 0 and second["cached_before"] == made["prompts"]


@needs_espeak
def test_voice_say_writes_a_wav_and_names_a_missing_sound_device(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "say.wav"
    done = run(data, "voice", "say", TITLE, "--wav", str(out))
    assert done.returncode == 0, done.stderr
    assert read_wav(out.read_bytes()).loudness() > 300
    config = tmp_path / "office.toml"
    config.write_text('[voice]\ndevice = "hw:CARD=NoSuchCard"\n')
    failed = run(data, "--config", str(config), "voice", "say", TITLE)
    assert failed.returncode == 1
    assert "aplay exited" in failed.stderr


def test_voice_prepare_without_espeak_says_what_to_install(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    done = run(data, "voice", "prepare", env={"PATH": str(tmp_path)})
    assert done.returncode == 1
    assert "apt-get install espeak-ng" in done.stderr
    assert not (data / "voice").exists()


def test_the_engine_is_the_one_named_and_a_missing_one_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from config.settings import load_settings
    from ui.voice_model import build_engine

    voice = load_settings().voice
    assert voice.engine == "espeak"
    if shutil.which("espeak-ng") and shutil.which("aplay"):
        engine, why = build_engine(voice, tmp_path)
        assert engine.name == "espeak-ng" and engine.available and why == ""
    assert build_engine(replace(voice, engine="none"), tmp_path)[0].name == "none"
    monkeypatch.setenv("PATH", str(tmp_path))
    engine, why = build_engine(voice, tmp_path)
    assert not engine.available
    assert why == "espeak-ng and aplay not installed (apt-get install espeak-ng alsa-utils)"
    try:
        import PySide6.QtTextToSpeech  # noqa: F401
    except ImportError:
        engine, why = build_engine(replace(voice, engine="qt"), tmp_path)
        assert not engine.available and why == "Qt TextToSpeech not installed (PySide6-Addons)"


SENTENCES = [
    ("Câu 3/15 của tờ khai Đăng ký khai sinh.", "Câu ba trên mười lăm của tờ khai Đăng ký khai sinh."),
    ("Lệ phí: 20.000 đ · 7 ngày làm việc", "Lệ phí: hai mươi nghìn đồng · bảy ngày làm việc"),
    (
        "Ngày hẹn: 24/11/2026",
        "Ngày hẹn: ngày hai mươi tư tháng mười một năm hai nghìn không trăm hai mươi sáu",
    ),
    ("ví dụ H01.99-261123-0001.", f"ví dụ {spell('H01.99-261123-0001')}."),
    ("gọi 1900 0000.", "gọi một, chín, không, không, không, không, không, không."),
    ("Nhập 4 số cuối", "Nhập bốn số cuối"),
    ("có 12 chữ số", "có mười hai chữ số"),
    ("Bạn muốn làm thủ tục gì?", "Bạn muốn làm thủ tục gì?"),
]


@pytest.mark.parametrize(("sentence", "said"), SENTENCES)
def test_numbers_in_the_programs_sentences_are_said_in_words(sentence: str, said: str) -> None:
    assert readable(sentence) == said
