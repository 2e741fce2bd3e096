"""Shared Qt Quick parts of both apps: theme, view models, background jobs, QML components."""
