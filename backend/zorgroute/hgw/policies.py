"""Who may do what in the HGW cycle. Access follows the group: the mentor leads cycle A, the
subject teacher cycle B, care staff (IB'er, zorgcoördinator) support both; the teachers of the
group's students read and contribute; leadership reads. Restricted content (particulars,
home-situation signals) is for the mentor, care and leadership only. Deny by default: a group
of another school, or one an external partner asks for, is not found."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import or_
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound
from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.roster import repository as roster_repo
from zorgroute.roster.models import Enrolment, Group, Student, TeachingAssignment
from zorgroute.roster.policies import group_filter, student_filter
from zorgroute.roster.service import STUDENT_NOT_FOUND

GROUP_NOT_FOUND = "There is no group with this id that you may see."
SCHOOL_NOT_FOUND = "There is no school with this id that you may see."
# School-wide roles per capability (relationships come on top, in the classes below).
LEAD = roles.CARE - {"remedial_teacher", "school_social_worker"}  # IB'er, zorgcoördinator, ...
CONTRIBUTE = roles.CARE | roles.GIFTED
READ = CONTRIBUTE | roles.LEADERSHIP
RESTRICTED = roles.CARE | roles.LEADERSHIP
SETTINGS_EDIT = frozenset({"intern_begeleider", "zorgcoordinator", *roles.LEADERSHIP})
OPP_WRITE = LEAD
OPP_READ = READ


def school_staff_roles(principal: Principal, school_id: uuid.UUID) -> frozenset[str]:
    """The caller's roles at a school whose HGW cycle they take part in as staff; 404 for
    anyone else: integration clients and external partners have no say in (or view of) a
    school's cycle, only of the students granted to them."""
    school_roles = principal.roles_at(school_id)
    if principal.kind != "user" or not school_roles - {roles.EXTERNAL, roles.INTEGRATION}:
        raise NotFound(SCHOOL_NOT_FOUND)
    return school_roles


@dataclass(frozen=True)
class GroupAccess:
    """The caller's relation to one group."""

    group: Group
    school_roles: frozenset[str]
    mentor: bool
    # Subjects the caller teaches to students of this group ("" for a lesson without subject).
    subjects: frozenset[str]

    @property
    def school_id(self) -> uuid.UUID:
        return self.group.school_id

    def leads(self, cycle: str, subject: str | None) -> bool:
        """Create and publish the overview, write the plan, run the group meeting."""
        if self.school_roles & LEAD:
            return True
        return self.mentor if cycle == "A" else (subject or "") in self.subjects

    def contributes(self) -> bool:
        """Edit rows, signal, name needs: everyone who teaches the group, plus care/HB."""
        return self.mentor or bool(self.subjects) or bool(self.school_roles & CONTRIBUTE)

    def reads(self) -> bool:
        return self.contributes() or bool(self.school_roles & READ)

    def reads_drafts(self, cycle: str, subject: str | None) -> bool:
        """A draft plan is the author's; it is shared with the teachers when activated."""
        return self.leads(cycle, subject) or bool(self.school_roles & READ)

    def sees_restricted(self) -> bool:
        return self.mentor or bool(self.school_roles & RESTRICTED)


async def group_access(uow: UnitOfWork, principal: Principal, group_id: uuid.UUID) -> GroupAccess:
    """The caller's relation to a group; 404 when the group is not theirs to see at all."""
    group = await roster_repo.group(uow, group_id, group_filter(principal))
    if group is None or principal.kind != "user":
        raise NotFound(GROUP_NOT_FOUND)
    school_roles = principal.roles_at(group.school_id)
    staff_id = principal.staff_member_ids.get(group.school_id)
    mentor, subjects = False, set()
    if staff_id is not None:
        members = select(Enrolment.student_id).where(Enrolment.group_id == group_id)
        shared_groups = select(Enrolment.group_id).where(col(Enrolment.student_id).in_(members))
        rows = await uow.rows(
            select(
                TeachingAssignment.group_id, TeachingAssignment.role, TeachingAssignment.subject
            ).where(
                TeachingAssignment.staff_member_id == staff_id,
                or_(
                    col(TeachingAssignment.group_id) == group_id,
                    col(TeachingAssignment.group_id).in_(shared_groups),
                ),
            )
        )
        for assigned_group, role, subject in rows:
            if role == "mentor" and assigned_group == group_id:
                mentor = True
            elif role == "teacher":
                subjects.add(subject)
    access = GroupAccess(group, school_roles, mentor, frozenset(subjects))
    if not access.reads():
        raise Forbidden("You do not work with this group.")
    return access


@dataclass(frozen=True)
class StudentAccess:
    """The caller's relation to one student."""

    student: Student
    school_roles: frozenset[str]
    mentor: bool
    teaches: bool
    granted: bool  # an external partner with an access grant

    def reads(self) -> bool:
        return self.mentor or self.teaches or self.granted or bool(self.school_roles & READ)

    def contributes(self) -> bool:
        return self.mentor or self.teaches or bool(self.school_roles & CONTRIBUTE)

    def sees_restricted(self) -> bool:
        return self.mentor or self.granted or bool(self.school_roles & RESTRICTED)

    def reads_opp(self) -> bool:
        return self.mentor or self.granted or bool(self.school_roles & OPP_READ)

    def writes_opp(self) -> bool:
        return self.mentor or bool(self.school_roles & OPP_WRITE)


async def student_access(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> StudentAccess:
    """The caller's relation to a student; 404 when the student is not theirs to see."""
    student = await roster_repo.student(uow, student_id, student_filter(principal))
    if student is None or principal.kind != "user":
        raise NotFound(STUDENT_NOT_FOUND)
    school_roles = principal.roles_at(student.school_id)
    staff_id = principal.staff_member_ids.get(student.school_id)
    mentor = teaches = False
    if staff_id is not None:
        rows = await uow.rows(
            select(TeachingAssignment.role)
            .join(Enrolment, col(Enrolment.group_id) == TeachingAssignment.group_id)
            .where(
                Enrolment.student_id == student_id,
                TeachingAssignment.staff_member_id == staff_id,
            )
        )
        mentor = any(r == "mentor" for (r,) in rows)
        teaches = any(r == "teacher" for (r,) in rows)
    granted = roles.EXTERNAL in school_roles and not (school_roles - {roles.EXTERNAL})
    return StudentAccess(student, school_roles, mentor, teaches, granted)
