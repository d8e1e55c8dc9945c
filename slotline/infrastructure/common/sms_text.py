"""Text for SMS: swap characters outside GSM-7 for look-alikes inside it, and count the segments a text costs.

One GSM-7 segment holds 160 characters; a single character outside GSM-7 (a curly quote, an en dash) switches the
whole text to UCS-2, where a segment holds 70. Fitting keeps a typical confirmation to one segment.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fit_sms", "is_gsm7", "segment_count"]

# GSM 03.38 default alphabet (ESC left out: it is not text) and its extension table (each costs two septets).
_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_EXTENSION = frozenset("^{}\\[~]|€\f")
_GSM7 = _BASIC | _EXTENSION

_SINGLE_GSM7 = 160
_MULTI_GSM7 = 153  # a segment of a longer text loses 7 septets to the concatenation header
_SINGLE_UCS2 = 70
_MULTI_UCS2 = 67

# Written as escapes: the look-alikes are exactly the characters a reader cannot tell apart.
_LOOK_ALIKES = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u2039\u203a", "'"),  # curly/low/prime quotes
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),  # curly, double prime, guillemets
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2022", "-"),  # hyphens, dashes, minus, bullet
    **dict.fromkeys("\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f", " "),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),  # soft hyphen, zero-width characters
    "\u2026": "...",  # ellipsis
    "\u0153": "oe",
    "\u0152": "OE",
    "\u00d7": "x",  # multiplication sign
    "\u0141": "L",  # L with stroke: no decomposition to strip
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
}


def _gsm_equivalent(char: str) -> str:
    if char in _GSM7:
        return char
    if char in _LOOK_ALIKES:
        return _LOOK_ALIKES[char]
    # Accented letters outside GSM-7 (á, ô, ç) lose their accent when the bare letter is in GSM-7.
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return bare if bare and all(c in _GSM7 for c in bare) else char


def fit_sms(text: str) -> str:
    """`text` with every character that has a GSM-7 look-alike replaced by it; characters without one stay."""
    return "".join(_gsm_equivalent(c) for c in text).strip()


def is_gsm7(text: str) -> bool:
    """Whether `text` can go out in the GSM-7 alphabet (160 characters a segment)."""
    return all(c in _GSM7 for c in text)


def _pack(costs: list[int], single: int, multi: int) -> int:
    if sum(costs) <= single:
        return 1
    count, used = 1, 0
    for cost in costs:  # an escape pair or a surrogate pair is never split across segments
        if used + cost > multi:
            count, used = count + 1, 0
        used += cost
    return count


def segment_count(text: str) -> int:
    """How many SMS segments `text` costs as it is (run `fit_sms` first); an empty text still costs one."""
    if is_gsm7(text):
        return _pack([2 if c in _EXTENSION else 1 for c in text], _SINGLE_GSM7, _MULTI_GSM7)
    return _pack([2 if ord(c) > 0xFFFF else 1 for c in text], _SINGLE_UCS2, _MULTI_UCS2)
