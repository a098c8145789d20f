"""REST adapter of the privacy domain: consents, disclosures, access grants, audit trail."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from zorgroute.core.deps import Uow
from zorgroute.core.http import DEFAULT_PAGE, Cursor, Limit, etag, version_from_if_match
from zorgroute.core.pagination import Page
from zorgroute.core.problem import problem_responses
from zorgroute.identity.deps import CurrentPrincipal
from zorgroute.privacy import service
from zorgroute.privacy.schemas import (
    AccessGrantCreate,
    AccessGrantRead,
    AuditEntry,
    ConsentCreate,
    ConsentRead,
    ConsentWithdraw,
    DisclosureCreate,
    DisclosureRead,
)

router = APIRouter(
    prefix="/api/v1", tags=["privacy"], responses=problem_responses(400, 401, 403, 404, 422)
)
IfMatch = Annotated[
    str | None, Header(pattern=r'^"v\d+"$', description='The ETag you read, e.g. "v1"')
]


@router.get("/students/{student_id}/consents", operation_id="privacy-list-consents")
async def list_consents(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[ConsentRead]:
    """The consent ledger of a student (toestemmingen), newest first, withdrawn ones included."""
    return await service.list_consents(uow, principal, student_id)


@router.post(
    "/students/{student_id}/consents", operation_id="privacy-record-consent", status_code=201
)
async def record_consent(
    student_id: uuid.UUID,
    data: ConsentCreate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> ConsentRead:
    """Record a decision of a parent with gezag or, from 16, of the student; `granted: false`
    records a refusal."""
    consent = await service.record_consent(uow, principal, student_id, data)
    response.headers["ETag"] = etag(consent.version)
    return consent


@router.post(
    "/consents/{consent_id}/withdraw",
    operation_id="privacy-withdraw-consent",
    responses=problem_responses(412, 428),
)
async def withdraw_consent(
    consent_id: uuid.UUID,
    data: ConsentWithdraw,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ConsentRead:
    """Withdraw a consent. It takes effect at once for new sharing and external access."""
    consent = await service.withdraw_consent(
        uow, principal, consent_id, version_from_if_match(if_match), data.note
    )
    response.headers["ETag"] = etag(consent.version)
    return consent


@router.get("/students/{student_id}/disclosures", operation_id="privacy-list-disclosures")
async def list_disclosures(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[DisclosureRead]:
    """With whom this student's data was shared (verstrekkingen), newest first."""
    return await service.list_disclosures(uow, principal, student_id)


@router.post("/students/{student_id}/disclosures", operation_id="privacy-disclose", status_code=201)
async def disclose(
    student_id: uuid.UUID, data: DisclosureCreate, uow: Uow, principal: CurrentPrincipal
) -> DisclosureRead:
    """Share data outside the class (care team, ZAT, SWV, a named organisation, the next
    school). Refused with `consent-missing` unless a valid consent covers it or a legal ground
    is given with an explanation."""
    return await service.disclose(uow, principal, student_id, data)


@router.post(
    "/students/{student_id}/access-grants",
    operation_id="privacy-grant-access",
    status_code=201,
)
async def grant_access(
    student_id: uuid.UUID, data: AccessGrantCreate, uow: Uow, principal: CurrentPrincipal
) -> AccessGrantRead:
    """Give an external partner time-boxed access to this student, resting on a consent."""
    return await service.grant_access(uow, principal, student_id, data)


@router.post("/access-grants/{grant_id}/revoke", operation_id="privacy-revoke-access")
async def revoke_access(
    grant_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> AccessGrantRead:
    return await service.revoke_access(uow, principal, grant_id)


@router.get("/students/{student_id}/audit-trail", operation_id="privacy-audit-trail")
async def audit_trail(
    student_id: uuid.UUID,
    uow: Uow,
    principal: CurrentPrincipal,
    action: Annotated[
        str | None,
        Query(max_length=100, pattern=r"^[a-z_.]+$", description="Start of an action"),
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, pattern=r"^[^\x00]+$", description="An actor id")
    ] = None,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
) -> Page[AuditEntry]:
    """Who looked at or changed this dossier, when, in which role, why (privacy officer and
    school leader). Oldest first."""
    return await service.audit_trail(uow, principal, student_id, action, actor, cursor, limit)
