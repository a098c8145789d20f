"""SQL for migrations that Alembic does not generate: grants, row-level security, append-only."""

from __future__ import annotations

import os

from alembic import context, op

TENANT_POLICY = "school_id = ANY (NULLIF(current_setting('app.school_ids', true), '')::uuid[])"


_REVOKE_FROM_APPEND_ONLY = (
    "DO $$ DECLARE t text; BEGIN "
    "FOR t IN SELECT DISTINCT event_object_table FROM information_schema.triggers "
    "WHERE trigger_name = event_object_table || '_append_only' LOOP "
    "EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM <role>', t); "
    "END LOOP; END $$"
)


def app_role() -> str:
    """The role the API connects as. Passed by `zorgroute migrate`; no full settings needed."""
    role = context.config.attributes.get("app_role") or os.environ.get(
        "ZORGROUTE_DATABASE_APP_ROLE", "zorgroute_app"
    )
    if not role.replace("_", "").isalnum():
        raise ValueError(f"not a plain role name: {role!r}")
    return str(role)


def grant_app_role() -> None:
    role = app_role()
    op.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
    op.execute(f"REVOKE ALL ON alembic_version FROM {role}")
    # The blanket grant above must not undo an earlier migration's append-only revoke.
    op.execute(_REVOKE_FROM_APPEND_ONLY.replace("<role>", role))


def enable_tenant_rls(table: str) -> None:
    # FORCE: the table owner is bound by the policy too. NULLIF: a pooled connection's
    # setting is '' after a transaction, and ''::uuid[] would be an error.
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tenant_isolation ON {table} "
        f"USING ({TENANT_POLICY}) WITH CHECK ({TENANT_POLICY})"
    )


def make_append_only(table: str) -> None:
    op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {app_role()}")
    # The trigger binds the owner too; only dropping it (a reviewed migration) can change that.
    op.execute(
        f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{table} is append-only'; END $$"
    )
    op.execute(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
    )
