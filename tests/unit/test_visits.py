"""The kind of visit a caller describes without naming a service: a child brought in, a first visit, a return. Each
finds the catalogue's one service for it by the words of its names, and only in a request."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from slotline.domain.catalogue import Service
from slotline.domain.ids import ServiceId, StaffId
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.visits import Visit, VisitKinds, visit_said
from slotline.infrastructure.rules_nlu.words import normalise
from tests.factories import NOW, sample_catalogue

CATALOGUE = sample_catalogue()
SAM = (StaffId("sam"),)
KIDS = Service(ServiceId("kids_cut"), "Kids' haircut", timedelta(minutes=20), SAM, ("children's haircut",))
FIRST = Service(ServiceId("assessment"), "Initial assessment", timedelta(minutes=45), SAM, ("first appointment",))
AGAIN = Service(ServiceId("followup"), "Follow-up session", timedelta(minutes=30), SAM, ("review",))
INTERPRETER = RulesUtteranceInterpreter(replace(CATALOGUE, services=(*CATALOGUE.services, KIDS, FIRST, AGAIN)))
PLAIN = RulesUtteranceInterpreter(CATALOGUE)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("can I book my daughter in with him on wednesday", Visit.CHILD),
        ("I'd like to bring my little boy in to see someone, he's six", Visit.CHILD),
        ("my two girls need a trim", Visit.CHILD),
        ("is there anything for our youngest son on friday", Visit.CHILD),
        ("I'm a new patient, could I book something for monday", Visit.FIRST),
        ("I'd like to come in, first time, on wednesday", Visit.FIRST),
        ("I've never been before, can I get an appointment", Visit.FIRST),
        ("I'm after another session with Sam, she's already assessed it", Visit.RETURN),
        ("I'd like to book my next session please", Visit.RETURN),
        ("my daughter has school so tuesday at four", None),
        ("it's my first time, so tuesday", None),
        ("the first one please", None),
        ("another time maybe", None),
    ],
)
def test_what_kind_of_visit_is_said(text: str, kind: Visit | None) -> None:
    assert visit_said(normalise(text)) is kind


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("can I book my daughter in with Sam on wednesday", "kids_cut"),
        ("hi, I'm after another session with Sam, she's already assessed it, thursday if possible", "followup"),
        ("a massage for my son on friday", "massage"),  # a service named is the service
    ],
)
def test_the_visit_names_the_one_service_for_it(text: str, service: str) -> None:
    assert INTERPRETER.understand(text, NOW).service_id == service


def test_two_services_for_a_first_visit_are_asked_about() -> None:
    heard = INTERPRETER.understand("I'm a new patient, can I come in on monday", NOW)  # "first visit" is an alias
    assert (heard.service_id, heard.service_choices) == (None, ("consultation", "assessment"))


def test_without_such_a_service_nothing_is_guessed() -> None:
    heard = PLAIN.understand("can I book my daughter in on wednesday", NOW)
    assert (heard.service_id, heard.service_choices) == (None, ())


def test_two_services_for_a_kind_are_choices() -> None:
    teens = Service(ServiceId("kids_colour"), "Kids colour", timedelta(minutes=30), SAM, ())
    kinds = VisitKinds((*CATALOGUE.services, KIDS, teens))
    assert kinds.services(Visit.CHILD) == ("kids_cut", "kids_colour")
    interpreter = RulesUtteranceInterpreter(replace(CATALOGUE, services=(*CATALOGUE.services, KIDS, teens)))
    heard = interpreter.understand("can I book my son in on friday", NOW)
    assert (heard.service_id, heard.service_choices) == (None, ("kids_cut", "kids_colour"))
