"""The composition root shared by both apps: settings in, working parts out, no Qt.

Builds the catalogue, the store, the portal connector (starting the training portal in-process on
loopback when the office has no real portal), the camera and the printer, each from settings.
Tests and the `screenshot` command build the same services, so they exercise the real wiring.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from config.secrets import PortalSecrets, load_portal_secrets
from config.settings import ConfigError, Settings
from egov.catalog import Catalog, load_catalog
from egov.outbox import Backoff, Outbox
from egov.portal.connector import PortalConnector, build_connector
from egov.portal.server import TrainingPortal
from egov.retention import Purger
from egov.sender import Sender
from egov.store import Store, open_store
from egov.tracking import StatusPoller
from hardware.card.service import CardService, ReaderConfig, load_csca
from hardware.printer import Printer, printer_from_settings
from hardware.scanner.camera import Camera, SharedCamera, camera_from_config

log = logging.getLogger(__name__)

TRAINING_TOKEN = "training-token"
TRAINING_ADMIN_TOKEN = "training-admin"


@dataclass
class Services:
    settings: Settings
    catalog: Catalog
    store: Store
    portal: PortalConnector
    camera: Camera
    printer: Printer
    receipts_dir: Path
    card: CardService
    training_portal: TrainingPortal | None = None
    closers: list = field(default_factory=list)
    sender: Sender | None = None
    poller: StatusPoller | None = None
    purger: Purger | None = None

    def outbox(self, actor: str) -> Outbox:
        """An outbox whose failed sends are picked up by the sender (once `start_sender` ran)."""
        settings = self.settings.outbox
        backoff = Backoff(settings.backoff_base_seconds, settings.backoff_cap_seconds)
        return Outbox(self.store, self.portal, actor, backoff=backoff, wake=self._wake_sender)

    def _wake_sender(self, portal_up: bool) -> None:
        if self.sender is not None:
            self.sender.wake(portal_up)

    def start_sender(self) -> Sender:
        """Start the thread that sends what is queued (left by a crash, an outage, another desk);
        `close()` stops it. The apps call this at start-up; tests that want dossiers to stay
        queued do not."""
        if self.sender is None:
            settings = self.settings.outbox
            sender = Sender(self.outbox("outbox"), lease=settings.lease_seconds, poll=settings.poll_seconds)
            sender.start()
            self.sender = sender
            # A send in flight cannot be cut short; its claim goes back to the queue at the next start.
            self.closers.append(lambda: sender.stop(timeout=2.0))
        return self.sender

    def start_tracking(self) -> StatusPoller:
        """Start the thread that keeps the portal's status of accepted dossiers in the store
        (`[tracking]`), so look-ups answer offline and the agent's "late" list is right; `close()`
        stops it. The apps call this at start-up, next to `start_sender`."""
        if self.poller is None:
            settings = self.settings.tracking
            poller = StatusPoller(
                self.store,
                self.portal,
                interval=timedelta(minutes=settings.poll_minutes),
                every=float(settings.round_seconds),
            )
            poller.start()
            self.poller = poller
            # A status request in flight has the connector's timeout; the thread is a daemon.
            self.closers.append(lambda: poller.stop(timeout=2.0))
        return self.poller

    def start_retention(self) -> Purger:
        """Purge personal data past `[retention] purge_after_days` now and once a day, on a thread
        of its own; `close()` stops it."""
        if self.purger is None:
            purger = Purger(self.store, timedelta(days=self.settings.retention.purge_after_days))
            purger.start()
            self.purger = purger
            self.closers.append(lambda: purger.stop(timeout=2.0))
        return self.purger

    def close(self) -> None:
        for close in reversed(self.closers):
            try:
                close()
            except Exception:  # noqa: BLE001 - closing must go on for the other parts
                log.exception("closing a service failed")
        self.closers.clear()


def portal_connector(settings: Settings, training_url: str | None = None) -> PortalConnector:
    """The office's portal connector; with `[portal] kind = "training"`, the one for the training
    portal the caller started at `training_url`. Credentials come from the environment or the
    secrets file (config/secrets.py), never from the UI."""
    if settings.portal.kind == "training":
        if training_url is None:
            raise ValueError("the training portal's url is needed for [portal] kind = training")
        return build_connector(settings.portal, PortalSecrets(token=TRAINING_TOKEN), training_url)
    return build_connector(settings.portal, load_portal_secrets(settings))


def catalog_lookups(
    catalog: Catalog,
) -> tuple[Callable[[str, str], int | None], Callable[[str, str], int | None]]:
    """The fee and the processing days of a procedure on a channel, as the training portal asks."""

    def fee(code: str, channel: str) -> int | None:
        procedure = catalog.get(code)
        info = procedure.channel(channel) if procedure else None
        return info.fee if info else None

    def days(code: str, channel: str) -> int | None:
        procedure = catalog.get(code)
        info = procedure.channel(channel) if procedure else None
        return info.processing_days if info else None

    return fee, days


def start_training_portal(settings: Settings, catalog: Catalog, db: str | None = None) -> TrainingPortal:
    db = db or settings.training_portal.db or str(settings.data_dir / "training-portal.sqlite3")
    fee, days = catalog_lookups(catalog)
    return TrainingPortal(
        db, tokens=(TRAINING_TOKEN,), admin_token=TRAINING_ADMIN_TOKEN, fees=fee, processing_days=days
    )


def build_services(settings: Settings) -> Services:
    catalog = load_catalog()
    closers: list = []
    training, training_url = None, None
    if settings.portal.kind == "training":
        training = start_training_portal(settings, catalog)
        training_url = training.start(settings.training_portal.host, settings.training_portal.port)
        closers.append(training.stop)
    portal = portal_connector(settings, training_url)
    closers.append(portal.close)
    store = open_store(settings)
    closers.append(store.close)
    receipts = settings.data_dir / "receipts"
    # Shared: the documents step and the card's QR scan use it from their own threads.
    camera = SharedCamera(camera_from_config(settings.camera.source))
    closers.append(camera.release)
    printer = printer_from_settings(settings.printer, receipts)
    card = card_service(settings)
    return Services(settings, catalog, store, portal, camera, printer, receipts, card, training, closers)


def card_service(settings: Settings) -> CardService:
    identity = settings.identity
    try:
        config = ReaderConfig.parse(identity.reader, identity.card_profile)
    except ValueError as exc:
        raise ConfigError(settings.source, "[identity] reader", str(exc)) from None
    try:
        csca = load_csca(identity.csca)
    except Exception as exc:  # noqa: BLE001 - any unreadable trust store is a config error
        raise ConfigError(settings.source, "[identity] csca", f"cannot load: {exc}") from None
    return CardService(config, csca)
