"""Student notes: the only thing REST and GraphQL call."""

from __future__ import annotations

import uuid

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound
from zorgroute.core.security.principal import Principal
from zorgroute.notes import policies
from zorgroute.notes.models import StudentNote
from zorgroute.notes.schemas import NoteCreate, NoteRead
from zorgroute.roster import repository as roster_repo
from zorgroute.roster.policies import student_filter
from zorgroute.roster.service import STUDENT_NOT_FOUND


def note_read(n: StudentNote) -> NoteRead:
    return NoteRead(
        id=n.id,
        student_id=n.student_id,
        category=n.category,
        subject=n.subject,
        body=n.body,
        author_name=n.author_name,
        created_at=n.created_at,
        version=n.version,
    )


async def list_notes(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> list[NoteRead]:
    """The notes about a student that I may read, newest first. Other categories are left out
    without a trace: their existence is itself sensitive."""
    student = await roster_repo.student(uow, student_id, student_filter(principal))
    if student is None:
        raise NotFound(STUDENT_NOT_FOUND)
    notes = await uow.scalars(
        select(StudentNote)
        .where(StudentNote.student_id == student_id, policies.note_filter(principal))
        .order_by(col(StudentNote.created_at).desc(), col(StudentNote.id).desc())
    )
    uow.audit_many(
        "note.read", "student_note", [n.id for n in notes], student.school_id,
        student_id=student_id,
    )  # fmt: skip
    return [note_read(n) for n in notes]


async def create_note(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: NoteCreate
) -> NoteRead:
    student = await roster_repo.student(uow, student_id, student_filter(principal))
    if student is None or principal.user_id is None:
        raise NotFound(STUDENT_NOT_FOUND)
    note = StudentNote(
        school_id=student.school_id,
        student_id=student.id,
        category=data.category,
        subject=data.subject,
        body=data.body,
        author_id=principal.user_id,
        author_name=principal.display_name,
    )
    uow.add(note)
    await uow.flush()
    # The same rules decide writing: may this principal read a note like this one?
    allowed = await uow.first(
        select(StudentNote.id).where(
            StudentNote.id == note.id, policies.note_filter(principal, "write")
        )
    )
    if allowed is None:
        raise Forbidden(f"You may not record {data.category} notes about this student.")
    uow.audit("note.create", "student_note", note.id, student.school_id, student_id=student.id)
    return note_read(note)
