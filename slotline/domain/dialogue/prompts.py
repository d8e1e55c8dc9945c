"""Everything the agent says, built from catalogue data and stored records (never from what the caller said)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, tzinfo

from slotline.domain.appointment import Appointment, Customer
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.actions import TransferReason
from slotline.domain.dialogue.anchors import say_day_near
from slotline.domain.dialogue.answers import DEFAULT_URGENT_SAY
from slotline.domain.dialogue.phrasing import (
    article,
    say_bounds,
    say_date,
    say_days,
    say_digits,
    say_list,
    say_time,
    say_when,
)
from slotline.domain.dialogue.sentences import full_stop, join_sentences
from slotline.domain.preference import Preference
from slotline.domain.selection import Offer
from slotline.domain.slot import Slot


@dataclass(frozen=True, slots=True)
class SingleOffer:
    """The only offer, held as it is offered and read back in the same sentence."""

    lead: str
    """Why it is not quite what was asked for ("That exact time isn't free."), or ""."""
    nearest: bool
    """It is not on the day asked for ("The nearest I have is ...")."""


def _local(slot: Slot, zone: tzinfo) -> time:
    return slot.window.start.astimezone(zone).time()


def _on_days(pref: Preference) -> str:
    """'on Tuesday, December 1st', 'between Monday, November 30th and Sunday, December 6th', or ''."""
    if pref.day is None:
        return ""
    if pref.last_day is None:
        return f"on {say_date(pref.day)}"
    return say_days(pref.day, pref.last_day)


NOT_HEARD = "Sorry, I'm having trouble hearing you right now; let me put you through to the team."
"""Said when the speech recogniser fails on a turn (TransferReason.NOT_HEARD)."""


# What a question may begin with that is not said twice when it is asked again
_LEAD_INS = ("Sorry, I want to get this right: ", "No problem. ")


class Prompts:
    def __init__(self, catalogue: Catalogue) -> None:
        self._c = catalogue

    def _service(self, service_id: str) -> str:
        return self._c.service(service_id).name.lower()

    def _staff(self, staff_id: str) -> str:
        return self._c.staff_member(staff_id).spoken_name

    def describe(self, appointment: Appointment) -> str:
        """'a haircut on Tuesday, December 1st at 3:30 PM with Sam'."""
        when = say_when(appointment.window.start, self._c.zone)
        return f"{article(self._service(appointment.service_id))} on {when} with {self._staff(appointment.staff_id)}"

    def greeting(self, customer: Customer | None, upcoming: tuple[Appointment, ...]) -> str:
        hello = f"Hi {customer.name.split()[0]}, thanks" if customer and customer.name else "Thanks"
        opening = full_stop(f"{hello} for calling {self._c.business.name}")
        if upcoming:
            seen = f"I see you have {self.describe(upcoming[0])}."
            return join_sentences(opening, seen, self.intent_question(upcoming))
        return join_sentences(opening, "I can book, reschedule or cancel an appointment. What can I do for you?")

    def intent_question(self, upcoming: tuple[Appointment, ...]) -> str:
        """The greeting's question on its own, for reprompts."""
        if upcoming:
            return "Would you like to reschedule it, cancel it, or book something new?"
        return "Would you like to book, reschedule or cancel an appointment?"

    def ask_service(self) -> str:
        names = [s.name.lower() for s in self._c.services]
        return f"What would you like to book? We offer {say_list(names)}."

    def ask_day(self, rescheduling: bool) -> str:
        if rescheduling:
            return "What day and time would suit you instead?"
        return "What day would you like to come in?"

    def which_when(self, *, day: bool, time: bool) -> str:
        """Asked when the caller said more about the day or time than was understood: never guessed."""
        if day and time:
            return "Sorry, I want to get this right: which day and time did you mean?"
        if time:
            return "Sorry, I want to get this right: what time did you mean?"
        return "Sorry, I want to get this right: which day did you mean?"

    def which_of_days(self, days: tuple[date, ...]) -> str:
        """Asked when a weekday could be either of two days ("move the Tuesday scan to Saturday": this Saturday, or
        the one in the scan's week), naming both so that "the first one" or "the 11th" answers it."""
        return f"Sorry, I want to get this right: {' or '.join(say_date(d) for d in days)}?"

    def which_day_for_the_time(self) -> str:
        """Asked when the answer to "which day and time did you mean?" gave a time and no day: never today by
        default."""
        return "And which day would that be?"

    def nothing_free(self, service_id: str, pref: Preference) -> str:
        when = " ".join(w for w in (say_bounds(pref.bounds), _on_days(pref)) if w) or "around then"
        service = article(self._service(service_id))
        another = "another day or time" if not pref.bounds.unbounded else "another day"
        return f"I'm sorry, I don't have anything free for {service} {when}. Would {another} work?"

    def offer(self, offer: Offer, pref: Preference) -> str:
        zone = self._c.zone
        lead = self.offer_lead(offer, pref)
        nearest = not offer.on_preferred_day and pref.day is not None
        if nearest:
            lead = f"{lead} The nearest I have are"
        days = {s.window.start.astimezone(zone).date() for s in offer.slots}
        if len(days) == 1:
            (day,) = days
            times = [f"{say_time(s.window.start, zone)} with {self._staff(s.staff_id)}" for s in offer.slots]
            listing = f"on {say_date(day)} I have {say_list(times)}"
        else:
            times = [f"{say_when(s.window.start, zone)} with {self._staff(s.staff_id)}" for s in offer.slots]
            listing = ("" if nearest else "I have ") + say_list(times)
        question = "Would that work?" if len(offer.slots) == 1 else "Which would you like?"
        return join_sentences(lead, f"{listing}.", question)

    def offer_lead(self, offer: Offer, pref: Preference) -> str:
        """Why the offers are not quite what was asked for ("That exact time isn't free."), or ""."""
        zone = self._c.zone
        lead = ""
        if not offer.on_preferred_day and pref.day is not None:
            wanted = " ".join(w for w in (say_bounds(pref.bounds), _on_days(pref)) if w)
            lead = f"I have nothing left {wanted}."
        elif pref.at is not None and not pref.approximate and all(_local(s, zone) != pref.at for s in offer.slots):
            lead = "That exact time isn't free."
        elif pref.part_of_day is not None and pref.day is not None and pref.at is None:
            part = pref.part_of_day
            if not any(part.includes(_local(s, zone)) for s in offer.slots):  # "nothing on Thursday afternoon?"
                lead = f"I have nothing left {_on_days(pref)} in the {part.value}."
        return lead

    def which_one(self, count: int) -> str:
        choices = ["the first", "the second", "the third", "the fourth", "the fifth"][:count]
        return f"Which one would you like: {say_list(choices)}?"

    def which_of(self, slots: tuple[Slot, ...]) -> str:
        """'Sorry, was that 12:45 PM with Jordan or 2:45 PM with Sam?': by time, which callers tell apart."""
        zone = self._c.zone
        one_day = len({s.window.start.astimezone(zone).date() for s in slots}) == 1
        say = say_time if one_day else say_when
        times = [f"{say(s.window.start, zone)} with {self._staff(s.staff_id)}" for s in slots]
        return f"Sorry, was that {say_list(times)}?"

    def only_n(self, count: int) -> str:
        return join_sentences(f"I only offered {count}.", self.which_one(count))

    def readback(
        self,
        slot: Slot,
        moving: Appointment | None,
        today: date | None = None,
        texted_to: tuple[str, ...] = (),
        offering: SingleOffer | None = None,
    ) -> str:
        """With `today`, a near day is said the way a caller would say it ("tomorrow, Thursday the 26th"), so
        that a day misunderstood is heard as one; with `texted_to`, the number the caller gave unasked, which is
        read back with the booking instead of on its own; with `offering` (the only offer, held as it is offered),
        an offer and its read-back in one ("That exact time isn't free. The nearest I have is a filling with Bruno
        Costa next Thursday, the 9th at 9 AM. Shall I book it?"), so that it is not agreed to twice."""
        zone = self._c.zone
        staff = self._c.staff_member(slot.staff_id).name
        start = slot.window.start
        day = say_day_near(start.astimezone(zone).date(), today)
        at = f"{',' if day.count(',') > 1 else ''} at {say_time(start, zone)}"
        if moving is not None:
            old = say_when(moving.window.start, zone)
            service = self._service(slot.service_id)
            if offering is not None:
                intro = "The nearest I have is" if offering.nearest else "I have"
                said = f"{intro} {day.removeprefix('on ')}{at} with {staff}."
                return join_sentences(offering.lead, said, f"Shall I move your {service} there from {old}?")
            return (
                f"Let me read that back: your {service} moves from {old} "
                f"to {day.removeprefix('on ')}{at} with {staff}. Shall I go ahead?"
            )
        service = article(self._service(slot.service_id))
        texted = f", and I'll text {say_digits(texted_to)}" if texted_to else ""
        if offering is not None:
            intro = "The nearest I have is" if offering.nearest else "I have"
            said = f"{intro} {service} with {staff} {day}{at}{texted}."
            return join_sentences(offering.lead, said, "Shall I book it?")
        return f"Let me read that back: {service} with {staff} {day}{at}{texted}. Shall I book it?"

    def ask_number(self) -> str:
        return "What number can we text the confirmation to?"

    def number_readback(self, groups: tuple[str, ...]) -> str:
        return f"I have {say_digits(groups)}. Is that right?"

    def not_a_number(self) -> str:
        return join_sentences("Sorry, that doesn't sound like a full phone number.", self.ask_number())

    def no_extension(self) -> str:
        return f"Sorry, a text can't go to an extension. {self.ask_number()}"

    def number_again(self) -> str:
        return join_sentences("Sorry about that.", self.ask_number())

    def number_taken(self) -> str:
        return "Thank you."

    def confirm_yes_no(self, prompt: str = "") -> str:
        return join_sentences("Please say yes or no.", prompt)

    def booked(self, stored: Appointment) -> str:
        return f"You're booked: {self.describe(stored)}."

    def rescheduled(self, stored: Appointment) -> str:
        return f"Done. Your {self._service(stored.service_id)} is now on " + (
            f"{say_when(stored.window.start, self._c.zone)} with {self._staff(stored.staff_id)}."
        )

    def cancelled(self, stored: Appointment) -> str:
        when = say_when(stored.window.start, self._c.zone)
        return f"Your {self._service(stored.service_id)} on {when} is cancelled."

    def confirm_cancel(self, appointment: Appointment) -> str:
        when = say_when(appointment.window.start, self._c.zone)
        service = self._service(appointment.service_id)
        return f"Just to confirm: shall I cancel your {service} on {when} with {self._staff(appointment.staff_id)}?"

    def texted(self, textable: bool, *, sent: bool) -> str:
        """Only a text the provider has accepted is 'sent'; one still queued is promised."""
        if not textable:
            return "I can't send a text to this number, so please make a note of it."
        if sent:
            return "I've sent you a text with the details."
        return "I'll text you the details."

    def anything_else(self) -> str:
        return "Is there anything else I can help you with?"

    def what_else(self) -> str:
        return "What can I help you with?"

    def no_upcoming(self) -> str:
        return "I don't see an upcoming appointment for this number. Would you like to book a new one?"

    def not_booked(self) -> str:
        return "No problem, I won't book that."

    def keep_it(self) -> str:
        return "Okay, I'll keep it as it is."

    def what_to_change(self) -> str:
        return "What would you like to change: the service, the day or the time?"

    def other_time(self, others_left: bool) -> str:
        if others_left:
            return "No problem. Would one of the other times work, or would you like another day?"
        return "No problem. What day or time would suit you better?"

    def slot_taken(self) -> str:
        return "I'm sorry, that time was just taken. Let me look again."

    def sorry_again(self, prompt: str) -> str:
        """ "Sorry, I didn't catch that. Which day did you mean?": the question again, without an apology or a "No
        problem" of its own in front of it."""
        for lead in _LEAD_INS:
            if prompt.startswith(lead):
                rest = prompt.removeprefix(lead)
                prompt = rest[:1].upper() + rest[1:]
                break
        return join_sentences("Sorry, I didn't catch that.", prompt)

    def still_there(self, prompt: str) -> str:
        return join_sentences("Are you still there?", prompt)

    def goodbye(self) -> str:
        return join_sentences(full_stop(f"Thank you for calling {self._c.business.name}"), "Goodbye!")

    def transfer(self, reason: TransferReason) -> str:
        team = "Let me connect you with someone from the team."
        urgent = self._c.business.facts.urgent
        return {
            TransferReason.CALLER_ASKED: f"Of course. {team}",
            TransferReason.MISUNDERSTANDINGS: f"I'm sorry, I'm having trouble understanding. {team}",
            TransferReason.SILENCE: "I can't hear you, so I'll connect you with someone from the team.",
            TransferReason.NOTHING_SUITABLE: f"I'm sorry I couldn't find a time that works for you. {team}",
            TransferReason.BACKEND: f"I'm sorry, I can't reach our booking system right now. {team}",
            TransferReason.NOT_HEARD: NOT_HEARD,
            TransferReason.NO_CALLER_ID: f"I'm sorry, I couldn't get a phone number to book under. {team}",
            TransferReason.SHUTTING_DOWN: f"I'm sorry, I have to hand you over now. {team}",
            TransferReason.URGENT: urgent.say if urgent is not None else DEFAULT_URGENT_SAY,
            TransferReason.NO_INFORMATION: f"Of course. {team}",
        }[reason]
