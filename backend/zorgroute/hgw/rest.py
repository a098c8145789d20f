"""REST adapter of the HGW cycle: parse, call the service, return the read model."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Request, Response
from fastapi.responses import JSONResponse

from zorgroute.core.deps import Uow
from zorgroute.core.http import IfMatch, etag, version_from_if_match
from zorgroute.core.problem import problem_responses
from zorgroute.hgw import meetings, needs, overviews, results_import, school_config, timeline
from zorgroute.hgw.schemas import (
    CyclePeriodCreate,
    CyclePeriodRead,
    HelperPhrase,
    HgwSettingsRead,
    HgwSettingsUpdate,
    MeetingCreate,
    MeetingHold,
    MeetingRead,
    MeetingUpdate,
    NeedRead,
    NeedWrite,
    OverviewCreate,
    OverviewRead,
    OverviewSummary,
    QuestionCreate,
    ResultCreate,
    ResultImportRequest,
    ResultImportResponse,
    ResultRead,
    RowRead,
    RowUpdate,
    SignalCreate,
    SignalRead,
    TimelineItem,
)
from zorgroute.identity.deps import CurrentPrincipal

router = APIRouter(
    prefix="/api/v1", tags=["hgw"], responses=problem_responses(400, 401, 403, 404, 409, 422)
)
LOCKED = problem_responses(412, 428)


# -- school configuration -------------------------------------------------------------------
@router.get("/schools/{school_id}/hgw-settings", operation_id="hgw-get-settings")
async def get_settings(
    school_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> HgwSettingsRead:
    """How the HGW cycle runs at this school. Version 0: the defaults, never saved."""
    found = await school_config.get_settings(uow, principal, school_id)
    response.headers["ETag"] = etag(found.version)
    return found


@router.put("/schools/{school_id}/hgw-settings", operation_id="hgw-put-settings", responses=LOCKED)
async def put_settings(
    school_id: uuid.UUID,
    data: HgwSettingsUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> HgwSettingsRead:
    """Change the school's HGW choices (team leader, school leader, IB'er, zorgcoördinator)."""
    saved = await school_config.put_settings(
        uow, principal, school_id, version_from_if_match(if_match), data
    )
    response.headers["ETag"] = etag(saved.version)
    return saved


@router.get("/schools/{school_id}/cycle-periods", operation_id="hgw-list-cycle-periods")
async def list_cycle_periods(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[CyclePeriodRead]:
    """The school's cycle periods, newest first."""
    return await school_config.list_periods(uow, principal, school_id)


@router.post(
    "/schools/{school_id}/cycle-periods", operation_id="hgw-create-cycle-period", status_code=201
)
async def create_cycle_period(
    school_id: uuid.UUID, data: CyclePeriodCreate, uow: Uow, principal: CurrentPrincipal
) -> CyclePeriodRead:
    return await school_config.create_period(uow, principal, school_id, data)


@router.post("/cycle-periods/{period_id}/archive", operation_id="hgw-archive-cycle-period")
async def archive_cycle_period(
    period_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> CyclePeriodRead:
    """Close a cycle: its overviews and plans become read-only. Every plan of the period must
    be evaluated first."""
    return await school_config.archive_period(uow, principal, period_id)


# -- group overviews ------------------------------------------------------------------------
@router.get("/groups/{group_id}/overviews", operation_id="hgw-list-overviews")
async def list_overviews(
    group_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[OverviewSummary]:
    """The group's overviews (groepsoverzichten), newest period first."""
    return await overviews.list_overviews(uow, principal, group_id)


@router.post("/groups/{group_id}/overviews", operation_id="hgw-create-overview", status_code=201)
async def create_overview(
    group_id: uuid.UUID, data: OverviewCreate, uow: Uow, principal: CurrentPrincipal
) -> OverviewRead:
    """Start the overview of a cycle period, seeded from the group's previous one: every
    current student gets a row; what was known and still holds is carried over."""
    return await overviews.create_overview(uow, principal, group_id, data)


@router.get("/overviews/{overview_id}", operation_id="hgw-get-overview")
async def get_overview(
    overview_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> OverviewRead:
    """The whole overview: every student's row with results, signals and needs."""
    found = await overviews.get_overview(uow, principal, overview_id)
    response.headers["ETag"] = etag(found.version)
    return found


@router.patch(
    "/overviews/{overview_id}/rows/{student_id}", operation_id="hgw-update-row", responses=LOCKED
)
async def update_row(
    overview_id: uuid.UUID,
    student_id: uuid.UUID,
    changes: RowUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> RowRead:
    """Change cells of one student's row; If-Match is the row's version."""
    row = await overviews.update_row(
        uow, principal, overview_id, student_id, version_from_if_match(if_match), changes
    )
    response.headers["ETag"] = etag(row.version)
    return row


@router.post("/overviews/{overview_id}/publish", operation_id="hgw-publish-overview")
async def publish_overview(
    overview_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> OverviewSummary:
    """Share the overview with the group's teachers ahead of the group meeting."""
    return await overviews.publish(uow, principal, overview_id)


@router.post("/overviews/{overview_id}/signals", operation_id="hgw-create-signal", status_code=201)
async def create_signal(
    overview_id: uuid.UUID, data: SignalCreate, uow: Uow, principal: CurrentPrincipal
) -> SignalRead:
    """Signal a student for extra attention in the coming period (behind or ahead)."""
    return await overviews.create_signal(uow, principal, overview_id, data)


@router.delete("/signals/{signal_id}", operation_id="hgw-delete-signal", status_code=204)
async def delete_signal(signal_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal) -> None:
    """Withdraw a signal that was not yet confirmed in the group meeting."""
    await overviews.delete_signal(uow, principal, signal_id)


@router.post("/students/{student_id}/results", operation_id="hgw-create-result", status_code=201)
async def create_result(
    student_id: uuid.UUID, data: ResultCreate, uow: Uow, principal: CurrentPrincipal
) -> ResultRead:
    """Enter a test result or a social-emotional score (imports come from the LVS)."""
    return await overviews.create_result(uow, principal, student_id, data)


@router.post(
    "/schools/{school_id}/results:import",
    operation_id="hgw-import-results",
    response_model=ResultImportResponse,
)
async def import_results(
    school_id: uuid.UUID,
    request: Request,
    payload: Annotated[ResultImportRequest, Body()],
    uow: Uow,
    principal: CurrentPrincipal,
    idempotency_key: Annotated[
        str, Header(min_length=1, max_length=200, description="A fresh UUID per logical request")
    ],
) -> Any:
    """LVS / test platform upsert of test results and SEO scores (scope `results:write`).

    Keyed on (source, external_id); students by their external id in the same source (as sent
    in roster:sync). A repeat with the same Idempotency-Key replays the first answer; each row
    is created/updated/unchanged/rejected (an unknown student is rejected, the rest goes in).
    """
    status, body, replayed = await results_import.import_results(
        uow, principal, school_id, payload, await request.json(), idempotency_key
    )
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    return JSONResponse(body, status_code=status, headers=headers)


# -- educational needs ----------------------------------------------------------------------
@router.get("/students/{student_id}/needs", operation_id="hgw-list-needs")
async def list_needs(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[NeedRead]:
    """The student's educational needs (onderwijsbehoeften), newest first."""
    return await needs.list_needs(uow, principal, student_id)


@router.post("/students/{student_id}/needs", operation_id="hgw-create-need", status_code=201)
async def create_need(
    student_id: uuid.UUID,
    data: NeedWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> NeedRead:
    """Name a need: at least one goal and one need item. `hints` carry SMART(I) warnings."""
    need = await needs.create_need(uow, principal, student_id, data)
    response.headers["ETag"] = etag(need.version)
    return need


@router.put("/needs/{need_id}", operation_id="hgw-update-need", responses=LOCKED)
async def update_need(
    need_id: uuid.UUID,
    data: NeedWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> NeedRead:
    need = await needs.update_need(uow, principal, need_id, version_from_if_match(if_match), data)
    response.headers["ETag"] = etag(need.version)
    return need


@router.get("/hgw/helper-phrases", operation_id="hgw-helper-phrases")
async def helper_phrases(principal: CurrentPrincipal) -> list[HelperPhrase]:
    """The begrijpwijzer's helper sentences per need category, offered in the needs editor."""
    return needs.helper_phrases()


# -- group meeting --------------------------------------------------------------------------
@router.post("/overviews/{overview_id}/meeting", operation_id="hgw-create-meeting", status_code=201)
async def create_meeting(
    overview_id: uuid.UUID, data: MeetingCreate, uow: Uow, principal: CurrentPrincipal
) -> MeetingRead:
    """Schedule the group meeting (groepsbespreking) with the standard agenda."""
    return await meetings.create_meeting(uow, principal, overview_id, data)


@router.get("/meetings/{meeting_id}", operation_id="hgw-get-meeting")
async def get_meeting(
    meeting_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> MeetingRead:
    found = await meetings.get_meeting(uow, principal, meeting_id)
    response.headers["ETag"] = etag(found.version)
    return found


@router.put("/meetings/{meeting_id}", operation_id="hgw-update-meeting", responses=LOCKED)
async def update_meeting(
    meeting_id: uuid.UUID,
    data: MeetingUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> MeetingRead:
    """Write the report: attendees, agenda, evaluation, decisions per student."""
    saved = await meetings.update_meeting(
        uow, principal, meeting_id, version_from_if_match(if_match), data
    )
    response.headers["ETag"] = etag(saved.version)
    return saved


@router.post(
    "/meetings/{meeting_id}/questions", operation_id="hgw-add-meeting-question", status_code=201
)
async def add_question(
    meeting_id: uuid.UUID, data: QuestionCreate, uow: Uow, principal: CurrentPrincipal
) -> MeetingRead:
    """A teacher's question for the meeting, asked beforehand."""
    return await meetings.add_question(uow, principal, meeting_id, data)


@router.post("/meetings/{meeting_id}/hold", operation_id="hgw-hold-meeting", responses=LOCKED)
async def hold_meeting(
    meeting_id: uuid.UUID,
    data: MeetingHold,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> MeetingRead:
    """Record that the meeting was held: confirms the discussed signals and hands students
    registered with the care team over to case routing."""
    held = await meetings.hold_meeting(
        uow, principal, meeting_id, version_from_if_match(if_match), data
    )
    response.headers["ETag"] = etag(held.version)
    return held


# -- timeline -------------------------------------------------------------------------------
@router.get("/students/{student_id}/timeline", operation_id="hgw-student-timeline")
async def student_timeline(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[TimelineItem]:
    """Signals, needs, plans, meeting decisions and the OPP of a student, newest first."""
    return await timeline.student_timeline(uow, principal, student_id)
