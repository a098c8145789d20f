"""Role x action matrix for the roster: deny by default, invisible is 404, visible-but-not-
allowed is 403. The world: 1A = ll-1..3 (mentor's group), 2B = ll-4..6, 2B-wi = ll-4, ll-5
(the teacher's maths group)."""

from __future__ import annotations

import httpx
import pytest
from support.factories import World

ALL = {"ll-1", "ll-2", "ll-3", "ll-4", "ll-5", "ll-6"}
VISIBLE = {
    "mentor": {"ll-1", "ll-2", "ll-3"},
    "teacher": {"ll-4", "ll-5"},
    "team_leader": ALL,
    "zorgcoordinator": ALL,
    "school_leader": ALL,
    "hb_specialist": ALL,
}
MAY_EDIT = {"team_leader", "zorgcoordinator", "school_leader"}


@pytest.mark.parametrize("role", sorted(VISIBLE))
async def test_list_shows_exactly_the_visible_students(
    client: httpx.AsyncClient, world: World, role: str
) -> None:
    headers = await world.headers(role)
    resp = await client.get(f"/api/v1/schools/{world.school_id}/students", headers=headers)
    ids = {s["id"] for s in resp.json()["items"]}
    assert ids == {str(world.students[e]) for e in VISIBLE[role]}


@pytest.mark.parametrize("role", sorted(VISIBLE))
@pytest.mark.parametrize("student", sorted(ALL))
async def test_single_read_matches_the_list_rule(
    client: httpx.AsyncClient, world: World, role: str, student: str
) -> None:
    headers = await world.headers(role)
    resp = await client.get(f"/api/v1/students/{world.students[student]}", headers=headers)
    assert resp.status_code == (200 if student in VISIBLE[role] else 404)


@pytest.mark.parametrize("role", sorted(VISIBLE))
async def test_update_needs_an_editing_role(
    client: httpx.AsyncClient, world: World, role: str
) -> None:
    headers = await world.headers(role)
    student = sorted(VISIBLE[role])[0]
    resp = await client.patch(
        f"/api/v1/students/{world.students[student]}",
        json={"preferred_name": "Roepnaam"},
        headers={**headers, "If-Match": '"v1"'},
    )
    assert resp.status_code == (200 if role in MAY_EDIT else 403), resp.text


@pytest.mark.parametrize("role", sorted(VISIBLE))
async def test_staff_never_run_the_lvs_sync(
    client: httpx.AsyncClient, world: World, role: str
) -> None:
    headers = await world.headers(role)
    resp = await client.post(
        f"/api/v1/schools/{world.school_id}/roster:sync",
        json={"source": "handwerk"},
        headers={**headers, "Idempotency-Key": "k1"},
    )
    assert resp.status_code == 403
    assert resp.json()["code"] == "forbidden"
