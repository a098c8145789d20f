"""Gifted education ((hoog)begaafdheid) inside the same route: the signalling instruments
(observation, the student's self-assessment, the needs intake), the offerings catalogue of a
school and of the region, admissions, enrolments with their reviews, keuze-uren, guidance
periods with the student's portfolio, impact measurements and the restricted support profile.

Applications and enrolments for a regional (bovenschoolse) offering live at the student's school
(``school_id``) and name the offering's school (``offering_school_id``): row-level security lets
both schools see them, the policies decide who at each school may."""

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
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin
from zorgroute.gifted.vocabulary import (
    APPLICATION_ROUTES,
    CHOICE_ACTIVITIES,
    DURATIONS,
    GUIDANCE_PHASE_CODES,
    OFFERING_TYPE_CODES,
    RECOMMENDATION_CODES,
    SETTINGS,
    STAGNATION_CAUSES,
)

APPLICATION_STATUSES = ("draft", "submitted", "admitted", "waitlisted", "rejected", "withdrawn")
APPLICATION_KINDS = ("group", "individual")
ENROLMENT_STATUSES = ("active", "ended")
EXIT_REASONS = ("goals_met", "not_fitting", "transfer", "other")
REVIEW_DECISIONS = ("continue", "stop")
CHOICE_STATUSES = ("requested", "acknowledged", "declined", "cancelled")
ATTENDANCE = ("present", "absent")
GUIDANCE_STATUSES = ("open", "closed")
PROGRESS = ("on_track", "stagnating")
COMPLEXITIES = ("none", "light", "moderate", "complex")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in ({', '.join(repr(v) for v in values)})"


def _text() -> Any:
    return Field(default="", sa_column=Column(Text, nullable=False))


class SkillObservation(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Observatie-instrument: 14 executive and mindset skills scored 1-5 in the class, remarks
    and one recommendation that starts its follow-up (a review date, a task for the
    HB-specialist, an application)."""

    __tablename__ = "skill_observation"
    __table_args__ = (
        CheckConstraint(_in("recommendation", RECOMMENDATION_CODES), name="recommendation"),
        Index("ix_skill_observation_student", "school_id", "student_id", "observed_on"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id")
    observed_on: date
    scores: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))  # skill -> 1..5|null
    explanations: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))  # skill -> text
    remarks: str = _text()
    recommendation: str = Field(sa_column=Column(String(30), nullable=False))
    review_on: date | None = None  # "wel in de gaten houden": when to look again
    observer_user_id: uuid.UUID | None = Field(default=None, foreign_key="user_account.id")
    observer_name: str = Field(sa_column=Column(String(200), nullable=False))
    by_specialist: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    # The follow-up the recommendation started, and when it was dealt with.
    signal_id: uuid.UUID | None = Field(
        default=None, foreign_key="hgw_signal.id", ondelete="SET NULL"
    )
    application_id: uuid.UUID | None = Field(default=None)
    follow_up_done_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )


class SelfAssessment(IdMixin, TenantMixin, TimestampMixin, table=True):
    """ "Jij en jouw executieve vaardigheden": what the student is good at and what needs
    attention, up to three per column (denken, doen), then discussed with the teacher."""

    __tablename__ = "self_assessment"
    __table_args__ = (Index("ix_self_assessment_student", "school_id", "student_id", "filled_on"),)

    student_id: uuid.UUID = Field(foreign_key="student.id")
    filled_on: date
    strengths: list[str] = Field(sa_column=Column(ARRAY(String(30)), nullable=False))
    attention_points: list[str] = Field(sa_column=Column(ARRAY(String(30)), nullable=False))
    student_words: str = _text()
    discussed_on: date | None = None
    agreed_adjustments: str = _text()
    entered_by_name: str = Field(sa_column=Column(String(200), nullable=False))


class NeedsIntake(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Behoefte van de leerling en inhoud van het aanbod buiten de klas: the questions for the
    student, the teacher/mentor and the parents, each informant their own section."""

    __tablename__ = "needs_intake"
    __table_args__ = (Index("ix_needs_intake_student", "school_id", "student_id"),)

    student_id: uuid.UUID = Field(foreign_key="student.id")
    # informant -> {"answers": {question: text}, "respondent": str, "answered_on": date}
    sections: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))


class Offering(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Onderwijsaanbod of a school; a regional (bovenschools) one is published in the SWV's
    catalogue and may take other schools' students. ``school_id`` is the school that runs it."""

    __tablename__ = "gifted_offering"
    __table_args__ = (
        CheckConstraint(_in("kind", OFFERING_TYPE_CODES), name="kind"),
        CheckConstraint(_in("setting", SETTINGS), name="setting"),
        CheckConstraint(_in("duration", DURATIONS), name="duration"),
        CheckConstraint("capacity is null or capacity > 0", name="capacity"),
        CheckConstraint("not regional or open_to_other_schools", name="regional_is_open"),
        Index("ix_gifted_offering_swv", "swv_id", "regional"),
    )

    swv_id: uuid.UUID = Field(foreign_key="swv.id")
    name: str = Field(sa_column=Column(String(200), nullable=False))
    kind: str = Field(sa_column=Column(String(30), nullable=False))
    setting: str = Field(sa_column=Column(String(20), nullable=False))
    regional: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    open_to_other_schools: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    duration: str = Field(sa_column=Column(String(20), nullable=False))
    starts_on: date | None = None
    ends_on: date | None = None
    schedule: str = _text()
    hours_per_week: float | None = None
    fixed_teacher_staff_id: uuid.UUID | None = Field(default=None, foreign_key="staff_member.id")
    fixed_teacher_name: str = Field(default="", sa_column=Column(String(200), nullable=False))
    # [{"text": str, "cognitive": bool}]: IMAGE found explicit cognitive goals mattered.
    goals: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    target_group: str = _text()
    selection_criteria: str = _text()
    capacity: int | None = None
    application_routes: list[str] = Field(sa_column=Column(ARRAY(String(20)), nullable=False))
    # Toelatingscommissie: at least two staff members of the offering's school (001:963-965).
    committee_staff_ids: list[uuid.UUID] = Field(
        sa_column=Column(ARRAY(PG_UUID(as_uuid=True)), nullable=False)
    )
    archived: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))


class Application(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Aanmelding for an offering. What the committee reads is what the sending school put in
    it; origin and sex are not fields of it (001:958)."""

    __tablename__ = "gifted_application"
    __table_args__ = (
        CheckConstraint(_in("status", APPLICATION_STATUSES), name="status"),
        CheckConstraint(_in("kind", APPLICATION_KINDS), name="kind"),
        CheckConstraint(f"route is null or {_in('route', APPLICATION_ROUTES)}", name="route"),
        CheckConstraint("status = 'draft' or offering_id is not null", name="offering"),
        CheckConstraint(
            "not exception or length(exception_reason) > 0", name="exception_has_reason"
        ),
        Index("ix_gifted_application_offering", "offering_id", "status", "waitlist_position"),
        Index("ix_gifted_application_student", "school_id", "student_id"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id")
    kind: str = Field(sa_column=Column(String(20), nullable=False))
    offering_id: uuid.UUID | None = Field(default=None, foreign_key="gifted_offering.id")
    offering_school_id: uuid.UUID | None = Field(default=None, foreign_key="school.id", index=True)
    route: str | None = Field(default=None, sa_column=Column(String(20)))
    status: str = Field(default="draft", sa_column=Column(String(20), nullable=False))
    motivation: str = _text()  # the educational need the offering should answer
    observation_id: uuid.UUID | None = Field(default=None, foreign_key="skill_observation.id")
    needs_intake_id: uuid.UUID | None = Field(default=None, foreign_key="needs_intake.id")
    # Frozen at submission: what the committee (maybe of another school) sees of the student.
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    submitted_by_name: str = Field(default="", sa_column=Column(String(200), nullable=False))
    submitted_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    decision_reason: str = _text()
    exception: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    exception_reason: str = _text()
    decided_by: list[uuid.UUID] = Field(
        default_factory=list, sa_column=Column(ARRAY(PG_UUID(as_uuid=True)), nullable=False)
    )
    decided_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    waitlist_position: int | None = None
    created_by_name: str = Field(sa_column=Column(String(200), nullable=False))


class OfferingEnrolment(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Deelname: the student's goals in the offering, the review rhythm, the plan for the
    regular class (IMAGE: an offering without alignment is "a part-time solution for a
    full-time problem") and, for placements outside the home school, the stamschool agreements."""

    __tablename__ = "offering_enrolment"
    __table_args__ = (
        UniqueConstraint("application_id"),
        CheckConstraint(_in("status", ENROLMENT_STATUSES), name="status"),
        CheckConstraint(f"exit_reason is null or {_in('exit_reason', EXIT_REASONS)}", name="exit"),
        CheckConstraint("jsonb_array_length(goals) > 0", name="has_goal"),
        CheckConstraint("(status = 'ended') = (exit_reason is not null)", name="ended_has_reason"),
        Index("ix_offering_enrolment_offering", "offering_id", "status"),
        Index("ix_offering_enrolment_student", "school_id", "student_id"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id")
    offering_id: uuid.UUID = Field(foreign_key="gifted_offering.id")
    offering_school_id: uuid.UUID = Field(foreign_key="school.id", index=True)
    application_id: uuid.UUID | None = Field(default=None, foreign_key="gifted_application.id")
    status: str = Field(default="active", sa_column=Column(String(20), nullable=False))
    starts_on: date
    # [{"id", "text", "cognitive": bool, "status": open|achieved|not_achieved}]
    goals: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    review_every_weeks: int = Field(default=13, sa_column=Column(SmallInteger, nullable=False))
    next_review_on: date
    # The plan for the regular class: who teaches the student there and what changes.
    regular_teacher_staff_id: uuid.UUID | None = Field(default=None, foreign_key="staff_member.id")
    regular_teacher_name: str = Field(default="", sa_column=Column(String(200), nullable=False))
    class_adjustments: str = _text()  # compacting, enrichment, what the student skips
    alignment: str = _text()  # how the offering's work comes back into the class
    individual_plan_id: uuid.UUID | None = Field(default=None, foreign_key="individual_plan.id")
    # Stamschool agreements (001:895-920, 001:816-835) for placements outside the home school.
    agreements: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))
    ended_on: date | None = None
    exit_reason: str | None = Field(default=None, sa_column=Column(String(20)))
    exit_note: str = _text()


class EnrolmentReview(IdMixin, TenantMixin, TimestampMixin, table=True):
    """A (quarterly) review of an enrolment's goals with the student and parents. Never edited:
    the next review is a new row."""

    __tablename__ = "enrolment_review"
    __table_args__ = (
        CheckConstraint(_in("decision", REVIEW_DECISIONS), name="decision"),
        Index("ix_enrolment_review_enrolment", "enrolment_id", "reviewed_on"),
    )

    enrolment_id: uuid.UUID = Field(foreign_key="offering_enrolment.id")
    student_id: uuid.UUID = Field(foreign_key="student.id")
    offering_school_id: uuid.UUID = Field(foreign_key="school.id")
    reviewed_on: date
    goal_progress: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    with_student: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    with_parents: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    class_alignment: str = _text()  # how the regular class kept up (in-class plan)
    notes: str = _text()
    decision: str = Field(sa_column=Column(String(20), nullable=False))
    next_review_on: date | None = None
    reviewed_by_name: str = Field(sa_column=Column(String(200), nullable=False))


class ChoiceHourPolicy(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Keuze-urenbeleid (001:675-690): how many lesson hours a week a student may swap, how
    long before the lesson, and for what. Swapping during a test is never allowed."""

    __tablename__ = "choice_hour_policy"
    __table_args__ = (
        UniqueConstraint("school_id"),
        CheckConstraint("max_hours_per_week between 1 and 10", name="max_hours"),
        CheckConstraint("notice_hours between 0 and 336", name="notice"),
    )

    max_hours_per_week: int = Field(sa_column=Column(SmallInteger, nullable=False))
    notice_hours: int = Field(sa_column=Column(SmallInteger, nullable=False))
    allowed_activities: list[str] = Field(sa_column=Column(ARRAY(String(20)), nullable=False))
    instructions: str = _text()


class ChoiceHourRequest(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """A keuze-uur: the lesson the student swaps, where they are and what they do; the subject
    teacher acknowledges (or declines, e.g. for a test) and marks attendance; the HB-specialist
    or mentor checks."""

    __tablename__ = "choice_hour_request"
    __table_args__ = (
        # One live request per lesson; a declined or cancelled one can be asked again.
        Index(
            "uq_choice_hour_request_lesson",
            "student_id",
            "lesson_date",
            "lesson_hour",
            unique=True,
            postgresql_where=text("status in ('requested', 'acknowledged')"),
        ),
        CheckConstraint(_in("status", CHOICE_STATUSES), name="status"),
        CheckConstraint(_in("activity_kind", CHOICE_ACTIVITIES), name="activity_kind"),
        CheckConstraint(
            f"attendance is null or {_in('attendance', ATTENDANCE)}", name="attendance"
        ),
        CheckConstraint("lesson_hour between 1 and 12", name="lesson_hour"),
        Index("ix_choice_hour_teacher", "school_id", "subject_teacher_staff_id", "lesson_date"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id")
    subject: str = Field(sa_column=Column(String(100), nullable=False))
    subject_teacher_staff_id: uuid.UUID = Field(foreign_key="staff_member.id")
    lesson_date: date
    lesson_hour: int = Field(sa_column=Column(SmallInteger, nullable=False))
    location: str = Field(sa_column=Column(String(200), nullable=False))
    activity_kind: str = Field(sa_column=Column(String(20), nullable=False))
    activity: str = _text()
    status: str = Field(default="requested", sa_column=Column(String(20), nullable=False))
    decline_reason: str = _text()
    acknowledged_by_name: str = Field(default="", sa_column=Column(String(200), nullable=False))
    acknowledged_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )
    attendance: str | None = Field(default=None, sa_column=Column(String(10)))
    attendance_marked_by_name: str = Field(
        default="", sa_column=Column(String(200), nullable=False)
    )
    checked_by_name: str = Field(default="", sa_column=Column(String(200), nullable=False))
    checked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    requested_by_name: str = Field(sa_column=Column(String(200), nullable=False))


class GuidancePeriod(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Begeleidingsperiode along the seven-phase teacher-student consultation (001:162-327),
    with the student's portfolio goals (goal, plan, monitoring, evaluation; 000:29)."""

    __tablename__ = "guidance_period"
    __table_args__ = (
        CheckConstraint(_in("phase", GUIDANCE_PHASE_CODES), name="phase"),
        CheckConstraint(_in("status", GUIDANCE_STATUSES), name="status"),
        CheckConstraint("checkin_every_weeks between 1 and 12", name="checkin"),
        Index("ix_guidance_period_student", "school_id", "student_id"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id")
    lead_staff_id: uuid.UUID | None = Field(default=None, foreign_key="staff_member.id")
    lead_name: str = Field(sa_column=Column(String(200), nullable=False))  # regievoerder
    starts_on: date
    ends_on: date | None = None
    phase: str = Field(default="preparation", sa_column=Column(String(20), nullable=False))
    status: str = Field(default="open", sa_column=Column(String(10), nullable=False))
    # [{"id", "goal", "plan", "monitoring": [{"on", "note"}], "evaluation", "achieved"}]
    goals: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    agreements: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    differentiation: list[str] = Field(sa_column=Column(ARRAY(String(20)), nullable=False))
    external_factors: str = _text()  # restricted: work pressure, home situation (001:185-186)
    checkin_every_weeks: int = Field(default=4, sa_column=Column(SmallInteger, nullable=False))
    student_reflection: str = _text()
    handover_note: str = _text()
    development_points: str = _text()
    transfer_notes: str = _text()


class GuidanceCheckin(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Voortgangsgesprek: progress, and on stagnation its cause (content, approach, other
    circumstances) and what changes. Never edited."""

    __tablename__ = "guidance_checkin"
    __table_args__ = (
        CheckConstraint(_in("progress", PROGRESS), name="progress"),
        CheckConstraint(
            f"stagnation_cause is null or {_in('stagnation_cause', STAGNATION_CAUSES)}",
            name="stagnation_cause",
        ),
        CheckConstraint(
            "(progress = 'stagnating') = (stagnation_cause is not null)", name="cause_on_stagnation"
        ),
        Index("ix_guidance_checkin_period", "period_id", "held_on"),
    )

    period_id: uuid.UUID = Field(foreign_key="guidance_period.id")
    student_id: uuid.UUID = Field(foreign_key="student.id")
    held_on: date
    progress: str = Field(sa_column=Column(String(20), nullable=False))
    stagnation_cause: str | None = Field(default=None, sa_column=Column(String(30)))
    note: str = _text()
    adjustments: str = _text()
    held_by_name: str = Field(sa_column=Column(String(200), nullable=False))


class OutcomeMeasurement(IdMixin, TenantMixin, TimestampMixin, table=True):
    """One wave (T0, T1, ...) of a student's questionnaire on IMAGE's constructs (1-5)."""

    __tablename__ = "outcome_measurement"
    __table_args__ = (
        UniqueConstraint("student_id", "instrument", "wave"),
        CheckConstraint("wave between 0 and 20", name="wave"),
        Index("ix_outcome_measurement_student", "school_id", "student_id"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id")
    instrument: str = Field(sa_column=Column(String(100), nullable=False))
    wave: int = Field(sa_column=Column(SmallInteger, nullable=False))  # 0 = T0
    measured_on: date
    scores: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))  # construct -> 1..5
    entered_by_name: str = Field(sa_column=Column(String(200), nullable=False))


class SupportProfile(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Ondersteuningsprofiel (restricted): signalled as (hoog)begaafd, underachievement
    suspected, dubbel bijzonder (twice-exceptional) with what the other need is, complexity."""

    __tablename__ = "gifted_support_profile"
    __table_args__ = (
        UniqueConstraint("student_id"),
        CheckConstraint(_in("complexity", COMPLEXITIES), name="complexity"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id")
    signalled_gifted: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    signalled_on: date | None = None
    underachievement_suspected: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False)
    )
    twice_exceptional: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    twice_exceptional_note: str = _text()
    complexity: str = Field(default="none", sa_column=Column(String(20), nullable=False))
