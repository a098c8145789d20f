"""Who may see and do what in case routing. The mentor and teachers stay owners of their
student's case; care, HB and leadership staff work on every case of their school; an external
partner sees a case only through a time-boxed case grant resting on a valid consent. Which
route step someone may take is the route's table (roles and relations); this module says who
they are to the case. Deny by default: another school's case is not found."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, or_, true
from sqlmodel import col, select

from zorgroute.cases.models import CareCase
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound, invalid
from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import MeetingDecision
from zorgroute.hgw.policies import StudentAccess, student_access
from zorgroute.identity.models import SchoolMembership
from zorgroute.privacy.models import AccessGrant
from zorgroute.roster.models import Enrolment, StaffMember, TeachingAssignment
from zorgroute.roster.policies import active_grants, mentored_students

CASE_NOT_FOUND = "There is no case with this id that you may see."
# School-wide: every case of the school.
WORK = roles.CARE | roles.GIFTED | roles.LEADERSHIP
# Adapt the school's routes (maatwerk per school).
ROUTE_ADMIN = frozenset({"intern_begeleider", "zorgcoordinator", *roles.LEADERSHIP})
# Give an external partner a case grant.
GRANT = frozenset({"intern_begeleider", "zorgcoordinator", *roles.LEADERSHIP})


@dataclass(frozen=True)
class CaseAccess:
    sa: StudentAccess
    coordinator: bool
    registrant: bool
    case_granted: bool  # an external partner with a valid grant on this case

    @property
    def school_roles(self) -> frozenset[str]:
        return self.sa.school_roles

    def route_roles(self) -> frozenset[str]:
        """The names a transition table's `roles` are matched against."""
        names = set(self.school_roles - {roles.EXTERNAL, roles.INTEGRATION})
        names |= {"mentor_of_student"} if self.sa.mentor else set()
        names |= {"teacher_of_student"} if self.sa.teaches else set()
        names |= {"coordinator"} if self.coordinator else set()
        names |= {"registrant"} if self.registrant else set()
        return frozenset(names)

    def reads(self) -> bool:
        return (
            self.sa.mentor
            or self.sa.teaches
            or self.coordinator
            or self.registrant
            or self.case_granted
            or bool(self.school_roles & WORK)
        )

    def writes(self) -> bool:
        """Edit the case file, record conversations and minutes, plan interventions."""
        return (
            self.sa.mentor or self.coordinator or self.registrant or bool(self.school_roles & WORK)
        )

    def sees_restricted(self) -> bool:
        """Home situation, diagnoses, conversation summaries."""
        return (
            self.sa.mentor
            or self.coordinator
            or self.case_granted
            or bool(self.school_roles & WORK)
        )


async def _case_granted(uow: UnitOfWork, principal: Principal, case_id: uuid.UUID) -> bool:
    if principal.user_id is None:
        return False
    grants = active_grants(principal.user_id).where(AccessGrant.case_id == case_id)
    return await uow.first(grants) is not None


def visible_cases(principal: Principal, school_id: uuid.UUID) -> ColumnElement[bool]:
    """The list filter of `CaseAccess.reads` for lists of a school's cases (board, dashboard):
    care, HB and leadership see every case; staff the cases of students they teach or mentor,
    the cases they coordinate or registered. External partners never get a list (404 there)."""
    if principal.roles_at(school_id) & WORK:
        return true()
    staff_id = principal.staff_member_ids.get(school_id)
    if staff_id is None:
        return false()
    taught = (
        select(Enrolment.student_id)
        .join(TeachingAssignment, col(TeachingAssignment.group_id) == Enrolment.group_id)
        .where(TeachingAssignment.staff_member_id == staff_id)
    )
    return or_(
        col(CareCase.student_id).in_(taught),
        col(CareCase.coordinator_staff_id) == staff_id,
        col(CareCase.registrant_user_id) == principal.user_id,
    )


def registers_from_meeting(principal: Principal, school_id: uuid.UUID) -> ColumnElement[bool]:
    """Whose group-meeting decisions a caller may open a registration for: care, HB and
    leadership all; a mentor those of the students they mentor."""
    if principal.roles_at(school_id) & WORK:
        return true()
    staff_id = principal.staff_member_ids.get(school_id)
    if staff_id is None:
        return false()
    return col(MeetingDecision.student_id).in_(mentored_students(staff_id))


async def case_access(uow: UnitOfWork, principal: Principal, case: CareCase) -> CaseAccess:
    """The caller's relation to a case: 404 when they may not know it exists, 403 when they
    work with the student but the case is not theirs to read."""
    try:
        sa = await student_access(uow, principal, case.student_id)
    except NotFound:
        raise NotFound(CASE_NOT_FOUND) from None
    staff_id = principal.staff_member_ids.get(case.school_id)
    granted = sa.granted and await _case_granted(uow, principal, case.id)
    access = CaseAccess(
        sa,
        coordinator=staff_id is not None and staff_id == case.coordinator_staff_id,
        registrant=principal.user_id is not None and principal.user_id == case.registrant_user_id,
        case_granted=granted,
    )
    if not access.reads():
        if sa.granted:  # an external partner without a grant on this case
            raise NotFound(CASE_NOT_FOUND)
        raise Forbidden("You do not work with this student's case.")
    return access


async def load_case(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, *, for_update: bool = False
) -> tuple[CareCase, CaseAccess]:
    stmt = select(CareCase).where(
        CareCase.id == case_id, col(CareCase.school_id).in_(principal.school_ids)
    )
    case = await uow.first(stmt.with_for_update() if for_update else stmt)
    if case is None or principal.kind != "user":
        raise NotFound(CASE_NOT_FOUND)
    return case, await case_access(uow, principal, case)


async def check_accounts(
    uow: UnitOfWork, school_id: uuid.UUID, user_ids: list[uuid.UUID | None], pointer: str
) -> None:
    """Accounts named on a record (a meeting member, an action item's owner) work at the
    school: staff or an external partner of it."""
    wanted = {u for u in user_ids if u is not None}
    if not wanted:
        return
    found = set(
        await uow.scalars(
            select(SchoolMembership.user_id).where(
                SchoolMembership.school_id == school_id,
                col(SchoolMembership.user_id).in_(wanted),
            )
        )
    )
    if wanted - found:
        raise invalid(pointer, "Not an account of this school.")


async def check_staff(
    uow: UnitOfWork, school_id: uuid.UUID, staff_id: uuid.UUID | None, pointer: str
) -> None:
    """A staff member named on a record (coordinator, chair) is one of the school's."""
    if staff_id is None:
        return
    found = await uow.first(
        select(StaffMember.id).where(StaffMember.id == staff_id, StaffMember.school_id == school_id)
    )
    if found is None:
        raise invalid(pointer, "Not a staff member of this school.")


async def accounts_of_staff(
    uow: UnitOfWork, school_id: uuid.UUID, staff_ids: list[uuid.UUID | None], pointer: str
) -> dict[uuid.UUID, uuid.UUID]:
    """The accounts of staff members named on a record (a member, an action item's owner);
    422 when one is not staff of the school. Staff without an account map to nothing."""
    wanted = {s for s in staff_ids if s is not None}
    if not wanted:
        return {}
    staff = set(
        await uow.scalars(
            select(StaffMember.id).where(
                col(StaffMember.id).in_(wanted), StaffMember.school_id == school_id
            )
        )
    )
    if wanted - staff:
        raise invalid(pointer, "Not a staff member of this school.")
    rows = await uow.rows(
        select(SchoolMembership.staff_member_id, SchoolMembership.user_id).where(
            SchoolMembership.school_id == school_id,
            col(SchoolMembership.staff_member_id).in_(wanted),
        )
    )
    return {staff_id: user_id for staff_id, user_id in rows if staff_id is not None}


def require_write(access: CaseAccess) -> None:
    if not access.writes():
        raise Forbidden("Only the mentor, the case's coordinator and care staff edit a case.")
