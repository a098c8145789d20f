"""Expected errors. Services raise these; transports make them problem+json or GraphQL problems.

Each error has a stable `code` (also the last segment of its `type` URI), listed in docs/errors.md.
"""

from __future__ import annotations

from typing import Any

PROBLEM_BASE = "https://zorgroute.nl/problems/"


class AppError(Exception):
    status: int = 400
    code: str = "bad-request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        self.extensions = extensions

    @property
    def type(self) -> str:
        return PROBLEM_BASE + self.code

    def to_problem(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": self.type,
            "title": self.title,
            "status": self.status,
            "code": self.code,
        }
        if self.detail:
            body["detail"] = self.detail
        if self.errors is not None:
            body["errors"] = self.errors
        body.update(self.extensions)
        return body


class ValidationFailed(AppError):
    status, code, title = 422, "validation-failed", "The request is not valid"


class Unauthenticated(AppError):
    status, code, title = 401, "unauthenticated", "Log in first"


class Forbidden(AppError):
    status, code, title = 403, "forbidden", "You may not do this"


class NotFound(AppError):
    status, code, title = 404, "not-found", "Not found"


class Conflict(AppError):
    status, code, title = 409, "conflict", "Conflict with the current state"


class PreconditionRequired(AppError):
    status, code, title = 428, "precondition-required", "If-Match is required"


class PreconditionFailed(AppError):
    status, code, title = 412, "version-mismatch", "Someone else changed this in the meantime"


class CsrfFailed(AppError):
    status, code, title = 403, "csrf-failed", "The CSRF header is missing or wrong"


class IdempotencyKeyReused(AppError):
    status, code, title = (
        422,
        "idempotency-key-reused",
        "This Idempotency-Key was used for a different request",
    )


class IdempotencyInProgress(AppError):
    status, code, title = (
        409,
        "idempotency-in-progress",
        "A request with this Idempotency-Key is still running",
    )


class UpstreamUnavailable(AppError):
    status, code, title = 503, "upstream-unavailable", "A service we depend on is unreachable"


class AccountNotProvisioned(AppError):
    status, code, title = (
        403,
        "account-not-provisioned",
        "Your account has no access to Zorgroute",
    )


class MissingScope(AppError):
    status, code, title = 403, "insufficient-scope", "The token lacks a required scope"


class RateLimited(AppError):
    """Too many requests in the current window; `Retry-After` says when the next one counts."""

    status, code, title = 429, "rate-limited", "Too many requests"


class PayloadTooLarge(AppError):
    status, code, title = 413, "payload-too-large", "The request body is too large"


class InvalidTransition(AppError):
    """The step is not in the lifecycle's (or route's) transition table from the current
    state: `allowed_actions` names the steps that are."""

    status, code, title = (
        409,
        "invalid-transition",
        "This step is not possible from the current status",
    )


class GuardFailed(AppError):
    """The step is allowed, but something it needs is missing: listed in `missing`."""

    status, code, title = 422, "transition-guard-failed", "Something this step needs is missing"


def invalid(pointer: str, detail: str) -> ValidationFailed:
    """A 422 about one field of the request, named by its JSON pointer."""
    return ValidationFailed(detail, errors=[{"pointer": pointer, "detail": detail}])


def require_version(current: int, expected: int | None, what: str) -> None:
    """Optimistic locking: the writer names the version they read (If-Match/expectedVersion)."""
    if expected is None:
        raise PreconditionRequired(
            "Send If-Match with the ETag you read (GraphQL: expectedVersion).",
            current_version=current,
        )
    if expected != current:
        raise PreconditionFailed(
            f"The {what} was changed after you read it. Reload, then apply your change again.",
            current_version=current,
        )
