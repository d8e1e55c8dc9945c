"""Phone calls over the loopback server leave a record, written as they go, read back with `slotline calls`."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.conftest import NOW, Run, Slotline
from tests.e2e.phone import CALLER, agent_on, turn, until_agent_says


@pytest.fixture
async def server() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with LoopbackTelcoflowServer() as running:
        yield running


async def cli(slotline: Slotline, *args: str, now: str = NOW) -> Run:
    """`slotline ARGS` in a thread of its own: the command runs its own event loop, as from a shell."""
    return await asyncio.to_thread(slotline, *args, now=now)


async def shown(slotline: Slotline, *args: str) -> Any:
    run = await cli(slotline, "calls", *args, "--json")
    assert run.code == 0, run.err
    return json.loads("\n".join(run.out))


async def until_recorded(slotline: Slotline, call_id: str, words: str, timeout: float = 10.0) -> Any:
    """The record of `call_id` once an entry says `words` (writes trail the call by a moment)."""
    deadline = time.monotonic() + timeout
    while True:
        runs = await cli(slotline, "calls", "show", call_id, "--json")
        if runs.code == 0:
            record = json.loads("\n".join(runs.out))
            if any(words in (e["text"] or "") for e in record["entries"]):
                return record
        if time.monotonic() > deadline:
            raise AssertionError(f"call {call_id} never recorded {words!r}")
        await asyncio.sleep(0.02)


async def book_by_phone(server: LoopbackTelcoflowServer, db: Path) -> str:
    async with agent_on(server, db, max_calls=1):
        call = await server.place_call(caller=CALLER)
        await until_agent_says(call, "What can I do for you?")
        await turn(call, "i would like a haircut next tuesday afternoon with sam", "Which would you like?")
        await turn(call, "the second one", "Shall I book it?")
        await turn(call, "yes", "Is there anything else I can help you with?")
        await turn(call, "no thanks", "Goodbye!")
        await call.wait_ended(timeout=10)
    return call.call_id


async def test_a_booking_call_is_on_the_record_with_its_turns(
    server: LoopbackTelcoflowServer, db: Path, slotline: Slotline
) -> None:
    call_id = await book_by_phone(server, db)

    (listed,) = await shown(slotline, "list")
    record = await shown(slotline, "show", call_id)

    assert listed["id"] == call_id
    assert listed["outcome"] == "booked"
    assert listed["caller"] == "+12*******23"  # masked unless --unmask
    (booking,) = json.loads("\n".join((await cli(slotline, "bookings", "list", "--json")).out))
    assert record["appointment_id"] == listed["appointment_id"] == booking["id"]
    assert record["states"] == ["PENDING", "ANSWERED", "DISCONNECTED"]
    assert record["business"] == "+12*******00"
    callers = [e for e in record["entries"] if e["kind"] == "caller"]
    assert [e["text"] for e in callers] == [
        "i would like a haircut next tuesday afternoon with sam",
        "the second one",
        "yes",
        "no thanks",
    ]
    assert callers[0]["understood"].startswith("book service_id='haircut' day=2026-12-01")
    assert all(set(e["timings_ms"]) == {"recognised", "decided", "first_audio"} for e in callers)
    assert all(e["timings_ms"]["first_audio"] is not None for e in callers)
    agent = [e["text"] for e in record["entries"] if e["kind"] == "agent"]
    assert any(line.startswith("You're booked: a haircut on Tuesday, December 1st at 2 PM") for line in agent)
    backend = {e["text"]: e for e in record["entries"] if e["kind"] == "backend"}
    assert {"look up caller", "find slots", "hold slot", "book", "send confirmation text"} <= set(backend)
    assert backend["book"]["error"] is None
    assert backend["book"]["duration_ms"] >= 0
    assert [e["seq"] for e in record["entries"]] == list(range(len(record["entries"])))


async def test_the_cli_filters_and_shows_a_readable_transcript(
    server: LoopbackTelcoflowServer, db: Path, slotline: Slotline
) -> None:
    call_id = await book_by_phone(server, db)

    table = await cli(slotline, "calls", "list")
    text = await cli(slotline, "calls", "show", call_id)

    assert table.code == text.code == 0
    (line,) = table.out
    assert "+12*******23" in line and "booked" in line and call_id in line and CALLER not in line
    assert text.out[0] == f"call {call_id}"
    assert any("caller: 'yes'  => affirm  [end of speech -> recognised" in t for t in text.out)
    assert any("agent:  You're booked" in t for t in text.out)
    assert await shown(slotline, "list", "--outcome", "booked", "--phone", "(212) 555-0123", "--since", "2026-11-25")
    assert await shown(slotline, "list", "--outcome", "caller-hung-up") == []
    assert await shown(slotline, "list", "--phone", "+12125550188") == []
    assert await shown(slotline, "list", "--since", "2026-11-26T00:00:00") == []
    assert (await shown(slotline, "show", call_id, "--unmask"))["caller"] == CALLER


async def test_a_record_is_readable_mid_call(server: LoopbackTelcoflowServer, db: Path, slotline: Slotline) -> None:
    async with agent_on(server, db, max_calls=1):
        call = await server.place_call(caller=CALLER)
        await until_agent_says(call, "What can I do for you?")
        await turn(call, "i would like a haircut next tuesday afternoon with sam", "Which would you like?")

        record = await until_recorded(slotline, call.call_id, "Which would you like?")

        assert record["outcome"] is None and record["ended_at"] is None
        assert [e["text"] for e in record["entries"] if e["kind"] == "caller"] == [
            "i would like a haircut next tuesday afternoon with sam"
        ]
        (listed,) = await shown(slotline, "list")
        assert listed["outcome"] is None
        await call.hang_up()
        await call.wait_ended(timeout=10)

    assert (await shown(slotline, "show", call.call_id))["outcome"] == "caller hung up"


async def test_transcripts_off_keeps_timings_and_outcome_but_no_words(
    server: LoopbackTelcoflowServer, db: Path, slotline: Slotline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLOTLINE_RECORDS__TRANSCRIPTS", "false")
    call_id = await book_by_phone(server, db)

    record = await shown(slotline, "show", call_id)
    text = "\n".join((await cli(slotline, "calls", "show", call_id)).out)

    assert record["outcome"] == "booked" and record["transcripts"] is False
    spoken = [e for e in record["entries"] if e["kind"] in ("caller", "agent")]
    assert spoken and all(e["text"] is None for e in spoken)
    assert [e["understood"] for e in spoken if e["kind"] == "caller"] == ["book", "inform", "affirm", "deny"]
    assert all(e["timings_ms"]["first_audio"] is not None for e in spoken if e["kind"] == "caller")
    assert "haircut" not in text and "(words not kept)" in text


async def test_records_off_records_nothing(
    server: LoopbackTelcoflowServer, db: Path, slotline: Slotline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLOTLINE_RECORDS__ENABLED", "false")
    await book_by_phone(server, db)

    assert await shown(slotline, "list") == []


async def test_purge_deletes_calls_older_than_the_retention(
    server: LoopbackTelcoflowServer, db: Path, slotline: Slotline
) -> None:
    call_id = await book_by_phone(server, db)  # at the pinned 2026-11-25 09:00

    kept = await cli(slotline, "calls", "purge", now="2026-12-20T09:00:00-05:00")
    purged = await cli(slotline, "calls", "purge", "--older-than-days", "7", now="2026-12-20T09:00:00-05:00")

    assert kept.out == ["purged 0 calls started before 2026-11-20 09:00 EST"]
    assert purged.out == ["purged 1 calls started before 2026-12-13 09:00 EST"]
    assert (await cli(slotline, "calls", "show", call_id)).code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "no-such-call"), "no call 'no-such-call' on the record"),
        (("list", "--since", "last tuesday"), "--since: not an ISO-8601 date or date and time: 'last tuesday'"),
        (("list", "--phone", "12ab"), "'12ab'"),
        (("list", "--outcome", "won"), "argument --outcome: invalid choice: 'won'"),
        (("list", "--limit", "0"), "expected a whole number from 1 to 100000"),
        (("purge", "--older-than-days", "-3"), "expected a whole number from 1 to 36500"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(slotline: Slotline, args: tuple[str, ...], message: str) -> None:
    run = slotline("calls", *args)

    assert run.code == 2
    assert run.out == []
    assert len(run.err.splitlines()) == 1 and message in run.err
