"""Payments: how each charge of a dossier was paid (state fee and service charge apart).

One row per dossier and charge kind: the amount in đồng (NULL while a fee the province sets is
unconfirmed), the method (vietqr, cash, at_counter_later, gateway), where it stands, the payment
reference (the VietQR purpose, which names the dossier), the gateway's transaction id, who
recorded it and when. Nothing personal: no names of citizens, only the staff account's user name.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("client_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reference", sa.String(25), nullable=False),
        sa.Column("transaction_id", sa.String(64), nullable=True),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payments"),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["dossiers.client_id"],
            name="fk_payments_client_id_dossiers",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint("kind IN ('state_fee', 'service_charge')", name="ck_payments_kind"),
        sa.CheckConstraint(
            "method IN ('vietqr', 'cash', 'at_counter_later', 'gateway')", name="ck_payments_method"
        ),
        sa.CheckConstraint(
            "state IN ('unconfirmed', 'seen', 'received', 'due', 'paid')", name="ck_payments_state"
        ),
        sa.CheckConstraint("amount IS NULL OR amount >= 0", name="ck_payments_amount"),
    )
    op.create_index("ix_payments_client_kind", "payments", ["client_id", "kind"], unique=True)
    op.create_index("ix_payments_recorded_at", "payments", ["recorded_at"])


def downgrade() -> None:
    op.drop_table("payments")
