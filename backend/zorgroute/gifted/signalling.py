"""Signalling instruments: the classroom observation, the student's self-assessment and the
needs intake, and the student's gifted page (the instruments side by side)."""

from __future__ import annotations

import uuid

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.schemas import (
    GiftedVocabulary,
    IntakeSectionIn,
    NeedsIntakeRead,
    ObservationIn,
    ObservationRead,
    SelfAssessmentIn,
    SelfAssessmentRead,
    StudentGifted,
)


def vocabulary() -> GiftedVocabulary:
    raise NotImplementedError


async def student_gifted(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> StudentGifted:
    raise NotImplementedError


async def record_observation(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: ObservationIn
) -> ObservationRead:
    raise NotImplementedError


async def get_observation(
    uow: UnitOfWork, principal: Principal, observation_id: uuid.UUID
) -> ObservationRead:
    raise NotImplementedError


async def record_self_assessment(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: SelfAssessmentIn
) -> SelfAssessmentRead:
    raise NotImplementedError


async def create_intake(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> NeedsIntakeRead:
    raise NotImplementedError


async def get_intake(
    uow: UnitOfWork, principal: Principal, intake_id: uuid.UUID
) -> NeedsIntakeRead:
    raise NotImplementedError


async def write_intake_section(
    uow: UnitOfWork,
    principal: Principal,
    intake_id: uuid.UUID,
    informant: str,
    expected: int | None,
    data: IntakeSectionIn,
) -> NeedsIntakeRead:
    raise NotImplementedError
