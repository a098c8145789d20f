"""Organisations: samenwerkingsverband, school board (bestuur), school, school year."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Column, String, UniqueConstraint
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin

SECTORS = ("PO", "VO", "SO", "VSO")


class Swv(IdMixin, TimestampMixin, table=True):
    """Samenwerkingsverband passend onderwijs (PO or VO), identified by its code (e.g. PO2601)."""

    __tablename__ = "swv"
    __table_args__ = (CheckConstraint("sector in ('PO','VO')", name="sector"),)

    code: str = Field(sa_column=Column(String(20), nullable=False, unique=True))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    sector: str = Field(sa_column=Column(String(3), nullable=False))


class Board(IdMixin, TimestampMixin, table=True):
    """Schoolbestuur, identified by its bevoegd-gezagnummer."""

    __tablename__ = "board"

    code: str = Field(sa_column=Column(String(20), nullable=False, unique=True))
    name: str = Field(sa_column=Column(String(200), nullable=False))


class School(IdMixin, TimestampMixin, VersionMixin, table=True):
    """A school location: BRIN (4) + vestiging (2). The tenant every pupil record belongs to."""

    __tablename__ = "school"
    __table_args__ = (
        UniqueConstraint("brin", "vestiging"),
        CheckConstraint("sector in ('PO','VO','SO','VSO')", name="sector"),
    )

    brin: str = Field(sa_column=Column(String(4), nullable=False))
    vestiging: str = Field(sa_column=Column(String(2), nullable=False))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    sector: str = Field(sa_column=Column(String(3), nullable=False))
    swv_id: uuid.UUID = Field(foreign_key="swv.id", index=True)
    board_id: uuid.UUID = Field(foreign_key="board.id", index=True)


class SchoolYear(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Schooljaar of one school, e.g. "2026-2027" from 1 August to 31 July."""

    __tablename__ = "school_year"
    __table_args__ = (
        UniqueConstraint("school_id", "name"),
        CheckConstraint("starts_on < ends_on", name="period"),
    )

    name: str = Field(sa_column=Column(String(9), nullable=False))
    starts_on: date
    ends_on: date
