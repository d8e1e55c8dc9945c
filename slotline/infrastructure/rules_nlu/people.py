"""A caller who wants a particular person for something that is not a booking ("can I talk to Maria about my
results", "is Jen there?"): a hand-over, not a booking with them."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.domain.catalogue import StaffMember
from slotline.infrastructure.rules_nlu.words import normalise, word_at, wordset

__all__ = ["PeopleNames"]

_ROLES = wordset(
    "doctor doctors dr dentist nurse physio physiotherapist therapist hygienist stylist barber manager billing "
    "accounts owner practitioner clinician surgeon specialist colourist colorist optometrist vet"
)
_SPEAK = wordset("talk speak speaking talking chat word ask message")
_TO = wordset("to with for")
_HERE = wordset("there around in about")
_A_SERVICE_TOO = wordset("talk chat")  # "you do a talk with the vet first?": the consult, not a hand-over
_SPEAK_LOOSE = _SPEAK | wordset("call ring phone")  # anywhere in the turn, beside a name or a role
_BOOKING = wordset("book booking booked appointment appointments schedule slot slots")


_TITLE_FILLER = wordset("and of the a an for in with to at on or")
_NOT = wordset("not isnt no nothing dont doesnt")
_DENIED_REACH = 4


def _denied(words: Sequence[str], i: int) -> bool:
    """ "it's not for a booking", "nothing to do with an appointment": the booking word says what it is not;
    "before I book anything": the booking comes after the talk."""
    if word_at(words, i - 2) in _BEFORE and word_at(words, i - 1) in _WHO_BOOKS:
        return True
    return bool(_NOT & set(words[max(0, i - _DENIED_REACH) : i]))


_BEFORE = wordset("before until till")
_WHO_BOOKS = wordset("i we you")


class PeopleNames:
    """Staff names and the roles callers ask for (the catalogue's titles and everyday ones)."""

    def __init__(self, staff: Sequence[StaffMember]) -> None:
        names: set[str] = set(_ROLES)
        for member in staff:
            names.update(normalise(member.name))
            if member.title:  # "marriage and family therapist": "and" names no one
                names.update(w for w in normalise(member.title) if w not in _TITLE_FILLER)
        self._names = frozenset(names)

    def asked_for(self, words: Sequence[str], *, says_when: bool, service_named: bool) -> bool:
        """True for "talk/speak to", "a word with", "ask" or "is ... there" followed by a staff name or a role,
        when nothing in the turn is about booking (no booking word, no day or time). Without "to"/"with"
        ("is the doctor free to talk", "can Maria call me back") the turn must not name a service either."""
        words = [w for w in words if w]
        if says_when or any(w in _BOOKING and not _denied(words, i) for i, w in enumerate(words)):
            return False
        # "me phone is cracked" where a title says "phone": the word that speaks is not also the one that names
        named = any(w in self._names and w not in _SPEAK_LOOSE for w in words)
        loose = not service_named and bool(_SPEAK_LOOSE & set(words)) and named
        for i, word in enumerate(words):
            if word in _SPEAK and not (word in _A_SERVICE_TOO and word_at(words, i - 1) in ("a", "the")):
                after = words[i + 1 : i + 5]
                if word == "ask" and any(w in self._names for w in after[:2]):
                    return True
                if any(w in _TO for w in after[:3]) and any(w in self._names for w in after):
                    return True
            if word == "is" and word_at(words, i + 1) in self._names | {"the"}:
                rest = words[i + 1 : i + 5]
                if any(w in self._names for w in rest) and any(w in _HERE for w in rest):
                    return True
        return loose
