"""Issue 13, the eleventh session: the gaps the tenth left (two questions in one turn, the first of them about a
plan the business bills directly), written in other words than the corpus's, for other businesses."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.questions import Topic
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

TORONTO = ZoneInfo("America/Toronto")
MASSAGE = RulesUtteranceInterpreter(load_catalogue(catalogue_path("massage_tor")))
THURSDAY = datetime(2027, 2, 11, 10, 0, tzinfo=TORONTO)


def test_a_second_question_after_one_about_direct_billing_is_answered_too() -> None:
    heard = MASSAGE.understand("can you direct bill Manulife? and what's the price of a hot stone massage", THURSDAY)
    asked = [heard.question, *heard.also_asked]
    assert [q.topic for q in asked if q is not None] == [Topic.INSURANCE, Topic.FAQ, Topic.PRICE]


def test_direct_billing_asked_alone_still_gets_the_plan_and_the_business_answer() -> None:
    heard = MASSAGE.understand("do you bill Manulife directly", THURSDAY)
    asked = [heard.question, *heard.also_asked]
    assert [q.topic for q in asked if q is not None] == [Topic.INSURANCE, Topic.FAQ]


CALGARY = ZoneInfo("America/Edmonton")
VET = RulesUtteranceInterpreter(load_catalogue(catalogue_path("vet_cgy")))
SUMMER = datetime(2027, 7, 20, 11, 0, tzinfo=CALGARY)


def test_a_month_left_over_that_agrees_with_the_day_read_is_no_doubt() -> None:
    heard = VET.understand("the wellness exam on the August long weekend please, the Monday the 2nd", SUMMER)
    assert (heard.day, heard.unsure) == (date(2027, 8, 2), ())


def test_a_month_left_over_that_disagrees_with_the_day_read_is_still_asked() -> None:
    heard = VET.understand("the wellness exam for the June long weekend please, Monday the 2nd", SUMMER)
    assert heard.unsure == ("june",)
