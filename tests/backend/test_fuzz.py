"""API fuzzing with schemathesis: no 5xx, and every answer matches the published schema.

The app runs as a real uvicorn server on loopback (support/server.py): its asyncpg pool lives
in the server thread's event loop, never in pytest-asyncio's session loop. Schemathesis loads
the live OpenAPI document from that server (and the GraphQL SDL of the schema the server
builds, as introspection is off outside development) and sends generated requests over HTTP.

Every REST operation and every GraphQL root field is fuzzed with data the schema allows
(positive) and data it forbids (negative): as a team leader of a fresh school (a real session
cookie plus CSRF header; ids of that school's records mixed with random ones, so requests get
past 401 and 404), as the school's LVS client (bearer token) for roster:sync, and without
credentials.

Generation is deterministic (hypothesis @seed, no example database) and bounded (a fixed
number of examples per operation and mode), so a run takes seconds and the same selection of
tests sends the same requests every time. (Hypothesis also mixes in constants from the
project modules that are loaded, so this file alone and the whole suite draw a little
differently; both find the same failures.) A small dictionary of hazardous values (NUL
characters, forged cursors) is mixed into the generated strings. The async tests block the
session event loop while they fuzz: nothing else runs on it, and the server has its own loop.

A failure does not stop the run: each distinct one (operation, mode, kinds) is kept with a
curl command that reproduces it, and the test fails listing them all. Credentials print as
[Filtered] there: use your own session or token. The server's log (captured output) names
the exception behind each 500.
"""

from __future__ import annotations

import base64
import itertools
import json
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import hypothesis
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.checks import CheckFunction, not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Ok
from schemathesis.graphql import nodes
from schemathesis.schemas import BaseSchema
from schemathesis.specs.graphql.scalars import CUSTOM_SCALARS
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from support.factories import World
from support.server import RunningServer, start_server

from zorgroute.graphql.schema import build_schema
from zorgroute.settings import Settings

SEED = 20260901  # change it to explore other inputs; keep it fixed in CI
MAX_EXAMPLES = 25  # per operation and generation mode
# Without credentials every protected answer is the same 401: fewer examples say as much.
MAX_EXAMPLES_ANONYMOUS = 10
REQUEST_TIMEOUT_S = 10.0
PROBLEM_JSON = "application/problem+json"
SYNC = "POST /api/v1/schools/{school_id}/roster:sync"

# Schemathesis' default for positive_data_acceptance: what a schema-valid request may get.
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]

REST_CHECKS: list[CheckFunction] = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    positive_data_acceptance,
]
GRAPHQL_CHECKS: list[CheckFunction] = [
    not_a_server_error,  # for GraphQL this also fails on resolver errors in `errors`
    response_schema_conformance,
    negative_data_rejection,
    # positive_data_acceptance, except for documents over the token limit (below)
]

# Operations anyone may call: they answer without credentials by design.
PUBLIC_PATHS = frozenset({"/auth/login", "/auth/callback"})
# Logout would end the fuzzing session for every request after it. It takes no input to fuzz,
# and the run without credentials still calls it.
SESSION_ENDING_PATHS = ["/auth/logout"]

EXAMPLES = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    # With @seed(SEED) and no example database: the same examples on every run and machine.
    derandomize=False,
    database=None,
    deadline=None,
    # Failures are collected, not raised, so there is nothing to shrink.
    phases=[Phase.explicit, Phase.generate],
    # Speed and size heuristics only; schemathesis' strategies filter and build large bodies.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
    print_blob=False,
)


def b64_json(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def fuzz_config(base_url: str | None = None) -> schemathesis.Config:
    config: dict[str, Any] = {
        # Values that break naive handling, mixed into what is generated (deterministically:
        # schemathesis draws them through hypothesis). PostgreSQL refuses NUL in text and in
        # jsonb. A cursor is base64url JSON of the last row's sort key: this one is well-formed
        # but its values fit no sort column.
        "dictionaries": {
            "hazards": {"values": ["\u0000", "x\u0000y"]},
            "cursors": {"values": [b64_json(["a", "b"]), b64_json(["", "0"])]},
        },
        "generation": {
            # We send real credentials; generated Authorization values would replace them.
            "with-security-parameters": False,
            "dictionaries": {"string": {"dictionary": "hazards", "probability": 0.1}},
        },
        # Named too: a type-wide binding skips the optional ones (their schema is an anyOf).
        "parameters": {
            "query.cursor": {"dictionary": "cursors", "probability": 0.3},
            "query.name": {"dictionary": "hazards", "probability": 0.2},
            "body.given_name": {"dictionary": "hazards", "probability": 0.2},
        },
        "operations": [
            {
                # False positive: `cursor` is an opaque token the server issued (base64 of the
                # last row's sort key). A schema cannot say which strings those are, so a
                # schema-valid random cursor is rightly refused with the documented 422.
                "include-operation-id": [
                    "roster-list-groups",
                    "roster-list-staff",
                    "roster-list-students",
                ],
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, 422]}},
            },
            {
                # Rules a schema cannot express, answered with a documented 422: who may give
                # consent (age, gezag), dates not in the future, which recipient fits a purpose,
                # a consent or legal ground before sharing (`consent-missing`), a grant's period.
                "include-operation-id": [
                    "privacy-record-consent",
                    "privacy-withdraw-consent",
                    "privacy-disclose",
                    "privacy-grant-access",
                    # HGW: both cycles off, a school year that is not the school's, periods
                    # out of order or overlapping.
                    "hgw-put-settings",
                    "hgw-create-cycle-period",
                ],
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, 422]}},
            },
            {
                # Cross-field rules of the HGW commands (a period ends after it starts, a
                # subject for cycle B only, a score or a level, a subgroup row names its
                # students) and an If-Match that hypothesis draws as '"v1"\n': the pattern's
                # `$` (ECMA) lets the newline through, the server's anchor does not.
                "include-operation-id": [
                    "hgw-create-overview",
                    "hgw-import-results",
                    "hgw-update-row",
                    "hgw-create-result",
                    "hgw-create-need",
                    "hgw-update-need",
                    "hgw-update-meeting",
                    "hgw-hold-meeting",
                    "plans-create",
                    "plans-update",
                    "plans-activate",
                    "plans-midterm-review",
                    "plans-evaluate",
                    "plans-archive",
                    "plans-update-ihp",
                    "plans-sign-ihp",
                    "plans-evaluate-ihp",
                    "plans-add-perspective-version",
                ],
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, 422]}},
            },
            {
                # Case routing: a step whose guards do not hold is a documented 422 listing
                # what is missing (transition-guard-failed), as are ids that are not the
                # school's (a chair, a coordinator, a case on the agenda), a referral without
                # the parents' consent, a date a conversation cannot have.
                "include-operation-id": [
                    "care-routes-create",
                    "cases-open",
                    "cases-registration-save",
                    "cases-action-add",
                    "cases-action-update",
                    "cases-referral-update",
                    "care-meetings-send-pack",
                    "cases-update",
                    "cases-transition",
                    "cases-screen",
                    "cases-conversation-add",
                    "cases-intervention-add",
                    "cases-intervention-update",
                    "cases-referral-add",
                    "cases-swv-request",
                    "cases-swv-decision",
                    "cases-grant",
                    "care-meetings-create",
                    "care-meetings-update",
                    "care-meetings-agenda-add",
                    "care-meetings-discussion-save",
                ],
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, 422]}},
            },
            {
                # Gifted education: cross-field rules answered with a documented 422 (a
                # committee of two staff members of the school, the deciding members on it, an
                # application route the offering allows, the in-class plan and stamschool
                # agreements, a review of every goal, 'goals_met' only when all are achieved,
                # an intake's question codes, a decline's reason, a guidance phase's entry
                # guard, a stagnation's cause, what closing a period needs), and the optional
                # If-Match: published as string-or-null, it is drawn as null and sent as the
                # text 'null', which its pattern refuses.
                "include-operation-id": [
                    "gifted-intake-section",
                    "gifted-profile-put",
                    "gifted-offering-create",
                    "gifted-offering-update",
                    "gifted-application-update",
                    "gifted-application-submit",
                    "gifted-application-withdraw",
                    "gifted-application-decide",
                    "gifted-enrolment-update",
                    "gifted-enrolment-review",
                    "gifted-enrolment-exit",
                    "gifted-choice-policy-put",
                    "gifted-choice-hour-decide",
                    "gifted-choice-hour-attendance",
                    "gifted-choice-hour-check",
                    "gifted-choice-hour-cancel",
                    "gifted-guidance-update",
                    "gifted-guidance-phase",
                    "gifted-guidance-monitoring",
                    "gifted-guidance-checkin",
                    "gifted-guidance-close",
                ],
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, 422]}},
            },
        ],
    }
    if base_url is not None:
        config["base-url"] = base_url
    return schemathesis.Config.from_dict(config)


# -- the fuzzing loop ---------------------------------------------------------------------
AnyCase = Case[Any]
Headers = Mapping[str, str] | Callable[[AnyCase], Mapping[str, str]]


@dataclass
class FuzzReport:
    """What a run sent and saw, and each distinct failure with its first reproduction."""

    failures: dict[str, str] = field(default_factory=dict)
    repeats: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)

    def fail(self, key: str, reproduction: str) -> None:
        self.repeats[key] += 1
        self.failures.setdefault(key, reproduction)

    def summary(self) -> str:
        lines = [f"{len(self.failures)} distinct failure(s) in {self.statuses.total()} requests:"]
        lines += [f"  - {key} (x{self.repeats[key]})" for key in self.failures]
        lines += ["", *(f"=== {key}\n{text}" for key, text in self.failures.items())]
        lines += ["Statuses seen:", *(f"  {k}: {n}" for k, n in sorted(self.statuses.items()))]
        return "\n".join(lines)


def fuzz(
    schema: BaseSchema,
    *,
    headers: Headers,
    checks: Sequence[CheckFunction],
    own_ids: Mapping[str, str] | None = None,
    only: Collection[str] | None = None,
    max_examples: int = MAX_EXAMPLES,
) -> FuzzReport:
    """Send `max_examples` positive and as many negative requests per operation.

    `own_ids` are path parameters of records the caller may see: about half of the requests
    use them, the rest random ids. `only` names the operations to fuzz (schemathesis 4.32's
    `schema.include()` has no effect once the config has `operations` sections).
    """
    report = FuzzReport()
    settings = hypothesis.settings(EXAMPLES, max_examples=max_examples)
    for result in schema.get_all_operations():
        if not isinstance(result, Ok):
            raise result.err()  # the published schema is broken
        operation = result.ok()
        if only is not None and operation.label not in only:
            continue
        names = {p.name for p in operation.path_parameters}
        fixed = {k: v for k, v in (own_ids or {}).items() if k in names}
        for mode in GenerationMode:
            strategy = operation.as_strategy(generation_mode=mode)
            if fixed:
                strategy = st.one_of(
                    strategy, operation.as_strategy(generation_mode=mode, path_parameters=fixed)
                )
            action = partial(send, report=report, mode=mode, headers=headers, checks=checks)
            try:
                for_each_example(strategy, action, settings)
            except Unsatisfiable:
                # Nothing to make invalid: the operation has no input at all.
                assert mode is GenerationMode.NEGATIVE, operation.label
    return report


def for_each_example(
    strategy: st.SearchStrategy[AnyCase],
    action: Callable[[AnyCase], None],
    settings: hypothesis.settings,
) -> None:
    @settings
    @hypothesis.seed(SEED)
    @given(case=strategy)
    def examples(case: AnyCase) -> None:
        action(case)

    examples()


def send(
    case: AnyCase,
    *,
    report: FuzzReport,
    mode: GenerationMode,
    headers: Headers,
    checks: Sequence[CheckFunction],
) -> None:
    sent = dict(headers(case) if callable(headers) else headers)
    label = f"{case.operation.label} [{mode.value}]"
    try:
        response = case.call(headers=sent, timeout=REQUEST_TIMEOUT_S)
    except requests.RequestException as exc:  # the server hung up or did not answer in time
        curl = case.as_curl_command(headers=sent)
        report.fail(f"{label} {type(exc).__name__}", f"{exc}\n\n    {curl}\n")
        return
    report.statuses[f"{case.operation.label} -> {response.status_code}"] += 1
    try:
        case.validate_response(response, checks=list(checks), headers=sent)
    except FailureGroup as group:
        kinds = " + ".join(sorted(f"{f.code} {f.title}" for f in group.exceptions))
        report.fail(f"{label} {kinds}", str(group))


# -- checks of our own --------------------------------------------------------------------
def rejected_without_credentials(ctx: CheckContext, response: Response, case: AnyCase) -> None:
    """Without credentials a protected operation answers 400/401/404/405/413/422 as
    problem+json (a body that cannot be parsed, or is too large, is refused before anyone is
    asked who is calling)."""
    if case.operation.path in PUBLIC_PATHS:
        return
    assert response.status_code in (400, 401, 404, 405, 413, 422), (
        f"{response.status_code} without credentials, expected 400/401/404/405/413/422"
    )
    content_type = response.headers.get("content-type", [""])[0]
    assert content_type.startswith(PROBLEM_JSON), f"{content_type!r}, expected {PROBLEM_JSON}"


TOKEN_LIMIT_ERROR = "Syntax Error: Document contains more than"


def within_document_limits(ctx: CheckContext, response: Response, case: AnyCase) -> None:
    """positive_data_acceptance, except that a document over the token limit is refused by
    design: schemathesis inlines whole inputs (a plan evaluation) into the document, where real
    clients send variables, which do not count towards the limit."""
    errors = response.json().get("errors") or []
    if errors and all(str(e.get("message", "")).startswith(TOKEN_LIMIT_ERROR) for e in errors):
        return
    positive_data_acceptance(ctx, response, case)


GRAPHQL_CHECKS.append(within_document_limits)


def graphql_requires_login(ctx: CheckContext, response: Response, case: AnyCase) -> None:
    """Without credentials GraphQL answers with errors coded `unauthenticated` (or a Problem
    in a mutation's result union), never with an unexpected error.

    It stands in for not_a_server_error here, which takes every resolver error for a server
    error: a resolver refusing an anonymous caller is the expected answer.
    """
    assert response.status_code < 500, f"{response.status_code}: {response.text[:300]}"
    try:
        body = response.json()
    except ValueError:
        raise AssertionError(f"not JSON: {response.text[:300]}") from None
    for error in body.get("errors") or []:
        assert error.get("message") != "Internal error", f"masked unexpected error: {error}"
        # Errors without a path are the query's validation errors: the client's mistake.
        code = (error.get("extensions") or {}).get("code")
        assert "path" not in error or code == "unauthenticated", f"unexpected error: {error}"


# -- fixtures and helpers -----------------------------------------------------------------
@pytest.fixture(scope="module")
def fuzz_server(settings: Settings) -> Iterator[RunningServer]:
    with start_server(settings) as server:
        yield server


@pytest.fixture
def rest_schema(fuzz_server: RunningServer) -> BaseSchema:
    return schemathesis.openapi.from_url(
        f"{fuzz_server.base_url}/api/v1/openapi.json", config=fuzz_config()
    )


@pytest.fixture
def graphql_schema(fuzz_server: RunningServer, world: World) -> Iterator[BaseSchema]:
    """The SDL the server runs; IDs mostly of this world's records, so queries find data."""
    ids = [
        str(world.school_id),
        *map(str, world.students.values()),
        *map(str, world.groups.values()),
    ]
    saved = {name: CUSTOM_SCALARS.get(name) for name in ("ID", "Int")}
    schemathesis.graphql.scalar(
        "ID", st.one_of(st.sampled_from(ids), st.text(max_size=40)).map(nodes.String)
    )
    # Small integers too, so `expectedVersion` sometimes names the current version.
    schemathesis.graphql.scalar(
        "Int", st.one_of(st.integers(0, 3), st.integers(-(2**31), 2**31 - 1)).map(nodes.Int)
    )
    yield schemathesis.graphql.from_file(
        build_schema().as_str(), config=fuzz_config(base_url=f"{fuzz_server.base_url}/graphql")
    )
    # The scalar registry is global to the process: leave it as it was.
    for name, strategy in saved.items():
        if strategy is None:
            CUSTOM_SCALARS.pop(name, None)
        else:
            CUSTOM_SCALARS[name] = strategy


def own_ids(world: World) -> dict[str, str]:
    """Path ids of records a team leader of the world's school may see and change."""
    return {
        "school_id": str(world.school_id),
        "student_id": str(world.students["ll-4"]),
        "group_id": str(world.groups["gr-2b"]),
    }


def with_current_etag(
    base_url: str, headers: Mapping[str, str]
) -> Callable[[AnyCase], dict[str, str]]:
    """Headers for a case. A schema-valid PATCH or PUT gets the record's current ETag as
    If-Match, so its body reaches the update instead of stopping at 412/428 (If-Match must name the
    current version: state a schema cannot describe). Negative cases keep what was drawn."""

    def for_case(case: AnyCase) -> dict[str, str]:
        sent = dict(headers)
        method = case.method.upper()
        positive = case.meta and case.meta.generation.mode.is_positive
        if method in ("PATCH", "PUT") and positive:
            current = requests.get(
                base_url + case.formatted_path, headers=sent, timeout=REQUEST_TIMEOUT_S
            )
            if "etag" in current.headers:
                sent["If-Match"] = current.headers["etag"]
        return sent

    return for_case


# -- tests --------------------------------------------------------------------------------
async def test_rest_as_team_leader(
    rest_schema: BaseSchema, fuzz_server: RunningServer, world: World
) -> None:
    headers = await world.headers("team_leader")
    report = fuzz(
        rest_schema.exclude(path=SESSION_ENDING_PATHS),
        headers=with_current_etag(fuzz_server.base_url, headers),
        checks=REST_CHECKS,
        own_ids=own_ids(world),
    )
    assert not report.failures, report.summary()


def test_roster_sync_as_lvs(rest_schema: BaseSchema, world: World, lvs_token: str) -> None:
    keys = itertools.count()  # the world is new, so its idempotency records are too

    def headers(case: AnyCase) -> dict[str, str]:
        sent = {"Authorization": f"Bearer {lvs_token}"}
        if "idempotency-key" in {h.lower() for h in case.headers}:
            # A fresh key each time: a key seen before with another body is rightly a 422
            # (idempotency-key-reused), which would say nothing about this body.
            sent["Idempotency-Key"] = f"fuzz-{next(keys)}"
        return sent

    # negative_data_rejection is left out on purpose: sync rows are documented as their row
    # schemas but validated one by one, so a bad row is `rejected` inside a 200 answer while
    # the other rows are stored (one bad row never aborts the rest; see test_sync.py).
    checks = [c for c in REST_CHECKS if c is not negative_data_rejection]
    report = fuzz(rest_schema, headers=headers, checks=checks, own_ids=own_ids(world), only={SYNC})
    assert not report.failures, report.summary()


def test_rest_without_credentials(rest_schema: BaseSchema) -> None:
    report = fuzz(
        rest_schema,
        headers={},
        checks=[*REST_CHECKS, rejected_without_credentials],
        max_examples=MAX_EXAMPLES_ANONYMOUS,
    )
    assert not report.failures, report.summary()


async def test_graphql_as_team_leader(graphql_schema: BaseSchema, world: World) -> None:
    report = fuzz(graphql_schema, headers=await world.headers("team_leader"), checks=GRAPHQL_CHECKS)
    assert not report.failures, report.summary()


def test_graphql_without_credentials(graphql_schema: BaseSchema) -> None:
    report = fuzz(
        graphql_schema,
        headers={},
        checks=[graphql_requires_login, response_schema_conformance, negative_data_rejection],
        max_examples=MAX_EXAMPLES_ANONYMOUS,
    )
    assert not report.failures, report.summary()
