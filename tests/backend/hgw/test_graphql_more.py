"""The rest of the HGW cycle over GraphQL: settings and cycle periods, overviews, the group
meeting, individual plans and the OPP. The same services as REST, refusals as Problems."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support import hgw
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.audit.models import AuditEvent

START = date(2026, 9, 7)
PROBLEM = "... on Problem { code status detail errors extensions }"

SETTINGS = "schoolId cyclesPerYear cycleA cycleB planStyle seoCategories testDomains version"
PUT_SETTINGS = f"""mutation($s: ID!, $v: Int!, $input: HgwSettingsInput!) {{
  putHgwSettings(schoolId: $s, expectedVersion: $v, input: $input) {{
    __typename ... on HgwSettings {{ {SETTINGS} signallingCriteria {{ domain minimumScore }} }}
    {PROBLEM} }} }}"""
SCHOOL_READS = f"""query($s: ID!) {{
  hgwSettings(schoolId: $s) {{ __typename ... on HgwSettings {{ {SETTINGS} }} {PROBLEM} }}
  cyclePeriods(schoolId: $s) {{
    __typename ... on CyclePeriodList {{ items {{ id name sequence archivedAt }} }} {PROBLEM} }}
  groupPlans(schoolId: $s) {{
    __typename ... on GroupPlanList {{ items {{ id planStatus groupName }} }} {PROBLEM} }}
  hgwDeadlines(schoolId: $s) {{
    __typename ... on HgwDeadlineList {{ items {{ kind dueOn overdue studentId refId }} }}
    {PROBLEM} }}
}}"""
CREATE_PERIOD = f"""mutation($s: ID!, $input: CyclePeriodInput!) {{
  createCyclePeriod(schoolId: $s, input: $input) {{
    __typename ... on CyclePeriod {{ id name sequence startsOn endsOn archivedAt }}
    {PROBLEM} }} }}"""
CREATE_OVERVIEW = f"""mutation($g: ID!, $input: GroupOverviewInput!) {{
  createGroupOverview(groupId: $g, input: $input) {{
    __typename ... on GroupOverview {{ id overviewStatus cycle rows {{ studentId }} }}
    {PROBLEM} }} }}"""
PUBLISH = f"""mutation($o: ID!) {{ publishGroupOverview(overviewId: $o) {{
  __typename ... on GroupOverviewSummary {{ id overviewStatus }} {PROBLEM} }} }}"""
CREATE_SIGNAL = f"""mutation($o: ID!, $input: SignalInput!) {{
  createSignal(overviewId: $o, input: $input) {{ __typename ... on Signal {{ id }} {PROBLEM} }}
}}"""
DELETE_SIGNAL = f"""mutation($id: ID!) {{ deleteSignal(signalId: $id) {{
  __typename ... on Deleted {{ id }} {PROBLEM} }} }}"""
CREATE_RESULT = f"""mutation($s: ID!, $input: ResultInput!) {{
  createResult(studentId: $s, input: $input) {{
    __typename ... on AssessmentResult {{ id kind domain score level belowMinimum source }}
    {PROBLEM} }} }}"""
MEETING = """id overviewId meetingStatus scheduledOn heldOn chairName attendees agenda
  teacherQuestions { author text } summary decisions { studentId decision note } editable
  version"""
CREATE_MEETING = f"""mutation($o: ID!, $input: GroupMeetingInput!) {{
  createGroupMeeting(overviewId: $o, input: $input) {{
    __typename ... on GroupMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
UPDATE_MEETING = f"""mutation($id: ID!, $v: Int!, $input: GroupMeetingReportInput!) {{
  updateGroupMeeting(meetingId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on GroupMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
ADD_QUESTION = f"""mutation($id: ID!, $input: MeetingQuestionInput!) {{
  addMeetingQuestion(meetingId: $id, input: $input) {{
    __typename ... on GroupMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
HOLD_MEETING = f"""mutation($id: ID!, $v: Int!, $input: HoldGroupMeetingInput!) {{
  holdGroupMeeting(meetingId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on GroupMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
READ_MEETING = f"""query($id: ID!) {{ groupMeeting(id: $id) {{
  __typename ... on GroupMeeting {{ {MEETING} }} {PROBLEM} }} }}"""
CREATE_PLAN = f"""mutation($o: ID!, $input: GroupPlanInput!) {{
  createGroupPlan(overviewId: $o, input: $input) {{
    __typename ... on GroupPlan {{ id version planStatus rows {{ target name goals {{ text }} }} }}
    {PROBLEM} }} }}"""
PLAN_FIELDS = "id version planStatus weekSchedule attentionPoints { domain description }"
UPDATE_PLAN = f"""mutation($id: ID!, $v: Int!, $input: GroupPlanUpdateInput!) {{
  updateGroupPlan(planId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on GroupPlan {{ {PLAN_FIELDS} }} {PROBLEM} }} }}"""
AMEND_PLAN = f"""mutation($id: ID!, $input: GroupPlanAmendmentInput!) {{
  amendGroupPlan(planId: $id, input: $input) {{
    __typename ... on GroupPlan {{ id amendments {{ text }} }} {PROBLEM} }} }}"""
TRANSITION = f"""mutation($id: ID!, $v: Int!, $action: String!) {{
  transitionGroupPlan(planId: $id, expectedVersion: $v, action: $action) {{
    __typename ... on GroupPlan {{ id version planStatus }} {PROBLEM} }} }}"""
IHP = """id planId studentId kind decidedBy goals { id text } parentSignedBy parentSignedOn
  evaluation evaluatedWithStudent evaluatedWithParents version"""
CREATE_IHP = f"""mutation($p: ID!, $input: IndividualPlanCreateInput!) {{
  createIndividualPlan(planId: $p, input: $input) {{
    __typename ... on IndividualPlan {{ {IHP} }} {PROBLEM} }} }}"""
UPDATE_IHP = f"""mutation($id: ID!, $v: Int!, $input: IndividualPlanInput!) {{
  updateIndividualPlan(individualPlanId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on IndividualPlan {{ {IHP} }} {PROBLEM} }} }}"""
SIGN_IHP = f"""mutation($id: ID!, $v: Int!, $input: ParentSignOffInput!) {{
  signIndividualPlan(individualPlanId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on IndividualPlan {{ {IHP} }} {PROBLEM} }} }}"""
EVALUATE_IHP = f"""mutation($id: ID!, $v: Int!, $input: IndividualPlanEvaluationInput!) {{
  evaluateIndividualPlan(individualPlanId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on IndividualPlan {{ {IHP} }} {PROBLEM} }} }}"""
READ_IHP = f"""query($id: ID!) {{ individualPlan(id: $id) {{
  __typename ... on IndividualPlan {{ {IHP} }} {PROBLEM} }} }}"""
OPP = """id studentId supportStartedOn state dueOn version
  versions { number kind expectedOutflow factors { kind locus text } longTermGoals studentView }"""
START_OPP = f"""mutation($s: ID!, $input: SupportStartInput!) {{
  startDevelopmentPerspective(studentId: $s, input: $input) {{
    __typename ... on DevelopmentPerspective {{ {OPP} }} {PROBLEM} }} }}"""
ADD_OPP_VERSION = f"""mutation($id: ID!, $v: Int!, $input: DevelopmentPerspectiveVersionInput!) {{
  addDevelopmentPerspectiveVersion(perspectiveId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on DevelopmentPerspective {{ {OPP} }} {PROBLEM} }} }}"""


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
    """The only root field's answer."""
    (value,) = (await gql(client, world, role, query, **variables)).values()
    return dict(value)


async def guardian_of(client: httpx.AsyncClient, world: World, student: str) -> str:
    resp = await call(
        client, world, "zorgcoordinator", "GET", f"/api/v1/students/{world.students[student]}"
    )
    assert resp.status_code == 200, resp.text
    return str(resp.json()["guardians"][0]["id"])


def settings_input(**extra: Any) -> dict[str, Any]:
    return {
        "cyclesPerYear": 2,
        "cycleA": True,
        "cycleB": False,
        "planStyle": "group_plan",
        "meetingForm": "with_mentor",
        "seoInstrument": "ZIEN!",
        "seoCategories": ["Welbevinden"],
        "testDomains": ["TL", "RK"],
        "signallingCriteria": [{"domain": "TL", "minimumScore": 35}],
        **extra,
    }


# -- settings, periods and the school's lists ---------------------------------------------
async def test_settings_put_with_a_stale_version_and_periods(
    client: httpx.AsyncClient, world: World
) -> None:
    school = str(world.school_id)
    reads = await gql(client, world, "team_leader", SCHOOL_READS, s=school)
    assert (reads["hgwSettings"]["version"], reads["hgwSettings"]["cyclesPerYear"]) == (0, 3)
    assert reads["cyclePeriods"]["items"] == [] and reads["groupPlans"]["items"] == []
    assert reads["hgwDeadlines"]["__typename"] == "HgwDeadlineList"

    stale = await one(
        client, world, "team_leader", PUT_SETTINGS, s=school, v=3, input=settings_input()
    )
    assert (stale["__typename"], stale["code"], stale["status"]) == (
        "Problem",
        "version-mismatch",
        412,
    )
    assert stale["extensions"] == {"current_version": 0}
    teacher = await one(
        client, world, "teacher", PUT_SETTINGS, s=school, v=0, input=settings_input()
    )
    assert (teacher["code"], teacher["status"]) == ("forbidden", 403)
    invalid = await one(
        client, world, "team_leader", PUT_SETTINGS, s=school, v=0,
        input=settings_input(cyclesPerYear=7),
    )  # fmt: skip
    assert invalid["errors"][0]["pointer"] == "/cycles_per_year"
    saved = await one(
        client, world, "team_leader", PUT_SETTINGS, s=school, v=0, input=settings_input()
    )
    assert saved["__typename"] == "HgwSettings", saved
    assert (saved["version"], saved["cyclesPerYear"], saved["seoCategories"]) == (
        1,
        2,
        ["Welbevinden"],
    )
    assert saved["signallingCriteria"] == [{"domain": "TL", "minimumScore": 35.0}]
    again = await one(
        client, world, "team_leader", PUT_SETTINGS, s=school, v=0, input=settings_input()
    )
    assert again["extensions"] == {"current_version": 1}

    period_input = {
        "schoolYearId": str(await hgw.school_year_id(world)),
        "sequence": 1,
        "name": "Cyclus 1",
        "startsOn": START.isoformat(),
        "endsOn": (START + timedelta(weeks=8)).isoformat(),
    }
    period = await one(client, world, "team_leader", CREATE_PERIOD, s=school, input=period_input)
    assert (period["__typename"], period["name"], period["archivedAt"]) == (
        "CyclePeriod",
        "Cyclus 1",
        None,
    )
    over = await one(
        client, world, "team_leader", CREATE_PERIOD, s=school,
        input={**period_input, "sequence": 3},
    )  # fmt: skip
    assert (over["code"], over["errors"][0]["pointer"]) == ("validation-failed", "/sequence")
    listed = await gql(client, world, "team_leader", SCHOOL_READS, s=school)
    assert [p["id"] for p in listed["cyclePeriods"]["items"]] == [period["id"]]


# -- overview, signal and result ----------------------------------------------------------
async def test_overview_publish_signal_withdrawal_and_result(
    client: httpx.AsyncClient, world: World
) -> None:
    period_id = await hgw.period(client, world, 1, START)
    group = str(world.groups["gr-1a"])
    teacher = await one(
        client, world, "teacher", CREATE_OVERVIEW, g=group, input={"cyclePeriodId": period_id}
    )
    assert teacher["code"] == "forbidden"
    b_without_subject = await one(
        client, world, "mentor", CREATE_OVERVIEW, g=group,
        input={"cyclePeriodId": period_id, "cycle": "B"},
    )  # fmt: skip
    assert b_without_subject["code"] == "validation-failed"
    overview = await one(
        client, world, "mentor", CREATE_OVERVIEW, g=group, input={"cyclePeriodId": period_id}
    )
    assert (overview["__typename"], overview["overviewStatus"], len(overview["rows"])) == (
        "GroupOverview",
        "draft",
        3,
    )
    sid = str(world.students["ll-1"])
    signal = await one(
        client, world, "mentor", CREATE_SIGNAL, o=overview["id"],
        input={"studentId": sid, "category": "talent", "mode": "proactive", "basis": ["test"]},
    )  # fmt: skip
    assert signal["__typename"] == "Signal", signal
    deleted = await one(client, world, "mentor", DELETE_SIGNAL, id=signal["id"])
    assert deleted == {"__typename": "Deleted", "id": signal["id"]}
    gone = await one(client, world, "mentor", DELETE_SIGNAL, id=signal["id"])
    assert (gone["code"], gone["status"]) == ("not-found", 404)

    published = await one(client, world, "mentor", PUBLISH, o=overview["id"])
    assert (published["id"], published["overviewStatus"]) == (overview["id"], "published")

    result_input = {"kind": "test", "domain": "TL", "instrument": "Cito", "takenOn": "2026-09-10"}
    no_value = await one(client, world, "mentor", CREATE_RESULT, s=sid, input=result_input)
    assert no_value["code"] == "validation-failed"
    result = await one(
        client, world, "mentor", CREATE_RESULT, s=sid, input={**result_input, "score": 41.5}
    )
    assert (result["__typename"], result["score"], result["level"]) == (
        "AssessmentResult",
        41.5,
        None,
    )


# -- the group meeting ----------------------------------------------------------------------
async def test_meeting_round_trip_with_a_stale_version(
    client: httpx.AsyncClient, world: World
) -> None:
    overview = await hgw.overview(client, world, "gr-1a", await hgw.period(client, world, 1, START))
    signal = await hgw.signal(client, world, "mentor", overview["id"], "ll-1", "basic_skill_delay")
    meeting = await one(
        client, world, "mentor", CREATE_MEETING, o=overview["id"],
        input={"scheduledOn": "2026-10-01"},
    )  # fmt: skip
    assert meeting["__typename"] == "GroupMeeting", meeting
    assert (meeting["meetingStatus"], meeting["version"], meeting["editable"]) == (
        "scheduled",
        1,
        True,
    )
    assert len(meeting["agenda"]) == 10 and meeting["chairName"]
    twice = await one(
        client, world, "mentor", CREATE_MEETING, o=overview["id"],
        input={"scheduledOn": "2026-10-01"},
    )  # fmt: skip
    assert twice["code"] == "conflict"

    asked = await one(
        client, world, "mentor", ADD_QUESTION, id=meeting["id"], input={"text": "Wie leest mee?"}
    )
    assert [q["text"] for q in asked["teacherQuestions"]] == ["Wie leest mee?"]
    version = asked["version"]
    report = {
        "scheduledOn": "2026-10-01",
        "chairName": "Ineke de IB'er",
        "attendees": ["Mentor 1A", "Zorgcoördinator"],
        "summary": "Emma krijgt verlengde instructie.",
        "decisions": [
            {"studentId": str(world.students["ll-1"]), "decision": "continue_in_group_plan"}
        ],
    }
    updated = await one(
        client, world, "mentor", UPDATE_MEETING, id=meeting["id"], v=version, input=report
    )
    assert updated["__typename"] == "GroupMeeting", updated
    assert updated["version"] == version + 1
    assert updated["decisions"] == [
        {"studentId": str(world.students["ll-1"]), "decision": "continue_in_group_plan", "note": ""}
    ]
    stale = await one(
        client, world, "mentor", UPDATE_MEETING, id=meeting["id"], v=version,
        input={**report, "summary": "Overschreven?"},
    )  # fmt: skip
    assert (stale["__typename"], stale["code"], stale["status"]) == (
        "Problem",
        "version-mismatch",
        412,
    )
    assert stale["extensions"] == {"current_version": version + 1}
    invalid = await one(
        client, world, "mentor", UPDATE_MEETING, id=meeting["id"], v=version + 1,
        input={**report, "decisions": [{"studentId": "x", "decision": "maybe"}]},
    )  # fmt: skip
    assert {e["pointer"] for e in invalid["errors"]} == {
        "/decisions/0/student_id",
        "/decisions/0/decision",
    }

    stale_hold = await one(
        client, world, "mentor", HOLD_MEETING, id=meeting["id"], v=version,
        input={"heldOn": "2026-10-01"},
    )  # fmt: skip
    assert stale_hold["code"] == "version-mismatch"
    held = await one(
        client, world, "mentor", HOLD_MEETING, id=meeting["id"], v=version + 1,
        input={"heldOn": "2026-10-01", "confirmedSignalIds": [signal["id"]]},
    )  # fmt: skip
    assert held["__typename"] == "GroupMeeting", held
    assert (held["meetingStatus"], held["heldOn"], held["version"]) == (
        "held",
        "2026-10-01",
        version + 2,
    )
    read = await one(client, world, "mentor", READ_MEETING, id=meeting["id"])
    assert (read["id"], read["meetingStatus"], read["summary"]) == (
        meeting["id"],
        "held",
        report["summary"],
    )
    # A confirmed signal stays on record.
    kept = await one(client, world, "mentor", DELETE_SIGNAL, id=signal["id"])
    assert kept["code"] == "conflict"


# -- group plan and individual plan ---------------------------------------------------------
async def test_individual_plan_sign_off_needs_a_guardian_with_gezag(
    client: httpx.AsyncClient, world: World
) -> None:
    overview = await hgw.overview(client, world, "gr-1a", await hgw.period(client, world, 1, START))
    plan = await one(
        client, world, "mentor", CREATE_PLAN, o=overview["id"],
        input={"startsOn": "2026-09-07", "endsOn": "2026-10-30"},
    )  # fmt: skip
    assert plan["__typename"] == "GroupPlan", plan
    rows = [
        {"target": r["target"], "name": r["name"], "domain": "basic_skills",
         "goals": [{"text": g["text"]} for g in r["goals"]]}
        for r in plan["rows"]
    ]  # fmt: skip
    draft = {
        "planType": "cross_subject",
        "startsOn": "2026-09-07",
        "endsOn": "2026-10-30",
        "rows": rows,
        "weekSchedule": "Ma: verlengde instructie",
        "attentionPoints": [{"domain": "pedagogical", "description": "Rust bij de start"}],
    }
    updated = await one(client, world, "mentor", UPDATE_PLAN, id=plan["id"], v=1, input=draft)
    assert updated["__typename"] == "GroupPlan", updated
    assert (updated["version"], updated["weekSchedule"]) == (2, "Ma: verlengde instructie")
    stale = await one(client, world, "mentor", UPDATE_PLAN, id=plan["id"], v=1, input=draft)
    assert stale["code"] == "version-mismatch"

    sid = str(world.students["ll-1"])
    ihp_input = {"studentId": sid, "decidedBy": "care_team", "goals": [{"text": "Leest vlot"}]}
    teacher = await one(client, world, "teacher", CREATE_IHP, p=plan["id"], input=ihp_input)
    assert teacher["__typename"] == "Problem"
    ihp = await one(client, world, "mentor", CREATE_IHP, p=plan["id"], input=ihp_input)
    assert ihp["__typename"] == "IndividualPlan", ihp
    assert (ihp["studentId"], ihp["version"], ihp["parentSignedOn"]) == (sid, 1, None)

    # Another student's parent has no gezag over Emma: refused, pointing at the guardian.
    refused = await one(
        client, world, "mentor", SIGN_IHP, id=ihp["id"], v=1,
        input={"guardianId": await guardian_of(client, world, "ll-2"), "signedOn": "2026-09-08"},
    )  # fmt: skip
    assert (refused["__typename"], refused["code"], refused["status"]) == (
        "Problem",
        "validation-failed",
        422,
    )
    assert refused["errors"] == [{"pointer": "/guardian_id", "detail": "Not a guardian with gezag"}]
    guardian = await guardian_of(client, world, "ll-1")
    signed = await one(
        client, world, "mentor", SIGN_IHP, id=ihp["id"], v=1,
        input={"guardianId": guardian, "signedOn": "2026-09-08"},
    )  # fmt: skip
    assert (signed["parentSignedBy"], signed["parentSignedOn"], signed["version"]) == (
        guardian,
        "2026-09-08",
        2,
    )
    changed = await one(
        client, world, "mentor", UPDATE_IHP, id=ihp["id"], v=2,
        input={"decidedBy": "mentor", "goals": [{"text": "Leest vlot en foutloos"}],
               "studentView": "Ik lees graag met een maatje."},
    )  # fmt: skip
    assert (changed["decidedBy"], changed["parentSignedOn"], changed["version"]) == (
        "mentor",
        None,
        3,
    )
    assert (await one(client, world, "mentor", READ_IHP, id=ihp["id"]))["version"] == 3
    early = await one(
        client, world, "mentor", EVALUATE_IHP, id=ihp["id"], v=3,
        input={"evaluation": "Gaat goed", "evaluatedWithStudent": True,
               "evaluatedWithParents": True},
    )  # fmt: skip
    assert early["code"] == "invalid-transition"  # the draft plan is not running yet
    await one(
        client, world, "mentor", SIGN_IHP, id=ihp["id"], v=3,
        input={"guardianId": guardian, "signedOn": "2026-09-09"},
    )  # fmt: skip
    active = await one(client, world, "mentor", TRANSITION, id=plan["id"], v=2, action="activate")
    assert active["planStatus"] == "active", active
    evaluated = await one(
        client, world, "mentor", EVALUATE_IHP, id=ihp["id"], v=4,
        input={"evaluation": "Gaat goed", "evaluatedWithStudent": True,
               "evaluatedWithParents": True},
    )  # fmt: skip
    assert (evaluated["evaluation"], evaluated["version"]) == ("Gaat goed", 5)
    amended = await one(
        client, world, "mentor", AMEND_PLAN, id=plan["id"], input={"text": "Extra leesuur"}
    )
    assert amended["amendments"] == [{"text": "Extra leesuur"}]


# -- the development perspective ------------------------------------------------------------
def opp_version_input(**extra: Any) -> dict[str, Any]:
    return {
        "kind": "initial",
        "expectedOutflow": "havo",
        "factors": [{"kind": "stimulating", "locus": "student", "text": "Leergierig"}],
        "supportOffered": "Remedial teaching, twee keer per week",
        "longTermGoals": ["Leest op niveau 2F"],
        "studentView": "Ik wil graag beter leren lezen.",
        "determinedWithStudent": True,
        "determinedWithParents": True,
        "determinedOn": date.today().isoformat(),
        **extra,
    }


async def test_opp_start_and_version_with_the_guard(
    client: httpx.AsyncClient, world: World
) -> None:
    sid = str(world.students["ll-1"])
    started = (date.today() - timedelta(days=7)).isoformat()  # the OPP is due, not overdue
    start = {"supportStartedOn": started, "supportDescription": "Remedial teaching"}
    teacher = await one(client, world, "teacher", START_OPP, s=sid, input=start)
    assert teacher["__typename"] == "Problem"
    opp = await one(client, world, "mentor", START_OPP, s=sid, input=start)
    assert opp["__typename"] == "DevelopmentPerspective", opp
    assert (opp["studentId"], opp["state"], opp["version"], opp["versions"]) == (sid, "due", 1, [])
    again = await one(client, world, "mentor", START_OPP, s=sid, input=start)
    assert (again["code"], again["status"]) == ("conflict", 409)

    guard = await one(
        client, world, "mentor", ADD_OPP_VERSION, id=opp["id"], v=1,
        input=opp_version_input(kind="evaluation", determinedWithParents=False),
    )  # fmt: skip
    assert (guard["__typename"], guard["code"], guard["status"]) == (
        "Problem",
        "transition-guard-failed",
        422,
    )
    assert guard["extensions"]["missing"] == ["kind", "determined_with_parents"]
    no_view = await one(
        client, world, "mentor", ADD_OPP_VERSION, id=opp["id"], v=1,
        input=opp_version_input(studentView=""),
    )  # fmt: skip
    assert no_view["errors"][0]["pointer"] == "/student_view"
    stale = await one(
        client, world, "mentor", ADD_OPP_VERSION, id=opp["id"], v=5, input=opp_version_input()
    )
    assert stale["code"] == "version-mismatch"
    added = await one(
        client, world, "mentor", ADD_OPP_VERSION, id=opp["id"], v=1, input=opp_version_input()
    )
    assert added["__typename"] == "DevelopmentPerspective", added
    assert (added["state"], added["version"]) == ("current", 2)
    assert [(v["number"], v["kind"], v["expectedOutflow"]) for v in added["versions"]] == [
        (1, "initial", "havo")
    ]


# -- same audit as REST ---------------------------------------------------------------------
async def _audit(
    factory: WorldFactory, world: World, action: str, student: str
) -> list[tuple[Any, ...]]:
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent)
            .where(AuditEvent.student_id == world.students[student], AuditEvent.action == action)
            .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
        )
    return [
        (e.action, e.target_type, e.actor_kind, e.actor_id, e.actor_role, e.purpose, e.details)
        for e in events
    ]


async def test_starting_an_opp_writes_the_same_audit_as_rest(
    client: httpx.AsyncClient, factory: WorldFactory, world: World
) -> None:
    start = {"support_started_on": "2026-10-01", "support_description": "Remedial teaching"}
    over_rest = await call(
        client, world, "mentor", "POST",
        f"/api/v1/students/{world.students['ll-2']}/development-perspective", start,
    )  # fmt: skip
    assert over_rest.status_code == 201, over_rest.text
    over_graphql = await one(
        client, world, "mentor", START_OPP, s=str(world.students["ll-1"]),
        input={"supportStartedOn": "2026-10-01", "supportDescription": "Remedial teaching"},
    )  # fmt: skip
    assert over_graphql["__typename"] == "DevelopmentPerspective", over_graphql

    graphql_audit = await _audit(factory, world, "opp.start", "ll-1")
    assert [a for a, *_ in graphql_audit] == ["opp.start"]
    assert graphql_audit[0][:4] == (
        "opp.start",
        "development_perspective",
        "user",
        f"user:{world.users['mentor']}",
    )
    assert graphql_audit == await _audit(factory, world, "opp.start", "ll-2")


async def test_a_graphql_refusal_is_in_the_audit_trail_as_a_rest_one_is(
    client: httpx.AsyncClient, world: World
) -> None:
    # The teacher does not see ll-1 (1A): null, and the privacy officer sees the attempt.
    student = str(world.students["ll-1"])
    data = await gql(
        client, world, "teacher",
        "query($id: ID!) { studentNeeds(studentId: $id) { __typename } }", id=student,
    )  # fmt: skip
    assert data["studentNeeds"] is None
    trail = await call(
        client, world, "privacy_officer", "GET", f"/api/v1/students/{student}/audit-trail"
    )
    denied = [e for e in trail.json()["items"] if e["action"] == "access.denied"]
    assert len(denied) == 1, trail.json()
