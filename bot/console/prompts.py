"""What the call handler must do and say for a triage result: a checklist, most urgent first.

The words to read out come from the same policy and replies the chat uses, so a caller hears
what a web chat user reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.casestore.domain import Choice, Complaint, HazardClock, ServiceRequest
from bot.console.forms import ASB, first_asb_report
from bot.definition import long_date
from bot.hazards import clock_lines
from bot.policy import Policy
from bot.policy.ids import OVER_12_MONTHS, STAGE_1, STAGE_2
from bot.replies import exclusion_lines, label_lines, ombudsman_line, urgent_lines
from bot.triage import TriageResult

LABEL_IN_WORDS = {
    "complaint": "Complaint: the caller is unhappy with our service",
    "service_request": "Service request: the caller wants something done",
    "excluded": "May fall outside the complaints process",
    "escalation": "Stage 2: the caller wants their complaint reviewed",
    "other": "No complaint or request",
}
OFFER_CHOICE = (
    "I'm sorry things have gone wrong. You can make a formal complaint, and we will give you a "
    "reference and dates for our reply. Or we can try to put it right without a formal "
    "complaint. Either way, any repair you have with us carries on. Which would you like?"
)
STILL_HAPPENING = "Is it still happening? Or did you only find out about it in the last 12 months?"
ASK_ADJUSTMENTS = (
    "Is there anything that would make it easier for you to deal with us? For example large "
    "print, an interpreter, easy read, or more time."
)
CHECK_CONSENT = (
    "Has the resident agreed to you acting for them? If not yet, we will check with them before "
    "we share their personal details with you."
)

NEXT_STEPS_CODE = {"service_request": "1.4", "escalation": "6.10", "other": ""}
ASB_ROUTE = (
    "Thank you for telling us. Our anti-social behaviour team deals with reports like this: it "
    "is the quickest way to get it looked into. I'll pass it to them now.",
    "If you are unhappy with how we handled an earlier report, that can be a complaint.",
)
PHONE_REQUEST = (
    "Thank you. I'll log this as a request for our team now, and tell you what happens next "
    "and when."
)
PHONE_ENQUIRY = (
    "Thank you. I'll pass your question to the team who deal with it, and they will get back "
    "to you. If it is about something going wrong, you can also make a complaint."
)


@dataclass(frozen=True)
class Prompt:
    """One thing the handler must do, the Code provision behind it (if any), and what to say."""

    id: str
    task: str
    code: str
    say: tuple[str, ...]


def prompts_for(
    result: TriageResult, policy: Policy, clocks: Sequence[HazardClock] = (),
    choice: Choice | None = None,
) -> list[Prompt]:  # fmt: skip
    """`clocks` are the Awaab's Law clocks the contact started, read out as what happens next;
    `choice` is the caller's answer to the offer to complain, once recorded.

    A first report of anti-social behaviour goes to the ASB team as a service request; only a
    caller who wants to complain (about how a report was handled) is passed to an officer. A
    caller who does not want to complain has nothing for an officer to decide."""
    prompts = []
    if result.urgent:
        prompts.append(
            Prompt("emergency", "Give the emergency route now, before anything else", "",
                   (*urgent_lines(result, policy), *clock_lines(clocks, policy, "resident")))
        )  # fmt: skip
    elif result.ask_about_danger:
        prompts.append(
            Prompt("safety_question", "Ask whether anyone is in danger right now", "",
                   (policy.safety.question,))
        )  # fmt: skip
    if result.exclusion_reason == OVER_12_MONTHS:
        prompts.append(
            Prompt("time_limit", "Ask whether it is still happening, or only just found out",
                   "2.3", (STILL_HAPPENING,))
        )  # fmt: skip
    asb = first_asb_report(result)
    if asb:
        ground = policy.grounds[ASB]
        prompts.append(
            Prompt("asb_route", "Pass the report to the anti-social behaviour team: log it below "
                   "as a service request", ground.provision, (*ASB_ROUTE, ground.route))
        )  # fmt: skip
    if result.exclusion_reason is not None and (
        choice == "complaint" if asb else choice != "no_complaint"
    ):
        ground = policy.grounds[result.exclusion_reason]
        prompts.append(
            Prompt("exclusion", "Explain why it may fall outside the process. Do not refuse it",
                   f"{ground.provision}; 2.1, 2.4", tuple(exclusion_lines(ground.id, policy)))
        )  # fmt: skip
    if result.label in ("complaint", "excluded") or any(r.code == "1.5" for r in result.reasons):
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


def request_lines(
    request: ServiceRequest, call: int, policy: Policy, clocks: Sequence[HazardClock],
    contact_by: date,
) -> list[str]:  # fmt: skip
    """What to read out once a service request is logged: what was logged, what happens next and
    by when (the Awaab's Law dates when they apply), and how we will be in touch."""
    landlord = policy.landlord
    if request.category == ASB:
        opening = "I've passed your report to our anti-social behaviour team."
        danger = "If anyone is in danger, call 999."
    else:
        opening = f"I've logged your {'urgent ' if request.urgent else ''}request."
        danger = (
            f"If it gets worse, call our emergency repairs line on "
            f"{landlord.emergency_repairs_phone}, or 999 if anyone is in danger."
        )
    lines = [f"{opening} Your call number is {call}."]
    lines += clock_lines(clocks, policy, "resident")
    if request.urgent:
        lines.append(f"Because it is urgent, the team will contact you today. {danger}")
    else:
        lines.append(f"The team will contact you by {long_date(contact_by)} to arrange what "
                     f"happens next. {danger}")  # fmt: skip
    if request.access_times:
        lines.append(f"We have noted when you are in: {request.access_times}.")
    if request.postal_address:
        lines.append(f"We will write to you at {request.postal_address}.")
    else:
        lines.append(f"We will contact you by {request.contact_preference} on "
                     f"{request.contact_details}.")  # fmt: skip
    lines.append("If you are unhappy with how it goes, tell us and you can make a complaint.")
    return lines


def urgent_logged_lines(
    urgency: Sequence[str], policy: Policy, clocks: Sequence[HazardClock]
) -> list[str]:
    """Read out with a logged complaint when the call also told of danger: it is followed up
    today, apart from the complaint, and by when the law says."""
    if not urgency:
        return []
    return [
        "What you told me about the danger in your home is also passed to our team to follow "
        "up today, separately from your complaint.",
        *clock_lines(clocks, policy, "resident"),
    ]


def logged_lines(
    complaint: Complaint, policy: Policy, stage_1: Complaint | None = None
) -> list[str]:
    """What to read out once a complaint is logged, or taken to Stage 2 from `stage_1`: the
    reference and the Code's dates (6.2, 6.3; 6.11, 6.14)."""
    if stage_1 is None:
        opening = f"Your complaint is now logged. Your reference is {complaint.reference}."
    else:
        opening = (
            f"Your complaint {stage_1.reference} is now at Stage 2, where we look at it again. "
            f"Your Stage 2 reference is {complaint.reference}."
        )
    return [
        opening,
        f"We will confirm we have your complaint by {long_date(complaint.acknowledgement_due)}.",
        f"We will send you our {'full' if complaint.stage == 1 else 'final'} reply by "
        f"{long_date(complaint.response_due)} at the latest. If we need more time, we will tell "
        "you why and give you a new date.",
        ombudsman_line(policy),
    ]


def kept_lines(policy: Policy) -> list[str]:
    """What to read out when the complaint is saved but the case store is not answering: the
    chat's `utter_complaint_kept_for_later`, for the phone. It is logged, once, when the store is
    back, dated from when the caller told us."""
    acknowledge_within = policy.stages[STAGE_1].acknowledge_within
    return [
        "I have saved your complaint. Our complaints system is not working right now, so I "
        "can't give you a reference yet.",
        f"Your complaint counts from today. We will send you the reference when we confirm we "
        f"have your complaint, within {acknowledge_within}.",
        "You don't need to call us again about it.",
        ombudsman_line(policy),
    ]


def unmatched_stage_2_lines(policy: Policy) -> list[str]:
    """What to read out when no single complaint matches a Stage 2 request: an officer finds it."""
    acknowledge_within = policy.stages[STAGE_2].acknowledge_within
    return [
        "I can't match those details to one complaint, but you don't need to do anything more.",
        "A complaints officer will find your complaint and move it to Stage 2. They will write "
        f"to you with the dates within {acknowledge_within}.",
        ombudsman_line(policy),
    ]
