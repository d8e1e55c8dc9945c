"""Words no reader used that could change what a detail means: the interpretation is then flagged, never trusted.

Every reader blanks the words it understood. What is left after all of them ran is checked here: a left-over
"week", "after", "not", number, month, weekday or ordinal next to a day, a time, a service or a person means the
caller said more than was understood ("a week on tuesday" read as "tuesday" would be a wrong booking that sounds
right), so the agent asks instead of acting.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from slotline.infrastructure.rules_nlu.addresses import in_an_address
from slotline.infrastructure.rules_nlu.ages import an_age
from slotline.infrastructure.rules_nlu.choices import NOT_A_CHOICE_BEFORE
from slotline.infrastructure.rules_nlu.counts import a_count_of_things
from slotline.infrastructure.rules_nlu.numbers import cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.other_events import (
    another_event_after,
    another_events_time,
    something_runs_out_before,
    taking_part_before,
)
from slotline.infrastructure.rules_nlu.vocabulary import (
    ABBREVIATION_LEADS,
    AMBIGUOUS_WEEKDAYS,
    MONTHS,
    TRAVELLING,
    WEEKDAYS,
)
from slotline.infrastructure.rules_nlu.words import BLANK, word_at, wordset

__all__ = ["leftover_meaning"]

_MEANING = wordset(
    "week weeks fortnight fortnights month months year years days after before except not next last following "
    "previous hence ago fortnightly weekly monthly"
)
# "not" in these is about the caller, not the detail: "i'm not sure", "not bothered"; or about what was read back
# ("that's not right", "not what i said"), which the correction that follows says.
_HARMLESS_AFTER_NOT = wordset(
    "sure bothered fussed fussy too really quite right correct what going gonna able to bad worried much well feeling"
)  # "me lad's not well": how someone is
_WHOM = wordset("me myself him her us them my his our their")
_NOT_ENDS = wordset("no thats its thanks thank please ok okay") | {BLANK, ""}  # "if not, no worries", "or not"
# "it's not urgent", "not an emergency", "not in a rush": how pressing it is, which changes no detail
_PRESSING = wordset("urgent serious desperate emergency rush hurry panic")
_PRESSING_LEADS = wordset("an a in any big")


def _not_pressing(free: Sequence[str], i: int) -> bool:
    k = i
    while word_at(free, k) in _PRESSING_LEADS and k < i + 2:
        k += 1
    return word_at(free, k) in _PRESSING


# "i'm after a sports massage": British for "i'm looking for"; no time after it
_LOOKING_FOR = wordset("im am were are s")
_A_THING = wordset("a an some")
# A number word that is nearly always something else: "the one at three", "a check-up for me", "i need one".
_NOT_NUMBERS = wordset("one a an")
_DISTANCES = wordset("k km kms kilometre kilometres kilometer kilometers mile miles")
# After "last", these are about the past ("i saw tom last month"): they cannot change a day to book.
_PAST_AFTER_LAST = wordset("week month year time visit appointment night weekend summer winter autumn spring christmas")
_AGO = "ago"
_AFTER_MAY = wordset("i we you be have need want not also just")
_PRONOUNS = wordset("you i we it its he she they so and but im ive youve weve all")  # "after all"
_EXPERIENCE = wordset("never ive had been tried done")
_SINGULAR_UNITS = wordset("day week month year hour minute")
_DAY_NOUNS = wordset("day week month the one weekday") | WEEKDAYS.keys()
_OCCASION_LEADS = wordset("the a an my our his her their your")
# Said without "the" or "my": "sunday after church", "friday before practice"
_BARE_OCCASIONS = wordset("church mass prayers school college class practice training gym lent ramadan passover")
# After "before the"/"after my": words that make it a time, not an occasion ("before the end of the month").
_TEMPORAL = _DAY_NOUNS | wordset(
    "end start beginning middle weekend morning afternoon evening night lunch lunchtime noon midday first second "
    "third fourth last next following same other earlier later holiday appointment booking visit"
)
_EVERY = wordset("monthly yearly weekly annual annually")
_DURATION_UNITS = wordset("minute minutes min mins hour hours hr hrs")
_DAY_UNITS = wordset("day days week weeks month months")
# How the caller feels, said just before "after <what caused it>"
_SYMPTOMS = wordset(
    "knot knots sore stiff tight aching achy hurting hurts hurt sprained pain painful agony killing cooked wrecked "
    "munted swollen bruised pulled strained tender itchy itching bleeding infected numb"
)
_SYMPTOM_REACH = 3
_CIRCUMSTANCES = wordset("day long hard busy while run workout shower meal night session game match")


_SPANS = wordset("day days week weeks month months year years ages")
_RECENT = wordset("last past these recent")
_FEW = wordset("few couple several")


def _recent_span(free: Sequence[str], i: int) -> bool:
    """ "the last few days", "the past couple of weeks", "these days": how long something has gone on."""
    k = i
    if free[k] in _RECENT:
        k += 1
    elif word_at(free, k - 1) not in _RECENT:
        return False
    while word_at(free, k) in _FEW or word_at(free, k) == "of" or cardinal_at(free, k) is not None:
        k += 1
    return word_at(free, k) in _SPANS and all(w != BLANK for w in free[i:k])


def _recent_start(free: Sequence[str], i: int) -> int:
    """Where "the last few" of "the last few days" starts, looking back from the span at `i`."""
    k = i - 1
    while k > 0 and (free[k] in _FEW or free[k] == "of" or cardinal_at(free, k) is not None):
        k -= 1
    return k


_BACK_TO = wordset("to till until by")  # "push it a week back to friday" is a move
_MOVING = wordset("push move put shift postpone bump delay bring")


def _about_the_past(free: Sequence[str], i: int) -> bool:
    """ "last month", "last time", "two weeks ago", "the last few days": words about the past, which no booking
    can be."""
    word, following = free[i], free[i + 1] if i + 1 < len(free) else BLANK
    if word == "last" and (following in _PAST_AFTER_LAST | MONTHS.keys() or word_at(free, i - 1) in _OWNERS_OF_NEXT):
        return True  # "last month", "last April", "she did my last one"
    if _recent_span(free, i) or (word in _SPANS and _recent_span(free, _recent_start(free, i))):
        return True
    if i > 0 and free[i - 1] == "last" and (word in _PAST_AFTER_LAST or word in MONTHS):
        return True
    span = i if word in _SPANS else i + 1  # "weeks" or the "two" of "two weeks back"
    if word_at(free, span) in _SPANS and word_at(free, span + 1) == "back" and word_at(free, span + 2) not in _BACK_TO:
        return not _MOVING.intersection(free[:i])  # "I saw her a couple of weeks back", "a few months back"
    return _AGO in free[i : i + 3] and all(w != BLANK for w in free[i : free.index(_AGO, i) + 1])


_SO_FAR_LEADS = wordset("been for past")
_WHOSE_ORDINAL = wordset("my our his her their")
_EDGE_OF_WEEK = wordset("earlier later") | {BLANK}
_NOT_DONE = wordset("hasnt havent hadnt not never")
_OUT_OF = wordset("out off away sick home school work college camp vacation holiday holidays")
_AHEAD = wordset("in within next coming")


def _time_so_far(free: Sequence[str], i: int) -> bool:
    """ "it's been a good few years now", "trouble with my shoulder for a few weeks", "for 3 weeks now", "the past
    two years": how long something has gone on, never when to book."""
    count = cardinal_at(free, i)
    if count is not None and word_at(free, count.end) in _SPANS:
        return _time_so_far(free, count.end)
    if free[i] not in _SPANS:
        return False
    if word_at(free, i + 1) in ("now", "already"):
        return True
    if word_at(free, i - 1) == "in" and _NOT_DONE.intersection(free[max(0, i - 6) : i]):
        return True  # "she hasn't driven in years", "I've not been in months": how long since
    if word_at(free, i - 1) == "all" and "been" in free[max(0, i - 8) : i]:
        return True  # "he's been scratching at his ears all week"
    if word_at(free, i - 1) == "all" and _OUT_OF.intersection(free[max(0, i - 5) : i]):
        return True  # "he out of school all week", "she's off all week"
    before = set(free[max(0, i - 5) : i])
    return bool(before & _SO_FAR_LEADS) and not before & _AHEAD


def _a_duration(free: Sequence[str], i: int) -> bool:
    """ "for 30 minutes", "for an hour": how long, which the service decides; "in 30 minutes" is not one; "I'm 10
    minutes away": how far."""
    away = cardinal_at(free, i)
    if away is not None and word_at(free, away.end) in _DURATION_UNITS and word_at(free, away.end + 1) == "away":
        return True
    number = cardinal_at(free, i) if i > 0 and free[i - 1] == "for" else None
    if number is not None:
        return word_at(free, number.end) in _DURATION_UNITS
    return free[i] in _DURATION_UNITS and word_at(free, i - 2) == "for"


def _describes_a_thing(free: Sequence[str], i: int) -> bool:
    """ "my six-month check", "a two hour session": a count of more than one with a singular unit is an adjective."""
    word = free[i]
    if word in _SINGULAR_UNITS:
        count = cardinal_at(free, i - 1)
        return count is not None and count.value > 1
    count = cardinal_at(free, i)
    return count is not None and count.value > 1 and word_at(free, count.end) in _SINGULAR_UNITS


# After an experience's "before", these go on with something else: "I had the needles before for my back", "I
# haven't been to you before, can I get a new patient appointment?"
_AFTER_BEFORE = wordset("for and but so can could would will may do is")


def _in_the_past(free: Sequence[str], i: int) -> bool:
    """ "I've never had physio before", "I've been there before": nothing follows, so no time is being limited."""
    if free[i] not in ("before", "after"):
        return False
    following = word_at(free, i + 1)
    if following in _PRONOUNS or following in _EVERYONE:
        return True  # "before you book it", "after i've paid", "before everything shuts down for Christmas"
    previous = word_at(free, i - 1)
    if following in _AFTER_BEFORE and free[i] == "before" and previous not in _DAY_NOUNS | _MEANING:
        return bool(_EXPERIENCE.intersection(free[:i]))  # "I had the needles with Cian before for my back"
    if following not in (BLANK, "that"):
        return False
    # "i've never had a massage before"; "a test and then the frames after": one thing after the other
    told = previous != BLANK or _EXPERIENCE.intersection(free[:i]) or (free[i] == "after" and "then" in free[:i])
    return bool(told) and previous not in _DAY_NOUNS | _MEANING and word_at(free, i + 2) in (BLANK, *_PRONOUNS)


_OUR_TIME = {("for", "us"), ("for", "me"), ("our", "time"), ("my", "time"), ("here", ""), ("over", "here")}
_EVERYONE = wordset("everything everyone everybody anything anyone anybody something someone somebody")


def _when_it_is(free: Sequence[str], i: int) -> bool:
    """ "my road test is the week after", "her wedding's the day before": when something else is, beside a day
    already said."""
    k = i - 1 if free[i] in ("before", "after") else i
    if free[k] not in ("week", "day") or word_at(free, k + 1) not in ("before", "after"):
        return False
    if word_at(free, k - 1) != "the" or word_at(free, k + 2) != BLANK:
        return False
    had = any(
        word_at(free, j) in _HAVING and word_at(free, j + 1) in ("a", "an", "my", "our") for j in range(k - 5, k - 2)
    )
    return word_at(free, k - 2) in ("is", "s") or had  # "I've a triathlon the week after": another thing's day


def _an_occasion(free: Sequence[str], i: int) -> bool:
    """ "before the holidays", "the week before a race", "after my surgery": why, beside a day already said."""
    if _when_it_is(free, i):
        return True
    if free[i] in ("week", "day", "night", "morning") and word_at(free, i + 1) in ("before", "after"):
        return _an_occasion(free, i + 1)  # "it's the week before a race"
    if free[i] in ("before", "after") and word_at(free, i + 1) in _BARE_OCCASIONS:
        return True  # "sunday, after church"
    if free[i] not in ("before", "after") or word_at(free, i + 1) not in _OCCASION_LEADS:
        return False
    noun = word_at(free, i + 2)
    return noun.isalpha() and noun not in _TEMPORAL and noun not in MONTHS and noun not in WEEKDAYS


_BUSY = wordset("rush traffic peak crowd crowds queue queues")
_BUSY_WHEN = wordset("morning afternoon evening lunch lunchtime school office weekend holiday")


def _a_busy_time(free: Sequence[str], i: int) -> bool:
    """ "at 1500, after the morning rush", "3pm, after the lunch traffic": why that time, beside a time already said.
    The time of day before the rush may have been read already (blank)."""
    if free[i] not in ("before", "after") or word_at(free, i + 1) not in _OCCASION_LEADS:
        return False
    when = word_at(free, i + 2)
    return (when == BLANK or when in _BUSY_WHEN) and word_at(free, i + 3) in _BUSY


_AWAY_UNTIL = wordset("free available around here back able")
_UNTIL = wordset("before until till")
_THAT_DAY = wordset("that then")
_CANNOT = wordset("not cant cannot away busy")


_THING_LEADS = wordset("the a an my his her their our")
_NOT_THINGS = (
    _MEANING
    | _DAY_NOUNS
    | _TEMPORAL
    | wordset(
        "that this those these one ones same today tomorrow tonight weekend morning afternoon evening earliest latest "
        "too so very quite that"
    )
)


def _not_a_thing(free: Sequence[str], i: int) -> bool:
    """ "just the beard, not the hair": a thing ruled out at the end of a clause, never a day, time or number."""
    k = i + 1 + (word_at(free, i + 1) in ("just", "only"))  # "not just the parking"
    k += word_at(free, k) == "for"  # "it's not for Jayden, it's for me": who, ruled out
    if word_at(free, k) in _THING_LEADS:
        k += 1
    thing = word_at(free, k)
    if not thing.isalpha() or thing in _NOT_THINGS or thing in MONTHS or thing in WEEKDAYS:
        return False
    end = k + 1 + (word_at(free, k + 1) in ("one", "ones"))  # "mine, not the kids' one"
    ends = word_at(free, end) in _NEXT_CLAUSE  # "not for Jayden, it's for me"
    # "not the screen, the back": a thing led by its article, then the next one
    ends = ends or (word_at(free, k + 1) == "the" and word_at(free, k - 1) in _THING_LEADS)
    return cardinal_at(free, k) is None and ordinal_at(free, k) is None and ends


_NEXT_CLAUSE = wordset("its it but just only i im ill id ive so and haha hahaha lol hehe") | {BLANK, ""}


_ING_NOT_VERBS = wordset("morning evening anything something nothing booking coming going doing making")


_PARTS_OF_DAY = wordset("morning mornings afternoon afternoons evening evenings")


def _not_a_part(free: Sequence[str], i: int) -> bool:
    """ "not the morning", "not in the evening", "I'm not a morning person": a part of the day ruled out (the day
    parts reader leaves it), or what someone is like."""
    k = i + 1 + (word_at(free, i + 1) == "in")
    k += word_at(free, k) in ("the", "a")
    return word_at(free, k) in _PARTS_OF_DAY


def _not_doing_well(free: Sequence[str], i: int) -> bool:
    """ "she's not settling at all", "he's not sleeping": how someone is, with nothing after it a day or time could
    be ("not coming on friday" still asks)."""
    k = i + 1 + (word_at(free, i + 1) in ("be", "been"))  # "she might not be hearing properly"
    verb = word_at(free, k)
    if not (len(verb) > 5 and verb.endswith("ing")) or verb in _ING_NOT_VERBS:
        return False
    after = [word_at(free, k + 1), word_at(free, k + 2)]
    return not any(w in WEEKDAYS or w in MONTHS or w in _MEANING or w[:1].isdigit() for w in after)


def _not_before_that(free: Sequence[str], i: int) -> bool:
    """ "tomorrow week? I'm not free before that", "I'm away until then": the day just said, said again."""
    k = i
    if free[k] == "not" and word_at(free, k + 1) in _AWAY_UNTIL:
        k += 2
    elif free[k] in _AWAY_UNTIL and word_at(free, k - 1) == "not":
        k += 1
    if not (word_at(free, k) in _UNTIL and word_at(free, k + 1) in _THAT_DAY and word_at(free, k + 2) == BLANK):
        return False
    return bool(_CANNOT & set(free[max(0, k - 4) : k]))  # "or before that" still asks


def _means_something(free: Sequence[str], i: int, dated: bool, timed: bool, clocked: bool = False) -> bool:
    word = free[i]
    if clocked and _an_occasion(free, i):
        return False  # "could you do 8 in the morning? before my shift": why that time
    if timed and _a_busy_time(free, i):
        return False
    if dated and word == "week" and free[i - 2 : i] == ["in", "the"] and word_at(free, i - 3) in _EDGE_OF_WEEK:
        return False  # "nothing earlier in the week? what about Monday": the day said is the one
    if (
        _about_the_past(free, i)
        or _a_duration(free, i)
        or _time_so_far(free, i)
        or ((dated or timed) and _an_occasion(free, i))
    ):
        return False
    number = cardinal_at(free, i)
    if number is not None and word.isdigit() and 31 < number.value < 100:
        return False  # "when I pass 80 on the highway": no day, hour or minute
    after = (word_at(free, number.end), word_at(free, number.end + 1)) if number is not None else ("", "")
    if clocked and after in _OUR_TIME:
        return False  # "five o'clock your time, so six for us down here": the same time on the caller's clock
    if number is not None and (word_at(free, number.end), word_at(free, number.end + 1)) == ("a", "side"):
        return False  # "playing five-a-side": a game, no time
    if number is not None and word_at(free, i - 1) in _KINDS:
        return False  # "I'm type 2", "she's in year 9", "a size 10": which kind, never a time
    if number is not None and word_at(free, number.end) in ("percent", "per", "pc"):
        return False  # "it shuts off at like forty percent": a battery's charge, no time
    if word in ("year", "years") and word_at(free, i - 1) == "new" and word_at(free, i - 2) in ("is", "s"):
        return False  # "Saturday is new year": the holiday's name, said of a day
    if number is not None and word_at(free, number.end) == "every":
        return False  # "I gotta get on 400 every day": a road, a bus, a dose; how often, never the booking's time
    if word_at(free, i - 1) == "every" or (word in _DURATION_UNITS | _DAY_UNITS and word_at(free, i - 2) == "every"):
        return False  # "every two days I have to pump it": how often
    if number is not None and (another_events_time(free, i) or another_event_after(free, number.end)):
        return False  # "she's got swim at 5", "at 3 I got meeting"
    if number is not None and word_at(free, i - 1) in ("my", "our") and not word.isdigit():
        return False  # "book my two, sorry, just the one dog": how many of them, never a time
    if (word in _EVERY and cardinal_at(free, i - 1) is not None) or (
        word_at(free, i + 1) in _EVERY and cardinal_at(free, i) is not None
    ):
        return False  # "my six-monthly check": how often, never a day
    if word == "after" and (
        word_at(free, i - 1) in _LOOKING_FOR or (word_at(free, i - 1) == "just" and word_at(free, i + 1) in _A_THING)
    ):  # "i'm after a cut", "just after a men's cut"
        return False
    if word == "after" and word_at(free, i + 1) in ("a", "an") and word_at(free, i + 2) in _CIRCUMSTANCES:
        return False  # "especially after a day on the laptop": when it happens, not when to book
    if word == "after" and _a_trip_after_the_visit(free, i):
        return False  # "we're heading out of town for Labor Day weekend after that": the trip, after the visit
    if word == "after" and _SYMPTOMS.intersection(free[max(0, i - _SYMPTOM_REACH) : i]):
        return False  # "my whole back's one big knot after netball": what caused it, not when to book
    if word == "day" and not dated and _a_named_day(free, i):
        return True  # "on Heritage Day" at a business that did not write it down, "on bin day": which day is asked
    if word in _TIME_OFF and word_at(free, i + 1) == "off":
        return False  # "I've got the week off": when the caller is free, no other day
    if word in _TIME_OFF and any(
        word_at(free, j) in _AWAY and word_at(free, j - 1) in _AWAY_HOLDERS for j in range(i - 4, i)
    ):
        return False  # "the 9/12, I'm away that first week": why not the other day
    if _appointments_had(free, i) or _weekdays_had(free, i):
        return False  # "I have two appointments tomorrow", "nails booked the next two Thursdays": what the caller has
    if _mixed_up(free, i):
        return False  # "I'm after mixing up my days": the caller's muddle, no span of days
    if in_an_address(free, i):
        return False  # "I'm staying on Soi 23": where, never when
    if _describes_a_thing(free, i) or an_age(free, i) or _in_the_past(free, i) or a_count_of_things(free, i):
        return False
    if dated and (something_runs_out_before(free, i) or _not_before_that(free, i)):
        return False
    if word == "not" and word_at(free, i - 1) in _TAGGED and word_at(free, i - 2) in _TAG_VERBS:
        return False  # "oh is she not? ah grand": a question tag, nothing ruled out
    if word == "not":
        following = free[i + 1] if i + 1 < len(free) else BLANK
        harmless = following in _HARMLESS_AFTER_NOT or _not_pressing(free, i + 1) or _not_a_thing(free, i)
        harmless = harmless or (following == "for" and word_at(free, i + 2) in _WHOM)  # "it's not for me"
        harmless = harmless or following in _SYMPTOMS  # "it's not sore or anything": how it is, no detail
        # "seven in the evening, not the morning": beside a clock time, the part ruled out is a contrast; alone
        # ("a haircut tomorrow, not the morning") it is still asked about
        harmless = harmless or (clocked and _not_a_part(free, i))
        harmless = harmless or (following, word_at(free, i + 2)) == ("for", "now")  # "but not for now, in two weeks"
        harmless = harmless or (word_at(free, i - 1) in ("if", "or") and following in _NOT_ENDS)  # "no worries if not"
        return not (harmless or _not_doing_well(free, i))
    owned = word_at(free, i - 1) in _OWNERS_OF_NEXT or _whose(free, i - 1)  # "my puppy's next puppy visit"
    if word == "next" and owned and _a_plain_thing(word_at(free, i + 1)):
        return False  # "the next lymph drainage", "my next check-up": the one after the last, no date
    if word == "may" and word_at(free, i + 1) in _AFTER_MAY:
        return False  # "may i book": asking, not the month
    if _a_year_someone_has(free, i):
        return False  # "I'm opening a food truck next year": when they start it, not the booking
    if word in AMBIGUOUS_WEEKDAYS and word_at(free, i - 1) not in ABBREVIATION_LEADS:
        return False  # "I've never sat on a horse": a word, as the day readers read it, no Saturday
    if word in _MEANING or word in MONTHS or word in WEEKDAYS:
        return True
    if word in _NOT_NUMBERS:
        return False
    if word.isdigit() and word_at(free, i + 1) in _DISTANCES:
        return False  # "I'm running a 10K": how far, never a day or a time
    if ordinal_at(free, i) is not None and word_at(free, i + 1) in NOT_A_CHOICE_BEFORE:
        return False  # "it's my first time": about the caller
    thing_after = word_at(free, i + 1).isalpha() or (i + 1 < len(free) and free[i + 1] == BLANK)
    if ordinal_at(free, i) is not None and word_at(free, i - 1) in _WHOSE_ORDINAL and thing_after:
        return False  # "a W-2 from my second job": whose, no offer and no day
    return cardinal_at(free, i) is not None or ordinal_at(free, i) is not None


_KINDS = wordset("type stage level grade size year room bay floor platform gate unit suite ward")
_OWNERS_OF_NEXT = wordset("the my our his her your")
_TAGGED = wordset("she he they ye you it we")
_TAG_VERBS = wordset("is are does do was were will can has have")
_GOING_AWAY = TRAVELLING | wordset("leaving away")
_GOING_AWAY_REACH = 9  # "we're heading out of town for Labor Day weekend after that"
_HAVING = wordset("have has got ive weve")
_BOOKED_THINGS = wordset("appointments bookings sessions visits booked")  # "I've two booked"


def _weekdays_had(free: Sequence[str], i: int) -> bool:
    """ "the next two Thursdays", "these two Wednesdays": how many weekdays the caller has something on."""
    count = cardinal_at(free, i)
    if count is None or word_at(free, i - 1) not in ("next", "these", "both", "coming"):
        return False
    following = word_at(free, count.end)
    return following.endswith("s") and following[:-1] in WEEKDAYS


def _appointments_had(free: Sequence[str], i: int) -> bool:
    """ "I have two appointments", "we've got 2 bookings": how many the caller already has."""
    count = cardinal_at(free, i)
    if count is None or word_at(free, i - 1) not in _HAVING:
        return False
    on_a_day = free[count.end] == BLANK if count.end < len(free) else False  # "I got two on Friday": the day read
    return word_at(free, count.end) in _BOOKED_THINGS or on_a_day


_MIXED = wordset("mixed mixing mix muddled muddling confused confusing")
_MIXED_REACH = 3


def _mixed_up(free: Sequence[str], i: int) -> bool:
    """ "I'm after mixing up my days", "I got my dates mixed up": which days, muddled; no days to count."""
    if free[i] not in ("days", "dates", "weeks", "times") or word_at(free, i - 1) not in ("my", "the", "me"):
        return False
    return bool(_MIXED.intersection(free[max(0, i - _MIXED_REACH) : i + _MIXED_REACH]))


def _a_trip_after_the_visit(free: Sequence[str], i: int) -> bool:
    """ "... after that" at the end of a trip: when the caller goes away, not a bound."""
    if word_at(free, i + 1) not in ("that", BLANK) or word_at(free, i + 2) != BLANK:
        return False
    return bool(_GOING_AWAY.intersection(free[max(0, i - _GOING_AWAY_REACH) : i]))


def _whose(free: Sequence[str], k: int) -> bool:
    """ "my puppy's", "her son's": someone's, said as theirs."""
    word = word_at(free, k)
    return len(word) > 2 and word.endswith("s") and word.isalpha() and word_at(free, k - 1) in _OWNERS_OF_NEXT


def _a_plain_thing(word: str) -> bool:
    """A word that is no day, time or number: a thing ("lymph"), or a service's words already read (blank)."""
    return word == BLANK or (word.isalpha() and word not in _NOT_THINGS and word not in MONTHS and word not in WEEKDAYS)


_DAY_LEADS = wordset("on for by till until before after over around")
_NOT_A_DAYS_NAME = wordset(
    "the a an any same next that this which what every one whole other good bad long busy full half each first second "
    "third last entire work working school rest big special fine nice lovely great normal usual different given quiet "
    "slow my your our his her their its some another"
)


def _a_named_day(free: Sequence[str], i: int) -> bool:
    """ "on MLK Day", "for bin day": a day named by a word no reader took, asked for with a word that leads a day."""
    name = word_at(free, i - 1)
    lead = word_at(free, i - 2 - (word_at(free, i - 2) == "the"))
    return name.isalpha() and name not in _NOT_A_DAYS_NAME and lead in _DAY_LEADS


_AWAY = wordset("away gone off out")  # "oh he's out that week?"
_AWAY_HOLDERS = wordset("im were shes hes theyre ill well be")
_TIME_OFF = wordset("week weeks weekend fortnight day days month")


def leftover_meaning(
    free: Sequence[str], dated: bool = False, timed: bool = False, clocked: bool = False
) -> tuple[str, ...]:
    """The words in `free` (what no reader claimed) that could change a date, time, service or person. `dated`: a day
    was read, so "before the holidays" is the caller's reason, not a second bound; `timed`: a clock time was read, so
    "after the morning rush" is why that time; `clocked`: an exact time was read, with or without a part of the day,
    so "before my shift" is why that time."""
    return tuple(w for i, w in enumerate(free) if w != BLANK and _means_something(free, i, dated, timed, clocked))


def without_the_days_month(unsure: tuple[str, ...], day: date | None) -> tuple[str, ...]:
    """A month no reader took that is the month of the day read agrees with it ("the May long weekend, the Monday,
    the 24th"): no doubt about the day."""
    return unsure if day is None else tuple(w for w in unsure if MONTHS.get(w) != day.month)


def _a_year_someone_has(free: Sequence[str], i: int) -> bool:
    """The "next" or "year" of "next year" said of what someone is starting or taking part in."""
    start = i if free[i] == "next" and word_at(free, i + 1) == "year" else i - 1
    return free[start : start + 2] == ["next", "year"] and taking_part_before(free, start)
