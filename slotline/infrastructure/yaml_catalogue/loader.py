"""Read a catalogue YAML file into a `domain.catalogue.Catalogue`; any flaw becomes one `CatalogueFileInvalid`."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from slotline.domain.catalogue import (
    Business,
    BusinessFacts,
    Catalogue,
    Closure,
    FaqEntry,
    InsuranceSchemes,
    Service,
    SpecialHours,
    StaffMember,
    UrgentCare,
    WeeklyHours,
)
from slotline.domain.errors import InvalidValue, SlotlineError
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.policy import BookingPolicy
from slotline.domain.reminders import ReminderPolicy
from slotline.infrastructure.yaml_catalogue.checks import cross_reference_problems
from slotline.infrastructure.yaml_catalogue.schema import (
    BusinessFile,
    CatalogueFile,
    PolicyFile,
    RemindersFile,
    ServiceFile,
    StaffFile,
    allowed_fields,
)

__all__ = ["CatalogueFileInvalid", "YamlCatalogueLoader", "load_catalogue", "sample_catalogue_path"]


class CatalogueFileInvalid(SlotlineError):
    """The catalogue file cannot be used; the message names the file, the field and the problem on one line."""

    def __init__(self, path: Path, field: str, problem: str) -> None:
        self.path = path
        self.field = field
        self.problem = " ".join(problem.split())
        where = f"{path}: {field}: " if field else f"{path}: "
        super().__init__(where + self.problem)


def sample_catalogue_path() -> Path:
    """The bundled sample business (the Maple Street Clinic), shipped inside the package."""
    return Path(__file__).with_name("sample_catalogue.yaml")


def load_catalogue(path: Path | str) -> Catalogue:
    return YamlCatalogueLoader(path).load()


class YamlCatalogueLoader:
    """Loads one catalogue file; build it once per process and reuse the catalogue."""

    def __init__(self, path: Path | str) -> None:
        self._path = Path(path)

    @property
    def path(self) -> Path:
        return self._path

    def load(self) -> Catalogue:
        file = self._validate(self._parse(self._read()))
        first = next(cross_reference_problems(file), None)
        if first is not None:
            raise self._invalid(*first)
        return self._build(file)

    def _invalid(self, field: str, problem: str) -> CatalogueFileInvalid:
        return CatalogueFileInvalid(self._path, field, problem)

    def _read(self) -> str:
        try:
            return self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise self._invalid("", "no such file") from None
        except UnicodeDecodeError:
            raise self._invalid("", "not UTF-8 text") from None
        except OSError as exc:
            raise self._invalid("", f"cannot read it: {exc.strerror or exc}") from exc

    def _parse(self, text: str) -> object:
        try:
            data: object = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            raise self._invalid(where, f"YAML: {exc.problem or exc.context}") from exc
        except yaml.YAMLError as exc:
            raise self._invalid("", f"YAML: {exc}") from exc
        if data is None:
            raise self._invalid("", "the file is empty")
        return data

    def _validate(self, data: object) -> CatalogueFile:
        if not isinstance(data, dict):
            raise self._invalid("", "expected a mapping of sections (business, policy, services, staff...)")
        try:
            return CatalogueFile.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            more = len(errors) - 1
            suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
            raise self._invalid(field_path(errors[0]["loc"]), describe(errors[0]) + suffix) from None

    @contextmanager
    def _at(self, field: str) -> Iterator[None]:
        try:
            yield
        except InvalidValue as exc:
            raise self._invalid(field, str(exc)) from exc

    def _build(self, file: CatalogueFile) -> Catalogue:
        with self._at("business"):
            business = Business(file.business.name, file.business.timezone, file.business.phone, _facts(file.business))
        with self._at("policy"):
            policy = _policy(file.policy)
        with self._at("reminders"):
            reminders = _reminders(file.reminders)
        services: list[Service] = []
        for i, service in enumerate(file.services):
            with self._at(f"services[{i}]"):
                services.append(_service(service))
        staff: list[StaffMember] = []
        for i, member in enumerate(file.staff):
            with self._at(f"staff[{i}]"):
                staff.append(_staff_member(member))
        with self._at(""):
            return Catalogue(
                business=business,
                policy=policy,
                services=tuple(services),
                staff=tuple(staff),
                closures=tuple(Closure(c.date, c.reason) for c in file.closures),
                special_hours=tuple(SpecialHours(s.date, tuple(s.hours), s.reason) for s in file.special_hours),
                reminders=reminders,
            )


def _facts(business: BusinessFile) -> BusinessFacts:
    urgent = business.urgent
    return BusinessFacts(
        address=business.address,
        directions=business.directions,
        parking=business.parking,
        payment=tuple(business.payment),
        insurance=InsuranceSchemes(tuple(business.insurance.accepted), tuple(business.insurance.declined)),
        urgent=UrgentCare(tuple(urgent.words), urgent.say) if urgent is not None else None,
        faq=tuple(FaqEntry(tuple(entry.ask), entry.answer) for entry in business.faq),
    )


def _policy(policy: PolicyFile) -> BookingPolicy:
    return BookingPolicy(
        slot_interval=timedelta(minutes=policy.slot_interval_minutes),
        min_notice=timedelta(minutes=policy.min_notice_minutes),
        max_days_ahead=policy.max_days_ahead,
        hold_ttl=timedelta(seconds=policy.hold_seconds),
        offers_per_turn=policy.offers_per_turn,
        daily_cap_per_staff=policy.daily_cap_per_staff,
        buffers_within_hours=policy.buffers_within_hours,
    )


def _reminders(reminders: RemindersFile) -> ReminderPolicy:
    return ReminderPolicy(
        before=tuple(timedelta(minutes=m) for m in reminders.minutes_before), quiet_hours=reminders.quiet_hours
    )


def _service(service: ServiceFile) -> Service:
    return Service(
        id=ServiceId(service.id),
        name=service.name,
        duration=timedelta(minutes=service.duration_minutes),
        staff=tuple(StaffId(s) for s in service.staff),
        aliases=tuple(service.aliases),
        buffer_before=timedelta(minutes=service.buffer_before_minutes),
        buffer_after=timedelta(minutes=service.buffer_after_minutes),
        price=service.price,
        description=service.description,
    )


def _staff_member(member: StaffFile) -> StaffMember:
    return StaffMember(
        id=StaffId(member.id),
        name=member.name,
        hours=WeeklyHours(member.hours.by_weekday(), tuple(member.breaks)),
        calendar=member.calendar,
        date_overrides={day: tuple(spans) for day, spans in member.overrides.items()},
        title=member.title,
    )


def field_path(loc: Sequence[int | str]) -> str:
    """('services', 0, 'duration_minutes') -> 'services[0].duration_minutes'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part != "[key]":  # pydantic's marker for a bad mapping key; the key itself comes just before
            out += f".{part}" if out else str(part)
    return out


def describe(error: ErrorDetails) -> str:
    """One pydantic error as a short sentence, with the offending value when it is short."""
    kind = error["type"]
    if kind == "missing":
        return "missing (required)"
    if kind == "extra_forbidden":
        allowed = allowed_fields(error["loc"][:-1])
        return f"unknown field (allowed here: {', '.join(allowed)})" if allowed else "unknown field"
    message = error["msg"]
    message = message[:1].lower() + message[1:]
    value = error.get("input")
    if isinstance(value, str | int | float | date) and len(repr(value)) <= 60:
        message += f" (got {value!r})" if not isinstance(value, date) else f" (got {value.isoformat()})"
    return message


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML that refuses a key given twice in one mapping (plain PyYAML silently keeps the last one)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, object]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                continue  # SafeLoader reports unhashable keys itself
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> date:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:  # looks like a date but is not one, e.g. 2026-02-30
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value} is not a real date ({exc})", node.start_mark
            ) from exc


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)
