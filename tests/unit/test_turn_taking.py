"""Energy turn-taking and the marked-speech stand-ins, frame by frame."""

from __future__ import annotations

from slotline.application.ports import SilenceTimeout, SpeechPaused, SpeechStarted, TurnEvent, TurnMayEnd, Utterance
from slotline.infrastructure.energy_vad import EnergyTurnDetector
from slotline.infrastructure.marked_speech import decode_marks, encode_marks

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
    assert [type(e) for e in events] == [SpeechStarted, SpeechPaused, TurnMayEnd]
    paused, may_end = events[1], events[2]
    assert isinstance(paused, SpeechPaused) and isinstance(may_end, TurnMayEnd)
    events = run(detector, [SILENCE])  # 30 x 20 ms = 600 ms of quiet
    assert len(events) == 1
    assert isinstance(events[0], Utterance)
    assert decode_marks(events[0].pcm) == "book a haircut"
    assert events[0].pcm == paused.pcm == may_end.pcm  # recognising at the pause saw exactly the final turn


def test_the_pause_events_come_after_their_quiet() -> None:
    detector = EnergyTurnDetector(RATE)  # pause at 100 ms, quick end at 200 ms, end at 600 ms
    events = run(detector, frames(encode_marks("yes please", RATE)))
    assert [type(e) for e in events] == [SpeechStarted]
    assert run(detector, [SILENCE] * 4) == []
    assert [type(e) for e in run(detector, [SILENCE])] == [SpeechPaused]  # 100 ms
    assert run(detector, [SILENCE] * 4) == []
    assert [type(e) for e in run(detector, [SILENCE])] == [TurnMayEnd]  # 200 ms


def test_a_turn_that_may_end_is_ended_on_request() -> None:
    detector = EnergyTurnDetector(RATE)
    assert detector.end_turn() is None  # nobody has spoken
    speech = frames(encode_marks("the second one", RATE))
    run(detector, speech)
    assert detector.end_turn() is None  # still talking
    events = run(detector, [SILENCE] * 10)
    may_end = events[-1]
    assert isinstance(may_end, TurnMayEnd)
    utterance = detector.end_turn()
    assert utterance is not None and utterance.pcm == may_end.pcm
    assert decode_marks(utterance.pcm) == "the second one"
    assert detector.end_turn() is None  # ended once
    assert run(detector, [SILENCE] * 40) == []  # no second Utterance for the same turn


def test_a_turn_that_goes_on_after_the_short_wait_is_one_turn() -> None:
    detector = EnergyTurnDetector(RATE)
    first, rest = frames(encode_marks("a haircut with", RATE)), frames(encode_marks("sam", RATE))
    events = run(detector, first + [SILENCE] * 12 + rest + [SILENCE] * 30)
    assert [type(e) for e in events] == [
        SpeechStarted,
        SpeechPaused,
        TurnMayEnd,  # not taken: the listener judged "a haircut with" unfinished
        SpeechPaused,
        TurnMayEnd,
        Utterance,
    ]
    final = events[-1]
    assert isinstance(final, Utterance)
    assert len(final.pcm) == len(b"".join(first + rest))


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
    from slotline.domain.dialogue.sentences import split_sentences as sentences

    assert sentences("I have nothing on Tuesday. The nearest are 9 AM, or 10 AM. Which would you like?") == [
        "I have nothing on Tuesday.",
        "The nearest are 9 AM, or 10 AM.",
        "Which would you like?",
    ]
    assert sentences("At 3:30 PM with Sam Rivera... fine") == ["At 3:30 PM with Sam Rivera...", "fine"]
    assert sentences("") == []
