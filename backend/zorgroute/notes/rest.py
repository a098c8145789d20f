"""REST adapter of student notes."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from zorgroute.core.deps import Uow
from zorgroute.core.problem import problem_responses
from zorgroute.identity.deps import CurrentPrincipal
from zorgroute.notes import service
from zorgroute.notes.schemas import NoteCreate, NoteRead

router = APIRouter(
    prefix="/api/v1", tags=["notes"], responses=problem_responses(400, 401, 403, 404, 422)
)


@router.get("/students/{student_id}/notes", operation_id="notes-list")
async def list_notes(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[NoteRead]:
    """Notes about a student that you may read (leerlingnotities), newest first. Care, home
    situation and diagnosis notes are only for the mentor, care and leadership roles."""
    return await service.list_notes(uow, principal, student_id)


@router.post("/students/{student_id}/notes", operation_id="notes-create", status_code=201)
async def create_note(
    student_id: uuid.UUID, data: NoteCreate, uow: Uow, principal: CurrentPrincipal
) -> NoteRead:
    """Record a note. You may write the categories you may read; external partners only read."""
    return await service.create_note(uow, principal, student_id, data)
