"""Run the development OpenID Connect provider (``deploy/dev-idp``) from tests.

``start_dev_idp()`` starts ``node server.mjs`` on a free loopback port; ``client_credentials_token``
fetches a system token (LVS, SWV); ``complete_login`` drives the provider's development login and
consent pages headlessly and hands back the redirect to the backend's callback, unrequested.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

import httpx

# tests/backend/support/idp.py -> repository root -> deploy/dev-idp
DEV_IDP_DIR = Path(__file__).resolve().parents[3] / "deploy" / "dev-idp"

API_AUDIENCE = "https://api.zorgroute.test"
BFF_CLIENT_ID = "zorgroute-bff"
BFF_CLIENT_SECRET = "dev-bff-secret"
DEFAULT_REDIRECT_URI = "http://127.0.0.1:8000/auth/callback"
DEMO_PASSWORD = "demo"  # devInteractions accept any password

READY_PREFIX = "dev-idp listening on "
START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 5.0
HTTP_TIMEOUT_S = 10.0
MAX_LOGIN_STEPS = 20


class DevIdpError(RuntimeError):
    """The development IdP could not be started, or a flow against it went wrong."""


@dataclass
class DevIdp:
    """A running development IdP process. Use as a context manager or call ``stop()``."""

    issuer: str
    port: int
    process: subprocess.Popen[str]
    _lines: list[str] = field(default_factory=list, repr=False)
    _reader: threading.Thread | None = field(default=None, repr=False)

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    @property
    def output(self) -> str:
        """Everything the process wrote so far (stdout and stderr interleaved)."""
        return "".join(list(self._lines))

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL after a grace period) and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_S)
        if self._reader is not None:
            self._reader.join(timeout=STOP_TIMEOUT_S)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_dev_idp(
    port: int | None = None,
    redirect_uris: list[str] | None = None,
    *,
    post_logout_redirect_uris: list[str] | None = None,
    timeout: float = START_TIMEOUT_S,
) -> DevIdp:
    """Start ``node server.mjs`` on 127.0.0.1 and wait until it serves its discovery document."""
    if not (DEV_IDP_DIR / "node_modules" / "oidc-provider").is_dir():
        raise DevIdpError(
            f"{DEV_IDP_DIR / 'node_modules'} is missing: install the development IdP's "
            f"packages first (`npm ci --prefix {DEV_IDP_DIR}`, done by the Makefile)"
        )
    node = shutil.which("node")
    if node is None:
        raise DevIdpError("`node` is not on PATH; the development IdP needs Node.js 20 or later")

    port = free_port() if port is None else port
    issuer = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DEV_IDP_PORT": str(port), "DEV_IDP_ISSUER": issuer}
    if redirect_uris is not None:
        env["DEV_IDP_BFF_REDIRECT_URIS"] = ",".join(redirect_uris)
    if post_logout_redirect_uris is not None:
        env["DEV_IDP_POST_LOGOUT_REDIRECT_URIS"] = ",".join(post_logout_redirect_uris)

    process = subprocess.Popen(
        [node, "server.mjs"],
        cwd=DEV_IDP_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    ready = threading.Event()
    idp = DevIdp(issuer=issuer, port=port, process=process)

    def drain() -> None:
        # Keep reading for the whole life of the process so a full pipe never blocks node.
        assert process.stdout is not None
        with contextlib.suppress(ValueError, OSError):
            for line in process.stdout:
                idp._lines.append(line)
                if line.startswith(READY_PREFIX):
                    ready.set()

    idp._reader = threading.Thread(target=drain, name=f"dev-idp-{port}", daemon=True)
    idp._reader.start()

    deadline = time.monotonic() + timeout
    try:
        while not ready.wait(0.1):
            if process.poll() is not None:
                idp.stop()
                raise DevIdpError(
                    f"dev-idp exited with code {process.returncode} before it was ready:\n"
                    f"{idp.output}"
                )
            # Fallback for a lost ready line. Give the process a moment first, so another server
            # already on this port (our node then dies with EADDRINUSE) is not mistaken for it.
            if (
                _discovery_answers(idp.discovery_url)
                and not ready.wait(1.0)
                and process.poll() is None
            ):
                break
            if time.monotonic() > deadline:
                raise DevIdpError(f"dev-idp not ready after {timeout:.0f} s:\n{idp.output}")
    except BaseException:
        idp.stop()
        raise
    return idp


def _discovery_answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=0.5).status_code == httpx.codes.OK
    except httpx.TransportError:
        return False


def discovery(issuer: str) -> dict[str, Any]:
    """The provider's OpenID configuration document."""
    response = httpx.get(f"{issuer}/.well-known/openid-configuration", timeout=HTTP_TIMEOUT_S)
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    return document


def client_credentials_token(
    issuer: str,
    client_id: str,
    client_secret: str,
    scope: str,
    resource: str = API_AUDIENCE,
) -> str:
    """A client-credentials access token (a JWT for ``resource``), client_secret_basic auth."""
    token_endpoint: str = discovery(issuer)["token_endpoint"]
    response = httpx.post(
        token_endpoint,
        auth=(client_id, client_secret),
        data={"grant_type": "client_credentials", "scope": scope, "resource": resource},
        timeout=HTTP_TIMEOUT_S,
    )
    if response.status_code != httpx.codes.OK:
        raise DevIdpError(
            f"client_credentials for {client_id!r} failed: {response.status_code} {response.text}"
        )
    access_token: str = response.json()["access_token"]
    return access_token


def complete_login(authorize_url: str, login: str, password: str = DEMO_PASSWORD) -> str:
    """Log in as ``login`` on the dev IdP's pages and consent; return the callback URL.

    ``authorize_url`` is the IdP URL that the backend's ``/auth/login`` redirected to. Redirects
    are followed only while they stay on the IdP's origin; the first redirect that leaves it (to
    the backend's redirect_uri, carrying ``code`` and ``state``, or ``error`` when the IdP
    refused) is returned without being requested, so the backend need not listen on that address.
    """
    idp_origin = _origin(authorize_url)
    with httpx.Client(follow_redirects=False, timeout=HTTP_TIMEOUT_S) as client:
        response = client.get(authorize_url)
        for _ in range(MAX_LOGIN_STEPS):
            if response.is_redirect:
                location = urljoin(str(response.url), response.headers["location"])
                if _origin(location) != idp_origin:
                    return location
                response = client.get(location)
                continue
            if response.status_code != httpx.codes.OK:
                raise DevIdpError(
                    f"dev-idp answered {response.status_code} at {response.url}:\n"
                    f"{response.text[:2000]}"
                )
            form = _post_form(response.text)
            if form is None:
                raise DevIdpError(f"no form on the dev-idp page {response.url}:\n{response.text}")
            action, fields = form
            prompt = fields.get("prompt")
            if prompt == "login":
                fields.update(login=login, password=password)
            elif prompt != "consent":
                raise DevIdpError(f"unexpected dev-idp form (prompt={prompt!r}) at {response.url}")
            response = client.post(urljoin(str(response.url), action), data=fields)
    raise DevIdpError(f"login for {login!r} did not leave the dev-idp in {MAX_LOGIN_STEPS} steps")


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


class _FormParser(HTMLParser):
    """Collects the first POST form's action and its named input values."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self._inside = False
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and attributes.get("method", "get").lower() == "post":
            self.action = attributes.get("action", "")
            self._inside = True
        elif tag == "input" and self._inside and attributes.get("name"):
            self.fields[attributes["name"]] = attributes.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._inside:
            self._inside = False
            self._done = True


def _post_form(html: str) -> tuple[str, dict[str, str]] | None:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    if parser.action is None:
        return None
    return parser.action, parser.fields
