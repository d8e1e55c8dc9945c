"""Rules that span several entries of the file (ids, references, names), each reported at the entry that breaks it."""

from __future__ import annotations

from collections.abc import Iterator

from slotline.infrastructure.yaml_catalogue.schema import CatalogueFile

Problem = tuple[str, str]  # (field path, problem)


def cross_reference_problems(file: CatalogueFile) -> Iterator[Problem]:
    """Every problem found, in file order."""
    yield from _duplicate_ids("staff", [m.id for m in file.staff])
    yield from _duplicate_ids("services", [s.id for s in file.services])
    known = [m.id for m in file.staff]
    for i, service in enumerate(file.services):
        for j, member in enumerate(service.staff):
            if member not in known:
                yield f"services[{i}].staff[{j}]", f"unknown staff member {member!r} (staff ids: {', '.join(known)})"
    yield from _spoken_name_clashes(file)
    yield from _fact_problems(file)
    seen: dict[str, int] = {}
    for i, special in enumerate(file.special_hours):
        day = special.date.isoformat()
        if day in seen:
            yield f"special_hours[{i}].date", f"{day} already has special hours at special_hours[{seen[day]}]"
        seen.setdefault(day, i)


def _duplicate_ids(section: str, ids: list[str]) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for i, value in enumerate(ids):
        if value in first:
            yield f"{section}[{i}].id", f"duplicate id {value!r} (also {section}[{first[value]}].id)"
        first.setdefault(value, i)


def _spoken_name_clashes(file: CatalogueFile) -> Iterator[Problem]:
    """A caller saying a name must point at one service only."""
    owner: dict[str, str] = {}
    for i, service in enumerate(file.services):
        names = [("name", service.name), *((f"aliases[{j}]", a) for j, a in enumerate(service.aliases))]
        for field, name in names:
            key = " ".join(name.casefold().split())
            other = owner.setdefault(key, service.id)
            if other != service.id:
                yield f"services[{i}].{field}", f"{name!r} already names service {other!r}"


def _fact_problems(file: CatalogueFile) -> Iterator[Problem]:
    """A scheme is taken or not, never both; a question's words point at one answer."""
    accepted = {" ".join(a.casefold().split()) for a in file.business.insurance.accepted}
    for j, scheme in enumerate(file.business.insurance.declined):
        if " ".join(scheme.casefold().split()) in accepted:
            yield f"business.insurance.declined[{j}]", f"{scheme!r} is also in business.insurance.accepted"
    owner: dict[str, int] = {}
    for i, entry in enumerate(file.business.faq):
        for j, words in enumerate(entry.ask):
            key = " ".join(words.casefold().split())
            first = owner.setdefault(key, i)
            if first != i:
                yield f"business.faq[{i}].ask[{j}]", f"{words!r} already asks business.faq[{first}]"
