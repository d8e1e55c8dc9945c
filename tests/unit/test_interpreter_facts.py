"""Questions a receptionist answers, urgent care and people, heard in many phrasings (US and UK), on the test
businesses of the conversation corpus."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from slotline.domain.questions import Question, Topic
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue import load_catalogue

CATALOGUES = Path(__file__).parents[1] / "conversations" / "catalogues"
DENTAL = load_catalogue(CATALOGUES / "dental_us.yaml")  # New York; Aetna taken, Medicaid not
PHYSIO = load_catalogue(CATALOGUES / "physio_uk.yaml")  # Bristol; NHS referrals, Bupa taken, Vitality not
SALON = load_catalogue(CATALOGUES / "salon_la.yaml")  # Los Angeles
US = RulesUtteranceInterpreter(DENTAL)
UK = RulesUtteranceInterpreter(PHYSIO, default_region="GB")
LA = RulesUtteranceInterpreter(SALON)
MONDAY = datetime(2026, 12, 7, 10, 30, tzinfo=DENTAL.zone)  # Monday 7 December 2026
UK_MONDAY = datetime(2026, 12, 7, 10, 30, tzinfo=PHYSIO.zone)


def us(text: str) -> Interpretation:
    return US.understand(text, MONDAY)


def uk(text: str) -> Interpretation:
    return UK.understand(text, UK_MONDAY)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("how much do you charge for a filling?", "filling"),
        ("how much is a check-up", "checkup"),
        ("what's the price of a cleaning", "cleaning"),
        ("what does a filling cost", "filling"),
        ("how much would I pay for a check up", "checkup"),
        ("um what do you charge for a kids exam?", "kids_checkup"),
        ("is a cleaning expensive", "cleaning"),
    ],
)
def test_price_of_a_service(text: str, service: str) -> None:
    heard = us(text)
    assert heard.intent is Intent.QUESTION
    assert heard.question == Question(Topic.PRICE)
    assert heard.service_id == service


@pytest.mark.parametrize("text", ["how much is it?", "what are your prices", "how much do you charge"])
def test_price_without_a_service(text: str) -> None:
    heard = us(text)
    assert (heard.intent, heard.question, heard.service_id) == (Intent.QUESTION, Question(Topic.PRICE), None)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Hi, do you guys take Aetna?", "Aetna"),
        ("are you in network with Cigna", "Cigna"),
        ("do you accept met life", "MetLife"),
        ("I have Delta Dental, is that ok?", "Delta Dental"),
        ("do you take Medicaid?", "Medicaid"),
    ],
)
def test_a_named_insurance_scheme(text: str, subject: str) -> None:
    heard = us(text)
    assert heard.intent is Intent.QUESTION
    assert heard.question == Question(Topic.INSURANCE, subject=subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("do you take Bupa?", "Bupa"),
        ("can I use my AXA insurance", "AXA Health"),
        ("I'm with Vitality, can I come to you?", "Vitality"),
        ("do you do NHS referrals", "NHS referrals"),
        ("can I come on the NHS", "NHS referrals"),
    ],
)
def test_a_named_scheme_in_the_uk(text: str, subject: str) -> None:
    assert uk(text).question == Question(Topic.INSURANCE, subject=subject)


@pytest.mark.parametrize(
    "text", ["do you take Blue Cross?", "are you in network with United Healthcare?", "do you take Humana"]
)
def test_a_scheme_the_catalogue_does_not_name_is_not_guessed(text: str) -> None:
    heard = us(text)
    assert heard.intent is Intent.QUESTION
    assert heard.question is not None and heard.question.subject is None
    assert heard.question.topic in (Topic.INSURANCE, Topic.UNKNOWN)


def test_insurance_in_general_lists_the_schemes() -> None:
    assert us("do you take insurance?").question == Question(Topic.INSURANCE)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("can I pay with Apple Pay", "Apple Pay"),
        ("do you take credit cards", "debit and credit cards"),
        ("can I pay cash", "cash"),
        ("do you accept CareCredit", "CareCredit"),
    ],
)
def test_ways_to_pay(text: str, subject: str) -> None:
    assert us(text).question == Question(Topic.PAYMENT, subject=subject)


def test_a_way_to_pay_not_listed_is_not_guessed() -> None:
    assert uk("can I pay with PayPal?").question == Question(Topic.PAYMENT, unlisted=True)


@pytest.mark.parametrize(
    ("text", "day", "weekday"),
    [
        ("what are your opening hours?", None, None),
        ("when are you open", None, None),
        ("what time do you close on Fridays?", None, 4),
        ("are you open saturdays", None, 5),
        ("are you open on Saturday?", date(2026, 12, 12), None),
        ("are you guys open tomorrow", date(2026, 12, 8), None),
        ("are you open on Christmas Eve?", date(2026, 12, 24), None),
        ("are you closed for New Year's Day", date(2027, 1, 1), None),
        ("how late are you open on thursday", date(2026, 12, 10), None),
        ("do you do Saturdays?", None, 5),
        ("do you work weekends", None, None),
        ("what time do you finish on Friday?", date(2026, 12, 11), None),
    ],
)
def test_opening_days_and_hours(text: str, day: date | None, weekday: int | None) -> None:
    heard = us(text)
    assert heard.intent is Intent.QUESTION
    assert heard.question == Question(Topic.OPENING, day=day, weekday=weekday)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("where do I park when I come in?", Topic.PARKING),
        ("is there parking", Topic.PARKING),
        ("is there a car park", Topic.PARKING),
        ("what's your address?", Topic.ADDRESS),
        ("where are you guys located?", Topic.ADDRESS),
        ("whereabouts are you", Topic.ADDRESS),
        ("what's the postcode", Topic.ADDRESS),
        ("how do I find you?", Topic.DIRECTIONS),
        ("how do I get to you from the station", Topic.DIRECTIONS),
        ("which entrance do I use", Topic.DIRECTIONS),
        ("are you near the tube", Topic.DIRECTIONS),
        ("what area are you in", Topic.ADDRESS),
    ],
)
def test_where_they_are(text: str, topic: Topic) -> None:
    heard = uk(text)
    assert heard.intent is Intent.QUESTION
    assert heard.question == Question(topic)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("what does acupuncture involve?", "acupuncture"),
        ("what's involved in an initial assessment", "assessment"),
        ("can you tell me about sports massage", "sports_massage"),
        ("how long does a follow-up take", "followup"),
        ("what is a sports massage", "sports_massage"),
    ],
)
def test_what_a_treatment_involves(text: str, service: str) -> None:
    heard = uk(text)
    assert heard.intent is Intent.QUESTION
    assert (heard.question, heard.service_id) == (Question(Topic.DESCRIPTION), service)


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("do you do teeth whitening?", 0),
        ("can you whiten my teeth", 0),
        ("um, do you do laughing gas? I'm really nervous", 1),
        ("do you take x-rays", 2),
    ],
)
def test_the_business_own_questions(text: str, faq: int) -> None:
    heard = us(text)
    assert heard.intent is Intent.QUESTION
    assert heard.question == Question(Topic.FAQ, faq=faq)


@pytest.mark.parametrize(
    ("interpreter", "text", "faq"),
    [
        (UK, "what should I wear for my first session?", 1),
        (UK, "is your building wheelchair accessible?", 2),
        (UK, "do I need a referral from my GP?", 0),
        (LA, "do you sell gift cards?", 2),
        (LA, "do I need a patch test before colouring?", 0),
    ],
)
def test_the_own_questions_of_other_businesses(interpreter: RulesUtteranceInterpreter, text: str, faq: int) -> None:
    assert interpreter.understand(text, MONDAY).question == Question(Topic.FAQ, faq=faq)


@pytest.mark.parametrize(
    "text",
    [
        "do you do hydrotherapy?",
        "do you do home visits?",
        "can you recommend a good shampoo",
        "do you take walk-ins?",
        "I have a question about my bill",
        "I was wondering if you do home visits",
    ],
)
def test_a_question_without_a_fact(text: str) -> None:
    heard = uk(text)
    assert heard.intent is Intent.QUESTION
    assert heard.question == Question(Topic.UNKNOWN)


@pytest.mark.parametrize(
    "text",
    [
        "can you hear me?",
        "sorry, can you make that 11?",
        "what's the latest you've got?",
        "nothing later on?",
        "you know what, forget it, I'll just come in another time",
        "what times do you have on Friday?",
        "what's the earliest you have for a cleaning",
    ],
)
def test_booking_talk_is_not_a_question(text: str) -> None:
    heard = us(text)
    assert heard.question is None
    assert heard.intent is not Intent.QUESTION


def test_a_question_inside_a_booking_turn_keeps_the_booking() -> None:
    heard = us("how much is a check-up and do you have anything Friday")
    assert heard.intent is Intent.BOOK
    assert (heard.question, heard.service_id, heard.day) == (Question(Topic.PRICE), "checkup", date(2026, 12, 11))


def test_a_question_with_a_yes_in_it_is_a_question_not_a_yes() -> None:
    assert us("yes, and is there parking?").intent is Intent.QUESTION


@pytest.mark.parametrize(
    ("interpreter", "text"),
    [
        (US, "I'm in agony with a broken tooth"),
        (US, "I cracked a tooth on a popcorn kernel and it's bleeding"),
        (US, "hi, I think it's an emergency, my jaw is swollen"),
        (US, "the pain is unbearable, I haven't slept all night"),
        (US, "my broken tooth is killing me, can someone see me today?"),
        (US, "my son knocked his front tooth out"),
        (UK, "my dad fell and now he's got numbness down his leg"),
        (UK, "I've done something to my ankle and I cannot walk on it at all"),
        (UK, "I can't breathe properly when I bend"),
        (LA, "I think I'm having an allergic reaction to the dye"),
        (LA, "there's swelling round my hairline since my colour yesterday"),
    ],
)
def test_urgent_words_hand_over_whatever_else_is_said(interpreter: RulesUtteranceInterpreter, text: str) -> None:
    assert interpreter.understand(text, MONDAY) == Interpretation(Intent.URGENT, text=text)


@pytest.mark.parametrize(
    "text",
    [
        "it's not an emergency, just a check-up please",
        "no swelling or anything, I'd just like a cleaning",
        "a check-up next tuesday",
        "my number is 212 555 0123",
    ],
)
def test_no_urgent_words_no_urgency(text: str) -> None:
    assert us(text).intent is not Intent.URGENT


@pytest.mark.parametrize(
    ("interpreter", "text"),
    [
        (US, "can I talk to the doctor about my results"),
        (US, "Can I talk to Doctor Okafor please? It's about a prescription he gave me"),
        (US, "is Jen there? I need to ask her about the aftercare"),
        (US, "I need to speak with Dr Lopez"),
        (US, "could I leave a message for Maria"),
        (UK, "Could I speak to Aisha about my scan results?"),
        (UK, "can I have a quick word with Tom? he asked me to call him back"),
        (UK, "I'd like to speak to the practice manager about a complaint"),
        (LA, "Hi, is Lena around? I wanted to ask her a question about my hair"),
        (LA, "can I talk to the barber"),
        (US, "Hi, I want to speak to an actual person please"),
        (US, "is the doctor free to talk?"),
        (US, "can Maria call me back please"),
    ],
)
def test_a_person_for_something_else_is_a_hand_over(interpreter: RulesUtteranceInterpreter, text: str) -> None:
    assert interpreter.understand(text, MONDAY).intent is Intent.HUMAN


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        ("can I book with Maria", "maria"),
        ("I'd like a check-up with Maria on Tuesday", "maria"),
        ("is Maria in on Tuesday morning", "maria"),
        ("I'd like to see David for a filling", "david"),
        ("Dr Lopez told me to call and get a filling", "maria"),
    ],
)
def test_a_person_for_a_booking_stays_a_booking(text: str, staff: str) -> None:
    heard = us(text)
    assert heard.intent is not Intent.HUMAN
    assert heard.staff_id == staff


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        (
            "do you take Aetna, and is there parking?",
            (Question(Topic.INSURANCE, subject="Aetna"), Question(Topic.PARKING)),
        ),
        (
            "do you take Aetna and Cigna",
            (Question(Topic.INSURANCE, subject="Aetna"), Question(Topic.INSURANCE, subject="Cigna")),
        ),
        ("how do I find you? what's the address?", (Question(Topic.DIRECTIONS),)),  # the directions say the address
        ("do you take debit and credit cards", (Question(Topic.PAYMENT, subject="debit and credit cards"),)),
        ("how much is it and where are you", (Question(Topic.ADDRESS),)),  # "it" is the place asked about
    ],
)
def test_every_question_of_a_turn(text: str, questions: tuple[Question, ...]) -> None:
    heard = us(text)
    assert heard.question is not None
    assert (heard.question, *heard.also_asked) == questions


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("ok, I'll book one then, Tuesday morning", True),
        ("book me in for Saturday morning then", True),
        ("can I book something for my daughter on Friday", False),
        ("I'd like a check-up then", False),  # a service is named
    ],
)
def test_a_booking_that_points_back_at_the_service_just_asked_about(text: str, back: bool) -> None:
    assert us(text).refers_back is back


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("are you open on boxing day", date(2026, 12, 28)),  # the closure is "the Boxing Day bank holiday"
        ("are you open on the bank holiday", date(2026, 12, 28)),
        ("are you open new year's day", date(2027, 1, 1)),
        ("are you open on good friday", date(2027, 3, 26)),
        ("are you open easter monday", date(2027, 3, 29)),
        ("are you open christmas eve", date(2026, 12, 24)),
        ("are you open over christmas", None),  # Christmas Eve or Christmas Day: no one day
    ],
)
def test_a_closure_or_special_day_by_its_name(text: str, day: date | None) -> None:
    assert uk(text).question == Question(Topic.OPENING, day=day)


@pytest.mark.parametrize("text", ["do I need a letter from my GP?", "is a letter from the doctor needed"])
def test_a_business_question_phrase_with_its_words_spread_out(text: str) -> None:
    heard = uk(text)  # the catalogue's phrases: "referral", "gp letter", "doctor's letter"
    assert heard.question is not None and heard.question.topic is Topic.FAQ
