"""The roster: groups, students, guardians, staff, enrolments and teaching assignments."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Index,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin

GROUP_KINDS = ("homeroom", "teaching_group")
TRACKS = (
    "pro", "vmbo-b", "vmbo-k", "vmbo-gl", "vmbo-t", "havo", "vwo", "gymnasium",
    "vmbo-t/havo", "havo/vwo",
)  # fmt: skip
GUARDIAN_RELATIONS = ("mother", "father", "parent", "guardian", "foster_parent", "other")
ASSIGNMENT_ROLES = ("mentor", "teacher")
ENTITY_TYPES = ("student", "guardian", "group", "staff_member")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in (" + ",".join(f"'{v}'" for v in values) + ")"


class PersonName:
    """Dutch names keep the tussenvoegsel apart: sorting uses the family name ("Vries, de")."""

    @staticmethod
    def sort_name(given_name: str, infix: str | None, family_name: str) -> str:
        return f"{family_name}, {given_name} {infix or ''}".strip().lower()

    @staticmethod
    def display(given_name: str, infix: str | None, family_name: str) -> str:
        """As written in a sentence: "Emma de Vries" (pass the roepnaam as given_name)."""
        return " ".join(p for p in (given_name, infix, family_name) if p)


class Group(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Klas/groep: a homeroom (stamgroep, e.g. "Groep 5", "2B") or a teaching group (lesgroep)."""

    __tablename__ = "school_group"
    __table_args__ = (
        CheckConstraint(_in("kind", GROUP_KINDS), name="kind"),
        CheckConstraint("track is null or " + _in("track", TRACKS), name="track"),
        CheckConstraint("grade between 1 and 8", name="grade"),
        Index("ix_school_group_school_year_name", "school_id", "school_year_id", "name"),
    )

    school_year_id: uuid.UUID = Field(foreign_key="school_year.id", index=True)
    name: str = Field(sa_column=Column(String(60), nullable=False))
    kind: str = Field(sa_column=Column(String(20), nullable=False))
    # PO: groep 1-8; VO: leerjaar 1-6.
    grade: int = Field(sa_column=Column(SmallInteger, nullable=False))
    track: str | None = Field(default=None, sa_column=Column(String(20)))
    subject: str | None = Field(default=None, sa_column=Column(String(60)))


class Student(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Leerling."""

    __tablename__ = "student"
    __table_args__ = (Index("ix_student_school_sort", "school_id", "sort_name", "id"),)

    given_name: str = Field(sa_column=Column(String(100), nullable=False))
    infix: str | None = Field(default=None, sa_column=Column(String(20)))
    family_name: str = Field(sa_column=Column(String(150), nullable=False))
    preferred_name: str | None = Field(default=None, sa_column=Column(String(100)))
    date_of_birth: date
    # Ketenpseudoniem (https://ketenid.nl/201703/<hash>); optional, never used outside education.
    eck_id: str | None = Field(default=None, sa_column=Column(String(200)))
    sort_name: str = Field(sa_column=Column(String(300), nullable=False))


class Guardian(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Ouder/verzorger."""

    __tablename__ = "guardian"

    given_name: str = Field(sa_column=Column(String(100), nullable=False))
    infix: str | None = Field(default=None, sa_column=Column(String(20)))
    family_name: str = Field(sa_column=Column(String(150), nullable=False))
    email: str | None = Field(default=None, sa_column=Column(String(300)))
    phone: str | None = Field(default=None, sa_column=Column(String(40)))


class StudentGuardian(IdMixin, TenantMixin, TimestampMixin, table=True):
    """How a guardian relates to a student, and whether they hold parental authority (gezag)."""

    __tablename__ = "student_guardian"
    __table_args__ = (
        UniqueConstraint("student_id", "guardian_id"),
        CheckConstraint(_in("relation", GUARDIAN_RELATIONS), name="relation"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id", index=True)
    guardian_id: uuid.UUID = Field(foreign_key="guardian.id", index=True)
    relation: str = Field(sa_column=Column(String(20), nullable=False))
    parental_authority: bool = Field(sa_column=Column(Boolean, nullable=False))


class StaffMember(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Medewerker of a school, as the LVS knows them."""

    __tablename__ = "staff_member"

    given_name: str = Field(sa_column=Column(String(100), nullable=False))
    infix: str | None = Field(default=None, sa_column=Column(String(20)))
    family_name: str = Field(sa_column=Column(String(150), nullable=False))
    email: str | None = Field(default=None, sa_column=Column(String(300)))


class Enrolment(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Inschrijving: a student in a group for a school year."""

    __tablename__ = "enrolment"
    __table_args__ = (UniqueConstraint("student_id", "group_id"),)

    student_id: uuid.UUID = Field(foreign_key="student.id", index=True)
    group_id: uuid.UUID = Field(foreign_key="school_group.id", index=True)
    start_date: date | None = None
    end_date: date | None = None


class TeachingAssignment(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Mentor of a group, or teacher of a subject in a group."""

    __tablename__ = "teaching_assignment"
    __table_args__ = (
        UniqueConstraint("staff_member_id", "group_id", "role", "subject"),
        CheckConstraint(_in("role", ASSIGNMENT_ROLES), name="role"),
    )

    staff_member_id: uuid.UUID = Field(foreign_key="staff_member.id", index=True)
    group_id: uuid.UUID = Field(foreign_key="school_group.id", index=True)
    role: str = Field(sa_column=Column(String(20), nullable=False))
    # '' rather than NULL so the unique constraint holds for mentors too.
    subject: str = Field(default="", sa_column=Column(String(60), nullable=False))


class ExternalRef(IdMixin, TenantMixin, TimestampMixin, table=True):
    """An id that a source system (ParnasSys, Magister, …) uses for one of our records."""

    __tablename__ = "external_ref"
    __table_args__ = (
        UniqueConstraint("school_id", "entity_type", "source", "external_id"),
        CheckConstraint(_in("entity_type", ENTITY_TYPES), name="entity_type"),
    )

    entity_type: str = Field(sa_column=Column(String(20), nullable=False))
    source: str = Field(sa_column=Column(String(40), nullable=False))
    external_id: str = Field(sa_column=Column(String(200), nullable=False))
    entity_id: uuid.UUID = Field(index=True)
    # "Newer source wins": an update older than what we hold from this source is refused.
    source_modified_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )
