"""Guidance periods (begeleidingsperiode) along the seven-phase teacher-student consultation,
with the student's portfolio goals and the progress check-ins."""

from __future__ import annotations

import uuid

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.schemas import (
    CheckinIn,
    GuidanceCreate,
    GuidanceRead,
    GuidanceUpdate,
    MonitoringNoteIn,
    PhaseIn,
)


async def create_period(
    uow: UnitOfWork, principal: Principal, data: GuidanceCreate
) -> GuidanceRead:
    raise NotImplementedError


async def get_period(uow: UnitOfWork, principal: Principal, period_id: uuid.UUID) -> GuidanceRead:
    raise NotImplementedError


async def update_period(
    uow: UnitOfWork,
    principal: Principal,
    period_id: uuid.UUID,
    expected: int | None,
    data: GuidanceUpdate,
) -> GuidanceRead:
    raise NotImplementedError


async def advance(
    uow: UnitOfWork, principal: Principal, period_id: uuid.UUID, expected: int | None, data: PhaseIn
) -> GuidanceRead:
    raise NotImplementedError


async def add_monitoring(
    uow: UnitOfWork,
    principal: Principal,
    period_id: uuid.UUID,
    expected: int | None,
    data: MonitoringNoteIn,
) -> GuidanceRead:
    raise NotImplementedError


async def add_checkin(
    uow: UnitOfWork,
    principal: Principal,
    period_id: uuid.UUID,
    expected: int | None,
    data: CheckinIn,
) -> GuidanceRead:
    raise NotImplementedError


async def close_period(
    uow: UnitOfWork, principal: Principal, period_id: uuid.UUID, expected: int | None
) -> GuidanceRead:
    raise NotImplementedError
