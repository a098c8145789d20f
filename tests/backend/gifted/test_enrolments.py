"""Enrolments: an admitted application becomes a deelname with goals, a review rhythm and, for
anything outside the own class, a plan for the regular class (IMAGE: no "part-time solution for
a full-time problem"); a placement outside the home school needs the stamschool agreements.
Every review covers every goal; the student stops with 'goals met' only when all are achieved.
A regional offering's school reviews its students without reading their records."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.gifted import (
    HB,
    ZOCO,
    admitted,
    apply,
    create_offering,
    decide,
    enrol,
    enrolment_body,
    expect,
    if_match,
    iso,
    pointers,
    submit,
)
from support.hgw import call

from zorgroute.audit.models import AuditEvent
from zorgroute.core.outbox import OutboxEvent

AGREEMENTS = {
    "responsibilities": ["De voorziening geeft les, de stamschool houdt de zorg"],
    "weekly_contact": "Elke maandag telefonisch, mentor en coördinator",
    "counts_for_report": True,
    "parent_contact": "De mentor van de stamschool belt de ouders na elke evaluatie",
    "home_school_contact": "Mentor 1A",
}


def url(enrolment: dict[str, Any], tail: str = "") -> str:
    return f"/api/v1/offering-enrolments/{enrolment['id']}{tail}"


def progress(enrolment: dict[str, Any], *marks: str) -> list[dict[str, str]]:
    return [
        {"goal_id": g["id"], "progress": m} for g, m in zip(enrolment["goals"], marks, strict=True)
    ]


async def reviewed(
    client: httpx.AsyncClient,
    world: World,
    enrolment: dict[str, Any],
    goal_progress: list[dict[str, Any]],
    role: str = HB,
    status: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    body = {
        "reviewed_on": iso(),
        "goal_progress": goal_progress,
        "with_student": True,
        "with_parents": True,
        **fields,
    }
    resp = await call(
        client, world, role, "POST", url(enrolment, "/reviews"), body, **if_match(enrolment)
    )
    return expect(resp, status)


async def ended(
    client: httpx.AsyncClient,
    world: World,
    enrolment: dict[str, Any],
    reason: str,
    role: str = HB,
    status: int = 200,
) -> dict[str, Any]:
    resp = await call(
        client,
        world,
        role,
        "POST",
        url(enrolment, "/exit"),
        {"ended_on": iso(), "reason": reason, "note": "Afgerond"},
        **if_match(enrolment),
    )
    return expect(resp, status)


def weeks_from(day: str, weeks: int) -> str:
    return (date.fromisoformat(day) + timedelta(weeks=weeks)).isoformat()


async def test_an_enrolment_runs_from_goals_and_reviews_to_an_exit_with_the_goals_met(
    client: httpx.AsyncClient, world: World
) -> None:
    offering = await create_offering(client, world)
    application = await admitted(client, world, "ll-1", offering)
    resp = await call(
        client,
        world,
        ZOCO,
        "POST",
        "/api/v1/offering-enrolments",
        enrolment_body(world, application),
    )
    enrolment = expect(resp, 201)
    assert resp.headers["ETag"] == '"v1"'
    assert enrolment["student_id"] == str(world.students["ll-1"])
    assert enrolment["student_name"] == "Emma de Vries"
    assert [g["status"] for g in enrolment["goals"]] == ["open", "open"]
    assert all(uuid.UUID(g["id"]) for g in enrolment["goals"])
    assert enrolment["next_review_on"] == weeks_from(iso(), 13)
    assert enrolment["review_overdue"] is False
    plan = enrolment["in_class_plan"]
    assert plan["complete"] is True and plan["regular_teacher_name"] == "Mentor Medewerker"
    assert enrolment["offering"]["enrolled"] == 1
    read = expect(
        await call(client, world, ZOCO, "GET", f"/api/v1/applications/{application['id']}"), 200
    )
    assert read["enrolment_id"] == enrolment["id"]

    first = await reviewed(
        client, world, enrolment, progress(enrolment, "achieved", "progressing"), reviewed_on=iso(1)
    )
    assert [g["status"] for g in first["goals"]] == ["achieved", "open"]
    assert first["next_review_on"] == weeks_from(iso(1), 13)
    assert first["reviews"][0]["reviewed_by_name"] and first["version"] == 2

    problem = await ended(client, world, first, "goals_met", status=422)
    assert pointers(problem) == {"/reason"}
    assert "Durft fouten te maken en vraagt om feedback" in problem["errors"][0]["detail"]

    second = await reviewed(
        client,
        world,
        first,
        progress(first, "achieved", "achieved"),
        reviewed_on=iso(2),
        decision="stop",
    )
    assert [r["reviewed_on"] for r in second["reviews"]] == [iso(2), iso(1)]  # newest first
    assert second["reviews"][0]["next_review_on"] is None and second["next_review_on"] is None
    done = await ended(client, world, second, "goals_met")
    assert done["status"] == "ended" and done["exit_reason"] == "goals_met"
    assert done["ended_on"] == iso() and done["next_review_on"] is None
    assert done["offering"]["enrolled"] == 0

    await reviewed(client, world, done, progress(done, "achieved", "achieved"), status=409)
    await ended(client, world, done, "other", status=409)
    resp = await call(client, world, HB, "PATCH", url(done), {"alignment": "x"}, **if_match(done))
    expect(resp, 409)

    async with world.factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(OutboxEvent).where(
                OutboxEvent.topic == "gifted.enrolment_ended",
                OutboxEvent.school_id == world.school_id,
            )
        )
        actions = await uow.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.target_id == enrolment["id"])
            .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
        )
    assert [e.payload for e in events] == [{"enrolment_id": enrolment["id"], "reason": "goals_met"}]
    assert actions == [
        "gifted.enrolment.create",
        "gifted.enrolment.review",
        "gifted.enrolment.review",
        "gifted.enrolment.exit",
    ]


async def test_only_an_admitted_application_is_enrolled_and_only_once(
    client: httpx.AsyncClient, world: World
) -> None:
    offering = await create_offering(client, world)
    pending = await submit(client, world, await apply(client, world, "ll-1", offering["id"]))
    problem = await enrol(client, world, pending, status=409)
    assert problem["code"] == "invalid-transition" and problem["state"] == "submitted"

    application = await decide(client, world, pending, "admitted")
    await enrol(client, world, application, role="mentor", status=403)  # works with, not enrols
    await enrol(client, world, application, role="teacher", status=404)
    await enrol(client, world, application, role="external_partner", status=404)
    await enrol(client, world, application, role=HB)
    problem = await enrol(client, world, application, status=409)
    assert problem["code"] == "conflict"


async def test_out_of_class_an_enrolment_needs_the_plan_for_the_regular_class(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    group = await create_offering(client, world)  # a separate group
    application = await admitted(client, world, "ll-1", group)
    problem = await enrol(
        client,
        world,
        application,
        status=422,
        regular_teacher_staff_id=None,
        class_adjustments="",
        alignment=" ",
    )
    assert pointers(problem) == {"/regular_teacher_staff_id", "/class_adjustments", "/alignment"}
    other = await factory.build()
    problem = await enrol(
        client,
        world,
        application,
        status=422,
        regular_teacher_staff_id=str(other.staff["st-mentor-1a"]),
        individual_plan_id=str(uuid.uuid4()),
    )
    assert pointers(problem) == {"/regular_teacher_staff_id", "/individual_plan_id"}

    # A full-time peer group takes the student out of the home school: agreements first.
    placement = await create_offering(client, world, kind="peer_group_full_time", capacity=None)
    moving = await admitted(client, world, "ll-2", placement)
    assert pointers(await enrol(client, world, moving, status=422)) == {"/agreements"}
    placed = await enrol(client, world, moving, agreements=AGREEMENTS)
    assert placed["agreements"]["weekly_contact"] == AGREEMENTS["weekly_contact"]
    assert placed["agreements"]["gradual_intake"] == ""

    # In the own class no separate plan is needed (it is the class).
    in_class = await create_offering(client, world, kind="enrichment", setting="own_class")
    staying = await admitted(client, world, "ll-3", in_class)
    read = await enrol(
        client, world, staying, regular_teacher_staff_id=None, class_adjustments="", alignment=""
    )
    assert read["in_class_plan"]["complete"] is False and read["agreements"] is None


async def test_a_review_covers_every_goal_once_and_names_the_version_it_read(
    client: httpx.AsyncClient, world: World
) -> None:
    offering = await create_offering(client, world)
    enrolment = await enrol(client, world, await admitted(client, world, "ll-1", offering))
    first, second = enrolment["goals"]
    unknown = str(uuid.uuid4())
    for marks, fragment in (
        ([{"goal_id": first["id"], "progress": "achieved"}], second["text"]),
        (
            [
                *progress(enrolment, "achieved", "not_yet"),
                {"goal_id": unknown, "progress": "not_yet"},
            ],
            unknown,
        ),
        (
            [
                *progress(enrolment, "achieved", "not_yet"),
                {"goal_id": first["id"], "progress": "not_yet"},
            ],
            "twice",
        ),
    ):
        problem = await reviewed(client, world, enrolment, marks, status=422)
        assert pointers(problem) == {"/goal_progress"} and fragment in problem["detail"]
    problem = await reviewed(
        client,
        world,
        enrolment,
        progress(enrolment, "not_yet", "not_yet"),
        reviewed_on=iso(-1),
        status=422,
    )
    assert pointers(problem) == {"/reviewed_on"}

    body = {
        "reviewed_on": iso(),
        "goal_progress": progress(enrolment, "not_yet", "not_yet"),
        "with_student": True,
        "with_parents": False,
    }
    expect(await call(client, world, HB, "POST", url(enrolment, "/reviews"), body), 428)
    expect(
        await call(
            client, world, HB, "POST", url(enrolment, "/reviews"), body, **{"If-Match": '"v5"'}
        ),
        412,
    )
    await reviewed(
        client,
        world,
        enrolment,
        progress(enrolment, "not_yet", "not_yet"),
        role="teacher",
        status=404,
    )
    read = await reviewed(
        client,
        world,
        enrolment,
        progress(enrolment, "not_yet", "not_yet"),
        role="mentor",
        with_parents=False,
    )
    assert read["reviews"][0]["with_parents"] is False


async def test_an_update_keeps_goal_ids_and_the_plan_complete(
    client: httpx.AsyncClient, world: World
) -> None:
    offering = await create_offering(client, world)
    enrolment = await enrol(client, world, await admitted(client, world, "ll-1", offering))
    first = enrolment["goals"][0]
    body = {
        "goals": [
            {
                "id": first["id"],
                "text": "Plant een project van zes weken",
                "cognitive": True,
                "status": "achieved",
            },
            {"text": "Houdt een logboek bij"},
        ],
        "review_every_weeks": 6,
    }
    expect(await call(client, world, HB, "PATCH", url(enrolment), body), 428)
    resp = await call(client, world, HB, "PATCH", url(enrolment), body, **if_match(enrolment))
    updated = expect(resp, 200)
    assert [(g["text"], g["status"]) for g in updated["goals"]] == [
        ("Plant een project van zes weken", "achieved"),
        ("Houdt een logboek bij", "open"),
    ]
    assert updated["goals"][0]["id"] == first["id"]
    assert updated["goals"][1]["id"] not in {g["id"] for g in enrolment["goals"]}
    assert updated["review_every_weeks"] == 6 and updated["version"] == 2
    assert updated["in_class_plan"]["class_adjustments"].startswith("Compacten")  # untouched

    wrong = {"goals": [{"id": str(uuid.uuid4()), "text": "Onbekend"}]}
    resp = await call(client, world, HB, "PATCH", url(enrolment), wrong, **if_match(updated))
    assert pointers(expect(resp, 422)) == {"/goals/0/id"}
    resp = await call(
        client, world, HB, "PATCH", url(enrolment), {"class_adjustments": ""}, **if_match(updated)
    )
    assert pointers(expect(resp, 422)) == {"/class_adjustments"}
    resp = await call(
        client, world, "teacher", "PATCH", url(enrolment), {"alignment": "x"}, **if_match(updated)
    )
    expect(resp, 404)


async def test_a_review_past_its_date_is_overdue(client: httpx.AsyncClient, world: World) -> None:
    offering = await create_offering(client, world)
    enrolment = await enrol(
        client,
        world,
        await admitted(client, world, "ll-1", offering),
        starts_on=iso(-30),
        review_every_weeks=2,
    )
    assert enrolment["next_review_on"] == iso(-16) and enrolment["review_overdue"] is True
    done = await reviewed(client, world, enrolment, progress(enrolment, "not_yet", "not_yet"))
    assert done["next_review_on"] == iso(14) and done["review_overdue"] is False


async def test_the_regional_offerings_school_follows_its_students_without_their_records(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    provider = await factory.build(swv_id=world.swv_id)
    elsewhere = await factory.build()
    offering = await create_offering(
        client, provider, regional=True, open_to_other_schools=True, setting="other_school"
    )
    application = await submit(client, world, await apply(client, world, "ll-1", offering["id"]))
    application = await decide(client, provider, application, "admitted")

    # The provider cannot name the regular teacher of another school: the sending school does.
    problem = await enrol(
        client,
        provider,
        application,
        status=422,
        agreements=AGREEMENTS,
        regular_teacher_staff_id=str(world.staff["st-mentor-1a"]),
    )
    assert pointers(problem) == {"/regular_teacher_staff_id"}
    assert pointers(await enrol(client, world, application, status=422)) == {"/agreements"}
    enrolment = await enrol(client, world, application, agreements=AGREEMENTS)

    theirs = expect(await call(client, provider, HB, "GET", url(enrolment)), 200)
    assert theirs["student_id"] is None and theirs["student_name"] == "Emma de Vries"
    assert theirs["offering"]["enrolled"] == 1
    reviewed_there = await reviewed(
        client, provider, theirs, progress(theirs, "achieved", "progressing")
    )
    assert reviewed_there["student_id"] is None

    home = expect(await call(client, world, "mentor", "GET", url(enrolment)), 200)
    assert home["student_id"] == str(world.students["ll-1"])
    assert home["reviews"][0]["id"] == reviewed_there["reviews"][0]["id"]

    listing = f"/api/v1/offerings/{offering['id']}/enrolments"
    rows = expect(await call(client, provider, "school_leader", "GET", listing), 200)
    assert [(r["id"], r["student_id"]) for r in rows] == [(enrolment["id"], None)]
    assert expect(await call(client, provider, HB, "GET", f"{listing}?status=ended"), 200) == []
    expect(await call(client, provider, "teacher", "GET", listing), 403)
    expect(await call(client, world, ZOCO, "GET", listing), 403)  # sees the offering, runs none
    expect(await call(client, elsewhere, HB, "GET", listing), 404)
    expect(await call(client, elsewhere, HB, "GET", url(enrolment)), 404)
    expect(await call(client, provider, "teacher", "GET", url(enrolment)), 404)

    done = await ended(client, provider, reviewed_there, "transfer")
    assert done["status"] == "ended"
    async with world.factory.run([provider.school_id]) as uow:
        events = await uow.scalars(
            select(OutboxEvent).where(OutboxEvent.topic == "gifted.enrolment_ended")
        )
        reads = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.target_id == enrolment["id"],
                AuditEvent.action == "gifted.enrolment.read",
                AuditEvent.school_id == provider.school_id,
            )
        )
    assert [e.payload["enrolment_id"] for e in events] == [enrolment["id"]]
    assert reads and all(r.student_id == world.students["ll-1"] for r in reads)
