"""Contract suites: what every adapter of a port must do, as pytest base classes to subclass.

Subclass one (name the subclass `Test...` so pytest collects it) and override its one fixture that builds your
adapter; every inherited test then runs against it. See docs/testing-adapters.md.

Needs pytest and pytest-asyncio at test time; slotline itself does not depend on either at run time, and importing
slotline never imports this package.
"""

from slotline.testing.contracts.calendar import CalendarContract, CalendarUnderTest

__all__ = ["CalendarContract", "CalendarUnderTest"]
