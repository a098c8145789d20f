"""`python -m zorgroute <command>`: dev, serve, migrate, seed-demo, export-api-spec,
security-matrix."""

from __future__ import annotations

import argparse
import asyncio
import json
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


def data_dir() -> Path:
    """ZORGROUTE_DATA_DIR (default .data), relative to the repository unless absolute."""
    from zorgroute.settings import get_settings

    return REPO_DIR / get_settings().data_dir  # an absolute data_dir replaces REPO_DIR


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

    db = start_embedded(data_dir(), settings.database_app_role)
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


def security_matrix(check: bool) -> int:
    """Write the generated permission matrix into docs/security.md; --check fails on drift."""
    from zorgroute.security_matrix import update_document

    return update_document(REPO_DIR / "docs" / "security.md", check)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zorgroute")
    sub = parser.add_subparsers(dest="command", required=True)
    dev_p = sub.add_parser("dev", help="run everything for local development (make run)")
    dev_p.add_argument("--api-port", type=int, default=8000)
    dev_p.add_argument("--idp-port", type=int, default=9400)
    dev_p.add_argument("--spa-port", type=int, default=5173)
    dev_p.add_argument(
        "--spa",
        choices=["dev", "preview", "none"],
        default="dev",
        help="vite dev server, vite preview of frontend/dist (build it first), or no SPA",
    )
    dev_p.add_argument(
        "--fresh", action="store_true", help="delete the embedded database first (clean e2e runs)"
    )
    serve_p = sub.add_parser("serve", help="run the API (ZORGROUTE_DATABASE_URL must be set)")
    serve_p.add_argument("--host", default="127.0.0.1")
    serve_p.add_argument("--port", type=int, default=8000)
    sub.add_parser("migrate", help="apply database migrations")
    sub.add_parser("worker", help="run background jobs (procrastinate), e.g. nightly retention")
    sub.add_parser("seed-demo", help="migrate and load the demo data (idempotent)")
    spec_p = sub.add_parser("export-api-spec", help="write openapi/ (or --check for drift)")
    spec_p.add_argument("--check", action="store_true")
    matrix_p = sub.add_parser("security-matrix", help="write docs/security.md's matrix")
    matrix_p.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)

    if args.command == "dev":
        from zorgroute.devstack import DevOptions, dev

        return dev(DevOptions(args.api_port, args.idp_port, args.spa_port, args.spa, args.fresh))
    if args.command == "serve":
        serve(args.host, args.port)
        return 0
    if args.command == "worker":
        from zorgroute.settings import get_settings
        from zorgroute.worker import run_worker

        asyncio.run(run_worker(get_settings()))
        return 0
    if args.command == "export-api-spec":
        return export_api_spec(args.check)
    if args.command == "security-matrix":
        return security_matrix(args.check)
    db = resolve_database()
    migrate(db.owner_url, db.app_role)
    if args.command == "seed-demo":
        seed_demo(db.app_url)
    return 0
