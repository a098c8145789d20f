"""Case routing over GraphQL: the same services (and audit rows) as REST, route steps refused as
Problems that list what is missing, care meetings with their minutes, the follow-up records,
and nothing of another school."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support.cases import TODAY, consent, install, iso
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import utcnow

KEY = "vo"
PROBLEM = "... on Problem { code status detail errors extensions }"
CASE = """id studentId state stateName version routeKey routeRevision level origin
  registrantName helpQuestionStudent guidanceQuestion strengths { student school family }
  parentsInformed parentsNotInformedReason homeSituation evaluationOn editable seesRestricted
  actions { action allowed missing to }
  registrations { id kind registrationStatus version form { problem supportTypes } }
  screenings { outcome registrationKind } conversations { withWhom moment forum summary }
  discussions { meetingId kind decisions evaluationOn }
  actionItems { id description itemStatus version }
  interventions { id interventionStatus version }
  referrals { id target referralStatus legalGround version }
  swvRequests { id requestType decision version documentedEfforts { what } }
  events { kind action fromState toState details }"""
MEETING = """id forum title meetingStatus cases casePackSentAt version editable
  members { name userId membership attendance }
  agenda { id caseId kind position minutes decisions evaluationOn discussedAt caseVersion
    version actions { action allowed missing } }"""
ROUTE = """id key revision name template changeNote
  definition { name states { key closed } transitions { key action from to roles guards } }"""

LIBRARY = f"""query {{ careRouteLibrary {{ __typename ... on CareRouteLibrary {{
  roles guards {{ code parameters label }}
  templates {{ key definition {{ name description levels {{ key name }}
    forums {{ key name meeting }} states {{ key name level forum closed registration }}
    transitions {{ key action label from to roles guards }} }} }} }} {PROBLEM} }} }}"""
CREATE_ROUTE = f"""mutation($s: ID!, $input: CareRouteInput!) {{
  createCareRoute(schoolId: $s, input: $input) {{
    __typename ... on CareRoute {{ {ROUTE} }} {PROBLEM} }} }}"""
ROUTES = f"""query($s: ID!, $r: ID!) {{
  careRoutes(schoolId: $s) {{
    __typename ... on CareRouteList {{ items {{ id key revision openCases }} }} {PROBLEM} }}
  careRoute(id: $r) {{ __typename ... on CareRoute {{ {ROUTE} }} {PROBLEM} }} }}"""
OPEN = f"""mutation($s: ID!, $input: OpenCaseInput!) {{
  openCase(schoolId: $s, input: $input) {{ __typename ... on CareCase {{ {CASE} }} {PROBLEM} }}
}}"""
READ = f"""query($id: ID!) {{
  careCase(id: $id) {{ __typename ... on CareCase {{ {CASE} }} {PROBLEM} }} }}"""
UPDATE = f"""mutation($id: ID!, $v: Int!, $input: CareCaseUpdateInput!) {{
  updateCase(caseId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CareCase {{ {CASE} }} {PROBLEM} }} }}"""
TRANSITION = f"""mutation($id: ID!, $v: Int!, $action: String!, $reason: String,
    $closure: CaseClosureInput) {{
  transitionCase(caseId: $id, expectedVersion: $v, action: $action, reason: $reason,
      closure: $closure) {{ __typename ... on CareCase {{ {CASE} }} {PROBLEM} }} }}"""
REGISTRATION = f"""mutation($id: ID!, $kind: String!, $v: Int, $input: CaseRegistrationInput!) {{
  saveCaseRegistration(caseId: $id, kind: $kind, expectedVersion: $v, input: $input) {{
    __typename ... on CaseRegistration {{
      id kind registrationStatus version form {{ problem supportTypes functioningAtHome }} }}
    {PROBLEM} }} }}"""
CONVERSATION = f"""mutation($id: ID!, $input: CaseConversationInput!) {{
  addCaseConversation(caseId: $id, input: $input) {{
    __typename ... on CaseConversation {{ id withWhom moment forum heldOn summary recordedBy }}
    {PROBLEM} }} }}"""
SCREEN = f"""mutation($id: ID!, $v: Int!, $input: CaseScreeningInput!) {{
  screenCase(caseId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CareCase {{ {CASE} }} {PROBLEM} }} }}"""
CREATE_MEETING = f"""mutation($s: ID!, $input: CareMeetingInput!) {{
  createCareMeeting(schoolId: $s, input: $input) {{
    __typename ... on CareMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
UPDATE_MEETING = f"""mutation($id: ID!, $v: Int!, $input: CareMeetingUpdateInput!) {{
  updateCareMeeting(meetingId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CareMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
AGENDA = f"""mutation($id: ID!, $v: Int!, $input: CareMeetingAgendaItemInput!) {{
  addCaseToAgenda(meetingId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CareMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
SEND_PACK = f"""mutation($id: ID!, $v: Int!) {{
  sendCasePack(meetingId: $id, expectedVersion: $v) {{
    __typename ... on CareMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
DISCUSSION = f"""mutation($m: ID!, $c: ID!, $v: Int!, $input: CaseDiscussionInput!) {{
  saveCaseDiscussion(meetingId: $m, caseId: $c, expectedVersion: $v, input: $input) {{
    __typename ... on CareMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
MEETING_READS = f"""query($s: ID!, $m: ID!) {{
  careMeetings(schoolId: $s) {{
    __typename ... on CareMeetingList {{ items {{ id forum meetingStatus cases }} }} {PROBLEM} }}
  careMeeting(id: $m) {{ __typename ... on CareMeeting {{ {MEETING} }} {PROBLEM} }}
  casePack(meetingId: $m) {{ __typename ... on CasePack {{ meetingId sentAt withheld
    items {{ caseId kind studentName stateName helpQuestionStudent strengths {{ student }}
      registration {{ kind registrationStatus form {{ problem }} }}
      openActionItems {{ description }} }} }} {PROBLEM} }} }}"""
OVERVIEWS = f"""query($s: ID!, $key: String!, $closed: Boolean!, $st: ID!) {{
  caseBoard(schoolId: $s, routeKey: $key, includeClosed: $closed) {{
    __typename ... on CaseBoard {{ route {{ key revision openCases }}
      columns {{ state name closed cards {{ id studentName state nextDeadline version }} }} }}
    {PROBLEM} }}
  caseRequests(schoolId: $s) {{
    __typename ... on CaseRequestList {{ items {{ decisionId studentId }} }} {PROBLEM} }}
  studentCases(studentId: $st) {{
    __typename ... on StudentCaseList {{ items {{ id state routeKey }} }} {PROBLEM} }}
  careDeadlines(schoolId: $s) {{
    __typename ... on CareDashboard {{ items {{ kind caseId title dueOn overdue mine }}
      metrics {{ openCases swvRequestsOverNorm }} }} {PROBLEM} }} }}"""
ADD_ACTION = f"""mutation($id: ID!, $input: CaseActionItemInput!) {{
  addActionItem(caseId: $id, input: $input) {{
    __typename ... on CaseActionItem {{ id caseId description itemStatus dueOn overdue version }}
    {PROBLEM} }} }}"""
UPDATE_ACTION = f"""mutation($id: ID!, $v: Int!, $input: CaseActionItemUpdateInput!) {{
  updateActionItem(actionItemId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CaseActionItem {{ id itemStatus report version }} {PROBLEM} }} }}"""
ADD_INTERVENTION = f"""mutation($id: ID!, $input: CaseInterventionInput!) {{
  addIntervention(caseId: $id, input: $input) {{
    __typename ... on CaseIntervention {{ id kind goal interventionStatus version }}
    {PROBLEM} }} }}"""
UPDATE_INTERVENTION = f"""mutation($id: ID!, $v: Int!, $input: CaseInterventionUpdateInput!) {{
  updateIntervention(interventionId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CaseIntervention {{ id interventionStatus effectStudent outcome version }}
    {PROBLEM} }} }}"""
ADD_REFERRAL = f"""mutation($id: ID!, $v: Int!, $input: CaseReferralInput!) {{
  addReferral(caseId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CaseReferral {{ id target legalGround consentId referralStatus version }}
    {PROBLEM} }} }}"""
UPDATE_REFERRAL = f"""mutation($id: ID!, $v: Int!, $input: CaseReferralUpdateInput!) {{
  updateReferral(referralId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CaseReferral {{ id referralStatus startedOn version }} {PROBLEM} }} }}"""
REQUEST_SWV = f"""mutation($id: ID!, $v: Int!, $input: SwvRequestInput!) {{
  requestSwvArrangement(caseId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on CareCase {{ {CASE} }} {PROBLEM} }} }}"""
SWV_DECISION = f"""mutation($id: ID!, $v: Int!, $input: SwvDecisionInput!) {{
  recordSwvDecision(swvRequestId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on SwvRequest {{ id decision decidedOn startsOn weeksToStart version }}
    {PROBLEM} }} }}"""
GRANT = f"""mutation($id: ID!, $input: CaseGrantInput!) {{
  grantCaseAccess(caseId: $id, input: $input) {{
    __typename ... on CaseGrant {{ id userId caseId validUntil }} {PROBLEM} }} }}"""

SCREENING = {
    "rightLine": True,
    "questionsClear": True,
    "priorLineExhausted": True,
    "parentsStudentAware": True,
    "outcome": "accept",
}
CASE_FILE = {
    "helpQuestionStudent": "Help mij om mijn huiswerk te plannen.",
    "guidanceQuestion": "Hoe kan ik deze leerling helpen structuur te houden?",
    "strengths": {"student": "Sportief en behulpzaam", "family": "Betrokken"},
    "parentsInformed": False,
    "parentsNotInformedReason": "De veiligheid van de leerling gaat voor.",
}
FORM = {"problem": "Komt niet tot werken, veel verzuim.", "supportTypes": ["student_guidance"]}


# -- helpers --------------------------------------------------------------------------------
async def gql(
    client: httpx.AsyncClient, world: World, role: str, query: str, **variables: Any
) -> dict[str, Any]:
    resp = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers=await world.headers(role),
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert "errors" not in body, body
    return dict(body["data"])


async def one(
    client: httpx.AsyncClient, world: World, role: str, query: str, **variables: Any
) -> dict[str, Any]:
    """The answer of a document with one root field."""
    (value,) = (await gql(client, world, role, query, **variables)).values()
    assert value is not None
    return dict(value)


def snake(value: Any) -> Any:
    """A GraphQL input as a REST body: the same values under snake_case names."""
    if isinstance(value, list):
        return [snake(v) for v in value]
    if isinstance(value, dict):
        return {
            re.sub(r"[A-Z]", lambda m: "_" + m[0].lower(), k): snake(v) for k, v in value.items()
        }
    return value


def problem(result: dict[str, Any]) -> tuple[str, str, int]:
    return result["__typename"], result["code"], result["status"]


async def open_case(
    client: httpx.AsyncClient,
    world: World,
    student: str,
    action: str = "open_izo",
    role: str = "mentor",
    **fields: Any,
) -> dict[str, Any]:
    payload = {"studentId": str(world.students[student]), "routeKey": KEY, "action": action}
    return await one(client, world, role, OPEN, s=str(world.school_id), input={**payload, **fields})


async def transition(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    case: dict[str, Any],
    action: str,
    **variables: Any,
) -> dict[str, Any]:
    return await one(
        client, world, role, TRANSITION, id=case["id"], v=case["version"], action=action,
        **variables,
    )  # fmt: skip


async def conversation(
    client: httpx.AsyncClient,
    world: World,
    case_id: str,
    with_whom: str,
    moment: str = "before",
    forum: str | None = "izo",
) -> dict[str, Any]:
    body = {
        "withWhom": with_whom,
        "moment": moment,
        "forum": forum,
        "heldOn": iso(TODAY),
        "summary": "Besproken wat er speelt.",
    }
    return await one(client, world, "mentor", CONVERSATION, id=case_id, input=body)


async def scheduled_case(client: httpx.AsyncClient, world: World, student: str) -> dict[str, Any]:
    """A case on the IZO route, registered, submitted and accepted (state izo_scheduled)."""
    case = await open_case(client, world, student)
    case = await one(client, world, "mentor", UPDATE, id=case["id"], v=case["version"],
                     input=CASE_FILE)  # fmt: skip
    saved = await one(client, world, "mentor", REGISTRATION, id=case["id"], kind="izo", input=FORM)
    assert saved["__typename"] == "CaseRegistration", saved
    await conversation(client, world, case["id"], "student")
    case = await transition(client, world, "mentor", case, "submit")
    assert case["state"] == "izo_submitted", case
    case = await one(client, world, "zorgcoordinator", SCREEN, id=case["id"], v=case["version"],
                     input=SCREENING)  # fmt: skip
    assert case["state"] == "izo_scheduled", case
    return case


async def active_case(client: httpx.AsyncClient, world: World, student: str) -> dict[str, Any]:
    """A case opened on the shortened registration and agreed at the kickoff (izo_active)."""
    case = await open_case(
        client, world, student, "open_shortened",
        helpQuestionStudent="Help mij rustig te blijven in de klas.",
        guidanceQuestion="Hoe houden we contact over zijn dag?",
        evaluationOn=iso(TODAY + timedelta(weeks=8)),
    )  # fmt: skip
    assert case["state"] == "kickoff", case
    await conversation(client, world, case["id"], "parents", moment="kickoff", forum=None)
    case = await one(client, world, "zorgcoordinator", READ, id=case["id"])
    case = await transition(client, world, "zorgcoordinator", case, "agree_kickoff")
    assert case["state"] == "izo_active", case
    return case


async def audit_rows(
    factory: WorldFactory, world: World, actions: tuple[str, ...], student: str
) -> list[tuple[Any, ...]]:
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.student_id == world.students[student],
                col(AuditEvent.action).in_(actions),
            )
            .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
        )
    return [
        (e.action, e.target_type, e.actor_kind, e.actor_id, e.actor_role, e.purpose, e.details)
        for e in events
    ]


# -- routes ---------------------------------------------------------------------------------
async def test_a_template_from_the_library_comes_back_as_an_adapted_revision(
    client: httpx.AsyncClient, world: World
) -> None:
    library = await one(client, world, "mentor", LIBRARY)
    assert library["__typename"] == "CareRouteLibrary", library
    templates = {t["key"]: t["definition"] for t in library["templates"]}
    assert {"vo-izo-zat", "po-1-zorgroute", "hb-multidisciplinair"} <= set(templates)
    assert {"mentor_of_student", "zorgcoordinator"} <= set(library["roles"])
    registration = next(g for g in library["guards"] if g["code"] == "registration")
    assert registration["parameters"] == ["izo", "zat"]
    vo = templates["vo-izo-zat"]
    entries = {t["action"] for t in vo["transitions"] if t["from"] == []}
    assert {"open_izo", "open_bilateral", "open_direct_zat"} <= entries

    school = str(world.school_id)
    refused = await one(client, world, "mentor", CREATE_ROUTE, s=school,
                        input={"key": KEY, "template": "vo-izo-zat"})  # fmt: skip
    assert problem(refused) == ("Problem", "forbidden", 403)
    first = await one(client, world, "zorgcoordinator", CREATE_ROUTE, s=school,
                      input={"key": KEY, "template": "vo-izo-zat"})  # fmt: skip
    assert (first["__typename"], first["revision"], first["template"]) == (
        "CareRoute",
        1,
        "vo-izo-zat",
    )

    # The library's definition, adapted, is the input of the next revision: the same names.
    adapted = {**vo, "name": "Zorgroute VO (eigen versie)"}
    second = await one(
        client, world, "zorgcoordinator", CREATE_ROUTE, s=school,
        input={"key": KEY, "definition": adapted, "changeNote": "Naam aangepast"},
    )  # fmt: skip
    assert (second["revision"], second["name"], second["changeNote"]) == (
        2,
        "Zorgroute VO (eigen versie)",
        "Naam aangepast",
    )
    assert second["definition"]["transitions"] == [
        {k: t[k] for k in ("key", "action", "from", "to", "roles", "guards")}
        for t in vo["transitions"]
    ]

    # Refusals carry pointers into the input, as REST's do.
    broken = {
        **adapted,
        "transitions": [{**vo["transitions"][0], "guards": ["astrology"]}, *vo["transitions"][1:]],
    }
    invalid = await one(client, world, "zorgcoordinator", CREATE_ROUTE, s=school,
                        input={"key": KEY, "definition": broken})  # fmt: skip
    assert invalid["code"] == "validation-failed"
    assert invalid["errors"][0]["pointer"].startswith("/definition")
    assert "astrology" in invalid["errors"][0]["detail"]
    two_sources = {"key": KEY, "template": "vo-izo-zat", "definition": adapted}
    both = await one(client, world, "zorgcoordinator", CREATE_ROUTE, s=school, input=two_sources)
    assert both["code"] == "validation-failed"

    read = await gql(client, world, "mentor", ROUTES, s=school, r=second["id"])
    assert read["careRoutes"]["items"] == [
        {"id": second["id"], "key": KEY, "revision": 2, "openCases": 0}
    ]
    assert read["careRoute"]["definition"] == second["definition"]


# -- the case -------------------------------------------------------------------------------
async def test_open_read_and_step_a_case(client: httpx.AsyncClient, world: World) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    # T3 needs a reason: refused, listing exactly that, and nothing is opened.
    refused = await open_case(client, world, "ll-1", "open_bilateral")
    assert problem(refused) == ("Problem", "transition-guard-failed", 422)
    assert refused["extensions"]["missing"] == ["reason"]
    assert refused["extensions"]["missing_labels"] == ["Er is een reden opgegeven"]
    not_an_entry = await open_case(client, world, "ll-1", "submit")
    assert problem(not_an_entry) == ("Problem", "invalid-transition", 409)
    assert "open_izo" in not_an_entry["extensions"]["allowed_actions"]

    case = await open_case(client, world, "ll-1", "open_bilateral",
                           reason="Werkhouding blijft achter")  # fmt: skip
    assert case["__typename"] == "CareCase", case
    assert (case["state"], case["version"], case["routeKey"], case["origin"]) == (
        "bilateral",
        1,
        KEY,
        "manual",
    )
    assert case["events"][0]["kind"] == "opened"
    assert case["events"][0]["details"]["route"] == KEY

    read = await one(client, world, "mentor", READ, id=case["id"])
    assert (read["id"], read["state"], read["editable"]) == (case["id"], "bilateral", True)
    options = {a["action"]: a for a in read["actions"]}
    assert options["register_izo"]["allowed"] and options["register_izo"]["to"] == "izo_draft"
    assert not options["close"]["allowed"]  # the route lets care staff close, not the mentor
    # The maths teacher does not teach ll-1: the case is not there for them.
    assert (await gql(client, world, "teacher", READ, id=case["id"]))["careCase"] is None

    # Closing needs the final evaluation: refused, with what is missing.
    close = await transition(client, world, "zorgcoordinator", case, "close")
    assert problem(close) == ("Problem", "transition-guard-failed", 422)
    assert close["extensions"]["missing"] == ["final_evaluation"]
    stale = await transition(client, world, "mentor", {**case, "version": 7}, "register_izo")
    assert problem(stale) == ("Problem", "version-mismatch", 412)
    unknown = await transition(client, world, "mentor", case, "screen_accept")
    assert problem(unknown) == ("Problem", "invalid-transition", 409)
    bad = await transition(client, world, "mentor", case, "Register IZO!")
    assert bad["code"] == "validation-failed" and bad["errors"][0]["pointer"] == "/action"

    case = await transition(client, world, "mentor", case, "register_izo", reason="Toch IZO")
    assert (case["state"], case["version"]) == ("izo_draft", 2)
    assert case["events"][0] == {  # newest first
        "kind": "transition",
        "action": "register_izo",
        "fromState": "bilateral",
        "toState": "izo_draft",
        "details": {},
    }

    # T5 lists every guard that does not hold yet.
    submit = await transition(client, world, "mentor", case, "submit")
    assert submit["extensions"]["missing"] == [
        "help_question",
        "guidance_question",
        "strengths",
        "registration:izo",
        "student_conversation:izo",
        "parents_informed:izo",
    ]
    case = await one(client, world, "mentor", UPDATE, id=case["id"], v=case["version"],
                     input=CASE_FILE)  # fmt: skip
    assert case["version"] == 3 and case["strengths"] == {
        "student": "Sportief en behulpzaam",
        "school": "",
        "family": "Betrokken",
    }
    assert case["parentsInformed"] is False

    wrong_kind = await one(client, world, "mentor", REGISTRATION, id=case["id"], kind="mdo",
                           input=FORM)  # fmt: skip
    assert wrong_kind["errors"] == [{"pointer": "/kind", "detail": "One of: izo, zat"}]
    form = await one(client, world, "mentor", REGISTRATION, id=case["id"], kind="izo", input=FORM)
    assert (form["kind"], form["registrationStatus"], form["version"]) == ("izo", "draft", 1)
    assert form["form"] == {**FORM, "functioningAtHome": ""}
    again = await one(client, world, "mentor", REGISTRATION, id=case["id"], kind="izo",
                      v=form["version"], input={**FORM, "problem": "Verzuimt veel."})  # fmt: skip
    assert (again["version"], again["form"]["problem"]) == (2, "Verzuimt veel.")
    conv = await conversation(client, world, case["id"], "student")
    assert (conv["withWhom"], conv["forum"], conv["heldOn"]) == ("student", "izo", iso(TODAY))

    case = await transition(client, world, "mentor", case, "submit")
    assert (case["state"], case["registrations"][0]["registrationStatus"]) == (
        "izo_submitted",
        "submitted",
    )
    screened = await one(client, world, "mentor", SCREEN, id=case["id"], v=case["version"],
                         input=SCREENING)  # fmt: skip
    assert problem(screened) == ("Problem", "forbidden", 403)
    no_items = {**SCREENING, "outcome": "request_info"}
    missing_items = await one(client, world, "zorgcoordinator", SCREEN, id=case["id"],
                              v=case["version"], input=no_items)  # fmt: skip
    assert missing_items["code"] == "validation-failed"
    case = await one(client, world, "zorgcoordinator", SCREEN, id=case["id"], v=case["version"],
                     input=SCREENING)  # fmt: skip
    assert case["state"] == "izo_scheduled"
    assert case["screenings"] == [{"outcome": "accept", "registrationKind": "izo"}]


# -- care meetings --------------------------------------------------------------------------
async def test_a_care_meeting_records_the_discussion_and_takes_the_step(
    client: httpx.AsyncClient, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    case = await scheduled_case(client, world, "ll-1")
    school = str(world.school_id)
    body = {
        "forum": "izo",
        "title": "IZO week 12",
        "scheduledAt": (utcnow() + timedelta(days=1)).isoformat(),
        "members": [
            {"name": "Mentor 1A", "userId": str(world.users["mentor"]), "membership": "on_call"},
            {"name": "Zorgcoördinator", "membership": "standing"},
        ],
    }
    mentor = await one(client, world, "mentor", CREATE_MEETING, s=school, input=body)
    assert problem(mentor) == ("Problem", "forbidden", 403)
    meeting = await one(client, world, "zorgcoordinator", CREATE_MEETING, s=school, input=body)
    assert meeting["__typename"] == "CareMeeting", meeting
    assert (meeting["meetingStatus"], meeting["version"], meeting["editable"]) == (
        "scheduled",
        1,
        True,
    )
    assert {m["name"] for m in meeting["members"]} == {"Mentor 1A", "Zorgcoördinator"}

    item = {"caseId": case["id"], "kind": "new"}
    stale = await one(client, world, "zorgcoordinator", AGENDA, id=meeting["id"], v=9, input=item)
    assert problem(stale) == ("Problem", "version-mismatch", 412)
    meeting = await one(client, world, "zorgcoordinator", AGENDA, id=meeting["id"], v=1,
                        input=item)  # fmt: skip
    assert (meeting["cases"], meeting["agenda"][0]["caseId"]) == (1, case["id"])
    twice = await one(client, world, "zorgcoordinator", AGENDA, id=meeting["id"], v=2, input=item)
    assert problem(twice) == ("Problem", "conflict", 409)
    meeting = await one(client, world, "zorgcoordinator", SEND_PACK, id=meeting["id"], v=2)
    assert meeting["casePackSentAt"] is not None and meeting["version"] == 3

    # The mentor is a member: they read the meeting and the pack of their student's case.
    read = await gql(client, world, "mentor", MEETING_READS, s=school, m=meeting["id"])
    assert read["careMeetings"]["items"] == [
        {"id": meeting["id"], "forum": "izo", "meetingStatus": "scheduled", "cases": 1}
    ]
    assert read["careMeeting"]["editable"] is False
    pack = read["casePack"]
    assert (pack["meetingId"], pack["withheld"]) == (meeting["id"], 0)
    assert pack["items"][0]["registration"]["form"]["problem"] == FORM["problem"]
    assert pack["items"][0]["strengths"] == {"student": "Sportief en behulpzaam"}
    # The maths teacher is not a member: no meeting, no pack.
    teacher = await gql(client, world, "teacher", MEETING_READS, s=school, m=meeting["id"])
    assert (teacher["careMeeting"], teacher["casePack"]) == (None, None)
    assert teacher["careMeetings"]["items"] == []

    # T9 needs the evaluation date: refused with what is missing, and the minutes are not kept.
    agenda_item = meeting["agenda"][0]
    minutes = {
        "analysis": "Werkhouding en planning blijven achter.",
        "advice": "Wekelijkse planningsgesprekken met de mentor.",
    }
    discussion = {
        "minutes": minutes,
        "decisions": ["Begeleiding door de mentor met een weekplanning"],
        "informsStudentParents": "Mentor",
        "actionItems": [
            {"description": "Weekplanning invoeren", "ownerName": "Mentor 1A",
             "dueOn": iso(TODAY + timedelta(weeks=2))},
        ],
        "thenAction": "discuss",
    }  # fmt: skip
    refused = await one(client, world, "zorgcoordinator", DISCUSSION, m=meeting["id"],
                        c=case["id"], v=agenda_item["version"], input=discussion)  # fmt: skip
    assert problem(refused) == ("Problem", "transition-guard-failed", 422)
    assert refused["extensions"]["missing"] == ["evaluation_date"]
    unchanged = await one(client, world, "zorgcoordinator", READ, id=case["id"])
    assert (unchanged["state"], unchanged["actionItems"], unchanged["version"]) == (
        "izo_scheduled",
        [],
        case["version"],
    )
    too_many = {**discussion, "minutes": {f"field{i}": "x" for i in range(21)}}
    invalid = await one(client, world, "zorgcoordinator", DISCUSSION, m=meeting["id"],
                        c=case["id"], v=agenda_item["version"], input=too_many)  # fmt: skip
    assert invalid["code"] == "validation-failed" and invalid["errors"][0]["pointer"] == "/minutes"

    evaluation_on = iso(TODAY + timedelta(weeks=6))
    meeting = await one(
        client, world, "zorgcoordinator", DISCUSSION, m=meeting["id"], c=case["id"],
        v=agenda_item["version"], input={**discussion, "evaluationOn": evaluation_on},
    )  # fmt: skip
    assert meeting["__typename"] == "CareMeeting", meeting
    item_read = meeting["agenda"][0]
    assert (item_read["minutes"], item_read["decisions"], item_read["evaluationOn"]) == (
        minutes,
        discussion["decisions"],
        evaluation_on,
    )
    assert item_read["discussedAt"] is not None and item_read["version"] == 2

    case = await one(client, world, "mentor", READ, id=case["id"])
    assert (case["state"], case["evaluationOn"]) == ("izo_active", evaluation_on)
    assert case["discussions"] == [
        {"meetingId": meeting["id"], "kind": "new", "decisions": discussion["decisions"],
         "evaluationOn": evaluation_on},
    ]  # fmt: skip
    assert [a["description"] for a in case["actionItems"]] == ["Weekplanning invoeren"]

    held = await one(client, world, "zorgcoordinator", UPDATE_MEETING, id=meeting["id"],
                     v=meeting["version"], input={"status": "held"})  # fmt: skip
    assert held["meetingStatus"] == "held"

    # The board, the student's cases and the dashboard show the case where it now is.
    overviews = await gql(
        client, world, "zorgcoordinator", OVERVIEWS, s=school, key=KEY, closed=False,
        st=str(world.students["ll-1"]),
    )  # fmt: skip
    board = overviews["caseBoard"]
    assert (board["route"]["key"], board["route"]["openCases"]) == (KEY, 1)
    cards = {c["state"]: c["cards"] for c in board["columns"]}
    assert [c["id"] for c in cards["izo_active"]] == [case["id"]]
    assert "closed" not in cards
    assert overviews["caseRequests"]["items"] == []
    assert overviews["studentCases"]["items"] == [
        {"id": case["id"], "state": "izo_active", "routeKey": KEY}
    ]
    dashboard = overviews["careDeadlines"]
    assert dashboard["metrics"]["openCases"] == 1
    assert {i["caseId"] for i in dashboard["items"]} <= {case["id"]}
    # An unknown route is not there.
    other_key = await gql(
        client, world, "zorgcoordinator", OVERVIEWS, s=school, key="nope", closed=True,
        st=str(world.students["ll-1"]),
    )  # fmt: skip
    assert other_key["caseBoard"] is None


# -- follow-up ------------------------------------------------------------------------------
async def test_follow_up_records_over_graphql(client: httpx.AsyncClient, world: World) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    case = await active_case(client, world, "ll-1")
    cid = case["id"]

    action = {"description": "Dagstart met de mentor", "ownerName": "Mentor 1A",
              "ownerUserId": str(world.users["mentor"]),
              "dueOn": iso(TODAY + timedelta(days=10))}  # fmt: skip
    item = await one(client, world, "mentor", ADD_ACTION, id=cid, input=action)
    assert (item["itemStatus"], item["caseId"], item["version"]) == ("open", cid, 1)
    stale = await one(client, world, "mentor", UPDATE_ACTION, id=item["id"], v=5,
                      input={"status": "done"})  # fmt: skip
    assert problem(stale) == ("Problem", "version-mismatch", 412)
    done = await one(client, world, "mentor", UPDATE_ACTION, id=item["id"], v=1,
                     input={"status": "done", "report": "Loopt goed"})  # fmt: skip
    assert (done["itemStatus"], done["report"], done["version"]) == ("done", "Loopt goed", 2)

    intervention = await one(
        client, world, "zorgcoordinator", ADD_INTERVENTION, id=cid,
        input={"kind": "social_skills_training", "goal": "Na 8 weken zelf een conflict oplossen",
               "provider": "Schoolmaatschappelijk werk", "startsOn": iso(TODAY)},
    )  # fmt: skip
    assert (intervention["interventionStatus"], intervention["version"]) == ("running", 1)
    ended = await one(
        client, world, "zorgcoordinator", UPDATE_INTERVENTION, id=intervention["id"], v=1,
        input={"status": "ended", "outcome": "Doel gehaald", "effectStudent": "effective"},
    )  # fmt: skip
    assert (ended["interventionStatus"], ended["effectStudent"]) == ("ended", "effective")

    # Leerplicht is a statutory report; any other referral shares data on a consent.
    case = await one(client, world, "zorgcoordinator", READ, id=cid)
    no_consent = await one(
        client, world, "zorgcoordinator", ADD_REFERRAL, id=cid, v=case["version"],
        input={"target": "jgz", "reason": "Vermoeidheid", "referredOn": iso(TODAY)},
    )  # fmt: skip
    assert no_consent["errors"][0]["pointer"] == "/consent_id"
    referral = await one(
        client, world, "zorgcoordinator", ADD_REFERRAL, id=cid, v=case["version"],
        input={"target": "leerplicht", "reason": "Veel ongeoorloofd verzuim",
               "referredOn": iso(TODAY)},
    )  # fmt: skip
    assert (referral["legalGround"], referral["consentId"], referral["referralStatus"]) == (
        "legal_obligation",
        None,
        "requested",
    )
    started = await one(client, world, "zorgcoordinator", UPDATE_REFERRAL, id=referral["id"],
                        v=1, input={"status": "started", "startedOn": iso(TODAY)})  # fmt: skip
    assert (started["referralStatus"], started["version"]) == ("started", 2)

    # T18 needs the parents' consent to share with the SWV: refused, listing it.
    case = await one(client, world, "zorgcoordinator", READ, id=cid)
    swv = {"requestType": "ambulant_support", "goals": "Ambulante begeleiding, 12 weken",
           "requestedStart": iso(TODAY + timedelta(weeks=4)), "requestedOn": iso(TODAY),
           "documentedEfforts": [{"what": "IZO-begeleiding", "period": "8 weken"}]}  # fmt: skip
    refused = await one(client, world, "zorgcoordinator", REQUEST_SWV, id=cid,
                        v=case["version"], input=swv)  # fmt: skip
    assert problem(refused) == ("Problem", "transition-guard-failed", 422)
    assert refused["extensions"]["missing"] == ["consent:share_swv"]
    share_swv = await consent(client, world, "ll-1", "share_swv")
    case = await one(client, world, "zorgcoordinator", REQUEST_SWV, id=cid, v=case["version"],
                     input=swv)  # fmt: skip
    assert case["state"] == "swv_arrangement", case
    request = case["swvRequests"][0]
    assert (request["decision"], request["documentedEfforts"]) == (
        "pending",
        [{"what": "IZO-begeleiding"}],
    )
    undated = await one(client, world, "zorgcoordinator", SWV_DECISION, id=request["id"],
                        v=request["version"], input={"decision": "granted"})  # fmt: skip
    assert undated["errors"][0]["pointer"] == "/decided_on"
    granted = await one(
        client, world, "zorgcoordinator", SWV_DECISION, id=request["id"], v=request["version"],
        input={"decision": "granted", "decidedOn": iso(TODAY),
               "startsOn": iso(TODAY + timedelta(weeks=3))},
    )  # fmt: skip
    assert (granted["decision"], granted["version"]) == ("granted", request["version"] + 1)
    assert granted["weeksToStart"] is not None

    # An external partner reads the case only with a case grant.
    partner = world.users["external_partner"]
    assert (await gql(client, world, "external_partner", READ, id=cid))["careCase"] is None
    until = (utcnow() + timedelta(days=30)).isoformat()
    by_mentor = await one(client, world, "mentor", GRANT, id=cid,
                          input={"userId": str(partner), "consentId": share_swv,
                                 "validUntil": until})  # fmt: skip
    assert problem(by_mentor) == ("Problem", "forbidden", 403)
    grant = await one(client, world, "zorgcoordinator", GRANT, id=cid,
                      input={"userId": str(partner), "consentId": share_swv,
                             "validUntil": until})  # fmt: skip
    assert (grant["__typename"], grant["caseId"], grant["userId"]) == (
        "CaseGrant",
        cid,
        str(partner),
    )
    seen = await one(client, world, "external_partner", READ, id=cid)
    assert (seen["__typename"], seen["state"]) == ("CareCase", "swv_arrangement")


# -- same audit as REST ---------------------------------------------------------------------
async def test_graphql_writes_the_same_audit_as_rest(
    client: httpx.AsyncClient, factory: WorldFactory, world: World
) -> None:
    await install(client, world, "vo-izo-zat", KEY)
    over_graphql, over_rest = "ll-1", "ll-2"

    case = await open_case(client, world, over_graphql, helpQuestionStudent="Help mij plannen.")
    resp = await call(
        client, world, "mentor", "POST", f"/api/v1/schools/{world.school_id}/cases",
        {"student_id": str(world.students[over_rest]), "route_key": KEY, "action": "open_izo",
         "help_question_student": "Help mij plannen."},
    )  # fmt: skip
    assert resp.status_code == 201, resp.text
    other = resp.json()

    case = await one(client, world, "mentor", UPDATE, id=case["id"], v=case["version"],
                     input=CASE_FILE)  # fmt: skip
    assert case["version"] == 2
    resp = await call(client, world, "mentor", "PATCH", f"/api/v1/cases/{other['id']}",
                      snake(CASE_FILE), **{"If-Match": f'"v{other["version"]}"'})  # fmt: skip
    assert resp.status_code == 200, resp.text
    other = resp.json()

    saved = await one(client, world, "mentor", REGISTRATION, id=case["id"], kind="izo", input=FORM)
    assert saved["__typename"] == "CaseRegistration"
    resp = await call(client, world, "mentor", "PUT",
                      f"/api/v1/cases/{other['id']}/registrations/izo", snake(FORM))  # fmt: skip
    assert resp.status_code == 200, resp.text

    await conversation(client, world, case["id"], "student")
    talk = {"with_whom": "student", "moment": "before", "forum": "izo", "held_on": iso(TODAY),
            "summary": "Besproken wat er speelt."}  # fmt: skip
    resp = await call(client, world, "mentor", "POST",
                      f"/api/v1/cases/{other['id']}/conversations", talk)  # fmt: skip
    assert resp.status_code == 201, resp.text

    action = {"description": "Weekplanning", "ownerName": "Mentor 1A",
              "dueOn": iso(TODAY + timedelta(days=7))}  # fmt: skip
    added = await one(client, world, "mentor", ADD_ACTION, id=case["id"], input=action)
    assert added["__typename"] == "CaseActionItem"
    resp = await call(client, world, "mentor", "POST",
                      f"/api/v1/cases/{other['id']}/action-items", snake(action))  # fmt: skip
    assert resp.status_code == 201, resp.text

    # A refused GraphQL write leaves nothing behind, as a refused REST write does.
    stale = await transition(client, world, "mentor", {**case, "version": 1}, "submit")
    assert stale["code"] == "version-mismatch"
    resp = await call(client, world, "mentor", "POST", f"/api/v1/cases/{other['id']}/transitions",
                      {"action": "submit"}, **{"If-Match": '"v1"'})  # fmt: skip
    assert resp.status_code == 412, resp.text

    case = await transition(client, world, "mentor", case, "submit")
    assert case["state"] == "izo_submitted", case
    resp = await call(client, world, "mentor", "POST", f"/api/v1/cases/{other['id']}/transitions",
                      {"action": "submit"}, **{"If-Match": f'"v{other["version"]}"'})  # fmt: skip
    assert resp.status_code == 200, resp.text

    actions = (
        "case.open",
        "case.update",
        "case.registration.save",
        "case.conversation",
        "case.action_item.create",
        "case.transition",
    )
    graphql_audit = await audit_rows(factory, world, actions, over_graphql)
    assert [a for a, *_ in graphql_audit] == list(actions)
    assert graphql_audit[0][3] == f"user:{world.users['mentor']}"
    assert graphql_audit == await audit_rows(factory, world, actions, over_rest)


# -- nothing of another school --------------------------------------------------------------
async def test_another_schools_cases_are_null_and_its_writes_not_found(
    client: httpx.AsyncClient, factory: WorldFactory, world: World
) -> None:
    other = await factory.build()
    route = await install(client, other, "vo-izo-zat", KEY)
    case = await scheduled_case(client, other, "ll-1")
    meeting = await one(
        client, other, "zorgcoordinator", CREATE_MEETING, s=str(other.school_id),
        input={"forum": "izo", "title": "IZO", "scheduledAt": utcnow().isoformat()},
    )  # fmt: skip
    reads = f"""query($s: ID!, $st: ID!, $c: ID!, $m: ID!, $r: ID!) {{
      careRoutes(schoolId: $s) {{ __typename }} careRoute(id: $r) {{ __typename }}
      caseBoard(schoolId: $s, routeKey: "{KEY}") {{ __typename }}
      caseRequests(schoolId: $s) {{ __typename }} studentCases(studentId: $st) {{ __typename }}
      careCase(id: $c) {{ __typename }} careMeetings(schoolId: $s) {{ __typename }}
      careMeeting(id: $m) {{ __typename }} casePack(meetingId: $m) {{ __typename }}
      careDeadlines(schoolId: $s) {{ __typename }} }}"""
    variables = {
        "s": str(other.school_id),
        "st": str(other.students["ll-1"]),
        "c": case["id"],
        "m": meeting["id"],
        "r": route,
    }
    nothing = dict.fromkeys(
        ["careRoutes", "careRoute", "caseBoard", "caseRequests", "studentCases", "careCase",
         "careMeetings", "careMeeting", "casePack", "careDeadlines"]
    )  # fmt: skip
    for role in ("mentor", "zorgcoordinator", "school_leader", "external_partner"):
        assert await gql(client, world, role, reads, **variables) == nothing, role
    unparsable = dict.fromkeys(variables, "not-an-id")
    assert await gql(client, world, "school_leader", reads, **unparsable) == nothing

    sid, cid = str(other.school_id), case["id"]
    writes: list[tuple[str, dict[str, Any]]] = [
        (CREATE_ROUTE, {"s": sid, "input": {"key": KEY, "template": "vo-izo-zat"}}),
        (OPEN, {"s": sid, "input": {"studentId": str(other.students["ll-2"]), "routeKey": KEY,
                                    "action": "open_izo"}}),
        (UPDATE, {"id": cid, "v": case["version"], "input": {"zatQuestion": "?"}}),
        (TRANSITION, {"id": cid, "v": case["version"], "action": "discuss"}),
        (REGISTRATION, {"id": cid, "kind": "izo", "v": 1, "input": FORM}),
        (SCREEN, {"id": cid, "v": case["version"], "input": SCREENING}),
        (ADD_ACTION, {"id": cid, "input": {"description": "x", "ownerName": "x",
                                           "dueOn": iso(TODAY)}}),
        (CREATE_MEETING, {"s": sid, "input": {"forum": "izo", "title": "x",
                                              "scheduledAt": utcnow().isoformat()}}),
        (AGENDA, {"id": meeting["id"], "v": meeting["version"],
                  "input": {"caseId": cid, "kind": "new"}}),
        (SEND_PACK, {"id": meeting["id"], "v": meeting["version"]}),
        (DISCUSSION, {"m": meeting["id"], "c": cid, "v": 1, "input": {"decisions": []}}),
        (UPDATE_ACTION, {"id": "nope", "v": 1, "input": {"status": "done"}}),
    ]  # fmt: skip
    for query, arguments in writes:
        result = await one(client, world, "zorgcoordinator", query, **arguments)
        assert problem(result) == ("Problem", "not-found", 404), (query, result)
    still = await one(client, other, "zorgcoordinator", READ, id=cid)
    assert (still["state"], still["version"]) == (case["state"], case["version"])
