"""Impact: repeated measurements (T0, T1, ...) of IMAGE's constructs per student, and per
offering the participants' change, descriptive and not causal, with small cells suppressed."""

from __future__ import annotations

import uuid

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.schemas import (
    MeasurementIn,
    MeasurementRead,
    OfferingImpact,
)


async def record_measurement(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: MeasurementIn
) -> MeasurementRead:
    raise NotImplementedError


async def offering_impact(
    uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID
) -> OfferingImpact:
    raise NotImplementedError
