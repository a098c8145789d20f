"""Read and write models of group plans, individual action plans (IHP) and the OPP."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zorgroute.hgw.schemas import GoalIn, GoalRead, Hint, Label, Required, Short, Text

PlanType = Literal["cross_subject", "subject_convergent", "subject_divergent"]
PlanStatus = Literal["draft", "active", "midterm_reviewed", "evaluated", "archived"]
RowTarget = Literal["basis", "subgroup", "student"]
RowDomain = Literal["pedagogical", "basic_skills", "subject"]
DeliveryMode = Literal["daily_in_class", "separate_grouping"]
Continuation = Literal["continue", "scale_down", "adjust"]
GoalResult = Literal["reached", "partly", "not_reached"]
IhpKind = Literal["cross_subject", "subject"]
IhpDecider = Literal["care_team", "mentor", "teacher"]
OppKind = Literal["initial", "evaluation", "revision"]
Horizon = Literal["one_year", "two_years", "end_of_school"]
FactorKind = Literal["stimulating", "hindering"]
FactorLocus = Literal["student", "learning_environment", "living_environment"]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AttentionPoint(_In):
    """Aandachtspunt voor de hele groep: goes into the basis row, not into anyone's needs."""

    domain: RowDomain
    description: Required
    goal: Text = ""
    activities: Text = ""
    who_when: Text = ""
    evaluation: Text = ""


class RowIn(_In):
    target: RowTarget
    name: Label = Field(description="'Basisgroep', 'Subgroep rekenen', a student's name")
    student_ids: list[uuid.UUID] = Field(default_factory=list, max_length=60)
    need_ids: list[uuid.UUID] = Field(default_factory=list, max_length=200)
    domain: RowDomain
    goals: list[GoalIn] = Field(min_length=1, max_length=10)
    content: Text = ""
    approach: Text = ""
    organisation: Text = ""
    delivery_mode: DeliveryMode | None = None
    delivered_by: Text = ""
    evaluation_plan: Text = Field(default="", description="Evaluatie: wie, hoe en wanneer?")

    @model_validator(mode="after")
    def _members(self) -> RowIn:
        if self.target == "basis" and self.student_ids:
            raise ValueError("The basis row is the whole group: leave student_ids empty.")
        if self.target != "basis" and not self.student_ids:
            raise ValueError("A subgroup or student row needs its students.")
        if self.target == "student" and len(self.student_ids) != 1:
            raise ValueError("A student row is about exactly one student.")
        return self


class PlanCreate(_In):
    plan_type: PlanType = "cross_subject"
    starts_on: date
    ends_on: date
    rows: list[RowIn] | None = Field(
        default=None, description="Omitted: proposed from the signals, needs and last plan"
    )

    @model_validator(mode="after")
    def _ordered(self) -> PlanCreate:
        if self.ends_on <= self.starts_on:
            raise ValueError("ends_on must be after starts_on.")
        return self


class PlanUpdate(_In):
    """The whole draft plan; while active only amendments change it."""

    plan_type: PlanType
    starts_on: date
    ends_on: date
    attention_points: list[AttentionPoint] = Field(default_factory=list, max_length=20)
    week_schedule: Text = ""
    rows: list[RowIn] = Field(max_length=30)

    @model_validator(mode="after")
    def _ordered(self) -> PlanUpdate:
        if self.ends_on <= self.starts_on:
            raise ValueError("ends_on must be after starts_on.")
        return self


class AmendmentCreate(_In):
    text: Required


class MidtermReview(_In):
    review: Required = Field(description="Halfway: what works, what is adjusted")


class OutcomeIn(_In):
    student_id: uuid.UUID
    goal_id: uuid.UUID
    result: GoalResult


class RowEvaluation(_In):
    row_id: uuid.UUID
    activities_done: bool
    outcomes: list[OutcomeIn] = Field(max_length=400)
    continuation: Continuation
    causes: Text = Field(default="", description="Why goals were (not) reached")


class PlanEvaluation(_In):
    """Evaluation after the plan: per row, per student and per goal; required before archiving."""

    rows: list[RowEvaluation] = Field(min_length=1, max_length=30)
    final_evaluation: Required


class AmendmentRead(BaseModel):
    id: uuid.UUID
    text: str
    author_name: str
    created_at: datetime


class OutcomeRead(BaseModel):
    student_id: uuid.UUID
    goal_id: uuid.UUID
    result: GoalResult


class RowRead(BaseModel):
    id: uuid.UUID
    position: int
    target: RowTarget
    name: str
    student_ids: list[uuid.UUID]
    need_ids: list[uuid.UUID]
    domain: RowDomain
    goals: list[GoalRead]
    content: str
    approach: str
    organisation: str
    delivery_mode: DeliveryMode | None
    delivered_by: str
    evaluation_plan: str
    activities_done: bool | None
    outcomes: list[OutcomeRead]
    continuation: Continuation | None
    causes: str


class PlanStudent(BaseModel):
    id: uuid.UUID
    given_name: str
    preferred_name: str | None
    infix: str | None
    family_name: str


class IhpSummary(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    kind: IhpKind
    parent_signed_on: date | None


class PlanRead(BaseModel):
    id: uuid.UUID
    school_id: uuid.UUID
    overview_id: uuid.UUID
    group_id: uuid.UUID
    group_name: str
    period_name: str
    cycle: str
    subject: str | None
    plan_type: PlanType
    status: PlanStatus
    starts_on: date
    ends_on: date
    weeks: float
    midterm_review_required: bool = Field(description="Longer than 10 weeks")
    attention_points: list[AttentionPoint]
    week_schedule: str
    author_name: str
    activated_at: datetime | None
    midterm_review: str
    midterm_reviewed_at: datetime | None
    final_evaluation: str
    evaluated_at: datetime | None
    archived_at: datetime | None
    rows: list[RowRead]
    students: list[PlanStudent] = Field(description="Students named in the rows")
    amendments: list[AmendmentRead]
    individual_plans: list[IhpSummary]
    hints: list[Hint] = Field(description="Warnings, e.g. more than three subgroups")
    version: int
    editable: bool


class PlanSummary(BaseModel):
    id: uuid.UUID
    overview_id: uuid.UUID
    group_id: uuid.UUID
    group_name: str
    period_name: str
    cycle: str
    subject: str | None
    plan_type: PlanType
    status: PlanStatus
    starts_on: date
    ends_on: date


# -- IHP ------------------------------------------------------------------------------------
class IhpWrite(_In):
    kind: IhpKind = "cross_subject"
    decided_by: IhpDecider
    need_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)
    goals: list[GoalIn] = Field(min_length=1, max_length=10)
    learning_yield_expectation: Text = ""
    content: Text = ""
    approach: Text = ""
    organisation: Text = ""
    evaluation_plan: Text = ""
    parent_agreements: Text = ""
    student_view: Text = Field(
        default="", description="How the student was involved, in their words"
    )


class IhpCreate(IhpWrite):
    student_id: uuid.UUID


class ParentSignOff(_In):
    guardian_id: uuid.UUID
    signed_on: date


class IhpEvaluation(_In):
    evaluation: Required
    evaluated_with_student: bool
    evaluated_with_parents: bool


class IhpRead(BaseModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    student_id: uuid.UUID
    kind: IhpKind
    decided_by: IhpDecider
    need_ids: list[uuid.UUID]
    goals: list[GoalRead]
    learning_yield_expectation: str
    content: str
    approach: str
    organisation: str
    evaluation_plan: str
    parent_agreements: str
    student_view: str
    parent_signed_by: uuid.UUID | None
    parent_signed_on: date | None
    evaluation: str
    evaluated_with_student: bool
    evaluated_with_parents: bool
    starts_on: date
    ends_on: date
    author_name: str
    version: int


# -- OPP ------------------------------------------------------------------------------------
class YieldExpectation(_In):
    subject: Label
    horizon: Horizon
    expectation: Required


class Factor(_In):
    kind: FactorKind
    locus: FactorLocus
    text: Required


class SupportStart(_In):
    """Extra support started: the OPP is due within six weeks."""

    support_started_on: date
    support_description: Required


class OppVersionCreate(_In):
    """A determined version of the OPP, with the student's view (hoorrecht)."""

    kind: OppKind
    expected_outflow: Short = Field(description="Verwachte uitstroom, e.g. 'havo'")
    destination: Text = ""
    yield_expectations: list[YieldExpectation] = Field(default_factory=list, max_length=30)
    factors: list[Factor] = Field(min_length=1, max_length=30)
    needs: Text = ""
    support_offered: Required
    long_term_goals: list[Required] = Field(min_length=1, max_length=10)
    talents: Text = ""
    student_view: Required = Field(description="The student's own view; required (hoorrecht)")
    parents_view: Text = ""
    determined_with_student: bool
    determined_with_parents: bool
    determined_on: date


class OppVersionRead(BaseModel):
    id: uuid.UUID
    number: int
    kind: OppKind
    expected_outflow: str
    destination: str
    yield_expectations: list[YieldExpectation]
    factors: list[Factor]
    needs: str
    support_offered: str
    long_term_goals: list[str]
    talents: str
    student_view: str
    parents_view: str
    determined_with_student: bool
    determined_with_parents: bool
    determined_on: date
    author_name: str
    created_at: datetime


OppState = Literal["due", "overdue", "current", "evaluation_due", "evaluation_overdue", "ended"]


class OppRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    support_started_on: date
    support_description: str
    ended_on: date | None
    due_on: date | None = Field(description="The next date something is legally due")
    state: OppState
    versions: list[OppVersionRead] = Field(description="Newest first")
    version: int


class DeadlineItem(BaseModel):
    """Something of the HGW cycle that is due (or overdue) for a student or a group."""

    kind: Literal["opp_due", "opp_evaluation_due", "plan_midterm_review", "plan_evaluation"]
    due_on: date
    overdue: bool
    student_id: uuid.UUID | None
    student_name: str | None
    group_id: uuid.UUID | None
    group_name: str | None
    ref_id: uuid.UUID
