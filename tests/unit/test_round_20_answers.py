"""Round 19 b's Stage 2 in plain words, other bodies named for what they do and plain questions,
read without servers: the Stage 2 reading (policy_rules/stage_2.yml), the record's Stage 2 question
(bot.recorded), each other body's route and ombudsman (policy_rules/exclusions.yml `bodies`), the
landlord's answers (policy_rules/answers.yml) and "I just want a rail" at the choice
(bot.answers). Wordings are our own, in residents' voices."""

from __future__ import annotations

import pytest

from bot.answers import OpenQuestion, understand
from bot.policy import Answer, Policy
from bot.policy.ids import OTHER_ORGANISATION
from bot.questions import answers_in
from bot.recorded import asks_if_recorded
from bot.replies import exclusion_lines
from bot.triage.stage_2 import read_stage_2

CHOICE = OpenQuestion("choice_pending")


@pytest.mark.parametrize(
    "text",
    [
        # r19b-09 t1, t3: unhappy with a Stage 1 reply, without the words "stage 2".
        "got a letter back saying they investigated and offered me £50. im not accepting that, i "
        "want someone higher up to go through it all again properly. ref CMP-2026-000318",
        "i already GOT the answer and its rubbish. i just want someone else to look at it",
        "had ur reply to my complaint n its a joke. can sumone more senior look at it pls",
        "I received the response to my complaint and I do not accept the outcome. I would like a "
        "manager above her to review it.",
        "they answered my complaint but its rubbish, i want it looked at again by someone else",
        "T got Stage 1 letter, not happy with the outcome, wants it gone over again",
        "my mum is not happy with your reply, she wants somebody different to go through it",
    ],
)
def test_stage_2_in_plain_words_is_asked_for(policy: Policy, text: str) -> None:
    assert read_stage_2(text, policy) == "asks_for"


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # Still where a complaint has got to, and still no Stage 2 for a first complaint.
        ("where is my complaint up to?", "status"),
        ("wat stage is it up to now", "status"),
        (
            "this is my first complaint, i want someone higher up to look at it",
            "no_earlier_complaint",
        ),
        (
            "ive never complained before but i want someone senior to go through it all",
            "no_earlier_complaint",
        ),
        (
            "i have not made a complaint yet, can someone else look at it again",
            "no_earlier_complaint",
        ),
    ],
)
def test_status_and_first_complaints_keep_their_reading(
    policy: Policy, text: str, reading: str
) -> None:
    assert read_stage_2(text, policy) == reading


@pytest.mark.parametrize(
    "text",
    [
        "is that stage 2 thing what i want then?",
        "is that stage two what i need?",
        "is that stage 2 for me?",
    ],
)
def test_whether_stage_2_is_what_they_want_is_not_a_record_question(text: str) -> None:
    assert asks_if_recorded(text) is None


@pytest.mark.parametrize("text", ["is it stage 2 now?", "is my complaint at stage 2 yet"])
def test_whether_it_is_at_stage_2_still_asks_the_record(text: str) -> None:
    assert asks_if_recorded(text) == "stage_2"


@pytest.mark.parametrize(
    ("text", "route_has", "ombudsman_has"),
    [
        # r19b-08 t1: a social care assessment that never happened.
        (
            "the hospital said social services would come and assess me for a care package, "
            "nobody came. who do i complain to",
            "adult social care",
            "Local Government and Social Care Ombudsman",
        ),
        (
            "my OT assessment from the council never happened",
            "adult social care",
            "Local Government",
        ),
        # r19b-02 t1: a council transfer.
        (
            "I am on the council housing register for a transfer, 4 of us in one bedroom",
            "housing options team",
            "Local Government",
        ),
        (
            "been on the council waiting list 6 yrs and my band is wrong",
            "housing options team",
            "Local Government",
        ),
        # r19b-07: personal data.
        (
            "i want to report a data breach to the ico",
            "data protection officer",
            "Housing Ombudsman",
        ),
        (
            "your lot broke data protection, sent my info to my ex",
            "Information Commissioner",
            "Housing Ombudsman",
        ),
        (
            "my GP hasnt sent the letter for my medical priority",
            "GP surgery",
            "Health Service Ombudsman",
        ),
    ],
)
def test_another_body_is_named_for_what_it_does(
    policy: Policy, text: str, route_has: str, ombudsman_has: str
) -> None:
    lines = exclusion_lines(OTHER_ORGANISATION, policy, text)
    assert route_has in lines[1]
    assert "the NHS, social care or the" not in lines[1]
    assert ombudsman_has in lines[-1]


def test_a_body_not_named_keeps_the_general_route(policy: Policy) -> None:
    lines = exclusion_lines(OTHER_ORGANISATION, policy, "the other lot wont help me")
    assert "such as the council" in lines[1]
    assert "Housing Ombudsman" in lines[-1]


def test_social_care_is_not_sent_to_the_housing_ombudsman(policy: Policy) -> None:
    lines = exclusion_lines(OTHER_ORGANISATION, policy, "adult social care never came out")
    assert not any("housing-ombudsman.org.uk" in line for line in lines)


@pytest.mark.parametrize(
    ("text", "answer_id"),
    [
        # r19b-03 t2: one complaint for two things.
        (
            "formal complaint yeah. can it cover both the stairs AND the no show? or do i do 2",
            "one_complaint_covers_several",
        ),
        (
            "do i need 2 complaints for the boiler and the window or can u put both in one?",
            "one_complaint_covers_several",
        ),
        (
            "Can the damp and the rude officer go in the same complaint?",
            "one_complaint_covers_several",
        ),
        (
            "is it one complaint or two for my mum's door and her window?",
            "one_complaint_covers_several",
        ),
        # r19b-04 t2: a problem going on since long ago.
        (
            "I was told complaints only go back 6 months, so will you even look at 2019?",
            "how_far_back",
        ),
        ("its been going on since 2017, is that too far back to complain?", "how_far_back"),
        ("do complaints only go back 6 months??", "how_far_back"),
        ("wil u still look at 2020 when it started?", "how_far_back"),
        # r19b-10 t2: when the reply comes, part-way through a first complaint.
        (
            "formal one I think. When will I actually get a reply though? Christmas is coming",
            "complaint_timescales",
        ),
        ("ok log it. wen will i get a reply", "complaint_timescales"),
        ("When can I expect a response to my complaint?", "complaint_timescales"),
        # r19b-11 t4: checking with a deaf man with no email.
        (
            "yes he asked me to. how will you contact him to check though, he has no email, only "
            "his landline and he's quite deaf",
            "checking_with_the_resident",
        ),
        (
            "she agreed but how will u check with her? shes deaf and got no email",
            "checking_with_the_resident",
        ),
        (
            "how do you confirm with my nan, she has dementia and no phone?",
            "checking_with_the_resident",
        ),
        # r19b-12 t2, t13: which stage.
        (
            "Kindly confirm whether this matter will be dealt with at Stage 1 of your procedure.",
            "which_stage",
        ),
        ("Confirmed. Please state the applicable stage and response dates.", "which_stage"),
        ("can u confirm its stage 1?", "which_stage"),
        ("caller wants confirmation it is being treated as a stage one complaint", "which_stage"),
        # r19b-12 t9: contact goes to the representative.
        (
            "t.lyle@example.co.uk. Please do not contact our client directly.",
            "contact_the_representative",
        ),
        ("pls dont ring my mum, she gets upset, contact me", "contact_the_representative"),
        (
            "Do not write to the tenant directly, all letters to this office.",
            "contact_the_representative",
        ),
        # r19b-07 t1-t3: a data breach.
        ("Who do I report a data breach to?", "data_breach"),
        ("Is that the Information Commissioner? Do I go to them or you first?", "data_breach"),
        ("do i report the data breach to the ICO?", "data_breach"),
        ("u sent my personal data to the wrong flat, who do i complain to", "data_breach"),
        # r19b-08 t2, t4: a grab rail.
        ("so can you put a grab rail in by my bath or not", "adaptations"),
        ("the bath rail is in your property so can you put one in?", "adaptations"),
        ("cud u fit a handrail by the front step for my dad?", "adaptations"),
        ("how do i get a stairlift put in", "adaptations"),
        # r19b-08 t7: adult social care, and who is above them.
        (
            "is it adult social care at the council i ring? and if they dont help who is above "
            "them",
            "adult_social_care",
        ),
        ("who do i call about my care package, social services never came", "adult_social_care"),
        (
            "where do i complain about the occupational therapist not turning up?",
            "adult_social_care",
        ),
        # r19b-05 t3-t4: a request no longer needed.
        ("did u cancel the window thing? i dont need that one", "cancel_a_request"),
        ("is the door repair cancelled? its fixed now", "cancel_a_request"),
        ("can you cancel the job for the boiler, my son fixed it", "cancel_a_request"),
    ],
)
def test_plain_questions_get_their_answer(
    answers: dict[str, Answer], text: str, answer_id: str
) -> None:
    assert answer_id in [asked.answer.id for asked in answers_in(text, answers)]


@pytest.mark.parametrize(
    "text",
    [
        "when will the plumber go back?",
        "i dont want another complaint, i want an answer on the first one",
        "can i get a new boiler or not",
        "can u cancel my complaint",
    ],
)
def test_near_misses_get_none_of_the_new_answers(answers: dict[str, Answer], text: str) -> None:
    new = {
        "one_complaint_covers_several", "how_far_back", "which_stage",
        "contact_the_representative", "checking_with_the_resident", "data_breach",
        "adaptations", "adult_social_care", "cancel_a_request",
    }  # fmt: skip
    assert not new & {asked.answer.id for asked in answers_in(text, answers)}


def test_the_council_answer_names_its_teams(answers: dict[str, Answer]) -> None:
    found = answers_in("and who exactly at the council, i dont know who to ring", answers)
    assert found and "adult social care" in found[0].answer.text
    assert "housing options" in found[0].answer.text


@pytest.mark.parametrize(
    "text",
    [
        # r19b-08 t3: a grab rail asked for instead of a complaint is putting it right.
        "i dont want to complain about you i just want a rail by the bath so i can get in safely. "
        "can you do that. i nearly fell last week getting out",
        "no complaint, i only need someone to fit a handrail on the stairs",
        "dont wanna complain i just want a ramp put in for my wheelchair",
        "not complaining, just want someone to install a grab rail for mum",
    ],
)
def test_something_asked_for_instead_of_a_complaint_is_put_right(
    answers: dict[str, Answer], text: str
) -> None:
    assert understand(CHOICE, text, None, [], answers).kind == "no"


@pytest.mark.parametrize(
    "text", ["i dont want to complain, forget it", "dont want to complain. bye"]
)
def test_leaving_at_the_choice_still_leaves(answers: dict[str, Answer], text: str) -> None:
    assert understand(CHOICE, text, None, [], answers).kind == "leave"
