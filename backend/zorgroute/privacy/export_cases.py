"""The case-routing part of the inzage export: the student's cases (zorgtrajecten) with the route
and state names, the case file, the registration forms and their screenings, the conversations
with the student and the parents, the minutes of the care meetings, the action items,
interventions, external referrals and SWV requests, the closure and the timeline.

Everything the school holds is exported, whoever may see it in the app (the home situation,
the restricted form fields and the conversation reports included): the export's own
authorisation is the only gate. A care meeting discusses other students too; of a meeting only
its title, forum and date are exported with this case's minutes, never its members or its other
cases.

One query per record type, whatever the number of cases: the records are read through the
student's cases and grouped here.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from pydantic import ValidationError

from zorgroute.cases.models import CareMeeting, CareRoute, CaseDiscussion
from zorgroute.cases.routes import RouteDefinition
from zorgroute.core.db import UnitOfWork
from zorgroute.privacy import export_repository as repo
from zorgroute.privacy.export_schemas import (
    ExportActionItem,
    ExportCase,
    ExportCaseClosure,
    ExportCaseConversation,
    ExportCaseDiscussion,
    ExportCaseEvent,
    ExportCaseRegistration,
    ExportCaseScreening,
    ExportCaseSnapshot,
    ExportEffort,
    ExportFactors,
    ExportIntervention,
    ExportReferral,
    ExportRegistrationForm,
    ExportSwvRequest,
)
from zorgroute.roster.models import PersonName, StaffMember


class _Route:
    """Names of a route revision's states and steps; a definition that no longer validates
    (written under older rules) still exports, with the codes as names."""

    def __init__(self, route: CareRoute) -> None:
        self.route = route
        try:
            self.definition: RouteDefinition | None = RouteDefinition.model_validate(
                route.definition
            )
        except ValidationError:
            self.definition = None

    def state_name(self, key: str | None) -> str | None:
        if key is None:
            return None
        state = self.definition.state(key) if self.definition else None
        return state.name if state else key

    def level_name(self, state_key: str) -> str:
        if self.definition is None:
            return ""
        state = self.definition.state(state_key)
        if state is None:
            return ""
        level = next((lv for lv in self.definition.levels if lv.key == state.level), None)
        return level.name if level else state.level

    def step_label(self, key: str | None, action: str | None) -> str | None:
        if self.definition is None or (key is None and action is None):
            return None
        t = next((t for t in self.definition.transitions if key and t.key == key), None)
        if t is None and action:
            t = next((t for t in self.definition.transitions if t.action == action), None)
        return t.label if t else None


async def cases_export(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[ExportCase]:
    cases = await repo.cases(uow, school_id, student_id)
    registrations = await repo.case_registrations(uow, school_id, student_id)
    screenings = await repo.case_screenings(uow, school_id, student_id)
    conversations = await repo.case_conversations(uow, school_id, student_id)
    discussions = await repo.case_discussions(uow, school_id, student_id)
    items = await repo.case_action_items(uow, school_id, student_id)
    interventions = await repo.case_interventions(uow, school_id, student_id)
    referrals = await repo.case_referrals(uow, school_id, student_id)
    swv_requests = await repo.case_swv_requests(uow, school_id, student_id)
    events = await repo.case_events(uow, school_id, student_id)

    kinds = {r.id: r.kind for r in registrations}
    routes: dict[uuid.UUID, _Route] = {}
    for _, route, _, _ in cases:
        if route.id not in routes:
            routes[route.id] = _Route(route)

    registrations_of = _by_case(registrations)
    screenings_of = _by_case(screenings)
    conversations_of = _by_case(conversations)
    items_of = _by_case(items)
    interventions_of = _by_case(interventions)
    referrals_of = _by_case(referrals)
    swv_of = _by_case(swv_requests)
    events_of = _by_case(events)
    discussions_of: dict[uuid.UUID, list[tuple[CaseDiscussion, CareMeeting]]] = defaultdict(list)
    for d, m in discussions:
        discussions_of[d.case_id].append((d, m))

    result: list[ExportCase] = []
    for c, route, coordinator, contact in cases:
        names = routes[route.id]
        result.append(
            ExportCase(
                id=c.id,
                route_key=route.key,
                route_revision=route.revision,
                route_name=route.name,
                state=c.state,
                state_name=names.state_name(c.state) or c.state,
                level_name=names.level_name(c.state),
                complexity=c.complexity,
                origin=c.origin,
                registrant_name=c.registrant_name,
                coordinator_name=_staff_name(coordinator),
                parent_contact_name=_staff_name(contact),
                reasons=[str(r) for r in c.reasons],
                help_question_student=c.help_question_student,
                help_question_parents=c.help_question_parents,
                guidance_question=c.guidance_question,
                strengths=_factors(c.strengths),
                hindering=_factors(c.hindering),
                school_career=c.school_career,
                prior_support=c.prior_support,
                home_situation=c.home_situation,
                zat_question=c.zat_question,
                parents_informed=c.parents_informed,
                parents_not_informed_reason=c.parents_not_informed_reason,
                evaluation_on=c.evaluation_on,
                opened_at=c.opened_at,
                first_discussed_at=c.first_discussed_at,
                state_since=c.state_since,
                closed_at=c.closed_at,
                closure_provisional=c.closure_provisional,
                closure_outcome=c.closure_outcome,
                closure=_closure(c.closure),
                updated_at=c.updated_at,
                registrations=[
                    ExportCaseRegistration(
                        id=r.id,
                        kind=r.kind,
                        status=r.status,
                        form=_form(r.form),
                        snapshot=_snapshot(r.snapshot),
                        submitted_at=r.submitted_at,
                        submitted_by=r.submitted_by,
                        created_at=r.created_at,
                        updated_at=r.updated_at,
                    )
                    for r in registrations_of.get(c.id, [])
                ],
                screenings=[
                    ExportCaseScreening(
                        id=s.id,
                        registration_kind=kinds.get(s.registration_id, ""),
                        right_line=s.right_line,
                        questions_clear=s.questions_clear,
                        prior_line_exhausted=s.prior_line_exhausted,
                        parents_student_aware=s.parents_student_aware,
                        outcome=s.outcome,
                        missing_items=[str(i) for i in s.missing_items],
                        proposed_actions=s.proposed_actions,
                        notes=s.notes,
                        screened_by=s.screened_by,
                        screened_at=s.screened_at,
                    )
                    for s in screenings_of.get(c.id, [])
                ],
                conversations=[
                    ExportCaseConversation(
                        id=v.id,
                        with_whom=v.with_whom,
                        moment=v.moment,
                        forum=v.forum,
                        held_on=v.held_on,
                        participants=v.participants,
                        summary=v.summary,
                        agreements=v.agreements,
                        recorded_by=v.recorded_by,
                        created_at=v.created_at,
                    )
                    for v in conversations_of.get(c.id, [])
                ],
                discussions=[
                    ExportCaseDiscussion(
                        id=d.id,
                        meeting_title=m.title,
                        meeting_forum=m.forum,
                        meeting_scheduled_at=m.scheduled_at,
                        meeting_status=m.status,
                        meeting_held_at=m.held_at,
                        kind=d.kind,
                        minutes={str(k): str(v) for k, v in d.minutes.items() if v},
                        decisions=[str(x) for x in d.decisions],
                        evaluation_on=d.evaluation_on,
                        informs_student_parents=d.informs_student_parents,
                        relays_advice_to_school=d.relays_advice_to_school,
                        discussed_at=d.discussed_at,
                        recorded_by=d.recorded_by,
                    )
                    for d, m in discussions_of.get(c.id, [])
                ],
                action_items=[
                    ExportActionItem(
                        id=a.id,
                        discussion_id=a.discussion_id,
                        description=a.description,
                        goal=a.goal,
                        owner_name=a.owner_name,
                        organisation=a.organisation,
                        due_on=a.due_on,
                        status=a.status,
                        report=a.report,
                        done_at=a.done_at,
                        created_at=a.created_at,
                    )
                    for a in items_of.get(c.id, [])
                ],
                interventions=[
                    ExportIntervention(
                        id=i.id,
                        kind=i.kind,
                        goal=i.goal,
                        provider=i.provider,
                        starts_on=i.starts_on,
                        ends_on=i.ends_on,
                        frequency=i.frequency,
                        evaluation_on=i.evaluation_on,
                        status=i.status,
                        outcome=i.outcome,
                        effect_student=i.effect_student,
                        effect_student_note=i.effect_student_note,
                        effect_parents=i.effect_parents,
                        effect_parents_note=i.effect_parents_note,
                        transferred_to_class=i.transferred_to_class,
                        created_at=i.created_at,
                    )
                    for i in interventions_of.get(c.id, [])
                ],
                referrals=[
                    ExportReferral(
                        id=r.id,
                        target=r.target,
                        organisation=r.organisation,
                        reason=r.reason,
                        referred_on=r.referred_on,
                        consent_id=r.consent_id,
                        legal_ground=r.legal_ground,
                        status=r.status,
                        started_on=r.started_on,
                        feedback=r.feedback,
                        created_at=r.created_at,
                    )
                    for r in referrals_of.get(c.id, [])
                ],
                swv_requests=[
                    ExportSwvRequest(
                        id=w.id,
                        request_type=w.request_type,
                        temporary=w.temporary,
                        goals=w.goals,
                        documented_efforts=_efforts(w.documented_efforts),
                        requested_start=w.requested_start,
                        requested_on=w.requested_on,
                        consent_id=w.consent_id,
                        decision=w.decision,
                        decided_on=w.decided_on,
                        decision_note=w.decision_note,
                        starts_on=w.starts_on,
                        ended_on=w.ended_on,
                        created_at=w.created_at,
                    )
                    for w in swv_of.get(c.id, [])
                ],
                events=[
                    ExportCaseEvent(
                        at=e.at,
                        kind=e.kind,
                        action=e.action,
                        step_label=names.step_label(e.transition_key, e.action)
                        if e.kind in ("opened", "transition")
                        else None,
                        from_state=e.from_state,
                        from_state_name=names.state_name(e.from_state),
                        to_state=e.to_state,
                        to_state_name=names.state_name(e.to_state),
                        actor_name=e.actor_name,
                        reason=e.reason,
                    )
                    for e in events_of.get(c.id, [])
                ],
            )
        )
    return result


class _OfCase(Protocol):
    @property
    def case_id(self) -> uuid.UUID: ...


R = TypeVar("R", bound=_OfCase)


def _by_case(records: Sequence[R]) -> dict[uuid.UUID, list[R]]:
    grouped: dict[uuid.UUID, list[R]] = defaultdict(list)
    for record in records:
        grouped[record.case_id].append(record)
    return grouped


def _staff_name(staff: StaffMember | None) -> str | None:
    if staff is None:
        return None
    return PersonName.display(staff.given_name, staff.infix, staff.family_name)


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return str(value) if value is not None else ""


def _optional(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return str(value) if value is not None else None


def _strings(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _factors(data: Any) -> ExportFactors:
    """{student, school, family} as stored on the case (a key may be missing)."""
    data = data if isinstance(data, dict) else {}
    return ExportFactors(
        student=_text(data, "student"), school=_text(data, "school"), family=_text(data, "family")
    )


def _form(data: dict[str, Any]) -> ExportRegistrationForm:
    """The registration form as stored: only the keys written, the rest empty."""
    return ExportRegistrationForm(
        problem=_text(data, "problem"),
        onset_cause=_text(data, "onset_cause"),
        functioning_at_home=_text(data, "functioning_at_home"),
        support_types=_strings(data.get("support_types")),
        support_other=_text(data, "support_other"),
        already_done=_text(data, "already_done"),
        earlier_help=_text(data, "earlier_help"),
        earlier_discussed=_text(data, "earlier_discussed"),
        earlier_investigation=_text(data, "earlier_investigation"),
        diagnosed_disorder=_text(data, "diagnosed_disorder"),
        learning_results=_text(data, "learning_results"),
        social_emotional=_text(data, "social_emotional"),
        interaction=_text(data, "interaction"),
        work_attitude=_text(data, "work_attitude"),
        motivation=_text(data, "motivation"),
        attendance=_text(data, "attendance"),
        other=_text(data, "other"),
        request_types=_strings(data.get("request_types")),
    )


def _snapshot(data: dict[str, Any] | None) -> ExportCaseSnapshot | None:
    if not data:
        return None
    informed = data.get("parents_informed")
    return ExportCaseSnapshot(
        reasons=_strings(data.get("reasons")),
        help_question_student=_optional(data, "help_question_student"),
        help_question_parents=_optional(data, "help_question_parents"),
        guidance_question=_optional(data, "guidance_question"),
        strengths=_factors(data.get("strengths")),
        hindering=_factors(data.get("hindering")),
        school_career=_optional(data, "school_career"),
        prior_support=_optional(data, "prior_support"),
        parents_informed=informed if isinstance(informed, bool) else None,
    )


def _closure(data: dict[str, Any] | None) -> ExportCaseClosure | None:
    if not data:
        return None
    return ExportCaseClosure(
        evaluated_with_student=bool(data.get("evaluated_with_student", False)),
        evaluated_with_parents=bool(data.get("evaluated_with_parents", False)),
        outcome=_text(data, "outcome"),
        evaluation=_text(data, "evaluation"),
        aftercare=_text(data, "aftercare"),
        provisional=bool(data.get("provisional", False)),
    )


def _efforts(efforts: Sequence[Any]) -> list[ExportEffort]:
    return [
        ExportEffort(what=_text(e, "what"), period=_text(e, "period"), result=_text(e, "result"))
        for e in efforts
        if isinstance(e, dict)
    ]
