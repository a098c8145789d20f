"""Admissions: those who work with a student draft an application, care or HB staff submit it
on a route the offering takes (freezing what the committee will read), and the offering's
committee (two or more members, the caller among them) admits, waitlists or rejects it, with
reasons and capacity exceptions recorded; the committee orders its waitlist, which stays 1..n.

A regional offering's committee at another school reads the application and its snapshot but
not the student's record: no student id, never sex or origin (001:958)."""

from __future__ import annotations

from typing import Any

import httpx
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.gifted import (
    HB,
    ZOCO,
    apply,
    committee,
    create_offering,
    decide,
    expect,
    if_match,
    iso,
    offering_body,
    pointers,
    submit,
)
from support.hgw import call

from zorgroute.audit.models import AuditEvent
from zorgroute.core.outbox import OutboxEvent

SKILLS = (
    "task_initiation",
    "sustained_attention",
    "goal_directed",
    "flexibility",
    "emotion_regulation",
    "response_inhibition",
    "metacognition",
    "working_memory",
    "time_management",
    "organisation",
    "planning",
    "fixed_mindset",
    "growth_mindset",
    "collaboration",
)
FORBIDDEN_WORDS = (
    "sex",
    "gender",
    "geslacht",
    "origin",
    "afkomst",
    "nationality",
    "birth",
    "country",
    "ethnic",
)


def app_url(application: dict[str, Any], tail: str = "") -> str:
    return f"/api/v1/applications/{application['id']}{tail}"


async def observed(client: httpx.AsyncClient, world: World, student: str) -> dict[str, Any]:
    body = {
        "observed_on": iso(-1),
        "scores": dict.fromkeys(SKILLS, 4),
        "recommendation": "specialist_observation",
        "remarks": "Werkt snel en zelfstandig.",
    }
    resp = await call(
        client,
        world,
        "mentor",
        "POST",
        f"/api/v1/students/{world.students[student]}/observations",
        body,
    )
    return expect(resp, 201)


async def intake(client: httpx.AsyncClient, world: World, student: str) -> dict[str, Any]:
    resp = await call(
        client, world, ZOCO, "POST", f"/api/v1/students/{world.students[student]}/needs-intakes"
    )
    created = expect(resp, 201)
    resp = await call(
        client,
        world,
        ZOCO,
        "PUT",
        f"/api/v1/needs-intakes/{created['id']}/sections/student",
        {
            "answers": {"s1": "Dingen die ik nog niet weet"},
            "respondent": "Emma",
            "answered_on": iso(-1),
        },
        **if_match(created),
    )
    return expect(resp, 200)


async def actions_on(world: World, target: str) -> list[str]:
    async with world.factory.run([world.school_id]) as uow:
        return await uow.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.target_id == target)
            .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
        )


def keys(value: Any) -> set[str]:
    """Every key anywhere in a JSON document."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


async def test_an_application_goes_from_draft_to_admitted_on_a_frozen_snapshot(
    client: httpx.AsyncClient, world: World
) -> None:
    offering = await create_offering(client, world)
    observation = await observed(client, world, "ll-1")
    draft = await apply(
        client, world, "ll-1", offering["id"], role="mentor", observation_id=observation["id"]
    )
    assert draft["status"] == "draft" and draft["student_id"] == str(world.students["ll-1"])
    assert draft["offering_name"] == "Plusklas bovenbouw"
    assert draft["observation"]["id"] == observation["id"]
    assert draft["snapshot"] == {
        "student_name": "Emma de Vries",
        "group_name": "1A",
        "school_name": offering["school_name"],
        "grade": "leerjaar 1",
    }

    needs = await intake(client, world, "ll-1")
    resp = await call(
        client,
        world,
        "mentor",
        "PATCH",
        app_url(draft),
        {"needs_intake_id": needs["id"]},
        **if_match(draft),
    )
    draft = expect(resp, 200)
    assert resp.headers["ETag"] == '"v2"' and draft["needs_intake"]["id"] == needs["id"]

    await submit(client, world, draft, role="mentor", status=403)  # works with, does not submit
    submitted = await submit(client, world, draft)
    assert submitted["status"] == "submitted" and submitted["route"] == "intern_begeleider"
    assert submitted["submitted_by_name"] and submitted["submitted_at"]
    assert submitted["observation"]["id"] == observation["id"]
    assert submitted["needs_intake"]["sections"][0]["answers"] == {
        "s1": "Dingen die ik nog niet weet"
    }

    # The snapshot is frozen: a later answer in the intake does not reach the committee.
    resp = await call(
        client,
        world,
        ZOCO,
        "PUT",
        f"/api/v1/needs-intakes/{needs['id']}/sections/teacher",
        {
            "answers": {"t3": "Beginnen aan saaie taken"},
            "respondent": "Mentor",
            "answered_on": iso(),
        },
        **if_match(needs),
    )
    expect(resp, 200)
    read = expect(await call(client, world, HB, "GET", app_url(draft)), 200)
    assert read["needs_intake"]["version"] == needs["version"]
    assert [s["answers"] for s in read["needs_intake"]["sections"]][1] == {}

    decided = await decide(client, world, read, "admitted", reason="Past goed bij de doelen.")
    assert decided["status"] == "admitted" and decided["decided_at"]
    assert [m["name"] for m in decided["decided_by"]] == [
        "Hb_Specialist Medewerker",
        "Zorgcoordinator Medewerker",
    ]
    assert decided["decision_reason"] == "Past goed bij de doelen."

    assert await actions_on(world, draft["id"]) == [
        "gifted.application.create",
        "gifted.application.update",
        "gifted.application.submit",
        "gifted.application.read",
        "gifted.application.decide",
    ]
    async with world.factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(OutboxEvent).where(
                OutboxEvent.topic == "gifted.application_submitted",
                OutboxEvent.school_id == world.school_id,
            )
        )
        audit = await uow.first(
            select(AuditEvent).where(
                AuditEvent.target_id == draft["id"], AuditEvent.action == "gifted.application.read"
            )
        )
    assert [e.payload for e in events] == [
        {
            "application_id": draft["id"],
            "offering_id": offering["id"],
            "offering_school_id": str(world.school_id),
        }
    ]
    assert audit is not None and str(audit.student_id) == str(world.students["ll-1"])


async def test_submitting_needs_an_offering_a_route_it_takes_and_a_motivation(
    client: httpx.AsyncClient, world: World
) -> None:
    offering = await create_offering(client, world)
    bare = await apply(client, world, "ll-1", None, motivation="")
    problem = await submit(client, world, bare, status=422)
    assert pointers(problem) == {"/offering_id", "/motivation"}

    draft = await apply(client, world, "ll-2", offering["id"])
    problem = await submit(client, world, draft, route="parents", status=422)
    assert pointers(problem) == {"/route"} and "intern begeleider" in problem["detail"]
    expect(
        await call(
            client, world, ZOCO, "POST", app_url(draft, "/submit"), {"route": "intern_begeleider"}
        ),
        428,
    )
    expect(
        await call(
            client,
            world,
            ZOCO,
            "POST",
            app_url(draft, "/submit"),
            {"route": "intern_begeleider"},
            **{"If-Match": '"v7"'},
        ),
        412,
    )

    submitted = await submit(client, world, draft)
    problem = await submit(client, world, submitted, status=409)
    assert problem["code"] == "invalid-transition"
    assert problem["allowed_actions"] == ["decide", "withdraw"]
    resp = await call(
        client,
        world,
        ZOCO,
        "PATCH",
        app_url(submitted),
        {"motivation": "Anders"},
        **if_match(submitted),
    )
    assert expect(resp, 409)["state"] == "submitted"

    # An archived offering takes no applications.
    closing = await create_offering(client, world, name="Laatste ronde")
    late = await apply(client, world, "ll-3", closing["id"])
    resp = await call(
        client,
        world,
        HB,
        "PUT",
        f"/api/v1/offerings/{closing['id']}",
        offering_body(world, name="Laatste ronde", archived=True),
        **if_match(closing),
    )
    expect(resp, 200)
    assert pointers(await submit(client, world, late, status=422)) == {"/offering_id"}
    await apply(client, world, "ll-3", closing["id"], status=422)


async def test_who_may_draft_an_application_and_for_which_offering(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    offering = await create_offering(client, world)
    await apply(client, world, "ll-1", offering["id"], role="teacher", status=404)  # not theirs
    await apply(client, world, "ll-4", offering["id"], role="teacher")  # teaches ll-4 maths
    for role in ("external_partner", "privacy_officer"):
        await apply(client, world, "ll-1", offering["id"], role=role, status=404)
    other = await factory.build()
    resp = await call(
        client,
        other,
        ZOCO,
        "POST",
        "/api/v1/applications",
        {"student_id": str(world.students["ll-1"])},
    )
    expect(resp, 404)

    neighbour = await factory.build(swv_id=world.swv_id)
    regional = await create_offering(client, neighbour, regional=True, open_to_other_schools=True)
    local = await create_offering(client, neighbour)
    far = await create_offering(client, other, regional=True, open_to_other_schools=True)
    await apply(client, world, "ll-1", regional["id"])
    for offering_id in (local["id"], far["id"]):
        problem = await apply(client, world, "ll-1", offering_id, status=404)
        assert problem["detail"] == "There is no offering with this id that you may see."

    someone_else = await observed(client, world, "ll-2")
    problem = await apply(
        client, world, "ll-1", offering["id"], observation_id=someone_else["id"], status=422
    )
    assert pointers(problem) == {"/observation_id"}

    draft = await apply(client, world, "ll-1", offering["id"])
    expect(await call(client, world, "teacher", "GET", app_url(draft)), 404)
    expect(await call(client, world, "school_leader", "GET", app_url(draft)), 200)
    expect(await call(client, other, HB, "GET", app_url(draft)), 404)


async def test_the_committee_decides_with_two_of_its_members_and_gives_its_reasons(
    client: httpx.AsyncClient, world: World
) -> None:
    hb, zoco, director = (str(world.staff[s]) for s in ("st-hb", "st-zoco", "st-director"))
    offering = await create_offering(client, world, committee_staff_ids=[hb, zoco, director])
    draft = await apply(client, world, "ll-1", offering["id"])
    problem = await decide(client, world, draft, "admitted", status=409)
    assert problem["allowed_actions"] == ["update", "submit", "withdraw"]
    app = await submit(client, world, draft)

    await decide(client, world, app, "admitted", role="team_leader", status=403)  # runs it
    await decide(client, world, app, "admitted", role="mentor", status=403)  # mentor of ll-1
    await decide(client, world, app, "admitted", role="teacher", status=404)
    await decide(client, world, app, "admitted", role="external_partner", status=404)

    teamleader = str(world.staff["st-teamleader"])
    for decided_by, role in (([hb, hb], HB), ([hb, teamleader], HB), ([zoco, director], HB)):
        problem = await decide(
            client, world, app, "admitted", role=role, decided_by=decided_by, status=422
        )
        assert pointers(problem) == {"/decided_by"}, decided_by
    problem = await decide(client, world, app, "rejected", reason="", exception=True, status=422)
    assert pointers(problem) == {"/reason", "/exception_reason"}
    resp = await call(
        client,
        world,
        HB,
        "POST",
        app_url(app, "/decision"),
        {"decision": "admitted", "decided_by": committee(world)},
        **{"If-Match": '"v1"'},
    )
    expect(resp, 412)

    rejected = await decide(
        client, world, app, "rejected", role="school_leader", decided_by=[director, zoco]
    )
    assert rejected["status"] == "rejected" and rejected["waitlist_position"] is None
    problem = await decide(client, world, rejected, "admitted", status=409)
    assert problem["allowed_actions"] == []
    other = await decide(
        client,
        world,
        await submit(client, world, await apply(client, world, "ll-2", offering["id"])),
        "waitlisted",
    )
    problem = await decide(client, world, other, "waitlisted", status=409)
    assert problem["allowed_actions"] == ["admitted", "rejected"]
    async with world.factory.run([world.school_id]) as uow:
        audit = await uow.first(
            select(AuditEvent).where(
                AuditEvent.target_id == app["id"], AuditEvent.action == "gifted.application.decide"
            )
        )
    assert audit is not None and audit.details == {
        "status": "rejected",
        "decision": "rejected",
        "exception": False,
    }


async def test_admitting_beyond_capacity_is_an_exception_with_its_reason(
    client: httpx.AsyncClient, world: World
) -> None:
    offering = await create_offering(client, world, capacity=1)
    queue_url = f"/api/v1/offerings/{offering['id']}/applications"
    first = await submit(client, world, await apply(client, world, "ll-1", offering["id"]))
    second = await submit(client, world, await apply(client, world, "ll-2", offering["id"]))
    assert expect(await call(client, world, HB, "GET", queue_url), 200)["free_places"] == 1
    await decide(client, world, first, "admitted")
    assert expect(await call(client, world, HB, "GET", queue_url), 200)["free_places"] == 0

    problem = await decide(client, world, second, "admitted", status=422)
    assert pointers(problem) == {"/exception"}
    problem = await decide(client, world, second, "admitted", exception=True, status=422)
    assert pointers(problem) == {"/exception_reason"}
    admitted = await decide(
        client,
        world,
        second,
        "admitted",
        exception=True,
        exception_reason="Valt tussen wal en schip zonder deze plek.",
    )
    assert admitted["exception"] is True
    assert admitted["exception_reason"] == "Valt tussen wal en schip zonder deze plek."
    queue = expect(await call(client, world, HB, "GET", queue_url), 200)
    assert queue["free_places"] == 0
    assert [a["id"] for a in queue["decided"]] == [second["id"], first["id"]]

    unlimited = await create_offering(client, world, capacity=None)
    resp = await call(client, world, HB, "GET", f"/api/v1/offerings/{unlimited['id']}/applications")
    assert expect(resp, 200)["free_places"] is None


async def test_the_committee_orders_the_waitlist_and_leaving_it_closes_the_gap(
    client: httpx.AsyncClient, world: World
) -> None:
    offering = await create_offering(client, world)
    url = f"/api/v1/offerings/{offering['id']}"
    apps = {}
    for student in ("ll-1", "ll-2", "ll-3", "ll-4"):
        apps[student] = await submit(
            client, world, await apply(client, world, student, offering["id"])
        )
    for student in ("ll-1", "ll-2", "ll-3"):
        apps[student] = await decide(client, world, apps[student], "waitlisted")
    assert [apps[s]["waitlist_position"] for s in ("ll-1", "ll-2", "ll-3")] == [1, 2, 3]

    order = [apps[s]["id"] for s in ("ll-3", "ll-1", "ll-2")]
    resp = await call(
        client, world, "school_leader", "PUT", f"{url}/waitlist", {"application_ids": order}
    )
    expect(resp, 403)  # runs the offering, not on its committee
    for wrong in (order[:2], [*order[:2], order[0]], [*order, apps["ll-4"]["id"]]):
        resp = await call(client, world, ZOCO, "PUT", f"{url}/waitlist", {"application_ids": wrong})
        assert pointers(expect(resp, 422)) == {"/application_ids"}
    queue = expect(
        await call(client, world, ZOCO, "PUT", f"{url}/waitlist", {"application_ids": order}), 200
    )
    assert [(a["id"], a["waitlist_position"]) for a in queue["waitlist"]] == [
        (order[0], 1),
        (order[1], 2),
        (order[2], 3),
    ]
    assert queue["offering"]["waitlisted"] == 3
    assert [a["id"] for a in queue["to_decide"]] == [apps["ll-4"]["id"]]

    # ll-1 (second) withdraws: the mentor of 1A works with the student.
    current = expect(await call(client, world, "mentor", "GET", app_url(apps["ll-1"])), 200)
    resp = await call(
        client, world, "mentor", "POST", app_url(current, "/withdraw"), **if_match(current)
    )
    assert expect(resp, 200)["status"] == "withdrawn"
    assert (
        await call(
            client, world, "mentor", "POST", app_url(current, "/withdraw"), **{"If-Match": '"v99"'}
        )
    ).status_code == 409
    queue = expect(await call(client, world, HB, "GET", f"{url}/applications"), 200)
    assert [(a["id"], a["waitlist_position"]) for a in queue["waitlist"]] == [
        (apps["ll-3"]["id"], 1),
        (apps["ll-2"]["id"], 2),
    ]

    # Admitted from the top of the list: the rest moves up.
    top = queue["waitlist"][0]
    admitted = await decide(client, world, top, "admitted")
    assert admitted["waitlist_position"] is None
    queue = expect(await call(client, world, HB, "GET", f"{url}/applications"), 200)
    assert [(a["id"], a["waitlist_position"]) for a in queue["waitlist"]] == [
        (apps["ll-2"]["id"], 1)
    ]
    await decide(client, world, apps["ll-4"], "waitlisted")
    queue = expect(await call(client, world, HB, "GET", f"{url}/applications"), 200)
    assert [a["waitlist_position"] for a in queue["waitlist"]] == [1, 2]

    reads = await actions_on(world, apps["ll-4"]["id"])
    assert reads.count("gifted.application.read") >= 4  # each queue read is audited
    expect(await call(client, world, "teacher", "GET", f"{url}/applications"), 403)


async def test_a_regional_offering_is_decided_by_its_schools_committee_on_the_snapshot(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    provider = await factory.build(swv_id=world.swv_id)  # runs the regional offering
    elsewhere = await factory.build()  # another SWV
    offering = await create_offering(
        client,
        provider,
        name="Bovenschoolse plusklas",
        regional=True,
        open_to_other_schools=True,
        setting="other_school",
        application_routes=["intern_begeleider", "swv"],
    )
    observation = await observed(client, world, "ll-1")
    draft = await apply(client, world, "ll-1", offering["id"], observation_id=observation["id"])
    expect(await call(client, provider, HB, "GET", app_url(draft)), 404)  # a draft stays home
    app = await submit(client, world, draft, route="swv")

    resp = await call(client, provider, HB, "GET", app_url(app))
    seen = expect(resp, 200)
    assert seen["student_id"] is None and seen["school_id"] == str(world.school_id)
    assert seen["snapshot"]["student_name"] == "Emma de Vries"
    assert seen["snapshot"]["group_name"] == "1A" and seen["snapshot"]["grade"] == "leerjaar 1"
    assert seen["observation"]["remarks"] == "Werkt snel en zelfstandig."
    # Not the student's id, not even inside the observation the committee reads.
    assert str(world.students["ll-1"]) not in resp.text
    assert not {k for k in keys(seen) if any(w in k.lower() for w in FORBIDDEN_WORDS)}
    assert not any(w in resp.text.lower() for w in ('"sex', '"gender', '"geslacht', '"origin'))

    expect(await call(client, provider, "school_leader", "GET", app_url(app)), 200)
    expect(await call(client, provider, "teacher", "GET", app_url(app)), 404)
    expect(await call(client, elsewhere, HB, "GET", app_url(app)), 404)
    expect(
        await call(
            client, elsewhere, HB, "GET", f"/api/v1/offerings/{offering['id']}/applications"
        ),
        404,
    )

    queue = expect(
        await call(client, provider, HB, "GET", f"/api/v1/offerings/{offering['id']}/applications"),
        200,
    )
    assert [(a["id"], a["student_id"]) for a in queue["to_decide"]] == [(app["id"], None)]
    assert not {k for k in keys(queue) if any(w in k.lower() for w in FORBIDDEN_WORDS)}

    await decide(
        client, world, app, "admitted", role=ZOCO, decided_by=committee(world), status=403
    )  # the sending school sees it but does not decide
    decided = await decide(client, provider, seen, "admitted")
    assert decided["status"] == "admitted" and decided["student_id"] is None

    home = expect(await call(client, world, ZOCO, "GET", app_url(app)), 200)
    assert home["student_id"] == str(world.students["ll-1"]) and home["status"] == "admitted"
    # Row-level security hides the other school's staff from the sending school.
    assert {m["name"] for m in home["decided_by"]} == {"Commissielid (andere school)"}

    async with world.factory.run([world.school_id, provider.school_id]) as uow:
        reads = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.target_id == app["id"], AuditEvent.action == "gifted.application.read"
            )
        )
    by_school = {(e.school_id, e.student_id) for e in reads}
    assert (provider.school_id, world.students["ll-1"]) in by_school
    assert (world.school_id, world.students["ll-1"]) in by_school


async def test_withdrawing_from_another_schools_waitlist_leaves_a_gap_the_committee_closes(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    provider = await factory.build(swv_id=world.swv_id)
    offering = await create_offering(client, provider, regional=True, open_to_other_schools=True)
    queue_url = f"/api/v1/offerings/{offering['id']}/applications"
    ours = await submit(client, world, await apply(client, world, "ll-1", offering["id"]))
    theirs = await submit(client, provider, await apply(client, provider, "ll-2", offering["id"]))
    late = await submit(client, provider, await apply(client, provider, "ll-3", offering["id"]))
    ours = await decide(client, provider, ours, "waitlisted")
    theirs = await decide(client, provider, theirs, "waitlisted")
    assert (ours["waitlist_position"], theirs["waitlist_position"]) == (1, 2)

    current = expect(await call(client, world, ZOCO, "GET", app_url(ours)), 200)
    resp = await call(
        client, world, ZOCO, "POST", app_url(current, "/withdraw"), **if_match(current)
    )
    assert expect(resp, 200)["waitlist_position"] is None
    queue = expect(await call(client, provider, HB, "GET", queue_url), 200)
    assert [a["waitlist_position"] for a in queue["waitlist"]] == [2]  # not visible to us

    await decide(client, provider, late, "waitlisted")
    queue = expect(await call(client, provider, HB, "GET", queue_url), 200)
    assert [(a["id"], a["waitlist_position"]) for a in queue["waitlist"]] == [
        (theirs["id"], 1),
        (late["id"], 2),
    ]
