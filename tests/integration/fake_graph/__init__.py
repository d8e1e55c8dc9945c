"""A fake Microsoft Graph calendar service on 127.0.0.1: just the endpoints GraphCalendarGateway calls, in memory.

It records every request, deduplicates event POSTs by `transactionId` the way Graph does, and can be told to
answer with faults (429 with Retry-After, 503, 504, 409, malformed JSON) or to stall.
"""

from tests.integration.fake_graph.faults import Fault
from tests.integration.fake_graph.server import FakeGraph, Recorded
from tests.integration.fake_graph.store import PropertyValues

__all__ = ["FakeGraph", "Fault", "PropertyValues", "Recorded"]
