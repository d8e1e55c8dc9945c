"""The double-booking guard, as triggers: the database itself refuses overlapping reservations.

A reservation is a live (held or confirmed) appointment or an unexpired hold. For one staff member no two
reservations' occupied windows (buffers included) may overlap. Windows are half-open, so back-to-back is fine.
"Unexpired" is judged at the writer's own now: a hold's `created_at`, an appointment's `updated_at`.
A hold taken to move appointment X (`holds.replacing` = X) and X itself do not block each other.
"""

from __future__ import annotations

import sqlite3

OVERLAP = "slotline overlap"
"""Prefix of every message the guard aborts with."""

_LIVE = "('held', 'confirmed')"


def _overlapping(table: str, alias: str) -> str:
    return (
        f"SELECT 1 FROM {table} {alias} WHERE {alias}.staff_id = NEW.staff_id"
        f" AND {alias}.occupied_start < NEW.occupied_end AND NEW.occupied_start < {alias}.occupied_end"
    )


def _raise_if(condition: str, what: str) -> str:
    return f"SELECT RAISE(ABORT, '{OVERLAP}: {what}') WHERE EXISTS ({condition});"


def _appointment_checks(skip_self: str) -> str:
    live = f"{_overlapping('appointments', 'a')} AND a.status IN {_LIVE}{skip_self}"
    held = f"{_overlapping('holds', 'h')} AND h.expires_at > NEW.updated_at AND h.replacing IS NOT NEW.id"
    return _raise_if(live, "a live appointment") + _raise_if(held, "an unexpired hold")


def _hold_checks(skip_self: str) -> str:
    held = f"{_overlapping('holds', 'h')} AND h.expires_at > NEW.created_at{skip_self}"
    live = f"{_overlapping('appointments', 'a')} AND a.status IN {_LIVE} AND a.id IS NOT NEW.replacing"
    return _raise_if(held, "an unexpired hold") + _raise_if(live, "a live appointment")


GUARD_TRIGGERS: tuple[str, ...] = (
    f"""CREATE TRIGGER appointments_guard_insert BEFORE INSERT ON appointments
    WHEN NEW.status IN {_LIVE} BEGIN {_appointment_checks("")} END""",
    f"""CREATE TRIGGER appointments_guard_update
    BEFORE UPDATE OF status, staff_id, occupied_start, occupied_end ON appointments
    WHEN NEW.status IN {_LIVE} BEGIN {_appointment_checks(" AND a.id <> OLD.id")} END""",
    f"""CREATE TRIGGER holds_guard_insert BEFORE INSERT ON holds
    BEGIN {_hold_checks("")} END""",
    f"""CREATE TRIGGER holds_guard_update
    BEFORE UPDATE OF staff_id, occupied_start, occupied_end, created_at, expires_at, replacing ON holds
    BEGIN {_hold_checks(" AND h.id <> OLD.id")} END""",
)
"""BEFORE INSERT and BEFORE UPDATE triggers on both reservation tables."""


def is_overlap(exc: sqlite3.IntegrityError) -> bool:
    """Whether the guard (rather than some other constraint) refused the write."""
    return str(exc).startswith(OVERLAP)
