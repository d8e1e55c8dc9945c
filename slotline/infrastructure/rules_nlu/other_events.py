"""What the caller (or who the booking is for) already has on: its day, time or part of the day is not the booking's.

"she's got swim at 5", "I've got work on Monday", "I'm working Wednesday", "I've got a meeting in the morning":
the day, time or part of the day of something else, said as the reason for another choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.vocabulary import TRAVELLING, WEEKDAYS
from slotline.infrastructure.rules_nlu.words import BLANK, Found, word_at, wordset

__all__ = [
    "an_occasion_of",
    "another_event_after",
    "another_events_day",
    "another_events_part",
    "another_events_time",
    "since_then",
    "something_runs_out_before",
    "taking_part_before",
    "things_had",
    "things_to_do_first",
    "time_off_after_a_day",
]

_HAVE = wordset("got have has")
_HOLDERS = wordset("i we they she he")
_CONTRACTED_HOLDERS = wordset("ive weve theyve shes hes")
# "I'm working", "she's at school", "we're away": a holder who is busy, with nothing had in between.
_BUSY = wordset(
    "working work busy away travelling traveling school college class shift office duty "
    "nap naps napping sleep sleeps sleeping asleep nursery daycare kindy kindergarten preschool lessons classes "
    "shopping out"
)
# "we're leaving for my mother-in-law's at noon", "I'm flying out to Denver at 6", "I pick up my son at 3": a
# departure, further back.
_LEAVING = wordset("leaving flying driving heading pick picking collect collecting drop dropping")  # school runs
_FAR = 8  # words back from the time a departure may be (a place is often named in between)
_BUSY_HOLDERS = _HOLDERS | _CONTRACTED_HOLDERS | wordset("im were theyre am")
_BUSY_PLACES = wordset("at in on")
_INTENSIFIERS = wordset(
    "really so very bare well proper quite pretty super too flat rammed"
)  # "i'm at work", "she's in school", "i'm on shift"
# Between "I've got" and "at 5", these make it the caller's own free time or a question about the booking.
_NOT_AN_EVENT = wordset("time space free availability room you anything something one slot appointment to")
_OWNERS = wordset("the my our his her their")
# Between "<holder> has" and the time or day, these start another clause: "i've got work monday so tuesday".
_BREAKS = wordset(
    "so but and then or because can could would make it that do book try how what about instead "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_ASKING = wordset("can could may might would will do should shall")
_PART_LEADS = (("in", "the"), ("this",), ("the",), ("in",))


_TIME_LEADS = wordset("at till until til")
_CLOCK_WORDS = wordset("half quarter past a")


def another_events_time(words: Sequence[str], start: int) -> bool:
    """ "she's got swim at 5", "I have a meeting at 2", "she has practice till four": when the caller (or who it is
    for) is busy, not the booking."""
    if words[start] in _TIME_LEADS:
        start += 1  # the reading may begin with its "at"
    while word_at(words, start - 1) in _CLOCK_WORDS and start > 1:
        start -= 1  # "till half two", "at quarter past four"
    if word_at(words, start - 1) not in _TIME_LEADS:
        return False
    if word_at(words, start - 1) != "at" and _off_until(words, start - 2):
        return True  # "I'm off till noon": the end of the caller's free time, not the booking's
    # a departure's time, not its day: "we're picking up a kitten tomorrow, can we do that on Saturday?" may be
    # the same day
    return (
        _leaving_before(words, start - 1)
        or _had_before(words, start - 1)
        or _ends_or_starts_before(words, start - 1)
        or _arriving_before(words, start - 1)
    )


_FINISHING = wordset("finishes finish finished ends end starts start leaves leave gets get out")
_DAY_JOBS = wordset("school work shift class college nursery practice training")


def _ends_or_starts_before(words: Sequence[str], at: int) -> bool:
    """ "he finishes school at half three", "my shift ends at 4", "I get out of work at five": when someone's day
    starts or ends, not the booking's time."""
    job, verb = word_at(words, at - 1), word_at(words, at - 2)
    if job in _DAY_JOBS and verb in _FINISHING:
        return True  # "he finishes school at", "I leave work at"
    if job in _DAY_JOBS and verb == "of" and word_at(words, at - 3) == "out":
        return True  # "I get out of work at five"
    return job in _FINISHING and word_at(words, at - 2) in _DAY_JOBS  # "school finishes at", "my shift ends at"


_ARRIVES = wordset("arrives arrive arriving arrived lands land landing landed")
_GETS = wordset("get gets getting got come comes coming pull pulls pulling")
_INTO = wordset("in here there back")


def _arriving_before(words: Sequence[str], at: int) -> bool:
    """ "the bus doesn't get in till ten", "my train gets in at 10", "my flight lands at 9": when someone arrives,
    not the booking's time."""
    if word_at(words, at - 1) in _ARRIVES:
        return True
    return word_at(words, at - 1) in _INTO and word_at(words, at - 2) in _GETS


_ARTICLES = wordset("a an the my our his her their")
_EVENT_TIMES = wordset(
    "at till until til from by before after between noon midday in morning afternoon evening night tonight that then"
)
_OWN_TIME_REACH = 4


def another_event_after(words: Sequence[str], end: int) -> bool:
    """ "at 3 I got meeting", "at 5 she has swim", "at 3 I've got the school run": the time said first, then what
    someone has then; the time (ending before word `end`) is not the booking's."""
    k = end
    if word_at(words, k) in _CONTRACTED_HOLDERS or (word_at(words, k) in _HOLDERS and word_at(words, k + 1) in _HAVE):
        k += 1
    else:
        return False
    if word_at(words, k) not in _HAVE:
        return False
    k += 1 + (word_at(words, k + 1) == "got")  # "i have got"
    k += word_at(words, k) in _ARTICLES
    thing = word_at(words, k)
    if not thing.isalpha() or thing in _NOT_AN_EVENT or thing in _BREAKS or thing in _HAVE:
        return False
    # "4:30, she has practice till four": the event has a time of its own, so the one said first is the wish
    return not _EVENT_TIMES.intersection(words[k + 1 : k + 1 + _OWN_TIME_REACH])


def _off_until(words: Sequence[str], k: int) -> bool:
    return word_at(words, k) == "off" and word_at(words, k - 1) in _BUSY_HOLDERS


def another_events_day(words: Sequence[str], start: int, end: int | None = None) -> bool:
    """ "she has soccer friday", "I've got work on Monday", "I'm working Wednesday", "Saturday he has hurling": a day
    the caller (or who it is for) is busy. `end`: where the day's words end."""
    if words[start] == "on":
        start += 1
    if _someones_event_is(words, start - (word_at(words, start - 1) == "on")):
        return True  # "my prom is on Saturday"
    if end is not None and (
        _had_after(words, end) or _visitor_after(words, end) or _busy_after(words, end) or _occasion_after(words, end)
    ):
        return True
    if end is not None and _someones_after(words, end):  # "the 17th is my niece's quinceañera"
        return True
    if _going_away_before(words, start) or _elsewhere_before(words, start):
        return True  # "I'm travelling to Brazil next month", "we're gonna be in Tahoe for the Fourth"
    if _taking_part_before(words, start):
        return True  # "I'm running a 10K on the Fourth", "we're hosting a barbecue Saturday"
    return _had_before(words, start - (word_at(words, start - 1) == "on")) or _things_to_do_before(words, start)


_TAKING_PART = wordset(
    "running racing doing playing hosting throwing competing attending hiking cycling riding walking singing "
    "performing presenting sitting skiing"
)
_PART_HOLDERS = wordset("im were shes hes theyre")
_STARTING = wordset("starting beginning opening launching")
_PART_REACH = 6  # "I'm running a 10K on the Fourth", "she's sitting her driving test on Monday"


def taking_part_before(words: Sequence[str], start: int) -> bool:
    """ "I'm opening a food truck next year": the day phrase at `start` is when someone takes part in or starts
    something, not the booking's."""
    return _taking_part_before(words, start)


def _taking_part_before(words: Sequence[str], start: int) -> bool:
    """ "I'm running a 10K on the Fourth", "we're hosting a barbecue Saturday": someone takes part in something
    on the day said (not "I'm booking a massage on Friday": no such verb)."""
    for k in range(start - 2, max(start - 2 - _PART_REACH, 0) - 1, -1):
        if words[k] == BLANK or words[k] in _BREAKS:
            return False
        if words[k] in _STARTING:  # "I'm starting IVF next month", "she's starting school in September"
            return word_at(words, k - 1) in _PART_HOLDERS
        if words[k] in _TAKING_PART:
            return word_at(words, k - 1) in _PART_HOLDERS and word_at(words, k + 1) in _OWNERS | {"a", "an", "in"}
    return False


_ERRANDS = wordset("do get run sort collect finish pick")
_THINGS_REACH = 4  # "I've the messages to get on Tuesday", "I've got a few things to do Friday"


def _things_to_do_before(words: Sequence[str], start: int) -> bool:
    """ "I've the messages to get on Tuesday", "we have shopping to do Friday": things to do that day."""
    k = start - 1 - (word_at(words, start - 1) == "on")
    if word_at(words, k) not in _ERRANDS or word_at(words, k - 1) != "to":
        return False
    for j in range(k - 2, max(k - 2 - _THINGS_REACH, -1), -1):
        if words[j] in _CONTRACTED_HOLDERS or (words[j] in _HAVE and _held_by(words, j)):
            return j < k - 2  # something between "I've" and "to": not "I've to get on Tuesday"
        if words[j] in _BREAKS or words[j] == BLANK:
            return False
    return False


_BUSY_DAYS = wordset("long busy work working crazy mad hectic heavy full late early office shift big")


def _a_busy_day_after(words: Sequence[str], k: int) -> bool:
    """ "Wednesday's my long day at work", "Monday is my busy day": the day said just before is a busy one (not
    "Friday's my day off")."""
    k += word_at(words, k) in ("is", "s")
    return word_at(words, k) == "my" and word_at(words, k + 1) in _BUSY_DAYS and word_at(words, k + 2) == "day"


def _busy_after(words: Sequence[str], k: int) -> bool:
    """ "Monday I work", "Friday she's at school": someone busy on the day said just before."""
    if _a_busy_day_after(words, k):
        return True
    holder = word_at(words, k)
    if holder not in _BUSY_HOLDERS:
        return False
    j = k + 1 + (word_at(words, k + 1) in ("am", "is", "are", "s", "m"))
    if (
        word_at(words, j) in _AT
        and holder in ("im", "were", "shes", "hes", "theyre")  # "Thursday I'm in Athlone"
        and _a_place_after(words, j, _NOT_A_PLACE | _NEARBY)  # "Thursday I'm in town": here
    ):
        return True
    j += word_at(words, j) in _BUSY_PLACES
    return word_at(words, j) in _BUSY


_VISITING = wordset("coming visiting arriving staying here over around")


def _visitor_after(words: Sequence[str], k: int) -> bool:
    """ "Thursday my mother-in-law is coming", "Friday our guests are visiting": someone comes on that day."""
    if word_at(words, k) not in _OWNERS_OF:
        return False
    j = k + 2 + (word_at(words, k + 2) not in ("is", "are", "s"))  # "my mother in law": one word more at most
    return word_at(words, j) in ("is", "are", "s") and word_at(words, j + 1) in _VISITING


_AWAY = TRAVELLING | wordset("leaving relocating fly leave travel")
_AWAY_TO = wordset("to for out abroad overseas away home back")


def _going_away_before(words: Sequence[str], start: int) -> bool:
    """ "I'm travelling to Brazil next month", "we're flying out Friday": the day of a trip, not of the visit."""
    for k in range(start - 1, max(start - 1 - _FAR, 0) - 1, -1):
        word = words[k] if k >= 0 else BLANK
        if word == BLANK or word in _BREAKS:
            return False
        if word in _AWAY:  # "we're driving up to Seattle on Friday": a way ("up") may come first
            to = k + 1 + (word_at(words, k + 1) in _AWAY_WAYS and word_at(words, k + 2) in _AWAY_TO)
            return word_at(words, to) in _AWAY_TO and _busy_holder(words, k)
    return False


_WILL = wordset("will ill well youll theyll shell hell gonna to might may")  # "we'll be", "we're going to be"
_AT = wordset("in at")
_AWAY_WAYS = wordset("up down over out")
_NEARBY = wordset("town city area neighbourhood neighborhood village country")  # "I'm in town Friday": here
_NOT_A_PLACE = wordset(
    "there here touch in on for at by around early late then soon back free home available ok noon midday half quarter"
)


def _elsewhere_before(words: Sequence[str], start: int) -> bool:
    """ "we're gonna be in Tahoe for the Fourth", "I'll be at my mum's on Friday": someone will be somewhere else that
    day (not "I'll be there on Friday", "I'll be in on Friday": here)."""
    for k in range(start - 1, max(start - 1 - _FAR, 0) - 1, -1):
        word = words[k] if k >= 0 else BLANK
        if word == BLANK or word in _BREAKS:
            return False
        if word != "be" or word_at(words, k - 1) not in _WILL:
            continue
        j = k + 1 + (word_at(words, k + 1) in _AWAY_WAYS and word_at(words, k + 2) in _AT)  # "be down in LA"
        if word_at(words, j) in _AT | _AWAY_WAYS:
            return _a_place_after(words, j, _NOT_A_PLACE)  # "I'll be over at ten on Friday": a time, no place
    return False


def _a_place_after(words: Sequence[str], j: int, not_places: frozenset[str]) -> bool:
    """A place named after "in"/"at" at `j` ("in Athlone", "at my mum's"): a word, not a day, a number or one of
    `not_places`."""
    place = j + 1 + (word_at(words, j + 1) in _OWNERS)
    where = word_at(words, place)
    return where.isalpha() and where not in not_places | WEEKDAYS.keys() and cardinal_at(words, place) is None


_FREE = _NOT_AN_EVENT | wordset("off nothing no free open day days week morning afternoon evening weekend")


def _had_after(words: Sequence[str], k: int) -> bool:
    """ "saturday he has hurling", "friday I've got a wedding": "<holder> has <something>" right after a day."""
    holder = word_at(words, k)
    if holder in _CONTRACTED_HOLDERS and word_at(words, k + 1) == "got":
        k += 2
    elif holder in _HOLDERS and word_at(words, k + 1) in _HAVE:
        k += 2 + (word_at(words, k + 2) == "got")  # "she has got"
    else:
        return False
    k += word_at(words, k) in _OWNERS | wordset("a an")
    thing = word_at(words, k)
    if not thing.isalpha() or thing in _FREE or thing in _BREAKS:
        return False
    k += 1 + (word_at(words, k + 1).isalpha() and word_at(words, k + 1) not in _BREAKS | _WHEN_NEXT)  # "ballet class"
    return k >= len(words) or (words[k] in _BREAKS and words[k] not in WEEKDAYS)  # not "she has soccer friday"


# After what someone has, these give it a time or day of its own: "friday, I've got work at 9", "... on the 29th".
_WHEN_NEXT = wordset("at on in till until from after before by this next tomorrow today tonight")


_OWNERS_OF = wordset("my our his her their")
_NOT_AN_OCCASION = wordset("appointment booking session visit day time birthday")


_OCCASIONS = wordset(
    "party wedding anniversary graduation exam exams funeral shift flight trip vacation recital game match concert "
    "interview surgery operation christening communion prom reunion do gig race marathon conference meeting course "
    "tournament leaving play nativity panto performance show assembly carnival formal ball"
)
_NOT_AN_OCCASION_AFTER = wordset("only best last first preference choice pick favourite favorite free off usual")


def _occasion_after(words: Sequence[str], end: int) -> bool:
    """ "the 11th's my work party", "Saturday is our anniversary", "Friday, my sister's wedding": the day is taken by
    something the caller has ("Monday's my day off", "Friday is my only free day" are not)."""
    k = end + (word_at(words, end) in ("is", "s"))
    if word_at(words, k) not in _OWNERS_OF:
        return False
    said = [w for w in words[k + 1 : k + 4] if w != BLANK]
    return bool(_OCCASIONS.intersection(said)) and not (_NOT_AN_OCCASION | _NOT_AN_OCCASION_AFTER).intersection(said)


def _someones_event_is(words: Sequence[str], start: int) -> bool:
    """ "my prom is on Saturday", "her wedding is on the 12th": the day of something the caller (or who it is for)
    has."""
    k = start - 1  # "my wedding's on Saturday" is not read: "'s" stays on the noun, like the plural of "my nails"
    if word_at(words, k) != "is":
        return False
    noun = word_at(words, k - 1)
    if not noun.isalpha() or noun in _NOT_AN_OCCASION:
        return False
    whose = word_at(words, k - 2)  # "my prom", or someone's: "my cousin's wedding is Sunday"
    someones = whose.endswith("s") and word_at(words, k - 3) in _OWNERS_OF and noun in _OCCASIONS
    return whose in _OWNERS_OF or someones


def _someones_after(words: Sequence[str], end: int) -> bool:
    """ "the 17th is my niece's quinceañera", "Friday's our anniversary": the day (ending at `end`) is someone's
    occasion, or something of someone's ("my son's party"); not "Friday is my day off" (a free day)."""
    k = end + (word_at(words, end) == "is")
    if k == end or word_at(words, k) not in _OWNERS_OF:
        return False
    noun, after = word_at(words, k + 1), word_at(words, k + 2)
    someones = noun.endswith("s") and noun not in _NOT_AN_OCCASION and after.isalpha() and after not in _BREAKS
    return noun in _OCCASIONS or someones


def another_events_part(words: Sequence[str], i: int) -> bool:
    """ "I've got a meeting in the morning", "I work afternoons": the part of the day (its word at `i`) is busy."""
    for lead in _PART_LEADS:
        if tuple(words[max(0, i - len(lead)) : i]) == lead:
            return _leaving_before(words, i - len(lead)) or _had_before(words, i - len(lead))
    return _leaving_before(words, i) or _had_before(words, i)


_HAD_REACH = 5
_OCCASION_REACH = 8


def _had_before(words: Sequence[str], start: int) -> bool:
    """ "<holder> got/has <something>" or "<holder> is busy" just before word `start`."""
    start += 1
    # "I got a wedding down the shore Saturday": an occasion with where it is, further back
    reach = _OCCASION_REACH if _OCCASIONS.intersection(words[max(start - 6, 0) : start - 1]) else _HAD_REACH
    for k in range(start - 2, max(start - 1 - reach, 0) - 1, -1):
        word = words[k] if k >= 0 else BLANK
        if word == BLANK or word in _NOT_AN_EVENT or word in _BREAKS:
            return False
        if word in _BUSY and _busy_holder(words, k):
            return True
        if word == "at" and _somewhere_else(words, k, start - 1):
            return True
        if word in _HAVE and _held_by(words, k):
            if _asked_to_have(words, k):
                return False  # "can i have a cleaning at 3": asked for, not had
            return k < start - 2  # something had between "got" and "at": "got swim at", not "got at"
    return False


_HOME = wordset("home house place")
_ALL_DAY = {("all", "day"), ("all", "morning"), ("all", "afternoon"), ("all", "evening")}


def _somewhere_else(words: Sequence[str], at: int, end: int) -> bool:
    """ "he's at the groomer's Wednesday", "my son's at his dad's on Friday": someone is at a named place (one or two
    words after an owner or "the", between "at" and word `end`), not "I'm at home Wednesday"."""
    end -= 2 * (tuple(words[end - 2 : end]) in _ALL_DAY)  # "I'm at my sister's all day Saturday"
    place, holder = words[at + 2 : end], word_at(words, at - 1)
    someones = holder.endswith("s") and word_at(words, at - 2) in _OWNERS  # "my son's at his dad's"
    if (holder in _BUSY_HOLDERS or someones) and end == at + 2:
        return _an_activity(word_at(words, at + 1))  # "he's at agility first thing", "she's at swimming"
    return (
        (holder in _BUSY_HOLDERS or someones)
        and word_at(words, at + 1) in _OWNERS
        and 1 <= len(place) <= 2
        and not _HOME.intersection(place)
    )


def _an_activity(word: str) -> bool:
    """A bare word after "he's at" that can be somewhere to be: not home, a number, a day or a time word."""
    return word.isalpha() and word not in _HOME and word not in WEEKDAYS and word not in _NOT_AN_ACTIVITY


_NOT_AN_ACTIVITY = wordset(
    "one two three four five six seven eight nine ten eleven twelve noon midday midnight half quarter about around "
    "least most all any some the a an"
)


def _leaving_before(words: Sequence[str], start: int) -> bool:
    """ "we're leaving for my mother-in-law's at noon", "I'm flying out to Bogotá in the evening at 6": a departure
    (with a place, and perhaps a part of the day, before the time at `start`)."""
    for k in range(start - 1, max(start - 1 - _FAR, 0) - 1, -1):
        word = words[k] if k >= 0 else BLANK
        if word == BLANK or word in _BREAKS:
            return False
        if word in _LEAVING:
            return _busy_holder(words, k)
    return False


def _asked_to_have(words: Sequence[str], k: int) -> bool:
    """ "can i have a cleaning at 3", "could my daughter have an English lesson on Friday": asked for, not had."""
    return word_at(words, k - 2) in _ASKING or (word_at(words, k - 2) in _OWNERS and word_at(words, k - 3) in _ASKING)


def _busy_holder(words: Sequence[str], k: int) -> bool:
    """ "i'm working", "i work", "she's at school", "i am busy" (but not "i'm not working", "i'm off work")."""
    before = k - 1
    if word_at(words, before) in _BUSY_PLACES:
        before -= 1
    while word_at(words, before) in _INTENSIFIERS:
        before -= 1  # "i'm really busy", "i'm bare busy" (London)
    return word_at(words, before) in _BUSY_HOLDERS


def _held_by(words: Sequence[str], k: int) -> bool:
    """Someone before the "got"/"has" at `k`: "she's got", "the kids have got", "my son has", "ive got"."""
    before = k - 1
    if words[k] == "got" and word_at(words, before) in ("have", "has"):
        before -= 1  # "the kids have got"
    holder = word_at(words, before)
    if holder in _HOLDERS or holder in _CONTRACTED_HOLDERS:
        return True
    if holder == "one" and word_at(words, before - 2) in _OWNERS:
        return True  # "the young one has a match", "my little one has swimming"
    return holder.isalpha() and holder not in _ASKING and word_at(words, before - 1) in _OWNERS  # "my son has"


# "it runs out end of the month", "my MOT expires on the 20th", "the tax is due next week": when something the caller
# has ends, said as the reason to book before it; the day is not the booking's.
_RUNS_OUT = wordset("expires expire expired expiring runs run due lapses")
_LINKS = wordset("out at on by in the around about")


def something_runs_out_before(words: Sequence[str], start: int) -> bool:
    """True if the day or week said at `start` is when something runs out ("it runs out end of the month")."""
    k = start - 1
    while k >= start - 3 and word_at(words, k) in _LINKS:
        k -= 1
    return word_at(words, k) in _RUNS_OUT


_THING_REACH = 4


def things_had(words: Sequence[str]) -> list[tuple[int, int]]:
    """Where "I've got the school drop-off", "he's got soccer" name what someone already has: [start, end) spans of
    the words after "got"/"has", which name no service to book (a service's own name said there is still read)."""
    spans: list[tuple[int, int]] = []
    for k, word in enumerate(words):
        if word not in _HAVE or not _held_by(words, k) or _asked_to_have(words, k):
            continue
        end = k + 1
        while end < min(len(words), k + 1 + _THING_REACH) and words[end] not in _BREAKS and words[end] != BLANK:
            end += 1
        # not "I've got a cavity that needs fixing"; "I've got the podiatrist first": something had beforehand
        beforehand = word_at(words, end - 1) == "first" and word_at(words, end - 2) not in _OWNERS | {"a", "your"}
        if _EVENTS.intersection(words[k + 1 : end]) or (beforehand and end - 2 > k):
            spans.append((_holder_start(words, k), end))  # the holder too: "the young one has a match"
    return spans


def _holder_start(words: Sequence[str], k: int) -> int:
    """Where the someone who has the event at `k` ("has", "got") starts: "the young one", "my son"; a pronoun ("she's
    got") is no one to book for, and starts nothing."""
    start = k - 1 - (words[k] == "got" and word_at(words, k - 1) in ("have", "has"))
    if word_at(words, start) in _HOLDERS or word_at(words, start) in _CONTRACTED_HOLDERS:
        return k + 1
    while start > 0 and k - start < _HOLDER_REACH and word_at(words, start - 1) not in _BREAKS | {BLANK}:
        start -= 1
        if words[start] in _OWNERS:
            return start
    return k + 1


_HOLDER_REACH = 4


# What someone has on that is an event, not a need: "the school drop-off", "soccer", "a meeting".
def an_occasion_of(words: Sequence[str], i: int) -> bool:
    """The word at `i` names whose occasion follows ("I'm best man at our kid's wedding", "my son's graduation"): not
    who a service is for."""
    return word_at(words, i + 1) in _OCCASIONS


_EVENTS = _BUSY | wordset(
    "drop dropoff pickup pick run meeting practice soccer football rugby netball game match training gym party "
    "wedding funeral flight lesson lessons swim swimming dance church mass exam test interview"
)


_SINCE_WHAT = frozenset(("the", "last", "my", "his", "her", "our", "their", "a"))
_SINCE_REACH = 5


def since_then(free: Sequence[str], start: int) -> bool:
    """ "she's been limping since the dog park on Sunday": the day something started, a few words after "since the"
    (not "since I'm off Friday", where "since" is "because")."""
    for k in range(start - 1, max(start - 1 - _SINCE_REACH, -1), -1):
        if free[k] == BLANK:
            return False
        if free[k] == "since":
            return word_at(free, k + 1) in _SINCE_WHAT
    return False


_OFF = wordset("im were shes hes theyre")


def time_off_after_a_day(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """`days` with a day the caller has off said after a day asked for ("a gel pedicure on Monday the 5th? I'm off
    for the Fourth") no longer counted: why they are free, not a second day (said alone it is the wish: "I'm off on
    Friday, can I come in then?")."""
    out = list(days)
    for k, f in enumerate(out):
        lead = f.start  # the reading may start at its "for"/"on", or just after it
        lead = lead if word_at(words, lead) in ("for", "on") else lead - 1 - (word_at(words, lead - 1) == "the")
        led = word_at(words, lead) in ("for", "on") and word_at(words, lead - 1) == "off"
        if not (f.value.counts and led and word_at(words, lead - 2) in _OFF):
            continue
        if any(g.value.counts and g.end <= lead - 2 for g in out[:k]):
            out[k] = Found(replace(f.value, counts=False), f.start, f.end)
    return out


_OBLIGED = (("gotta",), ("have", "to"), ("got", "to"), ("need", "to"), ("must",), ("gonna",), ("going", "to"))
_FIRST_REACH = 8


def things_to_do_first(words: Sequence[str]) -> frozenset[int]:
    """Where "first" ends something the caller must do beforehand ("can you make it 10? I gotta drop my kid at school
    first"): the position of that "first", which chooses no first offer."""
    found = set()
    for i, word in enumerate(words):
        if word != "first" or word_at(words, i + 1) not in (BLANK, "though", "then"):
            continue
        before = words[max(0, i - _FIRST_REACH) : i]
        if any(tuple(before[j : j + len(o)]) == o for o in _OBLIGED for j in range(len(before))) and i > 2:
            found.add(i - (word_at(words, i - 1) == "the"))
    return frozenset(found)
