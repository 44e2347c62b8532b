"""The console's checklist: what a handler must do for each kind of call, and words a caller
understands (the same reading ease the chat's replies must reach)."""

from __future__ import annotations

from dataclasses import replace

from bot.console.prompts import forms_open, prompts_for
from bot.policy import Policy
from bot.triage import Part, Reason, TriageResult

COMPLAINT = TriageResult(
    label="complaint", intent="complain_repairs", confidence=0.9, exclusion_reason=None,
    relationships=(), adjustments=(), urgency=(), references=(), outcomes=(),
    service_area="damp_and_mould", ongoing=True, months_ago=None,
    reasons=(Reason("1.2", "Expresses dissatisfaction"),),
)  # fmt: skip


def ids(result: TriageResult, policy: Policy) -> list[str]:
    return [prompt.id for prompt in prompts_for(result, policy)]


def test_a_complaint_gets_the_choice_and_the_adjustments_question(policy: Policy) -> None:
    assert ids(COMPLAINT, policy) == ["choice", "adjustments"]


def test_each_other_part_of_the_call_is_read_out_with_its_route(policy: Policy) -> None:
    rent = "My rent has gone up again"
    result = replace(
        COMPLAINT,
        parts=(
            Part("complaint", None, policy.parts.routes["complaint"], 0, 40, "x" * 40),
            Part("excluded", "rent_or_charge_level",
                 policy.grounds["rent_or_charge_level"].route, 41, 41 + len(rent), rent),
        ),
    )  # fmt: skip
    prompts = {p.id: p for p in prompts_for(result, policy)}
    assert ids(result, policy) == ["choice", "other_parts", "adjustments"]
    assert prompts["other_parts"].say == (
        f'"{rent}": {policy.grounds["rent_or_charge_level"].route}',
    )


def test_danger_comes_first_then_the_rest(policy: Policy) -> None:
    result = replace(COMPLAINT, urgency=("gas",), relationships=("family",),
                     adjustments=("hearing",))  # fmt: skip
    prompts = prompts_for(result, policy)
    assert [p.id for p in prompts] == ["emergency", "choice", "representative", "adjustments"]
    assert "0800 111 999" in prompts[0].say[0]
    assert policy.needs["hearing"].offer in prompts[-1].say


def test_an_old_matter_is_asked_about_explained_and_still_offered_the_choice(
    policy: Policy,
) -> None:
    result = replace(COMPLAINT, label="excluded", exclusion_reason="over_12_months")
    prompts = {p.id: p for p in prompts_for(result, policy)}
    assert list(prompts) == ["time_limit", "exclusion", "choice", "adjustments"]
    assert prompts["time_limit"].code == "2.3"
    assert any("Ombudsman" in line for line in prompts["exclusion"].say)
    assert "Do not refuse it" in prompts["exclusion"].task


def test_a_service_request_says_what_happens_next_and_offers_no_choice(policy: Policy) -> None:
    request = replace(COMPLAINT, label="service_request", reasons=())
    assert ids(request, policy) == ["adjustments", "next_steps"]
    unhappy = replace(
        request, reasons=(Reason("1.5", "Check an earlier request", offers_choice=True),)
    )
    assert "choice" in ids(unhappy, policy)


def test_a_first_asb_report_goes_to_the_asb_team_and_is_explained_only_if_they_complain(
    policy: Policy,
) -> None:
    report = replace(COMPLAINT, label="excluded", exclusion_reason="asb_report")
    assert ids(report, policy) == ["asb_route", "adjustments"]
    complained = [p.id for p in prompts_for(report, policy, choice="complaint")]
    assert complained == ["asb_route", "exclusion", "adjustments"]
    # Unhappy with how a report was handled is a complaint: explained, then the choice.
    handling = replace(report, label="complaint")
    assert ids(handling, policy) == ["exclusion", "choice", "adjustments"]


def test_the_complaint_form_starts_open_whenever_the_choice_is_offered_and_not_declined() -> None:
    """The page used its own test (a complaint or excluded label), so a request the caller is
    unhappy about was offered the choice with the complaint form shut."""
    request = replace(COMPLAINT, label="service_request", reasons=())
    unhappy = replace(
        request, reasons=(Reason("1.5", "Check an earlier request", offers_choice=True),)
    )
    assert forms_open(request, None) == (False, True)
    assert forms_open(unhappy, None) == (True, True)
    assert forms_open(unhappy, "no_complaint") == (False, True)
    assert forms_open(COMPLAINT, None) == (True, False)
    assert forms_open(COMPLAINT, "no_complaint") == (False, True)
    assert forms_open(COMPLAINT, None, with_errors="service") == (True, True)
