"""The VO template (IZO and ZAT) walked through the API: the happy path from a registration to
closure, and the refusals on the way (409 outside the table, 422 naming what is missing)."""

from __future__ import annotations

from datetime import timedelta

import httpx
from support.cases import (
    TODAY,
    consent,
    conversation,
    discuss,
    get,
    install,
    iso,
    meeting,
    open_case,
    patch,
    registration,
    step,
)
from support.factories import World
from support.hgw import call

KEY = "vo"
CASE_FILE = {
    "help_question_student": "Help mij om mijn huiswerk te plannen.",
    "guidance_question": "Hoe kan ik deze leerling helpen structuur te houden?",
    "strengths": {"student": "Sportief en behulpzaam", "school": "", "family": "Betrokken"},
}


async def test_vo_route_from_registration_to_closure(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    resp = await open_case(
        client, world, "mentor", "ll-1", KEY, "open_izo", reasons=["insufficient_benefit"]
    )
    assert resp.status_code == 201, resp.text
    case = resp.json()
    assert case["state"] == "izo_draft" and case["level"] == "l2"

    # T5 without anything: 422 naming exactly what is missing.
    refused = await step(client, world, "mentor", case, "submit")
    assert refused.status_code == 422, refused.text
    assert refused.json()["missing"] == [
        "help_question",
        "guidance_question",
        "strengths",
        "registration:izo",
        "student_conversation:izo",
        "parents_informed:izo",
    ]
    # Not in the table from izo_draft: 409 with the allowed actions.
    wrong = await step(client, world, "mentor", case, "screen_accept")
    assert wrong.status_code == 409 and "submit" in wrong.json()["allowed_actions"]

    case = await patch(client, world, "mentor", case, CASE_FILE)
    await registration(client, world, "mentor", case["id"], "izo")
    await conversation(client, world, "mentor", case["id"], "student", "izo")
    await conversation(client, world, "mentor", case["id"], "parents", "izo")
    # Parents informed, but no consent to discuss yet.
    case = await get(client, world, case["id"], "mentor")
    submit = next(a for a in case["actions"] if a["action"] == "submit")
    assert submit["allowed"] and submit["missing"] == ["parents_informed:izo"]
    await consent(client, world, "ll-1", "discuss_care_team")
    case = await get(client, world, case["id"], "mentor")
    resp = await step(
        client, world, "mentor", case, "submit", reason="Besloten in de groepsbespreking"
    )
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "izo_submitted"
    assert case["registrations"][0]["status"] == "submitted"

    # Screening is the zorgcoördinator's: the mentor may not accept.
    screening = {
        "right_line": True,
        "questions_clear": True,
        "prior_line_exhausted": True,
        "parents_student_aware": True,
        "outcome": "accept",
    }
    as_mentor = await call(
        client,
        world,
        "mentor",
        "POST",
        f"/api/v1/cases/{case['id']}/screenings",
        screening,
        **{"If-Match": f'"v{case["version"]}"'},
    )
    assert as_mentor.status_code == 403
    # Accepting with a failed check is refused and changes nothing.
    failing = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/cases/{case['id']}/screenings",
        {**screening, "prior_line_exhausted": False},
        **{"If-Match": f'"v{case["version"]}"'},
    )
    assert failing.status_code == 422 and failing.json()["missing"] == ["screening_passed:izo"]
    assert (await get(client, world, case["id"]))["screenings"] == []
    resp = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/cases/{case['id']}/screenings",
        screening,
        **{"If-Match": f'"v{case["version"]}"'},
    )
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "izo_scheduled"

    izo = await meeting(client, world, "izo")
    resp = await discuss(client, world, izo["id"], case["id"], then="discuss")
    assert resp.status_code == 200, resp.text
    case = await get(client, world, case["id"])
    assert case["state"] == "izo_active" and case["first_discussed_at"] is not None

    # T11 needs the question to the ZAT.
    refused = await step(client, world, "zorgcoordinator", case, "register_zat")
    assert refused.status_code == 422 and refused.json()["missing"] == ["zat_question"]
    case = await patch(
        client,
        world,
        "zorgcoordinator",
        case,
        {"zat_question": "Welke externe hulp past bij de thuissituatie?"},
    )
    case = (await step(client, world, "zorgcoordinator", case, "register_zat")).json()
    assert case["state"] == "zat_draft"

    # ZAT registration without the parents' consent is refused.
    await registration(client, world, "zorgcoordinator", case["id"], "zat")
    await conversation(client, world, "zorgcoordinator", case["id"], "student", "zat")
    await conversation(client, world, "zorgcoordinator", case["id"], "parents", "zat")
    case = await get(client, world, case["id"])
    refused = await step(client, world, "zorgcoordinator", case, "submit_zat")
    assert refused.status_code == 422 and refused.json()["missing"] == ["consent:register_zat"]
    await consent(client, world, "ll-1", "register_zat")
    case = (await step(client, world, "zorgcoordinator", case, "submit_zat")).json()
    assert case["state"] == "zat_submitted"
    case = (
        await call(
            client,
            world,
            "zorgcoordinator",
            "POST",
            f"/api/v1/cases/{case['id']}/screenings",
            screening,
            **{"If-Match": f'"v{case["version"]}"'},
        )
    ).json()
    assert case["state"] == "zat_scheduled"

    # T15: the action plan needs action items.
    zat = await meeting(client, world, "zat")
    resp = await discuss(client, world, zat["id"], case["id"], then="discuss")
    assert resp.status_code == 422 and resp.json()["missing"] == ["action_plan"]
    action = {
        "description": "Intake jeugdhulp plannen",
        "owner_name": "Schoolmaatschappelijk werk",
        "due_on": iso(TODAY + timedelta(weeks=2)),
    }
    resp = await discuss(client, world, zat["id"], case["id"], then="discuss", actions=[action])
    assert resp.status_code == 200, resp.text
    case = await get(client, world, case["id"])
    assert case["state"] == "zat_active" and len(case["action_items"]) == 1

    # T18: an SWV request (rebound) needs documented efforts, the parents and their consent.
    swv = {
        "request_type": "rebound",
        "temporary": True,
        "goals": "Terugkeer binnen 12 weken",
        "documented_efforts": [],
        "requested_start": iso(TODAY + timedelta(weeks=4)),
        "requested_on": iso(TODAY),
    }
    refused = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/cases/{case['id']}/swv-requests",
        swv,
        **{"If-Match": f'"v{case["version"]}"'},
    )
    assert refused.status_code == 422
    swv["documented_efforts"] = [
        {"what": "IZO-begeleiding", "period": "10 weken", "result": "Onvoldoende"}
    ]
    refused = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/cases/{case['id']}/swv-requests",
        swv,
        **{"If-Match": f'"v{case["version"]}"'},
    )
    assert refused.status_code == 422 and refused.json()["missing"] == ["consent:share_swv"]
    await consent(client, world, "ll-1", "share_swv")
    resp = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/cases/{case['id']}/swv-requests",
        swv,
        **{"If-Match": f'"v{case["version"]}"'},
    )
    assert resp.status_code == 201, resp.text
    case = resp.json()
    assert case["state"] == "swv_arrangement"
    request = case["swv_requests"][0]
    resp = await call(
        client,
        world,
        "zorgcoordinator",
        "PATCH",
        f"/api/v1/swv-requests/{request['id']}",
        {
            "decision": "granted",
            "decided_on": iso(TODAY),
            "starts_on": iso(TODAY + timedelta(weeks=3)),
        },
        **{"If-Match": f'"v{request["version"]}"'},
    )
    assert resp.status_code == 200 and resp.json()["weeks_to_start"] == 3.0

    case = await get(client, world, case["id"])
    case = (await step(client, world, "zorgcoordinator", case, "arrangement_ended")).json()
    assert case["state"] == "zat_evaluation"
    closure = {
        "evaluated_with_student": True,
        "evaluated_with_parents": False,
        "outcome": "goals_met",
        "evaluation": "Doelen gehaald.",
        "provisional": True,
    }
    refused = await step(client, world, "zorgcoordinator", case, "close", closure=closure)
    assert refused.status_code == 422 and refused.json()["missing"] == ["final_evaluation"]
    closure["evaluated_with_parents"] = True
    case = (await step(client, world, "zorgcoordinator", case, "close", closure=closure)).json()
    assert case["state"] == "closed" and case["closed_at"] and case["closure_provisional"]
    # Provisional closure: reopened on a new evaluation date (the old one was evaluated).
    assert case["evaluation_on"] is None
    refused = await step(client, world, "zorgcoordinator", case, "reopen")
    assert refused.status_code == 422 and refused.json()["missing"] == ["evaluation_date"]
    case = await patch(client, world, "zorgcoordinator", case,
                       {"evaluation_on": iso(TODAY + timedelta(weeks=4))})  # fmt: skip
    case = (await step(client, world, "zorgcoordinator", case, "reopen")).json()
    assert case["state"] == "izo_active" and case["closed_at"] is None
    kinds = [e["action"] for e in case["events"] if e["kind"] == "transition"]
    assert kinds[:3] == ["reopen", "close", "arrangement_ended"]


async def test_stale_version_and_unknown_action_change_nothing(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    case = (await open_case(client, world, "mentor", "ll-2", KEY, "open_izo")).json()
    stale = await call(
        client,
        world,
        "mentor",
        "POST",
        f"/api/v1/cases/{case['id']}/transitions",
        {"action": "submit"},
        **{"If-Match": '"v99"'},
    )
    assert stale.status_code == 412
    missing = await call(
        client,
        world,
        "mentor",
        "POST",
        f"/api/v1/cases/{case['id']}/transitions",
        {"action": "submit"},
    )
    assert missing.status_code == 428
    unknown = await step(client, world, "mentor", case, "fly_to_the_moon")
    assert unknown.status_code == 409
    after = await get(client, world, case["id"])
    assert after["version"] == case["version"] and after["state"] == "izo_draft"
