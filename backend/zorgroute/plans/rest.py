"""REST adapter of group plans, individual action plans and the OPP."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from zorgroute.core.deps import Uow
from zorgroute.core.http import IfMatch, etag, version_from_if_match
from zorgroute.core.problem import problem_responses
from zorgroute.identity.deps import CurrentPrincipal
from zorgroute.plans import deadlines, group_plans, individual_plans, perspective, printing
from zorgroute.plans.schemas import (
    AmendmentCreate,
    DeadlineItem,
    IhpCreate,
    IhpEvaluation,
    IhpRead,
    IhpWrite,
    MidtermReview,
    OppRead,
    OppVersionCreate,
    ParentSignOff,
    PlanCreate,
    PlanEvaluation,
    PlanRead,
    PlanSummary,
    PlanUpdate,
    SupportStart,
)

router = APIRouter(
    prefix="/api/v1", tags=["plans"], responses=problem_responses(400, 401, 403, 404, 409, 422)
)
LOCKED = problem_responses(412, 428)


def _tagged(response: Response, plan: PlanRead) -> PlanRead:
    response.headers["ETag"] = etag(plan.version)
    return plan


# -- group plan -----------------------------------------------------------------------------
@router.post("/overviews/{overview_id}/plan", operation_id="plans-create", status_code=201)
async def create_plan(
    overview_id: uuid.UUID,
    data: PlanCreate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> PlanRead:
    """Write the group plan of an overview. Without rows, a draft is proposed: the basis row
    from the whole-group attention points, and a subgroup per kind of signal with the
    students' needs."""
    return _tagged(response, await group_plans.create_plan(uow, principal, overview_id, data))


@router.get("/schools/{school_id}/plans", operation_id="plans-list")
async def list_plans(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[PlanSummary]:
    """Group plans you work with: as mentor or care staff every status, as a teacher of the
    group's students the active ones (and later stages). Newest first."""
    return await group_plans.list_plans(uow, principal, school_id)


@router.get("/plans/{plan_id}", operation_id="plans-get")
async def get_plan(
    plan_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> PlanRead:
    """A group plan. Teachers of the group see it once it is active."""
    return _tagged(response, await group_plans.get_plan(uow, principal, plan_id))


@router.put("/plans/{plan_id}", operation_id="plans-update", responses=LOCKED)
async def update_plan(
    plan_id: uuid.UUID,
    data: PlanUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> PlanRead:
    """Replace the draft (rows, attention points, week schedule, period)."""
    plan = await group_plans.update_plan(
        uow, principal, plan_id, version_from_if_match(if_match), data
    )
    return _tagged(response, plan)


@router.post("/plans/{plan_id}/activate", operation_id="plans-activate", responses=LOCKED)
async def activate_plan(
    plan_id: uuid.UUID,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> PlanRead:
    """Draft -> active: shared with the group's teachers. Individual plans must be signed."""
    plan = await group_plans.transition(
        uow, principal, plan_id, version_from_if_match(if_match), "activate"
    )
    return _tagged(response, plan)


@router.post(
    "/plans/{plan_id}/midterm-review", operation_id="plans-midterm-review", responses=LOCKED
)
async def midterm_review(
    plan_id: uuid.UUID,
    data: MidtermReview,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> PlanRead:
    """Active -> midterm reviewed (required for plans longer than 10 weeks)."""
    plan = await group_plans.transition(
        uow, principal, plan_id, version_from_if_match(if_match), "midterm_review", data
    )
    return _tagged(response, plan)


@router.post("/plans/{plan_id}/evaluation", operation_id="plans-evaluate", responses=LOCKED)
async def evaluate_plan(
    plan_id: uuid.UUID,
    data: PlanEvaluation,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> PlanRead:
    """Evaluate every row per student and goal, and the plan as a whole."""
    plan = await group_plans.transition(
        uow, principal, plan_id, version_from_if_match(if_match), "evaluate", data
    )
    return _tagged(response, plan)


@router.post("/plans/{plan_id}/archive", operation_id="plans-archive", responses=LOCKED)
async def archive_plan(
    plan_id: uuid.UUID,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> PlanRead:
    """Evaluated -> archived: stored with its overview in the group dossier, read-only."""
    plan = await group_plans.transition(
        uow, principal, plan_id, version_from_if_match(if_match), "archive"
    )
    return _tagged(response, plan)


@router.post("/plans/{plan_id}/amendments", operation_id="plans-amend", status_code=201)
async def amend_plan(
    plan_id: uuid.UUID,
    data: AmendmentCreate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> PlanRead:
    """An interim change to an active plan, kept apart from the original text."""
    return _tagged(response, await group_plans.amend(uow, principal, plan_id, data))


@router.get(
    "/plans/{plan_id}/print.pdf",
    operation_id="plans-print",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "One A4 page"}},
)
async def print_plan(plan_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal) -> Response:
    """The light plan on one A4 page (landscape), for the class folder."""
    pdf, filename = await printing.plan_pdf(uow, principal, plan_id)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


# -- individual action plan -----------------------------------------------------------------
def _ihp(response: Response, ihp: IhpRead) -> IhpRead:
    response.headers["ETag"] = etag(ihp.version)
    return ihp


@router.post("/plans/{plan_id}/individual-plans", operation_id="plans-create-ihp", status_code=201)
async def create_ihp(
    plan_id: uuid.UUID,
    data: IhpCreate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> IhpRead:
    """An individual action plan (IHP) as an appendix of the group plan, same period."""
    return _ihp(response, await individual_plans.create(uow, principal, plan_id, data))


@router.get("/individual-plans/{ihp_id}", operation_id="plans-get-ihp")
async def get_ihp(
    ihp_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> IhpRead:
    return _ihp(response, await individual_plans.get(uow, principal, ihp_id))


@router.put("/individual-plans/{ihp_id}", operation_id="plans-update-ihp", responses=LOCKED)
async def update_ihp(
    ihp_id: uuid.UUID,
    data: IhpWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> IhpRead:
    """Change the IHP; a parent's earlier sign-off no longer holds and is cleared."""
    ihp = await individual_plans.update(
        uow, principal, ihp_id, version_from_if_match(if_match), data
    )
    return _ihp(response, ihp)


@router.post(
    "/individual-plans/{ihp_id}/parent-sign-off",
    operation_id="plans-sign-ihp",
    responses=LOCKED,
)
async def sign_ihp(
    ihp_id: uuid.UUID,
    data: ParentSignOff,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> IhpRead:
    """Record that a parent with parental authority signed the IHP 'voor akkoord'."""
    ihp = await individual_plans.sign(uow, principal, ihp_id, version_from_if_match(if_match), data)
    return _ihp(response, ihp)


@router.post(
    "/individual-plans/{ihp_id}/evaluation", operation_id="plans-evaluate-ihp", responses=LOCKED
)
async def evaluate_ihp(
    ihp_id: uuid.UUID,
    data: IhpEvaluation,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> IhpRead:
    """Evaluate the IHP with the student and the parents."""
    ihp = await individual_plans.evaluate(
        uow, principal, ihp_id, version_from_if_match(if_match), data
    )
    return _ihp(response, ihp)


# -- development perspective (OPP) ----------------------------------------------------------
def _opp(response: Response, opp: OppRead) -> OppRead:
    response.headers["ETag"] = etag(opp.version)
    return opp


@router.get("/students/{student_id}/development-perspective", operation_id="plans-get-perspective")
async def get_perspective(
    student_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> OppRead:
    """The student's OPP with every version and what is due when. 404 when there is none."""
    return _opp(response, await perspective.get(uow, principal, student_id))


@router.post(
    "/students/{student_id}/development-perspective",
    operation_id="plans-start-perspective",
    status_code=201,
)
async def start_perspective(
    student_id: uuid.UUID,
    data: SupportStart,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> OppRead:
    """Extra support started: the OPP is due within six weeks (409 if one exists)."""
    return _opp(response, await perspective.start(uow, principal, student_id, data))


@router.post(
    "/development-perspectives/{opp_id}/versions",
    operation_id="plans-add-perspective-version",
    status_code=201,
    responses=LOCKED,
)
async def add_perspective_version(
    opp_id: uuid.UUID,
    data: OppVersionCreate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> OppRead:
    """Determine (or evaluate, or revise) the OPP with the student and parents."""
    opp = await perspective.add_version(
        uow, principal, opp_id, version_from_if_match(if_match), data
    )
    return _opp(response, opp)


@router.get("/schools/{school_id}/hgw-deadlines", operation_id="plans-deadlines")
async def hgw_deadlines(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> list[DeadlineItem]:
    """What is due in the HGW cycle for the students and groups you are responsible for:
    OPPs due within six weeks of extra support, yearly OPP evaluations, midterm reviews and
    plan evaluations; overdue first."""
    return await deadlines.for_school(uow, principal, school_id)
