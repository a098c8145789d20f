"""Who may see and change roster records. One rule table yields both the list filter and the
single-object decision (which is the filter applied to one id). Deny by default."""

from __future__ import annotations

import uuid
from typing import Literal

from sqlalchemy import false, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from zorgroute.core.errors import Forbidden
from zorgroute.core.models import utcnow
from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.privacy.models import AccessGrant, Consent
from zorgroute.roster.models import Enrolment, Group, Student, TeachingAssignment

Action = Literal["read", "update", "sync"]

_EXTERNAL = frozenset({roles.EXTERNAL})

_SCOPE = {"read": "roster:read", "update": "roster:write", "sync": "roster:write"}


def _schools_with(principal: Principal, wanted: frozenset[str]) -> list[uuid.UUID]:
    return [s for s, r in principal.roles.items() if r & wanted]


def student_filter(principal: Principal, action: Action = "read") -> ColumnElement[bool]:
    """SQL condition on Student for the students this principal may see / change."""
    if principal.kind == "system" and not principal.has_scope(_SCOPE[action]):
        return false()
    wide = _schools_with(
        principal, roles.SCHOOL_WIDE_READ if action == "read" else roles.ROSTER_EDIT
    )
    conditions: list[ColumnElement[bool]] = []
    if wide:
        conditions.append(col(Student.school_id).in_(wide))
    staff_ids = [
        staff_id
        for school_id, staff_id in principal.staff_member_ids.items()
        if principal.roles_at(school_id) & roles.GROUP_BOUND
    ]
    if action == "read" and staff_ids:
        my_groups = select(TeachingAssignment.group_id).where(
            col(TeachingAssignment.staff_member_id).in_(staff_ids)
        )
        my_students = select(Enrolment.student_id).where(col(Enrolment.group_id).in_(my_groups))
        conditions.append(col(Student.id).in_(my_students))
    if action == "read" and principal.user_id and _schools_with(principal, _EXTERNAL):
        conditions.append(col(Student.id).in_(granted_students(principal.user_id)))
    return or_(*conditions) if conditions else false()


def mentored_students(staff_id: uuid.UUID) -> SelectOfScalar[uuid.UUID]:
    """Students in a group this staff member is the mentor of."""
    return (
        select(Enrolment.student_id)
        .join(TeachingAssignment, col(TeachingAssignment.group_id) == Enrolment.group_id)
        .where(
            TeachingAssignment.staff_member_id == staff_id,
            col(TeachingAssignment.role) == "mentor",
        )
    )


def active_grants(user_id: uuid.UUID) -> SelectOfScalar[uuid.UUID]:
    """An external partner's active access grants: within their period, not revoked, and
    resting on a consent that is granted and not withdrawn."""
    now = utcnow()
    return (
        select(AccessGrant.id)
        .join(Consent, col(Consent.id) == AccessGrant.consent_id)
        .where(
            AccessGrant.user_id == user_id,
            col(AccessGrant.revoked_at).is_(None),
            col(AccessGrant.valid_from) <= now,
            col(AccessGrant.valid_until) > now,
            col(Consent.granted).is_(True),
            col(Consent.withdrawn_at).is_(None),
        )
    )


def granted_students(user_id: uuid.UUID) -> SelectOfScalar[uuid.UUID]:
    """Students an external partner holds an active access grant for (a case grant too)."""
    return select(AccessGrant.student_id).where(col(AccessGrant.id).in_(active_grants(user_id)))


def group_filter(principal: Principal) -> ColumnElement[bool]:
    """Every staff member of a school sees its groups (names only; students stay filtered)."""
    if principal.kind == "system" and not principal.has_scope("roster:read"):
        return false()
    staff_schools = school_staff_schools(principal)
    return col(Group.school_id).in_(staff_schools) if staff_schools else false()


def school_staff_schools(principal: Principal) -> list[uuid.UUID]:
    """Schools where the principal is staff (or the LVS): not only an external partner, who
    sees just the students granted to them, not the school's groups or staff list."""
    return [s for s, r in principal.roles.items() if r - _EXTERNAL]


def require_sync(principal: Principal) -> None:
    """The LVS bulk upsert is for registered integration clients bound to the school."""
    if principal.kind != "system":
        raise Forbidden("Roster synchronisation is done by the school's LVS integration.")
    principal.require_scope("roster:write")
