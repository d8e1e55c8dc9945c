"""`slotline db migrate|status`: bring the database schema up to date, or say which version it has."""

from __future__ import annotations

import argparse

from slotline.entrypoints.commands.base import Parser, Subparsers
from slotline.entrypoints.container import Container
from slotline.entrypoints.wiring.storage import uses

__all__ = ["register"]


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser("db", parents=[common], help="database schema: migrate or show its version")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    migrate = actions.add_parser(
        "migrate", parents=[common], help="apply the schema migrations this slotline has and the database lacks"
    )
    migrate.set_defaults(handler=migrate_schema)
    status = actions.add_parser(
        "status", parents=[common], help="print the schema version; exit 1 unless it is this slotline's"
    )
    status.set_defaults(handler=schema_status)


def _version_line(where: str, found: int, wanted: int) -> str:
    if found == wanted:
        return f"{where}: schema version {found}, up to date"
    if found > wanted:
        return f"{where}: schema version {found}, newer than this slotline ({wanted}); upgrade slotline"
    return f"{where}: schema version {found}, this slotline needs {wanted}; run `slotline db migrate`"


def migrate_schema(args: argparse.Namespace, container: Container) -> int:
    if uses(container, "sqlite"):
        sqlite = container.database()
        sqlite.ensure_writable()
        sqlite.migrate()
        print(_version_line(f"SQLite {sqlite.path}", sqlite.schema_version(), sqlite.latest_version))
    if uses(container, "postgres"):
        postgres = container.postgres()
        for migration in postgres.migrate():
            print(f"PostgreSQL {postgres.where}: applied {migration.name}")
        print(_version_line(f"PostgreSQL {postgres.where}", postgres.version(), postgres.latest_version))
    return 0


def schema_status(args: argparse.Namespace, container: Container) -> int:
    current = True
    if uses(container, "sqlite"):
        sqlite = container.database()
        found = sqlite.schema_version()
        line = _version_line(f"SQLite {sqlite.path}", found, sqlite.latest_version)
        if found < sqlite.latest_version:  # SQLite files are upgraded by the first command that opens them
            line = f"SQLite {sqlite.path}: schema version {found}; slotline upgrades it when it first opens it"
        print(line)
        current = current and found <= sqlite.latest_version
    if uses(container, "postgres"):
        postgres = container.postgres()
        found = postgres.version()
        print(_version_line(f"PostgreSQL {postgres.where}", found, postgres.latest_version))
        current = current and found == postgres.latest_version
    return 0 if current else 1
