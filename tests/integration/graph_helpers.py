"""Builders shared by the Graph integration tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from pydantic import SecretStr

from slotline.domain.catalogue import Catalogue, Service, StaffMember, WeeklyHours
from slotline.domain.ids import ServiceId, StaffId
from slotline.infrastructure.msgraph import GraphSettings
from slotline.infrastructure.msgraph.booking_tag import PHONE_PROPERTY
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from tests.integration.fake_graph import FakeGraph, PropertyValues
from tests.integration.sqlite_helpers import CATALOGUE

CALENDARS = [m.calendar for m in CATALOGUE.staff if m.calendar]
SAM, ALEX, JORDAN = (CATALOGUE.staff_member(s) for s in ("sam", "alex", "jordan"))
SAM_CAL, ALEX_CAL, JORDAN_CAL = CALENDARS


def config_for(fake: FakeGraph, **changes: Any) -> GraphSettings:
    """Settings for the fake on its port: a static token, and deadlines short enough for tests."""
    settings: dict[str, Any] = {"deadline_seconds": 2.0, "attempt_timeout_seconds": 1.0, **changes}
    return GraphSettings(base_url=fake.base_url, static_token=SecretStr(fake.token), **settings)


def gateway_for(fake: FakeGraph, catalogue: Catalogue = CATALOGUE, **changes: Any) -> GraphCalendarGateway:
    return GraphCalendarGateway(config_for(fake, **changes), catalogue)


def tagged(phone: str) -> PropertyValues:
    """The property a staff member sets on an event they booked by hand for this customer."""
    return {PHONE_PROPERTY: phone}


def staffed_catalogue(staff: int) -> Catalogue:
    """The sample business with `staff` members, each with a calendar, all doing one service."""
    members = tuple(
        StaffMember(StaffId(f"s{i}"), f"Staff {i}", WeeklyHours({}), f"s{i}@maple.example") for i in range(staff)
    )
    service = Service(ServiceId("haircut"), "Haircut", timedelta(minutes=30), tuple(m.id for m in members))
    return replace(CATALOGUE, services=(service,), staff=members, closures=(), special_hours=())
