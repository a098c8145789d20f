"""REST adapter of retention: a school's terms (bewaartermijnen) and legal holds."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from zorgroute.core.deps import Uow
from zorgroute.core.problem import problem_responses
from zorgroute.identity.deps import CurrentPrincipal
from zorgroute.privacy import retention_service as service
from zorgroute.privacy.retention_schemas import (
    LegalHoldCreate,
    LegalHoldRead,
    RecordType,
    RetentionPolicyRead,
    RetentionTermRead,
    RetentionTermUpdate,
)

router = APIRouter(
    prefix="/api/v1", tags=["privacy"], responses=problem_responses(400, 401, 403, 404, 422)
)


@router.get("/schools/{school_id}/retention-policy", operation_id="privacy-get-retention-policy")
async def get_retention_policy(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> RetentionPolicyRead:
    """The term in force per record type: the school's own or the documented default
    (`is_default`). For the school's privacy officer and school leader."""
    return await service.get_policy(uow, principal, school_id)


@router.put(
    "/schools/{school_id}/retention-policy/{record_type}",
    operation_id="privacy-set-retention-term",
)
async def set_retention_term(
    school_id: uuid.UUID,
    record_type: RecordType,
    data: RetentionTermUpdate,
    uow: Uow,
    principal: CurrentPrincipal,
) -> RetentionTermRead:
    """Set the school's own term for one record type (1-30 years after leaving). Setting the
    same value again changes nothing but the version: the request is idempotent."""
    return await service.set_term(
        uow, principal, school_id, record_type, data.keep_years_after_leaving
    )


@router.get("/students/{student_id}/legal-holds", operation_id="privacy-list-legal-holds")
async def list_legal_holds(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[LegalHoldRead]:
    """The legal holds of a student, newest first, lifted ones included."""
    return await service.list_holds(uow, principal, student_id)


@router.post(
    "/students/{student_id}/legal-holds",
    operation_id="privacy-place-legal-hold",
    status_code=201,
)
async def place_legal_hold(
    student_id: uuid.UUID, data: LegalHoldCreate, uow: Uow, principal: CurrentPrincipal
) -> LegalHoldRead:
    """Place a legal hold: while it is active, nothing about the student is removed."""
    return await service.place_hold(uow, principal, student_id, data.reason)


@router.post("/legal-holds/{hold_id}/lift", operation_id="privacy-lift-legal-hold")
async def lift_legal_hold(
    hold_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> LegalHoldRead:
    """Lift a legal hold; lifting it again changes nothing."""
    return await service.lift_hold(uow, principal, hold_id)
