"""Energy turn-taking and the marked-speech stand-ins, frame by frame."""

from __future__ import annotations

from application.ports import SilenceTimeout, SpeechPaused, SpeechStarted, TurnEvent, Utterance
from infrastructure.energy_vad import EnergyTurnDetector
from infrastructure.marked_speech import decode_marks, encode_marks

RATE = 16000
FRAME = RATE // 50 * 2
SILENCE = bytes(FRAME)


def frames(pcm: bytes) -> list[bytes]:
    return [pcm[i : i + FRAME] for i in range(0, len(pcm), FRAME)]


def run(detector: EnergyTurnDetector, chunks: list[bytes]) -> list[TurnEvent]:
    events: list[TurnEvent] = []
    for chunk in chunks:
        events += detector.feed(chunk)
    return events


def test_marks_round_trip_any_text() -> None:
    for text in ["yes", "a haircut next tuesday at three thirty", "café crème", ""]:
        assert decode_marks(encode_marks(text, RATE)) == text
        assert len(encode_marks(text, RATE)) % FRAME == 0


def test_an_utterance_ends_after_the_quiet_gap() -> None:
    detector = EnergyTurnDetector(RATE)
    speech = frames(encode_marks("book a haircut", RATE))
    events = run(detector, speech + [SILENCE] * 29)
    assert [type(e) for e in events] == [SpeechStarted, SpeechPaused]
    paused = events[1]
    assert isinstance(paused, SpeechPaused)
    events = run(detector, [SILENCE])  # 30 x 20 ms = 600 ms of quiet
    assert len(events) == 1
    assert isinstance(events[0], Utterance)
    assert decode_marks(events[0].pcm) == "book a haircut"
    assert events[0].pcm == paused.pcm  # recognising at the pause saw exactly the final turn


def test_silence_timeout_counts_from_the_end_of_the_agents_reply() -> None:
    detector = EnergyTurnDetector(RATE)
    detector.expect_reply_after(2.0)
    speaking = [detector.agent_speaking]
    assert run(detector, [SILENCE] * (100 + 299)) == []  # 2 s of reply + 5.98 s
    speaking.append(detector.agent_speaking)
    assert speaking == [True, False]
    (event,) = run(detector, [SILENCE])
    assert isinstance(event, SilenceTimeout)


def test_speech_during_the_reply_is_a_barge_in() -> None:
    detector = EnergyTurnDetector(RATE)
    detector.expect_reply_after(5.0)
    events = run(detector, frames(encode_marks("stop", RATE)))
    assert detector.agent_speaking
    assert [type(e) for e in events] == [SpeechStarted]


def test_replies_are_spoken_sentence_by_sentence() -> None:
    from application.phone_call import sentences

    assert sentences("I have nothing on Tuesday. The nearest are 9 AM, or 10 AM. Which would you like?") == [
        "I have nothing on Tuesday.",
        "The nearest are 9 AM, or 10 AM.",
        "Which would you like?",
    ]
    assert sentences("At 3:30 PM with Sam Rivera... fine") == ["At 3:30 PM with Sam Rivera...", "fine"]
    assert sentences("") == []
