"""Imports every table model so the metadata is complete (Alembic, tests, tenant listing)."""

from zorgroute.audit.models import AuditEvent
from zorgroute.core.idempotency import IdempotencyRecord
from zorgroute.core.models import metadata, tenant_tables
from zorgroute.core.ratelimit import rate_limit_bucket
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
from zorgroute.privacy.models import AccessGrant, Consent, Disclosure
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

__all__ = [
    "AccessGrant",
    "AuditEvent",
    "Board",
    "Consent",
    "Disclosure",
    "Enrolment",
    "ExternalRef",
    "Group",
    "Guardian",
    "IdempotencyRecord",
    "IntegrationClient",
    "IntegrationClientSchool",
    "School",
    "SchoolMembership",
    "SchoolYear",
    "StaffMember",
    "Student",
    "StudentGuardian",
    "StudentNote",
    "Swv",
    "SwvMembership",
    "TeachingAssignment",
    "UserAccount",
    "WebSession",
    "metadata",
    "rate_limit_bucket",
    "tenant_tables",
]
