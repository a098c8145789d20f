"""REST adapter of case routing: routes, cases, care meetings and the care dashboard."""

from __future__ import annotations

import uuid
from typing import Literal, TypeVar

from fastapi import APIRouter, Query, Response

from zorgroute.cases import board, cases, followup, meetings, route_admin
from zorgroute.cases.schemas import (
    ActionItemIn,
    ActionItemRead,
    ActionItemUpdate,
    AgendaItemIn,
    CareDashboard,
    CareMeetingCreate,
    CareMeetingRead,
    CareMeetingSummary,
    CareMeetingUpdate,
    CaseBoard,
    CaseGrantIn,
    CaseGrantRead,
    CaseOpen,
    CasePack,
    CaseRead,
    CaseRequest,
    CaseSummary,
    CaseUpdate,
    ConversationIn,
    ConversationRead,
    DiscussionWrite,
    InterventionIn,
    InterventionRead,
    InterventionUpdate,
    ReferralIn,
    ReferralRead,
    ReferralUpdate,
    RegistrationRead,
    RegistrationWrite,
    RouteCreate,
    RouteLibrary,
    RouteRead,
    RouteSummary,
    ScreeningIn,
    SwvDecisionIn,
    SwvRequestIn,
    SwvRequestRead,
    TransitionIn,
)
from zorgroute.core.deps import Uow
from zorgroute.core.http import IfMatch, etag, version_from_if_match
from zorgroute.core.problem import problem_responses
from zorgroute.identity.deps import CurrentPrincipal

router = APIRouter(
    prefix="/api/v1", tags=["cases"], responses=problem_responses(400, 401, 403, 404, 409, 422)
)
LOCKED = problem_responses(412, 428)


Versioned = TypeVar("Versioned", CaseRead, CareMeetingRead)


def _tagged(response: Response, value: Versioned) -> Versioned:
    response.headers["ETag"] = etag(value.version)
    return value


# -- routes ---------------------------------------------------------------------------------
@router.get("/care-routes/library", operation_id="care-routes-library")
async def route_library(principal: CurrentPrincipal) -> RouteLibrary:
    """The templates (VO IZO/ZAT, PO 1-zorgroute, multidisciplinary HB schema), the guard
    library and the roles a transition table may name."""
    return route_admin.library(principal)


@router.get("/schools/{school_id}/care-routes", operation_id="care-routes-list")
async def list_routes(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[RouteSummary]:
    """The school's routes, latest revision of each; the one most open cases run on first."""
    return await route_admin.list_routes(uow, principal, school_id)


@router.post("/schools/{school_id}/care-routes", operation_id="care-routes-create", status_code=201)
async def create_route(
    school_id: uuid.UUID, data: RouteCreate, uow: Uow, principal: CurrentPrincipal
) -> RouteRead:
    """A new revision of a route, from a template or an adapted definition. Rejected (422)
    when a state is unreachable or cannot reach a closed state, or a role or guard is
    unknown. Running cases keep their revision."""
    return await route_admin.create_route(uow, principal, school_id, data)


@router.get("/care-routes/{route_id}", operation_id="care-routes-get")
async def get_route(route_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal) -> RouteRead:
    return await route_admin.get_route(uow, principal, route_id)


# -- cases ----------------------------------------------------------------------------------
@router.get("/schools/{school_id}/case-board", operation_id="cases-board")
async def case_board(
    school_id: uuid.UUID,
    uow: Uow,
    principal: CurrentPrincipal,
    route_key: str = Query(pattern=r"^[a-z0-9-]{2,60}$"),
    include_closed: bool = False,
) -> CaseBoard:
    """Zorgbord: a column per state of the route, a card per case you may see (owner and next
    deadline on the card)."""
    return await board.case_board(uow, principal, school_id, route_key, include_closed)


@router.get("/schools/{school_id}/case-requests", operation_id="cases-requests")
async def case_requests(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[CaseRequest]:
    """Group-meeting decisions 'register with the care team' that have no case yet."""
    return await board.case_requests(uow, principal, school_id)


@router.post("/schools/{school_id}/cases", operation_id="cases-open", status_code=201)
async def open_case(
    school_id: uuid.UUID,
    data: CaseOpen,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> CaseRead:
    """Open a case on one of the route's entries (e.g. `open_izo`, `open_direct_zat`,
    `open_shortened`), optionally for a group-meeting decision."""
    return _tagged(response, await cases.open_case(uow, principal, school_id, data))


@router.get("/students/{student_id}/cases", operation_id="cases-of-student")
async def student_cases(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[CaseSummary]:
    """The student's cases (open and closed), for the student page."""
    return await board.student_cases(uow, principal, student_id)


@router.get("/cases/{case_id}", operation_id="cases-get")
async def get_case(
    case_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> CaseRead:
    """The case with its forms, conversations, discussions, actions and timeline, and the
    route's next steps with what each still needs."""
    return _tagged(response, await cases.get_case(uow, principal, case_id))


@router.patch("/cases/{case_id}", operation_id="cases-update", responses=LOCKED)
async def update_case(
    case_id: uuid.UUID,
    data: CaseUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> CaseRead:
    """Edit the case file (questions, strengths, factors, coordinator, evaluation date)."""
    case = await cases.update_case(uow, principal, case_id, version_from_if_match(if_match), data)
    return _tagged(response, case)


@router.post("/cases/{case_id}/transitions", operation_id="cases-transition", responses=LOCKED)
async def transition(
    case_id: uuid.UUID,
    data: TransitionIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> CaseRead:
    """Take a step of the route: 409 when it is not in the table from the current state, 422
    listing `missing` guards. Closing takes `closure`."""
    case = await cases.transition(uow, principal, case_id, version_from_if_match(if_match), data)
    return _tagged(response, case)


@router.put(
    "/cases/{case_id}/registrations/{kind}",
    operation_id="cases-registration-save",
    responses=LOCKED,
)
async def save_registration(
    case_id: uuid.UUID,
    kind: Literal["izo", "zat"],
    data: RegistrationWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> RegistrationRead:
    """Fill in the IZO or ZAT registration form (If-Match once it exists)."""
    reg = await cases.save_registration(
        uow, principal, case_id, kind, version_from_if_match(if_match), data
    )
    response.headers["ETag"] = etag(reg.version)
    return reg


@router.post("/cases/{case_id}/screenings", operation_id="cases-screen", responses=LOCKED)
async def screen(
    case_id: uuid.UUID,
    data: ScreeningIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> CaseRead:
    """Screen the submitted registration: accept, ask for missing items, or first-line
    actions first (If-Match on the case)."""
    case = await cases.screen(uow, principal, case_id, version_from_if_match(if_match), data)
    return _tagged(response, case)


@router.post(
    "/cases/{case_id}/conversations", operation_id="cases-conversation-add", status_code=201
)
async def add_conversation(
    case_id: uuid.UUID, data: ConversationIn, uow: Uow, principal: CurrentPrincipal
) -> ConversationRead:
    """A conversation with the student or the parents, before or after a discussion."""
    return await cases.add_conversation(uow, principal, case_id, data)


@router.post("/cases/{case_id}/action-items", operation_id="cases-action-add", status_code=201)
async def add_action_item(
    case_id: uuid.UUID, data: ActionItemIn, uow: Uow, principal: CurrentPrincipal
) -> ActionItemRead:
    return await followup.add_action_item(uow, principal, case_id, data)


@router.patch("/action-items/{item_id}", operation_id="cases-action-update", responses=LOCKED)
async def update_action_item(
    item_id: uuid.UUID,
    data: ActionItemUpdate,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ActionItemRead:
    """Report on an action item (its owner, including an external partner, or care staff)."""
    return await followup.update_action_item(
        uow, principal, item_id, version_from_if_match(if_match), data
    )


@router.post(
    "/cases/{case_id}/interventions", operation_id="cases-intervention-add", status_code=201
)
async def add_intervention(
    case_id: uuid.UUID, data: InterventionIn, uow: Uow, principal: CurrentPrincipal
) -> InterventionRead:
    return await followup.add_intervention(uow, principal, case_id, data)


@router.patch(
    "/interventions/{intervention_id}", operation_id="cases-intervention-update", responses=LOCKED
)
async def update_intervention(
    intervention_id: uuid.UUID,
    data: InterventionUpdate,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> InterventionRead:
    """Progress, outcome and the effect as the student and the parents perceived it."""
    return await followup.update_intervention(
        uow, principal, intervention_id, version_from_if_match(if_match), data
    )


@router.post(
    "/cases/{case_id}/referrals",
    operation_id="cases-referral-add",
    status_code=201,
    responses=LOCKED,
)
async def add_referral(
    case_id: uuid.UUID,
    data: ReferralIn,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ReferralRead:
    """An external referral (the route's `refer_external` step; leerplicht: `involve_leerplicht`),
    If-Match on the case. Sharing outside the school needs the parents' consent, except the
    statutory report to leerplicht."""
    return await followup.add_referral(
        uow, principal, case_id, version_from_if_match(if_match), data
    )


@router.patch("/referrals/{referral_id}", operation_id="cases-referral-update", responses=LOCKED)
async def update_referral(
    referral_id: uuid.UUID,
    data: ReferralUpdate,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ReferralRead:
    return await followup.update_referral(
        uow, principal, referral_id, version_from_if_match(if_match), data
    )


@router.post(
    "/cases/{case_id}/swv-requests",
    operation_id="cases-swv-request",
    status_code=201,
    responses=LOCKED,
)
async def request_swv(
    case_id: uuid.UUID,
    data: SwvRequestIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> CaseRead:
    """Arrangement request to the samenwerkingsverband (the route's `request_swv` step,
    If-Match on the case). Rebound and special education need documented efforts."""
    case = await followup.request_swv(
        uow, principal, case_id, version_from_if_match(if_match), data
    )
    return _tagged(response, case)


@router.patch("/swv-requests/{request_id}", operation_id="cases-swv-decision", responses=LOCKED)
async def record_swv_decision(
    request_id: uuid.UUID,
    data: SwvDecisionIn,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> SwvRequestRead:
    """The SWV's decision and the start date."""
    return await followup.record_swv_decision(
        uow, principal, request_id, version_from_if_match(if_match), data
    )


@router.post("/cases/{case_id}/grants", operation_id="cases-grant", status_code=201)
async def grant_case(
    case_id: uuid.UUID, data: CaseGrantIn, uow: Uow, principal: CurrentPrincipal
) -> CaseGrantRead:
    """Time-boxed access of an external partner to this case, resting on a valid consent."""
    return await followup.grant_case(uow, principal, case_id, data)


# -- care meetings --------------------------------------------------------------------------
@router.get("/schools/{school_id}/care-meetings", operation_id="care-meetings-list")
async def list_meetings(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[CareMeetingSummary]:
    """IZO, ZAT, leerlingbespreking and MDO sessions, upcoming first then recent."""
    return await meetings.list_meetings(uow, principal, school_id)


@router.post(
    "/schools/{school_id}/care-meetings", operation_id="care-meetings-create", status_code=201
)
async def create_meeting(
    school_id: uuid.UUID,
    data: CareMeetingCreate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> CareMeetingRead:
    return _tagged(response, await meetings.create_meeting(uow, principal, school_id, data))


@router.get("/care-meetings/{meeting_id}", operation_id="care-meetings-get")
async def get_meeting(
    meeting_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> CareMeetingRead:
    """The meeting with its members and agenda; minutes only of cases you may read."""
    return _tagged(response, await meetings.get_meeting(uow, principal, meeting_id))


@router.patch("/care-meetings/{meeting_id}", operation_id="care-meetings-update", responses=LOCKED)
async def update_meeting(
    meeting_id: uuid.UUID,
    data: CareMeetingUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> CareMeetingRead:
    """Reschedule, change members or record attendance, hold or cancel the meeting."""
    meeting = await meetings.update_meeting(
        uow, principal, meeting_id, version_from_if_match(if_match), data
    )
    return _tagged(response, meeting)


@router.post(
    "/care-meetings/{meeting_id}/agenda", operation_id="care-meetings-agenda-add", responses=LOCKED
)
async def add_to_agenda(
    meeting_id: uuid.UUID,
    data: AgendaItemIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> CareMeetingRead:
    """Put a case on the agenda (new or progress)."""
    meeting = await meetings.add_to_agenda(
        uow, principal, meeting_id, version_from_if_match(if_match), data
    )
    return _tagged(response, meeting)


@router.post(
    "/care-meetings/{meeting_id}/case-pack",
    operation_id="care-meetings-send-pack",
    responses=LOCKED,
)
async def send_case_pack(
    meeting_id: uuid.UUID,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> CareMeetingRead:
    """Send the case pack to the members beforehand (a notification per member, through the
    outbox; each member reads only what their access allows)."""
    meeting = await meetings.send_case_pack(
        uow, principal, meeting_id, version_from_if_match(if_match)
    )
    return _tagged(response, meeting)


@router.get("/care-meetings/{meeting_id}/case-pack", operation_id="care-meetings-case-pack")
async def case_pack(meeting_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal) -> CasePack:
    """The case pack as the caller may read it."""
    return await meetings.case_pack(uow, principal, meeting_id)


@router.put(
    "/care-meetings/{meeting_id}/discussions/{case_id}",
    operation_id="care-meetings-discussion-save",
    responses=LOCKED,
)
async def save_discussion(
    meeting_id: uuid.UUID,
    case_id: uuid.UUID,
    data: DiscussionWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> CareMeetingRead:
    """Minutes of one case (If-Match on the agenda item), its action items, and optionally the
    route step the discussion leads to (`then_action`)."""
    meeting = await meetings.save_discussion(
        uow, principal, meeting_id, case_id, version_from_if_match(if_match), data
    )
    return _tagged(response, meeting)


# -- dashboard ------------------------------------------------------------------------------
@router.get("/schools/{school_id}/care-deadlines", operation_id="cases-deadlines")
async def care_deadlines(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal, mine: bool = False
) -> CareDashboard:
    """What needs you today: evaluation dates, action items, intervention evaluations,
    registrations waiting for screening, SWV arrangements waiting to start, OPPs due; overdue
    first. With lead times (registration to first discussion, SWV request to start)."""
    return await board.dashboard(uow, principal, school_id, mine)
