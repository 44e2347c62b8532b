"""Everything a resident reads is plain English: short sentences, no internal jargon."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import get_args

import pytest
import textstat
import yaml

from bot import replies
from bot.calendar import WorkingCalendar
from bot.casestore.domain import Complaint, ComplaintDefinition, ServiceRequest
from bot.casestore.services import CaseStore
from bot.console.prompts import prompts_for
from bot.definition import DraftDefinition
from bot.hazards import clock_lines, hazard_clocks
from bot.policy import Policy, load_answers
from bot.policy.schema import Duration
from bot.recorded import Recorded, Subject, recorded_reply
from bot.replies import (
    ADDRESS_ASKED,
    ALREADY_SAYS,
    LOG_IT_CHECK,
    NO_ADJUSTMENTS_LINE,
    NO_NEW_COMPLAINT_LINE,
    REMOVED_LINE,
    STILL_GOING_ON_BUTTONS,
    adjustment_lines,
    adjustments_noted_line,
    automated_line,
    chat_exclusion_lines,
    chat_lines,
    complaint_logged_line,
    exclusion_lines,
    handoff_lines,
    kept_lines,
    label_lines,
    logged_lines,
    not_english_reply,
    ombudsman_line,
    other_language_lines,
    part_lines,
    phone_typed_wrong_line,
    request_contact_lines,
    request_lines,
    stage_2_for_an_officer,
    stage_2_for_an_officer_to_check,
    stage_2_lines,
    stage_2_not_yet_lines,
    status_text,
    status_without_reference,
    still_going_on_question,
    unmatched_stage_2_lines,
    unread_danger_line,
    urgent_logged_lines,
)
from bot.reply_dates import reply_dates_line
from bot.triage import Reason, TriageResult
from bot.triage.result import Part
from tests.conftest import ROOT

JARGON = re.compile(r"\b(triage|SR|stage 0|intent|NLU|slot|payload|escalation)\b", re.IGNORECASE)
MINIMUM_READING_EASE = 60
# Addresses and numbers are not prose: they are left out before the reading ease is scored.
CONTACT_DETAILS = re.compile(r"\S+@\S+|(https?://|www\.)\S+|\b0\d{3} \d{3} \d{3,4}\b")


def reading_ease(text: str) -> float:
    return float(textstat.flesch_reading_ease(CONTACT_DETAILS.sub("it", text)))


def resident_texts(policy: Policy) -> dict[str, str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    fill = {**vars(policy.landlord), "landlord_name": policy.landlord.name,
            "landlord_phone": policy.landlord.phone,
            # The resident's name a helper told (utter_ask_resident_address).
            "resident": "Grace Obi"}  # fmt: skip
    texts = {
        name: variant["text"].format(**fill)
        for name, variants in domain["responses"].items()
        for variant in variants
    }
    for ground in policy.grounds:
        texts[f"exclusion:{ground}"] = " ".join(exclusion_lines(ground, policy))
        texts[f"exclusion:{ground}:chat"] = " ".join(chat_exclusion_lines(ground, policy, None))
    for category in policy.urgency:
        texts[f"urgent:{category}"] = policy.urgent_route(category)
    texts["safety_question"] = policy.safety.question
    texts["safety_confirmed"] = policy.safety.confirmed
    aware = datetime(2026, 12, 4, 16, 0, tzinfo=timezone.utc)
    for kind, category in [("emergency", "gas"), ("significant_damp_mould", "damp_mould_health")]:
        clocks = hazard_clocks((category,), aware, policy, WorkingCalendar("england"))
        texts[f"awaabs_law:{kind}"] = " ".join(clock_lines(clocks, policy, "resident"))
    for need in policy.needs.values():
        texts[f"adjustment:{need.id}"] = need.offer
    for label, intent in [("service_request", "service_request"), ("escalation", "escalate"),
                          ("other", "survey_feedback"), ("other", "compliment"),
                          ("other", "enquiry")]:  # fmt: skip
        result = TriageResult(label, intent, 1.0, None, (), (), (), (), (), "general", False,  # type: ignore[arg-type]
                              None, ())  # fmt: skip
        texts[f"after:{intent}"] = " ".join(label_lines(result, policy))
        texts[f"chat_after:{intent}"] = " ".join(chat_lines(result, policy, None))
    for details, preference in [("07700 900456", "text"), (None, None)]:
        for urgent in (False, True):
            said = request_contact_lines(details, preference, date(2026, 12, 8), policy, urgent)
            texts[f"request_contact:{preference}:{urgent}"] = " ".join(said)
    texts["request_contact:to_a_person"] = " ".join(
        request_contact_lines("a@example.org", "email", date(2026, 12, 8), policy, to_a_person=True)
    )
    # WhatsApp asked for: texts instead, and said so (round 22 r22b-02 t5).
    texts["request_contact:whatsapp"] = " ".join(
        request_contact_lines("07700 900456", "text", date(2026, 12, 8), policy, whatsapp=True)
    )
    texts["ombudsman"] = ombudsman_line(policy)
    texts["phone_typed_wrong"] = phone_typed_wrong_line(12)
    several = TriageResult("complaint", "dissatisfaction", 1.0, None, (), (), (), (), (),  # type: ignore[arg-type]
                           "general", False, None, (), parts=(
        Part("complaint", None, "", 0, 10, "The leak is not fixed"),
        Part("excluded", "rent_or_charge_level", policy.grounds["rent_or_charge_level"].route,
             11, 40, "Our rent is going up"),
        Part("service_request", None, "Our repairs team will book it.", 41, 60, "fix my tap"),
    ))  # fmt: skip
    texts["other_parts"] = " ".join(part_lines(several, policy))
    for answer in load_answers(ROOT / "policy_rules", policy).values():
        texts[f"answer:{answer.id}"] = answer.text
    # The English part of the reply to a message in another language.
    texts["other_language"] = other_language_lines("pl", policy)[-1]
    texts["unread_danger"] = unread_danger_line(None, policy)
    texts["will_contact"] = policy.contact_line(True)
    texts["no_contact_details"] = policy.contact_line(False)
    texts["handoff_open"] = " ".join(handoff_lines(None, policy))
    closed_until = datetime(2026, 11, 30, 8, tzinfo=timezone.utc)
    texts["handoff_closed"] = " ".join(handoff_lines(closed_until, policy))
    for need in policy.needs:
        result = TriageResult("service_request", "service_request", 1.0, None, (), (need,), (),  # type: ignore[arg-type]
                              (), (), "general", False, None, ())  # fmt: skip
        texts[f"adjustment_offer:{need}"] = " ".join(adjustment_lines(result, policy))
    texts["read_back"] = DraftDefinition(
        "The mould came back and nobody came", True, "Fix the problem", None, "Sam",
        "sam@example.org", "email", None,
    ).read_back()  # fmt: skip
    texts["read_back_helper"] = DraftDefinition(
        "The stairlift is broken", True, "Fix it", "Mr Alan Fisher", "Richard Fisher",
        "07700 900321", "phone, after 5pm", None, consent=False,
    ).read_back()  # fmt: skip
    texts.update(built_in_python(policy))
    return texts


def built_in_python(policy: Policy) -> dict[str, str]:
    """The texts bot/replies.py builds for the chat, the status and Stage 2 answers and what a
    call handler reads out in the console."""
    complaint = Complaint(
        reference="CMP-2026-000042", stage=1, status="open", conversation_id="phone-1",
        channel="phone", received_at=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
        clock_start=date(2026, 3, 2), acknowledgement_due=date(2026, 3, 9),
        response_due=date(2026, 3, 23),
        definition=ComplaintDefinition(("damp",), ("put it right",), True, "damp"),
        contact_name="Sam", contact_details="sam@example.org", contact_preference="email",
    )  # fmt: skip
    stage_2 = replace(complaint, reference="CMP-2026-000043", stage=2)
    request = ServiceRequest("plumbing", False, "The kitchen tap drips", "1 High Street", "Sam",
                             "07700 900456", "text", access_times="mornings")  # fmt: skip
    texts = {
        "still_going_on": still_going_on_question(policy),
        "adjustments_noted": adjustments_noted_line(date(2026, 9, 1), known=True),
        "adjustments_noted_anonymous": adjustments_noted_line(date(2026, 9, 1), known=False),
        "no_adjustments": NO_ADJUSTMENTS_LINE,
        "removed_from_read_back": REMOVED_LINE,
        "already_in_read_back": ALREADY_SAYS,
        "address_asked_at_read_back": ADDRESS_ASKED,
        "log_it_check": LOG_IT_CHECK,
        "no_new_complaint": NO_NEW_COMPLAINT_LINE,
        "no_new_complaint_logged": replies.no_new_complaint_line(complaint.reference),
        "complaint_logged": complaint_logged_line(complaint),
        "kept_for_later": " ".join(kept_lines(policy)),
        "logged_read_out": " ".join(logged_lines(complaint, policy)),
        "unmatched_stage_2": " ".join(unmatched_stage_2_lines(policy)),
        "request_read_out": " ".join(request_lines(request, 7, policy, (), date(2026, 3, 4))),
        "urgent_read_out": " ".join(urgent_logged_lines(("flooding",), policy, ())),
        "status": status_text(complaint),
        "stage_2": " ".join(stage_2_lines(complaint, stage_2, already=False)),
        "stage_2_already": " ".join(stage_2_lines(complaint, stage_2, already=True)),
        "stage_2_not_yet": " ".join(stage_2_not_yet_lines(complaint)),
        "stage_2_for_an_officer": stage_2_for_an_officer(policy, details_given=True),
        "stage_2_to_check": stage_2_for_an_officer_to_check(policy, complaint),
        "status_without_reference": status_without_reference(policy),
    }
    for label in ("complaint", "service_request", "escalation", "other", "excluded"):
        result = TriageResult(
            label, "enquiry", 0.9, "over_12_months" if label == "excluded" else None,  # type: ignore[arg-type]
            ("carer",), ("interpreter",), ("flooding",), (), (), "general", True, None,
            (Reason("1.5", "Check an earlier request"),),
        )  # fmt: skip
        for prompt in prompts_for(result, policy):
            texts[f"read_out:{label}:{prompt.id}"] = " ".join(prompt.say)
    # A first ASB report goes to the ASB team, on a call and in the chat; a caller unhappy with
    # how a report was handled then hears the exclusion explained. A call with several parts.
    asb = TriageResult("excluded", "report_asb", 0.9, "asb_report", (), (), (), (), (),
                       "general", False, None, (), parts=(
        Part("excluded", "asb_report", "", 0, 30, "the neighbours are loud"),
        Part("excluded", "rent_or_charge_level", policy.grounds["rent_or_charge_level"].route,
             31, 60, "and my rent is going up"),
    ))  # fmt: skip
    for prompt in prompts_for(asb, policy, choice="complaint"):
        texts[f"read_out:asb:{prompt.id}"] = " ".join(prompt.say)
    texts["after:report_asb"] = " ".join(label_lines(asb, policy))
    texts["automated"] = automated_line(policy)
    texts["put_right_instead"] = replies.PUT_RIGHT_INSTEAD_LINE
    texts["unanswered_question"] = replies.unanswered_question_line(policy)
    texts["not_english"] = not_english_reply(policy)
    texts["details_seen"] = replies.DETAILS_SEEN_LINE
    texts["carry_on_here_button"] = replies.CARRY_ON_HERE_BUTTON["title"]
    texts["emergency_clock"] = " ".join(replies.emergency_clock_lines([], True, "0300 000 0999"))
    texts["complain_about_handling"] = replies.COMPLAIN_ABOUT_HANDLING
    texts["back_from_person"] = replies.BACK_FROM_PERSON_LINE
    texts["person_awaited"] = replies.PERSON_AWAITED_LINE
    texts["still_for_staff"] = replies.STILL_FOR_STAFF_LINE
    texts["complaint_not_logged_yet"] = replies.COMPLAINT_NOT_LOGGED_YET_LINE
    texts["complaint_kept"] = replies.COMPLAINT_KEPT_LINE
    texts["person_cancelled"] = replies.PERSON_CANCELLED_LINE
    texts["person_still_reads"] = replies.PERSON_STILL_READS_LINE
    texts["stage_2_who"] = replies.STAGE_2_WHO_LINE
    texts["nothing_asked"] = replies.NOTHING_ASKED_LINE
    texts["added_to_stage_2"] = replies.ADDED_TO_STAGE_2_LINE
    texts["thanks_while_awaited"] = replies.THANKS_WHILE_AWAITED_LINE
    texts["need_passed_on"] = replies.NEED_PASSED_ON_LINE
    texts["praise_passed_on"] = replies.PRAISE_PASSED_ON_LINE
    # Round 23: the address of the home for a job, and "no letters" said back.
    texts["address_not_read"] = replies.ADDRESS_NOT_READ
    texts["address_declined"] = replies.ADDRESS_DECLINED_LINE
    texts["address_noted"] = replies.address_noted_line("Flat 9, 12 Oak Road")
    texts["no_post"] = replies.NO_POST_LINE
    # Round 26: why the contact details or the address are asked for; the address for a letter.
    for form, text in replies.WHY_CONTACT_DETAILS.items():
        texts[f"why_contact_details:{form}"] = text
    for kind, text in replies.WHY_ADDRESS.items():
        texts[f"why_address:{kind}"] = text
    texts["letter_address_question"] = replies.LETTER_ADDRESS_QUESTION
    # Round 26: a Stage 2 request not sent or taken back, and Stage 2 offered after an unhappy
    # (or late) Stage 1 answer, with its button.
    for name in ("NO_STAGE_2_LINE", "STAGE_2_TAKEN_BACK_LINE", "STAGE_2_OFFER_LINE",
                 "STAGE_2_OFFER_LATE_LINE"):  # fmt: skip
        texts[name.lower()] = getattr(replies, name)
    texts["stage_2_offer_button"] = replies.STAGE_2_OFFER_BUTTONS[0]["title"]
    texts["withdrawal"] = replies.withdrawal_line("CMP-2026-000042")
    deadlines = CaseStore(lambda: None, policy).deadlines  # type: ignore[arg-type, return-value]
    texts["reply_dates_late"] = reply_dates_line(date(2026, 11, 13), date(2026, 12, 6), deadlines)
    # What the chat says it has recorded (bot/recorded.py), in each state it can be in.
    states = {
        "nothing": Recorded(),
        "under_way": Recorded(complaint_under_way=True),
        "logged": Recorded(complaint_reference="CMP-2026-000042", stage=1),
        "stage_2_asked": Recorded(stage_2_asked=True, details_held=True),
        "stage_2_asked_no_details": Recorded(stage_2_asked=True),
        "stage_2_under_way": Recorded(stage_2_under_way=True),
        "request_noted": Recorded(request_noted=True, details_held=True),
    }
    for state, recorded in states.items():
        for subject in get_args(Subject):
            texts[f"recorded:{subject}:{state}"] = recorded_reply(subject, recorded)
    for button in STILL_GOING_ON_BUTTONS:
        texts[f"button:{button['payload']}"] = button["title"]
    return texts


def sentences_kept_in(value: object) -> list[str]:
    """The sentences a constant of bot/replies.py holds (a text, texts, or button titles)."""
    if isinstance(value, str):
        return [value] if len(value.split()) > 2 else []
    if isinstance(value, dict):
        return [text for item in value.values() for text in sentences_kept_in(item)]
    if isinstance(value, (list, tuple)):
        return [
            text for item in value
            for text in sentences_kept_in(item["title"] if isinstance(item, dict) else item)
        ]  # fmt: skip
    return []


def test_every_sentence_bot_replies_keeps_is_checked(policy: Policy) -> None:
    """The texts checked here include every sentence kept in bot/replies.py, so a new one cannot
    miss the plain-English check (the first ASB report's route, said on calls and in the chat,
    did)."""
    checked = "\n".join(resident_texts(policy).values())
    kept = {
        name: text
        for name, value in vars(replies).items()
        if name.isupper()
        for text in sentences_kept_in(value)
    }
    assert {name: text for name, text in kept.items() if text not in checked} == {}


def test_every_resident_text_is_plain_english(policy: Policy) -> None:
    hard = {
        name: score
        for name, text in resident_texts(policy).items()
        if (score := reading_ease(text)) < MINIMUM_READING_EASE
    }
    assert hard == {}, f"Flesch reading ease below {MINIMUM_READING_EASE}: {hard}"


@pytest.mark.parametrize("name", ["utter_greet", "utter_iamabot", "handoff_open"])
def test_the_assistant_says_what_it_is_and_that_a_person_is_available(
    policy: Policy, name: str
) -> None:
    text = resident_texts(policy)[name]
    assert "automated assistant" in text or "member of our team" in text


def test_durations_are_said_as_the_policy_sets_them(policy: Policy) -> None:
    """With other timescales in policy_rules/, no text still says the shipped ones: "5 working
    days" and "12 months" come from the policy, not from literals in code or domain.yml. (A
    ground's explanation in exclusions.yml is the landlord's own wording, and Awaab's Law
    deadlines are hazards.yml's.)"""
    stages = {
        stage_id: replace(stage, acknowledge_within=Duration(7, "working_days"),
                          respond_within=Duration(13, "working_days"))
        for stage_id, stage in policy.stages.items()
    }  # fmt: skip
    other = replace(policy, time_limit=Duration(9, "months"), stages=stages)
    shipped = re.compile(r"\b(12 months|(5|10|20) working days)\b")
    said = {
        name: found.group()
        for name, text in resident_texts(other).items()
        if not name.startswith(("exclusion:", "awaabs_law:"))
        and not name.endswith(":exclusion")
        and (found := shipped.search(text))
    }
    assert said == {}
    assert "9 months" in resident_texts(other)["still_going_on"]


def test_no_internal_jargon(policy: Policy) -> None:
    jargon = {n: m.group() for n, t in resident_texts(policy).items() if (m := JARGON.search(t))}
    assert jargon == {}


def test_a_part_that_is_the_whole_message_is_not_quoted_back_as_something_else(
    policy: Policy,
) -> None:
    """ "how do i report anti social behaviour" was echoed as 'You also mentioned: "how do i
    report anti social behaviour"'."""
    message = "can you even complain about a rent increase"
    result = TriageResult("other", "enquiry", 1.0, None, (), (), (), (), (), "general", False,  # type: ignore[arg-type]
                          None, (), parts=(
        Part("other", None, "", 0, len(message), message),
        Part("excluded", "rent_or_charge_level", policy.grounds["rent_or_charge_level"].route,
             0, len(message), message),
    ))  # fmt: skip
    [line] = part_lines(result, policy)
    assert "You also mentioned" not in line
    assert line.startswith(policy.grounds["rent_or_charge_level"].explanation)


def test_a_request_noted_beside_another_part_is_told_in_whole_sentences(policy: Policy) -> None:
    """Round 8 r8a-07, r8b-12, r8b-14: "Our repairs and services team, who will book it as a
    request." stood alone as a broken sentence."""
    message = "the lift is broken again and I want to complain. the hall light is out too"
    start = message.index("the hall")
    result = TriageResult("dissatisfaction", "dissatisfaction", 1.0, None, (), (), (), (), (),  # type: ignore[arg-type]
                          "general", False, None, (), parts=(
        Part("dissatisfaction", None, "", 0, start, message[:start]),
        Part("service_request", None, policy.parts.routes["service_request"], start,
             len(message), message[start:]),
    ))  # fmt: skip
    [line] = part_lines(result, policy)
    assert "I have noted it as a request for our team. It goes to our repairs" in line
