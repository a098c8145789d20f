"""Building blocks for HGW tests: cycle periods, overviews, signals and needs through the API."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
from sqlmodel import select
from support.factories import World

from zorgroute.organisations.models import SchoolYear


async def school_year_id(world: World) -> uuid.UUID:
    async with world.factory.run([world.school_id]) as uow:
        year = await uow.first(select(SchoolYear).where(SchoolYear.school_id == world.school_id))
        assert year is not None
        return year.id


async def call(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    method: str,
    path: str,
    body: Any = None,
    **headers: str,
) -> httpx.Response:
    return await client.request(
        method, path, json=body, headers={**await world.headers(role), **headers}
    )


async def period(
    client: httpx.AsyncClient, world: World, sequence: int, starts: date, weeks: float = 8
) -> str:
    body = {
        "school_year_id": str(await school_year_id(world)),
        "sequence": sequence,
        "name": f"Cyclus {sequence}",
        "starts_on": starts.isoformat(),
        "ends_on": (starts + timedelta(days=round(weeks * 7))).isoformat(),
    }
    resp = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/schools/{world.school_id}/cycle-periods",
        body,
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def overview(
    client: httpx.AsyncClient, world: World, group: str, period_id: str, role: str = "mentor"
) -> dict[str, Any]:
    resp = await call(
        client, world, role, "POST", f"/api/v1/groups/{world.groups[group]}/overviews",
        {"cycle_period_id": period_id, "cycle": "A"},
    )  # fmt: skip
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def signal(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    overview_id: str,
    student: str,
    category: str,
) -> dict[str, Any]:
    resp = await call(
        client, world, role, "POST", f"/api/v1/overviews/{overview_id}/signals",
        {"student_id": str(world.students[student]), "category": category, "mode": "reactive",
         "basis": ["test"]},
    )  # fmt: skip
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


def need_body(overview_id: str | None, starts: date, **extra: Any) -> dict[str, Any]:
    return {
        "overview_id": overview_id,
        "domain": "basic_skills",
        "nature": "didactic",
        "goals": [
            {
                "text": "Maakt 8 van de 10 breuksommen zonder hulp",
                "measure": "methodetoets breuken",
                "target_date": (starts + timedelta(days=50)).isoformat(),
            }
        ],
        "items": [{"category": "instruction", "phrase": "verlengd is", "text": "met voordoen"}],
        "set_with_student": True,
        "student_view": "Ik wil breuken snappen, uitleg met plaatjes helpt mij.",
        "valid_from": starts.isoformat(),
        "valid_until": (starts + timedelta(days=56)).isoformat(),
        **extra,
    }


async def need(
    client: httpx.AsyncClient, world: World, role: str, student: str, body: dict[str, Any]
) -> dict[str, Any]:
    resp = await call(
        client, world, role, "POST", f"/api/v1/students/{world.students[student]}/needs", body
    )
    assert resp.status_code == 201, resp.text
    return dict(resp.json())
