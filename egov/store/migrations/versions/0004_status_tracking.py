"""Status tracking on each dossier: the portal's status, the appointment, when it was last asked,
when the portal accepted it, and a check value for a look-up by code and the ID number's last digits.

The poller (egov/tracking.py) asks the portal about accepted dossiers and keeps its answer here,
so that the kiosk can answer "where is my dossier" without the network and the agent's list can
show late ones. `accepted_at` starts the retention clock (attachments and chip data are purged a
configured time after it). `holder_check` is an HMAC, under a key derived from the store's key, of
the client id and the last four digits of the applicant's ID number: it lets a citizen who typed
the code prove the dossier is theirs after the sealed personal data has been purged, and is no
personal data by itself.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = (
    "holder_check",
    "accepted_at",
    "appointment",
    "status_checked_at",
    "portal_status_at",
    "portal_status",
)


def upgrade() -> None:
    # Nullable columns only: SQLite adds them in place, without copying the sealed attachments.
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("portal_status", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("portal_status_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("status_checked_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("appointment", sa.Date(), nullable=True))
        batch.add_column(sa.Column("accepted_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("holder_check", sa.String(64), nullable=True))
    op.create_index("ix_dossiers_dossier_code", "dossiers", ["dossier_code"])


def downgrade() -> None:
    op.drop_index("ix_dossiers_dossier_code", table_name="dossiers")
    with op.batch_alter_table("dossiers") as batch:
        for column in _COLUMNS:
            batch.drop_column(column)
