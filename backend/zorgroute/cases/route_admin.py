"""A school's routes (maatwerk per school): install a template, adapt it as a new revision,
read them. A revision is immutable; running cases keep the revision they were opened on."""

from __future__ import annotations

import uuid

from sqlalchemy import func
from sqlmodel import col, select

from zorgroute.cases.models import CareCase, CareRoute
from zorgroute.cases.policies import ROUTE_ADMIN
from zorgroute.cases.routes import GUARDS, RELATIONS, ROUTE_ROLES, RouteDefinition
from zorgroute.cases.schemas import (
    GuardInfo,
    RouteCreate,
    RouteLibrary,
    RouteRead,
    RouteSummary,
    RouteTemplate,
)
from zorgroute.cases.templates import TEMPLATES
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound, ValidationFailed
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.policies import school_staff_roles

ROUTE_NOT_FOUND = "There is no route with this id that you may see."


def library(principal: Principal) -> RouteLibrary:
    return RouteLibrary(
        templates=[
            RouteTemplate(key=k, definition=RouteDefinition.model_validate(v))
            for k, v in TEMPLATES.items()
        ],
        guards=[
            GuardInfo(code=code, parameters=list(params) if params else None, label=label)
            for code, (params, label) in GUARDS.items()
        ],
        roles=[*ROUTE_ROLES, *RELATIONS],
    )


def route_summary(r: CareRoute, open_cases: int) -> RouteSummary:
    return RouteSummary(
        id=r.id,
        key=r.key,
        revision=r.revision,
        name=r.name,
        template=r.template,
        created_at=r.created_at,
        created_by=r.created_by,
        open_cases=open_cases,
    )


def _read(r: CareRoute, open_cases: int) -> RouteRead:
    return RouteRead(
        **route_summary(r, open_cases).model_dump(),
        definition=RouteDefinition.model_validate(r.definition),
        change_note=r.change_note,
    )


async def _open_cases(uow: UnitOfWork, route_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not route_ids:
        return {}
    rows = await uow.rows(
        select(CareCase.route_id, func.count())
        .where(col(CareCase.route_id).in_(route_ids), col(CareCase.closed_at).is_(None))
        .group_by(col(CareCase.route_id))
    )
    return dict(rows)


async def list_routes(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> list[RouteSummary]:
    school_staff_roles(principal, school_id)
    latest = (
        select(CareRoute.key, func.max(CareRoute.revision).label("revision"))
        .where(CareRoute.school_id == school_id)
        .group_by(col(CareRoute.key))
        .subquery()
    )
    routes = list(
        await uow.scalars(
            select(CareRoute)
            .join(
                latest,
                (col(CareRoute.key) == latest.c.key)
                & (col(CareRoute.revision) == latest.c.revision),
            )
            .where(CareRoute.school_id == school_id)
            .order_by(col(CareRoute.name))
        )
    )
    counts = await _open_cases(uow, [r.id for r in routes])
    # The route most cases run on first: the board's natural default.
    routes.sort(key=lambda r: (-counts.get(r.id, 0), r.name))
    return [route_summary(r, counts.get(r.id, 0)) for r in routes]


async def create_route(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, data: RouteCreate
) -> RouteRead:
    if not school_staff_roles(principal, school_id) & ROUTE_ADMIN:
        raise Forbidden("The IB'er, the zorgcoördinator or school leadership adapt routes.")
    if data.template is not None:
        if data.template not in TEMPLATES:
            raise ValidationFailed(
                "Unknown template.",
                errors=[{"pointer": "/template", "detail": "One of: " + ", ".join(TEMPLATES)}],
            )
        definition = RouteDefinition.model_validate(TEMPLATES[data.template])
    else:
        assert data.definition is not None  # the schema asks for one of the two
        definition = data.definition
    previous = await uow.first(
        select(CareRoute)
        .where(CareRoute.school_id == school_id, CareRoute.key == data.key)
        .order_by(col(CareRoute.revision).desc())
        .with_for_update()
    )
    route = CareRoute(
        school_id=school_id,
        key=data.key,
        revision=(previous.revision + 1) if previous else 1,
        name=definition.name,
        template=data.template or (previous.template if previous else None),
        definition=definition.model_dump(mode="json", by_alias=True),
        change_note=data.change_note or None,
        created_by=principal.display_name,
    )
    uow.add(route)
    await uow.flush()
    uow.audit(
        "care_route.create",
        "care_route",
        route.id,
        school_id,
        {"key": route.key, "revision": route.revision, "template": data.template},
    )
    return _read(route, 0)


async def get_route(uow: UnitOfWork, principal: Principal, route_id: uuid.UUID) -> RouteRead:
    route = await uow.first(
        select(CareRoute).where(
            CareRoute.id == route_id, col(CareRoute.school_id).in_(principal.school_ids)
        )
    )
    if route is None:
        raise NotFound(ROUTE_NOT_FOUND)
    try:
        school_staff_roles(principal, route.school_id)
    except NotFound:
        raise NotFound(ROUTE_NOT_FOUND) from None
    counts = await _open_cases(uow, [route.id])
    return _read(route, counts.get(route.id, 0))
