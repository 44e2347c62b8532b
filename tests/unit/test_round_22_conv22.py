"""Round 22 (r22b, issues 15 and 16), in our own wordings: a Stage 2 request about a floor that
moves is no question about moving home, and a bungalow is; money for broken belongings gets the
insurance route; an email address's words are no question; giving up the complaint for the repair
in other words; fed up with calls is a reason for email, not a complaint; an addition at the
read-back with "that's still going on" after it; the resident's address shown when the helper's
line does not show it; a name with its address in small letters; consent told in a sentence;
WhatsApp is not offered, and the resident is told so."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.representatives import ActionAskRepresentativeName
from bot.answers import OpenQuestion, gives_up_complaint_for_repair, only_tired_of_a_way_of_contact
from bot.corrections import correction_of
from bot.definition import address_after_a_name, consent_told, name_in
from bot.policy import Answer, Policy
from bot.questions import answers_in, is_question
from bot.replies import NO_WHATSAPP, asks_for_whatsapp, request_contact_lines
from bot.triage import triage
from tests.unit.test_corrections import DRAFT
from tests.unit.test_triage import parse_text


def _asked(text: str, answers: dict[str, Answer]) -> list[str]:
    return [asked.answer.id for asked in answers_in(text, answers)]


# r22b-05 t1: "they say the floor is fine but it is not fine, it is soft and moving. What I can do
# now?" got the housing register text.
@pytest.mark.parametrize(
    "text",
    [
        "I complained in September, ref CMP-2026-000311. The reply says the ceiling is safe but "
        "the crack is moving. What can I do now?",
        "my stage 1 answer came, they say the wall is fine but its still moving when the lorries "
        "go past, what do i do",
        "the fence post keeps moving in the wind and they said its fine. how can i challenge this?",
    ],
)
def test_a_thing_that_moves_is_no_question_about_moving_home(
    answers: dict[str, Answer], text: str
) -> None:
    assert "lettings" not in _asked(text, answers)


# r22b-08 t8: "how does mum get on the list for a bungalow?" got "I can't answer that one".
@pytest.mark.parametrize(
    "text",
    [
        "how can my dad get a bungalow? he cant manage the stairs anymore",
        "Who do I ask about a ground floor flat for my nan?",
        "we want to downsize now the kids have gone, how do we apply",
        "can i move to a bigger place, we have 3 kids in 2 bedrooms",
        "i want to move house, who do i talk to",
    ],
)
def test_a_home_that_suits_them_gets_the_housing_register_answer(
    answers: dict[str, Answer], text: str
) -> None:
    assert _asked(text, answers)[:1] == ["lettings"]


# r22b-03 t9: "cllr.shah@northfield-council.example ... Please do not phone Mrs Lowe as she is
# hard of hearing" got the council's services.
@pytest.mark.parametrize(
    "text",
    [
        "Email me at j.ward@eastfield-council.example please and do not phone my dad, he is deaf.",
        "my email is tom@council-watch.org. do not ring me at work",
        "Please use office@citycouncil-housing.example and do not call her landline.",
    ],
)
def test_an_email_address_and_a_do_not_are_no_question(
    answers: dict[str, Answer], text: str
) -> None:
    assert not is_question(text)
    assert _asked(text, answers) == []


def test_a_question_about_the_council_is_still_answered(answers: dict[str, Answer]) -> None:
    assert _asked("who do i ring about council tax?", answers) == ["council"]


# r22b-06 t2: "my furniture and fridge is broken. i want money for this from you" was noted as a
# repair, with no word of the insurance route.
@pytest.mark.parametrize(
    "text",
    [
        "the bath upstairs overflowed through my ceiling last week. my sofa and tv are ruined. "
        "you need to pay me for them",
        "leak from the flat above, it has stopped now. my bed and carpet are soaked. i want money "
        "back for my things",
        "your pipe burst and water went everywhere. I want money for my washing machine from you",
    ],
)
def test_money_for_broken_belongings_gets_the_insurance_route(policy: Policy, text: str) -> None:
    ranking = {"service_request": 0.7, "dissatisfaction": 0.2, "insurance_claim": 0.02}
    result = triage(parse_text(text, ranking, policy), policy)
    assert any(part.exclusion_reason == "insurance_claim" for part in result.parts), result.parts


def test_the_insurance_route_still_offers_the_choice_to_complain(policy: Policy) -> None:
    assert "make a complaint" in policy.grounds["insurance_claim"].route


# r22b-07 t4: "nah forget the complaint then, i just want somebody to actually fix the fence".
@pytest.mark.parametrize(
    "text",
    [
        "forget the complaint, i just need someone to come and fix the gate",
        "nah drop the complaint. i only want somebody to actually repair the shed door",
        "scrap the complaint then, i just want you to fix the lock",
    ],
)
def test_giving_up_the_complaint_for_someone_to_fix_it(text: str) -> None:
    assert gives_up_complaint_for_repair(OpenQuestion("outcome_sought", "complaint_form"), text)


def test_wanting_someone_to_fix_it_inside_the_form_is_what_would_put_it_right() -> None:
    question = OpenQuestion("outcome_sought", "complaint_form")
    assert not gives_up_complaint_for_repair(question, "i just want someone to fix it properly")


# r22b-07 t8: "email only im sick of phone calls" was offered a complaint again.
@pytest.mark.parametrize(
    "text",
    [
        "text me on 07700 900111, fed up of being rung at work",
        "email a.b@mail.example please, im tired of all the phone calls",
        "kim ross, k.ross@mail.example, email only, sick and tired of phone calls",
    ],
)
def test_fed_up_with_calls_beside_the_details_is_a_reason_for_the_way(text: str) -> None:
    assert only_tired_of_a_way_of_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "email a.b@mail.example, im sick of waiting and nobody came",
        "im sick of phone calls",
        "07700 900111, im sick of phone calls and still waiting for the repair",
    ],
)
def test_unhappiness_with_the_service_beside_the_details_is_still_heard(text: str) -> None:
    assert not only_tired_of_a_way_of_contact(text)


# r22b-01 t10: "nearly, can you add that the boiler is banging and the hot water keeps cutting
# out, that's still going on" got "That is what I have".
@pytest.mark.parametrize(
    ("typed", "added"),
    [
        ("please add the window wont shut, its still happening", "The window wont shut"),
        (
            "can you add that the damp has spread to the hall, which is still going on",
            "The damp has spread to the hall",
        ),
        (
            "nearly. can you add the lift is out and the stairs light is broken, they're still "
            "happening",
            "The lift is out and the stairs light is broken",
        ),
    ],
)
def test_an_addition_with_still_going_on_after_it_is_added(typed: str, added: str) -> None:
    correction = correction_of(typed, DRAFT)
    assert correction.changes.get("aspects") == f"The roof leaks. {added}", correction


# r22b-08 t16: "Mum is Joan Marsh and she lives at 5 Cedar Gardens" read back "The complaint is
# for: Joan Marsh"; "Can you put her address on it too" got "That is what I have".
@pytest.mark.parametrize(
    ("told", "address"),
    [
        ("Dad is Frank Hill and he lives at 12 Oak Road", "12 Oak Road"),
        ("my nan, Edna Price. She lives in flat 3 Mill House", "flat 3 Mill House"),
    ],
)
def test_the_residents_address_is_read_back_when_the_helper_line_does_not_show_it(
    told: str, address: str
) -> None:
    draft = replace(
        DRAFT, representative=told, contact_name="Lisa Marsh", consent=True, address=address
    )
    assert address in draft.read_back()
    assert draft.read_back().count(address) == 1


def test_an_address_shown_with_the_resident_is_not_said_twice() -> None:
    draft = replace(
        DRAFT,
        representative="Mrs Joan Baker, 14 Elm Road",
        contact_name="Lisa Marsh",
        consent=True,
        address="14 Elm Road",
    )
    assert draft.read_back().count("14 Elm Road") == 1


# r22b-02 t3: "its shannon o'brien 22 elm walk" was refused as no name.
@pytest.mark.parametrize(
    ("typed", "name", "address"),
    [
        ("its kelly brown 31 oak road", "kelly brown", "31 oak road"),
        ("mark jones 14a station road", "mark jones", "14a station road"),
        ("jo o'neill flat 2 9 mill lane", "jo o'neill", "flat 2 9 mill lane"),
    ],
)
def test_a_name_with_its_address_in_small_letters(typed: str, name: str, address: str) -> None:
    assert name_in(typed) == name
    split = address_after_a_name(typed)
    assert split is not None and split[1] == address


def test_a_name_alone_has_no_address() -> None:
    assert address_after_a_name("kelly brown") is None
    assert name_in("kelly brown") == "kelly brown"


# r22b-03 t7: "Mrs Lowe asked me to raise this at my surgery on Saturday and signed our casework
# consent form" was asked the consent question again.
@pytest.mark.parametrize(
    "text",
    [
        "Mr Patel signed our standard third party authority form last week",
        "Jean asked me to take this up for her when I visited",
        "She signed the advocacy consent form at our office.",
    ],
)
def test_consent_told_in_a_sentence(text: str) -> None:
    assert consent_told(text)


@pytest.mark.parametrize("text", ["not yet", "i asked them to send a form", "I will ask her"])
def test_no_consent_in_other_sentences(text: str) -> None:
    assert not consent_told(text)


# r22b-02 t5: "whatsapp only pls 07700 900733 dont ring me" was read back "by text message only".
@pytest.mark.parametrize(
    "text", ["WhatsApp me on 07700 900111", "whats app only pls", "watsapp is best"]
)
def test_whatsapp_asked_for_is_told_it_is_texts_instead(policy: Policy, text: str) -> None:
    assert asks_for_whatsapp(text)
    lines = request_contact_lines(
        "07700 900111", "text only", date(2026, 12, 9), policy, whatsapp=True
    )
    assert lines[0] == NO_WHATSAPP
    assert "text message only" in lines[1]


def test_no_whatsapp_line_without_whatsapp(policy: Policy) -> None:
    assert not asks_for_whatsapp("text me please")
    lines = request_contact_lines("07700 900111", "text only", date(2026, 12, 9), policy)
    assert NO_WHATSAPP not in lines


# r22b-08 t2: "I'm her daughter" told, then "how do you know the person?" asked again.
def _asked_for_the_helper(relationship: str | None) -> list[dict[str, Any]]:
    tracker = Tracker.from_dict(
        {
            "sender_id": "resident-22",
            "slots": {"representative_relationship": relationship},
            "latest_message": {"text": "yes", "intent": {}, "entities": []},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "representative_form"},
            "latest_action_name": None,
        }
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAskRepresentativeName().run(dispatcher, tracker, {}))
    return dispatcher.messages


@pytest.mark.parametrize("relationship", ["daughter", "son", "carer"])
def test_a_helper_who_said_how_they_know_them_is_asked_only_the_name(relationship: str) -> None:
    assert [m["response"] for m in _asked_for_the_helper(relationship)] == [
        "utter_ask_helper_name_only"
    ]


@pytest.mark.parametrize("relationship", [None, "not stated"])
def test_a_helper_who_did_not_say_is_asked_both(relationship: str | None) -> None:
    assert [m["response"] for m in _asked_for_the_helper(relationship)] == [
        "utter_ask_representative_name"
    ]
