"""The six-phase multidisciplinary schema for complex cases of (highly) gifted students, walked
through the API: signalling by the HB specialist, internal escalation, analysis with a case
coordinator and the parents, the network on the parents' consent after an MDO, the intervention
on an action plan, securing it with an evaluation date, and closure; reopening only after a
provisional closure."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from sqlmodel import select
from support.cases import (
    TODAY,
    conversation,
    discuss,
    get,
    install,
    iso,
    meeting,
    open_case,
    patch,
    step,
)  # fmt: skip
from support.factories import World
from support.hgw import call

from zorgroute.roster.models import StudentGuardian

KEY = "hb"
HB = "hb_specialist"
PARTNER = "Expertisecentrum Hoogbegaafdheid Regio Noord"
CLOSURE = {"evaluated_with_student": True, "evaluated_with_parents": True,
           "outcome": "goals_met", "evaluation": "Weer gemotiveerd, verrijking loopt.",
           "aftercare": "De mentor volgt het verrijkingsprogramma."}  # fmt: skip


def refused(resp: httpx.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    return dict(resp.json())


async def share_external(
    client: httpx.AsyncClient, world: World, student: str, recipient: str | None
) -> httpx.Response:
    sid = world.students[student]
    async with world.factory.run([world.school_id]) as uow:
        guardian = await uow.scalar(
            select(StudentGuardian.guardian_id).where(StudentGuardian.student_id == sid)
        )
    body = {"purpose": "share_external", "granted": True, "given_by": "guardian",
            "guardian_id": str(guardian), "method": "signed_form", "given_on": iso(TODAY),
            "recipient": recipient}  # fmt: skip
    return await call(client, world, "zorgcoordinator", "POST",
                      f"/api/v1/students/{sid}/consents", body)  # fmt: skip


async def test_gifted_route_through_the_six_phases(client: httpx.AsyncClient, world: World) -> None:
    await install(client, world, "hb-multidisciplinair", KEY)

    # Phase 1, signalling: the HB specialist (school-wide) opens; leadership is not in G1.
    resp = await open_case(client, world, "team_leader", "ll-2", KEY, "open_signal")
    assert resp.status_code == 403, resp.text
    resp = await open_case(client, world, HB, "ll-2", KEY, "open_signal",
                           reasons=["gifted_complex"])  # fmt: skip
    assert resp.status_code == 201, resp.text
    case = resp.json()
    assert (case["state"], case["level"], case["state_name"]) == (
        "signalering", "school", "Signalering",
    )  # fmt: skip
    body = refused(await step(client, world, HB, case, "analyse"), 409)
    assert body["allowed_actions"] == ["close", "escalate"]

    # Phase 2, internal escalation: the help question and the strengths first.
    body = refused(await step(client, world, HB, case, "escalate"), 422)
    assert body["missing"] == ["help_question", "strengths"]
    case = await patch(client, world, HB, case, {
        "help_question_student": "Help mij om weer zin te krijgen in school.",
        "strengths": {"student": "Snel van begrip, veel vragen", "school": "", "family": ""},
    })  # fmt: skip
    resp = await step(client, world, HB, case, "escalate")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "interne_opschaling"

    # Phase 3, analysis: a case coordinator (casusregie is mandatory) and the parents.
    body = refused(await step(client, world, HB, case, "analyse"), 422)
    assert body["missing"] == ["case_coordinator", "parents_consulted"]
    case = await patch(client, world, HB, case,
                       {"coordinator_staff_id": str(world.staff["st-hb"])})  # fmt: skip
    body = refused(await step(client, world, HB, case, "analyse"), 422)
    assert body["missing"] == ["parents_consulted"]
    await conversation(client, world, HB, case["id"], "parents", None, moment="kickoff")
    case = await get(client, world, case["id"], HB)
    resp = await step(client, world, HB, case, "analyse")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "analyse_advies"
    assert case["coordinator"]["id"] == str(world.staff["st-hb"])

    # Phase 4, the network: the HB specialist takes it as the case's coordinator (the table
    # names `coordinator`, not the HB specialist's role); the team leader is not in it.
    refused(await step(client, world, "team_leader", case, "involve_network"), 403)
    body = refused(await step(client, world, HB, case, "involve_network"), 422)
    assert body["missing"] == ["consent:share_external", "discussion_recorded"]
    # Sharing with an external party names the recipient.
    nameless = refused(await share_external(client, world, "ll-2", None), 422)
    assert nameless["status"] == 422
    assert (await share_external(client, world, "ll-2", PARTNER)).status_code == 201
    body = refused(await step(client, world, HB, case, "involve_network"), 422)
    assert body["missing"] == ["discussion_recorded"]
    mdo = await meeting(client, world, "mdo")
    resp = await discuss(client, world, mdo["id"], case["id"], then="involve_network")
    assert resp.status_code == 200, resp.text
    case = await get(client, world, case["id"], HB)
    assert (case["state"], case["level"]) == ("netwerkinschakeling", "network")
    assert [d["forum"] for d in case["discussions"]] == ["mdo"]

    # Phase 5, intervention: a fresh MDO and a plan of action (the earlier MDO preceded this
    # phase, so it does not count).
    body = refused(await step(client, world, HB, case, "start_intervention"), 422)
    assert body["missing"] == ["discussion_recorded", "action_plan"]
    mdo2 = await meeting(client, world, "mdo")
    body = refused(await discuss(client, world, mdo2["id"], case["id"], kind="progress",
                                 then="start_intervention"), 422)  # fmt: skip
    assert body["missing"] == ["action_plan"]
    action = {"description": "Verrijkingsprogramma opstellen", "owner_name": "HB-specialist",
              "due_on": iso(TODAY + timedelta(weeks=2))}  # fmt: skip
    resp = await discuss(client, world, mdo2["id"], case["id"], kind="progress",
                         then="start_intervention", actions=[action])  # fmt: skip
    assert resp.status_code == 200, resp.text
    case = await get(client, world, case["id"], HB)
    assert case["state"] == "interventie"
    assert [a["description"] for a in case["action_items"]] == [action["description"]]
    resp = await call(client, world, HB, "POST", f"/api/v1/cases/{case['id']}/interventions",
                      {"kind": "enrichment_programme", "goal": "Twee uur per week verrijking",
                       "provider": PARTNER, "starts_on": iso(TODAY),
                       "evaluation_on": iso(TODAY + timedelta(weeks=8))})  # fmt: skip
    assert resp.status_code == 201, resp.text
    body = refused(await step(client, world, HB, case, "back_to_analysis"), 422)
    assert body["missing"] == ["reason"]

    # Phase 6, securing and aftercare: needs an evaluation date.
    case = await get(client, world, case["id"], HB)
    case = await patch(client, world, HB, case, {"evaluation_on": None})
    assert case["evaluation_on"] is None
    body = refused(await step(client, world, HB, case, "secure"), 422)
    assert body["missing"] == ["evaluation_date"]
    case = await patch(client, world, HB, case,
                       {"evaluation_on": iso(TODAY + timedelta(weeks=10))})  # fmt: skip
    resp = await step(client, world, HB, case, "secure")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert (case["state"], case["level"]) == ("borging_nazorg", "school")

    # Closure needs the final evaluation with student and parents.
    body = refused(await step(client, world, HB, case, "close"), 422)
    assert body["missing"] == ["final_evaluation"]
    no_parents = {**CLOSURE, "evaluated_with_parents": False}
    body = refused(await step(client, world, HB, case, "close", closure=no_parents), 422)
    assert body["missing"] == ["final_evaluation"]
    resp = await step(client, world, HB, case, "close", closure=CLOSURE)
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "closed" and case["closed_at"] is not None
    assert case["closure"]["evaluation"] == CLOSURE["evaluation"]
    assert case["closure_provisional"] is False

    # A definitive closure is not reopened (and its evaluation date was used up).
    body = refused(await step(client, world, HB, case, "reopen"), 422)
    assert body["missing"] == ["provisional_closure", "evaluation_date"]
    body = refused(await step(client, world, HB, case, "secure"), 409)
    assert body["allowed_actions"] == ["reopen"]
    phases = [e["to_state"] for e in reversed(case["events"]) if e["kind"] == "transition"]
    assert phases == ["interne_opschaling", "analyse_advies", "netwerkinschakeling",
                      "interventie", "borging_nazorg", "closed"]  # fmt: skip


async def test_a_provisional_closure_is_reopened_into_aftercare(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "hb-multidisciplinair", KEY)
    evaluation = iso(TODAY + timedelta(weeks=8))
    resp = await open_case(client, world, "mentor", "ll-1", KEY, "open_signal",
                           evaluation_on=evaluation)  # fmt: skip
    assert resp.status_code == 201, resp.text
    case = resp.json()
    # Reopening is a step from the closed state only.
    body = refused(await step(client, world, "zorgcoordinator", case, "reopen"), 409)
    assert body["allowed_actions"] == ["close", "escalate"]
    # The mentor may signal and escalate, but closing is the care team's.
    refused(await step(client, world, "mentor", case, "close",
                       closure={**CLOSURE, "provisional": True}), 403)  # fmt: skip
    resp = await step(client, world, "zorgcoordinator", case, "close",
                      closure={**CLOSURE, "outcome": "other", "provisional": True})  # fmt: skip
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "closed" and case["closure_provisional"] is True
    assert case["evaluation_on"] is None  # evaluated: reopening asks for a new date
    refused(await step(client, world, HB, case, "reopen"), 403)  # not the coordinator
    resp = await call(
        client, world, "zorgcoordinator", "PATCH", f"/api/v1/cases/{case['id']}",
        {"evaluation_on": evaluation}, **{"If-Match": f'"v{case["version"]}"'},
    )  # fmt: skip
    assert resp.status_code == 200, resp.text
    case = resp.json()
    resp = await step(client, world, "zorgcoordinator", case, "reopen", reason="Terugval")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    assert case["state"] == "borging_nazorg"
    assert (case["closed_at"], case["closure_provisional"]) == (None, False)
    assert case["events"][0]["reason"] == "Terugval"


async def test_a_provisional_closure_without_an_evaluation_date_can_be_reopened(
    client: httpx.AsyncClient, world: World
) -> None:
    """`reopen` needs an evaluation date ("heropenen op een nieuwe evaluatiedatum"), so a case
    closed provisionally before it had one must be able to get one while it is closed."""
    await install(client, world, "hb-multidisciplinair", KEY)
    case = (await open_case(client, world, HB, "ll-3", KEY, "open_signal")).json()
    resp = await step(client, world, "zorgcoordinator", case, "close",
                      closure={**CLOSURE, "provisional": True})  # fmt: skip
    assert resp.status_code == 200, resp.text
    case = resp.json()
    body = refused(await step(client, world, "zorgcoordinator", case, "reopen"), 422)
    assert body["missing"] == ["evaluation_date"]
    # The new evaluation date: the only way the API sets one on a case is the case file.
    resp = await call(client, world, "zorgcoordinator", "PATCH", f"/api/v1/cases/{case['id']}",
                      {"evaluation_on": iso(TODAY + timedelta(weeks=4))},
                      **{"If-Match": f'"v{case["version"]}"'})  # fmt: skip
    assert resp.status_code == 200, resp.text
    resp = await step(client, world, "zorgcoordinator", resp.json(), "reopen")
    assert resp.status_code == 200, resp.text
    assert resp.json()["state"] == "borging_nazorg"
