"""`slotline outbox list --status dead` and `slotline outbox requeue`: an operator brings dead texts back."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from slotline.application.ports import OutboxMessage
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox
from tests.e2e.conftest import CALLER, NOW, Run, Slotline, outbox

AUTH_ERROR = "SNS AuthorizationError: not authorized to perform sns:Publish"
MASKED = "+12*******23"


@pytest.fixture
def queued(db: Path) -> None:
    """m-dead died of bad credentials, m-later too (an hour later), m-sent went out, m-pending waits."""

    async def build() -> None:
        store = SqliteOutbox(SqliteDatabase(db))
        start = datetime.fromisoformat(NOW)
        keys = {"dead": start, "sent": start, "pending": start, "later": start + timedelta(hours=1)}
        await store.enqueue(
            [OutboxMessage(f"m-{k}", PhoneNumber(CALLER), f"text {k}", k, at) for k, at in keys.items()]
        )
        for key in ("dead", "sent", "later"):
            assert await store.claim(f"m-{key}", start, start + timedelta(minutes=2))
        await store.mark_failed("m-dead", AUTH_ERROR, retry_at=None, now=start)
        await store.mark_failed("m-later", AUTH_ERROR, retry_at=None, now=start)
        await store.mark_sent("m-sent", "provider-1", start)

    asyncio.run(build())


def statuses(slotline: Slotline) -> dict[str, str]:
    return {m["id"]: m["status"] for m in outbox(slotline)}


def assert_one_error_line(result: Run, *fragments: str) -> None:
    assert (result.code, result.out) == (2, [])
    assert result.err.count("\n") == 1 and result.err.startswith("slotline: error: ")
    for fragment in fragments:
        assert fragment in result.err


@pytest.mark.usefixtures("queued")
def test_list_shows_dead_messages_apart_with_their_last_error(slotline: Slotline) -> None:
    everything = slotline("outbox", "list")
    dead = slotline("outbox", "list", "--status", "dead")

    assert everything.code == 0 and len(everything.out) == 4
    assert dead.code == 0
    assert dead.out == [
        f"m-dead  DEAD     attempts=1  to {CALLER}: text dead  last error: {AUTH_ERROR}",
        f"m-later  DEAD     attempts=1  to {CALLER}: text later  last error: {AUTH_ERROR}",
    ]
    assert "2 dead" in dead.err and "slotline outbox requeue" in dead.err
    assert slotline("outbox", "list", "--status", "sent").out == [
        f"m-sent  sent     attempts=1  to {CALLER}: text sent"
    ]
    assert slotline("outbox", "list", "--status", "sent").err == ""


@pytest.mark.usefixtures("queued")
def test_requeue_puts_a_dead_message_back_and_dispatch_sends_it_once(slotline: Slotline) -> None:
    result = slotline("outbox", "requeue", "m-dead")

    assert (result.code, result.err) == (0, "")
    assert result.out == [f"requeued m-dead  to {MASKED}  last error: {AUTH_ERROR}"]
    assert CALLER not in "\n".join(result.out)
    requeued = json.loads("\n".join(slotline("outbox", "list", "--json", "--status", "pending").out))
    assert [(m["id"], m["attempts"], m["last_error"]) for m in requeued] == [
        ("m-dead", 0, AUTH_ERROR),
        ("m-pending", 0, None),
    ]
    assert slotline("outbox", "dispatch").out == ["sent 2, retrying 0, dead 0"]  # m-dead and m-pending
    assert slotline("outbox", "dispatch").out == ["sent 0, retrying 0, dead 0"]
    assert statuses(slotline) == {"m-dead": "sent", "m-sent": "sent", "m-pending": "sent", "m-later": "dead"}
    sent = json.loads("\n".join(slotline("sms", "list", "--json").out))
    assert sorted(s["body"] for s in sent) == ["text dead", "text pending"]  # each once


@pytest.mark.usefixtures("queued")
@pytest.mark.parametrize(
    ("ids", "problem"),
    [
        (["m-dead", "m-nope"], "no outbox message 'm-nope'; nothing was requeued"),
        (["m-dead", "m-sent"], "outbox message m-sent is sent, not dead; nothing was requeued"),
        (["m-pending", "m-later"], "outbox message m-pending is pending, not dead; nothing was requeued"),
    ],
)
def test_an_unknown_or_living_id_is_one_error_line_and_changes_nothing(
    slotline: Slotline, ids: list[str], problem: str
) -> None:
    before = outbox(slotline)

    assert_one_error_line(slotline("outbox", "requeue", *ids), problem)
    assert outbox(slotline) == before


@pytest.mark.usefixtures("queued")
def test_requeue_all_dead_since_an_instant(slotline: Slotline) -> None:
    since = slotline("outbox", "requeue", "--all-dead", "--since", "2026-11-25T09:30:00-05:00")
    rest = slotline("outbox", "requeue", "--all-dead")
    none_left = slotline("outbox", "requeue", "--all-dead")

    assert (since.code, since.out) == (0, [f"requeued m-later  to {MASKED}  last error: {AUTH_ERROR}"])
    assert (rest.code, rest.out) == (0, [f"requeued m-dead  to {MASKED}  last error: {AUTH_ERROR}"])
    assert (none_left.code, none_left.out, none_left.err) == (0, [], "slotline: no dead messages to requeue\n")
    assert statuses(slotline) == {"m-dead": "pending", "m-sent": "sent", "m-pending": "pending", "m-later": "pending"}


@pytest.mark.usefixtures("queued")
@pytest.mark.parametrize(
    ("args", "problem"),
    [
        ([], "give the IDs of dead messages, or --all-dead"),
        (["m-dead", "--all-dead"], "give the IDs of dead messages, or --all-dead (not both)"),
        (["m-dead", "--since", "2026-11-25T09:00:00-05:00"], "--since goes with --all-dead"),
        (["--all-dead", "--since", "yesterday"], "not an ISO-8601 date and time: 'yesterday'"),
    ],
)
def test_requeue_arguments_are_checked(slotline: Slotline, args: list[str], problem: str) -> None:
    assert_one_error_line(slotline("outbox", "requeue", *args), problem)
    assert statuses(slotline)["m-dead"] == "dead"
