"""Rules first; the model only for turns the rules could not read, within a deadline; the rules' reading otherwise."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

import pytest

from slotline.application.errors import InterpreterAnswerInvalid, InterpreterUnavailable
from slotline.application.hybrid_understanding import HybridUtteranceInterpreter, UnderstandingMode, needs_model
from slotline.application.ports import UtteranceInterpreter
from slotline.domain.dialogue.expectation import OPEN, Expectation, Expecting
from slotline.domain.ids import ServiceId
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

RULES = RulesUtteranceInterpreter(sample_catalogue())
MODELLED = Interpretation(Intent.BOOK, text="x", service_id=ServiceId("massage"))


class ScriptedModel:
    """A model port that answers, fails or never answers, as told; it notes what it was asked."""

    def __init__(self, answer: Interpretation | Exception | None = MODELLED) -> None:
        self.answer = answer
        self.asked: list[tuple[str, Expectation]] = []

    async def interpret(self, utterance: str, now: datetime, *, expecting: Expectation = OPEN) -> Interpretation:
        self.asked.append((utterance, expecting))
        if self.answer is None:
            await asyncio.Event().wait()  # never answers
        if isinstance(self.answer, Exception):
            raise self.answer
        assert self.answer is not None
        return self.answer


def hybrid(model: ScriptedModel, mode: UnderstandingMode = UnderstandingMode.HYBRID) -> HybridUtteranceInterpreter:
    return HybridUtteranceInterpreter(RULES, model, deadline_seconds=0.05, mode=mode)


def test_is_an_utterance_interpreter() -> None:
    port: UtteranceInterpreter = hybrid(ScriptedModel())
    assert isinstance(port, HybridUtteranceInterpreter)


async def test_turns_the_rules_understood_never_reach_the_model() -> None:
    model = ScriptedModel()
    interpreter = hybrid(model)

    understood = await interpreter.interpret("a haircut next tuesday afternoon", NOW)

    assert understood.intent is Intent.INFORM and understood.day == date(2026, 12, 1)
    assert model.asked == []
    assert (interpreter.turns.heard, interpreter.turns.asked) == (1, 0)


async def test_an_unknown_turn_goes_to_the_model_with_what_the_agent_asked() -> None:
    model = ScriptedModel()
    interpreter = hybrid(model)
    asked = Expectation(Expecting.SERVICE)

    understood = await interpreter.interpret("erm the one where you rub my back", NOW, expecting=asked)

    assert understood == MODELLED
    assert model.asked == [("erm the one where you rub my back", asked)]
    assert (interpreter.turns.asked, interpreter.turns.answered) == (1, 1)


async def test_an_unsure_turn_goes_to_the_model() -> None:
    ruled = await RULES.interpret("tuesday but a week later", NOW)
    assert ruled.unsure and needs_model(ruled)

    assert await hybrid(ScriptedModel()).interpret("tuesday but a week later", NOW) == MODELLED


@pytest.mark.parametrize(
    "failure",
    [InterpreterUnavailable("RateLimitError"), InterpreterAnswerInvalid("not json"), None],
    ids=["unavailable", "invalid", "too slow"],
)
async def test_a_failed_or_late_model_leaves_the_rules_reading(failure: Exception | None) -> None:
    interpreter = hybrid(ScriptedModel(failure))

    understood = await interpreter.interpret("tuesday but a week later", NOW)

    assert understood == await RULES.interpret("tuesday but a week later", NOW)
    assert interpreter.turns.fell_back == 1
    assert (interpreter.turns.timed_out, interpreter.turns.failed) == ((1, 0) if failure is None else (0, 1))


async def test_a_model_that_makes_nothing_of_an_unsure_turn_leaves_the_rules_reading() -> None:
    understood = await hybrid(ScriptedModel(Interpretation(Intent.UNKNOWN))).interpret("tuesday but a week later", NOW)

    assert understood.unsure == ("week",)


@pytest.mark.parametrize(
    "said", ["my number is two one two five five five zero one two three", "i want to talk to a person"]
)
async def test_numbers_and_a_wish_for_a_person_stay_with_the_rules_even_in_model_mode(said: str) -> None:
    model = ScriptedModel()

    understood = await hybrid(model, UnderstandingMode.MODEL).interpret(said, NOW)

    assert understood == await RULES.interpret(said, NOW)
    assert model.asked == []


async def test_model_mode_asks_the_model_every_turn() -> None:
    model = ScriptedModel()

    assert await hybrid(model, UnderstandingMode.MODEL).interpret("a haircut tomorrow", NOW) == MODELLED
    assert len(model.asked) == 1
