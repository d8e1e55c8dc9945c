"""The pronunciation dictionary of the domain: the bundled CMU dictionary cut down to the language model's words.

Names the CMU dictionary lacks get espeak-ng's pronunciation mapped to CMU phones; a word with no pronunciation
is left out with a warning (the recogniser then never hears it).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

from slotline.application.errors import SpeechUnavailable
from slotline.infrastructure.common.espeak_phonemes import ipa_phonemes
from slotline.infrastructure.pocketsphinx_stt.ipa import arpabet

__all__ = ["Lexicon", "read_cmudict"]

log = logging.getLogger(__name__)


def read_cmudict(path: Path) -> dict[str, list[str]]:
    """Word -> its pronunciations ("read" has two), from a CMU-format dictionary."""
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, phones = line.strip().partition(" ")
            if phones:
                out.setdefault(word.split("(", 1)[0], []).append(phones.strip())
    return out


class Lexicon:
    """Pronunciations for a vocabulary: from the CMU dictionary, else from espeak-ng, else none."""

    def __init__(self, words: Iterable[str], cmudict: Mapping[str, list[str]], *, espeak_voice: str = "en-us") -> None:
        wanted = sorted(set(words))
        self.pronunciations: dict[str, list[str]] = {w: list(cmudict[w]) for w in wanted if w in cmudict}
        missing = [w for w in wanted if w not in cmudict]
        self.guessed: dict[str, str] = {}
        self.skipped: list[str] = []
        if missing:
            self._guess(missing, espeak_voice)

    def _guess(self, missing: list[str], voice: str) -> None:
        try:
            ipa = ipa_phonemes([w.replace("'", "") for w in missing], voice)
        except SpeechUnavailable as exc:
            log.warning("no pronunciation for %s: %s", ", ".join(missing), exc)
            self.skipped = missing
            return
        for word in missing:
            phones = arpabet(ipa.get(word.replace("'", ""), []))
            if phones is None:
                log.warning("no pronunciation for %r: espeak-ng said %s", word, ipa.get(word))
                self.skipped.append(word)
            else:
                self.pronunciations[word] = [" ".join(phones)]
                self.guessed[word] = " ".join(phones)
        if self.guessed:
            log.info("pronunciations from espeak-ng: %s", self.guessed)

    def write(self, path: Path) -> None:
        """CMU format: "word PH ONES", alternatives as "word(2) ..."."""
        lines = [
            f"{word if i == 0 else f'{word}({i + 1})'} {phones}"
            for word, prons in sorted(self.pronunciations.items())
            for i, phones in enumerate(prons)
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
