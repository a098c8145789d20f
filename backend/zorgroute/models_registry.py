"""Imports every table model so the metadata is complete (Alembic, tests, tenant listing)."""

from zorgroute.audit.models import AuditEvent
from zorgroute.cases.models import (
    ActionItem,
    CareCase,
    CareMeeting,
    CareMeetingMember,
    CareRoute,
    CaseConversation,
    CaseDiscussion,
    CaseEvent,
    CaseRegistration,
    CaseScreening,
    ExternalReferral,
    Intervention,
    SwvRequest,
)
from zorgroute.core.idempotency import IdempotencyRecord
from zorgroute.core.models import metadata, tenant_tables
from zorgroute.core.outbox import OutboxEvent
from zorgroute.core.ratelimit import rate_limit_bucket
from zorgroute.gifted.models import (
    Application,
    ChoiceHourPolicy,
    ChoiceHourRequest,
    EnrolmentReview,
    GuidanceCheckin,
    GuidancePeriod,
    NeedsIntake,
    Offering,
    OfferingEnrolment,
    OutcomeMeasurement,
    SelfAssessment,
    SkillObservation,
    SupportProfile,
)
from zorgroute.hgw.models import (
    AssessmentResult,
    CyclePeriod,
    EducationalNeed,
    GroupMeeting,
    GroupOverview,
    HgwSettings,
    MeetingDecision,
    OverviewRow,
    Signal,
)
from zorgroute.identity.models import (
    IntegrationClient,
    IntegrationClientSchool,
    SchoolMembership,
    SwvMembership,
    UserAccount,
    WebSession,
)
from zorgroute.notes.models import StudentNote
from zorgroute.organisations.models import Board, School, SchoolYear, Swv
from zorgroute.plans.models import (
    DevelopmentPerspective,
    DevelopmentPerspectiveVersion,
    GroupPlan,
    IndividualPlan,
    PlanAmendment,
    PlanRow,
)
from zorgroute.privacy.models import AccessGrant, Consent, Disclosure
from zorgroute.privacy.retention_models import LegalHold, RetentionPolicy
from zorgroute.roster.models import (
    Enrolment,
    ExternalRef,
    Group,
    Guardian,
    StaffMember,
    Student,
    StudentGuardian,
    TeachingAssignment,
)

# Tables that another package creates in our schema (procrastinate's job queue): Alembic's
# comparison of models and database leaves them alone.
FOREIGN_TABLE_PREFIXES = ("procrastinate_",)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic `include_name` hook: skip the tables (and their indexes) of other packages."""
    if type_ == "table" and name is not None:
        return not name.startswith(FOREIGN_TABLE_PREFIXES)
    return True


__all__ = [
    "AccessGrant",
    "ActionItem",
    "Application",
    "AssessmentResult",
    "AuditEvent",
    "Board",
    "CareCase",
    "CareMeeting",
    "CareMeetingMember",
    "CareRoute",
    "CaseConversation",
    "CaseDiscussion",
    "CaseEvent",
    "CaseRegistration",
    "CaseScreening",
    "ChoiceHourPolicy",
    "ChoiceHourRequest",
    "Consent",
    "CyclePeriod",
    "DevelopmentPerspective",
    "DevelopmentPerspectiveVersion",
    "Disclosure",
    "EducationalNeed",
    "Enrolment",
    "EnrolmentReview",
    "ExternalRef",
    "ExternalReferral",
    "Group",
    "GroupMeeting",
    "GroupOverview",
    "GroupPlan",
    "Guardian",
    "GuidanceCheckin",
    "GuidancePeriod",
    "HgwSettings",
    "IdempotencyRecord",
    "IndividualPlan",
    "IntegrationClient",
    "IntegrationClientSchool",
    "Intervention",
    "LegalHold",
    "MeetingDecision",
    "NeedsIntake",
    "Offering",
    "OfferingEnrolment",
    "OutboxEvent",
    "OutcomeMeasurement",
    "OverviewRow",
    "PlanAmendment",
    "PlanRow",
    "RetentionPolicy",
    "School",
    "SchoolMembership",
    "SchoolYear",
    "SelfAssessment",
    "Signal",
    "SkillObservation",
    "StaffMember",
    "Student",
    "StudentGuardian",
    "StudentNote",
    "SupportProfile",
    "Swv",
    "SwvMembership",
    "SwvRequest",
    "TeachingAssignment",
    "UserAccount",
    "WebSession",
    "include_name",
    "metadata",
    "rate_limit_bucket",
    "tenant_tables",
]
