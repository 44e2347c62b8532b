"""Round 18-19: dissatisfaction told while a request's questions are open is heard, and the
choice to complain follows (Code 1.2, 1.3); plain answers, and plain first reports of a repair
with a health condition or a vulnerable person, are not read as unhappy."""

from __future__ import annotations

import pytest

from actions.triage import WITHDRAWING
from bot.answers import OpenQuestion, already_complained, understand, unhappiness_told
from bot.policy import Answer, Policy
from bot.triage import triage
from tests.unit.conftest import Match
from tests.unit.test_triage import parse_text

CONTACT_OFFER = OpenQuestion("request_contact_pending")
ADJUSTMENTS_OFFER = OpenQuestion("adjustments_pending")
REPRESENTATIVE_OFFER = OpenQuestion("representative_pending")
CONTACT_NAME = OpenQuestion("contact_name", "request_contact_form")
CONTACT_WAY = OpenQuestion("contact_preference", "request_contact_form")

# Told at "Would you like our team to contact you?" and the questions after it: a promise
# broken, a no-show, still waiting, not happy, fed up (round 18 r18a-01 t2, r18a-15 t2-t3).
UNHAPPY_ANSWERS = [
    "yes. honestly they said someone wld come on the tuesday and no one came, no call nothing",
    "ye go on. still waiting since last month for the same thing tbh",
    "yes pls but im not happy, this is the 3rd time ive reported it",
    "ok yes. before also i report, nobody come",
    "yes call me 07700 900123. the plumber never turned up on weds",
    "no ill ring myself, fed up of chasing u lot",
    "yes - T v unhappy, no1 came for appt",
    "ok. they say somebody coming, no one come, i am not happy",
    "yes text me. sick of waiting tbh, nobody turned up friday",
]

# Plain answers, and unhappiness only supposed: no offer to complain.
PLAIN_ANSWERS = [
    "yes please",
    "yes, call me on 07700 900456",
    "no thanks ill ring",
    "yes shes deaf so text only pls",
    "yeah go on, my names Dean",
    "yes. what happens if im still waiting next week?",
    "yes. is my complaint saved?",
]


def parsed(text: str, policy: Policy) -> dict:  # type: ignore[type-arg]
    return parse_text(text, {"affirm": 0.9}, policy)


@pytest.mark.parametrize("question", [CONTACT_OFFER, ADJUSTMENTS_OFFER, REPRESENTATIVE_OFFER])
@pytest.mark.parametrize("text", UNHAPPY_ANSWERS)
def test_unhappiness_at_a_requests_offer_is_triaged_for_the_choice(
    question: OpenQuestion, text: str, policy: Policy, answers: dict[str, Answer]
) -> None:
    message = parsed(text, policy)
    unhappy = unhappiness_told(text, message["entities"])
    assert unhappy
    assert understand(question, text, "affirm", [], answers, unhappy=unhappy).kind == "unhappy"


@pytest.mark.parametrize("question", [CONTACT_NAME, CONTACT_WAY])
@pytest.mark.parametrize(
    "text",
    [
        "Shirin. but october i call, they say somebody coming, nobody come. i am not happy",
        "text is fine. fed up tho, nobody turned up last time",
        "dean. still waiting from the last job btw",
    ],
)
def test_unhappiness_inside_the_contact_questions_is_triaged_too(
    question: OpenQuestion, text: str, policy: Policy, answers: dict[str, Answer]
) -> None:
    unhappy = unhappiness_told(text, parsed(text, policy)["entities"])
    assert understand(question, text, None, [], answers, unhappy=unhappy).kind == "unhappy"


@pytest.mark.parametrize(
    "text",
    [
        "yes please note Bangla interpreter always. and i want make complain about october",
        "yes pls write it down. i want to make a complaint as well",
        "ok note it. also i wanna complain about the last visit",
    ],
)
def test_a_complaint_asked_for_beside_a_yes_is_not_dropped(
    text: str, policy: Policy, answers: dict[str, Answer]
) -> None:
    unhappy = unhappiness_told(text, parsed(text, policy)["entities"])
    understood = understand(ADJUSTMENTS_OFFER, text, "affirm", [], answers, unhappy=unhappy)
    assert understood.kind == "unhappy"


@pytest.mark.parametrize("question", [CONTACT_OFFER, ADJUSTMENTS_OFFER, REPRESENTATIVE_OFFER])
@pytest.mark.parametrize("text", PLAIN_ANSWERS)
def test_a_plain_answer_is_no_unhappiness(
    question: OpenQuestion, text: str, policy: Policy, answers: dict[str, Answer]
) -> None:
    unhappy = unhappiness_told(text, parsed(text, policy)["entities"])
    assert not unhappy
    assert understand(question, text, "affirm", [], answers, unhappy=unhappy).kind != "unhappy"


def test_unhappiness_away_from_a_request_is_left_to_the_rules(
    policy: Policy, answers: dict[str, Answer]
) -> None:
    """The complaint's own questions keep their answers: "still waiting" at "is it still
    happening?" answers it."""
    text = "yes still waiting, nobody came"
    unhappy = unhappiness_told(text, parsed(text, policy)["entities"])
    question = OpenQuestion("still_happening", "complaint_form")
    assert understand(question, text, "affirm", [], answers, unhappy=unhappy).kind != "unhappy"


@pytest.mark.parametrize(
    "text",
    [
        "last time i report in october also nobody come",
        "they said engineer coming tuesday, no one come",
        "the man never turned up",
        "nobody showed up for the appointment",
        "plumber didnt show up again",
        "nobody has come out yet and its been a week",
    ],
)
def test_no_shows_in_residents_words_are_dissatisfaction(text: str, match: Match) -> None:
    assert match(text).dissatisfaction_cues


# Plain first reports with a health condition or a vulnerable person at home, and no
# dissatisfaction: a service request, not a complaint (issue 15).
VULNERABLE_FIRST_REPORTS = [
    "hi our boiler stopped this morning, my husband has copd and the house is getting cold",
    "toilet not flushing, my son is autistic and gets very upset, can someone come",
    "the handrail on the stairs came loose, my mum is 86 and uses it to get up",
    "caller T has MS, reports shower tray cracked, wants repair booked",
    "my english not good. kitchen tap leaking, my wife is pregnant",
    "pls can u send sum1 for the front door lock, im disabled and cant get out if it jams",
]


@pytest.mark.parametrize("text", VULNERABLE_FIRST_REPORTS)
def test_a_vulnerable_first_report_tells_no_dissatisfaction(
    text: str, match: Match, policy: Policy
) -> None:
    assert not match(text).dissatisfaction_cues
    result = triage(
        parse_text(text, {"service_request": 0.8, "dissatisfaction": 0.15}, policy), policy
    )
    assert result.label == "service_request"
    assert not result.offers_complaint


@pytest.mark.parametrize(
    "text",
    [
        "my boiler went again, my husband has copd, and nobody came last time i reported it",
        "toilet still blocked, my son is autistic, the plumber never turned up saturday",
        "mum is 86 and the handrail is STILL loose, fed up of chasing",
    ],
)
def test_a_vulnerable_report_with_a_no_show_is_offered_the_choice(
    text: str, policy: Policy
) -> None:
    result = triage(
        parse_text(text, {"service_request": 0.8, "dissatisfaction": 0.15}, policy), policy
    )
    assert result.offers_complaint


@pytest.mark.parametrize(
    "text",
    [
        "no i dont want ANOTHER complaint lol i want the old one closed",
        "no i dont want another complaint, i want an answer on the first one",
        "not another complaint!! just tell them to close it",
        "i dnt want a 2nd complaint, whats happening with my original complaint",
    ],
)
def test_refusing_another_complaint_is_about_the_one_made(text: str) -> None:
    """r18a-11 t3, r18a-12 t5: someone chasing or withdrawing a complaint is offered no other."""
    assert already_complained(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to complain about the first visit, nobody came",
        "the first one was fine but the second plumber was rude",
        "another leak now in the kitchen",
    ],
)
def test_other_firsts_and_anothers_are_no_earlier_complaint(text: str) -> None:
    assert not already_complained(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want the old one closed",
        "can u just close it for me",
        "i need the first complaint withdrawn",
    ],
)
def test_the_old_one_closed_is_a_withdrawal(text: str) -> None:
    assert WITHDRAWING.search(text)
