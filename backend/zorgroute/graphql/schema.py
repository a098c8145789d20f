"""The GraphQL schema, composed from the domains' Query and Mutation parts."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules, QueryDepthLimiter
from strawberry.fastapi import GraphQLRouter

from zorgroute.graphql.context import get_context
from zorgroute.graphql.errors import UnitOfWorkExtension, mask_unexpected
from zorgroute.organisations.graphql import OrganisationsQuery
from zorgroute.roster.graphql import RosterMutation, RosterQuery
from zorgroute.settings import Settings


@strawberry.type
class Query(OrganisationsQuery, RosterQuery):
    pass


@strawberry.type
class Mutation(RosterMutation):
    pass


def build_schema(introspection: bool = True, max_depth: int = 10) -> strawberry.Schema:
    # Factories, not instances: strawberry builds fresh extensions for every request.
    extensions: list[Any] = [
        UnitOfWorkExtension,
        mask_unexpected,
        lambda: QueryDepthLimiter(max_depth=max_depth),
    ]
    if not introspection:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=extensions)


def graphql_router(settings: Settings) -> GraphQLRouter[Any, None]:
    dev = settings.is_development
    schema = build_schema(
        introspection=dev or settings.graphql.introspection, max_depth=settings.graphql.max_depth
    )
    return GraphQLRouter(
        schema,
        context_getter=get_context,
        graphql_ide="graphiql" if dev or settings.graphql.graphiql else None,
        allow_queries_via_get=False,  # every operation is a POST: CSRF rules apply to all
    )
