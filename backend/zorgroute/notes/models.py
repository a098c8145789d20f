"""Leerlingnotities: what staff record about a student, each with a sensitivity category."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, Column, Index, String, Text
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin

# observation: what happens in class (everyone who teaches the student may read it);
# care: care notes (zorgnotities); home_situation: thuissituatie; diagnosis: a diagnosis or
# disorder, IQ, medication (bijzonderheden). The last three are special-category data.
NOTE_CATEGORIES = ("observation", "care", "home_situation", "diagnosis")


class StudentNote(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    __tablename__ = "student_note"
    __table_args__ = (
        CheckConstraint(
            "category in (" + ",".join(f"'{c}'" for c in NOTE_CATEGORIES) + ")", name="category"
        ),
        Index("ix_student_note_student", "school_id", "student_id", "created_at"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id", nullable=False)
    category: str = Field(sa_column=Column(String(20), nullable=False))
    body: str = Field(sa_column=Column(Text, nullable=False))
    # A subject, when the note concerns one teacher's lessons ("rekenen", "wiskunde").
    subject: str | None = Field(default=None, sa_column=Column(String(60)))
    author_id: uuid.UUID = Field(foreign_key="user_account.id", nullable=False)
    author_name: str = Field(sa_column=Column(String(200), nullable=False))
