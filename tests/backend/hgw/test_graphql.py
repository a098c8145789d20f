"""The HGW cycle over GraphQL: the whole group overview in one query whose statement count does
not grow with the group, the same services (and audit rows) as REST, refusals as Problems,
and nothing of another school."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
from conftest import StatementCounter
from sqlmodel import col, select
from support import hgw
from support.factories import World, WorldFactory, bigger_payload
from support.hgw import call, need_body

from zorgroute.audit.models import AuditEvent

START = date(2026, 9, 7)

PROBLEM = "... on Problem { code status detail errors extensions }"
GOAL = "id text desiredBehaviour measure targetDate"
NEED = f"""id studentId overviewId scope domain nature subject goals {{ {GOAL} }}
  items {{ category phrase text }} usesTalents setWithStudent studentView validFrom validUntil
  authorName createdAt version hints {{ code pointer message }}"""
SIGNAL = "id overviewId studentId category mode basis note createdByName createdAt confirmedAt"
ROW = f"""id studentId givenName preferredName infix familyName observations
  studentConversation parentConversation agreements stimulatingFactors hinderingFactors
  strengths workAttitude particulars instructionLevel updatedByName updatedAt version
  results {{ id studentId kind domain instrument respondent takenOn score level belowMinimum
    source }}
  signals {{ {SIGNAL} }}
  needs {{ {NEED} }}"""
GROUP_OVERVIEW = f"""query($id: ID!) {{ groupOverview(id: $id) {{
  __typename
  ... on GroupOverview {{
    id schoolId groupId groupName cyclePeriodId periodName startsOn endsOn cycle subject
    overviewStatus datedOn ownerName seededFromId version editable planId meetingId testDomains
    seoCategories workAttitudeColumn
    rows {{ {ROW} }}
  }}
  {PROBLEM}
}} }}"""
UPDATE_ROW = f"""mutation($o: ID!, $s: ID!, $v: Int!, $input: OverviewRowInput!) {{
  updateOverviewRow(overviewId: $o, studentId: $s, expectedVersion: $v, input: $input) {{
    __typename ... on GroupOverviewRow {{ id version observations instructionLevel }}
    {PROBLEM} }} }}"""
CREATE_SIGNAL = f"""mutation($o: ID!, $input: SignalInput!) {{
  createSignal(overviewId: $o, input: $input) {{
    __typename ... on Signal {{ {SIGNAL} }} {PROBLEM} }} }}"""
CREATE_NEED = f"""mutation($s: ID!, $input: EducationalNeedInput!) {{
  createNeed(studentId: $s, input: $input) {{
    __typename ... on EducationalNeed {{ {NEED} }} {PROBLEM} }} }}"""
UPDATE_NEED = f"""mutation($id: ID!, $v: Int!, $input: EducationalNeedInput!) {{
  updateNeed(needId: $id, expectedVersion: $v, input: $input) {{
    __typename ... on EducationalNeed {{ id version goals {{ id text }} }} {PROBLEM} }} }}"""
PLAN = f"""id planStatus version overviewId weeks midtermReviewRequired
  rows {{ id target name studentIds needIds goals {{ {GOAL} }}
    outcomes {{ studentId goalId result }} activitiesDone continuation }}
  students {{ id familyName }} amendments {{ id text }} hints {{ code pointer }} editable"""
CREATE_PLAN = f"""mutation($o: ID!, $input: GroupPlanInput!) {{
  createGroupPlan(overviewId: $o, input: $input) {{
    __typename ... on GroupPlan {{ {PLAN} }} {PROBLEM} }} }}"""
TRANSITION = f"""mutation($id: ID!, $v: Int!, $action: String!, $m: MidtermReviewInput,
    $e: GroupPlanEvaluationInput) {{
  transitionGroupPlan(planId: $id, expectedVersion: $v, action: $action, midtermReview: $m,
      evaluation: $e) {{
    __typename ... on GroupPlan {{ {PLAN} }} {PROBLEM} }} }}"""
READS = f"""query($o: ID!, $g: ID!, $p: ID!, $s: ID!) {{
  groupOverview(id: $o) {{ __typename ... on GroupOverview {{ id }} {PROBLEM} }}
  groupOverviews(groupId: $g) {{
    __typename ... on GroupOverviewList {{ items {{ id planId planStatus signalCount }} }}
    {PROBLEM} }}
  groupPlan(id: $p) {{ __typename ... on GroupPlan {{ id planStatus }} {PROBLEM} }}
  studentNeeds(studentId: $s) {{
    __typename ... on EducationalNeedList {{ items {{ id }} }} {PROBLEM} }}
  studentTimeline(studentId: $s) {{
    __typename ... on StudentTimeline {{ items {{ kind title refId link }} }} {PROBLEM} }}
  developmentPerspective(studentId: $s) {{
    __typename ... on DevelopmentPerspective {{ id state }} {PROBLEM} }}
}}"""


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


async def rest(
    client: httpx.AsyncClient,
    world: World,
    role: str,
    method: str,
    path: str,
    body: Any = None,
    expect: int = 200,
    **headers: str,
) -> Any:
    resp = await call(client, world, role, method, f"/api/v1{path}", body, **headers)
    assert resp.status_code == expect, resp.text
    return resp.json() if resp.content else None


async def start_overview(client: httpx.AsyncClient, world: World) -> dict[str, Any]:
    """A cycle period of 8 weeks (zorgcoördinator) and group 1A's overview (its mentor)."""
    return await hgw.overview(client, world, "gr-1a", await hgw.period(client, world, 1, START))


def camel(value: Any) -> Any:
    """A REST body as GraphQL input: the same values under camelCase names."""
    if isinstance(value, list):
        return [camel(v) for v in value]
    if isinstance(value, dict):
        return {re.sub(r"_([a-z])", lambda m: m[1].upper(), k): camel(v) for k, v in value.items()}
    return value


def need_input(ov: dict[str, Any]) -> dict[str, Any]:
    """The need the REST tests name, as a GraphQL EducationalNeedInput."""
    return dict(camel(need_body(ov["id"], START)))


async def fill(
    client: httpx.AsyncClient, world: World, overview: dict[str, Any], every: int
) -> int:
    """Results and SEO scores for every student of the overview; a signal, a need and row text
    for every `every`-th one. Returns the number of signalled students."""
    taken_on = overview["starts_on"]
    signalled = 0
    for i, row in enumerate(overview["rows"]):
        sid = row["student_id"]
        for domain, score in (("TL", 40 + i), ("RK", 55.5)):
            await rest(
                client, world, "mentor", "POST", f"/students/{sid}/results",
                {"kind": "test", "domain": domain, "instrument": "Cito", "taken_on": taken_on,
                 "score": score, "level": "III"},
                expect=201,
            )  # fmt: skip
        await rest(
            client, world, "mentor", "POST", f"/students/{sid}/results",
            {"kind": "seo", "domain": "Welbevinden", "instrument": "SVL", "respondent": "student",
             "taken_on": taken_on, "score": 3.5},
            expect=201,
        )  # fmt: skip
        if i % every:
            continue
        signalled += 1
        await rest(
            client, world, "mentor", "POST", f"/overviews/{overview['id']}/signals",
            {"student_id": sid, "category": "basic_skill_delay", "mode": "reactive",
             "basis": ["test"], "note": "Technisch lezen blijft achter"},
            expect=201,
        )  # fmt: skip
        await rest(
            client, world, "mentor", "POST", f"/overviews/{overview['id']}/signals",
            {"student_id": sid, "category": "home_situation", "mode": "reactive",
             "basis": ["conversation"]},
            expect=201,
        )  # fmt: skip
        body = need_body(overview["id"], START)
        await rest(client, world, "mentor", "POST", f"/students/{sid}/needs", body, expect=201)
        await rest(
            client, world, "mentor", "PATCH", f"/overviews/{overview['id']}/rows/{sid}",
            {"observations": "Werkt goed samen", "particulars": "Dyslexie",
             "instruction_level": "dependent"},
            **{"If-Match": f'"v{row["version"]}"'},
        )  # fmt: skip
    return signalled


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


# -- the whole overview in a fixed number of statements -------------------------------------
async def test_group_overview_statement_count_does_not_grow_with_the_group(
    client: httpx.AsyncClient, factory: WorldFactory, count_statements: StatementCounter
) -> None:
    measured: dict[int, tuple[int, int]] = {}
    for extra in (2, 32):  # group 1A: 3 + extra students
        world = await factory.build(payload=bigger_payload(extra))
        overview = await start_overview(client, world)
        signalled = await fill(client, world, overview, every=2)
        headers = await world.headers("mentor")

        before = count_statements.count
        resp = await client.post(
            "/graphql",
            json={"query": GROUP_OVERVIEW, "variables": {"id": overview["id"]}},
            headers=headers,
        )
        graphql_count = count_statements.count - before
        body = resp.json()
        assert "errors" not in body, body
        data = body["data"]["groupOverview"]
        assert data["__typename"] == "GroupOverview"

        before = count_statements.count
        over_rest = await client.get(f"/api/v1/overviews/{overview['id']}", headers=headers)
        rest_count = count_statements.count - before
        assert over_rest.status_code == 200

        rows = data["rows"]
        assert len(rows) == 3 + extra
        assert sum(1 for r in rows if r["signals"]) == signalled
        assert all(len(r["results"]) == 3 for r in rows)
        marked = [r for r in rows if r["needs"]]
        assert len(marked) == signalled
        first = marked[0]
        assert {s["category"] for s in first["signals"]} == {"basic_skill_delay", "home_situation"}
        assert first["particulars"] == "Dyslexie" and first["instructionLevel"] == "dependent"
        assert first["needs"][0]["goals"][0]["measure"] == "methodetoets breuken"
        assert first["needs"][0]["items"][0]["category"] == "instruction"
        assert data["testDomains"] == ["TL", "BL", "SP", "RK"] and data["seoCategories"]
        # The same rows, results, signals and needs as REST gives.
        by_rest = {r["student_id"]: r for r in over_rest.json()["rows"]}
        for row in rows:
            other = by_rest[row["studentId"]]
            assert [x["id"] for x in row["results"]] == [x["id"] for x in other["results"]]
            assert [x["id"] for x in row["signals"]] == [x["id"] for x in other["signals"]]
            assert [x["id"] for x in row["needs"]] == [x["id"] for x in other["needs"]]
            assert (row["version"], row["particulars"]) == (other["version"], other["particulars"])
        measured[3 + extra] = (graphql_count, rest_count)

    (small, small_rest), (large, large_rest) = measured[5], measured[35]
    assert large == small, measured
    assert large_rest == small_rest, measured
    # 17 today: session (4), school context, the overview (11 reads), one audit insert.
    assert large <= 20, measured


async def test_a_teacher_does_not_see_particulars_or_home_situation_signals(
    client: httpx.AsyncClient, world: World
) -> None:
    overview = await start_overview(client, world)
    await fill(client, world, overview, every=1)
    data = (await gql(client, world, "hb_specialist", GROUP_OVERVIEW, id=overview["id"]))[
        "groupOverview"
    ]
    assert data["__typename"] == "GroupOverview"
    assert all(r["particulars"] is None for r in data["rows"])  # HB: not restricted
    assert {s["category"] for r in data["rows"] for s in r["signals"]} == {"basic_skill_delay"}
    # Staff see every group of their school, but the maths teacher of 2B teaches no one of 1A
    # and the privacy officer works with no group: a Problem, not null.
    for role in ("teacher", "privacy_officer"):
        refused = (await gql(client, world, role, GROUP_OVERVIEW, id=overview["id"]))[
            "groupOverview"
        ]
        assert (refused["__typename"], refused["code"], refused["status"]) == (
            "Problem",
            "forbidden",
            403,
        ), role


# -- mutations --------------------------------------------------------------------------------
async def test_signal_and_row_round_trip_with_a_stale_version(
    client: httpx.AsyncClient, world: World
) -> None:
    overview = await start_overview(client, world)
    sid = str(world.students["ll-1"])
    signal_input = {
        "studentId": sid,
        "category": "learning_lead",
        "mode": "proactive",
        "basis": ["test", "observation"],
    }
    signal = (
        await gql(client, world, "mentor", CREATE_SIGNAL, o=overview["id"], input=signal_input)
    )["createSignal"]
    assert signal["__typename"] == "Signal", signal
    assert (signal["studentId"], signal["basis"], signal["note"]) == (
        sid,
        ["test", "observation"],
        "",
    )
    again = (
        await gql(client, world, "mentor", CREATE_SIGNAL, o=overview["id"], input=signal_input)
    )["createSignal"]
    assert (again["code"], again["status"]) == ("conflict", 409)
    invalid = (
        await gql(
            client,
            world,
            "mentor",
            CREATE_SIGNAL,
            o=overview["id"],
            input={**signal_input, "category": "talent", "basis": []},
        )
    )["createSignal"]
    assert invalid["code"] == "validation-failed"
    assert invalid["errors"][0]["pointer"] == "/basis"

    read = (await gql(client, world, "mentor", GROUP_OVERVIEW, id=overview["id"]))["groupOverview"]
    row = next(r for r in read["rows"] if r["studentId"] == sid)
    assert [s["id"] for s in row["signals"]] == [signal["id"]]
    version = row["version"]

    changed = (
        await gql(
            client,
            world,
            "mentor",
            UPDATE_ROW,
            o=overview["id"],
            s=sid,
            v=version,
            input={"observations": "Vraagt om verdieping", "instructionLevel": "independent"},
        )
    )["updateOverviewRow"]
    assert changed["__typename"] == "GroupOverviewRow", changed
    assert changed["version"] == version + 1
    assert (changed["observations"], changed["instructionLevel"]) == (
        "Vraagt om verdieping",
        "independent",
    )

    stale = (
        await gql(
            client,
            world,
            "mentor",
            UPDATE_ROW,
            o=overview["id"],
            s=sid,
            v=version,
            input={"observations": "Overschreven?"},
        )
    )["updateOverviewRow"]
    assert (stale["__typename"], stale["code"], stale["status"]) == (
        "Problem",
        "version-mismatch",
        412,
    )
    assert stale["extensions"] == {"current_version": version + 1}

    # Omitted cells stay; an explicit null clears the instruction level.
    cleared = (
        await gql(
            client,
            world,
            "mentor",
            UPDATE_ROW,
            o=overview["id"],
            s=sid,
            v=version + 1,
            input={"instructionLevel": None},
        )
    )["updateOverviewRow"]
    assert (cleared["observations"], cleared["instructionLevel"]) == ("Vraagt om verdieping", None)

    bogus = (
        await gql(
            client,
            world,
            "mentor",
            UPDATE_ROW,
            o=overview["id"],
            s=sid,
            v=version + 2,
            input={"instructionLevel": "sometimes"},
        )
    )["updateOverviewRow"]
    assert bogus["errors"][0]["pointer"] == "/instruction_level"
    # The maths teacher of 2B does not work with 1A: refused, and nothing is written.
    teacher = (
        await gql(client, world, "teacher", UPDATE_ROW, o=overview["id"], s=sid, v=1, input={})
    )["updateOverviewRow"]
    assert teacher["code"] == "forbidden"


async def test_needs_over_graphql(client: httpx.AsyncClient, world: World) -> None:
    overview = await start_overview(client, world)
    sid = str(world.students["ll-2"])
    need = (await gql(client, world, "mentor", CREATE_NEED, s=sid, input=need_input(overview)))[
        "createNeed"
    ]
    assert need["__typename"] == "EducationalNeed", need
    assert (need["version"], need["scope"], need["overviewId"]) == (
        1,
        "cross_subject",
        overview["id"],
    )
    assert need["goals"][0]["id"]  # a goal gets its identity on creation
    assert need["items"] == [
        {"category": "instruction", "phrase": "verlengd is", "text": "met voordoen"}
    ]

    no_goals = {**need_input(overview), "goals": []}
    refused = (await gql(client, world, "mentor", CREATE_NEED, s=sid, input=no_goals))["createNeed"]
    assert (refused["code"], refused["errors"][0]["pointer"]) == ("validation-failed", "/goals")
    bad_goal = {**need_input(overview), "goals": [{"text": "x", "id": "not-a-uuid"}]}
    refused = (await gql(client, world, "mentor", CREATE_NEED, s=sid, input=bad_goal))["createNeed"]
    assert refused["errors"][0]["pointer"] == "/goals/0/id"

    goal = need["goals"][0]
    edit = {
        **need_input(overview),
        "goals": [{"id": goal["id"], "text": "Leest in 8 weken 20 woorden per minuut meer"}],
    }
    updated = (await gql(client, world, "mentor", UPDATE_NEED, id=need["id"], v=1, input=edit))[
        "updateNeed"
    ]
    assert updated["version"] == 2 and updated["goals"][0]["id"] == goal["id"]
    stale = (await gql(client, world, "mentor", UPDATE_NEED, id=need["id"], v=1, input=edit))[
        "updateNeed"
    ]
    assert stale["code"] == "version-mismatch"

    listed = await gql(
        client,
        world,
        "mentor",
        READS,
        o=overview["id"],
        g=str(world.groups["gr-1a"]),
        p=str(uuid.uuid4()),
        s=sid,
    )
    assert listed["studentNeeds"]["items"] == [{"id": need["id"]}]
    assert [i["kind"] for i in listed["studentTimeline"]["items"]] == ["need"]
    assert listed["groupOverviews"]["items"] == [
        {"id": overview["id"], "planId": None, "planStatus": None, "signalCount": 0}
    ]
    assert listed["groupPlan"] is None
    assert listed["developmentPerspective"] is None  # the student has no OPP
    # The maths teacher works with ll-4 but the OPP is not for teachers: a Problem.
    teacher = await gql(
        client,
        world,
        "teacher",
        READS,
        o=overview["id"],
        g=str(world.groups["gr-1a"]),
        p=str(uuid.uuid4()),
        s=str(world.students["ll-4"]),
    )
    assert teacher["developmentPerspective"]["code"] == "forbidden"
    assert teacher["studentNeeds"]["__typename"] == "EducationalNeedList"
    assert teacher["groupOverview"]["code"] == teacher["groupOverviews"]["code"] == "forbidden"


async def test_the_group_plan_lifecycle_over_graphql(
    client: httpx.AsyncClient, world: World
) -> None:
    overview = await start_overview(client, world)
    await fill(client, world, overview, every=2)  # 2 of 1A's 3 students are signalled
    starts_on = date.fromisoformat(overview["starts_on"])
    plan_input = {
        "startsOn": starts_on.isoformat(),
        "endsOn": (starts_on + timedelta(weeks=8)).isoformat(),
    }
    teacher = (
        await gql(client, world, "teacher", CREATE_PLAN, o=overview["id"], input=plan_input)
    )["createGroupPlan"]
    assert teacher["code"] == "forbidden"
    plan = (await gql(client, world, "mentor", CREATE_PLAN, o=overview["id"], input=plan_input))[
        "createGroupPlan"
    ]
    assert plan["__typename"] == "GroupPlan", plan
    assert (plan["planStatus"], plan["version"], plan["midtermReviewRequired"]) == (
        "draft",
        1,
        False,
    )
    basis, subgroup = plan["rows"]
    assert basis["target"] == "basis" and subgroup["target"] == "subgroup"
    assert len(subgroup["studentIds"]) == 2 and len(subgroup["needIds"]) == 2
    assert {s["id"] for s in plan["students"]} == set(subgroup["studentIds"])

    twice = (await gql(client, world, "mentor", CREATE_PLAN, o=overview["id"], input=plan_input))[
        "createGroupPlan"
    ]
    assert twice["code"] == "invalid-transition"

    async def step(version: int, action: str, **payload: Any) -> dict[str, Any]:
        result = await gql(
            client, world, "mentor", TRANSITION, id=plan["id"], v=version, action=action, **payload
        )
        return dict(result["transitionGroupPlan"])

    assert (await step(7, "activate"))["code"] == "version-mismatch"
    missing = await step(1, "evaluate")
    assert (missing["code"], missing["errors"][0]["pointer"]) == (
        "validation-failed",
        "/evaluation",
    )
    extra = await step(1, "activate", m={"review": "Loopt"})
    assert extra["errors"] == [{"pointer": "/midterm_review", "detail": "Not taken by this step"}]
    unknown = await step(1, "publish")
    assert unknown["errors"][0]["pointer"] == "/action"
    active = await step(1, "activate")
    assert (active["planStatus"], active["version"]) == ("active", 2)
    assert (await step(2, "archive"))["code"] == "invalid-transition"

    # Evaluating every row but one goal of one student: the guard lists what is missing.
    rows = []
    for row in active["rows"]:
        outcomes = [
            {"studentId": s, "goalId": g["id"], "result": "reached"}
            for s in row["studentIds"]
            for g in row["goals"]
        ]
        rows.append(
            {
                "rowId": row["id"],
                "activitiesDone": True,
                "outcomes": outcomes,
                "continuation": "continue",
            }
        )
    partial = [rows[0], {**rows[1], "outcomes": rows[1]["outcomes"][1:]}]
    guard = await step(2, "evaluate", e={"rows": partial, "finalEvaluation": "Goed verlopen"})
    assert (guard["code"], guard["status"]) == ("transition-guard-failed", 422)
    first = rows[1]["outcomes"][0]
    assert guard["extensions"]["missing"] == [
        f"rows/{rows[1]['rowId']}/outcomes/{first['studentId']}/{first['goalId']}"
    ]
    evaluated = await step(2, "evaluate", e={"rows": rows, "finalEvaluation": "Goed verlopen"})
    assert (evaluated["planStatus"], evaluated["version"]) == ("evaluated", 3)
    assert evaluated["rows"][1]["outcomes"][0]["result"] == "reached"
    assert evaluated["rows"][1]["activitiesDone"] is True
    archived = await step(3, "archive")
    assert (archived["planStatus"], archived["editable"]) == ("archived", False)

    # Care staff read the archived plan, its place in the overview list and the timeline.
    read = await gql(
        client,
        world,
        "zorgcoordinator",
        READS,
        o=overview["id"],
        g=str(world.groups["gr-1a"]),
        p=plan["id"],
        s=str(world.students["ll-1"]),
    )
    assert read["groupPlan"] == {
        "__typename": "GroupPlan",
        "id": plan["id"],
        "planStatus": "archived",
    }
    assert read["groupOverviews"]["items"][0]["planStatus"] == "archived"
    kinds = {i["kind"] for i in read["studentTimeline"]["items"]}
    assert {"signal", "need", "group_plan"} <= kinds


# -- same audit as REST -----------------------------------------------------------------------
async def test_graphql_mutations_write_the_same_audit_as_rest(
    client: httpx.AsyncClient, factory: WorldFactory, world: World
) -> None:
    overview = await start_overview(client, world)
    rows = {r["student_id"]: r for r in overview["rows"]}
    over_graphql, over_rest = world.students["ll-1"], world.students["ll-2"]

    signal = {"category": "behaviour_seo", "mode": "reactive", "basis": ["observation"]}
    result = await gql(
        client,
        world,
        "mentor",
        CREATE_SIGNAL,
        o=overview["id"],
        input={**signal, "studentId": str(over_graphql)},
    )
    assert result["createSignal"]["__typename"] == "Signal"
    await rest(
        client,
        world,
        "mentor",
        "POST",
        f"/overviews/{overview['id']}/signals",
        {**signal, "student_id": str(over_rest)},
        expect=201,
    )

    cells = {"observations": "Rustig", "agreements": "Elke week een gesprek"}
    result = await gql(
        client,
        world,
        "mentor",
        UPDATE_ROW,
        o=overview["id"],
        s=str(over_graphql),
        v=rows[str(over_graphql)]["version"],
        input=cells,
    )
    assert result["updateOverviewRow"]["__typename"] == "GroupOverviewRow"
    await rest(
        client,
        world,
        "mentor",
        "PATCH",
        f"/overviews/{overview['id']}/rows/{over_rest}",
        cells,
        **{"If-Match": f'"v{rows[str(over_rest)]["version"]}"'},
    )

    result = await gql(
        client, world, "mentor", CREATE_NEED, s=str(over_graphql), input=need_input(overview)
    )
    assert result["createNeed"]["__typename"] == "EducationalNeed"
    body = need_body(overview["id"], START)
    await rest(client, world, "mentor", "POST", f"/students/{over_rest}/needs", body, expect=201)

    # A refused GraphQL write leaves nothing behind, as a refused REST write does.
    refused = await gql(
        client,
        world,
        "mentor",
        UPDATE_ROW,
        o=overview["id"],
        s=str(over_graphql),
        v=1,
        input={"observations": "Te laat"},
    )
    assert refused["updateOverviewRow"]["code"] == "version-mismatch"

    actions = ("signal.create", "overview_row.update", "need.create")
    graphql_audit = await audit_rows(factory, world, actions, "ll-1")
    assert [a for a, *_ in graphql_audit] == list(actions)
    assert graphql_audit[0][3] == f"user:{world.users['mentor']}"
    assert graphql_audit == await audit_rows(factory, world, actions, "ll-2")


# -- nothing of another school ----------------------------------------------------------------
async def test_another_schools_records_are_null(
    client: httpx.AsyncClient, factory: WorldFactory, world: World
) -> None:
    other = await factory.build()
    overview = await start_overview(client, other)
    starts_on = date.fromisoformat(overview["starts_on"])
    plan = await rest(
        client,
        other,
        "mentor",
        "POST",
        f"/overviews/{overview['id']}/plan",
        {
            "starts_on": starts_on.isoformat(),
            "ends_on": (starts_on + timedelta(weeks=8)).isoformat(),
        },
        expect=201,
    )
    variables = {
        "o": overview["id"],
        "g": str(other.groups["gr-1a"]),
        "p": plan["id"],
        "s": str(other.students["ll-1"]),
    }
    nothing = dict.fromkeys(
        [
            "groupOverview",
            "groupOverviews",
            "groupPlan",
            "studentNeeds",
            "studentTimeline",
            "developmentPerspective",
        ]
    )
    for role in ("mentor", "zorgcoordinator", "school_leader", "privacy_officer"):
        assert await gql(client, world, role, READS, **variables) == nothing, role
    unparsable = dict.fromkeys(variables, "not-an-id")
    assert await gql(client, world, "school_leader", READS, **unparsable) == nothing

    sid = str(other.students["ll-1"])
    writes: list[tuple[str, str, dict[str, Any]]] = [
        (
            "createSignal",
            CREATE_SIGNAL,
            {"o": overview["id"], "input": {"studentId": sid, "category": "talent",
                                            "mode": "proactive", "basis": ["test"]}},
        ),
        ("updateOverviewRow", UPDATE_ROW, {"o": overview["id"], "s": sid, "v": 1, "input": {}}),
        ("createNeed", CREATE_NEED, {"s": sid, "input": need_input(overview)}),
        ("createGroupPlan", CREATE_PLAN, {"o": overview["id"], "input": {
            "startsOn": overview["starts_on"], "endsOn": overview["ends_on"]}}),
        ("transitionGroupPlan", TRANSITION, {"id": plan["id"], "v": 1, "action": "activate"}),
        ("updateNeed", UPDATE_NEED, {"id": "nope", "v": 1, "input": need_input(overview)}),
    ]  # fmt: skip
    for name, query, arguments in writes:
        result = (await gql(client, world, "zorgcoordinator", query, **arguments))[name]
        assert (result["code"], result["status"]) == ("not-found", 404), (name, result)
