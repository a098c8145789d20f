"""The offerings catalogue (onderwijsaanbod) of a school and the regional (bovenschoolse)
offerings of its SWV."""

from __future__ import annotations

import uuid

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.schemas import (
    OfferingCatalogue,
    OfferingRead,
    OfferingWrite,
)


async def catalogue(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, *, include_archived: bool = False
) -> OfferingCatalogue:
    raise NotImplementedError


async def create_offering(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, data: OfferingWrite
) -> OfferingRead:
    raise NotImplementedError


async def get_offering(
    uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID
) -> OfferingRead:
    raise NotImplementedError


async def update_offering(
    uow: UnitOfWork,
    principal: Principal,
    offering_id: uuid.UUID,
    expected: int | None,
    data: OfferingWrite,
) -> OfferingRead:
    raise NotImplementedError
