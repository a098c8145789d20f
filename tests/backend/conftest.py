"""Test harness: a real embedded PostgreSQL per xdist worker (migrated, app role, RLS on),
the real development OIDC provider as a process, and the app in-process over ASGI.

Isolation: every test builds its own school(s) with fresh ids through `world`, so tests never
see each other's data (row-level security and the school-scoped API make that exact) and
real commits, which the unit-of-work tests need, are kept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from support.factories import World, WorldFactory
from support.idp import DevIdp, client_credentials_token, start_dev_idp

from zorgroute.cli import migrate
from zorgroute.core.db import create_engine, create_sessionmaker
from zorgroute.core.embedded_pg import EmbeddedDatabase, start_embedded
from zorgroute.main import create_app
from zorgroute.settings import OidcSettings, RateLimitSettings, SessionSettings, Settings

REPO_DIR = Path(__file__).resolve().parents[2]
TEST_BASE_URL = "http://testserver"


@pytest.fixture(scope="session")
def worker_id_str(request: pytest.FixtureRequest) -> str:
    return str(getattr(request.config, "workerinput", {}).get("workerid", "main"))


@pytest.fixture(scope="session")
def database(worker_id_str: str) -> Iterator[EmbeddedDatabase]:
    # Under the repo's .data/ (the server opens permissions on parent folders), one cluster
    # per worker and per run, so parallel runs never share or delete each other's cluster.
    parent = REPO_DIR / ".data" / "test"
    parent.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix=f"{worker_id_str}-", dir=parent))
    db = start_embedded(data_dir)
    migrate(db.owner_url)
    yield db
    db.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def dev_idp() -> Iterator[DevIdp]:
    idp = start_dev_idp(
        redirect_uris=[f"{TEST_BASE_URL}/auth/callback"],
        post_logout_redirect_uris=[f"{TEST_BASE_URL}/"],
    )
    yield idp
    idp.stop()


@pytest.fixture(scope="session")
def settings(database: EmbeddedDatabase, dev_idp: DevIdp) -> Settings:
    return Settings(
        env="test",
        database_url=database.app_url,
        public_url=TEST_BASE_URL,
        app_url=TEST_BASE_URL,
        oidc=OidcSettings(issuer=dev_idp.issuer),
        session=SessionSettings(secure_cookie=False),
        # The suite sends hundreds of writes from one address (and the fuzzer thousands):
        # limits are tested on their own apps (core/test_hardening.py).
        rate_limit=RateLimitSettings(enabled=False),
        log_level="WARNING",
    )


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[Any]:
    application = create_app(settings)
    yield application
    await application.state.engine.dispose()


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=TEST_BASE_URL) as c:
        yield c


@pytest.fixture(scope="session")
async def app_engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    """A separate engine as the app role, for arranging data and checking what was stored."""
    engine = create_engine(settings.database_url, pool_size=2)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
def factory(app_engine: AsyncEngine, dev_idp: DevIdp) -> WorldFactory:
    return WorldFactory(create_sessionmaker(app_engine), dev_idp.issuer)


@pytest.fixture
async def world(factory: WorldFactory) -> World:
    """A fresh VO school with a roster, staff accounts for every role, and the LVS client."""
    return await factory.build(sector="VO")


@pytest.fixture
def lvs_token(dev_idp: DevIdp) -> str:
    """A fresh token per test: a session-wide one expires before a long run ends."""
    return client_credentials_token(
        dev_idp.issuer, "demo-lvs", "demo-lvs-secret", "roster:read roster:write results:write"
    )


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []

    def __call__(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.count += 1
        self.statements.append(statement)


@pytest.fixture
def count_statements(app: Any) -> Iterator[StatementCounter]:
    """Counts the SQL statements the app sends while the test runs."""
    counter = StatementCounter()
    sync_engine = app.state.engine.sync_engine
    event.listen(sync_engine, "before_cursor_execute", counter)
    yield counter
    event.remove(sync_engine, "before_cursor_execute", counter)


os.environ.setdefault("ZORGROUTE_ENV", "test")
