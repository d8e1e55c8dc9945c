"""The offline, rule-based UtteranceInterpreter: keyword intents, calendar rules, fuzzy catalogue names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import OPEN, Expectation
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.preference import PartOfDay
from slotline.domain.questions import Question, Topic
from slotline.domain.reference import Nudge
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.common.clock_rules import local_today
from slotline.infrastructure.common.phone_parsing import country_of
from slotline.infrastructure.rules_nlu.after_a_day import weekday_after_a_day, weekday_of_a_day_said
from slotline.infrastructure.rules_nlu.ages import how_far_along, school_years
from slotline.infrastructure.rules_nlu.asides import around_the_school_run, in_a_row, kept_as_it_is, one_after_another
from slotline.infrastructure.rules_nlu.business_words import (
    ServiceWords,
    StaffTitles,
    names_nothing,
    says_a_child_s_age,
    says_for_whom,
)
from slotline.infrastructure.rules_nlu.catalogue_names import ServiceNames, StaffNames
from slotline.infrastructure.rules_nlu.chatter import (
    KNOWN_WORDS,
    is_chatter,
    is_off_topic,
    is_unrelated_question_or_chatter,
)
from slotline.infrastructure.rules_nlu.choices import find_choice
from slotline.infrastructure.rules_nlu.claims import (
    JOINED,
    acted_on,
    also_for_the_caller,
    claimed,
    every_named,
    from_another,
    named,
    not_kept,
    only_mine,
    with_qualifier,
    with_whom,
)
from slotline.infrastructure.rules_nlu.dates import find_days, pick_days
from slotline.infrastructure.rules_nlu.day_facts import (
    closed_said,
    for_the_occasion,
    said_of_itself,
    taken_in,
    today_said,
)
from slotline.infrastructure.rules_nlu.day_owners import (
    busy_days,
    clause_starts,
    moved_from,
    not_of_this_call,
    of_another_service,
)
from slotline.infrastructure.rules_nlu.day_parts import at_opening, find_earliest, find_part_of_day
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.day_refusals import echoed_as_nothing, refused_after
from slotline.infrastructure.rules_nlu.days_of_a_day import (
    after_a_date,
    the_day_beside,
    the_week_of,
    the_weekday_after,
    weekday_of_its_date,
    weekday_of_the_same_week,
)
from slotline.infrastructure.rules_nlu.either import offers_either
from slotline.infrastructure.rules_nlu.fact_reader import FactReader, refers_back
from slotline.infrastructure.rules_nlu.greetings import not_greetings, unsaluted
from slotline.infrastructure.rules_nlu.holidays import HolidayNames
from slotline.infrastructure.rules_nlu.intent import classify
from slotline.infrastructure.rules_nlu.listed_first import without_the_list
from slotline.infrastructure.rules_nlu.loanwords import loanwords
from slotline.infrastructure.rules_nlu.numeric_dates import NumericDates
from slotline.infrastructure.rules_nlu.one_after import not_this_one, the_one_after
from slotline.infrastructure.rules_nlu.opening_clock import OpeningClock
from slotline.infrastructure.rules_nlu.other_events import (
    another_events_part,
    things_had,
    things_to_do_first,
    time_off_after_a_day,
)
from slotline.infrastructure.rules_nlu.own_diary import without_own_diary
from slotline.infrastructure.rules_nlu.past_mentions import (
    done_by_someone,
    had_before,
    how_long_lasted,
    how_long_since,
    months_past,
    parts_of_days_past,
    since_the_last,
    things_done,
    weekdays_past,
)
from slotline.infrastructure.rules_nlu.phone_numbers import find_phone
from slotline.infrastructure.rules_nlu.picked_day import (
    a_holiday_alone,
    after_the_wait,
    ambiguous,
    has_range,
    latest_of_a_day,
    on_the_quarter,
    other_days,
    weeks_from_what,
)
from slotline.infrastructure.rules_nlu.references import find_latest, find_references, more_services, tidy
from slotline.infrastructure.rules_nlu.relative_days import weekday_in_counted_week
from slotline.infrastructure.rules_nlu.said_times import loosely, of_days_ruled_out
from slotline.infrastructure.rules_nlu.self_correction import corrected, split_at_correction
from slotline.infrastructure.rules_nlu.service_length import length_said, the_one_of_length
from slotline.infrastructure.rules_nlu.soon import find_wait
from slotline.infrastructure.rules_nlu.spelling import respelled
from slotline.infrastructure.rules_nlu.states import done_on, states_said
from slotline.infrastructure.rules_nlu.this_or_next import this_or_next_days
from slotline.infrastructure.rules_nlu.this_time import this_time_said
from slotline.infrastructure.rules_nlu.time_bounds import find_bounds, pick_bounds
from slotline.infrastructure.rules_nlu.time_moved import moved_to_time, times_had
from slotline.infrastructure.rules_nlu.times import TimeReading, find_times, pick_time
from slotline.infrastructure.rules_nlu.unsure import leftover_meaning, without_the_days_month
from slotline.infrastructure.rules_nlu.visits import VisitKinds, visit_said
from slotline.infrastructure.rules_nlu.word_of_mouth import word_of_mouth
from slotline.infrastructure.rules_nlu.words import (
    BLANK,
    Found,
    claim,
    normalise,
)

__all__ = ["RulesUtteranceInterpreter", "local_today"]


_NUDGES = (Nudge.LATER, Nudge.EARLIER)
_ONE_OF_TWO = (Nudge.LATER_ONE, Nudge.EARLIER_ONE)


class RulesUtteranceInterpreter:
    """Understands callers without a model: every rule is a small pure function, so results are repeatable."""

    def __init__(self, catalogue: Catalogue, default_region: str = "US") -> None:
        self._zone = catalogue.zone
        self._region = default_region  # how a phone number said without a country code is read
        self._country = country_of(catalogue.business.phone)  # which loanwords mean what ("aiwa": yes or no)
        self._services = ServiceNames(catalogue.services)
        self._visits = VisitKinds(catalogue.services)
        self._staff = StaffNames(catalogue.staff)
        self._facts = FactReader(catalogue)
        self._opening = OpeningClock(catalogue)
        self._numeric = NumericDates(catalogue)
        self._holidays = HolidayNames(catalogue)
        self._titles = StaffTitles(catalogue.staff)  # issue 13: business vocabulary
        self._service_words = ServiceWords(catalogue.services)
        self._done_by = {s.id: frozenset(s.staff) for s in catalogue.services}
        self._lengths = {s.id: s.duration for s in catalogue.services}
        self._staff_of = {s.id: frozenset(s.staff) for s in catalogue.services}
        names = [
            *(n for s in catalogue.services for n in (*s.spoken_names, s.name)),
            *(m.name for m in catalogue.staff),
        ]
        self._known = KNOWN_WORDS | frozenset(w for n in names for w in normalise(n))

    def _of_length(
        self, length: Found[int] | None, staff: StaffId | None, words: Sequence[str]
    ) -> tuple[tuple[ServiceId, ...], tuple[ServiceId, ...]]:
        """The service (or the services to choose from) that lasts as long as "the half-hour one" says, of those the
        person named does; of several, the one the words name ("a remedial massage, the hour one")."""
        if length is None:
            return (), ()
        minutes = timedelta(minutes=length.value)
        fits = tuple(
            s for s, lasts in self._lengths.items() if lasts == minutes and staff in (None, *self._staff_of[s])
        )
        named = self._service_words.best_among(words, frozenset(fits)) if len(fits) > 1 else ()
        fits = named if len(named) == 1 else fits
        return (fits, ()) if len(fits) == 1 else ((), fits)

    def _lasting_as_said(
        self, services: tuple[ServiceId, ...], length: Found[int] | None, words: Sequence[str]
    ) -> tuple[ServiceId, ...]:
        """One service read, and a length said it does not last ("an English essay ... could she get the half hour"):
        of the services that last that long, the one the words name (the essay clinic), else the one read."""
        if len(services) != 1 or length is None or self._lengths[services[0]] == timedelta(minutes=length.value):
            return services
        of_length = frozenset(s for s, lasts in self._lengths.items() if lasts == timedelta(minutes=length.value))
        lasting = self._service_words.best_among(words, of_length)
        return lasting if len(lasting) == 1 else services

    def _misheard_for_another(self, found: Found[ServiceId], staff: StaffId, said: Sequence[str]) -> bool:
        """A service matched only closely (as a mishearing would be) that the person named does not do: the words
        were not that service's name ("my dog's breath" is close to "dog bath")."""
        return staff not in self._done_by[found.value] and not self._services.exact(
            said[found.start : found.end], found.value
        )

    def _for_whom(
        self, services: tuple[ServiceId, ...], said: list[str], *, child: bool, name: Sequence[str]
    ) -> tuple[tuple[ServiceId, ...], tuple[ServiceId, ...]]:
        """A service named with who it is for: the service that fits both best; when several fit as well, no service
        and those candidates, so that the agent asks; with a name that names nothing ("my daughter's session"), the
        one service for them."""
        fitting = self._service_words.find_for_whom(said)
        if not fitting and names_nothing(name):  # "my daughter's session": the one service for her
            fitting = self._service_words.only_one_for_whom(said)
        if not fitting and child:  # "my wee one wants her hair trimmed, she's eight": the kids' cut
            fitting = self._service_words.best_for_whom(said, like=services[0])
        if not fitting or fitting == services:
            return services, ()
        return (fitting, ()) if len(fitting) == 1 else ((), fitting)

    async def interpret(self, utterance: str, now: datetime, *, expecting: Expectation = OPEN) -> Interpretation:
        """What `utterance` means; the rules read the words alone, whatever the agent asked (`expecting`)."""
        return self.understand(utterance, now)

    def understand(self, utterance: str, now: datetime) -> Interpretation:
        """The synchronous work behind `interpret`."""
        # "tommorow"; "Evening! ..."; "mi cyaan mek it" before anything reads the words (corrections, urgent words)
        normalised = loanwords(respelled(normalise(unsaluted(utterance)), self._known), self._country)
        normalised = without_own_diary(normalised)  # "let me check my diary": no eye check
        normalised = this_time_said(normalised, now.astimezone(self._zone))  # "this time next week"
        if self._facts.urgent(normalised):  # before anything else the turn holds, wherever it is said: in a list
            return Interpretation(Intent.URGENT, text=utterance)  # left out, before or after a correction
        normalised = without_the_list(normalised)  # "I have two on Friday, could you move the 2 oclock one to 4?"
        split = split_at_correction(normalised)
        if split is not None:  # "a cut on Friday, actually no, Saturday"
            later = self._read(utterance, split[1], now)
            if later.intent is not Intent.UNKNOWN or later.has_details:
                return corrected(self._read(utterance, split[0], now), later)
        return self._read(utterance, normalised, now)

    def _read(self, utterance: str, normalised: list[str], now: datetime) -> Interpretation:
        words = tidy(normalised)  # issue 13: "thursday's", "make it eleven"
        # Each extractor blanks the words it understood, in this order, so that no word is read twice:
        # "first available" is not a choice, "the first of december" not a choice, "at ten" not a choice.
        free = [BLANK if w == "please" else w for w in words]
        phone = claimed(free, [find_phone(free, self._region)])
        claimed(free, how_far_along(free))  # "I'm pregnant, 22 weeks": never a date
        claimed(free, school_years(free))  # "he's in Year 5": never a year, a day or a time
        claimed(free, how_long_lasted(free))  # "it is shaking for one month": never a date or a time
        claimed(free, how_long_since(free))  # "two and a half weeks out from my last set": never a date or a time
        length_one = the_one_of_length(free)  # "the half-hour one": no time of one o'clock
        if length_one is not None and self._services.find(free[length_one.start : length_one.end]) is not None:
            length_one = None  # "the 30 minutes one" where a service's own name says "30 minutes": that name reads it
        if length_one is not None:
            claim(free, length_one)
        in_a_row(free)  # "the 11th, one after the other": no "11th one"
        around_the_school_run(free)  # "Monday, after the school run, say ten": no bound, no school eye test
        kept = kept_as_it_is(free)  # "cancel this Saturday's, but keep the one the week after"
        heard_phone = phone[0].value if phone else None
        # "he's at agility first thing": another event's time, claimed so that it is no "first" choice either
        earliest = [f for f in claimed(free, find_earliest(free)) if not another_events_part(words, f.start)]
        today = local_today(now, self._zone)
        said_holidays = self._holidays.find(free, today)
        named_days = {i for f in said_holidays for i in range(f.start, f.end)}
        refers, said_relative = find_references(free, named_days)  # before the dates: "back a week" is no date
        claimed(free, said_relative)
        latest = claimed(free, find_latest(free))
        wait = find_wait(free)  # "in half an hour": today, from then on (claimed below only if it is the when)
        starts = clause_starts(utterance, words, self._country)
        holidays = claimed(free, busy_days(free, not_greetings(free, said_holidays)))
        if holidays:  # "oh right, Memorial Day. Tuesday, June 1st then": only taken in
            others = find_days(list(free), today)
            holidays = for_the_occasion(words, free, taken_in(free, holidays, others), others)
        said_days = sorted(
            [
                *holidays,
                *claimed(free, busy_days(free, find_days(free, today), starts)),
            ],
            key=lambda f: f.start,
        )
        said_days = weekday_after_a_day(words, free, said_days)  # "after the Avurudu, on the Thursday"
        said_days = weekday_of_a_day_said(words, said_days)  # "two weeks from today, the Friday?"
        said_days = weekday_of_the_same_week(words, free, said_days)  # "Wednesday ... to the Friday that same week"
        said_days = the_weekday_after(words, free, said_days, starts)  # "this Saturday to the Saturday after, the 12th"
        said_days = the_day_beside(words, free, said_days, starts)  # "from Thursday to the day after"
        said_days = the_week_of(words, free, said_days, today)  # "the week of the 12th, on the Wednesday"
        said_days = after_a_date(words, free, said_days, starts)  # "anything after the 14th?": from the 15th
        said_days = weekdays_past(words, said_days, starts)  # "I did the test here on Saturday"
        days = the_one_after(words, free, self._numeric.settle(weekday_in_counted_week(said_days), today))
        days = not_this_one(free, days, today)
        days = refused_after(words, free, closed_said(words, moved_from(words, days)))  # "Tuesday I can't"
        days = echoed_as_nothing(utterance, words, days)  # "nothing on Friday? Och. Saturday then"
        days = months_past(words, days)  # "I had my hearing aids fitted in March"
        days = time_off_after_a_day(words, days)  # "on Monday the 5th? I'm off for the Fourth"
        days = not_of_this_call(words, days)  # "sorry to call on a Sunday"
        days, now_ends = today_said(free, days, today)
        days = said_of_itself(days)  # "Sunday tomorrow, so ... Monday"
        days = weekday_of_its_date(days)  # "move the one on Wednesday the 19th to ...": the 19th, moved from
        # "it's saturday night": now, no wish; "I rolled my ankle on Thursday night": then, no wish
        part_of_day = find_part_of_day(words, skip=now_ends | parts_of_days_past(words, said_days, starts))
        bounds = claimed(free, find_bounds(free, part_of_day))
        edges = frozenset(e for f in days if f.value.counts for e in (f.start, f.end))
        # "first thing Wednesday, like half seven?": the morning's half seven
        hour_part = part_of_day or (PartOfDay.MORNING if at_opening(words, earliest) else None)
        nudged = refers.nudge in _NUDGES  # "later, 11?"
        times = claimed(free, find_times(free, hour_part, edges, nudged=nudged, said=words))
        times = of_days_ruled_out(times, days)
        picked_time = pick_time(times)
        moved_to = moved_to_time(words, times[0], self._opening.settle) if times and not refers.shift_minutes else None
        had_times: list[Found[TimeReading]] = []
        if moved_to is not None and all(moved_to.start < f.start < moved_to.end for f in times[1:]):
            claim(free, moved_to)  # "move the 2 o'clock one to 4": the 2 PM one, two hours on
            refers, picked_time = replace(refers, shift_minutes=moved_to.value), times[0].value
        elif had_times := times_had(words, times):  # "move the 11 o'clock to Saturday at 9": the 11 o'clock is had
            picked_time = pick_time([f for f in times if f not in had_times])
        reading = self._opening.settle(picked_time) if picked_time is not None else None
        picked_days = pick_days(days)
        if refers.beside is not None and a_holiday_alone(picked_days, holidays):  # "Thanksgiving. The Friday after"
            assert picked_days is not None and picked_days.day is not None
            picked_days, refers = DayReading(refers.beside.of(picked_days.day)), replace(refers, beside=None)
        staff = with_whom(words, every_named(free, self._staff.find))  # "with Tasha, not Lena"
        said_of_service = list(free)  # "a trim with the barber": the title also says which service
        staff = staff or named(free, self._titles.find(free))  # issue 13: "the hygienist"
        acted_on(free, self._services.find, said_of_service)  # "the bath and his nails, cancel just the nails"
        from_another(free, self._services.find, said_of_service)  # "my script from the eye test"
        service = named(free, with_qualifier(free, not_kept(free, self._services.find, said_of_service)))
        if service and staff and self._misheard_for_another(service[0], staff[0].value, said_of_service):
            service = []  # "my dog's breath ... can Dr. Wanjiru look": no "dog bath", which she does not do
        if service and done_by_someone(words, service[0].start, {f.end for f in staff}):
            service = []  # "it was Cian did my assessment": who, not what to book
        sharper: tuple[ServiceId, ...] = ()
        if service:  # "a physical for football": which physical? "the check-ups for older pets": the senior one
            name = said_of_service[service[0].start : service[0].end]
            named_too = self._services.find(free) is not None  # "an eye test and a diabetic screening": both
            unkept = [BLANK if i in kept else w for i, w in enumerate(words)]  # not "the manicure Thursday's fine"
            if len(name) > 1 and self._services.exact(name, service[0].value):  # only by words beyond the name:
                # "a pony ride" stays the pony ride ("pony trek", "ride out" share its words); "the back of my eyes
                # checked for the diabetes" is the diabetic screening
                unkept = [BLANK if service[0].start <= i < service[0].end else w for i, w in enumerate(unkept)]
            sharper = self._service_words.sharpened_name(service[0].value, name, unkept, others_named=named_too)
            service = [Found(sharper[0], service[0].start, service[0].end)] if len(sharper) == 1 else []
        if service and service[0].end - service[0].start == 1 and not staff:  # "my old laptop, the hard drive's died"
            needed = self._service_words.outdone(service[0].value, words)
            service = [Found(needed, service[0].start, service[0].end)] if needed is not None else service
        services = more_services(free, self._services, service[0]) if service else ()  # issue 13
        if len(services) == 1:  # "aroma oil massage, ninety minutes": how long it lasts
            claimed(free, length_said(free, self._lengths[services[0]]))
        if len(services) > 1:
            one_after_another(free)  # "a follow-up and then a massage right after"
        services = self._lasting_as_said(services, length_one, words)  # "an English essay ... the half hour"
        candidates: tuple[ServiceId, ...] = sharper if len(sharper) > 1 else ()
        if not services and not candidates:  # "a quick check-in with him, the half-hour one": of that length
            services, candidates = self._of_length(length_one, staff[0].value if staff else None, words)
        child = says_a_child_s_age(words)  # "she's eight"
        if len(services) == 1 and (says_for_whom(free) or child) and not only_mine(words):  # "my son's check-up"
            plain = services
            name = said_of_service[service[0].start : service[0].end] if service else []
            services, candidates = self._for_whom(services, said_of_service, child=child, name=name)
            if len(services) == 1 and services != plain and also_for_the_caller(words):
                services = (*plain, *services)  # "a check-up for me and one for my daughter": both
        if services and any(f.value.counts for f in days):  # "a check-up, the cleaning's next month"
            days = of_another_service(words, days, services, self._services.find)
            picked_days = pick_days(days)
        choice = claimed(free, [find_choice(free)])
        had = {i for start, end in things_had(words) for i in range(start, end)}  # "I've got the school drop-off"
        choice = [c for c in choice if c.start not in had]  # "I've got footy training first": no first offer
        first_things = things_to_do_first(words)
        choice = [c for c in choice if c.start not in first_things]  # "I gotta drop my kid off first"
        day_said = picked_days is not None or part_of_day is not None
        if choice and latest_of_a_day(words, choice[0], day_said):  # "tomorrow evening, the latest one"
            latest, choice = [Found(True, choice[0].start, choice[0].end)], []
        clock = [Found(self._opening.settle(f.value).at, f.start, f.end) for f in times if f.value.counts]
        either = offers_either(free, choice, clock)  # issue 14: "the first one or the third one"
        choice_words = {i for f in choice for i in range(f.start, f.end)}
        unclaimed = [BLANK if i in choice_words or i in had else w for i, w in enumerate(said_of_service)]
        # "do you do teeth whitening?" names a question; "do you do braces? ... to straighten teeth" asks of another
        loose = not service and not candidates and not self._facts.names_a_faq(normalised)
        asked_of_another = loose and self._service_words.asked_of_another(words)
        if loose and not asked_of_another:
            candidates = self._service_words.find(unclaimed)  # issue 13: "a check for the kids"
            if candidates and child:  # "my lad's seven ... in for a cut": the kids' cut
                kids = self._service_words.find_for_whom(words) or self._service_words.best_for_whom(words)
                narrowed = tuple(c for c in kids if c in candidates)
                # "the wee one's needing his hair cut, he's six": the one service named fits an adult; the kids' one
                narrowed = narrowed or (kids if len(candidates) == 1 else ())
                candidates = narrowed if len(narrowed) == 1 else candidates
            if not candidates and child:  # "my daughter's fifteen ... I'd like to get her in": the one for her
                candidates = self._service_words.only_one_for_whom(words)
            if len(candidates) > 1 and staff:  # "a cut with Morag": of the cuts, those she does
                candidates = tuple(c for c in candidates if staff[0].value in self._done_by[c]) or candidates
        if not services and (visit := visit_said(words)) is not None:
            kind = self._visits.services(visit)  # "book my daughter in", "I'm a new patient"
            narrowed = tuple(c for c in candidates if c in kind)  # "my first time, I need to see a physio"
            candidates = (narrowed if len(narrowed) == 1 else candidates) if candidates else kind
            services = candidates if len(candidates) == 1 else ()
        done = {i for start, end in things_done(words) for i in range(start, end)}  # "I did the test here"
        if services and JOINED.intersection(words):  # "a cut and a blowout": the other service is never dropped
            told = word_of_mouth(words)  # "a friend said I should start with the intro": no duet
            how = states_said(words)  # "started running and me knees are sore": how they are, no other service
            how |= done_on(words, service[0].end) if service else frozenset()  # "the diabetic check on me feet"
            how |= since_the_last(words)  # "two and a half weeks out from my last set": no set asked for
            beside = [BLANK if i in done or i in told or i in how else w for i, w in enumerate(free)]
            other = tuple(s for s in self._service_words.besides(services[0], beside) if s not in services)
            services, candidates = (*services, *other) if len(other) == 1 else services, other if len(other) > 1 else ()
        if len(services) > 1 and service and services[0] == service[0].value and had_before(words, service[0].start):
            services = services[1:]  # "I had my hearing aids fitted in March and they need a tweak": the tweak
        if len(services) > 1 and done:  # "I haven't tried the reformer before and ... the intro"
            tried = self._services.find([w if i in done else BLANK for i, w in enumerate(words)])
            services = tuple(s for s in services if tried is None or s != tried.value)

        if wait is not None and picked_days is None and picked_time is None:
            picked_days, bounds = after_the_wait(now, self._zone, wait.value, bounds)
            claim(free, wait)  # with a day or a time said, the wait is left over and asked about
            reading = on_the_quarter(now, self._zone, wait.value) if picked_days is not None else None
        if reading is not None and not reading.approximate and refers.nudge in _ONE_OF_TWO:
            refers = replace(refers, nudge=None)  # "no, the later one, three-thirty": the time says which
        this_or_next = this_or_next_days(words, today)
        result = Interpretation(
            intent=Intent.UNKNOWN,
            text=utterance,
            service_id=services[0] if services else (candidates[0] if len(candidates) == 1 else None),
            day=picked_days.day if picked_days else None,
            last_day=picked_days.last if picked_days else None,
            part_of_day=loosely(part_of_day, reading.at if reading else None),
            at=reading.at if reading else None,
            approximate=reading.approximate if reading else False,
            bounds=pick_bounds(bounds),
            earliest=bool(earliest)
            and not (reading is not None and at_opening(words, earliest)),  # "first thing, half seven"
            ordinal=choice[0].value if choice else None,
            staff_id=staff[0].value if staff else None,
            phone=heard_phone,
            unsure=(
                *without_the_days_month(
                    leftover_meaning(
                        free,
                        dated=picked_days is not None,
                        timed=_clock_alone(reading, part_of_day),
                        clocked=reading is not None and not reading.approximate,  # "8 in the morning? before my shift"
                    ),
                    picked_days.day if picked_days else None,
                ),
                *ambiguous(words, days, part_of_day, today, starts),
                *(("day",) if this_or_next else ()),  # "this or next Friday"
            ),
            refers=refers,
            more_services=services[1:],
            service_choices=candidates if len(candidates) > 1 else (),  # with a service: the other one of these
            latest=bool(latest),
            weekday_only=picked_days is not None and picked_days.bare_weekday and not has_range(days),
            other_days=other_days(days, picked_days),
            other_times=tuple(self._opening.settle(_without_the_part(words, f)).at for f in had_times),
            either=either,
            day_choices=this_or_next or _either_reading(days, today),
        )
        ruled_out = any(not f.value.counts for found in (days, bounds, times) for f in found)
        has_details = result.has_details or "day" in result.unsure  # "12/01" names a day, but which one is asked
        # the service's own words name no task: "a piercing jewellery change Saturday" is no move
        beside = [BLANK if service and service[0].start <= i < service[0].end else w for i, w in enumerate(words)]
        intent = classify(
            beside, has_details=has_details, has_service=result.service_id is not None, ruled_out=ruled_out
        )
        if intent is Intent.UNKNOWN and heard_phone is not None and heard_phone.number is not None:
            intent = Intent.INFORM  # "two one two five five five ..." answers "what number can we text?"
        any_name = bool(service or staff or choice or phone or said_relative or latest or candidates)
        off_topic = intent is Intent.INFORM and is_off_topic(beside)
        # "12/23, the 22nd's his school play": a day wished beside a day the caller is busy is booking talk
        weighed = picked_days is not None and any(not f.value.counts for f in days)
        talk = not any_name and not weighed and not asked_of_another  # "do ye do shockwave therapy?" is a question
        if off_topic or (intent is Intent.INFORM and talk and is_chatter(words, free)):
            intent = Intent.UNKNOWN
        if intent in (Intent.AFFIRM, Intent.DENY) and not any_name and is_unrelated_question_or_chatter(words, free):
            intent = Intent.UNKNOWN  # "where exactly are you located" must never confirm a booking
        asked = self._facts.read(normalised, free, utterance, today, replace(result, intent=intent))
        if asked is not None:
            return asked
        if asked_of_another and intent in (Intent.UNKNOWN, Intent.INFORM) and not result.has_details:
            return Interpretation(Intent.QUESTION, text=utterance, question=Question(Topic.UNKNOWN))  # "shockwave?"
        if off_topic and any_name:
            intent = Intent.INFORM  # "I'll pay myself. A cleaning on Thursday": a word of paying, but no question
        if intent is Intent.UNKNOWN:  # an invalid number is kept, so the agent can say what was wrong with it
            return Interpretation(Intent.UNKNOWN, text=utterance, phone=heard_phone)
        if intent not in (Intent.RESCHEDULE, Intent.CANT_COME):  # moving: the day said is the appointment's own
            result = replace(result, unsure=(*result.unsure, *weeks_from_what(words, refers, days, choice)))
        return replace(result, intent=intent, refers_back=refers_back(free, words, named_service=bool(service)))


def _without_the_part(words: Sequence[str], had: Found[TimeReading]) -> TimeReading:
    """The time of an appointment had, read alone: "the 10:30 one ... move that to Wednesday afternoon" is 10:30 AM;
    the afternoon is the new day's."""
    alone = find_times(list(words[had.start : had.end]))
    return alone[0].value if len(alone) == 1 else had.value


def _clock_alone(reading: TimeReading | None, part_of_day: PartOfDay | None) -> bool:
    """An exact clock time no part of the day said beside it pulls ("at 1500, after the morning rush"): what else is
    said of the time is why ("at 3, after the morning rush" is read as 3 AM, and stays asked about)."""
    return reading is not None and not reading.approximate and loosely(part_of_day, reading.at) is None


def _either_reading(days: Sequence[Found[DayReading]], today: date) -> tuple[date, ...]:
    """The two readings of the one numeric date left in doubt ("11/12" where the business's own order cannot be
    booked), when both are still to come."""
    readings = [f.value.either for f in days if f.value.counts and f.value.either is not None]
    if len(readings) != 1:
        return ()
    return tuple(sorted(d for d in readings[0] if d >= today))
