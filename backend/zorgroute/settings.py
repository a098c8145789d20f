"""Application settings, read from ZORGROUTE_* environment variables.

Nested groups use a double underscore: ZORGROUTE_OIDC__CLIENT_SECRET.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET_KEY = "dev-only-secret-key-change-me"  # noqa: S105 - refused outside development
DEV_BFF_SECRET = "dev-bff-secret"  # noqa: S105 - refused outside development


class OidcSettings(BaseModel):
    issuer: str = "http://127.0.0.1:9400"
    client_id: str = "zorgroute-bff"
    client_secret: SecretStr = SecretStr(DEV_BFF_SECRET)
    # The audience (resource indicator) of access tokens that systems present to the API.
    api_audience: str = "https://api.zorgroute.test"
    algorithms: list[str] = ["RS256", "ES256", "PS256"]
    jwks_cache_seconds: int = 3600
    scopes: str = "openid profile email"


class SessionSettings(BaseModel):
    lifetime_minutes: int = 8 * 60
    idle_minutes: int = 60
    # __Host- cookies need Secure, which needs https; development on http://127.0.0.1 turns it off.
    secure_cookie: bool = True


class GraphQLSettings(BaseModel):
    graphiql: bool = False
    introspection: bool = False
    max_depth: int = 10
    # A document may hold at most this many aliases (each one a resolver run: `a1: student …
    # a500: student` would multiply one request's work) and this many lexical tokens (the
    # parser stops there, before validation walks a huge document). The SPA's largest query
    # uses no aliases and under 100 tokens.
    max_aliases: int = Field(default=15, ge=1)
    max_tokens: int = Field(default=1000, ge=1)


class RateLimitSettings(BaseModel):
    """Request counts per fixed window, shared by all replicas through PostgreSQL.

    Keys: the client IP for login; the session cookie or bearer token (hashed) for writes, or
    the IP without one. A school's staff usually share one public IP (NAT), hence the generous
    per-IP numbers.
    """

    enabled: bool = True
    window_seconds: int = Field(default=60, ge=1, le=3600)
    # GET /auth/login and /auth/callback together, per client IP (one login is two requests).
    login_per_ip: int = Field(default=60, ge=1)
    # POST/PUT/PATCH/DELETE under /api/v1 and every POST to /graphql, per session or token;
    # anonymous ones per IP.
    writes_per_principal: int = Field(default=120, ge=1)
    # All credentialed writes from one IP together: made-up cookies or tokens (each a fresh
    # key) cannot escape the limit, while a school behind one address still fits.
    writes_per_ip: int = Field(default=1200, ge=1)


class BodyLimitSettings(BaseModel):
    """The largest request body accepted, checked on Content-Length and while streaming."""

    max_bytes: int = Field(default=1024 * 1024, ge=0)
    # The LVS bulk writes (roster:sync, results:import). A roster sync carries a whole school:
    # 5,000 students with a guardian each, groups, staff and enrolments are 2.6 MB as compact
    # JSON (3.6 MB indented; bench/roster_sync.py); 10,000 results about 2.3 MB. 16 MiB leaves
    # room for ~30,000 students and stays under the ingress' 20m cap.
    bulk_max_bytes: int = Field(default=16 * 1024 * 1024, ge=0)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ZORGROUTE_", env_nested_delimiter="__", extra="ignore"
    )

    env: Literal["development", "test", "production"] = "production"
    secret_key: SecretStr = SecretStr(DEV_SECRET_KEY)
    public_url: str = "http://127.0.0.1:8000"
    # Where the browser goes after login/logout (the SPA; the API itself until the SPA lands).
    app_url: str = "http://127.0.0.1:8000"
    data_dir: str = ".data"
    log_level: str = "INFO"
    # Empty means: start the embedded PostgreSQL under data_dir (development and tests).
    database_url: str = ""
    # Migrations run as the schema owner; the app connects as a role without BYPASSRLS.
    migration_database_url: str = ""
    database_app_role: str = "zorgroute_app"
    database_pool_size: int = 10
    oidc: OidcSettings = OidcSettings()
    session: SessionSettings = SessionSettings()
    graphql: GraphQLSettings = GraphQLSettings()
    rate_limit: RateLimitSettings = RateLimitSettings()
    body_limit: BodyLimitSettings = BodyLimitSettings()

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Settings:
        if self.env == "development" or self.env == "test":
            return self
        weak = []
        if self.secret_key.get_secret_value() == DEV_SECRET_KEY:
            weak.append("ZORGROUTE_SECRET_KEY")
        if self.oidc.client_secret.get_secret_value() == DEV_BFF_SECRET:
            weak.append("ZORGROUTE_OIDC__CLIENT_SECRET")
        if len(self.secret_key.get_secret_value()) < 32:
            weak.append("ZORGROUTE_SECRET_KEY (at least 32 characters)")
        if not self.database_url:
            weak.append("ZORGROUTE_DATABASE_URL (the embedded database is for development)")
        if weak:
            raise ValueError(
                "refusing to start with development defaults outside development: "
                + ", ".join(weak)
            )
        return self

    @property
    def public_base(self) -> str:
        """public_url without a trailing slash, whatever the environment variable holds."""
        return self.public_url.rstrip("/")

    @property
    def app_base(self) -> str:
        return self.app_url.rstrip("/")

    @property
    def is_development(self) -> bool:
        return self.env == "development"

    @property
    def session_cookie_name(self) -> str:
        return "__Host-zr_session" if self.session.secure_cookie else "zr_session"


@lru_cache
def get_settings() -> Settings:
    return Settings()
