"""Roster sync benchmark: how the LVS bulk upsert scales with the size of a school.

    .venv/bin/python bench/roster_sync.py                 # 1000, 5000 and 10000 students
    .venv/bin/python bench/roster_sync.py --students 2000 # one size (repeat the flag for more)

Starts a throw-away embedded PostgreSQL under .data/bench/, migrates it, builds the app
in-process and calls the sync service (`sync_roster_idempotent`) directly, inside a unit of work
with a system principal, as the REST endpoint does after authentication. No dev IdP, no HTTP.

For each size, on a fresh school: the first sync (everything created), a replay (same
Idempotency-Key), an unchanged re-sync (new key) and an update of 10% of the students. Reports
seconds, rows per second and SQL statements per sync. Not a test: nothing here asserts timings;
it exits non-zero only when a sync reports the wrong outcomes.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

import benchlib
from benchlib import ISSUER, MODIFIED_AT, StatementCounter
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.identity.models import IntegrationClient, IntegrationClientSchool
from zorgroute.main import create_app
from zorgroute.roster.schemas import RosterSyncRequest
from zorgroute.roster.sync import sync_roster_idempotent
from zorgroute.settings import Settings

DEFAULT_SIZES = (1000, 5000, 10000)
SOURCE = "benchlvs"
CLIENT_ID = "bench-lvs"
UPDATED_AT = "2026-09-02T06:00:00Z"


@dataclass
class Measurement:
    step: str
    seconds: float
    statements: int
    outcomes: Counter[str]
    replayed: bool


def roster(n: int, updated_every: int | None = None) -> dict[str, Any]:
    """n students with one guardian each, homerooms of 25 with a mentor, in full mode.

    With `updated_every`, every so-many-th student has a new given name and a newer modified_at.
    """
    groups = benchlib.group_count(n)

    def student(i: int) -> dict[str, Any]:
        changed = updated_every is not None and i % updated_every == 0
        return {
            "external_id": f"s-{i}",
            "given_name": f"Nieuw{i}" if changed else f"Leerling{i}",
            "infix": "van" if i % 7 == 0 else None,
            "family_name": f"Achternaam{i % 997}",
            "date_of_birth": f"{2010 + i % 8}-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            "modified_at": UPDATED_AT if changed else MODIFIED_AT,
        }

    return {
        "source": SOURCE,
        "mode": "full",
        "students": [student(i) for i in range(n)],
        "guardians": [
            {
                "external_id": f"g-{i}",
                "given_name": "Ouder",
                "family_name": f"Achternaam{i % 997}",
                "email": f"ouder{i}@example.nl",
                "phone": "06-12345678",
                "modified_at": MODIFIED_AT,
                "students": [
                    {
                        "student_external_id": f"s-{i}",
                        "relation": "parent",
                        "parental_authority": True,
                    }
                ],
            }
            for i in range(n)
        ],
        "groups": benchlib.homerooms(groups),
        "staff": benchlib.mentors(groups, email=True),
        "enrolments": benchlib.homeroom_enrolments(n, groups),
        "assignments": benchlib.mentor_assignments(groups),
    }


def row_count(payload: dict[str, Any]) -> int:
    return sum(len(v) for v in payload.values() if isinstance(v, list))


async def create_school(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> tuple[uuid.UUID, Principal]:
    """A school bound to the bench integration client, and that client's principal."""
    tag = secrets.token_hex(4)
    async with sessionmaker() as session:
        uow = UnitOfWork(session, request_id=f"bench-{tag}")
        school = await benchlib.add_school(uow, tag, vestiging=f"{secrets.randbelow(100):02d}")
        client = IntegrationClient(
            issuer=ISSUER,
            client_id=f"{CLIENT_ID}-{tag}",
            name="Bench LVS",
            allowed_scopes=["roster:read", "roster:write"],
        )
        uow.add(client)
        await uow.flush()
        uow.add(IntegrationClientSchool(client_id=client.id, school_id=school.id))
        await uow.commit()
    # What identity.service.resolve_bearer makes of this client's token.
    principal = Principal(
        kind="system",
        audit_id=f"client:{client.client_id}",
        display_name=client.name,
        client_id=client.client_id,
        roles={school.id: frozenset({"integration"})},
        scopes=frozenset({"roster:read", "roster:write"}),
    )
    return school.id, principal


async def run_sync(
    sessionmaker: async_sessionmaker[AsyncSession],
    counter: StatementCounter,
    principal: Principal,
    school_id: uuid.UUID,
    payload: dict[str, Any],
    key: str,
    step: str,
) -> Measurement:
    """One request's worth: parse the body, sync in one unit of work, commit."""
    before = counter.count
    started = time.perf_counter()
    async with sessionmaker() as session:
        uow = UnitOfWork(session, request_id=f"bench-{step}")
        uow.actor = principal
        await uow.set_school_context(principal.school_ids)
        request = RosterSyncRequest.model_validate(payload)
        status, body, replayed = await sync_roster_idempotent(
            uow, principal, school_id, request, payload, key
        )
        await uow.commit()
    seconds = time.perf_counter() - started
    if status != 200:
        raise SystemExit(f"{step}: status {status}")
    return Measurement(
        step=step,
        seconds=seconds,
        statements=counter.count - before,
        outcomes=Counter(r["outcome"] for r in body["results"]),
        replayed=replayed,
    )


def check(m: Measurement, expected: dict[str, int], replayed: bool = False) -> None:
    """A benchmark of a sync that does the wrong thing is worthless: stop."""
    if dict(m.outcomes) != expected or m.replayed != replayed:
        raise SystemExit(
            f"{m.step}: expected {expected} (replayed={replayed}), "
            f"got {dict(m.outcomes)} (replayed={m.replayed})"
        )


async def bench_size(
    sessionmaker: async_sessionmaker[AsyncSession], counter: StatementCounter, n: int
) -> list[tuple[int, int, Measurement]]:
    school_id, principal = await create_school(sessionmaker)
    payload = roster(n)
    rows = row_count(payload)
    first_key = str(uuid.uuid4())

    async def step(name: str, body: dict[str, Any], key: str) -> Measurement:
        return await run_sync(sessionmaker, counter, principal, school_id, body, key, name)

    first = await step("first sync (created)", payload, first_key)
    check(first, {"created": rows})
    replay = await step("replay (same key)", payload, first_key)
    check(replay, {"created": rows}, replayed=True)
    unchanged = await step("re-sync (unchanged)", payload, str(uuid.uuid4()))
    check(unchanged, {"unchanged": rows})
    changed = roster(n, updated_every=10)
    update = await step("update 10% of students", changed, str(uuid.uuid4()))
    n_updated = len(range(0, n, 10))
    check(update, {"updated": n_updated, "unchanged": rows - n_updated})
    return [(n, rows, m) for m in (first, replay, unchanged, update)]


def print_table(lines: list[tuple[int, int, Measurement]]) -> None:
    header = (
        f"{'students':>8}  {'rows':>6}  {'step':<24}  {'seconds':>8}  {'rows/s':>8}  "
        f"{'x first':>7}  {'SQL stmts':>9}"
    )
    print(header)
    print("-" * len(header))
    first_seconds: dict[int, float] = {}
    for n, rows, m in lines:
        first_seconds.setdefault(n, m.seconds)
        ratio = m.seconds / first_seconds[n]
        print(
            f"{n:>8}  {rows:>6}  {m.step:<24}  {m.seconds:>8.2f}  {rows / m.seconds:>8.0f}  "
            f"{ratio:>7.2f}  {m.statements:>9}"
        )


async def bench(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession], sizes: list[int]
) -> None:
    counter = StatementCounter()
    lines: list[tuple[int, int, Measurement]] = []
    try:
        with benchlib.counting(engine, counter):
            for n in sizes:
                print(f"syncing {n} students ...", file=sys.stderr, flush=True)
                lines += await bench_size(sessionmaker, counter, n)
    finally:
        await engine.dispose()
    print()
    print_table(lines)
    print(
        "\nrows = payload rows (students + guardians + groups + staff + enrolments + assignments);"
        "\n'x first' = seconds / seconds of the first sync of that size; SQL stmts counted with"
        "\na before_cursor_execute listener (an executemany batch counts once)."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--students",
        type=int,
        action="append",
        metavar="N",
        help="school size in students (repeatable; default 1000, 5000 and 10000)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database directory under .data/bench"
    )
    args = parser.parse_args(argv)
    sizes: list[int] = args.students or list(DEFAULT_SIZES)
    if any(n < 1 or n > 50_000 for n in sizes):
        parser.error("--students must be between 1 and 50000 (the payload's limit)")

    with benchlib.embedded_database(args.keep) as db:
        app = create_app(Settings(env="test", database_url=db.app_url, log_level="WARNING"))
        asyncio.run(bench(app.state.engine, app.state.sessionmaker, sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
