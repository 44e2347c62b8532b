"""Round 13 outside the form: what the chat says it has recorded, and questions it answers."""

from __future__ import annotations

import pytest

from bot.answers import (
    ASKS_FOR_A_PERSON_PLAINLY,
    OpenQuestion,
    asks_for_a_complaint,
    complaint_choice,
    gives_up_complaint_for_repair,
    understand,
)
from bot.policy import Answer
from bot.questions import first_answer, questions_and_rest
from bot.recorded import Recorded, asks_if_recorded, recorded_reply
from bot.text import words

READ_BACK = OpenQuestion("awaiting_confirmation")
CONTACT_PREFERENCE = OpenQuestion("contact_preference", "complaint_form")
OUTCOME = OpenQuestion("outcome_sought", "complaint_form")


@pytest.mark.parametrize(
    "text",
    [
        "mostly right. the kitchen tap is a separate repair though, could you book it in as well?",
        "yes thats fine but can you put the tap in too as a repair",
        "and can that be booked in as well? its the bath panel",
    ],
)
def test_asking_to_book_a_job_at_the_read_back_is_answered_from_the_record(
    text: str, answers: dict[str, Answer]
) -> None:
    """r13b-12 (serious): "the window is a separate repair, can you book that in too?" was told
    "Yes. Your repair or request carries on as normal" although no repair was noted."""
    understood = understand(READ_BACK, text, None, [], answers)
    assert understood.about_record == "request"
    assert understood.answer is None
    reply = recorded_reply("request", Recorded(complaint_under_way=True))
    assert reply.startswith("No, I have not noted a repair or request yet.")


def test_asking_to_book_at_a_form_question_is_answered_from_the_record(
    answers: dict[str, Answer],
) -> None:
    understood = understand(
        CONTACT_PREFERENCE, "email please. could you book the back door in too?", None, [],
        answers,
    )  # fmt: skip
    assert understood.about_record == "request"


@pytest.mark.parametrize(
    "text", ["so is my window booked or do i need to ring?", "has the tap been booked in?"]
)
def test_is_it_booked_is_a_question_about_the_record(text: str) -> None:
    """r13b-12: "so is my window booked or do i need to ring?" got "I can't answer that"."""
    assert asks_if_recorded(text) == "request"


def test_a_question_about_a_repair_carrying_on_is_still_the_landlords_answer(
    answers: dict[str, Answer],
) -> None:
    """Guard: "does my repair stop while you look at my complaint?" asks nothing about this
    conversation's record."""
    understood = understand(
        READ_BACK, "does my repair stop while you look at my complaint?", None, [], answers
    )
    assert understood.about_record is None
    assert understood.answer is not None and understood.answer.id == "repair_carries_on"


def test_a_job_to_book_told_at_the_read_back_is_not_added_to_the_complaint(
    answers: dict[str, Answer],
) -> None:
    understood = understand(
        READ_BACK, "the kitchen tap is a separate repair though, could you book it in as well?",
        None, [], answers,
    )  # fmt: skip
    assert (understood.kind, understood.about_record) == ("question", "request")


def test_is_the_stage_2_logged_while_its_question_is_open_says_not_yet() -> None:
    """r13d-04 (serious): "so is the st2 request actually logged now? new ref? date?" asked while
    the Stage 2 check waited for contact details got "No, I have not taken a Stage 2 request"."""
    assert asks_if_recorded("so is that stage 2 actually logged then?") == "stage_2"
    reply = recorded_reply("stage_2", Recorded(stage_2_under_way=True))
    assert reply.startswith("Not yet. I pass your request for Stage 2 on as soon as")
    assert "keeps the reference" in reply


def test_who_to_tell_about_drug_dealing_is_the_asb_answer(answers: dict[str, Answer]) -> None:
    """r13b-06: "who do i tell about the lads dealing outside the bins" got the council."""
    for text in (
        "who do i speak to about the blokes selling drugs by the bin shed every night",
        "yeah but the dealin?? who do i tell",
        "yeah but the dealing?? theres lads selling outside the bins every nite, who do i tell",
    ):
        asked = first_answer(text, answers)
        assert asked is not None and asked.id == "asb_team", text


def test_bins_as_a_place_are_not_the_councils(answers: dict[str, Answer]) -> None:
    """r13a-08: "the bins area stinks" got the council's bin collections; guard: a collection
    question still does."""
    asked = first_answer("who do i tell, the bins area behind the block stinks", answers)
    assert asked is None or asked.id != "council"
    collection = first_answer("who do i ring about my bin collection being missed?", answers)
    assert collection is not None and collection.id == "council"


@pytest.mark.parametrize(
    "text",
    [
        "actually forget the formal complaint, it will take forever. just send someone to fix it",
        "you know what, scrap the complaint. just get someone out to fix the fan",
    ],
)
def test_dropping_the_complaint_for_the_repair_inside_the_form_puts_it_right(text: str) -> None:
    """r13a-05: "forget the formal complaint, itll take a month. just get someone to fix the fan"
    was stored as what would put it right and the form carried on."""
    assert gives_up_complaint_for_repair(OUTCOME, text)
    assert complaint_choice(text) is False


def test_what_would_put_it_right_is_still_an_answer() -> None:
    """Guard: "I just want it fixed" answers the form's question; it does not leave."""
    assert not gives_up_complaint_for_repair(OUTCOME, "i just want someone to fix the fan")


@pytest.mark.parametrize(
    "text",
    [
        "have i got a reference number for this or what",
        "ok and is there a reference for this stage 2 request?",
        "right. and the stage 2 - what reference do I quote if I chase it?",
        "Will I get a reference for the stage 2 when they ring?",
    ],
)
def test_a_question_about_a_reference_is_answered_from_the_record(text: str) -> None:
    """r13a-05, r13a-06, r13d-17: got "I can't answer that one" or the general Stage 2 text."""
    assert asks_if_recorded(text) == "reference"


def test_a_reference_statement_is_not_a_question() -> None:
    assert asks_if_recorded("I have the reference number here, CMP-2026-000042") is None


def test_the_reference_reply_says_which_reference_or_why_there_is_none() -> None:
    assert "keeps your complaint's reference, CMP-2026-000042" in recorded_reply(
        "reference", Recorded(complaint_reference="CMP-2026-000042", stage_2_asked=True)
    )
    assert recorded_reply("reference", Recorded(request_noted=True)).startswith(
        "No. A request for our team does not get a complaint reference."
    )
    assert recorded_reply("reference", Recorded(complaint_under_way=True)).startswith("Not yet.")


def test_a_reference_asked_at_the_stage_2_question_is_not_the_general_stage_2_text(
    answers: dict[str, Answer],
) -> None:
    understood = understand(
        READ_BACK, "right. and the stage 2 - what reference do I quote if I chase it?", None, [],
        answers,
    )  # fmt: skip
    assert (understood.about_record, understood.answer) == ("reference", None)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("oh go on then, kids are busy. lets do the complaint about the landing now", True),
        ("ok let's do the complaint now", True),
        # Guards: put off, not asked for.
        ("lets do the complaint later, im busy", False),
        ("ill make the complaint on monday by phone", False),
    ],
)
def test_coming_back_to_do_the_complaint_is_asking_for_it(text: str, asks: bool) -> None:
    """r13d-07: "lets do the complaint about the stairwell now" after leaving the form was
    offered the choice again."""
    assert asks_for_a_complaint(text) is asks


@pytest.mark.parametrize(
    "text",
    [
        "can't you just pass a message on to them for me? i'll forget to call",
        "could you pass on a message to the complaints team",
    ],
)
def test_asking_for_a_message_to_be_passed_on_asks_for_a_person(text: str) -> None:
    """r13d-06: "cant you just pass a message on to them?" was offered a new complaint."""
    assert ASKS_FOR_A_PERSON_PLAINLY.search(words(text)) is not None


def test_passing_a_compliment_on_is_not_asking_for_a_person() -> None:
    assert (
        ASKS_FOR_A_PERSON_PLAINLY.search(words("please pass it on to dean, he was great")) is None
    )


@pytest.mark.parametrize(
    ("text", "answer_id"),
    [
        # r13c-06: "like does complaining actually do anything" got "Goodbye".
        ("like does complaining actually do anything", "what_complaining_does"),
        (
            "whats the point of complaining anyway nothing ever changes round here",
            "what_complaining_does",
        ),
        # r13d-05: "will the MP's office be copied into the response?" was stored as the outcome.
        (
            "Could you also tell me whether the MP's office will be copied into the response?",
            "someone_helping",
        ),
        ("will her councillor get a copy of your answer?", "someone_helping"),
        # r13a-06: "who will they contact, me or dad?" was ignored twice.
        ("ok. who will they contact, me or dad? Dad's hard of hearing", "who_we_contact"),
        # Guard: how complaints work is still its own answer.
        ("how do complaints work?", "how_complaints_work"),
    ],
)
def test_questions_left_unanswered_in_round_13_are_answered(
    text: str, answer_id: str, answers: dict[str, Answer]
) -> None:
    asked = first_answer(text, answers)
    assert asked is not None and asked.id == answer_id


@pytest.mark.parametrize(
    "text",
    [
        "ok i call that number. you have my phone yes?",
        "ok ill ring that. but have you got my number for the stage 2 people?",
        "you've got my phone number yeah?",
    ],
)
def test_have_you_got_my_number_is_answered_from_the_record(text: str) -> None:
    """r13c-07, r13d-16, r13d-01: "you have my phone yes?" got the office's numbers or "using the
    details you gave us", never whether the number was held."""
    assert asks_if_recorded(text) == "details"
    assert recorded_reply("details", Recorded(details_held=True)).startswith("Yes.")
    assert recorded_reply("details", Recorded()).startswith("No, you have not given me")


def test_giving_a_number_is_not_asking_whether_it_is_held() -> None:
    assert asks_if_recorded("you have my number, call me after 5") is None


def test_could_you_tell_me_whether_is_a_question_beside_the_answer() -> None:
    """r13d-05: "... and an explanation of the delay. Could you also tell me whether the MP's
    office will be copied into the response?" was stored whole as what would put it right."""
    asked, rest = questions_and_rest(
        "A new door with a working lock, and an explanation of the delay. Could you also tell me "
        "whether the MP's office will be copied into the response?"
    )
    assert len(asked) == 1 and asked[0].startswith("Could you also tell me")
    assert rest == "A new door with a working lock, and an explanation of the delay."
    # Guard: a request put as a question is not one.
    assert questions_and_rest("could you fix my door please") == (
        [],
        "could you fix my door please",
    )


def test_has_my_stage_2_been_recorded_says_how_they_will_hear() -> None:
    """r13b-05, r13d-15: "has my stage 2 been recorded? and will they email me" was half
    answered: how they would hear was never said."""
    with_details = recorded_reply("stage_2", Recorded(stage_2_asked=True, details_held=True))
    assert with_details.endswith(
        "They will contact you using the phone number or email you gave me."
    )
    without = recorded_reply("stage_2", Recorded(stage_2_asked=True))
    assert "They will reply here in this conversation" in without


def test_how_to_contact_typed_at_the_read_back_is_a_correction_not_a_person(
    answers: dict[str, Answer],
) -> None:
    """r13a-15 (serious): "contact me by PHONE call not email" at the read-back was read as a
    request for a person: handed over, and the complaint not logged."""
    text = "contact me by PHONE call not email"
    assert understand(READ_BACK, text, "request_human", [], answers).kind == "amend"
    # Guard: a plain request for a person still is one.
    asked = understand(READ_BACK, "can i talk to a person please", "request_human", [], answers)
    assert asked.kind != "amend"


def test_will_it_go_to_the_ombudsman_automatically_is_answered_no(
    answers: dict[str, Answer],
) -> None:
    """r13d-07: "will this go to the ombudsman automatically if you dont sort it?" was told how
    to reach the Ombudsman, never whether it happens by itself."""
    asked = first_answer(
        "will this go to the ombudsman automatically if you dont sort it?", answers
    )
    assert asked is not None and asked.id == "ombudsman"
    assert "We do not pass your complaint to them: you contact them yourself." in asked.text


@pytest.mark.parametrize(
    "text",
    [
        "But I've already asked for stage 2 haven't I? I'm confused now",
        "I ALREADY asked for stage 2 at the start of this chat. Has it been done or not?",
    ],
)
def test_checking_a_stage_2_already_asked_for_is_answered_from_the_record(text: str) -> None:
    """r13d-17, r13a-06: got "Is anyone in danger right now?" and "I can't answer that one"."""
    assert asks_if_recorded(text) == "stage_2"


def test_telling_of_a_stage_2_request_is_not_asking_about_it() -> None:
    assert asks_if_recorded("I have asked for stage 2 because the answer was rubbish") is None
    assert asks_if_recorded("has it been done or not?") is None
