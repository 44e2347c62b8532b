"""Issue 15, round 9 of the work: which excluded matters the doubt rule turns into complaints,
chosen by grouped cross-validation on the configured classifier's held-out
rankings (policy_rules/intents.yml, `doubt.grounds_not_offered`)."""

from __future__ import annotations

from bot.policy import Policy
from bot.triage import triage
from tests.unit.test_triage import parse_text


def test_the_codes_own_exclusions_and_a_staff_grievance_stay_proposed_exclusions_in_doubt(
    policy: Policy,
) -> None:
    """A matter the model reads as over 12 months, before a court or already through the
    process, or as a staff member's own grievance, stays a proposed exclusion for an officer at
    p(complaint) 0.3 (explained before the choice, as any excluded matter); the landlord's own
    routes (ASB here) are still read as complaints, since a complaint about how we handled them
    is common."""
    for intent, ground, text in (
        ("old_issue", "over_12_months",
         "Back in 2019 the kitchen refit was left unfinished and I'd like that looked at."),
        ("legal_proceedings", "legal_proceedings",
         "The disrepair over the damp is with the court now and I'd like you to look at it."),
        ("previously_considered", "previously_considered",
         "This is about the roof again, you dealt with it fully last year."),
        ("staff_employment", "staff_employment",
         "I work in your call centre and my overtime hasn't been paid for two months."),
    ):  # fmt: skip
        ranking = {intent: 0.6, "dissatisfaction": 0.3, "enquiry": 0.1}
        result = triage(parse_text(text, ranking, policy), policy)
        assert (result.label, result.exclusion_reason) == ("excluded", ground), text
    ranking = {"report_asb": 0.6, "dissatisfaction": 0.3, "enquiry": 0.1}
    asb = triage(parse_text("The people upstairs are up all hours.", ranking, policy), policy)
    assert asb.label == "complaint"
