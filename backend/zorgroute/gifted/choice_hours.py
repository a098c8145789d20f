"""Keuze-uren: the school's policy and the students' requests, acknowledged by the subject
teacher, attendance marked, checked by the HB-specialist or mentor."""

from __future__ import annotations

import uuid
from datetime import date

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.schemas import (
    AttendanceIn,
    ChoiceHourCreate,
    ChoiceHourDecision,
    ChoiceHourPolicyRead,
    ChoiceHourPolicyWrite,
    ChoiceHourRead,
)


async def get_policy(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> ChoiceHourPolicyRead:
    raise NotImplementedError


async def put_policy(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    expected: int | None,
    data: ChoiceHourPolicyWrite,
) -> ChoiceHourPolicyRead:
    raise NotImplementedError


async def list_requests(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    *,
    mine: bool,
    student_id: uuid.UUID | None,
    from_date: date | None,
    to_date: date | None,
) -> list[ChoiceHourRead]:
    raise NotImplementedError


async def create_request(
    uow: UnitOfWork, principal: Principal, data: ChoiceHourCreate
) -> ChoiceHourRead:
    raise NotImplementedError


async def decide(
    uow: UnitOfWork,
    principal: Principal,
    request_id: uuid.UUID,
    expected: int | None,
    data: ChoiceHourDecision,
) -> ChoiceHourRead:
    raise NotImplementedError


async def mark_attendance(
    uow: UnitOfWork,
    principal: Principal,
    request_id: uuid.UUID,
    expected: int | None,
    data: AttendanceIn,
) -> ChoiceHourRead:
    raise NotImplementedError


async def check(
    uow: UnitOfWork, principal: Principal, request_id: uuid.UUID, expected: int | None
) -> ChoiceHourRead:
    raise NotImplementedError


async def cancel(
    uow: UnitOfWork, principal: Principal, request_id: uuid.UUID, expected: int | None
) -> ChoiceHourRead:
    raise NotImplementedError
