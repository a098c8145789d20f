"""The procrastinate app: the job queue in our own PostgreSQL (schema from migration 0004).

`create_job_app(settings)` connects as the app role (the worker runs under row-level security
like the API); `run_worker(settings)` runs the jobs of every domain and the periodic ones.
"""

from __future__ import annotations

import procrastinate

from zorgroute.cases import jobs as case_jobs
from zorgroute.core.db import create_engine, create_sessionmaker
from zorgroute.gifted import jobs as gifted_jobs
from zorgroute.privacy import jobs as privacy_jobs
from zorgroute.settings import Settings


def libpq_url(database_url: str) -> str:
    """procrastinate's psycopg driver takes a libpq URL, without SQLAlchemy's driver suffix."""
    scheme, sep, rest = database_url.partition("://")
    return "postgresql" + sep + rest if scheme.startswith("postgresql") else database_url


def create_job_app(settings: Settings) -> procrastinate.App:
    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(conninfo=libpq_url(settings.database_url))
    )
    app.add_tasks_from(privacy_jobs.blueprint(), namespace="privacy")
    app.add_tasks_from(case_jobs.blueprint(), namespace="cases")
    app.add_tasks_from(gifted_jobs.blueprint(), namespace="gifted")
    return app


async def run_worker(settings: Settings, *, wait: bool = True) -> None:
    """Run jobs until stopped (wait=False: until the queue is empty, for tests and one-offs)."""
    engine = create_engine(settings.database_url, pool_size=2)
    app = create_job_app(settings)
    try:
        async with app.open_async():
            await app.run_worker_async(
                wait=wait,
                install_signal_handlers=wait,
                additional_context={"sessionmaker": create_sessionmaker(engine)},
            )
    finally:
        await engine.dispose()
