"""The case store schema (SQLAlchemy Core). Changes go through Alembic migrations only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from bot.casestore.domain import factor_words


def factors_of(source: str) -> Callable[[Any], str]:
    """A column's default: the emails and phone numbers in the row's `source` column, in the one
    form they are compared in (`factor_words`), so SQL can find a person by them exactly. Set on
    insert; whatever later changes or empties the source sets this too."""

    def default(context: Any) -> str:
        return factor_words(context.get_current_parameters().get(source) or "")

    return default


def factors_column(name: str, source: str) -> Column:
    """The column `factors_of(source)` fills."""
    return Column(name, Text, nullable=False, default=factors_of(source), server_default="")


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(200), nullable=False, index=True),
    Column("channel", String(40), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("text", Text, nullable=False),
    factors_column("text_factors", "text"),
    Column("label", String(40), nullable=False),
    Column("intent", String(80), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("exclusion_reason", String(80)),
    Column("urgency", JSON, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("choice", String(20)),
    Column("choice_at", DateTime(timezone=True)),
    Column("service_area", String(80)),
    # The conversation turn the contact was recorded for: the safety check and triage of the
    # same message, or a retried action call, make one contact.
    Column("turn_key", String(300), unique=True),
    # The whole triage without special category data (TriageResult.as_stored), and the model
    # that parsed the message: staff see what was decided without parsing it again.
    Column("triage", JSON(none_as_null=True)),
    Column("model_version", String(200)),
)

complaints = Table(
    "complaints",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(20), unique=True),
    Column("handover_key", String(300), nullable=False, unique=True),
    Column("stage", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("conversation_id", String(200), nullable=False, index=True),
    Column("channel", String(40), nullable=False),
    Column("contact_id", ForeignKey("contacts.id")),
    # A Stage 1 complaint goes to Stage 2 once (6.10): a second Stage 2 of it cannot be stored.
    Column("escalated_from_id", ForeignKey("complaints.id"), unique=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("clock_start", Date, nullable=False),
    Column("acknowledgement_due", Date, nullable=False),
    Column("acknowledged_at", DateTime(timezone=True)),
    Column("response_due", Date, nullable=False),
    Column("extension_reason", Text),
    Column("extended_to", Date),
    # The job number of an earlier repair or request the complaint is about (1.5).
    Column("earlier_request", String(200)),
    Column("responded_at", DateTime(timezone=True)),
    Column("outcome", String(20)),
    Column("aspects", JSON, nullable=False),
    Column("outcomes", JSON, nullable=False),
    Column("still_happening", Boolean),
    Column("resident_words", Text, nullable=False),
    # What was said when Stage 2 was asked for, by whoever asked; the Stage 1 words stay as they
    # were (resident_words is copied from the Stage 1 complaint).
    Column("request_words", Text),
    Column("contact_name", String(200), nullable=False),
    Column("contact_details", String(300), nullable=False),
    factors_column("contact_factors", "contact_details"),
    Column("contact_preference", String(40), nullable=False),
    # Where to post letters, when the resident asked for letters.
    Column("postal_address", Text),
)

representatives = Table(
    "representatives",
    metadata,
    Column("id", Integer, primary_key=True),
    # Someone acts for a resident in a complaint, or in any other contact (a daughter reporting
    # her mother's repair); either way consent is recorded (1.3, 3.6).
    Column("complaint_id", ForeignKey("complaints.id"), index=True),
    Column("contact_id", ForeignKey("contacts.id"), index=True),
    Column("name", String(200), nullable=False),
    Column("relationship", String(80), nullable=False),
    Column("acting_for", String(200), nullable=False),
    Column("consent", String(20), nullable=False),
    Column("consent_at", DateTime(timezone=True)),
)

adjustments = Table(
    "adjustments",
    metadata,
    Column("id", Integer, primary_key=True),
    # An adjustment is agreed in a complaint, or on its own whenever a need is disclosed (5.10).
    Column("complaint_id", ForeignKey("complaints.id"), index=True),
    Column("contact_id", ForeignKey("contacts.id"), index=True),
    Column("need_id", String(80), nullable=False),
    Column("detail", Text, nullable=False),
    Column("agreed", Boolean, nullable=False),
    Column("review_due", Date, nullable=False),
    Column("disability_disclosed", Boolean, nullable=False),
    Column("consent_to_record", Boolean, nullable=False),
    Column("consent_at", DateTime(timezone=True)),
)

exclusion_proposals = Table(
    "exclusion_proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contact_id", ForeignKey("contacts.id"), nullable=False, unique=True),
    Column("ground", String(80), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("explained_at", DateTime(timezone=True), nullable=False),
    Column("ombudsman_signposted", Boolean, nullable=False),
    Column("decision", String(20), nullable=False),
    Column("decided_by", String(200)),
    Column("decided_at", DateTime(timezone=True)),
    Column("decision_reason", Text),
    Column("refusal_letter", Text),
)

adjustment_reviews = Table(
    "adjustment_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("adjustment_id", ForeignKey("adjustments.id"), nullable=False, index=True),
    Column("reviewed_at", DateTime(timezone=True), nullable=False),
    Column("officer", String(200), nullable=False),
    Column("note", Text, nullable=False),
    Column("next_review_due", Date, nullable=False),
)

service_requests = Table(
    "service_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contact_id", ForeignKey("contacts.id"), nullable=False, unique=True),
    Column("category", String(80), nullable=False),
    Column("urgent", Boolean, nullable=False),
    # What a team needs to do the job and tell the resident (Code 1.4, 5.10): empty when the
    # chat logged the request from one message.
    Column("description", Text, nullable=False, server_default=""),
    Column("property_address", Text, nullable=False, server_default=""),
    Column("contact_name", String(200), nullable=False, server_default=""),
    Column("contact_details", String(300), nullable=False, server_default=""),
    factors_column("contact_factors", "contact_details"),
    Column("contact_preference", String(40), nullable=False, server_default=""),
    Column("postal_address", Text, nullable=False, server_default=""),
    Column("access_times", Text, nullable=False, server_default=""),
    Column("job_number", String(80), nullable=False, server_default=""),
    # Set when the resident said the request is no longer needed ("cancel it please"), so the
    # team does not send anyone and the report does not count it as work to do.
    Column("cancelled_at", DateTime(timezone=True), nullable=True),
)

transcript_messages = Table(
    "transcript_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("complaint_id", ForeignKey("complaints.id"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("direction", String(10), nullable=False),
    Column("text", Text, nullable=False),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("kind", String(80), nullable=False),
    Column("subject", String(200), nullable=False, index=True),
    Column("detail", JSON, nullable=False),
)

handoffs = Table(
    "handoffs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(200), nullable=False, index=True),
    Column("channel", String(40), nullable=False),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("person_from", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),
    Column("picked_up_by", String(200)),
    Column("transcript", JSON, nullable=False),
    # When a person handed the conversation back to the assistant, or closed it.
    Column("ended_at", DateTime(timezone=True)),
    # Why it waits for a person when the resident did not ask for one (a Stage 2 request to
    # match); no personal data.
    Column("reason", String(200)),
)

# A live conversation with a person, after the handoff: what the resident and staff said, in the
# order the store took it. The unique (handoff, seq) pair means two messages written at once can
# never share a place, so none is lost or shown out of order.
live_messages = Table(
    "live_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("handoff_id", ForeignKey("handoffs.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("sender", String(10), nullable=False),
    Column("staff", String(200)),
    Column("text", Text, nullable=False),
    UniqueConstraint("handoff_id", "seq", name="uq_live_messages_handoff_id_seq"),
)

# Staff console (bot/console): accounts, server-side sessions and failed sign-ins. Passwords and
# session tokens are stored only as hashes.
staff_users = Table(
    "staff_users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
    # The second factor's shared secret (RFC 6238); an account made before second factors has
    # none and cannot sign in until `python -m bot staff second-factor NAME` gives it one.
    Column("totp_secret", String(32)),
    # The time step (RFC 6238, 30 seconds) of the last code accepted: a code is good once, so
    # one seen over someone's shoulder, or replayed, signs nobody in within its window.
    Column("totp_last_step", BigInteger),
    # The enrolment page's one-time link (its SHA-256 digest) until the person's app shows it
    # works or the link expires: the page shows the secret as a QR code to scan.
    Column("enrolment_token_hash", String(64), unique=True),
    Column("enrolment_expires_at", DateTime(timezone=True)),
    # What residents in a live chat call them; none set, the username's first part.
    Column("display_name", String(80)),
)

staff_sessions = Table(
    "staff_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("staff_id", ForeignKey("staff_users.id"), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True)),
)

# What a handler has typed on a call page and not yet logged, per call and per handler, so a
# choice button, a lapsed session or a closed tab loses nothing. Deleted when the call is logged.
call_drafts = Table(
    "call_drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contact_id", ForeignKey("contacts.id"), nullable=False, index=True),
    Column("staff", String(80), nullable=False),
    Column("fields", JSON, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("contact_id", "staff", name="uq_call_drafts_contact_id_staff"),
)

# Sign-in tries, each counted as failed until it succeeds, per username and client address
# (bot.console.accounts): the back-off reads them; a good sign-in clears the username's.
staff_sign_in_failures = Table(
    "staff_sign_in_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(80), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("address", String(64), nullable=False, server_default="", index=True),
)


hazard_clocks = Table(
    # Awaab's Law: a reported potential hazard starts legal clocks from when the landlord became
    # aware of it (policy_rules/hazards.yml).
    "hazard_clocks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contact_id", ForeignKey("contacts.id"), nullable=False, index=True),
    Column("category", String(80), nullable=False),
    Column("kind", String(80), nullable=False),
    Column("aware_at", DateTime(timezone=True), nullable=False),
    # Step id to when it is due: an ISO date-time for hours, an ISO date for working days.
    Column("due", JSON, nullable=False),
)

# Shared by every Rasa replica (bot/channels/shared.py): webhook events already handled, for
# replay protection, and each conversation's messages in the last minute, for the rate limit.
# Both hold only SHA-256 digests of the ids and are pruned as they expire.
seen_webhook_events = Table(
    "seen_webhook_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event", String(64), nullable=False, unique=True),
    Column("expires_at", Float, nullable=False, index=True),
)

recent_messages = Table(
    "recent_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender", String(64), nullable=False, index=True),
    Column("at", Float, nullable=False, index=True),
)
