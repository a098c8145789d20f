"""Gifted overview benchmark: the HB-specialist's overview of a school with 50 and with 500
gifted students, over REST (and GraphQL when the schema has `giftedOverview`) and the service.

    .venv/bin/python bench/gifted_overview.py                    # 50 and 500 students, 100 runs
    .venv/bin/python bench/gifted_overview.py --students 1000 --runs 50

Starts a throw-away embedded PostgreSQL under .data/bench/, migrates it and builds the app
in-process. For every size N a fresh school: a roster of 2N students synced as the LVS does
(homerooms of 25, a mentor each, and an HB-specialist), an HB-specialist account with a real
session, five offerings, and for the first N students (the gifted ones; the other N have no
gifted record and must not show up) rows inserted directly: a support profile (signalled, some
twice-exceptional or underachieving), one or two skill observations (all 14 skills, the
recommendations round-robin), for a share an application (admitted, waitlisted or submitted)
and for the admitted ones an enrolment (active, or ended with its goals met), and two outcome
measurement waves. Then ANALYZE (unless `--no-analyze`), and it times, each `--runs` times
after a warm-up:

* `rest GET gifted-overview`: GET /api/v1/schools/{id}/gifted-overview over ASGI in-process
  (session cookie, unit of work, service, audit rows, commit, serialisation);
* `graphql giftedOverview`: POST /graphql with every field of `giftedOverview` (if present);
* `service overview`: `gifted.profile.overview` alone in its own unit of work (audit and commit
  included).

Not a test: nothing here asserts a time. It exits non-zero when an answer is wrong, or when the
statements of one overview request differ between the sizes (the overview is meant to be read in
a fixed number of queries, whatever the number of students).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import Any

import benchlib
import httpx
from benchlib import STUDENTS_PER_GROUP, Account, StatementCounter, Timing
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.core.db import UnitOfWork
from zorgroute.core.embedded_pg import DATABASE
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.gifted import profile
from zorgroute.gifted.models import (
    Application,
    Offering,
    OfferingEnrolment,
    OutcomeMeasurement,
    SkillObservation,
    SupportProfile,
)
from zorgroute.gifted.signalling import FOLLOW_UP_KIND
from zorgroute.gifted.vocabulary import (
    CONSTRUCT_CODES,
    RECOMMENDATION_CODES,
    REVERSED_CONSTRUCTS,
    SKILL_CODES,
)
from zorgroute.graphql.schema import build_schema
from zorgroute.main import create_app
from zorgroute.settings import Settings

DEFAULT_SIZES = (50, 500)
HB = "st-hb"
INSTRUMENT = "IMAGE leerlingvragenlijst"
OPEN_APPLICATIONS = ("draft", "submitted", "waitlisted")  # profile.OPEN_APPLICATIONS
OFFERINGS = (  # name, kind, setting, duration
    ("Plusklas onderbouw", "plusklas", "separate_group", "whole_year"),
    ("Verrijkingsmodule filosofie", "enrichment_module", "separate_group", "short_programme"),
    ("Project robotica", "project", "separate_group", "short_programme"),
    ("Coaching leren leren", "individual_coaching", "own_class", "whole_year"),
    ("Peergroup dinsdag", "peer_group_part_time", "separate_group", "whole_year"),
)
GOAL_STATUSES = ("open", "achieved", "not_achieved")

ROW = """studentId name groupName twiceExceptional underachievementSuspected
  latestRecommendation observedOn openFollowUp applications offerings goalsAchieved goalsTotal
  nextReviewOn measurementChange exitsGoalsMet"""
OVERVIEW_QUERY = f"""query($s: ID!) {{ giftedOverview(schoolId: $s) {{
  __typename
  ... on GiftedOverview {{
    schoolId students {{ {ROW} }} signalled enrolled toObserve reviewsDue applicationsOpen
    referenceShare studentCount
  }}
  ... on Problem {{ code detail }}
}} }}"""


@dataclass
class Expected:
    """What the overview must show, computed from what was seeded."""

    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # student id -> row fields
    totals: dict[str, Any] = field(default_factory=dict)  # signalled, enrolled, ...


@dataclass
class Seeded:
    size: int
    school_id: uuid.UUID
    hb: Principal
    headers: dict[str, str]
    expected: Expected


# -- seeding --------------------------------------------------------------------------------
def measurement_change(first: dict[str, int], last: dict[str, int]) -> float:
    """`profile._measurement_changes` for two waves with every construct."""
    delta = sum(
        (float(last[c]) - float(first[c])) * (-1 if c in REVERSED_CONSTRUCTS else 1)
        for c in CONSTRUCT_CODES
    )
    return round(delta / len(CONSTRUCT_CODES), 2)


async def seed(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, n: int
) -> Seeded:
    """A roster of 2n; the first n students get gifted records, inserted directly."""
    total = 2 * n
    roster = benchlib.homeroom_roster(total, HB, "Specialist", "Hoogbegaafdheid")
    accounts = [Account("hb_specialist", "Specialist HB", staff=HB)]
    school = await benchlib.create_school(sessionmaker, settings, roster, accounts)
    school_id, swv_id, refs = school.id, school.swv_id, school.refs
    token = school.tokens["hb_specialist"]
    hb = await benchlib.principal_of(sessionmaker, settings, token)
    groups = benchlib.group_count(total)
    today = date.today()  # what the service compares review dates with
    now = utcnow()
    committee = [refs[HB], refs["st-0"]]
    expected = Expected()
    async with sessionmaker() as session:
        uow = UnitOfWork(session, request_id="bench-seed", actor=hb)
        await uow.set_school_context([school_id])
        offerings = [
            Offering(
                school_id=school_id, swv_id=swv_id, name=name, kind=kind, setting=setting,
                duration=duration, starts_on=today - timedelta(days=60),
                schedule="Dinsdag 5e en 6e uur", hours_per_week=2.0,
                fixed_teacher_staff_id=refs[HB], fixed_teacher_name="Specialist Hoogbegaafdheid",
                goals=[
                    {"text": "Leert een eigen onderzoeksvraag formuleren", "cognitive": True},
                    {"text": "Durft fouten te maken", "cognitive": False},
                ],
                target_group="Leerlingen die in de klas te weinig uitdaging vinden",
                selection_criteria="Observatie en behoefte-intake", capacity=None,
                application_routes=["intern_begeleider"], committee_staff_ids=committee,
            )
            for name, kind, setting, duration in OFFERINGS
        ]  # fmt: skip
        uow.add_all(offerings)
        await uow.flush()

        profiles: list[SupportProfile] = []
        observations: list[SkillObservation] = []
        measurements: list[OutcomeMeasurement] = []
        latest: dict[int, SkillObservation] = {}
        observed: dict[int, list[SkillObservation]] = defaultdict(list)
        for i in range(n):
            student = refs[f"s-{i}"]
            twice = i % 5 == 0
            profiles.append(
                SupportProfile(
                    school_id=school_id, student_id=student, signalled_gifted=i % 10 != 9,
                    signalled_on=today - timedelta(days=200 + i % 50) if i % 10 != 9 else None,
                    underachievement_suspected=i % 6 == 0, twice_exceptional=twice,
                    twice_exceptional_note="Dyslexie, verklaring 2025" if twice else "",
                    complexity=("none", "light", "moderate", "complex")[i % 4],
                )
            )  # fmt: skip
            # The latest observation, and for every other student an earlier one.
            kinds = [RECOMMENDATION_CODES[i % len(RECOMMENDATION_CODES)]]
            if i % 2 == 0:
                kinds.insert(0, RECOMMENDATION_CODES[(i + 2) % len(RECOMMENDATION_CODES)])
            for j, recommendation in enumerate(kinds):
                observed_on = today - timedelta(days=(len(kinds) - j) * 60 + i % 30)
                done = recommendation != "none" and i % 3 == 0
                obs = SkillObservation(
                    school_id=school_id, student_id=student, observed_on=observed_on,
                    scores={s: (i + j + k) % 5 + 1 if (i + k) % 13 else None
                            for k, s in enumerate(SKILL_CODES)},
                    explanations={SKILL_CODES[i % len(SKILL_CODES)]: "Start direct, vraagt meer"},
                    remarks="Werkt snel, haakt af bij herhaling", recommendation=recommendation,
                    review_on=observed_on + timedelta(days=90)
                    if recommendation == "challenge_in_class" else None,
                    observer_user_id=hb.user_id, observer_name="Specialist Hoogbegaafdheid",
                    by_specialist=j == 0, follow_up_done_at=now if done else None,
                )  # fmt: skip
                observations.append(obs)
                observed[i].append(obs)
                latest[i] = obs
            for wave in (0, 1):
                measurements.append(
                    OutcomeMeasurement(
                        school_id=school_id, student_id=student, instrument=INSTRUMENT,
                        wave=wave, measured_on=today - timedelta(days=(2 - wave) * 90),
                        scores=wave_scores(i, wave), entered_by_name="Specialist Hoogbegaafdheid",
                    )
                )  # fmt: skip
        uow.add_all([*profiles, *observations, *measurements])
        await uow.flush()

        applications: list[Application] = []
        enrolments: list[OfferingEnrolment] = []
        plans: dict[int, tuple[Offering, str, str | None]] = {}  # status, enrolment status
        for i in range(n):
            if i % 4 == 0:
                plans[i] = (offerings[i % len(offerings)], "admitted", "active")
            elif i % 12 == 2:
                plans[i] = (offerings[i % len(offerings)], "admitted", "ended")
            elif i % 4 == 1:
                status = "waitlisted" if (i // 4) % 2 == 0 else "submitted"
                plans[i] = (offerings[i % len(offerings)], status, None)
        enrolment_of: dict[int, OfferingEnrolment] = {}
        for i, (offering, status, enrolment_status) in plans.items():
            student = refs[f"s-{i}"]
            application = Application(
                school_id=school_id, student_id=student, kind="group", offering_id=offering.id,
                offering_school_id=school_id, route="intern_begeleider", status=status,
                motivation="Verveelt zich in de les, zoekt verdieping",
                observation_id=latest[i].id, snapshot={"name": benchlib.student_name(i)},
                submitted_by_name="Specialist Hoogbegaafdheid",
                submitted_at=now - timedelta(days=50),
                decided_by=committee if status == "admitted" else [],
                decided_at=now - timedelta(days=40) if status == "admitted" else None,
                waitlist_position=i // 4 + 1 if status == "waitlisted" else None,
                created_by_name="Specialist Hoogbegaafdheid",
            )  # fmt: skip
            applications.append(application)
            if enrolment_status is None:
                continue
            ended = enrolment_status == "ended"
            goals = [
                {"id": str(uuid.uuid4()), "text": f"Doel {g + 1}", "cognitive": g % 2 == 0,
                 "status": "achieved" if ended else GOAL_STATUSES[(i + g) % 3]}
                for g in range(2 + i % 2)
            ]  # fmt: skip
            enrolment = OfferingEnrolment(
                school_id=school_id, student_id=student, offering_id=offering.id,
                offering_school_id=school_id, application_id=application.id,
                status=enrolment_status, starts_on=today - timedelta(days=35), goals=goals,
                next_review_on=today + timedelta(days=i % 40 - 10),
                regular_teacher_staff_id=refs[f"st-{benchlib.group_of(i, groups)}"],
                regular_teacher_name=f"Mentor Medewerker{benchlib.group_of(i, groups)}",
                class_adjustments="Compacten bij wiskunde", alignment="Presenteert in de klas",
                ended_on=today - timedelta(days=5) if ended else None,
                exit_reason="goals_met" if ended else None,
            )  # fmt: skip
            enrolments.append(enrolment)
            enrolment_of[i] = enrolment
        uow.add_all(applications)
        await uow.flush()
        uow.add_all(enrolments)
        await uow.flush()
        await uow.commit()

    # What the overview must say.
    to_observe = 0
    for i in range(n):
        p, o = profiles[i], latest[i]
        task = any(
            x.recommendation == "specialist_observation" and x.follow_up_done_at is None
            for x in observed[i]
        )
        to_observe += task
        follow_up = (
            "specialist_observation"
            if task
            else "review"
            if o.follow_up_done_at is None and FOLLOW_UP_KIND[o.recommendation] == "review"
            else None
        )
        e = enrolment_of.get(i)
        active = e is not None and e.status == "active"
        plan = plans.get(i)
        expected.rows[str(refs[f"s-{i}"])] = {
            "name": benchlib.student_name(i),
            "group_name": benchlib.group_name(benchlib.group_of(i, groups)),
            "twice_exceptional": p.twice_exceptional,  # the specialist sees it
            "underachievement_suspected": p.underachievement_suspected,
            "latest_recommendation": o.recommendation,
            "observed_on": o.observed_on.isoformat(),
            "open_follow_up": follow_up,
            "applications": [f"{plan[0].name}: {plan[1]}"] if plan else [],
            "offerings": [plan[0].name] if plan and active else [],
            "goals_achieved": sum(g["status"] == "achieved" for g in e.goals) if e else 0,
            "goals_total": len(e.goals) if e else 0,
            "next_review_on": e.next_review_on.isoformat() if e and active else None,
            "measurement_change": measurement_change(wave_scores(i, 0), wave_scores(i, 1)),
            "exits_goals_met": int(e is not None and e.exit_reason == "goals_met"),
        }
    expected.totals = {
        "signalled": sum(p.signalled_gifted for p in profiles),
        "enrolled": sum(e.status == "active" for e in enrolments),
        "to_observe": to_observe,
        "reviews_due": sum(e.status == "active" and e.next_review_on <= today for e in enrolments),
        "applications_open": sum(a.status in OPEN_APPLICATIONS for a in applications),
        "student_count": total,
    }
    return Seeded(n, school_id, hb, benchlib.session_headers(token, hb), expected)


def wave_scores(i: int, wave: int) -> dict[str, int]:
    """Wave 0 and 1 of student i: most constructs rise a little, boredom falls."""
    scores = {}
    for k, c in enumerate(CONSTRUCT_CODES):
        rise = -1 if c == "boredom" else (i + k) % 3
        scores[c] = min(5, max(1, (i + k) % 4 + 1 + wave * rise))
    return scores


# -- checks ---------------------------------------------------------------------------------
def snake(found: Any) -> Any:
    """GraphQL's camelCase names in the REST names, recursively."""
    if isinstance(found, dict):
        return {re.sub(r"(?<!^)([A-Z])", r"_\1", k).lower(): snake(v) for k, v in found.items()}
    if isinstance(found, list):
        return [snake(v) for v in found]
    return found


def check_overview(where: str, found: dict[str, Any], seeded: Seeded) -> list[str]:
    """One row per gifted student, nobody else, ordered by name, each with what it was seeded
    with; the totals. Returns what is wrong."""
    found = snake(found)
    expected = seeded.expected
    errors = []
    if found["school_id"] != str(seeded.school_id):
        errors.append(f"{where}: school {found['school_id']}")
    rows = found["students"]
    names = [r["name"] for r in rows]
    if names != sorted(names):
        errors.append(f"{where}: students not ordered by name")
    seen: set[str] = set()
    for row in rows:
        want = expected.rows.get(row["student_id"])
        if want is None or row["student_id"] in seen:
            errors.append(f"{where}: unexpected or repeated student {row['student_id']}")
            continue
        seen.add(row["student_id"])
        got = {k: row[k] for k in want}
        if got != want:
            diff = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
            errors.append(f"{where}: student {row['student_id']}: (found, seeded) {diff}")
    if len(seen) != seeded.size or len(rows) != seeded.size:
        errors.append(f"{where}: {len(rows)} students, expected {seeded.size}")
    totals = {k: found[k] for k in expected.totals}
    if totals != expected.totals:
        errors.append(f"{where}: totals {totals} != {expected.totals}")
    return errors[:5]


# -- the contenders -------------------------------------------------------------------------
async def measure(
    app: Any, client: httpx.AsyncClient, counter: StatementCounter, seeded: Seeded, runs: int,
    warmup: int, with_graphql: bool,
) -> list[Timing]:  # fmt: skip
    school = str(seeded.school_id)

    async def rest_overview() -> dict[str, Any]:
        url = f"/api/v1/schools/{school}/gifted-overview"
        return await benchlib.get_json(client, url, seeded.headers, "rest overview")

    async def graphql_overview() -> dict[str, Any]:
        return await benchlib.graphql_data(
            client, OVERVIEW_QUERY, {"s": school}, seeded.headers, "giftedOverview",
            "graphql overview", typename="GiftedOverview",
        )  # fmt: skip

    async def service_overview() -> dict[str, Any]:
        async with app.state.sessionmaker() as session:
            uow = UnitOfWork(session, request_id="bench", actor=seeded.hb)
            await uow.set_school_context(seeded.hb.school_ids)
            found = await profile.overview(uow, seeded.hb, seeded.school_id)
            await uow.commit()
        return found.model_dump(mode="json")

    contenders: list[tuple[str, Callable[[], Awaitable[dict[str, Any]]]]] = [
        ("rest GET gifted-overview", rest_overview),
        *([("graphql giftedOverview", graphql_overview)] if with_graphql else []),
        ("service overview", service_overview),
    ]
    errors = []
    for name, call in contenders:
        errors += check_overview(name.split()[0], await call(), seeded)
    if errors:
        raise SystemExit("wrong answers:\n  " + "\n  ".join(errors))
    print(f"timing {runs} runs each ...", file=sys.stderr, flush=True)
    return [
        await benchlib.time_runs(name, runs, warmup, counter, call) for name, call in contenders
    ]


async def bench(
    app: Any, settings: Settings, sizes: list[int], runs: int, warmup: int,
    analyze: Callable[[], Any] | None,
) -> int:  # fmt: skip
    with_graphql = "giftedOverview(" in build_schema().as_str()
    if not with_graphql:
        print("the GraphQL schema has no giftedOverview: REST and service only", file=sys.stderr)

    results = await benchlib.per_size(
        app, sizes, "gifted students", partial(seed, app.state.sessionmaker, settings),
        lambda client, counter, seeded: measure(
            app, client, counter, seeded, runs, warmup, with_graphql
        ),
        after_seed=analyze,
    )  # fmt: skip
    return report(results, runs)


def report(results: list[tuple[Seeded, list[Timing]]], runs: int) -> int:
    print(
        f"\none school per size: a roster of 2N students (homerooms of {STUDENTS_PER_GROUP}), N "
        f"of them gifted with a profile, observations and measurements; {runs} runs each\n"
    )
    benchlib.size_table(
        [(seeded.size, timings, totals(seeded)) for seeded, timings in results],
        "students",
        "ms/100 stud.",
    )
    print(
        "\nSQL stmts: statements one call sent (before_cursor_execute listener). Over REST or"
        "\nGraphQL the session lookup comes first; the service alone has no session lookup but"
        "\nsets the school context twice (its own call and the session's begin hook). The"
        "\noverview: profiles, observations, open specialist tasks, applications, enrolments,"
        "\nmeasurements, students (3), the school's student count, one audit insert."
        "\n'ms/100 stud.': median per 100 gifted students."
    )
    return benchlib.statements_per_size([(seeded.size, timings) for seeded, timings in results])


def totals(seeded: Seeded) -> str:
    return ", ".join(f"{k} {v}" for k, v in seeded.expected.totals.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--students", type=int, action="append",
        help="gifted students of a school (the roster has twice as many); repeat for more sizes "
        "(default 50 and 500)",
    )  # fmt: skip
    benchlib.timing_options(parser, runs=100, warmup=5)
    parser.add_argument(
        "--no-analyze", action="store_true",
        help="skip the ANALYZE after seeding: plan on the statistics autovacuum happens to have",
    )  # fmt: skip
    benchlib.keep_option(parser)
    args = parser.parse_args(argv)
    sizes = args.students or list(DEFAULT_SIZES)
    if any(not 1 <= s <= 5000 for s in sizes) or args.runs < 1 or args.warmup < 0:
        parser.error("--students must be 1..5000, --runs at least 1, --warmup at least 0")

    with benchlib.embedded_database(args.keep) as db:
        settings = benchlib.app_settings(db)
        app = create_app(settings)
        # Fresh tables have no statistics until autovacuum gets to them (a minute or so, maybe
        # in the middle of the timings): the planner then guesses one row per table and picks
        # nested loops (the school's student count took 50 ms instead of 1 at 500). A school's
        # database in use has statistics; ANALYZE as the superuser after seeding, like it.
        analyze = None if args.no_analyze else lambda: db.psql("ANALYZE", database=DATABASE)
        return asyncio.run(bench(app, settings, sizes, args.runs, args.warmup, analyze))


if __name__ == "__main__":
    sys.exit(main())
