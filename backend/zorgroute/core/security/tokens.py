"""Validation of client-credentials access tokens (RFC 9068 JWTs) from our OIDC issuer."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import httpx
import structlog
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from zorgroute.core.errors import Unauthenticated, UpstreamUnavailable

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class AccessToken:
    issuer: str
    subject: str
    client_id: str
    scopes: frozenset[str]
    claims: dict[str, Any]


class OidcMetadata:
    """Discovery document and JWKS of the issuer, fetched lazily and cached.

    The JWKS is refetched when a token names a key id we do not know (key rotation),
    at most once per `min_refresh_seconds`, so a flood of bogus kids cannot hammer the issuer.
    """

    def __init__(
        self, issuer: str, cache_seconds: int = 3600, min_refresh_seconds: float = 10.0
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self.cache_seconds = cache_seconds
        self.min_refresh_seconds = min_refresh_seconds
        self._discovery: dict[str, Any] | None = None
        self._keys: KeySet | None = None
        self._fetched_at = 0.0
        self._attempted_at = -min_refresh_seconds
        self._lock = asyncio.Lock()

    async def discovery(self) -> dict[str, Any]:
        if self._discovery is None:
            async with httpx.AsyncClient(timeout=10) as client:
                resp = await client.get(f"{self.issuer}/.well-known/openid-configuration")
                resp.raise_for_status()
                self._discovery = resp.json()
        return self._discovery

    async def keys(self, kid: str | None) -> KeySet:
        async with self._lock:
            now = time.monotonic()
            stale = now - self._fetched_at > self.cache_seconds
            unknown = self._keys is not None and kid is not None and not _has_kid(self._keys, kid)
            may_refresh = now - self._attempted_at > self.min_refresh_seconds
            if (self._keys is None or stale or unknown) and may_refresh:
                # Count the attempt even when it fails: an outage must not turn every
                # unknown kid into another fetch while all token checks wait on this lock.
                self._attempted_at = now
                try:
                    jwks_uri = (await self.discovery())["jwks_uri"]
                    async with httpx.AsyncClient(timeout=5) as client:
                        resp = await client.get(jwks_uri)
                        resp.raise_for_status()
                    self._keys = KeySet.import_key_set(resp.json())
                    self._fetched_at = now
                except (httpx.HTTPError, ValueError, KeyError, JoseError):
                    log.warning("jwks_fetch_failed", issuer=self.issuer)
            if self._keys is None:
                raise UpstreamUnavailable(
                    "The identity provider cannot be reached to check the token. Try again soon."
                )
            return self._keys


def _has_kid(keys: KeySet, kid: str) -> bool:
    return any(k.kid == kid for k in keys.keys)


class TokenValidator:
    def __init__(self, metadata: OidcMetadata, audience: str, algorithms: list[str]) -> None:
        self.metadata = metadata
        self.audience = audience
        self.algorithms = algorithms

    async def validate(self, token: str) -> AccessToken:
        invalid = Unauthenticated("The access token is not valid.", headers=_challenge())
        try:
            header = jws.extract_compact(token.encode()).protected
        except (JoseError, ValueError):
            raise invalid from None
        if header.get("alg") not in self.algorithms:
            raise invalid
        # RFC 9068: access tokens are typed, so an ID token cannot be replayed as one.
        if str(header.get("typ", "")).lower() not in ("at+jwt", "application/at+jwt"):
            raise invalid
        keys = await self.metadata.keys(header.get("kid"))
        try:
            decoded = jwt.decode(token, keys, algorithms=self.algorithms)
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": self.metadata.issuer},
                aud={"essential": True, "value": self.audience},
                exp={"essential": True},
                sub={"essential": True},
            ).validate(decoded.claims)
        except (JoseError, ValueError):
            raise invalid from None
        claims = decoded.claims
        # A system token is issued to the client itself (RFC 9068: client_id; for client
        # credentials sub is the client). A user's token (sub = a person) is never a system.
        if not claims.get("client_id") or claims["sub"] != claims["client_id"]:
            raise invalid
        return AccessToken(
            issuer=claims["iss"],
            subject=claims["sub"],
            client_id=str(claims["client_id"]),
            scopes=frozenset(str(claims.get("scope", "")).split()),
            claims=claims,
        )


def _challenge() -> dict[str, str]:
    return {"WWW-Authenticate": 'Bearer error="invalid_token"'}
