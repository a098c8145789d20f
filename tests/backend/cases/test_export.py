"""The inzage export (AVG art. 15) holds the student's cases (zorgtrajecten): the case file with
its restricted parts, the registration form, the screening, the conversations, this case's
minutes of a care meeting, the action items, interventions, referrals, SWV requests, the closure
and the timeline, in the JSON and in the PDF; never a classmate's case, even one discussed in
the same meeting."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

import httpx
from conftest import StatementCounter
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
from support.pdf import joined_lines, pdf_text

from zorgroute.cases.models import SwvRequest

KEY = "vo"
ZOCO = "zorgcoordinator"
CASE_FILE = {
    "reasons": ["insufficient_benefit"],
    "help_question_student": "Help mij om mijn huiswerk te plannen.",
    "guidance_question": "Hoe kan ik Emma helpen structuur te houden?",
    "strengths": {"student": "Sportief en behulpzaam", "school": "", "family": "Betrokken"},
    "hindering": {"student": "", "school": "Veel lesuitval", "family": ""},
    "home_situation": "Ouders gaan uit elkaar.",  # restricted in the app
}
SCREEN_OK = {
    "right_line": True,
    "questions_clear": True,
    "prior_line_exhausted": True,
    "parents_student_aware": True,
    "outcome": "accept",
}
CLOSURE = {
    "evaluated_with_student": True,
    "evaluated_with_parents": True,
    "outcome": "goals_met",
    "evaluation": "Emma plant haar huiswerk zelf.",
    "aftercare": "Mentor kijkt na de kerst nog eens.",
}


async def _emmas_case(client: httpx.AsyncClient, world: World, izo: dict[str, Any]) -> str:
    """ll-1's case on the VO route through the API, from registration to closure."""
    case = (await open_case(client, world, "mentor", "ll-1", KEY, "open_izo")).json()
    case = await patch(client, world, "mentor", case, CASE_FILE)
    await registration(client, world, "mentor", case["id"], "izo")
    reg = (await get(client, world, case["id"], "mentor"))["registrations"][0]
    form = {
        "problem": "Komt niet tot werken, veel verzuim.",
        "support_types": ["student_guidance"],
        "functioning_at_home": "Thuis weinig structuur.",  # restricted in the app
    }
    resp = await call(client, world, "mentor", "PUT",
                      f"/api/v1/cases/{case['id']}/registrations/izo", form,
                      **{"If-Match": f'"v{reg["version"]}"'})  # fmt: skip
    assert resp.status_code == 200, resp.text
    await conversation(client, world, "mentor", case["id"], "student", "izo")
    await conversation(client, world, "mentor", case["id"], "parents", "izo")
    await consent(client, world, "ll-1", "discuss_care_team")
    case = await get(client, world, case["id"], "mentor")
    resp = await step(client, world, "mentor", case, "submit", reason="Uit de groepsbespreking")
    assert resp.status_code == 200, resp.text
    case = resp.json()
    resp = await call(client, world, ZOCO, "POST", f"/api/v1/cases/{case['id']}/screenings",
                      SCREEN_OK, **{"If-Match": f'"v{case["version"]}"'})  # fmt: skip
    assert resp.status_code == 200, resp.text

    action = {"description": "Huiswerkplanner invoeren", "owner_name": "Mentor",
              "due_on": iso(TODAY + timedelta(weeks=2))}  # fmt: skip
    resp = await discuss(client, world, izo["id"], case["id"], then="discuss", actions=[action])
    assert resp.status_code == 200, resp.text

    resp = await call(client, world, ZOCO, "POST", f"/api/v1/cases/{case['id']}/interventions",
                      {"kind": "homework_support", "goal": "Plant elke week zelf",
                       "provider": "Huiswerkklas", "starts_on": iso(TODAY)})  # fmt: skip
    assert resp.status_code == 201, resp.text
    intervention = resp.json()
    resp = await call(client, world, ZOCO, "PATCH", f"/api/v1/interventions/{intervention['id']}",
                      {"status": "ended", "effect_student": "effective",
                       "effect_student_note": "Ik weet nu wat ik moet doen.",
                       "effect_parents": "partly"},
                      **{"If-Match": f'"v{intervention["version"]}"'})  # fmt: skip
    assert resp.status_code == 200, resp.text

    case = await get(client, world, case["id"])
    resp = await call(client, world, ZOCO, "POST", f"/api/v1/cases/{case['id']}/referrals",
                      {"target": "leerplicht", "reason": "Herhaald ongeoorloofd verzuim",
                       "referred_on": iso(TODAY)},
                      **{"If-Match": f'"v{case["version"]}"'})  # fmt: skip
    assert resp.status_code == 201, resp.text
    # An SWV request takes the ZAT part of the route; the record itself is what matters here.
    async with world.factory.run([world.school_id]) as uow:
        uow.add(SwvRequest(school_id=world.school_id, case_id=uuid.UUID(case["id"]),
                           request_type="ambulant_support", goals="Ambulante begeleiding",
                           documented_efforts=[{"what": "IZO-begeleiding", "period": "",
                                                "result": "Onvoldoende"}],
                           requested_start=TODAY, requested_on=TODAY, decision="granted",
                           decided_on=TODAY, starts_on=TODAY + timedelta(weeks=3)))  # fmt: skip
        await uow.commit()

    case = await get(client, world, case["id"])
    case = (await step(client, world, ZOCO, case, "evaluate")).json()
    resp = await step(client, world, ZOCO, case, "close", closure=CLOSURE)
    assert resp.status_code == 200, resp.text
    assert resp.json()["state"] == "closed"
    return str(case["id"])


async def _classmates_case(client: httpx.AsyncClient, world: World, izo: dict[str, Any]) -> str:
    """ll-2 (Emma's classmate in 1A) on the same IZO meeting's agenda."""
    case = (await open_case(client, world, "mentor", "ll-2", KEY, "open_izo")).json()
    case = await patch(client, world, "mentor", case,
                       {"help_question_student": "Klasgenoot-hulpvraag",
                        "home_situation": "Klasgenoot-thuissituatie"})  # fmt: skip
    action = {"description": "Klasgenoot-actie", "owner_name": "Mentor", "due_on": iso(TODAY)}
    resp = await discuss(client, world, izo["id"], case["id"], actions=[action])
    assert resp.status_code == 200, resp.text
    return str(case["id"])


async def test_the_export_holds_the_students_cases_and_nothing_of_a_classmates(
    client: httpx.AsyncClient, world: World, count_statements: StatementCounter
) -> None:
    route_id = await install(client, world, "vo-izo-zat", KEY)
    route = (await call(client, world, ZOCO, "GET", f"/api/v1/care-routes/{route_id}")).json()
    izo = await meeting(client, world, "izo")
    case_id = await _emmas_case(client, world, izo)
    theirs = await _classmates_case(client, world, izo)

    officer = await world.headers("privacy_officer")
    before = count_statements.count
    resp = await client.get(f"/api/v1/students/{world.students['ll-1']}/export", headers=officer)
    statements = count_statements.count - before
    assert resp.status_code == 200, resp.text
    [case] = resp.json()["cases"]

    assert case["id"] == case_id
    assert (case["route_key"], case["route_revision"], case["route_name"]) == (
        KEY, 1, route["name"],
    )  # fmt: skip
    assert (case["state"], case["state_name"]) == ("closed", "Afgesloten")
    assert case["registrant_name"].startswith("mentor")
    assert case["reasons"] == ["insufficient_benefit"]
    assert case["help_question_student"] == CASE_FILE["help_question_student"]
    assert case["strengths"] == CASE_FILE["strengths"]
    assert case["hindering"] == CASE_FILE["hindering"]
    assert case["home_situation"] == "Ouders gaan uit elkaar."  # restricted, exported all the same
    assert case["closed_at"] is not None and case["closure_outcome"] == "goals_met"
    assert case["closure"] == {**CLOSURE, "provisional": False}

    [reg] = case["registrations"]
    assert (reg["kind"], reg["status"]) == ("izo", "accepted")
    assert reg["form"]["problem"] == "Komt niet tot werken, veel verzuim."
    assert reg["form"]["functioning_at_home"] == "Thuis weinig structuur."
    assert reg["form"]["support_types"] == ["student_guidance"]
    assert reg["snapshot"]["help_question_student"] == CASE_FILE["help_question_student"]
    assert reg["submitted_by"].startswith("mentor")
    [screening] = case["screenings"]
    assert (screening["registration_kind"], screening["outcome"]) == ("izo", "accept")
    assert sorted((c["with_whom"], c["summary"]) for c in case["conversations"]) == [
        ("parents", "Besproken wat er speelt."),
        ("student", "Besproken wat er speelt."),
    ]

    # This case's minutes, with the meeting's title, forum and date only.
    [minutes] = case["discussions"]
    assert (minutes["meeting_title"], minutes["meeting_forum"]) == ("IZO week 12", "izo")
    assert minutes["minutes"] == {"analysis": "Analyse van het probleem.", "summary": "Afspraken."}
    assert minutes["decisions"] == ["Begeleiding door de orthopedagoog"]
    assert minutes["discussed_at"] is not None
    assert not {"members", "agenda", "meeting_id"} & set(minutes)
    [item] = case["action_items"]
    assert (item["description"], item["owner_name"], item["status"]) == (
        "Huiswerkplanner invoeren", "Mentor", "open",
    )  # fmt: skip
    assert item["discussion_id"] == minutes["id"]
    [intervention] = case["interventions"]
    assert (intervention["kind"], intervention["status"]) == ("homework_support", "ended")
    assert (intervention["effect_student"], intervention["effect_student_note"]) == (
        "effective", "Ik weet nu wat ik moet doen.",
    )  # fmt: skip
    assert intervention["effect_parents"] == "partly"
    [referral] = case["referrals"]
    assert (referral["target"], referral["legal_ground"]) == ("leerplicht", "legal_obligation")
    [swv] = case["swv_requests"]
    assert (swv["decision"], swv["starts_on"]) == ("granted", iso(TODAY + timedelta(weeks=3)))
    assert swv["documented_efforts"] == [
        {"what": "IZO-begeleiding", "period": "", "result": "Onvoldoende"}
    ]

    # The timeline, oldest first, with the route's names of steps and states.
    events = case["events"]
    opened = events[0]
    assert (opened["kind"], opened["to_state"]) == ("opened", "izo_draft")
    assert opened["to_state_name"] == "Aanmelding IZO in voorbereiding"
    assert opened["step_label"]
    moves = [(e["from_state"], e["to_state"]) for e in events if e["kind"] == "transition"]
    assert moves[0] == ("izo_draft", "izo_submitted")
    assert moves[-1] == ("izo_evaluation", "closed")
    submit = next(e for e in events if e["kind"] == "transition")
    assert submit["reason"] == "Uit de groepsbespreking"
    assert submit["actor_name"].startswith("mentor")
    assert (submit["from_state_name"], submit["to_state_name"]) == (
        "Aanmelding IZO in voorbereiding", "Aangemeld bij IZO",
    )  # fmt: skip
    kinds = {e["kind"] for e in events}
    assert {"conversation", "screening", "discussion", "intervention", "referral"} <= kinds
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)

    # Nothing of the classmate discussed in the same meeting: not their case, words or actions.
    text = json.dumps(resp.json()["cases"], ensure_ascii=False)
    for other in ("Klasgenoot", theirs, str(world.students["ll-2"])):
        assert other not in text, other

    # The classmate's own export: only their case. One query per record type: a case with
    # fewer records costs the same statements.
    before = count_statements.count
    other = await client.get(f"/api/v1/students/{world.students['ll-2']}/export", headers=officer)
    assert other.status_code == 200, other.text
    assert count_statements.count - before == statements
    [their_case] = other.json()["cases"]
    assert their_case["id"] == theirs
    assert [a["description"] for a in their_case["action_items"]] == ["Klasgenoot-actie"]
    assert their_case["home_situation"] == "Klasgenoot-thuissituatie"
    assert case_id not in json.dumps(other.json()["cases"])


async def test_the_pdf_shows_the_case_in_dutch(client: httpx.AsyncClient, world: World) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    izo = await meeting(client, world, "izo")
    await _emmas_case(client, world, izo)
    await _classmates_case(client, world, izo)

    resp = await client.get(
        f"/api/v1/students/{world.students['ll-1']}/export.pdf",
        headers=await world.headers("privacy_officer"),
    )
    assert resp.status_code == 200, resp.text
    assert resp.content.startswith(b"%PDF-")
    shown = joined_lines(pdf_text(resp.content))
    for expected in (
        "Zorgtrajecten",
        "Zorgroute VO: intern zorgoverleg en ZAT, geopend op",  # the route's name
        "Stap Afgesloten (Eerste lijn: mentor en docenten), sinds",  # the state, its level
        "Aanmelding IZO in voorbereiding",  # a state on the timeline
        "Aangemeld bij IZO",
        "Help mij om mijn huiswerk te plannen.",
        "Ouders gaan uit elkaar.",
        "Bij de leerling: Sportief en behulpzaam",
        "Op school: Veel lesuitval",
        "Aanmelding intern zorgoverleg (IZO) (geaccepteerd)",
        "Wat is het probleem?",
        "Komt niet tot werken, veel verzuim.",
        "Functioneren thuis en daarbuiten",
        "begeleiding van de leerling",
        "Screenings",
        "Gesprek met de leerling, vóór de bespreking",
        "IZO week 12",
        "Analyse van het probleem",
        "Begeleiding door de orthopedagoog",
        "Huiswerkplanner invoeren",
        "huiswerkbegeleiding",
        "helpt: Ik weet nu wat ik moet doen.",
        "helpt deels",
        "leerplichtambtenaar",
        "wettelijke verplichting",
        "ambulante begeleiding",
        "toegekend",
        "doelen bereikt",
        "Emma plant haar huiswerk zelf.",
        "Tijdlijn",
        "Uit de groepsbespreking",
        "stap in de zorgroute gezet",  # the audit trail, in Dutch
    ):
        assert expected in shown, expected
    assert "Klasgenoot" not in shown
    assert "case.transition" not in shown
