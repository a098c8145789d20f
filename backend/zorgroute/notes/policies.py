"""Who may read and write which student notes. Sensitive categories carry their own rule: a
subject teacher reads classroom observations about their own students (and, for notes tied to a
subject, only their subject), never care, home-situation or diagnosis notes. One rule table
gives the list filter; a single note is the filter applied to its id. Deny by default."""

from __future__ import annotations

import uuid

from sqlalchemy import and_, exists, false, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.notes.models import NOTE_CATEGORIES, StudentNote
from zorgroute.roster.models import Enrolment, TeachingAssignment
from zorgroute.roster.policies import granted_students, mentored_students

SENSITIVE = ("care", "home_situation", "diagnosis")
# Category -> school-wide roles that read (and write) it.
_WIDE: dict[str, frozenset[str]] = {
    "observation": roles.CARE | roles.GIFTED | roles.LEADERSHIP,
    # Dubbel bijzonder: for a gifted student with a learning or behaviour difficulty, care and
    # the HB-specialist work on one dossier (care notes and diagnoses); the home situation
    # stays with the care roles.
    "care": roles.CARE | roles.GIFTED | roles.LEADERSHIP,
    "diagnosis": roles.CARE | roles.GIFTED | roles.LEADERSHIP,
    "home_situation": roles.CARE - {"remedial_teacher"} | roles.LEADERSHIP,
}
# The mentor of one of the student's groups reads and writes every category.
MENTOR_CATEGORIES = NOTE_CATEGORIES
# A teacher of one of the student's groups: observations only, and of their own subject.
TEACHER_CATEGORIES = ("observation",)


def categories_for(school_roles: frozenset[str]) -> list[str]:
    """The categories a role set reads school-wide (for the permission matrix)."""
    return [c for c in NOTE_CATEGORIES if school_roles & _WIDE[c]]


def _taught_by(staff_id: uuid.UUID) -> ColumnElement[bool]:
    """The note's student is in a group this staff member teaches or mentors, and the note has
    no subject or the subject they teach there."""
    return exists(
        select(Enrolment.student_id)
        .join(TeachingAssignment, col(TeachingAssignment.group_id) == Enrolment.group_id)
        .where(
            col(Enrolment.student_id) == col(StudentNote.student_id),
            TeachingAssignment.staff_member_id == staff_id,
            or_(
                col(TeachingAssignment.role) == "mentor",
                col(StudentNote.subject).is_(None),
                col(TeachingAssignment.subject) == col(StudentNote.subject),
            ),
        )
    )


def note_filter(principal: Principal, action: str = "read") -> ColumnElement[bool]:
    """SQL condition on StudentNote: the notes this principal may read (or write, action
    "write": the same rules, without external partners, who only read)."""
    if principal.kind != "user":
        return false()  # systems (LVS) never read or write notes
    conditions: list[ColumnElement[bool]] = []
    for school_id, school_roles in principal.roles.items():
        at_school = col(StudentNote.school_id) == school_id
        wide = categories_for(school_roles)
        if wide:
            conditions.append(and_(at_school, col(StudentNote.category).in_(wide)))
        staff_id = principal.staff_member_ids.get(school_id)
        if staff_id and "mentor" in school_roles:
            conditions.append(
                and_(
                    at_school,
                    col(StudentNote.category).in_(MENTOR_CATEGORIES),
                    col(StudentNote.student_id).in_(mentored_students(staff_id)),
                )
            )
        if staff_id and school_roles & roles.GROUP_BOUND:
            conditions.append(
                and_(
                    at_school,
                    col(StudentNote.category).in_(TEACHER_CATEGORIES),
                    _taught_by(staff_id),
                )
            )
        if action == "read" and roles.EXTERNAL in school_roles and principal.user_id:
            # Resting on a consent for the ZAT / SWV / named organisation: the whole dossier.
            conditions.append(
                and_(
                    at_school, col(StudentNote.student_id).in_(granted_students(principal.user_id))
                )
            )
    return or_(*conditions) if conditions else false()
