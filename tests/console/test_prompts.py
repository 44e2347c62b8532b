"""The console's checklist: what a handler must do for each kind of call, and words a caller
understands (the same reading ease the chat's replies must reach)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from bot.casestore.domain import Complaint, ComplaintDefinition
from bot.console.prompts import kept_lines, logged_lines, prompts_for, unmatched_stage_2_lines
from bot.policy import Policy
from bot.triage import Part, Reason, TriageResult
from tests.unit.test_resident_wording import JARGON, MINIMUM_READING_EASE, reading_ease

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
    unhappy = replace(request, reasons=(Reason("1.5", "Check an earlier request"),))
    assert "choice" in ids(unhappy, policy)


@pytest.mark.parametrize("label", ["complaint", "service_request", "escalation", "other"])
def test_every_word_a_handler_reads_out_is_plain_english(policy: Policy, label: str) -> None:
    result = replace(COMPLAINT, label=label, urgency=("flooding",), relationships=("carer",),
                     adjustments=("interpreter",))  # type: ignore[arg-type]  # fmt: skip
    complaint = Complaint(
        reference="CMP-2026-000042", stage=1, status="open", conversation_id="phone-1",
        channel="phone", received_at=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
        clock_start=date(2026, 3, 2), acknowledgement_due=date(2026, 3, 9),
        response_due=date(2026, 3, 23),
        definition=ComplaintDefinition(("damp",), ("put it right",), True, "damp"),
        contact_name="Sam", contact_details="sam@example.org", contact_preference="email",
    )  # fmt: skip
    stage_2 = replace(complaint, reference="CMP-2026-000043", stage=2)
    texts = [" ".join(p.say) for p in prompts_for(result, policy)]
    texts.append(" ".join(logged_lines(complaint, policy)))
    texts.append(" ".join(logged_lines(stage_2, policy, stage_1=complaint)))
    texts.append(" ".join(kept_lines(policy)))
    texts.append(" ".join(unmatched_stage_2_lines(policy)))
    for text in texts:
        assert reading_ease(text) >= MINIMUM_READING_EASE, text
        assert not JARGON.search(text), text
