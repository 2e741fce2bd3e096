"""Spoken guidance, with no Qt: espeak-ng synthesis, the cache of fixed prompts, ALSA playback.

The kiosk reads a page's question aloud in Vietnamese when asked ("Nghe lại"); ui/voice_model.py
drives these parts on a worker thread of their own.
"""
