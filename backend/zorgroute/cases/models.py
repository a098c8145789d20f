"""Case routing (onderwijszorgroute): the school's routes as versioned configuration, the case
(zorgtraject) with its registrations, screenings, conversations and timeline, the care meetings
(IZO, ZAT, leerlingbespreking, MDO) with their agenda and minutes, and what a case sets in
motion: action items, interventions, external referrals and SWV arrangement requests."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin

COMPLEXITIES = ("regular", "complex")
ORIGINS = ("group_meeting", "manual", "shortened", "po_transfer", "observation")
REGISTRATION_KINDS = ("izo", "zat")
REGISTRATION_STATUSES = ("draft", "submitted", "info_requested", "accepted", "returned")
SCREENING_OUTCOMES = ("accept", "request_info", "first_line_actions")
CONVERSATION_WITH = ("student", "parents")
CONVERSATION_MOMENTS = ("before", "after", "kickoff", "evaluation")
MEETING_FORUMS = ("izo", "zat", "leerlingbespreking", "ondersteuningsteam", "mdo")
CARE_MEETING_STATUSES = ("scheduled", "held", "cancelled")
MEMBERSHIPS = ("standing", "on_call", "external", "student", "parent")
ATTENDANCE = ("invited", "present", "absent", "excused")
DISCUSSION_KINDS = ("new", "progress")
ACTION_STATUSES = ("open", "done", "cancelled")
INTERVENTION_KINDS = (
    "remedial_teaching",
    "dyslexia_support",
    "social_skills_training",
    "fear_of_failure_training",
    "counselling",  # gesprekken met orthopedagoog / psycholoog
    "homework_support",
    "teacher_coaching",  # begeleiding (coaching) van mentor en/of docenten
    "parent_support",  # opvoedondersteuning door schoolmaatschappelijk werk
    "career_guidance",  # extra loopbaanbegeleiding
    "investigation",  # handelingsgericht onderzoek
    "enrichment_programme",  # individueel verrijkingsprogramma (hoogbegaafdheid)
    "other",
)
INTERVENTION_STATUSES = ("planned", "running", "ended")
EFFECTS = ("effective", "partly", "not_effective", "unknown")
REFERRAL_TARGETS = (
    "jgz",  # jeugdgezondheidszorg: jeugdarts / jeugdverpleegkundige
    "jeugdhulp",  # (wijk)team jeugdhulp, voorheen Bureau Jeugdzorg
    "cjg",  # Centrum voor Jeugd en Gezin: opvoedondersteuning
    "leerplicht",  # leerplichtambtenaar: herhaald ongeoorloofd verzuim
    "ggz",  # (jeugd-)GGZ
    "mee",
    "verslavingszorg",
    "other",
)
REFERRAL_STATUSES = ("requested", "started", "ended", "declined")
SWV_REQUEST_TYPES = (
    "ambulant_support",  # ambulante begeleiding
    "consultation",  # consultatie en advies
    "rebound",  # tijdelijke plaatsing in een reboundvoorziening
    "special_education",  # toelaatbaarheidsverklaring (v)so
    "other",
)
SWV_DECISIONS = ("pending", "granted", "rejected", "withdrawn")
CLOSURE_OUTCOMES = ("goals_met", "partly_met", "referred_on", "moved_school", "other")
EVENT_KINDS = (
    "opened",
    "transition",
    "registration",
    "screening",
    "conversation",
    "discussion",
    "action_item",
    "intervention",
    "referral",
    "swv_request",
    "closure",
    "grant",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in (" + ",".join(f"'{v}'" for v in values) + ")"


class CareRoute(IdMixin, TenantMixin, TimestampMixin, table=True):
    """One revision of a school's route (maatwerk per school): levels, forums, states and the
    transition table, as validated JSON. A new revision never changes a running case: a case
    keeps the revision it was opened on."""

    __tablename__ = "care_route"
    __table_args__ = (UniqueConstraint("school_id", "key", "revision"),)

    key: str = Field(sa_column=Column(String(60), nullable=False))
    revision: int = Field(sa_column=Column(SmallInteger, nullable=False))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    template: str | None = Field(default=None, sa_column=Column(String(60)))
    definition: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    change_note: str | None = Field(default=None, sa_column=Column(Text))
    created_by: str = Field(sa_column=Column(String(200), nullable=False))


class CareCase(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Zorgtraject: one student's case on one route revision. The state changes only through the
    route's transition table; the mentor and teachers stay owners throughout."""

    __tablename__ = "care_case"
    __table_args__ = (
        CheckConstraint(_in("complexity", COMPLEXITIES), name="complexity"),
        CheckConstraint(_in("origin", ORIGINS), name="origin"),
        CheckConstraint(
            "closure_outcome is null or " + _in("closure_outcome", CLOSURE_OUTCOMES),
            name="closure_outcome",
        ),
        UniqueConstraint("origin_decision_id"),
        Index("ix_care_case_board", "school_id", "closed_at", "state"),
        Index("ix_care_case_student", "school_id", "student_id"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id", nullable=False)
    route_id: uuid.UUID = Field(foreign_key="care_route.id", nullable=False)
    state: str = Field(sa_column=Column(String(60), nullable=False))
    state_since: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    complexity: str = Field(default="regular", sa_column=Column(String(10), nullable=False))
    origin: str = Field(sa_column=Column(String(20), nullable=False))
    origin_meeting_id: uuid.UUID | None = Field(default=None, foreign_key="group_meeting.id")
    origin_decision_id: uuid.UUID | None = Field(default=None, foreign_key="meeting_decision.id")
    registrant_user_id: uuid.UUID | None = Field(default=None, foreign_key="user_account.id")
    registrant_name: str = Field(sa_column=Column(String(200), nullable=False))
    # Casusregie: required for complex cases; partners report to them (één kind, één plan).
    coordinator_staff_id: uuid.UUID | None = Field(default=None, foreign_key="staff_member.id")
    parent_contact_staff_id: uuid.UUID | None = Field(default=None, foreign_key="staff_member.id")
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    help_question_student: str | None = Field(default=None, sa_column=Column(Text))
    help_question_parents: str | None = Field(default=None, sa_column=Column(Text))
    guidance_question: str | None = Field(default=None, sa_column=Column(Text))
    # {student, school, family}: strengths and stimulating factors, and hindering factors.
    strengths: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    hindering: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    school_career: str | None = Field(default=None, sa_column=Column(Text))
    prior_support: str | None = Field(default=None, sa_column=Column(Text))
    home_situation: str | None = Field(default=None, sa_column=Column(Text))  # restricted
    zat_question: str | None = Field(default=None, sa_column=Column(Text))
    # Parents are informed of a registration unless a recorded safety reason says otherwise.
    parents_informed: bool = Field(default=True, sa_column=Column(Boolean, nullable=False))
    parents_not_informed_reason: str | None = Field(default=None, sa_column=Column(Text))
    evaluation_on: date | None = Field(default=None, sa_column=Column(Date))
    opened_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    first_discussed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    closed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    closure_provisional: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    closure_outcome: str | None = Field(default=None, sa_column=Column(String(20)))
    closure: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))


class CaseEvent(IdMixin, TenantMixin, table=True):
    """The case's timeline: who did what, when and why. Append-only (a trigger refuses updates)."""

    __tablename__ = "case_event"
    __table_args__ = (
        CheckConstraint(_in("kind", EVENT_KINDS), name="kind"),
        Index("ix_case_event_case", "case_id", "at"),
    )

    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False)
    kind: str = Field(sa_column=Column(String(20), nullable=False))
    action: str | None = Field(default=None, sa_column=Column(String(60)))
    transition_key: str | None = Field(default=None, sa_column=Column(String(20)))
    from_state: str | None = Field(default=None, sa_column=Column(String(60)))
    to_state: str | None = Field(default=None, sa_column=Column(String(60)))
    actor_name: str = Field(sa_column=Column(String(200), nullable=False))
    reason: str | None = Field(default=None, sa_column=Column(Text))
    # Ids and codes only (what record the event is about).
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)


class CaseRegistration(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Aanmeldingsformulier IZO or ZAT: the form's own fields (the questions, strengths and
    factors live on the case and are frozen into `snapshot` on submission)."""

    __tablename__ = "case_registration"
    __table_args__ = (
        CheckConstraint(_in("kind", REGISTRATION_KINDS), name="kind"),
        CheckConstraint(_in("status", REGISTRATION_STATUSES), name="status"),
        UniqueConstraint("case_id", "kind"),
    )

    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False)
    kind: str = Field(sa_column=Column(String(3), nullable=False))
    status: str = Field(default="draft", sa_column=Column(String(20), nullable=False))
    form: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    snapshot: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))
    submitted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    submitted_by: str | None = Field(default=None, sa_column=Column(String(200)))


class CaseScreening(IdMixin, TenantMixin, table=True):
    """The zorgcoördinator's / IB'er's screening of a registration: the four checks, the outcome,
    and what the registrant must add (they supply it, the screener does not look it up)."""

    __tablename__ = "case_screening"
    __table_args__ = (CheckConstraint(_in("outcome", SCREENING_OUTCOMES), name="outcome"),)

    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False, index=True)
    registration_id: uuid.UUID = Field(foreign_key="case_registration.id", nullable=False)
    right_line: bool = Field(sa_column=Column(Boolean, nullable=False))
    questions_clear: bool = Field(sa_column=Column(Boolean, nullable=False))
    prior_line_exhausted: bool = Field(sa_column=Column(Boolean, nullable=False))
    parents_student_aware: bool = Field(sa_column=Column(Boolean, nullable=False))
    outcome: str = Field(sa_column=Column(String(20), nullable=False))
    missing_items: list[str] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    proposed_actions: str | None = Field(default=None, sa_column=Column(Text))
    notes: str | None = Field(default=None, sa_column=Column(Text))
    screened_by: str = Field(sa_column=Column(String(200), nullable=False))
    screened_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)


class CaseConversation(IdMixin, TenantMixin, TimestampMixin, table=True):
    """A conversation with the student or the parents before or after a discussion (I2/R23), at
    the kick-off of the shortened route, or at the evaluation."""

    __tablename__ = "case_conversation"
    __table_args__ = (
        CheckConstraint(_in("with_whom", CONVERSATION_WITH), name="with_whom"),
        CheckConstraint(_in("moment", CONVERSATION_MOMENTS), name="moment"),
        Index("ix_case_conversation_case", "case_id", "held_on"),
    )

    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False)
    with_whom: str = Field(sa_column=Column(String(10), nullable=False))
    moment: str = Field(sa_column=Column(String(12), nullable=False))
    forum: str | None = Field(default=None, sa_column=Column(String(30)))
    held_on: date = Field(sa_column=Column(Date, nullable=False))
    participants: str | None = Field(default=None, sa_column=Column(Text))
    summary: str = Field(sa_column=Column(Text, nullable=False))  # restricted
    agreements: str | None = Field(default=None, sa_column=Column(Text))
    recorded_by: str = Field(sa_column=Column(String(200), nullable=False))


class CareMeeting(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """An IZO, ZAT / ondersteuningsteam, leerlingbespreking or MDO session."""

    __tablename__ = "care_meeting"
    __table_args__ = (
        CheckConstraint(_in("forum", MEETING_FORUMS), name="forum"),
        CheckConstraint(_in("status", CARE_MEETING_STATUSES), name="status"),
        Index("ix_care_meeting_when", "school_id", "scheduled_at"),
    )

    forum: str = Field(sa_column=Column(String(30), nullable=False))
    title: str = Field(sa_column=Column(String(200), nullable=False))
    scheduled_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    location: str | None = Field(default=None, sa_column=Column(String(200)))
    chair_staff_id: uuid.UUID | None = Field(default=None, foreign_key="staff_member.id")
    minute_taker: str | None = Field(default=None, sa_column=Column(String(200)))
    status: str = Field(default="scheduled", sa_column=Column(String(10), nullable=False))
    case_pack_sent_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    held_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class CareMeetingMember(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Who is invited and who came: standing and on-call members, external partners (their case
    access comes from a time-boxed grant), the student and the parents."""

    __tablename__ = "care_meeting_member"
    __table_args__ = (
        CheckConstraint(_in("membership", MEMBERSHIPS), name="membership"),
        CheckConstraint(_in("attendance", ATTENDANCE), name="attendance"),
        Index("ix_care_meeting_member_meeting", "meeting_id"),
    )

    meeting_id: uuid.UUID = Field(foreign_key="care_meeting.id", nullable=False)
    user_id: uuid.UUID | None = Field(default=None, foreign_key="user_account.id")
    name: str = Field(sa_column=Column(String(200), nullable=False))
    role_label: str | None = Field(default=None, sa_column=Column(String(100)))
    organisation: str | None = Field(default=None, sa_column=Column(String(200)))
    membership: str = Field(sa_column=Column(String(10), nullable=False))
    attendance: str = Field(default="invited", sa_column=Column(String(10), nullable=False))


class CaseDiscussion(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """A case on a meeting's agenda (new or progress) and, once discussed, its minutes: the
    report fields of the forum, the decisions, the evaluation date and who informs whom."""

    __tablename__ = "case_discussion"
    __table_args__ = (
        CheckConstraint(_in("kind", DISCUSSION_KINDS), name="kind"),
        UniqueConstraint("meeting_id", "case_id"),
        Index("ix_case_discussion_case", "case_id"),
    )

    meeting_id: uuid.UUID = Field(foreign_key="care_meeting.id", nullable=False)
    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False)
    kind: str = Field(sa_column=Column(String(10), nullable=False))
    position: int = Field(sa_column=Column(SmallInteger, nullable=False))
    minutes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    decisions: list[str] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    evaluation_on: date | None = Field(default=None, sa_column=Column(Date))
    informs_student_parents: str | None = Field(default=None, sa_column=Column(String(200)))
    relays_advice_to_school: str | None = Field(default=None, sa_column=Column(String(200)))
    discussed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    recorded_by: str | None = Field(default=None, sa_column=Column(String(200)))


class ActionItem(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """One line of the plan van aanpak: who does what, towards which goal, by when."""

    __tablename__ = "case_action_item"
    __table_args__ = (
        CheckConstraint(_in("status", ACTION_STATUSES), name="status"),
        Index("ix_case_action_item_due", "school_id", "status", "due_on"),
        Index("ix_case_action_item_case", "case_id"),
    )

    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False)
    discussion_id: uuid.UUID | None = Field(default=None, foreign_key="case_discussion.id")
    description: str = Field(sa_column=Column(Text, nullable=False))
    goal: str | None = Field(default=None, sa_column=Column(Text))
    owner_name: str = Field(sa_column=Column(String(200), nullable=False))
    owner_user_id: uuid.UUID | None = Field(default=None, foreign_key="user_account.id")
    organisation: str | None = Field(default=None, sa_column=Column(String(200)))
    due_on: date = Field(sa_column=Column(Date, nullable=False))
    status: str = Field(default="open", sa_column=Column(String(10), nullable=False))
    report: str | None = Field(default=None, sa_column=Column(Text))
    done_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class Intervention(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Internal care or coaching the case set in motion, with its goal and the effect as the
    student and the parents perceived it (IMAGE: perceived effectiveness and why)."""

    __tablename__ = "case_intervention"
    __table_args__ = (
        CheckConstraint(_in("kind", INTERVENTION_KINDS), name="kind"),
        CheckConstraint(_in("status", INTERVENTION_STATUSES), name="status"),
        CheckConstraint("ends_on is null or starts_on <= ends_on", name="period"),
        Index("ix_case_intervention_case", "case_id"),
    )

    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False)
    kind: str = Field(sa_column=Column(String(30), nullable=False))
    goal: str = Field(sa_column=Column(Text, nullable=False))
    provider: str = Field(sa_column=Column(String(200), nullable=False))
    starts_on: date = Field(sa_column=Column(Date, nullable=False))
    ends_on: date | None = Field(default=None, sa_column=Column(Date))
    frequency: str | None = Field(default=None, sa_column=Column(String(200)))
    evaluation_on: date | None = Field(default=None, sa_column=Column(Date))
    status: str = Field(default="planned", sa_column=Column(String(10), nullable=False))
    outcome: str | None = Field(default=None, sa_column=Column(Text))
    effect_student: str | None = Field(default=None, sa_column=Column(String(15)))
    effect_student_note: str | None = Field(default=None, sa_column=Column(Text))
    effect_parents: str | None = Field(default=None, sa_column=Column(String(15)))
    effect_parents_note: str | None = Field(default=None, sa_column=Column(Text))
    transferred_to_class: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))


class ExternalReferral(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Verwijzing to jeugdgezondheidszorg, jeugdhulp, CJG, leerplicht, ... (parallel to the
    case's state: the school's route goes on)."""

    __tablename__ = "case_referral"
    __table_args__ = (
        CheckConstraint(_in("target", REFERRAL_TARGETS), name="target"),
        CheckConstraint(_in("status", REFERRAL_STATUSES), name="status"),
        Index("ix_case_referral_case", "case_id"),
    )

    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False)
    target: str = Field(sa_column=Column(String(20), nullable=False))
    organisation: str | None = Field(default=None, sa_column=Column(String(200)))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    referred_on: date = Field(sa_column=Column(Date, nullable=False))
    # A consent that retention removes leaves the record (the referral happened).
    consent_id: uuid.UUID | None = Field(
        default=None, foreign_key="consent.id", ondelete="SET NULL"
    )
    legal_ground: str | None = Field(default=None, sa_column=Column(String(30)))
    status: str = Field(default="requested", sa_column=Column(String(10), nullable=False))
    started_on: date | None = Field(default=None, sa_column=Column(Date))
    feedback: str | None = Field(default=None, sa_column=Column(Text))


class SwvRequest(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """Arrangement request (aanvraag arrangement) to the samenwerkingsverband, with the SWV's
    decision and the start date (the norm: at most 8 weeks from request to start)."""

    __tablename__ = "case_swv_request"
    __table_args__ = (
        CheckConstraint(_in("request_type", SWV_REQUEST_TYPES), name="request_type"),
        CheckConstraint(_in("decision", SWV_DECISIONS), name="decision"),
        Index("ix_case_swv_request_case", "case_id"),
    )

    case_id: uuid.UUID = Field(foreign_key="care_case.id", nullable=False)
    request_type: str = Field(sa_column=Column(String(20), nullable=False))
    temporary: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    goals: str = Field(sa_column=Column(Text, nullable=False))
    # "Herhaalde en goed gedocumenteerde inspanningen": what was done, with what result.
    documented_efforts: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSONB, nullable=False)
    )
    requested_start: date = Field(sa_column=Column(Date, nullable=False))
    requested_on: date = Field(sa_column=Column(Date, nullable=False))
    # A consent that retention removes leaves the record (the referral happened).
    consent_id: uuid.UUID | None = Field(
        default=None, foreign_key="consent.id", ondelete="SET NULL"
    )
    decision: str = Field(default="pending", sa_column=Column(String(10), nullable=False))
    decided_on: date | None = Field(default=None, sa_column=Column(Date))
    decision_note: str | None = Field(default=None, sa_column=Column(Text))
    starts_on: date | None = Field(default=None, sa_column=Column(Date))
    ended_on: date | None = Field(default=None, sa_column=Column(Date))
