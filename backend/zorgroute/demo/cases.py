"""Case-routing demo data (zorgroutes): the routes of Stedelijk Lyceum and OBS De Regenboog, cases
in the states of their boards, and the care meetings around them.

Stedelijk Lyceum gets the VO route with IZO and ZAT ('vo-izo-zat') and the multidisciplinary route
for (highly) gifted students ('hb-multidisciplinair'); OBS De Regenboog the PO 1-zorgroute
('po-1-zorgroute'). Cases:

- 1A: one registration in preparation (izo_draft), one submitted and waiting for screening
  (izo_submitted), one guided by the IZO whose evaluation and one action item are overdue
  (izo_active). Cyclus 1's group meeting also decided to register one more 1A student
  (demo/hgw.py): no case picks that decision up, so it waits under "Aanmeldingen uit
  groepsbesprekingen".
- 2B: one accepted and on next week's IZO agenda (izo_scheduled), one with a granted SWV
  arrangement (swv_arrangement), one multidisciplinary gifted case (analyse_advies).
- 3C: one with a ZAT action plan, an intervention, a referral to the jeugdgezondheidszorg and a
  case grant for the jeugdarts (zat_active), one closed provisionally.
- De Regenboog: one case of groep 6 in lb_active; groep 5 (demo-leerkracht's) has none.

Everything goes in through the services as the demo people would do it (their own principal and
unit of work, audited), with dates relative to today so deadlines stay meaningful. The services
stamp their own times (a meeting's minutes are recorded "now"); dates the user enters (meeting
dates, evaluation dates, due dates, conversations, consents) tell the story. Idempotent: skipped
when the Lyceum already has routes (start from a fresh database after a failed run). Nothing here
prints or logs a student's name."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import col, select

from zorgroute.cases import cases, followup, meetings, route_admin
from zorgroute.cases.models import CareCase
from zorgroute.cases.reads import students_info
from zorgroute.cases.schemas import (
    ActionItemIn,
    AgendaItemIn,
    Attendance,
    CareMeetingCreate,
    CareMeetingRead,
    CareMeetingUpdate,
    CaseGrantIn,
    CaseOpen,
    CaseRead,
    CaseUpdate,
    ClosureIn,
    ConversationIn,
    DiscussionKind,
    DiscussionWrite,
    Effort,
    Factors,
    Forum,
    InterventionIn,
    InterventionUpdate,
    MemberIn,
    ReferralIn,
    ReferralUpdate,
    RegistrationKind,
    RegistrationWrite,
    RouteCreate,
    ScreeningIn,
    SwvDecisionIn,
    SwvRequestIn,
    TransitionIn,
)
from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.demo import dataset
from zorgroute.demo.hgw import Sessionmaker, _as, _students, principal_of
from zorgroute.identity import repository as identity_repo
from zorgroute.organisations import repository as org_repo
from zorgroute.organisations.models import School
from zorgroute.privacy import service as privacy
from zorgroute.privacy.schemas import ConsentCreate, GivenBy, Purpose
from zorgroute.roster.models import Guardian, Student, StudentGuardian

LYCEUM, REGENBOOG = "34CD00", "12AB00"
VO, HB_ROUTE, PO = "vo-izo-zat", "hb-multidisciplinair", "po-1-zorgroute"  # keys = templates
# dev IdP logins
MENTOR, CARE, LEADER, HB, IB, JEUGDARTS = (
    "mentor", "zorgcoordinator", "teamleider", "hb", "ib", "jeugdarts",
)  # fmt: skip
JGZ = "GGD Rivierenland, jeugdgezondheidszorg"
ORTHOPEDAGOOG = "Anouk Verhoef"  # on call in the IZO; no account

# Whose case, by position in their homeroom (sorted by name, as in demo/hgw.py). Kept clear of
# what other demo data and the browser tests use: 1A 0-2 (mentor and HGW tests), 1A 3, 11 and
# 19 (signalled in Cyclus 1; 3 is the pending registration), 2B 0 (team-leader test), 2B 4 and
# 3C 9 (the OPPs).
WHO: dict[str, tuple[str, int]] = {
    "draft": ("1A", 6),
    "submitted": ("1A", 8),
    "active": ("1A", 14),
    "scheduled": ("2B", 7),
    "swv": ("2B", 12),
    "gifted": ("2B", 17),
    "zat": ("3C", 5),
    "closed": ("3C", 20),
}
PO_WHO = ("Groep 6", 4)  # groep 5 stays free for the browser tests


# -- context --------------------------------------------------------------------------------
@dataclass
class Ctx:
    """What the seed steps share: today, the Lyceum, its students and its demo people."""

    today: date
    school_id: uuid.UUID
    students: dict[str, uuid.UUID] = field(default_factory=dict)  # by WHO key
    staff: dict[str, uuid.UUID] = field(default_factory=dict)  # by login: staff member id
    users: dict[str, uuid.UUID] = field(default_factory=dict)  # by login: account id
    names: dict[str, str] = field(default_factory=dict)  # by login: display name
    cases: dict[str, uuid.UUID] = field(default_factory=dict)  # by WHO key

    def day(self, days: int) -> date:
        """Today plus `days`, moved back to the Friday when it falls in a weekend."""
        d = self.today + timedelta(days=days)
        return d - timedelta(days=max(0, d.weekday() - 4))

    def week(self, weeks: int, weekday: int) -> date:
        """A weekday (0 = Monday) of this week (0), last week (-1), next week (1) ..."""
        monday = self.today - timedelta(days=self.today.weekday())
        return monday + timedelta(weeks=weeks, days=weekday)


def _at(d: date, hour: int, minute: int = 0) -> datetime:
    """A meeting time in UTC (13:00 UTC is 14:00 in Dutch winter time)."""
    return datetime.combine(d, time(hour, minute), UTC)


async def _school(uow: UnitOfWork, key: str) -> School:
    school = await uow.first(
        select(School).where(School.brin == key[:4], School.vestiging == key[4:])
    )
    assert school is not None
    return school


async def _year(uow: UnitOfWork, school_id: uuid.UUID) -> uuid.UUID:
    year = await org_repo.school_year_by_name(uow, school_id, dataset.SCHOOL_YEAR)
    assert year is not None
    return year.id


async def _student(
    uow: UnitOfWork, p: Principal, school_id: uuid.UUID, group: str, position: int
) -> uuid.UUID:
    _, students = await _students(uow, p, school_id, await _year(uow, school_id), group)
    return students[position].id


async def _version(uow: UnitOfWork, case_id: uuid.UUID) -> int:
    version = await uow.scalar(select(CareCase.version).where(CareCase.id == case_id))
    assert version is not None
    return int(version)


# -- building blocks, each a service call ----------------------------------------------------
async def _consent(
    uow: UnitOfWork,
    p: Principal,
    student_id: uuid.UUID,
    purpose: Purpose,
    given_on: date,
    recipient: str | None = None,
) -> uuid.UUID:
    """The parents' (or, from 16, the student's own) signed consent."""
    student = await uow.first(select(Student).where(Student.id == student_id))
    assert student is not None
    today = utcnow().date()
    given_by: GivenBy
    guardian_id: uuid.UUID | None
    if privacy.age_on(student.date_of_birth, today) >= privacy.AGE_OF_CONSENT:
        if privacy.age_on(student.date_of_birth, given_on) < privacy.AGE_OF_CONSENT:
            given_on = today
        given_by, guardian_id = "student", None
    else:
        given_by = "guardian"
        guardian_id = await uow.scalar(
            select(StudentGuardian.guardian_id)
            .join(Guardian, col(Guardian.id) == StudentGuardian.guardian_id)
            .where(
                StudentGuardian.student_id == student_id,
                col(StudentGuardian.parental_authority).is_(True),
            )
            .order_by(col(Guardian.family_name), col(Guardian.given_name))
            .limit(1)
        )
        assert guardian_id is not None
    consent = await privacy.record_consent(
        uow, p, student_id,
        ConsentCreate(
            purpose=purpose, recipient=recipient, granted=True, given_by=given_by,
            guardian_id=guardian_id, method="signed_form", given_on=given_on,
        ),
    )  # fmt: skip
    return consent.id


async def _conversations(
    uow: UnitOfWork,
    p: Principal,
    case_id: uuid.UUID,
    forum: RegistrationKind,
    held_on: date,
    student: str,
    parents: str,
) -> None:
    """The conversations with the student and with the parents before the IZO or ZAT."""
    await cases.add_conversation(
        uow, p, case_id,
        ConversationIn(with_whom="student", moment="before", forum=forum, held_on=held_on,
                       participants=f"Leerling, {p.display_name}", summary=student),
    )  # fmt: skip
    await cases.add_conversation(
        uow, p, case_id,
        ConversationIn(with_whom="parents", moment="before", forum=forum,
                       held_on=held_on + timedelta(days=1),
                       participants=f"Ouders, {p.display_name}", summary=parents,
                       agreements="Ouders zijn akkoord met de aanmelding."),
    )  # fmt: skip


async def _submit(uow: UnitOfWork, p: Principal, case_id: uuid.UUID, action: str) -> CaseRead:
    return await cases.transition(
        uow, p, case_id, await _version(uow, case_id), TransitionIn(action=action)
    )


async def _accept(uow: UnitOfWork, p: Principal, case_id: uuid.UUID, notes: str = "") -> CaseRead:
    """Screening by the zorgcoordinator / IB'er: all four checks pass, the case is scheduled."""
    return await cases.screen(
        uow, p, case_id, await _version(uow, case_id),
        ScreeningIn(right_line=True, questions_clear=True, prior_line_exhausted=True,
                    parents_student_aware=True, outcome="accept", notes=notes),
    )  # fmt: skip


async def _step(
    uow: UnitOfWork,
    p: Principal,
    case_id: uuid.UUID,
    action: str,
    reason: str = "",
    **extra: object,
) -> CaseRead:
    data = TransitionIn.model_validate({"action": action, "reason": reason, **extra})
    return await cases.transition(uow, p, case_id, await _version(uow, case_id), data)


async def _update(uow: UnitOfWork, p: Principal, case_id: uuid.UUID, **fields: object) -> CaseRead:
    return await cases.update_case(
        uow, p, case_id, await _version(uow, case_id), CaseUpdate.model_validate(fields)
    )


async def _meeting(
    uow: UnitOfWork, p: Principal, school_id: uuid.UUID, forum: Forum, title: str, when: datetime,
    members: list[MemberIn], chair: uuid.UUID | None, minute_taker: str,
) -> CareMeetingRead:  # fmt: skip
    return await meetings.create_meeting(
        uow, p, school_id,
        CareMeetingCreate(forum=forum, title=title, scheduled_at=when,
                          location="Spreekkamer zorg", chair_staff_id=chair,
                          minute_taker=minute_taker, members=members),
    )  # fmt: skip


async def _agenda(
    uow: UnitOfWork, p: Principal, meeting: CareMeetingRead, case_id: uuid.UUID,
    kind: DiscussionKind,
) -> CareMeetingRead:  # fmt: skip
    return await meetings.add_to_agenda(
        uow, p, meeting.id, meeting.version, AgendaItemIn(case_id=case_id, kind=kind)
    )


async def _discuss(
    uow: UnitOfWork, p: Principal, meeting: CareMeetingRead, case_id: uuid.UUID,
    data: DiscussionWrite,
) -> CareMeetingRead:  # fmt: skip
    """The minutes of one case on the agenda (and the route step they lead to)."""
    (item,) = [i for i in meeting.agenda if i.case_id == case_id]
    return await meetings.save_discussion(uow, p, meeting.id, case_id, item.version, data)


async def _held(uow: UnitOfWork, p: Principal, meeting: CareMeetingRead) -> CareMeetingRead:
    return await meetings.update_meeting(
        uow, p, meeting.id, meeting.version, CareMeetingUpdate(status="held")
    )


def _izo_members(ctx: Ctx, present: bool) -> list[MemberIn]:
    """The IZO: zorgcoordinator, team leader and the mentor standing, the orthopedagoog on call."""
    attendance: Attendance = "present" if present else "invited"
    return [
        MemberIn(name=ctx.names[CARE], user_id=ctx.users[CARE], role_label="Zorgcoördinator",
                 membership="standing", attendance=attendance),
        MemberIn(name=ctx.names[LEADER], user_id=ctx.users[LEADER],
                 role_label="Teamleider onderbouw", membership="standing", attendance=attendance),
        MemberIn(name=ctx.names[MENTOR], user_id=ctx.users[MENTOR], role_label="Mentor 1A",
                 membership="standing", attendance=attendance),
        MemberIn(name=ORTHOPEDAGOOG, role_label="Orthopedagoog",
                 organisation="Stichting Openbaar Onderwijs Rivierenland", membership="on_call",
                 attendance="absent" if present else "invited"),
    ]  # fmt: skip


# -- the Lyceum -----------------------------------------------------------------------------
async def seed_cases(sessionmaker: Sessionmaker, issuer: str) -> str:
    async with _as(sessionmaker, issuer, CARE) as (uow, care):
        school = await _school(uow, LYCEUM)
        if await route_admin.list_routes(uow, care, school.id):
            return "• Zorgroute case data already present"
        ctx = Ctx(today=utcnow().date(), school_id=school.id)
        for key, template in ((VO, VO), (HB_ROUTE, HB_ROUTE)):
            await route_admin.create_route(
                uow, care, school.id, RouteCreate(key=key, template=template)
            )
        for key, (group, position) in WHO.items():
            ctx.students[key] = await _student(uow, care, school.id, group, position)
        for login in (MENTOR, CARE, LEADER, HB, JEUGDARTS):
            account = await identity_repo.account_by_subject(uow, issuer, login)
            assert account is not None
            ctx.users[login], ctx.names[login] = account.id, account.display_name
            staff = (await principal_of(uow, issuer, login)).staff_member_ids.get(school.id)
            if staff is not None:  # none for the jeugdarts
                ctx.staff[login] = staff

    async with _as(sessionmaker, issuer, MENTOR) as (uow, mentor):
        await _draft(uow, mentor, ctx)
        await _submitted(uow, mentor, ctx)
        await _registered_by_mentor(uow, mentor, ctx)
    async with _as(sessionmaker, issuer, LEADER) as (uow, leader):
        await _registered_by_leader(uow, leader, ctx)
    async with _as(sessionmaker, issuer, CARE) as (uow, care):
        await _registered_by_care(uow, care, ctx)
        for key in ("active", "scheduled", "swv", "zat", "closed"):
            await _accept(uow, care, ctx.cases[key], "Compleet; besproken met de mentor.")
        await _izo_seven_weeks_ago(uow, care, ctx)
        await _swv(uow, care, ctx)
        await _zat(uow, care, ctx)
        await _izo_last_week(uow, care, ctx)
        await _izo_next_week(uow, care, ctx)
        held = len(await meetings.list_meetings(uow, care, ctx.school_id))
    async with _as(sessionmaker, issuer, HB) as (uow, hb):
        await _gifted(uow, hb, ctx)
    po = await _regenboog(sessionmaker, issuer)
    return (
        f"• Zorgroute demo data: Stedelijk Lyceum {len(ctx.cases)} cases on 2 routes, "
        f"{held} care meetings; OBS De Regenboog {po} case on the 1-zorgroute"
    )


async def _draft(uow: UnitOfWork, mentor: Principal, ctx: Ctx) -> None:
    """1A: the mentor has started a registration and not finished it (izo_draft)."""
    case = await cases.open_case(
        uow, mentor, ctx.school_id,
        CaseOpen(student_id=ctx.students["draft"], route_key=VO, action="open_izo",
                 reasons=["insufficient_benefit"],
                 help_question_student="Help mij om mijn huiswerk en toetsen te plannen, zodat "
                 "ik niet steeds achter de feiten aanloop."),
    )  # fmt: skip
    ctx.cases["draft"] = case.id
    await cases.save_registration(
        uow, mentor, case.id, "izo", None,
        RegistrationWrite(
            problem="Vergeet huiswerk, raakt het overzicht kwijt en haalt sinds de herfstvakantie "
            "onvoldoendes voor wiskunde en Frans.",
            support_types=["student_guidance"],
            already_done="Planner in de mentorles; twee keer samen de week doorgenomen.",
        ),
    )  # fmt: skip


async def _submitted(uow: UnitOfWork, mentor: Principal, ctx: Ctx) -> None:
    """1A: a complete registration, submitted, waiting for the zorgcoordinator's screening."""
    sid = ctx.students["submitted"]
    case = await cases.open_case(
        uow, mentor, ctx.school_id,
        CaseOpen(
            student_id=sid, route_key=VO, action="open_izo", reasons=["needs_unclear"],
            help_question_student="Help mij om me weer op mijn gemak te voelen in de klas.",
            help_question_parents="Help ons te begrijpen waarom ons kind niet meer naar school "
            "wil.",
            guidance_question="Hoe kan ik deze leerling helpen aansluiting te vinden bij "
            "klasgenoten, en hoe merk ik op tijd dat het niet goed gaat?",
            strengths=Factors(student="Tekent goed, is trouw aan vrienden",
                              school="Goede band met de docent beeldende vorming",
                              family="Ouders zijn betrokken en reageren snel"),
            hindering=Factors(student="Trekt zich terug en zegt weinig",
                              school="Pauzes zonder toezicht in de aula"),
            prior_support="Twee gesprekken met de mentor; een vaste plek naast een klasgenoot.",
            parents_informed=True, parent_contact_staff_id=ctx.staff.get(MENTOR),
        ),
    )  # fmt: skip
    ctx.cases["submitted"] = case.id
    await cases.save_registration(
        uow, mentor, case.id, "izo", None,
        RegistrationWrite(
            problem="Is sinds oktober stil en teruggetrokken, eet alleen in de pauze en meldt "
            "zich twee keer per week ziek. Vermoeden dat er in de groepsapp wordt gepest.",
            onset_cause="Na een ruzie in de groepsapp van de klas, begin oktober.",
            support_types=["student_guidance", "teacher_guidance"],
            already_done="Gesprekken met de mentor, vaste plek in de klas, groepsgesprek over de "
            "groepsapp in de mentorles.",
            social_emotional="Lage scores op welbevinden in de schoolvragenlijst.",
            attendance="Vier ziekmeldingen in de laatste drie weken.",
        ),
    )  # fmt: skip
    await _conversations(
        uow,
        mentor,
        case.id,
        "izo",
        ctx.day(-6),
        student="Voelt zich buitengesloten in de klas; vindt het goed dat de mentor meekijkt.",
        parents="Ouders herkennen het beeld en maken zich zorgen over de ziekmeldingen.",
    )
    await _consent(uow, mentor, sid, "discuss_care_team", ctx.day(-5))
    await _submit(uow, mentor, case.id, "submit")


async def _registered_by_mentor(uow: UnitOfWork, mentor: Principal, ctx: Ctx) -> None:
    """1A: submitted by the mentor; the IZO took it on last week (see _izo_last_week)."""
    sid = ctx.students["active"]
    case = await cases.open_case(
        uow, mentor, ctx.school_id,
        CaseOpen(
            student_id=sid, route_key=VO, action="open_izo",
            reasons=["insufficient_benefit", "home_situation"],
            help_question_student="Help mij om 's ochtends op tijd op school te zijn.",
            guidance_question="Hoe kan ik deze leerling helpen om weer elke dag op tijd te "
            "komen, zonder dat het als straf voelt?",
            strengths=Factors(student="Slim, snel van begrip, sportief",
                              school="Doet graag mee aan sportdagen",
                              family="Ouders willen graag meedenken"),
            hindering=Factors(student="Gamet tot laat, slaapt weinig",
                              family="Ouders werken vroege diensten"),
            home_situation="Ouders werken in ploegendiensten; 's ochtends is niemand thuis.",
            parents_informed=True, parent_contact_staff_id=ctx.staff.get(MENTOR),
        ),
    )  # fmt: skip
    ctx.cases["active"] = case.id
    await cases.save_registration(
        uow, mentor, case.id, "izo", None,
        RegistrationWrite(
            problem="Sinds september elf keer te laat in het eerste uur en zes ziekmeldingen op "
            "maandag. Valt in de les in slaap.",
            support_types=["student_guidance", "parent_guidance"],
            already_done="Te-laat-kaart, gesprek met leerling en ouders, afspraken over de "
            "telefoon 's avonds.",
            attendance="Elf keer te laat, zes keer ziek gemeld (maandag).",
            motivation="Wil wel, maar komt 's ochtends moeilijk uit bed.",
        ),
    )  # fmt: skip
    await _conversations(
        uow,
        mentor,
        case.id,
        "izo",
        ctx.day(-20),
        student="Geeft toe tot laat te gamen; wil graag hulp om daarmee te stoppen.",
        parents="Ouders zijn geschrokken van het aantal keer te laat en willen meedenken.",
    )
    await _consent(uow, mentor, sid, "discuss_care_team", ctx.day(-19))
    await _submit(uow, mentor, case.id, "submit")


async def _registered_by_leader(uow: UnitOfWork, leader: Principal, ctx: Ctx) -> None:
    """2B: two registrations by the team leader (fear of failure; autism and overload)."""
    sid = ctx.students["scheduled"]
    case = await cases.open_case(
        uow, leader, ctx.school_id,
        CaseOpen(
            student_id=sid, route_key=VO, action="open_izo", reasons=["insufficient_benefit"],
            help_question_student="Help mij om niet meer te blokkeren bij een toets.",
            guidance_question="Hoe kunnen de docenten deze leerling helpen om bij toetsen te "
            "laten zien wat er geleerd is?",
            strengths=Factors(student="Leert veel en zorgvuldig", school="Goede werkhouding"),
            hindering=Factors(student="Faalangst, hoge eisen aan zichzelf"),
            parents_informed=True,
        ),
    )  # fmt: skip
    ctx.cases["scheduled"] = case.id
    await cases.save_registration(
        uow, leader, case.id, "izo", None,
        RegistrationWrite(
            problem="Blokkeert bij toetsen: leert goed, maar haalt onvoldoendes. Huilt na "
            "toetsen en slaapt slecht in toetsweken.",
            support_types=["student_guidance", "teacher_guidance"],
            already_done="Toetsen in een rustige ruimte geprobeerd; gesprek met de mentor.",
            learning_results="Onvoldoendes voor wiskunde en biologie ondanks het leren.",
        ),
    )  # fmt: skip
    await _conversations(
        uow,
        leader,
        case.id,
        "izo",
        ctx.day(-10),
        student="Wil graag leren omgaan met de spanning; staat open voor een training.",
        parents="Ouders herkennen de spanning; thuis gaat het leren goed.",
    )
    await _consent(uow, leader, sid, "discuss_care_team", ctx.day(-9))
    await _submit(uow, leader, case.id, "submit")

    sid = ctx.students["swv"]
    case = await cases.open_case(
        uow, leader, ctx.school_id,
        CaseOpen(
            student_id=sid, route_key=VO, action="open_izo",
            reasons=["too_large_for_first_line"],
            help_question_student="Help mij als het te druk wordt in mijn hoofd.",
            help_question_parents="Help ons kind de overstap naar de tweede klas te maken.",
            guidance_question="Hoe bieden we in de klas genoeg voorspelbaarheid en rust?",
            strengths=Factors(student="Sterk in techniek en programmeren",
                              school="Betrouwbaar in afspraken", family="Betrokken ouders"),
            hindering=Factors(student="Overprikkeld na drukke dagen",
                              school="Veel wisselende lokalen en docenten"),
            parents_informed=True,
        ),
    )  # fmt: skip
    ctx.cases["swv"] = case.id
    await cases.save_registration(
        uow, leader, case.id, "izo", None,
        RegistrationWrite(
            problem="Loopt vast bij roosterwijzigingen en in drukke lessen; gaat dan de gang "
            "op of naar huis.",
            support_types=["student_guidance", "teacher_guidance"],
            diagnosed_disorder="Autismespectrumstoornis (gediagnosticeerd in groep 7).",
            already_done="Time-outkaart, vaste plek, rooster vooraf doorgenomen.",
            work_attitude="Werkt goed zelfstandig als de opdracht helder is.",
        ),
    )  # fmt: skip
    await _conversations(
        uow,
        leader,
        case.id,
        "izo",
        ctx.day(-56),
        student="Vertelt dat de pauzes en invaluren het moeilijkst zijn.",
        parents="Ouders vragen om begeleiding vanuit het samenwerkingsverband, zoals op de "
        "basisschool.",
    )
    await _consent(uow, leader, sid, "discuss_care_team", ctx.day(-55))
    await _submit(uow, leader, case.id, "submit")


async def _registered_by_care(uow: UnitOfWork, care: Principal, ctx: Ctx) -> None:
    """3C: two registrations by the zorgcoordinator (withdrawn and absent; grief)."""
    sid = ctx.students["zat"]
    case = await cases.open_case(
        uow, care, ctx.school_id,
        CaseOpen(
            student_id=sid, route_key=VO, action="open_izo",
            reasons=["home_situation", "insufficient_benefit"],
            help_question_student="Help mij om weer zin te krijgen in school.",
            help_question_parents="Help ons om ons kind weer blij te zien.",
            guidance_question="Hoe houden we contact met deze leerling op dagen van verzuim, en "
            "hoe bieden we opvang op dagen dat de leerling er wel is?",
            strengths=Factors(student="Zorgzaam, creatief",
                              school="Goede band met de mentor",
                              family="Familie in de buurt helpt mee"),
            hindering=Factors(student="Somber, slaapt slecht",
                              family="Een ouder is langdurig ziek"),
            home_situation="Een ouder is sinds de zomer ernstig ziek; de leerling neemt thuis "
            "veel zorgtaken op zich.",
            parents_informed=True, coordinator_staff_id=ctx.staff.get(CARE),
        ),
    )  # fmt: skip
    ctx.cases["zat"] = case.id
    await cases.save_registration(
        uow, care, case.id, "izo", None,
        RegistrationWrite(
            problem="Somber en teruggetrokken, verzuimt steeds vaker, cijfers dalen snel.",
            onset_cause="Sinds de ziekte thuis, vanaf de zomer.",
            functioning_at_home="Neemt veel zorgtaken op zich; weinig tijd voor zichzelf.",
            support_types=["student_guidance", "parent_guidance"],
            already_done="Wekelijks mentorgesprek, uitstel van toetsen.",
            social_emotional="Huilt in de les, trekt zich terug uit de vriendengroep.",
            attendance="Negen ziekmeldingen sinds september.",
        ),
    )  # fmt: skip
    await _conversations(
        uow,
        care,
        case.id,
        "izo",
        ctx.day(-55),
        student="Wil er eigenlijk niet over praten, maar vindt het goed dat het zorgteam meekijkt.",
        parents="Ouders vertellen over de ziekte thuis en zijn blij met hulp van school.",
    )
    await _consent(uow, care, sid, "discuss_care_team", ctx.day(-54))
    await _submit(uow, care, case.id, "submit")

    sid = ctx.students["closed"]
    case = await cases.open_case(
        uow, care, ctx.school_id,
        CaseOpen(
            student_id=sid, route_key=VO, action="open_izo", reasons=["insufficient_benefit"],
            help_question_student="Help mij om mijn achterstand in te halen.",
            guidance_question="Hoe helpen we deze leerling de draad weer op te pakken na het "
            "overlijden van opa?",
            strengths=Factors(student="Doorzetter, eerlijk over hoe het gaat",
                              family="Hecht gezin"),
            parents_informed=True,
        ),
    )  # fmt: skip
    ctx.cases["closed"] = case.id
    await cases.save_registration(
        uow, care, case.id, "izo", None,
        RegistrationWrite(
            problem="Sinds het overlijden van opa in september lukt concentreren niet meer en "
            "loopt de leerling achter met toetsen.",
            support_types=["student_guidance"],
            already_done="Uitstel van twee toetsen; gesprek met de mentor.",
        ),
    )  # fmt: skip
    await _conversations(
        uow,
        care,
        case.id,
        "izo",
        ctx.day(-53),
        student="Mist opa erg; wil graag een inhaalplan.",
        parents="Ouders vinden een inhaalplan en iemand om mee te praten een goed idee.",
    )
    await _consent(uow, care, sid, "discuss_care_team", ctx.day(-52))
    await _submit(uow, care, case.id, "submit")


async def _izo_seven_weeks_ago(uow: UnitOfWork, care: Principal, ctx: Ctx) -> None:
    """An IZO seven weeks ago took on the 2B arrangement case and the two 3C cases."""
    held_on = ctx.week(-7, 1)
    m = await _meeting(uow, care, ctx.school_id, "izo", f"IZO week {held_on.isocalendar()[1]}",
                       _at(held_on, 13), _izo_members(ctx, True), ctx.staff.get(CARE),
                       ctx.names[LEADER])  # fmt: skip
    minutes = {
        "swv": DiscussionWrite(
            minutes={
                "analysis": "De ondersteuning in de klas is niet genoeg: de overprikkeling "
                "neemt toe en de leerling gaat steeds vaker naar huis.",
                "needs": "Voorspelbaarheid, een vaste plek om te ontprikkelen en begeleiding "
                "bij het plannen.",
                "summary": "Arrangement ambulante begeleiding aanvragen bij het "
                "samenwerkingsverband.",
            },
            decisions=["Ambulante begeleiding aanvragen bij het samenwerkingsverband",
                       "Time-outplek bij de zorgcoördinator"],
            evaluation_on=ctx.day(21),
            informs_student_parents=ctx.names[LEADER],
            relays_advice_to_school=ctx.names[CARE],
            then_action="discuss",
        ),
        "zat": DiscussionWrite(
            minutes={
                "analysis": "Somberheid en verzuim hangen samen met de zorgen thuis; de school "
                "alleen kan dit niet oplossen.",
                "zat_registration": "Aanmelden bij het ZAT: jeugdarts en schoolmaatschappelijk "
                "werk betrekken.",
                "summary": "Mentorgesprekken gaan door; aanmelding ZAT.",
            },
            decisions=["Aanmelden bij het ZAT", "Mentor houdt wekelijks contact"],
            evaluation_on=ctx.day(-21),
            informs_student_parents=ctx.names[CARE],
            relays_advice_to_school=ctx.names[CARE],
            then_action="discuss",
        ),
        "closed": DiscussionWrite(
            minutes={
                "analysis": "Rouw na het overlijden van opa; de leerling wil zelf graag verder.",
                "student_guidance": "Inhaalplan met de mentor; gesprekken met de "
                "vertrouwenspersoon.",
                "summary": "Over zes weken evalueren.",
            },
            decisions=["Inhaalplan toetsen", "Gesprekken met de vertrouwenspersoon"],
            evaluation_on=ctx.week(-1, 1),
            informs_student_parents=ctx.names[CARE],
            relays_advice_to_school=ctx.names[CARE],
            then_action="discuss",
        ),
    }  # fmt: skip
    for key, data in minutes.items():
        m = await _agenda(uow, care, m, ctx.cases[key], "new")
        m = await _discuss(uow, care, m, ctx.cases[key], data)
    await _held(uow, care, m)


async def _swv(uow: UnitOfWork, care: Principal, ctx: Ctx) -> None:
    """2B: the arrangement requested five weeks ago, granted, starting in two weeks."""
    case_id, sid = ctx.cases["swv"], ctx.students["swv"]
    await _consent(uow, care, sid, "share_swv", ctx.day(-36))
    request = await followup.request_swv(
        uow, care, case_id, await _version(uow, case_id),
        SwvRequestIn(
            request_type="ambulant_support", temporary=True,
            goals="De leerling volgt het rooster zonder naar huis te gaan: in 10 weken van drie "
            "naar hooguit één keer per maand, en plant het schoolwerk met een weekplanner.",
            documented_efforts=[
                Effort(what="Time-outkaart en vaste plek", period="september - oktober",
                       result="Helpt in de les, niet bij roosterwijzigingen"),
                Effort(what="Begeleiding vanuit het IZO", period="zes weken",
                       result="Onvoldoende: gaat nog twee keer per week naar huis"),
            ],
            requested_start=ctx.day(14), requested_on=ctx.day(-35),
        ),
    )  # fmt: skip
    (swv,) = request.swv_requests
    await followup.record_swv_decision(
        uow, care, swv.id, swv.version,
        SwvDecisionIn(decision="granted", decided_on=ctx.day(-12), starts_on=ctx.day(14),
                      decision_note="Ambulante begeleiding, twee uur per week, 20 weken."),
    )  # fmt: skip


async def _zat(uow: UnitOfWork, care: Principal, ctx: Ctx) -> None:
    """3C: from the IZO to the ZAT (three weeks ago): the action plan, an intervention, the
    referral to the jeugdgezondheidszorg and the jeugdarts's case grant."""
    case_id, sid = ctx.cases["zat"], ctx.students["zat"]
    await _update(uow, care, case_id, zat_question="Welke hulp hebben leerling en gezin nodig "
                  "bij de somberheid en het verzuim, en wie biedt die?")  # fmt: skip
    await _step(uow, care, case_id, "register_zat")
    await cases.save_registration(
        uow, care, case_id, "zat", None,
        RegistrationWrite(
            problem="Somberheid en oplopend verzuim sinds de ziekte thuis; begeleiding "
            "vanuit het IZO is niet genoeg.",
            support_types=["student_guidance", "parent_guidance"],
            already_done="Zes weken wekelijkse mentorgesprekken en uitstel van toetsen.",
            earlier_discussed="Intern zorgoverleg, zeven weken geleden.",
            request_types=["external_help"],
        ),
    )  # fmt: skip
    await _conversations(
        uow,
        care,
        case_id,
        "zat",
        ctx.day(-28),
        student="Vindt het goed dat de jeugdarts meekijkt.",
        parents="Ouders geven toestemming voor de bespreking in het ZAT.",
    )
    await _consent(uow, care, sid, "register_zat", ctx.day(-27))
    await _submit(uow, care, case_id, "submit_zat")
    await _accept(uow, care, case_id, "Hulpvraag helder; de jeugdarts sluit aan.")

    held_on = ctx.week(-3, 3)
    members = [
        MemberIn(name=ctx.names[CARE], user_id=ctx.users[CARE], role_label="Zorgcoördinator",
                 membership="standing", attendance="present"),
        MemberIn(name=ctx.names[LEADER], user_id=ctx.users[LEADER], role_label="Teamleider",
                 membership="standing", attendance="present"),
        MemberIn(name=ctx.names[JEUGDARTS], user_id=ctx.users[JEUGDARTS], role_label="Jeugdarts",
                 organisation=JGZ, membership="external", attendance="present"),
        MemberIn(name="Schoolmaatschappelijk werker", role_label="Schoolmaatschappelijk werk",
                 organisation="Welzijn Rivierenland", membership="external",
                 attendance="present"),
        MemberIn(name="Leerplichtambtenaar", organisation="Gemeente Rivierstad",
                 membership="on_call", attendance="excused"),
    ]  # fmt: skip
    m = await _meeting(uow, care, ctx.school_id, "zat", f"ZAT week {held_on.isocalendar()[1]}",
                       _at(held_on, 8, 30), members, ctx.staff.get(CARE),
                       ctx.names[LEADER])  # fmt: skip
    m = await _agenda(uow, care, m, case_id, "new")
    mentor_3c = (await students_info(uow, [sid]))[sid].mentors
    m = await _discuss(
        uow, care, m, case_id,
        DiscussionWrite(
            minutes={
                "analysis": "De somberheid lijkt een reactie op de situatie thuis; het verzuim "
                "maakt de achterstand groter en de somberheid erger.",
                "solutions_student": "Gesprekken bij schoolmaatschappelijk werk; consult bij "
                "de jeugdarts.",
                "solutions_family": "Mantelzorgondersteuning voor het gezin via het wijkteam.",
                "solutions_school": "Aangepast rooster en een inhaalplan; mentor houdt "
                "wekelijks contact.",
                "goals": "Verzuim binnen zes weken terug naar hooguit één dag per maand.",
                "summary": "Plan van aanpak vastgesteld; evaluatie over drie weken.",
            },
            decisions=["Verwijzing naar de jeugdgezondheidszorg",
                       "Gesprekken schoolmaatschappelijk werk", "Inhaalplan"],
            evaluation_on=ctx.day(21),
            informs_student_parents=ctx.names[CARE],
            relays_advice_to_school=ctx.names[CARE],
            action_items=[
                ActionItemIn(description="Consult met leerling en ouders over somberheid en "
                             "verzuim", owner_name=ctx.names[JEUGDARTS],
                             owner_user_id=ctx.users[JEUGDARTS], organisation=JGZ,
                             due_on=ctx.day(7)),
                ActionItemIn(description="Inhaalplan toetsen opstellen en wekelijks bespreken",
                             owner_name=mentor_3c[0] if mentor_3c else "Mentor 3C",
                             due_on=ctx.day(4)),
                ActionItemIn(description="Wijkteam vragen naar mantelzorgondersteuning",
                             owner_name=ctx.names[CARE], owner_user_id=ctx.users[CARE],
                             due_on=ctx.day(10)),
            ],
            then_action="discuss",
        ),
    )  # fmt: skip
    await _held(uow, care, m)

    intervention = await followup.add_intervention(
        uow, care, case_id,
        InterventionIn(kind="counselling",
                       goal="Na zes gesprekken kan de leerling twee dingen noemen die helpen als "
                       "de somberheid opkomt, en gebruikt die.",
                       provider="Schoolmaatschappelijk werk", starts_on=ctx.day(-18),
                       frequency="Wekelijks, 45 minuten", evaluation_on=ctx.day(10)),
    )  # fmt: skip
    await followup.update_intervention(
        uow, care, intervention.id, intervention.version,
        InterventionUpdate(
            effect_student="partly",
            effect_student_note="De gesprekken helpen, maar maandagen blijven zwaar.",
            effect_parents="effective",
            effect_parents_note="Ouders merken dat er thuis meer verteld wordt.",
        ),
    )  # fmt: skip
    share = await _consent(uow, care, sid, "share_external", ctx.day(-16), recipient=JGZ)
    referral = await followup.add_referral(
        uow, care, case_id, await _version(uow, case_id),
        ReferralIn(target="jgz", organisation=JGZ, referred_on=ctx.day(-14), consent_id=share,
                   reason="Somberheid en verzuim: medisch advies en zo nodig verwijzing."),
    )  # fmt: skip
    await followup.update_referral(
        uow, care, referral.id, referral.version,
        ReferralUpdate(status="started", started_on=ctx.day(-7),
                       feedback="Eerste consult gehad; vervolgafspraak over twee weken."),
    )  # fmt: skip
    await followup.grant_case(
        uow, care, case_id,
        CaseGrantIn(user_id=ctx.users[JEUGDARTS], consent_id=share,
                    valid_until=utcnow() + timedelta(days=91)),
    )  # fmt: skip


async def _izo_last_week(uow: UnitOfWork, care: Principal, ctx: Ctx) -> None:
    """Last week's IZO: the 1A case taken on (its evaluation date and one action item are
    already overdue), and the 3C case evaluated and closed provisionally."""
    held_on = ctx.week(-1, 1)
    m = await _meeting(uow, care, ctx.school_id, "izo", f"IZO week {held_on.isocalendar()[1]}",
                       _at(held_on, 13), _izo_members(ctx, True), ctx.staff.get(CARE),
                       ctx.names[LEADER])  # fmt: skip
    m = await _agenda(uow, care, m, ctx.cases["active"], "new")
    m = await _agenda(uow, care, m, ctx.cases["closed"], "progress")
    m = await _discuss(
        uow, care, m, ctx.cases["active"],
        DiscussionWrite(
            minutes={
                "analysis": "Het te laat komen hangt samen met laat gamen en niemand die "
                "'s ochtends wekt.",
                "student_guidance": "Dagelijks een korte check-in bij de mentor; "
                "slaapafspraken met ouders.",
                "parent_alignment": "Zorgcoördinator spreekt ouders over de ochtenden.",
                "summary": "Na een week kort evalueren: lukt de check-in?",
            },
            decisions=["Dagelijkse check-in bij de mentor", "Gesprek met ouders"],
            evaluation_on=ctx.day(-2),
            informs_student_parents=ctx.names[MENTOR],
            relays_advice_to_school=ctx.names[CARE],
            action_items=[
                ActionItemIn(description="Gesprek met ouders plannen over de ochtenden en "
                             "het gamen", owner_name=ctx.names[CARE],
                             owner_user_id=ctx.users[CARE], due_on=ctx.day(-3)),
                ActionItemIn(description="Dagelijkse check-in bij binnenkomst",
                             owner_name=ctx.names[MENTOR], owner_user_id=ctx.users[MENTOR],
                             due_on=ctx.day(10)),
            ],
            then_action="discuss",
        ),
    )  # fmt: skip
    closed = ctx.cases["closed"]
    await _step(uow, care, closed, "evaluate")
    m = await _discuss(
        uow, care, m, closed,
        DiscussionWrite(
            minutes={
                "analysis": "Het inhaalplan is af; de leerling voelt zich weer goed.",
                "summary": "Voorlopig afsluiten; over zes weken een korte check.",
            },
            decisions=["Voorlopig afsluiten"],
            evaluation_on=ctx.day(42),
            informs_student_parents=ctx.names[CARE],
        ),
    )  # fmt: skip
    await _step(
        uow, care, closed, "close",
        closure=ClosureIn(
            evaluated_with_student=True, evaluated_with_parents=True, outcome="goals_met",
            evaluation="Toetsen ingehaald, cijfers weer voldoende; de leerling en ouders zijn "
            "tevreden.",
            aftercare="De mentor houdt een vinger aan de pols; rond de sterfdag extra aandacht.",
            provisional=True,
        ),
    )  # fmt: skip
    await _held(uow, care, m)


async def _izo_next_week(uow: UnitOfWork, care: Principal, ctx: Ctx) -> None:
    """Next week's IZO: the 2B case (new) and the 1A case (progress); no case pack sent yet."""
    on = ctx.week(1, 1)
    m = await _meeting(uow, care, ctx.school_id, "izo", f"IZO week {on.isocalendar()[1]}",
                       _at(on, 13), _izo_members(ctx, False), ctx.staff.get(CARE),
                       ctx.names[LEADER])  # fmt: skip
    m = await _agenda(uow, care, m, ctx.cases["scheduled"], "new")
    await _agenda(uow, care, m, ctx.cases["active"], "progress")


async def _gifted(uow: UnitOfWork, hb: Principal, ctx: Ctx) -> None:
    """2B: a complex case of a gifted student, coordinated by the HB specialist (analyse_advies)."""
    case = await cases.open_case(
        uow, hb, ctx.school_id,
        CaseOpen(
            student_id=ctx.students["gifted"], route_key=HB_ROUTE, action="open_signal",
            reasons=["gifted_complex", "insufficient_benefit"], complexity="complex",
            help_question_student="Help mij om weer uitdaging te vinden op school.",
            help_question_parents="Help ons kind om niet verder af te haken.",
            guidance_question="Hoe dagen we deze leerling uit zonder dat de basisstof en het "
            "plannen in het gedrang komen?",
            strengths=Factors(student="Denkt snel en abstract, brede interesse",
                              school="Blinkt uit bij projecten",
                              family="Ouders stimuleren en denken mee"),
            hindering=Factors(student="Onderpresteert, heeft nooit leren leren",
                              school="Weinig verrijking in de havo-2 lessen"),
            coordinator_staff_id=ctx.staff.get(HB, ctx.staff.get(CARE)),
        ),
    )  # fmt: skip
    ctx.cases["gifted"] = case.id
    await _step(uow, hb, case.id, "escalate", "Verrijking in de klas is niet genoeg.")
    await cases.add_conversation(
        uow, hb, case.id,
        ConversationIn(with_whom="parents", moment="kickoff", held_on=ctx.day(-3),
                       participants=f"Ouders, {hb.display_name}",
                       summary="Ouders zien thuis een leergierig kind dat op school afhaakt; "
                       "zij willen een onderzoek naar de onderwijsbehoeften.",
                       agreements="Multidisciplinaire analyse met de orthopedagoog."),
    )  # fmt: skip
    await _step(uow, hb, case.id, "analyse")


# -- OBS De Regenboog -----------------------------------------------------------------------
async def _regenboog(sessionmaker: Sessionmaker, issuer: str) -> int:
    """The IB'er installs the 1-zorgroute; one groep 6 case in lb_active (none in groep 5)."""
    async with _as(sessionmaker, issuer, IB) as (uow, ib):
        school = await _school(uow, REGENBOOG)
        await route_admin.create_route(uow, ib, school.id, RouteCreate(key=PO, template=PO))
        today = utcnow().date()
        ctx = Ctx(today=today, school_id=school.id)
        sid = await _student(uow, ib, school.id, *PO_WHO)
        case = await cases.open_case(
            uow, ib, school.id,
            CaseOpen(
                student_id=sid, route_key=PO, action="open_leerlingbespreking",
                reasons=["insufficient_benefit"],
                help_question_student="Help mij om beter te kunnen lezen.",
                guidance_question="Hoe kan ik deze leerling helpen de leesachterstand in te "
                "lopen, ook bij de zaakvakken?",
                strengths=Factors(student="Goed in rekenen, vertelt graag",
                                  family="Ouders lezen thuis elke avond voor"),
                hindering=Factors(student="Leest langzaam en raadt woorden"),
                parents_informed=True,
            ),
        )  # fmt: skip
        await cases.save_registration(
            uow, ib, case.id, "izo", None,
            RegistrationWrite(
                problem="Technisch lezen blijft op E-niveau (AVI M5) ondanks verlengde "
                "instructie sinds groep 5.",
                support_types=["investigation_needs_opp", "teacher_guidance"],
                already_done="Verlengde instructie en een half jaar RT lezen.",
                learning_results="DMT en AVI: E-niveau; rekenen op A-niveau.",
            ),
        )  # fmt: skip
        await _conversations(
            uow,
            ib,
            case.id,
            "izo",
            ctx.day(-24),
            student="Vindt lezen moeilijk en saai; wil wel graag beter worden.",
            parents="Ouders vragen zich af of er sprake is van dyslexie.",
        )
        await _consent(uow, ib, sid, "discuss_care_team", ctx.day(-23))
        await _submit(uow, ib, case.id, "submit")
        await _accept(uow, ib, case.id)
        held_on = ctx.week(-2, 2)
        members = [
            MemberIn(name=ib.display_name, user_id=ib.user_id, role_label="Intern begeleider",
                     membership="standing", attendance="present"),
            MemberIn(name="Groepsleerkracht groep 6", role_label="Groepsleerkracht",
                     membership="standing", attendance="present"),
        ]  # fmt: skip
        m = await _meeting(uow, ib, school.id, "leerlingbespreking", "Leerlingbespreking groep 6",
                           _at(held_on, 12, 30), members, ib.staff_member_ids.get(school.id),
                           ib.display_name)  # fmt: skip
        m = await _agenda(uow, ib, m, case.id, "new")
        m = await _discuss(
            uow, ib, m, case.id,
            DiscussionWrite(
                minutes={
                    "analysis": "Hardnekkig leesprobleem; de criteria voor een "
                    "dyslexieonderzoek lijken te worden gehaald.",
                    "offer_in_group": "Dagelijks tien minuten duolezen; voorlezen bij de "
                    "zaakvakken.",
                    "summary": "Leesdossier aanvullen; na vier weken evalueren.",
                },
                decisions=["Leesdossier aanvullen voor een dyslexieonderzoek",
                           "Duolezen in de groep"],
                evaluation_on=ctx.day(28),
                informs_student_parents=ib.display_name,
                action_items=[ActionItemIn(description="Leesdossier aanvullen (drie "
                                           "meetmomenten)", owner_name=ib.display_name,
                                           owner_user_id=ib.user_id, due_on=ctx.day(21))],
                then_action="discuss",
            ),
        )  # fmt: skip
        await _held(uow, ib, m)
    return 1


__all__ = ["seed_cases"]
