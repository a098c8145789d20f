"""Individual action plans (IHP): an appendix of the group plan for one student, with the same
period, written with the student and signed by a parent with parental authority."""

from __future__ import annotations

import uuid

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import InvalidTransition, NotFound, ValidationFailed, require_version
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import OverviewRow
from zorgroute.hgw.needs import goal_reads, goals_json
from zorgroute.plans.group_plans import LoadedPlan, load_plan, require_lead
from zorgroute.plans.models import IndividualPlan
from zorgroute.plans.schemas import IhpCreate, IhpEvaluation, IhpRead, IhpWrite, ParentSignOff
from zorgroute.roster.models import StudentGuardian

IHP_NOT_FOUND = "There is no individual plan with this id that you may see."
OPEN = ("draft", "active", "midterm_reviewed")
RUNNING = ("active", "midterm_reviewed")  # evaluated with student and parents before its end


def ihp_read(i: IndividualPlan, lp: LoadedPlan) -> IhpRead:
    return IhpRead(
        id=i.id,
        plan_id=i.plan_id,
        student_id=i.student_id,
        kind=i.kind,
        decided_by=i.decided_by,
        need_ids=list(i.need_ids),
        goals=goal_reads(i.goals),
        learning_yield_expectation=i.learning_yield_expectation,
        content=i.content,
        approach=i.approach,
        organisation=i.organisation,
        evaluation_plan=i.evaluation_plan,
        parent_agreements=i.parent_agreements,
        student_view=i.student_view,
        parent_signed_by=i.parent_signed_by,
        parent_signed_on=i.parent_signed_on,
        evaluation=i.evaluation,
        evaluated_with_student=i.evaluated_with_student,
        evaluated_with_parents=i.evaluated_with_parents,
        starts_on=lp.plan.starts_on,
        ends_on=lp.plan.ends_on,
        author_name=i.author_name,
        version=i.version,
    )


async def _load(
    uow: UnitOfWork, principal: Principal, ihp_id: uuid.UUID
) -> tuple[IndividualPlan, LoadedPlan]:
    ihp = await uow.first(
        select(IndividualPlan)
        .where(IndividualPlan.id == ihp_id, col(IndividualPlan.school_id).in_(principal.school_ids))
        .with_for_update()
    )
    if ihp is None:
        raise NotFound(IHP_NOT_FOUND)
    try:
        lp = await load_plan(uow, principal, ihp.plan_id)
    except NotFound:
        raise NotFound(IHP_NOT_FOUND) from None
    return ihp, lp


async def _for_change(
    uow: UnitOfWork,
    principal: Principal,
    ihp_id: uuid.UUID,
    expected_version: int | None,
    plan_statuses: tuple[str, ...],
) -> tuple[IndividualPlan, LoadedPlan]:
    """The IHP, if the caller writes its group plan, named the version they read, and the
    group plan is in one of `plan_statuses`."""
    ihp, lp = await _load(uow, principal, ihp_id)
    require_lead(lp)
    require_version(ihp.version, expected_version, "individual plan")
    if lp.plan.status not in plan_statuses:
        raise InvalidTransition(
            f"The group plan is {lp.plan.status}: this step on its IHP is not possible now."
        )
    return ihp, lp


def _changed(ihp: IndividualPlan) -> None:
    ihp.version += 1
    ihp.updated_at = utcnow()


async def create(
    uow: UnitOfWork, principal: Principal, plan_id: uuid.UUID, data: IhpCreate
) -> IhpRead:
    lp = await load_plan(uow, principal, plan_id, for_update=True)
    require_lead(lp)
    if lp.plan.status not in OPEN:
        raise InvalidTransition("An individual plan is added to a plan that is still running.")
    in_group = await uow.first(
        select(OverviewRow.id).where(
            OverviewRow.overview_id == lp.plan.overview_id,
            OverviewRow.student_id == data.student_id,
        )
    )
    if in_group is None:
        raise ValidationFailed(
            "The student is not in this group plan's overview.",
            errors=[{"pointer": "/student_id", "detail": "Not a student of this group"}],
        )
    if await uow.first(
        select(IndividualPlan.id).where(
            IndividualPlan.plan_id == plan_id, IndividualPlan.student_id == data.student_id
        )
    ):
        raise InvalidTransition("This student already has an individual plan in this plan.")
    ihp = IndividualPlan(
        school_id=lp.plan.school_id,
        plan_id=plan_id,
        goals=goals_json(data.goals),
        author_name=principal.display_name,
        **data.model_dump(exclude={"goals"}),
    )
    uow.add(ihp)
    await uow.flush()
    uow.audit("ihp.create", "individual_plan", ihp.id, ihp.school_id, student_id=ihp.student_id)
    return ihp_read(ihp, lp)


async def get(uow: UnitOfWork, principal: Principal, ihp_id: uuid.UUID) -> IhpRead:
    ihp, lp = await _load(uow, principal, ihp_id)
    uow.audit("ihp.read", "individual_plan", ihp.id, ihp.school_id, student_id=ihp.student_id)
    return ihp_read(ihp, lp)


async def update(
    uow: UnitOfWork,
    principal: Principal,
    ihp_id: uuid.UUID,
    expected_version: int | None,
    data: IhpWrite,
) -> IhpRead:
    ihp, lp = await _for_change(uow, principal, ihp_id, expected_version, OPEN)
    for name, value in data.model_dump(exclude={"goals"}).items():
        setattr(ihp, name, value)
    ihp.goals = goals_json(data.goals)
    # The parents approved a different text: their sign-off no longer holds.
    ihp.parent_signed_by, ihp.parent_signed_on = None, None
    _changed(ihp)
    await uow.flush()
    uow.audit("ihp.update", "individual_plan", ihp.id, ihp.school_id, student_id=ihp.student_id)
    return ihp_read(ihp, lp)


async def sign(
    uow: UnitOfWork,
    principal: Principal,
    ihp_id: uuid.UUID,
    expected_version: int | None,
    data: ParentSignOff,
) -> IhpRead:
    ihp, lp = await _for_change(uow, principal, ihp_id, expected_version, OPEN)
    authority = await uow.first(
        select(StudentGuardian.parental_authority).where(
            StudentGuardian.student_id == ihp.student_id,
            StudentGuardian.guardian_id == data.guardian_id,
        )
    )
    if not authority:
        raise ValidationFailed(
            "A parent or guardian with parental authority (gezag) signs the IHP.",
            errors=[{"pointer": "/guardian_id", "detail": "Not a guardian with gezag"}],
        )
    ihp.parent_signed_by, ihp.parent_signed_on = data.guardian_id, data.signed_on
    _changed(ihp)
    await uow.flush()
    uow.audit("ihp.sign", "individual_plan", ihp.id, ihp.school_id, student_id=ihp.student_id)
    return ihp_read(ihp, lp)


async def evaluate(
    uow: UnitOfWork,
    principal: Principal,
    ihp_id: uuid.UUID,
    expected_version: int | None,
    data: IhpEvaluation,
) -> IhpRead:
    ihp, lp = await _for_change(uow, principal, ihp_id, expected_version, RUNNING)
    ihp.evaluation = data.evaluation
    ihp.evaluated_with_student = data.evaluated_with_student
    ihp.evaluated_with_parents = data.evaluated_with_parents
    _changed(ihp)
    await uow.flush()
    uow.audit("ihp.evaluate", "individual_plan", ihp.id, ihp.school_id, student_id=ihp.student_id)
    return ihp_read(ihp, lp)
