"""At least once, never lost: a dispatcher killed between the SNS publish and mark_sent sends the text again.

The dispatcher runs in a child process (tests/integration/sns_crash_child.py) against a SQLite outbox file and a
moto server process; the test kills it with SIGKILL at the worst moment and starts it again.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from slotline.application.outbox_dispatcher import RetryPolicy
from slotline.application.ports.outbox import OutboxMessage, OutboxStatus
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from tests.factories import NOW
from tests.integration.sns_moto import MotoServer
from tests.integration.sqlite_helpers import PHONE, book, slot

ROOT = Path(__file__).resolve().parents[2]
CHILD_WITHIN = 30.0  # seconds for a child to publish (it imports boto3 first)


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with MotoServer.running() as server:
        yield server


def child(db: Path, moto: MotoServer, *extra: str) -> list[str]:
    """The command line of a dispatcher process working on `db` through `moto`."""
    options = ["--db", str(db), "--endpoint", moto.endpoint, "--now", NOW.isoformat(), *extra]
    return [sys.executable, "-m", "tests.integration.sns_crash_child", *options]


def messages(db: Path) -> list[OutboxMessage]:
    return asyncio.run(SqliteOutbox(SqliteDatabase(db)).all())


def wait_for(marker: Path, process: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.monotonic() + CHILD_WITHIN
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the dispatcher never reached its publish:\n{log.read_text()}")
        time.sleep(0.02)
    return marker.read_text()


def test_a_crash_after_the_publish_sends_the_text_again_and_loses_nothing(moto: MotoServer, tmp_path: Path) -> None:
    moto.reset()
    db, marker, log = tmp_path / "slotline.db", tmp_path / "published", tmp_path / "child.log"
    asyncio.run(book(SqliteSlotLedger(SqliteDatabase(db), clock=FixedClock(NOW)), slot(10), "a1"))

    with log.open("wb") as output:
        crashing = subprocess.Popen(
            child(db, moto, "--pause-after-publish", str(marker)), cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )
        first_id = wait_for(marker, crashing, log)
        os.kill(crashing.pid, signal.SIGKILL)
        assert crashing.wait(timeout=10) == -signal.SIGKILL

    [after_crash] = messages(db)
    # the attempt was counted when it was claimed; the claim hides the message from other dispatchers for a while
    assert (after_crash.status, after_crash.attempts, after_crash.provider_id) == (OutboxStatus.PENDING, 1, None)
    assert [s.message_id for s in moto.sms()] == [first_id]

    too_soon = subprocess.run(child(db, moto), cwd=ROOT, capture_output=True, text=True, timeout=CHILD_WITHIN)
    assert json.loads(too_soon.stdout) == {"sent": 0, "retrying": 0, "dead": 0}  # the dead claimer's lease holds
    after_lease = ["--now", (NOW + RetryPolicy().lease).isoformat()]
    restarted = subprocess.run(
        child(db, moto, *after_lease), cwd=ROOT, capture_output=True, text=True, timeout=CHILD_WITHIN
    )
    assert restarted.returncode == 0, restarted.stderr
    assert json.loads(restarted.stdout) == {"sent": 1, "retrying": 0, "dead": 0}

    first, second = moto.sms()  # SNS has no idempotency for texts: the customer may get this one twice
    assert (
        (first.phone_number, first.message)
        == (second.phone_number, second.message)
        == (PHONE.e164, "text for confirm-a1")
    )
    assert first.message_id == first_id != second.message_id
    [sent] = messages(db)
    assert (sent.status, sent.attempts, sent.provider_id) == (OutboxStatus.SENT, 2, second.message_id)
