"""Names that came from outside (the CLI, a directory, a calendar event) are read out, stored and shown: one rule
cleans them wherever they enter — NFC, no control characters or terminal escapes, one space, at most 80 characters."""

from __future__ import annotations

import pytest

from slotline.domain.appointment import Appointment, AppointmentStatus, Customer
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.names import NAME_LIMIT, clean_name
from tests.unit.fakes_app import CALLER, FakesApp, at

ESC = "\x1b"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Dana \t\n Scully  ", "Dana Scully"),
        (f"{ESC}[31mDana{ESC}[0m Scully", "Dana Scully"),  # colour (CSI)
        (f"{ESC}]0;pwned\x07Dana{ESC}]8;;http://evil.example{ESC}\\ Scully", "Dana Scully"),  # title, hyperlink (OSC)
        ("Dana\x9b2JScully", "Dana Scully"),  # a C1 CSI clearing the screen
        ("Dana\x00\x07\x7f\x85Scully", "Dana Scully"),  # C0, DEL and C1 controls
        ("Dana \u202eylluc S", "Dana ylluc S"),  # a bidi override
        ("Rene\u0301e Zoe\u0308", "Ren\u00e9e Zo\u00eb"),  # NFC
    ],
)
def test_a_name_loses_controls_escapes_and_extra_space(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


def test_a_name_is_capped() -> None:
    assert NAME_LIMIT == 80
    assert clean_name("Dana " + "x" * 10_000) == ("Dana " + "x" * 10_000)[:NAME_LIMIT]
    assert clean_name("a" * 79 + " b") == "a" * 79  # no trailing space after the cut


def test_nothing_left_is_empty() -> None:
    assert clean_name(f" {ESC}[2J\x07 \x00 ") == ""


def test_customers_and_appointments_hold_clean_names_whoever_builds_them() -> None:
    assert Customer(CALLER, f"{ESC}[31mDana{ESC}[0m").name == "Dana"
    assert Customer(CALLER, "\x07 ").name is None
    slot = at(1, 10)
    booked = Appointment(
        AppointmentId("a1"), ServiceId("haircut"), StaffId("sam"), FakesApp().slot(slot).window, CALLER,
        AppointmentStatus.CONFIRMED, "D" * 10_000,
    )  # fmt: skip
    assert booked.customer_name == "D" * NAME_LIMIT


async def test_the_greeting_reads_a_capped_name() -> None:
    app = FakesApp()
    await app.customers.save(Customer(CALLER, "Z" * 10_000))

    greeting = (await app.conversation("call-1").start()).lines[0]

    assert greeting.startswith(f"Hi {'Z' * NAME_LIMIT}, thanks for calling")
    assert len(greeting) < NAME_LIMIT + 200
