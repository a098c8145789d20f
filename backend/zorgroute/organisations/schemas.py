"""I/O shapes of the organisations domain."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel


class SwvRead(BaseModel):
    """Samenwerkingsverband."""

    id: uuid.UUID
    code: str
    name: str
    sector: str


class BoardRead(BaseModel):
    """Schoolbestuur."""

    id: uuid.UUID
    code: str
    name: str


class SchoolYearRead(BaseModel):
    id: uuid.UUID
    name: str
    starts_on: date
    ends_on: date


class SchoolRead(BaseModel):
    id: uuid.UUID
    name: str
    brin: str
    vestiging: str
    sector: str
    swv: SwvRead
    board: BoardRead
    school_years: list[SchoolYearRead]
