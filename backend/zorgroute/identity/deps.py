"""FastAPI dependencies that resolve the caller and set the school context of the request."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from zorgroute.core.deps import Uow
from zorgroute.core.errors import CsrfFailed, Unauthenticated
from zorgroute.core.security.principal import Principal
from zorgroute.identity import service
from zorgroute.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "X-CSRF-Token"


async def optional_principal(request: Request, uow: Uow) -> Principal | None:
    settings: Settings = request.app.state.settings
    authorization = request.headers.get("authorization")
    principal: Principal | None
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated(
                "Use 'Authorization: Bearer <access token>'.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        principal = await service.resolve_bearer(uow, token.strip(), request.app.state.tokens)
    else:
        cookie = request.cookies.get(settings.session_cookie_name)
        principal = await service.resolve_session(uow, cookie, settings) if cookie else None
        if principal is not None and request.method not in SAFE_METHODS:
            # SameSite=Lax stops most cross-site posts; a header a form cannot set stops the rest.
            sent = request.headers.get(CSRF_HEADER, "")
            if not hmac.compare_digest(sent, principal.csrf_token or ""):
                raise CsrfFailed(f"Send the {CSRF_HEADER} header from GET /api/v1/me.")
    uow.actor = principal
    request.state.principal = principal  # for the audit of refused access (audit/denials.py)
    await uow.set_school_context(principal.school_ids if principal else [])
    return principal


async def require_principal(
    principal: Annotated[Principal | None, Depends(optional_principal)],
) -> Principal:
    if principal is None:
        raise Unauthenticated(
            "Log in, or send a bearer token.", headers={"WWW-Authenticate": "Bearer"}
        )
    return principal


CurrentPrincipal = Annotated[Principal, Depends(require_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]
