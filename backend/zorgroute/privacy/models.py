"""Consent (toestemming), disclosures (verstrekkingen) and time-boxed access grants."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Index,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field

from zorgroute.core.models import IdMixin, TenantMixin, TimestampMixin, VersionMixin

# What a consent covers. Every purpose takes data outside the mentor's own class.
PURPOSES = (
    "discuss_care_team",  # bespreken in het intern zorgoverleg / leerlingbespreking
    "register_zat",  # aanmelden bij het ZAT / ondersteuningsteam
    "share_swv",  # gegevens delen met het samenwerkingsverband
    "share_external",  # delen met een genoemde externe organisatie
    "transfer_next_school",  # overdracht aan de volgende school (PO→VO, VO→MBO)
)
GIVEN_BY = ("guardian", "student")
METHODS = ("conversation", "signed_form", "digital_form")
RECIPIENT_KINDS = ("care_team", "zat", "swv", "external_organisation", "next_school")
# Grounds that allow a disclosure without consent; each needs a written explanation.
LEGAL_GROUNDS = (
    "vital_interest",  # the safety of the student or others (AVG art. 6(1)(d); meldcode)
    "legal_obligation",  # a statutory duty (leerplicht, Veilig Thuis, onderwijskundig rapport)
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in (" + ",".join(f"'{v}'" for v in values) + ")"


class Consent(IdMixin, TenantMixin, TimestampMixin, VersionMixin, table=True):
    """A recorded decision of a parent with parental authority, or of a student of 16 or older,
    about one purpose (and, for share_external, one named recipient). Withdrawal is a new fact on
    the same row (withdrawn_at): the history stays readable."""

    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint(_in("purpose", PURPOSES), name="purpose"),
        CheckConstraint(_in("given_by", GIVEN_BY), name="given_by"),
        CheckConstraint(_in("method", METHODS), name="method"),
        CheckConstraint("(given_by = 'guardian') = (guardian_id is not null)", name="guardian"),
        CheckConstraint("(purpose = 'share_external') = (recipient is not null)", name="recipient"),
        Index("ix_consent_student", "school_id", "student_id", "purpose"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id", nullable=False)
    purpose: str = Field(sa_column=Column(String(30), nullable=False))
    recipient: str | None = Field(default=None, sa_column=Column(String(200)))
    granted: bool = Field(sa_column=Column(Boolean, nullable=False))
    given_by: str = Field(sa_column=Column(String(10), nullable=False))
    guardian_id: uuid.UUID | None = Field(default=None, foreign_key="guardian.id")
    method: str = Field(sa_column=Column(String(20), nullable=False))
    given_on: date = Field(sa_column=Column(Date, nullable=False))
    note: str | None = Field(default=None, sa_column=Column(Text))
    recorded_by: str = Field(sa_column=Column(String(200), nullable=False))
    withdrawn_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    withdrawn_by: str | None = Field(default=None, sa_column=Column(String(200)))
    withdrawal_note: str | None = Field(default=None, sa_column=Column(Text))


class Disclosure(IdMixin, TenantMixin, TimestampMixin, table=True):
    """A verstrekking: data about a student going to a party outside the school, on the basis
    of a consent or a documented legal ground. Insert-only."""

    __tablename__ = "disclosure"
    __table_args__ = (
        CheckConstraint(_in("recipient_kind", RECIPIENT_KINDS), name="recipient_kind"),
        CheckConstraint(_in("purpose", PURPOSES), name="purpose"),
        CheckConstraint("(consent_id is not null) <> (legal_ground is not null)", name="one_basis"),
        CheckConstraint(
            "legal_ground is null or " + _in("legal_ground", LEGAL_GROUNDS), name="legal_ground"
        ),
        Index("ix_disclosure_student", "school_id", "student_id", "created_at"),
    )

    student_id: uuid.UUID = Field(foreign_key="student.id", nullable=False)
    purpose: str = Field(sa_column=Column(String(30), nullable=False))
    recipient_kind: str = Field(sa_column=Column(String(30), nullable=False))
    recipient_name: str = Field(sa_column=Column(String(200), nullable=False))
    data_categories: list[str] = Field(sa_column=Column(ARRAY(String(40)), nullable=False))
    consent_id: uuid.UUID | None = Field(default=None, foreign_key="consent.id")
    legal_ground: str | None = Field(default=None, sa_column=Column(String(30)))
    explanation: str | None = Field(default=None, sa_column=Column(Text))
    disclosed_by: str = Field(sa_column=Column(String(200), nullable=False))


class AccessGrant(IdMixin, TenantMixin, TimestampMixin, table=True):
    """Time-boxed access of an external partner (ZAT member, jeugdarts, SWV consultant) to one
    student's dossier. It ends by itself at valid_until, when revoked, or when the consent it
    rests on is withdrawn."""

    __tablename__ = "access_grant"
    __table_args__ = (
        CheckConstraint("valid_until > valid_from", name="period"),
        Index("ix_access_grant_user", "school_id", "user_id", "valid_until"),
    )

    user_id: uuid.UUID = Field(foreign_key="user_account.id", nullable=False)
    student_id: uuid.UUID = Field(foreign_key="student.id", nullable=False)
    consent_id: uuid.UUID = Field(foreign_key="consent.id", nullable=False)
    # A case grant (zorgtraject): the partner sees this case of the student, not the others.
    case_id: uuid.UUID | None = Field(
        default=None, foreign_key="care_case.id", index=True, ondelete="CASCADE"
    )
    purpose: str = Field(sa_column=Column(String(30), nullable=False))
    valid_from: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    valid_until: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    granted_by: str = Field(sa_column=Column(String(200), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
