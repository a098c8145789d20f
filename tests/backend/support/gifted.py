"""Building blocks for gifted-education tests: an offering, an application, its submission, the
committee's decision and the enrolment, each through the API. Each asserts the status it
expects (pass `status=` for a refusal) and returns the JSON body."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from support.factories import World
from support.hgw import call

from zorgroute.core.models import utcnow

TODAY = utcnow().date()
HB = "hb_specialist"
ZOCO = "zorgcoordinator"


def iso(days: int = 0) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def if_match(body: dict[str, Any]) -> dict[str, str]:
    return {"If-Match": f'"v{body["version"]}"'}


def expect(resp: httpx.Response, status: int) -> Any:
    assert resp.status_code == status, resp.text
    return resp.json()


def pointers(problem: dict[str, Any]) -> set[str]:
    return {e["pointer"] for e in problem.get("errors") or []}


def committee(world: World) -> list[str]:
    """The default committee: the HB specialist and the care coordinator."""
    return [str(world.staff["st-hb"]), str(world.staff["st-zoco"])]


def offering_body(world: World, **fields: Any) -> dict[str, Any]:
    return {
        "name": "Plusklas bovenbouw",
        "kind": "plusklas",
        "setting": "separate_group",
        "duration": "whole_year",
        "goals": [{"text": "Een eigen onderzoeksproject plannen", "cognitive": True}],
        "target_group": "Leerlingen met behoefte aan cognitieve uitdaging",
        "application_routes": ["intern_begeleider"],
        "committee_staff_ids": committee(world),
        "capacity": 2,
        "fixed_teacher_staff_id": str(world.staff["st-hb"]),
        **fields,
    }


async def create_offering(
    client: httpx.AsyncClient, world: World, role: str = HB, status: int = 201, **fields: Any
) -> dict[str, Any]:
    resp = await call(
        client,
        world,
        role,
        "POST",
        f"/api/v1/schools/{world.school_id}/offerings",
        offering_body(world, **fields),
    )
    return expect(resp, status)


async def apply(
    client: httpx.AsyncClient,
    world: World,
    student: str,
    offering_id: str | None,
    role: str = ZOCO,
    status: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    """A draft application for one of `world`'s students."""
    body = {
        "student_id": str(world.students[student]),
        "offering_id": offering_id,
        "motivation": "Verveelt zich bij rekenen, wil dieper op onderwerpen ingaan.",
        **fields,
    }
    return expect(await call(client, world, role, "POST", "/api/v1/applications", body), status)


async def submit(
    client: httpx.AsyncClient,
    world: World,
    application: dict[str, Any],
    route: str = "intern_begeleider",
    role: str = ZOCO,
    status: int = 200,
) -> dict[str, Any]:
    resp = await call(
        client,
        world,
        role,
        "POST",
        f"/api/v1/applications/{application['id']}/submit",
        {"route": route},
        **if_match(application),
    )
    return expect(resp, status)


async def decide(
    client: httpx.AsyncClient,
    world: World,
    application: dict[str, Any],
    decision: str,
    role: str = HB,
    decided_by: list[str] | None = None,
    status: int = 200,
    **fields: Any,
) -> dict[str, Any]:
    """The committee's decision; `world` is the offering's school."""
    body = {"decision": decision, "decided_by": decided_by or committee(world), **fields}
    if decision == "rejected":
        body.setdefault("reason", "Past beter bij verrijking in de eigen klas.")
    resp = await call(
        client,
        world,
        role,
        "POST",
        f"/api/v1/applications/{application['id']}/decision",
        body,
        **if_match(application),
    )
    return expect(resp, status)


def enrolment_body(world: World, application: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Two goals and a complete plan for the regular class (the mentor of 1A teaches there)."""
    return {
        "application_id": application["id"],
        "starts_on": iso(),
        "goals": [
            {"text": "Plant een project van vier weken zelfstandig", "cognitive": True},
            {"text": "Durft fouten te maken en vraagt om feedback"},
        ],
        "regular_teacher_staff_id": str(world.staff["st-mentor-1a"]),
        "class_adjustments": "Compacten rekenen: herhalingsstof overslaan",
        "alignment": "Presenteert het project in de eigen klas",
        **fields,
    }


async def enrol(
    client: httpx.AsyncClient,
    world: World,
    application: dict[str, Any],
    role: str = ZOCO,
    status: int = 201,
    **fields: Any,
) -> dict[str, Any]:
    """Enrol an admitted application; `world` is the student's school."""
    resp = await call(
        client,
        world,
        role,
        "POST",
        "/api/v1/offering-enrolments",
        enrolment_body(world, application, **fields),
    )
    return expect(resp, status)


async def admitted(
    client: httpx.AsyncClient, world: World, student: str, offering: dict[str, Any]
) -> dict[str, Any]:
    """An application of `student` for an offering of the same school, admitted."""
    draft = await apply(client, world, student, offering["id"])
    return await decide(client, world, await submit(client, world, draft), "admitted")
