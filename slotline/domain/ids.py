"""Identifiers, kept distinct for the type checker."""

from typing import NewType

ServiceId = NewType("ServiceId", str)
StaffId = NewType("StaffId", str)
AppointmentId = NewType("AppointmentId", str)
