"""Questions a receptionist answers (price, insurance, payment, opening hours, parking, address, directions, what a
treatment involves, the business's own questions): which fact is asked, and about what."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import combinations

from slotline.domain.catalogue import Catalogue
from slotline.domain.questions import Question, Topic
from slotline.infrastructure.rules_nlu.chatter import KNOWN_WORDS
from slotline.infrastructure.rules_nlu.dates import WEEKDAYS
from slotline.infrastructure.rules_nlu.inflections import root, roots
from slotline.infrastructure.rules_nlu.numbers import cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.words import normalise, wordset

__all__ = ["FactQuestions", "looks_like_a_question"]

_PLURAL_DAYS = {name + "s": weekday for name, weekday in WEEKDAYS.items() if name.endswith("day")}
_GENERIC = wordset(
    "and or the a an of by with pay payment payments health healthcare dental medical insurance insurer care plan "
    "plans life cover coverage scheme schemes card cards referral referrals"
)


def _any(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


_WHO = r"(?:you|ye|yous|it|the \w+)(?: guys)?"  # Irish "ye"
_WEEKDAY_NAMES = "|".join(f"{d}days?" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))
_HOW_OFTEN = r"(?:actually |exactly |usually |normally )?"
# "what exactly do you do in a hot towel shave?", "what will they do at the assessment?"
_WHAT_IS_DONE = rf"what {_HOW_OFTEN}(?:do|will|would|does) (?:you|they|the \w+) {_HOW_OFTEN}do (?:in|at|for|during)"
_APPOINTMENT = r"(?:appointment|booking|session|visit|one)"
_STILL = r"still (?:at|on|for|booked|happening|going ahead|set)"
_TOPICS: tuple[tuple[Topic, re.Pattern[str]], ...] = (
    (
        Topic.MY_APPOINTMENT,  # the caller's own appointment, not a fact of the business
        _any(
            rf"is (?:it|that|mine|my (?:\w+ ){{0,3}}?{_APPOINTMENT}) {_STILL}",
            rf"(?:what time|when) is my (?:next )?(?:\w+ ){{0,2}}?{_APPOINTMENT}",
            rf"(?:whats|what is) the time of my (?:\w+ ){{0,2}}?{_APPOINTMENT}",
            rf"do (?:i|we) (?:still )?have an? {_APPOINTMENT}",
            rf"(?:checking|confirming|to check|to confirm) (?:my|the time of my) (?:\w+ ){{0,2}}?{_APPOINTMENT}",
        ),
    ),
    (
        Topic.PRICE,
        _any(
            r"how much(?! (?:time|notice|longer))",
            r"whats the damage",
            r"set (?:me|us|you) back",
            r"prices?",
            "pricing",
            r"costs?",
            "costing",
            r"charges?",
            r"fees?",
            "expensive",
            "cheap",
            "rates",
        ),
    ),
    (
        Topic.INSURANCE,
        _any(
            "insurance",
            "insurer",
            "insured",
            "covered",
            "coverage",
            "in network",
            "out of network",
            r"referrals?",
            r"health (?:plan|scheme)",
            "nhs",
        ),
    ),
    (
        Topic.PAYMENT,
        _any(
            "pay",
            "paying",
            r"payments?",
            "cash",
            "credit",
            "debit",
            "contactless",
            r"cheques?",
            "venmo",
            "paypal",
            "zelle",
            "amex",
            "visa",
            "mastercard",
            "apple pay",
            "google pay",
            "financing",
            "bank transfer",
            r"(?<!gift )cards?",
        ),
    ),
    (
        Topic.OPENING,
        _any(
            rf"(?:are|is) {_WHO} (?:open|closed)",
            r"(?:you|we) (?:guys |all )?(?:re )?(?:open|closed) (?:on|at|over|during|this|next|today|tomorrow)",
            # "and you folks open New Year's Day?"
            r"(?<!can )(?<!could )(?<!would )\byou (?:folks|guys|all|people) (?:open|closed)\b",
            rf"(?:what time|when|what days|which days|what hours|how late|how early) (?:do|are|does|will) {_WHO} "
            r"(?:open|close|closed|shut|work|finish|start)",
            rf"(?:do|does|will) {_WHO} (?:open|close|shut)",
            r"(?:do|are) you (?:guys )?(?:do|work|open|working) (?:on )?(?:the )?(?:weekends?|"
            + "|".join(f"{d}days" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))
            + ")",
            r"opening (?:hours|times|days)",
            rf"(?:what time|how late) (?:are|is) {_WHO} open (?:till|until|to)\b",  # "what time are ye open till?"
            r"(?:until|till|til) what time\b",  # "and Saturday the eleventh, until what time?"
            r"(?:your|the|what) timings?\b",  # Pakistani and Indian English: "what is your timing on Sunday?"
            r"(?:your|the|business|office|working|clinic|salon) hours",
            # not "those are school hours. do you have Saturday morning instead?": someone else's hours, then a wish
            r"(?<!school )(?<!work )(?<!office )(?<!visiting )(?<!my )(?<!his )(?<!her )(?<!our )hours (?:are|do) you",
            r"open (?:late|early|on weekends?|on saturdays?|on sundays?)",
            # "sunday is holiday for you?", "is saturday a working day?", "are sundays off?"
            rf"\b(?:{_WEEKDAY_NAMES}) (?:is|are) (?:a |your )?(?:holiday|off|closed|working|a day off)\b",
            rf"\b(?:{_WEEKDAY_NAMES}) (?:also|too) open\b",  # Indian English: "Sunday also open?"
            rf"\b(?:is|are) (?:{_WEEKDAY_NAMES}) (?:a |your )?(?:holiday|off|closed|working|day off)\b",
        ),
    ),
    # "she was limping since the dog park": a place, no parking
    (
        Topic.PARKING,
        _any(
            r"(?<!dog )(?<!skate )(?<!theme )(?<!water )(?<!national )park",
            "parking",
            "parked",
            "car park",
            "garage",
            "valet",
        ),
    ),
    (
        Topic.DIRECTIONS,
        _any(
            "directions",
            # "how do I get there"; not "can't get there by 10", "I could get there earlier", "get there for nine"
            r"(?<!cant )(?<!cannot )(?<!not )(?<!wont )(?<!couldnt )get (?:there|to you)"
            r"(?! (?:earlier|early|sooner|later|late|by|for|before|after|at|on time|in time|from work|for \d))",
            "find you",
            "entrance",
            "which floor",
            r"near(?:est)? (?:the |a )?(?:station|stop|subway|tube|metro)",
            "easy to find",
            "subway",
            "tube",
            "train station",
            "bus stop",
            "how do i get",
            r"how (?:to|can i|would i|do we|can we) get (?:to|there)",  # "from the MTR how to get to your shop?"
            r"which exit",
            r"(?:on|by|taking|take) (?:the )?(?:streetcar|bus|tram|train|subway|metro|underground|ttc|skytrain|luas)",
        ),
    ),
    (
        Topic.ADDRESS,
        _any(
            "address",
            "located",
            "location",
            # "where to are you": Welsh English
            r"where (?:to )?(?:exactly |precisely |actually |abouts )?(?:are|is) (?:you|it|the|your)",
            r"wheres (?:the|your)",
            r"where (?:are |r )?(?:you|ya|yall)(?: all| guys)? (?:at|based|situated)(?! with| on| for)",  # "y'all at"
            "whereabouts",
            "postcode",
            "zip code",
            r"(?:what|which) street",
            r"(?:what|which) (?:area|part of town|neighbou?rhood)",
        ),
    ),
    (
        Topic.DESCRIPTION,
        _any(
            r"involve[sd]?",
            r"entails?",
            "consist",
            r"what (?:actually |exactly |usually |normally )?happens",
            r"tell me (?:more )?about",
            r"what (?:is|s) (?:a|an)",
            r"whats (?:a|an)",
            r"how long (?:does|do|is|will|would)",
            _WHAT_IS_DONE,
            r"what(?:s| is) (?:involved|included) in",
            r"what (?:do|does) (?:a|an|the) .{1,40} (?:include|cover)",
            r"what (?:all )?(?:comes|come) with",  # "what all comes with the spa pedicure?"
            # "what is dry needling exactly?", "is it like acupuncture?" (a service must be named, see below)
            r"what(?:s| is) (?!the |your |my |it |that |this |there )\w+(?: \w+)? (?:exactly|actually)",
            r"\bis (?:it|that) (?:like|the same as|similar to)\b",
            r"what do (?:i|you) get (?:with|in|for)",
            r"when (?:its|it is) at home",  # British: "what's grey blending when it's at home?"
            r"what (?:do|does) (?:you|they|it) (?:actually |exactly |even )?do\b",
        ),
    ),
)
_NEEDS_SERVICE = (Topic.DESCRIPTION,)
# Beside a question about a place, "how much is it" is about that place; beside insurance or payment ("how much is
# it, and do you take Manulife?") it is the price of what is being booked.
_PLACES = (Topic.ADDRESS, Topic.DIRECTIONS, Topic.PARKING)  # "what is the earliest" is not a question about a treatment
_HOLIDAY_FILLER = wordset("the a of for our")
_HOLIDAY_GENERIC = wordset("holiday holidays public national closed closure staff training")
_CLAUSES = re.compile(r"[?.!;]+|\b(?:and|also|plus)\b", re.IGNORECASE)
_CANCEL = re.compile(r"\bcancel\w*")
_HOW_MUCH = re.compile(r"\b(?:how much|what does it cost|whats the price|what is the price)\b")
_PAYING_ONESELF = re.compile(
    r"\b(?:ill|i will|well|we will|ill just|i can just) pay (?:for it )?(?:myself|ourselves|out of pocket|privately|"
    r"private|on my own)\b"
)
_NAMING = wordset("take accept use with by using for pay")  # the words after which a scheme or a way to pay is named
# Talk about the call or the offers, not about the business: "can you hear me", "what's the latest you have?".
_NOT_A_FACT = wordset(
    "hear listen understand help repeat spell explain call calling ring talk speak latest earliest soonest last "
    "question wondering wonder first nothing sometime somewhen youve weve theyve youll youd isnt arent havent hasnt "
    "anyone anybody someone somebody "
    "wasnt werent"
)
_WONDERING = re.compile(
    r"\b(?:i was wondering|i wonder|wanted to ask|want to ask|(?:a|one) question about|quick question)\b"
)
_GREETING = wordset("hi hiya hello hey hallo helo morning afternoon evening right ok okay so and oh um uh")
_AFTER_GREETING = wordset("there love mate")
_QUESTION_START = wordset("do does can could is are will would have what whats how where why who which when any")


_FAQ_WINDOW = 3  # extra words a phrase's words may be spread over ("letter from my gp" for "gp letter")


def _close_together(said: Sequence[str], phrase: tuple[str, ...]) -> bool:
    """Every word of `phrase` within a window of its length plus `_FAQ_WINDOW` words, in any order."""
    size = len(phrase) + _FAQ_WINDOW
    wanted = set(phrase)
    return any(wanted <= set(said[i : i + size]) for i in range(max(1, len(said) - size + 1)))


# Where a scheme's or a way to pay's own name ends and a condition on it begins: "Klarna for bills over £100".
_CONDITION = wordset("for over under above below up from on when if except only than per")


def _name_words(name: str) -> list[str]:
    """The words that name a scheme or a way to pay, without the condition written after it."""
    words = normalise(name)
    end = next((i for i, w in enumerate(words) if i and w in _CONDITION), len(words))
    return words[:end]


_EVERYDAY = wordset("next last new old early late plus health care")


def _distinctive(word: str) -> bool:
    """A word of a scheme's name that may stand for it alone: not an everyday, booking or number word ("first" in
    Health First Colorado is "the first one")."""
    if word in KNOWN_WORDS or word in _EVERYDAY:
        return False
    return cardinal_at([word], 0) is None and ordinal_at([word], 0) is None


class _Names:
    """Insurance schemes or ways to pay as the catalogue writes them, found by a distinctive word: one no other name
    of the list shares ("life" is in Sun Life and Canada Life) and no everyday word ("great" in Great-West Life)."""

    def __init__(self, names: Sequence[str]) -> None:
        words = {name: {root(w) for w in _name_words(name)} - _GENERIC for name in names}
        shared = {w for a, b in combinations(words.values(), 2) for w in a & b}
        # A name with no distinctive word ("First Mutual" beside "Old Mutual") is found only said whole
        self._names = [
            (name, {w for w in said if w not in shared and _distinctive(w)}, "".join(_name_words(name)))
            for name, said in words.items()
        ]
        self._all_words = words

    def find(self, said: Sequence[str], joined: set[str]) -> str | None:
        """The name said; of several, the one with most of its words said ("Cash App" before "cash")."""
        heard = set(said)
        found = [
            (len(words & heard), len(self._all_words[name] & heard), name)
            for name, words, key in self._names
            if words & heard or key in joined
        ]
        return max(found, key=lambda f: f[:2])[2] if found else None

    def several(self, said: Sequence[str], joined: set[str]) -> bool:
        """Whether two names are said, neither part of the other ("PromptPay or cash"; not "Cash App", which holds
        "cash")."""
        heard = set(said)
        found = [
            self._all_words[name] & heard or {key} for name, words, key in self._names if words & heard or key in joined
        ]
        return sum(not any(one < other for other in found) for one in found) > 1


def _joined(words: Sequence[str]) -> set[str]:
    """Runs of up to three words run together ("met life" -> "metlife")."""
    return {"".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}


_SERVICE_OPEN = re.compile(r"\bservice (?:open|free|available|going)\b")
_HAVE_OPEN = re.compile(r"\b(?:have|got) (?:a|an|any) (?:\w+ ){1,4}(?:open|free|available)\b")
# "do you do ...?", "do you people offer ...?": whether something is offered at all
_ASKS_IF_OFFERED = re.compile(
    r"\b(?:do|does|can|could) (?:you|they)(?: guys| people| all)? (?:do|offer|have|provide)\b"
)


class FactQuestions:
    """The questions of one catalogue: its schemes, ways to pay, holidays and own question phrases, prepared once."""

    def __init__(self, catalogue: Catalogue) -> None:
        facts = catalogue.business.facts
        self._schemes = _Names(facts.insurance.accepted + facts.insurance.declined)
        self._payment = _Names(facts.payment)
        self._faq = [
            (i, [tuple(root(w) for w in normalise(a)) for a in entry.ask]) for i, entry in enumerate(facts.faq)
        ]
        self._faq_words = [frozenset(roots(normalise(" ".join((*e.ask, e.answer))))) for e in facts.faq]
        dated = [(c.reason, c.day) for c in catalogue.closures] + [(s.reason, s.day) for s in catalogue.special_hours]
        self._holidays = [(_holiday_names(reason), day) for reason, day in dated if reason.strip()]
        names = (tuple(normalise(name)) for service in catalogue.services for name in service.spoken_names)
        self._service_names = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)

    def _topic_text(self, words: Sequence[str]) -> str:
        """`words` with the services' names of two words or more said as one word: "a parallel parking session"
        asks nothing about parking, "what's vestibular therapy exactly?" still asks what a service is."""
        kept, i = [], 0
        while i < len(words):
            name = next((n for n in self._service_names if tuple(words[i : i + len(n)]) == n), None)
            kept.append("service" if name else words[i])
            i += len(name) if name else 1
        return " ".join(kept)

    def find(self, words: Sequence[str], *, day: date | None, today: date, service_named: bool) -> Question | None:
        """The question in the turn, if any. `day` is the one day the turn names; `service_named` if it names one."""
        words = [w for w in words if w]
        text = " ".join(words)
        said = roots(words)
        topic_text = self._topic_text(words)
        topic = next((t for t, pattern in _TOPICS if pattern.search(topic_text)), None)
        if topic is Topic.PAYMENT and _PAYING_ONESELF.search(text):
            topic = None  # "no problem, I'll pay myself": told, not asked
        slot_asked = _SERVICE_OPEN.search(topic_text) or (service_named and _HAVE_OPEN.search(text))
        if topic is Topic.OPENING and slot_asked:
            topic = None  # "do you have a hot stone massage open on Saturday?": a free slot asked for
        if topic in _NEEDS_SERVICE and not service_named and "involve" not in text:
            topic = None
        joined = _joined(words)
        scheme = self._schemes.find(said, joined)
        if topic in (None, Topic.PRICE, Topic.INSURANCE, Topic.PAYMENT) and scheme is not None:
            return Question(Topic.INSURANCE, subject=scheme)  # named by the caller: the most direct answer
        faq = self._faq_asked(roots(topic_text.split()))  # "a jewellery change Saturday" asks nothing of jewellery
        if faq is not None and _ASKS_IF_OFFERED.search(text) and self._qualified_otherwise(faq, words, said):
            return Question(Topic.UNKNOWN)  # "do you do lash extensions?" of an FAQ about braid extensions
        if faq is not None and not (service_named and topic in (Topic.PRICE, Topic.DESCRIPTION)):
            return Question(Topic.FAQ, faq=faq)
        unnamed = roots(topic_text.split())  # "my video check-in ... with Dr. Ruiz": a service's name pays nothing
        unnamed_joined = _joined(topic_text.split())
        payment = self._payment.find(unnamed, unnamed_joined)
        if topic in (None, Topic.PRICE, Topic.PAYMENT) and payment is not None and _asks_about_paying(words):
            several = self._payment.several(
                unnamed, _joined(topic_text.split())
            )  # "PromptPay or cash only?": every way, both among them
            return Question(Topic.PAYMENT, subject=None if several else payment)
        if topic is Topic.PAYMENT and service_named:
            return Question(Topic.PRICE)  # "what would I pay for a check-up"
        if topic is Topic.PRICE and _CANCEL.search(text):
            return Question(Topic.UNKNOWN)  # a cancellation fee is a policy only the business's own questions give
        if topic in (Topic.INSURANCE, Topic.PAYMENT):
            return Question(topic, unlisted=_unlisted(words))
        if topic is Topic.OPENING:
            return self._opening(words, day, today)
        if topic is not None:
            return Question(topic)
        return None

    def find_all(
        self, utterance: str, words: Sequence[str], *, day: date | None, today: date, service_named: bool
    ) -> tuple[Question, ...]:
        """Every question in the turn, one per clause ("do you take Aetna? and is there parking?"), in order."""
        whole = self.find(words, day=day, today=today, service_named=service_named)
        if whole is None:
            return ()
        found: list[Question] = []
        for clause in _CLAUSES.split(utterance):
            said = normalise(clause)
            question = self.find(said, day=day, today=today, service_named=service_named)
            if question is not None and question not in found:
                found.extend(q for q in self._with_its_twin(question, said) if q not in found)
        alone = self._with_its_twin(whole, words)
        if len(found) < 2 or all(q in alone for q in found):  # one question, or one with its twin
            return alone
        named = {q.topic for q in found if q.subject is not None}
        found = [q for q in found if q.subject is not None or q.topic not in named]  # "debit and credit cards"
        if any(q.topic is Topic.DIRECTIONS for q in found):
            found = [q for q in found if q.topic is not Topic.ADDRESS]  # the directions say the address
        if not service_named and any(q.topic in _PLACES for q in found):  # "how much is it and where are you":
            found = [q for q in found if q.topic not in (Topic.PRICE, Topic.DESCRIPTION)] or found  # the place's
        return tuple(found)

    def _with_its_twin(self, question: Question, words: Sequence[str]) -> tuple[Question, ...]:
        """A question with the one its words also ask: "how much is it if I pay cash?" is the price and the payment;
        "do you direct bill Sun Life?" whether the plan is taken and the business's own answer about it."""
        if question.topic is Topic.PAYMENT and _HOW_MUCH.search(" ".join(w for w in words if w)):
            return (Question(Topic.PRICE), question)
        faq = self._faq_asked(roots([w for w in words if w])) if question.topic is Topic.INSURANCE else None
        if faq is not None:
            return (question, Question(Topic.FAQ, faq=faq))
        return (question,)

    def names_a_faq(self, words: Sequence[str]) -> bool:
        """Whether the turn says one of the business's own question phrases ("whitening")."""
        return self._faq_asked(roots([w for w in words if w])) is not None

    def _faq_asked(self, said: list[str]) -> int | None:
        """The FAQ whose phrase is said; of several, the one with the longest phrase ("french tips" before "tips")."""
        said_in_full = [
            (len(phrase), index)
            for index, phrases in self._faq
            for phrase in phrases
            if any(tuple(said[i : i + len(phrase)]) == phrase for i in range(len(said) - len(phrase) + 1))
        ]
        if said_in_full:
            return max(said_in_full, key=lambda found: (found[0], -found[1]))[1]  # the first FAQ of the longest
        for index, phrases in self._faq:  # "a letter from my gp" for "gp letter": the words close together
            if any(len(phrase) > 1 and _close_together(said, phrase) for phrase in phrases):
                return index
        return None

    def _qualified_otherwise(self, faq: int, words: Sequence[str], said: Sequence[str]) -> bool:
        """A one-word phrase of the FAQ said right after a word the FAQ never uses ("lash" before "extensions")."""
        known = self._faq_words[faq]
        singles = {phrase[0] for index, phrases in self._faq if index == faq for phrase in phrases if len(phrase) == 1}
        return any(
            w in singles
            and i > 0
            and words[i - 1].isalpha()
            and words[i - 1] not in KNOWN_WORDS
            and said[i - 1] not in known
            for i, w in enumerate(said)
        )

    def _opening(self, words: list[str], day: date | None, today: date) -> Question:
        for word in words:
            if word in _PLURAL_DAYS:
                return Question(Topic.OPENING, weekday=_PLURAL_DAYS[word])
        runs = {tuple(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
        named = [(max(len(n) for n in names & runs), when) for names, when in self._holidays if names & runs]
        named = [(size, when) for size, when in named if when >= today]
        best = max((size for size, _ in named), default=0)
        days = {when for size, when in named if size == best}
        if len(days) == 1:  # "christmas" alone names both Christmas Eve and Christmas Day: no one day
            return Question(Topic.OPENING, day=days.pop())
        return Question(Topic.OPENING, day=day)


def _holiday_names(reason: str) -> frozenset[tuple[str, ...]]:
    """The ways a caller names a closure or special day: its reason's runs of two or three words ("boxing day" in
    "the Boxing Day bank holiday"), and its distinctive single words ("thanksgiving", "easter")."""
    words = [w for w in normalise(reason) if w not in _HOLIDAY_FILLER]
    runs = {tuple(words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1)}
    return frozenset(runs | {(w,) for w in words if len(w) >= 5 and w not in _HOLIDAY_GENERIC})


_FINE = wordset("fine ok okay alright good work works accepted")


def _asks_about_paying(words: Sequence[str]) -> bool:
    """ "do you take venmo", "can I pay with amex", "venmo's fine?", "do you guys do Afterpay?": a way to pay named as
    a question."""
    return any(w in _NAMING or w in _FINE for w in words) or words.count("do") >= 2


def _unlisted(words: Sequence[str]) -> bool:
    """Something is named after "take", "accept", "pay with"... that is neither booking talk nor a generic word."""
    for i, word in enumerate(words):
        if word in _NAMING:
            rest = [w for w in words[i + 1 :] if w not in KNOWN_WORDS and w not in _GENERIC and w not in _NAMING]
            if rest:
                return True
    return False


def looks_like_a_question(words: Sequence[str], utterance: str) -> bool:
    """A question form ("do you do hydrotherapy?") with at least one word outside the booking vocabulary, and no
    number: "can you make that 11?" is about the booking. Of a turn that goes on after its question ("do you do home
    visits? my mum's eighty-two"), the question alone is looked at."""
    words = [w for w in words if w]
    asked, mark, _ = utterance.partition("?")
    if mark and asked.strip():
        question = [w for w in normalise(asked) if w]
        greeted = len(words) <= len(question) and question[len(question) - len(words) :] == words  # "good morning, ..."
        if words[: len(question)] != question and not greeted:
            return False  # the part after a correction ("..., not to chat"): the question is not in it
        words = words if greeted else question
    if any((cardinal_at(words, i) or ordinal_at(words, i)) and words[i] != "one" for i in range(len(words))):
        return False  # "a sad one" is no number
    said = [w.strip(",.!?").lower().replace("'", "") for w in utterance.split()]
    greeted = False
    while len(said) > 1 and (said[0] in _GREETING or (greeted and said[0] in _AFTER_GREETING)):
        greeted, said = True, said[1:]  # "hiya, do you do home visits at all?", "hello there, do you ..."
    first = said[0] if said else ""  # before fillers: "you know what, ..."
    wonders = _WONDERING.search(" ".join(words)) is not None
    asks = first in _QUESTION_START or bool(mark) or wonders  # "got Wi-Fi there or not? I need to work"
    return asks and any(w not in KNOWN_WORDS and w not in _NOT_A_FACT for w in words)
