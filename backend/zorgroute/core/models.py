"""Table-model building blocks shared by every domain."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import uuid_utils
from sqlalchemy import DateTime, MetaData, func
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic autogenerate and hand-written migrations agree.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def new_id() -> uuid.UUID:
    """UUIDv7: time-ordered, so primary-key indexes stay compact and ids sort by creation."""
    return uuid.UUID(str(uuid_utils.uuid7()))


SCHOOL_TZ = ZoneInfo("Europe/Amsterdam")


def school_today() -> date:
    """The calendar day at the schools (Dutch time): between 22:00 and 24:00 UTC it is already
    tomorrow there, and a date a teacher enters "today" must not count as the future."""
    return utcnow().astimezone(SCHOOL_TZ).date()


def utcnow() -> datetime:
    return datetime.now(UTC)


class IdMixin(SQLModel):
    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)


class TimestampMixin(SQLModel):
    # sa_type, not sa_column: a Column object would be shared by every table using the mixin.
    created_at: datetime = Field(
        default_factory=utcnow,
        sa_type=DateTime(timezone=True),
        sa_column_kwargs={"server_default": func.now()},
        nullable=False,
    )
    updated_at: datetime = Field(
        default_factory=utcnow,
        sa_type=DateTime(timezone=True),
        sa_column_kwargs={"server_default": func.now()},
        nullable=False,
    )


class VersionMixin(SQLModel):
    """Optimistic locking: every update bumps the version; writers must name the one they read."""

    version: int = Field(default=1, nullable=False, sa_column_kwargs={"server_default": "1"})


class TenantMixin(SQLModel):
    """Rows that belong to one school. Row-level security on school_id guards every such table."""

    school_id: uuid.UUID = Field(foreign_key="school.id", index=True, nullable=False)


def tenant_tables() -> list[str]:
    """Every table with the tenant mixin's school_id column, for RLS migrations and tests."""
    return sorted(
        t.name for t in metadata.sorted_tables if "school_id" in t.c and t.info.get("tenant", True)
    )
