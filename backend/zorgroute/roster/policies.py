"""Who may see and change roster records. One rule table yields both the list filter and the
single-object decision (which is the filter applied to one id). Deny by default."""

from __future__ import annotations

import uuid
from typing import Literal

from sqlalchemy import false, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from zorgroute.core.errors import Forbidden
from zorgroute.core.security.principal import Principal
from zorgroute.roster.models import Enrolment, Group, Student, TeachingAssignment

Action = Literal["read", "update", "sync"]

# Roles that see every student of their school (the care and leadership roles).
SCHOOL_WIDE_READ = frozenset(
    {
        "intern_begeleider",
        "zorgcoordinator",
        "hb_specialist",
        "team_leader",
        "school_leader",
        "integration",
    }
)
# Roles that may correct roster details by hand (the LVS stays the usual source).
ROSTER_EDIT = frozenset(
    {"intern_begeleider", "zorgcoordinator", "team_leader", "school_leader", "integration"}
)
# Mentors and teachers see the students of the groups they are assigned to.
GROUP_BOUND = frozenset({"teacher", "mentor"})

_SCOPE = {"read": "roster:read", "update": "roster:write", "sync": "roster:write"}


def _schools_with(principal: Principal, roles: frozenset[str]) -> list[uuid.UUID]:
    return [s for s, r in principal.roles.items() if r & roles]


def student_filter(principal: Principal, action: Action = "read") -> ColumnElement[bool]:
    """SQL condition on Student for the students this principal may see / change."""
    if principal.kind == "system" and not principal.has_scope(_SCOPE[action]):
        return false()
    wide = _schools_with(principal, SCHOOL_WIDE_READ if action == "read" else ROSTER_EDIT)
    conditions: list[ColumnElement[bool]] = []
    if wide:
        conditions.append(col(Student.school_id).in_(wide))
    staff_ids = [
        staff_id
        for school_id, staff_id in principal.staff_member_ids.items()
        if principal.roles_at(school_id) & GROUP_BOUND
    ]
    if action == "read" and staff_ids:
        my_groups = select(TeachingAssignment.group_id).where(
            col(TeachingAssignment.staff_member_id).in_(staff_ids)
        )
        my_students = select(Enrolment.student_id).where(col(Enrolment.group_id).in_(my_groups))
        conditions.append(col(Student.id).in_(my_students))
    return or_(*conditions) if conditions else false()


def group_filter(principal: Principal) -> ColumnElement[bool]:
    """Every staff member of a school sees its groups (names only; students stay filtered)."""
    if principal.kind == "system" and not principal.has_scope("roster:read"):
        return false()
    return col(Group.school_id).in_(principal.school_ids) if principal.school_ids else false()


def require_sync(principal: Principal) -> None:
    """The LVS bulk upsert is for registered integration clients bound to the school."""
    if principal.kind != "system":
        raise Forbidden("Roster synchronisation is done by the school's LVS integration.")
    principal.require_scope("roster:write")
