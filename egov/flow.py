"""The visit's steps and their order, as data: a navigation map with a back stack, no Qt.

Electrum's `wizard.py` is the model: each step names the step that follows, possibly depending on
what the visit knows so far; "back" pops the stack. The kiosk and the agent point walk different
maps over the same steps. QML renders the current step; tests walk the map headless.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from egov.text import QT_TRANSLATE_NOOP


class Step(enum.StrEnum):
    """A page of the visit; the value is the page name the UI and `screenshot --page` use."""

    WELCOME = "welcome"
    IDENTIFY = "identify"
    CARD = "card"
    IDENTITY_MANUAL = "identity_manual"
    PROCEDURE = "procedure"
    DELEGATE = "delegate"
    FORM = "form"
    CHECKLIST = "checklist"
    DOCUMENTS = "documents"
    CHECK = "check"
    CONSENT = "consent"
    SUBMIT = "submit"
    SEAL = "seal"
    FEE = "fee"
    RECEIPT = "receipt"
    RATING = "rating"


class Mode(enum.StrEnum):
    KIOSK = "kiosk"
    AGENT = "agent"


# Pages only the agent point shows: who sits at the desk, the paper check of Decision 45/2016 and
# the sealed envelope of a dossier going by post.
AGENT_ONLY = frozenset({Step.DELEGATE, Step.CHECKLIST, Step.SEAL})

Stages = tuple[tuple[str, tuple[Step, ...]], ...]

# The step indicator counts stages, not pages: "Bước 2/6 – Chọn thủ tục". Several pages may share
# a stage (manual identity belongs to identification), so the count stays small for the citizen.
STAGES: Stages = (
    (QT_TRANSLATE_NOOP("Flow", "Xác định người nộp"), (Step.IDENTIFY, Step.CARD, Step.IDENTITY_MANUAL)),
    (QT_TRANSLATE_NOOP("Flow", "Chọn thủ tục"), (Step.PROCEDURE, Step.DELEGATE)),
    (QT_TRANSLATE_NOOP("Flow", "Điền tờ khai"), (Step.FORM,)),
    (QT_TRANSLATE_NOOP("Flow", "Chụp giấy tờ"), (Step.DOCUMENTS,)),
    (QT_TRANSLATE_NOOP("Flow", "Kiểm tra và đồng ý"), (Step.CHECK, Step.CONSENT)),
    (QT_TRANSLATE_NOOP("Flow", "Nộp hồ sơ"), (Step.SUBMIT, Step.FEE, Step.RECEIPT, Step.RATING)),
)
# The agent's paper check shares the documents' stage: the same papers, first in hand, then scanned.
AGENT_STAGES: Stages = (
    *STAGES[:3],
    (QT_TRANSLATE_NOOP("Flow", "Kiểm tra và chụp giấy tờ"), (Step.CHECKLIST, Step.DOCUMENTS)),
    STAGES[4],
    (STAGES[5][0], (Step.SUBMIT, Step.SEAL, Step.FEE, Step.RECEIPT, Step.RATING)),
)

# Once the dossier is submitted there is no going back into it: a second submission would be a
# duplicate. These pages offer "Hoàn tất" instead of "Quay lại".
AFTER_SUBMIT = frozenset({Step.SUBMIT, Step.SEAL, Step.FEE, Step.RECEIPT, Step.RATING})


@dataclass(frozen=True, slots=True)
class Facts:
    """What the flow needs to know about the visit to choose the next page."""

    manual_identity: bool = False
    card_identity: bool = False
    has_documents: bool = True
    has_fee: bool = False
    delegated: bool = False
    postal: bool = False  # the paper dossier goes by post: sealed, with a consignment number


NextFn = Callable[[Facts], Step | None]


def _after_identify(f: Facts) -> Step:
    if f.card_identity:
        return Step.CARD
    return Step.IDENTITY_MANUAL if f.manual_identity else Step.PROCEDURE


def _fee_or_receipt(f: Facts) -> Step:
    return Step.FEE if f.has_fee else Step.RECEIPT


def _kiosk_map() -> dict[Step, NextFn]:
    return {
        Step.WELCOME: lambda f: Step.IDENTIFY,
        Step.IDENTIFY: _after_identify,
        Step.CARD: lambda f: Step.PROCEDURE,
        Step.IDENTITY_MANUAL: lambda f: Step.PROCEDURE,
        Step.PROCEDURE: lambda f: Step.FORM,
        Step.FORM: lambda f: Step.DOCUMENTS if f.has_documents else Step.CHECK,
        Step.DOCUMENTS: lambda f: Step.CHECK,
        Step.CHECK: lambda f: Step.CONSENT,
        Step.CONSENT: lambda f: Step.SUBMIT,
        Step.SUBMIT: _fee_or_receipt,
        Step.FEE: lambda f: Step.RECEIPT,
        Step.RECEIPT: lambda f: Step.RATING,
        Step.RATING: lambda f: None,
    }


def _agent_map() -> dict[Step, NextFn]:
    # The agent records who actually sits at the desk: the applicant, or a person they authorised.
    navmap = _kiosk_map()
    navmap[Step.PROCEDURE] = lambda f: Step.DELEGATE
    navmap[Step.DELEGATE] = lambda f: Step.FORM
    # The papers are checked against the published list (Decision 45/2016) before any is scanned:
    # a required paper the citizen does not have stops the case before the scanning work, and
    # the documents step then photographs what was handed over.
    navmap[Step.FORM] = lambda f: Step.CHECKLIST if f.has_documents else Step.CHECK
    navmap[Step.CHECKLIST] = lambda f: Step.DOCUMENTS
    # A dossier going by post is sealed in the citizen's presence once it is submitted (its code
    # is known then), and the consignment number is on the intake slip printed after the fee.
    navmap[Step.SUBMIT] = lambda f: Step.SEAL if f.postal else _fee_or_receipt(f)
    navmap[Step.SEAL] = _fee_or_receipt
    return navmap


class Flow:
    """Where the visit is, and how it got there."""

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self._map = _agent_map() if mode is Mode.AGENT else _kiosk_map()
        self._stages = AGENT_STAGES if mode is Mode.AGENT else STAGES
        self._stack: list[Step] = [Step.WELCOME]

    @property
    def current(self) -> Step:
        return self._stack[-1]

    @property
    def history(self) -> tuple[Step, ...]:
        return tuple(self._stack)

    def steps(self) -> tuple[Step, ...]:
        """Every page this mode can show, in the order of `Step`."""
        return tuple(step for step in Step if step in self._map)

    def next(self, facts: Facts) -> Step | None:
        """Move on; None when the visit is over (the caller starts a new one)."""
        following = self._map[self.current](facts)
        if following is None:
            return None
        if following in AFTER_SUBMIT and self.current not in AFTER_SUBMIT:
            # Submission seals the dossier: what came before is no longer reachable by "back".
            self._stack = [following]
        else:
            self._stack.append(following)
        return following

    def can_go_back(self) -> bool:
        return len(self._stack) > 1 and self.current not in AFTER_SUBMIT

    def back(self) -> Step:
        if self.can_go_back():
            self._stack.pop()
        return self.current

    def jump_back_to(self, step: Step) -> Step:
        """Return to an earlier page ("Sửa" on the check page), keeping the path that led there."""
        if step not in self._stack or self.current in AFTER_SUBMIT:
            raise ValueError(f"{step} is not behind {self.current}")
        del self._stack[self._stack.index(step) + 1 :]
        return self.current

    def stage(self) -> tuple[int, int, str]:
        """(number, count, name) of the current stage; number 0 on the welcome page."""
        for number, (name, steps) in enumerate(self._stages, start=1):
            if self.current in steps:
                return number, len(self._stages), name
        return 0, len(self._stages), ""

    def reset(self) -> None:
        self._stack = [Step.WELCOME]
