"""Telling a booking request from chatter that happens to contain a day ("my cat is called tuesday")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.ages import an_age
from slotline.infrastructure.rules_nlu.words import BLANK, wordset

__all__ = ["KNOWN_WORDS", "is_chatter", "is_off_topic"]

# Words a caller uses around booking details: function words and the booking vocabulary.
KNOWN_WORDS = wordset(
    "i me my mine we us our you your it its that this these those there here they them he she him her his their "
    "a an the and or but if then than so to for of on in at by with from about around after before until till "
    "is are was were be been being am im ive id ill do does did dont doesnt didnt have has had can cant could "
    "couldnt would wouldnt will wont shall should may might must get got make take see come go going want "
    "need like love prefer rather how what when which who whats any some anything something anytime "
    "time times day days date slot slots appointment appointments booking available availability free open "
    "works work good fine great ok okay maybe perhaps instead also too again still only just not no yes "
    "yeah please thanks thank one ones option other another earlier later early late sooner week weekend "
    "month hour hours minutes minute morning afternoon evening night tonight hi hello hey sorry well "
    "actually let lets possible better best ideally either both same sure right wait hold else all really "
    "very much lot thats theres youre cool lovely perfect exactly whenever whatever book "
    "cancel reschedule move change different whichever whichevers "
    # yes and no as callers say them ("yep, go ahead", "nah, that's it")
    "yep yup yea ya yah nope nah ahead alright absolutely definitely certainly brilliant grand cheers ta "
    # how callers take in what they were told before answering ("of course, Easter. Thursday then?", "fair enough")
    "course fair enough oh ah ahh right understood makes sense forgot silly "
    "sweet as awesome spot aye och naw nae bet thing righto rightio "
    # leaving the choice to the business ("tomorrow, whenever's easiest"): booking talk
    "whenevers whatevers easiest easier easy handiest convenient suits "
    # exclamations at bad news ("nothing on Saturday? Shoot."), never a misheard service ("shots")
    "shoot shucks dang darn damn dammit gosh jeez geez oops ugh argh blast bummer rats drat crikey"
)
# Questions slotline does not answer; a day or service inside them is not a booking detail.
_OFF_TOPIC = re.compile(
    r"\b(?:how much|price|prices|pricing|cost|costs|charge|fee|fees|pay|payment|parking|park|located|location|address"
    r"|directions|where|open(?:ing)? hours|hours are|do you (?:open|close)|are you (?:open|closed)"
    r"|(?:do|can) you (?:take|accept|sell)|insurance|refund|gift cards?|weather)\b"
)
# Who the booking is for, and how old they are ("friday for my daughter, she's 6"): booking talk, not chatter.
_WHO_FOR = wordset(
    "son daughter boy girl kid kids child children wife husband partner mum mom dad mother father baby shes hes "
    "aged old years"
)
# Leaving and collecting the pet, the car, the child ("the earliest drop-off"): booking talk, not chatter (and not
# in KNOWN_WORDS, whose words name no service: "a glasses collection" is one).
_HANDING_OVER = wordset("drop dropoff off pick pickup up collect collection")
_MIN_UNKNOWN = 2
_MIN_UNKNOWN_SHARE = 0.4


def is_chatter(all_words: Sequence[str], unclaimed: Sequence[str]) -> bool:
    """True when words outside the booking vocabulary make up a large share of the sentence.

    `unclaimed` is the sentence with the understood details blanked out. Used only when no service,
    staff member, choice or task verb was found: such a sentence stands or falls by its day and time alone.
    """
    unknown = sum(
        1
        for i, w in enumerate(unclaimed)
        if w != BLANK and w not in KNOWN_WORDS | _HANDING_OVER and w not in _WHO_FOR and not an_age(unclaimed, i)
    )
    return unknown >= _MIN_UNKNOWN and unknown >= _MIN_UNKNOWN_SHARE * len(all_words)


def is_off_topic(words: Sequence[str]) -> bool:
    """True for questions about prices, hours, directions and the like, which carry no booking details."""
    return _OFF_TOPIC.search(" ".join(words)) is not None


_QUESTION = re.compile(
    r"^(?:where|what|when|how|why|who|whose|which|can you|could you|do you|does|did|is there|are you|are there"
    r"|will you|have you)\b"
)
_TASK_WORDS = re.compile(r"\b(?:book|booking|appointment|cancel|reschedule|move|change)\b")


def is_unrelated_question_or_chatter(all_words: Sequence[str], unclaimed: Sequence[str]) -> bool:
    """True when a yes/no word sits inside a question or chatter that is about something else.

    A plain "yes", "no thanks" or "sure, book it" stays a yes or no; "where exactly are you located" and
    "can you recommend a good shampoo" do not.
    """
    words = [w for w in all_words if w]
    text = " ".join(words)
    if _TASK_WORDS.search(text):
        return False
    return bool(_QUESTION.search(text)) or is_off_topic(words) or is_chatter(words, unclaimed)
