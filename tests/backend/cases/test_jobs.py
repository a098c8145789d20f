"""The morning job: overdue items of a school become one outbox notification each, once."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import text
from sqlmodel import col, select
from support.cases import TODAY, install, iso, open_case
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.cases.jobs import OVERDUE_TOPIC
from zorgroute.core.outbox import OutboxEvent
from zorgroute.settings import Settings
from zorgroute.worker import create_job_app, run_worker


async def _notifications(factory: WorldFactory, world: World) -> list[dict[str, object]]:
    async with factory.run([world.school_id]) as uow:
        return [
            e.payload
            for e in await uow.scalars(
                select(OutboxEvent).where(
                    OutboxEvent.school_id == world.school_id,
                    col(OutboxEvent.topic) == OVERDUE_TOPIC,
                )
            )
        ]


async def test_overdue_items_are_notified_once_through_the_outbox(
    client: httpx.AsyncClient, world: World, factory: WorldFactory, settings: Settings
) -> None:
    await install(client, world, "vo-izo-zat", "vo")
    case = (await open_case(client, world, "mentor", "ll-1", "vo", "open_izo")).json()
    for days, what in ((-3, "Te laat"), (5, "Nog niet")):
        resp = await call(client, world, "zorgcoordinator", "POST",
                          f"/api/v1/cases/{case['id']}/action-items",
                          {"description": what, "owner_name": "Mentor",
                           "due_on": iso(TODAY + timedelta(days=days))})  # fmt: skip
        assert resp.status_code == 201, resp.text
    read = await call(client, world, "zorgcoordinator", "GET", f"/api/v1/cases/{case['id']}")
    overdue_id = read.json()["action_items"][0]["id"]

    app = create_job_app(settings)
    for _ in range(2):  # a second morning run writes nothing new
        async with app.open_async():
            await app.configure_task("cases:schedule_flag_overdue").defer_async(timestamp=0)
        await run_worker(settings, wait=False)

    notes = await _notifications(factory, world)
    assert [(n["kind"], n["id"]) for n in notes] == [("action_item", overdue_id)]
    assert "Te laat" not in str(notes)  # ids and codes only, never the text
    async with factory.run([world.school_id]) as uow:
        rows = (await uow.execute(text(
            "select status::text from procrastinate_jobs where task_name = 'cases:flag_overdue'"
            " and args->>'school_id' = :s"), {"s": str(world.school_id)})).all()  # fmt: skip
    assert rows and all(r[0] == "succeeded" for r in rows)
