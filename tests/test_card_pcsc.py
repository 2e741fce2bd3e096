"""The PC/SC layer on the real stack: pyscard → libpcsclite → a private pcscd → vpcd → Python cards.

The stack (tests/cardstack.py) needs root; without it these tests skip, except under CI=true.
The vpcd protocol, ATR parsing and the monitor's bookkeeping are also tested without it.
"""

from __future__ import annotations

import functools
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from cardstack import (
    SPECIMEN_MRZ_INFORMATION,
    SPECIMEN_TD3,
    EpassProcess,
    PcscStack,
    configure_client_socket,
    epass_problem,
    reader_name,
    unavailable,
)

from hardware.card import pcsc
from hardware.card.apdu import Command, Response
from hardware.card.bac import establish_bac, mrz_information
from hardware.card.emulator.profile import CardProfile
from hardware.card.emulator.run import card_from_profile
from hardware.card.emulator.vpcd import CTRL_ATR, CTRL_POWER_OFF, CTRL_POWER_ON, VpcdLink
from hardware.card.errors import CardError, CardErrorKind
from hardware.card.keys import CanKey, MrzKey
from hardware.card.pcsc import CardEvent, CardMonitor, PcscTransport, list_readers
from hardware.card.reader import read_card
from hardware.card.service import bundled_profile
from hardware.card.sm import SecureMessaging

# libpcsclite reads the socket path at the first PC/SC call of the process: before any test runs.
configure_client_socket()

SELECT_EMRTD = bytes.fromhex("00A4040C07A0000002471001")
GET_CHALLENGE = bytes.fromhex("0084000008")


# -- cards -------------------------------------------------------------------------------------------


class TinyCard:
    """A card with one transparent file; GET DATA (CA) insists on Le 16 (6C10), and the case-4
    INS 88 answers the T=0 way, through two GET RESPONSEs (61xx). `hold()` makes it stop answering
    until `release()`."""

    ATR = bytes.fromhex("3B80800101")  # T=1, no historical bytes
    CONTENT = bytes(range(0x20, 0x60))
    GET_DATA = bytes.fromhex("00112233445566778899AABBCCDDEEFF")

    def __init__(self) -> None:
        self.commands: list[bytes] = []
        self.powered = False
        self._answering = threading.Event()
        self._answering.set()
        self._pending = b""

    def hold(self) -> None:
        self._answering.clear()

    def release(self) -> None:
        self._answering.set()

    def atr(self) -> bytes:
        return self.ATR

    def power_on(self) -> None:
        self.powered = True

    def power_off(self) -> None:
        self.powered = False

    def reset(self) -> None:
        self.powered = True

    def process(self, apdu: bytes) -> bytes:
        self._answering.wait(30)
        self.commands.append(apdu)
        cmd = Command.parse(apdu)
        if cmd.ins == 0xA4:
            return b"\x90\x00"
        if cmd.ins == 0xB0:
            offset = cmd.p1 << 8 | cmd.p2
            chunk = self.CONTENT[offset : offset + (cmd.le or 0)]
            return chunk + (b"\x90\x00" if len(chunk) == cmd.le else b"\x62\x82")
        if cmd.ins == 0xCA:
            return self.GET_DATA + b"\x90\x00" if cmd.le == 16 else b"\x6c\x10"
        if cmd.ins == 0x88:
            self._pending = cmd.data[::-1] * 2
            return b"\x61" + bytes((len(self._pending),))
        if cmd.ins == 0xC0 and self._pending:
            part, self._pending = self._pending[:8], self._pending[8:]
            return part + (b"\x61" + bytes((len(self._pending),)) if self._pending else b"\x90\x00")
        return b"\x6d\x00"


def _slot0_card(stack: PcscStack) -> Iterator[tuple[TinyCard, VpcdLink]]:
    card = TinyCard()
    link = stack.attach(card, slot=0)
    try:
        yield card, link
    finally:
        card.release()
        stack.detach(link)


@pytest.fixture
def tiny(pcsc_stack: PcscStack) -> Iterator[tuple[TinyCard, VpcdLink]]:
    yield from _slot0_card(pcsc_stack)


@functools.cache
def _epass_problem() -> str | None:
    return epass_problem()


@pytest.fixture
def epass(pcsc_stack: PcscStack) -> Iterator[EpassProcess]:
    problem = _epass_problem()
    if problem:
        unavailable(f"vsmartcard ePass: {problem}")
    process = pcsc_stack.run_epass(SPECIMEN_TD3, slot=1)
    try:
        yield process
    finally:
        pcsc_stack.stop_epass(process)
        pcsc_stack.wait_card(process.reader, present=False)


class Events:
    """CardMonitor events, waited for one by one."""

    def __init__(self) -> None:
        self.queue: queue.Queue[CardEvent] = queue.Queue()
        self.seen: list[CardEvent] = []

    def __call__(self, event: CardEvent) -> None:
        self.queue.put(event)

    def expect(self, kind: str, reader: str, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                event = self.queue.get(timeout=max(remaining, 0.001))
            except queue.Empty:
                pytest.fail(f"no {kind} {reader!r} within {timeout:g} s; saw {self.seen}")
            self.seen.append(event)
            if event == CardEvent(kind, reader):  # type: ignore[arg-type]
                return


def _kind(call: Callable[[], object]) -> CardErrorKind:
    with pytest.raises(CardError) as caught:
        call()
    return caught.value.kind


# -- without the stack ---------------------------------------------------------------------------------


def test_status_codes_are_pyscards() -> None:
    scard = pytest.importorskip("smartcard.scard")
    for name in dir(pcsc):
        if name.startswith(("SCARD_E_", "SCARD_W_", "SCARD_F_", "SCARD_S_", "SCARD_STATE_")):
            assert getattr(pcsc, name) == getattr(scard, name) & 0xFFFFFFFF, name


def test_atr_card_capabilities() -> None:
    # Contactless ATR as PC/SC part 3 builds it: 80 73 00 00 40 = capabilities with extended Lc/Le.
    assert pcsc.historical_bytes(bytes.fromhex("3B8580018073000040A6")) == bytes.fromhex("8073000040")
    assert pcsc.card_capabilities_allow_extended(bytes.fromhex("3B8580018073000040A6")) is True
    # vsmartcard's ePass: TA1, TD1 (T=1), TD2; capabilities FF 01 00 deny extended length.
    assert pcsc.card_capabilities_allow_extended(bytes.fromhex("3B951381018073FF01000B")) is False
    assert pcsc.card_capabilities_allow_extended(TinyCard.ATR) is None
    assert pcsc.card_capabilities_allow_extended(bytes.fromhex("3B02")) is None


class _FakeVpcdCard(TinyCard):
    def __init__(self) -> None:
        super().__init__()
        self.log: list[str] = []

    def power_on(self) -> None:
        self.log.append("on")

    def power_off(self) -> None:
        self.log.append("off")


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(len(payload).to_bytes(2, "big") + payload)


def _receive(sock: socket.socket) -> bytes:
    sock.settimeout(5)
    header = sock.recv(2, socket.MSG_WAITALL)
    assert len(header) == 2, "the link closed the connection"
    return sock.recv(int.from_bytes(header, "big"), socket.MSG_WAITALL)


def _speak_vpcd(conn: socket.socket, card: _FakeVpcdCard) -> None:
    _send(conn, bytes((CTRL_ATR,)))
    assert _receive(conn) == TinyCard.ATR
    _send(conn, bytes((CTRL_POWER_ON,)))
    _send(conn, bytes.fromhex("00B0000004"))
    assert _receive(conn) == TinyCard.CONTENT[:4] + b"\x90\x00"
    _send(conn, bytes((CTRL_POWER_OFF,)))
    _send(conn, bytes((CTRL_ATR,)))  # answered after the power-off was handled
    assert _receive(conn) == TinyCard.ATR
    assert card.log[:2] == ["on", "off"]


def test_vpcd_link_connects_to_a_listening_vpcd() -> None:
    card = _FakeVpcdCard()
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(5)
        link = VpcdLink(card, "127.0.0.1", server.getsockname()[1], retry_interval=0.05)
        link.start()
        try:
            conn, _ = server.accept()
            with conn:
                _speak_vpcd(conn, card)
                assert link.wait_connected(2)
                assert link.remove_card(2)
                assert not link.connected
                conn.settimeout(2)
                assert conn.recv(1) == b""  # the card left: vpcd sees the connection end
            link.insert_card()
            again, _ = server.accept()
            with again:
                _send(again, bytes((CTRL_ATR,)))
                assert _receive(again) == TinyCard.ATR
        finally:
            started = time.monotonic()
            assert link.stop(2)
            assert time.monotonic() - started < 1.5


def test_vpcd_link_listening_for_vpcd_on_loopback() -> None:
    card = _FakeVpcdCard()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    link = VpcdLink(card, "127.0.0.1", port, listen=True, retry_interval=0.05)
    link.start()
    try:
        conn = _connect_retrying(port)
        with conn:
            _speak_vpcd(conn, card)
            assert link.remove_card(2)
            conn.settimeout(2)
            assert conn.recv(1) == b""
        with pytest.raises(ConnectionRefusedError):  # no card: nothing listens any more
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        link.insert_card()
        with _connect_retrying(port) as again:
            _send(again, bytes((CTRL_ATR,)))
            assert _receive(again) == TinyCard.ATR
    finally:
        assert link.stop(2)


def _connect_retrying(port: int, timeout: float = 5.0) -> socket.socket:
    deadline = time.monotonic() + timeout
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=2)
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class _FakeScard:
    """Just enough of smartcard.scard for CardMonitor: readers plugged and unplugged at will,
    the \\\\?PnP?\\Notification reader, and a service that can stop."""

    SCARD_SCOPE_USER = 0

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.readers: dict[str, bool] = {}  # name → card present
        self.service = True

    def SCardEstablishContext(self, scope: int) -> tuple[int, int]:
        return (0, 1) if self.service else (pcsc.SCARD_E_NO_SERVICE, 0)

    def SCardReleaseContext(self, context: int) -> int:
        return 0

    def SCardCancel(self, context: int) -> int:
        return 0

    def SCardGetErrorMessage(self, code: int) -> str:
        return "fake"

    def SCardListReaders(self, context: int, groups: list[str]) -> tuple[int, list[str]]:
        with self.lock:
            if not self.service:
                return pcsc.SCARD_E_NO_SERVICE, []
            return (0, list(self.readers)) if self.readers else (pcsc.SCARD_E_NO_READERS_AVAILABLE, [])

    def SCardGetStatusChange(self, context: int, timeout_ms: int, states: list[Any]) -> tuple[int, list[Any]]:
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            with self.lock:
                if not self.service:
                    return pcsc.SCARD_E_NO_SERVICE, []
                out, changed = [], False
                for name, current in states:
                    if name == pcsc.PNP_NOTIFICATION:
                        event = len(self.readers) << 16
                        moved = current == 0 or current & 0xFFFF0000 != event
                    elif name not in self.readers:
                        event, moved = pcsc.SCARD_STATE_UNKNOWN, True
                    else:
                        event = pcsc.SCARD_STATE_PRESENT if self.readers[name] else pcsc.SCARD_STATE_EMPTY
                        moved = current & (pcsc.SCARD_STATE_PRESENT | pcsc.SCARD_STATE_EMPTY) != event
                    changed = changed or moved
                    out.append((name, event | (pcsc.SCARD_STATE_CHANGED if moved else 0), []))
                if changed:
                    return 0, out
            if time.monotonic() >= deadline:
                return pcsc.SCARD_E_TIMEOUT, out
            time.sleep(0.01)


def test_monitor_follows_readers_plugged_and_unplugged_while_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeScard()
    fake.readers = {"A": False}
    monkeypatch.setattr(pcsc, "_load_scard", lambda: fake)
    events = Events()
    monitor = CardMonitor(events, poll_interval=0.1, retry_interval=0.1)
    monitor.start()
    try:
        events.expect("reader_added", "A")
        with fake.lock:
            fake.readers["A"] = True
        events.expect("card_inserted", "A")
        with fake.lock:
            fake.readers["B"] = False
        events.expect("reader_added", "B")
        with fake.lock:
            del fake.readers["A"]  # unplugged with the card on it
        events.expect("card_removed", "A")
        events.expect("reader_removed", "A")
        assert monitor.readers == ["B"]
        with fake.lock:
            fake.service = False
        events.expect("reader_removed", "B")
        events.expect("service_lost", "")
        with fake.lock:
            fake.service = True
        events.expect("reader_added", "B")
    finally:
        assert monitor.stop(2)


def test_monitor_survives_a_failing_callback(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeScard()
    fake.readers = {"A": True}
    monkeypatch.setattr(pcsc, "_load_scard", lambda: fake)
    events = Events()

    def on_event(event: CardEvent) -> None:
        events(event)
        raise RuntimeError("a bug in the listener")

    monitor = CardMonitor(on_event, poll_interval=0.1)
    monitor.start()
    try:
        events.expect("card_inserted", "A")
        with fake.lock:
            fake.readers["A"] = False
        events.expect("card_removed", "A")
    finally:
        assert monitor.stop(2)


# -- on the stack ----------------------------------------------------------------------------------


def test_private_pcscd_lists_the_vpcd_readers(pcsc_stack: PcscStack) -> None:
    readers = list_readers()
    assert reader_name(0) in readers and reader_name(1) in readers


def test_no_card_and_no_such_reader(pcsc_stack: PcscStack) -> None:
    assert _kind(lambda: PcscTransport.connect(reader_name(0))) is CardErrorKind.NO_CARD
    assert _kind(lambda: PcscTransport.connect(None)) is CardErrorKind.NO_CARD
    assert _kind(lambda: PcscTransport.connect("No Such Reader 00 00")) is CardErrorKind.NO_READER


def test_reads_a_tiny_card(tiny: tuple[TinyCard, VpcdLink]) -> None:
    card, _ = tiny
    with PcscTransport.connect(None, timeout=5) as transport:
        assert transport.reader_name == reader_name(0)
        assert transport.atr == TinyCard.ATR
        assert transport.protocol == "T=1"
        assert transport.supports_extended  # the ATR does not say otherwise
        assert transport.transmit(SELECT_EMRTD) == b"\x90\x00"
        answer = Response.parse(transport.transmit(Command(0x00, 0xB0, 0, 4, le=16).encode()))
        assert answer == Response(TinyCard.CONTENT[4:20], 0x9000)
        # 6C10: sent again with Le 16, and the caller only sees the final answer.
        assert transport.transmit(bytes.fromhex("00CA000000")) == TinyCard.GET_DATA + b"\x90\x00"
        assert card.commands[-2:] == [bytes.fromhex("00CA000000"), bytes.fromhex("00CA000010")]
        # 61xx twice: both GET RESPONSE answers are joined.
        data = bytes(range(8))
        assert (
            transport.transmit(Command(0x00, 0x88, 0, 0, data, le=256).encode())
            == data[::-1] * 2 + b"\x90\x00"
        )
        assert card.commands[-2:] == [bytes.fromhex("00C0000010"), bytes.fromhex("00C0000008")]


def test_reads_the_emulated_cccd_through_pcscd(pcsc_stack: PcscStack) -> None:
    # The whole reader (PACE, then BAC; extended length; secure messaging) over pyscard and pcscd.
    profile = CardProfile.load(bundled_profile())
    expected = profile.build_files()
    link = pcsc_stack.attach(card_from_profile(profile), slot=0)
    try:
        for key, access in ((CanKey(profile.can), "PACE"), (profile.mrz_key, "BAC")):
            with PcscTransport.connect(reader_name(0)) as transport:
                assert transport.supports_extended  # the emulated card's ATR says so
                read = read_card(transport, [key])
            assert read.stats.access == access and read.stats.extended_used
            for name in ("DG1", "DG13", "DG2", "EF.SOD"):
                assert read.files[name] == expected[name], name
            assert read.consistent
            read.wipe()
    finally:
        pcsc_stack.detach(link)


def test_card_pulled_mid_session(pcsc_stack: PcscStack, tiny: tuple[TinyCard, VpcdLink]) -> None:
    card, link = tiny
    transport = PcscTransport.connect(reader_name(0))
    try:
        assert transport.transmit(SELECT_EMRTD) == b"\x90\x00"
        link.remove_card()
        # At once: vpcd fails the transfer (NOT_TRANSACTED); the transport sees the card gone.
        started = time.monotonic()
        assert _kind(lambda: transport.transmit(SELECT_EMRTD)) is CardErrorKind.CARD_REMOVED
        assert time.monotonic() - started < 2.0
        assert _kind(lambda: transport.transmit(SELECT_EMRTD)) is CardErrorKind.CARD_REMOVED
    finally:
        transport.close()
    assert _kind(lambda: PcscTransport.connect(reader_name(0))) is CardErrorKind.NO_CARD
    link.insert_card()
    pcsc_stack.wait_card(reader_name(0))
    with PcscTransport.connect(reader_name(0)) as transport:
        assert transport.transmit(SELECT_EMRTD) == b"\x90\x00"
        link.remove_card()
        # Later: pcscd has seen the card go and says so (SCARD_W_REMOVED_CARD).
        pcsc_stack.wait_card(reader_name(0), present=False)
        assert _kind(lambda: transport.transmit(SELECT_EMRTD)) is CardErrorKind.CARD_REMOVED
    link.insert_card()
    pcsc_stack.wait_card(reader_name(0))


def test_a_card_that_does_not_answer_times_out(tiny: tuple[TinyCard, VpcdLink]) -> None:
    card, _ = tiny
    transport = PcscTransport.connect(reader_name(0), apdu_timeout=1.0)
    try:
        card.hold()
        started = time.monotonic()
        assert _kind(lambda: transport.transmit(SELECT_EMRTD)) is CardErrorKind.READER_TIMEOUT
        assert 0.9 < time.monotonic() - started < 2.0
        # The stuck call still holds the connection: no second wait.
        started = time.monotonic()
        assert _kind(lambda: transport.transmit(SELECT_EMRTD)) is CardErrorKind.READER_TIMEOUT
        assert time.monotonic() - started < 0.5
    finally:
        started = time.monotonic()
        transport.close()
        assert time.monotonic() - started < 0.5
        card.release()
    with PcscTransport.connect(reader_name(0)) as again:
        assert again.transmit(SELECT_EMRTD) == b"\x90\x00"


def test_monitor_reports_cards(pcsc_stack: PcscStack) -> None:
    events = Events()
    monitor = CardMonitor(events, poll_interval=0.2)
    monitor.start()
    card = TinyCard()
    link: VpcdLink | None = None
    try:
        events.expect("reader_added", reader_name(0))
        events.expect("reader_added", reader_name(1))
        link = pcsc_stack.attach(card, slot=0, wait=False)
        events.expect("card_inserted", reader_name(0))
        assert monitor.cards() == [reader_name(0)]
        link.remove_card()
        events.expect("card_removed", reader_name(0))
        link.insert_card()
        events.expect("card_inserted", reader_name(0))
    finally:
        started = time.monotonic()
        assert monitor.stop(2)
        assert time.monotonic() - started < 1.0
        if link is not None:
            pcsc_stack.detach(link)


def test_pcscd_stopped_while_idle(pcsc_stack: PcscStack) -> None:
    events = Events()
    monitor = CardMonitor(events, poll_interval=0.2, retry_interval=0.2)
    monitor.start()
    try:
        events.expect("reader_added", reader_name(1))
        pcsc_stack.stop_daemon()
        events.expect("reader_removed", reader_name(0))
        events.expect("reader_removed", reader_name(1))
        events.expect("service_lost", "")
        assert _kind(list_readers) is CardErrorKind.NO_READER
        assert _kind(lambda: PcscTransport.connect(None)) is CardErrorKind.NO_READER
        pcsc_stack.start_daemon()
        events.expect("reader_added", reader_name(0))
        events.expect("reader_added", reader_name(1))
        assert sorted(monitor.readers) == [reader_name(0), reader_name(1)]
    finally:
        pcsc_stack.start_daemon()
        assert monitor.stop(2)


def test_a_wedged_pcscd_gives_no_reader_in_time(pcsc_stack: PcscStack) -> None:
    pcsc_stack.pause_daemon()
    try:
        started = time.monotonic()
        assert _kind(lambda: list_readers(timeout=1.0)) is CardErrorKind.NO_READER
        assert time.monotonic() - started < 2.0
    finally:
        pcsc_stack.resume_daemon()
    assert reader_name(0) in list_readers()


def test_epass_answers_select_and_get_challenge(epass: EpassProcess) -> None:
    with PcscTransport.connect(epass.reader) as transport:
        assert transport.atr == bytes.fromhex(epass.ready["atr"])
        assert not transport.supports_extended  # its ATR's card capabilities say so
        assert transport.transmit(SELECT_EMRTD) == b"\x90\x00"
        challenge = Response.parse(transport.transmit(GET_CHALLENGE))
        assert challenge.sw == 0x9000 and len(challenge.data) == 8
        other = Response.parse(transport.transmit(GET_CHALLENGE))
        assert other.data != challenge.data


def _read_protected(send: Callable[[Command], Response], sm: SecureMessaging, fid: int) -> bytes:
    selected = sm.unwrap(send(sm.wrap(Command(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big")))))
    assert selected.sw == 0x9000, f"SELECT {fid:04X}: {selected.sw:04X}"
    content = b""
    while True:
        part = sm.unwrap(send(sm.wrap(Command(0x00, 0xB0, len(content) >> 8, len(content) & 0xFF, le=0x80))))
        assert part.sw in (0x9000, 0x6282), f"READ BINARY {fid:04X}: {part.sw:04X}"
        content += part.data
        if part.sw != 0x9000 or len(part.data) < 0x80:
            return content


def test_epass_bac_and_secure_messaging(epass: EpassProcess) -> None:
    info = mrz_information("L898902C3", "740812", "120415")
    assert info == SPECIMEN_MRZ_INFORMATION
    with PcscTransport.connect(epass.reader) as transport:

        def send(cmd: Command) -> Response:
            return Response.parse(transport.transmit(cmd.encode()))

        assert send(Command.parse(SELECT_EMRTD)).ok
        sm = establish_bac(send, info)
        assert _read_protected(send, sm, 0x011E) == epass.file("EF.COM")
        dg1 = _read_protected(send, sm, 0x0101)
        assert dg1 == epass.file("DG1")
        # DG1 as ICAO 9303-10 lays it out: 61 L 5F1F L <the MRZ the ePass was given>.
        assert dg1 == bytes.fromhex("615B5F1F58") + SPECIMEN_TD3.encode()
        # An absent file under SM: the ePass protects the error too (DO'99' + MAC), so the
        # session survives it.
        missing = sm.unwrap(send(sm.wrap(Command(0x00, 0xA4, 0x02, 0x0C, b"\x01\x0f"))))
        assert missing.sw == 0x6A82
        assert _read_protected(send, sm, 0x011E) == epass.file("EF.COM")


def test_epass_refuses_a_wrong_bac_key(epass: EpassProcess) -> None:
    with PcscTransport.connect(epass.reader) as transport:

        def send(cmd: Command) -> Response:
            return Response.parse(transport.transmit(cmd.encode()))

        assert send(Command.parse(SELECT_EMRTD)).ok
        with pytest.raises(CardError) as refused:
            establish_bac(send, mrz_information("L898902C3", "740812", "120416"))
        # The ePass checks the MAC before decrypting, so a wrong key gives 6988 (real cards: 6300
        # or 6982); either way the user is told the key was wrong.
        assert refused.value.sw == 0x6988
        assert refused.value.kind is CardErrorKind.WRONG_KEY


def test_our_reader_reads_the_debian_epass(epass: EpassProcess) -> None:
    # Interoperability with a card implementation this project did not write: vsmartcard's ePass
    # (BAC, 3DES secure messaging, a TD3 passport MRZ) read by read_card through pcscd.
    key = MrzKey("L898902C3", "740812", "120415")
    with PcscTransport.connect(epass.reader) as transport:
        read = read_card(transport, [key], files=("EF.COM", "DG1"))
    assert read.stats.access == "BAC"
    assert read.files["EF.COM"] == epass.file("EF.COM") and read.files["DG1"] == epass.file("DG1")
    assert read.mrz is not None and read.mrz.format == "TD3" and read.mrz.all_check_digits_ok
    assert (
        read.mrz.document_number.startswith("L898902C3") and read.mrz.birth_date.isoformat() == "1974-08-12"
    )
