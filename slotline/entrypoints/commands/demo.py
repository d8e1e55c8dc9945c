"""`slotline demo`: a real phone conversation on this machine, with nothing but this repository."""

from __future__ import annotations

import argparse
import asyncio
import shlex
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from dependency_injector import providers
from pydantic import SecretStr

from slotline.application.ports import OutboxOperations, TextToSpeech
from slotline.entrypoints.commands.base import Parser, Subparsers, prepare_storage
from slotline.entrypoints.container import Container, build_container
from slotline.entrypoints.demo.script import BUNDLED, bundled_script, load_script
from slotline.entrypoints.demo.timing import turn_latencies_ms
from slotline.entrypoints.settings import Settings
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.infrastructure.common.phone_parsing import parse_phone
from slotline.infrastructure.marked_speech import MarkedTextToSpeech
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

if TYPE_CHECKING:  # the loopback server runs on websockets (the telcoflow extra): imported when the demo runs
    from slotline.entrypoints.demo.run import DemoResult
    from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackTelcoflowServer

__all__ = ["register"]

CALLER_VOICE = "en-us+f2"  # a different voice from the agent's (measured: the best-recognised female voice)


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser(
        "demo",
        parents=[common],
        help="a whole phone call on this machine: loopback Telcoflow server, the agent, a simulated caller",
        description="Starts the loopback Telcoflow server and the agent (SQLite, the catalogue, offline speech), then "
        "a simulated caller speaks the script into the call. Prints the live transcript with per-turn timings "
        "(caller's end of speech -> agent's first audio), then the booking and the texts it produced, and the "
        "command that shows the call's record. Without --db the demo uses a fresh database in a new temporary "
        "folder, kept so that the call can be looked at afterwards.",
    )
    parser.add_argument("--script", type=Path, metavar="FILE", help="caller lines, one per line; empty = silence")
    parser.add_argument("--scenario", choices=BUNDLED, default="book", help="a bundled script (default: book)")
    parser.add_argument("--caller", default="+12125550123", metavar="E164", help="the caller's number")
    parser.add_argument("--record", type=Path, metavar="FILE.wav", help="write both sides of the call (stereo WAV)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, container: Container) -> int:
    lines = load_script(args.script) if args.script else bundled_script(args.scenario)
    caller = parse_phone(args.caller, container.region())
    settings = container.settings()
    db = settings.db if "db" in vars(args) else Path(tempfile.mkdtemp(prefix="slotline-demo-")) / "demo.db"
    return asyncio.run(_demo(settings, db, lines, caller.e164, args.record))


def out(text: str) -> None:
    print(text, flush=True)


async def _demo(settings: Settings, db: Path, lines: list[str], caller: str, record: Path | None) -> int:
    with needs_extra("the demo", "telcoflow"):
        from slotline.entrypoints.demo.run import DemoCall
        from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
    started = time.monotonic()

    async with LoopbackTelcoflowServer() as server:
        wired = settings.model_copy(
            update={
                "db": db,
                "telcoflow": TelcoflowSettings(
                    base_url=server.base_url,
                    api_key=SecretStr("demo"),
                    connector_uuid=SecretStr("00000000-0000-4000-8000-00000000de70"),
                ),
            }
        )
        container = build_container(wired)

        def transcript(call_id: str, who: str, text: str) -> None:
            stamp = f"{time.monotonic() - started:6.2f}s"
            out(f"{stamp}  agent: {text}" if who == "agent" else f"{stamp}  (agent heard: {text!r})")

        container.transcript.override(providers.Object(transcript))
        prepare_storage(container)
        out(f"[loading the speech engines: {wired.speech.stt} / {wired.speech.tts} / {wired.speech.turns}]")
        container.stt()
        voice = _caller_voice(wired)
        demo = DemoCall(container, server, voice, caller, out)
        live = _LiveTimings(server)
        result = await demo.run(lines, record, answered=live.answered)
        await _report(container, result, record)
    out(f"See the call: slotline calls show {result.call_id} --db {shlex.quote(str(db))}")
    return 0


class _LiveTimings:
    """Prints each turn's voice-to-voice time as soon as the agent's answer starts playing."""

    def __init__(self, server: LoopbackTelcoflowServer) -> None:
        self._server = server
        self._seen = 0

    def answered(self) -> None:
        call: LoopbackCall = self._server.calls[-1]
        rec = call.recording()
        latencies = turn_latencies_ms(rec.caller, rec.agent, rec.sample_rate)
        if len(latencies) > self._seen:
            self._seen = len(latencies)
            out(f"          [agent's first audio {latencies[-1]} ms after the caller stopped]")


def _caller_voice(settings: Settings) -> TextToSpeech:
    if settings.speech.tts == "marked":
        return MarkedTextToSpeech()
    from slotline.infrastructure.espeak import EspeakTextToSpeech

    return EspeakTextToSpeech(voice=CALLER_VOICE)


async def _report(container: Container, result: DemoResult, record: Path | None) -> None:
    catalogue = container.catalogue()
    out(f"[call ended: {result.ended}]")
    if result.latencies_ms:
        ordered = sorted(result.latencies_ms)
        median = ordered[len(ordered) // 2]
        out(f"[voice-to-voice: {len(ordered)} turns, median {median} ms, worst {ordered[-1]} ms]")
    bookings = await container.ledger().all()
    for b in bookings:
        local = b.window.start.astimezone(catalogue.zone)
        staff = catalogue.staff_member(b.staff_id).name
        out(
            f"booking: {b.status.value} {b.service_id} with {staff} on {local:%a %Y-%m-%d %H:%M} for {b.customer_phone}"
        )
    if not bookings:
        out("booking: none")
    await container.booking().confirm.drain(within=10)
    outbox: OutboxOperations = container.outbox()
    for m in await outbox.all():
        out(f"sms ({m.status.value}) to {m.to.e164}: {m.body}")
    if record is not None:
        out(f"[recording: {record} (left: caller, right: agent)]")
