"""Agent point: the queue of tickets, and what a desk records about a case.

- `queue_tickets`: one row per ticket taken at a kiosk or a desk (number per office and day, the
  service asked for, where it was taken), and where it stands: waiting, called to a desk (by
  whom, when), done or gone. No personal data: a ticket is a number; the dossier it led to is
  linked by client id.
- `dossiers.identity_source`: how the applicant's identity was taken ("chip" from the card,
  "manual" typed by the agent, who is then accountable for having seen the card).
- `dossiers.checklist`: the Decision 45/2016 check of the documents against the published list,
  as JSON of document codes with original and copy counts (no personal data, so in clear).
- `dossiers.consignment`: the postal consignment (seal) number when the paper dossier goes by post.
- `dossiers.id_index`: a keyed HMAC of the applicant's ID number, so that the agent can find a
  citizen's earlier dossiers by it without the number being stored in clear; emptied on purge.
- `consents.method` (screen, signature, paper), the signature drawn on the screen (sealed PNG,
  dropped on purge) and the withdrawal: when and by whom (Decree 13/2023: consent is recorded,
  verifiable and withdrawable).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("office_code", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("service", sa.String(32), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("taken_where", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("desk", sa.String(32), nullable=True),
        sa.Column("called_by", sa.String(64), nullable=True),
        sa.Column("called_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("client_id", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_queue_tickets"),
        sa.CheckConstraint("state IN ('waiting', 'called', 'done', 'gone')", name="ck_queue_tickets_state"),
        sa.CheckConstraint("number > 0", name="ck_queue_tickets_number"),
    )
    op.create_index(
        "ix_queue_tickets_office_day_number", "queue_tickets", ["office_code", "day", "number"], unique=True
    )
    op.create_index("ix_queue_tickets_office_day_state", "queue_tickets", ["office_code", "day", "state"])
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("identity_source", sa.String(8), nullable=True))
        batch.add_column(sa.Column("checklist", sa.Text(), nullable=True))
        batch.add_column(sa.Column("consignment", sa.String(32), nullable=True))
        batch.add_column(sa.Column("id_index", sa.String(64), nullable=True))
        batch.create_index("ix_dossiers_id_index", ["id_index"])
    with op.batch_alter_table("consents") as batch:
        batch.add_column(
            sa.Column("method", sa.String(16), nullable=False, server_default=sa.text("'screen'"))
        )
        batch.add_column(sa.Column("withdrawn_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("withdrawn_by", sa.String(64), nullable=True))
        batch.add_column(sa.Column("signature_enc", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.drop_column("signature_enc")
        batch.drop_column("withdrawn_by")
        batch.drop_column("withdrawn_at")
        batch.drop_column("method")
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_index("ix_dossiers_id_index")
        batch.drop_column("id_index")
        batch.drop_column("consignment")
        batch.drop_column("checklist")
        batch.drop_column("identity_source")
    op.drop_table("queue_tickets")
