"""What a case sets in motion: action items (plan van aanpak), interventions with their
perceived effect, external referrals, SWV arrangement requests, and case grants for external
partners. Referrals and SWV requests are steps of the route's table, checked like any other."""

from __future__ import annotations

import uuid
from datetime import UTC
from typing import Any, TypeVar

from sqlmodel import col, select

from zorgroute.cases import engine, reads
from zorgroute.cases.cases import step
from zorgroute.cases.models import ActionItem, CareCase, ExternalReferral, Intervention, SwvRequest
from zorgroute.cases.policies import (
    GRANT,
    CaseAccess,
    accounts_of_staff,
    check_accounts,
    load_case,
    require_write,
)
from zorgroute.cases.schemas import (
    ActionItemIn,
    ActionItemRead,
    ActionItemUpdate,
    CaseGrantIn,
    CaseGrantRead,
    CaseRead,
    InterventionIn,
    InterventionRead,
    InterventionUpdate,
    ReferralIn,
    ReferralRead,
    ReferralUpdate,
    SwvDecisionIn,
    SwvRequestIn,
    SwvRequestRead,
)
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Conflict, Forbidden, NotFound, invalid, require_version
from zorgroute.core.models import utcnow
from zorgroute.core.outbox import emit
from zorgroute.core.security.principal import Principal
from zorgroute.privacy.models import Consent
from zorgroute.privacy.schemas import AccessGrantCreate
from zorgroute.privacy.service import grant_access

Record = TypeVar("Record", ActionItem, Intervention, ExternalReferral, SwvRequest)
SWV_SUBMITTED_TOPIC = "cases.swv_request_submitted"
EFFORTS_REQUIRED = ("rebound", "special_education")  # R33: documented efforts before placement
ACTION_ITEM_NOT_FOUND = "There is no action item with this id that you may see."
INTERVENTION_NOT_FOUND = "There is no intervention with this id that you may see."
REFERRAL_NOT_FOUND = "There is no referral with this id that you may see."
SWV_REQUEST_NOT_FOUND = "There is no SWV request with this id that you may see."
NOT_FOUND: dict[type, str] = {
    ActionItem: ACTION_ITEM_NOT_FOUND,
    Intervention: INTERVENTION_NOT_FOUND,
    ExternalReferral: REFERRAL_NOT_FOUND,
    SwvRequest: SWV_REQUEST_NOT_FOUND,
}


async def _writable_case(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, *, for_update: bool = False
) -> tuple[CareCase, CaseAccess]:
    case, access = await load_case(uow, principal, case_id, for_update=for_update)
    require_write(access)
    if case.closed_at is not None:
        raise Conflict("The case is closed: reopen it first (if its closure was provisional).")
    return case, access


async def _record(
    uow: UnitOfWork, principal: Principal, model: type[Record], record_id: uuid.UUID
) -> tuple[Record, CareCase, CaseAccess]:
    record = await uow.first(
        select(model)
        .where(col(model.id) == record_id, col(model.school_id).in_(principal.school_ids))
        .with_for_update()
    )
    not_found = NOT_FOUND[model]
    if record is None:
        raise NotFound(not_found)
    try:
        case, access = await load_case(uow, principal, record.case_id)
    except NotFound:
        raise NotFound(not_found) from None
    return record, case, access


def _apply(record: Record, changes: dict[str, Any]) -> None:
    """Apply the fields the caller sent and count the change (the version the next writer
    must name)."""
    for name, value in changes.items():
        setattr(record, name, value)
    record.version += 1
    record.updated_at = utcnow()


def _logged(
    uow: UnitOfWork,
    principal: Principal,
    case: CareCase,
    kind: str,
    action: str,
    record_id: uuid.UUID,
    audit: str,
    details: dict[str, Any] | None = None,
) -> None:
    """Timeline event and audit row of a follow-up record (ids and codes only)."""
    uow.add(
        engine.event(
            case, kind, principal, action=action, details={"id": str(record_id), **(details or {})}
        )
    )
    uow.audit(audit, f"case_{kind}", record_id, case.school_id, details, student_id=case.student_id)


# -- action items ---------------------------------------------------------------------------
def new_action_item(
    case: CareCase,
    data: ActionItemIn,
    discussion_id: uuid.UUID | None,
    accounts: dict[uuid.UUID, uuid.UUID],
) -> ActionItem:
    return ActionItem(
        school_id=case.school_id,
        case_id=case.id,
        discussion_id=discussion_id,
        description=data.description,
        goal=data.goal or None,
        owner_name=data.owner_name,
        owner_user_id=data.owner_user_id
        or (accounts.get(data.owner_staff_id) if data.owner_staff_id else None),
        organisation=data.organisation or None,
        due_on=data.due_on,
    )


async def add_action_item(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, data: ActionItemIn
) -> ActionItemRead:
    case, _ = await _writable_case(uow, principal, case_id)
    await check_accounts(uow, case.school_id, [data.owner_user_id], "/owner_user_id")
    accounts = await accounts_of_staff(uow, case.school_id, [data.owner_staff_id],
                                       "/owner_staff_id")  # fmt: skip
    item = new_action_item(case, data, None, accounts)
    uow.add(item)
    await uow.flush()
    _logged(uow, principal, case, "action_item", "added", item.id, "case.action_item.create")
    return reads.action_item_read(item)


async def update_action_item(
    uow: UnitOfWork,
    principal: Principal,
    item_id: uuid.UUID,
    expected_version: int | None,
    data: ActionItemUpdate,
) -> ActionItemRead:
    """The owner reports on their item (an external partner too, while their grant runs);
    care staff and the mentor may change anything."""
    item, case, access = await _record(uow, principal, ActionItem, item_id)
    owner = principal.user_id is not None and item.owner_user_id == principal.user_id
    if not (owner or access.writes()):
        raise Forbidden("Only the owner of the action item or the case's team update it.")
    require_version(item.version, expected_version, "action item")
    changes = data.model_dump(exclude_unset=True)
    if owner and not access.writes() and set(changes) - {"status", "report"}:
        raise Forbidden("As the owner you report on the item (status, report).")
    _apply(item, changes)
    if data.status == "done" and item.done_at is None:
        item.done_at = utcnow()
    _logged(
        uow,
        principal,
        case,
        "action_item",
        item.status,
        item.id,
        "case.action_item.update",
        {"status": item.status},
    )
    return reads.action_item_read(item)


# -- interventions --------------------------------------------------------------------------
async def add_intervention(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, data: InterventionIn
) -> InterventionRead:
    case, _ = await _writable_case(uow, principal, case_id)
    if data.ends_on is not None and data.ends_on < data.starts_on:
        raise invalid("/ends_on", "The intervention ends after it starts.")
    intervention = Intervention(
        school_id=case.school_id,
        case_id=case.id,
        kind=data.kind,
        goal=data.goal,
        provider=data.provider,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        frequency=data.frequency or None,
        evaluation_on=data.evaluation_on,
        status="running" if data.starts_on <= utcnow().date() else "planned",
    )
    uow.add(intervention)
    await uow.flush()
    _logged(
        uow,
        principal,
        case,
        "intervention",
        "started",
        intervention.id,
        "case.intervention.create",
        {"kind": data.kind},
    )
    return reads.intervention_read(intervention)


async def update_intervention(
    uow: UnitOfWork,
    principal: Principal,
    intervention_id: uuid.UUID,
    expected_version: int | None,
    data: InterventionUpdate,
) -> InterventionRead:
    intervention, case, access = await _record(uow, principal, Intervention, intervention_id)
    require_write(access)
    require_version(intervention.version, expected_version, "intervention")
    _apply(intervention, data.model_dump(exclude_unset=True))
    if intervention.ends_on is not None and intervention.ends_on < intervention.starts_on:
        raise invalid("/ends_on", "The intervention ends after it starts.")
    _logged(
        uow,
        principal,
        case,
        "intervention",
        intervention.status,
        intervention.id,
        "case.intervention.update",
        {"status": intervention.status},
    )
    return reads.intervention_read(intervention)


# -- external referrals ---------------------------------------------------------------------
async def add_referral(
    uow: UnitOfWork,
    principal: Principal,
    case_id: uuid.UUID,
    expected_version: int | None,
    data: ReferralIn,
) -> ReferralRead:
    """The route's `refer_external` step (leerplicht: `involve_leerplicht`, a statutory duty
    that needs no consent); anything else shares data outside the school on a valid consent."""
    case, access = await _writable_case(uow, principal, case_id, for_update=True)
    require_version(case.version, expected_version, "case")
    legal_ground = None
    if data.target == "leerplicht":
        action, legal_ground = "involve_leerplicht", "legal_obligation"
    else:
        action = "refer_external"
        consent = None
        if data.consent_id is not None:
            consent = await uow.first(
                select(Consent).where(
                    Consent.id == data.consent_id,
                    Consent.student_id == case.student_id,
                    col(Consent.purpose).in_(("share_external", "register_zat")),
                    col(Consent.granted).is_(True),
                    col(Consent.withdrawn_at).is_(None),
                )
            )
        if consent is None:
            raise invalid(
                "/consent_id",
                "A referral shares data outside the school: name the "
                "parents' valid consent (share_external or register_zat).",
            )
    await step(uow, principal, case, access, action, engine.Payload(reason=data.reason))
    referral = ExternalReferral(
        school_id=case.school_id,
        case_id=case.id,
        target=data.target,
        organisation=data.organisation or None,
        reason=data.reason,
        referred_on=data.referred_on,
        consent_id=data.consent_id if not legal_ground else None,
        legal_ground=legal_ground,
    )
    uow.add(referral)
    await uow.flush()
    _logged(
        uow,
        principal,
        case,
        "referral",
        data.target,
        referral.id,
        "case.referral.create",
        {"target": data.target},
    )
    return reads.referral_read(referral)


async def update_referral(
    uow: UnitOfWork,
    principal: Principal,
    referral_id: uuid.UUID,
    expected_version: int | None,
    data: ReferralUpdate,
) -> ReferralRead:
    referral, case, access = await _record(uow, principal, ExternalReferral, referral_id)
    require_write(access)
    require_version(referral.version, expected_version, "referral")
    _apply(referral, data.model_dump(exclude_unset=True))
    _logged(
        uow,
        principal,
        case,
        "referral",
        referral.status,
        referral.id,
        "case.referral.update",
        {"status": referral.status},
    )
    return reads.referral_read(referral)


# -- SWV arrangement requests ---------------------------------------------------------------
async def request_swv(
    uow: UnitOfWork,
    principal: Principal,
    case_id: uuid.UUID,
    expected_version: int | None,
    data: SwvRequestIn,
) -> CaseRead:
    case, access = await _writable_case(uow, principal, case_id, for_update=True)
    require_version(case.version, expected_version, "case")
    request = SwvRequest(
        school_id=case.school_id,
        case_id=case.id,
        request_type=data.request_type,
        temporary=data.temporary,
        goals=data.goals,
        documented_efforts=[e.model_dump() for e in data.documented_efforts],
        requested_start=data.requested_start,
        requested_on=data.requested_on,
    )
    if data.request_type in EFFORTS_REQUIRED and not data.documented_efforts:
        # R33, whatever the school's route says: no placement without documented efforts.
        raise invalid(
            "/documented_efforts",
            "A rebound or special-education placement needs repeated, well-documented efforts.",
        )
    await step(uow, principal, case, access, "request_swv", engine.Payload(swv_request=request))
    uow.add(request)
    await uow.flush()
    _logged(
        uow,
        principal,
        case,
        "swv_request",
        data.request_type,
        request.id,
        "case.swv_request.create",
        {"type": data.request_type},
    )
    emit(
        uow,
        case.school_id,
        SWV_SUBMITTED_TOPIC,
        {"case_id": str(case.id), "request_id": str(request.id), "type": data.request_type},
    )
    return await reads.case_read(uow, case, access)


async def record_swv_decision(
    uow: UnitOfWork,
    principal: Principal,
    request_id: uuid.UUID,
    expected_version: int | None,
    data: SwvDecisionIn,
) -> SwvRequestRead:
    request, case, access = await _record(uow, principal, SwvRequest, request_id)
    require_write(access)
    require_version(request.version, expected_version, "SWV request")
    if data.decision != "pending" and data.decided_on is None:
        raise invalid("/decided_on", "Give the date of the SWV's decision.")
    if data.starts_on is not None and data.decision != "granted":
        raise invalid("/starts_on", "Only a granted arrangement starts.")
    _apply(request, data.model_dump(exclude_unset=True))
    request.decision_note = data.decision_note or None
    _logged(
        uow,
        principal,
        case,
        "swv_request",
        data.decision,
        request.id,
        "case.swv_request.decision",
        {"decision": data.decision},
    )
    return reads.swv_read(request)


# -- case grants ----------------------------------------------------------------------------
async def grant_case(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, data: CaseGrantIn
) -> CaseGrantRead:
    case, access = await _writable_case(uow, principal, case_id)
    if not access.school_roles & GRANT:
        raise Forbidden("The IB'er, the zorgcoördinator or leadership grant case access.")
    until = data.valid_until if data.valid_until.tzinfo else data.valid_until.replace(tzinfo=UTC)
    grant = await grant_access(
        uow,
        principal,
        case.student_id,
        AccessGrantCreate(user_id=data.user_id, consent_id=data.consent_id, valid_until=until),
        case_id=case.id,
    )
    _logged(uow, principal, case, "grant", "granted", grant.id, "case.grant.create")
    return CaseGrantRead(
        id=grant.id,
        user_id=grant.user_id,
        case_id=case.id,
        valid_from=grant.valid_from,
        valid_until=grant.valid_until,
    )
