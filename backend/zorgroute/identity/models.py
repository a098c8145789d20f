"""Who may call us: staff accounts with per-school roles, browser sessions, integration clients."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, DateTime, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TimestampMixin

STAFF_ROLES = (
    "teacher",
    "mentor",
    "intern_begeleider",
    "zorgcoordinator",
    "orthopedagoog",  # care-team members: orthopedagoog / psycholoog,
    "remedial_teacher",  # remedial teacher (RT'er),
    "school_social_worker",  # schoolmaatschappelijk werk
    "hb_specialist",
    "hb_coordinator",
    "team_leader",
    "school_leader",
    "privacy_officer",  # the school's privacy officer / FG contact: audit and inzage
    "external_partner",  # ZAT member, jeugdarts, SWV consultant: only through access grants
)
SWV_ROLES = ("swv_staff",)


def _role_check(roles: tuple[str, ...]) -> str:
    return "role in (" + ",".join(f"'{r}'" for r in roles) + ")"


class UserAccount(IdMixin, TimestampMixin, table=True):
    """A person who logs in through OpenID Connect, matched on (issuer, subject)."""

    __tablename__ = "user_account"
    __table_args__ = (UniqueConstraint("issuer", "subject"),)

    issuer: str = Field(sa_column=Column(String(300), nullable=False))
    subject: str = Field(sa_column=Column(String(300), nullable=False))
    display_name: str = Field(sa_column=Column(String(200), nullable=False))
    email: str | None = Field(default=None, sa_column=Column(String(300)))
    last_login_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class SchoolMembership(IdMixin, TimestampMixin, table=True):
    """A role of an account at one school. Roles come from our database, not from IdP claims.

    Not row-level secured: it is read to build the school context in the first place.
    """

    __tablename__ = "school_membership"
    __table_args__ = (
        UniqueConstraint("user_id", "school_id", "role"),
        CheckConstraint(_role_check(STAFF_ROLES), name="role"),
        {"info": {"tenant": False}},
    )

    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True)
    school_id: uuid.UUID = Field(foreign_key="school.id", index=True)
    role: str = Field(sa_column=Column(String(40), nullable=False))
    # The roster's staff member this account is at this school (for mentor/teacher relations).
    staff_member_id: uuid.UUID | None = Field(default=None)


class SwvMembership(IdMixin, TimestampMixin, table=True):
    __tablename__ = "swv_membership"
    __table_args__ = (
        UniqueConstraint("user_id", "swv_id", "role"),
        CheckConstraint(_role_check(SWV_ROLES), name="role"),
    )

    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True)
    swv_id: uuid.UUID = Field(foreign_key="swv.id", index=True)
    role: str = Field(sa_column=Column(String(40), nullable=False))


class WebSession(IdMixin, table=True):
    """A browser session. The cookie holds a random token; we store only its SHA-256."""

    __tablename__ = "web_session"

    token_hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True)
    csrf_token: str = Field(sa_column=Column(String(64), nullable=False))
    id_token: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    last_seen_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class IntegrationClient(IdMixin, TimestampMixin, table=True):
    """A registered system (LVS vendor, SWV system) calling with client-credentials tokens."""

    __tablename__ = "integration_client"
    __table_args__ = (UniqueConstraint("issuer", "client_id"),)

    issuer: str = Field(sa_column=Column(String(300), nullable=False))
    client_id: str = Field(sa_column=Column(String(200), nullable=False))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    # The most this client may ever do; a token's own scopes narrow it further.
    allowed_scopes: list[str] = Field(
        default_factory=list, sa_column=Column(ARRAY(String(60)), nullable=False)
    )
    active: bool = True


class IntegrationClientSchool(IdMixin, TimestampMixin, table=True):
    """The schools an integration client may touch (the school's authorisation of the vendor)."""

    __tablename__ = "integration_client_school"
    __table_args__ = (
        UniqueConstraint("client_id", "school_id"),
        {"info": {"tenant": False}},
    )

    client_id: uuid.UUID = Field(foreign_key="integration_client.id", index=True)
    school_id: uuid.UUID = Field(foreign_key="school.id", index=True)
