"""The RulesUtteranceInterpreter adapter as the application sees it: the port, whole sentences, garbage."""

from __future__ import annotations

import ast
import asyncio
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slotline.application.ports.interpreter import UtteranceInterpreter
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.preference import PartOfDay
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.words import wordset
from tests.factories import NOW, sample_catalogue

ROOT = Path(__file__).resolve().parents[2]
INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())


def test_is_an_utterance_interpreter() -> None:
    port: UtteranceInterpreter = INTERPRETER
    assert isinstance(port, RulesUtteranceInterpreter)


async def test_everything_at_once() -> None:
    result = await INTERPRETER.interpret("a haircut next tuesday afternoon with sam", NOW)
    assert result == Interpretation(
        intent=Intent.INFORM,
        text="a haircut next tuesday afternoon with sam",
        service_id=ServiceId("haircut"),
        day=date(2026, 12, 1),
        part_of_day=PartOfDay.AFTERNOON,
        staff_id=StaffId("sam"),
    )


async def test_a_typical_spoken_request() -> None:
    result = await INTERPRETER.interpret(
        "um hi yeah i'd like to book uh a hair cut on friday at like three thirty", NOW
    )
    assert result.intent is Intent.BOOK  # a new request beats the leading "yeah"; see docs/understanding.md
    assert (result.service_id, result.day, result.at) == ("haircut", date(2026, 11, 27), time(15, 30))


async def test_a_typed_request() -> None:
    result = await INTERPRETER.interpret("Book a Haircut for 12/23 at 3:30pm with Sam Rivera, please!", NOW)
    assert result.intent is Intent.BOOK
    assert (result.service_id, result.day, result.at, result.staff_id) == (
        "haircut",
        date(2026, 12, 23),
        time(15, 30),
        "sam",
    )


async def test_the_earliest_massage() -> None:
    result = await INTERPRETER.interpret("i need a massage as soon as possible in the morning", NOW)
    assert (result.intent, result.service_id, result.earliest, result.part_of_day) == (
        Intent.BOOK,
        "massage",
        True,
        PartOfDay.MORNING,
    )


async def test_concurrent_calls_share_nothing() -> None:
    texts = ["tomorrow at ten", "the second one", "cancel", "with jordan"]
    results = await asyncio.gather(*(INTERPRETER.interpret(t, NOW) for t in texts))
    assert [r.text for r in results] == texts


def test_keeps_the_original_text() -> None:
    assert INTERPRETER.understand("Tuesday, please.", NOW).text == "Tuesday, please."


GARBAGE = [
    "the weather is nice today",
    "my cat is called tuesday",
    "the quick brown fox jumps over the lazy dog",
    "i love pizza",
    "it's raining cats and dogs",
    "my name is john smith",
    "hello is anyone there",
    "can you hear me",
    "good morning",
    "hi there",
    "blah blah blah",
    "asdf qwerty",
    "one two three four five six",
    "!!! ???",
    "i'm not sure",
    "last tuesday",
    "february thirtieth",
    "hmm",
    "um uh er",
]


@pytest.mark.parametrize("text", GARBAGE)
def test_what_is_not_understood_is_unknown_with_no_details(text: str) -> None:
    assert INTERPRETER.understand(text, NOW) == Interpretation(Intent.UNKNOWN, text=text)


@pytest.mark.parametrize("text", ["", " ", "\n", "...", "please"])
async def test_empty_is_unknown(text: str) -> None:
    assert await INTERPRETER.interpret(text, NOW) == Interpretation(Intent.UNKNOWN, text=text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=80))
def test_any_lowercase_text_gives_an_interpretation(text: str) -> None:
    assert isinstance(INTERPRETER.understand(text, NOW), Interpretation)


VOCABULARY = sorted(
    wordset(
        "the a on at in of to next this last first second third twenty thirty one two three four twelve noon half "
        "past quarter oh hundred am pm ish tuesday december may february thirtieth morning tonight with sam haircut "
        "hair cut no yes book cancel around day after tomorrow 12/23 3:30 1500 23rd 99/99 00:99 number option month"
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=10), st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_any_word_salad_on_any_day_gives_an_interpretation(words: list[str], today: date) -> None:
    now = NOW.replace(year=today.year, month=today.month, day=today.day)
    result = INTERPRETER.understand(" ".join(words), now)
    assert result.intent is not Intent.UNKNOWN or not result.has_details


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode_text_gives_an_interpretation(text: str) -> None:
    assert isinstance(INTERPRETER.understand(text, NOW), Interpretation)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_adapter_imports_only_the_domain_the_shared_helpers_and_itself() -> None:
    for path in (ROOT / "slotline" / "infrastructure" / "rules_nlu").glob("*.py"):
        for module in _imports(path):
            top = module.removeprefix("slotline.").split(".")[0]
            assert top not in {"application", "entrypoints"}, f"{path.name} imports {module}"
            if top == "infrastructure" and module.startswith("slotline."):
                own = module.startswith(("slotline.infrastructure.rules_nlu", "slotline.infrastructure.common"))
                assert own, f"{path.name} imports {module}"


def test_nothing_inward_imports_the_adapter() -> None:
    for layer in ("domain", "application"):
        for path in (ROOT / "slotline" / layer).rglob("*.py"):
            assert not any(m.startswith("slotline.infrastructure") for m in _imports(path)), path
