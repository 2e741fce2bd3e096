"""The citizen's touch-screen app, and the `dvc-kiosk` command line."""
