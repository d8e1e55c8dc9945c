"""One outbox dispatch round in a process of its own, for the crash test; it can freeze right after the publish.

    python -m tests.integration.sns_crash_child --db FILE --endpoint URL --now ISO [--pause-after-publish MARKER]

Prints the round's report as JSON. With `--pause-after-publish`, the first text is really published, its MessageId
is written to MARKER, and the process hangs before the dispatcher can mark it sent: the test kills it there.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path

from slotline.application.outbox_dispatcher import OutboxDispatcher
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.aws.sns_settings import SnsSettings
from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox
from tests.integration.sns_moto import sns_config


class PausingSender(SnsSmsSender):
    """A real SnsSmsSender that, once the publish has succeeded, leaves a marker file and never returns."""

    def __init__(self, config: SnsSettings, marker: Path) -> None:
        super().__init__(config)
        self._marker = marker

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        message_id = await super().send(to, body, dedupe_key=dedupe_key)
        partial = self._marker.with_suffix(".partial")
        partial.write_text(message_id)
        partial.rename(self._marker)  # the test sees the whole id or nothing
        await asyncio.Event().wait()  # SIGKILL arrives here, between the publish and mark_sent
        return message_id


async def dispatch_once(db: Path, endpoint: str, now: datetime, marker: Path | None) -> dict[str, int]:
    config = sns_config(endpoint)
    sender = SnsSmsSender(config) if marker is None else PausingSender(config, marker)
    dispatcher = OutboxDispatcher(SqliteOutbox(SqliteDatabase(db)), sender, FixedClock(now))
    report = await dispatcher.dispatch_due()
    return {"sent": report.sent, "retrying": report.retrying, "dead": report.dead}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="sns_crash_child")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--now", type=datetime.fromisoformat, required=True)
    parser.add_argument("--pause-after-publish", type=Path, default=None, metavar="MARKER")
    args = parser.parse_args(argv)
    report = asyncio.run(dispatch_once(args.db, args.endpoint, args.now, args.pause_after_publish))
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
