"""retention: per-school terms, legal holds, the disclosure purge, procrastinate's schema

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 19:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.util import await_only

from zorgroute.core.migration_ops import app_role, enable_tenant_rls, grant_app_role

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _run_script(sql: str) -> None:
    """Run a multi-statement SQL script (procrastinate's schema) as one simple query: asyncpg
    prepares every statement SQLAlchemy sends, and a prepared statement holds one command."""
    driver = op.get_bind().connection.dbapi_connection.driver_connection  # type: ignore[union-attr]
    await_only(driver.execute(sql))


def upgrade() -> None:
    op.create_table('retention_policy',
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('school_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('record_type', sa.String(length=30), nullable=False),
    sa.Column('keep_years_after_leaving', sa.SmallInteger(), nullable=False),
    sa.Column('set_by', sa.String(length=200), nullable=False),
    sa.CheckConstraint("record_type in ('access_grant','disclosure','consent','student_note')", name=op.f('ck_retention_policy_record_type')),
    sa.CheckConstraint('keep_years_after_leaving between 1 and 30', name=op.f('ck_retention_policy_keep_years')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_retention_policy_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_policy')),
    sa.UniqueConstraint('school_id', 'record_type', name=op.f('uq_retention_policy_school_id_record_type'))
    )
    op.create_index(op.f('ix_retention_policy_school_id'), 'retention_policy', ['school_id'], unique=False)
    op.create_table('legal_hold',
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('school_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('student_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('placed_by', sa.String(length=200), nullable=False),
    sa.Column('lifted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('lifted_by', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_legal_hold_school_id_school')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_legal_hold_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_hold'))
    )
    op.create_index(op.f('ix_legal_hold_school_id'), 'legal_hold', ['school_id'], unique=False)
    op.create_index('ix_legal_hold_student', 'legal_hold', ['school_id', 'student_id'], unique=False)
    for table in ('retention_policy', 'legal_hold'):
        enable_tenant_rls(table)

    # Disclosures stay append-only for everyone, with one way out: the retention purge below,
    # which runs as the owner (SECURITY DEFINER) and switches a transaction-local flag. The app
    # role cannot pass the trigger (it is not the owner) and has no DELETE grant anyway.
    owner = op.get_bind().execute(sa.text('select current_user')).scalar()
    op.execute(
        "CREATE OR REPLACE FUNCTION disclosure_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF TG_OP = 'DELETE' AND current_user = '{owner}' "
        "AND current_setting('zorgroute.retention_purge', true) = 'on' THEN RETURN OLD; END IF; "
        "RAISE EXCEPTION 'disclosure is append-only'; END $$"
    )
    # The database's own floor under the job's rule: never a student under a legal hold, never
    # one who has not left, never within a year of leaving (the shortest term a school can set).
    # Row-level security still applies (FORCE binds the owner): only the caller's schools.
    op.execute("""
CREATE FUNCTION retention_purge_disclosures(p_student uuid) RETURNS SETOF uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    left_on date;
BEGIN
    IF EXISTS (SELECT 1 FROM legal_hold WHERE student_id = p_student AND lifted_at IS NULL) THEN
        RAISE EXCEPTION 'student is under a legal hold';
    END IF;
    SELECT CASE WHEN bool_and(end_date IS NOT NULL) THEN max(end_date) END INTO left_on
        FROM enrolment WHERE student_id = p_student;
    IF left_on IS NULL OR left_on > current_date - interval '1 year' THEN
        RAISE EXCEPTION 'student has not left at least a year ago';
    END IF;
    PERFORM set_config('zorgroute.retention_purge', 'on', true);
    RETURN QUERY DELETE FROM disclosure WHERE student_id = p_student RETURNING id;
    PERFORM set_config('zorgroute.retention_purge', 'off', true);
END $$
""")
    op.execute("REVOKE ALL ON FUNCTION retention_purge_disclosures(uuid) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION retention_purge_disclosures(uuid) TO {app_role()}")

    # procrastinate (background jobs) in the same database, pinned with the package.
    from procrastinate.schema import SchemaManager

    _run_script(SchemaManager.get_schema())
    grant_app_role()
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app_role()}")


def downgrade() -> None:
    op.execute("""
DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT tablename FROM pg_tables
             WHERE schemaname = 'public' AND tablename LIKE 'procrastinate\\_%' LOOP
        EXECUTE format('DROP TABLE %I CASCADE', r.tablename);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND p.proname LIKE 'procrastinate\\_%' LOOP
        EXECUTE format('DROP FUNCTION %s CASCADE', r.sig);
    END LOOP;
    FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = 'public' AND t.typname LIKE 'procrastinate\\_%' AND t.typtype IN ('e', 'c') LOOP
        EXECUTE format('DROP TYPE %I CASCADE', r.typname);
    END LOOP;
END $$
""")
    op.execute("DROP FUNCTION retention_purge_disclosures(uuid)")
    op.execute(
        "CREATE OR REPLACE FUNCTION disclosure_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION 'disclosure is append-only'; END $$"
    )
    op.drop_index('ix_legal_hold_student', table_name='legal_hold')
    op.drop_index(op.f('ix_legal_hold_school_id'), table_name='legal_hold')
    op.drop_table('legal_hold')
    op.drop_index(op.f('ix_retention_policy_school_id'), table_name='retention_policy')
    op.drop_table('retention_policy')
