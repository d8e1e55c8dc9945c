"""Intents, their precedence when several are present, and choices among offers."""

from __future__ import annotations

from datetime import date

import pytest

from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.choices import LAST, find_choice
from slotline.infrastructure.rules_nlu.intent import classify
from slotline.infrastructure.rules_nlu.words import normalise
from tests.factories import NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())


def understood(text: str) -> Interpretation:
    return INTERPRETER.understand(text, NOW)


CASES = {
    Intent.BOOK: [
        "book",
        "i want to book",
        "i'd like to book an appointment",
        "can i make an appointment",
        "i want to make a booking",
        "i'd like a haircut",
        "I'd like a haircut.",
        "i need a massage",
        "i need an appointment",
        "we'd like a consultation",
        "could i get a trim",
        "can i have an appointment",
        "i want to schedule a massage",
        "can i come in tomorrow",
        "um i'd like like a hair cut please",
        "put me down for a haircut",
        "can you pencil me in",
    ],
    Intent.RESCHEDULE: [
        "reschedule",
        "i need to reschedule",
        "can i re schedule",
        "can i move my appointment",
        "move it to friday",
        "i need to change my appointment",
        "can we change the time",
        "do you have a different time",
        "another day would be better",
        "can i postpone",
    ],
    Intent.CANCEL: [
        "cancel",
        "cancel my appointment",
        "i want to cancel",
        "i need to cancel my haircut on tuesday",
        "please cancel it",
        "call it off",
    ],
    Intent.AFFIRM: [
        "yes",
        "yeah",
        "yep",
        "yup",
        "sure",
        "that's right",
        "thats right",
        "correct",
        "sounds good",
        "perfect",
        "please do",
        "ok",
        "okay",
        "alright",
        "yes please",
        "absolutely",
        "go ahead",
        "uh huh",
        "that works",
        "no problem",
        "yes that's it",
    ],
    Intent.DENY: [
        "no",
        "nope",
        "nah",
        "not really",
        "that's wrong",
        "thats not right",
        "no thanks",
        "no thank you",
        "neither",
        "i don't think so",
        "yeah no",
        "that doesn't work",
        "i can't make it",
        "don't cancel it",
        "i don't want to cancel",
        "not tuesday",
    ],
    Intent.HUMAN: [
        "talk to a person",
        "can i talk to a human",
        "i want to speak to someone",
        "let me talk to somebody",
        "speak with the receptionist",
        "receptionist",
        "operator",
        "representative",
        "a real person please",
        "transfer me",
    ],
    Intent.REPEAT: [
        "say that again",
        "can you say that again",
        "repeat",
        "could you repeat that",
        "pardon",
        "pardon me",
        "what was that",
        "sorry what",
        "what",
        "huh",
        "i didn't catch that",
        "come again",
    ],
    Intent.GOODBYE: [
        "bye",
        "goodbye",
        "good bye",
        "bye bye",
        "that's all",
        "that's all thanks",
        "nothing else",
        "no thanks that's it",
        "no that's it",
        "that's it",
        "have a good day",
        "thank you bye",
    ],
    Intent.INFORM: [
        "tuesday",
        "next tuesday at three",
        "a haircut",
        "the second one",
        "with sam",
        "the earliest",
        "in the afternoon",
        "ok tuesday then",
        "i'd like tuesday at three",
        "how about friday",
    ],
}


@pytest.mark.parametrize(("text", "intent"), [(t, i) for i, texts in CASES.items() for t in texts])
def test_intents(text: str, intent: Intent) -> None:
    assert understood(text).intent is intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # A change of task beats a yes or no: the caller wants something else entirely.
        ("no i want to cancel", Intent.CANCEL),
        ("yes cancel it", Intent.CANCEL),
        ("no i'd rather reschedule", Intent.RESCHEDULE),
        ("no let me talk to a person", Intent.HUMAN),
        ("cancel i mean talk to a human", Intent.HUMAN),
        # A task corrected as it is said: the correction is what the caller wants.
        ("i want to cancel actually no move it", Intent.RESCHEDULE),
        ("move it, no wait, cancel it", Intent.CANCEL),
        # A new booking request beats a yes or no ("yeah hi, i'd like ..." opens many calls)...
        ("yeah hi i'd like to book a haircut", Intent.BOOK),
        ("yes i'd like a haircut", Intent.BOOK),
        ("no i want to book a massage instead", Intent.BOOK),
        ("yes i need an appointment", Intent.BOOK),
        # ...but booking what was offered is a yes, and "i'd like that" is not a request.
        ("yes please book it", Intent.AFFIRM),
        ("yes i want to book it", Intent.AFFIRM),
        ("yes book that for me", Intent.AFFIRM),
        ("yes i'd like that", Intent.AFFIRM),
        ("sure book me in", Intent.AFFIRM),
        # A yes or no answers the agent's question; details ride along.
        ("no tuesday instead", Intent.DENY),
        ("no a massage", Intent.DENY),
        ("yeah at three", Intent.AFFIRM),
        # The last yes/no word wins; phrases with "no" in them are not a no.
        ("no sorry yes", Intent.AFFIRM),
        ("no problem", Intent.AFFIRM),
        ("not sure", Intent.UNKNOWN),
        # Goodbye beats yes/no; "that's it" after a yes confirms instead.
        ("no thanks that's all", Intent.GOODBYE),
        ("yes that's it", Intent.AFFIRM),
        # Negation rules out one task word, not the whole sentence.
        ("i don't want to cancel i want to move it", Intent.RESCHEDULE),
        ("don't book it", Intent.DENY),
        ("no need to reschedule", Intent.DENY),
        # "put me down" books; "put me through" asks for a person.
        ("put me down for tuesday", Intent.BOOK),
        ("can you put me through to someone", Intent.HUMAN),
        # A weak "ok" with details is just the details.
        ("ok tuesday", Intent.INFORM),
        ("fine three pm", Intent.INFORM),
        # Repeat beats yes/no and book.
        ("sorry can you repeat the time", Intent.REPEAT),
        # Wanting without a service or appointment is only details.
        ("i want the second one", Intent.INFORM),
    ],
)
def test_precedence(text: str, intent: Intent) -> None:
    assert understood(text).intent is intent


def test_precedence_details_are_kept() -> None:
    result = understood("no, tuesday instead")
    assert (result.intent, result.day) == (Intent.DENY, date(2026, 12, 1))
    result = understood("yes please book it for the haircut")
    assert (result.intent, result.service_id) == (Intent.AFFIRM, "haircut")


def test_classify_on_words() -> None:
    assert classify(normalise("yes")) is Intent.AFFIRM
    assert classify(normalise("tuesday"), has_details=True) is Intent.INFORM
    assert classify(normalise("i need a trim"), has_service=True) is Intent.BOOK
    assert classify(normalise("i need a trim")) is Intent.UNKNOWN
    assert classify(normalise("not tuesday"), ruled_out=True) is Intent.DENY
    assert classify([]) is Intent.UNKNOWN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the second one", 2),
        ("second", 2),
        ("the second", 2),
        ("number two", 2),
        ("option three", 3),
        ("the first", 1),
        ("the first one", 1),
        ("first one please", 1),
        ("the third option", 3),
        ("the 2nd one", 2),
        ("the last one", LAST),
        ("last one", LAST),
        ("the last", LAST),
        ("i'll take the second one", 2),
        ("the fourth one", 4),
    ],
)
def test_choices(text: str, expected: int) -> None:
    assert find_choice(normalise(text)) is not None
    assert understood(text).ordinal == expected


@pytest.mark.parametrize(
    "text",
    [
        "the first of december",
        "december the first",
        "on the second",
        "the first available",
        "first visit",
        "just a second",
        "last tuesday",
        "the last time",
        "at one",
        "the other one",
    ],
)
def test_not_a_choice(text: str) -> None:
    assert understood(text).ordinal is None
