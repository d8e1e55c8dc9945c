"""Numbers at the edges: any *possible* number is an identity; an extension is refused where a person types a number
and ignored in caller ID; each refusal says what is actually wrong."""

from __future__ import annotations

import pytest

from slotline.domain.errors import ImpossiblePhoneNumber, InvalidPhoneNumber, PhoneNumberWithExtension
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.common.phone_parsing import parse_phone
from slotline.infrastructure.telcoflow.adapter.caller import parse_caller

UNALLOCATED_UK = "+447700900123"  # the drama range: well formed, but in no range the numbering metadata allocates


def test_a_possible_number_in_a_range_the_metadata_does_not_know_is_accepted() -> None:
    assert parse_phone(UNALLOCATED_UK, "US") == PhoneNumber(UNALLOCATED_UK)
    assert parse_phone("07700 900123", "GB") == PhoneNumber(UNALLOCATED_UK)


@pytest.mark.parametrize(
    ("text", "region", "message"),
    [
        ("+1212555012", "US", "'+1212555012' is not a possible phone number for US: too short"),
        ("212 555 012", "US", "'212 555 012' is not a possible phone number for US: too short"),
        (
            "555 0123",
            "US",
            "'555 0123' is not a possible phone number for US: a local number only, give it with its area code",
        ),
        ("+4477009001234567", "US", "'+4477009001234567' is not a possible phone number for GB: too long"),
        ("+999 1234 5678", "US", "'+999 1234 5678' does not start with a known country code"),
        ("call me", "US", "'call me' is not a phone number"),
    ],
)
def test_a_refusal_says_what_is_wrong(text: str, region: str, message: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as refused:
        parse_phone(text, region)
    assert str(refused.value) == message
    assert "E.164" not in str(refused.value)


def test_impossible_numbers_are_named_as_such() -> None:
    with pytest.raises(ImpossiblePhoneNumber):
        parse_phone("+1212555012", "US")


@pytest.mark.parametrize("text", ["+1 212 555 0123;ext=1", "+12125550123 ext. 1", "(212) 555-0123 x1"])
def test_a_typed_extension_is_refused_because_no_text_can_reach_it(text: str) -> None:
    with pytest.raises(PhoneNumberWithExtension) as refused:
        parse_phone(text, "US")
    assert str(refused.value) == (
        f"{text!r} has an extension (1); give the number alone: a text cannot be sent to an extension"
    )


def test_caller_id_accepts_a_possible_number_and_ignores_an_extension() -> None:
    assert parse_caller(UNALLOCATED_UK, None) == PhoneNumber(UNALLOCATED_UK)
    assert parse_caller("+12125550123;ext=1", None) == PhoneNumber("+12125550123")
    assert parse_caller("tel:+447700900123", None) == PhoneNumber(UNALLOCATED_UK)


def test_caller_id_that_is_not_a_possible_number_is_withheld() -> None:
    assert parse_caller("+1212555012", None) is None
    assert parse_caller("anonymous", None) is None


def test_the_domain_form_check_still_speaks_of_e164() -> None:
    with pytest.raises(InvalidPhoneNumber, match=r"'12125550123' is not a phone number in E\.164 form"):
        PhoneNumber("12125550123")
