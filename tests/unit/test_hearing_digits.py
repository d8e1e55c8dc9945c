"""Which words stand at a question asking for a phone number (digits.py): the digit grammar's or the language
model's. The decodes are given (a stand-in for the recogniser), so each rule is tested on its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from slotline.infrastructure.pocketsphinx_stt.digits import DIGITS_GRAMMAR, hear_digits
from slotline.infrastructure.pocketsphinx_stt.expected import KeptWords
from slotline.infrastructure.pocketsphinx_stt.recognizer import DecodedWords

THROWN_OUT = "score -0.80: outside the domain"


@dataclass
class DigitGrammar:
    decoded: DecodedWords
    grammars: list[str | None] = field(default_factory=list)

    def decode(self, pcm16k: bytes, alternatives: int = 0, grammar: str | None = None) -> DecodedWords:
        self.grammars.append(grammar)
        return self.decoded


def words(text: str) -> DecodedWords:
    said = tuple(text.split(" "))
    return DecodedWords(said, 1.0, (1.0,) * len(said))


def test_a_number_the_language_model_cannot_hear_is_taken_from_the_digit_grammar() -> None:
    grammar = DigitGrammar(words("two one two five five five oh one two three"))
    kept = hear_digits(grammar, b"", words("to want to i'd like dye in the all one to three"), THROWN_OUT)
    assert kept == KeptWords(grammar.decoded.words, None)
    assert grammar.grammars == [DIGITS_GRAMMAR]


def test_double_and_triple_count_their_digits() -> None:
    grammar = DigitGrammar(words("double seven one triple five two"))  # 7 digits: 77 1 555 2
    assert hear_digits(grammar, b"", words("the um"), THROWN_OUT).words == grammar.decoded.words


def test_too_few_digits_for_a_number_leave_the_turn_as_it_was_heard() -> None:
    grammar = DigitGrammar(words("five five five one two"))
    assert hear_digits(grammar, b"", words("the um"), THROWN_OUT) == KeptWords((), THROWN_OUT)
    assert hear_digits(grammar, b"", words("yes please"), None) == KeptWords(("yes", "please"), None)


def test_a_caller_who_asks_for_something_else_is_not_forced_onto_digits() -> None:
    grammar = DigitGrammar(words("five one eight oh eight four oh one"))
    other = words("i come in a talk to someone")
    assert hear_digits(grammar, b"", other, None) == KeptWords(other.words, None)
    assert grammar.grammars == []  # not even decoded
