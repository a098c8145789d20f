"""The development OpenID Connect provider (deploy/dev-idp) behaves as the backend expects."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet
from joserfc.jwt import JWTClaimsRegistry, Token
from support import idp as idp_module
from support.idp import (
    API_AUDIENCE,
    BFF_CLIENT_ID,
    BFF_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    DEV_IDP_DIR,
    DevIdp,
    DevIdpError,
    client_credentials_token,
    complete_login,
    discovery,
    start_dev_idp,
)

from zorgroute.identity.models import STAFF_ROLES

SCHOOLS = {"12AB00", "34CD00", "34CD01"}


@pytest.fixture(scope="module")
def dev_idp() -> Iterator[DevIdp]:
    server = start_dev_idp()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def metadata(dev_idp: DevIdp) -> dict[str, Any]:
    return discovery(dev_idp.issuer)


@pytest.fixture(scope="module")
def keys(metadata: dict[str, Any]) -> KeySet:
    return KeySet.import_key_set(httpx.get(metadata["jwks_uri"]).json())


def _decode(token: str, keys: KeySet) -> Token:
    return jwt.decode(token, keys, algorithms=["RS256"])


def _pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _authorize_url(metadata: dict[str, Any], **overrides: str) -> str:
    params = {
        "response_type": "code",
        "client_id": BFF_CLIENT_ID,
        "redirect_uri": DEFAULT_REDIRECT_URI,
        "scope": "openid profile email",
        "state": secrets.token_urlsafe(16),
        "nonce": secrets.token_urlsafe(16),
        "resource": API_AUDIENCE,
        **overrides,
    }
    return f"{metadata['authorization_endpoint']}?{urlencode(params)}"


def _login(metadata: dict[str, Any], login: str) -> tuple[dict[str, Any], str]:
    """Run the authorization-code flow for ``login``; return the token response and the nonce."""
    verifier, challenge = _pkce_pair()
    state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    authorize_url = _authorize_url(
        metadata,
        state=state,
        nonce=nonce,
        code_challenge=challenge,
        code_challenge_method="S256",
    )

    callback = complete_login(authorize_url, login)

    assert callback.startswith(f"{DEFAULT_REDIRECT_URI}?")
    query = parse_qs(urlsplit(callback).query)
    assert query["state"] == [state]
    response = httpx.post(
        metadata["token_endpoint"],
        auth=(BFF_CLIENT_ID, BFF_CLIENT_SECRET),
        data={
            "grant_type": "authorization_code",
            "code": query["code"][0],
            "redirect_uri": DEFAULT_REDIRECT_URI,
            "code_verifier": verifier,
        },
    )
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens, nonce


def test_discovery_lists_the_endpoints_the_backend_uses(
    dev_idp: DevIdp, metadata: dict[str, Any]
) -> None:
    assert metadata["issuer"] == dev_idp.issuer
    for endpoint in (
        "authorization_endpoint",
        "token_endpoint",
        "jwks_uri",
        "userinfo_endpoint",
        "end_session_endpoint",
    ):
        assert metadata[endpoint].startswith(f"{dev_idp.issuer}/"), endpoint
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert "client_credentials" in metadata["grant_types_supported"]
    assert {"openid", "profile", "email"} <= set(metadata["scopes_supported"])


def test_lvs_client_credentials_token_is_an_rs256_at_jwt_for_the_api(
    dev_idp: DevIdp, keys: KeySet
) -> None:
    access_token = client_credentials_token(
        dev_idp.issuer, "demo-lvs", "demo-lvs-secret", "roster:read roster:write"
    )

    token = _decode(access_token, keys)
    assert token.header["typ"] == "at+jwt"
    assert token.header["alg"] == "RS256"
    JWTClaimsRegistry(
        iss={"essential": True, "value": dev_idp.issuer},
        aud={"essential": True, "value": API_AUDIENCE},
        exp={"essential": True},
        sub={"essential": True, "value": "demo-lvs"},
        client_id={"essential": True, "value": "demo-lvs"},
    ).validate(token.claims)
    assert set(token.claims["scope"].split()) == {"roster:read", "roster:write"}
    assert token.claims["exp"] - token.claims["iat"] == 600


def test_client_credentials_grants_only_known_api_scopes(
    dev_idp: DevIdp, metadata: dict[str, Any], keys: KeySet
) -> None:
    # The secret may also be posted in the body (client_secret_post), as some vendors do.
    response = httpx.post(
        metadata["token_endpoint"],
        data={
            "grant_type": "client_credentials",
            "client_id": "demo-swv",
            "client_secret": "demo-swv-secret",
            "scope": "reports:read admin:everything",
        },
    )

    assert response.status_code == 200, response.text
    assert response.json()["scope"] == "reports:read"
    claims = _decode(response.json()["access_token"], keys).claims
    assert claims["aud"] == API_AUDIENCE  # the default resource
    assert claims["scope"] == "reports:read"


def test_client_credentials_with_a_wrong_secret_is_invalid_client(
    metadata: dict[str, Any],
) -> None:
    response = httpx.post(
        metadata["token_endpoint"],
        auth=("demo-lvs", "not-the-secret"),
        data={"grant_type": "client_credentials", "scope": "roster:read"},
    )

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_client_credentials_for_an_unknown_resource_is_invalid_target(
    dev_idp: DevIdp,
) -> None:
    with pytest.raises(DevIdpError, match="invalid_target"):
        client_credentials_token(
            dev_idp.issuer, "demo-lvs", "demo-lvs-secret", "roster:read", "https://elsewhere.test"
        )


def test_staff_login_with_pkce_yields_id_token_with_profile_and_email(
    dev_idp: DevIdp, metadata: dict[str, Any], keys: KeySet
) -> None:
    tokens, nonce = _login(metadata, "mentor")

    id_token = _decode(tokens["id_token"], keys)
    JWTClaimsRegistry(
        iss={"essential": True, "value": dev_idp.issuer},
        aud={"essential": True, "value": BFF_CLIENT_ID},
        nonce={"essential": True, "value": nonce},
    ).validate(id_token.claims)
    assert id_token.claims["sub"] == "mentor"
    assert id_token.claims["preferred_username"] == "mentor"
    assert id_token.claims["name"] == "Sanne de Vries"
    assert id_token.claims["email"] == "s.devries@stedelijklyceum.example"
    assert id_token.claims["email_verified"] is True

    access = _decode(tokens["access_token"], keys)
    assert access.header["typ"] == "at+jwt"
    assert access.claims["aud"] == API_AUDIENCE
    assert access.claims["sub"] == "mentor"
    assert access.claims["client_id"] == BFF_CLIENT_ID
    assert tokens["refresh_token"]


def test_refresh_token_gives_a_new_api_access_token(metadata: dict[str, Any], keys: KeySet) -> None:
    tokens, _ = _login(metadata, "ib")

    response = httpx.post(
        metadata["token_endpoint"],
        auth=(BFF_CLIENT_ID, BFF_CLIENT_SECRET),
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
    )

    assert response.status_code == 200, response.text
    claims = _decode(response.json()["access_token"], keys).claims
    assert claims["aud"] == API_AUDIENCE
    assert claims["sub"] == "ib"


def test_unknown_login_is_accepted_with_minimal_claims(
    metadata: dict[str, Any], keys: KeySet
) -> None:
    tokens, _ = _login(metadata, "nobody-in-zorgroute")

    claims = _decode(tokens["id_token"], keys).claims
    assert claims["sub"] == "nobody-in-zorgroute"
    assert "email" not in claims


def test_authorization_without_pkce_is_refused(metadata: dict[str, Any]) -> None:
    callback = complete_login(_authorize_url(metadata), "mentor")

    query = parse_qs(urlsplit(callback).query)
    assert callback.startswith(DEFAULT_REDIRECT_URI)
    assert query["error"] == ["invalid_request"]
    assert "PKCE" in query["error_description"][0]


def test_sigterm_stops_the_idp_promptly_with_exit_code_zero() -> None:
    server = start_dev_idp(redirect_uris=["http://127.0.0.1:1/auth/callback"])
    started = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(timeout=5)
    server.stop()

    assert server.process.returncode == 0
    assert time.monotonic() - started < 3
    assert f"dev-idp listening on {server.issuer}" in server.output


def test_missing_node_modules_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(idp_module, "DEV_IDP_DIR", tmp_path)

    with pytest.raises(DevIdpError, match="npm ci"):
        start_dev_idp()


def test_demo_accounts_file_has_the_expected_shape() -> None:
    accounts = json.loads((DEV_IDP_DIR / "accounts.json").read_text(encoding="utf-8"))

    by_login = {account["login"]: account for account in accounts}
    assert set(by_login) == {
        "mentor",
        "docent",
        "leerkracht",
        "ib",
        "zorgcoordinator",
        "hb",
        "teamleider",
        "directeur",
        "swv",
        "docent-vakcollege",
        "privacy",
        "jeugdarts",
        "onbekend",
    }
    for account in accounts:
        assert set(account) == {"login", "name", "email", "memberships", "swv_memberships"}
        for membership in account["memberships"]:
            assert membership["school"] in SCHOOLS
            assert membership["role"] in STAFF_ROLES
            # Staff in the roster are linked to it; a privacy officer or jeugdarts is not.
            if "staff_external_id" in membership:
                assert membership["staff_external_id"].startswith("demo-")
    assert by_login["swv"]["swv_memberships"] == [{"swv": "VO2601", "role": "swv_staff"}]
    assert by_login["onbekend"]["memberships"] == []
    assert by_login["onbekend"]["swv_memberships"] == []
    assert {m["school"] for m in by_login["zorgcoordinator"]["memberships"]} == {
        "34CD00",
        "34CD01",
    }
