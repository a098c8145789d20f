"""The case board (zorgbord), the care dashboard ("what needs me today") with its lead times, and
the group-meeting decisions waiting for a case."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from conftest import StatementCounter
from sqlmodel import select
from support.cases import (
    TODAY,
    discuss,
    get,
    install,
    iso,
    meeting,
    open_case,
    step,
)  # fmt: skip
from support.factories import World, WorldFactory, bigger_payload
from support.hgw import call, overview, period, signal

from zorgroute.cases.models import CareCase
from zorgroute.core.models import utcnow
from zorgroute.identity.models import SchoolMembership, UserAccount

KEY = "vo"
START = date(2026, 9, 7)
CLOSURE = {"evaluated_with_student": True, "evaluated_with_parents": True,
           "outcome": "goals_met", "evaluation": "Afspraken werken."}  # fmt: skip


async def opened(client: httpx.AsyncClient, world: World, student: str, action: str = "open_izo",
                 role: str = "mentor", **fields: Any) -> dict[str, Any]:  # fmt: skip
    if action == "open_bilateral":
        fields.setdefault("reason", "Vraag is snel te beantwoorden")
    resp = await open_case(client, world, role, student, KEY, action, **fields)
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def board(client: httpx.AsyncClient, world: World, role: str = "zorgcoordinator",
                **query: str) -> dict[str, Any]:  # fmt: skip
    params = "&".join(f"{k}={v}" for k, v in {"route_key": KEY, **query}.items())
    resp = await call(client, world, role, "GET",
                      f"/api/v1/schools/{world.school_id}/case-board?{params}")  # fmt: skip
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def cards(found: dict[str, Any]) -> dict[str, list[str]]:
    return {c["state"]: [k["student_name"] for k in c["cards"]] for c in found["columns"]
            if c["cards"]}  # fmt: skip


async def deadlines(client: httpx.AsyncClient, world: World, role: str = "zorgcoordinator",
                    mine: bool = False) -> dict[str, Any]:  # fmt: skip
    resp = await call(
        client,
        world,
        role,
        "GET",
        f"/api/v1/schools/{world.school_id}/care-deadlines?mine={str(mine).lower()}",
    )
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


async def action_item(
    client: httpx.AsyncClient,
    world: World,
    case: dict[str, Any],
    description: str,
    due: date,
    owner: str | None = None,
) -> dict[str, Any]:
    body = {
        "description": description,
        "owner_name": owner or "Schoolmaatschappelijk werk",
        "owner_user_id": str(world.users[owner]) if owner else None,
        "due_on": iso(due),
    }
    resp = await call(client, world, "zorgcoordinator", "POST",
                      f"/api/v1/cases/{case['id']}/action-items", body)  # fmt: skip
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def test_the_board_has_a_column_per_state_with_each_case_in_its_state(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    await opened(client, world, "ll-1", coordinator_staff_id=str(world.staff["st-zoco"]),
                 evaluation_on=iso(TODAY + timedelta(weeks=3)))  # fmt: skip
    await opened(client, world, "ll-2", "open_bilateral")
    await opened(client, world, "ll-3", "open_shortened")
    await opened(client, world, "ll-5", "open_izo", "zorgcoordinator")
    done = await opened(client, world, "ll-4", "open_bilateral", "zorgcoordinator")
    resp = await step(client, world, "zorgcoordinator", done, "close", closure=CLOSURE)
    assert resp.status_code == 200, resp.text

    found = await board(client, world)
    template = (
        await call(
            client, world, "zorgcoordinator", "GET", f"/api/v1/care-routes/{done['route_id']}"
        )
    ).json()["definition"]
    open_states = [s["key"] for s in template["states"] if not s["closed"]]
    assert [c["state"] for c in found["columns"]] == open_states
    assert [c["level"] for c in found["columns"]][:3] == ["l1", "l2", "l2"]
    assert cards(found) == {
        "bilateral": ["Noah Bakker"], "kickoff": ["Aya El Amrani"],
        "izo_draft": ["Emma de Vries", "Julia Yılmaz"],
    }  # fmt: skip
    assert (found["route"]["key"], found["route"]["revision"], found["route"]["open_cases"]) == (
        KEY, 1, 4,
    )  # fmt: skip
    emma = found["columns"][open_states.index("izo_draft")]["cards"][0]
    assert (
        emma["group_names"] == ["1A"]
        and emma["coordinator"]["name"] == "Zorgcoordinator Medewerker"
    )
    assert emma["next_deadline"] == iso(TODAY + timedelta(weeks=3))
    assert emma["next_deadline_label"] == "Evaluatie" and emma["overdue"] is False

    with_closed = await board(client, world, include_closed="true")
    assert with_closed["columns"][-1]["state"] == "closed"
    assert cards(with_closed)["closed"] == ["Sem van Dijk"]
    # The mentor sees the cases of 1A; the teacher of 2B maths the open one of Julia.
    assert sorted(n for ns in cards(await board(client, world, "mentor")).values() for n in ns) == [
        "Aya El Amrani", "Emma de Vries", "Noah Bakker",
    ]  # fmt: skip
    assert cards(await board(client, world, "teacher")) == {"izo_draft": ["Julia Yılmaz"]}
    missing = await call(client, world, "zorgcoordinator", "GET",
                         f"/api/v1/schools/{world.school_id}/case-board?route_key=po")  # fmt: skip
    assert missing.status_code == 404
    partner = await call(
        client,
        world,
        "external_partner",
        "GET",
        f"/api/v1/schools/{world.school_id}/case-board?route_key={KEY}",
    )
    assert partner.status_code == 404


async def test_the_board_costs_the_same_statements_for_5_and_for_50_cases(
    client: httpx.AsyncClient, factory: WorldFactory, count_statements: StatementCounter
) -> None:
    world = await factory.build(payload=bigger_payload(44))  # 50 students
    await install(client, world, "vo-izo-zat", KEY)
    headers = await world.headers("zorgcoordinator")
    students = sorted(world.students)
    assert len(students) == 50
    coordinators = [world.staff["st-zoco"], world.staff["st-hb"], None]
    actions = ["open_izo", "open_bilateral", "open_shortened"]

    async def add(count: int) -> None:
        for i, ext in enumerate(students[added[0] : count], start=added[0]):
            body: dict[str, Any] = {"student_id": str(world.students[ext]), "route_key": KEY,
                                    "action": actions[i % 3], "reason": "Afstemmen"}  # fmt: skip
            if coordinators[i % 3]:
                body["coordinator_staff_id"] = str(coordinators[i % 3])
            if i % 2 == 0:
                body["evaluation_on"] = iso(TODAY + timedelta(days=i))
            resp = await client.post(f"/api/v1/schools/{world.school_id}/cases", json=body,
                                     headers=headers)  # fmt: skip
            assert resp.status_code == 201, resp.text
            if i % 4 == 0:
                resp = await client.post(
                    f"/api/v1/cases/{resp.json()['id']}/action-items", headers=headers,
                    json={"description": "Gesprek", "owner_name": "Mentor",
                          "due_on": iso(TODAY + timedelta(days=i - 20))},
                )  # fmt: skip
                assert resp.status_code == 201, resp.text
        added[0] = count

    added = [0]
    measured: dict[int, int] = {}
    for count in (5, 50):
        await add(count)
        before = count_statements.count
        resp = await client.get(
            f"/api/v1/schools/{world.school_id}/case-board?route_key={KEY}", headers=headers
        )
        measured[count] = count_statements.count - before
        assert resp.status_code == 200, resp.text
        assert sum(len(c["cards"]) for c in resp.json()["columns"]) == count
        assert any(k["overdue"] for c in resp.json()["columns"] for k in c["cards"])
    assert measured[50] == measured[5], measured
    # 14 today: session (4), school context, route, cases, students (3), staff, deadlines (2),
    # one audit insert.
    assert measured[50] <= 16, measured


async def test_the_dashboard_lists_what_is_overdue_first_and_filters_to_mine(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    emma = await opened(client, world, "ll-1")
    noah = await opened(client, world, "ll-2", evaluation_on=iso(TODAY + timedelta(days=10)))
    late = await action_item(client, world, emma, "Gesprek met ouders plannen",
                             TODAY - timedelta(days=3), "mentor")  # fmt: skip
    await action_item(client, world, noah, "Observatie in de klas", TODAY + timedelta(days=5),
                      "zorgcoordinator")  # fmt: skip
    await action_item(client, world, emma, "Verslag voor de ouders", TODAY + timedelta(days=30))

    items = (await deadlines(client, world))["items"]
    assert [(i["kind"], i["title"], i["student_name"]) for i in items] == [
        ("action_item", "Gesprek met ouders plannen", "Emma de Vries"),
        ("action_item", "Observatie in de klas", "Noah Bakker"),
        ("case_evaluation", "Evaluatie van de casus", "Noah Bakker"),
    ]  # fmt: skip
    first = items[0]
    assert (first["overdue"], first["days_overdue"], first["due_on"]) == (
        True, 3, iso(TODAY - timedelta(days=3)),
    )  # fmt: skip
    assert (first["case_id"], first["record_id"], first["owner"]) == (
        emma["id"],
        late["id"],
        "mentor",
    )
    assert [(i["overdue"], i["days_overdue"]) for i in items[1:]] == [(False, 0), (False, 0)]

    mine = (await deadlines(client, world, mine=True))["items"]
    assert [i["title"] for i in mine] == ["Observatie in de klas"]
    # The mentor's: everything about the students of their group.
    assert len((await deadlines(client, world, "mentor", mine=True))["items"]) == 3
    assert (await deadlines(client, world, "teacher"))["items"] == []

    resp = await call(client, world, "mentor", "PATCH", f"/api/v1/action-items/{late['id']}",
                      {"status": "done", "report": "Gesprek staat op 12 november."},
                      **{"If-Match": f'"v{late["version"]}"'})  # fmt: skip
    assert resp.status_code == 200, resp.text
    assert [i["title"] for i in (await deadlines(client, world))["items"]] == [
        "Observatie in de klas", "Evaluatie van de casus",
    ]  # fmt: skip


async def test_registration_to_first_discussion_is_the_median_in_days(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    metrics = (await deadlines(client, world))["metrics"]
    assert metrics["registration_to_first_discussion_days"] is None
    cases = [await opened(client, world, s) for s in ("ll-1", "ll-2", "ll-3")]
    async with world.factory.run([world.school_id]) as uow:
        for case, days in zip(cases, (4, 10, 1), strict=True):
            row = await uow.first(select(CareCase).where(CareCase.id == case["id"]))
            assert row is not None
            row.opened_at = utcnow() - timedelta(days=days)
        await uow.commit()
    izo = await meeting(client, world, "izo")
    for case in cases[:2]:  # the third is not discussed yet: it does not count
        assert (await discuss(client, world, izo["id"], case["id"])).status_code == 200
    # Discussed again later: only the first discussion counts.
    izo2 = await meeting(client, world, "izo")
    assert (
        await discuss(client, world, izo2["id"], cases[0]["id"], kind="progress")
    ).status_code == 200

    metrics = (await deadlines(client, world))["metrics"]
    assert metrics["registration_to_first_discussion_days"] == 7.0
    assert metrics["open_cases"] == 3
    assert (metrics["swv_request_to_start_days"], metrics["swv_requests_over_norm"]) == (None, 0)
    first = await get(client, world, cases[0]["id"])
    assert first["first_discussed_at"] is not None


async def _held_group_meeting(client: httpx.AsyncClient, world: World) -> str:
    """A group meeting of 1A, held, that decided to register Aya (ll-3) with the care team."""
    ov = await overview(client, world, "gr-1a", await period(client, world, 1, START))
    sig = await signal(client, world, "mentor", ov["id"], "ll-3", "behaviour_seo")
    created = await call(client, world, "mentor", "POST", f"/api/v1/overviews/{ov['id']}/meeting",
                         {"scheduled_on": "2026-10-01"})  # fmt: skip
    assert created.status_code == 201, created.text
    report = {"scheduled_on": "2026-10-01", "chair_name": "Mentor", "attendees": ["Mentor"],
              "summary": "Aya aanmelden bij het zorgteam.",
              "decisions": [
                  {"student_id": str(world.students["ll-3"]), "decision": "register_care_team",
                   "note": "Trekt zich terug"},
                  {"student_id": str(world.students["ll-1"]),
                   "decision": "continue_in_group_plan"},
              ]}  # fmt: skip
    saved = await call(client, world, "mentor", "PUT", f"/api/v1/meetings/{created.json()['id']}",
                       report, **{"If-Match": f'"v{created.json()["version"]}"'})  # fmt: skip
    assert saved.status_code == 200, saved.text
    held = await call(client, world, "mentor", "POST",
                      f"/api/v1/meetings/{created.json()['id']}/hold",
                      {"held_on": "2026-10-01", "confirmed_signal_ids": [sig["id"]]},
                      **{"If-Match": f'"v{saved.json()["version"]}"'})  # fmt: skip
    assert held.status_code == 200, held.text
    return str(created.json()["id"])


async def test_case_requests_list_held_decisions_until_a_case_is_opened_for_them(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    requests_url = f"/api/v1/schools/{world.school_id}/case-requests"
    assert (await call(client, world, "zorgcoordinator", "GET", requests_url)).json() == []
    meeting_id = await _held_group_meeting(client, world)

    listed = (await call(client, world, "zorgcoordinator", "GET", requests_url)).json()
    assert [(r["student_id"], r["student_name"], r["group_name"], r["held_on"], r["note"])
            for r in listed] == [
        (str(world.students["ll-3"]), "Aya El Amrani", "1A", "2026-10-01", "Trekt zich terug"),
    ]  # fmt: skip
    assert listed[0]["meeting_id"] == meeting_id
    decision = listed[0]["decision_id"]
    assert len((await call(client, world, "mentor", "GET", requests_url)).json()) == 1
    assert (await call(client, world, "teacher", "GET", requests_url)).json() == []

    # The decision is about Aya: not a basis for a case of Emma.
    resp = await open_case(client, world, "mentor", "ll-1", KEY, "open_izo",
                           origin_decision_id=decision)  # fmt: skip
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["pointer"] == "/origin_decision_id"
    case = await opened(client, world, "ll-3", origin_decision_id=decision)
    assert (case["origin"], case["origin_meeting_id"]) == ("group_meeting", meeting_id)
    assert (await call(client, world, "zorgcoordinator", "GET", requests_url)).json() == []
    again = await open_case(client, world, "zorgcoordinator", "ll-3", KEY, "open_izo",
                            origin_decision_id=decision)  # fmt: skip
    assert again.status_code == 409 and again.json()["case_id"] == case["id"]


async def test_a_privacy_officer_sees_no_case_on_the_board_or_the_dashboard(
    client: httpx.AsyncClient, world: World
) -> None:
    """The privacy officer may not read a case (403), so the board and the dashboard must not
    show its student, state and deadlines either."""
    await install(client, world, "vo-izo-zat", KEY)
    case = await opened(client, world, "ll-1", evaluation_on=iso(TODAY - timedelta(days=2)))
    assert (await call(client, world, "privacy_officer", "GET",
                       f"/api/v1/cases/{case['id']}")).status_code == 403  # fmt: skip
    assert cards(await board(client, world, "privacy_officer")) == {}
    dashboard = await deadlines(client, world, "privacy_officer")
    assert dashboard["items"] == [] and dashboard["metrics"]["open_cases"] == 0


async def test_mine_is_only_mine_for_an_account_without_a_staff_record(
    client: httpx.AsyncClient, world: World
) -> None:
    """An IB'er whose account is not linked to a roster record coordinates nothing and mentors
    no one: no deadline of a case without a coordinator is theirs."""
    async with world.factory.run([world.school_id]) as uow:
        user = UserAccount(issuer=world.factory.issuer, subject=f"ib-{world.school_id}",
                           display_name="Intern begeleider")  # fmt: skip
        uow.add(user)
        await uow.flush()
        uow.add(SchoolMembership(user_id=user.id, school_id=world.school_id,
                                 role="intern_begeleider"))  # fmt: skip
        await uow.commit()
    world.subjects["intern_begeleider"] = f"ib-{world.school_id}"
    await install(client, world, "vo-izo-zat", KEY)
    await opened(client, world, "ll-1", evaluation_on=iso(TODAY + timedelta(days=3)))
    everything = (await deadlines(client, world, "intern_begeleider"))["items"]
    assert [i["kind"] for i in everything] == ["case_evaluation"]
    assert (await deadlines(client, world, "intern_begeleider", mine=True))["items"] == []
