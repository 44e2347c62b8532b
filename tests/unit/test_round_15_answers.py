"""Round 15 of the simulated residents (plain questions, withdrawals and wrong Stage 2 routes), in
our own wordings: plain questions get the landlord's answer, a withdrawal said not to be one is
not answered as one, a note asked for on a complaint is found, a pre-action letter is no claim
filed at court, and a reference in another shape is said not to be ours."""

from __future__ import annotations

import pytest

from actions.references import ONLY_ONE_THEY_HAVE, other_reference
from bot.answers import OpenQuestion, asks_for_a_note, notes_on_a_complaint, understand
from bot.policy import Answer, Policy
from bot.questions import answers_in
from bot.told import ALREADY_TOLD
from bot.triage import triage
from tests.unit.test_triage import parse_text

CONSENT = "representative_consent"


def answer_ids(message: str, answers: dict[str, Answer]) -> list[str]:
    return [asked.answer.id for asked in answers_in(message, answers)]


@pytest.mark.parametrize(
    ("message", "answer_id"),
    [
        # r15d-09: whether the resident must confirm the helper may act.
        ("does my nan have to ring u herself to say im allowed to speak for her?", CONSENT),
        ("Do you need the tenant to confirm I'm acting on her behalf?", CONSENT),
        ("cllr here - does he need to sign something to agree i can take it up?", CONSENT),
        ("do u need a signed consent form from my dad?", CONSENT),
        ("will the reply come to our office or straight to the tenant?", "who_we_contact"),
        # r15d-07: who the reply goes to, with the helper copied in.
        ("will the answer come to our office or to Mr Shah directly?", "who_we_contact"),
        ("will ur reply go 2 me or 2 my mum", "who_we_contact"),
        ("send the response to me or directly to the tenant? copy us in", "who_we_contact"),
        # r15d-06: the legal team, and a complaint beside a letter of claim.
        ("will your legal team see my complaint?", "legal_claim"),
        ("does this go to ur solicitors or the complaints people", "legal_claim"),
        ("will the complaint still go ahead if we sent a letter before claim?", "legal_claim"),
        # r15a-07: a complaint in the helper's own name.
        ("can i put the complaint in my own name, it affects me as well", "own_name"),
        ("Could I complain myself instead of for my neighbour?", "own_name"),
        # r15b-01: the address.
        ("wots the address i need to give u", "address_needed"),
        ("so u dont need my adress? how will they know where to come", "address_needed"),
        ("Do you need my address for the plumber?", "address_needed"),
        # r15b-06: the same person at Stage 2.
        ("is it the same officer at stage 2 or someone else?", "stage_2_reviewer"),
        ("who looks at the stage two, same person as before??", "stage_2_reviewer"),
        # r15b-09: which email.
        ("which email do i send the liability form to", "which_email"),
        ("is that email the complaints one?", "which_email"),
        ("what email address do i use for that", "which_email"),
        # r15b-02: text or call.
        ("is it gonna be a text or a call?", "text_or_call"),
        ("will they ring or text me, call or text?", "text_or_call"),
        # r15c-05, r15c-13: after the answer, and the 12-month rule, in a learner's English.
        ("if i not happy with answer what i must do?", "after_the_answer"),
        ("if not happy with the decision what i do?", "after_the_answer"),
        ("can you refuse it because it is older than one year?", "time_limit"),
        ("they say complaint over 1 year is refused, will you refuse mine?", "time_limit"),
    ],
)
def test_round_15_plain_questions_get_an_answer(
    answers: dict[str, Answer], message: str, answer_id: str
) -> None:
    assert answer_ids(message, answers)[:1] == [answer_id]


def test_how_long_and_whether_the_legal_team_sees_it_are_both_answered(
    answers: dict[str, Answer],
) -> None:
    """r15d-06 turn 3: "how long" was answered and "will the legal team see it" ignored."""
    ids = answer_ids(
        "How long will it take you to reply, and will the complaint be seen by your legal team?",
        answers,
    )
    assert ids == ["complaint_timescales", "legal_claim"]


@pytest.mark.parametrize(
    "message",
    [
        "Am I allowed a dog in my flat? I want permission first",
        "Can you check my complaint? My name is on the tenancy with my wife",
        "my boiler is broken, can you call me",
    ],
)
def test_near_misses_get_none_of_the_new_answers(answers: dict[str, Answer], message: str) -> None:
    new = {"representative_consent", "own_name", "legal_claim", "address_needed", "which_email"}
    assert not new & set(answer_ids(message, answers))


@pytest.mark.parametrize(
    "message",
    [
        "We don't want to withdraw anything - the opposite. Log it as a formal complaint.",
        "im not withdrawing my complaint, i want it looked at properly",
        "she does not want to cancel the complaint, she wants an answer",
    ],
)
def test_a_withdrawal_said_not_to_be_one_is_not_answered_as_one(
    answers: dict[str, Answer], message: str
) -> None:
    """r15a-10 turn 2: "we don't want to withdraw anything" got the withdrawal route again."""
    assert "withdraw_complaint" not in answer_ids(message, answers)


@pytest.mark.parametrize(
    "message",
    [
        "so i want to take back the complain, not needed now",
        "pls cancel my complaint CMP-2026-000017 its sorted",
        "i wanna withdraw the complaint",
    ],
)
def test_a_withdrawal_gets_the_route(answers: dict[str, Answer], message: str) -> None:
    assert answer_ids(message, answers) == ["withdraw_complaint"]


@pytest.mark.parametrize(
    ("message", "on_a_complaint"),
    [
        ("i just made one?? can you note that i dont want her dealing with it", False),
        ("please note Mr Evans should not handle my case", True),
        ("can u put down on my complaint that karen shouldnt be handling it", True),
        ("i want a note on it that the housing officer shouldnt be the one handling it", False),
        ("make sure whoever picks this up notes that the MP's office acts for her", False),
    ],
)
def test_a_note_asked_for_is_found(message: str, on_a_complaint: bool) -> None:
    """r15d-02 turns 15-16: a note that a named officer should not handle it got Stage 2."""
    assert asks_for_a_note(message)
    assert notes_on_a_complaint(message) is on_a_complaint


@pytest.mark.parametrize(
    "message",
    ["did you note my number", "in that case just ring me", "my boiler is broken"],
)
def test_no_note_is_read_where_none_is_asked_for(message: str) -> None:
    assert not asks_for_a_note(message) and not notes_on_a_complaint(message)


LEGAL = {"legal_proceedings": 0.6, "dissatisfaction": 0.3, "enquiry": 0.1}


@pytest.mark.parametrize(
    "text",
    [
        "We have sent a pre-action letter of claim but no proceedings are issued. Our client "
        "wants to raise a formal complaint about the damp.",
        "To be clear, no claim has been filed at court. Please log the complaint.",
        "my solicitor sent a letter before claim about the mould but nothing has been filed",
    ],
)
def test_a_claim_not_filed_at_court_is_no_legal_exclusion(policy: Policy, text: str) -> None:
    """r15d-06: a pre-action letter was told it was "a legal claim that has been filed at
    court", and told so again after the correction (Code 2.2: filed at court)."""
    result = triage(parse_text(text, LEGAL, policy), policy)
    assert result.exclusion_reason is None
    assert all(part.exclusion_reason != "legal_proceedings" for part in result.parts)
    assert result.label == "complaint"


def test_a_claim_filed_at_court_is_still_the_legal_exclusion(policy: Policy) -> None:
    text = "My disrepair claim was filed at the county court last month and I want to complain."
    result = triage(parse_text(text, LEGAL, policy), policy)
    assert result.exclusion_reason == "legal_proceedings"


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("hi i want to escalate my complaint ref SH-2026-00412", "SH-2026-00412"),
        ("my ref is HA/2025/1187 from the letter", "HA/2025/1187"),
        ("ref CMP-2026-000012 please", None),
        ("my number is 07700 900412", None),
        ("crime ref 44/12345/26", None),
    ],
)
def test_a_reference_in_another_shape_is_found(text: str, other: str | None) -> None:
    """r15d-01: "SH-2026-00412" got the bare question for the reference again."""
    assert other_reference(text) == other


@pytest.mark.parametrize(
    "text",
    [
        "thats the only number i have mate. just take it further please",
        "its the only ref i've got",
        "its on the letter u sent me",
        "thats all i have, just pass it on",
    ],
)
def test_the_only_reference_they_have_is_not_having_ours(text: str) -> None:
    assert ONLY_ONE_THEY_HAVE.search(text)


def test_just_gave_it_you_is_impatience_not_a_question() -> None:
    """r15d-01 turn 2: "i just gave it you??" got "I can't answer that one myself"."""
    assert ALREADY_TOLD.search("i just gave it you?? SH-2026-00412")
    assert ALREADY_TOLD.search("i already gave it to u")


CHOICE = OpenQuestion("choice_pending")
STILL_HAPPENING = OpenQuestion("still_happening", "complaint_form")


def test_formal_complaint_with_why_not_stage_2_is_the_choice_and_the_answer(
    answers: dict[str, Answer],
) -> None:
    """r15d-15 turn 2: "formal complaint. but why not stage 2?" was offered the choice again."""
    understood = understand(CHOICE, "formal complaint. but why not stage 2?", None, [], answers)
    assert understood.kind == "yes"
    assert understood.answer is not None and understood.answer.id == "stage_1_first"


@pytest.mark.parametrize(
    "message",
    [
        "yes its all still there. Look, I'm not going on until you say why this isn't stage 2",
        "yes still there. u still havent said y it cant go to stage 2",
        "yes. and why cant my complaint go straight to stage two",
    ],
)
def test_why_not_stage_2_asked_in_the_form_is_answered_beside_the_answer(
    answers: dict[str, Answer], message: str
) -> None:
    """r15d-15 turns 3-4: the question, asked without a question mark, was ignored."""
    understood = understand(STILL_HAPPENING, message, None, [], answers)
    assert understood.kind == "yes"
    assert understood.answer is not None and understood.answer.id == "stage_1_first"


@pytest.mark.parametrize(
    "message",
    [
        "well what questions then?? ive answered everything",
        "what else do you need from me?",
        "wat r u waiting for?",
    ],
)
def test_asking_what_is_wanted_gets_the_question_again(
    answers: dict[str, Answer], message: str
) -> None:
    """r15d-14 turn 10: "what questions then??" got "I can't answer that one myself"."""
    understood = understand(STILL_HAPPENING, message, None, [], answers)
    assert understood.kind == "question"
    assert not understood.unanswered


ASPECTS = OpenQuestion("complaint_aspects", "complaint_form")


@pytest.mark.parametrize(
    "message",
    [
        "I already told you - the contractors left broken concrete and nails all over the lawn. "
        "You still haven't said why it can't go to stage 2?",
        "the fence men left rubble everywhere and my grandkids cant play out. y not stage 2?",
        "boiler broke 3 weeks ago and nobody came out. and why isnt this stage 2",
    ],
)
def test_what_went_wrong_told_beside_why_not_stage_2_keeps_both(
    answers: dict[str, Answer], message: str
) -> None:
    """r15d-15 turn 3: what went wrong was lost to the question asked beside it."""
    understood = understand(ASPECTS, message, None, [], answers)
    assert understood.kind == "slot"
    assert understood.answer is not None and understood.answer.id == "stage_1_first"
    assert understood.answer_text is not None and "stage" not in understood.answer_text.lower()


def test_a_question_alone_at_what_went_wrong_is_still_only_answered(
    answers: dict[str, Answer],
) -> None:
    understood = understand(ASPECTS, "but why not stage 2?", None, [], answers)
    assert understood.kind == "question"
