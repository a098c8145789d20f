"""GraphQL inputs of gifted education: plain fields that become the REST write models
(gifted/schemas.py), which validate them with the same rules and pointers. Keyed objects (an
observation's scores, an intake section's answers, a measurement's scores) are lists of typed
pairs here."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from zorgroute.core.errors import ValidationFailed


# -- inputs: plain fields; the REST write models validate them (same rules, same pointers) --
@strawberry.input(description="One skill's score; leave out `score` (or null): not observed")
class GiftedSkillScoreInput:
    skill: str
    score: int | None = None


@strawberry.input(description="The observer's note on one skill")
class GiftedSkillExplanationInput:
    skill: str
    text: str


@strawberry.input(
    description="The classroom observation: every one of the 14 skills, once, and the "
    "recommendation"
)
class GiftedObservationInput:
    observed_on: date
    scores: list[GiftedSkillScoreInput]
    recommendation: str
    explanations: list[GiftedSkillExplanationInput] | None = strawberry.UNSET
    remarks: str | None = strawberry.UNSET
    review_on: date | None = strawberry.field(
        default=strawberry.UNSET, description="Required with 'challenge_in_class'"
    )
    offering_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="With 'group_offering': the offering applied for"
    )


@strawberry.input(description="Up to three strengths and three attention points per column")
class GiftedSelfAssessmentInput:
    filled_on: date
    strengths: list[str]
    attention_points: list[str]
    student_words: str | None = strawberry.UNSET
    discussed_on: date | None = strawberry.UNSET
    agreed_adjustments: str | None = strawberry.UNSET


@strawberry.input(description="The answer to one intake question, by its code")
class GiftedIntakeAnswerInput:
    question: str
    answer: str


@strawberry.input(description="One informant's answers (only that informant's questions)")
class GiftedIntakeSectionInput:
    answers: list[GiftedIntakeAnswerInput]
    respondent: str
    answered_on: date


@strawberry.input(description="The support profile, all of it (a PUT)")
class GiftedSupportProfileInput:
    signalled_gifted: bool
    signalled_on: date | None = strawberry.UNSET
    underachievement_suspected: bool | None = strawberry.UNSET
    twice_exceptional: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Dubbel bijzonder; only who may see it may set it"
    )
    twice_exceptional_note: str | None = strawberry.UNSET
    complexity: str | None = strawberry.UNSET


@strawberry.input(description="A complex gifted case into the case routing")
class GiftedCaseInput:
    coordinator_staff_id: strawberry.ID = strawberry.field(
        description="Casusregisseur: required for a complex case"
    )
    guidance_question: str
    help_question_student: str | None = strawberry.UNSET
    strengths_student: str | None = strawberry.UNSET
    observation_id: strawberry.ID | None = strawberry.UNSET


@strawberry.input(description="A goal of an offering")
class GiftedOfferingGoalInput:
    text: str
    cognitive: bool | None = strawberry.UNSET


@strawberry.input(description="An offering, all of it (a PUT); at least two committee members")
class GiftedOfferingInput:
    name: str
    kind: str
    setting: str
    duration: str
    goals: list[GiftedOfferingGoalInput]
    target_group: str
    application_routes: list[str]
    committee_staff_ids: list[strawberry.ID]
    regional: bool | None = strawberry.UNSET
    open_to_other_schools: bool | None = strawberry.UNSET
    starts_on: date | None = strawberry.UNSET
    ends_on: date | None = strawberry.UNSET
    schedule: str | None = strawberry.UNSET
    hours_per_week: float | None = strawberry.UNSET
    fixed_teacher_staff_id: strawberry.ID | None = strawberry.UNSET
    selection_criteria: str | None = strawberry.UNSET
    capacity: int | None = strawberry.UNSET
    archived: bool | None = strawberry.UNSET


@strawberry.input(description="A draft application (aanmelding) for a student")
class GiftedApplicationInput:
    student_id: strawberry.ID
    kind: str | None = strawberry.UNSET
    offering_id: strawberry.ID | None = strawberry.UNSET
    motivation: str | None = strawberry.UNSET
    observation_id: strawberry.ID | None = strawberry.UNSET


@strawberry.input(description="A draft application's fields; leave out what does not change")
class GiftedApplicationUpdateInput:
    offering_id: strawberry.ID | None = strawberry.UNSET
    motivation: str | None = strawberry.UNSET
    needs_intake_id: strawberry.ID | None = strawberry.UNSET


@strawberry.input(
    description="The committee's decision; a rejection or an exception needs a reason"
)
class GiftedApplicationDecisionInput:
    decision: str
    decided_by: list[strawberry.ID] = strawberry.field(
        description="Staff ids of the deciding committee members (two or more, you among them)"
    )
    reason: str | None = strawberry.UNSET
    exception: bool | None = strawberry.UNSET
    exception_reason: str | None = strawberry.UNSET


@strawberry.input(description="A goal of an enrolment; `id` keeps an existing goal's identity")
class GiftedEnrolmentGoalInput:
    text: str
    id: strawberry.ID | None = strawberry.UNSET
    cognitive: bool | None = strawberry.UNSET
    status: str | None = strawberry.UNSET


@strawberry.input(
    description="Afspraken met de stamschool, for a placement outside the home school"
)
class GiftedStamschoolAgreementsInput:
    responsibilities: list[str]
    weekly_contact: str
    counts_for_report: bool
    parent_contact: str
    home_school_contact: str
    gradual_intake: str | None = strawberry.UNSET
    report_subjects: str | None = strawberry.UNSET


@strawberry.input(description="Enrol an admitted student")
class OfferingEnrolmentInput:
    application_id: strawberry.ID
    starts_on: date
    goals: list[GiftedEnrolmentGoalInput]
    review_every_weeks: int | None = strawberry.UNSET
    regular_teacher_staff_id: strawberry.ID | None = strawberry.UNSET
    class_adjustments: str | None = strawberry.UNSET
    alignment: str | None = strawberry.UNSET
    individual_plan_id: strawberry.ID | None = strawberry.UNSET
    agreements: GiftedStamschoolAgreementsInput | None = strawberry.UNSET


@strawberry.input(description="An enrolment's goals and plan; leave out what does not change")
class OfferingEnrolmentUpdateInput:
    goals: list[GiftedEnrolmentGoalInput] | None = strawberry.UNSET
    review_every_weeks: int | None = strawberry.UNSET
    next_review_on: date | None = strawberry.UNSET
    regular_teacher_staff_id: strawberry.ID | None = strawberry.UNSET
    class_adjustments: str | None = strawberry.UNSET
    alignment: str | None = strawberry.UNSET
    individual_plan_id: strawberry.ID | None = strawberry.UNSET
    agreements: GiftedStamschoolAgreementsInput | None = strawberry.UNSET


@strawberry.input(description="How one goal went")
class GiftedGoalProgressInput:
    goal_id: strawberry.ID
    progress: str
    note: str | None = strawberry.UNSET


@strawberry.input(description="A review of every goal with the student and parents")
class OfferingEnrolmentReviewInput:
    reviewed_on: date
    goal_progress: list[GiftedGoalProgressInput]
    with_student: bool
    with_parents: bool
    class_alignment: str | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET
    decision: str | None = strawberry.UNSET


@strawberry.input(description="End an enrolment: 'goals_met' only when every goal is achieved")
class OfferingEnrolmentExitInput:
    ended_on: date
    reason: str
    note: str | None = strawberry.UNSET


@strawberry.input(description="The school's rules for keuze-uren, all of them (a PUT)")
class ChoiceHourPolicyInput:
    max_hours_per_week: int
    notice_hours: int
    allowed_activities: list[str]
    instructions: str | None = strawberry.UNSET


@strawberry.input(description="Register a keuze-uur")
class ChoiceHourInput:
    student_id: strawberry.ID
    subject: str
    subject_teacher_staff_id: strawberry.ID
    lesson_date: date
    lesson_hour: int
    location: str
    activity_kind: str
    activity: str | None = strawberry.UNSET


@strawberry.input(description="The subject teacher acknowledges or declines")
class ChoiceHourDecisionInput:
    acknowledge: bool
    reason: str | None = strawberry.UNSET
    test_in_lesson: bool | None = strawberry.UNSET


@strawberry.input(description="A portfolio goal; `id` keeps an existing goal's identity")
class GuidancePortfolioGoalInput:
    goal: str
    id: strawberry.ID | None = strawberry.UNSET
    plan: str | None = strawberry.UNSET
    evaluation: str | None = strawberry.UNSET
    achieved: bool | None = strawberry.UNSET


@strawberry.input(description="Who does what, when and how")
class GuidanceAgreementInput:
    who: str
    what: str
    when: str | None = strawberry.UNSET
    how: str | None = strawberry.UNSET


@strawberry.input(description="A guidance period with the student's portfolio goals")
class GuidancePeriodInput:
    student_id: strawberry.ID
    starts_on: date
    lead_staff_id: strawberry.ID | None = strawberry.UNSET
    ends_on: date | None = strawberry.UNSET
    goals: list[GuidancePortfolioGoalInput] | None = strawberry.UNSET
    checkin_every_weeks: int | None = strawberry.UNSET


@strawberry.input(description="A guidance period's fields; leave out what does not change")
class GuidancePeriodUpdateInput:
    ends_on: date | None = strawberry.UNSET
    goals: list[GuidancePortfolioGoalInput] | None = strawberry.UNSET
    agreements: list[GuidanceAgreementInput] | None = strawberry.UNSET
    differentiation: list[str] | None = strawberry.UNSET
    external_factors: str | None = strawberry.UNSET
    checkin_every_weeks: int | None = strawberry.UNSET
    student_reflection: str | None = strawberry.UNSET
    handover_note: str | None = strawberry.UNSET
    development_points: str | None = strawberry.UNSET
    transfer_notes: str | None = strawberry.UNSET


@strawberry.input(description="A monitoring note on one portfolio goal")
class GuidanceMonitoringNoteInput:
    goal_id: strawberry.ID
    on: date
    note: str


@strawberry.input(description="A progress meeting; stagnation needs its cause")
class GuidanceCheckinInput:
    held_on: date
    progress: str
    stagnation_cause: str | None = strawberry.UNSET
    note: str | None = strawberry.UNSET
    adjustments: str | None = strawberry.UNSET


@strawberry.input(description="One construct's score")
class GiftedConstructScoreInput:
    construct: str
    score: float


@strawberry.input(description="One wave (T0, T1, ...) of the student's questionnaire")
class GiftedMeasurementInput:
    wave: int
    measured_on: date
    scores: list[GiftedConstructScoreInput]
    instrument: str | None = strawberry.UNSET


# -- typed pairs to the write models' objects -----------------------------------------------
def pairs(body: dict[str, Any], field: str, key: str, value: str, what: str) -> dict[str, Any]:
    """`body` (from `given`) with the list of pairs under `field` as the object REST takes;
    a key given twice is refused, pointing at its second occurrence."""
    items = body.get(field)
    if not isinstance(items, list):
        return body
    found: dict[str, Any] = {}
    for index, item in enumerate(items):
        if item[key] in found:
            raise ValidationFailed(
                "One or more fields are invalid.",
                errors=[{"pointer": f"/{field}/{index}/{key}", "detail": f"Each {what} once"}],
            )
        found[item[key]] = item.get(value)
    return {**body, field: found}
