"""fit_sms and segment_count: texts keep to GSM-7 where a look-alike exists, and segments are counted as phones do.

Pure functions in infrastructure.common that any SMS sender uses; they live with the SNS tests, its first user.
"""

from __future__ import annotations

import pytest

from slotline.application.texts import ConfirmationTexts
from slotline.infrastructure.common.sms_text import fit_sms, is_gsm7, segment_count
from tests.integration.sqlite_helpers import CATALOGUE, appointment, slot


@pytest.mark.parametrize(
    ("raw", "fitted"),
    [
        ("It\u2019s \u201cbooked\u201d", 'It\'s "booked"'),
        ("10\u201311 \u2014 Thu\u2026", "10-11 - Thu..."),
        ("Zo\u00eb, Jos\u00e9 & Fran\u00e7ois \u2022 \u00e0 la carte", "Zoe, José & Francois - à la carte"),
        ("\u0141\u00f3d\u017a \u00ab\u00a0Clinic\u00a0\u00bb\u200b", 'Lodz " Clinic "'),
        ("  5\u00d7 \u00bd price\t\n", "5x \u00bd price"),  # ½ has no GSM look-alike and stays
    ],
)
def test_characters_with_a_gsm_look_alike_are_replaced(raw: str, fitted: str) -> None:
    assert fit_sms(raw) == fitted


def test_gsm_characters_pass_unchanged() -> None:
    text = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~]|€"

    assert fit_sms(text) == text
    assert is_gsm7(text)


def test_characters_without_a_look_alike_stay_and_make_the_text_ucs2() -> None:
    text = fit_sms("See you \U0001f600 \u4e0a\u5348")

    assert text == "See you \U0001f600 \u4e0a\u5348"
    assert not is_gsm7(text)


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # an extension character costs two septets
        ("€" * 81, 2),
        ("a" * 152 + "€" + "a" * 9, 2),  # the escape pair moves whole into the second segment
        ("a" * 152 + "€" + "a" * 152, 3),
        ("ł" * 70, 1),  # UCS-2 from here on
        ("ł" * 71, 2),
        ("ł" * 134, 2),
        ("ł" * 135, 3),
        ("\U0001f600" * 35, 1),  # a surrogate pair costs two UTF-16 units
        ("\U0001f600" * 36, 2),
    ],
)
def test_segments_are_counted_as_a_handset_splits_them(text: str, segments: int) -> None:
    assert segment_count(text) == segments


def test_one_curly_quote_would_double_the_cost_of_a_confirmation() -> None:
    text = "Maple Street Clinic: your haircut with Sam Rivera is booked for Thu Nov 26 at 10 AM. It\u2019s on us."

    assert (segment_count(text), segment_count(fit_sms(text))) == (2, 1)


def test_the_confirmation_texts_fit_one_gsm_segment() -> None:
    texts = ConfirmationTexts(CATALOGUE)
    booked = appointment(slot(10, staff="alex", service="colour"), "a1")

    for text in (texts.booked(booked), texts.rescheduled(booked), texts.cancelled(booked)):
        assert fit_sms(text) == text
        assert is_gsm7(text) and segment_count(text) == 1, text
