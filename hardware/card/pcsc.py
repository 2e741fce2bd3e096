"""PC/SC card readers through pyscard: listing readers, one card connection, reader/card events.

Everything goes through pyscard's low-level `smartcard.scard` (the PC/SC calls themselves, which
return status codes instead of raising) so that every failure can be mapped to a `CardError`
kind; see `_KIND_IN_SESSION`. Every call into libpcsclite runs with a deadline: a wedged pcscd
answers nothing, forever, and SCardTransmit waits as long as the driver does (vpcd, for one,
waits for the card without a timeout). A connection whose call timed out is not used again: its
abandoned call still holds libpcsclite's lock on the context.

libpcsclite reads the daemon's socket path (`PCSCLITE_CSOCK_NAME`, default
/run/pcscd/pcscd.comm) once per process, at the first PC/SC call.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Final, Literal, TypeVar

from hardware.card.apdu import ApduFormatError, Command
from hardware.card.errors import CardError, CardErrorKind
from hardware.deadline import DeadlineExceeded, call_with_deadline

log = logging.getLogger(__name__)

_T = TypeVar("_T")

# PC/SC status codes (winscard / pcsc-lite pcsclite.h), unsigned; pyscard's constants are the same
# values (a test checks that).
SCARD_S_SUCCESS: Final = 0x00000000
SCARD_F_INTERNAL_ERROR: Final = 0x80100001
SCARD_E_CANCELLED: Final = 0x80100002
SCARD_E_INVALID_HANDLE: Final = 0x80100003
SCARD_E_UNKNOWN_READER: Final = 0x80100009
SCARD_E_TIMEOUT: Final = 0x8010000A
SCARD_E_SHARING_VIOLATION: Final = 0x8010000B
SCARD_E_NO_SMARTCARD: Final = 0x8010000C
SCARD_E_PROTO_MISMATCH: Final = 0x8010000F
SCARD_F_COMM_ERROR: Final = 0x80100013
SCARD_E_NOT_TRANSACTED: Final = 0x80100016
SCARD_E_READER_UNAVAILABLE: Final = 0x80100017
SCARD_E_NO_SERVICE: Final = 0x8010001D
SCARD_E_SERVICE_STOPPED: Final = 0x8010001E
SCARD_E_NO_READERS_AVAILABLE: Final = 0x8010002E
SCARD_E_COMM_DATA_LOST: Final = 0x8010002F
SCARD_W_UNSUPPORTED_CARD: Final = 0x80100065
SCARD_W_UNRESPONSIVE_CARD: Final = 0x80100066
SCARD_W_UNPOWERED_CARD: Final = 0x80100067
SCARD_W_RESET_CARD: Final = 0x80100068
SCARD_W_REMOVED_CARD: Final = 0x80100069

# SCARD_READERSTATE.dwEventState bits; pcsc-lite keeps an event counter in the upper 16 bits.
SCARD_STATE_UNAWARE: Final = 0x0000
SCARD_STATE_IGNORE: Final = 0x0001
SCARD_STATE_CHANGED: Final = 0x0002
SCARD_STATE_UNKNOWN: Final = 0x0004
SCARD_STATE_UNAVAILABLE: Final = 0x0008
SCARD_STATE_EMPTY: Final = 0x0010
SCARD_STATE_PRESENT: Final = 0x0020
SCARD_STATE_MUTE: Final = 0x0200

# The pseudo-reader whose state changes when a reader is plugged in or out (pcsc-lite, Windows).
PNP_NOTIFICATION: Final = "\\\\?PnP?\\Notification"

# The daemon is gone or restarted (our handles are stale), or the reader is: no reader to use.
_SERVICE_GONE: Final = frozenset(
    {
        SCARD_E_NO_SERVICE,
        SCARD_E_SERVICE_STOPPED,
        SCARD_E_INVALID_HANDLE,  # a context or card handle from before a pcscd restart
        SCARD_F_COMM_ERROR,  # the socket to pcscd broke during the call
    }
)
_READER_GONE: Final = frozenset(
    {SCARD_E_NO_READERS_AVAILABLE, SCARD_E_UNKNOWN_READER, SCARD_E_READER_UNAVAILABLE}
)

# Failures while a card is connected. NOT_TRANSACTED and COMM_DATA_LOST are what a transfer cut
# short gives: vpcd's connection dropped (checked), a contactless card leaving the field (what
# pcscd reports for the driver's IFD_COMMUNICATION_ERROR); `_transfer_failed` then asks
# whether the card is still there before choosing CARD_REMOVED or READER_TIMEOUT.
_KIND_IN_SESSION: Final[dict[int, CardErrorKind]] = {
    **dict.fromkeys(_SERVICE_GONE | _READER_GONE, CardErrorKind.NO_READER),
    SCARD_E_SHARING_VIOLATION: CardErrorKind.NO_READER,  # another program holds the reader
    SCARD_W_REMOVED_CARD: CardErrorKind.CARD_REMOVED,  # pcscd saw the card go (checked)
    SCARD_E_NO_SMARTCARD: CardErrorKind.CARD_REMOVED,
    SCARD_W_RESET_CARD: CardErrorKind.CARD_REMOVED,  # reset under us: the secure session is lost
    SCARD_W_UNPOWERED_CARD: CardErrorKind.CARD_REMOVED,
    SCARD_E_TIMEOUT: CardErrorKind.READER_TIMEOUT,
    SCARD_W_UNRESPONSIVE_CARD: CardErrorKind.READER_TIMEOUT,
    SCARD_E_NOT_TRANSACTED: CardErrorKind.READER_TIMEOUT,
    SCARD_E_COMM_DATA_LOST: CardErrorKind.READER_TIMEOUT,
    SCARD_W_UNSUPPORTED_CARD: CardErrorKind.UNSUPPORTED,
    SCARD_E_PROTO_MISMATCH: CardErrorKind.UNSUPPORTED,
}
_CUT_SHORT: Final = frozenset({SCARD_E_NOT_TRANSACTED, SCARD_E_COMM_DATA_LOST})

_CONTEXT_TIMEOUT = 3.0  # establishing a context: only a wedged pcscd takes long
_RELEASE_TIMEOUT = 1.0
_REMOVAL_GRACE_MS = 800  # pcscd polls card presence every 400 ms: enough to see a card leave
_MAX_GET_RESPONSE = 64  # 61xx rounds: 64 × 256 bytes covers any extended-length answer


def _load_scard() -> ModuleType:
    """pyscard's low-level module; imported here because it loads libpcsclite."""
    try:
        from smartcard import scard
    except Exception as exc:  # ImportError, or OSError from loading libpcsclite
        raise CardError(
            CardErrorKind.NO_READER, f"pyscard or libpcsclite missing ({exc.__class__.__name__})"
        ) from exc
    return scard


def _code(value: int) -> int:
    return int(value) & 0xFFFFFFFF


def _describe(scard: ModuleType, code: int) -> str:
    try:
        return f"{scard.SCardGetErrorMessage(code)} (0x{code:08X})"
    except Exception:
        return f"0x{code:08X}"


def _bounded(
    call: Callable[[], _T],
    timeout: float,
    name: str,
    release: Callable[[_T], None] | None = None,
) -> _T:
    """`call_with_deadline`, plus: if the caller gave up, whatever the call returns later (a
    context, a card handle) is handed to `release` instead of leaking in libpcsclite."""
    lock = threading.Lock()
    gave_up = False
    late: list[_T] = []

    def run() -> _T:
        value = call()
        with lock:
            if not gave_up:
                late.append(value)
                return value
        if release is not None:
            release(value)
        return value

    try:
        return call_with_deadline(run, timeout, name)
    except DeadlineExceeded:
        with lock:
            gave_up = True
            finished = list(late)
        if finished and release is not None:
            release(finished[0])  # it returned between the deadline and now
        raise


class _Context:
    """One SCARDCONTEXT. Each transport and the monitor have their own: PC/SC handles are not
    meant to be shared across threads, and a context whose call timed out is dropped."""

    def __init__(self, scard: ModuleType, handle: Any) -> None:
        self.scard = scard
        self.handle = handle

    @classmethod
    def establish(cls, timeout: float = _CONTEXT_TIMEOUT) -> _Context:
        scard = _load_scard()

        def call() -> tuple[int, Any]:
            hresult, handle = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            return _code(hresult), handle

        def release(result: tuple[int, Any]) -> None:
            if result[0] == SCARD_S_SUCCESS:
                scard.SCardReleaseContext(result[1])

        try:
            code, handle = _bounded(call, timeout, "pcsc-establish", release)
        except DeadlineExceeded:
            raise CardError(CardErrorKind.NO_READER, f"pcscd did not answer within {timeout:g} s") from None
        if code != SCARD_S_SUCCESS:
            raise CardError(CardErrorKind.NO_READER, f"no PC/SC service: {_describe(scard, code)}")
        return cls(scard, handle)

    def readers(self, timeout: float) -> list[str]:
        scard = self.scard

        def call() -> tuple[int, list[str]]:
            try:
                hresult, names = scard.SCardListReaders(self.handle, [])
            except SystemError:
                # pyscard 2.x on some error paths returns NULL without an exception set.
                return SCARD_E_NO_READERS_AVAILABLE, []
            return _code(hresult), list(names or [])

        try:
            code, names = _bounded(call, timeout, "pcsc-list-readers")
        except DeadlineExceeded:
            raise CardError(
                CardErrorKind.NO_READER, f"pcscd did not list readers within {timeout:g} s"
            ) from None
        if code in (SCARD_S_SUCCESS, SCARD_E_NO_READERS_AVAILABLE):
            return [str(name) for name in names] if code == SCARD_S_SUCCESS else []
        raise CardError(CardErrorKind.NO_READER, f"listing readers failed: {_describe(scard, code)}")

    def states(self, readers: list[str], timeout: float) -> dict[str, int]:
        """The current state bits of each reader, without waiting for a change."""
        scard = self.scard

        def call() -> tuple[int, list[Any]]:
            query = [(name, SCARD_STATE_UNAWARE) for name in readers]
            hresult, result = scard.SCardGetStatusChange(self.handle, 0, query)
            return _code(hresult), list(result or [])

        try:
            code, result = _bounded(call, timeout, "pcsc-status")
        except DeadlineExceeded:
            raise CardError(CardErrorKind.NO_READER, "pcscd did not report the readers' state") from None
        if code not in (SCARD_S_SUCCESS, SCARD_E_TIMEOUT):
            raise CardError(CardErrorKind.NO_READER, f"reader state: {_describe(scard, code)}")
        return {str(entry[0]): int(entry[1]) for entry in result}

    def release(self, timeout: float = _RELEASE_TIMEOUT) -> None:
        try:
            _bounded(lambda: self.scard.SCardReleaseContext(self.handle), timeout, "pcsc-release")
        except DeadlineExceeded:
            log.warning("pcscd did not release a context within %g s; abandoned", timeout)
        except Exception:
            log.debug("releasing a PC/SC context failed", exc_info=True)


def list_readers(timeout: float = 3.0) -> list[str]:
    """The names of the PC/SC readers plugged in now; [] when there are none.

    Raises CardError(NO_READER) when pcscd is not running or does not answer within `timeout`.
    """
    context = _Context.establish(timeout)
    try:
        return context.readers(timeout)
    finally:
        context.release()


def historical_bytes(atr: bytes) -> bytes:
    """The historical bytes of an ATR (ISO 7816-3 §8.2): after T0 and the interface bytes that
    T0/TDi announce; b"" for an ATR too short to have them."""
    if len(atr) < 2:
        return b""
    count = atr[1] & 0x0F
    indicator = atr[1] >> 4
    i = 2
    while True:
        present = bin(indicator).count("1")
        has_td = bool(indicator & 0x8)
        if has_td:
            td_index = i + present - 1
            if td_index >= len(atr):
                return b""
            indicator = atr[td_index] >> 4
        i += present
        if not has_td:
            break
    return atr[i : i + count]


def card_capabilities_allow_extended(atr: bytes) -> bool | None:
    """What the ATR's card capabilities (ISO 7816-4 §8.1.1.2.7, compact-TLV tag 7, third byte,
    bit 0x40) say about extended Lc/Le; None when the ATR does not say."""
    hist = historical_bytes(atr)
    if not hist or hist[0] not in (0x00, 0x80):
        return None
    # Category 0x00: the last three bytes are a status indicator, not compact-TLV objects.
    objects = hist[1:-3] if hist[0] == 0x00 else hist[1:]
    i = 0
    while i < len(objects):
        tag, length = objects[i] >> 4, objects[i] & 0x0F
        if i + 1 + length > len(objects):
            # Not compact-TLV after all (a type B card's PC/SC ATR carries ATQB bytes here).
            return None
        value = objects[i + 1 : i + 1 + length]
        if tag == 0x7 and len(value) >= 3:
            return bool(value[2] & 0x40)
        i += 1 + length
    return None


@dataclass(frozen=True, slots=True)
class _Connection:
    handle: Any
    protocol: int


class PcscTransport:
    """A connection to the card on one PC/SC reader; the `Transport` of hardware.card.apdu.

    Open it with `PcscTransport.connect()`. `transmit` waits at most `apdu_timeout` seconds per
    APDU; it answers T=0's 61xx with GET RESPONSE and re-sends a command on 6Cxx with the Le the
    card asked for (pcsc-lite leaves both to the application).
    """

    def __init__(
        self,
        context: _Context,
        connection: _Connection,
        reader: str,
        atr: bytes,
        apdu_timeout: float,
    ) -> None:
        self._context = context
        self._connection = connection
        self._reader = reader
        self._atr = atr
        self._apdu_timeout = apdu_timeout
        self._lock = threading.Lock()
        self._closed = False
        self._poisoned = False  # a call timed out and may still hold libpcsclite's lock
        self._idle = threading.Event()  # no call of ours is running in libpcsclite
        self._idle.set()

    @classmethod
    def connect(
        cls, reader: str | None = None, timeout: float = 5.0, *, apdu_timeout: float = 5.0
    ) -> PcscTransport:
        """Connect to the card on `reader`, or on the first reader with a card when None.

        NO_READER: no pcscd, no such reader, or no reader at all; NO_CARD: no card on it (on any,
        for None); READER_TIMEOUT: the card did not answer the reset within `timeout`.
        """
        context = _Context.establish(min(timeout, _CONTEXT_TIMEOUT))
        try:
            return cls._connect(context, reader, timeout, apdu_timeout)
        except BaseException:
            context.release()
            raise

    @classmethod
    def _connect(
        cls, context: _Context, reader: str | None, timeout: float, apdu_timeout: float
    ) -> PcscTransport:
        scard = context.scard
        names = context.readers(timeout)
        if not names:
            raise CardError(CardErrorKind.NO_READER, "no PC/SC reader connected")
        if reader is not None and reader not in names:
            raise CardError(CardErrorKind.NO_READER, f"reader {reader!r} not connected")
        states = context.states([reader] if reader is not None else names, timeout)
        with_card = [name for name, state in states.items() if state & SCARD_STATE_PRESENT]
        if not with_card:
            raise CardError(CardErrorKind.NO_CARD, "no card on " + (repr(reader) if reader else "any reader"))
        chosen = reader if reader is not None else with_card[0]

        def call() -> tuple[int, Any, int]:
            hresult, handle, protocol = scard.SCardConnect(
                context.handle,
                chosen,
                scard.SCARD_SHARE_SHARED,
                scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
            )
            return _code(hresult), handle, int(protocol)

        def release(result: tuple[int, Any, int]) -> None:
            if result[0] == SCARD_S_SUCCESS:
                scard.SCardDisconnect(result[1], scard.SCARD_LEAVE_CARD)

        try:
            code, handle, protocol = _bounded(call, timeout, "pcsc-connect", release)
        except DeadlineExceeded:
            raise CardError(
                CardErrorKind.READER_TIMEOUT, f"the card did not answer within {timeout:g} s"
            ) from None
        if code != SCARD_S_SUCCESS:
            if code in (SCARD_E_NO_SMARTCARD, SCARD_W_REMOVED_CARD):
                raise CardError(CardErrorKind.NO_CARD, f"connect: {_describe(scard, code)}")
            kind = _KIND_IN_SESSION.get(code, CardErrorKind.READER_TIMEOUT)
            raise CardError(kind, f"connect: {_describe(scard, code)}")
        connection = _Connection(handle, protocol)
        atr = cls._status_atr(context, connection, timeout)
        return cls(context, connection, chosen, atr, apdu_timeout)

    @staticmethod
    def _status_atr(context: _Context, connection: _Connection, timeout: float) -> bytes:
        scard = context.scard

        def call() -> tuple[int, bytes]:
            hresult, _reader, _state, _protocol, atr = scard.SCardStatus(connection.handle)
            return _code(hresult), bytes(atr or [])

        try:
            code, atr = _bounded(call, timeout, "pcsc-status")
        except DeadlineExceeded:
            return b""
        return atr if code == SCARD_S_SUCCESS else b""

    # -- Transport --------------------------------------------------------------------------------

    @property
    def reader_name(self) -> str:
        return self._reader

    @property
    def atr(self) -> bytes:
        return self._atr

    @property
    def protocol(self) -> Literal["T=0", "T=1", "other"]:
        scard = self._context.scard
        if self._connection.protocol == scard.SCARD_PROTOCOL_T0:
            return "T=0"
        if self._connection.protocol == scard.SCARD_PROTOCOL_T1:
            return "T=1"
        return "other"

    @property
    def supports_extended(self) -> bool:
        """From the ATR's card capabilities when it has them, else True: readers for eMRTDs
        carry extended APDUs, and the reader layer falls back on short ones after a 6700 anyway.
        T=0 cannot carry them without ENVELOPE, so never there."""
        if self.protocol == "T=0":
            return False
        stated = card_capabilities_allow_extended(self._atr)
        return True if stated is None else stated

    def transmit(self, apdu: bytes) -> bytes:
        with self._lock:
            if self._closed:
                raise CardError(CardErrorKind.CARD_REMOVED, "the connection is closed")
            if self._poisoned:
                raise CardError(CardErrorKind.READER_TIMEOUT, "an earlier APDU never finished")
            answer = self._exchange(apdu)
            rounds = 0
            while len(answer) >= 2 and answer[-2] == 0x6C and rounds < 2:
                # Wrong Le: ISO 7816-3 asks for the same command again with Le = SW2.
                resend = _with_le(apdu, answer[-1] or 256)
                if resend is None:
                    break
                answer = self._exchange(resend)
                rounds += 1
            data = b""
            rounds = 0
            while len(answer) >= 2 and answer[-2] == 0x61 and rounds < _MAX_GET_RESPONSE:
                data += answer[:-2]
                get_response = bytes((apdu[0] & 0x03, 0xC0, 0x00, 0x00, answer[-1]))
                answer = self._exchange(get_response)
                rounds += 1
            return data + answer

    def _exchange(self, apdu: bytes) -> bytes:
        scard = self._context.scard
        connection = self._connection

        def call() -> tuple[int, bytes]:
            try:
                hresult, response = scard.SCardTransmit(connection.handle, connection.protocol, list(apdu))
            finally:
                self._idle.set()
            return _code(hresult), bytes(response or [])

        self._idle.clear()
        try:
            code, response = _bounded(call, self._apdu_timeout, "pcsc-transmit")
        except DeadlineExceeded:
            self._poisoned = True
            raise CardError(
                CardErrorKind.READER_TIMEOUT, f"no answer within {self._apdu_timeout:g} s"
            ) from None
        if code == SCARD_S_SUCCESS and len(response) >= 2:
            return response
        if code == SCARD_S_SUCCESS:
            code = SCARD_E_NOT_TRANSACTED  # no status word at all: the transfer was cut short
        raise self._transfer_failed(code)

    def _transfer_failed(self, code: int) -> CardError:
        scard = self._context.scard
        detail = _describe(scard, code)
        if code in _CUT_SHORT and self._card_left():
            return CardError(CardErrorKind.CARD_REMOVED, f"transmit: {detail}; the card is gone")
        return CardError(_KIND_IN_SESSION.get(code, CardErrorKind.READER_TIMEOUT), f"transmit: {detail}")

    def _card_left(self) -> bool:
        """After a transfer cut short: did the card leave? pcscd notices at its next presence poll,
        so wait for that (at most `_REMOVAL_GRACE_MS`) rather than ask once."""
        scard = self._context.scard

        def call() -> bool:
            try:
                return presence()
            finally:
                self._idle.set()

        def presence() -> bool:
            hresult, result = scard.SCardGetStatusChange(
                self._context.handle, 0, [(self._reader, SCARD_STATE_UNAWARE)]
            )
            if _code(hresult) != SCARD_S_SUCCESS or not result:
                return False
            state = int(result[0][1]) & ~SCARD_STATE_CHANGED
            if not state & SCARD_STATE_PRESENT:
                return True
            hresult, result = scard.SCardGetStatusChange(
                self._context.handle, _REMOVAL_GRACE_MS, [(self._reader, state)]
            )
            return (
                _code(hresult) == SCARD_S_SUCCESS
                and bool(result)
                and not int(result[0][1]) & SCARD_STATE_PRESENT
            )

        self._idle.clear()
        try:
            return _bounded(call, _REMOVAL_GRACE_MS / 1000 + 1.0, "pcsc-presence")
        except DeadlineExceeded:
            self._poisoned = True
            return False
        except Exception:
            log.debug("presence check failed", exc_info=True)
            return False

    def close(self) -> None:
        """Disconnect and release the context; never raises, never blocks for long."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if self._poisoned:
            # The stuck call holds libpcsclite's lock on this context: anything now would queue
            # behind it. Clean up on a daemon thread once (if ever) that call returns.
            log.warning("PC/SC connection to %r closed after a timeout", self._reader)
            threading.Thread(target=self._release_when_idle, name="pcsc-cleanup", daemon=True).start()
            return
        self._release()

    def _release_when_idle(self, patience: float = 120.0) -> None:
        if self._idle.wait(patience):
            self._release()
        else:
            log.warning("PC/SC call to %r never returned; its context is abandoned", self._reader)

    def _release(self) -> None:
        scard = self._context.scard
        try:
            _bounded(
                lambda: scard.SCardDisconnect(self._connection.handle, scard.SCARD_LEAVE_CARD),
                _RELEASE_TIMEOUT,
                "pcsc-disconnect",
            )
        except DeadlineExceeded:
            log.warning("PC/SC disconnect from %r did not return within %g s", self._reader, _RELEASE_TIMEOUT)
            return
        except Exception:
            log.debug("PC/SC disconnect failed", exc_info=True)
        self._context.release()

    def __enter__(self) -> PcscTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PcscTransport({self._reader!r}, {self.protocol})"


def _with_le(apdu: bytes, le: int) -> bytes | None:
    """The same command with another Le, or None when it is not a command we can re-encode."""
    try:
        cmd = Command.parse(apdu)
    except ApduFormatError:
        return None
    if cmd.le is None:
        return None
    return Command(cmd.cla, cmd.ins, cmd.p1, cmd.p2, cmd.data, le, cmd.extended).encode()


# -- events ---------------------------------------------------------------------------------------

EventKind = Literal["reader_added", "reader_removed", "card_inserted", "card_removed", "service_lost"]


@dataclass(frozen=True, slots=True)
class CardEvent:
    """What changed. `reader` is "" for service_lost (pcscd went away: every reader with it)."""

    kind: EventKind
    reader: str


class CardMonitor:
    """Watches all PC/SC readers on a daemon thread and calls `on_event` (on that thread).

    On start it reports what is there (reader_added, then card_inserted for cards already on a
    reader). When pcscd goes away it reports card_removed and reader_removed for what it knew,
    then service_lost, and keeps trying to reconnect every `retry_interval` seconds; when pcscd
    is back, readers and cards are reported again. `stop()` wakes the thread (SCardCancel) and
    returns within its timeout even if the thread is stuck in a call to a wedged pcscd.
    """

    def __init__(
        self,
        on_event: Callable[[CardEvent], None],
        *,
        poll_interval: float = 0.5,
        retry_interval: float = 1.0,
        use_pnp: bool = True,
    ) -> None:
        self._on_event = on_event
        self._poll_ms = max(1, int(poll_interval * 1000))
        self._retry_interval = retry_interval
        self._use_pnp = use_pnp
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._context: _Context | None = None
        self._thread: threading.Thread | None = None
        self._readers: list[str] = []
        self._states: dict[str, int] = {}
        self._present: dict[str, bool] = {}
        self._pnp_state = SCARD_STATE_UNAWARE
        self._service = False

    @property
    def readers(self) -> list[str]:
        """The readers known now (from the monitor's thread; a copy)."""
        with self._lock:
            return list(self._readers)

    def cards(self) -> list[str]:
        """The readers that have a card now."""
        with self._lock:
            return [name for name, present in self._present.items() if present]

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="pcsc-monitor", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Ask the thread to end; whether it did within `timeout` seconds."""
        self._stop.set()
        with self._lock:
            context = self._context
        if context is not None:
            try:
                # Wakes SCardGetStatusChange now instead of at the end of its poll interval.
                _bounded(lambda: context.scard.SCardCancel(context.handle), min(timeout, 0.5), "pcsc-cancel")
            except Exception:
                pass
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        if thread.is_alive():
            log.warning("PC/SC monitor did not stop within %g s (stuck in a pcscd call)", timeout)
            return False
        self._thread = None
        return True

    # -- the thread ------------------------------------------------------------------------------

    def _emit(self, kind: EventKind, reader: str) -> None:
        if self._stop.is_set():
            return
        try:
            self._on_event(CardEvent(kind, reader))
        except Exception:
            log.exception("PC/SC monitor: on_event failed for %s", kind)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._session()
            except Exception:
                log.exception("PC/SC monitor: unexpected failure; starting over")
            self._lose_service()
            self._stop.wait(self._retry_interval)

    def _session(self) -> None:
        """One connection to pcscd, from establishing the context until the service goes away."""
        try:
            context = _Context.establish()
        except CardError:
            return
        with self._lock:
            self._context = context
        if self._stop.is_set():
            return
        self._service = True
        self._pnp_state = SCARD_STATE_UNAWARE
        scard = context.scard
        try:
            if not self._relist(context):
                return
            while not self._stop.is_set():
                with self._lock:
                    readers = list(self._readers)
                query = [(name, self._states.get(name, SCARD_STATE_UNAWARE)) for name in readers]
                if self._use_pnp:
                    query.append((PNP_NOTIFICATION, self._pnp_state))
                if not query:
                    self._stop.wait(self._poll_ms / 1000)
                    if not self._relist(context):
                        return
                    continue
                hresult, result = scard.SCardGetStatusChange(context.handle, self._poll_ms, query)
                code = _code(hresult)
                if code in (SCARD_E_TIMEOUT, SCARD_E_CANCELLED):
                    if not self._use_pnp and not self._relist(context):
                        return
                    continue
                if code in _SERVICE_GONE:
                    log.info("PC/SC monitor: %s", _describe(scard, code))
                    return
                if code != SCARD_S_SUCCESS:
                    if self._use_pnp and code == SCARD_E_UNKNOWN_READER and not readers:
                        # No PnP pseudo-reader in this PC/SC implementation: poll the list instead.
                        self._use_pnp = False
                    elif code not in _READER_GONE:
                        log.info("PC/SC monitor: %s", _describe(scard, code))
                        self._stop.wait(self._poll_ms / 1000)
                    if not self._relist(context):
                        return
                    continue
                if self._apply(result) and not self._relist(context):
                    return
        finally:
            with self._lock:
                self._context = None
            context.release()

    def _apply(self, result: list[Any]) -> bool:
        """Update card presence from SCardGetStatusChange's answer; whether to relist readers."""
        relist = False
        for entry in result or []:
            name, event = str(entry[0]), int(entry[1])
            if name == PNP_NOTIFICATION:
                relist = relist or bool(event & SCARD_STATE_CHANGED)
                self._pnp_state = event & ~SCARD_STATE_CHANGED
                continue
            if event & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE):
                relist = True  # the reader went away between two calls
                continue
            self._states[name] = event & ~SCARD_STATE_CHANGED
            self._set_present(name, bool(event & SCARD_STATE_PRESENT))
        return relist

    def _set_present(self, reader: str, present: bool) -> None:
        with self._lock:
            before = self._present.get(reader, False)
            self._present[reader] = present
        if present and not before:
            self._emit("card_inserted", reader)
        elif before and not present:
            self._emit("card_removed", reader)

    def _relist(self, context: _Context) -> bool:
        """Diff the reader list with what was known; False when the service is gone."""
        try:
            names = context.readers(_CONTEXT_TIMEOUT)
        except CardError:
            return False
        with self._lock:
            known = list(self._readers)
        for gone in [name for name in known if name not in names]:
            self._set_present(gone, False)
            with self._lock:
                self._readers.remove(gone)
                self._present.pop(gone, None)
            self._states.pop(gone, None)
            self._emit("reader_removed", gone)
        for new in [name for name in names if name not in known]:
            with self._lock:
                self._readers.append(new)
                self._present[new] = False
            self._states[new] = SCARD_STATE_UNAWARE  # the next status call reports its card
            self._emit("reader_added", new)
        return True

    def _lose_service(self) -> None:
        if not self._service:
            return
        self._service = False
        with self._lock:
            known = list(self._readers)
        for name in known:
            self._set_present(name, False)
            self._emit("reader_removed", name)
        with self._lock:
            self._readers.clear()
            self._present.clear()
        self._states.clear()
        self._emit("service_lost", "")
