"""Business vocabulary without code (issue 13): staff by the role callers name ("the hygienist"), and services by
the words that matter when no whole name was said ("a check for the kids", "a trim with the barber").

Everything comes from the catalogue (service names, aliases and ids; staff titles). Two services that fit the words
equally well are returned as choices for the agent to ask about, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from slotline.domain.catalogue import Service, StaffMember
from slotline.domain.ids import ServiceId, StaffId
from slotline.infrastructure.rules_nlu.ages import an_age
from slotline.infrastructure.rules_nlu.catalogue_names import stem
from slotline.infrastructure.rules_nlu.chatter import KNOWN_WORDS
from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.other_events import an_occasion_of
from slotline.infrastructure.rules_nlu.words import BLANK, Found, normalise, word_at, wordset

__all__ = ["ServiceWords", "StaffTitles", "names_nothing", "says_a_child_s_age", "says_for_whom"]

# Everyday words for who a service is for, folded together so "my daughter" meets "kids check-up".
_SAME = {
    **dict.fromkeys(("kid", "kids", "child", "children", "childs", "daughter", "son", "boy", "girl", "baby"), "kid"),
    **dict.fromkeys(("pediatric", "paediatric", "teen", "teenager", "toddler", "little", "one"), "kid"),
    **dict.fromkeys(("grandson", "granddaughter", "grandchild", "grandchildren", "grandkid", "grandkids"), "kid"),
    **dict.fromkeys(("men", "mens", "man", "gents", "gent", "gentleman", "male", "guy", "guys"), "men"),
    **dict.fromkeys(("women", "womens", "woman", "ladies", "lady", "female"), "women"),
}
# Everyday words for what a service is for, folded together so "a physical for football" meets "sports physical".
_SPORTS = (
    "sports sport athletic athletics football soccer basketball baseball hockey rugby netball cricket tennis "
    "volleyball lacrosse swimming team season tryouts softball wrestling cheer cheerleading gym"
)
_PURPOSES = dict.fromkeys(_SPORTS.split(), "sport")
# Everyday words for the same treatment: "a trim" is a cut.
_SYNONYMS = {
    **{"trim": "cut", "haircut": "cut", "clean": "cleaning", "polish": "cleaning", "exam": "checkup"},
    **{"yearly": "annual", "needle": "shot", "needles": "shot", "jab": "shot", "jabs": "shot", "shots": "shot"},
    # "I had my knee replaced, the surgeon wants rehab": the replacement's rehab, after surgery
    **{"replaced": "replacement", "operation": "surgery", "operated": "surgery", "surgeon": "surgery"},
}
# Words that name no service on their own: fillers, task words, body parts and times.
_NOISE = KNOWN_WORDS | wordset(
    "book booking appointment appointments session visit please thanks thank hi hello hey today tomorrow week "
    "morning afternoon evening time day first next last new old just also then both done doing get getting "
    "she he shes hes her his their them year years old eight nine ten seven six five four three two "
    "bring brought in need needs back call ring phone number text thing quick problem looking way sort "
    "free open available slot slots earliest latest soon possible out up off over down "
    "mid"  # "mid-morning" is no "mid fade"
)
_MIN_LENGTH = 3
_ASKED_OF = frozenset(("do", "offer", "provide", "treat"))
_YOU = frozenset(("you", "ye", "yall", "yous", "youse", "u"))
_YOU_ALL = frozenset(("lot", "guys", "all", "folks", "people"))  # "do you lot do ...?", "do you guys offer ...?"
# Words before a word that describes the pet or the person, not the service: "she got big", "he's so small".
_BECOMING = wordset("got gotten getting grown grew became become so too very")
_DID = wordset("did done does")
_WHOSE = wordset("my her his their our")


def _describes(words: Sequence[str], i: int) -> bool:
    """The word at `i` describes the pet or person ("she got big") or a service already had ("she did my set")."""
    before = words[i - 1] if i > 0 else BLANK
    if words[i] in _HOLIDAYS and before in _DAYS_OFF:
        return True  # "Monday's the bank holiday": a closed day, not "jabs for my holiday"
    if words[i] == "shot" and before in _BEING:
        return True  # "her shoulders are shot": worn out, no jab or needling
    if words[i] == "lift" and (word_at(words, i + 1) in _UP or (before == "a" and word_at(words, i - 2) in _THERE)):
        return True  # "is there a lift up to you? she's in a wheelchair": the building's, no lash lift
    return before in _BECOMING or (before in _WHOSE and i > 1 and words[i - 2] in _DID)


_HOLIDAYS = wordset("holiday holidays")
_UP = wordset("up or to for")
_THERE = wordset("there theres")
_BEING = wordset("are is s was were totally completely absolutely pretty properly really just")
_DAYS_OFF = wordset("bank public national school federal") | {BLANK}


# Words for who, too common to say it on their own ("the first one", "a little later", "hey man").
_NOT_WHO_ALONE = wordset("one little man guy guys")


def _fold(word: str) -> str:
    word = _SYNONYMS.get(word, _SAME.get(word, _PURPOSES.get(word, word)))
    return _SAME.get(stem(word), _PURPOSES.get(stem(word), stem(word)))


def _content(free: Sequence[str]) -> set[str]:
    """The words said that could name a service, folded."""
    return {
        _fold(w)
        for i, w in enumerate(free)
        if w != BLANK and len(w) >= _MIN_LENGTH and (w not in _NOISE or w in _SAME) and not _describes(free, i)
    }


def _meets(said: str, name_word: str) -> bool:
    """'check' meets 'checkup', 'clean' meets 'cleaning'; otherwise whole words only."""
    if said == name_word:
        return True
    shorter, longer = sorted((said, name_word), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter)


class ServiceWords:
    """The service (or the close candidates) whose names share the most words with what the caller said."""

    def __init__(self, services: Sequence[Service]) -> None:
        self._words: list[tuple[ServiceId, frozenset[str]]] = []
        for service in services:
            words: set[str] = set()
            names = [normalise(n.replace("-", " ")) for n in (*service.spoken_names, service.id.replace("_", " "))]
            whole = {tuple(n) for n in names}
            for name in names:
                for k, raw in enumerate(name):
                    if len(name) > 2 and (*name[:k], *name[k + 1 :]) in whole:
                        continue  # "full car service" beside "full service": "car" is not what names it
                    if raw == "one" and len(name) > 1:
                        continue  # "one-on-one", "a one hour session": no "little one"
                    if raw not in _NOISE or raw in _SAME:
                        words.add(_fold(raw))
            self._words.append((service.id, frozenset(words)))
        self._for = {service_id: words & _WHO for service_id, words in self._words}  # who each one is for

    def find(self, free: Sequence[str]) -> tuple[ServiceId, ...]:
        """One service when one fits best, several when they fit equally well, none when no word fits."""
        said = _content(free)
        tied = self._best(said)
        if len(tied) > 1 and not said & _WHO:  # "my check": the check-up, not the children's one
            plain = [s for s in tied if not self._for[s]]
            return (plain[0],) if len(plain) == 1 else tied
        young = said & _YOUNG_FOLDED
        if len(tied) == 1 and young:  # "shots for the puppy": the puppy's vaccinations, or its first visit
            rivals = self._best(said - young)
            return rivals if tied[0] in rivals else tied
        return tied

    def asked_of_another(self, words: Sequence[str]) -> bool:
        """ "do you do braces for adults? like the ones to straighten teeth": the thing asked about right after "do
        you do" ("offer", "provide", "treat") meets no service's words, so the loose words after it name no service
        either."""
        for k in range(len(words) - 3):
            j = k + 2 + (word_at(words, k + 2) in _YOU_ALL)  # "do you lot do motorbike lessons?"
            if words[k] != "do" or words[k + 1] not in _YOU or word_at(words, j) not in _ASKED_OF:
                continue
            thing = [w for w in words[j + 1 : j + 4] if w not in _NOISE and w not in ("a", "an", "the", "any")]
            if not thing:
                return False
            return not any(_meets(_fold(thing[0]), w) for _, names in self._words for w in names)
        return False

    def outdone(self, found: ServiceId, free: Sequence[str]) -> ServiceId | None:
        """The one other service the words fit by at least two words more than `found`, named by one word alone
        ("get the photos off my old laptop, the hard drive's died": the data recovery, not the laptop check)."""
        scores = self._scores(_content(free) - _WHO - _PETS)  # "the same guy as last time" names no service
        leaders = self._leaders(scores)
        if len(leaders) != 1 or leaders[0] == found or scores[leaders[0]] - scores.get(found, 0) < _OUTDONE_BY:
            return None
        return leaders[0]

    def _best(self, said: set[str], among: frozenset[ServiceId] | None = None) -> tuple[ServiceId, ...]:
        return self._leaders(self._scores(said, among))

    def _scores(self, said: set[str], among: frozenset[ServiceId] | None = None) -> dict[ServiceId, int]:
        """How many of the words said each service's names meet (of `among`, when given)."""
        scores: dict[ServiceId, int] = {}
        for service_id, words in self._words:
            if among is not None and service_id not in among:
                continue
            content = [s for s in said if any(_meets(s, w) for w in words)]
            if any(c not in _WHO and c not in _PETS for c in content):  # who it is for is no service
                scores[service_id] = len(content)
        return scores

    @staticmethod
    def _leaders(scores: dict[ServiceId, int]) -> tuple[ServiceId, ...]:
        best = max(scores.values(), default=0)
        return tuple(s for s, score in scores.items() if score == best)

    def besides(self, found: ServiceId, free: Sequence[str]) -> tuple[ServiceId, ...]:
        """The services other than `found` that the words fit ("a cut and a blowout"), none when every word that fits
        a service is a word of `found`'s own names ("I'm pregnant ... and can I get a massage": the prenatal one)."""
        words = dict(self._words)
        said = _content(free)
        fitting = {s for s in said if any(_meets(s, w) for _, ws in self._words for w in ws)}
        if fitting and all(any(_meets(s, w) for w in words[found]) for s in fitting):
            return ()
        return tuple(s for s in self.find(free) if s != found)

    def sharpened(self, found: ServiceId, word: str, free: Sequence[str]) -> tuple[ServiceId, ...]:
        """A service named by one word other services' names share ("a physical for football": "physical" is the
        annual physical's id, and the sports physical's too): the one the rest of the words fit best; `found` when
        none fits better, several when they fit equally well (the agent asks)."""
        shared = _fold(word)
        return self._fitting_best(found, {s for s, words in self._words if any(_meets(shared, w) for w in words)}, free)

    def sharpened_name(
        self, found: ServiceId, name: Sequence[str], free: Sequence[str], *, others_named: bool
    ) -> tuple[ServiceId, ...]:
        """`sharpened`, for a name said in several words: one alone not filler ("check-ups for older pets"), or
        all of them in another service's names too, with no other service named ("the back of my eyes checked for
        the diabetes": the diabetic eye screening, not an eye test and the screening)."""
        content = [w for w in name if w not in _NAME_FILLER]  # "check-ups": "ups" is filler
        if len(content) == 1:
            return self.sharpened(found, content[0], free)
        if not content or others_named:
            return (found,)
        folded = [_fold(w) for w in content]
        sharing = {s for s, words in self._words if all(any(_meets(f, w) for w in words) for f in folded)}
        return self._fitting_best(found, sharing, free)

    def _fitting_best(self, found: ServiceId, sharing: set[ServiceId], free: Sequence[str]) -> tuple[ServiceId, ...]:
        if len(sharing) < 2 or found not in sharing:
            return (found,)
        # who it is for is weighed by find_for_whom, not here; the animal names no service ("a check-up for my dog")
        what = [w for w in free if _fold(w) not in _WHO and _fold(w) not in _PETS]
        words, who = dict(self._words), _for_whom(free)
        # a service for someone the caller did not name is never the sharper one ("the bike in for a service" is
        # not the "kids bike service")
        best = tuple(s for s in self.find(what) if s in sharing and (s == found or not (words[s] & _WHO) - who))
        return best if best and found not in best else (found,)

    def find_for_whom(self, free: Sequence[str]) -> tuple[ServiceId, ...]:
        """The best fitting services (as `find`) that are for who was said ("a check-up for my son": the children's
        check-up); none when the business has no such service."""
        who = _for_whom(free)
        words = dict(self._words)
        said = [*free, "child"] if _a_child(free) else free  # "a hearing test, he's seven": a child's
        return tuple(s for s in self.find(said) if who & words[s])

    def best_among(self, free: Sequence[str], among: frozenset[ServiceId]) -> tuple[ServiceId, ...]:
        """Of `among`, the services the words fit best (none when no word fits one of them)."""
        return self._best(_content(free), among)

    def only_one_for_whom(self, free: Sequence[str]) -> tuple[ServiceId, ...]:
        """The one service for who was said ("my daughter's session": the teen session), none when there are
        several or none."""
        who = _for_whom(free)
        theirs = tuple(s for s, words in self._words if who & words) if who else ()
        return theirs if len(theirs) == 1 else ()

    def best_for_whom(self, free: Sequence[str], like: ServiceId | None = None) -> tuple[ServiceId, ...]:
        """Of the services for who was said, those the words fit best, however well another fits ("is this the
        hairdresser's? the wee one's needing his hair cut, he's six": the adults' cut fits more words); with `like`,
        a service named that is for others (the women's cut), their version of it ("my wee one wants her hair
        trimmed, she's eight": the kids' cut); none for a service named that is for anyone ("a trial lesson for my
        lad, he's nine" is the trial lesson)."""
        who = _for_whom(free)
        said = _content([*free, "child"] if _a_child(free) else free)
        if like is not None:
            if not self._for[like] or self._for[like] & who:
                return ()
            said |= dict(self._words)[like] - _WHO
        return self._best(said, frozenset(s for s, ws in self._words if who & ws)) if who else ()


_OUTDONE_BY = 2
_NAME_FILLER = wordset("up ups a an the my of for s")  # inside a name as said: "check-ups", "a check up"
_WHO = frozenset(("kid", "men", "women"))
# The animal a service is for names no service alone: "she knows my cat better" is not the "cat flu vaccine".
_PETS = frozenset(_fold(w) for w in ("cat", "cats", "dog", "dogs", "pet", "pets", "rabbit", "rabbits"))


def _for_whom(free: Sequence[str]) -> frozenset[str]:
    said = frozenset(
        _fold(w)
        for i, w in enumerate(free)
        if w != BLANK and w not in _NOT_WHO_ALONE and not an_occasion_of(free, i)  # "at our kid's wedding"
    )
    said &= _WHO
    return said | {"kid"} if _a_child(free) else said


def _a_child(words: Sequence[str]) -> bool:
    """An age said that is a child's ("he's seven", "she is 9", "six years old")."""
    inside = 0  # "seventy-one" is seventy-one, never "one"
    for i in range(len(words)):
        count = cardinal_at(words, i) if i >= inside else None
        inside = max(inside, count.end) if count is not None else inside
        pregnant = word_at(words, count.end + 1) in _CARRYING if count is not None else False
        young_pet = count is not None and word_at(words, count.end) in _MONTHS and bool(_YOUNG_PETS & set(words))
        if count is not None and count.value < _ADULT and an_age(words, i) and not (pregnant or young_pet):
            return True  # not "five months pregnant", not "my pup, he's four months"
    return False


_ADULT = 16
_CARRYING = wordset("pregnant along gone")
_MONTHS = wordset("months month weeks week")
_YOUNG_PETS = wordset("pup pups puppy puppies kitten kittens dog dogs cat cats doodle foal")
_YOUNG_FOLDED = frozenset(_fold(w) for w in ("pup", "pups", "puppy", "puppies", "kitten", "kittens", "foal"))


def says_a_child_s_age(words: Sequence[str]) -> bool:
    """An age said that is a child's ("me lad's seven"): a surer sign than loose words ("a big boy", "my little")."""
    return _a_child(words)


def names_nothing(words: Sequence[str]) -> bool:
    """Words that name no service on their own ("session", "appointment"): any service could be meant."""
    return all(w in _NOISE and w not in _SAME for w in words)


def says_for_whom(free: Sequence[str]) -> bool:
    """A word left over that says who the service is for ("my son's check-up", "a trim for my daughter")."""
    return bool(_for_whom(free))


class StaffTitles:
    """'the hygienist', 'a physiotherapist': the one staff member with that title (a shared title names no one)."""

    def __init__(self, staff: Sequence[StaffMember]) -> None:
        owners: dict[tuple[str, ...], set[StaffId]] = {}
        for member in staff:
            if member.title:
                owners.setdefault(tuple(stem(w) for w in normalise(member.title)), set()).add(member.id)
        self._titles = {title: next(iter(ids)) for title, ids in owners.items() if len(ids) == 1 and title}
        self._longest = max((len(t) for t in self._titles), default=0)

    def find(self, free: Sequence[str]) -> Found[StaffId] | None:
        for i in range(len(free)):
            for size in range(min(self._longest, len(free) - i), 0, -1):
                run = tuple(stem(w) for w in free[i : i + size])
                if BLANK in run:
                    continue
                if run in self._titles:
                    return Found(self._titles[run], i, i + size)
                short = [who for title, who in self._titles.items() if _shortened(run, title)]
                if len(short) == 1:  # "the lady physio": the lady physiotherapist
                    return Found(short[0], i, i + size)
        return None


def _shortened(said: tuple[str, ...], title: tuple[str, ...]) -> bool:
    """ "lady physio" of "lady physiotherapist": the title with its last word cut short, as callers say it."""
    if len(said) != len(title) or len(title) < 2 or said[:-1] != title[:-1]:
        return False  # a one-word title is said whole: "a full groom" is no "groomer"
    last, full = said[-1], title[-1]
    return len(last) >= _MIN_SHORT and len(full) > len(last) and full.startswith(last)


_MIN_SHORT = 5  # "physio" of "physiotherapist"; shorter cuts ("phys") name nothing
