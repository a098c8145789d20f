"""GraphQL fields of group plans and the development perspective (OPP). No SQL, no
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
from zorgroute.plans import group_plans, perspective
from zorgroute.plans.schemas import (
    AmendmentRead,
    AttentionPoint,
    Factor,
    IhpSummary,
    MidtermReview,
    OppRead,
    OppVersionRead,
    OutcomeRead,
    PlanCreate,
    PlanEvaluation,
    PlanRead,
    PlanStudent,
    RowRead,
    YieldExpectation,
)

# The steps of the lifecycle (group_plans.TRANSITIONS says from which status each is allowed).
ACTIONS = tuple(group_plans.GUARDS)


def _id(value: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(str(value))


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


GroupPlanResult = Annotated[PlanType | Problem, strawberry.union("GroupPlanResult")]
DevelopmentPerspectiveResult = Annotated[
    OppType | Problem, strawberry.union("DevelopmentPerspectiveResult")
]
CreateGroupPlanResult = Annotated[PlanType | Problem, strawberry.union("CreateGroupPlanResult")]
TransitionGroupPlanResult = Annotated[
    PlanType | Problem, strawberry.union("TransitionGroupPlanResult")
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

        return await visible(id, read)

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

        return await visible(student_id, read)


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
