"""The signalling instruments: the observation with its 14 skills and the follow-up each
recommendation starts (a review date, a task for the HB-specialist, a draft application, an
HGW signal), the student's self-assessment side by side with it, and the needs intake."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.gifted import create_offering
from support.hgw import call, overview, period

from zorgroute.audit.models import AuditEvent
from zorgroute.gifted.vocabulary import SKILL_CODES

TODAY = date.today()


def scores(value: int | None = 4, **overrides: int | None) -> dict[str, int | None]:
    return {skill: overrides.get(skill, value) for skill in SKILL_CODES}


async def observe(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    student: str,
    recommendation: str,
    **extra: Any,
) -> httpx.Response:
    body = {
        "observed_on": TODAY.isoformat(),
        "scores": scores(),
        "recommendation": recommendation,
        "remarks": "Verveelt zich bij rekenen, helpt anderen graag.",
        **extra,
    }
    return await call(
        client,
        world,
        role,
        "POST",
        f"/api/v1/students/{world.students[student]}/observations",
        body,
    )


async def gifted(
    client: httpx.AsyncClient, world: World, role: str, student: str
) -> dict[str, Any]:
    resp = await call(
        client, world, role, "GET", f"/api/v1/students/{world.students[student]}/gifted"
    )
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


async def test_vocabulary_has_the_instruments_words(
    client: httpx.AsyncClient, world: World
) -> None:
    resp = await call(client, world, "mentor", "GET", "/api/v1/gifted/vocabulary")
    assert resp.status_code == 200
    body = resp.json()
    assert [s["code"] for s in body["observation_skills"]] == list(SKILL_CODES)
    assert body["observation_skills"][0]["question"].startswith("Start de leerling zelfstandig")
    assert body["recommendations"][4]["label"] == (
        "Aanmelden voor onderwijsaanbod in groepssetting buiten de klas of groep"
    )
    assert len(body["self_assessment_skills"]) == 11
    assert {k: len(v) for k, v in body["intake_questions"].items()} == {
        "student": 5,
        "teacher": 5,
        "parents": 4,
    }
    assert body["reverse_scored"] == ["fixed_mindset"]


async def test_an_observation_needs_every_skill_and_valid_scores(
    client: httpx.AsyncClient, world: World
) -> None:
    partial = scores()
    del partial["collaboration"]
    resp = await observe(
        client, world, "mentor", "ll-1", "none", scores={**partial, "flexibility": 6}
    )
    assert resp.status_code == 422
    pointers = {e["pointer"] for e in resp.json()["errors"]}
    assert pointers == {"/scores/collaboration", "/scores/flexibility"}
    resp = await observe(client, world, "mentor", "ll-1", "challenge_in_class")
    assert resp.status_code == 422
    assert [e["pointer"] for e in resp.json()["errors"]] == ["/review_on"]
    resp = await observe(client, world, "mentor", "ll-1", "none", scores=scores(None))
    assert resp.status_code == 422
    # Nothing was stored.
    assert (await gifted(client, world, "mentor", "ll-1"))["observations"] == []


async def test_who_observes_whom(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    # The maths teacher of 2B does not teach ll-1 (1A); the privacy officer and an external
    # partner do not see the student at all; another school's student does not exist.
    assert (await observe(client, world, "teacher", "ll-1", "none")).status_code == 404
    assert (await observe(client, world, "external_partner", "ll-1", "none")).status_code == 404
    assert (await observe(client, world, "teacher", "ll-4", "none")).status_code == 201
    other = await factory.build()
    resp = await call(
        client,
        world,
        "hb_specialist",
        "POST",
        f"/api/v1/students/{other.students['ll-1']}/observations",
        {"observed_on": TODAY.isoformat(), "scores": scores(), "recommendation": "none"},
    )
    assert resp.status_code == 404
    # Leadership reads but does not observe.
    assert (await observe(client, world, "team_leader", "ll-1", "none")).status_code == 403


async def test_challenge_in_class_sets_a_review_and_signals_the_overview(
    client: httpx.AsyncClient, world: World
) -> None:
    period_id = await period(client, world, 1, TODAY - timedelta(days=14))
    ov = await overview(client, world, "gr-1a", period_id)
    review_on = TODAY + timedelta(weeks=6)
    resp = await observe(
        client, world, "mentor", "ll-2", "challenge_in_class", review_on=review_on.isoformat()
    )
    assert resp.status_code == 201, resp.text
    obs = resp.json()
    assert obs["follow_up"] == {
        "kind": "review",
        "due_on": review_on.isoformat(),
        "application_id": None,
        "signal_id": obs["follow_up"]["signal_id"],
        "done": False,
    }
    grid = (await call(client, world, "mentor", "GET", f"/api/v1/overviews/{ov['id']}")).json()
    signals = [s for row in grid["rows"] for s in row["signals"]]
    assert [(s["id"], s["category"], s["basis"]) for s in signals] == [
        (obs["follow_up"]["signal_id"], "learning_lead", ["observation"])
    ]
    # A second observation answers the review and does not signal twice.
    again = (await observe(client, world, "mentor", "ll-2", "none")).json()
    assert again["follow_up"]["signal_id"] is None
    first = (await call(client, world, "mentor", "GET", f"/api/v1/observations/{obs['id']}")).json()
    assert first["follow_up"]["done"] is True


async def test_specialist_task_is_done_when_the_specialist_observes(
    client: httpx.AsyncClient, world: World
) -> None:
    obs = (await observe(client, world, "mentor", "ll-3", "specialist_observation")).json()
    assert obs["follow_up"]["kind"] == "specialist_task" and not obs["by_specialist"]
    ov = (
        await call(
            client,
            world,
            "hb_specialist",
            "GET",
            f"/api/v1/schools/{world.school_id}/gifted-overview",
        )
    ).json()
    assert ov["to_observe"] == 1
    # The mentor's second look does not answer the request; the specialist's does.
    await observe(client, world, "mentor", "ll-3", "specialist_observation")
    specialist = (await observe(client, world, "hb_specialist", "ll-3", "group_offering")).json()
    assert specialist["by_specialist"] is True
    ov = (
        await call(
            client,
            world,
            "hb_specialist",
            "GET",
            f"/api/v1/schools/{world.school_id}/gifted-overview",
        )
    ).json()
    assert ov["to_observe"] == 0
    row = next(s for s in ov["students"] if s["student_id"] == str(world.students["ll-3"]))
    assert row["latest_recommendation"] == "group_offering"
    assert row["applications"] == ["Individuele begeleiding: draft"]


async def test_recommendations_four_and_five_start_a_draft_application(
    client: httpx.AsyncClient, world: World
) -> None:
    for recommendation, kind in (
        ("individual_guidance", "individual"),
        ("group_offering", "group"),
    ):
        obs = (await observe(client, world, "mentor", "ll-1", recommendation)).json()
        application_id = obs["follow_up"]["application_id"]
        assert obs["follow_up"]["kind"] == "application" and application_id
        page = await gifted(client, world, "mentor", "ll-1")
        application = next(a for a in page["applications"] if a["id"] == application_id)
        assert (application["status"], application["kind"]) == ("draft", kind)
        assert application["observation"]["id"] == obs["id"]


async def test_individual_guidance_names_the_schools_individual_offering(
    client: httpx.AsyncClient, world: World
) -> None:
    coaching = await create_offering(
        client, world, name="HB-coaching", kind="individual_coaching", setting="own_class"
    )
    obs = (await observe(client, world, "mentor", "ll-2", "individual_guidance")).json()
    page = await gifted(client, world, "mentor", "ll-2")
    (application,) = page["applications"]
    assert application["id"] == obs["follow_up"]["application_id"]
    assert (application["kind"], application["offering_id"]) == ("individual", coaching["id"])
    # With a second individual offering the draft names none: whoever completes it chooses.
    await create_offering(
        client, world, name="Verrijkingsprogramma", kind="individual_programme", setting="own_class"
    )
    obs = (await observe(client, world, "mentor", "ll-3", "individual_guidance")).json()
    page = await gifted(client, world, "mentor", "ll-3")
    assert [a["offering_id"] for a in page["applications"]] == [None]


async def test_self_assessment_side_by_side(client: httpx.AsyncClient, world: World) -> None:
    url = f"/api/v1/students/{world.students['ll-1']}/self-assessments"
    body = {
        "filled_on": TODAY.isoformat(),
        "strengths": ["planning", "organisation", "time_management", "working_memory"],
        "attention_points": ["planning"],
    }
    resp = await call(client, world, "mentor", "POST", url, body)
    assert resp.status_code == 422
    assert {e["pointer"] for e in resp.json()["errors"]} == {"/strengths/3", "/attention_points/0"}
    body = {
        **body,
        "strengths": ["planning", "task_initiation"],
        "attention_points": ["emotion_regulation", "collaboration"],
    }
    resp = await call(client, world, "mentor", "POST", url, body)
    assert resp.status_code == 422  # "samenwerken" is not on the student's form
    assert [e["pointer"] for e in resp.json()["errors"]] == ["/attention_points/1"]
    body["attention_points"] = ["emotion_regulation"]
    assert (await call(client, world, "mentor", "POST", url, body)).status_code == 201
    await observe(
        client,
        world,
        "mentor",
        "ll-1",
        "none",
        scores=scores(3, planning=1, emotion_regulation=5, task_initiation=4),
    )
    comparison = {
        c["skill"]: c for c in (await gifted(client, world, "mentor", "ll-1"))["comparison"]
    }
    assert comparison["planning"] == {
        "skill": "planning",
        "teacher_score": 1,
        "student_view": "strength",
        "differs": True,
    }
    assert comparison["emotion_regulation"]["differs"] is True
    assert comparison["task_initiation"]["differs"] is False
    assert comparison["collaboration"]["student_view"] == "none"


async def test_needs_intake_sections_per_informant(client: httpx.AsyncClient, world: World) -> None:
    resp = await call(
        client, world, "mentor", "POST", f"/api/v1/students/{world.students['ll-1']}/needs-intakes"
    )
    assert resp.status_code == 201
    intake = resp.json()
    assert [s["informant"] for s in intake["sections"]] == ["student", "teacher", "parents"]
    url = f"/api/v1/needs-intakes/{intake['id']}/sections/student"
    body = {
        "answers": {"s1": "Programmeren", "t1": "?"},
        "respondent": "Lieke",
        "answered_on": TODAY.isoformat(),
    }
    assert (await call(client, world, "mentor", "PUT", url, body)).status_code == 428
    resp = await call(client, world, "mentor", "PUT", url, body, **{"If-Match": '"v1"'})
    assert resp.status_code == 422 and resp.json()["errors"][0]["pointer"] == "/answers/t1"
    body["answers"] = {"s1": "Programmeren", "s3": "Uitdaging"}
    resp = await call(client, world, "mentor", "PUT", url, body, **{"If-Match": '"v1"'})
    assert resp.status_code == 200 and resp.json()["version"] == 2
    assert resp.json()["sections"][0]["answers"] == body["answers"]
    stale = await call(
        client,
        world,
        "mentor",
        "PUT",
        url.replace("student", "parents"),
        {**body, "answers": {"p1": "Geen"}},
        **{"If-Match": '"v1"'},
    )
    assert stale.status_code == 412
    # The teacher of 2B does not see a 1A student's intake.
    got = await call(client, world, "teacher", "GET", f"/api/v1/needs-intakes/{intake['id']}")
    assert got.status_code == 404


async def test_reads_and_writes_are_audited(client: httpx.AsyncClient, world: World) -> None:
    obs = (await observe(client, world, "mentor", "ll-1", "none")).json()
    await call(client, world, "hb_specialist", "GET", f"/api/v1/observations/{obs['id']}")
    await gifted(client, world, "hb_specialist", "ll-1")
    async with world.factory.run([world.school_id]) as uow:
        actions = await uow.scalars(
            select(AuditEvent.action).where(
                AuditEvent.school_id == world.school_id,
                col(AuditEvent.action).like("gifted.%"),
            )
        )
    assert {"gifted.observation.create", "gifted.observation.read", "gifted.student.read"} <= set(
        actions
    )
