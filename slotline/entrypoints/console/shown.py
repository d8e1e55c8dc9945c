"""How values appear on the console's pages: phone numbers masked, times in the business's zone, durations short."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from slotline.domain.phone import PhoneNumber
from slotline.domain.spoken_numbers import mask_phone_digits

__all__ = ["duration", "masked_number", "masked_text", "wall_clock"]

_E164_INSIDE = re.compile(r"\+[1-9]\d{7,14}(?!\d)")


def masked_number(number: PhoneNumber | str | None) -> str:
    """A phone number as the page shows it (`+12*******23`); "withheld" when there is none."""
    if number is None:
        return "withheld"
    if isinstance(number, PhoneNumber):
        return number.masked()
    return masked_text(number)


def masked_text(text: str | None) -> str:
    """Free text (a transcript line, an error, a text's body) with every phone number in it masked."""
    if not text:
        return ""
    return mask_phone_digits(_E164_INSIDE.sub(lambda m: PhoneNumber(m.group()).masked(), text))


def wall_clock(moment: datetime, zone: ZoneInfo, form: str = "%a %d %b %H:%M") -> str:
    return moment.astimezone(zone).strftime(form)


def duration(start: datetime, end: datetime | None) -> str:
    """`1:05` (minutes:seconds), `1:02:03` past an hour; an empty string when the call has no end."""
    if end is None:
        return ""
    seconds = max(0, round((end - start) / timedelta(seconds=1)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
