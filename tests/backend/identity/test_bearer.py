"""Systems (LVS, SWV) with client-credentials JWTs from our issuer, validated with joserfc.

Tokens come from the real dev IdP; the rejected ones are crafted here from a real token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from sqlmodel import select
from support.factories import World, WorldFactory
from support.idp import (
    API_AUDIENCE,
    BFF_CLIENT_ID,
    BFF_CLIENT_SECRET,
    DevIdp,
    client_credentials_token,
    complete_login,
    discovery,
    start_dev_idp,
)

from zorgroute.audit.models import AuditEvent
from zorgroute.core.db import UnitOfWork
from zorgroute.identity.models import IntegrationClient, IntegrationClientSchool
from zorgroute.main import create_app
from zorgroute.settings import Settings

BASE = "http://testserver"
CALLBACK = f"{BASE}/auth/callback"
PROBLEM_JSON = "application/problem+json"
INVALID_TOKEN = 'Bearer error="invalid_token"'
ROSTER_SCOPES = "roster:read roster:write"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _segment(value: dict[str, Any]) -> str:
    return _b64(json.dumps(value, separators=(",", ":")).encode())


def _header(token: str) -> dict[str, Any]:
    header: dict[str, Any] = json.loads(_unb64(token.split(".")[0]))
    return header


def _claims(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = json.loads(_unb64(token.split(".")[1]))
    return claims


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _assert_problem(resp: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == PROBLEM_JSON
    assert "Traceback" not in resp.text
    body: dict[str, Any] = resp.json()
    assert body["status"] == status
    assert body["code"] == code
    return body


def _assert_invalid_token(resp: httpx.Response) -> None:
    _assert_problem(resp, 401, "unauthenticated")
    assert resp.headers["www-authenticate"] == INVALID_TOKEN


def _staff_tokens(issuer: str, login: str) -> dict[str, Any]:
    """The BFF's token response (id_token, access_token) for a staff login, done by hand."""
    metadata = discovery(issuer)
    verifier = secrets.token_urlsafe(48)
    challenge = _b64(hashlib.sha256(verifier.encode("ascii")).digest())
    params = {
        "response_type": "code",
        "client_id": BFF_CLIENT_ID,
        "redirect_uri": CALLBACK,
        "scope": "openid profile email",
        "state": secrets.token_urlsafe(16),
        "nonce": secrets.token_urlsafe(16),
        "resource": API_AUDIENCE,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    callback = complete_login(f"{metadata['authorization_endpoint']}?{urlencode(params)}", login)
    code = parse_qs(urlsplit(callback).query)["code"][0]
    resp = httpx.post(
        metadata["token_endpoint"],
        auth=(BFF_CLIENT_ID, BFF_CLIENT_SECRET),
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": CALLBACK,
            "code_verifier": verifier,
        },
    )
    assert resp.status_code == 200, resp.text
    tokens: dict[str, Any] = resp.json()
    return tokens


# -- accepted tokens ---------------------------------------------------------------------------


async def test_me_with_an_lvs_token_is_the_system_with_its_schools(
    client: httpx.AsyncClient, world: World, lvs_token: str
) -> None:
    resp = await client.get("/api/v1/me", headers=_bearer(lvs_token))

    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["kind"] == "system"
    assert body["client_id"] == "demo-lvs"
    assert body["id"] is None
    assert body["csrf_token"] is None  # bearer callers are not exposed to CSRF
    assert body["scopes"] == ["results:write", "roster:read", "roster:write"]
    schools = {s["id"]: s for s in body["schools"]}
    assert schools[str(world.school_id)]["roles"] == ["integration"]


async def test_scopes_are_narrowed_to_what_the_client_may_ever_have(
    client: httpx.AsyncClient, world: World, dev_idp: DevIdp
) -> None:
    token = client_credentials_token(
        dev_idp.issuer,
        "demo-lvs",
        "demo-lvs-secret",
        "roster:read roster:write students:read reports:read",
    )
    assert set(_claims(token)["scope"].split()) >= {"students:read", "reports:read"}

    resp = await client.get("/api/v1/me", headers=_bearer(token))

    assert resp.status_code == 200, resp.text
    assert resp.json()["scopes"] == ["roster:read", "roster:write"]


async def test_the_bearer_scheme_is_case_insensitive(
    client: httpx.AsyncClient, world: World, lvs_token: str
) -> None:
    resp = await client.get("/api/v1/me", headers={"Authorization": f"bearer {lvs_token}"})
    assert resp.status_code == 200, resp.text


async def test_lvs_lists_the_students_of_its_school_and_is_audited(
    client: httpx.AsyncClient, world: World, factory: WorldFactory, lvs_token: str
) -> None:
    resp = await client.get(
        f"/api/v1/schools/{world.school_id}/students", headers=_bearer(lvs_token)
    )

    assert resp.status_code == 200, resp.text
    ids = {item["id"] for item in resp.json()["items"]}
    assert ids == {str(i) for i in world.students.values()}
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(AuditEvent.request_id == resp.headers["x-request-id"])
        )
    assert {e.action for e in events} == {"student.list"}
    assert {e.actor_id for e in events} == {"client:demo-lvs"}
    assert {e.actor_kind for e in events} == {"system"}
    assert {e.target_id for e in events} == set(world.students.values())


async def test_lvs_gets_404_for_a_school_it_is_not_bound_to(
    client: httpx.AsyncClient, world: World, lvs_token: str
) -> None:
    resp = await client.get(f"/api/v1/schools/{uuid.uuid4()}/students", headers=_bearer(lvs_token))
    _assert_problem(resp, 404, "not-found")


async def test_lvs_token_without_roster_read_sees_no_student(
    client: httpx.AsyncClient, world: World, dev_idp: DevIdp
) -> None:
    token = client_credentials_token(dev_idp.issuer, "demo-lvs", "demo-lvs-secret", "reports:read")
    headers = _bearer(token)

    me = await client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200, me.text
    assert me.json()["scopes"] == []  # reports:read is not among the client's allowed scopes

    # The school binding still holds, but the policy filters every student out (deny by default).
    resp = await client.get(f"/api/v1/schools/{world.school_id}/students", headers=headers)
    assert resp.status_code == 200, resp.text
    assert resp.json() == {"items": [], "next_cursor": None}
    single = await client.get(f"/api/v1/students/{world.students['ll-1']}", headers=headers)
    _assert_problem(single, 404, "not-found")
    assert "Vries" not in single.text
    groups = await client.get(f"/api/v1/schools/{world.school_id}/groups", headers=headers)
    assert groups.status_code == 200, groups.text
    assert groups.json()["items"] == []


# -- rejected tokens ---------------------------------------------------------------------------


async def test_token_of_a_client_not_registered_with_us_is_401(
    client: httpx.AsyncClient, world: World, dev_idp: DevIdp, factory: WorldFactory
) -> None:
    async with factory.run([]) as uow:
        registered = await uow.first(
            select(IntegrationClient).where(
                IntegrationClient.issuer == dev_idp.issuer,
                IntegrationClient.client_id == "demo-swv",
            )
        )
    assert registered is None, "precondition: demo-swv must not be registered in the test DB"
    token = client_credentials_token(dev_idp.issuer, "demo-swv", "demo-swv-secret", "reports:read")

    resp = await client.get("/api/v1/me", headers=_bearer(token))

    _assert_invalid_token(resp)
    resp = await client.get(f"/api/v1/schools/{world.school_id}/students", headers=_bearer(token))
    _assert_invalid_token(resp)


async def test_id_token_from_a_real_login_is_not_an_access_token(
    client: httpx.AsyncClient, world: World, dev_idp: DevIdp
) -> None:
    id_token = _staff_tokens(dev_idp.issuer, world.subjects["mentor"])["id_token"]
    assert _header(id_token).get("typ", "JWT").lower() != "at+jwt"

    resp = await client.get("/api/v1/me", headers=_bearer(id_token))

    _assert_invalid_token(resp)


@pytest.mark.parametrize("login", ["school_leader", "demo-lvs"])
async def test_staff_access_token_does_not_make_the_bff_a_system(
    client: httpx.AsyncClient, world: World, dev_idp: DevIdp, login: str
) -> None:
    # A genuine at+jwt for our API, but issued to the BFF client, which is no integration client;
    # a person whose login happens to be a registered client id gains nothing by it either.
    subject = world.subjects.get(login, login)
    access_token = _staff_tokens(dev_idp.issuer, subject)["access_token"]
    assert _header(access_token)["typ"] == "at+jwt"
    assert _claims(access_token)["client_id"] == BFF_CLIENT_ID
    assert _claims(access_token)["sub"] == subject

    resp = await client.get("/api/v1/me", headers=_bearer(access_token))

    _assert_invalid_token(resp)
    assert subject not in resp.text


def _flipped_signature(token: str) -> str:
    header, payload, signature = token.split(".")
    raw = bytearray(_unb64(signature))
    raw[len(raw) // 2] ^= 0x01
    return f"{header}.{payload}.{_b64(bytes(raw))}"


def _alg_none(token: str) -> str:
    header = {**_header(token), "alg": "none"}
    return f"{_segment(header)}.{token.split('.')[1]}."


def _alg_none_keeping_the_signature(token: str) -> str:
    _, payload, signature = token.split(".")
    return f"{_segment({**_header(token), 'alg': 'none'})}.{payload}.{signature}"


def _self_signed(token: str, *, copy_kid: bool) -> str:
    key = RSAKey.generate_key(2048)
    header = {"alg": "RS256", "typ": "at+jwt"}
    header["kid"] = _header(token)["kid"] if copy_kid else f"dev-{uuid.uuid4()}"
    return jwt.encode(header, _claims(token), key)


def _hs256_with_a_guessable_secret(token: str) -> str:
    # Algorithm confusion: HMAC over the token with a secret an attacker knows.
    header = {**_header(token), "alg": "HS256"}
    signing_input = f"{_segment(header)}.{token.split('.')[1]}"
    mac = hmac.new(b"demo-lvs-secret", signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(mac)}"


def _claims_changed(token: str) -> str:
    # Widen the scope in the payload, keep the IdP's signature.
    header, _, signature = token.split(".")
    claims = {**_claims(token), "scope": "roster:read roster:write admin"}
    return f"{header}.{_segment(claims)}.{signature}"


def _typ_changed(token: str) -> str:
    # Drop the at+jwt type (an attacker cannot re-sign, but the check must not depend on that).
    _, payload, signature = token.split(".")
    header = {k: v for k, v in _header(token).items() if k != "typ"}
    return f"{_segment(header)}.{payload}.{signature}"


FORGERIES = {
    "flipped-signature-byte": _flipped_signature,
    "alg-none": _alg_none,
    "alg-none-with-signature": _alg_none_keeping_the_signature,
    "own-rsa-key-with-idp-kid": lambda t: _self_signed(t, copy_kid=True),
    "own-rsa-key-with-own-kid": lambda t: _self_signed(t, copy_kid=False),
    "hs256": _hs256_with_a_guessable_secret,
    "payload-changed": _claims_changed,
    "typ-removed": _typ_changed,
    "signature-stripped": lambda t: t.rsplit(".", 1)[0] + ".",
    "two-segments": lambda t: t.rsplit(".", 1)[0],
}


@pytest.mark.parametrize("forge", FORGERIES.values(), ids=FORGERIES.keys())
async def test_forged_tokens_are_rejected(
    client: httpx.AsyncClient, world: World, lvs_token: str, forge: Any
) -> None:
    forged = forge(lvs_token)
    assert forged != lvs_token

    resp = await client.get(f"/api/v1/schools/{world.school_id}/students", headers=_bearer(forged))

    _assert_invalid_token(resp)
    assert "items" not in resp.json()


@pytest.mark.parametrize(
    "token",
    [
        "garbage",
        "a.b.c",
        "eyJhbGciOiJSUzI1NiJ9.e30.",
        _segment({"alg": "RS256", "typ": "at+jwt", "kid": ["x"]}) + ".e30.c2ln",
        "..",
        "x" * 10_000,
    ],
    ids=["garbage", "a.b.c", "empty-claims", "kid-not-a-string", "dots", "long"],
)
async def test_malformed_tokens_are_rejected(client: httpx.AsyncClient, token: str) -> None:
    resp = await client.get("/api/v1/me", headers=_bearer(token))
    _assert_invalid_token(resp)


@pytest.mark.parametrize(
    "authorization",
    [
        "Basic " + base64.b64encode(b"demo-lvs:demo-lvs-secret").decode(),
        "Bearer",
        "Bearer    ",
        "Token abc",
    ],
    ids=["basic", "bearer-without-token", "bearer-blank", "other-scheme"],
)
async def test_other_authorization_schemes_are_401(
    client: httpx.AsyncClient, authorization: str
) -> None:
    resp = await client.get("/api/v1/me", headers={"Authorization": authorization})
    _assert_problem(resp, 401, "unauthenticated")
    assert resp.headers["www-authenticate"].startswith("Bearer")


async def test_a_bad_bearer_token_is_not_rescued_by_a_valid_session_cookie(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = await world.headers("mentor")
    resp = await client.get("/api/v1/me", headers={**headers, "Authorization": "Bearer garbage"})
    _assert_invalid_token(resp)


# -- JWKS caching and key rotation -------------------------------------------------------------


async def _register_lvs(factory: WorldFactory, issuer: str, school_id: uuid.UUID) -> None:
    async with factory.sessionmaker() as session:
        uow = UnitOfWork(session, request_id=f"test-{secrets.token_hex(4)}")
        await uow.set_school_context([school_id])
        lvs = IntegrationClient(
            issuer=issuer,
            client_id="demo-lvs",
            name="Demo LVS (second IdP)",
            allowed_scopes=["roster:read", "roster:write"],
        )
        uow.add(lvs)
        await uow.flush()
        uow.add(IntegrationClientSchool(client_id=lvs.id, school_id=school_id))
        await uow.commit()


async def test_jwks_is_cached_and_refetched_for_an_unknown_kid_after_rotation(
    client: httpx.AsyncClient, settings: Settings, factory: WorldFactory, world: World
) -> None:
    idp2 = start_dev_idp()
    idp3: DevIdp | None = None
    app2 = create_app(
        settings.model_copy(
            update={"oidc": settings.oidc.model_copy(update={"issuer": idp2.issuer})}
        )
    )
    # The app refetches for an unknown kid at most every min_refresh_seconds (10 s by default,
    # against floods of bogus kids); the restart below comes sooner, so allow it at once.
    app2.state.oidc_metadata.min_refresh_seconds = 0.0
    try:
        await _register_lvs(factory, idp2.issuer, world.school_id)
        transport = httpx.ASGITransport(app=app2)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client2:
            first = client_credentials_token(
                idp2.issuer, "demo-lvs", "demo-lvs-secret", ROSTER_SCOPES
            )
            resp = await client2.get("/api/v1/me", headers=_bearer(first))
            assert resp.status_code == 200, resp.text
            assert str(world.school_id) in {s["id"] for s in resp.json()["schools"]}
            # A token of another issuer is nothing to the main app.
            _assert_invalid_token(await client.get("/api/v1/me", headers=_bearer(first)))

            # The keys are cached: with the IdP gone, a known token still validates.
            idp2.stop()
            resp = await client2.get("/api/v1/me", headers=_bearer(first))
            assert resp.status_code == 200, resp.text

            # Same issuer, same port, new signing key with a new kid.
            idp3 = start_dev_idp(port=idp2.port)
            assert idp3.issuer == idp2.issuer
            second = client_credentials_token(
                idp3.issuer, "demo-lvs", "demo-lvs-secret", ROSTER_SCOPES
            )
            assert _header(second)["kid"] != _header(first)["kid"]

            resp = await client2.get("/api/v1/me", headers=_bearer(second))
            assert resp.status_code == 200, resp.text
            assert resp.json()["client_id"] == "demo-lvs"
            # The refetched key set no longer holds the old key.
            _assert_invalid_token(await client2.get("/api/v1/me", headers=_bearer(first)))
    finally:
        await app2.state.engine.dispose()
        idp2.stop()
        if idp3 is not None:
            idp3.stop()


async def test_unreachable_idp_during_a_jwks_refetch_is_not_a_server_error(
    settings: Settings, world: World
) -> None:
    """An IdP outage during a JWKS refetch (token with an unknown kid) must not become a 500:
    the cached keys stay, the token is refused as problem+json (401, or 503 without any keys)."""
    idp = start_dev_idp()
    app2 = create_app(
        settings.model_copy(
            update={"oidc": settings.oidc.model_copy(update={"issuer": idp.issuer})}
        )
    )
    app2.state.oidc_metadata.min_refresh_seconds = 0.0
    try:
        token = client_credentials_token(idp.issuer, "demo-lvs", "demo-lvs-secret", ROSTER_SCOPES)
        transport = httpx.ASGITransport(app=app2, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client2:
            # Not registered for this issuer: 401, but the keys are now cached.
            _assert_invalid_token(await client2.get("/api/v1/me", headers=_bearer(token)))
            idp.stop()
            _, payload, signature = token.split(".")
            unknown_kid = {**_header(token), "kid": f"dev-{uuid.uuid4()}"}
            forged = f"{_segment(unknown_kid)}.{payload}.{signature}"

            resp = await client2.get("/api/v1/me", headers=_bearer(forged))

        assert resp.headers["content-type"] == PROBLEM_JSON
        assert resp.status_code in (401, 503), resp.text
    finally:
        await app2.state.engine.dispose()
        idp.stop()
