"""`slotline outbox dispatch --loop` sends what is due and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from slotline.application.ports import OutboxMessage
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox
from tests.e2e.conftest import CALLER, NOW, Slotline, chat, confirmations


def test_loop_sends_then_stops_on_sigterm(slotline: Slotline, db: Path) -> None:
    chat(slotline, "a haircut on tuesday at two pm", "yes", "no")  # creates the database; its text is sent
    waiting = OutboxMessage("m-1", PhoneNumber(CALLER), "We will call you back.", "k-1", datetime.fromisoformat(NOW))
    asyncio.run(SqliteOutbox(SqliteDatabase(db)).enqueue([waiting]))
    assert {m["status"] for m in confirmations(slotline)} == {"sent", "pending"}
    command = [sys.executable, "-m", "slotline", "outbox", "dispatch", "--loop", "--db", str(db), "--now", NOW]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1.5)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert [m["status"] for m in confirmations(slotline)] == ["sent", "sent"]
