"""Shared support code of the benchmarks in bench/ (not a benchmark itself, not a test).

What `hgw_overview.py`, `case_board.py`, `gifted_overview.py` and `roster_sync.py` have in
common: a throw-away embedded PostgreSQL under .data/bench/, migrated; the settings of an app
built in-process; a school with a roster synced through the LVS sync service and staff accounts
with real sessions; an ASGI client; counting the statements the app's engine sends; timing a
contender; the table and the statements-per-size check of the benchmarks that run several
sizes. Each script keeps its own seeding, checks and output.

The scripts are run as `python bench/<script>.py`, which puts this folder first on sys.path:
`import benchlib` finds this file (not `support`: the backend tests have a package of that
name, and a test imports `roster_sync.py`).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.cli import migrate
from zorgroute.core.db import UnitOfWork
from zorgroute.core.embedded_pg import EmbeddedDatabase, start_embedded
from zorgroute.core.security.principal import Principal
from zorgroute.identity import service as identity_service
from zorgroute.identity.models import SchoolMembership, UserAccount
from zorgroute.organisations.models import Board, School, Swv
from zorgroute.roster import sync
from zorgroute.roster.models import ExternalRef
from zorgroute.roster.schemas import RosterSyncRequest
from zorgroute.settings import OidcSettings, RateLimitSettings, SessionSettings, Settings

REPO_DIR = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO_DIR / ".data" / "bench"
ISSUER = "urn:zorgroute:bench"
BASE_URL = "http://bench"
MODIFIED_AT = "2026-09-01T06:00:00Z"
STUDENTS_PER_GROUP = 25

S = TypeVar("S")


# -- measuring ------------------------------------------------------------------------------
class StatementCounter:
    """A `before_cursor_execute` listener: one count per statement sent (an executemany is one)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.count += 1


@contextmanager
def counting(engine: AsyncEngine, counter: StatementCounter) -> Iterator[StatementCounter]:
    """`counter` counts the engine's statements while the block runs."""
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", counter)


@dataclass
class Timing:
    name: str
    seconds: list[float]
    statements: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


async def time_runs(
    name: str, runs: int, warmup: int, counter: StatementCounter, call: Callable[[], Awaitable[Any]]
) -> Timing:
    """`warmup` untimed calls, one counted call (its statements), then `runs` timed calls."""
    for _ in range(warmup):
        await call()
    before = counter.count
    await call()
    statements = counter.count - before
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        seconds.append(time.perf_counter() - started)
    return Timing(name, seconds, statements)


def asgi_client(app: Any) -> httpx.AsyncClient:
    """An HTTP client that calls the app in-process."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL)


async def get_json(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], what: str
) -> dict[str, Any]:
    """GET url; stops the benchmark (naming `what`) unless the answer is a 200."""
    resp = await client.get(url, headers=headers)
    if resp.status_code != 200:
        raise SystemExit(f"{what}: {resp.status_code} {resp.text}")
    return dict(resp.json())


async def graphql_data(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any],
    headers: dict[str, str],
    name: str,
    what: str,
    typename: str | None = None,
) -> dict[str, Any]:
    """POST /graphql; the query's field `name` (without its `__typename` when `typename` is
    given). Stops the benchmark (naming `what`) unless the answer is a 200 without errors and
    with that field (of that type)."""
    body_in = {"query": query, "variables": variables}
    resp = await client.post("/graphql", json=body_in, headers=headers)
    body = resp.json()
    if resp.status_code != 200 or "errors" in body or body["data"][name] is None:
        raise SystemExit(f"{what}: {resp.status_code} {body}")
    found = dict(body["data"][name])
    if typename is not None and found.pop("__typename") != typename:
        raise SystemExit(f"{what}: {found}")
    return found


async def per_size(
    app: Any,
    sizes: Sequence[int],
    what: str,
    seed: Callable[[int], Awaitable[S]],
    measure: Callable[[httpx.AsyncClient, StatementCounter, S], Awaitable[list[Timing]]],
    after_seed: Callable[[], Any] | None = None,
) -> list[tuple[S, list[Timing]]]:
    """For every size a fresh school (`seed`, then `after_seed` if given), then its contenders
    (`measure`) with the engine's statements counted; disposes of the engine at the end."""
    engine: AsyncEngine = app.state.engine
    counter = StatementCounter()
    results: list[tuple[S, list[Timing]]] = []
    try:
        async with asgi_client(app) as client:
            for size in sizes:
                print(f"seeding a school with {size} {what} ...", file=sys.stderr, flush=True)
                seeded = await seed(size)
                if after_seed is not None:
                    after_seed()
                with counting(engine, counter):
                    timings = await measure(client, counter, seeded)
                results.append((seeded, timings))
    finally:
        await engine.dispose()
    return results


# -- reporting ------------------------------------------------------------------------------
def size_table(
    results: Sequence[tuple[int, list[Timing], str]], size_label: str, per_label: str
) -> None:
    """One line per size and contender (with the median per 100 of the size), and after each
    size its own line of totals."""
    width = len(size_label)
    header = (
        f"{size_label:>{width}}  {'contender':<24}  {'median ms':>9}  {'p95 ms':>8}  "
        f"{per_label:>12}  {'SQL stmts':>9}"
    )
    print(header)
    print("-" * len(header))
    for size, timings, totals in results:
        for t in timings:
            per = t.median_ms / size * 100
            print(
                f"{size:>{width}}  {t.name:<24}  {t.median_ms:>9.2f}  {t.p95_ms:>8.2f}  "
                f"{per:>12.2f}  {t.statements:>9}"
            )
        print(f"{'':>{width}}  {totals}")


def statements_per_size(
    results: Sequence[tuple[int, list[Timing]]], note_only: Callable[[str], bool] | None = None
) -> int:
    """1 when a contender sent a different number of statements at different sizes (on stderr,
    FAIL), else 0. Contenders for which `note_only(name)` holds get a NOTE and do not fail."""
    status = 0
    by_name: dict[str, dict[int, int]] = {}
    for size, timings in results:
        for t in timings:
            by_name.setdefault(t.name, {})[size] = t.statements
    for name, counts in by_name.items():
        if len(set(counts.values())) > 1:
            fails = note_only is None or not note_only(name)
            print(
                f"{'FAIL' if fails else 'NOTE'}: {name} sends a different number of "
                f"statements per size: {counts}",
                file=sys.stderr,
            )
            status = 1 if fails else status
    return status


# -- command line and database --------------------------------------------------------------
def timing_options(parser: argparse.ArgumentParser, runs: int, warmup: int) -> None:
    """--runs and --warmup with the script's defaults."""
    parser.add_argument("--runs", type=int, default=runs, help=f"timed runs each (default {runs})")
    parser.add_argument(
        "--warmup", type=int, default=warmup, help=f"untimed runs first (default {warmup})"
    )


def keep_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keep", action="store_true", help="keep the database directory under .data/bench"
    )


@contextmanager
def embedded_database(keep: bool) -> Iterator[EmbeddedDatabase]:
    """A throw-away embedded PostgreSQL in a new directory under .data/bench/, migrated; stopped
    and (unless `keep`) removed at the end."""
    # Migrations read the settings from the environment; the defaults are refused outside dev/test.
    os.environ.setdefault("ZORGROUTE_ENV", "test")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="run-", dir=BENCH_DIR))
    print(f"embedded PostgreSQL in {data_dir}", file=sys.stderr, flush=True)
    db = start_embedded(data_dir)
    try:
        migrate(db.owner_url, db.app_role)
        yield db
    finally:
        db.stop()
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)


def app_settings(db: EmbeddedDatabase) -> Settings:
    """Test settings for an app that is called over ASGI in-process: the bench issuer, no
    secure cookie (plain http), no rate limits."""
    return Settings(
        env="test",
        database_url=db.app_url,
        public_url=BASE_URL,
        app_url=BASE_URL,
        oidc=OidcSettings(issuer=ISSUER),
        session=SessionSettings(secure_cookie=False),
        rate_limit=RateLimitSettings(enabled=False),
        log_level="WARNING",
    )


# -- seeding --------------------------------------------------------------------------------
def group_count(students: int) -> int:
    return max(1, students // STUDENTS_PER_GROUP)


def group_of(i: int, groups: int) -> int:
    return i % groups


def group_name(k: int) -> str:
    return f"{k % 6 + 1}-{k:04d}"


def student_name(i: int) -> str:
    infix = "van " if i % 7 == 0 else ""
    return f"Leerling{i} {infix}Achternaam{i}"


def homeroom_roster(
    n: int, staff_id: str, staff_given_name: str, staff_family_name: str
) -> dict[str, Any]:
    """n students in homerooms of 25 (gr-k, named `group_name(k)`) with a mentor st-k each, and
    one more staff member (`staff_id`) without a group."""
    groups = group_count(n)
    return {
        "source": "benchlvs",
        "mode": "full",
        "students": [
            {
                "external_id": f"s-{i}",
                "given_name": f"Leerling{i}",
                "infix": "van" if i % 7 == 0 else None,
                "family_name": f"Achternaam{i}",
                "date_of_birth": f"{2010 + i % 6}-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                "modified_at": MODIFIED_AT,
            }
            for i in range(n)
        ],
        "guardians": [],
        "groups": homerooms(groups),
        "staff": [
            *mentors(groups),
            {
                "external_id": staff_id,
                "given_name": staff_given_name,
                "family_name": staff_family_name,
                "modified_at": MODIFIED_AT,
            },
        ],
        "enrolments": homeroom_enrolments(n, groups),
        "assignments": mentor_assignments(groups),
    }


def homerooms(groups: int) -> list[dict[str, Any]]:
    """The roster's groups gr-k, named `group_name(k)`."""
    return [
        {
            "external_id": f"gr-{k}",
            "name": group_name(k),
            "school_year": "2026-2027",
            "kind": "homeroom",
            "grade": k % 6 + 1,
            "modified_at": MODIFIED_AT,
        }
        for k in range(groups)
    ]


def mentors(groups: int, email: bool = False) -> list[dict[str, Any]]:
    """The roster's staff members st-k, Mentor MedewerkerK (with an address if `email`)."""
    return [
        {
            "external_id": f"st-{k}",
            "given_name": "Mentor",
            "family_name": f"Medewerker{k}",
            **({"email": f"mentor{k}@school.example"} if email else {}),
            "modified_at": MODIFIED_AT,
        }
        for k in range(groups)
    ]


def homeroom_enrolments(n: int, groups: int) -> list[dict[str, Any]]:
    """Student s-i in homeroom gr-`group_of(i, groups)`."""
    return [
        {"student_external_id": f"s-{i}", "group_external_id": f"gr-{group_of(i, groups)}"}
        for i in range(n)
    ]


def mentor_assignments(groups: int) -> list[dict[str, Any]]:
    """Staff member st-k the mentor of homeroom gr-k."""
    return [
        {"staff_external_id": f"st-{k}", "group_external_id": f"gr-{k}", "role": "mentor"}
        for k in range(groups)
    ]


@dataclass(frozen=True)
class Account:
    """A user account with a membership of the school; `staff` the external id of the staff
    member it is bound to, if any."""

    role: str
    display_name: str
    staff: str | None = None


@dataclass
class BenchSchool:
    id: uuid.UUID
    swv_id: uuid.UUID
    refs: dict[str, uuid.UUID]  # the roster's external ids -> entity ids
    tokens: dict[str, str]  # role -> session token


async def add_school(uow: UnitOfWork, tag: str, vestiging: str = "00") -> School:
    """A VO school with its own SWV and board, codes and names made from `tag`; flushed."""
    swv = Swv(code=f"VO{tag}", name=f"SWV {tag}", sector="VO")
    school_board = Board(code=f"B{tag}", name=f"Bestuur {tag}")
    uow.add_all([swv, school_board])
    await uow.flush()
    school = School(
        brin=tag[:4].upper(),
        vestiging=vestiging,
        name=f"Benchschool {tag}",
        sector="VO",
        swv_id=swv.id,
        board_id=school_board.id,
    )
    uow.add(school)
    await uow.flush()
    return school


async def create_school(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    roster: dict[str, Any],
    accounts: Sequence[Account],
) -> BenchSchool:
    """A school (with its own SWV and board) with the roster synced as the LVS does, and the
    accounts, each logged in once (`identity.service.complete_login`)."""
    tag = secrets.token_hex(4)
    async with sessionmaker() as session:
        uow = UnitOfWork(session, request_id=f"bench-{tag}")
        school = await add_school(uow, tag)
        system = Principal(
            kind="system",
            audit_id="system:bench",
            display_name="bench",
            roles={school.id: frozenset({"integration"})},
            scopes=frozenset({"roster:read", "roster:write"}),
        )
        uow.actor = system
        await uow.set_school_context([school.id])
        await sync.sync_roster(uow, system, school.id, RosterSyncRequest(**roster))
        refs = {
            ext: entity
            for ext, entity in await uow.rows(
                select(ExternalRef.external_id, ExternalRef.entity_id).where(
                    ExternalRef.school_id == school.id
                )
            )
        }
        subjects = {}
        for account in accounts:
            user = UserAccount(
                issuer=ISSUER, subject=f"{account.role}-{tag}", display_name=account.display_name
            )
            uow.add(user)
            await uow.flush()
            uow.add(
                SchoolMembership(
                    user_id=user.id, school_id=school.id, role=account.role,
                    staff_member_id=refs[account.staff] if account.staff else None,
                )
            )  # fmt: skip
            subjects[account.role] = user.subject
        await uow.commit()
    tokens = {}
    for role, subject in subjects.items():
        async with sessionmaker() as session:
            uow = UnitOfWork(session)
            tokens[role] = await identity_service.complete_login(
                uow, settings, {"sub": subject}, None
            )
            await uow.commit()
    return BenchSchool(school.id, school.swv_id, refs, tokens)


async def principal_of(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, token: str
) -> Principal:
    """The principal of a session token, as the app resolves it for a request."""
    async with sessionmaker() as session:
        uow = UnitOfWork(session)
        principal = await identity_service.resolve_session(uow, token, settings)
        await uow.commit()
    assert principal is not None
    return principal


def session_headers(token: str, principal: Principal) -> dict[str, str]:
    """The session cookie and CSRF header a browser sends."""
    csrf = principal.csrf_token
    assert csrf is not None
    return {"Cookie": f"zr_session={token}", "X-CSRF-Token": csrf}
