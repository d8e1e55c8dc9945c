"""When a staff member works: asked in everyday words, answered from their weekly hours and the calendar's closures."""

from __future__ import annotations

from datetime import date

import pytest

from slotline.domain.dialogue.answers import Answers
from slotline.domain.ids import StaffId
from slotline.domain.questions import Question, Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

CATALOGUE = sample_catalogue()
INTERPRETER = RulesUtteranceInterpreter(CATALOGUE)
ANSWERS = Answers(CATALOGUE)
SATURDAY = date(2026, 11, 28)  # NOW is Wednesday, November 25th
SUNDAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "staff", "day", "weekday"),
    [
        ("and what days is Alex in?", "alex", None, None),
        ("when does Sam work", "sam", None, None),
        ("what are Jordan's hours?", "jordan", None, None),
        ("is Alex in on Saturdays?", "alex", None, 5),
        ("does Sam work on Saturday", "sam", SATURDAY, None),
        ("is Jordan in tomorrow?", "jordan", date(2026, 11, 26), None),
        ("does Alex work weekends", "alex", None, None),
    ],
)
def test_a_question_about_someones_working_days(text: str, staff: str, day: date | None, weekday: int | None) -> None:
    heard = INTERPRETER.understand(text, NOW)
    assert heard.intent is Intent.QUESTION
    assert heard.question == Question(Topic.STAFF_DAYS, staff=StaffId(staff), day=day, weekday=weekday)


@pytest.mark.parametrize(
    "text",
    ["when is Sam free", "can I see Alex on Saturday", "a haircut with Sam on Saturday", "what hours do you have"],
)
def test_asking_for_a_time_with_someone_is_no_question_about_their_days(text: str) -> None:
    heard = INTERPRETER.understand(text, NOW)
    assert heard.question is None or heard.question.topic is not Topic.STAFF_DAYS


def test_the_usual_week_is_said_from_the_weekly_hours() -> None:
    said = ANSWERS.answer(Question(Topic.STAFF_DAYS, staff=StaffId("alex")), None)
    assert said == "Alex works Tuesday to Saturday 10 AM to 6 PM."


def test_a_weekday_is_answered_yes_with_the_hours_or_no_with_the_usual_week() -> None:
    yes = ANSWERS.answer(Question(Topic.STAFF_DAYS, staff=StaffId("sam"), weekday=5), None)
    no = ANSWERS.answer(Question(Topic.STAFF_DAYS, staff=StaffId("alex"), weekday=0), None)
    assert yes == "Yes, Sam works on Saturdays, 9 AM to noon."  # less the 12-1 break
    assert no == "No, Alex doesn't work on Mondays. Alex works Tuesday to Saturday 10 AM to 6 PM."


def test_a_date_is_answered_from_that_days_hours() -> None:
    yes = ANSWERS.answer(Question(Topic.STAFF_DAYS, staff=StaffId("alex"), day=SATURDAY), None)
    no = ANSWERS.answer(Question(Topic.STAFF_DAYS, staff=StaffId("alex"), day=SUNDAY), None)
    assert yes == "Yes, Alex is in on Saturday, November 28th, 10 AM to 1 PM and 1:30 PM to 6 PM."
    assert no is not None and no.startswith("No, Alex isn't in on Sunday, November 29th.")
