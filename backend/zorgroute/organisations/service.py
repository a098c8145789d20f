"""Organisation use cases."""

from __future__ import annotations

import uuid

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import NotFound
from zorgroute.core.security.principal import Principal
from zorgroute.organisations import policies
from zorgroute.organisations import repository as repo
from zorgroute.organisations.models import School
from zorgroute.organisations.schemas import BoardRead, SchoolRead, SchoolYearRead, SwvRead


async def _visible_ids(uow: UnitOfWork, principal: Principal) -> set[uuid.UUID]:
    swv_schools = await repo.schools_in_swvs(uow, list(principal.swv_roles))
    return policies.visible_school_ids(principal, [s.id for s in swv_schools])


async def list_schools(uow: UnitOfWork, principal: Principal) -> list[SchoolRead]:
    schools = await repo.schools_by_ids(uow, sorted(await _visible_ids(uow, principal)))
    return await _read(uow, schools)


async def get_school(uow: UnitOfWork, principal: Principal, school_id: uuid.UUID) -> SchoolRead:
    schools = []
    if school_id in await _visible_ids(uow, principal):
        schools = await repo.schools_by_ids(uow, [school_id])
    if not schools:
        raise NotFound("There is no school with this id that you may see.")
    return (await _read(uow, schools))[0]


async def _read(uow: UnitOfWork, schools: list[School]) -> list[SchoolRead]:
    """Three queries for any number of schools (SWV staff may see dozens)."""
    swvs = {s.id: s for s in await repo.swvs_by_ids(uow, list({s.swv_id for s in schools}))}
    boards = {b.id: b for b in await repo.boards_by_ids(uow, list({s.board_id for s in schools}))}
    years = await repo.school_years(uow, [s.id for s in schools])
    reads = []
    for school in schools:
        swv, board = swvs[school.swv_id], boards[school.board_id]
        reads.append(
            SchoolRead(
                id=school.id,
                name=school.name,
                brin=school.brin,
                vestiging=school.vestiging,
                sector=school.sector,
                swv=SwvRead(id=swv.id, code=swv.code, name=swv.name, sector=swv.sector),
                board=BoardRead(id=board.id, code=board.code, name=board.name),
                school_years=[
                    SchoolYearRead(id=y.id, name=y.name, starts_on=y.starts_on, ends_on=y.ends_on)
                    for y in years
                    if y.school_id == school.id
                ],
            )
        )
    return reads
