"""Enrolments (deelname): goals, reviews, the plan for the regular class, stamschool
agreements and the exit."""

from __future__ import annotations

import uuid

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.schemas import (
    EnrolmentCreate,
    EnrolmentRead,
    EnrolmentUpdate,
    ExitIn,
    ReviewIn,
)


async def enrol(uow: UnitOfWork, principal: Principal, data: EnrolmentCreate) -> EnrolmentRead:
    raise NotImplementedError


async def get_enrolment(
    uow: UnitOfWork, principal: Principal, enrolment_id: uuid.UUID
) -> EnrolmentRead:
    raise NotImplementedError


async def update_enrolment(
    uow: UnitOfWork,
    principal: Principal,
    enrolment_id: uuid.UUID,
    expected: int | None,
    data: EnrolmentUpdate,
) -> EnrolmentRead:
    raise NotImplementedError


async def review(
    uow: UnitOfWork,
    principal: Principal,
    enrolment_id: uuid.UUID,
    expected: int | None,
    data: ReviewIn,
) -> EnrolmentRead:
    raise NotImplementedError


async def exit_enrolment(
    uow: UnitOfWork,
    principal: Principal,
    enrolment_id: uuid.UUID,
    expected: int | None,
    data: ExitIn,
) -> EnrolmentRead:
    raise NotImplementedError


async def for_offering(
    uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID, status: str | None
) -> list[EnrolmentRead]:
    raise NotImplementedError
