"""Admissions (toelating): applications on the routes an offering allows, the committee's
decisions and its ordered waitlist. No IQ threshold, no selection on origin or sex."""

from __future__ import annotations

import uuid

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.schemas import (
    ApplicationCreate,
    ApplicationDecide,
    ApplicationQueue,
    ApplicationRead,
    ApplicationSubmit,
    ApplicationUpdate,
    WaitlistOrder,
)


async def create_application(
    uow: UnitOfWork, principal: Principal, data: ApplicationCreate
) -> ApplicationRead:
    raise NotImplementedError


async def get_application(
    uow: UnitOfWork, principal: Principal, application_id: uuid.UUID
) -> ApplicationRead:
    raise NotImplementedError


async def update_application(
    uow: UnitOfWork,
    principal: Principal,
    application_id: uuid.UUID,
    expected: int | None,
    data: ApplicationUpdate,
) -> ApplicationRead:
    raise NotImplementedError


async def submit(
    uow: UnitOfWork,
    principal: Principal,
    application_id: uuid.UUID,
    expected: int | None,
    data: ApplicationSubmit,
) -> ApplicationRead:
    raise NotImplementedError


async def withdraw(
    uow: UnitOfWork, principal: Principal, application_id: uuid.UUID, expected: int | None
) -> ApplicationRead:
    raise NotImplementedError


async def decide(
    uow: UnitOfWork,
    principal: Principal,
    application_id: uuid.UUID,
    expected: int | None,
    data: ApplicationDecide,
) -> ApplicationRead:
    raise NotImplementedError


async def queue(uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID) -> ApplicationQueue:
    raise NotImplementedError


async def order_waitlist(
    uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID, data: WaitlistOrder
) -> ApplicationQueue:
    raise NotImplementedError
