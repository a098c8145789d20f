"""Who may handle consents, disclosures, access grants and the audit trail of a student.
Decisions per student (the lists are always of one student's records). Deny by default."""

from __future__ import annotations

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden
from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.roster.models import Enrolment, Student
from zorgroute.roster.policies import mentored_students

# Record and withdraw consents: the care roles, leadership, and the student's mentor (who holds
# the parent conversations).
CONSENT_WRITE = roles.CARE | roles.LEADERSHIP
# Read the consent ledger: the writers, and the privacy officer.
CONSENT_READ = CONSENT_WRITE | {roles.PRIVACY_OFFICER}
# Share data outside the school (or with the care team): care coordination and leadership.
DISCLOSE = roles.CARE | roles.LEADERSHIP
DISCLOSURE_READ = DISCLOSE | {roles.PRIVACY_OFFICER}
# Give an external partner time-boxed access to one student.
GRANT_ACCESS = frozenset({"intern_begeleider", "zorgcoordinator", *roles.LEADERSHIP})
# "Who looked at this dossier, when, why" and the inzage export.
AUDIT_READ = frozenset({roles.PRIVACY_OFFICER, "school_leader"})
EXPORT = AUDIT_READ
# The school's retention terms and legal holds (docs/inzage-and-retention.md).
RETENTION_MANAGE = AUDIT_READ


async def is_mentor_of(uow: UnitOfWork, principal: Principal, student: Student) -> bool:
    staff_id = principal.staff_member_ids.get(student.school_id)
    if staff_id is None or "mentor" not in principal.roles_at(student.school_id):
        return False
    mentored = mentored_students(staff_id).where(Enrolment.student_id == student.id)
    return await uow.first(mentored) is not None


async def require(
    uow: UnitOfWork,
    principal: Principal,
    student: Student,
    allowed: frozenset[str],
    what: str,
    mentor_too: bool = False,
) -> None:
    """Raise 403 unless a role at the student's school (or mentorship) allows `what`."""
    if principal.kind == "user" and principal.roles_at(student.school_id) & allowed:
        return
    if mentor_too and await is_mentor_of(uow, principal, student):
        return
    raise Forbidden(f"Your role at this school does not allow you to {what}.")
