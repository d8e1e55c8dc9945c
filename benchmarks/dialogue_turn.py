"""Understanding + dialogue policy per caller turn, no I/O: the CPU the agent spends deciding what to say.

Run: python -m benchmarks.dialogue_turn [--calls N]
Each scripted call is a booking conversation; every caller turn is timed from text in to actions out
(interpretation plus policy), and the backend answers the policy asks for are pre-computed outside the timing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import deque
from datetime import timedelta

from slotline.domain.appointment import Appointment, AppointmentStatus, Hold
from slotline.domain.availability import find_slots
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.policy import DialoguePolicy
from slotline.domain.ids import AppointmentId, ServiceId
from slotline.domain.phone import PhoneNumber
from slotline.domain.selection import choose_offers
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NEW_YORK, NOW, sample_catalogue

CALLER = PhoneNumber("+12125550123")
SCRIPTS = [
    ["hi i'd like to book a haircut", "next tuesday afternoon", "the second one", "yes please", "no that's all"],
    ["can i get a massage on friday around ten", "the first one", "yeah", "nope bye"],
    ["um i need a consultation with jordan", "december third in the morning", "the earliest", "correct", "bye"],
    ["book hair colouring the twenty third at half past two", "yes", "no thanks"],
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=400)
    args = parser.parse_args()
    catalogue = sample_catalogue()
    interpreter = RulesUtteranceInterpreter(catalogue)
    slots = {
        s.id: list(find_slots(catalogue, s, NOW.date(), NOW.date() + timedelta(days=30), StaffLoad(), NOW))
        for s in catalogue.services
    }
    timings: list[float] = []
    for n in range(args.calls):
        policy = DialoguePolicy(catalogue)
        pending: deque[ev.Event] = deque([ev.CallStarted(CALLER)])
        for line in [None, *SCRIPTS[n % len(SCRIPTS)]]:
            if line is not None:
                t0 = time.perf_counter()
                heard = interpreter.understand(line, NOW)
                actions = policy.handle(ev.Heard(heard))
                timings.append((time.perf_counter() - t0) * 1e6)
                pending.extend(_answers(actions, slots))
            while pending:  # backend answers, outside the timing
                pending.extend(_answers(policy.handle(pending.popleft()), slots))
    timings.sort()

    def p(q: float) -> float:
        return timings[min(len(timings) - 1, int(q * len(timings)))]

    print(f"{len(timings)} caller turns over {args.calls} calls (interpretation + policy, no I/O)")
    print("| p50 us | p90 us | p99 us | max us | mean us |")
    print("|---|---|---|---|---|")
    print(f"| {p(0.5):.0f} | {p(0.9):.0f} | {p(0.99):.0f} | {timings[-1]:.0f} | {statistics.fmean(timings):.0f} |")


def _answers(actions: list[act.Action], slots: dict[ServiceId, list[Slot]]) -> list[ev.Event]:
    out: list[ev.Event] = []
    for action in actions:
        match action:
            case act.FindSlots(service_id=sid, preference=pref):
                out.append(ev.SlotsFound(choose_offers(slots[sid], pref, NEW_YORK, 3)))
            case act.PlaceHold(slot=slot):
                out.append(ev.HoldPlaced(Hold("h", slot, slot.window, NOW + timedelta(minutes=5), "k")))
            case act.Book(hold=hold):
                s = hold.slot
                booked = Appointment(
                    AppointmentId("a"), s.service_id, s.staff_id, s.window, CALLER, AppointmentStatus.CONFIRMED
                )
                out.append(ev.Booked(booked))
            case act.ConfirmBySms(appointment=a):
                out.append(ev.ConfirmationQueued(a.customer_phone))
    return out


if __name__ == "__main__":
    main()
