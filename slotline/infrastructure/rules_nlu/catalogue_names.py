"""Service and staff names as callers say them, matched with tolerance for small recognition errors."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from slotline.domain.catalogue import Service, StaffMember
from slotline.domain.ids import ServiceId, StaffId
from slotline.infrastructure.rules_nlu.chatter import KNOWN_WORDS
from slotline.infrastructure.rules_nlu.words import BLANK, Found, normalise, word_at, wordset

__all__ = ["SERVICE_THRESHOLD", "STAFF_THRESHOLD", "ServiceNames", "StaffNames", "name_stem", "stem"]

SERVICE_THRESHOLD = 0.85  # "hair cat" ~ "haircut" is 0.857; "check" ~ "checkup" is 0.83 and must not match
STAFF_THRESHOLD = 0.75  # only right after "with"/"see": "with jordon" -> Jordan, "with alec" -> Alex
_MIN_FUZZY_LENGTH = 4  # shorter words match exactly or not at all ("dye" is not "day")
# Words that never start or end a service name as said ("a haircut", "the massage for me"), unless the
# catalogue's own names use them.
_EDGE_WORDS = KNOWN_WORDS
# Everyday words: a staff member whose first name is one of these ("Will", "May") is only recognised after "with".
_COMMON = wordset(
    "will may june april august mark grace joy hope faith rose art bill sue pat max sunny summer dawn guy ray rob "
    "drew chase hunter victor miles lane young hill king brown green white black long price rice wood stone little "
    "cook baker rivers page bell ford park"
)
_STAFF_LEADS = wordset("with see by from prefer")


def stem(word: str) -> str:
    """Strip a plural or "-ing" so that "haircuts" and "colouring" meet "haircut" and "colour"."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def name_stem(word: str) -> str:
    """`stem`, and "-ed" too inside a service's name ("claws clipped" is the "claw clip"), a doubled last letter
    undone ("clipped", "clipping"). Not for loose service words: "she's already assessed it" names no assessment."""
    if len(word) > 5 and word.endswith("ed") and not word.endswith("eed"):
        root = word[:-2]
    elif len(word) > 5 and word.endswith("ing"):
        root = word[:-3]
    else:
        return stem(word)
    return root[:-1] if len(root) > 2 and root[-1] == root[-2] and root[-1] in "bdgmnprt" else root


_LENGTH_UNITS = wordset("minute minutes min mins hour hours")


def _how_long(words: Sequence[str]) -> list[list[str]]:
    """The length a service's name ends or starts with ("body massage 90 minutes", "90 minute driving lesson"), in
    the forms a caller says it ("90 minutes", "90 minute")."""
    for length in (words[-2:], words[:2]):
        if len(words) > 2 and len(length) == 2 and length[0].isdigit() and length[1] in _LENGTH_UNITS:
            unit = length[1].rstrip("s")
            return [[length[0], unit], [length[0], unit + "s"]]
    return []


_NOT_A_LENGTH_BEFORE = wordset("in within next about around than over under another")
_NOT_A_LENGTH_AFTER = wordset("away late early ago from later before after drive walk ride")


def _a_length_wished(words: Sequence[str], start: int, end: int) -> bool:
    """ "change to 90 minutes", "the 90 minutes one": the length of the service; not "in 90 minutes" (when) or "90
    minutes away" (how far)."""
    return word_at(words, start - 1) not in _NOT_A_LENGTH_BEFORE and word_at(words, end) not in _NOT_A_LENGTH_AFTER


def _key(words: Sequence[str]) -> str:
    """The words as one key; an article is any article ("after an operation" is "after the operation")."""
    return "".join(name_stem(_ARTICLES.get(w, w)) for w in words)


_ARTICLES = {"a": "the", "an": "the"}


_NEAR_EXACT = 0.99  # below an exact name, above any fuzzy match


class ServiceNames:
    """Every way the catalogue names a service, prepared once: exact keys and fuzzy matchers.

    A name two services share is left out: it would be a guess.
    """

    def __init__(self, services: Sequence[Service], threshold: float = SERVICE_THRESHOLD) -> None:
        self._threshold = threshold
        owners: dict[str, set[ServiceId]] = {}
        self._name_words: dict[str, frozenset[str]] = {}  # each key's words, stemmed
        named: set[str] = set()
        lengths: set[str] = set()
        self._longest = 1
        for service in services:
            for name in (*service.spoken_names, service.id):
                words = normalise(name.replace("_", " "))
                named.update(words)
                self._longest = max(self._longest, len(words))
                owners.setdefault(_key(words), set()).add(service.id)
                self._name_words[_key(words)] = frozenset(name_stem(w) for w in words)
                for length in _how_long(words):  # "Body massage, 90 minutes": "90 minutes" alone, if only it says so
                    owners.setdefault(_key(length), set()).add(service.id)
                    self._name_words[_key(length)] = frozenset(name_stem(w) for w in length)
                    lengths.add(_key(length))
        self._exact = {key: next(iter(ids)) for key, ids in owners.items() if key and len(ids) == 1}
        self._fuzzy = [
            (SequenceMatcher(None, b=key, autojunk=False), frozenset(key), len(key), service_id, key)
            for key, service_id in self._exact.items()
            if len(key) >= _MIN_FUZZY_LENGTH
        ]
        self._edges = _EDGE_WORDS - named
        self._lengths = frozenset(lengths - {_key(normalise(n)) for sv in services for n in sv.spoken_names})

    def _score(self, key: str, said: Sequence[str] | None = None) -> tuple[float, ServiceId | None]:
        exact = self._exact.get(key)
        if exact is not None:
            return 1.0, exact
        if len(key) < _MIN_FUZZY_LENGTH:
            return 0.0, None
        scores: dict[ServiceId, float] = {}
        for matcher, entry_letters, length, service_id, name in self._fuzzy:
            total = length + len(key)
            if 2 * min(length, len(key)) < self._threshold * total:
                continue  # the length difference alone rules it out
            if 2 * sum(map(entry_letters.__contains__, key)) < self._threshold * total:
                continue  # too many letters the name does not have at all
            if said is not None and _short_of(said, self._name_words[name]):
                continue  # "a haircut" is not a mishearing of "cat haircut": it lacks the word that names it
            if said is not None and _others_for(said, self._name_words[name]):
                continue  # "a haircut for my son" is not "haircut for men": who it is for is never misheard
            matcher.set_seq1(key)
            scores[service_id] = max(scores.get(service_id, 0.0), matcher.ratio())
        ranked = sorted(scores.values(), reverse=True)
        if not ranked or ranked[0] < self._threshold or ranked[1:2] == ranked[:1]:
            return 0.0, None  # nothing close enough, or two services equally close
        return ranked[0], max(scores, key=scores.__getitem__)

    def exact(self, run: Sequence[str], service: ServiceId) -> bool:
        """`run` holds one of the catalogue's names for `service` as written (stems and a plural aside), not only a
        close match ("one laser session also" holds "laser session")."""
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                words = list(run[i:j])
                plural = len(words[-1]) > 3 and words[-1].endswith("s")
                keys = (_key(words), _key([*words[:-1], words[-1][:-1]]) if plural else "")
                if any(self._exact.get(key) == service for key in keys if key):
                    return True
        return False

    def find(self, words: Sequence[str]) -> Found[ServiceId] | None:
        """The service named best, from the best-scoring run of up to (longest name + 1) words."""
        best: tuple[float, int, int] = (0.0, 0, 0)
        best_found: Found[ServiceId] | None = None
        for start, first in enumerate(words):
            if first == BLANK or first in self._edges:
                continue
            for end in range(start + 1, min(len(words), start + self._longest + 1) + 1):
                run = words[start:end]
                if BLANK in run or run[-1] in self._edges:
                    continue
                score, service_id = self._score(_key(run), run)
                if _key(run) in self._lengths and not _a_length_wished(words, start, end):
                    continue  # "can I come in 90 minutes?", "I'm 90 minutes away": no massage of that length
                if service_id is None and len(run[-1]) > 3 and run[-1].endswith("s"):  # "my tracking's out"
                    service_id = self._exact.get(_key([*run[:-1], run[-1][:-1]]))
                    score = _NEAR_EXACT
                rank = (score, end - start, -start)
                if service_id is not None and rank > best:
                    best, best_found = rank, Found(service_id, start, end)
        return best_found


_WHO = {
    **dict.fromkeys(("men", "mens", "man", "gents", "gent", "gentleman", "gentlemen"), "men"),
    **dict.fromkeys(("women", "womens", "woman", "ladies", "lady"), "women"),
    **dict.fromkeys(("kid", "kids", "child", "children", "childs", "boy", "boys", "girl", "girls"), "kid"),
    **dict.fromkeys(("son", "sons", "daughter", "daughters", "baby", "babies"), "kid"),
}


_WHO_STEMS = {name_stem(word): who for word, who in _WHO.items()}


def _others_for(said: Sequence[str], name: frozenset[str]) -> bool:
    """The words said and a name (stemmed) say differently who the service is for ("for my son" against "for
    men")."""
    mine = {_WHO_STEMS[w] for w in map(name_stem, said) if w in _WHO_STEMS}
    return mine != {_WHO_STEMS[w] for w in name if w in _WHO_STEMS}


def _short_of(said: Sequence[str], name: frozenset[str]) -> bool:
    """The words said are a name's own words but for one or more of them, with at most small words beside ("a
    haircut" against "cat haircut"): a less specific request, not a misheard name."""
    stems = [name_stem(w) for w in said]
    kept = [w for w in stems if w in name]
    return bool(kept) and bool(name - set(kept)) and all(w in name or w in KNOWN_WORDS for w in stems)


class StaffNames:
    """Staff as callers name them: full name, or a first or last name no one else has; close misses after "with".

    A single name that is also an everyday word ("Will", "Young") counts only after "with" or "see".
    """

    def __init__(self, staff: Sequence[StaffMember], threshold: float = STAFF_THRESHOLD) -> None:
        self._threshold = threshold
        self._names: dict[tuple[str, ...], StaffId] = {}
        single: dict[str, set[StaffId]] = {}
        for member in staff:
            words = tuple(normalise(member.name))
            if words:
                self._names[words] = member.id
                for word in {words[0], words[-1]}:
                    single.setdefault(word, set()).add(member.id)
            if member.id.isalpha():  # the business's own short name for them: "tash" for Natasha Kovac
                single.setdefault(member.id.lower(), set()).add(member.id)
        unique = {word: next(iter(ids)) for word, ids in single.items() if len(ids) == 1}
        for word, staff_id in unique.items():
            self._names.setdefault((word,), staff_id)
            if not word.endswith("s") and word + "s" not in KNOWN_WORDS:
                self._names.setdefault((word + "s",), staff_id)  # "if Sofia's in", "is Hannah's free"
        self._guarded = {(f,) for w in unique if w in _COMMON or w in KNOWN_WORDS for f in (w, w + "s")}
        self._longest = max((len(n) for n in self._names), default=1)
        self._fuzzy = [
            (SequenceMatcher(None, b=word, autojunk=False), staff_id)
            for word, staff_id in unique.items()
            if len(word) >= 3
        ]

    def _close(self, word: str) -> StaffId | None:
        scores: dict[StaffId, float] = {}
        for matcher, staff_id in self._fuzzy:
            matcher.set_seq1(word)
            scores[staff_id] = max(scores.get(staff_id, 0.0), matcher.ratio())
        ranked = sorted(scores.values(), reverse=True)
        if not ranked or ranked[0] < self._threshold or ranked[1:2] == ranked[:1]:
            return None
        return max(scores, key=scores.__getitem__)

    def find(self, words: Sequence[str]) -> Found[StaffId] | None:
        """The staff member named first, preferring the longest name at each position."""
        for i, word in enumerate(words):
            if word == BLANK:
                continue
            led = word_at(words, i - 1) in _STAFF_LEADS
            for size in range(min(self._longest, len(words) - i), 0, -1):
                name = tuple(words[i : i + size])
                staff_id = self._names.get(name)
                if staff_id is not None and (led or size > 1 or name not in self._guarded):
                    return Found(staff_id, i, i + size)
            if led and len(word) >= 3:
                staff_id = self._close(word)
                if staff_id is not None:
                    return Found(staff_id, i, i + 1)
        return None
