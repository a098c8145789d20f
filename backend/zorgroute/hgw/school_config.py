"""A school's HGW configuration (maatwerk per school) and its cycle periods."""

from __future__ import annotations

import uuid

from sqlalchemy import and_, or_, update
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Conflict, Forbidden, NotFound, ValidationFailed, require_version
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import CyclePeriod, GroupOverview, HgwSettings
from zorgroute.hgw.policies import SETTINGS_EDIT, school_staff_roles
from zorgroute.hgw.schemas import (
    CyclePeriodCreate,
    CyclePeriodRead,
    HgwSettingsRead,
    HgwSettingsUpdate,
    SignallingCriterion,
)
from zorgroute.organisations.models import SchoolYear
from zorgroute.plans.models import GroupPlan

DEFAULTS = HgwSettingsUpdate(
    cycles_per_year=3,
    cycle_a=True,
    cycle_b=False,
    plan_style="group_plan",
    meeting_form="with_mentor",
    seo_instrument="Schoolvragenlijst (SVL)",
    seo_categories=["Welbevinden", "Motivatie", "Zelfbeeld", "Sociaal gedrag"],
    test_domains=["TL", "BL", "SP", "RK"],
)
PERIOD_NOT_FOUND = "There is no cycle period with this id that you may see."


def settings_read(school_id: uuid.UUID, s: HgwSettingsUpdate, version: int) -> HgwSettingsRead:
    return HgwSettingsRead(
        school_id=school_id,
        cycles_per_year=s.cycles_per_year,
        cycle_a=s.cycle_a,
        cycle_b=s.cycle_b,
        plan_style=s.plan_style,
        meeting_form=s.meeting_form,
        seo_instrument=s.seo_instrument,
        seo_categories=list(s.seo_categories),
        test_domains=list(s.test_domains),
        signalling_criteria=list(s.signalling_criteria),
        work_attitude_column=s.work_attitude_column,
        direct_zat_from_group_meeting=s.direct_zat_from_group_meeting,
        version=version,
    )


async def effective_settings(
    uow: UnitOfWork, school_id: uuid.UUID
) -> tuple[HgwSettingsUpdate, int]:
    """The saved settings, or the defaults (version 0) when the school has not chosen yet."""
    row = await uow.first(select(HgwSettings).where(HgwSettings.school_id == school_id))
    if row is None:
        return DEFAULTS, 0
    return (
        HgwSettingsUpdate(
            cycles_per_year=row.cycles_per_year,
            cycle_a=row.cycle_a,
            cycle_b=row.cycle_b,
            plan_style=row.plan_style,
            meeting_form=row.meeting_form,
            seo_instrument=row.seo_instrument,
            seo_categories=row.seo_categories,
            test_domains=row.test_domains,
            signalling_criteria=[SignallingCriterion(**c) for c in row.signalling_criteria],
            work_attitude_column=row.work_attitude_column,
            direct_zat_from_group_meeting=row.direct_zat_from_group_meeting,
        ),
        row.version,
    )


async def get_settings(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> HgwSettingsRead:
    school_staff_roles(principal, school_id)
    found, version = await effective_settings(uow, school_id)
    return settings_read(school_id, found, version)


async def put_settings(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    expected_version: int | None,
    data: HgwSettingsUpdate,
) -> HgwSettingsRead:
    if not school_staff_roles(principal, school_id) & SETTINGS_EDIT:
        raise Forbidden("The team leader, school leader or care coordinator sets the HGW cycle.")
    row = await uow.first(
        select(HgwSettings).where(HgwSettings.school_id == school_id).with_for_update()
    )
    require_version(row.version if row else 0, expected_version, "HGW configuration")
    values = data.model_dump()
    if row is None:
        row = HgwSettings(school_id=school_id, **values)
        uow.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.version += 1
        row.updated_at = utcnow()
    await uow.flush()
    uow.audit("hgw_settings.update", "hgw_settings", row.id, school_id)
    return settings_read(school_id, data, row.version)


async def _period_reads(uow: UnitOfWork, periods: list[CyclePeriod]) -> list[CyclePeriodRead]:
    years = {
        y.id: y.name
        for y in await uow.scalars(
            select(SchoolYear).where(col(SchoolYear.id).in_({p.school_year_id for p in periods}))
        )
    }
    return [
        CyclePeriodRead(
            id=p.id,
            school_year_id=p.school_year_id,
            school_year=years[p.school_year_id],
            sequence=p.sequence,
            name=p.name,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            archived_at=p.archived_at,
        )
        for p in periods
    ]


async def list_periods(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> list[CyclePeriodRead]:
    school_staff_roles(principal, school_id)
    periods = await uow.scalars(
        select(CyclePeriod)
        .where(CyclePeriod.school_id == school_id)
        .order_by(col(CyclePeriod.starts_on).desc())
    )
    return await _period_reads(uow, periods)


async def create_period(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, data: CyclePeriodCreate
) -> CyclePeriodRead:
    if not school_staff_roles(principal, school_id) & SETTINGS_EDIT:
        raise Forbidden("The team leader, school leader or care coordinator plans the cycles.")
    year = await uow.first(
        select(SchoolYear).where(
            SchoolYear.id == data.school_year_id, SchoolYear.school_id == school_id
        )
    )
    if year is None:
        raise ValidationFailed(
            "This school has no such school year.",
            errors=[{"pointer": "/school_year_id", "detail": "Unknown school year"}],
        )
    settings, _ = await effective_settings(uow, school_id)
    if data.sequence > settings.cycles_per_year:
        raise ValidationFailed(
            f"The school runs {settings.cycles_per_year} cycles a year.",
            errors=[{"pointer": "/sequence", "detail": "Higher than the cycles per year"}],
        )
    if not (year.starts_on <= data.starts_on and data.ends_on <= year.ends_on):
        raise ValidationFailed(
            "A cycle period lies within its school year.",
            errors=[{"pointer": "/starts_on", "detail": "Outside the school year"}],
        )
    clash = await uow.first(
        select(CyclePeriod.id).where(
            CyclePeriod.school_id == school_id,
            CyclePeriod.school_year_id == data.school_year_id,
            or_(
                col(CyclePeriod.sequence) == data.sequence,
                and_(
                    col(CyclePeriod.starts_on) <= data.ends_on,
                    col(CyclePeriod.ends_on) >= data.starts_on,
                ),
            ),
        )
    )
    if clash is not None:
        raise Conflict("This school year already has that cycle, or one overlapping these dates.")
    period = CyclePeriod(school_id=school_id, **data.model_dump())
    uow.add(period)
    await uow.flush()
    uow.audit("cycle_period.create", "cycle_period", period.id, school_id)
    return (await _period_reads(uow, [period]))[0]


async def archive_period(
    uow: UnitOfWork, principal: Principal, period_id: uuid.UUID
) -> CyclePeriodRead:
    period = await uow.first(
        select(CyclePeriod)
        .where(CyclePeriod.id == period_id, col(CyclePeriod.school_id).in_(principal.school_ids))
        .with_for_update()
    )
    if period is None:
        raise NotFound(PERIOD_NOT_FOUND)
    if not school_staff_roles(principal, period.school_id) & SETTINGS_EDIT:
        raise Forbidden("The team leader, school leader or care coordinator closes a cycle.")
    if period.archived_at is not None:
        raise Conflict("This cycle period is already archived.")
    open_plans = await uow.scalars(
        select(GroupPlan.id)
        .join(GroupOverview, col(GroupOverview.id) == GroupPlan.overview_id)
        .where(
            GroupOverview.cycle_period_id == period_id,
            col(GroupPlan.status).not_in(("evaluated", "archived")),
        )
    )
    if open_plans:
        raise ValidationFailed(
            "Every group plan of the cycle is evaluated before the cycle is archived.",
            unevaluated_plan_ids=[str(i) for i in open_plans],
        )
    now = utcnow()
    period.archived_at = now
    await uow.execute(
        update(GroupOverview)
        .where(col(GroupOverview.cycle_period_id) == period_id)
        .values(status="archived", updated_at=now, version=GroupOverview.version + 1)
    )
    await uow.execute(
        update(GroupPlan)
        .where(
            col(GroupPlan.overview_id).in_(
                select(GroupOverview.id).where(GroupOverview.cycle_period_id == period_id)
            ),
            col(GroupPlan.status) == "evaluated",
        )
        .values(status="archived", archived_at=now, updated_at=now, version=GroupPlan.version + 1)
    )
    uow.audit("cycle_period.archive", "cycle_period", period.id, period.school_id)
    return (await _period_reads(uow, [period]))[0]
