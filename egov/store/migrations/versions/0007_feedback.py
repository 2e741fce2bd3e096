"""Feedback: the reason chosen after a rating, and the citizens' written suggestions ("Góp ý").

- `ratings.reason` (a column since 0001, always written empty by the app) may now hold only a
  reason code (egov.feedback, `RatingReason`) or "" for none: a CHECK keeps free text, which
  could carry a name or a phone number in clear, out of a table that is never sealed. A value that
  is not a code (none was ever written by the app) becomes "other", so the count survives.
- `suggestions`: one row per suggestion: the office, when, the text sealed with the store's key
  (bound to the row's uid, so a ciphertext moved to another row fails), who read it and when (a
  supervisor at the agent point), and when its text was purged (`[retention]` days after it was
  read; the row stays so the day's report still counts it).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As of this migration (a later one that adds a reason changes the CHECK again).
REASONS = ("", "wait", "machine", "guidance", "paperwork", "staff", "other")
_IN = "(" + ", ".join(f"'{code}'" for code in REASONS) + ")"


def upgrade() -> None:
    op.execute(f"UPDATE ratings SET reason = 'other' WHERE reason NOT IN {_IN}")
    with op.batch_alter_table("ratings") as batch:
        batch.create_check_constraint(op.f("ck_ratings_reason"), f"reason IN {_IN}")
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("office_code", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("text_enc", sa.LargeBinary(), nullable=True),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.Column("read_by", sa.String(64), nullable=True),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_suggestions"),
        sa.UniqueConstraint("uid", name="uq_suggestions_uid"),
    )
    op.create_index("ix_suggestions_office_at", "suggestions", ["office_code", "at"])


def downgrade() -> None:
    op.drop_index("ix_suggestions_office_at", table_name="suggestions")
    op.drop_table("suggestions")
    with op.batch_alter_table("ratings") as batch:
        batch.drop_constraint(op.f("ck_ratings_reason"), type_="check")
