"""The spoken-calls benchmark's caller says a line again when asked to, and answers "was that X or Y?" by time."""

from __future__ import annotations

import asyncio

from benchmarks.responsive_caller import MAX_REPEATS, AgentWords, responsive_lines


class _Silent:
    async def synthesize(self, text: str, sample_rate: int) -> bytes:
        return b""


def _talk(agent: AgentWords, *sentences: str) -> None:
    for sentence in sentences:
        asyncio.run(agent.synthesize(sentence, 8000))


def test_a_line_not_caught_is_said_again_and_then_the_script_goes_on() -> None:
    agent = AgentWords(_Silent())
    lines = responsive_lines(["a haircut on friday", "yes"], agent)
    _talk(agent, "What can I do for you?")
    assert next(lines) == "a haircut on friday"
    _talk(agent, "Sorry, I didn't catch that.", "What can I do for you?")
    assert next(lines) == "a haircut on friday"
    _talk(agent, "Let me read that back: a haircut on Friday at 9 AM.", "Shall I book it?")
    assert next(lines) == "yes"


def test_a_line_is_said_again_at_most_max_repeats_times() -> None:
    agent = AgentWords(_Silent())
    lines = responsive_lines(["the second one", "no"], agent)
    said = [next(lines)]
    for _ in range(MAX_REPEATS + 1):
        _talk(agent, "Sorry, I didn't catch that.", "Which would you like?")
        said.append(next(lines))
    assert said == ["the second one"] * (MAX_REPEATS + 1) + ["no"]


def test_was_that_x_or_y_is_answered_with_the_time_of_the_offer_chosen() -> None:
    agent = AgentWords(_Silent())
    lines = responsive_lines(["a massage on friday", "the first one", "yes"], agent)
    assert next(lines) == "a massage on friday"
    _talk(agent, "On Friday, November 27th I have 8 AM with Jo, 9 AM with Jo, or 12:30 PM with Sam.", "Which?")
    assert next(lines) == "the first one"
    _talk(agent, "Sorry, was that 8 AM with Jo or 12:30 PM with Sam?")
    assert next(lines) == "the 8 AM one please"
    _talk(agent, "Let me read that back: a massage with Jo on Friday at 8 AM.", "Shall I book it?")
    assert next(lines) == "yes"


def test_was_that_without_the_offer_chosen_is_answered_no_with_its_time() -> None:
    agent = AgentWords(_Silent())
    lines = responsive_lines(["the last one"], agent)
    _talk(agent, "I have 8 AM with Jo, 9 AM with Jo, or 10 AM with Jo.", "Which would you like?")
    assert next(lines) == "the last one"
    _talk(agent, "Sorry, was that 8 AM with Jo or 9 AM with Jo?")
    assert next(lines) == "no, the 10 AM one"


def test_which_day_did_you_mean_is_answered_with_the_day_said() -> None:
    agent = AgentWords(_Silent())
    lines = responsive_lines(["hi, a consultation on next Tuesday morning please", "the first one"], agent)
    assert next(lines) == "hi, a consultation on next Tuesday morning please"
    _talk(agent, "Sorry, I want to get this right: which day did you mean?")
    assert next(lines) == "next tuesday morning"
    _talk(agent, "On Tuesday, December 1st I have 9 AM with Jo.", "Would that work?")
    assert next(lines) == "the first one"


def test_which_day_and_time_is_answered_with_the_time_too() -> None:
    agent = AgentWords(_Silent())
    lines = responsive_lines(["could I get a haircut friday at three thirty"], agent)
    next(lines)
    _talk(agent, "Sorry, I want to get this right: which day and time did you mean?")
    assert next(lines) == "friday at three thirty"


def test_one_of_two_days_is_answered_with_the_one_this_or_next_meant() -> None:
    agent = AgentWords(_Silent())
    lines = responsive_lines(["can I get a haircut next friday at three", "yes"], agent)
    next(lines)
    _talk(agent, "Sorry, I want to get this right: Friday, November 27th or Friday, December 4th?")
    assert next(lines) == "friday the 4th"
    agent = AgentWords(_Silent())
    lines = responsive_lines(["a massage this thursday"], agent)
    next(lines)
    _talk(agent, "Sorry, I want to get this right: Thursday, November 26th or Thursday, December 3rd?")
    assert next(lines) == "thursday the 26th"
