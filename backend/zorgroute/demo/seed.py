"""Load the demo data (idempotent): organisations, rosters through the LVS sync, accounts."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import select

from zorgroute.core.db import UnitOfWork, create_engine, create_sessionmaker
from zorgroute.core.security.principal import Principal
from zorgroute.demo import cases, dataset, gifted, hgw
from zorgroute.identity.models import (
    IntegrationClient,
    IntegrationClientSchool,
    SchoolMembership,
    SwvMembership,
    UserAccount,
)
from zorgroute.organisations.models import Board, School, Swv
from zorgroute.roster import sync
from zorgroute.roster.models import ExternalRef
from zorgroute.roster.schemas import RosterSyncRequest
from zorgroute.settings import get_settings

DEMO_CLIENTS: tuple[tuple[str, str, list[str], list[str]], ...] = (
    # client id, name, scopes, schools
    ("demo-lvs", "Demo LVS (ParnasSys/Magister koppeling)",
     ["roster:read", "roster:write", "results:write"], ["12AB00", "34CD00"]),
    ("demo-swv", "Demo SWV-systeem", ["reports:read"], []),
)  # fmt: skip


async def _get_or_add(uow: UnitOfWork, model: Any, where: dict[str, Any], **values: Any) -> Any:
    stmt = select(model)
    for name, value in where.items():
        stmt = stmt.where(getattr(model, name) == value)
    row = await uow.first(stmt)
    if row is None:
        row = model(**where, **values)
        uow.add(row)
        await uow.flush()
    return row


async def seed(app_url: str) -> str:
    """Everything goes in as the app role, under row-level security, like any other write."""
    settings = get_settings()
    engine = create_engine(app_url, pool_size=2)
    try:
        sessionmaker = create_sessionmaker(engine)
        async with sessionmaker() as session:
            uow = UnitOfWork(session, request_id="demo-seed")
            summary = await _seed(uow, settings.oidc.issuer)
            await uow.commit()
        # Then the HGW cycle and the care cases, as the demo staff would enter them (their own
        # units of work). Cases come second: one of them rests on Cyclus 1's group meeting.
        summary += "\n" + await hgw.seed_hgw(sessionmaker, settings.oidc.issuer)
        summary += "\n" + await cases.seed_cases(sessionmaker, settings.oidc.issuer)
        return summary + "\n" + await gifted.seed_gifted(sessionmaker, settings.oidc.issuer)
    finally:
        await engine.dispose()


async def _seed(uow: UnitOfWork, issuer: str) -> str:
    orgs = dataset.organisations()
    swvs = {
        s["code"]: await _get_or_add(
            uow, Swv, {"code": s["code"]}, name=s["name"], sector=s["sector"]
        )
        for s in orgs["swvs"]
    }
    boards = {
        b["code"]: await _get_or_add(uow, Board, {"code": b["code"]}, name=b["name"])
        for b in orgs["boards"]
    }
    schools: dict[str, School] = {}
    for s in orgs["schools"]:
        schools[s["key"]] = await _get_or_add(
            uow,
            School,
            {"brin": s["brin"], "vestiging": s["vestiging"]},
            name=s["name"],
            sector=s["sector"],
            swv_id=swvs[s["swv"]].id,
            board_id=boards[s["board"]].id,
        )
    school_ids = [s.id for s in schools.values()]
    system = Principal(
        kind="system",
        audit_id="system:demo-seed",
        display_name="Demo seed",
        roles={i: frozenset({"integration"}) for i in school_ids},
        scopes=frozenset({"roster:read", "roster:write"}),
    )
    uow.actor = system
    await uow.set_school_context(school_ids)

    totals: dict[str, int] = {}
    for key, school in schools.items():
        payload = dataset.roster_payload(key)
        result = await sync.sync_roster(uow, system, school.id, RosterSyncRequest(**payload))
        for counts in result.counts.values():
            for outcome, n in counts.model_dump().items():
                totals[outcome] = totals.get(outcome, 0) + n
        staff_refs = {
            r.external_id: r.entity_id
            for r in await uow.scalars(
                select(ExternalRef).where(
                    ExternalRef.school_id == school.id,
                    ExternalRef.entity_type == "staff_member",
                    ExternalRef.source == payload["source"],
                )
            )
        }
        await _seed_accounts(uow, issuer, key, school, staff_refs)
    for account in dataset.demo_accounts():
        user = await _account(uow, issuer, account)
        for m in account["swv_memberships"]:
            await _get_or_add(
                uow,
                SwvMembership,
                {"user_id": user.id, "swv_id": swvs[m["swv"]].id, "role": m["role"]},
            )
    for client_id, name, scopes, keys in DEMO_CLIENTS:
        client = await _get_or_add(
            uow,
            IntegrationClient,
            {"issuer": issuer, "client_id": client_id},
            name=name,
            allowed_scopes=scopes,
        )
        for key in keys:
            await _get_or_add(
                uow, IntegrationClientSchool, {"client_id": client.id, "school_id": schools[key].id}
            )
    return "• demo data loaded: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items()))


async def _account(uow: UnitOfWork, issuer: str, account: dict[str, Any]) -> UserAccount:
    user: UserAccount = await _get_or_add(
        uow,
        UserAccount,
        {"issuer": issuer, "subject": account["login"]},
        display_name=account["name"],
        email=account["email"],
    )
    return user


async def _seed_accounts(
    uow: UnitOfWork, issuer: str, key: str, school: School, staff_refs: dict[str, uuid.UUID]
) -> None:
    for account in dataset.demo_accounts():
        for m in account["memberships"]:
            if m["school"] != key:
                continue
            user = await _account(uow, issuer, account)
            membership = await _get_or_add(
                uow,
                SchoolMembership,
                {"user_id": user.id, "school_id": school.id, "role": m["role"]},
            )
            staff = m.get("staff_external_id")  # none for a privacy officer or jeugdarts
            membership.staff_member_id = staff_refs.get(staff) if staff else None
            uow.add(membership)


__all__ = ["seed"]
