"""Application settings, read from ZORGROUTE_* environment variables.

Nested groups use a double underscore: ZORGROUTE_OIDC__CLIENT_SECRET.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, SecretStr, model_validator
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
