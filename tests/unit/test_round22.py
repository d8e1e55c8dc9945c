"""Issue 13, on heldout20's wrong actions (heldout20 was measured first: 89/100, 2 wrong); written in other words
than the corpus's."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

MAKATI = datetime(2027, 7, 5, 10, 0, tzinfo=ZoneInfo("Asia/Manila"))  # a Monday
KREUZBERG = datetime(2027, 7, 5, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # a Monday
DENTAL = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_mnl")))
PHYSIO = RulesUtteranceInterpreter(load_catalogue(catalogue_path("physio_ber")))


def test_filipino_english_politeness_and_na_lang() -> None:
    heard = DENTAL.understand("ay sorry po, Thursday na lang po", MAKATI)
    assert (heard.day, heard.unsure) == (date(2027, 7, 8), ())
    heard = DENTAL.understand("10am na lang po", MAKATI)
    assert heard.at == time(10)
    assert DENTAL.understand("opo", MAKATI).intent is Intent.AFFIRM
    assert DENTAL.understand("no na po, salamat", MAKATI).intent is Intent.DENY


def test_the_next_one_of_a_service_is_no_date() -> None:
    heard = PHYSIO.understand("I need my next sports massage on Friday", KREUZBERG)

    assert (heard.service_id, heard.day, heard.unsure) == ("sports_massage", date(2027, 7, 9), ())
