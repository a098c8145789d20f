"""REST adapter of the inzage export: parse, call the service, return the document."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from zorgroute.core.deps import Uow
from zorgroute.core.problem import problem_responses
from zorgroute.identity.deps import CurrentPrincipal
from zorgroute.privacy import export
from zorgroute.privacy.export_schemas import StudentExport

router = APIRouter(
    prefix="/api/v1", tags=["privacy"], responses=problem_responses(400, 401, 403, 404, 422)
)


@router.get("/students/{student_id}/export", operation_id="privacy-export-student")
async def export_student(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> StudentExport:
    """Inzageverzoek (AVG art. 15): everything the school holds about one student — details,
    guardians, enrolments, notes, the HGW records (overview rows, results, signals, needs,
    meeting decisions, plan rows with the student's outcomes, IHPs, the OPP), the cases
    (zorgtrajecten), the gifted-education records (observations, applications, enrolments,
    keuze-uren, guidance periods, measurements, the support profile), consents, disclosures,
    access grants and the audit trail.
    For the school's privacy officer and school leader; every export is audited (inzage)."""
    return await export.export_student(uow, principal, student_id)


@router.get(
    "/students/{student_id}/export.pdf",
    operation_id="privacy-export-student-pdf",
    response_class=Response,
    responses={
        200: {
            "description": "The export as a Dutch PDF document",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
async def export_student_pdf(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> Response:
    """The same export as a readable Dutch PDF ("Inzageverzoek — overzicht van gegevens")."""
    pdf = await export.export_student_pdf(uow, principal, student_id)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="inzageverzoek.pdf"'},
    )
