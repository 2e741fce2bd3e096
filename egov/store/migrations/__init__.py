"""Alembic migrations of the store, run by `Store` on open (no alembic.ini: see store.py)."""
