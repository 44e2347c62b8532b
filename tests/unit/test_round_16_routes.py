"""Round 16 of the simulated residents, routes and questions, in our own wordings: "escalate"
with no earlier complaint, a solicitor's letter of claim, several matters in one message (a
court claim, a rent rise, a fault beside them), and common questions that went unanswered."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers import asks_for_a_complaint, understand
from bot.casestore.services import CaseStore
from bot.policy import Answer, Policy
from bot.questions import answers_in
from bot.reply_dates import asks_when_due, day_told, reply_dates_line
from bot.triage import triage
from bot.triage.stage_2 import no_earlier_complaint, read_stage_2
from tests.unit.conftest import Match
from tests.unit.test_triage import parse_text

TODAY = date(2026, 12, 6)


# r16b-07: "what ref?? i never got no ref. ive rang about 6 times about my boiler ... i want to
# escalate it to someone higher up" was sent round Stage 2 and handed over.
@pytest.mark.parametrize(
    "text",
    [
        "ref?? never got given a ref. i phoned bout the damp loads, want it escalated higher",
        "I have not received any reference from you, I only rang the repairs line about my "
        "leak. Escalate it please",
        "caller has no ref, never been issued one - only phoned repairs re boiler x5, wants "
        "escalating to manager",
        "no ref mate i just reported the fence 4 times and nobody come. take it higher",
        "i never made a complaint before i only rang about the heating, this is my complaint now",
    ],
)
def test_no_reference_ever_given_and_only_a_repair_reported_is_no_stage_2(
    policy: Policy, text: str
) -> None:
    assert no_earlier_complaint(text, policy)
    ranking = {"escalate": 0.6, "dissatisfaction": 0.3, "service_request": 0.1}
    assert triage(parse_text(text, ranking, policy), policy).label == "complaint"


@pytest.mark.parametrize(
    "text",
    [
        "i never got a reference for my complaint, i want stage 2",
        "lost my ref but i want my complaint escalated",
        "i just rang to escalate my complaint",
        "CMP-2026-000012 stage 2 please",
    ],
)
def test_a_complaint_named_without_its_reference_is_still_stage_2(
    policy: Policy, text: str
) -> None:
    assert read_stage_2(text, policy) == "asks_for"


# r16b-04: a solicitor's letter of claim was told "a legal claim that has been filed at court".
@pytest.mark.parametrize(
    "text",
    [
        "We require the name of the officer handling this matter. Our client has had no reply "
        "to the letter of claim about the damp and the 20-day period has expired.",
        "Further to our Letter of Claim under the pre-action protocol for housing conditions, "
        "please confirm who deals with our client's disrepair claim.",
        "my solicitor sent you a letter of claim about the mould 6 weeks ago and no one has "
        "replied, who is dealing with it",
    ],
)
def test_a_letter_of_claim_is_no_claim_filed_at_court(policy: Policy, text: str) -> None:
    ranking = {"legal_proceedings": 0.6, "dissatisfaction": 0.4}
    result = triage(parse_text(text, ranking, policy), policy)
    assert result.exclusion_reason is None
    assert all(part.exclusion_reason != "legal_proceedings" for part in result.parts)


def test_a_claim_issued_at_court_is_still_the_legal_proceedings_ground(policy: Policy) -> None:
    text = "The county court hearing about my disrepair claim is next week, my solicitor says."
    ranking = {"legal_proceedings": 0.7, "dissatisfaction": 0.3}
    result = triage(parse_text(text, ranking, policy), policy)
    assert result.exclusion_reason == "legal_proceedings"


def test_the_letter_of_claim_is_answered_when_told(answers: dict[str, Answer]) -> None:
    text = "Our letter of claim was sent on 2 November. Please pass this to your legal team."
    found = [asked.answer.id for asked in answers_in(text, answers)]
    assert found == ["letter_of_claim"]
    assert "legal team will reply" in answers["letter_of_claim"].text


# r16b-11: a rent rise, an issued arrears claim and a back door that won't shut in one message.
@pytest.mark.parametrize(
    "court",
    [
        "Then the court papers came saying you are taking me to court for arrears.",
        "And now theres a possession claim for arrears of 500 even tho im paying extra.",
        "Also got a letter about an arrears claim at the county court.",
    ],
)
def test_a_court_claim_and_a_door_beside_a_rent_rise_are_each_a_part(
    policy: Policy, court: str
) -> None:
    text = (
        "I want to complain, my rent is going up 8 percent from april. "
        f"{court} My front door wont shut properly since the wind."
    )
    ranking = {"dispute_rent_level": 0.5, "dissatisfaction": 0.3, "service_request": 0.2}
    result = triage(parse_text(text, ranking, policy), policy)
    grounds = {part.exclusion_reason for part in result.parts}
    assert {"rent_or_charge_level", "legal_proceedings"} <= grounds | {result.exclusion_reason}
    assert any(part.label == "service_request" and "door" in part.text for part in result.parts[1:])


# r16b-06, r16b-15: a fault in the same sentence as a rent rise or neighbours' noise.
@pytest.mark.parametrize(
    ("text", "ranking", "fault"),
    [
        (
            "She asked me to help as her rent went up 15 pound a week and she thinks its "
            "wrong, and also the kitchen extractor fan has been broken since june",
            {"dispute_rent_level": 0.6, "dissatisfaction": 0.3, "service_request": 0.1},
            "fan",
        ),
        (
            "the lads upstairs play loud music every night, and my bathroom window won't close "
            "since the storm",
            {"report_asb": 0.6, "dissatisfaction": 0.25, "service_request": 0.15},
            "window",
        ),
        (
            "rent increase is too much plus the back door doesnt shut",
            {"dispute_rent_level": 0.6, "dissatisfaction": 0.2, "service_request": 0.2},
            "door",
        ),
    ],
)
def test_a_fault_joined_to_another_matter_is_noted_as_its_own_part(
    policy: Policy, text: str, ranking: dict[str, float], fault: str
) -> None:
    result = triage(parse_text(text, ranking, policy), policy)
    requests = [part for part in result.parts[1:] if part.label == "service_request"]
    assert requests and fault in requests[0].text
    # The other matter's part no longer quotes the fault.
    assert all(fault not in part.text for part in result.parts[1:] if part.label == "excluded")


# Questions that got "I can't answer that one".
@pytest.mark.parametrize(
    ("text", "answer_id"),
    [
        # r16b-11 t4: a possession hearing
        ("the court hearing is on 14 january, what do i do about that? i cant lose my flat",
         "court_hearing"),
        ("got court papers today for arrears, what should i do? scared ill be evicted",
         "court_hearing"),
        ("possession hearing next month wat do i do", "court_hearing"),
        # r16a-02 t5: how long a complaint takes, in ESL
        ("how long take a complaint? I want complaint yes", "complaint_timescales"),
        ("how long it take for complaint?", "complaint_timescales"),
        ("when should i have got a reply to my complaint?", "complaint_timescales"),
        # r16b-05: who deals with the music
        ("and what about the music, who deals with that", "asb_team"),
        ("THE MUSIC. he plays music til 3am. who do i tell", "asb_team"),
        ("the music from next door, who sorts that out?", "asb_team"),
        # r16a-09 t4: heaters, also in a call handler's note
        ("T wants boiler fixed + comp, also asks can she get heaters", "temporary_heaters"),
        ("can we have heaters till its fixed?", "temporary_heaters"),
        ("do you lend electric heaters", "temporary_heaters"),
        # r16b-10 t3-4: the council's housing list, not council tax or bins
        ("my phone 07700 900642. please what about the council list?", "lettings"),
        ("I GIVE you my phone number. and council list?", "lettings"),
        ("he is on the council list 2 year, can he get bigger house?", "lettings"),
        # r16b-14 t2
        ("why samaritans?? nobody is suicidal. yes note: T has dementia", "why_samaritans"),
        ("why did u say samaritans", "why_samaritans"),
        ("whats the samaritans thing for? no one is at risk", "why_samaritans"),
        # r16b-05 t5
        ("is noise something you deal with or the council??", "asb_team"),
        ("who do i talk to about noise from the flat above", "asb_team"),
    ],
)  # fmt: skip
def test_a_common_question_gets_its_answer(
    answers: dict[str, Answer], text: str, answer_id: str
) -> None:
    assert answers_in(text, answers)[0].answer.id == answer_id


def test_the_court_hearing_answer_says_what_to_do_now(answers: dict[str, Answer]) -> None:
    said = answers["court_hearing"].text
    for words in ("do not ignore", "rent team", "Shelter", "Citizens Advice", "go to the hearing"):
        assert words in said


def test_noise_from_a_boiler_is_no_asb_question(answers: dict[str, Answer]) -> None:
    found = answers_in("the boiler makes a noise, who deals with that?", answers)
    assert all(asked.answer.id != "asb_team" for asked in found)


# r16b-08 t4: "if i made it on 13 november when should i have got a reply by?"
@pytest.mark.parametrize(
    "text",
    [
        "if i made it on 13 november when should i have got a reply by?",
        "complained 13th nov, when shud i have heard back?",
        "i sent my complaint on 13/11 when should i get an answer",
        "what date should the reply come if i put it in on november 13",
    ],
)
def test_the_day_a_complaint_was_made_is_read_from_the_question(text: str) -> None:
    assert asks_when_due(text)
    assert day_told(text, TODAY) == date(2026, 11, 13)


def test_a_day_later_in_the_year_than_today_is_last_years() -> None:
    assert day_told("i complained on 20 december", TODAY) == date(2025, 12, 20)


def test_the_reply_dates_come_from_the_codes_clocks(policy: Policy) -> None:
    deadlines = CaseStore(lambda: None, policy).deadlines  # type: ignore[arg-type, return-value]
    said = reply_dates_line(date(2026, 11, 13), TODAY, deadlines)
    assert "acknowledged it by Friday 20 November 2026" in said
    assert "answer by Friday 4 December 2026" in said
    assert "late" in said and "Stage 2" in said
    on_time = reply_dates_line(date(2026, 12, 3), TODAY, deadlines)
    assert "late" not in on_time


# r16b-10 t1: "he is on council list 2 year. And the toilet is broken 2 weeks".
@pytest.mark.parametrize(
    "text",
    [
        "my brother is on council list 2 year. And the toilet is broken 2 weeks, no one come",
        "weve been on the housing register for 3 years and the boiler broke last week",
        "been bidding 2 years for a bigger place, anyway the sink is blocked since monday",
    ],
)
def test_time_on_a_housing_list_is_not_how_old_the_problem_is(match: Match, text: str) -> None:
    months = match(text).months_ago
    assert months is None or months < 12


# r16a-15 t1: "want a proper complaint" was offered the choice again.
@pytest.mark.parametrize(
    "text",
    [
        "omg the damp is back again 🤢 4th time, been on at u since may. want a proper complaint",
        "i want a proper complaint logged about the lift",
        "T wants a real complaint re no-shows",
        "I want to make a full complaint about how I was treated",
    ],
)
def test_a_proper_complaint_asked_for_is_the_choice_made(text: str) -> None:
    assert asks_for_a_complaint(text)


@pytest.mark.parametrize(
    "text", ["is this a proper complaint?", "i dont want a proper complaint, just fix it"]
)
def test_a_proper_complaint_asked_about_or_declined_is_no_choice(text: str) -> None:
    assert not asks_for_a_complaint(text)


# r16a-06 t8: "useless. im ringing the emergency number myself" was routed as a complaint.
@pytest.mark.parametrize(
    "text",
    [
        "useless. im ringing the emergency number myself",
        "Ridiculous! I'll phone the out of hours line then.",
        "pathetic. ill call the gas board myself",
        "disgusting!! ringing the council instead",
    ],
)
@pytest.mark.parametrize("top", ["service_request", "enquiry"])
def test_a_word_of_exasperation_is_no_complaint_part(policy: Policy, text: str, top: str) -> None:
    ranking = {top: 0.95, "dissatisfaction": 0.05}
    result = triage(parse_text(text, ranking, policy), policy)
    assert all(part.label != "complaint" for part in result.parts[1:])


def test_music_till_3am_beside_a_broken_lock_is_an_asb_part(policy: Policy) -> None:
    """r16b-05 t1: "also hes sick of the lad upstairs playing music til 3am" got no ASB route."""
    text = (
        "his front door lock is broken since friday, hes 88 and scared. also hes sick of the "
        "lad upstairs playing music til 3am every night"
    )
    ranking = {"service_request": 0.7, "dissatisfaction": 0.2, "report_asb": 0.1}
    result = triage(parse_text(text, ranking, policy), policy)
    assert any(part.exclusion_reason == "asb_report" for part in result.parts[1:])


@pytest.mark.parametrize(
    "ranking",
    [
        {"dissatisfaction": 0.97, "report_asb": 0.02, "service_request": 0.01},
        {"dispute_rent_level": 0.97, "dissatisfaction": 0.02, "service_request": 0.01},
    ],
)
def test_a_fault_beside_a_matter_we_may_not_take_is_noted_whatever_the_model_thinks(
    policy: Policy, ranking: dict[str, float]
) -> None:
    """r16b-11, r16b-15: the model gave the repair almost no weight, so the window and the door
    were not noted."""
    text = (
        "my rent is going up again from april. the neighbours play loud music most nights, and "
        "my bedroom window won't close since the wind. I told the officer and nothing happened"
    )
    result = triage(parse_text(text, ranking, policy), policy)
    requests = [part for part in result.parts[1:] if part.label == "service_request"]
    assert requests and requests[0].text.startswith("my bedroom window")
    for part in result.parts[1:]:
        assert not part.text.rstrip().endswith((",", " and", " also"))


@pytest.mark.parametrize(
    "text",
    [
        "Also my brother want to move to bigger house, he is on council list 2 year. And the "
        "toilet is broken 2 weeks, no one come. I want complain.",
        "toilet broken 2 weeks nobody came, i want to complain. also been on the councils list "
        "for ages for a bigger flat",
    ],
)
def test_the_council_list_beside_a_complaint_is_a_part_for_another_body(
    policy: Policy, text: str
) -> None:
    """r16b-10 t1: the housing register was not addressed beside the complaint."""
    ranking = {"dissatisfaction": 0.6, "make_complaint": 0.3, "service_request": 0.1}
    result = triage(parse_text(text, ranking, policy), policy)
    assert result.label == "complaint" and result.exclusion_reason is None
    assert any(part.exclusion_reason == "other_organisation" for part in result.parts[1:])


@pytest.mark.parametrize(
    "text",
    [
        "if i made my complaint on 13 november when should i have got a reply by?",
        "complained 2nd nov, when shud i have heard back?",
        "i put it in on 20/11, when is the reply due?",
    ],
)
def test_when_a_reply_was_due_is_answered_not_taken_for_a_status_check(
    answers: dict[str, Answer], text: str
) -> None:
    """r16b-08 t4 asked first: the model reads a status enquiry, whose form asks for the
    reference; the dates are what was asked."""
    understood = understand(None, text, "complaint_status", [], answers)
    assert (understood.kind, understood.value) == ("button", "/enquiry")
    with_reference = understand(None, f"{text} CMP-2026-000042", "complaint_status", [], answers)
    assert with_reference.kind == "none"
