"""A student's cases are part of the leerlingdossier: two years after leaving the case with its
forms, conversations, minutes, actions, referrals and append-only timeline goes; classmates'
cases, the meeting and the consents (their own term) stay."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import text, update
from sqlmodel import col, select
from support.cases import TODAY, consent, discuss, install, iso, meeting, open_case
from support.factories import World
from support.hgw import call

from zorgroute.cases.models import ActionItem, CareCase, CareMeeting, CaseEvent, ExternalReferral
from zorgroute.core.models import utcnow
from zorgroute.privacy.models import Consent
from zorgroute.privacy.retention import apply_retention, retention_principal
from zorgroute.roster.models import Enrolment


async def test_cases_go_two_years_after_leaving(client: httpx.AsyncClient, world: World) -> None:
    await install(client, world, "vo-izo-zat", "vo")
    izo = await meeting(client, world, "izo")
    case_ids = {}
    for student in ("ll-1", "ll-2"):
        resp = await open_case(client, world, "mentor", student, "vo", "open_izo")
        case_ids[student] = resp.json()["id"]
        action = {"description": "x", "owner_name": "Mentor", "due_on": iso(TODAY)}
        assert (await discuss(client, world, izo["id"], case_ids[student],
                              actions=[action])).status_code == 200  # fmt: skip
    consent_id = await consent(client, world, "ll-1", "share_external", "GGD")
    resp = await call(client, world, "zorgcoordinator", "POST",
                      f"/api/v1/cases/{case_ids['ll-1']}/conversations",
                      {"with_whom": "parents", "moment": "kickoff", "held_on": iso(TODAY),
                       "summary": "x"})  # fmt: skip
    assert resp.status_code == 201, resp.text
    gone, stays = world.students["ll-1"], world.students["ll-2"]
    async with world.factory.run([world.school_id]) as uow:  # a referral on the consent
        uow.add(ExternalReferral(school_id=world.school_id, case_id=case_ids["ll-1"],
                                 target="jgz", reason="x", referred_on=TODAY,
                                 consent_id=consent_id))  # fmt: skip
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
        assert await uow.scalars(select(CareCase.id).where(CareCase.student_id == gone)) == []
        for model in (CaseEvent, ActionItem, ExternalReferral):
            left = await uow.scalars(select(model.id).where(model.case_id == case_ids["ll-1"]))
            assert left == [], model.__name__
        kept = await uow.scalars(select(CareCase.id).where(CareCase.student_id == stays))
        assert len(kept) == 1
        assert await uow.scalars(select(CaseEvent.id).where(CaseEvent.case_id == kept[0]))
        assert await uow.scalars(select(CareMeeting.id).where(CareMeeting.id == izo["id"]))
        assert await uow.scalars(select(Consent.id).where(Consent.id == consent_id))


async def test_the_timeline_stays_append_only_for_the_app(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", "vo")
    case = (await open_case(client, world, "mentor", "ll-1", "vo", "open_izo")).json()
    async with world.factory.run([world.school_id]) as uow:
        try:
            await uow.execute(text("delete from case_event where case_id = :c"), {"c": case["id"]})
        except Exception as error:  # the app role has no DELETE on the timeline
            assert "permission denied" in str(error)
        else:
            raise AssertionError("the app deleted a timeline event")
