"""The development perspective (OPP, ontwikkelingsperspectief): legally due within six weeks
after extra support starts, determined with the student (hoorrecht) and the parents, and
evaluated with them at least once a year. Versions are append-only."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Conflict, Forbidden, GuardFailed, NotFound, require_version
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.policies import student_access
from zorgroute.plans.models import DevelopmentPerspective, DevelopmentPerspectiveVersion
from zorgroute.plans.schemas import (
    Factor,
    OppRead,
    OppState,
    OppVersionCreate,
    OppVersionRead,
    SupportStart,
    YieldExpectation,
)

OPP_NOT_FOUND = "This student has no development perspective that you may see."
DUE_AFTER_SUPPORT = timedelta(weeks=6)
EVALUATE_EVERY = timedelta(days=365)
SOON = timedelta(days=30)


def due(
    opp: DevelopmentPerspective, last_determined: date | None, today: date
) -> tuple[date | None, OppState]:
    """When something is next due, and how it stands today."""
    if opp.ended_on is not None:
        return None, "ended"
    if last_determined is None:
        due_on = opp.support_started_on + DUE_AFTER_SUPPORT
        return due_on, "overdue" if today > due_on else "due"
    due_on = last_determined + EVALUATE_EVERY
    if today > due_on:
        return due_on, "evaluation_overdue"
    return due_on, "evaluation_due" if due_on - today <= SOON else "current"


def _version_read(v: DevelopmentPerspectiveVersion) -> OppVersionRead:
    return OppVersionRead(
        id=v.id,
        number=v.number,
        kind=v.kind,
        expected_outflow=v.expected_outflow,
        destination=v.destination,
        yield_expectations=[YieldExpectation.model_validate(y) for y in v.yield_expectations],
        factors=[Factor.model_validate(f) for f in v.factors],
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


async def _read(uow: UnitOfWork, opp: DevelopmentPerspective) -> OppRead:
    versions = await uow.scalars(
        select(DevelopmentPerspectiveVersion)
        .where(DevelopmentPerspectiveVersion.perspective_id == opp.id)
        .order_by(col(DevelopmentPerspectiveVersion.number).desc())
    )
    due_on, state = due(opp, versions[0].determined_on if versions else None, utcnow().date())
    return OppRead(
        id=opp.id,
        student_id=opp.student_id,
        support_started_on=opp.support_started_on,
        support_description=opp.support_description,
        ended_on=opp.ended_on,
        due_on=due_on,
        state=state,
        versions=[_version_read(v) for v in versions],
        version=opp.version,
    )


async def get(uow: UnitOfWork, principal: Principal, student_id: uuid.UUID) -> OppRead:
    access = await student_access(uow, principal, student_id)
    if not access.reads_opp():
        raise Forbidden("The OPP is for the mentor, care staff and leadership.")
    opp = await uow.first(
        select(DevelopmentPerspective).where(DevelopmentPerspective.student_id == student_id)
    )
    if opp is None:
        raise NotFound(OPP_NOT_FOUND)
    uow.audit("opp.read", "development_perspective", opp.id, opp.school_id, student_id=student_id)
    return await _read(uow, opp)


async def start(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: SupportStart
) -> OppRead:
    access = await student_access(uow, principal, student_id)
    if not access.writes_opp():
        raise Forbidden("The mentor or care staff record that extra support started.")
    if await uow.first(
        select(DevelopmentPerspective.id).where(DevelopmentPerspective.student_id == student_id)
    ):
        raise Conflict("This student already has a development perspective.")
    opp = DevelopmentPerspective(
        school_id=access.student.school_id, student_id=student_id, **data.model_dump()
    )
    uow.add(opp)
    await uow.flush()
    uow.audit("opp.start", "development_perspective", opp.id, opp.school_id, student_id=student_id)
    return await _read(uow, opp)


async def add_version(
    uow: UnitOfWork,
    principal: Principal,
    opp_id: uuid.UUID,
    expected_version: int | None,
    data: OppVersionCreate,
) -> OppRead:
    opp = await uow.first(
        select(DevelopmentPerspective)
        .where(
            DevelopmentPerspective.id == opp_id,
            col(DevelopmentPerspective.school_id).in_(principal.school_ids),
        )
        .with_for_update()
    )
    if opp is None:
        raise NotFound(OPP_NOT_FOUND)
    try:
        access = await student_access(uow, principal, opp.student_id)
    except NotFound:
        raise NotFound(OPP_NOT_FOUND) from None
    if not access.reads_opp():
        raise NotFound(OPP_NOT_FOUND)
    if not access.writes_opp():
        raise Forbidden("The mentor or care staff determine the OPP with student and parents.")
    require_version(opp.version, expected_version, "development perspective")
    count = len(
        await uow.scalars(
            select(DevelopmentPerspectiveVersion.id).where(
                DevelopmentPerspectiveVersion.perspective_id == opp.id
            )
        )
    )
    missing = []
    if (count == 0) != (data.kind == "initial"):
        missing.append("kind")  # 'initial' for the first version only
    if not data.determined_with_student:
        missing.append("determined_with_student")
    if not data.determined_with_parents:
        missing.append("determined_with_parents")
    if missing:
        raise GuardFailed(
            "The OPP is determined (and evaluated) with the student and the parents.",
            missing=missing,
        )
    version = DevelopmentPerspectiveVersion(
        school_id=opp.school_id,
        perspective_id=opp.id,
        student_id=opp.student_id,
        number=count + 1,
        author_name=principal.display_name,
        **data.model_dump(mode="json", exclude={"determined_on"}),
        determined_on=data.determined_on,
    )
    uow.add(version)
    opp.version += 1
    opp.updated_at = utcnow()
    await uow.flush()
    uow.audit(
        f"opp.{data.kind}", "development_perspective", opp.id, opp.school_id,
        {"number": count + 1}, student_id=opp.student_id,
    )  # fmt: skip
    return await _read(uow, opp)
