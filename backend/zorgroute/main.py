"""The ASGI application: REST under /api/v1, GraphQL at /graphql, login under /auth."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from authlib.integrations.starlette_client import OAuth
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from prometheus_fastapi_instrumentator import Instrumentator
from pydantic.json_schema import models_json_schema
from sqlalchemy import text
from starlette.middleware.sessions import SessionMiddleware

from zorgroute.cases.rest import router as cases_router
from zorgroute.core.db import create_engine, create_sessionmaker
from zorgroute.core.limits import BodySizeLimitMiddleware, RefuseWebSockets, document_limits
from zorgroute.core.logging import RequestContextMiddleware, configure_logging
from zorgroute.core.problem import (
    install_problem_handlers,
    problem_response,
    use_problem_media_type,
)
from zorgroute.core.ratelimit import RateLimiter, RateLimitMiddleware
from zorgroute.core.security.tokens import OidcMetadata, TokenValidator
from zorgroute.gifted.rest import router as gifted_router
from zorgroute.graphql.schema import graphql_router
from zorgroute.hgw.rest import router as hgw_router
from zorgroute.identity.rest import auth_router, me_router
from zorgroute.notes.rest import router as notes_router
from zorgroute.organisations.rest import router as organisations_router
from zorgroute.plans.rest import router as plans_router
from zorgroute.privacy import export_rest, retention_rest
from zorgroute.privacy.rest import router as privacy_router
from zorgroute.roster.rest import router as roster_router
from zorgroute.roster.schemas import SYNC_ROW_MODELS
from zorgroute.settings import Settings, get_settings

API_DESCRIPTION = """Zorgroute: handelingsgericht werken and the onderwijszorgroute.

Errors are RFC 9457 problem+json documents (see docs/errors.md). Staff call the API with the
session cookie from /auth/login plus the X-CSRF-Token header on unsafe methods; systems (LVS,
SWV) send an OAuth2 client-credentials bearer token.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    if not settings.database_url:
        raise RuntimeError("ZORGROUTE_DATABASE_URL is not set (use `python -m zorgroute serve`)")
    configure_logging(settings.log_level)
    engine = create_engine(settings.database_url, settings.database_pool_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await engine.dispose()

    app = FastAPI(
        title="Zorgroute API",
        version="0.1.0",
        description=API_DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.oidc_metadata = OidcMetadata(settings.oidc.issuer, settings.oidc.jwks_cache_seconds)
    app.state.tokens = TokenValidator(
        app.state.oidc_metadata, settings.oidc.api_audience, settings.oidc.algorithms
    )
    oauth = OAuth()
    oauth.register(
        "zorgroute",
        client_id=settings.oidc.client_id,
        client_secret=settings.oidc.client_secret.get_secret_value(),
        server_metadata_url=f"{settings.oidc.issuer}/.well-known/openid-configuration",
        client_kwargs={
            "scope": settings.oidc.scopes,
            "code_challenge_method": "S256",
            "token_endpoint_auth_method": "client_secret_basic",
        },
    )
    app.state.oauth = oauth

    install_problem_handlers(app)
    app.include_router(auth_router)
    app.include_router(me_router)
    app.include_router(organisations_router)
    app.include_router(roster_router)
    app.include_router(export_rest.router)
    app.include_router(retention_rest.router)
    app.include_router(notes_router)
    app.include_router(privacy_router)
    app.include_router(hgw_router)
    app.include_router(plans_router)
    app.include_router(cases_router)
    app.include_router(gifted_router)
    app.include_router(graphql_router(settings), prefix="/graphql", include_in_schema=False)
    _health_routes(app)
    _finish_openapi(app)

    Instrumentator(excluded_handlers=["/metrics", "/health/.*"]).instrument(app).expose(
        app, endpoint="/metrics", include_in_schema=False
    )
    # Outermost last: the request id exists before anything else runs, and its security
    # headers (Cache-Control: no-store …) reach the 413 and 429 answers too. Size before rate:
    # an oversized Content-Length is refused without a database round trip.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key.get_secret_value(),
        session_cookie="zr_oauth",  # only the login's state, nonce and PKCE verifier
        max_age=600,
        same_site="lax",
        https_only=settings.session.secure_cookie,
    )
    if settings.rate_limit.enabled:
        app.state.rate_limiter = RateLimiter(
            engine, settings.secret_key.get_secret_value(), settings.rate_limit.window_seconds
        )
        app.add_middleware(
            RateLimitMiddleware,
            limiter=app.state.rate_limiter,
            settings=settings.rate_limit,
            session_cookie=settings.session_cookie_name,
        )
    app.add_middleware(BodySizeLimitMiddleware, settings=settings.body_limit)
    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(RefuseWebSockets)
    return app


def _finish_openapi(app: FastAPI) -> None:
    """Authentication is resolved in one dependency, not per route: describe it once; errors
    are problem+json documents."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            schema.setdefault("components", {})["securitySchemes"] = {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                    "description": "Client-credentials access token (RFC 9068) for systems.",
                },
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "__Host-zr_session",
                    "description": "Staff session from /auth/login (zr_session in development); "
                    "unsafe methods also need the X-CSRF-Token header from GET /api/v1/me.",
                },
            }
            schema["security"] = [{"bearer": []}, {"session": []}]
            use_problem_media_type(schema)
            document_limits(schema)
            _, rows = models_json_schema(
                [(m, "validation") for m in SYNC_ROW_MODELS],
                ref_template="#/components/schemas/{model}",
            )
            schema["components"]["schemas"].update(rows["$defs"])
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _health_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    async def index() -> dict[str, str]:
        # Where the browser lands after login until the SPA serves this address.
        return {
            "name": "Zorgroute API",
            "me": "/api/v1/me",
            "docs": "/api/v1/docs",
            "login": "/auth/login",
        }

    @app.get("/health/live", include_in_schema=False)
    async def live() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/health/ready", include_in_schema=False)
    async def ready(request: Request) -> Any:
        try:
            async with app.state.engine.connect() as conn:
                await conn.execute(text("select 1"))
        except Exception:
            return problem_response(
                request,
                {
                    "type": "https://zorgroute.nl/problems/not-ready",
                    "title": "Not ready",
                    "status": 503,
                    "code": "not-ready",
                    "detail": "The database is not reachable.",
                },
            )
        return JSONResponse({"status": "ok"})
