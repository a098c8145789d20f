"""Settings refuse development secrets outside development; health and metrics answer."""

from __future__ import annotations

import httpx
import pytest
from pydantic import ValidationError

from zorgroute.settings import Settings


def test_production_refuses_default_secrets() -> None:
    with pytest.raises(ValidationError) as info:
        Settings(env="production", database_url="postgresql+asyncpg://u@h/db")
    message = str(info.value)
    assert "ZORGROUTE_SECRET_KEY" in message and "ZORGROUTE_OIDC__CLIENT_SECRET" in message


def test_production_starts_with_real_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGROUTE_ENV", "production")
    monkeypatch.setenv("ZORGROUTE_SECRET_KEY", "x" * 40)
    monkeypatch.setenv("ZORGROUTE_OIDC__CLIENT_SECRET", "a-real-secret")
    monkeypatch.setenv("ZORGROUTE_DATABASE_URL", "postgresql+asyncpg://u@h/db")
    settings = Settings()
    assert settings.env == "production" and settings.session.secure_cookie
    assert settings.session_cookie_name == "__Host-zr_session"


def test_development_accepts_defaults() -> None:
    assert Settings(env="development").is_development


async def test_health_and_metrics(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health/live")).json() == {"status": "ok"}
    assert (await client.get("/health/ready")).json() == {"status": "ok"}
    await client.get("/api/v1/me")
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    assert "http_requests_total" in metrics.text
