"""Days named by the business's own closures and special hours: "on Christmas Day", "New Year's", "Martin Luther
King Day", "the day after Thanksgiving".

The names come from the catalogue (a closure's or special day's reason), so only a holiday the business wrote down
is a day; any other holiday name is left over, and asked about rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.easter import easter

from slotline.domain.catalogue import Catalogue
from slotline.infrastructure.common.calendar_rules import valid_date
from slotline.infrastructure.common.phone_parsing import country_of
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.vocabulary import MONTHS
from slotline.infrastructure.rules_nlu.words import Found, normalise, word_at, wordset

__all__ = ["HolidayNames"]

_FILLER = frozenset(("jr",))  # "Martin Luther King Jr. Day" is said "martin luther king day"
_SHIFTS = {"after": 1, "before": -1}  # "the day after thanksgiving"
_PERIOD = frozenset(("over", "around", "during", "throughout"))  # "over christmas" is the holiday season, no one day
# Words that say a day is closed, not which: a reason made only of these ("Holiday", "Staff training") names no day.
_GENERIC = wordset(
    "the a our annual public bank holiday holidays closed closure day days off staff training team leave maintenance "
    "refurbishment weekend break event stocktake inventory"
)


def _spoken(reason: str) -> set[str]:
    """The ways a caller says a holiday: as written, without filler words, without its last "day" ("christmas"); a
    name in brackets is another name ("Pohela Boishakh (Bengali New Year)")."""
    if "(" in reason and reason.rstrip().endswith(")"):
        outside, inside = reason.rstrip()[:-1].split("(", 1)
        noted = _NOTES.intersection(normalise(inside))  # "(observed)", "(the expected date; it may move ...)"
        return _spoken(outside) if noted else _spoken(outside) | _spoken(inside)
    words = normalise(reason)
    words = words[1:] if words[:1] == ["the"] else words
    kept = [w for w in words if w not in _FILLER]
    ways = {" ".join(words), " ".join(kept)}
    if len(kept) > 1 and kept[-1] == "day" and " ".join(kept[:-1]) not in _EVERYDAY | MONTHS.keys():  # no "may"
        ways.add(" ".join(kept[:-1]))
        if len(kept) > 2:
            ways.add(" ".join(kept[-2:]))  # "Cup Day" for Melbourne Cup Day
    for i in range(1, len(kept) - 2):  # "National Day for Truth and Reconciliation": "truth and reconciliation (day)"
        if kept[i] == "day" and kept[i + 1] in ("for", "of") and kept[i - 1] not in _NTH:  # not "second day of"
            rest = " ".join(kept[i + 2 :])
            ways |= {rest, f"{rest} day"}
    named = kept[:-1] if kept[-1:] == ["day"] else kept
    if 3 <= len(named) <= 4 and not _GENERIC.intersection(named) and all(w.isalpha() for w in named):
        acronym = "".join(w[0] for w in named)  # "CNY" for Chinese New Year, "MLK (day)" for Martin Luther King Day
        ways |= {acronym, f"{acronym} day"} if named is not kept else {acronym}
    if kept[:1] in (["st"], ["saint"]) and len(kept) > 2:  # "St Patrick's Day": "saint patricks day", "patricks day"
        saints = kept[1:]
        ways |= {" ".join(saints), " ".join(["saint", *saints]), " ".join(["st", *saints])}
        ways |= {" ".join([_NICKNAMES[saints[0]], *saints[1:]])} if saints[0] in _NICKNAMES else set()
    if len(kept) > 3 and kept[1] == "and":  # "the Sinhala and Tamil New Year": "sinhala new year", "tamil new year"
        ways |= {" ".join([kept[0], *kept[3:]]), " ".join(kept[2:])}
    if len(kept) > 2 and kept[-2:] == ["bank", "holiday"]:  # Irish "the June weekend" for the June bank holiday
        ways |= {f"{' '.join(kept[:-2])} {w}" for w in ("weekend", "long weekend", "bank holiday weekend")}
    ways |= {alias for name, aliases in _LOCAL_NAMES.items() if name in ways for alias in aliases}
    if kept[:1] == ["eid"] and len(kept) > 1:  # "Eid ul Fitr", "Eid al-Adha": "Eid" alone names the next of them
        ways.add("eid")
    return {w for w in ways if w and not _GENERIC.issuperset(w.split())}


# A holiday's name without its "day" that is an everyday word: "Family Day" is not "the whole family shows up"
_EVERYDAY = wordset(
    "family labour labor youth heritage freedom workers womens national memorial mothers fathers childrens "
    "independence victoria canada civic"
)
_NICKNAMES = {"patricks": "paddys", "patrick": "paddy"}  # "Paddy's Day"
# Words of a note in brackets after a holiday's name, which is then no other name of it
_NOTES = wordset(
    "observed expected estimate estimated date dates approx approximate approximately tbc tbd provisional subject "
    "moon may confirmed substitute sighting"
)
# Holidays callers name in their own language: the Sinhala and Tamil New Year is "Avurudu" in Sri Lankan English
_LOCAL_NAMES = {"sinhala new year": ("avurudu", "aluth avurudu"), "tamil new year": ("puthandu",)}
_THIS = wordset("this the on coming")
_KINDS_SAID_ALONE = ("bank holiday", "public holiday")
_RECURS = 3  # a kind of day named this many times or more is said by its kind alone ("Poya")


def _recurring(named: Sequence[tuple[date, str]]) -> dict[str, set[date]]:
    """The word before "Day" that several reasons of three or more words share ("Unduvap Full Moon Poya Day", "Duruthu
    Full Moon Poya Day"): a monthly holiday a caller names by its kind ("this Poya"), each with its days."""
    kinds: dict[str, set[date]] = {}
    for day, reason in named:
        kept = [w for w in normalise(reason) if w not in _FILLER]
        if len(kept) >= 3 and kept[-1] == "day" and kept[-2].isalpha() and kept[-2] not in _GENERIC:
            kinds.setdefault(kept[-2], set()).add(day)
    return {kind: days for kind, days in kinds.items() if len(days) >= _RECURS}


class HolidayNames:
    """Finds the holidays of one business in what a caller said."""

    def __init__(self, catalogue: Catalogue) -> None:
        named = [(c.day, c.reason) for c in catalogue.closures]
        named += [(s.day, s.reason) for s in catalogue.special_hours if s.reason]
        spoken: dict[str, set[date]] = {}
        easter: set[date] = set()
        by_weekday: dict[str, set[tuple[str, date]]] = {}
        for day, reason in named:
            for phrase in _spoken(reason):
                spoken.setdefault(phrase, set()).add(day)
            sunday = _easter_of(reason, day)
            easter |= set() if sunday is None else {sunday}
            words = normalise(reason)
            if len(words) > 1 and words[-1] in _WEEKDAYS:
                by_weekday.setdefault(" ".join(words[:-1]), set()).add((words[-1], day))
        kinds = _recurring(named)
        for name, monthly in kinds.items():  # "Poya" for every "... Full Moon Poya Day"
            spoken.setdefault(name, monthly)
        self._kinds = {tuple(sorted(monthly)) for monthly in kinds.values()}
        self._said_alone: set[tuple[date, ...]] = set()
        for kind in _KINDS_SAID_ALONE:  # "the Monday after the bank holiday": the coming one of the bank holidays
            of_kind = {day for day, reason in named if kind in " ".join(normalise(reason))}
            if of_kind and kind not in spoken:
                spoken[kind] = of_kind
                self._kinds.add(tuple(sorted(of_kind)))
                self._said_alone.add(tuple(sorted(of_kind)))
        # One reason written on days with a gap ("Eid al-Fitr" on the 10th, 11th and 13th): one run all the same
        self._reasons_on: dict[date, set[str]] = {}
        for day, reason in named:
            self._reasons_on.setdefault(day, set()).add(reason)
        for prefix, days in by_weekday.items():  # "Carnival Monday" and "Carnival Tuesday": "Carnival" is both
            if len({weekday for weekday, _ in days}) > 1 and prefix not in spoken:
                spoken[prefix] = {day for _, day in days}
        # A name several days share ("Christmas Day" in two years) names the next of them, unless two of them are
        # close enough to be taken for each other.
        self._table: PhraseTable[tuple[date, ...]] = PhraseTable((tuple(sorted(d)), p) for p, d in spoken.items())
        # Days only counted from ("the tuesday after easter"): said alone they are an aside ("oh, Easter, I forgot").
        anchors = {} if "easter" in spoken or not easter else {"easter": easter}
        self._anchors: PhraseTable[tuple[date, ...]] = PhraseTable((tuple(sorted(d)), p) for p, d in anchors.items())
        self._fixed: PhraseTable[tuple[int, int]] = PhraseTable(
            (month_day, phrase) for phrase, month_day in _FIXED_DAYS.items() if phrase not in spoken
        )
        self._lent: PhraseTable[int] = PhraseTable((shift, p) for p, shift in _FROM_EASTER.items() if p not in spoken)
        floating = _US_FLOATING if country_of(catalogue.business.phone) == "US" else {}
        self._floating: PhraseTable[tuple[int, int, int]] = PhraseTable(
            (rule, phrase) for phrase, rule in floating.items() if phrase not in spoken
        )

    def _said(self, words: Sequence[str], today: date) -> list[tuple[Found[tuple[date, ...]], bool]]:
        """The names said, each with whether it is only a day to count from; a name inside a longer one is not."""
        named = [(f, False) for f in self._table.scan(words)]
        for f in self._fixed.scan(words):  # "then boxing day?" where the business is open on it
            if f.start > 0 and not _asked_for(words, f.start) and _shift_before(words, f.start, today) is None:
                continue  # "with halloween and the kids it's a zoo": an aside, not a day asked for
            this_year = valid_date(today.year, *f.value)
            days = tuple(d for d in (this_year, valid_date(today.year + 1, *f.value)) if d is not None)
            named.append((Found(days, f.start, f.end), False))
        for rule in self._floating.scan(words):  # "on MLK Day" where the business is open on it: the third Monday
            if rule.start > 0 and not _asked_for(words, rule.start) and _shift_before(words, rule.start, today) is None:
                continue
            month, weekday, nth = rule.value
            days = tuple(_nth_weekday(year, month, weekday, nth) for year in (today.year, today.year + 1))
            named.append((Found(days, rule.start, rule.end), False))
        for lent in self._lent.scan(words):  # "Ash Wednesday": counted from Easter, wherever the business is open
            days = tuple(easter(year) + timedelta(days=lent.value) for year in (today.year, today.year + 1))
            named.append((Found(days, lent.start, lent.end), False))
        # "lunar new year's eve" is not the 31st of December, nor "orthodox christmas" the 25th
        named = [(f, k) for f, k in named if word_at(words, f.start - 1) not in _OTHER_CALENDARS]
        taken = {i for f, _ in named for i in range(f.start, f.end)}
        named = [(f, k) for f, k in named if not any(_inside(f, g) for g, _ in named)]
        anchors = [(f, True) for f in self._anchors.scan(words) if taken.isdisjoint(range(f.start, f.end))]
        return sorted(named + anchors, key=lambda e: e[0].start)

    def _run(self, days: tuple[date, ...], today: date) -> tuple[date, date] | None:
        """The next run of `days`: with a gap of a day inside it when all its days have one reason ("Eid" for Eid
        al-Fitr on the 10th, 11th and 13th, and Eid al-Adha in May)."""
        wide = _next_run(days, today, _RUN_GAP)
        if wide is not None:
            inside = [self._reasons_on.get(d, set()) for d in days if wide[0] <= d <= wide[1]]
            if len(set().union(*inside)) == 1:
                return wide
        return _next_run(days, today, timedelta(days=1))

    def find(self, words: Sequence[str], today: date) -> list[Found[DayReading]]:
        """Each holiday said, with "the day after/before" it; a holiday already past is no day to book."""
        out: list[Found[DayReading]] = []
        for found, counted_from_only in self._said(words, today):
            if found.value in self._said_alone and not _the_coming_one(words, found.start):
                continue  # "that's the bank holiday, isn't it?", "it's a public holiday": taken in, no day
            day = _next_of(found.value, today)
            if day is not None and day < today:  # "Christmas Eve" written down for last year only: this year's
                day = _fixed_next(" ".join(words[found.start : found.end]), today) or day
            if day is None and found.value in self._kinds and word_at(words, found.start - 1) in _THIS:
                day = min((d for d in found.value if d >= today), default=None)  # "this Poya": the coming one
            run = self._run(found.value, today) if day is None else None
            if run is not None and word_at(words, found.start - 1) not in _PERIOD:  # "after eid": after its last day
                out.append(_counted_from_run(words, found, run))
                continue
            if word_at(words, found.start - 1) in _PERIOD or day is None:
                continue
            start, end = found.start, found.end
            if word_at(words, end) == "eve":  # "new year's eve" when only New Year's Day is written down
                end, day = end + 1, day - timedelta(days=1)
            shift = _shift_before(words, found.start, day)
            if shift is None and counted_from_only:
                continue
            nth = _nth_day_of(words, found.start) if shift is None else None
            if nth is not None:  # "the first day of chinese new year": the holiday itself, not the 1st
                start, day = nth[0], day + timedelta(days=nth[1])
            if shift is not None:
                start, day = _shift_start(words, found.start), day + timedelta(shift)
            elif _before_it(words, start) is not None and today < day:  # "before (the) christmas": any day until then
                out.append(Found(DayReading(today, last=day - timedelta(days=1)), _before_it(words, start) or 0, end))
                continue
            named_weekend = words[end - 1] == "weekend"  # "the June weekend"
            weekend = _long_weekend(words, end, day, named_weekend) if shift is None and nth is None else None
            if weekend is not None:  # "the Victoria Day long weekend", "Labor Day weekend": the Saturday to the Monday
                said = 0 if named_weekend else 1 + (word_at(words, end) == "long")
                out.append(Found(DayReading(max(weekend[0], today), last=weekend[1]), start, end + said))
                continue
            out.append(Found(DayReading(day if day >= today else None, exact=True), start, end))
        return out


def _the_coming_one(words: Sequence[str], start: int) -> bool:
    """ "the Monday after the bank holiday", "on the bank holiday": the coming one asked about, not "that's the bank
    holiday" or "it's a public holiday"."""
    lead = word_at(words, start - 1)
    if lead == "the":
        return word_at(words, start - 2) not in _IS
    return lead in ("this", "next", "on", "coming")


_IS = wordset("is s thats its was whats isnt")


def _long_weekend(words: Sequence[str], end: int, day: date, named: bool = False) -> tuple[date, date] | None:
    """The weekend a Monday or Friday holiday makes long, with the holiday, when "(long) weekend" follows its name
    (or ends it: `named`)."""
    said = named or words[end : end + 2] == ["long", "weekend"] or word_at(words, end) == "weekend"
    if not said or day.weekday() not in (0, 4):
        return None
    return (day - timedelta(days=2), day) if day.weekday() == 0 else (day, day + timedelta(days=2))


def _counted_from_run(
    words: Sequence[str], found: Found[tuple[date, ...]], run: tuple[date, date]
) -> Found[DayReading]:
    """A holiday of several days running: its days, or the one day counted from them ("the day after Eid" is the
    day after its last day, "the Saturday after Eid" the first Saturday after that, "the day before Eid" the day
    before its first)."""
    after = word_at(words, found.start - 1) in _SHIFTS and _SHIFTS[word_at(words, found.start - 1)] > 0
    anchor = run[1] if after else run[0]
    shift = _shift_before(words, found.start, anchor)
    if shift is None:
        return Found(DayReading(run[0], exact=True, last=run[1]), found.start, found.end)
    return Found(DayReading(anchor + timedelta(shift), exact=True), _shift_start(words, found.start), found.end)


def _shift_start(words: Sequence[str], start: int) -> int:
    """Where "the day after (the) <holiday>" starts, the holiday's name at `start`."""
    lead = start - (word_at(words, start - 1) == "the")
    lead -= word_at(words, lead - 2) in _RIGHT  # "the tuesday straight after easter"
    return lead - 2 - (word_at(words, lead - 3) == "the")


_RIGHT = wordset("right straight just directly immediately")


def _before_it(words: Sequence[str], start: int) -> int | None:
    """Where "before christmas" or (Irish English) "before the christmas" starts, the holiday's name at `start`."""
    lead = start - 1 - (word_at(words, start - 1) == "the")
    return lead if word_at(words, lead) == "before" else None


def _fixed_next(phrase: str, today: date) -> date | None:
    """The next day a name every caller knows by date falls on ("christmas eve"), from `today` on; None for others."""
    month_day = _FIXED_DAYS.get(phrase)
    if month_day is None:
        return None
    days = (valid_date(today.year, *month_day), valid_date(today.year + 1, *month_day))
    return next((d for d in days if d is not None and d >= today), None)


# Days every caller knows by date, read even where the business does not close for them ("then Boxing Day?").
_FIXED_DAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new years eve": (12, 31),
    "new years day": (1, 1),
    "valentines day": (2, 14),
    "valentines": (2, 14),
    "halloween": (10, 31),
    "st patricks day": (3, 17),
    "saint patricks day": (3, 17),
    "paddys day": (3, 17),
}


# US holidays on the nth weekday of a month (month, weekday, nth; -1: the last), known wherever a US business is open
_US_FLOATING = {
    "mlk day": (1, 0, 3),
    "martin luther king day": (1, 0, 3),
    "martin luther king jr day": (1, 0, 3),
    "presidents day": (2, 0, 3),
    "washingtons birthday": (2, 0, 3),
    "memorial day": (5, 0, -1),
    "labor day": (9, 0, 1),
    "columbus day": (10, 0, 2),
    "indigenous peoples day": (10, 0, 2),
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "mothers day": (5, 6, 2),
    "fathers day": (6, 6, 3),
}


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The `nth` `weekday` (0: Monday) of the month; -1: the last."""
    first = date(year, month, 1)
    if nth > 0:
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = (first.replace(month=month % 12 + 1, year=year + month // 12)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_ASKED_FOR = wordset("on for then until till by before")  # just before a day asked for


def _asked_for(words: Sequence[str], start: int) -> bool:
    """The day at `start` is asked for: "on boxing day", "then boxing day?", "how about boxing day?" (not "after
    halloween", "with halloween and the kids")."""
    before = word_at(words, start - 1)
    return before in _ASKED_FOR or (before == "about" and word_at(words, start - 2) in ("how", "what"))


_OTHER_CALENDARS = wordset(
    "chinese lunar jewish islamic hijri persian vietnamese korean tamil sinhala hindu thai orthodox"
)


def _inside(one: Found[tuple[date, ...]], other: Found[tuple[date, ...]]) -> bool:
    """`one` is a shorter name within `other` ("christmas" in "christmas eve")."""
    return (
        one is not other
        and other.start <= one.start
        and one.end <= other.end
        and one.end - one.start < (other.end - other.start)
    )


_EASTER_DAYS = {"good friday": 2, "easter sunday": 0, "easter monday": -1}  # days to Easter Sunday
# Days counted from Easter Sunday that callers name, read where no closure names them.
_FROM_EASTER = {"ash wednesday": -46, "shrove tuesday": -47, "pancake day": -47}


def _easter_of(reason: str, day: date) -> date | None:
    """Easter Sunday, from a closure on a day of Easter ("Good Friday", "Easter Monday"): Easter itself is rarely
    written down as a closure (it is a Sunday), but callers count from it."""
    words = normalise(reason)
    shift = _EASTER_DAYS.get(" ".join(words[1:] if words[:1] == ["the"] else words))
    return None if shift is None else day + timedelta(days=shift)


_DAY_NUMBERS = {"first": 0, "second": 1, "third": 2}


def _nth_day_of(words: Sequence[str], start: int) -> tuple[int, int] | None:
    """ "the first day of" / "the second day of" just before the holiday at `start`: where the phrase starts and
    the days after the holiday's (first) day."""
    if (word_at(words, start - 2), word_at(words, start - 1)) != ("day", "of"):
        return None
    nth = _DAY_NUMBERS.get(word_at(words, start - 3))
    if nth is None:
        return None
    return start - 3 - (word_at(words, start - 4) == "the"), nth


_NTH = frozenset(("first", "second", "third", "fourth", "fifth", "last", "final"))
_APART = timedelta(days=60)  # two days of one name closer than this are not told apart by the name alone
_RUN_GAP = timedelta(days=2)  # "Eid al-Fitr" closed on the 10th, 11th and 13th, the 12th a Friday: one run


def _next_of(days: tuple[date, ...], today: date) -> date | None:
    """The day a name means: the next of its days (the last, past, when none is ahead); None when it is unclear."""
    ahead = [d for d in days if d >= today] or [days[-1]]
    if len(ahead) > 1 and ahead[1] - ahead[0] < _APART:
        return None
    return ahead[0]


def _next_run(days: tuple[date, ...], today: date, gap: timedelta) -> tuple[date, date] | None:
    """The next days of a name that run one after another ("Eid ul Fitr" closed three days running): its first and
    last day, when no other day of that name is near them."""
    ahead = [d for d in days if d >= today]
    end = 1
    while end < len(ahead) and ahead[end] - ahead[end - 1] <= gap:  # a weekly closed day may fall inside
        end += 1
    if end < 2 or (end < len(ahead) and ahead[end] - ahead[end - 1] < _APART):
        return None
    return ahead[0], ahead[end - 1]


_WEEKDAYS = {
    name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}


def _shift_before(words: Sequence[str], start: int, day: date) -> int | None:
    """ "the day after thanksgiving": +1; "the day before christmas eve": -1; "the monday after christmas": to the
    first Monday after it."""
    start -= word_at(words, start - 1) == "the"  # Irish English: "the day before the christmas"
    if start < 2 or words[start - 1] not in _SHIFTS:
        return None
    direction, said = _SHIFTS[words[start - 1]], words[start - 2]
    said = word_at(words, start - 3) if said in _RIGHT else said  # "the monday right after christmas"
    if said == "day":
        return direction
    if said in _WEEKDAYS:
        if direction > 0:
            return (_WEEKDAYS[said] - day.weekday()) % 7 or 7
        return -((day.weekday() - _WEEKDAYS[said]) % 7 or 7)
    return None
