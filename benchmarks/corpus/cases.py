"""The corpus files' shape (tests/conversations/README.md), validated as strictly as the catalogue itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StrictStr, ValidationError

from slotline.domain.catalogue import Catalogue
from slotline.domain.errors import SlotlineError
from slotline.infrastructure.yaml_catalogue import load_catalogue
from slotline.infrastructure.yaml_catalogue.loader import describe, field_path

ROOT = Path(__file__).resolve().parents[2] / "tests" / "conversations"
SPLITS = (
    "tuned",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "heldout24",
    "heldout25",
    "heldout26",
    "heldout27",
    "heldout28",
    "heldout29",
    "heldout30",
    "heldout31",
    "heldout32",
    "heldout33",
    "heldout34",
    "heldout35",
    "heldout36",
    "heldout37",
    "heldout38",
    "heldout39",
    "heldout40",
    "heldout41",
    "heldout42",
    "heldout43",
    "heldout44",
    "heldout45",
    "heldout46",
    "heldout47",
    "heldout48",
    "heldout49",
    "heldout50",
    "heldout51",
    "heldout52",
    "heldout53",
    "heldout54",
)
CATEGORIES = (
    "booking",
    "questions",
    "urgent_and_people",
    "service_names",
    "relative_dates",
    "dates_times",
    "corrections",
    "offers_talk",
    "move_cancel",
    "closing_and_closed",
)
Category = Literal[
    "booking",
    "questions",
    "urgent_and_people",
    "service_names",
    "relative_dates",
    "dates_times",
    "corrections",
    "offers_talk",
    "move_cancel",
    "closing_and_closed",
]
Outcome = Literal["booked", "rescheduled", "cancelled", "transferred", "ended"]


class CorpusFileInvalid(SlotlineError):
    """A corpus file cannot be used; the message names the file, the conversation's field and the problem."""

    def __init__(self, path: Path, field: str, problem: str) -> None:
        self.path = path
        self.field = field
        super().__init__(f"{path}: {field}: {' '.join(problem.split())}" if field else f"{path}: {problem}")


def _hh_mm(value: str) -> str:
    dt.time.fromisoformat(value)  # raises ValueError, reported by pydantic
    if len(value) != 5:
        raise ValueError("expected HH:MM")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BookingExpectation(_Strict):
    """What must be true of the appointment booked or moved; time and staff only where one answer is right."""

    service: StrictStr
    date: dt.date
    time: Annotated[StrictStr, AfterValidator(_hh_mm)] | None = None
    staff: StrictStr | None = None


class Expectation(_Strict):
    outcome: Outcome
    booking: BookingExpectation | None = None
    bookings: Annotated[int, Field(ge=1)] = 1
    reason: StrictStr | None = None
    says: list[StrictStr] = Field(default_factory=list)


class SeedAppointment(_Strict):
    service: StrictStr
    staff: StrictStr
    start: AwareDatetime


class BusyBlock(_Strict):
    staff: StrictStr
    start: AwareDatetime
    end: AwareDatetime


def _known_split(split: str) -> str:
    """A split is one of SPLITS, or "adhoc" for a case built outside the corpus files."""
    if split not in (*SPLITS, "adhoc"):
        raise ValueError(f"unknown split {split!r}; one of {', '.join(SPLITS)} or adhoc")
    return split


class Case(_Strict):
    """One whole conversation: the business, the pinned clock, what the caller says and what must come of it."""

    id: Annotated[StrictStr, Field(pattern=r"^[a-z_]+-[a-z]{0,2}\d{3}$")]
    category: Category
    catalogue: StrictStr
    now: AwareDatetime
    caller: StrictStr | None
    customer: StrictStr | None = None
    appointments: list[SeedAppointment] = Field(default_factory=list)
    busy: list[BusyBlock] = Field(default_factory=list)
    turns: Annotated[list[StrictStr], Field(min_length=1)]
    expect: Expectation
    split: Annotated[StrictStr, AfterValidator(_known_split)] = "adhoc"


def catalogue_path(name: str) -> Path:
    return ROOT / "catalogues" / f"{name}.yaml"


@cache
def business_catalogue(name: str) -> Catalogue:
    """The test business `name`, read once per process."""
    return load_catalogue(catalogue_path(name))


def load_cases(splits: Iterable[str] = SPLITS) -> list[Case]:
    """Every conversation of `splits`, in file order, each checked against its catalogue; ids unique across all."""
    cases: list[Case] = []
    seen: dict[str, Path] = {}
    for split in splits:
        for path in sorted((ROOT / split).glob("*.yaml")):
            for i, case in enumerate(_read(path, split)):
                if case.id in seen:
                    raise CorpusFileInvalid(path, f"[{i}].id", f"{case.id} is also in {seen[case.id]}")
                seen[case.id] = path
                problem = case_problem(case, path.stem)
                if problem:
                    raise CorpusFileInvalid(path, f"[{i}] ({case.id})", problem)
                cases.append(case)
    return cases


def _read(path: Path, split: str) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise CorpusFileInvalid(path, "", "expected a list of conversations")
    cases: list[Case] = []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise CorpusFileInvalid(path, f"[{i}]", "expected a mapping (id, category, catalogue, now, turns...)")
        try:
            cases.append(Case.model_validate({**item, "split": split}))
        except ValidationError as exc:
            error = exc.errors(include_url=False)[0]
            raise CorpusFileInvalid(path, f"[{i}].{field_path(error['loc'])}", describe(error)) from None
    return cases


def case_problem(case: Case, file_category: str | None = None) -> str | None:
    """What makes this conversation unusable with its catalogue, or None."""
    if file_category is not None and case.category != file_category:
        return f"category {case.category} in the file of {file_category}"
    if not catalogue_path(case.catalogue).is_file():
        return f"no catalogue {case.catalogue!r} in {ROOT / 'catalogues'}"
    catalogue = business_catalogue(case.catalogue)
    services = {s.id for s in catalogue.services}
    staff = {m.id for m in catalogue.staff}
    expect = case.expect
    refs: list[tuple[str | None, str | None]] = [(a.service, a.staff) for a in case.appointments]
    refs += [(None, b.staff) for b in case.busy]
    if expect.booking is not None:
        refs.append((expect.booking.service, expect.booking.staff))
    for service, member in refs:
        if service is not None and service not in services:
            return f"unknown service {service!r}"
        if member is not None and member not in staff:
            return f"unknown staff member {member!r}"
    if expect.outcome in ("booked", "rescheduled") and expect.booking is None:
        return f"outcome {expect.outcome} needs a booking"
    if expect.outcome in ("transferred", "ended") and expect.booking is not None:
        return f"outcome {expect.outcome} cannot have a booking"
    if expect.outcome in ("rescheduled", "cancelled") and not case.appointments:
        return f"outcome {expect.outcome} needs an appointment to start from"
    if case.appointments and case.caller is None:
        return "appointments need the caller's number"
    if expect.reason is not None and expect.outcome != "transferred":
        return "a reason is only for a transfer"
    if expect.booking is not None and expect.booking.date < case.now.astimezone(catalogue.zone).date():
        return "the expected booking is in the past"
    return None
