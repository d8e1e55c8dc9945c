"""In-memory fakes of every port slotline's use cases call, for fast, deterministic tests.

They keep the promises the use cases rely on (see slotline.testing.contracts, which they pass): the ledger refuses
overlapping reservations, keys make writes idempotent, and a booking change and its texts are stored together.
They import only slotline.domain and slotline.application.
"""

from slotline.testing.fakes.calendar import InMemoryCalendarGateway
from slotline.testing.fakes.call_records import InMemoryCallRecords
from slotline.testing.fakes.clock import SettableClock
from slotline.testing.fakes.customers import InMemoryCustomerDirectory
from slotline.testing.fakes.ledger import InMemorySlotLedger
from slotline.testing.fakes.outbox import InMemoryOutbox
from slotline.testing.fakes.sms import RecordingSmsSender, SentText
from slotline.testing.fakes.store import InMemoryStore

__all__ = [
    "InMemoryCalendarGateway",
    "InMemoryCallRecords",
    "InMemoryCustomerDirectory",
    "InMemoryOutbox",
    "InMemorySlotLedger",
    "InMemoryStore",
    "RecordingSmsSender",
    "SentText",
    "SettableClock",
]
