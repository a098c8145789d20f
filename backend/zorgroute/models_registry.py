"""Imports every table model so the metadata is complete (Alembic, tests, tenant listing)."""

from zorgroute.audit.models import AuditEvent
from zorgroute.core.idempotency import IdempotencyRecord
from zorgroute.core.models import metadata, tenant_tables
from zorgroute.identity.models import (
    IntegrationClient,
    IntegrationClientSchool,
    SchoolMembership,
    SwvMembership,
    UserAccount,
    WebSession,
)
from zorgroute.organisations.models import Board, School, SchoolYear, Swv
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
    "AuditEvent",
    "Board",
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
    "Swv",
    "SwvMembership",
    "TeachingAssignment",
    "UserAccount",
    "WebSession",
    "metadata",
    "tenant_tables",
]
