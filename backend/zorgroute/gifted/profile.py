"""The restricted support profile (dubbel bijzonder), complex gifted cases into the case
routing, and the HB-specialist's overview of the school."""

from __future__ import annotations

import uuid

from zorgroute.cases.schemas import CaseRead
from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.schemas import (
    GiftedCaseIn,
    GiftedOverview,
    SupportProfileRead,
    SupportProfileWrite,
)


async def get_profile(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> SupportProfileRead:
    raise NotImplementedError


async def put_profile(
    uow: UnitOfWork,
    principal: Principal,
    student_id: uuid.UUID,
    expected: int | None,
    data: SupportProfileWrite,
) -> SupportProfileRead:
    raise NotImplementedError


async def open_gifted_case(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: GiftedCaseIn
) -> CaseRead:
    raise NotImplementedError


async def overview(uow: UnitOfWork, principal: Principal, school_id: uuid.UUID) -> GiftedOverview:
    raise NotImplementedError
