"""GraphQL types of gifted education, written field by field from the REST read and
write models (gifted/schemas.py). The fields are in gifted/graphql.py.

REST's objects keyed by a code (an observation's scores and explanations, an intake section's
answers, a measurement's scores) are lists of typed pairs here, in both directions, and the
vocabulary's intake questions are a list per informant. A `status` of a type that answers a
field next to Problem is renamed (`applicationStatus`, ...) so that it never clashes with
Problem.status in a result union."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

import strawberry

from zorgroute.gifted.schemas import (
    ApplicationQueue,
    ApplicationRead,
    ApplicationSnapshot,
    CheckinRead,
    ChoiceHourPolicyRead,
    ChoiceHourRead,
    CommitteeMember,
    ConstructChange,
    EnrolmentGoal,
    EnrolmentRead,
    FollowUp,
    GiftedOverview,
    GiftedStudentRow,
    GiftedVocabulary,
    GuidanceRead,
    InClassPlan,
    IntakeSection,
    MeasurementRead,
    NeedsIntakeRead,
    ObservationRead,
    OfferingCatalogue,
    OfferingGoal,
    OfferingImpact,
    OfferingRead,
    PortfolioGoal,
    ReviewRead,
    SelfAssessmentRead,
    SkillComparison,
    StamschoolAgreements,
    StudentGifted,
    SupportProfileRead,
    Term,
)
from zorgroute.gifted.vocabulary import CONSTRUCT_CODES, INTAKE_QUESTIONS, SKILL_CODES

T = TypeVar("T")


def _id(value: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(value))


def _opt_id(value: uuid.UUID | None) -> strawberry.ID | None:
    return strawberry.ID(str(value)) if value is not None else None


def _text_id(value: str | None) -> strawberry.ID | None:
    return strawberry.ID(value) if value else None


QUESTION_CODES = tuple(code for questions in INTAKE_QUESTIONS.values() for code, _ in questions)


def _ordered(values: Mapping[str, T], codes: tuple[str, ...]) -> list[tuple[str, T]]:
    """An object keyed by codes as pairs in the vocabulary's order (as stored, the keys are
    in no particular order); a code the vocabulary does not know comes last."""
    rank = {code: index for index, code in enumerate(codes)}
    return sorted(values.items(), key=lambda item: (rank.get(item[0], len(codes)), item[0]))


# -- vocabulary -----------------------------------------------------------------------------
@strawberry.type(name="GiftedTerm", description="An item or option of an instrument, in Dutch")
class TermType:
    code: str
    label: str
    question: str = strawberry.field(description="The instrument's guiding question, if any")
    category: str = strawberry.field(description="E.g. denken or doen of a self-assessment skill")

    @classmethod
    def of(cls, t: Term) -> TermType:
        return cls(code=t.code, label=t.label, question=t.question, category=t.category)


@strawberry.type(name="GiftedIntakeQuestions", description="One informant's intake questions")
class IntakeQuestionsType:
    informant: str = strawberry.field(description="student, teacher or parents")
    questions: list[TermType]


@strawberry.type(
    name="GiftedVocabulary",
    description="The instruments' items and options with their Dutch wording (for the screens)",
)
class VocabularyType:
    observation_skills: list[TermType]
    reverse_scored: list[str] = strawberry.field(
        description="Skills where a high score means more difficulty (never sum them naively)"
    )
    recommendations: list[TermType]
    self_assessment_skills: list[TermType]
    intake_questions: list[IntakeQuestionsType]
    offering_kinds: list[TermType]
    constructs: list[TermType]
    guidance_phases: list[TermType]

    @classmethod
    def of(cls, v: GiftedVocabulary) -> VocabularyType:
        def terms(items: Iterable[Term]) -> list[TermType]:
            return [TermType.of(t) for t in items]

        return cls(
            observation_skills=terms(v.observation_skills),
            reverse_scored=list(v.reverse_scored),
            recommendations=terms(v.recommendations),
            self_assessment_skills=terms(v.self_assessment_skills),
            intake_questions=[
                IntakeQuestionsType(informant=informant, questions=terms(questions))
                for informant, questions in v.intake_questions.items()
            ],
            offering_kinds=terms(v.offering_kinds),
            constructs=terms(v.constructs),
            guidance_phases=terms(v.guidance_phases),
        )


# -- observation, self-assessment, needs intake ---------------------------------------------
OTHER_SCHOOL = "Null in another school's application (what its committee sees)"


@strawberry.type(name="GiftedSkillScore", description="One skill's observed score")
class SkillScoreType:
    skill: str
    score: int | None = strawberry.field(description="1 (niet zichtbaar) .. 5; null: not observed")


@strawberry.type(name="GiftedSkillExplanation", description="The observer's note on one skill")
class SkillExplanationType:
    skill: str
    text: str


@strawberry.type(
    name="GiftedFollowUp",
    description="What the recommendation started and whether it has been dealt with",
)
class FollowUpType:
    kind: str = strawberry.field(description="none, review, specialist_task or application")
    due_on: date | None
    application_id: strawberry.ID | None
    signal_id: strawberry.ID | None
    done: bool

    @classmethod
    def of(cls, f: FollowUp) -> FollowUpType:
        return cls(
            kind=f.kind,
            due_on=f.due_on,
            application_id=_opt_id(f.application_id),
            signal_id=_opt_id(f.signal_id),
            done=f.done,
        )


@strawberry.type(
    name="GiftedObservation",
    description="The classroom observation: 14 executive skills and a recommendation",
)
class ObservationType:
    id: strawberry.ID
    student_id: strawberry.ID | None = strawberry.field(description=OTHER_SCHOOL)
    observed_on: date
    scores: list[SkillScoreType] = strawberry.field(
        description="Every skill, in the instrument's order"
    )
    explanations: list[SkillExplanationType]
    remarks: str
    recommendation: str
    review_on: date | None
    observer_name: str
    by_specialist: bool
    follow_up: FollowUpType
    created_at: datetime

    @classmethod
    def of(cls, o: ObservationRead) -> ObservationType:
        return cls(
            id=_id(o.id),
            student_id=_opt_id(o.student_id),
            observed_on=o.observed_on,
            scores=[SkillScoreType(skill=k, score=v) for k, v in _ordered(o.scores, SKILL_CODES)],
            explanations=[
                SkillExplanationType(skill=k, text=v)
                for k, v in _ordered(o.explanations, SKILL_CODES)
            ],
            remarks=o.remarks,
            recommendation=o.recommendation,
            review_on=o.review_on,
            observer_name=o.observer_name,
            by_specialist=o.by_specialist,
            follow_up=FollowUpType.of(o.follow_up),
            created_at=o.created_at,
        )


@strawberry.type(
    name="GiftedSelfAssessment",
    description="Jij en jouw executieve vaardigheden: the student's strengths and attention points",
)
class SelfAssessmentType:
    id: strawberry.ID
    student_id: strawberry.ID
    filled_on: date
    strengths: list[str]
    attention_points: list[str]
    student_words: str
    discussed_on: date | None
    agreed_adjustments: str
    entered_by_name: str

    @classmethod
    def of(cls, s: SelfAssessmentRead) -> SelfAssessmentType:
        return cls(
            id=_id(s.id),
            student_id=_id(s.student_id),
            filled_on=s.filled_on,
            strengths=list(s.strengths),
            attention_points=list(s.attention_points),
            student_words=s.student_words,
            discussed_on=s.discussed_on,
            agreed_adjustments=s.agreed_adjustments,
            entered_by_name=s.entered_by_name,
        )


@strawberry.type(
    name="GiftedSkillComparison",
    description="One skill side by side: the teacher's latest score and the student's own view",
)
class SkillComparisonType:
    skill: str
    teacher_score: int | None
    student_view: str = strawberry.field(description="strength, attention or none")
    differs: bool = strawberry.field(description="Teacher and student see it differently")

    @classmethod
    def of(cls, c: SkillComparison) -> SkillComparisonType:
        return cls(
            skill=c.skill,
            teacher_score=c.teacher_score,
            student_view=c.student_view,
            differs=c.differs,
        )


@strawberry.type(name="GiftedIntakeAnswer", description="The answer to one intake question")
class IntakeAnswerType:
    question: str = strawberry.field(description="The question's code (s1..s5, t1..t5, p1..p4)")
    answer: str


@strawberry.type(name="GiftedIntakeSection", description="One informant's part of the intake")
class IntakeSectionType:
    informant: str = strawberry.field(description="student, teacher or parents")
    answers: list[IntakeAnswerType]
    respondent: str
    answered_on: date | None

    @classmethod
    def of(cls, s: IntakeSection) -> IntakeSectionType:
        return cls(
            informant=s.informant,
            answers=[
                IntakeAnswerType(question=k, answer=v)
                for k, v in _ordered(s.answers, QUESTION_CODES)
            ],
            respondent=s.respondent,
            answered_on=s.answered_on,
        )


@strawberry.type(
    name="GiftedNeedsIntake",
    description="The needs intake: the student, the teacher or mentor and the parents answer",
)
class NeedsIntakeType:
    id: strawberry.ID
    student_id: strawberry.ID | None = strawberry.field(description=OTHER_SCHOOL)
    sections: list[IntakeSectionType]
    complete: bool
    version: int

    @classmethod
    def of(cls, n: NeedsIntakeRead) -> NeedsIntakeType:
        return cls(
            id=_id(n.id),
            student_id=_opt_id(n.student_id),
            sections=[IntakeSectionType.of(s) for s in n.sections],
            complete=n.complete,
            version=n.version,
        )

    @classmethod
    def maybe(cls, n: NeedsIntakeRead | None) -> NeedsIntakeType | None:
        return cls.of(n) if n is not None else None


# -- offerings ------------------------------------------------------------------------------
@strawberry.type(name="GiftedOfferingGoal", description="A goal of an offering")
class OfferingGoalType:
    text: str
    cognitive: bool

    @classmethod
    def of(cls, g: OfferingGoal) -> OfferingGoalType:
        return cls(text=g.text, cognitive=g.cognitive)


@strawberry.type(name="GiftedCommitteeMember", description="A member of an admission committee")
class CommitteeMemberType:
    staff_id: strawberry.ID
    name: str

    @classmethod
    def of(cls, m: CommitteeMember) -> CommitteeMemberType:
        return cls(staff_id=_id(m.staff_id), name=m.name)


@strawberry.type(
    name="GiftedOffering", description="An offering (onderwijsaanbod) of a school or the region"
)
class OfferingType:
    id: strawberry.ID
    school_id: strawberry.ID
    school_name: str
    name: str
    kind: str
    setting: str
    regional: bool = strawberry.field(description="Bovenschools: in the SWV's regional catalogue")
    open_to_other_schools: bool
    duration: str
    starts_on: date | None
    ends_on: date | None
    schedule: str
    hours_per_week: float | None
    fixed_teacher_staff_id: strawberry.ID | None
    fixed_teacher_name: str
    goals: list[OfferingGoalType]
    target_group: str
    selection_criteria: str
    capacity: int | None
    enrolled: int
    waitlisted: int
    application_routes: list[str]
    committee: list[CommitteeMemberType]
    archived: bool
    is_placement: bool = strawberry.field(
        description="Outside the home school: stamschool agreements needed"
    )
    version: int

    @classmethod
    def of(cls, o: OfferingRead) -> OfferingType:
        return cls(
            id=_id(o.id),
            school_id=_id(o.school_id),
            school_name=o.school_name,
            name=o.name,
            kind=o.kind,
            setting=o.setting,
            regional=o.regional,
            open_to_other_schools=o.open_to_other_schools,
            duration=o.duration,
            starts_on=o.starts_on,
            ends_on=o.ends_on,
            schedule=o.schedule,
            hours_per_week=o.hours_per_week,
            fixed_teacher_staff_id=_opt_id(o.fixed_teacher_staff_id),
            fixed_teacher_name=o.fixed_teacher_name,
            goals=[OfferingGoalType.of(g) for g in o.goals],
            target_group=o.target_group,
            selection_criteria=o.selection_criteria,
            capacity=o.capacity,
            enrolled=o.enrolled,
            waitlisted=o.waitlisted,
            application_routes=list(o.application_routes),
            committee=[CommitteeMemberType.of(m) for m in o.committee],
            archived=o.archived,
            is_placement=o.is_placement,
            version=o.version,
        )


@strawberry.type(
    name="GiftedOfferingCatalogue",
    description="The school's own offerings and the regional offerings open to it",
)
class OfferingCatalogueType:
    own: list[OfferingType]
    regional: list[OfferingType] = strawberry.field(
        description="Other schools' offerings open to yours"
    )

    @classmethod
    def of(cls, c: OfferingCatalogue) -> OfferingCatalogueType:
        return cls(
            own=[OfferingType.of(o) for o in c.own],
            regional=[OfferingType.of(o) for o in c.regional],
        )


# -- applications ---------------------------------------------------------------------------
@strawberry.type(
    name="GiftedApplicationSnapshot",
    description="What the committee sees of the student: no origin, no sex",
)
class ApplicationSnapshotType:
    student_name: str
    group_name: str
    school_name: str
    grade: str

    @classmethod
    def of(cls, s: ApplicationSnapshot) -> ApplicationSnapshotType:
        return cls(
            student_name=s.student_name,
            group_name=s.group_name,
            school_name=s.school_name,
            grade=s.grade,
        )


APPLICATION_STATUS = (
    "draft, submitted, admitted, waitlisted, rejected or withdrawn (`status` in REST; renamed so "
    "that it never clashes with Problem.status in a result union)"
)


@strawberry.type(name="GiftedApplication", description="An application (aanmelding)")
class ApplicationType:
    id: strawberry.ID
    school_id: strawberry.ID
    student_id: strawberry.ID | None = strawberry.field(
        description="Null for a committee of another school"
    )
    kind: str = strawberry.field(description="group or individual")
    offering_id: strawberry.ID | None
    offering_name: str | None
    route: str | None
    application_status: str = strawberry.field(description=APPLICATION_STATUS)
    motivation: str
    observation: ObservationType | None
    needs_intake: NeedsIntakeType | None
    snapshot: ApplicationSnapshotType
    submitted_by_name: str
    submitted_at: datetime | None
    decision_reason: str
    exception: bool
    exception_reason: str
    decided_by: list[CommitteeMemberType]
    decided_at: datetime | None
    waitlist_position: int | None
    enrolment_id: strawberry.ID | None
    version: int

    @classmethod
    def of(cls, a: ApplicationRead) -> ApplicationType:
        return cls(
            id=_id(a.id),
            school_id=_id(a.school_id),
            student_id=_opt_id(a.student_id),
            kind=a.kind,
            offering_id=_opt_id(a.offering_id),
            offering_name=a.offering_name,
            route=a.route,
            application_status=a.status,
            motivation=a.motivation,
            observation=ObservationType.of(a.observation) if a.observation is not None else None,
            needs_intake=NeedsIntakeType.maybe(a.needs_intake),
            snapshot=ApplicationSnapshotType.of(a.snapshot),
            submitted_by_name=a.submitted_by_name,
            submitted_at=a.submitted_at,
            decision_reason=a.decision_reason,
            exception=a.exception,
            exception_reason=a.exception_reason,
            decided_by=[CommitteeMemberType.of(m) for m in a.decided_by],
            decided_at=a.decided_at,
            waitlist_position=a.waitlist_position,
            enrolment_id=_opt_id(a.enrolment_id),
            version=a.version,
        )


@strawberry.type(
    name="GiftedApplicationQueue",
    description="The committee's view of one offering: applications to decide and the waitlist",
)
class ApplicationQueueType:
    offering: OfferingType
    to_decide: list[ApplicationType]
    waitlist: list[ApplicationType]
    decided: list[ApplicationType]
    free_places: int | None

    @classmethod
    def of(cls, q: ApplicationQueue) -> ApplicationQueueType:
        return cls(
            offering=OfferingType.of(q.offering),
            to_decide=[ApplicationType.of(a) for a in q.to_decide],
            waitlist=[ApplicationType.of(a) for a in q.waitlist],
            decided=[ApplicationType.of(a) for a in q.decided],
            free_places=q.free_places,
        )


# -- enrolments -----------------------------------------------------------------------------
@strawberry.type(
    name="GiftedStamschoolAgreements",
    description="Afspraken met de stamschool, for a placement outside the home school",
)
class AgreementsType:
    responsibilities: list[str]
    weekly_contact: str
    gradual_intake: str
    counts_for_report: bool
    report_subjects: str
    parent_contact: str
    home_school_contact: str

    @classmethod
    def maybe(cls, a: StamschoolAgreements | None) -> AgreementsType | None:
        if a is None:
            return None
        return cls(
            responsibilities=list(a.responsibilities),
            weekly_contact=a.weekly_contact,
            gradual_intake=a.gradual_intake,
            counts_for_report=a.counts_for_report,
            report_subjects=a.report_subjects,
            parent_contact=a.parent_contact,
            home_school_contact=a.home_school_contact,
        )


@strawberry.type(name="GiftedEnrolmentGoal", description="A goal of an enrolment")
class EnrolmentGoalType:
    id: strawberry.ID
    text: str
    cognitive: bool
    status: str = strawberry.field(description="open, achieved or not_achieved")

    @classmethod
    def of(cls, g: EnrolmentGoal) -> EnrolmentGoalType:
        return cls(id=_id(g.id), text=g.text, cognitive=g.cognitive, status=g.status)


@strawberry.type(name="GiftedGoalProgress", description="How one goal went, at a review")
class GoalProgressType:
    goal_id: strawberry.ID | None
    progress: str = strawberry.field(description="achieved, progressing or not_yet")
    note: str

    @classmethod
    def of(cls, p: Mapping[str, Any]) -> GoalProgressType:
        return cls(
            goal_id=_text_id(p.get("goal_id")),
            progress=str(p.get("progress", "")),
            note=str(p.get("note", "")),
        )


@strawberry.type(name="GiftedEnrolmentReview", description="A review of an enrolment's goals")
class ReviewType:
    id: strawberry.ID
    reviewed_on: date
    goal_progress: list[GoalProgressType]
    with_student: bool
    with_parents: bool
    class_alignment: str
    notes: str
    decision: str = strawberry.field(description="continue or stop")
    next_review_on: date | None
    reviewed_by_name: str

    @classmethod
    def of(cls, r: ReviewRead) -> ReviewType:
        return cls(
            id=_id(r.id),
            reviewed_on=r.reviewed_on,
            goal_progress=[GoalProgressType.of(p) for p in r.goal_progress],
            with_student=r.with_student,
            with_parents=r.with_parents,
            class_alignment=r.class_alignment,
            notes=r.notes,
            decision=r.decision,
            next_review_on=r.next_review_on,
            reviewed_by_name=r.reviewed_by_name,
        )


@strawberry.type(name="GiftedInClassPlan", description="The plan for the regular class")
class InClassPlanType:
    regular_teacher_staff_id: strawberry.ID | None
    regular_teacher_name: str
    class_adjustments: str
    alignment: str
    individual_plan_id: strawberry.ID | None
    complete: bool = strawberry.field(
        description="A teacher, adjustments and alignment are recorded"
    )

    @classmethod
    def of(cls, p: InClassPlan) -> InClassPlanType:
        return cls(
            regular_teacher_staff_id=_opt_id(p.regular_teacher_staff_id),
            regular_teacher_name=p.regular_teacher_name,
            class_adjustments=p.class_adjustments,
            alignment=p.alignment,
            individual_plan_id=_opt_id(p.individual_plan_id),
            complete=p.complete,
        )


@strawberry.type(
    name="OfferingEnrolment",
    description="A student's enrolment (deelname) in an offering: goals, reviews, the plan for "
    "the regular class and, outside the home school, the stamschool agreements",
)
class EnrolmentType:
    id: strawberry.ID
    school_id: strawberry.ID
    student_id: strawberry.ID | None
    student_name: str
    offering: OfferingType
    application_id: strawberry.ID | None
    enrolment_status: str = strawberry.field(
        description="active or ended (`status` in REST; renamed so that it never clashes with "
        "Problem.status in a result union)"
    )
    starts_on: date
    goals: list[EnrolmentGoalType]
    review_every_weeks: int
    next_review_on: date | None
    review_overdue: bool
    in_class_plan: InClassPlanType
    agreements: AgreementsType | None
    reviews: list[ReviewType]
    ended_on: date | None
    exit_reason: str | None
    exit_note: str
    version: int

    @classmethod
    def of(cls, e: EnrolmentRead) -> EnrolmentType:
        return cls(
            id=_id(e.id),
            school_id=_id(e.school_id),
            student_id=_opt_id(e.student_id),
            student_name=e.student_name,
            offering=OfferingType.of(e.offering),
            application_id=_opt_id(e.application_id),
            enrolment_status=e.status,
            starts_on=e.starts_on,
            goals=[EnrolmentGoalType.of(g) for g in e.goals],
            review_every_weeks=e.review_every_weeks,
            next_review_on=e.next_review_on,
            review_overdue=e.review_overdue,
            in_class_plan=InClassPlanType.of(e.in_class_plan),
            agreements=AgreementsType.maybe(e.agreements),
            reviews=[ReviewType.of(r) for r in e.reviews],
            ended_on=e.ended_on,
            exit_reason=e.exit_reason,
            exit_note=e.exit_note,
            version=e.version,
        )


@strawberry.type(description="An offering's enrolments")
class OfferingEnrolmentList:
    items: list[EnrolmentType]


# -- keuze-uren -----------------------------------------------------------------------------
@strawberry.type(
    name="ChoiceHourPolicy", description="A school's rules for keuze-uren (version 0: not set)"
)
class ChoiceHourPolicyType:
    max_hours_per_week: int
    notice_hours: int = strawberry.field(description="How long before the lesson, in hours")
    allowed_activities: list[str]
    never_during_tests: bool
    instructions: str
    configured: bool
    version: int

    @classmethod
    def of(cls, p: ChoiceHourPolicyRead) -> ChoiceHourPolicyType:
        return cls(
            max_hours_per_week=p.max_hours_per_week,
            notice_hours=p.notice_hours,
            allowed_activities=list(p.allowed_activities),
            never_during_tests=p.never_during_tests,
            instructions=p.instructions,
            configured=p.configured,
            version=p.version,
        )


@strawberry.type(
    name="ChoiceHour", description="A keuze-uur: a lesson hour the student spends elsewhere"
)
class ChoiceHourType:
    id: strawberry.ID
    student_id: strawberry.ID
    student_name: str
    group_name: str
    subject: str
    subject_teacher_staff_id: strawberry.ID
    subject_teacher_name: str
    lesson_date: date
    lesson_hour: int
    location: str
    activity_kind: str
    activity: str
    choice_hour_status: str = strawberry.field(
        description="requested, acknowledged, declined or cancelled (`status` in REST; renamed "
        "so that it never clashes with Problem.status in a result union)"
    )
    decline_reason: str
    acknowledged_by_name: str
    attendance: str | None = strawberry.field(description="present or absent, once marked")
    attendance_marked_by_name: str
    checked_by_name: str
    checked_at: datetime | None
    requested_by_name: str
    version: int

    @classmethod
    def of(cls, c: ChoiceHourRead) -> ChoiceHourType:
        return cls(
            id=_id(c.id),
            student_id=_id(c.student_id),
            student_name=c.student_name,
            group_name=c.group_name,
            subject=c.subject,
            subject_teacher_staff_id=_id(c.subject_teacher_staff_id),
            subject_teacher_name=c.subject_teacher_name,
            lesson_date=c.lesson_date,
            lesson_hour=c.lesson_hour,
            location=c.location,
            activity_kind=c.activity_kind,
            activity=c.activity,
            choice_hour_status=c.status,
            decline_reason=c.decline_reason,
            acknowledged_by_name=c.acknowledged_by_name,
            attendance=c.attendance,
            attendance_marked_by_name=c.attendance_marked_by_name,
            checked_by_name=c.checked_by_name,
            checked_at=c.checked_at,
            requested_by_name=c.requested_by_name,
            version=c.version,
        )


@strawberry.type(description="Keuze-uren of a school, as filtered")
class ChoiceHourList:
    items: list[ChoiceHourType]


# -- guidance periods -----------------------------------------------------------------------
@strawberry.type(name="GuidanceMonitoringNote", description="A note in the student's logbook")
class MonitoringNoteType:
    on: date | None
    note: str

    @classmethod
    def of(cls, m: Mapping[str, Any]) -> MonitoringNoteType:
        on = m.get("on")
        return cls(on=date.fromisoformat(on) if on else None, note=str(m.get("note", "")))


@strawberry.type(
    name="GuidancePortfolioGoal",
    description="A portfolio goal: goal, plan, monitoring and evaluation",
)
class PortfolioGoalType:
    id: strawberry.ID
    goal: str
    plan: str
    monitoring: list[MonitoringNoteType]
    evaluation: str
    achieved: bool | None

    @classmethod
    def of(cls, g: PortfolioGoal) -> PortfolioGoalType:
        return cls(
            id=_id(g.id),
            goal=g.goal,
            plan=g.plan,
            monitoring=[MonitoringNoteType.of(m) for m in g.monitoring],
            evaluation=g.evaluation,
            achieved=g.achieved,
        )


@strawberry.type(name="GuidanceAgreement", description="Who does what, when and how")
class AgreementType:
    who: str
    what: str
    when: str
    how: str

    @classmethod
    def of(cls, a: Mapping[str, Any]) -> AgreementType:
        return cls(
            who=str(a.get("who", "")),
            what=str(a.get("what", "")),
            when=str(a.get("when", "")),
            how=str(a.get("how", "")),
        )


@strawberry.type(name="GuidanceCheckin", description="A progress meeting of a guidance period")
class CheckinType:
    id: strawberry.ID
    held_on: date
    progress: str = strawberry.field(description="on_track or stagnating")
    stagnation_cause: str | None
    note: str
    adjustments: str
    held_by_name: str

    @classmethod
    def of(cls, c: CheckinRead) -> CheckinType:
        return cls(
            id=_id(c.id),
            held_on=c.held_on,
            progress=c.progress,
            stagnation_cause=c.stagnation_cause,
            note=c.note,
            adjustments=c.adjustments,
            held_by_name=c.held_by_name,
        )


@strawberry.type(
    name="GuidancePeriod",
    description="A guidance period (begeleidingsperiode) along the seven phases",
)
class GuidanceType:
    id: strawberry.ID
    student_id: strawberry.ID
    lead_staff_id: strawberry.ID | None
    lead_name: str
    starts_on: date
    ends_on: date | None
    phase: str
    guidance_status: str = strawberry.field(
        description="open or closed (`status` in REST; renamed so that it never clashes with "
        "Problem.status in a result union)"
    )
    goals: list[PortfolioGoalType]
    agreements: list[AgreementType]
    differentiation: list[str]
    external_factors: str | None = strawberry.field(description="Null when you may not see it")
    checkin_every_weeks: int
    next_checkin_on: date | None
    checkins: list[CheckinType]
    student_reflection: str
    handover_note: str
    development_points: str
    transfer_notes: str
    version: int

    @classmethod
    def of(cls, g: GuidanceRead) -> GuidanceType:
        return cls(
            id=_id(g.id),
            student_id=_id(g.student_id),
            lead_staff_id=_opt_id(g.lead_staff_id),
            lead_name=g.lead_name,
            starts_on=g.starts_on,
            ends_on=g.ends_on,
            phase=g.phase,
            guidance_status=g.status,
            goals=[PortfolioGoalType.of(x) for x in g.goals],
            agreements=[AgreementType.of(a) for a in g.agreements],
            differentiation=list(g.differentiation),
            external_factors=g.external_factors,
            checkin_every_weeks=g.checkin_every_weeks,
            next_checkin_on=g.next_checkin_on,
            checkins=[CheckinType.of(c) for c in g.checkins],
            student_reflection=g.student_reflection,
            handover_note=g.handover_note,
            development_points=g.development_points,
            transfer_notes=g.transfer_notes,
            version=g.version,
        )


# -- impact ---------------------------------------------------------------------------------
@strawberry.type(name="GiftedConstructScore", description="One construct's score (1-5)")
class ConstructScoreType:
    construct: str
    score: float


@strawberry.type(
    name="GiftedMeasurement", description="One wave (T0, T1, ...) of the student's questionnaire"
)
class MeasurementType:
    id: strawberry.ID
    student_id: strawberry.ID
    instrument: str
    wave: int
    measured_on: date
    scores: list[ConstructScoreType]
    entered_by_name: str

    @classmethod
    def of(cls, m: MeasurementRead) -> MeasurementType:
        return cls(
            id=_id(m.id),
            student_id=_id(m.student_id),
            instrument=m.instrument,
            wave=m.wave,
            measured_on=m.measured_on,
            scores=[
                ConstructScoreType(construct=k, score=v)
                for k, v in _ordered(m.scores, CONSTRUCT_CODES)
            ],
            entered_by_name=m.entered_by_name,
        )


@strawberry.type(
    name="GiftedConstructChange",
    description="Participants' change on one construct between their first and last wave",
)
class ConstructChangeType:
    code: str
    label: str
    students: int
    first_mean: float | None
    last_mean: float | None
    mean_change: float | None
    suppressed: bool = strawberry.field(description="Fewer than the minimum students: no figures")

    @classmethod
    def of(cls, c: ConstructChange) -> ConstructChangeType:
        return cls(
            code=c.code,
            label=c.label,
            students=c.students,
            first_mean=c.first_mean,
            last_mean=c.last_mean,
            mean_change=c.mean_change,
            suppressed=c.suppressed,
        )


@strawberry.type(
    name="OfferingImpact",
    description="Descriptive, not causal: the participants' change, without a comparison group",
)
class ImpactType:
    offering_id: strawberry.ID
    offering_name: str
    participants: int
    measured: int
    minimum_cell: int
    constructs: list[ConstructChangeType]
    goals_met_exits: int
    exits: int
    notice: str

    @classmethod
    def of(cls, i: OfferingImpact) -> ImpactType:
        return cls(
            offering_id=_id(i.offering_id),
            offering_name=i.offering_name,
            participants=i.participants,
            measured=i.measured,
            minimum_cell=i.minimum_cell,
            constructs=[ConstructChangeType.of(c) for c in i.constructs],
            goals_met_exits=i.goals_met_exits,
            exits=i.exits,
            notice=i.notice,
        )


# -- support profile, the student's page, the HB overview -----------------------------------
@strawberry.type(
    name="GiftedSupportProfile",
    description="The student's gifted support profile (version 0 until saved)",
)
class SupportProfileType:
    student_id: strawberry.ID
    signalled_gifted: bool
    signalled_on: date | None
    underachievement_suspected: bool
    twice_exceptional: bool | None = strawberry.field(
        description="Dubbel bijzonder: null when you may not see it"
    )
    twice_exceptional_note: str | None
    complexity: str = strawberry.field(description="none, light, moderate or complex")
    version: int

    @classmethod
    def of(cls, p: SupportProfileRead) -> SupportProfileType:
        return cls(
            student_id=_id(p.student_id),
            signalled_gifted=p.signalled_gifted,
            signalled_on=p.signalled_on,
            underachievement_suspected=p.underachievement_suspected,
            twice_exceptional=p.twice_exceptional,
            twice_exceptional_note=p.twice_exceptional_note,
            complexity=p.complexity,
            version=p.version,
        )


@strawberry.type(
    name="StudentGifted",
    description="Everything gifted about one student: the instruments side by side, "
    "applications, enrolments, guidance, measurements and the profile",
)
class StudentGiftedType:
    student_id: strawberry.ID
    profile: SupportProfileType
    observations: list[ObservationType]
    self_assessments: list[SelfAssessmentType]
    comparison: list[SkillComparisonType]
    needs_intakes: list[NeedsIntakeType]
    applications: list[ApplicationType]
    enrolments: list[EnrolmentType]
    guidance_periods: list[GuidanceType]
    measurements: list[MeasurementType]
    case_ids: list[strawberry.ID]

    @classmethod
    def of(cls, s: StudentGifted) -> StudentGiftedType:
        return cls(
            student_id=_id(s.student_id),
            profile=SupportProfileType.of(s.profile),
            observations=[ObservationType.of(o) for o in s.observations],
            self_assessments=[SelfAssessmentType.of(a) for a in s.self_assessments],
            comparison=[SkillComparisonType.of(c) for c in s.comparison],
            needs_intakes=[NeedsIntakeType.of(n) for n in s.needs_intakes],
            applications=[ApplicationType.of(a) for a in s.applications],
            enrolments=[EnrolmentType.of(e) for e in s.enrolments],
            guidance_periods=[GuidanceType.of(g) for g in s.guidance_periods],
            measurements=[MeasurementType.of(m) for m in s.measurements],
            case_ids=[_id(c) for c in s.case_ids],
        )


@strawberry.type(name="GiftedStudentRow", description="A student of the HB overview")
class StudentRowType:
    student_id: strawberry.ID
    name: str
    group_name: str
    twice_exceptional: bool | None
    underachievement_suspected: bool
    latest_recommendation: str | None
    observed_on: date | None
    open_follow_up: str | None
    applications: list[str] = strawberry.field(description="'offering name: status'")
    offerings: list[str] = strawberry.field(description="Active enrolments' offering names")
    goals_achieved: int
    goals_total: int
    next_review_on: date | None
    measurement_change: float | None = strawberry.field(
        description="Mean change over the constructs between the first and last wave"
    )
    exits_goals_met: int

    @classmethod
    def of(cls, r: GiftedStudentRow) -> StudentRowType:
        return cls(
            student_id=_id(r.student_id),
            name=r.name,
            group_name=r.group_name,
            twice_exceptional=r.twice_exceptional,
            underachievement_suspected=r.underachievement_suspected,
            latest_recommendation=r.latest_recommendation,
            observed_on=r.observed_on,
            open_follow_up=r.open_follow_up,
            applications=list(r.applications),
            offerings=list(r.offerings),
            goals_achieved=r.goals_achieved,
            goals_total=r.goals_total,
            next_review_on=r.next_review_on,
            measurement_change=r.measurement_change,
            exits_goals_met=r.exits_goals_met,
        )


@strawberry.type(
    name="GiftedOverview",
    description="The HB-specialist's overview: every signalled or observed student with their "
    "offerings and outcomes, and the work waiting",
)
class OverviewType:
    school_id: strawberry.ID
    students: list[StudentRowType]
    signalled: int
    enrolled: int
    to_observe: int
    reviews_due: int
    applications_open: int
    reference_share: float = strawberry.field(description="About 2.5%: a reference, not a quota")
    student_count: int

    @classmethod
    def of(cls, o: GiftedOverview) -> OverviewType:
        return cls(
            school_id=_id(o.school_id),
            students=[StudentRowType.of(r) for r in o.students],
            signalled=o.signalled,
            enrolled=o.enrolled,
            to_observe=o.to_observe,
            reviews_due=o.reviews_due,
            applications_open=o.applications_open,
            reference_share=o.reference_share,
            student_count=o.student_count,
        )
