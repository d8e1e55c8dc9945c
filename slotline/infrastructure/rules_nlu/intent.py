"""What the caller wants to do, from keywords, with a fixed precedence when several are present."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu.phrases import PhraseTable

__all__ = ["classify"]


def _phrases(*alternatives: str) -> re.Pattern[str]:
    """Whole-word alternatives, longest first so that "no problem" wins over "no"."""
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(ordered) + r")\b")


_REAL = r"(?:real |live |actual )?"
_HUMAN = re.compile(
    r"\b(?:talk|speak|speaking|talking|chat)\b(?: \w+){0,3}? (?:to|with) (?:a |an |the |some |your )?"
    + _REAL
    + r"(?:person|human|someone|somebody|anyone|anybody|receptionist|agent|operator|representative|manager|people"
    # the office's own people: "the clinic secretary", "your office manager", "someone at reception"
    r"|(?:\w+ )?(?:secretary|administrator|admin|supervisor|cashier|reception))\b"
    r"|\b(?:operator|representative|receptionist|real person|live person|human being|a human|live agent"
    r"|customer service|front desk|transfer me|connect me|put (?:me|us) through|connect us)\b"  # Geordie "us": me
    r"|\b(?:a|the) " + _REAL + r"person\b"
    r"|\b(?:want|need|get me|give me) (?:to talk to )?(?:someone|somebody|a human|a real person)\b"
    r"(?! (?:to )?(?:look|check|see|examine|take a look|have a look|fix|treat|do)\b)"  # "someone to look at it"
    r"(?! to (?!(?:talk|speak|chat|call|ring|help|answer|explain|tell|get back)\b)\w+)"  # "someone to keep our dog"
    # a person already named: "is Marco in? ... I just need to talk to him", "I need a word with her"
    r"|\b(?<!ill )(?<!i will )(?<!let me )(?:talk|speak|speaking|talking|chat) (?:to|with) (?:him|her|them)\b"
    r"|\ba (?:quick )?word with\b"  # not "I will talk to him and call you": the caller will, with someone at home
    # who to turn to, and complaints, which a person takes: "who do I talk to about that?", "make a complaint"
    r"|\bwho (?:do|can|should|would|could) i (?:talk|speak|complain) (?:to|with)\b"
    # the office's own work: "who handles billing over there?", "who deals with insurance claims?"
    r"|\bwho (?:handles|deals with|looks after|is in charge of|takes care of|sorts out|does) (?:the )?(?:billing|bills"
    r"|accounts|invoices|invoicing|payments|refunds|insurance|claims|complaints|records|admin)\b"
    r"|\b(?:make|making|file|lodge|raise|have) a complaint\b|\bi (?:want|need|would like) to complain\b"
)
# A task word with one of these up to three words before it is ruled out: "don't cancel", "no need to move it".
# "don't cancel", "not going to cancel"; not "me lad's not well, can we cancel" (a new clause asks for it)
_NEGATION_BEFORE = re.compile(
    r"\b(?:dont|do not|not|never|no need to|wont|doesnt|didnt)(?: (?!(?:can|could|would|please|so|but)\b)\w+){0,3} $"
)
_CANCEL = re.compile(
    r"\b(?:cancel\w*(?! (?:polic\w*|fees?|charges?|costs?|period|notice|terms|rules|list|waitlist|slots?|spots?))"
    r"|call (?:it|that|this) off|call off"
    # "we won't be needing it any more", "I no longer need my appointment": the caller is done with it
    r"|(?:wont|will not) be needing (?:it|that|this|my|the|our|her|his|\w+ (?:appointment|booking|session))"
    r"|no longer need (?:it|my|the|our|that)"
    r"|scrap (?:it|my|the|our|that (?:appointment|booking|session))|get rid of (?:it|my|the)"
    r"|take (?:me|us|my name|it) off)\b"
)
_RESCHEDULE = re.compile(
    r"\b(?:re ?schedul\w*|move|postpone|push (?:it|that|this|my appointment) (?:back|forward)"
    r"|change (?:my|the|our|that|this|it)|(?:different|another|other) (?:time|day|date)"
    # issue 13: everyday words for moving an appointment
    r"|rearrang\w*|bump (?:it|that|this|my|the)|(?:push|put|bring|shift) (?:\w+ ){1,4}(?:back|forward)"
    r"|push (?:it|that|this|him|her|them|my \w+) out"
    r"|(?:push|put) (?:it|that|this|him|her|them) on (?:a|one|by a|two) (?:week|fortnight)"  # Irish "push it on a week"
    r"|change (?:\w+ )?(?:appointment|session|booking|slot|time|day|visit)|swap (?:my|it|the)"
    r"|re ?book\w*|shift (?:it|that|this|my|the)"
    # "could we shift Friday's double lesson to Saturday?", "bump tomorrow's to next week"
    r"|(?:shift|push|bump|swap|switch) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today"
    r"|tomorrow|tonight)s?\b"
    r"|push (?:it|that|this|him|her|them|my \w+)(?: out| back| forward)? (?:to|till|until|til)"
    r"|(?:switch|swap) (?:it|that|this|him|her|them|my \w+|the \w+) (?:to|for|over)"
    r"|prepone\w*|delay (?:it|that|this|my|the|our|his|her)"
    r"|(?:push|bump) (?:my|the|our|his|her) (?:\w+ ){1,3}(?:from|to)\b"  # "push my hot stone from Friday to Monday"
    # "I have appointment Friday, I want change to Thursday" (simple English)
    r"|change (?:it |that |this )?(?:to|for) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next)"
    r"|(?:push|put|bring|shift) (?:back|forward|out) (?:my|the|our|his|her|\w+s)\b)\b"
)
# issue 13: putting the task off is no request to move anything ("I'll sort it another time")
_PUT_OFF = re.compile(
    r"\b(?:(?:ill|i will|we can|ill just|i can) (?:\w+ ){0,3}(?:another|some other) (?:time|day)"
    r"|dont worry(?: about it)?(?: then)?(?: thanks| thank you)?$|dont worry(?: about it)?(?: then)? ill)\b"
)
# After "can't hear", these make it the caller's hearing, not the line: "I can't hear the telly", "can't hear out of my
# left ear", "I can't hear properly".
_HEARING = "the|out|in|with|anything|much|well|properly|my|from|on|since|for|people|a thing|very"
_REPEAT = re.compile(
    rf"\b(?:say (?:that|it) again|say again|repeat\w*|pardon|what was that|come again|what did you say"
    rf"|(?:didnt|did not|couldnt|could not|cant|can not) (?:catch|hear|understand)\b(?! (?:{_HEARING}))"
    r"|one more time|once more)\b"
    r"|^(?:what|huh|sorry|excuse me|sorry what|what sorry)$"
)
_GOODBYE = _phrases(
    "bye",
    "goodbye",
    "bye bye",
    "im done(?! at| with| by| for| in| around| after)",  # "after I'm done at work": a time
    "all done(?! at| with| by| for| in| around| after)",
    "have a (?:good|nice|great|lovely) (?:day|one|evening|night|weekend)",
    "good night",
    "hang up",
    "talk (?:to you )?later",
    # not "to come and see you", "can i see you": seeing them is what the caller asks for
    "(?<!to )(?<!come )(?<!and )(?<!i )(?<!we )(?<!can )see (?:you|ya)(?! about| for| re| regarding)",
    "take care",
    "no thanks thats it",
    # issue 13: closing words that drop the task ("never mind then", "I'll leave it")
    "never ?mind",
    "forget (?:it|about it|that)",
    "(?:ill|i will|ill just|i will just|lets|just) leave it(?! with| to| on| at| in| for| until| till)",
    "leave it (?:there|for now|then)",
    "dont worry (?:about it|then)",
    "(?:ill|i will) (?:call|ring|phone)(?: you| them)? (?:back|again)",
    "(?:ill|i will) (?:talk|speak) to (?:him|her|them) and (?:call|ring|phone)",  # "... and call you"
    "(?:ill|i will) get back to you",
    "(?:ill|i will) (?:\\w+ ){1,5}?and (?:call|ring|phone)(?: you| them)? (?:back|again)",  # "... and call back"
    "(?:ill|i will|let me) (?:figure|sort|work) (?:something|it|things) out",
    "(?:ill|i will) give it a miss",
    "scrap that",
    "dont bother",
    "(?:ill|i will) think about it",
)
# Closing words that are also said of a request: "just a shape-up, nothing else, on Wednesday" asks for it
_NOTHING_ELSE = _phrases(
    "thats all(?! (?:you|youve|there|u|ya|yall)\\b)",  # not "that's all you've got?": a question of the offers
    "that is all(?! (?:you|youve|there|u|ya|yall)\\b)",
    "thats everything",
    "that is everything",
    "nothing else",
    "nothing more",
)
# issue 13: the caller cannot come to an appointment they have; the agent offers to move or cancel it.
_CANT_COME = re.compile(
    r"\b(?:cant|cannot|can not|couldnt|wont be able to|will not be able to|not be able to|not able to|unable to"
    r"|not going to be able to|not gonna be able to|not gonna|not going to)"
    r" (?:make|come|attend|do|go to|get to)\b(?: \w+){0,3}? (?:appointment|booking|it on|in on)\b"
    r"|\b(?:wont be able to|will not be able to|not be able to|not able to|unable to|cant|cannot) (?:come|attend)\b"
    # not "I can't come in the daytime" or "... before five": when the caller can come, said for a booking
    r"(?! (?:in the|during|before|after|till|until|on weekdays|in the week|mornings|afternoons|evenings|early|late)\b)"
    r"|\b(?:wont|will not) be able to make it\b"
    r"|\b(?:dont|do not|wont|will not) need (?:it|the appointment|my appointment|that appointment) any ?more\b"
    r"|\b(?:cant|cannot|can not|wont|will not|couldnt|not going to|not gonna|not be able to|not able to)"
    r" make (?:it )?(?:on )?(?:my|the|our|his|her|their"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|this|next)\b"
    r"|\b(?:cant|cannot|can not|wont be able to|not able to|not be able to) do (?:it )?(?:on )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight)\b"  # "I can't do Monday now"
)
# With an appointment word anywhere: "about my appointment, I'm not gonna make it".
_CANT_MAKE_IT = re.compile(
    r"\b(?:cant|cannot|can not|couldnt|wont|will not|not gonna|not going to|wont be able to|not be able to"
    r"|unable to) (?:make it|make that|come|attend)\b"
)
# "I'm booked Monday at 8, can I do later in the day instead?": what exists, then something instead of it.
_BOOKED_INSTEAD = re.compile(r"\b(?:im|i am|were|we are|ive|i have|i|we) booked\b.*\binstead\b")
_THATS_IT = re.compile(r"\b(?:thats it|that is it|thats all for now)\b")
_BOOK = re.compile(
    r"\b(?:(?<!i )(?<!we )(?<!ive )(?<!weve )(?<!already )(?<!have )(?<!had )book\w*"  # not "i booked"
    r"|make (?:a |an |another |new )?(?:appointment|booking|reservation)|schedul\w*"
    r"|set (?:up )?(?:a|an|me up)|(?:get|need|want|like|love) (?:a |an |another |new )?"
    r"(?:appointment|booking|reservation)|come in|(?:put|pencil|fit|squeeze) me (?:down|in)"
    r"|bring (?:\w+ ){1,3}in(?! (?:the|a|an|my|his|her|their|our) \w+ (?:back|forward)))\b"
)
_BOOK_IT = re.compile(r"\bbook (?:it|that|this|them|those|me in)\b(?! for)")  # confirms what was offered
_APPOINTMENT = re.compile(r"\b(?:appointment|booking|reservation)\b")
_WANT = _phrases(
    "(?:i|we) would (?:like|love)",
    "id like",
    "(?:i|we) (?:want|wanna|need)",
    "can i get",
    "can i have",
    "could i get",
    "could i have",
    "may i have",
    "(?:can|could|may) (?:i|we) book",  # "no problem, no? Can I book a check-up": a new request
    "looking for",
    "(?:im|i am|were|we are) after",
    "interested in",
    "ill take",
    "i will take",
    "ill have",
    "i will have",
    "get me",
    "give me",
    "lets do",
    "do you do",
    "do you have",
)
# Polarity phrases: a strong yes/no answers the agent's question even when details follow; the last one said wins.
_DENY = (
    "no",
    "nope",
    "nah",
    "naw",
    "nae",
    "not really",
    "not quite",
    "not that one",
    "thats wrong",
    "that is wrong",
    "wrong",
    "incorrect",
    "not correct",
    "not right",
    "thats not right",
    "thats not it",
    "negative",
    "neither",
    "no way",
    "no good",
    "not good",
    "i dont think so",
    "doesnt work",
    "does not work",
    "wont work",
    "will not work",
    "cant make it",
    "cant do",
    "cant make",
    "can not do",
    "cannot do",
    "can not make it",
    "cannot make it",
    "no thank you",
    "no thanks",
    # "no, that's fine" declines an offer: the "that's fine" in it is not a yes
    "no thats fine",
    "no that is fine",
    "no it is fine",
    "no that is ok",
    "no that is okay",
    "no thats ok",
    "no thats okay",
    "no thats alright",
    "no its fine",
    "no its ok",
    "no im fine",
    "no im good",
)
_AFFIRM = (
    "yes",
    "yeah",
    "yep",
    "yup",
    "yea",
    "ya",
    "yah",
    "uhhuh",
    "mmhmm",
    "mhm",
    "sure",
    "correct",
    "thats right",
    "that is right",
    "thats correct",
    "exactly",
    "sounds good",
    "sounds great",
    "sounds perfect",
    "sounds fine",
    "sounds lovely",
    "perfect",
    "please do",
    "absolutely",
    "definitely",
    "of course",
    "go ahead",
    "do it",
    "confirm",
    "confirmed",
    "that works",
    "works for me",
    "thats fine",
    "that is fine",
    "thats great",
    "thats perfect",
    "no problem",
    "no worries",
    "dont mind",
    "affirmative",
    "certainly",
    "why not",
    "yes please",
    # issue 13: taking what was offered
    "thatll do",
    "thatll work",
    "that will work",
    "that would work",
    "thatd work",
    "that will do",
    "that will do",
    "that does",
    "brilliant",
    "ill take it",
    "ill take that",
    "ill take that one",
    "ill have that",
    "ill have that one",
    "that ones fine",
    "that one is fine",
    "that suits me",
    "suits me",
    "go for it",
    "go on",
    "go on then",
    "grand",
    # taking the one offered, in words from other places ("sweet as", "spot on", "that one, thanks")
    "aye",
    "och aye",
    "you bet",
    "sure thing",
    "righto",
    "rightio",
    "sweet as",
    "spot on",
    "awesome",
    "that one please",
    "that one thanks",
    "that one thank you",
    "this one please",
)
# Neither yes nor no, and they hide the yes/no word inside them ("not sure", "right now").
_NEUTRAL = (
    "not sure",
    "dont know",
    "no idea",
    "no preference",
    "doesnt matter",
    "any time",
    "right now",
    "right away",
    "no later than",
    "no earlier than",
)
_POLARITY = PhraseTable(
    [(None, p) for p in _NEUTRAL] + [(Intent.DENY, p) for p in _DENY] + [(Intent.AFFIRM, p) for p in _AFFIRM]
)
_GREETING = re.compile(r"\b(?:good (?:morning|afternoon|evening|day)|hi|hello|hey|hiya)\b")
# African American and Detroit English "bet" (agreed), only as the whole answer: "I bet they're busy" is no yes
_BET = re.compile(r"(?:(?:ok|okay|aight|alright|oh) )?bet(?: bet)?(?: thanks| thank you)?")
_WEAK_AFFIRM = _phrases("ok", "okay", "k", "alright", "all right", "right", "fine", "good", "great", "cool", "lovely")


def _said(
    pattern: re.Pattern[str], text: str, aside: Callable[[str, re.Match[str]], bool] | None = None
) -> tuple[bool, bool]:
    """Whether `pattern` occurs not negated, and whether it occurs negated ("don't cancel"); a match that `aside`
    says is only talked of counts neither way."""
    plain = negated = False
    for match in pattern.finditer(text):
        if aside is not None and aside(text, match):
            continue
        if _NEGATION_BEFORE.search(text, 0, match.start()):
            negated = True
        else:
            plain = True
    return plain, negated


# Cancelling talked of, not asked for: "what happens if I have to cancel", "any cancellations Friday?", "if there's
# a cancellation can you ring me", "how much notice for cancellations"
_IF_CANCELLING = re.compile(r"\bif (?:i|we|he|she|they|you) (?:ever |have to |had to |need to |needed to |do |must )?$")
_A_CANCELLATION_COMING_UP = re.compile(
    r"\b(?:any|if theres a|if there is a|if there was a|if you get a|if you have a"
    r"|waiting for a|wait for a) $"
)
_MAKING = re.compile(r"\b(?:make|making|do|doing) (?:\w+ )?$")


def _talk_of_cancelling(text: str, match: re.Match[str]) -> bool:
    word, before = match.group(), text[: match.start()]
    if word.startswith("cancellations"):
        return not _MAKING.search(before)  # "I need to make two cancellations" asks
    if word.startswith("cancellation"):
        return bool(_A_CANCELLATION_COMING_UP.search(before))
    return word.startswith("cancel") and bool(_IF_CANCELLING.search(before))


def _polarity(words: Sequence[str]) -> Intent | None:
    """The last strong yes or no said ("yeah no" is a no, "no sorry yes" a yes)."""
    said = [f.value for f in _POLARITY.scan(words) if f.value is not None and not _asks_to_do(words, f.start)]
    return said[-1] if said else None


_ASKING = frozenset(("we", "i", "you", "could", "can", "to", "would", "should"))


def _asks_to_do(words: Sequence[str], start: int) -> bool:
    """ "could we do it an hour later?": a "do it" that asks for something else is no yes."""
    return words[start] == "do" and start > 0 and words[start - 1] in _ASKING


def classify(
    words: Sequence[str], *, has_details: bool = False, has_service: bool = False, ruled_out: bool = False
) -> Intent:
    """The intent, by precedence: human > cancel > reschedule > repeat > goodbye > new booking request > yes/no
    > book > inform. See docs/understanding.md.

    A new booking request ("yeah hi, i'd like a haircut") beats a yes/no, but "yes, book it" is a yes.
    A negated task ("don't cancel it") or a detail only ruled out ("not tuesday": `ruled_out`) is a no.
    A weak "ok"/"fine" is a yes only when nothing else was said.
    """
    words = [w for w in words if w]
    text = " ".join(words)
    if _HUMAN.search(text):
        return Intent.HUMAN
    if _PUT_OFF.search(text) and not _CANCEL.search(text):
        return Intent.GOODBYE
    cancel, no_cancel = _said(_CANCEL, text, _talk_of_cancelling)
    if cancel:
        return Intent.CANCEL
    reschedule, no_reschedule = _said(_RESCHEDULE, text)
    if reschedule or _BOOKED_INSTEAD.search(text):
        return Intent.RESCHEDULE
    if _CANT_COME.search(text) or (_CANT_MAKE_IT.search(text) and _APPOINTMENT.search(text)):
        return Intent.CANT_COME
    if _REPEAT.search(text):
        return Intent.REPEAT
    polarity = _polarity(words)
    only_that = _NOTHING_ELSE.search(text) and not (has_details or has_service)
    if _GOODBYE.search(text) or only_that or (_THATS_IT.search(text) and polarity is not Intent.AFFIRM):
        return Intent.GOODBYE
    booking, no_booking = _said(_BOOK, text)
    negated = no_cancel or no_reschedule or no_booking
    something_new = has_service or _APPOINTMENT.search(text) or (booking and not _BOOK_IT.search(text))
    if not no_booking and _WANT.search(text) and something_new:
        return Intent.BOOK
    if polarity is not None:
        return polarity
    if negated or (ruled_out and not has_details):
        return Intent.DENY
    if booking:
        return Intent.BOOK
    if has_details:
        return Intent.INFORM
    if _WEAK_AFFIRM.search(_GREETING.sub("", text)) or _BET.fullmatch(text):
        return Intent.AFFIRM
    return Intent.UNKNOWN
