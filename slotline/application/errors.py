"""Port errors: what a backend failure means to a use case, whatever the technology behind it."""

from __future__ import annotations

from slotline.domain.errors import SlotlineError


class BackendUnavailable(SlotlineError):
    """A backend could not answer in time or at all; the caller should be handed to a person."""


class CalendarUnavailable(BackendUnavailable):
    def __init__(self, detail: str) -> None:
        super().__init__(f"calendar unavailable: {detail}")
        self.detail = detail


class CalendarConflict(SlotlineError):
    """The calendar already has something at that time for that staff member."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"calendar conflict: {detail}")
        self.detail = detail


class EventNotFound(SlotlineError):
    def __init__(self, event_id: str) -> None:
        super().__init__(f"no calendar event {event_id!r}")
        self.event_id = event_id


class AppointmentNotFound(SlotlineError):
    def __init__(self, appointment_id: str) -> None:
        super().__init__(f"no appointment {appointment_id!r}")
        self.appointment_id = appointment_id


class HoldExpired(SlotlineError):
    def __init__(self, hold_id: str) -> None:
        super().__init__(f"hold {hold_id} has expired or was released")
        self.hold_id = hold_id


class StorageUnavailable(BackendUnavailable):
    def __init__(self, detail: str) -> None:
        super().__init__(f"storage unavailable: {detail}")
        self.detail = detail


class SmsSendFailed(SlotlineError):
    """Sending a text failed; `permanent` means retrying the same message cannot help."""

    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(f"{'permanent' if permanent else 'temporary'} SMS failure: {reason}")
        self.reason = reason
        self.permanent = permanent


class CallEnded(SlotlineError):
    """The call is already over (the caller hung up or the platform ended it)."""

    def __init__(self, call_id: str) -> None:
        super().__init__(f"call {call_id} has ended")
        self.call_id = call_id


class TelephonyUnavailable(BackendUnavailable):
    def __init__(self, detail: str) -> None:
        super().__init__(f"telephony unavailable: {detail}")
        self.detail = detail


class SpeechUnavailable(BackendUnavailable):
    """A speech engine (synthesiser or recogniser) is not installed, or failed on this input."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"speech unavailable: {detail}")
        self.detail = detail


class InterpreterUnavailable(BackendUnavailable):
    """A language model did not answer a caller's turn (down, rate-limited, too slow): the rules' reading stands."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"interpreter unavailable: {detail}")
        self.detail = detail


class InterpreterAnswerInvalid(InterpreterUnavailable):
    """A language model answered with something that is no interpretation (not JSON, not the schema)."""
