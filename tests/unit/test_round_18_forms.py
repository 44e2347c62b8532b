"""Round 18's plain questions and things asked again that need no server: the landlord's answers
to "do I need to be in", a leak from the flat above, old parts, a staff member's surname and
whether they see the complaint, the heating while a repair waits; whether the person who picks
a handover up will email or text; two record questions in one message."""

from __future__ import annotations

import pytest

from bot.answers import changes_contact_details
from bot.policy import Answer
from bot.questions import answers_in, is_question
from bot.recorded import asks_how_they_reply, how_they_reply, subjects_asked
from bot.told import resident_own_name, says_they_are_the_resident


def answer_ids(message: str, answers: dict[str, Answer]) -> list[str]:
    return [asked.answer.id for asked in answers_in(message, answers)]


@pytest.mark.parametrize(
    ("message", "answer_id"),
    [
        # r18a-01 t2, t3, t12: whether she must be in for the plumber.
        ("can i stay at my mums till then or do i have to be in", "be_in_for_visit"),
        ("u never said do i need 2 be home??", "be_in_for_visit"),
        (
            "so for the engineer monday do i need to be in or can my sister let him in",
            "be_in_for_visit",
        ),
        ("does sum1 hav to b in when the plumber comes", "be_in_for_visit"),
        ("I work days. Must I stay in for the repair man?", "be_in_for_visit"),
        # r18a-02 t3-4: the flat above.
        ("can someone get into the flat above mine? its their pipe", "leak_from_above"),
        ("will u go in upstairs and stop it or what", "leak_from_above"),
        ("my stopcock does nothing its coming from theirs??", "leak_from_above"),
        # r18a-05 t4-5: old parts left behind.
        ("am i ok to bin the old taps he left on the side?", "old_parts"),
        ("Is it alright if I throw out the bits of pipe?", "old_parts"),
        ("i wasnt sure if i can chuck the old part, he left it in the hall", "old_parts"),
        # r18a-06 t2, t11: naming staff, and whether they see it.
        ("i only know him as steve. do you need his surname", "staff_surname"),
        ("dont know her last name is that a problem?", "staff_surname"),
        ("will Steve see this?", "staff_sees_complaint"),
        ("is the housing officer going to read my complaint??", "staff_sees_complaint"),
        ("will she see wot i wrote", "staff_sees_complaint"),
        # r18a-10 t2, t12: the heating while hot water waits.
        ("T asks ok to use heating meanwhile? rads working. adv pls", "heating_while_waiting"),
        ("can i put the heating on while i wait for the hot water", "heating_while_waiting"),
        ("is it safe to keep using the radiators till the part comes?", "heating_while_waiting"),
    ],
)
def test_round_18_plain_questions_get_an_answer(
    answers: dict[str, Answer], message: str, answer_id: str
) -> None:
    assert answer_ids(message, answers)[:1] == [answer_id]


@pytest.mark.parametrize(
    "message",
    [
        "I need to be in work early, can the plumber come after 6?",
        "do you need my surname?",
        "my heating is broken can you fix it",
        "is it safe to use the boiler, it smells of gas?",
        "the noise from upstairs is every night",
    ],
)
def test_near_misses_get_none_of_the_round_18_answers(
    answers: dict[str, Answer], message: str
) -> None:
    new = {
        "be_in_for_visit", "leak_from_above", "old_parts", "staff_surname",
        "staff_sees_complaint", "heating_while_waiting",
    }  # fmt: skip
    assert not new & set(answer_ids(message, answers))


@pytest.mark.parametrize(
    "message",
    [
        "so for the plumber do i need to be in or can i go out",
        "I didn't know if I'm allowed to throw them out",
        "not sure whether i can go to my mums",
    ],
)
def test_a_question_inside_a_sentence_without_a_mark_is_a_question(message: str) -> None:
    assert is_question(message)


@pytest.mark.parametrize(
    "message",
    [
        # r18a-11 t4-5, r18a-12 t6 and our own wordings.
        "so will they email me or not",
        "will they reply on here? i wont be on monday",
        "theyll ring the new one yeah? 948 not 311",
        "r they gonna text me back?",
        "will someone email me or do i have to check here",
    ],
)
def test_will_they_email_me_asks_how_the_person_replies(message: str) -> None:
    assert asks_how_they_reply(message)


@pytest.mark.parametrize(
    "message",
    [
        "I will email you later",
        "they will ring me on monday",
        "i want them to text me",
        # Whom we contact, not how (round 13 r13a-06): the answer about whom we contact.
        "ok. who will they contact, me or dad?",
    ],
)
def test_telling_how_to_reply_asks_nothing(message: str) -> None:
    assert not asks_how_they_reply(message)


def test_the_reply_way_says_yes_with_the_detail_typed() -> None:
    assert "kay@example.com" in how_they_reply("kay@example.com", None, texts=False)
    assert how_they_reply("kay@example.com", None, texts=False).startswith("Yes.")
    texted = how_they_reply(None, "07700 900948", texts=True)
    assert "text you on" in texted and "07700 900948" in texted
    assert how_they_reply(None, None, texts=False).startswith("They will reply here")


@pytest.mark.parametrize(
    ("message", "subjects"),
    [
        # r18a-13 t4: two record questions in one message, in a learner's English.
        (
            "sorry my english. you have my number 07700 900262? please SMS me. complaint is saved "
            "yes or no?",
            ["details", "complaint"],
        ),
        ("complaint is saved yes or no?", ["complaint"]),
        ("complaint saved yes or no?", ["complaint"]),
        ("my complain was registered yes?", ["complaint"]),
        ("have you got my email? and is the complaint logged", ["details", "complaint"]),
    ],
)
def test_each_record_question_in_a_message_is_found(message: str, subjects: list[str]) -> None:
    assert subjects_asked(message) == subjects


def test_a_complaint_told_saved_asks_nothing() -> None:
    assert subjects_asked("my complaint is saved, now i want to add something") == []


@pytest.mark.parametrize(
    ("said", "name"),
    [
        # r18a-15 t2, t8: her name before "the tenant", then asked "are you the resident".
        ("his name Rahim Uddin. I am Shirin Begum the tenant. when someone come?", "Shirin Begum"),
        ("im Dev Patel, tenant. cold flat", "Dev Patel"),
        ("I'm Grace Obi the leaseholder of flat 3", "Grace Obi"),
    ],
)
def test_a_name_before_the_tenant_says_the_writer_is_the_resident(said: str, name: str) -> None:
    assert says_they_are_the_resident(said)
    assert resident_own_name(said) == name


@pytest.mark.parametrize(
    "said", ["im Lisa, the tenant's daughter", "i am helping the tenant", "im Jo the tenants carer"]
)
def test_a_helper_beside_the_tenant_is_not_the_resident(said: str) -> None:
    assert not says_they_are_the_resident(said)


@pytest.mark.parametrize(
    "said",
    [
        "can u update my number to the new one so u can reach me",
        "i asked u to change my phone number on my complaint to 07700 900 948",
        "tell them my new number is 07700 900 948",
    ],
)
def test_a_new_number_asked_for_is_a_change_of_contact(said: str) -> None:
    assert changes_contact_details(said)


@pytest.mark.parametrize(
    "said", ["my number is 07700 900948", "the new boiler is broken", "whats ur phone number"]
)
def test_a_number_given_or_asked_for_is_no_change(said: str) -> None:
    assert not changes_contact_details(said)
