"""The UtteranceInterpreter contract: what the dialogue policy needs to hear in a caller's words, whatever the model.

Needs pytest and pytest-asyncio (test-time only). Subclass UtteranceInterpreterContract and override the
`interpreter` fixture to return your interpreter for `UtteranceInterpreterContract.catalogue` (the sample business:
services haircut, consultation, massage and colour; staff Sam, Alex and Jordan; New York time).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from slotline.application.ports import UtteranceInterpreter
from slotline.domain.catalogue import Catalogue
from slotline.domain.phone import PhoneNumber
from slotline.domain.preference import PartOfDay
from slotline.domain.understanding import Intent, Interpretation
from slotline.testing.sample import NOW, sample_catalogue

__all__ = ["UtteranceInterpreterContract"]

LATE_EVENING = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
"""22:00 on Wednesday 25 November in New York, already Thursday in UTC."""


class UtteranceInterpreterContract:
    """Every UtteranceInterpreter: recogniser text in, the domain's Interpretation out, unknown when unsure."""

    catalogue: Catalogue = sample_catalogue()
    """The business the interpreter under test is built for."""

    @pytest.fixture
    def interpreter(self) -> UtteranceInterpreter:
        """Override: the interpreter under test, for `catalogue`."""
        pytest.fail("subclass UtteranceInterpreterContract and override the `interpreter` fixture", pytrace=False)

    @pytest.mark.asyncio
    async def test_the_answer_is_the_domain_interpretation_of_that_text(
        self, interpreter: UtteranceInterpreter
    ) -> None:
        """An Interpretation carrying the text it was made from (the turn-end rule reads it)."""
        understood = await interpreter.interpret("i would like to book a haircut", NOW)

        assert type(understood) is Interpretation
        assert understood.text == "i would like to book a haircut"

    @pytest.mark.asyncio
    @pytest.mark.parametrize("text", ["", "   ", "flibber wop zzz", "the weather is lovely today"])
    async def test_garbage_is_unknown_with_no_details(self, interpreter: UtteranceInterpreter, text: str) -> None:
        """Nothing, noise or talk about something else is Intent.UNKNOWN with no details and no number."""
        understood = await interpreter.interpret(text, NOW)

        assert understood.intent is Intent.UNKNOWN
        assert not understood.has_details and understood.phone is None

    @pytest.mark.asyncio
    @pytest.mark.parametrize(
        ("text", "intent"),
        [
            ("i would like to book a haircut", Intent.BOOK),
            ("can i reschedule my appointment", Intent.RESCHEDULE),
            ("cancel my appointment", Intent.CANCEL),
            ("yes please", Intent.AFFIRM),
            ("no", Intent.DENY),
            ("i want to talk to a person", Intent.HUMAN),
            ("sorry can you repeat that", Intent.REPEAT),
            ("that's all thank you goodbye", Intent.GOODBYE),
            ("next tuesday afternoon", Intent.INFORM),
        ],
    )
    async def test_what_the_caller_wants(self, interpreter: UtteranceInterpreter, text: str, intent: Intent) -> None:
        """The intents the dialogue acts on; details without a verb are INFORM."""
        assert (await interpreter.interpret(text, NOW)).intent is intent

    @pytest.mark.asyncio
    async def test_services_and_staff_are_the_catalogues_ids(self, interpreter: UtteranceInterpreter) -> None:
        """Services and staff members come back as the catalogue's ids."""
        understood = await interpreter.interpret("a massage with jordan", NOW)

        assert (understood.service_id, understood.staff_id) == ("massage", "jordan")
        assert understood.has_details

    @pytest.mark.asyncio
    async def test_days_and_times_resolve_against_now_in_the_business_zone(
        self, interpreter: UtteranceInterpreter
    ) -> None:
        """ "Tomorrow" is the business's tomorrow (late evening in New York is already the next day in UTC)."""
        morning = await interpreter.interpret("tomorrow at ten am", NOW)
        evening = await interpreter.interpret("tomorrow at ten am", LATE_EVENING)
        afternoon = await interpreter.interpret("next tuesday afternoon", NOW)

        assert (morning.day, morning.at) == (date(2026, 11, 26), time(10, 0))
        assert evening.day == date(2026, 11, 26)
        assert (afternoon.day, afternoon.part_of_day) == (date(2026, 12, 1), PartOfDay.AFTERNOON)

    @pytest.mark.asyncio
    async def test_choices_and_phone_numbers(self, interpreter: UtteranceInterpreter) -> None:
        """ "The second one" picks an offer; a number said digit by digit is a phone number, not a detail."""
        choice = await interpreter.interpret("the second one", NOW)
        number = await interpreter.interpret("my number is two one two five five five zero one two three", NOW)

        assert choice.ordinal == 2
        assert number.phone is not None and number.phone.number == PhoneNumber("+12125550123")
        assert not number.has_details
