"""REST adapter of the organisations domain."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from zorgroute.core.deps import Uow
from zorgroute.core.problem import problem_responses
from zorgroute.identity.deps import CurrentPrincipal
from zorgroute.organisations import service
from zorgroute.organisations.schemas import SchoolRead

router = APIRouter(
    prefix="/api/v1", tags=["organisations"], responses=problem_responses(401, 404, 422)
)


@router.get("/schools", operation_id="organisations-list-schools")
async def list_schools(uow: Uow, principal: CurrentPrincipal) -> list[SchoolRead]:
    """The schools I may work with."""
    return await service.list_schools(uow, principal)


@router.get("/schools/{school_id}", operation_id="organisations-get-school")
async def get_school(school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal) -> SchoolRead:
    return await service.get_school(uow, principal, school_id)
