"""Print jobs: each slip waits here, sealed, until the printer has confirmed it printed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("job_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(128), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("blocks_enc", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_print_jobs"),
        sa.UniqueConstraint("job_id", name="uq_print_jobs_job_id"),
        sa.CheckConstraint(
            "state IN ('pending', 'printing', 'refused', 'uncertain', 'printed')", name="ck_print_jobs_state"
        ),
    )
    op.create_index("ix_print_jobs_state", "print_jobs", ["state", "created_at"])


def downgrade() -> None:
    op.drop_table("print_jobs")
