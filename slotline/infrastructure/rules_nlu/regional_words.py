"""Regional and other-language ways of saying a day or a time, turned into the English words the readers know:
Scots, Australian and New Zealand English, Filipino English ("po", "na lang"), and French and Spanish words a caller
mixes in."""

from __future__ import annotations

from slotline.infrastructure.common.hour_words import HOUR_DIGITS, HOUR_WORDS
from slotline.infrastructure.rules_nlu.words import word_at, wordset

__all__ = ["regional"]

_TAGLISH_POLITE = frozenset(("po", "ho", "pala"))  # politeness and "by the way", which change nothing
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_HOURS = frozenset((*HOUR_WORDS, *HOUR_DIGITS))

# After "<weekday> first" (Scots: the coming one), these make "first" something else: "Tuesday first thing".
_FIRST_WHAT = wordset(
    "thing things one ones available appointment appointments slot slots time of visit session choice option"
)


_NEXT_NEXT = _WEEKDAYS | {"week"}
_HAVE_CONTRACTED = wordset("ive weve theyve youve")
_HAD_THINGS = wordset("the a an my me our his her their")
# Yorkshire "while" (until) before these: "while then", "while half six", "while next week"
_WHILE_UNTIL = wordset("half noon dinner tea then that next tomorrow")
# After "tuesday next", these make "next" lead something else: "Tuesday next week", "Friday, next to next week"
_NOT_NEXT_ALONE = _WEEKDAYS | wordset("week weeks month year weekend fortnight time one to after door")
# Geordie (Tyneside) words: "gan" go, "divvent" don't, "ta-ra" bye, "wey aye" yes; "howay" (come on) says nothing
_GEORDIE = {"gan": "go", "divvent": "dont", "dinnet": "dont", "howay": "", "wey": ""}
_GEORDIE_PAIRS = {("ta", "ra"): "bye", ("wey", "aye"): "yes"}
# "day after" with none of these before it and one of these after it is the day after tomorrow ("the day after" is
# the one after a day said, "day after Poya" the one after that)
_OWN_DAY = wordset("the a that one every each same next following this any")
_AFTER_DAY_AFTER = wordset(
    "morning afternoon evening at in please is will would around by then if ok okay also only i we itself possible"
)
_AFTER_DAY_AFTER |= {""}
# "5 pm, not 6", "not 3, make it 5.30", "not 3 but 4", "not ten, can we do eleven?": an hour after "not" that ends
# the thought is a time refused
_AFTER_AN_HOUR_REFUSED = wordset("then please thanks make but rather instead can could how what would") | {""}
_SHALL_NOT = {"ill": "i", "theyll": "they", "youll": "you"}
# "the day" is today after these ("have yous anything the day?", "a fortnight the day"), never before these ("the day
# after tomorrow", "the day of the wedding").
_TODAY_AFTER = wordset(
    "anything something anytime fortnight week free available open appointment appointments slot slots booking session "
    "seen"  # Scots "could I get an emergency appointment the day?", "can I be seen the day?"
)
_NOT_TODAY_BEFORE = wordset("after before of off that when you i we she he it they is was before")


def _today_said(out: list[str], words: list[str], i: int) -> bool:
    """At word `i` (the "day" of "the day"), with `out` what came before."""
    following = word_at(words, i + 1)
    return bool(out) and out[-1] in _TODAY_AFTER and following not in _NOT_TODAY_BEFORE


_A_ROUND = wordset("a the one first second another this that")  # "the second round": of something, no time


def regional(words: list[str]) -> list[str]:
    """`words` with Scots "Tuesday first" as the coming Tuesday, "the morn" as tomorrow, "the back of ten" as about
    ten; "arvo" as the afternoon; French and Spanish day words in English; "14h30" and "14h" as 14:30 and 14:00; and
    "5 pm, not 6" as "not at 6"."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word, before = words[i], out[-1] if out else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        i += 1
        if (word, after) in _FRENCH_PAIRS:  # "la semaine prochaine", "apres midi", "cest ca"
            if word == "semaine" and before == "la":
                out.pop()
            out += _FRENCH_PAIRS[word, after].split()
            i += 1
            continue
        if word in _FRENCH_DAYS and after in ("prochain", "prochaine"):  # "jeudi prochain": next Thursday
            out += ["next", _FRENCH_DAYS[word]]
            i += 1
            continue
        if word in _TAGLISH_POLITE or (word == "na" and before == "no") or word == "lang":
            continue  # Filipino English: "yes po", "no na po", "Friday lang"
        if (word, after) == ("na", "lang"):  # "Friday na lang po", "4pm na lang": instead
            out.append("instead")
            i += 1
            continue
        if (word, after) == ("next", "next") and i + 1 < len(words) and words[i + 1] == "week":
            out += ["the", "week", "after", "next"]  # Filipino English: the week after next
            i += 2
            continue
        # Pakistani and Indian English: "next to next week", "next to next Tuesday"
        if (word, after) == ("next", "to") and words[i + 1 : i + 2] == ["next"] and word_at(words, i + 2) in _NEXT_NEXT:
            out += ["the", words[i + 2], "after", "next"]
            i += 3
            continue
        if word in _SHALL_NOT and after == "not":  # Northern Irish and Scots: "I'll not make it" is "I won't"
            out += [_SHALL_NOT[word], "wont"]
            i += 1
            continue
        if (word, after) == ("the", "day") and _today_said(out, words, i):  # Northern Irish: "anything the day?"
            out.append("today")
            i += 1
            continue
        if (word, after) == ("next", "next") and i + 1 < len(words) and words[i + 1] in _WEEKDAYS:
            out += ["the", words[i + 1], "after", "next"]  # Hong Kong and Filipino English: "next next Monday"
            i += 2
            continue
        if (word, after) == ("day", "after") and before not in _OWN_DAY and word_at(words, i + 1) in _AFTER_DAY_AFTER:
            out += ["the", "day", "after", "tomorrow"]  # South Asian English: "a check-up day after, evening time"
            i += 1
            continue
        if (word, after) in _GEORDIE_PAIRS:  # "ta-ra": bye
            out.append(_GEORDIE_PAIRS[word, after])
            i += 1
            continue
        if word in _GEORDIE:
            out += _GEORDIE[word].split()
            continue
        if (word, after) == ("same", "to") and words[i + 1 : i + 3] == ["same", "time"]:
            out += ["same", "time"]  # South Asian English: "same to same time" is the same time
            i += 3
            continue
        if word in _HAVE_CONTRACTED and after in _HAD_THINGS:
            out += [word, "got"]  # Irish and British: "I've the dentist at ten" is "I've got the dentist"
            continue
        if word == "while" and (after in _HOURS or after in _WEEKDAYS or after in _WHILE_UNTIL):
            out.append("till")  # Yorkshire: "I'm at work while six" is until six
            continue
        if word in _WEEKDAYS and after == "next" and word_at(words, i + 1) not in _NOT_NEXT_ALONE:
            out += ["next", word]  # Southern US and older British English: "Tuesday next" is next Tuesday
            i += 1
            continue
        if word in _WEEKDAYS and after == "gone":  # Newfoundland and Irish English: "Tuesday gone" is last Tuesday
            out += ["last", word]
            i += 1
            continue
        if word == "dahntahn":  # Pittsburgh: downtown
            out.append("downtown")
            continue
        if word == "opo":
            out.append("yes")
            continue
        if word == "round" and (after in _HOURS or after.isdigit() or after == "about") and before not in _A_ROUND:
            out.append("around")  # British, Australian and New Zealand English: "round six", "round about ten"
            continue
        if word == "arvo":  # Australian and New Zealand English: "Thursday arvo", "this arvo"
            out.append("afternoon")
            continue
        if word in _FRENCH_WORDS:
            out.append(_FRENCH_WORDS[word])
            continue
        if (word, after) == ("pasado", "manana"):  # Spanish: the day after tomorrow
            out += ["the", "day", "after", "tomorrow"]
            i += 1
            continue
        if word in _SPANISH_PARTS and before == "la":  # "en la manana", "por la tarde": in the morning, afternoon
            out.pop()
            if out and out[-1] in ("en", "por", "de", "a"):
                out.pop()
            out += ["in", "the", _SPANISH_PARTS[word]]
            continue
        if word in _SPANISH_WORDS or (word == "si" and not out):
            out.append(_SPANISH_WORDS.get(word, "yes"))  # "si" only opening the turn: "si, perfect"
            continue
        if after == "h" and _hour_of_day(word):  # "14h30", "9h", normalised to "14 h 30", "9 h"
            minutes = words[i + 1] if i + 1 < len(words) else ""
            said = len(minutes) == 2 and minutes.isdigit() and int(minutes) < 60
            out.append(f"{int(word)}:{minutes if said else '00'}")
            i += 2 if said else 1
            continue
        if word == "first" and before in _WEEKDAYS and after not in _FIRST_WHAT:
            continue  # "a dental check with Euan, Tuesday first"
        if word == "morn" and before == "the" and out[-2:-1] != ["in"]:
            out[-1] = "tomorrow"  # "the morn", not "in the morn"
            continue
        if word == "back" and before == "the" and after == "of" and i + 1 < len(words) and words[i + 1] in _HOURS:
            out[-1], i = "around", i + 1  # "the back of ten": just after ten
            continue
        if (
            word in _HOURS
            and before == "not"
            and word != "one"
            and (after in _AFTER_AN_HOUR_REFUSED or after in _HOURS)
        ):
            out.append("at")  # "5 pm, not 6": a time ruled out; "not 12, 3 o'clock": and the one said instead
        out.append(word)
    return out


# French a Québec (or any French-speaking) caller mixes in, in the English the readers know.
_FRENCH_DAYS = {
    "lundi": "monday",
    "mardi": "tuesday",
    "mercredi": "wednesday",
    "jeudi": "thursday",
    "vendredi": "friday",
    "samedi": "saturday",
    "dimanche": "sunday",
}
_FRENCH_WORDS = {
    **_FRENCH_DAYS,
    **{"demain": "tomorrow", "aujourdhui": "today", "matin": "morning", "soir": "evening", "oui": "yes"},
    **{"ouais": "yeah", "daccord": "okay", "merci": "thanks"},
}
_FRENCH_PAIRS = {
    ("semaine", "prochaine"): "next week",
    ("apres", "midi"): "afternoon",
    ("lapres", "midi"): "afternoon",
    ("cest", "ca"): "thats right",
    ("mardi", "gras"): "mardi gras",  # the carnival, not a Tuesday
    ("making", "groceries"): "shopping",  # New Orleans: "I'm making groceries tomorrow"
}


# Spanish a caller mixes in ("a haircut for mañana, after work"); accents are folded before this.
_SPANISH_WORDS = {
    "manana": "tomorrow",
    "hoy": "today",
    "lunes": "monday",
    "martes": "tuesday",
    "miercoles": "wednesday",
    "jueves": "thursday",
    "viernes": "friday",
    "sabado": "saturday",
    "domingo": "sunday",
    "gracias": "thanks",
    "el": "on",  # "el sabado": on Saturday
}
_SPANISH_PARTS = {"manana": "morning", "tarde": "afternoon", "noche": "evening"}


def _hour_of_day(word: str) -> bool:
    return word.isdigit() and len(word) <= 2 and int(word) < 24
