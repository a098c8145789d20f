"""Migrations and the database's own guarantees: one head, clean upgrade, models match the DDL,
row-level security on every tenant table, an app role that cannot bypass it, append-only audit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from support.factories import World

from zorgroute import models_registry
from zorgroute.cli import BACKEND_DIR, migrate
from zorgroute.core.embedded_pg import EmbeddedDatabase

TENANT_TABLES = models_registry.tenant_tables()


def test_migrations_have_a_single_head() -> None:
    script = ScriptDirectory.from_config(Config(str(BACKEND_DIR / "alembic.ini")))
    assert len(script.get_heads()) == 1


def test_upgrade_from_an_empty_database_and_back(database: EmbeddedDatabase) -> None:
    from alembic import command

    database.psql("DROP DATABASE IF EXISTS zr_fresh")
    database.psql("CREATE DATABASE zr_fresh OWNER zorgroute_owner")
    url = database.url("zorgroute_owner", "zr_fresh")
    migrate(url)
    cfg = Config(str(BACKEND_DIR / "alembic.ini"))
    cfg.attributes["url"] = url
    command.downgrade(cfg, "base")
    migrate(url)
    tables = database.psql(
        "select count(*) from pg_tables where schemaname = 'public'"
        " and tablename not like 'procrastinate%'",
        database="zr_fresh",
    )
    assert int(tables) == len(models_registry.metadata.tables) + 1  # + alembic_version


async def test_models_match_the_migrated_schema(database: EmbeddedDatabase) -> None:
    engine = create_async_engine(database.owner_url)

    def diff(conn: Any) -> list[Any]:
        context = MigrationContext.configure(
            conn, opts={"include_name": models_registry.include_name}
        )
        return list(compare_metadata(context, models_registry.metadata))

    async with engine.connect() as conn:
        differences = await conn.run_sync(diff)
    await engine.dispose()
    assert differences == []


async def test_app_role_is_neither_superuser_nor_rls_exempt(app_engine: AsyncEngine) -> None:
    async with app_engine.connect() as conn:
        row = (
            await conn.execute(
                text("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
            )
        ).one()
    assert tuple(row) == (False, False)


@pytest.mark.parametrize("table", TENANT_TABLES)
async def test_tenant_table_has_forced_row_level_security(
    app_engine: AsyncEngine, table: str
) -> None:
    async with app_engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "select c.relrowsecurity, c.relforcerowsecurity, "
                    "(select count(*) from pg_policies p where p.tablename = c.relname) "
                    "from pg_class c where c.relname = :t"
                ),
                {"t": table},
            )
        ).one()
    # The catalogue has a second, read-only policy: regional offerings for every school.
    assert tuple(row) == (True, True, 2 if table == "gifted_offering" else 1)


async def test_no_school_context_sees_no_tenant_rows(app_engine: AsyncEngine, world: World) -> None:
    async with app_engine.connect() as conn:
        for table in TENANT_TABLES:
            count = (await conn.execute(text(f"select count(*) from {table}"))).scalar_one()  # noqa: S608
            assert count == 0, table
        # With the world's school in context the same queries see its rows.
        await conn.execute(
            text("select set_config('app.school_ids', :ids, false)"),
            {"ids": "{" + str(world.school_id) + "}"},
        )
        assert (await conn.execute(text("select count(*) from student"))).scalar_one() == 6
        await conn.execute(text("reset app.school_ids"))


@pytest.mark.parametrize(
    ("table", "column"), [("audit_event", "action"), ("disclosure", "purpose")]
)
async def test_records_of_what_happened_are_append_only(
    app_engine: AsyncEngine, table: str, column: str
) -> None:
    async with app_engine.connect() as conn:
        with pytest.raises(DBAPIError, match="permission denied"):
            await conn.execute(text(f"update {table} set {column} = 'x'"))  # noqa: S608


async def test_the_owner_cannot_rewrite_the_audit_trail_either(
    database: EmbeddedDatabase, world: World
) -> None:
    owner = create_async_engine(database.owner_url)
    try:
        async with owner.connect() as conn:
            with pytest.raises(DBAPIError, match="append-only"):
                await conn.execute(text("delete from audit_event"))
    finally:
        await owner.dispose()


def test_migration_files_are_date_prefixed() -> None:
    versions = Path(BACKEND_DIR / "migrations" / "versions")
    names = [p.name for p in versions.glob("*.py")]
    assert names and all(n[:8].isdigit() for n in names)
