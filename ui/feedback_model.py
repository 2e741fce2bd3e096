"""The rating page's screens for QML (ui/qml/pages/Rating.qml): five faces, a reason, a suggestion.

The visit's last step shows the five faces; a tap (VisitModel.rate) brings the question "what most
needs doing better?" with a few big answers and "Bỏ qua"; either ends the visit. "Góp ý" opens a
text field from either screen and comes back to it once the suggestion is sent. The rating and
its reason are written together, once, when the citizen answers, skips, or walks away (the visit
ends by idle or "Kết thúc": the rating counts without a reason); the write and the suggestion's
go to the store on the network worker (egov.feedback), never on the GUI thread.

Nothing typed is kept here: the suggestion's text lives in the page's field until "Gửi góp ý"
hands it over, and the field goes with the page when the visit ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot

from egov.feedback import (
    REASON_LABELS,
    SCORE_LABELS,
    FeedbackError,
    Reason,
    add_suggestion,
    clean_suggestion,
    record_rating,
)
from egov.text import QT_TRANSLATE_NOOP
from ui.jobs import Jobs
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

SCREENS = ("faces", "reason", "suggestion")
NOT_SENT = QT_TRANSLATE_NOOP(
    "Feedback", "Chưa gửi được góp ý. Hãy bấm “Gửi góp ý” lần nữa hoặc “Gọi nhân viên hỗ trợ”."
)


class FeedbackModel(QObject):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        jobs: Jobs,
        *,
        actor: Callable[[], str],
        finish: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        """`actor`: who the suggestion's audit entry names ("kiosk", or the agent at whose desk it
        was typed); `finish`: ends the visit (VisitModel.finish)."""
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._actor = actor
        self._finish = finish
        self._screen = "faces"
        self._return_to = "faces"  # where "Quay lại" and a sent suggestion go back to
        self._score = 0  # the face tapped, not yet written (0: none)
        self._sent = False
        self._sending = False
        self._message = ""
        self._visit = 0  # bumped when a visit ends: an answer for an earlier one is dropped

    screen = Property(str, lambda self: self._screen, notify=changed)
    score = Property(int, lambda self: self._score, notify=changed)
    scoreText = Property(
        str, lambda self: tr("Feedback", SCORE_LABELS[self._score]) if self._score else "", notify=changed
    )
    sent = Property(bool, lambda self: self._sent, notify=changed)
    sending = Property(bool, lambda self: self._sending, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    scores = Property(
        "QVariantList",
        lambda self: [{"score": s, "label": tr("Feedback", text)} for s, text in SCORE_LABELS.items()],
        constant=True,
    )
    reasons = Property(
        "QVariantList",
        lambda self: [{"code": r.value, "label": tr("Feedback", text)} for r, text in REASON_LABELS.items()],
        constant=True,
    )

    def _show(self, screen: str) -> None:
        self._screen = screen
        self._message = ""
        self.changed.emit()

    def rated(self, score: int) -> None:
        """A face was tapped (checked by the visit): ask for the reason; nothing is written yet."""
        self._score = score
        self._show("reason")

    @Slot()
    def back(self) -> None:
        """From the reason to the faces, to change the answer."""
        if self._screen == "reason":
            self._score = 0
            self._show("faces")

    @Slot(str)
    def chooseReason(self, code: str) -> None:
        self._close(Reason(code))

    @Slot()
    def skipReason(self) -> None:
        self._close(None)

    def _close(self, reason: Reason | None) -> None:
        if not self._score:
            return
        self._write_rating(reason)
        self._finish()

    def _write_rating(self, reason: Reason | None) -> None:
        score, self._score = self._score, 0
        store, office = self._services.store, self._services.settings.office.code

        def failed(exc: BaseException) -> None:
            log.error("rating not stored: %s", exc.__class__.__name__)

        self._jobs.run("network", lambda: record_rating(store, office, score, reason), lambda _: None, failed)

    @Slot()
    def openSuggestion(self) -> None:
        if self._screen != "suggestion":
            self._return_to = self._screen
            self._show("suggestion")

    @Slot()
    def closeSuggestion(self) -> None:
        if self._screen == "suggestion" and not self._sending:
            self._show(self._return_to)

    @Slot(str)
    def sendSuggestion(self, text: str) -> None:
        if self._sending:
            return
        try:
            cleaned = clean_suggestion(text)
        except FeedbackError as exc:
            self._message = tr("Feedback", exc.message)
            self.changed.emit()
            return
        store, office, actor = self._services.store, self._services.settings.office.code, self._actor()
        visit = self._visit

        def done(_uid: str) -> None:
            if visit != self._visit:
                return
            self._sending = False
            self._sent = True
            self._show(self._return_to)

        def failed(exc: BaseException) -> None:
            if visit != self._visit:
                return
            log.error("suggestion not stored: %s", exc.__class__.__name__)
            self._sending = False
            # The text stays in the field: the citizen can send it again.
            self._message = tr("Feedback", NOT_SENT)
            self.changed.emit()

        self._sending = True
        self._message = ""
        self.changed.emit()
        self._jobs.run("network", lambda: add_suggestion(store, office, cleaned, actor=actor), done, failed)

    def end_visit(self) -> None:
        """The visit ends (answered, "Kết thúc", idle): a face tapped still counts, without a
        reason; a suggestion not sent is dropped with the page that held it."""
        if self._score:
            self._write_rating(None)
        self._visit += 1
        self._screen = self._return_to = "faces"
        self._sent = self._sending = False
        self._message = ""
        self.changed.emit()
