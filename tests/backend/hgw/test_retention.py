"""The HGW part of the leerlingdossier has a retention term too: two years after leaving the
student's overview rows, results, signals, needs, meeting decisions, IHP and OPP go, and the
student leaves the group plan's rows; the plan itself and classmates' records stay."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from sqlalchemy import update
from sqlmodel import col, select
from support.factories import World
from support.hgw import call, need, need_body, overview, period, signal

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import utcnow
from zorgroute.hgw.models import EducationalNeed, OverviewRow, Signal
from zorgroute.plans.models import DevelopmentPerspective, DevelopmentPerspectiveVersion, PlanRow
from zorgroute.privacy.retention import apply_retention, retention_principal
from zorgroute.roster.models import Enrolment

START = date(2026, 9, 7)


async def test_support_records_go_two_years_after_leaving(
    client: httpx.AsyncClient, world: World
) -> None:
    ov = await overview(client, world, "gr-1a", await period(client, world, 1, START))
    for student in ("ll-1", "ll-2"):
        await signal(client, world, "mentor", ov["id"], student, "basic_skill_delay")
        await need(client, world, "mentor", student, need_body(ov["id"], START))
    plan = await call(
        client, world, "mentor", "POST", f"/api/v1/overviews/{ov['id']}/plan",
        {"starts_on": START.isoformat(), "ends_on": "2026-10-30"},
    )  # fmt: skip
    assert plan.status_code == 201, plan.text
    opp = await call(
        client, world, "mentor", "POST",
        f"/api/v1/students/{world.students['ll-1']}/development-perspective",
        {"support_started_on": "2026-09-01", "support_description": "Remedial teaching"},
    )  # fmt: skip
    version = {
        "kind": "initial", "expected_outflow": "havo", "support_offered": "RT",
        "factors": [{"kind": "stimulating", "locus": "student", "text": "Doorzetter"}],
        "long_term_goals": ["Havo"], "student_view": "Ik wil het zelf.",
        "determined_with_student": True, "determined_with_parents": True,
        "determined_on": "2026-09-20",
    }  # fmt: skip
    added = await call(
        client, world, "mentor", "POST",
        f"/api/v1/development-perspectives/{opp.json()['id']}/versions", version,
        **{"If-Match": '"v1"'},
    )  # fmt: skip
    assert added.status_code == 201, added.text

    gone, stays = world.students["ll-1"], world.students["ll-2"]
    async with world.factory.run([world.school_id]) as uow:
        await uow.execute(
            update(Enrolment)
            .where(col(Enrolment.student_id) == gone)
            .values(end_date=utcnow().date() - timedelta(days=3 * 365))
        )
        await uow.commit()
    async with world.factory.run([world.school_id], retention_principal(world.school_id)) as uow:
        report = await apply_retention(uow, world.school_id)
        await uow.commit()
    assert report.deleted["support_record"] > 0

    async with world.factory.run([world.school_id]) as uow:
        for model in (OverviewRow, Signal, EducationalNeed, DevelopmentPerspective,
                      DevelopmentPerspectiveVersion):  # fmt: skip
            left = await uow.scalars(select(model.student_id).where(model.student_id == gone))  # type: ignore[attr-defined]
            assert left == [], model.__name__
        assert await uow.scalars(select(Signal.id).where(Signal.student_id == stays))
        rows = await uow.scalars(select(PlanRow).where(PlanRow.plan_id == plan.json()["id"]))
        assert rows  # the group's plan stays
        assert all(gone not in r.student_ids for r in rows)
        assert any(stays in r.student_ids for r in rows)
        audited = await uow.scalars(
            select(AuditEvent.student_id).where(
                AuditEvent.action == "retention.delete", AuditEvent.school_id == world.school_id
            )
        )
        assert set(audited) == {gone}
