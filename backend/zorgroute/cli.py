"""`python -m zorgroute <command>`: dev, serve, migrate, seed-demo, export-api-spec."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BACKEND_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = BACKEND_DIR.parent
DEV_IDP_DIR = REPO_DIR / "deploy" / "dev-idp"
OPENAPI_DIR = REPO_DIR / "openapi"


@dataclass
class Database:
    app_url: str
    owner_url: str
    app_role: str
    embedded: Any = None


def resolve_database() -> Database:
    """The configured database, or the embedded one under ZORGROUTE_DATA_DIR (default .data)."""
    from zorgroute.settings import get_settings

    settings = get_settings()
    if settings.database_url:
        return Database(
            settings.database_url,
            settings.migration_database_url or settings.database_url,
            settings.database_app_role,
        )
    from zorgroute.core.embedded_pg import start_embedded

    data_dir = Path(settings.data_dir)
    if not data_dir.is_absolute():
        data_dir = REPO_DIR / data_dir
    db = start_embedded(data_dir, settings.database_app_role)
    return Database(db.app_url, db.owner_url, settings.database_app_role, db)


def migrate(owner_url: str, app_role: str = "zorgroute_app") -> None:
    """Apply migrations as the schema owner, granting table access to the app role."""
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(BACKEND_DIR / "alembic.ini"))
    cfg.attributes["url"] = owner_url
    cfg.attributes["app_role"] = app_role
    command.upgrade(cfg, "head")


def seed_demo(app_url: str) -> None:
    from zorgroute.demo.seed import seed

    print(asyncio.run(seed(app_url)))


def export_api_spec(check: bool) -> int:
    """Write openapi/openapi.json and openapi/schema.graphql; with --check, fail on drift."""
    from strawberry.printer import print_schema

    from zorgroute.graphql.schema import build_schema
    from zorgroute.main import create_app
    from zorgroute.settings import Settings

    settings = Settings(env="test", database_url="postgresql+asyncpg://spec@/spec")
    spec = create_app(settings).openapi()
    outputs = {
        OPENAPI_DIR / "openapi.json": json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False)
        + "\n",
        OPENAPI_DIR / "schema.graphql": print_schema(build_schema()) + "\n",
    }
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text() != text]
    if check:
        for path in stale:
            print(f"{path.relative_to(REPO_DIR)} is stale: run `make api-spec` and commit it.")
        return 1 if stale else 0
    OPENAPI_DIR.mkdir(exist_ok=True)
    for path, text in outputs.items():
        path.write_text(text)
    return 0


def serve(host: str, port: int, reload: bool = False) -> None:
    import uvicorn

    uvicorn.run(
        "zorgroute.main:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        proxy_headers=True,
        log_level="warning",
        access_log=False,
    )


def dev() -> int:
    """`make run`: embedded PostgreSQL, migrations, demo data, dev IdP and API, until Ctrl-C."""
    os.environ.setdefault("ZORGROUTE_ENV", "development")
    os.environ.setdefault("ZORGROUTE_SESSION__SECURE_COOKIE", "false")
    db = resolve_database()
    print("• database ready" + (" (embedded, .data/pg)" if db.embedded else ""))
    migrate(db.owner_url, db.app_role)
    print("• migrations applied")
    seed_demo(db.app_url)
    os.environ["ZORGROUTE_DATABASE_URL"] = db.app_url
    from zorgroute.settings import get_settings

    get_settings.cache_clear()  # read again, now with the database URL
    idp = subprocess.Popen(
        ["node", "server.mjs"],  # noqa: S607 - node from PATH, as `make` checked
        cwd=DEV_IDP_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert idp.stdout is not None
    for line in idp.stdout:
        if "listening" in line:
            break
    else:
        print("the development identity provider did not start", file=sys.stderr)
        return 1
    print(_banner())
    try:
        serve("127.0.0.1", 8000)
    finally:
        idp.send_signal(signal.SIGTERM)
        try:
            idp.wait(timeout=5)
        except subprocess.TimeoutExpired:
            idp.kill()
        if db.embedded is not None:
            db.embedded.stop()
        print("• stopped API, identity provider and database")
    return 0


def _banner() -> str:
    accounts = json.loads((DEV_IDP_DIR / "accounts.json").read_text())
    rows = []
    for a in accounts:
        roles = ", ".join(f"{m['role']} @ {m['school']}" for m in a["memberships"])
        roles = roles or ", ".join(f"{m['role']} @ {m['swv']}" for m in a["swv_memberships"])
        rows.append(f"    {a['login']:<18} {a['name']:<24} {roles or 'no access'}")
    return "\n".join(
        [
            "",
            "Zorgroute is running (Ctrl-C stops everything):",
            "  API            http://127.0.0.1:8000/api/v1/docs",
            "  Log in         http://127.0.0.1:8000/auth/login  → then /api/v1/me",
            "  GraphQL        http://127.0.0.1:8000/graphql",
            "  Identity (dev) http://127.0.0.1:9400/.well-known/openid-configuration",
            "",
            "  Demo logins (any password):",
            *rows,
            "",
            "  LVS client: demo-lvs / demo-lvs-secret (client credentials; see README)",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zorgroute")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dev", help="run everything for local development (make run)")
    serve_p = sub.add_parser("serve", help="run the API (ZORGROUTE_DATABASE_URL must be set)")
    serve_p.add_argument("--host", default="127.0.0.1")
    serve_p.add_argument("--port", type=int, default=8000)
    sub.add_parser("migrate", help="apply database migrations")
    sub.add_parser("seed-demo", help="migrate and load the demo data (idempotent)")
    spec_p = sub.add_parser("export-api-spec", help="write openapi/ (or --check for drift)")
    spec_p.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)

    if args.command == "dev":
        return dev()
    if args.command == "serve":
        serve(args.host, args.port)
        return 0
    if args.command == "export-api-spec":
        return export_api_spec(args.check)
    db = resolve_database()
    migrate(db.owner_url, db.app_role)
    if args.command == "seed-demo":
        seed_demo(db.app_url)
    return 0
