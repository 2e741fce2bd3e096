"""The citizen's feedback after a visit: a rating of five levels, an optional reason, a suggestion.

The rating (1–5) and the reason chosen after it are anonymous and kept in clear (`ratings`): codes
and a number, nothing a person typed. A suggestion ("Góp ý") is free text, which can carry a
name or a phone number whatever the page asks, so it is sealed with the store's key like every
other piece of personal free text, read only by a supervisor (`Action.READ_SUGGESTIONS`; every
read goes to the audit trail), and its text is purged `[retention]` days after it was read. An
unread suggestion is kept until someone reads it: purging it unread would lose it silently.

Where the reasons come from. Vietnam's citizen-satisfaction index of public administrative
services (SIPAS, Ministry of Home Affairs; its 2017–2020 scheme, and Decision 1001/QĐ-BNV of
11/12/2023 for 2023–2026, lawnet.vn) measures five parts of a service: (1) access to the service
(the place, its equipment), (2) the administrative procedure (papers, steps), (3) the civil
servant who handles the case (manner, guidance), (4) the result (on time), (5) how suggestions
are received and handled (the scheme's five elements as published, e.g. blogkhampha.edu.vn, "Đề án
đo lường sự hài lòng … giai đoạn 2017–2023"). The reasons offered here are those parts as a
person at a kiosk would say them: a long wait (1, 4), a machine hard to use (1), too little
guidance (3), too many papers or steps (2), the staff's manner (3), and something else; (5) is the
"Góp ý" itself. The question asked after any rating is what most needs doing better, so the same
answers fit every level.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from egov.store.crypto import StoreError
from egov.store.models import RatingReason, RatingRow, SuggestionRow
from egov.store.store import Store
from egov.text import QT_TRANSLATE_NOOP, nfc

__all__ = [
    "LOW_SCORE",
    "REASON_LABELS",
    "SCORE_LABELS",
    "FeedbackError",
    "FeedbackSummary",
    "Reason",
    "Suggestion",
    "add_suggestion",
    "feedback_summary",
    "list_suggestions",
    "mark_read",
    "purge_read_suggestions",
    "record_rating",
]

Reason = RatingReason

# The five levels, best first as the page shows them; the words go with every face.
SCORE_LABELS: dict[int, str] = {
    5: QT_TRANSLATE_NOOP("Feedback", "Rất hài lòng"),
    4: QT_TRANSLATE_NOOP("Feedback", "Hài lòng"),
    3: QT_TRANSLATE_NOOP("Feedback", "Bình thường"),
    2: QT_TRANSLATE_NOOP("Feedback", "Không hài lòng"),
    1: QT_TRANSLATE_NOOP("Feedback", "Rất không hài lòng"),
}
# In the order the page shows them ("Khác" last).
REASON_LABELS: dict[Reason, str] = {
    Reason.WAIT: QT_TRANSLATE_NOOP("Feedback", "Phải chờ lâu"),
    Reason.MACHINE: QT_TRANSLATE_NOOP("Feedback", "Máy khó dùng"),
    Reason.GUIDANCE: QT_TRANSLATE_NOOP("Feedback", "Thiếu hướng dẫn"),
    Reason.PAPERWORK: QT_TRANSLATE_NOOP("Feedback", "Giấy tờ, thủ tục phức tạp"),
    Reason.STAFF: QT_TRANSLATE_NOOP("Feedback", "Thái độ phục vụ"),
    Reason.OTHER: QT_TRANSLATE_NOOP("Feedback", "Lý do khác"),
}
LOW_SCORE = 3  # "Bình thường" and below: the ratings whose reasons the report counts apart
MAX_SUGGESTION = 1000  # characters; a few sentences, not a letter

EMPTY_SUGGESTION = QT_TRANSLATE_NOOP("Feedback", "Hãy viết vài chữ góp ý rồi bấm “Gửi góp ý”.")
LONG_SUGGESTION = QT_TRANSLATE_NOOP(
    "Feedback", "Góp ý dài quá 1000 chữ. Hãy viết ngắn lại rồi bấm “Gửi góp ý”."
)
_SEALED_FIELD = "text"


class FeedbackError(ValueError):
    """A suggestion that cannot be kept as typed; `message` is the Vietnamese sentence to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Suggestion:
    uid: str
    office_code: str
    at: datetime
    text: str
    read_at: datetime | None
    read_by: str

    @property
    def read(self) -> bool:
        return self.read_at is not None


@dataclass(frozen=True, slots=True)
class FeedbackSummary:
    """An office's reasons and suggestions over a span: how many of each, never what was written."""

    reasons: dict[Reason, int] = field(default_factory=lambda: {r: 0 for r in Reason})
    low_reasons: dict[Reason, int] = field(default_factory=lambda: {r: 0 for r in Reason})  # score ≤ 3
    without_reason: int = 0
    low_without_reason: int = 0
    suggestions: int = 0


def _subject(uid: str) -> str:
    return f"suggestion:{uid}"


def record_rating(store: Store, office_code: str, score: int, reason: Reason | None = None) -> None:
    """Keep an anonymous rating of the office and the reason chosen after it, if any."""
    store.record_rating(office_code=office_code, score=score, reason=reason.value if reason else "")


def clean_suggestion(text: str) -> str:
    """The suggestion as it will be kept (NFC, trimmed); FeedbackError when empty or too long."""
    cleaned = nfc(text).strip()
    if not cleaned:
        raise FeedbackError(EMPTY_SUGGESTION)
    if len(cleaned) > MAX_SUGGESTION:
        raise FeedbackError(LONG_SUGGESTION)
    return cleaned


def add_suggestion(store: Store, office_code: str, text: str, *, actor: str = "kiosk") -> str:
    """Keep a suggestion, sealed; its uid. The audit trail notes that one came, not what it says."""
    cleaned = clean_suggestion(text)
    uid = str(uuid.uuid4())
    sealed = store.seal_field(_subject(uid), _SEALED_FIELD, cleaned.encode("utf-8"))
    with store.write() as session:
        session.add(SuggestionRow(uid=uid, office_code=office_code, at=store.now(), text_enc=sealed))
        store.audit_in(
            session, actor=actor, action="suggestion.received", subject=_subject(uid), detail=office_code
        )
    return uid


def list_suggestions(
    store: Store, *, reader: str, office_code: str | None = None, unread_only: bool = False
) -> list[Suggestion]:
    """The suggestions whose text is still kept, newest first, for `reader` (a supervisor, or the
    command line): the read itself is audited in the same transaction. Asking who may read is
    the caller's business (egov.permissions, `Action.READ_SUGGESTIONS`)."""
    query = select(SuggestionRow).where(SuggestionRow.text_enc.is_not(None))
    if office_code is not None:
        query = query.where(SuggestionRow.office_code == office_code)
    if unread_only:
        query = query.where(SuggestionRow.read_at.is_(None))
    with store.write() as session:
        rows = session.scalars(query.order_by(SuggestionRow.at.desc(), SuggestionRow.id.desc())).all()
        store.audit_in(
            session,
            actor=reader,
            action="suggestions.read",
            subject=f"suggestions:{office_code or '*'}",
            detail=f"shown={len(rows)}; unread_only={unread_only}",
        )
        listed = [
            Suggestion(
                uid=row.uid,
                office_code=row.office_code,
                at=row.at,
                text=store.unseal_field(_subject(row.uid), _SEALED_FIELD, row.text_enc or b"").decode(),
                read_at=row.read_at,
                read_by=row.read_by or "",
            )
            for row in rows
        ]
    return listed


def mark_read(store: Store, uid: str, *, reader: str) -> bool:
    """Mark a suggestion read by `reader` (audited); False if it was read already. StoreError if
    there is no such suggestion."""
    with store.write() as session:
        row = session.scalar(select(SuggestionRow).where(SuggestionRow.uid == uid))
        if row is None:
            raise StoreError(f"suggestion {uid}: not found")
        if row.read_at is not None:
            return False
        row.read_at, row.read_by = store.now(), reader
        store.audit_in(session, actor=reader, action="suggestion.marked_read", subject=_subject(uid))
    return True


def purge_read_suggestions(store: Store, *, after: timedelta, actor: str = "retention") -> int:
    """Drop the text of every suggestion read more than `after` ago (the row and its time stay,
    for the counts); how many were purged."""
    cutoff = store.now() - after
    with store.write() as session:
        rows = session.scalars(
            select(SuggestionRow).where(
                SuggestionRow.read_at.is_not(None),
                SuggestionRow.read_at <= cutoff,
                SuggestionRow.purged_at.is_(None),
            )
        ).all()
        for row in rows:
            row.text_enc = None
            row.purged_at = store.now()
            store.audit_in(session, actor=actor, action="suggestion.purged", subject=_subject(row.uid))
    return len(rows)


def feedback_summary(store: Store, office_code: str, since: datetime, until: datetime) -> FeedbackSummary:
    """The office's rating reasons (all, and with a rating of LOW_SCORE or below) and suggestions
    received in [since, until)."""
    ratings = (
        select(RatingRow.reason, RatingRow.score, func.count())
        .where(RatingRow.office_code == office_code, RatingRow.at >= since, RatingRow.at < until)
        .group_by(RatingRow.reason, RatingRow.score)
    )
    suggestions = select(func.count()).where(
        SuggestionRow.office_code == office_code, SuggestionRow.at >= since, SuggestionRow.at < until
    )
    with store.read() as session:
        counted = session.execute(ratings).all()
        received = session.scalar(suggestions) or 0
    every: Counter[str] = Counter()
    low: Counter[str] = Counter()
    for reason, score, n in counted:
        every[reason] += int(n)
        if score <= LOW_SCORE:
            low[reason] += int(n)
    return FeedbackSummary(
        reasons={r: every[r.value] for r in Reason},
        low_reasons={r: low[r.value] for r in Reason},
        without_reason=every[""],
        low_without_reason=low[""],
        suggestions=int(received),
    )
