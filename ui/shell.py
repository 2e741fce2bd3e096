"""The Qt side of an app, shared by the kiosk and the agent point: engine, models, window.

`Shell` loads Main.qml with the view models as context properties and the visit's image provider.
Both `kiosk.app` and `agent_point.app` build a Shell; so do the tests and `dvc-kiosk screenshot`.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTranslator, QUrl
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow
from PySide6.QtQuickControls2 import QQuickStyle

from egov.flow import Mode
from ui.display_model import DisplayModel
from ui.events import pump
from ui.guide_model import GuideModel
from ui.idle import IdleWatcher
from ui.jobs import Jobs
from ui.keyboard_model import KeyboardModel
from ui.lockdown import Lockdown
from ui.lookup_model import LookupModel
from ui.outage import OutageModel
from ui.printer_model import printer_model
from ui.services import Services
from ui.ticket_model import TicketModel
from ui.visit_model import VisitImages, VisitModel
from ui.voice_model import voice_for

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).parent / "qml"
I18N_DIR = Path(__file__).parent / "i18n"

# A 21.5-inch 1080p kiosk panel has about 4 pixels a millimetre. Platforms that cannot know the
# physical size (offscreen, VNC, some HDMI panels reporting nonsense) get that instead.
DEFAULT_PX_PER_MM = 4.0


def px_per_mm(app: QGuiApplication) -> float:
    screen = app.primaryScreen()
    if screen is None or app.platformName() in ("offscreen", "vnc", "minimal"):
        return DEFAULT_PX_PER_MM
    value = screen.physicalDotsPerInch() / 25.4
    return value if 2.5 <= value <= 12 else DEFAULT_PX_PER_MM


def install_translator(app: QGuiApplication, language: str) -> QTranslator | None:
    """Vietnamese is the source language; English comes from a compiled translation if shipped."""
    if language == "vi":
        return None
    translator = QTranslator(app)
    if translator.load(str(I18N_DIR / f"dvc_{language}.qm")):
        app.installTranslator(translator)
        return translator
    log.warning("no translation for %s; showing Vietnamese", language)
    return None


class Shell(QObject):
    def __init__(
        self,
        services: Services,
        mode: Mode,
        *,
        width: int = 1280,
        height: int = 800,
        session_factory: object = None,
    ) -> None:
        super().__init__()
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication), "create the QGuiApplication first"
        QQuickStyle.setStyle("Basic")
        self.services = services
        self.translator = install_translator(app, services.settings.office.language)
        self.jobs = Jobs(self)
        self.printer = printer_model(services, self)
        self.visit = VisitModel(services, mode, self.jobs, self.printer, self)
        self.agent = (
            session_factory(services, self.visit, self.jobs, self) if callable(session_factory) else None
        )
        # The citizen's look-up beside the visit; whatever ends a visit (idle, "Kết thúc") wipes it.
        self.lookup = LookupModel(services, self.jobs, self)
        self.visit.visitEnded.connect(self.lookup.wipe)
        # A queue ticket taken at the kiosk, also beside the visit; idle ends it the same way.
        self.tickets = TicketModel(services, self.jobs, self.printer, self)
        self.visit.visitEnded.connect(self.tickets.wipe)
        # A procedure's guide with pictures, beside the visit too; the visit's end closes it.
        self.guides = GuideModel(services, self.jobs, self.printer, self)
        self.visit.visitEnded.connect(self.guides.wipe)
        # The on-screen keyboard (the agent point has a real one): its Telex buffer goes with the visit.
        self.keyboard = KeyboardModel(shown=mode is Mode.KIOSK, parent=self)
        self.visit.visitEnded.connect(self.keyboard.wipe)
        # "Nghe lại": the page's question read aloud, stopped when the page changes or the visit ends.
        self.voice = voice_for(self, services.settings, mode)
        kiosk = services.settings.kiosk
        # Large text and high contrast: the citizen's choice lasts for their visit only.
        self.display = DisplayModel(kiosk.large_text, kiosk.high_contrast, self)
        self.visit.visitEnded.connect(self.display.reset)
        self.idle = IdleWatcher(
            self.visit,
            kiosk.idle_seconds,
            kiosk.idle_warning_seconds,
            self,
            at_rest=self.at_rest,
        )
        if mode is Mode.KIOSK:
            app.installEventFilter(self.idle)
        else:
            # Not watched at the agent point, it would wipe a visit the agent is typing into after
            # idle_seconds; the agent's session timeout (agent_point/session_timeout.py) does it.
            self.idle.stop()
        # At the kiosk only: the out-of-service page, and the lock-down's gesture, PIN and maintenance.
        self.outage: OutageModel | None = None
        self.lockdown: Lockdown | None = None
        if mode is Mode.KIOSK:
            self.outage = OutageModel(services, self.printer, self.jobs, self.at_rest, self)
            self.lockdown = Lockdown(services, self.jobs, self.outage, self, px_per_mm=px_per_mm(app))
        self.engine = QQmlApplicationEngine(self)
        self.engine.addImageProvider("visit", VisitImages(self.visit))
        context = self.engine.rootContext()
        context.setContextProperty("vm", self.visit)
        context.setContextProperty("printer", self.printer)
        context.setContextProperty("agent", self.agent)
        context.setContextProperty("lookup", self.lookup)
        context.setContextProperty("tickets", self.tickets)
        context.setContextProperty("guides", self.guides)
        context.setContextProperty("keyboard", self.keyboard)
        context.setContextProperty("idle", self.idle)
        context.setContextProperty("voice", self.voice)
        context.setContextProperty("outage", self.outage)
        context.setContextProperty("lockdown", self.lockdown)
        # Not "display": a Button has a property of that name, which would hide it in its bindings.
        context.setContextProperty("displayModes", self.display)
        context.setContextProperty("screenPxPerMm", px_per_mm(app))
        context.setContextProperty("initialWidth", width)
        context.setContextProperty("initialHeight", height)
        self.engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("the QML user interface failed to load; see the log for the QML error")
        self.window: QQuickWindow = roots[0]  # type: ignore[assignment]

    def at_rest(self) -> bool:
        """Whether the screen holds nothing to protect: the welcome page, nothing started."""
        beside = self.lookup.active or self.tickets.active or self.guides.active
        return self.visit.page == "welcome" and not beside

    def grab(self) -> QImage:
        return self.window.grabWindow()

    def close(self) -> None:
        if self.lockdown is not None:
            self.lockdown.release()  # the shell is closing: a locked window may go now
            self.lockdown.stop()
        if self.outage is not None:
            self.outage.stop()
        self.window.close()
        self.idle.stop()  # its timers must not outlive it into another thread's garbage collection
        self.tickets.stop()  # the number's time on screen, likewise
        close_agent = getattr(self.agent, "close", None)
        if callable(close_agent):
            close_agent()  # the agent's session timeout and the queue's refresh, likewise
        self.visit.close_devices()
        self.voice.close()
        self.jobs.shutdown()
        self.printer.close()
        # The engine goes first: its bindings must not outlive the view models they read. Deleted
        # at once: a deleteLater after exec() has returned (or in a test, which never runs exec)
        # was never carried out, and the bindings then read half-destroyed models at exit.
        shiboken6.delete(self.engine)
        pump()
