"""GraphQL fields of group plans, individual action plans (IHP), the development perspective
(OPP) and what is due in the cycle. No SQL, no
authorization logic here: the services decide, these fields translate."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from zorgroute.core.errors import ValidationFailed
from zorgroute.graphql.errors import Problem
from zorgroute.graphql.results import answer, given, some_id, visible
from zorgroute.hgw.graphql import GoalInput, GoalType, HintType
from zorgroute.hgw.overviews import OVERVIEW_NOT_FOUND
from zorgroute.plans import deadlines, group_plans, individual_plans, perspective
from zorgroute.plans.schemas import (
    AmendmentCreate,
    AmendmentRead,
    AttentionPoint,
    DeadlineItem,
    Factor,
    IhpCreate,
    IhpEvaluation,
    IhpRead,
    IhpSummary,
    IhpWrite,
    MidtermReview,
    OppRead,
    OppVersionCreate,
    OppVersionRead,
    OutcomeRead,
    ParentSignOff,
    PlanCreate,
    PlanEvaluation,
    PlanRead,
    PlanStudent,
    PlanSummary,
    PlanUpdate,
    RowRead,
    SupportStart,
    YieldExpectation,
)
from zorgroute.roster.service import STUDENT_NOT_FOUND

# The steps of the lifecycle (group_plans.TRANSITIONS says from which status each is allowed).
ACTIONS = tuple(group_plans.GUARDS)


def _id(value: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(value))


def _opt_id(value: uuid.UUID | None) -> strawberry.ID | None:
    return strawberry.ID(str(value)) if value is not None else None


# -- group plan -----------------------------------------------------------------------------
@strawberry.type(name="AttentionPoint", description="Aandachtspunt for the whole group")
class AttentionPointType:
    domain: str
    description: str
    goal: str
    activities: str
    who_when: str
    evaluation: str

    @classmethod
    def of(cls, a: AttentionPoint) -> AttentionPointType:
        return cls(
            domain=a.domain,
            description=a.description,
            goal=a.goal,
            activities=a.activities,
            who_when=a.who_when,
            evaluation=a.evaluation,
        )


@strawberry.type(name="GoalOutcome", description="Whether a student reached a goal of a row")
class OutcomeType:
    student_id: strawberry.ID
    goal_id: strawberry.ID
    result: str

    @classmethod
    def of(cls, o: OutcomeRead) -> OutcomeType:
        return cls(student_id=_id(o.student_id), goal_id=_id(o.goal_id), result=o.result)


@strawberry.type(name="GroupPlanRow", description="The basis row, a subgroup or one student")
class PlanRowType:
    id: strawberry.ID
    position: int
    target: str
    name: str
    student_ids: list[strawberry.ID]
    need_ids: list[strawberry.ID]
    domain: str
    goals: list[GoalType]
    content: str
    approach: str
    organisation: str
    delivery_mode: str | None
    delivered_by: str
    evaluation_plan: str = strawberry.field(description="Evaluatie: wie, hoe en wanneer?")
    activities_done: bool | None
    outcomes: list[OutcomeType]
    continuation: str | None
    causes: str

    @classmethod
    def of(cls, r: RowRead) -> PlanRowType:
        return cls(
            id=_id(r.id),
            position=r.position,
            target=r.target,
            name=r.name,
            student_ids=[_id(s) for s in r.student_ids],
            need_ids=[_id(n) for n in r.need_ids],
            domain=r.domain,
            goals=[GoalType.of(g) for g in r.goals],
            content=r.content,
            approach=r.approach,
            organisation=r.organisation,
            delivery_mode=r.delivery_mode,
            delivered_by=r.delivered_by,
            evaluation_plan=r.evaluation_plan,
            activities_done=r.activities_done,
            outcomes=[OutcomeType.of(o) for o in r.outcomes],
            continuation=r.continuation,
            causes=r.causes,
        )


@strawberry.type(name="PlanStudent", description="A student named in the plan's rows")
class PlanStudentType:
    id: strawberry.ID
    given_name: str
    preferred_name: str | None
    infix: str | None
    family_name: str

    @classmethod
    def of(cls, s: PlanStudent) -> PlanStudentType:
        return cls(
            id=_id(s.id),
            given_name=s.given_name,
            preferred_name=s.preferred_name,
            infix=s.infix,
            family_name=s.family_name,
        )


@strawberry.type(name="PlanAmendment", description="An interim change to an active plan")
class AmendmentType:
    id: strawberry.ID
    text: str
    author_name: str
    created_at: datetime

    @classmethod
    def of(cls, a: AmendmentRead) -> AmendmentType:
        return cls(id=_id(a.id), text=a.text, author_name=a.author_name, created_at=a.created_at)


@strawberry.type(name="IndividualPlanSummary", description="An IHP appended to the group plan")
class IhpSummaryType:
    id: strawberry.ID
    student_id: strawberry.ID
    kind: str
    parent_signed_on: date | None

    @classmethod
    def of(cls, i: IhpSummary) -> IhpSummaryType:
        return cls(
            id=_id(i.id),
            student_id=_id(i.student_id),
            kind=i.kind,
            parent_signed_on=i.parent_signed_on,
        )


@strawberry.type(name="GroupPlan", description="Groepsplan of a group overview")
class PlanType:
    id: strawberry.ID
    school_id: strawberry.ID
    overview_id: strawberry.ID
    group_id: strawberry.ID
    group_name: str
    period_name: str
    cycle: str
    subject: str | None
    plan_type: str
    plan_status: str = strawberry.field(
        description="draft, active, midterm_reviewed, evaluated or archived (`status` in REST; "
        "renamed so that it never clashes with Problem.status in a result union)"
    )
    starts_on: date
    ends_on: date
    weeks: float
    midterm_review_required: bool = strawberry.field(description="Longer than 10 weeks")
    attention_points: list[AttentionPointType]
    week_schedule: str
    author_name: str
    activated_at: datetime | None
    midterm_review: str
    midterm_reviewed_at: datetime | None
    final_evaluation: str
    evaluated_at: datetime | None
    archived_at: datetime | None
    rows: list[PlanRowType]
    students: list[PlanStudentType] = strawberry.field(description="Students named in the rows")
    amendments: list[AmendmentType]
    individual_plans: list[IhpSummaryType]
    hints: list[HintType] = strawberry.field(description="Warnings, e.g. more than 3 subgroups")
    version: int
    editable: bool

    @classmethod
    def of(cls, p: PlanRead) -> PlanType:
        return cls(
            id=_id(p.id),
            school_id=_id(p.school_id),
            overview_id=_id(p.overview_id),
            group_id=_id(p.group_id),
            group_name=p.group_name,
            period_name=p.period_name,
            cycle=p.cycle,
            subject=p.subject,
            plan_type=p.plan_type,
            plan_status=p.status,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            weeks=p.weeks,
            midterm_review_required=p.midterm_review_required,
            attention_points=[AttentionPointType.of(a) for a in p.attention_points],
            week_schedule=p.week_schedule,
            author_name=p.author_name,
            activated_at=p.activated_at,
            midterm_review=p.midterm_review,
            midterm_reviewed_at=p.midterm_reviewed_at,
            final_evaluation=p.final_evaluation,
            evaluated_at=p.evaluated_at,
            archived_at=p.archived_at,
            rows=[PlanRowType.of(r) for r in p.rows],
            students=[PlanStudentType.of(s) for s in p.students],
            amendments=[AmendmentType.of(a) for a in p.amendments],
            individual_plans=[IhpSummaryType.of(i) for i in p.individual_plans],
            hints=[HintType.of(h) for h in p.hints],
            version=p.version,
            editable=p.editable,
        )


@strawberry.type(name="GroupPlanSummary", description="A group plan in a list")
class PlanSummaryType:
    id: strawberry.ID
    overview_id: strawberry.ID
    group_id: strawberry.ID
    group_name: str
    period_name: str
    cycle: str
    subject: str | None
    plan_type: str
    plan_status: str = strawberry.field(
        description="draft, active, midterm_reviewed, evaluated or archived (`status` in REST; "
        "renamed so that it never clashes with Problem.status in a result union)"
    )
    starts_on: date
    ends_on: date

    @classmethod
    def of(cls, p: PlanSummary) -> PlanSummaryType:
        return cls(
            id=_id(p.id),
            overview_id=_id(p.overview_id),
            group_id=_id(p.group_id),
            group_name=p.group_name,
            period_name=p.period_name,
            cycle=p.cycle,
            subject=p.subject,
            plan_type=p.plan_type,
            plan_status=p.status,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
        )


@strawberry.type(description="Group plans you work with, newest first")
class GroupPlanList:
    items: list[PlanSummaryType]


# -- individual action plan -----------------------------------------------------------------
@strawberry.type(
    name="IndividualPlan", description="Individueel handelingsplan (IHP), appendix of a plan"
)
class IhpType:
    id: strawberry.ID
    plan_id: strawberry.ID
    student_id: strawberry.ID
    kind: str
    decided_by: str
    need_ids: list[strawberry.ID]
    goals: list[GoalType]
    learning_yield_expectation: str
    content: str
    approach: str
    organisation: str
    evaluation_plan: str
    parent_agreements: str
    student_view: str
    parent_signed_by: strawberry.ID | None
    parent_signed_on: date | None
    evaluation: str
    evaluated_with_student: bool
    evaluated_with_parents: bool
    starts_on: date
    ends_on: date
    author_name: str
    version: int

    @classmethod
    def of(cls, i: IhpRead) -> IhpType:
        return cls(
            id=_id(i.id),
            plan_id=_id(i.plan_id),
            student_id=_id(i.student_id),
            kind=i.kind,
            decided_by=i.decided_by,
            need_ids=[_id(n) for n in i.need_ids],
            goals=[GoalType.of(g) for g in i.goals],
            learning_yield_expectation=i.learning_yield_expectation,
            content=i.content,
            approach=i.approach,
            organisation=i.organisation,
            evaluation_plan=i.evaluation_plan,
            parent_agreements=i.parent_agreements,
            student_view=i.student_view,
            parent_signed_by=_opt_id(i.parent_signed_by),
            parent_signed_on=i.parent_signed_on,
            evaluation=i.evaluation,
            evaluated_with_student=i.evaluated_with_student,
            evaluated_with_parents=i.evaluated_with_parents,
            starts_on=i.starts_on,
            ends_on=i.ends_on,
            author_name=i.author_name,
            version=i.version,
        )


# -- development perspective ----------------------------------------------------------------
@strawberry.type(name="YieldExpectation", description="Expected learning yield in a subject")
class YieldExpectationType:
    subject: str
    horizon: str
    expectation: str

    @classmethod
    def of(cls, y: YieldExpectation) -> YieldExpectationType:
        return cls(subject=y.subject, horizon=y.horizon, expectation=y.expectation)


@strawberry.type(name="SupportFactor", description="A stimulating or hindering factor")
class FactorType:
    kind: str
    locus: str
    text: str

    @classmethod
    def of(cls, f: Factor) -> FactorType:
        return cls(kind=f.kind, locus=f.locus, text=f.text)


@strawberry.type(
    name="DevelopmentPerspectiveVersion", description="A determined version of the OPP"
)
class OppVersionType:
    id: strawberry.ID
    number: int
    kind: str
    expected_outflow: str
    destination: str
    yield_expectations: list[YieldExpectationType]
    factors: list[FactorType]
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

    @classmethod
    def of(cls, v: OppVersionRead) -> OppVersionType:
        return cls(
            id=_id(v.id),
            number=v.number,
            kind=v.kind,
            expected_outflow=v.expected_outflow,
            destination=v.destination,
            yield_expectations=[YieldExpectationType.of(y) for y in v.yield_expectations],
            factors=[FactorType.of(f) for f in v.factors],
            needs=v.needs,
            support_offered=v.support_offered,
            long_term_goals=list(v.long_term_goals),
            talents=v.talents,
            student_view=v.student_view,
            parents_view=v.parents_view,
            determined_with_student=v.determined_with_student,
            determined_with_parents=v.determined_with_parents,
            determined_on=v.determined_on,
            author_name=v.author_name,
            created_at=v.created_at,
        )


@strawberry.type(
    name="DevelopmentPerspective", description="Ontwikkelingsperspectief (OPP) of a student"
)
class OppType:
    id: strawberry.ID
    student_id: strawberry.ID
    support_started_on: date
    support_description: str
    ended_on: date | None
    due_on: date | None = strawberry.field(description="The next date something is legally due")
    state: str
    versions: list[OppVersionType] = strawberry.field(description="Newest first")
    version: int

    @classmethod
    def of(cls, o: OppRead) -> OppType:
        return cls(
            id=_id(o.id),
            student_id=_id(o.student_id),
            support_started_on=o.support_started_on,
            support_description=o.support_description,
            ended_on=o.ended_on,
            due_on=o.due_on,
            state=o.state,
            versions=[OppVersionType.of(v) for v in o.versions],
            version=o.version,
        )


# -- deadlines ------------------------------------------------------------------------------
@strawberry.type(
    name="HgwDeadline", description="Something of the HGW cycle that is due (or overdue)"
)
class DeadlineType:
    kind: str
    due_on: date
    overdue: bool
    student_id: strawberry.ID | None
    student_name: str | None
    group_id: strawberry.ID | None
    group_name: str | None
    ref_id: strawberry.ID

    @classmethod
    def of(cls, d: DeadlineItem) -> DeadlineType:
        return cls(
            kind=d.kind,
            due_on=d.due_on,
            overdue=d.overdue,
            student_id=_opt_id(d.student_id),
            student_name=d.student_name,
            group_id=_opt_id(d.group_id),
            group_name=d.group_name,
            ref_id=_id(d.ref_id),
        )


@strawberry.type(description="What is due in the HGW cycle for you, overdue first")
class HgwDeadlineList:
    items: list[DeadlineType]


# -- inputs: plain fields; the REST write models validate them (same rules, same pointers) --
@strawberry.input(description="A row of the plan: the basis row, a subgroup or one student")
class GroupPlanRowInput:
    target: str
    name: str
    domain: str
    goals: list[GoalInput]
    student_ids: list[strawberry.ID] | None = strawberry.UNSET
    need_ids: list[strawberry.ID] | None = strawberry.UNSET
    content: str | None = strawberry.UNSET
    approach: str | None = strawberry.UNSET
    organisation: str | None = strawberry.UNSET
    delivery_mode: str | None = strawberry.UNSET
    delivered_by: str | None = strawberry.UNSET
    evaluation_plan: str | None = strawberry.UNSET


@strawberry.input(description="A new group plan; without rows a draft is proposed")
class GroupPlanInput:
    starts_on: date
    ends_on: date
    plan_type: str | None = strawberry.UNSET
    rows: list[GroupPlanRowInput] | None = strawberry.UNSET


@strawberry.input(description="Halfway: what works, what is adjusted")
class MidtermReviewInput:
    review: str


@strawberry.input(description="Whether a student reached a goal of the row")
class GoalOutcomeInput:
    student_id: strawberry.ID
    goal_id: strawberry.ID
    result: str


@strawberry.input(description="The evaluation of one row of the plan")
class GroupPlanRowEvaluationInput:
    row_id: strawberry.ID
    activities_done: bool
    outcomes: list[GoalOutcomeInput]
    continuation: str
    causes: str | None = strawberry.UNSET


@strawberry.input(description="Evaluation per row, student and goal, and of the plan as a whole")
class GroupPlanEvaluationInput:
    rows: list[GroupPlanRowEvaluationInput]
    final_evaluation: str


@strawberry.input(description="Aandachtspunt for the whole group (goes into the basis row)")
class AttentionPointInput:
    domain: str
    description: str
    goal: str | None = strawberry.UNSET
    activities: str | None = strawberry.UNSET
    who_when: str | None = strawberry.UNSET
    evaluation: str | None = strawberry.UNSET


@strawberry.input(description="The whole draft plan; while active only amendments change it")
class GroupPlanUpdateInput:
    plan_type: str
    starts_on: date
    ends_on: date
    rows: list[GroupPlanRowInput]
    attention_points: list[AttentionPointInput] | None = strawberry.UNSET
    week_schedule: str | None = strawberry.UNSET


@strawberry.input(description="An interim change to an active plan")
class GroupPlanAmendmentInput:
    text: str


@strawberry.input(description="A new individual action plan (IHP) for a student of the plan")
class IndividualPlanCreateInput:
    student_id: strawberry.ID
    decided_by: str
    goals: list[GoalInput]
    kind: str | None = strawberry.UNSET
    need_ids: list[strawberry.ID] | None = strawberry.UNSET
    learning_yield_expectation: str | None = strawberry.UNSET
    content: str | None = strawberry.UNSET
    approach: str | None = strawberry.UNSET
    organisation: str | None = strawberry.UNSET
    evaluation_plan: str | None = strawberry.UNSET
    parent_agreements: str | None = strawberry.UNSET
    student_view: str | None = strawberry.UNSET


@strawberry.input(description="The whole IHP; a parent's earlier sign-off is cleared")
class IndividualPlanInput:
    decided_by: str
    goals: list[GoalInput]
    kind: str | None = strawberry.UNSET
    need_ids: list[strawberry.ID] | None = strawberry.UNSET
    learning_yield_expectation: str | None = strawberry.UNSET
    content: str | None = strawberry.UNSET
    approach: str | None = strawberry.UNSET
    organisation: str | None = strawberry.UNSET
    evaluation_plan: str | None = strawberry.UNSET
    parent_agreements: str | None = strawberry.UNSET
    student_view: str | None = strawberry.UNSET


@strawberry.input(description="A parent with parental authority (gezag) signed 'voor akkoord'")
class ParentSignOffInput:
    guardian_id: strawberry.ID
    signed_on: date


@strawberry.input(description="The IHP's evaluation with the student and the parents")
class IndividualPlanEvaluationInput:
    evaluation: str
    evaluated_with_student: bool
    evaluated_with_parents: bool


@strawberry.input(description="Extra support started: the OPP is due within six weeks")
class SupportStartInput:
    support_started_on: date
    support_description: str


@strawberry.input(description="Expected learning yield in a subject")
class YieldExpectationInput:
    subject: str
    horizon: str
    expectation: str


@strawberry.input(description="A stimulating or hindering factor")
class SupportFactorInput:
    kind: str
    locus: str
    text: str


@strawberry.input(description="A determined version of the OPP, with the student's view")
class DevelopmentPerspectiveVersionInput:
    kind: str
    expected_outflow: str
    factors: list[SupportFactorInput]
    support_offered: str
    long_term_goals: list[str]
    student_view: str
    determined_with_student: bool
    determined_with_parents: bool
    determined_on: date
    destination: str | None = strawberry.UNSET
    yield_expectations: list[YieldExpectationInput] | None = strawberry.UNSET
    needs: str | None = strawberry.UNSET
    talents: str | None = strawberry.UNSET
    parents_view: str | None = strawberry.UNSET


GroupPlanResult = Annotated[PlanType | Problem, strawberry.union("GroupPlanResult")]
DevelopmentPerspectiveResult = Annotated[
    OppType | Problem, strawberry.union("DevelopmentPerspectiveResult")
]
CreateGroupPlanResult = Annotated[PlanType | Problem, strawberry.union("CreateGroupPlanResult")]
TransitionGroupPlanResult = Annotated[
    PlanType | Problem, strawberry.union("TransitionGroupPlanResult")
]
GroupPlansResult = Annotated[GroupPlanList | Problem, strawberry.union("GroupPlansResult")]
IndividualPlanResult = Annotated[IhpType | Problem, strawberry.union("IndividualPlanResult")]
HgwDeadlinesResult = Annotated[HgwDeadlineList | Problem, strawberry.union("HgwDeadlinesResult")]
UpdateGroupPlanResult = Annotated[PlanType | Problem, strawberry.union("UpdateGroupPlanResult")]
AmendGroupPlanResult = Annotated[PlanType | Problem, strawberry.union("AmendGroupPlanResult")]
CreateIndividualPlanResult = Annotated[
    IhpType | Problem, strawberry.union("CreateIndividualPlanResult")
]
UpdateIndividualPlanResult = Annotated[
    IhpType | Problem, strawberry.union("UpdateIndividualPlanResult")
]
SignIndividualPlanResult = Annotated[
    IhpType | Problem, strawberry.union("SignIndividualPlanResult")
]
EvaluateIndividualPlanResult = Annotated[
    IhpType | Problem, strawberry.union("EvaluateIndividualPlanResult")
]
StartDevelopmentPerspectiveResult = Annotated[
    OppType | Problem, strawberry.union("StartDevelopmentPerspectiveResult")
]
AddDevelopmentPerspectiveVersionResult = Annotated[
    OppType | Problem, strawberry.union("AddDevelopmentPerspectiveVersionResult")
]


def _payload(
    action: str,
    midterm_review: MidtermReviewInput | None,
    evaluation: GroupPlanEvaluationInput | None,
) -> MidtermReview | PlanEvaluation | None:
    """The input the step takes, validated as REST validates that step's body; exactly the
    step's own input is given."""
    if action not in ACTIONS:
        raise ValidationFailed(
            "Unknown step.",
            errors=[{"pointer": "/action", "detail": f"One of: {', '.join(ACTIONS)}"}],
        )
    wanted = {"midterm_review": "midterm_review", "evaluate": "evaluation"}.get(action)
    sent = {"midterm_review": midterm_review, "evaluation": evaluation}
    errors = [
        {"pointer": f"/{name}", "detail": "Required for this step" if name == wanted else
         "Not taken by this step"}
        for name, value in sent.items()
        if (value is None) == (name == wanted)
    ]  # fmt: skip
    if errors:
        raise ValidationFailed("Give the input of this step, and only that.", errors=errors)
    if midterm_review is not None:
        return MidtermReview.model_validate(given(midterm_review))
    if evaluation is not None:
        return PlanEvaluation.model_validate(given(evaluation))
    return None


@strawberry.type
class PlansQuery:
    @strawberry.field(
        description="A group plan with its rows, goals, outcomes, students, amendments and "
        "hints. Teachers of the group see it once it is active; null for a plan you may not see."
    )
    async def group_plan(self, info: Info, id: strawberry.ID) -> GroupPlanResult | None:
        ctx = info.context

        async def read(plan_id: uuid.UUID) -> PlanType:
            return PlanType.of(await group_plans.get_plan(ctx.uow, ctx.principal, plan_id))

        return await visible(info, id, read)

    @strawberry.field(
        description="A student's development perspective (OPP): mentor, care staff and "
        "leadership. Null for a student you may not see or one without an OPP."
    )
    async def development_perspective(
        self, info: Info, student_id: strawberry.ID
    ) -> DevelopmentPerspectiveResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> OppType:
            return OppType.of(await perspective.get(ctx.uow, ctx.principal, sid))

        return await visible(info, student_id, read, student=True)

    @strawberry.field(
        description="Group plans you work with: as mentor or care staff every status, as a "
        "teacher of the group's students the active ones (and later stages). Newest first; "
        "null for a school you may not see."
    )
    async def group_plans(self, info: Info, school_id: strawberry.ID) -> GroupPlansResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> GroupPlanList:
            found = await group_plans.list_plans(ctx.uow, ctx.principal, sid)
            return GroupPlanList(items=[PlanSummaryType.of(p) for p in found])

        return await visible(info, school_id, read)

    @strawberry.field(description="An individual action plan (IHP); null for one you may not see")
    async def individual_plan(self, info: Info, id: strawberry.ID) -> IndividualPlanResult | None:
        ctx = info.context

        async def read(ihp_id: uuid.UUID) -> IhpType:
            return IhpType.of(await individual_plans.get(ctx.uow, ctx.principal, ihp_id))

        return await visible(info, id, read)

    @strawberry.field(
        description="What is due in the HGW cycle for the students and groups you are "
        "responsible for, overdue first; null for a school you may not see"
    )
    async def hgw_deadlines(
        self, info: Info, school_id: strawberry.ID
    ) -> HgwDeadlinesResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> HgwDeadlineList:
            found = await deadlines.for_school(ctx.uow, ctx.principal, sid)
            return HgwDeadlineList(items=[DeadlineType.of(d) for d in found])

        return await visible(info, school_id, read)


@strawberry.type
class PlansMutation:
    @strawberry.mutation(
        description="Write the group plan of an overview. Without rows, a draft is proposed "
        "from the overview's signals and needs and the last plan."
    )
    async def create_group_plan(
        self, info: Info, overview_id: strawberry.ID, input: GroupPlanInput
    ) -> CreateGroupPlanResult:
        async def call() -> PlanType:
            oid = some_id(overview_id, OVERVIEW_NOT_FOUND)
            data = PlanCreate.model_validate(given(input))
            ctx = info.context
            return PlanType.of(await group_plans.create_plan(ctx.uow, ctx.principal, oid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Move the plan one step: activate, midterm_review (with midtermReview), "
        "evaluate (with evaluation) or archive. A step not possible from the current status is "
        "`invalid-transition` (409); something the step needs is missing: "
        "`transition-guard-failed` (422) listing `missing` in extensions."
    )
    async def transition_group_plan(
        self,
        info: Info,
        plan_id: strawberry.ID,
        expected_version: int,
        action: str,
        midterm_review: MidtermReviewInput | None = None,
        evaluation: GroupPlanEvaluationInput | None = None,
    ) -> TransitionGroupPlanResult:
        async def call() -> PlanType:
            pid = some_id(plan_id, group_plans.PLAN_NOT_FOUND)
            payload = _payload(action, midterm_review, evaluation)
            ctx = info.context
            return PlanType.of(
                await group_plans.transition(
                    ctx.uow, ctx.principal, pid, expected_version, action, payload
                )
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Replace the draft plan: rows, attention points, week schedule, period "
        "(optimistic locking)"
    )
    async def update_group_plan(
        self,
        info: Info,
        plan_id: strawberry.ID,
        expected_version: int,
        input: GroupPlanUpdateInput,
    ) -> UpdateGroupPlanResult:
        async def call() -> PlanType:
            pid = some_id(plan_id, group_plans.PLAN_NOT_FOUND)
            data = PlanUpdate.model_validate(given(input))
            ctx = info.context
            return PlanType.of(
                await group_plans.update_plan(ctx.uow, ctx.principal, pid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="An interim change to an active plan, kept apart from the original text"
    )
    async def amend_group_plan(
        self, info: Info, plan_id: strawberry.ID, input: GroupPlanAmendmentInput
    ) -> AmendGroupPlanResult:
        async def call() -> PlanType:
            pid = some_id(plan_id, group_plans.PLAN_NOT_FOUND)
            data = AmendmentCreate.model_validate(given(input))
            ctx = info.context
            return PlanType.of(await group_plans.amend(ctx.uow, ctx.principal, pid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="An individual action plan (IHP) as an appendix of the group plan"
    )
    async def create_individual_plan(
        self, info: Info, plan_id: strawberry.ID, input: IndividualPlanCreateInput
    ) -> CreateIndividualPlanResult:
        async def call() -> IhpType:
            pid = some_id(plan_id, group_plans.PLAN_NOT_FOUND)
            data = IhpCreate.model_validate(given(input))
            ctx = info.context
            return IhpType.of(await individual_plans.create(ctx.uow, ctx.principal, pid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Change the IHP; a parent's earlier sign-off no longer holds and is cleared "
        "(optimistic locking)"
    )
    async def update_individual_plan(
        self,
        info: Info,
        individual_plan_id: strawberry.ID,
        expected_version: int,
        input: IndividualPlanInput,
    ) -> UpdateIndividualPlanResult:
        async def call() -> IhpType:
            iid = some_id(individual_plan_id, individual_plans.IHP_NOT_FOUND)
            data = IhpWrite.model_validate(given(input))
            ctx = info.context
            return IhpType.of(
                await individual_plans.update(ctx.uow, ctx.principal, iid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Record that a parent with parental authority signed the IHP 'voor akkoord' "
        "(optimistic locking)"
    )
    async def sign_individual_plan(
        self,
        info: Info,
        individual_plan_id: strawberry.ID,
        expected_version: int,
        input: ParentSignOffInput,
    ) -> SignIndividualPlanResult:
        async def call() -> IhpType:
            iid = some_id(individual_plan_id, individual_plans.IHP_NOT_FOUND)
            data = ParentSignOff.model_validate(given(input))
            ctx = info.context
            return IhpType.of(
                await individual_plans.sign(ctx.uow, ctx.principal, iid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Evaluate the IHP with the student and the parents (optimistic locking)"
    )
    async def evaluate_individual_plan(
        self,
        info: Info,
        individual_plan_id: strawberry.ID,
        expected_version: int,
        input: IndividualPlanEvaluationInput,
    ) -> EvaluateIndividualPlanResult:
        async def call() -> IhpType:
            iid = some_id(individual_plan_id, individual_plans.IHP_NOT_FOUND)
            data = IhpEvaluation.model_validate(given(input))
            ctx = info.context
            return IhpType.of(
                await individual_plans.evaluate(ctx.uow, ctx.principal, iid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Extra support started: the OPP is due within six weeks (`conflict` if the "
        "student has one)"
    )
    async def start_development_perspective(
        self, info: Info, student_id: strawberry.ID, input: SupportStartInput
    ) -> StartDevelopmentPerspectiveResult:
        async def call() -> OppType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = SupportStart.model_validate(given(input))
            ctx = info.context
            return OppType.of(await perspective.start(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Determine (or evaluate, or revise) the OPP with the student and parents "
        "(optimistic locking on the OPP). Without them, or with the wrong kind: "
        "`transition-guard-failed` listing `missing` in extensions."
    )
    async def add_development_perspective_version(
        self,
        info: Info,
        perspective_id: strawberry.ID,
        expected_version: int,
        input: DevelopmentPerspectiveVersionInput,
    ) -> AddDevelopmentPerspectiveVersionResult:
        async def call() -> OppType:
            oid = some_id(perspective_id, perspective.OPP_NOT_FOUND)
            data = OppVersionCreate.model_validate(given(input))
            ctx = info.context
            return OppType.of(
                await perspective.add_version(ctx.uow, ctx.principal, oid, expected_version, data)
            )

        return await answer(info, call)
