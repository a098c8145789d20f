"""GraphQL error handling: expected errors are typed problems; everything else is masked."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import strawberry
import structlog
from graphql import GraphQLError
from pydantic import ValidationError
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.scalars import JSON

from zorgroute.core.errors import AppError, ValidationFailed
from zorgroute.core.problem import model_errors

log = structlog.get_logger(__name__)


@strawberry.type(description="An RFC 9457 problem, as a member of a mutation's result union.")
class Problem:
    type: str
    title: str
    status: int
    code: str
    detail: str | None
    errors: JSON | None
    extensions: JSON | None = strawberry.field(
        default=None,
        description="The problem's extension members, as REST gives them at the top level "
        "(e.g. `missing_consent` of consent-missing)",
    )

    @classmethod
    def from_validation(cls, error: ValidationError) -> Problem:
        """The same shape REST gives: pointers into the mutation's input."""
        return cls.from_error(
            ValidationFailed("One or more fields are invalid.", errors=model_errors(error))
        )

    @classmethod
    def from_error(cls, error: AppError) -> Problem:
        body = error.to_problem()
        extensions: Any = dict(error.extensions) or None
        return cls(
            type=body["type"],
            title=body["title"],
            status=body["status"],
            code=body["code"],
            detail=body.get("detail"),
            errors=body.get("errors"),
            extensions=extensions,
        )


def _expected(error: GraphQLError) -> AppError | None:
    original = error.original_error
    return original if isinstance(original, AppError) else None


class UnitOfWorkExtension(SchemaExtension):
    """Resolver exceptions become `errors` with HTTP 200 and never reach the UoW dependency:
    mark the unit rollback-only so a failing operation's partial writes are not committed.
    Expected errors get their problem code in `extensions`; unexpected ones are logged."""

    async def on_execute(self) -> AsyncIterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if not errors:
            return
        self.execution_context.context.uow.rollback_only = True
        for error in errors:
            expected = _expected(error)
            if expected is not None:
                error.extensions = {"code": expected.code, "status": expected.status}
            elif error.original_error is not None:
                log.error(
                    "graphql_unexpected_error", error_type=type(error.original_error).__name__
                )


def mask_unexpected() -> MaskErrors:
    def should_mask(error: GraphQLError) -> bool:
        # Validation errors (no original error), AppErrors and a variable that does not fit
        # its type (the caller's own input, e.g. a Date "2014-02-30") are the caller's to see.
        original = error.original_error
        if original is None or isinstance(original, StrawberryInputCoercionError):
            return False
        return _expected(error) is None

    return MaskErrors(should_mask_error=should_mask, error_message="Internal error")
