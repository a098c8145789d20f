"""`make run` (`python -m zorgroute dev`): the whole stack on one machine — embedded PostgreSQL,
migrations, demo data, the dev identity provider, the API and the SPA — until Ctrl-C or SIGTERM.
The end-to-end tests start the same stack on other ports (tests/e2e/playwright.config.ts)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from zorgroute.cli import (
    DEV_IDP_DIR,
    REPO_DIR,
    Database,
    data_dir,
    migrate,
    resolve_database,
    seed_demo,
)

SPA_DIR = REPO_DIR / "frontend"
READY_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class DevOptions:
    api_port: int = 8000
    idp_port: int = 9400
    spa_port: int = 5173
    spa: str = "dev"  # "dev" (vite dev server), "preview" (the built frontend/dist) or "none"
    fresh: bool = False  # start from an empty embedded database


def _url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def dev(opts: DevOptions) -> int:
    """`make run`: embedded PostgreSQL, migrations, demo data, dev IdP, API and SPA, until
    Ctrl-C or SIGTERM. With the SPA, the browser only talks to the SPA's origin: its dev/preview
    server proxies /api, /auth, /graphql and /health to the API, so login callback and session
    cookie live there."""
    import uvicorn

    spa = opts.spa != "none"
    api_url, app_url = _url(opts.api_port), _url(opts.spa_port if spa else opts.api_port)
    os.environ.setdefault("ZORGROUTE_ENV", "development")
    os.environ.setdefault("ZORGROUTE_SESSION__SECURE_COOKIE", "false")
    os.environ["ZORGROUTE_OIDC__ISSUER"] = _url(opts.idp_port)  # the demo seed keys accounts on it
    os.environ["ZORGROUTE_PUBLIC_URL"] = app_url
    os.environ["ZORGROUTE_APP_URL"] = app_url
    from zorgroute.settings import get_settings

    get_settings.cache_clear()
    if get_settings().database_url and opts.fresh:
        print("--fresh only applies to the embedded database", file=sys.stderr)
        return 2
    if spa and not (SPA_DIR / "node_modules").is_dir():
        print("frontend/node_modules is missing: run `npm ci` in frontend/", file=sys.stderr)
        return 1
    if opts.spa == "preview" and not (SPA_DIR / "dist" / "index.html").is_file():
        print("frontend/dist is missing: run `npm run build` in frontend/", file=sys.stderr)
        return 1

    # SIGTERM (Playwright's webServer, docker stop) unwinds like Ctrl-C, through `finally`.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    db: Database | None = None
    idp: subprocess.Popen[str] | None = None
    vite: subprocess.Popen[str] | None = None
    worker: subprocess.Popen[str] | None = None
    children: list[subprocess.Popen[str]] = []  # all that must stay up
    api: uvicorn.Server | None = None
    api_thread = threading.Thread()
    try:
        if opts.fresh:  # only the cluster: ZORGROUTE_DATA_DIR may point anywhere
            shutil.rmtree(data_dir() / "pg", ignore_errors=True)
            print(f"• removed {data_dir() / 'pg'}")
        db = resolve_database()
        print("• database ready" + (f" (embedded, {data_dir()})" if db.embedded else ""))
        migrate(db.owner_url, db.app_role)
        print("• migrations applied")
        seed_demo(db.app_url)
        os.environ["ZORGROUTE_DATABASE_URL"] = db.app_url
        get_settings.cache_clear()  # read again, now with the database URL

        idp = _start_idp(opts, app_url)
        children.append(idp)
        if idp.returncode is not None:
            print("the development identity provider did not start", file=sys.stderr)
            return 1
        worker = _start_worker()  # background jobs, e.g. the nightly retention run
        children.append(worker)
        # The API in a thread (uvicorn leaves signals alone there), so this thread can start
        # the SPA once the API answers: when the SPA answers, the whole stack does.
        api = server = uvicorn.Server(
            uvicorn.Config(
                "zorgroute.main:create_app",
                factory=True,
                host="127.0.0.1",
                port=opts.api_port,
                proxy_headers=True,
                log_level="warning",
                access_log=False,
                timeout_graceful_shutdown=5,
            )
        )
        api_thread = threading.Thread(target=server.run, name="api", daemon=True)
        api_thread.start()

        def alive() -> bool:
            return api_thread.is_alive() and all(c.poll() is None for c in children)

        up = _wait_for(lambda: server.started and _answers(f"{api_url}/health/live"), alive)
        if up and spa:
            vite = _start_spa(opts)
            children.append(vite)
            up = _wait_for(lambda: _answers(f"{app_url}/"), alive)
        if not up:
            print("the API or the SPA did not start: stopping", file=sys.stderr, flush=True)
            return 1
        print(_banner(opts.api_port, opts.idp_port, opts.spa_port if spa else None), flush=True)
        while alive():
            time.sleep(0.5)
        print("a process of the stack exited: stopping the rest", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not skip cleanup
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if vite is not None:
            _stop_group(vite)
        if api is not None:
            api.should_exit = True
            api_thread.join(timeout=10)
        if worker is not None:
            _stop_group(worker)
        if idp is not None:
            _stop_group(idp)
        if db is not None and db.embedded is not None:
            db.embedded.stop()
        print("• stopped the SPA, API, worker, identity provider and database", flush=True)


def _wait_for(ready: Callable[[], bool], alive: Callable[[], bool]) -> bool:
    """Poll until ready, or until the stack loses a process or READY_TIMEOUT_S passes."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while alive() and time.monotonic() < deadline:
        if ready():
            return True
        time.sleep(0.2)
    return False


def _answers(url: str) -> bool:
    import httpx

    try:
        return httpx.get(url, timeout=2).status_code < 500
    except httpx.TransportError:
        return False


def _start_idp(opts: DevOptions, app_url: str) -> subprocess.Popen[str]:
    """`node server.mjs` in its own process group; returns once it listens (or has exited)."""
    origins = dict.fromkeys([app_url, _url(opts.api_port)])  # the SPA first, without duplicates
    idp = subprocess.Popen(
        ["node", "server.mjs"],  # noqa: S607 - node from PATH, as `make` checked
        cwd=DEV_IDP_DIR,
        env={
            **os.environ,
            "DEV_IDP_PORT": str(opts.idp_port),
            "DEV_IDP_BFF_REDIRECT_URIS": ",".join(f"{o}/auth/callback" for o in origins),
            "DEV_IDP_POST_LOGOUT_REDIRECT_URIS": ",".join(f"{o}/" for o in origins),
        },
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    assert idp.stdout is not None
    for line in idp.stdout:
        print(line, end="", flush=True)
        if "listening" in line:
            break
    else:  # it exited
        idp.wait()
    # Keep draining, or a full pipe would block the IdP.
    threading.Thread(target=_forward, args=(idp.stdout,), daemon=True).start()
    return idp


def _forward(stream: IO[str]) -> None:
    for line in stream:
        print(line, end="", flush=True)


def _start_worker() -> subprocess.Popen[str]:
    """`python -m zorgroute worker` (procrastinate) in its own process group, on the same
    database; in production it is its own deployment, scaled apart from the API."""
    return subprocess.Popen(
        [sys.executable, "-m", "zorgroute", "worker"],
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


def _start_spa(opts: DevOptions) -> subprocess.Popen[str]:
    """`npm run dev|preview` in frontend/, its own process group (npm starts vite below it)."""
    # --strictPort: fail rather than move to a port the IdP does not know as a redirect URI.
    vite_args = ["--host", "127.0.0.1", "--port", str(opts.spa_port), "--strictPort"]
    return subprocess.Popen(  # noqa: S603 - fixed command, npm from PATH
        ["npm", "run", opts.spa, "--", *vite_args],  # noqa: S607
        cwd=SPA_DIR,
        env={**os.environ, "ZORGROUTE_API_ORIGIN": _url(opts.api_port)},
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


def _stop_group(child: subprocess.Popen[str]) -> None:
    """SIGTERM the child's process group, SIGKILL whatever is left after 5 s."""
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=5)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    with contextlib.suppress(ProcessLookupError):  # grandchildren (vite) that outlived npm
        os.killpg(child.pid, signal.SIGKILL)


def _banner(api_port: int, idp_port: int, spa_port: int | None) -> str:
    accounts = json.loads((DEV_IDP_DIR / "accounts.json").read_text())
    rows = []
    for a in accounts:
        roles = ", ".join(f"{m['role']} @ {m['school']}" for m in a["memberships"])
        roles = roles or ", ".join(f"{m['role']} @ {m['swv']}" for m in a["swv_memberships"])
        rows.append(f"    {a['login']:<18} {a['name']:<24} {roles or 'no access'}")
    api, app = _url(api_port), _url(spa_port or api_port)
    return "\n".join(
        [
            "",
            *([f"Open Zorgroute  {app}", ""] if spa_port else []),
            "Zorgroute is running (Ctrl-C stops everything):",
            f"  API            {api}/api/v1/docs",
            f"  Log in         {app}/auth/login  → then /api/v1/me",
            f"  GraphQL        {app}/graphql",
            f"  Identity (dev) {_url(idp_port)}/.well-known/openid-configuration",
            "",
            "  Demo logins (any password):",
            *rows,
            "",
            "  LVS client: demo-lvs / demo-lvs-secret (client credentials; see README)",
            "",
        ]
    )
