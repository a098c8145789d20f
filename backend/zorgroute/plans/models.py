"""Plans of the HGW cycle: the group plan (groepsplan) with its rows and amendments, the
individual action plan (IHP) as its appendix, and the development perspective (OPP)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin

PLAN_TYPES = ("cross_subject", "subject_convergent", "subject_divergent")
PLAN_STATUSES = ("draft", "active", "midterm_reviewed", "evaluated", "archived")
ROW_TARGETS = ("basis", "subgroup", "student")  # basisgroep/basisaanbod, subgroepje, leerling
ROW_DOMAINS = ("pedagogical", "basic_skills", "subject")
DELIVERY_MODES = ("daily_in_class", "separate_grouping")  # handreiking dagelijkse omgang
CONTINUATIONS = ("continue", "scale_down", "adjust")  # voortzetten, afbouwen, aanpassen
GOAL_RESULTS = ("reached", "partly", "not_reached")
IHP_KINDS = ("cross_subject", "subject")
IHP_DECIDERS = ("care_team", "mentor", "teacher")
OPP_KINDS = ("initial", "evaluation", "revision")
FACTOR_LOCI = ("student", "learning_environment", "living_environment")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in (" + ",".join(f"'{v}'" for v in values) + ")"


class GroupPlan(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Groepsplan for one group overview: draft -> active -> (midterm_reviewed) -> evaluated
    -> archived. The status changes only through the transition table of the service."""

    __tablename__ = "group_plan"
    __table_args__ = (
        UniqueConstraint("overview_id"),
        CheckConstraint(_in("plan_type", PLAN_TYPES), name="plan_type"),
        CheckConstraint(_in("status", PLAN_STATUSES), name="status"),
        CheckConstraint("starts_on < ends_on", name="period"),
    )

    overview_id: uuid.UUID = Field(foreign_key="group_overview.id")
    group_id: uuid.UUID = Field(foreign_key="school_group.id", index=True)
    plan_type: str = Field(sa_column=Column(String(30), nullable=False))
    status: str = Field(default="draft", sa_column=Column(String(20), nullable=False))
    starts_on: date
    ends_on: date
    # Aandachtspunten voor de hele groep: [{"domain", "description", "goal", "activities",
    # "who_when", "evaluation"}]; they become the basis row's goals.
    attention_points: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSONB, nullable=False)
    )
    week_schedule: str = Field(default="", sa_column=Column(Text, nullable=False))
    author_name: str = Field(sa_column=Column(String(200), nullable=False))
    activated_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    midterm_review: str = Field(default="", sa_column=Column(Text, nullable=False))
    midterm_reviewed_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )
    final_evaluation: str = Field(default="", sa_column=Column(Text, nullable=False))
    evaluated_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    archived_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class PlanRow(IdMixin, TenantMixin, TimestampMixin, table=True):
    """A row of the plan: the basis group, a subgroup (cluster) or one student, with goals,
    content (wat), approach (hoe), organisation and the evaluation plan and result."""

    __tablename__ = "plan_row"
    __table_args__ = (
        CheckConstraint(_in("target", ROW_TARGETS), name="target"),
        CheckConstraint(_in("domain", ROW_DOMAINS), name="domain"),
        CheckConstraint(
            "delivery_mode is null or " + _in("delivery_mode", DELIVERY_MODES),
            name="delivery_mode",
        ),
        CheckConstraint(
            "continuation is null or " + _in("continuation", CONTINUATIONS), name="continuation"
        ),
        Index("ix_plan_row_students", "student_ids", postgresql_using="gin"),
    )

    plan_id: uuid.UUID = Field(foreign_key="group_plan.id", index=True)
    position: int = Field(sa_column=Column(SmallInteger, nullable=False))
    target: str = Field(sa_column=Column(String(10), nullable=False))
    name: str = Field(sa_column=Column(String(100), nullable=False))
    student_ids: list[uuid.UUID] = Field(
        default_factory=list, sa_column=Column(ARRAY(PG_UUID(as_uuid=True)), nullable=False)
    )
    need_ids: list[uuid.UUID] = Field(
        default_factory=list, sa_column=Column(ARRAY(PG_UUID(as_uuid=True)), nullable=False)
    )
    domain: str = Field(sa_column=Column(String(20), nullable=False))
    goals: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))  # [{id, text}]
    content: str = Field(default="", sa_column=Column(Text, nullable=False))
    approach: str = Field(default="", sa_column=Column(Text, nullable=False))
    organisation: str = Field(default="", sa_column=Column(Text, nullable=False))
    delivery_mode: str | None = Field(default=None, sa_column=Column(String(20)))
    delivered_by: str = Field(default="", sa_column=Column(String(200), nullable=False))
    evaluation_plan: str = Field(default="", sa_column=Column(Text, nullable=False))
    # Evaluation after the plan: per student and goal [{student_id, goal_id, result}].
    outcomes: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSONB, nullable=False)
    )
    activities_done: bool | None = Field(default=None, sa_column=Column(Boolean))
    continuation: str | None = Field(default=None, sa_column=Column(String(20)))
    causes: str = Field(default="", sa_column=Column(Text, nullable=False))


class PlanAmendment(IdMixin, TenantMixin, TimestampMixin, table=True):
    """A change to an active plan, shown apart from the original text (append-only)."""

    __tablename__ = "plan_amendment"

    plan_id: uuid.UUID = Field(foreign_key="group_plan.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    author_name: str = Field(sa_column=Column(String(200), nullable=False))


class IndividualPlan(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Individueel handelingsplan: an appendix of the group plan for one student, same period.
    Written with the student (their involvement is recorded), signed by a parent for approval."""

    __tablename__ = "individual_plan"
    __table_args__ = (
        UniqueConstraint("plan_id", "student_id"),
        CheckConstraint(_in("kind", IHP_KINDS), name="kind"),
        CheckConstraint(_in("decided_by", IHP_DECIDERS), name="decided_by"),
        CheckConstraint("jsonb_array_length(goals) > 0", name="has_goal"),
    )

    plan_id: uuid.UUID = Field(foreign_key="group_plan.id", index=True)
    student_id: uuid.UUID = Field(foreign_key="student.id", index=True)
    kind: str = Field(sa_column=Column(String(20), nullable=False))
    decided_by: str = Field(sa_column=Column(String(20), nullable=False))
    need_ids: list[uuid.UUID] = Field(
        default_factory=list, sa_column=Column(ARRAY(PG_UUID(as_uuid=True)), nullable=False)
    )
    goals: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    learning_yield_expectation: str = Field(default="", sa_column=Column(Text, nullable=False))
    content: str = Field(default="", sa_column=Column(Text, nullable=False))
    approach: str = Field(default="", sa_column=Column(Text, nullable=False))
    organisation: str = Field(default="", sa_column=Column(Text, nullable=False))
    evaluation_plan: str = Field(default="", sa_column=Column(Text, nullable=False))
    parent_agreements: str = Field(default="", sa_column=Column(Text, nullable=False))
    # How the student was involved, in the student's own words (hoorrecht).
    student_view: str = Field(default="", sa_column=Column(Text, nullable=False))
    parent_signed_by: uuid.UUID | None = Field(default=None, foreign_key="guardian.id")
    parent_signed_on: date | None = None
    evaluation: str = Field(default="", sa_column=Column(Text, nullable=False))
    evaluated_with_student: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    evaluated_with_parents: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    author_name: str = Field(sa_column=Column(String(200), nullable=False))


class DevelopmentPerspective(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Ontwikkelingsperspectief of one student: when extra support started (the OPP is due
    six weeks later) and its versions, each determined with the student and the parents."""

    __tablename__ = "development_perspective"
    __table_args__ = (UniqueConstraint("student_id"),)

    student_id: uuid.UUID = Field(foreign_key="student.id")
    support_started_on: date
    support_description: str = Field(sa_column=Column(Text, nullable=False))
    ended_on: date | None = None


class DevelopmentPerspectiveVersion(IdMixin, TenantMixin, TimestampMixin, table=True):
    """One determined version of the OPP (append-only: a revision is a new version)."""

    __tablename__ = "development_perspective_version"
    __table_args__ = (
        UniqueConstraint("perspective_id", "number"),
        CheckConstraint(_in("kind", OPP_KINDS), name="kind"),
        CheckConstraint("length(student_view) > 0", name="student_view"),
    )

    perspective_id: uuid.UUID = Field(foreign_key="development_perspective.id", index=True)
    student_id: uuid.UUID = Field(foreign_key="student.id", index=True)
    number: int = Field(sa_column=Column(SmallInteger, nullable=False))
    kind: str = Field(sa_column=Column(String(20), nullable=False))
    expected_outflow: str = Field(sa_column=Column(String(100), nullable=False))
    destination: str = Field(default="", sa_column=Column(Text, nullable=False))
    # [{"subject", "horizon": one_year|two_years|end_of_school, "expectation"}]
    yield_expectations: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    # [{"kind": stimulating|hindering, "locus": student|learning_environment|..., "text"}]
    factors: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    needs: str = Field(default="", sa_column=Column(Text, nullable=False))
    support_offered: str = Field(default="", sa_column=Column(Text, nullable=False))
    long_term_goals: list[str] = Field(sa_column=Column(JSONB, nullable=False))
    talents: str = Field(default="", sa_column=Column(Text, nullable=False))
    # Hoorrecht: the student's view is a required field; the parents' view next to it.
    student_view: str = Field(sa_column=Column(Text, nullable=False))
    parents_view: str = Field(default="", sa_column=Column(Text, nullable=False))
    determined_with_student: bool = Field(sa_column=Column(Boolean, nullable=False))
    determined_with_parents: bool = Field(sa_column=Column(Boolean, nullable=False))
    determined_on: date
    author_name: str = Field(sa_column=Column(String(200), nullable=False))
