"""Round 12's triage faults in the pure decision: a complaint about how earlier ASB reports
were handled, a status question with a complaint reference, a staff member's own grievance,
and a Stage 2 request that mentions the first complaint."""

from __future__ import annotations

from bot.policy import Policy
from bot.triage import TriageResult, triage
from bot.triage.stage_2 import no_earlier_complaint
from tests.unit.test_triage import parse_text


def triaged(text: str, ranking: dict[str, float], policy: Policy) -> TriageResult:
    return triage(parse_text(text, ranking, policy), policy)


def test_a_complaint_about_how_asb_reports_were_handled_is_no_new_asb_report(
    policy: Policy,
) -> None:
    """Round 12 r12b-07: the barking and threats were reported to our ASB officer months ago and
    nothing happened; that is a complaint about the handling (1.2), and the earlier report is
    not offered to the ASB team as a new one. A new report beside a complaint still is."""
    ranking = {"dissatisfaction": 0.6, "report_asb": 0.3, "service_request": 0.1}
    handled = triaged(
        "I reported my neighbours dog barking and them threatening me to your ASB team in May and "
        "nothing has been done, nobody rang me back. It's a disgrace how you have dealt with it.",
        ranking, policy,
    )  # fmt: skip
    assert handled.label == "complaint"
    assert [p.exclusion_reason for p in handled.parts] == [None]
    beside = triaged(
        "Your repairs team left my kitchen half finished and I am fed up. "
        "Also my neighbours dog is barking all night and they keep threatening me.",
        ranking, policy,
    )  # fmt: skip
    assert "asb_report" in [p.exclusion_reason for p in beside.parts]


def test_a_status_question_with_a_reference_is_not_offered_a_new_complaint(
    policy: Policy,
) -> None:
    """Round 12: a first message naming a logged complaint by its reference and asking what is
    happening with it is a status question, not a possible new complaint; without a reference
    the doubt rule still offers the choice."""
    ranking = {"complaint_status": 0.7, "dissatisfaction": 0.2, "service_request": 0.1}
    text = "I put in a complaint about the broken fence{}. What's happening with it?"
    with_reference = triaged(text.format(", reference CMP-2026-000077"), ranking, policy)
    assert (with_reference.label, with_reference.offers_complaint) == ("other", False)
    assert triaged(text.format(""), ranking, policy).label == "complaint"


def test_a_staff_members_own_grievance_is_not_offered_a_residents_complaint(
    policy: Policy,
) -> None:
    """Round 12 r12b-21: someone who works for us and has trouble with their line manager is
    told about HR and Acas, and is not offered the residents' complaint after it. A resident's
    complaint about how our staff behaved is still offered."""
    ranking = {"staff_employment": 0.55, "dissatisfaction": 0.4, "enquiry": 0.05}
    grievance = (
        "I'm a cleaner for you and my line manager keeps moving my hours with no notice "
        "and talks down to me. Who should I go to?"
    )
    result = triaged(grievance, ranking, policy)
    assert (result.label, result.exclusion_reason) == ("excluded", "staff_employment")
    assert not result.offers_complaint
    resident = "Your housing officer was rude to me on the phone and hung up on me."
    assert triaged(resident, ranking, policy).offers_complaint


def test_a_stage_2_request_that_mentions_the_first_complaint_stays_stage_2(
    policy: Policy,
) -> None:
    """Cross-validation on the real messages (issue 15): "I left the rats out of my first
    complaint" names an earlier complaint, so a request for Stage 2 beside it is not a new
    complaint; "this is my first complaint" still says there is none."""
    for earlier in (
        "Please take my complaint to stage 2, and add the rats: I left them out of my first "
        "complaint.",
        "Since my first complaint was closed nothing has changed, I want the next stage.",
    ):
        assert not no_earlier_complaint(earlier, policy), earlier
        ranking = {"escalate": 0.7, "dissatisfaction": 0.3}
        assert triaged(earlier, ranking, policy).label == "escalation"
    assert no_earlier_complaint("this is my first complaint, I want it escalated", policy)
