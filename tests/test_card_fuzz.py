"""Outside data against the card layers: whatever bytes arrive, only our own errors come out.

A chip (or something posing as one) sends the terminal its responses; a terminal sends the
emulated chip its commands. Neither side may crash on malformed input: the terminal raises
CardError (which the UI turns into a sentence), the chip answers a status word.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardware.card import apdu
from hardware.card.apdu import ApduFormatError, Command, Response
from hardware.card.emulator.card import EmulatedCccd
from hardware.card.emulator.profile import CardProfile
from hardware.card.errors import CardError
from hardware.card.service import bundled_profile
from hardware.card.sm import SecureMessaging

PROFILE = CardProfile.load(bundled_profile())
FILES = PROFILE.build_files()
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=300))
def test_command_parser_raises_only_its_own_error(raw: bytes) -> None:
    try:
        cmd = Command.parse(raw)
    except ApduFormatError:
        return
    assert Command.parse(cmd.encode()) == cmd  # what was parsed encodes back to the same command


@SETTINGS
@given(st.lists(st.binary(max_size=270), max_size=8))
def test_the_emulated_chip_answers_any_bytes_with_a_status_word(commands: list[bytes]) -> None:
    chip = EmulatedCccd(FILES, PROFILE.can, PROFILE.mrz_information)
    chip.power_on()
    # Open the application first so that commands reach the file system and BAC, not only SELECT.
    chip.process(bytes.fromhex("00A4040C07A0000002471001"))
    for raw in commands:
        answer = chip.process(raw)
        assert len(answer) >= 2


@SETTINGS
@given(st.sampled_from([0x0C, 0x1C]), st.binary(max_size=300))
def test_the_chip_in_a_session_rejects_garbage_protected_commands(cla: int, body: bytes) -> None:
    chip = EmulatedCccd(FILES, PROFILE.can, PROFILE.mrz_information)
    chip.power_on()
    chip._sm = SecureMessaging("aes", bytes(16), bytes(16), 0)  # a session whose keys we know
    answer = Response.parse(chip.process(bytes((cla, 0xB0, 0x81, 0x00)) + body))
    assert answer.sw != apdu.SW_OK or len(answer.data) > 0


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["3des", "aes"]))
def test_the_terminal_unwraps_any_response_or_raises_card_error(raw: bytes, cipher: str) -> None:
    sm = SecureMessaging(cipher, bytes(16), bytes(16), 0)  # type: ignore[arg-type]
    sm.wrap(Command(0x00, 0xB0, 0x81, 0x00, le=0xDF))
    try:
        response = Response.parse(raw)
    except ApduFormatError:
        return
    try:
        sm.unwrap(response)
    except CardError:
        pass
