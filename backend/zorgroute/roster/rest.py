"""REST adapter of the roster domain: parse, call the service, return the read model."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from zorgroute.core.deps import Uow
from zorgroute.core.http import DEFAULT_PAGE, Cursor, Limit, etag, version_from_if_match
from zorgroute.core.pagination import Page
from zorgroute.core.problem import problem_responses
from zorgroute.identity.deps import CurrentPrincipal
from zorgroute.roster import service, sync
from zorgroute.roster.schemas import (
    GroupDetail,
    GroupRead,
    RosterSyncRequest,
    RosterSyncResult,
    StaffRead,
    StudentListItem,
    StudentRead,
    StudentUpdate,
)

router = APIRouter(
    prefix="/api/v1", tags=["roster"], responses=problem_responses(400, 401, 403, 404, 422)
)


@router.get("/schools/{school_id}/groups", operation_id="roster-list-groups")
async def list_groups(
    school_id: uuid.UUID,
    uow: Uow,
    principal: CurrentPrincipal,
    school_year: Annotated[str | None, Query(pattern=r"^\d{4}-\d{4}$")] = None,
    mine: Annotated[
        bool, Query(description="Only the groups I am mentor or teacher of (mijn groepen)")
    ] = False,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
) -> Page[GroupRead]:
    """Groups (klassen/groepen) of a school, by name, with their mentors and student count."""
    return await service.list_groups(uow, principal, school_id, school_year, mine, cursor, limit)


@router.get("/groups/{group_id}", operation_id="roster-get-group")
async def get_group(group_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal) -> GroupDetail:
    """A group with its mentor(s) and teachers."""
    return await service.get_group(uow, principal, group_id)


@router.get("/schools/{school_id}/staff", operation_id="roster-list-staff")
async def list_staff(
    school_id: uuid.UUID,
    uow: Uow,
    principal: CurrentPrincipal,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
) -> Page[StaffRead]:
    return await service.list_staff(uow, principal, school_id, cursor, limit)


@router.get("/schools/{school_id}/students", operation_id="roster-list-students")
async def list_students(
    school_id: uuid.UUID,
    uow: Uow,
    principal: CurrentPrincipal,
    name: Annotated[
        str | None,
        Query(min_length=1, max_length=100, pattern=r"^[^\x00]+$", description="Start of a name"),
    ] = None,
    group_id: uuid.UUID | None = None,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
) -> Page[StudentListItem]:
    """Students I may see, sorted by family name (tussenvoegsel ignored): all of the school for
    care and leadership roles, the students of my groups for mentors and teachers."""
    return await service.list_students(uow, principal, school_id, name, group_id, cursor, limit)


@router.get("/students/{student_id}", operation_id="roster-get-student")
async def get_student(
    student_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> StudentRead:
    """A student with guardians and enrolments. The ETag is the version for If-Match."""
    student = await service.get_student(uow, principal, student_id)
    response.headers["ETag"] = etag(student.version)
    return student


@router.patch(
    "/students/{student_id}",
    operation_id="roster-update-student",
    responses=problem_responses(412, 428),
)
async def update_student(
    student_id: uuid.UUID,
    changes: StudentUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: Annotated[
        str | None, Header(pattern=r'^"v\d+"$', description='The ETag you read, e.g. "v3"')
    ] = None,
) -> StudentRead:
    """Correct a student's details; send If-Match with the ETag you read."""
    student = await service.update_student(
        uow, principal, student_id, version_from_if_match(if_match), changes
    )
    response.headers["ETag"] = etag(student.version)
    return student


@router.post(
    "/schools/{school_id}/roster:sync",
    operation_id="roster-sync",
    response_model=RosterSyncResult,
    responses=problem_responses(409),
)
async def roster_sync(
    school_id: uuid.UUID,
    request: Request,
    payload: Annotated[RosterSyncRequest, Body()],
    uow: Uow,
    principal: CurrentPrincipal,
    idempotency_key: Annotated[
        str, Header(min_length=1, max_length=200, description="A fresh UUID per logical request")
    ],
) -> Any:
    """LVS bulk upsert of students, guardians, groups, staff, enrolments and assignments.

    Keyed on (source, external_id); requires an Idempotency-Key (a repeat replays the first
    answer with `Idempotent-Replayed: true`; a different body with the same key is a 422).
    Newer source data wins; each row gets created/updated/unchanged/rejected.
    """
    status, body, replayed = await sync.sync_roster_idempotent(
        uow, principal, school_id, payload, await request.json(), idempotency_key
    )
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    return JSONResponse(body, status_code=status, headers=headers)
