"""End-to-end spoken calls on the line (issue 14): do spoken bookings end as the same conversation typed does?

Run: python -m benchmarks.spoken_calls [--rates 16000 8000 8000u] [--voice en-us+f2] [--jobs 2] [--only ID ...]
                                      [--caller responsive|fixed] [--show-heard]

Each script below is played twice. Typed, through the agent in-process (`slotline chat`'s path: no recognition at
all), which gives the reference: the appointments the conversation leaves. Spoken, over the loopback Telcoflow server
with the real offline engines on both sides (espeak-ng says the caller's lines, the agent hears them with
pocketsphinx), at each line rate: 16 kHz, 8 kHz linear, and 8 kHz through G.711 mu-law ("8000u": the caller's audio
is mu-law encoded and decoded before it goes on the line, the quantisation a phone network adds).

A spoken call is **right** when it leaves exactly the reference's appointments (service, staff, start, status);
**wrong** when it leaves any other booking, move or cancellation (the dangerous kind: counted on its own); **not
finished** when it leaves nothing changed where the reference changed something (asked again until the script ran
out, or handed over). The scripts were written on 2026-12-04 before any recognition change measured with them: they
are held-out for the hearing work. Numbers are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
from dependency_injector import providers
from pydantic import SecretStr

from benchmarks.corpus.cases import Case, Expectation
from benchmarks.corpus.play import play
from benchmarks.responsive_caller import AgentWords, responsive_lines
from slotline.domain.appointment import Appointment, Customer
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.entrypoints.container import Container, build_container
from slotline.entrypoints.demo.run import DemoCall
from slotline.entrypoints.settings import load_settings
from slotline.infrastructure.common.phone_parsing import parse_phone
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings
from slotline.infrastructure.yaml_catalogue.loader import sample_catalogue_path

NOW = datetime.fromisoformat("2026-11-25T09:00:00-05:00")  # a Wednesday at the Maple Street Clinic (New York)
CALLER = "+12125550123"


@dataclass(frozen=True)
class Script:
    id: str
    lines: tuple[str, ...]
    appointment: tuple[str, str, str] | None = None  # (service, staff, local start) already booked by the caller


def _at(local: str) -> datetime:
    return datetime.fromisoformat(f"{local}-05:00")


SCRIPTS = (
    Script("s01", ("hi i'd like to book a haircut on friday morning", "the second one", "yes please", "no thanks")),
    Script("s02", ("can i get a massage next tuesday afternoon", "the first one", "yes", "no that's all")),
    Script("s03", ("i need a consultation with jordan on monday", "the third one please", "yes", "no thank you")),
    Script("s04", ("a haircut tomorrow at two pm please", "yes", "no thanks")),
    Script("s05", ("could i book a hair colour on saturday", "the first one", "yes that's right", "no")),
    Script("s06", ("hello i want a massage on monday at ten", "yes please", "nothing else thank you")),
    Script("s07", ("i'd like to book an appointment", "a haircut", "next wednesday", "the first one", "yes", "no")),
    Script("s08", ("book me a consultation for friday afternoon", "the last one", "yes", "no thank you")),
    Script("s09", ("hi can i see sam for a haircut on monday", "the second one", "yes please", "no thanks bye")),
    Script("s10", ("a massage on saturday morning please", "the first one", "no", "the second one", "yes", "no")),
    Script("s11", ("can i book a haircut for tuesday at ten", "yes", "no that's it")),
    Script("s12", ("i want to book a consultation", "thursday", "the first one", "yes please", "no")),
    Script(
        "s13",
        ("i need to move my appointment", "friday afternoon", "the first one", "yes", "no thanks"),
        ("haircut", "sam", "2026-11-30T10:00:00"),
    ),
    Script(
        "s14",
        ("i'd like to cancel my appointment please", "yes", "no thank you"),
        ("massage", "jordan", "2026-12-02T14:00:00"),
    ),
    Script(
        "s15",
        ("can i change my appointment to monday morning", "the second one", "yes please", "no"),
        ("consultation", "sam", "2026-12-02T11:00:00"),
    ),
    Script("s16", ("a haircut with alex on wednesday afternoon", "the first one", "yes", "no thanks")),
    Script("s17", ("i'd like to book a massage", "tomorrow afternoon", "the second one", "yes", "no thank you")),
    Script(
        "s18",
        ("i have to cancel my haircut", "yes please", "no that's everything"),
        ("haircut", "alex", "2026-11-27T15:00:00"),
    ),
    Script("s19", ("could i get a haircut next friday at three", "yes", "no thanks")),
    Script("s20", ("hi i'd like a consultation on tuesday morning", "the third one", "yes", "no that's all thanks")),
)

Key = tuple[str, str, str, str]


def _key(a: Appointment) -> Key:
    return (a.service_id, a.staff_id, a.window.start.isoformat(), a.status.value)


@dataclass
class Outcome:
    script: str
    rate: str
    verdict: str  # right | wrong | not finished | no reference
    heard: list[str] = field(default_factory=list)


def _mu_law_round_trip(pcm: bytes) -> bytes:
    """G.711 mu-law encode and decode (the continuous mu-law curve, 8-bit), as a phone network would."""
    x = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768.0
    mu = 255.0
    coded = np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)
    quantised = np.round(coded * 127.0) / 127.0
    back = np.sign(quantised) * np.expm1(np.abs(quantised) * np.log1p(mu)) / mu
    return bytes((np.clip(back, -1.0, 1.0 - 1 / 32768) * 32768.0).astype("<i2").tobytes())


class _MuLawVoice:
    def __init__(self, inner: EspeakTextToSpeech) -> None:
        self._inner = inner

    async def synthesize(self, text: str, sample_rate: int) -> bytes:
        return _mu_law_round_trip(await self._inner.synthesize(text, sample_rate))


async def _reference(script: Script, scratch: Path) -> tuple[list[Key], list[Key]]:
    """The appointments before and after the conversation, typed."""
    appointments = []
    if script.appointment is not None:
        service, staff, start = script.appointment
        appointments = [{"service": service, "staff": staff, "start": _at(start)}]
    case = Case.model_validate(
        {
            "id": f"spoken-{script.id[1:]:0>3}",
            "category": "booking",
            "catalogue": "sample",
            "now": NOW,
            "caller": CALLER,
            "appointments": appointments,
            "turns": list(script.lines),
            "expect": Expectation(outcome="booked"),
        }
    )
    played = await play(case, sample_catalogue_path(), scratch)
    return sorted(_key(a) for a in played.before), sorted(_key(a) for a in played.after)


async def _seed(container: Container, script: Script) -> None:
    if script.appointment is None:
        return
    service_id, staff, start = script.appointment
    service = container.catalogue().service(service_id)
    begins = _at(start)
    slot = Slot(TimeWindow(begins, begins + service.duration), StaffId(staff), ServiceId(service_id))
    booking = container.booking()
    hold = await booking.hold(slot, key=f"seed-{script.id}")
    await booking.book(hold, Customer(parse_phone(CALLER, "US"), None), key=f"seed-{script.id}")


class _Heard(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "heard" in message or message.startswith("recognised"):
            self.lines.append(message)


async def _spoken(
    script: Script, rate: str, voice: str, scratch: Path, responsive: bool
) -> tuple[list[Key], list[str]]:
    heard = _Heard()
    for name in (
        "slotline.application.conversation",
        "slotline.application.phone_call",
        "slotline.infrastructure.pocketsphinx_stt.stt",
    ):
        logging.getLogger(name).addHandler(heard)
        logging.getLogger(name).setLevel(logging.DEBUG)
    caller_voice = EspeakTextToSpeech(voice=voice)
    line_voice = _MuLawVoice(caller_voice) if rate.endswith("u") else caller_voice
    async with LoopbackTelcoflowServer() as server:
        settings = load_settings({"db": scratch / "spoken.db", "now": NOW})
        telcoflow = TelcoflowSettings(
            base_url=server.base_url,
            api_key=SecretStr("b"),
            connector_uuid=SecretStr("c"),
            sample_rate=int(rate.rstrip("u")),
        )
        container = build_container(settings.model_copy(update={"telcoflow": telcoflow}))
        agent = AgentWords(container.tts())
        container.tts.override(providers.Object(agent))
        await _seed(container, script)
        demo = DemoCall(container, server, line_voice, CALLER, lambda line: heard.lines.append(f"said: {line}"))
        await demo.run(responsive_lines(script.lines, agent) if responsive else list(script.lines))
        after = sorted(_key(a) for a in await container.ledger().all())
    return after, heard.lines


def _one(script: Script, rate: str, voice: str, responsive: bool) -> Outcome:
    try:
        return _played(script, rate, voice, responsive)
    except Exception as exc:  # one broken call is reported, not the end of the run
        return Outcome(script.id, rate, f"error: {type(exc).__name__}: {exc}")


def _played(script: Script, rate: str, voice: str, responsive: bool) -> Outcome:
    with tempfile.TemporaryDirectory() as scratch:
        typed_dir, spoken_dir = Path(scratch, "typed"), Path(scratch, "spoken")
        typed_dir.mkdir()
        spoken_dir.mkdir()
        before, reference = asyncio.run(_reference(script, typed_dir))
        after, heard = asyncio.run(_spoken(script, rate, voice, spoken_dir, responsive))
    if reference == before:
        return Outcome(script.id, rate, "no reference", heard)
    if after == reference:
        return Outcome(script.id, rate, "right", heard)
    return Outcome(script.id, rate, "not finished" if after == before else "wrong", heard)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--rates", nargs="+", default=["16000", "8000", "8000u"], choices=["16000", "8000", "8000u"])
    parser.add_argument("--voice", default="en-us+f2", help="the caller's espeak-ng voice")
    parser.add_argument("--jobs", type=int, default=2, help="calls run at once, each in its own process")
    parser.add_argument("--only", nargs="+", help="script ids (s01 ...)")
    parser.add_argument(
        "--caller",
        choices=["responsive", "fixed"],
        default="responsive",
        help="responsive: says a line again when asked to, answers 'was that X or Y?' (responsive_caller.py);"
        " fixed: the next line whatever the agent said",
    )
    parser.add_argument("--show-heard", action="store_true", help="print what the agent heard in calls not right")
    args = parser.parse_args(argv)
    scripts = [s for s in SCRIPTS if not args.only or s.id in args.only]
    jobs = [(s, r) for r in args.rates for s in scripts]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(_one, s, r, args.voice, args.caller == "responsive") for s, r in jobs]
        outcomes = [f.result() for f in futures]
    print(
        f"voice {args.voice}, {len(scripts)} scripts, {args.caller} caller, the Maple Street Clinic, "
        f"clock pinned to {NOW.isoformat()}"
    )
    print("| line | right | wrong (dangerous) | not finished | no reference |")
    print("|---|---|---|---|---|")
    for rate in args.rates:
        mine = [o for o in outcomes if o.rate == rate]
        counts = {v: sum(o.verdict == v for o in mine) for v in ("right", "wrong", "not finished", "no reference")}
        name = {"16000": "16 kHz", "8000": "8 kHz", "8000u": "8 kHz mu-law"}[rate]
        print(
            f"| {name} | {counts['right']}/{len(mine)} | {counts['wrong']} | {counts['not finished']} "
            f"| {counts['no reference']} |"
        )
    for o in outcomes:
        if o.verdict != "right":
            print(f"- {o.script} at {o.rate}: {o.verdict}")
            if args.show_heard:
                for line in o.heard:
                    print(f"    {line}")


if __name__ == "__main__":
    main()
