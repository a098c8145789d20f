"""rate limits: request counters shared by all API replicas

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 18:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from zorgroute.core.migration_ops import app_role

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # UNLOGGED: counters of the current minute are not worth WAL writes or replication; a crash
    # empties the table, which only forgets who was close to a limit. Not a tenant table: the
    # keys are HMACs of IPs and credentials, nothing of a school.
    op.create_table(
        'rate_limit_bucket',
        sa.Column('key', sa.Text(), nullable=False),
        sa.Column('window_start', sa.DateTime(timezone=True), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('key', 'window_start', name=op.f('pk_rate_limit_bucket')),
        prefixes=['UNLOGGED'],
    )
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_bucket TO {app_role()}")


def downgrade() -> None:
    op.drop_table('rate_limit_bucket')
