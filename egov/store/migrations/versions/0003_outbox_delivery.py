"""Outbox delivery bookkeeping on each dossier: attempts, next attempt, the sender's claim, reason.

Backoff must survive a restart (a rebooted kiosk must not hammer a portal that is still down), and
several senders sharing one database claim a dossier by compare-and-set on its state, with a lease
(`claimed_at`) after which a claim left by a dead sender is taken back. `rejected` was already
an allowed state (0001), so the state check is unchanged.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Every column is nullable or has a constant default, so SQLite adds them without copying
    # the table (and its sealed attachments) in batch mode.
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False))
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("claimed_by", sa.String(64), nullable=True))
        batch.add_column(sa.Column("claimed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("reason", sa.String(120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        for column in ("reason", "claimed_at", "claimed_by", "next_attempt_at", "attempts"):
            batch.drop_column(column)
