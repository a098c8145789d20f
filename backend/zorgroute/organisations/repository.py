"""All SQL of the organisations domain."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.organisations.models import Board, School, SchoolYear, Swv


async def schools_by_ids(uow: UnitOfWork, ids: Sequence[uuid.UUID]) -> list[School]:
    if not ids:
        return []
    return await uow.scalars(select(School).where(col(School.id).in_(ids)).order_by(School.name))


async def schools_in_swvs(uow: UnitOfWork, swv_ids: Sequence[uuid.UUID]) -> list[School]:
    if not swv_ids:
        return []
    return await uow.scalars(select(School).where(col(School.swv_id).in_(swv_ids)))


async def swvs_by_ids(uow: UnitOfWork, ids: Sequence[uuid.UUID]) -> list[Swv]:
    if not ids:
        return []
    return await uow.scalars(select(Swv).where(col(Swv.id).in_(ids)).order_by(Swv.code))


async def boards_by_ids(uow: UnitOfWork, ids: Sequence[uuid.UUID]) -> list[Board]:
    if not ids:
        return []
    return await uow.scalars(select(Board).where(col(Board.id).in_(ids)))


async def school_years(uow: UnitOfWork, school_ids: Sequence[uuid.UUID]) -> list[SchoolYear]:
    if not school_ids:
        return []
    return await uow.scalars(
        select(SchoolYear)
        .where(col(SchoolYear.school_id).in_(school_ids))
        .order_by(col(SchoolYear.starts_on))
    )


async def school_year_by_name(
    uow: UnitOfWork, school_id: uuid.UUID, name: str
) -> SchoolYear | None:
    return await uow.first(
        select(SchoolYear).where(SchoolYear.school_id == school_id, SchoolYear.name == name)
    )
