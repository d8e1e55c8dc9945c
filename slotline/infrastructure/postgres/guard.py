"""The double-booking guard's names: which constraint refused a write, in the port's words."""

from __future__ import annotations

from psycopg import Connection, errors
from psycopg.rows import DictRow

from slotline.domain.errors import InvalidValue, SlotNoLongerAvailable
from slotline.domain.slot import Slot

__all__ = ["GUARD_CONSTRAINTS", "guarded", "key_lock", "staff_lock"]

GUARD_CONSTRAINTS = frozenset({"reservations_no_overlap", "reservations_no_overlapping_holds"})
"""The exclusion constraints of migrations/0001_initial.sql that keep reservations of one staff member apart."""


def guarded(conn: Connection[DictRow], sql: str, params: tuple[object, ...], slot: Slot) -> None:
    """Execute a write the guard may refuse: an overlap is SlotNoLongerAvailable, any other refusal InvalidValue.

    The statement runs in a savepoint-free transaction; a refusal aborts it, and the caller's transaction with it.
    """
    try:
        conn.execute(sql, params)
    except errors.ExclusionViolation as exc:
        if exc.diag.constraint_name in GUARD_CONSTRAINTS:
            raise SlotNoLongerAvailable(slot) from exc
        raise InvalidValue(f"the ledger refused the record: {exc.diag.message_primary}") from exc
    except errors.IntegrityError as exc:
        raise InvalidValue(f"the ledger refused the record: {exc.diag.message_primary}") from exc


def key_lock(conn: Connection[DictRow], key: str) -> None:
    """Serialise transactions working on one idempotency key until the caller's transaction ends.

    Two requests with the same key (a retried booking, say) then run one after the other: the second sees what the
    first committed and returns it, instead of both missing it and one failing on the unique index.
    """
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 1705))", (key,))


def staff_lock(conn: Connection[DictRow], staff_id: str) -> None:
    """Serialise transactions that reserve time of one staff member until the caller's transaction ends.

    Not for correctness (the exclusion constraints refuse every overlap without it) but for speed: two uncommitted
    overlapping inserts each wait for the other in the constraint check, a deadlock PostgreSQL breaks only after
    deadlock_timeout (1 s). Queued on this lock, the second writer sees the first's row committed and is refused at
    once. Always taken after the key lock, so the two locks cannot deadlock each other.
    """
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 1706))", (staff_id,))
