"""Bundled sample photos of paper documents, played by `hardware.camera.SampleCamera`.

A package (not a bare folder) so that the JPEGs ship as package data and are found with
`importlib.resources` in an installed kiosk. `make_samples.py` regenerates them.
"""
