"""The GraphQL schema, composed from the domains' Query and Mutation parts."""

from __future__ import annotations

import traceback
from typing import Any

import strawberry
import structlog
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.fastapi import GraphQLRouter
from strawberry.types import ExecutionContext

from zorgroute.cases.graphql import CasesMutation, CasesQuery
from zorgroute.core.errors import AppError
from zorgroute.gifted.graphql import GiftedMutation, GiftedQuery
from zorgroute.graphql.context import get_context
from zorgroute.graphql.errors import UnitOfWorkExtension, mask_unexpected
from zorgroute.hgw.graphql import HgwMutation, HgwQuery
from zorgroute.organisations.graphql import OrganisationsQuery
from zorgroute.plans.graphql import PlansMutation, PlansQuery
from zorgroute.privacy.graphql import PrivacyMutation, PrivacyQuery
from zorgroute.roster.graphql import RosterMutation, RosterQuery
from zorgroute.settings import Settings

log = structlog.get_logger(__name__)


@strawberry.type
class Query(
    OrganisationsQuery, RosterQuery, PrivacyQuery, HgwQuery, PlansQuery, CasesQuery, GiftedQuery
):
    pass


@strawberry.type
class Mutation(
    RosterMutation, PrivacyMutation, HgwMutation, PlansMutation, CasesMutation, GiftedMutation
):
    pass


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log what kind of error each was and where, never its text.

        Strawberry's default logs every error with the lines of the document around it and a
        traceback, and the messages quote the values they refuse (`Value cannot represent a
        Date: "2014-02-30"`, `Variable '$input' got invalid value …`): names, dates of birth
        and ids of pupils would reach the logs. An unexpected error is logged with its type and
        the line that raised it, which is where debugging starts.
        """
        for error in errors:
            original = error.original_error
            if original is None:  # syntax, validation, a document limit
                log.info("graphql_error", kind="document")
            elif isinstance(original, AppError):
                log.info("graphql_error", kind="problem", code=original.code)
            elif isinstance(original, StrawberryInputCoercionError):
                log.info("graphql_error", kind="input")
            else:
                frames = traceback.extract_tb(original.__traceback__)
                log.error(
                    "graphql_error",
                    kind="unexpected",
                    error_type=type(original).__name__,
                    at=f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None,
                )


def build_schema(
    introspection: bool = True,
    max_depth: int = 10,
    max_aliases: int = 15,
    max_tokens: int = 1000,
) -> strawberry.Schema:
    """The schema with its cost limits: a document over one is refused with a GraphQL error
    before any resolver runs (tokens while parsing; depth and aliases while validating)."""
    # Factories, not instances: strawberry builds fresh extensions for every request.
    extensions: list[Any] = [
        UnitOfWorkExtension,
        mask_unexpected,
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: QueryDepthLimiter(max_depth=max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=max_aliases),
    ]
    if not introspection:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return Schema(query=Query, mutation=Mutation, extensions=extensions)


def graphql_router(settings: Settings) -> GraphQLRouter[Any, None]:
    dev = settings.is_development
    schema = build_schema(
        introspection=dev or settings.graphql.introspection,
        max_depth=settings.graphql.max_depth,
        max_aliases=settings.graphql.max_aliases,
        max_tokens=settings.graphql.max_tokens,
    )
    return GraphQLRouter(
        schema,
        context_getter=get_context,
        graphql_ide="graphiql" if dev or settings.graphql.graphiql else None,
        allow_queries_via_get=False,  # every operation is a POST: CSRF rules apply to all
    )
