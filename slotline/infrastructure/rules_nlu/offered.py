"""Whether the business offers something asked about (issue 13): "do you do laser treatment for fungal nails?".

A question of that form that names a service and nothing more ("do you do fungal nail treatment?") is a booking
turn as before. One that adds words the catalogue says nowhere about that service ("laser") asks about something
the business may not offer: booking the nearest service would be a wrong booking that sounds right, so it is a
question the catalogue has no fact for (the agent says so and offers a person).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from slotline.domain.catalogue import Catalogue
from slotline.domain.ids import ServiceId
from slotline.infrastructure.rules_nlu.catalogue_names import name_stem, stem
from slotline.infrastructure.rules_nlu.chatter import KNOWN_WORDS
from slotline.infrastructure.rules_nlu.words import normalise, wordset

__all__ = ["OfferedServices"]

_ASKS_IF_OFFERED = re.compile(
    r"^(?:hi |hello |hey |hiya |gday |there |good (?:morning|afternoon|evening) |um |so |and |also |ok |okay |right "
    r"|sorry |quick question |just wondering |i was wondering )*"
    r"(?:do|does|can|could) (?:you|ya|they|the \w+|anyone|somebody|someone)(?: guys| there)? "
    r"(?:do|offer|have|provide|perform|carry out|treat)\b"
)
# Words that say nothing about what is done: "do you do appointments for my mum's feet at all?"
_PLAIN = wordset(
    "you do does offer have provide perform treat there anyone somebody someone at all any kind sort type of for my "
    "his her their our the a an and or with on in to it that this those these me us them here still also too just "
    "really yous ya guys please thanks wondering was were kids kid children child son sons daughter daughters baby "
    "toddler teenager teen mum mom dad husband wife partner family elderly people adults adult dog dogs cat cats pet "
    "pets puppy kitten"
)

_CODE = re.compile(r"[a-z]+\d+[a-z\d]*")  # a name with digits in it: "b12 injections", "h1n1"; never "3pm" or "5th"


class OfferedServices:
    """What the catalogue says of each service (names, aliases, description), to check a question against."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._said: dict[ServiceId, frozenset[str]] = {}
        for service in catalogue.services:
            text = " ".join((*service.spoken_names, service.description or ""))
            self._said[service.id] = frozenset(name_stem(stem(w)) for w in normalise(text))

    def unbacked(self, words: Sequence[str], service: ServiceId | None, choices: Sequence[ServiceId] = ()) -> bool:
        """An "is it offered?" question about `service` (or, with none, any of the services it could be:
        "do you do motorcycle lessons?" of driving lessons) with a word the catalogue never says of it."""
        said = [w for w in words if w]
        services = (service,) if service is not None else tuple(choices)
        if not services or not _ASKS_IF_OFFERED.search(" ".join(said)):
            return False
        backed = frozenset().union(*(self._said.get(s, frozenset()) for s in services))
        loose = (w for w in said if (w.isalpha() or _CODE.fullmatch(w)) and w not in _PLAIN and w not in KNOWN_WORDS)
        return any(name_stem(stem(w)) not in backed for w in loose)  # "cleanings" is "clean"
