"""Identity use cases: who is calling, logging in and out, and what they may reach."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import AccountNotProvisioned, Unauthenticated
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.core.security.tokens import TokenValidator
from zorgroute.identity import repository as repo
from zorgroute.identity.models import WebSession
from zorgroute.identity.schemas import MeRead, MySchool, MySwv
from zorgroute.organisations import repository as org_repo
from zorgroute.settings import Settings

INTEGRATION_ROLE = "integration"
# Refresh last_seen_at at most this often; every request writing the session row is waste.
_TOUCH_INTERVAL = timedelta(minutes=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def resolve_session(uow: UnitOfWork, token: str, settings: Settings) -> Principal | None:
    session = await repo.session_by_hash(uow, hash_token(token))
    now = utcnow()
    if session is None or session.revoked_at is not None or session.expires_at <= now:
        return None
    if now - session.last_seen_at > timedelta(minutes=settings.session.idle_minutes):
        return None
    account = await repo.account(uow, session.user_id)
    if account is None:
        return None
    if now - session.last_seen_at > _TOUCH_INTERVAL:
        await repo.touch_session(uow, session.id, now)
    memberships = await repo.memberships(uow, account.id)
    swv = await repo.swv_memberships(uow, account.id)
    return Principal(
        kind="user",
        audit_id=f"user:{account.id}",
        display_name=account.display_name,
        user_id=account.id,
        roles=repo.roles_by_school(memberships),
        staff_member_ids={m.school_id: m.staff_member_id for m in memberships if m.staff_member_id},
        swv_roles={m.swv_id: frozenset({m.role}) for m in swv},
        session_id=session.id,
        csrf_token=session.csrf_token,
    )


async def resolve_bearer(uow: UnitOfWork, token: str, validator: TokenValidator) -> Principal:
    access = await validator.validate(token)
    client = await repo.integration_client(uow, access.issuer, access.client_id)
    if client is None or not client.active:
        raise Unauthenticated(
            "This client is not registered with Zorgroute.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    school_ids = await repo.client_school_ids(uow, client.id)
    return Principal(
        kind="system",
        audit_id=f"client:{client.client_id}",
        display_name=client.name,
        client_id=client.client_id,
        roles={s: frozenset({INTEGRATION_ROLE}) for s in school_ids},
        scopes=access.scopes & frozenset(client.allowed_scopes),
    )


async def complete_login(
    uow: UnitOfWork, settings: Settings, claims: dict[str, Any], id_token: str | None
) -> str:
    """Match the OIDC identity to a provisioned account and open a session. Returns the token."""
    account = await repo.account_by_subject(uow, settings.oidc.issuer, str(claims["sub"]))
    if account is None:
        raise AccountNotProvisioned(
            "Your account is not known to Zorgroute. Ask your school to give you access."
        )
    now = utcnow()
    account.display_name = str(claims.get("name") or account.display_name)
    account.email = claims.get("email") or account.email
    account.last_login_at = now
    token = secrets.token_urlsafe(32)
    session = WebSession(
        token_hash=hash_token(token),
        user_id=account.id,
        csrf_token=secrets.token_urlsafe(32),
        id_token=id_token,
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(minutes=settings.session.lifetime_minutes),
    )
    uow.add(account)
    uow.add(session)
    uow.actor = Principal(kind="user", audit_id=f"user:{account.id}", display_name="")
    uow.audit("auth.login", "user_account", account.id, None)
    return token


async def logout(uow: UnitOfWork, principal: Principal) -> None:
    if principal.session_id is not None:
        await repo.revoke_session(uow, principal.session_id, utcnow())
        uow.audit("auth.logout", "user_account", principal.user_id, None)


async def me(uow: UnitOfWork, principal: Principal) -> MeRead:
    schools = await org_repo.schools_by_ids(uow, principal.school_ids)
    swvs = await org_repo.swvs_by_ids(uow, list(principal.swv_roles))
    return MeRead(
        kind=principal.kind,
        id=principal.user_id,
        client_id=principal.client_id,
        display_name=principal.display_name,
        csrf_token=principal.csrf_token,
        scopes=sorted(principal.scopes),
        schools=[
            MySchool(
                id=s.id,
                name=s.name,
                brin=s.brin,
                vestiging=s.vestiging,
                sector=s.sector,
                roles=sorted(principal.roles_at(s.id)),
                staff_member_id=principal.staff_member_ids.get(s.id),
            )
            for s in sorted(schools, key=lambda s: s.name)
        ],
        swvs=[
            MySwv(id=s.id, code=s.code, name=s.name, roles=sorted(principal.swv_roles[s.id]))
            for s in swvs
        ],
    )
