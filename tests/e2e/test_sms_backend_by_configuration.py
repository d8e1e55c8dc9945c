"""`sms.backend = "sns"` is the only change needed to send real texts: a whole chat booking through moto."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import CALLER, Slotline, chat, confirmations
from tests.integration.sns_moto import MotoServer


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with MotoServer.running() as server:
        yield server


def test_a_booking_texts_through_sns(
    slotline: Slotline, moto: MotoServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    moto.reset()
    config = tmp_path / "slotline.toml"
    config.write_text(f'[sms]\nbackend = "sns"\n\n[sms.sns]\nendpoint_url = "{moto.endpoint}"\nregion = "us-east-1"\n')
    monkeypatch.setenv("SLOTLINE_CONFIG", str(config))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")  # moto accepts any credentials
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    run = chat(slotline, "a haircut on tuesday at two pm", "yes", "no")
    (line,) = [said for said in run.agent if "text" in said and "details" in said]
    # What the caller hears is true either way: "sent" only if SNS accepted the text within the short wait the
    # agent allows itself (a loaded machine may take longer); tests/unit/test_confirmation_wording.py pins both.
    assert line in {"I've sent you a text with the details.", "I'll text you the details."}
    (sent,) = moto.sms()
    assert sent.phone_number == CALLER
    assert sent.message.startswith("Maple Street Clinic: your haircut with Sam Rivera is booked for Tue Dec 1 at 2 PM.")
    (message,) = confirmations(slotline)
    assert message["status"] == "sent"
