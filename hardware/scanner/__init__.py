"""The document scanner: find the paper in a camera frame, flatten and clean it, judge whether it is
readable, and pack each document's pages into the PDF the portal takes.

- `geometry`: quadrilaterals (corner order TL, TR, BR, BL; never self-crossing).
- `finder`: the page's four corners in a frame.
- `formats`: the paper formats a page snaps to (A4, A5, ID-1 …) by its aspect.
- `flatten`: perspective warp to the real format, background normalisation, colour modes, orientation.
- `quality`: the gates a page must pass, each with a plain Vietnamese sentence.
- `pack`: pages as JPEG, documents as PDF within the size budget.
- `live`: the camera worker behind the live view and auto-capture.
- `synthetic`: rendered Vietnamese papers on desks with ground truth, for tests and benchmarks.
"""
