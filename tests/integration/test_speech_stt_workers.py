"""pocketsphinx decoding in worker processes: the same words and scores as in this process, and workers that
survive what a serving process goes through (Ctrl-C, a worker killed, the server itself killed)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from slotline.application.errors import SpeechUnavailable
from slotline.domain.dialogue.expectation import Expectation, Expecting, OfferedSlot
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText, Recognition
from tests.factories import sample_catalogue

SAID = (
    "I would like to book a haircut",
    "next Tuesday at three pm",
    "yes please",
    "the second one",
    "my cat is called felix",  # rejected: its score and reason must match too
)
WORKERS = 2


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pocketsphinx")


@pytest.fixture(scope="module")
def in_process(cache: Path) -> PocketsphinxSpeechToText:
    return PocketsphinxSpeechToText(sample_catalogue(), cache)


@pytest.fixture(scope="module")
def started(cache: Path) -> Iterator[tuple[PocketsphinxSpeechToText, set[int]]]:
    """A recogniser with its workers started by warm_up, and their pids."""
    others = worker_pids()
    stt = PocketsphinxSpeechToText(sample_catalogue(), cache, PocketsphinxSettings(processes=WORKERS))
    asyncio.run(stt.warm_up())
    yield stt, worker_pids() - others
    asyncio.run(stt.aclose())


@pytest.fixture(scope="module")
def pooled(started: tuple[PocketsphinxSpeechToText, set[int]]) -> PocketsphinxSpeechToText:
    return started[0]


@pytest.fixture(scope="module")
def pooled_pids(started: tuple[PocketsphinxSpeechToText, set[int]]) -> set[int]:
    return started[1]


@pytest.fixture(scope="module")
def turns() -> list[tuple[bytes, int]]:
    async def speak() -> list[tuple[bytes, int]]:
        out = []
        for voice, rate in (("en-us", 16000), ("en-us+f3", 8000)):
            tts = EspeakTextToSpeech(voice)
            for text in SAID:
                out.append((await tts.synthesize(text, rate), rate))
            tts.close()
        return out

    return asyncio.run(speak())


def without_timing(result: Recognition) -> Recognition:
    return dataclasses.replace(result, decode_seconds=0.0)


def worker_pids() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


async def test_the_workers_hear_exactly_what_this_process_hears(
    in_process: PocketsphinxSpeechToText, pooled: PocketsphinxSpeechToText, turns: list[tuple[bytes, int]]
) -> None:
    here = [without_timing(await in_process.recognise(pcm, rate)) for pcm, rate in turns]
    there = await asyncio.gather(*(pooled.recognise(pcm, rate) for pcm, rate in turns))
    assert [without_timing(r) for r in there] == here
    assert sum(1 for r in here if r.text) >= len(turns) // 2  # real words compared, not just empty results


async def test_turns_are_decoded_in_other_processes_one_per_worker(
    pooled: PocketsphinxSpeechToText, pooled_pids: set[int], turns: list[tuple[bytes, int]]
) -> None:
    assert pooled.processes == WORKERS and len(pooled_pids) == WORKERS
    await asyncio.gather(*(pooled.recognise(pcm, rate) for pcm, rate in turns))
    assert pooled_pids <= worker_pids()  # the same workers decoded them all: none was lost or replaced


async def test_turns_given_up_while_they_wait_for_a_worker_take_no_worker(
    cache: Path, in_process: PocketsphinxSpeechToText, turns: list[tuple[bytes, int]]
) -> None:
    """The listener cancels a turn's recognition when the caller goes on talking; a cancelled turn that was waiting
    for the one worker never reaches it, and the worker stays usable for the turns after."""
    stt = PocketsphinxSpeechToText(sample_catalogue(), cache, PocketsphinxSettings(processes=1))
    try:
        await stt.warm_up()
        pcm, rate = turns[0]
        async with asyncio.timeout(120):  # a lost or doubled worker slot would hang here
            first = asyncio.create_task(stt.transcribe(pcm, rate))
            given_up = [asyncio.create_task(stt.transcribe(pcm, rate)) for _ in range(4)]
            await asyncio.sleep(0)
            for task in given_up:
                task.cancel()
            later = await asyncio.gather(first, stt.transcribe(pcm, rate), stt.transcribe(pcm, rate))
        assert all(task.cancelled() for task in given_up)
        assert set(later) == {await in_process.transcribe(pcm, rate)} != {""}
    finally:
        await stt.aclose()


async def test_ctrl_c_on_the_process_group_does_not_stop_the_workers(
    in_process: PocketsphinxSpeechToText,
    pooled: PocketsphinxSpeechToText,
    pooled_pids: set[int],
    turns: list[tuple[bytes, int]],
) -> None:
    for pid in pooled_pids:
        os.kill(pid, signal.SIGINT)
        os.kill(pid, signal.SIGTERM)
    pcm, rate = turns[0]
    heard = await asyncio.gather(*(pooled.transcribe(pcm, rate) for _ in range(WORKERS)))
    assert set(heard) == {await in_process.transcribe(pcm, rate)} != {""}
    assert pooled_pids <= worker_pids()


async def test_after_a_worker_is_killed_turns_are_recognised_again(
    cache: Path, in_process: PocketsphinxSpeechToText, turns: list[tuple[bytes, int]]
) -> None:
    others = worker_pids()
    stt = PocketsphinxSpeechToText(sample_catalogue(), cache, PocketsphinxSettings(processes=1))
    try:
        await stt.warm_up()
        (victim,) = worker_pids() - others
        os.kill(victim, signal.SIGKILL)
        pcm, rate = turns[0]
        failures = 0
        for _ in range(3):
            try:
                result = await stt.recognise(pcm, rate)
                break
            except SpeechUnavailable:
                failures += 1  # the turn the dead worker was given, at most
        assert failures <= 1 and result.text == await in_process.transcribe(pcm, rate) != ""
        assert victim not in worker_pids()
    finally:
        await stt.aclose()


async def test_closing_stops_every_worker(cache: Path, turns: list[tuple[bytes, int]]) -> None:
    others = worker_pids()
    stt = PocketsphinxSpeechToText(sample_catalogue(), cache, PocketsphinxSettings(processes=WORKERS))
    await stt.warm_up()
    started = worker_pids() - others
    assert len(started) == WORKERS
    await stt.aclose()
    assert not started & worker_pids()
    with pytest.raises(SpeechUnavailable):
        await stt.recognise(*turns[0])


def test_workers_exit_when_the_serving_process_is_killed(cache: Path) -> None:
    """A server killed with SIGKILL cannot stop its workers: they notice and exit by themselves."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.stt_workers_child", str(cache)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    try:
        assert child.stdout is not None
        pids = [int(p) for p in child.stdout.readline().split()]
        assert len(pids) == WORKERS
    finally:
        child.kill()
        child.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in pids):
        time.sleep(0.1)
    assert not [pid for pid in pids if alive(pid)]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead too: the killed server never reaped it (its parent is now init, which will)
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


@pytest.mark.asyncio
async def test_workers_listen_for_what_the_question_expects_as_this_process_does(tmp_path: Path) -> None:
    """The expectation and its answers are frozen data sent with the audio: a worker hears "the first one" on a
    phone line as unsure, exactly as the in-process decoder does (issue 14)."""
    offers = Expectation(
        Expecting.CHOICE,
        tuple(OfferedSlot(dt.date(2026, 11, 27), at, staff) for at, staff in ISSUE_14_OFFERS),
    )
    pcm = await EspeakTextToSpeech("en-us").synthesize("the first one", 8000)
    pcm = bytes(4800) + pcm + bytes(4800)
    here = PocketsphinxSpeechToText(sample_catalogue(), tmp_path)
    pooled = PocketsphinxSpeechToText(sample_catalogue(), tmp_path, PocketsphinxSettings(processes=1))
    try:
        in_process = await here.recognise(pcm, 8000, offers)
        in_worker = await pooled.recognise(pcm, 8000, offers)
    finally:
        await pooled.aclose()

    assert in_worker.unsure and in_worker.text == "the first one or the third one"
    assert (in_worker.text, in_worker.heard, in_worker.rejected) == (
        in_process.text,
        in_process.heard,
        in_process.rejected,
    )


ISSUE_14_OFFERS = ((dt.time(10, 0), "Sam Rivera"), (dt.time(13, 30), "Alex Chen"), (dt.time(15, 0), "Sam Rivera"))
