"""Scripted callers that book over the loopback line in marked speech, answering whatever the agent asks next."""

from __future__ import annotations

import array
import asyncio
import re
import sys
import time
from dataclasses import dataclass

from slotline.infrastructure.marked_speech import decode_marks, encode_marks
from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackError

ANSWERS = (  # the agent's last words in a turn -> what the caller says to them
    ("Which would you like?", "the first one"),
    ("Shall I book it?", "yes"),
    ("anything else I can help you with?", "no thanks"),
)
GOODBYE = "Goodbye!"
BOOKED = re.compile(r"You're booked: (.+?)\. ")
_DATA_LOW, _DATA_HIGH, _DATA_STEP = 0x1000, 0x1000 + 255 * 16, 16  # marked_speech.codec's data samples


class AgentWords:
    """What the agent has said on a call, decoded as the audio arrives (each sample once, not the whole line
    again on every look: a call's audio is decoded in pieces cut just after a sample that carries no text)."""

    def __init__(self, call: LoopbackCall) -> None:
        self._call = call
        self._cursor = 0
        self.text = ""

    def read(self) -> str:
        audio = self._call.agent_audio
        new = audio[self._cursor : len(audio) - len(audio) % 2]
        samples = array.array("h", new)
        if sys.byteorder != "little":
            samples.byteswap()
        cut = len(samples)
        while cut > 0 and _carries_text(samples[cut - 1]):
            cut -= 1
        if cut:
            piece = decode_marks(new[: cut * 2])
            self.text += (" " if self.text and piece else "") + piece
            self._cursor += cut * 2
        return self.text


def _carries_text(sample: int) -> bool:
    return _DATA_LOW <= sample <= _DATA_HIGH and not (sample - _DATA_LOW) % _DATA_STEP


@dataclass
class CallResult:
    call: LoopbackCall
    booked: str | None  # the agent's "You're booked: ..." words, or None
    said: str
    ended: str | None


async def book_by_phone(
    call: LoopbackCall,
    request: str,
    *,
    stop_at: str | None = None,
    timeout: float = 60.0,
) -> CallResult:
    """Ask for `request`, take the first offer, confirm, say no to anything else, and wait for the hang-up.

    With `stop_at` (one of the agent's prompts in ANSWERS), return as soon as the agent has asked it, the call
    still up (a hold is live after "Shall I book it?", the booking made after "anything else ...?").
    """
    words = AgentWords(call)
    deadline = time.monotonic() + timeout
    heard_up_to = 0

    async def until_said(*phrases: str) -> str:
        nonlocal heard_up_to
        while True:
            text = words.read()
            found = [(text.find(p, heard_up_to), p) for p in phrases if text.find(p, heard_up_to) >= 0]
            if found:
                at, phrase = min(found)
                heard_up_to = at + len(phrase)
                return phrase
            if call.ended is not None or time.monotonic() > deadline:
                raise AssertionError(f"call {call.call_id} waited for {phrases}; the agent said: {text!r}")
            await asyncio.sleep(0.05)

    try:
        await until_said("What can I do for you?")
        call.feed(encode_marks(request, call.sample_rate))
        while (prompt := await until_said(GOODBYE, *(p for p, _ in ANSWERS))) != GOODBYE:
            if prompt == stop_at:
                said = words.read()
                booked = BOOKED.search(said)
                return CallResult(call, booked.group(1) if booked else None, said, None)
            call.feed(encode_marks(dict(ANSWERS)[prompt], call.sample_rate))
        ended: str | None = await call.wait_ended(timeout=max(1.0, deadline - time.monotonic()))
    except (AssertionError, LoopbackError, TimeoutError):
        ended = call.ended
    said = words.read()
    booked = BOOKED.search(said)
    return CallResult(call, booked.group(1) if booked else None, said, ended)
