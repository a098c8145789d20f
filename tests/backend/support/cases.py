"""Building blocks for case-routing tests: routes, cases, consents and steps through the API."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
from sqlmodel import select
from support.factories import World
from support.hgw import call

from zorgroute.core.models import utcnow
from zorgroute.roster.models import StudentGuardian

TODAY = utcnow().date()


def iso(d: date) -> str:
    return d.isoformat()


async def install(client: httpx.AsyncClient, world: World, template: str, key: str) -> str:
    resp = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/schools/{world.school_id}/care-routes",
        {"key": key, "template": template},
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def open_case(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    student: str,
    route_key: str,
    action: str,
    **fields: Any,
) -> httpx.Response:
    body = {
        "student_id": str(world.students[student]),
        "route_key": route_key,
        "action": action,
        **fields,
    }
    return await call(client, world, role, "POST", f"/api/v1/schools/{world.school_id}/cases", body)


async def get(
    client: httpx.AsyncClient, world: World, case_id: str, role: str = "zorgcoordinator"
) -> dict[str, Any]:
    resp = await call(client, world, role, "GET", f"/api/v1/cases/{case_id}")
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


async def step(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    case: dict[str, Any],
    action: str,
    **extra: Any,
) -> httpx.Response:
    return await call(
        client,
        world,
        role,
        "POST",
        f"/api/v1/cases/{case['id']}/transitions",
        {"action": action, **extra},
        **{"If-Match": f'"v{case["version"]}"'},
    )


async def patch(
    client: httpx.AsyncClient, world: World, role: str, case: dict[str, Any], body: dict[str, Any]
) -> dict[str, Any]:
    resp = await call(
        client,
        world,
        role,
        "PATCH",
        f"/api/v1/cases/{case['id']}",
        body,
        **{"If-Match": f'"v{case["version"]}"'},
    )
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


async def conversation(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    case_id: str,
    with_whom: str,
    forum: str | None,
    moment: str = "before",
) -> None:
    resp = await call(
        client,
        world,
        role,
        "POST",
        f"/api/v1/cases/{case_id}/conversations",
        {
            "with_whom": with_whom,
            "moment": moment,
            "forum": forum,
            "held_on": iso(TODAY),
            "summary": "Besproken wat er speelt.",
        },
    )
    assert resp.status_code == 201, resp.text


async def registration(
    client: httpx.AsyncClient, world: World, role: str, case_id: str, kind: str
) -> None:
    body: dict[str, Any] = {
        "problem": "Komt niet tot werken, veel verzuim.",
        "support_types": ["student_guidance"],
    }
    if kind == "zat":
        body["request_types"] = ["external_help"]
    resp = await call(
        client, world, role, "PUT", f"/api/v1/cases/{case_id}/registrations/{kind}", body
    )
    assert resp.status_code == 200, resp.text


async def consent(
    client: httpx.AsyncClient,
    world: World,
    student: str,
    purpose: str,
    recipient: str | None = None,
) -> str:
    sid = world.students[student]
    async with world.factory.run([world.school_id]) as uow:
        guardian = await uow.scalar(
            select(StudentGuardian.guardian_id).where(StudentGuardian.student_id == sid)
        )
    body = {
        "purpose": purpose,
        "granted": True,
        "given_by": "guardian",
        "guardian_id": str(guardian),
        "method": "signed_form",
        "given_on": iso(TODAY),
        "recipient": recipient,
    }
    resp = await call(
        client, world, "zorgcoordinator", "POST", f"/api/v1/students/{sid}/consents", body
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def meeting(client: httpx.AsyncClient, world: World, forum: str) -> dict[str, Any]:
    resp = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/schools/{world.school_id}/care-meetings",
        {
            "forum": forum,
            "title": f"{forum.upper()} week 12",
            "scheduled_at": (utcnow() + timedelta(days=1)).isoformat(),
            "members": [{"name": "Zorgcoördinator", "membership": "standing"}],
        },
    )
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def discuss(
    client: httpx.AsyncClient,
    world: World,
    meeting_id: str,
    case_id: str,
    kind: str = "new",
    then: str | None = None,
    actions: list[dict[str, Any]] | None = None,
) -> httpx.Response:
    m = await call(client, world, "zorgcoordinator", "GET", f"/api/v1/care-meetings/{meeting_id}")
    agenda = {i["case_id"]: i for i in m.json()["agenda"]}
    if case_id not in agenda:
        resp = await call(
            client,
            world,
            "zorgcoordinator",
            "POST",
            f"/api/v1/care-meetings/{meeting_id}/agenda",
            {"case_id": case_id, "kind": kind},
            **{"If-Match": f'"v{m.json()["version"]}"'},
        )
        assert resp.status_code == 200, resp.text
        agenda = {i["case_id"]: i for i in resp.json()["agenda"]}
    body = {
        "minutes": {"analysis": "Analyse van het probleem.", "summary": "Afspraken."},
        "decisions": ["Begeleiding door de orthopedagoog"],
        "evaluation_on": iso(TODAY + timedelta(weeks=6)),
        "informs_student_parents": "Mentor",
        "relays_advice_to_school": "Zorgcoördinator",
        "action_items": actions or [],
        "then_action": then,
    }
    return await call(
        client,
        world,
        "zorgcoordinator",
        "PUT",
        f"/api/v1/care-meetings/{meeting_id}/discussions/{case_id}",
        body,
        **{"If-Match": f'"v{agenda[case_id]["version"]}"'},
    )


def uid(value: str) -> uuid.UUID:
    return uuid.UUID(value)
