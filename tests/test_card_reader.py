"""Reading the emulated CCCD end to end in process: access, file reads, checks, failures.

The card side is our emulator speaking real APDUs; every command goes through `Command.encode`,
the emulator's parser and secure messaging, exactly as over PC/SC (test_card_stack.py does that).
"""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from hardware.card import apdu
from hardware.card.emulator.card import EmulatedCccd, EmulatorTransport
from hardware.card.emulator.profile import CardProfile
from hardware.card.emulator.run import card_from_profile
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.keys import CanKey, keys_for
from hardware.card.pa import CscaStore, Verdict
from hardware.card.reader import ReadMode, card_json, read_card, read_files, to_identity
from hardware.card.service import bundled_profile

DVC_KIOSK = Path(sys.executable).parent / "dvc-kiosk"
TEST_CSCA = bundled_profile().parent.parent / "test-csca"


@pytest.fixture(scope="module")
def profile() -> CardProfile:
    return CardProfile.load(bundled_profile())


@pytest.fixture(scope="module")
def files(profile: CardProfile) -> dict[str, bytes]:
    return profile.build_files()


def card(profile: CardProfile, files: dict[str, bytes], **options) -> EmulatedCccd:
    base = {
        "pace": profile.options.pace,
        "bac": profile.options.bac,
        "extended_length": profile.options.extended_length,
        "key_tries": profile.options.key_tries,
    }
    base.update(options)
    return EmulatedCccd(files, profile.can, profile.mrz_information, **base)


def test_pace_and_bac_read_the_same_signed_identity(profile, files) -> None:
    store = CscaStore.load(TEST_CSCA)
    by_pace = read_card(EmulatorTransport(card(profile, files)), [CanKey("000000")], csca=store)
    by_bac = read_card(EmulatorTransport(card(profile, files)), [profile.mrz_key], csca=store)
    assert by_pace.stats.access == "PACE" and by_bac.stats.access == "BAC"
    for name in ("DG1", "DG2", "DG13", "EF.SOD"):
        assert by_pace.files[name] == by_bac.files[name] == files[name], name
    a = by_pace.authenticity
    assert (a.data_groups, a.signature, a.chain) == (Verdict.OK, Verdict.OK, Verdict.OK)
    identity = to_identity(by_pace)
    assert identity.full_name == "Nguyễn Thị Mẫu" and identity.date_of_birth == date(1958, 9, 5)
    assert identity.date_of_expiry is None and identity.mother_name == "Trần Thị Mẫu"
    assert by_pace.present_groups == (1, 2, 13, 14, 15)


def test_the_json_of_the_command_line(profile, files) -> None:
    read = read_card(EmulatorTransport(card(profile, files)), [CanKey("000000")])
    data = card_json(read)
    assert data["id_number"] == "001158000000" and data["sex"] == "female"
    assert data["date_of_birth"] == "1958-09-05" and data["date_of_issue"] == "2021-04-01"
    assert data["date_of_expiry"] is None, "a card that never expires"
    assert data["photo_jpeg_bytes"] == len(read.photo.data) > 10_000
    assert data["mrz"].startswith("IDVNM158000000")
    assert data["authenticity"] == {"data_groups": "ok", "signature": "ok", "chain": "unknown"}


def minimum_reads(files: dict[str, bytes], names: tuple[str, ...], chunk: int) -> int:
    return sum(math.ceil(len(files[n]) / chunk) for n in names)


@pytest.mark.parametrize("extended", [True, False])
@pytest.mark.parametrize("use_sfi", [True, False])
def test_reads_take_the_fewest_round_trips_the_chunk_allows(profile, files, extended, use_sfi) -> None:
    transport = EmulatorTransport(card(profile, files))
    mode = ReadMode(use_sfi=use_sfi, extended=extended)
    read = read_card(transport, [CanKey("000000")], mode=mode)
    names = ("DG1", "DG13", "DG2", "EF.SOD")
    chunk = mode.extended_chunk if extended else 0xDF  # AES secure messaging after PACE
    file_apdus = read.stats.apdus - read.stats.auth_apdus
    selects = 0 if use_sfi else len(names)
    assert file_apdus == minimum_reads(files, names, chunk) + selects
    assert read.stats.extended_used is extended


def test_a_card_refusing_extended_length_is_read_with_short_apdus(profile, files) -> None:
    read = read_card(EmulatorTransport(card(profile, files, extended_length=False)), [CanKey("000000")])
    assert not read.stats.extended_used
    assert read.files["DG2"] == files["DG2"]
    names = ("DG1", "DG13", "DG2", "EF.SOD")
    # One refused extended read (6700 in plain, which ends the session), the card opened again,
    # then short reads all the way.
    reopen = read.stats.auth_apdus - 1  # EF.CardAccess is not read again
    assert read.stats.apdus - read.stats.auth_apdus == minimum_reads(files, names, 0xDF) + 1 + reopen


def test_bac_reads_in_3des_chunks(profile, files) -> None:
    read = read_card(
        EmulatorTransport(card(profile, files)), [profile.mrz_key], mode=ReadMode(extended=False)
    )
    names = ("DG1", "DG13", "DG2", "EF.SOD")
    assert read.stats.apdus - read.stats.auth_apdus == minimum_reads(files, names, 0xE7)


def test_a_wrong_can_is_refused_and_the_card_still_reads_with_the_right_one(profile, files) -> None:
    chip = card(profile, files)
    with pytest.raises(CardError) as refused:
        read_card(EmulatorTransport(chip), [CanKey("123456")])
    assert refused.value.kind is CardErrorKind.WRONG_KEY
    assert "6 số cuối" in refused.value.message
    assert read_card(EmulatorTransport(chip), [CanKey("000000")]).dg13.id_number == "001158000000"


def test_a_card_that_counts_tries_says_how_many_are_left_then_blocks(profile, files) -> None:
    chip = card(profile, files, key_tries=3)
    left = []
    for _ in range(2):
        with pytest.raises(CardError) as refused:
            read_card(EmulatorTransport(chip), [CanKey("123456")])
        assert refused.value.kind is CardErrorKind.WRONG_KEY
        left.append(refused.value.tries_left)
    assert left == [2, 1]
    with pytest.raises(CardError) as blocked:
        read_card(EmulatorTransport(chip), [CanKey("123456")])
    assert blocked.value.kind is CardErrorKind.KEY_BLOCKED
    with pytest.raises(CardError) as still:
        read_card(EmulatorTransport(chip), [CanKey("000000")])
    assert still.value.kind is CardErrorKind.KEY_BLOCKED, "a blocked card stays blocked"


def test_a_wrong_mrz_key_is_refused(profile, files) -> None:
    wrong = replace(profile.mrz_key, birth_yymmdd="580906")
    with pytest.raises(CardError) as refused:
        read_card(EmulatorTransport(card(profile, files)), [wrong])
    assert refused.value.kind is CardErrorKind.WRONG_KEY


def test_bac_only_card_is_opened_with_the_mrz_key_after_the_can(profile, files) -> None:
    chip = card(profile, files, pace=False)
    read = read_card(EmulatorTransport(chip), [CanKey("000000"), profile.mrz_key])
    assert read.stats.access == "BAC"


def test_keys_from_id_birth_and_issue_date_open_a_card_without_pace() -> None:
    # A card issued at 25 under the 2014 law runs to the 40th birthday: BAC keys from the dates.
    from hardware.card.emulator.profile import CardProfile as Profile

    data = __import__("json").loads(bundled_profile().read_text(encoding="utf-8"))
    data["identity"].update(
        id_number="001190012345",
        date_of_birth="1990-03-15",
        date_of_issue="2021-06-01",
        sex="Nam",
        date_of_expiry="2030-03-15",
    )
    profile = Profile.from_dict(data, bundled_profile().parent)
    chip = card_from_profile(profile)
    chip.pace_enabled = False
    keys = keys_for("001190012345", birth=date(1990, 3, 15), issued=date(2021, 6, 1))
    read = read_card(EmulatorTransport(chip), keys)
    assert read.stats.access == "BAC" and read.dg13.id_number == "001190012345"


class PullAfter:
    """A transport whose card is pulled away after `n` APDUs."""

    def __init__(self, inner: EmulatorTransport, n: int) -> None:
        self.inner, self.left = inner, n
        self.reader_name, self.supports_extended = inner.reader_name, True

    def transmit(self, raw: bytes) -> bytes:
        self.left -= 1
        if self.left < 0:
            self.inner.remove()
        return self.inner.transmit(raw)

    def close(self) -> None:
        self.inner.close()


def test_pulling_the_card_mid_read_says_so_and_a_new_read_works(profile, files) -> None:
    inner = EmulatorTransport(card(profile, files))
    with pytest.raises(CardError) as pulled:
        read_card(PullAfter(inner, 10), [CanKey("000000")])
    assert pulled.value.kind is CardErrorKind.CARD_REMOVED
    assert "nhấc ra" in pulled.value.message
    inner.insert()
    assert read_card(inner, [CanKey("000000")]).files["DG2"] == files["DG2"]


@pytest.mark.parametrize("name", ["DG1", "DG2", "DG13"])
def test_one_changed_byte_in_any_group_fails_passive_authentication(profile, files, name) -> None:
    tampered = dict(files)
    content = bytearray(files[name])
    content[len(content) // 2] ^= 0x01
    tampered[name] = bytes(content)
    read = read_card(EmulatorTransport(card(profile, tampered)), [CanKey("000000")])
    assert read.authenticity.data_groups is Verdict.FAILED
    assert read.authenticity.failed_groups == (int(name[2:]),)
    assert not read.trusted_for_prefill
    with pytest.raises(CardError) as refused:
        to_identity(read)
    assert refused.value.kind in (CardErrorKind.TAMPERED, CardErrorKind.BAD_DATA)


def test_the_card_answers_as_the_real_one_does_to_select_mf(profile, files) -> None:
    chip = card(profile, files)
    chip.power_on()
    answer = apdu.Response.parse(chip.process(bytes.fromhex("00A4000C023F00")))
    assert answer.sw == apdu.SW_INS_NOT_SUPPORTED
    dg3 = apdu.Response.parse(chip.process(bytes.fromhex("00B0830000")))
    assert dg3.sw in (apdu.SW_SECURITY_NOT_SATISFIED, apdu.SW_FILE_NOT_FOUND)


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"DVC_KIOSK_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(DVC_KIOSK), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_card_read_command_reads_the_emulated_card_and_dumps_it(tmp_path) -> None:
    import json

    done = run_cli(
        tmp_path,
        "card",
        "read",
        "--reader",
        "emulator",
        "--can",
        "000000",
        "--json",
        "--dump",
        str(tmp_path / "dump"),
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["full_name"] == "Nguyễn Thị Mẫu" and data["authenticity"]["chain"] == "unknown"
    again = run_cli(
        tmp_path, "card", "read", "--files", str(tmp_path / "dump"), "--csca", str(TEST_CSCA), "--json"
    )
    assert again.returncode == 0, again.stderr
    from_files = json.loads(again.stdout)
    assert from_files["authenticity"] == {"data_groups": "ok", "signature": "ok", "chain": "ok"}
    assert {k: v for k, v in from_files.items() if k not in ("authenticity", "access")} == {
        k: v for k, v in data.items() if k not in ("authenticity", "access")
    }
    assert read_files(tmp_path / "dump").dg13.full_name == "Nguyễn Thị Mẫu"


def test_card_read_command_with_a_wrong_can_fails_in_plain_vietnamese(tmp_path) -> None:
    done = run_cli(tmp_path, "card", "read", "--reader", "emulator", "--can", "123456")
    assert done.returncode == 1
    assert "Thẻ không chấp nhận mã vừa nhập" in done.stderr and "wrong_key" in done.stderr
    assert done.stdout == ""
