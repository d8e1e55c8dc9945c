"""The PostgreSQL settings: the DSN from SLOTLINE_STORAGE__POSTGRES__DSN as a secret, or libpq's own environment."""

from __future__ import annotations

import pytest
from psycopg.conninfo import conninfo_to_dict

from slotline.entrypoints.settings import SettingsInvalid, load_settings
from slotline.infrastructure.postgres.adapters import PostgresDatabase, PostgresSettings


def test_the_dsn_comes_from_the_environment_and_stays_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLOTLINE_STORAGE__BACKEND", "postgres")
    monkeypatch.setenv("SLOTLINE_STORAGE__POSTGRES__DSN", "postgresql://slotline:s3cret-pw@db.internal/slotline")
    monkeypatch.setenv("SLOTLINE_STORAGE__POSTGRES__POOL_MAX_SIZE", "4")

    settings = load_settings()

    storage = settings.storage
    assert (storage.backend, storage.postgres.pool_max_size) == ("postgres", 4)
    assert "s3cret-pw" not in repr(settings) and "s3cret-pw" not in str(storage.model_dump())
    assert PostgresDatabase(storage.postgres).where == "db.internal:5432/slotline"


def test_a_bad_pool_or_backend_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLOTLINE_STORAGE__POSTGRES__POOL_MIN_SIZE", "9")
    monkeypatch.setenv("SLOTLINE_STORAGE__POSTGRES__POOL_MAX_SIZE", "3")
    with pytest.raises(SettingsInvalid, match=r"^setting storage\.postgres.*pool_min_size \(9\) must not exceed"):
        load_settings()
    monkeypatch.delenv("SLOTLINE_STORAGE__POSTGRES__POOL_MIN_SIZE")
    monkeypatch.setenv("SLOTLINE_STORAGE__BACKEND", "mysql")
    with pytest.raises(SettingsInvalid, match=r"^setting storage\.backend .*'sqlite' or 'postgres'"):
        load_settings()


def test_without_a_dsn_libpq_reads_its_environment(
    monkeypatch: pytest.MonkeyPatch, postgres: PostgresDatabase, postgres_dsn: str
) -> None:
    parts = conninfo_to_dict(postgres_dsn)
    for key, variable in (("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER"), ("dbname", "PGDATABASE")):
        if parts.get(key):
            monkeypatch.setenv(variable, str(parts[key]))

    db = PostgresDatabase(PostgresSettings())

    db.check()  # reached the run's database, migrated: the schema is current
    assert db.version() == db.latest_version
    assert db.where == f"{parts['host']}:{parts.get('port') or 5432}/{parts['dbname']}"


def test_the_embedded_customers_and_calendar_follow_storage_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLOTLINE_STORAGE__BACKEND", "postgres")
    settings = load_settings()
    assert (settings.customers.backend, settings.calendar.backend) == ("postgres", "postgres")
    monkeypatch.setenv("SLOTLINE_CALENDAR__BACKEND", "sqlite")
    assert load_settings().calendar.backend == "sqlite"  # said, so kept
    monkeypatch.delenv("SLOTLINE_STORAGE__BACKEND")
    monkeypatch.delenv("SLOTLINE_CALENDAR__BACKEND")
    settings = load_settings()
    assert (settings.customers.backend, settings.calendar.backend) == ("sqlite", "sqlite")
