"""`dvc-kiosk voice …`: the spoken guidance's prompts and a test of the sound, for technicians.

    dvc-kiosk voice prepare [--json]          synthesise every fixed prompt into the cache (at install)
    dvc-kiosk voice say TEXT [--wav FILE]     say TEXT on [voice] device, or write it to FILE

Both use espeak-ng with the office's [voice] voice and rate, so the app finds what `prepare` made
(run it as the account the kiosk runs as: the cache is in its data directory). Exit status: 0 done;
1 espeak-ng (or aplay, to play) is missing or failed, with the reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time


def _engine(args: argparse.Namespace):  # noqa: ANN202 - hardware types imported late
    from config.settings import load_settings
    from hardware.voice.engine import EspeakEngine
    from hardware.voice.espeak import Espeak
    from hardware.voice.player import AplayPlayer
    from ui.voice_model import cache_dir

    settings = load_settings(args.config)
    voice = settings.voice
    engine = EspeakEngine(
        Espeak(voice.voice, voice.rate), AplayPlayer(voice.device), cache_dir(settings), voice.volume
    )
    return settings, engine


def cmd_voice_prepare(args: argparse.Namespace) -> int:
    from egov.catalog import load_catalog
    from hardware.voice.espeak import SpeechError
    from ui.voice_prompts import fixed_prompts

    _, engine = _engine(args)
    if not engine.synthesiser.available:
        print("Chưa cài espeak-ng / espeak-ng is not installed (apt-get install espeak-ng)", file=sys.stderr)
        return 1
    cache = engine.cache
    prompts = fixed_prompts(load_catalog())
    timings: list[float] = []
    try:
        for text in prompts:
            if cache.has(text):
                continue
            started = time.perf_counter()
            cache.get(text)
            timings.append(time.perf_counter() - started)
    except SpeechError as exc:
        print(f"Không tạo được giọng đọc / synthesis failed: {exc}", file=sys.stderr)
        return 1
    result = {
        "prompts": len(prompts),
        "synthesised": len(timings),
        "cached_before": len(prompts) - len(timings),
        "seconds": round(sum(timings), 3),
        "median_ms": round(statistics.median(timings) * 1000, 1) if timings else 0.0,
        "cache": str(cache.folder),
        "synthesiser": engine.synthesiser.version(),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"{result['prompts']} prompts: {result['synthesised']} synthesised in {result['seconds']} s "
            f"(median {result['median_ms']} ms), {result['cached_before']} already cached\n"
            f"cache: {result['cache']}\n{result['synthesiser']}"
        )
    return 0


def cmd_voice_say(args: argparse.Namespace) -> int:
    from pathlib import Path

    from hardware.voice.espeak import SpeechError

    settings, engine = _engine(args)
    if not engine.synthesiser.available or (not args.wav and not engine.player.available):
        print(f"Chưa cài / not installed: {engine.missing()}", file=sys.stderr)
        return 1
    try:
        started = time.perf_counter()
        pcm = engine.synthesiser.synthesise(args.text)
        took = time.perf_counter() - started
        if args.wav:
            Path(args.wav).write_bytes(pcm.scaled(settings.voice.volume).to_wav())
        else:
            engine.player.play(pcm.scaled(settings.voice.volume), lambda: False)
    except SpeechError as exc:
        print(f"Không đọc được / could not speak: {exc}", file=sys.stderr)
        return 1
    where = args.wav or f"ALSA device {engine.player.device}"
    print(f"synthesised in {took * 1000:.0f} ms, {pcm.seconds:.2f} s of speech, to {where}")
    return 0


def add_voice_commands(sub: argparse._SubParsersAction) -> None:
    voice = sub.add_parser(
        "voice", help="spoken guidance: prepare the prompts, test the sound"
    ).add_subparsers(dest="voice_command", required=True)
    p = voice.add_parser("prepare", help="synthesise every page's fixed prompt into the cache")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_voice_prepare)
    p = voice.add_parser("say", help="say a text with the office's voice, volume and sound device")
    p.add_argument("text")
    p.add_argument("--wav", help="write a WAV file instead of playing")
    p.set_defaults(func=cmd_voice_say)
