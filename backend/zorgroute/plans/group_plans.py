"""The group plan (groepsplan): proposed from the overview's signals and needs, edited as a
draft, then moved through its lifecycle only by the transition table below. Every change is
audited; every step checks the version the writer read."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import (
    Forbidden,
    GuardFailed,
    InvalidTransition,
    NotFound,
    ValidationFailed,
    require_version,
)
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import CyclePeriod, EducationalNeed, GroupOverview, OverviewRow, Signal
from zorgroute.hgw.needs import goal_reads, goals_json
from zorgroute.hgw.overviews import LoadedOverview, load
from zorgroute.hgw.policies import READ, school_staff_roles
from zorgroute.hgw.schemas import GoalIn, Hint
from zorgroute.plans.models import GroupPlan, IndividualPlan, PlanAmendment, PlanRow
from zorgroute.plans.schemas import (
    AmendmentCreate,
    AmendmentRead,
    AttentionPoint,
    IhpSummary,
    MidtermReview,
    OutcomeRead,
    PlanCreate,
    PlanEvaluation,
    PlanRead,
    PlanStudent,
    PlanSummary,
    PlanUpdate,
    RowIn,
    RowRead,
)
from zorgroute.roster.models import Enrolment, Group, Student, TeachingAssignment

PLAN_NOT_FOUND = "There is no group plan with this id that you may see."
MIDTERM_AFTER_WEEKS = 10  # a plan longer than this gets a midterm review (tussenevaluatie)
MAX_SUBGROUPS = 3  # "maximaal drie" subgroups per teacher: a warning above it
# The subgroups a proposal makes, per plan type: (name, signal categories, domain, delivery).
# Home-situation concerns never become a named subgroup in a plan all the group's teachers read.
Cluster = tuple[str, tuple[str, ...], str, str]
CROSS_SUBJECT_CLUSTERS: tuple[Cluster, ...] = (
    ("Extra instructie basisvaardigheden", ("basic_skill_delay", "downward_trend"),
     "basic_skills", "separate_grouping"),
    ("Verrijking en verdieping", ("learning_lead",), "basic_skills", "separate_grouping"),
    ("Talentontwikkeling", ("talent",), "pedagogical", "daily_in_class"),
    ("Gedrag en sociaal-emotioneel", ("behaviour_seo",), "pedagogical", "daily_in_class"),
    ("Werkhouding en taakaanpak", ("work_attitude",), "pedagogical", "daily_in_class"),
    ("Verlengde instructie", ("subject_delay",), "subject", "separate_grouping"),
)  # fmt: skip
# Convergent (vakspecifiek): one basic offer, with intensive and enriched instruction.
CONVERGENT_CLUSTERS: tuple[Cluster, ...] = (
    ("Intensieve instructie", ("basic_skill_delay", "subject_delay", "downward_trend"),
     "subject", "separate_grouping"),
    ("Verrijkte instructie", ("learning_lead", "talent"), "subject", "separate_grouping"),
    ("Werkhouding en taakaanpak", ("work_attitude", "behaviour_seo"), "subject",
     "daily_in_class"),
)  # fmt: skip
# Divergent: no basic offer; subgroups by instruction need, needs named for every student.
LEVEL_SUBGROUPS = (
    ("independent", "Subgroep instructieonafhankelijk"),
    ("sensitive", "Subgroep instructiegevoelig"),
    ("dependent", "Subgroep instructieafhankelijk"),
)
TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "activate"): "active",
    ("active", "midterm_review"): "midterm_reviewed",
    ("active", "evaluate"): "evaluated",
    ("midterm_reviewed", "evaluate"): "evaluated",
    ("evaluated", "archive"): "archived",
}


@dataclass
class LoadedPlan:
    plan: GroupPlan
    loaded: LoadedOverview

    @property
    def leads(self) -> bool:
        o = self.loaded.overview
        return self.loaded.access.leads(o.cycle, self.loaded.subject)


def weeks(plan: GroupPlan) -> float:
    return round((plan.ends_on - plan.starts_on).days / 7, 1)


def midterm_required(plan: GroupPlan) -> bool:
    return weeks(plan) > MIDTERM_AFTER_WEEKS


async def load_plan(
    uow: UnitOfWork, principal: Principal, plan_id: uuid.UUID, *, for_update: bool = False
) -> LoadedPlan:
    """The plan if the caller may read it: teachers only once it is shared (not a draft)."""
    stmt = select(GroupPlan).where(
        GroupPlan.id == plan_id, col(GroupPlan.school_id).in_(principal.school_ids)
    )
    plan = await uow.first(stmt.with_for_update() if for_update else stmt)
    if plan is None:
        raise NotFound(PLAN_NOT_FOUND)
    try:
        loaded = await load(uow, principal, plan.overview_id)
    except NotFound:
        raise NotFound(PLAN_NOT_FOUND) from None
    o = loaded.overview
    if plan.status == "draft" and not loaded.access.reads_drafts(o.cycle, loaded.subject):
        raise NotFound(PLAN_NOT_FOUND)
    return LoadedPlan(plan, loaded)


def require_lead(lp: LoadedPlan) -> None:
    if not lp.leads:
        raise Forbidden("The mentor (cycle A) or the subject teacher (cycle B) writes the plan.")


# -- reading --------------------------------------------------------------------------------
def _row_read(r: PlanRow) -> RowRead:
    return RowRead(
        id=r.id,
        position=r.position,
        target=r.target,
        name=r.name,
        student_ids=list(r.student_ids),
        need_ids=list(r.need_ids),
        domain=r.domain,
        goals=goal_reads(r.goals),
        content=r.content,
        approach=r.approach,
        organisation=r.organisation,
        delivery_mode=r.delivery_mode,
        delivered_by=r.delivered_by,
        evaluation_plan=r.evaluation_plan,
        activities_done=r.activities_done,
        outcomes=[OutcomeRead.model_validate(o) for o in r.outcomes],
        continuation=r.continuation,
        causes=r.causes,
    )


async def _rows(uow: UnitOfWork, plan_id: uuid.UUID) -> list[PlanRow]:
    return await uow.scalars(
        select(PlanRow).where(PlanRow.plan_id == plan_id).order_by(col(PlanRow.position))
    )


async def _signalled_without_row(
    uow: UnitOfWork, plan: GroupPlan, rows: Sequence[PlanRow]
) -> list[uuid.UUID]:
    in_rows = {s for r in rows for s in r.student_ids}
    signalled = await uow.scalars(
        select(Signal.student_id).where(
            Signal.overview_id == plan.overview_id, Signal.category != "home_situation"
        )
    )
    return sorted({s for s in signalled if s not in in_rows})


def plan_hints(
    plan: GroupPlan, rows: Sequence[PlanRow], orphans: Sequence[uuid.UUID]
) -> list[Hint]:
    hints: list[Hint] = []
    subgroups = sum(1 for r in rows if r.target == "subgroup")
    if subgroups > MAX_SUBGROUPS:
        hints.append(
            Hint(
                code="too-many-subgroups",
                pointer="/rows",
                message=f"{subgroups} subgroepen: meer dan drie is per docent zelden haalbaar.",
            )
        )
    if midterm_required(plan):
        hints.append(
            Hint(
                code="midterm-review-required",
                pointer="/ends_on",
                message="Het plan duurt langer dan 10 weken: plan halverwege een tussenevaluatie.",
            )
        )
    for i, r in enumerate(rows):
        if not r.evaluation_plan:
            hints.append(
                Hint(
                    code="no-evaluation-plan",
                    pointer=f"/rows/{i}/evaluation_plan",
                    message="Wie evalueert, hoe en wanneer?",
                )
            )
        if r.target == "subgroup" and r.delivery_mode == "separate_grouping" and not r.organisation:
            hints.append(
                Hint(
                    code="no-schedule",
                    pointer=f"/rows/{i}/organisation",
                    message="Apart groeperen moet in het rooster: wie, wanneer, hoe vaak?",
                )
            )
    if orphans:
        hints.append(
            Hint(
                code="signalled-student-without-row",
                pointer="/rows",
                message=f"{len(orphans)} gesignaleerde leerling(en) staan nog in geen enkele rij.",
            )
        )
    return hints


async def plan_read(uow: UnitOfWork, lp: LoadedPlan) -> PlanRead:
    plan, loaded = lp.plan, lp.loaded
    rows = await _rows(uow, plan.id)
    student_ids = {s for r in rows for s in r.student_ids}
    students = await uow.scalars(
        select(Student).where(col(Student.id).in_(student_ids)).order_by(col(Student.sort_name))
    )
    amendments = await uow.scalars(
        select(PlanAmendment)
        .where(PlanAmendment.plan_id == plan.id)
        .order_by(col(PlanAmendment.created_at), col(PlanAmendment.id))
    )
    ihps = await uow.scalars(
        select(IndividualPlan)
        .where(IndividualPlan.plan_id == plan.id)
        .order_by(col(IndividualPlan.created_at))
    )
    orphans = await _signalled_without_row(uow, plan, rows)
    for s in students:
        uow.audit("group_plan.read", "group_plan", plan.id, plan.school_id, student_id=s.id)
    return PlanRead(
        id=plan.id,
        school_id=plan.school_id,
        overview_id=plan.overview_id,
        group_id=plan.group_id,
        group_name=loaded.access.group.name,
        period_name=loaded.period.name,
        cycle=loaded.overview.cycle,
        subject=loaded.subject,
        plan_type=plan.plan_type,
        status=plan.status,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        weeks=weeks(plan),
        midterm_review_required=midterm_required(plan),
        attention_points=[AttentionPoint.model_validate(a) for a in plan.attention_points],
        week_schedule=plan.week_schedule,
        author_name=plan.author_name,
        activated_at=plan.activated_at,
        midterm_review=plan.midterm_review,
        midterm_reviewed_at=plan.midterm_reviewed_at,
        final_evaluation=plan.final_evaluation,
        evaluated_at=plan.evaluated_at,
        archived_at=plan.archived_at,
        rows=[_row_read(r) for r in rows],
        students=[
            PlanStudent(
                id=s.id,
                given_name=s.given_name,
                preferred_name=s.preferred_name,
                infix=s.infix,
                family_name=s.family_name,
            )
            for s in students
        ],
        amendments=[
            AmendmentRead(id=a.id, text=a.text, author_name=a.author_name, created_at=a.created_at)
            for a in amendments
        ],
        individual_plans=[
            IhpSummary(
                id=i.id,
                student_id=i.student_id,
                kind=i.kind,
                parent_signed_on=i.parent_signed_on,
            )
            for i in ihps
        ],
        hints=plan_hints(plan, rows, orphans),
        version=plan.version,
        editable=lp.leads and plan.status in ("draft", "active", "midterm_reviewed"),
    )


async def get_plan(uow: UnitOfWork, principal: Principal, plan_id: uuid.UUID) -> PlanRead:
    return await plan_read(uow, await load_plan(uow, principal, plan_id))


async def list_plans(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> list[PlanSummary]:
    school_roles = school_staff_roles(principal, school_id)
    stmt = (
        select(GroupPlan, GroupOverview, CyclePeriod, Group)
        .join(GroupOverview, col(GroupOverview.id) == GroupPlan.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .join(Group, col(Group.id) == GroupPlan.group_id)
        .where(GroupPlan.school_id == school_id)
        .order_by(col(CyclePeriod.starts_on).desc(), col(Group.name))
        .limit(200)
    )
    if not school_roles & READ:
        staff_id = principal.staff_member_ids.get(school_id)
        if staff_id is None:
            return []
        mine = select(TeachingAssignment.group_id).where(
            TeachingAssignment.staff_member_id == staff_id
        )
        mentored = select(TeachingAssignment.group_id).where(
            TeachingAssignment.staff_member_id == staff_id, TeachingAssignment.role == "mentor"
        )
        taught = select(Enrolment.group_id).where(
            col(Enrolment.student_id).in_(
                select(Enrolment.student_id).where(col(Enrolment.group_id).in_(mine))
            )
        )
        stmt = stmt.where(col(GroupPlan.group_id).in_(taught))
        rows = await uow.rows(stmt)
        mentor_of = set(await uow.scalars(mentored))
        rows = [r for r in rows if r[0].status != "draft" or r[0].group_id in mentor_of]
    else:
        rows = await uow.rows(stmt)
    return [
        PlanSummary(
            id=p.id,
            overview_id=o.id,
            group_id=g.id,
            group_name=g.name,
            period_name=c.name,
            cycle=o.cycle,
            subject=o.subject or None,
            plan_type=p.plan_type,
            status=p.status,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
        )
        for p, o, c, g in rows
    ]


# -- writing --------------------------------------------------------------------------------
async def _check_members(uow: UnitOfWork, overview_id: uuid.UUID, rows: Sequence[RowIn]) -> None:
    members = set(
        await uow.scalars(
            select(OverviewRow.student_id).where(OverviewRow.overview_id == overview_id)
        )
    )
    errors = [
        {"pointer": f"/rows/{i}/student_ids/{j}", "detail": "Not a student of this group"}
        for i, r in enumerate(rows)
        for j, s in enumerate(r.student_ids)
        if s not in members
    ]
    if errors:
        raise ValidationFailed("Rows are about students of the group's overview.", errors=errors)


def _row_models(plan: GroupPlan, rows: Sequence[RowIn]) -> list[PlanRow]:
    return [
        PlanRow(
            school_id=plan.school_id,
            plan_id=plan.id,
            position=i,
            goals=goals_json(r.goals),
            **r.model_dump(exclude={"goals"}),
        )
        for i, r in enumerate(rows)
    ]


async def _proposal(uow: UnitOfWork, loaded: LoadedOverview, plan: GroupPlan) -> list[PlanRow]:
    """A first draft from the overview: the basis row (not for a divergent plan) and a subgroup
    per cluster of signals (divergent: per instruction need), carrying the students' needs and
    *their goals*, so the evaluation later speaks about the same goals."""
    o, period = loaded.overview, loaded.period
    signals = await uow.scalars(
        select(Signal).where(Signal.overview_id == o.id).order_by(col(Signal.created_at))
    )
    divergent = plan.plan_type == "subject_divergent"
    levels = {
        r.student_id: r.instruction_level or "sensitive"
        for r in await uow.scalars(select(OverviewRow).where(OverviewRow.overview_id == o.id))
    }
    needs = await uow.scalars(
        select(EducationalNeed)
        .where(
            col(EducationalNeed.student_id).in_(
                set(levels) if divergent else {s.student_id for s in signals}
            ),
            col(EducationalNeed.valid_from) <= period.ends_on,
            col(EducationalNeed.valid_until) >= period.starts_on,
            # Cycle A plans with cross-subject needs; a cycle B plan with its subject's needs.
            col(EducationalNeed.subject) == loaded.subject
            if loaded.subject
            else col(EducationalNeed.subject).is_(None),
        )
        .order_by(col(EducationalNeed.created_at))
    )
    by_student: dict[uuid.UUID, list[EducationalNeed]] = {}
    for n in needs:
        by_student.setdefault(n.student_id, []).append(n)

    rows: list[PlanRow] = []

    def add(target: str, name: str, members: list[uuid.UUID], domain: str, delivery: str,
            goal: str) -> None:  # fmt: skip
        member_needs = [n for m in members for n in by_student.get(m, [])]
        items = [f"{i['phrase']} {i['text']}".strip() for n in member_needs for i in n.items]
        rows.append(
            PlanRow(
                school_id=o.school_id,
                plan_id=plan.id,
                position=len(rows),
                target=target,
                name=name,
                student_ids=members,
                need_ids=[n.id for n in member_needs],
                domain="subject" if loaded.subject else domain,
                goals=[g for n in member_needs for g in n.goals] or goals_json([GoalIn(text=goal)]),
                approach="\n".join(dict.fromkeys(items)),
                delivery_mode=delivery,
                delivered_by=o.owner_name,
            )
        )

    if divergent:
        for level, name in LEVEL_SUBGROUPS:
            members = [s for s, lv in levels.items() if lv == level]
            if members:
                add("subgroup", name, members, "subject", "separate_grouping", f"Doel: {name}")
        return rows
    add(
        "basis", "Basisgroep" if plan.plan_type == "cross_subject" else "Basisaanbod", [],
        "pedagogical", "daily_in_class",
        "Het basisaanbod volgens de methode en de aandachtspunten van de groep",
    )  # fmt: skip
    clusters = CONVERGENT_CLUSTERS if plan.plan_type == "subject_convergent" else (
        CROSS_SUBJECT_CLUSTERS
    )  # fmt: skip
    for name, categories, domain, delivery in clusters:
        members = list(dict.fromkeys(s.student_id for s in signals if s.category in categories))
        if members:
            add("subgroup", name, members, domain, delivery, f"Doel voor de subgroep {name}")
    return rows


async def create_plan(
    uow: UnitOfWork, principal: Principal, overview_id: uuid.UUID, data: PlanCreate
) -> PlanRead:
    loaded = await load(uow, principal, overview_id, for_update=True)
    lp_access = loaded.access
    if not lp_access.leads(loaded.overview.cycle, loaded.subject):
        raise Forbidden("The mentor (cycle A) or the subject teacher (cycle B) writes the plan.")
    if not loaded.editable:
        raise InvalidTransition("This overview belongs to an archived cycle.")
    if await uow.first(select(GroupPlan.id).where(GroupPlan.overview_id == overview_id)):
        raise InvalidTransition("This overview already has its group plan.")
    previous = await uow.first(
        select(GroupPlan)
        .join(GroupOverview, col(GroupOverview.id) == GroupPlan.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .where(
            GroupPlan.group_id == loaded.overview.group_id,
            GroupOverview.cycle == loaded.overview.cycle,
            GroupOverview.subject == loaded.overview.subject,
            col(CyclePeriod.starts_on) < loaded.period.starts_on,
        )
        .order_by(col(CyclePeriod.starts_on).desc())
    )
    plan = GroupPlan(
        school_id=loaded.overview.school_id,
        overview_id=overview_id,
        group_id=loaded.overview.group_id,
        plan_type=data.plan_type,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        author_name=principal.display_name,
        # Last cycle's whole-group points and schedule seed this one's.
        attention_points=list(previous.attention_points) if previous else [],
        week_schedule=previous.week_schedule if previous else "",
    )
    uow.add(plan)
    await uow.flush()
    if data.rows is not None:
        await _check_members(uow, overview_id, data.rows)
        uow.add_all(_row_models(plan, data.rows))
    else:
        uow.add_all(await _proposal(uow, loaded, plan))
    await uow.flush()
    uow.audit("group_plan.create", "group_plan", plan.id, plan.school_id)
    return await plan_read(uow, LoadedPlan(plan, loaded))


async def update_plan(
    uow: UnitOfWork,
    principal: Principal,
    plan_id: uuid.UUID,
    expected_version: int | None,
    data: PlanUpdate,
) -> PlanRead:
    lp = await load_plan(uow, principal, plan_id, for_update=True)
    require_lead(lp)
    plan = lp.plan
    require_version(plan.version, expected_version, "group plan")
    if plan.status != "draft":
        raise InvalidTransition(
            "Only a draft is edited; record a change to an active plan as an amendment."
        )
    await _check_members(uow, plan.overview_id, data.rows)
    plan.plan_type = data.plan_type
    plan.starts_on = data.starts_on
    plan.ends_on = data.ends_on
    plan.attention_points = [a.model_dump() for a in data.attention_points]
    plan.week_schedule = data.week_schedule
    for row in await _rows(uow, plan.id):
        await uow.delete(row)
    await uow.flush()
    uow.add_all(_row_models(plan, data.rows))
    plan.version += 1
    plan.updated_at = utcnow()
    await uow.flush()
    uow.audit("group_plan.update", "group_plan", plan.id, plan.school_id)
    return await plan_read(uow, lp)


async def _guard_activate(uow: UnitOfWork, lp: LoadedPlan, payload: Any) -> list[str]:
    missing = []
    if not await _rows(uow, lp.plan.id):
        missing.append("rows")
    for ihp in await uow.scalars(
        select(IndividualPlan).where(IndividualPlan.plan_id == lp.plan.id)
    ):
        if ihp.parent_signed_on is None:
            missing.append(f"individual_plans/{ihp.id}/parent_sign_off")
        if not ihp.student_view:
            missing.append(f"individual_plans/{ihp.id}/student_view")
    return missing


async def _guard_evaluate(uow: UnitOfWork, lp: LoadedPlan, payload: Any) -> list[str]:
    missing = []
    if lp.plan.status == "active" and midterm_required(lp.plan):
        missing.append("midterm_review")
    given = {r.row_id: r for r in payload.rows}
    for row in await _rows(uow, lp.plan.id):
        evaluation = given.get(row.id)
        if evaluation is None:
            missing.append(f"rows/{row.id}")
            continue
        have = {(o.student_id, o.goal_id) for o in evaluation.outcomes}
        for student_id in row.student_ids:
            for goal in row.goals:
                if (student_id, uuid.UUID(goal["id"])) not in have:
                    missing.append(f"rows/{row.id}/outcomes/{student_id}/{goal['id']}")
    for ihp in await uow.scalars(
        select(IndividualPlan).where(IndividualPlan.plan_id == lp.plan.id)
    ):
        if not ihp.evaluation:
            missing.append(f"individual_plans/{ihp.id}/evaluation")
    return missing


async def _no_guard(uow: UnitOfWork, lp: LoadedPlan, payload: Any) -> list[str]:
    return []


# The input each step takes (None: none).
PAYLOADS: dict[str, type[MidtermReview] | type[PlanEvaluation] | None] = {
    "activate": None,
    "midterm_review": MidtermReview,
    "evaluate": PlanEvaluation,
    "archive": None,
}
GUARDS: dict[str, Callable[[UnitOfWork, LoadedPlan, Any], Any]] = {
    "activate": _guard_activate,
    "midterm_review": _no_guard,
    "evaluate": _guard_evaluate,
    "archive": _no_guard,
}


async def _apply(uow: UnitOfWork, lp: LoadedPlan, action: str, payload: Any) -> None:
    plan, now = lp.plan, utcnow()
    if action == "activate":
        plan.activated_at = now
    elif action == "midterm_review":
        plan.midterm_review, plan.midterm_reviewed_at = payload.review, now
    elif action == "evaluate":
        given = {r.row_id: r for r in payload.rows}
        for row in await _rows(uow, plan.id):
            e = given[row.id]
            row.activities_done = e.activities_done
            row.outcomes = [o.model_dump(mode="json") for o in e.outcomes]
            row.continuation = e.continuation
            row.causes = e.causes
        plan.final_evaluation, plan.evaluated_at = payload.final_evaluation, now
    elif action == "archive":
        plan.archived_at = now


async def transition(
    uow: UnitOfWork,
    principal: Principal,
    plan_id: uuid.UUID,
    expected_version: int | None,
    action: str,
    payload: MidtermReview | PlanEvaluation | None = None,
) -> PlanRead:
    """Move the plan one step. Not in the table: 409. A guard unmet: 422 listing `missing`."""
    lp = await load_plan(uow, principal, plan_id, for_update=True)
    require_lead(lp)
    plan = lp.plan
    require_version(plan.version, expected_version, "group plan")
    wanted = PAYLOADS.get(action)
    if (payload is None) != (wanted is None) or (wanted and not isinstance(payload, wanted)):
        raise ValidationFailed(
            f"The step '{action}' takes {wanted.__name__ if wanted else 'no input'}."
        )
    target = TRANSITIONS.get((plan.status, action))
    if target is None:
        raise InvalidTransition(
            f"A plan that is {plan.status} cannot take the step '{action}'.",
            state=plan.status,
            allowed_actions=[a for (s, a) in TRANSITIONS if s == plan.status],
        )
    missing = await GUARDS[action](uow, lp, payload)
    if missing:
        raise GuardFailed(f"'{action}' needs: {', '.join(missing)}.", missing=missing)
    await _apply(uow, lp, action, payload)
    previous, plan.status = plan.status, target
    plan.version += 1
    plan.updated_at = utcnow()
    await uow.flush()
    uow.audit(
        f"group_plan.{action}", "group_plan", plan.id, plan.school_id,
        {"from": previous, "to": target},
    )  # fmt: skip
    if action == "evaluate":
        for row in await _rows(uow, plan.id):
            for student_id in row.student_ids:
                uow.audit(
                    "group_plan.evaluate_student", "group_plan", plan.id, plan.school_id,
                    student_id=student_id,
                )  # fmt: skip
    return await plan_read(uow, lp)


async def amend(
    uow: UnitOfWork, principal: Principal, plan_id: uuid.UUID, data: AmendmentCreate
) -> PlanRead:
    lp = await load_plan(uow, principal, plan_id, for_update=True)
    require_lead(lp)
    if lp.plan.status not in ("active", "midterm_reviewed"):
        raise InvalidTransition("Amendments are for an active plan; edit a draft directly.")
    amendment = PlanAmendment(
        school_id=lp.plan.school_id,
        plan_id=plan_id,
        text=data.text,
        author_name=principal.display_name,
    )
    uow.add(amendment)
    lp.plan.version += 1
    lp.plan.updated_at = utcnow()
    await uow.flush()
    uow.audit("group_plan.amend", "plan_amendment", amendment.id, lp.plan.school_id)
    return await plan_read(uow, lp)
