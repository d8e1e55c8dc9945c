"""The confirmation texts, filled from the stored booking record and the catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.phrasing import say_time


@dataclass(frozen=True, slots=True)
class TextTemplates:
    """str.format templates; fields: business, business_phone, service, staff, weekday, date, time."""

    booked: str = (
        "{business}: your {service} with {staff} is booked for {weekday} {date} at {time}. "
        "To change it, call {business_phone}."
    )
    rescheduled: str = (
        "{business}: your {service} is moved to {weekday} {date} at {time} with {staff}. "
        "To change it, call {business_phone}."
    )
    cancelled: str = (
        "{business}: your {service} on {weekday} {date} at {time} is cancelled. To book again, call {business_phone}."
    )
    reminder: str = (
        "{business}: a reminder of your {service} with {staff} on {weekday} {date} at {time}. "
        "To change it, call {business_phone}."
    )


class ConfirmationTexts:
    def __init__(self, catalogue: Catalogue, templates: TextTemplates | None = None) -> None:
        self._catalogue = catalogue
        self._templates = templates or TextTemplates()

    def _fill(self, template: str, appointment: Appointment) -> str:
        c = self._catalogue
        local = appointment.window.start.astimezone(c.zone)
        return template.format(
            business=c.business.name,
            business_phone=c.business.phone.e164,
            service=c.service(appointment.service_id).name.lower(),
            staff=c.staff_member(appointment.staff_id).name,
            weekday=f"{local:%a}",
            date=f"{local:%b} {local.day}",
            time=say_time(appointment.window.start, c.zone),
        )

    def booked(self, appointment: Appointment) -> str:
        return self._fill(self._templates.booked, appointment)

    def rescheduled(self, appointment: Appointment) -> str:
        return self._fill(self._templates.rescheduled, appointment)

    def cancelled(self, appointment: Appointment) -> str:
        return self._fill(self._templates.cancelled, appointment)

    def reminder(self, appointment: Appointment) -> str:
        return self._fill(self._templates.reminder, appointment)
