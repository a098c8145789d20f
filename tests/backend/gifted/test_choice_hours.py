"""Keuze-uren: the school's policy (defaults until saved, If-Match from v0), a request checked
against notice, weekly maximum and the teachers of the student, acknowledged or declined by the
teacher of the lesson only (a test always declines), attendance on or after the lesson day,
checked by the HB-specialist; lists per role; every step audited."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
from conftest import StatementCounter
from sqlalchemy import update
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import school_today
from zorgroute.gifted.models import ChoiceHourRequest

HB = "hb_specialist"
POLICY = {
    "max_hours_per_week": 2,
    "notice_hours": 24,
    "allowed_activities": ["deepening", "project"],
    "instructions": "Vul je keuze-uur in via de ELO.",
}
TODAY = school_today()
MONDAY = TODAY + timedelta(days=14 - TODAY.weekday())  # at least a week ahead


def v(version: int) -> dict[str, str]:
    return {"If-Match": f'"v{version}"'}


def policy_url(world: World) -> str:
    return f"/api/v1/schools/{world.school_id}/choice-hour-policy"


def body(world: World, student: str = "ll-4", day: date = MONDAY, hour: int = 3,
         teacher: str = "st-teacher-wi", kind: str = "deepening") -> dict[str, Any]:  # fmt: skip
    return {
        "student_id": str(world.students[student]),
        "subject": "wiskunde",
        "subject_teacher_staff_id": str(world.staff[teacher]),
        "lesson_date": day.isoformat(),
        "lesson_hour": hour,
        "location": "Mediatheek",
        "activity_kind": kind,
        "activity": "Wiskunde-olympiade",
    }


async def configure(client: httpx.AsyncClient, world: World) -> None:
    resp = await call(client, world, HB, "PUT", policy_url(world), POLICY, **v(0))
    assert resp.status_code == 200, resp.text


async def requested(client: httpx.AsyncClient, world: World, role: str = HB,
                    **fields: Any) -> dict[str, Any]:  # fmt: skip
    resp = await call(client, world, role, "POST", "/api/v1/choice-hours", body(world, **fields))
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def act(client: httpx.AsyncClient, world: World, role: str, item: dict[str, Any],
              step: str, payload: Any = None) -> httpx.Response:  # fmt: skip
    return await call(client, world, role, "POST", f"/api/v1/choice-hours/{item['id']}/{step}",
                      payload, **v(item["version"]))  # fmt: skip


def pointer(resp: httpx.Response) -> str:
    assert resp.status_code == 422, resp.text
    return str(resp.json()["errors"][0]["pointer"])


async def audited(world: World) -> list[AuditEvent]:
    async with world.factory.run([world.school_id]) as uow:
        return list(
            await uow.scalars(
                select(AuditEvent)
                .where(
                    AuditEvent.school_id == world.school_id,
                    col(AuditEvent.action).like("gifted.choice_hour%"),
                )
                .order_by(col(AuditEvent.occurred_at))
            )
        )


async def test_the_policy_has_defaults_until_saved_with_if_match(
    client: httpx.AsyncClient, world: World
) -> None:
    got = await call(client, world, "teacher", "GET", policy_url(world))
    assert got.status_code == 200 and got.headers["ETag"] == '"v0"'
    assert got.json() == {
        "max_hours_per_week": 2, "notice_hours": 24, "never_during_tests": True,
        "allowed_activities": ["other_lesson", "acceleration", "deepening", "broadening",
                               "project", "other"],
        "instructions": "", "configured": False, "version": 0,
    }  # fmt: skip
    assert (
        await call(client, world, "external_partner", "GET", policy_url(world))
    ).status_code == 404
    assert (
        await call(client, world, "teacher", "PUT", policy_url(world), POLICY, **v(0))
    ).status_code == 403
    assert (await call(client, world, HB, "PUT", policy_url(world), POLICY)).status_code == 428
    assert (
        await call(client, world, HB, "PUT", policy_url(world), POLICY, **v(1))
    ).status_code == 412
    saved = await call(client, world, HB, "PUT", policy_url(world), POLICY, **v(0))
    assert saved.status_code == 200, saved.text
    assert saved.json()["configured"] is True and saved.json()["version"] == 1
    assert saved.headers["ETag"] == '"v1"'
    assert (await call(client, world, "school_leader", "PUT", policy_url(world),
                       {**POLICY, "max_hours_per_week": 3}, **v(0))).status_code == 412  # fmt: skip
    again = await call(client, world, "school_leader", "PUT", policy_url(world),
                       {**POLICY, "max_hours_per_week": 3}, **v(1))  # fmt: skip
    assert again.json()["max_hours_per_week"] == 3 and again.json()["version"] == 2
    assert (await call(client, world, "mentor", "GET", policy_url(world))).json()["version"] == 2
    assert [e.action for e in await audited(world)] == ["gifted.choice_hour_policy.update"] * 2


async def test_a_keuze_uur_from_request_to_check(client: httpx.AsyncClient, world: World) -> None:
    resp = await call(client, world, HB, "POST", "/api/v1/choice-hours", body(world))
    assert resp.status_code == 409 and "no keuze-uren policy" in resp.json()["detail"]
    await configure(client, world)

    item = await requested(client, world)
    assert item["status"] == "requested" and item["version"] == 1
    assert (item["student_name"], item["group_name"]) == ("Sem van Dijk", "2B")
    assert item["subject_teacher_name"] == "Teacher Medewerker"
    assert item["requested_by_name"].startswith("hb_specialist")

    ack = await act(client, world, "teacher", item, "decision", {"acknowledge": True})
    assert ack.status_code == 200, ack.text
    item = ack.json()
    assert item["status"] == "acknowledged" and item["acknowledged_by_name"].startswith("teacher")
    resp = await act(client, world, "teacher", item, "attendance", {"attendance": "present"})
    assert resp.status_code == 409 and resp.json()["allowed_actions"] == ["cancel"]
    resp = await act(client, world, HB, item, "check")
    assert resp.status_code == 409  # nothing to check before attendance

    # The lesson day comes (moved here, as the clock cannot be).
    async with world.factory.run([world.school_id]) as uow:
        await uow.execute(
            update(ChoiceHourRequest)
            .where(col(ChoiceHourRequest.id) == uuid.UUID(item["id"]))
            .values(lesson_date=TODAY - timedelta(days=1))
        )
        await uow.commit()
    resp = await act(client, world, "teacher", item, "attendance", {"attendance": "present"})
    assert resp.status_code == 200, resp.text
    item = resp.json()
    assert item["attendance"] == "present" and item["attendance_marked_by_name"]
    assert (await act(client, world, "teacher", item, "check")).status_code == 403
    assert (await act(client, world, HB, item, "cancel")).status_code == 409  # lesson is over
    resp = await act(client, world, HB, item, "check")
    assert resp.status_code == 200, resp.text
    item = resp.json()
    assert item["checked_by_name"].startswith("hb_specialist") and item["checked_at"]
    assert (await act(client, world, HB, item, "check")).status_code == 409

    assert [e.action.rsplit(".", 1)[1] for e in await audited(world)][1:] == [
        "create", "decide", "attendance", "check",
    ]  # fmt: skip
    assert all(e.student_id == world.students["ll-4"] for e in (await audited(world))[1:])


async def test_the_teacher_declines_and_a_test_always_declines(
    client: httpx.AsyncClient, world: World
) -> None:
    await configure(client, world)
    first = await requested(client, world, hour=1)
    resp = await act(client, world, "teacher", first, "decision",
                     {"acknowledge": True, "test_in_lesson": True})  # fmt: skip
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["decline_reason"]) == ("declined", "toets")
    again = await act(client, world, "teacher", resp.json(), "decision", {"acknowledge": True})
    assert again.status_code == 409 and again.json()["allowed_actions"] == []

    second = await requested(client, world, hour=2)
    no_reason = await act(client, world, "teacher", second, "decision", {"acknowledge": False})
    assert pointer(no_reason) == "/reason"
    resp = await act(client, world, "teacher", second, "decision",
                     {"acknowledge": False, "reason": "Uitleg nieuw hoofdstuk"})  # fmt: skip
    assert resp.json()["status"] == "declined"
    assert resp.json()["decline_reason"] == "Uitleg nieuw hoofdstuk"
    # If-Match is required and must be current.
    third = await requested(client, world, hour=4)
    url = f"/api/v1/choice-hours/{third['id']}/decision"
    ok = {"acknowledge": True}
    assert (await call(client, world, "teacher", "POST", url, ok)).status_code == 428
    assert (await call(client, world, "teacher", "POST", url, ok, **v(2))).status_code == 412


async def test_notice_weekly_maximum_and_policy_are_enforced(
    client: httpx.AsyncClient, world: World
) -> None:
    await configure(client, world)
    resp = await call(client, world, HB, "POST", "/api/v1/choice-hours",
                      body(world, day=TODAY, hour=12))  # fmt: skip
    assert pointer(resp) == "/lesson_date" and "24 hours" in resp.json()["detail"]
    resp = await call(client, world, HB, "POST", "/api/v1/choice-hours",
                      body(world, kind="broadening"))  # fmt: skip
    assert pointer(resp) == "/activity_kind"
    resp = await call(client, world, HB, "POST", "/api/v1/choice-hours",
                      body(world, teacher="st-mentor-1a"))  # fmt: skip
    assert pointer(resp) == "/subject_teacher_staff_id"

    # Two a week (Monday to Sunday); the mentor of 2B teaches the student too.
    monday = await requested(client, world, hour=1)
    await requested(client, world, hour=2, day=MONDAY + timedelta(days=2), teacher="st-mentor-2b")
    sunday = body(world, day=MONDAY + timedelta(days=6), hour=5)
    resp = await call(client, world, HB, "POST", "/api/v1/choice-hours", sunday)
    assert pointer(resp) == "/lesson_date" and "at most 2" in resp.json()["detail"]
    await requested(client, world, day=MONDAY + timedelta(days=7), hour=5)  # the next week
    # Same hour twice is a conflict, whatever the week.
    resp = await call(client, world, HB, "POST", "/api/v1/choice-hours", body(world, hour=1))
    assert resp.status_code == 409 and resp.json()["choice_hour_id"] == monday["id"]
    # A cancelled one no longer counts.
    cancelled = await act(client, world, "teacher", monday, "cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert (await act(client, world, "teacher", cancelled.json(), "cancel")).status_code == 409
    resp = await call(client, world, HB, "POST", "/api/v1/choice-hours", sunday)
    assert resp.status_code == 201, resp.text


async def test_only_the_teacher_of_the_lesson_decides(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    await configure(client, world)
    # The lesson is the 2B mentor's: the maths teacher of the same student may not decide.
    item = await requested(client, world, "teacher", teacher="st-mentor-2b")
    assert item["requested_by_name"].startswith("teacher")
    ack = {"acknowledge": True}
    assert (await act(client, world, "teacher", item, "decision", ack)).status_code == 403
    assert (await act(client, world, HB, item, "decision", ack)).status_code == 403
    assert (await act(client, world, "mentor", item, "decision", ack)).status_code == 404
    assert (await act(client, world, "external_partner", item, "decision", ack)).status_code == 404
    assert (await act(client, world, "team_leader", item, "cancel")).status_code == 403

    other = await factory.build()
    foreign = body(other)
    resp = await call(client, world, HB, "POST", "/api/v1/choice-hours", foreign)
    assert resp.status_code == 404
    assert (await act(client, other, "teacher", item, "decision", ack)).status_code == 404
    resp = await call(client, world, "mentor", "POST", "/api/v1/choice-hours", body(world))
    assert resp.status_code == 404  # the 1A mentor does not see ll-4


async def test_who_lists_which_keuze_uren(client: httpx.AsyncClient, world: World) -> None:
    await configure(client, world)
    maths = await requested(client, world)  # ll-4, taught by the world's teacher
    mentee = await requested(client, world, "mentor", student="ll-1", teacher="st-mentor-1a")
    assert mentee["group_name"] == "1A"
    base = f"/api/v1/schools/{world.school_id}/choice-hours"

    async def ids(role: str, query: str = "") -> set[str]:
        resp = await call(client, world, role, "GET", base + query)
        assert resp.status_code == 200, resp.text
        return {r["id"] for r in resp.json()}

    assert await ids("team_leader") == await ids(HB) == {maths["id"], mentee["id"]}
    assert await ids("teacher") == await ids("teacher", "?mine=true") == {maths["id"]}
    assert await ids("mentor") == await ids("mentor", "?mine=true") == {mentee["id"]}
    assert await ids("privacy_officer") == set()
    assert await ids(HB, f"?student_id={world.students['ll-1']}") == {mentee["id"]}
    assert await ids(HB, f"?from={(MONDAY + timedelta(days=1)).isoformat()}") == set()
    assert await ids(HB, f"?to={MONDAY.isoformat()}") == {maths["id"], mentee["id"]}
    resp = await call(
        client, world, "teacher", "GET", f"{base}?student_id={world.students['ll-1']}"
    )
    assert resp.status_code == 404
    resp = await call(client, world, "external_partner", "GET", base)
    assert resp.status_code == 404

    lists = [e for e in await audited(world) if e.action == "gifted.choice_hour.list"]
    assert {e.student_id for e in lists} == {world.students["ll-1"], world.students["ll-4"]}


async def test_the_list_costs_the_same_for_more_students(
    client: httpx.AsyncClient, world: World, count_statements: StatementCounter
) -> None:
    await configure(client, world)
    headers = await world.headers(HB)
    base = f"/api/v1/schools/{world.school_id}/choice-hours"
    measured = {}
    for count, (student, teacher) in enumerate(
        [("ll-4", "st-teacher-wi"), ("ll-1", "st-mentor-1a"), ("ll-6", "st-mentor-2b")], start=1
    ):
        await requested(client, world, student=student, teacher=teacher)
        before = count_statements.count
        resp = await client.get(base, headers=headers)
        measured[count] = count_statements.count - before
        assert len(resp.json()) == count
    assert measured[1] == measured[3], measured
