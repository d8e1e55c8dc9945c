"""Human-written phone numbers to E.164, with the phonenumbers library."""

from slotline.infrastructure.phone_parsing.parse import parse_phone

__all__ = ["parse_phone"]
