"""Guidance periods: the seven phases in order, each entry guard (goals, agreements, a
check-in), stagnation with its cause, closing with every goal evaluated and a handover note;
goals keep their ids and logbook; external factors only for who may see them; If-Match."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import school_today

HB = "hb_specialist"
START = date(2026, 9, 7)


def v(period: dict[str, Any]) -> dict[str, str]:
    return {"If-Match": f'"v{period["version"]}"'}


async def create(client: httpx.AsyncClient, world: World, role: str, student: str,
                 **fields: Any) -> dict[str, Any]:  # fmt: skip
    body = {"student_id": str(world.students[student]), "starts_on": START.isoformat(), **fields}
    resp = await call(client, world, role, "POST", "/api/v1/guidance-periods", body)
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def send(client: httpx.AsyncClient, world: World, role: str, period: dict[str, Any],
               tail: str, payload: Any = None, method: str = "POST") -> httpx.Response:  # fmt: skip
    url = f"/api/v1/guidance-periods/{period['id']}{tail}"
    return await call(client, world, role, method, url, payload, **v(period))


def ok(resp: httpx.Response) -> dict[str, Any]:
    assert resp.status_code in (200, 201), resp.text
    return dict(resp.json())


def refused(resp: httpx.Response, status: int, pointer: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    found = dict(resp.json())
    if pointer is not None:
        assert [e["pointer"] for e in found["errors"]] == [pointer]
    return found


async def test_the_seven_phases_in_order_with_their_guards(
    client: httpx.AsyncClient, world: World
) -> None:
    m = "mentor"
    p = await create(client, world, m, "ll-1")
    assert (p["phase"], p["status"], p["version"]) == ("preparation", "open", 1)
    assert p["lead_staff_id"] == str(world.staff["st-mentor-1a"])
    assert p["lead_name"] == "Mentor Medewerker"
    assert p["next_checkin_on"] == (START + timedelta(weeks=4)).isoformat()

    body = refused(await send(client, world, m, p, "/phase", {"phase": "content"}), 409)
    assert body["allowed_actions"] == ["kickoff"]
    p = ok(await send(client, world, m, p, "/phase", {"phase": "kickoff"}))
    refused(await send(client, world, m, p, "/phase", {"phase": "content"}), 422, "/goals")
    p = ok(await send(client, world, m, p, "", {"goals": [
        {"goal": "Zelfstandig een onderzoeksvraag uitwerken", "plan": "Elke week een uur"},
    ]}, "PATCH"))  # fmt: skip
    p = ok(await send(client, world, m, p, "/phase", {"phase": "content"}))
    checkin = {"held_on": "2026-10-05", "progress": "on_track"}
    refused(await send(client, world, m, p, "/checkins", checkin), 409)  # not before phase 4
    p = ok(await send(client, world, m, p, "/phase", {"phase": "responsibilities"}))
    refused(await send(client, world, m, p, "/phase", {"phase": "monitoring"}), 422, "/agreements")
    p = ok(await send(client, world, m, p, "", {"agreements": [
        {"who": "Emma", "what": "Houdt het logboek bij", "when": "Vrijdag", "how": "In de ELO"},
    ], "differentiation": ["deepening_tasks", "extra_challenge"]}, "PATCH"))  # fmt: skip
    assert p["differentiation"] == ["deepening_tasks", "extra_challenge"]
    p = ok(await send(client, world, m, p, "/phase", {"phase": "monitoring"}))
    refused(await send(client, world, m, p, "/phase", {"phase": "handover"}), 422, "/checkins")

    stuck = {"held_on": "2026-10-05", "progress": "stagnating"}
    refused(await send(client, world, m, p, "/checkins", stuck), 422, "/stagnation_cause")
    on_track_with_cause = {**checkin, "stagnation_cause": "content"}
    refused(
        await send(client, world, m, p, "/checkins", on_track_with_cause), 422, "/stagnation_cause"
    )
    stuck = {**stuck, "stagnation_cause": "approach", "adjustments": "Kortere opdrachten"}
    resp = await send(client, world, m, p, "/checkins", stuck)
    assert resp.status_code == 201, resp.text
    p = resp.json()
    p = ok(await send(client, world, m, p, "/checkins", {**checkin, "held_on": "2026-11-02"}))
    assert [c["held_on"] for c in p["checkins"]] == ["2026-11-02", "2026-10-05"]
    assert p["checkins"][1]["stagnation_cause"] == "approach"
    assert p["next_checkin_on"] == "2026-11-30"

    p = ok(await send(client, world, m, p, "/phase", {"phase": "handover"}))
    body = refused(await send(client, world, m, p, "/close"), 409)
    assert body["allowed_actions"] == ["reflection"]
    p = ok(await send(client, world, m, p, "/phase", {"phase": "reflection"}))
    body = refused(await send(client, world, m, p, "/phase", {"phase": "reflection"}), 409)
    assert body["allowed_actions"] == ["close"]
    body = refused(await send(client, world, m, p, "/close"), 422)
    assert [e["pointer"] for e in body["errors"]] == [
        "/goals/0/evaluation", "/goals/0/achieved", "/handover_note",
    ]  # fmt: skip
    goal = p["goals"][0]
    evaluated = {"id": goal["id"], "goal": goal["goal"], "evaluation": "Gelukt", "achieved": True}
    p = ok(await send(client, world, m, p, "", {
        "goals": [evaluated],
        "handover_note": "Emma werkt zelfstandig; de nieuwe mentor houdt de regie.",
    }, "PATCH"))  # fmt: skip
    p = ok(await send(client, world, m, p, "/close"))
    assert (p["status"], p["ends_on"], p["next_checkin_on"]) == (
        "closed", school_today().isoformat(), None,
    )  # fmt: skip
    refused(await send(client, world, m, p, "", {"transfer_notes": "x"}, "PATCH"), 409)

    async with world.factory.run([world.school_id]) as uow:
        actions = await uow.scalars(
            select(AuditEvent.action).where(
                AuditEvent.target_id == p["id"], AuditEvent.student_id == world.students["ll-1"]
            )
        )
    assert sorted(set(actions)) == [
        "gifted.guidance.checkin", "gifted.guidance.close", "gifted.guidance.create",
        "gifted.guidance.phase", "gifted.guidance.update",
    ]  # fmt: skip
    assert actions.count("gifted.guidance.phase") == 6


async def test_goals_keep_their_ids_and_logbook(client: httpx.AsyncClient, world: World) -> None:
    p = await create(client, world, HB, "ll-4", goals=[{"goal": "Plannen van een project"}])
    goal = p["goals"][0]
    assert goal["monitoring"] == [] and goal["achieved"] is None
    note = {"goal_id": goal["id"], "on": "2026-09-20", "note": "Planning gemaakt"}
    url = f"/api/v1/guidance-periods/{p['id']}/monitoring"
    refused(await call(client, world, HB, "POST", url, note), 428)
    refused(await call(client, world, HB, "POST", url, note, **{"If-Match": '"v9"'}), 412)
    p = ok(await send(client, world, "teacher", p, "/monitoring", note))
    assert p["goals"][0]["monitoring"] == [{"on": "2026-09-20", "note": "Planning gemaakt"}]
    unknown = {**note, "goal_id": "00000000-0000-0000-0000-000000000001"}
    refused(await send(client, world, HB, p, "/monitoring", unknown), 422, "/goal_id")

    p = ok(await send(client, world, HB, p, "", {"goals": [
        {"id": goal["id"], "goal": "Plannen van een groter project"}, {"goal": "Presenteren"},
    ]}, "PATCH"))  # fmt: skip
    kept, added = p["goals"]
    assert kept["id"] == goal["id"] and kept["goal"] == "Plannen van een groter project"
    assert kept["monitoring"] == [{"on": "2026-09-20", "note": "Planning gemaakt"}]
    assert added["id"] != goal["id"] and added["monitoring"] == []
    refused(await send(client, world, HB, p, "", {"goals": [
        {"id": "00000000-0000-0000-0000-000000000002", "goal": "Onbekend"},
    ]}, "PATCH"), 422, "/goals/0/id")  # fmt: skip
    refused(
        await send(client, world, HB, p, "", {"ends_on": "2026-01-01"}, "PATCH"), 422, "/ends_on"
    )


async def test_external_factors_are_restricted(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    p = await create(client, world, HB, "ll-4", lead_staff_id=str(world.staff["st-teacher-wi"]))
    assert p["lead_name"] == "Teacher Medewerker" and p["external_factors"] == ""
    p = ok(await send(client, world, HB, p, "", {"external_factors": "Zorg thuis"}, "PATCH"))
    url = f"/api/v1/guidance-periods/{p['id']}"
    for role, seen in ((HB, "Zorg thuis"), ("team_leader", "Zorg thuis"), ("teacher", None)):
        resp = await call(client, world, role, "GET", url)
        assert resp.status_code == 200, resp.text
        assert resp.json()["external_factors"] == seen, role
        assert resp.headers["ETag"] == f'"v{p["version"]}"'
    refused(await send(client, world, "teacher", p, "", {"external_factors": ""}, "PATCH"), 403)
    p = ok(await send(client, world, "teacher", p, "", {"student_reflection": "Leuk"}, "PATCH"))
    assert p["external_factors"] is None and p["student_reflection"] == "Leuk"
    refused(
        await send(client, world, "team_leader", p, "", {"student_reflection": "x"}, "PATCH"), 403
    )
    assert (await call(client, world, "mentor", "GET", url)).status_code == 404
    assert (await call(client, world, "external_partner", "GET", url)).status_code == 404

    other = await factory.build()
    resp = await call(client, world, HB, "POST", "/api/v1/guidance-periods", {
        "student_id": str(world.students["ll-4"]), "starts_on": START.isoformat(),
        "lead_staff_id": str(other.staff["st-hb"]),
    })  # fmt: skip
    refused(resp, 422, "/lead_staff_id")
    assert (await call(client, other, HB, "GET", url)).status_code == 404

    async with world.factory.run([world.school_id]) as uow:
        reads = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.target_id == p["id"], col(AuditEvent.action) == "gifted.guidance.read"
            )
        )
    assert len(reads) == 3 and {r.student_id for r in reads} == {world.students["ll-4"]}
