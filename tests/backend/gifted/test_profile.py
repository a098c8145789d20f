"""The support profile: 'dubbel bijzonder' is restricted to care, HB staff and the mentor;
a complex gifted case goes into the case routing with its coordinator; the HB-specialist's
overview lists every signalled or observed student of the school and nobody else's."""

from __future__ import annotations

from typing import Any

import httpx
from support.cases import install
from support.factories import World, WorldFactory
from support.hgw import call

PROFILE = {
    "signalled_gifted": True,
    "underachievement_suspected": True,
    "twice_exceptional": True,
    "twice_exceptional_note": "Dyslexie, verklaring 2025",
    "complexity": "moderate",
}


def url(world: World, student: str, tail: str = "support-profile") -> str:
    return f"/api/v1/students/{world.students[student]}/{tail}"


async def put(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    student: str,
    body: dict[str, Any],
    version: int,
) -> httpx.Response:
    return await call(
        client, world, role, "PUT", url(world, student), body, **{"If-Match": f'"v{version}"'}
    )


async def test_twice_exceptional_is_restricted(client: httpx.AsyncClient, world: World) -> None:
    got = await call(client, world, "hb_specialist", "GET", url(world, "ll-1"))
    assert got.status_code == 200 and got.json()["version"] == 0 and got.headers["ETag"] == '"v0"'
    assert (
        await call(client, world, "hb_specialist", "PUT", url(world, "ll-1"), PROFILE)
    ).status_code == 428
    saved = await put(client, world, "hb_specialist", "ll-1", PROFILE, 0)
    assert saved.status_code == 200, saved.text
    assert saved.json()["twice_exceptional"] is True and saved.json()["version"] == 1
    for role, sees in (("mentor", True), ("zorgcoordinator", True), ("team_leader", False)):
        body = (await call(client, world, role, "GET", url(world, "ll-1"))).json()
        assert (body["twice_exceptional"] is not None) is sees, role
        assert (body["twice_exceptional_note"] == PROFILE["twice_exceptional_note"]) is sees
    # The teacher of 2B teaches ll-4: reads the profile, not the flag, and cannot set it.
    await put(client, world, "hb_specialist", "ll-4", PROFILE, 0)
    teacher = (await call(client, world, "teacher", "GET", url(world, "ll-4"))).json()
    assert teacher["signalled_gifted"] is True and teacher["twice_exceptional"] is None
    resp = await put(client, world, "teacher", "ll-4", {**PROFILE, "twice_exceptional": False}, 1)
    assert resp.status_code == 403
    # Saving without the flag keeps it (a writer who does not see it cannot wipe it).
    plain = {k: v for k, v in PROFILE.items() if not k.startswith("twice")}
    assert (await put(client, world, "teacher", "ll-4", plain, 1)).status_code == 200
    hb = (await call(client, world, "hb_specialist", "GET", url(world, "ll-4"))).json()
    assert hb["twice_exceptional"] is True and hb["version"] == 2
    # Stale version.
    assert (await put(client, world, "hb_specialist", "ll-4", PROFILE, 1)).status_code == 412
    # The overview shows the flag to HB staff, not to leadership.
    for role, flag in (("hb_specialist", True), ("school_leader", None)):
        ov = (
            await call(
                client, world, role, "GET", f"/api/v1/schools/{world.school_id}/gifted-overview"
            )
        ).json()
        row = next(s for s in ov["students"] if s["student_id"] == str(world.students["ll-4"]))
        assert row["twice_exceptional"] is flag, role


async def test_overview_is_for_hb_care_and_leadership(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    await put(client, world, "hb_specialist", "ll-2", PROFILE, 0)
    path = f"/api/v1/schools/{world.school_id}/gifted-overview"
    for role, status in (
        ("mentor", 403),
        ("teacher", 403),
        ("external_partner", 404),
        ("privacy_officer", 403),
        ("zorgcoordinator", 200),
    ):
        assert (await call(client, world, role, "GET", path)).status_code == status, role
    ov = (await call(client, world, "hb_specialist", "GET", path)).json()
    assert ov["signalled"] == 1 and ov["student_count"] == 6
    assert [s["student_id"] for s in ov["students"]] == [str(world.students["ll-2"])]
    other = await factory.build()
    assert (
        await call(
            client,
            world,
            "hb_specialist",
            "GET",
            f"/api/v1/schools/{other.school_id}/gifted-overview",
        )
    ).status_code == 404


async def test_a_complex_gifted_case_goes_into_the_case_routing(
    client: httpx.AsyncClient, world: World
) -> None:
    body = {
        "coordinator_staff_id": str(world.staff["st-hb"]),
        "guidance_question": "Hoe sluiten we aan bij een dubbel bijzondere leerling?",
        "strengths_student": "Denkt snel en creatief",
    }
    resp = await call(
        client, world, "hb_specialist", "POST", url(world, "ll-1", "gifted-case"), body
    )
    assert resp.status_code == 409  # the route is not installed yet
    await install(client, world, "hb-multidisciplinair", "hb-multidisciplinair")
    missing = {k: v for k, v in body.items() if k != "coordinator_staff_id"}
    resp = await call(
        client, world, "hb_specialist", "POST", url(world, "ll-1", "gifted-case"), missing
    )
    assert resp.status_code == 422
    resp = await call(
        client, world, "hb_specialist", "POST", url(world, "ll-1", "gifted-case"), body
    )
    assert resp.status_code == 201, resp.text
    case = resp.json()
    assert case["state"] == "signalering" and case["complexity"] == "complex"
    assert case["coordinator"]["id"] == str(world.staff["st-hb"])
    profile = (await call(client, world, "hb_specialist", "GET", url(world, "ll-1"))).json()
    assert profile["complexity"] == "complex"
    page = (await call(client, world, "hb_specialist", "GET", url(world, "ll-1", "gifted"))).json()
    assert page["case_ids"] == [case["id"]]
    # A teacher who does not teach the student cannot open one.
    resp = await call(client, world, "teacher", "POST", url(world, "ll-1", "gifted-case"), body)
    assert resp.status_code == 404
