"""The extended properties that mark an Outlook event as a slotline booking, and their value format.

Two single-value String properties in slotline's own property set (the GUID must never change):

- PHONE_PROPERTY, value: the customer's phone in E.164 ("+12125550123"). Its presence is what makes an event a
  booking; `upcoming` finds a customer's events by filtering on it, so staff who set it on an event they made
  by hand get that event treated as the customer's appointment too.
- BOOKING_PROPERTY, value: compact JSON, version 1:
  {"v":1,"appointment":"<appointment id>","service":"<service id>","staff":"<staff id>","name":"<customer name>"}
  Every key but "v" is optional. slotline always writes all of them; a hand-made booking may leave the
  property out entirely (the service is then inferred from the subject, see `mapping.appointment_from`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from slotline.domain.appointment import Appointment

__all__ = ["BOOKING_PROPERTY", "PHONE_PROPERTY", "PROPERTY_SET", "BookingTag"]

PROPERTY_SET = "{6c0a8f4e-2d1b-4f7a-9e35-b81c47d2a960}"
PHONE_PROPERTY = f"String {PROPERTY_SET} Name slotlineCustomerPhone"
BOOKING_PROPERTY = f"String {PROPERTY_SET} Name slotlineBooking"
_VERSION = 1


@dataclass(frozen=True, slots=True)
class BookingTag:
    """What BOOKING_PROPERTY says about the appointment behind an event."""

    appointment_id: str | None = None
    service_id: str | None = None
    staff_id: str | None = None
    customer_name: str | None = None

    @classmethod
    def of(cls, appointment: Appointment) -> BookingTag:
        return cls(appointment.id, appointment.service_id, appointment.staff_id, appointment.customer_name)

    def encode(self) -> str:
        fields = {
            "appointment": self.appointment_id,
            "service": self.service_id,
            "staff": self.staff_id,
            "name": self.customer_name,
        }
        data = {"v": _VERSION, **{k: v for k, v in fields.items() if v}}
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def decode(cls, value: str | None) -> BookingTag:
        """Lenient: a missing, garbled or unknown-version value reads as an empty tag."""
        if not value:
            return cls()
        try:
            data = json.loads(value)
        except ValueError:
            return cls()
        if not isinstance(data, dict) or data.get("v") != _VERSION:
            return cls()

        def text(key: str) -> str | None:
            item = data.get(key)
            return item if isinstance(item, str) and item else None

        return cls(text("appointment"), text("service"), text("staff"), text("name"))
