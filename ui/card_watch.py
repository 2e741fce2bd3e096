"""The chip reader's state for the card page: is there a reader, is a card on it?

With a PC/SC reader, `CardWatch` runs `hardware.card.pcsc.CardMonitor` on its own thread and hands
each event to the GUI thread by a queued signal carrying two strings (never Python objects, see
ui/jobs.py); the card page then says "a card is on the reader" or "no reader found" before the
citizen has typed anything. The built-in emulated card is always on its reader.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from hardware.card.service import CardService

log = logging.getLogger(__name__)


class CardWatch(QObject):
    changed = Signal()
    _event = Signal(str, str)  # emitted on the monitor's thread, delivered on the GUI thread

    def __init__(self, service: CardService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._readers: set[str] = set()
        self._cards: set[str] = set()
        self._service_up = True
        self._monitor = None
        self._event.connect(self._on_event)
        config = service.config
        if config.kind == "pcsc":
            from hardware.card.pcsc import CardEvent, CardMonitor

            def forward(event: CardEvent) -> None:
                self._event.emit(event.kind, event.reader)

            self._wanted = config.name
            self._monitor = CardMonitor(forward)
            self._monitor.start()

    @property
    def state(self) -> str:
        """emulated | none | no_reader | no_card | card."""
        kind = self._service.config.kind
        if kind == "emulator":
            return "emulated"
        if kind != "pcsc":
            return "none"
        readers = {r for r in self._readers if not self._wanted or r == self._wanted}
        if not self._service_up or not readers:
            return "no_reader"
        return "card" if self._cards & readers else "no_card"

    @Slot(str, str)
    def _on_event(self, kind: str, reader: str) -> None:
        if kind == "service_lost":
            self._service_up = False
            self._readers.clear()
            self._cards.clear()
        elif kind == "reader_added":
            self._service_up = True
            self._readers.add(reader)
        elif kind == "reader_removed":
            self._readers.discard(reader)
            self._cards.discard(reader)
        elif kind == "card_inserted":
            self._cards.add(reader)
        elif kind == "card_removed":
            self._cards.discard(reader)
        log.debug("reader event %s (%s): now %s", kind, reader, self.state)
        self.changed.emit()

    def stop(self) -> None:
        if self._monitor is not None:
            self._monitor.stop(2.0)
            self._monitor = None
