"""Case board benchmark: the zorgbord of the 'vo-izo-zat' route with 50 and with 500 open cases,
over REST and GraphQL, and the care dashboard of the same school.

    .venv/bin/python bench/case_board.py                      # 50 and 500 cases, 100 runs each
    .venv/bin/python bench/case_board.py --cases 1000 --runs 50

Starts a throw-away embedded PostgreSQL under .data/bench/, migrates it and builds the app
in-process. For every size N a fresh school: a roster of N students synced as the LVS does
(homerooms of 25, a mentor each, and a zorgcoördinator), a zorgcoördinator account with a real
session, the 'vo-izo-zat' route installed from its template through the route service, and one
open case per student, inserted directly with the fields `open_case` sets (spread over the
route's open states, with evaluation dates, action items, interventions, submitted
registrations and SWV requests). Then it times, each `--runs` times after a warm-up:

* `rest GET case-board`: GET /api/v1/schools/{id}/case-board?route_key=vo-izo-zat over ASGI
  in-process (session cookie, unit of work, service, audit row, commit, serialisation);
* `graphql caseBoard`: POST /graphql with every field of `caseBoard`;
* `service case_board`: the service alone in its own unit of work (audit and commit included);
* `rest GET care-deadlines`: the care dashboard (`board.dashboard`) over REST.

Not a test: nothing here asserts a time. It exits non-zero when an answer is wrong, or when the
statements of one board request differ between the sizes (the board is meant to be read in a
fixed number of queries, whatever the number of cases).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

import benchlib
import httpx
from benchlib import STUDENTS_PER_GROUP, Account, StatementCounter, Timing
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.cases import board, route_admin
from zorgroute.cases.models import (
    ActionItem,
    CareCase,
    CaseEvent,
    CaseRegistration,
    Intervention,
    SwvRequest,
)
from zorgroute.cases.schemas import RouteCreate
from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.main import create_app
from zorgroute.settings import Settings

DEFAULT_SIZES = (50, 500)
ROUTE = "vo-izo-zat"  # the route's key and its template
SOON = timedelta(days=14)  # the dashboard's horizon (board.SOON)
ZOCO = "st-zoco"

CARD = """id studentId studentName groupNames routeKey routeRevision state stateName level
  complexity coordinator { id name } mentors openedAt stateSince closedAt nextDeadline
  nextDeadlineLabel overdue version"""
BOARD_QUERY = f"""query($s: ID!, $key: String!) {{ caseBoard(schoolId: $s, routeKey: $key) {{
  __typename
  ... on CaseBoard {{
    route {{ id key revision name template createdAt createdBy openCases }}
    columns {{ state name level closed cards {{ {CARD} }} }}
  }}
  ... on Problem {{ code detail }}
}} }}"""


@dataclass
class Expected:
    """What the board and the dashboard must show, computed from what was seeded."""

    states: list[str]  # the route's open states, in the template's order
    cards: dict[str, dict[str, Any]] = field(default_factory=dict)  # case id -> card fields
    deadlines: Counter[str] = field(default_factory=Counter)  # dashboard kind -> items


@dataclass
class Seeded:
    size: int
    school_id: uuid.UUID
    care: Principal
    headers: dict[str, str]
    expected: Expected


# -- seeding --------------------------------------------------------------------------------
def next_deadline(candidates: list[tuple[date, str]]) -> tuple[date | None, str | None]:
    """The earliest of the case's evaluation, open action items and intervention evaluations
    (`reads.next_deadlines`)."""
    return min(candidates) if candidates else (None, None)


async def seed(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, n: int
) -> Seeded:
    """The route through the route service; one open case per student inserted directly."""
    school = await benchlib.create_school(
        sessionmaker, settings, benchlib.homeroom_roster(n, ZOCO, "Zorgcoordinator", "Medewerker"),
        [Account("zorgcoordinator", "Zorgcoordinator", staff=ZOCO)],
    )  # fmt: skip
    school_id, refs, token = school.id, school.refs, school.tokens["zorgcoordinator"]
    care = await benchlib.principal_of(sessionmaker, settings, token)
    groups = benchlib.group_count(n)
    today = utcnow().date()
    horizon = today + SOON
    async with sessionmaker() as session:
        uow = UnitOfWork(session, request_id="bench-seed", actor=care)
        await uow.set_school_context([school_id])
        route = await route_admin.create_route(
            uow, care, school_id, RouteCreate(key=ROUTE, template=ROUTE)
        )
        states = [s.key for s in route.definition.states if not s.closed]
        state_names = {s.key: (s.name, s.level) for s in route.definition.states}
        expected = Expected(states=states)
        base = utcnow() - timedelta(days=120)
        cases: list[CareCase] = []
        for i in range(n):
            k = benchlib.group_of(i, groups)
            coordinator = (refs[ZOCO], refs[f"st-{k}"], None)[i % 3]
            since = base + timedelta(minutes=i)
            cases.append(
                CareCase(
                    school_id=school_id,
                    student_id=refs[f"s-{i}"],
                    route_id=route.id,
                    state=states[i % len(states)],
                    state_since=since,
                    complexity="complex" if i % 10 == 0 else "regular",
                    origin="manual",
                    registrant_user_id=care.user_id,
                    registrant_name=care.display_name,
                    coordinator_staff_id=coordinator,
                    reasons=["Leerproblemen"],
                    help_question_student="Ik wil beter leren plannen.",
                    guidance_question="Hoe helpen we bij het plannen?",
                    evaluation_on=today + timedelta(days=i % 60 - 20) if i % 2 == 0 else None,
                    opened_at=since - timedelta(days=1),
                )
            )
        uow.add_all(cases)
        await uow.flush()
        follow_up: list[Any] = []
        for i, case in enumerate(cases):
            candidates: list[tuple[date, str]] = []
            follow_up.append(
                CaseEvent(
                    school_id=school_id, case_id=case.id, kind="opened", action="open_izo",
                    to_state=case.state, actor_name=care.display_name,
                    details={"origin": "manual", "route": ROUTE, "revision": 1},
                    at=case.opened_at,
                )
            )  # fmt: skip
            if case.evaluation_on is not None:
                candidates.append((case.evaluation_on, "Evaluatie"))
                if case.evaluation_on <= horizon:
                    expected.deadlines["case_evaluation"] += 1
            if i % 4 == 0:  # an open action item, some overdue
                due = today + timedelta(days=i % 40 - 15)
                follow_up.append(
                    ActionItem(
                        school_id=school_id, case_id=case.id, description="Gesprek met de mentor",
                        owner_name="Mentor", due_on=due,
                    )
                )  # fmt: skip
                candidates.append((due, "Actiepunt"))
                if due <= horizon:
                    expected.deadlines["action_item"] += 1
            if i % 8 == 0:  # and a finished one, which is no deadline
                follow_up.append(
                    ActionItem(
                        school_id=school_id, case_id=case.id, description="Dossier opvragen",
                        owner_name="Zorgcoordinator", due_on=today - timedelta(days=30),
                        status="done", done_at=utcnow(),
                    )
                )  # fmt: skip
            if i % 5 == 0:  # a running intervention with an evaluation date
                evaluation = today + timedelta(days=i % 30 - 5)
                follow_up.append(
                    Intervention(
                        school_id=school_id, case_id=case.id, kind="homework_support",
                        goal="Zelfstandig de weektaak plannen", provider="Huiswerkbegeleiding",
                        starts_on=today - timedelta(days=30), evaluation_on=evaluation,
                        status="running",
                    )
                )  # fmt: skip
                candidates.append((evaluation, "Evaluatie interventie"))
                if evaluation <= horizon:
                    expected.deadlines["intervention_evaluation"] += 1
            if i % 10 == 5:  # an ended one, which is no deadline
                follow_up.append(
                    Intervention(
                        school_id=school_id, case_id=case.id, kind="counselling",
                        goal="Omgaan met faalangst", provider="Orthopedagoog",
                        starts_on=today - timedelta(days=90), ends_on=today - timedelta(days=10),
                        evaluation_on=today - timedelta(days=10), status="ended",
                        outcome="Doelen gehaald", effect_student="effective",
                    )
                )  # fmt: skip
            if case.state in ("izo_submitted", "zat_submitted"):
                follow_up.append(
                    CaseRegistration(
                        school_id=school_id, case_id=case.id, kind=case.state[:3],
                        status="submitted", form={"problem": "Plant slecht"},
                        submitted_at=utcnow() - timedelta(days=i % 10),
                        submitted_by=care.display_name,
                    )
                )  # fmt: skip
                expected.deadlines["registration_waiting"] += 1
            if case.state == "swv_arrangement":
                follow_up.append(
                    SwvRequest(
                        school_id=school_id, case_id=case.id, request_type="ambulant_support",
                        goals="Ambulante begeleiding bij plannen en organiseren",
                        requested_start=today + timedelta(days=14),
                        requested_on=today - timedelta(days=i % 70),
                    )
                )  # fmt: skip
                expected.deadlines["swv_start"] += 1
            due_on, label = next_deadline(candidates)
            name, level = state_names[case.state]
            k = benchlib.group_of(i, groups)
            expected.cards[str(case.id)] = {
                "student_name": benchlib.student_name(i),
                "group_names": [benchlib.group_name(k)],
                "mentors": [f"Mentor Medewerker{k}"],
                "state": case.state,
                "state_name": name,
                "level": level,
                "coordinator": str(case.coordinator_staff_id)
                if case.coordinator_staff_id
                else None,
                "next_deadline": due_on.isoformat() if due_on else None,
                "next_deadline_label": label,
                "overdue": due_on is not None and due_on < today,
            }
        uow.add_all(follow_up)
        await uow.flush()
        await uow.commit()
    return Seeded(n, school_id, care, benchlib.session_headers(token, care), expected)


# -- checks ---------------------------------------------------------------------------------
def snake(card: dict[str, Any]) -> dict[str, Any]:
    """A GraphQL card in the REST names."""
    names = {
        "studentName": "student_name", "groupNames": "group_names", "stateName": "state_name",
        "nextDeadline": "next_deadline", "nextDeadlineLabel": "next_deadline_label",
        "stateSince": "state_since",
    }  # fmt: skip
    return {names.get(k, k): v for k, v in card.items()}


def check_board(where: str, found: dict[str, Any], seeded: Seeded) -> list[str]:
    """The board has a column per open state in the route's order, each case on its state's
    column once (oldest state first) with the name, group, mentor, coordinator and next
    deadline it was seeded with. Returns what is wrong."""
    expected = seeded.expected
    errors = []
    route = found["route"]
    open_cases = route.get("open_cases", route.get("openCases"))
    if (route["key"], route["revision"], open_cases) != (ROUTE, 1, seeded.size):
        errors.append(f"{where}: route {route}")
    states = [c["state"] for c in found["columns"]]
    if states != expected.states:
        errors.append(f"{where}: columns {states} != {expected.states}")
    seen: set[str] = set()
    for column in found["columns"]:
        cards = [snake(c) for c in column["cards"]]
        since = [c["state_since"] for c in cards]
        if since != sorted(since, key=datetime.fromisoformat):
            errors.append(f"{where}: column {column['state']} not ordered by state_since")
        for card in cards:
            want = expected.cards.get(card["id"])
            if want is None or card["id"] in seen:
                errors.append(f"{where}: unexpected or repeated card {card['id']}")
                continue
            seen.add(card["id"])
            got = {k: card[k] for k in want if k != "coordinator"}
            got["coordinator"] = card["coordinator"]["id"] if card["coordinator"] else None
            if got != want:
                errors.append(f"{where}: card {card['id']}: {got} != {want}")
            if card["state"] != column["state"]:
                errors.append(f"{where}: card {card['id']} in column {column['state']}")
    if len(seen) != seeded.size:
        errors.append(f"{where}: {len(seen)} cards, expected {seeded.size}")
    return errors[:5]


def check_dashboard(found: dict[str, Any], seeded: Seeded) -> list[str]:
    kinds = Counter(i["kind"] for i in found["items"])
    errors = []
    if kinds != seeded.expected.deadlines:
        errors.append(f"dashboard: items {dict(kinds)} != {dict(seeded.expected.deadlines)}")
    if found["metrics"]["open_cases"] != seeded.size:
        errors.append(f"dashboard: open_cases {found['metrics']['open_cases']} != {seeded.size}")
    order = [(not i["overdue"], i["due_on"]) for i in found["items"]]
    if order != sorted(order):
        errors.append("dashboard: items not overdue first, then by due date")
    if any(not i["student_name"] for i in found["items"]):
        errors.append("dashboard: an item without the student's name")
    return errors


# -- the contenders -------------------------------------------------------------------------
async def measure(
    app: Any, client: httpx.AsyncClient, counter: StatementCounter, seeded: Seeded, runs: int,
    warmup: int,
) -> list[Timing]:  # fmt: skip
    school = str(seeded.school_id)

    async def rest_board() -> dict[str, Any]:
        url = f"/api/v1/schools/{school}/case-board?route_key={ROUTE}"
        return await benchlib.get_json(client, url, seeded.headers, "rest board")

    async def graphql_board() -> dict[str, Any]:
        return await benchlib.graphql_data(
            client, BOARD_QUERY, {"s": school, "key": ROUTE}, seeded.headers, "caseBoard",
            "graphql board", typename="CaseBoard",
        )  # fmt: skip

    async def service_board() -> dict[str, Any]:
        async with app.state.sessionmaker() as session:
            uow = UnitOfWork(session, request_id="bench", actor=seeded.care)
            await uow.set_school_context(seeded.care.school_ids)
            found = await board.case_board(uow, seeded.care, seeded.school_id, ROUTE, False)
            await uow.commit()
        return found.model_dump(mode="json")

    async def rest_dashboard() -> dict[str, Any]:
        url = f"/api/v1/schools/{school}/care-deadlines"
        return await benchlib.get_json(client, url, seeded.headers, "rest dashboard")

    errors = [
        *check_board("rest", await rest_board(), seeded),
        *check_board("graphql", await graphql_board(), seeded),
        *check_board("service", await service_board(), seeded),
        *check_dashboard(await rest_dashboard(), seeded),
    ]
    if errors:
        raise SystemExit("wrong answers:\n  " + "\n  ".join(errors))
    print(f"timing {runs} runs each ...", file=sys.stderr, flush=True)
    return [
        await benchlib.time_runs("rest GET case-board", runs, warmup, counter, rest_board),
        await benchlib.time_runs("graphql caseBoard", runs, warmup, counter, graphql_board),
        await benchlib.time_runs("service case_board", runs, warmup, counter, service_board),
        await benchlib.time_runs("rest GET care-deadlines", runs, warmup, counter, rest_dashboard),
    ]


async def bench(app: Any, settings: Settings, sizes: list[int], runs: int, warmup: int) -> int:
    results = await benchlib.per_size(
        app, sizes, "cases", partial(seed, app.state.sessionmaker, settings),
        lambda client, counter, seeded: measure(app, client, counter, seeded, runs, warmup),
    )  # fmt: skip
    return report(results, runs)


def report(results: list[tuple[Seeded, list[Timing]]], runs: int) -> int:
    print(
        f"\none school per size: a roster of N students (homerooms of {STUDENTS_PER_GROUP}), one "
        f"open case per student on '{ROUTE}'; {runs} runs each\n"
    )
    benchlib.size_table(
        [(seeded.size, timings, dashboard_items(seeded)) for seeded, timings in results],
        "cases",
        "ms/100 cases",
    )
    print(
        "\nSQL stmts: statements one call sent (before_cursor_execute listener). The board over"
        "\nREST or GraphQL: session lookup (4), school context, route, cases, students (3), staff,"
        "\nnext deadlines (2), one audit insert; the service alone has no session lookup but sets"
        "\nthe school context twice (its own call and the session's begin hook). The dashboard:"
        "\nsession (4), context, mentored students, five deadline sources, OPPs and group plans,"
        "\nstudents (3), two metrics, one audit insert. 'ms/100 cases': median per 100 cases."
    )
    return benchlib.statements_per_size(
        [(seeded.size, timings) for seeded, timings in results],
        note_only=lambda name: "care-deadlines" in name,  # the dashboard's count is reported
    )


def dashboard_items(seeded: Seeded) -> str:
    deadlines = ", ".join(f"{k} {v}" for k, v in sorted(seeded.expected.deadlines.items()))
    return f"dashboard items: {deadlines}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--cases", type=int, action="append",
        help="open cases (= students) of a school; repeat for more sizes (default 50 and 500)",
    )  # fmt: skip
    benchlib.timing_options(parser, runs=100, warmup=5)
    benchlib.keep_option(parser)
    args = parser.parse_args(argv)
    sizes = args.cases or list(DEFAULT_SIZES)
    if any(not 1 <= s <= 5000 for s in sizes) or args.runs < 1 or args.warmup < 0:
        parser.error("--cases must be 1..5000, --runs at least 1, --warmup at least 0")

    with benchlib.embedded_database(args.keep) as db:
        settings = benchlib.app_settings(db)
        app = create_app(settings)
        return asyncio.run(bench(app, settings, sizes, args.runs, args.warmup))


if __name__ == "__main__":
    sys.exit(main())
