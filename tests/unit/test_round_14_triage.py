"""Round 14 of the simulated residents (issue 15), in our own wordings: who a complaint is about
(our repairs team and office staff, a helper named beside it), a staff member's own grievance,
the call handler's "wants c/o", and a resident's own word that a message is no complaint."""

from __future__ import annotations

from bot.policy import Policy
from bot.triage import triage
from tests.unit.test_triage import parse_text


def test_a_complaint_about_our_repairs_team_is_ours_not_another_bodys(policy: Policy) -> None:
    """r14c-11: "I want to complain about the repairs team" was told it sounds like something
    another body looks after (the model leaned to other_organisation)."""
    ranking = {"dissatisfaction": 0.4, "other_organisation": 0.22, "old_issue": 0.2,
               "compliment": 0.08}  # fmt: skip
    text = "Your maintenance team left broken tiles all over my hall after the bathroom job."
    result = triage(parse_text(text, ranking, policy), policy)
    assert (result.label, result.exclusion_reason) == ("complaint", None)


def test_a_member_of_our_office_mocking_a_resident_is_a_complaint_not_asb(policy: Policy) -> None:
    """r14a-15: the man from our office laughing at her English was sent to the ASB team."""
    ranking = {"report_asb": 0.5, "dissatisfaction": 0.4, "enquiry": 0.1}
    text = "The lady from your office laughed at my accent when she came to inspect the flat."
    result = triage(parse_text(text, ranking, policy), policy)
    assert (result.label, result.exclusion_reason) == ("complaint", None)


def test_a_social_worker_named_as_someone_we_should_have_told_is_no_matter_for_another_body(
    policy: Policy,
) -> None:
    """r14a-11: "I want complain that nobody told me or his social worker" got a part for the
    council, the NHS or social care."""
    ranking = {"dissatisfaction": 0.7, "make_complaint": 0.21, "other_organisation": 0.04,
               "staff_employment": 0.02}  # fmt: skip
    text = "I want to complain that no one let me or her social worker know the boiler was off."
    result = triage(parse_text(text, ranking, policy), policy)
    assert result.label == "complaint"
    assert all(part.exclusion_reason is None for part in result.parts)


def test_a_staff_members_grievance_about_their_manager_goes_to_hr(policy: Policy) -> None:
    """r14b-17: a caretaker complaining about his manager docking his pay was logged as a
    resident's Stage 1 complaint with the Housing Ombudsman route."""
    ranking = {"staff_employment": 0.85, "service_request": 0.05, "make_complaint": 0.05,
               "dissatisfaction": 0.05}  # fmt: skip
    text = "I'm a cleaner for you and I want to complain about my manager, she docked my pay."
    result = triage(parse_text(text, ranking, policy), policy)
    assert (result.label, result.exclusion_reason) == ("excluded", "staff_employment")
    assert not result.offers_complaint


def test_a_call_handler_writing_wants_c_o_is_offered_the_complaint(policy: Policy) -> None:
    """r14c-20: "caller ... re damp bathroom, wants c/o." was logged as a request."""
    ranking = {"service_request": 0.33, "old_issue": 0.2, "escalate": 0.17,
               "dissatisfaction": 0.16, "enquiry": 0.14}  # fmt: skip
    text = "caller re mould in kitchen, wants c/o. also asked about bin day"
    assert triage(parse_text(text, ranking, policy), policy).label == "complaint"


def test_a_resident_who_says_it_is_no_complaint_is_not_offered_one_in_doubt(
    policy: Policy,
) -> None:
    """r14b-14, r14b-13, r14b-12: "not complaining, wants engineer asap", "I don't want a
    complaint" and "how do i complain to the ombudsman" (asked as a question) were offered the
    choice to complain; unhappy words beside them still count."""
    for text, ranking in (
        ("caller, 82, c/o no heating 2 days, not complaining, wants eng asap",
         {"service_request": 0.56, "dissatisfaction": 0.41, "enquiry": 0.03}),
        ("I don't want a complaint, I only want the fence panel put back",
         {"service_request": 0.6, "dissatisfaction": 0.3, "enquiry": 0.1}),
        ("just wondering how do i complain to the ombudsman, nothing is wrong",
         {"enquiry": 0.64, "make_complaint": 0.12, "dissatisfaction": 0.09, "deny": 0.15}),
    ):  # fmt: skip
        assert triage(parse_text(text, ranking, policy), policy).label != "complaint", text
    unhappy = "not complaining but this is the third time nobody turned up"
    ranking = {"service_request": 0.56, "dissatisfaction": 0.41, "enquiry": 0.03}
    assert triage(parse_text(unhappy, ranking, policy), policy).label == "complaint"


def test_a_neighbours_threats_read_as_asb_stay_with_the_asb_team(policy: Policy) -> None:
    """The despair rule (round 14) turned an ASB report with threats into a request on the real
    messages cross-validated: the ASB route already names 999 and 101."""
    ranking = {"report_asb": 0.76, "service_request": 0.11, "dissatisfaction": 0.06,
               "enquiry": 0.07}  # fmt: skip
    text = "The man upstairs has started threatening me on the stairs and I don't feel safe."
    result = triage(parse_text(text, ranking, policy), policy)
    assert "threat_of_violence" in result.urgency
    assert (result.label, result.exclusion_reason) == ("excluded", "asb_report")
