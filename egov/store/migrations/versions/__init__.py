"""Alembic revision scripts of the store, oldest first by revision id."""
