"""Staff login through the backend (BFF): authorization code + PKCE against the real dev IdP.

The browser part is played by the app's httpx client (it keeps the `zr_oauth` state cookie) and
by `complete_login`, which fills in the IdP's login and consent pages and hands back the redirect
to our callback without requesting it.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest
from sqlalchemy import update
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.idp import API_AUDIENCE, BFF_CLIENT_ID, DevIdp, complete_login, discovery

from zorgroute.audit.models import AuditEvent
from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import utcnow
from zorgroute.identity.models import SchoolMembership, UserAccount, WebSession
from zorgroute.identity.service import hash_token
from zorgroute.main import create_app
from zorgroute.settings import Settings

BASE = "http://testserver"
CALLBACK = f"{BASE}/auth/callback"
PROBLEM_JSON = "application/problem+json"
PROBLEM_KEYS = {"type", "title", "status", "code", "detail", "instance", "trace_id"}


def _set_cookies(resp: httpx.Response, name: str) -> list[str]:
    """The Set-Cookie headers of the response for the cookie `name`."""
    return [c for c in resp.headers.get_list("set-cookie") if c.startswith(f"{name}=")]


def _cookie_value(set_cookie: str) -> str:
    return set_cookie.split(";", 1)[0].split("=", 1)[1]


def _cookie_attributes(set_cookie: str) -> set[str]:
    return {part.strip().lower() for part in set_cookie.split(";")[1:]}


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path, parts.query, ""))


def _assert_problem(resp: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == PROBLEM_JSON
    assert "Traceback" not in resp.text
    body: dict[str, object] = resp.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"https://zorgroute.nl/problems/{code}"
    return body


async def _start_login(client: httpx.AsyncClient, return_to: str | None = "/students") -> str:
    """GET /auth/login; returns the IdP authorize URL it redirected to."""
    params = {} if return_to is None else {"return_to": return_to}
    resp = await client.get("/auth/login", params=params)
    assert resp.status_code == 302, resp.text
    location: str = resp.headers["location"]
    return location


async def _callback_url(client: httpx.AsyncClient, login: str, return_to: str = "/students") -> str:
    """Start a login on the app and log in at the IdP; the callback URL, not yet requested."""
    callback = complete_login(await _start_login(client, return_to), login)
    parts = urlsplit(callback)
    assert urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")) == CALLBACK, callback
    return callback


async def _log_in(client: httpx.AsyncClient, login: str, return_to: str = "/students") -> str:
    """The whole login; returns the zr_session token. Clears the client's cookie jar."""
    callback = await _callback_url(client, login, return_to)
    resp = await client.get(_path_and_query(callback))
    assert resp.status_code == 303, resp.text
    [set_cookie] = _set_cookies(resp, "zr_session")
    client.cookies.clear()
    return _cookie_value(set_cookie)


def _session(token: str) -> dict[str, str]:
    return {"Cookie": f"zr_session={token}"}


async def test_login_redirects_to_the_idp_with_pkce_and_the_api_resource(
    client: httpx.AsyncClient, dev_idp: DevIdp
) -> None:
    location = await _start_login(client)

    parts = urlsplit(location)
    assert (
        urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        == (discovery(dev_idp.issuer)["authorization_endpoint"])
    )
    query = parse_qs(parts.query)
    assert query["response_type"] == ["code"]
    assert query["client_id"] == [BFF_CLIENT_ID]
    assert query["redirect_uri"] == [CALLBACK]
    assert query["resource"] == [API_AUDIENCE]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43  # base64url of a SHA-256 digest
    assert query["state"][0] and query["nonce"][0]
    assert "openid" in query["scope"][0].split()
    # The state, nonce and verifier wait in a short-lived, HttpOnly cookie of their own.
    [oauth_cookie] = _set_cookies(
        await client.get("/auth/login", params={"return_to": "/"}), "zr_oauth"
    )
    assert {"httponly", "path=/", "samesite=lax"} <= _cookie_attributes(oauth_cookie)


async def test_full_login_opens_a_session_with_the_roles_from_our_database(
    client: httpx.AsyncClient, world: World
) -> None:
    subject = world.subjects["mentor"]
    callback = await _callback_url(client, subject, "/students")
    assert parse_qs(urlsplit(callback).query)["code"]

    resp = await client.get(_path_and_query(callback))

    assert resp.status_code == 303, resp.text
    assert resp.headers["location"] == f"{BASE}/students"
    [set_cookie] = _set_cookies(resp, "zr_session")
    attributes = _cookie_attributes(set_cookie)
    assert {"httponly", "path=/", "samesite=lax", f"max-age={8 * 60 * 60}"} <= attributes
    assert "secure" not in attributes  # the test settings run on plain http
    token = _cookie_value(set_cookie)
    assert len(token) >= 40

    client.cookies.clear()
    me = await client.get("/api/v1/me", headers=_session(token))
    assert me.status_code == 200, me.text
    body = me.json()
    assert body["kind"] == "user"
    assert body["id"] == str(world.users["mentor"])
    assert body["client_id"] is None
    assert body["scopes"] == []
    assert [(s["id"], s["roles"]) for s in body["schools"]] == [(str(world.school_id), ["mentor"])]
    # The staff record at the school: committees and lessons are named by it.
    assert body["schools"][0]["staff_member_id"] == str(world.staff["st-mentor-1a"])
    assert body["swvs"] == []
    assert isinstance(body["csrf_token"], str) and len(body["csrf_token"]) >= 40
    # The profile is refreshed from the ID token (the dev IdP names unknown logins after the id).
    assert body["display_name"] == subject


async def test_the_session_works_for_the_school_the_account_belongs_to(
    client: httpx.AsyncClient, world: World
) -> None:
    token = await _log_in(client, world.subjects["team_leader"])
    resp = await client.get(f"/api/v1/schools/{world.school_id}/students", headers=_session(token))
    assert resp.status_code == 200, resp.text
    assert len(resp.json()["items"]) == 6


async def test_successful_login_is_audited(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    user_id = world.users["school_leader"]
    callback = await _callback_url(client, world.subjects["school_leader"])
    resp = await client.get(_path_and_query(callback))
    assert resp.status_code == 303, resp.text

    async with factory.run([]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "auth.login", AuditEvent.target_id == user_id
            )
        )
    assert len(events) == 1
    event = events[0]
    assert event.actor_kind == "user"
    assert event.actor_id == f"user:{user_id}"
    assert event.target_type == "user_account"
    assert event.school_id is None
    assert event.request_id == resp.headers["x-request-id"]


async def test_idp_user_without_an_account_is_refused_and_gets_no_session(
    client: httpx.AsyncClient, factory: WorldFactory
) -> None:
    stranger = f"stranger-{secrets.token_hex(4)}"
    callback = await _callback_url(client, stranger)

    resp = await client.get(_path_and_query(callback))

    body = _assert_problem(resp, 403, "account-not-provisioned")
    assert stranger not in str(body)
    assert _set_cookies(resp, "zr_session") == []
    async with factory.run([]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(AuditEvent.request_id == resp.headers["x-request-id"])
        )
    assert events == []


async def test_a_browser_without_an_account_lands_on_the_apps_explanation(
    client: httpx.AsyncClient,
) -> None:
    callback = await _callback_url(client, f"stranger-{secrets.token_hex(4)}")

    resp = await client.get(_path_and_query(callback), headers={"Accept": "text/html"})

    assert resp.status_code == 303
    assert resp.headers["location"].endswith("/inloggen?fout=account-not-provisioned")
    assert _set_cookies(resp, "zr_session") == []


async def test_accounts_are_matched_on_issuer_and_subject(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    # Same subject, but issued by another provider: that is another person.
    subject = f"elsewhere-{secrets.token_hex(4)}"
    async with factory.sessionmaker() as session:
        uow = UnitOfWork(session)
        await uow.set_school_context([world.school_id])
        account = UserAccount(
            issuer="https://other-idp.example", subject=subject, display_name="Elders"
        )
        uow.add(account)
        await uow.flush()
        uow.add(SchoolMembership(user_id=account.id, school_id=world.school_id, role="mentor"))
        await uow.commit()

    resp = await client.get(_path_and_query(await _callback_url(client, subject)))

    _assert_problem(resp, 403, "account-not-provisioned")
    assert _set_cookies(resp, "zr_session") == []


@pytest.mark.parametrize(
    "state",
    [pytest.param("tampered", id="tampered"), pytest.param(None, id="missing")],
)
async def test_callback_with_a_wrong_state_is_refused(
    client: httpx.AsyncClient, world: World, state: str | None
) -> None:
    callback = await _callback_url(client, world.subjects["mentor"])
    query = {k: v[0] for k, v in parse_qs(urlsplit(callback).query).items()}
    if state is None:
        del query["state"]
    else:
        query["state"] = query["state"][:-4] + "AAAA"

    resp = await client.get(f"/auth/callback?{urlencode(query)}")

    body = _assert_problem(resp, 401, "unauthenticated")
    assert set(body) <= PROBLEM_KEYS
    assert _set_cookies(resp, "zr_session") == []


async def test_callback_without_a_login_in_progress_is_refused(
    client: httpx.AsyncClient,
) -> None:
    resp = await client.get("/auth/callback", params={"code": "abc", "state": "xyz"})
    _assert_problem(resp, 401, "unauthenticated")
    assert _set_cookies(resp, "zr_session") == []


async def test_callback_is_single_use(client: httpx.AsyncClient, world: World) -> None:
    callback = await _callback_url(client, world.subjects["mentor"])
    first = await client.get(_path_and_query(callback))
    assert first.status_code == 303, first.text

    replay = await client.get(_path_and_query(callback))

    _assert_problem(replay, 401, "unauthenticated")
    assert _set_cookies(replay, "zr_session") == []


async def test_callback_with_a_forged_code_is_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    # The state is genuine, but the IdP refuses the code exchange (invalid_grant).
    callback = await _callback_url(client, world.subjects["mentor"])
    query = {k: v[0] for k, v in parse_qs(urlsplit(callback).query).items()}
    query["code"] = secrets.token_urlsafe(32)

    resp = await client.get(f"/auth/callback?{urlencode(query)}")

    _assert_problem(resp, 401, "unauthenticated")
    assert _set_cookies(resp, "zr_session") == []


async def test_callback_with_an_idp_error_is_refused(client: httpx.AsyncClient) -> None:
    await _start_login(client)
    resp = await client.get(
        "/auth/callback",
        params={"error": "access_denied", "error_description": "End-User aborted interaction"},
    )
    body = _assert_problem(resp, 401, "unauthenticated")
    assert "access_denied" in str(body["detail"])


@pytest.mark.parametrize(
    "return_to",
    [
        "https://evil.example/",
        "//evil.example",
        "//evil.example/students",
        "/\\evil.example",
        "https:evil.example",
        "evil.example",
    ],
)
async def test_return_to_never_leaves_the_app(
    client: httpx.AsyncClient, world: World, return_to: str
) -> None:
    callback = await _callback_url(client, world.subjects["mentor"], return_to)

    resp = await client.get(_path_and_query(callback))

    assert resp.status_code == 303, resp.text
    assert resp.headers["location"] == f"{BASE}/"
    assert urlsplit(resp.headers["location"]).netloc == "testserver"


async def test_return_to_keeps_a_local_path_with_its_query(
    client: httpx.AsyncClient, world: World
) -> None:
    callback = await _callback_url(client, world.subjects["mentor"], "/students?group=1A")
    resp = await client.get(_path_and_query(callback))
    assert resp.status_code == 303, resp.text
    assert resp.headers["location"] == f"{BASE}/students?group=1A"


async def test_logout_needs_the_csrf_header_then_revokes_the_session(
    client: httpx.AsyncClient, world: World, dev_idp: DevIdp, factory: WorldFactory
) -> None:
    token = await _log_in(client, world.subjects["mentor"])
    me = await client.get("/api/v1/me", headers=_session(token))
    assert me.status_code == 200, me.text
    csrf = me.json()["csrf_token"]

    refused = await client.post("/auth/logout", headers=_session(token))
    _assert_problem(refused, 403, "csrf-failed")
    wrong = await client.post("/auth/logout", headers={**_session(token), "X-CSRF-Token": "x"})
    _assert_problem(wrong, 403, "csrf-failed")
    # Still logged in: the refused logouts changed nothing.
    assert (await client.get("/api/v1/me", headers=_session(token))).status_code == 200

    resp = await client.post("/auth/logout", headers={**_session(token), "X-CSRF-Token": csrf})

    assert resp.status_code == 200, resp.text
    end_session_url = resp.json()["end_session_url"]
    end_session_endpoint = discovery(dev_idp.issuer)["end_session_endpoint"]
    assert end_session_url.startswith(f"{end_session_endpoint}?")
    query = parse_qs(urlsplit(end_session_url).query)
    assert query["client_id"] == [BFF_CLIENT_ID]
    assert query["post_logout_redirect_uri"] == [f"{BASE}/"]
    [cleared] = _set_cookies(resp, "zr_session")
    assert "max-age=0" in _cookie_attributes(cleared)

    client.cookies.clear()
    after = await client.get("/api/v1/me", headers=_session(token))
    _assert_problem(after, 401, "unauthenticated")
    async with factory.run([]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "auth.logout",
                AuditEvent.target_id == world.users["mentor"],
            )
        )
    assert len(events) == 1


async def test_logout_redirect_ignores_a_trailing_slash_in_app_url(
    settings: Settings, world: World
) -> None:
    """ZORGROUTE_APP_URL=https://x/ must not send post_logout_redirect_uri=https://x// to the
    IdP, which would not match the registered URI."""
    app3 = create_app(settings.model_copy(update={"app_url": f"{BASE}/"}))
    try:
        headers = await world.headers("mentor")
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app3), base_url=BASE
        ) as client3:
            resp = await client3.post("/auth/logout", headers=headers)
    finally:
        await app3.state.engine.dispose()

    assert resp.status_code == 200, resp.text
    query = parse_qs(urlsplit(resp.json()["end_session_url"]).query)
    assert query["post_logout_redirect_uri"] == [f"{BASE}/"]


async def test_me_without_credentials_is_a_bare_401(client: httpx.AsyncClient) -> None:
    resp = await client.get("/api/v1/me")

    body = _assert_problem(resp, 401, "unauthenticated")
    assert resp.headers["www-authenticate"] == "Bearer"
    assert set(body) <= PROBLEM_KEYS
    assert body["instance"] == "/api/v1/me"


@pytest.mark.parametrize(
    "cookie",
    [
        b"garbage",
        secrets.token_urlsafe(32).encode(),
        b"'; drop table web_session; --",
        "\u00fc\u00e9".encode(),
        b"x" * 5000,
        b"",
    ],
    ids=["garbage", "well-formed-unknown", "sql", "non-ascii", "long", "empty"],
)
async def test_unknown_session_cookie_is_401(client: httpx.AsyncClient, cookie: bytes) -> None:
    resp = await client.get("/api/v1/me", headers=[(b"cookie", b"zr_session=" + cookie)])
    _assert_problem(resp, 401, "unauthenticated")


async def test_unknown_session_cookie_on_a_post_is_401_not_a_csrf_error(
    client: httpx.AsyncClient,
) -> None:
    resp = await client.post("/auth/logout", headers=_session(str(uuid.uuid4())))
    _assert_problem(resp, 401, "unauthenticated")


@pytest.mark.parametrize(
    ("column", "age"),
    [("last_seen_at", timedelta(hours=2)), ("expires_at", timedelta(seconds=1))],
    ids=["idle-too-long", "past-its-lifetime"],
)
async def test_idle_or_expired_session_is_refused(
    client: httpx.AsyncClient, world: World, factory: WorldFactory, column: str, age: timedelta
) -> None:
    headers = await world.headers("mentor")
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    token = headers["Cookie"].split("=", 1)[1]
    async with factory.sessionmaker() as session:
        uow = UnitOfWork(session)
        await uow.execute(
            update(WebSession)
            .where(col(WebSession.token_hash) == hash_token(token))
            .values({column: utcnow() - age})
        )
        await uow.commit()
    resp = await client.get("/api/v1/me", headers=headers)
    assert resp.status_code == 401
    assert resp.headers["content-type"] == "application/problem+json"
