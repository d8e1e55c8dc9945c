"""Just the OData the gateway sends: an extended-property `Any` filter and an expand of named properties."""

from __future__ import annotations

import re

from tests.integration.fake_graph.store import GraphFailure

_QUOTED = r"'((?:[^']|'')*)'"
_ANY = re.compile(rf"singleValueExtendedProperties/Any\(ep: ep/id eq {_QUOTED} and ep/value eq {_QUOTED}\)")
_EXPAND = re.compile(r"singleValueExtendedProperties\(\$filter=(.*)\)")
_ID_EQ = re.compile(rf"id eq {_QUOTED}")


def _unquote(text: str) -> str:
    return text.replace("''", "'")


def property_filter(text: str) -> tuple[str, str]:
    """(property id, value) from `singleValueExtendedProperties/Any(ep: ep/id eq '..' and ep/value eq '..')`."""
    match = _ANY.fullmatch(text.strip())
    if match is None:
        raise GraphFailure(400, "BadRequest", f"the fake cannot parse $filter={text!r}")
    return _unquote(match[1]), _unquote(match[2])


def expanded_properties(text: str) -> frozenset[str]:
    """Lower-cased property ids from `singleValueExtendedProperties($filter=id eq '..' or id eq '..')`."""
    match = _EXPAND.fullmatch(text.strip())
    if match is None:
        raise GraphFailure(400, "BadRequest", f"the fake cannot parse $expand={text!r}")
    clauses = match[1].split(" or ")
    ids = [_ID_EQ.fullmatch(c.strip()) for c in clauses]
    if any(i is None for i in ids):
        raise GraphFailure(400, "BadRequest", f"the fake cannot parse $expand={text!r}")
    return frozenset(_unquote(i[1]).lower() for i in ids if i is not None)
