"""What the call handler must do and say for a triage result: a checklist, most urgent first.

The words to read out come from the same policy and replies the chat uses, so a caller hears
what a web chat user reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.casestore.domain import Choice, HazardClock
from bot.hazards import clock_lines
from bot.policy import Policy
from bot.policy.ids import ASB_REPORT, OVER_12_MONTHS
from bot.replies import (
    ASB_ROUTE,
    ASK_ADJUSTMENTS,
    CHECK_CONSENT,
    OFFER_CHOICE,
    PHONE_ENQUIRY,
    PHONE_REQUEST,
    exclusion_lines,
    label_lines,
    still_going_on_question,
    urgent_lines,
    whole_message,
)
from bot.triage import TriageResult

LABEL_IN_WORDS = {
    "complaint": "Complaint: the caller is unhappy with our service",
    "service_request": "Service request: the caller wants something done",
    "excluded": "May fall outside the complaints process",
    "escalation": "Stage 2: the caller wants their complaint reviewed",
    "other": "No complaint or request",
}
NEXT_STEPS_CODE = {"service_request": "1.4", "escalation": "6.10", "other": ""}


@dataclass(frozen=True)
class Prompt:
    """One thing the handler must do, the Code provision behind it (if any), and what to say."""

    id: str
    task: str
    code: str
    say: tuple[str, ...]


def forms_open(
    result: TriageResult, choice: Choice | None, with_errors: str = ""
) -> tuple[bool, bool]:
    """(complaint form, service request form): which of a call page's forms start open. The
    complaint form while a complaint is on offer and not declined (the chat's decision,
    `TriageResult.offers_complaint`) or once chosen; the service request form for a request, a
    first ASB report or a caller who declined. A form that came back with problems stays open."""
    complaint = (
        with_errors == "complaint"
        or choice == "complaint"
        or (result.offers_complaint and choice is None)
    )
    service = (
        with_errors == "service"
        or choice == "no_complaint"
        or result.label == "service_request"
        or result.first_asb_report
    )
    return complaint, service


def prompts_for(
    result: TriageResult, policy: Policy, clocks: Sequence[HazardClock] = (),
    choice: Choice | None = None,
) -> list[Prompt]:  # fmt: skip
    """`clocks` are the Awaab's Law clocks the contact started, read out as what happens next;
    `choice` is the caller's answer to the offer to complain, once recorded.

    Whether to offer the choice is the chat's decision too (`TriageResult.offers_complaint`). A
    first report of anti-social behaviour goes to the ASB team as a service request; a caller who
    then says they are unhappy with how a report was handled can be recorded as wanting to
    complain, and only then is it explained and passed to an officer. A caller who does not want
    to complain has nothing for an officer to decide."""
    prompts = []
    if result.urgent:
        prompts.append(
            Prompt("emergency", "Give the emergency route now, before anything else", "",
                   (*urgent_lines(result, policy), *clock_lines(clocks, policy, "resident")))
        )  # fmt: skip
    elif result.ask_about_danger:
        prompts.append(
            Prompt("safety_question", "Ask whether anyone is in danger right now", "",
                   (policy.safety.question_for(result.danger_in_doubt),))
        )  # fmt: skip
    if result.exclusion_reason == OVER_12_MONTHS:
        prompts.append(
            Prompt("time_limit", "Ask whether it is still happening, or only just found out",
                   "2.3", (still_going_on_question(policy),))
        )  # fmt: skip
    asb = result.first_asb_report
    if asb:
        ground = policy.grounds[ASB_REPORT]
        prompts.append(
            Prompt("asb_route", "Pass the report to the anti-social behaviour team: log it below "
                   "as a service request. If they are unhappy with how an earlier report was "
                   "handled, record that they want to complain", ground.provision,
                   (*ASB_ROUTE, ground.route))
        )  # fmt: skip
    if result.exclusion_reason is not None and (
        choice == "complaint" if asb else choice != "no_complaint"
    ):
        ground = policy.grounds[result.exclusion_reason]
        prompts.append(
            Prompt("exclusion", "Explain why it may fall outside the process. Do not refuse it",
                   f"{ground.provision}; 2.1, 2.4",
                   tuple(exclusion_lines(ground.id, policy, whole_message(result))))
        )  # fmt: skip
    if result.offers_complaint:
        prompts.append(
            Prompt("choice", "Offer the choice to make a complaint, and record the answer",
                   "1.3, 1.5", (OFFER_CHOICE,))
        )  # fmt: skip
    if result.parts[1:]:
        prompts.append(
            Prompt("other_parts", "Deal with the other parts of the call too", "2.1",
                   tuple(f'"{p.text}": {p.route}' for p in result.parts[1:]))
        )  # fmt: skip
    if result.representative:
        prompts.append(
            Prompt("representative", "Check the resident agrees to this person acting for them",
                   "1.3, 3.6", (CHECK_CONSENT,))
        )  # fmt: skip
    offers = tuple(policy.needs[n].offer for n in result.adjustments if n in policy.needs)
    prompts.append(
        Prompt("adjustments", "Ask about adjustments. Record a disability only with consent",
               "5.10", (ASK_ADJUSTMENTS, *offers))
    )  # fmt: skip
    if result.label in ("service_request", "escalation", "other"):
        prompts.append(
            Prompt("next_steps", "Tell the caller what happens next",
                   NEXT_STEPS_CODE[result.label], tuple(next_steps(result, policy)))
        )  # fmt: skip
    return prompts


def next_steps(result: TriageResult, policy: Policy) -> list[str]:
    """The chat's words, with a phone call's own where the chat's would not fit."""
    if result.label == "service_request":
        return [PHONE_REQUEST]
    if result.label == "other" and result.intent != "survey_feedback":
        return [PHONE_ENQUIRY]
    return label_lines(result, policy)
