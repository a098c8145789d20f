"""The morning job of gifted education: a review that became due, a "look again" date of an
observation and a guidance check-in become one outbox notification each, once."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import text
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.gifted import admitted, create_offering, enrol, iso
from support.hgw import call

from zorgroute.core.models import school_today
from zorgroute.core.outbox import OutboxEvent
from zorgroute.gifted.jobs import DUE_TOPIC
from zorgroute.gifted.models import OfferingEnrolment
from zorgroute.gifted.vocabulary import SKILL_CODES
from zorgroute.settings import Settings
from zorgroute.worker import create_job_app, run_worker


async def _notifications(factory: WorldFactory, world: World) -> list[dict[str, object]]:
    async with factory.run([world.school_id]) as uow:
        return [
            e.payload
            for e in await uow.scalars(
                select(OutboxEvent).where(
                    OutboxEvent.school_id == world.school_id, col(OutboxEvent.topic) == DUE_TOPIC
                )
            )
        ]


async def test_due_follow_ups_are_notified_once(
    client: httpx.AsyncClient, world: World, factory: WorldFactory, settings: Settings
) -> None:
    today = school_today()
    offering = await create_offering(client, world)
    enrolment = await enrol(client, world, await admitted(client, world, "ll-1", offering))
    later = await enrol(client, world, await admitted(client, world, "ll-2", offering))
    # The first enrolment's review date passed (as if it started a quarter ago).
    async with factory.run([world.school_id]) as uow:
        row = await uow.first(
            select(OfferingEnrolment).where(OfferingEnrolment.id == enrolment["id"])
        )
        assert row is not None
        row.next_review_on = today - timedelta(days=1)
        await uow.commit()
    observation = {
        "observed_on": iso(-30), "scores": dict.fromkeys(SKILL_CODES, 3),
        "recommendation": "challenge_in_class", "review_on": iso(-2),
    }  # fmt: skip
    url = f"/api/v1/students/{world.students['ll-3']}/observations"
    obs = await call(client, world, "mentor", "POST", url, observation)
    assert obs.status_code == 201, obs.text
    period = await call(client, world, "mentor", "POST", "/api/v1/guidance-periods",
                        {"student_id": str(world.students["ll-2"]), "starts_on": iso(-35),
                         "checkin_every_weeks": 4})  # fmt: skip
    assert period.status_code == 201, period.text

    app = create_job_app(settings)
    for _ in range(2):  # a second morning run writes nothing new
        async with app.open_async():
            await app.configure_task("gifted:schedule_flag_due").defer_async(timestamp=0)
        await run_worker(settings, wait=False)

    notes = await _notifications(factory, world)
    assert sorted((n["kind"], n["id"]) for n in notes) == sorted([
        ("enrolment_review", enrolment["id"]),
        ("observation_review", obs.json()["id"]),
        ("guidance_checkin", period.json()["id"]),
    ])  # fmt: skip
    assert later["id"] not in str(notes)  # its first review is a quarter away
    assert all(set(n) == {"key", "kind", "id", "student_id", "due_on"} for n in notes)
    async with factory.run([world.school_id]) as uow:
        rows = (await uow.execute(text(
            "select status::text from procrastinate_jobs where task_name = 'gifted:flag_due'"
            " and args->>'school_id' = :s"), {"s": str(world.school_id)})).all()  # fmt: skip
    assert rows and all(r[0] == "succeeded" for r in rows)
