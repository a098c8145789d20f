"""Staff login through the backend (BFF) and the /me endpoint."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from authlib.integrations.base_client.errors import OAuthError
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from zorgroute.core.deps import Uow
from zorgroute.core.errors import AccountNotProvisioned, Unauthenticated
from zorgroute.core.problem import problem_responses
from zorgroute.identity import service
from zorgroute.identity.deps import CurrentPrincipal
from zorgroute.identity.schemas import LogoutRead, MeRead
from zorgroute.settings import Settings

auth_router = APIRouter(prefix="/auth", tags=["auth"])
me_router = APIRouter(prefix="/api/v1", tags=["me"], responses=problem_responses(401))
PUBLIC: dict[str, Any] = {"security": []}  # no credentials: this is how you get them


def _safe_return_to(value: str | None) -> str:
    # Only same-site paths: never an open redirect to someone else's site.
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


@auth_router.get(
    "/login",
    operation_id="auth-login",
    status_code=302,
    response_class=RedirectResponse,
    responses={
        302: {"description": "Redirect to the identity provider"},
        **problem_responses(422),
    },
    openapi_extra=PUBLIC,
)
async def login(request: Request, return_to: str | None = None) -> Any:
    """Start the OpenID Connect login (authorization code + PKCE)."""
    settings: Settings = request.app.state.settings
    request.session["return_to"] = _safe_return_to(return_to)
    return await request.app.state.oauth.zorgroute.authorize_redirect(
        request,
        f"{settings.public_base}/auth/callback",
        resource=settings.oidc.api_audience,
    )


@auth_router.get(
    "/callback",
    operation_id="auth-callback",
    status_code=303,
    response_class=RedirectResponse,
    responses={
        303: {"description": "Logged in; redirect into the app"},
        **problem_responses(401, 403),
    },
    openapi_extra=PUBLIC,
)
async def callback(request: Request, uow: Uow) -> Any:
    """Finish the login: validate the code exchange and ID token, open a session."""
    settings: Settings = request.app.state.settings
    try:
        try:
            token = await request.app.state.oauth.zorgroute.authorize_access_token(request)
        except OAuthError as exc:
            raise Unauthenticated(f"Login failed: {exc.error}. Please try again.") from None
        session_token = await service.complete_login(
            uow, settings, dict(token["userinfo"]), token.get("id_token")
        )
    except (Unauthenticated, AccountNotProvisioned) as exc:
        # A person in a browser gets the app's explanation page, not a JSON document.
        if "text/html" not in request.headers.get("accept", ""):
            raise
        return RedirectResponse(f"{settings.app_base}/inloggen?fout={exc.code}", status_code=303)
    return_to = _safe_return_to(request.session.pop("return_to", None))
    response = RedirectResponse(settings.app_base + return_to, status_code=303)
    response.set_cookie(
        settings.session_cookie_name,
        session_token,
        max_age=settings.session.lifetime_minutes * 60,
        path="/",
        secure=settings.session.secure_cookie,
        httponly=True,
        samesite="lax",
    )
    return response


@auth_router.post(
    "/logout",
    operation_id="auth-logout",
    response_model=LogoutRead,
    responses=problem_responses(401, 403),
)
async def logout(
    request: Request, response: Response, uow: Uow, principal: CurrentPrincipal
) -> LogoutRead:
    """End the session here; the answer says where to end it at the identity provider."""
    settings: Settings = request.app.state.settings
    await service.logout(uow, principal)
    response.delete_cookie(
        settings.session_cookie_name,
        path="/",
        secure=settings.session.secure_cookie,
        httponly=True,
        samesite="lax",
    )
    metadata = await request.app.state.oidc_metadata.discovery()
    end = metadata.get("end_session_endpoint")
    url = None
    if end:
        url = (
            end
            + "?"
            + urlencode(
                {
                    "client_id": settings.oidc.client_id,
                    "post_logout_redirect_uri": settings.app_base + "/",
                }
            )
        )
    return LogoutRead(end_session_url=url)


@me_router.get("/me", operation_id="me-get", response_model=MeRead)
async def get_me(uow: Uow, principal: CurrentPrincipal) -> MeRead:
    """Who am I: my schools and roles there, and the CSRF token for unsafe requests."""
    return await service.me(uow, principal)
