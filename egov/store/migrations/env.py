"""Alembic environment for the store: migrate the connection the Store hands over.

`Store` opens a transaction (holding the migration lock), puts its connection in
`config.attributes["connection"]` and runs `alembic upgrade head`; this script only configures the
context on that connection. Offline (SQL script) mode is not supported: the kiosk migrates itself.
"""

from __future__ import annotations

from alembic import context

from egov.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if context.is_offline_mode() or connection is None:
    raise RuntimeError("store migrations run through egov.store.Store, on a connection it provides")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode lets later migrations copy-and-move tables.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
