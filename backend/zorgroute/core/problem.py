"""RFC 9457 problem+json for every error the REST API can produce."""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from zorgroute.audit.denials import record_denial
from zorgroute.core.errors import PROBLEM_BASE, AppError

log = structlog.get_logger(__name__)

PROBLEM_JSON = "application/problem+json"


class ProblemDocument(BaseModel):
    """RFC 9457 problem details, as every error of this API is sent (docs/errors.md)."""

    type: str
    title: str
    status: int
    code: str
    detail: str | None = None
    instance: str | None = None
    trace_id: str | None = None
    errors: list[dict[str, Any]] | None = None


_DESCRIPTIONS = {
    400: "Malformed request (e.g. a body that is not JSON)",
    401: "Not logged in, or an invalid token",
    403: "Not allowed (role, scope or CSRF header)",
    404: "Not found, or not visible to you",
    409: "Conflict with the current state",
    412: "Changed by someone else since you read it",
    422: "Invalid input; `errors` point at the fields",
    428: "If-Match is required",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these error statuses (served as application/problem+json)."""
    return {s: {"model": ProblemDocument, "description": _DESCRIPTIONS[s]} for s in statuses}


def use_problem_media_type(openapi: dict[str, Any]) -> None:
    """FastAPI documents response models as application/json; our errors are problem+json."""
    for item in openapi.get("paths", {}).values():
        for operation in item.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[0] in "45" and "application/json" in content:
                    content[PROBLEM_JSON] = content.pop("application/json")


_HTTP_CODES = {
    400: ("bad-request", "Bad request"),
    401: ("unauthenticated", "Log in first"),
    403: ("forbidden", "You may not do this"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    413: ("payload-too-large", "The request body is too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    429: ("rate-limited", "Too many requests"),
}


def problem_response(
    request: Request, body: dict[str, Any], headers: dict[str, str] | None = None
) -> JSONResponse:
    body.setdefault("instance", request.url.path)
    body.setdefault("trace_id", getattr(request.state, "request_id", None))
    return JSONResponse(body, status_code=body["status"], media_type=PROBLEM_JSON, headers=headers)


def pointer_errors(errors: Any) -> list[dict[str, Any]]:
    """Pydantic errors as RFC 9457 extension members: a JSON pointer for the body, else a name."""
    out: list[dict[str, Any]] = []
    for err in errors:
        loc = [str(p).replace("~", "~0").replace("/", "~1") for p in err.get("loc", ())]
        item: dict[str, Any] = {"detail": err.get("msg", "invalid"), "type": err.get("type")}
        if loc and loc[0] == "body":
            item["pointer"] = "/" + "/".join(loc[1:])
        elif loc and loc[0] in ("query", "path", "header", "cookie"):
            item["location"] = loc[0]
            item["parameter"] = "/".join(loc[1:])
        else:
            item["pointer"] = "/" + "/".join(loc)
        out.append(item)
    return out


def model_errors(exc: ValidationError, prefix: str = "") -> list[dict[str, Any]]:
    """Errors of a model validated outside FastAPI, as pointers under `prefix` ("/students/3")."""
    return pointer_errors(
        {**e, "loc": ("body", *prefix.split("/")[1:], *e["loc"])} for e in exc.errors()
    )


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        await record_denial(request, exc.status, exc.code)
        return problem_response(request, exc.to_problem(), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(
            request,
            {
                "type": PROBLEM_BASE + "validation-failed",
                "title": "The request is not valid",
                "status": 422,
                "code": "validation-failed",
                "detail": "One or more fields are missing or invalid.",
                "errors": pointer_errors(exc.errors()),
            },
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, title = _HTTP_CODES.get(exc.status_code, ("http-error", "Request failed"))
        body: dict[str, Any] = {
            "type": PROBLEM_BASE + code,
            "title": title,
            "status": exc.status_code,
            "code": code,
        }
        if isinstance(exc.detail, str) and exc.detail and exc.detail != title:
            body["detail"] = exc.detail
        return problem_response(request, body, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled_error", error_type=type(exc).__name__)
        return problem_response(
            request,
            {
                "type": PROBLEM_BASE + "internal-error",
                "title": "Something went wrong on our side",
                "status": 500,
                "code": "internal-error",
                "detail": "The error has been logged. Quote the trace_id when you report it.",
            },
            # This handler runs outside our middleware, which adds these headers elsewhere.
            {
                "X-Request-ID": str(getattr(request.state, "request_id", "")),
                "Cache-Control": "no-store",
            },
        )
