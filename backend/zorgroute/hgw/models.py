"""The HGW cycle (handelingsgericht werken): the school's cycle configuration, group overviews
with their rows, test and social-emotional results, signals, educational needs and the group
meeting. Plans (group plan, IHP, OPP) live in `zorgroute.plans`."""

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
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin

CYCLES = ("A", "B")  # A: vakoverstijgend (mentor); B: vakspecifiek (subject teacher)
PLAN_STYLES = ("group_plan", "per_subgroup")  # groepsplan or groepshandelingsplan per subgroup
MEETING_FORMS = ("subject_department", "core_team", "with_mentor")  # cycle B meeting form
OVERVIEW_STATUSES = ("draft", "published", "archived")
INSTRUCTION_LEVELS = ("independent", "sensitive", "dependent")  # instructie-(on)afhankelijk
RESULT_KINDS = ("test", "seo")
RESPONDENTS = ("student", "teacher")
SIGNAL_CATEGORIES = (
    "basic_skill_delay",  # achterstand technisch/begrijpend lezen, spelling, rekenen
    "subject_delay",
    "behaviour_seo",  # gedrag / sociaal-emotioneel (externaliserend of internaliserend)
    "work_attitude",  # werkhouding, taakaanpak, motivatie, studievaardigheden, leerstijl
    "downward_trend",  # dalende lijn over meerdere toetsmomenten
    "learning_lead",  # ontwikkelingsvoorsprong / (hoog)begaafd, ook onderpresteerders
    "talent",
    "home_situation",  # zorg over de opvoedsituatie of leefomgeving (restricted)
)
SIGNAL_MODES = ("reactive", "proactive")
SIGNAL_BASES = ("test", "observation", "conversation")
NEED_SCOPES = ("cross_subject", "subject")
NEED_DOMAINS = ("pedagogical", "basic_skills", "subject")
NEED_NATURES = ("didactic", "pedagogical")
NEED_CATEGORIES = (  # the seven headings of the begrijpwijzer
    "instruction",
    "assignments",
    "learning_activities",
    "feedback",
    "peers",
    "learning_environment",
    "teachers",
)
MEETING_STATUSES = ("scheduled", "held")
MEETING_DECISIONS = (
    "continue_in_group_plan",
    "bilateral_consultation",  # bilateraal overleg met zorgcoördinator / teamleider
    "teacher_coaching",  # begeleidingsvraag van mentor/docent aan het zorgteam
    "register_care_team",  # aanmelden bij het intern zorgteam: hands over to case routing
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in (" + ",".join(f"'{v}'" for v in values) + ")"


class HgwSettings(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """A school's HGW choices (maatwerk per school). Absent: the defaults of the service."""

    __tablename__ = "hgw_settings"
    __table_args__ = (
        UniqueConstraint("school_id"),
        CheckConstraint("cycles_per_year between 2 and 4", name="cycles_per_year"),
        CheckConstraint("cycle_a or cycle_b", name="some_cycle"),
        CheckConstraint(_in("plan_style", PLAN_STYLES), name="plan_style"),
        CheckConstraint(_in("meeting_form", MEETING_FORMS), name="meeting_form"),
    )

    cycles_per_year: int = Field(sa_column=Column(SmallInteger, nullable=False))
    cycle_a: bool = Field(sa_column=Column(Boolean, nullable=False))
    cycle_b: bool = Field(sa_column=Column(Boolean, nullable=False))
    plan_style: str = Field(sa_column=Column(String(20), nullable=False))
    meeting_form: str = Field(sa_column=Column(String(30), nullable=False))
    seo_instrument: str = Field(sa_column=Column(String(60), nullable=False))
    seo_categories: list[str] = Field(sa_column=Column(JSONB, nullable=False))
    test_domains: list[str] = Field(sa_column=Column(JSONB, nullable=False))
    # [{"domain": "RK", "minimum_score": 30, "signal_levels": ["IV", "V"], "note": "..."}]
    signalling_criteria: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    work_attitude_column: bool = Field(sa_column=Column(Boolean, nullable=False))
    direct_zat_from_group_meeting: bool = Field(sa_column=Column(Boolean, nullable=False))


class CyclePeriod(IdMixin, TenantMixin, TimestampMixin, table=True):
    """One HGW cycle period of a school year (e.g. "Cyclus 1: 1 sep - 15 nov"). Archiving it
    makes its overviews and plans read-only."""

    __tablename__ = "cycle_period"
    __table_args__ = (
        UniqueConstraint("school_id", "school_year_id", "sequence"),
        CheckConstraint("starts_on < ends_on", name="period"),
        CheckConstraint("sequence between 1 and 4", name="sequence"),
    )

    school_year_id: uuid.UUID = Field(foreign_key="school_year.id", index=True)
    sequence: int = Field(sa_column=Column(SmallInteger, nullable=False))
    name: str = Field(sa_column=Column(String(60), nullable=False))
    starts_on: date
    ends_on: date
    archived_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class GroupOverview(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Groepsoverzicht: one per group x cycle period x cycle (x subject for cycle B)."""

    __tablename__ = "group_overview"
    __table_args__ = (
        UniqueConstraint("group_id", "cycle_period_id", "cycle", "subject"),
        CheckConstraint(_in("cycle", CYCLES), name="cycle"),
        CheckConstraint(_in("status", OVERVIEW_STATUSES), name="status"),
        CheckConstraint("(cycle = 'A') = (subject = '')", name="subject_for_b"),
    )

    group_id: uuid.UUID = Field(foreign_key="school_group.id", index=True)
    cycle_period_id: uuid.UUID = Field(foreign_key="cycle_period.id", index=True)
    cycle: str = Field(sa_column=Column(String(1), nullable=False))
    # '' for cycle A, so the unique constraint holds.
    subject: str = Field(default="", sa_column=Column(String(60), nullable=False))
    status: str = Field(default="draft", sa_column=Column(String(20), nullable=False))
    dated_on: date
    owner_name: str = Field(sa_column=Column(String(200), nullable=False))
    seeded_from_id: uuid.UUID | None = Field(default=None, foreign_key="group_overview.id")


class OverviewRow(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """One student's row in a group overview (what is known; results come from their table)."""

    __tablename__ = "overview_row"
    __table_args__ = (
        UniqueConstraint("overview_id", "student_id"),
        CheckConstraint(
            "instruction_level is null or " + _in("instruction_level", INSTRUCTION_LEVELS),
            name="instruction_level",
        ),
    )

    overview_id: uuid.UUID = Field(foreign_key="group_overview.id", index=True)
    student_id: uuid.UUID = Field(foreign_key="student.id", index=True)
    observations: str = Field(default="", sa_column=Column(Text, nullable=False))
    student_conversation: str = Field(default="", sa_column=Column(Text, nullable=False))
    parent_conversation: str = Field(default="", sa_column=Column(Text, nullable=False))
    agreements: str = Field(default="", sa_column=Column(Text, nullable=False))
    stimulating_factors: str = Field(default="", sa_column=Column(Text, nullable=False))
    hindering_factors: str = Field(default="", sa_column=Column(Text, nullable=False))
    strengths: str = Field(default="", sa_column=Column(Text, nullable=False))
    work_attitude: str = Field(default="", sa_column=Column(Text, nullable=False))
    # Bijzonderheden: diagnosis, medication, home circumstances. Restricted like care notes.
    particulars: str = Field(default="", sa_column=Column(Text, nullable=False))
    instruction_level: str | None = Field(default=None, sa_column=Column(String(20)))
    updated_by_name: str = Field(default="", sa_column=Column(String(200), nullable=False))


class AssessmentResult(IdMixin, TenantMixin, TimestampMixin, table=True):
    """A test result (TL, BL, SP, RK or a subject test) or a social-emotional instrument score,
    entered by staff or imported from the LVS. The overview shows the history per domain."""

    __tablename__ = "assessment_result"
    __table_args__ = (
        CheckConstraint(_in("kind", RESULT_KINDS), name="kind"),
        CheckConstraint(
            "respondent is null or " + _in("respondent", RESPONDENTS), name="respondent"
        ),
        CheckConstraint("score is not null or level is not null", name="has_value"),
        Index("ix_assessment_result_student", "school_id", "student_id", "taken_on"),
        # An import's natural key: the LVS's own id for the result (NULL for entered ones).
        UniqueConstraint("school_id", "source", "external_id"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id", nullable=False)
    kind: str = Field(sa_column=Column(String(10), nullable=False))
    # TL/BL/SP/RK, a subject ("wiskunde") for tests; an instrument category for SEO scores.
    domain: str = Field(sa_column=Column(String(60), nullable=False))
    instrument: str = Field(sa_column=Column(String(100), nullable=False))
    respondent: str | None = Field(default=None, sa_column=Column(String(10)))
    taken_on: date
    score: float | None = Field(default=None, sa_column=Column(Numeric(8, 2)))
    level: str | None = Field(default=None, sa_column=Column(String(20)))  # "IV", "2F", "C"
    source: str = Field(sa_column=Column(String(40), nullable=False))  # "entered" or an LVS
    entered_by_name: str = Field(sa_column=Column(String(200), nullable=False))
    external_id: str | None = Field(default=None, sa_column=Column(String(200)))


class Signal(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Signalering: a student needs extra attention in the coming period (behind or ahead)."""

    __tablename__ = "hgw_signal"
    __table_args__ = (
        UniqueConstraint("overview_id", "student_id", "category"),
        CheckConstraint(_in("category", SIGNAL_CATEGORIES), name="category"),
        CheckConstraint(_in("mode", SIGNAL_MODES), name="mode"),
        CheckConstraint("cardinality(basis) > 0", name="basis"),
    )

    overview_id: uuid.UUID = Field(foreign_key="group_overview.id", index=True)
    student_id: uuid.UUID = Field(foreign_key="student.id", index=True)
    category: str = Field(sa_column=Column(String(30), nullable=False))
    mode: str = Field(sa_column=Column(String(20), nullable=False))
    basis: list[str] = Field(sa_column=Column(ARRAY(String(20)), nullable=False))
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_by_name: str = Field(sa_column=Column(String(200), nullable=False))
    confirmed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    confirmed_in_meeting_id: uuid.UUID | None = Field(default=None, foreign_key="group_meeting.id")


class EducationalNeed(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Onderwijsbehoefte: goal(s) for the period plus what the student needs to reach them."""

    __tablename__ = "educational_need"
    __table_args__ = (
        CheckConstraint(_in("scope", NEED_SCOPES), name="scope"),
        CheckConstraint(_in("domain", NEED_DOMAINS), name="domain"),
        CheckConstraint(_in("nature", NEED_NATURES), name="nature"),
        CheckConstraint("jsonb_array_length(goals) > 0", name="has_goal"),
        CheckConstraint("jsonb_array_length(items) > 0", name="has_item"),
        CheckConstraint("valid_from <= valid_until", name="period"),
        Index("ix_educational_need_student", "school_id", "student_id", "valid_from"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id", nullable=False)
    overview_id: uuid.UUID | None = Field(default=None, foreign_key="group_overview.id")
    scope: str = Field(sa_column=Column(String(20), nullable=False))
    domain: str = Field(sa_column=Column(String(20), nullable=False))
    nature: str = Field(sa_column=Column(String(20), nullable=False))
    subject: str | None = Field(default=None, sa_column=Column(String(60)))
    # [{"id", "text", "desired_behaviour", "measure", "target_date", "set_with_student"}]
    goals: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    # [{"category": "instruction", "phrase": "kort en duidelijk is", "text": "..."}]
    items: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    uses_talents: str = Field(default="", sa_column=Column(Text, nullable=False))
    set_with_student: bool = Field(sa_column=Column(Boolean, nullable=False))
    student_view: str = Field(default="", sa_column=Column(Text, nullable=False))
    valid_from: date
    valid_until: date
    author_name: str = Field(sa_column=Column(String(200), nullable=False))


class GroupMeeting(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Groepsbespreking: ends a cycle and starts the next; one per overview."""

    __tablename__ = "group_meeting"
    __table_args__ = (
        UniqueConstraint("overview_id"),
        CheckConstraint(_in("status", MEETING_STATUSES), name="status"),
    )

    overview_id: uuid.UUID = Field(foreign_key="group_overview.id")
    group_id: uuid.UUID = Field(foreign_key="school_group.id", index=True)
    status: str = Field(default="scheduled", sa_column=Column(String(20), nullable=False))
    scheduled_on: date
    held_on: date | None = None
    chair_name: str = Field(sa_column=Column(String(200), nullable=False))
    attendees: list[str] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    agenda: list[str] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    # [{"author": "...", "text": "...", "at": "..."}]: vragen van docenten, asked beforehand
    teacher_questions: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSONB, nullable=False)
    )
    previous_plan_evaluation: str = Field(default="", sa_column=Column(Text, nullable=False))
    attention_points: str = Field(default="", sa_column=Column(Text, nullable=False))
    clarified_needs: str = Field(default="", sa_column=Column(Text, nullable=False))
    clustering: str = Field(default="", sa_column=Column(Text, nullable=False))
    agreements: str = Field(default="", sa_column=Column(Text, nullable=False))
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))


class MeetingDecision(IdMixin, TenantMixin, TimestampMixin, table=True):
    """A decision about one student in a group meeting. `register_care_team` decisions are
    the seam to case routing: an outbox event is written when the meeting is held."""

    __tablename__ = "meeting_decision"
    __table_args__ = (
        UniqueConstraint("meeting_id", "student_id", "decision"),
        CheckConstraint(_in("decision", MEETING_DECISIONS), name="decision"),
    )

    meeting_id: uuid.UUID = Field(foreign_key="group_meeting.id", index=True)
    student_id: uuid.UUID = Field(foreign_key="student.id", index=True)
    decision: str = Field(sa_column=Column(String(30), nullable=False))
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
