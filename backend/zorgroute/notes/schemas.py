"""Read and write models of student notes (leerlingnotities)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

NoteCategory = Literal["observation", "care", "home_situation", "diagnosis"]
_NO_NUL = r"^[^\x00]*$"


class NoteRead(BaseModel):
    id: uuid.UUID
    student_id: uuid.UUID
    category: NoteCategory
    subject: str | None
    body: str
    author_name: str
    created_at: datetime
    version: int


class NoteCreate(BaseModel):
    """A new note. `category` decides who may read it (see docs/security.md)."""

    model_config = ConfigDict(extra="forbid")

    category: NoteCategory
    body: Annotated[str, StringConstraints(min_length=1, max_length=10_000, pattern=_NO_NUL)]
    subject: (
        Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=_NO_NUL)] | None
    ) = None
