"""Devices, with no Qt: camera and document pages, receipt printer, and later the chip reader.

Every device has an implementation that needs no hardware (sample photos, PNG previews), so that
the embedded default runs anywhere.
"""
