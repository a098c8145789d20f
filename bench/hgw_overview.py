"""Group overview benchmark: the whole overview of a 35-student group over GraphQL, against the
same data read with a few hand-written SELECTs.

    .venv/bin/python bench/hgw_overview.py                 # 35 students, 200 runs
    .venv/bin/python bench/hgw_overview.py --students 60 --runs 500

Starts a throw-away embedded PostgreSQL under .data/bench/, migrates it, builds the app
in-process and seeds one school through the services (roster sync, cycle period, overview,
results, signals, needs, row texts), under the principals of a mentor and a care coordinator
with real sessions. Then it times, each `--runs` times after a warm-up:

* `graphql groupOverview`: POST /graphql with the full overview document, through the ASGI app
  (session cookie, CSRF header, unit of work, service, audit rows, commit), in-process;
* `rest GET overview`: GET /api/v1/overviews/{id}, the same service behind REST, for context;
* `service get_overview`: the service alone in its own unit of work (with the audit insert and
  the commit), no HTTP, no session lookup, no serialisation: what the transports add is the
  difference;
* `hand-written SQL`: the same rows, results, signals and needs with plain SELECTs on one
  connection of the app's engine (SQLAlchemy core), under the same row-level security.

Not a test: nothing here asserts a time. It exits non-zero only when the answers disagree (a
benchmark of a query that returns the wrong data is worthless).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import benchlib
import httpx
from benchlib import MODIFIED_AT, Account, StatementCounter, Timing
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.hgw import needs, overviews, school_config
from zorgroute.hgw.schemas import (
    CyclePeriodCreate,
    GoalIn,
    NeedItemIn,
    NeedWrite,
    OverviewCreate,
    ResultCreate,
    RowUpdate,
    SignalCreate,
)
from zorgroute.main import create_app
from zorgroute.organisations.models import SchoolYear
from zorgroute.roster.models import ExternalRef
from zorgroute.settings import Settings

PERIOD_START = date(2026, 9, 7)
PERIOD_WEEKS = 12
DOMAINS = ("TL", "BL", "SP", "RK")  # the default test domains (columns of cycle A)
SEO = ("Welbevinden", "Motivatie", "Zelfbeeld", "Sociaal gedrag")  # the default SEO columns
TEST_MOMENTS = (date(2026, 1, 20), date(2026, 6, 10), date(2026, 9, 21))
SEO_MOMENTS = (date(2026, 6, 1), date(2026, 9, 28))
SIGNALLED_EVERY = 3  # every third student: two signals and a need
ACCOUNTS = (
    Account("mentor", "Mentor", staff="st-mentor"),
    Account("zorgcoordinator", "Zorgcoordinator"),
)

GOAL = "id text desiredBehaviour measure targetDate"
OVERVIEW_QUERY = f"""query($id: ID!) {{ groupOverview(id: $id) {{
  __typename
  ... on GroupOverview {{
    id schoolId groupId groupName cyclePeriodId periodName startsOn endsOn cycle subject
    overviewStatus datedOn ownerName seededFromId version editable planId meetingId testDomains
    seoCategories workAttitudeColumn
    rows {{
      id studentId givenName preferredName infix familyName observations studentConversation
      parentConversation agreements stimulatingFactors hinderingFactors strengths workAttitude
      particulars instructionLevel updatedByName updatedAt version
      results {{ id studentId kind domain instrument respondent takenOn score level belowMinimum
        source }}
      signals {{ id overviewId studentId category mode basis note createdByName createdAt
        confirmedAt }}
      needs {{ id studentId overviewId scope domain nature subject goals {{ {GOAL} }}
        items {{ category phrase text }} usesTalents setWithStudent studentView validFrom
        validUntil authorName createdAt version hints {{ code pointer message }} }}
    }}
  }}
  ... on Problem {{ code detail }}
}} }}"""

# The hand-written equivalent: what the overview shows, nothing about who may see it.
SQL_HEADER = text(
    """
    select o.*, p.name as period_name, p.starts_on, p.ends_on, g.name as group_name,
           (select id from group_plan where overview_id = o.id) as plan_id,
           (select id from group_meeting where overview_id = o.id) as meeting_id,
           (select row_to_json(s) from hgw_settings s where s.school_id = o.school_id) as settings
      from group_overview o
      join cycle_period p on p.id = o.cycle_period_id
      join school_group g on g.id = o.group_id
     where o.id = :id
    """
)
SQL_ROWS = text(
    """
    select r.*, s.given_name, s.preferred_name, s.infix, s.family_name
      from overview_row r join student s on s.id = r.student_id
     where r.overview_id = :id
     order by s.sort_name, s.id
    """
)
SQL_RESULTS = text(
    """
    select a.* from assessment_result a
      join overview_row r on r.student_id = a.student_id and r.overview_id = :id
     where a.school_id = :school and a.taken_on <= :ends_on
       and ((a.kind = 'test' and a.domain = any(:domains))
            or (a.kind = 'seo' and a.domain = any(:seo)))
     order by a.taken_on desc, a.id
    """
)
SQL_SIGNALS = text("select * from hgw_signal where overview_id = :id order by created_at")
SQL_NEEDS = text(
    """
    select n.* from educational_need n
      join overview_row r on r.student_id = n.student_id and r.overview_id = :id
     where n.school_id = :school and n.valid_from <= :ends_on and n.valid_until >= :starts_on
       and (n.subject is null or n.overview_id = :id)
     order by n.valid_from desc, n.id
    """
)


@dataclass
class Seeded:
    school_id: uuid.UUID
    overview_id: uuid.UUID
    mentor: Principal
    mentor_headers: dict[str, str]
    students: int
    results: int
    signals: int
    needs: int


# -- seeding --------------------------------------------------------------------------------
def roster(n: int) -> dict[str, Any]:
    """One homeroom of n students with their mentor."""
    students = [
        {
            "external_id": f"s-{i}",
            "given_name": f"Leerling{i}",
            "infix": "van" if i % 7 == 0 else None,
            "family_name": f"Achternaam{i:03d}",
            "date_of_birth": f"2014-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            "modified_at": MODIFIED_AT,
        }
        for i in range(n)
    ]
    return {
        "source": "benchlvs",
        "mode": "full",
        "students": students,
        "guardians": [],
        "groups": [
            {
                "external_id": "gr-1a",
                "name": "1A",
                "school_year": "2026-2027",
                "kind": "homeroom",
                "grade": 1,
                "modified_at": MODIFIED_AT,
            }
        ],
        "staff": [
            {
                "external_id": "st-mentor",
                "given_name": "Mentor",
                "family_name": "Medewerker",
                "modified_at": MODIFIED_AT,
            }
        ],
        "enrolments": [
            {"student_external_id": f"s-{i}", "group_external_id": "gr-1a"} for i in range(n)
        ],
        "assignments": [
            {"staff_external_id": "st-mentor", "group_external_id": "gr-1a", "role": "mentor"}
        ],
    }


async def seed(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, n: int
) -> Seeded:
    """The overview of one cycle, filled the way the mentor fills it, through the services."""
    school = await benchlib.create_school(sessionmaker, settings, roster(n), ACCOUNTS)
    school_id, tokens = school.id, school.tokens
    care = await benchlib.principal_of(sessionmaker, settings, tokens["zorgcoordinator"])
    mentor = await benchlib.principal_of(sessionmaker, settings, tokens["mentor"])
    async with sessionmaker() as session:
        uow = UnitOfWork(session, request_id="bench-seed", actor=care)
        await uow.set_school_context([school_id])
        year = await uow.first(select(SchoolYear).where(SchoolYear.school_id == school_id))
        assert year is not None
        group_id = await uow.first(
            select(ExternalRef.entity_id).where(
                ExternalRef.school_id == school_id, ExternalRef.external_id == "gr-1a"
            )
        )
        assert group_id is not None
        period = await school_config.create_period(
            uow, care, school_id,
            CyclePeriodCreate(
                school_year_id=year.id, sequence=1, name="Cyclus 1", starts_on=PERIOD_START,
                ends_on=PERIOD_START + timedelta(weeks=PERIOD_WEEKS),
            ),
        )  # fmt: skip
        uow.actor = mentor
        overview = await overviews.create_overview(
            uow, mentor, group_id, OverviewCreate(cycle_period_id=period.id, cycle="A")
        )
        results = signals = need_count = 0
        for i, row in enumerate(overview.rows):
            sid = row.student_id
            for moment, taken_on in enumerate(TEST_MOMENTS):
                for d, domain in enumerate(DOMAINS):
                    await overviews.create_result(
                        uow, mentor, sid,
                        ResultCreate(
                            kind="test", domain=domain, instrument="Cito VAS", taken_on=taken_on,
                            score=120 + (i * 7 + d * 13 + moment * 5) % 60,
                            level=("I", "II", "III", "IV", "V")[(i + d + moment) % 5],
                        ),
                    )  # fmt: skip
                    results += 1
            for taken_on in SEO_MOMENTS:
                for c, category in enumerate(SEO):
                    for respondent in ("student", "teacher"):
                        await overviews.create_result(
                            uow, mentor, sid,
                            ResultCreate(
                                kind="seo", domain=category, instrument="SVL",
                                respondent=respondent, taken_on=taken_on,
                                score=float(1 + (i + c) % 5),
                            ),
                        )  # fmt: skip
                        results += 1
            await overviews.update_row(
                uow, mentor, overview.id, sid, row.version,
                RowUpdate(
                    observations="Werkt geconcentreerd, vraagt hulp als het nodig is.",
                    strengths="Doorzetter; helpt klasgenoten.",
                    stimulating_factors="Korte opdrachten met directe feedback.",
                    hindering_factors="Drukte in de klas.",
                    particulars="Dyslexieverklaring" if i % 5 == 0 else None,
                    instruction_level=("independent", "sensitive", "dependent")[i % 3],
                ),
            )  # fmt: skip
            if i % SIGNALLED_EVERY:
                continue
            for category in ("basic_skill_delay", "behaviour_seo"):
                await overviews.create_signal(
                    uow, mentor, overview.id,
                    SignalCreate(
                        student_id=sid, category=category, mode="reactive",
                        basis=["test", "observation"], note="Besproken met de leerling.",
                    ),
                )  # fmt: skip
                signals += 1
            await needs.create_need(
                uow, mentor, sid,
                NeedWrite(
                    overview_id=overview.id, domain="basic_skills", nature="didactic",
                    goals=[
                        GoalIn(text="Leest over 10 weken een AVI-E5 tekst vlot",
                               measure="AVI-toets", target_date=PERIOD_START + timedelta(weeks=10)),
                        GoalIn(text="Maakt 8 van de 10 breuksommen zonder hulp",
                               measure="methodetoets"),
                    ],
                    items=[
                        NeedItemIn(category="instruction", phrase="verlengd is",
                                   text="met voordoen"),
                        NeedItemIn(category="feedback", text="direct na de opdracht"),
                        NeedItemIn(category="peers", text="een vaste maatje"),
                    ],
                    set_with_student=True, student_view="Uitleg met plaatjes helpt mij.",
                    valid_from=PERIOD_START,
                    valid_until=PERIOD_START + timedelta(weeks=PERIOD_WEEKS),
                ),
            )  # fmt: skip
            need_count += 1
        await uow.commit()
    return Seeded(
        school_id=school_id,
        overview_id=overview.id,
        mentor=mentor,
        mentor_headers=benchlib.session_headers(tokens["mentor"], mentor),
        students=len(overview.rows),
        results=results,
        signals=signals,
        needs=need_count,
    )


# -- the contenders -------------------------------------------------------------------------
async def hand_written(engine: AsyncEngine, seeded: Seeded) -> dict[str, int]:
    """The overview's data with five SELECTs on one connection (RLS context as the app sets)."""
    async with engine.connect() as conn:
        await conn.execute(
            text("select set_config('app.school_ids', :ids, true)"),
            {"ids": "{" + str(seeded.school_id) + "}"},
        )
        header = (await conn.execute(SQL_HEADER, {"id": seeded.overview_id})).mappings().one()
        saved = header["settings"]
        rows = (await conn.execute(SQL_ROWS, {"id": seeded.overview_id})).mappings().all()
        results = (
            (
                await conn.execute(
                    SQL_RESULTS,
                    {
                        "id": seeded.overview_id,
                        "school": seeded.school_id,
                        "ends_on": header["ends_on"],
                        "domains": list(saved["test_domains"] if saved else DOMAINS),
                        "seo": list(saved["seo_categories"] if saved else SEO),
                    },
                )
            )
            .mappings()
            .all()
        )
        signals = (await conn.execute(SQL_SIGNALS, {"id": seeded.overview_id})).mappings().all()
        found = (
            (
                await conn.execute(
                    SQL_NEEDS,
                    {
                        "id": seeded.overview_id,
                        "school": seeded.school_id,
                        "starts_on": header["starts_on"],
                        "ends_on": header["ends_on"],
                    },
                )
            )
            .mappings()
            .all()
        )
        await conn.rollback()
    return {
        "rows": len(rows),
        "results": len(results),
        "signals": len(signals),
        "needs": len(found),
    }


def counts(overview: dict[str, Any], key: str = "rows") -> dict[str, int]:
    rows = overview[key]
    return {
        "rows": len(rows),
        "results": sum(len(r["results"]) for r in rows),
        "signals": sum(len(r["signals"]) for r in rows),
        "needs": sum(len(r["needs"]) for r in rows),
    }


async def measure(
    app: Any, client: httpx.AsyncClient, counter: StatementCounter, seeded: Seeded, runs: int,
    warmup: int,
) -> list[Timing]:  # fmt: skip
    engine: AsyncEngine = app.state.engine

    async def graphql() -> dict[str, Any]:
        variables = {"id": str(seeded.overview_id)}
        return await benchlib.graphql_data(
            client, OVERVIEW_QUERY, variables, seeded.mentor_headers, "groupOverview", "graphql"
        )

    async def rest() -> dict[str, Any]:
        url = f"/api/v1/overviews/{seeded.overview_id}"
        return await benchlib.get_json(client, url, seeded.mentor_headers, "rest")

    async def service() -> dict[str, Any]:
        async with app.state.sessionmaker() as session:
            uow = UnitOfWork(session, request_id="bench", actor=seeded.mentor)
            await uow.set_school_context(seeded.mentor.school_ids)
            found = await overviews.get_overview(uow, seeded.mentor, seeded.overview_id)
            await uow.commit()
        return found.model_dump()

    async def sql() -> dict[str, int]:
        return await hand_written(engine, seeded)

    expected = {
        "rows": seeded.students,
        "results": seeded.results,
        "signals": seeded.signals,
        "needs": seeded.needs,
    }
    answers = {
        "graphql": counts(await graphql()),
        "rest": counts(await rest()),
        "service": counts(await service()),
        "sql": await sql(),
    }
    wrong = {k: v for k, v in answers.items() if v != expected}
    if wrong:
        raise SystemExit(f"the contenders disagree: expected {expected}, got {wrong}")
    print(f"timing {runs} runs each ...", file=sys.stderr, flush=True)
    return [
        await benchlib.time_runs("graphql groupOverview", runs, warmup, counter, graphql),
        await benchlib.time_runs("rest GET overview", runs, warmup, counter, rest),
        await benchlib.time_runs("service get_overview", runs, warmup, counter, service),
        await benchlib.time_runs("hand-written SQL", runs, warmup, counter, sql),
    ]


async def bench(app: Any, settings: Settings, students: int, runs: int, warmup: int) -> int:
    engine: AsyncEngine = app.state.engine
    counter = StatementCounter()
    print(f"seeding a group of {students} students ...", file=sys.stderr, flush=True)
    seeded = await seed(app.state.sessionmaker, settings, students)
    try:
        with benchlib.counting(engine, counter):
            async with benchlib.asgi_client(app) as client:
                timings = await measure(app, client, counter, seeded, runs, warmup)
    finally:
        await engine.dispose()
    report(seeded, timings, runs)
    return 0


def report(seeded: Seeded, timings: list[Timing], runs: int) -> None:
    print(
        f"\ngroup of {seeded.students} students: {seeded.results} results "
        f"({len(TEST_MOMENTS)} test moments x {len(DOMAINS)} domains, {len(SEO_MOMENTS)} SEO "
        f"moments x {len(SEO)} categories x 2 respondents per student), {seeded.signals} "
        f"signals, {seeded.needs} needs; {runs} runs each\n"
    )
    header = (
        f"{'contender':<22}  {'median ms':>9}  {'p95 ms':>8}  {'x SQL (median)':>14}  "
        f"{'SQL stmts':>9}"
    )
    print(header)
    print("-" * len(header))
    floor = timings[-1].median_ms
    for t in timings:
        print(
            f"{t.name:<22}  {t.median_ms:>9.2f}  {t.p95_ms:>8.2f}  {t.median_ms / floor:>14.1f}  "
            f"{t.statements:>9}"
        )
    print(
        "\nSQL stmts: statements one call sent, counted with a before_cursor_execute listener:"
        "\nfor the API the session lookup, the school context, the overview's reads and one audit"
        "\ninsert; the service alone skips the session lookup; the hand-written SQL is the school"
        "\ncontext and five SELECTs. 'x SQL' is a median over the hand-written SQL's median: the"
        "\nprice of HTTP, authentication, authorization, audit and serialisation on top of the"
        "\nbare reads."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--students", type=int, default=35, help="group size (default 35)")
    benchlib.timing_options(parser, runs=200, warmup=10)
    benchlib.keep_option(parser)
    args = parser.parse_args(argv)
    if not 1 <= args.students <= 500 or args.runs < 1 or args.warmup < 0:
        parser.error("--students must be 1..500, --runs at least 1, --warmup at least 0")

    with benchlib.embedded_database(args.keep) as db:
        settings = benchlib.app_settings(db)
        app = create_app(settings)
        return asyncio.run(bench(app, settings, args.students, args.runs, args.warmup))


if __name__ == "__main__":
    sys.exit(main())
