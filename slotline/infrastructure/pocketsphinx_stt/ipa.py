"""espeak-ng's IPA (US English voice) to the CMU phone set of the pocketsphinx en-us acoustic model."""

# ruff: noqa: RUF001, RUF002  -- IPA letters are the point of this file, not look-alikes of ASCII

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["arpabet"]

_MARKS = str.maketrans("", "", "ˈˌːˑ̩̯͡‿")  # stress, length, syllabic and tie marks carry no phone of their own
# Longest symbols first is not needed: lookups are by whole espeak-ng phoneme, then greedily by prefix.
_PHONES: dict[str, tuple[str, ...]] = {
    # vowels and diphthongs
    "a": ("AA",),
    "ɑ": ("AA",),
    "ɒ": ("AA",),
    "æ": ("AE",),
    "ʌ": ("AH",),
    "ɐ": ("AH",),
    "ə": ("AH",),
    "ᵻ": ("IH",),
    "ɪ": ("IH",),
    "i": ("IY",),
    "e": ("EH",),
    "ɛ": ("EH",),
    "ɜ": ("ER",),
    "ɚ": ("ER",),
    "ɝ": ("ER",),
    "ɔ": ("AO",),
    "o": ("OW",),
    "ʊ": ("UH",),
    "u": ("UW",),
    "eɪ": ("EY",),
    "aɪ": ("AY",),
    "aʊ": ("AW",),
    "ɔɪ": ("OY",),
    "oʊ": ("OW",),
    "əʊ": ("OW",),
    "ɪə": ("IH", "R"),
    "eə": ("EH", "R"),
    "ʊə": ("UH", "R"),
    "aɪə": ("AY", "ER"),
    "aɪɚ": ("AY", "ER"),
    "aʊɚ": ("AW", "ER"),
    "iə": ("IY", "AH"),
    "əl": ("AH", "L"),
    "ən": ("AH", "N"),
    "əm": ("AH", "M"),
    # consonants
    "p": ("P",),
    "b": ("B",),
    "t": ("T",),
    "d": ("D",),
    "k": ("K",),
    "g": ("G",),
    "ɡ": ("G",),
    "f": ("F",),
    "v": ("V",),
    "θ": ("TH",),
    "ð": ("DH",),
    "s": ("S",),
    "z": ("Z",),
    "ʃ": ("SH",),
    "ʒ": ("ZH",),
    "h": ("HH",),
    "x": ("HH",),
    "ç": ("HH",),
    "m": ("M",),
    "n": ("N",),
    "ŋ": ("NG",),
    "l": ("L",),
    "ɫ": ("L",),
    "ɹ": ("R",),
    "r": ("R",),
    "ɾ": ("T",),
    "ʔ": ("T",),
    "w": ("W",),
    "j": ("Y",),
    "tʃ": ("CH",),
    "dʒ": ("JH",),
}
_LONGEST = max(len(k) for k in _PHONES)


def _one(symbol: str) -> list[str] | None:
    out: list[str] = []
    i = 0
    while i < len(symbol):
        for size in range(min(_LONGEST, len(symbol) - i), 0, -1):
            phones = _PHONES.get(symbol[i : i + size])
            if phones is not None:
                out += phones
                i += size
                break
        else:
            return None
    return out


def arpabet(ipa: Sequence[str]) -> list[str] | None:
    """["n", "ˈuː", "j", "ɛ", "n"] -> ["N", "UW", "Y", "EH", "N"]; None if a symbol has no CMU phone."""
    out: list[str] = []
    for symbol in ipa:
        clean = symbol.translate(_MARKS)
        if not clean:
            continue
        phones = _one(clean)
        if phones is None:
            return None
        out += phones
    # espeak-ng can write an r-coloured vowel and then the r ("ˈɑːɹ", "ɹ"): say it once
    out = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    return out or None
