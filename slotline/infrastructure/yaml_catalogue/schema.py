"""The catalogue file's shape: every field validated, with a readable problem, before any domain object is built."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from typing import Annotated, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, StrictBool, StrictInt, StrictStr
from pydantic_core import PydanticCustomError

from slotline.domain.errors import InvalidPhoneNumber
from slotline.domain.local_time import LocalSpan
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.reminders import QuietHours
from slotline.infrastructure.common.phone_parsing import parse_phone

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPAN = re.compile(r"(\d\d):(\d\d)-(\d\d):(\d\d)")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_DEFAULT = BookingPolicy()


def _problem(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def span_text(span: LocalSpan) -> str:
    """A span the way the file writes it, with 24:00 for midnight."""
    end = "24:00" if span.ends_at_midnight else f"{span.end:%H:%M}"
    return f"{span.start:%H:%M}-{end}"


def _parse_span(value: object) -> LocalSpan:
    if not isinstance(value, str):
        raise _problem("span_type", 'expected a quoted time span like "09:00-12:00"')
    match = _SPAN.fullmatch(value.replace(" ", ""))
    if match is None:
        raise _problem("span_format", 'expected a time span like "09:00-12:00" (HH:MM-HH:MM, 24-hour clock)')
    h0, m0, h1, m1 = (int(g) for g in match.groups())
    if h0 > 23 or m0 > 59 or m1 > 59 or h1 > 24 or (h1 == 24 and m1 != 0):
        raise _problem("span_clock", "not a time of day (00:00 to 23:59, or 24:00 as the end)")
    if (h1, m1) == (0, 0):
        raise _problem("span_midnight", "a span cannot end at 00:00; write 24:00 for midnight")
    if (h1, m1) <= (h0, m0):
        raise _problem("span_order", "the span ends before it starts")
    return LocalSpan(dt.time(h0, m0), dt.time(h1 % 24, m1))


def _parse_quiet(value: object) -> QuietHours:
    if not isinstance(value, str):
        raise _problem("quiet_type", 'expected quoted quiet hours like "21:00-08:00"')
    match = _SPAN.fullmatch(value.replace(" ", ""))
    if match is None:
        raise _problem("quiet_format", 'expected quiet hours like "21:00-08:00" (HH:MM-HH:MM, 24-hour clock)')
    h0, m0, h1, m1 = (int(g) for g in match.groups())
    if h0 > 23 or h1 > 23 or m0 > 59 or m1 > 59:
        raise _problem("quiet_clock", "not a time of day (00:00 to 23:59)")
    if (h0, m0) == (h1, m1):
        raise _problem("quiet_empty", "quiet hours that start when they end are empty; write null for none")
    return QuietHours(dt.time(h0, m0), dt.time(h1, m1))


def _disjoint(spans: list[LocalSpan]) -> list[LocalSpan]:
    for left, right in pairwise(sorted(spans, key=lambda s: s.start)):
        if left.ends_at_midnight or right.start < left.end:
            raise _problem("span_overlap", f"{span_text(left)} overlaps {span_text(right)}")
    return spans


def _parse_zone(value: object) -> ZoneInfo:
    if isinstance(value, str) and value:
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    raise _problem("time_zone", "not a known IANA time zone name, e.g. America/New_York or Europe/London")


def _parse_phone(value: object) -> PhoneNumber:
    if not isinstance(value, str):
        raise _problem("phone_type", 'expected a quoted phone number like "+12125550100"')
    try:
        return parse_phone(value, default_region=None)  # the file must give the country code
    except InvalidPhoneNumber:
        raise _problem("phone_invalid", "not a valid phone number with its country code, like +12125550100") from None


def _check_id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise _problem("id_format", "an id is letters, digits, '_', '-' or '.', without spaces")
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise _problem("blank", "cannot be blank")
    return value


def _check_interval(minutes: int) -> int:
    if minutes < 1 or (24 * 60) % minutes:
        raise _problem("slot_interval", "must be whole minutes that divide a day (5, 10, 15, 20, 30, 60...)")
    return minutes


Span = Annotated[LocalSpan, PlainValidator(_parse_span)]
SpanList = Annotated[list[Span], AfterValidator(_disjoint)]
Id = Annotated[StrictStr, AfterValidator(_check_id)]
Text = Annotated[StrictStr, AfterValidator(_check_text)]
Minutes = Annotated[StrictInt, Field(ge=0)]
Positive = Annotated[StrictInt, Field(gt=0)]


def _minutes(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 60)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InsuranceFile(_Strict):
    accepted: list[Text] = Field(default_factory=list)
    declined: list[Text] = Field(default_factory=list)


class UrgentFile(_Strict):
    words: Annotated[list[Text], Field(min_length=1)]
    say: Text


class FaqFile(_Strict):
    ask: Annotated[list[Text], Field(min_length=1)]
    answer: Text


class BusinessFile(_Strict):
    name: Text
    timezone: Annotated[ZoneInfo, PlainValidator(_parse_zone)]
    phone: Annotated[PhoneNumber, PlainValidator(_parse_phone)]
    address: Text | None = None
    directions: Text | None = None
    parking: Text | None = None
    payment: list[Text] = Field(default_factory=list)
    insurance: InsuranceFile = Field(default_factory=InsuranceFile)
    urgent: UrgentFile | None = None
    faq: list[FaqFile] = Field(default_factory=list)


class PolicyFile(_Strict):
    slot_interval_minutes: Annotated[StrictInt, AfterValidator(_check_interval)] = _minutes(_DEFAULT.slot_interval)
    min_notice_minutes: Minutes = _minutes(_DEFAULT.min_notice)
    max_days_ahead: Minutes = _DEFAULT.max_days_ahead
    hold_seconds: Positive = int(_DEFAULT.hold_ttl.total_seconds())
    offers_per_turn: Positive = _DEFAULT.offers_per_turn
    daily_cap_per_staff: Positive | None = _DEFAULT.daily_cap_per_staff
    buffers_within_hours: StrictBool = _DEFAULT.buffers_within_hours


class RemindersFile(_Strict):
    minutes_before: Annotated[list[Positive], Field(max_length=5)] = Field(default_factory=lambda: [24 * 60])
    quiet_hours: Annotated[QuietHours, PlainValidator(_parse_quiet)] | None = Field(
        default_factory=lambda: _parse_quiet("21:00-08:00")
    )


class ServiceFile(_Strict):
    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    price: Text | None = None
    description: Text | None = None
    duration_minutes: Positive
    buffer_before_minutes: Minutes = 0
    buffer_after_minutes: Minutes = 0
    staff: Annotated[list[Id], Field(min_length=1)]


class WeekHoursFile(_Strict):
    mon: SpanList = Field(default_factory=list)
    tue: SpanList = Field(default_factory=list)
    wed: SpanList = Field(default_factory=list)
    thu: SpanList = Field(default_factory=list)
    fri: SpanList = Field(default_factory=list)
    sat: SpanList = Field(default_factory=list)
    sun: SpanList = Field(default_factory=list)

    def by_weekday(self) -> dict[int, tuple[LocalSpan, ...]]:
        """Spans per weekday number (0 = Monday), leaving out days without any."""
        spans = (self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun)
        return {day: tuple(s) for day, s in enumerate(spans) if s}


class StaffFile(_Strict):
    id: Id
    name: Text
    title: Text | None = None
    calendar: Text | None = None
    hours: WeekHoursFile
    breaks: list[Span] = Field(default_factory=list)
    overrides: dict[dt.date, SpanList] = Field(default_factory=dict)


class ClosureFile(_Strict):
    date: dt.date
    reason: StrictStr = ""


class SpecialHoursFile(_Strict):
    date: dt.date
    hours: SpanList
    reason: StrictStr = ""


class CatalogueFile(_Strict):
    business: BusinessFile
    policy: PolicyFile = Field(default_factory=PolicyFile)
    services: Annotated[list[ServiceFile], Field(min_length=1)]
    staff: Annotated[list[StaffFile], Field(min_length=1)]
    closures: list[ClosureFile] = Field(default_factory=list)
    special_hours: list[SpecialHoursFile] = Field(default_factory=list)
    reminders: RemindersFile = Field(default_factory=RemindersFile)


def allowed_fields(loc: tuple[int | str, ...]) -> list[str]:
    """The field names the file may use at `loc` (empty when `loc` is not inside a section)."""
    model: type[BaseModel] = CatalogueFile
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        inner = _model_in(field.annotation) if field else None
        if inner is None:
            return []
        model = inner
    return list(model.model_fields)


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
