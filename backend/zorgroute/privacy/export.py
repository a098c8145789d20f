"""Inzageverzoek (AVG art. 15): a privacy officer or school leader exports everything the
school holds about one student, as JSON or as a readable Dutch PDF: details, guardians,
enrolments, notes, the records of the HGW cycle and plans (export_support), the cases of the
case routing (export_cases), the records of gifted education (export_gifted), consents,
disclosures, access grants, legal holds and the audit trail.

Who may: `privacy_officer` and `school_leader` at the student's school (policies.EXPORT). A
student of a school where the caller has no membership, or one the caller may not see
through the roster's rules, is a 404 with the roster's message; a student the caller can see
without one of these roles is a 403. Every export is audited in the export's own transaction
(action `student.export`, purpose `inzage`).
"""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Literal

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.organisations import repository as org_repo
from zorgroute.privacy import export_repository as repo
from zorgroute.privacy import policies
from zorgroute.privacy.export_cases import cases_export
from zorgroute.privacy.export_gifted import gifted_export
from zorgroute.privacy.export_pdf import render_export_pdf
from zorgroute.privacy.export_schemas import (
    ExportAccessGrant,
    ExportAuditEvent,
    ExportConsent,
    ExportDisclosure,
    ExportEnrolment,
    ExportExternalId,
    ExportGuardian,
    ExportLegalHold,
    ExportNote,
    ExportStaffName,
    ExportStudent,
    StudentExport,
)
from zorgroute.privacy.export_support import support_export
from zorgroute.roster import policies as roster_policies
from zorgroute.roster import repository as roster_repo
from zorgroute.roster.models import PersonName
from zorgroute.roster.service import STUDENT_NOT_FOUND

EXPORT_PURPOSE = "inzage"

Format = Literal["json", "pdf"]


async def _authorize(uow: UnitOfWork, principal: Principal, student_id: uuid.UUID) -> uuid.UUID:
    """The student's school, once the caller may export there; else NotFound or Forbidden."""
    # Only the caller's own schools are searched: elsewhere the student does not exist.
    school_id = await repo.student_school(uow, student_id, principal.school_ids)
    if school_id is None:
        raise NotFound(STUDENT_NOT_FOUND)
    if principal.kind == "user" and principal.roles_at(school_id) & policies.EXPORT:
        return school_id
    # Without the role: a student the roster shows you is a 403, any other stays a 404.
    if await roster_repo.student(uow, student_id, roster_policies.student_filter(principal)):
        raise Forbidden(
            "Only the school's privacy officer or school leader may export a student's data."
        )
    raise NotFound(STUDENT_NOT_FOUND)


async def export_student(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, fmt: Format = "json"
) -> StudentExport:
    school_id = await _authorize(uow, principal, student_id)
    student = await repo.student_of_school(uow, student_id, school_id)
    school = await repo.school(uow, school_id)
    if student is None or school is None:  # removed between the two queries
        raise NotFound(STUDENT_NOT_FOUND)

    refs = await roster_repo.external_refs(uow, [student.id])
    guardians = await roster_repo.guardians_of_students(uow, [student.id])
    enrolments = await roster_repo.enrolments_of_students(uow, [student.id])
    assignments = await roster_repo.assignments_of_groups(uow, [g.id for _, g in enrolments])
    years = {y.id: y.name for y in await org_repo.school_years(uow, [school_id])}
    notes = await repo.notes(uow, school_id, student.id)
    support = await support_export(uow, school_id, student.id)
    cases = await cases_export(uow, school_id, student.id)
    gifted = await gifted_export(uow, school_id, student.id)
    consents = await repo.consents(uow, school_id, student.id)
    disclosures = await repo.disclosures(uow, school_id, student.id)
    grants = await repo.access_grants(uow, school_id, student.id)
    holds = await repo.legal_holds(uow, school_id, student.id)
    trail = await repo.audit_trail(uow, school_id, student.id)
    names = await repo.account_names(uow, sorted(_user_ids(e.actor_id for e in trail)))

    staff_by_group: dict[uuid.UUID, list[ExportStaffName]] = defaultdict(list)
    for a, s in assignments:
        staff_by_group[a.group_id].append(
            ExportStaffName(
                role=a.role,
                subject=a.subject or None,
                given_name=s.given_name,
                infix=s.infix,
                family_name=s.family_name,
            )
        )

    export = StudentExport(
        generated_at=utcnow(),
        generated_by=principal.display_name,
        school_id=school.id,
        school_name=school.name,
        student=ExportStudent(
            id=student.id,
            given_name=student.given_name,
            preferred_name=student.preferred_name,
            infix=student.infix,
            family_name=student.family_name,
            date_of_birth=student.date_of_birth,
            eck_id=student.eck_id,
            external_ids=[
                ExportExternalId(source=r.source, external_id=r.external_id) for r in refs
            ],
            created_at=student.created_at,
            updated_at=student.updated_at,
        ),
        guardians=[
            ExportGuardian(
                given_name=g.given_name,
                infix=g.infix,
                family_name=g.family_name,
                relation=link.relation,
                parental_authority=link.parental_authority,
            )
            for link, g in guardians
        ],
        enrolments=sorted(
            (
                ExportEnrolment(
                    group_name=g.name,
                    group_kind=g.kind,
                    grade=g.grade,
                    track=g.track,
                    subject=g.subject,
                    school_year=years.get(g.school_year_id, ""),
                    start_date=e.start_date,
                    end_date=e.end_date,
                    staff=staff_by_group.get(g.id, []),
                )
                for e, g in enrolments
            ),
            key=lambda e: (e.school_year, e.group_kind, e.group_name),
        ),
        notes=[
            ExportNote(
                id=n.id,
                category=n.category,
                subject=n.subject,
                body=n.body,
                author_name=n.author_name,
                created_at=n.created_at,
                updated_at=n.updated_at,
            )
            for n in notes
        ],
        support=support,
        cases=cases,
        gifted=gifted,
        consents=[
            ExportConsent(
                id=c.id,
                purpose=c.purpose,
                recipient=c.recipient,
                granted=c.granted,
                given_by=c.given_by,
                guardian_name=PersonName.display(g.given_name, g.infix, g.family_name)
                if g
                else None,
                method=c.method,
                given_on=c.given_on,
                note=c.note,
                recorded_by=c.recorded_by,
                withdrawn_at=c.withdrawn_at,
                withdrawn_by=c.withdrawn_by,
                withdrawal_note=c.withdrawal_note,
            )
            for c, g in consents
        ],
        disclosures=[
            ExportDisclosure(
                id=d.id,
                recipient_kind=d.recipient_kind,
                recipient_name=d.recipient_name,
                purpose=d.purpose,
                basis="consent" if d.consent_id else (d.legal_ground or ""),
                consent_id=d.consent_id,
                legal_ground=d.legal_ground,
                explanation=d.explanation,
                data_categories=list(d.data_categories),
                disclosed_at=d.created_at,
                disclosed_by=d.disclosed_by,
            )
            for d in disclosures
        ],
        access_grants=[
            ExportAccessGrant(
                id=g.id,
                partner_name=partner,
                purpose=g.purpose,
                valid_from=g.valid_from,
                valid_until=g.valid_until,
                granted_by=g.granted_by,
                revoked_at=g.revoked_at,
            )
            for g, partner in grants
        ],
        legal_holds=[
            ExportLegalHold(
                id=h.id,
                reason=h.reason,
                placed_by=h.placed_by,
                placed_at=h.created_at,
                lifted_at=h.lifted_at,
                lifted_by=h.lifted_by,
            )
            for h in holds
        ],
        audit_trail=[
            ExportAuditEvent(
                occurred_at=e.occurred_at,
                actor_id=e.actor_id,
                actor_name=names.get(uid) if (uid := _user_id(e.actor_id)) else None,
                actor_role=e.actor_role,
                action=e.action,
                purpose=e.purpose,
            )
            for e in trail
        ],
    )
    uow.audit(
        "student.export", "student", student.id, school_id, {"format": fmt}, purpose=EXPORT_PURPOSE
    )
    return export


async def export_student_pdf(uow: UnitOfWork, principal: Principal, student_id: uuid.UUID) -> bytes:
    export = await export_student(uow, principal, student_id, "pdf")
    # Rendering is CPU work of a few hundred milliseconds at most: off the event loop.
    return await asyncio.to_thread(render_export_pdf, export)


def _user_id(actor_id: str | None) -> uuid.UUID | None:
    """The account id in an audit actor id of the form `user:<uuid>`."""
    if actor_id is None or not actor_id.startswith("user:"):
        return None
    try:
        return uuid.UUID(actor_id.removeprefix("user:"))
    except ValueError:
        return None


def _user_ids(actor_ids: Iterable[str | None]) -> set[uuid.UUID]:
    return {uid for a in actor_ids if (uid := _user_id(a)) is not None}
