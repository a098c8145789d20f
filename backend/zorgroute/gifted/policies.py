"""Who may do what in gifted education (gifted-education.md §4.5). The student's relation
comes from the HGW cycle's rule (mentor, teacher of the student, school roles); on top:

- instruments, applications and guidance of a student: written by those who work with the
  student (mentor, teachers, care, HB), read by them and by leadership; the impact
  questionnaire's waves are recorded by care and HB staff only; external partners see none of
  it (they see only the cases they are invited to);
- the offerings catalogue: every staff member of the school reads it (and the regional
  offerings of the SWV); HB staff and leadership of the offering's school edit it;
- an offering's committee (staff members of its school) decides on applications and sees the
  applications to it, also from other schools, but only what the application carries;
- dubbel bijzonder (twice-exceptional) is restricted: care, HB and the mentor only.

Deny by default: another school's student is not found."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound
from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.models import Offering
from zorgroute.hgw.policies import StudentAccess, student_access

WORK = roles.CARE | roles.GIFTED  # work with every student of the school on this
READ = WORK | roles.LEADERSHIP
OFFERING_EDIT = roles.GIFTED | roles.LEADERSHIP | {"intern_begeleider", "zorgcoordinator"}
SUBMIT = WORK  # submit an application on a route (ouders, intern begeleider, SWV)
POLICY_EDIT = roles.GIFTED | roles.LEADERSHIP
TWICE_EXCEPTIONAL = WORK  # plus the mentor
OFFERING_NOT_FOUND = "There is no offering with this id that you may see."


@dataclass(frozen=True)
class GiftedAccess:
    """The caller's relation to one student, for gifted education."""

    student: StudentAccess

    @property
    def school_id(self) -> uuid.UUID:
        return self.student.student.school_id

    @property
    def _roles(self) -> frozenset[str]:
        return self.student.school_roles

    def reads(self) -> bool:
        s = self.student
        return s.mentor or s.teaches or bool(self._roles & READ)

    def writes(self) -> bool:
        s = self.student
        return s.mentor or s.teaches or bool(self._roles & WORK)

    def specialist(self) -> bool:
        return bool(self._roles & roles.GIFTED)

    def submits(self) -> bool:
        return bool(self._roles & SUBMIT)

    def sees_twice_exceptional(self) -> bool:
        return self.student.mentor or bool(self._roles & TWICE_EXCEPTIONAL)

    def sees_restricted(self) -> bool:
        """External factors of a guidance period (work pressure, home situation)."""
        return self.student.mentor or bool(
            self._roles & (roles.CARE | roles.LEADERSHIP | roles.GIFTED)
        )


async def gifted_access(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, *, write: bool = False
) -> GiftedAccess:
    """404 for a student the caller may not see at all; 403 for one they see but may not
    read (or change) the gifted records of."""
    access = GiftedAccess(await student_access(uow, principal, student_id))
    if not access.reads():
        raise NotFound("There is no student with this id that you may see.")
    if write and not access.writes():
        raise Forbidden("You do not work with this student.")
    return access


def on_committee(principal: Principal, offering: Offering) -> bool:
    staff_id = principal.staff_member_ids.get(offering.school_id)
    return staff_id is not None and staff_id in offering.committee_staff_ids


def edits_offering(principal: Principal, offering: Offering) -> bool:
    return bool(principal.roles_at(offering.school_id) & OFFERING_EDIT)


def runs_offering(principal: Principal, offering: Offering) -> bool:
    """The offering's school's HB staff and the committee: they see its applications,
    enrolments and impact."""
    return on_committee(principal, offering) or bool(
        principal.roles_at(offering.school_id) & (roles.GIFTED | roles.LEADERSHIP)
    )


def offering_visible(principal: Principal, offering: Offering, swv_ids: set[uuid.UUID]) -> bool:
    """Staff of the offering's school, its committee, or staff of a school in the same SWV
    when the offering is regional."""
    if principal.kind != "user":
        return False
    if offering.school_id in principal.roles and staff_roles_or_none(principal, offering.school_id):
        return True
    return on_committee(principal, offering) or (offering.regional and offering.swv_id in swv_ids)


def staff_roles_or_none(principal: Principal, school_id: uuid.UUID) -> frozenset[str]:
    return principal.roles_at(school_id) - {roles.EXTERNAL, roles.INTEGRATION}
