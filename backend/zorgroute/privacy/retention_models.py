"""Retention (bewaartermijnen): how long each kind of record about a student is kept after the
student has left the school, per school, and legal holds that stop any removal."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin

# The record types the retention job removes, in the order it removes them (grants and
# disclosures point at consents; a consent still referenced is kept). support_record: what the
# HGW cycle holds about the student (overview rows, results, signals, needs, meeting decisions,
# their place in group-plan rows, IHPs, the OPP).
RECORD_TYPES = ("access_grant", "disclosure", "consent", "student_note", "support_record")


class RetentionPolicy(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """A school's own term for one record type; without a row the default of
    `zorgroute.privacy.retention.DEFAULT_KEEP_YEARS` applies."""

    __tablename__ = "retention_policy"
    __table_args__ = (
        UniqueConstraint("school_id", "record_type"),
        CheckConstraint(
            "record_type in (" + ",".join(f"'{t}'" for t in RECORD_TYPES) + ")",
            name="record_type",
        ),
        # At least a year: the database's own purge function refuses anything sooner.
        CheckConstraint("keep_years_after_leaving between 1 and 30", name="keep_years"),
    )

    record_type: str = Field(sa_column=Column(String(30), nullable=False))
    keep_years_after_leaving: int = Field(sa_column=Column(SmallInteger, nullable=False))
    set_by: str = Field(sa_column=Column(String(200), nullable=False))


class LegalHold(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Nothing about this student is removed while the hold is active (a complaint, a court
    case, a Veilig Thuis report, an inspection): lifted_at ends it."""

    __tablename__ = "legal_hold"
    __table_args__ = (Index("ix_legal_hold_student", "school_id", "student_id"),)

    student_id: uuid.UUID = Field(foreign_key="student.id", nullable=False)
    reason: str = Field(sa_column=Column(Text, nullable=False))
    placed_by: str = Field(sa_column=Column(String(200), nullable=False))
    lifted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    lifted_by: str | None = Field(default=None, sa_column=Column(String(200)))
