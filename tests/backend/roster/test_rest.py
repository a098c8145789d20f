"""Roster over REST: who sees which students, optimistic locking, audit."""

from __future__ import annotations

import uuid

import httpx
from conftest import StatementCounter
from sqlmodel import select
from support.factories import World, WorldFactory, bigger_payload

from zorgroute.audit.models import AuditEvent
from zorgroute.core.db import UnitOfWork
from zorgroute.identity.models import SwvMembership, UserAccount


async def test_mentor_lists_only_the_students_of_their_group(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("mentor")
    resp = await client.get(f"/api/v1/schools/{world.school_id}/students", headers=headers)
    assert resp.status_code == 200, resp.text
    names = [s["family_name"] for s in resp.json()["items"]]
    assert names == ["Bakker", "El Amrani", "Vries"]  # 1A only, sorted without tussenvoegsel


async def test_team_leader_sees_the_whole_school(client: httpx.AsyncClient, world: World) -> None:
    headers = await world.headers("team_leader")
    resp = await client.get(f"/api/v1/schools/{world.school_id}/students", headers=headers)
    assert resp.status_code == 200
    assert len(resp.json()["items"]) == 6


async def test_student_of_another_school_is_not_found(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    other = await factory.build()
    headers = await world.headers("team_leader")
    resp = await client.get(f"/api/v1/students/{other.students['ll-1']}", headers=headers)
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["code"] == "not-found"
    resp = await client.get(f"/api/v1/schools/{other.school_id}/students", headers=headers)
    assert resp.status_code == 404


async def test_student_read_is_audited_in_the_same_transaction(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    headers = await world.headers("mentor")
    student_id = world.students["ll-1"]
    resp = await client.get(f"/api/v1/students/{student_id}", headers=headers)
    assert resp.status_code == 200
    body = resp.json()
    assert body["guardians"][0]["parental_authority"] is True
    assert {e["group_name"] for e in body["enrolments"]} == {"1A"}
    assert resp.headers["etag"] == '"v1"'
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.target_id == student_id, AuditEvent.action == "student.read"
            )
        )
    assert len(events) == 1
    assert events[0].actor_id == f"user:{world.users['mentor']}"
    assert events[0].actor_role == "mentor"
    assert events[0].request_id == resp.headers["x-request-id"]


async def test_update_needs_if_match_and_refuses_a_stale_version(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    url = f"/api/v1/students/{world.students['ll-2']}"
    resp = await client.patch(url, json={"preferred_name": "Noa"}, headers=headers)
    assert resp.status_code == 428
    resp = await client.patch(
        url, json={"preferred_name": "Noa"}, headers={**headers, "If-Match": '"v1"'}
    )
    assert resp.status_code == 200, resp.text
    assert resp.headers["etag"] == '"v2"'
    assert resp.json()["preferred_name"] == "Noa"
    # A colleague who read version 1 cannot overwrite the change silently.
    resp = await client.patch(
        url, json={"preferred_name": "No"}, headers={**headers, "If-Match": '"v1"'}
    )
    assert resp.status_code == 412
    assert resp.json()["current_version"] == 2
    resp = await client.get(url, headers=headers)
    assert resp.json()["preferred_name"] == "Noa"


async def test_mentor_may_read_but_not_edit_personal_details(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("mentor")
    url = f"/api/v1/students/{world.students['ll-1']}"
    resp = await client.patch(
        url, json={"preferred_name": "Em"}, headers={**headers, "If-Match": '"v1"'}
    )
    assert resp.status_code == 403


async def test_unsafe_request_without_csrf_header_is_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    del headers["X-CSRF-Token"]
    resp = await client.patch(
        f"/api/v1/students/{world.students['ll-2']}",
        json={"preferred_name": "X"},
        headers={**headers, "If-Match": '"v1"'},
    )
    assert resp.status_code == 403
    assert resp.json()["code"] == "csrf-failed"


async def test_students_are_paginated_with_a_cursor(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("team_leader")
    url = f"/api/v1/schools/{world.school_id}/students"
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 4} | ({"cursor": cursor} if cursor else {})
        page = (await client.get(url, params=params, headers=headers)).json()
        seen += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 6
    resp = await client.get(url, params={"cursor": "garbage"}, headers=headers)
    assert resp.status_code == 422


async def test_groups_list_with_mentor_in_detail(client: httpx.AsyncClient, world: World) -> None:
    headers = await world.headers("mentor")
    resp = await client.get(f"/api/v1/schools/{world.school_id}/groups", headers=headers)
    assert [g["name"] for g in resp.json()["items"]] == ["1A", "2B", "2B-wi"]
    resp = await client.get(f"/api/v1/groups/{world.groups['gr-1a']}", headers=headers)
    assignment = resp.json()["assignments"][0]
    assert assignment["role"] == "mentor"
    assert assignment["staff_member"]["id"] == str(world.staff["st-mentor-1a"])
    resp = await client.get(f"/api/v1/groups/{uuid.uuid4()}", headers=headers)
    assert resp.status_code == 404


async def test_group_list_shows_mentors_and_counts_and_filters_mine(
    client: httpx.AsyncClient, world: World
) -> None:
    url = f"/api/v1/schools/{world.school_id}/groups"
    resp = await client.get(url, headers=await world.headers("team_leader"))
    groups = {g["name"]: g for g in resp.json()["items"]}
    assert [m["family_name"] for m in groups["2B"]["mentors"]] == ["Tweebee"]
    assert groups["2B-wi"]["mentors"] == []  # a subject teacher is not a mentor
    assert {n: g["student_count"] for n, g in groups.items()} == {"1A": 3, "2B": 3, "2B-wi": 2}

    mine = await client.get(url, params={"mine": "true"}, headers=await world.headers("teacher"))
    assert [g["name"] for g in mine.json()["items"]] == ["2B-wi"]
    # A team leader teaches no group here: "my groups" is empty, not the whole school.
    mine = await client.get(
        url, params={"mine": "true"}, headers=await world.headers("team_leader")
    )
    assert mine.json()["items"] == []


async def test_swv_staff_see_their_schools_but_no_student(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    subject = f"swv-{world.school_id.hex[:8]}"
    async with factory.sessionmaker() as session:
        uow = UnitOfWork(session)
        user = UserAccount(issuer=factory.issuer, subject=subject, display_name="SWV consulent")
        uow.add(user)
        await uow.flush()
        uow.add(SwvMembership(user_id=user.id, swv_id=world.swv_id, role="swv_staff"))
        await uow.commit()
    headers = await factory.session_headers(subject)
    schools = (await client.get("/api/v1/schools", headers=headers)).json()
    assert [s["id"] for s in schools] == [str(world.school_id)]
    resp = await client.get(f"/api/v1/schools/{world.school_id}/students", headers=headers)
    assert resp.status_code == 404
    resp = await client.get(f"/api/v1/students/{world.students['ll-1']}", headers=headers)
    assert resp.status_code == 404


async def test_student_list_query_count_does_not_grow_with_students(
    client: httpx.AsyncClient, factory: WorldFactory, count_statements: StatementCounter
) -> None:
    counts = []
    for extra in (0, 40):
        world = await factory.build(payload=bigger_payload(extra))
        headers = await world.headers("team_leader")
        before = count_statements.count
        resp = await client.get(
            f"/api/v1/schools/{world.school_id}/students", params={"limit": 100}, headers=headers
        )
        assert len(resp.json()["items"]) == 6 + extra
        counts.append(count_statements.count - before)
    assert counts[0] == counts[1], counts
