"""The PO 1-zorgroute walked through the API: the groepsleerkracht (the world's mentor of 1A)
registers a student for the leerlingbespreking, the intern begeleider screens and records the
agreements, the ondersteuningsteam (OT) makes a plan, the samenwerkingsverband gets a request for
ambulant support, and the case is closed. Every refusal on the way: 409 for a step outside the
table, 403 for a role the table does not name, 422 listing exactly the missing guards."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from support.cases import (
    TODAY,
    consent,
    conversation,
    get,
    install,
    iso,
    meeting,
    open_case,
    patch,
    registration,
    step,
)  # fmt: skip
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.identity.models import SchoolMembership, UserAccount

KEY = "po"
IB = "intern_begeleider"
SCREEN_OK = {"right_line": True, "questions_clear": True, "prior_line_exhausted": True,
             "parents_student_aware": True, "outcome": "accept"}  # fmt: skip
CASE_FILE = {
    "help_question_student": "Help mij om rustig te blijven als ik boos word.",
    "guidance_question": "Hoe kan ik haar helpen haar boosheid te reguleren in de klas?",
    "strengths": {"student": "Creatief en zorgzaam", "school": "Fijne klas", "family": ""},
}


@pytest.fixture
async def world(factory: WorldFactory) -> World:
    """A primary school: the world's mentor of 1A is the groepsleerkracht. The factory has no
    intern begeleider, so the school gets one here (an account with that school role)."""
    world = await factory.build(sector="PO")
    async with factory.run([world.school_id]) as uow:
        user = UserAccount(issuer=factory.issuer, subject=f"ib-{world.school_id}",
                           display_name="Intern begeleider")  # fmt: skip
        uow.add(user)
        await uow.flush()
        uow.add(SchoolMembership(user_id=user.id, school_id=world.school_id, role=IB))
        await uow.commit()
    world.subjects[IB] = f"ib-{world.school_id}"
    world.users[IB] = user.id
    return world


async def screen(
    client: httpx.AsyncClient, world: World, role: str, case: dict[str, Any], **changes: Any
) -> httpx.Response:
    return await call(
        client,
        world,
        role,
        "POST",
        f"/api/v1/cases/{case['id']}/screenings",
        {**SCREEN_OK, **changes},
        **{"If-Match": f'"v{case["version"]}"'},
    )


async def minutes(
    client: httpx.AsyncClient, world: World, role: str, meeting_id: str, case_id: str,
    then: str | None, actions: list[dict[str, Any]] | None = None,
) -> httpx.Response:  # fmt: skip
    """Put the case on the agenda (once) and record the minutes as `role`."""
    m = (await call(client, world, role, "GET", f"/api/v1/care-meetings/{meeting_id}")).json()
    agenda = {i["case_id"]: i for i in m["agenda"]}
    if case_id not in agenda:
        resp = await call(client, world, role, "POST", f"/api/v1/care-meetings/{meeting_id}/agenda",
                          {"case_id": case_id, "kind": "new"},
                          **{"If-Match": f'"v{m["version"]}"'})  # fmt: skip
        assert resp.status_code == 200, resp.text
        agenda = {i["case_id"]: i for i in resp.json()["agenda"]}
    body = {"minutes": {"analysis": "Boosheid vooral na de pauze.", "summary": "Afspraken."},
            "decisions": ["Time-out plek in de klas", "Pauzebuddy"],
            "evaluation_on": iso(TODAY + timedelta(weeks=6)),
            "informs_student_parents": "Groepsleerkracht", "relays_advice_to_school": "IB'er",
            "action_items": actions or [], "then_action": then}  # fmt: skip
    return await call(client, world, role, "PUT",
                      f"/api/v1/care-meetings/{meeting_id}/discussions/{case_id}", body,
                      **{"If-Match": f'"v{agenda[case_id]["version"]}"'})  # fmt: skip


def refused(resp: httpx.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    return dict(resp.json())


async def test_po_route_from_leerlingbespreking_to_closure(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "po-1-zorgroute", KEY)

    # P1: the leerkracht (mentor of the group), the teacher of the student or the IB'er opens;
    # the zorgcoördinator and the HB specialist are not in this school's table.
    for role in ("zorgcoordinator", "hb_specialist"):
        resp = await open_case(client, world, role, "ll-1", KEY, "open_leerlingbespreking")
        assert resp.status_code == 403, (role, resp.text)
    # An entry the route does not have.
    wrong = refused(await open_case(client, world, "mentor", "ll-1", KEY, "open_izo"), 409)
    assert wrong["allowed_actions"] == ["open_leerlingbespreking"]
    resp = await open_case(client, world, "mentor", "ll-1", KEY, "open_leerlingbespreking",
                           reasons=["severe_behaviour"])  # fmt: skip
    assert resp.status_code == 201, resp.text
    case = resp.json()
    assert (case["state"], case["level"], case["route_revision"]) == ("lb_draft", "l2", 1)
    assert case["registrant_name"].startswith("mentor")

    # P2 with nothing filled in: exactly the route's guards (no student conversation in PO).
    body = refused(await step(client, world, "mentor", case, "submit"), 422)
    assert body["missing"] == [
        "help_question", "guidance_question", "strengths", "registration:izo",
        "parents_informed:izo",
    ]  # fmt: skip
    assert len(body["missing_labels"]) == 5
    # Outside the table from lb_draft: 409 naming what is possible.
    for action in ("screen_accept", "discuss", "register_ot", "close"):
        body = refused(await step(client, world, "mentor", case, action), 409)
        assert body["allowed_actions"] == ["involve_leerplicht", "submit"], action

    case = await patch(client, world, "mentor", case, CASE_FILE)
    await registration(client, world, "mentor", case["id"], "izo")
    body = refused(await step(client, world, "mentor", case, "submit"), 422)
    assert body["missing"] == ["parents_informed:izo"]
    # The parents were told, but have not consented to the discussion yet.
    await conversation(client, world, "mentor", case["id"], "parents", "izo")
    body = refused(await step(client, world, "mentor", case, "submit"), 422)
    assert body["missing"] == ["parents_informed:izo"]
    await consent(client, world, "ll-1", "discuss_care_team")
    case = await get(client, world, case["id"], "mentor")
    submit = next(a for a in case["actions"] if a["action"] == "submit")
    assert submit["allowed"] and submit["missing"] == []
    resp = await step(client, world, "mentor", case, "submit")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "lb_submitted"
    assert [r["status"] for r in case["registrations"]] == ["submitted"]

    # P3 is the IB'er's: the leerkracht may not screen, nor may the zorgcoördinator here.
    assert (await screen(client, world, "mentor", case)).status_code == 403
    assert (await screen(client, world, "zorgcoordinator", case)).status_code == 403
    body = refused(await screen(client, world, IB, case, questions_clear=False), 422)
    assert body["missing"] == ["screening_passed:izo"]
    assert (await get(client, world, case["id"], IB))["screenings"] == []
    body = refused(await step(client, world, IB, case, "discuss"), 409)
    assert body["allowed_actions"] == ["involve_leerplicht", "screen_accept", "screen_request_info"]
    # P3r: back to the leerkracht for what is missing; she adds it and submits again.
    resp = await screen(client, world, IB, case, outcome="request_info",
                        missing_items=["Wat is er al gedaan in de klas?"])  # fmt: skip
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "lb_draft"
    reg = case["registrations"][0]
    assert reg["status"] == "info_requested"
    resp = await call(
        client,
        world,
        "mentor",
        "PUT",
        f"/api/v1/cases/{case['id']}/registrations/izo",
        {
            "problem": "Boze buien, vooral na de pauze.",
            "already_done": "Time-out kaart, gesprekjes na de pauze.",
        },
        **{"If-Match": f'"v{reg["version"]}"'},
    )
    assert resp.status_code == 200, resp.text
    case = (await step(client, world, "mentor", case, "submit")).json()
    assert case["state"] == "lb_submitted"
    resp = await screen(client, world, IB, case)
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "lb_scheduled"
    assert [s["outcome"] for s in case["screenings"]] == ["request_info", "accept"]
    assert case["registrations"][0]["status"] == "accepted"

    # P4: the leerlingbespreking's minutes take the step. The zorgcoördinator organises care
    # meetings but the table gives `discuss` to the IB'er only: refused, and nothing is saved.
    lb = await meeting(client, world, "leerlingbespreking")
    refused(await minutes(client, world, "zorgcoordinator", lb["id"], case["id"], "discuss"), 403)
    after = await get(client, world, case["id"], IB)
    assert after["state"] == "lb_scheduled" and after["first_discussed_at"] is None
    resp = await minutes(client, world, IB, lb["id"], case["id"], "discuss")
    assert resp.status_code == 200, resp.text
    assert resp.json()["agenda"][0]["decisions"] == ["Time-out plek in de klas", "Pauzebuddy"]
    case = await get(client, world, case["id"], IB)
    assert case["state"] == "lb_active" and case["first_discussed_at"] is not None
    assert case["evaluation_on"] == iso(TODAY + timedelta(weeks=6))
    assert [d["forum"] for d in case["discussions"]] == ["leerlingbespreking"]

    # P6 needs the question to the OT; only the IB'er registers.
    refused(await step(client, world, "mentor", case, "register_ot"), 403)
    body = refused(await step(client, world, IB, case, "register_ot"), 422)
    assert body["missing"] == ["zat_question"]
    body = refused(await step(client, world, IB, case, "submit_ot"), 409)
    assert "register_ot" in body["allowed_actions"] and "evaluate" in body["allowed_actions"]
    case = await patch(client, world, IB, case,
                       {"zat_question": "Is er onderzoek nodig naar de boosheid?"})  # fmt: skip
    resp = await step(client, world, IB, case, "register_ot")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert (case["state"], case["level"]) == ("ot_draft", "l3")

    # P7: the OT registration; without the parents' consent to register it is refused.
    body = refused(await step(client, world, IB, case, "submit_ot"), 422)
    assert body["missing"] == [
        "registration:zat", "consent:register_zat", "student_conversation:zat",
        "parent_conversation:zat",
    ]  # fmt: skip
    await registration(client, world, IB, case["id"], "zat")
    await conversation(client, world, IB, case["id"], "student", "zat")
    await conversation(client, world, IB, case["id"], "parents", "zat")
    case = await get(client, world, case["id"], IB)
    body = refused(await step(client, world, IB, case, "submit_ot"), 422)
    assert body["missing"] == ["consent:register_zat"]
    await consent(client, world, "ll-1", "register_zat")
    resp = await step(client, world, IB, case, "submit_ot")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "ot_submitted"
    assert {r["kind"]: r["status"] for r in case["registrations"]} == {
        "izo": "accepted", "zat": "submitted",
    }  # fmt: skip
    body = refused(await screen(client, world, IB, case, right_line=False), 422)
    assert body["missing"] == ["screening_passed:zat"]
    case = (await screen(client, world, IB, case)).json()
    assert case["state"] == "ot_scheduled"

    # P9: a complex case needs a casusregisseur, and the plan needs action items.
    case = await patch(client, world, IB, case, {"complexity": "complex"})
    ot = await meeting(client, world, "ondersteuningsteam")
    body = refused(await minutes(client, world, IB, ot["id"], case["id"], "discuss"), 422)
    assert body["missing"] == ["action_plan", "case_coordinator_if_complex"]
    case = await patch(client, world, IB, case,
                       {"coordinator_staff_id": str(world.staff["st-mentor-1a"])})  # fmt: skip
    body = refused(await minutes(client, world, IB, ot["id"], case["id"], "discuss"), 422)
    assert body["missing"] == ["action_plan"]
    action = {"description": "Observatie door de ambulant begeleider",
              "owner_name": "Ambulant begeleider", "organisation": "SWV",
              "due_on": iso(TODAY + timedelta(weeks=3))}  # fmt: skip
    resp = await minutes(client, world, IB, ot["id"], case["id"], "discuss", [action])
    assert resp.status_code == 200, resp.text
    case = await get(client, world, case["id"], IB)
    assert case["state"] == "ot_active"
    assert [a["description"] for a in case["action_items"]] == [action["description"]]
    assert case["coordinator"]["id"] == str(world.staff["st-mentor-1a"])
    assert [d["forum"] for d in case["discussions"]] == ["leerlingbespreking", "ondersteuningsteam"]

    # P12: ambulant support from the SWV needs the parents' consent to share with the SWV
    # (no documented efforts: those are for rebound and special education only).
    swv = {
        "request_type": "ambulant_support",
        "goals": "Zelfregulatie in de klas",
        "requested_start": iso(TODAY + timedelta(weeks=4)),
        "requested_on": iso(TODAY),
    }
    url = f"/api/v1/cases/{case['id']}/swv-requests"
    version = {"If-Match": f'"v{case["version"]}"'}
    refused(await call(client, world, "mentor", "POST", url, swv, **version), 403)
    body = refused(await call(client, world, IB, "POST", url, swv, **version), 422)
    assert body["missing"] == ["consent:share_swv"]
    assert (await get(client, world, case["id"], IB))["swv_requests"] == []
    await consent(client, world, "ll-1", "share_swv")
    resp = await call(client, world, IB, "POST", url, swv, **version)
    assert resp.status_code == 201, resp.text
    case = resp.json()
    assert case["state"] == "swv_arrangement"
    assert [(r["request_type"], r["decision"]) for r in case["swv_requests"]] == [
        ("ambulant_support", "pending")
    ]

    # Closure: only from an evaluation, only by the IB'er, only with the final evaluation.
    closure = {"evaluated_with_student": True, "evaluated_with_parents": True,
               "outcome": "goals_met", "evaluation": "Rustiger in de klas.",
               "aftercare": "Bespreken in de volgende groepsbespreking."}  # fmt: skip
    body = refused(await step(client, world, IB, case, "close", closure=closure), 409)
    assert body["allowed_actions"] == ["arrangement_ended", "involve_leerplicht"]
    case = (await step(client, world, IB, case, "arrangement_ended")).json()
    assert case["state"] == "ot_evaluation"
    refused(await step(client, world, "mentor", case, "close", closure=closure), 403)
    body = refused(await step(client, world, IB, case, "close"), 422)
    assert body["missing"] == ["final_evaluation"]
    half = {**closure, "evaluated_with_student": False}
    body = refused(await step(client, world, IB, case, "close", closure=half), 422)
    assert body["missing"] == ["final_evaluation"]
    resp = await step(client, world, IB, case, "close", closure=closure)
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "closed" and case["closed_at"] is not None
    assert (case["closure_outcome"], case["closure_provisional"]) == ("goals_met", False)
    assert case["editable"] is False

    # A definitive closure is not reopened; a closed case file is not edited.
    body = refused(await step(client, world, IB, case, "reopen"), 422)
    assert body["missing"] == ["provisional_closure", "evaluation_date"]
    body = refused(await step(client, world, IB, case, "discuss"), 409)
    assert body["allowed_actions"] == ["reopen"]
    resp = await call(client, world, IB, "PATCH", f"/api/v1/cases/{case['id']}",
                      {"prior_support": "x"}, **{"If-Match": f'"v{case["version"]}"'})  # fmt: skip
    assert resp.status_code == 409
    steps = [e["action"] for e in reversed(case["events"]) if e["kind"] in ("opened", "transition")]
    assert steps == [
        "open_leerlingbespreking", "submit", "screen_request_info", "submit", "screen_accept",
        "discuss", "register_ot", "submit_ot", "screen_accept", "discuss", "request_swv",
        "arrangement_ended", "close",
    ]  # fmt: skip


async def test_the_teacher_of_the_student_may_register_but_not_screen(
    client: httpx.AsyncClient, world: World
) -> None:
    """In PO the subject teacher (here: maths in 2B) is in the table as well, for their own
    students only."""
    await install(client, world, "po-1-zorgroute", KEY)
    resp = await open_case(client, world, "teacher", "ll-1", KEY, "open_leerlingbespreking")
    assert resp.status_code == 404  # not a student of theirs
    resp = await open_case(client, world, "teacher", "ll-4", KEY, "open_leerlingbespreking",
                           **CASE_FILE)  # fmt: skip
    assert resp.status_code == 201, resp.text
    case = resp.json()
    options = {a["action"]: a for a in case["actions"]}
    assert options["submit"]["allowed"] is True
    assert options["submit"]["missing"] == ["registration:izo", "parents_informed:izo"]
    assert options["involve_leerplicht"]["allowed"] is False
