"""Read and write models of gifted education: instruments, offerings, admissions, enrolments,
keuze-uren, guidance periods, measurements, the support profile and the HB overview."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from zorgroute.hgw.schemas import Required, Short, Text

Skill = Literal[
    "task_initiation", "sustained_attention", "goal_directed", "flexibility",
    "emotion_regulation", "response_inhibition", "metacognition", "working_memory",
    "time_management", "organisation", "planning", "fixed_mindset", "growth_mindset",
    "collaboration",
]  # fmt: skip
Recommendation = Literal[
    "none", "challenge_in_class", "specialist_observation", "individual_guidance", "group_offering"
]
Informant = Literal["student", "teacher", "parents"]
OfferingKind = Literal[
    "differentiation_in_class", "compacting", "enrichment", "broadening", "deepening",
    "acceleration", "plusklas", "enrichment_module", "individual_programme",
    "individual_coaching", "project", "choice_hours", "peer_group_part_time",
    "peer_group_full_time", "intermediate_provision", "other",
]  # fmt: skip
Setting = Literal["own_class", "separate_group", "other_school"]
Duration = Literal["short_programme", "whole_year"]
ApplicationRoute = Literal["parents", "intern_begeleider", "swv"]
ApplicationKind = Literal["group", "individual"]
ApplicationStatus = Literal["draft", "submitted", "admitted", "waitlisted", "rejected", "withdrawn"]
Decision = Literal["admitted", "waitlisted", "rejected"]
EnrolmentStatus = Literal["active", "ended"]
GoalStatus = Literal["open", "achieved", "not_achieved"]
GoalProgress = Literal["achieved", "progressing", "not_yet"]
ExitReason = Literal["goals_met", "not_fitting", "transfer", "other"]
ReviewDecision = Literal["continue", "stop"]
ChoiceActivity = Literal[
    "other_lesson", "acceleration", "deepening", "broadening", "project", "other"
]
ChoiceStatus = Literal["requested", "acknowledged", "declined", "cancelled"]
AttendanceMark = Literal["present", "absent"]
GuidancePhase = Literal[
    "preparation", "kickoff", "content", "responsibilities", "monitoring", "handover", "reflection"
]
Differentiation = Literal["extra_challenge", "deepening_tasks", "repetition", "support"]
StagnationCause = Literal["content", "approach", "other_circumstances"]
Progress = Literal["on_track", "stagnating"]
Construct = Literal[
    "experienced_challenge", "need_for_challenge", "boredom", "bond_with_classmates",
    "intrinsic_motivation", "sense_of_competence", "enjoyment_of_school",
    "self_regulated_planning", "self_confidence", "creativity",
]  # fmt: skip
Complexity = Literal["none", "light", "moderate", "complex"]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- vocabulary -----------------------------------------------------------------------------
class Term(BaseModel):
    code: str
    label: str
    question: str = ""
    category: str = ""


class GiftedVocabulary(BaseModel):
    """The instruments' items and options with their Dutch wording (for the screens)."""

    observation_skills: list[Term]
    reverse_scored: list[str]
    recommendations: list[Term]
    self_assessment_skills: list[Term]
    intake_questions: dict[str, list[Term]]
    offering_kinds: list[Term]
    constructs: list[Term]
    guidance_phases: list[Term]


# -- observation ----------------------------------------------------------------------------
class ObservationIn(_In):
    observed_on: date
    scores: dict[Skill, int | None] = Field(
        description="Each of the 14 skills: 1 (niet zichtbaar) .. 5 (volledig zichtbaar), or "
        "null when not observed. All 14 keys are required."
    )
    explanations: dict[Skill, Text] = Field(default_factory=dict)
    remarks: Text = ""
    recommendation: Recommendation
    review_on: date | None = Field(
        default=None, description="Required with 'challenge_in_class': when to look again."
    )
    offering_id: uuid.UUID | None = Field(
        default=None,
        description="With 'group_offering' or 'individual_guidance': the offering the "
        "application is for (individual guidance: the school's only individual offering when "
        "left out).",
    )


class FollowUp(BaseModel):
    """What the recommendation started and whether it has been dealt with."""

    kind: Literal["none", "review", "specialist_task", "application"]
    due_on: date | None
    application_id: uuid.UUID | None
    signal_id: uuid.UUID | None
    done: bool


class ObservationRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID | None = Field(description="Null in another school's application.")
    observed_on: date
    scores: dict[str, int | None]
    explanations: dict[str, str]
    remarks: str
    recommendation: Recommendation
    review_on: date | None
    observer_name: str
    by_specialist: bool
    follow_up: FollowUp
    created_at: datetime


# -- self-assessment ------------------------------------------------------------------------
class SelfAssessmentIn(_In):
    filled_on: date
    strengths: list[Skill] = Field(max_length=6, description="Up to 3 'denken' and 3 'doen'.")
    attention_points: list[Skill] = Field(max_length=6)
    student_words: Text = ""
    discussed_on: date | None = None
    agreed_adjustments: Text = ""


class SelfAssessmentRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    filled_on: date
    strengths: list[str]
    attention_points: list[str]
    student_words: str
    discussed_on: date | None
    agreed_adjustments: str
    entered_by_name: str


class SkillComparison(BaseModel):
    """One skill side by side: the teacher's latest score and the student's own view."""

    skill: str
    teacher_score: int | None
    student_view: Literal["strength", "attention", "none"]
    differs: bool = Field(description="Teacher and student see it differently (talk about it).")


# -- needs intake ---------------------------------------------------------------------------
class IntakeSectionIn(_In):
    answers: dict[str, Text] = Field(description="Question code (s1..s5, t1..t5, p1..p4) -> answer")
    respondent: Short
    answered_on: date


class IntakeSection(BaseModel):
    informant: Informant
    answers: dict[str, str]
    respondent: str
    answered_on: date | None


class NeedsIntakeRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID | None = Field(description="Null in another school's application.")
    sections: list[IntakeSection]
    complete: bool
    version: int


# -- offerings ------------------------------------------------------------------------------
class OfferingGoal(BaseModel):
    text: Required
    cognitive: bool = False


class OfferingWrite(_In):
    name: Short
    kind: OfferingKind
    setting: Setting
    regional: bool = Field(
        default=False, description="Bovenschools: published in the SWV's regional catalogue."
    )
    open_to_other_schools: bool = False
    duration: Duration
    starts_on: date | None = None
    ends_on: date | None = None
    schedule: Text = ""
    hours_per_week: float | None = Field(default=None, ge=0, le=40)
    fixed_teacher_staff_id: uuid.UUID | None = None
    goals: list[OfferingGoal] = Field(min_length=1, max_length=12)
    target_group: Required
    selection_criteria: Text = ""
    capacity: int | None = Field(default=None, ge=1, le=500)
    application_routes: list[ApplicationRoute] = Field(min_length=1)
    committee_staff_ids: list[uuid.UUID] = Field(
        min_length=2, max_length=8, description="At least two members (onafhankelijke commissie)."
    )
    archived: bool = False


class CommitteeMember(BaseModel):
    staff_id: uuid.UUID
    name: str


class OfferingRead(BaseModel):
    id: uuid.UUID
    school_id: uuid.UUID
    school_name: str
    name: str
    kind: OfferingKind
    setting: Setting
    regional: bool
    open_to_other_schools: bool
    duration: Duration
    starts_on: date | None
    ends_on: date | None
    schedule: str
    hours_per_week: float | None
    fixed_teacher_staff_id: uuid.UUID | None
    fixed_teacher_name: str
    goals: list[OfferingGoal]
    target_group: str
    selection_criteria: str
    capacity: int | None
    enrolled: int
    waitlisted: int
    application_routes: list[ApplicationRoute]
    committee: list[CommitteeMember]
    archived: bool
    is_placement: bool = Field(description="Outside the home school: stamschool agreements needed.")
    version: int


class OfferingCatalogue(BaseModel):
    own: list[OfferingRead]
    regional: list[OfferingRead] = Field(description="Other schools' offerings open to yours.")


# -- applications ---------------------------------------------------------------------------
class ApplicationCreate(_In):
    student_id: uuid.UUID
    kind: ApplicationKind = "group"
    offering_id: uuid.UUID | None = None
    motivation: Text = ""
    observation_id: uuid.UUID | None = None


class ApplicationUpdate(_In):
    offering_id: uuid.UUID | None = None
    motivation: Text | None = None
    needs_intake_id: uuid.UUID | None = None


class ApplicationSubmit(_In):
    route: ApplicationRoute


class ApplicationDecide(_In):
    decision: Decision
    decided_by: list[uuid.UUID] = Field(
        min_length=2,
        description="Staff ids of the deciding committee members (two or more, you among them).",
    )
    reason: Text = ""
    exception: bool = Field(
        default=False, description="Deviates from the criteria or capacity (reason required)."
    )
    exception_reason: Text = ""


class ApplicationSnapshot(BaseModel):
    """What the committee sees of the student: no origin, no sex."""

    student_name: str
    group_name: str
    school_name: str
    grade: str


class ApplicationRead(BaseModel):
    id: uuid.UUID
    school_id: uuid.UUID
    student_id: uuid.UUID | None = Field(description="Null for a committee of another school.")
    kind: ApplicationKind
    offering_id: uuid.UUID | None
    offering_name: str | None
    route: ApplicationRoute | None
    status: ApplicationStatus
    motivation: str
    observation: ObservationRead | None
    needs_intake: NeedsIntakeRead | None
    snapshot: ApplicationSnapshot
    submitted_by_name: str
    submitted_at: datetime | None
    decision_reason: str
    exception: bool
    exception_reason: str
    decided_by: list[CommitteeMember]
    decided_at: datetime | None
    waitlist_position: int | None
    enrolment_id: uuid.UUID | None
    version: int


class ApplicationQueue(BaseModel):
    """The committee's view of one offering: the applications to decide and the waitlist."""

    offering: OfferingRead
    to_decide: list[ApplicationRead]
    waitlist: list[ApplicationRead]
    decided: list[ApplicationRead]
    free_places: int | None


class WaitlistOrder(_In):
    application_ids: list[uuid.UUID] = Field(
        min_length=1, description="The whole waitlist, in order."
    )


# -- enrolments -----------------------------------------------------------------------------
class EnrolmentGoalIn(_In):
    id: uuid.UUID | None = Field(default=None, description="Keep an existing goal's id.")
    text: Required
    cognitive: bool = False
    status: GoalStatus = "open"


class StamschoolAgreements(_In):
    """Afspraken met de stamschool (001:895-920) for a placement outside the home school."""

    responsibilities: list[Required] = Field(
        min_length=1, description="Who is responsible for what."
    )
    weekly_contact: Required = Field(
        description="E.g. 'elke maandag telefonisch, mentor en coördinator'"
    )
    gradual_intake: Text = Field(
        default="", description="Geleidelijke instroom: hours per week ramping up."
    )
    counts_for_report: bool = Field(
        description="Work at the provision counts for the home school's report."
    )
    report_subjects: Text = ""
    parent_contact: Required = Field(description="Who informs the parents, when and how.")
    home_school_contact: Required


class EnrolmentCreate(_In):
    application_id: uuid.UUID
    starts_on: date
    goals: list[EnrolmentGoalIn] = Field(min_length=1, max_length=12)
    review_every_weeks: int = Field(default=13, ge=2, le=26, description="13 = quarterly.")
    regular_teacher_staff_id: uuid.UUID | None = None
    class_adjustments: Text = ""
    alignment: Text = ""
    individual_plan_id: uuid.UUID | None = None
    agreements: StamschoolAgreements | None = None


class EnrolmentUpdate(_In):
    goals: list[EnrolmentGoalIn] | None = Field(default=None, min_length=1, max_length=12)
    review_every_weeks: int | None = Field(default=None, ge=2, le=26)
    next_review_on: date | None = None
    regular_teacher_staff_id: uuid.UUID | None = None
    class_adjustments: Text | None = None
    alignment: Text | None = None
    individual_plan_id: uuid.UUID | None = None
    agreements: StamschoolAgreements | None = None


class GoalProgressIn(_In):
    goal_id: uuid.UUID
    progress: GoalProgress
    note: Text = ""


class ReviewIn(_In):
    reviewed_on: date
    goal_progress: list[GoalProgressIn] = Field(min_length=1)
    with_student: bool
    with_parents: bool
    class_alignment: Text = Field(default="", description="How the regular class kept up.")
    notes: Text = ""
    decision: ReviewDecision = "continue"


class ReviewRead(BaseModel):
    id: uuid.UUID
    reviewed_on: date
    goal_progress: list[dict[str, str]]
    with_student: bool
    with_parents: bool
    class_alignment: str
    notes: str
    decision: ReviewDecision
    next_review_on: date | None
    reviewed_by_name: str


class ExitIn(_In):
    ended_on: date
    reason: ExitReason
    note: Text = ""


class EnrolmentGoal(BaseModel):
    id: uuid.UUID
    text: str
    cognitive: bool
    status: GoalStatus


class InClassPlan(BaseModel):
    regular_teacher_staff_id: uuid.UUID | None
    regular_teacher_name: str
    class_adjustments: str
    alignment: str
    individual_plan_id: uuid.UUID | None
    complete: bool = Field(description="A teacher, adjustments and alignment are recorded.")


class EnrolmentRead(BaseModel):
    id: uuid.UUID
    school_id: uuid.UUID
    student_id: uuid.UUID | None
    student_name: str
    offering: OfferingRead
    application_id: uuid.UUID | None
    status: EnrolmentStatus
    starts_on: date
    goals: list[EnrolmentGoal]
    review_every_weeks: int
    next_review_on: date | None
    review_overdue: bool
    in_class_plan: InClassPlan
    agreements: StamschoolAgreements | None
    reviews: list[ReviewRead]
    ended_on: date | None
    exit_reason: ExitReason | None
    exit_note: str
    version: int


# -- keuze-uren -----------------------------------------------------------------------------
class ChoiceHourPolicyWrite(_In):
    max_hours_per_week: int = Field(ge=1, le=10)
    notice_hours: int = Field(ge=0, le=336, description="How long before the lesson, in hours.")
    allowed_activities: list[ChoiceActivity] = Field(min_length=1)
    instructions: Text = ""


class ChoiceHourPolicyRead(BaseModel):
    max_hours_per_week: int
    notice_hours: int
    allowed_activities: list[ChoiceActivity]
    never_during_tests: bool = True
    instructions: str
    configured: bool
    version: int


class ChoiceHourCreate(_In):
    student_id: uuid.UUID
    subject: Short
    subject_teacher_staff_id: uuid.UUID
    lesson_date: date
    lesson_hour: int = Field(ge=1, le=12)
    location: Short = Field(description="Waar ben je dit lesuur te vinden?")
    activity_kind: ChoiceActivity
    activity: Text = Field(default="", description="Wat ga je doen? (vak, project, e.d.)")


class ChoiceHourDecision(_In):
    acknowledge: bool
    reason: Text = Field(default="", description="Why not, e.g. 'er is een toets'.")
    test_in_lesson: bool = False


class AttendanceIn(_In):
    attendance: AttendanceMark


class ChoiceHourRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    student_name: str
    group_name: str
    subject: str
    subject_teacher_staff_id: uuid.UUID
    subject_teacher_name: str
    lesson_date: date
    lesson_hour: int
    location: str
    activity_kind: ChoiceActivity
    activity: str
    status: ChoiceStatus
    decline_reason: str
    acknowledged_by_name: str
    attendance: AttendanceMark | None
    attendance_marked_by_name: str
    checked_by_name: str
    checked_at: datetime | None
    requested_by_name: str
    version: int


# -- guidance periods and portfolio ---------------------------------------------------------
class PortfolioGoalIn(_In):
    id: uuid.UUID | None = None
    goal: Required
    plan: Text = ""
    evaluation: Text = ""
    achieved: bool | None = None


class AgreementIn(_In):
    who: Short
    what: Required
    when: Text = ""
    how: Text = ""


class GuidanceCreate(_In):
    student_id: uuid.UUID
    lead_staff_id: uuid.UUID | None = None
    starts_on: date
    ends_on: date | None = None
    goals: list[PortfolioGoalIn] = Field(default_factory=list, max_length=10)
    checkin_every_weeks: int = Field(default=4, ge=1, le=12)


class GuidanceUpdate(_In):
    ends_on: date | None = None
    goals: list[PortfolioGoalIn] | None = Field(default=None, max_length=10)
    agreements: list[AgreementIn] | None = Field(default=None, max_length=20)
    differentiation: list[Differentiation] | None = None
    external_factors: Text | None = None
    checkin_every_weeks: int | None = Field(default=None, ge=1, le=12)
    student_reflection: Text | None = None
    handover_note: Text | None = None
    development_points: Text | None = None
    transfer_notes: Text | None = None


class PhaseIn(_In):
    phase: GuidancePhase = Field(description="The next phase (or the current one's successor).")


class MonitoringNoteIn(_In):
    goal_id: uuid.UUID
    on: date
    note: Required


class CheckinIn(_In):
    held_on: date
    progress: Progress
    stagnation_cause: StagnationCause | None = None
    note: Text = ""
    adjustments: Text = ""


class PortfolioGoal(BaseModel):
    id: uuid.UUID
    goal: str
    plan: str
    monitoring: list[dict[str, str]]
    evaluation: str
    achieved: bool | None


class CheckinRead(BaseModel):
    id: uuid.UUID
    held_on: date
    progress: Progress
    stagnation_cause: StagnationCause | None
    note: str
    adjustments: str
    held_by_name: str


class GuidanceRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    lead_staff_id: uuid.UUID | None
    lead_name: str
    starts_on: date
    ends_on: date | None
    phase: GuidancePhase
    status: Literal["open", "closed"]
    goals: list[PortfolioGoal]
    agreements: list[dict[str, str]]
    differentiation: list[Differentiation]
    external_factors: str | None = Field(description="Null when you may not see it.")
    checkin_every_weeks: int
    next_checkin_on: date | None
    checkins: list[CheckinRead]
    student_reflection: str
    handover_note: str
    development_points: str
    transfer_notes: str
    version: int


# -- impact ---------------------------------------------------------------------------------
class MeasurementIn(_In):
    instrument: Short = "IMAGE-leerlingvragenlijst"
    wave: int = Field(ge=0, le=20, description="0 = T0 (before), 1 = T1, ...")
    measured_on: date
    scores: dict[Construct, float] = Field(min_length=1)


class MeasurementRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    instrument: str
    wave: int
    measured_on: date
    scores: dict[str, float]
    entered_by_name: str


class ConstructChange(BaseModel):
    code: Construct
    label: str
    students: int
    first_mean: float | None
    last_mean: float | None
    mean_change: float | None
    suppressed: bool = Field(description="Fewer than the minimum students: no figures shown.")


class OfferingImpact(BaseModel):
    """Descriptive, not causal: the change in participants between their first and last wave,
    without a comparison group (IMAGE compared with similar non-participants)."""

    offering_id: uuid.UUID
    offering_name: str
    participants: int
    measured: int
    minimum_cell: int
    constructs: list[ConstructChange]
    goals_met_exits: int
    exits: int
    notice: str


# -- support profile, gifted case and the HB overview ---------------------------------------
class SupportProfileWrite(_In):
    signalled_gifted: bool
    signalled_on: date | None = None
    underachievement_suspected: bool = False
    twice_exceptional: bool | None = Field(
        default=None, description="Dubbel bijzonder; only who may see it may set it."
    )
    twice_exceptional_note: Text | None = None
    complexity: Complexity = "none"


class SupportProfileRead(BaseModel):
    student_id: uuid.UUID
    signalled_gifted: bool
    signalled_on: date | None
    underachievement_suspected: bool
    twice_exceptional: bool | None = Field(description="Null when you may not see it.")
    twice_exceptional_note: str | None
    complexity: Complexity
    version: int


class GiftedCaseIn(_In):
    coordinator_staff_id: uuid.UUID = Field(
        description="Casusregisseur: required for a complex case."
    )
    help_question_student: Text = ""
    guidance_question: Required
    strengths_student: Text = ""
    observation_id: uuid.UUID | None = None


class StudentGifted(BaseModel):
    """Everything gifted about one student: instruments side by side, applications,
    enrolments, guidance, measurements and the profile."""

    student_id: uuid.UUID
    profile: SupportProfileRead
    observations: list[ObservationRead]
    self_assessments: list[SelfAssessmentRead]
    comparison: list[SkillComparison]
    needs_intakes: list[NeedsIntakeRead]
    applications: list[ApplicationRead]
    enrolments: list[EnrolmentRead]
    guidance_periods: list[GuidanceRead]
    measurements: list[MeasurementRead]
    case_ids: list[uuid.UUID]


class GiftedStudentRow(BaseModel):
    student_id: uuid.UUID
    name: str
    group_name: str
    twice_exceptional: bool | None
    underachievement_suspected: bool
    latest_recommendation: Recommendation | None
    observed_on: date | None
    open_follow_up: str | None
    applications: list[str] = Field(description="'offering name: status'")
    offerings: list[str] = Field(description="Active enrolments' offering names")
    goals_achieved: int
    goals_total: int
    next_review_on: date | None
    measurement_change: float | None = Field(
        description="Mean change over the constructs between the first and last wave"
    )
    exits_goals_met: int


class GiftedOverview(BaseModel):
    """What the HB-specialist sees: every signalled or observed student of the school with
    their offerings and outcomes, and the work waiting (reviews, tasks, applications)."""

    school_id: uuid.UUID
    students: list[GiftedStudentRow]
    signalled: int
    enrolled: int
    to_observe: int
    reviews_due: int
    applications_open: int
    reference_share: float = Field(
        default=0.025, description="About 2.5% (002:14): a reference, not a quota."
    )
    student_count: int
